/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-calendar-view-actions.c: what the Calendar view does: navigate, plan, mark, change, delete, export */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-absences-page.h"
#include "kab-calendar-util.h"
#include "kab-calendar-view-private.h"
#include "kab-export-dialog.h"
#include "kab-session-dialog.h"
#include "kab-view-shortcuts.h"
#include "journal/kab-journal-editor.h"
#include "reminders/kab-reminder-send.h"
#include "reminders/kab-reminders-dialog.h"
#include "kab-text.h"

static GtkWindow *
parent_window (KabCalendarView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Toast titles are Pango markup: names go in escaped. */
static AdwToast *
toast_new_printf (const char *format,
                  ...) G_GNUC_PRINTF (1, 2);

static AdwToast *
toast_new_printf (const char *format,
                  ...)
{
  g_autofree char *markup = NULL;
  va_list args;

  va_start (args, format);
  markup = g_markup_vprintf_escaped (format, args);
  va_end (args);

  return adw_toast_new (markup);
}

static void
toast_error (KabCalendarView *self,
             const GError    *error)
{
  kab_calendar_add_toast (GTK_WIDGET (self), toast_new_printf ("%s", error->message));
}

static KabSession *
load_session (KabCalendarView *self,
              gint64           id)
{
  g_autoptr(GError) error = NULL;
  KabSession *session = kab_store_load_session (self->store, id, &error);

  if (session == NULL)
    toast_error (self, error);

  return session;
}

/* Navigation */

static void
today_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  kab_calendar_view_go_today (KAB_CALENDAR_VIEW (widget));
}

/* Today: the day mode at today's date. */
static void
day_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (widget);

  kab_calendar_view_set_mode (self, "day");
  kab_calendar_view_go_today (self);
}

static void
step_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  kab_calendar_view_step (KAB_CALENDAR_VIEW (widget),
                          g_str_equal (action_name, "calendar.next") ? 1 : -1);
}

static void
show_week_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (widget);
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_local (g_variant_get_int64 (parameter));

  kab_calendar_view_set_mode (self, "week");
  kab_calendar_view_set_date (self, day);
}

/* Planning */

/* The client's name, isolated for a sentence. */
static char *
client_name (KabCalendarView *self,
             gint64           client_id)
{
  KabClient *client = kab_store_find_client (self->store, client_id);

  return kab_isolate (client != NULL ? kab_client_get_display_name (client) : "");
}

static void
on_show_first_clicked (AdwToast        *toast,
                       KabCalendarView *self)
{
  GDateTime *first = g_object_get_data (G_OBJECT (toast), "first-session");

  kab_calendar_view_set_mode (self, "week");
  kab_calendar_view_set_date (self, first);
}

/* Says what was saved. A session moved outside the range shown is followed; a recurring
 * appointment is not: the user stays on the week being planned, and the toast offers to
 * show the first of the new sessions. */
static void
on_session_saved (KabCalendarView *self,
                  GObject         *what)
{
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *name = NULL;

  if (KAB_IS_SERIES (what))
    {
      KabSeries *series = KAB_SERIES (what);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      GDateTime *first = kab_series_get_first_date (series);
      GDateTime *from = g_date_time_compare (first, now) > 0 ? first : now;
      g_autoptr(GDateTime) horizon = g_date_time_add_weeks (from, 8);
      g_autoptr(GPtrArray) starts = kab_series_expand (series, from, horizon);
      g_autofree char *series_name = client_name (self, kab_series_get_client_id (series));
      /* Translators: after saving a recurring appointment */
      AdwToast *toast = toast_new_printf (_("Sessions with %s planned"), series_name);

      if (starts->len > 0)
        {
          GDateTime *next = g_ptr_array_index (starts, 0);

          /* The toast lives above the view, out of reach of its actions. */
          adw_toast_set_button_label (toast, _("_Show"));
          g_object_set_data_full (G_OBJECT (toast), "first-session",
                                  g_date_time_ref (next), (GDestroyNotify) g_date_time_unref);
          g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_show_first_clicked),
                                   self, 0);
        }
      kab_calendar_add_toast (GTK_WIDGET (self), toast);
      return;
    }

  start = g_date_time_ref (kab_session_get_start (KAB_SESSION (what)));
  name = kab_isolate (kab_session_get_client_name (KAB_SESSION (what)));
  kab_calendar_add_toast (GTK_WIDGET (self), toast_new_printf (_("Session with %s saved"), name));

  if (self->range_from != NULL &&
      (g_date_time_compare (start, self->range_from) < 0 ||
       g_date_time_compare (start, self->range_to) >= 0))
    kab_calendar_view_set_date (self, start);
}

static void
present_dialog (KabCalendarView  *self,
                KabSessionDialog *dialog)
{
  GtkWindow *parent = parent_window (self);

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_session_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * kab_calendar_view_new_session_at:
 * @start: (nullable): the start to propose, or %NULL for the next full hour of the
 *   day shown
 */
void
kab_calendar_view_new_session_at (KabCalendarView *self,
                                  GDateTime       *start)
{
  g_autoptr(GDateTime) when = NULL;

  if (g_list_model_get_n_items (kab_store_get_clients (self->store)) == 0)
    {
      kab_calendar_add_toast (GTK_WIDGET (self),
                              adw_toast_new (_("Add a client first, in Clients")));
      return;
    }

  if (start != NULL)
    when = g_date_time_ref (start);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      /* Today when today is shown; else the first day shown, at the start of the day. */
      if (g_date_time_compare (now, self->range_from) < 0 || g_date_time_compare (now, self->range_to) >= 0)
        {
          int hour = kab_practice_get_day_start_hour (kab_store_get_practice (self->store));
          GDateTime *day = g_str_equal (self->mode, "month") ? self->date : self->range_from;

          when = g_date_time_add_hours (day, hour);
        }
    }

  present_dialog (self, kab_session_dialog_new_session (self->store, when, 0));
}

static void
new_session_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  kab_calendar_view_new_session_at (KAB_CALENDAR_VIEW (widget), NULL);
}

static void
new_session_at_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_local (g_variant_get_int64 (parameter));

  kab_calendar_view_new_session_at (KAB_CALENDAR_VIEW (widget), start);
}

static void
edit_session_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (widget);
  g_autoptr(KabSession) session = load_session (self, g_variant_get_int64 (parameter));

  if (session != NULL)
    present_dialog (self, kab_session_dialog_edit_session (self->store, session));
}

static void
journal_note_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (widget);
  g_autoptr(KabSession) session = load_session (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;

  if (session != NULL &&
      kab_journal_editor_open_session (self->store, session, parent_window (self), &error) == NULL)
    toast_error (self, error);
}

static void
edit_series_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (widget);
  g_autoptr(KabSession) session = load_session (self, g_variant_get_int64 (parameter));
  g_autoptr(KabSeries) series = NULL;
  g_autoptr(GError) error = NULL;

  if (session == NULL || kab_session_get_series_id (session) == 0)
    return;

  series = kab_store_load_series (self->store, kab_session_get_series_id (session), &error);
  if (series == NULL)
    {
      toast_error (self, error);
      return;
    }

  present_dialog (self, kab_session_dialog_edit_series (self->store, series));
}

/* Status, with undo */

typedef struct
{
  KabStore         *store;
  gint64            session_id;
  KabSessionStatus  status;
} StatusUndo;

static void
status_undo_free (gpointer data)
{
  StatusUndo *undo = data;

  g_clear_object (&undo->store);
  g_free (undo);
}

static void
on_status_undo (AdwToast   *toast,
                StatusUndo *undo)
{
  g_autoptr(KabSession) session = kab_store_load_session (undo->store, undo->session_id, NULL);
  g_autoptr(GError) error = NULL;

  if (session == NULL)
    return;

  kab_session_set_status (session, undo->status);
  if (!kab_store_save_session (undo->store, session, &error))
    g_warning ("Could not undo the status change: %s", error->message);
}

static AdwToast *
undo_toast_new (AdwToast       *toast,
                gpointer        data,
                GCallback       callback,
                GDestroyNotify  destroy)
{
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", callback, data, (GClosureNotify)(void (*) (void))destroy, 0);
  return toast;
}

static void
set_status_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (widget);
  g_autoptr(KabSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  KabSessionStatus status, old_status;
  StatusUndo *undo;
  const char *nick;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &nick);
  if (!kab_session_status_from_nick (nick, &status))
    return;

  session = load_session (self, id);
  if (session == NULL)
    return;

  old_status = kab_session_get_status (session);
  if (old_status == status)
    return;

  /* The store charges (or uncharges) the session in the same transaction. */
  kab_session_set_status (session, status);
  if (!kab_store_save_session (self->store, session, &error))
    {
      toast_error (self, error);
      return;
    }

  undo = g_new0 (StatusUndo, 1);
  undo->store = g_object_ref (self->store);
  undo->session_id = id;
  undo->status = old_status;
  name = kab_isolate (kab_session_get_client_name (session));

  /* A package used up: the session was charged on its own; time to sell the next one. */
  {
    KabClient *client = kab_store_find_client (self->store, kab_session_get_client_id (session));
    int left = 0, size = 0;

    if (client != NULL && kab_session_status_is_charged (status) &&
        kab_client_get_billing_plan (client) == KAB_BILLING_PLAN_PACKAGE &&
        (!kab_store_get_package_state (self->store, kab_client_get_id (client), &left, &size) ||
         left == 0))
      {
        /* Translators: after a status change, when the client's prepaid package is used
         * up: "Anna Karlsson: Attended" */
        AdwToast *toast = toast_new_printf (_("%s: %s. The package is used up, so the session is charged on its own."),
                                            name,
                                            kab_session_status_to_label (status));

        /* The toast's one button sells the next package (the menu still undoes). */
        adw_toast_set_button_label (toast, _("_Sell Package…"));
        adw_toast_set_action_name (toast, "win.open-in-view");
        adw_toast_set_action_target_value (toast, g_variant_new ("(ssx)", "payments",
                                                                 "payments.sell-package-for",
                                                                 kab_client_get_id (client)));
        adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
        status_undo_free (undo);
        kab_calendar_add_toast (GTK_WIDGET (self), toast);
        return;
      }
  }

  kab_calendar_add_toast (GTK_WIDGET (self),
                          undo_toast_new (
                            /* Translators: after a status change: "Anna Karlsson: No-show" */
                            toast_new_printf (C_("toast", "%s: %s"),
                                              name,
                                              kab_session_status_to_label (status)),
                            undo, G_CALLBACK (on_status_undo), status_undo_free));
}

/* Deleting, with confirmation and undo */

typedef struct
{
  KabStore   *store;
  KabSession *session;   /* as it was, to be saved again as new */
  KabSeries  *series;    /* as it was, when the series was ended here */
} DeleteUndo;

static void
delete_undo_free (gpointer data)
{
  DeleteUndo *undo = data;

  g_clear_object (&undo->store);
  g_clear_object (&undo->session);
  g_clear_object (&undo->series);
  g_free (undo);
}

static gboolean
occurrence_exists (KabStore   *store,
                   KabSession *session)
{
  g_autoptr(GDateTime) from = g_date_time_add_minutes (kab_session_get_start (session), -1);
  g_autoptr(GDateTime) to = g_date_time_add_minutes (kab_session_get_start (session), 1);
  g_autoptr(GListModel) sessions = kab_store_list_sessions (store, from, to, NULL);
  guint n = sessions != NULL ? g_list_model_get_n_items (sessions) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabSession) other = g_list_model_get_item (sessions, i);

      if (kab_session_get_series_id (other) == kab_session_get_series_id (session))
        return TRUE;
    }

  return FALSE;
}

static void
on_delete_undo (AdwToast   *toast,
                DeleteUndo *undo)
{
  g_autoptr(GError) error = NULL;

  if (undo->series != NULL && !kab_store_save_series (undo->store, undo->series, &error))
    {
      g_warning ("Could not restore the recurring appointment: %s", error->message);
      return;
    }

  if (undo->session != NULL)
    {
      g_autoptr(KabSession) again = kab_session_copy (undo->session);

      /* A series written out again may already have put the occurrence back. */
      if (undo->series != NULL && occurrence_exists (undo->store, again))
        return;

      kab_session_set_id (again, 0);
      if (!kab_store_save_session (undo->store, again, &error))
        g_warning ("Could not restore the session: %s", error->message);
    }
}

static gboolean
delete_one (KabCalendarView *self,
            KabSession      *session,
            DeleteUndo      *undo)
{
  g_autoptr(GError) error = NULL;

  if (!kab_store_delete_session (self->store, session, &error))
    {
      toast_error (self, error);
      return FALSE;
    }

  undo->session = kab_session_copy (session);
  return TRUE;
}

/* Ends the series the day before @session, and deletes @session itself. */
static gboolean
end_series_at (KabCalendarView *self,
               KabSession      *session,
               DeleteUndo      *undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabSeries) series = kab_store_load_series (self->store, kab_session_get_series_id (session), &error);
  g_autoptr(KabSeries) ended = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) day_before = NULL;
  g_autoptr(KabSession) still_there = NULL;

  if (series == NULL)
    {
      toast_error (self, error);
      return FALSE;
    }

  zone = *kab_series_get_tzid (series) != '\0' ? g_time_zone_new_identifier (kab_series_get_tzid (series)) : NULL;
  if (zone == NULL)
    zone = g_time_zone_new_local ();
  local = g_date_time_to_timezone (kab_session_get_start (session), zone);
  day_before = g_date_time_add_days (local, -1);
  until = g_date_time_new (zone, g_date_time_get_year (day_before), g_date_time_get_month (day_before),
                           g_date_time_get_day_of_month (day_before), 0, 0, 0);

  /* A series ended before it began is no series: delete only this session then. */
  if (g_date_time_compare (until, kab_series_get_first_date (series)) < 0)
    return delete_one (self, session, undo);

  ended = kab_series_copy (series);
  kab_series_set_until_date (ended, until);
  if (!kab_store_save_series (self->store, ended, &error))
    {
      toast_error (self, error);
      return FALSE;
    }
  undo->series = g_steal_pointer (&series);

  /* Planned occurrences went with the series; one that was changed on its own stays. */
  still_there = kab_store_load_session (self->store, kab_session_get_id (session), NULL);
  if (still_there != NULL)
    return delete_one (self, still_there, undo);

  undo->session = kab_session_copy (session);
  return TRUE;
}

typedef struct
{
  KabCalendarView *view;
  KabSession      *session;
} DeleteRequest;

static void
delete_request_free (gpointer data)
{
  DeleteRequest *request = data;

  g_clear_object (&request->view);
  g_clear_object (&request->session);
  g_free (request);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    DeleteRequest    *request)
{
  KabCalendarView *self = request->view;
  g_autofree char *name = kab_isolate (kab_session_get_client_name (request->session));
  DeleteUndo *undo;
  gboolean done;

  if (g_strcmp0 (response, "delete") != 0 && g_strcmp0 (response, "end-series") != 0)
    return;

  undo = g_new0 (DeleteUndo, 1);
  undo->store = g_object_ref (self->store);

  if (g_strcmp0 (response, "end-series") == 0)
    done = end_series_at (self, request->session, undo);
  else
    done = delete_one (self, request->session, undo);

  if (!done)
    {
      delete_undo_free (undo);
      return;
    }

  kab_calendar_add_toast (GTK_WIDGET (self),
                          undo_toast_new (
                            g_strcmp0 (response, "end-series") == 0
                            /* Translators: after ending a recurring appointment: "Sessions with Anna Karlsson ended" */
                            ? toast_new_printf (_("Sessions with %s ended"), name)
                            : toast_new_printf (_("Session with %s deleted"), name),
                            undo, G_CALLBACK (on_delete_undo), delete_undo_free));
}

static void
delete_session_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (widget);
  g_autoptr(KabSession) session = load_session (self, g_variant_get_int64 (parameter));
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  DeleteRequest *request;
  gboolean charged;

  if (session == NULL)
    return;

  day = kab_calendar_format_day_in_sentence (kab_session_get_start (session));
  time = kab_calendar_format_time (kab_session_get_start (session));
  name = kab_isolate (kab_session_get_client_name (session));
  charged = kab_session_status_is_charged (kab_session_get_status (session)) &&
            kab_session_get_fee (session) > 0;

  body = g_strdup_printf (charged
                          /* Translators: "The session with Anna Karlsson on Monday 16 November 2026 at 10:00 …" */
                          ? _("The session with %s on %s at %s is deleted, and so is what it charged.")
                          : _("The session with %s on %s at %s is deleted."),
                          name, day, time);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("Delete Session?"), body));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (kab_session_get_series_id (session) != 0)
    {
      adw_message_dialog_add_response (dialog, "end-series", _("Delete _All From Here"));
      adw_message_dialog_set_response_appearance (dialog, "end-series", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (dialog, "delete",
                                   kab_session_get_series_id (session) != 0 ? _("Delete _This One") : _("_Delete"));
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  request = g_new0 (DeleteRequest, 1);
  request->view = g_object_ref (self);
  request->session = g_steal_pointer (&session);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response), request,
                         (GClosureNotify)(void (*) (void))delete_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Export */

static void
on_exported (KabCalendarView *self,
             guint            n_sessions)
{
  kab_calendar_add_toast (GTK_WIDGET (self),
                          toast_new_printf (ngettext ("%u session exported", "%u sessions exported", n_sessions),
                                            n_sessions));
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (widget);
  KabExportDialog *dialog = kab_export_dialog_new (self->store, self->date, self->first_weekday,
                                                   g_str_equal (self->mode, "month"));
  GtkWindow *parent = parent_window (self);

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);

  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reminders through the user's own mail program or phone */

static void
remind_session_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (widget);
  g_autoptr(KabSession) session = load_session (self, g_variant_get_int64 (parameter));
  g_autoptr(KabReminder) reminder = NULL;

  if (session == NULL || (reminder = kab_reminder_new_for_session (self->store, session)) == NULL)
    return;

  kab_reminder_send (widget, self->store, reminder);
}

static void
prepare_reminders_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  KabRemindersDialog *dialog = kab_reminders_dialog_new (self->store, tomorrow);
  GtkWindow *parent = parent_window (self);

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The supervision log: a page of the calendar, since its meetings are the practitioner's
 * own appointments and its group series show in the week. */

static int
compare_starts (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return g_date_time_compare (kab_session_get_start ((KabSession *) a),
                              kab_session_get_start ((KabSession *) b));
}

/**
 * kab_calendar_add_supervision:
 *
 * Adds the supervision meetings of [@from, @to) to @sessions, in order, as sessions that
 * exist only on screen: a negative id, the kind "supervision", the group or the kind as
 * the name, and no client and no fee; they are never saved and never charged.
 */
void
kab_calendar_add_supervision (KabStore   *store,
                              GListStore *sessions,
                              GDateTime  *from,
                              GDateTime  *to)
{
  g_autoptr(GListModel) meetings = kab_store_list_supervision (store, from, to, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = 0; meetings != NULL && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(KabSupervision) meeting = g_list_model_get_item (meetings, i);
      g_autoptr(KabSession) shown = kab_session_new ();
      const char *group = kab_supervision_get_group_name (meeting);
      g_autoptr(GDateTime) utc = g_date_time_to_utc (kab_supervision_get_start (meeting));

      /* Below the property's range on purpose: no stored session has such an id. */
      kab_session_set_id (shown, -kab_supervision_get_id (meeting));
      g_object_set (shown,
                    "start", utc,
                    "duration", kab_supervision_get_duration (meeting),
                    "kind", KAB_SESSION_KIND_SUPERVISION,
                    "client-name", *group != '\0' ? group : kab_supervision_kind_to_label (kab_supervision_get_kind (meeting)),
                    NULL);
      /* A meeting that has taken place is not one waiting to be marked. */
      if (g_date_time_compare (utc, now) < 0)
        kab_session_set_status (shown, KAB_SESSION_STATUS_ATTENDED);
      g_list_store_insert_sorted (sessions, shown, compare_starts, NULL);
    }
}

static void
show_supervision_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (widget);

  kab_calendar_view_ensure_supervision_page (self);
  gtk_stack_set_visible_child_name (self->main_stack, "supervision");
}

static void
absences_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (widget);

  gtk_window_present (GTK_WINDOW (kab_absences_window_new (self->store, parent_window (self))));
}

static void
show_sessions_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (widget);
  gboolean has_clients = g_list_model_get_n_items (kab_store_get_clients (self->store)) > 0;

  gtk_stack_set_visible_child_name (self->main_stack, has_clients ? "calendar" : "empty");
}

void
kab_calendar_view_add_shortcuts (KabCalendarView *self)
{
  static const KabViewShortcut shortcuts[] = {
    { "<Control>n", "calendar.new-session" },
    { "<Alt>Left", "calendar.previous" },
    { "<Alt>Right", "calendar.next" },
    { "t", "calendar.today" },
    { "d", "calendar.day" },
  };

  kab_view_add_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
}

void
kab_calendar_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "calendar.day", NULL, day_activated);
  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, step_activated);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, step_activated);
  gtk_widget_class_install_action (widget_class, "calendar.show-week", "x", show_week_activated);
  gtk_widget_class_install_property_action (widget_class, "calendar.mode", "mode");
  gtk_widget_class_install_action (widget_class, "calendar.new-session", NULL, new_session_activated);
  gtk_widget_class_install_action (widget_class, "calendar.new-session-at", "x", new_session_at_activated);
  gtk_widget_class_install_action (widget_class, "calendar.edit-session", "x", edit_session_activated);
  gtk_widget_class_install_action (widget_class, "calendar.edit-series", "x", edit_series_activated);
  gtk_widget_class_install_action (widget_class, "calendar.journal-note", "x", journal_note_activated);
  gtk_widget_class_install_action (widget_class, "calendar.set-status", "(xs)", set_status_activated);
  gtk_widget_class_install_action (widget_class, "calendar.delete-session", "x", delete_session_activated);
  gtk_widget_class_install_action (widget_class, "calendar.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "calendar.remind-session", "x", remind_session_activated);
  gtk_widget_class_install_action (widget_class, "calendar.prepare-reminders", NULL, prepare_reminders_activated);
  gtk_widget_class_install_action (widget_class, "calendar.show-supervision", NULL, show_supervision_activated);
  gtk_widget_class_install_action (widget_class, "calendar.show-sessions", NULL, show_sessions_activated);
  gtk_widget_class_install_action (widget_class, "calendar.absences", NULL, absences_activated);
}
