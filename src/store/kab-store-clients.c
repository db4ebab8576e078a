/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-clients.c: clients, their live list and the figures derived for them */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-enum-types.h"
#include "kab-identity-number.h"
#include "kab-store-private.h"

#define CLIENT_COLUMNS \
  "id, given_name, family_name, birth_date, phone, email, address, emergency_contact," \
  " status, service, billing_plan, fee, package_size, notes, created, updated," \
  " identity_number"

char *
kab_store_fold_name (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

static KabClient *
client_from_row (sqlite3_stmt *stmt)
{
  KabClient *client = kab_client_new ();
  g_autoptr(GDateTime) birth = kab_store_column_date (stmt, 3);
  g_autoptr(GDateTime) created = kab_store_column_time (stmt, 14);
  g_autoptr(GDateTime) updated = kab_store_column_time (stmt, 15);

  g_object_set (client,
                "id", (gint64)sqlite3_column_int64 (stmt, 0),
                "given-name", kab_store_column_text (stmt, 1),
                "family-name", kab_store_column_text (stmt, 2),
                "birth-date", birth,
                "phone", kab_store_column_text (stmt, 4),
                "email", kab_store_column_text (stmt, 5),
                "address", kab_store_column_text (stmt, 6),
                "emergency-contact", kab_store_column_text (stmt, 7),
                "status", kab_store_enum_from_nick (KAB_TYPE_CLIENT_STATUS,
                                                    kab_store_column_text (stmt, 8),
                                                    KAB_CLIENT_STATUS_ACTIVE),
                "service", kab_store_enum_from_nick (KAB_TYPE_SERVICE,
                                                     kab_store_column_text (stmt, 9),
                                                     KAB_SERVICE_PSYCHOTHERAPY),
                "billing-plan", kab_store_enum_from_nick (KAB_TYPE_BILLING_PLAN,
                                                          kab_store_column_text (stmt, 10),
                                                          KAB_BILLING_PLAN_PER_SESSION),
                "fee", (gint64)sqlite3_column_int64 (stmt, 11),
                "package-size", sqlite3_column_int (stmt, 12),
                "notes", kab_store_column_text (stmt, 13),
                "created", created,
                "updated", updated,
                "identity-number", kab_store_column_text (stmt, 16),
                NULL);

  return client;
}

static void
index_clients (KabStore *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->clients));

  g_hash_table_remove_all (self->clients_by_id);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (G_LIST_MODEL (self->clients), i);
      gint64 *key = g_new (gint64, 1);

      *key = kab_client_get_id (client);
      /* Borrowed: the list holds the reference. */
      g_hash_table_insert (self->clients_by_id, key, client);
    }
}

static void
load_balances (KabStore *self)
{
  g_autoptr(GHashTable) balances = kab_store_get_all_balances (self, NULL);
  GHashTableIter iter;
  gpointer key, value;

  if (balances == NULL)
    return;

  g_hash_table_iter_init (&iter, balances);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      KabClient *client = g_hash_table_lookup (self->clients_by_id, key);

      if (client != NULL)
        kab_client_set_balance (client, *(gint64 *)value);
    }
}

static void
load_next_sessions (KabStore *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  /* "+client_id" keeps SQLite from walking session_client_start through all 60,000
   * sessions of a 20-year practice to save a sort: session_start finds the few future
   * ones (8 ms → 1 ms at open). */
  sqlite3_stmt *stmt = kab_store_prepare (self,
    "SELECT client_id, min(start) FROM session"
    " WHERE status = 'planned' AND start >= ?1 GROUP BY +client_id", NULL);

  if (stmt == NULL)
    return;

  kab_store_bind_time (stmt, 1, now);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      KabClient *client = g_hash_table_lookup (self->clients_by_id, &id);
      g_autoptr(GDateTime) next = kab_store_column_time (stmt, 1);

      if (client != NULL)
        kab_client_set_next_session (client, next);
    }
  sqlite3_reset (stmt);
}

static KabConsentState
consent_state_from_row (sqlite3_stmt *stmt,
                        int           first)
{
  if (sqlite3_column_type (stmt, first + 2) != SQLITE_NULL)
    return KAB_CONSENT_STATE_WITHDRAWN;
  if (sqlite3_column_type (stmt, first + 1) != SQLITE_NULL)
    return KAB_CONSENT_STATE_SIGNED;
  if (sqlite3_column_type (stmt, first) != SQLITE_NULL)
    return KAB_CONSENT_STATE_PRINTED;
  return KAB_CONSENT_STATE_MISSING;
}

/* A client's consent state is that of their latest agreement, except that a signed one
 * still stands when a newer one is only printed, not yet signed. */
static const char *consent_sql =
  "SELECT client_id, printed_on, signed_on, withdrawn_on FROM consent"
  " WHERE (?1 = 0 OR client_id = ?1) ORDER BY client_id, created, id";

static void
apply_consent_rows (KabStore     *self,
                    sqlite3_stmt *stmt)
{
  gint64 current = 0;
  KabConsentState state = KAB_CONSENT_STATE_MISSING;

  while (TRUE)
    {
      gboolean more = sqlite3_step (stmt) == SQLITE_ROW;
      gint64 id = more ? sqlite3_column_int64 (stmt, 0) : 0;

      if (current != 0 && id != current)
        {
          KabClient *client = g_hash_table_lookup (self->clients_by_id, &current);

          if (client != NULL)
            kab_client_set_consent_state (client, state);
          state = KAB_CONSENT_STATE_MISSING;
        }

      if (!more)
        break;

      current = id;
      {
        KabConsentState row_state = consent_state_from_row (stmt, 1);

        if (!(row_state == KAB_CONSENT_STATE_PRINTED && state == KAB_CONSENT_STATE_SIGNED))
          state = row_state;
      }
    }

  sqlite3_reset (stmt);
}

static void
load_consents (KabStore *self)
{
  sqlite3_stmt *stmt = kab_store_prepare (self, consent_sql, NULL);

  if (stmt == NULL)
    return;

  sqlite3_bind_int64 (stmt, 1, 0);
  apply_consent_rows (self, stmt);
}

gboolean
kab_store_load_clients (KabStore  *self,
                        GError   **error)
{
  g_autoptr(GPtrArray) clients = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = kab_store_prepare (self,
    "SELECT " CLIENT_COLUMNS " FROM client ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (clients, client_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }

  g_list_store_splice (self->clients, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->clients)),
                       clients->pdata, clients->len);
  index_clients (self);
  load_balances (self);
  load_next_sessions (self);
  load_consents (self);

  return TRUE;
}

void
kab_store_refresh_client_balance (KabStore *self,
                                  gint64    client_id)
{
  KabClient *client = g_hash_table_lookup (self->clients_by_id, &client_id);
  gint64 balance = 0;

  if (client != NULL && kab_store_get_balance (self, client_id, &balance, NULL))
    kab_client_set_balance (client, balance);
}

void
kab_store_refresh_client_next_session (KabStore *self,
                                       gint64    client_id)
{
  KabClient *client = g_hash_table_lookup (self->clients_by_id, &client_id);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) next = NULL;
  sqlite3_stmt *stmt;

  if (client == NULL)
    return;

  stmt = kab_store_prepare (self,
    "SELECT min(start) FROM session"
    " WHERE client_id = ?1 AND status = 'planned' AND start >= ?2", NULL);
  if (stmt == NULL)
    return;

  sqlite3_bind_int64 (stmt, 1, client_id);
  kab_store_bind_time (stmt, 2, now);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = kab_store_column_time (stmt, 0);
  sqlite3_reset (stmt);

  kab_client_set_next_session (client, next);
}

void
kab_store_refresh_client_consent (KabStore *self,
                                  gint64    client_id)
{
  KabClient *client = g_hash_table_lookup (self->clients_by_id, &client_id);
  sqlite3_stmt *stmt;

  if (client == NULL)
    return;

  kab_client_set_consent_state (client, KAB_CONSENT_STATE_MISSING);
  stmt = kab_store_prepare (self, consent_sql, NULL);
  if (stmt == NULL)
    return;

  sqlite3_bind_int64 (stmt, 1, client_id);
  apply_consent_rows (self, stmt);
}

GListModel *
kab_store_get_clients (KabStore *self)
{
  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->clients);
}

KabClient *
kab_store_find_client (KabStore *self,
                       gint64    id)
{
  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  return g_hash_table_lookup (self->clients_by_id, &id);
}

gboolean
kab_store_client_exists (KabStore  *self,
                         gint64     client_id,
                         GError   **error)
{
  if (g_hash_table_contains (self->clients_by_id, &client_id))
    return TRUE;

  g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
               _("The client does not exist (any more)."));
  return FALSE;
}

/* Position of a client in the id-ordered list, by bisection. */
static gboolean
find_position (KabStore *self,
               gint64    id,
               guint    *out_position)
{
  GListModel *model = G_LIST_MODEL (self->clients);
  guint lo = 0;
  guint hi = g_list_model_get_n_items (model);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(KabClient) client = g_list_model_get_item (model, mid);
      gint64 mid_id = kab_client_get_id (client);

      if (mid_id == id)
        {
          *out_position = mid;
          return TRUE;
        }

      if (mid_id < id)
        lo = mid + 1;
      else
        hi = mid;
    }

  return FALSE;
}

static void
bind_client (sqlite3_stmt *stmt,
             KabClient    *client,
             GDateTime    *now)
{
  g_autofree char *fold = NULL;
  g_autofree char *joined = g_strjoin (" ", kab_client_get_given_name (client),
                                       kab_client_get_family_name (client), NULL);

  fold = kab_store_fold_name (joined);

  kab_store_bind_text (stmt, 1, kab_client_get_given_name (client));
  kab_store_bind_text (stmt, 2, kab_client_get_family_name (client));
  kab_store_bind_text (stmt, 3, fold);
  kab_store_bind_date (stmt, 4, kab_client_get_birth_date (client));
  kab_store_bind_text (stmt, 5, kab_client_get_phone (client));
  kab_store_bind_text (stmt, 6, kab_client_get_email (client));
  kab_store_bind_text (stmt, 7, kab_client_get_address (client));
  kab_store_bind_text (stmt, 8, kab_client_get_emergency_contact (client));
  kab_store_bind_text (stmt, 9, kab_store_enum_to_nick (KAB_TYPE_CLIENT_STATUS,
                                                        kab_client_get_status (client)));
  kab_store_bind_text (stmt, 10, kab_store_enum_to_nick (KAB_TYPE_SERVICE,
                                                         kab_client_get_service (client)));
  kab_store_bind_text (stmt, 11, kab_store_enum_to_nick (KAB_TYPE_BILLING_PLAN,
                                                         kab_client_get_billing_plan (client)));
  sqlite3_bind_int64 (stmt, 12, kab_client_get_fee (client));
  sqlite3_bind_int (stmt, 13, kab_client_get_package_size (client));
  kab_store_bind_text (stmt, 14, kab_client_get_notes (client));
  kab_store_bind_time (stmt, 15, now);
}

/* The identity number is written on its own statement, in the same transaction, so that
 * a client without one is saved the same way in a database from before the number (the
 * migration tests write such clients). */
static gboolean
save_identity_number (KabStore   *self,
                      gint64      id,
                      KabClient  *client,
                      GError    **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self,
    "UPDATE client SET identity_number = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  kab_store_bind_text (stmt, 2, kab_client_get_identity_number (client));
  return kab_store_step_done (self, stmt, error);
}

static gboolean
insert_client (KabStore   *self,
               KabClient  *client,
               GDateTime  *now,
               GError    **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self,
    "INSERT INTO client (given_name, family_name, name_fold, birth_date, phone, email,"
    " address, emergency_contact, status, service, billing_plan, fee, package_size, notes,"
    " created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
    " ?15, ?15)", error);
  gint64 *key;

  if (stmt == NULL)
    return FALSE;

  bind_client (stmt, client, now);
  if (!kab_store_tx_begin (self, error))
    return FALSE;

  if (!kab_store_step_done (self, stmt, error) ||
      (*kab_client_get_identity_number (client) != '\0' &&
       !save_identity_number (self, sqlite3_last_insert_rowid (self->db), client, error)))
    {
      kab_store_tx_rollback (self);
      return FALSE;
    }

  /* A failed commit has rolled back by itself. */
  if (!kab_store_tx_commit (self, error))
    return FALSE;

  g_object_set (client,
                "id", (gint64)sqlite3_last_insert_rowid (self->db),
                "created", now,
                "updated", now,
                NULL);

  key = g_new (gint64, 1);
  *key = kab_client_get_id (client);
  g_list_store_append (self->clients, client);
  g_hash_table_insert (self->clients_by_id, key, client);
  return TRUE;
}

static gboolean
update_client (KabStore   *self,
               KabClient  *client,
               GDateTime  *now,
               GError    **error)
{
  gint64 id = kab_client_get_id (client);
  sqlite3_stmt *stmt;
  KabClient *old;
  guint position;

  if (!kab_store_client_exists (self, id, error) || !find_position (self, id, &position))
    return FALSE;

  stmt = kab_store_prepare (self,
    "UPDATE client SET given_name = ?1, family_name = ?2, name_fold = ?3, birth_date = ?4,"
    " phone = ?5, email = ?6, address = ?7, emergency_contact = ?8, status = ?9,"
    " service = ?10, billing_plan = ?11, fee = ?12, package_size = ?13, notes = ?14,"
    " updated = ?15 WHERE id = ?16", error);
  if (stmt == NULL)
    return FALSE;

  bind_client (stmt, client, now);
  sqlite3_bind_int64 (stmt, 16, id);
  old = g_hash_table_lookup (self->clients_by_id, &id);
  if (!kab_store_tx_begin (self, error))
    return FALSE;

  if (!kab_store_step_done (self, stmt, error) ||
      !save_identity_number (self, id, client, error))
    {
      kab_store_tx_rollback (self);
      return FALSE;
    }

  /* A failed commit has rolled back by itself. */
  if (!kab_store_tx_commit (self, error))
    return FALSE;

  kab_client_set_updated (client, now);

  if (old != client)
    {
      /* An edited copy takes the place of the listed object, with what only the store
       * knows carried over. */
      kab_client_set_balance (client, kab_client_get_balance (old));
      kab_client_set_next_session (client, kab_client_get_next_session (old));
      kab_client_set_consent_state (client, kab_client_get_consent_state (old));
      kab_client_set_created (client, kab_client_get_created (old));
      g_hash_table_replace (self->clients_by_id, g_memdup2 (&id, sizeof id), client);
    }

  /* Tell filters and sorters that this one row changed, and only this one. The list may
   * hold the only reference to the object it takes out and puts back. */
  {
    g_autoptr(KabClient) keep = g_object_ref (client);
    g_list_store_splice (self->clients, position, 1, (gpointer *)&keep, 1);
  }
  return TRUE;
}

/**
 * kab_store_save_client:
 * @client: a new client (id 0) or a known one, possibly an edited copy
 *
 * Validates and saves @client. A new client gets its id and is appended to the live
 * list; a known one replaces its row in the list (items-changed at its position only).
 */
gboolean
kab_store_save_client (KabStore   *self,
                       KabClient  *client,
                       GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_CLIENT (client), FALSE);

  if (!kab_client_validate (client, error) ||
      !kab_identity_number_validate (kab_practice_get_country (self->practice),
                                     kab_client_get_identity_number (client), error))
    return FALSE;

  if (kab_client_get_id (client) == 0)
    return insert_client (self, client, now, error);

  return update_client (self, client, now, error);
}

static gboolean
count_rows (KabStore    *self,
            const char  *sql,
            gint64       client_id,
            gint64      *out_count,
            GError     **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  rc = sqlite3_step (stmt);
  *out_count = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/**
 * kab_store_delete_client:
 *
 * Deletes a client who has no history: no sessions, charges, payments or agreements.
 * A client with history is refused (archive them instead); erasing such a client is a
 * separate, deliberate operation.
 */
gboolean
kab_store_delete_client (KabStore   *self,
                         KabClient  *client,
                         GError    **error)
{
  gint64 id;
  gint64 n_history = 0;
  guint position;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_CLIENT (client), FALSE);

  id = kab_client_get_id (client);
  if (!kab_store_client_exists (self, id, error) || !find_position (self, id, &position))
    return FALSE;

  if (!count_rows (self,
                   "SELECT (SELECT count(*) FROM session WHERE client_id = ?1)"
                   " + (SELECT count(*) FROM charge WHERE client_id = ?1)"
                   " + (SELECT count(*) FROM payment WHERE client_id = ?1)"
                   " + (SELECT count(*) FROM consent WHERE client_id = ?1)"
                   " + (SELECT count(*) FROM series WHERE client_id = ?1)"
                   " + (SELECT count(*) FROM journal_entry WHERE client_id = ?1)",
                   id, &n_history, error))
    return FALSE;

  if (n_history > 0)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                   _("%s has sessions, payments, agreements or journal entries on record and "
                     "cannot be deleted. Archive the client instead."),
                   kab_client_get_display_name (client));
      return FALSE;
    }

  stmt = kab_store_prepare (self, "DELETE FROM client WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  g_hash_table_remove (self->clients_by_id, &id);
  g_list_store_remove (self->clients, position);
  return TRUE;
}

/**
 * kab_store_search_clients:
 * @query: what the user typed
 *
 * Finds clients whose given or family name starts with @query (folded for any script,
 * so Cyrillic and æøå match), or whose phone or email contains it.
 *
 * Returns: (transfer full) (element-type gint64): matching client ids, by name
 */
GArray *
kab_store_search_clients (KabStore    *self,
                          const char  *query,
                          GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *fold = NULL;
  g_autofree char *word = NULL;
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stripped = g_strstrip (g_strdup (query != NULL ? query : ""));
  fold = kab_store_fold_name (stripped);
  word = g_strconcat (" ", fold, NULL);

  /* name_fold is "given family": the range scan finds given-name prefixes through the
   * index, instr() a word that starts after a space (the family name). Both sides are
   * folded already, since SQLite's own case folding knows ASCII only. */
  stmt = kab_store_prepare (self,
    "SELECT id FROM client"
    " WHERE (name_fold >= ?1 AND name_fold < ?1 || char(0x10FFFF))"
    " OR instr (name_fold, ?2) > 0"
    " OR (length (?3) > 0 AND (instr (phone, ?3) > 0 OR instr (lower (email), lower (?3)) > 0))"
    " ORDER BY name_fold, id", error);
  if (stmt == NULL)
    return NULL;

  kab_store_bind_text (stmt, 1, fold);
  kab_store_bind_text (stmt, 2, word);
  kab_store_bind_text (stmt, 3, stripped);

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

/**
 * kab_store_get_client_history:
 * @client_id: a client
 * @out_history: (out): how many sessions, series, charges, payments and agreements the
 *   client has on record
 *
 * Tells the Clients view what deleting a client would lose, before it asks: a client
 * with any history cannot be deleted (see kab_store_delete_client()).
 */
gboolean
kab_store_get_client_history (KabStore          *self,
                              gint64             client_id,
                              KabClientHistory  *out_history,
                              GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_history != NULL, FALSE);

  *out_history = (KabClientHistory) { 0, };
  if (!kab_store_client_exists (self, client_id, error))
    return FALSE;

  stmt = kab_store_prepare (self,
    "SELECT (SELECT count(*) FROM session WHERE client_id = ?1),"
    " (SELECT count(*) FROM series WHERE client_id = ?1),"
    " (SELECT count(*) FROM charge WHERE client_id = ?1),"
    " (SELECT count(*) FROM payment WHERE client_id = ?1),"
    " (SELECT count(*) FROM consent WHERE client_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out_history->n_sessions = sqlite3_column_int (stmt, 0);
      out_history->n_series = sqlite3_column_int (stmt, 1);
      out_history->n_charges = sqlite3_column_int (stmt, 2);
      out_history->n_payments = sqlite3_column_int (stmt, 3);
      out_history->n_consents = sqlite3_column_int (stmt, 4);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}
