/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-payments-view-actions.c: what the Payments view does: payments, charges, fees, packages, receipts */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-date-format.h"
#include "kab-documents.h"
#include "kab-country.h"
#include "kab-money.h"
#include "kab-payment-dialog.h"
#include "kab-payments-view-private.h"
#include "kab-print-document.h"
#include "kab-print-job.h"
#include "kab-print-save.h"
#include "kab-store-documents.h"
#include "kab-view-shortcuts.h"
#include "kab-text.h"

static GtkWindow *
parent_window (KabPaymentsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static const char *
currency (KabPaymentsView *self)
{
  return kab_practice_get_currency (kab_store_get_practice (self->store));
}

/* The client's name, isolated for a sentence. */
static char *
client_name (KabPaymentsView *self,
             gint64           client_id)
{
  KabClient *client = kab_store_find_client (self->store, client_id);

  return kab_isolate (client != NULL ? kab_client_get_display_name (client) : "");
}

static AdwToast *
toast_new_printf (const char *format,
                  ...) G_GNUC_PRINTF (1, 2);

static AdwToast *
toast_new_printf (const char *format,
                  ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  return kab_payments_toast_new (text);
}

static void
toast_error (KabPaymentsView *self,
             const GError    *error)
{
  kab_payments_add_toast (GTK_WIDGET (self), toast_new_printf ("%s", error->message));
}

/* Receipts */

static KabPrintDocument *
receipt_document (KabPaymentsView  *self,
                  KabPayment       *payment,
                  char            **out_file_name)
{
  g_autoptr(GError) error = NULL;
  KabPrintDocument *document = kab_documents_make_receipt (self->store, payment, NULL,
                                                           out_file_name, &error);

  if (document == NULL)
    toast_error (self, error);
  return document;
}

static void
on_receipt_printed (GtkPrintOperationResult  result,
                    const GError            *error,
                    gpointer                 user_data)
{
  KabPaymentsView *self = user_data;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast_error (self, error);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    kab_payments_add_toast (GTK_WIDGET (self),
                            kab_payments_toast_new (_("The receipt was sent to the printer.")));
}

/* Through the print dialog, drawn as the receipt's PDF, and "Print to File" offers the
 * name that PDF would have. */
static void
print_receipt (KabPaymentsView *self,
               KabPayment      *payment,
               GtkWindow       *parent)
{
  g_autofree char *name = NULL;
  g_autoptr(KabPrintDocument) document = receipt_document (self, payment, &name);
  g_autoptr(GtkPrintOperation) operation = NULL;

  if (document == NULL)
    return;
  operation = kab_print_job_new (document, name);
  kab_print_job_run (operation, parent, on_receipt_printed, g_object_ref (self), g_object_unref);
}

static void
on_receipt_saved (const char   *path,
                  const GError *error,
                  gpointer      user_data)
{
  KabPaymentsView *self = user_data;
  g_autofree char *display = NULL;
  g_autofree char *shown = NULL;

  if (error != NULL)
    {
      toast_error (self, error);
      return;
    }

  display = g_filename_display_name (path);
  shown = kab_isolate (display);
  /* Translators: %s is the full path of the PDF file, so that the user finds it */
  kab_payments_add_toast (GTK_WIDGET (self), toast_new_printf (_("Receipt saved in “%s”"), shown));
}

/* The number is taken when the receipt is made, so that the suggested name carries it. */
static void
save_receipt (KabPaymentsView *self,
              KabPayment      *payment,
              GtkWindow       *parent)
{
  g_autofree char *name = NULL;
  g_autoptr(KabPrintDocument) document = receipt_document (self, payment, &name);

  if (document != NULL)
    kab_print_document_save_as (document, parent, _("Save Receipt as PDF"), name,
                                on_receipt_saved, g_object_ref (self), g_object_unref);
}

static void
on_receipt_requested (KabPaymentsView  *self,
                      KabPayment       *payment,
                      gboolean          as_pdf,
                      KabPaymentDialog *dialog)
{
  if (as_pdf)
    save_receipt (self, payment, GTK_WINDOW (dialog));
  else
    print_receipt (self, payment, GTK_WINDOW (dialog));
}

/* The payment selected in the ledger, or a word on what to select. */
static KabPayment *
selected_payment (KabPaymentsView *self)
{
  KabPayment *payment = kab_ledger_page_get_selected_payment (self->ledger_page);

  if (payment == NULL)
    kab_payments_add_toast (GTK_WIDGET (self),
                            kab_payments_toast_new (_("Select a payment in the ledger first")));
  return payment;
}

static void
print_receipt_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KabPaymentsView *self = KAB_PAYMENTS_VIEW (widget);
  KabPayment *payment = selected_payment (self);

  if (payment != NULL)
    print_receipt (self, payment, parent_window (self));
}

static void
save_receipt_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KabPaymentsView *self = KAB_PAYMENTS_VIEW (widget);
  KabPayment *payment = selected_payment (self);

  if (payment != NULL)
    save_receipt (self, payment, parent_window (self));
}

static void
on_tax_receipt_response (AdwMessageDialog *dialog,
                         const char       *response,
                         KabPaymentsView  *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  KabPayment *payment = g_object_get_data (G_OBJECT (dialog), "payment");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;

  if (!kab_store_set_receipt_tax_number (self->store, kab_payment_get_id (payment),
                                         gtk_editable_get_text (entry), &error))
    toast_error (self, error);
  else
    kab_payments_add_toast (GTK_WIDGET (self),
                            kab_payments_toast_new (_("The receipt will show this number")));
}

/* Russia: the self-employed make the tax receipt in «Мой налог» and write its number on
 * their own receipt. */
static void
tax_receipt_number_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  KabPaymentsView *self = KAB_PAYMENTS_VIEW (widget);
  KabPayment *payment = selected_payment (self);
  g_auto(KabReceiptRecord) record = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (payment == NULL)
    return;
  if (!kab_store_issue_receipt (self->store, payment, NULL, &record, &error))
    {
      toast_error (self, error);
      return;
    }

  dialog = adw_message_dialog_new (parent_window (self), _("Tax Service Receipt Number"),
                                   _("The number of the receipt made in «Мой налог» for this payment, printed on Kabinett’s receipt."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), record.tax_receipt);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "payment", g_object_ref (payment), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_tax_receipt_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The «Мой налог» number is asked only of a self-employed practitioner in Russia. */
static void
update_tax_receipt_action (KabPaymentsView *self)
{
  KabPractice *practice = kab_store_get_practice (self->store);
  KabPracticeIdentity *identity = kab_store_get_identity (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "payments.tax-receipt-number",
                                 g_strcmp0 (kab_practice_get_country (practice), KAB_COUNTRY_RUSSIA) == 0 &&
                                 kab_practice_identity_get_tax_status (identity) == KAB_TAX_STATUS_SELF_EMPLOYED);
}

/**
 * kab_payments_view_watch_tax_receipt:
 *
 * Keeps the «Мой налог» menu item to the practice's country and tax status.
 */
void
kab_payments_view_watch_tax_receipt (KabPaymentsView *self)
{
  g_signal_connect_object (kab_store_get_practice (self->store), "notify::country",
                           G_CALLBACK (update_tax_receipt_action), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kab_store_get_identity (self->store), "notify::tax-status",
                           G_CALLBACK (update_tax_receipt_action), self, G_CONNECT_SWAPPED);
  update_tax_receipt_action (self);
}

/* Payments: record, edit, remove with undo */

static void
on_print_toast_clicked (AdwToast   *toast,
                        KabPayment *payment)
{
  KabPaymentsView *view = g_object_get_data (G_OBJECT (toast), "view");

  if (view != NULL)
    print_receipt (view, payment, parent_window (view));
}

static void
on_payment_saved (KabPaymentsView  *self,
                  KabPayment       *payment,
                  KabPaymentDialog *dialog)
{
  g_autofree char *amount = kab_money_format (kab_payment_get_amount (payment), currency (self));
  g_autofree char *name = client_name (self, kab_payment_get_client_id (payment));
  gboolean was_new = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "new"));
  gint64 invoice_id = 0;
  AdwToast *toast;

  if (!was_new)
    {
      kab_payments_add_toast (GTK_WIDGET (self), kab_payments_toast_new (_("Payment changed")));
      return;
    }

  /* A payment whose note carries an invoice's reference (an OCR number, a KID) pays it. */
  if (kab_store_match_reference (self->store, payment, kab_payment_get_note (payment),
                                 &invoice_id, NULL) && invoice_id != 0)
    /* Translators: %s is an amount, then a client's name */
    toast = toast_new_printf (_("Payment of %s from %s recorded; its invoice is paid"), amount,
                              name);
  else
    /* Translators: %s is an amount, then a client's name */
    toast = toast_new_printf (_("Payment of %s from %s recorded"), amount, name);
  adw_toast_set_button_label (toast, _("_Print Receipt"));
  g_object_set_data_full (G_OBJECT (toast), "view", g_object_ref (self), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_print_toast_clicked),
                         g_object_ref (payment), (GClosureNotify)(void (*)(void))g_object_unref, 0);
  kab_payments_add_toast (GTK_WIDGET (self), toast);
}

static void
on_undo_remove_payment (AdwToast   *toast,
                        KabPayment *removed)
{
  KabPaymentsView *view = g_object_get_data (G_OBJECT (toast), "view");
  g_autoptr(KabPayment) copy = kab_payment_copy (removed);
  g_autoptr(GError) error = NULL;

  /* A new row with the same contents: the old id is gone for good. */
  kab_payment_set_id (copy, 0);
  if (!kab_store_save_payment (view->store, copy, &error))
    toast_error (view, error);
}

static void
remove_payment (KabPaymentsView *self,
                KabPayment      *payment)
{
  g_autofree char *amount = kab_money_format (kab_payment_get_amount (payment), currency (self));
  g_autofree char *name = client_name (self, kab_payment_get_client_id (payment));
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!kab_store_delete_payment (self->store, payment, &error))
    {
      toast_error (self, error);
      return;
    }

  /* Translators: %s is an amount, then a client's name */
  toast = toast_new_printf (_("Payment of %s from %s removed"), amount, name);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "view", g_object_ref (self), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_remove_payment),
                         g_object_ref (payment), (GClosureNotify)(void (*)(void))g_object_unref, 0);
  kab_payments_add_toast (GTK_WIDGET (self), toast);
}

static void
on_remove_requested (KabPaymentsView  *self,
                     KabPayment       *payment,
                     KabPaymentDialog *dialog)
{
  remove_payment (self, payment);
}

static void
open_dialog (KabPaymentsView *self,
             KabPayment      *payment,
             gint64           client_id)
{
  KabPaymentDialog *dialog = kab_payment_dialog_new (parent_window (self), self->store,
                                                     payment, client_id);

  g_object_set_data (G_OBJECT (dialog), "new", GINT_TO_POINTER (payment == NULL));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_payment_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "remove-requested", G_CALLBACK (on_remove_requested),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "receipt-requested", G_CALLBACK (on_receipt_requested),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
kab_payments_view_edit_payment (KabPaymentsView *self,
                                KabPayment      *payment)
{
  open_dialog (self, payment, 0);
}

static void
record_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KabPaymentsView *self = KAB_PAYMENTS_VIEW (widget);

  open_dialog (self, NULL, kab_ledger_page_get_client_id (self->ledger_page));
}

static void
record_for_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_dialog (KAB_PAYMENTS_VIEW (widget), NULL, g_variant_get_int64 (parameter));
}

/* Charges: those from sessions belong to the calendar; the others can be taken back. */

static void
on_undo_remove_charge (AdwToast  *toast,
                       KabCharge *removed)
{
  KabPaymentsView *view = g_object_get_data (G_OBJECT (toast), "view");
  g_autoptr(KabCharge) copy = kab_charge_copy (removed);
  g_autoptr(GError) error = NULL;

  kab_charge_set_id (copy, 0);
  if (!kab_store_save_charge (view->store, copy, &error))
    toast_error (view, error);
}

static void
remove_charge (KabPaymentsView *self,
               KabCharge       *charge)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!kab_store_delete_charge (self->store, charge, &error))
    {
      toast_error (self, error);
      return;
    }

  toast = kab_payments_toast_new (_("Charge removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "view", g_object_ref (self), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_remove_charge),
                         g_object_ref (charge), (GClosureNotify)(void (*)(void))g_object_unref, 0);
  kab_payments_add_toast (GTK_WIDGET (self), toast);
}

static void
on_remove_charge_response (AdwMessageDialog *dialog,
                           const char       *response,
                           KabPaymentsView  *self)
{
  KabCharge *charge = g_object_get_data (G_OBJECT (dialog), "charge");

  if (g_strcmp0 (response, "remove") == 0)
    remove_charge (self, charge);
}

void
kab_payments_view_activate_charge (KabPaymentsView *self,
                                   KabCharge       *charge)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (kab_charge_get_date (charge));
  g_autofree char *date = kab_date_format_table (local);
  g_autofree char *amount = kab_money_format (kab_charge_get_amount (charge), currency (self));
  g_autofree char *name = client_name (self, kab_charge_get_client_id (charge));
  GtkWidget *dialog;

  if (kab_charge_get_session_id (charge) != 0)
    {
      kab_payments_add_toast (GTK_WIDGET (self),
        kab_payments_toast_new (_("This charge comes from a session: change the session’s status in the Calendar.")));
      return;
    }

  dialog = adw_message_dialog_new (parent_window (self), _("Remove Charge?"), NULL);
  /* Translators: the charge to remove: its kind, its amount, the client's name and
   * the date, e.g. "Prepaid package, kr 12 000,00, to Anna Andersson on 12.11.2025 …" */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s of %s to %s on %s will be taken off the ledger, and the balance lowered by the same amount."),
                                  kab_charge_kind_to_label (kab_charge_get_kind (charge)), amount,
                                  name, date);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "charge", g_object_ref (charge), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_charge_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Monthly fees */

static char *
month_name (GDateTime *month)
{
  /* Translators: a month and its year, as in "Charge Monthly Fees for November 2025?";
   * %OB is the month's name standing alone (nominative), %Y the year */
  /* xgettext:no-c-format */
  return kab_date_format_in_sentence (month, C_("month in a sentence", "%OB %Y"));
}

static void
charge_fees (KabPaymentsView *self,
             GDateTime       *month)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = month_name (month);
  g_autofree char *message = NULL;
  guint created = 0;

  if (!kab_store_generate_monthly_fees (self->store, month, &created, &error))
    {
      toast_error (self, error);
      return;
    }

  if (created == 0)
    /* Translators: %s is a month and year */
    message = g_strdup_printf (_("Every client on the monthly plan has been charged for %s already"), name);
  else
    /* Translators: %u is how many clients, %s a month and year */
    message = g_strdup_printf (ngettext ("Monthly fee for %2$s charged to %1$u client",
                                         "Monthly fees for %2$s charged to %1$u clients", created),
                               created, name);

  kab_payments_add_toast (GTK_WIDGET (self), toast_new_printf ("%s", message));
}

static void
on_fees_response (AdwMessageDialog *dialog,
                  const char       *response,
                  KabPaymentsView  *self)
{
  GDateTime *month = g_object_get_data (G_OBJECT (dialog), "month");

  if (g_strcmp0 (response, "charge") == 0)
    charge_fees (self, month);
}

static void
charge_monthly_fees_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  KabPaymentsView *self = KAB_PAYMENTS_VIEW (widget);
  GDateTime *month = kab_ledger_page_get_month (self->ledger_page);
  g_autofree char *name = month_name (month);
  GtkWidget *dialog;

  /* Translators: %s is a month and year */
  dialog = adw_message_dialog_new (parent_window (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     _("Charge Monthly Fees for %s?"), name);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Every active client on the monthly plan is charged their monthly fee for %s. Clients charged for that month already are not charged again."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "charge", _("C_harge Fees"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "charge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "charge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "month", g_date_time_ref (month),
                          (GDestroyNotify)g_date_time_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_fees_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Prepaid packages */

static void
remove_charge_from_toast (AdwToast  *toast,
                          KabCharge *charge)
{
  KabPaymentsView *view = g_object_get_data (G_OBJECT (toast), "view");
  g_autoptr(GError) error = NULL;

  if (!kab_store_delete_charge (view->store, charge, &error))
    toast_error (view, error);
}

static void
sell_package (KabPaymentsView *self,
              KabClient       *client)
{
  g_autoptr(KabCharge) charge = kab_charge_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 charge_id = 0;
  AdwToast *toast;

  /* The store records the package with its charge: its sessions use it up. */
  if (!kab_store_sell_package (self->store, kab_client_get_id (client),
                               kab_client_get_package_size (client),
                               kab_client_get_fee (client), now, NULL, &charge_id, &error))
    {
      toast_error (self, error);
      return;
    }

  g_object_set (charge,
                "id", charge_id,
                "client-id", kab_client_get_id (client),
                "kind", KAB_CHARGE_KIND_PACKAGE,
                NULL);

  name = kab_isolate (kab_client_get_display_name (client));
  /* Translators: %s is a client's name */
  toast = toast_new_printf (_("Package sold to %s"), name);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "view", g_object_ref (self), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (remove_charge_from_toast),
                         g_object_ref (charge), (GClosureNotify)(void (*)(void))g_object_unref, 0);
  kab_payments_add_toast (GTK_WIDGET (self), toast);
}

static void
on_sell_response (AdwMessageDialog *dialog,
                  const char       *response,
                  KabPaymentsView  *self)
{
  KabClient *client = g_object_get_data (G_OBJECT (dialog), "client");

  if (g_strcmp0 (response, "sell") == 0)
    sell_package (self, client);
}

static void
sell_package_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KabPaymentsView *self = KAB_PAYMENTS_VIEW (widget);
  KabClient *client = kab_store_find_client (self->store,
                                             kab_ledger_page_get_client_id (self->ledger_page));
  g_autofree char *amount = NULL;
  g_autofree char *name = NULL;
  int size;
  GtkWidget *dialog;

  /* Rather than a menu item greyed out for no visible reason, a word on what to do. */
  if (client == NULL ||
      kab_client_get_billing_plan (client) != KAB_BILLING_PLAN_PACKAGE ||
      kab_client_get_fee (client) <= 0)
    {
      kab_payments_add_toast (GTK_WIDGET (self),
        kab_payments_toast_new (_("Choose a client on the prepaid package plan, with a package price, in the ledger’s client list first")));
      return;
    }

  size = kab_client_get_package_size (client);
  amount = kab_money_format (kab_client_get_fee (client), currency (self));
  dialog = adw_message_dialog_new (parent_window (self), NULL, NULL);
  name = kab_isolate (kab_client_get_display_name (client));
  /* Translators: %s is a client's name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Sell a Package to %s?"),
                                     name);
  /* Translators: %d is the number of sessions in the package, %s its price */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  ngettext ("A package of %d session is charged today for %s. Attended sessions, late cancellations and no-shows use it up in date order; once it is used up, sessions are charged one by one again.",
                                            "A package of %d sessions is charged today for %s. Attended sessions, late cancellations and no-shows use it up in date order; once it is used up, sessions are charged one by one again.",
                                            size),
                                  size, amount);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "sell", _("_Sell Package"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sell",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "sell");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "client", g_object_ref (client), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_sell_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The calendar's toast when a package is used up: the client's ledger, and the sale. */
static void
sell_package_for_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  KabPaymentsView *self = KAB_PAYMENTS_VIEW (widget);

  kab_ledger_page_set_client_id (self->ledger_page, g_variant_get_int64 (parameter));
  adw_view_stack_set_visible_child (self->pages, GTK_WIDGET (self->ledger_page));
  sell_package_activated (widget, "payments.sell-package", NULL);
}

/* Moving around */

static void
show_client_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KabPaymentsView *self = KAB_PAYMENTS_VIEW (widget);

  kab_ledger_page_set_client_id (self->ledger_page, g_variant_get_int64 (parameter));
  adw_view_stack_set_visible_child (self->pages, GTK_WIDGET (self->ledger_page));
}

static void
find_client_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KabPaymentsView *self = KAB_PAYMENTS_VIEW (widget);

  adw_view_stack_set_visible_child (self->pages, GTK_WIDGET (self->ledger_page));
  kab_ledger_page_choose_client (self->ledger_page);
}

/* Alt+Left and Alt+Right: a month in the ledger, a year in the income report. */
static void
step_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KabPaymentsView *self = KAB_PAYMENTS_VIEW (widget);
  GtkWidget *page = adw_view_stack_get_visible_child (self->pages);
  gboolean forward = g_str_equal (action_name, "payments.next");

  if (page == GTK_WIDGET (self->income_page))
    gtk_widget_activate_action (page, forward ? "income.next-year" : "income.previous-year", NULL);
  else if (page == GTK_WIDGET (self->ledger_page))
    gtk_widget_activate_action (page, forward ? "ledger.next-month" : "ledger.previous-month", NULL);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KabPaymentsView *self = KAB_PAYMENTS_VIEW (widget);

  adw_view_stack_set_visible_child (self->pages, GTK_WIDGET (self->income_page));
  gtk_widget_activate_action (GTK_WIDGET (self->income_page), "income.export", NULL);
}

void
kab_payments_view_add_shortcuts (KabPaymentsView *self)
{
  static const KabViewShortcut shortcuts[] = {
    { "<Control><Shift>p", "payments.record" },
    { "<Control>f", "payments.find-client" },
    { "<Control>p", "payments.print-receipt" },
    { "<Alt>Left", "payments.previous" },
    { "<Alt>Right", "payments.next" },
  };

  kab_view_add_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
}

void
kab_payments_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "payments.record", NULL, record_activated);
  gtk_widget_class_install_action (widget_class, "payments.record-for", "x", record_for_activated);
  gtk_widget_class_install_action (widget_class, "payments.show-client", "x", show_client_activated);
  gtk_widget_class_install_action (widget_class, "payments.find-client", NULL, find_client_activated);
  gtk_widget_class_install_action (widget_class, "payments.previous", NULL, step_activated);
  gtk_widget_class_install_action (widget_class, "payments.next", NULL, step_activated);
  gtk_widget_class_install_action (widget_class, "payments.charge-monthly-fees", NULL,
                                   charge_monthly_fees_activated);
  gtk_widget_class_install_action (widget_class, "payments.sell-package", NULL,
                                   sell_package_activated);
  gtk_widget_class_install_action (widget_class, "payments.sell-package-for", "x",
                                   sell_package_for_activated);
  gtk_widget_class_install_action (widget_class, "payments.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "payments.print-receipt", NULL,
                                   print_receipt_activated);
  gtk_widget_class_install_action (widget_class, "payments.save-receipt", NULL,
                                   save_receipt_activated);
  gtk_widget_class_install_action (widget_class, "payments.tax-receipt-number", NULL,
                                   tax_receipt_number_activated);
}
