/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-consent.c: agreement placeholders from the practice and a client, template versions, PDFs in four languages */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "kab-closed-days.h"
#include "kab-consent-document.h"
#include "kab-consent-templates.h"
#include "kab-consent-values.h"
#include "kab-model-error.h"
#include "kab-money.h"
#include "kab-store.h"
#include "kab-test-store.h"

typedef KabTestStore Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  kab_test_store_set_up (f, "consent");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  kab_test_store_tear_down (f);
}

/* A practice with everything an agreement needs. */
static void
save_practice (Fixture    *f,
               const char *name,
               const char *title,
               const char *currency,
               const char *language)
{
  g_autoptr(KabPractice) practice = kab_practice_copy (kab_store_get_practice (f->store));
  g_autoptr(GError) error = NULL;

  g_object_set (practice,
                "practitioner-name", name,
                "title", title,
                "address", "Storgatan 1, 111 22 Stockholm",
                "phone", "+46 8 123 45 67",
                "email", "mottagning@example.se",
                "currency", currency,
                "default-fee", (gint64)120000,
                "default-duration", 50,
                "cancel-hours", 48,
                "form-language", language,
                NULL);
  g_assert_true (kab_store_save_practice (f->store, practice, &error));
  g_assert_no_error (error);
}

static KabClient *
save_client (Fixture    *f,
             const char *given,
             const char *family,
             gint64      fee)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (client, "given-name", given, "family-name", family, "fee", fee, NULL);
  g_assert_true (kab_store_save_client (f->store, client, &error));
  g_assert_no_error (error);

  return kab_store_find_client (f->store, kab_client_get_id (client));
}

static void
seed (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kab_consent_ensure_builtin_templates (f->store, &error));
  g_assert_no_error (error);
}

/* (transfer full): the latest version of @key */
static KabConsentTemplate *
find_latest (Fixture    *f,
             const char *key)
{
  g_autoptr(GListModel) all = kab_store_list_consent_templates (f->store, NULL);
  KabConsentTemplate *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(KabConsentTemplate) template = g_list_model_get_item (all, i);

      if (g_str_equal (kab_consent_template_get_key (template), key))
        g_set_object (&found, template);
    }

  g_assert_nonnull (found);
  return found;
}

static KabConsentTemplate *
builtin (Fixture    *f,
         const char *language)
{
  g_autofree char *key = g_strconcat (KAB_CONSENT_BUILTIN_KEY_PREFIX, language, NULL);

  return find_latest (f, key);
}

static guint
count_versions (Fixture    *f,
                const char *key)
{
  g_autoptr(GListModel) all = kab_store_list_consent_templates (f->store, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(KabConsentTemplate) template = g_list_model_get_item (all, i);

      n += g_str_equal (kab_consent_template_get_key (template), key);
    }

  return n;
}

/* Values */

static void
test_values_filled (Fixture       *f,
                    gconstpointer  data)
{
  KabClient *client;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_local (2025, 2, 14, 0, 0, 0);
  g_autoptr(KabConsentTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fee = kab_money_format (95000, "SEK");
  const char *date = "14 February 2025";
  g_autofree char *text = NULL;
  g_autofree char *clause = NULL;

  seed (f);
  save_practice (f, "Anna Lindqvist", "Leg. psykolog", "SEK", "sv");
  client = save_client (f, "Åsa", "Öberg", 95000);

  values = kab_consent_values_new (kab_store_get_practice (f->store), client, today, NULL);
  {
    g_autoptr(KabClient) numbered = kab_client_copy (client);
    g_autoptr(GHashTable) numbered_values = NULL;

    kab_client_set_identity_number (numbered, "811228-9874");
    numbered_values = kab_consent_values_new (kab_store_get_practice (f->store), numbered, today, NULL);
    g_assert_cmpstr (g_hash_table_lookup (numbered_values, "identity_number"), ==, "811228-9874");
  }
  g_assert_cmpstr (g_hash_table_lookup (values, "client"), ==, "Åsa Öberg");
  g_assert_cmpstr (g_hash_table_lookup (values, "practitioner"), ==, "Anna Lindqvist");
  g_assert_cmpstr (g_hash_table_lookup (values, "practitioner_title"), ==, "Leg. psykolog");
  g_assert_cmpstr (g_hash_table_lookup (values, "practice_address"), ==, "Storgatan 1, 111 22 Stockholm");
  g_assert_cmpstr (g_hash_table_lookup (values, "practice_contact"), ==, "+46 8 123 45 67, mottagning@example.se");
  g_assert_cmpstr (g_hash_table_lookup (values, "fee"), ==, fee);
  g_assert_cmpstr (g_hash_table_lookup (values, "session_length"), ==, "50");
  g_assert_cmpstr (g_hash_table_lookup (values, "cancel_hours"), ==, "48");
  g_assert_cmpstr (g_hash_table_lookup (values, "date"), ==, date);

  template = builtin (f, "sv");
  text = kab_consent_values_render (template, values, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Klient: Åsa Öberg"));
  g_assert_nonnull (strstr (text, "Behandlare: Anna Lindqvist, Leg. psykolog"));
  g_assert_nonnull (strstr (text, fee));
  g_assert_nonnull (strstr (text, "senare än 48 timmar"));
  g_assert_nonnull (strstr (text, date));
  g_assert_null (strchr (text, '{'));
  g_assert_null (strchr (text, '}'));
  /* No identity number on record: a line to write it on. */
  g_assert_nonnull (strstr (text, "Personnummer: ____"));

  /* Every placeholder of every shipped text is filled. */
  for (const char *const *l = kab_consent_languages (); *l != NULL; l++)
    {
      g_autoptr(KabConsentTemplate) other = builtin (f, *l);
      g_autofree char *missing = kab_consent_values_find_missing (other, values);

      g_assert_null (missing);
    }
  clause = g_strdup_printf ("%s per session", fee);
  g_clear_object (&template);
  template = builtin (f, "en");
  g_clear_pointer (&text, g_free);
  text = kab_consent_values_render (template, values, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, clause));
}

/* An agreement follows its language's conventions for the date and amounts, whatever
 * the user's locale (here C.UTF-8), where the system has that language's locale. */
static void
test_values_language (Fixture       *f,
                      gconstpointer  data)
{
  locale_t swedish = newlocale (LC_ALL_MASK, "sv_SE.UTF-8", (locale_t)0);
  g_autoptr(GDateTime) today = g_date_time_new_local (2025, 2, 14, 0, 0, 0);
  g_autoptr(GHashTable) values = NULL;
  KabClient *client;
  const char *fee;

  if (swedish == (locale_t)0)
    {
      g_test_skip ("the sv_SE.UTF-8 locale is not installed");
      return;
    }
  freelocale (swedish);

  save_practice (f, "Anna Lindqvist", "Leg. psykolog", "SEK", "sv");
  client = save_client (f, "Åsa", "Öberg", 120050);
  values = kab_consent_values_new (kab_store_get_practice (f->store), client, today, "sv");

  fee = g_hash_table_lookup (values, "fee");
  g_assert_cmpstr (g_hash_table_lookup (values, "date"), ==, "14 februari 2025");
  g_assert_true (g_str_has_prefix (fee, "1\xc2\xa0" "200,50"));
  g_assert_true (g_str_has_suffix (fee, "kr"));

  /* The user's own locale is left as it was. */
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ".");
}

static void
test_values_fee (Fixture       *f,
                 gconstpointer  data)
{
  KabClient *client;
  KabPractice *practice;
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *usual = kab_money_format (120000, "NOK");
  g_autofree char *share = kab_money_format (90000, "NOK");

  save_practice (f, "Kari Nordmann", "Psykologspesialist", "NOK", "nb");
  practice = kab_store_get_practice (f->store);

  /* No fee of the client's own: the practice's usual one. */
  client = save_client (f, "Bjørn", "Ødegård", 0);
  values = kab_consent_values_new (practice, client, NULL, NULL);
  g_assert_cmpstr (g_hash_table_lookup (values, "fee"), ==, usual);
  g_clear_pointer (&values, g_hash_table_unref);

  /* A package's price is shared by its sessions. */
  g_object_set (client, "billing-plan", KAB_BILLING_PLAN_PACKAGE, "fee", (gint64)900000,
                "package-size", 10, NULL);
  values = kab_consent_values_new (practice, client, NULL, NULL);
  g_assert_cmpstr (g_hash_table_lookup (values, "fee"), ==, share);
  g_clear_pointer (&values, g_hash_table_unref);

  /* A monthly fee is no session fee. */
  g_object_set (client, "billing-plan", KAB_BILLING_PLAN_MONTHLY, "fee", (gint64)400000, NULL);
  values = kab_consent_values_new (practice, client, NULL, NULL);
  g_assert_cmpstr (g_hash_table_lookup (values, "fee"), ==, usual);
}

static void
assert_missing (KabConsentTemplate *template,
                GHashTable         *values,
                const char         *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = kab_consent_values_render (template, values, &error);
  g_autofree char *braced = g_strdup_printf ("{%s}", name);
  g_autofree char *missing = kab_consent_values_find_missing (template, values);

  g_assert_null (text);
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_MISSING_VALUE);
  g_assert_nonnull (strstr (error->message, braced));
  g_assert_cmpstr (missing, ==, name);
}

static void
test_values_missing (Fixture       *f,
                     gconstpointer  data)
{
  KabPractice *practice = kab_store_get_practice (f->store);
  g_autoptr(KabPractice) edited = NULL;
  g_autoptr(KabConsentTemplate) template = NULL;
  g_autoptr(KabConsentTemplate) custom = kab_consent_template_new ();
  g_autoptr(GHashTable) values = NULL;
  KabClient *client;

  seed (f);
  template = builtin (f, "ru");
  client = save_client (f, "Дарья", "Ёлкина", 0);

  /* A new practice: nothing entered in Preferences yet. */
  values = kab_consent_values_new (practice, client, NULL, NULL);
  assert_missing (template, values, "practitioner");
  g_assert_cmpint (kab_consent_placeholder_source ("practitioner"), ==, KAB_CONSENT_SOURCE_PREFERENCES);
  g_clear_pointer (&values, g_hash_table_unref);

  edited = kab_practice_copy (practice);
  g_object_set (edited, "practitioner-name", "Анна Смирнова", "title", "   ", NULL);
  values = kab_consent_values_new (edited, client, NULL, "ru");
  assert_missing (template, values, "practitioner_title");
  g_clear_pointer (&values, g_hash_table_unref);

  g_object_set (edited, "title", "Клинический психолог", NULL);
  values = kab_consent_values_new (edited, client, NULL, "ru");
  assert_missing (template, values, "practice_address");
  g_clear_pointer (&values, g_hash_table_unref);

  g_object_set (edited, "address", "Москва, ул. Пречистенка, 10", NULL);
  values = kab_consent_values_new (edited, client, NULL, "ru");
  assert_missing (template, values, "practice_contact");
  g_clear_pointer (&values, g_hash_table_unref);

  /* A phone alone is contact enough. */
  g_object_set (edited, "phone", "+7 495 123-45-67", NULL);
  values = kab_consent_values_new (edited, client, NULL, "ru");
  g_assert_cmpstr (g_hash_table_lookup (values, "practice_contact"), ==, "+7 495 123-45-67");
  assert_missing (template, values, "fee");
  g_clear_pointer (&values, g_hash_table_unref);

  g_object_set (edited, "currency", "RUB", "default-fee", (gint64)500000, NULL);
  values = kab_consent_values_new (edited, client, NULL, "ru");
  g_assert_null (kab_consent_values_find_missing (template, values));

  /* A placeholder Kabinett does not know is named too, never printed blank. */
  g_object_set (custom, "key", "custom-test", "language", "ru", "title", "Тест",
                "body", "# Тест\n\n{client}: {favourite_colour}\n", NULL);
  assert_missing (custom, values, "favourite_colour");
  g_assert_cmpint (kab_consent_placeholder_source ("favourite_colour"), ==, KAB_CONSENT_SOURCE_UNKNOWN);
}

/* Templates and versions */

static char *
read_shipped (const char *language)
{
  g_autofree char *name = g_strdup_printf ("therapy-agreement-%s.txt", language);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "consent", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_builtin_seeding (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) latest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;

  seed (f);
  seed (f);

  all = kab_store_list_consent_templates (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 4);

  for (const char *const *l = kab_consent_languages (); *l != NULL; l++)
    {
      g_autoptr(KabConsentTemplate) template = builtin (f, *l);
      g_autofree char *shipped = read_shipped (*l);

      g_assert_cmpstr (kab_consent_template_get_language (template), ==, *l);
      g_assert_cmpint (kab_consent_template_get_version (template), ==, 1);
      g_assert_true (kab_consent_template_get_builtin (template));
      g_assert_cmpstr (kab_consent_template_get_body (template), ==, shipped);
      g_assert_false (g_str_has_prefix (kab_consent_template_get_title (template), "#"));
      g_assert_cmpstr (kab_consent_template_get_title (template), !=, "");
    }

  /* A Kabinett that ships a new text adds a version; the old one stays. */
  changed = g_strconcat (read_shipped ("nb"), "\nEndret tekst.\n", NULL);
  g_assert_true (kab_store_ensure_builtin_template (f->store, "therapy-agreement-nb", "nb", changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_versions (f, "therapy-agreement-nb"), ==, 2);

  g_clear_object (&all);
  all = kab_store_list_consent_templates (f->store, NULL);
  latest = kab_consent_latest_templates (all);
  g_assert_cmpuint (g_list_model_get_n_items (latest), ==, 4);
  {
    KabConsentTemplate *nb = kab_consent_find_template_for_language (latest, "nb");
    KabConsentTemplate *ru = kab_consent_find_template_for_language (latest, "ru");

    g_assert_cmpint (kab_consent_template_get_version (nb), ==, 2);
    g_assert_cmpstr (kab_consent_template_get_body (nb), ==, changed);
    g_assert_cmpstr (kab_consent_template_get_language (ru), ==, "ru");
  }
}

static void
count_signal (KabStore *store,
              gint64    client_id,
              guint    *count)
{
  (*count)++;
}

static void
test_versioning (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(KabConsentTemplate) shipped = NULL;
  g_autoptr(KabConsentTemplate) custom = NULL;
  g_autoptr(KabConsentTemplate) first = NULL;
  g_autoptr(KabConsent) consent = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GHashTable) uses = NULL;
  g_autoptr(GListModel) consents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *v1_body = NULL;
  g_autofree char *text = NULL;
  gint64 v1_id;
  guint changes = 0;
  KabClient *client;

  seed (f);
  save_practice (f, "Anna Lindqvist", "Leg. psykolog", "SEK", "sv");
  client = save_client (f, "Åsa", "Öberg", 95000);
  g_signal_connect (f->store, "consents-changed", G_CALLBACK (count_signal), &changes);

  /* A copy of a shipped text is the user's own, at version 1. */
  shipped = builtin (f, "sv");
  custom = kab_consent_template_copy_as_custom (shipped);
  g_assert_false (kab_consent_template_get_builtin (custom));
  g_assert_true (g_str_has_prefix (kab_consent_template_get_key (custom), "custom-"));
  g_assert_cmpint (kab_consent_template_get_id (custom), ==, 0);
  kab_consent_template_set_title (custom, "Mitt behandlingsavtal");
  g_assert_true (kab_store_save_consent_template (f->store, custom, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kab_consent_template_get_version (custom), ==, 1);
  key = g_strdup (kab_consent_template_get_key (custom));
  v1_id = kab_consent_template_get_id (custom);
  g_assert_cmpuint (changes, >, 0);

  /* Not printed yet: editing changes version 1 itself. */
  kab_consent_template_set_body (custom, "# Mitt avtal\n\nKlient: {client}\n\nAvbokning: {cancel_hours} timmar.\n");
  g_assert_true (kab_store_save_consent_template (f->store, custom, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kab_consent_template_get_version (custom), ==, 1);
  g_assert_cmpint (kab_consent_template_get_id (custom), ==, v1_id);
  g_assert_cmpuint (count_versions (f, key), ==, 1);
  v1_body = g_strdup (kab_consent_template_get_body (custom));

  /* Printed for a client. */
  values = kab_consent_values_new (kab_store_get_practice (f->store), client, NULL, "sv");
  text = kab_consent_values_render (custom, values, &error);
  g_assert_no_error (error);
  consent = kab_consent_record_new (custom, client, text, NULL);
  g_assert_true (kab_store_save_consent (f->store, consent, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kab_client_get_consent_state (client), ==, KAB_CONSENT_STATE_PRINTED);

  /* Now editing makes version 2; version 1 stays as it was printed. */
  kab_consent_template_set_body (custom, "# Mitt avtal\n\nKlient: {client}\n\nNy text.\n");
  g_assert_true (kab_store_save_consent_template (f->store, custom, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kab_consent_template_get_version (custom), ==, 2);
  g_assert_cmpint (kab_consent_template_get_id (custom), !=, v1_id);
  g_assert_cmpuint (count_versions (f, key), ==, 2);

  {
    g_autoptr(GListModel) all = kab_store_list_consent_templates (f->store, NULL);

    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr(KabConsentTemplate) template = g_list_model_get_item (all, i);

        if (kab_consent_template_get_id (template) == v1_id)
          first = g_object_ref (template);
      }
  }
  g_assert_nonnull (first);
  g_assert_cmpint (kab_consent_template_get_version (first), ==, 1);
  g_assert_cmpstr (kab_consent_template_get_body (first), ==, v1_body);

  uses = kab_store_count_template_uses (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (uses, &v1_id)), ==, 1);
  g_assert_false (g_hash_table_contains (uses, &(gint64){ kab_consent_template_get_id (custom) }));

  /* The agreement names version 1, and its text is the text printed. */
  consents = kab_store_list_consents (f->store, kab_client_get_id (client), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (consents), ==, 1);
  {
    g_autoptr(KabConsent) stored = g_list_model_get_item (consents, 0);
    g_autoptr(GDateTime) today = g_date_time_new_now_local ();

    g_assert_cmpint (kab_consent_get_template_id (stored), ==, v1_id);
    g_assert_cmpint (kab_consent_get_template_version (stored), ==, 1);
    g_assert_cmpstr (kab_consent_get_language (stored), ==, "sv");
    g_assert_cmpstr (kab_consent_get_title (stored), ==, "Mitt behandlingsavtal");
    g_assert_cmpstr (kab_consent_get_rendered_text (stored), ==, text);
    g_assert_nonnull (kab_consent_get_printed_on (stored));
    g_assert_null (kab_consent_get_signed_on (stored));

    /* A printed text is never changed; its dates are recorded. */
    kab_consent_set_rendered_text (stored, "# Något annat\n");
    g_assert_false (kab_store_save_consent (f->store, stored, &error));
    g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
    g_clear_error (&error);

    kab_consent_set_rendered_text (stored, text);
    kab_consent_set_signed_on (stored, today);
    g_assert_true (kab_store_save_consent (f->store, stored, &error));
    g_assert_no_error (error);
    g_assert_cmpint (kab_client_get_consent_state (client), ==, KAB_CONSENT_STATE_SIGNED);
  }

  /* A shipped text is never edited in place either: it is copied. */
  g_assert_cmpuint (count_versions (f, "therapy-agreement-sv"), ==, 1);
}

/* PDFs */

typedef struct
{
  const char *language;
  const char *practitioner;
  const char *given;
  const char *family;
  const char *currency;
  const char *heading;        /* the confidentiality heading */
  const char *cancellation;   /* the clause with the hours of notice */
} Agreement;

static const Agreement agreements[] = {
  { "en", "Sarah Whitfield", "Siobhán", "O'Connor", "EUR", "Confidentiality", "less than 48 hours before" },
  { "ru", "Анна Смирнова", "Дарья", "Ёлкина", "RUB", "Конфиденциальность", "менее чем за 48 ч до" },
  { "sv", "Anna Lindqvist", "Åsa", "Öberg", "SEK", "Tystnadsplikt", "senare än 48 timmar före" },
  { "nb", "Kari Nordmann", "Bjørn", "Ødegård", "NOK", "Taushetsplikt", "senere enn 48 timer før" },
};

/* The PDF's text in one line, NFC, with every run of white space (line breaks, no-break
 * spaces) as one space: the words are checked, not where the lines break. */
static char *
pdf_words (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *nfc = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  gboolean space = FALSE;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (out, -1, NULL));

  nfc = g_utf8_normalize (out, -1, G_NORMALIZE_NFC);
  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        {
          space = words->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (words, ' ');
      space = FALSE;
      g_string_append_unichar (words, c);
    }

  return g_string_free (g_steal_pointer (&words), FALSE);
}

static void
keep_copy (const char *path,
           const char *language)
{
  const char *dir = g_getenv ("KAB_CONSENT_PDF_DIR");
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* For a person to look at: KAB_CONSENT_PDF_DIR=/tmp/pdfs meson test test-consent */
  if (dir == NULL || !g_file_get_contents (path, &contents, &length, NULL))
    return;

  name = g_strdup_printf ("therapy-agreement-%s.pdf", language);
  target = g_build_filename (dir, name, NULL);
  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (target, contents, length, NULL);
}

static void
test_pdf_languages (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  seed (f);

  for (guint i = 0; i < G_N_ELEMENTS (agreements); i++)
    {
      const Agreement *a = &agreements[i];
      g_autoptr(KabConsentTemplate) template = builtin (f, a->language);
      g_autoptr(GHashTable) values = NULL;
      g_autoptr(KabPrintDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *file = g_strdup_printf ("agreement-%s.pdf", a->language);
      g_autofree char *path = g_build_filename (f->dir, file, NULL);
      g_autofree char *words = NULL;
      g_autofree char *client_line = NULL;
      KabClient *client;

      save_practice (f, a->practitioner, "Psykolog", a->currency, a->language);
      client = save_client (f, a->given, a->family, 150000);

      values = kab_consent_values_new (kab_store_get_practice (f->store), client, NULL, a->language);
      text = kab_consent_values_render (template, values, &error);
      g_assert_no_error (error);

      document = kab_consent_document_new (text, a->language, client);
      g_assert_true (kab_print_document_export_pdf (document, path, &error));
      g_assert_no_error (error);
      keep_copy (path, a->language);

      words = pdf_words (path);
      client_line = g_strdup_printf ("%s %s", a->given, a->family);
      g_test_message ("%s: %.200s…", a->language, words);

      g_assert_nonnull (strstr (words, client_line));
      g_assert_nonnull (strstr (words, a->practitioner));
      g_assert_nonnull (strstr (words, a->heading));
      g_assert_nonnull (strstr (words, a->cancellation));
      g_assert_nonnull (strstr (words, kab_print_document_get_title (document)));
      g_assert_null (strchr (words, '{'));
    }
}

/* The agreement states the client's own plan and the practice's late-cancellation
 * percentage, and only a client under 18 gets the guardian's clause and signature line. */
typedef struct
{
  const char *language;
  const char *percent;      /* "60 %" as the text writes it */
  const char *monthly;      /* words before the monthly fee */
  const char *package;      /* words before the number of sessions of a package */
  const char *per_session;  /* words before the fee of a session, per-session plan */
  const char *guardian;     /* the guardian's signature line */
} PlanWords;

static const PlanWords plan_words[] = {
  { "en", "60% of the fee", "a monthly fee of", "a package of", "The fee is", "Parent or guardian:" },
  { "ru", "60 % стоимости", "ежемесячную плату в размере", "пакет из", "Стоимость одной сессии составляет", "Законный представитель:" },
  { "sv", "60 % av arvodet", "ett månadsarvode på", "ett paket om", "Arvodet är", "Vårdnadshavare:" },
  { "nb", "60 % av honoraret", "et månedlig honorar på", "en pakke på", "Honoraret er", "Foresatt:" },
};

/* @text with every run of white space (a no-break space too) as one space, as pdf_words. */
static char *
single_spaced (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        c = ' ';
      if (c == ' ' && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The digits of an amount as printed ("4 800,00 kr", "€4,800.00"): its minor units. */
static gint64
printed_minor_units (const char *text)
{
  gint64 n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        n = n * 10 + (*p - '0');
    }

  return n;
}

static KabClient *
save_plan_client (Fixture        *f,
                  KabBillingPlan  plan,
                  gint64          fee,
                  int             package_size,
                  int             years_old)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) birth = g_date_time_new_local (g_date_time_get_year (now) - years_old, 1, 15, 0, 0, 0);
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (client, "given-name", "Kim", "family-name", "Berg", "fee", fee,
                "billing-plan", plan, "package-size", package_size, "birth-date", birth, NULL);
  g_assert_true (kab_store_save_client (f->store, client, &error));
  g_assert_no_error (error);

  return kab_store_find_client (f->store, kab_client_get_id (client));
}

/* Renders @client's agreement in @language as a PDF and returns its words. */
static char *
render_words (Fixture    *f,
              KabClient  *client,
              const char *language,
              const char *name,
              GHashTable *values)
{
  g_autoptr(KabConsentTemplate) template = builtin (f, language);
  g_autoptr(KabPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *stem = g_strdup_printf ("%s-%s", name, language);
  g_autofree char *file = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *path = g_build_filename (f->dir, file, NULL);

  text = kab_consent_values_render (template, values, &error);
  g_assert_no_error (error);
  document = kab_consent_document_new (text, language, client);
  g_assert_true (kab_print_document_export_pdf (document, path, &error));
  g_assert_no_error (error);
  keep_copy (path, stem);
  return pdf_words (path);
}

static void
assert_amount (const char *words,
               GHashTable *values,
               const char *placeholder,
               const char *before,
               gint64      minor)
{
  const char *value = g_hash_table_lookup (values, placeholder);
  g_autofree char *printed = NULL;
  g_autofree char *phrase = NULL;

  g_assert_nonnull (value);
  g_assert_cmpint (printed_minor_units (value), ==, minor);
  printed = single_spaced (value);
  phrase = g_strdup_printf ("%s %s", before, printed);
  if (strstr (words, phrase) == NULL)
    g_error ("“%s” is not in the agreement: %s", phrase, words);
}

static void
test_pdf_plans (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(KabPractice) practice = NULL;
  g_autoptr(GError) error = NULL;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  seed (f);
  save_practice (f, "Anna Lindqvist", "Psykolog", "SEK", "sv");
  practice = kab_practice_copy (kab_store_get_practice (f->store));
  kab_practice_set_late_cancel_percent (practice, 60);
  g_assert_true (kab_store_save_practice (f->store, practice, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (plan_words); i++)
    {
      const PlanWords *w = &plan_words[i];
      KabPractice *saved = kab_store_get_practice (f->store);
      KabClient *monthly = save_plan_client (f, KAB_BILLING_PLAN_MONTHLY, 480000, 1, 40);
      KabClient *package = save_plan_client (f, KAB_BILLING_PLAN_PACKAGE, 1000000, 10, 25);
      KabClient *minor = save_plan_client (f, KAB_BILLING_PLAN_PER_SESSION, 150000, 1, 15);
      g_autoptr(GHashTable) monthly_values = kab_consent_values_new (saved, monthly, NULL, w->language);
      g_autoptr(GHashTable) package_values = kab_consent_values_new (saved, package, NULL, w->language);
      g_autoptr(GHashTable) minor_values = kab_consent_values_new (saved, minor, NULL, w->language);
      g_autofree char *monthly_words = render_words (f, monthly, w->language, "monthly", monthly_values);
      g_autofree char *package_words = render_words (f, package, w->language, "package", package_values);
      g_autofree char *minor_words = render_words (f, minor, w->language, "minor", minor_values);
      g_autofree char *sessions = g_strdup_printf ("%s 10", w->package);

      g_test_message ("%s: checking the monthly, package and minor agreements", w->language);

      /* The monthly fee, and no fee per session or package. */
      assert_amount (monthly_words, monthly_values, "monthly_fee", w->monthly, 480000);
      g_assert_null (strstr (monthly_words, sessions));
      g_assert_null (g_hash_table_lookup (monthly_values, "per_session_fee"));

      /* The package: its sessions and price; a late cancellation costs a share of it. */
      g_assert_nonnull (strstr (package_words, sessions));
      g_assert_cmpint (printed_minor_units (g_hash_table_lookup (package_values, "package_price")), ==, 1000000);
      g_assert_cmpint (printed_minor_units (g_hash_table_lookup (package_values, "fee")), ==, 100000);
      g_assert_null (g_hash_table_lookup (package_values, "monthly_fee"));

      /* The client pays per session. */
      assert_amount (minor_words, minor_values, "per_session_fee", w->per_session, 150000);

      /* The practice's percentage, in every plan. */
      g_assert_nonnull (strstr (monthly_words, w->percent));
      g_assert_nonnull (strstr (package_words, w->percent));
      g_assert_nonnull (strstr (minor_words, w->percent));

      /* The guardian signs only for a minor. */
      g_assert_nonnull (strstr (minor_words, w->guardian));
      g_assert_null (strstr (monthly_words, w->guardian));
      g_assert_null (strstr (package_words, w->guardian));

      g_assert_null (strchr (monthly_words, '{'));
      g_assert_null (strchr (package_words, '{'));
      g_assert_null (strchr (minor_words, '{'));
    }
}

/* A client is a minor until the 18th birthday. */
static void
test_values_minor (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 12, 5, 0, 0, 0);
  struct { int year, month, day; gboolean minor; } births[] = {
    { 2008, 12, 5, FALSE },   /* 18 today */
    { 2008, 12, 6, TRUE },    /* 18 tomorrow */
    { 2009, 1, 1, TRUE },
    { 1990, 6, 1, FALSE },
  };

  save_practice (f, "Anna Lindqvist", "Psykolog", "SEK", "sv");
  for (guint i = 0; i < G_N_ELEMENTS (births); i++)
    {
      g_autoptr(GDateTime) birth = g_date_time_new_local (births[i].year, births[i].month, births[i].day, 0, 0, 0);
      KabClient *client = save_client (f, "Kim", "Berg", 100000);
      g_autoptr(GHashTable) values = NULL;

      kab_client_set_birth_date (client, birth);
      values = kab_consent_values_new (kab_store_get_practice (f->store), client, today, "sv");
      g_assert_cmpint (g_hash_table_contains (values, "minor"), ==, births[i].minor);
    }

  /* Without a date of birth nobody is taken for a minor. */
  {
    KabClient *client = save_client (f, "Kim", "Berg", 100000);
    g_autoptr(GHashTable) values = kab_consent_values_new (kab_store_get_practice (f->store), client, today, "sv");

    g_assert_false (g_hash_table_contains (values, "minor"));
  }
}

/* The Russian agreement offers non-medical psychological work unless the practitioner
 * is licensed for psychotherapy (a Preferences setting), and its 152-ФЗ consent names
 * the term from the retention setting with the right plural. */
static void
test_russian_variants (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KabConsentTemplate) template = NULL;
  g_autoptr(KabPractice) practice = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *licensed = NULL;
  KabClient *client;

  seed (f);
  save_practice (f, "Анна Смирнова", "Психолог", "RUB", "ru");
  practice = kab_practice_copy (kab_store_get_practice (f->store));
  kab_practice_set_retention_years (practice, 3);
  g_assert_true (kab_store_save_practice (f->store, practice, &error));
  g_assert_no_error (error);
  client = save_client (f, "Дарья", "Ёлкина", 350000);
  template = builtin (f, "ru");

  values = kab_consent_values_new (kab_store_get_practice (f->store), client, NULL, "ru");
  plain = kab_consent_values_render (template, values, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (plain, "Услуги не являются медицинскими; специалист не ставит\nдиагнозов и не назначает лечения"));
  g_assert_null (strstr (plain, "Психотерапию проводит"));
  g_assert_null (strstr (plain, "вмешательств"));
  g_assert_nonnull (strstr (plain, "и 3 года после её"));
  /* The client's address is written in by hand when it is not on record. */
  g_assert_nonnull (strstr (plain, "адрес: ______"));

  g_hash_table_insert (values, (gpointer)"licensed_psychotherapist", g_strdup ("1"));
  licensed = kab_consent_values_render (template, values, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (licensed, "Психотерапию проводит специалист"));
  g_assert_null (strstr (licensed, "Услуги не являются медицинскими"));
}

/* The Russian agreement names the practitioner's ИНН and tax status once they are in
 * Preferences → Business and Tax, and says nothing of them before. */
static void
test_russian_tax_identity (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(KabConsentTemplate) template = NULL;
  g_autoptr(KabPracticeIdentity) identity = kab_practice_identity_new ();
  g_autoptr(GHashTable) without = NULL;
  g_autoptr(GHashTable) with = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  KabClient *client;

  seed (f);
  save_practice (f, "Анна Смирнова", "Психолог", "RUB", "ru");
  client = save_client (f, "Дарья", "Ёлкина", 350000);
  template = builtin (f, "ru");

  without = kab_consent_values_new (kab_store_get_practice (f->store), client, NULL, "ru");
  kab_consent_values_add_identity (without, identity, "RU");
  before = kab_consent_values_render (template, without, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (before, "770412345664"));

  kab_practice_identity_set_tax_id (identity, "770412345664");
  kab_practice_identity_set_tax_status (identity, KAB_TAX_STATUS_SELF_EMPLOYED);
  with = kab_consent_values_new (kab_store_get_practice (f->store), client, NULL, "ru");
  kab_consent_values_add_identity (with, identity, "RU");
  g_assert_nonnull (g_hash_table_lookup (with, "practitioner_tax_status"));
  after = kab_consent_values_render (template, with, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (after, "770412345664"));
  g_assert_nonnull (strstr (after, g_hash_table_lookup (with, "practitioner_tax_status")));
}

/* The agreement names the practice's coming vacations in its own language: whole weeks by
 * their numbers, other days by date; a past one is left out, and without any the
 * sentence is not there at all. */
typedef struct
{
  const char *language;
  const char *sentence;
  const char *closed;       /* words that only the sentence has */
} ClosedWords;

static const ClosedWords closed_words[] = {
  { "en", "The practice is closed: weeks 28–31, 23 Dec – 2 Jan; no sessions", "The practice is closed" },
  { "ru", "Кабинет не работает: недели 28–31, 23 дек. – 2 янв.; в эти дни", "Кабинет не работает" },
  { "sv", "Mottagningen är stängd: vecka 28–31, 23 dec – 2 jan; då hålls", "Mottagningen är stängd" },
  { "nb", "Praksisen er stengt: uke 28–31, 23. des. – 2. jan.; da holdes", "Praksisen er stengt" },
};

static void
add_test_absence (KabStore *store,
                  int       y1,
                  int       m1,
                  int       d1,
                  int       y2,
                  int       m2,
                  int       d2)
{
  g_autoptr(KabAbsence) absence = kab_absence_new ();
  g_autoptr(GDateTime) first = g_date_time_new_local (y1, m1, d1, 0, 0, 0);
  g_autoptr(GDateTime) last = g_date_time_new_local (y2, m2, d2, 0, 0, 0);
  g_autoptr(GError) error = NULL;

  g_object_set (absence, "first-day", first, "last-day", last, "note", "Semester", NULL);
  g_assert_true (kab_store_save_absence (store, absence, &error));
  g_assert_no_error (error);
}

static void
test_pdf_closed_days (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GDateTime) today = g_date_time_new_local (2027, 6, 1, 12, 0, 0);

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  seed (f);

  for (guint pass = 0; pass < 2; pass++)
    {
      /* The second pass has them: a past week, ISO weeks 28–31 of 2027 (Monday 12 July to
       * Sunday 8 August), and Christmas. */
      if (pass == 1)
        {
          add_test_absence (f->store, 2027, 1, 11, 2027, 1, 17);
          add_test_absence (f->store, 2027, 7, 12, 2027, 8, 8);
          add_test_absence (f->store, 2027, 12, 23, 2028, 1, 2);
        }

      for (guint i = 0; i < G_N_ELEMENTS (closed_words); i++)
        {
          const ClosedWords *w = &closed_words[i];
          g_autoptr(KabConsentTemplate) template = builtin (f, w->language);
          g_autoptr(GListModel) absences = kab_store_list_absences (f->store, today, NULL, NULL);
          g_autoptr(GHashTable) values = NULL;
          g_autoptr(KabPrintDocument) document = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *text = NULL;
          g_autofree char *file = g_strdup_printf ("closed-%u-%s.pdf", pass, w->language);
          g_autofree char *path = g_build_filename (f->dir, file, NULL);
          g_autofree char *words = NULL;
          KabClient *client;

          save_practice (f, "Anna Lindqvist", "Psykolog", "SEK", w->language);
          client = save_client (f, "Åsa", "Öberg", 150000);
          values = kab_consent_values_new (kab_store_get_practice (f->store), client, today, w->language);
          kab_closed_days_add_value (values, absences, today, w->language);
          text = kab_consent_values_render (template, values, &error);
          g_assert_no_error (error);

          document = kab_consent_document_new (text, w->language, client);
          g_assert_true (kab_print_document_export_pdf (document, path, &error));
          g_assert_no_error (error);
          words = pdf_words (path);

          if (pass == 0)
            {
              g_assert_null (strstr (words, w->closed));
              continue;
            }
          g_test_message ("%s: %s", w->language, strstr (words, w->closed));
          g_assert_nonnull (strstr (words, w->sentence));
          g_assert_null (strchr (words, '{'));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/consent/values/filled", Fixture, NULL, fixture_setup, test_values_filled, fixture_teardown);
  g_test_add ("/consent/values/language", Fixture, NULL, fixture_setup, test_values_language, fixture_teardown);
  g_test_add ("/consent/values/fee", Fixture, NULL, fixture_setup, test_values_fee, fixture_teardown);
  g_test_add ("/consent/values/missing", Fixture, NULL, fixture_setup, test_values_missing, fixture_teardown);
  g_test_add ("/consent/templates/builtin", Fixture, NULL, fixture_setup, test_builtin_seeding, fixture_teardown);
  g_test_add ("/consent/templates/versions", Fixture, NULL, fixture_setup, test_versioning, fixture_teardown);
  g_test_add ("/consent/pdf/languages", Fixture, NULL, fixture_setup, test_pdf_languages, fixture_teardown);
  g_test_add ("/consent/pdf/plans", Fixture, NULL, fixture_setup, test_pdf_plans, fixture_teardown);
  g_test_add ("/consent/pdf/closed-days", Fixture, NULL, fixture_setup, test_pdf_closed_days, fixture_teardown);
  g_test_add ("/consent/values/minor", Fixture, NULL, fixture_setup, test_values_minor, fixture_teardown);
  g_test_add ("/consent/templates/russian-variants", Fixture, NULL, fixture_setup, test_russian_variants, fixture_teardown);
  g_test_add ("/consent/templates/russian-tax-identity", Fixture, NULL, fixture_setup, test_russian_tax_identity, fixture_teardown);

  return g_test_run ();
}
