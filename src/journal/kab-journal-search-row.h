/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-search-row.h: one found journal entry: whose, when, and the words around
 * the match */

#pragma once

#include <gtk/gtk.h>

#include "kab-journal-entry.h"

G_BEGIN_DECLS

#define KAB_TYPE_JOURNAL_SEARCH_ROW (kab_journal_search_row_get_type ())

G_DECLARE_FINAL_TYPE (KabJournalSearchRow, kab_journal_search_row, KAB, JOURNAL_SEARCH_ROW, GtkWidget)

GtkWidget *kab_journal_search_row_new       (void);
void       kab_journal_search_row_set_entry (KabJournalSearchRow *self,
                                             KabJournalEntry     *entry,
                                             const char          *client_name,
                                             const char          *query);

G_END_DECLS
