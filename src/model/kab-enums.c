/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-enums.c: labels for the user and nicks for the database of the model enums */

#include <glib/gi18n.h>

#include "kab-enums.h"
#include "kab-enum-types.h"

/* Nicks come from the generated GEnum types, so the database and the GObject
 * properties can never disagree. The strings are static data of the type. */
static const char *
enum_to_nick (GType enum_type,
              int   value)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  g_type_class_unref (klass);
  g_return_val_if_fail (enum_value != NULL, "");

  return enum_value->value_nick;
}

static gboolean
enum_from_nick (GType       enum_type,
                const char *nick,
                int        *out)
{
  GEnumClass *klass;
  GEnumValue *enum_value;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value_by_nick (klass, nick);
  g_type_class_unref (klass);

  if (enum_value == NULL)
    return FALSE;

  if (out != NULL)
    *out = enum_value->value;
  return TRUE;
}

/* @context is the msgctxt of a table whose short labels ("Session", "Other") are
 * ambiguous out of context, or NULL. */
static const char *
label (const char * const *labels,
       guint               n_labels,
       const char         *context,
       int                 value)
{
  g_return_val_if_fail (value >= 0 && (guint)value < n_labels, "");

  if (context != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, labels[value]);

  return _(labels[value]);
}

#define KAB_DEFINE_ENUM_FUNCTIONS_CONTEXT(TypeName, type_name, TYPE, labels, context)    \
  const char *                                                                           \
  type_name##_to_label (TypeName value)                                                  \
  {                                                                                      \
    return label (labels, G_N_ELEMENTS (labels), context, (int)value);                   \
  }                                                                                      \
                                                                                         \
  const char *                                                                           \
  type_name##_to_nick (TypeName value)                                                   \
  {                                                                                      \
    return enum_to_nick (TYPE, (int)value);                                              \
  }                                                                                      \
                                                                                         \
  gboolean                                                                               \
  type_name##_from_nick (const char *nick,                                               \
                         TypeName   *out)                                                \
  {                                                                                      \
    int value;                                                                           \
                                                                                         \
    if (!enum_from_nick (TYPE, nick, &value))                                            \
      return FALSE;                                                                      \
                                                                                         \
    if (out != NULL)                                                                     \
      *out = (TypeName)value;                                                            \
    return TRUE;                                                                         \
  }

#define KAB_DEFINE_ENUM_FUNCTIONS(TypeName, type_name, TYPE, labels) \
  KAB_DEFINE_ENUM_FUNCTIONS_CONTEXT (TypeName, type_name, TYPE, labels, NULL)

static const char * const client_status_labels[] = {
  [KAB_CLIENT_STATUS_ACTIVE] = N_("Active"),
  [KAB_CLIENT_STATUS_PAUSED] = N_("Paused"),
  [KAB_CLIENT_STATUS_FINISHED] = N_("Finished"),
  [KAB_CLIENT_STATUS_ARCHIVED] = N_("Archived"),
};

static const char * const service_labels[] = {
  [KAB_SERVICE_CONSULTATION] = N_("Consultation"),
  [KAB_SERVICE_PSYCHOTHERAPY] = N_("Psychotherapy"),
};

static const char * const billing_plan_labels[] = {
  [KAB_BILLING_PLAN_PER_SESSION] = N_("Per session"),
  [KAB_BILLING_PLAN_MONTHLY] = N_("Monthly fee"),
  [KAB_BILLING_PLAN_PACKAGE] = N_("Prepaid package"),
};

static const char * const session_kind_labels[] = {
  [KAB_SESSION_KIND_CONSULTATION] = N_("Consultation"),
  [KAB_SESSION_KIND_PSYCHOTHERAPY] = N_("Psychotherapy"),
  [KAB_SESSION_KIND_SUPERVISION] = N_("Supervision"),
};

static const char * const session_status_labels[] = {
  [KAB_SESSION_STATUS_PLANNED] = N_("Planned"),
  [KAB_SESSION_STATUS_ATTENDED] = N_("Attended"),
  [KAB_SESSION_STATUS_CANCELLED_IN_TIME] = N_("Cancelled in time"),
  [KAB_SESSION_STATUS_CANCELLED_LATE] = N_("Cancelled late"),
  [KAB_SESSION_STATUS_NO_SHOW] = N_("No-show"),
  [KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER] = N_("Cancelled by practitioner"),
};

static const char * const charge_kind_labels[] = {
  [KAB_CHARGE_KIND_SESSION] = NC_("charge kind", "Session"),
  [KAB_CHARGE_KIND_LATE_CANCELLATION] = NC_("charge kind", "Late cancellation"),
  [KAB_CHARGE_KIND_MONTHLY_FEE] = NC_("charge kind", "Monthly fee"),
  [KAB_CHARGE_KIND_PACKAGE] = NC_("charge kind", "Prepaid package"),
  [KAB_CHARGE_KIND_OTHER] = NC_("charge kind", "Other"),
};

static const char * const payment_method_labels[] = {
  [KAB_PAYMENT_METHOD_CASH] = NC_("payment method", "Cash"),
  [KAB_PAYMENT_METHOD_CARD] = NC_("payment method", "Card"),
  [KAB_PAYMENT_METHOD_BANK_TRANSFER] = NC_("payment method", "Bank transfer"),
  /* Translators: Swedish mobile payment service, a brand name. */
  [KAB_PAYMENT_METHOD_SWISH] = NC_("payment method", "Swish"),
  /* Translators: Norwegian mobile payment service, a brand name. */
  [KAB_PAYMENT_METHOD_VIPPS] = NC_("payment method", "Vipps"),
  /* Translators: the Russian Faster Payments System (СБП). */
  [KAB_PAYMENT_METHOD_SBP] = NC_("payment method", "SBP"),
  [KAB_PAYMENT_METHOD_OTHER] = NC_("payment method", "Other"),
};

static const char * const consent_state_labels[] = {
  /* Translators: state of a client's agreement: none on file yet. */
  [KAB_CONSENT_STATE_MISSING] = N_("Missing"),
  [KAB_CONSENT_STATE_PRINTED] = N_("Printed"),
  [KAB_CONSENT_STATE_SIGNED] = N_("Signed"),
  [KAB_CONSENT_STATE_WITHDRAWN] = N_("Withdrawn"),
};

KAB_DEFINE_ENUM_FUNCTIONS (KabClientStatus, kab_client_status, KAB_TYPE_CLIENT_STATUS,
                           client_status_labels)
KAB_DEFINE_ENUM_FUNCTIONS (KabService, kab_service, KAB_TYPE_SERVICE, service_labels)
KAB_DEFINE_ENUM_FUNCTIONS (KabBillingPlan, kab_billing_plan, KAB_TYPE_BILLING_PLAN,
                           billing_plan_labels)
KAB_DEFINE_ENUM_FUNCTIONS (KabSessionKind, kab_session_kind, KAB_TYPE_SESSION_KIND,
                           session_kind_labels)
KAB_DEFINE_ENUM_FUNCTIONS (KabSessionStatus, kab_session_status, KAB_TYPE_SESSION_STATUS,
                           session_status_labels)
KAB_DEFINE_ENUM_FUNCTIONS_CONTEXT (KabChargeKind, kab_charge_kind, KAB_TYPE_CHARGE_KIND,
                                   charge_kind_labels, "charge kind")
KAB_DEFINE_ENUM_FUNCTIONS_CONTEXT (KabPaymentMethod, kab_payment_method, KAB_TYPE_PAYMENT_METHOD,
                                   payment_method_labels, "payment method")
KAB_DEFINE_ENUM_FUNCTIONS (KabConsentState, kab_consent_state, KAB_TYPE_CONSENT_STATE,
                           consent_state_labels)

/* The statuses for which the client is charged: they came, or did not come or cancel
 * in time. A late cancellation is charged at the practice's late-cancel-percent. */
gboolean
kab_session_status_is_charged (KabSessionStatus value)
{
  return value == KAB_SESSION_STATUS_ATTENDED ||
         value == KAB_SESSION_STATUS_CANCELLED_LATE ||
         value == KAB_SESSION_STATUS_NO_SHOW;
}
