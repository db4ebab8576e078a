/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-tooltip.c: tooltips that are cheap to change
 *
 * On GTK 4.8, gtk_widget_set_tooltip_text() asks the display where the pointer is, to
 * show the new tooltip at once if it is over the widget: on X11 that is a server grab
 * and three round trips, on every call, even when nothing changes. Set on the "+N"
 * buttons and the days of every calendar step, it was most of a step into past weeks
 * (found with xtrace: 16 pointer queries a step). Here the text is kept with the widget
 * and given when GTK asks for it (GtkWidget::query-tooltip), as GTK asks when the
 * pointer rests; screen readers get it as the accessible description, as
 * gtk_widget_set_tooltip_text() gives it.
 */

#include "config.h"

#include "kab-tooltip.h"

static GQuark
text_quark (void)
{
  return g_quark_from_static_string ("kab-tooltip-text");
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_qdata (G_OBJECT (widget), text_quark ());

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * kab_tooltip_set_text:
 * @widget: a widget whose tooltip is only ever set here
 * @text: (nullable): the tooltip; %NULL or "" for none
 *
 * Sets @widget's tooltip without asking the display anything.
 */
void
kab_tooltip_set_text (GtkWidget  *widget,
                      const char *text)
{
  GObject *object = G_OBJECT (widget);
  static const char connected[] = "kab-tooltip-connected";

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (text, g_object_get_qdata (object, text_quark ())) == 0)
    return;

  if (g_object_get_data (object, connected) == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
      g_object_set_data (object, connected, GINT_TO_POINTER (TRUE));
    }

  g_object_set_qdata_full (object, text_quark (), g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * kab_tooltip_get_text:
 *
 * Returns: (nullable): the tooltip set with kab_tooltip_set_text()
 */
const char *
kab_tooltip_get_text (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_qdata (G_OBJECT (widget), text_quark ());
}
