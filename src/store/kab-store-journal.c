/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-journal.c: the clinical record: entries, signing, corrections, deletion by
 * the country's rule, the access log and search. The tables' triggers (schema step
 * "clinical record") refuse any change to a signed entry that does not come through
 * here, so this file is the only write path and the database enforces it too. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kab-country.h"
#include "kab-model-private.h"
#include "kab-store-private.h"

#define ENTRY_COLUMNS \
  "e.id, e.client_id, e.session_id, e.kind, e.occurred, e.text, e.updated, e.signed_at," \
  " e.signed_by, e.imported, e.deleted_at, e.deletion_reason," \
  " (SELECT count (*) FROM journal_correction c WHERE c.entry_id = e.id)"

/* A day after it was written, an unsigned entry is a reminder. */
#define TO_SIGN_AFTER_SECONDS (24 * 60 * 60)

void
kab_journal_access_free (KabJournalAccess *access)
{
  if (access == NULL)
    return;

  g_clear_pointer (&access->at, g_date_time_unref);
  g_free (access->detail);
  g_free (access);
}

static KabJournalEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  KabJournalEntry *entry = kab_journal_entry_new ();
  g_autoptr(GDateTime) occurred = kab_store_column_time (stmt, 4);
  g_autoptr(GDateTime) updated = kab_store_column_time (stmt, 6);
  g_autoptr(GDateTime) signed_at = kab_store_column_time (stmt, 7);
  g_autoptr(GDateTime) deleted_at = kab_store_column_time (stmt, 10);
  KabJournalKind kind = KAB_JOURNAL_KIND_NOTE;

  kab_journal_kind_from_nick (kab_store_column_text (stmt, 3), &kind);
  g_object_set (entry,
                "id", (gint64)sqlite3_column_int64 (stmt, 0),
                "client-id", (gint64)sqlite3_column_int64 (stmt, 1),
                "session-id", (gint64)sqlite3_column_int64 (stmt, 2),
                "kind", (int)kind,
                "occurred", occurred,
                "text", kab_store_column_text (stmt, 5),
                "updated", updated,
                "signed-at", signed_at,
                "signed-by", kab_store_column_text (stmt, 8),
                "imported", sqlite3_column_int (stmt, 9) != 0,
                "deleted-at", deleted_at,
                "deletion-reason", kab_store_column_text (stmt, 11),
                "n-corrections", (guint)sqlite3_column_int (stmt, 12),
                NULL);
  return entry;
}

/* Steps a prepared, bound statement to its end, a new entry per row. */
static GListModel *
collect_entries (KabStore      *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GListStore) entries = g_list_store_new (KAB_TYPE_JOURNAL_ENTRY);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(KabJournalEntry) entry = entry_from_row (stmt);
      g_list_store_append (entries, entry);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&entries));
}

/**
 * kab_store_list_journal:
 * @client_id: the client
 * @from: (nullable): the first instant, or %NULL for the first entry
 * @to: (nullable): the instant after the last, or %NULL for the last entry
 *
 * Lists without logging: a view that shows the journal logs the opening itself.
 *
 * Returns: (transfer full): the client's entries, newest first
 */
GListModel *
kab_store_list_journal (KabStore   *self,
                        gint64      client_id,
                        GDateTime  *from,
                        GDateTime  *to,
                        GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self,
    "SELECT " ENTRY_COLUMNS " FROM journal_entry e WHERE e.client_id = ?1"
    " AND (?2 IS NULL OR e.occurred >= ?2) AND (?3 IS NULL OR e.occurred < ?3)"
    " ORDER BY e.occurred DESC, e.id DESC", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, client_id);
  kab_store_bind_time (stmt, 2, from);
  kab_store_bind_time (stmt, 3, to);
  return collect_entries (self, stmt, error);
}

/* A phrase for FTS5: the user's words as they are, quotes doubled. */
static char *
fts_phrase (const char *query)
{
  g_autoptr(GString) phrase = g_string_new ("\"");

  for (const char *p = query; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');
  return g_string_free (g_steal_pointer (&phrase), FALSE);
}

typedef struct
{
  const char *needle;     /* folded */
  GHashTable *corrected;  /* entry ids whose correction holds the needle */
} CorrectionMatch;

static void
match_correction (sqlite3_stmt *stmt,
                  gpointer      user_data)
{
  CorrectionMatch *match = user_data;
  g_autofree char *text = g_utf8_casefold (kab_store_column_text (stmt, 1), -1);

  if (strstr (text, match->needle) != NULL)
    g_hash_table_add (match->corrected, GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 0)));
}

/* One client's journal is searched by folding each of its texts, the entries' and their
 * corrections', as the trigram index would match them (any part of a word, in any case).
 * It is small: the index, asked for a word that most entries share, reads that word's
 * whole list across the practice (40 ms at 60,000 entries), the client's 500 folded
 * texts take a few. Trigrams also need three characters, which this does not. */
static GListModel *
filter_client_journal (KabStore    *self,
                       gint64       client_id,
                       const char  *query,
                       GError     **error)
{
  g_autoptr(GListModel) all = kab_store_list_journal (self, client_id, NULL, NULL, error);
  g_autoptr(GListStore) found = g_list_store_new (KAB_TYPE_JOURNAL_ENTRY);
  g_autoptr(GHashTable) corrected = g_hash_table_new (NULL, NULL);
  g_autofree char *needle = g_utf8_casefold (query, -1);
  CorrectionMatch match = { needle, corrected };
  sqlite3_stmt *stmt;

  if (all == NULL)
    return NULL;

  stmt = kab_store_prepare (self,
    "SELECT c.entry_id, c.text FROM journal_correction c"
    " JOIN journal_entry e ON e.id = c.entry_id WHERE e.client_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  if (!kab_store_each_row (self, stmt, match_correction, &match, error))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(KabJournalEntry) entry = g_list_model_get_item (all, i);
      g_autofree char *text = g_utf8_casefold (kab_journal_entry_get_text (entry), -1);

      if (strstr (text, needle) != NULL ||
          g_hash_table_contains (corrected, GSIZE_TO_POINTER ((gsize) kab_journal_entry_get_id (entry))))
        g_list_store_append (found, entry);
    }

  return G_LIST_MODEL (g_steal_pointer (&found));
}

/* The FTS query behind the practice's searches: @max_results -1 for all. */
static GListModel *
search_journal (KabStore    *self,
                const char  *trimmed,
                int          max_results,
                GError     **error)
{
  g_autofree char *phrase = fts_phrase (trimmed);
  sqlite3_stmt *stmt;

  stmt = kab_store_prepare (self,
    "SELECT " ENTRY_COLUMNS " FROM journal_entry e"
    " WHERE (e.id IN (SELECT rowid FROM journal_fts WHERE journal_fts MATCH ?1)"
    "        OR e.id IN (SELECT c.entry_id FROM journal_correction c WHERE c.id IN"
    "                    (SELECT rowid FROM journal_correction_fts"
    "                     WHERE journal_correction_fts MATCH ?1)))"
    " ORDER BY e.occurred DESC, e.id DESC LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;

  kab_store_bind_text (stmt, 1, phrase);
  sqlite3_bind_int (stmt, 2, max_results);
  return collect_entries (self, stmt, error);
}

/**
 * kab_store_search_journal:
 * @client_id: the client, or 0 for the whole practice
 * @query: words as typed; any part of a word matches, in any script and case
 *
 * Returns: (transfer full): the matching entries, newest first
 */
GListModel *
kab_store_search_journal (KabStore    *self,
                          gint64       client_id,
                          const char  *query,
                          GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (query != NULL ? query : ""));

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  if (*trimmed == '\0')
    {
      if (client_id != 0)
        return kab_store_list_journal (self, client_id, NULL, NULL, error);
      return G_LIST_MODEL (g_list_store_new (KAB_TYPE_JOURNAL_ENTRY));
    }

  if (client_id != 0)
    return filter_client_journal (self, client_id, trimmed, error);

  if (g_utf8_strlen (trimmed, -1) < KAB_JOURNAL_SEARCH_MIN_CHARS)
    return G_LIST_MODEL (g_list_store_new (KAB_TYPE_JOURNAL_ENTRY));

  return search_journal (self, trimmed, -1, error);
}

/**
 * kab_store_search_practice_journal:
 * @query: words as typed, at least %KAB_JOURNAL_SEARCH_MIN_CHARS characters
 * @max_results: how many entries at most
 *
 * Searches every client's journal, entries and corrections. Lists without logging: what
 * a view shows of the entries it logs itself (kab_store_log_journal_entries_access()).
 *
 * Returns: (transfer full): the newest matching entries, newest first; none for a
 *   shorter query
 */
GListModel *
kab_store_search_practice_journal (KabStore    *self,
                                   const char  *query,
                                   guint        max_results,
                                   GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (query != NULL ? query : ""));

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);
  g_return_val_if_fail (max_results <= G_MAXINT, NULL);

  if (g_utf8_strlen (trimmed, -1) < KAB_JOURNAL_SEARCH_MIN_CHARS)
    return G_LIST_MODEL (g_list_store_new (KAB_TYPE_JOURNAL_ENTRY));

  return search_journal (self, trimmed, (int)max_results, error);
}

static KabJournalEntry *
load_one (KabStore    *self,
          const char  *sql,
          gint64       id,
          GError     **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self, sql, error);
  KabJournalEntry *entry = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry = entry_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    kab_store_set_error (self, error, rc);
  return entry;
}

/**
 * kab_store_load_journal_entry:
 *
 * Returns: (transfer full): the entry, or %NULL with @error when there is none
 */
KabJournalEntry *
kab_store_load_journal_entry (KabStore  *self,
                              gint64     id,
                              GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  KabJournalEntry *entry;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  entry = load_one (self, "SELECT " ENTRY_COLUMNS " FROM journal_entry e WHERE e.id = ?1",
                    id, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (entry == NULL)
    g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
                         _("The journal entry does not exist (any more)."));
  return entry;
}

/**
 * kab_store_find_session_journal_entry:
 *
 * Returns: (transfer full) (nullable): the session's entry (the first if several), or
 *   %NULL without @error when the session has none yet
 */
KabJournalEntry *
kab_store_find_session_journal_entry (KabStore  *self,
                                      gint64     session_id,
                                      GError   **error)
{
  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  return load_one (self,
                   "SELECT " ENTRY_COLUMNS " FROM journal_entry e WHERE e.session_id = ?1"
                   " ORDER BY e.id LIMIT 1", session_id, error);
}

static gboolean
insert_access (KabStore          *self,
               gint64             client_id,
               gint64             entry_id,
               KabJournalAction   action,
               const char        *detail,
               GError           **error)
{
  g_autoptr(GDateTime) now = kab_store_now ();
  sqlite3_stmt *stmt = kab_store_prepare (self,
    "INSERT INTO journal_access (at, client_id, entry_id, action, detail)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", error);

  if (stmt == NULL)
    return FALSE;

  kab_store_bind_time (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, client_id);
  kab_store_bind_id (stmt, 3, entry_id);
  kab_store_bind_text (stmt, 4, kab_journal_action_to_nick (action));
  kab_store_bind_text (stmt, 5, detail != NULL ? detail : "");
  return kab_store_step_done (self, stmt, error);
}

/**
 * kab_store_log_journal_access:
 * @entry_id: the entry, or 0 for the client's whole journal
 * @detail: (nullable): e.g. the date range printed
 *
 * Appends to the client's access log: the log cannot be changed or shortened.
 */
gboolean
kab_store_log_journal_access (KabStore          *self,
                              gint64             client_id,
                              gint64             entry_id,
                              KabJournalAction   action,
                              const char        *detail,
                              GError           **error)
{
  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  return insert_access (self, client_id, entry_id, action, detail, error);
}

/**
 * kab_store_log_journal_entries_access:
 * @entries: (element-type KabJournalEntry): the entries, of any clients
 * @detail: (nullable): the same for each row
 *
 * Appends one row per entry to its client's access log, all in one transaction.
 */
gboolean
kab_store_log_journal_entries_access (KabStore          *self,
                                      GPtrArray         *entries,
                                      KabJournalAction   action,
                                      const char        *detail,
                                      GError           **error)
{
  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);

  if (entries->len == 0)
    return TRUE;

  if (!kab_store_tx_begin (self, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      KabJournalEntry *entry = g_ptr_array_index (entries, i);

      if (!insert_access (self, kab_journal_entry_get_client_id (entry),
                          kab_journal_entry_get_id (entry), action, detail, error))
        {
          kab_store_tx_rollback (self);
          return FALSE;
        }
    }

  /* A failed commit has rolled back by itself. */
  return kab_store_tx_commit (self, error);
}

/**
 * kab_store_list_journal_access:
 *
 * Returns: (transfer full) (element-type KabJournalAccess): the client's log, oldest
 *   first
 */
GPtrArray *
kab_store_list_journal_access (KabStore  *self,
                               gint64     client_id,
                               GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)kab_journal_access_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self,
    "SELECT at, client_id, entry_id, action, detail FROM journal_access"
    " WHERE client_id = ?1 ORDER BY at, id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KabJournalAccess *access = g_new0 (KabJournalAccess, 1);

      access->at = kab_store_column_time (stmt, 0);
      access->client_id = sqlite3_column_int64 (stmt, 1);
      access->entry_id = sqlite3_column_int64 (stmt, 2);
      kab_journal_action_from_nick (kab_store_column_text (stmt, 3), &access->action);
      access->detail = g_strdup (kab_store_column_text (stmt, 4));
      g_ptr_array_add (rows, access);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static gboolean
refuse_signed (GError **error)
{
  g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                       _("The journal entry is signed and cannot be changed. "
                         "Add a dated correction instead."));
  return FALSE;
}

/**
 * kab_store_save_journal_draft:
 * @entry: a new entry (id 0) or an unsigned one
 *
 * Saves the text as it is now; what is signed is refused (a correction is the way).
 */
gboolean
kab_store_save_journal_draft (KabStore         *self,
                              KabJournalEntry  *entry,
                              GError          **error)
{
  g_autoptr(GDateTime) now = kab_store_now ();
  gint64 id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_JOURNAL_ENTRY (entry), FALSE);

  if (kab_journal_entry_is_signed (entry))
    return refuse_signed (error);

  if (!kab_journal_entry_validate (entry, error) ||
      !kab_store_client_exists (self, kab_journal_entry_get_client_id (entry), error))
    return FALSE;

  id = kab_journal_entry_get_id (entry);
  if (id == 0)
    stmt = kab_store_prepare (self,
      "INSERT INTO journal_entry (client_id, session_id, kind, occurred, text, created,"
      " updated, imported) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)", error);
  else
    stmt = kab_store_prepare (self,
      "UPDATE journal_entry SET client_id = ?2, session_id = ?3, kind = ?4, occurred = ?5,"
      " text = ?6, updated = ?7 WHERE id = ?1 AND signed_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;

  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, kab_journal_entry_get_client_id (entry));
  kab_store_bind_id (stmt, 3, kab_journal_entry_get_session_id (entry));
  kab_store_bind_text (stmt, 4, kab_journal_kind_to_nick (kab_journal_entry_get_kind (entry)));
  kab_store_bind_time (stmt, 5, kab_journal_entry_get_occurred (entry));
  kab_store_bind_text (stmt, 6, kab_journal_entry_get_text (entry));
  kab_store_bind_time (stmt, 7, now);
  if (id == 0)
    sqlite3_bind_int (stmt, 8, kab_journal_entry_get_imported (entry));

  kab_store_pending_journal (self, entry, now);
  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    kab_journal_entry_set_id (entry, sqlite3_last_insert_rowid (self->db));
  else if (sqlite3_changes (self->db) == 0)
    return refuse_signed (error);

  kab_journal_entry_set_updated (entry, now);
  return TRUE;
}

/* "Name, title" from Preferences: who signs and corrects. */
static char *
practitioner_signature (KabStore *self)
{
  const char *name = kab_practice_get_practitioner_name (self->practice);
  const char *title = kab_practice_get_title (self->practice);
  g_autofree char *stripped_name = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *stripped_title = g_strstrip (g_strdup (title != NULL ? title : ""));

  if (*stripped_name == '\0' || *stripped_title == '\0')
    return g_steal_pointer (&stripped_name);

  return g_strdup_printf ("%s, %s", stripped_name, stripped_title);
}

static gboolean
require_signer (const char  *signer,
                GError     **error)
{
  if (signer != NULL && *signer != '\0')
    return TRUE;

  g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                       _("Journal entries are signed with the practitioner’s name. "
                         "Enter it in Preferences first."));
  return FALSE;
}

/**
 * kab_store_sign_journal_entry:
 * @entry: a draft; its current text is saved and signed
 *
 * Signs with the practitioner's name and title from Preferences and the time now. From
 * then on the text cannot change: the store's trigger refuses it.
 */
gboolean
kab_store_sign_journal_entry (KabStore         *self,
                              KabJournalEntry  *entry,
                              GError          **error)
{
  g_autoptr(GDateTime) now = kab_store_now ();
  g_autofree char *signer = practitioner_signature (self);
  g_autoptr(KabJournalEntry) copy = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_JOURNAL_ENTRY (entry), FALSE);

  if (kab_journal_entry_is_signed (entry))
    return refuse_signed (error);

  if (!require_signer (signer, error))
    return FALSE;

  copy = kab_journal_entry_copy (entry);
  kab_journal_entry_set_signed_at (copy, now);
  kab_journal_entry_set_signed_by (copy, signer);
  if (!kab_journal_entry_validate (copy, error))
    return FALSE;

  if (!kab_store_tx_begin (self, error))
    return FALSE;

  /* A new entry is written first, so that it has an id to sign. */
  if (kab_journal_entry_get_id (copy) == 0 && !kab_store_save_journal_draft (self, entry, error))
    goto fail;
  kab_journal_entry_set_id (copy, kab_journal_entry_get_id (entry));

  stmt = kab_store_prepare (self,
    "UPDATE journal_entry SET kind = ?2, occurred = ?3, text = ?4, updated = ?5,"
    " signed_at = ?5, signed_by = ?6 WHERE id = ?1 AND signed_at IS NULL", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, kab_journal_entry_get_id (copy));
  kab_store_bind_text (stmt, 2, kab_journal_kind_to_nick (kab_journal_entry_get_kind (copy)));
  kab_store_bind_time (stmt, 3, kab_journal_entry_get_occurred (copy));
  kab_store_bind_text (stmt, 4, kab_journal_entry_get_text (copy));
  kab_store_bind_time (stmt, 5, now);
  kab_store_bind_text (stmt, 6, signer);
  if (!kab_store_step_done (self, stmt, error))
    goto fail;

  if (sqlite3_changes (self->db) == 0)
    {
      refuse_signed (error);
      goto fail;
    }

  if (!insert_access (self, kab_journal_entry_get_client_id (copy),
                      kab_journal_entry_get_id (copy), KAB_JOURNAL_ACTION_SIGNED, NULL, error))
    goto fail;

  /* A failed commit has rolled back by itself. */
  if (!kab_store_tx_commit (self, error))
    return FALSE;

  g_object_set (entry, "signed-at", now, "signed-by", signer, "updated", now, NULL);
  return TRUE;

fail:
  kab_store_tx_rollback (self);
  return FALSE;
}

static gboolean
add_correction (KabStore          *self,
                KabJournalEntry   *entry,
                const char        *reason,
                const char        *text,
                gboolean           objection,
                GError           **error)
{
  g_autoptr(GDateTime) now = kab_store_now ();
  g_autofree char *signer = practitioner_signature (self);
  sqlite3_stmt *stmt;

  if (!kab_journal_entry_is_signed (entry) || kab_journal_entry_is_deleted (entry))
    {
      g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                           _("Only a signed journal entry takes corrections. "
                             "Edit the draft itself instead."));
      return FALSE;
    }

  if (!objection && kab_model_text_is_blank (reason))
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_MISSING_VALUE,
                           _("Say why the entry is corrected."));
      return FALSE;
    }

  if (kab_model_text_is_blank (text))
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_MISSING_VALUE,
                           objection ? _("Write down the client’s objection.")
                                     : _("Write the corrected text."));
      return FALSE;
    }

  if (!kab_model_check_long_text (text, _("Correction"), error) ||
      !kab_model_check_long_text (reason, _("Reason"), error) ||
      !require_signer (signer, error))
    return FALSE;

  if (!kab_store_tx_begin (self, error))
    return FALSE;

  stmt = kab_store_prepare (self,
    "INSERT INTO journal_correction (entry_id, made_at, made_by, reason, text, objection)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, kab_journal_entry_get_id (entry));
  kab_store_bind_time (stmt, 2, now);
  kab_store_bind_text (stmt, 3, signer);
  kab_store_bind_text (stmt, 4, reason != NULL ? reason : "");
  kab_store_bind_text (stmt, 5, text);
  sqlite3_bind_int (stmt, 6, objection);
  if (!kab_store_step_done (self, stmt, error) ||
      !insert_access (self, kab_journal_entry_get_client_id (entry),
                      kab_journal_entry_get_id (entry),
                      objection ? KAB_JOURNAL_ACTION_OBJECTION : KAB_JOURNAL_ACTION_CORRECTED,
                      NULL, error))
    goto fail;

  /* A failed commit has rolled back by itself. */
  if (!kab_store_tx_commit (self, error))
    return FALSE;

  kab_journal_entry_set_n_corrections (entry, kab_journal_entry_get_n_corrections (entry) + 1);
  return TRUE;

fail:
  kab_store_tx_rollback (self);
  return FALSE;
}

/**
 * kab_store_correct_journal_entry:
 * @reason: why it is corrected
 * @text: the corrected text, shown next to the original
 *
 * Adds a dated correction by the practitioner to a signed entry; the entry is not
 * touched.
 */
gboolean
kab_store_correct_journal_entry (KabStore         *self,
                                 KabJournalEntry  *entry,
                                 const char       *reason,
                                 const char       *text,
                                 GError          **error)
{
  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_JOURNAL_ENTRY (entry), FALSE);

  return add_correction (self, entry, reason, text, FALSE, error);
}

/**
 * kab_store_record_journal_objection:
 * @objection: what the client objects to, in the practitioner's words
 *
 * Attaches the client's objection to a signed entry: in Sweden this is what the
 * practitioner does instead of deleting (only IVO can order destruction).
 */
gboolean
kab_store_record_journal_objection (KabStore         *self,
                                    KabJournalEntry  *entry,
                                    const char       *objection,
                                    GError          **error)
{
  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_JOURNAL_ENTRY (entry), FALSE);

  return add_correction (self, entry, "", objection, TRUE, error);
}

/**
 * kab_store_list_journal_corrections:
 *
 * Returns: (transfer full) (element-type KabJournalCorrection): the entry's
 *   corrections and objections, oldest first
 */
GPtrArray *
kab_store_list_journal_corrections (KabStore  *self,
                                    gint64     entry_id,
                                    GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)kab_journal_correction_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self,
    "SELECT id, entry_id, made_at, made_by, reason, text, objection FROM journal_correction"
    " WHERE entry_id = ?1 ORDER BY made_at, id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, entry_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KabJournalCorrection *correction = g_new0 (KabJournalCorrection, 1);

      correction->id = sqlite3_column_int64 (stmt, 0);
      correction->entry_id = sqlite3_column_int64 (stmt, 1);
      correction->made_at = kab_store_column_time (stmt, 2);
      correction->made_by = g_strdup (kab_store_column_text (stmt, 3));
      correction->reason = g_strdup (kab_store_column_text (stmt, 4));
      correction->text = g_strdup (kab_store_column_text (stmt, 5));
      correction->objection = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (rows, correction);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static gboolean
delete_draft (KabStore         *self,
              KabJournalEntry  *entry,
              const char       *reason,
              GError          **error)
{
  sqlite3_stmt *stmt;

  if (!kab_store_tx_begin (self, error))
    return FALSE;

  stmt = kab_store_prepare (self,
    "DELETE FROM journal_entry WHERE id = ?1 AND signed_at IS NULL", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, kab_journal_entry_get_id (entry));
  if (!kab_store_step_done (self, stmt, error) ||
      !insert_access (self, kab_journal_entry_get_client_id (entry),
                      kab_journal_entry_get_id (entry), KAB_JOURNAL_ACTION_DELETED,
                      reason, error))
    goto fail;

  /* A failed commit has rolled back by itself. */
  if (!kab_store_tx_commit (self, error))
    return FALSE;

  return TRUE;

fail:
  kab_store_tx_rollback (self);
  return FALSE;
}

/* The country's rule for deleting a signed entry: %TRUE when it may go ahead. */
static gboolean
check_deletion_rule (KabStore    *self,
                     const char  *reason,
                     GDateTime   *decided,
                     GError     **error)
{
  const char *country = kab_practice_get_country (self->practice);

  if (g_strcmp0 (country, KAB_COUNTRY_SWEDEN) == 0)
    {
      g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                           _("In Sweden a signed journal entry cannot be deleted: only "
                             "IVO can order that records be destroyed. Record the "
                             "client’s objection with the entry instead."));
      return FALSE;
    }

  if (kab_model_text_is_blank (reason))
    {
      g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                           _("A signed journal entry is deleted only with a reason. "
                             "Say why it is deleted."));
      return FALSE;
    }

  if (g_strcmp0 (country, KAB_COUNTRY_NORWAY) == 0 && decided == NULL)
    {
      g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                           _("In Norway a journal entry is deleted only after a decision "
                             "(helsepersonelloven § 43). Enter the date of the decision."));
      return FALSE;
    }

  return TRUE;
}

/**
 * kab_store_delete_journal_entry:
 * @reason: (nullable): why; required for a signed entry
 * @decided: (nullable): the date of the decision to delete; required in Norway
 *
 * A draft is deleted outright. A signed entry follows the practice's country: refused
 * in Sweden; in Norway and elsewhere its text and corrections are erased, and the entry
 * stays as a dated mark of the deletion with its reason. Every deletion is logged.
 */
gboolean
kab_store_delete_journal_entry (KabStore         *self,
                                KabJournalEntry  *entry,
                                const char       *reason,
                                GDateTime        *decided,
                                GError          **error)
{
  g_autoptr(GDateTime) now = kab_store_now ();
  g_autofree char *detail = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *decided_text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_JOURNAL_ENTRY (entry), FALSE);

  if (!kab_journal_entry_is_signed (entry))
    return delete_draft (self, entry, reason, error);

  if (kab_journal_entry_is_deleted (entry))
    return TRUE;

  if (!check_deletion_rule (self, reason, decided, error))
    return FALSE;

  trimmed = g_strstrip (g_strdup (reason));
  decided_text = decided != NULL ? g_date_time_format (decided, "%Y-%m-%d") : NULL;
  detail = decided_text != NULL ? g_strdup_printf ("%s (%s)", trimmed, decided_text)
                                : g_strdup (trimmed);

  if (!kab_store_tx_begin (self, error))
    return FALSE;

  /* The log row first: the trigger lets the text go only when the deletion is logged. */
  if (!insert_access (self, kab_journal_entry_get_client_id (entry),
                      kab_journal_entry_get_id (entry), KAB_JOURNAL_ACTION_DELETED,
                      detail, error))
    goto fail;

  stmt = kab_store_prepare (self,
    "UPDATE journal_entry SET text = '', deleted_at = ?2, deletion_reason = ?3,"
    " deletion_decided = ?4, updated = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, kab_journal_entry_get_id (entry));
  kab_store_bind_time (stmt, 2, now);
  kab_store_bind_text (stmt, 3, trimmed);
  kab_store_bind_date (stmt, 4, decided);
  if (!kab_store_step_done (self, stmt, error))
    goto fail;

  stmt = kab_store_prepare (self,
    "UPDATE journal_correction SET text = '', reason = '' WHERE entry_id = ?1", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, kab_journal_entry_get_id (entry));
  if (!kab_store_step_done (self, stmt, error))
    goto fail;

  /* A failed commit has rolled back by itself. */
  if (!kab_store_tx_commit (self, error))
    return FALSE;

  g_object_set (entry, "text", "", "deleted-at", now, "deletion-reason", trimmed,
                "updated", now, NULL);
  return TRUE;

fail:
  kab_store_tx_rollback (self);
  return FALSE;
}

/**
 * kab_store_count_journal_to_sign:
 * @now: the time to count from
 *
 * Counts the entries written more than a day before @now and still unsigned (imported
 * notes are not reminders: they were never meant to be signed).
 */
gboolean
kab_store_count_journal_to_sign (KabStore   *self,
                                 GDateTime  *now,
                                 guint      *out_count,
                                 GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  stmt = kab_store_prepare (self,
    "SELECT count (*) FROM journal_entry WHERE signed_at IS NULL AND created < ?1"
    " AND imported = 0 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (now) - TO_SIGN_AFTER_SECONDS);
  rc = sqlite3_step (stmt);
  *out_count = rc == SQLITE_ROW ? (guint)sqlite3_column_int (stmt, 0) : 0;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/**
 * kab_store_list_journal_to_sign:
 *
 * Returns: (transfer full): the entries kab_store_count_journal_to_sign() counts,
 *   oldest first
 */
GListModel *
kab_store_list_journal_to_sign (KabStore   *self,
                                GDateTime  *now,
                                GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self,
    "SELECT " ENTRY_COLUMNS " FROM journal_entry e WHERE e.signed_at IS NULL"
    " AND e.created < ?1 AND e.imported = 0 AND e.deleted_at IS NULL"
    " ORDER BY e.occurred, e.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (now) - TO_SIGN_AFTER_SECONDS);
  return collect_entries (self, stmt, error);
}

/**
 * kab_store_dup_journal_template:
 * @language: "sv", "nb", "ru" or "en"
 *
 * Returns: (transfer full): the headings the practitioner set for @language in
 *   Preferences, else kab_journal_default_template()
 */
char *
kab_store_dup_journal_template (KabStore   *self,
                                const char *language)
{
  sqlite3_stmt *stmt;
  char *body = NULL;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self, "SELECT body FROM journal_template WHERE language = ?1", NULL);
  if (stmt != NULL)
    {
      kab_store_bind_text (stmt, 1, language);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        body = g_strdup (kab_store_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  return body != NULL ? body : kab_journal_default_template (language);
}

/**
 * kab_store_save_journal_template:
 * @body: the headings; empty goes back to the default
 */
gboolean
kab_store_save_journal_template (KabStore    *self,
                                 const char  *language,
                                 const char  *body,
                                 GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  if (!kab_model_check_long_text (body, _("Template"), error))
    return FALSE;

  if (kab_model_text_is_blank (body))
    stmt = kab_store_prepare (self, "DELETE FROM journal_template WHERE language = ?1", error);
  else
    stmt = kab_store_prepare (self,
      "INSERT INTO journal_template (language, body) VALUES (?1, ?2)"
      " ON CONFLICT (language) DO UPDATE SET body = excluded.body", error);
  if (stmt == NULL)
    return FALSE;

  kab_store_bind_text (stmt, 1, language);
  if (!kab_model_text_is_blank (body))
    kab_store_bind_text (stmt, 2, body);
  return kab_store_step_done (self, stmt, error);
}
