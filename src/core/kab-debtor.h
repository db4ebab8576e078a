/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-debtor.h: a client who owes, with how much and since when (a line of the debt list) */

#pragma once

#include "kab-client.h"

G_BEGIN_DECLS

#define KAB_TYPE_DEBTOR (kab_debtor_get_type ())

G_DECLARE_FINAL_TYPE (KabDebtor, kab_debtor, KAB, DEBTOR, GObject)

KabDebtor  *kab_debtor_new            (KabClient  *client,
                                       gint64      amount,
                                       GDateTime  *since);
KabClient  *kab_debtor_get_client     (KabDebtor  *self);
gint64      kab_debtor_get_amount     (KabDebtor  *self);
void        kab_debtor_set_amount     (KabDebtor  *self,
                                       gint64      amount);
GDateTime  *kab_debtor_get_since      (KabDebtor  *self);
void        kab_debtor_set_since      (KabDebtor  *self,
                                       GDateTime  *since);
int         kab_debtor_compare        (KabDebtor  *a,
                                       KabDebtor  *b);
char       *kab_debtor_dup_age_text   (KabDebtor  *self,
                                       GDateTime  *now);

G_END_DECLS
