/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-calendar-view-move.c: moving a session and changing its length, by drag or keys */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-calendar-util.h"
#include "kab-calendar-view-private.h"
#include "kab-text.h"

/* Moves and lengths snap to this many minutes. */
#define SNAP_MINUTES 5
/* A session is never shorter than this. */
#define MIN_DURATION 5

/* "calendar.move-session" (id, days, minutes, duration change): the week's drag and a
 * block's Alt+arrow keys end here. The session is saved through the store's one call
 * for sessions, which keeps its charge as the rules say; the toast takes the move back. */

typedef struct
{
  KabStore  *store;
  gint64     session_id;
  GDateTime *start;
  int        duration;
} MoveUndo;

static void
move_undo_free (gpointer data)
{
  MoveUndo *undo = data;

  g_clear_object (&undo->store);
  g_clear_pointer (&undo->start, g_date_time_unref);
  g_free (undo);
}

static void
on_move_undo (AdwToast *toast,
              MoveUndo *undo)
{
  g_autoptr(KabSession) session = kab_store_load_session (undo->store, undo->session_id, NULL);
  g_autoptr(GError) error = NULL;

  if (session == NULL)
    return;

  kab_session_set_start (session, undo->start);
  kab_session_set_duration (session, undo->duration);
  if (!kab_store_save_session (undo->store, session, &error))
    g_warning ("Could not take the move back: %s", error->message);
}

/* Days are added in local time, so that 10:00 stays 10:00 across a change of clocks. */
static GDateTime *
moved_start (GDateTime *start,
             int        days,
             int        minutes)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (start);
  g_autoptr(GDateTime) day = g_date_time_add_days (local, days);
  g_autoptr(GDateTime) moved = g_date_time_add_minutes (day, minutes);
  int minute = g_date_time_get_minute (moved);
  int snap = (minute + SNAP_MINUTES / 2) / SNAP_MINUTES * SNAP_MINUTES - minute;

  return g_date_time_add_minutes (moved, snap);
}

static char *
describe_overlaps (KabCalendarView *self,
                   KabSession      *session)
{
  g_autoptr(GListModel) overlaps = kab_store_find_overlaps (self->store, session, NULL);
  g_autoptr(KabSession) first = NULL;

  if (overlaps == NULL || g_list_model_get_n_items (overlaps) == 0)
    return NULL;

  first = g_list_model_get_item (overlaps, 0);
  return kab_isolate (kab_session_get_client_name (first));
}

static void
move_session_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (widget);
  g_autoptr(KabSession) session = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *overlap = NULL;
  g_autofree char *when = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GDateTime) end = NULL;
  AdwToast *toast;
  MoveUndo *undo;
  gint64 id;
  int days, minutes, change, duration;

  g_variant_get (parameter, "(xiii)", &id, &days, &minutes, &change);
  if (days == 0 && minutes == 0 && change == 0)
    return;

  session = kab_store_load_session (self->store, id, &error);
  if (session == NULL)
    {
      kab_calendar_add_toast (widget, adw_toast_new (error->message));
      return;
    }

  undo = g_new0 (MoveUndo, 1);
  undo->store = g_object_ref (self->store);
  undo->session_id = id;
  undo->start = g_date_time_ref (kab_session_get_start (session));
  undo->duration = kab_session_get_duration (session);

  start = moved_start (kab_session_get_start (session), days, minutes);
  duration = MAX (MIN_DURATION, (undo->duration + change + SNAP_MINUTES / 2) / SNAP_MINUTES * SNAP_MINUTES);
  kab_session_set_start (session, start);
  kab_session_set_duration (session, duration);

  if (!kab_store_save_session (self->store, session, &error))
    {
      move_undo_free (undo);
      kab_calendar_add_toast (widget, adw_toast_new (error->message));
      return;
    }

  /* The block is made anew by the refresh: the keyboard stays on it. */
  self->focus_session_id = id;

  end = kab_session_dup_end (session);
  when = kab_calendar_format_time_range (start, end);
  overlap = describe_overlaps (self, session);
  name = kab_isolate (kab_session_get_client_name (session));
  if (overlap != NULL)
    /* Translators: after moving a session onto another: "Anna Karlsson: 10:00–10:50, overlaps Lars Berg" */
    title = g_markup_printf_escaped (_("%s: %s, overlaps %s"),
                                     name, when, overlap);
  else
    /* Translators: after moving a session or changing its length: "Anna Karlsson: 10:00–10:50" */
    title = g_markup_printf_escaped (C_("toast", "%s: %s"), name, when);

  /* One undo toast for moves: the last replaces the one before. (libadwaita 1.2 also
   * aborts when a high-priority toast pushed aside comes back while it still shows.) */
  if (self->move_toast != NULL)
    adw_toast_dismiss (self->move_toast);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_move_undo), undo,
                         (GClosureNotify) (void (*) (void)) move_undo_free, 0);
  g_set_weak_pointer (&self->move_toast, toast);
  kab_calendar_add_toast (widget, toast);
}

/**
 * kab_calendar_view_focus_moved_block:
 *
 * After a refresh, gives the keyboard focus back to the block of the session last
 * moved, so that Alt+arrow can be pressed again.
 */
void
kab_calendar_view_focus_moved_block (KabCalendarView *self)
{
  GtkWidget *block;

  if (self->focus_session_id == 0)
    return;

  block = kab_calendar_view_find_block (self, self->focus_session_id);
  self->focus_session_id = 0;
  if (block != NULL)
    gtk_widget_grab_focus (block);
}

void
kab_calendar_view_class_init_move_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "calendar.move-session", "(xiii)",
                                   move_session_activated);
}
