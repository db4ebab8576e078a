/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-calendar-view.h: the Calendar view, one page of the main window */

#pragma once

#include <adwaita.h>

#include "kab-month-page.h"
#include "kab-store.h"
#include "kab-week-page.h"

G_BEGIN_DECLS

#define KAB_TYPE_CALENDAR_VIEW (kab_calendar_view_get_type ())

G_DECLARE_FINAL_TYPE (KabCalendarView, kab_calendar_view, KAB, CALENDAR_VIEW, AdwBin)

GtkWidget  *kab_calendar_view_new         (KabStore        *store);
KabStore   *kab_calendar_view_get_store   (KabCalendarView *self);
const char *kab_calendar_view_get_mode    (KabCalendarView *self);
void        kab_calendar_view_set_mode    (KabCalendarView *self,
                                           const char      *mode);
GDateTime  *kab_calendar_view_get_date    (KabCalendarView *self);
void        kab_calendar_view_set_date    (KabCalendarView *self,
                                           GDateTime       *date);
void        kab_calendar_view_get_range   (KabCalendarView *self,
                                           GDateTime      **out_from,
                                           GDateTime      **out_to);
const char *kab_calendar_view_get_title   (KabCalendarView *self);
GtkWidget  *kab_calendar_view_find_block  (KabCalendarView *self,
                                           gint64           session_id);
guint       kab_calendar_view_get_n_blocks (KabCalendarView *self);

KabWeekPage  *kab_calendar_view_get_week_page  (KabCalendarView *self);
KabMonthPage *kab_calendar_view_get_month_page (KabCalendarView *self);

G_END_DECLS
