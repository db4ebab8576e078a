/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-overdue-invoices.c: the Debts page's list of invoices sent and not paid in time */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-date-format.h"
#include "kab-money.h"
#include "kab-overdue-invoices.h"
#include "kab-payments-private.h"
#include "kab-store-documents.h"
#include "kab-store-invoice-payments.h"
#include "kab-text.h"

/* The group keeps its rows in a list box of its own, made again on each refresh: there
 * are few overdue invoices at any time. */

static gboolean
refresh_idle (gpointer group)
{
  kab_overdue_invoices_refresh (group);
  return G_SOURCE_REMOVE;
}

/* A payment chosen in the list: matched to the invoice, which leaves the list once paid. */
static void
on_payment_activated (GtkListBox    *list,
                      GtkListBoxRow *row,
                      GtkWidget     *group)
{
  KabStore *store = g_object_get_data (G_OBJECT (group), "store");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);
  gint64 invoice_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list), "invoice-id"));
  KabPayment *payment = g_object_get_data (G_OBJECT (row), "payment");
  const char *currency = kab_payment_get_currency (payment);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 left = 0;

  if (!kab_store_add_invoice_payment (store, invoice_id, kab_payment_get_id (payment), &left, &error))
    message = g_strdup (error->message);
  else if (left == 0)
    message = g_strdup (_("Invoice marked paid"));
  else
    {
      g_autofree char *amount = kab_money_format (left, currency);

      /* Translators: a payment was matched to an invoice that it does not pay in full;
       * %s is what is left to pay */
      message = g_strdup_printf (_("Payment matched to the invoice; %s still to pay"), amount);
    }

  kab_payments_add_toast (group, kab_payments_toast_new (message));
  gtk_popover_popdown (GTK_POPOVER (popover));
  /* The refresh destroys the row that holds the popover: not while it handles this, and
   * without a surface (see kab_date_popover_record) */
  gtk_widget_unrealize (popover);
  g_idle_add_full (G_PRIORITY_DEFAULT, refresh_idle, g_object_ref (group), g_object_unref);
}

static GtkWidget *
payment_row (KabPayment *payment)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GDateTime) date = g_date_time_to_local (kab_payment_get_date (payment));
  g_autofree char *amount = kab_money_format (kab_payment_get_amount (payment),
                                              kab_payment_get_currency (payment));
  g_autofree char *day = kab_date_format_document (date);
  g_autofree char *title = NULL;
  const char *note = kab_payment_get_note (payment);

  /* Translators: a payment offered to pay an invoice: its amount, then how it was paid */
  title = g_strdup_printf (C_("payment to match", "%1$s, %2$s"), amount,
                           kab_payment_method_to_label (kab_payment_get_method (payment)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (note != NULL && *note != '\0')
    {
      g_autofree char *isolated = kab_isolate (note);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", day, isolated);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), day);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "payment", g_object_ref (payment), g_object_unref);
  return row;
}

/* Mark Paid asks which payment pays the invoice: the client's payments that pay no
 * invoice yet, newest first. Made each time it opens. */
static void
fill_popover (GtkMenuButton *button,
              gpointer       user_data)
{
  GtkWidget *group = user_data;
  KabStore *store = g_object_get_data (G_OBJECT (group), "store");
  gint64 invoice_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "invoice-id"));
  gint64 client_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "client-id"));
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (_("Which payment pays this invoice?"));
  GtkWidget *list;

  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  payments = kab_store_list_unmatched_payments (store, client_id, &error);
  if (payments == NULL || payments->len == 0)
    {
      GtkWidget *empty = gtk_label_new (error != NULL ? error->message
                                        : _("Every payment of this client already pays an invoice. Record the client’s payment first."));

      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (empty), 36);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (GTK_BOX (box), empty);
    }
  else
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint i = 0; i < payments->len; i++)
        gtk_list_box_append (GTK_LIST_BOX (list), payment_row (g_ptr_array_index (payments, i)));
      g_object_set_data (G_OBJECT (list), "invoice-id", GSIZE_TO_POINTER ((gsize)invoice_id));
      g_signal_connect (list, "row-activated", G_CALLBACK (on_payment_activated), group);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      gtk_box_append (GTK_BOX (box), scrolled);
    }

  gtk_widget_set_size_request (box, 320, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
}

static GtkWidget *
new_row (GtkWidget        *group,
         KabStore         *store,
         KabInvoiceRecord *invoice)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  KabClient *client = kab_store_find_client (store, invoice->client_id);
  g_autoptr(GDateTime) due = g_date_time_to_local (invoice->due);
  g_autofree char *number = kab_invoice_record_dup_number (invoice);
  g_autofree char *amount = kab_money_format (invoice->amount, invoice->currency);
  g_autofree char *day = g_date_time_format (due, "%x");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *name = kab_isolate (client != NULL ? kab_client_get_display_name (client) : "");
  gint64 paid = 0;

  /* Translators: an overdue invoice: its number, then the client's name */
  title = g_strdup_printf (_("Invoice %s · %s"), number, name);
  /* Translators: an overdue invoice: its amount, then the day it was due */
  subtitle = g_strdup_printf (_("%s, due %s"), amount, day);
  if (kab_store_get_invoice_paid (store, invoice->id, &paid, NULL) && paid > 0)
    {
      g_autofree char *left = kab_money_format (invoice->amount - paid, invoice->currency);
      g_autofree char *partly = NULL;

      /* Translators: an overdue invoice paid in part: its amount and due day, then what
       * is left to pay */
      partly = g_strdup_printf (_("%1$s; %2$s still to pay"), subtitle, left);
      g_free (subtitle);
      subtitle = g_steal_pointer (&partly);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "invoice-id", GSIZE_TO_POINTER ((gsize)invoice->id));
  g_object_set_data (G_OBJECT (button), "client-id", GSIZE_TO_POINTER ((gsize)invoice->client_id));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Mark _Paid…"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_set_tooltip_text (button, _("Choose the payment that pays this invoice"));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), fill_popover, group, NULL);
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
