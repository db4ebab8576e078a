/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-calendar-util.h: weeks, months and times the way the user's locale writes them */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int        kab_calendar_get_first_weekday    (void);

GDateTime *kab_calendar_day_start            (GDateTime  *time);
GDateTime *kab_calendar_week_start           (GDateTime  *time,
                                              int         first_weekday);
GDateTime *kab_calendar_month_start          (GDateTime  *time);
int        kab_calendar_day_index            (GDateTime  *day,
                                              GDateTime  *first);

gboolean   kab_calendar_uses_12h             (void);
char      *kab_calendar_format_time          (GDateTime  *time);
char      *kab_calendar_format_time_range    (GDateTime  *start,
                                              GDateTime  *end);
char      *kab_calendar_format_hour          (int         hour);
char      *kab_calendar_format_week_title    (GDateTime  *week_start);
char      *kab_calendar_format_month_title   (GDateTime  *month);
char      *kab_calendar_format_day           (GDateTime  *day);
char      *kab_calendar_format_day_in_sentence (GDateTime *day);
int        kab_calendar_iso_week         (GDateTime  *week_start);
char      *kab_calendar_format_week_number (int         week);
char      *kab_calendar_short_name           (const char *given_name,
                                              const char *family_name);

G_END_DECLS
