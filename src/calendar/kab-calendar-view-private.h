/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-calendar-view-private.h: what the Calendar view's files share */

#pragma once

#include "kab-calendar-view.h"
#include "kab-month-page.h"
#include "kab-today-page.h"
#include "kab-week-page.h"
#include "supervision/kab-supervision-page.h"

G_BEGIN_DECLS

struct _KabCalendarView
{
  AdwBin        parent_instance;

  KabStore     *store;
  GSettings    *settings;
  char         *mode;            /* "day", "week" or "month" */
  GDateTime    *date;            /* local midnight of the day the view is at */
  GDateTime    *range_from;      /* what is shown and queried: [from, to) */
  GDateTime    *range_to;
  char         *title;
  int           first_weekday;
  guint         refresh_id;
  guint         startup_id;
  guint         day_timer_id;
  int           today_index;     /* day of the year last seen, to notice midnight */
  int           tooltips_mode;   /* 1 week, 2 month, 3 day: what the arrows' tooltips say */
  gint64        focus_session_id; /* the session just moved, whose block takes the focus */
  AdwToast     *move_toast;      /* weak: the undo of the last move */

  GtkStack     *main_stack;
  GtkWidget    *title_label;
  GtkStack     *mode_stack;
  KabWeekPage  *week_page;       /* NULL until the week is first shown */
  KabMonthPage *month_page;      /* NULL until the month is first shown */
  KabTodayPage *today_page;
  GtkWidget    *previous_button;
  GtkWidget    *next_button;
  AdwStatusPage *empty_page;
  KabSupervisionPage *supervision_page; /* NULL until the log is first shown */
};

void       kab_calendar_view_class_init_actions (GtkWidgetClass  *widget_class);
KabSupervisionPage *kab_calendar_view_ensure_supervision_page (KabCalendarView *self);
void       kab_calendar_view_add_shortcuts      (KabCalendarView *self);
void       kab_calendar_view_refresh            (KabCalendarView *self);
void       kab_calendar_view_new_session_at     (KabCalendarView *self,
                                                 GDateTime       *start);
void       kab_calendar_add_toast               (GtkWidget       *widget,
                                                 AdwToast        *toast);
void       kab_calendar_view_step               (KabCalendarView *self,
                                                 int              direction);
void       kab_calendar_view_go_today           (KabCalendarView *self);
void       kab_calendar_add_supervision         (KabStore        *store,
                                                 GListStore      *sessions,
                                                 GDateTime       *from,
                                                 GDateTime       *to);
void       kab_calendar_view_class_init_move_actions (GtkWidgetClass *widget_class);
void       kab_calendar_view_focus_moved_block  (KabCalendarView *self);

G_END_DECLS
