/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-consent.c: agreement templates (versioned) and each client's agreements */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kab-store-private.h"

#define TEMPLATE_COLUMNS "id, key, language, title, version, body, builtin, created"

static gpointer
template_from_row (sqlite3_stmt *stmt)
{
  KabConsentTemplate *template = kab_consent_template_new ();
  g_autoptr(GDateTime) created = kab_store_column_time (stmt, 7);

  g_object_set (template,
                "id", (gint64)sqlite3_column_int64 (stmt, 0),
                "key", kab_store_column_text (stmt, 1),
                "language", kab_store_column_text (stmt, 2),
                "title", kab_store_column_text (stmt, 3),
                "version", sqlite3_column_int (stmt, 4),
                "body", kab_store_column_text (stmt, 5),
                "builtin", sqlite3_column_int (stmt, 6) != 0,
                "created", created,
                NULL);
  return template;
}

/**
 * kab_store_list_consent_templates:
 *
 * Returns: (transfer full): every version of every template, by key then version
 */
GListModel *
kab_store_list_consent_templates (KabStore  *self,
                                  GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self,
    "SELECT " TEMPLATE_COLUMNS " FROM consent_template ORDER BY key, version", error);
  if (stmt == NULL)
    return NULL;

  return kab_store_collect (self, stmt, KAB_TYPE_CONSENT_TEMPLATE, template_from_row, error);
}

static gboolean
query_int64 (KabStore    *self,
             const char  *sql,
             gint64       id,
             const char  *text,
             gint64      *out_value,
             GError     **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self, sql, error);

  *out_value = 0;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  kab_store_bind_text (stmt, 2, text);
  return kab_store_query_int64 (self, stmt, out_value, error);
}

static gboolean
insert_template (KabStore            *self,
                 KabConsentTemplate  *template,
                 GError             **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 last_version = 0;
  sqlite3_stmt *stmt;

  if (!query_int64 (self,
                    "SELECT coalesce (max (version), 0) FROM consent_template"
                    " WHERE key = ?2",
                    0, kab_consent_template_get_key (template), &last_version, error))
    return FALSE;

  stmt = kab_store_prepare (self,
    "INSERT INTO consent_template (key, language, title, version, body, builtin, created)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;

  kab_store_bind_text (stmt, 1, kab_consent_template_get_key (template));
  kab_store_bind_text (stmt, 2, kab_consent_template_get_language (template));
  kab_store_bind_text (stmt, 3, kab_consent_template_get_title (template));
  sqlite3_bind_int64 (stmt, 4, last_version + 1);
  kab_store_bind_text (stmt, 5, kab_consent_template_get_body (template));
  sqlite3_bind_int (stmt, 6, kab_consent_template_get_builtin (template));
  kab_store_bind_time (stmt, 7, now);

  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  g_object_set (template,
                "id", (gint64)sqlite3_last_insert_rowid (self->db),
                "version", (int)(last_version + 1),
                "created", now,
                NULL);
  return TRUE;
}

/**
 * kab_store_save_consent_template:
 * @template: a new template (id 0) or an edited one
 *
 * Saves @template. A template that was ever used for an agreement is never changed:
 * saving it writes a new version under the same key, and @template becomes that
 * version (new id and version number). A key must be set.
 */
gboolean
kab_store_save_consent_template (KabStore            *self,
                                 KabConsentTemplate  *template,
                                 GError             **error)
{
  gint64 id;
  gint64 n_used = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_CONSENT_TEMPLATE (template), FALSE);

  if (!kab_consent_template_validate (template, error))
    return FALSE;

  if (*kab_consent_template_get_key (template) == '\0')
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                   _("The template has no key."));
      return FALSE;
    }

  id = kab_consent_template_get_id (template);
  if (id != 0 && !query_int64 (self,
                               "SELECT count(*) FROM consent WHERE template_id = ?1",
                               id, "", &n_used, error))
    return FALSE;

  if (id == 0 || n_used > 0)
    {
      if (!insert_template (self, template, error))
        return FALSE;
    }
  else
    {
      stmt = kab_store_prepare (self,
        "UPDATE consent_template SET language = ?1, title = ?2, body = ?3 WHERE id = ?4", error);
      if (stmt == NULL)
        return FALSE;

      kab_store_bind_text (stmt, 1, kab_consent_template_get_language (template));
      kab_store_bind_text (stmt, 2, kab_consent_template_get_title (template));
      kab_store_bind_text (stmt, 3, kab_consent_template_get_body (template));
      sqlite3_bind_int64 (stmt, 4, id);
      if (!kab_store_step_done (self, stmt, error))
        return FALSE;
    }

  g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_CONSENTS_CHANGED], 0, (gint64)0);
  return TRUE;
}

static char *
title_of (const char *body)
{
  const char *end;

  if (!g_str_has_prefix (body, "# "))
    return NULL;

  end = strchr (body, '\n');
  return g_strstrip (g_strndup (body + 2, end != NULL ? (gsize)(end - body - 2) : strlen (body + 2)));
}

/**
 * kab_store_ensure_builtin_template:
 * @key: the template family, e.g. "therapy-agreement-sv"
 * @language: "en", "ru", "sv" or "nb"
 * @body: the text shipped with this version of Kabinett; its first line is "# Title"
 *
 * Makes sure the latest version of the built-in template @key has @body: a first start
 * writes version 1, a Kabinett that ships a new text adds a version, and nothing is
 * written when the text is unchanged.
 */
gboolean
kab_store_ensure_builtin_template (KabStore    *self,
                                   const char  *key,
                                   const char  *language,
                                   const char  *body,
                                   GError     **error)
{
  g_autoptr(KabConsentTemplate) template = NULL;
  g_autofree char *title = NULL;
  sqlite3_stmt *stmt;
  gint64 same = 0;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && language != NULL && body != NULL, FALSE);

  stmt = kab_store_prepare (self,
    "SELECT body = ?2 FROM consent_template WHERE key = ?1 ORDER BY version DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;

  kab_store_bind_text (stmt, 1, key);
  kab_store_bind_text (stmt, 2, body);
  if (!kab_store_query_int64 (self, stmt, &same, error))
    return FALSE;

  if (same != 0)
    return TRUE;

  title = title_of (body);
  template = kab_consent_template_new ();
  g_object_set (template,
                "key", key,
                "language", language,
                "title", title != NULL ? title : key,
                "body", body,
                "builtin", TRUE,
                NULL);

  return kab_store_save_consent_template (self, template, error);
}

static gpointer
consent_from_row (sqlite3_stmt *stmt)
{
  KabConsent *consent = kab_consent_new ();
  g_autoptr(GDateTime) created = kab_store_column_time (stmt, 7);
  g_autoptr(GDateTime) printed = kab_store_column_time (stmt, 8);
  g_autoptr(GDateTime) signed_on = kab_store_column_time (stmt, 9);
  g_autoptr(GDateTime) withdrawn = kab_store_column_time (stmt, 10);

  g_object_set (consent,
                "id", (gint64)sqlite3_column_int64 (stmt, 0),
                "client-id", (gint64)sqlite3_column_int64 (stmt, 1),
                "template-id", (gint64)sqlite3_column_int64 (stmt, 2),
                "template-version", sqlite3_column_int (stmt, 3),
                "language", kab_store_column_text (stmt, 4),
                "title", kab_store_column_text (stmt, 5),
                "rendered-text", kab_store_column_text (stmt, 6),
                "created", created,
                "printed-on", printed,
                "signed-on", signed_on,
                "withdrawn-on", withdrawn,
                NULL);
  return consent;
}

/**
 * kab_store_list_consents:
 * @client_id: one client, or 0 for every client
 *
 * Returns: (transfer full): the agreements, oldest first
 */
GListModel *
kab_store_list_consents (KabStore  *self,
                         gint64     client_id,
                         GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self,
    "SELECT id, client_id, template_id, template_version, language, title, rendered_text,"
    " created, printed_on, signed_on, withdrawn_on FROM consent"
    " WHERE (?1 = 0 OR client_id = ?1) ORDER BY created, id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, client_id);
  return kab_store_collect (self, stmt, KAB_TYPE_CONSENT, consent_from_row, error);
}

static gboolean
text_was_printed (KabStore    *self,
                  KabConsent  *consent,
                  gboolean    *out_refused,
                  GError     **error)
{
  gint64 changed = 0;

  /* Once printed, the text on record is the text on paper. */
  if (!query_int64 (self,
                    "SELECT count(*) FROM consent WHERE id = ?1 AND printed_on IS NOT NULL"
                    " AND rendered_text != ?2",
                    kab_consent_get_id (consent), kab_consent_get_rendered_text (consent),
                    &changed, error))
    return FALSE;

  *out_refused = changed > 0;
  return TRUE;
}

/**
 * kab_store_save_consent:
 * @consent: a new agreement (id 0) or a known one whose dates changed
 *
 * Saves an agreement record. The rendered text of a printed agreement cannot change. A
 * new agreement is recorded as prepared now, or at its "created" time when it has one.
 */
gboolean
kab_store_save_consent (KabStore    *self,
                        KabConsent  *consent,
                        GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gboolean is_new;
  gboolean refused = FALSE;
  gint64 client_id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_CONSENT (consent), FALSE);

  client_id = kab_consent_get_client_id (consent);
  if (!kab_consent_validate (consent, error) || !kab_store_client_exists (self, client_id, error))
    return FALSE;

  is_new = kab_consent_get_id (consent) == 0;
  if (!is_new && !text_was_printed (self, consent, &refused, error))
    return FALSE;

  if (refused)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                   _("This agreement was printed; its text cannot be changed. "
                     "Prepare a new agreement instead."));
      return FALSE;
    }

  if (is_new)
    stmt = kab_store_prepare (self,
      "INSERT INTO consent (client_id, template_id, template_version, language, title,"
      " rendered_text, printed_on, signed_on, withdrawn_on, created)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  else
    stmt = kab_store_prepare (self,
      "UPDATE consent SET client_id = ?1, template_id = ?2, template_version = ?3,"
      " language = ?4, title = ?5, rendered_text = ?6, printed_on = ?7, signed_on = ?8,"
      " withdrawn_on = ?9 WHERE id = ?10", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  kab_store_bind_id (stmt, 2, kab_consent_get_template_id (consent));
  sqlite3_bind_int (stmt, 3, kab_consent_get_template_version (consent));
  kab_store_bind_text (stmt, 4, kab_consent_get_language (consent));
  kab_store_bind_text (stmt, 5, kab_consent_get_title (consent));
  kab_store_bind_text (stmt, 6, kab_consent_get_rendered_text (consent));
  kab_store_bind_time (stmt, 7, kab_consent_get_printed_on (consent));
  kab_store_bind_time (stmt, 8, kab_consent_get_signed_on (consent));
  kab_store_bind_time (stmt, 9, kab_consent_get_withdrawn_on (consent));
  /* A new agreement is prepared now, unless it says when (the demo's, made long ago). */
  if (is_new)
    kab_store_bind_time (stmt, 10, kab_consent_get_created (consent) != NULL
                                   ? kab_consent_get_created (consent) : now);
  else
    sqlite3_bind_int64 (stmt, 10, kab_consent_get_id (consent));

  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  if (!is_new && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
                   _("The agreement does not exist (any more)."));
      return FALSE;
    }

  if (is_new)
    g_object_set (consent,
                  "id", (gint64)sqlite3_last_insert_rowid (self->db),
                  "created", now,
                  NULL);

  kab_store_refresh_client_consent (self, client_id);
  g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_CONSENTS_CHANGED], 0, client_id);
  return TRUE;
}

static void
add_template_use (sqlite3_stmt *stmt,
                  gpointer      user_data)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);

  g_hash_table_insert (user_data, g_memdup2 (&id, sizeof id),
                       GUINT_TO_POINTER ((guint)sqlite3_column_int (stmt, 1)));
}

/**
 * kab_store_count_template_uses:
 *
 * How many agreements were made from each template version: a version that was used is
 * never changed again (saving it makes a new version).
 *
 * Returns: (transfer full) (element-type gint64 guint): template id (gint64*) → number of
 *   agreements (GUINT_TO_POINTER); versions never used are not in it
 */
GHashTable *
kab_store_count_template_uses (KabStore  *self,
                               GError   **error)
{
  g_autoptr(GHashTable) uses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self,
    "SELECT template_id, count(*) FROM consent WHERE template_id IS NOT NULL"
    " GROUP BY template_id", error);
  if (stmt == NULL)
    return NULL;

  if (!kab_store_each_row (self, stmt, add_template_use, uses, error))
    return NULL;

  return g_steal_pointer (&uses);
}
