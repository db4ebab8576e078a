/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-first-day-ui.c: a psychologist's first start and day: the welcome page, Today */

#include "config.h"

#include <string.h>

#include "kab-application.h"
#include "kab-model-error.h"
#include "kab-money.h"
#include "kab-print-document.h"
#include "calendar/kab-calendar-view.h"
#include "core/kab-calendar-util.h"
#include "calendar/kab-month-page.h"
#include "calendar/kab-session-block.h"
#include "kab-text.h"
#include "calendar/kab-week-grid.h"
#include "calendar/kab-week-page.h"
#include "calendar/kab-session-dialog.h"
#include "clients/kab-client-sessions-window.h"
#include "clients/kab-clients-view.h"
#include "calendar/kab-today-page.h"
#include "payments/kab-payment-dialog.h"
#include "kab-welcome-page.h"
#include "kab-window.h"
#include "kab-test-app.h"
#include "kab-test-ui-util.h"
#include "kab-test-util.h"
#include "kab-tooltip.h"

/* Each test runs Kabinett for real on a temporary practice, as `kabinett --database
 * PATH`, checks the window once it is on screen, and quits as Ctrl+Q does. */

typedef struct
{
  char   *dir;
  char   *path;
  gint64  anna;         /* a client with a session today, one in the past still planned */
  gint64  today_session;
  gint64  past_session;
  gboolean more_escape; /* the "+N" test: Escape, or open a session */
} Fixture;

typedef void (*WindowCheck) (Fixture   *f,
                             KabWindow *window);

typedef struct
{
  Fixture     *f;
  WindowCheck  check;
} Run;

static void
run_check (KabWindow *window,
           gpointer   data)
{
  Run *run = data;

  run->check (run->f, window);
}

static void
run_kabinett (Fixture     *f,
              WindowCheck  check)
{
  Run run = { f, check };

  kab_test_run_kabinett (f->path, NULL, run_check, &run);
}

static KabStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  KabStore *store = kab_store_open (f->path, &error);

  g_assert_no_error (error);
  return store;
}

static KabClient *
add_client (KabStore   *store,
            const char *given,
            const char *family)
{
  g_autoptr(GError) error = NULL;
  KabClient *client = kab_client_new ();

  g_object_set (client, "given-name", given, "family-name", family,
                "fee", (gint64) 150000, NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_assert_no_error (error);
  return client;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = NULL;

  f->dir = g_dir_make_tmp ("kabinett-first-day-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "kabinett.db", NULL);

  store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  kab_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The welcome page */

static KabWelcomePage *
find_welcome (KabWindow *window)
{
  GtkWidget *page = kab_test_find_by_type (GTK_WIDGET (window), KAB_TYPE_WELCOME_PAGE);

  return page != NULL && gtk_widget_get_mapped (page) ? KAB_WELCOME_PAGE (page) : NULL;
}

static GtkWidget *
welcome_child (KabWelcomePage *page,
               const char     *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), KAB_TYPE_WELCOME_PAGE, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
check_welcome_start (Fixture   *f,
                     KabWindow *window)
{
  KabWelcomePage *page = find_welcome (window);
  KabPractice *practice = kab_store_get_practice (kab_window_get_store (window));

  /* An empty practice opens on the welcome page, not on an empty list of clients. */
  g_assert_nonnull (page);
  g_assert_null (kab_window_get_visible_view (window));

  gtk_editable_set_text (GTK_EDITABLE (welcome_child (page, "name_row")), "Ingrid Sølberg");
  gtk_editable_set_text (GTK_EDITABLE (welcome_child (page, "title_row")), "Psykolog");
  adw_combo_row_set_selected (ADW_COMBO_ROW (welcome_child (page, "country_row")), 1);
  kab_test_iterate ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (welcome_child (page, "fee_currency_label"))),
                   ==, "kr");

  /* A fee the practice cannot read keeps the page and says so. */
  gtk_editable_set_text (GTK_EDITABLE (welcome_child (page, "fee_row")), "nine hundred");
  g_assert_true (gtk_widget_has_css_class (welcome_child (page, "fee_row"), "error"));
  g_assert_false (gtk_widget_get_sensitive (welcome_child (page, "start_button")));

  gtk_editable_set_text (GTK_EDITABLE (welcome_child (page, "fee_row")), "900");
  g_assert_true (gtk_widget_get_sensitive (welcome_child (page, "start_button")));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (welcome_child (page, "cancel_hours_spin")), 48);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (welcome_child (page, "late_percent_spin")), 50);
  g_signal_emit_by_name (welcome_child (page, "start_button"), "clicked");
  kab_test_iterate ();

  /* The practice is set, and the day starts on the calendar. */
  g_assert_null (find_welcome (window));
  g_assert_cmpstr (kab_window_get_visible_view (window), ==, "calendar");
  g_assert_cmpstr (kab_practice_get_practitioner_name (practice), ==, "Ingrid Sølberg");
  g_assert_cmpstr (kab_practice_get_title (practice), ==, "Psykolog");
  g_assert_cmpstr (kab_practice_get_country (practice), ==, "NO");
  g_assert_cmpstr (kab_practice_get_currency (practice), ==, "NOK");
  g_assert_cmpstr (kab_practice_get_form_language (practice), ==, "nb");
  g_assert_cmpint (kab_practice_get_default_fee (practice), ==, 90000);
  g_assert_cmpint (kab_practice_get_cancel_hours (practice), ==, 48);
  g_assert_cmpint (kab_practice_get_late_cancel_percent (practice), ==, 50);
}

static void
check_no_welcome (Fixture   *f,
                  KabWindow *window)
{
  g_assert_null (find_welcome (window));
  g_assert_nonnull (kab_window_get_visible_view (window));
}

static void
test_welcome_start (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;

  run_kabinett (f, check_welcome_start);

  /* Saved for good: the next start goes straight to work, and a new client takes the
   * practice's fee. */
  store = open_store (f);
  g_assert_cmpint (kab_practice_get_default_fee (kab_store_get_practice (store)), ==, 90000);
  g_clear_object (&store);
  run_kabinett (f, check_no_welcome);
}

static void
check_welcome_skip (Fixture   *f,
                    KabWindow *window)
{
  KabWelcomePage *page = find_welcome (window);

  g_assert_nonnull (page);
  gtk_editable_set_text (GTK_EDITABLE (welcome_child (page, "name_row")), "Not Saved");
  g_signal_emit_by_name (welcome_child (page, "skip_button"), "clicked");
  kab_test_iterate ();

  g_assert_null (find_welcome (window));
  g_assert_nonnull (kab_window_get_visible_view (window));
}

static void
test_welcome_skip (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;

  run_kabinett (f, check_welcome_skip);

  /* Skipping saves nothing, so the practice is still unset and is welcomed again. */
  store = open_store (f);
  g_assert_cmpstr (kab_practice_get_practitioner_name (kab_store_get_practice (store)), ==, "");
  g_clear_object (&store);
  run_kabinett (f, check_welcome_start);
}

static void
check_welcome_left_by_view (Fixture   *f,
                            KabWindow *window)
{
  g_assert_nonnull (find_welcome (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "clients"));
  kab_test_iterate ();
  g_assert_null (find_welcome (window));
  g_assert_cmpstr (kab_window_get_visible_view (window), ==, "clients");
}

static void
test_welcome_left_by_view (Fixture       *f,
                           gconstpointer  data)
{
  run_kabinett (f, check_welcome_left_by_view);
}

static void
test_welcome_not_with_client (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(KabStore) store = open_store (f);
  g_autoptr(KabClient) client = add_client (store, "Ann", "Lee");

  g_clear_object (&store);
  run_kabinett (f, check_no_welcome);
}

static void
test_welcome_not_with_name (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KabStore) store = open_store (f);
  g_autoptr(KabPractice) practice = kab_practice_copy (kab_store_get_practice (store));
  g_autoptr(GError) error = NULL;

  kab_practice_set_practitioner_name (practice, "Ingrid Sølberg");
  g_assert_true (kab_store_save_practice (store, practice, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  run_kabinett (f, check_no_welcome);
}


/* Today */

static KabSession *
add_session (KabStore  *store,
             gint64     client_id,
             GDateTime *start)
{
  g_autoptr(GError) error = NULL;
  KabSession *session = kab_session_new ();

  g_object_set (session, "client-id", client_id, "start", start, "duration", 50,
                "fee", (gint64) 150000, NULL);
  g_assert_true (kab_store_save_session (store, session, &error));
  g_assert_no_error (error);
  return session;
}

static GDateTime *
day_at (int days,
        int hour)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);

  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), hour, 0, 0);
}

static void
today_setup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;
  g_autoptr(KabClient) anna = NULL;
  g_autoptr(KabClient) lars = NULL;
  g_autoptr(GDateTime) today = day_at (0, 12);
  g_autoptr(GDateTime) past = day_at (-2, 10);
  g_autoptr(GDateTime) ahead = day_at (3, 10);
  /* Anna comes again after the week the page sums up: her agreement waits at any hour
   * the test runs, also once today's noon session is over. */
  g_autoptr(GDateTime) later = day_at (10, 10);
  g_autoptr(KabSession) s1 = NULL;
  g_autoptr(KabSession) s2 = NULL;
  g_autoptr(KabSession) s3 = NULL;
  g_autoptr(KabSession) s4 = NULL;

  fixture_setup (f, data);

  /* The settings live in memory for the whole test program: start from their defaults. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    g_settings_reset (settings, "last-view");
    g_settings_reset (settings, "calendar-mode");
  }

  store = open_store (f);
  anna = add_client (store, "Anna", "Karlsson");
  lars = add_client (store, "Lars", "Berg");
  f->anna = kab_client_get_id (anna);
  s1 = add_session (store, f->anna, today);
  s2 = add_session (store, f->anna, past);
  s3 = add_session (store, kab_client_get_id (lars), ahead);
  s4 = add_session (store, f->anna, later);
  f->today_session = kab_session_get_id (s1);
  f->past_session = kab_session_get_id (s2);
}

static KabSessionStatus
load_status (KabStore *store,
             gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabSession) session = kab_store_load_session (store, id, &error);

  g_assert_no_error (error);
  return kab_session_get_status (session);
}

static KabCalendarView *
find_calendar (KabWindow *window)
{
  GtkWidget *view = kab_test_find_by_type (GTK_WIDGET (window), KAB_TYPE_CALENDAR_VIEW);

  g_assert_nonnull (view);
  return KAB_CALENDAR_VIEW (view);
}

static KabTodayPage *
find_today (KabWindow *window)
{
  GtkWidget *page = kab_test_find_by_type (GTK_WIDGET (window), KAB_TYPE_TODAY_PAGE);

  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  return KAB_TODAY_PAGE (page);
}

static guint
count_rows (KabTodayPage *page,
            const char   *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (kab_today_page_get_list (page, list)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);

  return n;
}

/* The first widget under @root whose action is @action (and @target, when given). */
static GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action,
                 GVariant   *target)
{
  g_autoptr(GVariant) wanted = target != NULL ? g_variant_ref_sink (target) : NULL;

  if (GTK_IS_ACTIONABLE (root)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0
      && (wanted == NULL
          || g_variant_equal (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root)), wanted)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action, wanted != NULL ? g_variant_ref (wanted) : NULL);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
activate (GtkWidget *widget)
{
  g_assert_nonnull (widget);
  if (GTK_IS_LIST_BOX_ROW (widget))
    g_signal_emit_by_name (widget, "activate");
  else
    g_signal_emit_by_name (widget, "clicked");
  kab_test_iterate ();
}

static void
wait_for_refresh (void)
{
  /* The page gathers writes into one refresh at idle time. */
  for (int i = 0; i < 5; i++)
    kab_test_iterate ();
}

/* The week of @day, refreshed and drawn. */
static void
show_week (KabCalendarView *view,
           GDateTime       *day,
           KabWeekGrid     *grid)
{
  kab_calendar_view_set_mode (view, "week");
  kab_calendar_view_set_date (view, day);
  wait_for_refresh ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (grid));
}


static void
check_today_default (Fixture   *f,
                     KabWindow *window)
{
  KabTodayPage *page;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* A practice at work opens on the calendar's Today. */
  g_assert_cmpstr (kab_window_get_visible_view (window), ==, "calendar");
  g_assert_cmpstr (kab_calendar_view_get_mode (find_calendar (window)), ==, "day");
  page = find_today (window);

  g_assert_cmpuint (count_rows (page, "day"), ==, 1);
  g_assert_cmpuint (count_rows (page, "week"), ==, 1);

  /* Waiting: the past session nobody marked, and both agreements (a session is ahead
   * of Anna and of Lars and neither signed). */
  g_assert_nonnull (find_actionable (GTK_WIDGET (kab_today_page_get_list (page, "waiting")),
                                     "calendar.edit-session", g_variant_new_int64 (f->past_session)));
  g_assert_nonnull (find_actionable (GTK_WIDGET (kab_today_page_get_list (page, "waiting")),
                                     "win.open-in-view",
                                     g_variant_new ("(ssx)", "consent", "consent.show-client", f->anna)));
  g_assert_cmpuint (count_rows (page, "waiting"), ==, 3);
}

static void
test_today_default (Fixture       *f,
                    gconstpointer  data)
{
  run_kabinett (f, check_today_default);
}

/* Today's menu offers the statuses in the calendar's words: what each would charge, under
 * the notice rule applied to a cancellation made now. Made as it opens. */
static void
check_today_menu_charges (Fixture   *f,
                          KabWindow *window)
{
  KabTodayPage *page = find_today (window);
  KabStore *store = kab_window_get_store (window);
  GtkWidget *button = kab_test_find_by_type (GTK_WIDGET (kab_today_page_get_list (page, "day")),
                                             GTK_TYPE_MENU_BUTTON);
  g_autoptr(KabSession) session = kab_store_load_session (store, f->today_session, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gboolean begun;
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *late = NULL;
  GMenuModel *model;
  g_autoptr(GMenuModel) statuses = NULL;

  g_assert_nonnull (session);
  begun = g_date_time_compare (kab_session_get_start (session), now) <= 0;
  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  kab_test_iterate ();
  model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (model);
  g_menu_model_get_item_attribute (model, 0, G_MENU_ATTRIBUTE_LABEL, "s", &heading);
  statuses = g_menu_model_get_item_link (model, 0, G_MENU_LINK_SECTION);
  for (int i = 0; i < g_menu_model_get_n_items (statuses); i++)
    {
      g_autofree char *label = NULL;

      g_menu_model_get_item_attribute (statuses, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      g_string_append_printf (labels, "%s\n", label);
    }
  g_test_message ("%s\n%s", heading, labels->str);

  /* Today at 12:00 with the default 24 hours' notice: before noon a cancellation is late,
   * after it the session has begun. */
  g_assert_cmpstr (heading, ==, begun ? "What Happened" : "Cancelled now: late (less than 24 hours’ notice)");
  g_assert_nonnull (strstr (labels->str, "Cancelled in _Time · not charged"));
  g_assert_nonnull (strstr (labels->str, "Cancelled by _Me · not charged"));
  if (!begun)
    g_assert_nonnull (strstr (labels->str, "_Attended · once it has begun"));
  {
    gint64 charge = kab_store_preview_session_charge (store, session, KAB_SESSION_STATUS_CANCELLED_LATE);
    g_autofree char *money = kab_money_format (charge, kab_practice_get_currency (kab_store_get_practice (store)));

    g_assert_cmpint (charge, >, 0);
    late = g_strdup_printf ("Cancelled _Late · charged %s\n", money);
    g_assert_nonnull (strstr (labels->str, late));
  }
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

static void
test_today_menu_charges (Fixture       *f,
                         gconstpointer  data)
{
  run_kabinett (f, check_today_menu_charges);
}

static guint
count_descendants (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += 1 + count_descendants (child);
  return n;
}

/* The week ahead: a busy day names its first four sessions and says how many more; the
 * row's tooltip and description name them all; a quiet day names its one session. */
static void
check_today_week_brief (Fixture   *f,
                        KabWindow *window)
{
  KabTodayPage *page = find_today (window);
  KabStore *store = kab_window_get_store (window);
  GtkWidget *week_list = GTK_WIDGET (kab_today_page_get_list (page, "week"));
  g_autoptr(GDateTime) busy = day_at (2, 0);
  g_autofree char *busy_title = kab_calendar_format_day (busy);
  g_autoptr(GDateTime) quiet = day_at (3, 0);
  g_autofree char *quiet_title = kab_calendar_format_day (quiet);
  GtkWidget *busy_row = NULL;
  GtkWidget *quiet_row = NULL;
  g_autoptr(GDateTime) eight = day_at (2, 8);
  g_autoptr(GDateTime) one = day_at (2, 13);
  g_autofree char *first = kab_calendar_format_time (eight);
  g_autofree char *last = kab_calendar_format_time (one);

  for (int hour = 8; hour < 14; hour++)
    {
      g_autoptr(GDateTime) start = day_at (2, hour);
      g_autoptr(KabSession) session = add_session (store, f->anna, start);
    }
  kab_test_iterate ();

  for (GtkWidget *row = gtk_widget_get_first_child (week_list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *title;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      title = kab_today_page_row_get_title (row);
      if (g_strcmp0 (title, busy_title) == 0)
        busy_row = row;
      else if (g_strcmp0 (title, quiet_title) == 0)
        quiet_row = row;
    }
  g_assert_nonnull (busy_row);
  g_assert_nonnull (quiet_row);

  g_assert_true (g_str_has_suffix (kab_today_page_row_get_subtitle (busy_row), " and 2 more"));
  g_assert_nonnull (strstr (kab_today_page_row_get_subtitle (busy_row), first));
  g_assert_null (strstr (kab_today_page_row_get_subtitle (busy_row), last));
  g_assert_nonnull (strstr (kab_tooltip_get_text (busy_row), first));
  g_assert_nonnull (strstr (kab_tooltip_get_text (busy_row), last));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (busy_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       kab_tooltip_get_text (busy_row));

  g_assert_nonnull (strstr (kab_today_page_row_get_subtitle (quiet_row), "Lars Berg"));
  g_assert_null (strstr (kab_today_page_row_get_subtitle (quiet_row), "more"));

  /* A row is light, as the page makes a score of them at every start: its labels in
   * two boxes and its end in a third (an AdwActionRow was some ten widgets), and it is
   * named by its title for screen readers. */
  g_assert_cmpuint (count_descendants (busy_row), <=, 6);
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (busy_row),
                                                   GTK_ACCESSIBLE_RELATION_LABELLED_BY));
}

static void
test_today_week_brief (Fixture       *f,
                       gconstpointer  data)
{
  run_kabinett (f, check_today_week_brief);
}

static void
check_today_mark_attended (Fixture   *f,
                           KabWindow *window)
{
  KabTodayPage *page = find_today (window);
  KabStore *store = kab_window_get_store (window);
  GtkWidget *day_list = GTK_WIDGET (kab_today_page_get_list (page, "day"));
  GtkWidget *waiting_list = GTK_WIDGET (kab_today_page_get_list (page, "waiting"));

  /* One click marks today's session attended, as the week's menu would. The store refuses
   * "attended" before a session begins: the clock stands after today's 12:00 session,
   * whatever time of day the test runs at. */
  {
    g_autoptr(GDateTime) afternoon = day_at (0, 14);

    kab_store_set_test_now (afternoon);
  }
  activate (find_actionable (day_list, "calendar.set-status",
                             g_variant_new ("(xs)", f->today_session, "attended")));
  kab_store_set_test_now (NULL);
  g_assert_cmpint (load_status (store, f->today_session), ==, KAB_SESSION_STATUS_ATTENDED);
  wait_for_refresh ();

  /* The row stays, without its one-click button now that it is marked. */
  g_assert_cmpuint (count_rows (page, "day"), ==, 1);
  g_assert_null (find_actionable (day_list, "calendar.set-status",
                                  g_variant_new ("(xs)", f->today_session, "attended")));

  /* The past session, marked from the waiting list, leaves it. */
  activate (find_actionable (waiting_list, "calendar.set-status",
                             g_variant_new ("(xs)", f->past_session, "attended")));
  g_assert_cmpint (load_status (store, f->past_session), ==, KAB_SESSION_STATUS_ATTENDED);
  wait_for_refresh ();
  g_assert_null (find_actionable (waiting_list, "calendar.edit-session",
                                  g_variant_new_int64 (f->past_session)));
}

static void
test_today_mark_attended (Fixture       *f,
                          gconstpointer  data)
{
  run_kabinett (f, check_today_mark_attended);
}

static void
check_today_opens_places (Fixture   *f,
                          KabWindow *window)
{
  KabTodayPage *page = find_today (window);
  GtkWidget *day_list = GTK_WIDGET (kab_today_page_get_list (page, "day"));
  GtkWidget *waiting_list = GTK_WIDGET (kab_today_page_get_list (page, "waiting"));
  GtkWindow *dialog;

  /* Record a payment: the Payments view opens its dialog for the client. */
  activate (find_actionable (day_list, "win.open-in-view",
                             g_variant_new ("(ssx)", "payments", "payments.record-for", f->anna)));
  g_assert_cmpstr (kab_window_get_visible_view (window), ==, "payments");
  dialog = kab_test_find_toplevel (KAB_TYPE_PAYMENT_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
  kab_test_iterate ();

  /* An agreement to sign opens the Consent view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "calendar"));
  kab_test_iterate ();
  activate (find_actionable (waiting_list, "win.open-in-view",
                             g_variant_new ("(ssx)", "consent", "consent.show-client", f->anna)));
  g_assert_cmpstr (kab_window_get_visible_view (window), ==, "consent");

  /* Back in the calendar, a day of the week ahead opens its week. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "calendar"));
  kab_test_iterate ();
  activate (gtk_widget_get_first_child (GTK_WIDGET (kab_today_page_get_list (page, "week"))));
  g_assert_cmpstr (kab_calendar_view_get_mode (find_calendar (window)), ==, "week");

  /* D (after Alt+2) brings Today back: the view's own shortcut. */
  {
    GtkWidget *calendar = GTK_WIDGET (find_calendar (window));
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (calendar);
    g_autoptr(GtkShortcutTrigger) d = gtk_shortcut_trigger_parse_string ("d");
    gboolean pressed = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !pressed; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        for (guint j = 0; GTK_IS_SHORTCUT_CONTROLLER (controller)
                          && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

            if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), d))
              pressed = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, calendar, NULL);
          }
      }
    g_assert_true (pressed);
  }
  kab_test_iterate ();
  g_assert_cmpstr (kab_calendar_view_get_mode (find_calendar (window)), ==, "day");
}

static void
test_today_opens_places (Fixture       *f,
                         gconstpointer  data)
{
  run_kabinett (f, check_today_opens_places);
}

/* Small defects */

/* The tooltip of a session shows the name in bold, not "<b>Anna</b>", and a note with
 * markup characters as the user wrote it. */
static void
test_tooltip_markup (void)
{
  g_autoptr(KabSession) session = kab_session_new ();
  g_autoptr(GDateTime) start = day_at (1, 10);
  g_autofree char *markup = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *block;

  g_object_set (session, "client-id", (gint64) 1, "client-name", "Anna <Karlsson>",
                "start", start, "duration", 50, "note", "Bring the <form> & the receipt",
                NULL);
  block = g_object_ref_sink (kab_session_block_new (session, FALSE));

  markup = kab_session_block_dup_tooltip_markup (KAB_SESSION_BLOCK (block));
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "Anna <Karlsson>\n"));
  g_assert_nonnull (strstr (text, "\nBring the <form> & the receipt"));
  g_assert_null (strstr (text, "&lt;"));
  g_assert_null (strstr (text, "<b>"));
  g_assert_null (strstr (text, "<i>"));

  g_object_unref (block);
}

static KabSessionDialog *
open_new_session (KabWindow *window)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_calendar (window)), "calendar.new-session", NULL));
  dialog = kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG);
  g_assert_nonnull (dialog);
  kab_test_wait_until_mapped (GTK_WIDGET (dialog));
  return KAB_SESSION_DIALOG (dialog);
}

static GtkDropDown *
client_dropdown (KabSessionDialog *dialog)
{
  GObject *dropdown = gtk_widget_get_template_child (GTK_WIDGET (dialog), KAB_TYPE_SESSION_DIALOG,
                                                     "client_dropdown");

  g_assert_true (GTK_IS_DROP_DOWN (dropdown));
  return GTK_DROP_DOWN (dropdown);
}

/* The list goes before its dialog, as a user's click outside closes it first: GTK 4.8
 * looks up the pointer over a popover that is going away with its window, and the
 * pointer of Xvfb rests in the middle of the screen, over the list. */
static void
close_with_list_open (KabSessionDialog *dialog,
                      GtkWidget        *popover)
{
  gtk_popover_popdown (GTK_POPOVER (popover));
  kab_test_iterate ();
  gtk_window_destroy (GTK_WINDOW (dialog));
  kab_test_iterate ();
}

/* The session dialog's chooser lists clients by family name, like the Clients view, and
 * opens with the focus in its search field. */
static void
check_chooser (Fixture   *f,
               KabWindow *window)
{
  KabSessionDialog *dialog = open_new_session (window);
  GListModel *clients = gtk_drop_down_get_model (client_dropdown (dialog));
  const char *expected[] = { "Adams", "Berg", "Karlsson" };
  GtkWidget *popover;
  GtkWidget *focus;

  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (clients, i);

      g_assert_cmpstr (kab_client_get_family_name (client), ==, expected[i]);
    }

  /* A click on the chooser's button opens its list. */
  popover = kab_test_find_by_type (GTK_WIDGET (client_dropdown (dialog)), GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  gtk_widget_activate (kab_test_find_by_type (GTK_WIDGET (client_dropdown (dialog)), GTK_TYPE_TOGGLE_BUTTON));
  kab_test_wait_until_mapped (popover);
  for (int i = 0; i < 5; i++)
    kab_test_iterate ();
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));

  close_with_list_open (dialog, popover);
}

static void
test_chooser (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;
  g_autoptr(KabClient) zed = NULL;

  today_setup (f, data);
  store = open_store (f);
  zed = add_client (store, "Zed", "Adams");
  g_clear_object (&store);
  run_kabinett (f, check_chooser);
}

/* The names the open chooser lists once @text is typed into its search field. */
static char *
chooser_finds (KabSessionDialog *dialog,
               const char       *text,
               guint             expected)
{
  GtkWidget *popover = kab_test_find_by_type (GTK_WIDGET (client_dropdown (dialog)), GTK_TYPE_POPOVER);
  GtkWidget *entry = kab_test_find_by_type (popover, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *list = kab_test_find_by_type (popover, GTK_TYPE_LIST_VIEW);
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  GString *names = g_string_new (NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The search field waits a moment before it searches: give it up to ten seconds. */
  for (int i = 0; i < 500 && g_list_model_get_n_items (shown) != expected; i++)
    {
      kab_test_iterate ();
      g_usleep (20000);
    }
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (shown, i);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                              kab_client_get_display_name (client));
    }
  return g_string_free (names, FALSE);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

/* The session dialog's search field finds clients as the Clients list does: without
 * case or diacritics, and by phone digits. */
static void
check_chooser_search (Fixture   *f,
                      KabWindow *window)
{
  KabSessionDialog *dialog = open_new_session (window);
  GtkWidget *popover = kab_test_find_by_type (GTK_WIDGET (client_dropdown (dialog)), GTK_TYPE_POPOVER);
  GtkWidget *button;
  char *found;

  gtk_widget_activate (kab_test_find_by_type (GTK_WIDGET (client_dropdown (dialog)), GTK_TYPE_TOGGLE_BUTTON));
  kab_test_wait_until_mapped (popover);

  found = chooser_finds (dialog, "lindstrom", 1);
  g_assert_cmpstr (found, ==, "Eva Lindström");
  g_free (found);
  found = chooser_finds (dialog, "ostberg", 1);
  g_assert_cmpstr (found, ==, "Ola Østberg");
  g_free (found);
  found = chooser_finds (dialog, "EVA", 1);
  g_assert_cmpstr (found, ==, "Eva Lindström");
  g_free (found);
  found = chooser_finds (dialog, "", 4);
  g_assert_cmpstr (found, ==, "Lars Berg, Anna Karlsson, Eva Lindström, Ola Østberg");
  g_free (found);

  /* The button shows the chosen name, not what the search compares. */
  gtk_drop_down_set_selected (client_dropdown (dialog), 2);
  kab_test_iterate ();
  button = kab_test_find_by_type (GTK_WIDGET (client_dropdown (dialog)), GTK_TYPE_TOGGLE_BUTTON);
  g_assert_true (has_label (button, "Eva Lindström"));

  close_with_list_open (dialog, popover);
}

static void
test_chooser_search (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;
  g_autoptr(KabClient) eva = NULL;
  g_autoptr(KabClient) ola = NULL;

  today_setup (f, data);
  store = open_store (f);
  eva = add_client (store, "Eva", "Lindström");
  ola = add_client (store, "Ola", "Østberg");
  g_clear_object (&store);
  run_kabinett (f, check_chooser_search);
}

/* Escape on a new session with a client chosen asks before throwing it away. */
static void
check_escape_asks (Fixture   *f,
                   KabWindow *window)
{
  KabSessionDialog *dialog = open_new_session (window);
  GtkWindow *question;

  /* Nothing filled in: Escape closes at once. */
  gtk_window_close (GTK_WINDOW (dialog));
  kab_test_iterate ();
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));

  dialog = open_new_session (window);
  gtk_drop_down_set_selected (client_dropdown (dialog), 0);
  kab_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  kab_test_iterate ();
  g_assert_nonnull (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));
  question = kab_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "keep");
  kab_test_iterate ();
  g_assert_nonnull (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));

  gtk_window_close (GTK_WINDOW (dialog));
  kab_test_iterate ();
  question = kab_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "discard");
  for (int i = 0; i < 5 && kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG) != NULL; i++)
    kab_test_iterate ();
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));
}

static void
test_escape_asks (Fixture       *f,
                  gconstpointer  data)
{
  today_setup (f, data);
  run_kabinett (f, check_escape_asks);
}

/* The count says "2 of 3 clients" whenever a client is not listed, archived ones too. */
static void
check_client_count (Fixture   *f,
                    KabWindow *window)
{
  GtkWidget *view;
  GObject *label;

  kab_window_show_view (window, "clients");
  kab_test_iterate ();
  view = kab_test_find_by_type (GTK_WIDGET (window), KAB_TYPE_CLIENTS_VIEW);
  g_assert_nonnull (view);
  label = gtk_widget_get_template_child (view, KAB_TYPE_CLIENTS_VIEW, "count_label");
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "2 of 3 clients");
}

static void
test_client_count (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;
  g_autoptr(KabClient) old = NULL;
  g_autoptr(GError) error = NULL;

  today_setup (f, data);
  store = open_store (f);
  old = add_client (store, "Olle", "Gammal");
  kab_client_set_status (old, KAB_CLIENT_STATUS_ARCHIVED);
  g_assert_true (kab_store_save_client (store, old, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  run_kabinett (f, check_client_count);
}

/* Calendar: ISO week numbers in the week's header and before the month's rows, shown
 * for a practice in Sweden, Norway or Russia and not elsewhere. */
static void
check_week_numbers (Fixture   *f,
                    KabWindow *window)
{
  KabCalendarView *view = find_calendar (window);
  KabPractice *practice = kab_store_get_practice (kab_window_get_store (window));
  KabWeekPage *week_page = kab_calendar_view_get_week_page (view);
  KabMonthPage *month_page = kab_calendar_view_get_month_page (view);
  GtkWidget *week_label = kab_week_page_get_week_number_label (week_page);
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 12, 30, 12, 0, 0);   /* a Wednesday */
  g_autoptr(KabPractice) other = kab_practice_copy (practice);
  g_autoptr(GError) error = NULL;
  g_autofree char *w53 = kab_calendar_format_week_number (53);

  g_assert_cmpstr (kab_practice_get_country (practice), ==, "SE");

  kab_calendar_view_set_mode (view, "week");
  kab_calendar_view_set_date (view, day);
  kab_test_iterate ();
  g_assert_true (gtk_widget_get_visible (week_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (week_label)), ==, w53);

  /* 2026 has 53 ISO weeks; the month of January 2027 starts in week 53 and goes on
   * with 1, 2… */
  kab_calendar_view_set_mode (view, "month");
  {
    g_autoptr(GDateTime) january = g_date_time_new_local (2027, 1, 15, 12, 0, 0);
    GtkWidget *first, *second;

    kab_calendar_view_set_date (view, january);
    kab_test_iterate ();
    first = kab_month_page_get_week_number_label (month_page, 0);
    second = kab_month_page_get_week_number_label (month_page, 1);
    g_assert_true (gtk_widget_get_visible (first));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (first)), ==, "53");
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (second)), ==, "1");
  }

  /* Another country: no week numbers. */
  kab_practice_set_country (other, "");
  g_assert_true (kab_store_save_practice (kab_window_get_store (window), other, &error));
  g_assert_no_error (error);
  kab_test_iterate ();
  g_assert_false (gtk_widget_get_visible (kab_month_page_get_week_number_label (month_page, 0)));
  g_assert_false (gtk_widget_get_visible (week_label));
}

static void
test_week_numbers (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;
  g_autoptr(KabPractice) practice = NULL;
  g_autoptr(GError) error = NULL;

  today_setup (f, data);
  store = open_store (f);
  practice = kab_practice_copy (kab_store_get_practice (store));
  kab_practice_set_country (practice, "SE");
  g_assert_true (kab_store_save_practice (store, practice, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  run_kabinett (f, check_week_numbers);
}

/* Saving a recurring appointment leaves the calendar on the week the user is at. */
static void
check_series_stays (Fixture   *f,
                    KabWindow *window)
{
  KabCalendarView *view = find_calendar (window);
  g_autoptr(GDateTime) later = day_at (35, 12);
  g_autoptr(GDateTime) before = NULL;
  KabSessionDialog *dialog;
  GDateTime *from = NULL;
  GObject *repeat_row, *save_button;

  kab_calendar_view_set_mode (view, "week");
  kab_calendar_view_set_date (view, later);
  kab_test_iterate ();
  kab_calendar_view_get_range (view, &from, NULL);
  before = g_date_time_ref (from);

  dialog = open_new_session (window);
  gtk_drop_down_set_selected (client_dropdown (dialog), 0);
  repeat_row = gtk_widget_get_template_child (GTK_WIDGET (dialog), KAB_TYPE_SESSION_DIALOG, "repeat_row");
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (repeat_row), TRUE);
  kab_test_iterate ();
  save_button = gtk_widget_get_template_child (GTK_WIDGET (dialog), KAB_TYPE_SESSION_DIALOG, "save_button");
  g_signal_emit_by_name (save_button, "clicked");
  for (int i = 0; i < 5 && kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG) != NULL; i++)
    kab_test_iterate ();
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));

  kab_calendar_view_get_range (view, &from, NULL);
  g_assert_true (g_date_time_equal (from, before));
}

static void
test_series_stays (Fixture       *f,
                   gconstpointer  data)
{
  fixture_setup (f, data);
  {
    g_autoptr(KabStore) store = open_store (f);
    g_autoptr(KabClient) client = add_client (store, "Anna", "Karlsson");
  }
  run_kabinett (f, check_series_stays);
}

/* Drag and keys: moving a session, its length, and the undo. */

/* The last one in the tree: the newest toast, while an older one may still fade out. */
static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  GtkWidget *found = NULL;

  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0
      && gtk_widget_get_mapped (root))
    found = root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *inner = find_button_labelled (child, label);

      if (inner != NULL)
        found = inner;
    }

  return found;
}

static GtkGestureDrag *
find_drag_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE_DRAG (controller);
    }

  return NULL;
}

static void
assert_session_at (KabStore *store,
                   gint64    id,
                   int       days_from_today,
                   int       hour,
                   int       minute,
                   int       duration)
{
  g_autoptr(KabSession) session = kab_store_load_session (store, id, NULL);
  g_autoptr(GDateTime) local = g_date_time_to_local (kab_session_get_start (session));
  g_autoptr(GDateTime) expected = day_at (days_from_today, hour);

  g_assert_cmpint (g_date_time_get_day_of_year (local), ==, g_date_time_get_day_of_year (expected));
  g_assert_cmpint (g_date_time_get_hour (local), ==, hour);
  g_assert_cmpint (g_date_time_get_minute (local), ==, minute);
  g_assert_cmpint (kab_session_get_duration (session), ==, duration);
}

static void
press_undo (KabWindow *window)
{
  GtkWidget *undo = find_button_labelled (GTK_WIDGET (window), "_Undo");

  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  wait_for_refresh ();
}

static void
check_drag_and_keys (Fixture   *f,
                     KabWindow *window)
{
  KabCalendarView *view = find_calendar (window);
  KabStore *store = kab_window_get_store (window);
  g_autoptr(GDateTime) today = day_at (0, 12);
  KabWeekPage *week_page = kab_calendar_view_get_week_page (view);
  KabWeekGrid *grid = kab_week_page_get_grid (week_page);
  GtkGestureDrag *drag = find_drag_gesture (GTK_WIDGET (grid));
  GtkWidget *block;
  graphene_rect_t bounds;
  int hour_height;

  kab_calendar_view_set_mode (view, "week");
  kab_calendar_view_set_date (view, today);
  wait_for_refresh ();
  block = kab_calendar_view_find_block (view, f->today_session);
  g_assert_nonnull (block);
  kab_test_wait_until_mapped (block);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (grid));
  g_assert_true (gtk_widget_compute_bounds (block, GTK_WIDGET (grid), &bounds));
  g_object_get (grid, "hour-height", &hour_height, NULL);
  g_assert_nonnull (drag);

  /* The mouse: an hour and a quarter down (snapped to 5 minutes), then undo. */
  g_signal_emit_by_name (drag, "drag-begin", (double) bounds.origin.x + 10, (double) bounds.origin.y + 5);
  g_signal_emit_by_name (drag, "drag-update", 0.0, hour_height * 1.25 + 1);
  g_signal_emit_by_name (drag, "drag-end", 0.0, hour_height * 1.25 + 1);
  wait_for_refresh ();
  assert_session_at (store, f->today_session, 0, 13, 15, 50);
  press_undo (window);
  assert_session_at (store, f->today_session, 0, 12, 0, 50);

  /* Its lower edge: 20 minutes longer. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (grid));
  block = kab_calendar_view_find_block (view, f->today_session);
  g_assert_true (gtk_widget_compute_bounds (block, GTK_WIDGET (grid), &bounds));
  g_signal_emit_by_name (drag, "drag-begin", (double) bounds.origin.x + 10,
                         (double) (bounds.origin.y + bounds.size.height - 2));
  g_signal_emit_by_name (drag, "drag-update", 0.0, hour_height / 3.0);
  g_signal_emit_by_name (drag, "drag-end", 0.0, hour_height / 3.0);
  wait_for_refresh ();
  assert_session_at (store, f->today_session, 0, 12, 0, 70);

  /* The keys, on the focused block: Alt+Down moves 5 minutes, Shift+Alt+Up shortens. */
  block = kab_calendar_view_find_block (view, f->today_session);
  g_assert_true (gtk_widget_grab_focus (block));
  g_assert_true (gtk_widget_activate_action (block, "calendar.move-session", "(xiii)",
                                             f->today_session, 0, 5, 0));
  wait_for_refresh ();
  assert_session_at (store, f->today_session, 0, 12, 5, 70);
  press_undo (window);
  assert_session_at (store, f->today_session, 0, 12, 0, 70);
}

static void
test_drag_and_keys (Fixture       *f,
                    gconstpointer  data)
{
  today_setup (f, data);
  run_kabinett (f, check_drag_and_keys);
}

/* The carried service: a consultation client's booking is a consultation, and after the
 * consultation's meetings Today asks what comes next. */

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  return kab_test_find_widget (root, is_named, name);
}

static void
check_carried_service (Fixture   *f,
                       KabWindow *window)
{
  KabStore *store = kab_window_get_store (window);
  KabTodayPage *page = find_today (window);
  GtkWidget *waiting = GTK_WIDGET (kab_today_page_get_list (page, "waiting"));
  gint64 cecilia = 0;
  KabSessionDialog *dialog;
  GListModel *clients;
  GtkWidget *row;
  GObject *kind_row;

  /* Booking: the consultation client's session is a consultation; Anna's psychotherapy. */
  dialog = open_new_session (window);
  clients = gtk_drop_down_get_model (client_dropdown (dialog));
  kind_row = gtk_widget_get_template_child (GTK_WIDGET (dialog), KAB_TYPE_SESSION_DIALOG, "kind_row");
  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (clients, i);

      gtk_drop_down_set_selected (client_dropdown (dialog), i);
      kab_test_iterate ();
      if (kab_client_get_service (client) == KAB_SERVICE_CONSULTATION)
        {
          g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==, KAB_SESSION_KIND_CONSULTATION);
          cecilia = kab_client_get_id (client);
        }
      else
        g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==, KAB_SESSION_KIND_PSYCHOTHERAPY);
    }
  g_assert_cmpint (cecilia, !=, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  kab_test_iterate ();

  /* Two consultations held: Today asks, and "Psychotherapy" carries the client on. */
  row = find_named (waiting, "consultation-row");
  g_assert_nonnull (row);
  activate (find_button_labelled (row, "_Psychotherapy"));
  wait_for_refresh ();
  g_assert_cmpint (kab_client_get_service (kab_store_find_client (store, cecilia)),
                   ==, KAB_SERVICE_PSYCHOTHERAPY);
  g_assert_null (find_named (waiting, "consultation-row"));
}

static void
test_carried_service (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;
  g_autoptr(KabClient) cecilia = NULL;
  g_autoptr(GError) error = NULL;

  today_setup (f, data);
  store = open_store (f);
  cecilia = add_client (store, "Cecilia", "Ek");
  kab_client_set_service (cecilia, KAB_SERVICE_CONSULTATION);
  g_assert_true (kab_store_save_client (store, cecilia, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(GDateTime) start = day_at (-7 * (i + 1), 9);
      g_autoptr(KabSession) session = add_session (store, kab_client_get_id (cecilia), start);

      g_object_set (session, "kind", KAB_SESSION_KIND_CONSULTATION, "status", KAB_SESSION_STATUS_ATTENDED, NULL);
      g_assert_true (kab_store_save_session (store, session, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&store);
  run_kabinett (f, check_carried_service);
}

/* Overlapping sessions sit side by side at a readable width; those that do not fit are
 * counted in a "+N" marker. */
static void
check_overlaps (Fixture   *f,
                KabWindow *window)
{
  KabCalendarView *view = find_calendar (window);
  g_autoptr(GDateTime) day = day_at (1, 15);
  KabWeekPage *week_page = kab_calendar_view_get_week_page (view);
  KabWeekGrid *grid = kab_week_page_get_grid (week_page);
  guint visible = 0;
  int day_width;
  graphene_rect_t bounds;

  show_week (view, day, grid);
  day_width = (gtk_widget_get_width (GTK_WIDGET (grid)) - kab_week_grid_get_gutter_width (grid)) / 7;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!KAB_IS_SESSION_BLOCK (child) || !gtk_widget_get_child_visible (child))
        continue;

      visible++;
      /* As wide as a readable name, or as the whole day when even that is narrower. */
      g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (grid), &bounds));
      g_assert_cmpint ((int) bounds.size.width, >=, MIN (64, day_width - 8));
    }

  /* Six at 15:00 that day (and none else then): what does not show is counted. */
  g_assert_cmpuint (kab_week_grid_get_n_hidden (grid), >, 0);
  g_assert_cmpuint (visible + kab_week_grid_get_n_hidden (grid), ==, kab_calendar_view_get_n_blocks (view));
}

static void
test_overlaps (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;

  fixture_setup (f, data);
  store = open_store (f);
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *given = g_strdup_printf ("Client%d", i);
      g_autoptr(KabClient) client = add_client (store, given, "Overlap");
      g_autoptr(GDateTime) start = day_at (1, 15);
      g_autoptr(KabSession) session = add_session (store, kab_client_get_id (client), start);
    }
  g_clear_object (&store);
  run_kabinett (f, check_overlaps);
}

static gboolean
is_labelled (GtkWidget     *widget,
             gconstpointer  label)
{
  g_autofree char *mismatch = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;

  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return mismatch == NULL;
}

/* The first widget under @root that a screen reader calls @label. */
static GtkWidget *
find_accessible_labelled (GtkWidget  *root,
                          const char *label)
{
  return kab_test_find_widget (root, is_labelled, label);
}

/* What Escape runs in @widget: the action of its own shortcut for the key, as the key
 * would trigger it, without depending on which X window has the keyboard. */
static void
run_escape_shortcut (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) escape = gtk_keyval_trigger_new (GDK_KEY_Escape, 0);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), escape))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              kab_test_iterate ();
              return;
            }
        }
    }

  /* Or its key handler, as the key event reaches it. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;

      g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Escape, 9, 0, &handled);
      if (handled)
        {
          kab_test_iterate ();
          return;
        }
    }

  g_assert_not_reached ();
}

/* The "+N" of a busy hour is a button: it says what it hides, lists those sessions in a
 * popover, gives the focus back when the popover closes, and each entry opens its
 * session as a block does. */
static void
check_more_button (Fixture   *f,
                   KabWindow *window)
{
  KabCalendarView *view = find_calendar (window);
  g_autoptr(GDateTime) day = day_at (1, 15);
  g_autofree char *time = kab_calendar_format_time (day);
  KabWeekPage *week_page = kab_calendar_view_get_week_page (view);
  KabWeekGrid *grid = kab_week_page_get_grid (week_page);
  g_autoptr(GPtrArray) hidden = g_ptr_array_new ();
  g_autofree char *label = NULL;
  GtkWidget *button;
  GtkWidget *popover;
  GtkWidget *first_entry = NULL;
  GtkWidget *scrolled;
  GtkWindow *dialog;
  KabSession *opened;
  double top;
  guint n_entries = 0;
  guint n;

  show_week (view, day, grid);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (KAB_IS_SESSION_BLOCK (child) && !gtk_widget_get_child_visible (child))
        g_ptr_array_add (hidden, child);
    }
  n = hidden->len;
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (kab_week_grid_get_n_hidden (grid), ==, n);

  /* Found as a screen reader finds it; its tooltip says the same. */
  label = g_strdup_printf (n == 1 ? "Show %u more session at %s" : "Show %u more sessions at %s", n, time);
  button = find_accessible_labelled (GTK_WIDGET (grid), label);
  g_assert_nonnull (button);
  g_assert_true (GTK_IS_BUTTON (button));
  /* The week scrolls to the working day once it has its size; the "+N" is clicked where
   * it is seen. */
  kab_test_wait_until_in_view (button);
  g_assert_cmpstr (kab_tooltip_get_text (button), ==, label);
  /* It covers no block: the columns leave it room (it once hid the end of a client's
   * name). */
  {
    graphene_rect_t marker;

    g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (grid), &marker));
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid)); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        graphene_rect_t block;

        if (!KAB_IS_SESSION_BLOCK (child) || !gtk_widget_get_child_visible (child))
          continue;
        g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (grid), &block));
        g_assert_false (graphene_rect_intersection (&block, &marker, NULL));
      }
  }
  /* The keyboard reaches it. */
  g_assert_true (gtk_widget_get_focusable (button));
  g_assert_true (gtk_widget_grab_focus (button));

  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (grid), GTK_TYPE_SCROLLED_WINDOW);
  top = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)));
  activate (button);
  popover = kab_test_find_by_type (GTK_WIDGET (grid), GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  kab_test_wait_until_mapped (popover);
  /* The focus moves into the list, and the week stays where it is: it once jumped to
   * midnight and took the "+N" off the screen. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  kab_test_iterate ();
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled))),
                     ==, top);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), popover));

  /* Each hidden session once, by its client's name, isolated in the line (issue 15). */
  for (GtkWidget *entry = gtk_widget_get_first_child (gtk_popover_get_child (GTK_POPOVER (popover)));
       entry != NULL; entry = gtk_widget_get_next_sibling (entry))
    {
      const char *text = gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (entry))));
      gboolean listed = FALSE;

      for (guint i = 0; i < hidden->len; i++)
        {
          KabSession *session = kab_session_block_get_session (g_ptr_array_index (hidden, i));
          g_autofree char *name = kab_isolate (kab_session_get_client_name (session));
          g_autofree char *isolated = g_strconcat (name, ", ", NULL);

          listed |= g_str_has_prefix (text, isolated);
        }
      g_assert_true (listed);
      n_entries++;
      if (first_entry == NULL)
        first_entry = entry;
    }
  g_assert_cmpuint (n_entries, ==, n);

  /* Escape gives the focus back to the "+N". */
  if (f->more_escape)
    {
      gtk_widget_grab_focus (first_entry);
      run_escape_shortcut (popover);
      kab_test_iterate ();
      g_assert_false (gtk_widget_get_visible (popover));
      g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == button);
      return;
    }

  /* An entry opens its session's dialog, as a block's "Edit" does. */
  first_entry = gtk_widget_get_first_child (gtk_popover_get_child (GTK_POPOVER (popover)));
  opened = NULL;
  for (guint i = 0; i < hidden->len; i++)
    {
      KabSession *session = kab_session_block_get_session (g_ptr_array_index (hidden, i));
      const char *text = gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (first_entry))));
      g_autofree char *name = kab_isolate (kab_session_get_client_name (session));
      g_autofree char *isolated = g_strconcat (name, ", ", NULL);

      if (g_str_has_prefix (text, isolated))
        opened = session;
    }
  g_assert_nonnull (opened);
  activate (first_entry);
  dialog = kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG);
  g_assert_nonnull (dialog);
  kab_test_wait_until_mapped (GTK_WIDGET (dialog));
  g_assert_false (gtk_widget_get_visible (popover));
  {
    gpointer client = gtk_drop_down_get_selected_item (client_dropdown (KAB_SESSION_DIALOG (dialog)));

    g_assert_true (KAB_IS_CLIENT (client));
    g_assert_cmpint (kab_client_get_id (client), ==, kab_session_get_client_id (opened));
  }
  gtk_window_destroy (dialog);
}

static void
test_more_button (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;

  fixture_setup (f, data);
  store = open_store (f);
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *given = g_strdup_printf ("Busy%d", i);
      g_autoptr(KabClient) client = add_client (store, given, "Hour");
      g_autoptr(GDateTime) start = day_at (1, 15);
      g_autoptr(KabSession) session = add_session (store, kab_client_get_id (client), start);
    }
  g_clear_object (&store);
  f->more_escape = GPOINTER_TO_INT (data);
  run_kabinett (f, check_more_button);
}

/* Tabbing to a session outside the working day scrolls the week to it. */
static void
check_focus_scrolls (Fixture   *f,
                     KabWindow *window)
{
  KabCalendarView *view = find_calendar (window);
  g_autoptr(GDateTime) day = day_at (1, 22);
  KabWeekPage *week_page = kab_calendar_view_get_week_page (view);
  KabWeekGrid *grid = kab_week_page_get_grid (week_page);
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (grid), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *late = NULL;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  show_week (view, day, grid);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (KAB_IS_SESSION_BLOCK (child) &&
          g_date_time_get_hour (kab_session_get_start (kab_session_block_get_session (KAB_SESSION_BLOCK (child)))) == 22)
        late = child;
    }
  g_assert_nonnull (late);
  /* The week opens on the working day: 22:00 is below it. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  for (int i = 0; i < 1000 && gtk_adjustment_get_value (adjustment) == 0; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (grid));
      kab_test_iterate ();
    }
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_true (gtk_widget_compute_bounds (late, scrolled, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, gtk_widget_get_height (scrolled));

  g_assert_true (gtk_widget_grab_focus (late));
  kab_test_wait_until_in_view (late);
}

static void
test_focus_scrolls (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;
  g_autoptr(KabClient) client = NULL;
  g_autoptr(GDateTime) start = day_at (1, 22);
  g_autoptr(KabSession) session = NULL;

  fixture_setup (f, data);
  store = open_store (f);
  client = add_client (store, "Late", "Evening");
  session = add_session (store, kab_client_get_id (client), start);
  g_clear_object (&store);
  run_kabinett (f, check_focus_scrolls);
}

/* An agreement is not signed before the day it was printed. */
static void
test_signed_before_printed (void)
{
  g_autoptr(KabConsent) consent = kab_consent_new ();
  g_autoptr(GDateTime) printed = day_at (-1, 12);
  g_autoptr(GDateTime) before = day_at (-3, 12);
  g_autoptr(GDateTime) same_day = day_at (-1, 9);
  g_autoptr(GError) error = NULL;

  g_object_set (consent, "client-id", (gint64) 1, "title", "Agreement", "language", "sv",
                "rendered-text", "# Avtal\n\nVi är överens.\n", "printed-on", printed, NULL);
  g_assert_true (kab_consent_validate (consent, &error));
  g_assert_no_error (error);

  kab_consent_set_signed_on (consent, before);
  g_assert_false (kab_consent_validate (consent, &error));
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE);
  g_clear_error (&error);

  /* The same day, even earlier in it, is fine: the printout is signed at the desk. */
  kab_consent_set_signed_on (consent, same_day);
  g_assert_true (kab_consent_validate (consent, &error));
  g_assert_no_error (error);
}

/* "Print to File" suggests the document's title as the file's name, not "output.pdf". */
static void
test_print_file_name (void)
{
  g_autoptr(KabPrintDocument) document = kab_print_document_new ("# Behandlingsavtal 1/2026\n\nVi är överens.\n");
  g_autoptr(GtkPrintOperation) operation = kab_print_document_create_print_operation (document);
  g_autoptr(GtkPrintSettings) last = gtk_print_settings_new ();
  GtkPrintSettings *settings;

  g_assert_cmpstr (kab_print_document_get_title (document), ==, "Behandlingsavtal 1/2026");

  /* The printer chosen last time stays; the name is this document's. */
  gtk_print_settings_set_printer (last, "Print to File");
  gtk_print_settings_set (last, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, "Kvitto");
  kab_print_document_use_settings (document, operation, last);
  settings = gtk_print_operation_get_print_settings (operation);
  g_assert_cmpstr (gtk_print_settings_get_printer (settings), ==, "Print to File");
  g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==,
                   "Behandlingsavtal 1-2026");
}

/* "Show all" sessions: the past first, the last one on top, then what is planned. */
static void
test_sessions_order (void)
{
  g_autoptr(GListStore) store = g_list_store_new (KAB_TYPE_SESSION);
  g_autoptr(KabClient) client = kab_client_new ();
  const int days[] = { 9, -10, 2, -3 };
  const int expected[] = { -3, -10, 2, 9 };
  GtkWidget *window;
  GtkListView *list;
  GListModel *model;

  g_object_set (client, "given-name", "Anna", "family-name", "Karlsson", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(KabSession) session = kab_session_new ();
      g_autoptr(GDateTime) start = day_at (days[i], 10);

      g_object_set (session, "id", (gint64) (i + 1), "client-id", (gint64) 1, "start", start,
                    "duration", 50, NULL);
      g_list_store_append (store, session);
    }

  window = kab_client_sessions_window_new (client, G_LIST_MODEL (store));
  list = GTK_LIST_VIEW (kab_test_find_by_type (window, GTK_TYPE_LIST_VIEW));
  g_assert_nonnull (list);
  model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (model, i);
      g_autoptr(GDateTime) start = day_at (expected[i], 10);

      g_assert_true (g_date_time_equal (kab_session_get_start (session), start));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The client list puts active clients first, by family name; finished ones after. */
static void
check_active_first (Fixture   *f,
                    KabWindow *window)
{
  GtkWidget *view;
  GtkListView *list;
  GListModel *model;
  const char *expected[] = { "Berg", "Karlsson", "Adams" };

  kab_window_show_view (window, "clients");
  kab_test_iterate ();
  view = kab_test_find_by_type (GTK_WIDGET (window), KAB_TYPE_CLIENTS_VIEW);
  list = GTK_LIST_VIEW (kab_test_find_by_type (view, GTK_TYPE_LIST_VIEW));
  g_assert_nonnull (list);
  model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (model, i);

      g_assert_cmpstr (kab_client_get_family_name (client), ==, expected[i]);
    }
}

static void
test_active_first (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;
  g_autoptr(KabClient) zed = NULL;
  g_autoptr(GError) error = NULL;

  today_setup (f, data);
  store = open_store (f);
  zed = add_client (store, "Zed", "Adams");
  kab_client_set_status (zed, KAB_CLIENT_STATUS_FINISHED);
  g_assert_true (kab_store_save_client (store, zed, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  run_kabinett (f, check_active_first);
}

int
main (int   argc,
      char *argv[])
{
  kab_test_ui_init (&argc, &argv);

  g_test_add ("/first-day/welcome/start", Fixture, NULL,
              fixture_setup, test_welcome_start, fixture_teardown);
  g_test_add ("/first-day/welcome/skip", Fixture, NULL,
              fixture_setup, test_welcome_skip, fixture_teardown);
  g_test_add ("/first-day/welcome/left-by-view", Fixture, NULL,
              fixture_setup, test_welcome_left_by_view, fixture_teardown);
  g_test_add ("/first-day/welcome/not-with-client", Fixture, NULL,
              fixture_setup, test_welcome_not_with_client, fixture_teardown);
  g_test_add ("/first-day/welcome/not-with-name", Fixture, NULL,
              fixture_setup, test_welcome_not_with_name, fixture_teardown);

  g_test_add ("/first-day/today/default", Fixture, NULL,
              today_setup, test_today_default, fixture_teardown);
  g_test_add ("/first-day/today/week-brief", Fixture, NULL,
              today_setup, test_today_week_brief, fixture_teardown);
  g_test_add ("/first-day/today/mark-attended", Fixture, NULL,
              today_setup, test_today_mark_attended, fixture_teardown);
  g_test_add ("/first-day/today/menu-charges", Fixture, NULL,
              today_setup, test_today_menu_charges, fixture_teardown);
  g_test_add ("/first-day/today/opens-places", Fixture, NULL,
              today_setup, test_today_opens_places, fixture_teardown);

  g_test_add_func ("/first-day/defects/tooltip-markup", test_tooltip_markup);

  g_test_add ("/first-day/defects/chooser-sorted-and-searching", Fixture, NULL,
              NULL, test_chooser, fixture_teardown);
  g_test_add ("/first-day/defects/chooser-folds-like-clients", Fixture, NULL,
              NULL, test_chooser_search, fixture_teardown);
  g_test_add ("/first-day/defects/escape-asks", Fixture, NULL,
              NULL, test_escape_asks, fixture_teardown);

  g_test_add ("/first-day/defects/client-count", Fixture, NULL,
              NULL, test_client_count, fixture_teardown);

  g_test_add ("/first-day/calendar/week-numbers", Fixture, NULL,
              NULL, test_week_numbers, fixture_teardown);

  g_test_add ("/first-day/calendar/series-stays", Fixture, NULL,
              NULL, test_series_stays, fixture_teardown);

  g_test_add ("/first-day/calendar/drag-keys-undo", Fixture, NULL,
              NULL, test_drag_and_keys, fixture_teardown);

  g_test_add ("/first-day/carried-service", Fixture, NULL,
              NULL, test_carried_service, fixture_teardown);

  g_test_add ("/first-day/calendar/overlaps-side-by-side", Fixture, NULL,
              NULL, test_overlaps, fixture_teardown);
  g_test_add ("/first-day/calendar/more-sessions-escape", Fixture, GINT_TO_POINTER (TRUE),
              NULL, test_more_button, fixture_teardown);
  g_test_add ("/first-day/calendar/more-sessions-open", Fixture, GINT_TO_POINTER (FALSE),
              NULL, test_more_button, fixture_teardown);

  g_test_add ("/first-day/calendar/focus-scrolls", Fixture, NULL,
              NULL, test_focus_scrolls, fixture_teardown);

  g_test_add_func ("/first-day/defects/signed-before-printed", test_signed_before_printed);

  g_test_add_func ("/first-day/defects/print-file-name", test_print_file_name);

  g_test_add_func ("/first-day/defects/sessions-past-first", test_sessions_order);

  g_test_add ("/first-day/defects/active-clients-first", Fixture, NULL,
              NULL, test_active_first, fixture_teardown);

  return g_test_run ();
}
