/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-to-sign.h: how many journal entries wait more than a day for a signature,
 * and a list of them to open */

#pragma once

#include <gtk/gtk.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_JOURNAL_TO_SIGN (kab_journal_to_sign_get_type ())

G_DECLARE_FINAL_TYPE (KabJournalToSign, kab_journal_to_sign, KAB, JOURNAL_TO_SIGN, GtkWidget)

void  kab_journal_to_sign_set_store (KabJournalToSign *self,
                                     KabStore         *store);
void  kab_journal_to_sign_refresh   (KabJournalToSign *self);
guint kab_journal_to_sign_get_count (KabJournalToSign *self);

G_END_DECLS
