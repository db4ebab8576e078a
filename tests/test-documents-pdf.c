/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-documents-pdf.c: receipts, invoices and statements as PDF in each language, read back */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "kab-country.h"
#include "kab-documents.h"
#include "kab-print-job.h"
#include "kab-store.h"
#include "kab-store-documents.h"
#include "kab-test-util.h"

/* What each language's documents must say, for a practice in the language's country. */
typedef struct
{
  const char *language;
  const char *country;
  const char *currency;
  const char *tax_id;
  const char *receipt_title;
  const char *tax_line;
  const char *service;
  const char *amount;
  const char *invoice_title;
  const char *reference_label;
  const char *closing;
} Case;

static const Case cases[] = {
  { "en", KAB_COUNTRY_SWEDEN, "SEK", "559123-4561", "Receipt No. 2026-1",
    "mervärdesskattelagen (2023:200)", "Psychotherapy, 10 March 2026", "SEK 1,200.00",
    "Invoice No. 2026-1", "OCR-nummer:", "Closing balance:" },
  { "sv", KAB_COUNTRY_SWEDEN, "SEK", "559123-4561", "Kvitto nr 2026-1",
    "Momsbefriad sjukvård utförd av legitimerad yrkesutövare enligt 10 kap. 6–7 §§", "Psykoterapi, 10 mars 2026",
    "1 200,00 kr", "Faktura nr 2026-1", "OCR-nummer:", "Utgående saldo:" },
  { "nb", KAB_COUNTRY_NORWAY, "NOK", "998 877 660", "Kvittering nr. 2026-1",
    "merverdiavgiftsloven § 3-2", "Psykoterapi, 10. mars 2026", "1 200,00 kr",
    "Faktura nr. 2026-1", "KID-nummer:", "Utgående saldo:" },
  { "ru", KAB_COUNTRY_RUSSIA, "RUB", "770412345664", "Подтверждение оплаты № 2026-1",
    "Не является кассовым чеком.", "Психотерапия, 10 марта 2026 г.", "1 200,00 ₽",
    "Счёт № 2026-1", "Назначение платежа:", "Сальдо на конец периода:" },
};

static gboolean have_display;

static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };
  int status = 0;
  GString *flat;

  if (pdftotext == NULL)
    return NULL;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Lines joined, and every kind of space one plain space: pdftotext breaks long lines
   * and may turn a no-break space into a plain one. */
  flat = g_string_new (NULL);
  for (const char *c = out; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (g_unichar_isspace (ch) || ch == 0x00A0 || ch == 0x202F)
        {
          if (flat->len > 0 && flat->str[flat->len - 1] != ' ')
            g_string_append_c (flat, ' ');
        }
      else
        g_string_append_unichar (flat, ch);
    }
  {
    g_autofree char *joined = g_string_free (flat, FALSE);

    return g_utf8_normalize (joined, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  }
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  g_autofree char *plain = g_utf8_normalize (needle, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  GString *flat = g_string_new (NULL);

  for (const char *c = plain; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      g_string_append_unichar (flat, ch == 0x00A0 || ch == 0x202F ? ' ' : ch);
    }
  if (strstr (haystack, flat->str) == NULL)
    g_error ("“%s” not in:\n%s", flat->str, haystack);
  g_string_free (flat, TRUE);
}

static char *
export (KabPrintDocument *document,
        const char       *dir,
        const char       *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_nonnull (document);
  g_assert_true (kab_print_document_export_pdf (document, path, &error));
  g_assert_no_error (error);
  /* only the user may read it */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  return pdf_text (path);
}

/* Printed through the print dialog's operation, here to a PDF file: "Print to File"
 * offers the name the document's PDF would have (less ".pdf"). */
static char *
print_to_pdf (KabPrintDocument *document,
              const char       *file_name,
              const char       *dir)
{
  g_autoptr(GtkPrintOperation) operation = kab_print_job_new (document, file_name);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *base = g_strndup (file_name, strlen (file_name) - strlen (".pdf"));
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_suffix (file_name, ".pdf"));
  g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==, base);
  gtk_print_operation_set_export_filename (operation, printed);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  return pdf_text (printed);
}

static void
test_language (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kabinett-documents-pdf-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "practice.db", NULL);
  g_autoptr(KabStore) store = kab_store_open (path, &error);
  g_autoptr(KabPractice) practice = NULL;
  g_autoptr(KabPracticeIdentity) identity = NULL;
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(KabCharge) charge = kab_charge_new ();
  g_autoptr(KabPayment) payment = kab_payment_new ();
  g_autoptr(GDateTime) session = g_date_time_new_local (2026, 3, 10, 9, 0, 0);
  g_autoptr(GDateTime) paid = g_date_time_new_local (2026, 3, 12, 9, 0, 0);
  g_autoptr(GDateTime) march = g_date_time_new_local (2026, 3, 1, 0, 0, 0);
  g_autoptr(GDateTime) april = g_date_time_new_local (2026, 4, 1, 0, 0, 0);
  g_autoptr(GDateTime) issued = g_date_time_new_local (2026, 4, 2, 12, 0, 0);
  g_autoptr(KabPrintDocument) receipt = NULL;
  g_autoptr(KabPrintDocument) invoice = NULL;
  g_autoptr(KabPrintDocument) statement = NULL;
  g_autofree char *receipt_text = NULL;
  g_autofree char *invoice_text = NULL;
  g_autofree char *statement_text = NULL;
  g_auto(KabInvoiceRecord) record = { 0 };
  g_autofree char *invoice_name = NULL;
  g_autofree char *receipt_name = NULL;
  gint64 invoice_id = 0;

  g_assert_no_error (error);
  practice = kab_practice_copy (kab_store_get_practice (store));
  g_object_set (practice, "practitioner-name", "Karin Ødegård-Волкова", "title", "Leg. psykolog",
                "country", c->country, "currency", c->currency, "form-language", c->language, NULL);
  g_assert_true (kab_store_save_practice (store, practice, &error));
  g_assert_no_error (error);
  identity = kab_practice_identity_copy (kab_store_get_identity (store));
  g_object_set (identity, "tax-id", c->tax_id, "bankgiro", "123-4566", NULL);
  if (g_str_equal (c->country, KAB_COUNTRY_SWEDEN))
    g_object_set (identity, "f-tax", TRUE, NULL);
  g_assert_true (kab_store_save_identity (store, identity, &error));
  g_assert_no_error (error);

  g_object_set (client, "given-name", "Åsa", "family-name", "Фёдорова", NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_object_set (charge, "client-id", kab_client_get_id (client), "date", session,
                "amount", (gint64)120000, "currency", c->currency, "kind", KAB_CHARGE_KIND_SESSION, NULL);
  g_assert_true (kab_store_save_charge (store, charge, &error));
  g_object_set (payment, "client-id", kab_client_get_id (client), "date", paid,
                "amount", (gint64)120000, "currency", c->currency,
                "method", KAB_PAYMENT_METHOD_CARD, NULL);
  g_assert_true (kab_store_save_payment (store, payment, &error));
  g_assert_no_error (error);

  receipt = kab_documents_make_receipt (store, payment, issued, &receipt_name, &error);
  g_assert_no_error (error);
  invoice = kab_documents_make_invoice (store, kab_client_get_id (client), march, april, issued,
                                        &invoice_id, &invoice_name, &error);
  g_assert_no_error (error);
  statement = kab_documents_make_statement (store, kab_client_get_id (client), march, april,
                                            NULL, &error);
  g_assert_no_error (error);

  receipt_text = export (receipt, dir, "receipt.pdf");
  if (receipt_text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      kab_test_remove_tree (dir);
      return;
    }
  invoice_text = export (invoice, dir, "invoice.pdf");
  statement_text = export (statement, dir, "statement.pdf");
  g_test_message ("%s\n\n%s\n\n%s", receipt_text, invoice_text, statement_text);

  /* the receipt: its own number, who, what for, how much, the tax line */
  assert_contains (receipt_text, c->receipt_title);
  assert_contains (receipt_text, "Karin Ødegård-Волкова");
  assert_contains (receipt_text, c->tax_id);
  assert_contains (receipt_text, "Åsa Фёдорова");
  assert_contains (receipt_text, c->service);
  assert_contains (receipt_text, c->amount);
  assert_contains (receipt_text, c->tax_line);

  /* the invoice: its number, the charge, the reference to pay with */
  g_assert_true (kab_store_load_invoice (store, invoice_id, &record, &error));
  assert_contains (invoice_text, c->invoice_title);
  assert_contains (invoice_text, c->service);
  assert_contains (invoice_text, c->reference_label);
  if (!g_str_equal (c->country, KAB_COUNTRY_RUSSIA))
    assert_contains (invoice_text, record.reference);
  if (g_str_equal (c->country, KAB_COUNTRY_SWEDEN))
    assert_contains (invoice_text, "123-4566");

  /* Printed through the print dialog's operation (here to a PDF file): the same text,
   * and "Print to File" offers the name the PDF would have. */
  if (have_display)
    {
      g_autofree char *printed_text = print_to_pdf (invoice, invoice_name, dir);
      g_autofree char *printed_receipt = print_to_pdf (receipt, receipt_name, dir);

      g_test_message ("printed: %s\n\n%s", printed_receipt, printed_text);
      /* the receipt printed: the same number, who, what for, how much, the tax line */
      assert_contains (printed_receipt, c->receipt_title);
      assert_contains (printed_receipt, "Karin Ødegård-Волкова");
      assert_contains (printed_receipt, c->tax_id);
      assert_contains (printed_receipt, "Åsa Фёдорова");
      assert_contains (printed_receipt, c->service);
      assert_contains (printed_receipt, c->amount);
      assert_contains (printed_receipt, c->tax_line);

      assert_contains (printed_text, c->invoice_title);
      assert_contains (printed_text, "Åsa Фёдорова");
      assert_contains (printed_text, c->service);
      assert_contains (printed_text, c->amount);
      assert_contains (printed_text, c->reference_label);
      if (!g_str_equal (c->country, KAB_COUNTRY_RUSSIA))
        assert_contains (printed_text, record.reference);
      if (g_str_equal (c->country, KAB_COUNTRY_SWEDEN))
        assert_contains (printed_text, "123-4566");
    }
  else
    g_test_message ("no display: nothing was printed through GtkPrintOperation");

  /* the statement: the charge, the payment, and nothing left to pay */
  assert_contains (statement_text, c->service);
  assert_contains (statement_text, c->closing);
  /* the closing balance is zero in the language's format */
  assert_contains (statement_text, g_str_equal (c->language, "en") ? "0.00" : "0,00");

  g_clear_object (&store);
  kab_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/documents-pdf/%s", cases[i].language);

      g_test_add_data_func (name, &cases[i], test_language);
    }

  return g_test_run ();
}
