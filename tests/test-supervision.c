/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-supervision.c: the practitioner's supervision log: hours per kind and year, group
 * series, the pseudonym rule; without a display */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "kab-model-error.h"
#include "kab-store.h"
#include "kab-supervision-summary.h"
#include "kab-test-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  KabStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kabinett-supervision-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "practice.db", NULL);
  f->store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
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

static KabClient *
add_client (KabStore   *store,
            const char *given,
            const char *family)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (client, "given-name", given, "family-name", family, "fee", (gint64)100000, NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_assert_no_error (error);
  return kab_store_find_client (store, kab_client_get_id (client));
}

static KabSupervision *
meeting_at (GDateTime          *start,
            int                 minutes,
            KabSupervisionKind  kind)
{
  KabSupervision *meeting = kab_supervision_new ();

  kab_supervision_set_start (meeting, start);
  kab_supervision_set_duration (meeting, minutes);
  kab_supervision_set_kind (meeting, kind);
  kab_supervision_set_leader (meeting, "Dr. Lena Holm");
  return meeting;
}

/* Random meetings over five years; the hours of each kind in each year, and since a date,
 * are what an oracle that adds them up from the rule says. */
static void
test_totals_over_years (Fixture       *f,
                        gconstpointer  data)
{
  guint32 seed = g_test_rand_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gint64 per_year[5][KAB_SUPERVISION_N_KINDS] = { { 0 } };
  gint64 since[KAB_SUPERVISION_N_KINDS] = { 0 };
  g_autoptr(GDateTime) since_date = g_date_time_new_local (2024, 7, 1, 0, 0, 0);

  g_test_message ("seed %u", seed);

  for (guint i = 0; i < 120; i++)
    {
      int year = 2022 + g_rand_int_range (rand, 0, 5);
      int month = g_rand_int_range (rand, 1, 13);
      int day = g_rand_int_range (rand, 1, 29);
      /* The edges of a year too: New Year's Eve late and New Year's morning. */
      int hour = (i % 10 == 0) ? 23 : (i % 10 == 1) ? 0 : g_rand_int_range (rand, 8, 21);
      int minutes = 15 * g_rand_int_range (rand, 1, 13);
      KabSupervisionKind kind = g_rand_int_range (rand, 0, KAB_SUPERVISION_N_KINDS);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(KabSupervision) meeting = NULL;
      g_autoptr(GError) error = NULL;

      if (i % 10 == 0)
        month = 12, day = 31;
      else if (i % 10 == 1)
        month = 1, day = 1;

      start = g_date_time_new_local (year, month, day, hour, 30, 0);
      meeting = meeting_at (start, minutes, kind);
      g_assert_true (kab_store_save_supervision (f->store, meeting, &error));
      g_assert_no_error (error);

      per_year[year - 2022][kind] += minutes;
      if (g_date_time_compare (start, since_date) >= 0)
        since[kind] += minutes;
    }

  for (int year = 2022; year <= 2026; year++)
    {
      g_autoptr(GDateTime) from = g_date_time_new_local (year, 1, 1, 0, 0, 0);
      g_autoptr(GDateTime) to = g_date_time_new_local (year + 1, 1, 1, 0, 0, 0);
      gint64 minutes[KAB_SUPERVISION_N_KINDS];
      g_autoptr(GError) error = NULL;

      g_assert_true (kab_store_get_supervision_minutes (f->store, from, to, minutes, &error));
      g_assert_no_error (error);
      for (guint k = 0; k < KAB_SUPERVISION_N_KINDS; k++)
        g_assert_cmpint (minutes[k], ==, per_year[year - 2022][k]);
    }

  {
    gint64 minutes[KAB_SUPERVISION_N_KINDS];
    g_autoptr(GError) error = NULL;

    g_assert_true (kab_store_get_supervision_minutes (f->store, since_date, NULL, minutes, &error));
    g_assert_no_error (error);
    for (guint k = 0; k < KAB_SUPERVISION_N_KINDS; k++)
      g_assert_cmpint (minutes[k], ==, since[k]);
  }
}

/* A Balint group every second Wednesday at 18:00: every meeting on a Wednesday at 18:00
 * local time (summer time or not), two weeks apart, up to the last day; and not one
 * session or charge for any client. */
static void
test_group_series (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) first = g_date_time_new_local (2026, 1, 7, 18, 0, 0);
  g_autoptr(GDateTime) until = g_date_time_new_local (2026, 6, 24, 0, 0, 0);
  g_autoptr(KabSupervision) meeting = meeting_at (first, 90, KAB_SUPERVISION_KIND_BALINT);
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GError) error = NULL;
  KabClient *client = add_client (f->store, "Anna", "Karlsson");
  gint64 charged = -1, paid = -1;
  guint count = 0;

  kab_supervision_set_group_name (meeting, "Balint Södermalm");
  kab_supervision_set_expense (meeting, 45000);
  kab_supervision_set_currency (meeting, "SEK");
  kab_supervision_add_case (meeting, kab_client_get_id (client), "K-1");

  g_assert_true (kab_store_book_supervision_series (f->store, meeting, 2, until, &count, &error));
  g_assert_no_error (error);
  /* 7 January to 24 June 2026, every 14 days: 13 meetings. */
  g_assert_cmpuint (count, ==, 13);
  g_assert_cmpint (kab_supervision_get_series_id (meeting), >, 0);

  meetings = kab_store_list_supervision (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 13);

  for (guint i = 0; i < 13; i++)
    {
      g_autoptr(KabSupervision) m = g_list_model_get_item (meetings, i);
      g_autoptr(GDateTime) expected = g_date_time_add_weeks (first, 2 * i);
      GDateTime *start = kab_supervision_get_start (m);

      g_assert_cmpint (g_date_time_get_day_of_week (start), ==, 3);
      g_assert_cmpint (g_date_time_get_hour (start), ==, 18);
      g_assert_cmpint (g_date_time_get_minute (start), ==, 0);
      g_assert_true (g_date_time_equal (start, expected));
      g_assert_cmpint (kab_supervision_get_series_id (m), ==, kab_supervision_get_series_id (meeting));
      g_assert_cmpint (kab_supervision_get_kind (m), ==, KAB_SUPERVISION_KIND_BALINT);
      g_assert_cmpstr (kab_supervision_get_group_name (m), ==, "Balint Södermalm");
      g_assert_cmpint (kab_supervision_get_expense (m), ==, 45000);
      /* The case was brought once, at the first meeting. */
      g_assert_cmpuint (kab_supervision_get_cases (m)->len, ==, i == 0 ? 1 : 0);
    }

  {
    g_autoptr(GDateTime) from = g_date_time_new_local (2025, 1, 1, 0, 0, 0);
    g_autoptr(GDateTime) to = g_date_time_new_local (2028, 1, 1, 0, 0, 0);

    sessions = kab_store_list_sessions (f->store, from, to, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 0);
  }
  g_assert_true (kab_store_get_totals (f->store, &charged, &paid, &error));
  g_assert_no_error (error);
  g_assert_cmpint (charged, ==, 0);
  g_assert_cmpint (kab_client_get_balance (client), ==, 0);

  /* A series that ends before it starts is refused, and books nothing. */
  {
    g_autoptr(GDateTime) early = g_date_time_new_local (2025, 12, 1, 0, 0, 0);
    g_autoptr(GListModel) again = NULL;

    g_assert_false (kab_store_book_supervision_series (f->store, meeting, 2, early, NULL, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    again = kab_store_list_supervision (f->store, NULL, NULL, &error);
    g_assert_cmpuint (g_list_model_get_n_items (again), ==, 13);
  }
}

/* A case brought is shown only by a code or the initials: a code with the client's name
 * in it is refused, a blank one becomes the initials, and the client's journal learns
 * the dates and nothing else. */
static void
test_pseudonym_rule (Fixture       *f,
                     gconstpointer  data)
{
  KabClient *anna = add_client (f->store, "Anna", "Karlsson");
  KabClient *olga = add_client (f->store, "Ольга", "Смирнова");
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, 4, 10, 0, 0);
  g_autoptr(KabSupervision) meeting = meeting_at (start, 60, KAB_SUPERVISION_KIND_INDIVIDUAL);
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const refused[] = { "Anna K", "karlsson", "ANNA", "K. (Karlsson)", NULL };

  for (guint i = 0; refused[i] != NULL; i++)
    {
      kab_supervision_clear_cases (meeting);
      kab_supervision_add_case (meeting, kab_client_get_id (anna), refused[i]);
      g_assert_false (kab_store_save_supervision (f->store, meeting, &error));
      g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE);
      g_clear_error (&error);
      g_assert_cmpint (kab_supervision_get_id (meeting), ==, 0);
    }

  kab_supervision_clear_cases (meeting);
  kab_supervision_add_case (meeting, kab_client_get_id (olga), "смирнова О.");
  g_assert_false (kab_store_save_supervision (f->store, meeting, &error));
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  kab_supervision_clear_cases (meeting);
  kab_supervision_add_case (meeting, kab_client_get_id (anna), "  ");
  kab_supervision_add_case (meeting, kab_client_get_id (olga), "B-7");
  kab_supervision_set_notes (meeting, "What the first session stirred in me");
  g_assert_true (kab_store_save_supervision (f->store, meeting, &error));
  g_assert_no_error (error);

  meetings = kab_store_list_supervision (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 1);
  {
    g_autoptr(KabSupervision) m = g_list_model_get_item (meetings, 0);
    g_autofree char *text = kab_supervision_dup_cases_text (m);

    g_assert_cmpstr (text, ==, "A. K., B-7");
    g_assert_null (strstr (text, "Anna"));
    g_assert_null (strstr (text, "Karlsson"));
    g_assert_null (strstr (text, "Ольга"));
  }

  dates = kab_store_list_supervision_for_client (f->store, kab_client_get_id (anna), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dates->len, ==, 1);
  g_assert_true (g_date_time_equal (g_ptr_array_index (dates, 0), start));
  g_clear_pointer (&dates, g_ptr_array_unref);

  dates = kab_store_list_supervision_for_client (f->store, 9999, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dates->len, ==, 0);

  /* A case of a client who is not in the practice is refused. */
  kab_supervision_add_case (meeting, 9999, "X");
  g_assert_false (kab_store_save_supervision (f->store, meeting, &error));
  g_assert_nonnull (error);
}

/* A reminder prepared is remembered, so that none is sent twice. */
static void
test_reminder_prepared (Fixture       *f,
                        gconstpointer  data)
{
  KabClient *anna = add_client (f->store, "Anna", "Karlsson");
  g_autoptr(KabSession) session = kab_session_new ();
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, 4, 10, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 3, 17, 0, 0);
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (session, "client-id", kab_client_get_id (anna), "start", start, NULL);
  g_assert_true (kab_store_save_session (f->store, session, &error));
  g_assert_no_error (error);

  g_assert_true (kab_store_get_reminder_prepared (f->store, kab_session_get_id (session), &when, &error));
  g_assert_null (when);
  g_assert_true (kab_store_mark_reminder_prepared (f->store, kab_session_get_id (session), now, &error));
  g_assert_no_error (error);
  g_assert_true (kab_store_get_reminder_prepared (f->store, kab_session_get_id (session), &when, &error));
  g_assert_nonnull (when);
  g_assert_true (g_date_time_equal (when, now));
  g_clear_pointer (&when, g_date_time_unref);

  /* Deleting the session forgets its reminder. */
  g_assert_true (kab_store_delete_session (f->store, session, &error));
  g_assert_no_error (error);
  g_assert_true (kab_store_get_reminder_prepared (f->store, kab_session_get_id (session), &when, &error));
  g_assert_null (when);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The certificate summary as PDF: the year's meetings, hours per kind and in total, a
 * signature line for each supervisor; and not one client's name of the practice, though
 * cases of several clients were brought and a careless note names one. */
static void
test_summary_pdf (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const names[][2] = {
    { "Anna", "Karlsson" }, { "Ольга", "Смирнова" }, { "Kari", "Nordmann" }, { "Björn", "Öberg" },
  };
  g_autoptr(GPtrArray) clients = g_ptr_array_new ();
  g_autoptr(GDateTime) first = g_date_time_new_local (2026, 1, 7, 18, 0, 0);
  g_autoptr(GDateTime) until = g_date_time_new_local (2026, 3, 4, 0, 0, 0);
  g_autoptr(GDateTime) from = g_date_time_new_local (2026, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_local (2027, 1, 1, 0, 0, 0);
  g_autoptr(KabSupervision) balint = meeting_at (first, 90, KAB_SUPERVISION_KIND_BALINT);
  g_autoptr(KabPrintDocument) document = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "summary.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;

  g_object_set (kab_store_get_practice (f->store), "practitioner-name", "Ingrid Berg", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (clients, add_client (f->store, names[i][0], names[i][1]));

  kab_supervision_set_group_name (balint, "Balint Södermalm");
  kab_supervision_set_leader (balint, "Lena Holm");
  kab_supervision_add_case (balint, kab_client_get_id (g_ptr_array_index (clients, 0)), "");
  g_assert_true (kab_store_book_supervision_series (f->store, balint, 2, until, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_new_local (2026, 2 + i, 10, 9, 0, 0);
      g_autoptr(KabSupervision) meeting = meeting_at (start, 60, KAB_SUPERVISION_KIND_INDIVIDUAL);

      kab_supervision_set_leader (meeting, "Per Sund");
      kab_supervision_set_notes (meeting, "Talked about Kari Nordmann and Anna's anger");
      kab_supervision_add_case (meeting, kab_client_get_id (g_ptr_array_index (clients, 1 + i)),
                                i == 0 ? "B-7" : "");
      g_assert_true (kab_store_save_supervision (f->store, meeting, &error));
      g_assert_no_error (error);
    }

  /* Last year's meeting is not in this year's summary. */
  {
    g_autoptr(GDateTime) start = g_date_time_new_local (2025, 11, 3, 9, 0, 0);
    g_autoptr(KabSupervision) meeting = meeting_at (start, 45, KAB_SUPERVISION_KIND_THERAPY);

    kab_supervision_set_leader (meeting, "Eva Lind");
    g_assert_true (kab_store_save_supervision (f->store, meeting, &error));
  }

  document = kab_supervision_summary_new (f->store, from, to, &error);
  g_assert_no_error (error);
  g_assert_true (kab_print_document_export_pdf (document, pdf, &error));
  g_assert_no_error (error);

  /* With KAB_SCREENSHOT_DIR set, the summary is kept there to look at. */
  if (g_getenv ("KAB_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *kept = g_build_filename (g_getenv ("KAB_SCREENSHOT_DIR"), "supervision-summary.pdf", NULL);
      g_autofree char *bytes = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (pdf, &bytes, &length, NULL));
      g_assert_true (g_file_set_contents (kept, bytes, length, NULL));
    }

  text = pdf_text (pdf);
  g_test_message ("%s", text);
  /* 5 Balint meetings of 90 minutes, 3 individual hours. */
  g_assert_nonnull (strstr (text, "Balint group: 7.5 h"));
  g_assert_nonnull (strstr (text, "Individual supervision: 3.0 h"));
  g_assert_nonnull (strstr (text, "Total: 10.5 h"));
  g_assert_nonnull (strstr (text, "2026-01-07"));
  g_assert_nonnull (strstr (text, "2026-03-04"));
  g_assert_null (strstr (text, "2025-11-03"));
  g_assert_nonnull (strstr (text, "Lena Holm, signature and date"));
  g_assert_nonnull (strstr (text, "Per Sund, signature and date"));
  g_assert_null (strstr (text, "Eva Lind"));
  g_assert_null (strstr (text, "Personal therapy"));

  /* The log's JSON too: the same check over the PDF's text and the JSON. */
  {
    g_autofree char *json_path = g_build_filename (f->dir, "log.json", NULL);
    g_autofree char *json = NULL;
    g_autofree char *both = NULL;

    g_assert_true (kab_store_export_supervision_json (f->store, from, to, json_path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
    g_assert_nonnull (strstr (json, "\"balint\""));
    g_assert_nonnull (strstr (json, "\"B-7\""));
    g_assert_null (strstr (json, "Talked about"));
    both = g_strconcat (text, "\n", json, NULL);
    g_free (text);
    text = g_steal_pointer (&both);
  }

  /* Every client of the practice, by given and by family name. */
  folded = g_utf8_casefold (text, -1);
  all = g_object_ref (kab_store_get_clients (f->store));
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (all, i);
      g_autofree char *given = g_utf8_casefold (kab_client_get_given_name (client), -1);
      g_autofree char *family = g_utf8_casefold (kab_client_get_family_name (client), -1);

      g_assert_null (strstr (folded, given));
      g_assert_null (strstr (folded, family));
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Summer time starts inside the series above. */
  g_setenv ("TZ", "Europe/Stockholm", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/supervision/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("totals-over-years", test_totals_over_years);
  ADD ("group-series", test_group_series);
  ADD ("pseudonym-rule", test_pseudonym_rule);
  ADD ("reminder-prepared", test_reminder_prepared);
  ADD ("summary-pdf", test_summary_pdf);

  return g_test_run ();
}
