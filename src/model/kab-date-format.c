/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-date-format.c: dates in tables, on documents and inside sentences, in the locale's words */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-date-format.h"

static char *
format_local (GDateTime  *date,
              const char *format)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);
  char *text = g_date_time_format (local, format);

  return text != NULL ? g_strstrip (text) : g_strdup ("");
}

/**
 * kab_date_format_table:
 *
 * A day in a table or a list, short and unambiguous: "1 Dec 2026", "01.12.2026",
 * "2026-12-01". Used instead of "%x", whose year of two digits or month abbreviations
 * read badly in several locales.
 *
 * Returns: (transfer full): the text
 */
char *
kab_date_format_table (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  /* Translators: a day in a table, strftime format: "1 Dec 2026". Use what a ledger in
   * your country shows, e.g. "%d.%m.%Y" (01.12.2026) or "%Y-%m-%d" (2026-12-01). */
  return format_local (date, C_("table date", "%-d %b %Y"));
}

/**
 * kab_date_format_document:
 *
 * A day on a printed document: "5 December 2026", "4. desember 2026", "4 декабря 2026".
 *
 * Returns: (transfer full): the text
 */
char *
kab_date_format_document (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  /* Translators: a day on a printed document, strftime format: "5 December 2026". %B is
   * the month's name as written with a day (genitive in Russian: "4 декабря 2026"),
   * %OB its name standing alone. */
  return format_local (date, C_("document date", "%-d %B %Y"));
}

/**
 * kab_date_format_in_sentence:
 * @format: a strftime format with weekday or month names, e.g. "%A"
 *
 * A date that stands inside a sentence ("Next session: Wednesday, 12:00"). Languages that
 * write weekday and month names in lower case get them so, even where the locale's
 * names are capitalised for standing alone (Russian "Среда", "Декабрь").
 *
 * Returns: (transfer full): the text
 */
char *
kab_date_format_in_sentence (GDateTime  *date,
                             const char *format)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  text = format_local (date, format);

  /* Translators: "yes" if your language capitalises weekday and month names inside a
   * sentence (English, German), else "no"; do not translate the word itself. */
  if (g_str_equal (C_("capitalised names", "yes"), "yes"))
    return g_steal_pointer (&text);

  return g_utf8_strdown (text, -1);
}

/**
 * kab_date_format_years:
 * @n: a number of years
 * @language: (nullable): "en", "ru", "sv" or "nb"
 *
 * A number of years in a document's language, which need not be the interface's (so
 * not through gettext): "10 years", "21 год", "10 лет", "10 år".
 *
 * Returns: (transfer full): the text
 */
char *
kab_date_format_years (int         n,
                       const char *language)
{
  if (g_strcmp0 (language, "ru") == 0)
    {
      const char *word = n % 10 == 1 && n % 100 != 11 ? "год"
                         : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20) ? "года"
                         : "лет";

      return g_strdup_printf ("%d %s", n, word);
    }

  if (g_strcmp0 (language, "sv") == 0 || g_strcmp0 (language, "nb") == 0)
    return g_strdup_printf ("%d år", n);

  return n == 1 ? g_strdup ("1 year") : g_strdup_printf ("%d years", n);
}
