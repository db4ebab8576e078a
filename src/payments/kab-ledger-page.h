/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-ledger-page.h: the ledger of the practice for a month, or of one client, with running balances */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_LEDGER_PAGE (kab_ledger_page_get_type ())

G_DECLARE_FINAL_TYPE (KabLedgerPage, kab_ledger_page, KAB, LEDGER_PAGE, AdwBin)

GtkWidget  *kab_ledger_page_new               (KabStore      *store);
gint64      kab_ledger_page_get_client_id     (KabLedgerPage *self);
void        kab_ledger_page_set_client_id     (KabLedgerPage *self,
                                               gint64         client_id);
GDateTime  *kab_ledger_page_get_month         (KabLedgerPage *self);
void        kab_ledger_page_set_month         (KabLedgerPage *self,
                                               GDateTime     *month);
GListModel *kab_ledger_page_get_entries       (KabLedgerPage *self);
KabPayment *kab_ledger_page_get_selected_payment (KabLedgerPage *self);
void        kab_ledger_page_choose_client     (KabLedgerPage *self);

G_END_DECLS
