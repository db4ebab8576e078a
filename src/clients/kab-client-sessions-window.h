/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-sessions-window.h: every session of one client, newest first */

#pragma once

#include <adwaita.h>

#include "kab-client.h"

G_BEGIN_DECLS

#define KAB_TYPE_CLIENT_SESSIONS_WINDOW (kab_client_sessions_window_get_type ())

G_DECLARE_FINAL_TYPE (KabClientSessionsWindow, kab_client_sessions_window, KAB, CLIENT_SESSIONS_WINDOW, AdwWindow)

GtkWidget *kab_client_sessions_window_new (KabClient  *client,
                                           GListModel *sessions);

G_END_DECLS
