/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-print-save.c: asking where to save a document as PDF, then saving it there */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-print-save.h"

typedef struct
{
  KabPrintDocument  *document;
  KabPrintSavedFunc  func;
  gpointer           user_data;
  GDestroyNotify     destroy;
} SaveAs;

static void
save_as_free (SaveAs *save)
{
  g_clear_object (&save->document);
  if (save->destroy != NULL)
    save->destroy (save->user_data);
  g_free (save);
}

static void
on_response (GtkNativeDialog *dialog,
             int              response,
             SaveAs          *save)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Documents can only be saved in a local folder."));
      else
        kab_print_document_export_pdf (save->document, path, &error);

      save->func (error == NULL ? path : NULL, error, save->user_data);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  save_as_free (save);
}

/**
 * kab_print_document_save_as:
 * @parent: (nullable): the window the file chooser belongs to
 * @title: the file chooser's title, e.g. "Save Receipt as PDF"
 * @suggested_name: the file name to offer
 * @func: told where the document was saved, or why not
 *
 * Asks where to save @document, then writes it there as PDF, readable by the user only.
 */
void
kab_print_document_save_as (KabPrintDocument  *document,
                            GtkWindow         *parent,
                            const char        *title,
                            const char        *suggested_name,
                            KabPrintSavedFunc  func,
                            gpointer           user_data,
                            GDestroyNotify     destroy)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  SaveAs *save = g_new0 (SaveAs, 1);

  g_return_if_fail (KAB_IS_PRINT_DOCUMENT (document));
  g_return_if_fail (func != NULL);

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  save->document = g_object_ref (document);
  save->func = func;
  save->user_data = user_data;
  save->destroy = destroy;
  g_signal_connect (chooser, "response", G_CALLBACK (on_response), save);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
