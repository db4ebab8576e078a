/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-ledger.c: a ledger of a client or of the practice, built from the store, with running balances */

#include "config.h"

#include "kab-ledger.h"

static const char *
client_name (KabStore *store,
             gint64    client_id)
{
  KabClient *client = kab_store_find_client (store, client_id);

  return client != NULL ? kab_client_get_display_name (client) : "";
}

/* A line is shown in the currency it was made in: after a change of currency the lines
 * before it are not in the practice's currency of today. */
static const char *
entry_currency (const char *own,
                const char *practice)
{
  return own != NULL && *own != '\0' ? own : practice;
}

/**
 * kab_ledger_build:
 * @client_id: one client, or 0 for the whole practice
 * @from: (nullable): start of the period (inclusive); %NULL from the beginning
 * @to: (nullable): end of the period (exclusive); %NULL to the end
 *
 * The ledger's lines in date order, each with the balance after it. A period that
 * starts after the beginning opens with the balance brought forward.
 *
 * Returns: (transfer full) (element-type KabLedgerEntry): the lines, or %NULL with @error
 */
GPtrArray *
kab_ledger_build (KabStore   *store,
                  gint64      client_id,
                  GDateTime  *from,
                  GDateTime  *to,
                  GError    **error)
{
  const char *currency = kab_practice_get_currency (kab_store_get_practice (store));
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 balance = 0;
  guint n;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  if (from != NULL)
    {
      if (!kab_store_get_balance_before (store, client_id, from, &balance, error))
        return NULL;
      /* Brought forward in the currency of that day, which a conversion may have left. */
      g_autofree char *then = kab_store_dup_currency_on (store, from);

      g_ptr_array_add (entries, kab_ledger_entry_new_opening (from, balance, then));
    }

  rows = kab_store_list_ledger (store, client_id, from, to, error);
  if (rows == NULL)
    return NULL;

  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      KabLedgerEntry *entry;

      if (KAB_IS_CHARGE (row))
        {
          KabCharge *charge = KAB_CHARGE (row);

          balance += kab_charge_get_amount (charge);
          entry = kab_ledger_entry_new_for_charge (charge,
                                                   client_name (store, kab_charge_get_client_id (charge)),
                                                   entry_currency (kab_charge_get_currency (charge),
                                                                   currency));
        }
      else
        {
          KabPayment *payment = KAB_PAYMENT (row);

          balance -= kab_payment_get_amount (payment);
          entry = kab_ledger_entry_new_for_payment (payment,
                                                    client_name (store, kab_payment_get_client_id (payment)),
                                                    entry_currency (kab_payment_get_currency (payment),
                                                                    currency));
        }

      kab_ledger_entry_set_balance (entry, balance);
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}

/**
 * kab_ledger_merge:
 * @entries: (element-type KabLedgerEntry): the lines a view shows
 * @fresh: (element-type KabLedgerEntry): the lines as they are now
 *
 * Brings @entries to @fresh with as small a change as possible: the lines that stay keep
 * their objects (only their balance is updated, which bound labels follow) and only the
 * range between the unchanged start and end is replaced, so that a list keeps its
 * scroll position and selection.
 */
void
kab_ledger_merge (GListStore *entries,
                  GPtrArray  *fresh)
{
  GListModel *model = G_LIST_MODEL (entries);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = fresh->len;
  guint head = 0, tail = 0;

  while (head < n_old && head < n_new)
    {
      g_autoptr(KabLedgerEntry) old = g_list_model_get_item (model, head);
      KabLedgerEntry *entry = g_ptr_array_index (fresh, head);

      if (!kab_ledger_entry_is_equal (old, entry))
        break;
      kab_ledger_entry_set_balance (old, kab_ledger_entry_get_balance (entry));
      head++;
    }

  while (tail < n_old - head && tail < n_new - head)
    {
      g_autoptr(KabLedgerEntry) old = g_list_model_get_item (model, n_old - 1 - tail);
      KabLedgerEntry *entry = g_ptr_array_index (fresh, n_new - 1 - tail);

      if (!kab_ledger_entry_is_equal (old, entry))
        break;
      kab_ledger_entry_set_balance (old, kab_ledger_entry_get_balance (entry));
      tail++;
    }

  if (head + tail == n_old && head + tail == n_new)
    return;

  g_list_store_splice (entries, head, n_old - head - tail,
                       fresh->pdata + head, n_new - head - tail);
}
