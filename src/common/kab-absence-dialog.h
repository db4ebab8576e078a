/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-absence-dialog.h: add or edit one vacation or closed days, and cancel the sessions in it */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_ABSENCE_DIALOG (kab_absence_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KabAbsenceDialog, kab_absence_dialog, KAB, ABSENCE_DIALOG, AdwWindow)

GtkWidget *kab_absence_dialog_new (KabStore   *store,
                                   KabAbsence *absence);

G_END_DECLS
