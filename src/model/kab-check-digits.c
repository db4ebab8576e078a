/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-check-digits.c: tax, bank and payment numbers of Sweden, Norway and Russia, and their check digits */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kab-check-digits.h"
#include "kab-model-error.h"

/**
 * kab_digits_only:
 * @text: (nullable): a number as a user types it: "556036-0793", "974 760 673"
 *
 * Returns: (transfer full) (nullable): its digits, or %NULL when it holds anything but
 *   digits, spaces, hyphens and dots
 */
char *
kab_digits_only (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ' && *p != '-' && *p != '.')
        {
          g_string_free (digits, TRUE);
          return NULL;
        }
    }

  return g_string_free (digits, FALSE);
}

static gboolean
all_digits (const char *digits)
{
  if (digits == NULL || *digits == '\0')
    return FALSE;
  for (const char *p = digits; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* The sum of the Luhn (mod 10) algorithm, doubling every second digit from the right,
 * starting with the rightmost when @doubling_first. */
static int
luhn_sum (const char *digits,
          gboolean    doubling_first)
{
  gsize len = strlen (digits);
  int sum = 0;

  for (gsize i = 0; i < len; i++)
    {
      int d = digits[len - 1 - i] - '0';

      if ((i % 2 == 0) == doubling_first)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }

  return sum;
}

/**
 * kab_luhn_is_valid:
 * @digits: digits only, the last one the check digit
 */
gboolean
kab_luhn_is_valid (const char *digits)
{
  return all_digits (digits) && luhn_sum (digits, FALSE) % 10 == 0;
}

/**
 * kab_luhn_check_digit:
 * @digits: digits only, without a check digit
 *
 * Returns: the Luhn check digit to append to @digits
 */
int
kab_luhn_check_digit (const char *digits)
{
  g_return_val_if_fail (all_digits (digits), 0);

  return (10 - luhn_sum (digits, TRUE) % 10) % 10;
}

/* The mod-11 check digit of @digits with @weights (one per digit), or -1 when there is
 * none (a remainder of 1: no number ends so). */
static int
mod11_check_digit (const char  *digits,
                   const int   *weights,
                   gsize        n)
{
  int sum = 0;
  int check;

  for (gsize i = 0; i < n; i++)
    sum += (digits[i] - '0') * weights[i];
  check = 11 - sum % 11;
  if (check == 11)
    return 0;
  return check == 10 ? -1 : check;
}

static gboolean
set_error (GError    **error,
           const char *message)
{
  g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE, message);
  return FALSE;
}

/**
 * kab_check_se_orgnr:
 * @text: a Swedish organisation number (10 digits, "556036-0793") or personal identity
 *   number (10 or 12 digits, "19811218-9876")
 *
 * Both end in a Luhn check digit over the last ten digits.
 */
gboolean
kab_check_se_orgnr (const char  *text,
                    GError     **error)
{
  g_autofree char *digits = kab_digits_only (text);
  const char *ten;

  if (digits == NULL || (strlen (digits) != 10 && strlen (digits) != 12))
    return set_error (error, _("A Swedish organisation or personal identity number has 10 digits, for example 556036-0793."));

  ten = digits + strlen (digits) - 10;
  if (strlen (digits) == 12 && !g_str_has_prefix (digits, "19") && !g_str_has_prefix (digits, "20"))
    return set_error (error, _("A personal identity number with 12 digits starts with the century, 19 or 20."));

  if (!kab_luhn_is_valid (ten))
    return set_error (error, _("This organisation or personal identity number has a wrong check digit: look for a mistyped digit."));

  return TRUE;
}

/**
 * kab_check_se_bankgiro:
 * @text: a bankgiro number, 7 or 8 digits ("5050-1055") ending in a Luhn check digit
 */
gboolean
kab_check_se_bankgiro (const char  *text,
                       GError     **error)
{
  g_autofree char *digits = kab_digits_only (text);

  if (digits == NULL || strlen (digits) < 7 || strlen (digits) > 8)
    return set_error (error, _("A bankgiro number has 7 or 8 digits, for example 5050-1055."));
  if (!kab_luhn_is_valid (digits))
    return set_error (error, _("This bankgiro number has a wrong check digit: look for a mistyped digit."));

  return TRUE;
}

/**
 * kab_check_se_plusgiro:
 * @text: a plusgiro number, 2 to 8 digits ("99 12 34-6") ending in a Luhn check digit
 */
gboolean
kab_check_se_plusgiro (const char  *text,
                       GError     **error)
{
  g_autofree char *digits = kab_digits_only (text);

  if (digits == NULL || strlen (digits) < 2 || strlen (digits) > 8)
    return set_error (error, _("A plusgiro number has 2 to 8 digits, for example 99 12 34-6."));
  if (!kab_luhn_is_valid (digits))
    return set_error (error, _("This plusgiro number has a wrong check digit: look for a mistyped digit."));

  return TRUE;
}

/**
 * kab_check_no_orgnr:
 * @text: a Norwegian organisasjonsnummer: 9 digits, the last a mod-11 check digit with
 *   the weights 3 2 7 6 5 4 3 2
 */
gboolean
kab_check_no_orgnr (const char  *text,
                    GError     **error)
{
  static const int weights[] = { 3, 2, 7, 6, 5, 4, 3, 2 };
  g_autofree char *digits = kab_digits_only (text);

  if (digits == NULL || strlen (digits) != 9)
    return set_error (error, _("A Norwegian organisation number has 9 digits, for example 974 760 673."));
  if (mod11_check_digit (digits, weights, G_N_ELEMENTS (weights)) != digits[8] - '0')
    return set_error (error, _("This organisation number has a wrong check digit: look for a mistyped digit."));

  return TRUE;
}

/**
 * kab_check_no_account:
 * @text: a Norwegian kontonummer: 11 digits ("8601.11.17947"), the last a mod-11 check
 *   digit with the weights 5 4 3 2 7 6 5 4 3 2
 */
gboolean
kab_check_no_account (const char  *text,
                      GError     **error)
{
  static const int weights[] = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };
  g_autofree char *digits = kab_digits_only (text);

  if (digits == NULL || strlen (digits) != 11)
    return set_error (error, _("A Norwegian account number has 11 digits, for example 8601.11.17947."));
  if (mod11_check_digit (digits, weights, G_N_ELEMENTS (weights)) != digits[10] - '0')
    return set_error (error, _("This account number has a wrong check digit: look for a mistyped digit."));

  return TRUE;
}

static int
inn_digit (const char *digits,
           const int  *weights,
           gsize       n)
{
  int sum = 0;

  for (gsize i = 0; i < n; i++)
    sum += (digits[i] - '0') * weights[i];
  return sum % 11 % 10;
}

/**
 * kab_check_ru_inn:
 * @text: an ИНН: 10 digits (an organisation) with one control digit, or 12 digits (a
 *   person: самозанятый, ИП) with two
 */
gboolean
kab_check_ru_inn (const char  *text,
                  GError     **error)
{
  static const int w10[] = { 2, 4, 10, 3, 5, 9, 4, 6, 8 };
  static const int w11[] = { 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };
  static const int w12[] = { 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };
  g_autofree char *digits = kab_digits_only (text);
  gboolean valid;

  if (digits == NULL || (strlen (digits) != 10 && strlen (digits) != 12))
    return set_error (error, _("An INN has 10 digits for an organisation or 12 digits for a person."));

  if (strlen (digits) == 10)
    valid = inn_digit (digits, w10, G_N_ELEMENTS (w10)) == digits[9] - '0';
  else
    valid = inn_digit (digits, w11, G_N_ELEMENTS (w11)) == digits[10] - '0' &&
            inn_digit (digits, w12, G_N_ELEMENTS (w12)) == digits[11] - '0';

  if (!valid)
    return set_error (error, _("This INN has a wrong control digit: look for a mistyped digit."));

  return TRUE;
}

/**
 * kab_check_ru_bic:
 * @text: a БИК: 9 digits, starting with 04 (Russia)
 */
gboolean
kab_check_ru_bic (const char  *text,
                  GError     **error)
{
  g_autofree char *digits = kab_digits_only (text);

  if (digits == NULL || strlen (digits) != 9 || !g_str_has_prefix (digits, "04"))
    return set_error (error, _("A BIC has 9 digits and starts with 04, for example 044525225."));

  return TRUE;
}

/**
 * kab_check_ru_account:
 * @account: a расчётный счёт: 20 digits
 * @bic: (nullable): the bank's БИК; when valid, the account's key digit is checked
 *   against it (the last three digits of the БИК and the account, weights 7 1 3)
 */
gboolean
kab_check_ru_account (const char  *account,
                      const char  *bic,
                      GError     **error)
{
  static const int weights[] = { 7, 1, 3 };
  g_autofree char *digits = kab_digits_only (account);
  g_autofree char *bic_digits = kab_digits_only (bic);
  g_autofree char *keyed = NULL;
  int sum = 0;

  if (digits == NULL || strlen (digits) != 20)
    return set_error (error, _("A settlement account number has 20 digits."));

  if (bic_digits == NULL || !kab_check_ru_bic (bic_digits, NULL))
    return TRUE;

  keyed = g_strconcat (bic_digits + 6, digits, NULL);
  for (gsize i = 0; keyed[i] != '\0'; i++)
    sum += ((keyed[i] - '0') * weights[i % 3]) % 10;

  if (sum % 10 != 0)
    return set_error (error, _("This account number does not match the bank’s BIC: look for a mistyped digit in either."));

  return TRUE;
}

/**
 * kab_se_ocr_new:
 * @base: digits that identify the invoice, at most 22
 *
 * A Swedish OCR reference for bankgiro with a length digit and a check digit: @base,
 * then the last digit of the whole reference's length, then a Luhn check digit over all
 * that precedes it.
 *
 * Returns: (transfer full): the reference
 */
char *
kab_se_ocr_new (const char *base)
{
  g_autofree char *with_length = NULL;

  g_return_val_if_fail (all_digits (base) && strlen (base) <= 22, NULL);

  with_length = g_strdup_printf ("%s%d", base, (int)((strlen (base) + 2) % 10));
  return g_strdup_printf ("%s%d", with_length, kab_luhn_check_digit (with_length));
}

/**
 * kab_se_ocr_is_valid:
 * @ocr: an OCR reference made with a length and a check digit
 */
gboolean
kab_se_ocr_is_valid (const char *ocr)
{
  gsize len;

  if (!kab_luhn_is_valid (ocr) || strlen (ocr) < 3)
    return FALSE;
  len = strlen (ocr);
  return ocr[len - 2] - '0' == (int)(len % 10);
}

/**
 * kab_no_kid_new:
 * @base: digits that identify the invoice, at most 24
 *
 * Returns: (transfer full): a Norwegian KID: @base and a mod-10 (Luhn) check digit
 */
char *
kab_no_kid_new (const char *base)
{
  g_return_val_if_fail (all_digits (base) && strlen (base) <= 24, NULL);

  return g_strdup_printf ("%s%d", base, kab_luhn_check_digit (base));
}
