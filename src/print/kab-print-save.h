/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-print-save.h: asking where to save a document as PDF, then saving it there */

#pragma once

#include "kab-print-document.h"

G_BEGIN_DECLS

/* Called once the document is saved (@path set) or could not be (@error set); neither
 * when the user cancels. */
typedef void (*KabPrintSavedFunc) (const char   *path,
                                   const GError *error,
                                   gpointer      user_data);

void kab_print_document_save_as (KabPrintDocument  *document,
                                 GtkWindow         *parent,
                                 const char        *title,
                                 const char        *suggested_name,
                                 KabPrintSavedFunc  func,
                                 gpointer           user_data,
                                 GDestroyNotify     destroy);

G_END_DECLS
