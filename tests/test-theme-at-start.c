/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-theme-at-start.c: GTK's settings made with libadwaita's theme, as main() starts
 * Kabinett, and libadwaita's style sheets in place all the same
 *
 * Its own program: main() names the theme before GTK or libadwaita start, as Kabinett's
 * main() does, which a test program that initialises them first cannot show. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "kab-application.h"
#include "kab-test-app.h"
#include "kab-test-util.h"

static void
check_styles (KabWindow *window,
              gpointer   data)
{
  g_autofree char *theme = NULL;

  /* Unset again before libadwaita looked at it: libadwaita leaves its style sheets out
   * when GTK_THEME is set, and names its own theme otherwise, as it did here. */
  g_assert_null (g_getenv ("GTK_THEME"));
  g_object_get (gtk_settings_get_default (), "gtk-theme-name", &theme, NULL);
  g_assert_cmpstr (theme, ==, "Adwaita-empty");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
}

/* Whether GTK_THEME was set before main() ran: a developer's own theme. */
static gboolean theme_of_own;

static void
test_libadwaita_styles (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (theme_of_own)
    {
      g_test_skip ("GTK_THEME is set in the environment, which Kabinett leaves alone");
      return;
    }

  dir = g_dir_make_tmp ("kabinett-theme-XXXXXX", NULL);
  path = g_build_filename (dir, "practice.db", NULL);

  /* What main() did: the theme is named, nothing is made yet. */
  g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, "Adwaita-empty");

  kab_test_run_kabinett (path, NULL, check_styles, NULL);
  kab_test_remove_tree (dir);
}

/* A GTK_THEME of the user's own is theirs: Kabinett starts with it and leaves it set. */
static void
check_own_theme (KabWindow *window,
                 gpointer   data)
{
  g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, "HighContrast");
}

static void
test_own_theme_kept (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("kabinett-theme-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "practice.db", NULL);

      kab_test_run_kabinett (path, NULL, check_own_theme, NULL);
      kab_test_remove_tree (dir);
      return;
    }

  /* The subprocess's main() finds it set. */
  g_setenv ("GTK_THEME", "HighContrast", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("GTK_THEME");
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  /* As Kabinett's main() does, before GTK starts. */
  theme_of_own = g_getenv ("GTK_THEME") != NULL;
  kab_application_name_theme_at_start ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/theme-at-start/libadwaita-styles", test_libadwaita_styles);
  g_test_add_func ("/theme-at-start/own-theme-kept", test_own_theme_kept);

  return g_test_run ();
}
