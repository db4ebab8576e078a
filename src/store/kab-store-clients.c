/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-clients.c: clients, their live list and the figures derived for them */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-enum-types.h"
#include "kab-identity-number.h"
#include "kab-store-private.h"
#include "kab-text.h"

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

/* One client read at open for each of 2,000 rows: the typed setters, not property names
 * looked up and values boxed 17 times, and both names in one call. */
static gpointer
client_from_row (sqlite3_stmt *stmt)
{
  KabClient *client = kab_client_new ();
  g_autoptr(GDateTime) birth = kab_store_column_date (stmt, 3);
  g_autoptr(GDateTime) created = kab_store_column_time (stmt, 14);
  g_autoptr(GDateTime) updated = kab_store_column_time (stmt, 15);

  g_object_freeze_notify (G_OBJECT (client));
  kab_client_set_id (client, sqlite3_column_int64 (stmt, 0));
  kab_client_set_names (client, kab_store_column_text (stmt, 1), kab_store_column_text (stmt, 2));
  kab_client_set_birth_date (client, birth);
  kab_client_set_phone (client, kab_store_column_text (stmt, 4));
  kab_client_set_email (client, kab_store_column_text (stmt, 5));
  kab_client_set_address (client, kab_store_column_text (stmt, 6));
  kab_client_set_emergency_contact (client, kab_store_column_text (stmt, 7));
  kab_client_set_status (client, kab_store_enum_from_nick (KAB_TYPE_CLIENT_STATUS,
                                                           kab_store_column_text (stmt, 8),
                                                           KAB_CLIENT_STATUS_ACTIVE));
  kab_client_set_service (client, kab_store_enum_from_nick (KAB_TYPE_SERVICE,
                                                            kab_store_column_text (stmt, 9),
                                                            KAB_SERVICE_PSYCHOTHERAPY));
  kab_client_set_billing_plan (client, kab_store_enum_from_nick (KAB_TYPE_BILLING_PLAN,
                                                                 kab_store_column_text (stmt, 10),
                                                                 KAB_BILLING_PLAN_PER_SESSION));
  kab_client_set_fee (client, sqlite3_column_int64 (stmt, 11));
  kab_client_set_package_size (client, sqlite3_column_int (stmt, 12));
  kab_client_set_notes (client, kab_store_column_text (stmt, 13));
  kab_client_set_created (client, created);
  kab_client_set_updated (client, updated);
  kab_client_set_identity_number (client, kab_store_column_text (stmt, 16));
  g_object_thaw_notify (G_OBJECT (client));

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

/* What only the store knows of each client, read when the list is loaded: balances, the
 * next session and the consent state. A failing query fails the load: a balance of 0
 * shown without a word would be a wrong figure. */
static gboolean
load_balances (KabStore  *self,
               GError   **error)
{
  g_autoptr(GHashTable) balances = kab_store_get_all_balances (self, error);
  GHashTableIter iter;
  gpointer key, value;

  if (balances == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, balances);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      KabClient *client = g_hash_table_lookup (self->clients_by_id, key);

      if (client != NULL)
        kab_client_set_balance (client, *(gint64 *)value);
    }

  return TRUE;
}

static void
apply_next_session (sqlite3_stmt *stmt,
                    gpointer      user_data)
{
  KabStore *self = user_data;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  KabClient *client = g_hash_table_lookup (self->clients_by_id, &id);
  g_autoptr(GDateTime) next = kab_store_column_time (stmt, 1);

  if (client != NULL)
    kab_client_set_next_session (client, next);
}

static gboolean
load_next_sessions (KabStore  *self,
                    GError   **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  /* "+client_id" keeps SQLite from walking session_client_start through all 60,000
   * sessions of a 20-year practice to save a sort: session_start finds the few future
   * ones (8 ms → 1 ms at open). */
  sqlite3_stmt *stmt = kab_store_prepare (self,
    "SELECT client_id, min(start) FROM session"
    " WHERE status = 'planned' AND start >= ?1 GROUP BY +client_id", error);

  if (stmt == NULL)
    return FALSE;

  kab_store_bind_time (stmt, 1, now);
  return kab_store_each_row (self, stmt, apply_next_session, self, error);
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

typedef struct
{
  KabStore        *store;
  gint64           client_id;   /* whose rows are being read; 0 before the first */
  KabConsentState  state;
} ConsentScan;

static void
consent_scan_flush (ConsentScan *scan)
{
  KabClient *client = g_hash_table_lookup (scan->store->clients_by_id, &scan->client_id);

  if (scan->client_id != 0 && client != NULL)
    kab_client_set_consent_state (client, scan->state);
  scan->state = KAB_CONSENT_STATE_MISSING;
}

static void
consent_scan_row (sqlite3_stmt *stmt,
                  gpointer      user_data)
{
  ConsentScan *scan = user_data;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  KabConsentState row_state = consent_state_from_row (stmt, 1);

  if (id != scan->client_id)
    {
      consent_scan_flush (scan);
      scan->client_id = id;
    }

  if (!(row_state == KAB_CONSENT_STATE_PRINTED && scan->state == KAB_CONSENT_STATE_SIGNED))
    scan->state = row_state;
}

static gboolean
load_consents (KabStore  *self,
               gint64     client_id,
               GError   **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self, consent_sql, error);
  ConsentScan scan = { self, 0, KAB_CONSENT_STATE_MISSING };

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  if (!kab_store_each_row (self, stmt, consent_scan_row, &scan, error))
    return FALSE;

  consent_scan_flush (&scan);
  return TRUE;
}

static void
append_client (sqlite3_stmt *stmt,
               gpointer      user_data)
{
  g_ptr_array_add (user_data, client_from_row (stmt));
}

gboolean
kab_store_load_clients (KabStore  *self,
                        GError   **error)
{
  g_autoptr(GPtrArray) clients = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = kab_store_prepare (self,
    "SELECT " CLIENT_COLUMNS " FROM client ORDER BY id", error);

  if (stmt == NULL || !kab_store_each_row (self, stmt, append_client, clients, error))
    return FALSE;

  g_list_store_splice (self->clients, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->clients)),
                       clients->pdata, clients->len);
  index_clients (self);

  return load_balances (self, error) &&
         load_next_sessions (self, error) &&
         load_consents (self, 0, error);
}

/* The refreshes run after a write has committed: a failing read cannot undo it, so it is
 * said in the log, and the figure keeps its last known value rather than a wrong one. */
static void
warn_refresh_failed (const char *what,
                     gint64      client_id,
                     GError     *error)
{
  g_warning ("Could not read the %s of client %" G_GINT64_FORMAT ": %s",
             what, client_id, error != NULL ? error->message : "unknown error");
}

void
kab_store_refresh_client_balance (KabStore *self,
                                  gint64    client_id)
{
  KabClient *client = g_hash_table_lookup (self->clients_by_id, &client_id);
  g_autoptr(GError) error = NULL;
  gint64 balance = 0;

  if (client == NULL)
    return;

  if (kab_store_get_balance (self, client_id, &balance, &error))
    kab_client_set_balance (client, balance);
  else
    warn_refresh_failed ("balance", client_id, error);
}

static void
read_time (sqlite3_stmt *stmt,
           gpointer      user_data)
{
  *(GDateTime **)user_data = kab_store_column_time (stmt, 0);
}

void
kab_store_refresh_client_next_session (KabStore *self,
                                       gint64    client_id)
{
  KabClient *client = g_hash_table_lookup (self->clients_by_id, &client_id);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  if (client == NULL)
    return;

  stmt = kab_store_prepare (self,
    "SELECT min(start) FROM session"
    " WHERE client_id = ?1 AND status = 'planned' AND start >= ?2", &error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, client_id);
      kab_store_bind_time (stmt, 2, now);
    }

  if (stmt == NULL || !kab_store_query_row (self, stmt, read_time, &next, NULL, &error))
    {
      warn_refresh_failed ("next session", client_id, error);
      return;
    }

  kab_client_set_next_session (client, next);
}

void
kab_store_refresh_client_consent (KabStore *self,
                                  gint64    client_id)
{
  KabClient *client = g_hash_table_lookup (self->clients_by_id, &client_id);
  g_autoptr(GError) error = NULL;

  if (client == NULL)
    return;

  /* Without agreements (any more), no row comes: the state is "missing". */
  kab_client_set_consent_state (client, KAB_CONSENT_STATE_MISSING);
  if (!load_consents (self, client_id, &error))
    warn_refresh_failed ("consent state", client_id, error);
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
  gint64 id;

  if (stmt == NULL)
    return FALSE;

  bind_client (stmt, client, now);
  kab_store_pending_client (self, client, now);
  if (!kab_store_tx_begin (self, error))
    return FALSE;

  if (!kab_store_step_done (self, stmt, error))
    {
      kab_store_tx_rollback (self);
      return FALSE;
    }

  id = sqlite3_last_insert_rowid (self->db);
  if (*kab_client_get_identity_number (client) != '\0' &&
      !save_identity_number (self, id, client, error))
    {
      kab_store_tx_rollback (self);
      return FALSE;
    }

  /* A failed commit has rolled back by itself. */
  if (!kab_store_tx_commit (self, error))
    return FALSE;

  g_object_set (client,
                "id", id,
                "created", now,
                "updated", now,
                NULL);

  key = g_new (gint64, 1);
  *key = kab_client_get_id (client);
  g_list_store_append (self->clients, client);
  g_hash_table_insert (self->clients_by_id, key, client);

  /* The billing rules start from the plan and fee the new client has today: they work
   * on the listed client, so once it is listed. */
  return kab_store_note_client_rate (self, client, error);
}

static gboolean
update_client (KabStore   *self,
               KabClient  *client,
               GDateTime  *now,
               GError    **error)
{
  gint64 id = kab_client_get_id (client);
  sqlite3_stmt *stmt;
  KabClient *listed;
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
  kab_store_pending_client (self, client, now);
  if (!kab_store_tx_begin (self, error))
    return FALSE;

  /* A changed plan, status or fee applies from today, by the billing rules: in the same
   * transaction, so that a client is never saved without the rate it is charged at. */
  if (!kab_store_step_done (self, stmt, error) ||
      !save_identity_number (self, id, client, error) ||
      !kab_store_note_client_rate (self, client, error))
    {
      kab_store_tx_rollback (self);
      return FALSE;
    }

  /* A failed commit has rolled back by itself. */
  if (!kab_store_tx_commit (self, error))
    return FALSE;

  /* One object per client for the whole run: the listed one takes the saved fields
   * (whoever binds or watches it sees them), and an edited copy learns what only the
   * store knows. */
  kab_client_set_updated (client, now);
  listed = g_hash_table_lookup (self->clients_by_id, &id);
  kab_client_assign (listed, client);
  if (listed != client)
    {
      kab_client_set_balance (client, kab_client_get_balance (listed));
      kab_client_set_next_session (client, kab_client_get_next_session (listed));
      kab_client_set_consent_state (client, kab_client_get_consent_state (listed));
      kab_client_set_created (client, kab_client_get_created (listed));
    }

  /* Tell filters and sorters that this one row changed, and only this one. */
  g_list_model_items_changed (G_LIST_MODEL (self->clients), position, 1, 1);
  return TRUE;
}

/**
 * kab_store_save_client:
 * @client: a new client (id 0), or an edited copy of a listed one (or the listed one)
 *
 * Validates and saves @client. A new client gets its id and is itself appended to the
 * live list. For a known client, the object the store lists stays the same for the
 * whole run: it takes the saved fields, with a notify for each that changed, and the
 * list says that its row changed (items-changed at its position only). Edit a copy
 * (kab_client_copy()): a refused save then leaves the listed object as it was.
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

  *out_count = 0;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  return kab_store_query_int64 (self, stmt, out_count, error);
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
      g_autofree char *name = kab_isolate (kab_client_get_display_name (client));

      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                   _("%s has sessions, payments, agreements or journal entries on record and "
                     "cannot be deleted. Archive the client instead."),
                   name);
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

static void
read_history (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  KabClientHistory *history = user_data;

  history->n_sessions = sqlite3_column_int (stmt, 0);
  history->n_series = sqlite3_column_int (stmt, 1);
  history->n_charges = sqlite3_column_int (stmt, 2);
  history->n_payments = sqlite3_column_int (stmt, 3);
  history->n_consents = sqlite3_column_int (stmt, 4);
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
  return kab_store_query_row (self, stmt, read_history, out_history, NULL, error);
}
