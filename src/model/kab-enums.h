/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-enums.h: the closed sets of the practice: statuses, services, plans, methods */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Stored in the database by their GEnum nick, so values may be reordered later. */

typedef enum
{
  KAB_CLIENT_STATUS_ACTIVE,
  KAB_CLIENT_STATUS_PAUSED,
  KAB_CLIENT_STATUS_FINISHED,
  KAB_CLIENT_STATUS_ARCHIVED,
} KabClientStatus;

typedef enum
{
  KAB_SERVICE_CONSULTATION,
  KAB_SERVICE_PSYCHOTHERAPY,
} KabService;

typedef enum
{
  KAB_BILLING_PLAN_PER_SESSION,
  KAB_BILLING_PLAN_MONTHLY,
  KAB_BILLING_PLAN_PACKAGE,
} KabBillingPlan;

typedef enum
{
  KAB_SESSION_KIND_CONSULTATION,
  KAB_SESSION_KIND_PSYCHOTHERAPY,
  KAB_SESSION_KIND_SUPERVISION,
} KabSessionKind;

typedef enum
{
  KAB_SESSION_STATUS_PLANNED,
  KAB_SESSION_STATUS_ATTENDED,
  KAB_SESSION_STATUS_CANCELLED_IN_TIME,
  KAB_SESSION_STATUS_CANCELLED_LATE,
  KAB_SESSION_STATUS_NO_SHOW,
  KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER,
} KabSessionStatus;

typedef enum
{
  KAB_CHARGE_KIND_SESSION,
  KAB_CHARGE_KIND_LATE_CANCELLATION,
  KAB_CHARGE_KIND_MONTHLY_FEE,
  KAB_CHARGE_KIND_PACKAGE,
  KAB_CHARGE_KIND_OTHER,
} KabChargeKind;

typedef enum
{
  KAB_PAYMENT_METHOD_CASH,
  KAB_PAYMENT_METHOD_CARD,
  KAB_PAYMENT_METHOD_BANK_TRANSFER,
  KAB_PAYMENT_METHOD_SWISH,
  KAB_PAYMENT_METHOD_VIPPS,
  KAB_PAYMENT_METHOD_SBP,
  KAB_PAYMENT_METHOD_OTHER,
} KabPaymentMethod;

typedef enum
{
  KAB_CONSENT_STATE_MISSING,
  KAB_CONSENT_STATE_PRINTED,
  KAB_CONSENT_STATE_SIGNED,
  KAB_CONSENT_STATE_WITHDRAWN,
} KabConsentState;

#define KAB_DECLARE_ENUM_FUNCS(Type, prefix) \
  const char *prefix##_to_label (Type value); \
  const char *prefix##_to_nick  (Type value); \
  gboolean    prefix##_from_nick (const char *nick, Type *out_value);

KAB_DECLARE_ENUM_FUNCS (KabClientStatus, kab_client_status)
KAB_DECLARE_ENUM_FUNCS (KabService, kab_service)
KAB_DECLARE_ENUM_FUNCS (KabBillingPlan, kab_billing_plan)
KAB_DECLARE_ENUM_FUNCS (KabSessionKind, kab_session_kind)
KAB_DECLARE_ENUM_FUNCS (KabSessionStatus, kab_session_status)
KAB_DECLARE_ENUM_FUNCS (KabChargeKind, kab_charge_kind)
KAB_DECLARE_ENUM_FUNCS (KabPaymentMethod, kab_payment_method)
KAB_DECLARE_ENUM_FUNCS (KabConsentState, kab_consent_state)

gboolean kab_session_status_is_charged (KabSessionStatus status);

G_END_DECLS
