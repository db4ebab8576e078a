/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-print-layout-private.h: the print markup's blocks and their pages, shared by the
 * PDF export and the print operation of KabPrintDocument */

#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef enum
{
  KAB_PRINT_BLOCK_TITLE,
  KAB_PRINT_BLOCK_HEADING,
  KAB_PRINT_BLOCK_PARAGRAPH,
  KAB_PRINT_BLOCK_BULLET,
} KabPrintBlockKind;

typedef struct
{
  KabPrintBlockKind  kind;
  char              *text;   /* source lines joined; '\n' only around signature lines */
} KabPrintBlock;

/* Where the text goes, in the cairo context's units (points): the paper less the margins. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} KabPrintFrame;

typedef struct _KabPrintLayout KabPrintLayout;

GPtrArray      *kab_print_blocks_parse           (const char            *text);

void            kab_print_frame_for_paper        (KabPrintFrame         *frame,
                                                  double                 width_pt,
                                                  double                 height_pt);

KabPrintLayout *kab_print_layout_new             (PangoContext          *context,
                                                  const KabPrintFrame   *frame,
                                                  GPtrArray             *blocks,
                                                  const char            *header,
                                                  const char            *footer_note,
                                                  const char            *language);
void            kab_print_layout_free            (KabPrintLayout        *layout);
gboolean        kab_print_layout_is_valid_for    (KabPrintLayout        *layout,
                                                  PangoContext          *context,
                                                  const KabPrintFrame   *frame);
guint           kab_print_layout_get_n_pages     (KabPrintLayout        *layout);
void            kab_print_layout_draw_page       (KabPrintLayout        *layout,
                                                  cairo_t               *cr,
                                                  guint                  page_nr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KabPrintLayout, kab_print_layout_free)

G_END_DECLS
