/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-snippet.h: the few words around a search match, for a result list */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *kab_journal_snippet_markup (const char *text,
                                  const char *query,
                                  guint       context_chars);

G_END_DECLS
