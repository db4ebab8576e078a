/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-journal.h: the clinical record in the store: entries, signing, corrections,
 * deletion by the country's rule, the access log and search */

#pragma once

#include "kab-journal-entry.h"

G_BEGIN_DECLS

/* Search matches parts of words by trigrams: a query needs this many characters. */
#define KAB_JOURNAL_SEARCH_MIN_CHARS 3

/* One row of a client's journal access log. */
typedef struct
{
  GDateTime        *at;
  gint64            client_id;
  gint64            entry_id;   /* 0: the whole journal */
  KabJournalAction  action;
  char             *detail;
} KabJournalAccess;

void         kab_journal_access_free               (KabJournalAccess *access);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KabJournalAccess, kab_journal_access_free)

GListModel      *kab_store_list_journal            (KabStore          *self,
                                                    gint64             client_id,
                                                    GDateTime         *from,
                                                    GDateTime         *to,
                                                    GError           **error);
GListModel      *kab_store_search_journal          (KabStore          *self,
                                                    gint64             client_id,
                                                    const char        *query,
                                                    GError           **error);
GListModel      *kab_store_search_practice_journal (KabStore          *self,
                                                    const char        *query,
                                                    guint              max_results,
                                                    GError           **error);
KabJournalEntry *kab_store_load_journal_entry      (KabStore          *self,
                                                    gint64             id,
                                                    GError           **error);
KabJournalEntry *kab_store_find_session_journal_entry (KabStore       *self,
                                                       gint64          session_id,
                                                       GError        **error);
gboolean         kab_store_save_journal_draft      (KabStore          *self,
                                                    KabJournalEntry   *entry,
                                                    GError           **error);
gboolean         kab_store_sign_journal_entry      (KabStore          *self,
                                                    KabJournalEntry   *entry,
                                                    GError           **error);
gboolean         kab_store_correct_journal_entry   (KabStore          *self,
                                                    KabJournalEntry   *entry,
                                                    const char        *reason,
                                                    const char        *text,
                                                    GError           **error);
gboolean         kab_store_record_journal_objection (KabStore         *self,
                                                     KabJournalEntry  *entry,
                                                     const char       *objection,
                                                     GError          **error);
GPtrArray       *kab_store_list_journal_corrections (KabStore         *self,
                                                     gint64            entry_id,
                                                     GError          **error);
gboolean         kab_store_delete_journal_entry    (KabStore          *self,
                                                    KabJournalEntry   *entry,
                                                    const char        *reason,
                                                    GDateTime         *decided,
                                                    GError           **error);
gboolean         kab_store_log_journal_access      (KabStore          *self,
                                                    gint64             client_id,
                                                    gint64             entry_id,
                                                    KabJournalAction   action,
                                                    const char        *detail,
                                                    GError           **error);
gboolean         kab_store_log_journal_entries_access (KabStore       *self,
                                                       GPtrArray      *entries,
                                                       KabJournalAction action,
                                                       const char     *detail,
                                                       GError        **error);
GPtrArray       *kab_store_list_journal_access     (KabStore          *self,
                                                    gint64             client_id,
                                                    GError           **error);
gboolean         kab_store_count_journal_to_sign   (KabStore          *self,
                                                    GDateTime         *now,
                                                    guint             *out_count,
                                                    GError           **error);
GListModel      *kab_store_list_journal_to_sign    (KabStore          *self,
                                                    GDateTime         *now,
                                                    GError           **error);

/* The structured template (headings) per language: the practitioner's own or the default. */
char            *kab_store_dup_journal_template    (KabStore          *self,
                                                    const char        *language);
gboolean         kab_store_save_journal_template   (KabStore          *self,
                                                    const char        *language,
                                                    const char        *body,
                                                    GError           **error);

G_END_DECLS
