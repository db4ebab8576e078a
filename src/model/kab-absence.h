/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-absence.h: a vacation or closed days of the practice: a range of whole days with a note */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The longest note an absence keeps, in characters. */
#define KAB_ABSENCE_MAX_NOTE_CHARS 200

/* The longest absence, in days: a longer one is taken for a typing mistake. */
#define KAB_ABSENCE_MAX_DAYS 366

#define KAB_TYPE_ABSENCE (kab_absence_get_type ())

G_DECLARE_FINAL_TYPE (KabAbsence, kab_absence, KAB, ABSENCE, GObject)

KabAbsence *kab_absence_new           (void);
KabAbsence *kab_absence_copy          (KabAbsence  *self);
gboolean    kab_absence_validate      (KabAbsence  *self,
                                       GError     **error);

gint64      kab_absence_get_id        (KabAbsence  *self);
void        kab_absence_set_id        (KabAbsence  *self,
                                       gint64       id);
GDateTime  *kab_absence_get_first_day (KabAbsence  *self);
void        kab_absence_set_first_day (KabAbsence  *self,
                                       GDateTime   *day);
GDateTime  *kab_absence_get_last_day  (KabAbsence  *self);
void        kab_absence_set_last_day  (KabAbsence  *self,
                                       GDateTime   *day);
const char *kab_absence_get_note      (KabAbsence  *self);
void        kab_absence_set_note      (KabAbsence  *self,
                                       const char  *note);

gboolean    kab_absence_contains      (KabAbsence  *self,
                                       GDateTime   *time);
guint       kab_absence_get_n_days    (KabAbsence  *self);

G_END_DECLS
