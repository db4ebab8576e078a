/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-documents.c: a client's receipts, invoices and statements, from the client's details */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-client-documents.h"
#include "kab-print-save.h"
#include "payments/kab-documents.h"

static void
add_toast (GtkWidget  *widget,
           const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = g_markup_escape_text (text, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
on_saved (const char   *path,
          const GError *error,
          gpointer      user_data)
{
  GtkWidget *widget = user_data;
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;

  if (error != NULL)
    {
      add_toast (widget, error->message);
      return;
    }

  shown = g_filename_display_name (path);
  /* Translators: %s is the full path of the PDF file, so that the user finds it */
  text = g_strdup_printf (_("Receipt saved in “%s”"), shown);
  add_toast (widget, text);
}

static void
on_receipt_clicked (GtkButton *button,
                    KabStore  *store)
{
  KabPayment *payment = g_object_get_data (G_OBJECT (button), "payment");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  g_autoptr(KabPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  document = kab_documents_make_receipt (store, payment, NULL, &name, &error);
  if (document == NULL)
    {
      add_toast (GTK_WIDGET (button), error->message);
      return;
    }

  kab_print_document_save_as (document, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                              _("Save Receipt as PDF"), name, on_saved,
                              g_object_ref (button), g_object_unref);
}

/**
 * kab_client_documents_add_receipt_button:
 * @row: a row of the client's latest payments
 * @payment: its payment
 *
 * Adds a button that saves the payment's receipt as PDF, in the client's language.
 */
void
kab_client_documents_add_receipt_button (AdwActionRow *row,
                                         KabStore     *store,
                                         KabPayment   *payment)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-save-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Save Receipt as PDF"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save Receipt as PDF"), -1);
  g_object_set_data_full (G_OBJECT (button), "payment", g_object_ref (payment), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_receipt_clicked), store, 0);
  adw_action_row_add_suffix (row, button);
}
