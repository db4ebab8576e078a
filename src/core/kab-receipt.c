/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-receipt.c: the text of a receipt for a payment, in the print markup of src/print */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-enums.h"
#include "kab-money.h"
#include "kab-receipt.h"

/* One line of the user's own text (a name, an address, a note): line breaks become
 * commas, and nothing in it can be read as markup: not a heading or a bullet at its
 * start, nor a line break (a backslash) at its end. */
static char *
plain_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit_set (text != NULL ? text : "", "\r\n", -1);
  GString *line = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (line->len > 0)
        g_string_append (line, ", ");
      g_string_append (line, lines[i]);
    }

  while (line->len > 0 && (line->str[0] == '#' || g_str_has_prefix (line->str, "- ")))
    g_string_erase (line, 0, 1);
  while (line->len > 0 && line->str[line->len - 1] == '\\')
    g_string_truncate (line, line->len - 1);

  return g_strstrip (g_string_free (line, FALSE));
}

/* The practitioner's details, one per printed line: the markup joins lines into a
 * paragraph unless they end in a backslash. */
static void
append_line (GString    *text,
             const char *value)
{
  g_autofree char *line = plain_line (value);

  if (*line == '\0')
    return;

  if (text->len > 0 && text->str[text->len - 1] == '\n' &&
      (text->len < 2 || text->str[text->len - 2] != '\n'))
    g_string_insert_c (text, text->len - 1, '\\');
  g_string_append_printf (text, "%s\n", line);
}

/* "Label: value" as a bullet of the payment's details. */
static void
append_detail (GString    *text,
               const char *label,
               const char *value)
{
  g_autofree char *line = plain_line (value);

  if (*line != '\0')
    g_string_append_printf (text, "- %s %s\n", label, line);
}

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

  append_line (text, kab_practice_get_practitioner_name (practice));
  append_line (text, kab_practice_get_title (practice));
  append_line (text, kab_practice_get_address (practice));
  append_line (text, contact);
}

/**
 * kab_receipt_build_text:
 * @practice: who received the payment
 * @client: (nullable): who paid
 * @payment: a saved payment
 *
 * The receipt in the markup that #KabPrintDocument lays out: a title with the receipt's
 * number, the practitioner's details from Preferences, then who paid how much, when and
 * how. Amounts are formatted for the user's locale in the practice's currency.
 *
 * Returns: (transfer full): the text
 */
char *
kab_receipt_build_text (KabPractice *practice,
                        KabClient   *client,
                        KabPayment  *payment)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *signed_by = NULL;
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (KAB_IS_PRACTICE (practice), NULL);
  g_return_val_if_fail (KAB_IS_PAYMENT (payment), NULL);

  local = g_date_time_to_local (kab_payment_get_date (payment));
  /* Translators: the date on a receipt, see strftime; "%-d %B %Y" is e.g. "12 November 2025" */
  /* xgettext:no-c-format */
  date = g_date_time_format (local, C_("receipt date", "%-d %B %Y"));
  g_strstrip (date);
  amount = kab_money_format (kab_payment_get_amount (payment), kab_payment_get_currency (payment));

  number = g_strdup_printf ("%" G_GINT64_FORMAT, kab_payment_get_id (payment));
  /* Translators: the title of a printed receipt; %s is its number */
  title = g_strdup_printf (_("Receipt No. %s"), number);
  g_string_append_printf (text, "# %s\n\n", title);

  append_practitioner (text, practice);
  g_string_append (text, "\n");

  /* Translators: the heading of a receipt, with the amount received, e.g.
   * "Payment of kr 1 500,00" */
  g_string_append_printf (text, "## ");
  g_string_append_printf (text, _("Payment of %s"), amount);
  g_string_append (text, "\n\n");
  append_detail (text, _("Received from:"), client != NULL ? kab_client_get_display_name (client) : "");
  append_detail (text, _("Date:"), date);
  append_detail (text, _("Paid by:"), kab_payment_method_to_label (kab_payment_get_method (payment)));
  append_detail (text, _("For:"), kab_payment_get_note (payment));
  g_string_append (text, "\n");

  /* Translators: the closing line of a receipt, above the practitioner's signature */
  g_string_append_printf (text, "%s\n\n", _("Received with thanks."));
  signed_by = plain_line (kab_practice_get_practitioner_name (practice));
  g_string_append (text, "______________________________\n");
  if (*signed_by != '\0')
    g_string_append_printf (text, "%s\n", signed_by);

  return g_string_free (text, FALSE);
}

/**
 * kab_receipt_dup_file_name:
 *
 * Returns: (transfer full): a name to suggest for the receipt's PDF, e.g.
 *   "receipt-42-2025-11-12.pdf"
 */
char *
kab_receipt_dup_file_name (KabPayment *payment)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *number = NULL;

  g_return_val_if_fail (KAB_IS_PAYMENT (payment), NULL);

  local = g_date_time_to_local (kab_payment_get_date (payment));
  date = g_date_time_format (local, "%Y-%m-%d");
  number = g_strdup_printf ("%" G_GINT64_FORMAT, kab_payment_get_id (payment));
  /* Translators: the suggested file name of a receipt: %1$s is its number, %2$s the
   * date. Keep it short, without spaces, and keep ".pdf" */
  return g_strdup_printf (_("receipt-%1$s-%2$s.pdf"), number, date);
}
