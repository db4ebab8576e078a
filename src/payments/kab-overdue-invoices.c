/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-overdue-invoices.c: the Debts page's list of invoices sent and not paid in time */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-money.h"
#include "kab-overdue-invoices.h"
#include "kab-payments-private.h"
#include "kab-store-documents.h"

/* The group keeps its rows in a list box of its own, made again on each refresh: there
 * are few overdue invoices at any time. */

static void
on_mark_paid (GtkButton *button,
              GtkWidget *group)
{
  KabStore *store = g_object_get_data (G_OBJECT (group), "store");
  gint64 invoice_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "invoice-id"));
  gint64 client_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "client-id"));
  g_autoptr(GListModel) payments = NULL;
  g_autoptr(KabPayment) latest = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  payments = kab_store_list_payments (store, client_id, NULL, NULL, &error);
  n = payments != NULL ? g_list_model_get_n_items (payments) : 0;
  if (n == 0)
    {
      kab_payments_add_toast (GTK_WIDGET (button),
                              kab_payments_toast_new (_("Record the client’s payment first")));
      return;
    }

  /* by hand: the client's latest payment pays it */
  latest = g_list_model_get_item (payments, n - 1);
  if (!kab_store_match_invoice (store, invoice_id, kab_payment_get_id (latest), &error))
    {
      kab_payments_add_toast (GTK_WIDGET (button), kab_payments_toast_new (error->message));
      return;
    }

  kab_payments_add_toast (GTK_WIDGET (button), kab_payments_toast_new (_("Invoice marked paid")));
  kab_overdue_invoices_refresh (group);
}

static GtkWidget *
new_row (GtkWidget        *group,
         KabStore         *store,
         KabInvoiceRecord *invoice)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Mark _Paid"));
  KabClient *client = kab_store_find_client (store, invoice->client_id);
  g_autoptr(GDateTime) due = g_date_time_to_local (invoice->due);
  g_autofree char *number = kab_invoice_record_dup_number (invoice);
  g_autofree char *amount = kab_money_format (invoice->amount, invoice->currency);
  g_autofree char *day = g_date_time_format (due, "%x");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: an overdue invoice: its number, then the client's name */
  title = g_strdup_printf (_("Invoice %s · %s"), number,
                           client != NULL ? kab_client_get_display_name (client) : "");
  /* Translators: an overdue invoice: its amount, then the day it was due */
  subtitle = g_strdup_printf (_("%s, due %s"), amount, day);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "invoice-id", GSIZE_TO_POINTER ((gsize)invoice->id));
  g_object_set_data (G_OBJECT (button), "client-id", GSIZE_TO_POINTER ((gsize)invoice->client_id));
  g_signal_connect (button, "clicked", G_CALLBACK (on_mark_paid), group);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/**
 * kab_overdue_invoices_refresh:
 * @group: a group from kab_overdue_invoices_new()
 *
 * Lists the invoices that are overdue today again; the group hides when there is none.
 */
void
kab_overdue_invoices_refresh (GtkWidget *group)
{
  KabStore *store = g_object_get_data (G_OBJECT (group), "store");
  GtkListBox *list = g_object_get_data (G_OBJECT (group), "list");
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  invoices = kab_store_list_overdue_invoices (store, NULL, &error);
  if (invoices == NULL)
    {
      g_warning ("Could not list the overdue invoices: %s", error->message);
      gtk_widget_set_visible (group, FALSE);
      return;
    }

  for (guint i = 0; i < invoices->len; i++)
    gtk_list_box_append (list, new_row (group, store, g_ptr_array_index (invoices, i)));
  gtk_widget_set_visible (group, invoices->len > 0);
}

/**
 * kab_overdue_invoices_new:
 *
 * Returns: (transfer floating): a group listing the invoices sent and unpaid after their
 *   due day, each with a button to mark it paid; kept up to date with the ledger
 */
GtkWidget *
kab_overdue_invoices_new (KabStore *store)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Overdue Invoices"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_widget_set_margin_top (group, 12);

  g_object_set_data_full (G_OBJECT (group), "store", g_object_ref (store), g_object_unref);
  g_object_set_data (G_OBJECT (group), "list", list);
  g_signal_connect_object (store, "ledger-changed", G_CALLBACK (kab_overdue_invoices_refresh),
                           group, G_CONNECT_SWAPPED);
  kab_overdue_invoices_refresh (group);
  return group;
}
