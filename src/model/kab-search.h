/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-search.h: how every client search folds and matches what the user types */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *kab_search_fold         (const char         *text);
char     *kab_search_dup_digits   (const char         *text);
char    **kab_search_split        (const char         *query);
gboolean  kab_search_matches      (const char         *key,
                                   const char * const *words);
gboolean  kab_search_words_within (const char * const *words,
                                   const char * const *within);

G_END_DECLS
