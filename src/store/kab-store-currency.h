/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-currency.h: changing the practice's currency by an explicit conversion (included by kab-store.h) */

#pragma once

#include <gio/gio.h>

#include "kab-exchange-rate.h"

G_BEGIN_DECLS

/* What a conversion would do now: the clients whose balance is not zero, and the
 * invoices not paid yet (while there are any, a conversion is refused). */
typedef struct
{
  guint  n_clients;
  guint  n_open_invoices;
} KabConversionPreview;

/* Whether the ledger has any charge or payment: then the currency changes only by
 * kab_store_convert_currency(). */
gboolean     kab_store_ledger_has_entries     (KabStore               *self);

char        *kab_store_dup_currency_on        (KabStore               *self,
                                               GDateTime              *date);

gboolean     kab_store_preview_conversion     (KabStore               *self,
                                               KabConversionPreview   *out_preview,
                                               GError                **error);

gboolean     kab_store_can_convert_currency   (KabStore               *self,
                                               GError                **error);

gboolean     kab_store_convert_currency       (KabStore               *self,
                                               const char             *currency,
                                               const KabExchangeRate  *rate,
                                               guint                  *out_n_clients,
                                               GError                **error);

G_END_DECLS
