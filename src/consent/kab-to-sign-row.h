/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-to-sign-row.h: a client in therapy whose agreement is not signed yet */

#pragma once

#include <adwaita.h>

#include "kab-client.h"

G_BEGIN_DECLS

#define KAB_TYPE_TO_SIGN_ROW (kab_to_sign_row_get_type ())

G_DECLARE_FINAL_TYPE (KabToSignRow, kab_to_sign_row, KAB, TO_SIGN_ROW, AdwActionRow)

GtkWidget *kab_to_sign_row_new        (KabClient    *client);
KabClient *kab_to_sign_row_get_client (KabToSignRow *self);

G_END_DECLS
