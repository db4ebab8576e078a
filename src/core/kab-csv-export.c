/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-csv-export.c: payments as CSV for the accountant (RFC 4180, UTF-8) */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kab-csv-export.h"
#include "kab-enums.h"
#include "kab-money.h"
#include "kab-text.h"

/* RFC 4180: a field with a comma, a quote or a line break goes in quotes, and a quote
 * inside is doubled. */
static void
append_field (GString    *line,
              const char *text,
              gboolean    last)
{
  if (text == NULL)
    text = "";

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
    }
  else
    {
      g_string_append_c (line, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (line, '"');
          g_string_append_c (line, *p);
        }
      g_string_append_c (line, '"');
    }

  g_string_append (line, last ? "\r\n" : ",");
}

static void
append_header (GString *csv)
{
  /* Translators: the column headings of the payments export for an accountant */
  append_field (csv, C_("csv", "Date"), FALSE);
  append_field (csv, C_("csv", "Client"), FALSE);
  append_field (csv, C_("csv", "Method"), FALSE);
  append_field (csv, C_("csv", "Amount"), FALSE);
  append_field (csv, C_("csv", "Currency"), FALSE);
  append_field (csv, C_("csv", "Note"), TRUE);
}

static void
append_payment (GString    *csv,
                KabStore   *store,
                KabPayment *payment)
{
  KabClient *client = kab_store_find_client (store, kab_payment_get_client_id (payment));
  g_autoptr(GDateTime) local = g_date_time_to_local (kab_payment_get_date (payment));
  g_autofree char *date = g_date_time_format (local, "%Y-%m-%d");
  g_autofree char *amount = kab_money_format_plain (kab_payment_get_amount (payment),
                                                    kab_payment_get_currency (payment));

  append_field (csv, date, FALSE);
  append_field (csv, client != NULL ? kab_client_get_display_name (client) : "", FALSE);
  append_field (csv, kab_payment_method_to_label (kab_payment_get_method (payment)), FALSE);
  append_field (csv, amount, FALSE);
  append_field (csv, kab_payment_get_currency (payment), FALSE);
  append_field (csv, kab_payment_get_note (payment), TRUE);
}

/**
 * kab_csv_export_payments:
 * @payments: (element-type KabPayment): what to export, in the order given
 *
 * One line per payment: the date (ISO 8601, local), the client, the method, the amount
 * with a '.' and no grouping whatever the locale, the currency and the note, under a
 * header in the user's language. Lines end in CRLF as RFC 4180 says; the text starts
 * with a byte order mark so that spreadsheets read it as UTF-8 (names in Cyrillic, å, ø).
 *
 * Returns: (transfer full): the CSV text
 */
char *
kab_csv_export_payments (KabStore   *store,
                         GListModel *payments)
{
  GString *csv = g_string_new ("\xEF\xBB\xBF");
  guint n;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (payments), NULL);

  append_header (csv);

  n = g_list_model_get_n_items (payments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabPayment) payment = g_list_model_get_item (payments, i);

      append_payment (csv, store, payment);
    }

  return g_string_free (csv, FALSE);
}

/**
 * kab_csv_export_payments_to_file:
 *
 * Writes kab_csv_export_payments() to @file, replacing it, all or nothing.
 */
gboolean
kab_csv_export_payments_to_file (KabStore    *store,
                                 GListModel  *payments,
                                 GFile       *file,
                                 GError     **error)
{
  g_autofree char *csv = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  csv = kab_csv_export_payments (store, payments);
  if (csv == NULL)
    return FALSE;

  if (!g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE, NULL, NULL, &local_error))
    {
      g_autofree char *parse_name = g_file_get_parse_name (file);
      g_autofree char *name = kab_isolate (parse_name);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}
