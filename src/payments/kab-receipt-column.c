/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-receipt-column.c: the ledger's column with a receipt menu on each payment */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-ledger-entry.h"
#include "kab-receipt-column.h"
#include "kab-tooltip.h"

static GMenuModel *
receipt_menu (void)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, _("_Print Receipt…"), "payments.print-receipt");
  g_menu_append (menu, _("Save Receipt as P_DF…"), "payments.save-receipt");
  {
    /* Russia: the number of the receipt the self-employed make in «Мой налог» */
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Tax Service Receipt Number…"),
                                                 "payments.tax-receipt-number");

    g_menu_item_set_attribute (item, "hidden-when", "s", "action-disabled");
    g_menu_append_item (menu, item);
  }
  return G_MENU_MODEL (menu);
}

/* The menu acts on the selected payment (the same as Ctrl+P), so opening it selects its
 * row first. The menu itself is made then, the first time: a popover menu made with
 * every row cost more than the rest of the row (each payment recorded adds one). */
static void
select_row (GtkMenuButton *button,
            gpointer       user_data)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (button), "list-item");
  GtkSingleSelection *selection = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    {
      g_autoptr(GMenuModel) menu = receipt_menu ();

      gtk_menu_button_set_menu_model (button, menu);
    }

  if (item != NULL)
    gtk_single_selection_set_selected (selection, gtk_list_item_get_position (item));
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          GtkSingleSelection       *selection)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), select_row, selection, NULL);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "receipt");
  kab_tooltip_set_text (button, _("Receipt"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Receipt for this payment"),
                                  -1);
  g_object_set_data (G_OBJECT (button), "list-item", item);
  gtk_list_item_set_child (item, button);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  KabLedgerEntry *entry = gtk_list_item_get_item (item);

  gtk_widget_set_visible (gtk_list_item_get_child (item),
                          entry != NULL && kab_ledger_entry_get_payment (entry) != NULL);
}

/**
 * kab_receipt_column_new:
 * @selection: the ledger's selection, of #KabLedgerEntry
 *
 * Returns: (transfer full): a narrow column whose payment rows have a menu to print the
 *   payment's receipt or save it as PDF
 */
GtkColumnViewColumn *
kab_receipt_column_new (GtkSingleSelection *selection)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), selection);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), NULL);

  return gtk_column_view_column_new (NULL, factory);
}
