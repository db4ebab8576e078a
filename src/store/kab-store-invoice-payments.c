/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-invoice-payments.c: the payments matched to an invoice, by reference or by hand
 *
 * The rule: a payment pays at most one invoice; an invoice may be paid in parts, by
 * payments of its client in its currency, and is paid once the amounts matched to it add
 * up to its amount, counted in minor units. invoice.payment_id then names the payment
 * that completed it (0 while unpaid), which is what the lists of unpaid invoices read. */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-store-invoice-payments.h"
#include "kab-store-private.h"

typedef struct
{
  gint64  client_id;
  gint64  amount;
  char   *currency;
  gint64  paid_by;       /* invoice.payment_id; unused for a payment */
} Row;

static void
read_row (sqlite3_stmt *stmt,
          gpointer      user_data)
{
  Row *row = user_data;

  row->client_id = sqlite3_column_int64 (stmt, 0);
  row->amount = sqlite3_column_int64 (stmt, 1);
  row->currency = g_strdup (kab_store_column_text (stmt, 2));
  row->paid_by = sqlite3_column_int64 (stmt, 3);
}

static gboolean
load (KabStore   *self,
      const char *sql,
      gint64      id,
      Row        *row,
      GError    **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self, sql, error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!kab_store_query_row (self, stmt, read_row, row, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
                           _("The invoice or the payment no longer exists."));
      return FALSE;
    }
  return TRUE;
}

/**
 * kab_store_get_invoice_paid:
 * @out_paid: (out): the sum of the payments matched to the invoice
 */
gboolean
kab_store_get_invoice_paid (KabStore  *self,
                            gint64     invoice_id,
                            gint64    *out_paid,
                            GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_paid != NULL, FALSE);

  stmt = kab_store_prepare (self,
    "SELECT coalesce (sum (payment.amount), 0) FROM invoice_payment"
    " JOIN payment ON payment.id = invoice_payment.payment_id"
    " WHERE invoice_payment.invoice_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  return kab_store_query_int64 (self, stmt, out_paid, error);
}

/**
 * kab_store_find_payment_invoice:
 *
 * Returns: the invoice @payment_id is matched to, 0 when none (or on error, with @error set)
 */
gint64
kab_store_find_payment_invoice (KabStore  *self,
                                gint64     payment_id,
                                GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 invoice_id = 0;

  g_return_val_if_fail (KAB_IS_STORE (self), 0);

  stmt = kab_store_prepare (self,
    "SELECT coalesce ((SELECT invoice_id FROM invoice_payment WHERE payment_id = ?1), 0)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  if (!kab_store_query_int64 (self, stmt, &invoice_id, error))
    return 0;
  return invoice_id;
}

static gboolean
add_payment (KabStore  *self,
             gint64     invoice_id,
             gint64     payment_id,
             gint64    *out_left,
             GError   **error)
{
  Row invoice = { 0 };
  Row payment = { 0 };
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 other;
  gint64 paid = 0;
  gboolean ok = FALSE;

  if (!load (self, "SELECT client_id, amount, currency, payment_id FROM invoice WHERE id = ?1",
             invoice_id, &invoice, error) ||
      !load (self, "SELECT client_id, amount, currency, 0 FROM payment WHERE id = ?1",
             payment_id, &payment, error))
    goto out;

  if (payment.client_id != invoice.client_id)
    {
      g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                           _("This payment is not from the client the invoice is for."));
      goto out;
    }
  if (g_strcmp0 (payment.currency, invoice.currency) != 0)
    {
      g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                           _("This payment is in another currency than the invoice."));
      goto out;
    }
  other = kab_store_find_payment_invoice (self, payment_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto out;
    }
  if (other != 0)
    {
      g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                           other == invoice_id ? _("This payment is already matched to this invoice.")
                                               : _("This payment already pays another invoice."));
      goto out;
    }
  if (invoice.paid_by != 0)
    {
      g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                           _("This invoice is already paid."));
      goto out;
    }

  stmt = kab_store_prepare (self, "INSERT INTO invoice_payment (invoice_id, payment_id) VALUES (?1, ?2)",
                            error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_int64 (stmt, 2, payment_id);
  if (!kab_store_step_done (self, stmt, error) ||
      !kab_store_get_invoice_paid (self, invoice_id, &paid, error))
    goto out;

  /* paid in full: this payment completed it */
  if (paid >= invoice.amount)
    {
      stmt = kab_store_prepare (self, "UPDATE invoice SET payment_id = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        goto out;
      sqlite3_bind_int64 (stmt, 1, invoice_id);
      sqlite3_bind_int64 (stmt, 2, payment_id);
      if (!kab_store_step_done (self, stmt, error))
        goto out;
    }

  if (out_left != NULL)
    *out_left = MAX (invoice.amount - paid, 0);
  ok = TRUE;

out:
  g_free (invoice.currency);
  g_free (payment.currency);
  return ok;
}

/**
 * kab_store_add_invoice_payment:
 * @out_left: (out) (optional): what is left to pay on the invoice afterwards, 0 when paid
 *
 * Matches @payment_id to the invoice, in one transaction. Refused when the payment is
 * another client's, in another currency, already matched to an invoice, or when the
 * invoice is already paid in full.
 */
gboolean
kab_store_add_invoice_payment (KabStore  *self,
                               gint64     invoice_id,
                               gint64     payment_id,
                               gint64    *out_left,
                               GError   **error)
{
  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  if (!kab_store_tx_begin (self, error))
    return FALSE;
  if (!add_payment (self, invoice_id, payment_id, out_left, error))
    {
      kab_store_tx_rollback (self);
      return FALSE;
    }
  return kab_store_tx_commit (self, error);
}

/**
 * kab_store_clear_invoice_payments:
 *
 * Undoes every match of the invoice: it is unpaid again, its payments free.
 */
gboolean
kab_store_clear_invoice_payments (KabStore  *self,
                                  gint64     invoice_id,
                                  GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  if (!kab_store_tx_begin (self, error))
    return FALSE;
  stmt = kab_store_prepare (self, "DELETE FROM invoice_payment WHERE invoice_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  if (!kab_store_step_done (self, stmt, error))
    goto fail;
  stmt = kab_store_prepare (self, "UPDATE invoice SET payment_id = 0 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  if (!kab_store_step_done (self, stmt, error))
    goto fail;
  return kab_store_tx_commit (self, error);

fail:
  kab_store_tx_rollback (self);
  return FALSE;
}

static void
add_id (sqlite3_stmt *stmt,
        gpointer      user_data)
{
  gint64 *id = g_new (gint64, 1);

  *id = sqlite3_column_int64 (stmt, 0);
  g_hash_table_add (user_data, id);
}

/**
 * kab_store_list_unmatched_payments:
 *
 * Returns: (transfer full) (element-type KabPayment): the client's payments that pay no
 *   invoice yet, newest first
 */
GPtrArray *
kab_store_list_unmatched_payments (KabStore  *self,
                                   gint64     client_id,
                                   GError   **error)
{
  g_autoptr(GListModel) payments = NULL;
  g_autoptr(GHashTable) matched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GPtrArray *unmatched;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);
  g_return_val_if_fail (client_id > 0, NULL);

  stmt = kab_store_prepare (self,
    "SELECT invoice_payment.payment_id FROM invoice_payment"
    " JOIN invoice ON invoice.id = invoice_payment.invoice_id WHERE invoice.client_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  if (!kab_store_each_row (self, stmt, add_id, matched, error))
    return NULL;

  payments = kab_store_list_payments (self, client_id, NULL, NULL, error);
  if (payments == NULL)
    return NULL;

  unmatched = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = g_list_model_get_n_items (payments); i > 0; i--)
    {
      g_autoptr(KabPayment) payment = g_list_model_get_item (payments, i - 1);
      gint64 id = kab_payment_get_id (payment);

      if (!g_hash_table_contains (matched, &id))
        g_ptr_array_add (unmatched, g_steal_pointer (&payment));
    }
  return unmatched;
}
