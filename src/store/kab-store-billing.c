/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-billing.c: the rules that make charges: rates by date, monthly fees, packages */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "kab-enum-types.h"
#include "kab-store-private.h"

/* Days are local calendar days written "YYYY-MM-DD", so they compare as text. */
#define DAY_LEN 11

static GDateTime *test_now;

void
kab_store_set_test_now (GDateTime *now)
{
  g_clear_pointer (&test_now, g_date_time_unref);
  if (now != NULL)
    test_now = g_date_time_ref (now);
}

GDateTime *
kab_store_swap_test_now (GDateTime *now)
{
  GDateTime *before = g_steal_pointer (&test_now);

  if (now != NULL)
    test_now = g_date_time_ref (now);
  return before;
}

GDateTime *
kab_store_now (void)
{
  if (test_now != NULL)
    return g_date_time_ref (test_now);
  return g_date_time_new_now_local ();
}

void
kab_store_local_day (GDateTime *time,
                     char       out_day[DAY_LEN])
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  g_snprintf (out_day, DAY_LEN, "%04d-%02d-%02d", g_date_time_get_year (local),
              g_date_time_get_month (local), g_date_time_get_day_of_month (local));
}

static GDateTime *
day_to_time (const char *day)
{
  int year, month, dom;

  if (sscanf (day, "%d-%d-%d", &year, &month, &dom) != 3)
    return NULL;
  return g_date_time_new_local (year, month, dom, 0, 0, 0);
}

/* Rates */

typedef struct
{
  char            day[DAY_LEN];
  KabClientStatus status;
  KabBillingPlan  plan;
  gint64          fee;
} Rate;

static GArray *
load_rates (KabStore  *self,
            gint64     client_id,
            GError   **error)
{
  g_autoptr(GArray) rates = g_array_new (FALSE, TRUE, sizeof (Rate));
  sqlite3_stmt *stmt;
  int rc;

  stmt = kab_store_prepare (self,
    "SELECT from_date, status, billing_plan, fee FROM client_rate WHERE client_id = ?1"
    " ORDER BY from_date", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Rate rate = { { 0 }, 0, 0, 0 };

      g_strlcpy (rate.day, kab_store_column_text (stmt, 0), DAY_LEN);
      rate.status = kab_store_enum_from_nick (KAB_TYPE_CLIENT_STATUS,
                                              kab_store_column_text (stmt, 1),
                                              KAB_CLIENT_STATUS_ACTIVE);
      rate.plan = kab_store_enum_from_nick (KAB_TYPE_BILLING_PLAN,
                                            kab_store_column_text (stmt, 2),
                                            KAB_BILLING_PLAN_PER_SESSION);
      rate.fee = sqlite3_column_int64 (stmt, 3);
      g_array_append_val (rates, rate);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&rates);
}

/* The rate in force on @day, or NULL before the client's first one. */
static const Rate *
rate_on (GArray     *rates,
         const char *day)
{
  const Rate *found = NULL;

  for (guint i = 0; i < rates->len; i++)
    {
      const Rate *rate = &g_array_index (rates, Rate, i);

      if (strcmp (rate->day, day) > 0)
        break;
      found = rate;
    }

  return found;
}

/* The value of a practice's history table (@sql) in force on @day, the earliest one
 * before any, or @fallback (the current setting) when none was ever recorded. */
static int
practice_value_on (KabStore   *self,
                   const char *sql,
                   const char *day,
                   int         fallback)
{
  sqlite3_stmt *stmt = kab_store_prepare (self, sql, NULL);
  int value = fallback;

  if (stmt == NULL)
    return value;

  kab_store_bind_text (stmt, 1, day);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* The late-cancel percentage on @day. */
static int
percent_on (KabStore   *self,
            const char *day)
{
  return practice_value_on (self,
    "SELECT late_cancel_percent FROM practice_rate"
    " ORDER BY from_date <= ?1 DESC, (CASE WHEN from_date <= ?1 THEN from_date END) DESC,"
    " from_date LIMIT 1", day, kab_practice_get_late_cancel_percent (self->practice));
}

/* The notice in hours a cancellation of a session on @day needs to be in time. */
static int
hours_on (KabStore   *self,
          const char *day)
{
  return practice_value_on (self,
    "SELECT cancel_hours FROM practice_notice"
    " ORDER BY from_date <= ?1 DESC, (CASE WHEN from_date <= ?1 THEN from_date END) DESC,"
    " from_date LIMIT 1", day, kab_practice_get_cancel_hours (self->practice));
}

static gboolean
insert_practice_value (KabStore    *self,
                       const char  *sql,
                       const char  *day,
                       int          value,
                       GError     **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  kab_store_bind_text (stmt, 1, day);
  sqlite3_bind_int (stmt, 2, value);
  return kab_store_step_done (self, stmt, error);
}

static gboolean
insert_practice_rate (KabStore    *self,
                      const char  *day,
                      int          percent,
                      GError     **error)
{
  return insert_practice_value (self,
    "INSERT INTO practice_rate (from_date, late_cancel_percent) VALUES (?1, ?2)"
    " ON CONFLICT (from_date) DO UPDATE SET late_cancel_percent = ?2", day, percent, error);
}

static gboolean
insert_practice_notice (KabStore    *self,
                        const char  *day,
                        int          hours,
                        GError     **error)
{
  return insert_practice_value (self,
    "INSERT INTO practice_notice (from_date, cancel_hours) VALUES (?1, ?2)"
    " ON CONFLICT (from_date) DO UPDATE SET cancel_hours = ?2", day, hours, error);
}

/* Records @value from today in a practice's history table (the first one ever from the
 * beginning), unless it is the value in force today already. */
static gboolean
note_practice_value (KabStore    *self,
                     const char  *table,
                     int          value,
                     int          today_value,
                     const char  *today,
                     GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s LIMIT 1", table);
  sqlite3_stmt *stmt = kab_store_prepare (self, sql, error);
  gboolean any;

  if (stmt == NULL)
    return FALSE;
  any = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (any && today_value == value)
    return TRUE;
  if (g_str_equal (table, "practice_rate"))
    return insert_practice_rate (self, any ? today : "0001-01-01", value, error);
  return insert_practice_notice (self, any ? today : "0001-01-01", value, error);
}

/* Called by kab_store_save_practice() before the new settings are written: a changed
 * percentage or notice applies from today; the first one ever recorded from the
 * beginning. */
gboolean
kab_store_note_practice_rate (KabStore     *self,
                              KabPractice  *practice,
                              GError      **error)
{
  g_autoptr(GDateTime) now = kab_store_now ();
  char today[DAY_LEN];
  int percent = kab_practice_get_late_cancel_percent (practice);
  int hours = kab_practice_get_cancel_hours (practice);

  kab_store_local_day (now, today);
  return note_practice_value (self, "practice_rate", percent, percent_on (self, today), today,
                              error) &&
         note_practice_value (self, "practice_notice", hours, hours_on (self, today), today,
                              error);
}

gboolean
kab_store_set_late_cancel_percent (KabStore   *self,
                                   GDateTime  *from,
                                   int         percent,
                                   GError    **error)
{
  char day[DAY_LEN];

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (from != NULL, FALSE);

  if (percent < 0 || percent > 100)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                   _("The late-cancellation share must be between 0 and 100 %%."));
      return FALSE;
    }

  kab_store_local_day (from, day);
  return insert_practice_rate (self, day, percent, error);
}

gboolean
kab_store_set_cancel_hours (KabStore   *self,
                            GDateTime  *from,
                            int         hours,
                            GError    **error)
{
  char day[DAY_LEN];

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (from != NULL, FALSE);

  if (hours < 0 || hours > 24 * 14)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                   _("The cancellation notice must be between 0 and 336 hours."));
      return FALSE;
    }

  kab_store_local_day (from, day);
  return insert_practice_notice (self, day, hours, error);
}

/* The cancellation rule */

int
kab_store_get_cancel_hours_on (KabStore  *self,
                               GDateTime *start)
{
  char day[DAY_LEN];

  g_return_val_if_fail (KAB_IS_STORE (self), 0);
  g_return_val_if_fail (start != NULL, 0);

  kab_store_local_day (start, day);
  return hours_on (self, day);
}

/* In time with at least the notice in force on the session's day before its start;
 * late with less, or after the start. */
KabSessionStatus
kab_store_cancellation_status (KabStore  *self,
                               GDateTime *start,
                               GDateTime *cancelled_at)
{
  int hours;

  g_return_val_if_fail (KAB_IS_STORE (self), KAB_SESSION_STATUS_CANCELLED_LATE);
  g_return_val_if_fail (start != NULL && cancelled_at != NULL, KAB_SESSION_STATUS_CANCELLED_LATE);

  hours = kab_store_get_cancel_hours_on (self, start);
  return g_date_time_difference (start, cancelled_at) >= hours * G_TIME_SPAN_HOUR
         ? KAB_SESSION_STATUS_CANCELLED_IN_TIME : KAB_SESSION_STATUS_CANCELLED_LATE;
}

gboolean
kab_store_cancel_session (KabStore    *self,
                          KabSession  *session,
                          GDateTime   *cancelled_at,
                          GError     **error)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_SESSION (session), FALSE);

  if (kab_session_get_start (session) == NULL)
    return kab_store_save_session (self, session, error);

  if (cancelled_at == NULL)
    cancelled_at = now = kab_store_now ();

  kab_session_set_cancelled_at (session, cancelled_at);
  kab_session_set_status (session, kab_store_cancellation_status (self,
                                                                  kab_session_get_start (session),
                                                                  cancelled_at));
  return kab_store_save_session (self, session, error);
}

/* Session charges */

typedef struct
{
  gint64           id;
  gint64           start;
  char             day[DAY_LEN];
  KabSessionStatus status;
  gint64           fee;
  gint64           package_id;   /* as stored */
  gint64           assigned;     /* as the rule decides now */
} SessionRow;

typedef struct
{
  gint64 id;
  int    sessions;
  int    used;
  char   bought_on[DAY_LEN];
  char   expires[DAY_LEN];       /* "" when it does not expire */
} Package;

/* Whether the rules on the session's day bill it through a package. */
static gboolean
uses_package (GArray           *rates,
              const char       *day,
              KabSessionStatus  status)
{
  const Rate *rate = rate_on (rates, day);

  return rate != NULL && rate->plan == KAB_BILLING_PLAN_PACKAGE &&
         kab_session_status_is_charged (status);
}

/* The rule: attended sessions are charged their fee, late cancellations and no-shows
 * the practice's share of it on the session's day, cancellations in time or by the
 * practitioner nothing. On the monthly plan the month's fee covers every session; on the
 * package plan a session the package covers is not charged, one it does not is charged
 * its fee (or the practice's usual fee when it has none). Before the client's first
 * rate, the session's own fee applies as on the per-session plan. */
static gint64
decide_amount (KabStore          *self,
               GArray            *rates,
               const char        *day,
               KabSessionStatus   status,
               gint64             fee,
               gboolean           covered,
               int               *out_percent)
{
  const Rate *rate = rate_on (rates, day);
  int percent = 100;

  *out_percent = 0;
  if (!kab_session_status_is_charged (status))
    return 0;

  if (rate != NULL && rate->plan == KAB_BILLING_PLAN_MONTHLY)
    return 0;

  if (rate != NULL && rate->plan == KAB_BILLING_PLAN_PACKAGE)
    {
      if (covered)
        return 0;
      if (fee == 0)
        fee = kab_practice_get_default_fee (self->practice);
    }

  if (status != KAB_SESSION_STATUS_ATTENDED)
    percent = percent_on (self, day);

  *out_percent = percent;
  /* Rounded half up to the minor unit; fee ≤ 10^13 so this cannot overflow. */
  return (fee * percent + 50) / 100;
}

static gboolean
write_session_charge (KabStore          *self,
                      gint64             client_id,
                      const SessionRow  *row,
                      GArray            *rates,
                      GError           **error)
{
  int percent = 0;
  gint64 amount = decide_amount (self, rates, row->day, row->status, row->fee,
                                 row->assigned != 0, &percent);
  KabChargeKind kind = row->status == KAB_SESSION_STATUS_ATTENDED
                       ? KAB_CHARGE_KIND_SESSION : KAB_CHARGE_KIND_LATE_CANCELLATION;
  sqlite3_stmt *stmt;

  if (amount <= 0)
    {
      stmt = kab_store_prepare (self, "DELETE FROM charge WHERE session_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row->id);
      return kab_store_step_done (self, stmt, error);
    }

  stmt = kab_store_prepare (self,
    "INSERT INTO charge (client_id, session_id, date, amount, currency, kind, percent)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT (session_id) DO UPDATE SET client_id = ?1, date = ?3, amount = ?4,"
    " currency = ?5, kind = ?6, percent = ?7", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 2, row->id);
  sqlite3_bind_int64 (stmt, 3, row->start);
  sqlite3_bind_int64 (stmt, 4, amount);
  kab_store_bind_text (stmt, 5, kab_practice_get_currency (self->practice));
  kab_store_bind_text (stmt, 6, kab_store_enum_to_nick (KAB_TYPE_CHARGE_KIND, kind));
  sqlite3_bind_int (stmt, 7, percent);
  return kab_store_step_done (self, stmt, error);
}

static GArray *
load_packages (KabStore  *self,
               gint64     client_id,
               GError   **error)
{
  g_autoptr(GArray) packages = g_array_new (FALSE, TRUE, sizeof (Package));
  sqlite3_stmt *stmt;
  int rc;

  stmt = kab_store_prepare (self,
    "SELECT id, sessions, bought_on, coalesce (expires, '') FROM package WHERE client_id = ?1"
    " ORDER BY bought_on, id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Package package = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1), 0,
                          { 0 }, { 0 } };

      g_strlcpy (package.bought_on, kab_store_column_text (stmt, 2), DAY_LEN);
      g_strlcpy (package.expires, kab_store_column_text (stmt, 3), DAY_LEN);
      g_array_append_val (packages, package);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&packages);
}

static GArray *
load_session_rows (KabStore  *self,
                   gint64     client_id,
                   GArray    *only,
                   GError   **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (SessionRow));
  sqlite3_stmt *stmt;
  int rc;

  /* Without packages no cover can change: only @only's row is needed (a client's
   * sessions can be many, and this runs on every save). */
  if (only != NULL)
    stmt = kab_store_prepare (self,
      "SELECT id, start, status, fee, coalesce (package_id, 0) FROM session"
      " WHERE client_id = ?1 AND id IN (SELECT value FROM json_each (?2)) ORDER BY start, id",
      error);
  else
    stmt = kab_store_prepare (self,
      "SELECT id, start, status, fee, coalesce (package_id, 0) FROM session"
      " WHERE client_id = ?1 ORDER BY start, id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, client_id);
  if (only != NULL)
    {
      g_autoptr(GString) json = g_string_new ("[");

      for (guint i = 0; i < only->len; i++)
        g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                                g_array_index (only, gint64, i));
      g_string_append_c (json, ']');
      kab_store_bind_text (stmt, 2, json->str);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SessionRow row = { 0, };
      g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 1));

      row.id = sqlite3_column_int64 (stmt, 0);
      row.start = sqlite3_column_int64 (stmt, 1);
      kab_store_local_day (start, row.day);
      row.status = kab_store_enum_from_nick (KAB_TYPE_SESSION_STATUS,
                                             kab_store_column_text (stmt, 2),
                                             KAB_SESSION_STATUS_PLANNED);
      row.fee = sqlite3_column_int64 (stmt, 3);
      row.package_id = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* Packages are used up in date order: each session billed through a package takes a
 * place in the oldest package bought on or before its day, not expired on it, with a
 * place left. */
static void
assign_packages (GArray *rows,
                 GArray *packages,
                 GArray *rates)
{
  for (guint i = 0; i < rows->len; i++)
    {
      SessionRow *row = &g_array_index (rows, SessionRow, i);

      row->assigned = 0;
      if (!uses_package (rates, row->day, row->status))
        continue;

      for (guint j = 0; j < packages->len; j++)
        {
          Package *package = &g_array_index (packages, Package, j);

          if (package->used >= package->sessions ||
              strcmp (package->bought_on, row->day) > 0 ||
              (package->expires[0] != '\0' && strcmp (row->day, package->expires) > 0))
            continue;

          package->used++;
          row->assigned = package->id;
          break;
        }
    }
}

/**
 * kab_store_bill_client_sessions:
 * @changed_session: a session whose status, fee, client or date was just written (its
 *   charge is decided again), or 0
 *
 * Decides again which sessions the client's packages cover; a session whose cover
 * changes, and @changed_session, get their charge by the rules on their day. No other
 * charge is touched. Call inside a transaction.
 */
static gboolean
is_forced (GArray *forced,
           gint64  id)
{
  for (guint i = 0; forced != NULL && i < forced->len; i++)
    {
      if (g_array_index (forced, gint64, i) == id)
        return TRUE;
    }
  return FALSE;
}

static gboolean bill_sessions (KabStore  *self,
                               gint64     client_id,
                               GArray    *forced,
                               GError   **error);

gboolean
kab_store_bill_client_sessions (KabStore  *self,
                                gint64     client_id,
                                gint64     changed_session,
                                GError   **error)
{
  g_autoptr(GArray) forced = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (changed_session != 0)
    g_array_append_val (forced, changed_session);
  return bill_sessions (self, client_id, forced, error);
}

static gboolean
bill_sessions (KabStore  *self,
               gint64     client_id,
               GArray    *forced,
               GError   **error)
{
  g_autoptr(GArray) rates = load_rates (self, client_id, error);
  g_autoptr(GArray) packages = NULL;
  g_autoptr(GArray) rows = NULL;

  if (rates == NULL ||
      (packages = load_packages (self, client_id, error)) == NULL ||
      (rows = load_session_rows (self, client_id, packages->len == 0 ? forced : NULL,
                                 error)) == NULL)
    return FALSE;

  assign_packages (rows, packages, rates);

  for (guint i = 0; i < rows->len; i++)
    {
      SessionRow *row = &g_array_index (rows, SessionRow, i);

      if (row->assigned != row->package_id)
        {
          sqlite3_stmt *stmt = kab_store_prepare (self,
            "UPDATE session SET package_id = ?2 WHERE id = ?1", error);

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, row->id);
          kab_store_bind_id (stmt, 2, row->assigned);
          if (!kab_store_step_done (self, stmt, error))
            return FALSE;
        }

      if ((row->assigned != row->package_id || is_forced (forced, row->id)) &&
          !write_session_charge (self, client_id, row, rates, error))
        return FALSE;
    }

  return TRUE;
}

/* Monthly fees */

static gboolean
load_charged_periods (KabStore    *self,
                      gint64       client_id,
                      GHashTable  *periods,
                      GError     **error)
{
  /* Charged already, or removed by hand (waived): both count as done. */
  sqlite3_stmt *stmt = kab_store_prepare (self,
    "SELECT period FROM charge WHERE client_id = ?1 AND kind = 'monthly-fee'"
    " UNION ALL SELECT period FROM monthly_waiver WHERE client_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (periods, g_strdup (kab_store_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_monthly_fee (KabStore    *self,
                    gint64       client_id,
                    const char  *day,
                    gint64       fee,
                    GError     **error)
{
  g_autoptr(GDateTime) date = day_to_time (day);
  char period[8];
  sqlite3_stmt *stmt;

  g_strlcpy (period, day, sizeof period);
  stmt = kab_store_prepare (self,
    "INSERT INTO charge (client_id, session_id, date, amount, currency, kind, period, note)"
    " VALUES (?1, NULL, ?2, ?3, ?4, 'monthly-fee', ?5, '') ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  kab_store_bind_time (stmt, 2, date);
  sqlite3_bind_int64 (stmt, 3, fee);
  kab_store_bind_text (stmt, 4, kab_practice_get_currency (self->practice));
  kab_store_bind_text (stmt, 5, period);
  return kab_store_step_done (self, stmt, error);
}

/* The first day of the month after @day's. */
static void
next_month (const char *day,
            char        out_day[DAY_LEN])
{
  int year, month, dom;

  sscanf (day, "%d-%d-%d", &year, &month, &dom);
  if (++month > 12)
    {
      month = 1;
      year++;
    }
  g_snprintf (out_day, DAY_LEN, "%04d-%02d-01", year, month);
}

/**
 * charge_client_months:
 * @today: the day up to which months are charged
 * @only_period: (nullable): charge only this month ("YYYY-MM")
 * @out_created: (out): incremented by the number of fees charged
 *
 * The monthly rule: a month is charged once, for every month in which the client was
 * active on the monthly plan with a fee on at least one day up to @today, at the fee of
 * the first such day and dated that day. Call inside a transaction.
 */
static gboolean
charge_client_months (KabStore    *self,
                      gint64       client_id,
                      const char  *today,
                      const char  *only_period,
                      guint       *out_created,
                      GError     **error)
{
  g_autoptr(GArray) rates = load_rates (self, client_id, error);
  g_autoptr(GHashTable) periods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (rates == NULL || !load_charged_periods (self, client_id, periods, error))
    return FALSE;

  for (guint i = 0; i < rates->len; i++)
    {
      const Rate *rate = &g_array_index (rates, Rate, i);
      const char *end = i + 1 < rates->len ? g_array_index (rates, Rate, i + 1).day : NULL;
      char day[DAY_LEN];

      if (rate->status != KAB_CLIENT_STATUS_ACTIVE || rate->plan != KAB_BILLING_PLAN_MONTHLY ||
          rate->fee <= 0)
        continue;

      /* Each month this rate is in force on some day up to today. */
      for (g_strlcpy (day, rate->day, DAY_LEN);
           strcmp (day, today) <= 0 && (end == NULL || strcmp (day, end) < 0);
           next_month (day, day))
        {
          char period[8];

          g_strlcpy (period, day, sizeof period);
          if (g_hash_table_contains (periods, period) ||
              (only_period != NULL && strcmp (period, only_period) != 0))
            continue;

          if (!insert_monthly_fee (self, client_id, day, rate->fee, error))
            return FALSE;
          g_hash_table_add (periods, g_strdup (period));
          (*out_created)++;
        }
    }

  return TRUE;
}

static GArray *
list_rated_clients (KabStore    *self,
                    const char  *sql,
                    GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (sql == NULL)
    return g_steal_pointer (&ids);

  stmt = kab_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* The client row and the listed object follow the rate in force today. */
static gboolean
sync_client (KabStore    *self,
             gint64       client_id,
             const char  *today,
             GError     **error)
{
  g_autoptr(GArray) rates = load_rates (self, client_id, error);
  KabClient *client = g_hash_table_lookup (self->clients_by_id, &client_id);
  const Rate *rate;
  sqlite3_stmt *stmt;

  if (rates == NULL)
    return FALSE;

  rate = rate_on (rates, today);
  if (rate == NULL || client == NULL ||
      (kab_client_get_status (client) == rate->status &&
       kab_client_get_billing_plan (client) == rate->plan &&
       kab_client_get_fee (client) == rate->fee))
    return TRUE;

  stmt = kab_store_prepare (self,
    "UPDATE client SET status = ?2, billing_plan = ?3, fee = ?4 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  kab_store_bind_text (stmt, 2, kab_store_enum_to_nick (KAB_TYPE_CLIENT_STATUS, rate->status));
  kab_store_bind_text (stmt, 3, kab_store_enum_to_nick (KAB_TYPE_BILLING_PLAN, rate->plan));
  sqlite3_bind_int64 (stmt, 4, rate->fee);
  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  g_object_set (client,
                "status", rate->status,
                "billing-plan", rate->plan,
                "fee", rate->fee,
                NULL);
  return TRUE;
}

static void
announce (KabStore *self,
          GArray   *clients)
{
  for (guint i = 0; i < clients->len; i++)
    kab_store_refresh_client_balance (self, g_array_index (clients, gint64, i));

  if (clients->len == 1)
    g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_LEDGER_CHANGED], 0,
                   g_array_index (clients, gint64, 0));
  else if (clients->len > 1)
    g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_LEDGER_CHANGED], 0, (gint64)0);
}

/**
 * kab_store_charge_months:
 * @only_period: (nullable): only this month, "YYYY-MM"
 *
 * Runs the monthly rule for every client on the monthly plan at some time, in one
 * transaction, and announces the balances that changed.
 */
gboolean
kab_store_charge_months (KabStore    *self,
                         GDateTime   *now,
                         const char  *only_period,
                         guint       *out_created,
                         GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) charged = g_array_new (FALSE, FALSE, sizeof (gint64));
  char today[DAY_LEN];
  guint created = 0;

  kab_store_local_day (now, today);
  ids = list_rated_clients (self,
    "SELECT DISTINCT client_id FROM client_rate WHERE billing_plan = 'monthly'"
    " ORDER BY client_id", error);
  if (ids == NULL || !kab_store_tx_begin (self, error))
    return FALSE;

  /* Asking for one month by hand charges it again where its fee was removed. */
  if (only_period != NULL)
    {
      sqlite3_stmt *stmt = kab_store_prepare (self,
        "DELETE FROM monthly_waiver WHERE period = ?1", error);

      if (stmt == NULL)
        {
          kab_store_tx_rollback (self);
          return FALSE;
        }
      kab_store_bind_text (stmt, 1, only_period);
      if (!kab_store_step_done (self, stmt, error))
        {
          kab_store_tx_rollback (self);
          return FALSE;
        }
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      guint before = created;

      if (!charge_client_months (self, id, today, only_period, &created, error))
        {
          kab_store_tx_rollback (self);
          return FALSE;
        }
      if (created > before)
        g_array_append_val (charged, id);
    }

  if (!kab_store_tx_commit (self, error))
    return FALSE;

  announce (self, charged);
  if (out_created != NULL)
    *out_created = created;
  return TRUE;
}

/* Clients whose sessions a migration asks to bill again (packages sold before billing
 * by rule): once, in one transaction. */
static gboolean
bill_pending_clients (KabStore  *self,
                      GError   **error)
{
  g_autoptr(GArray) ids = list_rated_clients (self,
    "SELECT client_id FROM billing_pending ORDER BY client_id", error);
  sqlite3_stmt *stmt;

  if (ids == NULL)
    return FALSE;
  if (ids->len == 0)
    return TRUE;

  if (!kab_store_tx_begin (self, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      if (!bill_sessions (self, g_array_index (ids, gint64, i), NULL, error))
        goto fail;
    }
  stmt = kab_store_prepare (self, "DELETE FROM billing_pending", error);
  if (stmt == NULL || !kab_store_step_done (self, stmt, error))
    goto fail;
  if (!kab_store_tx_commit (self, error))
    return FALSE;

  announce (self, ids);
  return TRUE;

fail:
  kab_store_tx_rollback (self);
  return FALSE;
}

gboolean
kab_store_apply_rules (KabStore   *self,
                       GDateTime  *now,
                       GError    **error)
{
  g_autoptr(GArray) ids = NULL;
  char today[DAY_LEN];

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  kab_store_local_day (now, today);

  if (!bill_pending_clients (self, error))
    return FALSE;

  /* Plans that start on a later day take over from it. */
  ids = list_rated_clients (self, "SELECT DISTINCT client_id FROM client_rate", error);
  if (ids == NULL || !kab_store_tx_begin (self, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      if (!sync_client (self, g_array_index (ids, gint64, i), today, error))
        {
          kab_store_tx_rollback (self);
          return FALSE;
        }
    }
  if (!kab_store_tx_commit (self, error))
    return FALSE;

  return kab_store_charge_months (self, now, NULL, NULL, error);
}

/* Rates of one client */

static gboolean
insert_client_rate (KabStore         *self,
                    gint64            client_id,
                    const char       *day,
                    KabClientStatus   status,
                    KabBillingPlan    plan,
                    gint64            fee,
                    GError          **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self,
    "INSERT INTO client_rate (client_id, from_date, status, billing_plan, fee)"
    " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (client_id, from_date) DO UPDATE SET"
    " status = ?3, billing_plan = ?4, fee = ?5", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  kab_store_bind_text (stmt, 2, day);
  kab_store_bind_text (stmt, 3, kab_store_enum_to_nick (KAB_TYPE_CLIENT_STATUS, status));
  kab_store_bind_text (stmt, 4, kab_store_enum_to_nick (KAB_TYPE_BILLING_PLAN, plan));
  sqlite3_bind_int64 (stmt, 5, fee);
  return kab_store_step_done (self, stmt, error);
}

/* After a client's rates changed: the months now due are charged, the packages cover
 * what they now cover, and the client row shows today's rate. */
static gboolean
rates_changed (KabStore    *self,
               gint64       client_id,
               const char  *today,
               GError     **error)
{
  guint created = 0;

  return charge_client_months (self, client_id, today, NULL, &created, error) &&
         kab_store_bill_client_sessions (self, client_id, 0, error) &&
         sync_client (self, client_id, today, error);
}

static void
client_billed (KabStore *self,
               gint64    client_id)
{
  kab_store_refresh_client_balance (self, client_id);
  g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_LEDGER_CHANGED], 0, client_id);
}

gboolean
kab_store_set_client_rate (KabStore         *self,
                           gint64            client_id,
                           GDateTime        *from,
                           KabClientStatus   status,
                           KabBillingPlan    plan,
                           gint64            fee,
                           GError          **error)
{
  g_autoptr(GDateTime) now = kab_store_now ();
  char day[DAY_LEN];
  char today[DAY_LEN];

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (from != NULL, FALSE);

  if (!kab_store_client_exists (self, client_id, error))
    return FALSE;

  if (fee < 0)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                   _("A fee cannot be negative."));
      return FALSE;
    }

  kab_store_local_day (from, day);
  kab_store_local_day (now, today);

  if (!kab_store_tx_begin (self, error))
    return FALSE;

  if (!insert_client_rate (self, client_id, day, status, plan, fee, error) ||
      !rates_changed (self, client_id, today, error))
    {
      kab_store_tx_rollback (self);
      return FALSE;
    }

  if (!kab_store_tx_commit (self, error))
    return FALSE;

  client_billed (self, client_id);
  return TRUE;
}

/**
 * kab_store_note_client_rate:
 *
 * Called after a client is saved: when the plan, status or fee differ from the rate in
 * force today, they apply from today on, and the rules run for the client.
 */
gboolean
kab_store_note_client_rate (KabStore   *self,
                            KabClient  *client,
                            GError    **error)
{
  g_autoptr(GDateTime) now = kab_store_now ();
  gint64 client_id = kab_client_get_id (client);
  g_autoptr(GArray) rates = NULL;
  const Rate *rate;
  char today[DAY_LEN];

  /* A store opened at an older schema, for a migration test, has no rates yet. */
  if (kab_store_prepare (self, "SELECT 1 FROM client_rate LIMIT 0", NULL) == NULL)
    return TRUE;

  kab_store_local_day (now, today);
  rates = load_rates (self, client_id, error);
  if (rates == NULL)
    return FALSE;

  rate = rate_on (rates, today);
  if (rate != NULL &&
      rate->status == kab_client_get_status (client) &&
      rate->plan == kab_client_get_billing_plan (client) &&
      rate->fee == kab_client_get_fee (client))
    return TRUE;

  return kab_store_set_client_rate (self, client_id, now, kab_client_get_status (client),
                                    kab_client_get_billing_plan (client),
                                    kab_client_get_fee (client), error);
}

/* Packages */

gboolean
kab_store_sell_package (KabStore   *self,
                        gint64      client_id,
                        int         sessions,
                        gint64      price,
                        GDateTime  *bought_on,
                        GDateTime  *expires,
                        gint64     *out_charge_id,
                        GError    **error)
{
  g_autofree char *note = NULL;
  char day[DAY_LEN];
  char until[DAY_LEN];
  gint64 charge_id = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (bought_on != NULL, FALSE);

  if (!kab_store_client_exists (self, client_id, error))
    return FALSE;

  if (sessions < 1 || sessions > 500 || price < 0)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                   _("A package must have between 1 and 500 sessions and a price of 0 or more."));
      return FALSE;
    }

  kab_store_local_day (bought_on, day);
  if (expires != NULL)
    kab_store_local_day (expires, until);

  if (!kab_store_tx_begin (self, error))
    return FALSE;

  /* Translators: the note of a prepaid package's charge */
  note = g_strdup_printf (ngettext ("%d session", "%d sessions", sessions), sessions);
  if (price > 0)
    {
      stmt = kab_store_prepare (self,
        "INSERT INTO charge (client_id, date, amount, currency, kind, note)"
        " VALUES (?1, ?2, ?3, ?4, 'package', ?5)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, client_id);
      kab_store_bind_time (stmt, 2, bought_on);
      sqlite3_bind_int64 (stmt, 3, price);
      kab_store_bind_text (stmt, 4, kab_practice_get_currency (self->practice));
      kab_store_bind_text (stmt, 5, note);
      if (!kab_store_step_done (self, stmt, error))
        goto fail;
      charge_id = sqlite3_last_insert_rowid (self->db);
    }

  stmt = kab_store_prepare (self,
    "INSERT INTO package (client_id, charge_id, sessions, price, bought_on, expires)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, client_id);
  kab_store_bind_id (stmt, 2, charge_id);
  sqlite3_bind_int (stmt, 3, sessions);
  sqlite3_bind_int64 (stmt, 4, price);
  kab_store_bind_text (stmt, 5, day);
  kab_store_bind_text (stmt, 6, expires != NULL ? until : NULL);
  if (!kab_store_step_done (self, stmt, error) ||
      !kab_store_bill_client_sessions (self, client_id, 0, error))
    goto fail;

  if (!kab_store_tx_commit (self, error))
    return FALSE;

  if (out_charge_id != NULL)
    *out_charge_id = charge_id;
  client_billed (self, client_id);
  return TRUE;

fail:
  kab_store_tx_rollback (self);
  return FALSE;
}

/**
 * kab_store_forget_package_of_charge:
 *
 * Before a package's charge is deleted (undoing a sale): the package goes with it and
 * its sessions are billed again. Call inside a transaction.
 */
gboolean
kab_store_forget_package_of_charge (KabStore  *self,
                                    gint64     client_id,
                                    gint64     charge_id,
                                    GError   **error)
{
  g_autoptr(GArray) covered = list_rated_clients (self, NULL, error);
  sqlite3_stmt *stmt;
  int rc;

  if (covered == NULL)
    return FALSE;

  /* A monthly fee removed by hand is waived: the monthly rule leaves its month alone. */
  stmt = kab_store_prepare (self,
    "INSERT OR IGNORE INTO monthly_waiver (client_id, period)"
    " SELECT client_id, period FROM charge WHERE id = ?1 AND kind = 'monthly-fee'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, charge_id);
  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  /* The sessions it covered lose their cover: they are billed by the rules again. */
  stmt = kab_store_prepare (self,
    "SELECT id FROM session WHERE package_id IN (SELECT id FROM package WHERE charge_id = ?1)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, charge_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (covered, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }

  stmt = kab_store_prepare (self,
    "UPDATE session SET package_id = NULL WHERE package_id IN"
    " (SELECT id FROM package WHERE charge_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, charge_id);
  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  stmt = kab_store_prepare (self, "DELETE FROM package WHERE charge_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, charge_id);
  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  return bill_sessions (self, client_id, covered, error);
}

gboolean
kab_store_get_package_state (KabStore  *self,
                             gint64     client_id,
                             int       *out_left,
                             int       *out_size)
{
  g_autoptr(GDateTime) now = kab_store_now ();
  g_autoptr(GArray) packages = NULL;
  char today[DAY_LEN];
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  *out_left = 0;
  *out_size = 0;
  kab_store_local_day (now, today);
  packages = load_packages (self, client_id, NULL);
  if (packages == NULL || packages->len == 0)
    return FALSE;

  stmt = kab_store_prepare (self, "SELECT count (*) FROM session WHERE package_id = ?1", NULL);
  for (guint i = 0; stmt != NULL && i < packages->len; i++)
    {
      Package *package = &g_array_index (packages, Package, i);

      sqlite3_bind_int64 (stmt, 1, package->id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        package->used = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }

  /* The oldest package still usable today, else the last one. */
  for (guint i = 0; i < packages->len; i++)
    {
      Package *package = &g_array_index (packages, Package, i);

      if (package->used < package->sessions &&
          (package->expires[0] == '\0' || strcmp (today, package->expires) <= 0))
        {
          *out_left = package->sessions - package->used;
          *out_size = package->sessions;
          return TRUE;
        }
    }

  *out_left = 0;
  *out_size = g_array_index (packages, Package, packages->len - 1).sessions;
  return TRUE;
}

gint64
kab_store_preview_session_charge (KabStore          *self,
                                  KabSession        *session,
                                  KabSessionStatus   status)
{
  g_autoptr(GArray) rates = NULL;
  char day[DAY_LEN];
  gboolean covered = FALSE;
  int percent = 0;
  int left = 0, size = 0;

  g_return_val_if_fail (KAB_IS_STORE (self), 0);

  if (kab_session_get_start (session) == NULL ||
      (rates = load_rates (self, kab_session_get_client_id (session), NULL)) == NULL)
    return 0;

  kab_store_local_day (kab_session_get_start (session), day);
  if (uses_package (rates, day, status))
    {
      g_autoptr(KabSession) stored = kab_session_get_id (session) != 0
        ? kab_store_load_session (self, kab_session_get_id (session), NULL) : NULL;

      covered = (stored != NULL && kab_session_status_is_charged (kab_session_get_status (stored)) &&
                 kab_store_session_has_package (self, kab_session_get_id (session))) ||
                (kab_store_get_package_state (self, kab_session_get_client_id (session), &left, &size) &&
                 left > 0);
    }

  return decide_amount (self, rates, day, status, kab_session_get_fee (session), covered, &percent);
}

gboolean
kab_store_session_has_package (KabStore *self,
                               gint64    session_id)
{
  sqlite3_stmt *stmt = kab_store_prepare (self,
    "SELECT package_id IS NOT NULL FROM session WHERE id = ?1", NULL);
  gboolean has = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    has = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return has;
}
