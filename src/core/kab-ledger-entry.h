/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-ledger-entry.h: one line of a ledger (a charge, a payment or the opening balance) with its running balance */

#pragma once

#include "kab-charge.h"
#include "kab-payment.h"

G_BEGIN_DECLS

#define KAB_TYPE_LEDGER_ENTRY (kab_ledger_entry_get_type ())

G_DECLARE_FINAL_TYPE (KabLedgerEntry, kab_ledger_entry, KAB, LEDGER_ENTRY, GObject)

KabLedgerEntry *kab_ledger_entry_new_for_charge   (KabCharge      *charge,
                                                   const char     *client_name,
                                                   const char     *currency);
KabLedgerEntry *kab_ledger_entry_new_for_payment  (KabPayment     *payment,
                                                   const char     *client_name,
                                                   const char     *currency);
KabLedgerEntry *kab_ledger_entry_new_opening      (GDateTime      *date,
                                                   gint64          balance,
                                                   const char     *currency);

KabCharge      *kab_ledger_entry_get_charge       (KabLedgerEntry *self);
KabPayment     *kab_ledger_entry_get_payment      (KabLedgerEntry *self);
GDateTime      *kab_ledger_entry_get_date         (KabLedgerEntry *self);
gint64          kab_ledger_entry_get_client_id    (KabLedgerEntry *self);
const char     *kab_ledger_entry_get_client_name  (KabLedgerEntry *self);
const char     *kab_ledger_entry_get_description  (KabLedgerEntry *self);
gint64          kab_ledger_entry_get_charged      (KabLedgerEntry *self);
gint64          kab_ledger_entry_get_paid         (KabLedgerEntry *self);
gint64          kab_ledger_entry_get_balance      (KabLedgerEntry *self);
const char     *kab_ledger_entry_get_currency     (KabLedgerEntry *self);
void            kab_ledger_entry_set_balance      (KabLedgerEntry *self,
                                                   gint64          balance);
char           *kab_ledger_entry_dup_date_text    (KabLedgerEntry *self);
char           *kab_ledger_entry_dup_charged_text (KabLedgerEntry *self);
char           *kab_ledger_entry_dup_paid_text    (KabLedgerEntry *self);
char           *kab_ledger_entry_dup_balance_text (KabLedgerEntry *self);
gboolean        kab_ledger_entry_is_same_row      (KabLedgerEntry *self,
                                                   KabLedgerEntry *other);
gboolean        kab_ledger_entry_is_equal         (KabLedgerEntry *self,
                                                   KabLedgerEntry *other);

G_END_DECLS
