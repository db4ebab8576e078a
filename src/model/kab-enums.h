/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-enums.h: the enumerations of the model, their labels and database nicks */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Stored in the database by their GEnum nick (text), so the order may change later.
 * The GTypes (KAB_TYPE_CLIENT_STATUS …) are generated into kab-enum-types.h. */

typedef enum {
  KAB_CLIENT_STATUS_ACTIVE,
  KAB_CLIENT_STATUS_PAUSED,
  KAB_CLIENT_STATUS_FINISHED,
  KAB_CLIENT_STATUS_ARCHIVED,
} KabClientStatus;

typedef enum {
  KAB_SERVICE_CONSULTATION,
  KAB_SERVICE_PSYCHOTHERAPY,
} KabService;

typedef enum {
  KAB_BILLING_PLAN_PER_SESSION,
  KAB_BILLING_PLAN_MONTHLY,
  KAB_BILLING_PLAN_PACKAGE,
} KabBillingPlan;

typedef enum {
  KAB_SESSION_KIND_CONSULTATION,
  KAB_SESSION_KIND_PSYCHOTHERAPY,
  KAB_SESSION_KIND_SUPERVISION,
} KabSessionKind;

typedef enum {
  KAB_SESSION_STATUS_PLANNED,
  KAB_SESSION_STATUS_ATTENDED,
  KAB_SESSION_STATUS_CANCELLED_IN_TIME,
  KAB_SESSION_STATUS_CANCELLED_LATE,
  KAB_SESSION_STATUS_NO_SHOW,
  KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER,
} KabSessionStatus;

typedef enum {
  KAB_CHARGE_KIND_SESSION,
  KAB_CHARGE_KIND_LATE_CANCELLATION,
  KAB_CHARGE_KIND_MONTHLY_FEE,
  KAB_CHARGE_KIND_PACKAGE,
  KAB_CHARGE_KIND_OTHER,
} KabChargeKind;

typedef enum {
  KAB_PAYMENT_METHOD_CASH,
  KAB_PAYMENT_METHOD_CARD,
  KAB_PAYMENT_METHOD_BANK_TRANSFER,
  KAB_PAYMENT_METHOD_SWISH,
  KAB_PAYMENT_METHOD_VIPPS,
  KAB_PAYMENT_METHOD_SBP,
  KAB_PAYMENT_METHOD_OTHER,
} KabPaymentMethod;

typedef enum {
  KAB_CONSENT_STATE_MISSING,
  KAB_CONSENT_STATE_PRINTED,
  KAB_CONSENT_STATE_SIGNED,
  KAB_CONSENT_STATE_WITHDRAWN,
} KabConsentState;

const char *kab_client_status_to_label      (KabClientStatus    value);
const char *kab_client_status_to_nick       (KabClientStatus    value);
gboolean    kab_client_status_from_nick     (const char        *nick,
                                             KabClientStatus   *out);

const char *kab_service_to_label            (KabService         value);
const char *kab_service_to_nick             (KabService         value);
gboolean    kab_service_from_nick           (const char        *nick,
                                             KabService        *out);

const char *kab_billing_plan_to_label       (KabBillingPlan     value);
const char *kab_billing_plan_to_nick        (KabBillingPlan     value);
gboolean    kab_billing_plan_from_nick      (const char        *nick,
                                             KabBillingPlan    *out);

const char *kab_session_kind_to_label       (KabSessionKind     value);
const char *kab_session_kind_to_nick        (KabSessionKind     value);
gboolean    kab_session_kind_from_nick      (const char        *nick,
                                             KabSessionKind    *out);

const char *kab_session_status_to_label     (KabSessionStatus   value);
const char *kab_session_status_to_nick      (KabSessionStatus   value);
gboolean    kab_session_status_from_nick    (const char        *nick,
                                             KabSessionStatus  *out);
gboolean    kab_session_status_is_charged   (KabSessionStatus   value);

const char *kab_charge_kind_to_label        (KabChargeKind      value);
const char *kab_charge_kind_to_nick         (KabChargeKind      value);
gboolean    kab_charge_kind_from_nick       (const char        *nick,
                                             KabChargeKind     *out);

const char *kab_payment_method_to_label     (KabPaymentMethod   value);
const char *kab_payment_method_to_nick      (KabPaymentMethod   value);
gboolean    kab_payment_method_from_nick    (const char        *nick,
                                             KabPaymentMethod  *out);

const char *kab_consent_state_to_label      (KabConsentState    value);
const char *kab_consent_state_to_nick       (KabConsentState    value);
gboolean    kab_consent_state_from_nick     (const char        *nick,
                                             KabConsentState   *out);

G_END_DECLS

#include "kab-enum-types.h"
