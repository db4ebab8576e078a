/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-absences.c: the practitioner's vacations and closed days, and cancelling the
 * sessions planned on them */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-store-private.h"

static gpointer
absence_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) first = kab_store_column_date (stmt, 1);
  g_autoptr(GDateTime) last = kab_store_column_date (stmt, 2);

  return g_object_new (KAB_TYPE_ABSENCE,
                       "id", (gint64)sqlite3_column_int64 (stmt, 0),
                       "first-day", first,
                       "last-day", last,
                       "note", kab_store_column_text (stmt, 3),
                       NULL);
}

/**
 * kab_store_list_absences:
 * @from: (nullable): only absences that end on this day or later
 * @to: (nullable): only absences that begin before this day
 *
 * Returns: (transfer full): the absences, by first day
 */
GListModel *
kab_store_list_absences (KabStore   *self,
                         GDateTime  *from,
                         GDateTime  *to,
                         GError    **error)
{
  sqlite3_stmt *stmt;
  char from_day[11] = "";
  char to_day[11] = "";

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self,
    "SELECT id, first_day, last_day, note FROM absence"
    " WHERE (?1 = '' OR last_day >= ?1) AND (?2 = '' OR first_day < ?2)"
    " ORDER BY first_day, id", error);
  if (stmt == NULL)
    return NULL;

  if (from != NULL)
    kab_store_local_day (from, from_day);
  if (to != NULL)
    kab_store_local_day (to, to_day);
  kab_store_bind_text (stmt, 1, from_day);
  kab_store_bind_text (stmt, 2, to_day);
  return kab_store_collect (self, stmt, KAB_TYPE_ABSENCE, absence_from_row, error);
}

/* Whether the local day of @time is in an absence: series skip such days. */
gboolean
kab_store_is_absent_on (KabStore   *self,
                        GDateTime  *time,
                        gboolean   *out_absent,
                        GError    **error)
{
  sqlite3_stmt *stmt;
  char day[11];

  stmt = kab_store_prepare (self,
    "SELECT 1 FROM absence WHERE first_day <= ?1 AND last_day >= ?1 LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;

  kab_store_local_day (time, day);
  kab_store_bind_text (stmt, 1, day);
  return kab_store_query_row (self, stmt, NULL, NULL, out_absent, error);
}

static void
absences_written (KabStore *self)
{
  g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_SESSIONS_CHANGED], 0);
}

gboolean
kab_store_save_absence (KabStore    *self,
                        KabAbsence  *absence,
                        GError     **error)
{
  gint64 id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_ABSENCE (absence), FALSE);

  if (!kab_absence_validate (absence, error))
    return FALSE;

  id = kab_absence_get_id (absence);
  if (id == 0)
    stmt = kab_store_prepare (self,
      "INSERT INTO absence (first_day, last_day, note) VALUES (?1, ?2, ?3)", error);
  else
    stmt = kab_store_prepare (self,
      "UPDATE absence SET first_day = ?1, last_day = ?2, note = ?3 WHERE id = ?4", error);
  if (stmt == NULL)
    return FALSE;

  kab_store_bind_date (stmt, 1, kab_absence_get_first_day (absence));
  kab_store_bind_date (stmt, 2, kab_absence_get_last_day (absence));
  kab_store_bind_text (stmt, 3, kab_absence_get_note (absence));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 4, id);
  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  if (id != 0 && sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
                           _("The absence does not exist (any more)."));
      return FALSE;
    }

  if (id == 0)
    kab_absence_set_id (absence, sqlite3_last_insert_rowid (self->db));

  absences_written (self);
  return TRUE;
}

/* Deleting an absence leaves the sessions it cancelled as they are: the clients were
 * told, and a charge is never made behind the user's back. */
gboolean
kab_store_delete_absence (KabStore    *self,
                          KabAbsence  *absence,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_ABSENCE (absence), FALSE);

  stmt = kab_store_prepare (self, "DELETE FROM absence WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, kab_absence_get_id (absence));
  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  absences_written (self);
  return TRUE;
}

/**
 * kab_store_list_absence_sessions:
 *
 * Returns: (transfer full): the planned sessions that start on the days of @absence
 */
GListModel *
kab_store_list_absence_sessions (KabStore    *self,
                                 KabAbsence  *absence,
                                 GError     **error)
{
  g_autoptr(GListStore) planned = g_list_store_new (KAB_TYPE_SESSION);
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GDateTime) end = NULL;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);
  g_return_val_if_fail (KAB_IS_ABSENCE (absence), NULL);

  if (!kab_absence_validate (absence, error))
    return NULL;

  end = g_date_time_add_days (kab_absence_get_last_day (absence), 1);
  sessions = kab_store_list_sessions (self, kab_absence_get_first_day (absence), end, error);
  if (sessions == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);

      if (kab_session_get_status (session) == KAB_SESSION_STATUS_PLANNED)
        g_list_store_append (planned, session);
    }

  return G_LIST_MODEL (g_steal_pointer (&planned));
}

/**
 * kab_store_apply_absence:
 * @out_cancelled: (out) (optional): how many sessions were cancelled
 *
 * Marks every session still planned on the days of @absence as cancelled by the
 * practitioner, all or none.
 */
gboolean
kab_store_apply_absence (KabStore    *self,
                         KabAbsence  *absence,
                         guint       *out_cancelled,
                         GError     **error)
{
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GArray) clients = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  sessions = kab_store_list_absence_sessions (self, absence, error);
  if (sessions == NULL)
    return FALSE;

  n = g_list_model_get_n_items (sessions);
  if (!kab_store_tx_begin (self, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);
      gint64 client_id = kab_session_get_client_id (session);
      gint64 old_client_id = 0;

      kab_session_set_status (session, KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER);
      if (!kab_store_write_billed_session (self, session, &old_client_id, error))
        {
          kab_store_tx_rollback (self);
          return FALSE;
        }
      g_array_append_val (clients, client_id);
    }

  if (!kab_store_tx_commit (self, error))
    return FALSE;

  for (guint i = 0; i < clients->len; i++)
    {
      gint64 client_id = g_array_index (clients, gint64, i);

      /* Once per client: the sessions come by start, so look back for the same one. */
      gboolean seen = FALSE;
      for (guint j = 0; j < i && !seen; j++)
        seen = g_array_index (clients, gint64, j) == client_id;
      if (!seen)
        kab_store_session_written (self, client_id);
    }

  if (out_cancelled != NULL)
    *out_cancelled = n;
  return TRUE;
}
