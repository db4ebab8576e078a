/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-data.h: the Clients view's actions on one client's data: export and erasure */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

/* Installs on the Clients view's class (KabClientsView):
 *   clients.export-client (x)  asks where, then writes the client's records as PDF or JSON
 *   clients.erase-client  (x)  asks to confirm, naming what is lost, then erases the
 *                              client; while records must still be kept, says until when
 *                              and offers "Erase Anyway"
 * Both act on the view's store. */
void  kab_client_data_install_actions (GtkWidgetClass  *widget_class);

/* What clients.export-client does with the file chosen. */
char *kab_client_data_export      (KabStore        *store,
                                   gint64           client_id,
                                   const char      *path,
                                   const char      *format,
                                   GError         **error);

G_END_DECLS
