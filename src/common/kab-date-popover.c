/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-date-popover.c: a calendar in a popover to record the day something happened */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-date-popover.h"

struct _KabDatePopover
{
  GtkPopover   parent_instance;

  GtkLabel    *heading_label;
  GtkCalendar *calendar;
  GtkLabel    *future_label;
  GtkButton   *record_button;

  GDateTime   *offered;         /* offered on show instead of today, or NULL */
  gboolean     allow_future;
};

G_DEFINE_FINAL_TYPE (KabDatePopover, kab_date_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_HEADING,
  PROP_ALLOW_FUTURE,
  N_PROPS
};

enum {
  DATE_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GDateTime *
today_local (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now), 0, 0, 0);
}

/**
 * kab_date_popover_dup_date:
 *
 * Returns: (transfer full): the chosen day, at local midnight
 */
GDateTime *
kab_date_popover_dup_date (KabDatePopover *self)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_val_if_fail (KAB_IS_DATE_POPOVER (self), NULL);

  date = gtk_calendar_get_date (self->calendar);
  return g_date_time_new_local (g_date_time_get_year (date), g_date_time_get_month (date),
                                g_date_time_get_day_of_month (date), 0, 0, 0);
}

/**
 * kab_date_popover_set_date:
 *
 * Selects @date, and offers it instead of today each time the popover opens: for a day
 * already chosen, such as the first day of a period.
 */
void
kab_date_popover_set_date (KabDatePopover *self,
                           GDateTime      *date)
{
  g_return_if_fail (KAB_IS_DATE_POPOVER (self));
  g_return_if_fail (date != NULL);

  g_clear_pointer (&self->offered, g_date_time_unref);
  self->offered = g_date_time_ref (date);
  gtk_calendar_select_day (self->calendar, date);
}

static gboolean
is_in_future (KabDatePopover *self)
{
  g_autoptr(GDateTime) date = kab_date_popover_dup_date (self);
  g_autoptr(GDateTime) today = today_local ();

  return !self->allow_future && g_date_time_compare (date, today) > 0;
}

static void
on_day_selected (KabDatePopover *self)
{
  gboolean future = is_in_future (self);

  gtk_widget_set_visible (GTK_WIDGET (self->future_label), future);
  gtk_widget_set_sensitive (GTK_WIDGET (self->record_button), !future);
}

/* Each time it opens, the popover offers today (the usual answer), or the day set. */
static void
on_show (KabDatePopover *self)
{
  g_autoptr(GDateTime) today = today_local ();

  gtk_calendar_select_day (self->calendar, self->offered != NULL ? self->offered : today);
  on_day_selected (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

/**
 * kab_date_popover_record:
 *
 * Closes the popover and emits ::date-chosen with the chosen day, unless it lies in the
 * future.
 */
void
kab_date_popover_record (KabDatePopover *self)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_if_fail (KAB_IS_DATE_POPOVER (self));

  if (is_in_future (self))
    return;

  date = kab_date_popover_dup_date (self);
  gtk_popover_popdown (GTK_POPOVER (self));
  /* Recording usually removes the row that holds the popover. GTK 4.8 still makes up a
   * pointer motion for the surface of a hidden popover after a layout; it then makes the
   * hidden popover the pointer focus, keeps it when the row destroys the popover, and
   * crashes in the next layout of the window on the popover's missing surface. Without
   * a surface, a hidden popover gets no such motion; the next popup makes a new one. */
  gtk_widget_unrealize (GTK_WIDGET (self));
  g_signal_emit (self, signals[DATE_CHOSEN], 0, date);
}

const char *
kab_date_popover_get_heading (KabDatePopover *self)
{
  g_return_val_if_fail (KAB_IS_DATE_POPOVER (self), "");

  return gtk_label_get_label (self->heading_label);
}

void
kab_date_popover_set_heading (KabDatePopover *self,
                              const char     *heading)
{
  g_return_if_fail (KAB_IS_DATE_POPOVER (self));

  if (g_strcmp0 (heading, gtk_label_get_label (self->heading_label)) == 0)
    return;

  gtk_label_set_label (self->heading_label, heading != NULL ? heading : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADING]);
}

/* A day in the future may be chosen: the last day of this month, for a period. */
void
kab_date_popover_set_allow_future (KabDatePopover *self,
                                   gboolean        allow_future)
{
  g_return_if_fail (KAB_IS_DATE_POPOVER (self));

  allow_future = !!allow_future;
  if (self->allow_future == allow_future)
    return;

  self->allow_future = allow_future;
  on_day_selected (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_FUTURE]);
}

/* The label of the button that chooses the day ("_Record" by default). */
void
kab_date_popover_set_action_label (KabDatePopover *self,
                                   const char     *label)
{
  g_return_if_fail (KAB_IS_DATE_POPOVER (self));

  gtk_button_set_label (self->record_button, label);
}

static void
kab_date_popover_dispose (GObject *object)
{
  KabDatePopover *self = KAB_DATE_POPOVER (object);

  g_clear_pointer (&self->offered, g_date_time_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), KAB_TYPE_DATE_POPOVER);

  G_OBJECT_CLASS (kab_date_popover_parent_class)->dispose (object);
}

static void
kab_date_popover_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KabDatePopover *self = KAB_DATE_POPOVER (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      g_value_set_string (value, kab_date_popover_get_heading (self));
      break;

    case PROP_ALLOW_FUTURE:
      g_value_set_boolean (value, self->allow_future);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_date_popover_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KabDatePopover *self = KAB_DATE_POPOVER (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      kab_date_popover_set_heading (self, g_value_get_string (value));
      break;

    case PROP_ALLOW_FUTURE:
      kab_date_popover_set_allow_future (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_date_popover_class_init (KabDatePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_date_popover_dispose;
  object_class->get_property = kab_date_popover_get_property;
  object_class->set_property = kab_date_popover_set_property;

  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_FUTURE] =
    g_param_spec_boolean ("allow-future", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KabDatePopover::date-chosen:
   * @date: the day, at local midnight
   */
  signals[DATE_CHOSEN] =
    g_signal_new ("date-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DATE_TIME);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/common/kab-date-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, KabDatePopover, heading_label);
  gtk_widget_class_bind_template_child (widget_class, KabDatePopover, calendar);
  gtk_widget_class_bind_template_child (widget_class, KabDatePopover, future_label);
  gtk_widget_class_bind_template_child (widget_class, KabDatePopover, record_button);
  gtk_widget_class_bind_template_callback (widget_class, on_show);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, kab_date_popover_record);
}

static void
kab_date_popover_init (KabDatePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kab_date_popover_new (void)
{
  return g_object_new (KAB_TYPE_DATE_POPOVER, NULL);
}
