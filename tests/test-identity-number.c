/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-identity.c: personal identity numbers by the practice's country */

#include "config.h"

#include "kab-country.h"
#include "kab-identity-number.h"
#include "kab-model-error.h"

static void
assert_valid (const char *country,
              const char *number)
{
  g_autoptr(GError) error = NULL;

  if (!kab_identity_number_validate (country, number, &error))
    g_error ("“%s” should be valid in “%s”: %s", number, country, error->message);
}

static void
assert_invalid (const char *country,
                const char *number)
{
  g_autoptr(GError) error = NULL;

  if (kab_identity_number_validate (country, number, &error))
    g_error ("“%s” should be refused in “%s”", number, country);
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpstr (error->message, !=, "");
}

/* Skatteverket's published examples, in each written form; a samordningsnummer has 60
 * added to the day. */
static void
test_sweden (void)
{
  assert_valid (KAB_COUNTRY_SWEDEN, "811228-9874");
  assert_valid (KAB_COUNTRY_SWEDEN, "8112289874");
  assert_valid (KAB_COUNTRY_SWEDEN, "198112289874");
  assert_valid (KAB_COUNTRY_SWEDEN, "19811228-9874");
  assert_valid (KAB_COUNTRY_SWEDEN, " 640327-3813 ");
  assert_valid (KAB_COUNTRY_SWEDEN, "811228+9874");       /* 100 years or older */
  assert_valid (KAB_COUNTRY_SWEDEN, "701063-2391");       /* samordningsnummer */
  assert_valid (KAB_COUNTRY_SWEDEN, "");                  /* none is allowed */

  assert_invalid (KAB_COUNTRY_SWEDEN, "811228-9875");     /* check digit */
  assert_invalid (KAB_COUNTRY_SWEDEN, "811228-987");      /* too short */
  assert_invalid (KAB_COUNTRY_SWEDEN, "81122898744");     /* eleven digits */
  assert_invalid (KAB_COUNTRY_SWEDEN, "811328-9874");     /* month 13 */
  assert_invalid (KAB_COUNTRY_SWEDEN, "811292-9874");     /* day 92 */
  assert_invalid (KAB_COUNTRY_SWEDEN, "811228/9874");     /* not a separator */
  assert_invalid (KAB_COUNTRY_SWEDEN, "ABCDEF-GHIJ");
}

static void
test_norway (void)
{
  assert_valid (KAB_COUNTRY_NORWAY, "15076500565");
  assert_valid (KAB_COUNTRY_NORWAY, "010107 50160");
  assert_valid (KAB_COUNTRY_NORWAY, "41010750154");       /* D-nummer */
  assert_valid (KAB_COUNTRY_NORWAY, "29020012380");       /* 29 February 2000 */
  assert_valid (KAB_COUNTRY_NORWAY, "");

  assert_invalid (KAB_COUNTRY_NORWAY, "15076500564");     /* second check digit */
  assert_invalid (KAB_COUNTRY_NORWAY, "15076500575");     /* first check digit */
  assert_invalid (KAB_COUNTRY_NORWAY, "1507650056");      /* ten digits */
  assert_invalid (KAB_COUNTRY_NORWAY, "32010750160");     /* day 32 */
  assert_invalid (KAB_COUNTRY_NORWAY, "01130750160");     /* month 13 */
  assert_invalid (KAB_COUNTRY_NORWAY, "811228-9874");     /* a Swedish number */

  {
    g_autofree char *normal = kab_identity_number_normalize (KAB_COUNTRY_NORWAY, " 010107 50160");
    g_assert_cmpstr (normal, ==, "01010750160");
  }
}

/* Elsewhere any short text: a passport or SNILS number as the practitioner writes it. */
static void
test_elsewhere (void)
{
  g_autofree char *long_text = g_strnfill (51, '1');

  assert_valid (KAB_COUNTRY_RUSSIA, "112-233-445 95");
  assert_valid (KAB_COUNTRY_OTHER, "X1234567");
  assert_valid (KAB_COUNTRY_RUSSIA, "811228-9875");
  assert_invalid (KAB_COUNTRY_OTHER, long_text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/identity/sweden", test_sweden);
  g_test_add_func ("/identity/norway", test_norway);
  g_test_add_func ("/identity/elsewhere", test_elsewhere);

  return g_test_run ();
}
