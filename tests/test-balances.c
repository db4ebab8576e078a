/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-balances.c: the balances the store keeps per client, checked against the sums of
 * the raw charge and payment rows after random writes, and filled in by the migration */

#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "kab-store.h"
#include "kab-store-billing.h"
#include "kab-store-private.h"
#include "kab-test-store.h"
#include "kab-test-util.h"

/* The schema before kept balances were added: the step that adds them is the one after. */
#define SCHEMA_BEFORE_KEPT_BALANCES 9

#define RANDOM_STEPS 1500
#define N_CLIENTS 6

typedef KabTestStore Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  kab_test_store_set_up (f, "balances");
  /* A throwaway database need not wait for the disk. */
  g_assert_cmpint (sqlite3_exec (f->store->db, "PRAGMA synchronous = OFF", NULL, NULL, NULL),
                   ==, SQLITE_OK);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kab_test_store_tear_down (f);
}

/* The rule, from the raw rows: charges minus payments, per client. */
static gint64
raw_balance (sqlite3 *db,
             gint64   client_id)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "SELECT (SELECT total (amount) FROM charge WHERE client_id = ?1)"
    " - (SELECT total (amount) FROM payment WHERE client_id = ?1)", -1, &stmt, NULL),
    ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, client_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = (gint64) sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Every kept row against the raw sums, the kept balance of every listed client, and the
 * figure on the listed client object that views show. */
static void
assert_balances (KabStore   *store,
                 const char *after,
                 guint32     seed)
{
  g_autoptr(GError) error = NULL;
  GListModel *clients = kab_store_get_clients (store);
  sqlite3_stmt *stmt = NULL;
  int rows = 0;

  /* No kept row disagrees with the rows it sums, and none is left for a gone client. */
  g_assert_cmpint (sqlite3_prepare_v2 (store->db,
    "SELECT client_id, balance FROM client_balance", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 kept = sqlite3_column_int64 (stmt, 1);
      gint64 raw = raw_balance (store->db, id);

      if (kept != raw)
        g_error ("Seed %u, after %s: client %" G_GINT64_FORMAT " kept %" G_GINT64_FORMAT
                 ", rows sum to %" G_GINT64_FORMAT, seed, after, id, kept, raw);
      rows++;
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (clients, i);
      gint64 id = kab_client_get_id (client);
      gint64 raw = raw_balance (store->db, id);
      gint64 kept = G_MININT64;

      g_assert_true (kab_store_get_balance (store, id, &kept, &error));
      g_assert_no_error (error);
      if (kept != raw || kab_client_get_balance (client) != raw)
        g_error ("Seed %u, after %s: client %" G_GINT64_FORMAT " has %" G_GINT64_FORMAT
                 " (listed %" G_GINT64_FORMAT "), rows sum to %" G_GINT64_FORMAT,
                 seed, after, id, kept, kab_client_get_balance (client), raw);
    }

  {
    g_autoptr(GHashTable) all = kab_store_get_all_balances (store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (all), ==, g_list_model_get_n_items (clients));
  }
  g_assert_cmpint (rows, <=, g_list_model_get_n_items (clients));
}

static gint64
add_client (KabStore       *store,
            KabBillingPlan  plan)
{
  return kab_test_store_add_client (store, "Ирина", "Øvrebø", plan, 110000);
}

typedef struct
{
  GRand     *rand;
  KabStore  *store;
  gint64     clients[N_CLIENTS];
  GPtrArray *sessions;   /* session ids (gint64 *) */
} Run;

static gint64
any_client (Run *r)
{
  return r->clients[g_rand_int_range (r->rand, 0, N_CLIENTS)];
}

static GDateTime *
random_day (Run *r)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, g_rand_int_range (r->rand, -90, 20));

  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day),
                                g_rand_int_range (r->rand, 8, 19), 0, 0);
}

static const KabSessionStatus statuses[] = {
  KAB_SESSION_STATUS_PLANNED, KAB_SESSION_STATUS_ATTENDED,
  KAB_SESSION_STATUS_CANCELLED_IN_TIME, KAB_SESSION_STATUS_CANCELLED_LATE,
  KAB_SESSION_STATUS_NO_SHOW,
};

static KabSessionStatus
any_status (Run *r)
{
  return statuses[g_rand_int_range (r->rand, 0, G_N_ELEMENTS (statuses))];
}

static const char *
op_add_session (Run *r)
{
  g_autoptr(KabSession) session = kab_session_new ();
  g_autoptr(GDateTime) start = random_day (r);
  g_autoptr(GError) error = NULL;

  g_object_set (session, "client-id", any_client (r), "start", start, "duration", 50,
                "status", any_status (r),
                "fee", (gint64) 1000 * g_rand_int_range (r->rand, 0, 200), NULL);
  /* An overlap or a day the rules refuse is no write, and no change of balance. */
  if (!kab_store_save_session (r->store, session, &error))
    return "session refused";
  g_ptr_array_add (r->sessions, g_memdup2 (&(gint64) { kab_session_get_id (session) },
                                           sizeof (gint64)));
  return "add session";
}

static KabSession *
any_session (Run   *r,
             guint *index)
{
  g_autoptr(GError) error = NULL;
  KabSession *session;

  if (r->sessions->len == 0)
    return NULL;
  *index = g_rand_int_range (r->rand, 0, r->sessions->len);
  session = kab_store_load_session (r->store, *(gint64 *) r->sessions->pdata[*index], &error);
  g_assert_no_error (error);
  return session;
}

static const char *
op_change_status (Run *r)
{
  guint index;
  g_autoptr(KabSession) session = any_session (r, &index);

  if (session == NULL)
    return "nothing";
  kab_session_set_status (session, any_status (r));
  if (g_rand_boolean (r->rand))
    kab_session_set_fee (session, 1000 * g_rand_int_range (r->rand, 0, 200));
  kab_store_save_session (r->store, session, NULL);
  return "change status";
}

static const char *
op_delete_session (Run *r)
{
  guint index;
  g_autoptr(KabSession) session = any_session (r, &index);

  if (session == NULL)
    return "nothing";
  if (kab_store_delete_session (r->store, session, NULL))
    g_ptr_array_remove_index (r->sessions, index);
  return "delete session";
}

static const char *
op_pay (Run *r)
{
  g_autoptr(KabPayment) payment = kab_payment_new ();
  g_autoptr(GDateTime) date = random_day (r);
  g_autoptr(GError) error = NULL;

  g_object_set (payment, "client-id", any_client (r), "date", date,
                "amount", (gint64) 100 * g_rand_int_range (r->rand, 1, 3000),
                "currency", "EUR", "method", KAB_PAYMENT_METHOD_CARD, NULL);
  g_assert_true (kab_store_save_payment (r->store, payment, &error));
  g_assert_no_error (error);
  return "payment";
}

static gpointer
any_item (Run        *r,
          GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  return n == 0 ? NULL : g_list_model_get_item (list, g_rand_int_range (r->rand, 0, n));
}

static const char *
op_change_payment (Run *r)
{
  g_autoptr(GListModel) payments = kab_store_list_payments (r->store, any_client (r),
                                                            NULL, NULL, NULL);
  g_autoptr(KabPayment) payment = payments != NULL ? any_item (r, payments) : NULL;

  if (payment == NULL)
    return "nothing";
  if (g_rand_boolean (r->rand))
    {
      kab_store_delete_payment (r->store, payment, NULL);
      return "delete payment";
    }
  /* Another amount, and sometimes another client: both balances move. */
  kab_payment_set_amount (payment, 100 * g_rand_int_range (r->rand, 1, 3000));
  if (g_rand_boolean (r->rand))
    kab_payment_set_client_id (payment, any_client (r));
  g_assert_true (kab_store_save_payment (r->store, payment, NULL));
  return "change payment";
}

static const char *
op_charge (Run *r)
{
  g_autoptr(KabCharge) charge = kab_charge_new ();
  g_autoptr(GDateTime) date = random_day (r);

  g_object_set (charge, "client-id", any_client (r), "date", date,
                "amount", (gint64) 100 * g_rand_int_range (r->rand, 1, 3000),
                "currency", "EUR", "kind", KAB_CHARGE_KIND_OTHER, "note", "Intyg", NULL);
  kab_store_save_charge (r->store, charge, NULL);
  return "charge";
}

static const char *
op_change_charge (Run *r)
{
  g_autoptr(GListModel) charges = kab_store_list_charges (r->store, any_client (r),
                                                          NULL, NULL, NULL);
  g_autoptr(KabCharge) charge = charges != NULL ? any_item (r, charges) : NULL;

  /* Charges of sessions follow their session and a package's charge its package; the
   * others are the user's to change. */
  if (charge == NULL || kab_charge_get_kind (charge) != KAB_CHARGE_KIND_OTHER)
    return "nothing";
  if (g_rand_boolean (r->rand))
    {
      kab_store_delete_charge (r->store, charge, NULL);
      return "delete charge";
    }
  kab_charge_set_amount (charge, 100 * g_rand_int_range (r->rand, 1, 3000));
  if (g_rand_boolean (r->rand))
    kab_charge_set_client_id (charge, any_client (r));
  kab_store_save_charge (r->store, charge, NULL);
  return "change charge";
}

static const char *
op_package (Run *r)
{
  g_autoptr(GDateTime) bought = random_day (r);

  kab_store_sell_package (r->store, any_client (r), g_rand_int_range (r->rand, 1, 6),
                          1000 * g_rand_int_range (r->rand, 0, 500), bought, NULL, NULL, NULL);
  return "sell package";
}

static const char *
op_rollback (Run *r)
{
  g_autoptr(KabPayment) payment = kab_payment_new ();
  g_autoptr(GDateTime) date = random_day (r);

  /* A write undone by its transaction leaves no trace in the kept balance either. */
  g_assert_true (kab_store_begin (r->store, NULL));
  g_object_set (payment, "client-id", any_client (r), "date", date, "amount", (gint64) 4200,
                "currency", "EUR", "method", KAB_PAYMENT_METHOD_CASH, NULL);
  g_assert_true (kab_store_save_payment (r->store, payment, NULL));
  kab_store_rollback (r->store);
  return "rolled back payment";
}

typedef const char *(*Op) (Run *r);

static void
test_random (Fixture       *f,
             gconstpointer  data)
{
  static const Op ops[] = {
    op_add_session, op_add_session, op_add_session, op_change_status, op_change_status,
    op_delete_session, op_pay, op_pay, op_change_payment, op_charge, op_change_charge,
    op_package, op_rollback,
  };
  const char *env = g_getenv ("KAB_BALANCES_SEED");
  guint32 seed = env != NULL ? (guint32) g_ascii_strtoull (env, NULL, 10) : g_random_int ();
  Run r = { g_rand_new_with_seed (seed), f->store, { 0 },
            g_ptr_array_new_with_free_func (g_free) };

  g_test_message ("seed %u (KAB_BALANCES_SEED=%u replays it)", seed, seed);
  for (int i = 0; i < N_CLIENTS; i++)
    r.clients[i] = add_client (f->store, i % 3 == 0 ? KAB_BILLING_PLAN_MONTHLY
                                         : i % 3 == 1 ? KAB_BILLING_PLAN_PACKAGE
                                         : KAB_BILLING_PLAN_PER_SESSION);

  for (int step = 0; step < RANDOM_STEPS; step++)
    {
      const char *what = ops[g_rand_int_range (r.rand, 0, G_N_ELEMENTS (ops))] (&r);

      assert_balances (f->store, what, seed);
    }

  /* The next start reads the same balances from the kept table. */
  r.store = kab_test_store_reopen (f);
  assert_balances (r.store, "reopening", seed);

  /* A client erased with their ledger (the end of the retention period) leaves no kept
   * row behind. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    g_assert_true (kab_store_erase_client (r.store, r.clients[0], TRUE, now, &error));
    g_assert_no_error (error);
  }
  assert_balances (r.store, "erasing a client", seed);
  {
    gint64 left = -1;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (r.store->db,
      "SELECT count (*) FROM client_balance WHERE client_id = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_int64 (stmt, 1, r.clients[0]);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    left = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    g_assert_cmpint (left, ==, 0);
  }

  g_ptr_array_unref (r.sessions);
  g_rand_free (r.rand);
}

/* A practice from before kept balances: the migration fills the table from the rows. */
static void
test_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kabinett-balances-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(KabStore) store = NULL;
  sqlite3 *db = NULL;
  const char *old_rows =
    "INSERT INTO practice (id, currency) VALUES (1, 'NOK');"
    "INSERT INTO client (id, given_name, family_name, created, updated)"
    " VALUES (1, 'Åse', 'Lie', 1700000000, 1700000000),"
    "        (2, 'Олег', 'Смирнов', 1700000000, 1700000000),"
    "        (3, 'Ola', 'Nordmann', 1700000000, 1700000000);"
    "INSERT INTO charge (client_id, date, amount, currency, kind)"
    " VALUES (1, 1699261200, 120000, 'NOK', 'other'),"
    "        (1, 1699866000, 90000, 'NOK', 'other'),"
    "        (2, 1698793200, 40000, 'NOK', 'other');"
    "INSERT INTO payment (client_id, date, amount, currency, method)"
    " VALUES (1, 1699300000, 100000, 'NOK', 'vipps'),"
    "        (2, 1699300000, 55000, 'NOK', 'cash'),"
    "        (3, 1699300000, 7000, 'NOK', 'card');";
  const gint64 expected[] = { 120000 + 90000 - 100000, 40000 - 55000, -7000 };

  {
    g_autoptr(KabStore) old = kab_store_open_at_version (path, SCHEMA_BEFORE_KEPT_BALANCES,
                                                         &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, old_rows, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = kab_store_open (path, &error);
  g_assert_no_error (error);

  for (gint64 id = 1; id <= 3; id++)
    {
      KabClient *client = kab_store_find_client (store, id);
      gint64 kept = 0;

      g_assert_nonnull (client);
      g_assert_cmpint (kab_client_get_balance (client), ==, expected[id - 1]);
      g_assert_true (kab_store_get_balance (store, id, &kept, &error));
      g_assert_cmpint (kept, ==, expected[id - 1]);
      g_assert_cmpint (raw_balance (store->db, id), ==, expected[id - 1]);
    }
  assert_balances (store, "migration", 0);

  /* And the triggers keep it from there. */
  {
    g_autoptr(KabPayment) payment = kab_payment_new ();
    g_autoptr(GDateTime) date = g_date_time_new_now_local ();
    gint64 kept = 0;

    g_object_set (payment, "client-id", (gint64) 2, "date", date, "amount", (gint64) 15000,
                  "currency", "NOK", "method", KAB_PAYMENT_METHOD_VIPPS, NULL);
    g_assert_true (kab_store_save_payment (store, payment, &error));
    g_assert_no_error (error);
    g_assert_true (kab_store_get_balance (store, 2, &kept, &error));
    g_assert_cmpint (kept, ==, 40000 - 55000 - 15000);
  }
  assert_balances (store, "a payment after the migration", 0);

  g_clear_object (&store);
  kab_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/balances/random", Fixture, NULL, fixture_set_up, test_random,
              fixture_tear_down);
  g_test_add_func ("/balances/migration", test_migration);

  return g_test_run ();
}
