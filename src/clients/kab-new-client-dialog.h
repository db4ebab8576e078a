/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-new-client-dialog.h: the window that adds a client to the practice */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_NEW_CLIENT_DIALOG (kab_new_client_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KabNewClientDialog, kab_new_client_dialog, KAB, NEW_CLIENT_DIALOG, AdwWindow)

/* Signals:
 *   "client-added" (KabClient *client)  the client was saved; the dialog closes next */

GtkWidget *kab_new_client_dialog_new       (KabStore           *store);
KabStore  *kab_new_client_dialog_get_store (KabNewClientDialog *self);

G_END_DECLS
