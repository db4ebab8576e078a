/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-absences.c: vacations and closed days: the record, the sessions they cancel, the
 * series that skip them, and a random test of the balance against the charging rules */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "kab-model-error.h"
#include "kab-store.h"
#include "kab-test-store.h"
#include "kab-test-util.h"

typedef KabTestStore Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  kab_test_store_set_up (f, "absences");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kab_store_set_test_now (NULL);
  kab_test_store_tear_down (f);
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
              int       percent)
{
  g_autoptr(KabPractice) practice = kab_practice_copy (kab_store_get_practice (store));
  g_autoptr(GError) error = NULL;

  g_object_set (practice, "practitioner-name", "Karin Lindqvist", "currency", "SEK",
                "default-fee", (gint64)100000, "late-cancel-percent", percent, NULL);
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
add_session (KabStore   *store,
             gint64      client_id,
             GDateTime  *start,
             gint64      fee)
{
  KabSession *session = kab_session_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (session, "client-id", client_id, "start", start, "duration", 50,
                "status", KAB_SESSION_STATUS_PLANNED, "fee", fee, NULL);
  g_assert_true (kab_store_save_session (store, session, &error));
  g_assert_no_error (error);
  return session;
}

static KabAbsence *
add_absence (KabStore   *store,
             GDateTime  *first,
             GDateTime  *last,
             const char *note)
{
  KabAbsence *absence = kab_absence_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (absence, "first-day", first, "last-day", last, "note", note, NULL);
  g_assert_true (kab_store_save_absence (store, absence, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kab_absence_get_id (absence), >, 0);
  return absence;
}

static KabSession *
reload (KabStore   *store,
        KabSession *session)
{
  g_autoptr(GError) error = NULL;
  KabSession *loaded = kab_store_load_session (store, kab_session_get_id (session), &error);

  g_assert_no_error (error);
  return loaded;
}

/* The last day is not before the first; the note is short and readable. */
static void
test_validation (void)
{
  g_autoptr(KabAbsence) absence = kab_absence_new ();
  g_autoptr(GDateTime) first = day_at (2025, 7, 7, 15);
  g_autoptr(GDateTime) last = day_at (2025, 7, 6, 9);
  g_autoptr(GDateTime) inside = day_at (2025, 7, 7, 23);
  g_autofree char *long_note = g_strnfill (KAB_ABSENCE_MAX_NOTE_CHARS + 1, 'x');
  g_autoptr(GError) error = NULL;

  g_assert_false (kab_absence_validate (absence, &error));
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE);
  g_clear_error (&error);

  g_object_set (absence, "first-day", first, "last-day", last, NULL);
  g_assert_false (kab_absence_validate (absence, &error));
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE);
  g_clear_error (&error);

  /* One day: the first is the last; the hour is dropped. */
  kab_absence_set_last_day (absence, first);
  g_assert_true (kab_absence_validate (absence, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_hour (kab_absence_get_first_day (absence)), ==, 0);
  g_assert_cmpuint (kab_absence_get_n_days (absence), ==, 1);
  g_assert_true (kab_absence_contains (absence, inside));
  g_assert_false (kab_absence_contains (absence, last));

  kab_absence_set_note (absence, long_note);
  g_assert_false (kab_absence_validate (absence, &error));
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_TEXT);
  g_clear_error (&error);

  kab_absence_set_note (absence, "Semester — отпуск");
  {
    g_autoptr(GDateTime) far = day_at (2026, 12, 1, 0);
    kab_absence_set_last_day (absence, far);
  }
  g_assert_false (kab_absence_validate (absence, &error));
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE);
}

/* Saved, listed by first day, edited, filtered by range, deleted; kept over a restart. */
static void
test_store_records (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) jul7 = day_at (2025, 7, 7, 0);
  g_autoptr(GDateTime) aug1 = day_at (2025, 8, 1, 0);
  g_autoptr(GDateTime) dec23 = day_at (2025, 12, 23, 0);
  g_autoptr(GDateTime) jan2 = day_at (2026, 1, 2, 0);
  g_autoptr(GDateTime) sep1 = day_at (2025, 9, 1, 0);
  g_autoptr(KabAbsence) winter = add_absence (f->store, dec23, jan2, "Jul och nyår");
  g_autoptr(KabAbsence) summer = add_absence (f->store, jul7, aug1, "Semester");
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) later = NULL;
  g_autoptr(KabAbsence) first = NULL;
  g_autoptr(GError) error = NULL;

  kab_test_store_reopen (f);
  all = kab_store_list_absences (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  first = g_list_model_get_item (all, 0);
  g_assert_cmpint (kab_absence_get_id (first), ==, kab_absence_get_id (summer));
  g_assert_cmpstr (kab_absence_get_note (first), ==, "Semester");
  g_assert_cmpuint (kab_absence_get_n_days (first), ==, 26);

  later = kab_store_list_absences (f->store, sep1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (later), ==, 1);

  kab_absence_set_note (summer, "Sommarstängt");
  g_assert_true (kab_store_save_absence (f->store, summer, &error));
  g_assert_no_error (error);
  g_assert_true (kab_store_delete_absence (f->store, winter, &error));
  g_assert_no_error (error);

  g_clear_object (&all);
  g_clear_object (&first);
  all = kab_store_list_absences (f->store, NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  first = g_list_model_get_item (all, 0);
  g_assert_cmpstr (kab_absence_get_note (first), ==, "Sommarstängt");

  /* An invalid one is refused by the model's rule, and nothing is written. */
  kab_absence_set_last_day (summer, day_at (2025, 7, 1, 0));
  g_assert_false (kab_store_save_absence (f->store, summer, &error));
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE);
}

/* The planned sessions from the first day's midnight to the last day's end are listed;
 * applying cancels them by the practitioner, never charged; the others stay. */
static void
test_apply (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GDateTime) first = day_at (2025, 7, 7, 0);
  g_autoptr(GDateTime) last = day_at (2025, 7, 11, 0);
  g_autoptr(GDateTime) t_before = g_date_time_new_local (2025, 7, 6, 23, 59, 0);
  g_autoptr(GDateTime) t_first = day_at (2025, 7, 7, 0);
  g_autoptr(GDateTime) t_mid = day_at (2025, 7, 9, 10);
  g_autoptr(GDateTime) t_last = g_date_time_new_local (2025, 7, 11, 23, 0, 0);
  g_autoptr(GDateTime) t_after = day_at (2025, 7, 12, 0);
  g_autoptr(KabAbsence) absence = NULL;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GError) error = NULL;
  GDateTime *times[] = { t_before, t_first, t_mid, t_last, t_after };
  gboolean inside[] = { FALSE, TRUE, TRUE, TRUE, FALSE };
  guint n = 0;
  gint64 client_id;

  set_clock (2025, 6, 1);
  set_practice (f->store, 100);
  client_id = add_client (f->store, KAB_BILLING_PLAN_PER_SESSION, 120000);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    g_ptr_array_add (sessions, add_session (f->store, client_id, times[i], 120000));

  absence = add_absence (f->store, first, last, "Semester");
  listed = kab_store_list_absence_sessions (f->store, absence, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 3);

  g_assert_true (kab_store_apply_absence (f->store, absence, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  /* Later, the days are past: what was cancelled stays cancelled and free of charge. */
  set_clock (2025, 8, 1);
  for (guint i = 0; i < sessions->len; i++)
    {
      g_autoptr(KabSession) loaded = reload (f->store, sessions->pdata[i]);

      g_assert_cmpint (kab_session_get_status (loaded), ==,
                       inside[i] ? KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER
                                 : KAB_SESSION_STATUS_PLANNED);
    }
  g_assert_cmpint (kab_client_get_balance (kab_store_find_client (f->store, client_id)), ==, 0);

  /* Applying again finds nothing left to cancel. */
  g_assert_true (kab_store_apply_absence (f->store, absence, &n, &error));
  g_assert_cmpuint (n, ==, 0);
}

static guint
count_in (GListModel *sessions,
          KabAbsence *absence)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);

      n += kab_absence_contains (absence, kab_session_get_start (session));
    }
  return n;
}

/* A new weekly series, an existing one extended, and one edited all leave out the days of
 * an absence; the weeks around it are kept. */
static void
test_series_skip (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KabSeries) weekly = kab_series_new ();
  g_autoptr(KabSeries) fortnightly = kab_series_new ();
  g_autoptr(GDateTime) monday = day_at (2025, 6, 2, 0);   /* a Monday */
  g_autoptr(GDateTime) first = day_at (2025, 7, 7, 0);
  g_autoptr(GDateTime) last = day_at (2025, 7, 20, 0);
  g_autoptr(GDateTime) winter_first = day_at (2026, 1, 1, 0);
  g_autoptr(GDateTime) winter_last = day_at (2026, 1, 31, 0);
  g_autoptr(KabAbsence) summer = NULL;
  g_autoptr(KabAbsence) winter = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b;

  set_clock (2025, 6, 1);
  set_practice (f->store, 100);
  a = add_client (f->store, KAB_BILLING_PLAN_PER_SESSION, 120000);
  b = add_client (f->store, KAB_BILLING_PLAN_PER_SESSION, 90000);
  summer = add_absence (f->store, first, last, "Semester");

  /* Weekly on Mondays for 12 weeks: two of them fall in the absence. */
  g_object_set (weekly, "client-id", a, "first-date", monday, "start-minute", 600,
                "duration", 50, "interval-weeks", 1, "fee", (gint64)120000, "max-count", 12,
                NULL);
  g_assert_true (kab_store_save_series (f->store, weekly, &error));
  g_assert_no_error (error);
  sessions = kab_store_list_client_sessions (f->store, a, &error);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 10);
  g_assert_cmpuint (count_in (sessions, summer), ==, 0);
  g_clear_object (&sessions);

  /* Fortnightly, open-ended: written half a year ahead, then extended past an absence
   * entered later. */
  g_object_set (fortnightly, "client-id", b, "first-date", monday, "start-minute", 840,
                "duration", 50, "interval-weeks", 2, "fee", (gint64)90000, NULL);
  g_assert_true (kab_store_save_series (f->store, fortnightly, &error));
  g_assert_no_error (error);
  sessions = kab_store_list_client_sessions (f->store, b, &error);
  g_assert_cmpuint (count_in (sessions, summer), ==, 0);
  g_clear_object (&sessions);

  winter = add_absence (f->store, winter_first, winter_last, "Föräldraledighet");
  {
    g_autoptr(GDateTime) horizon = day_at (2026, 4, 1, 0);
    g_assert_true (kab_store_extend_series (f->store, horizon, &error));
    g_assert_no_error (error);
  }
  sessions = kab_store_list_client_sessions (f->store, b, &error);
  g_assert_cmpuint (count_in (sessions, winter), ==, 0);
  {
    /* The weeks after the absence are written. */
    g_autoptr(KabSession) latest = g_list_model_get_item (sessions, g_list_model_get_n_items (sessions) - 1);
    g_autoptr(GDateTime) february = day_at (2026, 2, 1, 0);
    g_assert_cmpint (g_date_time_compare (kab_session_get_start (latest), february), >, 0);
  }
  g_clear_object (&sessions);

  /* Moving the weekly series to Wednesdays keeps it out of the absence too. */
  {
    g_autoptr(GDateTime) wednesday = day_at (2025, 6, 4, 0);
    kab_series_set_first_date (weekly, wednesday);
  }
  g_assert_true (kab_store_save_series (f->store, weekly, &error));
  g_assert_no_error (error);
  sessions = kab_store_list_client_sessions (f->store, a, &error);
  g_assert_cmpuint (count_in (sessions, summer), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 10);
}

/* The random test. The oracle knows only the rules: a session cancelled by the
 * practitioner is never charged; attended is charged its fee, a late cancellation or a
 * no-show the practice's percentage of it, rounded; a package covers billable sessions
 * in date order while it has places; cancelled in time and planned are free. */
typedef struct
{
  KabSession       *session;
  gint64            client;
  gint64            fee;
  KabSessionStatus  status;  /* what the oracle expects */
} OSession;

static gboolean
o_billable (KabSessionStatus status)
{
  return status == KAB_SESSION_STATUS_ATTENDED || status == KAB_SESSION_STATUS_CANCELLED_LATE ||
         status == KAB_SESSION_STATUS_NO_SHOW;
}

static gint64
o_amount (OSession *s,
          int       percent)
{
  if (!o_billable (s->status))
    return 0;
  if (s->status == KAB_SESSION_STATUS_ATTENDED)
    return s->fee;
  return (s->fee * percent + 50) / 100;
}

static int
o_by_start (gconstpointer a,
            gconstpointer b)
{
  const OSession *x = a;
  const OSession *y = b;
  int order = g_date_time_compare (kab_session_get_start (x->session),
                                   kab_session_get_start (y->session));

  return order != 0 ? order : (kab_session_get_id (x->session) > kab_session_get_id (y->session)) -
                              (kab_session_get_id (x->session) < kab_session_get_id (y->session));
}

static const KabSessionStatus marks[] = {
  KAB_SESSION_STATUS_ATTENDED, KAB_SESSION_STATUS_CANCELLED_IN_TIME,
  KAB_SESSION_STATUS_CANCELLED_LATE, KAB_SESSION_STATUS_NO_SHOW,
};

static void
mark (KabStore         *store,
      OSession         *s,
      KabSessionStatus  status)
{
  g_autoptr(GError) error = NULL;

  kab_session_set_status (s->session, status);
  g_assert_true (kab_store_save_session (store, s->session, &error));
  g_assert_no_error (error);
  s->status = status;
}

static void
run_round (guint32 seed,
           guint   round)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed + round);
  g_autoptr(GArray) sessions = g_array_new (FALSE, TRUE, sizeof (OSession));
  g_autoptr(GPtrArray) absences = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  Fixture fixture = { 0, };
  Fixture *f = &fixture;
  gint64 clients[3];
  gint64 fees[3] = { 120000, 95050, 70000 };
  int package_size = g_rand_int_range (rand, 1, 8);
  gint64 package_price = 500000;
  int percent = g_rand_int_range (rand, 0, 101);

  kab_test_store_set_up (f, "absences-random");
  set_clock (2025, 4, 1);
  set_practice (f->store, percent);
  clients[0] = add_client (f->store, KAB_BILLING_PLAN_PER_SESSION, fees[0]);
  clients[1] = add_client (f->store, KAB_BILLING_PLAN_PER_SESSION, fees[1]);
  clients[2] = add_client (f->store, KAB_BILLING_PLAN_PACKAGE, fees[2]);
  {
    g_autoptr(GDateTime) bought = day_at (2025, 4, 1, 9);
    g_assert_true (kab_store_sell_package (f->store, clients[2], package_size, package_price,
                                           bought, NULL, NULL, &error));
    g_assert_no_error (error);
  }

  /* Sessions all planned in May and June, entered while they were ahead. */
  for (guint i = 0, n = g_rand_int_range (rand, 10, 40); i < n; i++)
    {
      guint c = g_rand_int_range (rand, 0, 3);
      g_autoptr(GDateTime) start = day_at (2025, g_rand_int_range (rand, 5, 7),
                                           g_rand_int_range (rand, 1, 31),
                                           g_rand_int_range (rand, 8, 19));
      OSession s = { add_session (f->store, clients[c], start, fees[c]), clients[c], fees[c],
                     KAB_SESSION_STATUS_PLANNED };

      g_array_append_val (sessions, s);
    }

  /* The days are past now: some are marked before the absences are entered. */
  set_clock (2025, 7, 15);
  for (guint i = 0; i < sessions->len; i++)
    if (g_rand_int_range (rand, 0, 4) == 0)
      mark (f->store, &g_array_index (sessions, OSession, i),
            marks[g_rand_int_range (rand, 0, G_N_ELEMENTS (marks))]);

  for (guint i = 0, n = g_rand_int_range (rand, 1, 4); i < n; i++)
    {
      g_autoptr(GDateTime) first = day_at (2025, g_rand_int_range (rand, 5, 7),
                                           g_rand_int_range (rand, 1, 31), 0);
      g_autoptr(GDateTime) last = g_date_time_add_days (first, g_rand_int_range (rand, 0, 15));
      KabAbsence *absence = add_absence (f->store, first, last, "");
      guint cancelled = 0;
      guint want = 0;

      for (guint j = 0; j < sessions->len; j++)
        {
          OSession *s = &g_array_index (sessions, OSession, j);

          if (s->status == KAB_SESSION_STATUS_PLANNED &&
              kab_absence_contains (absence, kab_session_get_start (s->session)))
            {
              s->status = KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER;
              want++;
            }
        }
      g_assert_true (kab_store_apply_absence (f->store, absence, &cancelled, &error));
      g_assert_no_error (error);
      if (cancelled != want)
        g_error ("seed %u, round %u: %u sessions cancelled, the rule says %u", seed, round,
                 cancelled, want);
      g_ptr_array_add (absences, absence);
    }

  /* The rest is marked as it went. */
  for (guint i = 0; i < sessions->len; i++)
    {
      OSession *s = &g_array_index (sessions, OSession, i);
      g_autoptr(KabSession) loaded = reload (f->store, s->session);

      if (kab_session_get_status (loaded) != s->status)
        g_error ("seed %u, round %u: session %" G_GINT64_FORMAT " is %d, the rule says %d",
                 seed, round, kab_session_get_id (s->session), kab_session_get_status (loaded),
                 s->status);
      g_set_object (&s->session, loaded);
      if (s->status == KAB_SESSION_STATUS_PLANNED)
        mark (f->store, s, marks[g_rand_int_range (rand, 0, G_N_ELEMENTS (marks))]);
    }

  /* The balances by the rules. */
  g_array_sort (sessions, o_by_start);
  for (guint c = 0; c < G_N_ELEMENTS (clients); c++)
    {
      gint64 want = c == 2 ? package_price : 0;
      gint64 stored = G_MININT64;
      int places = package_size;

      for (guint i = 0; i < sessions->len; i++)
        {
          OSession *s = &g_array_index (sessions, OSession, i);

          if (s->client != clients[c])
            continue;
          if (c == 2 && o_billable (s->status) && places > 0)
            {
              places--;
              continue;
            }
          want += o_amount (s, percent);
        }

      g_assert_true (kab_store_get_balance (f->store, clients[c], &stored, &error));
      g_assert_no_error (error);
      if (stored != want)
        g_error ("seed %u, round %u: client %u balance %" G_GINT64_FORMAT ", the rules say %"
                 G_GINT64_FORMAT " (late cancel %d%%, package of %d)", seed, round, c, stored,
                 want, percent, package_size);
    }

  for (guint i = 0; i < sessions->len; i++)
    g_object_unref (g_array_index (sessions, OSession, i).session);
  kab_store_set_test_now (NULL);
  kab_test_store_tear_down (f);
}

static void
test_random_balance (void)
{
  const char *env = g_getenv ("KAB_ABSENCE_SEED");
  guint32 seed = env != NULL ? (guint32)g_ascii_strtoull (env, NULL, 10) : g_random_int ();

  g_test_message ("seed %u (replay with KAB_ABSENCE_SEED=%u)", seed, seed);
  for (guint round = 0; round < 12; round++)
    run_round (seed, round);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/absences/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/absences/validation", test_validation);
  ADD ("store-records", test_store_records);
  ADD ("apply", test_apply);
  ADD ("series-skip", test_series_skip);
  g_test_add_func ("/absences/random-balance", test_random_balance);

  return g_test_run ();
}
