/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-ledger-entry.c: one line of a ledger (a charge, a payment or the opening balance) with its running balance */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kab-enums.h"
#include "kab-ledger-entry.h"
#include "kab-date-format.h"
#include "kab-money.h"
#include "kab-text.h"

struct _KabLedgerEntry
{
  GObject     parent_instance;

  GObject    *item;         /* KabCharge, KabPayment, or NULL for the opening balance */
  GDateTime  *date;
  gint64      client_id;
  char       *client_name;
  char       *description;
  char       *currency;
  gint64      charged;
  gint64      paid;
  gint64      balance;
};

G_DEFINE_FINAL_TYPE (KabLedgerEntry, kab_ledger_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_DATE,
  PROP_CLIENT_ID,
  PROP_CLIENT_NAME,
  PROP_DESCRIPTION,
  PROP_CHARGED,
  PROP_PAID,
  PROP_BALANCE,
  PROP_DATE_TEXT,
  PROP_CHARGED_TEXT,
  PROP_PAID_TEXT,
  PROP_BALANCE_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kab_ledger_entry_finalize (GObject *object)
{
  KabLedgerEntry *self = (KabLedgerEntry *)object;

  g_clear_object (&self->item);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->client_name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (kab_ledger_entry_parent_class)->finalize (object);
}

static void
kab_ledger_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KabLedgerEntry *self = KAB_LEDGER_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_CLIENT_ID:
      g_value_set_int64 (value, self->client_id);
      break;
    case PROP_CLIENT_NAME:
      g_value_set_string (value, self->client_name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_CHARGED:
      g_value_set_int64 (value, self->charged);
      break;
    case PROP_PAID:
      g_value_set_int64 (value, self->paid);
      break;
    case PROP_BALANCE:
      g_value_set_int64 (value, self->balance);
      break;
    case PROP_DATE_TEXT:
      g_value_take_string (value, kab_ledger_entry_dup_date_text (self));
      break;
    case PROP_CHARGED_TEXT:
      g_value_take_string (value, kab_ledger_entry_dup_charged_text (self));
      break;
    case PROP_PAID_TEXT:
      g_value_take_string (value, kab_ledger_entry_dup_paid_text (self));
      break;
    case PROP_BALANCE_TEXT:
      g_value_take_string (value, kab_ledger_entry_dup_balance_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_ledger_entry_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KabLedgerEntry *self = KAB_LEDGER_ENTRY (object);

  switch (prop_id)
    {
    case PROP_BALANCE:
      kab_ledger_entry_set_balance (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_ledger_entry_class_init (KabLedgerEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kab_ledger_entry_finalize;
  object_class->get_property = kab_ledger_entry_get_property;
  object_class->set_property = kab_ledger_entry_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT, ro);
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_CLIENT_ID] =
    g_param_spec_int64 ("client-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CLIENT_NAME] =
    g_param_spec_string ("client-name", NULL, NULL, "", ro);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, "", ro);
  properties[PROP_CHARGED] =
    g_param_spec_int64 ("charged", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_PAID] =
    g_param_spec_int64 ("paid", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_BALANCE] =
    g_param_spec_int64 ("balance", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE_TEXT] =
    g_param_spec_string ("date-text", NULL, NULL, "", ro);
  properties[PROP_CHARGED_TEXT] =
    g_param_spec_string ("charged-text", NULL, NULL, "", ro);
  properties[PROP_PAID_TEXT] =
    g_param_spec_string ("paid-text", NULL, NULL, "", ro);
  properties[PROP_BALANCE_TEXT] =
    g_param_spec_string ("balance-text", NULL, NULL, "", ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kab_ledger_entry_init (KabLedgerEntry *self)
{
}

static KabLedgerEntry *
entry_new (GDateTime  *date,
           const char *currency)
{
  KabLedgerEntry *self = g_object_new (KAB_TYPE_LEDGER_ENTRY, NULL);

  self->date = date != NULL ? g_date_time_ref (date) : NULL;
  self->currency = g_strdup (currency != NULL ? currency : "");
  return self;
}

/* What the ledger's third column says: "Swish", "Monthly fee (November 2025)",
 * "Swish — October sessions". */
static char *
describe (const char *label,
          const char *detail,
          const char *note)
{
  g_autofree char *with_detail = NULL;
  char *text;

  if (detail != NULL && *detail != '\0')
    /* Translators: a kind of charge and what it is for, e.g. "Monthly fee (November 2025)" */
    with_detail = g_strdup_printf (_("%s (%s)"), label, detail);
  else
    with_detail = g_strdup (label);

  if (note != NULL && *note != '\0')
    {
      g_autofree char *isolated = kab_isolate (note);

      /* Translators: a ledger line and its note, e.g. "Swish — October sessions" */
      text = g_strdup_printf (_("%s — %s"), with_detail, isolated);
    }
  else
    text = g_strdup (with_detail);

  /* One line in a table cell: notes may hold several. */
  return g_strdelimit (text, "\r\n\t", ' ');
}

/* "2025-11" → "November 2025" in the user's language (the standalone month name). */
static char *
period_text (const char *period)
{
  int year = 0, month = 0;
  g_autoptr(GDateTime) first = NULL;

  if (period == NULL || sscanf (period, "%d-%d", &year, &month) != 2 ||
      year < 1 || year > 9999 || month < 1 || month > 12)
    return g_strdup (period);

  first = g_date_time_new_utc (year, month, 1, 0, 0, 0);
  /* Translators: a month and year, as in "Monthly fee (November 2025)"; %OB is the month
   * name in the nominative case (see strftime), %Y the year */
  /* xgettext:no-c-format */
  return kab_date_format_in_sentence (first, C_("month in a sentence", "%OB %Y"));
}

KabLedgerEntry *
kab_ledger_entry_new_for_charge (KabCharge  *charge,
                                 const char *client_name,
                                 const char *currency)
{
  KabLedgerEntry *self;
  g_autofree char *period = NULL;

  g_return_val_if_fail (KAB_IS_CHARGE (charge), NULL);

  self = entry_new (kab_charge_get_date (charge), currency);
  self->item = g_object_ref (G_OBJECT (charge));
  self->client_id = kab_charge_get_client_id (charge);
  self->client_name = g_strdup (client_name != NULL ? client_name : "");
  self->charged = kab_charge_get_amount (charge);
  period = period_text (kab_charge_get_period (charge));
  self->description = describe (kab_charge_kind_to_label (kab_charge_get_kind (charge)),
                                period, kab_charge_get_note (charge));
  return self;
}

KabLedgerEntry *
kab_ledger_entry_new_for_payment (KabPayment *payment,
                                  const char *client_name,
                                  const char *currency)
{
  KabLedgerEntry *self;

  g_return_val_if_fail (KAB_IS_PAYMENT (payment), NULL);

  self = entry_new (kab_payment_get_date (payment), currency);
  self->item = g_object_ref (G_OBJECT (payment));
  self->client_id = kab_payment_get_client_id (payment);
  self->client_name = g_strdup (client_name != NULL ? client_name : "");
  self->paid = kab_payment_get_amount (payment);
  self->description = describe (kab_payment_method_to_label (kab_payment_get_method (payment)),
                                NULL, kab_payment_get_note (payment));
  return self;
}

/**
 * kab_ledger_entry_new_opening:
 * @date: the start of the period
 * @balance: charges minus payments before @date
 *
 * The first line of a ledger of a period: what was owed when it began.
 */
KabLedgerEntry *
kab_ledger_entry_new_opening (GDateTime  *date,
                              gint64      balance,
                              const char *currency)
{
  KabLedgerEntry *self = entry_new (date, currency);

  self->client_name = g_strdup ("");
  self->description = g_strdup (_("Balance brought forward"));
  self->balance = balance;
  return self;
}

/**
 * kab_ledger_entry_get_charge:
 *
 * Returns: (transfer none) (nullable): the charge, when the line is one
 */
KabCharge *
kab_ledger_entry_get_charge (KabLedgerEntry *self)
{
  g_return_val_if_fail (KAB_IS_LEDGER_ENTRY (self), NULL);

  return KAB_IS_CHARGE (self->item) ? KAB_CHARGE (self->item) : NULL;
}

/**
 * kab_ledger_entry_get_payment:
 *
 * Returns: (transfer none) (nullable): the payment, when the line is one
 */
KabPayment *
kab_ledger_entry_get_payment (KabLedgerEntry *self)
{
  g_return_val_if_fail (KAB_IS_LEDGER_ENTRY (self), NULL);

  return KAB_IS_PAYMENT (self->item) ? KAB_PAYMENT (self->item) : NULL;
}

GDateTime *
kab_ledger_entry_get_date (KabLedgerEntry *self)
{
  g_return_val_if_fail (KAB_IS_LEDGER_ENTRY (self), NULL);

  return self->date;
}

gint64
kab_ledger_entry_get_client_id (KabLedgerEntry *self)
{
  g_return_val_if_fail (KAB_IS_LEDGER_ENTRY (self), 0);

  return self->client_id;
}

const char *
kab_ledger_entry_get_client_name (KabLedgerEntry *self)
{
  g_return_val_if_fail (KAB_IS_LEDGER_ENTRY (self), "");

  return self->client_name;
}

const char *
kab_ledger_entry_get_description (KabLedgerEntry *self)
{
  g_return_val_if_fail (KAB_IS_LEDGER_ENTRY (self), "");

  return self->description;
}

gint64
kab_ledger_entry_get_charged (KabLedgerEntry *self)
{
  g_return_val_if_fail (KAB_IS_LEDGER_ENTRY (self), 0);

  return self->charged;
}

gint64
kab_ledger_entry_get_paid (KabLedgerEntry *self)
{
  g_return_val_if_fail (KAB_IS_LEDGER_ENTRY (self), 0);

  return self->paid;
}

gint64
kab_ledger_entry_get_balance (KabLedgerEntry *self)
{
  g_return_val_if_fail (KAB_IS_LEDGER_ENTRY (self), 0);

  return self->balance;
}

/**
 * kab_ledger_entry_get_currency:
 *
 * Returns: the ISO code of the currency the line was made in
 */
const char *
kab_ledger_entry_get_currency (KabLedgerEntry *self)
{
  g_return_val_if_fail (KAB_IS_LEDGER_ENTRY (self), NULL);

  return self->currency;
}

void
kab_ledger_entry_set_balance (KabLedgerEntry *self,
                              gint64          balance)
{
  g_return_if_fail (KAB_IS_LEDGER_ENTRY (self));

  if (self->balance == balance)
    return;

  self->balance = balance;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALANCE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALANCE_TEXT]);
}

char *
kab_ledger_entry_dup_date_text (KabLedgerEntry *self)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (KAB_IS_LEDGER_ENTRY (self), NULL);

  if (self->date == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (self->date);
  return kab_date_format_table (local);
}

static char *
format_amount (gint64      amount,
               const char *currency)
{
  g_autofree char *magnitude = NULL;

  if (amount >= 0)
    return kab_money_format (amount, currency);

  /* A credit: the client paid ahead. U+2212 is the minus sign that lines up with digits. */
  magnitude = kab_money_format (-amount, currency);
  return g_strconcat ("−", magnitude, NULL);
}

char *
kab_ledger_entry_dup_charged_text (KabLedgerEntry *self)
{
  g_return_val_if_fail (KAB_IS_LEDGER_ENTRY (self), NULL);

  return self->charged != 0 ? format_amount (self->charged, self->currency) : g_strdup ("");
}

char *
kab_ledger_entry_dup_paid_text (KabLedgerEntry *self)
{
  g_return_val_if_fail (KAB_IS_LEDGER_ENTRY (self), NULL);

  return self->paid != 0 ? format_amount (self->paid, self->currency) : g_strdup ("");
}

char *
kab_ledger_entry_dup_balance_text (KabLedgerEntry *self)
{
  g_return_val_if_fail (KAB_IS_LEDGER_ENTRY (self), NULL);

  return format_amount (self->balance, self->currency);
}

static gint64
item_id (KabLedgerEntry *self)
{
  if (KAB_IS_CHARGE (self->item))
    return kab_charge_get_id (KAB_CHARGE (self->item));
  if (KAB_IS_PAYMENT (self->item))
    return kab_payment_get_id (KAB_PAYMENT (self->item));
  return 0;
}

/**
 * kab_ledger_entry_is_same_row:
 *
 * Whether both lines stand for the same charge, the same payment, or are both the
 * opening balance: a list can then keep the line and update it.
 */
gboolean
kab_ledger_entry_is_same_row (KabLedgerEntry *self,
                              KabLedgerEntry *other)
{
  g_return_val_if_fail (KAB_IS_LEDGER_ENTRY (self), FALSE);
  g_return_val_if_fail (KAB_IS_LEDGER_ENTRY (other), FALSE);

  if (self->item == NULL || other->item == NULL)
    return self->item == NULL && other->item == NULL;

  return G_OBJECT_TYPE (self->item) == G_OBJECT_TYPE (other->item) &&
         item_id (self) == item_id (other);
}

/**
 * kab_ledger_entry_is_equal:
 *
 * Whether both lines show the same thing apart from the running balance.
 */
gboolean
kab_ledger_entry_is_equal (KabLedgerEntry *self,
                           KabLedgerEntry *other)
{
  g_return_val_if_fail (KAB_IS_LEDGER_ENTRY (self), FALSE);
  g_return_val_if_fail (KAB_IS_LEDGER_ENTRY (other), FALSE);

  return kab_ledger_entry_is_same_row (self, other) &&
         self->client_id == other->client_id &&
         self->charged == other->charged &&
         self->paid == other->paid &&
         ((self->date == NULL && other->date == NULL) ||
          (self->date != NULL && other->date != NULL &&
           g_date_time_equal (self->date, other->date))) &&
         g_strcmp0 (self->client_name, other->client_name) == 0 &&
         g_strcmp0 (self->description, other->description) == 0 &&
         g_strcmp0 (self->currency, other->currency) == 0;
}
