/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-money.c: currencies, and amounts in minor units formatted and parsed for the locale */

#include <limits.h>
#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kab-model-error.h"
#include "kab-money.h"

#define NBSP "\xc2\xa0"            /* U+00A0 NO-BREAK SPACE */
#define MINUS_SIGN "\xe2\x88\x92"  /* U+2212 MINUS SIGN */

typedef struct
{
  const char *code;
  const char *symbol;
  /* FALSE when the symbol names several currencies (“kr”): then it is only used where
   * the locale's own currency is meant, and the ISO code elsewhere. */
  gboolean    unique;
  /* Other ways people write the currency after an amount, for parsing. */
  const char *aliases[4];
} Currency;

static const Currency currencies[] = {
  { "EUR", "€", TRUE, { NULL } },
  { "SEK", "kr", FALSE, { "kr.", ":-", ",-", NULL } },
  { "NOK", "kr", FALSE, { "kr.", ",-", NULL } },
  { "DKK", "kr.", FALSE, { "kr", ",-", NULL } },
  { "RUB", "₽", TRUE, { "руб.", "руб", "р.", NULL } },
  { "USD", "$", TRUE, { "US$", NULL } },
  { "GBP", "£", TRUE, { NULL } },
  { "CHF", "CHF", TRUE, { "Fr.", NULL } },
  { "PLN", "zł", TRUE, { NULL } },
  { "CZK", "Kč", TRUE, { NULL } },
  { "UAH", "₴", TRUE, { "грн", "грн.", NULL } },
  { "KZT", "₸", TRUE, { NULL } },
  { "GEL", "₾", TRUE, { NULL } },
};

static const char * const currency_codes[] = {
  "EUR", "SEK", "NOK", "DKK", "RUB", "USD", "GBP", "CHF", "PLN", "CZK", "UAH", "KZT", "GEL", NULL
};

static const Currency *
find_currency (const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      if (strcmp (currencies[i].code, code) == 0)
        return &currencies[i];
    }

  return NULL;
}

/**
 * kab_currency_is_valid:
 * @code: (nullable): an ISO 4217 code in capitals, e.g. “SEK”
 *
 * Returns: whether Kabinett supports @code
 */
gboolean
kab_currency_is_valid (const char *code)
{
  return find_currency (code) != NULL;
}

/**
 * kab_currency_list:
 *
 * Returns: (transfer none): the supported ISO 4217 codes, %NULL-terminated, for a
 *   currency chooser
 */
const char * const *
kab_currency_list (void)
{
  return currency_codes;
}

/* Every supported currency has two decimals; an unknown one is treated the same so
 * that amounts stay readable. */
guint
kab_currency_get_digits (const char *code)
{
  return 2;
}

/**
 * kab_currency_get_symbol:
 *
 * Returns: the symbol of @code (“₽”, “kr”, “€”), the code itself when it has none
 *   Kabinett knows, or "" for %NULL
 */
const char *
kab_currency_get_symbol (const char *code)
{
  const Currency *currency = find_currency (code);

  if (currency != NULL)
    return currency->symbol;

  if (code == NULL || !g_utf8_validate (code, -1, NULL))
    return "";

  return g_intern_string (code);
}

static gint64
minor_per_unit (const char *currency)
{
  gint64 unit = 1;

  for (guint i = 0; i < kab_currency_get_digits (currency); i++)
    unit *= 10;

  return unit;
}

/* The locale's strings are only trusted when they are UTF-8: the app runs in UTF-8
 * locales, and a legacy one must not put invalid text in the interface. */
static const char *
utf8_or (const char *text,
         const char *fallback)
{
  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL))
    return fallback;

  return text;
}

static gboolean
is_space_like (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == 0x2007 ||
         g_unichar_isspace (c);
}

typedef struct
{
  const char *decimal_point;
  const char *group_separator;
  gboolean    english;
  char        own_currency[4];
  gboolean    symbol_first;
  gboolean    symbol_spaced;
} Conventions;

static gboolean
locale_is_english (void)
{
  const char *name = setlocale (LC_MONETARY, NULL);

  if (name == NULL || *name == '\0')
    return TRUE;

  return g_str_has_prefix (name, "en") || strcmp (name, "C") == 0 ||
         g_str_has_prefix (name, "C.") || strcmp (name, "POSIX") == 0;
}

static void
get_conventions (Conventions *conv)
{
  const struct lconv *lc = localeconv ();
  const char *point = utf8_or (lc->mon_decimal_point, utf8_or (lc->decimal_point, "."));
  const char *group = utf8_or (lc->mon_thousands_sep, utf8_or (lc->thousands_sep, NULL));

  conv->decimal_point = point;

  /* Russian, Swedish and Norwegian group with a (narrow) space; U+00A0 keeps an amount
   * on one line and every font has it. Without a locale rule (C), English commas. */
  if (group == NULL)
    conv->group_separator = strcmp (point, ".") == 0 ? "," : NBSP;
  else if (is_space_like (g_utf8_get_char (group)))
    conv->group_separator = NBSP;
  else
    conv->group_separator = group;

  conv->english = locale_is_english ();

  memset (conv->own_currency, 0, sizeof conv->own_currency);
  if (lc->int_curr_symbol != NULL && strlen (lc->int_curr_symbol) >= 3)
    memcpy (conv->own_currency, lc->int_curr_symbol, 3);

  if (lc->p_cs_precedes == CHAR_MAX)
    {
      conv->symbol_first = TRUE;
      conv->symbol_spaced = FALSE;
    }
  else
    {
      conv->symbol_first = lc->p_cs_precedes != 0;
      conv->symbol_spaced = lc->p_sep_by_space != 0 && lc->p_sep_by_space != CHAR_MAX;
    }
}

/* Which text stands for @code: the symbol where it cannot be mistaken, else the ISO
 * code (“SEK 1,500.50” for an English reader, “1 500,50 NOK” for a Swedish one). */
static const char *
currency_text (const Conventions *conv,
               const char        *code)
{
  const Currency *currency = find_currency (code);
  gboolean own = code != NULL && strcmp (conv->own_currency, code) == 0;

  if (currency == NULL)
    return kab_currency_get_symbol (code);

  if (own)
    return currency->symbol;

  if (conv->english)
    {
      if (strcmp (code, "USD") == 0 || strcmp (code, "EUR") == 0 || strcmp (code, "GBP") == 0)
        return currency->symbol;
      return currency->code;
    }

  return currency->unique ? currency->symbol : currency->code;
}

static void
append_grouped (GString    *out,
                guint64     units,
                const char *separator)
{
  char digits[32];
  int n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, units);

  for (int i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

static guint64
magnitude (gint64 minor)
{
  /* Negating G_MININT64 would overflow; go through unsigned arithmetic. */
  return minor < 0 ? (guint64)0 - (guint64)minor : (guint64)minor;
}

/**
 * kab_money_format:
 * @minor: the amount in minor units (öre, kopeks, cents)
 * @currency: (nullable): ISO 4217 code; %NULL for the number alone
 *
 * Formats an amount for reading, in the conventions of the current locale:
 * “1 500,50 ₽” (ru), “1 500,50 kr” (sv), “kr 1 500,50” (nb), “$1,500.50” (en_US),
 * “SEK 1,500.50” (a foreign currency in English). Groups are separated by U+00A0
 * where the locale uses a space, and so is the symbol from the number.
 *
 * Returns: (transfer full): the text
 */
char *
kab_money_format (gint64      minor,
                  const char *currency)
{
  Conventions conv;
  GString *number = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  guint digits = kab_currency_get_digits (currency);
  guint64 unit = (guint64)minor_per_unit (currency);
  guint64 value = magnitude (minor);
  const char *symbol;
  gboolean spaced;

  get_conventions (&conv);

  append_grouped (number, value / unit, conv.group_separator);
  if (digits > 0)
    g_string_append_printf (number, "%s%0*" G_GUINT64_FORMAT,
                            conv.decimal_point, (int)digits, value % unit);

  if (minor < 0)
    g_string_append (out, MINUS_SIGN);

  symbol = currency != NULL ? currency_text (&conv, currency) : "";
  if (*symbol == '\0')
    {
      g_string_append (out, number->str);
      g_string_free (number, TRUE);
      return g_string_free (out, FALSE);
    }

  if (conv.symbol_first)
    {
      /* A symbol made of letters (“kr”, “SEK”) never touches the digits. */
      const char *last = g_utf8_find_prev_char (symbol, symbol + strlen (symbol));

      spaced = conv.symbol_spaced || (last != NULL && g_unichar_isalpha (g_utf8_get_char (last)));
      g_string_append (out, symbol);
      if (spaced)
        g_string_append (out, NBSP);
      g_string_append (out, number->str);
    }
  else
    {
      spaced = conv.symbol_spaced || g_unichar_isalpha (g_utf8_get_char (symbol));
      g_string_append (out, number->str);
      if (spaced)
        g_string_append (out, NBSP);
      g_string_append (out, symbol);
    }

  g_string_free (number, TRUE);
  return g_string_free (out, FALSE);
}

/**
 * kab_money_format_plain:
 *
 * Returns: (transfer full): @minor as “1500.50”: ASCII, no grouping, no symbol, for
 *   CSV files and other programs
 */
char *
kab_money_format_plain (gint64      minor,
                        const char *currency)
{
  guint digits = kab_currency_get_digits (currency);
  guint64 unit = (guint64)minor_per_unit (currency);
  guint64 value = magnitude (minor);

  if (digits == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, minor < 0 ? "-" : "", value);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT,
                          minor < 0 ? "-" : "", value / unit, (int)digits, value % unit);
}

/* Parsing */

static gboolean
has_prefix_folded (const char  *text,
                   const char  *affix,
                   gsize       *out_bytes)
{
  glong n = g_utf8_strlen (affix, -1);
  const char *end = text;
  g_autofree char *head = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  for (glong i = 0; i < n; i++)
    {
      if (*end == '\0')
        return FALSE;
      end = g_utf8_next_char (end);
    }

  head = g_strndup (text, end - text);
  a = g_utf8_casefold (head, -1);
  b = g_utf8_casefold (affix, -1);
  if (strcmp (a, b) != 0)
    return FALSE;

  *out_bytes = end - text;
  return TRUE;
}

static gboolean
has_suffix_folded (const char  *text,
                   const char  *affix,
                   gsize       *out_bytes)
{
  glong n = g_utf8_strlen (affix, -1);
  glong len = g_utf8_strlen (text, -1);
  const char *start;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (n > len)
    return FALSE;

  start = g_utf8_offset_to_pointer (text, len - n);
  a = g_utf8_casefold (start, -1);
  b = g_utf8_casefold (affix, -1);
  if (strcmp (a, b) != 0)
    return FALSE;

  *out_bytes = strlen (start);
  return TRUE;
}

static void
add_affixes (GPtrArray      *affixes,
             const Currency *currency)
{
  g_ptr_array_add (affixes, (gpointer)currency->code);
  g_ptr_array_add (affixes, (gpointer)currency->symbol);
  for (guint i = 0; currency->aliases[i] != NULL; i++)
    g_ptr_array_add (affixes, (gpointer)currency->aliases[i]);
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  const char *sa = *(const char * const *)a;
  const char *sb = *(const char * const *)b;

  return (int)strlen (sb) - (int)strlen (sa);
}

/* What may stand around the number: the currency's code, symbol and usual
 * abbreviations; every known one when the currency is not known. */
static GPtrArray *
dup_affixes (const char *code)
{
  GPtrArray *affixes = g_ptr_array_new ();
  const Currency *currency = find_currency (code);

  if (currency != NULL)
    add_affixes (affixes, currency);
  else
    for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
      add_affixes (affixes, &currencies[i]);

  g_ptr_array_sort (affixes, compare_longest_first);
  return affixes;
}

static char *
strip_spaces (char *text)
{
  char *start = text;
  char *end;

  while (*start != '\0' && is_space_like (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !is_space_like (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  *end = '\0';
  memmove (text, start, end - start + 1);
  return text;
}

static void
strip_currency (char       *text,
                const char *code)
{
  g_autoptr(GPtrArray) affixes = dup_affixes (code);
  gsize n;

  for (guint i = 0; i < affixes->len; i++)
    {
      if (has_prefix_folded (text, affixes->pdata[i], &n))
        {
          memmove (text, text + n, strlen (text + n) + 1);
          strip_spaces (text);
          break;
        }
    }

  for (guint i = 0; i < affixes->len; i++)
    {
      if (has_suffix_folded (text, affixes->pdata[i], &n))
        {
          text[strlen (text) - n] = '\0';
          strip_spaces (text);
          break;
        }
    }
}

static gboolean
starts_negative (const char *text)
{
  return *text == '-' || *text == '(' || g_str_has_prefix (text, MINUS_SIGN);
}

typedef enum {
  TOKEN_DIGITS,
  TOKEN_SEPARATOR,
} TokenKind;

typedef struct
{
  TokenKind  kind;
  gunichar   c;            /* the separator */
  gboolean   decimal;      /* may be a decimal point */
  gboolean   group;        /* may separate groups */
  guint      start;        /* digits: offset into the digit string */
  guint      n_digits;
} Token;

typedef struct
{
  gunichar points[3];
  gunichar groups[2];
} Separators;

static gunichar
first_char (const char *text)
{
  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL))
    return 0;

  return g_utf8_get_char (text);
}

static void
get_separators (Separators *seps)
{
  const struct lconv *lc = localeconv ();

  /* points[1] is the locale's own decimal point; '.' is always understood. */
  seps->points[0] = '.';
  seps->points[1] = first_char (lc->decimal_point);
  seps->points[2] = first_char (lc->mon_decimal_point);
  seps->groups[0] = first_char (lc->thousands_sep);
  seps->groups[1] = first_char (lc->mon_thousands_sep);

  /* Without locale grouping (C), English commas. */
  if (seps->groups[0] == 0 && seps->groups[1] == 0 && seps->points[1] == '.')
    seps->groups[0] = ',';
}

static gboolean
is_point (const Separators *seps,
          gunichar          c)
{
  return c == seps->points[0] || c == seps->points[1] || c == seps->points[2];
}

static gboolean
is_group (const Separators *seps,
          gunichar          c)
{
  return is_space_like (c) || c == '\'' || c == 0x2019 ||
         (c != 0 && (c == seps->groups[0] || c == seps->groups[1]));
}

/* Splits @text into runs of ASCII digits and single separators; FALSE for anything
 * else (letters, signs, two separators in a row). */
static gboolean
tokenize (const char       *text,
          const Separators *seps,
          GArray           *tokens,
          GString          *digits)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      Token *last = tokens->len > 0 ? &g_array_index (tokens, Token, tokens->len - 1) : NULL;

      if (c >= '0' && c <= '9')
        {
          if (last == NULL || last->kind != TOKEN_DIGITS)
            {
              Token token = { TOKEN_DIGITS, 0, FALSE, FALSE, digits->len, 0 };

              g_array_append_val (tokens, token);
              last = &g_array_index (tokens, Token, tokens->len - 1);
            }
          g_string_append_c (digits, (char)c);
          last->n_digits++;
          continue;
        }

      if (!is_point (seps, c) && !is_group (seps, c))
        return FALSE;

      if (last != NULL && last->kind == TOKEN_SEPARATOR)
        return FALSE;

      {
        Token token = { TOKEN_SEPARATOR, c, is_point (seps, c), is_group (seps, c), 0, 0 };

        g_array_append_val (tokens, token);
      }
    }

  return TRUE;
}

/* The decimal point is the last separator, if it can be one. A character that may be
 * both (“.” where it groups thousands) is a group separator when three digits follow
 * it and it is not the locale's own point. “,” is a point only where the locale says
 * so: “1,50” is refused in English rather than guessed. */
static int
find_decimal (GArray           *tokens,
              const Separators *seps)
{
  int last = -1;
  Token *token;
  guint digits_after;

  for (guint i = 0; i < tokens->len; i++)
    {
      if (g_array_index (tokens, Token, i).kind == TOKEN_SEPARATOR)
        last = i;
    }

  if (last < 0)
    return -1;

  token = &g_array_index (tokens, Token, last);
  if (!token->decimal)
    return -1;
  if (!token->group)
    return last;

  digits_after = (guint)last + 1 < tokens->len ?
                 g_array_index (tokens, Token, last + 1).n_digits : 0;
  if (digits_after == 3 && token->c != seps->points[1])
    return -1;

  return last;
}

static void
set_not_an_amount (GError **error)
{
  g_autofree char *example = kab_money_format (150050, NULL);

  /* Translators: %s is an example amount such as “1 500,50”. */
  g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT,
               _("Type the amount as a number, such as %s."), example);
}

static gboolean
set_negative (GError **error)
{
  g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT,
                       _("The amount cannot be negative."));
  return FALSE;
}

static gboolean
set_too_large (GError **error)
{
  g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT,
                       _("The amount is too large."));
  return FALSE;
}

/* The integer part: groups of three after the first, or no grouping at all. */
static gboolean
check_groups (GArray *tokens,
              int     end)
{
  gboolean grouped = FALSE;

  for (int i = 0; i < end; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);

      if (token->kind != TOKEN_SEPARATOR)
        continue;
      if (!token->group || i == 0 || i + 1 >= end)
        return FALSE;
      grouped = TRUE;
    }

  if (!grouped)
    return TRUE;

  for (int i = 0; i < end; i += 2)
    {
      Token *token = &g_array_index (tokens, Token, i);

      if (i == 0 ? (token->n_digits < 1 || token->n_digits > 3) : token->n_digits != 3)
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_number (const char  *text,
              const char  *currency,
              gint64      *out_minor,
              GError     **error)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GString) digits = g_string_new (NULL);
  Separators seps;
  guint max_decimals = kab_currency_get_digits (currency);
  int point, int_end;
  guint int_digits = 0, frac_digits = 0;
  const char *frac = "";
  guint64 units = 0, minor;

  get_separators (&seps);

  if (!tokenize (text, &seps, tokens, digits) || digits->len == 0)
    {
      set_not_an_amount (error);
      return FALSE;
    }

  point = find_decimal (tokens, &seps);
  int_end = point >= 0 ? point : (int)tokens->len;

  if (!check_groups (tokens, int_end))
    {
      set_not_an_amount (error);
      return FALSE;
    }

  for (int i = 0; i < int_end; i++)
    int_digits += g_array_index (tokens, Token, i).n_digits;

  if (point >= 0 && (guint)point + 1 < tokens->len)
    {
      Token *token = &g_array_index (tokens, Token, point + 1);

      frac = digits->str + token->start;
      frac_digits = token->n_digits;
    }

  if (frac_digits > max_decimals)
    {
      g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT,
                   ngettext ("Use at most %u decimal place.",
                             "Use at most %u decimal places.", max_decimals),
                   max_decimals);
      return FALSE;
    }

  for (guint i = 0; i < int_digits; i++)
    {
      units = units * 10 + (guint64)(digits->str[i] - '0');
      if (units > (guint64)KAB_MODEL_MAX_AMOUNT)
        return set_too_large (error);
    }

  minor = units * (guint64)minor_per_unit (currency);
  for (guint i = 0, scale = (guint)minor_per_unit (currency) / 10; i < frac_digits; i++, scale /= 10)
    minor += (guint64)(frac[i] - '0') * scale;

  if (minor > (guint64)KAB_MODEL_MAX_AMOUNT)
    return set_too_large (error);

  *out_minor = (gint64)minor;
  return TRUE;
}

/**
 * kab_money_parse:
 * @text: what the user typed
 * @currency: (nullable): the currency meant, for its symbol and decimals
 * @out_minor: (out): the amount in minor units
 *
 * Reads an amount the way people type it: the locale's form (“1 500,50”,
 * “1,500.50”), the plain “1500.50”, “1500,5” or “1500”, with or without the currency's
 * symbol or code around it. Spaces, U+00A0 and U+202F separate groups of three.
 * Zero is accepted (a free session); negative amounts, anything that is not a number,
 * more decimals than the currency has and amounts above 10^13 minor units are refused
 * with %KAB_MODEL_ERROR_INVALID_AMOUNT.
 */
gboolean
kab_money_parse (const char  *text,
                 const char  *currency,
                 gint64      *out_minor,
                 GError     **error)
{
  g_autofree char *work = NULL;

  g_return_val_if_fail (out_minor != NULL, FALSE);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      set_not_an_amount (error);
      return FALSE;
    }

  work = strip_spaces (g_strdup (text != NULL ? text : ""));
  if (starts_negative (work))
    return set_negative (error);

  strip_currency (work, currency);
  if (*work == '\0')
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT,
                           _("Enter an amount."));
      return FALSE;
    }

  /* “$-5” is negative too. */
  if (starts_negative (work))
    return set_negative (error);

  return parse_number (work, currency, out_minor, error);
}
