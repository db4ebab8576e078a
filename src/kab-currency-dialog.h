/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-currency-dialog.h: the explicit step that converts the practice to another currency */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_CURRENCY_DIALOG (kab_currency_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KabCurrencyDialog, kab_currency_dialog, KAB, CURRENCY_DIALOG, AdwMessageDialog)

GtkWidget *kab_currency_dialog_new (GtkWindow  *parent,
                                    KabStore   *store,
                                    const char *currency);

G_END_DECLS
