/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window: views, actions, accelerators, preferences, the error page */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "kab-application.h"
#include "calendar/kab-calendar-view.h"
#include "clients/kab-clients-view.h"
#include "clients/kab-new-client-dialog.h"
#include "payments/kab-payments-view.h"
#include "kab-preferences-window.h"
#include "consent/kab-agreement-preferences.h"
#include "kab-window.h"
#include "kab-test-app.h"
#include "kab-test-ui-util.h"

/* Every test runs Kabinett for real, as `kabinett --database PATH`: the check runs once
 * the window is on screen, then the test quits the application the way Ctrl+Q does, so
 * that startup, the command line and shutdown are exercised too. */

typedef KabTestWindowCheck WindowCheck;

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static const char * const view_names[] = { "clients", "calendar", "payments", "consent" };

/* Helpers */

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_assert_cmpint (g_remove (child), ==, 0);
    }

  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
run_kabinett (const char  *path,
              WindowCheck  check,
              gpointer     data)
{
  kab_test_run_kabinett (path, NULL, check, data);
  g_assert_null (kab_test_find_toplevel (GTK_TYPE_WINDOW));
}

/* Kabinett started as the desktop file's action starts it: `kabinett --ACTION`. */
static void
run_kabinett_with_option (const char  *path,
                          const char  *option,
                          WindowCheck  check,
                          gpointer     data)
{
  kab_test_run_kabinett (path, option, check, data);
  g_assert_null (kab_test_find_toplevel (GTK_TYPE_WINDOW));
}

static KabPractice *
open_practice (Fixture   *f,
               KabStore **out_store)
{
  g_autoptr(GError) error = NULL;

  *out_store = kab_store_open (f->path, &error);
  g_assert_no_error (error);

  return kab_store_get_practice (*out_store);
}

static GtkWidget *
get_preferences_row (GtkWindow  *preferences,
                     const char *name)
{
  GObject *row = gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                KAB_TYPE_PREFERENCES_WINDOW,
                                                name);

  g_assert_true (ADW_IS_PREFERENCES_ROW (row));
  return GTK_WIDGET (row);
}

static GtkWindow *
open_preferences (KabWindow *window)
{
  GtkWindow *preferences;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  preferences = kab_test_find_toplevel (KAB_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  kab_test_wait_until_mapped (GTK_WIDGET (preferences));

  return preferences;
}

static void
close_window (GtkWindow *window)
{
  gtk_window_close (window);
  iterate ();
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = NULL;

  f->dir = g_dir_make_tmp ("kabinett-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "kabinett.db", NULL);

  /* Created here and closed again: Kabinett opens it itself. */
  store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* When libadwaita 1.2's view switcher bar shows, GTK 4.8 allocates what is inside it a
 * height of -1 for one frame, and warns; the bar is drawn right from the next frame on.
 * Those warnings, and no other, are let through. */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      const char *text;
      const char *address;

      if (!g_str_equal (fields[i].key, "MESSAGE") || fields[i].length != -1)
        continue;

      text = fields[i].value;
      address = strstr (text, " 0x");
      if (g_str_has_prefix (text, "gtk_widget_size_allocate(): attempt to allocate ")
          && g_str_has_suffix (text, " and height -1") && address != NULL)
        {
          GtkWidget *widget = (GtkWidget *)(gsize) g_ascii_strtoull (address + 1, NULL, 16);

          if (gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_SWITCHER_BAR) != NULL)
            return G_LOG_WRITER_HANDLED;
        }
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Views and actions */

static void
check_show_view (KabWindow *window,
                 gpointer   data)
{
  g_autoptr(GVariant) state = NULL;

  /* Only the view shown is built: the window starts on the welcome page of a new
   * practice or on the view it showed last (the Calendar, by default), and the others,
   * the Clients view with a row for every client among them, are made when first shown. */
  g_assert_null (kab_test_find_by_type (GTK_WIDGET (window), KAB_TYPE_CLIENTS_VIEW));
  g_assert_null (kab_test_find_by_type (GTK_WIDGET (window), KAB_TYPE_PAYMENTS_VIEW));

  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view",
                                                 "s", view_names[i]));
      iterate ();
      g_assert_cmpstr (kab_window_get_visible_view (window), ==, view_names[i]);
    }
  g_assert_nonnull (kab_test_find_by_type (GTK_WIDGET (window), KAB_TYPE_CLIENTS_VIEW));
  g_assert_nonnull (kab_test_find_by_type (GTK_WIDGET (window), KAB_TYPE_PAYMENTS_VIEW));

  /* The calendar opens on Today: its week and month are made when first shown. */
  {
    GtkWidget *calendar = kab_test_find_by_type (GTK_WIDGET (window), KAB_TYPE_CALENDAR_VIEW);

    g_assert_nonnull (calendar);
    g_assert_cmpstr (kab_calendar_view_get_mode (KAB_CALENDAR_VIEW (calendar)), ==, "day");
    g_assert_null (kab_test_find_by_type (calendar, KAB_TYPE_WEEK_PAGE));
    g_assert_null (kab_test_find_by_type (calendar, KAB_TYPE_MONTH_PAGE));
    kab_calendar_view_set_mode (KAB_CALENDAR_VIEW (calendar), "week");
    g_assert_nonnull (kab_test_find_by_type (calendar, KAB_TYPE_WEEK_PAGE));
    g_assert_null (kab_test_find_by_type (calendar, KAB_TYPE_MONTH_PAGE));
    kab_calendar_view_set_mode (KAB_CALENDAR_VIEW (calendar), "month");
    g_assert_nonnull (kab_test_find_by_type (calendar, KAB_TYPE_MONTH_PAGE));
    g_assert_cmpuint (kab_calendar_view_get_n_blocks (KAB_CALENDAR_VIEW (calendar)), ==, 0);
    kab_calendar_view_set_mode (KAB_CALENDAR_VIEW (calendar), "day");
  }

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-view",
                                  g_variant_new_string ("calendar"));
  iterate ();
  g_assert_cmpstr (kab_window_get_visible_view (window), ==, "calendar");

  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-view");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "calendar");

  /* An unknown name, as could come over D-Bus, changes nothing. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-view",
                                  g_variant_new_string ("no-such-view"));
  g_assert_cmpstr (kab_window_get_visible_view (window), ==, "calendar");
}

/* The header's switcher has the four views; the bottom one gets them when the window
 * becomes too narrow for the header's, and shows then. */
static void
count_switcher_buttons (GtkWidget *widget,
                        guint     *n_buttons)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwViewSwitcherButton"))
    (*n_buttons)++;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_switcher_buttons (child, n_buttons);
}

static void
check_switchers (KabWindow *window,
                 gpointer   data)
{
  AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (kab_test_find_by_id (GTK_WIDGET (window), "switcher_title"));
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (kab_test_find_by_id (GTK_WIDGET (window), "switcher_bar"));
  AdwViewStack *stack = ADW_VIEW_STACK (kab_test_find_by_id (GTK_WIDGET (window), "view_stack"));
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint n_buttons = 0;

  g_assert_nonnull (title);
  g_assert_nonnull (bar);
  g_assert_true (adw_view_switcher_title_get_stack (title) == stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (view_names));
  /* A practice with its practitioner's name starts on its views, not the welcome page. */
  g_assert_true (adw_view_switcher_title_get_view_switcher_enabled (title));
  g_assert_false (adw_view_switcher_title_get_title_visible (title));
  g_assert_null (adw_view_switcher_bar_get_stack (bar));
  count_switcher_buttons (GTK_WIDGET (bar), &n_buttons);
  g_assert_cmpuint (n_buttons, ==, 0);

  /* A window too narrow for the views' names in the header, as on a small screen. */
  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 600);
  while (!adw_view_switcher_title_get_title_visible (title) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (adw_view_switcher_title_get_title_visible (title));
  g_assert_true (adw_view_switcher_bar_get_stack (bar) == stack);
  g_assert_true (adw_view_switcher_bar_get_reveal (bar));
  count_switcher_buttons (GTK_WIDGET (bar), &n_buttons);
  g_assert_cmpuint (n_buttons, ==, G_N_ELEMENTS (view_names));
}

static void
test_switchers (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;
  KabPractice *practice = open_practice (f, &store);
  g_autoptr(GError) error = NULL;

  kab_practice_set_practitioner_name (practice, "Karin Berg");
  kab_store_save_practice (store, practice, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  run_kabinett (f->path, check_switchers, NULL);
}

static void
test_show_view (Fixture       *f,
                gconstpointer  data)
{
  run_kabinett (f->path, check_show_view, NULL);
}

static void
assert_accel (GtkApplication *app,
              const char     *action,
              const char     *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, action);

  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, accel);
}

/* The desktop file's "New Client" and "Today" actions. */
static void
check_new_client_action (KabWindow *window,
                         gpointer   data)
{
  GtkWindow *dialog;

  iterate ();
  dialog = kab_test_find_toplevel (KAB_TYPE_NEW_CLIENT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (kab_window_get_visible_view (window), ==, "clients");
  gtk_window_destroy (dialog);
  iterate ();

  /* As the running Kabinett receives it from a second `kabinett --today`. */
  g_action_group_activate_action (G_ACTION_GROUP (g_application_get_default ()), "today", NULL);
  iterate ();
  g_assert_cmpstr (kab_window_get_visible_view (window), ==, "calendar");
}

static void
test_desktop_actions (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GKeyFile) desktop = g_key_file_new ();
  g_autofree char *desktop_path = g_test_build_filename (G_TEST_BUILT, "..", "data",
                                                         "org.kabinett.Kabinett.desktop", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *exec_new = NULL;
  g_autofree char *exec_today = NULL;

  /* The desktop file names exactly the options Kabinett handles. */
  g_assert_true (g_key_file_load_from_file (desktop, desktop_path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec_new = g_key_file_get_string (desktop, "Desktop Action new-client", "Exec", &error);
  g_assert_no_error (error);
  exec_today = g_key_file_get_string (desktop, "Desktop Action today", "Exec", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exec_new, ==, "kabinett --new-client");
  g_assert_cmpstr (exec_today, ==, "kabinett --today");

  run_kabinett_with_option (f->path, "--new-client", check_new_client_action, NULL);
}

static void
check_accels (KabWindow *window,
              gpointer   data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));

  assert_accel (app, "win.show-view::clients", "<Alt>1");
  assert_accel (app, "win.show-view::calendar", "<Alt>2");
  assert_accel (app, "win.show-view::payments", "<Alt>3");
  assert_accel (app, "win.show-view::consent", "<Alt>4");
  assert_accel (app, "app.quit", "<Control>q");
  assert_accel (app, "app.preferences", "<Control>comma");
  assert_accel (app, "app.shortcuts", "<Control>question");

  /* The shortcuts window is made when first asked for, and comes back the same. */
  g_assert_null (kab_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  iterate ();
  {
    GtkWindow *shortcuts = kab_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);

    g_assert_nonnull (shortcuts);
    g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
    kab_test_wait_until_mapped (GTK_WIDGET (shortcuts));
    gtk_window_close (shortcuts);
    iterate ();
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
    g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
    iterate ();
    g_assert_true (kab_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) == shortcuts);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
    gtk_window_close (shortcuts);
    iterate ();
  }
}

static void
test_accels (Fixture       *f,
             gconstpointer  data)
{
  run_kabinett (f->path, check_accels, NULL);
}

static void
check_toast (KabWindow *window,
             gpointer   data)
{
  AdwToast *toast = adw_toast_new ("Saved");

  g_object_add_weak_pointer (G_OBJECT (toast), data);
  *(AdwToast **) data = toast;
  kab_window_add_toast (window, toast);
  iterate ();
}

static void
test_toast (Fixture       *f,
            gconstpointer  data)
{
  AdwToast *toast = NULL;

  run_kabinett (f->path, check_toast, &toast);
  g_assert_null (toast);
}

/* Preferences */

/* The switch for licensed psychotherapy sets what the agreements offer. */
static void
check_preferences_licensed (KabWindow *window,
                            gpointer   data)
{
  GtkWindow *preferences = open_preferences (window);
  GtkWidget *group = kab_test_find_by_type (GTK_WIDGET (preferences), KAB_TYPE_AGREEMENT_PREFERENCES);
  GtkWidget *toggle = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_assert_nonnull (group);
  toggle = kab_test_find_by_type (group, GTK_TYPE_SWITCH);
  g_assert_nonnull (toggle);

  kab_agreement_preferences_add_values (values);
  g_assert_false (g_hash_table_contains (values, "licensed_psychotherapist"));

  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  iterate ();
  kab_agreement_preferences_add_values (values);
  g_assert_true (g_hash_table_contains (values, "licensed_psychotherapist"));

  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  close_window (preferences);
}

static void
test_preferences_licensed (Fixture       *f,
                           gconstpointer  data)
{
  run_kabinett (f->path, check_preferences_licensed, NULL);
}

static void
check_preferences_name (KabWindow *window,
                        gpointer   data)
{
  GtkWindow *preferences = open_preferences (window);
  GtkWidget *name_row = get_preferences_row (preferences, "name_row");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Ingrid Sølberg");
  close_window (preferences);
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_PREFERENCES_WINDOW));
}

static void
test_preferences_saves_name (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;

  run_kabinett (f->path, check_preferences_name, NULL);
  g_assert_cmpstr (kab_practice_get_practitioner_name (open_practice (f, &store)), ==,
                   "Ingrid Sølberg");
}

static void
check_preferences_fee (KabWindow *window,
                       gpointer   data)
{
  GtkWindow *preferences = open_preferences (window);
  GtkWidget *fee_row = get_preferences_row (preferences, "fee_row");

  gtk_editable_set_text (GTK_EDITABLE (fee_row), "1500");
  close_window (preferences);
}

static void
test_preferences_saves_fee (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;

  run_kabinett (f->path, check_preferences_fee, NULL);
  g_assert_cmpint (kab_practice_get_default_fee (open_practice (f, &store)), ==, 150000);
}

static void
check_preferences_bad_fee (KabWindow *window,
                           gpointer   data)
{
  GtkWindow *preferences = open_preferences (window);
  GtkWidget *fee_row = get_preferences_row (preferences, "fee_row");

  gtk_editable_set_text (GTK_EDITABLE (fee_row), "12,3,4");
  g_signal_emit_by_name (fee_row, "entry-activated");
  iterate ();
  g_assert_true (gtk_widget_has_css_class (fee_row, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (fee_row));

  /* Refused text is not dropped without a word: the first close only warns. */
  close_window (preferences);
  g_assert_true (kab_test_find_toplevel (KAB_TYPE_PREFERENCES_WINDOW) == preferences);
  close_window (preferences);
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_PREFERENCES_WINDOW));
}

static void
test_preferences_refuses_bad_fee (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(KabStore) before = NULL;
  g_autoptr(KabStore) after = NULL;
  gint64 fee = kab_practice_get_default_fee (open_practice (f, &before));

  g_clear_object (&before);
  run_kabinett (f->path, check_preferences_bad_fee, NULL);
  g_assert_cmpint (kab_practice_get_default_fee (open_practice (f, &after)), ==, fee);
}

/* The error page */

static void
check_error_page (KabWindow *window,
                  gpointer   data)
{
  const char *path = data;
  GObject *page = gtk_widget_get_template_child (GTK_WIDGET (window), KAB_TYPE_WINDOW,
                                                 "error_page");

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_null (kab_window_get_visible_view (window));
  g_assert_null (kab_window_get_store (window));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), path));
}

static void
test_error_page_garbage_file (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "garbage.db", NULL);
  g_autofree char *after = NULL;
  char garbage[4096];
  gsize length = 0;

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));

  run_kabinett (path, check_error_page, path);

  g_assert_true (g_file_get_contents (path, &after, &length, NULL));
  g_assert_cmpmem (after, length, garbage, sizeof garbage);
}

static void
test_error_page_folder (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "practice.db", NULL);
  g_autoptr(GDir) folder = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);

  run_kabinett (path, check_error_page, path);

  folder = g_dir_open (path, 0, NULL);
  g_assert_nonnull (folder);
  g_assert_null (g_dir_read_name (folder));
}

int
main (int   argc,
      char *argv[])
{
  kab_test_ui_init (&argc, &argv);

  g_log_set_writer_func (log_writer, NULL, NULL);
  g_test_add ("/window/show-view", Fixture, NULL,
              fixture_setup, test_show_view, fixture_teardown);
  g_test_add ("/window/switchers", Fixture, NULL,
              fixture_setup, test_switchers, fixture_teardown);
  g_test_add ("/window/desktop-actions", Fixture, NULL,
              fixture_setup, test_desktop_actions, fixture_teardown);
  g_test_add ("/window/accels", Fixture, NULL,
              fixture_setup, test_accels, fixture_teardown);
  g_test_add ("/window/toast", Fixture, NULL,
              fixture_setup, test_toast, fixture_teardown);
  g_test_add ("/window/preferences/licensed", Fixture, NULL,
              fixture_setup, test_preferences_licensed, fixture_teardown);
  g_test_add ("/window/preferences/saves-name", Fixture, NULL,
              fixture_setup, test_preferences_saves_name, fixture_teardown);
  g_test_add ("/window/preferences/saves-fee", Fixture, NULL,
              fixture_setup, test_preferences_saves_fee, fixture_teardown);
  g_test_add ("/window/preferences/refuses-bad-fee", Fixture, NULL,
              fixture_setup, test_preferences_refuses_bad_fee, fixture_teardown);
  g_test_add ("/window/error-page/garbage-file", Fixture, NULL,
              fixture_setup, test_error_page_garbage_file, fixture_teardown);
  g_test_add ("/window/error-page/folder", Fixture, NULL,
              fixture_setup, test_error_page_folder, fixture_teardown);

  return g_test_run ();
}
