/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-bookkeeping-export.h: charges and payments for the accountant, as CSV or SIE 4 */

#pragma once

#include "kab-store.h"

G_BEGIN_DECLS

typedef enum
{
  KAB_CSV_DIALECT_COMMA,      /* "," between fields, "." in amounts (English) */
  KAB_CSV_DIALECT_SEMICOLON,  /* ";" between fields, "," in amounts (sv, nb, ru, …) */
} KabCsvDialect;

KabCsvDialect kab_csv_dialect_for_locale     (void);
char         *kab_csv_escape_cell             (const char     *text);
char         *kab_bookkeeping_csv             (KabStore       *store,
                                               GDateTime      *from,
                                               GDateTime      *to,
                                               KabCsvDialect   dialect,
                                               guint          *out_rows,
                                               GError        **error);
GBytes       *kab_bookkeeping_sie             (KabStore       *store,
                                               GDateTime      *from,
                                               GDateTime      *to,
                                               GDateTime      *now,
                                               GError        **error);
gboolean      kab_bookkeeping_write_file      (GFile          *file,
                                               const void     *data,
                                               gsize           size,
                                               GError        **error);

G_END_DECLS
