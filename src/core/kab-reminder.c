/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-reminder.c: a session reminder's text in the client's language, as a mailto: URI or
 * an SMS text: the client's name, the time, the address and the cancellation rule, and
 * nothing clinical */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "kab-reminder.h"

/* The built-in texts are the practitioner's starting point, one per language of the
 * practice's documents; they are data, not the user interface, so they do not follow the
 * user's language but the client's. */
static const struct
{
  const char *language;
  const char *locale;
  const char *date_format;
  const char *subject;
  const char *body;
} languages[] = {
  { "en", "en_GB.UTF-8", "%A %-d %B",
    "Reminder: your appointment on {date}",
    "Hello {client},\n"
    "\n"
    "This is a reminder of your appointment on {date} at {time}, at {address}.\n"
    "\n"
    "If you cannot come, please let me know at least {cancel_hours} hours before; "
    "later cancellations are charged.\n"
    "\n"
    "Kind regards,\n"
    "{practitioner}" },
  { "ru", "ru_RU.UTF-8", "%-d %B (%A)",
    "Напоминание о встрече: {date}",
    "Здравствуйте, {client}!\n"
    "\n"
    "Напоминаю о нашей встрече: {date}, в {time}, по адресу: {address}.\n"
    "\n"
    "Если вы не сможете прийти, пожалуйста, сообщите мне не позднее чем за {cancel_hours} ч. до встречи; "
    "более поздняя отмена оплачивается.\n"
    "\n"
    "С уважением,\n"
    "{practitioner}" },
  { "sv", "sv_SE.UTF-8", "%A den %-d %B",
    "Påminnelse om din tid {date}",
    "Hej {client}!\n"
    "\n"
    "Det här är en påminnelse om din tid {date} kl. {time} på {address}.\n"
    "\n"
    "Om du får förhinder, meddela mig senast {cancel_hours} timmar innan. "
    "Senare avbokningar debiteras.\n"
    "\n"
    "Vänliga hälsningar\n"
    "{practitioner}" },
  { "nb", "nb_NO.UTF-8", "%A %-d. %B",
    "Påminnelse om timen din {date}",
    "Hei {client}!\n"
    "\n"
    "Dette er en påminnelse om timen din {date} kl. {time}, {address}.\n"
    "\n"
    "Hvis du ikke kan komme, gi meg beskjed senest {cancel_hours} timer i forveien; "
    "senere avbestillinger blir fakturert.\n"
    "\n"
    "Vennlig hilsen\n"
    "{practitioner}" },
};

static guint
language_index (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      if (g_strcmp0 (languages[i].language, language) == 0)
        return i;
    }

  return 0;
}

/**
 * kab_reminder_language:
 *
 * The language a client's reminder is written in. Today the practice's form language;
 * the one place to change when clients have a document language of their own.
 */
const char *
kab_reminder_language (KabPractice *practice,
                       KabClient   *client)
{
  g_return_val_if_fail (KAB_IS_PRACTICE (practice), "en");

  return languages[language_index (kab_practice_get_form_language (practice))].language;
}

const char *
kab_reminder_default_template (const char *language)
{
  return languages[language_index (language)].body;
}

/**
 * kab_reminder_dup_template:
 *
 * Returns: (transfer full): the practitioner's own text for @language, or the built-in one
 */
char *
kab_reminder_dup_template (KabStore   *store,
                           const char *language)
{
  g_autofree char *own = NULL;

  if (store != NULL)
    own = kab_store_dup_reminder_template (store, language, NULL);

  if (own != NULL && *own != '\0')
    return g_steal_pointer (&own);

  return g_strdup (kab_reminder_default_template (language));
}

/* Dates in the client's language whatever the user's locale: "onsdag 4 mars" in a Swedish
 * reminder. The locale switch is for this thread and this call only. */
static char *
format_in_language (GDateTime  *time,
                    const char *format,
                    const char *language)
{
  locale_t locale = newlocale (LC_CTYPE_MASK | LC_TIME_MASK, languages[language_index (language)].locale,
                               (locale_t)0);
  char *text;

  if (locale == (locale_t)0)
    return g_date_time_format (time, format);

  {
    locale_t old = uselocale (locale);

    text = g_date_time_format (time, format);
    uselocale (old);
    freelocale (locale);
  }

  return text;
}

static char *
dup_date (GDateTime  *start,
          const char *language)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (start);
  g_autofree char *date = format_in_language (local, languages[language_index (language)].date_format,
                                              language);

  /* Russian weekdays come capitalised from the C library, but sit mid-sentence here. */
  if (g_strcmp0 (languages[language_index (language)].language, "ru") == 0)
    return g_utf8_strdown (date, -1);

  return g_steal_pointer (&date);
}

static void
replace_all (GString    *text,
             const char *placeholder,
             const char *value)
{
  g_string_replace (text, placeholder, value != NULL ? value : "", 0);
}

/**
 * kab_reminder_render:
 * @template_text: the text with {client}, {date}, {time}, {address}, {cancel_hours} and
 *   {practitioner}
 * @start: the session's start
 *
 * Returns: (transfer full): the reminder
 */
char *
kab_reminder_render (const char  *template_text,
                     KabPractice *practice,
                     KabClient   *client,
                     GDateTime   *start,
                     const char  *language)
{
  g_autoptr(GString) text = g_string_new (template_text);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *hours = NULL;

  g_return_val_if_fail (template_text != NULL, NULL);
  g_return_val_if_fail (KAB_IS_PRACTICE (practice), NULL);
  g_return_val_if_fail (KAB_IS_CLIENT (client), NULL);
  g_return_val_if_fail (start != NULL, NULL);

  local = g_date_time_to_local (start);
  date = dup_date (start, language);
  time = g_date_time_format (local, "%H:%M");
  hours = g_strdup_printf ("%d", kab_practice_get_cancel_hours (practice));

  replace_all (text, "{client}", kab_client_get_given_name (client));
  replace_all (text, "{date}", date);
  replace_all (text, "{time}", time);
  replace_all (text, "{address}", kab_practice_get_address (practice));
  replace_all (text, "{cancel_hours}", hours);
  replace_all (text, "{practitioner}", kab_practice_get_practitioner_name (practice));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
kab_reminder_subject (KabClient  *client,
                      GDateTime  *start,
                      const char *language)
{
  g_autoptr(GString) text = g_string_new (languages[language_index (language)].subject);
  g_autofree char *date = dup_date (start, language);

  replace_all (text, "{date}", date);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* RFC 6068: a header value is percent-encoded UTF-8; everything but the unreserved
 * characters is encoded here, which is always allowed, and line breaks are CRLF. */
static void
append_encoded (GString    *uri,
                const char *text,
                const char *also_allowed)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\n' && (p == text || p[-1] != '\r'))
        g_string_append (uri, "%0D%0A");
      else if (g_ascii_isalnum (c) || strchr ("-._~", c) != NULL ||
               (also_allowed != NULL && c != '\0' && strchr (also_allowed, c) != NULL))
        g_string_append_c (uri, c);
      else
        g_string_append_printf (uri, "%%%02X", c);
    }
}

/**
 * kab_reminder_mailto_uri:
 * @to: the client's e-mail address
 *
 * Returns: (transfer full): a mailto: URI (RFC 6068) that opens the user's own mail
 *   program with the message ready
 */
char *
kab_reminder_mailto_uri (const char *to,
                         const char *subject,
                         const char *body)
{
  g_autoptr(GString) uri = g_string_new ("mailto:");

  g_return_val_if_fail (to != NULL, NULL);

  append_encoded (uri, to, "@");
  g_string_append (uri, "?subject=");
  append_encoded (uri, subject != NULL ? subject : "", NULL);
  g_string_append (uri, "&body=");
  append_encoded (uri, body != NULL ? body : "", NULL);

  return g_string_free (g_steal_pointer (&uri), FALSE);
}

void
kab_reminder_free (KabReminder *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->client);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_free (self->subject);
  g_free (self->text);
  g_free (self->uri);
  g_free (self);
}

static KabReminder *
reminder_new (KabStore  *store,
              KabClient *client,
              GPtrArray *sessions)
{
  KabPractice *practice = kab_store_get_practice (store);
  const char *language = kab_reminder_language (practice, client);
  g_autofree char *template_text = kab_reminder_dup_template (store, language);
  GDateTime *start = kab_session_get_start (g_ptr_array_index (sessions, 0));
  KabReminder *self = g_new0 (KabReminder, 1);

  self->client = g_object_ref (client);
  self->sessions = g_ptr_array_ref (sessions);
  self->subject = kab_reminder_subject (client, start, language);
  self->text = kab_reminder_render (template_text, practice, client, start, language);
  if (*kab_client_get_email (client) != '\0')
    self->uri = kab_reminder_mailto_uri (kab_client_get_email (client), self->subject, self->text);

  return self;
}

/**
 * kab_reminder_new_for_session:
 *
 * Returns: (transfer full) (nullable): the reminder for @session; %NULL when its client
 *   is not in the practice
 */
KabReminder *
kab_reminder_new_for_session (KabStore   *store,
                              KabSession *session)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  KabClient *client;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);
  g_return_val_if_fail (KAB_IS_SESSION (session), NULL);

  client = kab_store_find_client (store, kab_session_get_client_id (session));
  if (client == NULL)
    return NULL;

  g_ptr_array_add (sessions, g_object_ref (session));
  return reminder_new (store, client, sessions);
}

/**
 * kab_reminder_list_for_day:
 * @day: any time on the day, e.g. tomorrow
 *
 * The reminders still to prepare for @day: one per client, for the client's planned
 * sessions that day whose reminder was not prepared yet.
 *
 * Returns: (transfer full) (element-type KabReminder): the reminders, by first session
 */
GPtrArray *
kab_reminder_list_for_day (KabStore   *store,
                           GDateTime  *day,
                           GError    **error)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (day);
  g_autoptr(GDateTime) from = g_date_time_new_local (g_date_time_get_year (local),
                                                     g_date_time_get_month (local),
                                                     g_date_time_get_day_of_month (local), 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_add_days (from, 1);
  g_autoptr(GListModel) sessions = kab_store_list_sessions (store, from, to, error);
  g_autoptr(GPtrArray) reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) kab_reminder_free);
  g_autoptr(GHashTable) by_client = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  if (sessions == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(GDateTime) prepared = NULL;
      gint64 client_id = kab_session_get_client_id (session);
      GPtrArray *of_client;

      if (kab_session_get_status (session) != KAB_SESSION_STATUS_PLANNED)
        continue;
      if (!kab_store_get_reminder_prepared (store, kab_session_get_id (session), &prepared, error))
        return NULL;
      if (prepared != NULL)
        continue;

      of_client = g_hash_table_lookup (by_client, &client_id);
      if (of_client == NULL)
        {
          of_client = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_client, g_memdup2 (&client_id, sizeof client_id), of_client);
          g_ptr_array_add (order, of_client);
        }
      g_ptr_array_add (of_client, g_object_ref (session));
    }

  for (guint i = 0; i < order->len; i++)
    {
      GPtrArray *of_client = g_ptr_array_index (order, i);
      KabSession *first = g_ptr_array_index (of_client, 0);
      KabClient *client = kab_store_find_client (store, kab_session_get_client_id (first));

      if (client != NULL)
        g_ptr_array_add (reminders, reminder_new (store, client, of_client));
    }

  return g_steal_pointer (&reminders);
}

/**
 * kab_reminder_mark_prepared:
 *
 * Records, in one transaction, that the reminder for each of its sessions was prepared.
 */
gboolean
kab_reminder_mark_prepared (KabStore     *store,
                            KabReminder  *self,
                            GDateTime    *now,
                            GError      **error)
{
  g_return_val_if_fail (KAB_IS_STORE (store), FALSE);
  g_return_val_if_fail (self != NULL, FALSE);

  if (!kab_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < self->sessions->len; i++)
    {
      KabSession *session = g_ptr_array_index (self->sessions, i);

      if (!kab_store_mark_reminder_prepared (store, kab_session_get_id (session), now, error))
        {
          kab_store_rollback (store);
          return FALSE;
        }
    }

  return kab_store_commit (store, error);
}
