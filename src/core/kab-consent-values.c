/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-consent-values.c: what fills an agreement's {placeholders}, from the practice and a client */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "kab-consent-values.h"
#include "kab-model-error.h"
#include "kab-date-format.h"
#include "kab-money.h"

typedef struct
{
  const char       *name;
  KabConsentSource  source;
} Placeholder;

static const Placeholder placeholders[] = {
  { "client", KAB_CONSENT_SOURCE_CLIENT },
  { "identity_number", KAB_CONSENT_SOURCE_CLIENT },
  { "practitioner", KAB_CONSENT_SOURCE_PREFERENCES },
  { "practitioner_title", KAB_CONSENT_SOURCE_PREFERENCES },
  { "practice_address", KAB_CONSENT_SOURCE_PREFERENCES },
  { "practice_contact", KAB_CONSENT_SOURCE_PREFERENCES },
  { "fee", KAB_CONSENT_SOURCE_PREFERENCES },
  { "session_length", KAB_CONSENT_SOURCE_PREFERENCES },
  { "cancel_hours", KAB_CONSENT_SOURCE_PREFERENCES },
  { "late_cancel_percent", KAB_CONSENT_SOURCE_PREFERENCES },
  { "date", KAB_CONSENT_SOURCE_AUTOMATIC },
  { "per_session_fee", KAB_CONSENT_SOURCE_CLIENT },
  { "monthly_fee", KAB_CONSENT_SOURCE_CLIENT },
  { "package_price", KAB_CONSENT_SOURCE_CLIENT },
  { "package_sessions", KAB_CONSENT_SOURCE_CLIENT },
  { "client_address", KAB_CONSENT_SOURCE_CLIENT },
  { "client_birth_date", KAB_CONSENT_SOURCE_CLIENT },
  { "minor", KAB_CONSENT_SOURCE_CLIENT },
  { "retention_years", KAB_CONSENT_SOURCE_PREFERENCES },
  { "retention_period", KAB_CONSENT_SOURCE_PREFERENCES },
  { "licensed_psychotherapist", KAB_CONSENT_SOURCE_PREFERENCES },
  { "practitioner_tax_id", KAB_CONSENT_SOURCE_PREFERENCES },
  { "practitioner_tax_status", KAB_CONSENT_SOURCE_PREFERENCES },
  { "closed_days", KAB_CONSENT_SOURCE_PREFERENCES },  /* kab-closed-days.c */
};

/* The client's plan picks one of per_session_fee, monthly_fee and package_price; minor,
 * licensed_psychotherapist and the tax details are there only when they apply, for
 * sections such as "{?minor}…{/minor}". */
static const char *const placeholder_names[] = {
  "client", "practitioner", "practitioner_title", "practice_address", "practice_contact",
  "fee", "session_length", "cancel_hours", "late_cancel_percent", "date",
  "per_session_fee", "monthly_fee", "package_price", "package_sessions", "client_address",
  "client_birth_date", "minor", "retention_years", "retention_period", "licensed_psychotherapist",
  "practitioner_tax_id", "practitioner_tax_status", "identity_number", "closed_days", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (placeholder_names) == G_N_ELEMENTS (placeholders) + 1);

/**
 * kab_consent_placeholder_names:
 *
 * Returns: (transfer none): the placeholders Kabinett fills, NULL-terminated
 */
const char *const *
kab_consent_placeholder_names (void)
{
  return placeholder_names;
}

/**
 * kab_consent_placeholder_source:
 * @name: a placeholder without braces, e.g. "practitioner"
 *
 * Returns: where the user fills in its value
 */
KabConsentSource
kab_consent_placeholder_source (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    {
      if (g_strcmp0 (placeholders[i].name, name) == 0)
        return placeholders[i].source;
    }

  return KAB_CONSENT_SOURCE_UNKNOWN;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }

  return TRUE;
}

/* Only values that are really there go in, so that rendering refuses the others. */
static void
insert (GHashTable *values,
        const char *name,
        char       *value)
{
  if (is_blank (value))
    {
      g_free (value);
      return;
    }

  g_hash_table_insert (values, (gpointer)name, g_strstrip (value));
}

static char *
dup_contact (KabPractice *practice)
{
  const char *phone = kab_practice_get_phone (practice);
  const char *email = kab_practice_get_email (practice);

  if (is_blank (phone))
    return g_strdup (email);
  if (is_blank (email))
    return g_strdup (phone);

  /* Translators: the practice's contact details in an agreement: "phone, email" */
  return g_strdup_printf (C_("phone, email", "%s, %s"), phone, email);
}

/* The fee of one session: the agreements speak of a fee per session. A package's price
 * is shared by its sessions; a monthly fee is no session fee, so the usual one is given. */
static gint64
session_fee (KabPractice *practice,
             KabClient   *client)
{
  gint64 fee = kab_client_get_fee (client);

  switch (kab_client_get_billing_plan (client))
    {
    case KAB_BILLING_PLAN_PACKAGE:
      if (kab_client_get_package_size (client) > 0)
        fee = (fee + kab_client_get_package_size (client) / 2) / kab_client_get_package_size (client);
      break;

    case KAB_BILLING_PLAN_MONTHLY:
      fee = 0;
      break;

    case KAB_BILLING_PLAN_PER_SESSION:
    default:
      break;
    }

  return fee > 0 ? fee : kab_practice_get_default_fee (practice);
}

/* The locale whose conventions an agreement in @language follows for its date and
 * amounts: the user's own when it is of that language (en_US or en_GB as they chose),
 * else the language's usual one when it is installed, else none (the user's own). */
static locale_t
new_language_locale (const char *language)
{
  static const struct { const char *language; const char *names[3]; } known[] = {
    { "en", { "en_GB.UTF-8", "en_US.UTF-8", NULL } },
    { "ru", { "ru_RU.UTF-8", NULL } },
    { "sv", { "sv_SE.UTF-8", NULL } },
    { "nb", { "nb_NO.UTF-8", "no_NO.UTF-8", NULL } },
  };
  const char *current = setlocale (LC_TIME, NULL);

  if (language == NULL || current == NULL || g_str_has_prefix (current, language))
    return (locale_t)0;

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      if (!g_str_equal (known[i].language, language))
        continue;

      for (guint j = 0; known[i].names[j] != NULL; j++)
        {
          locale_t locale = newlocale (LC_TIME_MASK | LC_MONETARY_MASK | LC_NUMERIC_MASK,
                                       known[i].names[j], (locale_t)0);
          if (locale != (locale_t)0)
            return locale;
        }
    }

  return (locale_t)0;
}

/* Whether the client is under 18 on @today; FALSE when the date of birth is unknown. */
static gboolean
is_minor (KabClient *client,
          GDateTime *today)
{
  GDateTime *birth = kab_client_get_birth_date (client);
  int age;

  if (birth == NULL)
    return FALSE;

  age = g_date_time_get_year (today) - g_date_time_get_year (birth);
  if (g_date_time_get_month (today) < g_date_time_get_month (birth) ||
      (g_date_time_get_month (today) == g_date_time_get_month (birth) &&
       g_date_time_get_day_of_month (today) < g_date_time_get_day_of_month (birth)))
    age--;

  return age < 18;
}

/* The client's plan: one of per_session_fee, monthly_fee or package_price (with
 * package_sessions), so that the agreement states the fee this client really pays. */
static void
insert_plan (GHashTable  *values,
             KabPractice *practice,
             KabClient   *client,
             gint64       fee)
{
  const char *currency = kab_practice_get_currency (practice);
  gint64 price = kab_client_get_fee (client);

  switch (kab_client_get_billing_plan (client))
    {
    case KAB_BILLING_PLAN_MONTHLY:
      if (price > 0)
        insert (values, "monthly_fee", kab_money_format (price, currency));
      break;

    case KAB_BILLING_PLAN_PACKAGE:
      if (price > 0 && kab_client_get_package_size (client) > 0)
        {
          insert (values, "package_price", kab_money_format (price, currency));
          insert (values, "package_sessions",
                  g_strdup_printf ("%d", kab_client_get_package_size (client)));
        }
      break;

    case KAB_BILLING_PLAN_PER_SESSION:
    default:
      if (fee > 0)
        insert (values, "per_session_fee", kab_money_format (fee, currency));
      break;
    }
}

/* A day written as on a document in @language ("4. desember 2026", "4 декабря 2026": %B
 * is the month as written with a day), which may differ from the interface's language;
 * in the interface's language when @language is %NULL. */
static char *
format_day (GDateTime  *day,
            const char *language)
{
  static const struct { const char *language; const char *format; } formats[] = {
    { "en", "%-d %B %Y" },
    { "ru", "%-d %B %Y" },
    { "sv", "%-d %B %Y" },
    { "nb", "%-d. %B %Y" },
  };

  for (guint i = 0; language != NULL && i < G_N_ELEMENTS (formats); i++)
    {
      if (g_str_equal (formats[i].language, language))
        return g_date_time_format (day, formats[i].format);
    }

  return kab_date_format_document (day);
}

static void
insert_formatted (GHashTable  *values,
                  KabPractice *practice,
                  KabClient   *client,
                  gint64       fee,
                  GDateTime   *today,
                  const char  *language)
{
  GDateTime *birth = kab_client_get_birth_date (client);

  if (fee > 0)
    insert (values, "fee", kab_money_format (fee, kab_practice_get_currency (practice)));
  insert_plan (values, practice, client, fee);
  insert (values, "date", format_day (today, language));
  if (birth != NULL)
    insert (values, "client_birth_date", format_day (birth, language));
}

/**
 * kab_consent_values_new:
 * @practice: the practice's settings
 * @client: the client the agreement is for
 * @today: (nullable): the date printed on the agreement; %NULL for now
 * @language: (nullable): the language of the agreement, whose conventions the date and
 *   the fee follow where the system has them; %NULL for the user's
 *
 * The values of the placeholders an agreement may use. A value that is not set (the
 * practitioner's name before it is entered in Preferences, a fee of zero) is left out,
 * so that kab_consent_values_render() refuses it rather than print a blank.
 *
 * Returns: (transfer full) (element-type utf8 utf8): placeholder name → text
 */
GHashTable *
kab_consent_values_new (KabPractice *practice,
                        KabClient   *client,
                        GDateTime   *today,
                        const char  *language)
{
  g_autoptr(GDateTime) now = NULL;
  GHashTable *values;
  locale_t locale;
  gint64 fee;

  g_return_val_if_fail (KAB_IS_PRACTICE (practice), NULL);
  g_return_val_if_fail (KAB_IS_CLIENT (client), NULL);

  if (today == NULL)
    today = now = g_date_time_new_now_local ();

  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  fee = session_fee (practice, client);

  insert (values, "client", g_strdup (kab_client_get_display_name (client)));
  /* Optional: without a number on record, a line to write it on by hand. */
  insert (values, "identity_number",
          g_strdup (is_blank (kab_client_get_identity_number (client))
                    ? "____________________" : kab_client_get_identity_number (client)));
  insert (values, "practitioner", g_strdup (kab_practice_get_practitioner_name (practice)));
  insert (values, "practitioner_title", g_strdup (kab_practice_get_title (practice)));
  insert (values, "practice_address", g_strdup (kab_practice_get_address (practice)));
  insert (values, "practice_contact", dup_contact (practice));
  insert (values, "session_length",
          g_strdup_printf ("%d", kab_practice_get_default_duration (practice)));
  insert (values, "cancel_hours", g_strdup_printf ("%d", kab_practice_get_cancel_hours (practice)));
  insert (values, "late_cancel_percent",
          g_strdup_printf ("%d", kab_practice_get_late_cancel_percent (practice)));
  insert (values, "retention_years",
          g_strdup_printf ("%d", kab_practice_get_retention_years (practice)));
  insert (values, "retention_period",
          kab_date_format_years (kab_practice_get_retention_years (practice), language));
  insert (values, "client_address", g_strdup (kab_client_get_address (client)));
  if (is_minor (client, today))
    insert (values, "minor", g_strdup ("1"));

  /* A Swedish agreement says "1 200,00 kr" and "2025-02-14" whatever the user's locale;
   * the switch is for this thread and this moment only. */
  locale = new_language_locale (language);
  if (locale != (locale_t)0)
    {
      locale_t old = uselocale (locale);

      insert_formatted (values, practice, client, fee, today, language);
      uselocale (old);
      freelocale (locale);
    }
  else
    insert_formatted (values, practice, client, fee, today, language);

  return values;
}

/**
 * kab_consent_values_find_missing:
 *
 * Returns: (transfer full) (nullable): the first placeholder of @template's body that
 *   @values has no text for, without braces; %NULL when all are there. One in a section
 *   that is left out ("{?minor}…{/minor}" for an adult) does not count.
 */
char *
kab_consent_values_find_missing (KabConsentTemplate *template,
                                 GHashTable         *values)
{
  g_return_val_if_fail (KAB_IS_CONSENT_TEMPLATE (template), NULL);
  g_return_val_if_fail (values != NULL, NULL);

  return kab_consent_template_find_missing (template, values);
}

static void
set_missing_error (GError     **error,
                   const char  *name)
{
  const char *message;

  /* Each message names the placeholder and says where its value is filled in. */
  if (g_str_equal (name, "client"))
    message = _("The agreement needs the client's name ({client}). Enter it in the client's details.");
  else if (g_str_equal (name, "practitioner"))
    message = _("The agreement needs your name ({practitioner}). Enter it in Preferences under Practitioner.");
  else if (g_str_equal (name, "practitioner_title"))
    message = _("The agreement needs your professional title ({practitioner_title}). Enter it in Preferences under Practitioner.");
  else if (g_str_equal (name, "practice_address"))
    message = _("The agreement needs the address of your practice ({practice_address}). Enter it in Preferences under Practitioner.");
  else if (g_str_equal (name, "practice_contact"))
    message = _("The agreement needs your phone number or email address ({practice_contact}). Enter one in Preferences under Practitioner.");
  else if (g_str_equal (name, "fee"))
    message = _("The agreement needs the session fee ({fee}). Enter the client's fee in their details, or your usual fee in Preferences under Fees and Sessions.");
  else
    message = NULL;

  if (message != NULL)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_MISSING_VALUE, message);
      return;
    }

  if (kab_consent_placeholder_source (name) == KAB_CONSENT_SOURCE_UNKNOWN)
    g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_MISSING_VALUE,
                 /* Translators: %s is a placeholder of an agreement template, e.g. “client” */
                 _("The template uses {%s}, which Kabinett cannot fill in. Correct it on the Templates page."),
                 name);
  else
    g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_MISSING_VALUE,
                 /* Translators: %s is a placeholder of an agreement template, e.g. “cancel_hours” */
                 _("The agreement needs a value for {%s}. Fill it in in Preferences."),
                 name);
}

/**
 * kab_consent_values_render:
 * @values: from kab_consent_values_new()
 *
 * The agreement's text with every placeholder filled in. A placeholder without a value is
 * refused with %KAB_MODEL_ERROR_MISSING_VALUE, with a message that names it and says
 * where to fill it in.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
char *
kab_consent_values_render (KabConsentTemplate  *template,
                           GHashTable          *values,
                           GError             **error)
{
  g_autofree char *missing = NULL;

  g_return_val_if_fail (KAB_IS_CONSENT_TEMPLATE (template), NULL);
  g_return_val_if_fail (values != NULL, NULL);

  missing = kab_consent_values_find_missing (template, values);
  if (missing != NULL)
    {
      set_missing_error (error, missing);
      return NULL;
    }

  return kab_consent_template_render (template, values, error);
}

/**
 * kab_consent_values_add_identity:
 * @values: (element-type utf8 utf8): from kab_consent_values_new()
 * @identity: the practice as a business (Preferences → Business and Tax)
 * @country: the practice's country, which names the tax status
 *
 * Adds the practitioner's tax number and status, where they are filled in: a Russian
 * agreement shows the ИНН and «самозанятый» only then ("{?practitioner_tax_id}…").
 */
void
kab_consent_values_add_identity (GHashTable          *values,
                                 KabPracticeIdentity *identity,
                                 const char          *country)
{
  g_autofree char *status = NULL;
  const char *tax_id;

  g_return_if_fail (values != NULL);

  if (identity == NULL)
    return;

  tax_id = kab_practice_identity_get_tax_id (identity);
  if (tax_id == NULL || *tax_id == '\0')
    return;

  g_hash_table_insert (values, (gpointer) "practitioner_tax_id", g_strdup (tax_id));
  status = kab_practice_identity_dup_tax_status_label (identity, country);
  if (status != NULL && *status != '\0')
    g_hash_table_insert (values, (gpointer) "practitioner_tax_status", g_steal_pointer (&status));
}
