/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-money.h: currencies, and amounts in minor units formatted and parsed for the locale */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    kab_currency_is_valid      (const char  *code);
guint       kab_currency_get_digits    (const char  *code);
const char *kab_currency_get_symbol    (const char  *code);
const char * const *
            kab_currency_list          (void);

char       *kab_money_format           (gint64       minor,
                                        const char  *currency);
char       *kab_money_format_plain     (gint64       minor,
                                        const char  *currency);
gboolean    kab_money_parse            (const char  *text,
                                        const char  *currency,
                                        gint64      *out_minor,
                                        GError     **error);

G_END_DECLS
