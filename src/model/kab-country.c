/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-country.c: the country whose rules the practice follows, and what it implies */

#include <locale.h>
#include <string.h>

#include "kab-country.h"

static const struct
{
  const char *country;
  const char *locale_prefixes[4];
  const char *currency;
  const char *language;
} countries[] = {
  { KAB_COUNTRY_SWEDEN, { "sv", NULL }, "SEK", "sv" },
  { KAB_COUNTRY_NORWAY, { "nb", "nn", "no", NULL }, "NOK", "nb" },
  { KAB_COUNTRY_RUSSIA, { "ru", NULL }, "RUB", "ru" },
};

static int
find_country (const char *country)
{
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (g_strcmp0 (countries[i].country, country) == 0)
      return (int) i;

  return -1;
}

gboolean
kab_country_is_valid (const char *country)
{
  return country != NULL && (*country == '\0' || find_country (country) >= 0);
}

/* The language part of a locale name ("sv" of "sv_SE.UTF-8"), compared with the known
 * countries' languages. Messages are the locale a practitioner reads, so they win. */
static const char *
country_of_locale_name (const char *name)
{
  /* "C", "C.UTF-8" and "POSIX" say nothing about where the user is. */
  if (name == NULL || *name == '\0' || g_str_equal (name, "C") || g_str_has_prefix (name, "C.") ||
      g_str_equal (name, "POSIX"))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    for (guint j = 0; countries[i].locale_prefixes[j] != NULL; j++)
      {
        const char *prefix = countries[i].locale_prefixes[j];
        gsize len = strlen (prefix);

        if (strncmp (name, prefix, len) == 0 &&
            (name[len] == '\0' || name[len] == '_' || name[len] == '.' || name[len] == '@'))
          return countries[i].country;
      }

  return KAB_COUNTRY_OTHER;
}

/**
 * kab_country_from_locale:
 *
 * Returns: the country implied by the user's locale (LC_MESSAGES first, then
 *   LC_MONETARY), or %KAB_COUNTRY_OTHER
 */
const char *
kab_country_from_locale (void)
{
  const char *country = country_of_locale_name (setlocale (LC_MESSAGES, NULL));

  if (country == NULL)
    country = country_of_locale_name (setlocale (LC_MONETARY, NULL));

  return country != NULL ? country : KAB_COUNTRY_OTHER;
}

const char *
kab_country_default_currency (const char *country)
{
  int i = find_country (country);

  return i >= 0 ? countries[i].currency : "EUR";
}

/* The language of agreements and documents, one of the four Kabinett writes. */
const char *
kab_country_default_language (const char *country)
{
  int i = find_country (country);

  return i >= 0 ? countries[i].language : "en";
}

/* Swedes, Norwegians and Russians plan by ISO week numbers. */
gboolean
kab_country_uses_week_numbers (const char *country)
{
  return find_country (country) >= 0;
}
