/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-row.c: one client in the Clients list */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-client-row.h"
#include "kab-clients-private.h"
#include "kab-enums.h"

struct _KabClientRow
{
  GtkWidget  parent_instance;

  KabClient *client;
  char      *currency;

  GtkLabel  *name_label;
  GtkLabel  *status_label;
  GtkLabel  *subtitle_label;
  GtkLabel  *consent_label;
  GtkLabel  *balance_label;
};

G_DEFINE_FINAL_TYPE (KabClientRow, kab_client_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_subtitle (KabClient *client)
{
  const char *service = kab_service_to_label (kab_client_get_service (client));
  GDateTime *next = kab_client_get_next_session (client);
  g_autofree char *when = NULL;

  if (next == NULL)
    return g_strdup (service);

  when = kab_clients_format_when (next);
  /* Translators: a client's service and their next session: "Psychotherapy · Today, 14:30" */
  return g_strdup_printf (_("%s · %s"), service, when);
}

static void
update (KabClientRow *self)
{
  const char *name;
  g_autofree char *subtitle = NULL;

  if (self->client == NULL)
    return;

  name = kab_client_get_display_name (self->client);
  subtitle = dup_subtitle (self->client);

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->subtitle_label, subtitle);
  kab_clients_show_status (self->status_label, kab_client_get_status (self->client));
  kab_clients_show_consent (self->consent_label, kab_client_get_consent_state (self->client),
                            FALSE);
  /* The agreement matters while the work goes on; on a finished or archived client's row
   * it would only be noise. The details always show it. */
  gtk_widget_set_visible (GTK_WIDGET (self->consent_label),
                          kab_client_get_status (self->client) == KAB_CLIENT_STATUS_ACTIVE ||
                          kab_client_get_status (self->client) == KAB_CLIENT_STATUS_PAUSED);
  kab_clients_show_balance (self->balance_label, kab_client_get_balance (self->client),
                            self->currency, FALSE);
}

static void
kab_client_row_dispose (GObject *object)
{
  KabClientRow *self = KAB_CLIENT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_CLIENT_ROW);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (kab_client_row_parent_class)->dispose (object);
}

static void
kab_client_row_finalize (GObject *object)
{
  KabClientRow *self = KAB_CLIENT_ROW (object);

  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (kab_client_row_parent_class)->finalize (object);
}

static void
kab_client_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KabClientRow *self = KAB_CLIENT_ROW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_client_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KabClientRow *self = KAB_CLIENT_ROW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      kab_client_row_set_client (self, g_value_get_object (value));
      break;

    case PROP_CURRENCY:
      kab_client_row_set_currency (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_client_row_class_init (KabClientRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_client_row_dispose;
  object_class->finalize = kab_client_row_finalize;
  object_class->get_property = kab_client_row_get_property;
  object_class->set_property = kab_client_row_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         KAB_TYPE_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         "EUR",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/clients/kab-client-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KabClientRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, KabClientRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, KabClientRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, KabClientRow, consent_label);
  gtk_widget_class_bind_template_child (widget_class, KabClientRow, balance_label);
}

static void
kab_client_row_init (KabClientRow *self)
{
  self->currency = g_strdup ("EUR");
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kab_client_row_new (const char *currency)
{
  return g_object_new (KAB_TYPE_CLIENT_ROW,
                       "currency", currency,
                       NULL);
}

KabClient *
kab_client_row_get_client (KabClientRow *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT_ROW (self), NULL);

  return self->client;
}

/**
 * kab_client_row_set_client:
 * @client: (nullable): the client to show; the row follows its changes (balance, next
 *   session, consent) until another one is set
 */
void
kab_client_row_set_client (KabClientRow *self,
                           KabClient    *client)
{
  g_return_if_fail (KAB_IS_CLIENT_ROW (self));
  g_return_if_fail (client == NULL || KAB_IS_CLIENT (client));

  if (self->client == client)
    return;

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, update, self);

  g_set_object (&self->client, client);

  if (client != NULL)
    {
      g_signal_connect_object (client, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

const char *
kab_client_row_get_currency (KabClientRow *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT_ROW (self), "");

  return self->currency;
}

void
kab_client_row_set_currency (KabClientRow *self,
                             const char   *currency)
{
  g_return_if_fail (KAB_IS_CLIENT_ROW (self));

  if (currency == NULL)
    currency = "";

  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}
