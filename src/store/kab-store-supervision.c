/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-supervision.c: the practitioner's own supervision log: meetings, group series,
 * the cases brought (by pseudonym only), the hours per kind; and the reminders prepared */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "kab-model-error.h"
#include "kab-store-private.h"

/* How many meetings one series books at most, and how far an open-ended one reaches. */
#define SERIES_MAX_MEETINGS 260
#define SERIES_DEFAULT_WEEKS 52

#define SUPERVISION_COLUMNS \
  "id, series_id, start, duration, kind, leader, group_name, notes, expense, currency"

static KabSupervision *
supervision_from_row (sqlite3_stmt *stmt)
{
  KabSupervision *meeting = kab_supervision_new ();
  g_autoptr(GDateTime) utc = kab_store_column_time (stmt, 2);
  g_autoptr(GDateTime) start = g_date_time_to_local (utc);
  KabSupervisionKind kind = KAB_SUPERVISION_KIND_INDIVIDUAL;

  kab_supervision_kind_from_nick (kab_store_column_text (stmt, 4), &kind);
  g_object_set (meeting,
                "id", (gint64)sqlite3_column_int64 (stmt, 0),
                "series-id", (gint64)sqlite3_column_int64 (stmt, 1),
                "start", start,
                "duration", sqlite3_column_int (stmt, 3),
                "kind", (int)kind,
                "leader", kab_store_column_text (stmt, 5),
                "group-name", kab_store_column_text (stmt, 6),
                "notes", kab_store_column_text (stmt, 7),
                "expense", (gint64)sqlite3_column_int64 (stmt, 8),
                "currency", kab_store_column_text (stmt, 9),
                NULL);
  return meeting;
}

static gboolean
load_cases (KabStore        *self,
            KabSupervision  *meeting,
            GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = kab_store_prepare (self,
    "SELECT client_id, pseudonym FROM supervision_case WHERE supervision_id = ?1 ORDER BY id",
    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, kab_supervision_get_id (meeting));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    kab_supervision_add_case (meeting, sqlite3_column_int64 (stmt, 0),
                              kab_store_column_text (stmt, 1));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/**
 * kab_store_list_supervision:
 * @from: (nullable): start of the range; %NULL for the first meeting
 * @to: (nullable): end of the range (exclusive); %NULL for the last
 *
 * Returns: (transfer full): the meetings in [@from, @to) with their cases, by start
 */
GListModel *
kab_store_list_supervision (KabStore   *self,
                            GDateTime  *from,
                            GDateTime  *to,
                            GError    **error)
{
  g_autoptr(GListStore) meetings = g_list_store_new (KAB_TYPE_SUPERVISION);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self,
    "SELECT " SUPERVISION_COLUMNS " FROM supervision"
    " WHERE (?1 IS NULL OR start >= ?1) AND (?2 IS NULL OR start < ?2)"
    " ORDER BY start, id", error);
  if (stmt == NULL)
    return NULL;

  kab_store_bind_time (stmt, 1, from);
  kab_store_bind_time (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, supervision_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return NULL;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      if (!load_cases (self, g_ptr_array_index (rows, i), error))
        return NULL;
    }

  g_list_store_splice (meetings, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (g_steal_pointer (&meetings));
}

/* The pseudonym rule, with the client's name at hand; an empty code becomes the initials. */
static gboolean
check_cases (KabStore        *self,
             KabSupervision  *meeting,
             GError         **error)
{
  GPtrArray *cases = kab_supervision_get_cases (meeting);

  for (guint i = 0; i < cases->len; i++)
    {
      KabSupervisionCase *c = g_ptr_array_index (cases, i);
      KabClient *client = g_hash_table_lookup (self->clients_by_id, &c->client_id);

      if (client == NULL)
        {
          g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
                               _("A case brought to supervision refers to a client who is not in the practice."));
          return FALSE;
        }

      if (c->pseudonym == NULL || *g_strstrip (c->pseudonym) == '\0')
        {
          g_free (c->pseudonym);
          c->pseudonym = kab_client_dup_initials (client);
        }

      if (!kab_supervision_check_pseudonym (c->pseudonym,
                                            kab_client_get_given_name (client),
                                            kab_client_get_family_name (client),
                                            error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_meeting (KabStore        *self,
               KabSupervision  *meeting,
               GError         **error)
{
  gint64 id = kab_supervision_get_id (meeting);
  GPtrArray *cases = kab_supervision_get_cases (meeting);
  sqlite3_stmt *stmt;

  if (id == 0)
    stmt = kab_store_prepare (self,
      "INSERT INTO supervision (series_id, start, duration, kind, leader, group_name, notes,"
      " expense, currency) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  else
    stmt = kab_store_prepare (self,
      "UPDATE supervision SET series_id = ?1, start = ?2, duration = ?3, kind = ?4,"
      " leader = ?5, group_name = ?6, notes = ?7, expense = ?8, currency = ?9 WHERE id = ?10",
      error);
  if (stmt == NULL)
    return FALSE;

  kab_store_bind_id (stmt, 1, kab_supervision_get_series_id (meeting));
  kab_store_bind_time (stmt, 2, kab_supervision_get_start (meeting));
  sqlite3_bind_int (stmt, 3, kab_supervision_get_duration (meeting));
  kab_store_bind_text (stmt, 4, kab_supervision_kind_to_nick (kab_supervision_get_kind (meeting)));
  kab_store_bind_text (stmt, 5, kab_supervision_get_leader (meeting));
  kab_store_bind_text (stmt, 6, kab_supervision_get_group_name (meeting));
  kab_store_bind_text (stmt, 7, kab_supervision_get_notes (meeting));
  sqlite3_bind_int64 (stmt, 8, kab_supervision_get_expense (meeting));
  kab_store_bind_text (stmt, 9, kab_supervision_get_expense (meeting) > 0
                                  ? kab_supervision_get_currency (meeting) : "");
  if (id != 0)
    sqlite3_bind_int64 (stmt, 10, id);
  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);

  stmt = kab_store_prepare (self, "DELETE FROM supervision_case WHERE supervision_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < cases->len; i++)
    {
      KabSupervisionCase *c = g_ptr_array_index (cases, i);

      stmt = kab_store_prepare (self,
        "INSERT INTO supervision_case (supervision_id, client_id, pseudonym) VALUES (?1, ?2, ?3)",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, c->client_id);
      kab_store_bind_text (stmt, 3, c->pseudonym);
      if (!kab_store_step_done (self, stmt, error))
        return FALSE;
    }

  kab_supervision_set_id (meeting, id);
  return TRUE;
}

/* Group meetings show in the calendar, so the calendar hears of them. */
static void
supervision_written (KabStore *self)
{
  g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_SESSIONS_CHANGED], 0);
}

/**
 * kab_store_save_supervision:
 *
 * Saves a meeting and its cases in one transaction. A case without a code is given the
 * client's initials; a code that contains the client's name is refused.
 */
gboolean
kab_store_save_supervision (KabStore        *self,
                            KabSupervision  *meeting,
                            GError         **error)
{
  gint64 id;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_SUPERVISION (meeting), FALSE);

  if (!check_cases (self, meeting, error) || !kab_supervision_validate (meeting, error))
    return FALSE;

  id = kab_supervision_get_id (meeting);
  if (!kab_store_tx_begin (self, error))
    return FALSE;

  if (!write_meeting (self, meeting, error) || !kab_store_tx_commit (self, error))
    {
      kab_store_tx_rollback (self);
      kab_supervision_set_id (meeting, id);
      return FALSE;
    }

  supervision_written (self);
  return TRUE;
}

gboolean
kab_store_delete_supervision (KabStore        *self,
                              KabSupervision  *meeting,
                              GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_SUPERVISION (meeting), FALSE);

  stmt = kab_store_prepare (self, "DELETE FROM supervision WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, kab_supervision_get_id (meeting));
  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  supervision_written (self);
  return TRUE;
}

/**
 * kab_store_book_supervision_series:
 * @first: the first meeting; every other one is a copy of it without notes or cases
 * @interval_weeks: 1 for weekly, 2 for every second week …
 * @until: (nullable): the last day a meeting may fall on; %NULL for a year
 * @out_count: (out) (optional): how many meetings were booked
 *
 * Books a recurring group, e.g. a Balint group every second Wednesday at 18:00, as one
 * series of meetings at the same local time, in one transaction. The meetings are the
 * practitioner's own and never make a charge to a client.
 */
gboolean
kab_store_book_supervision_series (KabStore        *self,
                                   KabSupervision  *first,
                                   guint            interval_weeks,
                                   GDateTime       *until,
                                   guint           *out_count,
                                   GError         **error)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) last = NULL;
  sqlite3_stmt *stmt;
  gint64 series_id;
  guint count = 0;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_SUPERVISION (first), FALSE);

  if (!check_cases (self, first, error) || !kab_supervision_validate (first, error))
    return FALSE;

  if (interval_weeks < 1 || interval_weeks > 52)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE,
                           _("A group meets every 1 to 52 weeks."));
      return FALSE;
    }

  start = g_date_time_to_local (kab_supervision_get_start (first));
  if (until != NULL)
    {
      g_autoptr(GDateTime) day = g_date_time_to_local (until);
      last = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                    g_date_time_get_day_of_month (day), 23, 59, 59);
    }
  else
    last = g_date_time_add_weeks (start, SERIES_DEFAULT_WEEKS);

  if (g_date_time_compare (start, last) > 0)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE,
                           _("The series ends before its first meeting."));
      return FALSE;
    }

  if (!kab_store_tx_begin (self, error))
    return FALSE;

  stmt = kab_store_prepare (self,
    "INSERT INTO supervision_series (first_start, interval_weeks, until_date)"
    " VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    goto failed;
  kab_store_bind_time (stmt, 1, start);
  sqlite3_bind_int (stmt, 2, interval_weeks);
  kab_store_bind_date (stmt, 3, until);
  if (!kab_store_step_done (self, stmt, error))
    goto failed;
  series_id = sqlite3_last_insert_rowid (self->db);

  /* Each meeting is the first one moved by whole weeks in local time, so 18:00 stays
   * 18:00 across the change to and from summer time. */
  for (guint n = 0; count < SERIES_MAX_MEETINGS; n += interval_weeks)
    {
      g_autoptr(GDateTime) when = g_date_time_add_weeks (start, n);
      g_autoptr(KabSupervision) meeting = NULL;

      if (g_date_time_compare (when, last) > 0)
        break;

      meeting = kab_supervision_copy (first);
      kab_supervision_set_id (meeting, 0);
      kab_supervision_set_series_id (meeting, series_id);
      kab_supervision_set_start (meeting, when);
      if (n > 0)
        {
          kab_supervision_set_notes (meeting, "");
          kab_supervision_clear_cases (meeting);
        }
      if (!write_meeting (self, meeting, error))
        goto failed;
      count++;
    }

  if (!kab_store_tx_commit (self, error))
    goto failed;

  kab_supervision_set_series_id (first, series_id);
  if (out_count != NULL)
    *out_count = count;
  supervision_written (self);
  return TRUE;

failed:
  kab_store_tx_rollback (self);
  return FALSE;
}

/**
 * kab_store_get_supervision_minutes:
 * @from: (nullable): from this time; %NULL for the first meeting
 * @to: (nullable): before this time (exclusive); %NULL for the last
 * @out_minutes: (out): the minutes of meetings of each kind that started in the range
 *
 * The hours a licence or a certificate counts: per kind, a year at a time (from 1 January
 * to 1 January) or since a chosen date (up to now, so that booked meetings of a series
 * count only once they have taken place).
 */
gboolean
kab_store_get_supervision_minutes (KabStore   *self,
                                   GDateTime  *from,
                                   GDateTime  *to,
                                   gint64      out_minutes[KAB_SUPERVISION_N_KINDS],
                                   GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  for (guint i = 0; i < KAB_SUPERVISION_N_KINDS; i++)
    out_minutes[i] = 0;

  stmt = kab_store_prepare (self,
    "SELECT kind, SUM (duration) FROM supervision"
    " WHERE (?1 IS NULL OR start >= ?1) AND (?2 IS NULL OR start < ?2) GROUP BY kind", error);
  if (stmt == NULL)
    return FALSE;

  kab_store_bind_time (stmt, 1, from);
  kab_store_bind_time (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KabSupervisionKind kind;

      if (kab_supervision_kind_from_nick (kab_store_column_text (stmt, 0), &kind))
        out_minutes[kind] += sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/**
 * kab_store_list_supervision_for_client:
 *
 * For the client's journal: when the client's case was brought to supervision, and
 * nothing of the meeting's notes.
 *
 * Returns: (transfer full) (element-type GDateTime): the start of each meeting the client
 *   was brought to, local time, oldest first; %NULL on error
 */
GPtrArray *
kab_store_list_supervision_for_client (KabStore  *self,
                                       gint64     client_id,
                                       GError   **error)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self,
    "SELECT DISTINCT s.start FROM supervision s JOIN supervision_case c ON c.supervision_id = s.id"
    " WHERE c.client_id = ?1 ORDER BY s.start", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) utc = kab_store_column_time (stmt, 0);
      g_ptr_array_add (dates, g_date_time_to_local (utc));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&dates);
}

/**
 * kab_store_mark_reminder_prepared:
 *
 * Records that a reminder for @session_id was prepared at @when, so that "Prepare
 * tomorrow's reminders" leaves it out next time.
 */
gboolean
kab_store_mark_reminder_prepared (KabStore   *self,
                                  gint64      session_id,
                                  GDateTime  *when,
                                  GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (when != NULL, FALSE);

  stmt = kab_store_prepare (self,
    "INSERT INTO reminder (session_id, prepared) VALUES (?1, ?2)"
    " ON CONFLICT (session_id) DO UPDATE SET prepared = excluded.prepared", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session_id);
  kab_store_bind_time (stmt, 2, when);
  return kab_store_step_done (self, stmt, error);
}

/**
 * kab_store_get_reminder_prepared:
 * @out_when: (out) (transfer full) (nullable): when the reminder was prepared, or %NULL
 *   when it was not
 */
gboolean
kab_store_get_reminder_prepared (KabStore    *self,
                                 gint64       session_id,
                                 GDateTime  **out_when,
                                 GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_when != NULL, FALSE);

  *out_when = NULL;
  stmt = kab_store_prepare (self, "SELECT prepared FROM reminder WHERE session_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_when = kab_store_column_time (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/**
 * kab_store_dup_reminder_template:
 *
 * Returns: (transfer full) (nullable): the practitioner's own reminder text in @language,
 *   or %NULL when they kept the built-in one (or on error)
 */
char *
kab_store_dup_reminder_template (KabStore    *self,
                                 const char  *language,
                                 GError     **error)
{
  sqlite3_stmt *stmt;
  char *body = NULL;
  int rc;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self, "SELECT body FROM reminder_template WHERE language = ?1", error);
  if (stmt == NULL)
    return NULL;

  kab_store_bind_text (stmt, 1, language);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    body = g_strdup (kab_store_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    kab_store_set_error (self, error, rc);

  return body;
}

/**
 * kab_store_save_reminder_template:
 * @body: (nullable): the new text; %NULL or "" goes back to the built-in one
 */
gboolean
kab_store_save_reminder_template (KabStore    *self,
                                  const char  *language,
                                  const char  *body,
                                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  if (body == NULL || *body == '\0')
    stmt = kab_store_prepare (self, "DELETE FROM reminder_template WHERE language = ?1", error);
  else
    stmt = kab_store_prepare (self,
      "INSERT INTO reminder_template (language, body) VALUES (?1, ?2)"
      " ON CONFLICT (language) DO UPDATE SET body = excluded.body", error);
  if (stmt == NULL)
    return FALSE;

  kab_store_bind_text (stmt, 1, language);
  if (body != NULL && *body != '\0')
    kab_store_bind_text (stmt, 2, body);
  return kab_store_step_done (self, stmt, error);
}

static void
add_member_string (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/**
 * kab_store_export_supervision_json:
 * @from: (nullable): the first meeting's earliest start; %NULL for all
 * @to: (nullable): the end of the range (exclusive); %NULL for all
 *
 * Writes the log's meetings in [@from, @to) as JSON, for the practitioner's own records or
 * a training programme: dates, kinds, hours, supervisors, groups and the cases by their
 * code only. No client's name or id is written, and not the practitioner's own notes,
 * which may name a client.
 */
gboolean
kab_store_export_supervision_json (KabStore    *self,
                                   GDateTime   *from,
                                   GDateTime   *to,
                                   const char  *path,
                                   GError     **error)
{
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  meetings = kab_store_list_supervision (self, from, to, error);
  if (meetings == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "supervision");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(KabSupervision) meeting = g_list_model_get_item (meetings, i);
      g_autofree char *start = g_date_time_format_iso8601 (kab_supervision_get_start (meeting));
      GPtrArray *cases = kab_supervision_get_cases (meeting);

      json_builder_begin_object (builder);
      add_member_string (builder, "start", start);
      json_builder_set_member_name (builder, "minutes");
      json_builder_add_int_value (builder, kab_supervision_get_duration (meeting));
      add_member_string (builder, "kind", kab_supervision_kind_to_nick (kab_supervision_get_kind (meeting)));
      add_member_string (builder, "leader", kab_supervision_get_leader (meeting));
      add_member_string (builder, "group", kab_supervision_get_group_name (meeting));
      if (kab_supervision_get_expense (meeting) > 0)
        {
          json_builder_set_member_name (builder, "expense");
          json_builder_add_int_value (builder, kab_supervision_get_expense (meeting));
          add_member_string (builder, "currency", kab_supervision_get_currency (meeting));
        }
      json_builder_set_member_name (builder, "cases");
      json_builder_begin_array (builder);
      for (guint j = 0; j < cases->len; j++)
        json_builder_add_string_value (builder, ((KabSupervisionCase *) g_ptr_array_index (cases, j))->pseudonym);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
