/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-reminders-service.h: what runs beside the window: the followed calendar file and
 * the desktop notifications before sessions, as the settings say */

#pragma once

#include <gio/gio.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_REMINDERS_SERVICE (kab_reminders_service_get_type ())

G_DECLARE_FINAL_TYPE (KabRemindersService, kab_reminders_service, KAB, REMINDERS_SERVICE, GObject)

KabRemindersService *kab_reminders_service_new (GApplication *application,
                                                KabStore     *store,
                                                GSettings    *settings,
                                                gboolean      follow_file);

G_END_DECLS
