/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-identity.c: the practice's tax and bank numbers and their check digits */

#include <string.h>

#include "kab-check-digits.h"
#include "kab-country.h"
#include "kab-model-error.h"
#include "kab-practice-identity.h"

typedef gboolean (*CheckFunc) (const char *text, GError **error);

static void
assert_valid (CheckFunc   check,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  if (!check (text, &error))
    g_error ("“%s” refused: %s", text, error->message);
}

static void
assert_invalid (CheckFunc   check,
                const char *text)
{
  g_autoptr(GError) error = NULL;

  if (check (text, &error))
    g_error ("“%s” accepted", text);
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, !=, "");
}

/* Each number's check digit, changed to every other digit, must be refused. */
static void
assert_every_other_check_digit_invalid (CheckFunc   check,
                                        const char *valid)
{
  g_autofree char *copy = g_strdup (valid);
  char *last = copy + strlen (copy) - 1;
  char right = *last;

  for (char d = '0'; d <= '9'; d++)
    {
      if (d == right)
        continue;
      *last = d;
      assert_invalid (check, copy);
    }
}

static void
test_se_orgnr (void)
{
  /* Real organisation numbers: Volvo Car, Ericsson, Skatteverket */
  assert_valid (kab_check_se_orgnr, "556036-0793");
  assert_valid (kab_check_se_orgnr, "5560160680");
  assert_valid (kab_check_se_orgnr, "202100-5448");
  /* Skatteverket's published test personnummer, with and without the century */
  assert_valid (kab_check_se_orgnr, "811218-9876");
  assert_valid (kab_check_se_orgnr, "19811218-9876");

  assert_every_other_check_digit_invalid (kab_check_se_orgnr, "5560360793");
  assert_invalid (kab_check_se_orgnr, "556036-079");      /* 9 digits */
  assert_invalid (kab_check_se_orgnr, "556036-07930");    /* 11 digits */
  assert_invalid (kab_check_se_orgnr, "18811218-9876");   /* no such century */
  assert_invalid (kab_check_se_orgnr, "556036-079X");
  assert_invalid (kab_check_se_orgnr, "");
  assert_invalid (kab_check_se_orgnr, "5650360793");      /* two digits swapped */
}

static void
test_se_giro (void)
{
  assert_valid (kab_check_se_bankgiro, "5050-1055");
  assert_valid (kab_check_se_bankgiro, "5050 1055");
  assert_every_other_check_digit_invalid (kab_check_se_bankgiro, "50501055");
  assert_invalid (kab_check_se_bankgiro, "505-105");      /* 6 digits */
  assert_invalid (kab_check_se_bankgiro, "5050-10551");   /* 9 digits */

  assert_valid (kab_check_se_plusgiro, "99 12 34-6");
  assert_every_other_check_digit_invalid (kab_check_se_plusgiro, "9912346");
  assert_invalid (kab_check_se_plusgiro, "123456789");
}

static void
test_no_orgnr (void)
{
  /* Brønnøysundregistrene, Equinor */
  assert_valid (kab_check_no_orgnr, "974 760 673");
  assert_valid (kab_check_no_orgnr, "923609016");
  assert_every_other_check_digit_invalid (kab_check_no_orgnr, "974760673");
  assert_invalid (kab_check_no_orgnr, "97476067");
  assert_invalid (kab_check_no_orgnr, "9747606730");
  /* a remainder that gives no check digit (10): no number can be valid */
  assert_invalid (kab_check_no_orgnr, "123456789");
}

static void
test_no_account (void)
{
  assert_valid (kab_check_no_account, "8601.11.17947");
  assert_valid (kab_check_no_account, "1234 56 78903");
  assert_every_other_check_digit_invalid (kab_check_no_account, "86011117947");
  assert_invalid (kab_check_no_account, "8601111794");
  assert_invalid (kab_check_no_account, "86011117947 1");
}

static void
test_ru_inn (void)
{
  /* ПАО Сбербанк (an organisation, 10 digits) and a person's ИНН (12 digits) */
  assert_valid (kab_check_ru_inn, "7707083893");
  assert_valid (kab_check_ru_inn, "500100732259");
  assert_every_other_check_digit_invalid (kab_check_ru_inn, "7707083893");
  assert_every_other_check_digit_invalid (kab_check_ru_inn, "500100732259");
  /* the 11th digit of a 12-digit ИНН is a control digit too */
  assert_invalid (kab_check_ru_inn, "500100732269");
  assert_invalid (kab_check_ru_inn, "77070838930");
  assert_invalid (kab_check_ru_inn, "770708389");
}

static gboolean
check_account_with_sber (const char *account,
                         GError    **error)
{
  return kab_check_ru_account (account, "044525225", error);
}

static void
test_ru_bank (void)
{
  assert_valid (kab_check_ru_bic, "044525225");
  assert_invalid (kab_check_ru_bic, "04452522");
  assert_invalid (kab_check_ru_bic, "144525225");

  /* the key digit (the 9th) of an account is checked with the bank's БИК */
  assert_valid (check_account_with_sber, "40702810938000000001");
  assert_invalid (check_account_with_sber, "40702810838000000001");
  assert_invalid (check_account_with_sber, "4070281093800000000");
  /* without a valid БИК only the length can be checked */
  g_assert_true (kab_check_ru_account ("40702810838000000001", "", NULL));
}

static void
test_references (void)
{
  g_autofree char *ocr = kab_se_ocr_new ("12345");
  g_autofree char *kid = kab_no_kid_new ("1234567");

  /* 12345, the length 7, then the Luhn digit of 123457 */
  g_assert_cmpstr (ocr, ==, "1234574");
  g_assert_true (kab_se_ocr_is_valid (ocr));
  g_assert_false (kab_se_ocr_is_valid ("1234564"));   /* wrong length digit */
  g_assert_false (kab_se_ocr_is_valid ("1234573"));   /* wrong check digit */
  g_assert_cmpstr (kid, ==, "12345674");
  g_assert_true (kab_luhn_is_valid (kid));

  for (int i = 1; i < 2000; i += 37)
    {
      g_autofree char *base = g_strdup_printf ("%d", i);
      g_autofree char *made = kab_se_ocr_new (base);

      g_assert_true (kab_se_ocr_is_valid (made));
      g_assert_cmpint (strlen (made), ==, strlen (base) + 2);
    }
}

static void
test_identity_validate (void)
{
  g_autoptr(KabPracticeIdentity) identity = kab_practice_identity_new ();
  g_autoptr(KabPracticeIdentity) copy = NULL;
  g_autoptr(GError) error = NULL;

  /* the defaults: BAS accounts, 25 % VAT, 14 days, licensed */
  g_assert_cmpint (kab_practice_identity_get_sales_account (identity), ==, 3004);
  g_assert_cmpint (kab_practice_identity_get_bank_account (identity), ==, 1930);
  g_assert_cmpint (kab_practice_identity_get_receivables_account (identity), ==, 1510);
  g_assert_cmpint (kab_practice_identity_get_vat_percent (identity), ==, 25);
  g_assert_cmpint (kab_practice_identity_get_due_days (identity), ==, 14);
  g_assert_true (kab_practice_identity_validate (identity, KAB_COUNTRY_SWEDEN, NULL));

  /* a number is checked by the rules of the practice's country */
  kab_practice_identity_set_tax_id (identity, "974760673");
  g_assert_true (kab_practice_identity_validate (identity, KAB_COUNTRY_NORWAY, NULL));
  g_assert_false (kab_practice_identity_validate (identity, KAB_COUNTRY_SWEDEN, &error));
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_true (kab_practice_identity_validate (identity, KAB_COUNTRY_OTHER, NULL));

  kab_practice_identity_set_tax_id (identity, "7707083893");
  kab_practice_identity_set_bic (identity, "044525225");
  kab_practice_identity_set_account (identity, "40702810838000000001");
  g_assert_false (kab_practice_identity_validate (identity, KAB_COUNTRY_RUSSIA, &error));
  g_clear_error (&error);
  kab_practice_identity_set_account (identity, "40702810938000000001");
  g_assert_true (kab_practice_identity_validate (identity, KAB_COUNTRY_RUSSIA, NULL));

  kab_practice_identity_set_vat_percent (identity, 101);
  g_assert_false (kab_practice_identity_validate (identity, KAB_COUNTRY_RUSSIA, NULL));
  kab_practice_identity_set_vat_percent (identity, 25);
  kab_practice_identity_set_sales_account (identity, 300);
  g_assert_false (kab_practice_identity_validate (identity, KAB_COUNTRY_RUSSIA, NULL));
  kab_practice_identity_set_sales_account (identity, 3001);

  copy = kab_practice_identity_copy (identity);
  g_assert_cmpstr (kab_practice_identity_get_account (copy), ==, "40702810938000000001");
  g_assert_cmpint (kab_practice_identity_get_sales_account (copy), ==, 3001);
}

static void
test_identity_vat (void)
{
  g_autoptr(KabPracticeIdentity) identity = kab_practice_identity_new ();
  g_autofree char *se = NULL;
  g_autofree char *ru = NULL;

  g_assert_true (kab_practice_identity_is_vat_exempt (identity, KAB_COUNTRY_SWEDEN));
  kab_practice_identity_set_licensed (identity, FALSE);
  g_assert_false (kab_practice_identity_is_vat_exempt (identity, KAB_COUNTRY_SWEDEN));
  g_assert_true (kab_practice_identity_is_vat_exempt (identity, KAB_COUNTRY_NORWAY));
  g_assert_true (kab_practice_identity_is_vat_exempt (identity, KAB_COUNTRY_RUSSIA));
  kab_practice_identity_set_tax_status (identity, KAB_TAX_STATUS_ORGANISATION);
  g_assert_false (kab_practice_identity_is_vat_exempt (identity, KAB_COUNTRY_RUSSIA));

  kab_practice_identity_set_f_tax (identity, TRUE);
  kab_practice_identity_set_tax_status (identity, KAB_TAX_STATUS_SELF_EMPLOYED);
  se = kab_practice_identity_dup_tax_status_label (identity, KAB_COUNTRY_SWEDEN);
  ru = kab_practice_identity_dup_tax_status_label (identity, KAB_COUNTRY_RUSSIA);
  g_assert_cmpstr (se, ==, "Godkänd för F-skatt");
  g_assert_nonnull (strstr (ru, "самозанятый"));

  g_assert_cmpint (kab_tax_status_from_nick (kab_tax_status_to_nick (KAB_TAX_STATUS_ENTREPRENEUR)),
                   ==, KAB_TAX_STATUS_ENTREPRENEUR);
  g_assert_cmpint (kab_tax_status_from_nick ("nonsense"), ==, KAB_TAX_STATUS_SELF_EMPLOYED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/identity/se-orgnr", test_se_orgnr);
  g_test_add_func ("/identity/se-giro", test_se_giro);
  g_test_add_func ("/identity/no-orgnr", test_no_orgnr);
  g_test_add_func ("/identity/no-account", test_no_account);
  g_test_add_func ("/identity/ru-inn", test_ru_inn);
  g_test_add_func ("/identity/ru-bank", test_ru_bank);
  g_test_add_func ("/identity/references", test_references);
  g_test_add_func ("/identity/validate", test_identity_validate);
  g_test_add_func ("/identity/vat", test_identity_vat);

  return g_test_run ();
}
