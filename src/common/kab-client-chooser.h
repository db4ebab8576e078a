/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-chooser.h: a button that opens a searchable list of the practice's clients */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_CLIENT_CHOOSER (kab_client_chooser_get_type ())

G_DECLARE_FINAL_TYPE (KabClientChooser, kab_client_chooser, KAB, CLIENT_CHOOSER, AdwBin)

GtkWidget  *kab_client_chooser_new            (KabStore         *store,
                                               const char       *none_label);
KabClient  *kab_client_chooser_get_client     (KabClientChooser *self);
void        kab_client_chooser_set_client     (KabClientChooser *self,
                                               KabClient        *client);
gint64      kab_client_chooser_get_client_id  (KabClientChooser *self);
void        kab_client_chooser_set_client_id  (KabClientChooser *self,
                                               gint64            client_id);
void        kab_client_chooser_popup          (KabClientChooser *self);

G_END_DECLS
