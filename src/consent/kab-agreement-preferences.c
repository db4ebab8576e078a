/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-agreement-preferences.c: the Preferences group for what agreements say of the practice */

#include "config.h"

#include "kab-agreement-preferences.h"

struct _KabAgreementPreferences
{
  AdwPreferencesGroup  parent_instance;

  GtkSwitch           *licensed_switch;
  GSettings           *settings;
};

G_DEFINE_FINAL_TYPE (KabAgreementPreferences, kab_agreement_preferences, ADW_TYPE_PREFERENCES_GROUP)

/**
 * kab_agreement_preferences_add_values:
 * @values: (element-type utf8 utf8): from kab_consent_values_new()
 *
 * Adds the placeholders that come from these settings: "licensed_psychotherapist" when
 * the practitioner may offer psychotherapy as a health service, which picks that variant
 * of an agreement (the Russian one offers psychological consultation otherwise).
 */
void
kab_agreement_preferences_add_values (GHashTable *values)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_return_if_fail (values != NULL);

  if (g_settings_get_boolean (settings, "licensed-psychotherapist"))
    g_hash_table_insert (values, (gpointer)"licensed_psychotherapist", g_strdup ("1"));
}

static void
kab_agreement_preferences_dispose (GObject *object)
{
  KabAgreementPreferences *self = KAB_AGREEMENT_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_AGREEMENT_PREFERENCES);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kab_agreement_preferences_parent_class)->dispose (object);
}

static void
kab_agreement_preferences_class_init (KabAgreementPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_agreement_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/consent/kab-agreement-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, KabAgreementPreferences, licensed_switch);
}

static void
kab_agreement_preferences_init (KabAgreementPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "licensed-psychotherapist",
                   self->licensed_switch, "active", G_SETTINGS_BIND_DEFAULT);
}
