/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-supervision-dialog.h: add or edit one supervision meeting, or book a group series */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_SUPERVISION_DIALOG (kab_supervision_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KabSupervisionDialog, kab_supervision_dialog, KAB, SUPERVISION_DIALOG, AdwWindow)

/* Signals: "saved" () after the meeting or series was written. */
KabSupervisionDialog *kab_supervision_dialog_new (KabStore       *store,
                                                  KabSupervision *meeting);

G_END_DECLS
