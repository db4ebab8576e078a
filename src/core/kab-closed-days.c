/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-closed-days.c: the practice's coming vacations as an agreement states them, in the
 * agreement's language: "weeks 28–31, 23 Dec – 2 Jan" */

#include "config.h"

#include <string.h>

#include "kab-absence.h"
#include "kab-closed-days.h"

/* How far ahead an agreement looks, and how many periods it names at most. */
#define DAYS_AHEAD 366
#define MAX_PERIODS 8

typedef struct
{
  const char *language;
  const char *week;         /* before one ISO week's number */
  const char *weeks;        /* before a run of weeks */
  const char *day_mark;     /* after a day's number: "." in Norwegian */
  const char *months[12];
} Words;

static const Words words[] = {
  { "en", "week", "weeks", "",
    { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" } },
  { "sv", "vecka", "vecka", "",
    { "jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec" } },
  { "nb", "uke", "uke", ".",
    { "jan.", "feb.", "mars", "apr.", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des." } },
  { "ru", "неделя", "недели", "",
    { "янв.", "февр.", "марта", "апр.", "мая", "июня", "июля", "авг.", "сент.", "окт.", "нояб.", "дек." } },
};

static const Words *
words_for (const char *language)
{
  for (guint i = 0; language != NULL && i < G_N_ELEMENTS (words); i++)
    {
      if (g_str_has_prefix (language, words[i].language))
        return &words[i];
    }
  return &words[0];
}

static void
append_day (GString     *text,
            const Words *w,
            GDateTime   *day)
{
  g_string_append_printf (text, "%d%s %s", g_date_time_get_day_of_month (day), w->day_mark,
                          w->months[g_date_time_get_month (day) - 1]);
}

/* Whole weeks: from a Monday to the Friday, Saturday or Sunday of the same or a later
 * week. Such a vacation is named by its ISO week numbers, as Swedes and Norwegians plan. */
static gboolean
is_whole_weeks (KabAbsence *absence)
{
  return g_date_time_get_day_of_week (kab_absence_get_first_day (absence)) == 1 &&
         g_date_time_get_day_of_week (kab_absence_get_last_day (absence)) >= 5 &&
         kab_absence_get_n_days (absence) >= 5;
}

static void
append_absence (GString     *text,
                const Words *w,
                KabAbsence  *absence)
{
  GDateTime *first = kab_absence_get_first_day (absence);
  GDateTime *last = kab_absence_get_last_day (absence);

  if (is_whole_weeks (absence))
    {
      int a = g_date_time_get_week_of_year (first);
      int b = g_date_time_get_week_of_year (last);

      if (a == b)
        g_string_append_printf (text, "%s %d", w->week, a);
      else
        g_string_append_printf (text, "%s %d–%d", w->weeks, a, b);
      return;
    }

  if (kab_absence_get_n_days (absence) <= 1)
    {
      append_day (text, w, first);
      return;
    }

  if (g_date_time_get_month (first) == g_date_time_get_month (last) &&
      g_date_time_get_year (first) == g_date_time_get_year (last))
    g_string_append_printf (text, "%d%s", g_date_time_get_day_of_month (first), w->day_mark);
  else
    append_day (text, w, first);
  g_string_append (text, g_date_time_get_month (first) == g_date_time_get_month (last) &&
                         g_date_time_get_year (first) == g_date_time_get_year (last)
                         ? "–" : " – ");
  append_day (text, w, last);
}

/**
 * kab_closed_days_describe:
 * @absences: (element-type KabAbsence): the practitioner's absences, by first day
 * @today: the day the agreement is printed
 * @language: the agreement's language ("en", "sv", "nb", "ru")
 *
 * Returns: (transfer full) (nullable): the absences of the coming year, e.g. "weeks
 *   28–31, 23 Dec – 2 Jan"; %NULL when there are none
 */
char *
kab_closed_days_describe (GListModel *absences,
                          GDateTime  *today,
                          const char *language)
{
  const Words *w = words_for (language);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GDateTime) horizon = g_date_time_add_days (today, DAYS_AHEAD);
  guint n = 0;

  for (guint i = 0; absences != NULL && i < g_list_model_get_n_items (absences) && n < MAX_PERIODS; i++)
    {
      g_autoptr(KabAbsence) absence = g_list_model_get_item (absences, i);
      g_autoptr(GDateTime) after_last = g_date_time_add_days (kab_absence_get_last_day (absence), 1);

      if (g_date_time_compare (after_last, today) <= 0 ||
          g_date_time_compare (kab_absence_get_first_day (absence), horizon) > 0)
        continue;

      if (n++ > 0)
        g_string_append (text, ", ");
      append_absence (text, w, absence);
    }

  if (n == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * kab_closed_days_add_value:
 * @values: (element-type utf8 utf8): from kab_consent_values_new()
 *
 * Sets {closed_days} when the practice has coming absences; without, the agreement's
 * section on them is left out.
 */
void
kab_closed_days_add_value (GHashTable *values,
                           GListModel *absences,
                           GDateTime  *today,
                           const char *language)
{
  char *text = kab_closed_days_describe (absences, today, language);

  if (text != NULL)
    g_hash_table_insert (values, (gpointer)"closed_days", text);
}
