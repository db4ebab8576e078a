/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-country.h: the country whose rules the practice follows, and what it implies */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ISO 3166-1 alpha-2 codes of the countries whose rules Kabinett knows; any other
 * country is "" (KAB_COUNTRY_OTHER): no country rule, English forms, euro. */
#define KAB_COUNTRY_SWEDEN "SE"
#define KAB_COUNTRY_NORWAY "NO"
#define KAB_COUNTRY_RUSSIA "RU"
#define KAB_COUNTRY_OTHER  ""

gboolean     kab_country_is_valid             (const char *country);
const char  *kab_country_from_locale          (void);
const char  *kab_country_default_currency     (const char *country);
const char  *kab_country_default_language     (const char *country);
gboolean     kab_country_uses_week_numbers    (const char *country);

G_END_DECLS
