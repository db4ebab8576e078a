/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-pending.h: the side record of a write under way (kab-store-pending.c); store-private */

#pragma once

#include "kab-journal-entry.h"
#include "kab-store.h"

G_BEGIN_DECLS

typedef struct _KabStorePending KabStorePending;

typedef enum {
  KAB_PENDING_SAVE,    /* insert when the id is 0, else update */
  KAB_PENDING_INSERT,
  KAB_PENDING_UPDATE,
  KAB_PENDING_DELETE,
} KabPendingOp;

/* Before a user-level write: what it writes. Inside a transaction, ignored. */
void kab_store_pending_payment (KabStore        *self,
                                KabPayment      *payment,
                                KabPendingOp     op);
void kab_store_pending_charge  (KabStore        *self,
                                KabCharge       *charge,
                                KabPendingOp     op);
void kab_store_pending_session (KabStore        *self,
                                KabSession      *session,
                                KabPendingOp     op);
void kab_store_pending_client  (KabStore        *self,
                                KabClient       *client,
                                GDateTime       *now);
void kab_store_pending_journal (KabStore        *self,
                                KabJournalEntry *entry,
                                GDateTime       *now);

/* Where the write ends (kab-store.c's commit, rollback and single statements). */
void kab_store_pending_finish  (KabStore        *self,
                                gboolean         ok,
                                int              rc);
void kab_store_pending_commit_failed (KabStore *self,
                                      int       rc);
/* At open. */
void kab_store_pending_check   (KabStore        *self);
void kab_store_pending_close   (KabStore        *self);

G_END_DECLS
