/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-ics-export.c: sessions as an iCalendar file, for the practitioner's phone or other calendars */

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "kab-ics-export.h"

static struct icaltimetype
ical_time (GDateTime *time)
{
  return icaltime_from_timet_with_zone ((time_t)g_date_time_to_unix (time), FALSE,
                                        icaltimezone_get_utc_timezone ());
}

/* What the other calendar shows: the whole name, or only the initials, so that a
 * phone's lock screen or a synchronised cloud calendar does not name the client. */
static char *
event_summary (KabStore   *store,
               KabSession *session,
               gboolean    initials_only)
{
  KabClient *client = kab_store_find_client (store, kab_session_get_client_id (session));

  if (client == NULL)
    {
      if (!initials_only && *kab_session_get_client_name (session) != '\0')
        return g_strdup (kab_session_get_client_name (session));
      /* Translators: the title of an exported calendar event whose client is unknown */
      return g_strdup (C_("calendar event", "Session"));
    }

  if (initials_only)
    return kab_client_dup_initials (client);

  return g_strdup (kab_client_get_display_name (client));
}

static gboolean
status_is_cancelled (KabSessionStatus status)
{
  return status == KAB_SESSION_STATUS_CANCELLED_IN_TIME ||
         status == KAB_SESSION_STATUS_CANCELLED_LATE ||
         status == KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER;
}

static icalcomponent *
session_event (KabStore            *store,
               KabSession          *session,
               gboolean             initials_only,
               struct icaltimetype  stamp)
{
  g_autoptr(GDateTime) end = kab_session_dup_end (session);
  /* The session's own UID, kept for its whole life, so that importing a newer export
   * updates the events instead of adding them again. */
  const char *session_uid = kab_session_get_uid (session);
  g_autofree char *uid = session_uid != NULL && *session_uid != '\0'
    ? g_strdup_printf ("%s@kabinett", session_uid)
    : g_strdup_printf ("session-%" G_GINT64_FORMAT "@kabinett", kab_session_get_id (session));
  g_autofree char *summary = event_summary (store, session, initials_only);
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_dtstart (ical_time (kab_session_get_start (session))));
  icalcomponent_add_property (event, icalproperty_new_dtend (ical_time (end)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event,
                              icalproperty_new_status (status_is_cancelled (kab_session_get_status (session))
                                                       ? ICAL_STATUS_CANCELLED
                                                       : ICAL_STATUS_CONFIRMED));
  return event;
}

/**
 * kab_ics_export_sessions:
 * @sessions: (element-type KabSession): what to export
 * @initials_only: name the clients by their initials only
 * @out_n_events: (out) (optional): how many events were written
 *
 * Nothing but the time, the name (or initials) and whether the session was cancelled
 * leaves the database: no notes, no fees, no kind of session.
 *
 * Returns: (transfer full): an iCalendar (RFC 5545) text with one VEVENT per session
 */
char *
kab_ics_export_sessions (KabStore   *store,
                         GListModel *sessions,
                         gboolean    initials_only,
                         guint      *out_n_events)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  struct icaltimetype stamp = ical_time (now);
  icalcomponent *calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  guint n = g_list_model_get_n_items (sessions);
  char *ical;
  char *text;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar,
                              icalproperty_new_prodid ("-//Kabinett//Kabinett " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);

      icalcomponent_add_component (calendar, session_event (store, session, initials_only, stamp));
    }

  ical = icalcomponent_as_ical_string_r (calendar);
  text = g_strdup (ical);
  icalmemory_free_buffer (ical);
  icalcomponent_free (calendar);

  if (out_n_events != NULL)
    *out_n_events = n;

  return text;
}

/**
 * kab_ics_export:
 * @from: start of the range (inclusive)
 * @to: end of the range (exclusive)
 *
 * Returns: (transfer full): the sessions starting in [@from, @to) as iCalendar text,
 *   or %NULL with @error set
 */
char *
kab_ics_export (KabStore   *store,
                GDateTime  *from,
                GDateTime  *to,
                gboolean    initials_only,
                guint      *out_n_events,
                GError    **error)
{
  g_autoptr(GListModel) sessions = NULL;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  sessions = kab_store_list_sessions (store, from, to, error);
  if (sessions == NULL)
    return NULL;

  return kab_ics_export_sessions (store, sessions, initials_only, out_n_events);
}
