/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-documents.c: a client's receipts, invoices and statements, from the client's details */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-client-documents.h"
#include "kab-print-job.h"
#include "kab-print-save.h"
#include "kab-store-documents.h"
#include "core/kab-documents.h"
#include "kab-text.h"

static void
add_toast (GtkWidget  *widget,
           const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = g_markup_escape_text (text, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

/* What a document being saved needs once it is: where to say so, which invoice. */
typedef struct
{
  GtkWidget *widget;
  KabStore  *store;
  gint64     invoice_id;
} Saving;

static Saving *
saving_new (GtkWidget *widget,
            KabStore  *store,
            gint64     invoice_id)
{
  Saving *saving = g_new0 (Saving, 1);

  saving->widget = g_object_ref (widget);
  saving->store = g_object_ref (store);
  saving->invoice_id = invoice_id;
  return saving;
}

static void
saving_free (Saving *saving)
{
  g_clear_object (&saving->widget);
  g_clear_object (&saving->store);
  g_free (saving);
}

static void
on_saved (const char   *path,
          const GError *error,
          gpointer      user_data)
{
  Saving *saving = user_data;
  g_autoptr(GError) sent_error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *isolated = NULL;
  g_autofree char *text = NULL;

  if (error != NULL)
    {
      add_toast (saving->widget, error->message);
      return;
    }

  /* an invoice saved is an invoice sent */
  if (saving->invoice_id != 0 &&
      !kab_store_mark_invoice_sent (saving->store, saving->invoice_id, NULL, &sent_error))
    g_warning ("Could not mark invoice %" G_GINT64_FORMAT " sent: %s", saving->invoice_id,
               sent_error->message);

  shown = g_filename_display_name (path);
  isolated = kab_isolate (shown);
  /* Translators: %s is the full path of the PDF file, so that the user finds it */
  text = g_strdup_printf (_("Saved in “%s”"), isolated);
  add_toast (saving->widget, text);
}

static void
save_document (GtkWidget        *widget,
               KabStore         *store,
               KabPrintDocument *document,
               const char       *title,
               const char       *name,
               gint64            invoice_id)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  kab_print_document_save_as (document, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                              title, name, on_saved, saving_new (widget, store, invoice_id),
                              (GDestroyNotify)saving_free);
}

static void
on_receipt_clicked (GtkButton *button,
                    KabStore  *store)
{
  KabPayment *payment = g_object_get_data (G_OBJECT (button), "payment");
  g_autoptr(KabPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  document = kab_documents_make_receipt (store, payment, NULL, &name, &error);
  if (document == NULL)
    {
      add_toast (GTK_WIDGET (button), error->message);
      return;
    }

  save_document (GTK_WIDGET (button), store, document, _("Save Receipt as PDF"), name, 0);
}

static void
on_receipt_printed (GtkPrintOperationResult  result,
                    const GError            *error,
                    gpointer                 user_data)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    add_toast (user_data, error->message);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    add_toast (user_data, _("The receipt was sent to the printer."));
}

/* The receipt through the print dialog, drawn as its PDF and named alike. */
static void
on_print_receipt_clicked (GtkButton *button,
                          KabStore  *store)
{
  KabPayment *payment = g_object_get_data (G_OBJECT (button), "payment");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  /* the toast goes to the overlay: the row may be rebuilt while the dialog is open */
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(KabPrintDocument) document = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  document = kab_documents_make_receipt (store, payment, NULL, &name, &error);
  if (document == NULL)
    {
      add_toast (GTK_WIDGET (button), error->message);
      return;
    }

  operation = kab_print_job_new (document, name);
  kab_print_job_run (operation, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                     on_receipt_printed, g_object_ref (overlay != NULL ? overlay : GTK_WIDGET (button)),
                     g_object_unref);
}

static void
add_button (AdwActionRow *row,
            KabStore     *store,
            KabPayment   *payment,
            const char   *icon_name,
            const char   *label,
            GCallback     clicked)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "payment", g_object_ref (payment), g_object_unref);
  g_signal_connect_object (button, "clicked", clicked, store, 0);
  adw_action_row_add_suffix (row, button);
}

/**
 * kab_client_documents_add_receipt_button:
 * @row: a row of the client's latest payments
 * @payment: its payment
 *
 * Adds buttons that print the payment's receipt through the print dialog and save it as
 * PDF, in the client's language.
 */
void
kab_client_documents_add_receipt_button (AdwActionRow *row,
                                         KabStore     *store,
                                         KabPayment   *payment)
{
  add_button (row, store, payment, "document-print-symbolic", _("Print Receipt"),
              G_CALLBACK (on_print_receipt_clicked));
  add_button (row, store, payment, "document-save-symbolic", _("Save Receipt as PDF"),
              G_CALLBACK (on_receipt_clicked));
}

/* The Documents menu of a client: an invoice, a statement, the documents' language. */

static gint64
menu_client_id (GtkWidget *button)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "client-id"));
}

static GDateTime *
month_start (GDateTime *time,
             int        months)
{
  g_autoptr(GDateTime) first = g_date_time_new_local (g_date_time_get_year (time),
                                                      g_date_time_get_month (time), 1, 0, 0, 0);

  return g_date_time_add_months (first, months);
}

static void
on_invoice (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  GtkWidget *button = user_data;
  KabStore *store = g_object_get_data (G_OBJECT (button), "store");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) from = month_start (now, -1);
  g_autoptr(GDateTime) to = month_start (now, 0);
  g_autoptr(KabPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 invoice_id = 0;

  document = kab_documents_make_invoice (store, menu_client_id (button), from, to, now,
                                         &invoice_id, &name, &error);
  if (document == NULL)
    {
      add_toast (button, error->message);
      return;
    }
  save_document (button, store, document, _("Save Invoice as PDF"), name, invoice_id);
}

static void
on_invoice_printed (GtkPrintOperationResult  result,
                    const GError            *error,
                    gpointer                 user_data)
{
  Saving *saving = user_data;
  g_autoptr(GError) sent_error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      add_toast (saving->widget, error->message);
      return;
    }
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    return;

  /* an invoice printed is an invoice sent */
  if (!kab_store_mark_invoice_sent (saving->store, saving->invoice_id, NULL, &sent_error))
    g_warning ("Could not mark invoice %" G_GINT64_FORMAT " sent: %s", saving->invoice_id,
               sent_error->message);
  add_toast (saving->widget, _("The invoice was sent to the printer."));
}

/* Last month's invoice through the print dialog, drawn as its PDF and named alike. */
static void
on_print_invoice (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWidget *button = user_data;
  KabStore *store = g_object_get_data (G_OBJECT (button), "store");
  GtkRoot *root = gtk_widget_get_root (button);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) from = month_start (now, -1);
  g_autoptr(GDateTime) to = month_start (now, 0);
  g_autoptr(KabPrintDocument) document = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 invoice_id = 0;

  document = kab_documents_make_invoice (store, menu_client_id (button), from, to, now,
                                         &invoice_id, &name, &error);
  if (document == NULL)
    {
      add_toast (button, error->message);
      return;
    }
  operation = kab_print_job_new (document, name);
  kab_print_job_run (operation, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                     on_invoice_printed, saving_new (button, store, invoice_id),
                     (GDestroyNotify)saving_free);
}

/* The statement of @year, up to today when it is this year. */
static void
save_statement (GtkWidget *button,
                int        year)
{
  KabStore *store = g_object_get_data (G_OBJECT (button), "store");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) from = g_date_time_new_local (year, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) to = year < g_date_time_get_year (now)
                            ? g_date_time_new_local (year + 1, 1, 1, 0, 0, 0)
                            : g_date_time_add_days (today, 1);
  g_autoptr(KabPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  document = kab_documents_make_statement (store, menu_client_id (button), from, to, &name, &error);
  if (document == NULL)
    {
      add_toast (button, error->message);
      return;
    }
  save_document (button, store, document, _("Save Statement as PDF"), name, 0);
}

static void
on_statement (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  save_statement (user_data, g_date_time_get_year (now));
}

static void
on_statement_last_year (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  save_statement (user_data, g_date_time_get_year (now) - 1);
}

static void
on_language (GSimpleAction *action,
             GVariant      *value,
             gpointer       user_data)
{
  GtkWidget *button = user_data;
  KabStore *store = g_object_get_data (G_OBJECT (button), "store");
  g_autoptr(GError) error = NULL;

  if (!kab_store_set_client_language (store, menu_client_id (button),
                                      g_variant_get_string (value, NULL), &error))
    {
      add_toast (button, error->message);
      return;
    }
  g_simple_action_set_state (action, value);
}

static GMenuModel *
documents_menu (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) documents = g_menu_new ();
  g_autoptr(GMenu) languages = g_menu_new ();

  g_menu_append (documents, _("_Invoice for Last Month…"), "documents.invoice");
  g_menu_append (documents, _("_Print Invoice for Last Month…"), "documents.print-invoice");
  g_menu_append (documents, _("_Statement of This Year…"), "documents.statement");
  g_menu_append (documents, _("Statement of _Last Year…"), "documents.statement-last-year");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (documents));
  /* The languages a client's documents can be written in, each in its own language */
  g_menu_append (languages, "English", "documents.language::en");
  g_menu_append (languages, "Svenska", "documents.language::sv");
  g_menu_append (languages, "Norsk bokmål", "documents.language::nb");
  g_menu_append (languages, "Русский", "documents.language::ru");
  g_menu_append_section (menu, _("Language of Documents"), G_MENU_MODEL (languages));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/**
 * kab_client_documents_new_menu_button:
 *
 * Returns: (transfer floating): a menu button that makes the client's invoice for last
 *   month and statement of this year, and chooses the language of the client's documents
 */
GtkWidget *
kab_client_documents_new_menu_button (KabStore *store)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GMenuModel) menu = documents_menu ();
  const GActionEntry entries[] = {
    { "invoice", on_invoice, NULL, NULL, NULL, { 0 } },
    { "print-invoice", on_print_invoice, NULL, NULL, NULL, { 0 } },
    { "statement", on_statement, NULL, NULL, NULL, { 0 } },
    { "statement-last-year", on_statement_last_year, NULL, NULL, NULL, { 0 } },
    { "language", NULL, "s", "'en'", on_language, { 0 } },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), button);
  gtk_widget_insert_action_group (button, "documents", G_ACTION_GROUP (group));
  g_object_set_data (G_OBJECT (button), "actions", group);
  g_object_set_data_full (G_OBJECT (button), "store", g_object_ref (store), g_object_unref);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_Documents"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/**
 * kab_client_documents_set_client:
 * @button: a button from kab_client_documents_new_menu_button()
 */
void
kab_client_documents_set_client (GtkWidget *button,
                                 gint64     client_id)
{
  KabStore *store = g_object_get_data (G_OBJECT (button), "store");
  GActionMap *group = g_object_get_data (G_OBJECT (button), "actions");
  g_autofree char *language = kab_store_dup_client_language (store, client_id);

  g_object_set_data (G_OBJECT (button), "client-id", GSIZE_TO_POINTER ((gsize)client_id));
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (group, "language")),
                             g_variant_new_string (language));
}
