/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-consent-view.c: the Consent view, one page of the main window */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-consent-view.h"

struct _KabConsentView
{
  AdwBin         parent_instance;

  KabStore      *store;

  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (KabConsentView, kab_consent_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kab_consent_view_dispose (GObject *object)
{
  KabConsentView *self = KAB_CONSENT_VIEW (object);

  /* No gtk_widget_dispose_template(): empty_page is AdwBin's own child, which AdwBin
   * unparents itself; unparenting it here too leaves AdwBin a dangling pointer. */
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_consent_view_parent_class)->dispose (object);
}

static void
kab_consent_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KabConsentView *self = KAB_CONSENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_consent_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KabConsentView *self = KAB_CONSENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_consent_view_class_init (KabConsentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_consent_view_dispose;
  object_class->get_property = kab_consent_view_get_property;
  object_class->set_property = kab_consent_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KAB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/kabinett/Kabinett/consent/kab-consent-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, empty_page);
}

static void
kab_consent_view_init (KabConsentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kab_consent_view_new:
 * @store: the open practice database
 *
 * Returns: (transfer floating): a new view showing @store
 */
GtkWidget *
kab_consent_view_new (KabStore *store)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  return g_object_new (KAB_TYPE_CONSENT_VIEW,
                       "store", store,
                       NULL);
}

KabStore *
kab_consent_view_get_store (KabConsentView *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT_VIEW (self), NULL);

  return self->store;
}
