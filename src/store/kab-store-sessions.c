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
  "id, client_id, series_id, start, tzid, duration, kind, status, fee, note, detached, uid," \
  " cancelled_at"

static KabSession *
session_from_row (KabStore     *self,
                  sqlite3_stmt *stmt)
{
  KabSession *session = kab_session_new ();
  g_autoptr(GDateTime) start = kab_store_column_time (stmt, 3);
  g_autoptr(GDateTime) cancelled_at = sqlite3_column_type (stmt, 12) != SQLITE_NULL
                                      ? kab_store_column_time (stmt, 12) : NULL;
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
                "uid", kab_store_column_text (stmt, 11),
                "cancelled-at", cancelled_at,
                "client-name", client != NULL ? kab_client_get_display_name (client) : "",
                NULL);

  return session;
}

/* The session rows read so far: session_from_row() needs the store for client names. */
typedef struct
{
  KabStore  *self;
  GPtrArray *rows;
} SessionRows;

static void
append_session (sqlite3_stmt *stmt,
                gpointer      user_data)
{
  SessionRows *read = user_data;

  g_ptr_array_add (read->rows, session_from_row (read->self, stmt));
}

static GListModel *
collect_sessions (KabStore      *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(GListStore) sessions = g_list_store_new (KAB_TYPE_SESSION);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  SessionRows read = { self, rows };

  if (!kab_store_each_row (self, stmt, append_session, &read, error))
    return NULL;

  g_list_store_splice (sessions, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (g_steal_pointer (&sessions));
}

/* The sessions of [@from, @to), by start, through the start index; all of them, or
 * only those still planned. */
static GListModel *
list_range (KabStore   *self,
            GDateTime  *from,
            GDateTime  *to,
            gboolean    planned_only,
            GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  stmt = kab_store_prepare (self,
                            planned_only
                            ? "SELECT " SESSION_COLUMNS " FROM session WHERE start >= ?1 AND start < ?2"
                              " AND status = 'planned' ORDER BY start, id"
                            : "SELECT " SESSION_COLUMNS " FROM session WHERE start >= ?1 AND start < ?2"
                              " ORDER BY start, id",
                            error);
  if (stmt == NULL)
    return NULL;

  kab_store_bind_time (stmt, 1, from);
  kab_store_bind_time (stmt, 2, to);
  return collect_sessions (self, stmt, error);
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
  return list_range (self, from, to, FALSE, error);
}

/**
 * kab_store_list_planned_sessions:
 *
 * The sessions of [@from, @to) still planned (not yet marked attended, missed or
 * cancelled), by start: what Today lists as waiting to be marked, read through the
 * start index without making the range's other sessions.
 *
 * Returns: (transfer full): a list of #KabSession, or %NULL with @error set
 */
GListModel *
kab_store_list_planned_sessions (KabStore   *self,
                                 GDateTime  *from,
                                 GDateTime  *to,
                                 GError    **error)
{
  return list_range (self, from, to, TRUE, error);
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
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  SessionRows read = { self, rows };
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self, "SELECT " SESSION_COLUMNS " FROM session WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!kab_store_query_row (self, stmt, append_session, &read, &found, error))
    return NULL;

  if (!found)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
                   _("The session does not exist (any more)."));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (rows, 0));
}

/* A new session gets a random UID, kept for its whole life and never given again; a
 * series' occurrence also its identity in the series (@occurrence, the Monday of the
 * week it was planned in) and its original start, like iCalendar's RECURRENCE-ID. */
static gboolean
write_session_full (KabStore    *self,
                    KabSession  *session,
                    const char  *occurrence,
                    GError     **error)
{
  gboolean is_new = kab_session_get_id (session) == 0;
  g_autofree char *uid = NULL;
  sqlite3_stmt *stmt;

  if (is_new)
    stmt = kab_store_prepare (self,
      "INSERT INTO session (client_id, series_id, start, tzid, duration, kind, status, fee,"
      " note, detached, uid, occurrence, original_start, cancelled_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, CASE WHEN ?12 IS NULL"
      " THEN NULL ELSE ?3 END, ?13)", error);
  else
    stmt = kab_store_prepare (self,
      "UPDATE session SET client_id = ?1, series_id = ?2, start = ?3, tzid = ?4,"
      " duration = ?5, kind = ?6, status = ?7, fee = ?8, note = ?9, detached = ?10,"
      " cancelled_at = ?13 WHERE id = ?11", error);
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
  if (kab_session_get_cancelled_at (session) != NULL)
    kab_store_bind_time (stmt, 13, kab_session_get_cancelled_at (session));
  else
    sqlite3_bind_null (stmt, 13);
  if (is_new)
    {
      uid = g_uuid_string_random ();
      kab_store_bind_text (stmt, 11, uid);
      if (occurrence != NULL)
        kab_store_bind_text (stmt, 12, occurrence);
      else
        sqlite3_bind_null (stmt, 12);
    }
  else
    {
      sqlite3_bind_int64 (stmt, 11, kab_session_get_id (session));
    }

  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  if (!is_new && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
                   _("The session does not exist (any more)."));
      return FALSE;
    }

  if (is_new)
    {
      kab_session_set_id (session, sqlite3_last_insert_rowid (self->db));
      kab_session_set_uid (session, uid);
    }

  return TRUE;
}

static gboolean
write_session (KabStore    *self,
               KabSession  *session,
               GError     **error)
{
  return write_session_full (self, session, NULL, error);
}

/* Only a change of status, fee, client or date changes what a session is charged; a
 * note, a duration or a kind never rewrite a charge already made. */
static gboolean
charge_affected (KabSession *old,
                 KabSession *session)
{
  return old == NULL ||
         kab_session_get_status (old) != kab_session_get_status (session) ||
         kab_session_get_fee (old) != kab_session_get_fee (session) ||
         kab_session_get_client_id (old) != kab_session_get_client_id (session) ||
         !g_date_time_equal (kab_session_get_start (old), kab_session_get_start (session));
}

/* A series' occurrence changed on its own becomes an exception: editing the series
 * later leaves it as it is. */
static gboolean
is_exception_change (KabSession *old,
                     KabSession *session)
{
  return old != NULL && kab_session_get_series_id (old) != 0 &&
         (!g_date_time_equal (kab_session_get_start (old), kab_session_get_start (session)) ||
          kab_session_get_duration (old) != kab_session_get_duration (session) ||
          kab_session_get_fee (old) != kab_session_get_fee (session) ||
          kab_session_get_kind (old) != kab_session_get_kind (session));
}

/* What happened can be recorded only once it has begun. */
static gboolean
check_not_future (KabSession  *session,
                  GError     **error)
{
  g_autoptr(GDateTime) now = kab_store_now ();
  KabSessionStatus status = kab_session_get_status (session);

  if ((status != KAB_SESSION_STATUS_ATTENDED && status != KAB_SESSION_STATUS_NO_SHOW) ||
      g_date_time_compare (kab_session_get_start (session), now) <= 0)
    return TRUE;

  g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
               status == KAB_SESSION_STATUS_ATTENDED
               ? _("The session has not begun yet, so it cannot be marked as attended.")
               : _("The session has not begun yet, so it cannot be marked as a no-show."));
  return FALSE;
}

/* A cancellation by the client keeps when it was made: the time the caller gives (what
 * the client said), else the time it is recorded. Other statuses have none. */
static void
note_cancellation_time (KabSession *session)
{
  KabSessionStatus status = kab_session_get_status (session);

  if (status == KAB_SESSION_STATUS_CANCELLED_IN_TIME || status == KAB_SESSION_STATUS_CANCELLED_LATE)
    {
      if (kab_session_get_cancelled_at (session) == NULL)
        {
          g_autoptr(GDateTime) now = kab_store_now ();

          kab_session_set_cancelled_at (session, now);
        }
    }
  else
    {
      kab_session_set_cancelled_at (session, NULL);
    }
}

void
kab_store_session_written (KabStore *self,
                           gint64    client_id)
{
  kab_store_refresh_client_next_session (self, client_id);
  kab_store_refresh_client_balance (self, client_id);
  g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_SESSIONS_CHANGED], 0);
  g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_LEDGER_CHANGED], 0, client_id);
}

/**
 * kab_store_write_billed_session:
 * @out_old_client_id: (out): the client the session had before, or 0 for a new one
 *
 * Validates and writes @session and, in the same transaction (nested in the caller's
 * if there is one), the charge its status decides. Emits nothing: the caller calls
 * kab_store_session_written() for each client once everything is committed.
 */
gboolean
kab_store_write_billed_session (KabStore    *self,
                                KabSession  *session,
                                gint64      *out_old_client_id,
                                GError     **error)
{
  g_autoptr(KabSession) old = NULL;
  gint64 id;
  gint64 client_id;
  gint64 old_client_id = 0;
  gboolean recharge;

  if (!kab_session_validate (session, error))
    return FALSE;

  client_id = kab_session_get_client_id (session);
  if (!kab_store_client_exists (self, client_id, error))
    return FALSE;

  id = kab_session_get_id (session);
  if (id != 0)
    {
      old = kab_store_load_session (self, id, error);
      if (old == NULL)
        return FALSE;
      old_client_id = kab_session_get_client_id (old);
    }

  recharge = charge_affected (old, session);
  if (recharge && !check_not_future (session, error))
    return FALSE;

  if (is_exception_change (old, session))
    kab_session_set_detached (session, TRUE);
  note_cancellation_time (session);

  kab_store_pending_session (self, session, KAB_PENDING_SAVE);
  if (!kab_store_tx_begin (self, error))
    return FALSE;

  if (!write_session (self, session, error) ||
      !kab_store_bill_client_sessions (self, client_id,
                                       recharge ? kab_session_get_id (session) : 0, error) ||
      (old_client_id != 0 && old_client_id != client_id &&
       !kab_store_bill_client_sessions (self, old_client_id, 0, error)))
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

  *out_old_client_id = old_client_id;
  return TRUE;
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
  gint64 client_id;
  gint64 old_client_id = 0;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_SESSION (session), FALSE);

  if (!kab_store_write_billed_session (self, session, &old_client_id, error))
    return FALSE;

  client_id = kab_session_get_client_id (session);
  if (old_client_id != 0 && old_client_id != client_id)
    kab_store_session_written (self, old_client_id);
  kab_store_session_written (self, client_id);
  return TRUE;
}

static gboolean
run_with_id (KabStore    *self,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return kab_store_step_done (self, stmt, error);
}

/**
 * kab_store_delete_session:
 *
 * Deletes a session and the charge it made, in one transaction. A series' occurrence
 * deleted stays deleted: the series remembers it as an exception.
 */
gboolean
kab_store_delete_session (KabStore    *self,
                          KabSession  *session,
                          GError     **error)
{
  gint64 id;
  g_autoptr(KabSession) old = NULL;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_SESSION (session), FALSE);

  id = kab_session_get_id (session);
  old = kab_store_load_session (self, id, error);
  if (old == NULL)
    return FALSE;

  if (!kab_store_tx_begin (self, error))
    return FALSE;

  /* A deleted occurrence is remembered, so that its series never writes it again. */
  if (!run_with_id (self,
                    "INSERT OR IGNORE INTO series_exception (series_id, occurrence)"
                    " SELECT series_id, occurrence FROM session WHERE id = ?1"
                    " AND series_id IS NOT NULL AND occurrence IS NOT NULL", id, error) ||
      !run_with_id (self, "DELETE FROM charge WHERE session_id = ?1", id, error) ||
      !run_with_id (self, "DELETE FROM session WHERE id = ?1", id, error) ||
      !kab_store_bill_client_sessions (self, kab_session_get_client_id (old), 0, error))
    {
      kab_store_tx_rollback (self);
      return FALSE;
    }

  if (!kab_store_tx_commit (self, error))
    return FALSE;

  kab_store_session_written (self, kab_session_get_client_id (old));
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

static gpointer
series_from_row (sqlite3_stmt *stmt)
{
  const char *tzid = kab_store_column_text (stmt, 7);
  g_autoptr(GDateTime) first = column_series_date (stmt, 2, tzid);
  g_autoptr(GDateTime) until = column_series_date (stmt, 3, tzid);

  return g_object_new (KAB_TYPE_SERIES,
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
                       "max-count", sqlite3_column_int (stmt, 10),
                       NULL);
}

static void
read_series (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  *(KabSeries **)user_data = series_from_row (stmt);
}

KabSeries *
kab_store_load_series (KabStore  *self,
                       gint64     id,
                       GError   **error)
{
  g_autoptr(KabSeries) series = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self,
    "SELECT id, client_id, first_date, until_date, start_minute, duration, interval_weeks,"
    " tzid, kind, fee, max_count FROM series WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!kab_store_query_row (self, stmt, read_series, &series, &found, error))
    return NULL;

  if (!found)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
                   _("The recurring appointment does not exist (any more)."));
      return NULL;
    }

  return g_steal_pointer (&series);
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
      " interval_weeks, tzid, kind, fee, max_count)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?11)", error);
  else
    stmt = kab_store_prepare (self,
      "UPDATE series SET client_id = ?1, first_date = ?2, until_date = ?3, start_minute = ?4,"
      " duration = ?5, interval_weeks = ?6, tzid = ?7, kind = ?8, fee = ?9, max_count = ?11"
      " WHERE id = ?10",
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
  sqlite3_bind_int (stmt, 11, kab_series_get_max_count (series));

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

/* An occurrence's identity in its series: the Monday of the week it was planned in, in
 * the series' zone. Moving the series to another time or weekday keeps it, so an
 * occurrence moved, deleted or changed on its own is still recognised afterwards. */
static char *
occurrence_key (KabSeries *series,
                GDateTime *start)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) monday = NULL;
  const char *tzid = kab_series_get_tzid (series);

  if (tzid != NULL && *tzid != '\0')
    tz = g_time_zone_new_identifier (tzid);
  if (tz == NULL)
    tz = g_time_zone_new_local ();

  local = g_date_time_to_timezone (start, tz);
  monday = g_date_time_add_days (local, 1 - g_date_time_get_day_of_week (local));
  return g_date_time_format (monday, "%Y-%m-%d");
}

static gboolean
occurrence_taken (KabStore    *self,
                  gint64       series_id,
                  const char  *key,
                  gboolean    *out_taken,
                  GError     **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self,
    "SELECT 1 FROM session WHERE series_id = ?1 AND occurrence = ?2"
    " UNION ALL SELECT 1 FROM series_exception WHERE series_id = ?1 AND occurrence = ?2"
    " LIMIT 1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, series_id);
  kab_store_bind_text (stmt, 2, key);
  return kab_store_query_row (self, stmt, NULL, NULL, out_taken, error);
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
      g_autofree char *key = occurrence_key (series, starts->pdata[i]);
      gboolean taken = FALSE;

      /* A series skips the practitioner's vacations and closed days. */
      if (!occurrence_taken (self, kab_series_get_id (series), key, &taken, error) ||
          (!taken && !kab_store_is_absent_on (self, starts->pdata[i], &taken, error)))
        return FALSE;
      if (taken)
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
      if (!write_session_full (self, session, key, error))
        return FALSE;
    }

  stmt = kab_store_prepare (self, "UPDATE series SET expanded_until = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, kab_series_get_id (series));
  kab_store_bind_time (stmt, 2, to);
  return kab_store_step_done (self, stmt, error);
}

/* Rows of (id, then an integer or a text): the columns go to @ids and to @ints or
 * @texts, whichever is set. */
typedef struct
{
  GArray    *ids;
  GArray    *ints;
  GPtrArray *texts;
} IdColumns;

static void
append_id_columns (sqlite3_stmt *stmt,
                   gpointer      user_data)
{
  IdColumns *read = user_data;
  gint64 id = sqlite3_column_int64 (stmt, 0);

  g_array_append_val (read->ids, id);
  if (read->ints != NULL)
    {
      gint64 value = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (read->ints, value);
    }
  if (read->texts != NULL)
    g_ptr_array_add (read->texts, g_strdup (kab_store_column_text (stmt, 1)));
}

/* Editing a series rewrites its future occurrences that are still planned and no
 * exception: those the new rule still has move to their new time (keeping their UID),
 * the others go. Occurrences that happened, were deleted or were changed on their own
 * stay as they are. */
static gboolean
rewrite_future_occurrences (KabStore   *self,
                            KabSeries  *series,
                            GDateTime  *now,
                            GDateTime  *limit,
                            GError    **error)
{
  g_autoptr(GPtrArray) starts = kab_series_expand (series, now, limit);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  IdColumns read = { ids, NULL, keys };
  sqlite3_stmt *stmt;

  /* An occurrence that the new rule puts in an absence goes, as a new one would not be
   * written there. */
  for (guint i = 0; i < starts->len; i++)
    {
      gboolean absent = FALSE;

      if (!kab_store_is_absent_on (self, starts->pdata[i], &absent, error))
        return FALSE;
      if (!absent)
        g_hash_table_insert (by_key, occurrence_key (series, starts->pdata[i]), starts->pdata[i]);
    }

  stmt = kab_store_prepare (self,
    "SELECT id, coalesce (occurrence, '') FROM session WHERE series_id = ?1 AND start >= ?2"
    " AND status = 'planned' AND detached = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, kab_series_get_id (series));
  kab_store_bind_time (stmt, 2, now);
  if (!kab_store_each_row (self, stmt, append_id_columns, &read, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      GDateTime *start = g_hash_table_lookup (by_key, keys->pdata[i]);

      if (start == NULL)
        {
          stmt = kab_store_prepare (self, "DELETE FROM session WHERE id = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
        }
      else
        {
          stmt = kab_store_prepare (self,
            "UPDATE session SET start = ?2, original_start = ?2, tzid = ?3, duration = ?4,"
            " kind = ?5, fee = ?6 WHERE id = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
          kab_store_bind_time (stmt, 2, start);
          kab_store_bind_text (stmt, 3, kab_series_get_tzid (series));
          sqlite3_bind_int (stmt, 4, kab_series_get_duration (series));
          kab_store_bind_text (stmt, 5, kab_store_enum_to_nick (KAB_TYPE_SESSION_KIND,
                                                                kab_series_get_kind (series)));
          sqlite3_bind_int64 (stmt, 6, kab_series_get_fee (series));
        }

      if (!kab_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
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
  g_autoptr(GDateTime) now = kab_store_now ();
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
      (!is_new && !rewrite_future_occurrences (self, series, now, limit, error)) ||
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
  g_autoptr(GArray) clients = g_array_new (FALSE, FALSE, sizeof (gint64));
  IdColumns read = { ids, expanded, NULL };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  stmt = kab_store_prepare (self,
    "SELECT id, expanded_until FROM series WHERE expanded_until < ?1"
    " AND (until_date IS NULL OR until_date >= date (expanded_until, 'unixepoch'))", error);
  if (stmt == NULL)
    return FALSE;

  kab_store_bind_time (stmt, 1, horizon);
  if (!kab_store_each_row (self, stmt, append_id_columns, &read, error))
    return FALSE;

  if (ids->len == 0)
    return TRUE;

  if (!kab_store_tx_begin (self, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(KabSeries) series = kab_store_load_series (self, g_array_index (ids, gint64, i), error);
      g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (g_array_index (expanded, gint64, i));
      g_autoptr(GDateTime) limit = NULL;
      gint64 client_id;

      if (series == NULL)
        {
          kab_store_tx_rollback (self);
          return FALSE;
        }

      client_id = kab_series_get_client_id (series);
      g_array_append_val (clients, client_id);
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

  /* The clients as the series were read inside the transaction: no second look-up
   * that could fail unseen. */
  for (guint i = 0; i < clients->len; i++)
    kab_store_refresh_client_next_session (self, g_array_index (clients, gint64, i));

  g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_SESSIONS_CHANGED], 0);
  return TRUE;
}
