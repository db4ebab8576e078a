/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-print-document.h: a consent form or receipt laid out on A4, for PDF and printing */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A4 in points, and the margin the text keeps from the paper's edge. */
#define KAB_PRINT_A4_WIDTH  595.28
#define KAB_PRINT_A4_HEIGHT 841.89
#define KAB_PRINT_MARGIN    (20.0 * 72.0 / 25.4)

#define KAB_TYPE_PRINT_DOCUMENT (kab_print_document_get_type ())

G_DECLARE_FINAL_TYPE (KabPrintDocument, kab_print_document, KAB, PRINT_DOCUMENT, GObject)

/* The text is a tiny line markup:
 *
 *   # Title                    the first such line: the document's title, large and bold
 *   ## Heading                 a section heading, kept with the text after it
 *   - item                     a bullet; lines after it (indented or not) continue it
 *   (blank line)               ends a paragraph or a bullet
 *   other lines                joined into paragraphs with a space, except that a line
 *                              with "___" (a signature line) keeps its own line as written,
 *                              and a line ending in a backslash (not printed) breaks there
 *
 * Properties: "text", "header" (a small grey line at the top of every page), "footer-note"
 * (small text at the bottom of every page, beside the page number), "language" (e.g. "ru",
 * "sv", "nb": for shaping and line breaking), and the read-only "title".
 */

KabPrintDocument  *kab_print_document_new                    (const char *text);

const char        *kab_print_document_get_text               (KabPrintDocument *self);
void               kab_print_document_set_text               (KabPrintDocument *self,
                                                              const char       *text);
const char        *kab_print_document_get_header             (KabPrintDocument *self);
void               kab_print_document_set_header             (KabPrintDocument *self,
                                                              const char       *header);
const char        *kab_print_document_get_footer_note        (KabPrintDocument *self);
void               kab_print_document_set_footer_note        (KabPrintDocument *self,
                                                              const char       *footer_note);
const char        *kab_print_document_get_language           (KabPrintDocument *self);
void               kab_print_document_set_language           (KabPrintDocument *self,
                                                              const char       *language);
const char        *kab_print_document_get_title              (KabPrintDocument *self);

gboolean           kab_print_document_export_pdf             (KabPrintDocument *self,
                                                              const char       *path,
                                                              GError          **error);

guint              kab_print_document_paginate               (KabPrintDocument *self,
                                                              double            width_pt,
                                                              double            height_pt,
                                                              PangoContext     *context);
void               kab_print_document_draw_page              (KabPrintDocument *self,
                                                              cairo_t          *cr,
                                                              PangoContext     *context,
                                                              guint             page_nr,
                                                              double            width_pt,
                                                              double            height_pt);

GtkPrintOperation *kab_print_document_create_print_operation (KabPrintDocument *self);
void               kab_print_document_use_settings           (KabPrintDocument  *self,
                                                              GtkPrintOperation *operation,
                                                              GtkPrintSettings  *last);
gboolean           kab_print_document_print                  (KabPrintDocument        *self,
                                                              GtkWindow               *parent,
                                                              GtkPrintOperationAction  action,
                                                              GError                 **error);

G_END_DECLS
