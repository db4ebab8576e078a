/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-to-sign-row.c: a client in therapy whose agreement is not signed yet */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-consent-row.h"
#include "kab-date-format.h"
#include "kab-date-popover.h"
#include "kab-to-sign-row.h"

struct _KabToSignRow
{
  AdwActionRow    parent_instance;

  KabClient      *client;

  GtkLabel       *state_label;
  GtkMenuButton  *sign_button;
  GtkButton      *prepare_button;
};

G_DEFINE_FINAL_TYPE (KabToSignRow, kab_to_sign_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

enum {
  SIGNED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* "Today, 18:00", "Tomorrow, 18:00", "Tuesday, 18:00" within a week, else "14 May 2023, 18:00". */
static char *
dup_when (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autofree char *clock = g_date_time_format (local, "%H:%M");
  g_autofree char *day = NULL;
  GTimeSpan ahead = g_date_time_difference (local, today);

  if (ahead >= 0 && ahead < G_TIME_SPAN_DAY)
    /* Translators: when the next session is: "Today, 18:00" */
    return g_strdup_printf (_("Today, %s"), clock);
  if (ahead >= G_TIME_SPAN_DAY && ahead < 2 * G_TIME_SPAN_DAY)
    /* Translators: when the next session is: "Tomorrow, 18:00" */
    return g_strdup_printf (_("Tomorrow, %s"), clock);

  if (ahead >= 0 && ahead < 7 * G_TIME_SPAN_DAY)
    day = kab_date_format_in_sentence (local, C_("weekday in a sentence", "%A"));
  else
    day = kab_consent_format_day (local);

  /* Translators: when the next session is: %1$s is a weekday or a day, %2$s the time,
   * "Tuesday, 18:00" */
  return g_strdup_printf (_("%1$s, %2$s"), day, clock);
}

static void
update (KabToSignRow *self)
{
  KabConsentState state = kab_client_get_consent_state (self->client);
  GDateTime *next = kab_client_get_next_session (self->client);
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;

  if (next != NULL)
    {
      when = dup_when (next);
      /* Translators: the client's next session: "Next session: Tuesday, 18:00" */
      subtitle = g_strdup_printf (_("Next session: %s"), when);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), kab_client_get_display_name (self->client));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle != NULL ? subtitle : "");
  kab_consent_show_state (self->state_label, state);

  /* A printed agreement is usually signed at the next session: recording that is the
   * next step. Preparing a new one stays possible (a lost copy, another language). */
  gtk_widget_set_visible (GTK_WIDGET (self->sign_button), state == KAB_CONSENT_STATE_PRINTED);
  gtk_button_set_label (self->prepare_button,
                        state == KAB_CONSENT_STATE_PRINTED ? _("Prepare Again…") : _("Prepare…"));
}

static void
on_date_chosen (KabToSignRow *self,
                GDateTime    *date)
{
  g_signal_emit (self, signals[SIGNED], 0, date);
}

/* The calendar is made when the button is first pressed, not with each of the rows. */
static void
create_sign_popover (GtkMenuButton *button,
                     gpointer       user_data)
{
  KabToSignRow *self = user_data;
  GtkWidget *popover;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  popover = kab_date_popover_new ();
  kab_date_popover_set_heading (KAB_DATE_POPOVER (popover), _("When did the client sign?"));
  g_signal_connect_object (popover, "date-chosen", G_CALLBACK (on_date_chosen), self,
                           G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (button, popover);
}

static void
kab_to_sign_row_constructed (GObject *object)
{
  KabToSignRow *self = KAB_TO_SIGN_ROW (object);
  GVariant *target;

  G_OBJECT_CLASS (kab_to_sign_row_parent_class)->constructed (object);

  g_return_if_fail (KAB_IS_CLIENT (self->client));

  target = g_variant_new_int64 (kab_client_get_id (self->client));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->prepare_button), target);

  g_signal_connect_object (self->client, "notify::consent-state",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "notify::next-session",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "notify::display-name",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
kab_to_sign_row_dispose (GObject *object)
{
  KabToSignRow *self = KAB_TO_SIGN_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_TO_SIGN_ROW);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (kab_to_sign_row_parent_class)->dispose (object);
}

static void
kab_to_sign_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KabToSignRow *self = KAB_TO_SIGN_ROW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_to_sign_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KabToSignRow *self = KAB_TO_SIGN_ROW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_to_sign_row_class_init (KabToSignRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kab_to_sign_row_constructed;
  object_class->dispose = kab_to_sign_row_dispose;
  object_class->get_property = kab_to_sign_row_get_property;
  object_class->set_property = kab_to_sign_row_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, KAB_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KabToSignRow::signed:
   * @date: the day the client signed their printed agreement, at local midnight
   */
  signals[SIGNED] =
    g_signal_new ("signed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DATE_TIME);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/consent/kab-to-sign-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KabToSignRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, KabToSignRow, sign_button);
  gtk_widget_class_bind_template_child (widget_class, KabToSignRow, prepare_button);
}

static void
kab_to_sign_row_init (KabToSignRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_menu_button_set_create_popup_func (self->sign_button, create_sign_popover, self, NULL);
}

GtkWidget *
kab_to_sign_row_new (KabClient *client)
{
  g_return_val_if_fail (KAB_IS_CLIENT (client), NULL);

  return g_object_new (KAB_TYPE_TO_SIGN_ROW,
                       "client", client,
                       NULL);
}

KabClient *
kab_to_sign_row_get_client (KabToSignRow *self)
{
  g_return_val_if_fail (KAB_IS_TO_SIGN_ROW (self), NULL);

  return self->client;
}
