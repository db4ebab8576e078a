/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-payments.c: the ledger, monthly fees, debts, income, CSV export and receipts, without a display */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "kab-csv-export.h"
#include "kab-debtor.h"
#include "kab-document-text.h"
#include "kab-documents.h"
#include "kab-demo.h"
#include "kab-ledger.h"
#include "kab-money.h"
#include "kab-print-document.h"
#include "kab-receipt.h"
#include "kab-store.h"
#include "kab-store-documents.h"
#include "kab-test-store.h"

typedef KabTestStore Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  kab_test_store_set_up (f, "payments");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kab_test_store_tear_down (f);
}

/* Helpers */

static void
set_practice (KabStore   *store,
              const char *name,
              const char *currency)
{
  g_autoptr(KabPractice) practice = kab_practice_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (practice,
                "practitioner-name", name,
                "title", "Psykologspesialist",
                "address", "Thereses gate 20, 0168 Oslo",
                "phone", "+47 915 55 123",
                "email", "ingrid@example.no",
                "currency", currency,
                NULL);
  g_assert_true (kab_store_save_practice (store, practice, &error));
  g_assert_no_error (error);
}

static KabClient *
add_client (KabStore       *store,
            const char     *given,
            const char     *family,
            KabBillingPlan  plan,
            KabClientStatus status,
            gint64          fee)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (client,
                "given-name", given,
                "family-name", family,
                "billing-plan", plan,
                "status", status,
                "fee", fee,
                NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_assert_no_error (error);

  /* The store's own object, the one it keeps the balance on. */
  return kab_store_find_client (store, kab_client_get_id (client));
}

static GDateTime *
local_day (int year,
           int month,
           int day)
{
  return g_date_time_new_local (year, month, day, 12, 0, 0);
}

static KabCharge *
charge (KabStore      *store,
        KabClient     *client,
        GDateTime     *date,
        gint64         amount,
        KabChargeKind  kind)
{
  KabCharge *result = kab_charge_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (result,
                "client-id", kab_client_get_id (client),
                "date", date,
                "amount", amount,
                "currency", kab_practice_get_currency (kab_store_get_practice (store)),
                "kind", kind,
                NULL);
  g_assert_true (kab_store_save_charge (store, result, &error));
  g_assert_no_error (error);
  return result;
}

static KabPayment *
pay (KabStore         *store,
     KabClient        *client,
     GDateTime        *date,
     gint64            amount,
     KabPaymentMethod  method,
     const char       *note)
{
  KabPayment *result = kab_payment_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (result,
                "client-id", kab_client_get_id (client),
                "date", date,
                "amount", amount,
                "currency", kab_practice_get_currency (kab_store_get_practice (store)),
                "method", method,
                "note", note,
                NULL);
  g_assert_true (kab_store_save_payment (store, result, &error));
  g_assert_no_error (error);
  return result;
}

static void
add_charge (KabStore      *store,
            KabClient     *client,
            GDateTime     *date,
            gint64         amount,
            KabChargeKind  kind)
{
  g_autoptr(KabCharge) added = charge (store, client, date, amount, kind);
}

static void
add_payment (KabStore         *store,
             KabClient        *client,
             GDateTime        *date,
             gint64            amount,
             KabPaymentMethod  method,
             const char       *note)
{
  g_autoptr(KabPayment) added = pay (store, client, date, amount, method, note);
}

static gint64
balance_of (KabStore  *store,
            KabClient *client)
{
  g_autoptr(GError) error = NULL;
  gint64 balance = G_MININT64;

  g_assert_true (kab_store_get_balance (store, kab_client_get_id (client), &balance, &error));
  g_assert_no_error (error);
  return balance;
}

static GListModel *
monthly_fees_of (KabStore  *store,
                 KabClient *client)
{
  g_autoptr(GListModel) charges = NULL;
  g_autoptr(GError) error = NULL;
  GListStore *fees = g_list_store_new (KAB_TYPE_CHARGE);

  charges = kab_store_list_charges (store, kab_client_get_id (client), NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (charges); i++)
    {
      g_autoptr(KabCharge) item = g_list_model_get_item (charges, i);

      if (kab_charge_get_kind (item) == KAB_CHARGE_KIND_MONTHLY_FEE)
        g_list_store_append (fees, item);
    }

  return G_LIST_MODEL (fees);
}

static guint
generate_fees (KabStore  *store,
               GDateTime *month)
{
  g_autoptr(GError) error = NULL;
  guint created = G_MAXUINT;

  g_assert_true (kab_store_generate_monthly_fees (store, month, &created, &error));
  g_assert_no_error (error);
  return created;
}

/* Monthly fees */

static void
set_clock (GDateTime *now)
{
  kab_store_set_test_now (now);
}

static gint64
fee_total (KabStore  *store,
           KabClient *client)
{
  g_autoptr(GListModel) fees = monthly_fees_of (store, client);
  gint64 total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (fees); i++)
    {
      g_autoptr(KabCharge) fee = g_list_model_get_item (fees, i);
      total += kab_charge_get_amount (fee);
    }
  return total;
}

/* The store charges monthly fees by itself, once per month, from the day a client is on
 * the plan; a month missed while Kabinett was closed is caught up at the next start. */
static void
test_monthly_fees_idempotent (Fixture       *f,
                              gconstpointer  data)
{
  KabClient *monthly, *paused, *per_session, *free_of_charge, *later;
  g_autoptr(GDateTime) november = local_day (2025, 11, 17);
  g_autoptr(GDateTime) december = local_day (2025, 12, 2);
  g_autoptr(GDateTime) february = local_day (2026, 2, 9);
  g_autoptr(GDateTime) november_first = g_date_time_new_local (2025, 11, 1, 0, 0, 0);
  g_autoptr(GListModel) fees = NULL;
  g_autoptr(KabCharge) first = NULL;
  g_autoptr(KabCharge) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) november_day = local_day (2025, 11, 1);

  set_clock (november_day);
  set_practice (f->store, "Ingrid Haugen", "NOK");
  monthly = add_client (f->store, "Åse", "Ødegård", KAB_BILLING_PLAN_MONTHLY,
                        KAB_CLIENT_STATUS_ACTIVE, 480000);
  paused = add_client (f->store, "Sindre", "Bakken", KAB_BILLING_PLAN_MONTHLY,
                       KAB_CLIENT_STATUS_PAUSED, 480000);
  per_session = add_client (f->store, "Kari", "Lie", KAB_BILLING_PLAN_PER_SESSION,
                            KAB_CLIENT_STATUS_ACTIVE, 150000);
  free_of_charge = add_client (f->store, "Ola", "Dahl", KAB_BILLING_PLAN_MONTHLY,
                               KAB_CLIENT_STATUS_ACTIVE, 0);

  /* Charged when the client is saved, without any view shown. */
  g_assert_cmpint (balance_of (f->store, monthly), ==, 480000);
  g_assert_cmpint (kab_client_get_balance (monthly), ==, 480000);

  /* Once per client and month, however often it runs and in whatever order. */
  set_clock (november);
  g_assert_cmpuint (generate_fees (f->store, november), ==, 0);
  set_clock (december);
  g_assert_true (kab_store_apply_rules (f->store, december, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (generate_fees (f->store, december), ==, 0);
  g_assert_cmpuint (generate_fees (f->store, november), ==, 0);

  fees = monthly_fees_of (f->store, monthly);
  g_assert_cmpuint (g_list_model_get_n_items (fees), ==, 2);
  first = g_list_model_get_item (fees, 0);
  second = g_list_model_get_item (fees, 1);
  g_assert_cmpstr (kab_charge_get_period (first), ==, "2025-11");
  g_assert_cmpstr (kab_charge_get_period (second), ==, "2025-12");
  g_assert_cmpint (kab_charge_get_amount (first), ==, 480000);
  g_assert_cmpstr (kab_charge_get_currency (first), ==, "NOK");
  g_assert_true (g_date_time_equal (kab_charge_get_date (first), november_first));
  g_assert_cmpint (balance_of (f->store, monthly), ==, 960000);
  g_assert_cmpint (kab_client_get_balance (monthly), ==, 960000);

  g_clear_object (&fees);
  fees = monthly_fees_of (f->store, paused);
  g_assert_cmpuint (g_list_model_get_n_items (fees), ==, 0);
  g_clear_object (&fees);
  fees = monthly_fees_of (f->store, per_session);
  g_assert_cmpuint (g_list_model_get_n_items (fees), ==, 0);
  g_clear_object (&fees);
  fees = monthly_fees_of (f->store, free_of_charge);
  g_assert_cmpuint (g_list_model_get_n_items (fees), ==, 0);

  /* Finding 5: a client who joins the plan later is not charged for the months before,
   * even when a past month is charged by hand. */
  later = add_client (f->store, "Hedda", "Sæther", KAB_BILLING_PLAN_MONTHLY,
                      KAB_CLIENT_STATUS_ACTIVE, 400000);
  g_assert_cmpint (balance_of (f->store, later), ==, 400000);
  g_assert_cmpuint (generate_fees (f->store, november), ==, 0);
  g_assert_cmpuint (generate_fees (f->store, december), ==, 0);
  g_assert_cmpint (balance_of (f->store, later), ==, 400000);
  g_assert_cmpint (balance_of (f->store, monthly), ==, 960000);

  /* A fee removed by hand stays removed, through restarts, until asked for again. */
  g_assert_true (kab_store_delete_charge (f->store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (balance_of (f->store, monthly), ==, 480000);
  g_assert_true (kab_store_apply_rules (f->store, december, &error));
  g_assert_cmpint (balance_of (f->store, monthly), ==, 480000);
  g_assert_cmpuint (generate_fees (f->store, november), ==, 1);
  g_assert_cmpint (balance_of (f->store, monthly), ==, 960000);

  /* Finding 1: months while Kabinett was closed are caught up when it opens, at the fee of
   * each month; a paused month is not charged. */
  {
    g_autoptr(GDateTime) january = local_day (2026, 1, 1);

    g_assert_true (kab_store_set_client_rate (f->store, kab_client_get_id (monthly), january,
                                              KAB_CLIENT_STATUS_PAUSED,
                                              KAB_BILLING_PLAN_MONTHLY, 480000, &error));
    g_assert_true (kab_store_set_client_rate (f->store, kab_client_get_id (monthly), february,
                                              KAB_CLIENT_STATUS_ACTIVE,
                                              KAB_BILLING_PLAN_MONTHLY, 500000, &error));
    g_assert_no_error (error);
  }
  {
    gint64 monthly_id = kab_client_get_id (monthly);
    gint64 later_id = kab_client_get_id (later);

    g_clear_object (&f->store);
    set_clock (february);
    f->store = kab_store_open (f->path, &error);
    g_assert_no_error (error);
    monthly = kab_store_find_client (f->store, monthly_id);
    later = kab_store_find_client (f->store, later_id);
  }
  g_assert_cmpint (fee_total (f->store, monthly), ==, 480000 * 2 + 500000);
  g_assert_cmpint (kab_client_get_balance (monthly), ==, 480000 * 2 + 500000);
  g_assert_cmpint (kab_client_get_fee (monthly), ==, 500000);
  g_assert_cmpint (fee_total (f->store, later), ==, 400000 * 3);
  set_clock (NULL);
}

static void
count_signal (KabStore *store,
              gint64    client_id,
              guint    *count)
{
  (*count)++;
}

static void
test_monthly_fees_signal (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) february = local_day (2025, 2, 20);
  g_autoptr(GDateTime) march_first = local_day (2025, 3, 1);
  g_autoptr(GDateTime) march = local_day (2025, 3, 3);
  g_autoptr(GError) error = NULL;
  KabClient *clients[2];
  guint emitted = 0;

  set_clock (february);
  set_practice (f->store, "Karin Lindqvist", "SEK");
  clients[0] = add_client (f->store, "Åsa", "Öberg", KAB_BILLING_PLAN_PER_SESSION,
                           KAB_CLIENT_STATUS_ACTIVE, 100000);
  clients[1] = add_client (f->store, "Måns", "Sjöberg", KAB_BILLING_PLAN_PER_SESSION,
                           KAB_CLIENT_STATUS_ACTIVE, 100000);
  for (guint i = 0; i < 2; i++)
    g_assert_true (kab_store_set_client_rate (f->store, kab_client_get_id (clients[i]),
                                              march_first, KAB_CLIENT_STATUS_ACTIVE,
                                              KAB_BILLING_PLAN_MONTHLY, 400000, &error));
  g_assert_no_error (error);

  g_signal_connect (f->store, "ledger-changed", G_CALLBACK (count_signal), &emitted);

  /* The month turns: one signal for the whole run, so that views refresh once. */
  set_clock (march);
  g_assert_cmpuint (generate_fees (f->store, march), ==, 2);
  g_assert_cmpuint (emitted, ==, 1);
  g_assert_cmpuint (generate_fees (f->store, march), ==, 0);
  g_assert_cmpuint (emitted, ==, 1);
  g_assert_cmpint (kab_client_get_billing_plan (clients[0]), ==, KAB_BILLING_PLAN_PER_SESSION);
  g_assert_true (kab_store_apply_rules (f->store, march, &error));
  g_assert_cmpint (kab_client_get_billing_plan (clients[0]), ==, KAB_BILLING_PLAN_MONTHLY);
  set_clock (NULL);
}

/* Debts */

static void
assert_same_day (GDateTime *a,
                 GDateTime *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (g_date_time_to_unix (a), ==, g_date_time_to_unix (b));
}

static void
test_debts_order_and_since (Fixture       *f,
                            gconstpointer  data)
{
  KabClient *late_payer, *never_paid, *paid_up, *ahead;
  g_autoptr(GDateTime) jan5 = local_day (2025, 1, 5);
  g_autoptr(GDateTime) jan10 = local_day (2025, 1, 10);
  g_autoptr(GDateTime) feb10 = local_day (2025, 2, 10);
  g_autoptr(GDateTime) mar10 = local_day (2025, 3, 10);
  g_autoptr(GDateTime) apr1 = local_day (2025, 4, 1);
  g_autoptr(GArray) debts = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(KabDebt) one = { 0 };
  g_auto(KabDebt) none = { 0 };
  KabDebt *first, *second;

  set_practice (f->store, "Karin Lindqvist", "SEK");
  late_payer = add_client (f->store, "Åsa", "Öberg", KAB_BILLING_PLAN_PER_SESSION,
                           KAB_CLIENT_STATUS_ACTIVE, 100000);
  never_paid = add_client (f->store, "Алёна", "Фёдорова", KAB_BILLING_PLAN_PER_SESSION,
                           KAB_CLIENT_STATUS_FINISHED, 50000);
  paid_up = add_client (f->store, "Lars", "Nilsson", KAB_BILLING_PLAN_PER_SESSION,
                        KAB_CLIENT_STATUS_ACTIVE, 100000);
  ahead = add_client (f->store, "Ingrid", "Bjørnstad", KAB_BILLING_PLAN_PER_SESSION,
                      KAB_CLIENT_STATUS_ACTIVE, 100000);

  /* 1000 + 1000 + 1000 charged, 1500 paid: the January charge is settled, half of
   * February's is not, so the debt of 1500 runs since 10 February. */
  add_charge (f->store, late_payer, jan10, 100000, KAB_CHARGE_KIND_SESSION);
  add_charge (f->store, late_payer, mar10, 100000, KAB_CHARGE_KIND_SESSION);
  add_charge (f->store, late_payer, feb10, 100000, KAB_CHARGE_KIND_SESSION);
  add_payment (f->store, late_payer, apr1, 150000, KAB_PAYMENT_METHOD_SWISH, "");

  add_charge (f->store, never_paid, jan5, 50000, KAB_CHARGE_KIND_LATE_CANCELLATION);

  add_charge (f->store, paid_up, jan5, 100000, KAB_CHARGE_KIND_SESSION);
  add_payment (f->store, paid_up, jan5, 100000, KAB_PAYMENT_METHOD_CARD, "");

  add_charge (f->store, ahead, jan5, 100000, KAB_CHARGE_KIND_SESSION);
  add_payment (f->store, ahead, jan5, 200000, KAB_PAYMENT_METHOD_VIPPS, "");

  debts = kab_store_list_debts (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (debts->len, ==, 2);

  first = &g_array_index (debts, KabDebt, 0);
  second = &g_array_index (debts, KabDebt, 1);
  g_assert_cmpint (first->client_id, ==, kab_client_get_id (never_paid));
  g_assert_cmpint (first->amount, ==, 50000);
  assert_same_day (first->since, jan5);
  g_assert_cmpint (second->client_id, ==, kab_client_get_id (late_payer));
  g_assert_cmpint (second->amount, ==, 150000);
  assert_same_day (second->since, feb10);

  /* One client's line, as a view updates it after a change. */
  g_assert_true (kab_store_get_debt (f->store, kab_client_get_id (late_payer), &one, &error));
  g_assert_no_error (error);
  g_assert_cmpint (one.amount, ==, 150000);
  assert_same_day (one.since, feb10);
  g_assert_true (kab_store_get_debt (f->store, kab_client_get_id (paid_up), &none, &error));
  g_assert_no_error (error);
  g_assert_cmpint (none.amount, ==, 0);
  g_assert_null (none.since);

  /* Paying the rest takes the client off the list. */
  add_payment (f->store, late_payer, apr1, 150000, KAB_PAYMENT_METHOD_SWISH, "");
  g_clear_pointer (&debts, g_array_unref);
  debts = kab_store_list_debts (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (debts->len, ==, 1);
  g_assert_cmpint (g_array_index (debts, KabDebt, 0).client_id, ==, kab_client_get_id (never_paid));
}

static void
test_debtor_age (void)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(GDateTime) since = local_day (2025, 10, 1);
  struct { int days; const char *text; } cases[] = {
    { 0, "Owed since today" },
    { 1, "Owed for 1 day" },
    { 13, "Owed for 13 days" },
    { 21, "Owed for 3 weeks" },
    { 62, "Owed for 8 weeks" },
    { 95, "Owed for 3 months" },
    { 800, "Owed for 2 years" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KabDebtor) debtor = kab_debtor_new (client, 100, since);
      g_autoptr(GDateTime) now = g_date_time_add_days (since, cases[i].days);
      g_autofree char *text = kab_debtor_dup_age_text (debtor, now);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The ledger */

static void
test_ledger_running_balance (Fixture       *f,
                             gconstpointer  data)
{
  KabClient *client, *other;
  g_autoptr(GDateTime) oct20 = local_day (2025, 10, 20);
  g_autoptr(GDateTime) nov3 = local_day (2025, 11, 3);
  g_autoptr(GDateTime) nov10 = local_day (2025, 11, 10);
  g_autoptr(GDateTime) nov11 = local_day (2025, 11, 11);
  g_autoptr(GDateTime) november = g_date_time_new_local (2025, 11, 1, 0, 0, 0);
  g_autoptr(GDateTime) december = g_date_time_new_local (2025, 12, 1, 0, 0, 0);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  KabLedgerEntry *entry;

  set_practice (f->store, "Karin Lindqvist", "SEK");
  client = add_client (f->store, "Åsa", "Öberg", KAB_BILLING_PLAN_PER_SESSION,
                       KAB_CLIENT_STATUS_ACTIVE, 120000);
  other = add_client (f->store, "Björn", "Åberg", KAB_BILLING_PLAN_PER_SESSION,
                      KAB_CLIENT_STATUS_ACTIVE, 120000);

  add_charge (f->store, client, oct20, 120000, KAB_CHARGE_KIND_SESSION);
  add_charge (f->store, client, nov3, 120000, KAB_CHARGE_KIND_SESSION);
  add_payment (f->store, client, nov10, 200000, KAB_PAYMENT_METHOD_SWISH, "oktober");
  add_charge (f->store, other, nov11, 120000, KAB_CHARGE_KIND_SESSION);

  /* A client's whole ledger starts at nothing and ends at the balance. */
  entries = kab_ledger_build (f->store, kab_client_get_id (client), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  entry = g_ptr_array_index (entries, 0);
  g_assert_nonnull (kab_ledger_entry_get_charge (entry));
  g_assert_cmpint (kab_ledger_entry_get_balance (entry), ==, 120000);
  entry = g_ptr_array_index (entries, 2);
  g_assert_nonnull (kab_ledger_entry_get_payment (entry));
  g_assert_cmpint (kab_ledger_entry_get_paid (entry), ==, 200000);
  g_assert_cmpint (kab_ledger_entry_get_balance (entry), ==, 40000);
  g_assert_cmpint (kab_ledger_entry_get_balance (entry), ==, balance_of (f->store, client));
  g_assert_nonnull (strstr (kab_ledger_entry_get_description (entry), "oktober"));

  /* The practice's November opens with October's balance. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = kab_ledger_build (f->store, 0, november, december, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);
  entry = g_ptr_array_index (entries, 0);
  g_assert_null (kab_ledger_entry_get_charge (entry));
  g_assert_null (kab_ledger_entry_get_payment (entry));
  g_assert_cmpint (kab_ledger_entry_get_balance (entry), ==, 120000);
  entry = g_ptr_array_index (entries, 3);
  g_assert_cmpstr (kab_ledger_entry_get_client_name (entry), ==, "Björn Åberg");
  g_assert_cmpint (kab_ledger_entry_get_balance (entry), ==, 160000);
}

typedef struct
{
  guint position, removed, added, calls;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->calls++;
}

static void
test_ledger_merge (Fixture       *f,
                   gconstpointer  data)
{
  KabClient *client;
  g_autoptr(GListStore) shown = g_list_store_new (KAB_TYPE_LEDGER_ENTRY);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KabLedgerEntry) last = NULL;
  g_autoptr(KabLedgerEntry) kept = NULL;
  Change change = { 0 };
  gint64 id;

  set_practice (f->store, "Karin Lindqvist", "SEK");
  client = add_client (f->store, "Åsa", "Öberg", KAB_BILLING_PLAN_PER_SESSION,
                       KAB_CLIENT_STATUS_ACTIVE, 120000);
  id = kab_client_get_id (client);
  for (int day = 1; day <= 5; day++)
    {
      g_autoptr(GDateTime) date = local_day (2025, 3, day * 2);
      add_charge (f->store, client, date, 120000, KAB_CHARGE_KIND_SESSION);
    }

  entries = kab_ledger_build (f->store, id, NULL, NULL, &error);
  g_assert_no_error (error);
  kab_ledger_merge (shown, entries);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 5);
  last = g_list_model_get_item (G_LIST_MODEL (shown), 4);
  g_signal_connect (shown, "items-changed", G_CALLBACK (on_items_changed), &change);

  /* A payment in the middle: one line goes in, the lines after it keep their objects
   * and only their balance changes. */
  {
    g_autoptr(GDateTime) date = local_day (2025, 3, 5);
    add_payment (f->store, client, date, 240000, KAB_PAYMENT_METHOD_SWISH, "");
  }
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = kab_ledger_build (f->store, id, NULL, NULL, &error);
  g_assert_no_error (error);
  kab_ledger_merge (shown, entries);

  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (change.position, ==, 2);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  kept = g_list_model_get_item (G_LIST_MODEL (shown), 5);
  g_assert_true (kept == last);
  g_assert_cmpint (kab_ledger_entry_get_balance (kept), ==, 360000);

  /* Nothing changed: no signal at all. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = kab_ledger_build (f->store, id, NULL, NULL, &error);
  kab_ledger_merge (shown, entries);
  g_assert_cmpuint (change.calls, ==, 1);
}

/* The income report */

static void
test_income_sums (Fixture       *f,
                  gconstpointer  data)
{
  KabClient *anna, *lars;
  KabIncome months[12];
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) dec2024 = local_day (2024, 12, 20);
  g_autoptr(GDateTime) jan = local_day (2025, 1, 15);
  g_autoptr(GDateTime) feb = local_day (2025, 2, 15);
  g_autoptr(GDateTime) mar = local_day (2025, 3, 15);
  g_autoptr(GDateTime) jan2026 = local_day (2026, 1, 2);
  /* The very first and last moments of the year, local time. */
  g_autoptr(GDateTime) new_year = g_date_time_new_local (2025, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) new_years_eve = g_date_time_new_local (2025, 12, 31, 23, 59, 59);

  set_practice (f->store, "Karin Lindqvist", "SEK");
  anna = add_client (f->store, "Anna", "Karlsson", KAB_BILLING_PLAN_PER_SESSION,
                     KAB_CLIENT_STATUS_ACTIVE, 100000);
  lars = add_client (f->store, "Lars", "Ekström", KAB_BILLING_PLAN_PER_SESSION,
                     KAB_CLIENT_STATUS_ACTIVE, 100000);

  /* Lars owed 500 from December 2024: his March payment settles that first. */
  add_charge (f->store, lars, dec2024, 50000, KAB_CHARGE_KIND_SESSION);
  add_charge (f->store, lars, feb, 100000, KAB_CHARGE_KIND_SESSION);
  add_payment (f->store, lars, mar, 100000, KAB_PAYMENT_METHOD_SWISH, "");

  add_charge (f->store, anna, jan, 100000, KAB_CHARGE_KIND_SESSION);
  add_charge (f->store, anna, feb, 100000, KAB_CHARGE_KIND_SESSION);
  add_payment (f->store, anna, mar, 150000, KAB_PAYMENT_METHOD_CARD, "");
  add_charge (f->store, anna, new_year, 1000, KAB_CHARGE_KIND_OTHER);
  add_charge (f->store, anna, new_years_eve, 2000, KAB_CHARGE_KIND_OTHER);
  add_charge (f->store, anna, jan2026, 100000, KAB_CHARGE_KIND_SESSION);

  g_assert_true (kab_store_get_income (f->store, 2025, months, &error));
  g_assert_no_error (error);

  g_assert_cmpint (months[0].charged, ==, 101000);
  g_assert_cmpint (months[1].charged, ==, 200000);
  g_assert_cmpint (months[2].charged, ==, 0);
  g_assert_cmpint (months[11].charged, ==, 2000);
  g_assert_cmpint (months[2].paid, ==, 250000);
  g_assert_cmpint (months[0].paid + months[1].paid, ==, 0);

  /* Anna paid 1500 against 10 + 1000 + 1000 + 20: January is settled, 510 of
   * February is left, and New Year's Eve's 20. Lars: December 2024 is settled first,
   * then 500 of February's 1000, so 500 is left. */
  g_assert_cmpint (months[0].outstanding, ==, 0);
  g_assert_cmpint (months[1].outstanding, ==, 51000 + 50000);
  g_assert_cmpint (months[2].outstanding, ==, 0);
  g_assert_cmpint (months[11].outstanding, ==, 2000);

  g_assert_true (kab_store_get_income (f->store, 2024, months, &error));
  g_assert_cmpint (months[11].charged, ==, 50000);
  g_assert_cmpint (months[11].outstanding, ==, 0);
}

/* The CSV export */

/* A small RFC 4180 reader: fields of one record, from *p, advancing *p past it. */
static GPtrArray *
read_record (const char **p)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (;;)
    {
      char c = **p;

      if (c == '\0')
        break;
      (*p)++;

      if (quoted)
        {
          if (c == '"' && **p == '"')
            {
              g_string_append_c (field, '"');
              (*p)++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, c);
        }
      else if (c == '"' && field->len == 0)
        quoted = TRUE;
      else if (c == ',')
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else if (c == '\r' && **p == '\n')
        {
          (*p)++;
          break;
        }
      else
        g_string_append_c (field, c);
    }

  g_ptr_array_add (fields, g_string_free (field, FALSE));
  return fields;
}

static void
test_csv_export (Fixture       *f,
                 gconstpointer  data)
{
  KabClient *alena, *asa;
  g_autoptr(GDateTime) d1 = local_day (2025, 3, 4);
  g_autoptr(GDateTime) d2 = local_day (2025, 3, 9);
  g_autoptr(GListModel) payments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *old_locale = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *path = g_build_filename (f->dir, "payments.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;
  const char *p;
  GPtrArray *record;

  set_practice (f->store, "Karin Lindqvist", "SEK");
  alena = add_client (f->store, "Алёна", "Фёдорова", KAB_BILLING_PLAN_PER_SESSION,
                      KAB_CLIENT_STATUS_ACTIVE, 120000);
  asa = add_client (f->store, "Åsa", "Öberg", KAB_BILLING_PLAN_PER_SESSION,
                    KAB_CLIENT_STATUS_ACTIVE, 120000);
  add_payment (f->store, alena, d1, 150050, KAB_PAYMENT_METHOD_SWISH,
                                        "Paid, \"in full\"");
  add_payment (f->store, asa, d2, 120000000, KAB_PAYMENT_METHOD_BANK_TRANSFER,
                                        "två\nrader");

  payments = kab_store_list_payments (f->store, 0, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Swedish writes 1 500,50: the accountant's file still says 1500.50. */
  if (setlocale (LC_ALL, "sv_SE.UTF-8") == NULL)
    g_test_message ("sv_SE.UTF-8 is not available; the decimal point is checked in %s",
                    old_locale);
  csv = kab_csv_export_payments (f->store, payments);
  setlocale (LC_ALL, old_locale);

  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  p = csv + 3;

  record = read_record (&p);
  g_assert_cmpuint (record->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (record, 0), ==, "Date");
  g_assert_cmpstr (g_ptr_array_index (record, 1), ==, "Client");
  g_assert_cmpstr (g_ptr_array_index (record, 2), ==, "Method");
  g_assert_cmpstr (g_ptr_array_index (record, 3), ==, "Amount");
  g_assert_cmpstr (g_ptr_array_index (record, 4), ==, "Currency");
  g_assert_cmpstr (g_ptr_array_index (record, 5), ==, "Note");
  g_ptr_array_unref (record);

  record = read_record (&p);
  g_assert_cmpuint (record->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (record, 0), ==, "2025-03-04");
  g_assert_cmpstr (g_ptr_array_index (record, 1), ==, "Алёна Фёдорова");
  g_assert_cmpstr (g_ptr_array_index (record, 2), ==,
                   kab_payment_method_to_label (KAB_PAYMENT_METHOD_SWISH));
  g_assert_cmpstr (g_ptr_array_index (record, 3), ==, "1500.50");
  g_assert_cmpstr (g_ptr_array_index (record, 4), ==, "SEK");
  g_assert_cmpstr (g_ptr_array_index (record, 5), ==, "Paid, \"in full\"");
  g_ptr_array_unref (record);

  record = read_record (&p);
  g_assert_cmpstr (g_ptr_array_index (record, 1), ==, "Åsa Öberg");
  g_assert_cmpstr (g_ptr_array_index (record, 3), ==, "1200000.00");
  g_assert_cmpstr (g_ptr_array_index (record, 5), ==, "två\nrader");
  g_ptr_array_unref (record);
  g_assert_cmpstr (p, ==, "");

  /* The quoting itself, byte for byte. */
  g_assert_nonnull (strstr (csv, ",\"Paid, \"\"in full\"\"\"\r\n"));

  g_assert_true (kab_csv_export_payments_to_file (f->store, payments, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, csv);
}

/* Receipts */

static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };
  int status = 0;

  if (pdftotext == NULL)
    return NULL;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_receipt_pdf (Fixture       *f,
                  gconstpointer  data)
{
  KabClient *client;
  g_autoptr(KabPayment) payment = NULL;
  g_autoptr(GDateTime) date = local_day (2025, 11, 12);
  g_autoptr(KabPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "receipt.pdf", NULL);
  g_autofree char *extracted = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *file_name = NULL;

  set_practice (f->store, "Ingrid Bjørnstad Ødegård", "NOK");
  client = add_client (f->store, "Алёна", "Фёдорова-Sæther", KAB_BILLING_PLAN_PER_SESSION,
                       KAB_CLIENT_STATUS_ACTIVE, 150000);
  payment = pay (f->store, client, date, 150050, KAB_PAYMENT_METHOD_VIPPS, "Timer i oktober");

  document = kab_documents_make_receipt (f->store, payment, NULL, &file_name, &error);
  g_assert_no_error (error);
  text = g_strdup (kab_print_document_get_text (document));
  g_assert_true (g_str_has_prefix (text, "# "));
  g_assert_nonnull (strstr (text, "Ingrid Bjørnstad Ødegård"));
  g_assert_nonnull (strstr (text, "Алёна Фёдорова-Sæther"));
  g_assert_true (g_str_has_suffix (file_name, "-2025-11-12.pdf"));

  g_assert_true (kab_print_document_export_pdf (document, pdf, &error));
  g_assert_no_error (error);

  extracted = pdf_text (pdf);
  if (extracted == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  /* pdftotext may break lines and use any kind of space; compare without spaces. */
  {
    g_autofree char *language = kab_store_dup_client_language (f->store, kab_client_get_id (client));

    amount = kab_document_format_money (language, 150050, "NOK");
  }
  flat = g_strdelimit (g_strdup (extracted), "\n\xC2\xA0", ' ');
  g_test_message ("%s", extracted);
  g_assert_nonnull (strstr (extracted, "Ingrid Bjørnstad Ødegård"));
  g_assert_nonnull (strstr (extracted, "Алёна Фёдорова-Sæther"));
  g_assert_nonnull (strstr (extracted, "Psykologspesialist"));
  g_assert_nonnull (strstr (extracted, "Vipps"));
  g_assert_nonnull (strstr (extracted, "Timer i oktober"));
  {
    g_autofree char *bare_amount = g_strdup (amount);
    g_autofree char *bare_text = g_strdup (extracted);
    GString *a = g_string_new (NULL), *t = g_string_new (NULL);

    /* Spaces in amounts may be narrow no-break spaces in one and plain in the other. */
    for (const char *c = bare_amount; *c; c = g_utf8_next_char (c))
      if (!g_unichar_isspace (g_utf8_get_char (c)) && g_utf8_get_char (c) != 0x202F)
        g_string_append_unichar (a, g_utf8_get_char (c));
    for (const char *c = bare_text; *c; c = g_utf8_next_char (c))
      if (!g_unichar_isspace (g_utf8_get_char (c)) && g_utf8_get_char (c) != 0x202F)
        g_string_append_unichar (t, g_utf8_get_char (c));
    g_assert_nonnull (strstr (t->str, a->str));
    g_string_free (a, TRUE);
    g_string_free (t, TRUE);
  }
}

/* Balances agree everywhere, on a generated practice */

static void
test_balances_agree (Fixture       *f,
                     gconstpointer  data)
{
  /* A mid-sized practice by default; the 20-year one with -m slow. */
  const KabDemoSize size = g_test_slow () ? KAB_DEMO_SIZE_LARGE : (KabDemoSize) { 300, 5, 7 };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GHashTable) balances = NULL;
  g_autoptr(GArray) debts = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *clients;
  GHashTableIter iter;
  gpointer key, value;
  gint64 charged = 0, paid = 0, sum = 0, owed = 0, outstanding = 0;
  guint n, debtors = 0;

  g_assert_true (kab_demo_fill (f->store, &size, now, &error));
  g_assert_no_error (error);

  /* The sum of the balances is what was charged minus what was paid. */
  g_assert_true (kab_store_get_totals (f->store, &charged, &paid, &error));
  g_assert_no_error (error);
  balances = kab_store_get_all_balances (f->store, &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, balances);
  while (g_hash_table_iter_next (&iter, &key, &value))
    sum += *(gint64 *)value;
  g_assert_cmpint (charged, >, 0);
  g_assert_cmpint (sum, ==, charged - paid);

  /* Each balance the views show (the client's property, a ledger's last line) is the
   * SQL aggregate. */
  clients = kab_store_get_clients (f->store);
  n = g_list_model_get_n_items (clients);
  g_assert_cmpuint (n, ==, size.n_clients);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (clients, i);
      gint64 id = kab_client_get_id (client);
      gint64 expected = *(gint64 *)g_hash_table_lookup (balances, &id);
      g_autoptr(GPtrArray) entries = NULL;

      g_assert_cmpint (kab_client_get_balance (client), ==, expected);
      g_assert_cmpint (balance_of (f->store, client), ==, expected);

      entries = kab_ledger_build (f->store, id, NULL, NULL, &error);
      g_assert_no_error (error);
      if (entries->len > 0)
        g_assert_cmpint (kab_ledger_entry_get_balance (g_ptr_array_index (entries, entries->len - 1)),
                         ==, expected);
      else
        g_assert_cmpint (expected, ==, 0);

      if (expected > 0)
        {
          owed += expected;
          debtors++;
        }
    }

  g_test_message ("%u clients, %u owing, charged %" G_GINT64_FORMAT ", paid %" G_GINT64_FORMAT,
                  n, debtors, charged, paid);
  g_assert_cmpuint (debtors, >, 0);

  /* The debt list names exactly the clients whose balance is above zero. */
  debts = kab_store_list_debts (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (debts->len, ==, debtors);
  for (guint i = 0; i < debts->len; i++)
    {
      KabDebt *debt = &g_array_index (debts, KabDebt, i);
      gint64 expected = *(gint64 *)g_hash_table_lookup (balances, &debt->client_id);

      g_assert_cmpint (debt->amount, ==, expected);
      if (i > 0)
        g_assert_cmpint (g_date_time_compare (g_array_index (debts, KabDebt, i - 1).since,
                                              debt->since), <=, 0);
    }

  /* What is still unpaid of each month, over all the years, is everything owed. */
  for (int year = g_date_time_get_year (now) - size.years - 1; year <= g_date_time_get_year (now) + 1; year++)
    {
      KabIncome months[12];

      g_assert_true (kab_store_get_income (f->store, year, months, &error));
      g_assert_no_error (error);
      for (guint m = 0; m < 12; m++)
        outstanding += months[m].outstanding;
    }
  g_assert_cmpint (outstanding, ==, owed);

  /* The practice's balance before any date, old or recent, is the sum of its clients'. */
  for (int years_back = -1; years_back <= (int)size.years; years_back += 2)
    {
      g_autoptr(GDateTime) date = g_date_time_add_years (now, -years_back);
      gint64 practice = 0, each = 0;

      g_assert_true (kab_store_get_balance_before (f->store, 0, date, &practice, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KabClient) client = g_list_model_get_item (clients, i);
          gint64 balance = 0;

          g_assert_true (kab_store_get_balance_before (f->store, kab_client_get_id (client), date,
                                                       &balance, &error));
          g_assert_no_error (error);
          each += balance;
        }
      g_assert_cmpint (practice, ==, each);
    }

  /* A month of the practice's ledger ends where the next one starts. */
  {
    g_autoptr(GDateTime) month = g_date_time_new_local (g_date_time_get_year (now),
                                                        g_date_time_get_month (now), 1, 0, 0, 0);
    g_autoptr(GDateTime) previous = g_date_time_add_months (month, -1);
    g_autoptr(GPtrArray) entries = kab_ledger_build (f->store, 0, previous, month, &error);
    gint64 opening = 0;

    g_assert_no_error (error);
    g_assert_true (kab_store_get_balance_before (f->store, 0, month, &opening, &error));
    g_assert_cmpint (kab_ledger_entry_get_balance (g_ptr_array_index (entries, entries->len - 1)),
                     ==, opening);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/payments/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("monthly-fees/idempotent", test_monthly_fees_idempotent);
  ADD ("monthly-fees/one-signal", test_monthly_fees_signal);
  ADD ("debts/order-and-since", test_debts_order_and_since);
  g_test_add_func ("/payments/debts/age-text", test_debtor_age);
  ADD ("ledger/running-balance", test_ledger_running_balance);
  ADD ("ledger/merge", test_ledger_merge);
  ADD ("income/sums", test_income_sums);
  ADD ("csv/export", test_csv_export);
  ADD ("receipt/pdf", test_receipt_pdf);
  ADD ("balances/agree", test_balances_agree);

#undef ADD

  return g_test_run ();
}
