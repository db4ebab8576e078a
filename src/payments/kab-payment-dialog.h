/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-payment-dialog.h: the editor of one payment (record a new one, change or remove one) */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_PAYMENT_DIALOG (kab_payment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KabPaymentDialog, kab_payment_dialog, KAB, PAYMENT_DIALOG, AdwWindow)

KabPaymentDialog *kab_payment_dialog_new            (GtkWindow        *parent,
                                                     KabStore         *store,
                                                     KabPayment       *payment,
                                                     gint64            client_id);
KabPayment       *kab_payment_dialog_get_payment    (KabPaymentDialog *self);
KabPaymentMethod  kab_payment_dialog_default_method (const char       *currency);
char             *kab_payment_dialog_format_amount  (gint64            minor,
                                                     const char       *currency);

G_END_DECLS
