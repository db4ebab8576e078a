/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-documents.c: receipts, invoices and statements made from the store, ready to print */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-documents.h"
#include "kab-invoice.h"
#include "kab-receipt.h"
#include "kab-store-documents.h"

/**
 * kab_documents_make_receipt:
 * @payment: a saved payment
 * @now: (nullable): the time of issue; %NULL for now
 * @out_file_name: (out) (optional): a name to suggest for its PDF
 *
 * The receipt of @payment in its client's document language. Its number is taken the
 * first time (see kab_store_issue_receipt()); printing it again shows the same one.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
KabPrintDocument *
kab_documents_make_receipt (KabStore    *store,
                            KabPayment  *payment,
                            GDateTime   *now,
                            char       **out_file_name,
                            GError     **error)
{
  g_auto(KabReceiptRecord) record = { 0 };
  g_autoptr(GListModel) charges = NULL;
  g_autoptr(GListModel) payments = NULL;
  g_autoptr(GPtrArray) paid_for = NULL;
  g_autofree char *number = NULL;
  g_autofree char *language = NULL;
  g_autofree char *text = NULL;
  gint64 client_id;
  KabPrintDocument *document;
  KabReceiptInput input = { 0 };

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);
  g_return_val_if_fail (KAB_IS_PAYMENT (payment), NULL);

  if (!kab_store_issue_receipt (store, payment, now, &record, error))
    return NULL;

  client_id = kab_payment_get_client_id (payment);
  charges = kab_store_list_charges (store, client_id, NULL, NULL, error);
  if (charges == NULL)
    return NULL;
  payments = kab_store_list_payments (store, client_id, NULL, NULL, error);
  if (payments == NULL)
    return NULL;

  paid_for = kab_receipt_find_paid_for (charges, payments, payment);
  number = kab_receipt_record_dup_number (&record);
  language = kab_store_dup_client_language (store, client_id);

  input.practice = kab_store_get_practice (store);
  input.identity = kab_store_get_identity (store);
  input.client = kab_store_find_client (store, client_id);
  input.payment = payment;
  input.number = number;
  input.tax_receipt = record.tax_receipt;
  input.language = language;
  input.paid_for = paid_for;
  text = kab_receipt_build_text (&input);

  document = kab_print_document_new (text);
  kab_print_document_set_language (document, language);
  if (out_file_name != NULL)
    *out_file_name = kab_receipt_dup_file_name (number, payment);

  return document;
}

/**
 * kab_documents_make_invoice:
 * @from: the first moment of the period
 * @to: the moment after it
 * @now: (nullable): the day of issue; %NULL for today
 * @out_invoice_id: (out) (optional): the invoice, to mark sent once printed or saved
 * @out_file_name: (out) (optional): a name to suggest for its PDF
 *
 * The invoice of the client's charges in the period, in the client's document language:
 * the one already made for the period, or a new one (see kab_store_issue_invoice()).
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
KabPrintDocument *
kab_documents_make_invoice (KabStore    *store,
                            gint64       client_id,
                            GDateTime   *from,
                            GDateTime   *to,
                            GDateTime   *now,
                            gint64      *out_invoice_id,
                            char       **out_file_name,
                            GError     **error)
{
  g_auto(KabInvoiceRecord) invoice = { 0 };
  g_autoptr(GListModel) charges = NULL;
  g_autofree char *language = NULL;
  g_autofree char *text = NULL;
  KabInvoiceInput input = { 0 };
  KabPrintDocument *document;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  if (!kab_store_issue_invoice (store, client_id, from, to, now, &invoice, error))
    return NULL;
  charges = kab_store_list_charges (store, client_id, from, to, error);
  if (charges == NULL)
    return NULL;

  language = kab_store_dup_client_language (store, client_id);
  input.practice = kab_store_get_practice (store);
  input.identity = kab_store_get_identity (store);
  input.client = kab_store_find_client (store, client_id);
  input.invoice = &invoice;
  input.charges = charges;
  input.language = language;
  text = kab_invoice_build_text (&input);

  document = kab_print_document_new (text);
  kab_print_document_set_language (document, language);
  if (out_invoice_id != NULL)
    *out_invoice_id = invoice.id;
  if (out_file_name != NULL)
    {
      g_autofree char *number = kab_invoice_record_dup_number (&invoice);

      /* Translators: the suggested file name of an invoice; %s is its number. Keep it
       * short, without spaces, and keep ".pdf" */
      *out_file_name = g_strdup_printf (_("invoice-%s.pdf"), number);
    }
  return document;
}

/**
 * kab_documents_make_statement:
 * @from: the first moment of the period
 * @to: the moment after it
 * @out_file_name: (out) (optional): a name to suggest for its PDF
 *
 * The client's statement of account for the period, in the client's document language.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
KabPrintDocument *
kab_documents_make_statement (KabStore   *store,
                              gint64      client_id,
                              GDateTime  *from,
                              GDateTime  *to,
                              char      **out_file_name,
                              GError    **error)
{
  g_autoptr(GListModel) charges = NULL;
  g_autoptr(GListModel) payments = NULL;
  g_autofree char *language = NULL;
  g_autofree char *text = NULL;
  KabStatementInput input = { 0 };
  KabPrintDocument *document;
  gint64 opening = 0;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  if (kab_store_find_client (store, client_id) == NULL)
    {
      g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
                           _("This client no longer exists."));
      return NULL;
    }
  if (!kab_store_get_balance_before (store, client_id, from, &opening, error))
    return NULL;
  charges = kab_store_list_charges (store, client_id, from, to, error);
  if (charges == NULL)
    return NULL;
  payments = kab_store_list_payments (store, client_id, from, to, error);
  if (payments == NULL)
    return NULL;

  language = kab_store_dup_client_language (store, client_id);
  input.practice = kab_store_get_practice (store);
  input.identity = kab_store_get_identity (store);
  input.client = kab_store_find_client (store, client_id);
  input.from = from;
  input.to = to;
  input.opening = opening;
  input.charges = charges;
  input.payments = payments;
  input.currency = kab_practice_get_currency (input.practice);
  input.language = language;
  text = kab_statement_build_text (&input, NULL);

  document = kab_print_document_new (text);
  kab_print_document_set_language (document, language);
  if (out_file_name != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (from);
      g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");

      /* Translators: the suggested file name of a statement of account; %s is the first
       * day of its period. Keep it short, without spaces, and keep ".pdf" */
      *out_file_name = g_strdup_printf (_("statement-%s.pdf"), day);
    }
  return document;
}
