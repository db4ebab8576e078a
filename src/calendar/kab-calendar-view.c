/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-calendar-view.c: the Calendar view, one page of the main window */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-calendar-util.h"
#include "kab-calendar-view-private.h"
#include "kab-style.h"
#include "kab-toast.h"
#include "kab-country.h"

/* How far ahead recurring appointments are written out when the view starts. */
#define SERIES_HORIZON_WEEKS 26

G_DEFINE_FINAL_TYPE (KabCalendarView, kab_calendar_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * kab_calendar_add_toast:
 * @widget: a widget of the Calendar view
 * @toast: (transfer full): what to say
 *
 * Shows @toast over the nearest toast overlay above the view (the main window's).
 */
void
kab_calendar_add_toast (GtkWidget *widget,
                        AdwToast  *toast)
{
  kab_widget_add_toast (widget, toast);
}

static gboolean
is_month (KabCalendarView *self)
{
  return g_strcmp0 (self->mode, "month") == 0;
}

static gboolean
is_day (KabCalendarView *self)
{
  return g_strcmp0 (self->mode, "day") == 0;
}

/* What is shown */

static void
update_day_tooltips (KabCalendarView *self)
{
  if (self->tooltips_mode == 3)
    return;
  self->tooltips_mode = 3;

  gtk_widget_set_tooltip_text (self->previous_button, _("Previous Day (Alt+Left)"));
  gtk_widget_set_tooltip_text (self->next_button, _("Next Day (Alt+Right)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Previous Day"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Next Day"), -1);
}

static void
update_navigation_tooltips (KabCalendarView *self)
{
  gboolean month = is_month (self);

  if (is_day (self))
    {
      update_day_tooltips (self);
      return;
    }

  /* Tooltips are costly to set: only when the mode changes, not on every step. */
  if (self->tooltips_mode == (month ? 2 : 1))
    return;
  self->tooltips_mode = month ? 2 : 1;

  gtk_widget_set_tooltip_text (self->previous_button,
                               month ? _("Previous Month (Alt+Left)") : _("Previous Week (Alt+Left)"));
  gtk_widget_set_tooltip_text (self->next_button,
                               month ? _("Next Month (Alt+Right)") : _("Next Week (Alt+Right)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  month ? _("Previous Month") : _("Previous Week"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  month ? _("Next Month") : _("Next Week"),
                                  -1);
}

static void on_slot_activated (KabCalendarView *self,
                               GDateTime       *start);

static void
apply_practice_to_week (KabCalendarView *self)
{
  KabPractice *practice = kab_store_get_practice (self->store);

  kab_week_page_set_working_hours (self->week_page,
                                   kab_practice_get_day_start_hour (practice),
                                   kab_practice_get_day_end_hour (practice));
  kab_week_grid_set_slot_minutes (kab_week_page_get_grid (self->week_page),
                                  kab_practice_get_default_duration (practice));
  /* Week numbers where people plan by them: the practice's country says so. */
  kab_week_page_set_show_week_number (self->week_page,
                                      kab_country_uses_week_numbers (kab_practice_get_country (practice)));
}

/* The week and the month are made the first time they are shown: the calendar opens on
 * Today by default, and the first frame then lays out no hour grid and no 42 days. */
static KabWeekPage *
ensure_week_page (KabCalendarView *self)
{
  if (self->week_page != NULL)
    return self->week_page;

  self->week_page = KAB_WEEK_PAGE (kab_week_page_new ());
  gtk_stack_add_named (self->mode_stack, GTK_WIDGET (self->week_page), "week");
  g_signal_connect_object (kab_week_page_get_grid (self->week_page), "slot-activated",
                           G_CALLBACK (on_slot_activated), self, G_CONNECT_SWAPPED);
  apply_practice_to_week (self);
  kab_week_page_scroll_to_hour (self->week_page,
                                kab_practice_get_day_start_hour (kab_store_get_practice (self->store)));
  return self->week_page;
}

/* The practitioner's supervision log, a page of its own: made when first shown. */
KabSupervisionPage *
kab_calendar_view_ensure_supervision_page (KabCalendarView *self)
{
  if (self->supervision_page == NULL)
    {
      self->supervision_page = g_object_new (KAB_TYPE_SUPERVISION_PAGE, "store", self->store, NULL);
      gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->supervision_page), "supervision");
    }

  return self->supervision_page;
}

static void
apply_practice_to_month (KabCalendarView *self)
{
  KabPractice *practice = kab_store_get_practice (self->store);

  kab_month_page_set_show_week_numbers (self->month_page,
                                        kab_country_uses_week_numbers (kab_practice_get_country (practice)));
}

static KabMonthPage *
ensure_month_page (KabCalendarView *self)
{
  if (self->month_page != NULL)
    return self->month_page;

  self->month_page = KAB_MONTH_PAGE (kab_month_page_new ());
  gtk_stack_add_named (self->mode_stack, GTK_WIDGET (self->month_page), "month");
  apply_practice_to_month (self);
  return self->month_page;
}

static void
set_range (KabCalendarView *self,
           GDateTime       *from,
           GDateTime       *to,
           char            *title)
{
  g_clear_pointer (&self->range_from, g_date_time_unref);
  g_clear_pointer (&self->range_to, g_date_time_unref);
  g_free (self->title);

  self->range_from = from;
  self->range_to = to;
  self->title = title;
  gtk_label_set_label (GTK_LABEL (self->title_label), title);
}

static void
update_range (KabCalendarView *self)
{
  if (is_day (self))
    {
      g_autoptr(GDateTime) noon = g_date_time_add_hours (self->date, 12);
      g_autoptr(GDateTime) next = g_date_time_add_days (noon, 1);

      set_range (self, g_date_time_ref (self->date), kab_calendar_day_start (next),
                 kab_calendar_format_day (self->date));
      kab_today_page_set_date (self->today_page, self->date);
    }
  else if (is_month (self))
    {
      g_autoptr(GDateTime) month = kab_calendar_month_start (self->date);
      GDateTime *from, *to;

      kab_month_page_set_month (ensure_month_page (self), month, self->first_weekday);
      kab_month_page_get_range (self->month_page, &from, &to);
      set_range (self, from, to, kab_calendar_format_month_title (month));
    }
  else
    {
      GDateTime *from = kab_calendar_week_start (self->date, self->first_weekday);
      g_autoptr(GDateTime) after = g_date_time_add_days (from, 7);

      kab_week_page_set_week_start (ensure_week_page (self), from);
      set_range (self, from, kab_calendar_day_start (after), kab_calendar_format_week_title (from));
    }

  gtk_stack_set_visible_child_name (self->mode_stack, self->mode);
  update_navigation_tooltips (self);
}

static void
update_empty_state (KabCalendarView *self)
{
  gboolean has_clients = g_list_model_get_n_items (kab_store_get_clients (self->store)) > 0;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "supervision") == 0)
    return;

  gtk_stack_set_visible_child_name (self->main_stack, has_clients ? "calendar" : "empty");
}

/**
 * kab_calendar_view_refresh:
 *
 * Loads the sessions of the range shown, and only those: one indexed query.
 */
void
kab_calendar_view_refresh (KabCalendarView *self)
{
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GListModel) absences = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  /* The day page follows the store by itself, sessions and money alike. */
  if (self->range_from == NULL || is_day (self))
    return;

  sessions = kab_store_list_sessions (self->store, self->range_from, self->range_to, &error);
  if (sessions == NULL)
    {
      kab_calendar_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  kab_calendar_add_supervision (self->store, G_LIST_STORE (sessions), self->range_from, self->range_to);
  absences = kab_store_list_absences (self->store, self->range_from, self->range_to, NULL);

  if (is_month (self))
    {
      kab_month_page_set_absences (ensure_month_page (self), absences);
      kab_month_page_set_sessions (self->month_page, sessions);
      kab_calendar_view_focus_moved_block (self);
      return;
    }

  /* The working hours and the slot come from apply_practice_to_week(), when the page is
   * made and when the practice changes: not again at every step. */
  kab_week_grid_set_sessions (kab_week_page_get_grid (ensure_week_page (self)), sessions);
  kab_week_page_set_absences (self->week_page, absences);
  kab_calendar_view_focus_moved_block (self);
}

static gboolean
refresh_idle (gpointer user_data)
{
  KabCalendarView *self = user_data;

  self->refresh_id = 0;
  kab_calendar_view_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Several writes in a row (a series, an import) make one refresh. */
static void
queue_refresh (KabCalendarView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, refresh_idle, self, NULL);
}

static void
on_clients_changed (KabCalendarView *self)
{
  update_empty_state (self);
  queue_refresh (self);
}

/* The pages made so far follow the practice; the others take it when they are made. */
static void
on_practice_changed (KabCalendarView *self)
{
  if (self->week_page != NULL)
    apply_practice_to_week (self);
  if (self->month_page != NULL)
    apply_practice_to_month (self);
}

/* Navigation */

/**
 * kab_calendar_view_set_date:
 * @date: a day to show, with its week or month
 */
void
kab_calendar_view_set_date (KabCalendarView *self,
                            GDateTime       *date)
{
  g_return_if_fail (KAB_IS_CALENDAR_VIEW (self));
  g_return_if_fail (date != NULL);

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = kab_calendar_day_start (date);

  update_range (self);
  kab_calendar_view_refresh (self);
}

/**
 * kab_calendar_view_step:
 * @direction: -1 for the previous week or month, 1 for the next
 */
void
kab_calendar_view_step (KabCalendarView *self,
                        int              direction)
{
  g_autoptr(GDateTime) date = NULL;

  if (is_day (self))
    {
      g_autoptr(GDateTime) noon = g_date_time_add_hours (self->date, 12);
      date = g_date_time_add_days (noon, direction);
    }
  else if (is_month (self))
    {
      g_autoptr(GDateTime) month = kab_calendar_month_start (self->date);
      date = g_date_time_add_months (month, direction);
    }
  else
    {
      /* From noon: a week is 7 calendar days even when the clocks change. */
      g_autoptr(GDateTime) noon = g_date_time_add_hours (self->date, 12);
      date = g_date_time_add_days (noon, 7 * direction);
    }

  kab_calendar_view_set_date (self, date);
}

void
kab_calendar_view_go_today (KabCalendarView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  kab_calendar_view_set_date (self, now);
  if (self->week_page != NULL)
    kab_week_page_scroll_to_hour (self->week_page,
                                  kab_practice_get_day_start_hour (kab_store_get_practice (self->store)));
}

/* At midnight "today" moves: the marks follow. */
static gboolean
on_day_timer (gpointer user_data)
{
  KabCalendarView *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_day_of_year (now) != self->today_index)
    {
      self->today_index = g_date_time_get_day_of_year (now);
      update_range (self);
      queue_refresh (self);
    }

  return G_SOURCE_CONTINUE;
}

/* Recurring appointments are written out half a year ahead; once a session, the view
 * moves that horizon along. */
static gboolean
extend_series_idle (gpointer user_data)
{
  KabCalendarView *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) horizon = g_date_time_add_weeks (now, SERIES_HORIZON_WEEKS);
  g_autoptr(GError) error = NULL;

  self->startup_id = 0;
  if (!kab_store_extend_series (self->store, horizon, &error))
    kab_calendar_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));

  return G_SOURCE_REMOVE;
}

static void
on_slot_activated (KabCalendarView *self,
                   GDateTime       *start)
{
  kab_calendar_view_new_session_at (self, start);
}

/* GObject */

static void
kab_calendar_view_constructed (GObject *object)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (object);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  G_OBJECT_CLASS (kab_calendar_view_parent_class)->constructed (object);

  g_return_if_fail (KAB_IS_STORE (self->store));

  self->first_weekday = kab_calendar_get_first_weekday ();
  self->date = kab_calendar_day_start (now);
  self->today_index = g_date_time_get_day_of_year (now);

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "calendar-mode", self, "mode", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->store, "sessions-changed",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kab_store_get_clients (self->store), "items-changed",
                           G_CALLBACK (on_clients_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kab_store_get_practice (self->store), "notify",
                           G_CALLBACK (on_practice_changed), self, G_CONNECT_SWAPPED);

  kab_today_page_set_store (self->today_page, self->store);
  update_range (self);
  update_empty_state (self);
  kab_calendar_view_refresh (self);

  self->startup_id = g_idle_add (extend_series_idle, self);
  self->day_timer_id = g_timeout_add_seconds (60, on_day_timer, self);
}

static void
kab_calendar_view_dispose (GObject *object)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->startup_id, g_source_remove);
  g_clear_handle_id (&self->day_timer_id, g_source_remove);
  g_clear_weak_pointer (&self->move_toast);

  /* The stack is the bin's child and a template child: let the bin drop it first, so
   * that neither unparents it twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_CALENDAR_VIEW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_calendar_view_parent_class)->dispose (object);
}

static void
kab_calendar_view_finalize (GObject *object)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (object);

  g_clear_pointer (&self->mode, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->range_from, g_date_time_unref);
  g_clear_pointer (&self->range_to, g_date_time_unref);

  G_OBJECT_CLASS (kab_calendar_view_parent_class)->finalize (object);
}

static void
kab_calendar_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_calendar_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KabCalendarView *self = KAB_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_MODE:
      kab_calendar_view_set_mode (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_calendar_view_class_init (KabCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kab_calendar_view_constructed;
  object_class->dispose = kab_calendar_view_dispose;
  object_class->finalize = kab_calendar_view_finalize;
  object_class->get_property = kab_calendar_view_get_property;
  object_class->set_property = kab_calendar_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KAB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* "day" (Today), "week" or "month"; kept in GSettings calendar-mode. */
  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL,
                         "day",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KAB_TYPE_TODAY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/calendar/kab-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KabCalendarView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KabCalendarView, title_label);
  gtk_widget_class_bind_template_child (widget_class, KabCalendarView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, KabCalendarView, today_page);
  gtk_widget_class_bind_template_child (widget_class, KabCalendarView, previous_button);
  gtk_widget_class_bind_template_child (widget_class, KabCalendarView, next_button);
  gtk_widget_class_bind_template_child (widget_class, KabCalendarView, empty_page);

  kab_calendar_view_class_init_actions (widget_class);
  kab_calendar_view_class_init_move_actions (widget_class);
}

static void
kab_calendar_view_init (KabCalendarView *self)
{
  self->mode = g_strdup ("day");

  kab_style_ensure ("/org/kabinett/Kabinett/calendar/kab-calendar.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  kab_calendar_view_add_shortcuts (self);
}

/**
 * kab_calendar_view_new:
 * @store: the open practice database
 *
 * Returns: (transfer floating): a new view showing @store
 */
GtkWidget *
kab_calendar_view_new (KabStore *store)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  return g_object_new (KAB_TYPE_CALENDAR_VIEW,
                       "store", store,
                       NULL);
}

KabStore *
kab_calendar_view_get_store (KabCalendarView *self)
{
  g_return_val_if_fail (KAB_IS_CALENDAR_VIEW (self), NULL);

  return self->store;
}

const char *
kab_calendar_view_get_mode (KabCalendarView *self)
{
  g_return_val_if_fail (KAB_IS_CALENDAR_VIEW (self), NULL);

  return self->mode;
}

/**
 * kab_calendar_view_set_mode:
 * @mode: "day", "week" or "month"
 */
void
kab_calendar_view_set_mode (KabCalendarView *self,
                            const char      *mode)
{
  g_return_if_fail (KAB_IS_CALENDAR_VIEW (self));

  if (g_strcmp0 (mode, "day") != 0 && g_strcmp0 (mode, "week") != 0 && g_strcmp0 (mode, "month") != 0)
    mode = "day";

  if (g_strcmp0 (self->mode, mode) == 0)
    return;

  g_free (self->mode);
  self->mode = g_strdup (mode);

  /* Before construction ends there is no store and no date yet. */
  if (self->store != NULL && self->date != NULL)
    {
      update_range (self);
      kab_calendar_view_refresh (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

/**
 * kab_calendar_view_get_date:
 *
 * Returns: (transfer none): local midnight of the day the view is at
 */
GDateTime *
kab_calendar_view_get_date (KabCalendarView *self)
{
  g_return_val_if_fail (KAB_IS_CALENDAR_VIEW (self), NULL);

  return self->date;
}

/**
 * kab_calendar_view_get_range:
 * @out_from: (out) (transfer none) (optional): the first moment shown
 * @out_to: (out) (transfer none) (optional): the moment after the last one shown
 */
void
kab_calendar_view_get_range (KabCalendarView  *self,
                             GDateTime       **out_from,
                             GDateTime       **out_to)
{
  g_return_if_fail (KAB_IS_CALENDAR_VIEW (self));

  if (out_from != NULL)
    *out_from = self->range_from;
  if (out_to != NULL)
    *out_to = self->range_to;
}

/**
 * kab_calendar_view_get_title:
 *
 * Returns: the range shown, in words: "16–22 November 2026"
 */
const char *
kab_calendar_view_get_title (KabCalendarView *self)
{
  g_return_val_if_fail (KAB_IS_CALENDAR_VIEW (self), NULL);

  return self->title;
}

/**
 * kab_calendar_view_find_block:
 *
 * Returns: (transfer none) (nullable): the block showing session @session_id, if shown
 */
GtkWidget *
kab_calendar_view_find_block (KabCalendarView *self,
                              gint64           session_id)
{
  g_return_val_if_fail (KAB_IS_CALENDAR_VIEW (self), NULL);

  if (is_day (self))
    return NULL;

  if (is_month (self))
    return (GtkWidget *)kab_month_page_find_block (ensure_month_page (self), session_id);

  return (GtkWidget *)kab_week_grid_find_block (kab_week_page_get_grid (ensure_week_page (self)), session_id);
}

guint
kab_calendar_view_get_n_blocks (KabCalendarView *self)
{
  g_return_val_if_fail (KAB_IS_CALENDAR_VIEW (self), 0);

  if (is_day (self))
    return 0;

  if (is_month (self))
    return kab_month_page_get_n_blocks (ensure_month_page (self));

  return kab_week_grid_get_n_blocks (kab_week_page_get_grid (ensure_week_page (self)));
}

/**
 * kab_calendar_view_get_week_page:
 *
 * Returns: (transfer none): the week page, made now if it was never shown
 */
KabWeekPage *
kab_calendar_view_get_week_page (KabCalendarView *self)
{
  g_return_val_if_fail (KAB_IS_CALENDAR_VIEW (self), NULL);

  return ensure_week_page (self);
}

/**
 * kab_calendar_view_get_month_page:
 *
 * Returns: (transfer none): the month page, made now if it was never shown
 */
KabMonthPage *
kab_calendar_view_get_month_page (KabCalendarView *self)
{
  g_return_val_if_fail (KAB_IS_CALENDAR_VIEW (self), NULL);

  return ensure_month_page (self);
}
