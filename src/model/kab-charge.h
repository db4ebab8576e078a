/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-charge.h: a debit in a client's ledger: what the client is asked to pay */

#pragma once

#include <glib-object.h>

#include "kab-enums.h"

G_BEGIN_DECLS

#define KAB_TYPE_CHARGE (kab_charge_get_type ())

G_DECLARE_FINAL_TYPE (KabCharge, kab_charge, KAB, CHARGE, GObject)

KabCharge     *kab_charge_new            (void);
KabCharge     *kab_charge_copy           (KabCharge *self);
gboolean       kab_charge_validate       (KabCharge *self,
                                          GError   **error);

gint64         kab_charge_get_id         (KabCharge *self);
void           kab_charge_set_id         (KabCharge *self,
                                          gint64     id);
gint64         kab_charge_get_client_id  (KabCharge *self);
void           kab_charge_set_client_id  (KabCharge *self,
                                          gint64     client_id);
gint64         kab_charge_get_session_id (KabCharge *self);
void           kab_charge_set_session_id (KabCharge *self,
                                          gint64     session_id);
GDateTime     *kab_charge_get_date       (KabCharge *self);
void           kab_charge_set_date       (KabCharge *self,
                                          GDateTime *date);
gint64         kab_charge_get_amount     (KabCharge *self);
void           kab_charge_set_amount     (KabCharge *self,
                                          gint64     amount);
const char    *kab_charge_get_currency   (KabCharge *self);
void           kab_charge_set_currency   (KabCharge  *self,
                                          const char *currency);
KabChargeKind  kab_charge_get_kind       (KabCharge *self);
void           kab_charge_set_kind       (KabCharge     *self,
                                          KabChargeKind  kind);
const char    *kab_charge_get_period     (KabCharge *self);
void           kab_charge_set_period     (KabCharge  *self,
                                          const char *period);
const char    *kab_charge_get_note       (KabCharge *self);
void           kab_charge_set_note       (KabCharge  *self,
                                          const char *note);

G_END_DECLS
