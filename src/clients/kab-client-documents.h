/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-documents.h: a client's receipts, invoices and statements, from the client's details */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

void       kab_client_documents_add_receipt_button (AdwActionRow *row,
                                              KabStore     *store,
                                              KabPayment   *payment);

GtkWidget *kab_client_documents_new_menu_button (KabStore  *store);
void       kab_client_documents_set_client      (GtkWidget *button,
                                                 gint64     client_id);

G_END_DECLS
