/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-test-ui-util.c: what the tests that drive real windows share */

#include "config.h"

#include <adwaita.h>

#include "kab-test-ui-util.h"

/**
 * kab_test_ui_init:
 *
 * Initialises GTK for a test and libadwaita, without animations: libadwaita 1.2 can
 * crash in adw_animation_skip () when a window is destroyed while a toast's hide
 * animation runs (seen about once in ten runs under load). The tests check what toasts
 * and dialogs do, not how they fade.
 */
void
kab_test_ui_init (int    *argc,
                  char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/**
 * kab_test_iterate:
 *
 * Runs everything the main loop has ready, three times over: views refresh in idle
 * callbacks that may queue more.
 */
void
kab_test_iterate (void)
{
  for (int i = 0; i < 3; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

/**
 * kab_test_wait_until_mapped:
 *
 * Runs the main loop until @widget is mapped, and fails after ten seconds.
 */
void
kab_test_wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_get_mapped (widget));
}

/**
 * kab_test_find_toplevel:
 *
 * Returns: (transfer none) (nullable): the first toplevel window of @type
 */
GtkWindow *
kab_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/**
 * kab_test_find_by_type:
 *
 * Returns: (transfer none) (nullable): @root or the first widget below it (depth first)
 *   of @type
 */
GtkWidget *
kab_test_find_by_type (GtkWidget *root,
                       GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kab_test_find_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * kab_test_destroy_all_windows:
 *
 * Destroys every toplevel window a test left, then lets their disposal run.
 */
void
kab_test_destroy_all_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }

  kab_test_iterate ();
}
