/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-session-dialog.h: plan, change or repeat a session */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_SESSION_DIALOG (kab_session_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KabSessionDialog, kab_session_dialog, KAB, SESSION_DIALOG, AdwWindow)

KabSessionDialog *kab_session_dialog_new_session (KabStore         *store,
                                                  GDateTime        *start,
                                                  gint64            client_id);
KabSessionDialog *kab_session_dialog_edit_session (KabStore        *store,
                                                   KabSession      *session);
KabSessionDialog *kab_session_dialog_edit_series (KabStore         *store,
                                                  KabSeries        *series);
gboolean          kab_session_dialog_has_overlaps (KabSessionDialog *self);
gboolean          kab_session_dialog_save         (KabSessionDialog *self,
                                                   GError          **error);

G_END_DECLS
