/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-reminders-dialog.h: tomorrow's reminders, one per client, each sent once */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_REMINDERS_DIALOG (kab_reminders_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KabRemindersDialog, kab_reminders_dialog, KAB, REMINDERS_DIALOG, AdwWindow)

KabRemindersDialog *kab_reminders_dialog_new     (KabStore           *store,
                                                  GDateTime          *day);
guint               kab_reminders_dialog_get_n_reminders (KabRemindersDialog *self);

G_END_DECLS
