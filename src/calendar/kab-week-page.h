/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-week-page.h: the week view: the days' header over the scrolling time grid */

#pragma once

#include <adwaita.h>

#include "kab-week-grid.h"

G_BEGIN_DECLS

#define KAB_TYPE_WEEK_PAGE (kab_week_page_get_type ())

G_DECLARE_FINAL_TYPE (KabWeekPage, kab_week_page, KAB, WEEK_PAGE, AdwBin)

GtkWidget   *kab_week_page_new               (void);
KabWeekGrid *kab_week_page_get_grid          (KabWeekPage *self);
void         kab_week_page_set_week_start    (KabWeekPage *self,
                                              GDateTime   *week_start);
void         kab_week_page_set_working_hours (KabWeekPage *self,
                                              int          start_hour,
                                              int          end_hour);
void         kab_week_page_scroll_to_hour    (KabWeekPage *self,
                                              int          hour);
void         kab_week_page_set_show_week_number (KabWeekPage *self,
                                                 gboolean     show);
GtkWidget   *kab_week_page_get_week_number_label (KabWeekPage *self);
void         kab_week_page_set_absences      (KabWeekPage *self,
                                              GListModel  *absences);

G_END_DECLS
