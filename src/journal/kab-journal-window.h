/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-window.h: a client's whole journal: newest first, searchable, printable */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_JOURNAL_WINDOW (kab_journal_window_get_type ())

G_DECLARE_FINAL_TYPE (KabJournalWindow, kab_journal_window, KAB, JOURNAL_WINDOW, AdwWindow)

KabJournalWindow *kab_journal_window_new       (KabStore         *store,
                                                KabClient        *client);
GListModel       *kab_journal_window_get_entries (KabJournalWindow *self);
void              kab_journal_window_reload    (KabJournalWindow *self);
gboolean          kab_journal_window_save_pdf  (KabJournalWindow *self,
                                                const char       *path,
                                                GDateTime        *from,
                                                GDateTime        *to,
                                                GError          **error);
gboolean          kab_journal_window_save_access_log_pdf (KabJournalWindow *self,
                                                          const char       *path,
                                                          GError          **error);

G_END_DECLS
