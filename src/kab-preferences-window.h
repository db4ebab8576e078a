/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-preferences-window.h: the practice settings: practitioner, fees, records, calendar */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_PREFERENCES_WINDOW (kab_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (KabPreferencesWindow, kab_preferences_window, KAB, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *kab_preferences_window_new       (KabStore             *store);
KabStore  *kab_preferences_window_get_store (KabPreferencesWindow *self);

G_END_DECLS
