/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-exchange-rate.h: the rate a practice converts its balances at when it changes currency */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A decimal rate, exactly as typed: units / 10^scale units of the new currency for one
 * unit of the old one ("11.50" is 1150 / 10^2). */
typedef struct
{
  guint64 units;
  guint   scale;
} KabExchangeRate;

#define KAB_EXCHANGE_RATE_MAX_DECIMALS 6

gboolean  kab_exchange_rate_parse    (const char             *text,
                                      KabExchangeRate        *out_rate,
                                      GError                **error);
char     *kab_exchange_rate_format   (const KabExchangeRate  *rate);
gboolean  kab_exchange_rate_convert  (const KabExchangeRate  *rate,
                                      gint64                  minor,
                                      const char             *from_currency,
                                      const char             *to_currency,
                                      gint64                 *out_minor,
                                      GError                **error);

G_END_DECLS
