/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-reminder-preferences.h: the Preferences page of reminders: the followed calendar
 * file, notifications before sessions, and the reminder text */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_REMINDER_PREFERENCES (kab_reminder_preferences_get_type ())

G_DECLARE_FINAL_TYPE (KabReminderPreferences, kab_reminder_preferences, KAB, REMINDER_PREFERENCES, AdwPreferencesPage)

GtkWidget *kab_reminder_preferences_new (KabStore *store);

G_END_DECLS
