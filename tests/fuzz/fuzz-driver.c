/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-driver.c: runs a fuzz target without libFuzzer: seeds, mutations and random input
 * in every locale of the tests, bounded and repeatable, as a normal TAP test */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "fuzz-common.h"

#define DEFAULT_INPUTS 200000

static const char * const locales[] = {
  "C.UTF-8", "en_US.UTF-8", "en_GB.UTF-8", "ru_RU.UTF-8", "sv_SE.UTF-8", "nb_NO.UTF-8",
};

/* Bytes and pieces that matter to amount parsers. */
static const char * const tokens[] = {
  " ", "\xc2\xa0", "\xe2\x80\xaf", ",", ".", "'", "-", "\xe2\x88\x92", "+", "0", "1", "9",
  "00", "000", "e", "kr", ":-", ",-", "\xe2\x82\xbd", "\xe2\x82\xac", "$", "\xc2\xa3",
  "\xd1\x80\xd1\x83\xd0\xb1.", "\xff", "\xc3", "\xe2\x82", "\xef\xbc\x91", "\xd9\xab", "\t", "%",
};

static void
mutate (GByteArray *input,
        GRand      *rand)
{
  guint n = g_rand_int_range (rand, 1, 5);

  for (guint i = 0; i < n; i++)
    {
      guint len = input->len;
      guint at = len > 0 ? g_rand_int_range (rand, 0, len + 1) : 0;

      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0: /* flip a byte */
          if (len > 0)
            input->data[MIN (at, len - 1)] ^= 1 << g_rand_int_range (rand, 0, 8);
          break;

        case 1: /* insert a token */
          {
            const char *token = tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))];
            g_autoptr(GByteArray) tail = g_byte_array_new ();

            g_byte_array_append (tail, input->data + at, len - at);
            g_byte_array_set_size (input, at);
            g_byte_array_append (input, (const guint8 *)token, strlen (token));
            g_byte_array_append (input, tail->data, tail->len);
          }
          break;

        case 2: /* delete a range */
          if (at < len)
            g_byte_array_remove_range (input, at, g_rand_int_range (rand, 1, len - at + 1));
          break;

        case 3: /* repeat a range */
          if (at < len)
            {
              guint count = g_rand_int_range (rand, 1, MIN (8, len - at) + 1);
              g_autoptr(GByteArray) copy = g_byte_array_new ();
              g_byte_array_append (copy, input->data + at, count);
              g_byte_array_append (input, copy->data, copy->len);
            }
          break;

        case 4: /* cut */
          g_byte_array_set_size (input, at);
          break;

        default: /* a random byte */
          {
            guint8 byte = g_rand_int_range (rand, 0, 256);
            g_byte_array_append (input, &byte, 1);
          }
          break;
        }
    }
}

static GByteArray *
next_input (GRand *rand,
            guint  n_seeds)
{
  GByteArray *input = g_byte_array_new ();
  guint8 selector = g_rand_int_range (rand, 0, 256);
  int kind = g_rand_int_range (rand, 0, 4);

  g_byte_array_append (input, &selector, 1);

  if (kind == 3)
    {
      guint len = g_rand_int_range (rand, 0, 33);

      for (guint i = 0; i < len; i++)
        {
          const char *token = tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))];
          g_byte_array_append (input, (const guint8 *)token, strlen (token));
        }
      return input;
    }

  {
    const char *seed = fuzz_seeds[g_rand_int_range (rand, 0, n_seeds)];
    g_autoptr(GByteArray) body = g_byte_array_new ();

    g_byte_array_append (body, (const guint8 *)seed, strlen (seed));
    if (kind != 0)
      mutate (body, rand);
    g_byte_array_append (input, body->data, body->len);
  }

  return input;
}

static void
test_fuzz (void)
{
  const char *env = g_getenv ("FUZZ_INPUTS");
  guint n_inputs = env != NULL ? (guint)g_ascii_strtoull (env, NULL, 10) : DEFAULT_INPUTS;
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x4B414221);
  g_autofree char *saved_locale = g_strdup (setlocale (LC_ALL, NULL));
  guint n_seeds = g_strv_length ((char **)fuzz_seeds);
  guint n_locales = 0;
  guint n_run = 0;
  gint64 started = g_get_monotonic_time ();

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      if (setlocale (LC_ALL, locales[l]) == NULL)
        {
          g_test_message ("locale %s is not generated here: skipped", locales[l]);
          continue;
        }
      n_locales++;

      /* Every seed as it is, with every currency selector class. */
      for (guint s = 0; s < n_seeds; s++)
        for (guint c = 0; c < 16; c++)
          {
            g_autoptr(GByteArray) input = g_byte_array_new ();
            guint8 selector = c;

            g_byte_array_append (input, &selector, 1);
            g_byte_array_append (input, (const guint8 *)fuzz_seeds[s], strlen (fuzz_seeds[s]));
            LLVMFuzzerTestOneInput (input->data, input->len);
            n_run++;
          }

      for (guint i = 0; i < n_inputs / G_N_ELEMENTS (locales); i++)
        {
          g_autoptr(GByteArray) input = next_input (rand, n_seeds);

          LLVMFuzzerTestOneInput (input->data, input->len);
          n_run++;
        }
    }

  setlocale (LC_ALL, saved_locale);
  g_assert_cmpuint (n_locales, >, 0);
  g_test_message ("%s: %u inputs (%u valid) in %u locales, %.1f s, every invariant held",
                  FUZZ_TARGET_NAME, n_run, fuzz_n_accepted, n_locales,
                  (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC);
}

/* `fuzz-x FILE…` replays inputs, e.g. a crash file libFuzzer saved. */
static int
replay (int    argc,
        char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (argv[i], &contents, &length, NULL))
        {
          g_printerr ("cannot read %s\n", argv[i]);
          return 1;
        }
      LLVMFuzzerTestOneInput ((const uint8_t *)contents, length);
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc > 1 && argv[1][0] != '-')
    return replay (argc, argv);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fuzz/" FUZZ_TARGET_NAME, test_fuzz);

  return g_test_run ();
}
