/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-clients-view.h: the Clients view, one page of the main window */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_CLIENTS_VIEW (kab_clients_view_get_type ())

G_DECLARE_FINAL_TYPE (KabClientsView, kab_clients_view, KAB, CLIENTS_VIEW, AdwBin)

GtkWidget  *kab_clients_view_new               (KabStore       *store);
KabStore   *kab_clients_view_get_store         (KabClientsView *self);
const char *kab_clients_view_get_status_filter (KabClientsView *self);
void        kab_clients_view_set_status_filter (KabClientsView *self,
                                                const char     *status);
gboolean    kab_clients_view_get_show_archived (KabClientsView *self);
void        kab_clients_view_set_show_archived (KabClientsView *self,
                                                gboolean        show_archived);
GListModel *kab_clients_view_get_model         (KabClientsView *self);
KabClient  *kab_clients_view_get_client        (KabClientsView *self);
gboolean    kab_clients_view_show_client       (KabClientsView *self,
                                                gint64          client_id);
gboolean    kab_clients_view_may_close         (KabClientsView *self,
                                                GtkWindow      *window);

G_END_DECLS
