/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-debtor.c: a client who owes, with how much and since when (a line of the debt list) */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-debtor.h"

struct _KabDebtor
{
  GObject    parent_instance;

  KabClient *client;
  gint64     amount;
  GDateTime *since;
};

G_DEFINE_FINAL_TYPE (KabDebtor, kab_debtor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_AMOUNT,
  PROP_SINCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kab_debtor_finalize (GObject *object)
{
  KabDebtor *self = (KabDebtor *)object;

  g_clear_object (&self->client);
  g_clear_pointer (&self->since, g_date_time_unref);

  G_OBJECT_CLASS (kab_debtor_parent_class)->finalize (object);
}

static void
kab_debtor_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KabDebtor *self = KAB_DEBTOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;
    case PROP_SINCE:
      g_value_set_boxed (value, self->since);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_debtor_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KabDebtor *self = KAB_DEBTOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_AMOUNT:
      kab_debtor_set_amount (self, g_value_get_int64 (value));
      break;
    case PROP_SINCE:
      kab_debtor_set_since (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_debtor_class_init (KabDebtorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kab_debtor_finalize;
  object_class->get_property = kab_debtor_get_property;
  object_class->set_property = kab_debtor_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, KAB_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SINCE] =
    g_param_spec_boxed ("since", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kab_debtor_init (KabDebtor *self)
{
}

KabDebtor *
kab_debtor_new (KabClient  *client,
                gint64      amount,
                GDateTime  *since)
{
  g_return_val_if_fail (KAB_IS_CLIENT (client), NULL);

  return g_object_new (KAB_TYPE_DEBTOR,
                       "client", client,
                       "amount", amount,
                       "since", since,
                       NULL);
}

/**
 * kab_debtor_get_client:
 *
 * Returns: (transfer none): the store's client, whose name and balance stay current
 */
KabClient *
kab_debtor_get_client (KabDebtor *self)
{
  g_return_val_if_fail (KAB_IS_DEBTOR (self), NULL);

  return self->client;
}

gint64
kab_debtor_get_amount (KabDebtor *self)
{
  g_return_val_if_fail (KAB_IS_DEBTOR (self), 0);

  return self->amount;
}

void
kab_debtor_set_amount (KabDebtor *self,
                       gint64     amount)
{
  g_return_if_fail (KAB_IS_DEBTOR (self));

  if (self->amount == amount)
    return;

  self->amount = amount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
}

/**
 * kab_debtor_get_since:
 *
 * Returns: (transfer none) (nullable): the date of the oldest unpaid charge
 */
GDateTime *
kab_debtor_get_since (KabDebtor *self)
{
  g_return_val_if_fail (KAB_IS_DEBTOR (self), NULL);

  return self->since;
}

void
kab_debtor_set_since (KabDebtor *self,
                      GDateTime *since)
{
  g_return_if_fail (KAB_IS_DEBTOR (self));

  if (self->since == since ||
      (self->since != NULL && since != NULL && g_date_time_equal (self->since, since)))
    return;

  g_clear_pointer (&self->since, g_date_time_unref);
  self->since = since != NULL ? g_date_time_ref (since) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SINCE]);
}

/**
 * kab_debtor_compare:
 *
 * The order of the debt list: the oldest debt first, then by client id so that the
 * order is total.
 */
int
kab_debtor_compare (KabDebtor *a,
                    KabDebtor *b)
{
  int cmp;

  if (a->since != NULL && b->since != NULL)
    {
      cmp = g_date_time_compare (a->since, b->since);
      if (cmp != 0)
        return cmp;
    }
  else if (a->since != b->since)
    {
      return a->since == NULL ? 1 : -1;
    }

  return (kab_client_get_id (a->client) > kab_client_get_id (b->client)) -
         (kab_client_get_id (a->client) < kab_client_get_id (b->client));
}

static int
days_between (GDateTime *since,
              GDateTime *now)
{
  g_autoptr(GDateTime) a = g_date_time_to_local (since);
  g_autoptr(GDateTime) b = g_date_time_to_local (now);
  g_autoptr(GDateTime) day_a = g_date_time_new_local (g_date_time_get_year (a),
                                                      g_date_time_get_month (a),
                                                      g_date_time_get_day_of_month (a), 12, 0, 0);
  g_autoptr(GDateTime) day_b = g_date_time_new_local (g_date_time_get_year (b),
                                                      g_date_time_get_month (b),
                                                      g_date_time_get_day_of_month (b), 12, 0, 0);

  /* Noon to noon, rounded: a day with a DST change is still one day. */
  return (int)((g_date_time_difference (day_b, day_a) + G_TIME_SPAN_HOUR * 12) / G_TIME_SPAN_DAY);
}

/**
 * kab_debtor_dup_age_text:
 * @now: the moment to measure from
 *
 * Returns: (transfer full): how long the debt has been owed, e.g. "Owed for 3 weeks"
 */
char *
kab_debtor_dup_age_text (KabDebtor *self,
                         GDateTime *now)
{
  int days;

  g_return_val_if_fail (KAB_IS_DEBTOR (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (self->since == NULL)
    return g_strdup ("");

  days = days_between (self->since, now);
  if (days <= 0)
    return g_strdup (_("Owed since today"));
  if (days < 14)
    return g_strdup_printf (ngettext ("Owed for %d day", "Owed for %d days", days), days);
  if (days < 9 * 7)
    return g_strdup_printf (ngettext ("Owed for %d week", "Owed for %d weeks", days / 7),
                            days / 7);
  if (days < 2 * 365)
    return g_strdup_printf (ngettext ("Owed for %d month", "Owed for %d months", days / 30),
                            days / 30);
  return g_strdup_printf (ngettext ("Owed for %d year", "Owed for %d years", days / 365),
                          days / 365);
}
