/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-export.c: everything about one client as JSON, and erasing a client entirely */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "kab-store-private.h"
#include "kab-text.h"

/* The version of the export's layout, for programs that read it. */
#define KAB_EXPORT_FORMAT_VERSION 1

/* Columns stored as Unix times; exported as ISO 8601 in UTC. */
static const char * const time_columns[] = {
  "start", "date", "created", "updated", "printed_on", "signed_on", "withdrawn_on",
  "occurred", "signed_at", "deleted_at", "made_at", "at", NULL
};

/* Columns stored as 0 or 1. */
static const char * const boolean_columns[] = { "detached", "imported", "objection", NULL };

typedef struct
{
  const char *member;
  const char *sql;
} KabExportPart;

/* Every table with a client's records, every column but the store's own bookkeeping
 * (name_fold, expanded_until). */
static const KabExportPart export_parts[] = {
  { "series",
    "SELECT id, first_date, until_date, start_minute, duration, interval_weeks, tzid, kind,"
    " fee FROM series WHERE client_id = ?1 ORDER BY id" },
  { "sessions",
    "SELECT id, series_id, start, tzid, duration, kind, status, fee, note, detached"
    " FROM session WHERE client_id = ?1 ORDER BY start, id" },
  { "charges",
    "SELECT id, session_id, date, amount, currency, kind, period, note"
    " FROM charge WHERE client_id = ?1 ORDER BY date, id" },
  { "payments",
    "SELECT id, date, amount, currency, method, note"
    " FROM payment WHERE client_id = ?1 ORDER BY date, id" },
  { "consents",
    "SELECT id, template_id, template_version, language, title, created, printed_on,"
    " signed_on, withdrawn_on, rendered_text FROM consent WHERE client_id = ?1"
    " ORDER BY created, id" },
  /* The clinical record: drafts are marked by "signed_at": null. */
  { "journal",
    "SELECT id, session_id, kind, occurred, text, created, updated, signed_at, signed_by,"
    " imported, deleted_at, deletion_reason, deletion_decided FROM journal_entry"
    " WHERE client_id = ?1 ORDER BY occurred, id" },
  { "journal_corrections",
    "SELECT c.id, c.entry_id, c.made_at, c.made_by, c.reason, c.text, c.objection"
    " FROM journal_correction c JOIN journal_entry e ON e.id = c.entry_id"
    " WHERE e.client_id = ?1 ORDER BY c.made_at, c.id" },
  { "journal_access_log",
    "SELECT at, entry_id, action, detail FROM journal_access WHERE client_id = ?1"
    " ORDER BY at, id" },
};

static void
add_time (JsonBuilder *builder,
          gint64       unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);
  g_autofree char *text = time != NULL ? g_date_time_format_iso8601 (time) : NULL;

  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_int_value (builder, unix_time);
}

/* One row as an object whose members are the columns, by name. */
static void
add_row (sqlite3_stmt *stmt,
         gpointer      user_data)
{
  JsonBuilder *builder = user_data;
  int n = sqlite3_column_count (stmt);

  json_builder_begin_object (builder);
  for (int i = 0; i < n; i++)
    {
      const char *name = sqlite3_column_name (stmt, i);

      json_builder_set_member_name (builder, name);
      if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
        json_builder_add_null_value (builder);
      else if (g_strv_contains (time_columns, name))
        add_time (builder, sqlite3_column_int64 (stmt, i));
      else if (g_strv_contains (boolean_columns, name))
        json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, i) != 0);
      else if (sqlite3_column_type (stmt, i) == SQLITE_INTEGER)
        json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, i));
      else
        json_builder_add_string_value (builder, kab_store_column_text (stmt, i));
    }
  json_builder_end_object (builder);
}

static gboolean
add_rows (KabStore     *self,
          JsonBuilder  *builder,
          const char   *sql,
          gint64        client_id,
          gboolean      single,
          GError      **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self, sql, error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  if (single)
    return kab_store_query_row (self, stmt, add_row, builder, NULL, error);

  json_builder_begin_array (builder);
  ok = kab_store_each_row (self, stmt, add_row, builder, error);
  json_builder_end_array (builder);
  return ok;
}

static void
add_header (KabStore    *self,
            JsonBuilder *builder,
            gint64       client_id)
{
  KabPractice *practice = self->practice;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *exported = g_date_time_format_iso8601 (now);
  gint64 balance = 0;

  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "org.kabinett.Kabinett.client-export");
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, KAB_EXPORT_FORMAT_VERSION);
  json_builder_set_member_name (builder, "exported");
  json_builder_add_string_value (builder, exported);
  json_builder_set_member_name (builder, "amounts");
  json_builder_add_string_value (builder, "integers in minor units of the currency "
                                          "(cents, öre, kopeks): 150000 SEK is 1500.00 kr");

  json_builder_set_member_name (builder, "practice");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "practitioner_name");
  json_builder_add_string_value (builder, kab_practice_get_practitioner_name (practice));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, kab_practice_get_title (practice));
  json_builder_set_member_name (builder, "address");
  json_builder_add_string_value (builder, kab_practice_get_address (practice));
  json_builder_set_member_name (builder, "phone");
  json_builder_add_string_value (builder, kab_practice_get_phone (practice));
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, kab_practice_get_email (practice));
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, kab_practice_get_currency (practice));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "balance");
  if (kab_store_get_balance (self, client_id, &balance, NULL))
    json_builder_add_int_value (builder, balance);
  else
    json_builder_add_null_value (builder);
}

static gboolean
write_private_file (const char  *path,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  int code = KAB_STORE_ERROR_FAILED;

  if (g_file_set_contents_full (path, data, length,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                0600, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC))
    code = KAB_STORE_ERROR_FULL;
  else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES)
           || g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ROFS)
           || g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_PERM))
    code = KAB_STORE_ERROR_READ_ONLY;

  display = g_filename_display_name (path);
  g_set_error (error, KAB_STORE_ERROR, code,
               _("The export “%s” could not be written: %s"), display, local_error->message);
  return FALSE;
}

/**
 * kab_store_export_client_json:
 * @client_id: the client
 * @path: (type filename): the file to write; replaced atomically, mode 0600
 *
 * Writes everything the practice holds about one client as JSON, for a client who asks
 * for their records or to take them elsewhere: the client's details, recurring
 * appointments, sessions, charges, payments and agreements with the text exactly as it
 * was printed. Times are ISO 8601 in UTC, dates YYYY-MM-DD, amounts integers in minor
 * units, enumerations their stable names ("attended", "bank-transfer").
 */
gboolean
kab_store_export_client_json (KabStore    *self,
                              gint64       client_id,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  gboolean ok;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!kab_store_client_exists (self, client_id, error))
    return FALSE;

  /* Logged first, so that the log in the export shows this export too. */
  if (!kab_store_log_journal_access (self, client_id, 0, KAB_JOURNAL_ACTION_EXPORTED,
                                     NULL, error))
    return FALSE;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_header (self, builder, client_id);

  /* One read transaction: the parts agree with each other even if a write came between. */
  if (!kab_store_tx_begin (self, error))
    return FALSE;

  json_builder_set_member_name (builder, "client");
  ok = add_rows (self, builder,
                 "SELECT id, given_name, family_name, birth_date, phone, email, address,"
                 " emergency_contact, status, service, billing_plan, fee, package_size, notes,"
                 " identity_number, created, updated FROM client WHERE id = ?1",
                 client_id, TRUE, error);

  for (guint i = 0; ok && i < G_N_ELEMENTS (export_parts); i++)
    {
      json_builder_set_member_name (builder, export_parts[i].member);
      ok = add_rows (self, builder, export_parts[i].sql, client_id, FALSE, error);
    }

  kab_store_tx_rollback (self);
  if (!ok)
    return FALSE;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  return write_private_file (path, data, length, error);
}

/* Retention and erasure */

static void
read_last (sqlite3_stmt *stmt,
           gpointer      user_data)
{
  *(GDateTime **)user_data = kab_store_column_time (stmt, 0);
}

static gboolean
query_last_record (KabStore   *self,
                   gint64      client_id,
                   GDateTime  *now,
                   GDateTime **out_last,
                   GError    **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self,
    "SELECT max(t) FROM ("
    " SELECT max(start) AS t FROM session WHERE client_id = ?1 AND start <= ?2"
    " UNION ALL SELECT max(date) FROM charge WHERE client_id = ?1 AND date <= ?2"
    " UNION ALL SELECT max(date) FROM payment WHERE client_id = ?1 AND date <= ?2)", error);

  *out_last = NULL;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  kab_store_bind_time (stmt, 2, now);
  return kab_store_query_row (self, stmt, read_last, out_last, NULL, error);
}

/**
 * kab_store_get_retention_end:
 * @client_id: the client
 * @now: the current time
 * @out_until: (out) (transfer full) (nullable): the first day the client's records may
 *   be erased (local midnight), or %NULL when they may be erased now
 *
 * The practice keeps records for its retention-years after a client's last session or
 * payment (the last of the client's sessions, charges and payments up to @now).
 */
gboolean
kab_store_get_retention_end (KabStore    *self,
                             gint64       client_id,
                             GDateTime   *now,
                             GDateTime  **out_until,
                             GError     **error)
{
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  int years;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (out_until != NULL, FALSE);

  *out_until = NULL;
  if (!kab_store_client_exists (self, client_id, error))
    return FALSE;

  years = kab_practice_get_retention_years (self->practice);
  if (years <= 0)
    return TRUE;

  if (!query_last_record (self, client_id, now, &last, error))
    return FALSE;

  if (last == NULL)
    return TRUE;

  local = g_date_time_to_local (last);
  tz = g_time_zone_new_local ();
  until = g_date_time_new (tz, g_date_time_get_year (local), g_date_time_get_month (local),
                           g_date_time_get_day_of_month (local), 0, 0, 0);
  if (until == NULL)
    return TRUE;

  /* 29 February moves to 28 February in a year that has none. */
  {
    g_autoptr(GDateTime) shifted = g_date_time_add_years (until, years);

    if (shifted == NULL || g_date_time_compare (now, shifted) >= 0)
      return TRUE;

    *out_until = g_steal_pointer (&shifted);
  }

  return TRUE;
}

static char *
format_day (GDateTime *date)
{
  /* Translators: the date from which a client's records may be erased, e.g.
   * “3 March 2035”; see strftime */
  g_autofree char *text = g_date_time_format (date, _("%-d %B %Y"));

  return g_strdup (g_strstrip (text != NULL ? text : ""));
}

static gboolean
delete_records (KabStore  *self,
                gint64     client_id,
                GError   **error)
{
  /* Children before parents: charges point at sessions, sessions at series. */
  static const char * const statements[] = {
    /* The journal's guards let its rows go only for a client being erased. */
    "INSERT OR IGNORE INTO journal_erasure (client_id) VALUES (?1)",
    "DELETE FROM journal_access WHERE client_id = ?1",
    "DELETE FROM journal_correction WHERE entry_id IN"
    " (SELECT id FROM journal_entry WHERE client_id = ?1)",
    "DELETE FROM journal_entry WHERE client_id = ?1",
    "DELETE FROM journal_erasure WHERE client_id = ?1",
    "DELETE FROM consent WHERE client_id = ?1",
    "UPDATE session SET package_id = NULL WHERE client_id = ?1",
    "DELETE FROM package WHERE client_id = ?1",
    "DELETE FROM supervision_case WHERE client_id = ?1",
    "DELETE FROM reminder WHERE session_id IN (SELECT id FROM session WHERE client_id = ?1)",
    "DELETE FROM charge WHERE client_id = ?1",
    "DELETE FROM payment WHERE client_id = ?1",
    "DELETE FROM session WHERE client_id = ?1",
    "DELETE FROM series_exception WHERE series_id IN"
    " (SELECT id FROM series WHERE client_id = ?1)",
    "DELETE FROM series WHERE client_id = ?1",
    "DELETE FROM client WHERE id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = kab_store_prepare (self, statements[i], error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, client_id);
      if (!kab_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
forget_client (KabStore  *self,
               KabClient *client,
               gint64     client_id)
{
  guint position;

  /* Forgotten by id first: who listens to the list's items-changed must no longer find
   * the client (the Clients view then closes their details). */
  g_hash_table_remove (self->clients_by_id, &client_id);
  if (g_list_store_find (self->clients, client, &position))
    g_list_store_remove (self->clients, position);
}

/**
 * kab_store_erase_client:
 * @client_id: the client to erase
 * @override_retention: erase even while the records must still be kept
 * @now: the current time, for the retention period
 *
 * Deletes a client and every record about them — sessions, recurring appointments,
 * charges, payments, agreements — in one transaction, then checkpoints the journal so
 * that the deleted pages (overwritten, as the database uses secure_delete) leave the
 * files. Backups made before keep the client until they are rotated away.
 *
 * While the practice's retention period after the client's last session or payment has
 * not passed (kab_store_get_retention_end()), this is refused with
 * %KAB_STORE_ERROR_REFUSED and a message giving the reason and the date from which it is
 * possible, unless @override_retention.
 */
gboolean
kab_store_erase_client (KabStore    *self,
                        gint64       client_id,
                        gboolean     override_retention,
                        GDateTime   *now,
                        GError     **error)
{
  g_autoptr(KabClient) client = NULL;
  g_autoptr(GDateTime) until = NULL;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!kab_store_client_exists (self, client_id, error))
    return FALSE;

  client = g_object_ref (kab_store_find_client (self, client_id));

  if (!override_retention)
    {
      if (!kab_store_get_retention_end (self, client_id, now, &until, error))
        return FALSE;

      if (until != NULL)
        {
          int years = kab_practice_get_retention_years (self->practice);
          g_autofree char *day = format_day (until);
          g_autofree char *name = kab_isolate (kab_client_get_display_name (client));

          g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                       /* Translators: %1$s is the client's name, %2$s a date such as
                        * “3 March 2035”, %3$d the number of years set in Preferences */
                       ngettext ("The records of %1$s must be kept until %2$s: %3$d year "
                                 "after their last session or payment, as set in "
                                 "Preferences. They can be erased from that date.",
                                 "The records of %1$s must be kept until %2$s: %3$d years "
                                 "after their last session or payment, as set in "
                                 "Preferences. They can be erased from that date.",
                                 years),
                       name, day, years);
          return FALSE;
        }
    }

  if (!kab_store_tx_begin (self, error))
    return FALSE;

  if (!delete_records (self, client_id, error))
    {
      kab_store_tx_rollback (self);
      return FALSE;
    }

  if (!kab_store_tx_commit (self, error))
    return FALSE;

  forget_client (self, client, client_id);

  /* Outside a caller's transaction, move the change out of the journal now. */
  if (self->tx_depth == 0)
    sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);

  g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_SESSIONS_CHANGED], 0);
  g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_LEDGER_CHANGED], 0, client_id);
  g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_CONSENTS_CHANGED], 0, client_id);

  return TRUE;
}
