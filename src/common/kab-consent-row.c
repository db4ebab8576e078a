/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-consent-row.c: one of a client's agreements: its version, language and dates */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-consent-row.h"
#include "core/kab-consent-templates.h"
#include "kab-date-popover.h"

struct _KabConsentRow
{
  AdwActionRow    parent_instance;

  KabConsent     *consent;

  GtkLabel       *state_label;
  GtkMenuButton  *date_button;
  KabDatePopover *date_popover;
  GtkMenuButton  *more_button;
};

G_DEFINE_FINAL_TYPE (KabConsentRow, kab_consent_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CONSENT,
  N_PROPS
};

enum {
  DATE_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/**
 * kab_consent_format_day:
 *
 * Returns: (transfer full): @date's day as the user's language writes it, "14 May 2023"
 */
char *
kab_consent_format_day (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);
  /* Translators: a day, strftime format: "14 May 2023" */
  g_autofree char *text = g_date_time_format (local, _("%-d %b %Y"));

  return g_strdup (g_strstrip (text));
}

/**
 * kab_consent_show_state:
 *
 * Shows @state in @label as a small coloured badge, worded as in the Clients view.
 */
void
kab_consent_show_state (GtkLabel        *label,
                        KabConsentState  state)
{
  static const char *tones[] = { "warning", "success", "error" };
  const char *text;
  const char *tone;

  switch (state)
    {
    case KAB_CONSENT_STATE_SIGNED:
      /* Translators: badge: the client's therapy agreement is signed */
      text = C_("consent", "Signed");
      tone = "success";
      break;

    case KAB_CONSENT_STATE_PRINTED:
      /* Translators: badge: the agreement was printed but is not signed yet */
      text = C_("consent", "Unsigned");
      tone = "warning";
      break;

    case KAB_CONSENT_STATE_WITHDRAWN:
      /* Translators: badge: the client withdrew their consent */
      text = C_("consent", "Withdrawn");
      tone = "error";
      break;

    case KAB_CONSENT_STATE_MISSING:
    default:
      /* Translators: badge: there is no therapy agreement for this client yet */
      text = C_("consent", "No Consent");
      tone = "warning";
      break;
    }

  gtk_label_set_label (label, text);
  gtk_widget_add_css_class (GTK_WIDGET (label), "kab-consent-badge");
  for (guint i = 0; i < G_N_ELEMENTS (tones); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), tones[i]);
  gtk_widget_add_css_class (GTK_WIDGET (label), tone);
}

/**
 * kab_consent_dup_dates:
 *
 * Returns: (transfer full): when @consent was printed, signed and withdrawn, as far as
 *   it was: "Printed 14 May 2023 · Signed 21 May 2023"; "" when none of it happened
 */
char *
kab_consent_dup_dates (KabConsent *consent)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GDateTime *printed = kab_consent_get_printed_on (consent);
  GDateTime *signed_on = kab_consent_get_signed_on (consent);
  GDateTime *withdrawn = kab_consent_get_withdrawn_on (consent);

  if (printed != NULL)
    {
      g_autofree char *day = kab_consent_format_day (printed);
      /* Translators: when an agreement was printed: "Printed 14 May 2023" */
      g_ptr_array_add (parts, g_strdup_printf (_("Printed %s"), day));
    }
  if (signed_on != NULL)
    {
      g_autofree char *day = kab_consent_format_day (signed_on);
      /* Translators: when an agreement was signed: "Signed 14 May 2023" */
      g_ptr_array_add (parts, g_strdup_printf (_("Signed %s"), day));
    }
  if (withdrawn != NULL)
    {
      g_autofree char *day = kab_consent_format_day (withdrawn);
      /* Translators: when consent was withdrawn: "Withdrawn 14 May 2023" */
      g_ptr_array_add (parts, g_strdup_printf (_("Withdrawn %s"), day));
    }
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

static char *
dup_subtitle (KabConsent *consent)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dates = kab_consent_dup_dates (consent);

  /* Translators: the version of the template an agreement was printed from */
  g_ptr_array_add (parts, g_strdup_printf (_("Version %d"), kab_consent_get_template_version (consent)));
  g_ptr_array_add (parts, g_strdup (kab_consent_language_name (kab_consent_get_language (consent))));
  if (*dates != '\0')
    g_ptr_array_add (parts, g_steal_pointer (&dates));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

static GMenuModel *
new_more_menu (KabConsent *consent)
{
  GMenu *menu = g_menu_new ();
  GVariant *target = g_variant_new_int64 (kab_consent_get_id (consent));
  g_autoptr(GMenuItem) show = g_menu_item_new (_("_Show Agreement"), NULL);
  g_autoptr(GMenuItem) print = g_menu_item_new (_("_Print Again…"), NULL);
  g_autoptr(GMenuItem) save = g_menu_item_new (_("Save as P_DF…"), NULL);

  g_variant_ref_sink (target);
  g_menu_item_set_action_and_target_value (show, "consent.show-agreement", target);
  g_menu_item_set_action_and_target_value (print, "consent.print-agreement", target);
  g_menu_item_set_action_and_target_value (save, "consent.save-agreement", target);
  g_variant_unref (target);

  g_menu_append_item (menu, show);
  g_menu_append_item (menu, print);
  g_menu_append_item (menu, save);

  return G_MENU_MODEL (menu);
}

static void
update (KabConsentRow *self)
{
  KabConsentState state = kab_consent_get_state (self->consent);
  g_autofree char *subtitle = dup_subtitle (self->consent);
  g_autoptr(GMenuModel) menu = new_more_menu (self->consent);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), kab_consent_get_title (self->consent));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  kab_consent_show_state (self->state_label, state);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "consent.show-agreement");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self),
                                          g_variant_new_int64 (kab_consent_get_id (self->consent)));
  gtk_menu_button_set_menu_model (self->more_button, menu);

  /* The next thing that can happen to the agreement: it is signed, then maybe withdrawn. */
  gtk_widget_set_visible (GTK_WIDGET (self->date_button), state != KAB_CONSENT_STATE_WITHDRAWN);
  if (state == KAB_CONSENT_STATE_SIGNED)
    {
      gtk_menu_button_set_label (self->date_button, _("Record Withdrawal"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_button),
                                   _("Record the day the client withdrew their consent"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->date_button), "flat");
      kab_date_popover_set_heading (self->date_popover, _("When did the client withdraw their consent?"));
    }
  else
    {
      gtk_menu_button_set_label (self->date_button, _("Record Signature"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_button),
                                   _("Record the day the client signed the printed agreement"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_button), "flat");
      gtk_widget_add_css_class (GTK_WIDGET (self->date_button), "suggested-action");
      kab_date_popover_set_heading (self->date_popover, _("When did the client sign?"));
    }
}

static void
on_date_chosen (KabConsentRow *self,
                GDateTime     *date)
{
  KabConsentState which = kab_consent_get_state (self->consent) == KAB_CONSENT_STATE_SIGNED
                          ? KAB_CONSENT_STATE_WITHDRAWN : KAB_CONSENT_STATE_SIGNED;

  g_signal_emit (self, signals[DATE_CHOSEN], 0, which, date);
}

static void
kab_consent_row_dispose (GObject *object)
{
  KabConsentRow *self = KAB_CONSENT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_CONSENT_ROW);
  g_clear_object (&self->consent);

  G_OBJECT_CLASS (kab_consent_row_parent_class)->dispose (object);
}

static void
kab_consent_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KabConsentRow *self = KAB_CONSENT_ROW (object);

  switch (prop_id)
    {
    case PROP_CONSENT:
      g_value_set_object (value, self->consent);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_consent_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KabConsentRow *self = KAB_CONSENT_ROW (object);

  switch (prop_id)
    {
    case PROP_CONSENT:
      self->consent = g_value_dup_object (value);
      update (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_consent_row_class_init (KabConsentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_consent_row_dispose;
  object_class->get_property = kab_consent_row_get_property;
  object_class->set_property = kab_consent_row_set_property;

  properties[PROP_CONSENT] =
    g_param_spec_object ("consent", NULL, NULL, KAB_TYPE_CONSENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KabConsentRow::date-chosen:
   * @which: %KAB_CONSENT_STATE_SIGNED or %KAB_CONSENT_STATE_WITHDRAWN
   * @date: the day, at local midnight
   */
  signals[DATE_CHOSEN] =
    g_signal_new ("date-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_DATE_TIME);

  g_type_ensure (KAB_TYPE_DATE_POPOVER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/common/kab-consent-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KabConsentRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, KabConsentRow, date_button);
  gtk_widget_class_bind_template_child (widget_class, KabConsentRow, date_popover);
  gtk_widget_class_bind_template_child (widget_class, KabConsentRow, more_button);
  gtk_widget_class_bind_template_callback (widget_class, on_date_chosen);
}

static void
kab_consent_row_init (KabConsentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
}

GtkWidget *
kab_consent_row_new (KabConsent *consent)
{
  g_return_val_if_fail (KAB_IS_CONSENT (consent), NULL);

  return g_object_new (KAB_TYPE_CONSENT_ROW,
                       "consent", consent,
                       NULL);
}

KabConsent *
kab_consent_row_get_consent (KabConsentRow *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT_ROW (self), NULL);

  return self->consent;
}
