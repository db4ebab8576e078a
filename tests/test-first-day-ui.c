/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-first-day-ui.c: a psychologist's first start and day: the welcome page, Today */

#include "config.h"

#include "kab-application.h"
#include "kab-welcome-page.h"
#include "kab-window.h"
#include "kab-test-ui-util.h"
#include "kab-test-util.h"

/* Each test runs Kabinett for real on a temporary practice, as `kabinett --database
 * PATH`, checks the window once it is on screen, and quits as Ctrl+Q does. */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

typedef void (*WindowCheck) (Fixture   *f,
                             KabWindow *window);

typedef struct
{
  Fixture      *f;
  GApplication *app;
  KabWindow    *window;
  WindowCheck   check;
  gboolean      checked;
} Run;

static gboolean
check_and_quit (gpointer user_data)
{
  Run *run = user_data;

  run->check (run->f, run->window);
  run->checked = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);

  return G_SOURCE_REMOVE;
}

static void
on_window_mapped (GtkWidget *window,
                  Run       *run)
{
  g_signal_handlers_disconnect_by_func (window, on_window_mapped, run);
  g_idle_add (check_and_quit, run);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Run            *run)
{
  if (!KAB_IS_WINDOW (window) || run->window != NULL)
    return;

  run->window = KAB_WINDOW (window);
  g_signal_connect (window, "map", G_CALLBACK (on_window_mapped), run);
}

static void
run_kabinett (Fixture     *f,
              WindowCheck  check)
{
  g_autoptr(KabApplication) app = kab_application_new ();
  char *argv[] = { (char *) "kabinett", (char *) "--database", f->path, NULL };
  Run run = { f, G_APPLICATION (app), NULL, check, FALSE };

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (run.checked);
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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

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

  return g_test_run ();
}
