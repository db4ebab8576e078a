/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-currency.c: changing the practice's currency by an explicit conversion, checked
 * against an oracle written from the rule, on random ledgers */

#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "kab-exchange-rate.h"
#include "kab-model-error.h"
#include "kab-store.h"
#include "kab-store-billing.h"
#include "kab-store-documents.h"
#include "kab-test-store.h"

/* The rule, as the issue says it: each client's balance becomes round (balance × rate)
 * in the new currency, half away from zero, to the minor unit (every currency here has
 * two decimals). Computed in 128 bits with the remainder, not as the store does. */
static gint64
oracle_convert (gint64  minor,
                guint64 units,
                guint   scale)
{
  unsigned __int128 magnitude = (unsigned __int128)(minor < 0 ? -minor : minor) * units;
  unsigned __int128 divisor = 1;
  unsigned __int128 quotient;
  unsigned __int128 remainder;

  for (guint i = 0; i < scale; i++)
    divisor *= 10;

  quotient = magnitude / divisor;
  remainder = magnitude % divisor;
  if (remainder * 2 >= divisor)
    quotient++;

  return minor < 0 ? -(gint64)quotient : (gint64)quotient;
}

typedef struct
{
  KabTestStore  db;
  sqlite3      *raw;      /* a second connection: the tables as they are on disk */
  GRand        *rand;
  guint32       seed;
  GArray       *clients;  /* gint64 ids */
  GHashTable   *balances; /* id → expected balance in the practice's currency */
  GHashTable   *fees;     /* id → expected fee */
  GPtrArray    *history;  /* the currencies the practice has had, oldest first */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KabPractice) practice = NULL;
  g_autoptr(GError) error = NULL;

  kab_test_store_set_up (&f->db, "currency");
  g_assert_cmpint (sqlite3_open_v2 (f->db.path, &f->raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  f->seed = g_test_rand_int ();
  g_test_message ("seed %u", f->seed);
  g_print ("# seed %u\n", f->seed);
  f->rand = g_rand_new_with_seed (f->seed);
  f->clients = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->balances = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  f->fees = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  f->history = g_ptr_array_new_with_free_func (g_free);

  practice = kab_practice_copy (kab_store_get_practice (f->db.store));
  kab_practice_set_currency (practice, "EUR");
  kab_practice_set_default_fee (practice, 9050);
  g_assert_true (kab_store_save_practice (f->db.store, practice, &error));
  g_assert_no_error (error);
  g_ptr_array_add (f->history, g_strdup ("EUR"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sqlite3_close (f->raw);
  g_rand_free (f->rand);
  g_array_unref (f->clients);
  g_hash_table_unref (f->balances);
  g_hash_table_unref (f->fees);
  g_ptr_array_unref (f->history);
  kab_test_store_tear_down (&f->db);
}

static gint64 *
expected (GHashTable *table,
          gint64      id)
{
  gint64 *value = g_hash_table_lookup (table, &id);

  if (value == NULL)
    {
      value = g_new0 (gint64, 1);
      g_hash_table_insert (table, g_memdup2 (&id, sizeof id), value);
    }
  return value;
}

static const char *
current (Fixture *f)
{
  return f->history->pdata[f->history->len - 1];
}

/* Every row of @table, one string per row, in id order: what "unchanged" is compared on. */
static GPtrArray *
dump (Fixture    *f,
      const char *table,
      const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s %s ORDER BY rowid", table, where);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (f->raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *)sqlite3_column_text (stmt, i);

          g_string_append_printf (row, "%s|", text != NULL ? text : "NULL");
        }
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  sqlite3_finalize (stmt);
  return rows;
}

static void
assert_same_rows (GPtrArray *before,
                  GPtrArray *after)
{
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (before->pdata[i], ==, after->pdata[i]);
}

static gint64
raw_int (Fixture    *f,
         const char *sql,
         gint64      id,
         const char *text)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (f->raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
add_entry (Fixture *f,
           gint64   client_id,
           gint64   amount)     /* > 0 a charge, < 0 a payment */
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) date = g_date_time_add_days (now, -g_rand_int_range (f->rand, 0, 400));
  g_autoptr(GError) error = NULL;

  if (amount > 0)
    {
      g_autoptr(KabCharge) charge = kab_charge_new ();

      g_object_set (charge, "client-id", client_id, "date", date, "amount", amount,
                    "currency", current (f), "kind", KAB_CHARGE_KIND_OTHER, NULL);
      g_assert_true (kab_store_save_charge (f->db.store, charge, &error));
    }
  else
    {
      g_autoptr(KabPayment) payment = kab_payment_new ();

      g_object_set (payment, "client-id", client_id, "date", date, "amount", -amount,
                    "currency", current (f), "method", KAB_PAYMENT_METHOD_CASH, NULL);
      g_assert_true (kab_store_save_payment (f->db.store, payment, &error));
    }
  g_assert_no_error (error);
  *expected (f->balances, client_id) += amount;
}

/* A few clients more, and entries for old and new clients alike: debts, credits, and
 * balances that are exactly zero. */
static void
add_random_ledger (Fixture *f)
{
  guint n_new = g_rand_int_range (f->rand, 1, 12);

  for (guint i = 0; i < n_new; i++)
    {
      gint64 fee = g_rand_boolean (f->rand) ? g_rand_int_range (f->rand, 0, 500000) : 0;
      gint64 id = kab_test_store_add_client (f->db.store, "Test", "Client",
                                             KAB_BILLING_PLAN_PER_SESSION, fee);

      g_array_append_val (f->clients, id);
      *expected (f->fees, id) = fee;
    }

  for (guint i = 0; i < f->clients->len; i++)
    {
      gint64 id = g_array_index (f->clients, gint64, i);
      guint n = g_rand_int_range (f->rand, 0, 5);

      for (guint e = 0; e < n; e++)
        {
          gint64 amount = g_rand_int_range (f->rand, 1, 2000000);

          add_entry (f, id, g_rand_boolean (f->rand) ? amount : -amount);
        }

      /* Settled to the minor unit: nothing to convert. */
      if (g_rand_int_range (f->rand, 0, 5) == 0 && *expected (f->balances, id) != 0)
        add_entry (f, id, -*expected (f->balances, id));
    }
}

/* A rate between 0.01 and 12 (below 1 once amounts grow large, so that a chain of
 * conversions stays within the largest amount), with 0 to 6 decimals. */
static void
random_rate (Fixture         *f,
             gint64           largest,
             KabExchangeRate *out_rate)
{
  guint scale = g_rand_int_range (f->rand, 0, KAB_EXCHANGE_RATE_MAX_DECIMALS + 1);
  guint64 one = 1;
  guint64 units;
  g_autofree char *text = NULL;
  guint64 divisor = 1;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < scale; i++)
    divisor *= 10;
  one = divisor;
  units = g_rand_int_range (f->rand, MAX (1, one / 100), (largest > 100000000 ? 1 : 12) * one + 1);

  /* Typed as the user would, with a point or a comma. */
  if (scale == 0)
    text = g_strdup_printf ("%" G_GUINT64_FORMAT, units);
  else
    text = g_strdup_printf ("%" G_GUINT64_FORMAT "%c%0*" G_GUINT64_FORMAT, units / divisor,
                            g_rand_boolean (f->rand) ? '.' : ',', (int)scale, units % divisor);
  g_test_message ("rate %s", text);
  g_assert_true (kab_exchange_rate_parse (text, out_rate, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (out_rate->units, ==, units);
  g_assert_cmpuint (out_rate->scale, ==, scale);
}

static void
check_after (Fixture   *f,
             KabStore  *store)
{
  g_autoptr(GHashTable) balances = kab_store_get_all_balances (store, NULL);

  g_assert_cmpstr (kab_practice_get_currency (kab_store_get_practice (store)), ==, current (f));

  for (guint i = 0; i < f->clients->len; i++)
    {
      gint64 id = g_array_index (f->clients, gint64, i);
      gint64 want = *expected (f->balances, id);
      KabClient *client = kab_store_find_client (store, id);

      g_assert_cmpint (*(gint64 *)g_hash_table_lookup (balances, &id), ==, want);
      g_assert_cmpint (kab_client_get_balance (client), ==, want);
      g_assert_cmpint (kab_client_get_fee (client), ==, *expected (f->fees, id));
      g_assert_cmpint (raw_int (f, "SELECT fee FROM client WHERE id = ?1", id, NULL), ==,
                       *expected (f->fees, id));

      /* Entries per currency: every currency the practice left nets to zero, the one it
       * keeps now to the balance. */
      for (guint c = 0; c < f->history->len; c++)
        {
          const char *code = f->history->pdata[c];
          gint64 sum = raw_int (f,
            "SELECT (SELECT coalesce (sum (amount), 0) FROM charge WHERE client_id = ?1 AND currency = ?2)"
            " - (SELECT coalesce (sum (amount), 0) FROM payment WHERE client_id = ?1 AND currency = ?2)",
            id, code);

          g_assert_cmpint (sum, ==, g_str_equal (code, current (f)) ? want : 0);
        }
    }
}

static gint64
largest_amount (Fixture *f)
{
  gint64 largest = kab_practice_get_default_fee (kab_store_get_practice (f->db.store));
  GHashTable *tables[] = { f->balances, f->fees };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, tables[t]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        largest = MAX (largest, ABS (*(gint64 *)value));
    }
  return largest;
}

static GPtrArray *
dump_up_to (Fixture    *f,
            const char *table,
            gint64      last_id)
{
  g_autofree char *where = g_strdup_printf ("WHERE rowid <= %" G_GINT64_FORMAT, last_id);

  return dump (f, table, where);
}

static void
convert (Fixture    *f,
         const char *to)
{
  gint64 charges_before = raw_int (f, "SELECT coalesce (max (id), ?1) FROM charge", 0, NULL);
  gint64 payments_before = raw_int (f, "SELECT coalesce (max (id), ?1) FROM payment", 0, NULL);
  g_autoptr(GPtrArray) charges = dump (f, "charge", "");
  g_autoptr(GPtrArray) payments = dump (f, "payment", "");
  g_autoptr(GPtrArray) packages = dump (f, "package", "");
  g_autoptr(GPtrArray) invoices = dump (f, "invoice", "");
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  KabExchangeRate rate;
  guint n_clients = 0;
  guint n_nonzero = 0;
  gint64 opened = 0;
  gint64 default_fee = kab_practice_get_default_fee (kab_store_get_practice (f->db.store));
  GHashTableIter iter;
  gpointer value;

  random_rate (f, largest_amount (f), &rate);

  g_hash_table_iter_init (&iter, f->balances);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      gint64 *balance = value;

      if (*balance != 0)
        n_nonzero++;
      *balance = oracle_convert (*balance, rate.units, rate.scale);
      if (*balance != 0)
        opened++;
    }
  g_hash_table_iter_init (&iter, f->fees);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    *(gint64 *)value = oracle_convert (*(gint64 *)value, rate.units, rate.scale);

  g_assert_true (kab_store_convert_currency (f->db.store, to, &rate, &n_clients, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_clients, ==, n_nonzero);
  g_ptr_array_add (f->history, g_strdup (to));
  g_assert_cmpint (kab_practice_get_default_fee (kab_store_get_practice (f->db.store)), ==,
                   oracle_convert (default_fee, rate.units, rate.scale));

  /* History is never rewritten: every row that was there is there, the same. */
  after = dump_up_to (f, "charge", charges_before);
  assert_same_rows (charges, after);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = dump_up_to (f, "payment", payments_before);
  assert_same_rows (payments, after);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = dump (f, "package", "");
  assert_same_rows (packages, after);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = dump (f, "invoice", "");
  assert_same_rows (invoices, after);

  /* Two entries per balance moved (one when it rounds to nothing), marked as the
   * conversion's and saying so in their note; nothing else was added. */
  g_assert_cmpint (raw_int (f, "SELECT count (*) FROM charge WHERE id > ?1", charges_before, NULL) +
                   raw_int (f, "SELECT count (*) FROM payment WHERE id > ?1", payments_before, NULL),
                   ==, n_nonzero + opened);
  g_assert_cmpint (raw_int (f, "SELECT count (*) FROM charge WHERE id > ?1"
                               " AND (conversion_id IS NULL OR instr (note, ?2) = 0)",
                            charges_before, to), ==, 0);
  g_assert_cmpint (raw_int (f, "SELECT count (*) FROM payment WHERE id > ?1"
                               " AND (conversion_id IS NULL OR instr (note, ?2) = 0)",
                            payments_before, to), ==, 0);

  check_after (f, f->db.store);
}

static const char * const chain[] = { "SEK", "NOK", "RUB", "EUR", "SEK", "USD" };

/* EUR → SEK → NOK → … with random entries between: after each conversion every balance
 * is the oracle's, each left currency nets to zero per client, nothing old changed; and
 * all of it still holds after a restart. */
static void
test_random (Fixture       *f,
             gconstpointer  data)
{
  for (guint round = 0; round < G_N_ELEMENTS (chain); round++)
    {
      add_random_ledger (f);
      check_after (f, f->db.store);
      convert (f, chain[round]);
    }

  check_after (f, kab_test_store_reopen (&f->db));

  /* The currency of a day: the one left at the first conversion after it. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) before = g_date_time_add_days (now, -1);
    g_autoptr(GDateTime) after = g_date_time_add_days (now, 1);
    g_autofree char *then = kab_store_dup_currency_on (f->db.store, before);
    g_autofree char *later = kab_store_dup_currency_on (f->db.store, after);

    g_assert_cmpstr (then, ==, "EUR");
    g_assert_cmpstr (later, ==, current (f));
  }
}

static void
assert_refused (Fixture    *f,
                const char *to,
                const char *rate_text)
{
  g_autoptr(GPtrArray) charges = dump (f, "charge", "");
  g_autoptr(GPtrArray) payments = dump (f, "payment", "");
  g_autoptr(GPtrArray) clients = dump (f, "client", "");
  g_autoptr(GPtrArray) practice = dump (f, "practice", "");
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  KabExchangeRate rate = { 0, 0 };

  if (rate_text != NULL)
    {
      g_assert_false (kab_exchange_rate_parse (rate_text, &rate, &error));
      g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);
      rate.units = 0;
    }
  else
    {
      rate.units = 1150;
      rate.scale = 2;
    }

  g_assert_false (kab_store_convert_currency (f->db.store, to, &rate, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");

  after = dump (f, "charge", "");
  assert_same_rows (charges, after);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = dump (f, "payment", "");
  assert_same_rows (payments, after);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = dump (f, "client", "");
  assert_same_rows (clients, after);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = dump (f, "practice", "");
  assert_same_rows (practice, after);
  g_assert_cmpint (raw_int (f, "SELECT count (*) + ?1 FROM currency_conversion", 0, NULL), ==, 0);
  g_assert_cmpstr (kab_practice_get_currency (kab_store_get_practice (f->db.store)), ==, "EUR");
}

/* A rate that is not a positive number is a GError from the model, and nothing is
 * written; so is a conversion to the same currency or to no currency. */
static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  const char * const bad[] = { "0", "0.000", "-1", "-11.50", "", "   ", "abc", "11.5x",
                               "1,2,3", "1.2.3", "0.0000001", "1e3", "10000000000", "SEK" };

  add_random_ledger (f);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("rate “%s”", bad[i]);
      assert_refused (f, "SEK", bad[i]);
    }
  assert_refused (f, "EUR", NULL);
  assert_refused (f, "XYZ", NULL);
}

/* An unpaid invoice asks for money in its own currency: no conversion while one is open;
 * once it is paid, the conversion goes through and the invoice keeps its currency. */
static void
test_open_invoice (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) from = g_date_time_add_days (now, -500);
  g_autoptr(GDateTime) to = g_date_time_add_days (now, 1);
  g_auto(KabInvoiceRecord) invoice = { 0 };
  g_autoptr(KabPayment) payment = kab_payment_new ();
  g_autoptr(GError) error = NULL;
  KabConversionPreview preview = { 0, };
  gint64 id;

  add_random_ledger (f);
  id = g_array_index (f->clients, gint64, 0);
  add_entry (f, id, 12345);
  g_assert_true (kab_store_issue_invoice (f->db.store, id, from, to, NULL, &invoice, &error));
  g_assert_no_error (error);

  g_assert_true (kab_store_preview_conversion (f->db.store, &preview, &error));
  g_assert_cmpuint (preview.n_open_invoices, ==, 1);
  g_assert_false (kab_store_can_convert_currency (f->db.store, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  g_clear_error (&error);
  assert_refused (f, "SEK", NULL);

  g_object_set (payment, "client-id", id, "date", now, "amount", invoice.amount,
                "currency", "EUR", "method", KAB_PAYMENT_METHOD_BANK_TRANSFER, NULL);
  g_assert_true (kab_store_save_payment (f->db.store, payment, &error));
  g_assert_no_error (error);
  *expected (f->balances, id) -= invoice.amount;
  g_assert_true (kab_store_match_invoice (f->db.store, invoice.id, kab_payment_get_id (payment), &error));
  g_assert_no_error (error);

  g_assert_true (kab_store_can_convert_currency (f->db.store, &error));
  g_assert_no_error (error);
  convert (f, "SEK");
  g_assert_cmpint (raw_int (f, "SELECT count (*) FROM invoice WHERE id = ?1 AND currency = ?2",
                            invoice.id, "EUR"), ==, 1);
}

/* A charge made in the same second as the conversion comes before the conversion's
 * closing entry in the client's ledger, and the opening entry last: each line's balance
 * is the one after it. (The ledger once put the closing entry first at one moment.) */
static void
test_same_moment (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 12, 5, 10, 0, 0);
  gint64 client = kab_test_store_add_client (f->db.store, "Anna", "Berg", KAB_BILLING_PLAN_PER_SESSION, 0);
  g_autoptr(KabCharge) charge = kab_charge_new ();
  g_autoptr(GListModel) ledger = NULL;
  g_autoptr(GError) error = NULL;
  KabExchangeRate rate;
  gint64 expected_balance = 0;
  const gint64 amounts[] = { 10000, -10000, 115000 };

  kab_store_set_test_now (now);
  g_object_set (charge, "client-id", client, "date", now, "amount", (gint64) 10000,
                "currency", current (f), "kind", KAB_CHARGE_KIND_OTHER, NULL);
  g_assert_true (kab_store_save_charge (f->db.store, charge, &error));
  g_assert_no_error (error);
  g_assert_true (kab_exchange_rate_parse ("11.50", &rate, &error));
  g_assert_no_error (error);
  g_assert_true (kab_store_convert_currency (f->db.store, "SEK", &rate, NULL, &error));
  g_assert_no_error (error);
  kab_store_set_test_now (NULL);

  ledger = kab_store_list_ledger (f->db.store, client, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ledger), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GObject) entry = g_list_model_get_item (ledger, i);
      gint64 amount = KAB_IS_CHARGE (entry) ? kab_charge_get_amount (KAB_CHARGE (entry))
                                            : -kab_payment_get_amount (KAB_PAYMENT (entry));

      g_assert_cmpint (amount, ==, amounts[i]);
      expected_balance += amount;
    }
  g_assert_cmpint (expected_balance, ==, 10000 - 10000 + 115000);
}

/* The parser and the arithmetic on their own: rounding half away from zero. */
static void
test_rate (void)
{
  KabExchangeRate rate;
  g_autoptr(GError) error = NULL;
  gint64 out = 0;

  g_assert_true (kab_exchange_rate_parse (" 11,50 ", &rate, &error));
  g_assert_cmpuint (rate.units, ==, 1150);
  g_assert_cmpuint (rate.scale, ==, 2);
  g_assert_true (kab_exchange_rate_parse ("1 000", &rate, &error));
  g_assert_cmpuint (rate.units, ==, 1000);

  /* 0.5 → 1 and −0.5 → −1: half away from zero. */
  g_assert_true (kab_exchange_rate_parse ("0.5", &rate, &error));
  g_assert_true (kab_exchange_rate_convert (&rate, 1, "EUR", "SEK", &out, &error));
  g_assert_cmpint (out, ==, 1);
  g_assert_true (kab_exchange_rate_convert (&rate, -1, "EUR", "SEK", &out, &error));
  g_assert_cmpint (out, ==, -1);
  g_assert_true (kab_exchange_rate_convert (&rate, -3, "EUR", "SEK", &out, &error));
  g_assert_cmpint (out, ==, -2);
  g_assert_true (kab_exchange_rate_parse ("0.0912", &rate, &error));
  g_assert_true (kab_exchange_rate_convert (&rate, 1234567, "SEK", "EUR", &out, &error));
  g_assert_cmpint (out, ==, 112593);  /* 112 592.5104 */
  g_assert_no_error (error);

  g_assert_true (kab_exchange_rate_parse ("1000000000", &rate, &error));
  g_assert_false (kab_exchange_rate_convert (&rate, G_GINT64_CONSTANT (1000000000000), "EUR",
                                             "SEK", &out, &error));
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/currency/rate", test_rate);
  g_test_add ("/currency/random", Fixture, NULL, fixture_set_up, test_random, fixture_tear_down);
  g_test_add ("/currency/invalid", Fixture, NULL, fixture_set_up, test_invalid, fixture_tear_down);
  g_test_add ("/currency/same-moment", Fixture, NULL, fixture_set_up, test_same_moment,
              fixture_tear_down);
  g_test_add ("/currency/open-invoice", Fixture, NULL, fixture_set_up, test_open_invoice,
              fixture_tear_down);

  return g_test_run ();
}
