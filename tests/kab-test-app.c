/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-test-app.c: Kabinett run for real on a practice, checked once its window shows */

#include "config.h"

#include "kab-application.h"
#include "kab-test-app.h"

typedef struct
{
  GApplication       *app;
  KabWindow          *window;
  KabTestWindowCheck  check;
  gpointer            data;
  gboolean            checked;
} Run;

static gboolean
check_and_quit (gpointer user_data)
{
  Run *run = user_data;

  run->check (run->window, run->data);
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

/* The first main window: a restore in the check makes others, which it follows itself. */
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

/**
 * kab_test_run_kabinett:
 * @path: the practice's database
 * @option: (nullable): one more command-line option
 * @check: what to check, in the main loop, once the first main window is mapped
 * @data: passed to @check
 *
 * Runs Kabinett as `kabinett --database PATH [OPTION]`, calls @check once its window
 * shows, then quits the application. Asserts that it ran and that Kabinett exited with 0.
 */
void
kab_test_run_kabinett (const char         *path,
                       const char         *option,
                       KabTestWindowCheck  check,
                       gpointer            data)
{
  g_autoptr(KabApplication) app = kab_application_new ();
  char *argv[] = { (char *) "kabinett", (char *) "--database", (char *) path,
                   (char *) option, NULL };
  Run run = { G_APPLICATION (app), NULL, check, data, FALSE };

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), option != NULL ? 4 : 3, argv), ==, 0);
  g_assert_true (run.checked);
}
