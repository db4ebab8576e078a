/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-payment.h: a credit in a client's ledger: money the client paid */

#pragma once

#include <glib-object.h>

#include "kab-enums.h"

G_BEGIN_DECLS

#define KAB_TYPE_PAYMENT (kab_payment_get_type ())

G_DECLARE_FINAL_TYPE (KabPayment, kab_payment, KAB, PAYMENT, GObject)

KabPayment       *kab_payment_new           (void);
KabPayment       *kab_payment_copy          (KabPayment *self);
gboolean          kab_payment_validate      (KabPayment *self,
                                             GError    **error);

gint64            kab_payment_get_id        (KabPayment *self);
void              kab_payment_set_id        (KabPayment *self,
                                             gint64      id);
gint64            kab_payment_get_client_id (KabPayment *self);
void              kab_payment_set_client_id (KabPayment *self,
                                             gint64      client_id);
GDateTime        *kab_payment_get_date      (KabPayment *self);
void              kab_payment_set_date      (KabPayment *self,
                                             GDateTime  *date);
gint64            kab_payment_get_amount    (KabPayment *self);
void              kab_payment_set_amount    (KabPayment *self,
                                             gint64      amount);
const char       *kab_payment_get_currency  (KabPayment *self);
void              kab_payment_set_currency  (KabPayment *self,
                                             const char *currency);
KabPaymentMethod  kab_payment_get_method    (KabPayment *self);
void              kab_payment_set_method    (KabPayment       *self,
                                             KabPaymentMethod  method);
const char       *kab_payment_get_note      (KabPayment *self);
void              kab_payment_set_note      (KabPayment *self,
                                             const char *note);

G_END_DECLS
