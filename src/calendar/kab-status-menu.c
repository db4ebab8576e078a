/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-status-menu.c: a session's statuses as a menu, each saying what it charges.
 *
 * The calendar's blocks and the Today list offer the same choice in the same words: what
 * the store's rules would charge on the session's day ("charged 600 kr", "not charged",
 * "from the package"), and under a heading that applies the practice's notice rule to a
 * cancellation made now. */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-money.h"
#include "kab-status-menu.h"

static gboolean
uses_package (KabStore   *store,
              KabSession *session)
{
  KabClient *client = kab_store_find_client (store, kab_session_get_client_id (session));

  return client != NULL && kab_client_get_billing_plan (client) == KAB_BILLING_PLAN_PACKAGE;
}

/**
 * kab_status_menu_new:
 * @action: the detailed action of each item, for instance "block.status"
 * @target: what each item passes to @action
 *
 * Returns: (transfer full): the statuses of @session, each saying what it charges
 */
GMenu *
kab_status_menu_new (KabStore            *store,
                     KabSession          *session,
                     const char          *action,
                     KabStatusTargetFunc  target)
{
  static const struct { KabSessionStatus status; const char *label; } items[] = {
    { KAB_SESSION_STATUS_PLANNED, N_("_Planned") },
    { KAB_SESSION_STATUS_ATTENDED, N_("_Attended") },
    { KAB_SESSION_STATUS_CANCELLED_IN_TIME, N_("Cancelled in _Time") },
    { KAB_SESSION_STATUS_CANCELLED_LATE, N_("Cancelled _Late") },
    { KAB_SESSION_STATUS_NO_SHOW, N_("_No-Show") },
    { KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER, N_("Cancelled by _Me") },
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GMenu *statuses = g_menu_new ();
  const char *code;
  gboolean ahead;

  g_return_val_if_fail (KAB_IS_STORE (store), statuses);
  g_return_val_if_fail (KAB_IS_SESSION (session), statuses);

  code = kab_practice_get_currency (kab_store_get_practice (store));
  ahead = g_date_time_compare (kab_session_get_start (session), now) > 0;
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;
      gint64 amount;

      if (items[i].status == KAB_SESSION_STATUS_PLANNED)
        {
          label = g_strdup (_(items[i].label));
        }
      else if ((items[i].status == KAB_SESSION_STATUS_ATTENDED ||
                items[i].status == KAB_SESSION_STATUS_NO_SHOW) && ahead)
        {
          /* Translators: a status a session that has not begun cannot have yet, e.g.
           * "_Attended · once it has begun" */
          label = g_strdup_printf (_("%s · once it has begun"), _(items[i].label));
        }
      else if ((amount = kab_store_preview_session_charge (store, session, items[i].status)) > 0)
        {
          g_autofree char *money = kab_money_format (amount, code);

          /* Translators: a session status in its menu and what it charges, e.g.
           * "Cancelled _Late · charged 600,00 kr" */
          label = g_strdup_printf (_("%s · charged %s"), _(items[i].label), money);
        }
      else if (kab_session_status_is_charged (items[i].status) && uses_package (store, session))
        {
          /* Translators: a session status in its menu that uses up a session of the
           * client's prepaid package instead of a charge, e.g. "Cancelled _Late · from
           * the package" */
          label = g_strdup_printf (_("%s · from the package"), _(items[i].label));
        }
      else
        {
          /* Translators: a session status in its menu that charges nothing, e.g.
           * "Cancelled in _Time · not charged" */
          label = g_strdup_printf (_("%s · not charged"), _(items[i].label));
        }

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, action, target (session, items[i].status));
      g_menu_append_item (statuses, item);
    }

  return statuses;
}

/**
 * kab_status_menu_heading:
 *
 * Returns: (transfer full): the heading of the statuses: "What Happened" once the
 *   session has begun, before it whether a cancellation now is in time or late
 */
char *
kab_status_menu_heading (KabStore   *store,
                         KabSession *session)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int hours;
  GTimeSpan notice;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);
  g_return_val_if_fail (KAB_IS_SESSION (session), NULL);

  hours = kab_store_get_cancel_hours_on (store, kab_session_get_start (session));
  notice = g_date_time_difference (kab_session_get_start (session), now);
  if (notice <= 0)
    return g_strdup (_("What Happened"));
  if (notice >= hours * G_TIME_SPAN_HOUR)
    /* Translators: the heading of a future session's statuses; %d is the practice's
     * notice period in hours */
    return g_strdup_printf (ngettext ("Cancelled now: in time (%d hour’s notice)",
                                      "Cancelled now: in time (%d hours’ notice)", hours),
                            hours);
  /* Translators: the heading of a future session's statuses; %d is the practice's
   * notice period in hours */
  return g_strdup_printf (ngettext ("Cancelled now: late (less than %d hour’s notice)",
                                    "Cancelled now: late (less than %d hours’ notice)", hours),
                          hours);
}
