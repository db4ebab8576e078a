/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-ledger.c: charges (what a client owes) and payments (what they paid) */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "kab-enum-types.h"
#include "kab-store-private.h"

static void
ledger_written (KabStore *self,
                gint64    client_id)
{
  kab_store_refresh_client_balance (self, client_id);
  g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_LEDGER_CHANGED], 0, client_id);
}

/* One statement, one row: the statement runs in its own implicit transaction. */
static gboolean
write_row (KabStore      *self,
           sqlite3_stmt  *stmt,
           gboolean       is_new,
           GError       **error)
{
  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  if (!is_new && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
                   _("The entry does not exist (any more)."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
delete_row (KabStore    *self,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return write_row (self, stmt, FALSE, error);
}

/* The client a stored row belongs to now, so that moving a row to another client
 * refreshes the balance of both. 0 when the row is new or gone. */
static gboolean
stored_client (KabStore    *self,
               const char  *sql,
               gint64       id,
               gint64      *out_client_id,
               GError     **error)
{
  sqlite3_stmt *stmt;

  *out_client_id = 0;
  if (id == 0)
    return TRUE;

  if ((stmt = kab_store_prepare (self, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return kab_store_query_int64 (self, stmt, out_client_id, error);
}

gboolean
kab_store_save_charge (KabStore   *self,
                       KabCharge  *charge,
                       GError    **error)
{
  gint64 old_client_id;
  gboolean is_new;
  sqlite3_stmt *stmt;
  gint64 client_id;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_CHARGE (charge), FALSE);

  client_id = kab_charge_get_client_id (charge);
  if (!kab_charge_validate (charge, error) || !kab_store_client_exists (self, client_id, error))
    return FALSE;

  is_new = kab_charge_get_id (charge) == 0;
  if (!stored_client (self, "SELECT client_id FROM charge WHERE id = ?1",
                      kab_charge_get_id (charge), &old_client_id, error))
    return FALSE;
  if (is_new)
    stmt = kab_store_prepare (self,
      "INSERT INTO charge (client_id, session_id, date, amount, currency, kind, period, note)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  else
    stmt = kab_store_prepare (self,
      "UPDATE charge SET client_id = ?1, session_id = ?2, date = ?3, amount = ?4,"
      " currency = ?5, kind = ?6, period = ?7, note = ?8 WHERE id = ?9", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  kab_store_bind_id (stmt, 2, kab_charge_get_session_id (charge));
  kab_store_bind_time (stmt, 3, kab_charge_get_date (charge));
  sqlite3_bind_int64 (stmt, 4, kab_charge_get_amount (charge));
  kab_store_bind_text (stmt, 5, kab_charge_get_currency (charge));
  kab_store_bind_text (stmt, 6, kab_store_enum_to_nick (KAB_TYPE_CHARGE_KIND,
                                                        kab_charge_get_kind (charge)));
  kab_store_bind_text (stmt, 7, kab_charge_get_period (charge));
  kab_store_bind_text (stmt, 8, kab_charge_get_note (charge));
  if (!is_new)
    sqlite3_bind_int64 (stmt, 9, kab_charge_get_id (charge));

  kab_store_pending_charge (self, charge, KAB_PENDING_SAVE);
  if (!write_row (self, stmt, is_new, error))
    return FALSE;

  if (is_new)
    kab_charge_set_id (charge, sqlite3_last_insert_rowid (self->db));

  if (old_client_id != 0 && old_client_id != client_id)
    ledger_written (self, old_client_id);
  ledger_written (self, client_id);
  return TRUE;
}

gboolean
kab_store_delete_charge (KabStore   *self,
                         KabCharge  *charge,
                         GError    **error)
{
  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_CHARGE (charge), FALSE);

  if (kab_charge_get_session_id (charge) != 0)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                   _("This charge comes from a session. Change the session’s status instead."));
      return FALSE;
    }

  /* Undoing a package's sale takes the package away, and bills its sessions again. */
  kab_store_pending_charge (self, charge, KAB_PENDING_DELETE);
  if (!kab_store_tx_begin (self, error))
    return FALSE;
  if (!kab_store_forget_package_of_charge (self, kab_charge_get_client_id (charge),
                                           kab_charge_get_id (charge), error) ||
      !delete_row (self, "DELETE FROM charge WHERE id = ?1", kab_charge_get_id (charge), error))
    {
      kab_store_tx_rollback (self);
      return FALSE;
    }
  if (!kab_store_tx_commit (self, error))
    return FALSE;

  ledger_written (self, kab_charge_get_client_id (charge));
  return TRUE;
}

gboolean
kab_store_save_payment (KabStore    *self,
                        KabPayment  *payment,
                        GError     **error)
{
  gint64 old_client_id;
  gboolean is_new;
  sqlite3_stmt *stmt;
  gint64 client_id;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_PAYMENT (payment), FALSE);

  client_id = kab_payment_get_client_id (payment);
  if (!kab_payment_validate (payment, error) || !kab_store_client_exists (self, client_id, error))
    return FALSE;

  is_new = kab_payment_get_id (payment) == 0;
  if (!stored_client (self, "SELECT client_id FROM payment WHERE id = ?1",
                      kab_payment_get_id (payment), &old_client_id, error))
    return FALSE;
  if (is_new)
    stmt = kab_store_prepare (self,
      "INSERT INTO payment (client_id, date, amount, currency, method, note)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  else
    stmt = kab_store_prepare (self,
      "UPDATE payment SET client_id = ?1, date = ?2, amount = ?3, currency = ?4,"
      " method = ?5, note = ?6 WHERE id = ?7", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  kab_store_bind_time (stmt, 2, kab_payment_get_date (payment));
  sqlite3_bind_int64 (stmt, 3, kab_payment_get_amount (payment));
  kab_store_bind_text (stmt, 4, kab_payment_get_currency (payment));
  kab_store_bind_text (stmt, 5, kab_store_enum_to_nick (KAB_TYPE_PAYMENT_METHOD,
                                                        kab_payment_get_method (payment)));
  kab_store_bind_text (stmt, 6, kab_payment_get_note (payment));
  if (!is_new)
    sqlite3_bind_int64 (stmt, 7, kab_payment_get_id (payment));

  kab_store_pending_payment (self, payment, KAB_PENDING_SAVE);
  if (!write_row (self, stmt, is_new, error))
    return FALSE;

  if (is_new)
    kab_payment_set_id (payment, sqlite3_last_insert_rowid (self->db));

  if (old_client_id != 0 && old_client_id != client_id)
    ledger_written (self, old_client_id);
  ledger_written (self, client_id);
  return TRUE;
}

gboolean
kab_store_delete_payment (KabStore    *self,
                          KabPayment  *payment,
                          GError     **error)
{
  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_PAYMENT (payment), FALSE);

  kab_store_pending_payment (self, payment, KAB_PENDING_DELETE);
  if (!delete_row (self, "DELETE FROM payment WHERE id = ?1", kab_payment_get_id (payment), error))
    return FALSE;

  ledger_written (self, kab_payment_get_client_id (payment));
  return TRUE;
}

static void
bind_range (sqlite3_stmt *stmt,
            gint64        client_id,
            GDateTime    *from,
            GDateTime    *to)
{
  sqlite3_bind_int64 (stmt, 1, client_id);
  if (from != NULL)
    kab_store_bind_time (stmt, 2, from);
  else
    sqlite3_bind_int64 (stmt, 2, G_MININT64);
  if (to != NULL)
    kab_store_bind_time (stmt, 3, to);
  else
    sqlite3_bind_int64 (stmt, 3, G_MAXINT64);
}

/* Rows of charges and payments, as every query here reads them: id, client_id,
 * session_id, date, amount, currency, kind or method, period, note, from column @first. */
static GObject *
charge_from_columns (sqlite3_stmt *stmt,
                     int           first)
{
  g_autoptr(GDateTime) date = kab_store_column_time (stmt, first + 3);

  return g_object_new (KAB_TYPE_CHARGE,
                       "id", (gint64)sqlite3_column_int64 (stmt, first),
                       "client-id", (gint64)sqlite3_column_int64 (stmt, first + 1),
                       "session-id", (gint64)sqlite3_column_int64 (stmt, first + 2),
                       "date", date,
                       "amount", (gint64)sqlite3_column_int64 (stmt, first + 4),
                       "currency", kab_store_column_text (stmt, first + 5),
                       "kind", kab_store_enum_from_nick (KAB_TYPE_CHARGE_KIND,
                                                         kab_store_column_text (stmt, first + 6),
                                                         KAB_CHARGE_KIND_OTHER),
                       "period", kab_store_column_text (stmt, first + 7),
                       "note", kab_store_column_text (stmt, first + 8),
                       NULL);
}

static GObject *
payment_from_columns (sqlite3_stmt *stmt,
                      int           first)
{
  g_autoptr(GDateTime) date = kab_store_column_time (stmt, first + 3);

  return g_object_new (KAB_TYPE_PAYMENT,
                       "id", (gint64)sqlite3_column_int64 (stmt, first),
                       "client-id", (gint64)sqlite3_column_int64 (stmt, first + 1),
                       "date", date,
                       "amount", (gint64)sqlite3_column_int64 (stmt, first + 4),
                       "currency", kab_store_column_text (stmt, first + 5),
                       "method", kab_store_enum_from_nick (KAB_TYPE_PAYMENT_METHOD,
                                                           kab_store_column_text (stmt, first + 6),
                                                           KAB_PAYMENT_METHOD_OTHER),
                       "note", kab_store_column_text (stmt, first + 8),
                       NULL);
}

static gpointer
charge_from_row (sqlite3_stmt *stmt)
{
  return charge_from_columns (stmt, 0);
}

static gpointer
payment_from_row (sqlite3_stmt *stmt)
{
  return payment_from_columns (stmt, 0);
}

/* A ledger row: 0 for a charge or 1 for a payment, then the columns above. */
static gpointer
ledger_from_row (sqlite3_stmt *stmt)
{
  return sqlite3_column_int (stmt, 0) == 0 ? charge_from_columns (stmt, 1)
                                           : payment_from_columns (stmt, 1);
}

/**
 * kab_store_list_charges:
 * @client_id: one client, or 0 for the whole practice
 * @from: (nullable): start of the period (inclusive)
 * @to: (nullable): end of the period (exclusive)
 *
 * Returns: (transfer full): the charges, by date
 */
GListModel *
kab_store_list_charges (KabStore   *self,
                        gint64      client_id,
                        GDateTime  *from,
                        GDateTime  *to,
                        GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self,
    "SELECT id, client_id, session_id, date, amount, currency, kind, period, note FROM charge"
    " WHERE (?1 = 0 OR client_id = ?1) AND date >= ?2 AND date < ?3 ORDER BY date, id", error);
  if (stmt == NULL)
    return NULL;

  bind_range (stmt, client_id, from, to);
  return kab_store_collect (self, stmt, KAB_TYPE_CHARGE, charge_from_row, error);
}

/**
 * kab_store_list_payments:
 * @client_id: one client, or 0 for the whole practice
 * @from: (nullable): start of the period (inclusive)
 * @to: (nullable): end of the period (exclusive)
 *
 * Returns: (transfer full): the payments, by date
 */
GListModel *
kab_store_list_payments (KabStore   *self,
                         gint64      client_id,
                         GDateTime  *from,
                         GDateTime  *to,
                         GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  stmt = kab_store_prepare (self,
    "SELECT id, client_id, NULL, date, amount, currency, method, '', note FROM payment"
    " WHERE (?1 = 0 OR client_id = ?1) AND date >= ?2 AND date < ?3 ORDER BY date, id", error);
  if (stmt == NULL)
    return NULL;

  bind_range (stmt, client_id, from, to);
  return kab_store_collect (self, stmt, KAB_TYPE_PAYMENT, payment_from_row, error);
}

/**
 * kab_store_get_balance:
 * @out_balance: (out): charges minus payments; positive when the client owes
 */
gboolean
kab_store_get_balance (KabStore  *self,
                       gint64     client_id,
                       gint64    *out_balance,
                       GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_balance != NULL, FALSE);

  /* Kept by the schema's triggers in every write's transaction; no row is 0. */
  stmt = kab_store_prepare (self,
    "SELECT coalesce ((SELECT balance FROM client_balance WHERE client_id = ?1), 0)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  return kab_store_query_int64 (self, stmt, out_balance, error);
}

static void
add_balance (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  gint64 balance = sqlite3_column_int64 (stmt, 1);

  g_hash_table_insert (user_data, g_memdup2 (&id, sizeof id), g_memdup2 (&balance, sizeof balance));
}

/**
 * kab_store_get_all_balances:
 *
 * Returns: (transfer full) (element-type gint64 gint64): client id → balance, for every
 *   client
 */
GHashTable *
kab_store_get_all_balances (KabStore  *self,
                            GError   **error)
{
  g_autoptr(GHashTable) balances = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  /* One kept row per client (see kab_store_get_balance), not 100,000 rows summed. */
  stmt = kab_store_prepare (self,
    "SELECT client.id, coalesce (client_balance.balance, 0) FROM client"
    " LEFT JOIN client_balance ON client_balance.client_id = client.id", error);
  if (stmt == NULL)
    return NULL;

  if (!kab_store_each_row (self, stmt, add_balance, balances, error))
    return NULL;

  return g_steal_pointer (&balances);
}

static void
read_two_int64 (sqlite3_stmt *stmt,
                gpointer      user_data)
{
  gint64 *values = user_data;

  values[0] = sqlite3_column_int64 (stmt, 0);
  values[1] = sqlite3_column_int64 (stmt, 1);
}

gboolean
kab_store_get_totals (KabStore  *self,
                      gint64    *out_charged,
                      gint64    *out_paid,
                      GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 totals[2] = { 0, 0 };

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  stmt = kab_store_prepare (self,
    "SELECT (SELECT coalesce (sum (amount), 0) FROM charge),"
    " (SELECT coalesce (sum (amount), 0) FROM payment)", error);
  if (stmt == NULL)
    return FALSE;

  if (!kab_store_query_row (self, stmt, read_two_int64, totals, NULL, error))
    return FALSE;

  if (out_charged != NULL)
    *out_charged = totals[0];
  if (out_paid != NULL)
    *out_paid = totals[1];
  return TRUE;
}

/* Ledger views: what the Payments view reads. */

void
kab_debt_clear (KabDebt *debt)
{
  g_clear_pointer (&debt->since, g_date_time_unref);
}

/* A change of currency closes a balance and opens it again at the same moment: the
 * closing entry (in the currency left) comes first, so that the running balance goes to
 * zero in the old currency before it starts in the new one. */
/* At one moment: what the client did first, then a conversion's closing entry, then its
 * opening one. A charge and the conversion made in the same second as it must not swap,
 * or the charge would seem to follow its own closing. */
#define CONVERSION_RANK \
  "(CASE WHEN conversion_id IS NULL THEN 0" \
  " WHEN currency <> (SELECT to_currency FROM currency_conversion WHERE id = conversion_id)" \
  " THEN 1 ELSE 2 END)"

/**
 * kab_store_list_ledger:
 * @client_id: one client, or 0 for the whole practice
 * @from: (nullable): start of the period (inclusive)
 * @to: (nullable): end of the period (exclusive)
 *
 * Charges and payments merged in one list, by date; at the same moment a charge comes
 * before the payment that settles it.
 *
 * Returns: (transfer full): a model of #KabCharge and #KabPayment objects
 */
GListModel *
kab_store_list_ledger (KabStore   *self,
                       gint64      client_id,
                       GDateTime  *from,
                       GDateTime  *to,
                       GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  /* Two statements rather than "?1 = 0 OR client_id = ?1", so that the planner can use
   * the client index for a client and the date index for the practice. */
  if (client_id != 0)
    stmt = kab_store_prepare (self,
      "SELECT 0, id, client_id, session_id, date, amount, currency, kind, period, note,"
      " " CONVERSION_RANK
      " FROM charge WHERE client_id = ?1 AND date >= ?2 AND date < ?3"
      " UNION ALL"
      " SELECT 1, id, client_id, NULL, date, amount, currency, method, '', note,"
      " " CONVERSION_RANK
      " FROM payment WHERE client_id = ?1 AND date >= ?2 AND date < ?3"
      " ORDER BY 5, 11, 1, 2", error);
  else
    stmt = kab_store_prepare (self,
      "SELECT 0, id, client_id, session_id, date, amount, currency, kind, period, note,"
      " " CONVERSION_RANK
      " FROM charge WHERE date >= ?2 AND date < ?3"
      " UNION ALL"
      " SELECT 1, id, client_id, NULL, date, amount, currency, method, '', note,"
      " " CONVERSION_RANK
      " FROM payment WHERE date >= ?2 AND date < ?3"
      " ORDER BY 5, 11, 1, 2", error);
  if (stmt == NULL)
    return NULL;

  bind_range (stmt, client_id, from, to);
  return kab_store_collect (self, stmt, G_TYPE_OBJECT, ledger_from_row, error);
}

/* Runs @sql, bound to (?1 client, ?2 date), for its one integer. */
static gboolean
query_amount (KabStore    *self,
              const char  *sql,
              gint64       client_id,
              GDateTime   *date,
              gint64      *out_amount,
              GError     **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  kab_store_bind_time (stmt, 2, date);
  return kab_store_query_int64 (self, stmt, out_amount, error);
}

/* Whether @date lies in the later half of the practice's history, where fewer charges
 * come after it than before (min and max are each one step down the date index). */
static gboolean
is_recent (KabStore   *self,
           GDateTime  *date,
           gboolean   *out_recent,
           GError    **error)
{
  gint64 middle = 0;

  if (!query_amount (self,
                     "SELECT ((SELECT min (date) FROM charge) + (SELECT max (date) FROM charge)) / 2",
                     0, date, &middle, error))
    return FALSE;

  *out_recent = g_date_time_to_unix (date) > middle;
  return TRUE;
}

/**
 * kab_store_get_balance_before:
 * @client_id: one client, or 0 for the whole practice
 * @date: the moment (exclusive)
 * @out_balance: (out): charges minus payments dated before @date
 *
 * The balance a ledger of a period starts from.
 */
gboolean
kab_store_get_balance_before (KabStore   *self,
                              gint64      client_id,
                              GDateTime  *date,
                              gint64     *out_balance,
                              GError    **error)
{
  gboolean recent = FALSE;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (out_balance != NULL, FALSE);

  if (client_id != 0)
    return query_amount (self,
      "SELECT (SELECT coalesce (sum (amount), 0) FROM charge WHERE client_id = ?1 AND date < ?2)"
      " - (SELECT coalesce (sum (amount), 0) FROM payment WHERE client_id = ?1 AND date < ?2)",
      client_id, date, out_balance, error);

  if (!is_recent (self, date, &recent, error))
    return FALSE;

  /* The date index holds no amounts, so each row it finds costs a read of the table:
   * a recent month is everything (the sum of the balances the store keeps on every
   * client) less the few rows after it, an old month the few rows before it. */
  if (recent)
    {
      GListModel *clients = G_LIST_MODEL (self->clients);
      guint n = g_list_model_get_n_items (clients);
      gint64 total = 0;
      gint64 after = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KabClient) client = g_list_model_get_item (clients, i);
          total += kab_client_get_balance (client);
        }

      if (!query_amount (self,
            "SELECT (SELECT coalesce (sum (amount), 0) FROM charge WHERE date >= ?2)"
            " - (SELECT coalesce (sum (amount), 0) FROM payment WHERE date >= ?2)",
            0, date, &after, error))
        return FALSE;

      *out_balance = total - after;
      return TRUE;
    }

  return query_amount (self,
    "SELECT (SELECT coalesce (sum (amount), 0) FROM charge WHERE date < ?2)"
    " - (SELECT coalesce (sum (amount), 0) FROM payment WHERE date < ?2)",
    0, date, out_balance, error);
}

/**
 * kab_store_generate_monthly_fees:
 * @month: any moment in the month, read in local time
 * @out_created: (out) (optional): how many fees were charged now
 *
 * Runs the monthly rule (kab-store-billing.c) for one month only, up to today: clients
 * active on the monthly plan on some day of that month are charged the fee of that
 * month, once. The store runs the rule for every month by itself; this is the same rule
 * asked for by hand.
 */
gboolean
kab_store_generate_monthly_fees (KabStore   *self,
                                 GDateTime  *month,
                                 guint      *out_created,
                                 GError    **error)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) first_day = NULL;
  g_autoptr(GDateTime) next_month = NULL;
  g_autoptr(GDateTime) last_day = NULL;
  g_autoptr(GDateTime) now = kab_store_now ();
  g_autofree char *period = NULL;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (month != NULL, FALSE);

  local = g_date_time_to_local (month);
  first_day = g_date_time_new_local (g_date_time_get_year (local),
                                     g_date_time_get_month (local), 1, 0, 0, 0);
  next_month = g_date_time_add_months (first_day, 1);
  last_day = g_date_time_add_seconds (next_month, -1);
  period = g_date_time_format (first_day, "%Y-%m");

  return kab_store_charge_months (self,
                                  g_date_time_compare (last_day, now) < 0 ? last_day : now,
                                  period, out_created, error);
}

/* Who owes since when: a client's payments settle the oldest charges first, so the debt
 * began at the first charge (by date) at which the running sum of the client's charges
 * exceeds everything the client has paid. */
#define DEBTS_SQL(CLIENTS) \
  "WITH debtor AS MATERIALIZED (" \
  "  SELECT id AS client_id," \
  "   (SELECT coalesce (sum (amount), 0) FROM charge WHERE client_id = client.id) AS charged," \
  "   (SELECT coalesce (sum (amount), 0) FROM payment WHERE client_id = client.id) AS paid" \
  "  FROM client " CLIENTS ")," \
  " running AS (" \
  "  SELECT charge.client_id, charge.date, debtor.charged - debtor.paid AS owed, debtor.paid," \
  "   sum (charge.amount) OVER (PARTITION BY charge.client_id ORDER BY charge.date, charge.id" \
  "                             ROWS UNBOUNDED PRECEDING) AS cumulative" \
  "  FROM debtor JOIN charge ON charge.client_id = debtor.client_id" \
  "  WHERE debtor.charged > debtor.paid)" \
  " SELECT client_id, owed, min (date) FROM running WHERE cumulative > paid" \
  " GROUP BY client_id ORDER BY 3, 1"

static void
append_debt (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  KabDebt debt = {
    sqlite3_column_int64 (stmt, 0),
    sqlite3_column_int64 (stmt, 1),
    kab_store_column_time (stmt, 2),
  };

  g_array_append_val ((GArray *)user_data, debt);
}

static gboolean
read_debts (KabStore      *self,
            sqlite3_stmt  *stmt,
            GArray        *debts,
            GError       **error)
{
  return kab_store_each_row (self, stmt, append_debt, debts, error);
}

/**
 * kab_store_list_debts:
 *
 * Returns: (transfer full) (element-type KabDebt): every client who owes, the oldest
 *   debt first
 */
static int
compare_debts (gconstpointer a,
               gconstpointer b)
{
  const KabDebt *debt_a = a;
  const KabDebt *debt_b = b;
  int order = g_date_time_compare (debt_a->since, debt_b->since);

  if (order != 0)
    return order;
  return (debt_a->client_id > debt_b->client_id) - (debt_a->client_id < debt_b->client_id);
}

GArray *
kab_store_list_debts (KabStore  *self,
                      GError   **error)
{
  g_autoptr(GArray) debts = g_array_new (FALSE, TRUE, sizeof (KabDebt));
  GListModel *clients;
  guint n;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  g_array_set_clear_func (debts, (GDestroyNotify)kab_debt_clear);

  /* Who owes is known from the balances the store keeps on every client (refreshed on
   * each write to the ledger); only the debtors' own rows are read for since when. */
  clients = G_LIST_MODEL (self->clients);
  n = g_list_model_get_n_items (clients);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (clients, i);
      KabDebt debt;

      if (kab_client_get_balance (client) <= 0)
        continue;

      if (!kab_store_get_debt (self, kab_client_get_id (client), &debt, error))
        return NULL;

      if (debt.amount > 0)
        g_array_append_val (debts, debt);
      else
        kab_debt_clear (&debt);
    }

  g_array_sort (debts, compare_debts);
  return g_steal_pointer (&debts);
}

/**
 * kab_store_get_debt:
 * @out_debt: (out caller-allocates): the client's debt; amount 0 and since %NULL when the
 *   client owes nothing. Free its contents with kab_debt_clear().
 *
 * One client's line of kab_store_list_debts(), to update a list after a change.
 */
gboolean
kab_store_get_debt (KabStore  *self,
                    gint64     client_id,
                    KabDebt   *out_debt,
                    GError   **error)
{
  g_autoptr(GArray) debts = g_array_new (FALSE, TRUE, sizeof (KabDebt));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_debt != NULL, FALSE);

  *out_debt = (KabDebt) { client_id, 0, NULL };

  stmt = kab_store_prepare (self, DEBTS_SQL ("WHERE id = ?1"), error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  if (!read_debts (self, stmt, debts, error))
    return FALSE;

  if (debts->len > 0)
    {
      KabDebt *found = &g_array_index (debts, KabDebt, 0);

      *out_debt = *found;
      found->since = NULL;  /* now the caller's */
    }

  return TRUE;
}

typedef struct
{
  gsize      offset;
  KabIncome *months;
} MonthSums;

static void
add_to_month (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  MonthSums *sums = user_data;
  int month = atoi (kab_store_column_text (stmt, 0));

  if (month >= 1 && month <= 12)
    G_STRUCT_MEMBER (gint64, &sums->months[month - 1], sums->offset) += sqlite3_column_int64 (stmt, 1);
}

/* Sums @sql's rows of (month "01".."12", amount) into the field at @offset of each month. */
static gboolean
sum_by_month (KabStore     *self,
              const char   *sql,
              GDateTime    *from,
              GDateTime    *to,
              gsize         offset,
              KabIncome    *months,
              GError      **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self, sql, error);
  MonthSums sums = { offset, months };

  if (stmt == NULL)
    return FALSE;

  kab_store_bind_time (stmt, 1, from);
  kab_store_bind_time (stmt, 2, to);
  return kab_store_each_row (self, stmt, add_to_month, &sums, error);
}

/**
 * kab_store_get_income:
 * @year: the calendar year, in local time
 * @out_months: (out caller-allocates): January to December
 *
 * For each month of @year: the charges dated in it, the payments dated in it, and the
 * part of the month's charges still unpaid today (payments settle the oldest charges
 * first, as for kab_store_list_debts()). The entries that moved balances to a new
 * currency are neither charged nor paid: nobody owed or paid them.
 */
gboolean
kab_store_get_income (KabStore   *self,
                      int         year,
                      KabIncome   out_months[12],
                      GError    **error)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (year >= 1970 && year < 9999, FALSE);

  memset (out_months, 0, 12 * sizeof (KabIncome));
  from = g_date_time_new_local (year, 1, 1, 0, 0, 0);
  to = g_date_time_new_local (year + 1, 1, 1, 0, 0, 0);

  /* The charges after the year cannot change how much of the year's charges is paid,
   * since payments settle the oldest first: the running sums stop at ?2. */
  return sum_by_month (self,
                       "SELECT strftime ('%m', date, 'unixepoch', 'localtime'), sum (amount)"
                       " FROM charge WHERE date >= ?1 AND date < ?2"
                       " AND conversion_id IS NULL GROUP BY 1",
                       from, to, G_STRUCT_OFFSET (KabIncome, charged), out_months, error) &&
         sum_by_month (self,
                       "SELECT strftime ('%m', date, 'unixepoch', 'localtime'), sum (amount)"
                       " FROM payment WHERE date >= ?1 AND date < ?2"
                       " AND conversion_id IS NULL GROUP BY 1",
                       from, to, G_STRUCT_OFFSET (KabIncome, paid), out_months, error) &&
         sum_by_month (self,
                       "WITH billed AS MATERIALIZED ("
                       "  SELECT DISTINCT client_id FROM charge WHERE date >= ?1 AND date < ?2),"
                       " paid AS MATERIALIZED ("
                       "  SELECT client_id, sum (amount) AS paid FROM payment"
                       "  WHERE client_id IN billed GROUP BY client_id),"
                       " running AS ("
                       "  SELECT charge.date, charge.amount, coalesce (paid.paid, 0) AS paid,"
                       "   sum (charge.amount) OVER (PARTITION BY charge.client_id"
                       "     ORDER BY charge.date, charge.id ROWS UNBOUNDED PRECEDING) AS cumulative"
                       "  FROM charge LEFT JOIN paid ON paid.client_id = charge.client_id"
                       "  WHERE charge.client_id IN billed AND charge.date < ?2)"
                       " SELECT strftime ('%m', date, 'unixepoch', 'localtime'),"
                       "  sum (min (amount, cumulative - paid))"
                       " FROM running WHERE date >= ?1 AND cumulative > paid GROUP BY 1",
                       from, to, G_STRUCT_OFFSET (KabIncome, outstanding), out_months, error);
}
