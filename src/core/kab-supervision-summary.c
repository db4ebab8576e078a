/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-supervision-summary.c: the certificate summary of the supervision log, for a licence
 * or a training programme: dates, kinds, hours and supervisors, and their signatures */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-supervision-summary.h"

/**
 * kab_supervision_format_hours:
 *
 * Returns: (transfer full): @minutes as hours with one decimal in the user's locale,
 *   "1.5 h" or "1,5 h"
 */
char *
kab_supervision_format_hours (gint64 minutes)
{
  /* Translators: a number of hours with one decimal, e.g. “1.5 h” */
  return g_strdup_printf (_("%.1f h"), minutes / 60.0);
}

static char *
format_day (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  return g_date_time_format (local, "%Y-%m-%d");
}

/* Each supervisor or leader once, in the order they first appear. */
static GPtrArray *
collect_leaders (GListModel *meetings)
{
  GPtrArray *leaders = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(KabSupervision) meeting = g_list_model_get_item (meetings, i);
      const char *leader = kab_supervision_get_leader (meeting);
      gboolean known = FALSE;

      if (*leader == '\0')
        continue;

      for (guint j = 0; j < leaders->len && !known; j++)
        known = g_str_equal (g_ptr_array_index (leaders, j), leader);
      if (!known)
        g_ptr_array_add (leaders, (gpointer) g_intern_string (leader));
    }

  return leaders;
}

/**
 * kab_supervision_summary_text:
 * @meetings: (element-type KabSupervision): the meetings to list, by date
 * @from: (nullable): the first day of the period
 * @to: (nullable): the day after the period
 *
 * The summary in the print markup of #KabPrintDocument. It lists the meetings and hours
 * only: cases brought and the practitioner's notes are never printed, so no client's name
 * or pseudonym is in it.
 *
 * Returns: (transfer full): the text
 */
char *
kab_supervision_summary_text (KabPractice *practice,
                              GListModel  *meetings,
                              GDateTime   *from,
                              GDateTime   *to)
{
  g_autoptr(GString) text = g_string_new ("");
  g_autoptr(GPtrArray) leaders = collect_leaders (meetings);
  gint64 minutes[KAB_SUPERVISION_N_KINDS] = { 0 };
  gint64 total = 0;
  guint n = g_list_model_get_n_items (meetings);

  g_string_append_printf (text, "# %s\n\n", _("Supervision and Further Training"));
  g_string_append_printf (text, "%s %s", _("Practitioner:"), kab_practice_get_practitioner_name (practice));
  if (*kab_practice_get_title (practice) != '\0')
    g_string_append_printf (text, ", %s", kab_practice_get_title (practice));
  g_string_append (text, "\\\n");

  if (from != NULL && to != NULL)
    {
      g_autoptr(GDateTime) last = g_date_time_add_seconds (to, -1);
      g_autofree char *first_day = format_day (from);
      g_autofree char *last_day = format_day (last);

      /* Translators: the period a summary covers, e.g. “Period: 2026-01-01 – 2026-12-31” */
      g_string_append_printf (text, _("Period: %s – %s"), first_day, last_day);
      g_string_append (text, "\n\n");
    }
  else
    g_string_append (text, "\n");

  g_string_append_printf (text, "## %s\n\n", _("Meetings"));
  if (n == 0)
    g_string_append_printf (text, "%s\n\n", _("No meetings in this period."));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabSupervision) meeting = g_list_model_get_item (meetings, i);
      g_autofree char *day = format_day (kab_supervision_get_start (meeting));
      g_autofree char *hours = kab_supervision_format_hours (kab_supervision_get_duration (meeting));
      KabSupervisionKind kind = kab_supervision_get_kind (meeting);
      const char *group = kab_supervision_get_group_name (meeting);

      minutes[kind] += kab_supervision_get_duration (meeting);
      total += kab_supervision_get_duration (meeting);

      /* The columns of fixed width first, so that they line up. */
      g_string_append_printf (text, "%s    %s    %s", day, hours, kab_supervision_kind_to_label (kind));
      if (*group != '\0')
        g_string_append_printf (text, " (%s)", group);
      if (*kab_supervision_get_leader (meeting) != '\0')
        g_string_append_printf (text, " – %s", kab_supervision_get_leader (meeting));
      g_string_append (text, i + 1 < n ? "\\\n" : "\n\n");
    }

  g_string_append_printf (text, "## %s\n\n", _("Hours per Kind"));
  for (guint k = 0; k < KAB_SUPERVISION_N_KINDS; k++)
    {
      g_autofree char *hours = NULL;

      if (minutes[k] == 0)
        continue;
      hours = kab_supervision_format_hours (minutes[k]);
      g_string_append_printf (text, "%s: %s\\\n", kab_supervision_kind_to_label (k), hours);
    }
  {
    g_autofree char *hours = kab_supervision_format_hours (total);

    g_string_append_printf (text, "%s %s\n\n", _("Total:"), hours);
  }

  if (leaders->len > 0)
    g_string_append_printf (text, "## %s\n\n", _("Confirmed by"));

  for (guint i = 0; i < leaders->len; i++)
    {
      g_string_append (text, "\n___________________________________\\\n");
      /* Translators: under a signature line: the supervisor's name, then room for a date */
      g_string_append_printf (text, _("%s, signature and date"), (const char *) g_ptr_array_index (leaders, i));
      g_string_append (text, "\n\n");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * kab_supervision_summary_new:
 *
 * Returns: (transfer full): the summary of the meetings in [@from, @to) as a document to
 *   print or save as PDF; %NULL on error
 */
KabPrintDocument *
kab_supervision_summary_new (KabStore   *store,
                             GDateTime  *from,
                             GDateTime  *to,
                             GError    **error)
{
  g_autoptr(GListModel) meetings = kab_store_list_supervision (store, from, to, error);
  g_autofree char *text = NULL;
  KabPractice *practice = kab_store_get_practice (store);
  KabPrintDocument *document;

  if (meetings == NULL)
    return NULL;

  text = kab_supervision_summary_text (practice, meetings, from, to);
  document = kab_print_document_new (text);
  kab_print_document_set_header (document, kab_practice_get_practitioner_name (practice));
  return document;
}
