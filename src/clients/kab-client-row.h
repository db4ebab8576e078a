/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-row.h: one client in the Clients list */

#pragma once

#include <adwaita.h>

#include "kab-client.h"

G_BEGIN_DECLS

#define KAB_TYPE_CLIENT_ROW (kab_client_row_get_type ())

G_DECLARE_FINAL_TYPE (KabClientRow, kab_client_row, KAB, CLIENT_ROW, GtkWidget)

GtkWidget  *kab_client_row_new          (const char   *currency);
KabClient  *kab_client_row_get_client   (KabClientRow *self);
void        kab_client_row_set_client   (KabClientRow *self,
                                         KabClient    *client);
const char *kab_client_row_get_currency (KabClientRow *self);
void        kab_client_row_set_currency (KabClientRow *self,
                                         const char   *currency);

G_END_DECLS
