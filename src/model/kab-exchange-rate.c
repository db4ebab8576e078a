/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-exchange-rate.c: the rate a practice converts its balances at when it changes currency */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kab-exchange-rate.h"
#include "kab-model-error.h"
#include "kab-money.h"

/* Above a billion of the new currency for one of the old, the rate is a typing error. */
#define MAX_RATE_UNITS G_GUINT64_CONSTANT (1000000000)

static gboolean
set_invalid (GError **error)
{
  g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT,
                       /* Translators: the exchange rate typed when the currency changes */
                       _("Enter the exchange rate as a number greater than zero, for example "
                         "11.50."));
  return FALSE;
}

static guint64
power_of_ten (guint n)
{
  guint64 value = 1;

  while (n-- > 0)
    value *= 10;
  return value;
}

static gboolean
is_group_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F;
}

/**
 * kab_exchange_rate_parse:
 * @text: what the user typed: "11.50", "11,50", "0.0912", "1 000"
 * @out_rate: (out): the rate
 *
 * Reads an exchange rate: digits with at most one decimal point or comma and at most
 * %KAB_EXCHANGE_RATE_MAX_DECIMALS decimals; spaces between digits are ignored. Empty
 * text, zero, a negative number, letters and rates above 10^9 are refused with
 * %KAB_MODEL_ERROR_INVALID_AMOUNT.
 */
gboolean
kab_exchange_rate_parse (const char       *text,
                         KabExchangeRate  *out_rate,
                         GError          **error)
{
  guint64 units = 0;
  guint scale = 0;
  gboolean seen_point = FALSE;
  gboolean seen_digit = FALSE;

  g_return_val_if_fail (out_rate != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return set_invalid (error);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_group_space (c))
        continue;

      if (c == '.' || c == ',')
        {
          if (seen_point)
            return set_invalid (error);
          seen_point = TRUE;
          continue;
        }

      if (c < '0' || c > '9')
        return set_invalid (error);

      seen_digit = TRUE;
      if (seen_point && ++scale > KAB_EXCHANGE_RATE_MAX_DECIMALS)
        {
          g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT,
                       /* Translators: %d is the number of decimals allowed, e.g. 6 */
                       _("An exchange rate can have at most %d decimals."),
                       KAB_EXCHANGE_RATE_MAX_DECIMALS);
          return FALSE;
        }

      /* Leading zeros aside, 10^9 with 6 decimals is at most 16 digits. */
      units = units * 10 + (c - '0');
      if (units > MAX_RATE_UNITS * power_of_ten (KAB_EXCHANGE_RATE_MAX_DECIMALS))
        return set_invalid (error);
    }

  if (!seen_digit || units == 0 || units > MAX_RATE_UNITS * power_of_ten (scale))
    return set_invalid (error);

  out_rate->units = units;
  out_rate->scale = scale;
  return TRUE;
}

/**
 * kab_exchange_rate_format:
 *
 * Returns: (transfer full): the rate as typed, with the locale's decimal sign ("11,50")
 */
char *
kab_exchange_rate_format (const KabExchangeRate *rate)
{
  const char *point = localeconv ()->decimal_point;
  guint64 divisor = 1;

  g_return_val_if_fail (rate != NULL, NULL);

  if (rate->scale == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT, rate->units);

  for (guint i = 0; i < rate->scale; i++)
    divisor *= 10;

  return g_strdup_printf ("%" G_GUINT64_FORMAT "%s%0*" G_GUINT64_FORMAT,
                          rate->units / divisor,
                          point != NULL && *point != '\0' ? point : ".",
                          (int)rate->scale, rate->units % divisor);
}

/**
 * kab_exchange_rate_convert:
 * @minor: an amount in minor units of @from_currency; may be negative (a credit)
 * @out_minor: (out): the amount in minor units of @to_currency
 *
 * Converts at the rate, rounded half away from zero to the minor unit of @to_currency,
 * exactly (in integers). An amount whose conversion would pass 10^13 minor units is
 * refused with %KAB_MODEL_ERROR_INVALID_AMOUNT.
 */
gboolean
kab_exchange_rate_convert (const KabExchangeRate  *rate,
                           gint64                  minor,
                           const char             *from_currency,
                           const char             *to_currency,
                           gint64                 *out_minor,
                           GError                **error)
{
  guint from_digits = kab_currency_get_digits (from_currency);
  guint to_digits = kab_currency_get_digits (to_currency);
  guint64 units = rate->units;
  guint scale = rate->scale + from_digits;
  guint64 magnitude = minor < 0 ? (guint64)(-(minor + 1)) + 1 : (guint64)minor;
  guint64 numerator;
  guint64 denominator;
  guint64 result;

  g_return_val_if_fail (rate != NULL && rate->units > 0, FALSE);
  g_return_val_if_fail (out_minor != NULL, FALSE);

  /* 11.50 is 115 / 10: fewer digits, less room for an overflow. */
  while (units % 10 == 0 && scale > 0)
    {
      units /= 10;
      scale--;
    }
  if (to_digits >= scale)
    {
      to_digits -= scale;
      scale = 0;
    }
  else
    {
      scale -= to_digits;
      to_digits = 0;
    }
  denominator = power_of_ten (scale);

  if (!g_uint64_checked_mul (&numerator, magnitude, units) ||
      !g_uint64_checked_mul (&numerator, numerator, power_of_ten (to_digits)) ||
      !g_uint64_checked_add (&numerator, numerator, denominator / 2))
    goto too_large;

  /* Half away from zero: the magnitude is rounded half up, then takes the sign back. */
  result = numerator / denominator;
  if (result > (guint64)KAB_MODEL_MAX_AMOUNT)
    goto too_large;

  *out_minor = minor < 0 ? -(gint64)result : (gint64)result;
  return TRUE;

too_large:
  g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT,
                       _("The converted amount is too large."));
  return FALSE;
}
