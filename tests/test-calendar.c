/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-calendar.c: calendar export, overlaps, charges by status, series across DST, week maths, without a display */

#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <locale.h>
#include <string.h>

#include "kab-calendar-util.h"
#include "kab-demo.h"
#include "kab-ics-export.h"
#include "kab-session-overlaps.h"
#include "kab-store.h"
#include "kab-test-util.h"

typedef struct
{
  char      *dir;
  char      *path;
  KabStore  *store;
  KabClient *anna;    /* per session, 1 200,00 */
  KabClient *ivan;    /* monthly fee */
} Fixture;

static KabClient *
add_client (KabStore       *store,
            const char     *given,
            const char     *family,
            KabBillingPlan  plan,
            gint64          fee)
{
  g_autoptr(GError) error = NULL;
  KabClient *client = kab_client_new ();

  g_object_set (client,
                "given-name", given,
                "family-name", family,
                "billing-plan", plan,
                "fee", fee,
                NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_assert_no_error (error);
  return client;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabPractice) practice = NULL;

  f->dir = g_dir_make_tmp ("kabinett-calendar-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "practice.db", NULL);
  f->store = kab_store_open (f->path, &error);
  g_assert_no_error (error);

  practice = kab_practice_copy (kab_store_get_practice (f->store));
  g_object_set (practice, "currency", "SEK", "late-cancel-percent", 60, NULL);
  g_assert_true (kab_store_save_practice (f->store, practice, &error));
  g_assert_no_error (error);

  f->anna = add_client (f->store, "Anna", "Karlsson", KAB_BILLING_PLAN_PER_SESSION, 120000);
  f->ivan = add_client (f->store, "Иван", "Петров", KAB_BILLING_PLAN_MONTHLY, 400000);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->anna);
  g_clear_object (&f->ivan);
  g_clear_object (&f->store);
  kab_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static KabSession *
add_session (Fixture          *f,
             KabClient        *client,
             GDateTime        *start,
             int               duration,
             KabSessionStatus  status)
{
  g_autoptr(GError) error = NULL;
  KabSession *session = kab_session_new ();

  g_object_set (session,
                "client-id", kab_client_get_id (client),
                "start", start,
                "duration", duration,
                "status", status,
                "fee", kab_client_get_fee (client),
                NULL);
  g_assert_true (kab_store_save_session (f->store, session, &error));
  g_assert_no_error (error);
  return session;
}

static GDateTime *
utc (int year, int month, int day, int hour, int minute)
{
  return g_date_time_new_utc (year, month, day, hour, minute, 0);
}

/* iCalendar export */

static guint
count_events (icalcomponent *calendar)
{
  guint n = 0;

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    n++;

  return n;
}

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *uid)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (event), uid) == 0)
      return event;

  return NULL;
}

static void
test_ics_export (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) monday = utc (2026, 11, 16, 9, 0);
  g_autoptr(GDateTime) tuesday = utc (2026, 11, 17, 14, 30);
  g_autoptr(GDateTime) friday = utc (2026, 11, 20, 8, 0);
  g_autoptr(GDateTime) next_week = utc (2026, 11, 24, 9, 0);
  g_autoptr(GDateTime) from = utc (2026, 11, 16, 0, 0);
  g_autoptr(GDateTime) to = utc (2026, 11, 23, 0, 0);
  g_autoptr(KabSession) a = add_session (f, f->anna, monday, 50, KAB_SESSION_STATUS_ATTENDED);
  g_autoptr(KabSession) b = add_session (f, f->ivan, tuesday, 90, KAB_SESSION_STATUS_PLANNED);
  g_autoptr(KabSession) c = add_session (f, f->anna, friday, 50, KAB_SESSION_STATUS_CANCELLED_LATE);
  g_autoptr(KabSession) d = add_session (f, f->anna, next_week, 50, KAB_SESSION_STATUS_PLANNED);
  g_autoptr(GError) error = NULL;
  g_autofree char *uid_a = g_strdup_printf ("%s@kabinett", kab_session_get_uid (a));
  g_autofree char *uid_b = g_strdup_printf ("%s@kabinett", kab_session_get_uid (b));
  g_autofree char *uid_c = g_strdup_printf ("%s@kabinett", kab_session_get_uid (c));
  g_autofree char *initials_text = NULL;
  g_autofree char *names_text = NULL;
  icalcomponent *calendar;
  icalcomponent *event;
  struct icaltimetype start, end;
  guint n = 0;

  /* Initials only: what leaves the database does not name the client. */
  initials_text = kab_ics_export (f->store, from, to, TRUE, &n, &error);
  g_assert_no_error (error);
  g_assert_nonnull (initials_text);
  g_assert_cmpuint (n, ==, 3);
  g_assert_null (strstr (initials_text, "Karlsson"));
  g_assert_null (strstr (initials_text, "Петров"));

  calendar = icalparser_parse_string (initials_text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpuint (count_events (calendar), ==, 3);
  g_assert_null (find_event (calendar, "session-0@kabinett"));
  /* Each event carries its session's own random UID, never its row number. */
  g_assert_true (g_uuid_string_is_valid (kab_session_get_uid (a)));
  g_assert_cmpstr (kab_session_get_uid (a), !=, kab_session_get_uid (c));

  event = find_event (calendar, uid_a);
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "A. K.");
  start = icalcomponent_get_dtstart (event);
  end = icalcomponent_get_dtend (event);
  g_assert_true (icaltime_is_utc (start));
  g_assert_true (icaltime_is_utc (end));
  g_assert_cmpint ((gint64)icaltime_as_timet (start), ==, g_date_time_to_unix (monday));
  g_assert_cmpint ((gint64)(icaltime_as_timet (end) - icaltime_as_timet (start)), ==, 50 * 60);
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);

  event = find_event (calendar, uid_b);
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "И. П.");
  start = icalcomponent_get_dtstart (event);
  g_assert_cmpint (start.hour, ==, 14);
  g_assert_cmpint (start.minute, ==, 30);

  event = find_event (calendar, uid_c);
  g_assert_nonnull (event);
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CANCELLED);
  icalcomponent_free (calendar);

  /* Full names when asked. */
  names_text = kab_ics_export (f->store, from, to, FALSE, &n, &error);
  g_assert_no_error (error);
  calendar = icalparser_parse_string (names_text);
  g_assert_nonnull (calendar);
  g_assert_cmpuint (count_events (calendar), ==, 3);
  g_assert_cmpstr (icalcomponent_get_summary (find_event (calendar, uid_a)), ==, "Anna Karlsson");
  g_assert_cmpstr (icalcomponent_get_summary (find_event (calendar, uid_b)), ==, "Иван Петров");
  icalcomponent_free (calendar);

  /* UIDs stay the same from one export to the next, so other calendars update. */
  {
    g_autofree char *again = kab_ics_export (f->store, from, to, TRUE, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (again, uid_a));
  }
}

static void
test_ics_export_empty (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) from = utc (2030, 1, 1, 0, 0);
  g_autoptr(GDateTime) to = utc (2030, 2, 1, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  icalcomponent *calendar;
  guint n = 99;

  text = kab_ics_export (f->store, from, to, TRUE, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpuint (count_events (calendar), ==, 0);
  icalcomponent_free (calendar);
}

/* Overlaps */

static void
test_overlaps_single (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) ten = utc (2026, 12, 7, 10, 0);
  g_autoptr(GDateTime) half_past = utc (2026, 12, 7, 10, 30);
  g_autoptr(GDateTime) ten_fifty = utc (2026, 12, 7, 10, 50);
  g_autoptr(GDateTime) nine = utc (2026, 12, 7, 9, 0);
  g_autoptr(GDateTime) noon = utc (2026, 12, 7, 12, 0);
  g_autoptr(KabSession) planned = add_session (f, f->anna, ten, 50, KAB_SESSION_STATUS_PLANNED);
  g_autoptr(KabSession) cancelled = add_session (f, f->ivan, noon, 50, KAB_SESSION_STATUS_CANCELLED_IN_TIME);
  g_autoptr(KabSession) candidate = kab_session_new ();
  g_autoptr(GPtrArray) overlaps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  kab_session_set_client_id (candidate, kab_client_get_id (f->ivan));
  kab_session_set_duration (candidate, 50);

  /* Starting inside another session. */
  kab_session_set_start (candidate, half_past);
  overlaps = kab_session_overlaps_find (f->store, candidate, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overlaps->len, ==, 1);
  g_assert_cmpint (kab_session_get_id (g_ptr_array_index (overlaps, 0)), ==, kab_session_get_id (planned));
  text = kab_session_overlaps_describe (overlaps);
  g_assert_nonnull (strstr (text, "Anna Karlsson"));
  g_clear_pointer (&overlaps, g_ptr_array_unref);

  /* Ending inside it. */
  kab_session_set_start (candidate, nine);
  kab_session_set_duration (candidate, 90);
  overlaps = kab_session_overlaps_find (f->store, candidate, &error);
  g_assert_cmpuint (overlaps->len, ==, 1);
  g_clear_pointer (&overlaps, g_ptr_array_unref);

  /* Back to back is no overlap. */
  kab_session_set_start (candidate, ten_fifty);
  kab_session_set_duration (candidate, 50);
  overlaps = kab_session_overlaps_find (f->store, candidate, &error);
  g_assert_cmpuint (overlaps->len, ==, 0);
  g_assert_null (kab_session_overlaps_describe (overlaps));
  g_clear_pointer (&overlaps, g_ptr_array_unref);

  /* A cancelled session frees its time. */
  kab_session_set_start (candidate, noon);
  overlaps = kab_session_overlaps_find (f->store, candidate, &error);
  g_assert_cmpuint (overlaps->len, ==, 0);
  g_clear_pointer (&overlaps, g_ptr_array_unref);

  /* A session moved within its own time does not overlap itself. */
  overlaps = kab_session_overlaps_find (f->store, planned, &error);
  g_assert_cmpuint (overlaps->len, ==, 0);
  g_clear_pointer (&overlaps, g_ptr_array_unref);
  g_assert_nonnull (cancelled);
}

static void
test_overlaps_series (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) first = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) first_day = g_date_time_add_days (first, 7);
  g_autoptr(GDateTime) clash_day = g_date_time_add_weeks (first_day, 3);
  g_autoptr(GDateTime) clash = g_date_time_add_minutes (clash_day, 10 * 60 + 20);
  g_autoptr(KabSession) single = add_session (f, f->ivan, clash, 50, KAB_SESSION_STATUS_PLANNED);
  g_autoptr(KabSeries) series = kab_series_new ();
  g_autoptr(GPtrArray) overlaps = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (series,
                "client-id", kab_client_get_id (f->anna),
                "first-date", first_day,
                "start-minute", 10 * 60,
                "duration", 50,
                "interval-weeks", 1,
                "tzid", "UTC",
                NULL);

  overlaps = kab_session_overlaps_find_series (f->store, series, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overlaps->len, ==, 1);
  g_assert_cmpint (kab_session_get_id (g_ptr_array_index (overlaps, 0)), ==, kab_session_get_id (single));
  g_clear_pointer (&overlaps, g_ptr_array_unref);

  /* Every other week misses it. */
  kab_series_set_interval_weeks (series, 2);
  overlaps = kab_session_overlaps_find_series (f->store, series, now, &error);
  g_assert_cmpuint (overlaps->len, ==, 0);
  g_clear_pointer (&overlaps, g_ptr_array_unref);

  /* A saved series never overlaps its own sessions. */
  kab_series_set_interval_weeks (series, 1);
  kab_series_set_until_date (series, clash_day);
  g_assert_true (kab_store_save_series (f->store, series, &error));
  g_assert_no_error (error);
  overlaps = kab_session_overlaps_find_series (f->store, series, now, &error);
  g_assert_cmpuint (overlaps->len, ==, 1);
  g_clear_pointer (&overlaps, g_ptr_array_unref);
}

/* Charges by status */

static gint64
balance (Fixture   *f,
         KabClient *client)
{
  g_autoptr(GError) error = NULL;
  gint64 amount = -1;

  g_assert_true (kab_store_get_balance (f->store, kab_client_get_id (client), &amount, &error));
  g_assert_no_error (error);
  return amount;
}

static void
set_status (Fixture          *f,
            KabSession       *session,
            KabSessionStatus  status)
{
  g_autoptr(GError) error = NULL;

  kab_session_set_status (session, status);
  g_assert_true (kab_store_save_session (f->store, session, &error));
  g_assert_no_error (error);
}

static void
assert_one_charge (Fixture       *f,
                   KabClient     *client,
                   gint64         amount,
                   KabChargeKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) charges = kab_store_list_charges (f->store, kab_client_get_id (client), NULL, NULL, &error);
  g_autoptr(KabCharge) charge = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (charges), ==, 1);
  charge = g_list_model_get_item (charges, 0);
  g_assert_cmpint (kab_charge_get_amount (charge), ==, amount);
  g_assert_cmpint (kab_charge_get_kind (charge), ==, kind);
  g_assert_cmpstr (kab_charge_get_currency (charge), ==, "SEK");
}

static void
assert_no_charge (Fixture   *f,
                  KabClient *client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) charges = kab_store_list_charges (f->store, kab_client_get_id (client), NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (charges), ==, 0);
}

static void
test_status_charges (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) start = utc (2026, 11, 18, 15, 0);
  g_autoptr(KabSession) session = add_session (f, f->anna, start, 50, KAB_SESSION_STATUS_PLANNED);

  assert_no_charge (f, f->anna);
  g_assert_cmpint (balance (f, f->anna), ==, 0);

  set_status (f, session, KAB_SESSION_STATUS_ATTENDED);
  assert_one_charge (f, f->anna, 120000, KAB_CHARGE_KIND_SESSION);
  g_assert_cmpint (balance (f, f->anna), ==, 120000);

  /* The practice charges 60 % for a late cancellation or a no-show. */
  set_status (f, session, KAB_SESSION_STATUS_CANCELLED_LATE);
  assert_one_charge (f, f->anna, 72000, KAB_CHARGE_KIND_LATE_CANCELLATION);
  g_assert_cmpint (balance (f, f->anna), ==, 72000);

  set_status (f, session, KAB_SESSION_STATUS_NO_SHOW);
  assert_one_charge (f, f->anna, 72000, KAB_CHARGE_KIND_LATE_CANCELLATION);

  set_status (f, session, KAB_SESSION_STATUS_CANCELLED_IN_TIME);
  assert_no_charge (f, f->anna);
  g_assert_cmpint (balance (f, f->anna), ==, 0);

  set_status (f, session, KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER);
  assert_no_charge (f, f->anna);

  set_status (f, session, KAB_SESSION_STATUS_ATTENDED);
  set_status (f, session, KAB_SESSION_STATUS_PLANNED);
  assert_no_charge (f, f->anna);
  g_assert_cmpint (balance (f, f->anna), ==, 0);

  /* Deleting a charged session takes its charge with it. */
  {
    g_autoptr(GError) error = NULL;

    set_status (f, session, KAB_SESSION_STATUS_ATTENDED);
    g_assert_true (kab_store_delete_session (f->store, session, &error));
    g_assert_no_error (error);
    assert_no_charge (f, f->anna);
  }
}

/* A weekly series in Oslo stays at 10:00 local across both DST changes. */

static void
assert_series_local_time (Fixture    *f,
                          KabSeries  *series,
                          GDateTime  *from,
                          GDateTime  *to,
                          guint       expected,
                          int         first_utc_hour,
                          int         last_utc_hour)
{
  g_autoptr(GTimeZone) oslo = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sessions = kab_store_list_sessions (f->store, from, to, &error);
  guint n;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (sessions);
  g_assert_cmpuint (n, ==, expected);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (kab_session_get_start (session), oslo);
      g_autoptr(GDateTime) in_utc = g_date_time_to_utc (kab_session_get_start (session));

      g_assert_cmpint (kab_session_get_series_id (session), ==, kab_series_get_id (series));
      g_assert_cmpstr (kab_session_get_tzid (session), ==, "Europe/Oslo");
      g_assert_cmpint (g_date_time_get_hour (local), ==, 10);
      g_assert_cmpint (g_date_time_get_minute (local), ==, 0);
      g_assert_cmpint (g_date_time_get_day_of_week (local), ==, 1);

      if (i == 0)
        g_assert_cmpint (g_date_time_get_hour (in_utc), ==, first_utc_hour);
      if (i == n - 1)
        g_assert_cmpint (g_date_time_get_hour (in_utc), ==, last_utc_hour);
    }
}

static void
test_series_dst (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GTimeZone) oslo = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) october = g_date_time_new (oslo, 2026, 10, 12, 0, 0, 0);   /* a Monday */
  g_autoptr(GDateTime) november = g_date_time_new (oslo, 2026, 11, 9, 0, 0, 0);
  g_autoptr(GDateTime) march = g_date_time_new (oslo, 2027, 3, 15, 0, 0, 0);      /* a Monday */
  g_autoptr(GDateTime) april = g_date_time_new (oslo, 2027, 4, 12, 0, 0, 0);
  g_autoptr(GDateTime) autumn_from = utc (2026, 10, 1, 0, 0);
  g_autoptr(GDateTime) autumn_to = utc (2026, 11, 15, 0, 0);
  g_autoptr(GDateTime) spring_from = utc (2027, 3, 1, 0, 0);
  g_autoptr(GDateTime) spring_to = utc (2027, 4, 20, 0, 0);
  g_autoptr(KabSeries) autumn = kab_series_new ();
  g_autoptr(KabSeries) spring = kab_series_new ();
  g_autoptr(KabSeries) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (oslo);

  /* Summer time ends on 25 October 2026: 10:00 is 08:00 UTC before, 09:00 after. */
  g_object_set (autumn,
                "client-id", kab_client_get_id (f->anna),
                "first-date", october,
                "until-date", november,
                "start-minute", 10 * 60,
                "duration", 50,
                "interval-weeks", 1,
                "tzid", "Europe/Oslo",
                "fee", (gint64)120000,
                NULL);
  g_assert_true (kab_store_save_series (f->store, autumn, &error));
  g_assert_no_error (error);
  assert_series_local_time (f, autumn, autumn_from, autumn_to, 5, 8, 9);

  /* Summer time begins on 28 March 2027: 09:00 UTC before, 08:00 after. */
  g_object_set (spring,
                "client-id", kab_client_get_id (f->ivan),
                "first-date", march,
                "until-date", april,
                "start-minute", 10 * 60,
                "duration", 50,
                "interval-weeks", 1,
                "tzid", "Europe/Oslo",
                NULL);
  g_assert_true (kab_store_save_series (f->store, spring, &error));
  g_assert_no_error (error);
  assert_series_local_time (f, spring, spring_from, spring_to, 5, 9, 8);

  /* The series itself survives the round trip. */
  loaded = kab_store_load_series (f->store, kab_series_get_id (autumn), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kab_series_get_tzid (loaded), ==, "Europe/Oslo");
  g_assert_cmpint (kab_series_get_start_minute (loaded), ==, 600);
  g_assert_cmpint (g_date_time_get_day_of_month (kab_series_get_first_date (loaded)), ==, 12);
  g_assert_cmpint (g_date_time_get_day_of_month (kab_series_get_until_date (loaded)), ==, 9);
}

/* Week and month maths */

static void
test_week_start (void)
{
  g_autoptr(GDateTime) thursday = g_date_time_new_local (2026, 11, 19, 15, 30, 0);
  g_autoptr(GDateTime) sunday = g_date_time_new_local (2026, 11, 22, 23, 59, 0);
  g_autoptr(GDateTime) monday_start = kab_calendar_week_start (thursday, 1);
  g_autoptr(GDateTime) sunday_start = kab_calendar_week_start (thursday, 0);
  g_autoptr(GDateTime) from_sunday = kab_calendar_week_start (sunday, 1);
  g_autoptr(GDateTime) month = kab_calendar_month_start (thursday);

  g_assert_cmpint (g_date_time_get_day_of_month (monday_start), ==, 16);
  g_assert_cmpint (g_date_time_get_hour (monday_start), ==, 0);
  g_assert_cmpint (g_date_time_get_day_of_month (sunday_start), ==, 15);
  g_assert_cmpint (g_date_time_get_day_of_month (from_sunday), ==, 16);
  g_assert_cmpint (g_date_time_get_day_of_month (month), ==, 1);
  g_assert_cmpint (g_date_time_get_month (month), ==, 11);
  g_assert_cmpint (kab_calendar_day_index (sunday, monday_start), ==, 6);
}

static void
test_titles (void)
{
  g_autoptr(GDateTime) within = g_date_time_new_local (2026, 11, 16, 0, 0, 0);
  g_autoptr(GDateTime) across_month = g_date_time_new_local (2026, 11, 30, 0, 0, 0);
  g_autoptr(GDateTime) across_year = g_date_time_new_local (2026, 12, 28, 0, 0, 0);
  g_autofree char *a = kab_calendar_format_week_title (within);
  g_autofree char *b = kab_calendar_format_week_title (across_month);
  g_autofree char *c = kab_calendar_format_week_title (across_year);
  g_autofree char *m = kab_calendar_format_month_title (within);
  g_autoptr(GDateTime) ten = g_date_time_new_local (2026, 11, 16, 10, 0, 0);
  g_autoptr(GDateTime) ten_fifty = g_date_time_new_local (2026, 11, 16, 10, 50, 0);
  g_autofree char *range = kab_calendar_format_time_range (ten, ten_fifty);
  g_autofree char *short_name = kab_calendar_short_name ("Anna", "Karlsson");
  g_autofree char *only_family = kab_calendar_short_name ("", "Karlsson");

  g_assert_cmpstr (a, ==, "16–22 November 2026");
  g_assert_cmpstr (b, ==, "30 November – 6 December 2026");
  g_assert_cmpstr (c, ==, "28 December 2026 – 3 January 2027");
  g_assert_cmpstr (m, ==, "November 2026");
  g_assert_cmpstr (range, ==, "10:00–10:50");
  g_assert_cmpstr (short_name, ==, "Anna K.");
  g_assert_cmpstr (only_family, ==, "Karlsson");
}

static void
test_locale_weeks (void)
{
  struct { const char *locale; int first_weekday; const char *month; } cases[] = {
    { "en_US.UTF-8", 0, "November 2026" },
    { "en_GB.UTF-8", 1, "November 2026" },
    { "sv_SE.UTF-8", 1, "November 2026" },
    { "ru_RU.UTF-8", 1, "Ноябрь 2026" },
  };
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 11, 16, 0, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *month = NULL;

      if (setlocale (LC_TIME, cases[i].locale) == NULL)
        {
          g_test_message ("Locale %s is not available, skipped", cases[i].locale);
          continue;
        }

      g_assert_cmpint (kab_calendar_get_first_weekday (), ==, cases[i].first_weekday);
      month = kab_calendar_format_month_title (day);
      g_assert_cmpstr (month, ==, cases[i].month);
    }

  setlocale (LC_TIME, saved);
}

/* A month of a 20-year practice is one indexed query. */
static void
test_month_query_scale (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kabinett-calendar-scale-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "practice.db", NULL);
  g_autoptr(KabStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  KabDemoSize size = KAB_DEMO_SIZE_LARGE;
  gint64 begin, elapsed;

  if (!g_test_slow ())
    {
      g_test_skip ("Generating 60,000 sessions takes a while: run with -m slow");
      kab_test_remove_tree (dir);
      return;
    }

  store = kab_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kab_demo_fill (store, &size, now, &error));
  g_assert_no_error (error);

  for (int step = 0; step < 24; step++)
    {
      g_autoptr(GDateTime) from = g_date_time_add_weeks (now, -step * 4);
      g_autoptr(GDateTime) to = g_date_time_add_days (from, 42);
      g_autoptr(GListModel) sessions = NULL;

      begin = g_get_monotonic_time ();
      sessions = kab_store_list_sessions (store, from, to, &error);
      elapsed = g_get_monotonic_time () - begin;
      g_assert_no_error (error);
      g_test_message ("six weeks: %u sessions in %" G_GINT64_FORMAT " µs",
                      g_list_model_get_n_items (sessions), elapsed);
      /* Time is measured only when asked for (-m perf): CI shares a loaded machine. */
      if (g_test_perf ())
        g_assert_cmpint (elapsed, <, 16000);
    }

  g_clear_object (&store);
  kab_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Local times in Stockholm, where the clocks change too. */
  g_setenv ("TZ", "Europe/Stockholm", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/calendar/ics/export", Fixture, NULL, fixture_set_up, test_ics_export, fixture_tear_down);
  g_test_add ("/calendar/ics/empty", Fixture, NULL, fixture_set_up, test_ics_export_empty, fixture_tear_down);
  g_test_add ("/calendar/overlaps/single", Fixture, NULL, fixture_set_up, test_overlaps_single, fixture_tear_down);
  g_test_add ("/calendar/overlaps/series", Fixture, NULL, fixture_set_up, test_overlaps_series, fixture_tear_down);
  g_test_add ("/calendar/status/charges", Fixture, NULL, fixture_set_up, test_status_charges, fixture_tear_down);
  g_test_add ("/calendar/series/dst", Fixture, NULL, fixture_set_up, test_series_dst, fixture_tear_down);
  g_test_add_func ("/calendar/util/week-start", test_week_start);
  g_test_add_func ("/calendar/util/titles", test_titles);
  g_test_add_func ("/calendar/util/locales", test_locale_weeks);
  g_test_add_func ("/calendar/scale/month-query", test_month_query_scale);

  return g_test_run ();
}
