/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: the SQLite store on a temporary database */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <locale.h>

#include "kab-country.h"
#include "kab-demo.h"
#include "kab-enum-types.h"
#include "kab-model-error.h"
#include "kab-store.h"
#include "kab-store-private.h"
#include "kab-test-store.h"
#include "kab-test-util.h"

typedef KabTestStore Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  kab_test_store_set_up (fixture, "store");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kab_test_store_tear_down (fixture);
}

static KabStore *
reopen (Fixture *fixture)
{
  return kab_test_store_reopen (fixture);
}

static KabClient *
add_client (KabStore   *store,
            const char *given,
            const char *family,
            gint64      fee)
{
  g_autoptr(GError) error = NULL;
  KabClient *client = kab_client_new ();

  g_object_set (client, "given-name", given, "family-name", family, "fee", fee, NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kab_client_get_id (client), >, 0);
  return client;
}

static GDateTime *
local_time (int year, int month, int day, int hour, int minute)
{
  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

static KabSession *
add_session (KabStore  *store,
             KabClient *client,
             GDateTime *start,
             gint64     fee)
{
  g_autoptr(GError) error = NULL;
  KabSession *session = kab_session_new ();

  g_object_set (session,
                "client-id", kab_client_get_id (client),
                "start", start,
                "duration", 50,
                "fee", fee,
                NULL);
  g_assert_true (kab_store_save_session (store, session, &error));
  g_assert_no_error (error);
  return session;
}

static gint64
balance_of (KabStore *store,
            gint64    client_id)
{
  g_autoptr(GError) error = NULL;
  gint64 balance = -1;

  g_assert_true (kab_store_get_balance (store, client_id, &balance, &error));
  g_assert_no_error (error);
  return balance;
}

static char *
read_bytes (const char *path,
            gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

/* Runs raw SQL on a closed database file, to craft files the store must refuse. */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_open_creates_private_file (Fixture       *fixture,
                                gconstpointer  data)
{
  struct stat st;

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpstr (kab_store_get_path (fixture->store), ==, fixture->path);
  g_assert_cmpuint (g_list_model_get_n_items (kab_store_get_clients (fixture->store)), ==, 0);
}

static void
test_practice_round_trip (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabPractice) edited = kab_practice_copy (kab_store_get_practice (fixture->store));
  KabPractice *practice;

  g_object_set (edited,
                "practitioner-name", "Ингрид Бьёрнстад",
                "currency", "NOK",
                "default-fee", (gint64)150050,
                "cancel-hours", 48,
                "late-cancel-percent", 50,
                NULL);
  g_assert_true (kab_store_save_practice (fixture->store, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kab_practice_get_currency (kab_store_get_practice (fixture->store)), ==, "NOK");

  practice = kab_store_get_practice (reopen (fixture));
  g_assert_cmpstr (kab_practice_get_practitioner_name (practice), ==, "Ингрид Бьёрнстад");
  g_assert_cmpint (kab_practice_get_default_fee (practice), ==, 150050);
  g_assert_cmpint (kab_practice_get_cancel_hours (practice), ==, 48);
  g_assert_cmpint (kab_practice_get_late_cancel_percent (practice), ==, 50);

  /* Invalid settings are refused and change nothing. */
  g_object_set (edited, "currency", "XYZ", NULL);
  g_assert_false (kab_store_save_practice (fixture->store, edited, &error));
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_CURRENCY);
  g_assert_cmpstr (kab_practice_get_currency (kab_store_get_practice (fixture->store)), ==, "NOK");
}

static void
test_client_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(GDateTime) birth = g_date_time_new_local (1987, 3, 14, 0, 0, 0);
  GListModel *clients = kab_store_get_clients (fixture->store);
  KabClient *loaded;
  gint64 id;

  g_object_set (client,
                "given-name", "Åse",
                "family-name", "Ødegård",
                "birth-date", birth,
                "phone", "+47 915 55 123",
                "email", "ase@example.no",
                "address", "Thereses gate 20, Oslo",
                "emergency-contact", "Knut, +47 900 00 000",
                "status", KAB_CLIENT_STATUS_PAUSED,
                "service", KAB_SERVICE_CONSULTATION,
                "billing-plan", KAB_BILLING_PLAN_MONTHLY,
                "fee", (gint64)600000,
                "notes", "Prefers mornings; 'quotes' and \"double\" -- ; DROP TABLE client;",
                NULL);
  g_assert_true (kab_store_save_client (fixture->store, client, &error));
  g_assert_no_error (error);
  id = kab_client_get_id (client);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 1);

  clients = kab_store_get_clients (reopen (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 1);
  loaded = kab_store_find_client (fixture->store, id);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (kab_client_get_given_name (loaded), ==, "Åse");
  g_assert_cmpstr (kab_client_get_family_name (loaded), ==, "Ødegård");
  g_assert_cmpint (g_date_time_get_year (kab_client_get_birth_date (loaded)), ==, 1987);
  g_assert_cmpint (g_date_time_get_month (kab_client_get_birth_date (loaded)), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (kab_client_get_birth_date (loaded)), ==, 14);
  g_assert_cmpstr (kab_client_get_emergency_contact (loaded), ==, "Knut, +47 900 00 000");
  g_assert_cmpint (kab_client_get_status (loaded), ==, KAB_CLIENT_STATUS_PAUSED);
  g_assert_cmpint (kab_client_get_service (loaded), ==, KAB_SERVICE_CONSULTATION);
  g_assert_cmpint (kab_client_get_billing_plan (loaded), ==, KAB_BILLING_PLAN_MONTHLY);
  g_assert_cmpint (kab_client_get_fee (loaded), ==, 600000);
  g_assert_cmpstr (kab_client_get_notes (loaded), ==,
                   "Prefers mornings; 'quotes' and \"double\" -- ; DROP TABLE client;");
  g_assert_nonnull (kab_client_get_created (loaded));
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *calls)
{
  guint call[3] = { position, removed, added };

  g_array_append_vals (calls, call, 3);
}

static void
test_client_update_changes_one_row (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(KabClient) first = add_client (fixture->store, "Anna", "Karlsson", 0);
  g_autoptr(KabClient) second = add_client (fixture->store, "Erik", "Lindqvist", 0);
  g_autoptr(KabClient) third = add_client (fixture->store, "Ольга", "Смирнова", 0);
  g_autoptr(KabClient) edited = kab_client_copy (second);
  GListModel *clients = kab_store_get_clients (fixture->store);
  gulong handler;

  handler = g_signal_connect (clients, "items-changed", G_CALLBACK (on_items_changed), calls);

  kab_client_set_phone (edited, "+46 70 111 22 33");
  g_assert_true (kab_store_save_client (fixture->store, edited, &error));
  g_assert_no_error (error);

  /* Exactly one row replaced, at the client's position. */
  g_assert_cmpuint (calls->len, ==, 3);
  g_assert_cmpuint (g_array_index (calls, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (calls, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (calls, guint, 2), ==, 1);
  /* The listed object stays the same and takes the saved fields. */
  g_assert_true (kab_store_find_client (fixture->store, kab_client_get_id (second)) == second);
  g_assert_cmpstr (kab_client_get_phone (second), ==, "+46 70 111 22 33");
  g_signal_handler_disconnect (clients, handler);

  /* An invalid edit is refused and the row stays as it was. */
  kab_client_set_given_name (edited, "");
  kab_client_set_family_name (edited, "  ");
  g_assert_false (kab_store_save_client (fixture->store, edited, &error));
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_EMPTY_NAME);
  g_assert_cmpstr (kab_client_get_given_name (second), ==, "Erik");
  reopen (fixture);
  g_assert_cmpstr (kab_client_get_given_name (kab_store_find_client (fixture->store,
                                                                     kab_client_get_id (second))),
                   ==, "Erik");
  g_assert_cmpstr (kab_client_get_phone (kab_store_find_client (fixture->store,
                                                                kab_client_get_id (second))),
                   ==, "+46 70 111 22 33");
}

static void
test_client_delete_rules (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabClient) fresh = add_client (fixture->store, "Maja", "Nilsson", 100000);
  g_autoptr(KabClient) seen = add_client (fixture->store, "Olof", "Persson", 100000);
  g_autoptr(GDateTime) start = local_time (2026, 10, 5, 10, 0);
  g_autoptr(KabSession) session = add_session (fixture->store, seen, start, 100000);

  g_assert_false (kab_store_delete_client (fixture->store, seen, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_nonnull (kab_store_find_client (fixture->store, kab_client_get_id (seen)));

  g_assert_true (kab_store_delete_client (fixture->store, fresh, &error));
  g_assert_no_error (error);
  g_assert_null (kab_store_find_client (fixture->store, kab_client_get_id (fresh)));
  reopen (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (kab_store_get_clients (fixture->store)), ==, 1);
}

static void
check_charge (KabStore         *store,
              KabSession       *session,
              KabSessionStatus  status,
              gint64            expected_balance)
{
  g_autoptr(GError) error = NULL;

  kab_session_set_status (session, status);
  g_assert_true (kab_store_save_session (store, session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (balance_of (store, kab_session_get_client_id (session)), ==, expected_balance);
}

static void
test_status_decides_charge (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabPractice) practice = kab_practice_copy (kab_store_get_practice (fixture->store));
  g_autoptr(KabClient) client = add_client (fixture->store, "Sara", "Holmgren", 120050);
  g_autoptr(GDateTime) start = local_time (2026, 9, 1, 14, 0);
  g_autoptr(KabSession) session = add_session (fixture->store, client, start, 120050);
  KabClient *listed = kab_store_find_client (fixture->store, kab_client_get_id (client));

  kab_practice_set_late_cancel_percent (practice, 50);
  g_assert_true (kab_store_save_practice (fixture->store, practice, &error));

  g_assert_cmpint (balance_of (fixture->store, kab_client_get_id (client)), ==, 0);
  check_charge (fixture->store, session, KAB_SESSION_STATUS_ATTENDED, 120050);
  g_assert_cmpint (kab_client_get_balance (listed), ==, 120050);
  check_charge (fixture->store, session, KAB_SESSION_STATUS_CANCELLED_IN_TIME, 0);
  /* Half of 1200.50 is 600.25, to the minor unit. */
  check_charge (fixture->store, session, KAB_SESSION_STATUS_CANCELLED_LATE, 60025);
  check_charge (fixture->store, session, KAB_SESSION_STATUS_NO_SHOW, 60025);
  check_charge (fixture->store, session, KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER, 0);
  check_charge (fixture->store, session, KAB_SESSION_STATUS_PLANNED, 0);
  check_charge (fixture->store, session, KAB_SESSION_STATUS_ATTENDED, 120050);
  g_assert_cmpint (kab_client_get_balance (listed), ==, 120050);

  /* Deleting the session takes its charge with it. */
  g_assert_true (kab_store_delete_session (fixture->store, session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (balance_of (fixture->store, kab_client_get_id (client)), ==, 0);
  g_assert_cmpint (kab_client_get_balance (listed), ==, 0);
}

static void
test_payments_and_balances (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabClient) a = add_client (fixture->store, "Ingrid", "Haugen", 150000);
  g_autoptr(KabClient) b = add_client (fixture->store, "Алёна", "Зайцева", 350000);
  g_autoptr(GDateTime) day = local_time (2026, 11, 2, 9, 0);
  g_autoptr(KabSession) s1 = add_session (fixture->store, a, day, 150000);
  g_autoptr(KabSession) s2 = add_session (fixture->store, b, day, 350000);
  g_autoptr(KabPayment) payment = kab_payment_new ();
  g_autoptr(GHashTable) balances = NULL;
  g_autoptr(GListModel) payments = NULL;
  gint64 id_a = kab_client_get_id (a);
  gint64 charged = 0, paid = 0;

  check_charge (fixture->store, s1, KAB_SESSION_STATUS_ATTENDED, 150000);
  check_charge (fixture->store, s2, KAB_SESSION_STATUS_ATTENDED, 350000);

  g_object_set (payment,
                "client-id", id_a,
                "date", day,
                "amount", (gint64)200000,
                "currency", "NOK",
                "method", KAB_PAYMENT_METHOD_VIPPS,
                NULL);
  g_assert_true (kab_store_save_payment (fixture->store, payment, &error));
  g_assert_no_error (error);
  /* Paid more than owed: a credit of 500.00. */
  g_assert_cmpint (balance_of (fixture->store, id_a), ==, -50000);
  g_assert_cmpint (kab_client_get_balance (kab_store_find_client (fixture->store, id_a)), ==, -50000);

  balances = kab_store_get_all_balances (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (*(gint64 *)g_hash_table_lookup (balances, &id_a), ==, -50000);
  g_assert_true (kab_store_get_totals (fixture->store, &charged, &paid, &error));
  g_assert_cmpint (charged, ==, 500000);
  g_assert_cmpint (paid, ==, 200000);

  payments = kab_store_list_payments (fixture->store, id_a, NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, 1);

  /* A negative or zero payment is refused, nothing written. */
  {
    g_autoptr(KabPayment) bad = kab_payment_new ();
    g_object_set (bad, "client-id", id_a, "date", day, "amount", (gint64)-100,
                  "currency", "NOK", NULL);
    g_assert_false (kab_store_save_payment (fixture->store, bad, &error));
    g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT);
    g_clear_error (&error);
    g_assert_cmpint (balance_of (fixture->store, id_a), ==, -50000);
  }

  /* A payment for a client who does not exist is refused. */
  {
    g_autoptr(KabPayment) orphan = kab_payment_new ();
    g_object_set (orphan, "client-id", (gint64)9999, "date", day, "amount", (gint64)100,
                  "currency", "NOK", NULL);
    g_assert_false (kab_store_save_payment (fixture->store, orphan, &error));
    g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* Moving the payment to the other client changes both balances, in memory too. */
  kab_payment_set_client_id (payment, kab_client_get_id (b));
  g_assert_true (kab_store_save_payment (fixture->store, payment, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kab_client_get_balance (kab_store_find_client (fixture->store, id_a)), ==, 150000);
  g_assert_cmpint (kab_client_get_balance (kab_store_find_client (fixture->store, kab_client_get_id (b))), ==, 150000);
  kab_payment_set_client_id (payment, id_a);
  g_assert_true (kab_store_save_payment (fixture->store, payment, &error));

  g_assert_true (kab_store_delete_payment (fixture->store, payment, &error));
  g_assert_cmpint (balance_of (fixture->store, id_a), ==, 150000);
}

static void
test_monthly_fee_once_per_period (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabClient) client = add_client (fixture->store, "Kari", "Nilsen", 600000);
  g_autoptr(GDateTime) day = local_time (2026, 11, 1, 0, 0);
  g_autoptr(KabCharge) first = kab_charge_new ();
  g_autoptr(KabCharge) again = kab_charge_new ();

  g_object_set (first, "client-id", kab_client_get_id (client), "date", day,
                "amount", (gint64)600000, "currency", "NOK",
                "kind", KAB_CHARGE_KIND_MONTHLY_FEE, "period", "2026-11", NULL);
  g_assert_true (kab_store_save_charge (fixture->store, first, &error));
  g_assert_no_error (error);

  g_object_set (again, "client-id", kab_client_get_id (client), "date", day,
                "amount", (gint64)600000, "currency", "NOK",
                "kind", KAB_CHARGE_KIND_MONTHLY_FEE, "period", "2026-11", NULL);
  g_assert_false (kab_store_save_charge (fixture->store, again, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  g_assert_cmpint (balance_of (fixture->store, kab_client_get_id (client)), ==, 600000);
}

static guint
count_sessions (KabStore   *store,
                gint64      client_id,
                int         hour)
{
  g_autoptr(GListModel) sessions = kab_store_list_client_sessions (store, client_id, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (kab_session_get_start (session));

      if (hour < 0 || g_date_time_get_hour (local) == hour)
        n++;
    }

  return n;
}

static void
test_series_materialises_and_edits_future_only (Fixture       *fixture,
                                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabClient) client = add_client (fixture->store, "Håkon", "Bakken", 100000);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) week_ago = g_date_time_add_weeks (now, -4);
  g_autoptr(GDateTime) first = g_date_time_new_local (g_date_time_get_year (week_ago),
                                                      g_date_time_get_month (week_ago),
                                                      g_date_time_get_day_of_month (week_ago),
                                                      0, 0, 0);
  g_autoptr(GDateTime) until = g_date_time_add_weeks (first, 9);
  g_autoptr(KabSeries) series = kab_series_new ();
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(KabSession) past = NULL;
  gint64 id = kab_client_get_id (client);

  g_object_set (series,
                "client-id", id,
                "first-date", first,
                "until-date", until,
                "start-minute", 10 * 60,
                "duration", 50,
                "interval-weeks", 1,
                "fee", (gint64)100000,
                NULL);
  g_assert_true (kab_store_save_series (fixture->store, series, &error));
  g_assert_no_error (error);
  /* Weekly from four weeks ago to nine weeks after: ten occurrences, until inclusive. */
  g_assert_cmpuint (count_sessions (fixture->store, id, 10), ==, 10);

  sessions = kab_store_list_client_sessions (fixture->store, id, NULL);
  past = g_list_model_get_item (sessions, 0);
  check_charge (fixture->store, past, KAB_SESSION_STATUS_ATTENDED, 100000);

  /* Moving the series to 16:00 rewrites the future only. */
  kab_series_set_start_minute (series, 16 * 60);
  g_assert_true (kab_store_save_series (fixture->store, series, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_sessions (fixture->store, id, -1), ==, 10);
  g_assert_cmpuint (count_sessions (fixture->store, id, 16), >=, 5);
  g_assert_cmpuint (count_sessions (fixture->store, id, 10), >=, 4);
  g_assert_cmpint (balance_of (fixture->store, id), ==, 100000);
  g_assert_nonnull (kab_client_get_next_session (kab_store_find_client (fixture->store, id)));
}

static void
test_overlaps (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabClient) a = add_client (fixture->store, "Nora", "Lie", 0);
  g_autoptr(KabClient) b = add_client (fixture->store, "Per", "Olsson", 0);
  g_autoptr(GDateTime) ten = local_time (2026, 12, 1, 10, 0);
  g_autoptr(GDateTime) ten_thirty = local_time (2026, 12, 1, 10, 30);
  g_autoptr(GDateTime) ten_fifty = local_time (2026, 12, 1, 10, 50);
  g_autoptr(KabSession) booked = add_session (fixture->store, a, ten, 0);
  g_autoptr(KabSession) candidate = kab_session_new ();
  g_autoptr(GListModel) overlaps = NULL;

  g_object_set (candidate, "client-id", kab_client_get_id (b), "start", ten_thirty,
                "duration", 50, NULL);
  overlaps = kab_store_find_overlaps (fixture->store, candidate, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (overlaps), ==, 1);
  g_clear_object (&overlaps);

  /* Back to back is not an overlap. */
  kab_session_set_start (candidate, ten_fifty);
  overlaps = kab_store_find_overlaps (fixture->store, candidate, &error);
  g_assert_cmpuint (g_list_model_get_n_items (overlaps), ==, 0);
  g_clear_object (&overlaps);

  /* A cancelled session frees its slot. */
  kab_session_set_start (candidate, ten_thirty);
  check_charge (fixture->store, booked, KAB_SESSION_STATUS_CANCELLED_IN_TIME, 0);
  overlaps = kab_store_find_overlaps (fixture->store, candidate, &error);
  g_assert_cmpuint (g_list_model_get_n_items (overlaps), ==, 0);
}

static void
test_sessions_in_range (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabClient) client = add_client (fixture->store, "Sigrid", "Dahl", 0);
  g_autoptr(GDateTime) monday = local_time (2026, 11, 16, 0, 0);
  g_autoptr(GDateTime) next_monday = local_time (2026, 11, 23, 0, 0);
  g_autoptr(GListModel) week = NULL;
  g_autoptr(KabSession) inside = NULL;
  g_autoptr(KabSession) before = NULL;
  g_autoptr(KabSession) after = NULL;
  g_autoptr(GDateTime) t1 = local_time (2026, 11, 18, 12, 0);
  g_autoptr(GDateTime) t2 = local_time (2026, 11, 15, 23, 0);
  g_autoptr(GDateTime) t3 = local_time (2026, 11, 23, 0, 0);
  g_autoptr(KabSession) first = NULL;

  inside = add_session (fixture->store, client, t1, 0);
  before = add_session (fixture->store, client, t2, 0);
  after = add_session (fixture->store, client, t3, 0);

  week = kab_store_list_sessions (fixture->store, monday, next_monday, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (week), ==, 1);
  first = g_list_model_get_item (week, 0);
  g_assert_cmpint (kab_session_get_id (first), ==, kab_session_get_id (inside));
  g_assert_cmpstr (kab_session_get_client_name (first), ==, "Sigrid Dahl");
}

/* What Today lists as waiting to be marked: the range's sessions still planned, and
 * nothing else, oldest first. */
static void
test_planned_sessions_in_range (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabClient) client = add_client (fixture->store, "Sigrid", "Dahl", 0);
  g_autoptr(GDateTime) monday = local_time (2026, 11, 16, 0, 0);
  g_autoptr(GDateTime) next_monday = local_time (2026, 11, 23, 0, 0);
  g_autoptr(GDateTime) t1 = local_time (2026, 11, 19, 9, 0);
  g_autoptr(GDateTime) t2 = local_time (2026, 11, 17, 9, 0);
  g_autoptr(GDateTime) t3 = local_time (2026, 11, 18, 9, 0);
  g_autoptr(GDateTime) t4 = local_time (2026, 11, 20, 9, 0);
  g_autoptr(GDateTime) t5 = local_time (2026, 11, 23, 9, 0);
  g_autoptr(KabSession) later = add_session (fixture->store, client, t1, 0);
  g_autoptr(KabSession) earlier = add_session (fixture->store, client, t2, 0);
  g_autoptr(KabSession) attended = add_session (fixture->store, client, t3, 0);
  g_autoptr(KabSession) cancelled = add_session (fixture->store, client, t4, 0);
  g_autoptr(KabSession) outside = add_session (fixture->store, client, t5, 0);
  g_autoptr(GListModel) planned = NULL;
  g_autoptr(KabSession) first = NULL;
  g_autoptr(KabSession) second = NULL;

  check_charge (fixture->store, attended, KAB_SESSION_STATUS_ATTENDED, 0);
  check_charge (fixture->store, cancelled, KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER, 0);

  planned = kab_store_list_planned_sessions (fixture->store, monday, next_monday, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (planned), ==, 2);
  first = g_list_model_get_item (planned, 0);
  second = g_list_model_get_item (planned, 1);
  g_assert_cmpint (kab_session_get_id (first), ==, kab_session_get_id (earlier));
  g_assert_cmpint (kab_session_get_id (second), ==, kab_session_get_id (later));
  g_assert_cmpint (kab_session_get_status (first), ==, KAB_SESSION_STATUS_PLANNED);
  g_assert_cmpstr (kab_session_get_client_name (second), ==, "Sigrid Dahl");
}

static void
test_consent_state_and_printed_text (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabClient) client = add_client (fixture->store, "Emma", "Berg", 0);
  g_autoptr(KabConsent) consent = kab_consent_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  KabClient *listed = kab_store_find_client (fixture->store, kab_client_get_id (client));

  g_assert_cmpint (kab_client_get_consent_state (listed), ==, KAB_CONSENT_STATE_MISSING);
  g_object_set (consent,
                "client-id", kab_client_get_id (client),
                "language", "sv",
                "title", "Överenskommelse",
                "rendered-text", "# Överenskommelse\n\nText.",
                "printed-on", now,
                NULL);
  g_assert_true (kab_store_save_consent (fixture->store, consent, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kab_client_get_consent_state (listed), ==, KAB_CONSENT_STATE_PRINTED);

  kab_consent_set_signed_on (consent, now);
  g_assert_true (kab_store_save_consent (fixture->store, consent, &error));
  g_assert_cmpint (kab_client_get_consent_state (listed), ==, KAB_CONSENT_STATE_SIGNED);

  /* What was printed stays as printed. */
  kab_consent_set_rendered_text (consent, "# Changed\n\nOther text.");
  g_assert_false (kab_store_save_consent (fixture->store, consent, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  g_clear_error (&error);

  reopen (fixture);
  listed = kab_store_find_client (fixture->store, kab_client_get_id (client));
  g_assert_cmpint (kab_client_get_consent_state (listed), ==, KAB_CONSENT_STATE_SIGNED);
}

static void
test_template_versions (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(KabConsentTemplate) template = NULL;
  g_autoptr(KabClient) client = add_client (fixture->store, "Lars", "Eriksson", 0);
  g_autoptr(KabConsent) consent = kab_consent_new ();

  g_assert_true (kab_store_ensure_builtin_template (fixture->store, "agreement-sv", "sv",
                                                    "# Överenskommelse\n\nVersion ett.", &error));
  g_assert_no_error (error);
  /* The same text again writes nothing. */
  g_assert_true (kab_store_ensure_builtin_template (fixture->store, "agreement-sv", "sv",
                                                    "# Överenskommelse\n\nVersion ett.", &error));
  templates = kab_store_list_consent_templates (fixture->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (templates), ==, 1);
  template = g_list_model_get_item (templates, 0);
  g_assert_cmpstr (kab_consent_template_get_title (template), ==, "Överenskommelse");
  g_assert_cmpint (kab_consent_template_get_version (template), ==, 1);
  g_clear_object (&templates);

  /* Unused, a template is edited in place. */
  kab_consent_template_set_body (template, "# Överenskommelse\n\nVersion ett, rättad.");
  g_assert_true (kab_store_save_consent_template (fixture->store, template, &error));
  g_assert_cmpint (kab_consent_template_get_version (template), ==, 1);

  /* Once an agreement used it, an edit becomes version 2. */
  g_object_set (consent, "client-id", kab_client_get_id (client),
                "template-id", kab_consent_template_get_id (template),
                "language", "sv", "title", "Överenskommelse",
                "rendered-text", "Text", NULL);
  g_assert_true (kab_store_save_consent (fixture->store, consent, &error));
  kab_consent_template_set_body (template, "# Överenskommelse\n\nVersion två.");
  g_assert_true (kab_store_save_consent_template (fixture->store, template, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kab_consent_template_get_version (template), ==, 2);

  templates = kab_store_list_consent_templates (fixture->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (templates), ==, 2);
}

static void
test_backup_to (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabClient) client = add_client (fixture->store, "Tuva", "Strand", 0);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(KabStore) other = NULL;
  struct stat st;

  g_assert_true (kab_store_backup_to (fixture->store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  other = kab_store_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kab_store_get_clients (other)), ==, 1);
}

static void
test_migrates_from_version_1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kabinett-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *backup = g_strconcat (path, ".schema-1.bak", NULL);
  g_autoptr(KabStore) old = kab_store_open_at_version (path, 1, &error);
  g_autoptr(KabStore) store = NULL;
  g_autoptr(KabClient) client = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  client = add_client (old, "Светлана", "Фёдорова", 350000);
  g_clear_object (&old);

  store = kab_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_list_model_get_n_items (kab_store_get_clients (store)), ==, 1);
  g_clear_object (&store);

  /* The migration filled the folded name the list is ordered by. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM client"
                                           " WHERE instr (name_fold, 'светлана') > 0",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  kab_test_remove_tree (dir);
}

/* A practice from before the country setting takes its country from the language of its
 * forms, and nothing else about it changes. */
static void
test_migrates_country_from_form_language (void)
{
  static const struct { const char *language, *country; } cases[] = {
    { "sv", KAB_COUNTRY_SWEDEN }, { "nb", KAB_COUNTRY_NORWAY },
    { "ru", KAB_COUNTRY_RUSSIA }, { "en", KAB_COUNTRY_OTHER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("kabinett-country-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "old.db", NULL);
      g_autoptr(KabStore) old = kab_store_open_at_version (path, 2, &error);
      g_autoptr(KabStore) store = NULL;
      g_autofree char *sql = NULL;

      g_assert_no_error (error);
      g_clear_object (&old);
      sql = g_strdup_printf ("INSERT INTO practice (id, currency, form_language)"
                             " VALUES (1, 'DKK', '%s');", cases[i].language);
      raw_exec (path, sql);

      store = kab_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (kab_practice_get_country (kab_store_get_practice (store)), ==, cases[i].country);
      g_assert_cmpstr (kab_practice_get_currency (kab_store_get_practice (store)), ==, "DKK");
      g_assert_cmpstr (kab_practice_get_form_language (kab_store_get_practice (store)), ==, cases[i].language);

      g_clear_object (&store);
      kab_test_remove_tree (dir);
    }
}

/* A new practice follows the user's locale: a Swedish desktop bills in kronor and prints
 * Swedish agreements; the country is saved with the first change. */
static void
test_new_practice_follows_locale (void)
{
  static const struct { const char *locale, *country, *currency, *language; } cases[] = {
    { "sv_SE.UTF-8", KAB_COUNTRY_SWEDEN, "SEK", "sv" },
    { "nb_NO.UTF-8", KAB_COUNTRY_NORWAY, "NOK", "nb" },
    { "ru_RU.UTF-8", KAB_COUNTRY_RUSSIA, "RUB", "ru" },
    { "C.UTF-8", KAB_COUNTRY_OTHER, "EUR", "en" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("kabinett-locale-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "new.db", NULL);
      g_autoptr(KabStore) store = NULL;
      KabPractice *practice;

      if (setlocale (LC_ALL, cases[i].locale) == NULL)
        {
          g_test_message ("locale %s is not installed", cases[i].locale);
          g_test_fail ();
          continue;
        }

      store = kab_store_open (path, &error);
      g_assert_no_error (error);
      practice = kab_store_get_practice (store);
      g_assert_cmpstr (kab_practice_get_country (practice), ==, cases[i].country);
      g_assert_cmpstr (kab_practice_get_currency (practice), ==, cases[i].currency);
      g_assert_cmpstr (kab_practice_get_form_language (practice), ==, cases[i].language);
      g_assert_true (kab_store_save_practice (store, practice, &error));
      g_clear_object (&store);

      /* Once saved, the practice keeps its country whatever the locale. */
      setlocale (LC_ALL, "C.UTF-8");
      store = kab_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (kab_practice_get_country (kab_store_get_practice (store)), ==, cases[i].country);

      g_clear_object (&store);
      kab_test_remove_tree (dir);
    }

  setlocale (LC_ALL, "C.UTF-8");
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  before = read_bytes (path, &before_len);
  store = kab_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, KAB_STORE_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  after = read_bytes (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuses_newer_file (Fixture       *fixture,
                         gconstpointer  data)
{
  g_clear_object (&fixture->store);
  raw_exec (fixture->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
  assert_refused_untouched (fixture->path, KAB_STORE_ERROR_TOO_NEW);
}

static void
test_refuses_garbage_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kabinett-garbage-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "garbage.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  char bytes[4096];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (char)(i * 7 + 3);
  g_assert_true (g_file_set_contents (path, bytes, sizeof bytes, NULL));
  assert_refused_untouched (path, KAB_STORE_ERROR_CORRUPT);

  /* A healthy SQLite file of another program is not ours either. */
  raw_exec (other, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x');");
  assert_refused_untouched (other, KAB_STORE_ERROR_CORRUPT);

  kab_test_remove_tree (dir);
}

static void
test_refuses_second_instance (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) second = kab_store_open (fixture->path, &error);

  g_assert_null (second);
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_LOCKED);
}

static void
test_refuses_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kabinett-dir-XXXXXX", NULL);
  g_autoptr(KabStore) store = kab_store_open (dir, &error);

  g_assert_null (store);
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_OPEN);
  g_rmdir (dir);
}

static void
test_demo_practice_adds_up (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GHashTable) balances = NULL;
  g_autoptr(GListModel) sessions = NULL;
  KabDemoSize size = KAB_DEMO_SIZE_SMALL;
  GHashTableIter iter;
  gpointer key, value;
  gint64 sum = 0, charged = 0, paid = 0;
  guint n_active = 0;
  GListModel *clients;

  g_assert_true (kab_demo_fill (fixture->store, &size, now, &error));
  g_assert_no_error (error);

  clients = kab_store_get_clients (reopen (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, size.n_clients);

  balances = kab_store_get_all_balances (fixture->store, &error);
  g_hash_table_iter_init (&iter, balances);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      KabClient *client = kab_store_find_client (fixture->store, *(gint64 *)key);

      sum += *(gint64 *)value;
      /* What the list shows is what SQL says. */
      g_assert_cmpint (kab_client_get_balance (client), ==, *(gint64 *)value);
      if (kab_client_get_status (client) == KAB_CLIENT_STATUS_ACTIVE)
        n_active++;
    }
  g_assert_true (kab_store_get_totals (fixture->store, &charged, &paid, &error));
  g_assert_cmpint (sum, ==, charged - paid);
  g_assert_cmpint (charged, >, 0);
  g_assert_cmpint (paid, >, 0);
  g_assert_cmpuint (n_active, >, 0);

  {
    g_autoptr(GDateTime) from = g_date_time_add_years (now, -3);
    g_autoptr(GDateTime) to = g_date_time_add_years (now, 1);
    sessions = kab_store_list_sessions (fixture->store, from, to, &error);
  }
  g_assert_cmpuint (g_list_model_get_n_items (sessions), >, size.n_clients);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("open/private-file", test_open_creates_private_file);
  ADD ("practice/round-trip", test_practice_round_trip);
  ADD ("clients/round-trip", test_client_round_trip);
  ADD ("clients/update-one-row", test_client_update_changes_one_row);
  ADD ("clients/delete-rules", test_client_delete_rules);
  ADD ("sessions/status-decides-charge", test_status_decides_charge);
  ADD ("sessions/in-range", test_sessions_in_range);
  ADD ("sessions/planned-in-range", test_planned_sessions_in_range);
  ADD ("sessions/overlaps", test_overlaps);
  ADD ("series/future-only", test_series_materialises_and_edits_future_only);
  ADD ("ledger/payments-and-balances", test_payments_and_balances);
  ADD ("ledger/monthly-fee-once", test_monthly_fee_once_per_period);
  ADD ("consent/state-and-printed-text", test_consent_state_and_printed_text);
  ADD ("consent/template-versions", test_template_versions);
  ADD ("backup/to-file", test_backup_to);
  ADD ("refuse/newer-file", test_refuses_newer_file);
  ADD ("refuse/second-instance", test_refuses_second_instance);
  ADD ("demo/adds-up", test_demo_practice_adds_up);
  g_test_add_func ("/store/migrate/from-version-1", test_migrates_from_version_1);
  g_test_add_func ("/store/migrate/country-from-form-language", test_migrates_country_from_form_language);
  g_test_add_func ("/store/practice/new-follows-locale", test_new_practice_follows_locale);
  g_test_add_func ("/store/refuse/garbage-file", test_refuses_garbage_file);
  g_test_add_func ("/store/refuse/directory", test_refuses_directory);

  return g_test_run ();
}
