/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-absences-page.h: the list of the practitioner's vacations and closed days, to edit */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_ABSENCES_PAGE (kab_absences_page_get_type ())

G_DECLARE_FINAL_TYPE (KabAbsencesPage, kab_absences_page, KAB, ABSENCES_PAGE, AdwPreferencesPage)

GtkWidget *kab_absences_page_new    (KabStore  *store);
GtkWidget *kab_absences_window_new  (KabStore  *store,
                                     GtkWindow *parent);
char      *kab_absence_format_range (KabAbsence *absence);

G_END_DECLS
