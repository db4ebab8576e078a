/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-print-job.c: printing a document through the GTK print dialog, named as its PDF */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kab-print-job.h"
#include "kab-text.h"

/* The printer and options chosen last time for a document printed this way. */
static GtkPrintSettings *last_print_settings;

/**
 * kab_print_job_new:
 * @file_name: the name the document would be saved as ("invoice-2026-3.pdf")
 *
 * A print operation for @document, drawn by the same Pango/Cairo code as its PDF, with
 * the printer and options chosen last time, and @file_name (less ".pdf") as the name
 * "Print to File" offers.
 *
 * Returns: (transfer full): the operation, not yet run
 */
GtkPrintOperation *
kab_print_job_new (KabPrintDocument *document,
                   const char       *file_name)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (KAB_IS_PRINT_DOCUMENT (document), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  operation = kab_print_document_create_print_operation (document);
  kab_print_document_use_settings (document, operation, last_print_settings);

  /* GTK adds the extension of the format chosen in the dialog. */
  wanted = g_strdup (file_name);
  if (g_str_has_suffix (wanted, ".pdf"))
    wanted[strlen (wanted) - strlen (".pdf")] = '\0';
  base = kab_file_name_from (wanted);
  settings = gtk_print_settings_copy (gtk_print_operation_get_print_settings (operation));
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, base);
  gtk_print_operation_set_print_settings (operation, settings);

  return operation;
}

typedef struct
{
  KabPrintJobDoneFunc func;
  gpointer            user_data;
  GDestroyNotify      destroy;
  GtkPrintOperation  *operation;   /* kept alive until it is done */
  gboolean            finished;
} Job;

static void
finish (Job                     *job,
        GtkPrintOperation       *operation,
        GtkPrintOperationResult  result,
        const GError            *error)
{
  g_autoptr(GError) fallback = NULL;

  if (job->finished)
    return;
  job->finished = TRUE;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_print_settings, gtk_print_operation_get_print_settings (operation));
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error == NULL)
    {
      g_set_error_literal (&fallback, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The document could not be printed."));
      error = fallback;
    }
  job->func (result, error, job->user_data);
  g_clear_object (&job->operation);
}

static void
job_free (gpointer  data,
          GClosure *closure)
{
  Job *job = data;

  if (job->destroy != NULL)
    job->destroy (job->user_data);
  g_free (job);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         Job                     *job)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  finish (job, operation, result, error);
}

/**
 * kab_print_job_run:
 * @operation: from kab_print_job_new()
 * @parent: (nullable): the window the print dialog belongs to
 * @func: told once when the print dialog is done
 *
 * Opens the print dialog and returns; @func is called when the document was printed,
 * the user cancelled, or printing failed. The printer and options chosen are offered
 * again next time.
 */
void
kab_print_job_run (GtkPrintOperation   *operation,
                   GtkWindow           *parent,
                   KabPrintJobDoneFunc  func,
                   gpointer             user_data,
                   GDestroyNotify       destroy)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));
  g_return_if_fail (func != NULL);

  job->func = func;
  job->user_data = user_data;
  job->destroy = destroy;
  job->operation = g_object_ref (operation);
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* the job lives as long as the operation's handler */
  g_signal_connect_data (operation, "done", G_CALLBACK (on_done), job, job_free, 0);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    finish (job, operation, result, error);
}
