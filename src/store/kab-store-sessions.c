/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-sessions.c: sessions, recurring series and the charge a session's status decides */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kab-enum-types.h"
#include "kab-store-private.h"

/* How far ahead an open-ended series is written out as planned sessions. */
#define SERIES_HORIZON_DAYS (26 * 7)

#define SESSION_COLUMNS \
  "id, client_id, series_id, start, tzid, duration, kind, status, fee, note, detached"

static KabSession *
session_from_row (KabStore     *self,
                  sqlite3_stmt *stmt)
{
  KabSession *session = kab_session_new ();
  g_autoptr(GDateTime) start = kab_store_column_time (stmt, 3);
  gint64 client_id = sqlite3_column_int64 (stmt, 1);
  KabClient *client = g_hash_table_lookup (self->clients_by_id, &client_id);

  g_object_set (session,
                "id", (gint64)sqlite3_column_int64 (stmt, 0),
                "client-id", client_id,
                "series-id", (gint64)sqlite3_column_int64 (stmt, 2),
                "start", start,
                "tzid", kab_store_column_text (stmt, 4),
                "duration", sqlite3_column_int (stmt, 5),
                "kind", kab_store_enum_from_nick (KAB_TYPE_SESSION_KIND,
                                                  kab_store_column_text (stmt, 6),
                                                  KAB_SESSION_KIND_PSYCHOTHERAPY),
                "status", kab_store_enum_from_nick (KAB_TYPE_SESSION_STATUS,
                                                    kab_store_column_text (stmt, 7),
                                                    KAB_SESSION_STATUS_PLANNED),
                "fee", (gint64)sqlite3_column_int64 (stmt, 8),
                "note", kab_store_column_text (stmt, 9),
                "detached", sqlite3_column_int (stmt, 10) != 0,
                "client-name", client != NULL ? kab_client_get_display_name (client) : "",
                NULL);

  return session;
}

static GListModel *
collect_sessions (KabStore      *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(GListStore) sessions = g_list_store_new (KAB_TYPE_SESSION);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, session_from_row (self, stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return NULL;
    }

  g_list_store_splice (sessions, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (g_steal_pointer (&sessions));
}

/**
 * kab_store_list_sessions:
 * @from: start of the range (inclusive)
 * @to: end of the range (exclusive)
 *
 * Returns: (transfer full): the sessions starting in [@from, @to), by start time
 */
GListModel *
kab_store_list_sessions (KabStore   *self,
                         GDateTime  *from,
                         GDateTime  *to,
                         GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  stmt = kab_store_prepare (self,
    "SELECT " SESSION_COLUMNS " FROM session WHERE start >= ?1 AND start < ?2"
    " ORDER BY start, id", error);
  if (stmt == NULL)
    return NULL;

  kab_store_bind_time (stmt, 1, from);
  kab_store_bind_time (stmt, 2, to);
  return collect_sessions (self, stmt, error);
}

GListModel *
kab_store_list_client_sessions (KabStore  *self,
                                gint64     client_id,
                                GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self,
    "SELECT " SESSION_COLUMNS " FROM session WHERE client_id = ?1 ORDER BY start, id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, client_id);
  return collect_sessions (self, stmt, error);
}

KabSession *
kab_store_load_session (KabStore  *self,
                        gint64     id,
                        GError   **error)
{
  sqlite3_stmt *stmt;
  KabSession *session = NULL;
  int rc;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self, "SELECT " SESSION_COLUMNS " FROM session WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    session = session_from_row (self, stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
                 _("The session does not exist (any more)."));
  else if (rc != SQLITE_ROW)
    kab_store_set_error (self, error, rc);

  return session;
}

/* The practice's rule: attended sessions are charged in full; a late cancellation or a
 * no-show is charged the practice's share of the fee; a cancellation in time or by the
 * practitioner is never charged. */
static gint64
session_charge_amount (KabStore   *self,
                       KabSession *session)
{
  KabSessionStatus status = kab_session_get_status (session);
  gint64 fee = kab_session_get_fee (session);
  int percent = kab_practice_get_late_cancel_percent (self->practice);

  if (status == KAB_SESSION_STATUS_ATTENDED)
    return fee;

  if (!kab_session_status_is_charged (status))
    return 0;

  /* Rounded half up to the minor unit; fee ≤ 10^13 so this cannot overflow. */
  return (fee * percent + 50) / 100;
}

gboolean
kab_store_apply_session_charge (KabStore    *self,
                                KabSession  *session,
                                GError     **error)
{
  gint64 amount = session_charge_amount (self, session);
  KabChargeKind kind = kab_session_get_status (session) == KAB_SESSION_STATUS_ATTENDED
                       ? KAB_CHARGE_KIND_SESSION : KAB_CHARGE_KIND_LATE_CANCELLATION;
  sqlite3_stmt *stmt;

  if (amount <= 0)
    {
      stmt = kab_store_prepare (self, "DELETE FROM charge WHERE session_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, kab_session_get_id (session));
      return kab_store_step_done (self, stmt, error);
    }

  stmt = kab_store_prepare (self,
    "INSERT INTO charge (client_id, session_id, date, amount, currency, kind)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    " ON CONFLICT (session_id) DO UPDATE SET client_id = ?1, date = ?3, amount = ?4,"
    " currency = ?5, kind = ?6", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, kab_session_get_client_id (session));
  sqlite3_bind_int64 (stmt, 2, kab_session_get_id (session));
  kab_store_bind_time (stmt, 3, kab_session_get_start (session));
  sqlite3_bind_int64 (stmt, 4, amount);
  kab_store_bind_text (stmt, 5, kab_practice_get_currency (self->practice));
  kab_store_bind_text (stmt, 6, kab_store_enum_to_nick (KAB_TYPE_CHARGE_KIND, kind));
  return kab_store_step_done (self, stmt, error);
}

static gboolean
write_session (KabStore    *self,
               KabSession  *session,
               GError     **error)
{
  gboolean is_new = kab_session_get_id (session) == 0;
  sqlite3_stmt *stmt;

  if (is_new)
    stmt = kab_store_prepare (self,
      "INSERT INTO session (client_id, series_id, start, tzid, duration, kind, status, fee,"
      " note, detached) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  else
    stmt = kab_store_prepare (self,
      "UPDATE session SET client_id = ?1, series_id = ?2, start = ?3, tzid = ?4,"
      " duration = ?5, kind = ?6, status = ?7, fee = ?8, note = ?9, detached = ?10"
      " WHERE id = ?11", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, kab_session_get_client_id (session));
  kab_store_bind_id (stmt, 2, kab_session_get_series_id (session));
  kab_store_bind_time (stmt, 3, kab_session_get_start (session));
  kab_store_bind_text (stmt, 4, kab_session_get_tzid (session));
  sqlite3_bind_int (stmt, 5, kab_session_get_duration (session));
  kab_store_bind_text (stmt, 6, kab_store_enum_to_nick (KAB_TYPE_SESSION_KIND,
                                                        kab_session_get_kind (session)));
  kab_store_bind_text (stmt, 7, kab_store_enum_to_nick (KAB_TYPE_SESSION_STATUS,
                                                        kab_session_get_status (session)));
  sqlite3_bind_int64 (stmt, 8, kab_session_get_fee (session));
  kab_store_bind_text (stmt, 9, kab_session_get_note (session));
  sqlite3_bind_int (stmt, 10, kab_session_get_detached (session));
  if (!is_new)
    sqlite3_bind_int64 (stmt, 11, kab_session_get_id (session));

  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  if (!is_new && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
                   _("The session does not exist (any more)."));
      return FALSE;
    }

  if (is_new)
    kab_session_set_id (session, sqlite3_last_insert_rowid (self->db));

  return TRUE;
}

static void
session_written (KabStore *self,
                 gint64    client_id)
{
  kab_store_refresh_client_next_session (self, client_id);
  kab_store_refresh_client_balance (self, client_id);
  g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_SESSIONS_CHANGED], 0);
  g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_LEDGER_CHANGED], 0, client_id);
}

/**
 * kab_store_save_session:
 * @session: a new session (id 0) or a known one
 *
 * Validates and saves @session and, in the same transaction, the charge its status
 * decides, so that the client's balance is right whatever happens.
 */
gboolean
kab_store_save_session (KabStore    *self,
                        KabSession  *session,
                        GError     **error)
{
  gint64 id;
  gint64 client_id;
  gint64 old_client_id = 0;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_SESSION (session), FALSE);

  if (!kab_session_validate (session, error))
    return FALSE;

  client_id = kab_session_get_client_id (session);
  if (!kab_store_client_exists (self, client_id, error))
    return FALSE;

  id = kab_session_get_id (session);
  if (id != 0)
    {
      g_autoptr(KabSession) old = kab_store_load_session (self, id, error);

      if (old == NULL)
        return FALSE;
      old_client_id = kab_session_get_client_id (old);
    }

  if (!kab_store_tx_begin (self, error))
    return FALSE;

  if (!write_session (self, session, error) ||
      !kab_store_apply_session_charge (self, session, error))
    {
      kab_store_tx_rollback (self);
      if (id == 0)
        kab_session_set_id (session, 0);
      return FALSE;
    }

  if (!kab_store_tx_commit (self, error))
    {
      if (id == 0)
        kab_session_set_id (session, 0);
      return FALSE;
    }

  {
    KabClient *client = g_hash_table_lookup (self->clients_by_id, &client_id);
    kab_session_set_client_name (session, kab_client_get_display_name (client));
  }

  if (old_client_id != 0 && old_client_id != client_id)
    session_written (self, old_client_id);
  session_written (self, client_id);
  return TRUE;
}

/**
 * kab_store_delete_session:
 *
 * Deletes a session and the charge it made, in one transaction.
 */
gboolean
kab_store_delete_session (KabStore    *self,
                          KabSession  *session,
                          GError     **error)
{
  gint64 id;
  sqlite3_stmt *stmt;
  g_autoptr(KabSession) old = NULL;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_SESSION (session), FALSE);

  id = kab_session_get_id (session);
  old = kab_store_load_session (self, id, error);
  if (old == NULL)
    return FALSE;

  if (!kab_store_tx_begin (self, error))
    return FALSE;

  stmt = kab_store_prepare (self, "DELETE FROM charge WHERE session_id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (kab_store_step_done (self, stmt, error))
        stmt = kab_store_prepare (self, "DELETE FROM session WHERE id = ?1", error);
      else
        stmt = NULL;
    }

  if (stmt == NULL)
    {
      kab_store_tx_rollback (self);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  if (!kab_store_step_done (self, stmt, error))
    {
      kab_store_tx_rollback (self);
      return FALSE;
    }

  if (!kab_store_tx_commit (self, error))
    return FALSE;

  session_written (self, kab_session_get_client_id (old));
  return TRUE;
}

/**
 * kab_store_find_overlaps:
 * @session: a session being planned or moved
 *
 * Returns: (transfer full): the other sessions that are not cancelled and overlap
 *   @session in time
 */
GListModel *
kab_store_find_overlaps (KabStore    *self,
                         KabSession  *session,
                         GError     **error)
{
  GDateTime *start;
  gint64 start_unix;
  gint64 end_unix;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);
  g_return_val_if_fail (KAB_IS_SESSION (session), NULL);

  start = kab_session_get_start (session);
  if (start == NULL)
    return G_LIST_MODEL (g_list_store_new (KAB_TYPE_SESSION));

  start_unix = g_date_time_to_unix (start);
  end_unix = start_unix + (gint64)kab_session_get_duration (session) * 60;

  /* No session lasts over 600 minutes, which bounds the index range to scan. */
  stmt = kab_store_prepare (self,
    "SELECT " SESSION_COLUMNS " FROM session"
    " WHERE start < ?2 AND start > ?1 - 36000 AND start + duration * 60 > ?1"
    " AND id != ?3 AND status IN ('planned', 'attended', 'no-show')"
    " ORDER BY start, id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, start_unix);
  sqlite3_bind_int64 (stmt, 2, end_unix);
  sqlite3_bind_int64 (stmt, 3, kab_session_get_id (session));
  return collect_sessions (self, stmt, error);
}

/* Series */

static GDateTime *
column_series_date (sqlite3_stmt *stmt,
                    int           column,
                    const char   *tzid)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  g_autoptr(GTimeZone) tz = NULL;
  int year, month, day;

  if (text == NULL || sscanf (text, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;

  if (tzid != NULL && *tzid != '\0')
    tz = g_time_zone_new_identifier (tzid);
  if (tz == NULL)
    tz = g_time_zone_new_local ();

  return g_date_time_new (tz, year, month, day, 0, 0, 0);
}

KabSeries *
kab_store_load_series (KabStore  *self,
                       gint64     id,
                       GError   **error)
{
  sqlite3_stmt *stmt;
  KabSeries *series = NULL;
  int rc;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self,
    "SELECT id, client_id, first_date, until_date, start_minute, duration, interval_weeks,"
    " tzid, kind, fee FROM series WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *tzid = kab_store_column_text (stmt, 7);
      g_autoptr(GDateTime) first = column_series_date (stmt, 2, tzid);
      g_autoptr(GDateTime) until = column_series_date (stmt, 3, tzid);

      series = kab_series_new ();
      g_object_set (series,
                    "id", (gint64)sqlite3_column_int64 (stmt, 0),
                    "client-id", (gint64)sqlite3_column_int64 (stmt, 1),
                    "first-date", first,
                    "until-date", until,
                    "start-minute", sqlite3_column_int (stmt, 4),
                    "duration", sqlite3_column_int (stmt, 5),
                    "interval-weeks", sqlite3_column_int (stmt, 6),
                    "tzid", tzid,
                    "kind", kab_store_enum_from_nick (KAB_TYPE_SESSION_KIND,
                                                      kab_store_column_text (stmt, 8),
                                                      KAB_SESSION_KIND_PSYCHOTHERAPY),
                    "fee", (gint64)sqlite3_column_int64 (stmt, 9),
                    NULL);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
                 _("The recurring appointment does not exist (any more)."));
  else if (rc != SQLITE_ROW)
    kab_store_set_error (self, error, rc);

  return series;
}

static gboolean
write_series (KabStore   *self,
              KabSeries  *series,
              GError    **error)
{
  gboolean is_new = kab_series_get_id (series) == 0;
  sqlite3_stmt *stmt;

  if (is_new)
    stmt = kab_store_prepare (self,
      "INSERT INTO series (client_id, first_date, until_date, start_minute, duration,"
      " interval_weeks, tzid, kind, fee) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  else
    stmt = kab_store_prepare (self,
      "UPDATE series SET client_id = ?1, first_date = ?2, until_date = ?3, start_minute = ?4,"
      " duration = ?5, interval_weeks = ?6, tzid = ?7, kind = ?8, fee = ?9 WHERE id = ?10",
      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, kab_series_get_client_id (series));
  kab_store_bind_date (stmt, 2, kab_series_get_first_date (series));
  kab_store_bind_date (stmt, 3, kab_series_get_until_date (series));
  sqlite3_bind_int (stmt, 4, kab_series_get_start_minute (series));
  sqlite3_bind_int (stmt, 5, kab_series_get_duration (series));
  sqlite3_bind_int (stmt, 6, kab_series_get_interval_weeks (series));
  kab_store_bind_text (stmt, 7, kab_series_get_tzid (series));
  kab_store_bind_text (stmt, 8, kab_store_enum_to_nick (KAB_TYPE_SESSION_KIND,
                                                        kab_series_get_kind (series)));
  sqlite3_bind_int64 (stmt, 9, kab_series_get_fee (series));
  if (!is_new)
    sqlite3_bind_int64 (stmt, 10, kab_series_get_id (series));

  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  if (!is_new && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
                   _("The recurring appointment does not exist (any more)."));
      return FALSE;
    }

  if (is_new)
    kab_series_set_id (series, sqlite3_last_insert_rowid (self->db));

  return TRUE;
}

/* The end of the window a series is written out to: its last day, or the horizon. */
static GDateTime *
series_limit (KabSeries *series,
              GDateTime *horizon)
{
  GDateTime *until = kab_series_get_until_date (series);
  g_autoptr(GDateTime) after_until = until != NULL ? g_date_time_add_days (until, 1) : NULL;

  if (after_until != NULL && g_date_time_compare (after_until, horizon) < 0)
    return g_steal_pointer (&after_until);

  return g_date_time_ref (horizon);
}

static gboolean
occurrence_exists (KabStore   *self,
                   gint64      series_id,
                   GDateTime  *start,
                   gboolean   *out_exists,
                   GError    **error)
{
  /* Within half a day: an occurrence moved on its own keeps its slot taken. */
  sqlite3_stmt *stmt = kab_store_prepare (self,
    "SELECT 1 FROM session WHERE series_id = ?1 AND start > ?2 - 43200 AND start < ?2 + 43200"
    " LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, series_id);
  kab_store_bind_time (stmt, 2, start);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }

  *out_exists = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
write_occurrences (KabStore   *self,
                   KabSeries  *series,
                   GDateTime  *from,
                   GDateTime  *to,
                   GError    **error)
{
  g_autoptr(GPtrArray) starts = kab_series_expand (series, from, to);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < starts->len; i++)
    {
      g_autoptr(KabSession) session = NULL;
      gboolean exists = FALSE;

      if (!occurrence_exists (self, kab_series_get_id (series), starts->pdata[i], &exists, error))
        return FALSE;
      if (exists)
        continue;

      session = kab_session_new ();
      g_object_set (session,
                    "client-id", kab_series_get_client_id (series),
                    "series-id", kab_series_get_id (series),
                    "start", starts->pdata[i],
                    "tzid", kab_series_get_tzid (series),
                    "duration", kab_series_get_duration (series),
                    "kind", kab_series_get_kind (series),
                    "status", KAB_SESSION_STATUS_PLANNED,
                    "fee", kab_series_get_fee (series),
                    NULL);
      if (!write_session (self, session, error))
        return FALSE;
    }

  stmt = kab_store_prepare (self, "UPDATE series SET expanded_until = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, kab_series_get_id (series));
  kab_store_bind_time (stmt, 2, to);
  return kab_store_step_done (self, stmt, error);
}

static gboolean
drop_future_occurrences (KabStore   *self,
                         KabSeries  *series,
                         GDateTime  *now,
                         GError    **error)
{
  /* Planned sessions only: what happened, and occurrences edited on their own, stay. */
  sqlite3_stmt *stmt = kab_store_prepare (self,
    "DELETE FROM session WHERE series_id = ?1 AND start >= ?2 AND status = 'planned'"
    " AND detached = 0", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, kab_series_get_id (series));
  kab_store_bind_time (stmt, 2, now);
  return kab_store_step_done (self, stmt, error);
}

/**
 * kab_store_save_series:
 * @series: a new recurring appointment (id 0) or a changed one
 *
 * Saves @series and writes its occurrences as planned sessions, up to its last day or
 * half a year ahead for an open-ended one. Changing a series rewrites only its future
 * planned occurrences that were not edited on their own; the past is never rewritten.
 */
gboolean
kab_store_save_series (KabStore   *self,
                       KabSeries  *series,
                       GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) horizon = NULL;
  g_autoptr(GDateTime) limit = NULL;
  GDateTime *first;
  GDateTime *from;
  gboolean is_new;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_SERIES (series), FALSE);

  if (!kab_series_validate (series, error) ||
      !kab_store_client_exists (self, kab_series_get_client_id (series), error))
    return FALSE;

  is_new = kab_series_get_id (series) == 0;
  first = kab_series_get_first_date (series);
  from = is_new || g_date_time_compare (first, now) > 0 ? first : now;
  horizon = g_date_time_add_days (g_date_time_compare (first, now) > 0 ? first : now,
                                  SERIES_HORIZON_DAYS);
  limit = series_limit (series, horizon);

  if (!kab_store_tx_begin (self, error))
    return FALSE;

  if (!write_series (self, series, error) ||
      (!is_new && !drop_future_occurrences (self, series, now, error)) ||
      !write_occurrences (self, series, from, limit, error))
    {
      kab_store_tx_rollback (self);
      if (is_new)
        kab_series_set_id (series, 0);
      return FALSE;
    }

  if (!kab_store_tx_commit (self, error))
    {
      if (is_new)
        kab_series_set_id (series, 0);
      return FALSE;
    }

  kab_store_refresh_client_next_session (self, kab_series_get_client_id (series));
  g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_SESSIONS_CHANGED], 0);
  return TRUE;
}

/**
 * kab_store_extend_series:
 * @horizon: write out occurrences up to this time
 *
 * Writes the occurrences of every open-ended or still running series up to @horizon;
 * called on start so that the calendar always shows the months ahead.
 */
gboolean
kab_store_extend_series (KabStore   *self,
                         GDateTime  *horizon,
                         GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) expanded = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  stmt = kab_store_prepare (self,
    "SELECT id, expanded_until FROM series WHERE expanded_until < ?1"
    " AND (until_date IS NULL OR until_date >= date (expanded_until, 'unixepoch'))", error);
  if (stmt == NULL)
    return FALSE;

  kab_store_bind_time (stmt, 1, horizon);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 until = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (ids, id);
      g_array_append_val (expanded, until);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }

  if (ids->len == 0)
    return TRUE;

  if (!kab_store_tx_begin (self, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(KabSeries) series = kab_store_load_series (self, g_array_index (ids, gint64, i), error);
      g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (g_array_index (expanded, gint64, i));
      g_autoptr(GDateTime) limit = NULL;

      if (series == NULL)
        {
          kab_store_tx_rollback (self);
          return FALSE;
        }

      limit = series_limit (series, horizon);
      if (g_date_time_compare (from, limit) < 0 &&
          !write_occurrences (self, series, from, limit, error))
        {
          kab_store_tx_rollback (self);
          return FALSE;
        }
    }

  if (!kab_store_tx_commit (self, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(KabSeries) series = kab_store_load_series (self, g_array_index (ids, gint64, i), NULL);

      if (series != NULL)
        kab_store_refresh_client_next_session (self, kab_series_get_client_id (series));
    }

  g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_SESSIONS_CHANGED], 0);
  return TRUE;
}
