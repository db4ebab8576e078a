/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-bookkeeping-export.c: charges and payments for the accountant, as CSV or SIE 4 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kab-bookkeeping-export.h"
#include "kab-enums.h"
#include "kab-money.h"
#include "kab-store-documents.h"
#include "kab-text.h"

/* CSV */

/**
 * kab_csv_dialect_for_locale:
 *
 * Returns: the dialect a spreadsheet of the user's locale opens without asking: the
 *   semicolon where numbers are written with a decimal comma (Swedish, Norwegian,
 *   Russian), else the comma
 */
KabCsvDialect
kab_csv_dialect_for_locale (void)
{
  const struct lconv *conv = localeconv ();

  return conv != NULL && g_strcmp0 (conv->decimal_point, ",") == 0
         ? KAB_CSV_DIALECT_SEMICOLON : KAB_CSV_DIALECT_COMMA;
}

/**
 * kab_csv_escape_cell:
 *
 * Returns: (transfer full): @text safe to open in a spreadsheet: a text starting with
 *   "=", "+", "-" or "@" gets a leading apostrophe, so that it is shown and never run as
 *   a formula
 */
char *
kab_csv_escape_cell (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (strchr ("=+-@", text[0]) != NULL && text[0] != '\0')
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

/* RFC 4180 with the dialect's separator: a field with the separator, a quote or a line
 * break goes in quotes, a quote inside doubled. */
static void
append_field (GString       *csv,
              const char    *text,
              KabCsvDialect  dialect,
              gboolean       last)
{
  char separator = dialect == KAB_CSV_DIALECT_SEMICOLON ? ';' : ',';
  const char *specials = dialect == KAB_CSV_DIALECT_SEMICOLON ? ";\"\r\n" : ",\"\r\n";
  g_autofree char *safe = kab_csv_escape_cell (text);

  if (strpbrk (safe, specials) == NULL)
    g_string_append (csv, safe);
  else
    {
      g_string_append_c (csv, '"');
      for (const char *p = safe; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *p);
        }
      g_string_append_c (csv, '"');
    }

  if (last)
    g_string_append (csv, "\r\n");
  else
    g_string_append_c (csv, separator);
}

/* An amount as a spreadsheet of the dialect reads it as a number: "1500.50", "1500,50". */
static char *
csv_amount (gint64         minor,
            const char    *currency,
            KabCsvDialect  dialect)
{
  char *plain = kab_money_format_plain (minor, currency);

  if (dialect == KAB_CSV_DIALECT_SEMICOLON)
    g_strdelimit (plain, ".", ',');
  return plain;
}

static char *
local_day (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d");
}

static const char *
client_name (KabStore *store,
             gint64    client_id)
{
  KabClient *client = kab_store_find_client (store, client_id);

  return client != NULL ? kab_client_get_display_name (client) : "";
}

static void
append_charge (GString       *csv,
               KabStore      *store,
               KabCharge     *charge,
               KabCsvDialect  dialect)
{
  g_autofree char *date = local_day (kab_charge_get_date (charge));
  g_autofree char *amount = csv_amount (kab_charge_get_amount (charge),
                                        kab_charge_get_currency (charge), dialect);

  append_field (csv, date, dialect, FALSE);
  append_field (csv, C_("csv", "Charge"), dialect, FALSE);
  append_field (csv, client_name (store, kab_charge_get_client_id (charge)), dialect, FALSE);
  append_field (csv, kab_charge_kind_to_label (kab_charge_get_kind (charge)), dialect, FALSE);
  append_field (csv, amount, dialect, FALSE);
  append_field (csv, "", dialect, FALSE);
  append_field (csv, kab_charge_get_currency (charge), dialect, FALSE);
  append_field (csv, kab_charge_get_note (charge), dialect, TRUE);
}

static void
append_payment (GString       *csv,
                KabStore      *store,
                KabPayment    *payment,
                KabCsvDialect  dialect)
{
  g_autofree char *date = local_day (kab_payment_get_date (payment));
  g_autofree char *amount = csv_amount (kab_payment_get_amount (payment),
                                        kab_payment_get_currency (payment), dialect);

  append_field (csv, date, dialect, FALSE);
  append_field (csv, C_("csv", "Payment"), dialect, FALSE);
  append_field (csv, client_name (store, kab_payment_get_client_id (payment)), dialect, FALSE);
  append_field (csv, kab_payment_method_to_label (kab_payment_get_method (payment)), dialect, FALSE);
  append_field (csv, "", dialect, FALSE);
  append_field (csv, amount, dialect, FALSE);
  append_field (csv, kab_payment_get_currency (payment), dialect, FALSE);
  append_field (csv, kab_payment_get_note (payment), dialect, TRUE);
}

/**
 * kab_bookkeeping_csv:
 * @from: (nullable): the first moment, %NULL for the beginning
 * @to: (nullable): the moment after the last, %NULL for no end
 * @dialect: the separator and decimal mark
 * @out_rows: (out) (optional): how many charges and payments were written
 *
 * Every charge and payment of the practice in the range, in date order (a charge
 * before a payment of the same moment), under a header in the user's language: the day,
 * the kind of row, the client, what it is, the amount charged or paid, the currency and
 * the note. UTF-8 with a byte order mark, CRLF line ends.
 *
 * Returns: (transfer full): the CSV text, or %NULL with @error set
 */
char *
kab_bookkeeping_csv (KabStore       *store,
                     GDateTime      *from,
                     GDateTime      *to,
                     KabCsvDialect   dialect,
                     guint          *out_rows,
                     GError        **error)
{
  g_autoptr(GListModel) charges = kab_store_list_charges (store, 0, from, to, error);
  g_autoptr(GListModel) payments = NULL;
  GString *csv;
  guint n_charges, n_payments, c = 0, p = 0;

  if (charges == NULL)
    return NULL;
  payments = kab_store_list_payments (store, 0, from, to, error);
  if (payments == NULL)
    return NULL;

  csv = g_string_new ("\xEF\xBB\xBF");
  /* Translators: the column headings of the bookkeeping export for an accountant */
  append_field (csv, C_("csv", "Date"), dialect, FALSE);
  append_field (csv, C_("csv", "Type"), dialect, FALSE);
  append_field (csv, C_("csv", "Client"), dialect, FALSE);
  append_field (csv, C_("csv", "Description"), dialect, FALSE);
  append_field (csv, C_("csv", "Charged"), dialect, FALSE);
  append_field (csv, C_("csv", "Paid"), dialect, FALSE);
  append_field (csv, C_("csv", "Currency"), dialect, FALSE);
  append_field (csv, C_("csv", "Note"), dialect, TRUE);

  n_charges = g_list_model_get_n_items (charges);
  n_payments = g_list_model_get_n_items (payments);
  while (c < n_charges || p < n_payments)
    {
      g_autoptr(KabCharge) charge = c < n_charges ? g_list_model_get_item (charges, c) : NULL;
      g_autoptr(KabPayment) payment = p < n_payments ? g_list_model_get_item (payments, p) : NULL;

      if (charge != NULL &&
          (payment == NULL ||
           g_date_time_compare (kab_charge_get_date (charge), kab_payment_get_date (payment)) <= 0))
        {
          append_charge (csv, store, charge, dialect);
          c++;
        }
      else
        {
          append_payment (csv, store, payment, dialect);
          p++;
        }
    }

  if (out_rows != NULL)
    *out_rows = n_charges + n_payments;
  return g_string_free (csv, FALSE);
}

/**
 * kab_bookkeeping_write_file:
 *
 * Writes @data to @file, replacing it all or nothing, readable by the user only.
 */
gboolean
kab_bookkeeping_write_file (GFile       *file,
                            const void  *data,
                            gsize        size,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_replace_contents (file, data, size, NULL, FALSE,
                                G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, &local_error))
    {
      g_autofree char *parse_name = g_file_get_parse_name (file);
      g_autofree char *name = kab_isolate (parse_name);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* SIE 4 */

/* A SIE string field: in quotes, with a quote or backslash inside escaped. */
static void
append_sie_string (GString    *sie,
                   const char *text)
{
  g_string_append_c (sie, '"');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (sie, '\\');
      if (*p == '\r' || *p == '\n' || *p == '\t')
        g_string_append_c (sie, ' ');
      else
        g_string_append_c (sie, *p);
    }
  g_string_append_c (sie, '"');
}

static char *
sie_date (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y%m%d");
}

/* An amount in units with a decimal point and a minus sign: "1200.00", "-1200.00". */
static char *
sie_amount (gint64      minor,
            const char *currency)
{
  return kab_money_format_plain (minor, currency);
}

static void
append_trans (GString    *sie,
              int         account,
              gint64      minor,
              const char *currency)
{
  g_autofree char *amount = sie_amount (minor, currency);

  g_string_append_printf (sie, "#TRANS %d {} %s\r\n", account, amount);
}

static void
append_ver (GString    *sie,
            guint       number,
            GDateTime  *date,
            const char *text)
{
  g_autofree char *day = sie_date (date);

  g_string_append_printf (sie, "#VER A %u %s ", number, day);
  append_sie_string (sie, text);
  g_string_append (sie, "\r\n{\r\n");
}

/* The VAT account of BAS for @percent: 2611 (25 %), 2621 (12 %), 2631 (6 %). */
static int
vat_account (int percent)
{
  if (percent == 12)
    return 2621;
  if (percent == 6)
    return 2631;
  return 2611;
}

/**
 * kab_bookkeeping_sie:
 * @from: the first day of the financial year exported
 * @to: the moment after its last day
 * @now: (nullable): the day the file is made; %NULL for today
 *
 * The practice's charges and payments in SIE 4 (type 4: verifications), for Swedish
 * bookkeeping programs, encoded in PC8 (code page 437) as the format requires. Each
 * charge is a verification debiting receivables and crediting sales (and output VAT
 * when the practice's fees are not exempt); each payment debits the bank account and
 * credits receivables. The accounts are those chosen in Preferences. Every verification
 * balances to zero.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
kab_bookkeeping_sie (KabStore   *store,
                     GDateTime  *from,
                     GDateTime  *to,
                     GDateTime  *now,
                     GError    **error)
{
  KabPractice *practice = kab_store_get_practice (store);
  KabPracticeIdentity *identity = kab_store_get_identity (store);
  const char *currency = kab_practice_get_currency (practice);
  gboolean vat = !kab_practice_identity_is_vat_exempt (identity, kab_practice_get_country (practice));
  int percent = kab_practice_identity_get_vat_percent (identity);
  int sales = kab_practice_identity_get_sales_account (identity);
  int bank = kab_practice_identity_get_bank_account (identity);
  int receivables = kab_practice_identity_get_receivables_account (identity);
  g_autoptr(GListModel) charges = NULL;
  g_autoptr(GListModel) payments = NULL;
  g_autoptr(GDateTime) today = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_local ();
  g_autoptr(GDateTime) last_day = g_date_time_add_seconds (to, -1);
  g_autofree char *gen = sie_date (today);
  g_autofree char *start = sie_date (from);
  g_autofree char *end = sie_date (last_day);
  g_autoptr(GString) sie = g_string_new (NULL);
  g_autofree char *encoded = NULL;
  gsize encoded_len = 0;
  guint n, number = 0;

  charges = kab_store_list_charges (store, 0, from, to, error);
  if (charges == NULL)
    return NULL;
  payments = kab_store_list_payments (store, 0, from, to, error);
  if (payments == NULL)
    return NULL;

  g_string_append (sie, "#FLAGGA 0\r\n#FORMAT PC8\r\n#SIETYP 4\r\n#PROGRAM ");
  append_sie_string (sie, "Kabinett");
  g_string_append_c (sie, ' ');
  append_sie_string (sie, PACKAGE_VERSION);
  g_string_append_printf (sie, "\r\n#GEN %s\r\n#FNAMN ", gen);
  append_sie_string (sie, kab_practice_get_practitioner_name (practice));
  g_string_append (sie, "\r\n");
  if (*kab_practice_identity_get_tax_id (identity) != '\0')
    g_string_append_printf (sie, "#ORGNR %s\r\n", kab_practice_identity_get_tax_id (identity));
  g_string_append_printf (sie, "#RAR 0 %s %s\r\n#VALUTA %s\r\n", start, end, currency);

  /* The account names are BAS's, in Swedish as the chart is */
  g_string_append_printf (sie, "#KONTO %d ", receivables);
  append_sie_string (sie, "Kundfordringar");
  g_string_append_printf (sie, "\r\n#KONTO %d ", bank);
  append_sie_string (sie, "Företagskonto");
  g_string_append_printf (sie, "\r\n#KONTO %d ", sales);
  append_sie_string (sie, vat ? "Försäljning tjänster" : "Försäljning tjänster, momsfri");
  g_string_append (sie, "\r\n");
  if (vat)
    {
      g_autofree char *name = g_strdup_printf ("Utgående moms %d %%", percent);

      g_string_append_printf (sie, "#KONTO %d ", vat_account (percent));
      append_sie_string (sie, name);
      g_string_append (sie, "\r\n");
    }

  n = g_list_model_get_n_items (charges);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabCharge) charge = g_list_model_get_item (charges, i);
      g_autofree char *text = g_strdup_printf ("%s, %s",
                                               kab_charge_kind_to_label (kab_charge_get_kind (charge)),
                                               client_name (store, kab_charge_get_client_id (charge)));
      gint64 amount = kab_charge_get_amount (charge);

      append_ver (sie, ++number, kab_charge_get_date (charge), text);
      append_trans (sie, receivables, amount, currency);
      if (vat)
        {
          gint64 tax = (amount * percent * 2 + (100 + percent)) / (2 * (100 + percent));

          append_trans (sie, sales, -(amount - tax), currency);
          append_trans (sie, vat_account (percent), -tax, currency);
        }
      else
        append_trans (sie, sales, -amount, currency);
      g_string_append (sie, "}\r\n");
    }

  n = g_list_model_get_n_items (payments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabPayment) payment = g_list_model_get_item (payments, i);
      g_autofree char *text = g_strdup_printf ("%s, %s",
                                               kab_payment_method_to_label (kab_payment_get_method (payment)),
                                               client_name (store, kab_payment_get_client_id (payment)));

      append_ver (sie, ++number, kab_payment_get_date (payment), text);
      append_trans (sie, bank, kab_payment_get_amount (payment), currency);
      append_trans (sie, receivables, -kab_payment_get_amount (payment), currency);
      g_string_append (sie, "}\r\n");
    }

  /* PC8: characters code page 437 lacks (Cyrillic names) become "?" */
  encoded = g_convert_with_fallback (sie->str, sie->len, "CP437", "UTF-8", "?", NULL,
                                     &encoded_len, error);
  if (encoded == NULL)
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&encoded), encoded_len);
}
