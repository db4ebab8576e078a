/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-documents.c: the practice's identity, receipt numbers and document languages */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kab-check-digits.h"
#include "kab-country.h"
#include "kab-model-error.h"

#include "kab-store-invoice-payments.h"
#include "kab-store-private.h"

static const char identity_columns[] =
  "tax_id, licensed, f_tax, vat_registered, tax_status, bankgiro, plusgiro, account, bic,"
  " vat_percent, due_days, receipts_per_year, sales_account, bank_account, receivables_account";

static gboolean
load_identity (KabStore             *self,
               KabPracticeIdentity  *identity,
               GError              **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM practice_identity WHERE id = 1",
                                          identity_columns);
  sqlite3_stmt *stmt = kab_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_object_set (identity,
                  "tax-id", kab_store_column_text (stmt, 0),
                  "licensed", sqlite3_column_int (stmt, 1) != 0,
                  "f-tax", sqlite3_column_int (stmt, 2) != 0,
                  "vat-registered", sqlite3_column_int (stmt, 3) != 0,
                  "tax-status", kab_tax_status_from_nick (kab_store_column_text (stmt, 4)),
                  "bankgiro", kab_store_column_text (stmt, 5),
                  "plusgiro", kab_store_column_text (stmt, 6),
                  "account", kab_store_column_text (stmt, 7),
                  "bic", kab_store_column_text (stmt, 8),
                  "vat-percent", sqlite3_column_int (stmt, 9),
                  "due-days", sqlite3_column_int (stmt, 10),
                  "receipts-per-year", sqlite3_column_int (stmt, 11) != 0,
                  "sales-account", sqlite3_column_int (stmt, 12),
                  "bank-account", sqlite3_column_int (stmt, 13),
                  "receivables-account", sqlite3_column_int (stmt, 14),
                  NULL);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/**
 * kab_store_get_identity:
 *
 * The practice's tax and bank numbers and bookkeeping settings, read on first use. A
 * database that cannot be read gives the defaults (a warning is logged): the numbers
 * are then simply not printed.
 *
 * Returns: (transfer none): the store's object, updated by kab_store_save_identity()
 */
KabPracticeIdentity *
kab_store_get_identity (KabStore *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  if (self->identity != NULL)
    return self->identity;

  self->identity = kab_practice_identity_new ();
  if (!load_identity (self, self->identity, &error))
    g_warning ("Could not read the practice’s tax and bank numbers: %s", error->message);

  return self->identity;
}

/**
 * kab_store_save_identity:
 * @identity: the settings to save; may be the store's own object or an edited copy
 *
 * Validates @identity by the rules of the practice's country and saves it. On success
 * the store's object takes its values.
 */
gboolean
kab_store_save_identity (KabStore             *self,
                         KabPracticeIdentity  *identity,
                         GError              **error)
{
  const char *country;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (identity), FALSE);

  country = kab_practice_get_country (kab_store_get_practice (self));
  if (!kab_practice_identity_validate (identity, country, error))
    return FALSE;

  sql = g_strdup_printf ("INSERT OR REPLACE INTO practice_identity (id, %s)"
                         " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                         " ?13, ?14, ?15)", identity_columns);
  stmt = kab_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  kab_store_bind_text (stmt, 1, kab_practice_identity_get_tax_id (identity));
  sqlite3_bind_int (stmt, 2, kab_practice_identity_get_licensed (identity));
  sqlite3_bind_int (stmt, 3, kab_practice_identity_get_f_tax (identity));
  sqlite3_bind_int (stmt, 4, kab_practice_identity_get_vat_registered (identity));
  kab_store_bind_text (stmt, 5, kab_tax_status_to_nick (kab_practice_identity_get_tax_status (identity)));
  kab_store_bind_text (stmt, 6, kab_practice_identity_get_bankgiro (identity));
  kab_store_bind_text (stmt, 7, kab_practice_identity_get_plusgiro (identity));
  kab_store_bind_text (stmt, 8, kab_practice_identity_get_account (identity));
  kab_store_bind_text (stmt, 9, kab_practice_identity_get_bic (identity));
  sqlite3_bind_int (stmt, 10, kab_practice_identity_get_vat_percent (identity));
  sqlite3_bind_int (stmt, 11, kab_practice_identity_get_due_days (identity));
  sqlite3_bind_int (stmt, 12, kab_practice_identity_get_receipts_per_year (identity));
  sqlite3_bind_int (stmt, 13, kab_practice_identity_get_sales_account (identity));
  sqlite3_bind_int (stmt, 14, kab_practice_identity_get_bank_account (identity));
  sqlite3_bind_int (stmt, 15, kab_practice_identity_get_receivables_account (identity));

  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  if (identity != kab_store_get_identity (self))
    kab_practice_identity_copy_into (identity, self->identity);
  return TRUE;
}

/**
 * kab_store_fill_demo_identity:
 *
 * Tax and bank numbers for a demo practice in its country: made up, but with the check
 * digits right, so that every document shows what a real one would.
 */
gboolean
kab_store_fill_demo_identity (KabStore  *self,
                              GError   **error)
{
  g_autoptr(KabPracticeIdentity) identity = kab_practice_identity_new ();
  const char *country = kab_practice_get_country (kab_store_get_practice (self));

  if (g_strcmp0 (country, KAB_COUNTRY_SWEDEN) == 0)
    g_object_set (identity, "tax-id", "559123-4561", "f-tax", TRUE, "bankgiro", "123-4566", NULL);
  else if (g_strcmp0 (country, KAB_COUNTRY_NORWAY) == 0)
    g_object_set (identity, "tax-id", "998 877 660", "account", "8601.11.17947", NULL);
  else if (g_strcmp0 (country, KAB_COUNTRY_RUSSIA) == 0)
    g_object_set (identity, "tax-id", "770412345664", "bic", "044525225",
                  "account", "40802810600001234567", NULL);

  return kab_store_save_identity (self, identity, error);
}

/* Receipts */

void
kab_receipt_record_clear (KabReceiptRecord *record)
{
  g_clear_pointer (&record->issued, g_date_time_unref);
  g_clear_pointer (&record->tax_receipt, g_free);
}

/**
 * kab_receipt_record_dup_number:
 *
 * Returns: (transfer full): the receipt's number as printed: "2026-7" in a sequence per
 *   year, "7" in a single sequence
 */
char *
kab_receipt_record_dup_number (const KabReceiptRecord *record)
{
  if (record->year > 0)
    return g_strdup_printf ("%d-%" G_GINT64_FORMAT, record->year, record->number);
  return g_strdup_printf ("%" G_GINT64_FORMAT, record->number);
}

gboolean
kab_store_find_receipt (KabStore          *self,
                        gint64             payment_id,
                        KabReceiptRecord  *out_record,
                        gboolean          *out_found,
                        GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_record != NULL && out_found != NULL, FALSE);

  *out_found = FALSE;
  stmt = kab_store_prepare (self,
    "SELECT year, number, issued, tax_receipt FROM receipt WHERE payment_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, payment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_found = TRUE;
      out_record->payment_id = payment_id;
      out_record->year = sqlite3_column_int (stmt, 0);
      out_record->number = sqlite3_column_int64 (stmt, 1);
      out_record->issued = kab_store_column_time (stmt, 2);
      out_record->tax_receipt = g_strdup (kab_store_column_text (stmt, 3));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* Takes the next number of @year's sequence. Inside the receipt's own transaction, so
 * that a receipt that is not saved gives its number back. */
/* The next number of a counter that only grows, per year (0: one sequence), taken inside
 * the caller's transaction: a failed save rolls it back, so no number is skipped or
 * given twice. @sql is the counter's upsert, with RETURNING last. */
static gboolean
next_counter (KabStore    *self,
              const char  *sql,
              int          year,
              gint64      *out_number,
              GError     **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_number = sqlite3_column_int64 (stmt, 0);
      /* RETURNING: the row is written once the statement is stepped to its end */
      rc = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
next_number (KabStore  *self,
             int        year,
             gint64    *out_number,
             GError   **error)
{
  return next_counter (self,
                       "INSERT INTO receipt_counter (year, last) VALUES (?1, 1)"
                       " ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last",
                       year, out_number, error);
}

static gboolean
insert_receipt (KabStore          *self,
                KabReceiptRecord  *record,
                GError           **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self,
    "INSERT INTO receipt (payment_id, year, number, issued, tax_receipt)"
    " VALUES (?1, ?2, ?3, ?4, '')", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, record->payment_id);
  sqlite3_bind_int (stmt, 2, record->year);
  sqlite3_bind_int64 (stmt, 3, record->number);
  kab_store_bind_time (stmt, 4, record->issued);
  return kab_store_step_done (self, stmt, error);
}

/**
 * kab_store_issue_receipt:
 * @payment: a saved payment
 * @now: (nullable): the time of issue, whose local year is the sequence's; %NULL for now
 * @out_record: (out caller-allocates): the receipt
 *
 * The receipt of @payment: the one already issued, or a new one with the next number of
 * its sequence. The number is taken and the receipt written in one transaction, so a
 * failure leaves no gap, and a number once given is never given again, even when the
 * payment is removed.
 */
gboolean
kab_store_issue_receipt (KabStore          *self,
                         KabPayment        *payment,
                         GDateTime         *now,
                         KabReceiptRecord  *out_record,
                         GError           **error)
{
  g_auto(KabReceiptRecord) record = { 0 };
  g_autoptr(GDateTime) local = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_PAYMENT (payment), FALSE);
  g_return_val_if_fail (out_record != NULL, FALSE);

  if (kab_payment_get_id (payment) <= 0)
    {
      g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
                           _("Save the payment before its receipt."));
      return FALSE;
    }

  if (!kab_store_tx_begin (self, error))
    return FALSE;

  if (!kab_store_find_receipt (self, kab_payment_get_id (payment), &record, &found, error))
    goto fail;

  if (!found)
    {
      local = now != NULL ? g_date_time_to_local (now) : g_date_time_new_now_local ();
      record.payment_id = kab_payment_get_id (payment);
      record.year = kab_practice_identity_get_receipts_per_year (kab_store_get_identity (self))
                    ? g_date_time_get_year (local) : 0;
      record.issued = g_date_time_to_utc (local);
      record.tax_receipt = g_strdup ("");
      if (!next_number (self, record.year, &record.number, error) ||
          !insert_receipt (self, &record, error))
        goto fail;
    }

  if (!kab_store_tx_commit (self, error))
    return FALSE;

  *out_record = record;
  memset (&record, 0, sizeof record);
  return TRUE;

fail:
  kab_store_tx_rollback (self);
  return FALSE;
}

/**
 * kab_store_set_receipt_tax_number:
 * @tax_receipt: the number of the receipt made in «Мой налог» for the same payment
 */
gboolean
kab_store_set_receipt_tax_number (KabStore    *self,
                                  gint64       payment_id,
                                  const char  *tax_receipt,
                                  GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (tax_receipt != NULL ? tax_receipt : ""));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > 64)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_TEXT,
                           _("The receipt number from the tax service is too long."));
      return FALSE;
    }

  stmt = kab_store_prepare (self, "UPDATE receipt SET tax_receipt = ?2 WHERE payment_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, payment_id);
  kab_store_bind_text (stmt, 2, text);
  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
                           _("This payment has no receipt yet."));
      return FALSE;
    }

  return TRUE;
}

/* Document languages */

char *
kab_store_dup_client_language (KabStore *self,
                               gint64    client_id)
{
  sqlite3_stmt *stmt;
  char *language = NULL;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self, "SELECT language FROM client_document WHERE client_id = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, client_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        language = g_strdup (kab_store_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  if (language == NULL || *language == '\0')
    {
      g_free (language);
      language = g_strdup (kab_practice_get_form_language (kab_store_get_practice (self)));
    }

  return language;
}

/**
 * kab_store_set_client_language:
 * @language: (nullable): "en", "sv", "nb" or "ru"; %NULL or "" for the practice's
 */
gboolean
kab_store_set_client_language (KabStore    *self,
                               gint64       client_id,
                               const char  *language,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  if (!kab_store_client_exists (self, client_id, error))
    return FALSE;

  if (language == NULL || *language == '\0')
    stmt = kab_store_prepare (self, "DELETE FROM client_document WHERE client_id = ?1", error);
  else
    {
      static const char * const languages[] = { "en", "ru", "sv", "nb", NULL };

      if (!g_strv_contains (languages, language))
        {
          g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE,
                               _("Choose the language of the client’s documents: English, Russian, Swedish or Norwegian."));
          return FALSE;
        }
      stmt = kab_store_prepare (self,
        "INSERT OR REPLACE INTO client_document (client_id, language) VALUES (?1, ?2)", error);
    }
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  if (language != NULL && *language != '\0')
    kab_store_bind_text (stmt, 2, language);
  return kab_store_step_done (self, stmt, error);
}

/* Invoices */

static const char invoice_columns[] =
  "id, client_id, year, number, issued, period_from, period_to, due, amount, currency,"
  " reference, sent, payment_id";

void
kab_invoice_record_clear (KabInvoiceRecord *record)
{
  g_clear_pointer (&record->issued, g_date_time_unref);
  g_clear_pointer (&record->period_from, g_date_time_unref);
  g_clear_pointer (&record->period_to, g_date_time_unref);
  g_clear_pointer (&record->due, g_date_time_unref);
  g_clear_pointer (&record->sent, g_date_time_unref);
  g_clear_pointer (&record->currency, g_free);
  g_clear_pointer (&record->reference, g_free);
}

static void
invoice_record_free (KabInvoiceRecord *record)
{
  kab_invoice_record_clear (record);
  g_free (record);
}

/**
 * kab_invoice_record_dup_number:
 *
 * Returns: (transfer full): the invoice's number as printed, e.g. "2026-3"
 */
char *
kab_invoice_record_dup_number (const KabInvoiceRecord *record)
{
  return g_strdup_printf ("%d-%" G_GINT64_FORMAT, record->year, record->number);
}

/**
 * kab_invoice_record_is_overdue:
 *
 * Returns: whether the invoice is unpaid after its due day (the whole day counts)
 */
/* Local midnight at the start of @time's day: an invoice is overdue from the midnight
 * after its due day. */
static GDateTime *
start_of_local_day (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                g_date_time_get_day_of_month (local), 0, 0, 0);
}

gboolean
kab_invoice_record_is_overdue (const KabInvoiceRecord *record,
                               GDateTime              *now)
{
  g_autoptr(GDateTime) today = start_of_local_day (now);

  return record->payment_id == 0 && record->amount > 0 &&
         g_date_time_compare (record->due, today) < 0;
}

static void
read_invoice (sqlite3_stmt     *stmt,
              KabInvoiceRecord *record)
{
  record->id = sqlite3_column_int64 (stmt, 0);
  record->client_id = sqlite3_column_int64 (stmt, 1);
  record->year = sqlite3_column_int (stmt, 2);
  record->number = sqlite3_column_int64 (stmt, 3);
  record->issued = kab_store_column_time (stmt, 4);
  record->period_from = kab_store_column_time (stmt, 5);
  record->period_to = kab_store_column_time (stmt, 6);
  record->due = kab_store_column_time (stmt, 7);
  record->amount = sqlite3_column_int64 (stmt, 8);
  record->currency = g_strdup (kab_store_column_text (stmt, 9));
  record->reference = g_strdup (kab_store_column_text (stmt, 10));
  record->sent = kab_store_column_time (stmt, 11);
  record->payment_id = sqlite3_column_int64 (stmt, 12);
}

/* Reads the one invoice @sql (with ?1 and ?2, ?3 bound by @a, @b, @c) finds. */
static gboolean
find_invoice (KabStore          *self,
              const char        *where,
              gint64             a,
              gint64             b,
              gint64             c,
              KabInvoiceRecord  *out_record,
              gboolean          *out_found,
              GError           **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM invoice WHERE %s", invoice_columns, where);
  sqlite3_stmt *stmt = kab_store_prepare (self, sql, error);
  int rc;

  *out_found = FALSE;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, c);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_found = TRUE;
      read_invoice (stmt, out_record);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

gboolean
kab_store_load_invoice (KabStore          *self,
                        gint64             invoice_id,
                        KabInvoiceRecord  *out_record,
                        GError           **error)
{
  gboolean found = FALSE;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  if (!find_invoice (self, "id = ?1", invoice_id, 0, 0, out_record, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
                           _("This invoice no longer exists."));
      return FALSE;
    }
  return TRUE;
}

/* The payment reference of invoice @number of @year in the practice's country: an OCR
 * number (Sweden) or a KID (Norway) made of the year and the number, else the number. */
static char *
new_reference (KabStore *self,
               int       year,
               gint64    number)
{
  const char *country = kab_practice_get_country (kab_store_get_practice (self));
  g_autofree char *base = g_strdup_printf ("%d%04" G_GINT64_FORMAT, year, number);

  if (g_strcmp0 (country, KAB_COUNTRY_SWEDEN) == 0)
    return kab_se_ocr_new (base);
  if (g_strcmp0 (country, KAB_COUNTRY_NORWAY) == 0)
    return kab_no_kid_new (base);
  return g_strdup_printf ("%d-%" G_GINT64_FORMAT, year, number);
}

static gboolean
sum_charges (KabStore    *self,
             gint64       client_id,
             GDateTime   *from,
             GDateTime   *to,
             gint64      *out_amount,
             GError     **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self,
    "SELECT coalesce (sum (amount), 0) FROM charge"
    " WHERE client_id = ?1 AND date >= ?2 AND date < ?3", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  kab_store_bind_time (stmt, 2, from);
  kab_store_bind_time (stmt, 3, to);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_amount = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_invoice (KabStore          *self,
                KabInvoiceRecord  *record,
                GError           **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO invoice (%s) VALUES"
                                          " (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, NULL, 0)",
                                          invoice_columns);
  sqlite3_stmt *stmt = kab_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, record->client_id);
  sqlite3_bind_int (stmt, 2, record->year);
  sqlite3_bind_int64 (stmt, 3, record->number);
  kab_store_bind_time (stmt, 4, record->issued);
  kab_store_bind_time (stmt, 5, record->period_from);
  kab_store_bind_time (stmt, 6, record->period_to);
  kab_store_bind_time (stmt, 7, record->due);
  sqlite3_bind_int64 (stmt, 8, record->amount);
  kab_store_bind_text (stmt, 9, record->currency);
  kab_store_bind_text (stmt, 10, record->reference);
  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  record->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Takes the next invoice number of @year, inside the invoice's own transaction. */
static gboolean
next_invoice_number (KabStore  *self,
                     int        year,
                     gint64    *out_number,
                     GError   **error)
{
  return next_counter (self,
                       "INSERT INTO invoice_counter (year, last) VALUES (?1, 1)"
                       " ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last",
                       year, out_number, error);
}

/**
 * kab_store_issue_invoice:
 * @client_id: the client invoiced
 * @period_from: the first moment of the period
 * @period_to: the moment after it
 * @now: (nullable): the day of issue; %NULL for now
 * @out_record: (out caller-allocates): the invoice
 *
 * The invoice of the client's charges in the period: the one already made for that
 * period, or a new one with the next number of the year of issue, due after the
 * practice's number of days, with its payment reference. Refused when the period holds
 * no charge.
 */
gboolean
kab_store_issue_invoice (KabStore          *self,
                         gint64             client_id,
                         GDateTime         *period_from,
                         GDateTime         *period_to,
                         GDateTime         *now,
                         KabInvoiceRecord  *out_record,
                         GError           **error)
{
  g_auto(KabInvoiceRecord) record = { 0 };
  g_autoptr(GDateTime) local = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (period_from != NULL && period_to != NULL, FALSE);
  g_return_val_if_fail (out_record != NULL, FALSE);

  if (!kab_store_client_exists (self, client_id, error))
    return FALSE;
  if (!kab_store_tx_begin (self, error))
    return FALSE;

  if (!find_invoice (self, "client_id = ?1 AND period_from = ?2 AND period_to = ?3",
                     client_id, g_date_time_to_unix (period_from), g_date_time_to_unix (period_to),
                     &record, &found, error))
    goto fail;

  if (!found)
    {
      local = now != NULL ? g_date_time_to_local (now) : g_date_time_new_now_local ();
      record.client_id = client_id;
      record.year = g_date_time_get_year (local);
      record.issued = g_date_time_to_utc (local);
      record.period_from = g_date_time_ref (period_from);
      record.period_to = g_date_time_ref (period_to);
      record.due = g_date_time_add_days (record.issued,
                                         kab_practice_identity_get_due_days (kab_store_get_identity (self)));
      record.currency = g_strdup (kab_practice_get_currency (kab_store_get_practice (self)));
      if (!sum_charges (self, client_id, period_from, period_to, &record.amount, error))
        goto fail;
      if (record.amount <= 0)
        {
          g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                               _("The client has no charges in this period to invoice."));
          goto fail;
        }
      if (!next_invoice_number (self, record.year, &record.number, error))
        goto fail;
      record.reference = new_reference (self, record.year, record.number);
      if (!insert_invoice (self, &record, error))
        goto fail;
    }

  if (!kab_store_tx_commit (self, error))
    return FALSE;

  *out_record = record;
  memset (&record, 0, sizeof record);
  return TRUE;

fail:
  kab_store_tx_rollback (self);
  return FALSE;
}

/**
 * kab_store_mark_invoice_sent:
 *
 * Records that the invoice went to the client (printed or saved): the first time only.
 */
gboolean
kab_store_mark_invoice_sent (KabStore    *self,
                             gint64       invoice_id,
                             GDateTime   *now,
                             GError     **error)
{
  g_autoptr(GDateTime) when = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  sqlite3_stmt *stmt = kab_store_prepare (self,
    "UPDATE invoice SET sent = ?2 WHERE id = ?1 AND sent IS NULL", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  kab_store_bind_time (stmt, 2, when);
  return kab_store_step_done (self, stmt, error);
}

/**
 * kab_store_match_invoice:
 * @payment_id: a payment that pays the invoice (in full or in part), or 0 to undo every
 *   match of the invoice
 *
 * Matches @payment_id, which must be the same client's, to the invoice: see
 * kab_store_add_invoice_payment() for the rule.
 */
gboolean
kab_store_match_invoice (KabStore    *self,
                         gint64       invoice_id,
                         gint64       payment_id,
                         GError     **error)
{
  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  if (payment_id == 0)
    return kab_store_clear_invoice_payments (self, invoice_id, error);
  return kab_store_add_invoice_payment (self, invoice_id, payment_id, NULL, error);
}

/**
 * kab_store_match_reference:
 * @payment: a saved payment
 * @reference: the reference the client paid with (an OCR number, a KID), spaces allowed
 * @out_invoice_id: (out) (optional): the invoice matched, or 0
 *
 * Matches @payment to the unpaid invoice of its client with @reference, if there is one.
 */
gboolean
kab_store_match_reference (KabStore    *self,
                           KabPayment  *payment,
                           const char  *reference,
                           gint64      *out_invoice_id,
                           GError     **error)
{
  g_autofree char *bare = g_strdup (reference != NULL ? reference : "");
  g_auto(KabInvoiceRecord) record = { 0 };
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_PAYMENT (payment), FALSE);

  if (out_invoice_id != NULL)
    *out_invoice_id = 0;

  g_strdelimit (bare, " ", ' ');
  g_strstrip (bare);
  {
    GString *squeezed = g_string_new (NULL);

    for (const char *p = bare; *p != '\0'; p++)
      if (*p != ' ')
        g_string_append_c (squeezed, *p);
    g_free (bare);
    bare = g_string_free (squeezed, FALSE);
  }

  sql = g_strdup_printf ("SELECT %s FROM invoice WHERE client_id = ?1 AND reference = ?2"
                         " AND payment_id = 0", invoice_columns);
  stmt = kab_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, kab_payment_get_client_id (payment));
  kab_store_bind_text (stmt, 2, bare);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = TRUE;
      read_invoice (stmt, &record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }

  if (!found)
    return TRUE;

  if (!kab_store_match_invoice (self, record.id, kab_payment_get_id (payment), error))
    return FALSE;
  if (out_invoice_id != NULL)
    *out_invoice_id = record.id;
  return TRUE;
}

/**
 * kab_store_list_overdue_invoices:
 * @now: (nullable): today; %NULL for now
 *
 * Returns: (transfer full) (element-type KabInvoiceRecord): the invoices sent and not
 *   paid after their due day (from the local midnight that ends it), oldest due first
 */
GPtrArray *
kab_store_list_overdue_invoices (KabStore   *self,
                                 GDateTime  *now,
                                 GError    **error)
{
  g_autoptr(GDateTime) clock = now != NULL ? g_date_time_ref (now) : kab_store_now ();
  g_autoptr(GDateTime) today = start_of_local_day (clock);
  g_autoptr(GPtrArray) invoices = g_ptr_array_new_with_free_func ((GDestroyNotify)invoice_record_free);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  sql = g_strdup_printf ("SELECT %s FROM invoice WHERE payment_id = 0 AND sent IS NOT NULL"
                         " AND due < ?1 ORDER BY due, id", invoice_columns);
  stmt = kab_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  kab_store_bind_time (stmt, 1, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KabInvoiceRecord *record = g_new0 (KabInvoiceRecord, 1);

      read_invoice (stmt, record);
      g_ptr_array_add (invoices, record);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&invoices);
}
