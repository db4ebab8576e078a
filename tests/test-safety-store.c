/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-safety-store.c: backups and their rotation, restore, per-client export and erasure */

#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "test-safety-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  char     *backup_dir;
  KabStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kabinett-safety-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "kabinett.db", NULL);
  f->backup_dir = g_build_filename (f->dir, "backups", NULL);
  f->store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  kab_test_remove_tree (f->dir);
  g_free (f->backup_dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
close_store (Fixture *f)
{
  g_clear_object (&f->store);
}

static KabStore *
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
  return f->store;
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static GDateTime *
day (int year, int month, int d)
{
  return g_date_time_new_local (year, month, d, 9, 30, 0);
}

/* A client with a bit of everything: two attended sessions (so two charges), a payment,
 * a signed agreement. */
static gint64
add_full_client (KabStore   *store,
                 const char *given,
                 const char *family,
                 GDateTime  *when)
{
  g_autoptr(KabClient) client = safety_add_client (store, given, family);
  gint64 id = kab_client_get_id (client);
  g_autoptr(GDateTime) later = g_date_time_add_weeks (when, 1);
  g_autoptr(KabSession) s1 = safety_add_session (store, id, when, KAB_SESSION_STATUS_ATTENDED);
  g_autoptr(KabSession) s2 = safety_add_session (store, id, later, KAB_SESSION_STATUS_ATTENDED);
  g_autoptr(KabPayment) p = safety_add_payment (store, id, later, 200000);
  g_autoptr(KabConsent) c = safety_add_consent (store, id, when,
                                                "# Agreement\n\nClient: {client} agreed.\n");

  return id;
}

/* Files and modes */

static void
test_database_and_backups_private (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = day (2026, 11, 22);
  g_autofree char *backup = g_build_filename (f->backup_dir, "kabinett-2026-11-22.db", NULL);
  g_autofree char *manual = g_build_filename (f->dir, "copy.db", NULL);

  g_assert_cmpuint (mode_of (f->path), ==, 0600);

  /* A folder made by someone else with a lax mode is tightened. */
  g_assert_cmpint (g_mkdir (f->backup_dir, 0755), ==, 0);
  g_assert_true (kab_store_backup_daily (f->store, now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (f->backup_dir), ==, 0700);
  g_assert_cmpuint (mode_of (backup), ==, 0600);

  g_assert_true (kab_store_backup_to (f->store, manual, &error));
  g_assert_cmpuint (mode_of (manual), ==, 0600);

  g_assert_true (kab_store_export_client_json (f->store, add_full_client (f->store, "Ann", "Lee", now),
                                               manual, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (manual), ==, 0600);
}

static void
test_default_backup_dir (void)
{
  g_autofree char *path = kab_store_default_path ();
  g_autofree char *dir = kab_store_get_backup_dir (path);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "kabinett", "backups", NULL);

  g_assert_cmpstr (dir, ==, expected);
}

/* Daily backups and rotation */

static void
test_daily_backup_once_a_day (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) morning = day (2026, 11, 22);
  g_autoptr(GDateTime) evening = g_date_time_add_hours (morning, 10);
  g_autoptr(GDateTime) next = g_date_time_add_days (morning, 1);
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *first = g_build_filename (f->backup_dir, "kabinett-2026-11-22.db", NULL);
  g_autofree char *checksum = NULL;
  g_autoptr(KabClient) client = NULL;

  g_assert_true (kab_store_backup_daily (f->store, morning, &error));
  g_assert_no_error (error);
  checksum = safety_file_checksum (first);

  /* A change later that day does not replace the morning's copy. */
  client = safety_add_client (f->store, "Ольга", "Смирнова");
  g_assert_true (kab_store_backup_daily (f->store, evening, &error));
  g_assert_cmpuint (safety_count_dir (f->backup_dir), ==, 1);
  g_assert_cmpstr (safety_file_checksum (first), ==, checksum);

  g_assert_true (kab_store_backup_daily (f->store, next, &error));
  g_assert_cmpuint (safety_count_dir (f->backup_dir), ==, 2);

  backups = kab_store_list_backups (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_true (g_str_has_suffix (((KabBackup *)backups->pdata[0])->path, "kabinett-2026-11-23.db"));
  g_assert_cmpint (g_date_time_get_day_of_month (((KabBackup *)backups->pdata[0])->date), ==, 23);
  g_assert_cmpuint (((KabBackup *)backups->pdata[0])->size, >, 0);
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (first, &st), ==, 0);
    g_assert_cmpuint (((KabBackup *)backups->pdata[1])->size, ==, (guint64)st.st_size);
  }

  /* The copy is a sound database of this practice, without the later client. */
  {
    g_autoptr(KabStore) copy = NULL;
    g_autofree char *tmp_db = g_build_filename (f->dir, "check.db", NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (first, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (tmp_db, contents, length, NULL));
    copy = kab_store_open (tmp_db, &error);
    g_assert_no_error (error);
    g_assert_true (kab_store_check_integrity (copy, &error));
    g_assert_cmpuint (g_list_model_get_n_items (kab_store_get_clients (copy)), ==, 0);
  }
}

static void
test_list_ignores_other_files (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  const char *others[] = { "notes.txt", "kabinett-2026-13.db", "kabinett-2026-01-01.db.tmp",
                           "other-2026-01-01.db", "kabinett-20260101.db" };

  /* No folder yet: no backups, no error. */
  backups = kab_store_list_backups (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 0);
  g_clear_pointer (&backups, g_ptr_array_unref);

  g_assert_cmpint (g_mkdir (f->backup_dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (f->backup_dir, others[i], NULL);
      g_assert_true (g_file_set_contents (path, "x", 1, NULL));
    }

  backups = kab_store_list_backups (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 0);
}

/* The expected survivors of rotation, computed independently: the 7 newest days and the
 * first day of each of the 12 newest months. */
static void
test_rotation_keeps_7_daily_12_monthly (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = day (2025, 1, 10);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const int n_days = 500;
  g_autoptr(GDateTime) last = g_date_time_add_days (start, n_days - 1);

  for (int i = 0; i < n_days; i++)
    {
      g_autoptr(GDateTime) now = g_date_time_add_days (start, i);

      g_assert_true (kab_store_backup_daily (f->store, now, &error));
      g_assert_no_error (error);
    }

  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) d = g_date_time_add_days (last, -i);
      g_hash_table_add (expected, g_date_time_format (d, "kabinett-%Y-%m-%d.db"));
    }

  for (int m = 0; m < 12; m++)
    {
      g_autoptr(GDateTime) month = g_date_time_add_months (last, -m);
      g_autoptr(GDateTime) first = g_date_time_new_local (g_date_time_get_year (month),
                                                          g_date_time_get_month (month), 1, 9, 30, 0);

      /* The oldest month may have started before the first backup. */
      if (g_date_time_compare (first, start) < 0)
        g_hash_table_add (expected, g_date_time_format (start, "kabinett-%Y-%m-%d.db"));
      else
        g_hash_table_add (expected, g_date_time_format (first, "kabinett-%Y-%m-%d.db"));
    }

  backups = kab_store_list_backups (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, g_hash_table_size (expected));
  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *name = g_path_get_basename (((KabBackup *)backups->pdata[i])->path);

      if (!g_hash_table_contains (expected, name))
        g_error ("rotation kept %s", name);
      g_assert_cmpuint (mode_of (((KabBackup *)backups->pdata[i])->path), ==, 0600);
    }

  /* Newest first. */
  for (guint i = 1; i < backups->len; i++)
    g_assert_cmpint (g_date_time_compare (((KabBackup *)backups->pdata[i - 1])->date,
                                          ((KabBackup *)backups->pdata[i])->date), >, 0);
  g_test_message ("%d daily runs left %u backups", n_days, backups->len);
}

static void
test_backup_fails_cleanly (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = day (2026, 11, 22);

  /* A file where the folder should be. */
  g_assert_true (g_file_set_contents (f->backup_dir, "x", 1, NULL));
  g_assert_false (kab_store_backup_daily (f->store, now, &error));
  safety_assert_user_error (error);
  g_assert_true (error->domain == KAB_STORE_ERROR);
}

/* Integrity */

static void
test_integrity_check (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = day (2025, 3, 3);
  sqlite3 *db = NULL;

  add_full_client (f->store, "Ann", "Lee", now);
  g_assert_true (kab_store_check_integrity (f->store, &error));
  g_assert_no_error (error);
  close_store (f);

  /* A charge pointing at a client that is gone, written behind the store's back. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF;"
                                 "INSERT INTO payment (client_id, date, amount, currency, method)"
                                 " VALUES (4242, 0, 1, 'EUR', 'cash');", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  reopen (f);
  g_assert_false (kab_store_check_integrity (f->store, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT);
  safety_assert_user_error (error);
  g_assert_nonnull (strstr (error->message, "payment"));
}

/* Restore */

static void
test_restore_replaces_and_keeps_copy (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) monday = day (2026, 11, 23);
  g_autoptr(GDateTime) tuesday = day (2026, 11, 24);
  g_autoptr(GDateTime) restore_time = g_date_time_add_hours (tuesday, 5);
  g_autofree char *monday_backup = g_build_filename (f->backup_dir, "kabinett-2026-11-23.db", NULL);
  g_autofree char *safety = NULL;
  g_autofree char *safety2 = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  gint64 kept, lost;
  gint64 charged = 0, paid = 0;

  kept = add_full_client (f->store, "Ann", "Lee", monday);
  g_assert_true (kab_store_backup_daily (f->store, monday, &error));
  lost = add_full_client (f->store, "Åse", "Berg", tuesday);

  /* While the store is open, nothing happens. */
  g_assert_false (kab_store_restore_backup (f->path, monday_backup, restore_time, &safety, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_LOCKED);
  safety_assert_user_error (error);
  g_assert_null (safety);
  g_clear_error (&error);
  g_assert_nonnull (kab_store_find_client (f->store, lost));

  close_store (f);
  g_assert_true (kab_store_restore_backup (f->path, monday_backup, restore_time, &safety, &error));
  g_assert_no_error (error);
  g_assert_nonnull (safety);
  g_assert_true (g_str_has_suffix (safety, "kabinett-2026-11-24-143000.db"));
  g_assert_cmpuint (mode_of (safety), ==, 0600);
  g_assert_cmpuint (mode_of (f->path), ==, 0600);

  reopen (f);
  g_assert_true (kab_store_check_integrity (f->store, &error));
  g_assert_nonnull (kab_store_find_client (f->store, kept));
  g_assert_null (kab_store_find_client (f->store, lost));
  g_assert_true (kab_store_get_totals (f->store, &charged, &paid, &error));
  g_assert_cmpint (charged, ==, 300000);
  g_assert_cmpint (paid, ==, 200000);

  /* The copy taken before is listed, and restoring it undoes the restore. */
  backups = kab_store_list_backups (f->path, &error);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpstr (((KabBackup *)backups->pdata[0])->path, ==, safety);

  close_store (f);
  g_assert_true (kab_store_restore_backup (f->path, safety, restore_time, &safety2, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (safety, !=, safety2);
  reopen (f);
  g_assert_nonnull (kab_store_find_client (f->store, lost));
}

static void
test_restore_damaged_database (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = day (2026, 11, 23);
  g_autofree char *backup = g_build_filename (f->backup_dir, "kabinett-2026-11-23.db", NULL);
  g_autofree char *safety = NULL;
  g_autofree char *damaged_checksum = NULL;
  char garbage[8192];
  gint64 id;

  id = add_full_client (f->store, "Ann", "Lee", now);
  g_assert_true (kab_store_backup_daily (f->store, now, &error));
  close_store (f);

  /* The database's file is overwritten with garbage: it no longer opens. */
  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char)(i * 31 + 7);
  g_assert_true (g_file_set_contents (f->path, garbage, sizeof garbage, NULL));
  damaged_checksum = safety_file_checksum (f->path);
  g_assert_null (kab_store_open (f->path, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_true (kab_store_restore_backup (f->path, backup, now, &safety, &error));
  g_assert_no_error (error);
  /* The damaged file is kept as it was, in case something can be saved from it. */
  g_assert_cmpstr (safety_file_checksum (safety), ==, damaged_checksum);
  g_assert_cmpuint (mode_of (f->path), ==, 0600);

  reopen (f);
  g_assert_nonnull (kab_store_find_client (f->store, id));
}

static void
test_restore_refuses_bad_backups (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = day (2026, 11, 23);
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.db", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *safety = NULL;
  sqlite3 *db = NULL;

  add_full_client (f->store, "Ann", "Lee", now);
  g_assert_true (kab_store_backup_to (f->store, newer, &error));
  close_store (f);
  before = safety_file_checksum (f->path);

  g_assert_true (g_file_set_contents (garbage, "SQLite format 3\0 but not really", 32, NULL));
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_false (kab_store_restore_backup (f->path, garbage, now, &safety, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT);
  safety_assert_user_error (error);
  g_clear_error (&error);

  g_assert_false (kab_store_restore_backup (f->path, newer, now, &safety, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_TOO_NEW);
  safety_assert_user_error (error);
  g_clear_error (&error);

  g_assert_false (kab_store_restore_backup (f->path, missing, now, &safety, &error));
  safety_assert_user_error (error);
  g_clear_error (&error);

  g_assert_false (kab_store_restore_backup (f->path, f->path, now, &safety, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  safety_assert_user_error (error);
  g_clear_error (&error);

  g_assert_null (safety);
  g_assert_cmpstr (safety_file_checksum (f->path), ==, before);
  /* No copy was needed, so none was made, and the backup itself was not touched. */
  g_assert_false (g_file_test (f->backup_dir, G_FILE_TEST_EXISTS));
  {
    g_autofree char *wal = g_strconcat (newer, "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
}

/* Export */

static JsonObject *
load_json (const char *path,
           JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_export_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2025, 3, 3, 9, 0, 0);
  g_autofree char *path = g_build_filename (f->dir, "Ольга.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *client, *first_session, *consent;
  JsonArray *sessions, *charges, *payments, *consents;
  gint64 id, other;

  id = add_full_client (f->store, "Ольга", "O'Brien \"; DROP TABLE client; --", when);
  other = add_full_client (f->store, "Someone", "Else", when);

  g_assert_true (kab_store_export_client_json (f->store, id, path, &error));
  g_assert_no_error (error);

  root = load_json (path, parser);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==,
                   "org.kabinett.Kabinett.client-export");
  g_assert_cmpint (json_object_get_int_member (root, "balance"), ==, 100000);

  client = json_object_get_object_member (root, "client");
  g_assert_cmpint (json_object_get_int_member (client, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (client, "given_name"), ==, "Ольга");
  g_assert_cmpstr (json_object_get_string_member (client, "family_name"), ==,
                   "O'Brien \"; DROP TABLE client; --");
  g_assert_false (json_object_has_member (client, "name_fold"));

  sessions = json_object_get_array_member (root, "sessions");
  charges = json_object_get_array_member (root, "charges");
  payments = json_object_get_array_member (root, "payments");
  consents = json_object_get_array_member (root, "consents");
  g_assert_cmpuint (json_array_get_length (sessions), ==, 2);
  g_assert_cmpuint (json_array_get_length (charges), ==, 2);
  g_assert_cmpuint (json_array_get_length (payments), ==, 1);
  g_assert_cmpuint (json_array_get_length (consents), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "series")), ==, 0);

  first_session = json_array_get_object_element (sessions, 0);
  g_assert_cmpstr (json_object_get_string_member (first_session, "start"), ==, "2025-03-03T09:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (first_session, "status"), ==, "attended");
  g_assert_cmpint (json_object_get_int_member (first_session, "fee"), ==, 150000);
  g_assert_false (json_object_get_boolean_member (first_session, "detached"));
  g_assert_true (json_object_get_null_member (first_session, "series_id"));

  consent = json_array_get_object_element (consents, 0);
  g_assert_cmpstr (json_object_get_string_member (consent, "rendered_text"), ==,
                   "# Agreement\n\nClient: {client} agreed.\n");

  /* Another client's records are not in it. */
  for (guint i = 0; i < json_array_get_length (payments); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (payments, i), "id"),
                     !=, other);

  /* An unknown client is an error, and writes nothing. */
  g_assert_false (kab_store_export_client_json (f->store, 999999, path, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND);
}

static void
test_export_unwritable (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = day (2025, 3, 3);
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "x.json", NULL);
  gint64 id = add_full_client (f->store, "Ann", "Lee", when);

  g_assert_false (kab_store_export_client_json (f->store, id, path, &error));
  safety_assert_user_error (error);
  g_assert_true (error->domain == KAB_STORE_ERROR);
}

/* Erasure */

static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  for (gsize i = 0; i + strlen (needle) <= length; i++)
    {
      if (memcmp (contents + i, needle, strlen (needle)) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_erase_respects_retention (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) last = g_date_time_new_local (2025, 3, 3, 10, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 1, 15, 12, 0, 0);
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GDateTime) later = g_date_time_new_local (2035, 3, 10, 12, 0, 0);
  g_autoptr(KabPractice) practice = kab_practice_copy (kab_store_get_practice (f->store));
  g_auto(SafetySnapshot) before = { 0, };
  gint64 id;

  kab_practice_set_retention_years (practice, 10);
  g_assert_true (kab_store_save_practice (f->store, practice, &error));
  id = add_full_client (f->store, "Ingrid", "Sølberg", last);
  {
    /* The second session a week later is the last. */
    g_autoptr(GDateTime) last_session = g_date_time_add_weeks (last, 1);
    g_assert_true (kab_store_get_retention_end (f->store, id, now, &until, &error));
    g_assert_nonnull (until);
    g_assert_cmpint (g_date_time_get_year (until), ==, 2035);
    g_assert_cmpint (g_date_time_get_month (until), ==, 3);
    g_assert_cmpint (g_date_time_get_day_of_month (until), ==,
                     g_date_time_get_day_of_month (last_session));
  }

  safety_snapshot_take (f->store, &before);
  g_assert_false (kab_store_erase_client (f->store, id, FALSE, now, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  safety_assert_user_error (error);
  g_assert_nonnull (strstr (error->message, "Ingrid Sølberg"));
  g_assert_nonnull (strstr (error->message, "2035"));
  g_assert_nonnull (strstr (error->message, "10 years"));
  g_test_message ("refusal: %s", error->message);
  g_clear_error (&error);
  safety_assert_unchanged (f->store, &before);

  /* Once the period has passed, it is allowed without overriding. */
  g_clear_pointer (&until, g_date_time_unref);
  g_assert_true (kab_store_get_retention_end (f->store, id, later, &until, &error));
  g_assert_null (until);
  g_assert_true (kab_store_erase_client (f->store, id, FALSE, later, &error));
  g_assert_no_error (error);
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *counter)
{
  (*counter)++;
}

static void
test_erase_everything_of_one_client (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_local (2025, 3, 3, 10, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_new_local (2025, 6, 1, 10, 0, 0);
  g_autoptr(GDateTime) series_start = g_date_time_new_local (2025, 5, 5, 0, 0, 0);
  g_autoptr(KabSeries) series = kab_series_new ();
  g_autoptr(KabClient) held = NULL;
  GListModel *clients = kab_store_get_clients (f->store);
  guint n_items_changed = 0;
  gint64 erased, kept;
  gint64 charged = 0, paid = 0;

  kept = add_full_client (f->store, "Kept", "Client", when);
  erased = add_full_client (f->store, "Zzyzx", "Quolwerth", when);
  g_object_set (series, "client-id", erased, "first-date", series_start, "start-minute", 600,
                "duration", 50, "interval-weeks", 1, "fee", (gint64)150000, NULL);
  g_assert_true (kab_store_save_series (f->store, series, &error));
  g_assert_no_error (error);
  held = g_object_ref (kab_store_find_client (f->store, erased));

  g_signal_connect (clients, "items-changed", G_CALLBACK (count_items_changed), &n_items_changed);
  g_assert_true (kab_store_erase_client (f->store, erased, TRUE, now, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (n_items_changed, ==, 1);
  g_assert_null (kab_store_find_client (f->store, erased));
  g_assert_nonnull (kab_store_find_client (f->store, kept));
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 1);
  g_assert_true (kab_store_get_totals (f->store, &charged, &paid, &error));
  g_assert_cmpint (charged, ==, 300000);
  g_assert_cmpint (paid, ==, 200000);
  g_assert_true (kab_store_check_integrity (f->store, &error));

  /* Unknown afterwards. */
  g_assert_false (kab_store_erase_client (f->store, erased, TRUE, now, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  close_store (f);
  {
    g_autofree char *count = g_strdup_printf (
      "SELECT (SELECT count(*) FROM client WHERE id = %1$" G_GINT64_FORMAT ")"
      " + (SELECT count(*) FROM session WHERE client_id = %1$" G_GINT64_FORMAT ")"
      " + (SELECT count(*) FROM series WHERE client_id = %1$" G_GINT64_FORMAT ")"
      " + (SELECT count(*) FROM charge WHERE client_id = %1$" G_GINT64_FORMAT ")"
      " + (SELECT count(*) FROM payment WHERE client_id = %1$" G_GINT64_FORMAT ")"
      " + (SELECT count(*) FROM consent WHERE client_id = %1$" G_GINT64_FORMAT ")", erased);
    g_assert_cmpint (count_rows (f->path, count), ==, 0);
  }

  /* Overwritten, not only unlinked: the name is in no file of the database any more. */
  g_assert_false (file_contains (f->path, "Quolwerth"));
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_assert_false (file_contains (wal, "Quolwerth"));
  }
}

static void
test_erase_is_one_transaction (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_local (2025, 3, 3, 10, 0, 0);
  g_auto(SafetySnapshot) before = { 0, };
  gint64 id;
  sqlite3 *db = NULL;

  id = add_full_client (f->store, "Ann", "Lee", when);
  close_store (f);

  /* A trigger that fails the last delete, the client's row: every earlier delete of the
   * same call must be undone with it. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER no_delete BEFORE DELETE ON client"
                                 " BEGIN SELECT RAISE (ABORT, 'test refuses'); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  reopen (f);

  safety_snapshot_take (f->store, &before);
  g_assert_false (kab_store_erase_client (f->store, id, TRUE, when, &error));
  safety_assert_user_error (error);
  safety_assert_unchanged (f->store, &before);
  g_assert_nonnull (kab_store_find_client (f->store, id));

  close_store (f);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM session"), ==, 2);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM consent"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Stockholm", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/safety/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("files/private-modes", test_database_and_backups_private);
  g_test_add_func ("/safety/backup/default-folder", test_default_backup_dir);
  ADD ("backup/once-a-day", test_daily_backup_once_a_day);
  ADD ("backup/list-ignores-other-files", test_list_ignores_other_files);
  ADD ("backup/rotation", test_rotation_keeps_7_daily_12_monthly);
  ADD ("backup/fails-cleanly", test_backup_fails_cleanly);
  ADD ("integrity/check", test_integrity_check);
  ADD ("restore/replaces-and-keeps-copy", test_restore_replaces_and_keeps_copy);
  ADD ("restore/damaged-database", test_restore_damaged_database);
  ADD ("restore/refuses-bad-backups", test_restore_refuses_bad_backups);
  ADD ("export/json", test_export_json);
  ADD ("export/unwritable", test_export_unwritable);
  ADD ("erase/retention", test_erase_respects_retention);
  ADD ("erase/everything-of-one-client", test_erase_everything_of_one_client);
  ADD ("erase/one-transaction", test_erase_is_one_transaction);

  return g_test_run ();
}
