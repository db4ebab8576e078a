/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-calendar-util.c: weeks, months and times the way the user's locale writes them */

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <string.h>

#include "kab-calendar-util.h"
#include "kab-date-format.h"

/**
 * kab_calendar_get_first_weekday:
 *
 * The first day of the week in the user's locale, the way gnome-calendar and GtkCalendar
 * read it from glibc.
 *
 * Returns: 0 for Sunday, 1 for Monday … 6 for Saturday
 */
int
kab_calendar_get_first_weekday (void)
{
#ifdef __GLIBC__
  union { unsigned int word; char *string; } langinfo;
  int week_1stday = 0;
  int first_weekday;
  unsigned int week_origin;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = langinfo.word;

  if (week_origin == 19971130)      /* a Sunday */
    week_1stday = 0;
  else if (week_origin == 19971201) /* a Monday */
    week_1stday = 1;

  if (first_weekday < 1 || first_weekday > 7)
    return 1;

  return (week_1stday + first_weekday - 1) % 7;
#else
  return 1;
#endif
}

static GDateTime *
local_midnight (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 0, 0, 0);
}

static void
date_from_time (GDateTime *time,
                GDate     *out_date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
}

/**
 * kab_calendar_day_start:
 *
 * Returns: (transfer full): local midnight of the day @time falls on
 */
GDateTime *
kab_calendar_day_start (GDateTime *time)
{
  GDate date;

  date_from_time (time, &date);
  return local_midnight (&date);
}

/**
 * kab_calendar_week_start:
 * @first_weekday: 0 for Sunday … 6 for Saturday
 *
 * Returns: (transfer full): local midnight of the first day of @time's week
 */
GDateTime *
kab_calendar_week_start (GDateTime *time,
                         int        first_weekday)
{
  GDate date;
  int weekday;

  date_from_time (time, &date);
  weekday = g_date_get_weekday (&date) % 7; /* 0 = Sunday */
  g_date_subtract_days (&date, (weekday - first_weekday + 7) % 7);
  return local_midnight (&date);
}

/**
 * kab_calendar_month_start:
 *
 * Returns: (transfer full): local midnight of the first day of @time's month
 */
GDateTime *
kab_calendar_month_start (GDateTime *time)
{
  GDate date;

  date_from_time (time, &date);
  g_date_set_day (&date, 1);
  return local_midnight (&date);
}

/**
 * kab_calendar_day_index:
 *
 * Returns: how many calendar days @day is after @first (local dates; negative before)
 */
int
kab_calendar_day_index (GDateTime *day,
                        GDateTime *first)
{
  GDate a, b;

  date_from_time (day, &a);
  date_from_time (first, &b);
  return (int)g_date_get_julian (&a) - (int)g_date_get_julian (&b);
}

gboolean
kab_calendar_uses_12h (void)
{
  const char *format = nl_langinfo (T_FMT);

  return strstr (format, "%r") != NULL || strstr (format, "%p") != NULL ||
         strstr (format, "%I") != NULL || strstr (format, "%l") != NULL;
}

/**
 * kab_calendar_format_time:
 *
 * Returns: (transfer full): @time in local time, "10:00" or "10:00 AM" as the locale has it
 */
char *
kab_calendar_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autofree char *text = NULL;

  if (!kab_calendar_uses_12h ())
    return g_date_time_format (local, "%H:%M");

  text = g_date_time_format (local, "%l:%M %p");
  return g_strdup (g_strstrip (text));
}

/**
 * kab_calendar_format_time_range:
 *
 * Returns: (transfer full): "10:00–10:50"
 */
char *
kab_calendar_format_time_range (GDateTime *start,
                                GDateTime *end)
{
  g_autofree char *from = kab_calendar_format_time (start);
  g_autofree char *to = kab_calendar_format_time (end);

  /* Translators: a time range, e.g. "10:00–10:50"; the dash is an en dash */
  return g_strdup_printf (C_("time range", "%s–%s"), from, to);
}

/**
 * kab_calendar_format_hour:
 * @hour: 0 … 23
 *
 * Returns: (transfer full): the label of an hour line: "10:00" or "10 AM"
 */
char *
kab_calendar_format_hour (int hour)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (2000, 1, 1, CLAMP (hour, 0, 23), 0, 0);
  g_autofree char *text = NULL;

  if (!kab_calendar_uses_12h ())
    return g_date_time_format (time, "%H:%M");

  text = g_date_time_format (time, "%l %p");
  return g_strdup (g_strstrip (text));
}

static char *
capitalize (char *text)
{
  gunichar first;
  char buffer[8] = { 0 };

  if (text == NULL || *text == '\0')
    return text;

  first = g_utf8_get_char (text);
  if (g_unichar_istitle (first) || g_unichar_isupper (first))
    return text;

  g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
  {
    char *result = g_strconcat (buffer, g_utf8_next_char (text), NULL);
    g_free (text);
    return result;
  }
}

/**
 * kab_calendar_format_week_title:
 * @week_start: the first day of the week
 *
 * Returns: (transfer full): "16–22 November 2026", "30 November – 6 December 2026" or
 *   "28 December 2026 – 3 January 2027", in the locale's words
 */
char *
kab_calendar_format_week_title (GDateTime *week_start)
{
  g_autoptr(GDateTime) last = g_date_time_add_days (week_start, 6);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (g_date_time_get_year (week_start) != g_date_time_get_year (last))
    {
      /* Translators: the first day of a week that ends in the next year, strftime
       * format; %B is the month name as written with a day number */
      /* xgettext:no-c-format */
      from = g_date_time_format (week_start, C_("week title", "%-d %B %Y"));
      /* Translators: the last day of a week that began in the previous year */
      /* xgettext:no-c-format */
      to = g_date_time_format (last, C_("week title", "%-d %B %Y"));
      /* Translators: a week spanning two years or months: "28 December 2026 – 3 January 2027" */
      return capitalize (g_strdup_printf (C_("week title", "%s – %s"), from, to));
    }

  if (g_date_time_get_month (week_start) != g_date_time_get_month (last))
    {
      /* Translators: the first day of a week that ends in the next month, strftime format */
      /* xgettext:no-c-format */
      from = g_date_time_format (week_start, C_("week title", "%-d %B"));
      /* xgettext:no-c-format */
      to = g_date_time_format (last, C_("week title", "%-d %B %Y"));
      return capitalize (g_strdup_printf (C_("week title", "%s – %s"), from, to));
    }

  /* Translators: the first day of a week within one month, strftime format; the
   * title reads "16–22 November 2026" */
  /* xgettext:no-c-format */
  from = g_date_time_format (week_start, C_("week title", "%-d"));
  /* Translators: the last day of a week within one month, strftime format */
  /* xgettext:no-c-format */
  to = g_date_time_format (last, C_("week title", "%-d %B %Y"));
  /* Translators: a week within one month: "16–22 November 2026"; the dash is an en dash */
  return capitalize (g_strdup_printf (C_("week title", "%s–%s"), from, to));
}

/**
 * kab_calendar_format_month_title:
 *
 * Returns: (transfer full): "November 2026", in the locale's words
 */
char *
kab_calendar_format_month_title (GDateTime *month)
{
  /* Translators: the title of the month view, strftime format; %OB is the month name
   * on its own (nominative), e.g. "November 2026" */
  /* xgettext:no-c-format */
  return capitalize (g_date_time_format (month, C_("month title", "%OB %Y")));
}

/**
 * kab_calendar_format_day:
 *
 * Returns: (transfer full): "Monday 16 November 2026", in the locale's words
 */
char *
kab_calendar_format_day (GDateTime *day)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (day);

  /* Translators: a full date in dialogs, strftime format: "Monday 16 November 2026" */
  /* xgettext:no-c-format */
  return capitalize (g_date_time_format (local, C_("long date", "%A %-d %B %Y")));
}

/**
 * kab_calendar_format_day_in_sentence:
 *
 * Returns: (transfer full): "Monday 16 November 2026" inside a sentence, where Russian
 *   writes "понедельник" in lower case
 */
char *
kab_calendar_format_day_in_sentence (GDateTime *day)
{
  /* xgettext:no-c-format */
  return kab_date_format_in_sentence (day, C_("long date", "%A %-d %B %Y"));
}

/**
 * kab_calendar_iso_week:
 * @week_start: the first day of a week as the locale starts it (Monday or Sunday)
 *
 * Returns: the ISO 8601 number of that week: the one of its Wednesday, which lies in
 *   the same Monday-to-Sunday week whichever day the locale starts with
 */
int
kab_calendar_iso_week (GDateTime *week_start)
{
  g_autoptr(GDateTime) noon = g_date_time_add_hours (week_start, 12);
  g_autoptr(GDateTime) middle = NULL;

  /* A week starting on Sunday holds its ISO Monday on the next day. */
  middle = g_date_time_add_days (noon, g_date_time_get_day_of_week (noon) == 7 ? 3 : 2);
  return g_date_time_get_week_of_year (middle);
}

/**
 * kab_calendar_format_week_number:
 *
 * Returns: (transfer full): "W49", as the locale abbreviates a week number
 */
char *
kab_calendar_format_week_number (int week)
{
  /* Translators: a short ISO week number above the hours of the week view, as people
   * write it in your language: Swedish "v. %d", Norwegian "uke %d", Russian "нед. %d" */
  return g_strdup_printf (C_("week number", "W%d"), week);
}

/**
 * kab_calendar_short_name:
 *
 * Returns: (transfer full): "Anna K.", for the month view's compact lines
 */
char *
kab_calendar_short_name (const char *given_name,
                         const char *family_name)
{
  g_autofree char *given = g_strstrip (g_strdup (given_name != NULL ? given_name : ""));
  g_autofree char *family = g_strstrip (g_strdup (family_name != NULL ? family_name : ""));
  char initial[8] = { 0 };

  if (*given == '\0')
    return g_steal_pointer (&family);
  if (*family == '\0')
    return g_steal_pointer (&given);

  g_unichar_to_utf8 (g_utf8_get_char (family), initial);
  /* Translators: a short name in the month view: given name and the family name's
   * initial, e.g. "Anna K." */
  return g_strdup_printf (C_("short name", "%s %s."), given, initial);
}
