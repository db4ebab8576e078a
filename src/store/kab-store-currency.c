/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-currency.c: changing the practice's currency by an explicit conversion */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-model-error.h"
#include "kab-money.h"
#include "kab-store-private.h"

/* A balance is moved, never rewritten: for each client whose balance is not zero, one
 * entry in the old currency brings it to zero and one in the new currency opens it at
 * the converted amount. Both point to the conversion, so the client's entries in the old
 * currency add up to zero and those in the new one to the balance kept. The fees that
 * price future charges follow the rate; charges, payments, receipts and invoices keep the
 * currency they were made in. */

gboolean
kab_store_ledger_has_entries (KabStore *self)
{
  sqlite3_stmt *stmt;
  gint64 used = 1;

  g_return_val_if_fail (KAB_IS_STORE (self), TRUE);

  stmt = kab_store_prepare (self,
    "SELECT EXISTS (SELECT 1 FROM charge) OR EXISTS (SELECT 1 FROM payment)", NULL);
  if (stmt == NULL || !kab_store_query_int64 (self, stmt, &used, NULL))
    return TRUE;

  return used != 0;
}

static void
read_text (sqlite3_stmt *stmt,
           gpointer      user_data)
{
  *(char **)user_data = g_strdup (kab_store_column_text (stmt, 0));
}

/**
 * kab_store_dup_currency_on:
 * @date: a moment
 *
 * Returns: (transfer full): the currency the practice kept its accounts in just before
 *   @date: the one it left at the first conversion from @date on, or the one it keeps now
 */
char *
kab_store_dup_currency_on (KabStore  *self,
                           GDateTime *date)
{
  char *currency = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  stmt = kab_store_prepare (self,
    "SELECT from_currency FROM currency_conversion WHERE date >= ?1 ORDER BY date, id LIMIT 1",
    NULL);
  if (stmt != NULL)
    {
      kab_store_bind_time (stmt, 1, date);
      kab_store_query_row (self, stmt, read_text, &currency, NULL, NULL);
    }

  return currency != NULL ? currency : g_strdup (kab_practice_get_currency (self->practice));
}

static gboolean
count (KabStore    *self,
       const char  *sql,
       guint       *out_count,
       GError     **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self, sql, error);
  gint64 value = 0;

  if (stmt == NULL || !kab_store_query_int64 (self, stmt, &value, error))
    return FALSE;

  *out_count = (guint)value;
  return TRUE;
}

/**
 * kab_store_preview_conversion:
 * @out_preview: (out): the clients whose balance would be converted, and the invoices
 *   still unpaid
 */
gboolean
kab_store_preview_conversion (KabStore              *self,
                              KabConversionPreview  *out_preview,
                              GError               **error)
{
  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_preview != NULL, FALSE);

  return count (self, "SELECT count (*) FROM client_balance WHERE balance <> 0",
                &out_preview->n_clients, error) &&
         count (self, "SELECT count (*) FROM invoice WHERE payment_id = 0 AND amount > 0",
                &out_preview->n_open_invoices, error);
}

/**
 * kab_store_can_convert_currency:
 *
 * Whether nothing stands in the way of a conversion: %FALSE with
 * %KAB_STORE_ERROR_REFUSED, and a message that says why, while an invoice is unpaid.
 */
gboolean
kab_store_can_convert_currency (KabStore  *self,
                                GError   **error)
{
  KabConversionPreview preview = { 0, };

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  if (!kab_store_preview_conversion (self, &preview, error))
    return FALSE;

  if (preview.n_open_invoices == 0)
    return TRUE;

  g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
               ngettext ("%u invoice is not paid yet. An invoice asks for an amount in its "
                         "own currency, and a payment in another currency could never settle "
                         "it: record and match its payment before the currency changes.",
                         "%u invoices are not paid yet. An invoice asks for an amount in its "
                         "own currency, and a payment in another currency could never settle "
                         "them: record and match their payments before the currency changes.",
                         preview.n_open_invoices),
               preview.n_open_invoices);
  return FALSE;
}

typedef struct
{
  gint64 id;
  gint64 amount;
} IdAmount;

static void
collect_id_amount (sqlite3_stmt *stmt,
                   gpointer      user_data)
{
  IdAmount row = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

  g_array_append_val ((GArray *)user_data, row);
}

static GArray *
load_id_amounts (KabStore    *self,
                 const char  *sql,
                 GError     **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (IdAmount));
  sqlite3_stmt *stmt = kab_store_prepare (self, sql, error);

  if (stmt == NULL || !kab_store_each_row (self, stmt, collect_id_amount, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}

typedef struct
{
  const KabExchangeRate *rate;
  const char            *from;
  const char            *to;
  gint64                 conversion_id;
  gint64                 date;
  const char            *note;
} Conversion;

/* A credit (@amount < 0) is a payment row, a debit a charge row: both tables keep
 * amounts above zero. */
static gboolean
insert_entry (KabStore          *self,
              const Conversion  *conversion,
              gint64             client_id,
              gint64             amount,
              const char        *currency,
              GError           **error)
{
  sqlite3_stmt *stmt;

  if (amount == 0)
    return TRUE;

  if (amount > 0)
    stmt = kab_store_prepare (self,
      "INSERT INTO charge (client_id, date, amount, currency, kind, note, conversion_id)"
      " VALUES (?1, ?2, ?3, ?4, 'other', ?5, ?6)", error);
  else
    stmt = kab_store_prepare (self,
      "INSERT INTO payment (client_id, date, amount, currency, method, note, conversion_id)"
      " VALUES (?1, ?2, ?3, ?4, 'other', ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 2, conversion->date);
  sqlite3_bind_int64 (stmt, 3, amount > 0 ? amount : -amount);
  kab_store_bind_text (stmt, 4, currency);
  kab_store_bind_text (stmt, 5, conversion->note);
  sqlite3_bind_int64 (stmt, 6, conversion->conversion_id);
  return kab_store_step_done (self, stmt, error);
}

static gboolean
convert_balances (KabStore          *self,
                  const Conversion  *conversion,
                  guint             *out_n_clients,
                  GError           **error)
{
  g_autoptr(GArray) balances = load_id_amounts (self,
    "SELECT client_id, balance FROM client_balance WHERE balance <> 0 ORDER BY client_id",
    error);

  if (balances == NULL)
    return FALSE;

  for (guint i = 0; i < balances->len; i++)
    {
      const IdAmount *row = &g_array_index (balances, IdAmount, i);
      gint64 converted = 0;

      if (!kab_exchange_rate_convert (conversion->rate, row->amount, conversion->from,
                                      conversion->to, &converted, error) ||
          !insert_entry (self, conversion, row->id, -row->amount, conversion->from, error) ||
          !insert_entry (self, conversion, row->id, converted, conversion->to, error))
        return FALSE;
    }

  *out_n_clients = balances->len;
  return TRUE;
}

/* The fees that price charges still to come: a client's, each of its rates, a series',
 * each session's (charges already made keep their own amount). */
static const struct {
  const char *select;
  const char *update;
} fee_columns[] = {
  { "SELECT id, fee FROM client WHERE fee > 0", "UPDATE client SET fee = ?2 WHERE id = ?1" },
  { "SELECT rowid, fee FROM client_rate WHERE fee > 0",
    "UPDATE client_rate SET fee = ?2 WHERE rowid = ?1" },
  { "SELECT id, fee FROM series WHERE fee > 0", "UPDATE series SET fee = ?2 WHERE id = ?1" },
  { "SELECT id, fee FROM session WHERE fee > 0", "UPDATE session SET fee = ?2 WHERE id = ?1" },
};

static gboolean
convert_fees (KabStore          *self,
              const Conversion  *conversion,
              GError           **error)
{
  for (guint c = 0; c < G_N_ELEMENTS (fee_columns); c++)
    {
      g_autoptr(GArray) rows = load_id_amounts (self, fee_columns[c].select, error);

      if (rows == NULL)
        return FALSE;

      for (guint i = 0; i < rows->len; i++)
        {
          const IdAmount *row = &g_array_index (rows, IdAmount, i);
          gint64 fee = 0;
          sqlite3_stmt *stmt;

          if (!kab_exchange_rate_convert (conversion->rate, row->amount, conversion->from,
                                          conversion->to, &fee, error))
            return FALSE;

          stmt = kab_store_prepare (self, fee_columns[c].update, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, row->id);
          sqlite3_bind_int64 (stmt, 2, fee);
          if (!kab_store_step_done (self, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
insert_conversion (KabStore    *self,
                   Conversion  *conversion,
                   GError     **error)
{
  g_autofree char *rate = NULL;
  sqlite3_stmt *stmt;
  guint64 divisor = 1;

  for (guint i = 0; i < conversion->rate->scale; i++)
    divisor *= 10;
  /* Not the locale's decimal sign: the record is read back by programs too. */
  rate = conversion->rate->scale == 0
         ? g_strdup_printf ("%" G_GUINT64_FORMAT, conversion->rate->units)
         : g_strdup_printf ("%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT,
                            conversion->rate->units / divisor, (int)conversion->rate->scale,
                            conversion->rate->units % divisor);

  stmt = kab_store_prepare (self,
    "INSERT INTO currency_conversion (date, from_currency, to_currency, rate)"
    " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversion->date);
  kab_store_bind_text (stmt, 2, conversion->from);
  kab_store_bind_text (stmt, 3, conversion->to);
  kab_store_bind_text (stmt, 4, rate);
  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  conversion->conversion_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
switch_practice (KabStore          *self,
                 const Conversion  *conversion,
                 gint64            *out_default_fee,
                 GError           **error)
{
  sqlite3_stmt *stmt;

  if (!kab_exchange_rate_convert (conversion->rate,
                                  kab_practice_get_default_fee (self->practice),
                                  conversion->from, conversion->to, out_default_fee, error))
    return FALSE;

  /* A practice never saved keeps its settings (from the locale) in memory only: they
   * are saved as they are first, so that the new currency is not lost at the next start. */
  if (!kab_store_save_practice (self, self->practice, error))
    return FALSE;

  stmt = kab_store_prepare (self,
    "UPDATE practice SET currency = ?1, default_fee = ?2 WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;

  kab_store_bind_text (stmt, 1, conversion->to);
  sqlite3_bind_int64 (stmt, 2, *out_default_fee);
  return kab_store_step_done (self, stmt, error);
}

static gboolean
check_conversion (KabStore    *self,
                  const char  *currency,
                  GError     **error)
{
  if (!kab_currency_is_valid (currency))
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                   /* Translators: %s is what was given as a currency code */
                   _("“%s” is not a currency Kabinett knows."), currency);
      return FALSE;
    }

  if (g_strcmp0 (currency, kab_practice_get_currency (self->practice)) == 0)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                   /* Translators: %s is an ISO currency code, e.g. SEK */
                   _("The practice already keeps its accounts in %s."), currency);
      return FALSE;
    }

  return kab_store_can_convert_currency (self, error);
}

static void
update_clients (KabStore          *self,
                const Conversion  *conversion)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->clients));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (G_LIST_MODEL (self->clients), i);
      gint64 fee = 0;

      /* The same arithmetic as the rows just written, which succeeded. */
      if (kab_exchange_rate_convert (conversion->rate, kab_client_get_fee (client),
                                     conversion->from, conversion->to, &fee, NULL))
        kab_client_set_fee (client, fee);
      kab_store_refresh_client_balance (self, kab_client_get_id (client));
    }
}

/**
 * kab_store_convert_currency:
 * @currency: the new ISO 4217 code
 * @rate: units of @currency for one unit of the practice's currency now
 * @out_n_clients: (out) (optional): the clients whose balance was converted
 *
 * Changes the practice's currency in one transaction: each client's balance is closed in
 * the old currency and opened in @currency at the rate, rounded half away from zero to
 * the minor unit, by two ledger entries that say so; the fees (the practice's, the
 * clients' and their history, series, sessions) are converted at the same rate. No
 * existing charge, payment, receipt, invoice or package changes. Refused with
 * %KAB_STORE_ERROR_REFUSED while an invoice is unpaid.
 */
gboolean
kab_store_convert_currency (KabStore               *self,
                            const char             *currency,
                            const KabExchangeRate  *rate,
                            guint                  *out_n_clients,
                            GError                **error)
{
  g_autofree char *old = NULL;
  g_autofree char *rate_text = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GDateTime) now = kab_store_now ();
  Conversion conversion = { rate, };
  gint64 default_fee = 0;
  guint n_clients = 0;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (rate != NULL, FALSE);

  if (rate->units == 0)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT,
                           _("The exchange rate must be greater than zero."));
      return FALSE;
    }

  if (!check_conversion (self, currency, error))
    return FALSE;

  old = g_strdup (kab_practice_get_currency (self->practice));
  rate_text = kab_exchange_rate_format (rate);
  /* Translators: the note of the two ledger entries that move a client's balance to the
   * new currency, e.g. "Balance converted from EUR to SEK at 1 EUR = 11.50 SEK" */
  note = g_strdup_printf (_("Balance converted from %s to %s at 1 %s = %s %s"),
                          old, currency, old, rate_text, currency);
  conversion.from = old;
  conversion.to = currency;
  conversion.date = g_date_time_to_unix (now);
  conversion.note = note;

  if (!kab_store_tx_begin (self, error))
    return FALSE;

  if (!insert_conversion (self, &conversion, error) ||
      !convert_balances (self, &conversion, &n_clients, error) ||
      !convert_fees (self, &conversion, error) ||
      !switch_practice (self, &conversion, &default_fee, error))
    {
      kab_store_tx_rollback (self);
      return FALSE;
    }

  if (!kab_store_tx_commit (self, error))
    return FALSE;

  kab_practice_set_currency (self->practice, currency);
  kab_practice_set_default_fee (self->practice, default_fee);
  update_clients (self, &conversion);

  g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_LEDGER_CHANGED], 0, (gint64)0);
  g_signal_emit (self, kab_store_signals[KAB_STORE_SIGNAL_SESSIONS_CHANGED], 0);

  if (out_n_clients != NULL)
    *out_n_clients = n_clients;
  return TRUE;
}
