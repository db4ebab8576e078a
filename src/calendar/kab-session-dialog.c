/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-session-dialog.c: plan, change or repeat a session */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kab-calendar-util.h"
#include "kab-client-filter.h"
#include "kab-date-format.h"
#include "kab-drop-down-escape.h"
#include "kab-money.h"
#include "kab-session-dialog.h"
#include "kab-session-overlaps.h"
#include "journal/kab-journal-editor.h"

typedef enum
{
  MODE_NEW,
  MODE_EDIT_SESSION,
  MODE_EDIT_SERIES,
} Mode;

enum {
  ENDS_NEVER,
  ENDS_ON_DATE,
  ENDS_AFTER_COUNT,
};

struct _KabSessionDialog
{
  AdwWindow       parent_instance;

  KabStore       *store;
  KabSession     *session;   /* MODE_NEW and MODE_EDIT_SESSION: the copy being edited */
  KabSeries      *series;    /* MODE_EDIT_SERIES: the copy being edited */
  Mode            mode;
  gint64          initial_client_id;
  GPtrArray      *overlaps;
  gboolean        fee_edited;
  guint           updating;
  gboolean        discard_confirmed;
  gboolean        kind_edited;
  gboolean        setting_kind;
  guint           proposing;  /* the dialog, not the user, sets the cancellation's status */

  GtkFilter      *client_filter;
  GListModel     *clients;   /* the dropdown's model: active clients by name */
  KabClientFilter *search;   /* the one client search, behind the dropdown's search field */
  GtkEditable    *search_entry;

  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  GtkRevealer    *overlap_revealer;
  GtkLabel       *overlap_label;
  GtkLabel       *error_label;
  AdwActionRow   *client_row;
  GtkDropDown    *client_dropdown;
  AdwActionRow   *consent_row;
  GtkMenuButton  *date_button;
  GtkPopover     *date_popover;
  GtkCalendar    *date_calendar;
  GtkSpinButton  *hour_spin;
  GtkSpinButton  *minute_spin;
  AdwActionRow   *duration_row;
  GtkSpinButton  *duration_spin;
  AdwComboRow    *kind_row;
  AdwEntryRow    *fee_row;
  AdwEntryRow    *note_row;
  AdwActionRow   *journal_row;
  GtkWidget      *remark_hint;
  GtkWidget      *repeat_group;
  AdwExpanderRow *repeat_row;
  GtkSpinButton  *interval_spin;
  GtkLabel       *interval_unit_label;
  AdwComboRow    *ends_row;
  AdwActionRow   *until_row;
  AdwActionRow   *count_row;
  GtkSpinButton  *count_spin;
  GtkLabel       *count_unit_label;
  GtkMenuButton  *until_button;
  GtkPopover     *until_popover;
  GtkCalendar    *until_calendar;
  GtkLabel       *series_info_label;
  GtkWidget      *cancel_group;
  AdwExpanderRow *cancel_row;
  GtkMenuButton  *cancel_date_button;
  GtkPopover     *cancel_date_popover;
  GtkCalendar    *cancel_calendar;
  GtkSpinButton  *cancel_hour_spin;
  GtkSpinButton  *cancel_minute_spin;
  AdwComboRow    *cancel_status_row;
};

/* The statuses of a cancellation by the client, in the order of cancel_status_row. */
static const KabSessionStatus cancel_statuses[] = {
  KAB_SESSION_STATUS_CANCELLED_IN_TIME,
  KAB_SESSION_STATUS_CANCELLED_LATE,
};

G_DEFINE_FINAL_TYPE (KabSessionDialog, kab_session_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
currency (KabSessionDialog *self)
{
  return kab_practice_get_currency (kab_store_get_practice (self->store));
}

/* The zone new sessions are planned in: the computer's, by its name when it has one,
 * so that a weekly session stays at 10:00 across daylight-saving changes. */
static char *
local_tzid (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *id = g_time_zone_get_identifier (local);
  g_autoptr(GTimeZone) named = id != NULL ? g_time_zone_new_identifier (id) : NULL;

  return g_strdup (named != NULL ? id : "");
}

static GTimeZone *
zone_for (const char *tzid)
{
  GTimeZone *zone = NULL;

  if (tzid != NULL && *tzid != '\0')
    zone = g_time_zone_new_identifier (tzid);

  return zone != NULL ? zone : g_time_zone_new_local ();
}

/* Reading the form */

static KabClient *
selected_client (KabSessionDialog *self)
{
  return gtk_drop_down_get_selected_item (self->client_dropdown);
}

static gint64
selected_client_id (KabSessionDialog *self)
{
  KabClient *client = selected_client (self);

  return client != NULL ? kab_client_get_id (client) : 0;
}

static void
selected_date (GtkCalendar *calendar,
               int         *year,
               int         *month,
               int         *day)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  *year = g_date_time_get_year (date);
  *month = g_date_time_get_month (date);
  *day = g_date_time_get_day_of_month (date);
}

static int
start_minute (KabSessionDialog *self)
{
  return gtk_spin_button_get_value_as_int (self->hour_spin) * 60 +
         gtk_spin_button_get_value_as_int (self->minute_spin);
}

/* The start the form describes, in the zone of @tzid. */
static GDateTime *
form_start (KabSessionDialog *self,
            const char       *tzid)
{
  g_autoptr(GTimeZone) zone = zone_for (tzid);
  int year, month, day;
  int minute = start_minute (self);

  selected_date (self->date_calendar, &year, &month, &day);
  return g_date_time_new (zone, year, month, day, minute / 60, minute % 60, 0);
}

static GDateTime *
form_date (GtkCalendar *calendar,
           const char  *tzid)
{
  g_autoptr(GTimeZone) zone = zone_for (tzid);
  int year, month, day;

  selected_date (calendar, &year, &month, &day);
  return g_date_time_new (zone, year, month, day, 0, 0, 0);
}

static gboolean
is_repeating (KabSessionDialog *self)
{
  return self->mode == MODE_EDIT_SERIES ||
         (self->mode == MODE_NEW && adw_expander_row_get_enable_expansion (self->repeat_row));
}

static gboolean
read_fee (KabSessionDialog  *self,
          gint64            *out_fee,
          GError           **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->fee_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    {
      *out_fee = 0;
      return TRUE;
    }

  return kab_money_parse (stripped, currency (self), out_fee, error);
}

static GDateTime *form_cancel_time (KabSessionDialog *self);

/* What the form says, as a session (for a single one) … */
static KabSession *
build_session (KabSessionDialog *self,
               gint64            fee)
{
  KabSession *session = kab_session_copy (self->session);
  g_autoptr(GDateTime) start = form_start (self, kab_session_get_tzid (session));

  g_object_set (session,
                "client-id", selected_client_id (self),
                "start", start,
                "duration", gtk_spin_button_get_value_as_int (self->duration_spin),
                "kind", (KabSessionKind)adw_combo_row_get_selected (self->kind_row),
                "fee", fee,
                "note", gtk_editable_get_text (GTK_EDITABLE (self->note_row)),
                NULL);

  /* The client's cancellation, as the user settled it; switched off again, a session
   * cancelled by the client is planned again. */
  if (self->mode == MODE_EDIT_SESSION)
    {
      KabSessionStatus status = kab_session_get_status (session);

      guint selected = adw_combo_row_get_selected (self->cancel_status_row);

      if (adw_expander_row_get_enable_expansion (self->cancel_row) && selected < G_N_ELEMENTS (cancel_statuses))
        {
          g_autoptr(GDateTime) cancelled = form_cancel_time (self);

          kab_session_set_status (session, cancel_statuses[selected]);
          /* The store keeps when the client cancelled. */
          kab_session_set_cancelled_at (session, cancelled);
        }
      else if (status == KAB_SESSION_STATUS_CANCELLED_IN_TIME || status == KAB_SESSION_STATUS_CANCELLED_LATE)
        kab_session_set_status (session, KAB_SESSION_STATUS_PLANNED);
    }
  return session;
}

/* … or as a recurring appointment. */
static KabSeries *
build_series (KabSessionDialog *self,
              gint64            fee)
{
  KabSeries *series;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) until = NULL;
  const char *tzid;

  if (self->series != NULL)
    series = kab_series_copy (self->series);
  else
    {
      series = kab_series_new ();
      kab_series_set_tzid (series, kab_session_get_tzid (self->session));
    }

  tzid = kab_series_get_tzid (series);
  first = form_date (self->date_calendar, tzid);
  if (adw_combo_row_get_selected (self->ends_row) == ENDS_ON_DATE)
    until = form_date (self->until_calendar, tzid);
  /* Ends after N sessions, counted from the first one. */
  kab_series_set_max_count (series, adw_combo_row_get_selected (self->ends_row) == ENDS_AFTER_COUNT
                                    ? gtk_spin_button_get_value_as_int (self->count_spin) : 0);

  g_object_set (series,
                "client-id", selected_client_id (self),
                "first-date", first,
                "until-date", until,
                "start-minute", start_minute (self),
                "duration", gtk_spin_button_get_value_as_int (self->duration_spin),
                "interval-weeks", gtk_spin_button_get_value_as_int (self->interval_spin),
                "kind", (KabSessionKind)adw_combo_row_get_selected (self->kind_row),
                "fee", fee,
                NULL);
  return series;
}

/* Showing what the form means */

static void
update_date_label (GtkCalendar   *calendar,
                   GtkMenuButton *button)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *label = kab_calendar_format_day (date);

  gtk_menu_button_set_label (button, label);
}

static void
update_duration_subtitle (KabSessionDialog *self)
{
  g_autoptr(GDateTime) start = form_start (self, NULL);
  g_autoptr(GDateTime) end = start != NULL
    ? g_date_time_add_minutes (start, gtk_spin_button_get_value_as_int (self->duration_spin))
    : NULL;
  g_autofree char *time = end != NULL ? kab_calendar_format_time (end) : NULL;
  /* Translators: under the duration of a session: when it ends, "Ends at 10:50" */
  g_autofree char *subtitle = time != NULL ? g_strdup_printf (_("Ends at %s"), time) : NULL;

  adw_action_row_set_subtitle (self->duration_row, subtitle != NULL ? subtitle : "");
}

static void
update_repeat_summary (KabSessionDialog *self)
{
  int interval = gtk_spin_button_get_value_as_int (self->interval_spin);
  g_autoptr(GDateTime) start = form_start (self, NULL);
  g_autofree char *weekday = start != NULL ? kab_date_format_in_sentence (start, C_("weekday in a sentence", "%A")) : g_strdup ("");
  g_autofree char *time = start != NULL ? kab_calendar_format_time (start) : g_strdup ("");
  g_autofree char *summary = NULL;
  gboolean ends = adw_combo_row_get_selected (self->ends_row) == ENDS_ON_DATE;
  int count = gtk_spin_button_get_value_as_int (self->count_spin);

  gtk_label_set_label (self->interval_unit_label,
                       /* Translators: after a number: "Every [2] weeks" */
                       ngettext ("week", "weeks", interval));
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), ends);
  gtk_label_set_label (self->count_unit_label,
                       /* Translators: after a number: "Stop after [10] sessions" */
                       ngettext ("session", "sessions", count));
  gtk_widget_set_visible (GTK_WIDGET (self->count_row),
                          adw_combo_row_get_selected (self->ends_row) == ENDS_AFTER_COUNT);

  if (interval == 1)
    /* Translators: a recurring appointment: "Weekly on Monday at 10:00" */
    summary = g_strdup_printf (_("Weekly on %s at %s"), weekday, time);
  else if (interval == 2)
    /* Translators: a recurring appointment: "Every other week on Monday at 10:00" */
    summary = g_strdup_printf (_("Every other week on %s at %s"), weekday, time);
  else
    /* Translators: a recurring appointment: "Every 2 weeks on Monday at 10:00" */
    summary = g_strdup_printf (ngettext ("Every %d week on %s at %s", "Every %d weeks on %s at %s",
                                         interval),
                               interval, weekday, time);

  if (!is_repeating (self))
    /* Translators: the subtitle of "Repeats" when the session happens once */
    adw_expander_row_set_subtitle (self->repeat_row, _("Once"));
  else
    adw_expander_row_set_subtitle (self->repeat_row, summary);
}

static void
update_consent (KabSessionDialog *self)
{
  KabClient *client = selected_client (self);
  const char *title = NULL;
  const char *subtitle = NULL;

  if (client != NULL)
    {
      switch (kab_client_get_consent_state (client))
        {
        case KAB_CONSENT_STATE_MISSING:
          title = _("No signed agreement yet");
          subtitle = _("Print the therapy agreement in Consent and have it signed at the first session.");
          break;

        case KAB_CONSENT_STATE_PRINTED:
          title = _("The agreement is printed but not signed yet");
          subtitle = _("Mark it signed in Consent once the client has signed it.");
          break;

        case KAB_CONSENT_STATE_WITHDRAWN:
          title = _("The client has withdrawn consent");
          subtitle = _("Talk about it with the client before planning more sessions.");
          break;

        case KAB_CONSENT_STATE_SIGNED:
        default:
          break;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->consent_row), title != NULL);
  if (title != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->consent_row), title);
      adw_action_row_set_subtitle (self->consent_row, subtitle);
    }
}

static void
update_overlaps (KabSessionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GPtrArray *found;

  if (is_repeating (self))
    {
      g_autoptr(KabSeries) series = build_series (self, 0);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      found = kab_session_overlaps_find_series (self->store, series, now, &error);
    }
  else
    {
      g_autoptr(KabSession) session = build_session (self, 0);

      found = kab_session_overlaps_find (self->store, session, &error);
    }

  if (found == NULL)
    g_warning ("Could not look for overlapping sessions: %s", error->message);

  g_clear_pointer (&self->overlaps, g_ptr_array_unref);
  self->overlaps = found;

  text = kab_session_overlaps_describe (self->overlaps);
  gtk_label_set_label (self->overlap_label, text != NULL ? text : "");
  gtk_revealer_set_reveal_child (self->overlap_revealer, text != NULL);
}

/* What a new session of @client costs: the client's fee per session, or the practice's
 * usual fee for a client added before one was set; nothing on a monthly fee or a package. */
static gint64
new_session_fee (KabSessionDialog *self,
                 KabClient        *client)
{
  if (kab_client_get_billing_plan (client) != KAB_BILLING_PLAN_PER_SESSION)
    return 0;
  if (kab_client_get_fee (client) > 0)
    return kab_client_get_fee (client);
  return kab_practice_get_default_fee (kab_store_get_practice (self->store));
}

static void
set_fee (KabSessionDialog *self,
         gint64            fee)
{
  g_autofree char *text = kab_money_format (fee, currency (self));

  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->fee_row), text);
  self->updating--;
}

static void
update_save_sensitivity (KabSessionDialog *self)
{
  gtk_widget_set_sensitive (self->save_button, selected_client (self) != NULL);
}

static void
show_error (KabSessionDialog *self,
            const GError     *error)
{
  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
clear_error (KabSessionDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->fee_row), "error");
}

/* Callbacks */

/* A new booking is of the client's service: a consultation for a client who came for
 * one, psychotherapy otherwise, unless the user chose the kind already. */
static void
carry_service (KabSessionDialog *self)
{
  KabClient *client = selected_client (self);
  KabSessionKind kind;

  if (self->mode != MODE_NEW || self->kind_edited || client == NULL)
    return;

  kind = kab_client_get_service (client) == KAB_SERVICE_CONSULTATION ? KAB_SESSION_KIND_CONSULTATION
                                                                      : KAB_SESSION_KIND_PSYCHOTHERAPY;
  self->setting_kind = TRUE;
  adw_combo_row_set_selected (self->kind_row, kind);
  self->setting_kind = FALSE;
}

static void
on_kind_changed (KabSessionDialog *self)
{
  if (!self->setting_kind && self->updating == 0)
    self->kind_edited = TRUE;
}

static void
on_client_changed (KabSessionDialog *self)
{
  KabClient *client = selected_client (self);

  if (self->store == NULL)
    return;

  update_consent (self);
  update_save_sensitivity (self);

  if (client == NULL)
    return;

  /* A package client's package, as the session would find it: "3 of 10 left". */
  {
    g_autofree char *state = NULL;
    int left = 0, size = 0;

    if (kab_client_get_billing_plan (client) == KAB_BILLING_PLAN_PACKAGE &&
        kab_store_get_package_state (self->store, kab_client_get_id (client), &left, &size))
      state = left > 0
        /* Translators: how much of a client's prepaid package is left, e.g. "3 of 10 left" */
        ? g_strdup_printf (ngettext ("Package: %d of %d left", "Package: %d of %d left", size),
                           left, size)
        : g_strdup (_("Package used up: sessions are charged one by one"));
    adw_action_row_set_subtitle (self->client_row, state != NULL ? state : "");
  }
  carry_service (self);

  /* A new session costs what the client pays per session, unless typed in already. */
  if (self->mode == MODE_NEW && !self->fee_edited)
    set_fee (self, new_session_fee (self, client));

  if (self->updating == 0)
    update_overlaps (self);
}

static void propose_cancel_status (KabSessionDialog *self);

/* A session moved against its cancellation time: the notice changes, so the proposal. */
static void
repropose_cancel_status (KabSessionDialog *self)
{
  if (self->mode == MODE_EDIT_SESSION && self->updating == 0 &&
      adw_expander_row_get_enable_expansion (self->cancel_row))
    propose_cancel_status (self);
}

static void
on_date_selected (KabSessionDialog *self)
{
  if (self->store == NULL)
    return;

  update_date_label (self->date_calendar, self->date_button);
  gtk_popover_popdown (self->date_popover);
  repropose_cancel_status (self);
  update_duration_subtitle (self);
  update_repeat_summary (self);
  if (self->updating == 0)
    update_overlaps (self);
}

static void
on_until_selected (KabSessionDialog *self)
{
  if (self->store == NULL)
    return;

  update_date_label (self->until_calendar, self->until_button);
  gtk_popover_popdown (self->until_popover);
  if (self->updating == 0)
    update_overlaps (self);
}

static void
on_when_changed (KabSessionDialog *self)
{
  if (self->store == NULL)
    return;

  repropose_cancel_status (self);
  update_duration_subtitle (self);
  update_repeat_summary (self);
  if (self->updating == 0)
    update_overlaps (self);
}

static void
on_repeat_changed (KabSessionDialog *self)
{
  if (self->store == NULL)
    return;

  /* A series has no note of its own: notes belong to single sessions. */
  gtk_widget_set_visible (GTK_WIDGET (self->note_row), !is_repeating (self));
  update_repeat_summary (self);
  if (self->updating == 0)
    update_overlaps (self);
}

static gboolean
on_spin_output (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void update_cancel_hints (KabSessionDialog *self);

static void
on_fee_changed (KabSessionDialog *self)
{
  if (self->updating == 0)
    self->fee_edited = TRUE;
  gtk_widget_remove_css_class (GTK_WIDGET (self->fee_row), "error");
  /* What a late cancellation charges follows the fee. */
  if (self->store != NULL && self->mode == MODE_EDIT_SESSION && self->updating == 0)
    update_cancel_hints (self);
}

/* The client's cancellation */

/* When the client cancelled, as the form says, in local time. */
static GDateTime *
form_cancel_time (KabSessionDialog *self)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  int year, month, day;

  selected_date (self->cancel_calendar, &year, &month, &day);
  return g_date_time_new (zone, year, month, day,
                          gtk_spin_button_get_value_as_int (self->cancel_hour_spin),
                          gtk_spin_button_get_value_as_int (self->cancel_minute_spin), 0);
}

/* The practice's notice rule: in time with at least its notice hours before the start. */
static KabSessionStatus
proposed_cancel_status (KabSessionDialog *self)
{
  g_autoptr(GDateTime) start = form_start (self, kab_session_get_tzid (self->session));
  g_autoptr(GDateTime) cancelled = form_cancel_time (self);

  return kab_store_cancellation_status (self->store, start, cancelled);
}

/* Says what the rule proposes and what the chosen status charges. */
static void
update_cancel_hints (KabSessionDialog *self)
{
  g_autoptr(GDateTime) start = form_start (self, kab_session_get_tzid (self->session));
  int hours = kab_store_get_cancel_hours_on (self->store, start);
  guint selected = adw_combo_row_get_selected (self->cancel_status_row);
  g_autoptr(KabSession) session = NULL;
  g_autofree char *proposal = NULL;
  g_autofree char *charge = NULL;
  gint64 amount = 0;
  gint64 fee = 0;

  if (proposed_cancel_status (self) == KAB_SESSION_STATUS_CANCELLED_IN_TIME)
    /* Translators: under when the client cancelled; %d is the practice's notice period */
    proposal = g_strdup_printf (ngettext ("Proposed: in time (at least %d hour’s notice)",
                                          "Proposed: in time (at least %d hours’ notice)", hours),
                                hours);
  else
    /* Translators: under when the client cancelled; %d is the practice's notice period */
    proposal = g_strdup_printf (ngettext ("Proposed: late (less than %d hour’s notice)",
                                          "Proposed: late (less than %d hours’ notice)", hours),
                                hours);
  adw_expander_row_set_subtitle (self->cancel_row, proposal);

  if (selected >= G_N_ELEMENTS (cancel_statuses))
    return;
  if (!read_fee (self, &fee, NULL))
    fee = kab_session_get_fee (self->session);
  session = build_session (self, fee);
  amount = kab_store_preview_session_charge (self->store, session, cancel_statuses[selected]);
  if (amount > 0)
    {
      g_autofree char *money = kab_money_format (amount, currency (self));

      /* Translators: what a cancellation charges, e.g. "Charged 720,00 kr" */
      charge = g_strdup_printf (_("Charged %s"), money);
    }
  else
    /* Translators: a cancellation that charges nothing */
    charge = g_strdup (_("Not charged"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->cancel_status_row), charge);
}

/* A new cancellation time brings a new proposal; the user can still choose the other. */
static void
propose_cancel_status (KabSessionDialog *self)
{
  KabSessionStatus proposed = proposed_cancel_status (self);

  self->proposing++;
  for (guint i = 0; i < G_N_ELEMENTS (cancel_statuses); i++)
    if (cancel_statuses[i] == proposed)
      adw_combo_row_set_selected (self->cancel_status_row, i);
  self->proposing--;
  update_cancel_hints (self);
}

static void
on_cancel_time_changed (KabSessionDialog *self)
{
  if (self->store == NULL || self->mode != MODE_EDIT_SESSION || self->updating > 0)
    return;

  propose_cancel_status (self);
}

static void
on_cancel_day_selected (KabSessionDialog *self)
{
  if (self->store == NULL)
    return;

  update_date_label (self->cancel_calendar, self->cancel_date_button);
  gtk_popover_popdown (self->cancel_date_popover);
  on_cancel_time_changed (self);
}

static void
on_cancel_changed (KabSessionDialog *self)
{
  if (self->store == NULL || self->mode != MODE_EDIT_SESSION || self->updating > 0)
    return;

  if (adw_expander_row_get_enable_expansion (self->cancel_row))
    {
      adw_expander_row_set_expanded (self->cancel_row, TRUE);
      propose_cancel_status (self);
    }
}

static void
on_cancel_status_changed (KabSessionDialog *self)
{
  if (self->store == NULL || self->mode != MODE_EDIT_SESSION || self->proposing > 0)
    return;

  update_cancel_hints (self);
}

static void
on_cancel_clicked (KabSessionDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* A new session the user has started to fill in (a client chosen, a note typed) is not
 * thrown away by Escape or Cancel without a question. */
static gboolean
has_new_input (KabSessionDialog *self)
{
  if (self->mode != MODE_NEW)
    return FALSE;

  return selected_client_id (self) != self->initial_client_id
         || *gtk_editable_get_text (GTK_EDITABLE (self->note_row)) != '\0'
         || self->fee_edited;
}

static gboolean
close_idle (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     KabSessionDialog *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* Not from inside the question's own signal: closing this window ends it too. */
  self->discard_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
}

static gboolean
kab_session_dialog_close_request (GtkWindow *window)
{
  KabSessionDialog *self = KAB_SESSION_DIALOG (window);
  AdwMessageDialog *dialog;

  if (self->discard_confirmed || !has_new_input (self))
    return GTK_WINDOW_CLASS (kab_session_dialog_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Discard New Session?"),
                                                       _("What you filled in will be lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
finish_save (KabSessionDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!kab_session_dialog_save (self, &error))
    {
      show_error (self, error);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
finish_save_idle (gpointer user_data)
{
  KabSessionDialog *self = user_data;

  if (self->store != NULL)
    finish_save (self);
  return G_SOURCE_REMOVE;
}

static void
on_overlap_response (AdwMessageDialog *dialog,
                     const char       *response,
                     KabSessionDialog *self)
{
  /* Not from inside the confirmation's own signal: saving closes this window, which
   * the confirmation is still attached to until its response is over. */
  if (g_strcmp0 (response, "plan") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT, finish_save_idle, g_object_ref (self), g_object_unref);
}

static void
confirm_overlaps (KabSessionDialog *self)
{
  g_autofree char *body = kab_session_overlaps_describe (self->overlaps);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Plan Overlapping Session?"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Go Back"),
                                    "plan", _("_Plan Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "plan", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_overlap_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_clicked (KabSessionDialog *self)
{
  update_overlaps (self);

  if (self->overlaps != NULL && self->overlaps->len > 0)
    {
      confirm_overlaps (self);
      return;
    }

  finish_save (self);
}

/* Saving */

static gboolean
save_single (KabSessionDialog  *self,
             gint64             fee,
             GError           **error)
{
  g_autoptr(KabSession) session = build_session (self, fee);

  /* An occurrence changed on its own leaves its series: a later change of the series
   * must not move it back. */
  if (self->mode == MODE_EDIT_SESSION && kab_session_get_series_id (session) != 0)
    kab_session_set_detached (session, TRUE);

  if (!kab_store_save_session (self->store, session, error))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0, session);
  return TRUE;
}

static gboolean
save_series (KabSessionDialog  *self,
             gint64             fee,
             GError           **error)
{
  g_autoptr(KabSeries) series = build_series (self, fee);

  if (!kab_store_save_series (self->store, series, error))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0, series);
  return TRUE;
}

/**
 * kab_session_dialog_save:
 *
 * Saves what the form says, overlaps or not (the Save button asks first).
 *
 * Returns: %FALSE with a translated @error when the form or the store refused it
 */
gboolean
kab_session_dialog_save (KabSessionDialog  *self,
                         GError           **error)
{
  gint64 fee = 0;

  g_return_val_if_fail (KAB_IS_SESSION_DIALOG (self), FALSE);

  clear_error (self);

  if (selected_client (self) == NULL)
    {
      g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                           _("Choose the client the session is with."));
      return FALSE;
    }

  if (!read_fee (self, &fee, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->fee_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->fee_row));
      return FALSE;
    }

  if (is_repeating (self))
    return save_series (self, fee, error);

  return save_single (self, fee, error);
}

/**
 * kab_session_dialog_has_overlaps:
 *
 * Returns: whether the form's session or series overlaps other planned sessions
 */
gboolean
kab_session_dialog_has_overlaps (KabSessionDialog *self)
{
  g_return_val_if_fail (KAB_IS_SESSION_DIALOG (self), FALSE);

  return self->overlaps != NULL && self->overlaps->len > 0;
}

/* Filling the form */

static gboolean
filter_client (gpointer item,
               gpointer user_data)
{
  KabSessionDialog *self = user_data;
  KabClient *client = item;

  /* Active clients, and whoever the session is already with. */
  return kab_client_get_status (client) == KAB_CLIENT_STATUS_ACTIVE ||
         kab_client_get_id (client) == self->initial_client_id;
}

/* By family name, then given name, as the Clients view lists them. */
static char *
family_sort_key (KabClient *client)
{
  const char *family = kab_client_get_family_name (client);

  return g_strdup (*family != '\0' ? family : kab_client_get_given_name (client));
}

static char *
given_sort_key (KabClient *client)
{
  return g_strdup (kab_client_get_given_name (client));
}

static GtkSorter *
new_name_sorter (void)
{
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();

  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_string_sorter_new (
    gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (family_sort_key), NULL, NULL))));
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_string_sorter_new (
    gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (given_sort_key), NULL, NULL))));
  return GTK_SORTER (sorter);
}

/* GtkDropDown's own search matches its expression's string by prefix. So that the field
 * searches as the Clients list does (folded names, phone digits), the expression gives a
 * client that KabClientFilter finds the typed text itself (which always matches), and
 * anyone else an empty string (which never does). */
static char *
search_key (KabClient        *client,
            KabSessionDialog *self)
{
  const char *text;

  if (client == NULL || self->search_entry == NULL)
    return g_strdup ("");

  text = gtk_editable_get_text (self->search_entry);
  if (g_strcmp0 (text, kab_client_filter_get_query (self->search)) != 0)
    kab_client_filter_set_query (self->search, text);

  return g_strdup (gtk_filter_match (GTK_FILTER (self->search), client) ? text : "");
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The rows show the client's name (and in the list, a check mark on the chosen one), as
 * GtkDropDown's own rows do; its own rows would show the search key. */
static void
update_check (GtkDropDown *dropdown,
              GParamSpec  *pspec,
              GtkListItem *item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, gtk_drop_down_get_selected_item (dropdown) ==
                                 gtk_list_item_get_item (item) ? 1.0 : 0.0);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           KabSessionDialog         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  gboolean in_list = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "in-list"));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  if (in_list)
    {
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("object-select-symbolic"));
    }
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          KabSessionDialog         *self)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GBinding *binding = g_object_bind_property (gtk_list_item_get_item (item), "display-name",
                                              label, "label", G_BINDING_SYNC_CREATE);

  g_object_set_data (G_OBJECT (label), "kab-name-binding", binding);
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "in-list")))
    {
      g_signal_connect (self->client_dropdown, "notify::selected-item",
                        G_CALLBACK (update_check), item);
      update_check (self->client_dropdown, NULL, item);
    }
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            KabSessionDialog         *self)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GBinding *binding = g_object_get_data (G_OBJECT (label), "kab-name-binding");

  if (self->client_dropdown != NULL)
    g_signal_handlers_disconnect_by_func (self->client_dropdown, update_check, item);
  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (label), "kab-name-binding", NULL);
}

static GtkListItemFactory *
new_row_factory (KabSessionDialog *self,
                 gboolean          in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "in-list", GINT_TO_POINTER (in_list));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  return factory;
}

static void
setup_clients (KabSessionDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = new_row_factory (self, FALSE);
  g_autoptr(GtkListItemFactory) list_factory = new_row_factory (self, TRUE);
  GtkExpression *key = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                    G_CALLBACK (search_key), self, NULL);
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkSorter *sorter;

  self->client_filter = GTK_FILTER (gtk_custom_filter_new (filter_client, self, NULL));
  filtered = gtk_filter_list_model_new (g_object_ref (kab_store_get_clients (self->store)),
                                        g_object_ref (self->client_filter));
  sorter = new_name_sorter ();
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), sorter);
  self->clients = G_LIST_MODEL (sorted);

  self->search = kab_client_filter_new ();
  kab_client_filter_set_show_archived (self->search, TRUE);
  self->search_entry = GTK_EDITABLE (find_search_entry (GTK_WIDGET (self->client_dropdown)));
  g_warn_if_fail (self->search_entry != NULL);
  kab_drop_down_close_on_escape (self->client_dropdown);

  gtk_drop_down_set_factory (self->client_dropdown, factory);
  gtk_drop_down_set_list_factory (self->client_dropdown, list_factory);
  gtk_drop_down_set_expression (self->client_dropdown, key);
  gtk_drop_down_set_model (self->client_dropdown, self->clients);
  gtk_expression_unref (key);
}

static void
select_client (KabSessionDialog *self,
               gint64            client_id)
{
  guint n = g_list_model_get_n_items (self->clients);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (self->clients, i);

      if (kab_client_get_id (client) == client_id)
        {
          gtk_drop_down_set_selected (self->client_dropdown, i);
          return;
        }
    }

  gtk_drop_down_set_selected (self->client_dropdown, GTK_INVALID_LIST_POSITION);
  /* Translators: under "Client" while none is chosen */
  adw_action_row_set_subtitle (self->client_row, _("Choose who the session is with"));
}

static void
set_calendar_date (GtkCalendar   *calendar,
                   GtkMenuButton *button,
                   GDateTime     *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);
  /* Noon: a calendar day is never shifted by a zone change. */
  g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_time_get_year (local),
                                                     g_date_time_get_month (local),
                                                     g_date_time_get_day_of_month (local),
                                                     12, 0, 0);

  gtk_calendar_select_day (calendar, noon);
  update_date_label (calendar, button);
}

static void
set_series_date (GtkCalendar   *calendar,
                 GtkMenuButton *button,
                 GDateTime     *date)
{
  /* A series' dates are calendar days in its own zone: keep the day as written. */
  g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_time_get_year (date),
                                                     g_date_time_get_month (date),
                                                     g_date_time_get_day_of_month (date),
                                                     12, 0, 0);

  gtk_calendar_select_day (calendar, noon);
  update_date_label (calendar, button);
}

static void
set_start_time (KabSessionDialog *self,
                int               minute)
{
  gtk_spin_button_set_value (self->hour_spin, minute / 60);
  /* Round to the spin button's five minutes. */
  gtk_spin_button_set_value (self->minute_spin, (minute % 60) / 5 * 5);
}

/* The client's cancellation: when (now, unless the user says otherwise) and how it
 * counts, the status it has already or the one the practice's rule proposes. */
static void
fill_cancellation (KabSessionDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  KabSessionStatus status = kab_session_get_status (self->session);
  GDateTime *cancelled = kab_session_get_cancelled_at (self->session);

  if (self->mode != MODE_EDIT_SESSION)
    return;

  /* When the client cancelled, as recorded; for a new cancellation, now. */
  if (cancelled != NULL)
    {
      g_clear_pointer (&now, g_date_time_unref);
      now = g_date_time_to_local (cancelled);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cancel_statuses); i++)
    gtk_string_list_append (labels, kab_session_status_to_label (cancel_statuses[i]));
  adw_combo_row_set_model (self->cancel_status_row, G_LIST_MODEL (labels));

  set_calendar_date (self->cancel_calendar, self->cancel_date_button, now);
  gtk_spin_button_set_value (self->cancel_hour_spin, g_date_time_get_hour (now));
  gtk_spin_button_set_value (self->cancel_minute_spin, g_date_time_get_minute (now));

  for (guint i = 0; i < G_N_ELEMENTS (cancel_statuses); i++)
    if (cancel_statuses[i] == status)
      {
        adw_combo_row_set_selected (self->cancel_status_row, i);
        adw_expander_row_set_enable_expansion (self->cancel_row, TRUE);
      }
}

/* A note from before the journal was copied into it as an imported entry, and stays here
 * too (nothing was removed): the dialog says so, so that clinical text can be cleared. */
static gboolean
note_was_imported (KabStore   *store,
                   KabSession *session)
{
  g_autoptr(KabJournalEntry) entry = NULL;

  if (kab_session_get_id (session) == 0 || *kab_session_get_note (session) == '\0')
    return FALSE;

  entry = kab_store_find_session_journal_entry (store, kab_session_get_id (session), NULL);
  return entry != NULL && kab_journal_entry_get_imported (entry) &&
         g_strcmp0 (kab_journal_entry_get_text (entry), kab_session_get_note (session)) == 0;
}

static void
fill_from_session (KabSessionDialog *self)
{
  KabSession *session = self->session;
  g_autoptr(GDateTime) local = g_date_time_to_local (kab_session_get_start (session));

  select_client (self, kab_session_get_client_id (session));
  set_calendar_date (self->date_calendar, self->date_button, local);
  set_start_time (self, g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local));
  gtk_spin_button_set_value (self->duration_spin, kab_session_get_duration (session));
  adw_combo_row_set_selected (self->kind_row, kab_session_get_kind (session));
  set_fee (self, kab_session_get_fee (session));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), kab_session_get_note (session));
  /* The remark is practical; what happened in the session belongs in the journal. */
  gtk_widget_set_visible (GTK_WIDGET (self->journal_row), kab_session_get_id (session) != 0);
  gtk_widget_set_visible (self->remark_hint, note_was_imported (self->store, session));
  fill_cancellation (self);
}

static void
on_journal_activated (KabSessionDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (kab_journal_editor_open_session (self->store, self->session, GTK_WINDOW (self), &error) == NULL)
    show_error (self, error);
}

static void
fill_from_series (KabSessionDialog *self)
{
  KabSeries *series = self->series;
  GDateTime *until = kab_series_get_until_date (series);

  select_client (self, kab_series_get_client_id (series));
  set_series_date (self->date_calendar, self->date_button, kab_series_get_first_date (series));
  set_start_time (self, kab_series_get_start_minute (series));
  gtk_spin_button_set_value (self->duration_spin, kab_series_get_duration (series));
  adw_combo_row_set_selected (self->kind_row, kab_series_get_kind (series));
  set_fee (self, kab_series_get_fee (series));
  gtk_spin_button_set_value (self->interval_spin, kab_series_get_interval_weeks (series));
  adw_combo_row_set_selected (self->ends_row, until != NULL ? ENDS_ON_DATE
                                              : kab_series_get_max_count (series) > 0 ? ENDS_AFTER_COUNT
                                              : ENDS_NEVER);
  if (kab_series_get_max_count (series) > 0)
    gtk_spin_button_set_value (self->count_spin, kab_series_get_max_count (series));
  if (until != NULL)
    set_series_date (self->until_calendar, self->until_button, until);
}

static void
setup_kinds (KabSessionDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  for (int kind = KAB_SESSION_KIND_CONSULTATION; kind <= KAB_SESSION_KIND_SUPERVISION; kind++)
    gtk_string_list_append (kinds, kab_session_kind_to_label (kind));

  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

static void
setup_mode (KabSessionDialog *self)
{
  switch (self->mode)
    {
    case MODE_NEW:
      adw_window_title_set_title (self->window_title, _("New Session"));
      /* The client comes first: without this the focus starts on Cancel, and Return
       * there throws the new session away. */
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->client_dropdown));
      break;

    case MODE_EDIT_SESSION:
      adw_window_title_set_title (self->window_title, _("Edit Session"));
      gtk_widget_set_visible (self->repeat_group, FALSE);
      gtk_widget_set_visible (self->cancel_group, TRUE);
      if (kab_session_get_series_id (self->session) != 0)
        {
          gtk_label_set_label (self->series_info_label,
                               _("This session is part of a recurring appointment. Changes here apply to this session only."));
          gtk_widget_set_visible (GTK_WIDGET (self->series_info_label), TRUE);
        }
      break;

    case MODE_EDIT_SERIES:
      adw_window_title_set_title (self->window_title, _("Edit Recurring Appointment"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->client_row), _("Client"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->client_dropdown), FALSE);
      adw_expander_row_set_show_enable_switch (self->repeat_row, FALSE);
      adw_expander_row_set_enable_expansion (self->repeat_row, TRUE);
      adw_expander_row_set_expanded (self->repeat_row, TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->repeat_row), _("Repeats"));
      gtk_label_set_label (self->series_info_label,
                           _("Changes apply to the planned sessions from today on. Past sessions and sessions changed on their own stay as they are."));
      gtk_widget_set_visible (GTK_WIDGET (self->series_info_label), TRUE);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
fill_form (KabSessionDialog *self)
{
  g_autoptr(GDateTime) until = NULL;
  KabClient *client;

  self->updating++;

  setup_kinds (self);
  setup_clients (self);
  setup_mode (self);

  if (self->series != NULL)
    fill_from_series (self);
  else
    fill_from_session (self);

  /* A sensible end, ready for when "On a Date" is picked: three months on. */
  if (self->series == NULL || kab_series_get_until_date (self->series) == NULL)
    {
      g_autoptr(GDateTime) start = form_start (self, NULL);

      until = g_date_time_add_weeks (start, 12);
      set_calendar_date (self->until_calendar, self->until_button, until);
    }

  client = selected_client (self);
  if (self->mode == MODE_NEW && client != NULL)
    set_fee (self, new_session_fee (self, client));
  if (self->mode != MODE_EDIT_SESSION)
    adw_window_title_set_subtitle (self->window_title, "");
  else if (client != NULL)
    adw_window_title_set_subtitle (self->window_title, kab_client_get_display_name (client));

  self->fee_edited = FALSE;
  self->updating--;

  on_repeat_changed (self);
  update_consent (self);
  update_duration_subtitle (self);
  update_save_sensitivity (self);
  if (self->mode == MODE_EDIT_SESSION)
    update_cancel_hints (self);
}

/* GObject */

static void
kab_session_dialog_dispose (GObject *object)
{
  KabSessionDialog *self = KAB_SESSION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_SESSION_DIALOG);
  g_clear_object (&self->clients);
  g_clear_object (&self->client_filter);
  g_clear_object (&self->search);
  g_clear_object (&self->session);
  g_clear_object (&self->series);
  g_clear_object (&self->store);
  g_clear_pointer (&self->overlaps, g_ptr_array_unref);

  G_OBJECT_CLASS (kab_session_dialog_parent_class)->dispose (object);
}

static void
kab_session_dialog_class_init (KabSessionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_session_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = kab_session_dialog_close_request;

  /**
   * KabSessionDialog::saved:
   * @what: the #KabSession or #KabSeries that was saved
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/calendar/kab-session-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, overlap_revealer);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, overlap_label);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, client_row);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, client_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, consent_row);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, date_popover);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, fee_row);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, journal_row);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, remark_hint);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, repeat_group);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, interval_unit_label);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, ends_row);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, count_row);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, count_spin);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, count_unit_label);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, until_button);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, until_popover);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, until_calendar);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, series_info_label);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, cancel_group);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, cancel_row);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, cancel_date_button);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, cancel_date_popover);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, cancel_calendar);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, cancel_hour_spin);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, cancel_minute_spin);
  gtk_widget_class_bind_template_child (widget_class, KabSessionDialog, cancel_status_row);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_journal_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_date_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_until_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_when_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_repeat_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output);
  gtk_widget_class_bind_template_callback (widget_class, on_fee_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_time_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_status_changed);
}

/* GTK 4.8's drop-down leaves the focus on its list when it opens, so the first letters
 * typed to find a client are lost: the search field takes the focus instead, as in the
 * payment dialog's chooser. */
static void
focus_search_entry (GtkWidget *popover)
{
  for (GtkWidget *child = gtk_widget_get_first_child (popover); child != NULL; )
    {
      if (GTK_IS_SEARCH_ENTRY (child))
        {
          gtk_widget_grab_focus (child);
          return;
        }

      if (gtk_widget_get_first_child (child) != NULL)
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != popover && gtk_widget_get_next_sibling (child) == NULL)
            child = gtk_widget_get_parent (child);
          child = child != popover ? gtk_widget_get_next_sibling (child) : NULL;
        }
    }
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
item_matches (GtkExpression *expression,
              GObject       *item,
              const char    *folded_text)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *folded = NULL;

  if (!gtk_expression_evaluate (expression, item, &value) || !G_VALUE_HOLDS_STRING (&value) ||
      g_value_get_string (&value) == NULL)
    return FALSE;

  folded = g_utf8_casefold (g_value_get_string (&value), -1);
  return strstr (folded, folded_text) != NULL;
}

/* Return in the search field chooses the first client whose name has what was typed,
 * as in the payment dialog's chooser: GTK 4.8's drop-down does nothing, and Down from
 * there loses the focus to a list row. The names are matched here, not read from the
 * list, which the search filters only after a delay. */
static void
on_client_search_activate (GtkEditable *entry,
                           GtkWidget   *popover)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_widget_get_parent (popover));
  GtkExpression *expression = gtk_drop_down_get_expression (dropdown);
  GListModel *all = gtk_drop_down_get_model (dropdown);
  g_autofree char *folded_text = g_utf8_casefold (gtk_editable_get_text (entry), -1);

  if (expression == NULL || all == NULL || *folded_text == '\0')
    return;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (all, i);

      if (item_matches (expression, item, folded_text))
        {
          gtk_drop_down_set_selected (dropdown, i);
          gtk_popover_popdown (GTK_POPOVER (popover));
          gtk_widget_grab_focus (GTK_WIDGET (dropdown));
          return;
        }
    }
}

/* After the popover's own focus handling, which runs once it is shown. */
static gboolean
focus_search_idle (gpointer data)
{
  focus_search_entry (data);
  return G_SOURCE_REMOVE;
}

static void
on_client_popover_map (GtkWidget *popover)
{
  GtkWidget *entry = find_descendant (popover, GTK_TYPE_SEARCH_ENTRY);

  if (entry != NULL && g_object_get_data (G_OBJECT (entry), "kab-chooses") == NULL)
    {
      g_object_set_data (G_OBJECT (entry), "kab-chooses", GINT_TO_POINTER (TRUE));
      g_signal_connect_object (entry, "activate", G_CALLBACK (on_client_search_activate), popover, 0);
    }

  focus_search_entry (popover);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, focus_search_idle, g_object_ref (popover), g_object_unref);
}

static void
focus_search_on_popup (GtkDropDown *dropdown)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        g_signal_connect_after (child, "map", G_CALLBACK (on_client_popover_map), NULL);
    }
}

static void
kab_session_dialog_init (KabSessionDialog *self)
{
  self->updating = 1; /* template signals fire while the form is still empty */
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = 0;

  focus_search_on_popup (self->client_dropdown);
}

static KabSessionDialog *
dialog_new (KabStore   *store,
            Mode        mode,
            KabSession *session,
            KabSeries  *series)
{
  KabSessionDialog *self = g_object_new (KAB_TYPE_SESSION_DIALOG, NULL);

  /* The form is filled once the template exists; its signals stay quiet until then
   * (they check for the store). */
  self->store = g_object_ref (store);
  self->mode = mode;
  self->session = session;
  self->series = series;
  self->initial_client_id = series != NULL ? kab_series_get_client_id (series)
                                           : kab_session_get_client_id (session);

  fill_form (self);
  carry_service (self);
  g_signal_connect_object (self->kind_row, "notify::selected",
                           G_CALLBACK (on_kind_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client_dropdown, "notify::selected-item",
                           G_CALLBACK (on_client_changed), self, G_CONNECT_SWAPPED);
  update_overlaps (self);
  return self;
}

/* The next full hour within the practice's working day: later today, or the start of
 * the next day. */
static GDateTime *
next_free_hour (KabPractice *practice)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int start_hour = kab_practice_get_day_start_hour (practice);
  int end_minute = kab_practice_get_day_end_hour (practice) * 60;
  int hour = MAX (g_date_time_get_hour (now) + 1, start_hour);
  g_autoptr(GDateTime) tomorrow = NULL;

  if (hour * 60 + kab_practice_get_default_duration (practice) <= end_minute)
    return g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                  g_date_time_get_day_of_month (now), hour, 0, 0);

  tomorrow = g_date_time_add_days (now, 1);
  return g_date_time_new_local (g_date_time_get_year (tomorrow), g_date_time_get_month (tomorrow),
                                g_date_time_get_day_of_month (tomorrow), start_hour, 0, 0);
}

/**
 * kab_session_dialog_new_session:
 * @start: (nullable): when, or %NULL for the next full hour
 * @client_id: the client to preselect, or 0
 *
 * Returns: (transfer full): a dialog planning a new session or recurring appointment
 */
KabSessionDialog *
kab_session_dialog_new_session (KabStore  *store,
                                GDateTime *start,
                                gint64     client_id)
{
  KabPractice *practice;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *tzid = local_tzid ();
  KabSession *session;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  practice = kab_store_get_practice (store);
  when = start != NULL ? g_date_time_ref (start) : next_free_hour (practice);

  session = kab_session_new ();
  g_object_set (session,
                "client-id", client_id,
                "start", when,
                "tzid", tzid,
                "duration", kab_practice_get_default_duration (practice),
                "kind", KAB_SESSION_KIND_PSYCHOTHERAPY,
                "status", KAB_SESSION_STATUS_PLANNED,
                NULL);

  return dialog_new (store, MODE_NEW, session, NULL);
}

/**
 * kab_session_dialog_edit_session:
 * @session: the session to change; the dialog edits a copy
 *
 * Returns: (transfer full): a dialog changing one session
 */
KabSessionDialog *
kab_session_dialog_edit_session (KabStore   *store,
                                 KabSession *session)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);
  g_return_val_if_fail (KAB_IS_SESSION (session), NULL);

  return dialog_new (store, MODE_EDIT_SESSION, kab_session_copy (session), NULL);
}

/**
 * kab_session_dialog_edit_series:
 * @series: the recurring appointment to change; the dialog edits a copy
 *
 * Returns: (transfer full): a dialog changing a recurring appointment from today on
 */
KabSessionDialog *
kab_session_dialog_edit_series (KabStore  *store,
                                KabSeries *series)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);
  g_return_val_if_fail (KAB_IS_SERIES (series), NULL);

  return dialog_new (store, MODE_EDIT_SERIES, NULL, kab_series_copy (series));
}
