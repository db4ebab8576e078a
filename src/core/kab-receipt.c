/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-receipt.c: the text of a receipt for a payment, in the print markup of src/print */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "kab-country.h"
#include "kab-document-text.h"
#include "kab-enums.h"
#include "kab-money.h"
#include "kab-receipt.h"

static void
append_practitioner (GString     *text,
                     KabPractice *practice)
{
  g_autofree char *contact = NULL;
  const char *phone = kab_practice_get_phone (practice);
  const char *email = kab_practice_get_email (practice);

  if (*phone != '\0' && *email != '\0')
    contact = g_strdup_printf ("%s · %s", phone, email);
  else
    contact = g_strdup (*phone != '\0' ? phone : email);

  kab_document_append_line (text, kab_practice_get_practitioner_name (practice));
  kab_document_append_line (text, kab_practice_get_title (practice));
  kab_document_append_line (text, kab_practice_get_address (practice));
  kab_document_append_line (text, contact);
}

/* Charges and payments in the order the ledger settles them: by date, then by id. */
static int
compare_charges (gconstpointer a,
                 gconstpointer b)
{
  KabCharge *x = *(KabCharge **)a;
  KabCharge *y = *(KabCharge **)b;
  int by_date = g_date_time_compare (kab_charge_get_date (x), kab_charge_get_date (y));

  if (by_date != 0)
    return by_date;
  return (kab_charge_get_id (x) > kab_charge_get_id (y)) - (kab_charge_get_id (x) < kab_charge_get_id (y));
}

static int
compare_payments (gconstpointer a,
                  gconstpointer b)
{
  KabPayment *x = *(KabPayment **)a;
  KabPayment *y = *(KabPayment **)b;
  int by_date = g_date_time_compare (kab_payment_get_date (x), kab_payment_get_date (y));

  if (by_date != 0)
    return by_date;
  return (kab_payment_get_id (x) > kab_payment_get_id (y)) - (kab_payment_get_id (x) < kab_payment_get_id (y));
}

static GPtrArray *
sorted_items (GListModel       *model,
              GCompareFunc      compare)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  g_ptr_array_sort (items, compare);
  return items;
}

static void
receipt_item_free (KabReceiptItem *item)
{
  g_clear_object (&item->charge);
  g_free (item);
}

/**
 * kab_receipt_find_paid_for:
 * @charges: every charge of the payment's client (#KabCharge)
 * @payments: every payment of the client (#KabPayment), @payment among them
 * @payment: the payment a receipt is for
 *
 * What @payment paid for, by the rule of the ledger: payments settle the oldest charges
 * first, each payment in the order of its date. A charge settled by two payments is on
 * both receipts, each with its own part.
 *
 * Returns: (transfer full) (element-type KabReceiptItem): the charges and the part of
 *   each that @payment settles, oldest first; empty when it pays in advance
 */
GPtrArray *
kab_receipt_find_paid_for (GListModel *charges,
                           GListModel *payments,
                           KabPayment *payment)
{
  g_autoptr(GPtrArray) charge_list = sorted_items (charges, compare_charges);
  g_autoptr(GPtrArray) payment_list = sorted_items (payments, compare_payments);
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify)receipt_item_free);
  guint c = 0;
  gint64 charge_left = 0;

  g_return_val_if_fail (KAB_IS_PAYMENT (payment), items);

  if (charge_list->len > 0)
    charge_left = kab_charge_get_amount (g_ptr_array_index (charge_list, 0));

  for (guint p = 0; p < payment_list->len && c < charge_list->len; p++)
    {
      KabPayment *current = g_ptr_array_index (payment_list, p);
      gboolean is_this = kab_payment_get_id (current) == kab_payment_get_id (payment);
      gint64 left = kab_payment_get_amount (current);

      while (left > 0 && c < charge_list->len)
        {
          gint64 applied = MIN (left, charge_left);

          if (is_this)
            {
              KabReceiptItem *item = g_new0 (KabReceiptItem, 1);

              item->charge = g_object_ref (g_ptr_array_index (charge_list, c));
              item->amount = applied;
              g_ptr_array_add (items, item);
            }

          left -= applied;
          charge_left -= applied;
          if (charge_left == 0 && ++c < charge_list->len)
            charge_left = kab_charge_get_amount (g_ptr_array_index (charge_list, c));
        }

      if (is_this)
        break;
    }

  return items;
}

/**
 * kab_receipt_describe_charge:
 * @client: (nullable): whose charge it is, for the service of a session
 *
 * Returns: (transfer full): what @charge is for, in @language: "Psychotherapy, 2 March
 *   2026", "Monthly fee, March 2026"
 */
char *
kab_receipt_describe_charge (KabCharge  *charge,
                             KabClient  *client,
                             const char *language)
{
  g_autofree char *date = kab_document_format_date (language, kab_charge_get_date (charge));
  const char *period = kab_charge_get_period (charge);
  KabDocText service = KAB_DOC_PSYCHOTHERAPY;
  int year = 0, month = 0;

  if (client != NULL && kab_client_get_service (client) == KAB_SERVICE_CONSULTATION)
    service = KAB_DOC_CONSULTATION;

  switch (kab_charge_get_kind (charge))
    {
    case KAB_CHARGE_KIND_SESSION:
      return g_strdup_printf ("%s, %s", kab_document_text (language, service), date);

    case KAB_CHARGE_KIND_LATE_CANCELLATION:
      return g_strdup_printf ("%s, %s (%s)", kab_document_text (language, service), date,
                              kab_document_text (language, KAB_DOC_LATE_CANCELLATION));

    case KAB_CHARGE_KIND_MONTHLY_FEE:
      if (period != NULL && sscanf (period, "%d-%d", &year, &month) == 2 && month >= 1 && month <= 12)
        {
          g_autofree char *name = kab_document_format_month (language, year, month);

          return g_strdup_printf ("%s, %s", kab_document_text (language, KAB_DOC_MONTHLY_FEE), name);
        }
      return g_strdup_printf ("%s, %s", kab_document_text (language, KAB_DOC_MONTHLY_FEE), date);

    case KAB_CHARGE_KIND_PACKAGE:
      return g_strdup_printf ("%s, %s", kab_document_text (language, KAB_DOC_PACKAGE), date);

    case KAB_CHARGE_KIND_OTHER:
    default:
      {
        g_autofree char *note = kab_document_plain_line (kab_charge_get_note (charge));

        return g_strdup_printf ("%s, %s", *note != '\0' ? note : kab_document_text (language, KAB_DOC_OTHER), date);
      }
    }
}

/**
 * kab_receipt_split_vat:
 * @amount: an amount that includes VAT at @vat_percent
 *
 * The VAT in @amount, rounded half up to the minor unit, and the rest.
 */
void
kab_receipt_split_vat (gint64  amount,
                       int     vat_percent,
                       gint64 *out_net,
                       gint64 *out_vat)
{
  gint64 vat = (amount * vat_percent * 2 + (100 + vat_percent)) / (2 * (100 + vat_percent));

  *out_vat = vat;
  *out_net = amount - vat;
}

/**
 * kab_receipt_append_identity:
 *
 * The practitioner's name, title, address and contact, then the tax number and status
 * that the practice's country asks a receipt or an invoice to carry.
 */
void
kab_receipt_append_identity (GString             *text,
                             KabPractice         *practice,
                             KabPracticeIdentity *identity,
                             const char          *language)
{
  const char *country = kab_practice_get_country (practice);
  g_autofree char *status = NULL;
  g_autofree char *tax_line = NULL;
  const char *tax_id;

  append_practitioner (text, practice);
  if (identity == NULL)
    return;

  tax_id = kab_practice_identity_get_tax_id (identity);
  status = kab_practice_identity_dup_tax_status_label (identity, country);
  if (*tax_id != '\0')
    {
      KabDocText label = g_strcmp0 (country, KAB_COUNTRY_RUSSIA) == 0 ? KAB_DOC_INN : KAB_DOC_ORG_NUMBER;

      /* Norway: "Org.nr. 974 760 673 MVA" is how the register wants it written */
      if (g_strcmp0 (country, KAB_COUNTRY_NORWAY) == 0 && *status != '\0')
        tax_line = g_strdup_printf ("%s %s %s", kab_document_text (language, label), tax_id, status);
      else
        tax_line = g_strdup_printf ("%s %s", kab_document_text (language, label), tax_id);
      kab_document_append_line (text, tax_line);
    }
  if (*status != '\0' && g_strcmp0 (country, KAB_COUNTRY_NORWAY) != 0)
    kab_document_append_line (text, status);
}

/**
 * kab_receipt_append_vat_lines:
 * @amount: the amount paid or invoiced, VAT included
 *
 * The VAT line the practice's country asks for: the VAT in @amount at the practice's
 * rate when its fees are not exempt, else the law that exempts them (Sweden, Norway).
 */
void
kab_receipt_append_vat_lines (GString             *text,
                              KabPractice         *practice,
                              KabPracticeIdentity *identity,
                              const char          *language,
                              gint64               amount,
                              const char          *currency)
{
  const char *country = kab_practice_get_country (practice);

  if (identity == NULL)
    return;

  if (!kab_practice_identity_is_vat_exempt (identity, country))
    {
      int percent = kab_practice_identity_get_vat_percent (identity);
      g_autofree char *rate = g_strdup_printf ("%d", percent);
      g_autofree char *vat_label = kab_document_fill (language, KAB_DOC_VAT, rate);
      g_autofree char *net_text = NULL;
      g_autofree char *vat_text = NULL;
      gint64 net, vat;

      kab_receipt_split_vat (amount, percent, &net, &vat);
      net_text = kab_document_format_money (language, net, currency);
      vat_text = kab_document_format_money (language, vat, currency);
      kab_document_append_detail (text, kab_document_text (language, KAB_DOC_NET), net_text);
      kab_document_append_detail (text, vat_label, vat_text);
      g_string_append (text, "\n");
    }
  else if (g_strcmp0 (country, KAB_COUNTRY_SWEDEN) == 0)
    g_string_append_printf (text, "%s\n\n", kab_document_text (language, KAB_DOC_EXEMPT_SE));
  else if (g_strcmp0 (country, KAB_COUNTRY_NORWAY) == 0)
    g_string_append_printf (text, "%s\n\n", kab_document_text (language, KAB_DOC_EXEMPT_NO));
  else if (g_strcmp0 (country, KAB_COUNTRY_RUSSIA) == 0 &&
           kab_practice_identity_get_tax_status (identity) == KAB_TAX_STATUS_ENTREPRENEUR)
    g_string_append_printf (text, "%s\n\n", kab_document_text (language, KAB_DOC_NO_VAT));
}

/* Russia: a самозанятый makes the tax receipt in «Мой налог»; this paper is not one. */
static void
append_russian_lines (GString               *text,
                      const KabReceiptInput *input)
{
  const char *language = input->language;
  g_autofree char *number = NULL;

  if (input->identity == NULL ||
      g_strcmp0 (kab_practice_get_country (input->practice), KAB_COUNTRY_RUSSIA) != 0)
    return;

  if (kab_practice_identity_get_tax_status (input->identity) == KAB_TAX_STATUS_SELF_EMPLOYED)
    {
      number = kab_document_plain_line (input->tax_receipt);
      g_string_append_printf (text, "- %s %s\n\n", kab_document_text (language, KAB_DOC_TAX_RECEIPT),
                              *number != '\0' ? number : "____________");
    }
  g_string_append_printf (text, "%s\n\n", kab_document_text (language, KAB_DOC_NOT_A_CASH_RECEIPT));
}

/**
 * kab_receipt_build_text:
 *
 * The receipt in the markup that #KabPrintDocument lays out, in the client's document
 * language: a title with the receipt's own number, the practitioner's identity, who
 * paid how much, when and how, what the payment was for, and the tax line of the
 * practice's country.
 *
 * Returns: (transfer full): the text
 */
char *
kab_receipt_build_text (const KabReceiptInput *input)
{
  GString *text = g_string_new (NULL);
  const char *language;
  KabPayment *payment;
  g_autofree char *date = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *signed_by = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (KAB_IS_PRACTICE (input->practice), NULL);
  g_return_val_if_fail (KAB_IS_PAYMENT (input->payment), NULL);

  language = kab_document_language (input->language);
  payment = input->payment;
  date = kab_document_format_date (language, kab_payment_get_date (payment));
  amount = kab_document_format_money (language, kab_payment_get_amount (payment),
                                      kab_payment_get_currency (payment));

  title = kab_document_fill (language, KAB_DOC_RECEIPT_TITLE, input->number);
  g_string_append_printf (text, "# %s\n\n", title);

  kab_receipt_append_identity (text, input->practice, input->identity, language);
  g_string_append (text, "\n");

  kab_document_append_detail (text, kab_document_text (language, KAB_DOC_RECEIVED_FROM),
                 input->client != NULL ? kab_client_get_display_name (input->client) : "");
  kab_document_append_detail (text, kab_document_text (language, KAB_DOC_DATE), date);
  kab_document_append_detail (text, kab_document_text (language, KAB_DOC_AMOUNT), amount);
  kab_document_append_detail (text, kab_document_text (language, KAB_DOC_PAID_BY),
                 kab_document_method (language, kab_payment_get_method (payment)));
  g_string_append (text, "\n");

  if (input->paid_for != NULL && input->paid_for->len > 0)
    {
      g_string_append_printf (text, "## %s\n\n", kab_document_text (language, KAB_DOC_PAID_FOR));
      for (guint i = 0; i < input->paid_for->len; i++)
        {
          KabReceiptItem *item = g_ptr_array_index (input->paid_for, i);
          g_autofree char *what = kab_receipt_describe_charge (item->charge, input->client, language);
          g_autofree char *part = kab_document_format_money (language, item->amount,
                                                             kab_payment_get_currency (payment));

          g_string_append_printf (text, "- %s: %s\n", what, part);
        }
      g_string_append (text, "\n");
    }
  else if (*kab_payment_get_note (payment) != '\0')
    {
      g_string_append_printf (text, "## %s\n\n", kab_document_text (language, KAB_DOC_PAID_FOR));
      kab_document_append_line (text, kab_payment_get_note (payment));
      g_string_append (text, "\n");
    }

  kab_receipt_append_vat_lines (text, input->practice, input->identity, language,
                                kab_payment_get_amount (payment), kab_payment_get_currency (payment));
  append_russian_lines (text, input);

  g_string_append_printf (text, "%s\n\n", kab_document_text (language, KAB_DOC_THANKS));
  signed_by = kab_document_plain_line (kab_practice_get_practitioner_name (input->practice));
  g_string_append (text, "______________________________\n");
  if (*signed_by != '\0')
    g_string_append_printf (text, "%s\n", signed_by);

  return g_string_free (text, FALSE);
}

/**
 * kab_receipt_dup_file_name:
 * @number: the receipt's number
 *
 * Returns: (transfer full): a name to suggest for the receipt's PDF, e.g.
 *   "receipt-2025-7-2025-11-12.pdf"
 */
char *
kab_receipt_dup_file_name (const char *number,
                           KabPayment *payment)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (KAB_IS_PAYMENT (payment), NULL);

  local = g_date_time_to_local (kab_payment_get_date (payment));
  date = g_date_time_format (local, "%Y-%m-%d");
  /* Translators: the suggested file name of a receipt: %1$s is its number, %2$s the
   * date. Keep it short, without spaces, and keep ".pdf" */
  return g_strdup_printf (_("receipt-%1$s-%2$s.pdf"), number, date);
}
