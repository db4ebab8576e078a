/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-row.h: one entry in a client's journal: when, what kind, its state, its text */

#pragma once

#include <gtk/gtk.h>

#include "kab-journal-entry.h"

G_BEGIN_DECLS

#define KAB_TYPE_JOURNAL_ROW (kab_journal_row_get_type ())

G_DECLARE_FINAL_TYPE (KabJournalRow, kab_journal_row, KAB, JOURNAL_ROW, GtkWidget)

GtkWidget *kab_journal_row_new       (void);
void       kab_journal_row_set_entry (KabJournalRow   *self,
                                      KabJournalEntry *entry);

G_END_DECLS
