/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-enums.c: labels for the user and nicks for the database */

#include <glib-object.h>
#include <glib/gi18n.h>

#include "kab-enum-types.h"
#include "kab-enums.h"

static const char *
nick_of (GType type,
         int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  /* The class is kept: nicks are static strings of the type. */
  return enum_value != NULL ? enum_value->value_nick : NULL;
}

static gboolean
value_of (GType       type,
          const char *nick,
          int        *out_value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *enum_value = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (enum_value == NULL)
    return FALSE;

  if (out_value != NULL)
    *out_value = enum_value->value;
  return TRUE;
}

static const char *
label_of (const char * const *labels,
          guint               n_labels,
          int                 value)
{
  if (value < 0 || (guint)value >= n_labels)
    return NULL;

  return g_dgettext (GETTEXT_PACKAGE, labels[value]);
}

#define KAB_DEFINE_ENUM_FUNCS(Type, prefix, TYPE_MACRO, ...) \
  static const char * const prefix##_labels[] = { __VA_ARGS__ }; \
  const char * \
  prefix##_to_label (Type value) \
  { \
    return label_of (prefix##_labels, G_N_ELEMENTS (prefix##_labels), value); \
  } \
  const char * \
  prefix##_to_nick (Type value) \
  { \
    return nick_of (TYPE_MACRO, value); \
  } \
  gboolean \
  prefix##_from_nick (const char *nick, \
                      Type       *out_value) \
  { \
    int value = 0; \
    if (!value_of (TYPE_MACRO, nick, &value)) \
      return FALSE; \
    if (out_value != NULL) \
      *out_value = (Type)value; \
    return TRUE; \
  }

KAB_DEFINE_ENUM_FUNCS (KabClientStatus, kab_client_status, KAB_TYPE_CLIENT_STATUS,
                       N_("Active"), N_("Paused"), N_("Finished"), N_("Archived"))
KAB_DEFINE_ENUM_FUNCS (KabService, kab_service, KAB_TYPE_SERVICE,
                       N_("Consultation"), N_("Psychotherapy"))
KAB_DEFINE_ENUM_FUNCS (KabBillingPlan, kab_billing_plan, KAB_TYPE_BILLING_PLAN,
                       N_("Per session"), N_("Monthly fee"), N_("Prepaid package"))
KAB_DEFINE_ENUM_FUNCS (KabSessionKind, kab_session_kind, KAB_TYPE_SESSION_KIND,
                       N_("Consultation"), N_("Psychotherapy"), N_("Supervision"))
KAB_DEFINE_ENUM_FUNCS (KabSessionStatus, kab_session_status, KAB_TYPE_SESSION_STATUS,
                       N_("Planned"), N_("Attended"), N_("Cancelled in time"),
                       N_("Cancelled late"), N_("No-show"), N_("Cancelled by me"))
KAB_DEFINE_ENUM_FUNCS (KabChargeKind, kab_charge_kind, KAB_TYPE_CHARGE_KIND,
                       N_("Session"), N_("Late cancellation"), N_("Monthly fee"),
                       N_("Package"), N_("Other charge"))
KAB_DEFINE_ENUM_FUNCS (KabPaymentMethod, kab_payment_method, KAB_TYPE_PAYMENT_METHOD,
                       N_("Cash"), N_("Card"), N_("Bank transfer"), N_("Swish"), N_("Vipps"),
                       N_("SBP"), N_("Other"))
KAB_DEFINE_ENUM_FUNCS (KabConsentState, kab_consent_state, KAB_TYPE_CONSENT_STATE,
                       N_("No agreement"), N_("Printed, not signed"), N_("Signed"),
                       N_("Withdrawn"))

/**
 * kab_session_status_is_charged:
 *
 * Returns: whether a session with @status costs the client: attended, cancelled late
 *   or missed. A cancellation in time or by the practitioner never does.
 */
gboolean
kab_session_status_is_charged (KabSessionStatus status)
{
  return status == KAB_SESSION_STATUS_ATTENDED ||
         status == KAB_SESSION_STATUS_CANCELLED_LATE ||
         status == KAB_SESSION_STATUS_NO_SHOW;
}
