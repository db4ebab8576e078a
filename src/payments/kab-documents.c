/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-documents.c: receipts, invoices and statements made from the store, ready to print */

#include "config.h"

#include "kab-documents.h"
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
