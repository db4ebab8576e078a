/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-safety-backups.c: damage caught before it spreads, backups kept as long as promised
 * and no longer, and the files of a practice kept to their owner */

#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

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

  f->dir = g_dir_make_tmp ("kabinett-backups-XXXXXX", &error);
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

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static int
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* A practice with a client, a few sessions and payments, closed. */
static gint64
fill_and_close (Fixture *f)
{
  g_autoptr(KabClient) client = safety_add_client (f->store, "Ann", "Lee");
  gint64 id = kab_client_get_id (client);

  for (int i = 0; i < 20; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_new_local (2025, 1 + i % 12, 1 + i, 10, 0, 0);
      g_autoptr(KabSession) s = safety_add_session (f->store, id, when, KAB_SESSION_STATUS_ATTENDED);
      g_autoptr(KabPayment) p = safety_add_payment (f->store, id, when, 150000);
    }

  g_clear_object (&f->store);
  return id;
}

static void
touch (const char *path)
{
  g_assert_true (g_file_set_contents (path, "x", 1, NULL));
}

static void
touch_in (const char *dir,
          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  touch (path);
}

static void
set_age_days (const char *path,
              int         days)
{
  struct utimbuf times;

  times.actime = times.modtime = time (NULL) - (time_t)days * 24 * 3600;
  g_assert_cmpint (utime (path, &times), ==, 0);
}

static char *
backup_path (Fixture    *f,
             GDateTime  *date,
             gboolean    with_time)
{
  g_autofree char *name = g_date_time_format (date, with_time ? "kabinett-%Y-%m-%d-%H%M%S.db"
                                                              : "kabinett-%Y-%m-%d.db");

  return g_build_filename (f->backup_dir, name, NULL);
}

/* 1. Damage */

/* Writes garbage over the page where @index_name's b-tree starts: a page Kabinett does
 * not read to open the practice and show its clients. */
static void
damage_index_page (const char *path,
                   const char *index_name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_schema WHERE name = '%s'",
                                          index_name);
  int page_size = raw_int (path, "PRAGMA page_size");
  int root = raw_int (path, sql);
  char garbage[64];
  int fd;

  g_assert_cmpint (root, >, 1);
  memset (garbage, 0x6b, sizeof garbage);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, sizeof garbage, (off_t)(root - 1) * page_size), ==,
                   sizeof garbage);
  close (fd);
}

static void
test_damaged_page_refused_at_open (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(KabStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* A sound backup of yesterday, to be named. */
  g_assert_true (kab_store_backup_daily (f->store, now, &error));
  g_assert_no_error (error);
  fill_and_close (f);
  raw_exec (f->path, "PRAGMA journal_mode = DELETE");
  damage_index_page (f->path, "payment_date");
  before = safety_file_checksum (f->path);

  store = kab_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT);
  safety_assert_user_error (error);
  g_test_message ("%s", error->message);
  /* The newest sound backup is offered by name. */
  {
    g_autofree char *name = g_date_time_format (now, "kabinett-%Y-%m-%d.db");
    g_assert_nonnull (strstr (error->message, name));
  }

  after = safety_file_checksum (f->path);
  g_assert_cmpstr (after, ==, before);
}

/* An index that no longer matches its table: quick_check at open does not see it, the
 * full check of each backup copy does. */
static void
test_damaged_practice_never_rotated_in (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = day (2026, 11, 1);
  g_autoptr(GDateTime) later = day (2026, 11, 20);
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *today = NULL;
  g_autoptr(KabClient) client = NULL;
  guint n_before;

  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) d = g_date_time_add_days (start, i);

      g_assert_true (kab_store_backup_daily (f->store, d, &error));
      g_assert_no_error (error);
    }
  n_before = safety_count_dir (f->backup_dir);
  fill_and_close (f);

  raw_exec (f->path, "PRAGMA writable_schema = ON;"
                     "UPDATE sqlite_schema SET sql = 'CREATE INDEX payment_date ON payment (amount)'"
                     " WHERE name = 'payment_date';");

  f->store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (kab_store_is_damaged (f->store));

  g_assert_false (kab_store_backup_daily (f->store, later, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT);
  safety_assert_user_error (error);
  g_clear_error (&error);

  /* No copy of the damage, no good copy rotated out, no temporary left. */
  today = backup_path (f, later, FALSE);
  g_assert_false (g_file_test (today, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (safety_count_dir (f->backup_dir), ==, n_before);
  backups = kab_store_list_backups (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 7);

  /* And nothing more is written into it. */
  g_assert_true (kab_store_is_damaged (f->store));
  client = kab_client_new ();
  g_object_set (client, "given-name", "New", "family-name", "Client", NULL);
  g_assert_false (kab_store_save_client (f->store, client, &error));
  safety_assert_user_error (error);
}

/* A Kabinett that adds clients and is killed before it closes the file: its journal
 * stays beside the file, with the clients in it. */
static void
crash_after_adding (const char *path,
                    guint       n)
{
  pid_t pid = fork ();
  int status = 0;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      KabStore *store = kab_store_open (path, &error);

      if (store == NULL)
        _exit (2);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KabClient) client = kab_client_new ();

          g_object_set (client, "given-name", "Later", "family-name", "Client", NULL);
          if (!kab_store_save_client (store, client, &error))
            _exit (3);
        }
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static guint
n_clients (KabStore *store)
{
  return g_list_model_get_n_items (kab_store_get_clients (store));
}

static void
test_own_journal_replayed (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(KabClient) client = safety_add_client (f->store, "Ann", "Lee");

  g_clear_object (&f->store);
  crash_after_adding (f->path, 5);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  f->store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_null (kab_store_get_wal_set_aside (f->store));
  g_assert_cmpuint (n_clients (f->store), ==, 6);
}

/* A backup copied by hand over the practice, its journal left beside it. */
static void
test_foreign_journal_set_aside (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(KabClient) client = safety_add_client (f->store, "Ann", "Lee");
  const char *aside;
  int fd;

  g_assert_true (kab_store_backup_to (f->store, copy, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 30; i++)
    {
      g_autoptr(KabClient) other = safety_add_client (f->store, "Bo", "Ek");
    }
  g_clear_object (&f->store);
  crash_after_adding (f->path, 40);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* As cp does: the same file, its content replaced. */
  g_assert_true (g_file_get_contents (copy, &contents, &length, NULL));
  fd = g_open (f->path, O_WRONLY | O_TRUNC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, contents, length), ==, (gssize)length);
  close (fd);

  f->store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
  aside = kab_store_get_wal_set_aside (f->store);
  g_assert_nonnull (aside);
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
  /* The backup as it was, sound, with nothing of the other file in it. */
  g_assert_cmpuint (n_clients (f->store), ==, 1);
  g_assert_true (kab_store_check_integrity (f->store, &error));
  g_assert_no_error (error);
}

/* 2. and 4. Rotation */

static void
test_restore_copies_kept_apart (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = day (2026, 11, 22);
  g_autoptr(GPtrArray) backups = NULL;
  const int moment_days[] = { 1, 2, 3, 4, 5, 6, 7, 40, 50 };
  guint n_daily = 0, n_moment = 0;

  g_assert_cmpint (g_mkdir (f->backup_dir, 0700), ==, 0);
  for (int i = 1; i < 7; i++)
    {
      g_autoptr(GDateTime) d = g_date_time_add_days (now, -i);
      g_autofree char *path = backup_path (f, d, FALSE);

      g_assert_true (kab_store_backup_to (f->store, path, &error));
    }
  for (guint i = 0; i < G_N_ELEMENTS (moment_days); i++)
    {
      g_autoptr(GDateTime) d = g_date_time_add_days (now, -moment_days[i]);
      g_autoptr(GDateTime) t = g_date_time_add_hours (d, 2);
      g_autofree char *path = backup_path (f, t, TRUE);

      touch (path);
    }

  g_assert_true (kab_store_backup_daily (f->store, now, &error));
  g_assert_no_error (error);

  backups = kab_store_list_backups (f->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < backups->len; i++)
    {
      KabBackup *backup = backups->pdata[i];

      if (g_date_time_get_hour (backup->date) == 11)
        {
          GTimeSpan age = g_date_time_difference (now, backup->date);

          /* The newest 5, and any of less than 30 days. */
          g_assert_cmpint (age, <, 30 * G_TIME_SPAN_DAY);
          n_moment++;
        }
      else
        n_daily++;
    }

  /* All 7 days of daily backups survive 9 restores. */
  g_assert_cmpuint (n_daily, ==, 7);
  g_assert_cmpuint (n_moment, ==, 7);
}

static void
test_rotation_by_age (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = day (2026, 11, 22);
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) backups = NULL;
  /* A practice used now and then: months without a backup. */
  const char *present[] = { "kabinett-2024-03-01.db", "kabinett-2025-01-05.db",
                            "kabinett-2025-11-01.db", "kabinett-2025-11-23.db",
                            "kabinett-2025-12-02.db", "kabinett-2025-12-20.db",
                            "kabinett-2026-06-10.db", "kabinett-2026-06-11.db",
                            "kabinett-2026-11-01.db", "kabinett-2026-11-14.db",
                            "kabinett-2026-11-15.db", "kabinett-2026-11-16.db",
                            "kabinett-2026-11-20.db" };
  /* Daily for 7 days (16th to 22nd), the first of each month for 365 days. */
  const char *kept[] = { "kabinett-2025-11-23.db", "kabinett-2025-12-02.db",
                         "kabinett-2026-06-10.db", "kabinett-2026-11-01.db",
                         "kabinett-2026-11-16.db", "kabinett-2026-11-20.db",
                         "kabinett-2026-11-22.db" };

  g_assert_cmpint (g_mkdir (f->backup_dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (present); i++)
    {
      g_autofree char *path = g_build_filename (f->backup_dir, present[i], NULL);
      touch (path);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    g_hash_table_add (expected, (gpointer)kept[i]);

  g_assert_true (kab_store_backup_daily (f->store, now, &error));
  g_assert_no_error (error);

  backups = kab_store_list_backups (f->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *name = g_path_get_basename (((KabBackup *)backups->pdata[i])->path);

      if (!g_hash_table_contains (expected, name))
        g_error ("rotation kept %s", name);
    }
  g_assert_cmpuint (backups->len, ==, G_N_ELEMENTS (kept));
}

static void
test_migration_backups_a_year (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *old_schema = g_strconcat (f->path, ".schema-1.bak", NULL);
  g_autofree char *new_schema = g_strconcat (f->path, ".schema-2.bak", NULL);

  touch (old_schema);
  set_age_days (old_schema, 400);
  touch (new_schema);
  set_age_days (new_schema, 300);

  g_assert_true (kab_store_backup_daily (f->store, now, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (old_schema, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (new_schema, G_FILE_TEST_EXISTS));
}

/* 3. Leftovers */

static void
test_leftovers_removed (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = day (2026, 11, 22);
  const char *in_backups_gone[] = { "kabinett-2026-11-20.db.Ab12Cd",
                                    "kabinett-2026-11-20.db.Ab12Cd-journal",
                                    "kabinett-2026-11-20-101010.db.x9Y8z7",
                                    "kabinett-2026-11-20-101010.db-wal.Zz99Yy" };
  const char *in_backups_kept[] = { "notes.txt", "kabinett-2026-11-21.db", "other-2026-11-20.db.Ab12Cd" };
  const char *beside_gone[] = { "kabinett.db.schema-3.bak.Qw12Er",
                                "kabinett.db.schema-3.bak.Qw12Er-journal",
                                "kabinett.db.restore", "kabinett.db.restore.Aa11Bb" };
  const char *beside_kept[] = { "kabinett.db.schema-3.bak", "kabinett.db.notes" };

  g_assert_cmpint (g_mkdir (f->backup_dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (in_backups_gone); i++)
    touch_in (f->backup_dir, in_backups_gone[i]);
  for (guint i = 0; i < G_N_ELEMENTS (in_backups_kept); i++)
    touch_in (f->backup_dir, in_backups_kept[i]);
  for (guint i = 0; i < G_N_ELEMENTS (beside_gone); i++)
    touch_in (f->dir, beside_gone[i]);
  for (guint i = 0; i < G_N_ELEMENTS (beside_kept); i++)
    touch_in (f->dir, beside_kept[i]);

  g_assert_true (kab_store_backup_daily (f->store, now, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (in_backups_gone); i++)
    {
      g_autofree char *path = g_build_filename (f->backup_dir, in_backups_gone[i], NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_error ("%s was left", in_backups_gone[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (beside_gone); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, beside_gone[i], NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_error ("%s was left", beside_gone[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (in_backups_kept); i++)
    {
      g_autofree char *path = g_build_filename (f->backup_dir, in_backups_kept[i], NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; i < G_N_ELEMENTS (beside_kept); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, beside_kept[i], NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

/* 4. Erasing from the backups */

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  gsize n = strlen (needle);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

static void
test_erase_from_backups (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(KabClient) keep = safety_add_client (f->store, "Keep", "Mepleaseson");
  g_autoptr(KabClient) gone = safety_add_client (f->store, "Erase", "Zyxwvutsson");
  g_autoptr(GDateTime) when = g_date_time_new_local (2025, 3, 3, 10, 0, 0);
  g_autoptr(KabSession) session = safety_add_session (f->store, kab_client_get_id (gone), when,
                                                      KAB_SESSION_STATUS_ATTENDED);
  g_autoptr(KabPayment) payment = safety_add_payment (f->store, kab_client_get_id (gone), when, 120000);
  g_autofree char *schema_bak = g_strconcat (f->path, ".schema-1.bak", NULL);
  gint64 id = kab_client_get_id (gone);
  guint n = 0;
  GStatBuf before, after;

  created = g_date_time_ref (kab_client_get_created (gone));
  g_assert_true (kab_store_backup_daily (f->store, yesterday, &error));
  g_assert_true (kab_store_backup_daily (f->store, now, &error));
  g_assert_true (kab_store_backup_to (f->store, schema_bak, &error));
  g_assert_no_error (error);
  set_age_days (schema_bak, 100);
  g_assert_cmpint (g_stat (schema_bak, &before), ==, 0);

  found = kab_store_find_client_in_backups (f->path, id, created, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 3);
  {
    g_autofree char *today = g_date_time_format (now, "kabinett-%Y-%m-%d.db");
    g_autofree char *first = g_path_get_basename (found->pdata[0]);
    g_assert_cmpstr (first, ==, today);
  }

  g_assert_true (kab_store_erase_client (f->store, id, TRUE, now, &error));
  g_assert_no_error (error);
  g_assert_true (kab_store_erase_client_from_backups (f->path, id, created, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  for (guint i = 0; i < found->len; i++)
    {
      const char *path = found->pdata[i];
      g_autofree char *copy = g_build_filename (f->dir, "check.db", NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_autoptr(KabStore) check = NULL;

      /* Not a trace in the file, and the other client still there. */
      g_assert_false (file_contains (path, "Zyxwvutsson"));
      g_assert_true (file_contains (path, "Mepleaseson"));
      g_assert_cmpuint (mode_of (path), ==, 0600);

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
      check = kab_store_open (copy, &error);
      g_assert_no_error (error);
      g_assert_true (kab_store_check_integrity (check, &error));
      g_assert_cmpuint (n_clients (check), ==, 1);
      g_clear_object (&check);
      g_unlink (copy);
    }

  /* The copy before an upgrade keeps its age, so it still leaves after a year. */
  g_assert_cmpint (g_stat (schema_bak, &after), ==, 0);
  g_assert_cmpint (after.st_mtime, ==, before.st_mtime);

  g_clear_pointer (&found, g_ptr_array_unref);
  found = kab_store_find_client_in_backups (f->path, id, created, &error);
  g_assert_cmpuint (found->len, ==, 0);
}

/* Encrypted backups */

static void
test_encrypted_backup (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *usb = g_build_filename (f->dir, "usb-copy.kabinett", NULL);
  g_autofree char *sealed_sum = NULL;
  g_autofree char *db_sum = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *safety = NULL;
  gsize length = 0;
  g_autoptr(KabClient) first = safety_add_client (f->store, "Sealed", "Qwertyuiopson");

  g_assert_true (kab_store_backup_encrypted (f->store, usb, "correct horse battery", &error));
  g_assert_no_error (error);
  g_assert_true (kab_store_backup_is_encrypted (usb));
  g_assert_cmpuint (mode_of (usb), ==, 0600);
  g_assert_false (file_contains (usb, "Qwertyuiopson"));
  g_assert_false (file_contains (usb, "SQLite format"));
  /* No plain copy left behind. */
  g_assert_cmpuint (safety_count_dir (f->backup_dir), ==, 0);

  {
    g_autoptr(KabClient) later = safety_add_client (f->store, "Later", "Client");
  }
  g_clear_object (&f->store);
  sealed_sum = safety_file_checksum (usb);
  db_sum = safety_file_checksum (f->path);

  /* A wrong passphrase: refused, nothing changed. */
  g_assert_false (kab_store_restore_encrypted (f->path, usb, "correct horse battery!", now,
                                               NULL, &error));
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
  safety_assert_user_error (error);
  g_clear_error (&error);

  /* A changed byte, and a cut file: refused, nothing changed. */
  g_assert_true (g_file_get_contents (usb, &contents, &length, NULL));
  {
    g_autofree char *tampered = g_build_filename (f->dir, "tampered.kabinett", NULL);
    g_autofree char *cut = g_build_filename (f->dir, "cut.kabinett", NULL);

    contents[length / 2] ^= 0x01;
    g_assert_true (g_file_set_contents (tampered, contents, length, NULL));
    contents[length / 2] ^= 0x01;
    g_assert_true (g_file_set_contents (cut, contents, length - 100, NULL));

    g_assert_false (kab_store_restore_encrypted (f->path, tampered, "correct horse battery",
                                                 now, NULL, &error));
    g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
    g_clear_error (&error);
    g_assert_false (kab_store_restore_encrypted (f->path, cut, "correct horse battery",
                                                 now, NULL, &error));
    g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED);
    g_clear_error (&error);
  }
  {
    g_autofree char *after = safety_file_checksum (f->path);
    g_assert_cmpstr (after, ==, db_sum);
  }
  g_assert_cmpuint (safety_count_dir (f->backup_dir), ==, 0);

  /* The right one restores the practice as it was, and leaves no plain copy. */
  g_assert_true (kab_store_restore_encrypted (f->path, usb, "correct horse battery", now,
                                              &safety, &error));
  g_assert_no_error (error);
  g_assert_nonnull (safety);
  {
    g_autofree char *after = safety_file_checksum (usb);
    g_assert_cmpstr (after, ==, sealed_sum);
  }
  g_assert_cmpuint (safety_count_dir (f->backup_dir), ==, 1);

  f->store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_clients (f->store), ==, 1);
  g_assert_nonnull (kab_store_find_client (f->store, kab_client_get_id (first)));
}

/* 6. and 7. The file itself */

static void
test_modes_enforced_at_open (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autoptr(KabClient) client = NULL;

  g_assert_false (kab_store_get_modes_tightened (f->store));
  fill_and_close (f);
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);

  f->store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (kab_store_get_modes_tightened (f->store));
  client = safety_add_client (f->store, "Bo", "Ek");

  g_assert_cmpuint (mode_of (f->path), ==, 0600);
  g_assert_cmpuint (mode_of (f->dir), ==, 0700);
  g_assert_cmpuint (mode_of (wal), ==, 0600);
  g_assert_cmpuint (mode_of (shm), ==, 0600);

  /* Said once: the next start finds nothing to tighten. */
  g_clear_object (&f->store);
  f->store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (kab_store_get_modes_tightened (f->store));
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = NULL;
  g_autofree char *before = safety_file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  store = kab_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, KAB_STORE_ERROR, code);
  safety_assert_user_error (error);
  g_test_message ("%s", error->message);
  after = safety_file_checksum (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_zero_byte_file_refused (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  GStatBuf st;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused_untouched (empty, KAB_STORE_ERROR_CORRUPT);
  g_assert_cmpint (g_stat (empty, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
}

static void
test_empty_foreign_sqlite_file (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *claims_newer = g_build_filename (f->dir, "newer.db", NULL);
  g_autofree char *plain = g_build_filename (f->dir, "plain.db", NULL);

  raw_exec (claims_newer, "PRAGMA user_version = 99");
  assert_refused_untouched (claims_newer, KAB_STORE_ERROR_CORRUPT);

  raw_exec (plain, "PRAGMA page_size = 4096; VACUUM");
  g_assert_true (g_file_test (plain, G_FILE_TEST_EXISTS));
  assert_refused_untouched (plain, KAB_STORE_ERROR_CORRUPT);
}

static void
test_dangling_symlink (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = NULL;
  g_autofree char *link = g_build_filename (f->dir, "link.db", NULL);
  g_autofree char *target = g_build_filename (f->dir, "nowhere.db", NULL);

  g_assert_cmpint (symlink (target, link), ==, 0);
  store = kab_store_open (link, &error);
  g_assert_null (store);
  safety_assert_user_error (error);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

static void
test_non_utf8_path_in_messages (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "bad-\xff\xfe-name", NULL);
  g_autofree char *path = g_build_filename (dir, "kabinett.db", NULL);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "This is not a database, but it is long enough to "
                                      "look like a header of one. This is not a database.", -1,
                                      NULL));
  store = kab_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT);
  safety_assert_user_error (error);
  g_assert_nonnull (strstr (error->message, "bad-"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = kab_store_open (path, &error);
  g_assert_null (store);
  safety_assert_user_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/safety/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("integrity/damaged-page-refused-at-open", test_damaged_page_refused_at_open);
  ADD ("integrity/damaged-practice-never-rotated-in", test_damaged_practice_never_rotated_in);
  ADD ("integrity/own-journal-replayed", test_own_journal_replayed);
  ADD ("integrity/foreign-journal-set-aside", test_foreign_journal_set_aside);
  ADD ("rotation/restore-copies-kept-apart", test_restore_copies_kept_apart);
  ADD ("rotation/by-age", test_rotation_by_age);
  ADD ("rotation/migration-backups-a-year", test_migration_backups_a_year);
  ADD ("rotation/leftovers-removed", test_leftovers_removed);
  ADD ("erase/from-backups", test_erase_from_backups);
  ADD ("backup/encrypted", test_encrypted_backup);
  ADD ("file/modes-enforced-at-open", test_modes_enforced_at_open);
  ADD ("file/zero-byte-refused", test_zero_byte_file_refused);
  ADD ("file/empty-foreign-sqlite", test_empty_foreign_sqlite_file);
  ADD ("file/dangling-symlink", test_dangling_symlink);
  ADD ("file/non-utf8-path", test_non_utf8_path_in_messages);

  return g_test_run ();
}
