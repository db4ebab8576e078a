/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-entry.h: one note of a client's clinical record, its kinds and signing */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What an entry records. Stored by nick (kab_journal_kind_to_nick). */
typedef enum {
  KAB_JOURNAL_KIND_SESSION,
  KAB_JOURNAL_KIND_PHONE,
  KAB_JOURNAL_KIND_MESSAGE,
  KAB_JOURNAL_KIND_CONSULTATION,
  KAB_JOURNAL_KIND_NOTE,
  KAB_JOURNAL_N_KINDS
} KabJournalKind;

/* What the access log records. Stored by nick (kab_journal_action_to_nick). */
typedef enum {
  KAB_JOURNAL_ACTION_OPENED,
  KAB_JOURNAL_ACTION_PRINTED,
  KAB_JOURNAL_ACTION_EXPORTED,
  KAB_JOURNAL_ACTION_SIGNED,
  KAB_JOURNAL_ACTION_CORRECTED,
  KAB_JOURNAL_ACTION_DELETED,
  KAB_JOURNAL_ACTION_OBJECTION,
  KAB_JOURNAL_ACTION_SEARCHED,    /* shown, with a snippet, in a practice-wide search */
  KAB_JOURNAL_N_ACTIONS
} KabJournalAction;

const char     *kab_journal_kind_to_label   (KabJournalKind    kind);
const char     *kab_journal_kind_to_nick    (KabJournalKind    kind);
gboolean        kab_journal_kind_from_nick  (const char       *nick,
                                             KabJournalKind   *out);
const char     *kab_journal_action_to_label (KabJournalAction  action);
const char     *kab_journal_action_to_nick  (KabJournalAction  action);
gboolean        kab_journal_action_from_nick (const char      *nick,
                                              KabJournalAction *out);

/* The structured template's headings in @language ("sv", "nb", "ru", else English),
 * as a text with one heading a paragraph, ready to write under. */
char           *kab_journal_default_template (const char      *language);

/* A dated correction of a signed entry, or a client's objection attached to it: rows of
 * their own, never edits of the entry. */
typedef struct
{
  gint64     id;
  gint64     entry_id;
  GDateTime *made_at;
  char      *made_by;      /* name and title of who made it */
  char      *reason;
  char      *text;         /* the corrected text, or the objection */
  gboolean   objection;    /* a client's objection (Sweden), not a correction */
} KabJournalCorrection;

void            kab_journal_correction_free (KabJournalCorrection *correction);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KabJournalCorrection, kab_journal_correction_free)

#define KAB_TYPE_JOURNAL_ENTRY (kab_journal_entry_get_type ())

G_DECLARE_FINAL_TYPE (KabJournalEntry, kab_journal_entry, KAB, JOURNAL_ENTRY, GObject)

KabJournalEntry *kab_journal_entry_new              (void);
KabJournalEntry *kab_journal_entry_copy             (KabJournalEntry *self);
gboolean         kab_journal_entry_validate         (KabJournalEntry *self,
                                                     GError         **error);

gint64           kab_journal_entry_get_id           (KabJournalEntry *self);
void             kab_journal_entry_set_id           (KabJournalEntry *self,
                                                     gint64           id);
gint64           kab_journal_entry_get_client_id    (KabJournalEntry *self);
void             kab_journal_entry_set_client_id    (KabJournalEntry *self,
                                                     gint64           client_id);
gint64           kab_journal_entry_get_session_id   (KabJournalEntry *self);
void             kab_journal_entry_set_session_id   (KabJournalEntry *self,
                                                     gint64           session_id);
KabJournalKind   kab_journal_entry_get_kind         (KabJournalEntry *self);
void             kab_journal_entry_set_kind         (KabJournalEntry *self,
                                                     KabJournalKind   kind);
GDateTime       *kab_journal_entry_get_occurred     (KabJournalEntry *self);
void             kab_journal_entry_set_occurred     (KabJournalEntry *self,
                                                     GDateTime       *occurred);
const char      *kab_journal_entry_get_text         (KabJournalEntry *self);
void             kab_journal_entry_set_text         (KabJournalEntry *self,
                                                     const char      *text);
GDateTime       *kab_journal_entry_get_updated      (KabJournalEntry *self);
void             kab_journal_entry_set_updated      (KabJournalEntry *self,
                                                     GDateTime       *updated);
GDateTime       *kab_journal_entry_get_signed_at    (KabJournalEntry *self);
void             kab_journal_entry_set_signed_at    (KabJournalEntry *self,
                                                     GDateTime       *signed_at);
const char      *kab_journal_entry_get_signed_by    (KabJournalEntry *self);
void             kab_journal_entry_set_signed_by    (KabJournalEntry *self,
                                                     const char      *signed_by);
gboolean         kab_journal_entry_get_imported     (KabJournalEntry *self);
void             kab_journal_entry_set_imported     (KabJournalEntry *self,
                                                     gboolean         imported);
GDateTime       *kab_journal_entry_get_deleted_at   (KabJournalEntry *self);
void             kab_journal_entry_set_deleted_at   (KabJournalEntry *self,
                                                     GDateTime       *deleted_at);
const char      *kab_journal_entry_get_deletion_reason (KabJournalEntry *self);
void             kab_journal_entry_set_deletion_reason (KabJournalEntry *self,
                                                        const char      *reason);
guint            kab_journal_entry_get_n_corrections (KabJournalEntry *self);
void             kab_journal_entry_set_n_corrections (KabJournalEntry *self,
                                                      guint            n_corrections);

gboolean         kab_journal_entry_is_signed        (KabJournalEntry *self);
gboolean         kab_journal_entry_is_deleted       (KabJournalEntry *self);

G_END_DECLS
