/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-demo.c: a generated sample practice with clients in Russian, Swedish and Norwegian */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kab-date-format.h"
#include "kab-demo.h"
#include "kab-money.h"
#include "kab-store-private.h"
#include "kab-store-documents.h"

typedef struct
{
  const char * const *male;
  const char * const *female;
  const char * const *family;          /* the masculine form */
  gboolean            family_feminine; /* Russian: Иванов → Иванова */
  const char         *phone_prefix;
  KabPaymentMethod    methods[3];
  const char         *language;        /* of a practice whose clients are all of it */
} Culture;

static const char * const ru_male[] = { "Алексей", "Дмитрий", "Сергей", "Андрей", "Михаил", "Илья", "Никита", "Павел", "Артём", "Максим", "Игорь", "Владимир", NULL };
static const char * const ru_female[] = { "Анна", "Мария", "Екатерина", "Ольга", "Наталья", "Юлия", "Татьяна", "Елена", "Дарья", "Ксения", "Алёна", "Светлана", NULL };
static const char * const ru_family[] = { "Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков", "Морозов", "Волков", "Соловьёв", "Васильев", "Зайцев", "Павлов", "Семёнов", "Голубев", "Виноградов", "Богданов", "Воробьёв", "Фёдоров", NULL };
static const char * const sv_male[] = { "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Mikael", "Björn", "Olof", "Henrik", "Gustav", "Måns", NULL };
static const char * const sv_female[] = { "Anna", "Maria", "Karin", "Sara", "Emma", "Kristina", "Linnéa", "Elin", "Ingrid", "Åsa", "Maja", "Sofia", NULL };
static const char * const sv_family[] = { "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Lindqvist", "Lindström", "Åberg", "Sjöberg", "Bergström", "Öberg", "Ekström", "Holmgren", NULL };
static const char * const nb_male[] = { "Ola", "Lars", "Knut", "Jon", "Magnus", "Håkon", "Sindre", "Eirik", "Øystein", "Torbjørn", "Sverre", "Aksel", NULL };
static const char * const nb_female[] = { "Ingrid", "Kari", "Silje", "Ragnhild", "Marit", "Solveig", "Ida", "Nora", "Sigrid", "Åse", "Tuva", "Hedda", NULL };
static const char * const nb_family[] = { "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Bakken", "Haugen", "Bjørnstad", "Solberg", "Ødegård", "Strand", "Lie", "Dahl", "Sæther", "Berge", NULL };

static const Culture cultures[] = {
  { ru_male, ru_female, ru_family, TRUE, "+7 9",
    { KAB_PAYMENT_METHOD_SBP, KAB_PAYMENT_METHOD_CASH, KAB_PAYMENT_METHOD_CARD }, "ru" },
  { sv_male, sv_female, sv_family, FALSE, "+46 7",
    { KAB_PAYMENT_METHOD_SWISH, KAB_PAYMENT_METHOD_CARD, KAB_PAYMENT_METHOD_BANK_TRANSFER }, "sv" },
  { nb_male, nb_female, nb_family, FALSE, "+47 9",
    { KAB_PAYMENT_METHOD_VIPPS, KAB_PAYMENT_METHOD_CARD, KAB_PAYMENT_METHOD_BANK_TRANSFER }, "nb" },
};

/* How clients of an English-speaking practice (of mixed origin) pay. */
static const KabPaymentMethod international_methods[] = {
  KAB_PAYMENT_METHOD_CARD, KAB_PAYMENT_METHOD_BANK_TRANSFER, KAB_PAYMENT_METHOD_CASH,
};

typedef struct
{
  KabStore  *store;
  GRand     *rand;
  GDateTime *now;
  const Culture *culture;    /* the practice's country; NULL for a mix (English) */
  const char *currency;
  gint64     fee;
  KabConsentTemplate *template;
} Demo;

static const char *
pick (GRand              *rand,
      const char * const *names)
{
  guint n = g_strv_length ((char **)names);

  return names[g_rand_int_range (rand, 0, n)];
}

/* For e-mail addresses: Cyrillic letters as in a Russian passport (ICAO), the rest by
 * g_str_to_ascii (Å → A), all in lower case. */
static char *
transliterate_lower (const char *text)
{
  static const char cyrillic[] = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
  static const char * const latin[] = {
    "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia",
  };
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *ascii = NULL;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *found = NULL;
      guint i = 0;

      for (const char *q = cyrillic; *q != '\0' && found == NULL; q = g_utf8_next_char (q), i++)
        {
          if (g_utf8_get_char (q) == c)
            found = latin[i];
        }

      if (found != NULL)
        g_string_append (out, found);
      else
        g_string_append_unichar (out, c);
    }

  ascii = g_str_to_ascii (out->str, "C");
  return g_ascii_strdown (ascii, -1);
}

static void
practice_for_locale (KabPractice *practice)
{
  const char *lang = g_get_language_names ()[0];

  if (g_str_has_prefix (lang, "ru"))
    g_object_set (practice,
                  "practitioner-name", "Анна Сергеевна Волкова",
                  "title", "Клинический психолог",
                  "address", "Москва, ул. Пречистенка, 12, кабинет 4",
                  "phone", "+7 916 555-12-34", "email", "volkova@example.ru",
                  "currency", "RUB", "default-fee", (gint64)350000,
                  "form-language", "ru", "country", "RU", NULL);
  else if (g_str_has_prefix (lang, "sv"))
    g_object_set (practice,
                  "practitioner-name", "Karin Lindqvist",
                  "title", "Leg. psykolog",
                  "address", "Södermannagatan 14, 116 23 Stockholm",
                  "phone", "+46 70 555 12 34", "email", "karin@example.se",
                  "currency", "SEK", "default-fee", (gint64)120000,
                  "form-language", "sv", "country", "SE", NULL);
  else if (g_str_has_prefix (lang, "nb") || g_str_has_prefix (lang, "no"))
    g_object_set (practice,
                  "practitioner-name", "Ingrid Haugen",
                  "title", "Psykologspesialist",
                  "address", "Thereses gate 20, 0168 Oslo",
                  "phone", "+47 915 55 123", "email", "ingrid@example.no",
                  "currency", "NOK", "default-fee", (gint64)150000,
                  "form-language", "nb", "country", "NO", NULL);
  else
    g_object_set (practice,
                  "practitioner-name", "Sarah Whitfield",
                  "title", "Clinical psychologist",
                  "address", "12 Elm Street, Dublin D02 XY45",
                  "phone", "+353 1 555 0123", "email", "sarah@example.ie",
                  "country", "", "currency", "EUR", "default-fee", (gint64)9000,
                  "form-language", "en", NULL);

  g_object_set (practice,
                "default-duration", 50,
                "cancel-hours", 24,
                "late-cancel-percent", 100,
                NULL);
}

static KabClient *
make_client (Demo              *demo,
             const Culture     *culture,
             GDateTime         *start)
{
  KabClient *client = kab_client_new ();
  gboolean female = g_rand_boolean (demo->rand);
  const char *given = pick (demo->rand, female ? culture->female : culture->male);
  const char *family = pick (demo->rand, culture->family);
  g_autofree char *family_form = culture->family_feminine && female
                                 ? g_strconcat (family, "а", NULL) : g_strdup (family);
  g_autofree char *given_ascii = transliterate_lower (given);
  g_autofree char *family_ascii = transliterate_lower (family_form);
  g_autofree char *email = g_strdup_printf ("%s.%s@example.org", given_ascii, family_ascii);
  g_autofree char *phone = g_strdup_printf ("%s%02d %03d %02d %02d", culture->phone_prefix,
                                            g_rand_int_range (demo->rand, 0, 100),
                                            g_rand_int_range (demo->rand, 100, 1000),
                                            g_rand_int_range (demo->rand, 10, 100),
                                            g_rand_int_range (demo->rand, 10, 100));
  g_autoptr(GDateTime) birth = g_date_time_add_days (start,
                                                     -g_rand_int_range (demo->rand, 19 * 365, 70 * 365));
  g_autoptr(GDateTime) birth_day = g_date_time_new_local (g_date_time_get_year (birth),
                                                          g_date_time_get_month (birth),
                                                          g_date_time_get_day_of_month (birth),
                                                          0, 0, 0);

  g_object_set (client,
                "given-name", given,
                "family-name", family_form,
                "phone", phone,
                "email", email,
                "birth-date", birth_day,
                "fee", demo->fee,
                NULL);
  return client;
}

static KabSessionStatus
past_status (GRand *rand)
{
  int roll = g_rand_int_range (rand, 0, 100);

  if (roll < 86)
    return KAB_SESSION_STATUS_ATTENDED;
  if (roll < 92)
    return KAB_SESSION_STATUS_CANCELLED_IN_TIME;
  if (roll < 95)
    return KAB_SESSION_STATUS_CANCELLED_LATE;
  if (roll < 97)
    return KAB_SESSION_STATUS_NO_SHOW;
  return KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER;
}

static gboolean
pay (Demo           *demo,
     const Culture  *culture,
     KabClient      *client,
     GDateTime      *date,
     gint64          amount,
     GError        **error)
{
  g_autoptr(KabPayment) payment = kab_payment_new ();

  g_object_set (payment,
                "client-id", kab_client_get_id (client),
                "date", date,
                "amount", amount,
                "currency", demo->currency,
                "method", (demo->culture != NULL ? culture->methods : international_methods)
                          [g_rand_int_range (demo->rand, 0, 3)],
                NULL);
  return kab_store_save_payment (demo->store, payment, error);
}

/* Saves @client as it stood at @when: the billing rules take its plan, status and fee
 * from that day on, as if the practice had kept Kabinett all along. */
static gboolean
save_client_at (Demo       *demo,
                KabClient  *client,
                GDateTime  *when,
                GError    **error)
{
  g_autoptr(GDateTime) before = kab_store_swap_test_now (when);
  gboolean ok = kab_store_save_client (demo->store, client, error);
  g_autoptr(GDateTime) ours = kab_store_swap_test_now (before);

  return ok;
}

/* A package client buys the next package when the last one is used up. */
static gboolean
buy_package_if_needed (Demo           *demo,
                       const Culture  *culture,
                       KabClient      *client,
                       GDateTime      *day,
                       GError        **error)
{
  int left = 0, size = 0;

  if (kab_client_get_billing_plan (client) != KAB_BILLING_PLAN_PACKAGE)
    return TRUE;

  {
    g_autoptr(GDateTime) before = kab_store_swap_test_now (day);
    g_autoptr(GDateTime) back = NULL;

    kab_store_get_package_state (demo->store, kab_client_get_id (client), &left, &size);
    back = kab_store_swap_test_now (before);
  }
  if (left > 0)
    return TRUE;

  return kab_store_sell_package (demo->store, kab_client_get_id (client),
                                 kab_client_get_package_size (client),
                                 kab_client_get_fee (client), day, NULL, NULL, error) &&
         pay (demo, culture, client, day, kab_client_get_fee (client), error);
}

/* Marks what happened to the client's past sessions, and has most of them paid. */
static gboolean
live_through_sessions (Demo           *demo,
                       const Culture  *culture,
                       KabClient      *client,
                       GError        **error)
{
  g_autoptr(GListModel) sessions = kab_store_list_client_sessions (demo->store,
                                                                   kab_client_get_id (client),
                                                                   error);
  g_autoptr(GDateTime) recent = g_date_time_add_days (demo->now, -45);
  gboolean slow_payer = g_rand_int_range (demo->rand, 0, 100) < 8;
  guint n;

  if (sessions == NULL)
    return FALSE;

  n = g_list_model_get_n_items (sessions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);
      GDateTime *start = kab_session_get_start (session);
      KabSessionStatus status;
      gint64 fee;

      if (g_date_time_compare (start, demo->now) >= 0)
        break;

      status = past_status (demo->rand);
      if (kab_session_status_is_charged (status) &&
          !buy_package_if_needed (demo, culture, client, start, error))
        return FALSE;

      kab_session_set_status (session, status);
      /* The client cancelled two days ahead, or on the morning itself. */
      if (status == KAB_SESSION_STATUS_CANCELLED_IN_TIME || status == KAB_SESSION_STATUS_CANCELLED_LATE)
        {
          g_autoptr(GDateTime) cancelled =
            g_date_time_add_hours (start, status == KAB_SESSION_STATUS_CANCELLED_IN_TIME ? -50 : -3);

          kab_session_set_cancelled_at (session, cancelled);
        }
      if (!kab_store_save_session (demo->store, session, error))
        return FALSE;

      fee = kab_session_get_fee (session);
      if (!kab_session_status_is_charged (status) || fee == 0)
        continue;
      if (status != KAB_SESSION_STATUS_ATTENDED)
        fee = (fee * kab_practice_get_late_cancel_percent (kab_store_get_practice (demo->store)) + 50) / 100;

      /* A few clients run up a debt over the last weeks; everyone else pays on the day. */
      if (slow_payer && g_date_time_compare (start, recent) > 0)
        continue;

      if (!pay (demo, culture, client, start, fee, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_consent (Demo       *demo,
             KabClient  *client,
             GDateTime  *signed_on,
             GError    **error)
{
  KabPractice *practice = kab_store_get_practice (demo->store);
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(KabConsent) consent = NULL;
  g_autofree char *text = NULL;
  g_autofree char *contact = NULL;
  /* Prepared a couple of days before it was printed and signed, never after. */
  g_autoptr(GDateTime) prepared = g_date_time_add_days (signed_on, -2);

  if (demo->template == NULL)
    return TRUE;

  contact = g_strdup_printf ("%s, %s", kab_practice_get_phone (practice),
                             kab_practice_get_email (practice));
  g_hash_table_insert (values, "client", g_strdup (kab_client_get_display_name (client)));
  g_hash_table_insert (values, "identity_number", g_strdup ("____________________"));
  g_hash_table_insert (values, "practitioner", g_strdup (kab_practice_get_practitioner_name (practice)));
  g_hash_table_insert (values, "practitioner_title", g_strdup (kab_practice_get_title (practice)));
  g_hash_table_insert (values, "practice_address", g_strdup (kab_practice_get_address (practice)));
  g_hash_table_insert (values, "practice_contact", g_steal_pointer (&contact));
  g_hash_table_insert (values, "fee", kab_money_format (demo->fee, demo->currency));
  g_hash_table_insert (values,
                       kab_client_get_billing_plan (client) == KAB_BILLING_PLAN_MONTHLY
                       ? "monthly_fee" : "per_session_fee",
                       kab_money_format (kab_client_get_fee (client), demo->currency));
  g_hash_table_insert (values, "late_cancel_percent",
                       g_strdup_printf ("%d", kab_practice_get_late_cancel_percent (practice)));
  g_hash_table_insert (values, "retention_years",
                       g_strdup_printf ("%d", kab_practice_get_retention_years (practice)));
  g_hash_table_insert (values, "retention_period",
                       kab_date_format_years (kab_practice_get_retention_years (practice),
                                              kab_consent_template_get_language (demo->template)));
  g_hash_table_insert (values, "session_length",
                       g_strdup_printf ("%d", kab_practice_get_default_duration (practice)));
  g_hash_table_insert (values, "cancel_hours",
                       g_strdup_printf ("%d", kab_practice_get_cancel_hours (practice)));
  g_hash_table_insert (values, "date", kab_date_format_document (signed_on));

  text = kab_consent_template_render (demo->template, values, error);
  if (text == NULL)
    return FALSE;

  consent = kab_consent_new ();
  g_object_set (consent,
                "client-id", kab_client_get_id (client),
                "template-id", kab_consent_template_get_id (demo->template),
                "template-version", kab_consent_template_get_version (demo->template),
                "language", kab_consent_template_get_language (demo->template),
                "title", kab_consent_template_get_title (demo->template),
                "rendered-text", text,
                "created", prepared,
                "printed-on", signed_on,
                "signed-on", signed_on,
                NULL);
  return kab_store_save_consent (demo->store, consent, error);
}

static gboolean
add_therapy (Demo           *demo,
             const Culture  *culture,
             KabClient      *client,
             GDateTime      *start,
             GError        **error)
{
  g_autoptr(KabSeries) series = kab_series_new ();
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) until = NULL;
  int interval = g_rand_int_range (demo->rand, 0, 4) == 0 ? 2 : 1;
  int weeks = g_rand_int_range (demo->rand, 6, 80) * interval;

  first = g_date_time_new_local (g_date_time_get_year (start), g_date_time_get_month (start),
                                 g_date_time_get_day_of_month (start), 0, 0, 0);
  until = g_date_time_add_weeks (first, weeks);

  if (g_date_time_compare (until, demo->now) < 0)
    {
      KabClientStatus status = g_date_time_difference (demo->now, until) > 3 * G_TIME_SPAN_DAY * 365
                               ? KAB_CLIENT_STATUS_ARCHIVED : KAB_CLIENT_STATUS_FINISHED;
      kab_client_set_status (client, status);
    }
  else
    {
      /* Still in therapy: open-ended, like most long-term work. */
      g_clear_pointer (&until, g_date_time_unref);
    }

  g_object_set (series,
                "client-id", kab_client_get_id (client),
                "first-date", first,
                "until-date", until,
                "start-minute", g_rand_int_range (demo->rand, 9, 19) * 60,
                "duration", 50,
                "interval-weeks", interval,
                "kind", KAB_SESSION_KIND_PSYCHOTHERAPY,
                "fee", kab_client_get_billing_plan (client) == KAB_BILLING_PLAN_PER_SESSION
                       ? kab_client_get_fee (client) : (gint64)0,
                NULL);

  if (!kab_store_save_series (demo->store, series, error) ||
      !save_client_at (demo, client, until != NULL ? until : demo->now, error))
    return FALSE;

  if (g_rand_int_range (demo->rand, 0, 10) > 0 && !add_consent (demo, client, first, error))
    return FALSE;

  return live_through_sessions (demo, culture, client, error);
}

static gboolean
add_consultation (Demo           *demo,
                  const Culture  *culture,
                  KabClient      *client,
                  GDateTime      *start,
                  GError        **error)
{
  int meetings = g_rand_int_range (demo->rand, 1, 3);
  int hour = g_rand_int_range (demo->rand, 9, 19);

  kab_client_set_service (client, KAB_SERVICE_CONSULTATION);

  for (int i = 0; i < meetings; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_weeks (start, i);
      g_autoptr(GDateTime) when = g_date_time_new_local (g_date_time_get_year (day),
                                                         g_date_time_get_month (day),
                                                         g_date_time_get_day_of_month (day),
                                                         hour, 0, 0);
      g_autoptr(KabSession) session = kab_session_new ();

      g_object_set (session,
                    "client-id", kab_client_get_id (client),
                    "start", when,
                    "duration", 50,
                    "kind", KAB_SESSION_KIND_CONSULTATION,
                    "fee", kab_client_get_fee (client),
                    NULL);
      if (!kab_store_save_session (demo->store, session, error))
        return FALSE;
    }

  if (g_date_time_difference (demo->now, start) > 3 * 7 * G_TIME_SPAN_DAY)
    {
      g_autoptr(GDateTime) finished = g_date_time_add_weeks (start, meetings);

      kab_client_set_status (client, KAB_CLIENT_STATUS_FINISHED);
      if (!save_client_at (demo, client, finished, error))
        return FALSE;
    }

  return live_through_sessions (demo, culture, client, error);
}

static gboolean
add_monthly_fees (Demo           *demo,
                  const Culture  *culture,
                  KabClient      *client,
                  GDateTime      *start,
                  GError        **error)
{
  g_autoptr(GDateTime) month = g_date_time_new_local (g_date_time_get_year (start),
                                                      g_date_time_get_month (start), 1, 0, 0, 0);
  g_autoptr(GListModel) sessions = kab_store_list_client_sessions (demo->store,
                                                                   kab_client_get_id (client),
                                                                   error);
  g_autoptr(KabSession) last = NULL;
  GDateTime *end = demo->now;

  if (sessions == NULL)
    return FALSE;

  /* Billed each month from the first session to the last, or to this month. */
  if (g_list_model_get_n_items (sessions) > 0)
    last = g_list_model_get_item (sessions, g_list_model_get_n_items (sessions) - 1);
  if (last != NULL && g_date_time_compare (kab_session_get_start (last), end) < 0)
    end = kab_session_get_start (last);

  /* The store's monthly rule charged the months; the client paid each. */
  while (g_date_time_compare (month, end) <= 0)
    {
      GDateTime *next;

      if (!pay (demo, culture, client, month, kab_client_get_fee (client), error))
        return FALSE;

      next = g_date_time_add_months (month, 1);
      g_date_time_unref (month);
      month = next;
    }

  return TRUE;
}

static gboolean
add_client (Demo       *demo,
            guint       index,
            guint       n_clients,
            guint       days,
            GError    **error)
{
  const Culture *mixed = &cultures[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (cultures))];
  const Culture *culture = demo->culture != NULL ? demo->culture : mixed;
  /* Later clients started later, with some spread, so that the practice grows evenly. */
  int offset = (int)((gint64)days * (n_clients - index) / (n_clients + 1))
               - g_rand_int_range (demo->rand, 0, 14);
  g_autoptr(GDateTime) day = g_date_time_add_days (demo->now, -MAX (offset, 1));
  int weekday = g_date_time_get_day_of_week (day);
  /* Practices work on weekdays: a Saturday or Sunday start moves to the Monday. */
  g_autoptr(GDateTime) start = g_date_time_add_days (day, weekday >= 6 ? 8 - weekday : 0);
  g_autoptr(KabClient) client = make_client (demo, culture, start);
  int plan = g_rand_int_range (demo->rand, 0, 100);
  gboolean monthly = plan < 8;
  gboolean package = plan >= 8 && plan < 18;

  if (monthly)
    {
      kab_client_set_billing_plan (client, KAB_BILLING_PLAN_MONTHLY);
      kab_client_set_fee (client, demo->fee * 4);
    }
  else if (package)
    {
      /* Ten sessions for the price of nine. */
      kab_client_set_billing_plan (client, KAB_BILLING_PLAN_PACKAGE);
      kab_client_set_package_size (client, 10);
      kab_client_set_fee (client, demo->fee * 9);
    }

  if (!save_client_at (demo, client, start, error))
    return FALSE;

  if (!monthly && !package && g_rand_int_range (demo->rand, 0, 100) < 30)
    return add_consultation (demo, culture, client, start, error);

  if (!add_therapy (demo, culture, client, start, error))
    return FALSE;

  return !monthly || add_monthly_fees (demo, culture, client, start, error);
}

/* The clinical record: a few clients' latest sessions have notes, written when the
 * session ended, most signed a little later, one corrected days after signing. The latest
 * note of up to three clients seen in the last weeks is still a draft: written days ago,
 * it waits in the "to sign" list as it would in a real practice. */
/* A draft is the note of a session in these last days. */
#define DEMO_DRAFT_DAYS 30

static const char * const journal_texts[][5] = {
  { "sv", "Beskriver sömnsvårigheter sedan flytten.", "Kartläggning av sömn och stress.",
    "Sömndagbok till nästa session.", "Fel uppgift om när flytten skedde." },
  { "nb", "Beskriver søvnvansker etter flyttingen.", "Kartlegging av søvn og stress.",
    "Søvndagbok til neste time.", "Feil opplysning om når flyttingen skjedde." },
  { "ru", "Жалуется на нарушения сна после переезда.", "Исследование сна и стресса.",
    "Дневник сна к следующей встрече.", "Неверно указано время переезда." },
  { "en", "Reports poor sleep since the move.", "Mapping of sleep and stress.",
    "Sleep diary for next session.", "Wrong time given for the move." },
};

static guint
journal_language (KabStore *store)
{
  const char *language = kab_practice_get_form_language (kab_store_get_practice (store));
  guint row = G_N_ELEMENTS (journal_texts) - 1;

  for (guint i = 0; i < G_N_ELEMENTS (journal_texts); i++)
    if (g_strcmp0 (language, journal_texts[i][0]) == 0)
      row = i;

  return row;
}

static char *
journal_text (KabStore *store,
              guint     variant)
{
  const char *language = kab_practice_get_form_language (kab_store_get_practice (store));
  g_autofree char *headings = kab_store_dup_journal_template (store, language);
  g_auto(GStrv) lines = g_strsplit (headings, "\n", -1);
  guint row = journal_language (store);
  GString *text = g_string_new (NULL);
  guint heading = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_append_printf (text, "%s\n", lines[i]);
      if (*lines[i] != '\0' && heading < 3)
        g_string_append_printf (text, "%s\n", journal_texts[row][1 + (heading++ + variant) % 3]);
    }

  return g_string_free (text, FALSE);
}

/* @hours after @session ended, but never after now. */
static GDateTime *
after_session (Demo       *demo,
               KabSession *session,
               int         hours)
{
  g_autoptr(GDateTime) end = kab_session_dup_end (session);
  g_autoptr(GDateTime) then = g_date_time_add_hours (end, hours);

  return g_date_time_ref (g_date_time_compare (then, demo->now) < 0 ? then : demo->now);
}

/* The note is written as the session ends and, unless it stays a draft, signed two hours
 * later: the store dates both, and the access log, at the store's "now". */
static gboolean
write_journal_entry (Demo             *demo,
                     KabSession       *session,
                     KabJournalEntry  *entry,
                     gboolean          draft,
                     GError          **error)
{
  g_autoptr(GDateTime) written = after_session (demo, session, 0);
  g_autoptr(GDateTime) signed_at = after_session (demo, session, 2);
  g_autoptr(GDateTime) before = kab_store_swap_test_now (written);
  g_autoptr(GDateTime) back = NULL;
  gboolean ok = kab_store_save_journal_draft (demo->store, entry, error);

  if (ok && !draft)
    {
      g_autoptr(GDateTime) ours = kab_store_swap_test_now (signed_at);

      ok = kab_store_sign_journal_entry (demo->store, entry, error);
    }

  back = kab_store_swap_test_now (before);
  return ok;
}

/* A correction three days after the session: a date given wrong in the signed note. */
static gboolean
correct_journal_entry (Demo             *demo,
                       KabJournalEntry  *entry,
                       const char       *corrected,
                       GError          **error)
{
  g_autoptr(GDateTime) later = g_date_time_add_days (kab_journal_entry_get_signed_at (entry), 3);
  g_autoptr(GDateTime) when = g_date_time_ref (g_date_time_compare (later, demo->now) < 0 ? later : demo->now);
  g_autoptr(GDateTime) before = kab_store_swap_test_now (when);
  gboolean ok = kab_store_correct_journal_entry (demo->store, entry,
                                                 journal_texts[journal_language (demo->store)][4],
                                                 corrected, error);
  g_autoptr(GDateTime) back = kab_store_swap_test_now (before);

  return ok;
}

static gboolean
add_journal (Demo    *demo,
             GError **error)
{
  GListModel *clients = kab_store_get_clients (demo->store);
  g_autoptr(GDateTime) recent = g_date_time_add_days (demo->now, -DEMO_DRAFT_DAYS);
  guint written = 0;
  guint drafts = 0;
  gboolean has_correction = FALSE;

  for (guint c = 0; c < g_list_model_get_n_items (clients) && c < 12; c++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (clients, c);
      g_autoptr(GListModel) sessions = kab_store_list_client_sessions (demo->store,
                                                                       kab_client_get_id (client),
                                                                       error);
      guint noted = 0;

      if (sessions == NULL)
        return FALSE;

      for (guint i = g_list_model_get_n_items (sessions); i > 0 && noted < 3; i--)
        {
          g_autoptr(KabSession) session = g_list_model_get_item (sessions, i - 1);
          g_autoptr(KabJournalEntry) entry = NULL;
          g_autofree char *text = NULL;
          g_autofree char *corrected = NULL;
          gboolean draft;

          if (kab_session_get_status (session) != KAB_SESSION_STATUS_ATTENDED ||
              g_date_time_compare (kab_session_get_start (session), demo->now) > 0)
            continue;

          text = journal_text (demo->store, written);
          entry = kab_journal_entry_new ();
          g_object_set (entry, "client-id", kab_client_get_id (client),
                        "session-id", kab_session_get_id (session),
                        "occurred", kab_session_get_start (session), "text", text, NULL);
          draft = noted == 0 && drafts < 3 &&
                  g_date_time_compare (kab_session_get_start (session), recent) > 0;
          drafts += draft;
          if (!write_journal_entry (demo, session, entry, draft, error))
            return FALSE;

          corrected = journal_text (demo->store, written + 1);
          if (!draft && !has_correction)
            {
              if (!correct_journal_entry (demo, entry, corrected, error))
                return FALSE;
              has_correction = TRUE;
            }

          noted++;
          written++;
        }
    }

  return TRUE;
}

/* The practitioner's own side: a Balint group every second Wednesday at 18:00 since about
 * ten months, and individual supervision once a month with a case brought each time. */
static gboolean
add_supervision (Demo        *demo,
                 const char  *language,
                 GError     **error)
{
  static const struct { const char *language, *balint_leader, *group, *supervisor; } people[] = {
    { "sv", "Lena Holm", "Balintgruppen Södermalm", "Per Sund" },
    { "nb", "Kari Strand", "Balintgruppa Majorstuen", "Jon Dahl" },
    { "ru", "Ирина Власова", "Балинтовская группа «Среда»", "Олег Никитин" },
    { "en", "Helen Carter", "Wednesday Balint Group", "David Shaw" },
  };
  GListModel *clients = kab_store_get_clients (demo->store);
  guint n_clients = g_list_model_get_n_items (clients);
  g_autoptr(GDateTime) back = g_date_time_add_days (demo->now, -300);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) until = g_date_time_add_weeks (demo->now, 8);
  g_autoptr(KabSupervision) balint = kab_supervision_new ();
  guint p = G_N_ELEMENTS (people) - 1;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    if (g_strcmp0 (people[i].language, language) == 0)
      p = i;

  first = g_date_time_new_local (g_date_time_get_year (back), g_date_time_get_month (back),
                                 g_date_time_get_day_of_month (back), 18, 0, 0);
  while (g_date_time_get_day_of_week (first) != 3)
    {
      GDateTime *next = g_date_time_add_days (first, 1);
      g_date_time_unref (first);
      first = next;
    }

  g_object_set (balint, "start", first, "duration", 90, "kind", KAB_SUPERVISION_KIND_BALINT,
                "leader", people[p].balint_leader, "group-name", people[p].group,
                "expense", (gint64)(demo->fee / 2), "currency", demo->currency, NULL);
  if (!kab_store_book_supervision_series (demo->store, balint, 2, until, NULL, error))
    return FALSE;

  for (int month = 10; month >= 1 && n_clients > 0; month--)
    {
      g_autoptr(GDateTime) day = g_date_time_add_months (demo->now, -month);
      g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (day),
                                                          g_date_time_get_month (day), 12, 9, 0, 0);
      g_autoptr(KabSupervision) meeting = kab_supervision_new ();
      g_autoptr(KabClient) client = g_list_model_get_item (clients, g_rand_int_range (demo->rand, 0, n_clients));
      g_autofree char *code = g_strdup_printf ("K-%d", 11 - month);

      g_object_set (meeting, "start", start, "duration", 60,
                    "kind", KAB_SUPERVISION_KIND_INDIVIDUAL, "leader", people[p].supervisor, NULL);
      /* Every other case by a code, the others by the initials. */
      kab_supervision_add_case (meeting, kab_client_get_id (client), month % 2 == 0 ? code : "");
      if (!kab_store_save_supervision (demo->store, meeting, error))
        return FALSE;
    }

  return TRUE;
}

static KabConsentTemplate *
latest_template (KabStore   *store,
                 const char *language)
{
  g_autoptr(GListModel) templates = kab_store_list_consent_templates (store, NULL);
  KabConsentTemplate *found = NULL;
  guint n = templates != NULL ? g_list_model_get_n_items (templates) : 0;

  /* Listed by key and version: the last one of the language is the newest. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabConsentTemplate) template = g_list_model_get_item (templates, i);

      if (g_strcmp0 (kab_consent_template_get_language (template), language) == 0 &&
          kab_consent_template_get_builtin (template))
        g_set_object (&found, template);
    }

  return found;
}

/**
 * kab_demo_fill:
 * @store: an empty database
 * @size: how large a practice, and the random seed
 * @now: the moment the practice has reached
 *
 * Fills @store with a practice that looks lived in: clients who came for a consultation
 * or stayed in weekly or fortnightly therapy, sessions attended, cancelled and missed,
 * payments, a few debts, agreements. The practitioner and currency follow the user's
 * language. All in one transaction: on failure nothing is left behind.
 */
gboolean
kab_demo_fill (KabStore           *store,
               const KabDemoSize  *size,
               GDateTime          *now,
               GError            **error)
{
  g_autoptr(KabPractice) practice = kab_practice_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (size->seed);
  Demo demo = { store, rand, now, NULL, NULL, 0, NULL };
  guint days = MAX (size->years, 1) * 365;

  g_return_val_if_fail (KAB_IS_STORE (store), FALSE);

  practice_for_locale (practice);
  demo.currency = kab_practice_get_currency (practice);
  /* A Norwegian practice has Norwegian clients, who pay by Vipps; an English one a mix. */
  for (guint i = 0; i < G_N_ELEMENTS (cultures); i++)
    {
      if (g_strcmp0 (cultures[i].language, kab_practice_get_form_language (practice)) == 0)
        demo.culture = &cultures[i];
    }
  demo.fee = kab_practice_get_default_fee (practice);
  demo.template = latest_template (store, kab_practice_get_form_language (practice));

  if (!kab_store_begin (store, error))
    goto out;

  if (!kab_store_save_practice (store, practice, error) ||
      !kab_store_fill_demo_identity (store, error))
    goto fail;

  for (guint i = 0; i < size->n_clients; i++)
    {
      if (!add_client (&demo, i, size->n_clients, days, error))
        goto fail;
    }

  /* The months up to today, as the store charges them when it opens. */
  {
    g_autoptr(GDateTime) today = kab_store_now ();

    if (!kab_store_apply_rules (store, today, error))
      goto fail;
  }

  if (!add_journal (&demo, error))
    goto fail;

  if (!add_supervision (&demo, kab_practice_get_form_language (practice), error))
    goto fail;

  if (kab_store_commit (store, error))
    {
      g_clear_object (&demo.template);
      return TRUE;
    }
  goto out;

fail:
  kab_store_rollback (store);
out:
  g_clear_object (&demo.template);
  return FALSE;
}
