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
    "Если вы не сможете прийти, пожалуйста, сообщите мне не позднее чем за {cancel_hours} ч.; "
    "более поздняя отмена оплачивается.\n"
    "\n"
    "С уважением,\n"
    "{practitioner}" },
  { "sv", "sv_SE.UTF-8", "%A %-d %B",
    "Påminnelse om din tid {date}",
    "Hej {client}!\n"
    "\n"
    "En påminnelse om din tid {date} kl. {time} på {address}.\n"
    "\n"
    "Om du inte kan komma, meddela mig senast {cancel_hours} timmar innan; "
    "senare avbokningar debiteras.\n"
    "\n"
    "Vänliga hälsningar\n"
    "{practitioner}" },
  { "nb", "nb_NO.UTF-8", "%A %-d. %B",
    "Påminnelse om timen din {date}",
    "Hei {client}!\n"
    "\n"
    "Dette er en påminnelse om timen din {date} kl. {time} i {address}.\n"
    "\n"
    "Hvis du ikke kan komme, gi beskjed senest {cancel_hours} timer før; "
    "senere avbestillinger faktureres.\n"
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
