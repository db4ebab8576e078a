/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-sample-agreement.c: the agreement of a demo client in the locale's language, as PDF,
 * and optionally a receipt for that client's last payment, for build-aux/screenshots.
 * Usage: kab-sample-agreement AGREEMENT.pdf [RECEIPT.pdf [INVOICE.pdf STATEMENT.pdf]] */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kab-demo.h"
#include "kab-print-document.h"
#include "kab-store.h"
#include "core/kab-consent-document.h"
#include "core/kab-consent-templates.h"
#include "core/kab-consent-values.h"
#include "core/kab-documents.h"
#include "kab-test-util.h"

static gboolean
is_cyrillic (const char *text)
{
  return text != NULL && *text != '\0' &&
         g_unichar_get_script (g_utf8_get_char (text)) == G_UNICODE_SCRIPT_CYRILLIC;
}

/* A client whose name is written in the agreement's script: the demo has Russian,
 * Swedish and Norwegian names. */
static KabClient *
pick_client (GListModel *clients,
             const char *language)
{
  gboolean want_cyrillic = g_str_equal (language, "ru");
  guint n = g_list_model_get_n_items (clients);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (clients, i);

      if (is_cyrillic (kab_client_get_display_name (client)) == want_cyrillic)
        return g_steal_pointer (&client);
    }

  return g_list_model_get_item (clients, 0);
}

/* What the Payments view's "Receipt…" writes, for the client's latest payment. */
static gboolean
write_receipt (KabStore    *store,
               KabClient   *client,
               const char  *path,
               GError     **error)
{
  g_autoptr(GListModel) payments = kab_store_list_payments (store, kab_client_get_id (client),
                                                            NULL, NULL, error);
  g_autoptr(KabPayment) payment = NULL;
  g_autoptr(KabPrintDocument) document = NULL;
  guint n;

  if (payments == NULL)
    return FALSE;
  n = g_list_model_get_n_items (payments);
  if (n == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s has no payments",
                   kab_client_get_display_name (client));
      return FALSE;
    }

  payment = g_list_model_get_item (payments, n - 1);
  document = kab_documents_make_receipt (store, payment, NULL, NULL, error);
  return document != NULL && kab_print_document_export_pdf (document, path, error);
}

/* The client's invoice for last month and statement of the year so far. */
static gboolean
write_invoice_and_statement (KabStore    *store,
                             KabClient   *client,
                             GDateTime   *now,
                             const char  *invoice_path,
                             const char  *statement_path,
                             GError     **error)
{
  g_autoptr(GDateTime) month = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now), 1, 0, 0, 0);
  g_autoptr(GDateTime) last_month = g_date_time_add_months (month, -1);
  g_autoptr(GDateTime) year = g_date_time_new_local (g_date_time_get_year (now), 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
  g_autoptr(KabPrintDocument) invoice = NULL;
  g_autoptr(KabPrintDocument) statement = NULL;

  invoice = kab_documents_make_invoice (store, kab_client_get_id (client), last_month, month,
                                        now, NULL, NULL, error);
  if (invoice == NULL || !kab_print_document_export_pdf (invoice, invoice_path, error))
    return FALSE;

  statement = kab_documents_make_statement (store, kab_client_get_id (client), year, tomorrow,
                                            NULL, error);
  return statement != NULL && kab_print_document_export_pdf (statement, statement_path, error);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("KABINETT_LOCALEDIR");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KabStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(GListModel) latest = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(KabClient) client = NULL;
  g_autoptr(KabPrintDocument) document = NULL;
  g_autofree char *text = NULL;
  KabConsentTemplate *template;
  KabPractice *practice;
  const char *language;
  int status = 1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc != 2 && argc != 3 && argc != 5)
    {
      g_printerr ("usage: %s AGREEMENT.pdf [RECEIPT.pdf [INVOICE.pdf STATEMENT.pdf]]\n", argv[0]);
      return 2;
    }

  dir = g_dir_make_tmp ("kabinett-sample-XXXXXX", &error);
  if (dir == NULL)
    goto out;
  path = g_build_filename (dir, "kabinett.db", NULL);

  /* As `kabinett --demo` makes its practice: the templates first, then the demo. */
  store = kab_store_open (path, &error);
  if (store == NULL ||
      !kab_consent_ensure_builtin_templates (store, &error) ||
      !kab_demo_fill (store, &KAB_DEMO_SIZE_SMALL, now, &error))
    goto out;

  practice = kab_store_get_practice (store);
  language = kab_practice_get_form_language (practice);
  templates = kab_store_list_consent_templates (store, &error);
  if (templates == NULL)
    goto out;
  latest = kab_consent_latest_templates (templates);
  template = kab_consent_find_template_for_language (latest, language);
  if (template == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no agreement template in “%s”", language);
      goto out;
    }

  client = pick_client (kab_store_get_clients (store), language);
  values = kab_consent_values_new (practice, client, now, language);
  text = kab_consent_values_render (template, values, &error);
  if (text == NULL)
    goto out;

  document = kab_consent_document_new (text, language, client);
  if (!kab_print_document_export_pdf (document, argv[1], &error))
    goto out;

  if (argc >= 3 && !write_receipt (store, client, argv[2], &error))
    goto out;
  if (argc == 5 && !write_invoice_and_statement (store, client, now, argv[3], argv[4], &error))
    goto out;

  status = 0;

out:
  if (error != NULL)
    g_printerr ("%s: %s\n", argv[0], error->message);
  g_clear_object (&store);
  if (dir != NULL)
    kab_test_remove_tree (dir);
  return status;
}
