/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-new-client-dialog.c: the window that adds a client to the practice */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-clients-private.h"
#include "kab-enums.h"
#include "kab-model-error.h"
#include "kab-money.h"
#include "kab-new-client-dialog.h"

struct _KabNewClientDialog
{
  AdwWindow      parent_instance;

  KabStore      *store;

  AdwEntryRow   *given_name_row;
  AdwEntryRow   *family_name_row;
  GtkLabel      *name_error_label;
  AdwEntryRow   *phone_row;
  AdwEntryRow   *email_row;
  GtkLabel      *contact_error_label;
  AdwComboRow   *service_row;
  AdwComboRow   *plan_row;
  AdwEntryRow   *fee_row;
  GtkLabel      *currency_label;
  AdwActionRow  *package_row;
  GtkSpinButton *package_spin;
  GtkLabel      *plan_error_label;
};

G_DEFINE_FINAL_TYPE (KabNewClientDialog, kab_new_client_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  CLIENT_ADDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_blank (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text == '\0';
}

static void
on_name_changed (KabNewClientDialog *self)
{
  gboolean has_name = !is_blank (self->given_name_row) || !is_blank (self->family_name_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-client.add", has_name);
  if (has_name)
    {
      kab_clients_show_field_error (GTK_WIDGET (self->given_name_row), self->name_error_label, NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->family_name_row), "error");
    }
}

static void
on_plan_changed (KabNewClientDialog *self)
{
  KabBillingPlan plan = adw_combo_row_get_selected (self->plan_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->fee_row),
                                 kab_clients_get_fee_title (plan));
  gtk_widget_set_visible (GTK_WIDGET (self->package_row), plan == KAB_BILLING_PLAN_PACKAGE);
}

static void
clear_errors (KabNewClientDialog *self)
{
  kab_clients_show_field_error (GTK_WIDGET (self->given_name_row), self->name_error_label, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->family_name_row), "error");
  kab_clients_show_field_error (GTK_WIDGET (self->phone_row), self->contact_error_label, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->email_row), "error");
  kab_clients_show_field_error (GTK_WIDGET (self->fee_row), self->plan_error_label, NULL);
}

/* Puts a refusal next to the field it is about; the user's text stays where it is. */
static void
show_error (KabNewClientDialog *self,
            const GError       *error)
{
  GtkWidget *row = NULL;
  GtkLabel *label = self->name_error_label;

  if (error->domain == KAB_MODEL_ERROR)
    {
      switch (error->code)
        {
        case KAB_MODEL_ERROR_EMPTY_NAME:
          row = GTK_WIDGET (self->given_name_row);
          gtk_widget_add_css_class (GTK_WIDGET (self->family_name_row), "error");
          break;

        case KAB_MODEL_ERROR_INVALID_EMAIL:
          row = GTK_WIDGET (self->email_row);
          label = self->contact_error_label;
          break;

        case KAB_MODEL_ERROR_INVALID_AMOUNT:
          row = GTK_WIDGET (self->fee_row);
          label = self->plan_error_label;
          break;

        default:
          break;
        }
    }

  kab_clients_show_field_error (row, label, error->message);
  if (row != NULL)
    gtk_widget_grab_focus (row);
}

static KabClient *
build_client (KabNewClientDialog  *self,
              GError             **error)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autofree char *fee_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->fee_row))));
  gint64 fee = 0;

  if (*fee_text != '\0' &&
      !kab_money_parse (fee_text, kab_clients_get_currency (self->store), &fee, error))
    return NULL;

  g_object_set (client,
                "given-name", gtk_editable_get_text (GTK_EDITABLE (self->given_name_row)),
                "family-name", gtk_editable_get_text (GTK_EDITABLE (self->family_name_row)),
                "phone", gtk_editable_get_text (GTK_EDITABLE (self->phone_row)),
                "email", gtk_editable_get_text (GTK_EDITABLE (self->email_row)),
                "service", (int)adw_combo_row_get_selected (self->service_row),
                "billing-plan", (int)adw_combo_row_get_selected (self->plan_row),
                "fee", fee,
                "package-size", gtk_spin_button_get_value_as_int (self->package_spin),
                "status", KAB_CLIENT_STATUS_ACTIVE,
                NULL);

  return g_steal_pointer (&client);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KabNewClientDialog *self = KAB_NEW_CLIENT_DIALOG (widget);
  g_autoptr(KabClient) client = NULL;
  g_autoptr(GError) error = NULL;

  clear_errors (self);

  client = build_client (self, &error);
  if (client == NULL || !kab_store_save_client (self->store, client, &error))
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[CLIENT_ADDED], 0, client);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_defaults (KabNewClientDialog *self)
{
  const char *currency = kab_clients_get_currency (self->store);
  KabPractice *practice = kab_store_get_practice (self->store);
  gint64 fee = practice != NULL ? kab_practice_get_default_fee (practice) : 0;

  gtk_label_set_label (self->currency_label, kab_currency_get_symbol (currency));
  if (fee > 0)
    {
      g_autofree char *text = kab_clients_format_amount (fee, currency);
      gtk_editable_set_text (GTK_EDITABLE (self->fee_row), text);
    }
}

static void
kab_new_client_dialog_constructed (GObject *object)
{
  KabNewClientDialog *self = KAB_NEW_CLIENT_DIALOG (object);

  G_OBJECT_CLASS (kab_new_client_dialog_parent_class)->constructed (object);

  fill_defaults (self);
}

static void
kab_new_client_dialog_dispose (GObject *object)
{
  KabNewClientDialog *self = KAB_NEW_CLIENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_NEW_CLIENT_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_new_client_dialog_parent_class)->dispose (object);
}

static void
kab_new_client_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KabNewClientDialog *self = KAB_NEW_CLIENT_DIALOG (object);

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
kab_new_client_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KabNewClientDialog *self = KAB_NEW_CLIENT_DIALOG (object);

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
kab_new_client_dialog_class_init (KabNewClientDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kab_new_client_dialog_constructed;
  object_class->dispose = kab_new_client_dialog_dispose;
  object_class->get_property = kab_new_client_dialog_get_property;
  object_class->set_property = kab_new_client_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KAB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CLIENT_ADDED] =
    g_signal_new ("client-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KAB_TYPE_CLIENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/clients/kab-new-client-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KabNewClientDialog, given_name_row);
  gtk_widget_class_bind_template_child (widget_class, KabNewClientDialog, family_name_row);
  gtk_widget_class_bind_template_child (widget_class, KabNewClientDialog, name_error_label);
  gtk_widget_class_bind_template_child (widget_class, KabNewClientDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, KabNewClientDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, KabNewClientDialog, contact_error_label);
  gtk_widget_class_bind_template_child (widget_class, KabNewClientDialog, service_row);
  gtk_widget_class_bind_template_child (widget_class, KabNewClientDialog, plan_row);
  gtk_widget_class_bind_template_child (widget_class, KabNewClientDialog, fee_row);
  gtk_widget_class_bind_template_child (widget_class, KabNewClientDialog, currency_label);
  gtk_widget_class_bind_template_child (widget_class, KabNewClientDialog, package_row);
  gtk_widget_class_bind_template_child (widget_class, KabNewClientDialog, package_spin);
  gtk_widget_class_bind_template_child (widget_class, KabNewClientDialog, plan_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_changed);

  gtk_widget_class_install_action (widget_class, "new-client.add", NULL, add_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kab_new_client_dialog_init (KabNewClientDialog *self)
{
  g_autoptr(GListModel) services = kab_clients_new_service_model ();
  g_autoptr(GListModel) plans = kab_clients_new_plan_model ();

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->service_row, services);
  adw_combo_row_set_selected (self->service_row, KAB_SERVICE_PSYCHOTHERAPY);
  adw_combo_row_set_model (self->plan_row, plans);
  adw_combo_row_set_selected (self->plan_row, KAB_BILLING_PLAN_PER_SESSION);
  on_plan_changed (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-client.add", FALSE);

  /* Typing starts with the given name, not on the header bar's Cancel. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->given_name_row));
}

/**
 * kab_new_client_dialog_new:
 * @store: where the client is saved
 *
 * Returns: (transfer none): a new dialog, owned by GTK's list of windows; set its
 *   transient parent and present it
 */
GtkWidget *
kab_new_client_dialog_new (KabStore *store)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  return g_object_new (KAB_TYPE_NEW_CLIENT_DIALOG,
                       "store", store,
                       NULL);
}

KabStore *
kab_new_client_dialog_get_store (KabNewClientDialog *self)
{
  g_return_val_if_fail (KAB_IS_NEW_CLIENT_DIALOG (self), NULL);

  return self->store;
}
