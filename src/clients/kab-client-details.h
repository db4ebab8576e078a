/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-details.h: one client's details, edited in place */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_CLIENT_DETAILS (kab_client_details_get_type ())

G_DECLARE_FINAL_TYPE (KabClientDetails, kab_client_details, KAB, CLIENT_DETAILS, AdwBin)

KabStore  *kab_client_details_get_store            (KabClientDetails *self);
void       kab_client_details_set_store            (KabClientDetails *self,
                                                    KabStore         *store);
KabClient *kab_client_details_get_client           (KabClientDetails *self);
void       kab_client_details_set_client           (KabClientDetails *self,
                                                    KabClient        *client);
gboolean   kab_client_details_get_show_back_button (KabClientDetails *self);
void       kab_client_details_set_show_back_button (KabClientDetails *self,
                                                    gboolean          show_back_button);
void       kab_client_details_refresh              (KabClientDetails *self);
void       kab_client_details_save_notes           (KabClientDetails *self);
gboolean   kab_client_details_try_save_notes       (KabClientDetails  *self,
                                                    GError           **error);
void       kab_client_details_discard_notes        (KabClientDetails *self);

G_END_DECLS
