/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-money.c: amounts formatted and parsed in the user's locale */

#include <locale.h>
#include <string.h>

#include "kab-model-error.h"
#include "kab-money.h"

#define NBSP "\u00a0"
#define NNBSP "\u202f"

static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) != NULL)
    return TRUE;

  g_test_skip_printf ("locale %s is not generated on this machine", name);
  return FALSE;
}

static void
assert_format (gint64      minor,
               const char *currency,
               const char *expected)
{
  g_autofree char *text = kab_money_format (minor, currency);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_parse (const char *text,
              const char *currency,
              gint64      expected)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = -1;

  if (!kab_money_parse (text, currency, &minor, &error))
    g_error ("“%s” (%s) was refused: %s", text, currency, error->message);
  g_assert_no_error (error);
  g_assert_cmpint (minor, ==, expected);
}

/* Refused with INVALID_AMOUNT, a readable message, and the output left alone. */
static void
assert_refused (const char *text,
                const char *currency)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 42;

  if (kab_money_parse (text, currency, &minor, &error))
    g_error ("“%s” (%s) was accepted as %" G_GINT64_FORMAT, text, currency, minor);
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpstr (error->message, !=, "");
  g_assert_cmpint (minor, ==, 42);
}

static void
assert_refused_with (const char *text,
                     const char *expected_message)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 42;

  g_assert_false (kab_money_parse (text, "EUR", &minor, &error));
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT);
  g_assert_cmpstr (error->message, ==, expected_message);
}

static void
assert_round_trip (gint64      minor,
                   const char *currency)
{
  g_autofree char *text = kab_money_format (minor, currency);
  g_autofree char *plain = kab_money_format_plain (minor, currency);

  assert_parse (text, currency, minor);
  assert_parse (plain, currency, minor);
}

static const gint64 round_trip_amounts[] = {
  0, 1, 9, 10, 99, 100, 101, 999, 1000, 12345, 99999, 100000, 150050, 999999, 1000000,
  123456789, G_GINT64_CONSTANT (9999999999999), G_GINT64_CONSTANT (10000000000000),
};

static void
round_trip_everything (void)
{
  const char * const *codes = kab_currency_list ();

  for (guint c = 0; codes[c] != NULL; c++)
    for (guint i = 0; i < G_N_ELEMENTS (round_trip_amounts); i++)
      assert_round_trip (round_trip_amounts[i], codes[c]);
}

/* Russian */

static void
test_ru_format (void)
{
  if (!use_locale ("ru_RU.UTF-8"))
    return;

  assert_format (150050, "RUB", "1" NBSP "500,50" NBSP "₽");
  assert_format (350000, "RUB", "3" NBSP "500,00" NBSP "₽");
  assert_format (99, "RUB", "0,99" NBSP "₽");
  assert_format (0, "RUB", "0,00" NBSP "₽");
  assert_format (100000, "RUB", "1" NBSP "000,00" NBSP "₽");
  assert_format (123456789, "RUB", "1" NBSP "234" NBSP "567,89" NBSP "₽");
  assert_format (99999, "RUB", "999,99" NBSP "₽");
  /* Other currencies: a unique sign where there is one, else the code. */
  assert_format (150050, "EUR", "1" NBSP "500,50" NBSP "€");
  assert_format (150050, "SEK", "1" NBSP "500,50" NBSP "SEK");
  assert_format (150050, "NOK", "1" NBSP "500,50" NBSP "NOK");
}

static void
test_ru_parse (void)
{
  if (!use_locale ("ru_RU.UTF-8"))
    return;

  assert_parse ("1 500,50", "RUB", 150050);
  assert_parse ("1500.50", "RUB", 150050);
  assert_parse ("1500,5", "RUB", 150050);
  assert_parse ("1500", "RUB", 150000);
  assert_parse ("1500,", "RUB", 150000);
  assert_parse (",5", "RUB", 50);
  assert_parse ("3 500 ₽", "RUB", 350000);
  assert_parse ("3" NBSP "500,00" NBSP "₽", "RUB", 350000);
  assert_parse ("3" NNBSP "500,00" NNBSP "₽", "RUB", 350000);
  assert_parse ("3\u2009500", "RUB", 350000);
  assert_parse ("3500 руб.", "RUB", 350000);
  assert_parse ("3500 руб", "RUB", 350000);
  assert_parse ("3500р.", "RUB", 350000);
  assert_parse ("3500 RUB", "RUB", 350000);
  assert_parse ("rub 3500", "RUB", 350000);
  assert_parse ("  12 345 678,90  ", "RUB", 1234567890);

  /* A dot and a comma together are not a Russian amount; a stray group is refused. */
  assert_refused ("1.500,50", "RUB");
  assert_refused ("1,500.50", "RUB");
  assert_refused ("15 00", "RUB");
  assert_refused ("1 5000", "RUB");
  assert_refused ("1,500", "RUB");
  assert_refused ("3500 $", "RUB");
}

static void
test_ru_round_trip (void)
{
  if (!use_locale ("ru_RU.UTF-8"))
    return;

  round_trip_everything ();
}

/* Swedish */

static void
test_sv_format (void)
{
  if (!use_locale ("sv_SE.UTF-8"))
    return;

  assert_format (120000, "SEK", "1" NBSP "200,00" NBSP "kr");
  assert_format (150050, "SEK", "1" NBSP "500,50" NBSP "kr");
  assert_format (5, "SEK", "0,05" NBSP "kr");
  /* A euro amount in a Swedish locale keeps the locale's decimal comma. */
  assert_format (9000, "EUR", "90,00" NBSP "€");
  /* Norwegian kroner are not “kr” in Sweden. */
  assert_format (150050, "NOK", "1" NBSP "500,50" NBSP "NOK");
  assert_format (150050, "RUB", "1" NBSP "500,50" NBSP "₽");
}

static void
test_sv_parse (void)
{
  if (!use_locale ("sv_SE.UTF-8"))
    return;

  assert_parse ("1 200,00 kr", "SEK", 120000);
  assert_parse ("1200", "SEK", 120000);
  assert_parse ("1200.5", "SEK", 120050);
  assert_parse ("1200,50", "SEK", 120050);
  assert_parse ("1200:-", "SEK", 120000);
  assert_parse ("1 200 SEK", "SEK", 120000);
  assert_parse ("1" NNBSP "200,00" NBSP "kr", "SEK", 120000);
  assert_parse ("KR 10", "SEK", 1000);
  assert_refused ("1200,505", "SEK");
  assert_refused ("12 00", "SEK");
}

static void
test_sv_round_trip (void)
{
  if (!use_locale ("sv_SE.UTF-8"))
    return;

  round_trip_everything ();
}

/* Norwegian */

static void
test_nb_format (void)
{
  if (!use_locale ("nb_NO.UTF-8"))
    return;

  assert_format (150050, "NOK", "kr" NBSP "1" NBSP "500,50");
  assert_format (100, "NOK", "kr" NBSP "1,00");
  assert_format (123456789, "NOK", "kr" NBSP "1" NBSP "234" NBSP "567,89");
  assert_format (150050, "SEK", "SEK" NBSP "1" NBSP "500,50");
}

static void
test_nb_parse (void)
{
  if (!use_locale ("nb_NO.UTF-8"))
    return;

  assert_parse ("kr 1 500,50", "NOK", 150050);
  assert_parse ("kr. 1 500,50", "NOK", 150050);
  assert_parse ("1500,50", "NOK", 150050);
  assert_parse ("1" NNBSP "500,50", "NOK", 150050);
  assert_parse ("1500,-", "NOK", 150000);
  assert_parse ("NOK 1500", "NOK", 150000);
  assert_parse ("1500.50", "NOK", 150050);
  assert_refused ("kr", "NOK");
  assert_refused ("kr -5", "NOK");
}

static void
test_nb_round_trip (void)
{
  if (!use_locale ("nb_NO.UTF-8"))
    return;

  round_trip_everything ();
}

/* English */

static void
test_en_us_format (void)
{
  if (!use_locale ("en_US.UTF-8"))
    return;

  assert_format (150050, "USD", "$1,500.50");
  assert_format (150050, "EUR", "€1,500.50");
  assert_format (150050, "GBP", "£1,500.50");
  assert_format (150050, "SEK", "SEK" NBSP "1,500.50");
  assert_format (150050, "RUB", "RUB" NBSP "1,500.50");
  assert_format (150050, "CHF", "CHF" NBSP "1,500.50");
  assert_format (123456789, "USD", "$1,234,567.89");
  assert_format (100000, "USD", "$1,000.00");
  assert_format (99999, "USD", "$999.99");
  assert_format (7, "USD", "$0.07");
  /* A negative amount (a credit) has its sign before the currency. */
  assert_format (-2500, "USD", "−$25.00");
}

static void
test_en_us_parse (void)
{
  if (!use_locale ("en_US.UTF-8"))
    return;

  assert_parse ("1,500.50", "USD", 150050);
  assert_parse ("$1500.50", "USD", 150050);
  assert_parse ("$ 1,500.50", "USD", 150050);
  assert_parse ("1500", "USD", 150000);
  assert_parse ("1,234,567.89", "USD", 123456789);
  assert_parse ("1,500", "USD", 150000);
  assert_parse ("SEK 1,500.50", "SEK", 150050);
  assert_parse ("1 500.50", "USD", 150050);
  /* A comma is a group separator here: “1,50” is malformed, not one and a half. */
  assert_refused ("1,50", "USD");
  assert_refused ("1500,5", "USD");
  assert_refused ("1,5000", "USD");
  assert_refused ("$-5", "USD");
}

static void
test_en_gb (void)
{
  if (!use_locale ("en_GB.UTF-8"))
    return;

  assert_format (150050, "GBP", "£1,500.50");
  assert_format (150050, "EUR", "€1,500.50");
  assert_format (150050, "NOK", "NOK" NBSP "1,500.50");
  assert_parse ("£1,500.50", "GBP", 150050);
  assert_parse ("1500.5 GBP", "GBP", 150050);
  assert_refused ("£1.500,50", "GBP");
}

static void
test_en_round_trip (void)
{
  if (!use_locale ("en_US.UTF-8"))
    return;
  round_trip_everything ();

  if (!use_locale ("en_GB.UTF-8"))
    return;
  round_trip_everything ();
}

/* Anywhere */

static void
test_c_locale (void)
{
  setlocale (LC_ALL, "C.UTF-8");

  /* Without locale conventions Kabinett writes English. */
  assert_format (150050, "EUR", "€1,500.50");
  assert_format (150050, "SEK", "SEK" NBSP "1,500.50");
  assert_format (150050, NULL, "1,500.50");
  assert_parse ("1,500.50", "EUR", 150050);
  assert_parse ("1500.50", "EUR", 150050);
  round_trip_everything ();
}

static void
test_refusals (void)
{
  setlocale (LC_ALL, "C.UTF-8");

  assert_refused ("", "EUR");
  assert_refused (NULL, "EUR");
  assert_refused ("   ", "EUR");
  assert_refused ("€", "EUR");
  assert_refused ("-5", "EUR");
  assert_refused ("−5", "EUR");
  assert_refused ("(5)", "EUR");
  assert_refused ("- 5", "EUR");
  assert_refused ("€-5", "EUR");
  assert_refused ("+5", "EUR");
  assert_refused ("12,3,4", "EUR");
  assert_refused ("1.234", "EUR");
  assert_refused ("1.2.3", "EUR");
  assert_refused ("1..2", "EUR");
  assert_refused (".", "EUR");
  assert_refused ("abc", "EUR");
  assert_refused ("12abc", "EUR");
  assert_refused ("1e5", "EUR");
  assert_refused ("0x10", "EUR");
  assert_refused ("١٢٣", "EUR");
  assert_refused ("5 5", "EUR");
  assert_refused ("'; DROP TABLE payment; --", "EUR");
  assert_refused ("\xff\xfe", "EUR");
  assert_refused ("12\xc3", "EUR");
  assert_refused ("12 $", "EUR");
}

static void
test_refusal_messages (void)
{
  setlocale (LC_ALL, "C.UTF-8");

  assert_refused_with ("", "Enter an amount.");
  assert_refused_with ("-12", "The amount cannot be negative.");
  assert_refused_with ("1.234", "Use at most 2 decimal places.");
  assert_refused_with ("100000000000.01", "The amount is too large.");
  assert_refused_with ("abc", "Type the amount as a number, such as 1,500.50.");
}

static void
test_overflow (void)
{
  setlocale (LC_ALL, "C.UTF-8");

  /* 10^13 minor units is the largest amount. */
  assert_parse ("100000000000", "EUR", G_GINT64_CONSTANT (10000000000000));
  assert_parse ("100,000,000,000.00", "EUR", G_GINT64_CONSTANT (10000000000000));
  assert_parse ("99999999999.99", "EUR", G_GINT64_CONSTANT (9999999999999));
  assert_refused ("100000000000.01", "EUR");
  assert_refused ("100000000001", "EUR");
  assert_refused ("99999999999999999999", "EUR");
  assert_refused ("9223372036854775807", "EUR");
  assert_refused ("18446744073709551617", "EUR");
  assert_refused ("000000000000000000000000000000000000000000000001x", "EUR");

  /* Leading zeros do not count towards the size. */
  assert_parse ("0000000000000000000000000001.50", "EUR", 150);
}

static void
test_zero (void)
{
  setlocale (LC_ALL, "C.UTF-8");

  /* A free session is allowed here; validate() refuses zero where it must be positive. */
  assert_parse ("0", "EUR", 0);
  assert_parse ("0.00", "EUR", 0);
  assert_parse ("€0", "EUR", 0);
}

static void
test_unknown_currency (void)
{
  setlocale (LC_ALL, "C.UTF-8");

  /* Without a known currency every known sign is understood. */
  assert_parse ("€12", NULL, 1200);
  assert_parse ("12 kr", "XYZ", 1200);
  assert_parse ("12", NULL, 1200);
  assert_format (1200, "XYZ", "XYZ" NBSP "12.00");
}

static void
test_format_extremes (void)
{
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  g_autofree char *plain_min = NULL;

  setlocale (LC_ALL, "C.UTF-8");

  min = kab_money_format (G_MININT64, "EUR");
  max = kab_money_format (G_MAXINT64, "EUR");
  plain_min = kab_money_format_plain (G_MININT64, "EUR");
  g_assert_cmpstr (max, ==, "€92,233,720,368,547,758.07");
  g_assert_cmpstr (min, ==, "−€92,233,720,368,547,758.08");
  g_assert_cmpstr (plain_min, ==, "-92233720368547758.08");
}

static void
test_plain_is_locale_independent (void)
{
  const char *locales[] = { "sv_SE.UTF-8", "ru_RU.UTF-8", "nb_NO.UTF-8", "en_US.UTF-8", NULL };

  for (guint i = 0; locales[i] != NULL; i++)
    {
      g_autofree char *plain = NULL;
      g_autofree char *negative = NULL;
      g_autofree char *big = NULL;
      g_autofree char *zero = NULL;

      if (setlocale (LC_ALL, locales[i]) == NULL)
        continue;

      plain = kab_money_format_plain (150050, "SEK");
      negative = kab_money_format_plain (-5, "SEK");
      big = kab_money_format_plain (123456789, "RUB");
      zero = kab_money_format_plain (0, "EUR");
      g_assert_cmpstr (plain, ==, "1500.50");
      g_assert_cmpstr (negative, ==, "-0.05");
      g_assert_cmpstr (big, ==, "1234567.89");
      g_assert_cmpstr (zero, ==, "0.00");
    }
}

static void
test_currencies (void)
{
  const char * const *codes = kab_currency_list ();

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_assert_true (kab_currency_is_valid (codes[i]));
      g_assert_cmpuint (kab_currency_get_digits (codes[i]), ==, 2);
      g_assert_cmpstr (kab_currency_get_symbol (codes[i]), !=, "");
      g_assert_cmpuint (strlen (codes[i]), ==, 3);
    }

  for (guint i = 0; i < 9; i++)
    {
      const char *required[] = { "RUB", "SEK", "NOK", "EUR", "USD", "GBP", "DKK", "CHF", "PLN" };

      g_assert_true (g_strv_contains (codes, required[i]));
    }

  g_assert_cmpstr (kab_currency_get_symbol ("RUB"), ==, "₽");
  g_assert_cmpstr (kab_currency_get_symbol ("SEK"), ==, "kr");
  g_assert_cmpstr (kab_currency_get_symbol ("NOK"), ==, "kr");
  g_assert_cmpstr (kab_currency_get_symbol ("EUR"), ==, "€");
  g_assert_cmpstr (kab_currency_get_symbol ("USD"), ==, "$");
  g_assert_cmpstr (kab_currency_get_symbol ("GBP"), ==, "£");
  g_assert_cmpstr (kab_currency_get_symbol ("XYZ"), ==, "XYZ");
  g_assert_cmpstr (kab_currency_get_symbol (NULL), ==, "");

  g_assert_false (kab_currency_is_valid ("XYZ"));
  g_assert_false (kab_currency_is_valid ("eur"));
  g_assert_false (kab_currency_is_valid (""));
  g_assert_false (kab_currency_is_valid (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/money/ru_RU/format", test_ru_format);
  g_test_add_func ("/money/ru_RU/parse", test_ru_parse);
  g_test_add_func ("/money/ru_RU/round-trip", test_ru_round_trip);
  g_test_add_func ("/money/sv_SE/format", test_sv_format);
  g_test_add_func ("/money/sv_SE/parse", test_sv_parse);
  g_test_add_func ("/money/sv_SE/round-trip", test_sv_round_trip);
  g_test_add_func ("/money/nb_NO/format", test_nb_format);
  g_test_add_func ("/money/nb_NO/parse", test_nb_parse);
  g_test_add_func ("/money/nb_NO/round-trip", test_nb_round_trip);
  g_test_add_func ("/money/en_US/format", test_en_us_format);
  g_test_add_func ("/money/en_US/parse", test_en_us_parse);
  g_test_add_func ("/money/en_GB", test_en_gb);
  g_test_add_func ("/money/en/round-trip", test_en_round_trip);
  g_test_add_func ("/money/c-locale", test_c_locale);
  g_test_add_func ("/money/refusals", test_refusals);
  g_test_add_func ("/money/refusal-messages", test_refusal_messages);
  g_test_add_func ("/money/overflow", test_overflow);
  g_test_add_func ("/money/zero", test_zero);
  g_test_add_func ("/money/unknown-currency", test_unknown_currency);
  g_test_add_func ("/money/format-extremes", test_format_extremes);
  g_test_add_func ("/money/plain", test_plain_is_locale_independent);
  g_test_add_func ("/money/currencies", test_currencies);

  return g_test_run ();
}
