/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-business-ui.c: Preferences → Business and Tax in a real window */

#include "config.h"

#include <gtk/gtkunixprint.h>
#include <string.h>

#include "kab-business-page.h"
#include "clients/kab-client-details.h"
#include "kab-country.h"
#include "kab-preferences-window.h"
#include "kab-store-documents.h"
#include "kab-test-ui-util.h"
#include "kab-test-util.h"

static GtkWidget *
page_child (GtkWidget  *page,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (page, KAB_TYPE_BUSINESS_PAGE, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

/* The rows follow the practice's country; a number that fails its check is marked and
 * not saved; a good one is saved at once. */
static void
test_business_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kabinett-business-ui-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "practice.db", NULL);
  g_autoptr(KabStore) store = kab_store_open (path, &error);
  g_autoptr(KabPractice) practice = NULL;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *tax_id;

  g_assert_no_error (error);
  practice = kab_practice_copy (kab_store_get_practice (store));
  kab_practice_set_country (practice, KAB_COUNTRY_NORWAY);
  g_assert_true (kab_store_save_practice (store, practice, &error));

  window = kab_preferences_window_new (store);
  gtk_window_present (GTK_WINDOW (window));
  kab_test_wait_until_mapped (window);
  page = kab_test_find_by_type (window, KAB_TYPE_BUSINESS_PAGE);
  g_assert_nonnull (page);

  /* Norway: the organisation number and the account number, no bankgiro */
  tax_id = page_child (page, "tax_id_row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (tax_id)), ==, "Organisation Number");
  g_assert_true (gtk_widget_get_visible (page_child (page, "account_row")));
  g_assert_false (gtk_widget_get_visible (page_child (page, "bankgiro_row")));
  g_assert_true (gtk_widget_get_visible (page_child (page, "vat_registered_row")));

  gtk_editable_set_text (GTK_EDITABLE (tax_id), "974 760 674");
  g_signal_emit_by_name (tax_id, "apply");
  kab_test_iterate ();
  g_assert_true (gtk_widget_has_css_class (tax_id, "error"));
  g_assert_cmpstr (kab_practice_identity_get_tax_id (kab_store_get_identity (store)), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (tax_id), "974 760 673");
  g_signal_emit_by_name (tax_id, "apply");
  kab_test_iterate ();
  g_assert_false (gtk_widget_has_css_class (tax_id, "error"));
  g_assert_cmpstr (kab_practice_identity_get_tax_id (kab_store_get_identity (store)), ==, "974 760 673");

  /* Sweden: the rows change with the country */
  kab_practice_set_country (practice, KAB_COUNTRY_SWEDEN);
  g_assert_true (kab_store_save_practice (store, practice, &error));
  kab_test_iterate ();
  g_assert_true (gtk_widget_get_visible (page_child (page, "bankgiro_row")));
  g_assert_false (gtk_widget_get_visible (page_child (page, "account_row")));
  g_assert_true (gtk_widget_get_visible (page_child (page, "licensed_row")));
  g_assert_false (gtk_widget_get_visible (page_child (page, "vat_percent_row")));
  g_assert_true (gtk_widget_has_css_class (tax_id, "error"));

  /* the Norwegian number does not pass the Swedish check: it must be corrected first */
  gtk_switch_set_active (GTK_SWITCH (page_child (page, "licensed_switch")), FALSE);
  kab_test_iterate ();
  g_assert_true (kab_practice_identity_get_licensed (kab_store_get_identity (store)));
  gtk_switch_set_active (GTK_SWITCH (page_child (page, "licensed_switch")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (tax_id), "556036-0793");
  g_signal_emit_by_name (tax_id, "apply");
  kab_test_iterate ();
  g_assert_cmpstr (kab_practice_identity_get_tax_id (kab_store_get_identity (store)), ==, "556036-0793");
  g_assert_false (gtk_widget_has_css_class (tax_id, "error"));

  /* an unlicensed counsellor charges VAT: the rate is asked */
  gtk_switch_set_active (GTK_SWITCH (page_child (page, "licensed_switch")), FALSE);
  kab_test_iterate ();
  g_assert_false (kab_practice_identity_get_licensed (kab_store_get_identity (store)));
  g_assert_true (gtk_widget_get_visible (page_child (page, "vat_percent_row")));

  kab_test_destroy_all_windows ();
  g_clear_object (&store);
  kab_test_remove_tree (dir);
}

static gboolean
printer_chosen (gpointer data)
{
  return gtk_print_unix_dialog_get_selected_printer (data) != NULL;
}

static gboolean
file_written (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
wait_until (GSourceFunc  check,
            gpointer     data,
            const char  *what)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!check (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("gave up waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The print dialog that is open, to "Print to File" as @printed. */
static void
print_dialog_to_file (const char *printed)
{
  g_autofree char *uri = g_filename_to_uri (printed, NULL, NULL);
  g_autoptr(GtkPrintSettings) settings = NULL;
  GtkWindow *dialog;

  kab_test_iterate ();
  dialog = kab_test_find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (dialog));

  /* "Print to File", into the test's folder (the name it offers is checked in
   * test-documents-pdf, on the same print operation). */
  settings = gtk_print_unix_dialog_get_settings (GTK_PRINT_UNIX_DIALOG (dialog));
  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_unix_dialog_set_settings (GTK_PRINT_UNIX_DIALOG (dialog), settings);
  wait_until (printer_chosen, dialog, "Print to File in the print dialog");
  g_assert_true (gtk_printer_is_virtual (gtk_print_unix_dialog_get_selected_printer (GTK_PRINT_UNIX_DIALOG (dialog))));
  g_test_message ("printing to %s", uri);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  wait_until (file_written, (gpointer)printed, printed);
  kab_test_iterate ();
}

static void
print_to_file (KabStore         *store,
               KabInvoiceRecord *invoice,
               const char       *dir)
{
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_auto(KabInvoiceRecord) sent = { 0 };
  g_autoptr(GError) error = NULL;

  print_dialog_to_file (printed);
  g_assert_true (kab_store_load_invoice (store, invoice->id, &sent, &error));
  g_assert_no_error (error);
  g_assert_nonnull (sent.sent);
}

/* The client's Documents menu: the invoice of last month is issued (and offered for
 * saving), and the documents' language is the client's own once chosen. */
static void
test_client_documents (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kabinett-client-documents-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "practice.db", NULL);
  g_autoptr(KabStore) store = kab_store_open (path, &error);
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(KabCharge) charge = kab_charge_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) month = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now), 1, 0, 0, 0);
  g_autoptr(GDateTime) last_month = g_date_time_add_months (month, -1);
  g_autoptr(GDateTime) session = g_date_time_add_days (last_month, 3);
  g_auto(KabInvoiceRecord) invoice = { 0 };
  g_autofree char *language = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *details = g_object_new (KAB_TYPE_CLIENT_DETAILS, NULL);
  GtkWidget *menu_button;
  GtkWindow *chooser;

  g_assert_no_error (error);
  g_object_set (client, "given-name", "Åsa", "family-name", "Öberg", NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_object_set (charge, "client-id", kab_client_get_id (client), "date", session,
                "amount", (gint64)120000, "currency", "SEK", "kind", KAB_CHARGE_KIND_SESSION, NULL);
  g_assert_true (kab_store_save_charge (store, charge, &error));
  g_assert_no_error (error);

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), details);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  kab_client_details_set_store (KAB_CLIENT_DETAILS (details), store);
  kab_client_details_set_client (KAB_CLIENT_DETAILS (details),
                                 kab_store_find_client (store, kab_client_get_id (client)));
  gtk_window_present (GTK_WINDOW (window));
  kab_test_wait_until_mapped (window);

  /* the Documents menu heads the client's latest payments */
  menu_button = adw_preferences_group_get_header_suffix (
    ADW_PREFERENCES_GROUP (gtk_widget_get_template_child (details, KAB_TYPE_CLIENT_DETAILS, "payments_group")));
  g_assert_true (GTK_IS_MENU_BUTTON (menu_button));
  g_assert_true (gtk_widget_activate_action (menu_button, "documents.language", "s", "ru"));
  language = kab_store_dup_client_language (store, kab_client_get_id (client));
  g_assert_cmpstr (language, ==, "ru");

  g_assert_true (gtk_widget_activate_action (menu_button, "documents.invoice", NULL));
  kab_test_iterate ();
  g_assert_true (kab_store_issue_invoice (store, kab_client_get_id (client), last_month, month,
                                          NULL, &invoice, &error));
  g_assert_cmpint (invoice.number, ==, 1);
  g_assert_cmpint (invoice.amount, ==, 120000);
  /* not sent until it is saved */
  g_assert_null (invoice.sent);
  chooser = kab_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  kab_test_iterate ();

  /* Print Invoice for Last Month: the real print dialog, whose "Print to File" offers the
   * name the invoice's PDF would have; printed to that file, the invoice is sent. */
  g_assert_true (gtk_widget_activate_action (menu_button, "documents.print-invoice", NULL));
  print_to_file (store, &invoice, dir);

  kab_test_destroy_all_windows ();
  g_clear_object (&store);
  kab_test_remove_tree (dir);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *icon_name)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon_name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, icon_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A payment in the client's details: its receipt goes through the real print dialog,
 * takes its number, and comes out as the receipt. */
static void
test_client_receipt_print (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kabinett-client-receipt-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "practice.db", NULL);
  g_autofree char *printed = g_build_filename (dir, "receipt-printed.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(KabStore) store = kab_store_open (path, &error);
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(KabPayment) payment = kab_payment_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_auto(KabReceiptRecord) record = { 0 };
  gboolean found = FALSE;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *details = g_object_new (KAB_TYPE_CLIENT_DETAILS, NULL);
  GtkWidget *print_button;

  /* In a process of its own: the print dialog would start from the printer and output
   * folder of the invoice printed before, in a folder since removed. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      kab_test_destroy_all_windows ();
      g_clear_object (&store);
      kab_test_remove_tree (dir);
      return;
    }

  g_assert_no_error (error);
  g_object_set (client, "given-name", "Anna", "family-name", "Berg", NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_object_set (payment, "client-id", kab_client_get_id (client), "date", now,
                "amount", (gint64)120000, "currency", "SEK", NULL);
  g_assert_true (kab_store_save_payment (store, payment, &error));
  g_assert_no_error (error);

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), details);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  kab_client_details_set_store (KAB_CLIENT_DETAILS (details), store);
  kab_client_details_set_client (KAB_CLIENT_DETAILS (details),
                                 kab_store_find_client (store, kab_client_get_id (client)));
  gtk_window_present (GTK_WINDOW (window));
  kab_test_wait_until_mapped (window);

  /* the payment's row has a print button beside the one that saves the PDF */
  print_button = find_button (GTK_WIDGET (gtk_widget_get_template_child (details, KAB_TYPE_CLIENT_DETAILS,
                                                                         "payments_list")),
                              "document-print-symbolic");
  g_assert_nonnull (print_button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (print_button), ==, "Print Receipt");
  g_signal_emit_by_name (print_button, "clicked");
  print_dialog_to_file (printed);

  /* the receipt took the first number of its own sequence */
  g_assert_true (kab_store_find_receipt (store, kab_payment_get_id (payment), &record, &found, &error));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpint (record.number, ==, 1);

  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, "-enc", "UTF-8", printed, "-", NULL };
      g_autofree char *text = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &text, NULL, &status, &error));
      g_assert_no_error (error);
      g_test_message ("%s", text);
      g_assert_nonnull (strstr (text, "Receipt No."));
      g_assert_nonnull (strstr (text, "Anna Berg"));
    }

  kab_test_destroy_all_windows ();
  g_clear_object (&store);
  kab_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  kab_test_ui_init (&argc, &argv);

  g_test_add_func ("/business-ui/page", test_business_page);
  g_test_add_func ("/business-ui/client-documents", test_client_documents);
  g_test_add_func ("/business-ui/client-receipt-print", test_client_receipt_print);

  return g_test_run ();
}
