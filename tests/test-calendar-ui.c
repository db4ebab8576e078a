/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-calendar-ui.c: the Calendar view in a real window: a weekly series, a late cancellation, moving, navigating */

#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <locale.h>
#include <string.h>

#include "core/kab-calendar-util.h"
#include "calendar/kab-calendar-view.h"
#include "calendar/kab-export-dialog.h"
#include "calendar/kab-session-block.h"
#include "calendar/kab-session-dialog.h"
#include "kab-demo.h"
#include "kab-money.h"
#include "kab-store.h"
#include "kab-test-util.h"
#include "kab-test-ui-util.h"
#include "kab-tooltip.h"

typedef struct
{
  char      *dir;
  char      *path;
  KabStore  *store;
  GtkWindow *window;
  GtkStack  *stack;
  GtkWidget *view;
  KabClient *anna;     /* per session, 1 200 kr, no signed agreement */
  KabClient *lars;     /* per session, 900 kr */
  GDateTime *monday;   /* local midnight of the first day of a week three weeks ahead */
} Fixture;

/* A named widget of the dialog's template, as the user sees it. */
static gpointer
dialog_child (KabSessionDialog *dialog,
              const char       *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), KAB_TYPE_SESSION_DIALOG, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return child;
}

/* With KAB_SCREENSHOT_DIR set, saves what @widget shows as NAME.png, to look at. */
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

  /* A window cannot paint itself into a paintable; its content can, once it has been
   * laid out and drawn. */
  if (GTK_IS_WINDOW (widget))
    widget = gtk_window_get_child (GTK_WINDOW (widget));

  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_test_message ("Nothing to save for %s (%d×%d)", name, width, height);
      return;
    }

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
            const char *family,
            gint64      fee)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (client, "given-name", given, "family-name", family, "fee", fee, NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_assert_no_error (error);

  return kab_store_find_client (store, kab_client_get_id (client));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabPractice) practice = kab_practice_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) ahead = g_date_time_add_weeks (now, 3);
  GtkWidget *overlay;

  f->dir = g_dir_make_tmp ("kabinett-calendar-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "kabinett.db", NULL);
  f->store = kab_store_open (f->path, &error);
  g_assert_no_error (error);

  g_object_set (practice,
                "practitioner-name", "Karin Lindqvist",
                "currency", "SEK",
                "late-cancel-percent", 60,
                "default-duration", 50,
                NULL);
  g_assert_true (kab_store_save_practice (f->store, practice, &error));
  g_assert_no_error (error);

  f->anna = add_client (f->store, "Anna", "Karlsson", 120000);
  f->lars = add_client (f->store, "Lars", "Berg", 90000);
  f->monday = kab_calendar_week_start (ahead, kab_calendar_get_first_weekday ());

  /* The view as the main window holds it: in a stack of views, under a toast overlay. */
  f->view = kab_calendar_view_new (f->store);
  f->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (f->stack, gtk_label_new ("Another view"), "other");
  gtk_stack_add_named (f->stack, f->view, "calendar");
  gtk_stack_set_visible_child_name (f->stack, "calendar");
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->stack));

  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1100, 720);
  adw_window_set_content (ADW_WINDOW (f->window), overlay);
  gtk_window_present (f->window);
  kab_test_wait_until_mapped (f->view);
  kab_test_iterate ();

  kab_calendar_view_set_mode (KAB_CALENDAR_VIEW (f->view), "week");
  kab_calendar_view_set_date (KAB_CALENDAR_VIEW (f->view), f->monday);
  kab_test_iterate ();
}

/* Closes the window and the store, checking that the view keeps nothing alive. */
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

static GListModel *
sessions_of (Fixture   *f,
             KabClient *client)
{
  g_autoptr(GError) error = NULL;
  GListModel *sessions = kab_store_list_client_sessions (f->store, kab_client_get_id (client), &error);

  g_assert_no_error (error);
  return sessions;
}

static KabSessionDialog *
open_new_session_dialog (Fixture *f)
{
  GtkWindow *dialog;

  /* What Ctrl+N and the "New Session" button do. */
  g_assert_true (gtk_widget_activate_action (f->view, "calendar.new-session", NULL));
  dialog = kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG);
  g_assert_nonnull (dialog);
  kab_test_wait_until_mapped (GTK_WIDGET (dialog));
  return KAB_SESSION_DIALOG (dialog);
}

static void
choose_client (KabSessionDialog *dialog,
               KabClient        *client)
{
  GtkDropDown *dropdown = dialog_child (dialog, "client_dropdown");
  GListModel *clients = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(KabClient) item = g_list_model_get_item (clients, i);

      if (item == client)
        {
          gtk_drop_down_set_selected (dropdown, i);
          kab_test_iterate ();
          return;
        }
    }

  g_assert_not_reached ();
}

static void
choose_day (GtkCalendar *calendar,
            GDateTime   *day)
{
  g_autoptr(GDateTime) noon = g_date_time_add_hours (day, 12);

  gtk_calendar_select_day (calendar, noon);
  g_signal_emit_by_name (calendar, "day-selected");
  kab_test_iterate ();
}

static void
choose_time (KabSessionDialog *dialog,
             int               hour,
             int               minute)
{
  gtk_spin_button_set_value (dialog_child (dialog, "hour_spin"), hour);
  gtk_spin_button_set_value (dialog_child (dialog, "minute_spin"), minute);
  kab_test_iterate ();
}

static void
press (gpointer button)
{
  g_signal_emit_by_name (button, "clicked");
  kab_test_iterate ();
}

static KabSessionBlock *
block_of (Fixture    *f,
          KabSession *session)
{
  GtkWidget *block = kab_calendar_view_find_block (KAB_CALENDAR_VIEW (f->view), kab_session_get_id (session));

  g_assert_true (KAB_IS_SESSION_BLOCK (block));
  return KAB_SESSION_BLOCK (block);
}

/* Plans Anna every Monday at 10:00 for four weeks, through the dialog's widgets. */
static void
create_weekly_series (Fixture *f)
{
  KabSessionDialog *dialog = open_new_session_dialog (f);
  g_autoptr(GDateTime) last = g_date_time_add_weeks (f->monday, 3);
  g_autofree char *fee = kab_money_format (120000, "SEK");
  AdwExpanderRow *repeat_row;

  choose_client (dialog, f->anna);
  /* The fee is the client's, since Anna pays per session. */
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "fee_row")), ==, fee);
  /* Anna has signed nothing yet: the dialog says so. */
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "consent_row")));

  choose_day (dialog_child (dialog, "date_calendar"), f->monday);
  choose_time (dialog, 10, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (dialog_child (dialog, "duration_spin")), ==, 50);

  repeat_row = dialog_child (dialog, "repeat_row");
  adw_expander_row_set_enable_expansion (repeat_row, TRUE);
  gtk_spin_button_set_value (dialog_child (dialog, "interval_spin"), 1);
  adw_combo_row_set_selected (dialog_child (dialog, "ends_row"), 1);
  choose_day (dialog_child (dialog, "until_calendar"), last);
  kab_test_iterate ();

  g_assert_false (kab_session_dialog_has_overlaps (dialog));
  save_screenshot (GTK_WIDGET (dialog), "dialog-series");
  press (dialog_child (dialog, "save_button"));
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));
}

static void
test_series_and_late_cancellation (Fixture       *f,
                                   gconstpointer  data)
{
  KabCalendarView *view = KAB_CALENDAR_VIEW (f->view);
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(KabSession) second = NULL;
  g_autoptr(KabSession) reloaded = NULL;
  g_autoptr(GListModel) charges = NULL;
  g_autoptr(KabCharge) charge = NULL;
  g_autoptr(GError) error = NULL;
  GDateTime *from;
  gint64 series_id;
  gint64 balance = -1;

  create_weekly_series (f);

  /* The database holds four Mondays at 10:00, one series. */
  sessions = sessions_of (f, f->anna);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (kab_session_get_start (session));
      g_autoptr(GDateTime) expected = g_date_time_add_weeks (f->monday, i);

      if (i == 0)
        series_id = kab_session_get_series_id (session);
      g_assert_cmpint (series_id, !=, 0);
      g_assert_cmpint (kab_session_get_series_id (session), ==, series_id);
      g_assert_cmpint (kab_calendar_day_index (local, expected), ==, 0);
      g_assert_cmpint (g_date_time_get_hour (local), ==, 10);
      g_assert_cmpint (g_date_time_get_minute (local), ==, 0);
      g_assert_cmpint (kab_session_get_fee (session), ==, 120000);
      g_assert_cmpint (kab_session_get_status (session), ==, KAB_SESSION_STATUS_PLANNED);
    }

  /* The first week shows the first occurrence. */
  kab_test_iterate ();
  kab_calendar_view_get_range (view, &from, NULL);
  g_assert_true (g_date_time_equal (from, f->monday));
  g_assert_cmpuint (kab_calendar_view_get_n_blocks (view), ==, 1);

  /* Next week (Alt+Right) shows the second; the late cancellation goes through its menu. */
  g_assert_true (gtk_widget_activate_action (f->view, "calendar.next", NULL));
  kab_test_iterate ();
  second = g_list_model_get_item (sessions, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (block_of (f, second)), "block.status", "s",
                                             "cancelled-late"));
  kab_test_iterate ();

  reloaded = kab_store_load_session (f->store, kab_session_get_id (second), &error);
  g_assert_no_error (error);
  g_assert_cmpint (kab_session_get_status (reloaded), ==, KAB_SESSION_STATUS_CANCELLED_LATE);
  g_assert_false (kab_session_get_detached (reloaded));

  /* 60 % of 1 200 kr, charged in the same transaction. */
  g_assert_true (kab_store_get_balance (f->store, kab_client_get_id (f->anna), &balance, &error));
  g_assert_no_error (error);
  g_assert_cmpint (balance, ==, 72000);
  charges = kab_store_list_charges (f->store, kab_client_get_id (f->anna), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (charges), ==, 1);
  charge = g_list_model_get_item (charges, 0);
  g_assert_cmpint (kab_charge_get_amount (charge), ==, 72000);
  g_assert_cmpint (kab_charge_get_kind (charge), ==, KAB_CHARGE_KIND_LATE_CANCELLATION);
  g_assert_cmpint (kab_charge_get_session_id (charge), ==, kab_session_get_id (second));

  /* The block follows: it shows the new status. */
  g_assert_cmpint (kab_session_get_status (kab_session_block_get_session (block_of (f, second))),
                   ==, KAB_SESSION_STATUS_CANCELLED_LATE);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (block_of (f, second)), "cancelled"));
  save_screenshot (GTK_WIDGET (f->window), "week-late-cancelled");

  /* A session ahead cannot be marked attended: nothing changes. */
  {
    g_autoptr(KabSession) ahead = kab_session_copy (reloaded);

    kab_session_set_status (ahead, KAB_SESSION_STATUS_ATTENDED);
    g_assert_false (kab_store_save_session (f->store, ahead, &error));
    g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
    g_clear_error (&error);
  }
  g_assert_true (kab_store_get_balance (f->store, kab_client_get_id (f->anna), &balance, &error));
  g_assert_cmpint (balance, ==, 72000);

  /* Once it has taken place, attended after all: the full fee replaces the cancellation
   * charge. */
  {
    g_autoptr(GDateTime) later = g_date_time_add_weeks (f->monday, 5);

    kab_store_set_test_now (later);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (block_of (f, second)), "block.status",
                                               "s", "attended"));
    kab_test_iterate ();
    kab_store_set_test_now (NULL);
  }
  g_assert_true (kab_store_get_balance (f->store, kab_client_get_id (f->anna), &balance, &error));
  g_assert_cmpint (balance, ==, 120000);
}

/* The view's own shortcut for @accelerator, as the window's shortcut controllers hold it. */
static GtkShortcut *
find_shortcut (GtkWidget  *view,
               const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return shortcut;
        }
    }

  return NULL;
}

static gboolean
press_shortcut (GtkWidget  *view,
                const char *accelerator)
{
  GtkShortcut *shortcut = find_shortcut (view, accelerator);

  g_assert_nonnull (shortcut);
  return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, view, NULL);
}

/* The first moment the view shows, kept across steps (the view's own is replaced). */
static GDateTime *
dup_range_start (KabCalendarView *view)
{
  GDateTime *from = NULL;

  kab_calendar_view_get_range (view, &from, NULL);
  return g_date_time_ref (from);
}

/* Alt+Right, Alt+Left and T step the view; T is typing while a text field has the focus,
 * and a view that is not shown takes no shortcuts. */
static void
test_shortcuts (Fixture       *f,
                gconstpointer  data)
{
  KabCalendarView *view = KAB_CALENDAR_VIEW (f->view);
  g_autoptr(GDateTime) start = dup_range_start (view);
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) still = NULL;
  g_autoptr(GDateTime) back = NULL;
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_window_get_content (ADW_WINDOW (f->window)));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *entry = gtk_entry_new ();

  g_assert_true (press_shortcut (f->view, "<Alt>Right"));
  next = dup_range_start (view);
  g_assert_cmpint (g_date_time_compare (next, start), >, 0);

  /* A text field above the view, with the focus. */
  g_object_ref (f->stack);
  adw_toast_overlay_set_child (overlay, NULL);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->stack));
  g_object_unref (f->stack);
  adw_toast_overlay_set_child (overlay, box);
  kab_test_wait_until_mapped (entry);
  kab_test_wait_until_mapped (f->view);
  g_assert_true (gtk_widget_grab_focus (entry));

  g_assert_false (press_shortcut (f->view, "t"));
  still = dup_range_start (view);
  g_assert_true (g_date_time_equal (still, next));

  /* Modified keys still work there, and T does elsewhere. */
  g_assert_true (press_shortcut (f->view, "<Alt>Left"));
  back = dup_range_start (view);
  g_assert_true (g_date_time_equal (back, start));
  g_assert_true (press_shortcut (f->view, "<Alt>Right"));
  /* The focus leaves the field as a click elsewhere makes it. (Making the focused field
   * insensitive instead is what GTK 4.8 does not support: its text never hears the focus
   * go, keeps its cursor blinking, and warns, fatally here, at the next blink.) */
  gtk_window_set_focus (f->window, NULL);
  kab_test_iterate ();
  g_assert_false (gtk_widget_has_focus (entry));
  g_assert_null (gtk_window_get_focus (f->window));
  g_assert_true (press_shortcut (f->view, "t"));
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    GDateTime *from = NULL, *to = NULL;

    kab_calendar_view_get_range (view, &from, &to);
    g_assert_cmpint (g_date_time_compare (from, now), <=, 0);
    g_assert_cmpint (g_date_time_compare (now, to), <, 0);
  }

  /* Another page of the stack is shown: the Calendar takes no shortcuts. */
  gtk_stack_set_visible_child_name (f->stack, "other");
  kab_test_iterate ();
  g_assert_false (press_shortcut (f->view, "<Alt>Right"));
}

static void
test_navigation (Fixture       *f,
                 gconstpointer  data)
{
  KabCalendarView *view = KAB_CALENDAR_VIEW (f->view);
  g_autoptr(GDateTime) next = g_date_time_add_weeks (f->monday, 1);
  g_autoptr(GDateTime) previous = g_date_time_add_weeks (f->monday, -1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *title = kab_calendar_format_week_title (next);
  g_autofree char *month_title = NULL;
  g_autoptr(GDateTime) month = NULL;
  GDateTime *from, *to;

  kab_calendar_view_get_range (view, &from, &to);
  g_assert_true (g_date_time_equal (from, f->monday));
  g_assert_cmpint (kab_calendar_day_index (to, from), ==, 7);

  g_assert_true (gtk_widget_activate_action (f->view, "calendar.next", NULL));
  kab_calendar_view_get_range (view, &from, &to);
  g_assert_true (g_date_time_equal (from, next));
  g_assert_cmpint (kab_calendar_day_index (to, from), ==, 7);
  g_assert_cmpstr (kab_calendar_view_get_title (view), ==, title);

  g_assert_true (gtk_widget_activate_action (f->view, "calendar.previous", NULL));
  g_assert_true (gtk_widget_activate_action (f->view, "calendar.previous", NULL));
  kab_calendar_view_get_range (view, &from, &to);
  g_assert_true (g_date_time_equal (from, previous));

  g_assert_true (gtk_widget_activate_action (f->view, "calendar.today", NULL));
  kab_calendar_view_get_range (view, &from, &to);
  g_assert_cmpint (g_date_time_compare (from, now), <=, 0);
  g_assert_cmpint (g_date_time_compare (now, to), <, 0);

  /* The month: whole weeks around it, titled by the month. */
  g_assert_true (gtk_widget_activate_action (f->view, "calendar.mode", "s", "month"));
  g_assert_cmpstr (kab_calendar_view_get_mode (view), ==, "month");
  month = kab_calendar_month_start (now);
  month_title = kab_calendar_format_month_title (month);
  g_assert_cmpstr (kab_calendar_view_get_title (view), ==, month_title);
  kab_calendar_view_get_range (view, &from, &to);
  g_assert_cmpint (g_date_time_compare (from, month), <=, 0);
  g_assert_cmpint (kab_calendar_day_index (to, from) % 7, ==, 0);
  g_assert_cmpint (kab_calendar_day_index (to, from), >=, 28);

  /* Showing the same month again (a refresh, a restart in month mode) changes nothing. */
  kab_calendar_view_set_date (view, now);
  kab_calendar_view_set_date (view, now);
  kab_test_iterate ();
  g_assert_cmpstr (kab_calendar_view_get_title (view), ==, month_title);

  g_assert_true (gtk_widget_activate_action (f->view, "calendar.next", NULL));
  {
    g_autoptr(GDateTime) next_month = g_date_time_add_months (month, 1);
    g_autofree char *next_title = kab_calendar_format_month_title (next_month);

    g_assert_cmpstr (kab_calendar_view_get_title (view), ==, next_title);
  }

  /* Back to the week of a day picked in the month. */
  g_assert_true (gtk_widget_activate_action (f->view, "calendar.show-week", "x",
                                             g_date_time_to_unix (f->monday)));
  g_assert_cmpstr (kab_calendar_view_get_mode (view), ==, "week");
  kab_calendar_view_get_range (view, &from, &to);
  g_assert_true (g_date_time_equal (from, f->monday));
}

static void
test_overlap_confirmed (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GListModel) lars_sessions = NULL;
  KabSessionDialog *dialog;
  AdwMessageDialog *confirm;

  create_weekly_series (f);

  /* Lars at 10:30 on the same Monday overlaps Anna. */
  dialog = open_new_session_dialog (f);
  choose_client (dialog, f->lars);
  choose_day (dialog_child (dialog, "date_calendar"), f->monday);
  choose_time (dialog, 10, 30);
  g_assert_true (kab_session_dialog_has_overlaps (dialog));
  g_assert_true (gtk_revealer_get_reveal_child (dialog_child (dialog, "overlap_revealer")));
  g_assert_nonnull (strstr (gtk_label_get_label (dialog_child (dialog, "overlap_label")), "Anna Karlsson"));
  save_screenshot (GTK_WIDGET (dialog), "dialog-overlap");

  /* Saving asks first; going back saves nothing. */
  press (dialog_child (dialog, "save_button"));
  confirm = ADW_MESSAGE_DIALOG (kab_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "cancel");
  kab_test_iterate ();
  lars_sessions = sessions_of (f, f->lars);
  g_assert_cmpuint (g_list_model_get_n_items (lars_sessions), ==, 0);
  g_clear_object (&lars_sessions);

  /* Confirmed, it is saved. */
  press (dialog_child (dialog, "save_button"));
  confirm = ADW_MESSAGE_DIALOG (kab_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "plan");
  kab_test_iterate ();
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));
  lars_sessions = sessions_of (f, f->lars);
  g_assert_cmpuint (g_list_model_get_n_items (lars_sessions), ==, 1);

  /* Both show, side by side. */
  g_assert_cmpuint (kab_calendar_view_get_n_blocks (KAB_CALENDAR_VIEW (f->view)), ==, 2);
  save_screenshot (GTK_WIDGET (f->window), "week-overlap");
}

static void
test_move_and_edit_series (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(KabSession) first = NULL;
  g_autoptr(KabSession) moved = NULL;
  g_autoptr(KabSeries) series = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GError) error = NULL;
  KabSessionDialog *dialog;

  create_weekly_series (f);
  sessions = sessions_of (f, f->anna);
  first = g_list_model_get_item (sessions, 0);

  /* One occurrence moved to 11:00 leaves the series as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (block_of (f, first)), "block.edit", NULL));
  dialog = KAB_SESSION_DIALOG (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "repeat_group")));
  choose_time (dialog, 11, 0);
  press (dialog_child (dialog, "save_button"));
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));

  moved = kab_store_load_session (f->store, kab_session_get_id (first), &error);
  g_assert_no_error (error);
  local = g_date_time_to_local (kab_session_get_start (moved));
  g_assert_cmpint (g_date_time_get_hour (local), ==, 11);
  g_assert_true (kab_session_get_detached (moved));
  series = kab_store_load_series (f->store, kab_session_get_series_id (moved), &error);
  g_assert_no_error (error);
  g_assert_cmpint (kab_series_get_start_minute (series), ==, 600);

  /* The series moved to 9:00: its other future sessions follow, the moved one stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (block_of (f, first)), "block.edit-series", NULL));
  dialog = KAB_SESSION_DIALOG (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));
  g_assert_nonnull (dialog);
  choose_time (dialog, 9, 0);
  press (dialog_child (dialog, "save_button"));
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));

  g_clear_object (&sessions);
  sessions = sessions_of (f, f->anna);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(GDateTime) start = g_date_time_to_local (kab_session_get_start (session));

      if (kab_session_get_id (session) == kab_session_get_id (first))
        g_assert_cmpint (g_date_time_get_hour (start), ==, 11);
      else
        g_assert_cmpint (g_date_time_get_hour (start), ==, 9);
    }
}

static void
test_delete_with_undo_data (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(KabSession) first = NULL;
  g_autoptr(GListModel) after = NULL;
  AdwMessageDialog *confirm;

  create_weekly_series (f);
  sessions = sessions_of (f, f->anna);
  first = g_list_model_get_item (sessions, 0);

  /* Deleting asks, naming what is lost. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (block_of (f, first)), "block.delete", NULL));
  confirm = ADW_MESSAGE_DIALOG (kab_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirm);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "Anna Karlsson"));
  adw_message_dialog_response (confirm, "delete");
  kab_test_iterate ();

  after = sessions_of (f, f->anna);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 3);
  g_assert_cmpuint (kab_calendar_view_get_n_blocks (KAB_CALENDAR_VIEW (f->view)), ==, 0);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "week.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  KabExportDialog *dialog;
  icalcomponent *calendar;
  icalcomponent *event;
  guint n = 0;

  create_weekly_series (f);

  /* The dialog proposes the week shown, with initials only (the default). */
  g_assert_true (gtk_widget_activate_action (f->view, "calendar.export", NULL));
  dialog = KAB_EXPORT_DIALOG (kab_test_find_toplevel (KAB_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                                   KAB_TYPE_EXPORT_DIALOG,
                                                                                   "initials_switch"))));
  g_assert_true (kab_export_dialog_write (dialog, file, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      g_assert_cmpstr (icalcomponent_get_summary (event), ==, "A. K.");
      g_assert_true (icaltime_is_utc (icalcomponent_get_dtstart (event)));
      n++;
    }
  icalcomponent_free (calendar);
  g_assert_cmpuint (n, ==, 1);
}

/* A 20-year practice: a week's step is one query and a few dozen blocks. */
static void
test_scale (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KabStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  KabDemoSize size = KAB_DEMO_SIZE_LARGE;
  GtkWindow *window;
  GtkWidget *view;
  gint64 begin, elapsed;
  const int steps = 52;

  if (!g_test_slow ())
    {
      g_test_skip ("Generating 60,000 sessions takes a while: run with -m slow");
      return;
    }

  dir = g_dir_make_tmp ("kabinett-calendar-scale-XXXXXX", &error);
  path = g_build_filename (dir, "kabinett.db", NULL);
  store = kab_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kab_demo_fill (store, &size, now, &error));
  g_assert_no_error (error);

  view = kab_calendar_view_new (store);
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 1100, 720);
  adw_window_set_content (ADW_WINDOW (window), view);
  gtk_window_present (window);
  kab_test_wait_until_mapped (view);
  kab_test_iterate ();

  for (int mode = 0; mode < 2; mode++)
    {
      kab_calendar_view_set_mode (KAB_CALENDAR_VIEW (view), mode == 0 ? "week" : "month");
      kab_test_iterate ();

      begin = g_get_monotonic_time ();
      for (int i = 0; i < steps; i++)
        g_assert_true (gtk_widget_activate_action (view, "calendar.previous", NULL));
      elapsed = (g_get_monotonic_time () - begin) / steps;
      g_test_message ("%s step: %" G_GINT64_FORMAT " µs, %u blocks", mode == 0 ? "week" : "month",
                      elapsed, kab_calendar_view_get_n_blocks (KAB_CALENDAR_VIEW (view)));
      /* Time is measured only when asked for (-m perf): CI shares a loaded machine. */
      if (g_test_perf ())
        g_assert_cmpint (elapsed, <, 16000);
    }

  gtk_window_destroy (window);
  kab_test_iterate ();
  g_clear_object (&store);
  kab_test_remove_tree (dir);
}

/* Finding 7: the status menu says what each status charges, and which cancellation the
 * practice's notice rule makes of one made now. */
static char *
menu_labels (KabSessionBlock *block)
{
  GString *labels = g_string_new (NULL);
  g_autoptr(GMenuModel) model = kab_session_block_dup_menu (block);
  g_autoptr(GMenuModel) statuses = NULL;

  statuses = g_menu_model_get_item_link (model, 1, G_MENU_LINK_SECTION);
  {
    g_autofree char *heading = NULL;
    g_menu_model_get_item_attribute (model, 1, G_MENU_ATTRIBUTE_LABEL, "s", &heading);
    g_string_append_printf (labels, "%s\n", heading);
  }
  for (int i = 0; i < g_menu_model_get_n_items (statuses); i++)
    {
      g_autofree char *label = NULL;

      g_menu_model_get_item_attribute (statuses, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      g_string_append_printf (labels, "%s\n", label);
    }
  return g_string_free (labels, FALSE);
}

/* The block's stripe, drawn by the block: the pixel on its leading edge, halfway down,
 * as the cairo renderer paints it (B, G, R, A of a premultiplied ARGB32 pixel). */
static void
stripe_pixel (KabSessionBlock *block,
              guchar           out[4])
{
  GtkWidget *widget = GTK_WIDGET (block);
  g_autofree guchar *pixels = NULL;
  int width, height;

  /* Laid out, as the user sees it: a change of status asks for a new layout. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
  kab_test_iterate ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 6);
  g_assert_cmpint (height, >, 6);
  /* As the grid paints it, in the grid's coordinates. */
  pixels = kab_test_render_widget (widget);
  memcpy (out, pixels + ((height / 2) * width + 1) * 4, 4);
}

/* A change of the practice's working day reaches the week already shown: a shorter day
 * fills the same height with taller hours. */
static void
test_working_day_follows_practice (Fixture       *f,
                                   gconstpointer  data)
{
  KabWeekGrid *grid = kab_week_page_get_grid (kab_calendar_view_get_week_page (KAB_CALENDAR_VIEW (f->view)));
  g_autoptr(KabPractice) practice = kab_practice_copy (kab_store_get_practice (f->store));
  g_autoptr(GError) error = NULL;
  int before;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (f->view)));
  kab_test_iterate ();
  before = kab_week_grid_get_hour_height (grid);
  g_assert_cmpint (kab_practice_get_day_end_hour (practice) - kab_practice_get_day_start_hour (practice), >, 4);

  kab_practice_set_day_start_hour (practice, 9);
  kab_practice_set_day_end_hour (practice, 12);
  g_assert_true (kab_store_save_practice (f->store, practice, &error));
  g_assert_no_error (error);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (f->view)));
  kab_test_iterate ();
  g_test_message ("hour height %d, then %d", before, kab_week_grid_get_hour_height (grid));
  g_assert_cmpint (kab_week_grid_get_hour_height (grid), >, before);
}

/* Alt+Right moves a block's session a day on, Shift+Alt+Down makes it 5 minutes longer:
 * the keyboard's drag, in every block. */
static void
test_block_move_keys (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(KabSession) first = NULL;
  g_autoptr(KabSession) moved = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) expected = NULL;
  g_autoptr(GError) error = NULL;
  KabSessionBlock *block;
  GtkShortcut *right, *longer;
  int duration;

  create_weekly_series (f);
  kab_test_iterate ();
  sessions = sessions_of (f, f->anna);
  first = g_list_model_get_item (sessions, 0);
  start = g_date_time_ref (kab_session_get_start (first));
  duration = kab_session_get_duration (first);
  kab_calendar_view_set_date (KAB_CALENDAR_VIEW (f->view), start);
  kab_test_iterate ();
  block = block_of (f, first);

  for (guint i = 0; i < 6; i++)
    {
      const char *keys[] = { "<Alt>Left", "<Alt>Right", "<Alt>Up", "<Alt>Down",
                             "<Shift><Alt>Up", "<Shift><Alt>Down" };

      g_assert_nonnull (find_shortcut (GTK_WIDGET (block), keys[i]));
    }

  right = find_shortcut (GTK_WIDGET (block), "<Alt>Right");
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (right), 0, GTK_WIDGET (block),
                                               gtk_shortcut_get_arguments (right)));
  kab_test_iterate ();
  moved = kab_store_load_session (f->store, kab_session_get_id (first), &error);
  g_assert_no_error (error);
  expected = g_date_time_add_days (start, 1);
  g_assert_true (g_date_time_equal (kab_session_get_start (moved), expected));
  g_clear_object (&moved);

  block = block_of (f, first);
  longer = find_shortcut (GTK_WIDGET (block), "<Shift><Alt>Down");
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (longer), 0, GTK_WIDGET (block),
                                               gtk_shortcut_get_arguments (longer)));
  kab_test_iterate ();
  moved = kab_store_load_session (f->store, kab_session_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (kab_session_get_start (moved), expected));
  g_assert_cmpint (kab_session_get_duration (moved), ==, duration + 5);
}

/* Planned sessions have a stripe in the accent colour (blue), those cancelled by the
 * psychologist a grey one: the colour follows the status. */
static void
test_block_stripe (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(KabSession) first = NULL;
  g_autoptr(GError) error = NULL;
  guchar planned[4], cancelled[4];

  create_weekly_series (f);
  kab_test_iterate ();
  sessions = sessions_of (f, f->anna);
  first = g_list_model_get_item (sessions, 0);
  kab_calendar_view_set_date (KAB_CALENDAR_VIEW (f->view), kab_session_get_start (first));
  kab_test_iterate ();

  stripe_pixel (block_of (f, first), planned);
  g_test_message ("planned stripe: R %u G %u B %u", planned[2], planned[1], planned[0]);
  g_assert_cmpuint (planned[0], >, planned[2] + 60);   /* blue well above red */

  kab_session_set_status (first, KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER);
  g_assert_true (kab_store_save_session (f->store, first, &error));
  g_assert_no_error (error);
  kab_test_iterate ();
  stripe_pixel (block_of (f, first), cancelled);
  g_test_message ("cancelled stripe: R %u G %u B %u", cancelled[2], cancelled[1], cancelled[0]);
  /* A translucent grey (the block alone, without the grid under it): neutral, and more
   * opaque than the block's faint background and hatching could make it alone. */
  g_test_message ("cancelled stripe alpha %u", cancelled[3]);
  g_assert_cmpint (ABS ((int) cancelled[0] - (int) cancelled[2]), <, 24);
  g_assert_cmpint (ABS ((int) cancelled[1] - (int) cancelled[2]), <, 24);
  g_assert_cmpuint (cancelled[3], >, 50);
}

static void
test_status_menu_charges (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(KabSession) first = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *late = kab_money_format (72000, "SEK");
  g_autofree char *late_label = g_strdup_printf ("Cancelled _Late · charged %s", late);

  create_weekly_series (f);
  kab_test_iterate ();
  sessions = sessions_of (f, f->anna);
  first = g_list_model_get_item (sessions, 0);

  /* Three weeks ahead: a cancellation now is in time; it cannot be attended yet. */
  labels = menu_labels (block_of (f, first));
  g_test_message ("%s", labels);
  g_assert_nonnull (strstr (labels, "Cancelled now: in time (24 hours’ notice)"));
  g_assert_nonnull (strstr (labels, late_label));
  g_assert_nonnull (strstr (labels, "Cancelled in _Time · not charged"));
  g_assert_nonnull (strstr (labels, "Cancelled by _Me · not charged"));
  g_assert_nonnull (strstr (labels, "_Attended · once it has begun"));

  /* Below the statuses, the journal note, then editing and deleting. */
  {
    g_autoptr(GMenuModel) model = kab_session_block_dup_menu (block_of (f, first));
    g_autoptr(GString) all = g_string_new (NULL);

    for (int i = 2; i < g_menu_model_get_n_items (model); i++)
      {
        g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

        for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
          {
            g_autofree char *label = NULL;

            g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
            g_string_append_printf (all, "%s\n", label);
          }
      }
    g_assert_nonnull (strstr (all->str, "_Journal Note…"));
    g_assert_nonnull (strstr (all->str, "_Edit Session…"));
    g_assert_nonnull (strstr (all->str, "_Delete Session…"));
  }

  /* On a prepaid package, a late cancellation uses up a session of it. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *menu = NULL;

    g_assert_true (kab_store_set_client_rate (f->store, kab_client_get_id (f->anna), now,
                                              KAB_CLIENT_STATUS_ACTIVE, KAB_BILLING_PLAN_PACKAGE,
                                              1000000, &error));
    g_assert_no_error (error);
    g_assert_true (kab_store_sell_package (f->store, kab_client_get_id (f->anna), 10, 1000000,
                                           now, NULL, NULL, &error));
    g_assert_no_error (error);
    menu = menu_labels (block_of (f, first));
    g_assert_nonnull (strstr (menu, "Cancelled _Late · from the package"));
    g_assert_nonnull (strstr (menu, "Cancelled in _Time · not charged"));
  }

  /* The week as it shows the series, as the other tests leave the window. */
  g_assert_true (gtk_widget_activate_action (f->view, "calendar.next", NULL));
  kab_test_iterate ();
  g_assert_true (kab_session_status_is_charged (KAB_SESSION_STATUS_NO_SHOW));
}

/* Sets when the client cancelled, through the dialog's calendar and spins. */
static void
choose_cancel_time (KabSessionDialog *dialog,
                    GDateTime        *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (local),
                                                         g_date_time_get_month (local),
                                                         g_date_time_get_day_of_month (local), 0, 0, 0);

  choose_day (dialog_child (dialog, "cancel_calendar"), midnight);
  gtk_spin_button_set_value (dialog_child (dialog, "cancel_hour_spin"), g_date_time_get_hour (local));
  gtk_spin_button_set_value (dialog_child (dialog, "cancel_minute_spin"), g_date_time_get_minute (local));
  kab_test_iterate ();
}

/* The client's cancellation in the session dialog: the practice's 24 hours' notice
 * proposes in time for 30 hours before and late for 3 hours before; the user can still
 * choose, and the status chosen is the one stored and charged. */
static void
test_cancellation_time (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(KabSession) session = kab_session_new ();
  g_autoptr(KabSession) stored = NULL;
  g_autoptr(GDateTime) start = g_date_time_add_hours (f->monday, 10);
  g_autoptr(GDateTime) early = g_date_time_add_hours (start, -30);
  g_autoptr(GDateTime) late = g_date_time_add_hours (start, -3);
  g_autoptr(GError) error = NULL;
  g_autofree char *charge = kab_money_format (72000, "SEK");
  g_autofree char *charged = g_strdup_printf ("Charged %s", charge);
  KabSessionDialog *dialog;
  AdwComboRow *status_row;
  AdwExpanderRow *cancel_row;

  g_assert_cmpint (kab_practice_get_cancel_hours (kab_store_get_practice (f->store)), ==, 24);
  g_object_set (session,
                "client-id", kab_client_get_id (f->anna),
                "start", start,
                "tzid", "Europe/Stockholm",
                "duration", 50,
                "kind", KAB_SESSION_KIND_PSYCHOTHERAPY,
                "status", KAB_SESSION_STATUS_PLANNED,
                "fee", (gint64)120000,
                NULL);
  g_assert_true (kab_store_save_session (f->store, session, &error));
  g_assert_no_error (error);

  dialog = kab_session_dialog_edit_session (f->store, session);
  gtk_window_present (GTK_WINDOW (dialog));
  kab_test_wait_until_mapped (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "cancel_group")));
  status_row = dialog_child (dialog, "cancel_status_row");
  cancel_row = dialog_child (dialog, "cancel_row");

  /* Switched on now, three weeks ahead: in time. */
  adw_expander_row_set_enable_expansion (cancel_row, TRUE);
  kab_test_iterate ();
  g_assert_cmpuint (adw_combo_row_get_selected (status_row), ==, 0);

  choose_cancel_time (dialog, early);
  g_assert_cmpuint (adw_combo_row_get_selected (status_row), ==, 0);
  g_assert_cmpstr (adw_expander_row_get_subtitle (cancel_row), ==, "Proposed: in time (at least 24 hours’ notice)");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (status_row)), ==, "Not charged");

  choose_cancel_time (dialog, late);
  g_assert_cmpuint (adw_combo_row_get_selected (status_row), ==, 1);
  g_assert_cmpstr (adw_expander_row_get_subtitle (cancel_row), ==, "Proposed: late (less than 24 hours’ notice)");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (status_row)), ==, charged);
  save_screenshot (GTK_WIDGET (dialog), "dialog-cancellation");

  /* What it charges follows the fee typed in: 60 % of 1 000 kr. */
  {
    g_autofree char *fee = kab_money_format (100000, "SEK");
    g_autofree char *part = kab_money_format (60000, "SEK");
    g_autofree char *expected = g_strdup_printf ("Charged %s", part);
    g_autofree char *full = kab_money_format (120000, "SEK");

    gtk_editable_set_text (dialog_child (dialog, "fee_row"), fee);
    kab_test_iterate ();
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (status_row)), ==, expected);
    gtk_editable_set_text (dialog_child (dialog, "fee_row"), "");
    gtk_editable_set_text (dialog_child (dialog, "fee_row"), full);
    kab_test_iterate ();
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (status_row)), ==, charged);
  }

  /* The user overrules the proposal, then goes back to it, and saves. */
  adw_combo_row_set_selected (status_row, 0);
  kab_test_iterate ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (status_row)), ==, "Not charged");
  adw_combo_row_set_selected (status_row, 1);
  kab_test_iterate ();
  press (dialog_child (dialog, "save_button"));
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));

  stored = kab_store_load_session (f->store, kab_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpint (kab_session_get_status (stored), ==, KAB_SESSION_STATUS_CANCELLED_LATE);
  /* The time the client cancelled is kept with it. */
  g_assert_nonnull (kab_session_get_cancelled_at (stored));
  g_assert_cmpint (g_date_time_to_unix (kab_session_get_cancelled_at (stored)), ==,
                   g_date_time_to_unix (late));

  /* Opened again, the dialog shows the cancellation as stored, with its time. */
  dialog = kab_session_dialog_edit_session (f->store, stored);
  gtk_window_present (GTK_WINDOW (dialog));
  kab_test_wait_until_mapped (GTK_WIDGET (dialog));
  g_assert_true (adw_expander_row_get_enable_expansion (dialog_child (dialog, "cancel_row")));
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "cancel_status_row")), ==, 1);
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (late);

    g_assert_cmpint (gtk_spin_button_get_value_as_int (dialog_child (dialog, "cancel_hour_spin")),
                     ==, g_date_time_get_hour (local));
    g_assert_cmpstr (adw_expander_row_get_subtitle (dialog_child (dialog, "cancel_row")), ==,
                     "Proposed: late (less than 24 hours’ notice)");
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  kab_test_iterate ();
}

/* "Ends after N sessions": a weekly series of 5 sessions has exactly 5, and shows so
 * when edited again. */
static void
test_series_ends_after_count (Fixture       *f,
                              gconstpointer  data)
{
  KabSessionDialog *dialog = open_new_session_dialog (f);
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(KabSession) first = NULL;
  g_autoptr(KabSeries) series = NULL;
  g_autoptr(GError) error = NULL;

  choose_client (dialog, f->anna);
  choose_day (dialog_child (dialog, "date_calendar"), f->monday);
  choose_time (dialog, 10, 0);
  adw_expander_row_set_enable_expansion (dialog_child (dialog, "repeat_row"), TRUE);
  gtk_spin_button_set_value (dialog_child (dialog, "interval_spin"), 1);
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "count_row")));
  adw_combo_row_set_selected (dialog_child (dialog, "ends_row"), 2);
  kab_test_iterate ();
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "count_row")));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "until_row")));
  gtk_spin_button_set_value (dialog_child (dialog, "count_spin"), 5);
  kab_test_iterate ();
  g_assert_cmpstr (gtk_label_get_label (dialog_child (dialog, "count_unit_label")), ==, "sessions");
  save_screenshot (GTK_WIDGET (dialog), "dialog-series-count");
  press (dialog_child (dialog, "save_button"));
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));

  sessions = sessions_of (f, f->anna);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 5);
  first = g_list_model_get_item (sessions, 0);
  series = kab_store_load_series (f->store, kab_session_get_series_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpint (kab_series_get_max_count (series), ==, 5);
  g_assert_null (kab_series_get_until_date (series));

  dialog = kab_session_dialog_edit_series (f->store, series);
  gtk_window_present (GTK_WINDOW (dialog));
  kab_test_wait_until_mapped (GTK_WIDGET (dialog));
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "ends_row")), ==, 2);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (dialog_child (dialog, "count_spin")), ==, 5);

  /* Cut to 3 sessions: the last two planned ones go. */
  gtk_spin_button_set_value (dialog_child (dialog, "count_spin"), 3);
  kab_test_iterate ();
  press (dialog_child (dialog, "save_button"));
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));
  g_clear_object (&sessions);
  sessions = sessions_of (f, f->anna);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 3);
}

/* The calendar's "+N" buttons and absent days take their tooltips from kab-tooltip.c,
 * which asks the display nothing: the text is kept, given when GTK asks (query-tooltip),
 * and given to screen readers as the description, as gtk_widget_set_tooltip_text()
 * would. */
static void
test_lazy_tooltip (void)
{
  GtkWidget *button = g_object_ref_sink (gtk_button_new_with_label ("+2"));

  g_assert_null (kab_tooltip_get_text (button));
  g_assert_false (gtk_widget_get_has_tooltip (button));

  kab_tooltip_set_text (button, "Show 2 more sessions at 10:00");
  g_assert_cmpstr (kab_tooltip_get_text (button), ==, "Show 2 more sessions at 10:00");
  g_assert_true (gtk_widget_get_has_tooltip (button));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Show 2 more sessions at 10:00");

  kab_tooltip_set_text (button, "");
  g_assert_null (kab_tooltip_get_text (button));
  g_assert_false (gtk_widget_get_has_tooltip (button));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_object_unref (button);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Stockholm", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  kab_test_ui_init (&argc, &argv);
  /* A text field that loses the focus to a change of sensitivity warns from its blink
   * timer when that fires on a slow machine: no blinking, no timing in the test. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add ("/calendar-ui/series-and-late-cancellation", Fixture, NULL,
              fixture_set_up, test_series_and_late_cancellation, fixture_tear_down);
  g_test_add ("/calendar-ui/shortcuts", Fixture, NULL,
              fixture_set_up, test_shortcuts, fixture_tear_down);
  g_test_add ("/calendar-ui/navigation", Fixture, NULL,
              fixture_set_up, test_navigation, fixture_tear_down);
  g_test_add ("/calendar-ui/overlap-confirmed", Fixture, NULL,
              fixture_set_up, test_overlap_confirmed, fixture_tear_down);
  g_test_add ("/calendar-ui/move-and-edit-series", Fixture, NULL,
              fixture_set_up, test_move_and_edit_series, fixture_tear_down);
  g_test_add ("/calendar-ui/delete", Fixture, NULL,
              fixture_set_up, test_delete_with_undo_data, fixture_tear_down);

  g_test_add ("/calendar-ui/export", Fixture, NULL,
              fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/calendar-ui/status-menu-charges", Fixture, NULL,
              fixture_set_up, test_status_menu_charges, fixture_tear_down);
  g_test_add ("/calendar-ui/cancellation-time", Fixture, NULL,
              fixture_set_up, test_cancellation_time, fixture_tear_down);
  g_test_add ("/calendar-ui/series-ends-after-count", Fixture, NULL,
              fixture_set_up, test_series_ends_after_count, fixture_tear_down);
  g_test_add_func ("/calendar-ui/scale", test_scale);
  g_test_add_func ("/calendar-ui/lazy-tooltip", test_lazy_tooltip);
  g_test_add ("/calendar-ui/working-day-follows-practice", Fixture, NULL,
              fixture_set_up, test_working_day_follows_practice, fixture_tear_down);
  g_test_add ("/calendar-ui/block-stripe", Fixture, NULL,
              fixture_set_up, test_block_stripe, fixture_tear_down);
  g_test_add ("/calendar-ui/block-move-keys", Fixture, NULL,
              fixture_set_up, test_block_move_keys, fixture_tear_down);

  return g_test_run ();
}
