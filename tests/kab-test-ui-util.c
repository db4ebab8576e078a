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

  /* No desktop notification before a session the test planned for now: the test's D-Bus
   * has no notification service, and GLib warns when a notification finds none. The
   * settings live in memory for the test program; tests of the notifier set their own. */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE)
                                                       : NULL;

    if (schema != NULL && g_settings_schema_has_key (schema, "session-notification-minutes"))
      {
        g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

        g_settings_set_int (settings, "session-notification-minutes", 0);
      }
  }
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

static gboolean
shown_whole (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  for (GtkWidget *area = scrolled; area != NULL;
       area = gtk_widget_get_ancestor (gtk_widget_get_parent (area), GTK_TYPE_SCROLLED_WINDOW))
    {
      if (!gtk_widget_compute_bounds (widget, area, &bounds) ||
          bounds.origin.y < 0 || bounds.origin.x < 0 ||
          bounds.origin.y + bounds.size.height > gtk_widget_get_height (area) ||
          bounds.origin.x + bounds.size.width > gtk_widget_get_width (area))
        return FALSE;
    }
  return root != NULL && gtk_widget_compute_bounds (widget, root, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.x >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (root) &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (root);
}

/**
 * kab_test_wait_until_in_view:
 *
 * Runs the main loop until @widget is mapped, wholly inside every scrolled window
 * around it and its window, and has stayed in the same place for two frames, as it is
 * when a user sees and clicks it; fails after ten seconds. A view that is still being
 * laid out (a scroll waiting for the size) moves it after the first frame.
 */
void
kab_test_wait_until_in_view (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  graphene_rect_t last = GRAPHENE_RECT_INIT (-1, -1, 0, 0);
  int still = 0;

  while (still < 2 && g_get_monotonic_time () < deadline)
    {
      GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
      graphene_rect_t bounds;

      if (root == NULL || !gtk_widget_get_mapped (widget))
        {
          g_main_context_iteration (NULL, TRUE);
          still = 0;
          continue;
        }
      gtk_test_widget_wait_for_draw (root);
      kab_test_iterate ();
      if (shown_whole (widget) && gtk_widget_compute_bounds (widget, root, &bounds) &&
          graphene_rect_equal (&bounds, &last))
        still++;
      else
        still = 0;
      if (!gtk_widget_compute_bounds (widget, root, &last))
        last = GRAPHENE_RECT_INIT (-1, -1, 0, 0);
    }

  g_assert_cmpint (still, >=, 2);
}

/**
 * kab_test_find_widget:
 *
 * Returns: (transfer none) (nullable): @root or the first widget below it, depth first,
 *   that @match accepts
 */
GtkWidget *
kab_test_find_widget (GtkWidget          *root,
                      KabTestWidgetMatch  match,
                      gconstpointer       data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kab_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_id (GtkWidget     *widget,
        gconstpointer  id)
{
  return GTK_IS_BUILDABLE (widget) &&
         g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

/**
 * kab_test_find_by_id:
 *
 * Returns: (transfer none) (nullable): the widget of a template with @id in its .ui,
 *   bound by its class or not
 */
GtkWidget *
kab_test_find_by_id (GtkWidget  *root,
                     const char *id)
{
  return kab_test_find_widget (root, has_id, id);
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
static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
kab_test_find_by_type (GtkWidget *root,
                       GType      type)
{
  return kab_test_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
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

/**
 * kab_test_render_widget:
 *
 * Renders @widget as its parent paints it (gtk_widget_snapshot_child(), in the parent's
 * coordinates) with the cairo renderer, at its current size.
 *
 * Returns: (transfer full): gtk_widget_get_height() rows of gtk_widget_get_width()
 *   premultiplied ARGB32 pixels (B, G, R, A bytes)
 */
guchar *
kab_test_render_widget (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds;
  guchar *pixels;

  g_assert_nonnull (parent);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  g_assert_true (gtk_widget_compute_bounds (widget, parent, &bounds));
  gtk_widget_snapshot_child (parent, widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (bounds.origin.x, bounds.origin.y, width, height));
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  gsk_renderer_unrealize (renderer);
  return pixels;
}
