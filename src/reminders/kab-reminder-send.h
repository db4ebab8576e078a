/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-reminder-send.h: hands a reminder to the user's own mail program, or copies its SMS
 * text, and records it as prepared */

#pragma once

#include <adwaita.h>

#include "kab-reminder.h"

G_BEGIN_DECLS

void       kab_reminder_send         (GtkWidget   *widget,
                                      KabStore    *store,
                                      KabReminder *reminder);
GtkWidget *kab_reminder_find_overlay (GtkWidget   *widget);

G_END_DECLS
