/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-session-overlaps.c: which planned sessions a new or moved session or series would collide with */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-calendar-util.h"
#include "kab-session-overlaps.h"
#include "kab-text.h"

/* How far ahead a series is checked: as far as the store writes it out. */
#define SERIES_HORIZON_WEEKS 26
/* Named in the warning; the rest are counted. */
#define N_NAMED 2

/**
 * kab_session_overlaps_find:
 * @session: a session being planned or moved (id 0 for a new one)
 *
 * Returns: (transfer full) (element-type KabSession): the sessions that are not
 *   cancelled and overlap @session, or %NULL with @error set
 */
GPtrArray *
kab_session_overlaps_find (KabStore    *store,
                           KabSession  *session,
                           GError     **error)
{
  g_autoptr(GListModel) found = kab_store_find_overlaps (store, session, error);
  GPtrArray *overlaps;
  guint n;

  if (found == NULL)
    return NULL;

  n = g_list_model_get_n_items (found);
  overlaps = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (overlaps, g_list_model_get_item (found, i));

  return overlaps;
}

static gboolean
contains_session (GPtrArray *sessions,
                  gint64     id)
{
  for (guint i = 0; i < sessions->len; i++)
    if (kab_session_get_id (g_ptr_array_index (sessions, i)) == id)
      return TRUE;

  return FALSE;
}

/**
 * kab_session_overlaps_find_series:
 * @series: a recurring appointment being planned or changed
 * @now: sessions before this are not checked: the past is not rewritten
 *
 * Checks the occurrences of @series in the next half year. The series' own sessions
 * never count as overlaps.
 *
 * Returns: (transfer full) (element-type KabSession): the other sessions that are not
 *   cancelled and overlap an occurrence, or %NULL with @error set
 */
GPtrArray *
kab_session_overlaps_find_series (KabStore    *store,
                                  KabSeries   *series,
                                  GDateTime   *now,
                                  GError     **error)
{
  g_autoptr(GPtrArray) overlaps = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) starts = NULL;
  g_autoptr(GDateTime) horizon = NULL;
  GDateTime *first = kab_series_get_first_date (series);
  GDateTime *from;
  gint64 series_id = kab_series_get_id (series);

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);
  g_return_val_if_fail (KAB_IS_SERIES (series), NULL);

  if (first == NULL)
    return g_steal_pointer (&overlaps);

  from = g_date_time_compare (first, now) > 0 ? first : now;
  horizon = g_date_time_add_weeks (from, SERIES_HORIZON_WEEKS);
  starts = kab_series_expand (series, from, horizon);

  for (guint i = 0; i < starts->len; i++)
    {
      g_autoptr(KabSession) occurrence = kab_session_new ();
      g_autoptr(GListModel) found = NULL;
      guint n;

      kab_session_set_start (occurrence, g_ptr_array_index (starts, i));
      kab_session_set_duration (occurrence, kab_series_get_duration (series));

      found = kab_store_find_overlaps (store, occurrence, error);
      if (found == NULL)
        return NULL;

      n = g_list_model_get_n_items (found);
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(KabSession) other = g_list_model_get_item (found, j);

          if ((series_id != 0 && kab_session_get_series_id (other) == series_id) ||
              contains_session (overlaps, kab_session_get_id (other)))
            continue;

          g_ptr_array_add (overlaps, g_steal_pointer (&other));
        }
    }

  return g_steal_pointer (&overlaps);
}

static char *
describe_one (KabSession *session)
{
  g_autoptr(GDateTime) end = kab_session_dup_end (session);
  g_autofree char *day = kab_calendar_format_day_in_sentence (kab_session_get_start (session));
  g_autofree char *range = kab_calendar_format_time_range (kab_session_get_start (session), end);
  g_autofree char *name = kab_isolate (kab_session_get_client_name (session));

  /* Translators: an overlapping session: "Anna Karlsson, Monday 16 November 2026, 10:00–10:50" */
  return g_strdup_printf (C_("overlap", "%s, %s, %s"), name, day, range);
}

/**
 * kab_session_overlaps_describe:
 * @overlaps: (element-type KabSession): what kab_session_overlaps_find() found
 *
 * Returns: (transfer full) (nullable): a sentence naming the sessions overlapped, or
 *   %NULL when there are none
 */
char *
kab_session_overlaps_describe (GPtrArray *overlaps)
{
  g_autoptr(GString) named = g_string_new (NULL);
  guint n;

  if (overlaps == NULL || overlaps->len == 0)
    return NULL;

  n = MIN (overlaps->len, N_NAMED);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *one = describe_one (g_ptr_array_index (overlaps, i));

      if (i > 0)
        g_string_append (named, "\n");
      g_string_append (named, one);
    }

  if (overlaps->len > N_NAMED)
    {
      guint rest = overlaps->len - N_NAMED;

      /* Translators: the overlapping sessions that are not named in the warning */
      g_string_append (named, "\n");
      g_string_append_printf (named, ngettext ("and %u more session", "and %u more sessions", rest), rest);
    }

  /* Translators: a warning in the session dialog; the sessions follow, one a line */
  return g_strdup_printf (ngettext ("This overlaps another session:\n%s",
                                    "This overlaps other sessions:\n%s",
                                    overlaps->len),
                          named->str);
}
