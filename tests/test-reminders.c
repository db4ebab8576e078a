/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reminders.c: reminder texts in the four languages and their mailto: URIs (RFC 6068) */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libical/ical.h>

#include "kab-ics-follower.h"
#include "kab-reminder.h"
#include "kab-session-notifier.h"
#include "kab-test-util.h"

typedef struct
{
  char        *dir;
  KabStore    *store;
  KabPractice *practice;
  KabClient   *client;
  GDateTime   *start;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KabClient) client = kab_client_new ();

  f->dir = g_dir_make_tmp ("kabinett-reminders-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "practice.db", NULL);
  f->store = kab_store_open (path, &error);
  g_assert_no_error (error);

  f->practice = g_object_ref (kab_store_get_practice (f->store));
  g_object_set (f->practice,
                "practitioner-name", "Ingrid Berg",
                "address", "Thereses gate 20, 0168 Oslo",
                "cancel-hours", 24,
                NULL);
  g_object_set (client,
                "given-name", "Anna", "family-name", "Karlsson",
                "email", "anna@example.se", "notes", "Panic attacks since spring",
                NULL);
  g_assert_true (kab_store_save_client (f->store, client, &error));
  g_assert_no_error (error);
  f->client = g_object_ref (kab_store_find_client (f->store, kab_client_get_id (client)));
  f->start = g_date_time_new_local (2026, 3, 4, 10, 0, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->start, g_date_time_unref);
  g_clear_object (&f->client);
  g_clear_object (&f->practice);
  g_clear_object (&f->store);
  kab_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *folded_part = g_utf8_casefold (part, -1);

  if (strstr (folded, folded_part) != NULL)
    g_error ("“%s” must not be in:\n%s", part, text);
}

/* Each language: the client's name, the date in that language, the time, the address and
 * the cancellation rule; and nothing clinical, not the family name either. */
static void
test_texts_in_four_languages (Fixture       *f,
                              gconstpointer  data)
{
  static const struct
  {
    const char *language;
    const char *parts[5];
    const char *subject_part;
  } cases[] = {
    { "en", { "Hello Anna", "Wednesday 4 March", "at 10:00", "24 hours", NULL }, "Wednesday 4 March" },
    { "ru", { "Здравствуйте, Anna", "4 марта (среда)", "в 10:00", "за 24 ч.", NULL }, "4 марта" },
    { "sv", { "Hej Anna", "onsdag den 4 mars", "kl. 10:00", "24 timmar", NULL }, "onsdag den 4 mars" },
    { "nb", { "Hei Anna", "onsdag 4. mars", "kl. 10:00", "24 timer", NULL }, "onsdag 4. mars" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *language = cases[i].language;
      g_autofree char *template_text = kab_reminder_dup_template (f->store, language);
      g_autofree char *text = kab_reminder_render (template_text, f->practice, f->client,
                                                   f->start, language);
      g_autofree char *subject = kab_reminder_subject (f->client, f->start, language);

      g_test_message ("%s:\n%s\n%s", language, subject, text);
      for (guint j = 0; cases[i].parts[j] != NULL; j++)
        assert_contains (text, cases[i].parts[j]);
      assert_contains (text, "Thereses gate 20, 0168 Oslo");
      assert_contains (text, "Ingrid Berg");
      assert_contains (subject, cases[i].subject_part);
      g_assert_null (strchr (text, '{'));

      assert_lacks (text, "Karlsson");
      assert_lacks (text, "Panic");
      assert_lacks (text, "psycho");
      assert_lacks (text, "психо");
      assert_lacks (text, "terapi");
      assert_lacks (subject, "Anna");
    }

  /* The form language decides, today; English for anything else. */
  kab_practice_set_form_language (f->practice, "sv");
  g_assert_cmpstr (kab_reminder_language (f->practice, f->client), ==, "sv");
  kab_practice_set_form_language (f->practice, "de");
  g_assert_cmpstr (kab_reminder_language (f->practice, f->client), ==, "en");
}

/* The practitioner's own text replaces the built-in one for that language only, and an
 * empty one brings the built-in one back. */
static void
test_own_template (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sv = NULL;
  g_autofree char *nb = NULL;
  g_autofree char *text = NULL;

  g_assert_true (kab_store_save_reminder_template (f->store, "sv", "Hej {client}, vi ses {date} {time}.", &error));
  g_assert_no_error (error);
  sv = kab_reminder_dup_template (f->store, "sv");
  nb = kab_reminder_dup_template (f->store, "nb");
  g_assert_cmpstr (sv, ==, "Hej {client}, vi ses {date} {time}.");
  g_assert_cmpstr (nb, ==, kab_reminder_default_template ("nb"));

  text = kab_reminder_render (sv, f->practice, f->client, f->start, "sv");
  g_assert_cmpstr (text, ==, "Hej Anna, vi ses onsdag den 4 mars 10:00.");

  g_assert_true (kab_store_save_reminder_template (f->store, "sv", "", &error));
  g_clear_pointer (&sv, g_free);
  sv = kab_reminder_dup_template (f->store, "sv");
  g_assert_cmpstr (sv, ==, kab_reminder_default_template ("sv"));
}

/* RFC 6068: UTF-8 percent-encoded, CRLF line breaks, "&", "=", "?", "%", "+" and "#"
 * encoded in header values; and it parses back to the same text. */
static void
test_mailto_uri (Fixture       *f,
                 gconstpointer  data)
{
  const char *body = "Hej Anna!\nKl. 10:00 & 50% = ok? #1 + Ø";
  g_autofree char *uri = kab_reminder_mailto_uri ("anna.k+test@example.se",
                                                  "Påminnelse 4 mars", body);
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_body = NULL;

  g_assert_cmpstr (uri, ==,
                   "mailto:anna.k%2Btest@example.se"
                   "?subject=P%C3%A5minnelse%204%20mars"
                   "&body=Hej%20Anna%21%0D%0AKl.%2010%3A00%20%26%2050%25%20%3D%20ok%3F%20%231%20%2B%20%C3%98");

  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_scheme (parsed), ==, "mailto");
  g_assert_cmpstr (g_uri_get_path (parsed), ==, "anna.k%2Btest@example.se");
  params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE, &error);
  g_assert_no_error (error);
  expected_body = g_strdup ("Hej Anna!\r\nKl. 10:00 & 50% = ok? #1 + Ø");
  g_assert_cmpstr (g_hash_table_lookup (params, "body"), ==, expected_body);
  g_assert_cmpstr (g_hash_table_lookup (params, "subject"), ==, "Påminnelse 4 mars");

  /* A CRLF already in the text stays one line break. */
  g_clear_pointer (&uri, g_free);
  uri = kab_reminder_mailto_uri ("a@b.se", "", "1\r\n2");
  g_assert_cmpstr (uri, ==, "mailto:a@b.se?subject=&body=1%0D%0A2");
}

static KabSession *
add_session (Fixture    *f,
             KabClient  *client,
             GDateTime  *start)
{
  KabSession *session = kab_session_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (session, "client-id", kab_client_get_id (client), "start", start, NULL);
  g_assert_true (kab_store_save_session (f->store, session, &error));
  g_assert_no_error (error);
  return session;
}

/* Tomorrow's reminders: one per client (two sessions of one client make one message), by
 * e-mail when there is an address and by SMS when not; once prepared, never again. */
static void
test_tomorrow (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(KabClient) lars = kab_client_new ();
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 3, 4, 0, 0, 0);
  g_autoptr(GDateTime) at10 = g_date_time_add_hours (day, 10);
  g_autoptr(GDateTime) at12 = g_date_time_add_hours (day, 12);
  g_autoptr(GDateTime) at15 = g_date_time_add_hours (day, 15);
  g_autoptr(GDateTime) next_day = g_date_time_add_hours (day, 34);
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 3, 17, 0, 0);
  g_autoptr(KabSession) s1 = NULL, s2 = NULL, s3 = NULL, s4 = NULL, s5 = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  KabClient *lars_client;

  g_object_set (lars, "given-name", "Lars", "family-name", "Berg", "phone", "+46 70 123 45 67", NULL);
  g_assert_true (kab_store_save_client (f->store, lars, &error));
  lars_client = kab_store_find_client (f->store, kab_client_get_id (lars));

  s1 = add_session (f, f->client, at15);
  s2 = add_session (f, lars_client, at12);
  s3 = add_session (f, f->client, at10);
  s4 = add_session (f, lars_client, next_day);
  s5 = add_session (f, lars_client, at15);
  kab_session_set_status (s5, KAB_SESSION_STATUS_CANCELLED_IN_TIME);
  g_assert_true (kab_store_save_session (f->store, s5, &error));

  reminders = kab_reminder_list_for_day (f->store, day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 2);
  {
    KabReminder *anna = g_ptr_array_index (reminders, 0);
    KabReminder *by_sms = g_ptr_array_index (reminders, 1);

    g_assert_true (anna->client == f->client);
    g_assert_cmpuint (anna->sessions->len, ==, 2);
    g_assert_nonnull (anna->uri);
    g_assert_true (g_str_has_prefix (anna->uri, "mailto:anna@example.se?subject="));
    g_assert_nonnull (strstr (anna->text, "10:00"));

    g_assert_true (by_sms->client == lars_client);
    g_assert_cmpuint (by_sms->sessions->len, ==, 1);
    g_assert_null (by_sms->uri);
    g_assert_nonnull (strstr (by_sms->text, "Lars"));
    g_assert_nonnull (strstr (by_sms->text, "12:00"));

    g_assert_true (kab_reminder_mark_prepared (f->store, anna, now, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&reminders, g_ptr_array_unref);

  reminders = kab_reminder_list_for_day (f->store, at12, &error);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_true (((KabReminder *) g_ptr_array_index (reminders, 0))->client == lars_client);
  g_assert_true (kab_reminder_mark_prepared (f->store, g_ptr_array_index (reminders, 0), now, &error));
  g_clear_pointer (&reminders, g_ptr_array_unref);

  reminders = kab_reminder_list_for_day (f->store, day, &error);
  g_assert_cmpuint (reminders->len, ==, 0);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct
{
  guint  n_events;
  char  *summaries;   /* "A. K.;L. B." */
  char  *first_start; /* DTSTART of the first event, as written */
} Parsed;

static void
parse_ics (const char *path,
           Parsed     *out)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) summaries = g_string_new ("");
  icalcomponent *calendar;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_true (icalcomponent_isa (calendar) == ICAL_VCALENDAR_COMPONENT);

  out->n_events = 0;
  g_clear_pointer (&out->first_start, g_free);
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      if (out->n_events == 0)
        out->first_start = g_strdup (icaltime_as_ical_string (icalcomponent_get_dtstart (event)));
      g_string_append_printf (summaries, "%s;", icalcomponent_get_summary (event));
      out->n_events++;
    }
  g_free (out->summaries);
  out->summaries = g_strdup (summaries->str);
  icalcomponent_free (calendar);
}

static guint64
inode_of (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_ino;
}

/* The followed calendar file: written when chosen, rewritten by a rename after each change
 * (a new file each time, never a half-written one, no temporary file left), initials only
 * by default, and it parses with libical every time. */
static void
test_followed_ics (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "calendar", NULL);
  g_autofree char *path = g_build_filename (folder, "practice.ics", NULL);
  g_autoptr(KabIcsFollower) follower = kab_ics_follower_new (f->store);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, 7);
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                      g_date_time_get_day_of_month (day), 10, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_add_hours (start, 3);
  g_autoptr(KabSession) session = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  Parsed parsed = { 0 };
  guint64 inode;
  g_autofree char *first_start = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (kab_ics_follower_get_initials_only (follower));

  kab_ics_follower_set_path (follower, path);
  iterate ();
  parse_ics (path, &parsed);
  g_assert_cmpuint (parsed.n_events, ==, 0);
  inode = inode_of (path);

  session = kab_session_new ();
  g_object_set (session, "client-id", kab_client_get_id (f->client), "start", start, NULL);
  g_assert_true (kab_store_save_session (f->store, session, &error));
  g_assert_no_error (error);
  iterate ();
  parse_ics (path, &parsed);
  g_assert_cmpuint (parsed.n_events, ==, 1);
  g_assert_cmpstr (parsed.summaries, ==, "A. K.;");
  g_assert_cmpuint (inode_of (path), !=, inode);
  inode = inode_of (path);
  first_start = g_strdup (parsed.first_start);

  kab_session_set_start (session, later);
  g_assert_true (kab_store_save_session (f->store, session, &error));
  iterate ();
  parse_ics (path, &parsed);
  g_assert_cmpuint (parsed.n_events, ==, 1);
  g_assert_cmpstr (parsed.first_start, !=, first_start);
  g_assert_cmpuint (inode_of (path), !=, inode);
  inode = inode_of (path);

  /* A renamed client is renamed in the file too; the full name only when asked for. */
  kab_client_set_given_name (f->client, "Berit");
  g_assert_true (kab_store_save_client (f->store, f->client, &error));
  iterate ();
  parse_ics (path, &parsed);
  g_assert_cmpstr (parsed.summaries, ==, "B. K.;");
  kab_ics_follower_set_initials_only (follower, FALSE);
  iterate ();
  parse_ics (path, &parsed);
  g_assert_cmpstr (parsed.summaries, ==, "Berit Karlsson;");

  g_assert_true (kab_store_delete_session (f->store, session, &error));
  iterate ();
  parse_ics (path, &parsed);
  g_assert_cmpuint (parsed.n_events, ==, 0);

  /* Only the file itself is in the folder: no temporary file was left behind. */
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "practice.ics");
  g_assert_null (g_dir_read_name (dir));

  g_free (parsed.summaries);
  g_free (parsed.first_start);
}

static void
on_due (KabSessionNotifier *notifier,
        KabSession         *session,
        const char         *title,
        const char         *body,
        GString            *told)
{
  g_string_append_printf (told, "%s|%s\n", title, body);
}

/* A notification a set number of minutes before each planned session, once, naming the
 * client by the initials only. */
static void
test_notifier (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(KabSessionNotifier) notifier = kab_session_notifier_new (f->store);
  g_autoptr(GString) told = g_string_new ("");
  g_autoptr(GDateTime) at944 = g_date_time_new_local (2026, 3, 4, 9, 44, 0);
  g_autoptr(GDateTime) at946 = g_date_time_new_local (2026, 3, 4, 9, 46, 0);
  g_autoptr(GDateTime) at950 = g_date_time_new_local (2026, 3, 4, 9, 50, 0);
  g_autoptr(KabSession) session = kab_session_new ();
  g_autoptr(KabSession) cancelled = kab_session_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (session, "client-id", kab_client_get_id (f->client), "start", f->start,
                "note", "Panic", NULL);
  g_assert_true (kab_store_save_session (f->store, session, &error));
  g_object_set (cancelled, "client-id", kab_client_get_id (f->client), "start", f->start,
                "status", KAB_SESSION_STATUS_CANCELLED_IN_TIME, NULL);
  g_assert_true (kab_store_save_session (f->store, cancelled, &error));
  g_signal_connect (notifier, "due", G_CALLBACK (on_due), told);

  kab_session_notifier_set_minutes (notifier, 15);
  g_assert_cmpuint (kab_session_notifier_check (notifier, at944), ==, 0);
  g_assert_cmpuint (kab_session_notifier_check (notifier, at946), ==, 1);
  g_assert_cmpuint (kab_session_notifier_check (notifier, at950), ==, 0);
  g_assert_cmpstr (told->str, ==, "Session at 10:00|A. K.\n");

  kab_session_notifier_set_minutes (notifier, 0);
  g_assert_cmpuint (kab_session_notifier_check (notifier, at946), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Stockholm", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/reminders/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("texts-in-four-languages", test_texts_in_four_languages);
  ADD ("own-template", test_own_template);
  ADD ("mailto-uri", test_mailto_uri);
  ADD ("tomorrow", test_tomorrow);
  ADD ("followed-ics", test_followed_ics);
  ADD ("notifier", test_notifier);

  return g_test_run ();
}
