/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-invoice-payments.h: the payments matched to an invoice, by reference or by hand */

#pragma once

#include "kab-store.h"

G_BEGIN_DECLS

gboolean   kab_store_add_invoice_payment      (KabStore   *self,
                                               gint64      invoice_id,
                                               gint64      payment_id,
                                               gint64     *out_left,
                                               GError    **error);
gboolean   kab_store_clear_invoice_payments   (KabStore   *self,
                                               gint64      invoice_id,
                                               GError    **error);
gboolean   kab_store_get_invoice_paid         (KabStore   *self,
                                               gint64      invoice_id,
                                               gint64     *out_paid,
                                               GError    **error);
gint64     kab_store_find_payment_invoice     (KabStore   *self,
                                               gint64      payment_id,
                                               GError    **error);
GPtrArray *kab_store_list_unmatched_payments  (KabStore   *self,
                                               gint64      client_id,
                                               GError    **error);

G_END_DECLS
