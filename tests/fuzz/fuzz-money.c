/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-money.c: libFuzzer target for kab_money_parse, with the invariants it must keep */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kab-model-error.h"
#include "kab-money.h"

#include "fuzz-common.h"

guint fuzz_n_accepted;

/* An amount the parser accepted must be in range, and what Kabinett itself writes for
 * it, in the current locale and in plain ASCII, must read back as the same amount. */
static void
check_round_trip (gint64      minor,
                  const char *currency)
{
  g_autofree char *shown = kab_money_format (minor, currency);
  g_autofree char *plain = kab_money_format_plain (minor, currency);
  g_autoptr(GError) error = NULL;
  gint64 again = -1;

  FUZZ_ASSERT (g_utf8_validate (shown, -1, NULL));
  FUZZ_ASSERT (kab_money_parse (shown, currency, &again, &error));
  FUZZ_ASSERT (again == minor);

  again = -1;
  FUZZ_ASSERT (kab_money_parse (plain, currency, &again, &error));
  FUZZ_ASSERT (again == minor);
}

/* The first byte picks the currency, the rest is the text as typed (cut at a NUL). */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char * const *currencies = kab_currency_list ();
  guint n_currencies = g_strv_length ((char **)currencies);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *currency;
  gint64 minor = -1;

  if (size == 0)
    return 0;

  currency = currencies[data[0] % n_currencies];
  text = g_strndup ((const char *)data + 1, size - 1);

  if (kab_money_parse (text, currency, &minor, &error))
    {
      FUZZ_ASSERT (error == NULL);
      FUZZ_ASSERT (minor >= 0 && minor <= KAB_MODEL_MAX_AMOUNT);
      check_round_trip (minor, currency);
      fuzz_n_accepted++;
    }
  else
    {
      FUZZ_ASSERT (error != NULL);
      FUZZ_ASSERT (error->domain == KAB_MODEL_ERROR);
      FUZZ_ASSERT (error->message != NULL && error->message[0] != '\0');
      FUZZ_ASSERT (g_utf8_validate (error->message, -1, NULL));
    }

  return 0;
}

/* Ways people type amounts, in every locale Kabinett speaks, and ways they go wrong. */
const char * const fuzz_seeds[] = {
  "1500", "1500.50", "1500,50", "1500,5", "1 500,50", "1\xc2\xa0" "500,50",
  "1\xe2\x80\xaf" "500,50", "1,500.50", "1.500,50", "1'500.50", "$1,500.50", "1 500,50 \xe2\x82\xbd",
  "kr 1 500,50", "1 500,50 kr", "1500:-", "1500,-", "\xe2\x82\xac" "12,30", "\xc2\xa3" "9.99",
  "1 500 \xd1\x80\xd1\x83\xd0\xb1.", "0", "0,00", "0.01", ".5", ",5", "5.", "5,",
  "10000000000000", "99999999999,99", "100000000000.00", "100000000000.01", "9223372036854775807",
  "-5", "\xe2\x88\x92" "5", "$-5", "(5)", "+5", "1e5", "0x10", "12.345", "1..5", "1,,5", "1.5.5",
  "1,5,5", "  12  ", "", " ", "kr", "\xe2\x82\xbd", "abc", "\xef\xbc\x91\xef\xbc\x95", /* １５ */
  "\xd9\xa1\xd9\xa5\xd9\xa0\xd9\xa0", /* ١٥٠٠ */ "1\t500", "1\n500", "\xff\xfe", "1\xc3",
  "00000000000000000000001", "1 000 000 000 000,00", "1 0 0", "1 50,00", "1,50.00",
  NULL
};
