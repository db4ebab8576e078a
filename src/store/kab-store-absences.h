/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-absences.h: the practitioner's vacations and closed days (included by kab-store.h) */

#pragma once

#include <gio/gio.h>

#include "kab-absence.h"

G_BEGIN_DECLS

/* Absences are whole local days. Writing one emits "sessions-changed", so that the
 * calendar shows the days again. Series skip the days of an absence when they write
 * their occurrences. */
GListModel  *kab_store_list_absences          (KabStore          *self,
                                               GDateTime         *from,
                                               GDateTime         *to,
                                               GError           **error);
gboolean     kab_store_save_absence           (KabStore          *self,
                                               KabAbsence        *absence,
                                               GError           **error);
gboolean     kab_store_delete_absence         (KabStore          *self,
                                               KabAbsence        *absence,
                                               GError           **error);

/* The sessions still planned on the days of @absence (new objects, by start), and
 * marking them all cancelled by the practitioner in one transaction: each is written
 * like a status changed by hand, so it is never charged and packages are decided again. */
GListModel  *kab_store_list_absence_sessions  (KabStore          *self,
                                               KabAbsence        *absence,
                                               GError           **error);
gboolean     kab_store_apply_absence          (KabStore          *self,
                                               KabAbsence        *absence,
                                               guint             *out_cancelled,
                                               GError           **error);

G_END_DECLS
