/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-date-format.h: dates in tables, on documents and inside sentences, in the locale's words */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *kab_date_format_table       (GDateTime  *date);
char *kab_date_format_document    (GDateTime  *date);
char *kab_date_format_in_sentence (GDateTime  *date,
                                   const char *format);
char *kab_date_format_years       (int         n,
                                   const char *language);

G_END_DECLS
