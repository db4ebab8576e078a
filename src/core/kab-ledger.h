/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-ledger.h: a ledger of a client or of the practice, built from the store, with running balances */

#pragma once

#include "kab-ledger-entry.h"
#include "kab-store.h"

G_BEGIN_DECLS

GPtrArray *kab_ledger_build (KabStore   *store,
                             gint64      client_id,
                             GDateTime  *from,
                             GDateTime  *to,
                             GError    **error);
void       kab_ledger_merge (GListStore *entries,
                             GPtrArray  *fresh);

G_END_DECLS
