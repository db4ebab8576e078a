/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-series.c: recurring appointments keep their local hour, week after week */

#include "kab-model-error.h"
#include "kab-series.h"

static KabSeries *
make_series (const char *tzid,
             int         year,
             int         month,
             int         day,
             int         interval)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid);
  g_autoptr(GDateTime) first = g_date_time_new (tz, year, month, day, 0, 0, 0);
  KabSeries *series = kab_series_new ();

  g_object_set (series,
                "client-id", (gint64)1,
                "first-date", first,
                "start-minute", 10 * 60,
                "duration", 50,
                "interval-weeks", interval,
                "tzid", tzid,
                NULL);
  return series;
}

static GPtrArray *
expand_year (KabSeries *series,
             int        year)
{
  g_autoptr(GDateTime) from = g_date_time_new_utc (year, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (year + 1, 1, 1, 0, 0, 0);

  return kab_series_expand (series, from, to);
}

static GDateTime *
in_zone (GDateTime  *date_time,
         const char *tzid)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid);

  return g_date_time_to_timezone (date_time, tz);
}

/* Every start is at @hour:@minute local time on @weekday, in UTC, in order, in range. */
static void
assert_starts (GPtrArray  *starts,
               const char *tzid,
               int         hour,
               int         minute,
               int         weekday)
{
  for (guint i = 0; i < starts->len; i++)
    {
      g_autoptr(GDateTime) local = in_zone (starts->pdata[i], tzid);

      g_assert_cmpint (g_date_time_get_utc_offset (starts->pdata[i]), ==, 0);
      g_assert_cmpint (g_date_time_get_hour (local), ==, hour);
      g_assert_cmpint (g_date_time_get_minute (local), ==, minute);
      g_assert_cmpint (g_date_time_get_second (local), ==, 0);
      g_assert_cmpint (g_date_time_get_day_of_week (local), ==, weekday);
      if (i > 0)
        g_assert_cmpint (g_date_time_compare (starts->pdata[i - 1], starts->pdata[i]), <, 0);
    }
}

static void
assert_dst_kept (const char *tzid)
{
  /* Monday 5 January 2026, weekly through both changes of daylight saving time. */
  g_autoptr(KabSeries) series = make_series (tzid, 2026, 1, 5, 1);
  g_autoptr(GPtrArray) starts = expand_year (series, 2026);

  g_assert_cmpuint (starts->len, ==, 52);
  assert_starts (starts, tzid, 10, 0, 1);
}

static void
test_dst_oslo (void)
{
  g_autoptr(KabSeries) series = make_series ("Europe/Oslo", 2026, 3, 23, 1);
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 3, 20, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2026, 4, 4, 0, 0, 0);
  g_autoptr(GPtrArray) starts = kab_series_expand (series, from, to);

  /* 23 March is winter time (UTC+1), 30 March summer time (UTC+2): 09:00 and 08:00 UTC. */
  g_assert_cmpuint (starts->len, ==, 2);
  g_assert_cmpint (g_date_time_get_hour (starts->pdata[0]), ==, 9);
  g_assert_cmpint (g_date_time_get_hour (starts->pdata[1]), ==, 8);
  /* So the gap is a week less the hour the clocks sprang forward, not 7 × 86400 s. */
  g_assert_cmpint (g_date_time_difference (starts->pdata[1], starts->pdata[0]), ==,
                   7 * G_TIME_SPAN_DAY - G_TIME_SPAN_HOUR);

  assert_dst_kept ("Europe/Oslo");
}

static void
test_dst_oslo_autumn (void)
{
  g_autoptr(KabSeries) series = make_series ("Europe/Oslo", 2026, 10, 19, 1);
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 10, 15, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2026, 11, 3, 0, 0, 0);
  g_autoptr(GPtrArray) starts = kab_series_expand (series, from, to);

  /* Clocks go back on Sunday 25 October 2026: 08:00 UTC before, 09:00 UTC after. */
  g_assert_cmpuint (starts->len, ==, 3);
  g_assert_cmpint (g_date_time_get_hour (starts->pdata[0]), ==, 8);
  g_assert_cmpint (g_date_time_get_hour (starts->pdata[1]), ==, 9);
  g_assert_cmpint (g_date_time_get_hour (starts->pdata[2]), ==, 9);
  g_assert_cmpint (g_date_time_difference (starts->pdata[1], starts->pdata[0]), ==,
                   7 * G_TIME_SPAN_DAY + G_TIME_SPAN_HOUR);
  assert_starts (starts, "Europe/Oslo", 10, 0, 1);
}

static void
test_dst_stockholm (void)
{
  assert_dst_kept ("Europe/Stockholm");
}

static void
test_dst_stockholm_on_change_day (void)
{
  /* A Sunday series: on 29 March 2026 the clocks change at 02:00, 10:00 still exists. */
  g_autoptr(KabSeries) series = make_series ("Europe/Stockholm", 2026, 3, 22, 1);
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 3, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2026, 4, 6, 0, 0, 0);
  g_autoptr(GPtrArray) starts = kab_series_expand (series, from, to);

  g_assert_cmpuint (starts->len, ==, 3);
  assert_starts (starts, "Europe/Stockholm", 10, 0, 7);
  g_assert_cmpint (g_date_time_get_hour (starts->pdata[0]), ==, 9);
  g_assert_cmpint (g_date_time_get_hour (starts->pdata[1]), ==, 8);
}

static void
test_moscow (void)
{
  /* Moscow keeps UTC+3 all year: 10:00 local is always 07:00 UTC. */
  g_autoptr(KabSeries) series = make_series ("Europe/Moscow", 2026, 1, 5, 1);
  g_autoptr(GPtrArray) starts = expand_year (series, 2026);

  assert_dst_kept ("Europe/Moscow");
  g_assert_cmpuint (starts->len, ==, 52);
  for (guint i = 0; i < starts->len; i++)
    g_assert_cmpint (g_date_time_get_hour (starts->pdata[i]), ==, 7);
}

static void
test_weekly_count_and_weekday (void)
{
  /* Wednesday 7 January 2026 at 17:30. */
  g_autoptr(KabSeries) series = make_series ("Europe/Stockholm", 2026, 1, 7, 1);
  g_autoptr(GPtrArray) starts = NULL;
  g_autoptr(GDateTime) first = NULL;

  kab_series_set_start_minute (series, 17 * 60 + 30);
  starts = expand_year (series, 2026);
  g_assert_cmpuint (starts->len, ==, 52);
  assert_starts (starts, "Europe/Stockholm", 17, 30, 3);

  first = in_zone (starts->pdata[0], "Europe/Stockholm");
  g_assert_cmpint (g_date_time_get_day_of_month (first), ==, 7);
  g_assert_cmpint (g_date_time_get_month (first), ==, 1);
}

static void
test_fortnightly (void)
{
  g_autoptr(KabSeries) series = make_series ("Europe/Stockholm", 2026, 1, 7, 2);
  g_autoptr(GPtrArray) starts = expand_year (series, 2026);

  g_assert_cmpuint (starts->len, ==, 26);
  assert_starts (starts, "Europe/Stockholm", 10, 0, 3);
  for (guint i = 1; i < starts->len; i++)
    {
      g_autoptr(GDateTime) a = in_zone (starts->pdata[i - 1], "Europe/Stockholm");
      g_autoptr(GDateTime) b = in_zone (starts->pdata[i], "Europe/Stockholm");
      GTimeSpan gap = g_date_time_difference (starts->pdata[i], starts->pdata[i - 1]);

      /* Fourteen calendar days; fourteen days of time give or take a DST hour. */
      g_assert_cmpint (g_date_time_get_day_of_year (b) - g_date_time_get_day_of_year (a), ==, 14);
      g_assert_cmpint (ABS (gap - 14 * G_TIME_SPAN_DAY), <=, G_TIME_SPAN_HOUR);
    }
}

static void
test_every_eight_weeks (void)
{
  g_autoptr(KabSeries) series = make_series ("Europe/Oslo", 2026, 1, 5, 8);
  g_autoptr(GPtrArray) starts = expand_year (series, 2026);

  /* 5 Jan, 2 Mar, 27 Apr, 22 Jun, 17 Aug, 12 Oct, 7 Dec. */
  g_assert_cmpuint (starts->len, ==, 7);
  assert_starts (starts, "Europe/Oslo", 10, 0, 1);
}

static void
test_until_is_inclusive (void)
{
  g_autoptr(KabSeries) series = make_series ("Europe/Oslo", 2026, 9, 7, 1);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) until = g_date_time_new (tz, 2026, 10, 5, 0, 0, 0);
  g_autoptr(GDateTime) until_before = g_date_time_new (tz, 2026, 10, 4, 0, 0, 0);
  g_autoptr(GPtrArray) starts = NULL;
  g_autoptr(GPtrArray) fewer = NULL;
  g_autoptr(GDateTime) last = NULL;

  kab_series_set_until_date (series, until);
  starts = expand_year (series, 2026);
  /* 7, 14, 21, 28 September and 5 October: the session on the until date is in. */
  g_assert_cmpuint (starts->len, ==, 5);
  last = in_zone (starts->pdata[4], "Europe/Oslo");
  g_assert_cmpint (g_date_time_get_month (last), ==, 10);
  g_assert_cmpint (g_date_time_get_day_of_month (last), ==, 5);
  g_assert_cmpint (g_date_time_get_hour (last), ==, 10);

  kab_series_set_until_date (series, until_before);
  fewer = expand_year (series, 2026);
  g_assert_cmpuint (fewer->len, ==, 4);
}

static void
test_until_fortnightly (void)
{
  g_autoptr(KabSeries) series = make_series ("Europe/Moscow", 2026, 9, 7, 2);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Moscow");
  g_autoptr(GDateTime) until = g_date_time_new (tz, 2026, 10, 12, 0, 0, 0);
  g_autoptr(GPtrArray) starts = NULL;

  /* 7 Sep, 21 Sep, 5 Oct; the 19 October occurrence is past the until date. */
  kab_series_set_until_date (series, until);
  starts = expand_year (series, 2026);
  g_assert_cmpuint (starts->len, ==, 3);

  /* The until date equal to the first date gives exactly one session. */
  {
    g_autoptr(GDateTime) same = g_date_time_new (tz, 2026, 9, 7, 0, 0, 0);
    g_autoptr(GPtrArray) one = NULL;

    kab_series_set_until_date (series, same);
    one = expand_year (series, 2026);
    g_assert_cmpuint (one->len, ==, 1);
  }
}

static void
test_range_is_half_open (void)
{
  g_autoptr(KabSeries) series = make_series ("Europe/Oslo", 2026, 9, 7, 1);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) from = g_date_time_new (tz, 2026, 9, 14, 10, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (tz, 2026, 9, 28, 10, 0, 0);
  g_autoptr(GDateTime) from_late = g_date_time_new (tz, 2026, 9, 14, 10, 0, 1);
  g_autoptr(GPtrArray) starts = kab_series_expand (series, from, to);
  g_autoptr(GPtrArray) later = kab_series_expand (series, from_late, to);
  g_autoptr(GPtrArray) empty = kab_series_expand (series, to, from);

  /* The 14th is in, the 28th is out. */
  g_assert_cmpuint (starts->len, ==, 2);
  g_assert_true (g_date_time_equal (starts->pdata[0], from));
  /* One second after the start of the 14th, only the 21st remains. */
  g_assert_cmpuint (later->len, ==, 1);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_before_first_date (void)
{
  g_autoptr(KabSeries) series = make_series ("Europe/Oslo", 2026, 9, 7, 1);
  g_autoptr(GDateTime) from = g_date_time_new_utc (2025, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2026, 9, 15, 0, 0, 0);
  g_autoptr(GPtrArray) starts = kab_series_expand (series, from, to);

  /* Nothing before the first date: 7 and 14 September only. */
  g_assert_cmpuint (starts->len, ==, 2);
}

/* Far from the first date the expansion skips ahead; it must agree with walking
 * week by week from the start. */
static void
test_far_range_matches_walk (void)
{
  g_autoptr(KabSeries) series = make_series ("Europe/Stockholm", 2026, 1, 5, 3);
  g_autoptr(GDateTime) from = g_date_time_new_utc (2031, 3, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2031, 6, 1, 0, 0, 0);
  g_autoptr(GDateTime) all_from = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  g_autoptr(GPtrArray) far = kab_series_expand (series, from, to);
  g_autoptr(GPtrArray) all = kab_series_expand (series, all_from, to);
  guint j = 0;

  g_assert_cmpuint (far->len, >, 0);
  for (guint i = 0; i < all->len; i++)
    {
      if (g_date_time_compare (all->pdata[i], from) < 0)
        continue;
      g_assert_cmpuint (j, <, far->len);
      g_assert_true (g_date_time_equal (all->pdata[i], far->pdata[j]));
      j++;
    }
  g_assert_cmpuint (j, ==, far->len);
  assert_starts (far, "Europe/Stockholm", 10, 0, 1);
}

/* A range that starts late in the evening elsewhere still finds the next morning. */
static void
test_range_in_other_zone (void)
{
  g_autoptr(KabSeries) series = make_series ("Europe/Moscow", 2026, 9, 7, 1);
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  /* 23:30 on Sunday 13 September in New York is 06:30 on Monday in Moscow. */
  g_autoptr(GDateTime) from = g_date_time_new (new_york, 2026, 9, 13, 23, 30, 0);
  g_autoptr(GDateTime) to = g_date_time_add_days (from, 1);
  g_autoptr(GPtrArray) starts = kab_series_expand (series, from, to);
  g_autoptr(GDateTime) local = NULL;

  g_assert_cmpuint (starts->len, ==, 1);
  local = in_zone (starts->pdata[0], "Europe/Moscow");
  g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 14);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 10);
}

static void
test_local_zone (void)
{
  /* main() sets TZ=Europe/Oslo: an empty tzid means that zone. */
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) first = g_date_time_new (tz, 2026, 3, 23, 0, 0, 0);
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 3, 20, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2026, 4, 4, 0, 0, 0);
  g_autoptr(KabSeries) series = kab_series_new ();
  g_autoptr(GPtrArray) starts = NULL;

  g_object_set (series, "client-id", (gint64)1, "first-date", first, "start-minute", 600,
                "tzid", "", NULL);
  starts = kab_series_expand (series, from, to);
  g_assert_cmpuint (starts->len, ==, 2);
  g_assert_cmpint (g_date_time_get_hour (starts->pdata[0]), ==, 9);
  g_assert_cmpint (g_date_time_get_hour (starts->pdata[1]), ==, 8);
}

static void
test_incomplete_series_expands_to_nothing (void)
{
  g_autoptr(KabSeries) series = make_series ("Europe/Oslo", 2026, 9, 7, 1);
  g_autoptr(KabSeries) no_date = kab_series_new ();
  g_autoptr(GPtrArray) bad_zone = NULL;
  g_autoptr(GPtrArray) bad_interval = NULL;
  g_autoptr(GPtrArray) bad_minute = NULL;
  g_autoptr(GPtrArray) none = NULL;

  none = expand_year (no_date, 2026);
  g_assert_nonnull (none);
  g_assert_cmpuint (none->len, ==, 0);

  kab_series_set_tzid (series, "Mars/Olympus_Mons");
  bad_zone = expand_year (series, 2026);
  g_assert_cmpuint (bad_zone->len, ==, 0);

  kab_series_set_tzid (series, "Europe/Oslo");
  kab_series_set_interval_weeks (series, 0);
  bad_interval = expand_year (series, 2026);
  g_assert_cmpuint (bad_interval->len, ==, 0);

  kab_series_set_interval_weeks (series, 1);
  kab_series_set_start_minute (series, 1440);
  bad_minute = expand_year (series, 2026);
  g_assert_cmpuint (bad_minute->len, ==, 0);
}

static void
test_expand_owns_its_elements (void)
{
  g_autoptr(KabSeries) series = make_series ("Europe/Oslo", 2026, 9, 7, 1);
  GPtrArray *starts = expand_year (series, 2026);
  GDateTime *kept;

  g_assert_cmpuint (starts->len, ==, 17);
  kept = g_date_time_ref (starts->pdata[0]);
  /* Freeing the array frees its elements (checked by valgrind / ASan runs). */
  g_ptr_array_unref (starts);
  g_assert_cmpint (g_date_time_get_year (kept), ==, 2026);
  g_date_time_unref (kept);
}

#define SERIES_INVALID(setter, value, code)                                            \
  G_STMT_START {                                                                       \
    g_autoptr(KabSeries) s = make_series ("Europe/Oslo", 2026, 9, 7, 1);               \
    g_autoptr(GError) e = NULL;                                                        \
    g_assert_true (kab_series_validate (s, NULL));                                     \
    setter (s, value);                                                                 \
    g_assert_false (kab_series_validate (s, &e));                                      \
    g_assert_error (e, KAB_MODEL_ERROR, code);                                         \
    g_assert_true (g_utf8_validate (e->message, -1, NULL));                            \
  } G_STMT_END

static void
test_validation (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) before = g_date_time_new (tz, 2026, 9, 1, 0, 0, 0);
  g_autoptr(GDateTime) same = g_date_time_new (tz, 2026, 9, 7, 0, 0, 0);
  g_autoptr(KabSeries) series = make_series ("Europe/Oslo", 2026, 9, 7, 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (kab_series_validate (series, &error));
  g_assert_no_error (error);
  kab_series_set_until_date (series, same);
  g_assert_true (kab_series_validate (series, &error));

  SERIES_INVALID (kab_series_set_client_id, 0, KAB_MODEL_ERROR_MISSING_VALUE);
  SERIES_INVALID (kab_series_set_client_id, -1, KAB_MODEL_ERROR_MISSING_VALUE);
  SERIES_INVALID (kab_series_set_first_date, NULL, KAB_MODEL_ERROR_INVALID_DATE);
  SERIES_INVALID (kab_series_set_until_date, before, KAB_MODEL_ERROR_INVALID_DATE);
  SERIES_INVALID (kab_series_set_start_minute, -1, KAB_MODEL_ERROR_INVALID_TIME);
  SERIES_INVALID (kab_series_set_start_minute, 1440, KAB_MODEL_ERROR_INVALID_TIME);
  SERIES_INVALID (kab_series_set_duration, 0, KAB_MODEL_ERROR_INVALID_DURATION);
  SERIES_INVALID (kab_series_set_duration, 601, KAB_MODEL_ERROR_INVALID_DURATION);
  SERIES_INVALID (kab_series_set_interval_weeks, 0, KAB_MODEL_ERROR_INVALID_VALUE);
  SERIES_INVALID (kab_series_set_interval_weeks, 9, KAB_MODEL_ERROR_INVALID_VALUE);
  SERIES_INVALID (kab_series_set_fee, -1, KAB_MODEL_ERROR_INVALID_AMOUNT);
  SERIES_INVALID (kab_series_set_kind, (KabSessionKind)12, KAB_MODEL_ERROR_INVALID_VALUE);
  SERIES_INVALID (kab_series_set_tzid, "Mars/Olympus_Mons", KAB_MODEL_ERROR_INVALID_VALUE);
  SERIES_INVALID (kab_series_set_tzid, "Europe/\xff", KAB_MODEL_ERROR_INVALID_VALUE);

  {
    g_autoptr(KabSeries) edges = make_series ("Europe/Oslo", 2026, 9, 7, 8);

    g_object_set (edges, "start-minute", 1439, "duration", 600, "tzid", "", NULL);
    g_assert_true (kab_series_validate (edges, NULL));
    g_object_set (edges, "start-minute", 0, "duration", 5, "interval-weeks", 1, NULL);
    g_assert_true (kab_series_validate (edges, NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The local zone for the series with an empty tzid. */
  g_setenv ("TZ", "Europe/Oslo", TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/series/dst/europe-oslo", test_dst_oslo);
  g_test_add_func ("/series/dst/europe-oslo-autumn", test_dst_oslo_autumn);
  g_test_add_func ("/series/dst/europe-stockholm", test_dst_stockholm);
  g_test_add_func ("/series/dst/europe-stockholm-change-day", test_dst_stockholm_on_change_day);
  g_test_add_func ("/series/dst/europe-moscow", test_moscow);
  g_test_add_func ("/series/weekly", test_weekly_count_and_weekday);
  g_test_add_func ("/series/fortnightly", test_fortnightly);
  g_test_add_func ("/series/every-eight-weeks", test_every_eight_weeks);
  g_test_add_func ("/series/until-inclusive", test_until_is_inclusive);
  g_test_add_func ("/series/until-fortnightly", test_until_fortnightly);
  g_test_add_func ("/series/range-half-open", test_range_is_half_open);
  g_test_add_func ("/series/before-first-date", test_before_first_date);
  g_test_add_func ("/series/far-range", test_far_range_matches_walk);
  g_test_add_func ("/series/range-in-other-zone", test_range_in_other_zone);
  g_test_add_func ("/series/local-zone", test_local_zone);
  g_test_add_func ("/series/incomplete", test_incomplete_series_expands_to_nothing);
  g_test_add_func ("/series/owns-elements", test_expand_owns_its_elements);
  g_test_add_func ("/series/validation", test_validation);

  return g_test_run ();
}
