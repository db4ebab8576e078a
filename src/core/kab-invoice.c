/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-invoice.c: the text of an invoice and of a statement of account, in the print markup */

#include "config.h"

#include <string.h>

#include "kab-country.h"
#include "kab-document-text.h"
#include "kab-invoice.h"
#include "kab-receipt.h"

/**
 * kab_document_format_period:
 * @to: the moment after the period
 *
 * Returns: (transfer full): "1 March 2026 – 31 March 2026" in @language
 */
char *
kab_document_format_period (const char *language,
                            GDateTime  *from,
                            GDateTime  *to)
{
  g_autoptr(GDateTime) last = g_date_time_add_seconds (to, -1);
  g_autofree char *first_day = kab_document_format_date (language, from);
  g_autofree char *last_day = kab_document_format_date (language, last);

  return g_strdup_printf ("%s – %s", first_day, last_day);
}

/* Where and how to pay: the practice's bank numbers and the invoice's reference. */
static void
append_payment_details (GString               *text,
                        const KabInvoiceInput *input,
                        const char            *number)
{
  const char *language = input->language;
  const char *country = kab_practice_get_country (input->practice);
  KabPracticeIdentity *identity = input->identity;
  g_autofree char *purpose = NULL;

  const char *pay_to = kab_document_text (language, KAB_DOC_PAY_TO);

  /* a heading, without the colon of the label */
  g_string_append_printf (text, "## %.*s\n\n", (int)strlen (pay_to) - 1, pay_to);
  if (identity != NULL && g_strcmp0 (country, KAB_COUNTRY_SWEDEN) == 0)
    {
      kab_document_append_detail (text, kab_document_text (language, KAB_DOC_BANKGIRO),
                                  kab_practice_identity_get_bankgiro (identity));
      kab_document_append_detail (text, kab_document_text (language, KAB_DOC_PLUSGIRO),
                                  kab_practice_identity_get_plusgiro (identity));
    }
  else if (identity != NULL)
    {
      kab_document_append_detail (text, kab_document_text (language, KAB_DOC_ACCOUNT),
                                  kab_practice_identity_get_account (identity));
      kab_document_append_detail (text, kab_document_text (language, KAB_DOC_BIC),
                                  kab_practice_identity_get_bic (identity));
    }

  /* Russia: the bank transfer says what it pays, «Назначение платежа» */
  if (g_strcmp0 (country, KAB_COUNTRY_RUSSIA) == 0)
    {
      purpose = kab_document_fill (language, KAB_DOC_PURPOSE, number);
      kab_document_append_detail (text, kab_document_text ("ru", KAB_DOC_REFERENCE), purpose);
    }
  else if (g_strcmp0 (country, KAB_COUNTRY_SWEDEN) == 0 || g_strcmp0 (country, KAB_COUNTRY_NORWAY) == 0)
    {
      KabDocText label = KAB_DOC_REFERENCE;
      /* the reference's name is the country's: OCR in Sweden, KID in Norway */
      const char *country_language = g_strcmp0 (country, KAB_COUNTRY_SWEDEN) == 0 ? "sv" : "nb";

      kab_document_append_detail (text, kab_document_text (country_language, label),
                                  input->invoice->reference);
    }
  else
    kab_document_append_detail (text, kab_document_text ("en", KAB_DOC_REFERENCE),
                                input->invoice->reference);
  g_string_append (text, "\n");
}

/**
 * kab_invoice_build_text:
 *
 * The invoice in the markup that #KabPrintDocument lays out, in the client's document
 * language: its number, the practitioner's identity, the client, the dates, each charge
 * of the period, the total with the VAT line, and how to pay with the reference.
 *
 * Returns: (transfer full): the text
 */
char *
kab_invoice_build_text (const KabInvoiceInput *input)
{
  GString *text = g_string_new (NULL);
  const KabInvoiceRecord *invoice = input->invoice;
  const char *language = kab_document_language (input->language);
  KabInvoiceInput in = *input;
  g_autofree char *number = kab_invoice_record_dup_number (invoice);
  g_autofree char *title = kab_document_fill (language, KAB_DOC_INVOICE_TITLE, number);
  g_autofree char *issued = kab_document_format_date (language, invoice->issued);
  g_autofree char *due = kab_document_format_date (language, invoice->due);
  g_autofree char *period = kab_document_format_period (language, invoice->period_from, invoice->period_to);
  g_autofree char *total = kab_document_format_money (language, invoice->amount, invoice->currency);
  g_autofree char *to = NULL;
  guint n = input->charges != NULL ? g_list_model_get_n_items (input->charges) : 0;

  in.language = language;
  g_string_append_printf (text, "# %s\n\n", title);
  kab_receipt_append_identity (text, input->practice, input->identity, language);
  g_string_append (text, "\n");

  if (input->client != NULL)
    to = *kab_client_get_address (input->client) != '\0'
         ? g_strdup_printf ("%s, %s", kab_client_get_display_name (input->client),
                            kab_client_get_address (input->client))
         : g_strdup (kab_client_get_display_name (input->client));
  kab_document_append_detail (text, kab_document_text (language, KAB_DOC_INVOICE_TO), to);
  kab_document_append_detail (text, kab_document_text (language, KAB_DOC_DATE), issued);
  kab_document_append_detail (text, kab_document_text (language, KAB_DOC_PERIOD), period);
  kab_document_append_detail (text, kab_document_text (language, KAB_DOC_DUE_DATE), due);
  g_string_append (text, "\n");

  g_string_append_printf (text, "## %s\n\n", kab_document_text (language, KAB_DOC_CHARGES));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabCharge) charge = g_list_model_get_item (input->charges, i);
      g_autofree char *what = kab_receipt_describe_charge (charge, input->client, language);
      g_autofree char *amount = kab_document_format_money (language, kab_charge_get_amount (charge),
                                                           kab_charge_get_currency (charge));

      g_string_append_printf (text, "- %s: %s\n", what, amount);
    }
  g_string_append (text, "\n");

  kab_document_append_detail (text, kab_document_text (language, KAB_DOC_TOTAL), total);
  g_string_append (text, "\n");
  kab_receipt_append_vat_lines (text, input->practice, input->identity, language,
                                invoice->amount, invoice->currency);

  append_payment_details (text, &in, number);
  return g_string_free (text, FALSE);
}

static int
compare_dates (GDateTime *a,
               GDateTime *b)
{
  return g_date_time_compare (a, b);
}

/**
 * kab_statement_build_text:
 * @out_closing: (out) (optional): the closing balance
 *
 * The statement of account of a client for a period, in the client's document
 * language: the opening balance, every charge and payment in date order (a charge
 * before a payment of the same moment), and the closing balance.
 *
 * Returns: (transfer full): the text
 */
char *
kab_statement_build_text (const KabStatementInput *input,
                          gint64                  *out_closing)
{
  GString *text = g_string_new (NULL);
  const char *language = kab_document_language (input->language);
  const char *currency = input->currency;
  g_autofree char *period = kab_document_format_period (language, input->from, input->to);
  g_autofree char *opening = kab_document_format_money (language, input->opening, currency);
  g_autofree char *closing_text = NULL;
  g_autofree char *closing_line = NULL;
  guint n_charges = input->charges != NULL ? g_list_model_get_n_items (input->charges) : 0;
  guint n_payments = input->payments != NULL ? g_list_model_get_n_items (input->payments) : 0;
  guint c = 0, p = 0;
  gint64 balance = input->opening;

  g_string_append_printf (text, "# %s\n\n", kab_document_text (language, KAB_DOC_STATEMENT_TITLE));
  kab_receipt_append_identity (text, input->practice, input->identity, language);
  g_string_append (text, "\n");
  kab_document_append_detail (text, kab_document_text (language, KAB_DOC_CLIENT),
                              input->client != NULL ? kab_client_get_display_name (input->client) : "");
  kab_document_append_detail (text, kab_document_text (language, KAB_DOC_PERIOD), period);
  kab_document_append_detail (text, kab_document_text (language, KAB_DOC_OPENING_BALANCE), opening);
  g_string_append (text, "\n");

  g_string_append_printf (text, "## %s · %s\n\n", kab_document_text (language, KAB_DOC_CHARGES),
                          kab_document_text (language, KAB_DOC_PAYMENTS));
  while (c < n_charges || p < n_payments)
    {
      g_autoptr(KabCharge) charge = c < n_charges ? g_list_model_get_item (input->charges, c) : NULL;
      g_autoptr(KabPayment) payment = p < n_payments ? g_list_model_get_item (input->payments, p) : NULL;
      g_autofree char *line = NULL;
      g_autofree char *amount = NULL;

      if (charge != NULL &&
          (payment == NULL || compare_dates (kab_charge_get_date (charge), kab_payment_get_date (payment)) <= 0))
        {
          g_autofree char *what = kab_receipt_describe_charge (charge, input->client, language);

          amount = kab_document_format_money (language, kab_charge_get_amount (charge), currency);
          line = g_strdup_printf ("%s: %s", what, amount);
          balance += kab_charge_get_amount (charge);
          c++;
        }
      else
        {
          g_autofree char *date = kab_document_format_date (language, kab_payment_get_date (payment));

          amount = kab_document_format_money (language, -kab_payment_get_amount (payment), currency);
          line = g_strdup_printf ("%s (%s), %s: %s", kab_document_text (language, KAB_DOC_PAYMENT),
                                  kab_document_method (language, kab_payment_get_method (payment)),
                                  date, amount);
          balance -= kab_payment_get_amount (payment);
          p++;
        }
      g_string_append_printf (text, "- %s\n", line);
    }
  g_string_append (text, "\n");

  closing_text = kab_document_format_money (language, balance < 0 ? -balance : balance, currency);
  closing_line = balance == 0 ? g_strdup (closing_text)
                 : g_strdup_printf ("%s (%s)", closing_text,
                                    kab_document_text (language, balance > 0 ? KAB_DOC_OWED : KAB_DOC_IN_CREDIT));
  kab_document_append_detail (text, kab_document_text (language, KAB_DOC_CLOSING_BALANCE), closing_line);

  if (out_closing != NULL)
    *out_closing = balance;
  return g_string_free (text, FALSE);
}
