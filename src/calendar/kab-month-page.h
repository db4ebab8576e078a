/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-month-page.h: the month view: a grid of days, each listing its sessions */

#pragma once

#include <adwaita.h>

#include "kab-month-cell.h"

G_BEGIN_DECLS

#define KAB_TYPE_MONTH_PAGE (kab_month_page_get_type ())

G_DECLARE_FINAL_TYPE (KabMonthPage, kab_month_page, KAB, MONTH_PAGE, AdwBin)

GtkWidget       *kab_month_page_new          (void);
void             kab_month_page_set_month    (KabMonthPage *self,
                                              GDateTime    *month_start,
                                              int           first_weekday);
void             kab_month_page_get_range    (KabMonthPage *self,
                                              GDateTime   **out_from,
                                              GDateTime   **out_to);
void             kab_month_page_set_sessions (KabMonthPage *self,
                                              GListModel   *sessions);
guint            kab_month_page_get_n_blocks (KabMonthPage *self);
void             kab_month_page_set_show_week_numbers (KabMonthPage *self,
                                                       gboolean      show);
GtkWidget       *kab_month_page_get_week_number_label (KabMonthPage *self,
                                                       guint         row);
KabSessionBlock *kab_month_page_find_block   (KabMonthPage *self,
                                              gint64        session_id);

void          kab_month_page_set_absences (KabMonthPage *self,
                                           GListModel   *absences);

G_END_DECLS
