/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal.c: the clinical record in the store: drafts, signing, locking,
 * corrections, each country's deletion rule, the access log, search and migration */

#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "kab-country.h"
#include "kab-demo.h"
#include "kab-model-error.h"
#include "kab-store.h"
#include "kab-store-private.h"
#include "kab-test-util.h"

typedef struct
{
  char      *dir;
  char      *path;
  KabStore  *store;
  KabClient *client;
} Fixture;

static void
set_practice (KabStore   *store,
              const char *name,
              const char *title,
              const char *country)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabPractice) practice = kab_practice_copy (kab_store_get_practice (store));

  g_object_set (practice, "practitioner-name", name, "title", title, "country", country, NULL);
  g_assert_true (kab_store_save_practice (store, practice, &error));
  g_assert_no_error (error);
}

static KabClient *
add_client (KabStore   *store,
            const char *given,
            const char *family)
{
  g_autoptr(GError) error = NULL;
  KabClient *client = kab_client_new ();

  g_object_set (client, "given-name", given, "family-name", family, NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_assert_no_error (error);
  return client;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kabinett-journal-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "practice.db", NULL);
  fixture->store = kab_store_open (fixture->path, &error);
  g_assert_no_error (error);
  set_practice (fixture->store, "Anna Berg", "leg. psykolog", KAB_COUNTRY_OTHER);
  fixture->client = add_client (fixture->store, "Øyvind", "Øvrebø");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->store);
  kab_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static KabJournalEntry *
new_draft (Fixture    *fixture,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_local (2026, 3, 10, 14, 0, 0);
  KabJournalEntry *entry = kab_journal_entry_new ();

  g_object_set (entry,
                "client-id", kab_client_get_id (fixture->client),
                "kind", KAB_JOURNAL_KIND_SESSION,
                "occurred", when,
                "text", text,
                NULL);
  g_assert_true (kab_store_save_journal_draft (fixture->store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kab_journal_entry_get_id (entry), >, 0);
  return entry;
}

static KabJournalEntry *
new_signed (Fixture    *fixture,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  KabJournalEntry *entry = new_draft (fixture, text);

  g_assert_true (kab_store_sign_journal_entry (fixture->store, entry, &error));
  g_assert_no_error (error);
  return entry;
}

/* Runs SQL straight on the store's connection, past every store function. */
static int
raw (Fixture    *fixture,
     const char *sql)
{
  return sqlite3_exec (fixture->store->db, sql, NULL, NULL, NULL) & 0xff;
}

static char *
stored_text (Fixture *fixture,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabJournalEntry) entry = kab_store_load_journal_entry (fixture->store, id, &error);

  g_assert_no_error (error);
  return g_strdup (kab_journal_entry_get_text (entry));
}

static guint
count_actions (Fixture          *fixture,
               KabJournalAction  action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = kab_store_list_journal_access (fixture->store,
                                                            kab_client_get_id (fixture->client),
                                                            &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < log->len; i++)
    n += ((KabJournalAccess *)g_ptr_array_index (log, i))->action == action;
  return n;
}

/* A draft is saved again and again; signing stores who and when and locks it. */
static void
test_draft_then_sign (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabJournalEntry) entry = new_draft (fixture, "Första");
  g_autoptr(KabJournalEntry) loaded = NULL;
  g_autofree char *text = NULL;

  kab_journal_entry_set_text (entry, "Första utkast, ändrat");
  g_assert_true (kab_store_save_journal_draft (fixture->store, entry, &error));
  g_assert_no_error (error);
  g_assert_false (kab_journal_entry_is_signed (entry));

  g_assert_true (kab_store_sign_journal_entry (fixture->store, entry, &error));
  g_assert_no_error (error);
  loaded = kab_store_load_journal_entry (fixture->store, kab_journal_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_nonnull (kab_journal_entry_get_signed_at (loaded));
  g_assert_cmpstr (kab_journal_entry_get_signed_by (loaded), ==, "Anna Berg, leg. psykolog");
  g_assert_cmpstr (kab_journal_entry_get_text (loaded), ==, "Första utkast, ändrat");
  g_assert_cmpuint (count_actions (fixture, KAB_JOURNAL_ACTION_SIGNED), ==, 1);

  /* The store's own path refuses an edit and a second signature. */
  kab_journal_entry_set_text (entry, "Overwritten");
  g_assert_false (kab_store_save_journal_draft (fixture->store, entry, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (kab_store_sign_journal_entry (fixture->store, loaded, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  g_clear_error (&error);

  text = stored_text (fixture, kab_journal_entry_get_id (entry));
  g_assert_cmpstr (text, ==, "Första utkast, ändrat");
}

/* Without a practitioner's name nothing can be signed; an empty note cannot either. */
static void
test_sign_needs_name_and_text (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabJournalEntry) empty = new_draft (fixture, "  ");
  g_autoptr(KabJournalEntry) entry = new_draft (fixture, "Text");

  g_assert_false (kab_store_sign_journal_entry (fixture->store, empty, &error));
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_MISSING_VALUE);
  g_clear_error (&error);

  set_practice (fixture->store, "", "", KAB_COUNTRY_OTHER);
  g_assert_false (kab_store_sign_journal_entry (fixture->store, entry, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  g_assert_false (kab_journal_entry_is_signed (entry));
}

/* The database itself refuses to overwrite a signed entry, whoever asks. */
static void
test_direct_update_of_signed_fails (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(KabJournalEntry) entry = new_signed (fixture, "Signed text");
  g_autoptr(KabJournalEntry) draft = new_draft (fixture, "Draft text");
  g_autofree char *update = g_strdup_printf ("UPDATE journal_entry SET text = 'Forged'"
                                             " WHERE id = %" G_GINT64_FORMAT,
                                             kab_journal_entry_get_id (entry));
  g_autofree char *unsign = g_strdup_printf ("UPDATE journal_entry SET signed_at = NULL"
                                             " WHERE id = %" G_GINT64_FORMAT,
                                             kab_journal_entry_get_id (entry));
  g_autofree char *resign = g_strdup_printf ("UPDATE journal_entry SET signed_by = 'X'"
                                             " WHERE id = %" G_GINT64_FORMAT,
                                             kab_journal_entry_get_id (entry));
  g_autofree char *erase = g_strdup_printf ("UPDATE journal_entry SET text = '',"
                                            " deleted_at = 1, deletion_reason = 'x'"
                                            " WHERE id = %" G_GINT64_FORMAT,
                                            kab_journal_entry_get_id (entry));
  g_autofree char *delete = g_strdup_printf ("DELETE FROM journal_entry WHERE id = %" G_GINT64_FORMAT,
                                             kab_journal_entry_get_id (entry));
  g_autofree char *edit_draft = g_strdup_printf ("UPDATE journal_entry SET text = 'ok'"
                                                 " WHERE id = %" G_GINT64_FORMAT,
                                                 kab_journal_entry_get_id (draft));
  g_autofree char *text = NULL;

  g_assert_cmpint (raw (fixture, update), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw (fixture, unsign), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw (fixture, resign), ==, SQLITE_CONSTRAINT);
  /* A deletion that is not logged is refused too. */
  g_assert_cmpint (raw (fixture, erase), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw (fixture, delete), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw (fixture, edit_draft), ==, SQLITE_OK);

  text = stored_text (fixture, kab_journal_entry_get_id (entry));
  g_assert_cmpstr (text, ==, "Signed text");
}

/* A correction is a row of its own: the original stays, who/when/why are kept. */
static void
test_correction (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabJournalEntry) entry = new_signed (fixture, "Client reports sleep of 4 h.");
  g_autoptr(KabJournalEntry) draft = new_draft (fixture, "Draft");
  g_autoptr(GPtrArray) corrections = NULL;
  g_autofree char *text = NULL;
  g_autofree char *forge = NULL;
  KabJournalCorrection *correction;

  g_assert_false (kab_store_correct_journal_entry (fixture->store, entry, "", "x", &error));
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_MISSING_VALUE);
  g_clear_error (&error);
  g_assert_false (kab_store_correct_journal_entry (fixture->store, draft, "why", "x", &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  g_clear_error (&error);

  g_assert_true (kab_store_correct_journal_entry (fixture->store, entry, "Wrong figure",
                                                  "Client reports sleep of 6 h.", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kab_journal_entry_get_n_corrections (entry), ==, 1);

  corrections = kab_store_list_journal_corrections (fixture->store,
                                                    kab_journal_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (corrections->len, ==, 1);
  correction = g_ptr_array_index (corrections, 0);
  g_assert_cmpstr (correction->reason, ==, "Wrong figure");
  g_assert_cmpstr (correction->text, ==, "Client reports sleep of 6 h.");
  g_assert_cmpstr (correction->made_by, ==, "Anna Berg, leg. psykolog");
  g_assert_nonnull (correction->made_at);
  g_assert_false (correction->objection);

  text = stored_text (fixture, kab_journal_entry_get_id (entry));
  g_assert_cmpstr (text, ==, "Client reports sleep of 4 h.");
  g_assert_cmpuint (count_actions (fixture, KAB_JOURNAL_ACTION_CORRECTED), ==, 1);

  /* A correction is locked as well. */
  forge = g_strdup_printf ("UPDATE journal_correction SET text = 'x' WHERE id = %" G_GINT64_FORMAT,
                           correction->id);
  g_assert_cmpint (raw (fixture, forge), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw (fixture, "DELETE FROM journal_correction"), ==, SQLITE_CONSTRAINT);
}

/* Sweden: a signed entry is never deleted; the client's objection is attached instead. */
static void
test_delete_sweden_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabJournalEntry) entry = new_signed (fixture, "Bedömning: …");
  g_autoptr(GDateTime) decided = g_date_time_new_local (2026, 4, 1, 0, 0, 0);
  g_autoptr(GPtrArray) corrections = NULL;
  g_autofree char *text = NULL;
  g_autofree char *forge = NULL;

  set_practice (fixture->store, "Anna Berg", "leg. psykolog", KAB_COUNTRY_SWEDEN);
  g_assert_false (kab_store_delete_journal_entry (fixture->store, entry, "Client asks",
                                                  decided, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  g_clear_error (&error);

  /* Even a logged deletion straight in the database is refused in Sweden. */
  forge = g_strdup_printf ("INSERT INTO journal_access (at, client_id, entry_id, action)"
                           " VALUES (1, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'deleted');"
                           "UPDATE journal_entry SET text = '', deleted_at = 1,"
                           " deletion_reason = 'x', deletion_decided = '2026-01-01'"
                           " WHERE id = %" G_GINT64_FORMAT,
                           kab_client_get_id (fixture->client), kab_journal_entry_get_id (entry),
                           kab_journal_entry_get_id (entry));
  g_assert_cmpint (raw (fixture, "SAVEPOINT forge"), ==, SQLITE_OK);
  g_assert_cmpint (raw (fixture, forge), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw (fixture, "ROLLBACK TO forge; RELEASE forge"), ==, SQLITE_OK);

  g_assert_true (kab_store_record_journal_objection (fixture->store, entry,
                                                     "The client disagrees with the assessment.",
                                                     &error));
  g_assert_no_error (error);
  corrections = kab_store_list_journal_corrections (fixture->store,
                                                    kab_journal_entry_get_id (entry), &error);
  g_assert_cmpuint (corrections->len, ==, 1);
  g_assert_true (((KabJournalCorrection *)g_ptr_array_index (corrections, 0))->objection);

  text = stored_text (fixture, kab_journal_entry_get_id (entry));
  g_assert_cmpstr (text, ==, "Bedömning: …");
  g_assert_cmpuint (count_actions (fixture, KAB_JOURNAL_ACTION_OBJECTION), ==, 1);
  g_assert_cmpuint (count_actions (fixture, KAB_JOURNAL_ACTION_DELETED), ==, 0);
}

/* Norway: deletion needs a reason and the decision's date; the text and its corrections
 * are gone, the deletion is logged and search no longer finds it. */
static void
test_delete_norway (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabJournalEntry) entry = new_signed (fixture, "Vurdering: hemmelig ord");
  g_autoptr(GDateTime) decided = g_date_time_new_local (2026, 4, 1, 0, 0, 0);
  g_autoptr(GPtrArray) corrections = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(KabJournalEntry) loaded = NULL;

  set_practice (fixture->store, "Kari Nordmann", "psykolog", KAB_COUNTRY_NORWAY);
  g_assert_true (kab_store_correct_journal_entry (fixture->store, entry, "Feil",
                                                  "Vurdering: rettet hemmelig", &error));

  g_assert_false (kab_store_delete_journal_entry (fixture->store, entry, "", decided, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (kab_store_delete_journal_entry (fixture->store, entry, "Krav fra pasient",
                                                  NULL, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  g_clear_error (&error);

  g_assert_true (kab_store_delete_journal_entry (fixture->store, entry, "Krav fra pasient",
                                                 decided, &error));
  g_assert_no_error (error);

  loaded = kab_store_load_journal_entry (fixture->store, kab_journal_entry_get_id (entry), &error);
  g_assert_cmpstr (kab_journal_entry_get_text (loaded), ==, "");
  g_assert_true (kab_journal_entry_is_deleted (loaded));
  g_assert_cmpstr (kab_journal_entry_get_deletion_reason (loaded), ==, "Krav fra pasient");
  corrections = kab_store_list_journal_corrections (fixture->store,
                                                    kab_journal_entry_get_id (entry), &error);
  g_assert_cmpuint (corrections->len, ==, 1);
  g_assert_cmpstr (((KabJournalCorrection *)g_ptr_array_index (corrections, 0))->text, ==, "");
  g_assert_cmpuint (count_actions (fixture, KAB_JOURNAL_ACTION_DELETED), ==, 1);

  found = kab_store_search_journal (fixture->store, 0, "hemmelig", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);

  /* Once deleted it stays deleted. */
  g_assert_cmpint (raw (fixture, "UPDATE journal_entry SET text = 'back'"), ==, SQLITE_CONSTRAINT);
}

/* Elsewhere: a reason is enough. */
static void
test_delete_elsewhere (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabJournalEntry) entry = new_signed (fixture, "Заметка");
  g_autoptr(KabJournalEntry) draft = new_draft (fixture, "Черновик");

  set_practice (fixture->store, "Ирина Петрова", "психолог", KAB_COUNTRY_RUSSIA);
  g_assert_false (kab_store_delete_journal_entry (fixture->store, entry, " ", NULL, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_true (kab_store_delete_journal_entry (fixture->store, entry, "Ошибка клиента",
                                                 NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kab_journal_entry_get_text (entry), ==, "");

  /* A draft goes entirely, and that is logged too. */
  g_assert_true (kab_store_delete_journal_entry (fixture->store, draft, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (kab_store_load_journal_entry (fixture->store, kab_journal_entry_get_id (draft), &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_actions (fixture, KAB_JOURNAL_ACTION_DELETED), ==, 2);
}

/* The access log only grows; viewing, printing and exporting are recorded. */
static void
test_access_log (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabJournalEntry) entry = new_signed (fixture, "Text");
  g_autoptr(GPtrArray) log = NULL;
  gint64 client_id = kab_client_get_id (fixture->client);
  g_autofree char *json_path = g_build_filename (fixture->dir, "export.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  g_assert_true (kab_store_log_journal_access (fixture->store, client_id, 0,
                                               KAB_JOURNAL_ACTION_OPENED, NULL, &error));
  g_assert_true (kab_store_log_journal_access (fixture->store, client_id, 0,
                                               KAB_JOURNAL_ACTION_PRINTED, "2026", &error));
  g_assert_true (kab_store_export_client_json (fixture->store, client_id, json_path, &error));
  g_assert_no_error (error);

  log = kab_store_list_journal_access (fixture->store, client_id, &error);
  g_assert_cmpuint (log->len, ==, 4);
  g_assert_cmpint (((KabJournalAccess *)g_ptr_array_index (log, 0))->action, ==, KAB_JOURNAL_ACTION_SIGNED);
  g_assert_cmpint (((KabJournalAccess *)g_ptr_array_index (log, 0))->entry_id, ==, kab_journal_entry_get_id (entry));
  g_assert_cmpint (((KabJournalAccess *)g_ptr_array_index (log, 1))->action, ==, KAB_JOURNAL_ACTION_OPENED);
  g_assert_cmpstr (((KabJournalAccess *)g_ptr_array_index (log, 2))->detail, ==, "2026");
  g_assert_cmpint (((KabJournalAccess *)g_ptr_array_index (log, 3))->action, ==, KAB_JOURNAL_ACTION_EXPORTED);

  g_assert_cmpint (raw (fixture, "UPDATE journal_access SET action = 'opened'"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw (fixture, "DELETE FROM journal_access"), ==, SQLITE_CONSTRAINT);

  /* The export carries the journal and its log. */
  g_assert_true (json_parser_load_from_file (parser, json_path, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "journal")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "journal_access_log")), ==, 4);
  g_assert_true (json_object_has_member (root, "journal_corrections"));
}

/* Search matches parts of words in any script and case, per client or practice-wide. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabClient) other = add_client (fixture->store, "Иван", "Иванов");
  g_autoptr(KabJournalEntry) a = new_draft (fixture, "Samtal om Øvrebø och sömnen");
  g_autoptr(KabJournalEntry) b = new_signed (fixture, "Тревога перед экзаменом");
  g_autoptr(KabJournalEntry) c = kab_journal_entry_copy (a);
  g_autoptr(GListModel) found = NULL;

  g_object_set (c, "id", (gint64)0, "client-id", kab_client_get_id (other),
                "text", "Сон: ТРЕВОГА ночью", NULL);
  g_assert_true (kab_store_save_journal_draft (fixture->store, c, &error));

  found = kab_store_search_journal (fixture->store, 0, "øvr", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);

  found = kab_store_search_journal (fixture->store, 0, "тревог", &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
  g_clear_object (&found);

  found = kab_store_search_journal (fixture->store, kab_client_get_id (fixture->client),
                                    "тревог", &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);

  /* Edits of a draft are found at once; the old words no longer are. */
  kab_journal_entry_set_text (a, "Samtal om arbetet");
  g_assert_true (kab_store_save_journal_draft (fixture->store, a, &error));
  found = kab_store_search_journal (fixture->store, 0, "Øvrebø", &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
  g_clear_object (&found);

  /* Shorter than a trigram, within a client. */
  found = kab_store_search_journal (fixture->store, kab_client_get_id (other), "со", &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);

  /* A correction's words find its entry. */
  g_assert_true (kab_store_correct_journal_entry (fixture->store, b, "Fel ord",
                                                  "Паническая атака перед экзаменом", &error));
  found = kab_store_search_journal (fixture->store, 0, "паническ", &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);

  /* A quote in the query is text, not syntax. */
  found = kab_store_search_journal (fixture->store, 0, "\"om ar", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
}

/* One client's search, from the rule: an entry is found when its text or one of its
 * corrections holds the query, in any case. Random journals in three scripts are
 * searched for random parts of their words, and each answer is compared with that rule
 * and, for three characters or more, with the practice-wide trigram search limited to
 * the client: the two ways of searching agree. */
static gboolean
oracle_holds (const char *text,
              const char *query)
{
  g_autofree char *folded_text = g_utf8_casefold (text, -1);
  g_autofree char *folded_query = g_utf8_casefold (query, -1);

  return strstr (folded_text, folded_query) != NULL;
}

static void
test_search_client_oracle (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const words[] = {
    "sömn", "Oro", "Øvrebø", "søvnvansker", "Тревога", "сон", "arbete", "familj",
    "bedömning", "vurdering", "план", "STRESS", "åtgärd", "tiltak", "наблюдения", "panik",
  };
  guint32 seed = g_test_rand_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(KabClient) other = add_client (fixture->store, "Olof", "Persson");
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);  /* entry text + corrections */
  g_autoptr(GError) error = NULL;
  gint64 client_id = kab_client_get_id (fixture->client);

  g_test_message ("seed %u", seed);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      gboolean mine = g_rand_boolean (rand);
      KabJournalEntry *entry;

      for (guint w = 0; w < 6; w++)
        g_string_append_printf (text, "%s ", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      entry = new_draft (fixture, text->str);
      if (!mine)
        {
          g_object_set (entry, "client-id", kab_client_get_id (other), NULL);
          g_assert_true (kab_store_save_journal_draft (fixture->store, entry, &error));
          g_assert_no_error (error);
        }
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
          g_autofree char *corrected = g_strdup_printf ("rättat: %s", word);

          g_assert_true (kab_store_sign_journal_entry (fixture->store, entry, &error));
          g_assert_no_error (error);
          g_assert_true (kab_store_correct_journal_entry (fixture->store, entry, "Fel ord", corrected, &error));
          g_assert_no_error (error);
          g_string_append_printf (text, "\n%s", corrected);
        }
      g_ptr_array_add (entries, entry);
      g_ptr_array_add (texts, g_string_free (g_steal_pointer (&text), FALSE));
    }

  for (guint q = 0; q < 200; q++)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
      glong length = g_utf8_strlen (word, -1);
      glong from = g_rand_int_range (rand, 0, (gint32) length);
      glong count = g_rand_int_range (rand, 1, (gint32) (length - from) + 1);
      g_autofree char *part = g_utf8_substring (word, from, from + count);
      g_autofree char *query = g_rand_boolean (rand) ? g_utf8_strup (part, -1) : g_utf8_strdown (part, -1);
      g_autoptr(GListModel) found = kab_store_search_journal (fixture->store, client_id, query, &error);
      guint n_expected = 0;

      g_assert_no_error (error);
      for (guint i = 0; i < entries->len; i++)
        {
          KabJournalEntry *entry = g_ptr_array_index (entries, i);

          if (kab_journal_entry_get_client_id (entry) == client_id &&
              oracle_holds (g_ptr_array_index (texts, i), query))
            n_expected++;
        }
      if (g_list_model_get_n_items (found) != n_expected)
        g_error ("seed %u: \"%s\" found %u entries, the rule says %u", seed, query,
                 g_list_model_get_n_items (found), n_expected);
      for (guint k = 0; k < g_list_model_get_n_items (found); k++)
        {
          g_autoptr(KabJournalEntry) hit = g_list_model_get_item (found, k);
          gboolean expected_hit = FALSE;

          for (guint i = 0; i < entries->len; i++)
            if (kab_journal_entry_get_id (g_ptr_array_index (entries, i)) == kab_journal_entry_get_id (hit))
              expected_hit = kab_journal_entry_get_client_id (hit) == client_id &&
                             oracle_holds (g_ptr_array_index (texts, i), query);
          if (!expected_hit)
            g_error ("seed %u: \"%s\" found entry %" G_GINT64_FORMAT " against the rule", seed, query,
                     kab_journal_entry_get_id (hit));
        }

      /* The trigram index agrees, where it can answer (three characters or more). */
      if (g_utf8_strlen (query, -1) >= KAB_JOURNAL_SEARCH_MIN_CHARS)
        {
          g_autoptr(GListModel) practice = kab_store_search_practice_journal (fixture->store, query, 1000, &error);
          guint mine = 0;

          g_assert_no_error (error);
          for (guint k = 0; k < g_list_model_get_n_items (practice); k++)
            {
              g_autoptr(KabJournalEntry) hit = g_list_model_get_item (practice, k);

              mine += kab_journal_entry_get_client_id (hit) == client_id;
            }
          if (mine != n_expected)
            g_error ("seed %u: \"%s\": the practice search finds %u of the client's entries, hers %u",
                     seed, query, mine, n_expected);
        }
    }
}

/* The list is newest first; an entry left unsigned for more than a day is to sign. */
static void
test_list_and_to_sign (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabJournalEntry) old = new_draft (fixture, "Old");
  g_autoptr(KabJournalEntry) fresh = new_draft (fixture, "Fresh");
  g_autoptr(KabJournalEntry) signed_entry = new_signed (fixture, "Signed");
  g_autoptr(GDateTime) later = g_date_time_new_local (2026, 5, 1, 9, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) to_sign = NULL;
  g_autoptr(KabJournalEntry) first = NULL;
  g_autofree char *age = g_strdup_printf ("UPDATE journal_entry SET created = created - 90000"
                                          " WHERE id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                          kab_journal_entry_get_id (old),
                                          kab_journal_entry_get_id (signed_entry));
  guint count = 99;

  kab_journal_entry_set_occurred (fresh, later);
  g_assert_true (kab_store_save_journal_draft (fixture->store, fresh, &error));
  list = kab_store_list_journal (fixture->store, kab_client_get_id (fixture->client), NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpint (kab_journal_entry_get_id (first), ==, kab_journal_entry_get_id (fresh));

  g_assert_true (kab_store_count_journal_to_sign (fixture->store, now, &count, &error));
  g_assert_cmpuint (count, ==, 0);
  /* Only the draft may be aged: the signed entry's created time is locked. */
  g_assert_cmpint (raw (fixture, age), ==, SQLITE_CONSTRAINT);
  g_free (age);
  age = g_strdup_printf ("UPDATE journal_entry SET created = created - 90000"
                         " WHERE id = %" G_GINT64_FORMAT, kab_journal_entry_get_id (old));
  g_assert_cmpint (raw (fixture, age), ==, SQLITE_OK);
  g_assert_true (kab_store_count_journal_to_sign (fixture->store, now, &count, &error));
  g_assert_cmpuint (count, ==, 1);
  to_sign = kab_store_list_journal_to_sign (fixture->store, now, &error);
  g_assert_cmpuint (g_list_model_get_n_items (to_sign), ==, 1);

  g_assert_true (kab_store_sign_journal_entry (fixture->store, old, &error));
  g_assert_true (kab_store_count_journal_to_sign (fixture->store, now, &count, &error));
  g_assert_cmpuint (count, ==, 0);
}

/* A session's entry is found from the session; a deleted session leaves it undated by
 * session but kept. */
static void
test_session_entry (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabSession) session = kab_session_new ();
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, 10, 14, 0, 0);
  g_autoptr(KabJournalEntry) entry = kab_journal_entry_new ();
  g_autoptr(KabJournalEntry) found = NULL;
  g_autoptr(KabJournalEntry) none = NULL;

  g_object_set (session, "client-id", kab_client_get_id (fixture->client), "start", start,
                "duration", 50, NULL);
  g_assert_true (kab_store_save_session (fixture->store, session, &error));
  g_assert_no_error (error);

  none = kab_store_find_session_journal_entry (fixture->store, kab_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_null (none);

  g_object_set (entry, "client-id", kab_client_get_id (fixture->client),
                "session-id", kab_session_get_id (session), "occurred", start,
                "text", "Session note", NULL);
  g_assert_true (kab_store_sign_journal_entry (fixture->store, entry, &error));
  g_assert_no_error (error);

  found = kab_store_find_session_journal_entry (fixture->store, kab_session_get_id (session), &error);
  g_assert_nonnull (found);
  g_assert_cmpint (kab_journal_entry_get_id (found), ==, kab_journal_entry_get_id (entry));
  g_clear_object (&found);

  g_assert_true (kab_store_delete_session (fixture->store, session, &error));
  g_assert_no_error (error);
  found = kab_store_load_journal_entry (fixture->store, kab_journal_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kab_journal_entry_get_text (found), ==, "Session note");
  g_assert_cmpint (kab_journal_entry_get_session_id (found), ==, 0);
}

/* Erasing a client after the retention period takes the journal and its log too. */
static void
test_erase_client_takes_journal (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabJournalEntry) entry = new_signed (fixture, "Text");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 client_id = kab_client_get_id (fixture->client);
  g_autoptr(GPtrArray) log = NULL;

  g_assert_true (kab_store_correct_journal_entry (fixture->store, entry, "why", "new", &error));
  g_assert_true (kab_store_erase_client (fixture->store, client_id, TRUE, now, &error));
  g_assert_no_error (error);

  log = kab_store_list_journal_access (fixture->store, client_id, &error);
  g_assert_cmpuint (log->len, ==, 0);
  g_assert_null (kab_store_load_journal_entry (fixture->store, kab_journal_entry_get_id (entry), &error));
  g_clear_error (&error);
  g_assert_cmpint (raw (fixture, "DELETE FROM journal_erasure"), ==, SQLITE_OK);
}

/* A client with a journal is archived, never deleted. */
static void
test_client_with_journal_kept (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabJournalEntry) entry = new_draft (fixture, "Telefon: bokade om");

  g_assert_false (kab_store_delete_client (fixture->store, fixture->client, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
}

/* The demo practice shows the journal: entries signed, one corrected, one draft. */
static void
test_demo_journal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kabinett-journal-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(KabStore) store = kab_store_open (path, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GListModel *clients;
  guint n_signed = 0, n_drafts = 0, n_corrected = 0;

  g_assert_no_error (error);
  g_assert_true (kab_demo_fill (store, &KAB_DEMO_SIZE_SMALL, now, &error));
  g_assert_no_error (error);

  clients = kab_store_get_clients (store);
  for (guint c = 0; c < g_list_model_get_n_items (clients); c++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (clients, c);
      g_autoptr(GListModel) entries = kab_store_list_journal (store, kab_client_get_id (client),
                                                              NULL, NULL, &error);

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(KabJournalEntry) entry = g_list_model_get_item (entries, i);

          n_signed += kab_journal_entry_is_signed (entry);
          n_drafts += !kab_journal_entry_is_signed (entry);
          n_corrected += kab_journal_entry_get_n_corrections (entry) > 0;
        }
    }

  g_assert_cmpuint (n_signed, >=, 2);
  g_assert_cmpuint (n_drafts, >=, 1);
  g_assert_cmpuint (n_drafts, <, n_signed);
  g_assert_cmpuint (n_corrected, ==, 1);

  /* The drafts were written when their sessions ended, days ago: they wait to be signed,
   * as drafts, and each was written after its session began and before now. */
  {
    g_autoptr(GListModel) to_sign = kab_store_list_journal_to_sign (store, now, &error);
    guint n_to_sign = 0;

    g_assert_no_error (error);
    g_assert_true (kab_store_count_journal_to_sign (store, now, &n_to_sign, &error));
    g_assert_cmpuint (n_to_sign, >=, 1);
    g_assert_cmpuint (n_to_sign, ==, g_list_model_get_n_items (to_sign));
    for (guint i = 0; i < n_to_sign; i++)
      {
        g_autoptr(KabJournalEntry) entry = g_list_model_get_item (to_sign, i);

        g_assert_false (kab_journal_entry_is_signed (entry));
        g_assert_cmpint (g_date_time_compare (kab_journal_entry_get_updated (entry),
                                              kab_journal_entry_get_occurred (entry)), >, 0);
        g_assert_cmpint (g_date_time_compare (kab_journal_entry_get_updated (entry), now), <, 0);
      }
  }

  g_clear_object (&store);
  kab_test_remove_tree (dir);
}

/* Notes from before the journal become imported, unsigned entries: nothing is lost. */
static void
test_migrates_old_notes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kabinett-journal-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(KabStore) old = kab_store_open_at_version (path, 5 /* the schema before the journal (step 6) */, &error);
  g_autoptr(KabStore) store = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(KabJournalEntry) newest = NULL;
  g_autoptr(KabJournalEntry) oldest = NULL;
  g_autoptr(KabJournalEntry) from_client = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint to_sign = 99;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (old->db,
    "INSERT INTO client (id, given_name, family_name, notes, created, updated)"
    "  VALUES (1, 'Åsa', 'Ek', 'Föredrar morgontider', 1700000000, 1700000500);"
    "INSERT INTO client (id, given_name, family_name, created, updated)"
    "  VALUES (2, 'Per', 'Ek', 1700000000, 1700000000);"
    "INSERT INTO session (id, client_id, start, duration, kind, status, fee, note)"
    "  VALUES (10, 1, 1710000000, 50, 'psychotherapy', 'attended', 0, 'Talade om sömn');"
    "INSERT INTO session (id, client_id, start, duration, kind, status, fee, note)"
    "  VALUES (11, 1, 1711000000, 50, 'psychotherapy', 'attended', 0, 'Uppföljning');"
    "INSERT INTO session (id, client_id, start, duration, kind, status, fee, note)"
    "  VALUES (12, 2, 1711000000, 50, 'psychotherapy', 'planned', 0, '  ');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&old);

  store = kab_store_open (path, &error);
  g_assert_no_error (error);
  entries = kab_store_list_journal (store, 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 3);

  newest = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (kab_journal_entry_get_text (newest), ==, "Uppföljning");
  g_assert_cmpint (kab_journal_entry_get_session_id (newest), ==, 11);
  g_assert_cmpint (kab_journal_entry_get_kind (newest), ==, KAB_JOURNAL_KIND_SESSION);
  g_assert_cmpint (g_date_time_to_unix (kab_journal_entry_get_occurred (newest)), ==, 1711000000);
  g_assert_true (kab_journal_entry_get_imported (newest));
  g_assert_false (kab_journal_entry_is_signed (newest));

  oldest = g_list_model_get_item (entries, 2);
  from_client = g_list_model_get_item (entries, 1);
  /* The client's note is dated when it was last changed, before both sessions. */
  g_assert_cmpstr (kab_journal_entry_get_text (oldest), ==, "Föredrar morgontider");
  g_assert_cmpint (kab_journal_entry_get_kind (oldest), ==, KAB_JOURNAL_KIND_NOTE);
  g_assert_cmpint (kab_journal_entry_get_session_id (oldest), ==, 0);
  g_assert_cmpstr (kab_journal_entry_get_text (from_client), ==, "Talade om sömn");
  g_clear_object (&entries);

  entries = kab_store_list_journal (store, 2, NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 0);

  /* Imported notes are not reminders to sign. */
  g_assert_true (kab_store_count_journal_to_sign (store, now, &to_sign, &error));
  g_assert_cmpuint (to_sign, ==, 0);

  g_clear_object (&store);
  kab_test_remove_tree (dir);
}

/* The client's identity number is checked by the practice's country when saved. */
static void
test_identity_number_by_country (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabClient) copy = kab_client_copy (fixture->client);
  KabClient *listed;

  set_practice (fixture->store, "Anna Berg", "leg. psykolog", KAB_COUNTRY_SWEDEN);
  kab_client_set_identity_number (copy, "811228-9875");
  g_assert_false (kab_store_save_client (fixture->store, copy, &error));
  g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  kab_client_set_identity_number (copy, "811228-9874");
  g_assert_true (kab_store_save_client (fixture->store, copy, &error));
  g_assert_no_error (error);

  g_clear_object (&fixture->store);
  fixture->store = kab_store_open (fixture->path, &error);
  g_assert_no_error (error);
  listed = kab_store_find_client (fixture->store, kab_client_get_id (copy));
  g_assert_cmpstr (kab_client_get_identity_number (listed), ==, "811228-9874");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/journal/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("draft-then-sign", test_draft_then_sign);
  ADD ("sign-needs-name-and-text", test_sign_needs_name_and_text);
  ADD ("direct-update-of-signed-fails", test_direct_update_of_signed_fails);
  ADD ("correction", test_correction);
  ADD ("delete-sweden-refused", test_delete_sweden_refused);
  ADD ("delete-norway", test_delete_norway);
  ADD ("delete-elsewhere", test_delete_elsewhere);
  ADD ("access-log", test_access_log);
  ADD ("search", test_search);
  ADD ("search-client-oracle", test_search_client_oracle);
  ADD ("list-and-to-sign", test_list_and_to_sign);
  ADD ("session-entry", test_session_entry);
  ADD ("erase-client-takes-journal", test_erase_client_takes_journal);
  ADD ("identity-number-by-country", test_identity_number_by_country);
  ADD ("client-with-journal-kept", test_client_with_journal_kept);
  g_test_add_func ("/journal/migrates-old-notes", test_migrates_old_notes);
  g_test_add_func ("/journal/demo", test_demo_journal);

  return g_test_run ();
}
