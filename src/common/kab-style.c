/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-style.c: a view's own CSS, loaded once when the view is first made */

#include "config.h"

#include "kab-style.h"

/**
 * kab_style_ensure:
 * @resource_path: a CSS file in the GResource, e.g. the view's kab-calendar.css
 *
 * Adds the style sheet to the default display the first time it is asked for, so that a
 * view's style costs nothing until the view is made. Without a display (a test that
 * makes no widgets), nothing happens.
 */
void
kab_style_ensure (const char *resource_path)
{
  static GHashTable *loaded;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  g_return_if_fail (resource_path != NULL);

  if (display == NULL)
    return;
  if (loaded == NULL)
    loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_add (loaded, g_strdup (resource_path)))
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, resource_path);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
