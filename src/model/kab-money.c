/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-money.c: amounts in minor units, formatted and parsed the way the user's locale writes them */

#include <glib/gi18n.h>
#include <limits.h>
#include <locale.h>
#include <string.h>

#include "kab-model-error.h"
#include "kab-money.h"

#define AMOUNT_MAX G_GINT64_CONSTANT (10000000000000)  /* 10^13 minor units */

typedef struct
{
  const char *code;
  const char *symbol;  /* unambiguous symbol, or NULL: the code is shown */
} Currency;

/* The practice currencies Kabinett supports; all have two decimals. */
static const Currency currencies[] = {
  { "EUR", "€" },
  { "RUB", "₽" },
  { "SEK", NULL },
  { "NOK", NULL },
  { "DKK", NULL },
  { "USD", "$" },
  { "GBP", "£" },
  { "CHF", NULL },
  { "PLN", NULL },
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

gboolean
kab_currency_is_valid (const char *code)
{
  return find_currency (code) != NULL;
}

guint
kab_currency_get_digits (const char *code)
{
  return 2;
}

/**
 * kab_currency_list:
 *
 * Returns: (transfer none): the ISO 4217 codes Kabinett supports, %NULL-terminated
 */
const char * const *
kab_currency_list (void)
{
  static const char * const codes[] = { "EUR", "RUB", "SEK", "NOK", "DKK", "USD", "GBP", "CHF", "PLN", NULL };

  return codes;
}

/* What the user's locale calls its own currency, e.g. "kr" for NOK under nb_NO. */
static const char *
locale_symbol_for (const char   *code,
                   struct lconv *conv)
{
  if (conv->int_curr_symbol != NULL && strncmp (conv->int_curr_symbol, code, 3) == 0 &&
      conv->currency_symbol != NULL && *conv->currency_symbol != '\0')
    return conv->currency_symbol;

  return NULL;
}

const char *
kab_currency_get_symbol (const char *code)
{
  const Currency *currency = find_currency (code);
  const char *own;

  if (currency == NULL)
    return code;

  own = locale_symbol_for (code, localeconv ());
  if (own != NULL)
    return own;

  return currency->symbol != NULL ? currency->symbol : currency->code;
}

static char *
group_digits (guint64     units,
              const char *separator)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, units);
  gsize len = strlen (digits);
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0 && len > 4)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/**
 * kab_money_format:
 * @minor: the amount in minor units (öre, kopeks, cents)
 * @currency: an ISO 4217 code
 *
 * Formats the amount as the locale writes money: its decimal mark and digit groups, and
 * the currency sign where the locale puts it ("1 500,50 ₽", "1 500,50 kr",
 * "kr 1 500,50", "$1,500.50"). Four-digit amounts are not grouped.
 *
 * Returns: (transfer full): the text
 */
char *
kab_money_format (gint64      minor,
                  const char *currency)
{
  struct lconv *conv = localeconv ();
  const char *decimal = conv->mon_decimal_point != NULL && *conv->mon_decimal_point != '\0'
                        ? conv->mon_decimal_point : ".";
  const char *group = conv->mon_thousands_sep != NULL && *conv->mon_thousands_sep != '\0'
                      ? conv->mon_thousands_sep : (strcmp (decimal, ",") == 0 ? "\u00a0" : ",");
  const Currency *known = find_currency (currency);
  const char *own = known != NULL ? locale_symbol_for (currency, conv) : NULL;
  const char *symbol = own != NULL ? own : known != NULL && known->symbol != NULL ? known->symbol : currency;
  gboolean is_code = own == NULL && (known == NULL || known->symbol == NULL);
  gboolean precedes = conv->p_cs_precedes == CHAR_MAX ? TRUE : conv->p_cs_precedes != 0;
  gboolean spaced = is_code || (conv->p_sep_by_space != CHAR_MAX && conv->p_sep_by_space != 0);
  guint64 magnitude = minor < 0 ? (guint64)(-(minor + 1)) + 1 : (guint64)minor;
  g_autofree char *units = NULL;
  g_autofree char *number = NULL;

  /* A space inside an amount must never break a line. */
  if (g_str_equal (group, " "))
    group = "\u00a0";

  units = group_digits (magnitude / 100, group);
  number = g_strdup_printf ("%s%s%s%02u", minor < 0 ? "−" : "", units, decimal,
                            (guint)(magnitude % 100));

  if (symbol == NULL)
    return g_steal_pointer (&number);

  if (precedes)
    return g_strdup_printf ("%s%s%s", symbol, spaced ? "\u00a0" : "", number);

  return g_strdup_printf ("%s%s%s", number, spaced || own == NULL ? "\u00a0" : "", symbol);
}

/**
 * kab_money_format_plain:
 *
 * Returns: (transfer full): the amount in ASCII with a '.' and no grouping, "1500.50",
 *   whatever the locale: for CSV files and logs
 */
char *
kab_money_format_plain (gint64      minor,
                        const char *currency)
{
  guint64 magnitude = minor < 0 ? (guint64)(-(minor + 1)) + 1 : (guint64)minor;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", minor < 0 ? "-" : "",
                          magnitude / 100, (guint)(magnitude % 100));
}

static gboolean
is_group_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == '\'';
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT, message);
  return FALSE;
}

/* Removes a currency sign or code at either end: "1 500 kr", "€12", "SEK 100". */
static char *
strip_currency (const char *text,
                const char *currency)
{
  const char *signs[] = { currency, kab_currency_get_symbol (currency), "kr", "€", "$", "£",
                          "₽", "руб.", "руб", "р.", NULL };
  g_autofree char *work = g_strstrip (g_strdup (text));
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; signs[i] != NULL; i++)
        {
          gsize len = strlen (signs[i]);
          gsize work_len = strlen (work);

          if (len == 0 || work_len < len)
            continue;

          if (g_ascii_strncasecmp (work, signs[i], len) == 0)
            {
              memmove (work, work + len, work_len - len + 1);
              changed = TRUE;
            }
          else if (g_ascii_strcasecmp (work + work_len - len, signs[i]) == 0)
            {
              work[work_len - len] = '\0';
              changed = TRUE;
            }

          if (changed)
            {
              /* No-break spaces are not ASCII: trim them too. */
              g_autofree char *trimmed = NULL;
              const char *start = work;
              const char *end = work + strlen (work);

              while (*start != '\0' && is_group_space (g_utf8_get_char (start)))
                start = g_utf8_next_char (start);
              while (end > start && is_group_space (g_utf8_get_char (g_utf8_prev_char (end))))
                end = g_utf8_prev_char (end);
              trimmed = g_strndup (start, end - start);
              g_free (work);
              work = g_steal_pointer (&trimmed);
              break;
            }
        }
    }

  return g_steal_pointer (&work);
}

/**
 * kab_money_parse:
 * @text: what the user typed, e.g. "1 500,50", "1500.50", "1,500.50", "1500 kr"
 * @currency: the currency the amount is in
 * @out_minor: (out): the amount in minor units
 *
 * Reads an amount written the way the user's locale writes it, or plainly with a '.'.
 * Negative amounts, more than two decimals, stray characters and absurdly large
 * amounts are refused with a message the user can act on.
 */
gboolean
kab_money_parse (const char  *text,
                 const char  *currency,
                 gint64      *out_minor,
                 GError     **error)
{
  struct lconv *conv = localeconv ();
  const char *locale_decimal = conv->mon_decimal_point != NULL && *conv->mon_decimal_point != '\0'
                               ? conv->mon_decimal_point : ".";
  gboolean comma_decimal = strcmp (locale_decimal, ",") == 0;
  g_autofree char *work = NULL;
  guint64 units = 0;
  guint64 fraction = 0;
  int n_fraction = -1;   /* -1: no decimal mark seen yet */
  int digits_since_group = -1;
  gboolean any_digit = FALSE;

  g_return_val_if_fail (out_minor != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return refuse (error, _("Enter an amount, for example 1500 or 1500.50."));

  work = strip_currency (text, currency);
  if (*work == '\0')
    return refuse (error, _("Enter an amount, for example 1500 or 1500.50."));

  if (*work == '-' || g_str_has_prefix (work, "−"))
    return refuse (error, _("The amount cannot be negative."));

  for (const char *p = work; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        {
          any_digit = TRUE;
          if (n_fraction >= 0)
            {
              if (++n_fraction > 2)
                return refuse (error, _("An amount has at most two decimals."));
              fraction = fraction * 10 + (c - '0');
            }
          else
            {
              units = units * 10 + (c - '0');
              if (units > (guint64)(AMOUNT_MAX / 100))
                return refuse (error, _("The amount is too large."));
              if (digits_since_group >= 0)
                digits_since_group++;
            }
          continue;
        }

      if (n_fraction < 0 && is_group_space (c) && any_digit)
        {
          if (digits_since_group >= 0 && digits_since_group != 3)
            return refuse (error, _("That is not an amount Kabinett can read."));
          digits_since_group = 0;
          continue;
        }

      /* In a locale that writes 1,500.50 a comma between thousands is a group mark. */
      if (c == ',' && !comma_decimal && n_fraction < 0 && any_digit)
        {
          if (digits_since_group >= 0 && digits_since_group != 3)
            return refuse (error, _("That is not an amount Kabinett can read."));
          digits_since_group = 0;
          continue;
        }

      if ((c == '.' || c == ',') && n_fraction < 0)
        {
          if (digits_since_group >= 0 && digits_since_group != 3)
            return refuse (error, _("That is not an amount Kabinett can read."));
          digits_since_group = -1;
          n_fraction = 0;
          continue;
        }

      return refuse (error, _("That is not an amount Kabinett can read."));
    }

  if (!any_digit || (digits_since_group >= 0 && digits_since_group != 3))
    return refuse (error, _("That is not an amount Kabinett can read."));

  if (n_fraction == 1)
    fraction *= 10;

  *out_minor = (gint64)(units * 100 + fraction);
  if (*out_minor > AMOUNT_MAX)
    return refuse (error, _("The amount is too large."));

  return TRUE;
}
