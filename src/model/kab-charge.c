/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-charge.c: a debit in a client's ledger: what the client is asked to pay */

#include <string.h>

#include <glib/gi18n.h>

#include "kab-charge.h"
#include "kab-enum-types.h"
#include "kab-model-private.h"

struct _KabCharge
{
  GObject        parent_instance;

  gint64         id;
  gint64         client_id;
  gint64         session_id;
  GDateTime     *date;
  gint64         amount;
  char          *currency;
  KabChargeKind  kind;
  char          *period;
  char          *note;
};

G_DEFINE_FINAL_TYPE (KabCharge, kab_charge, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CLIENT_ID,
  PROP_SESSION_ID,
  PROP_DATE,
  PROP_AMOUNT,
  PROP_CURRENCY,
  PROP_KIND,
  PROP_PERIOD,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kab_charge_finalize (GObject *object)
{
  KabCharge *self = KAB_CHARGE (object);

  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->period, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (kab_charge_parent_class)->finalize (object);
}

static void
kab_charge_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KabCharge *self = KAB_CHARGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CLIENT_ID:
      g_value_set_int64 (value, self->client_id);
      break;

    case PROP_SESSION_ID:
      g_value_set_int64 (value, self->session_id);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;

    case PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_PERIOD:
      g_value_set_string (value, self->period);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_charge_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KabCharge *self = KAB_CHARGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      kab_charge_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CLIENT_ID:
      kab_charge_set_client_id (self, g_value_get_int64 (value));
      break;

    case PROP_SESSION_ID:
      kab_charge_set_session_id (self, g_value_get_int64 (value));
      break;

    case PROP_DATE:
      kab_charge_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_AMOUNT:
      kab_charge_set_amount (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      kab_charge_set_currency (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      kab_charge_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_PERIOD:
      kab_charge_set_period (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      kab_charge_set_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_charge_class_init (KabChargeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kab_charge_finalize;
  object_class->get_property = kab_charge_get_property;
  object_class->set_property = kab_charge_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CLIENT_ID] =
    g_param_spec_int64 ("client-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         "EUR",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       KAB_TYPE_CHARGE_KIND, KAB_CHARGE_KIND_SESSION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kab_charge_init (KabCharge *self)
{
  self->currency = g_strdup ("EUR");
  self->kind = KAB_CHARGE_KIND_SESSION;
  self->period = g_strdup ("");
  self->note = g_strdup ("");
}

KabCharge *
kab_charge_new (void)
{
  return g_object_new (KAB_TYPE_CHARGE, NULL);
}

/**
 * kab_charge_copy:
 *
 * Returns: (transfer full): a new object with every property of @self, for an edit
 *   dialog that may be cancelled
 */
KabCharge *
kab_charge_copy (KabCharge *self)
{
  KabCharge *copy;

  g_return_val_if_fail (KAB_IS_CHARGE (self), NULL);

  copy = g_object_new (KAB_TYPE_CHARGE, NULL);
  /* A fresh object has no listeners: its defaults are freed and fields copied directly. */
  g_free (copy->currency);
  g_free (copy->period);
  g_free (copy->note);
  copy->id = self->id;
  copy->client_id = self->client_id;
  copy->session_id = self->session_id;
  copy->date = self->date != NULL ? g_date_time_ref (self->date) : NULL;
  copy->amount = self->amount;
  copy->currency = g_strdup (self->currency);
  copy->kind = self->kind;
  copy->period = g_strdup (self->period);
  copy->note = g_strdup (self->note);

  return copy;
}

static gboolean
period_is_valid (const char *period)
{
  if (*period == '\0')
    return TRUE;

  if (strlen (period) != 7 || period[4] != '-')
    return FALSE;

  for (guint i = 0; i < 7; i++)
    {
      if (i != 4 && !g_ascii_isdigit (period[i]))
        return FALSE;
    }

  return (period[5] == '0' && period[6] >= '1') ||
         (period[5] == '1' && period[6] <= '2');
}

/**
 * kab_charge_validate:
 *
 * Returns: %TRUE when the charge can be saved; else %FALSE with @error saying what
 *   to correct
 */
gboolean
kab_charge_validate (KabCharge  *self,
                     GError    **error)
{
  g_return_val_if_fail (KAB_IS_CHARGE (self), FALSE);

  if (!kab_model_check_ledger (self->client_id, self->date, self->amount, self->currency, error) ||
      !kab_model_check_enum (KAB_TYPE_CHARGE_KIND, self->kind, _("Kind of charge"), error))
    return FALSE;

  if (!period_is_valid (self->period))
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE,
                           _("The period must be a month written as year and month, e.g. 2025-01."));
      return FALSE;
    }

  return kab_model_check_long_text (self->note, _("Note"), error);
}

gint64
kab_charge_get_id (KabCharge *self)
{
  g_return_val_if_fail (KAB_IS_CHARGE (self), 0);

  return self->id;
}

void
kab_charge_set_id (KabCharge *self,
                   gint64     id)
{
  g_return_if_fail (KAB_IS_CHARGE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
kab_charge_get_client_id (KabCharge *self)
{
  g_return_val_if_fail (KAB_IS_CHARGE (self), 0);

  return self->client_id;
}

void
kab_charge_set_client_id (KabCharge *self,
                          gint64     client_id)
{
  g_return_if_fail (KAB_IS_CHARGE (self));

  if (self->client_id == client_id)
    return;

  self->client_id = client_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ID]);
}

gint64
kab_charge_get_session_id (KabCharge *self)
{
  g_return_val_if_fail (KAB_IS_CHARGE (self), 0);

  return self->session_id;
}

void
kab_charge_set_session_id (KabCharge *self,
                           gint64     session_id)
{
  g_return_if_fail (KAB_IS_CHARGE (self));

  if (self->session_id == session_id)
    return;

  self->session_id = session_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ID]);
}

GDateTime *
kab_charge_get_date (KabCharge *self)
{
  g_return_val_if_fail (KAB_IS_CHARGE (self), NULL);

  return self->date;
}

void
kab_charge_set_date (KabCharge *self,
                     GDateTime *date)
{
  g_return_if_fail (KAB_IS_CHARGE (self));

  if (!kab_model_replace_date_time (&self->date, date))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

gint64
kab_charge_get_amount (KabCharge *self)
{
  g_return_val_if_fail (KAB_IS_CHARGE (self), 0);

  return self->amount;
}

void
kab_charge_set_amount (KabCharge *self,
                       gint64     amount)
{
  g_return_if_fail (KAB_IS_CHARGE (self));

  if (self->amount == amount)
    return;

  self->amount = amount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
}

const char *
kab_charge_get_currency (KabCharge *self)
{
  g_return_val_if_fail (KAB_IS_CHARGE (self), NULL);

  return self->currency;
}

void
kab_charge_set_currency (KabCharge   *self,
                         const char *currency)
{
  g_return_if_fail (KAB_IS_CHARGE (self));

  if (!kab_model_replace_string (&self->currency, currency))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

KabChargeKind
kab_charge_get_kind (KabCharge *self)
{
  g_return_val_if_fail (KAB_IS_CHARGE (self), 0);

  return self->kind;
}

void
kab_charge_set_kind (KabCharge     *self,
                     KabChargeKind  kind)
{
  g_return_if_fail (KAB_IS_CHARGE (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
kab_charge_get_period (KabCharge *self)
{
  g_return_val_if_fail (KAB_IS_CHARGE (self), NULL);

  return self->period;
}

void
kab_charge_set_period (KabCharge   *self,
                       const char *period)
{
  g_return_if_fail (KAB_IS_CHARGE (self));

  if (!kab_model_replace_string (&self->period, period))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

const char *
kab_charge_get_note (KabCharge *self)
{
  g_return_val_if_fail (KAB_IS_CHARGE (self), NULL);

  return self->note;
}

void
kab_charge_set_note (KabCharge   *self,
                     const char *note)
{
  g_return_if_fail (KAB_IS_CHARGE (self));

  if (!kab_model_replace_string (&self->note, note))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}
