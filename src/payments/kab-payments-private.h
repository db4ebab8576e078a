/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-payments-private.h: what the Payments view's pages share */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast *kab_payments_toast_new (const char *text);
void      kab_payments_add_toast (GtkWidget  *widget,
                                  AdwToast   *toast);

G_END_DECLS
