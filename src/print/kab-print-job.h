/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-print-job.h: printing a document through the GTK print dialog, named as its PDF */

#pragma once

#include "kab-print-document.h"

G_BEGIN_DECLS

/* Called once, when the print dialog is done: APPLY (sent to the printer or printed to a
 * file), CANCEL, or ERROR with @error set. */
typedef void (*KabPrintJobDoneFunc) (GtkPrintOperationResult  result,
                                     const GError            *error,
                                     gpointer                 user_data);

GtkPrintOperation *kab_print_job_new (KabPrintDocument    *document,
                                      const char          *file_name);
void               kab_print_job_run (GtkPrintOperation   *operation,
                                      GtkWindow           *parent,
                                      KabPrintJobDoneFunc  func,
                                      gpointer             user_data,
                                      GDestroyNotify       destroy);

G_END_DECLS
