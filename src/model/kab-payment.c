/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-payment.c: a credit in a client's ledger: money the client paid */

#include <glib/gi18n.h>

#include "kab-enum-types.h"
#include "kab-model-private.h"
#include "kab-payment.h"

struct _KabPayment
{
  GObject           parent_instance;

  gint64            id;
  gint64            client_id;
  GDateTime        *date;
  gint64            amount;
  char             *currency;
  KabPaymentMethod  method;
  char             *note;
};

G_DEFINE_FINAL_TYPE (KabPayment, kab_payment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CLIENT_ID,
  PROP_DATE,
  PROP_AMOUNT,
  PROP_CURRENCY,
  PROP_METHOD,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kab_payment_finalize (GObject *object)
{
  KabPayment *self = KAB_PAYMENT (object);

  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (kab_payment_parent_class)->finalize (object);
}

static void
kab_payment_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KabPayment *self = KAB_PAYMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CLIENT_ID:
      g_value_set_int64 (value, self->client_id);
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

    case PROP_METHOD:
      g_value_set_enum (value, self->method);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_payment_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KabPayment *self = KAB_PAYMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      kab_payment_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CLIENT_ID:
      kab_payment_set_client_id (self, g_value_get_int64 (value));
      break;

    case PROP_DATE:
      kab_payment_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_AMOUNT:
      kab_payment_set_amount (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      kab_payment_set_currency (self, g_value_get_string (value));
      break;

    case PROP_METHOD:
      kab_payment_set_method (self, g_value_get_enum (value));
      break;

    case PROP_NOTE:
      kab_payment_set_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_payment_class_init (KabPaymentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kab_payment_finalize;
  object_class->get_property = kab_payment_get_property;
  object_class->set_property = kab_payment_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CLIENT_ID] =
    g_param_spec_int64 ("client-id", NULL, NULL,
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

  properties[PROP_METHOD] =
    g_param_spec_enum ("method", NULL, NULL,
                       KAB_TYPE_PAYMENT_METHOD, KAB_PAYMENT_METHOD_CASH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kab_payment_init (KabPayment *self)
{
  self->currency = g_strdup ("EUR");
  self->method = KAB_PAYMENT_METHOD_CASH;
  self->note = g_strdup ("");
}

KabPayment *
kab_payment_new (void)
{
  return g_object_new (KAB_TYPE_PAYMENT, NULL);
}

/**
 * kab_payment_copy:
 *
 * Returns: (transfer full): a new object with every property of @self, for an edit
 *   dialog that may be cancelled
 */
KabPayment *
kab_payment_copy (KabPayment *self)
{
  KabPayment *copy;

  g_return_val_if_fail (KAB_IS_PAYMENT (self), NULL);

  copy = g_object_new (KAB_TYPE_PAYMENT, NULL);
  /* A fresh object has no listeners: its defaults are freed and fields copied directly. */
  g_free (copy->currency);
  g_free (copy->note);
  copy->id = self->id;
  copy->client_id = self->client_id;
  copy->date = self->date != NULL ? g_date_time_ref (self->date) : NULL;
  copy->amount = self->amount;
  copy->currency = g_strdup (self->currency);
  copy->method = self->method;
  copy->note = g_strdup (self->note);

  return copy;
}

/**
 * kab_payment_validate:
 *
 * Returns: %TRUE when the payment can be saved; else %FALSE with @error saying what
 *   to correct
 */
gboolean
kab_payment_validate (KabPayment  *self,
                      GError     **error)
{
  g_return_val_if_fail (KAB_IS_PAYMENT (self), FALSE);

  return kab_model_check_ledger (self->client_id, self->date, self->amount, self->currency,
                                 error) &&
         kab_model_check_enum (KAB_TYPE_PAYMENT_METHOD, self->method, _("Payment method"), error) &&
         kab_model_check_long_text (self->note, _("Note"), error);
}

gint64
kab_payment_get_id (KabPayment *self)
{
  g_return_val_if_fail (KAB_IS_PAYMENT (self), 0);

  return self->id;
}

void
kab_payment_set_id (KabPayment *self,
                    gint64      id)
{
  g_return_if_fail (KAB_IS_PAYMENT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
kab_payment_get_client_id (KabPayment *self)
{
  g_return_val_if_fail (KAB_IS_PAYMENT (self), 0);

  return self->client_id;
}

void
kab_payment_set_client_id (KabPayment *self,
                           gint64      client_id)
{
  g_return_if_fail (KAB_IS_PAYMENT (self));

  if (self->client_id == client_id)
    return;

  self->client_id = client_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ID]);
}

GDateTime *
kab_payment_get_date (KabPayment *self)
{
  g_return_val_if_fail (KAB_IS_PAYMENT (self), NULL);

  return self->date;
}

void
kab_payment_set_date (KabPayment *self,
                      GDateTime  *date)
{
  g_return_if_fail (KAB_IS_PAYMENT (self));

  if (!kab_model_replace_date_time (&self->date, date))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

gint64
kab_payment_get_amount (KabPayment *self)
{
  g_return_val_if_fail (KAB_IS_PAYMENT (self), 0);

  return self->amount;
}

void
kab_payment_set_amount (KabPayment *self,
                        gint64      amount)
{
  g_return_if_fail (KAB_IS_PAYMENT (self));

  if (self->amount == amount)
    return;

  self->amount = amount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
}

const char *
kab_payment_get_currency (KabPayment *self)
{
  g_return_val_if_fail (KAB_IS_PAYMENT (self), NULL);

  return self->currency;
}

void
kab_payment_set_currency (KabPayment   *self,
                          const char *currency)
{
  g_return_if_fail (KAB_IS_PAYMENT (self));

  if (!kab_model_replace_string (&self->currency, currency))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

KabPaymentMethod
kab_payment_get_method (KabPayment *self)
{
  g_return_val_if_fail (KAB_IS_PAYMENT (self), 0);

  return self->method;
}

void
kab_payment_set_method (KabPayment       *self,
                        KabPaymentMethod  method)
{
  g_return_if_fail (KAB_IS_PAYMENT (self));

  if (self->method == method)
    return;

  self->method = method;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHOD]);
}

const char *
kab_payment_get_note (KabPayment *self)
{
  g_return_val_if_fail (KAB_IS_PAYMENT (self), NULL);

  return self->note;
}

void
kab_payment_set_note (KabPayment   *self,
                      const char *note)
{
  g_return_if_fail (KAB_IS_PAYMENT (self));

  if (!kab_model_replace_string (&self->note, note))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}
