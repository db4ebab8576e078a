/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-search.h: search every client's journal; each note shown is logged */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_JOURNAL_SEARCH (kab_journal_search_get_type ())

G_DECLARE_FINAL_TYPE (KabJournalSearch, kab_journal_search, KAB, JOURNAL_SEARCH, AdwWindow)

KabJournalSearch *kab_journal_search_new         (KabStore         *store);
void              kab_journal_search_set_query   (KabJournalSearch *self,
                                                  const char       *query);
GListModel       *kab_journal_search_get_results (KabJournalSearch *self);
gboolean          kab_journal_search_flush_log   (KabJournalSearch *self,
                                                  GError          **error);

G_END_DECLS
