/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-page-preview.h: a document's A4 pages drawn on screen, one below the other */

#pragma once

#include <gtk/gtk.h>

#include "kab-print-document.h"

G_BEGIN_DECLS

#define KAB_TYPE_PAGE_PREVIEW (kab_page_preview_get_type ())

G_DECLARE_FINAL_TYPE (KabPagePreview, kab_page_preview, KAB, PAGE_PREVIEW, GtkWidget)

GtkWidget        *kab_page_preview_new          (void);
KabPrintDocument *kab_page_preview_get_document (KabPagePreview   *self);
void              kab_page_preview_set_document (KabPagePreview   *self,
                                                 KabPrintDocument *document);
guint             kab_page_preview_get_n_pages  (KabPagePreview   *self);

G_END_DECLS
