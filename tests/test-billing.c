/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-billing.c: the charging rules: packages, charges as history, one currency, series
 * with exceptions, stable UIDs, the future, migration, and a model-based random test */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sqlite3.h>

#include "kab-country.h"
#include "kab-store.h"
#include "kab-store-private.h"
#include "kab-test-store.h"
#include "kab-test-util.h"

typedef KabTestStore Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  kab_test_store_set_up (f, "billing");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kab_store_set_test_now (NULL);
  kab_test_store_tear_down (f);
}

static void
reopen (Fixture *f)
{
  kab_test_store_reopen (f);
}

/* A throwaway database need not wait for the disk: thousands of steps write to it. */
static void
no_sync (Fixture *f)
{
  g_assert_cmpint (sqlite3_exec (f->store->db, "PRAGMA synchronous = OFF", NULL, NULL, NULL),
                   ==, SQLITE_OK);
}

static GDateTime *
day_at (int year,
        int month,
        int day,
        int hour)
{
  return g_date_time_new_local (year, month, day, hour, 0, 0);
}

static void
set_clock (int year,
           int month,
           int day)
{
  g_autoptr(GDateTime) now = day_at (year, month, day, 12);

  kab_store_set_test_now (now);
}

static void
set_practice (KabStore *store,
              gint64    default_fee,
              int       percent)
{
  g_autoptr(KabPractice) practice = kab_practice_copy (kab_store_get_practice (store));
  g_autoptr(GError) error = NULL;

  g_object_set (practice,
                "practitioner-name", "Karin Lindqvist",
                "currency", "SEK",
                "default-fee", default_fee,
                "late-cancel-percent", percent,
                NULL);
  g_assert_true (kab_store_save_practice (store, practice, &error));
  g_assert_no_error (error);
}

static gint64
add_client (KabStore       *store,
            KabBillingPlan  plan,
            gint64          fee)
{
  return kab_test_store_add_client (store, "Åsa", "Öberg", plan, fee);
}

static KabSession *
add_session (KabStore         *store,
             gint64            client_id,
             GDateTime        *start,
             KabSessionStatus  status,
             gint64            fee)
{
  KabSession *session = kab_session_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (session, "client-id", client_id, "start", start, "duration", 50,
                "status", status, "fee", fee, NULL);
  g_assert_true (kab_store_save_session (store, session, &error));
  g_assert_no_error (error);
  return session;
}

static void
set_status (KabStore         *store,
            KabSession       *session,
            KabSessionStatus  status)
{
  g_autoptr(GError) error = NULL;

  kab_session_set_status (session, status);
  g_assert_true (kab_store_save_session (store, session, &error));
  g_assert_no_error (error);
}

static gint64
balance (KabStore *store,
         gint64    client_id)
{
  g_autoptr(GError) error = NULL;
  gint64 value = G_MININT64;

  g_assert_true (kab_store_get_balance (store, client_id, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kab_client_get_balance (kab_store_find_client (store, client_id)), ==, value);
  return value;
}

static gint64
session_charge (KabStore *store,
                gint64    session_id)
{
  g_autoptr(GListModel) charges = kab_store_list_charges (store, 0, NULL, NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (charges); i++)
    {
      g_autoptr(KabCharge) charge = g_list_model_get_item (charges, i);

      if (kab_charge_get_session_id (charge) == session_id)
        return kab_charge_get_amount (charge);
    }
  return 0;
}

/* Finding 2: a package is used up by attended sessions, late cancellations and no-shows in
 * date order; what goes beyond it is charged per session; undoing gives a session back. */
static void
test_package_used_up (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) bought = day_at (2025, 3, 1, 9);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gint64 client_id;
  int left = -1, size = -1;

  set_clock (2025, 3, 1);
  set_practice (f->store, 100000, 60);
  client_id = add_client (f->store, KAB_BILLING_PLAN_PACKAGE, 900000);
  g_assert_false (kab_store_get_package_state (f->store, client_id, &left, &size));
  g_assert_true (kab_store_sell_package (f->store, client_id, 10, 900000, bought, NULL, NULL,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpint (balance (f->store, client_id), ==, 900000);
  g_assert_true (kab_store_get_package_state (f->store, client_id, &left, &size));
  g_assert_cmpint (left, ==, 10);
  g_assert_cmpint (size, ==, 10);

  set_clock (2025, 7, 1);
  /* Twelve attended sessions and a late cancellation. */
  for (int i = 0; i < 13; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_add_weeks (bought, i + 1);
      g_ptr_array_add (sessions, add_session (f->store, client_id, start,
                                              i == 12 ? KAB_SESSION_STATUS_CANCELLED_LATE
                                                      : KAB_SESSION_STATUS_ATTENDED, 0));
    }

  /* Ten in the package; two beyond it at the practice's fee, a late cancellation at 60 %. */
  g_assert_cmpint (balance (f->store, client_id), ==, 900000 + 2 * 100000 + 60000);
  g_assert_true (kab_store_get_package_state (f->store, client_id, &left, &size));
  g_assert_cmpint (left, ==, 0);
  g_assert_cmpint (session_charge (f->store, kab_session_get_id (sessions->pdata[9])), ==, 0);
  g_assert_cmpint (session_charge (f->store, kab_session_get_id (sessions->pdata[10])), ==, 100000);

  /* The third session did not take place after all: the package covers the eleventh. */
  set_status (f->store, sessions->pdata[2], KAB_SESSION_STATUS_CANCELLED_IN_TIME);
  g_assert_cmpint (session_charge (f->store, kab_session_get_id (sessions->pdata[10])), ==, 0);
  g_assert_cmpint (balance (f->store, client_id), ==, 900000 + 100000 + 60000);

  /* A new package covers the rest. */
  g_assert_true (kab_store_sell_package (f->store, client_id, 10, 900000, bought, NULL, NULL,
                                         &error));
  g_assert_cmpint (balance (f->store, client_id), ==, 2 * 900000);
  g_assert_true (kab_store_get_package_state (f->store, client_id, &left, &size));
  g_assert_cmpint (left, ==, 8);

  /* And the state survives a restart. */
  reopen (f);
  g_assert_true (kab_store_get_package_state (f->store, client_id, &left, &size));
  g_assert_cmpint (left, ==, 8);
}

/* Finding 3: a charge is history. A note, a fee of the client, or the practice's
 * percentage changed later never rewrite it; a change of its status uses the rules on
 * the session's day. */
static void
test_charges_are_history (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) start = day_at (2025, 4, 7, 10);
  g_autoptr(GDateTime) may = day_at (2025, 5, 1, 0);
  g_autoptr(KabSession) session = NULL;
  g_autoptr(GError) error = NULL;
  gint64 client_id;

  set_clock (2025, 4, 1);
  set_practice (f->store, 100000, 50);
  client_id = add_client (f->store, KAB_BILLING_PLAN_PER_SESSION, 120000);

  set_clock (2025, 4, 8);
  session = add_session (f->store, client_id, start, KAB_SESSION_STATUS_CANCELLED_LATE, 120000);
  g_assert_cmpint (session_charge (f->store, kab_session_get_id (session)), ==, 60000);

  /* From May, late cancellations cost the full fee. */
  set_clock (2025, 5, 2);
  g_assert_true (kab_store_set_late_cancel_percent (f->store, may, 100, &error));
  g_assert_no_error (error);

  kab_session_set_note (session, "Ringde på morgonen.");
  g_assert_true (kab_store_save_session (f->store, session, &error));
  g_assert_cmpint (session_charge (f->store, kab_session_get_id (session)), ==, 60000);

  /* A status change decides again, by the percentage of April. */
  set_status (f->store, session, KAB_SESSION_STATUS_NO_SHOW);
  g_assert_cmpint (session_charge (f->store, kab_session_get_id (session)), ==, 60000);
  set_status (f->store, session, KAB_SESSION_STATUS_ATTENDED);
  g_assert_cmpint (session_charge (f->store, kab_session_get_id (session)), ==, 120000);
  g_assert_cmpint (balance (f->store, client_id), ==, 120000);
}

/* Finding 4: one currency per practice. */
static void
test_one_currency (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KabPractice) practice = NULL;
  g_autoptr(KabSession) session = NULL;
  g_autoptr(GDateTime) start = day_at (2025, 4, 7, 10);
  g_autoptr(GError) error = NULL;
  gint64 client_id;
  const char *locale = setlocale (LC_MONETARY, NULL);

  /* A new practice's currency follows the locale. */
  g_assert_cmpstr (kab_practice_get_currency (kab_store_get_practice (f->store)), ==,
                   kab_country_default_currency (kab_country_from_locale ()));
  if (setlocale (LC_MONETARY, "sv_SE.UTF-8") != NULL)
    g_assert_cmpstr (kab_country_default_currency (kab_country_from_locale ()), ==, "SEK");
  if (setlocale (LC_MONETARY, "nb_NO.UTF-8") != NULL)
    g_assert_cmpstr (kab_country_default_currency (kab_country_from_locale ()), ==, "NOK");
  if (setlocale (LC_MONETARY, "ru_RU.UTF-8") != NULL)
    g_assert_cmpstr (kab_country_default_currency (kab_country_from_locale ()), ==, "RUB");
  setlocale (LC_MONETARY, "C");
  g_assert_cmpstr (kab_country_default_currency (kab_country_from_locale ()), ==, "EUR");
  setlocale (LC_MONETARY, locale);

  set_clock (2025, 4, 8);
  set_practice (f->store, 100000, 100);
  client_id = add_client (f->store, KAB_BILLING_PLAN_PER_SESSION, 120000);

  /* Free to change while the ledger is empty. */
  practice = kab_practice_copy (kab_store_get_practice (f->store));
  kab_practice_set_currency (practice, "EUR");
  g_assert_true (kab_store_save_practice (f->store, practice, &error));
  kab_practice_set_currency (practice, "SEK");
  g_assert_true (kab_store_save_practice (f->store, practice, &error));
  g_assert_no_error (error);

  session = add_session (f->store, client_id, start, KAB_SESSION_STATUS_ATTENDED, 120000);

  /* Then refused, with the reason. */
  kab_practice_set_currency (practice, "EUR");
  g_assert_false (kab_store_save_practice (f->store, practice, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "SEK"));
  g_assert_cmpstr (kab_practice_get_currency (kab_store_get_practice (f->store)), ==, "SEK");
}

static guint
count_series_sessions (KabStore *store,
                       gint64    client_id,
                       GArray   *out_days)
{
  g_autoptr(GListModel) sessions = kab_store_list_client_sessions (store, client_id, NULL);
  guint n = g_list_model_get_n_items (sessions);

  for (guint i = 0; out_days != NULL && i < n; i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (kab_session_get_start (session));
      int day = g_date_time_get_day_of_year (local);

      g_array_append_val (out_days, day);
    }
  return n;
}

/* Finding 6: editing a series never brings a deleted occurrence back nor duplicates a
 * moved one; a series can end after N sessions; UIDs stay. */
static void
test_series_exceptions (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(KabSeries) series = kab_series_new ();
  g_autoptr(GDateTime) first = day_at (2025, 9, 1, 0);   /* a Monday */
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(KabSession) deleted = NULL;
  g_autoptr(KabSession) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *moved_uid = NULL;
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 client_id;

  set_clock (2025, 8, 25);
  set_practice (f->store, 100000, 100);
  client_id = add_client (f->store, KAB_BILLING_PLAN_PER_SESSION, 120000);

  g_object_set (series, "client-id", client_id, "first-date", first, "start-minute", 600,
                "duration", 50, "interval-weeks", 1, "fee", (gint64)120000, "max-count", 8,
                NULL);
  g_assert_true (kab_store_save_series (f->store, series, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_series_sessions (f->store, client_id, NULL), ==, 8);

  sessions = kab_store_list_client_sessions (f->store, client_id, NULL);
  deleted = g_list_model_get_item (sessions, 2);
  moved = g_list_model_get_item (sessions, 4);
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);

      g_assert_true (g_uuid_string_is_valid (kab_session_get_uid (session)));
      g_assert_true (g_hash_table_add (uids, g_strdup (kab_session_get_uid (session))));
    }

  g_assert_true (kab_store_delete_session (f->store, deleted, &error));
  {
    /* Two days later: more than the 12 hours the old rule allowed. */
    g_autoptr(GDateTime) later = g_date_time_add_days (kab_session_get_start (moved), 2);
    kab_session_set_start (moved, later);
  }
  g_assert_true (kab_store_save_session (f->store, moved, &error));
  g_assert_no_error (error);
  moved_uid = g_strdup (kab_session_get_uid (moved));
  g_assert_cmpuint (count_series_sessions (f->store, client_id, NULL), ==, 7);

  /* The series' fee and time change. */
  kab_series_set_fee (series, 130000);
  kab_series_set_start_minute (series, 660);
  g_assert_true (kab_store_save_series (f->store, series, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_series_sessions (f->store, client_id, NULL), ==, 7);

  /* And again, after a restart and with the weekday changed. */
  reopen (f);
  kab_series_set_first_date (series, g_date_time_add_days (first, 1));
  g_assert_true (kab_store_save_series (f->store, series, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GDateTime) horizon = day_at (2026, 6, 1, 0);
    g_assert_true (kab_store_extend_series (f->store, horizon, &error));
  }
  g_assert_cmpuint (count_series_sessions (f->store, client_id, NULL), ==, 7);

  {
    g_autoptr(KabSession) reloaded = kab_store_load_session (f->store, kab_session_get_id (moved),
                                                             &error);
    g_assert_no_error (error);
    g_assert_cmpstr (kab_session_get_uid (reloaded), ==, moved_uid);
    g_assert_cmpint (kab_session_get_fee (reloaded), ==, 120000);
  }
}

/* Finding 7: what has not begun cannot be attended or missed. */
static void
test_future_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) start = day_at (2025, 4, 9, 10);
  g_autoptr(KabSession) session = NULL;
  g_autoptr(GError) error = NULL;
  gint64 client_id;

  set_clock (2025, 4, 8);
  set_practice (f->store, 100000, 50);
  client_id = add_client (f->store, KAB_BILLING_PLAN_PER_SESSION, 120000);
  session = add_session (f->store, client_id, start, KAB_SESSION_STATUS_PLANNED, 120000);

  g_assert_cmpint (kab_store_preview_session_charge (f->store, session,
                                                     KAB_SESSION_STATUS_CANCELLED_LATE), ==, 60000);
  g_assert_cmpint (kab_store_preview_session_charge (f->store, session,
                                                     KAB_SESSION_STATUS_CANCELLED_IN_TIME), ==, 0);

  kab_session_set_status (session, KAB_SESSION_STATUS_ATTENDED);
  g_assert_false (kab_store_save_session (f->store, session, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  g_clear_error (&error);
  kab_session_set_status (session, KAB_SESSION_STATUS_NO_SHOW);
  g_assert_false (kab_store_save_session (f->store, session, &error));
  g_clear_error (&error);
  kab_session_set_status (session, KAB_SESSION_STATUS_CANCELLED_LATE);
  g_assert_true (kab_store_save_session (f->store, session, &error));
  g_assert_cmpint (balance (f->store, client_id), ==, 60000);

  set_clock (2025, 4, 10);
  set_status (f->store, session, KAB_SESSION_STATUS_ATTENDED);
  g_assert_cmpint (balance (f->store, client_id), ==, 120000);
}

/* Migration: a database of the previous schema upgrades with every charge unchanged,
 * and no month before the upgrade is charged. */
static void
test_migration_keeps_charges (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kabinett-billing-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(KabStore) store = NULL;
  sqlite3 *db = NULL;
  const char *old_rows =
    "INSERT INTO practice (id, currency, late_cancel_percent) VALUES (1, 'SEK', 50);"
    "INSERT INTO client (id, given_name, billing_plan, fee, created, updated)"
    " VALUES (1, 'Åsa', 'monthly', 400000, 1700000000, 1700000000),"
    "        (2, 'Måns', 'per-session', 120000, 1700000000, 1700000000);"
    "INSERT INTO series (id, client_id, first_date, start_minute, duration, interval_weeks,"
    " kind, fee, expanded_until) VALUES (1, 2, '2023-11-06', 600, 50, 1, 'psychotherapy',"
    " 120000, 1701000000);"
    "INSERT INTO session (id, client_id, series_id, start, duration, kind, status, fee)"
    " VALUES (1, 2, 1, 1699261200, 50, 'psychotherapy', 'attended', 120000),"
    "        (2, 2, 1, 1699866000, 50, 'psychotherapy', 'cancelled-late', 120000);"
    "INSERT INTO charge (client_id, session_id, date, amount, currency, kind, period)"
    " VALUES (2, 1, 1699261200, 120000, 'SEK', 'session', ''),"
    "        (2, 2, 1699866000, 90000, 'SEK', 'late-cancellation', ''),"
    "        (1, NULL, 1698793200, 400000, 'SEK', 'monthly-fee', '2023-11');";
  gint64 charged = 0, paid = 0;

  {
    /* Step 4 of the schema brought billing by rule. */
    g_autoptr(KabStore) old = kab_store_open_at_version (path, 3, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, old_rows, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = kab_store_open (path, &error);
  g_assert_no_error (error);

  /* The old charges, to the unit; the monthly client is charged from this month only. */
  g_assert_true (kab_store_get_totals (store, &charged, &paid, &error));
  {
    g_autoptr(GListModel) charges = kab_store_list_charges (store, 2, NULL, NULL, &error);
    g_autoptr(KabCharge) late = g_list_model_get_item (charges, 1);

    g_assert_cmpuint (g_list_model_get_n_items (charges), ==, 2);
    g_assert_cmpint (kab_charge_get_amount (late), ==, 90000);
  }
  g_assert_cmpint (charged, ==, 120000 + 90000 + 400000 + 400000);

  /* Sessions got UIDs; the series does not write its old occurrences again. */
  {
    g_autoptr(KabSession) session = kab_store_load_session (store, 1, &error);
    g_autoptr(GDateTime) horizon = g_date_time_new_from_unix_utc (1702000000);

    g_assert_true (g_uuid_string_is_valid (kab_session_get_uid (session)));
    g_assert_true (kab_store_extend_series (store, horizon, &error));
  }

  /* Touching the late cancellation's note keeps its amount of the old percentage. */
  {
    g_autoptr(KabSession) session = kab_store_load_session (store, 2, &error);

    kab_session_set_note (session, "Note");
    g_assert_true (kab_store_save_session (store, session, &error));
    g_assert_no_error (error);
    g_assert_cmpint (session_charge (store, 2), ==, 90000);
  }

  g_clear_object (&store);
  kab_test_remove_tree (dir);
}

/* Packages sold before billing by rule were bare charges of kind "package": the upgrade
 * makes them packages, which the sessions attended since their sale have used up. No
 * charge changes; the sessions after the upgrade use what is left, then are charged. */
static void
test_migration_old_packages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kabinett-billing-packages-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(KabStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  sqlite3 *db = NULL;
  /* 2023-11-14: a package of 10 sold to Åsa, who then came 6 times and cancelled late
   * once; one sold to Måns with a note the upgrade cannot read (his package size, 8,
   * counts), and one of 5 in Russian to Ivan. */
  const char *old_rows =
    "INSERT INTO practice (id, currency, default_fee, late_cancel_percent)"
    " VALUES (1, 'SEK', 100000, 100);"
    "INSERT INTO client (id, given_name, billing_plan, fee, package_size, created, updated)"
    " VALUES (1, 'Åsa', 'package', 1200000, 10, 1700000000, 1700000000),"
    "        (2, 'Måns', 'package', 900000, 8, 1700000000, 1700000000),"
    "        (3, 'Иван', 'package', 500000, 10, 1700000000, 1700000000);"
    "INSERT INTO charge (client_id, session_id, date, amount, currency, kind, period, note)"
    " VALUES (1, NULL, 1699950000, 1200000, 'SEK', 'package', '', '10 sessions'),"
    "        (2, NULL, 1699950000, 900000, 'SEK', 'package', '', 'Paket'),"
    "        (3, NULL, 1699950000, 500000, 'SEK', 'package', '', '5 сеансов');"
    "INSERT INTO session (client_id, start, duration, kind, status, fee) VALUES"
    " (1, 1700125200, 50, 'psychotherapy', 'attended', 0),"
    " (1, 1700730000, 50, 'psychotherapy', 'attended', 0),"
    " (1, 1701334800, 50, 'psychotherapy', 'cancelled-late', 0),"
    " (1, 1701939600, 50, 'psychotherapy', 'attended', 0),"
    " (1, 1702544400, 50, 'psychotherapy', 'cancelled-in-time', 0),"
    " (1, 1703149200, 50, 'psychotherapy', 'attended', 0),"
    " (1, 1703754000, 50, 'psychotherapy', 'attended', 0),"
    " (1, 1704358800, 50, 'psychotherapy', 'attended', 0),"
    " (3, 1700125200, 50, 'psychotherapy', 'attended', 0);";
  gint64 charged = 0, paid = 0;
  int left = 0, size = 0;

  {
    /* Step 4 of the schema brought billing by rule. */
    g_autoptr(KabStore) old = kab_store_open_at_version (path, 3, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, old_rows, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = kab_store_open (path, &error);
  g_assert_no_error (error);

  /* Every charge as it was. */
  g_assert_true (kab_store_get_totals (store, &charged, &paid, &error));
  g_assert_cmpint (charged, ==, 1200000 + 900000 + 500000);
  g_assert_cmpint (balance (store, 1), ==, 1200000);

  /* 6 attended and 1 late cancellation used Åsa's package: 3 of 10 left. */
  g_assert_true (kab_store_get_package_state (store, 1, &left, &size));
  g_assert_cmpint (left, ==, 3);
  g_assert_cmpint (size, ==, 10);
  g_assert_true (kab_store_get_package_state (store, 2, &left, &size));
  g_assert_cmpint (left, ==, 8);
  g_assert_cmpint (size, ==, 8);
  g_assert_true (kab_store_get_package_state (store, 3, &left, &size));
  g_assert_cmpint (left, ==, 4);
  g_assert_cmpint (size, ==, 5);

  /* Three more sessions use it up without a charge; the fourth is charged on its own. */
  for (int i = 4; i >= 1; i--)
    {
      g_autoptr(GDateTime) start = g_date_time_add_days (now, -i);
      g_autoptr(KabSession) session = add_session (store, 1, start,
                                                   KAB_SESSION_STATUS_ATTENDED, 0);

      g_assert_cmpint (session_charge (store, kab_session_get_id (session)), ==,
                       i > 1 ? 0 : 100000);
    }
  g_assert_true (kab_store_get_package_state (store, 1, &left, &size));
  g_assert_cmpint (left, ==, 0);
  g_assert_cmpint (balance (store, 1), ==, 1200000 + 100000);

  /* Opening again bills nothing twice. */
  g_clear_object (&store);
  store = kab_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kab_store_get_totals (store, &charged, &paid, &error));
  g_assert_cmpint (charged, ==, 1200000 + 900000 + 500000 + 100000);

  g_clear_object (&store);
  kab_test_remove_tree (dir);
}

/* The cancellation rule: in time with at least the notice in force on the session's day
 * before its start, late with less; the time is kept and shown again. */
static void
test_cancellation_time (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) start = day_at (2025, 3, 20, 10);
  g_autoptr(GDateTime) from = day_at (2025, 3, 1, 12);
  g_autoptr(GError) error = NULL;
  gint64 client;

  set_clock (2025, 3, 10);
  set_practice (f->store, 100000, 50);
  client = add_client (f->store, KAB_BILLING_PLAN_PER_SESSION, 80000);
  g_assert_true (kab_store_set_cancel_hours (f->store, from, 48, &error));
  g_assert_no_error (error);

  for (int minutes = -1; minutes <= 1; minutes++)
    {
      g_autoptr(KabSession) session = add_session (f->store, client, start,
                                                   KAB_SESSION_STATUS_PLANNED, 80000);
      g_autoptr(GDateTime) cancelled = g_date_time_add_minutes (start, -48 * 60 + minutes);
      g_autoptr(KabSession) stored = NULL;

      g_assert_true (kab_store_cancel_session (f->store, session, cancelled, &error));
      g_assert_no_error (error);
      stored = kab_store_load_session (f->store, kab_session_get_id (session), &error);
      g_assert_cmpint (kab_session_get_status (stored), ==,
                       minutes <= 0 ? KAB_SESSION_STATUS_CANCELLED_IN_TIME
                                    : KAB_SESSION_STATUS_CANCELLED_LATE);
      g_assert_true (g_date_time_equal (kab_session_get_cancelled_at (stored), cancelled));
      g_assert_cmpint (session_charge (f->store, kab_session_get_id (session)), ==,
                       minutes <= 0 ? 0 : 40000);

      /* Attended after all: no cancellation time any more. */
      if (minutes == 1)
        {
          set_clock (2025, 3, 21);
          set_status (f->store, stored, KAB_SESSION_STATUS_ATTENDED);
          g_clear_object (&stored);
          stored = kab_store_load_session (f->store, kab_session_get_id (session), &error);
          g_assert_null (kab_session_get_cancelled_at (stored));
        }
    }

  /* Before the notice changed, 24 hours (the default) were enough. */
  {
    g_autoptr(GDateTime) earlier = day_at (2025, 2, 20, 10);
    g_autoptr(GDateTime) cancelled = g_date_time_add_hours (earlier, -30);
    g_autoptr(KabSession) session = add_session (f->store, client, earlier,
                                                 KAB_SESSION_STATUS_PLANNED, 80000);

    g_assert_true (kab_store_cancel_session (f->store, session, cancelled, &error));
    g_assert_cmpint (kab_session_get_status (session), ==, KAB_SESSION_STATUS_CANCELLED_IN_TIME);
  }

  /* Marked cancelled without a time: the time it was recorded. */
  {
    g_autoptr(GDateTime) later = day_at (2025, 4, 2, 10);
    g_autoptr(KabSession) session = add_session (f->store, client, later,
                                                 KAB_SESSION_STATUS_CANCELLED_LATE, 80000);
    g_autoptr(GDateTime) now = day_at (2025, 3, 21, 12);

    g_assert_true (g_date_time_equal (kab_session_get_cancelled_at (session), now));
  }
}

/* The model-based test: thousands of random operations on the store, each followed by a
 * comparison of every balance, every session's charge, every month's fee and every
 * package's state with an oracle that applies the rules written out below, on its own
 * data. The seed is printed; KAB_BILLING_SEED=N replays one run. */

#define MODEL_STEPS 5000
#define MODEL_DEFAULT_FEE 100000

typedef struct
{
  char            day[11];
  KabClientStatus status;
  KabBillingPlan  plan;
  gint64          fee;
} MRate;

typedef struct
{
  char day[11];
  int  percent;
} MPercent;

typedef struct
{
  int  serial;        /* the package's identity, in the order sold */
  int  sessions;
  char bought[11];
  char expires[11];   /* "" never */
} MPackage;

typedef struct
{
  gint64           id;
  gint64           client;
  GDateTime       *start;
  KabSessionStatus status;
  gint64           fee;
  char            *note;
  gint64           charge;    /* what the oracle says it is charged */
  int              package;   /* serial of the package covering it, 0 none */
} MSession;

typedef struct
{
  gint64      id;
  GArray     *rates;      /* MRate, by day */
  GArray     *packages;   /* MPackage, as sold */
  GHashTable *months;     /* "YYYY-MM" → gint64* fee charged */
  gint64      other;      /* package sales */
  gint64      paid;
} MClient;

typedef struct
{
  GRand     *rand;
  GDateTime *now;
  GArray    *percents;   /* MPercent, by day */
  GArray    *notices;    /* MPercent, by day: the notice in hours */
  GPtrArray *clients;    /* MClient */
  GPtrArray *sessions;   /* MSession */
} Model;

static void
m_day (GDateTime *time,
       char       out[11])
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_time_get_year (local),
              g_date_time_get_month (local), g_date_time_get_day_of_month (local));
}

static int
compare_rate_days (gconstpointer a,
                   gconstpointer b)
{
  return strcmp (((const MRate *)a)->day, ((const MRate *)b)->day);
}

static int
compare_percent_days (gconstpointer a,
                      gconstpointer b)
{
  return strcmp (((const MPercent *)a)->day, ((const MPercent *)b)->day);
}

/* The rate in force on a day: the latest that starts on or before it. */
static const MRate *
m_rate_on (MClient    *client,
           const char *day)
{
  const MRate *found = NULL;

  for (guint i = 0; i < client->rates->len; i++)
    if (strcmp (g_array_index (client->rates, MRate, i).day, day) <= 0)
      found = &g_array_index (client->rates, MRate, i);
  return found;
}

/* The value of a dated history (late-cancel percentages, notice hours) in force on @day:
 * the latest set on or before it, else the first. */
static int
m_history_on (GArray     *history,
              const char *day)
{
  int value = g_array_index (history, MPercent, 0).percent;

  for (guint i = 0; i < history->len; i++)
    if (strcmp (g_array_index (history, MPercent, i).day, day) <= 0)
      value = g_array_index (history, MPercent, i).percent;
  return value;
}

/* Sets @entry in a dated history, replacing the value of its day, kept in day order. */
static void
m_history_set (GArray         *history,
               const MPercent *entry)
{
  for (guint i = 0; i < history->len; i++)
    if (strcmp (g_array_index (history, MPercent, i).day, entry->day) == 0)
      {
        g_array_index (history, MPercent, i).percent = entry->percent;
        return;
      }
  g_array_append_val (history, *entry);
  g_array_sort (history, compare_percent_days);
}

static int
m_percent_on (Model      *m,
              const char *day)
{
  return m_history_on (m->percents, day);
}

/* The notice a cancellation of a session on @day needs, as the practice set it then. */
static int
m_hours_on (Model      *m,
            const char *day)
{
  return m_history_on (m->notices, day);
}

static gboolean
m_billable (KabSessionStatus status)
{
  return status == KAB_SESSION_STATUS_ATTENDED || status == KAB_SESSION_STATUS_CANCELLED_LATE ||
         status == KAB_SESSION_STATUS_NO_SHOW;
}

static MClient *
m_client (Model  *m,
          gint64  id)
{
  for (guint i = 0; i < m->clients->len; i++)
    if (((MClient *)m->clients->pdata[i])->id == id)
      return m->clients->pdata[i];
  g_assert_not_reached ();
}

/* What the rules charge a session, given whether a package covers it. */
static gint64
m_amount (Model    *m,
          MSession *s)
{
  char day[11];
  const MRate *rate;
  gint64 fee = s->fee;

  m_day (s->start, day);
  rate = m_rate_on (m_client (m, s->client), day);
  if (!m_billable (s->status))
    return 0;
  if (rate != NULL && rate->plan == KAB_BILLING_PLAN_MONTHLY)
    return 0;
  if (rate != NULL && rate->plan == KAB_BILLING_PLAN_PACKAGE)
    {
      if (s->package != 0)
        return 0;
      if (fee == 0)
        fee = MODEL_DEFAULT_FEE;
    }
  if (s->status == KAB_SESSION_STATUS_ATTENDED)
    return fee;
  return (fee * m_percent_on (m, day) + 50) / 100;
}

static int
compare_sessions_by_start (gconstpointer a,
                           gconstpointer b)
{
  const MSession *x = *(MSession * const *)a;
  const MSession *y = *(MSession * const *)b;
  int order = g_date_time_compare (x->start, y->start);

  return order != 0 ? order : (x->id > y->id) - (x->id < y->id);
}

/* Packages are used in date order; a session whose cover changes, or @forced, is charged
 * again by the rules on its day. */
static void
m_cover (Model    *m,
         gint64    client_id,
         MSession *forced)
{
  MClient *client = m_client (m, client_id);
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();
  g_autofree int *used = g_new0 (int, client->packages->len + 1);

  for (guint i = 0; i < m->sessions->len; i++)
    if (((MSession *)m->sessions->pdata[i])->client == client_id)
      g_ptr_array_add (mine, m->sessions->pdata[i]);
  g_ptr_array_sort (mine, compare_sessions_by_start);

  for (guint i = 0; i < mine->len; i++)
    {
      MSession *s = mine->pdata[i];
      const MRate *rate;
      char day[11];
      int cover = 0;

      m_day (s->start, day);
      rate = m_rate_on (client, day);
      if (rate != NULL && rate->plan == KAB_BILLING_PLAN_PACKAGE && m_billable (s->status))
        {
          /* The oldest package bought by that day, not expired, with a place left; sold
           * packages are kept in the order of their day of purchase. */
          for (guint j = 0; j < client->packages->len; j++)
            {
              MPackage *p = &g_array_index (client->packages, MPackage, j);

              if (used[j] < p->sessions && strcmp (p->bought, day) <= 0 &&
                  (p->expires[0] == '\0' || strcmp (day, p->expires) <= 0))
                {
                  used[j]++;
                  cover = p->serial;
                  break;
                }
            }
        }

      if (cover != s->package || s == forced)
        {
          s->package = cover;
          s->charge = m_amount (m, s);
        }
    }
}

static void
next_month_day (const char *day,
                char        out[11])
{
  int y, mo, d;

  sscanf (day, "%d-%d-%d", &y, &mo, &d);
  if (++mo > 12)
    {
      mo = 1;
      y++;
    }
  g_snprintf (out, 11, "%04d-%02d-01", y, mo);
}

/* Each month with a day, up to today, on which the client was active on the monthly plan
 * with a fee: charged once, at the fee of the first such day. Day by day. */
static void
m_months (Model      *m,
          MClient    *client,
          const char *since)
{
  char today[11];
  char day[11];

  if (client->rates->len == 0)
    return;

  m_day (m->now, today);
  /* Days passing decide only the months from the last today on; a rate changed decides
   * any month since the first rate. */
  g_strlcpy (day, since != NULL && strcmp (since, g_array_index (client->rates, MRate, 0).day) > 0
                  ? since : g_array_index (client->rates, MRate, 0).day, 11);
  day[8] = '0';
  day[9] = '1';
  while (strcmp (day, today) <= 0)
    {
      char period[8];
      char next[11];
      g_autoptr(GDateTime) first = NULL;
      int y, mo, d;

      g_strlcpy (period, day, sizeof period);
      next_month_day (day, next);
      sscanf (day, "%d-%d-%d", &y, &mo, &d);
      first = g_date_time_new_local (y, mo, 1, 12, 0, 0);

      for (int i = 0; i < 31 && !g_hash_table_contains (client->months, period); i++)
        {
          g_autoptr(GDateTime) t = g_date_time_add_days (first, i);
          const MRate *rate;
          char d_day[11];

          m_day (t, d_day);
          if (strcmp (d_day, next) >= 0 || strcmp (d_day, today) > 0)
            break;
          rate = m_rate_on (client, d_day);
          if (rate != NULL && rate->status == KAB_CLIENT_STATUS_ACTIVE &&
              rate->plan == KAB_BILLING_PLAN_MONTHLY && rate->fee > 0)
            g_hash_table_insert (client->months, g_strdup (period), g_memdup2 (&rate->fee, sizeof (gint64)));
        }
      g_strlcpy (day, next, 11);
    }
}

static void
m_set_rate (MClient         *client,
            const char      *day,
            KabClientStatus  status,
            KabBillingPlan   plan,
            gint64           fee)
{
  MRate rate = { { 0 }, status, plan, fee };

  for (guint i = 0; i < client->rates->len; i++)
    if (strcmp (g_array_index (client->rates, MRate, i).day, day) == 0)
      {
        g_array_remove_index (client->rates, i);
        break;
      }
  g_strlcpy (rate.day, day, 11);
  g_array_append_val (client->rates, rate);
  g_array_sort (client->rates, compare_rate_days);
}

/* Comparison */

static void
model_compare (Model     *m,
               KabStore  *store,
               guint32    seed,
               guint      step,
               const char *op)
{
  g_autoptr(GHashTable) by_session = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) by_month = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;

  /* Read straight from the table: every step reads every charge. */
  g_assert_cmpint (sqlite3_prepare_v2 (store->db,
                                       "SELECT session_id, client_id, kind, period, amount FROM charge",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 session_id = sqlite3_column_int64 (stmt, 0);
      gint64 amount = sqlite3_column_int64 (stmt, 4);

      if (session_id != 0)
        g_hash_table_insert (by_session, g_memdup2 (&session_id, sizeof session_id),
                             g_memdup2 (&amount, sizeof amount));
      else if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 2), "monthly-fee") == 0)
        g_hash_table_insert (by_month,
                             g_strdup_printf ("%" G_GINT64_FORMAT "/%s", (gint64)sqlite3_column_int64 (stmt, 1),
                                              (const char *)sqlite3_column_text (stmt, 3)),
                             g_memdup2 (&amount, sizeof amount));
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < m->sessions->len; i++)
    {
      MSession *s = m->sessions->pdata[i];
      gint64 *stored = g_hash_table_lookup (by_session, &s->id);

      if ((stored != NULL ? *stored : 0) != s->charge)
        {
          char day[11];
          const MRate *rate;

          m_day (s->start, day);
          rate = m_rate_on (m_client (m, s->client), day);
          g_error ("seed %u, step %u (%s): session %" G_GINT64_FORMAT " on %s (status %d, fee %"
                   G_GINT64_FORMAT ", package %d, plan %d, late %d %%) charged %" G_GINT64_FORMAT
                   ", the rules say %" G_GINT64_FORMAT, seed, step, op, s->id, day, s->status,
                   s->fee, s->package, rate != NULL ? (int)rate->plan : -1,
                   m_percent_on (m, day), stored != NULL ? *stored : 0, s->charge);
        }
    }

  for (guint i = 0; i < m->clients->len; i++)
    {
      MClient *c = m->clients->pdata[i];
      gint64 expected = c->other - c->paid;
      GHashTableIter iter;
      gpointer key, value;
      int left = 0, size = 0;
      gint64 stored_balance = 0;

      for (guint j = 0; j < m->sessions->len; j++)
        if (((MSession *)m->sessions->pdata[j])->client == c->id)
          expected += ((MSession *)m->sessions->pdata[j])->charge;

      g_hash_table_iter_init (&iter, c->months);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autofree char *name = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", c->id, (char *)key);
          gint64 *stored = g_hash_table_lookup (by_month, name);

          expected += *(gint64 *)value;
          if (stored == NULL || *stored != *(gint64 *)value)
            g_error ("seed %u, step %u (%s): month %s charged %" G_GINT64_FORMAT
                     ", the rules say %" G_GINT64_FORMAT, seed, step, op, name,
                     stored != NULL ? *stored : 0, *(gint64 *)value);
          g_hash_table_remove (by_month, name);
        }

      g_assert_true (kab_store_get_balance (store, c->id, &stored_balance, NULL));
      if (stored_balance != expected ||
          kab_client_get_balance (kab_store_find_client (store, c->id)) != expected)
        g_error ("seed %u, step %u (%s): client %" G_GINT64_FORMAT " balance %" G_GINT64_FORMAT
                 " (listed %" G_GINT64_FORMAT "), the rules say %" G_GINT64_FORMAT,
                 seed, step, op, c->id, stored_balance,
                 kab_client_get_balance (kab_store_find_client (store, c->id)), expected);

      /* The package state: the oldest package usable today with places left. */
      if (c->packages->len > 0)
        {
          g_autofree int *used = g_new0 (int, c->packages->len);
          char today[11];
          int want_left = 0, want_size = g_array_index (c->packages, MPackage, c->packages->len - 1).sessions;

          m_day (m->now, today);
          for (guint j = 0; j < m->sessions->len; j++)
            {
              MSession *s = m->sessions->pdata[j];

              for (guint k = 0; s->client == c->id && k < c->packages->len; k++)
                if (g_array_index (c->packages, MPackage, k).serial == s->package)
                  used[k]++;
            }
          for (guint j = 0; j < c->packages->len; j++)
            {
              MPackage *p = &g_array_index (c->packages, MPackage, j);
              if (used[j] < p->sessions && (p->expires[0] == '\0' || strcmp (today, p->expires) <= 0))
                {
                  want_left = p->sessions - used[j];
                  want_size = p->sessions;
                  break;
                }
            }
          g_assert_true (kab_store_get_package_state (store, c->id, &left, &size));
          if (left != want_left || size != want_size)
            g_error ("seed %u, step %u (%s): client %" G_GINT64_FORMAT " package %d of %d left,"
                     " the rules say %d of %d", seed, step, op, c->id, left, size, want_left, want_size);
        }
    }

  if (g_hash_table_size (by_month) != 0)
    g_error ("seed %u, step %u (%s): %u monthly fees the rules do not make", seed, step, op,
             g_hash_table_size (by_month));

  /* A cancellation by the client, and only that, keeps when it was made. */
  g_assert_cmpint (sqlite3_prepare_v2 (store->db,
                                       "SELECT count (*) FROM session WHERE (status IN"
                                       " ('cancelled-in-time', 'cancelled-late'))"
                                       " <> (cancelled_at IS NOT NULL)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (sqlite3_column_int (stmt, 0) != 0)
    g_error ("seed %u, step %u (%s): %d sessions with a cancellation time that does not"
             " match their status", seed, step, op, sqlite3_column_int (stmt, 0));
  sqlite3_finalize (stmt);
}

/* Operations */

static GDateTime *
m_random_day (Model *m,
              int    from,
              int    to,
              int    hour)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (m->now);
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_time_get_year (local),
                                                    g_date_time_get_month (local),
                                                    g_date_time_get_day_of_month (local),
                                                    hour, 0, 0);

  return g_date_time_add_days (day, g_rand_int_range (m->rand, from, to + 1));
}

static const KabBillingPlan plans[] = { KAB_BILLING_PLAN_PER_SESSION, KAB_BILLING_PLAN_MONTHLY,
                                        KAB_BILLING_PLAN_PACKAGE };
static const KabClientStatus statuses[] = { KAB_CLIENT_STATUS_ACTIVE, KAB_CLIENT_STATUS_ACTIVE,
                                            KAB_CLIENT_STATUS_PAUSED, KAB_CLIENT_STATUS_FINISHED };
static const KabSessionStatus session_statuses[] = {
  KAB_SESSION_STATUS_PLANNED, KAB_SESSION_STATUS_ATTENDED, KAB_SESSION_STATUS_CANCELLED_IN_TIME,
  KAB_SESSION_STATUS_CANCELLED_LATE, KAB_SESSION_STATUS_NO_SHOW,
  KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER,
};

static gint64
m_fee (Model *m)
{
  return g_rand_int_range (m->rand, 0, 4) == 0 ? 0 : 10000 * g_rand_int_range (m->rand, 5, 20);
}

static const char *
op_add_client (Model    *m,
               KabStore *store)
{
  g_autoptr(KabClient) client = kab_client_new ();
  MClient *c = g_new0 (MClient, 1);
  char today[11];

  g_object_set (client, "given-name", "Random", "family-name", "Client",
                "billing-plan", plans[g_rand_int_range (m->rand, 0, 3)],
                "status", statuses[g_rand_int_range (m->rand, 0, 4)],
                "fee", m_fee (m), NULL);
  g_assert_true (kab_store_save_client (store, client, NULL));

  c->id = kab_client_get_id (client);
  c->rates = g_array_new (FALSE, TRUE, sizeof (MRate));
  c->packages = g_array_new (FALSE, TRUE, sizeof (MPackage));
  c->months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  m_day (m->now, today);
  m_set_rate (c, today, kab_client_get_status (client), kab_client_get_billing_plan (client),
              kab_client_get_fee (client));
  g_ptr_array_add (m->clients, c);
  m_months (m, c, NULL);
  return "add client";
}

static MClient *
m_any_client (Model *m)
{
  return m->clients->pdata[g_rand_int_range (m->rand, 0, m->clients->len)];
}

static MSession *
m_any_session (Model *m)
{
  if (m->sessions->len == 0)
    return NULL;
  return m->sessions->pdata[g_rand_int_range (m->rand, 0, m->sessions->len)];
}

static const char *
op_set_rate (Model    *m,
             KabStore *store)
{
  MClient *c = m_any_client (m);
  g_autoptr(GDateTime) from = m_random_day (m, -60, 30, 12);
  KabClientStatus status = statuses[g_rand_int_range (m->rand, 0, 4)];
  KabBillingPlan plan = plans[g_rand_int_range (m->rand, 0, 3)];
  gint64 fee = m_fee (m);
  char day[11];

  g_assert_true (kab_store_set_client_rate (store, c->id, from, status, plan, fee, NULL));
  m_day (from, day);
  m_set_rate (c, day, status, plan, fee);
  m_months (m, c, NULL);
  m_cover (m, c->id, NULL);
  return "set rate";
}

static const char *
op_set_percent (Model    *m,
                KabStore *store)
{
  g_autoptr(GDateTime) from = m_random_day (m, -60, 30, 12);
  MPercent p = { { 0 }, 10 * g_rand_int_range (m->rand, 0, 11) };

  g_assert_true (kab_store_set_late_cancel_percent (store, from, p.percent, NULL));
  m_day (from, p.day);
  m_history_set (m->percents, &p);
  return "set late-cancel percent";
}

static const char *
op_set_notice (Model    *m,
               KabStore *store)
{
  static const int choices[] = { 0, 12, 24, 48, 72 };
  g_autoptr(GDateTime) from = m_random_day (m, -60, 30, 12);
  MPercent p = { { 0 }, choices[g_rand_int_range (m->rand, 0, G_N_ELEMENTS (choices))] };

  g_assert_true (kab_store_set_cancel_hours (store, from, p.percent, NULL));
  m_day (from, p.day);
  m_history_set (m->notices, &p);
  return "set cancellation notice";
}

/* Saves @session with the store; the oracle follows when the store accepts, and the
 * store must refuse exactly what the rules forbid: a session not begun marked attended or
 * missed (checked when its status, fee, client or date change). */
static void
m_save (Model      *m,
        KabStore   *store,
        KabSession *session,
        MSession   *s,
        gboolean    affects_charge)
{
  g_autoptr(GError) error = NULL;
  KabSessionStatus status = kab_session_get_status (session);
  gboolean forbidden = affects_charge &&
                       (status == KAB_SESSION_STATUS_ATTENDED || status == KAB_SESSION_STATUS_NO_SHOW) &&
                       g_date_time_compare (kab_session_get_start (session), m->now) > 0;
  gboolean saved = kab_store_save_session (store, session, &error);

  if (forbidden)
    {
      g_assert_false (saved);
      g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
      return;
    }
  g_assert_no_error (error);
  g_assert_true (saved);

  if (s->id == 0)
    {
      s->id = kab_session_get_id (session);
      g_ptr_array_add (m->sessions, s);
    }
  g_clear_pointer (&s->start, g_date_time_unref);
  s->start = g_date_time_ref (kab_session_get_start (session));
  s->status = status;
  s->fee = kab_session_get_fee (session);
  m_cover (m, s->client, affects_charge ? s : NULL);
}

static const char *
op_add_session (Model    *m,
                KabStore *store)
{
  g_autoptr(KabSession) session = kab_session_new ();
  g_autoptr(GDateTime) start = m_random_day (m, -60, 30, 10);
  MSession *s = g_new0 (MSession, 1);

  s->client = m_any_client (m)->id;
  g_object_set (session, "client-id", s->client, "start", start, "duration", 50,
                "status", session_statuses[g_rand_int_range (m->rand, 0, 6)],
                "fee", m_fee (m), NULL);
  m_save (m, store, session, s, TRUE);
  if (s->id == 0)
    g_free (s);
  return "add session";
}

static KabSession *
m_load (KabStore *store,
        MSession *s)
{
  g_autoptr(GError) error = NULL;
  KabSession *session = kab_store_load_session (store, s->id, &error);

  g_assert_no_error (error);
  return session;
}

static const char *
op_change_session (Model    *m,
                   KabStore *store)
{
  MSession *s = m_any_session (m);
  g_autoptr(KabSession) session = NULL;
  int what = g_rand_int_range (m->rand, 0, 4);

  if (s == NULL)
    return "nothing";

  session = m_load (store, s);
  switch (what)
    {
    case 0:
      /* The same status again is no change. */
      kab_session_set_status (session, session_statuses[g_rand_int_range (m->rand, 0, 6)]);
      m_save (m, store, session, s, kab_session_get_status (session) != s->status);
      return "change status";
    case 1:
      kab_session_set_note (session, g_rand_boolean (m->rand) ? "Ny anteckning" : "Заметка");
      m_save (m, store, session, s, FALSE);
      return "change note";
    case 2:
      kab_session_set_fee (session, m_fee (m));
      m_save (m, store, session, s, kab_session_get_fee (session) != s->fee);
      return "change fee";
    default:
      {
        g_autoptr(GDateTime) start = g_date_time_add_days (kab_session_get_start (session),
                                                           g_rand_int_range (m->rand, -20, 21));
        gboolean moved = !g_date_time_equal (start, s->start);

        kab_session_set_start (session, start);
        m_save (m, store, session, s, moved);
        return "move session";
      }
    }
}

static KabSession *m_load (KabStore *store,
                           MSession *s);

/* The client cancels, at a time around the notice the session's day asks for (to the
 * minute, on both sides, and exactly on it): the store records the time and decides in
 * time or late by the rule, which the oracle applies on its own. */
static const char *
op_client_cancels (Model    *m,
                   KabStore *store)
{
  MSession *s = m_any_session (m);
  g_autoptr(KabSession) session = NULL;
  g_autoptr(KabSession) stored = NULL;
  g_autoptr(GDateTime) cancelled = NULL;
  KabSessionStatus expected;
  char day[11];
  int hours, minutes;

  if (s == NULL)
    return "nothing";

  m_day (s->start, day);
  hours = m_hours_on (m, day);
  minutes = g_rand_int_range (m->rand, 0, 4) == 0 ? 0 : g_rand_int_range (m->rand, -180, 181);
  cancelled = g_date_time_add_minutes (s->start, -60 * hours + minutes);
  expected = g_date_time_difference (s->start, cancelled) >= hours * G_TIME_SPAN_HOUR
             ? KAB_SESSION_STATUS_CANCELLED_IN_TIME : KAB_SESSION_STATUS_CANCELLED_LATE;

  session = m_load (store, s);
  g_assert_true (kab_store_cancel_session (store, session, cancelled, NULL));
  stored = m_load (store, s);
  if (kab_session_get_status (stored) != expected ||
      kab_session_get_cancelled_at (stored) == NULL ||
      g_date_time_to_unix (kab_session_get_cancelled_at (stored)) != g_date_time_to_unix (cancelled))
    g_error ("session %" G_GINT64_FORMAT " on %s cancelled %d min after the %d hours' notice:"
             " status %d, the rule says %d", s->id, day, minutes, hours,
             kab_session_get_status (stored), expected);

  {
    gboolean changed = expected != s->status;

    s->status = expected;
    m_cover (m, s->client, changed ? s : NULL);
  }
  return "client cancels";
}

static const char *
op_delete_session (Model    *m,
                   KabStore *store)
{
  MSession *s = m_any_session (m);
  g_autoptr(KabSession) session = NULL;
  gint64 client;

  if (s == NULL)
    return "nothing";

  session = m_load (store, s);
  g_assert_true (kab_store_delete_session (store, session, NULL));
  client = s->client;
  g_ptr_array_remove (m->sessions, s);   /* frees it */
  m_cover (m, client, NULL);
  return "delete session";
}

static int
compare_package_days (gconstpointer a,
                      gconstpointer b)
{
  return strcmp (((const MPackage *)a)->bought, ((const MPackage *)b)->bought);
}

static const char *
op_sell_package (Model    *m,
                 KabStore *store)
{
  MClient *c = m_any_client (m);
  g_autoptr(GDateTime) bought = m_random_day (m, -40, 0, 9);
  g_autoptr(GDateTime) expires = g_rand_boolean (m->rand) ? m_random_day (m, 0, 60, 0) : NULL;
  static int serial = 0;
  MPackage p = { ++serial, g_rand_int_range (m->rand, 1, 6), { 0 }, { 0 } };
  gint64 price = 10000 * g_rand_int_range (m->rand, 0, 50);

  g_assert_true (kab_store_sell_package (store, c->id, p.sessions, price, bought, expires,
                                         NULL, NULL));
  m_day (bought, p.bought);
  if (expires != NULL)
    m_day (expires, p.expires);
  /* Kept in the order of the day bought, the order in which they are used (a stable
   * sort keeps the order of sale on the same day). */
  g_array_append_val (c->packages, p);
  {
    GArray *sorted = g_array_new (FALSE, TRUE, sizeof (MPackage));

    /* Insertion sort: stable, unlike g_array_sort. */
    for (guint i = 0; i < c->packages->len; i++)
      {
        MPackage *q = &g_array_index (c->packages, MPackage, i);
        guint at = sorted->len;

        while (at > 0 && compare_package_days (&g_array_index (sorted, MPackage, at - 1), q) > 0)
          at--;
        g_array_insert_val (sorted, at, *q);
      }
    g_array_unref (c->packages);
    c->packages = sorted;
  }
  c->other += price;
  m_cover (m, c->id, NULL);
  return "sell package";
}

static const char *
op_pay (Model    *m,
        KabStore *store)
{
  MClient *c = m_any_client (m);
  g_autoptr(KabPayment) payment = kab_payment_new ();
  g_autoptr(GDateTime) date = m_random_day (m, -10, 0, 15);
  gint64 amount = 1000 * g_rand_int_range (m->rand, 1, 500);

  g_object_set (payment, "client-id", c->id, "date", date, "amount", amount,
                "currency", "SEK", "method", KAB_PAYMENT_METHOD_SWISH, NULL);
  g_assert_true (kab_store_save_payment (store, payment, NULL));
  c->paid += amount;
  return "payment";
}

static const char *
op_advance (Model    *m,
            KabStore *store)
{
  GDateTime *later = g_date_time_add_days (m->now, g_rand_int_range (m->rand, 1, 20));
  char before[11];

  m_day (m->now, before);
  g_date_time_unref (m->now);
  m->now = later;
  kab_store_set_test_now (m->now);
  g_assert_true (kab_store_apply_rules (store, m->now, NULL));
  for (guint i = 0; i < m->clients->len; i++)
    m_months (m, m->clients->pdata[i], before);
  return "days pass";
}

static void
m_client_free (gpointer data)
{
  MClient *c = data;

  g_array_unref (c->rates);
  g_array_unref (c->packages);
  g_hash_table_unref (c->months);
  g_free (c);
}

static void
m_session_free (gpointer data)
{
  MSession *s = data;

  g_clear_pointer (&s->start, g_date_time_unref);
  g_free (s);
}

static void
test_random_operations (Fixture       *f,
                        gconstpointer  data)
{
  const char *env = g_getenv ("KAB_BILLING_SEED");
  guint32 seed = env != NULL ? (guint32)g_ascii_strtoull (env, NULL, 10)
                                : (guint32)g_test_rand_int ();
  Model m = { g_rand_new_with_seed (seed), day_at (2025, 1, 6, 12),
              g_array_new (FALSE, TRUE, sizeof (MPercent)),
              g_array_new (FALSE, TRUE, sizeof (MPercent)),
              g_ptr_array_new_with_free_func (m_client_free),
              g_ptr_array_new_with_free_func (m_session_free) };
  MPercent first = { "0001-01-01", 60 };

  g_test_message ("seed %u (replay with KAB_BILLING_SEED=%u)", seed, seed);

  no_sync (f);
  kab_store_set_test_now (m.now);
  set_practice (f->store, MODEL_DEFAULT_FEE, 60);
  g_array_append_val (m.percents, first);
  {
    MPercent notice = { "0001-01-01", kab_practice_get_cancel_hours (kab_store_get_practice (f->store)) };

    g_array_append_val (m.notices, notice);
  }
  op_add_client (&m, f->store);

  for (guint step = 0; step < MODEL_STEPS; step++)
    {
      int dice = g_rand_int_range (m.rand, 0, 100);
      const char *op;

      if (dice < 4 && m.clients->len < 10)
        op = op_add_client (&m, f->store);
      else if (dice < 10)
        op = op_set_rate (&m, f->store);
      else if (dice < 12)
        op = op_set_percent (&m, f->store);
      else if (dice < 14)
        op = op_set_notice (&m, f->store);
      else if (dice < 35)
        op = op_add_session (&m, f->store);
      else if (dice < 62)
        op = op_change_session (&m, f->store);
      else if (dice < 70)
        op = op_client_cancels (&m, f->store);
      else if (dice < 76)
        op = op_delete_session (&m, f->store);
      else if (dice < 81)
        op = op_sell_package (&m, f->store);
      else if (dice < 88)
        op = op_pay (&m, f->store);
      else if (dice < 98)
        op = op_advance (&m, f->store);
      else
        {
          reopen (f);
          no_sync (f);
          op = "close and reopen";
        }

      model_compare (&m, f->store, seed, step, op);
    }

  g_test_message ("%u steps, %u clients, %u sessions, all as the rules say", MODEL_STEPS,
                  m.clients->len, m.sessions->len);

  g_rand_free (m.rand);
  g_date_time_unref (m.now);
  g_array_unref (m.percents);
  g_array_unref (m.notices);
  g_ptr_array_unref (m.clients);
  g_ptr_array_unref (m.sessions);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/billing/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("package-used-up", test_package_used_up);
  ADD ("charges-are-history", test_charges_are_history);
  ADD ("one-currency", test_one_currency);
  ADD ("series-exceptions", test_series_exceptions);
  ADD ("future-refused", test_future_refused);
  g_test_add_func ("/billing/migration-keeps-charges", test_migration_keeps_charges);
  g_test_add_func ("/billing/migration-old-packages", test_migration_old_packages);
  ADD ("cancellation-time", test_cancellation_time);
  ADD ("random-operations", test_random_operations);

#undef ADD

  return g_test_run ();
}
