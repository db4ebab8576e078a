/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-payments-view.h: the Payments view, one page of the main window */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_PAYMENTS_VIEW (kab_payments_view_get_type ())

G_DECLARE_FINAL_TYPE (KabPaymentsView, kab_payments_view, KAB, PAYMENTS_VIEW, AdwBin)

GtkWidget *kab_payments_view_new       (KabStore        *store);
KabStore  *kab_payments_view_get_store (KabPaymentsView *self);

G_END_DECLS
