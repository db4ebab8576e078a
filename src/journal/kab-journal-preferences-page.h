/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-preferences-page.h: the journal's structured templates, per language */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_JOURNAL_PREFERENCES_PAGE (kab_journal_preferences_page_get_type ())

G_DECLARE_FINAL_TYPE (KabJournalPreferencesPage, kab_journal_preferences_page, KAB,
                      JOURNAL_PREFERENCES_PAGE, AdwPreferencesPage)

GtkWidget *kab_journal_preferences_page_new (KabStore *store);

G_END_DECLS
