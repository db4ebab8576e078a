/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-identity-number.c: personal identity numbers by country: Swedish personnummer and
 * samordningsnummer (Luhn), Norwegian fødselsnummer and D-nummer (two mod-11 digits) */

#include <glib/gi18n.h>
#include <string.h>

#include "kab-country.h"
#include "kab-identity-number.h"
#include "kab-model-error.h"

#define MAX_FREE_TEXT_CHARS 50

/* The digits of @number with the separators a person may type (space, '-', '+')
 * removed; NULL when anything else is in it. */
static char *
digits_only (const char *number,
             gboolean   *out_plus)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  *out_plus = FALSE;
  for (const char *p = number; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '+')
        *out_plus = TRUE;
      else if (*p != '-' && *p != ' ')
        return NULL;
    }

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

static int
digit (const char *text,
       int         i)
{
  return text[i] - '0';
}

static gboolean
is_valid_date (int year,
               int month,
               int day)
{
  return month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy (day, month, year);
}

static gboolean
luhn_ok (const char *ten)
{
  int sum = 0;

  for (int i = 0; i < 10; i++)
    {
      int value = digit (ten, i) * (i % 2 == 0 ? 2 : 1);
      sum += value > 9 ? value - 9 : value;
    }

  return sum % 10 == 0;
}

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE, message);
  return FALSE;
}

/* YYMMDD-NNNN, YYMMDD+NNNN (100 years or older), YYYYMMDDNNNN or YYYYMMDD-NNNN; a
 * samordningsnummer has 60 added to the day. */
static gboolean
validate_sweden (const char  *number,
                 GError     **error)
{
  gboolean plus = FALSE;
  g_autofree char *digits = digits_only (number, &plus);
  const char *ten;
  int year, month, day;
  gsize length = digits != NULL ? strlen (digits) : 0;

  if (length != 10 && length != 12)
    return set_invalid (error, _("A Swedish personal identity number has the form "
                                 "YYMMDD-NNNN or YYYYMMDDNNNN."));

  ten = digits + (length - 10);
  month = digit (ten, 2) * 10 + digit (ten, 3);
  day = digit (ten, 4) * 10 + digit (ten, 5);
  if (day > 60)
    day -= 60;   /* samordningsnummer */

  if (length == 12)
    year = digit (digits, 0) * 1000 + digit (digits, 1) * 100 + digit (ten, 0) * 10 + digit (ten, 1);
  else
    year = 2000 + digit (ten, 0) * 10 + digit (ten, 1);   /* a leap year test needs a century */

  if (!is_valid_date (year, month, day))
    return set_invalid (error, _("The personal identity number does not begin with a valid "
                                 "date of birth. Check it."));

  if (!luhn_ok (ten))
    return set_invalid (error, _("The personal identity number’s check digit is wrong. "
                                 "Check for a typing error."));

  return TRUE;
}

/* DDMMYYIIIKK; a D-nummer has 4 added to the first digit. */
static gboolean
validate_norway (const char  *number,
                 GError     **error)
{
  static const int weights1[] = { 3, 7, 6, 1, 8, 9, 4, 5, 2 };
  static const int weights2[] = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };
  gboolean plus = FALSE;
  g_autofree char *digits = digits_only (number, &plus);
  int sum1 = 0, sum2 = 0, k1, k2, day, month;

  if (digits == NULL || plus || strlen (digits) != 11)
    return set_invalid (error, _("A Norwegian fødselsnummer or D-nummer has 11 digits."));

  day = digit (digits, 0) * 10 + digit (digits, 1);
  month = digit (digits, 2) * 10 + digit (digits, 3);
  if (day > 40)
    day -= 40;   /* D-nummer */

  /* Any century will do for the day of the month but 29 February: 2000 is a leap year. */
  if (!is_valid_date (2000 + digit (digits, 4) * 10 + digit (digits, 5), month, day))
    return set_invalid (error, _("The fødselsnummer does not begin with a valid date of "
                                 "birth. Check it."));

  for (int i = 0; i < 9; i++)
    sum1 += weights1[i] * digit (digits, i);
  k1 = (11 - sum1 % 11) % 11;
  for (int i = 0; i < 10; i++)
    sum2 += weights2[i] * digit (digits, i);
  k2 = (11 - sum2 % 11) % 11;

  if (k1 == 10 || k2 == 10 || k1 != digit (digits, 9) || k2 != digit (digits, 10))
    return set_invalid (error, _("The fødselsnummer’s check digits are wrong. "
                                 "Check for a typing error."));

  return TRUE;
}

/**
 * kab_identity_number_validate:
 * @country: the practice's country (KAB_COUNTRY_*)
 * @number: (nullable): as typed; empty means none, which is allowed
 *
 * Checks a Swedish or Norwegian number by its format, date and check digits; any other
 * country takes free text of a sensible length.
 */
gboolean
kab_identity_number_validate (const char  *country,
                              const char  *number,
                              GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (number != NULL ? number : ""));

  if (*trimmed == '\0')
    return TRUE;

  if (g_strcmp0 (country, KAB_COUNTRY_SWEDEN) == 0)
    return validate_sweden (trimmed, error);

  if (g_strcmp0 (country, KAB_COUNTRY_NORWAY) == 0)
    return validate_norway (trimmed, error);

  if (!g_utf8_validate (trimmed, -1, NULL) || g_utf8_strlen (trimmed, -1) > MAX_FREE_TEXT_CHARS)
    return set_invalid (error, _("The personal identity number is too long."));

  return TRUE;
}

/**
 * kab_identity_number_normalize:
 *
 * Returns: (transfer full): @number in the country's usual written form (Swedish
 *   YYYYMMDD-NNNN stays as typed but trimmed; Norwegian without spaces), or trimmed
 */
char *
kab_identity_number_normalize (const char *country,
                               const char *number)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (number != NULL ? number : ""));
  gboolean plus = FALSE;
  g_autofree char *digits = NULL;

  if (g_strcmp0 (country, KAB_COUNTRY_NORWAY) != 0 || !kab_identity_number_validate (country, trimmed, NULL))
    return g_steal_pointer (&trimmed);

  digits = digits_only (trimmed, &plus);
  return g_steal_pointer (&digits);
}
