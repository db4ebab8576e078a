/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-safety.c: bad input refused whole, and a database that cannot be used refused untouched */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <grp.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "test-safety-util.h"

#define SQL_INJECTION "'; DROP TABLE client; --"
#define INVALID_UTF8  "Anna \xff\xfe \xc3 Svensson"
#define BIG_SIZE      (10 * 1024 * 1024)

static char *big_text;   /* 10 MB of 'a' */

typedef struct
{
  char     *dir;
  char     *path;
  KabStore *store;
  gint64    client_id;   /* an existing client, with a session and a payment */
  gint64    session_id;
  gint64    payment_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabClient) client = NULL;
  g_autoptr(KabSession) session = NULL;
  g_autoptr(KabPayment) payment = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_local (2025, 3, 3, 10, 0, 0);

  f->dir = g_dir_make_tmp ("kabinett-safety-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "kabinett.db", NULL);
  f->store = kab_store_open (f->path, &error);
  g_assert_no_error (error);

  client = safety_add_client (f->store, "Existing", "Client");
  f->client_id = kab_client_get_id (client);
  session = safety_add_session (f->store, f->client_id, when, KAB_SESSION_STATUS_ATTENDED);
  f->session_id = kab_session_get_id (session);
  payment = safety_add_payment (f->store, f->client_id, when, 100000);
  f->payment_id = kab_payment_get_id (payment);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  kab_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Valid objects of every kind, which each case then spoils in one way. */

typedef enum
{
  KIND_CLIENT,
  KIND_CLIENT_EXISTING,
  KIND_SESSION,
  KIND_SERIES,
  KIND_CHARGE,
  KIND_PAYMENT,
  KIND_CONSENT,
  KIND_TEMPLATE,
  KIND_PRACTICE,
  N_KINDS
} Kind;

static const char * const kind_names[] = {
  "client", "client-existing", "session", "series", "charge", "payment", "consent",
  "template", "practice",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == N_KINDS);

static GObject *
new_valid (Fixture *f,
           Kind     kind)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (2025, 3, 10, 10, 0, 0);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (2025, 3, 10, 0, 0, 0);

  switch (kind)
    {
    case KIND_CLIENT:
      return g_object_new (KAB_TYPE_CLIENT, "given-name", "Valid", "family-name", "Client", NULL);

    case KIND_CLIENT_EXISTING:
      return G_OBJECT (kab_client_copy (kab_store_find_client (f->store, f->client_id)));

    case KIND_SESSION:
      return g_object_new (KAB_TYPE_SESSION, "client-id", f->client_id, "start", when,
                           "duration", 50, "fee", (gint64)150000,
                           "status", KAB_SESSION_STATUS_ATTENDED, NULL);

    case KIND_SERIES:
      return g_object_new (KAB_TYPE_SERIES, "client-id", f->client_id, "first-date", midnight,
                           "start-minute", 600, "duration", 50, "interval-weeks", 1,
                           "fee", (gint64)150000, NULL);

    case KIND_CHARGE:
      return g_object_new (KAB_TYPE_CHARGE, "client-id", f->client_id, "date", when,
                           "amount", (gint64)150000, "currency", "EUR",
                           "kind", KAB_CHARGE_KIND_OTHER, NULL);

    case KIND_PAYMENT:
      return g_object_new (KAB_TYPE_PAYMENT, "client-id", f->client_id, "date", when,
                           "amount", (gint64)150000, "currency", "EUR",
                           "method", KAB_PAYMENT_METHOD_CASH, NULL);

    case KIND_CONSENT:
      return g_object_new (KAB_TYPE_CONSENT, "client-id", f->client_id, "language", "en",
                           "title", "Agreement", "rendered-text", "We agree.", NULL);

    case KIND_TEMPLATE:
      return g_object_new (KAB_TYPE_CONSENT_TEMPLATE, "key", "test-agreement", "language", "en",
                           "title", "Agreement", "version", 1, "body", "Client: {client}", NULL);

    case KIND_PRACTICE:
      return G_OBJECT (kab_practice_copy (kab_store_get_practice (f->store)));

    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
save (Fixture  *f,
      Kind      kind,
      GObject  *object,
      GError  **error)
{
  switch (kind)
    {
    case KIND_CLIENT:
    case KIND_CLIENT_EXISTING:
      return kab_store_save_client (f->store, KAB_CLIENT (object), error);
    case KIND_SESSION:
      return kab_store_save_session (f->store, KAB_SESSION (object), error);
    case KIND_SERIES:
      return kab_store_save_series (f->store, KAB_SERIES (object), error);
    case KIND_CHARGE:
      return kab_store_save_charge (f->store, KAB_CHARGE (object), error);
    case KIND_PAYMENT:
      return kab_store_save_payment (f->store, KAB_PAYMENT (object), error);
    case KIND_CONSENT:
      return kab_store_save_consent (f->store, KAB_CONSENT (object), error);
    case KIND_TEMPLATE:
      return kab_store_save_consent_template (f->store, KAB_CONSENT_TEMPLATE (object), error);
    case KIND_PRACTICE:
      return kab_store_save_practice (f->store, KAB_PRACTICE (object), error);
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* Saves @object, which must be refused with a readable error, the database and the
 * store's objects left exactly as they were. */
static void
assert_refused (Fixture    *f,
                Kind        kind,
                GObject    *object,
                const char *what)
{
  g_autoptr(GError) error = NULL;
  g_auto(SafetySnapshot) before = { 0, };
  g_autoptr(KabClient) live_before = kab_client_copy (kab_store_find_client (f->store, f->client_id));
  g_autoptr(KabPractice) practice_before = kab_practice_copy (kab_store_get_practice (f->store));
  KabClient *live;
  gboolean saved;
  gint64 id_before = 0;

  if (kind != KIND_PRACTICE)
    g_object_get (object, "id", &id_before, NULL);
  safety_snapshot_take (f->store, &before);
  saved = save (f, kind, object, &error);
  if (saved)
    {
      g_test_message ("ACCEPTED: %s/%s was saved", kind_names[kind], what);
      g_test_fail_printf ("%s/%s was saved", kind_names[kind], what);
      return;
    }

  safety_assert_user_error (error);
  safety_assert_unchanged (f->store, &before);

  /* What views show did not change either. */
  live = kab_store_find_client (f->store, f->client_id);
  g_assert_cmpstr (kab_client_get_notes (live), ==, kab_client_get_notes (live_before));
  g_assert_cmpstr (kab_client_get_family_name (live), ==, kab_client_get_family_name (live_before));
  g_assert_cmpint (kab_client_get_fee (live), ==, kab_client_get_fee (live_before));
  g_assert_cmpint (kab_client_get_balance (live), ==, kab_client_get_balance (live_before));
  g_assert_cmpstr (kab_practice_get_currency (kab_store_get_practice (f->store)), ==,
                   kab_practice_get_currency (practice_before));
  g_assert_cmpint (kab_practice_get_default_fee (kab_store_get_practice (f->store)), ==,
                   kab_practice_get_default_fee (practice_before));

  /* A refused new record got no id. */
  if (kind != KIND_PRACTICE)
    {
      gint64 id = -1;

      g_object_get (object, "id", &id, NULL);
      g_assert_cmpint (id, ==, id_before);
    }
}

/* Text */

typedef struct
{
  Kind        kind;
  const char *property;
  gboolean    required;   /* an empty value is refused */
} TextField;

static const TextField text_fields[] = {
  { KIND_CLIENT, "given-name", FALSE },
  { KIND_CLIENT, "family-name", FALSE },
  { KIND_CLIENT, "phone", FALSE },
  { KIND_CLIENT, "email", FALSE },
  { KIND_CLIENT, "address", FALSE },
  { KIND_CLIENT, "emergency-contact", FALSE },
  { KIND_CLIENT, "notes", FALSE },
  { KIND_CLIENT_EXISTING, "family-name", FALSE },
  { KIND_CLIENT_EXISTING, "notes", FALSE },
  { KIND_SESSION, "note", FALSE },
  { KIND_SESSION, "tzid", FALSE },
  { KIND_SERIES, "tzid", FALSE },
  { KIND_CHARGE, "currency", TRUE },
  { KIND_CHARGE, "period", FALSE },
  { KIND_CHARGE, "note", FALSE },
  { KIND_PAYMENT, "currency", TRUE },
  { KIND_PAYMENT, "note", FALSE },
  { KIND_CONSENT, "language", FALSE },
  { KIND_CONSENT, "title", FALSE },
  { KIND_CONSENT, "rendered-text", TRUE },
  { KIND_TEMPLATE, "key", FALSE },
  { KIND_TEMPLATE, "language", TRUE },
  { KIND_TEMPLATE, "title", TRUE },
  { KIND_TEMPLATE, "body", TRUE },
  { KIND_PRACTICE, "practitioner-name", FALSE },
  { KIND_PRACTICE, "title", FALSE },
  { KIND_PRACTICE, "address", FALSE },
  { KIND_PRACTICE, "phone", FALSE },
  { KIND_PRACTICE, "email", FALSE },
  { KIND_PRACTICE, "currency", TRUE },
  { KIND_PRACTICE, "form-language", TRUE },
};

static void
test_bad_text (Fixture       *f,
               gconstpointer  data)
{
  const char *bad[] = { big_text, INVALID_UTF8 };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const TextField *field = &text_fields[i];

      for (guint b = 0; b < G_N_ELEMENTS (bad); b++)
        {
          g_autoptr(GObject) object = new_valid (f, field->kind);

          g_object_set (object, field->property, bad[b], NULL);
          assert_refused (f, field->kind, object, field->property);
          n++;
        }

      if (field->required)
        {
          g_autoptr(GObject) object = new_valid (f, field->kind);

          g_object_set (object, field->property, "", NULL);
          assert_refused (f, field->kind, object, field->property);
          n++;
        }
    }

  /* A client needs a name: both empty, or only spaces. */
  {
    g_autoptr(GObject) client = new_valid (f, KIND_CLIENT);

    g_object_set (client, "given-name", "", "family-name", " \t ", NULL);
    assert_refused (f, KIND_CLIENT, client, "no-name");
    n++;
  }

  g_test_message ("%u bad texts refused whole", n);
}

/* Every text field takes SQL's metacharacters as plain text: stored verbatim where the
 * field accepts free text, refused with a readable error where it must be a code
 * (currency, language, time zone, email), and the tables stay. */
/* A name that shows as something else: "\u202Eevil" reads "live". Refused whole, with a
 * message that says why; nothing is saved. */
static void
test_names_without_hidden_characters (Fixture       *f,
                                      gconstpointer  data)
{
  const char *bad[] = { "\u202E" "evil", "Anna\u2066 Lee", "Bo\u200F", "Tab\tName",
                        "New\nLine", "Bell\x07", "Del\x7f" };
  guint n_before = g_list_model_get_n_items (kab_store_get_clients (f->store));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    for (guint field = 0; field < 2; field++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(KabClient) client = kab_client_new ();

        g_object_set (client, "given-name", field == 0 ? bad[i] : "Ann",
                      "family-name", field == 1 ? bad[i] : "Lee", NULL);
        g_assert_false (kab_store_save_client (f->store, client, &error));
        g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_TEXT);
        safety_assert_user_error (error);
      }

  g_assert_cmpuint (g_list_model_get_n_items (kab_store_get_clients (f->store)), ==, n_before);

  /* Right-to-left names of their own are names. */
  {
    g_autoptr(KabClient) client = safety_add_client (f->store, "\u05d3\u05e0\u05d4", "\u0639\u0644\u064a");
  }
}

static void
test_sql_metacharacters (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_saved = 0, n_refused = 0;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const TextField *field = &text_fields[i];
      g_autoptr(GObject) object = new_valid (f, field->kind);
      g_auto(SafetySnapshot) before = { 0, };

      /* A template key must stay unique: one per field. */
      if (field->kind == KIND_TEMPLATE && !g_str_equal (field->property, "key"))
        g_object_set (object, "key", field->property, NULL);

      g_object_set (object, field->property, SQL_INJECTION, NULL);
      safety_snapshot_take (f->store, &before);

      if (save (f, field->kind, object, &error))
        {
          n_saved++;
          continue;
        }

      safety_assert_user_error (error);
      safety_assert_unchanged (f->store, &before);
      g_clear_error (&error);
      n_refused++;
    }

  /* Nothing was dropped, and what was saved reads back as typed. */
  {
    g_autoptr(KabStore) reopened = NULL;
    g_autoptr(GListModel) consents = NULL;
    KabClient *client = NULL;
    GListModel *clients;
    gboolean found = FALSE;

    g_clear_object (&f->store);
    reopened = kab_store_open (f->path, &error);
    g_assert_no_error (error);
    g_assert_true (kab_store_check_integrity (reopened, &error));
    g_assert_no_error (error);

    clients = kab_store_get_clients (reopened);
    g_assert_cmpuint (g_list_model_get_n_items (clients), >, 1);
    for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
      {
        g_autoptr(KabClient) item = g_list_model_get_item (clients, i);

        if (g_str_equal (kab_client_get_given_name (item), SQL_INJECTION))
          {
            found = TRUE;
            client = item;
          }
      }
    g_assert_true (found);
    g_assert_nonnull (client);

    consents = kab_store_list_consents (reopened, f->client_id, &error);
    g_assert_no_error (error);
    found = FALSE;
    for (guint i = 0; i < g_list_model_get_n_items (consents); i++)
      {
        g_autoptr(KabConsent) consent = g_list_model_get_item (consents, i);
        found = found || g_str_equal (kab_consent_get_rendered_text (consent), SQL_INJECTION);
      }
    g_assert_true (found);
    g_assert_cmpstr (kab_practice_get_practitioner_name (kab_store_get_practice (reopened)), ==,
                     SQL_INJECTION);

    f->store = g_steal_pointer (&reopened);
  }

  g_test_message ("SQL metacharacters: %u fields stored verbatim, %u refused", n_saved, n_refused);
}

/* Numbers, dates, references and enumerations */

typedef void (*Spoil) (GObject *object);

typedef struct
{
  Kind        kind;
  const char *what;
  Spoil       spoil;
} BadCase;

static GDateTime *
year_date (int year)
{
  return g_date_time_new_local (year, 6, 1, 10, 0, 0);
}

#define SPOIL(name, type, code) \
  static void spoil_##name (GObject *object) { type *o = (type *)object; code; }

SPOIL (client_fee_negative, KabClient, kab_client_set_fee (o, -1))
SPOIL (client_fee_max, KabClient, kab_client_set_fee (o, G_MAXINT64))
SPOIL (client_fee_min, KabClient, kab_client_set_fee (o, G_MININT64))
SPOIL (client_package_zero, KabClient, kab_client_set_package_size (o, 0))
SPOIL (client_package_huge, KabClient, kab_client_set_package_size (o, G_MAXINT))
SPOIL (client_birth_year_1, KabClient, g_autoptr(GDateTime) d = year_date (1); kab_client_set_birth_date (o, d))
SPOIL (client_birth_year_9999, KabClient, g_autoptr(GDateTime) d = year_date (9999); kab_client_set_birth_date (o, d))
SPOIL (client_status_unknown, KabClient, kab_client_set_status (o, (KabClientStatus)999))
SPOIL (client_service_unknown, KabClient, kab_client_set_service (o, (KabService)-1))
SPOIL (client_plan_unknown, KabClient, kab_client_set_billing_plan (o, (KabBillingPlan)999))
SPOIL (client_id_unknown, KabClient, kab_client_set_id (o, 999999))

SPOIL (session_client_unknown, KabSession, kab_session_set_client_id (o, 999999))
SPOIL (session_client_zero, KabSession, kab_session_set_client_id (o, 0))
SPOIL (session_client_negative, KabSession, kab_session_set_client_id (o, -1))
SPOIL (session_id_unknown, KabSession, kab_session_set_id (o, 999999))
SPOIL (session_series_unknown, KabSession, kab_session_set_series_id (o, 999999))
SPOIL (session_start_none, KabSession, kab_session_set_start (o, NULL))
SPOIL (session_start_year_1, KabSession, g_autoptr(GDateTime) d = year_date (1); kab_session_set_start (o, d))
SPOIL (session_start_year_9999, KabSession, g_autoptr(GDateTime) d = year_date (9999); kab_session_set_start (o, d))
SPOIL (session_duration_zero, KabSession, kab_session_set_duration (o, 0))
SPOIL (session_duration_negative, KabSession, kab_session_set_duration (o, -1))
SPOIL (session_duration_huge, KabSession, kab_session_set_duration (o, G_MAXINT))
SPOIL (session_fee_negative, KabSession, kab_session_set_fee (o, -1))
SPOIL (session_fee_max, KabSession, kab_session_set_fee (o, G_MAXINT64))
SPOIL (session_kind_unknown, KabSession, kab_session_set_kind (o, (KabSessionKind)999))
SPOIL (session_status_unknown, KabSession, kab_session_set_status (o, (KabSessionStatus)-1))
SPOIL (session_tzid_sql, KabSession, kab_session_set_tzid (o, SQL_INJECTION))

SPOIL (series_client_unknown, KabSeries, kab_series_set_client_id (o, 999999))
SPOIL (series_first_none, KabSeries, kab_series_set_first_date (o, NULL))
SPOIL (series_until_before, KabSeries, g_autoptr(GDateTime) d = year_date (2001); kab_series_set_until_date (o, d))
SPOIL (series_minute_negative, KabSeries, kab_series_set_start_minute (o, -1))
SPOIL (series_minute_overflow, KabSeries, kab_series_set_start_minute (o, 1440))
SPOIL (series_interval_zero, KabSeries, kab_series_set_interval_weeks (o, 0))
SPOIL (series_interval_huge, KabSeries, kab_series_set_interval_weeks (o, G_MAXINT))
SPOIL (series_duration_zero, KabSeries, kab_series_set_duration (o, 0))
SPOIL (series_fee_negative, KabSeries, kab_series_set_fee (o, -1))
SPOIL (series_fee_max, KabSeries, kab_series_set_fee (o, G_MAXINT64))
SPOIL (series_kind_unknown, KabSeries, kab_series_set_kind (o, (KabSessionKind)999))

SPOIL (charge_client_unknown, KabCharge, kab_charge_set_client_id (o, 999999))
SPOIL (charge_client_zero, KabCharge, kab_charge_set_client_id (o, 0))
SPOIL (charge_session_unknown, KabCharge, kab_charge_set_session_id (o, 999999))
SPOIL (charge_amount_zero, KabCharge, kab_charge_set_amount (o, 0))
SPOIL (charge_amount_negative, KabCharge, kab_charge_set_amount (o, -1))
SPOIL (charge_amount_max, KabCharge, kab_charge_set_amount (o, G_MAXINT64))
SPOIL (charge_amount_over, KabCharge, kab_charge_set_amount (o, G_GINT64_CONSTANT (10000000000001)))
SPOIL (charge_date_none, KabCharge, kab_charge_set_date (o, NULL))
SPOIL (charge_date_year_1, KabCharge, g_autoptr(GDateTime) d = year_date (1); kab_charge_set_date (o, d))
SPOIL (charge_date_year_9999, KabCharge, g_autoptr(GDateTime) d = year_date (9999); kab_charge_set_date (o, d))
SPOIL (charge_currency_unknown, KabCharge, kab_charge_set_currency (o, "XXX"))
SPOIL (charge_kind_unknown, KabCharge, kab_charge_set_kind (o, (KabChargeKind)999))

SPOIL (payment_client_unknown, KabPayment, kab_payment_set_client_id (o, 999999))
SPOIL (payment_client_zero, KabPayment, kab_payment_set_client_id (o, 0))
SPOIL (payment_id_unknown, KabPayment, kab_payment_set_id (o, 999999))
SPOIL (payment_amount_zero, KabPayment, kab_payment_set_amount (o, 0))
SPOIL (payment_amount_negative, KabPayment, kab_payment_set_amount (o, -1))
SPOIL (payment_amount_max, KabPayment, kab_payment_set_amount (o, G_MAXINT64))
SPOIL (payment_amount_min, KabPayment, kab_payment_set_amount (o, G_MININT64))
SPOIL (payment_date_none, KabPayment, kab_payment_set_date (o, NULL))
SPOIL (payment_date_year_1, KabPayment, g_autoptr(GDateTime) d = year_date (1); kab_payment_set_date (o, d))
SPOIL (payment_date_year_9999, KabPayment, g_autoptr(GDateTime) d = year_date (9999); kab_payment_set_date (o, d))
SPOIL (payment_currency_sql, KabPayment, kab_payment_set_currency (o, SQL_INJECTION))
SPOIL (payment_method_unknown, KabPayment, kab_payment_set_method (o, (KabPaymentMethod)999))

SPOIL (consent_client_unknown, KabConsent, kab_consent_set_client_id (o, 999999))
SPOIL (consent_client_zero, KabConsent, kab_consent_set_client_id (o, 0))
SPOIL (consent_id_unknown, KabConsent, kab_consent_set_id (o, 999999))
SPOIL (consent_template_unknown, KabConsent, kab_consent_set_template_id (o, 999999))
SPOIL (consent_signed_year_9999, KabConsent, g_autoptr(GDateTime) d = year_date (9999); kab_consent_set_signed_on (o, d))
SPOIL (consent_withdrawn_year_9999, KabConsent, g_autoptr(GDateTime) d = year_date (9999); kab_consent_set_withdrawn_on (o, d))
SPOIL (consent_withdrawn_before_signed, KabConsent,
       g_autoptr(GDateTime) s = year_date (2024); g_autoptr(GDateTime) w = year_date (2020);
       kab_consent_set_signed_on (o, s); kab_consent_set_withdrawn_on (o, w))

SPOIL (template_version_zero, KabConsentTemplate, kab_consent_template_set_version (o, 0))
SPOIL (template_version_negative, KabConsentTemplate, kab_consent_template_set_version (o, -1))
SPOIL (template_language_unknown, KabConsentTemplate, kab_consent_template_set_language (o, "xx"))

SPOIL (practice_fee_negative, KabPractice, kab_practice_set_default_fee (o, -1))
SPOIL (practice_fee_max, KabPractice, kab_practice_set_default_fee (o, G_MAXINT64))
SPOIL (practice_duration_zero, KabPractice, kab_practice_set_default_duration (o, 0))
SPOIL (practice_duration_huge, KabPractice, kab_practice_set_default_duration (o, G_MAXINT))
SPOIL (practice_cancel_negative, KabPractice, kab_practice_set_cancel_hours (o, -1))
SPOIL (practice_cancel_huge, KabPractice, kab_practice_set_cancel_hours (o, 337))
SPOIL (practice_percent_negative, KabPractice, kab_practice_set_late_cancel_percent (o, -1))
SPOIL (practice_percent_over, KabPractice, kab_practice_set_late_cancel_percent (o, 101))
SPOIL (practice_retention_negative, KabPractice, kab_practice_set_retention_years (o, -1))
SPOIL (practice_retention_huge, KabPractice, kab_practice_set_retention_years (o, G_MAXINT))
SPOIL (practice_day_inverted, KabPractice,
       kab_practice_set_day_start_hour (o, 20); kab_practice_set_day_end_hour (o, 8))
SPOIL (practice_day_overflow, KabPractice, kab_practice_set_day_end_hour (o, 25))
SPOIL (practice_currency_unknown, KabPractice, kab_practice_set_currency (o, "XXX"))
SPOIL (practice_email_bad, KabPractice, kab_practice_set_email (o, "no at sign"))
SPOIL (practice_language_unknown, KabPractice, kab_practice_set_form_language (o, "xx"))

#define CASE(kind, name) { kind, #name, spoil_##name }

static const BadCase bad_cases[] = {
  CASE (KIND_CLIENT, client_fee_negative),
  CASE (KIND_CLIENT, client_fee_max),
  CASE (KIND_CLIENT, client_fee_min),
  CASE (KIND_CLIENT, client_package_zero),
  CASE (KIND_CLIENT, client_package_huge),
  CASE (KIND_CLIENT, client_birth_year_1),
  CASE (KIND_CLIENT, client_birth_year_9999),
  CASE (KIND_CLIENT, client_status_unknown),
  CASE (KIND_CLIENT, client_service_unknown),
  CASE (KIND_CLIENT, client_plan_unknown),
  CASE (KIND_CLIENT, client_id_unknown),
  CASE (KIND_CLIENT_EXISTING, client_fee_negative),
  CASE (KIND_CLIENT_EXISTING, client_birth_year_9999),
  CASE (KIND_SESSION, session_client_unknown),
  CASE (KIND_SESSION, session_client_zero),
  CASE (KIND_SESSION, session_client_negative),
  CASE (KIND_SESSION, session_id_unknown),
  CASE (KIND_SESSION, session_series_unknown),
  CASE (KIND_SESSION, session_start_none),
  CASE (KIND_SESSION, session_start_year_1),
  CASE (KIND_SESSION, session_start_year_9999),
  CASE (KIND_SESSION, session_duration_zero),
  CASE (KIND_SESSION, session_duration_negative),
  CASE (KIND_SESSION, session_duration_huge),
  CASE (KIND_SESSION, session_fee_negative),
  CASE (KIND_SESSION, session_fee_max),
  CASE (KIND_SESSION, session_kind_unknown),
  CASE (KIND_SESSION, session_status_unknown),
  CASE (KIND_SESSION, session_tzid_sql),
  CASE (KIND_SERIES, series_client_unknown),
  CASE (KIND_SERIES, series_first_none),
  CASE (KIND_SERIES, series_until_before),
  CASE (KIND_SERIES, series_minute_negative),
  CASE (KIND_SERIES, series_minute_overflow),
  CASE (KIND_SERIES, series_interval_zero),
  CASE (KIND_SERIES, series_interval_huge),
  CASE (KIND_SERIES, series_duration_zero),
  CASE (KIND_SERIES, series_fee_negative),
  CASE (KIND_SERIES, series_fee_max),
  CASE (KIND_SERIES, series_kind_unknown),
  CASE (KIND_CHARGE, charge_client_unknown),
  CASE (KIND_CHARGE, charge_client_zero),
  CASE (KIND_CHARGE, charge_session_unknown),
  CASE (KIND_CHARGE, charge_amount_zero),
  CASE (KIND_CHARGE, charge_amount_negative),
  CASE (KIND_CHARGE, charge_amount_max),
  CASE (KIND_CHARGE, charge_amount_over),
  CASE (KIND_CHARGE, charge_date_none),
  CASE (KIND_CHARGE, charge_currency_unknown),
  CASE (KIND_CHARGE, charge_kind_unknown),
  CASE (KIND_PAYMENT, payment_client_unknown),
  CASE (KIND_PAYMENT, payment_client_zero),
  CASE (KIND_PAYMENT, payment_id_unknown),
  CASE (KIND_PAYMENT, payment_amount_zero),
  CASE (KIND_PAYMENT, payment_amount_negative),
  CASE (KIND_PAYMENT, payment_amount_max),
  CASE (KIND_PAYMENT, payment_amount_min),
  CASE (KIND_PAYMENT, payment_date_none),
  CASE (KIND_PAYMENT, payment_currency_sql),
  CASE (KIND_PAYMENT, payment_method_unknown),
  CASE (KIND_CONSENT, consent_client_unknown),
  CASE (KIND_CONSENT, consent_client_zero),
  CASE (KIND_CONSENT, consent_id_unknown),
  CASE (KIND_CONSENT, consent_template_unknown),
  CASE (KIND_CONSENT, consent_signed_year_9999),
  CASE (KIND_CONSENT, consent_withdrawn_year_9999),
  CASE (KIND_CONSENT, consent_withdrawn_before_signed),
  CASE (KIND_TEMPLATE, template_version_zero),
  CASE (KIND_TEMPLATE, template_version_negative),
  CASE (KIND_TEMPLATE, template_language_unknown),
  CASE (KIND_PRACTICE, practice_fee_negative),
  CASE (KIND_PRACTICE, practice_fee_max),
  CASE (KIND_PRACTICE, practice_duration_zero),
  CASE (KIND_PRACTICE, practice_duration_huge),
  CASE (KIND_PRACTICE, practice_cancel_negative),
  CASE (KIND_PRACTICE, practice_cancel_huge),
  CASE (KIND_PRACTICE, practice_percent_negative),
  CASE (KIND_PRACTICE, practice_percent_over),
  CASE (KIND_PRACTICE, practice_retention_negative),
  CASE (KIND_PRACTICE, practice_retention_huge),
  CASE (KIND_PRACTICE, practice_day_inverted),
  CASE (KIND_PRACTICE, practice_day_overflow),
  CASE (KIND_PRACTICE, practice_currency_unknown),
  CASE (KIND_PRACTICE, practice_email_bad),
  CASE (KIND_PRACTICE, practice_language_unknown),
};

/* Charges and payments dated far outside the practice's life (year 1, year 9999): refused
 * like sessions outside 1970–2200, so a typo cannot put money where no report shows it. */
static const BadCase ledger_date_cases[] = {
  CASE (KIND_CHARGE, charge_date_year_1),
  CASE (KIND_CHARGE, charge_date_year_9999),
  CASE (KIND_PAYMENT, payment_date_year_1),
  CASE (KIND_PAYMENT, payment_date_year_9999),
};

static void
test_ledger_date_range (Fixture       *f,
                        gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (ledger_date_cases); i++)
    {
      g_autoptr(GObject) object = new_valid (f, ledger_date_cases[i].kind);

      ledger_date_cases[i].spoil (object);
      assert_refused (f, ledger_date_cases[i].kind, object, ledger_date_cases[i].what);
    }
}

static void
test_bad_values (Fixture       *f,
                 gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr(GObject) object = new_valid (f, bad_cases[i].kind);

      bad_cases[i].spoil (object);
      assert_refused (f, bad_cases[i].kind, object, bad_cases[i].what);
    }

  g_test_message ("%u bad numbers, dates, references and choices refused whole",
                  (guint)G_N_ELEMENTS (bad_cases));
}

/* The base objects themselves are fine: otherwise every refusal above proves nothing. */
static void
test_valid_objects_save (Fixture       *f,
                         gconstpointer  data)
{
  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) object = new_valid (f, kind);

      if (!save (f, kind, object, &error))
        g_error ("a valid %s was refused: %s", kind_names[kind], error->message);
    }
}

static void
test_unknown_ids_elsewhere (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabSession) missing = NULL;
  g_autoptr(KabPayment) payment = kab_payment_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *path = g_build_filename (f->dir, "x.json", NULL);
  gint64 balance = 0;

  missing = kab_store_load_session (f->store, 999999, &error);
  g_assert_null (missing);
  safety_assert_user_error (error);
  g_clear_error (&error);

  kab_payment_set_id (payment, 999999);
  kab_payment_set_client_id (payment, f->client_id);
  g_assert_false (kab_store_delete_payment (f->store, payment, &error));
  safety_assert_user_error (error);
  g_clear_error (&error);

  g_assert_false (kab_store_erase_client (f->store, 999999, TRUE, now, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND);
  safety_assert_user_error (error);
  g_clear_error (&error);

  g_assert_false (kab_store_export_client_json (f->store, 999999, path, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A balance of nobody is nothing, or an error, never a crash. */
  if (!kab_store_get_balance (f->store, 999999, &balance, &error))
    safety_assert_user_error (error);
  else
    g_assert_cmpint (balance, ==, 0);
}

/* Database faults */

static char *
checksum_of_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *main_sum = safety_file_checksum (path);
  g_autofree char *wal_sum = safety_file_checksum (wal);

  return g_strdup_printf ("%s/%s", main_sum, wal_sum != NULL ? wal_sum : "-");
}

static void
assert_open_refused (const char *path,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = NULL;
  g_autofree char *before = checksum_of_files (path);
  g_autofree char *after = NULL;
  g_autofree char *name = g_path_get_basename (path);

  store = kab_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, KAB_STORE_ERROR, code);
  safety_assert_user_error (error);
  g_test_message ("%s", error->message);

  after = checksum_of_files (path);
  g_assert_cmpstr (after, ==, before);
}

/* A practice of a few hundred pages, closed. */
static void
fill_and_close (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kab_store_begin (f->store, &error));
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %d", i);
      g_autoptr(KabClient) client = kab_client_new ();

      g_object_set (client, "given-name", name, "family-name", "Filler",
                    "notes", "Notes long enough to fill a page of the database file quickly. "
                             "Notes long enough to fill a page of the database file quickly.",
                    NULL);
      g_assert_true (kab_store_save_client (f->store, client, &error));
    }
  g_assert_true (kab_store_commit (f->store, &error));
  g_clear_object (&f->store);
}

static void
test_fault_newer_file (Fixture       *f,
                       gconstpointer  data)
{
  sqlite3 *db = NULL;
  g_autofree char *newer = g_strdup_printf ("PRAGMA user_version = %d", KAB_STORE_SCHEMA_VERSION + 1);

  fill_and_close (f);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, newer, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_open_refused (f->path, KAB_STORE_ERROR_TOO_NEW);
}

static void
test_fault_truncated_file (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  fill_and_close (f);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 16 * 4096);

  /* Cut in the middle of the pages. */
  g_assert_cmpint (truncate (f->path, st.st_size / 2), ==, 0);
  assert_open_refused (f->path, KAB_STORE_ERROR_CORRUPT);

  /* Cut inside the header. */
  g_assert_cmpint (truncate (f->path, 60), ==, 0);
  assert_open_refused (f->path, KAB_STORE_ERROR_CORRUPT);
}

static void
test_fault_locked_by_other_process (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self_exe, "hold", f->path, NULL };
  char ready = 0;
  int in_fd = -1, out_fd = -1;
  GPid pid = 0;
  int status = 0;

  g_clear_object (&f->store);
  g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, &in_fd, &out_fd, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read (out_fd, &ready, 1), ==, 1);
  g_assert_cmpint (ready, ==, 'r');

  assert_open_refused (f->path, KAB_STORE_ERROR_LOCKED);

  /* Once the other Kabinett has quit, the practice opens again. */
  close (in_fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  close (out_fd);
  f->store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
}

/* Another program holding SQLite's write lock: a save waits its busy timeout, then is
 * refused, nothing written; after the lock goes, it works. */
static void
test_fault_busy_writer (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) payment = new_valid (f, KIND_PAYMENT);
  g_auto(SafetySnapshot) before = { 0, };
  sqlite3 *other = NULL;

  safety_snapshot_take (f->store, &before);
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (save (f, KIND_PAYMENT, payment, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_LOCKED);
  safety_assert_user_error (error);
  g_clear_error (&error);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  safety_assert_unchanged (f->store, &before);

  g_assert_true (save (f, KIND_PAYMENT, payment, &error));
  g_assert_no_error (error);
}

/* The disk fills up: RLIMIT_FSIZE in a subprocess stands for it (SIGXFSZ ignored, so
 * write() fails with EFBIG as it would with ENOSPC). Saves fail with "disk full" and
 * nothing, every save before stays, the file stays sound. */
static void
test_fault_disk_full (Fixture       *f,
                      gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *note = g_strnfill (150000, 'n');
      struct rlimit limit;
      guint n_saved = 0;
      gboolean ok = TRUE;
      g_autoptr(KabStore) reopened = NULL;
      guint n_clients;

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      limit.rlim_cur = 1024 * 1024;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      n_clients = g_list_model_get_n_items (kab_store_get_clients (f->store));
      for (guint i = 0; i < 100 && ok; i++)
        {
          g_autoptr(KabClient) client = kab_client_new ();

          g_object_set (client, "given-name", "Big", "family-name", "Notes", "notes", note, NULL);
          ok = kab_store_save_client (f->store, client, &error);
          if (ok)
            n_saved++;
        }

      g_assert_false (ok);
      g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_FULL);
      safety_assert_user_error (error);
      printf ("saved %u, then: %s\n", n_saved, error->message);
      g_clear_error (&error);
      g_assert_cmpuint (g_list_model_get_n_items (kab_store_get_clients (f->store)), ==,
                        n_clients + n_saved);

      /* Space again: reopen, everything saved before the failure is there. */
      limit.rlim_cur = limit.rlim_max;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_clear_object (&f->store);
      reopened = kab_store_open (f->path, &error);
      g_assert_no_error (error);
      g_assert_true (kab_store_check_integrity (reopened, &error));
      g_assert_cmpuint (g_list_model_get_n_items (kab_store_get_clients (reopened)), ==,
                        n_clients + n_saved);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*saved *, then: The disk is full*");
}

/* A folder that cannot be written: as root, chmod does not stop writes, so the check
 * runs in a subprocess that became "nobody"; without that right it is skipped. */
static gboolean
drop_privileges (void)
{
  if (geteuid () != 0)
    return TRUE;

  return setgroups (0, NULL) == 0 && setgid (65534) == 0 && setuid (65534) == 0;
}

static void
test_fault_read_only_folder (Fixture       *f,
                             gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_assert_true (drop_privileges ());
      g_assert_cmpint (access (f->dir, W_OK), !=, 0);
      assert_open_refused (f->path, KAB_STORE_ERROR_READ_ONLY);
      return;
    }

  g_clear_object (&f->store);

  if (geteuid () == 0)
    {
      pid_t pid;
      int status = 0;

      /* Try it before relying on it: a container may not grant setuid. */
      pid = fork ();
      if (pid == 0)
        _exit (drop_privileges () ? 0 : 1);
      waitpid (pid, &status, 0);
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        {
          g_test_skip ("running as root without the right to become another user, "
                       "so no folder is read-only to this test");
          return;
        }

      g_assert_cmpint (chown (f->dir, 65534, 65534), ==, 0);
      g_assert_cmpint (chown (f->path, 65534, 65534), ==, 0);
    }

  g_assert_cmpint (g_chmod (f->dir, 0500), ==, 0);
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_chmod (f->dir, 0700);
  g_test_trap_assert_passed ();
}

static void
test_fault_read_only_file (Fixture       *f,
                           gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_assert_true (drop_privileges ());
      assert_open_refused (f->path, KAB_STORE_ERROR_READ_ONLY);
      return;
    }

  g_clear_object (&f->store);

  if (geteuid () == 0)
    {
      pid_t pid = fork ();
      int status = 0;

      if (pid == 0)
        _exit (drop_privileges () ? 0 : 1);
      waitpid (pid, &status, 0);
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        {
          g_test_skip ("running as root without the right to become another user");
          return;
        }

      g_assert_cmpint (chown (f->dir, 65534, 65534), ==, 0);
      g_assert_cmpint (chown (f->path, 65534, 65534), ==, 0);
    }

  g_assert_cmpint (g_chmod (f->path, 0400), ==, 0);
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* `test-safety hold PATH`: keeps the store open until stdin closes. */
static int
hold_main (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = kab_store_open (path, &error);
  char c;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (write (STDOUT_FILENO, "r", 1) != 1)
    return 1;

  while (read (STDIN_FILENO, &c, 1) > 0)
    ;

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "hold"))
    return hold_main (argv[2]);

  g_test_init (&argc, &argv, NULL);

  big_text = g_strnfill (BIG_SIZE, 'a');

#define ADD(name, func) \
  g_test_add ("/safety/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("input/valid-objects-save", test_valid_objects_save);
  ADD ("input/bad-text", test_bad_text);
  ADD ("input/bad-values", test_bad_values);
  ADD ("input/ledger-date-range", test_ledger_date_range);
  ADD ("input/sql-metacharacters", test_sql_metacharacters);
  ADD ("input/names-without-hidden-characters", test_names_without_hidden_characters);
  ADD ("input/unknown-ids", test_unknown_ids_elsewhere);
  ADD ("fault/newer-file", test_fault_newer_file);
  ADD ("fault/truncated-file", test_fault_truncated_file);
  ADD ("fault/locked-by-other-process", test_fault_locked_by_other_process);
  ADD ("fault/busy-writer", test_fault_busy_writer);
  ADD ("fault/disk-full", test_fault_disk_full);
  ADD ("fault/read-only-folder", test_fault_read_only_folder);
  ADD ("fault/read-only-file", test_fault_read_only_file);

  return g_test_run ();
}
