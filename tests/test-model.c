/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-model.c: the model's properties, notifications, copies and validation */

#include <string.h>

#include "kab-charge.h"
#include "kab-client.h"
#include "kab-search.h"
#include "kab-consent.h"
#include "kab-consent-template.h"
#include "kab-date-format.h"
#include "kab-enum-types.h"
#include "kab-model-error.h"
#include "kab-money.h"
#include "kab-payment.h"
#include "kab-practice.h"
#include "kab-series.h"
#include "kab-session.h"

/* Helpers */

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static guint *
watch (gpointer    object,
       const char *property)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  guint *count = g_new0 (guint, 1);

  g_object_set_data_full (G_OBJECT (object), signal, count, g_free);
  g_signal_connect (object, signal, G_CALLBACK (count_notify), count);
  return count;
}

static void
assert_invalid (gboolean    valid,
                GError     *error,
                int         code)
{
  g_assert_false (valid);
  g_assert_error (error, KAB_MODEL_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* The call runs before @error is read: C leaves the order of arguments open. */
#define ASSERT_FAILS(call, error, code)                 \
  G_STMT_START {                                        \
    gboolean valid_ = (call);                           \
    assert_invalid (valid_, error, code);               \
  } G_STMT_END

static GDateTime *
local_date (int year,
            int month,
            int day)
{
  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

/* A string of @n copies of @unit (which may be several bytes long). */
static char *
repeat (const char *unit,
        guint       n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (out, unit);

  return g_string_free (out, FALSE);
}

/* Two values for @pspec: @a differs from the object's current value, @b from @a. */
static void
set_two_values (GObject    *object,
                GParamSpec *pspec,
                GValue     *a,
                GValue     *b)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (a, type);
  g_value_init (b, type);

  if (type == G_TYPE_STRING)
    {
      g_value_set_string (a, "Åsa Ødegård");
      g_value_set_string (b, "Дарья Ёлкина");
    }
  else if (type == G_TYPE_INT64)
    {
      g_value_set_int64 (a, 12345);
      g_value_set_int64 (b, 67890);
    }
  else if (type == G_TYPE_INT)
    {
      g_value_set_int (a, 33);
      g_value_set_int (b, 44);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      g_value_set_boolean (a, TRUE);
      g_value_set_boolean (b, FALSE);
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      g_value_take_boxed (a, g_date_time_new_utc (2025, 3, 4, 5, 6, 7));
      g_value_take_boxed (b, g_date_time_new_utc (2026, 8, 9, 10, 11, 12));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = g_type_class_ref (type);
      int current;

      g_object_get (object, pspec->name, &current, NULL);
      g_value_set_enum (a, klass->values[0].value != current ? klass->values[0].value
                                                             : klass->values[1].value);
      g_value_set_enum (b, current);
      g_type_class_unref (klass);
    }
  else
    g_assert_not_reached ();
}

/* Every writable property: setting a new value notifies once, setting it again does not,
 * and the getter returns what was set. Works on any model class. */
static void
check_every_property (GType type)
{
  g_autoptr(GObject) object = g_object_new (type, NULL);
  guint n_pspecs = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object),
                                                                   &n_pspecs);

  g_assert_cmpuint (n_pspecs, >, 0);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;
      g_auto(GValue) got = G_VALUE_INIT;
      guint *count;

      if (!(pspec->flags & G_PARAM_WRITABLE))
        continue;

      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_assert_true (pspec->flags & G_PARAM_READABLE);

      set_two_values (object, pspec, &a, &b);
      count = watch (object, pspec->name);

      g_object_set_property (object, pspec->name, &a);
      g_assert_cmpuint (*count, ==, 1);
      g_object_set_property (object, pspec->name, &a);
      g_assert_cmpuint (*count, ==, 1);

      g_value_init (&got, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, pspec->name, &got);
      g_assert_cmpint (g_param_values_cmp (pspec, &got, &a), ==, 0);

      g_object_set_property (object, pspec->name, &b);
      g_assert_cmpuint (*count, ==, 2);
      g_object_set_property (object, pspec->name, &a);
      g_assert_cmpuint (*count, ==, 3);
    }
}

static void
assert_has_properties (GType               type,
                       const char * const *names)
{
  GObjectClass *klass = g_type_class_ref (type);

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_object_class_find_property (klass, names[i]) == NULL)
        g_error ("%s has no property “%s”", g_type_name (type), names[i]);
    }

  g_type_class_unref (klass);
}

/* Error domain and enums */

static void
test_error_quark (void)
{
  g_assert_cmpstr (g_quark_to_string (KAB_MODEL_ERROR), ==, "kab-model-error-quark");
  g_assert_cmpint (KAB_MODEL_ERROR_INVALID_TEXT, ==, 0);
  g_assert_cmpint (KAB_MODEL_ERROR_INVALID_VALUE, >, KAB_MODEL_ERROR_MISSING_VALUE);
}

/* Every value of an enum: the nick is the GEnum nick, it reads back, and the label is
 * translated text. Unknown nicks are refused. */
#define DEFINE_ENUM_CHECK(Type, prefix, TYPE)                                          \
  static void                                                                          \
  check_##prefix (void)                                                                \
  {                                                                                    \
    GEnumClass *klass = g_type_class_ref (TYPE);                                       \
    Type back;                                                                         \
                                                                                       \
    for (guint i = 0; i < klass->n_values; i++)                                        \
      {                                                                                \
        Type value = (Type)klass->values[i].value;                                     \
        const char *label = prefix##_to_label (value);                                 \
                                                                                       \
        g_assert_cmpstr (prefix##_to_nick (value), ==, klass->values[i].value_nick);   \
        g_assert_true (prefix##_from_nick (prefix##_to_nick (value), &back));          \
        g_assert_cmpint (back, ==, value);                                             \
        g_assert_nonnull (label);                                                      \
        g_assert_cmpstr (label, !=, "");                                               \
        g_assert_true (g_utf8_validate (label, -1, NULL));                             \
      }                                                                                \
                                                                                       \
    g_assert_false (prefix##_from_nick ("no-such-nick", &back));                       \
    g_assert_false (prefix##_from_nick (NULL, &back));                                 \
    g_assert_false (prefix##_from_nick ("", NULL));                                    \
    g_type_class_unref (klass);                                                        \
  }

DEFINE_ENUM_CHECK (KabClientStatus, kab_client_status, KAB_TYPE_CLIENT_STATUS)
DEFINE_ENUM_CHECK (KabService, kab_service, KAB_TYPE_SERVICE)
DEFINE_ENUM_CHECK (KabBillingPlan, kab_billing_plan, KAB_TYPE_BILLING_PLAN)
DEFINE_ENUM_CHECK (KabSessionKind, kab_session_kind, KAB_TYPE_SESSION_KIND)
DEFINE_ENUM_CHECK (KabSessionStatus, kab_session_status, KAB_TYPE_SESSION_STATUS)
DEFINE_ENUM_CHECK (KabChargeKind, kab_charge_kind, KAB_TYPE_CHARGE_KIND)
DEFINE_ENUM_CHECK (KabPaymentMethod, kab_payment_method, KAB_TYPE_PAYMENT_METHOD)
DEFINE_ENUM_CHECK (KabConsentState, kab_consent_state, KAB_TYPE_CONSENT_STATE)

static void
test_enum_nicks (void)
{
  check_kab_client_status ();
  check_kab_service ();
  check_kab_billing_plan ();
  check_kab_session_kind ();
  check_kab_session_status ();
  check_kab_charge_kind ();
  check_kab_payment_method ();
  check_kab_consent_state ();
}

static void
test_enum_values (void)
{
  KabPaymentMethod method;
  KabSessionStatus status;

  /* The database stores these nicks: they must never change. */
  g_assert_cmpstr (kab_payment_method_to_nick (KAB_PAYMENT_METHOD_BANK_TRANSFER), ==, "bank-transfer");
  g_assert_cmpstr (kab_session_status_to_nick (KAB_SESSION_STATUS_CANCELLED_IN_TIME), ==,
                   "cancelled-in-time");
  g_assert_cmpstr (kab_session_status_to_nick (KAB_SESSION_STATUS_NO_SHOW), ==, "no-show");
  g_assert_cmpstr (kab_client_status_to_nick (KAB_CLIENT_STATUS_ARCHIVED), ==, "archived");
  g_assert_cmpstr (kab_billing_plan_to_nick (KAB_BILLING_PLAN_PER_SESSION), ==, "per-session");
  g_assert_cmpstr (kab_charge_kind_to_nick (KAB_CHARGE_KIND_LATE_CANCELLATION), ==,
                   "late-cancellation");
  g_assert_cmpstr (kab_consent_state_to_nick (KAB_CONSENT_STATE_WITHDRAWN), ==, "withdrawn");

  g_assert_true (kab_payment_method_from_nick ("swish", &method));
  g_assert_cmpint (method, ==, KAB_PAYMENT_METHOD_SWISH);
  g_assert_false (kab_payment_method_from_nick ("bitcoin", &method));
  g_assert_cmpint (method, ==, KAB_PAYMENT_METHOD_SWISH);
  g_assert_true (kab_session_status_from_nick ("cancelled-late", &status));
  g_assert_cmpint (status, ==, KAB_SESSION_STATUS_CANCELLED_LATE);
  /* Nicks are exact: a label is not a nick. */
  g_assert_false (kab_session_status_from_nick ("Cancelled late", &status));
}

static void
test_enum_labels (void)
{
  g_assert_cmpstr (kab_session_status_to_label (KAB_SESSION_STATUS_CANCELLED_LATE), ==, "Cancelled late");
  g_assert_cmpstr (kab_session_status_to_label (KAB_SESSION_STATUS_NO_SHOW), ==, "No-show");
  g_assert_cmpstr (kab_client_status_to_label (KAB_CLIENT_STATUS_PAUSED), ==, "Paused");
  g_assert_cmpstr (kab_payment_method_to_label (KAB_PAYMENT_METHOD_BANK_TRANSFER), ==, "Bank transfer");
  g_assert_cmpstr (kab_service_to_label (KAB_SERVICE_PSYCHOTHERAPY), ==, "Psychotherapy");
  g_assert_cmpstr (kab_session_kind_to_label (KAB_SESSION_KIND_SUPERVISION), ==, "Supervision");
  g_assert_cmpstr (kab_charge_kind_to_label (KAB_CHARGE_KIND_LATE_CANCELLATION), ==, "Late cancellation");
  g_assert_cmpstr (kab_consent_state_to_label (KAB_CONSENT_STATE_SIGNED), ==, "Signed");
}

static void
test_status_is_charged (void)
{
  g_assert_true (kab_session_status_is_charged (KAB_SESSION_STATUS_ATTENDED));
  g_assert_true (kab_session_status_is_charged (KAB_SESSION_STATUS_CANCELLED_LATE));
  g_assert_true (kab_session_status_is_charged (KAB_SESSION_STATUS_NO_SHOW));
  g_assert_false (kab_session_status_is_charged (KAB_SESSION_STATUS_PLANNED));
  g_assert_false (kab_session_status_is_charged (KAB_SESSION_STATUS_CANCELLED_IN_TIME));
  g_assert_false (kab_session_status_is_charged (KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER));
}

/* Every class: the spec's property names, and notification only on change */

static void
test_property_names (void)
{
  static const char * const practice[] = {
    "practitioner-name", "title", "address", "phone", "email", "currency", "default-fee",
    "default-duration", "cancel-hours", "late-cancel-percent", "form-language",
    "retention-years", "day-start-hour", "day-end-hour", NULL };
  static const char * const client[] = {
    "id", "given-name", "family-name", "birth-date", "phone", "email", "address",
    "emergency-contact", "status", "service", "billing-plan", "fee", "package-size", "notes",
    "created", "updated", "balance", "next-session", "consent-state", "display-name",
    "initials", NULL };
  static const char * const series[] = {
    "id", "client-id", "first-date", "until-date", "start-minute", "duration",
    "interval-weeks", "tzid", "kind", "fee", NULL };
  static const char * const session[] = {
    "id", "client-id", "series-id", "start", "tzid", "duration", "kind", "status", "fee",
    "note", "detached", "client-name", NULL };
  static const char * const charge[] = {
    "id", "client-id", "session-id", "date", "amount", "currency", "kind", "period", "note",
    NULL };
  static const char * const payment[] = {
    "id", "client-id", "date", "amount", "currency", "method", "note", NULL };
  static const char * const template[] = {
    "id", "key", "language", "title", "version", "body", "builtin", "created", NULL };
  static const char * const consent[] = {
    "id", "client-id", "template-id", "template-version", "language", "title",
    "rendered-text", "created", "printed-on", "signed-on", "withdrawn-on", "state", NULL };

  assert_has_properties (KAB_TYPE_PRACTICE, practice);
  assert_has_properties (KAB_TYPE_CLIENT, client);
  assert_has_properties (KAB_TYPE_SERIES, series);
  assert_has_properties (KAB_TYPE_SESSION, session);
  assert_has_properties (KAB_TYPE_CHARGE, charge);
  assert_has_properties (KAB_TYPE_PAYMENT, payment);
  assert_has_properties (KAB_TYPE_CONSENT_TEMPLATE, template);
  assert_has_properties (KAB_TYPE_CONSENT, consent);
}

static void
test_properties_practice (void)
{
  check_every_property (KAB_TYPE_PRACTICE);
}

static void
test_properties_client (void)
{
  check_every_property (KAB_TYPE_CLIENT);
}

static void
test_properties_series (void)
{
  check_every_property (KAB_TYPE_SERIES);
}

static void
test_properties_session (void)
{
  check_every_property (KAB_TYPE_SESSION);
}

static void
test_properties_charge (void)
{
  check_every_property (KAB_TYPE_CHARGE);
}

static void
test_properties_payment (void)
{
  check_every_property (KAB_TYPE_PAYMENT);
}

static void
test_properties_template (void)
{
  check_every_property (KAB_TYPE_CONSENT_TEMPLATE);
}

static void
test_properties_consent (void)
{
  check_every_property (KAB_TYPE_CONSENT);
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(KabClient) client = kab_client_new ();
  guint *n_given = watch (client, "given-name");
  guint *n_display = watch (client, "display-name");
  guint *n_initials = watch (client, "initials");
  guint *n_fee = watch (client, "fee");
  guint *n_status = watch (client, "status");

  kab_client_set_given_name (client, "Дарья");
  kab_client_set_given_name (client, "Дарья");
  g_object_set (client, "given-name", "Дарья", NULL);
  kab_client_set_fee (client, 350000);
  kab_client_set_fee (client, 350000);
  kab_client_set_status (client, KAB_CLIENT_STATUS_ACTIVE);

  g_assert_cmpuint (*n_given, ==, 1);
  g_assert_cmpuint (*n_display, ==, 1);
  g_assert_cmpuint (*n_initials, ==, 1);
  g_assert_cmpuint (*n_fee, ==, 1);
  g_assert_cmpuint (*n_status, ==, 0);
  g_assert_cmpstr (kab_client_get_given_name (client), ==, "Дарья");

  /* A change that leaves the display name alone does not notify it. */
  kab_client_set_given_name (client, " Дарья ");
  g_assert_cmpuint (*n_given, ==, 2);
  g_assert_cmpuint (*n_display, ==, 1);
}

/* Both names in one call: each property notifies once, the display name is made once. */
static void
test_client_set_names (void)
{
  g_autoptr(KabClient) client = kab_client_new ();
  guint *n_given = watch (client, "given-name");
  guint *n_family = watch (client, "family-name");
  guint *n_display = watch (client, "display-name");
  guint *n_initials = watch (client, "initials");

  kab_client_set_names (client, "Åse", "Ødegård");
  g_assert_cmpstr (kab_client_get_display_name (client), ==, "Åse Ødegård");
  g_assert_cmpstr (kab_client_get_initials (client), ==, "Å. Ø.");
  g_assert_cmpuint (*n_given, ==, 1);
  g_assert_cmpuint (*n_family, ==, 1);
  g_assert_cmpuint (*n_display, ==, 1);
  g_assert_cmpuint (*n_initials, ==, 1);

  /* The same names again change nothing; one new name notifies only itself. */
  kab_client_set_names (client, "Åse", "Ødegård");
  g_assert_cmpuint (*n_given + *n_family + *n_display + *n_initials, ==, 4);
  kab_client_set_names (client, "Åse", "Лебедева");
  g_assert_cmpuint (*n_given, ==, 1);
  g_assert_cmpuint (*n_family, ==, 2);
  g_assert_cmpuint (*n_display, ==, 2);
  g_assert_cmpstr (kab_client_get_family_name (client), ==, "Лебедева");
  {
    g_auto(GStrv) words = kab_search_split ("лебед");

    /* The search follows the new name. */
    g_assert_true (kab_client_matches (client, (const char * const *)words));
  }
}

static void
test_strings_never_null (void)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(KabSession) session = kab_session_new ();
  guint *n_phone = watch (client, "phone");

  g_assert_cmpstr (kab_client_get_phone (client), ==, "");
  g_assert_cmpstr (kab_client_get_notes (client), ==, "");
  g_assert_cmpstr (kab_client_get_display_name (client), ==, "");
  g_assert_cmpstr (kab_client_get_initials (client), ==, "");
  g_assert_cmpstr (kab_session_get_tzid (session), ==, "");

  /* NULL is the empty string: no change, no notification. */
  kab_client_set_phone (client, NULL);
  g_assert_cmpuint (*n_phone, ==, 0);
  kab_client_set_phone (client, "+46 70 123 45 67");
  kab_client_set_phone (client, NULL);
  g_assert_cmpstr (kab_client_get_phone (client), ==, "");
  g_assert_cmpuint (*n_phone, ==, 2);
  g_object_set (client, "notes", NULL, NULL);
  g_assert_cmpstr (kab_client_get_notes (client), ==, "");
}

static void
test_date_time_notify (void)
{
  g_autoptr(KabSession) session = kab_session_new ();
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 11, 23, 9, 0, 0);
  g_autoptr(GDateTime) same = g_date_time_new_utc (2026, 11, 23, 9, 0, 0);
  g_autoptr(GTimeZone) oslo = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) same_in_oslo = g_date_time_to_timezone (start, oslo);
  guint *n_start = watch (session, "start");

  kab_session_set_start (session, start);
  g_assert_true (kab_session_get_start (session) == start);
  kab_session_set_start (session, same);
  g_assert_cmpuint (*n_start, ==, 1);

  /* The same instant in another zone is another value: dates at midnight depend on it. */
  kab_session_set_start (session, same_in_oslo);
  g_assert_cmpuint (*n_start, ==, 2);

  kab_session_set_start (session, NULL);
  g_assert_null (kab_session_get_start (session));
  kab_session_set_start (session, NULL);
  g_assert_cmpuint (*n_start, ==, 3);
}

static void
test_setters_take_a_ref (void)
{
  g_autoptr(KabConsent) consent = kab_consent_new ();
  GDateTime *signed_on = g_date_time_new_utc (2026, 1, 2, 3, 4, 5);

  kab_consent_set_signed_on (consent, signed_on);
  g_date_time_unref (signed_on);
  g_assert_cmpint (g_date_time_get_year (kab_consent_get_signed_on (consent)), ==, 2026);
}

static void
test_finalize_frees (void)
{
  KabClient *client = kab_client_new ();
  g_autoptr(GDateTime) birth = local_date (1980, 1, 1);
  GWeakRef ref;

  g_object_set (client, "given-name", "Anna", "notes", "x", "birth-date", birth, NULL);
  g_weak_ref_init (&ref, client);
  g_object_unref (client);
  g_assert_null (g_weak_ref_get (&ref));
  g_weak_ref_clear (&ref);
}

/* KabPractice */

static KabPractice *
valid_practice (void)
{
  KabPractice *practice = kab_practice_new ();

  g_object_set (practice,
                "practitioner-name", "Ingrid Bjørnstad",
                "title", "Psykologspesialist",
                "currency", "NOK",
                "email", "ingrid@example.no",
                NULL);
  return practice;
}

static void
test_practice_defaults (void)
{
  g_autoptr(KabPractice) practice = kab_practice_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (kab_practice_get_currency (practice), ==, "EUR");
  g_assert_cmpint (kab_practice_get_default_fee (practice), ==, 0);
  g_assert_cmpint (kab_practice_get_default_duration (practice), ==, 50);
  g_assert_cmpint (kab_practice_get_cancel_hours (practice), ==, 24);
  g_assert_cmpint (kab_practice_get_late_cancel_percent (practice), ==, 100);
  g_assert_cmpstr (kab_practice_get_form_language (practice), ==, "en");
  g_assert_cmpint (kab_practice_get_retention_years (practice), ==, 10);
  g_assert_cmpint (kab_practice_get_day_start_hour (practice), ==, 8);
  g_assert_cmpint (kab_practice_get_day_end_hour (practice), ==, 20);
  g_assert_cmpstr (kab_practice_get_practitioner_name (practice), ==, "");
  g_assert_true (kab_practice_validate (practice, &error));
  g_assert_no_error (error);
}

#define PRACTICE_INVALID(setter, value, code)                                          \
  G_STMT_START {                                                                       \
    g_autoptr(KabPractice) p = valid_practice ();                                      \
    g_autoptr(GError) e = NULL;                                                        \
    g_assert_true (kab_practice_validate (p, NULL));                                   \
    setter (p, value);                                                                 \
    ASSERT_FAILS (kab_practice_validate (p, &e), e, code);                           \
  } G_STMT_END

static void
test_practice_validate_numbers (void)
{
  PRACTICE_INVALID (kab_practice_set_currency, "DOGE", KAB_MODEL_ERROR_INVALID_CURRENCY);
  PRACTICE_INVALID (kab_practice_set_currency, "", KAB_MODEL_ERROR_INVALID_CURRENCY);
  PRACTICE_INVALID (kab_practice_set_currency, "sek", KAB_MODEL_ERROR_INVALID_CURRENCY);
  PRACTICE_INVALID (kab_practice_set_default_fee, -1, KAB_MODEL_ERROR_INVALID_AMOUNT);
  PRACTICE_INVALID (kab_practice_set_default_fee, KAB_MODEL_MAX_AMOUNT + 1, KAB_MODEL_ERROR_INVALID_AMOUNT);
  PRACTICE_INVALID (kab_practice_set_default_duration, 4, KAB_MODEL_ERROR_INVALID_DURATION);
  PRACTICE_INVALID (kab_practice_set_default_duration, 601, KAB_MODEL_ERROR_INVALID_DURATION);
  PRACTICE_INVALID (kab_practice_set_cancel_hours, -1, KAB_MODEL_ERROR_INVALID_VALUE);
  PRACTICE_INVALID (kab_practice_set_cancel_hours, 337, KAB_MODEL_ERROR_INVALID_VALUE);
  PRACTICE_INVALID (kab_practice_set_late_cancel_percent, -1, KAB_MODEL_ERROR_INVALID_VALUE);
  PRACTICE_INVALID (kab_practice_set_late_cancel_percent, 101, KAB_MODEL_ERROR_INVALID_VALUE);
  PRACTICE_INVALID (kab_practice_set_retention_years, -1, KAB_MODEL_ERROR_INVALID_VALUE);
  PRACTICE_INVALID (kab_practice_set_retention_years, 101, KAB_MODEL_ERROR_INVALID_VALUE);
  PRACTICE_INVALID (kab_practice_set_day_start_hour, -1, KAB_MODEL_ERROR_INVALID_TIME);
  PRACTICE_INVALID (kab_practice_set_day_end_hour, 25, KAB_MODEL_ERROR_INVALID_TIME);
  PRACTICE_INVALID (kab_practice_set_day_start_hour, 20, KAB_MODEL_ERROR_INVALID_TIME);
  PRACTICE_INVALID (kab_practice_set_form_language, "de", KAB_MODEL_ERROR_INVALID_VALUE);
  PRACTICE_INVALID (kab_practice_set_form_language, "", KAB_MODEL_ERROR_INVALID_VALUE);
}

static void
test_practice_validate_bounds (void)
{
  g_autoptr(KabPractice) practice = valid_practice ();
  g_autoptr(GError) error = NULL;

  /* The edges of every range are allowed. */
  g_object_set (practice,
                "default-fee", KAB_MODEL_MAX_AMOUNT,
                "default-duration", 5,
                "cancel-hours", 0,
                "late-cancel-percent", 0,
                "retention-years", 0,
                "day-start-hour", 0,
                "day-end-hour", 24,
                NULL);
  g_assert_true (kab_practice_validate (practice, &error));
  g_object_set (practice,
                "default-duration", 600,
                "cancel-hours", 336,
                "late-cancel-percent", 100,
                "retention-years", 100,
                "day-start-hour", 23,
                "form-language", "ru",
                NULL);
  g_assert_true (kab_practice_validate (practice, &error));
  g_assert_no_error (error);
}

static void
test_practice_validate_texts (void)
{
  g_autofree char *name_201 = repeat ("Ж", 201);
  g_autofree char *name_200 = repeat ("Ж", 200);
  g_autofree char *phone_51 = repeat ("1", 51);
  g_autofree char *address_1001 = repeat ("ø", 1001);

  PRACTICE_INVALID (kab_practice_set_practitioner_name, name_201, KAB_MODEL_ERROR_INVALID_TEXT);
  PRACTICE_INVALID (kab_practice_set_practitioner_name, "Ingrid\xff", KAB_MODEL_ERROR_INVALID_TEXT);
  PRACTICE_INVALID (kab_practice_set_title, name_201, KAB_MODEL_ERROR_INVALID_TEXT);
  PRACTICE_INVALID (kab_practice_set_phone, phone_51, KAB_MODEL_ERROR_INVALID_TEXT);
  PRACTICE_INVALID (kab_practice_set_address, address_1001, KAB_MODEL_ERROR_INVALID_TEXT);
  PRACTICE_INVALID (kab_practice_set_address, "\xc3\x28", KAB_MODEL_ERROR_INVALID_TEXT);
  PRACTICE_INVALID (kab_practice_set_email, "ingrid.example.no", KAB_MODEL_ERROR_INVALID_EMAIL);

  {
    /* The limit counts characters, not bytes: 200 Cyrillic letters are 400 bytes. */
    g_autoptr(KabPractice) practice = valid_practice ();

    kab_practice_set_practitioner_name (practice, name_200);
    g_assert_true (kab_practice_validate (practice, NULL));
  }
}

static void
test_practice_copy (void)
{
  g_autoptr(KabPractice) practice = valid_practice ();
  g_autoptr(KabPractice) copy = NULL;

  g_object_set (practice, "default-fee", (gint64)120000, "late-cancel-percent", 50,
                "day-start-hour", 9, "address", "Storgata 1\n0155 Oslo", NULL);
  copy = kab_practice_copy (practice);

  g_assert_true (copy != practice);
  g_assert_cmpstr (kab_practice_get_practitioner_name (copy), ==, "Ingrid Bjørnstad");
  g_assert_cmpstr (kab_practice_get_address (copy), ==, "Storgata 1\n0155 Oslo");
  g_assert_cmpstr (kab_practice_get_currency (copy), ==, "NOK");
  g_assert_cmpint (kab_practice_get_default_fee (copy), ==, 120000);
  g_assert_cmpint (kab_practice_get_late_cancel_percent (copy), ==, 50);
  g_assert_cmpint (kab_practice_get_day_start_hour (copy), ==, 9);

  /* Editing the copy (a cancelled dialog) leaves the original alone. */
  kab_practice_set_currency (copy, "SEK");
  g_assert_cmpstr (kab_practice_get_currency (practice), ==, "NOK");
}

/* KabClient */

static KabClient *
valid_client (void)
{
  KabClient *client = kab_client_new ();

  g_object_set (client, "given-name", "Anna", "family-name", "Karlsson", NULL);
  return client;
}

#define CLIENT_INVALID(setter, value, code)                                            \
  G_STMT_START {                                                                       \
    g_autoptr(KabClient) c = valid_client ();                                          \
    g_autoptr(GError) e = NULL;                                                        \
    g_assert_true (kab_client_validate (c, NULL));                                     \
    setter (c, value);                                                                 \
    ASSERT_FAILS (kab_client_validate (c, &e), e, code);                             \
  } G_STMT_END

static void
test_client_defaults (void)
{
  g_autoptr(KabClient) client = kab_client_new ();

  g_assert_cmpint (kab_client_get_id (client), ==, 0);
  g_assert_cmpint (kab_client_get_status (client), ==, KAB_CLIENT_STATUS_ACTIVE);
  g_assert_cmpint (kab_client_get_service (client), ==, KAB_SERVICE_PSYCHOTHERAPY);
  g_assert_cmpint (kab_client_get_billing_plan (client), ==, KAB_BILLING_PLAN_PER_SESSION);
  g_assert_cmpint (kab_client_get_package_size (client), ==, 10);
  g_assert_cmpint (kab_client_get_fee (client), ==, 0);
  g_assert_cmpint (kab_client_get_balance (client), ==, 0);
  g_assert_cmpint (kab_client_get_consent_state (client), ==, KAB_CONSENT_STATE_MISSING);
  g_assert_null (kab_client_get_birth_date (client));
  g_assert_null (kab_client_get_created (client));
  g_assert_null (kab_client_get_updated (client));
  g_assert_null (kab_client_get_next_session (client));
}

static void
test_client_names (void)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autofree char *initials = NULL;
  g_autofree char *display = NULL;

  g_object_set (client, "given-name", " Åse ", "family-name", "Ødegård", NULL);
  g_assert_cmpstr (kab_client_get_display_name (client), ==, "Åse Ødegård");
  g_assert_cmpstr (kab_client_get_initials (client), ==, "Å. Ø.");
  initials = kab_client_dup_initials (client);
  g_assert_cmpstr (initials, ==, "Å. Ø.");

  kab_client_set_given_name (client, "");
  g_object_get (client, "display-name", &display, NULL);
  g_assert_cmpstr (display, ==, "Ødegård");
  g_assert_cmpstr (kab_client_get_initials (client), ==, "Ø.");

  kab_client_set_given_name (client, "алёна");
  kab_client_set_family_name (client, "   ");
  g_assert_cmpstr (kab_client_get_display_name (client), ==, "алёна");
  g_assert_cmpstr (kab_client_get_initials (client), ==, "А.");

  kab_client_set_given_name (client, NULL);
  g_assert_cmpstr (kab_client_get_display_name (client), ==, "");
  g_assert_cmpstr (kab_client_get_initials (client), ==, "");
}

static void
test_client_initials_decomposed (void)
{
  g_autoptr(KabClient) client = kab_client_new ();

  /* “Ödön” typed with a combining diaeresis still has the initial “Ö.”. */
  g_object_set (client, "given-name", "O\xcc\x88" "d\xc3\xb6n", "family-name", "Fekete", NULL);
  g_assert_cmpstr (kab_client_get_initials (client), ==, "Ö. F.");
}

static void
test_client_display_name_notify (void)
{
  g_autoptr(KabClient) client = kab_client_new ();
  guint *n_display = watch (client, "display-name");
  guint *n_initials = watch (client, "initials");

  kab_client_set_family_name (client, "Sæther");
  g_assert_cmpuint (*n_display, ==, 1);
  g_assert_cmpuint (*n_initials, ==, 1);
  kab_client_set_given_name (client, "Solveig");
  g_assert_cmpuint (*n_display, ==, 2);
  g_assert_cmpuint (*n_initials, ==, 2);
  /* Another given name with the same initial changes the name only. */
  kab_client_set_given_name (client, "Siri");
  g_assert_cmpuint (*n_display, ==, 3);
  g_assert_cmpuint (*n_initials, ==, 2);
  /* Unrelated properties do not touch them. */
  kab_client_set_phone (client, "+47 22 00 00 00");
  g_assert_cmpuint (*n_display, ==, 3);
}

static void
test_client_search_key (void)
{
  g_autoptr(KabClient) client = kab_client_new ();
  const char *key;

  g_object_set (client, "given-name", "Åse", "family-name", "ØDEGÅRD", "phone", "+47 915",
                "email", "Ase@Example.no", NULL);
  key = kab_client_get_search_key (client);

  /* Folded without case or accents; the phone also as its digits alone. */
  g_assert_nonnull (strstr (key, "ase odegard"));
  g_assert_nonnull (strstr (key, "ase@example.no"));
  g_assert_nonnull (strstr (key, "47915"));
  g_assert_true (g_utf8_validate (key, -1, NULL));

  /* The key follows the fields it is made of. */
  kab_client_set_family_name (client, "Lie");
  g_assert_nonnull (strstr (kab_client_get_search_key (client), "ase lie"));
  kab_client_set_phone (client, "22 33");
  g_assert_nonnull (strstr (kab_client_get_search_key (client), "2233"));

  /* Never crashes or returns invalid text, even with broken input. */
  kab_client_set_given_name (client, "An\xffna");
  g_assert_true (g_utf8_validate (kab_client_get_search_key (client), -1, NULL));
}

/* One rule for every client search (the Clients list, every client chooser, the Consent
 * view): each word the user types occurs in the name, email or phone, with case and
 * accents folded away and letters like ø and æ spelled plainly; a phone number matches
 * by its digits, however either is written. */
static gboolean
finds (const char *given,
       const char *family,
       const char *phone,
       const char *query)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_auto(GStrv) words = kab_search_split (query);

  g_object_set (client, "given-name", given, "family-name", family, "phone", phone,
                "email", "", NULL);
  return kab_client_matches (client, (const char * const *)words);
}

static void
test_client_search_matches (void)
{
  g_assert_true (finds ("Eva", "Lindström", "", "lindstrom"));
  g_assert_true (finds ("Eva", "Lindström", "", "LINDSTRÖM"));
  g_assert_true (finds ("Eva", "Lindstrom", "", "lindström"));
  g_assert_true (finds ("Ola", "Østberg", "", "ostberg"));
  g_assert_true (finds ("Ola", "Østberg", "", "østb"));
  g_assert_true (finds ("Ola", "ØSTBERG", "", "Østberg"));
  g_assert_true (finds ("Kjærsti", "Aas", "", "kjaersti"));
  g_assert_true (finds ("Åse", "Ødegård", "", "ase odegard"));
  g_assert_true (finds ("Åse", "Ødegård", "", "odegard ase"));
  g_assert_true (finds ("Jürgen", "Groß", "", "gross"));
  g_assert_true (finds ("Иван", "Петров", "", "ИВА"));
  g_assert_true (finds ("Пётр", "Ёлкин", "", "петр елкин"));
  g_assert_true (finds ("Anna", "Karlsson", "+46 70-123 45 67", "70 123"));
  g_assert_true (finds ("Anna", "Karlsson", "070-123 45 67", "0701234567"));
  g_assert_true (finds ("Anna", "Karlsson", "070-123 45 67", "070-123-45"));
  g_assert_true (finds ("Anna", "Karlsson", "070-123 45 67", "123 45 67"));
  g_assert_false (finds ("Anna", "Karlsson", "070-123 45 67", "45 123"));
  g_assert_true (finds ("Anna", "Karlsson", "070-123 45 67", "anna 070"));
  g_assert_true (finds ("Anna", "Karlsson", "", ""));
  g_assert_true (finds ("Anna", "Karlsson", "", "   "));

  g_assert_false (finds ("Anna", "Karlsson", "", "anna berg"));
  g_assert_false (finds ("Ola", "Østberg", "", "ostbergen"));
  g_assert_false (finds ("Иван", "Петров", "", "ivan"));
}

static void
test_client_validate_name (void)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(GError) error = NULL;

  ASSERT_FAILS (kab_client_validate (client, &error), error, KAB_MODEL_ERROR_EMPTY_NAME);
  g_assert_cmpstr (error->message, ==, "Enter the client's name.");
  g_clear_error (&error);

  /* Blank is empty, whatever the kind of space. */
  g_object_set (client, "given-name", "  \t", "family-name", "\xc2\xa0\xe2\x80\xaf", NULL);
  ASSERT_FAILS (kab_client_validate (client, &error), error, KAB_MODEL_ERROR_EMPTY_NAME);
  g_clear_error (&error);

  /* Either name is enough. */
  kab_client_set_family_name (client, "Karlsson");
  g_assert_true (kab_client_validate (client, &error));
  kab_client_set_family_name (client, "");
  kab_client_set_given_name (client, "Anna");
  g_assert_true (kab_client_validate (client, &error));
  g_assert_no_error (error);
}

static void
test_client_validate_texts (void)
{
  g_autofree char *name_201 = repeat ("a", 201);
  g_autofree char *name_200 = repeat ("ё", 200);
  g_autofree char *phone_51 = repeat ("7", 51);
  g_autofree char *address_1001 = repeat ("x", 1001);
  g_autofree char *notes_huge = g_strnfill (200001, 'n');
  g_autofree char *email_long = NULL;

  CLIENT_INVALID (kab_client_set_given_name, "An\xff\xfena", KAB_MODEL_ERROR_INVALID_TEXT);
  CLIENT_INVALID (kab_client_set_family_name, "Karls\xc3", KAB_MODEL_ERROR_INVALID_TEXT);
  CLIENT_INVALID (kab_client_set_given_name, name_201, KAB_MODEL_ERROR_INVALID_TEXT);
  CLIENT_INVALID (kab_client_set_family_name, name_201, KAB_MODEL_ERROR_INVALID_TEXT);
  CLIENT_INVALID (kab_client_set_phone, phone_51, KAB_MODEL_ERROR_INVALID_TEXT);
  CLIENT_INVALID (kab_client_set_address, address_1001, KAB_MODEL_ERROR_INVALID_TEXT);
  CLIENT_INVALID (kab_client_set_emergency_contact, address_1001, KAB_MODEL_ERROR_INVALID_TEXT);
  CLIENT_INVALID (kab_client_set_emergency_contact, "Mor \xfe", KAB_MODEL_ERROR_INVALID_TEXT);
  CLIENT_INVALID (kab_client_set_notes, notes_huge, KAB_MODEL_ERROR_INVALID_TEXT);
  CLIENT_INVALID (kab_client_set_notes, "ok\x80", KAB_MODEL_ERROR_INVALID_TEXT);

  {
    g_autofree char *local_part = repeat ("a", 250);

    email_long = g_strconcat (local_part, "@b.se", NULL);
  }
  CLIENT_INVALID (kab_client_set_email, email_long, KAB_MODEL_ERROR_INVALID_TEXT);

  {
    g_autoptr(KabClient) client = valid_client ();
    g_autofree char *notes_max = g_strnfill (200000, 'n');

    /* The limits themselves are allowed. */
    g_object_set (client, "given-name", name_200, "notes", notes_max, NULL);
    g_assert_true (kab_client_validate (client, NULL));
  }
}

static void
test_client_validate_email (void)
{
  const char *bad[] = { "anna.example.org", "@example.org", "anna@", "anna@@example.org",
                        "anna @example.org", "anna@example..org", "anna@.org", "a@b,c",
                        "anna@example.org.", NULL };
  const char *good[] = { "anna@example.org", "anna.karlsson+kabinett@mail.example.se",
                         "дарья@пример.рф", " anna@example.org ", "", NULL };

  for (guint i = 0; bad[i] != NULL; i++)
    CLIENT_INVALID (kab_client_set_email, bad[i], KAB_MODEL_ERROR_INVALID_EMAIL);

  for (guint i = 0; good[i] != NULL; i++)
    {
      g_autoptr(KabClient) client = valid_client ();
      g_autoptr(GError) error = NULL;

      kab_client_set_email (client, good[i]);
      g_assert_true (kab_client_validate (client, &error));
      g_assert_no_error (error);
    }
}

static void
test_client_validate_numbers (void)
{
  CLIENT_INVALID (kab_client_set_fee, -1, KAB_MODEL_ERROR_INVALID_AMOUNT);
  CLIENT_INVALID (kab_client_set_fee, KAB_MODEL_MAX_AMOUNT + 1, KAB_MODEL_ERROR_INVALID_AMOUNT);
  CLIENT_INVALID (kab_client_set_fee, G_MAXINT64, KAB_MODEL_ERROR_INVALID_AMOUNT);
  CLIENT_INVALID (kab_client_set_package_size, 0, KAB_MODEL_ERROR_INVALID_VALUE);
  CLIENT_INVALID (kab_client_set_package_size, 501, KAB_MODEL_ERROR_INVALID_VALUE);
  CLIENT_INVALID (kab_client_set_status, (KabClientStatus)42, KAB_MODEL_ERROR_INVALID_VALUE);
  CLIENT_INVALID (kab_client_set_billing_plan, (KabBillingPlan)-1, KAB_MODEL_ERROR_INVALID_VALUE);
  CLIENT_INVALID (kab_client_set_service, (KabService)7, KAB_MODEL_ERROR_INVALID_VALUE);

  {
    g_autoptr(KabClient) client = valid_client ();

    /* A balance may be negative (paid ahead) and the fee may be zero or the maximum. */
    g_object_set (client, "balance", (gint64)-50000, "fee", (gint64)0, "package-size", 1, NULL);
    g_assert_true (kab_client_validate (client, NULL));
    g_object_set (client, "fee", KAB_MODEL_MAX_AMOUNT, "package-size", 500, NULL);
    g_assert_true (kab_client_validate (client, NULL));
  }
}

static void
test_client_validate_birth_date (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) old = local_date (1899, 12, 31);
  g_autoptr(GDateTime) oldest = local_date (1900, 1, 1);
  g_autoptr(GDateTime) today = local_date (g_date_time_get_year (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_day_of_month (now));
  g_autoptr(KabClient) client = valid_client ();

  CLIENT_INVALID (kab_client_set_birth_date, tomorrow, KAB_MODEL_ERROR_INVALID_DATE);
  CLIENT_INVALID (kab_client_set_birth_date, old, KAB_MODEL_ERROR_INVALID_DATE);

  kab_client_set_birth_date (client, oldest);
  g_assert_true (kab_client_validate (client, NULL));
  kab_client_set_birth_date (client, today);
  g_assert_true (kab_client_validate (client, NULL));
}

static void
test_client_copy (void)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(KabClient) copy = NULL;
  g_autoptr(GDateTime) birth = local_date (1990, 5, 17);
  g_autoptr(GDateTime) next = g_date_time_new_utc (2026, 12, 1, 9, 0, 0);

  g_object_set (client, "id", (gint64)7, "given-name", "Sigrid", "family-name", "Dahl",
                "birth-date", birth, "status", KAB_CLIENT_STATUS_PAUSED,
                "service", KAB_SERVICE_CONSULTATION,
                "billing-plan", KAB_BILLING_PLAN_PACKAGE, "fee", (gint64)1500000,
                "package-size", 12, "phone", "+47 1", "email", "s@d.no", "address", "Vei 2",
                "emergency-contact", "Bror", "notes", "Første samtale.", "balance", (gint64)300,
                "next-session", next, "consent-state", KAB_CONSENT_STATE_SIGNED, NULL);
  copy = kab_client_copy (client);

  g_assert_true (copy != client);
  g_assert_cmpint (kab_client_get_id (copy), ==, 7);
  g_assert_cmpstr (kab_client_get_display_name (copy), ==, "Sigrid Dahl");
  g_assert_cmpstr (kab_client_get_initials (copy), ==, "S. D.");
  g_assert_true (g_date_time_equal (kab_client_get_birth_date (copy), birth));
  g_assert_cmpint (kab_client_get_status (copy), ==, KAB_CLIENT_STATUS_PAUSED);
  g_assert_cmpint (kab_client_get_service (copy), ==, KAB_SERVICE_CONSULTATION);
  g_assert_cmpint (kab_client_get_billing_plan (copy), ==, KAB_BILLING_PLAN_PACKAGE);
  g_assert_cmpint (kab_client_get_fee (copy), ==, 1500000);
  g_assert_cmpint (kab_client_get_package_size (copy), ==, 12);
  g_assert_cmpstr (kab_client_get_phone (copy), ==, "+47 1");
  g_assert_cmpstr (kab_client_get_email (copy), ==, "s@d.no");
  g_assert_cmpstr (kab_client_get_address (copy), ==, "Vei 2");
  g_assert_cmpstr (kab_client_get_emergency_contact (copy), ==, "Bror");
  g_assert_cmpstr (kab_client_get_notes (copy), ==, "Første samtale.");
  g_assert_cmpint (kab_client_get_balance (copy), ==, 300);
  g_assert_true (g_date_time_equal (kab_client_get_next_session (copy), next));
  g_assert_cmpint (kab_client_get_consent_state (copy), ==, KAB_CONSENT_STATE_SIGNED);

  kab_client_set_given_name (copy, "Siri");
  g_assert_cmpstr (kab_client_get_given_name (client), ==, "Sigrid");
  g_assert_cmpstr (kab_client_get_display_name (client), ==, "Sigrid Dahl");
}

/* KabSeries (expansion is in test-series.c) */

static void
test_series_defaults_and_copy (void)
{
  g_autoptr(KabSeries) series = kab_series_new ();
  g_autoptr(KabSeries) copy = NULL;
  g_autoptr(GDateTime) first = local_date (2026, 9, 7);
  g_autoptr(GDateTime) until = local_date (2026, 12, 21);

  g_assert_cmpint (kab_series_get_interval_weeks (series), ==, 1);
  g_assert_cmpint (kab_series_get_duration (series), ==, 50);
  g_assert_cmpstr (kab_series_get_tzid (series), ==, "");
  g_assert_null (kab_series_get_first_date (series));
  g_assert_null (kab_series_get_until_date (series));

  g_object_set (series, "id", (gint64)4, "client-id", (gint64)9, "first-date", first,
                "until-date", until, "start-minute", 17 * 60 + 30, "duration", 45,
                "interval-weeks", 2, "tzid", "Europe/Stockholm",
                "kind", KAB_SESSION_KIND_SUPERVISION, "fee", (gint64)110000, NULL);
  copy = kab_series_copy (series);

  g_assert_cmpint (kab_series_get_id (copy), ==, 4);
  g_assert_cmpint (kab_series_get_client_id (copy), ==, 9);
  g_assert_true (g_date_time_equal (kab_series_get_first_date (copy), first));
  g_assert_true (g_date_time_equal (kab_series_get_until_date (copy), until));
  g_assert_cmpint (kab_series_get_start_minute (copy), ==, 17 * 60 + 30);
  g_assert_cmpint (kab_series_get_duration (copy), ==, 45);
  g_assert_cmpint (kab_series_get_interval_weeks (copy), ==, 2);
  g_assert_cmpstr (kab_series_get_tzid (copy), ==, "Europe/Stockholm");
  g_assert_cmpint (kab_series_get_kind (copy), ==, KAB_SESSION_KIND_SUPERVISION);
  g_assert_cmpint (kab_series_get_fee (copy), ==, 110000);
}

/* KabSession */

static KabSession *
valid_session (void)
{
  KabSession *session = kab_session_new ();
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 11, 23, 9, 0, 0);

  g_object_set (session, "client-id", (gint64)3, "start", start, NULL);
  return session;
}

#define SESSION_INVALID(setter, value, code)                                           \
  G_STMT_START {                                                                       \
    g_autoptr(KabSession) s = valid_session ();                                        \
    g_autoptr(GError) e = NULL;                                                        \
    g_assert_true (kab_session_validate (s, NULL));                                    \
    setter (s, value);                                                                 \
    ASSERT_FAILS (kab_session_validate (s, &e), e, code);                            \
  } G_STMT_END

static void
test_session_defaults (void)
{
  g_autoptr(KabSession) session = kab_session_new ();

  g_assert_cmpint (kab_session_get_status (session), ==, KAB_SESSION_STATUS_PLANNED);
  g_assert_cmpint (kab_session_get_duration (session), ==, 50);
  g_assert_cmpint (kab_session_get_series_id (session), ==, 0);
  g_assert_false (kab_session_get_detached (session));
  g_assert_null (kab_session_get_start (session));
  g_assert_null (kab_session_dup_end (session));
}

static void
test_session_validate (void)
{
  g_autoptr(KabSession) session = kab_session_new ();
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 11, 23, 9, 0, 0);
  g_autoptr(GDateTime) too_early = g_date_time_new_utc (1969, 12, 31, 9, 0, 0);
  g_autoptr(GDateTime) too_late = g_date_time_new_utc (2201, 1, 1, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *note_huge = g_strnfill (200001, 'x');

  ASSERT_FAILS (kab_session_validate (session, &error), error, KAB_MODEL_ERROR_MISSING_VALUE);
  g_clear_error (&error);
  kab_session_set_client_id (session, 3);
  ASSERT_FAILS (kab_session_validate (session, &error), error, KAB_MODEL_ERROR_INVALID_TIME);
  g_clear_error (&error);
  kab_session_set_start (session, start);
  g_assert_true (kab_session_validate (session, &error));

  SESSION_INVALID (kab_session_set_client_id, -5, KAB_MODEL_ERROR_MISSING_VALUE);
  SESSION_INVALID (kab_session_set_start, too_early, KAB_MODEL_ERROR_INVALID_TIME);
  SESSION_INVALID (kab_session_set_start, too_late, KAB_MODEL_ERROR_INVALID_TIME);
  SESSION_INVALID (kab_session_set_duration, 0, KAB_MODEL_ERROR_INVALID_DURATION);
  SESSION_INVALID (kab_session_set_duration, 4, KAB_MODEL_ERROR_INVALID_DURATION);
  SESSION_INVALID (kab_session_set_duration, 601, KAB_MODEL_ERROR_INVALID_DURATION);
  SESSION_INVALID (kab_session_set_fee, -1, KAB_MODEL_ERROR_INVALID_AMOUNT);
  SESSION_INVALID (kab_session_set_note, note_huge, KAB_MODEL_ERROR_INVALID_TEXT);
  SESSION_INVALID (kab_session_set_note, "\xed\xa0\x80", KAB_MODEL_ERROR_INVALID_TEXT);
  SESSION_INVALID (kab_session_set_status, (KabSessionStatus)99, KAB_MODEL_ERROR_INVALID_VALUE);
  SESSION_INVALID (kab_session_set_kind, (KabSessionKind)99, KAB_MODEL_ERROR_INVALID_VALUE);
  SESSION_INVALID (kab_session_set_tzid, "Mars/Olympus_Mons", KAB_MODEL_ERROR_INVALID_VALUE);
}

static void
test_session_duration_message (void)
{
  g_autoptr(KabSession) session = valid_session ();
  g_autoptr(GError) error = NULL;

  kab_session_set_duration (session, 3);
  g_assert_false (kab_session_validate (session, &error));
  g_assert_cmpstr (error->message, ==, "A session must last at least 5 minutes.");
}

static void
test_session_end_and_copy (void)
{
  g_autoptr(KabSession) session = valid_session ();
  g_autoptr(KabSession) copy = NULL;
  g_autoptr(GDateTime) end = NULL;

  g_object_set (session, "id", (gint64)11, "series-id", (gint64)2, "duration", 90,
                "tzid", "Europe/Moscow", "kind", KAB_SESSION_KIND_CONSULTATION,
                "status", KAB_SESSION_STATUS_NO_SHOW, "fee", (gint64)500000,
                "note", "Не пришла", "detached", TRUE, "client-name", "Дарья Ёлкина", NULL);

  end = kab_session_dup_end (session);
  g_assert_cmpint (g_date_time_difference (end, kab_session_get_start (session)), ==,
                   90 * G_TIME_SPAN_MINUTE);

  copy = kab_session_copy (session);
  g_assert_cmpint (kab_session_get_id (copy), ==, 11);
  g_assert_cmpint (kab_session_get_client_id (copy), ==, 3);
  g_assert_cmpint (kab_session_get_series_id (copy), ==, 2);
  g_assert_true (g_date_time_equal (kab_session_get_start (copy), kab_session_get_start (session)));
  g_assert_cmpint (kab_session_get_duration (copy), ==, 90);
  g_assert_cmpstr (kab_session_get_tzid (copy), ==, "Europe/Moscow");
  g_assert_cmpint (kab_session_get_kind (copy), ==, KAB_SESSION_KIND_CONSULTATION);
  g_assert_cmpint (kab_session_get_status (copy), ==, KAB_SESSION_STATUS_NO_SHOW);
  g_assert_cmpint (kab_session_get_fee (copy), ==, 500000);
  g_assert_cmpstr (kab_session_get_note (copy), ==, "Не пришла");
  g_assert_true (kab_session_get_detached (copy));
  g_assert_cmpstr (kab_session_get_client_name (copy), ==, "Дарья Ёлкина");
  g_assert_true (kab_session_validate (copy, NULL));
}

/* KabCharge and KabPayment */

static KabCharge *
valid_charge (void)
{
  KabCharge *charge = kab_charge_new ();
  g_autoptr(GDateTime) day = local_date (2026, 11, 2);

  g_object_set (charge, "client-id", (gint64)1, "date", day, "amount", (gint64)350000,
                "currency", "RUB", NULL);
  return charge;
}

static KabPayment *
valid_payment (void)
{
  KabPayment *payment = kab_payment_new ();
  g_autoptr(GDateTime) day = local_date (2026, 11, 2);

  g_object_set (payment, "client-id", (gint64)1, "date", day, "amount", (gint64)150000,
                "currency", "NOK", "method", KAB_PAYMENT_METHOD_VIPPS, NULL);
  return payment;
}

#define CHARGE_INVALID(setter, value, code)                                            \
  G_STMT_START {                                                                       \
    g_autoptr(KabCharge) c = valid_charge ();                                          \
    g_autoptr(GError) e = NULL;                                                        \
    g_assert_true (kab_charge_validate (c, NULL));                                     \
    setter (c, value);                                                                 \
    ASSERT_FAILS (kab_charge_validate (c, &e), e, code);                             \
  } G_STMT_END

#define PAYMENT_INVALID(setter, value, code)                                           \
  G_STMT_START {                                                                       \
    g_autoptr(KabPayment) p = valid_payment ();                                        \
    g_autoptr(GError) e = NULL;                                                        \
    g_assert_true (kab_payment_validate (p, NULL));                                    \
    setter (p, value);                                                                 \
    ASSERT_FAILS (kab_payment_validate (p, &e), e, code);                            \
  } G_STMT_END

static void
test_charge_validate (void)
{
  g_autofree char *note_huge = g_strnfill (200001, 'x');

  CHARGE_INVALID (kab_charge_set_client_id, 0, KAB_MODEL_ERROR_MISSING_VALUE);
  CHARGE_INVALID (kab_charge_set_date, NULL, KAB_MODEL_ERROR_INVALID_DATE);
  CHARGE_INVALID (kab_charge_set_amount, 0, KAB_MODEL_ERROR_INVALID_AMOUNT);
  CHARGE_INVALID (kab_charge_set_amount, -100, KAB_MODEL_ERROR_INVALID_AMOUNT);
  CHARGE_INVALID (kab_charge_set_amount, KAB_MODEL_MAX_AMOUNT + 1, KAB_MODEL_ERROR_INVALID_AMOUNT);
  CHARGE_INVALID (kab_charge_set_currency, "rub", KAB_MODEL_ERROR_INVALID_CURRENCY);
  CHARGE_INVALID (kab_charge_set_currency, "", KAB_MODEL_ERROR_INVALID_CURRENCY);
  CHARGE_INVALID (kab_charge_set_kind, (KabChargeKind)55, KAB_MODEL_ERROR_INVALID_VALUE);
  CHARGE_INVALID (kab_charge_set_period, "2026-13", KAB_MODEL_ERROR_INVALID_DATE);
  CHARGE_INVALID (kab_charge_set_period, "2026-00", KAB_MODEL_ERROR_INVALID_DATE);
  CHARGE_INVALID (kab_charge_set_period, "November", KAB_MODEL_ERROR_INVALID_DATE);
  CHARGE_INVALID (kab_charge_set_period, "2026-1", KAB_MODEL_ERROR_INVALID_DATE);
  CHARGE_INVALID (kab_charge_set_note, note_huge, KAB_MODEL_ERROR_INVALID_TEXT);
  CHARGE_INVALID (kab_charge_set_note, "\xff", KAB_MODEL_ERROR_INVALID_TEXT);

  {
    g_autoptr(KabCharge) charge = valid_charge ();

    g_object_set (charge, "kind", KAB_CHARGE_KIND_MONTHLY_FEE, "period", "2026-11",
                  "amount", (gint64)1, NULL);
    g_assert_true (kab_charge_validate (charge, NULL));
    g_object_set (charge, "period", "2026-12", "amount", KAB_MODEL_MAX_AMOUNT, NULL);
    g_assert_true (kab_charge_validate (charge, NULL));
  }
}

static void
test_charge_copy (void)
{
  g_autoptr(KabCharge) charge = valid_charge ();
  g_autoptr(KabCharge) copy = NULL;

  g_object_set (charge, "id", (gint64)5, "session-id", (gint64)8,
                "kind", KAB_CHARGE_KIND_LATE_CANCELLATION, "note", "Отмена за 3 часа", NULL);
  copy = kab_charge_copy (charge);
  g_assert_cmpint (kab_charge_get_id (copy), ==, 5);
  g_assert_cmpint (kab_charge_get_client_id (copy), ==, 1);
  g_assert_cmpint (kab_charge_get_session_id (copy), ==, 8);
  g_assert_true (g_date_time_equal (kab_charge_get_date (copy), kab_charge_get_date (charge)));
  g_assert_cmpint (kab_charge_get_amount (copy), ==, 350000);
  g_assert_cmpstr (kab_charge_get_currency (copy), ==, "RUB");
  g_assert_cmpint (kab_charge_get_kind (copy), ==, KAB_CHARGE_KIND_LATE_CANCELLATION);
  g_assert_cmpstr (kab_charge_get_note (copy), ==, "Отмена за 3 часа");
  g_assert_cmpstr (kab_charge_get_period (copy), ==, "");
}

static void
test_payment_validate (void)
{
  g_autofree char *note_huge = g_strnfill (200001, 'x');
  g_autoptr(GError) error = NULL;
  g_autoptr(KabPayment) payment = valid_payment ();

  PAYMENT_INVALID (kab_payment_set_client_id, 0, KAB_MODEL_ERROR_MISSING_VALUE);
  PAYMENT_INVALID (kab_payment_set_date, NULL, KAB_MODEL_ERROR_INVALID_DATE);
  PAYMENT_INVALID (kab_payment_set_amount, 0, KAB_MODEL_ERROR_INVALID_AMOUNT);
  PAYMENT_INVALID (kab_payment_set_amount, -1, KAB_MODEL_ERROR_INVALID_AMOUNT);
  PAYMENT_INVALID (kab_payment_set_amount, G_MAXINT64, KAB_MODEL_ERROR_INVALID_AMOUNT);
  PAYMENT_INVALID (kab_payment_set_currency, "nok", KAB_MODEL_ERROR_INVALID_CURRENCY);
  PAYMENT_INVALID (kab_payment_set_currency, "XYZ", KAB_MODEL_ERROR_INVALID_CURRENCY);
  PAYMENT_INVALID (kab_payment_set_method, (KabPaymentMethod)100, KAB_MODEL_ERROR_INVALID_VALUE);
  PAYMENT_INVALID (kab_payment_set_note, note_huge, KAB_MODEL_ERROR_INVALID_TEXT);

  kab_payment_set_amount (payment, 0);
  g_assert_false (kab_payment_validate (payment, &error));
  g_assert_cmpstr (error->message, ==, "The amount must be greater than zero.");
}

static void
test_payment_copy (void)
{
  g_autoptr(KabPayment) payment = valid_payment ();
  g_autoptr(KabPayment) copy = NULL;

  g_object_set (payment, "id", (gint64)77, "note", "Timer i oktober", NULL);
  copy = kab_payment_copy (payment);
  g_assert_cmpint (kab_payment_get_id (copy), ==, 77);
  g_assert_cmpint (kab_payment_get_client_id (copy), ==, 1);
  g_assert_true (g_date_time_equal (kab_payment_get_date (copy), kab_payment_get_date (payment)));
  g_assert_cmpint (kab_payment_get_amount (copy), ==, 150000);
  g_assert_cmpstr (kab_payment_get_currency (copy), ==, "NOK");
  g_assert_cmpint (kab_payment_get_method (copy), ==, KAB_PAYMENT_METHOD_VIPPS);
  g_assert_cmpstr (kab_payment_get_note (copy), ==, "Timer i oktober");

  kab_payment_set_amount (copy, 1);
  g_assert_cmpint (kab_payment_get_amount (payment), ==, 150000);
}

/* KabConsentTemplate */

static GHashTable *
values_for_agreement (void)
{
  GHashTable *values = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (values, "client", "Ёлкина Дарья");
  g_hash_table_insert (values, "fee", "3\u00a0500,00\u00a0₽");
  g_hash_table_insert (values, "cancel_hours", "24");
  return values;
}

static char *
render (const char  *body,
        GHashTable  *values,
        GError     **error)
{
  g_autoptr(KabConsentTemplate) template = kab_consent_template_new ();

  kab_consent_template_set_body (template, body);
  return kab_consent_template_render (template, values, error);
}

static void
test_template_render (void)
{
  g_autoptr(GHashTable) values = values_for_agreement ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = render ("# Соглашение\n\nКлиент: {client}. Оплата {fee}; отмена за {cancel_hours} ч.\n"
                 "Подпись: {client}", values, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==,
                   "# Соглашение\n\nКлиент: Ёлкина Дарья. Оплата 3\u00a0500,00\u00a0₽; "
                   "отмена за 24 ч.\nПодпись: Ёлкина Дарья");
}

static void
test_template_render_braces (void)
{
  g_autoptr(GHashTable) values = values_for_agreement ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  g_autofree char *text3 = NULL;

  /* “{{” is a literal brace, and so is “}}”; a lone “}” stays. */
  text = render ("{{не поле} {{client}} {client}", values, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "{не поле} {client} Ёлкина Дарья");

  text2 = render ("a } b {{{client}", values, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text2, ==, "a } b {Ёлкина Дарья");

  /* A value is inserted as it is, never expanded again. */
  g_hash_table_insert (values, "client", "{fee}");
  text3 = render ("{client}", values, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text3, ==, "{fee}");
}

static void
test_template_render_missing (void)
{
  g_autoptr(GHashTable) values = values_for_agreement ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* A placeholder with no value is refused and named, never printed blank. */
  text = render ("Practitioner: {practitioner}", values, &error);
  g_assert_null (text);
  assert_invalid (FALSE, error, KAB_MODEL_ERROR_MISSING_VALUE);
  g_assert_nonnull (strstr (error->message, "practitioner"));
  g_clear_error (&error);

  g_hash_table_insert (values, "practitioner", "");
  text = render ("Practitioner: {practitioner}", values, &error);
  g_assert_null (text);
  assert_invalid (FALSE, error, KAB_MODEL_ERROR_MISSING_VALUE);
  g_clear_error (&error);

  g_hash_table_insert (values, "practitioner", "  ");
  text = render ("Practitioner: {practitioner}", values, &error);
  g_assert_null (text);
  assert_invalid (FALSE, error, KAB_MODEL_ERROR_MISSING_VALUE);
  g_clear_error (&error);

  /* No table at all: every placeholder is missing, plain text is fine. */
  text = render ("{client}", NULL, &error);
  g_assert_null (text);
  assert_invalid (FALSE, error, KAB_MODEL_ERROR_MISSING_VALUE);
  g_clear_error (&error);
  text = render ("No placeholders {{here}}.", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "No placeholders {here}.");
}

static void
test_template_render_unclosed (void)
{
  g_autoptr(GHashTable) values = values_for_agreement ();
  const char *broken[] = { "Client: {client", "Client: {}", "Client: {cli\nent}", "{ {client}",
                           NULL };

  for (guint i = 0; broken[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = render (broken[i], values, &error);

      g_assert_null (text);
      assert_invalid (FALSE, error, KAB_MODEL_ERROR_INVALID_VALUE);
    }
}

static KabConsentTemplate *
valid_template (void)
{
  KabConsentTemplate *template = kab_consent_template_new ();

  g_object_set (template, "key", "therapy-agreement-nb", "title", "Avtale",
                "body", "# Avtale\n\n{client}", "language", "nb", NULL);
  return template;
}

#define TEMPLATE_INVALID(setter, value, code)                                          \
  G_STMT_START {                                                                       \
    g_autoptr(KabConsentTemplate) t = valid_template ();                               \
    g_autoptr(GError) e = NULL;                                                        \
    g_assert_true (kab_consent_template_validate (t, NULL));                           \
    setter (t, value);                                                                 \
    ASSERT_FAILS (kab_consent_template_validate (t, &e), e, code);                   \
  } G_STMT_END

static void
test_template_validate (void)
{
  g_autoptr(KabConsentTemplate) template = kab_consent_template_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *title_201 = repeat ("Å", 201);
  g_autofree char *body_huge = g_strnfill (200001, 'x');

  g_assert_cmpint (kab_consent_template_get_version (template), ==, 1);
  g_assert_cmpstr (kab_consent_template_get_language (template), ==, "en");
  ASSERT_FAILS (kab_consent_template_validate (template, &error), error,
                  KAB_MODEL_ERROR_EMPTY_NAME);

  TEMPLATE_INVALID (kab_consent_template_set_title, " ", KAB_MODEL_ERROR_EMPTY_NAME);
  TEMPLATE_INVALID (kab_consent_template_set_title, title_201, KAB_MODEL_ERROR_INVALID_TEXT);
  TEMPLATE_INVALID (kab_consent_template_set_title, "Av\xfftale", KAB_MODEL_ERROR_INVALID_TEXT);
  TEMPLATE_INVALID (kab_consent_template_set_language, "fi", KAB_MODEL_ERROR_INVALID_VALUE);
  TEMPLATE_INVALID (kab_consent_template_set_language, "", KAB_MODEL_ERROR_INVALID_VALUE);
  TEMPLATE_INVALID (kab_consent_template_set_version, 0, KAB_MODEL_ERROR_INVALID_VALUE);
  TEMPLATE_INVALID (kab_consent_template_set_body, "", KAB_MODEL_ERROR_MISSING_VALUE);
  TEMPLATE_INVALID (kab_consent_template_set_body, "\n\n", KAB_MODEL_ERROR_MISSING_VALUE);
  TEMPLATE_INVALID (kab_consent_template_set_body, body_huge, KAB_MODEL_ERROR_INVALID_TEXT);
  TEMPLATE_INVALID (kab_consent_template_set_body, "x\xc0", KAB_MODEL_ERROR_INVALID_TEXT);
  /* A broken placeholder is caught when saving, not when printing. */
  TEMPLATE_INVALID (kab_consent_template_set_body, "Dear {client", KAB_MODEL_ERROR_INVALID_VALUE);
}

/* "{?name}…{/name}" is printed only when name has a value, "{!name}…{/name}" only when
 * it has none; a tag alone on its line leaves no blank line; a placeholder inside a
 * section left out is not needed. */
static void
test_template_sections (void)
{
  g_autoptr(KabConsentTemplate) template = kab_consent_template_new ();
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *adult = NULL;
  g_autofree char *minor = NULL;
  g_autofree char *missing = NULL;

  g_object_set (template, "title", "T", "language", "en",
                "body", "A\n{?minor}\nGuardian: {guardian}\n{/minor}\n{!minor}Adult{/minor}.\nB",
                NULL);
  g_assert_true (kab_consent_template_validate (template, &error));
  g_assert_no_error (error);

  adult = kab_consent_template_render (template, values, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (adult, ==, "A\nAdult.\nB");

  g_hash_table_insert (values, "minor", "1");
  missing = kab_consent_template_find_missing (template, values);
  g_assert_cmpstr (missing, ==, "guardian");
  g_hash_table_insert (values, "guardian", "Eva");
  minor = kab_consent_template_render (template, values, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (minor, ==, "A\nGuardian: Eva\n.\nB");

  /* A section that nothing ends is refused when the template is saved. */
  kab_consent_template_set_body (template, "A {?minor} B");
  g_assert_false (kab_consent_template_validate (template, &error));
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE);
}

/* Dates and years written out: tables and documents in the interface's language (C here),
 * years in a document's own language with its plural. */
static void
test_date_format (void)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 12, 1, 10, 0, 0);
  struct { int n; const char *language; const char *text; } years[] = {
    { 1, "ru", "1 год" }, { 2, "ru", "2 года" }, { 5, "ru", "5 лет" }, { 11, "ru", "11 лет" },
    { 12, "ru", "12 лет" }, { 21, "ru", "21 год" }, { 22, "ru", "22 года" }, { 25, "ru", "25 лет" },
    { 1, "en", "1 year" }, { 10, "en", "10 years" }, { 10, "sv", "10 år" }, { 1, "nb", "1 år" },
    { 3, NULL, "3 years" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autofree char *text = kab_date_format_years (years[i].n, years[i].language);

      g_assert_cmpstr (text, ==, years[i].text);
    }

  {
    g_autofree char *table = kab_date_format_table (day);
    g_autofree char *document = kab_date_format_document (day);
    g_autofree char *weekday = kab_date_format_in_sentence (day, "%A");

    g_assert_cmpstr (table, ==, "1 Dec 2026");
    g_assert_cmpstr (document, ==, "1 December 2026");
    g_assert_cmpstr (weekday, ==, "Tuesday");
  }
}

static void
test_template_builtin_files (void)
{
  const char *languages[] = { "en", "ru", "sv", "nb", NULL };

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("therapy-agreement-%s.txt", languages[i]);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "consent", name, NULL);
      g_autofree char *body = NULL;
      g_autoptr(KabConsentTemplate) template = kab_consent_template_new ();
      g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      const char *keys[] = { "client", "practitioner", "practitioner_title", "practice_address",
                             "practice_contact", "fee", "session_length", "cancel_hours", "date",
                             "late_cancel_percent", "retention_years", "retention_period",
                             "identity_number", NULL };

      if (!g_file_get_contents (path, &body, NULL, NULL))
        {
          g_test_skip_printf ("%s not found", path);
          return;
        }

      for (guint k = 0; keys[k] != NULL; k++)
        g_hash_table_insert (values, (gpointer)keys[k], "X");

      g_object_set (template, "title", "T", "language", languages[i], "body", body, NULL);
      g_assert_true (kab_consent_template_validate (template, &error));
      g_assert_no_error (error);
      text = kab_consent_template_render (template, values, &error);
      g_assert_no_error (error);
      g_assert_null (strchr (text, '{'));
    }
}

static void
test_template_copy (void)
{
  g_autoptr(KabConsentTemplate) template = valid_template ();
  g_autoptr(KabConsentTemplate) copy = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 1, 1, 12, 0, 0);

  g_object_set (template, "id", (gint64)3, "version", 4, "builtin", TRUE, "created", created, NULL);
  copy = kab_consent_template_copy (template);
  g_assert_cmpint (kab_consent_template_get_id (copy), ==, 3);
  g_assert_cmpstr (kab_consent_template_get_key (copy), ==, "therapy-agreement-nb");
  g_assert_cmpstr (kab_consent_template_get_language (copy), ==, "nb");
  g_assert_cmpstr (kab_consent_template_get_title (copy), ==, "Avtale");
  g_assert_cmpint (kab_consent_template_get_version (copy), ==, 4);
  g_assert_cmpstr (kab_consent_template_get_body (copy), ==, "# Avtale\n\n{client}");
  g_assert_true (kab_consent_template_get_builtin (copy));
  g_assert_true (g_date_time_equal (kab_consent_template_get_created (copy), created));
}

/* KabConsent */

static KabConsent *
valid_consent (void)
{
  KabConsent *consent = kab_consent_new ();

  g_object_set (consent, "client-id", (gint64)2, "rendered-text", "Text", "language", "sv",
                "title", "Avtal", NULL);
  return consent;
}

static void
test_consent_state (void)
{
  g_autoptr(KabConsent) consent = valid_consent ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) earlier = g_date_time_add_days (now, -3);
  guint *n_state = watch (consent, "state");
  KabConsentState state;

  g_assert_cmpint (kab_consent_get_state (consent), ==, KAB_CONSENT_STATE_MISSING);
  kab_consent_set_printed_on (consent, earlier);
  g_assert_cmpint (kab_consent_get_state (consent), ==, KAB_CONSENT_STATE_PRINTED);
  kab_consent_set_signed_on (consent, now);
  g_assert_cmpint (kab_consent_get_state (consent), ==, KAB_CONSENT_STATE_SIGNED);
  kab_consent_set_withdrawn_on (consent, now);
  g_assert_cmpint (kab_consent_get_state (consent), ==, KAB_CONSENT_STATE_WITHDRAWN);
  g_object_get (consent, "state", &state, NULL);
  g_assert_cmpint (state, ==, KAB_CONSENT_STATE_WITHDRAWN);
  g_assert_cmpuint (*n_state, ==, 3);

  /* A date that does not change the state does not notify it. */
  kab_consent_set_printed_on (consent, now);
  g_assert_cmpuint (*n_state, ==, 3);

  kab_consent_set_withdrawn_on (consent, NULL);
  g_assert_cmpint (kab_consent_get_state (consent), ==, KAB_CONSENT_STATE_SIGNED);
  kab_consent_set_signed_on (consent, NULL);
  kab_consent_set_printed_on (consent, NULL);
  g_assert_cmpint (kab_consent_get_state (consent), ==, KAB_CONSENT_STATE_MISSING);
  g_assert_cmpuint (*n_state, ==, 6);

  /* Withdrawn without a signature on file is still withdrawn. */
  kab_consent_set_withdrawn_on (consent, earlier);
  g_assert_cmpint (kab_consent_get_state (consent), ==, KAB_CONSENT_STATE_WITHDRAWN);
}

static void
test_consent_validate (void)
{
  g_autoptr(KabConsent) consent = valid_consent ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) earlier = g_date_time_add_days (now, -3);
  g_autoptr(GDateTime) soon = g_date_time_add_hours (now, 12);
  g_autoptr(GDateTime) future = g_date_time_add_days (now, 30);
  g_autoptr(GError) error = NULL;
  g_autofree char *text_huge = g_strnfill (200001, 'x');

  g_assert_true (kab_consent_validate (consent, &error));

  kab_consent_set_signed_on (consent, now);
  kab_consent_set_withdrawn_on (consent, earlier);
  ASSERT_FAILS (kab_consent_validate (consent, &error), error, KAB_MODEL_ERROR_INVALID_DATE);
  g_clear_error (&error);

  kab_consent_set_withdrawn_on (consent, now);
  g_assert_true (kab_consent_validate (consent, &error));

  /* Within a day is clock skew or a zone; a month ahead is a mistake. */
  kab_consent_set_withdrawn_on (consent, NULL);
  kab_consent_set_signed_on (consent, soon);
  g_assert_true (kab_consent_validate (consent, &error));
  kab_consent_set_signed_on (consent, future);
  ASSERT_FAILS (kab_consent_validate (consent, &error), error, KAB_MODEL_ERROR_INVALID_DATE);
  g_clear_error (&error);
  kab_consent_set_signed_on (consent, earlier);
  kab_consent_set_withdrawn_on (consent, future);
  ASSERT_FAILS (kab_consent_validate (consent, &error), error, KAB_MODEL_ERROR_INVALID_DATE);
  g_clear_error (&error);
  kab_consent_set_withdrawn_on (consent, NULL);

  kab_consent_set_client_id (consent, 0);
  ASSERT_FAILS (kab_consent_validate (consent, &error), error, KAB_MODEL_ERROR_MISSING_VALUE);
  g_clear_error (&error);
  kab_consent_set_client_id (consent, 2);

  kab_consent_set_rendered_text (consent, " \n");
  ASSERT_FAILS (kab_consent_validate (consent, &error), error, KAB_MODEL_ERROR_MISSING_VALUE);
  g_clear_error (&error);
  kab_consent_set_rendered_text (consent, text_huge);
  ASSERT_FAILS (kab_consent_validate (consent, &error), error, KAB_MODEL_ERROR_INVALID_TEXT);
  g_clear_error (&error);
  kab_consent_set_rendered_text (consent, "Text \xff");
  ASSERT_FAILS (kab_consent_validate (consent, &error), error, KAB_MODEL_ERROR_INVALID_TEXT);
  g_clear_error (&error);
  kab_consent_set_rendered_text (consent, "Text");
  kab_consent_set_title (consent, "Av\xfftal");
  ASSERT_FAILS (kab_consent_validate (consent, &error), error, KAB_MODEL_ERROR_INVALID_TEXT);
}

static void
test_consent_copy (void)
{
  g_autoptr(KabConsent) consent = valid_consent ();
  g_autoptr(KabConsent) copy = NULL;
  g_autoptr(GDateTime) printed = g_date_time_new_utc (2026, 2, 1, 10, 0, 0);
  g_autoptr(GDateTime) signed_on = g_date_time_new_utc (2026, 2, 3, 10, 0, 0);

  g_object_set (consent, "id", (gint64)6, "template-id", (gint64)2, "template-version", 3,
                "created", printed, "printed-on", printed, "signed-on", signed_on, NULL);
  copy = kab_consent_copy (consent);
  g_assert_cmpint (kab_consent_get_id (copy), ==, 6);
  g_assert_cmpint (kab_consent_get_client_id (copy), ==, 2);
  g_assert_cmpint (kab_consent_get_template_id (copy), ==, 2);
  g_assert_cmpint (kab_consent_get_template_version (copy), ==, 3);
  g_assert_cmpstr (kab_consent_get_language (copy), ==, "sv");
  g_assert_cmpstr (kab_consent_get_title (copy), ==, "Avtal");
  g_assert_cmpstr (kab_consent_get_rendered_text (copy), ==, "Text");
  g_assert_true (g_date_time_equal (kab_consent_get_created (copy), printed));
  g_assert_true (g_date_time_equal (kab_consent_get_printed_on (copy), printed));
  g_assert_true (g_date_time_equal (kab_consent_get_signed_on (copy), signed_on));
  g_assert_null (kab_consent_get_withdrawn_on (copy));
  g_assert_cmpint (kab_consent_get_state (copy), ==, KAB_CONSENT_STATE_SIGNED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/error/quark", test_error_quark);
  g_test_add_func ("/model/enums/nicks", test_enum_nicks);
  g_test_add_func ("/model/enums/values", test_enum_values);
  g_test_add_func ("/model/enums/labels", test_enum_labels);
  g_test_add_func ("/model/enums/is-charged", test_status_is_charged);

  g_test_add_func ("/model/properties/names", test_property_names);
  g_test_add_func ("/model/properties/practice", test_properties_practice);
  g_test_add_func ("/model/properties/client", test_properties_client);
  g_test_add_func ("/model/properties/series", test_properties_series);
  g_test_add_func ("/model/properties/session", test_properties_session);
  g_test_add_func ("/model/properties/charge", test_properties_charge);
  g_test_add_func ("/model/properties/payment", test_properties_payment);
  g_test_add_func ("/model/properties/consent-template", test_properties_template);
  g_test_add_func ("/model/properties/consent", test_properties_consent);
  g_test_add_func ("/model/properties/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/model/properties/strings-never-null", test_strings_never_null);
  g_test_add_func ("/model/properties/date-time-notify", test_date_time_notify);
  g_test_add_func ("/model/properties/setters-take-a-ref", test_setters_take_a_ref);
  g_test_add_func ("/model/properties/finalize", test_finalize_frees);

  g_test_add_func ("/model/practice/defaults", test_practice_defaults);
  g_test_add_func ("/model/practice/validate/numbers", test_practice_validate_numbers);
  g_test_add_func ("/model/practice/validate/bounds", test_practice_validate_bounds);
  g_test_add_func ("/model/practice/validate/texts", test_practice_validate_texts);
  g_test_add_func ("/model/practice/copy", test_practice_copy);

  g_test_add_func ("/model/client/defaults", test_client_defaults);
  g_test_add_func ("/model/client/names", test_client_names);
  g_test_add_func ("/model/client/set-names", test_client_set_names);
  g_test_add_func ("/model/client/initials-decomposed", test_client_initials_decomposed);
  g_test_add_func ("/model/client/display-name-notify", test_client_display_name_notify);
  g_test_add_func ("/model/client/search-key", test_client_search_key);
  g_test_add_func ("/model/client/search-matches", test_client_search_matches);
  g_test_add_func ("/model/client/validate/name", test_client_validate_name);
  g_test_add_func ("/model/client/validate/texts", test_client_validate_texts);
  g_test_add_func ("/model/client/validate/email", test_client_validate_email);
  g_test_add_func ("/model/client/validate/numbers", test_client_validate_numbers);
  g_test_add_func ("/model/client/validate/birth-date", test_client_validate_birth_date);
  g_test_add_func ("/model/client/copy", test_client_copy);

  g_test_add_func ("/model/series/defaults-and-copy", test_series_defaults_and_copy);

  g_test_add_func ("/model/session/defaults", test_session_defaults);
  g_test_add_func ("/model/session/validate", test_session_validate);
  g_test_add_func ("/model/session/duration-message", test_session_duration_message);
  g_test_add_func ("/model/session/end-and-copy", test_session_end_and_copy);

  g_test_add_func ("/model/charge/validate", test_charge_validate);
  g_test_add_func ("/model/charge/copy", test_charge_copy);
  g_test_add_func ("/model/payment/validate", test_payment_validate);
  g_test_add_func ("/model/payment/copy", test_payment_copy);

  g_test_add_func ("/model/template/render", test_template_render);
  g_test_add_func ("/model/template/render-braces", test_template_render_braces);
  g_test_add_func ("/model/template/render-missing", test_template_render_missing);
  g_test_add_func ("/model/template/render-unclosed", test_template_render_unclosed);
  g_test_add_func ("/model/template/validate", test_template_validate);
  g_test_add_func ("/model/template/builtin-files", test_template_builtin_files);
  g_test_add_func ("/model/template/sections", test_template_sections);
  g_test_add_func ("/model/date-format", test_date_format);
  g_test_add_func ("/model/template/copy", test_template_copy);

  g_test_add_func ("/model/consent/state", test_consent_state);
  g_test_add_func ("/model/consent/validate", test_consent_validate);
  g_test_add_func ("/model/consent/copy", test_consent_copy);

  return g_test_run ();
}
