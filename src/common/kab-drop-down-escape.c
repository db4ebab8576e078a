/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-drop-down-escape.c: Escape closes the list of a drop-down that can be searched */

#include "config.h"

#include "kab-drop-down-escape.h"

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
on_stop_search (GtkWidget *search_entry)
{
  GtkWidget *popover = gtk_widget_get_ancestor (search_entry, GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/**
 * kab_drop_down_close_on_escape:
 *
 * In GTK 4.8 the search entry of a GtkDropDown with #GtkDropDown:enable-search keeps
 * Escape for itself ("stop-search"): the list stays open and holds the keyboard. After
 * this, Escape closes the list and the keyboard is back on the drop-down, as with every
 * other popover.
 */
void
kab_drop_down_close_on_escape (GtkDropDown *dropdown)
{
  GtkWidget *search_entry;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  search_entry = find_search_entry (GTK_WIDGET (dropdown));
  if (search_entry != NULL)
    g_signal_connect (search_entry, "stop-search", G_CALLBACK (on_stop_search), NULL);
}
