/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-search.c: how every client search folds and matches what the user types */

#include <string.h>

#include "kab-search.h"

/* Letters that are not a base letter plus accents, so that taking the accents away does
 * not reach them: Norwegian and Danish ø and æ, and their kin. */
static const char *
base_of (gunichar c)
{
  switch (c)
    {
    case 0x00F8: return "o";   /* ø */
    case 0x00E6: return "ae";  /* æ */
    case 0x0153: return "oe";  /* œ */
    case 0x00DF: return "ss";  /* ß (casefolding already gives "ss") */
    case 0x0111: return "d";   /* đ */
    case 0x00F0: return "d";   /* ð */
    case 0x00FE: return "th";  /* þ */
    case 0x0142: return "l";   /* ł */
    case 0x0131: return "i";   /* dotless ı */
    case 0x0127: return "h";   /* ħ */
    case 0x0167: return "t";   /* ŧ */
    default:     return NULL;
    }
}

/**
 * kab_search_fold:
 * @text: (nullable): a name, a query, an address
 *
 * Folds @text the way every client search compares: decomposed (NFKD), case folded,
 * without accents, and with the letters that do not decompose spelled in plain Latin, so
 * that "lindstrom" finds "Lindström", "ostberg" finds "Østberg" and "ИВАН" finds "Иван".
 *
 * Returns: (transfer full): the folded text
 */
char *
kab_search_fold (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  normal = g_utf8_normalize (valid, -1, G_NORMALIZE_ALL);
  folded = g_utf8_casefold (normal != NULL ? normal : "", -1);
  out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *base;

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;

      base = base_of (c);
      if (base != NULL)
        g_string_append (out, base);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * kab_search_dup_digits:
 *
 * Returns: (transfer full): the ASCII digits of @text, e.g. "46701234567" for
 *   "+46 70-123 45 67"
 */
char *
kab_search_dup_digits (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
    }

  return g_string_free (digits, FALSE);
}

/* "070-123 45" and "+46 70" are phone numbers: they are compared digit by digit. */
static gboolean
looks_like_phone (const char *word)
{
  gboolean has_digit = FALSE;

  for (const char *p = word; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        has_digit = TRUE;
      else if (strchr ("+-().", *p) == NULL)
        return FALSE;
    }

  return has_digit;
}

/**
 * kab_search_split:
 * @query: (nullable): what the user typed
 *
 * Returns: (transfer full) (nullable): the words of @query, folded (kab_search_fold()),
 *   a phone number as its digits (a query of nothing but a phone number, spaces and all,
 *   as one string of digits); %NULL when there is nothing to search for
 */
char **
kab_search_split (const char *query)
{
  g_autofree char *folded = kab_search_fold (query);
  g_auto(GStrv) parts = g_strsplit_set (folded, " \t\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) number = g_string_new (NULL);
  gboolean all_phone = TRUE;
  guint n = 0;

  /* A phone number typed with spaces ("070 123 45") is one number: its digits in a row. */
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *digits = NULL;

      if (*parts[i] == '\0')
        continue;
      if (!looks_like_phone (parts[i]))
        {
          all_phone = FALSE;
          break;
        }
      digits = kab_search_dup_digits (parts[i]);
      g_string_append (number, digits);
    }

  if (all_phone && number->len > 0)
    {
      g_strv_builder_add (builder, number->str);
      return g_strv_builder_end (builder);
    }

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0')
        continue;

      if (looks_like_phone (parts[i]))
        {
          g_autofree char *digits = kab_search_dup_digits (parts[i]);
          g_strv_builder_add (builder, digits);
        }
      else
        g_strv_builder_add (builder, parts[i]);
      n++;
    }

  if (n == 0)
    return NULL;

  return g_strv_builder_end (builder);
}

/**
 * kab_search_matches:
 * @key: a folded search key (kab_client_get_search_key())
 * @words: (nullable): the query's words (kab_search_split())
 *
 * Returns: whether every word is found in @key; %TRUE for no words
 */
gboolean
kab_search_matches (const char         *key,
                    const char * const *words)
{
  if (words == NULL)
    return TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (strstr (key, words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * kab_search_words_within:
 *
 * Returns: whether every word of @words is found within some word of @within: a query
 *   of @within is then at least as strict as one of @words
 */
gboolean
kab_search_words_within (const char * const *words,
                         const char * const *within)
{
  if (words == NULL)
    return TRUE;
  if (within == NULL)
    return FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; within[j] != NULL && !found; j++)
        found = strstr (within[j], words[i]) != NULL;

      if (!found)
        return FALSE;
    }

  return TRUE;
}
