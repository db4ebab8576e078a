/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-supervision-ui.c: the supervision log in the Calendar view of a real window: a Balint
 * group booked as a series with a case brought, the hours, and no client's name on screen */

#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <locale.h>
#include <string.h>

#include "calendar/kab-calendar-view.h"
#include "kab-preferences-window.h"
#include "reminders/kab-reminder-preferences.h"
#include "reminders/kab-reminders-dialog.h"
#include "reminders/kab-reminders-service.h"
#include "supervision/kab-supervision-dialog.h"
#include "supervision/kab-supervision-page.h"
#include "kab-store.h"
#include "kab-test-util.h"
#include "kab-test-ui-util.h"

typedef struct
{
  char      *dir;
  KabStore  *store;
  GtkWindow *window;
  GtkWidget *view;
} Fixture;

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("KAB_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  int width, height;

  if (dir == NULL)
    return;

  if (GTK_IS_WINDOW (widget))
    widget = gtk_window_get_child (GTK_WINDOW (widget));
  kab_test_iterate ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

static KabClient *
add_client (KabStore   *store,
            const char *given,
            const char *family)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (client, "given-name", given, "family-name", family, "fee", (gint64)120000, NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_assert_no_error (error);
  return kab_store_find_client (store, kab_client_get_id (client));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWidget *overlay;

  f->dir = g_dir_make_tmp ("kabinett-supervision-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "kabinett.db", NULL);
  f->store = kab_store_open (path, &error);
  g_assert_no_error (error);

  add_client (f->store, "Anna", "Karlsson");
  add_client (f->store, "Lars", "Berg");
  add_client (f->store, "Ольга", "Смирнова");

  f->view = kab_calendar_view_new (f->store);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), f->view);
  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1100, 760);
  adw_window_set_content (ADW_WINDOW (f->window), overlay);
  gtk_window_present (f->window);
  kab_test_wait_until_mapped (f->view);
  kab_test_iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  KabStore *store = f->store;

  kab_test_destroy_all_windows ();
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *)&store);
  g_clear_object (&f->store);
  g_assert_null (store);
  kab_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gpointer
dialog_child (KabSupervisionDialog *dialog,
              const char           *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), KAB_TYPE_SUPERVISION_DIALOG, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return child;
}

/* Every text a widget tree shows: labels, and what is typed in entries. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_EDITABLE (widget) && !GTK_IS_SPIN_BUTTON (widget))
    g_string_append_printf (text, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static void
assert_no_client_name (KabStore  *store,
                       GtkWidget *widget)
{
  g_autoptr(GString) text = g_string_new ("");
  g_autofree char *folded = NULL;
  GListModel *clients = kab_store_get_clients (store);

  collect_text (widget, text);
  folded = g_utf8_casefold (text->str, -1);
  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (clients, i);
      g_autofree char *given = g_utf8_casefold (kab_client_get_given_name (client), -1);
      g_autofree char *family = g_utf8_casefold (kab_client_get_family_name (client), -1);

      if (strstr (folded, given) != NULL || strstr (folded, family) != NULL)
        g_error ("A client's name is on screen:\n%s", text->str);
    }
}

static void
set_text (KabSupervisionDialog *dialog,
          const char           *name,
          const char           *text)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, name)), text);
}

/* The user books a Balint group every second Wednesday at 18:00 with a case brought by
 * its initials (a code with the client's name is refused); the log lists the meetings
 * with the year's hours, and not one client's name is on the page. */
static void
test_book_balint_series (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *page;
  KabSupervisionDialog *dialog;
  GListModel *clients = kab_store_get_clients (f->store);
  GtkListBox *cases;
  GListModel *meetings;
  g_autoptr(GString) text = g_string_new ("");

  /* The log is made when first shown, not with the calendar. */
  g_assert_null (kab_test_find_by_type (f->view, KAB_TYPE_SUPERVISION_PAGE));
  g_assert_true (gtk_widget_activate_action (f->view, "calendar.show-supervision", NULL));
  kab_test_iterate ();
  page = kab_test_find_by_type (f->view, KAB_TYPE_SUPERVISION_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  kab_supervision_page_set_year (KAB_SUPERVISION_PAGE (page), 2026);

  g_assert_true (gtk_widget_activate_action (page, "supervision.add", NULL));
  dialog = KAB_SUPERVISION_DIALOG (kab_test_find_toplevel (KAB_TYPE_SUPERVISION_DIALOG));
  g_assert_nonnull (dialog);
  kab_test_wait_until_mapped (GTK_WIDGET (dialog));

  adw_combo_row_set_selected (dialog_child (dialog, "kind_row"), KAB_SUPERVISION_KIND_BALINT);
  set_text (dialog, "date_row", "2026-01-07");
  set_text (dialog, "time_row", "18:00");
  gtk_spin_button_set_value (dialog_child (dialog, "duration_spin"), 90);
  set_text (dialog, "leader_row", "Lena Holm");
  set_text (dialog, "group_row", "Balint Södermalm");
  gtk_spin_button_set_value (dialog_child (dialog, "interval_spin"), 2);
  set_text (dialog, "until_row", "2026-03-04");

  /* Anna Karlsson's case: "Anna K" is refused, an empty code becomes "A. K.". */
  cases = dialog_child (dialog, "cases_list");
  gtk_drop_down_set_selected (dialog_child (dialog, "client_drop"), 0);
  g_assert_true (gtk_drop_down_get_selected_item (dialog_child (dialog, "client_drop")) ==
                 g_list_model_get_item (clients, 0));
  g_object_unref (g_list_model_get_item (clients, 0));
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "pseudonym_entry")), "Anna K");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.add-case", NULL));
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (cases)));
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "pseudonym_entry")), "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.add-case", NULL));
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (cases)));
  kab_test_iterate ();
  save_screenshot (GTK_WIDGET (dialog), "supervision-dialog");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  kab_test_iterate ();
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_SUPERVISION_DIALOG));

  meetings = kab_supervision_page_get_meetings (KAB_SUPERVISION_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 5);
  {
    g_autoptr(KabSupervision) first = g_list_model_get_item (meetings, 0);
    g_autofree char *codes = kab_supervision_dup_cases_text (first);

    g_assert_cmpstr (codes, ==, "A. K.");
    g_assert_cmpint (kab_supervision_get_kind (first), ==, KAB_SUPERVISION_KIND_BALINT);
  }

  kab_test_iterate ();
  collect_text (page, text);
  g_assert_nonnull (strstr (text->str, "Balint group: 7.5 h"));
  /* The codes are the user's words: isolated in the sentence (issue 15). */
  g_assert_nonnull (strstr (text->str, "Cases: A. K."));
  g_assert_nonnull (strstr (text->str, "2026-02-18 18:00"));
  assert_no_client_name (f->store, page);
  save_screenshot (GTK_WIDGET (f->window), "supervision-log");

  /* One meeting of the series is opened from its row and deleted; the others stay. */
  {
    GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (page, KAB_TYPE_SUPERVISION_PAGE, "list_box"));
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 1);

    g_signal_emit_by_name (list, "row-activated", row);
    dialog = KAB_SUPERVISION_DIALOG (kab_test_find_toplevel (KAB_TYPE_SUPERVISION_DIALOG));
    g_assert_nonnull (dialog);
    kab_test_wait_until_mapped (GTK_WIDGET (dialog));
    g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "repeat_group")));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.delete", NULL));
    kab_test_iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 4);
  }

  g_assert_true (gtk_widget_activate_action (page, "calendar.show-sessions", NULL));
  kab_test_iterate ();
  g_assert_false (gtk_widget_get_mapped (page));

  /* The group's meetings show in the calendar's week; a click opens the log. */
  {
    g_autoptr(KabSupervision) first = g_list_model_get_item (meetings, 0);
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 1, 7, 0, 0, 0);
    GtkWidget *block;

    kab_calendar_view_set_mode (KAB_CALENDAR_VIEW (f->view), "week");
    kab_calendar_view_set_date (KAB_CALENDAR_VIEW (f->view), day);
    kab_test_iterate ();
    block = kab_calendar_view_find_block (KAB_CALENDAR_VIEW (f->view), -kab_supervision_get_id (first));
    g_assert_nonnull (block);
    save_screenshot (GTK_WIDGET (f->window), "supervision-week");
    g_signal_emit_by_name (block, "clicked");
    kab_test_iterate ();
    g_assert_true (gtk_widget_get_mapped (page));
  }
}

static KabSession *
add_session (KabStore   *store,
             KabClient  *client,
             GDateTime  *start)
{
  KabSession *session = kab_session_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (session, "client-id", kab_client_get_id (client), "start", start, NULL);
  g_assert_true (kab_store_save_session (store, session, &error));
  g_assert_no_error (error);
  return session;
}

/* Remind… on a session of a client without an e-mail address copies the SMS text (name
 * and time, nothing clinical) and records it; "Prepare Tomorrow's Reminders" then offers
 * only the other client. */
static void
test_remind (Fixture       *f,
             gconstpointer  data)
{
  GListModel *clients = kab_store_get_clients (f->store);
  g_autoptr(KabClient) anna = g_list_model_get_item (clients, 0);
  g_autoptr(KabClient) lars = g_list_model_get_item (clients, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) at10 = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                                     g_date_time_get_month (tomorrow),
                                                     g_date_time_get_day_of_month (tomorrow), 10, 0, 0);
  g_autoptr(GDateTime) at14 = g_date_time_add_hours (at10, 4);
  g_autoptr(KabSession) lars_session = NULL;
  g_autoptr(KabSession) anna_session = NULL;
  g_autoptr(GDateTime) prepared = NULL;
  g_autoptr(GError) error = NULL;
  GValue value = G_VALUE_INIT;
  KabRemindersDialog *dialog;
  const char *text;

  kab_session_set_note (lars_session = add_session (f->store, lars, at10), "Grief after his father's death");
  g_assert_true (kab_store_save_session (f->store, lars_session, &error));
  anna_session = add_session (f->store, anna, at14);

  g_assert_true (gtk_widget_activate_action (f->view, "calendar.remind-session", "x",
                                             kab_session_get_id (lars_session)));
  kab_test_iterate ();

  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (gtk_widget_get_clipboard (f->view)),
                                                 &value, &error));
  g_assert_no_error (error);
  text = g_value_get_string (&value);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Hello Lars"));
  g_assert_nonnull (strstr (text, "10:00"));
  g_assert_null (strstr (text, "Grief"));
  g_assert_null (strstr (text, "Berg"));
  g_value_unset (&value);

  g_assert_true (kab_store_get_reminder_prepared (f->store, kab_session_get_id (lars_session), &prepared, &error));
  g_assert_nonnull (prepared);

  g_assert_true (gtk_widget_activate_action (f->view, "calendar.prepare-reminders", NULL));
  dialog = KAB_REMINDERS_DIALOG (kab_test_find_toplevel (KAB_TYPE_REMINDERS_DIALOG));
  g_assert_nonnull (dialog);
  kab_test_wait_until_mapped (GTK_WIDGET (dialog));
  g_assert_cmpuint (kab_reminders_dialog_get_n_reminders (dialog), ==, 1);
  save_screenshot (GTK_WIDGET (dialog), "reminders-dialog");
}

/* The events of the followed file, parsed with libical: "SUMMARY|STATUS;" each. */
static char *
parse_followed (const char *path)
{
  g_autofree char *text = NULL;
  GString *events = g_string_new ("");
  icalcomponent *calendar;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    g_string_append_printf (events, "%s|%s;", icalcomponent_get_summary (event),
                            icalproperty_status_to_string (icalcomponent_get_status (event)));
  icalcomponent_free (calendar);
  return g_string_free (events, FALSE);
}

/* The calendar file chosen in the settings follows what the user does in the Calendar
 * view: a new file (renamed into place) after each change, initials only, parsed back. */
static void
test_followed_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(KabRemindersService) service = kab_reminders_service_new (NULL, f->store, settings, TRUE);
  g_autofree char *path = g_build_filename (f->dir, "followed.ics", NULL);
  g_autoptr(KabClient) anna = g_list_model_get_item (kab_store_get_clients (f->store), 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, 2);
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                      g_date_time_get_day_of_month (day), 11, 0, 0);
  g_autoptr(KabSession) session = NULL;
  g_autofree char *events = NULL;
  GStatBuf before, after;

  g_settings_set_string (settings, "followed-calendar-file", path);
  kab_test_iterate ();
  g_free (parse_followed (path));

  session = add_session (f->store, anna, start);
  kab_test_iterate ();
  events = parse_followed (path);
  g_assert_cmpstr (events, ==, "A. K.|CONFIRMED;");
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  g_assert_true (gtk_widget_activate_action (f->view, "calendar.set-status", "(xs)",
                                             kab_session_get_id (session), "cancelled-in-time"));
  kab_test_iterate ();
  g_clear_pointer (&events, g_free);
  events = parse_followed (path);
  g_assert_cmpstr (events, ==, "A. K.|CANCELLED;");
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);

  g_settings_set_boolean (settings, "followed-calendar-initials-only", FALSE);
  kab_test_iterate ();
  g_clear_pointer (&events, g_free);
  events = parse_followed (path);
  g_assert_cmpstr (events, ==, "Anna Karlsson|CANCELLED;");

  g_settings_reset (settings, "followed-calendar-file");
  g_settings_reset (settings, "followed-calendar-initials-only");
}

/* Preferences has a page of its own for reminders: the switch is the setting, and the
 * reminder text saved there is the one reminders use. */
static void
test_preferences_page (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *preferences = GTK_WIDGET (kab_preferences_window_new (f->store));
  GtkWidget *page;
  GtkTextView *text_view;
  g_autofree char *saved = NULL;

  gtk_window_present (GTK_WINDOW (preferences));
  kab_test_wait_until_mapped (preferences);
  page = kab_test_find_by_type (preferences, KAB_TYPE_REMINDER_PREFERENCES);
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
  kab_test_iterate ();

  g_assert_true (g_settings_get_boolean (settings, "followed-calendar-initials-only"));
  gtk_switch_set_active (GTK_SWITCH (gtk_widget_get_template_child (page, KAB_TYPE_REMINDER_PREFERENCES, "initials_switch")), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "followed-calendar-initials-only"));
  g_settings_reset (settings, "followed-calendar-initials-only");

  text_view = GTK_TEXT_VIEW (gtk_widget_get_template_child (page, KAB_TYPE_REMINDER_PREFERENCES, "text_view"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), "See you {date} at {time}, {client}.", -1);
  g_assert_true (gtk_widget_activate_action (page, "reminders.save-text", NULL));
  saved = kab_store_dup_reminder_template (f->store, "en", NULL);
  g_assert_cmpstr (saved, ==, "See you {date} at {time}, {client}.");
  save_screenshot (preferences, "reminder-preferences");

  g_assert_true (gtk_widget_activate_action (page, "reminders.reset-text", NULL));
  g_clear_pointer (&saved, g_free);
  saved = kab_store_dup_reminder_template (f->store, "en", NULL);
  g_assert_null (saved);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Stockholm", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  kab_test_ui_init (&argc, &argv);

  g_test_add ("/supervision-ui/book-balint-series", Fixture, NULL,
              fixture_set_up, test_book_balint_series, fixture_tear_down);
  g_test_add ("/supervision-ui/remind", Fixture, NULL,
              fixture_set_up, test_remind, fixture_tear_down);
  g_test_add ("/supervision-ui/followed-file", Fixture, NULL,
              fixture_set_up, test_followed_file, fixture_tear_down);
  g_test_add ("/supervision-ui/preferences-page", Fixture, NULL,
              fixture_set_up, test_preferences_page, fixture_tear_down);

  return g_test_run ();
}
