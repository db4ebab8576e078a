/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-document.h: a client's journal and access log as print text and documents */

#pragma once

#include "kab-print-document.h"
#include "kab-store.h"

G_BEGIN_DECLS

gboolean          kab_journal_document_append_entries (GString     *out,
                                                       KabStore    *store,
                                                       gint64       client_id,
                                                       GDateTime   *from,
                                                       GDateTime   *to,
                                                       GError     **error);
gboolean          kab_journal_document_append_access  (GString     *out,
                                                       KabStore    *store,
                                                       gint64       client_id,
                                                       GError     **error);
KabPrintDocument *kab_journal_document_new            (KabStore    *store,
                                                       gint64       client_id,
                                                       GDateTime   *from,
                                                       GDateTime   *to,
                                                       GError     **error);
KabPrintDocument *kab_journal_document_new_access_log (KabStore    *store,
                                                       gint64       client_id,
                                                       GError     **error);
char             *kab_journal_format_moment           (GDateTime   *time);
char             *kab_journal_dup_status              (KabJournalEntry *entry);

G_END_DECLS
