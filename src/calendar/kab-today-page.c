/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-today-page.c: the Calendar's day mode: a day's sessions, the week ahead, what waits */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-calendar-util.h"
#include "kab-enums.h"
#include "kab-money.h"
#include "kab-status-menu.h"
#include "kab-today-page.h"
#include "kab-tooltip.h"
#include "journal/kab-journal-document.h"
#include "journal/kab-journal-editor.h"
#include "kab-text.h"

/* Everything here is a door to where the work is done: a row opens its session, week,
 * agreement or debt, and the buttons on a row do the one thing most often done there
 * (mark a session attended, record a payment) through the actions of the Calendar view
 * and of the window ("win.open-in-view"), so the page knows no other view. */

/* A session in the past still marked planned is looked for this far back. */
#define PAST_PLANNED_DAYS 90
/* The sessions a day of the week's brief names before "and 6 more". */
#define WEEK_BRIEF_SESSIONS 4
/* A debt is overdue when its oldest unpaid charge is older than this. */
#define OVERDUE_DAYS 30
/* The meetings a consultation is planned for: after them, Kabinett asks what comes next. */
#define CONSULTATION_MEETINGS 2
/* Rows a list of the waiting work shows before it says how many more there are. */
#define MAX_WAITING_ROWS 12

struct _KabTodayPage
{
  AdwBin      parent_instance;

  KabStore   *store;
  GDateTime  *day;          /* local midnight of the day shown */
  guint       refresh_id;
  gboolean    dirty;        /* changed while not shown: refresh when shown */

  GtkListBox *day_list;
  GtkListBox *week_list;
  GtkListBox *waiting_list;
  AdwPreferencesGroup *day_group;
};

G_DEFINE_FINAL_TYPE (KabTodayPage, kab_today_page, ADW_TYPE_BIN)

static void queue_refresh (KabTodayPage *self);

/* Rows */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (list, child);
      else
        break;
    }
}

static void
set_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_box_set_placeholder (list, label);
}

/* A row of the page: a title and a subtitle on one line each, ellipsized, and buttons at
 * the end. It is a plain GtkListBoxRow holding what an AdwActionRow shows, in boxes of
 * the same style classes, so that it looks the same: an AdwActionRow is some ten widgets
 * with bindings and handlers, about 1.7 million instructions a row on the way to the
 * first frame, and the page shows a score of rows at every start. One line: a wrapping
 * label is laid out again for every width a GtkBox tries (Pango shaped the page's rows
 * 55,000 times before the first frame when they wrapped). The whole text stays in the
 * labels for screen readers, and in the row's tooltip. */
static GtkWidget *
new_line_label (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *action,
         GVariant   *target)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *title_label = new_line_label (title, "title");

  gtk_widget_add_css_class (header, "header");
  gtk_widget_set_valign (header, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (titles, "title");
  gtk_widget_set_valign (titles, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (titles), title_label);
  if (subtitle != NULL)
    gtk_box_append (GTK_BOX (titles), new_line_label (subtitle, "subtitle"));
  gtk_widget_add_css_class (suffixes, "suffixes");
  gtk_box_append (GTK_BOX (header), titles);
  gtk_box_append (GTK_BOX (header), suffixes);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), header);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title_label, NULL,
                                  -1);
  /* What is cut off shows when the pointer rests on the row. */
  kab_tooltip_set_text (row, subtitle != NULL ? subtitle : title);

  if (action != NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  else
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      if (target != NULL)
        g_variant_unref (g_variant_ref_sink (target));
    }

  return row;
}

/* Into the row's last box, after its titles (see new_row()). */
static void
add_suffix (GtkWidget *row,
            GtkWidget *widget)
{
  GtkWidget *header = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  gtk_box_append (GTK_BOX (gtk_widget_get_last_child (header)), widget);
}

/* The text of a row's title or subtitle ("title", "subtitle"), for tests. */
static const char *
row_text (GtkWidget  *row,
          const char *css_class)
{
  GtkWidget *header = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *titles = header != NULL ? gtk_widget_get_first_child (header) : NULL;

  for (GtkWidget *child = titles != NULL ? gtk_widget_get_first_child (titles) : NULL;
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, css_class))
      return gtk_label_get_text (GTK_LABEL (child));

  return NULL;
}

/* A row that opens a place ends with an arrow, after its buttons. */
static void
append_row (GtkListBox *list,
            GtkWidget  *row)
{
  if (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)) != NULL)
    add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_list_box_append (list, row);
}

static GtkWidget *
new_suffix_button (const char *icon_name,
                   const char *tooltip,
                   const char *action,
                   GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  kab_tooltip_set_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);

  return button;
}

static GVariant *
status_target (KabSession       *session,
               KabSessionStatus  status)
{
  return g_variant_new ("(xs)", kab_session_get_id (session), kab_session_status_to_nick (status));
}

static GVariant *
open_in_view_target (const char *view,
                     const char *action,
                     gint64      client_id)
{
  return g_variant_new ("(ssx)", view, action, client_id);
}

/* The whole choice of statuses, each saying what it charges as the calendar's do, and
 * what else a session offers, one click away. The menu is made as it opens: what a
 * cancellation costs depends on the time left before the session. */
static void
fill_session_menu (GtkMenuButton *button,
                   gpointer       user_data)
{
  KabTodayPage *self = user_data;
  KabSession *session = g_object_get_data (G_OBJECT (button), "kab-session");
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) statuses = kab_status_menu_new (self->store, session, "calendar.set-status", status_target);
  g_autoptr(GMenu) more = g_menu_new ();
  g_autoptr(GMenuItem) edit = NULL;
  g_autoptr(GMenuItem) pay = NULL;
  g_autofree char *heading = kab_status_menu_heading (self->store, session);

  edit = g_menu_item_new (_("_Edit Session…"), NULL);
  g_menu_item_set_action_and_target_value (edit, "calendar.edit-session",
                                           g_variant_new_int64 (kab_session_get_id (session)));
  g_menu_append_item (more, edit);
  pay = g_menu_item_new (_("Record _Payment…"), NULL);
  g_menu_item_set_action_and_target_value (pay, "win.open-in-view",
                                           open_in_view_target ("payments", "payments.record-for",
                                                                kab_session_get_client_id (session)));
  g_menu_append_item (more, pay);

  g_menu_append_section (menu, heading, G_MENU_MODEL (statuses));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (more));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static GtkWidget *
new_session_menu_button (KabTodayPage *self,
                         KabSession   *session)
{
  GtkWidget *button = gtk_menu_button_new ();

  g_object_set_data_full (G_OBJECT (button), "kab-session", g_object_ref (session), g_object_unref);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), fill_session_menu, self, NULL);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  kab_tooltip_set_text (button, _("Status and More"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status and More"), -1);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

/* A session of the day, or one in the past still to be marked: its time and status,
 * "attended" in one click, the other statuses and a payment in the menu. */
static GtkWidget *
new_session_row (KabTodayPage *self,
                 KabSession   *session,
                 gboolean      with_day)
{
  g_autoptr(GDateTime) end = kab_session_dup_end (session);
  g_autofree char *time = kab_calendar_format_time_range (kab_session_get_start (session), end);
  g_autofree char *day = with_day ? kab_calendar_format_day (kab_session_get_start (session)) : NULL;
  g_autofree char *subtitle = NULL;
  KabSessionStatus status = kab_session_get_status (session);
  GtkWidget *row;

  /* Translators: a session's time and status in the day's list: "10:00–10:50 · Planned" */
  subtitle = with_day ? g_strdup_printf (C_("today", "%s, %s · %s"), day, time, kab_session_status_to_label (status))
                      : g_strdup_printf (C_("today", "%s · %s"), time, kab_session_status_to_label (status));

  row = new_row (kab_session_get_client_name (session), subtitle,
                 "calendar.edit-session", g_variant_new_int64 (kab_session_get_id (session)));
  gtk_widget_set_name (row, "session-row");

  if (status == KAB_SESSION_STATUS_PLANNED)
    add_suffix (row, new_suffix_button ("object-select-symbolic", _("Mark Attended"),
                                        "calendar.set-status",
                                        status_target (session, KAB_SESSION_STATUS_ATTENDED)));
  else
    gtk_widget_add_css_class (row, "dim-label");

  add_suffix (row, new_suffix_button ("kab-payments-symbolic", _("Record Payment"),
                                      "win.open-in-view",
                                      open_in_view_target ("payments", "payments.record-for",
                                                           kab_session_get_client_id (session))));
  add_suffix (row, new_session_menu_button (self, session));

  return row;
}

/* Loading */

static GListModel *
list_sessions (KabTodayPage *self,
               GDateTime    *from,
               GDateTime    *to)
{
  g_autoptr(GError) error = NULL;
  GListModel *sessions = kab_store_list_sessions (self->store, from, to, &error);

  if (sessions == NULL)
    g_warning ("Could not list the sessions for Today: %s", error->message);

  return sessions;
}

static void
fill_day (KabTodayPage *self)
{
  g_autoptr(GDateTime) next = g_date_time_add_days (self->day, 1);
  g_autoptr(GDateTime) to = kab_calendar_day_start (next);
  g_autoptr(GListModel) sessions = list_sessions (self, self->day, to);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = kab_calendar_day_start (now);

  /* The date itself is the view's title. */
  adw_preferences_group_set_title (self->day_group,
                                   g_date_time_equal (today, self->day) ? _("Today") : _("Sessions"));
  clear_list (self->day_list);
  if (sessions == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);

      append_row (self->day_list, new_session_row (self, session, FALSE));
    }
}

static gboolean
is_cancelled (KabSessionStatus status)
{
  return status == KAB_SESSION_STATUS_CANCELLED_IN_TIME
         || status == KAB_SESSION_STATUS_CANCELLED_LATE
         || status == KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER;
}

/* One line a day, for the days that have sessions: "10:00 Anna Karlsson, 11:00 Lars Berg". */
static void
fill_week (KabTodayPage *self)
{
  g_autoptr(GDateTime) next = g_date_time_add_days (self->day, 1);
  g_autoptr(GDateTime) from = kab_calendar_day_start (next);
  g_autoptr(GDateTime) after = g_date_time_add_days (from, 7);
  g_autoptr(GDateTime) to = kab_calendar_day_start (after);
  g_autoptr(GListModel) sessions = list_sessions (self, from, to);
  g_autoptr(GString) line = g_string_new (NULL);   /* the first sessions, for the row */
  g_autoptr(GString) all = g_string_new (NULL);    /* every session, for its tooltip */
  g_autoptr(GDateTime) line_day = NULL;
  guint n = sessions != NULL ? g_list_model_get_n_items (sessions) : 0;
  guint in_line = 0;

  clear_list (self->week_list);

  for (guint i = 0; i <= n; i++)
    {
      g_autoptr(KabSession) session = i < n ? g_list_model_get_item (sessions, i) : NULL;
      g_autoptr(GDateTime) day = session != NULL ? kab_calendar_day_start (kab_session_get_start (session)) : NULL;
      g_autofree char *time = NULL;
      g_autofree char *name = NULL;
      g_autofree char *entry = NULL;

      if (session != NULL && is_cancelled (kab_session_get_status (session)))
        continue;

      if (line_day != NULL && (day == NULL || !g_date_time_equal (day, line_day)))
        {
          g_autofree char *title = kab_calendar_format_day (line_day);
          g_autofree char *subtitle = NULL;
          GtkWidget *row;

          /* A day of many sessions names the first few: the row has one line, and a
           * long text costs its layout at every size GTK asks about. The row opens the
           * day's week; its tooltip and its description name every session. */
          if (in_line > WEEK_BRIEF_SESSIONS)
            /* Translators: the sessions of a day in Today's week: the first few, then
             * how many others, "09:00 Anna K., 10:00 Per O. and 6 more" */
            subtitle = g_strdup_printf (ngettext ("%s and %u more", "%s and %u more",
                                                  in_line - WEEK_BRIEF_SESSIONS),
                                        line->str, in_line - WEEK_BRIEF_SESSIONS);
          else
            subtitle = g_strdup (line->str);

          row = new_row (title, subtitle, "calendar.show-week",
                         g_variant_new_int64 (g_date_time_to_unix (line_day)));
          kab_tooltip_set_text (row, all->str);
          append_row (self->week_list, row);
          g_string_truncate (line, 0);
          g_string_truncate (all, 0);
          in_line = 0;
          g_clear_pointer (&line_day, g_date_time_unref);
        }

      if (session == NULL)
        break;

      if (line_day == NULL)
        line_day = g_date_time_ref (day);

      time = kab_calendar_format_time (kab_session_get_start (session));
      name = kab_isolate (kab_session_get_client_name (session));
      /* Translators: one session in the week's brief: "10:00 Anna Karlsson" */
      entry = g_strdup_printf (C_("today", "%s %s"), time, name);

      if (all->len > 0)
        g_string_append (all, ", ");
      g_string_append (all, entry);
      if (in_line < WEEK_BRIEF_SESSIONS)
        {
          if (line->len > 0)
            g_string_append (line, ", ");
          g_string_append (line, entry);
        }
      in_line++;
    }
}

static void
append_more_row (GtkListBox *list,
                 guint       n_more,
                 const char *action,
                 GVariant   *target)
{
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", n_more), n_more);

  append_row (list, new_row (title, NULL, action, target));
}

/* Sessions in the past that nobody marked: the most recent first, since those are the
 * ones the practitioner still remembers. */
static void
fill_past_planned (KabTodayPage *self,
                   GDateTime    *now)
{
  g_autoptr(GDateTime) today = kab_calendar_day_start (now);
  g_autoptr(GDateTime) back = g_date_time_add_days (today, -PAST_PLANNED_DAYS);
  g_autoptr(GDateTime) from = kab_calendar_day_start (back);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sessions = kab_store_list_planned_sessions (self->store, from, today, &error);
  guint n = sessions != NULL ? g_list_model_get_n_items (sessions) : 0;
  guint shown = 0, more = 0;

  if (sessions == NULL)
    g_warning ("Could not list the sessions waiting to be marked: %s", error->message);
  gint64 oldest = 0;

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i - 1);

      if (kab_session_get_status (session) != KAB_SESSION_STATUS_PLANNED)
        continue;

      oldest = g_date_time_to_unix (kab_session_get_start (session));
      if (shown >= MAX_WAITING_ROWS)
        {
          more++;
          continue;
        }

      append_row (self->waiting_list, new_session_row (self, session, TRUE));
      shown++;
    }

  if (more > 0)
    append_more_row (self->waiting_list, more, "calendar.show-week", g_variant_new_int64 (oldest));
}

/* A journal row opens its note (it has no action: the editor is a window of its own). */
static void
on_waiting_row_activated (GtkListBox    *list,
                          GtkListBoxRow *row,
                          KabTodayPage  *self)
{
  KabJournalEntry *entry = g_object_get_data (G_OBJECT (row), "entry");
  KabJournalEditor *editor;
  GtkRoot *root;

  if (entry == NULL)
    return;

  editor = kab_journal_editor_new (self->store, entry);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  /* Signed there, the note leaves this list. */
  g_signal_connect_object (editor, "saved", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Journal notes left unsigned for more than a day, as the Clients view counts them: the
 * oldest first, each opening the note to sign. Only whose and when shows here. */
static void
fill_journal_to_sign (KabTodayPage *self,
                      GDateTime    *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = kab_store_list_journal_to_sign (self->store, now, &error);
  guint n = entries != NULL ? g_list_model_get_n_items (entries) : 0;

  if (entries == NULL)
    g_warning ("Could not list the journal notes to sign for Today: %s", error->message);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabJournalEntry) entry = g_list_model_get_item (entries, i);
      KabClient *client = kab_store_find_client (self->store, kab_journal_entry_get_client_id (entry));
      g_autofree char *when = kab_journal_format_moment (kab_journal_entry_get_occurred (entry));
      g_autofree char *title = NULL;
      g_autofree char *name = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (i >= MAX_WAITING_ROWS)
        {
          append_more_row (self->waiting_list, n - i, "win.show-view", g_variant_new_string ("clients"));
          break;
        }

      name = kab_isolate (client != NULL ? kab_client_get_display_name (client) : "");
      /* Translators: a row of Today's waiting work: "Journal note to sign: Anna Karlsson" */
      title = g_strdup_printf (_("Journal note to sign: %s"), name);
      /* Translators: a found journal entry: its date and time, kind and state, e.g.
       * "10 March 2026 14:00 · Session · Draft, not signed" */
      subtitle = g_strdup_printf (_("%s · %s · %s"), when,
                                  kab_journal_kind_to_label (kab_journal_entry_get_kind (entry)),
                                  _("Draft, not signed"));
      row = new_row (title, subtitle, NULL, NULL);
      gtk_widget_set_name (row, "journal-to-sign-row");
      g_object_set_data_full (G_OBJECT (row), "entry", g_object_ref (entry), g_object_unref);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
      append_row (self->waiting_list, row);
    }
}

static int
compare_next_session (gconstpointer a,
                      gconstpointer b)
{
  GDateTime *x = kab_client_get_next_session (*(KabClient **) a);
  GDateTime *y = kab_client_get_next_session (*(KabClient **) b);

  return g_date_time_compare (x, y);
}

/* As the Consent view's "to sign" list: active clients with a session ahead and no
 * signed agreement, the next session first. */
static void
fill_agreements (KabTodayPage *self)
{
  GListModel *clients = kab_store_get_clients (self->store);
  g_autoptr(GPtrArray) waiting = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (clients, i);

      if (kab_client_get_status (client) == KAB_CLIENT_STATUS_ACTIVE
          && kab_client_get_next_session (client) != NULL
          && kab_client_get_consent_state (client) != KAB_CONSENT_STATE_SIGNED)
        g_ptr_array_add (waiting, g_steal_pointer (&client));
    }

  g_ptr_array_sort (waiting, compare_next_session);

  for (guint i = 0; i < waiting->len; i++)
    {
      KabClient *client = g_ptr_array_index (waiting, i);
      g_autofree char *next = kab_calendar_format_day_in_sentence (kab_client_get_next_session (client));
      g_autofree char *title = NULL;
      g_autofree char *name = NULL;
      g_autofree char *subtitle = NULL;

      if (i >= MAX_WAITING_ROWS)
        {
          append_more_row (self->waiting_list, waiting->len - i, "win.open-in-view",
                           open_in_view_target ("consent", "consent.show-client", kab_client_get_id (client)));
          break;
        }

      name = kab_isolate (kab_client_get_display_name (client));
      /* Translators: a row of Today's waiting work: "Agreement to sign: Anna Karlsson" */
      title = g_strdup_printf (_("Agreement to sign: %s"), name);
      /* Translators: when the client comes next: "Next session Monday 7 December 2026" */
      subtitle = g_strdup_printf (_("Next session %s"), next);
      append_row (self->waiting_list,
                           new_row (title, subtitle, "win.open-in-view",
                                    open_in_view_target ("consent", "consent.show-client",
                                                         kab_client_get_id (client))));
    }
}

static void
fill_debts (KabTodayPage *self,
            GDateTime    *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) debts = kab_store_list_debts (self->store, &error);
  g_autoptr(GDateTime) limit = g_date_time_add_days (now, -OVERDUE_DAYS);
  const char *currency = kab_practice_get_currency (kab_store_get_practice (self->store));
  guint shown = 0;

  if (debts == NULL)
    {
      g_warning ("Could not list the debts for Today: %s", error->message);
      return;
    }

  for (guint i = 0; i < debts->len; i++)
    {
      KabDebt *debt = &g_array_index (debts, KabDebt, i);
      KabClient *client;
      g_autofree char *amount = NULL;
      g_autofree char *since = NULL;
      g_autofree char *title = NULL;
      g_autofree char *name = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (debt->amount <= 0 || debt->since == NULL || g_date_time_compare (debt->since, limit) > 0)
        continue;

      client = kab_store_find_client (self->store, debt->client_id);
      if (client == NULL)
        continue;

      if (shown++ >= MAX_WAITING_ROWS)
        continue;

      amount = kab_money_format (debt->amount, currency);
      since = kab_calendar_format_day_in_sentence (debt->since);
      name = kab_isolate (kab_client_get_display_name (client));
      /* Translators: a row of Today's waiting work: "Anna Karlsson owes 1 200 kr" */
      title = g_strdup_printf (_("%s owes %s"), name, amount);
      /* Translators: the date of the oldest unpaid charge */
      subtitle = g_strdup_printf (_("Unpaid since %s"), since);
      row = new_row (title, subtitle, "win.open-in-view",
                     open_in_view_target ("payments", "payments.show-client", debt->client_id));
      add_suffix (row, new_suffix_button ("kab-payments-symbolic", _("Record Payment"),
                                          "win.open-in-view",
                                          open_in_view_target ("payments", "payments.record-for",
                                                               debt->client_id)));
      append_row (self->waiting_list, row);
    }

  if (shown > MAX_WAITING_ROWS)
    append_more_row (self->waiting_list, shown - MAX_WAITING_ROWS, "win.show-view",
                     g_variant_new_string ("payments"));
}

/* A consultation that has had its meetings (or its one meeting, with nothing planned
 * after it) is done: finish it, or go on with psychotherapy. */
static guint
count_consultations_held (KabTodayPage *self,
                          KabClient    *client)
{
  g_autoptr(GListModel) sessions = kab_store_list_client_sessions (self->store, kab_client_get_id (client), NULL);
  guint held = 0;

  for (guint i = 0; sessions != NULL && i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);

      held += kab_session_get_kind (session) == KAB_SESSION_KIND_CONSULTATION
              && kab_session_get_status (session) == KAB_SESSION_STATUS_ATTENDED;
    }

  return held;
}

static void
on_consultation_next (GtkButton    *button,
                      KabTodayPage *self)
{
  gint64 client_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "client-id"));
  gboolean finish = g_object_get_data (G_OBJECT (button), "finish") != NULL;
  KabClient *client = kab_store_find_client (self->store, client_id);
  g_autoptr(KabClient) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (client == NULL)
    return;

  copy = kab_client_copy (client);
  if (finish)
    kab_client_set_status (copy, KAB_CLIENT_STATUS_FINISHED);
  else
    kab_client_set_service (copy, KAB_SERVICE_PSYCHOTHERAPY);

  if (!kab_store_save_client (self->store, copy, &error))
    g_warning ("Could not save the client: %s", error->message);
  queue_refresh (self);
}

static GtkWidget *
new_text_button (KabTodayPage *self,
                 const char   *label,
                 const char   *tooltip,
                 gint64        client_id,
                 gboolean      finish)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  kab_tooltip_set_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "client-id", GSIZE_TO_POINTER ((gsize) client_id));
  g_object_set_data (G_OBJECT (button), "finish", finish ? GINT_TO_POINTER (1) : NULL);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_consultation_next), self, 0);
  return button;
}

static void
fill_consultations (KabTodayPage *self)
{
  GListModel *clients = kab_store_get_clients (self->store);

  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (clients, i);
      g_autofree char *title = NULL;
      g_autofree char *name = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      guint held;

      if (kab_client_get_status (client) != KAB_CLIENT_STATUS_ACTIVE
          || kab_client_get_service (client) != KAB_SERVICE_CONSULTATION)
        continue;

      held = count_consultations_held (self, client);
      if (held < CONSULTATION_MEETINGS && (held == 0 || kab_client_get_next_session (client) != NULL))
        continue;

      name = kab_isolate (kab_client_get_display_name (client));
      /* Translators: a row of Today's waiting work */
      title = g_strdup_printf (_("Consultation with %s held"), name);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u meeting: finish, or go on with psychotherapy",
                                               "%u meetings: finish, or go on with psychotherapy", held),
                                  held);
      row = new_row (title, subtitle, NULL, NULL);
      add_suffix (row, new_text_button (self, _("_Finish"), _("Mark the client finished"),
                                        kab_client_get_id (client), TRUE));
      add_suffix (row, new_text_button (self, _("_Psychotherapy"),
                                        _("Go on with psychotherapy: new sessions are booked as psychotherapy"),
                                        kab_client_get_id (client), FALSE));
      gtk_widget_set_name (row, "consultation-row");
      append_row (self->waiting_list, row);
    }
}

/**
 * kab_today_page_refresh:
 *
 * Loads the day, the week after it and the waiting work again: three indexed session
 * queries, the debts, and a pass over the clients.
 */
void
kab_today_page_refresh (KabTodayPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (KAB_IS_TODAY_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->dirty = FALSE;

  if (self->store == NULL || self->day == NULL)
    return;

  fill_day (self);
  fill_week (self);

  clear_list (self->waiting_list);
  fill_past_planned (self, now);
  fill_journal_to_sign (self, now);
  fill_agreements (self);
  fill_consultations (self);
  fill_debts (self, now);
}

static gboolean
refresh_idle (gpointer user_data)
{
  KabTodayPage *self = user_data;

  self->refresh_id = 0;
  kab_today_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Several writes in a row make one refresh, and none while the page is not shown. */
static void
queue_refresh (KabTodayPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }

  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, refresh_idle, self, NULL);
}

/* GObject */

static void
kab_today_page_map (GtkWidget *widget)
{
  KabTodayPage *self = KAB_TODAY_PAGE (widget);

  GTK_WIDGET_CLASS (kab_today_page_parent_class)->map (widget);

  if (self->dirty)
    kab_today_page_refresh (self);
}

static void
kab_today_page_dispose (GObject *object)
{
  KabTodayPage *self = KAB_TODAY_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_TODAY_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->day, g_date_time_unref);

  G_OBJECT_CLASS (kab_today_page_parent_class)->dispose (object);
}

static void
kab_today_page_class_init (KabTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_today_page_dispose;
  widget_class->map = kab_today_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/calendar/kab-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KabTodayPage, day_list);
  gtk_widget_class_bind_template_child (widget_class, KabTodayPage, week_list);
  gtk_widget_class_bind_template_child (widget_class, KabTodayPage, waiting_list);
  gtk_widget_class_bind_template_child (widget_class, KabTodayPage, day_group);
}

static void
kab_today_page_init (KabTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_placeholder (self->day_list, _("No sessions on this day"));
  set_placeholder (self->week_list, _("Nothing planned"));
  set_placeholder (self->waiting_list, _("Nothing is waiting: every session is marked, every note and agreement signed"));
  g_signal_connect_object (self->waiting_list, "row-activated",
                           G_CALLBACK (on_waiting_row_activated), self, 0);
}

/**
 * kab_today_page_set_store:
 *
 * The page follows every change of @store that it shows.
 */
void
kab_today_page_set_store (KabTodayPage *self,
                          KabStore     *store)
{
  g_return_if_fail (KAB_IS_TODAY_PAGE (self));
  g_return_if_fail (KAB_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);

  g_signal_connect_object (store, "sessions-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "ledger-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "consents-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kab_store_get_clients (store), "items-changed",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
}

/**
 * kab_today_page_set_date:
 * @day: a moment of the day to show
 */
void
kab_today_page_set_date (KabTodayPage *self,
                         GDateTime    *day)
{
  g_autoptr(GDateTime) start = NULL;

  g_return_if_fail (KAB_IS_TODAY_PAGE (self));

  start = kab_calendar_day_start (day);
  if (self->day != NULL && g_date_time_equal (self->day, start))
    return;

  g_clear_pointer (&self->day, g_date_time_unref);
  self->day = g_steal_pointer (&start);
  kab_today_page_refresh (self);
}

/**
 * kab_today_page_get_list:
 * @name: "day", "week" or "waiting"
 *
 * Returns: (transfer none): one of the page's lists, for tests
 */
GtkListBox *
kab_today_page_get_list (KabTodayPage *self,
                         const char   *name)
{
  g_return_val_if_fail (KAB_IS_TODAY_PAGE (self), NULL);

  if (g_strcmp0 (name, "day") == 0)
    return self->day_list;
  if (g_strcmp0 (name, "week") == 0)
    return self->week_list;
  return self->waiting_list;
}

/**
 * kab_today_page_row_get_title:
 * @row: a row of one of the page's lists
 *
 * Returns: (nullable): the row's title, as shown, for tests
 */
const char *
kab_today_page_row_get_title (GtkWidget *row)
{
  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), NULL);

  return row_text (row, "title");
}

/**
 * kab_today_page_row_get_subtitle:
 * @row: a row of one of the page's lists
 *
 * Returns: (nullable): the row's subtitle, as shown, for tests
 */
const char *
kab_today_page_row_get_subtitle (GtkWidget *row)
{
  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), NULL);

  return row_text (row, "subtitle");
}
