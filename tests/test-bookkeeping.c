/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bookkeeping.c: the CSV export read back by Python's csv module, and SIE 4 line by line */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "kab-bookkeeping-export.h"
#include "kab-country.h"
#include "kab-store.h"
#include "kab-store-documents.h"
#include "kab-test-util.h"

typedef struct
{
  char     *dir;
  KabStore *store;
  gint64    asa;
  gint64    formula;
} Fixture;

static void
add_charge (KabStore   *store,
            gint64      client_id,
            GDateTime  *date,
            gint64      amount,
            const char *note)
{
  g_autoptr(KabCharge) charge = kab_charge_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (charge, "client-id", client_id, "date", date, "amount", amount, "currency", "SEK",
                "kind", KAB_CHARGE_KIND_SESSION, "note", note, NULL);
  g_assert_true (kab_store_save_charge (store, charge, &error));
  g_assert_no_error (error);
}

static void
add_payment (KabStore   *store,
             gint64      client_id,
             GDateTime  *date,
             gint64      amount,
             const char *note)
{
  g_autoptr(KabPayment) payment = kab_payment_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (payment, "client-id", client_id, "date", date, "amount", amount, "currency", "SEK",
                "method", KAB_PAYMENT_METHOD_SWISH, "note", note, NULL);
  g_assert_true (kab_store_save_payment (store, payment, &error));
  g_assert_no_error (error);
}

static gint64
add_client (KabStore   *store,
            const char *given,
            const char *family)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (client, "given-name", given, "family-name", family, NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_assert_no_error (error);
  return kab_client_get_id (client);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KabPractice) practice = NULL;
  g_autoptr(KabPracticeIdentity) identity = NULL;
  g_autoptr(GDateTime) dec = g_date_time_new_local (2025, 12, 30, 10, 0, 0);
  g_autoptr(GDateTime) mar = g_date_time_new_local (2026, 3, 10, 10, 0, 0);
  g_autoptr(GDateTime) mar2 = g_date_time_new_local (2026, 3, 12, 10, 0, 0);
  g_autoptr(GDateTime) apr = g_date_time_new_local (2026, 4, 7, 10, 0, 0);

  f->dir = g_dir_make_tmp ("kabinett-bookkeeping-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "practice.db", NULL);
  f->store = kab_store_open (path, &error);
  g_assert_no_error (error);

  practice = kab_practice_copy (kab_store_get_practice (f->store));
  g_object_set (practice, "practitioner-name", "Karin Lindqvist", "country", KAB_COUNTRY_SWEDEN,
                "currency", "SEK", NULL);
  g_assert_true (kab_store_save_practice (f->store, practice, &error));
  identity = kab_practice_identity_copy (kab_store_get_identity (f->store));
  g_object_set (identity, "tax-id", "559123-4561", NULL);
  g_assert_true (kab_store_save_identity (f->store, identity, &error));
  g_assert_no_error (error);

  f->asa = add_client (f->store, "Åsa", "Öberg");
  f->formula = add_client (f->store, "=HYPERLINK(\"http://x\")", "+1");
  add_charge (f->store, f->asa, dec, 120000, "");          /* last year: outside */
  add_charge (f->store, f->asa, mar, 120050, "a; b, \"c\"\nd");
  add_payment (f->store, f->asa, mar2, 120050, "-5 SEK rounding");
  add_charge (f->store, f->formula, apr, 90000, "@note");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  kab_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* The rows Python's csv module reads from @csv with @delimiter, fields joined by \x1f. */
static GStrv
python_rows (Fixture    *f,
             const char *csv,
             const char *delimiter)
{
  static const char script[] =
    "import csv, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
    "    for row in csv.reader(f, delimiter=sys.argv[2]):\n"
    "        sys.stdout.write('\\x1f'.join(row) + '\\x1e')\n";
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *path = g_build_filename (f->dir, "export.csv", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { python, "-c", script, path, delimiter, NULL };
  int status = 0;

  if (python == NULL)
    return NULL;

  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  if (g_str_has_suffix (out, "\x1e"))
    out[strlen (out) - 1] = '\0';
  return g_strsplit (out, "\x1e", -1);
}

static void
check_dialect (Fixture       *f,
               KabCsvDialect  dialect,
               const char    *delimiter,
               const char    *amount)
{
  g_autoptr(GDateTime) from = g_date_time_new_local (2026, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_local (2027, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) charge = NULL;
  g_auto(GStrv) payment = NULL;
  g_auto(GStrv) formula = NULL;
  guint n = 0;

  csv = kab_bookkeeping_csv (f->store, from, to, dialect, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));

  rows = python_rows (f, csv, delimiter);
  if (rows == NULL)
    {
      g_test_skip ("python3 is not installed");
      return;
    }

  /* a header and the three rows of 2026, in date order; last year's charge left out */
  g_assert_cmpuint (g_strv_length (rows), ==, 4);
  header = g_strsplit (rows[0], "\x1f", -1);
  charge = g_strsplit (rows[1], "\x1f", -1);
  payment = g_strsplit (rows[2], "\x1f", -1);
  formula = g_strsplit (rows[3], "\x1f", -1);
  g_assert_cmpuint (g_strv_length (header), ==, 8);
  g_assert_cmpuint (g_strv_length (charge), ==, 8);
  g_assert_cmpuint (g_strv_length (payment), ==, 8);
  g_assert_cmpuint (g_strv_length (formula), ==, 8);

  g_assert_cmpstr (charge[0], ==, "2026-03-10");
  g_assert_cmpstr (charge[2], ==, "Åsa Öberg");
  g_assert_cmpstr (charge[4], ==, amount);
  g_assert_cmpstr (charge[5], ==, "");
  g_assert_cmpstr (charge[6], ==, "SEK");
  /* separators, quotes and a line break in a note survive */
  g_assert_cmpstr (charge[7], ==, "a; b, \"c\"\nd");

  g_assert_cmpstr (payment[0], ==, "2026-03-12");
  g_assert_cmpstr (payment[4], ==, "");
  g_assert_cmpstr (payment[5], ==, amount);
  /* a cell that would start a formula is kept as text */
  g_assert_cmpstr (payment[7], ==, "'-5 SEK rounding");
  g_assert_cmpstr (formula[2], ==, "'=HYPERLINK(\"http://x\") +1");
  g_assert_cmpstr (formula[7], ==, "'@note");
}

static void
test_csv_dialects (Fixture       *f,
                   gconstpointer  data)
{
  check_dialect (f, KAB_CSV_DIALECT_SEMICOLON, ";", "1200,50");
  check_dialect (f, KAB_CSV_DIALECT_COMMA, ",", "1200.50");
}

static void
test_csv_default_dialect (void)
{
  const char *saved = setlocale (LC_NUMERIC, NULL);
  g_autofree char *restore = g_strdup (saved);

  if (setlocale (LC_NUMERIC, "sv_SE.UTF-8") != NULL)
    g_assert_cmpint (kab_csv_dialect_for_locale (), ==, KAB_CSV_DIALECT_SEMICOLON);
  if (setlocale (LC_NUMERIC, "ru_RU.UTF-8") != NULL)
    g_assert_cmpint (kab_csv_dialect_for_locale (), ==, KAB_CSV_DIALECT_SEMICOLON);
  if (setlocale (LC_NUMERIC, "en_GB.UTF-8") != NULL)
    g_assert_cmpint (kab_csv_dialect_for_locale (), ==, KAB_CSV_DIALECT_COMMA);
  setlocale (LC_NUMERIC, restore);

  {
    g_autofree char *plain = kab_csv_escape_cell ("Åsa");
    g_autofree char *equals = kab_csv_escape_cell ("=1+1");
    g_autofree char *empty = kab_csv_escape_cell ("");

    g_assert_cmpstr (plain, ==, "Åsa");
    g_assert_cmpstr (equals, ==, "'=1+1");
    g_assert_cmpstr (empty, ==, "");
  }
}

/* The SIE file, decoded, line by line against the records the format requires. */
static void
test_sie (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GDateTime) from = g_date_time_new_local (2026, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_local (2027, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_new_local (2027, 1, 15, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = kab_bookkeeping_sie (f->store, from, to, now, &error);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const char *data_bytes;
  gsize size;
  guint i, n_ver = 0, n_trans = 0;

  g_assert_no_error (error);
  data_bytes = g_bytes_get_data (bytes, &size);
  /* PC8 (code page 437): "ö" is the byte 0x94, never UTF-8's C3 B6 */
  g_assert_nonnull (memchr (data_bytes, 0x94, size));
  g_assert_null (g_strstr_len (data_bytes, size, "\xC3\xB6"));
  text = g_convert (data_bytes, size, "UTF-8", "CP437", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  lines = g_strsplit (text, "\r\n", -1);

  g_assert_cmpstr (lines[0], ==, "#FLAGGA 0");
  g_assert_cmpstr (lines[1], ==, "#FORMAT PC8");
  g_assert_cmpstr (lines[2], ==, "#SIETYP 4");
  g_assert_true (g_str_has_prefix (lines[3], "#PROGRAM \"Kabinett\" \""));
  g_assert_cmpstr (lines[4], ==, "#GEN 20270115");
  g_assert_cmpstr (lines[5], ==, "#FNAMN \"Karin Lindqvist\"");
  g_assert_cmpstr (lines[6], ==, "#ORGNR 559123-4561");
  g_assert_cmpstr (lines[7], ==, "#RAR 0 20260101 20261231");
  g_assert_cmpstr (lines[8], ==, "#VALUTA SEK");
  /* the BAS defaults: receivables, bank, sales exempt from VAT */
  g_assert_cmpstr (lines[9], ==, "#KONTO 1510 \"Kundfordringar\"");
  g_assert_cmpstr (lines[10], ==, "#KONTO 1930 \"Företagskonto\"");
  g_assert_cmpstr (lines[11], ==, "#KONTO 3004 \"Försäljning tjänster, momsfri\"");

  /* each verification: a #VER, "{", #TRANS lines that sum to zero, "}" */
  for (i = 12; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      gint64 sum = 0;

      g_assert_true (g_str_has_prefix (lines[i], "#VER A "));
      n_ver++;
      g_assert_cmpstr (lines[++i], ==, "{");
      for (i++; lines[i] != NULL && g_str_has_prefix (lines[i], "#TRANS "); i++)
        {
          g_auto(GStrv) parts = g_strsplit (lines[i], " ", -1);
          g_auto(GStrv) units = NULL;
          gint64 minor;

          g_assert_cmpuint (g_strv_length (parts), ==, 4);
          g_assert_cmpstr (parts[2], ==, "{}");
          units = g_strsplit (parts[3], ".", 2);
          g_assert_cmpuint (g_strv_length (units), ==, 2);
          minor = g_ascii_strtoll (units[0], NULL, 10) * 100 +
                  (parts[3][0] == '-' ? -1 : 1) * g_ascii_strtoll (units[1], NULL, 10);
          sum += minor;
          n_trans++;
        }
      g_assert_cmpstr (lines[i], ==, "}");
      g_assert_cmpint (sum, ==, 0);
    }
  g_assert_cmpuint (n_ver, ==, 3);
  g_assert_cmpuint (n_trans, ==, 6);
  g_assert_nonnull (strstr (text, "#VER A 1 20260310 \"Session, Åsa Öberg\""));
  g_assert_nonnull (strstr (text, "#TRANS 1510 {} 1200.50\r\n#TRANS 3004 {} -1200.50"));
  g_assert_nonnull (strstr (text, "#TRANS 1930 {} 1200.50\r\n#TRANS 1510 {} -1200.50"));
}

/* Fees with VAT: the sales account gets the amount without VAT, 2611 the VAT. */
static void
test_sie_vat (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(KabPracticeIdentity) identity = kab_practice_identity_copy (kab_store_get_identity (f->store));
  g_autoptr(GDateTime) from = g_date_time_new_local (2026, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_local (2027, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  gsize size;
  const char *raw;

  g_object_set (identity, "licensed", FALSE, "sales-account", 3001, NULL);
  g_assert_true (kab_store_save_identity (f->store, identity, &error));
  bytes = kab_bookkeeping_sie (f->store, from, to, NULL, &error);
  g_assert_no_error (error);
  raw = g_bytes_get_data (bytes, &size);
  text = g_convert (raw, size, "UTF-8", "CP437", NULL, NULL, &error);
  g_assert_no_error (error);

  /* 1200.50 with 25 % VAT in it: 240.10 VAT, 960.40 sales */
  g_assert_nonnull (strstr (text, "#KONTO 2611 \"Utgående moms 25 %\""));
  g_assert_nonnull (strstr (text, "#TRANS 1510 {} 1200.50\r\n#TRANS 3001 {} -960.40\r\n#TRANS 2611 {} -240.10\r\n}"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bookkeeping/csv-dialects", Fixture, NULL, fixture_set_up, test_csv_dialects, fixture_tear_down);
  g_test_add_func ("/bookkeeping/csv-default-dialect", test_csv_default_dialect);
  g_test_add ("/bookkeeping/sie", Fixture, NULL, fixture_set_up, test_sie, fixture_tear_down);
  g_test_add ("/bookkeeping/sie-vat", Fixture, NULL, fixture_set_up, test_sie_vat, fixture_tear_down);

  return g_test_run ();
}
