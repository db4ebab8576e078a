/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-editor.h: one journal entry: written as a draft saved as you type, signed,
 * then corrected openly */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_JOURNAL_EDITOR (kab_journal_editor_get_type ())

G_DECLARE_FINAL_TYPE (KabJournalEditor, kab_journal_editor, KAB, JOURNAL_EDITOR, AdwWindow)

/* Signals: "saved" () after each write of the entry (draft, signature, correction). */

KabJournalEditor *kab_journal_editor_new         (KabStore        *store,
                                                  KabJournalEntry *entry);
KabJournalEditor *kab_journal_editor_open_session (KabStore       *store,
                                                   KabSession     *session,
                                                   GtkWindow      *parent,
                                                   GError        **error);
KabJournalEntry  *kab_journal_editor_get_entry   (KabJournalEditor *self);
gboolean          kab_journal_editor_flush       (KabJournalEditor *self,
                                                  GError          **error);

G_END_DECLS
