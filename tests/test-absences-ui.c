/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-absences-ui.c: the days of the calendar in real windows: vacations and closed days
 * added from the Calendar's menu, the sessions in them confirmed and cancelled by the
 * practitioner, shown in the week, listed in Preferences, deleted; and a busy day's "more"
 * button in the month */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core/kab-calendar-util.h"
#include "calendar/kab-calendar-view.h"
#include "kab-absence-dialog.h"
#include "kab-absences-page.h"
#include "kab-preferences-window.h"
#include "kab-store.h"
#include "kab-tooltip.h"
#include "calendar/kab-month-cell.h"
#include "calendar/kab-session-block.h"
#include "kab-test-util.h"
#include "kab-test-ui-util.h"

typedef struct
{
  char      *dir;
  char      *path;
  KabStore  *store;
  GtkWindow *window;
  GtkWidget *view;
  KabClient *anna;
  GDateTime *monday;   /* local midnight of a Monday three weeks ahead */
} Fixture;

/* With KAB_SCREENSHOT_DIR set, saves what @window shows as NAME.png, to look at. */
static void
save_screenshot (GtkWindow  *window,
                 const char *name)
{
  const char *dir = g_getenv ("KAB_SCREENSHOT_DIR");
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  gint64 until;

  if (dir == NULL)
    return;

  until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  gsk_render_node_unref (node);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

static KabSession *
add_session (Fixture *f,
             int      day,
             int      hour)
{
  g_autoptr(GDateTime) date = g_date_time_add_days (f->monday, day);
  g_autoptr(GDateTime) start = g_date_time_add_hours (date, hour);
  KabSession *session = kab_session_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (session, "client-id", kab_client_get_id (f->anna), "start", start,
                "duration", 50, "fee", (gint64)120000, NULL);
  g_assert_true (kab_store_save_session (f->store, session, &error));
  g_assert_no_error (error);
  return session;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabPractice) practice = kab_practice_new ();
  g_autoptr(KabClient) anna = kab_client_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) ahead = g_date_time_add_weeks (now, 3);
  GtkWidget *overlay;

  f->dir = g_dir_make_tmp ("kabinett-absences-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "kabinett.db", NULL);
  f->store = kab_store_open (f->path, &error);
  g_assert_no_error (error);

  g_object_set (practice, "practitioner-name", "Karin Lindqvist", "currency", "SEK",
                "late-cancel-percent", 100, NULL);
  g_assert_true (kab_store_save_practice (f->store, practice, &error));
  g_object_set (anna, "given-name", "Anna", "family-name", "Karlsson", "fee", (gint64)120000, NULL);
  g_assert_true (kab_store_save_client (f->store, anna, &error));
  g_assert_no_error (error);
  f->anna = kab_store_find_client (f->store, kab_client_get_id (anna));
  f->monday = kab_calendar_week_start (ahead, G_DATE_MONDAY);

  f->view = kab_calendar_view_new (f->store);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), f->view);
  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1100, 720);
  adw_window_set_content (ADW_WINDOW (f->window), overlay);
  gtk_window_present (f->window);
  kab_test_wait_until_mapped (f->view);
  kab_calendar_view_set_mode (KAB_CALENDAR_VIEW (f->view), "week");
  kab_calendar_view_set_date (KAB_CALENDAR_VIEW (f->view), f->monday);
  kab_test_iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  KabStore *store = f->store;

  kab_test_destroy_all_windows ();
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *)&store);
  g_clear_pointer (&f->monday, g_date_time_unref);
  g_clear_object (&f->store);
  g_assert_null (store);

  kab_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gpointer
dialog_child (GtkWidget  *dialog,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (dialog, KAB_TYPE_ABSENCE_DIALOG, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return child;
}

/* A visible label somewhere under @widget that reads @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (shows_label (child, text))
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
find_button_with_icon (GtkWidget  *widget,
                       const char *icon)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_icon (child, icon);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button_with_label (GtkWidget  *widget,
                        const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_absences (KabStore *store)
{
  g_autoptr(GListModel) absences = kab_store_list_absences (store, NULL, NULL, NULL);

  return g_list_model_get_n_items (absences);
}

/* The user opens "Vacations and Closed Days…" from the Calendar's menu, adds Tuesday to
 * Thursday, is shown the two sessions in it, confirms: they are cancelled by the
 * practitioner and not charged; Monday's and Friday's stay planned; the week shows the
 * days with their note; deleting the absence removes it from the list. */
static void
test_add_from_calendar (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(KabSession) monday = add_session (f, 0, 10);
  g_autoptr(KabSession) tuesday = add_session (f, 1, 10);
  g_autoptr(KabSession) thursday = add_session (f, 3, 15);
  g_autoptr(KabSession) friday = add_session (f, 4, 10);
  g_autoptr(GDateTime) first = g_date_time_add_days (f->monday, 1);
  g_autoptr(GDateTime) last = g_date_time_add_days (f->monday, 3);
  KabSession *sessions[] = { monday, tuesday, thursday, friday };
  gboolean inside[] = { FALSE, TRUE, TRUE, FALSE };
  GtkWindow *absences_window;
  GtkWidget *page;
  GtkWindow *dialog;
  GtkWindow *confirm;
  GtkWidget *trash;
  const char *body;

  g_assert_true (gtk_widget_activate_action (f->view, "calendar.absences", NULL));
  absences_window = kab_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (absences_window);
  kab_test_wait_until_mapped (GTK_WIDGET (absences_window));
  page = kab_test_find_by_type (GTK_WIDGET (absences_window), KAB_TYPE_ABSENCES_PAGE);
  g_assert_nonnull (page);

  g_assert_true (gtk_widget_activate_action (page, "absences.add", NULL));
  dialog = kab_test_find_toplevel (KAB_TYPE_ABSENCE_DIALOG);
  g_assert_nonnull (dialog);
  kab_test_wait_until_mapped (GTK_WIDGET (dialog));

  gtk_calendar_select_day (dialog_child (GTK_WIDGET (dialog), "first_calendar"), first);
  gtk_calendar_select_day (dialog_child (GTK_WIDGET (dialog), "last_calendar"), last);
  gtk_editable_set_text (dialog_child (GTK_WIDGET (dialog), "note_row"), "Kurs i Göteborg");
  save_screenshot (dialog, "absence-dialog");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "absence.save", NULL));
  kab_test_iterate ();

  confirm = kab_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  kab_test_wait_until_mapped (GTK_WIDGET (confirm));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (confirm));
  g_assert_nonnull (strstr (body, "Anna Karlsson"));
  g_assert_nonnull (strstr (body, "15:00"));
  save_screenshot (confirm, "absence-confirm");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "cancel-sessions");
  kab_test_iterate ();
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_ABSENCE_DIALOG));

  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    {
      g_autoptr(KabSession) loaded = kab_store_load_session (f->store, kab_session_get_id (sessions[i]), NULL);

      g_assert_nonnull (loaded);
      g_assert_cmpint (kab_session_get_status (loaded), ==,
                       inside[i] ? KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER
                                 : KAB_SESSION_STATUS_PLANNED);
      g_assert_cmpint (kab_store_preview_session_charge (f->store, loaded,
                                                         kab_session_get_status (loaded)), ==, 0);
    }
  {
    g_autoptr(GListModel) charges = kab_store_list_charges (f->store, kab_client_get_id (f->anna),
                                                            NULL, NULL, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (charges), ==, 0);
  }
  g_assert_cmpint (kab_client_get_balance (f->anna), ==, 0);

  /* The list shows it; the week shows the days and the note. */
  g_assert_cmpuint (count_absences (f->store), ==, 1);
  g_assert_true (shows_label (page, "Kurs i Göteborg"));
  save_screenshot (absences_window, "absences-page");
  gtk_window_destroy (absences_window);
  kab_test_iterate ();
  g_assert_true (shows_label (f->view, "Kurs i Göteborg"));
  save_screenshot (f->window, "absence-week");

  /* The month shows it too, as the days' tooltip. */
  kab_calendar_view_set_mode (KAB_CALENDAR_VIEW (f->view), "month");
  kab_test_iterate ();
  save_screenshot (f->window, "absence-month");

  /* Deleted from Preferences: the same list, and the sessions stay as they are. */
  {
    GtkWidget *preferences = kab_preferences_window_new (f->store);

    gtk_window_set_transient_for (GTK_WINDOW (preferences), f->window);
    gtk_window_present (GTK_WINDOW (preferences));
    kab_test_wait_until_mapped (preferences);
    page = kab_test_find_by_type (preferences, KAB_TYPE_ABSENCES_PAGE);
    g_assert_nonnull (page);
    trash = find_button_with_icon (page, "user-trash-symbolic");
    g_assert_nonnull (trash);
    g_signal_emit_by_name (trash, "clicked");
    kab_test_iterate ();
    g_assert_cmpuint (count_absences (f->store), ==, 0);
    g_assert_false (shows_label (page, "Kurs i Göteborg"));

    /* The toast's Undo brings it back. */
    {
      GtkWidget *undo = find_button_with_label (preferences, "_Undo");

      g_assert_nonnull (undo);
      g_signal_emit_by_name (undo, "clicked");
      kab_test_iterate ();
      g_assert_cmpuint (count_absences (f->store), ==, 1);
      g_assert_true (shows_label (page, "Kurs i Göteborg"));
    }
  }
  {
    g_autoptr(KabSession) loaded = kab_store_load_session (f->store, kab_session_get_id (tuesday), NULL);
    g_assert_cmpint (kab_session_get_status (loaded), ==, KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER);
  }
}

/* Keeping the sessions planned saves the absence and changes no session. */
static void
test_keep_planned (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KabSession) tuesday = add_session (f, 1, 10);
  g_autoptr(GDateTime) first = g_date_time_add_days (f->monday, 1);
  GtkWidget *dialog = kab_absence_dialog_new (f->store, NULL);
  GtkWindow *confirm;

  gtk_window_set_transient_for (GTK_WINDOW (dialog), f->window);
  gtk_window_present (GTK_WINDOW (dialog));
  kab_test_wait_until_mapped (dialog);
  gtk_calendar_select_day (dialog_child (dialog, "first_calendar"), first);
  gtk_calendar_select_day (dialog_child (dialog, "last_calendar"), first);
  g_assert_true (gtk_widget_activate_action (dialog, "absence.save", NULL));
  kab_test_iterate ();

  confirm = kab_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "keep");
  kab_test_iterate ();

  g_assert_cmpuint (count_absences (f->store), ==, 1);
  {
    g_autoptr(KabSession) loaded = kab_store_load_session (f->store, kab_session_get_id (tuesday), NULL);
    g_assert_cmpint (kab_session_get_status (loaded), ==, KAB_SESSION_STATUS_PLANNED);
  }
}

static GtkWidget *
find_more_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "more") &&
      gtk_widget_get_child_visible (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_more_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A day with more sessions than its cell holds has a "N more" button: it takes the focus,
 * says what it does, and opens the day's week. */
static void
test_month_more (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) wednesday = g_date_time_add_days (f->monday, 2);
  g_autofree char *mode = NULL;
  GtkWidget *more;

  for (int hour = 8; hour < 18; hour++)
    g_object_unref (add_session (f, 2, hour));

  kab_calendar_view_set_mode (KAB_CALENDAR_VIEW (f->view), "month");
  kab_calendar_view_set_date (KAB_CALENDAR_VIEW (f->view), f->monday);
  kab_test_iterate ();
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 4;
    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }

  more = find_more_button (f->view);
  g_assert_nonnull (more);
  g_assert_true (g_str_has_suffix (gtk_button_get_label (GTK_BUTTON (more)), "more"));

  /* The cell makes lines only for the sessions it has room for: the lines shown and the
   * "N more" add up to the day's ten sessions, every line shown is a session of the day
   * and is laid out inside the cell, and the day still counts ten sessions. */
  {
    GtkWidget *cell = gtk_widget_get_parent (more);
    guint shown = 0;
    guint hidden = 0;
    g_autofree char *expected = NULL;

    for (GtkWidget *child = gtk_widget_get_first_child (cell); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        if (!KAB_IS_SESSION_BLOCK (child) || !gtk_widget_get_child_visible (child))
          continue;
        g_assert_cmpint (gtk_widget_get_height (child), >, 0);
        g_assert_cmpint (gtk_widget_get_allocated_height (cell), >=, gtk_widget_get_height (child));
        {
          KabSession *session = kab_session_block_get_session (KAB_SESSION_BLOCK (child));
          g_autoptr(GDateTime) local = g_date_time_to_local (kab_session_get_start (session));

          g_assert_cmpint (g_date_time_get_day_of_year (local), ==, g_date_time_get_day_of_year (wednesday));
        }
        shown++;
      }
    g_assert_cmpuint (shown, >, 0);
    g_assert_cmpuint (shown, <, 10);
    hidden = 10 - shown;
    expected = g_strdup_printf ("%u more", hidden);
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (more)), ==, expected);
    g_assert_cmpuint (kab_month_cell_get_n_sessions (KAB_MONTH_CELL (cell)), ==, 10);
  }
  g_assert_true (gtk_widget_get_focusable (more));
  g_assert_true (gtk_widget_grab_focus (more));
  g_assert_nonnull (kab_tooltip_get_text (more));
  g_assert_true (g_str_has_prefix (kab_tooltip_get_text (more), "Show "));

  /* Enter on the focused button. */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (more)), ==, "calendar.show-week");
  g_assert_true (gtk_widget_activate (more));
  /* A button activated from the keyboard shows itself pressed for a moment first. */
  for (int i = 0; i < 200 && g_strcmp0 (kab_calendar_view_get_mode (KAB_CALENDAR_VIEW (f->view)), "week") != 0; i++)
    {
      g_usleep (G_USEC_PER_SEC / 100);
      kab_test_iterate ();
    }
  g_object_get (f->view, "mode", &mode, NULL);
  g_assert_cmpstr (mode, ==, "week");
  g_assert_cmpuint (kab_calendar_view_get_n_blocks (KAB_CALENDAR_VIEW (f->view)), ==, 10);
}

/* The month's cells, in order, as the month page lays them out. */
static void
collect_cells (GtkWidget *widget,
               GPtrArray *cells)
{
  if (KAB_IS_MONTH_CELL (widget))
    {
      g_ptr_array_add (cells, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cells (child, cells);
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Runs @action and the main loop until the first frame after it is painted, no longer:
 * what the user sees in that frame is what is checked. */
static void
step_to_first_frame (Fixture    *f,
                     const char *action)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (f->view);
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_true (gtk_widget_activate_action (f->view, action, NULL));
  while (!painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  g_assert_true (painted);
}

/* Every day that shows: its lines and its "N more" add up to its sessions, and the label
 * says how many are behind it. */
static guint
check_month_shown (Fixture *f)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  guint busy = 0;

  collect_cells (f->view, cells);
  g_assert_cmpuint (cells->len, ==, 42);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);
      guint n = kab_month_cell_get_n_sessions (KAB_MONTH_CELL (cell));
      GtkWidget *more = NULL;
      guint shown = 0;

      if (!gtk_widget_get_visible (cell) || n == 0)
        continue;

      for (GtkWidget *child = gtk_widget_get_first_child (cell); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          if (KAB_IS_SESSION_BLOCK (child) && gtk_widget_get_child_visible (child))
            {
              shown++;
              g_assert_cmpint (gtk_widget_get_height (child), >, 0);
            }
          else if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "more"))
            more = child;
        }

      g_assert_nonnull (more);
      g_assert_cmpuint (shown, >, 0);
      g_assert_cmpuint (shown, <=, n);
      if (shown < n)
        {
          g_autofree char *expected = g_strdup_printf ("%u more", n - shown);

          g_assert_true (gtk_widget_get_child_visible (more));
          g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (more)), ==, expected);
          busy++;
        }
      else
        {
          g_assert_false (gtk_widget_get_child_visible (more));
        }
    }

  return busy;
}

/* Months of five and six weeks have days of two heights. Stepping from one to the other
 * shows the new month whole in its first frame: as many lines as fit, and "N more"
 * already counting the rest (it once took two or three frames, the lines growing and the
 * counts changing after the month showed). */
static void
test_month_step_one_frame (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) first = kab_calendar_month_start (f->monday);

  g_autoptr(GDateTime) week = kab_calendar_week_start (first, G_DATE_MONDAY);

  /* Every day busy for four months: eight weekly series on each day of the week. */
  for (int day = 0; day < 7; day++)
    for (int hour = 8; hour < 16; hour++)
      {
        g_autoptr(KabSeries) series = kab_series_new ();
        g_autoptr(GDateTime) date = g_date_time_add_days (week, day);
        g_autoptr(GError) error = NULL;

        g_object_set (series, "client-id", kab_client_get_id (f->anna), "first-date", date,
                      "start-minute", hour * 60, "duration", 50, "interval-weeks", 1,
                      "fee", (gint64)120000, "max-count", 20, NULL);
        g_assert_true (kab_store_save_series (f->store, series, &error));
        g_assert_no_error (error);
      }

  kab_calendar_view_set_mode (KAB_CALENDAR_VIEW (f->view), "month");
  kab_calendar_view_set_date (KAB_CALENDAR_VIEW (f->view), first);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  kab_test_iterate ();

  /* Once through the four months (the cells learn both heights), then checked at every
   * step, forward and back. */
  for (int i = 0; i < 3; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      g_assert_true (gtk_widget_activate_action (f->view, "calendar.next", NULL));
      kab_test_iterate ();
    }
  for (int i = 0; i < 3; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      kab_test_iterate ();
      step_to_first_frame (f, "calendar.previous");
      g_assert_cmpuint (check_month_shown (f), >, 20);
    }
  for (int i = 0; i < 3; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      kab_test_iterate ();
      step_to_first_frame (f, "calendar.next");
      g_assert_cmpuint (check_month_shown (f), >, 20);
    }
}

/* A line of the month is drawn by its block, without a label inside: it is as tall as a
 * line of text whatever its text, is named for screen readers, and its text is painted
 * inside it. */
static void
test_month_line_drawn (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KabSession) session = add_session (f, 2, 10);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  KabSessionBlock *block = NULL;
  int height;
  g_autoptr(GError) error = NULL;
  g_autofree guchar *pixels = NULL;
  guint ink = 0;
  int width;

  kab_calendar_view_set_mode (KAB_CALENDAR_VIEW (f->view), "month");
  kab_calendar_view_set_date (KAB_CALENDAR_VIEW (f->view), f->monday);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  kab_test_iterate ();

  collect_cells (f->view, cells);
  for (guint i = 0; i < cells->len && block == NULL; i++)
    block = kab_month_cell_find_block (g_ptr_array_index (cells, i), kab_session_get_id (session));
  g_assert_nonnull (block);
  g_assert_true (kab_session_block_get_compact (block));
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (block)));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (block), GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* The same height for a longer name: the line does not measure its text. */
  height = gtk_widget_get_height (GTK_WIDGET (block));
  g_assert_cmpint (height, >, 6);
  {
    KabClient *client = kab_store_find_client (f->store, kab_client_get_id (f->anna));
    g_autoptr(KabClient) renamed = kab_client_copy (client);

    g_object_set (renamed, "given-name", "Annabella-Kristina Wilhelmina", NULL);
    g_assert_true (kab_store_save_client (f->store, renamed, &error));
    g_assert_no_error (error);
  }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  kab_test_iterate ();
  block = NULL;
  for (guint i = 0; i < cells->len && block == NULL; i++)
    block = kab_month_cell_find_block (g_ptr_array_index (cells, i), kab_session_get_id (session));
  g_assert_nonnull (block);
  g_assert_true (g_str_has_prefix (kab_session_get_client_name (kab_session_block_get_session (block)),
                                   "Annabella"));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (block)), ==, height);

  /* Painted as the grid paints it: dark text on the light line, in its middle. */
  width = gtk_widget_get_width (GTK_WIDGET (block));
  pixels = kab_test_render_widget (GTK_WIDGET (block));
  for (int y = 0; y < height; y++)
    for (int x = 8; x < width; x++)
      {
        const guchar *pixel = pixels + (y * width + x) * 4;

        /* B, G, R, A: a glyph's pixel is dark where the line is light. */
        if (pixel[3] > 200 && pixel[0] + pixel[1] + pixel[2] < 3 * 110)
          ink++;
      }
  g_test_message ("%u dark pixels in a line of %d × %d", ink, width, height);
  g_assert_cmpuint (ink, >, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Stockholm", TRUE);
  setlocale (LC_ALL, "");
  /* For screenshots in a language: KABINETT_LOCALEDIR as for the application. */
  if (g_getenv ("KABINETT_LOCALEDIR") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KABINETT_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  kab_test_ui_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add ("/absences-ui/add-from-calendar", Fixture, NULL, fixture_set_up,
              test_add_from_calendar, fixture_tear_down);
  g_test_add ("/absences-ui/keep-planned", Fixture, NULL, fixture_set_up,
              test_keep_planned, fixture_tear_down);
  g_test_add ("/absences-ui/month-more", Fixture, NULL, fixture_set_up,
              test_month_more, fixture_tear_down);
  g_test_add ("/absences-ui/month-step-one-frame", Fixture, NULL, fixture_set_up,
              test_month_step_one_frame, fixture_tear_down);
  g_test_add ("/absences-ui/month-line-drawn", Fixture, NULL, fixture_set_up,
              test_month_line_drawn, fixture_tear_down);

  return g_test_run ();
}
