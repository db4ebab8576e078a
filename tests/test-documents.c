/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-documents.c: the practice's identity in the store, receipt numbers, document languages */

#include "config.h"

#include <sqlite3.h>

#include <string.h>

#include "kab-check-digits.h"
#include "kab-country.h"
#include "kab-model-error.h"
#include "kab-store.h"
#include "kab-store-documents.h"
#include "kab-store-invoice-payments.h"
#include "kab-store-private.h"
#include "kab-test-store.h"

typedef KabTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  kab_test_store_set_up (fixture, "documents");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kab_test_store_tear_down (fixture);
}

static void
reopen (Fixture *fixture)
{
  kab_test_store_reopen (fixture);
}

static void
set_country (KabStore   *store,
             const char *country)
{
  g_autoptr(KabPractice) practice = kab_practice_copy (kab_store_get_practice (store));
  g_autoptr(GError) error = NULL;

  kab_practice_set_country (practice, country);
  /* the currency of the payments these tests record */
  if (g_str_equal (country, KAB_COUNTRY_SWEDEN))
    kab_practice_set_currency (practice, "SEK");
  g_assert_true (kab_store_save_practice (store, practice, &error));
  g_assert_no_error (error);
}

static gint64
add_client (KabStore *store)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (client, "given-name", "Astrid", "family-name", "Lindqvist", NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_assert_no_error (error);
  return kab_client_get_id (client);
}

static KabPayment *
add_payment (KabStore *store,
             gint64    client_id)
{
  KabPayment *payment = kab_payment_new ();
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 3, 2, 10, 0, 0);
  g_autoptr(GError) error = NULL;

  g_object_set (payment, "client-id", client_id, "date", date, "amount", (gint64)120000,
                "currency", "SEK", NULL);
  g_assert_true (kab_store_save_payment (store, payment, &error));
  g_assert_no_error (error);
  return payment;
}

static void
test_identity_saved (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(KabPracticeIdentity) edit = NULL;
  g_autoptr(GError) error = NULL;
  KabPracticeIdentity *identity;

  set_country (fixture->store, KAB_COUNTRY_SWEDEN);
  edit = kab_practice_identity_copy (kab_store_get_identity (fixture->store));
  kab_practice_identity_set_tax_id (edit, "556036-0793");
  kab_practice_identity_set_f_tax (edit, TRUE);
  kab_practice_identity_set_licensed (edit, FALSE);
  kab_practice_identity_set_bankgiro (edit, "5050-1055");
  kab_practice_identity_set_vat_percent (edit, 12);
  kab_practice_identity_set_sales_account (edit, 3001);
  kab_practice_identity_set_receipts_per_year (edit, FALSE);
  g_assert_true (kab_store_save_identity (fixture->store, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kab_practice_identity_get_tax_id (kab_store_get_identity (fixture->store)),
                   ==, "556036-0793");

  /* a number that fails its country's check is refused, and nothing changes */
  kab_practice_identity_set_tax_id (edit, "556036-0794");
  g_assert_false (kab_store_save_identity (fixture->store, edit, &error));
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  reopen (fixture);
  identity = kab_store_get_identity (fixture->store);
  g_assert_cmpstr (kab_practice_identity_get_tax_id (identity), ==, "556036-0793");
  g_assert_true (kab_practice_identity_get_f_tax (identity));
  g_assert_false (kab_practice_identity_get_licensed (identity));
  g_assert_cmpstr (kab_practice_identity_get_bankgiro (identity), ==, "5050-1055");
  g_assert_cmpint (kab_practice_identity_get_vat_percent (identity), ==, 12);
  g_assert_cmpint (kab_practice_identity_get_sales_account (identity), ==, 3001);
  g_assert_cmpint (kab_practice_identity_get_bank_account (identity), ==, 1930);
  g_assert_false (kab_practice_identity_get_receipts_per_year (identity));
}

static gint64
issue (KabStore   *store,
       KabPayment *payment,
       GDateTime  *now,
       int        *out_year)
{
  g_auto(KabReceiptRecord) record = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (kab_store_issue_receipt (store, payment, now, &record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (record.payment_id, ==, kab_payment_get_id (payment));
  if (out_year != NULL)
    *out_year = record.year;
  return record.number;
}

static void
set_failing (KabStore *store,
             gboolean  failing)
{
  const char *sql = failing
    ? "CREATE TEMP TRIGGER refuse_receipt BEFORE INSERT ON main.receipt"
      " BEGIN SELECT RAISE (ABORT, 'refused by the test'); END;"
    : "DROP TRIGGER temp.refuse_receipt;";

  g_assert_cmpint (sqlite3_exec (store->db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_receipt_numbers (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 client_id = add_client (fixture->store);
  g_autoptr(KabPayment) first = add_payment (fixture->store, client_id);
  g_autoptr(KabPayment) second = add_payment (fixture->store, client_id);
  g_autoptr(KabPayment) third = add_payment (fixture->store, client_id);
  g_autoptr(KabPayment) fourth = add_payment (fixture->store, client_id);
  g_autoptr(GDateTime) in_2026 = g_date_time_new_local (2026, 12, 31, 12, 0, 0);
  g_autoptr(GDateTime) in_2027 = g_date_time_new_local (2027, 1, 1, 9, 0, 0);
  g_auto(KabReceiptRecord) record = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = NULL;
  gboolean found = TRUE;
  int year = 0;

  /* the first receipt is number 1, whatever the payment's id */
  g_assert_cmpint (kab_payment_get_id (first), >, 0);
  g_assert_cmpint (issue (fixture->store, second, in_2026, &year), ==, 1);
  g_assert_cmpint (year, ==, 2026);
  /* printed again: the same number */
  g_assert_cmpint (issue (fixture->store, second, in_2027, &year), ==, 1);
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (issue (fixture->store, first, in_2026, NULL), ==, 2);

  /* a failed save gives its number back */
  set_failing (fixture->store, TRUE);
  g_assert_false (kab_store_issue_receipt (fixture->store, third, in_2026, &record, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (kab_store_find_receipt (fixture->store, kab_payment_get_id (third),
                                         &record, &found, &error));
  g_assert_false (found);
  set_failing (fixture->store, FALSE);
  g_assert_cmpint (issue (fixture->store, third, in_2026, NULL), ==, 3);

  /* a removed payment keeps its number: the next receipt never reuses it */
  g_assert_true (kab_store_delete_payment (fixture->store, third, &error));
  g_assert_no_error (error);
  g_assert_cmpint (issue (fixture->store, fourth, in_2026, NULL), ==, 4);

  /* each year starts again at 1 */
  {
    g_autoptr(KabPayment) next_year = add_payment (fixture->store, client_id);

    g_assert_cmpint (issue (fixture->store, next_year, in_2027, &year), ==, 1);
    g_assert_cmpint (year, ==, 2027);
  }

  g_assert_true (kab_store_find_receipt (fixture->store, kab_payment_get_id (first),
                                         &record, &found, &error));
  g_assert_true (found);
  printed = kab_receipt_record_dup_number (&record);
  g_assert_cmpstr (printed, ==, "2026-2");

  /* the «Мой налог» number typed in is kept with the receipt */
  g_assert_true (kab_store_set_receipt_tax_number (fixture->store, kab_payment_get_id (first),
                                                   " 20abc12345 ", &error));
  g_assert_no_error (error);
  kab_receipt_record_clear (&record);
  g_assert_true (kab_store_find_receipt (fixture->store, kab_payment_get_id (first),
                                         &record, &found, &error));
  g_assert_cmpstr (record.tax_receipt, ==, "20abc12345");
  g_assert_false (kab_store_set_receipt_tax_number (fixture->store, 999999, "x", &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND);
}

/* Random sequences of payments, receipts, failing saves, removed payments and reopened
 * databases: the numbers given in each year are 1..n without a gap or a repeat. */
static void
test_receipt_numbers_random (Fixture       *fixture,
                             gconstpointer  data)
{
  guint32 seed = g_test_rand_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) payments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 client_id = add_client (fixture->store);
  gint64 expected_next[2] = { 1, 1 };

  g_test_message ("seed %u", seed);

  for (int step = 0; step < 300; step++)
    {
      int op = g_rand_int_range (rand, 0, 12);
      int y = g_rand_int_range (rand, 0, 2);
      g_autoptr(GDateTime) now = g_date_time_new_local (2026 + y, 6, 1, 12, 0, 0);

      if (op < 3 || payments->len == 0)
        g_ptr_array_add (payments, add_payment (fixture->store, client_id));
      else if (op < 7)
        {
          KabPayment *payment = g_ptr_array_index (payments, g_rand_int_range (rand, 0, payments->len));
          gint64 id = kab_payment_get_id (payment);
          gint64 *known = g_hash_table_lookup (numbers, &id);
          int year = 0;
          gint64 number = issue (fixture->store, payment, now, &year);

          if (known != NULL)
            g_assert_cmpint (GPOINTER_TO_SIZE (known), ==, (gsize)(number * 10 + (year - 2026)));
          else
            {
              g_assert_cmpint (number, ==, expected_next[year - 2026]);
              expected_next[year - 2026]++;
              g_hash_table_insert (numbers, g_memdup2 (&id, sizeof id),
                                   GSIZE_TO_POINTER ((gsize)(number * 10 + (year - 2026))));
            }
        }
      else if (op < 8)
        {
          KabPayment *payment = g_ptr_array_index (payments, g_rand_int_range (rand, 0, payments->len));
          gint64 id = kab_payment_get_id (payment);
          g_auto(KabReceiptRecord) record = { 0 };

          set_failing (fixture->store, TRUE);
          if (g_hash_table_contains (numbers, &id))
            g_assert_true (kab_store_issue_receipt (fixture->store, payment, now, &record, NULL));
          else
            g_assert_false (kab_store_issue_receipt (fixture->store, payment, now, &record, NULL));
          set_failing (fixture->store, FALSE);
        }
      else if (op < 9)
        {
          guint index = g_rand_int_range (rand, 0, payments->len);

          g_assert_true (kab_store_delete_payment (fixture->store, g_ptr_array_index (payments, index), NULL));
          g_ptr_array_remove_index (payments, index);
        }
      else
        reopen (fixture);
    }
}

static void
add_charge (KabStore  *store,
            gint64     client_id,
            GDateTime *date,
            gint64     amount)
{
  g_autoptr(KabCharge) charge = kab_charge_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (charge, "client-id", client_id, "date", date, "amount", amount,
                "currency", "SEK", "kind", KAB_CHARGE_KIND_SESSION, NULL);
  g_assert_true (kab_store_save_charge (store, charge, &error));
  g_assert_no_error (error);
}

static void
test_invoices (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 client_id;
  gint64 other_id;
  g_autoptr(GDateTime) march = g_date_time_new_local (2026, 3, 1, 0, 0, 0);
  g_autoptr(GDateTime) april = g_date_time_new_local (2026, 4, 1, 0, 0, 0);
  g_autoptr(GDateTime) may = g_date_time_new_local (2026, 5, 1, 0, 0, 0);
  g_autoptr(GDateTime) session = g_date_time_new_local (2026, 3, 10, 9, 0, 0);
  g_autoptr(GDateTime) session2 = g_date_time_new_local (2026, 3, 24, 9, 0, 0);
  g_autoptr(GDateTime) issued = g_date_time_new_local (2026, 4, 2, 12, 0, 0);
  g_autoptr(GDateTime) before_due = g_date_time_new_local (2026, 4, 16, 12, 0, 0);
  g_autoptr(GDateTime) after_due = g_date_time_new_local (2026, 4, 18, 12, 0, 0);
  g_auto(KabInvoiceRecord) first = { 0 };
  g_auto(KabInvoiceRecord) again = { 0 };
  g_auto(KabInvoiceRecord) none = { 0 };
  g_autoptr(KabPayment) payment = NULL;
  g_autoptr(KabPayment) others = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ocr_base = NULL;
  gint64 matched = -1;

  set_country (fixture->store, KAB_COUNTRY_SWEDEN);
  client_id = add_client (fixture->store);
  other_id = add_client (fixture->store);
  add_charge (fixture->store, client_id, session, 120000);
  add_charge (fixture->store, client_id, session2, 120000);

  /* a period without charges is not invoiced, and takes no number */
  g_assert_false (kab_store_issue_invoice (fixture->store, client_id, april, may, issued, &none, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  g_clear_error (&error);

  g_assert_true (kab_store_issue_invoice (fixture->store, client_id, march, april, issued, &first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first.number, ==, 1);
  g_assert_cmpint (first.year, ==, 2026);
  g_assert_cmpint (first.amount, ==, 240000);
  g_assert_null (first.sent);
  /* due after the practice's 14 days */
  g_assert_cmpint (g_date_time_difference (first.due, first.issued) / G_TIME_SPAN_DAY, ==, 14);
  /* Sweden: an OCR number, year and number, a length digit and a Luhn digit */
  g_assert_true (kab_se_ocr_is_valid (first.reference));
  ocr_base = g_strndup (first.reference, strlen (first.reference) - 2);
  g_assert_cmpstr (ocr_base, ==, "20260001");

  /* the same period again: the same invoice */
  g_assert_true (kab_store_issue_invoice (fixture->store, client_id, march, april, issued, &again, &error));
  g_assert_cmpint (again.id, ==, first.id);

  /* not sent: not overdue; sent and past its due day: overdue */
  overdue = kab_store_list_overdue_invoices (fixture->store, after_due, &error);
  g_assert_cmpuint (overdue->len, ==, 0);
  g_clear_pointer (&overdue, g_ptr_array_unref);
  g_assert_true (kab_store_mark_invoice_sent (fixture->store, first.id, issued, &error));
  overdue = kab_store_list_overdue_invoices (fixture->store, before_due, &error);
  g_assert_cmpuint (overdue->len, ==, 0);
  g_clear_pointer (&overdue, g_ptr_array_unref);
  overdue = kab_store_list_overdue_invoices (fixture->store, after_due, &error);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_clear_pointer (&overdue, g_ptr_array_unref);

  /* another client's payment cannot pay it; the client's, with the reference, does */
  others = add_payment (fixture->store, other_id);
  g_assert_false (kab_store_match_invoice (fixture->store, first.id, kab_payment_get_id (others), &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_true (kab_store_match_reference (fixture->store, others, first.reference, &matched, &error));
  g_assert_cmpint (matched, ==, 0);

  payment = add_payment (fixture->store, client_id);
  {
    /* as typed from a bank statement, with spaces */
    g_autofree char *spaced = g_strdup_printf ("%.4s %s", first.reference, first.reference + 4);

    g_assert_true (kab_store_match_reference (fixture->store, payment, spaced, &matched, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (matched, ==, first.id);
  /* 1 200 kr of 2 400 kr: paid in part, still overdue */
  kab_invoice_record_clear (&again);
  g_assert_true (kab_store_load_invoice (fixture->store, first.id, &again, &error));
  g_assert_cmpint (again.payment_id, ==, 0);
  overdue = kab_store_list_overdue_invoices (fixture->store, after_due, &error);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_clear_pointer (&overdue, g_ptr_array_unref);
  /* the same payment cannot count twice; the second half pays it */
  g_assert_false (kab_store_match_invoice (fixture->store, first.id, kab_payment_get_id (payment), &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  g_clear_error (&error);
  g_clear_object (&payment);
  payment = add_payment (fixture->store, client_id);
  g_assert_true (kab_store_match_reference (fixture->store, payment, first.reference, &matched, &error));
  g_assert_cmpint (matched, ==, first.id);
  kab_invoice_record_clear (&again);
  g_assert_true (kab_store_load_invoice (fixture->store, first.id, &again, &error));
  g_assert_cmpint (again.payment_id, ==, kab_payment_get_id (payment));
  g_assert_nonnull (again.sent);
  overdue = kab_store_list_overdue_invoices (fixture->store, after_due, &error);
  g_assert_cmpuint (overdue->len, ==, 0);
}

/* The oracle of the matching rule: which invoice each payment pays. */
typedef struct
{
  gint64  id;
  gint64  client_id;
  gint64  amount;
  char   *currency;
} Item;

static void
item_free (Item *item)
{
  g_free (item->currency);
  g_free (item);
}

static gint64
oracle_paid (GHashTable *matches,
             GPtrArray  *payments,
             gint64      invoice_id)
{
  gint64 sum = 0;

  for (guint i = 0; i < payments->len; i++)
    {
      Item *payment = g_ptr_array_index (payments, i);
      gpointer invoice = g_hash_table_lookup (matches, &payment->id);

      if (invoice != NULL && *(gint64 *)invoice == invoice_id)
        sum += payment->amount;
    }
  return sum;
}

static void
check_against_oracle (KabStore   *store,
                      GPtrArray  *invoices,
                      GPtrArray  *payments,
                      GHashTable *matches,
                      gint64      client_id)
{
  g_autoptr(GPtrArray) unmatched = NULL;
  g_autoptr(GError) error = NULL;
  guint expected_unmatched = 0;

  for (guint i = 0; i < invoices->len; i++)
    {
      Item *invoice = g_ptr_array_index (invoices, i);
      g_auto(KabInvoiceRecord) record = { 0 };
      gint64 paid = -1;
      gint64 expected = oracle_paid (matches, payments, invoice->id);

      g_assert_true (kab_store_get_invoice_paid (store, invoice->id, &paid, &error));
      g_assert_no_error (error);
      /* exact, in minor units */
      g_assert_cmpint (paid, ==, expected);
      g_assert_true (kab_store_load_invoice (store, invoice->id, &record, &error));
      g_assert_cmpint (record.payment_id != 0, ==, expected >= invoice->amount);
    }

  for (guint i = 0; i < payments->len; i++)
    {
      Item *payment = g_ptr_array_index (payments, i);
      gint64 *invoice = g_hash_table_lookup (matches, &payment->id);

      g_assert_cmpint (kab_store_find_payment_invoice (store, payment->id, &error), ==,
                       invoice != NULL ? *invoice : 0);
      g_assert_no_error (error);
      expected_unmatched += invoice == NULL && payment->client_id == client_id;
    }

  unmatched = kab_store_list_unmatched_payments (store, client_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unmatched->len, ==, expected_unmatched);
  for (guint i = 0; i < unmatched->len; i++)
    {
      gint64 id = kab_payment_get_id (g_ptr_array_index (unmatched, i));

      g_assert_null (g_hash_table_lookup (matches, &id));
      g_assert_cmpint (kab_payment_get_client_id (g_ptr_array_index (unmatched, i)), ==, client_id);
    }
}

/* Random payments, matches, removals and undos against the rule: a payment pays at most
 * one invoice, of its client and currency; an invoice is paid once the payments matched to
 * it add up to its amount, to the minor unit, and takes no more payments then. */
static void
test_invoice_payments_random (Fixture       *fixture,
                              gconstpointer  data)
{
  guint32 seed = g_test_rand_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) invoices = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  g_autoptr(GPtrArray) payments = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  g_autoptr(GHashTable) matches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  gint64 clients[2];
  guint refused = 0, paid_in_full = 0;

  g_test_message ("seed %u", seed);
  set_country (fixture->store, KAB_COUNTRY_SWEDEN);
  clients[0] = add_client (fixture->store);
  clients[1] = add_client (fixture->store);

  /* an invoice a month, January to April, for each client */
  for (int month = 1; month <= 4; month++)
    for (int c = 0; c < 2; c++)
      {
        g_autoptr(GDateTime) from = g_date_time_new_local (2026, month, 1, 0, 0, 0);
        g_autoptr(GDateTime) to = g_date_time_add_months (from, 1);
        g_autoptr(GDateTime) session = g_date_time_new_local (2026, month, 5, 9, 0, 0);
        g_autoptr(GDateTime) issued = g_date_time_add_days (to, 1);
        g_auto(KabInvoiceRecord) record = { 0 };
        Item *item = g_new0 (Item, 1);

        add_charge (fixture->store, clients[c], session, g_rand_int_range (rand, 1, 300000));
        g_assert_true (kab_store_issue_invoice (fixture->store, clients[c], from, to, issued, &record, &error));
        g_assert_no_error (error);
        item->id = record.id;
        item->client_id = clients[c];
        item->amount = record.amount;
        item->currency = g_strdup (record.currency);
        g_ptr_array_add (invoices, item);
      }

  for (int step = 0; step < 300; step++)
    {
      int op = g_rand_int_range (rand, 0, 10);

      if (op < 3 || payments->len == 0)
        {
          /* a payment, sometimes in another currency */
          g_autoptr(KabPayment) payment = kab_payment_new ();
          g_autoptr(GDateTime) date = g_date_time_new_local (2026, 5, 1 + step % 28, 10, 0, 0);
          Item *item = g_new0 (Item, 1);

          item->client_id = clients[g_rand_int_range (rand, 0, 2)];
          item->amount = g_rand_int_range (rand, 1, 200000);
          item->currency = g_strdup (g_rand_int_range (rand, 0, 8) == 0 ? "EUR" : "SEK");
          g_object_set (payment, "client-id", item->client_id, "date", date, "amount", item->amount,
                        "currency", item->currency, NULL);
          g_assert_true (kab_store_save_payment (fixture->store, payment, &error));
          g_assert_no_error (error);
          item->id = kab_payment_get_id (payment);
          g_ptr_array_add (payments, item);
        }
      else if (op < 8)
        {
          /* a match by hand: allowed exactly when the rule allows it */
          Item *invoice = g_ptr_array_index (invoices, g_rand_int_range (rand, 0, invoices->len));
          Item *payment = g_ptr_array_index (payments, g_rand_int_range (rand, 0, payments->len));
          gint64 before = oracle_paid (matches, payments, invoice->id);
          gboolean allowed = payment->client_id == invoice->client_id &&
                             g_str_equal (payment->currency, invoice->currency) &&
                             g_hash_table_lookup (matches, &payment->id) == NULL &&
                             before < invoice->amount;
          gint64 left = -1;
          gboolean done = kab_store_add_invoice_payment (fixture->store, invoice->id, payment->id,
                                                         &left, &error);

          g_assert_cmpint (done, ==, allowed);
          if (done)
            {
              g_assert_no_error (error);
              g_hash_table_insert (matches, g_memdup2 (&payment->id, sizeof (gint64)),
                                   g_memdup2 (&invoice->id, sizeof (gint64)));
              g_assert_cmpint (left, ==, MAX (invoice->amount - before - payment->amount, 0));
              paid_in_full += left == 0;
            }
          else
            {
              g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
              g_clear_error (&error);
              refused++;
            }
        }
      else if (op == 8)
        {
          /* a payment removed: it pays nothing any more */
          guint index = g_rand_int_range (rand, 0, payments->len);
          Item *item = g_ptr_array_index (payments, index);
          g_autoptr(GListModel) listed = kab_store_list_payments (fixture->store, item->client_id,
                                                                  NULL, NULL, &error);

          for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
            {
              g_autoptr(KabPayment) payment = g_list_model_get_item (listed, i);

              if (kab_payment_get_id (payment) == item->id)
                {
                  g_assert_true (kab_store_delete_payment (fixture->store, payment, &error));
                  g_assert_no_error (error);
                }
            }
          g_hash_table_remove (matches, &item->id);
          g_ptr_array_remove_index (payments, index);
        }
      else if (op == 9 || op == 10)
        {
          /* a payment corrected: another amount (paid exactly when the sum still covers
           * its invoice), or another client (it pays none of its invoices any more) */
          Item *item = g_ptr_array_index (payments, g_rand_int_range (rand, 0, payments->len));
          g_autoptr(GListModel) listed = kab_store_list_payments (fixture->store, item->client_id,
                                                                  NULL, NULL, &error);

          for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
            {
              g_autoptr(KabPayment) payment = g_list_model_get_item (listed, i);

              if (kab_payment_get_id (payment) != item->id)
                continue;
              if (op == 9)
                item->amount = g_rand_int_range (rand, 1, 200000);
              else
                {
                  item->client_id = item->client_id == clients[0] ? clients[1] : clients[0];
                  g_hash_table_remove (matches, &item->id);
                }
              g_object_set (payment, "amount", item->amount, "client-id", item->client_id, NULL);
              g_assert_true (kab_store_save_payment (fixture->store, payment, &error));
              g_assert_no_error (error);
            }
        }
      else
        {
          /* every match of an invoice undone */
          Item *invoice = g_ptr_array_index (invoices, g_rand_int_range (rand, 0, invoices->len));
          GHashTableIter iter;
          gpointer value;

          g_assert_true (kab_store_match_invoice (fixture->store, invoice->id, 0, &error));
          g_assert_no_error (error);
          g_hash_table_iter_init (&iter, matches);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            if (*(gint64 *)value == invoice->id)
              g_hash_table_iter_remove (&iter);
        }

      check_against_oracle (fixture->store, invoices, payments, matches, clients[step % 2]);
    }

  g_test_message ("%u matches refused, %u invoices paid in full", refused, paid_in_full);
  /* the rule survives a reopening */
  reopen (fixture);
  check_against_oracle (fixture->store, invoices, payments, matches, clients[0]);
}

static void
test_client_language (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 client_id = add_client (fixture->store);
  g_autoptr(KabPractice) practice = kab_practice_copy (kab_store_get_practice (fixture->store));
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  g_autofree char *set = NULL;
  g_autofree char *reset = NULL;

  kab_practice_set_form_language (practice, "sv");
  g_assert_true (kab_store_save_practice (fixture->store, practice, NULL));

  language = kab_store_dup_client_language (fixture->store, client_id);
  g_assert_cmpstr (language, ==, "sv");

  g_assert_true (kab_store_set_client_language (fixture->store, client_id, "ru", &error));
  g_assert_no_error (error);
  reopen (fixture);
  set = kab_store_dup_client_language (fixture->store, client_id);
  g_assert_cmpstr (set, ==, "ru");

  g_assert_false (kab_store_set_client_language (fixture->store, client_id, "de", &error));
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_true (kab_store_set_client_language (fixture->store, client_id, NULL, &error));
  reset = kab_store_dup_client_language (fixture->store, client_id);
  g_assert_cmpstr (reset, ==, "sv");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/documents/identity", Fixture, NULL, fixture_set_up, test_identity_saved, fixture_tear_down);
  g_test_add ("/documents/receipt-numbers", Fixture, NULL, fixture_set_up, test_receipt_numbers, fixture_tear_down);
  g_test_add ("/documents/receipt-numbers-random", Fixture, NULL, fixture_set_up, test_receipt_numbers_random, fixture_tear_down);
  g_test_add ("/documents/invoices", Fixture, NULL, fixture_set_up, test_invoices, fixture_tear_down);
  g_test_add ("/documents/invoice-payments-random", Fixture, NULL, fixture_set_up, test_invoice_payments_random, fixture_tear_down);
  g_test_add ("/documents/client-language", Fixture, NULL, fixture_set_up, test_client_language, fixture_tear_down);

  return g_test_run ();
}
