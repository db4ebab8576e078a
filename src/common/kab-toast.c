/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-toast.c: a view shows a toast over the nearest toast overlay above it */

#include "config.h"

#include "kab-toast.h"

/**
 * kab_widget_add_toast:
 * @widget: the widget the toast is about (a view, a page, a row)
 * @toast: (transfer full): the toast
 *
 * Shows @toast over the nearest #AdwToastOverlay that holds @widget: in Kabinett, the
 * main window's; in a test, whatever overlay the view was put under. Views need to know
 * nothing of the window. Without an overlay the toast is dropped.
 */
void
kab_widget_add_toast (GtkWidget *widget,
                      AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}
