/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-format.c: formatting and styling that the Clients view's widgets share */

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include "kab-clients-private.h"
#include "kab-enums.h"
#include "kab-model-error.h"
#include "kab-money.h"

static const char * const tone_classes[] = { "success", "warning", "error", "accent", "dim-label", NULL };

static void
set_tone (GtkWidget  *widget,
          const char *tone)
{
  for (guint i = 0; tone_classes[i] != NULL; i++)
    {
      if (g_strcmp0 (tone, tone_classes[i]) != 0)
        gtk_widget_remove_css_class (widget, tone_classes[i]);
    }

  if (tone != NULL)
    gtk_widget_add_css_class (widget, tone);
}

static char *
format_time_of_day (GDateTime *local)
{
  /* Translators: the time of a session, strftime format: "14:30" (use "%l:%M %p" for a
   * 12-hour clock) */
  g_autofree char *text = g_date_time_format (local, _("%H:%M"));

  return g_strdup (g_strstrip (text));
}

static char *
format_day (GDateTime *local,
            GDateTime *now)
{
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now),
                                                      0, 0, 0);
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_time_get_year (local),
                                                    g_date_time_get_month (local),
                                                    g_date_time_get_day_of_month (local),
                                                    0, 0, 0);
  /* Days apart, rounded: a DST change makes a day 23 or 25 hours long. */
  gint64 days = (g_date_time_difference (day, today) + G_TIME_SPAN_HOUR * 12) / G_TIME_SPAN_DAY;
  g_autofree char *text = NULL;

  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Tomorrow"));
  if (days == -1)
    return g_strdup (_("Yesterday"));

  if (days > 1 && days < 7)
    /* Translators: a day in the coming week, strftime format: "Thursday" */
    text = g_date_time_format (local, _("%A"));
  else if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: a day of this year, strftime format: "Thu 14 May" */
    text = g_date_time_format (local, _("%a %-d %b"));
  else
    /* Translators: a day of another year, strftime format: "14 May 2023" */
    text = g_date_time_format (local, _("%-d %b %Y"));

  return g_strdup (g_strstrip (text));
}

/**
 * kab_clients_format_when:
 * @time: a moment, e.g. the start of a session
 *
 * Returns: (transfer full): "Today, 14:30", "Thursday, 9:00", "Thu 14 May, 10:00" or
 *   "14 May 2023, 10:00", in the local time zone
 */
char *
kab_clients_format_when (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = format_day (local, now);
  g_autofree char *hour = format_time_of_day (local);

  /* Translators: a day and a time of day: "Today, 14:30", "Thursday, 9:00" */
  return g_strdup_printf (C_("day, time", "%s, %s"), day, hour);
}

/* The locale's date format, with the century: a date of birth in "12/31/85" is ambiguous. */
static char *
dup_date_format (void)
{
  const char *format = nl_langinfo (D_FMT);
  GString *result;

  if (format == NULL || *format == '\0')
    return g_strdup ("%Y-%m-%d");

  result = g_string_new (format);
  g_string_replace (result, "%y", "%Y", 0);
  return g_string_free (result, FALSE);
}

/**
 * kab_clients_format_date:
 * @date: (nullable): a date
 *
 * Returns: (transfer full): @date in the locale's short form with a four-digit year
 *   ("31.12.1985", "12/31/1985", "1985-12-31"), or "" for %NULL
 */
char *
kab_clients_format_date (GDateTime *date)
{
  g_autofree char *format = NULL;
  g_autofree char *text = NULL;

  if (date == NULL)
    return g_strdup ("");

  format = dup_date_format ();
  text = g_date_time_format (date, format);
  return g_strdup (text != NULL ? g_strstrip (text) : "");
}

static gboolean
has_four_digits (const char *text)
{
  guint run = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      run = g_ascii_isdigit (*p) ? run + 1 : 0;
      if (run >= 4)
        return TRUE;
    }

  return FALSE;
}

/**
 * kab_clients_parse_date:
 * @text: a date as the user typed it, in the locale's order or as 1985-12-31
 * @out_date: (out) (transfer full) (nullable): the date at local midnight, or %NULL when
 *   @text is blank
 *
 * Returns: %FALSE with a translated error that shows the expected form
 */
gboolean
kab_clients_parse_date (const char  *text,
                        GDateTime  **out_date,
                        GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  GDate date;

  *out_date = NULL;
  if (*stripped == '\0')
    return TRUE;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, stripped);

  /* Two-digit years are refused rather than guessed: 05 could be 1905 or 2005. GDate
   * guesses a century for them itself, so the text must show the year whole. */
  if (!g_date_valid (&date) || g_date_get_year (&date) < 1000 || !has_four_digits (stripped))
    {
      g_autoptr(GDateTime) example = g_date_time_new_local (1985, 12, 31, 0, 0, 0);
      g_autofree char *shown = kab_clients_format_date (example);

      g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE,
                   /* Translators: %s is an example date in the user's format, e.g. 31.12.1985 */
                   _("Enter the date like this: %s."), shown);
      return FALSE;
    }

  *out_date = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                     g_date_get_day (&date), 0, 0, 0);
  return TRUE;
}

/**
 * kab_clients_format_amount:
 *
 * Returns: (transfer full): @minor as the user would type it: "1500", "1500,50" (with the
 *   locale's decimal mark, no grouping and no currency symbol), which kab_money_parse()
 *   reads back
 */
char *
kab_clients_format_amount (gint64      minor,
                           const char *currency)
{
  guint digits = kab_currency_get_digits (currency);
  gint64 unit = 1;
  const char *point = localeconv ()->decimal_point;

  for (guint i = 0; i < digits; i++)
    unit *= 10;

  if (minor % unit == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, minor / unit);

  return g_strdup_printf ("%" G_GINT64_FORMAT "%s%0*" G_GINT64_FORMAT,
                          minor / unit, point != NULL && *point != '\0' ? point : ".",
                          (int)digits, minor % unit);
}

/**
 * kab_clients_show_balance:
 * @show_settled: whether a zero balance reads "Settled" (else the label hides)
 *
 * Shows what the client owes in red and a credit in green, with tabular figures.
 */
void
kab_clients_show_balance (GtkLabel   *label,
                          gint64      balance,
                          const char *currency,
                          gboolean    show_settled)
{
  g_autofree char *amount = kab_money_format (ABS (balance), currency);
  g_autofree char *text = NULL;

  gtk_widget_add_css_class (GTK_WIDGET (label), "numeric");
  gtk_widget_set_visible (GTK_WIDGET (label), balance != 0 || show_settled);

  if (balance > 0)
    {
      /* Translators: the client owes this amount, e.g. "Owes 1 500,00 kr" */
      text = g_strdup_printf (_("Owes %s"), amount);
      set_tone (GTK_WIDGET (label), "error");
    }
  else if (balance < 0)
    {
      /* Translators: the client has paid this much in advance, e.g. "Credit 500,00 kr" */
      text = g_strdup_printf (_("Credit %s"), amount);
      set_tone (GTK_WIDGET (label), "success");
    }
  else
    {
      /* Translators: the balance of a client who owes nothing */
      text = g_strdup (_("Settled"));
      set_tone (GTK_WIDGET (label), "dim-label");
    }

  gtk_label_set_label (label, text);
}

/* A small pill naming the state of the client's agreement. */
void
kab_clients_show_consent (GtkLabel        *label,
                          KabConsentState  state,
                          gboolean         with_tooltip)
{
  const char *text = NULL;
  const char *tone = NULL;
  const char *tooltip = NULL;

  switch (state)
    {
    case KAB_CONSENT_STATE_SIGNED:
      /* Translators: badge: the client's therapy agreement is signed */
      text = C_("consent", "Signed");
      tone = "success";
      tooltip = _("The therapy agreement is signed");
      break;

    case KAB_CONSENT_STATE_PRINTED:
      /* Translators: badge: the agreement was printed but is not signed yet */
      text = C_("consent", "Unsigned");
      tone = "warning";
      tooltip = _("The therapy agreement was printed but is not signed yet");
      break;

    case KAB_CONSENT_STATE_WITHDRAWN:
      /* Translators: badge: the client withdrew their consent */
      text = C_("consent", "Withdrawn");
      tone = "error";
      tooltip = _("The client withdrew their consent");
      break;

    case KAB_CONSENT_STATE_MISSING:
    default:
      /* Translators: badge: there is no therapy agreement for this client yet */
      text = C_("consent", "No Consent");
      tone = "warning";
      tooltip = _("There is no therapy agreement for this client yet");
      break;
    }

  gtk_label_set_label (label, text);
  /* A tooltip asks the display server where the pointer is, a round trip each time: too
   * slow for 200 list rows at every keystroke. The rows describe the badge to assistive
   * technologies instead. */
  if (with_tooltip)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  gtk_widget_add_css_class (GTK_WIDGET (label), "kab-badge");
  set_tone (GTK_WIDGET (label), tone);
}

/* A pill for a status other than active; an active client needs no badge. */
void
kab_clients_show_status (GtkLabel        *label,
                         KabClientStatus  status)
{
  gtk_widget_set_visible (GTK_WIDGET (label), status != KAB_CLIENT_STATUS_ACTIVE);
  gtk_label_set_label (label, kab_client_status_to_label (status));
  gtk_widget_add_css_class (GTK_WIDGET (label), "kab-badge");
  set_tone (GTK_WIDGET (label), status == KAB_CLIENT_STATUS_PAUSED ? "accent" : "dim-label");
}

const char *
kab_clients_get_currency (KabStore *store)
{
  KabPractice *practice = kab_store_get_practice (store);

  return practice != NULL ? kab_practice_get_currency (practice) : "EUR";
}

const char *
kab_clients_get_fee_title (KabBillingPlan plan)
{
  switch (plan)
    {
    case KAB_BILLING_PLAN_MONTHLY:
      return _("Monthly Fee");

    case KAB_BILLING_PLAN_PACKAGE:
      return _("Package Price");

    case KAB_BILLING_PLAN_PER_SESSION:
    default:
      return _("Fee per Session");
    }
}

GListModel *
kab_clients_new_status_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int i = KAB_CLIENT_STATUS_ACTIVE; i <= KAB_CLIENT_STATUS_ARCHIVED; i++)
    gtk_string_list_append (list, kab_client_status_to_label (i));

  return G_LIST_MODEL (list);
}

GListModel *
kab_clients_new_service_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int i = KAB_SERVICE_CONSULTATION; i <= KAB_SERVICE_PSYCHOTHERAPY; i++)
    gtk_string_list_append (list, kab_service_to_label (i));

  return G_LIST_MODEL (list);
}

GListModel *
kab_clients_new_plan_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int i = KAB_BILLING_PLAN_PER_SESSION; i <= KAB_BILLING_PLAN_PACKAGE; i++)
    gtk_string_list_append (list, kab_billing_plan_to_label (i));

  return G_LIST_MODEL (list);
}

/**
 * kab_clients_show_field_error:
 * @row: (nullable): the row whose input was refused
 * @message: (nullable): the translated reason, or %NULL to clear the error
 *
 * Marks @row and shows @message in @error_label under the row's group; what the user
 * typed stays in the row.
 */
void
kab_clients_show_field_error (GtkWidget  *row,
                              GtkLabel   *error_label,
                              const char *message)
{
  gboolean failed = message != NULL && *message != '\0';

  if (row != NULL && failed)
    gtk_widget_add_css_class (row, "error");
  else if (row != NULL)
    gtk_widget_remove_css_class (row, "error");

  gtk_label_set_label (error_label, failed ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (error_label), failed);

  if (row != NULL)
    {
      if (failed)
        gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (row),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   failed ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
    }
}
