/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-backup.c: integrity checks, daily rotating backups, and restoring a backup */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kab-store-private.h"

/* 'KAB!', as in kab-store.c and the first migration. */
#define KAB_APPLICATION_ID 0x4B414221

/* How long rotation keeps backups: each day's for a week, the first of each month for a
 * year; the copies kept before a restore apart, the newest 5 and a month's. */
#define KAB_BACKUP_KEEP_DAYS    7
#define KAB_BACKUP_MONTHLY_DAYS 365
#define KAB_BACKUP_KEEP_MOMENT  5
#define KAB_BACKUP_MOMENT_DAYS  30

void
kab_backup_free (KabBackup *backup)
{
  if (backup == NULL)
    return;

  g_free (backup->path);
  g_clear_pointer (&backup->date, g_date_time_unref);
  g_free (backup);
}

/* Integrity */

/**
 * kab_store_check_integrity:
 *
 * Runs SQLite's `PRAGMA integrity_check` and `PRAGMA foreign_key_check` over the whole
 * file: a damaged page, a broken index or a record pointing at a missing one is reported
 * as %KAB_STORE_ERROR_CORRUPT. Reads every page: seconds on a 20-year practice, so not
 * for every start.
 */
gboolean
kab_store_check_integrity (KabStore  *self,
                           GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int rc;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *)sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (text, "ok") != 0)
        problem = g_strdup (text != NULL ? text : "?");
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc != SQLITE_OK)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }

  if (problem == NULL)
    {
      rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
      if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          /* Translators: %s is the name of a database table, e.g. “charge” */
          problem = g_strdup_printf (_("a record in “%s” refers to one that is missing"),
                                     (const char *)sqlite3_column_text (stmt, 0));
          rc = SQLITE_DONE;
        }
      sqlite3_finalize (stmt);

      if (rc != SQLITE_DONE)
        {
          kab_store_set_error (self, error, rc);
          return FALSE;
        }
    }

  if (problem != NULL)
    {
      if (!g_utf8_validate (problem, -1, NULL))
        g_clear_pointer (&problem, g_free);

      /* Translators: %s is SQLite's own description of the damage, in English */
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT,
                   _("The database file is damaged (%s). Restore a backup from "
                     "Preferences → Backups."),
                   problem != NULL ? problem : "?");
      return FALSE;
    }

  return TRUE;
}

/* Names and places */

/* "kabinett" for ".../kabinett.db": backups of several databases in one folder keep
 * apart. */
static char *
backup_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';

  return g_steal_pointer (&base);
}

/**
 * kab_store_get_backup_dir:
 * @db_path: the database file
 *
 * Returns: (transfer full) (type filename): the folder of the database's automatic
 *   backups, "backups" beside it: `$XDG_DATA_HOME/kabinett/backups` for the default one
 */
char *
kab_store_get_backup_dir (const char *db_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

static gboolean
ensure_backup_dir (const char  *dir,
                   GError     **error)
{
  /* A folder of clinical records is the user's alone, even if it existed already. */
  if (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (dir);

      g_set_error (error, KAB_STORE_ERROR,
                   saved == ENOSPC ? KAB_STORE_ERROR_FULL : KAB_STORE_ERROR_READ_ONLY,
                   _("The backup folder “%s” could not be created: %s."),
                   name, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_digits (const char *text,
              guint       n,
              int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

/* "<stem>-YYYY-MM-DD.db" (the daily backup) or "<stem>-YYYY-MM-DD-HHMMSS.db" (a copy
 * taken at a given moment, e.g. before a restore): its local date and time. */
static GDateTime *
parse_backup_name (const char *name,
                   const char *stem)
{
  g_autoptr(GTimeZone) tz = NULL;
  gsize stem_len = strlen (stem);
  const char *p;
  int year, month, day, hour = 0, minute = 0, second = 0;

  if (strncmp (name, stem, stem_len) != 0 || name[stem_len] != '-')
    return NULL;

  p = name + stem_len + 1;
  if (!parse_digits (p, 4, &year) || p[4] != '-' || !parse_digits (p + 5, 2, &month)
      || p[7] != '-' || !parse_digits (p + 8, 2, &day))
    return NULL;

  p += 10;
  if (p[0] == '-' && parse_digits (p + 1, 2, &hour) && parse_digits (p + 3, 2, &minute)
      && parse_digits (p + 5, 2, &second))
    p += 7;

  if (strcmp (p, ".db") != 0)
    return NULL;

  tz = g_time_zone_new_local ();
  return g_date_time_new (tz, year, month, day, hour, minute, second);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const KabBackup *x = *(const KabBackup **)a;
  const KabBackup *y = *(const KabBackup **)b;
  int by_date = g_date_time_compare (y->date, x->date);

  return by_date != 0 ? by_date : strcmp (y->path, x->path);
}

/**
 * kab_store_list_backups:
 * @db_path: the database file whose backups to list
 *
 * Lists the automatic backups of @db_path (see kab_store_backup_daily()) and the copies
 * kab_store_restore_backup() keeps, newest first. A missing folder is no backups.
 *
 * Returns: (transfer full) (element-type KabBackup): the backups, or %NULL with @error
 *   set when the folder cannot be read
 */
GPtrArray *
kab_store_list_backups (const char  *db_path,
                        GError     **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify)kab_backup_free);
  g_autofree char *dir_path = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir_path = kab_store_get_backup_dir (db_path);
  stem = backup_stem (db_path);

  dir = g_dir_open (dir_path, 0, &local_error);
  if (dir == NULL)
    {
      g_autofree char *display = NULL;

      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);

      display = g_filename_display_name (dir_path);
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_OPEN,
                   _("The backup folder “%s” could not be read: %s."),
                   display, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GDateTime) date = parse_backup_name (name, stem);
      KabBackup *backup;
      GStatBuf st;

      if (date == NULL)
        continue;

      backup = g_new0 (KabBackup, 1);
      backup->path = g_build_filename (dir_path, name, NULL);
      backup->date = g_steal_pointer (&date);
      if (g_stat (backup->path, &st) == 0 && S_ISREG (st.st_mode))
        backup->size = st.st_size;
      g_ptr_array_add (backups, backup);
    }

  g_ptr_array_sort (backups, compare_newest_first);
  return g_steal_pointer (&backups);
}

/* A copy taken at a given moment ("<stem>-YYYY-MM-DD-HHMMSS.db", e.g. before a restore),
 * not a daily backup ("<stem>-YYYY-MM-DD.db"). */
static gboolean
is_moment_copy (const KabBackup *backup)
{
  g_autofree char *name = g_path_get_basename (backup->path);

  return g_str_has_suffix (name, ".db") && strlen (name) >= 21
         && name[strlen (name) - 10] == '-';
}

static gboolean
older_than_days (GDateTime *date,
                 GDateTime *now,
                 int        days)
{
  g_autoptr(GDateTime) limit = g_date_time_add_days (now, -days);

  return g_date_time_compare (date, limit) < 0;
}

/* Rotation, by age: daily backups for 7 days, the first backup of each month for 365
 * days, nothing older. The first of a month stays the month's copy as later days come,
 * so a monthly backup is never replaced by a newer one. The copies kept before a restore
 * are counted apart, so that trying several restores does not push out the daily ones:
 * the newest 5 of them, and any less than 30 days old. */
static gboolean
rotate_backups (const char  *db_path,
                GDateTime   *now,
                GError     **error)
{
  g_autoptr(GPtrArray) backups = kab_store_list_backups (db_path, error);
  g_autoptr(GHashTable) keep = g_hash_table_new (NULL, NULL);
  g_autoptr(GDateTime) today = NULL;
  guint n_moment = 0;

  if (backups == NULL)
    return FALSE;

  today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now), 0, 0, 0);

  /* Newest first: the last daily backup seen in a month is its first. */
  for (guint i = 0; i < backups->len; i++)
    {
      KabBackup *backup = backups->pdata[i];
      KabBackup *older = NULL;

      if (is_moment_copy (backup))
        {
          if (n_moment++ < KAB_BACKUP_KEEP_MOMENT
              || !older_than_days (backup->date, now, KAB_BACKUP_MOMENT_DAYS))
            g_hash_table_add (keep, backup);
          continue;
        }

      if (!older_than_days (backup->date, today, KAB_BACKUP_KEEP_DAYS - 1))
        {
          g_hash_table_add (keep, backup);
          continue;
        }

      /* The first of the month among those young enough: the same copy stays the
       * month's from one day to the next. */
      for (guint j = i + 1; j < backups->len && older == NULL; j++)
        {
          KabBackup *other = backups->pdata[j];

          if (!is_moment_copy (other)
              && !older_than_days (other->date, now, KAB_BACKUP_MONTHLY_DAYS))
            older = other;
        }

      if (!older_than_days (backup->date, now, KAB_BACKUP_MONTHLY_DAYS)
          && (older == NULL
              || g_date_time_get_month (older->date) != g_date_time_get_month (backup->date)
              || g_date_time_get_year (older->date) != g_date_time_get_year (backup->date)))
        g_hash_table_add (keep, backup);
    }

  for (guint i = 0; i < backups->len; i++)
    {
      KabBackup *backup = backups->pdata[i];

      g_autofree char *wal = NULL;

      if (g_hash_table_contains (keep, backup))
        continue;

      if (g_unlink (backup->path) != 0 && errno != ENOENT)
        g_warning ("Could not remove the old backup %s: %s", backup->path, g_strerror (errno));

      /* The journal kept with a damaged practice (see restore_file()) goes with it. */
      wal = g_strconcat (backup->path, "-wal", NULL);
      g_unlink (wal);
    }

  return TRUE;
}

/* The copies kept before a format upgrade ("kabinett.db.schema-N.bak" beside the
 * database) follow the monthly backups: a year. */
static void
rotate_migration_backups (const char *db_path,
                          GDateTime  *now)
{
  g_autofree char *dir_path = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *prefix = g_strconcat (base, ".schema-", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  gint64 limit = g_date_time_to_unix (now) - (gint64)KAB_BACKUP_MONTHLY_DAYS * 24 * 3600;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".bak"))
        continue;

      path = g_build_filename (dir_path, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_mtime < limit
          && g_unlink (path) != 0)
        g_warning ("Could not remove the old backup %s: %s", path, g_strerror (errno));
    }
}

/* "<prefix>…<end>.XXXXXX" as g_mkstemp() makes it, perhaps with SQLite's "-journal",
 * "-wal" or "-shm" after it; or "<prefix>…<end>" itself when @whole. */
static gboolean
is_leftover (const char *name,
             const char *prefix,
             const char *const *ends,
             gboolean    whole)
{
  const char *sqlite_tails[] = { "-journal", "-wal", "-shm" };
  g_autofree char *rest = NULL;
  gsize len;

  if (!g_str_has_prefix (name, prefix))
    return FALSE;

  rest = g_strdup (name + strlen (prefix));
  for (guint i = 0; i < G_N_ELEMENTS (sqlite_tails); i++)
    if (g_str_has_suffix (rest, sqlite_tails[i]))
      {
        rest[strlen (rest) - strlen (sqlite_tails[i])] = '\0';
        break;
      }

  len = strlen (rest);
  if (len > 7 && rest[len - 7] == '.')
    {
      gboolean random = TRUE;

      for (gsize i = len - 6; i < len; i++)
        random = random && g_ascii_isalnum (rest[i]);
      if (random)
        rest[len - 7] = '\0';
      else if (!whole)
        return FALSE;
    }
  else if (!whole)
    {
      return FALSE;
    }

  for (guint i = 0; ends[i] != NULL; i++)
    if (whole ? g_str_equal (rest, ends[i]) : g_str_has_suffix (rest, ends[i]))
      return TRUE;

  return FALSE;
}

static void
remove_leftovers_in (const char        *dir_path,
                     const char        *prefix,
                     const char *const *ends,
                     gboolean           whole)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!is_leftover (name, prefix, ends, whole))
        continue;

      path = g_build_filename (dir_path, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && g_unlink (path) != 0)
        g_warning ("Could not remove the leftover copy %s: %s", path, g_strerror (errno));
    }
}

/**
 * kab_store_remove_leftovers:
 * @db_path: the database file; it must be open in this process (its lock held), so that
 *   no other Kabinett is writing a copy right now
 *
 * Removes the temporary copies that an interrupted backup, restore or format upgrade
 * left behind ("kabinett-….db.XXXXXX" in the backups folder, "kabinett.db.schema-N.bak.XXXXXX"
 * and "kabinett.db.restore" beside the database, with their journals): they may hold
 * clients that were erased since.
 */
void
kab_store_remove_leftovers (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *backup_dir = kab_store_get_backup_dir (db_path);
  g_autofree char *stem = backup_stem (db_path);
  g_autofree char *stem_prefix = g_strconcat (stem, "-", NULL);
  g_autofree char *base_prefix = g_strconcat (base, ".", NULL);
  const char *const backup_ends[] = { ".db", ".db-wal", NULL };
  const char *const beside_ends[] = { ".bak", NULL };
  const char *const restore_ends[] = { ".restore", NULL };

  g_return_if_fail (db_path != NULL);

  remove_leftovers_in (backup_dir, stem_prefix, backup_ends, FALSE);
  remove_leftovers_in (dir, base_prefix, beside_ends, FALSE);
  /* kab_store_restore_backup() renames "kabinett.db.restore" over the database at once:
   * one still there was never used. */
  remove_leftovers_in (dir, base, restore_ends, TRUE);
}

/**
 * kab_store_backup_daily:
 * @now: the current time; its local date names the backup
 *
 * Makes today's automatic backup, `kabinett-YYYY-MM-DD.db` in the "backups" folder
 * beside the database (mode 0700, files 0600), unless it exists already, and removes
 * old ones: daily copies are kept for 7 days, the first of each month for 365 days, the
 * copies kept before a restore apart (the newest 5 and any less than 30 days old), the
 * copies kept before a format upgrade for 365 days. Leftover temporary copies are
 * removed first (see kab_store_remove_leftovers()). Meant to run once after the window
 * is shown.
 */
gboolean
kab_store_backup_daily (KabStore   *self,
                        GDateTime  *now,
                        GError    **error)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *day = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  kab_store_remove_leftovers (self->path);

  dir = kab_store_get_backup_dir (self->path);
  if (!ensure_backup_dir (dir, error))
    return FALSE;

  local = g_date_time_to_local (now);
  stem = backup_stem (self->path);
  day = g_date_time_format (local, "%Y-%m-%d");
  name = g_strdup_printf ("%s-%s.db", stem, day);
  path = g_build_filename (dir, name, NULL);

  /* Rotation runs every day, also when today's copy exists, so that nothing is kept
   * longer than promised. A copy that fails its check is not kept, and nothing is
   * rotated out for it. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !kab_store_backup_to (self, path, error))
    return FALSE;

  rotate_migration_backups (self->path, local);
  return rotate_backups (self->path, local, error);
}

/* Restoring */

static int
file_error_code (int saved_errno)
{
  if (saved_errno == ENOSPC || saved_errno == EFBIG || saved_errno == EDQUOT)
    return KAB_STORE_ERROR_FULL;

  if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    return KAB_STORE_ERROR_READ_ONLY;

  return KAB_STORE_ERROR_FAILED;
}

/* @format takes the file's display name and the system's reason, in that order. */
#define set_file_error(error, saved_errno, format, path)                              \
  G_STMT_START {                                                                     \
    int saved_ = (saved_errno);                                                      \
    g_autofree char *display_ = g_filename_display_name (path);                      \
    g_set_error ((error), KAB_STORE_ERROR, file_error_code (saved_), (format),       \
                 display_, g_strerror (saved_));                                     \
  } G_STMT_END

/* Copies @from to @to byte for byte, through a 0600 temporary file renamed at the end,
 * so that @to is either the old file or the complete copy. */
static gboolean
copy_file_private (const char  *from,
                   const char  *to,
                   GError     **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.XXXXXX", to);
  char buffer[65536];
  int in = -1;
  int out = -1;
  int saved = 0;
  ssize_t n;

  in = g_open (from, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    {
      set_file_error (error, errno, _("“%s” could not be read: %s."), from);
      return FALSE;
    }

  out = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (out < 0)
    {
      saved = errno;
      close (in);
      set_file_error (error, saved, _("The copy “%s” could not be written: %s."), to);
      return FALSE;
    }

  while ((n = read (in, buffer, sizeof buffer)) != 0)
    {
      ssize_t done = 0;

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved = errno;
          break;
        }

      while (done < n)
        {
          ssize_t w = write (out, buffer + done, n - done);

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            {
              saved = errno;
              break;
            }
          done += w;
        }

      if (saved != 0)
        break;
    }

  if (saved == 0 && fsync (out) != 0)
    saved = errno;

  close (in);
  if (close (out) != 0 && saved == 0)
    saved = errno;

  if (saved == 0 && g_rename (tmp, to) != 0)
    saved = errno;

  if (saved != 0)
    {
      g_unlink (tmp);
      set_file_error (error, saved, _("The copy “%s” could not be written: %s."), to);
      return FALSE;
    }

  return TRUE;
}

/* Opens @path read-only and checks that it is a sound Kabinett database this version
 * can open. Nothing is written, not even a journal: the file is opened immutable. */
static sqlite3 *
open_backup_checked (const char  *path,
                     GError     **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *display = g_filename_display_name (path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int app_id = 0, version = 0;
  gboolean ok = FALSE;
  int rc;

  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri != NULL)
    {
      g_autofree char *full = g_strconcat (uri, "?immutable=1", NULL);

      rc = sqlite3_open_v2 (full, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }
  else
    {
      rc = SQLITE_CANTOPEN;
    }

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT (SELECT application_id FROM pragma_application_id),"
                             " (SELECT user_version FROM pragma_user_version)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      app_id = sqlite3_column_int (stmt, 0);
      version = sqlite3_column_int (stmt, 1);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (!ok || app_id != KAB_APPLICATION_ID || version < 1)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT,
                   _("“%s” is not a Kabinett backup, or it is damaged. Nothing was restored."),
                   display);
      sqlite3_close_v2 (db);
      return NULL;
    }

  if (version > KAB_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Kabinett. Update Kabinett to "
                     "restore it; nothing was restored."), display);
      sqlite3_close_v2 (db);
      return NULL;
    }

  ok = FALSE;
  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  if (!ok)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT,
                   _("The backup “%s” is damaged. Nothing was restored; choose another one."),
                   display);
      sqlite3_close_v2 (db);
      return NULL;
    }

  return db;
}

/**
 * kab_store_find_sound_backup:
 * @db_path: the database whose backups to search
 *
 * Checks the backups of @db_path newest first (the whole file of each, see
 * kab_store_check_integrity()) and returns the first that is a sound Kabinett database
 * this version can open: the one to offer when the practice itself is damaged.
 *
 * Returns: (transfer full) (nullable) (type filename): its path, or %NULL if none is
 */
char *
kab_store_find_sound_backup (const char *db_path)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  backups = kab_store_list_backups (db_path, NULL);
  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      KabBackup *backup = backups->pdata[i];
      sqlite3 *db = open_backup_checked (backup->path, NULL);

      if (db != NULL)
        {
          sqlite3_close_v2 (db);
          return g_strdup (backup->path);
        }
    }

  return NULL;
}

static char *
safety_copy_path (const char *db_path,
                  GDateTime  *now)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autofree char *dir = kab_store_get_backup_dir (db_path);
  g_autofree char *stem = backup_stem (db_path);
  g_autofree char *stamp = g_date_time_format (local, "%Y-%m-%d-%H%M%S");
  g_autofree char *name = NULL;
  char *path = NULL;

  /* Two restores within a second must not overwrite the first copy. */
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GDateTime) later = g_date_time_add_seconds (local, i);

      g_free (stamp);
      stamp = g_date_time_format (later, "%Y-%m-%d-%H%M%S");
      g_free (name);
      name = g_strdup_printf ("%s-%s.db", stem, stamp);
      g_free (path);
      path = g_build_filename (dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        break;
    }

  return path;
}

/* The current database opens: copy it as it is with SQLite's backup, then copy the
 * backup into it with SQLite's backup again. The second copy is one transaction of the
 * live database, so a crash in the middle leaves it as it was. */
static gboolean
restore_into_store (KabStore    *store,
                    sqlite3     *source,
                    const char  *safety_copy,
                    GError     **error)
{
  sqlite3_backup *backup;
  int rc;

  /* Kept as it is, even if a check would find fault: it is what the user had. */
  if (!kab_store_copy_to (store, safety_copy, FALSE, error))
    return FALSE;

  backup = sqlite3_backup_init (store->db, "main", source, "main");
  if (backup == NULL)
    {
      kab_store_set_error (store, error, sqlite3_errcode (store->db));
      return FALSE;
    }

  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      kab_store_set_error (store, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* The current database does not open (damaged, or from a newer Kabinett): keep its file
 * and journal as they are, then put the backup's file in its place. */
static gboolean
restore_file (const char  *db_path,
              const char  *backup_path,
              const char  *safety_copy,
              GError     **error)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
  g_autofree char *safety_wal = g_strconcat (safety_copy, "-wal", NULL);
  g_autofree char *tmp = g_strconcat (db_path, ".restore", NULL);
  gboolean ok = FALSE;
  int fd;

  fd = g_open (db_path, O_RDWR | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_file_error (error, errno, _("The database “%s” could not be opened: %s."), db_path);
      return FALSE;
    }

  /* The lock kab_store_open() takes: no Kabinett may have the file open meanwhile. */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_autofree char *display = g_filename_display_name (db_path);

      close (fd);
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_LOCKED,
                   _("The database “%s” is open in another Kabinett window. Close it, "
                     "then restore again."), display);
      return FALSE;
    }

  if (copy_file_private (db_path, safety_copy, error)
      && (!g_file_test (wal, G_FILE_TEST_EXISTS) || copy_file_private (wal, safety_wal, error))
      && copy_file_private (backup_path, tmp, error))
    {
      /* The old journal belongs to the old file: it must be gone before the backup takes
       * the file's place, or SQLite would replay it into the backup. */
      if ((g_unlink (wal) == 0 || errno == ENOENT) && (g_unlink (shm) == 0 || errno == ENOENT)
          && g_rename (tmp, db_path) == 0)
        ok = TRUE;
      else
        set_file_error (error, errno, _("The database “%s” could not be replaced: %s."), db_path);
    }

  g_unlink (tmp);
  close (fd);
  return ok;
}

/**
 * kab_store_restore_backup:
 * @db_path: the database to restore; it must not be open (close its #KabStore first)
 * @backup_path: a backup of it, e.g. from kab_store_list_backups()
 * @now: the current time, naming the copy of the current database
 * @out_safety_copy: (out) (optional) (transfer full): where the current database was
 *   copied before being replaced
 *
 * Replaces the practice by a backup. The backup is checked first (a Kabinett database
 * this version can open, undamaged); then the current database is copied into the
 * backup folder as `kabinett-YYYY-MM-DD-HHMMSS.db`, so that the restore can itself be
 * undone by restoring that copy; then the backup's content replaces the database.
 *
 * The application closes its store, calls this, then opens the store again and builds
 * a new window on it. While @db_path is open, this fails with %KAB_STORE_ERROR_LOCKED
 * and changes nothing.
 */
gboolean
kab_store_restore_backup (const char  *db_path,
                          const char  *backup_path,
                          GDateTime   *now,
                          char       **out_safety_copy,
                          GError     **error)
{
  g_autoptr(GError) open_error = NULL;
  g_autoptr(KabStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *safety = NULL;
  sqlite3 *source;
  gboolean ok;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  {
    g_autofree char *a = g_canonicalize_filename (db_path, NULL);
    g_autofree char *b = g_canonicalize_filename (backup_path, NULL);

    if (g_str_equal (a, b))
      {
        g_set_error_literal (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                             _("This is the practice itself, not a backup of it. Choose a "
                               "backup; nothing was restored."));
        return FALSE;
      }
  }

  source = open_backup_checked (backup_path, error);
  if (source == NULL)
    return FALSE;

  dir = kab_store_get_backup_dir (db_path);
  if (!ensure_backup_dir (dir, error))
    {
      sqlite3_close_v2 (source);
      return FALSE;
    }

  safety = safety_copy_path (db_path, now);
  store = kab_store_open (db_path, &open_error);

  if (store != NULL)
    ok = restore_into_store (store, source, safety, error);
  else if (g_error_matches (open_error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT)
           || g_error_matches (open_error, KAB_STORE_ERROR, KAB_STORE_ERROR_TOO_NEW))
    ok = restore_file (db_path, backup_path, safety, error);
  else
    {
      g_propagate_error (error, g_steal_pointer (&open_error));
      ok = FALSE;
    }

  g_clear_object (&store);
  sqlite3_close_v2 (source);

  if (ok && out_safety_copy != NULL)
    *out_safety_copy = g_steal_pointer (&safety);

  return ok;
}

/* Erasing a client from the backups */

/* Every backup of @db_path: the automatic ones, the copies kept before a restore, and
 * those kept before a format upgrade. */
static GPtrArray *
all_backup_files (const char  *db_path,
                  GError     **error)
{
  g_autoptr(GPtrArray) backups = kab_store_list_backups (db_path, error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir_path = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *prefix = g_strconcat (base, ".schema-", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (backups == NULL)
    return NULL;

  for (guint i = 0; i < backups->len; i++)
    g_ptr_array_add (paths, g_strdup (((KabBackup *)backups->pdata[i])->path));

  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".bak"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));

  return g_steal_pointer (&paths);
}

/* A client is the same one by id and by the moment it was created: an id may be given
 * again to a later client once the first is gone. */
static gboolean
backup_has_client (const char *path,
                   gint64      client_id,
                   gint64      created)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *full = uri != NULL ? g_strconcat (uri, "?immutable=1", NULL) : NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (full != NULL
      && sqlite3_open_v2 (full, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "SELECT 1 FROM client WHERE id = ?1 AND created = ?2",
                             -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, client_id);
      sqlite3_bind_int64 (stmt, 2, created);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }

  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return found;
}

/**
 * kab_store_find_client_in_backups:
 * @db_path: the practice
 * @client_id: the client
 * @created: when the client was created (kab_client_get_created())
 *
 * Lists the backups of @db_path that still hold the client, today's included: what the
 * erase dialog names.
 *
 * Returns: (transfer full) (element-type filename): their paths, newest first, the
 *   copies kept before a format upgrade last; %NULL with @error set when the backups
 *   folder cannot be read
 */
GPtrArray *
kab_store_find_client_in_backups (const char  *db_path,
                                  gint64       client_id,
                                  GDateTime   *created,
                                  GError     **error)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (created != NULL, NULL);

  paths = all_backup_files (db_path, error);
  if (paths == NULL)
    return NULL;

  for (guint i = 0; i < paths->len; i++)
    if (backup_has_client (paths->pdata[i], client_id, g_date_time_to_unix (created)))
      g_ptr_array_add (found, g_strdup (paths->pdata[i]));

  return g_steal_pointer (&found);
}

static gboolean
exec_all (sqlite3     *db,
          const char  *sql)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

/* Rewrites one backup without the client: a copy, the client deleted in one
 * transaction, VACUUM so that nothing of them stays in free pages, the whole copy
 * checked, then renamed over the backup (keeping its date, so that it is rotated out
 * when it would have been). The backup is either as it was or without the client. */
static gboolean
erase_from_backup (const char  *path,
                   gint64       client_id,
                   gint64       created,
                   GError     **error)
{
  static const char * const statements[] = {
    "DELETE FROM consent WHERE client_id = ?1",
    "DELETE FROM charge WHERE client_id = ?1",
    "DELETE FROM payment WHERE client_id = ?1",
    "DELETE FROM session WHERE client_id = ?1",
    "DELETE FROM series WHERE client_id = ?1",
    "DELETE FROM client WHERE id = ?1 AND created = ?2",
  };
  g_autofree char *tmp = g_strdup_printf ("%s.XXXXXX", path);
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *damage = NULL;
  sqlite3 *db = NULL;
  gboolean ok;
  GStatBuf st;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      set_file_error (error, errno, _("The backup “%s” could not be read: %s."), path);
      return FALSE;
    }

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_file_error (error, errno, _("The backup “%s” could not be rewritten: %s."), path);
      return FALSE;
    }
  close (fd);

  ok = copy_file_private (path, tmp, error)
       && sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK
       && exec_all (db, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;"
                        " PRAGMA synchronous = FULL; BEGIN IMMEDIATE");

  for (guint i = 0; ok && i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = NULL;

      ok = sqlite3_prepare_v2 (db, statements[i], -1, &stmt, NULL) == SQLITE_OK;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, client_id);
          if (sqlite3_bind_parameter_count (stmt) > 1)
            sqlite3_bind_int64 (stmt, 2, created);
          ok = sqlite3_step (stmt) == SQLITE_DONE;
        }
      sqlite3_finalize (stmt);
    }

  ok = ok && exec_all (db, "COMMIT") && exec_all (db, "VACUUM");
  if (ok)
    {
      damage = kab_store_find_damage (db, "integrity_check");
      ok = damage == NULL;
    }
  if (!ok && db != NULL && !sqlite3_get_autocommit (db))
    exec_all (db, "ROLLBACK");
  sqlite3_close_v2 (db);

  if (ok)
    {
      struct utimbuf times = { st.st_atime, st.st_mtime };

      utime (tmp, &times);
      ok = g_rename (tmp, path) == 0;
    }

  if (!ok)
    {
      g_unlink (tmp);
      if (error != NULL && *error == NULL)
        g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_FAILED,
                     _("The client could not be erased from the backup “%s”; it was left "
                       "as it was."), display);
      return FALSE;
    }

  return TRUE;
}

/**
 * kab_store_erase_client_from_backups:
 * @db_path: the practice
 * @client_id: the client
 * @created: when the client was created (kab_client_get_created())
 * @out_n_erased: (out) (optional): how many backups were rewritten
 *
 * Rewrites every backup that holds the client without them (see
 * kab_store_find_client_in_backups()), each one whole or not at all. Stops at the
 * first that fails, with @error saying which.
 */
gboolean
kab_store_erase_client_from_backups (const char  *db_path,
                                     gint64       client_id,
                                     GDateTime   *created,
                                     guint       *out_n_erased,
                                     GError     **error)
{
  g_autoptr(GPtrArray) paths = NULL;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (created != NULL, FALSE);

  paths = kab_store_find_client_in_backups (db_path, client_id, created, error);
  if (paths == NULL)
    return FALSE;

  for (guint i = 0; i < paths->len; i++)
    if (!erase_from_backup (paths->pdata[i], client_id, g_date_time_to_unix (created), error))
      return FALSE;

  if (out_n_erased != NULL)
    *out_n_erased = paths->len;

  return TRUE;
}
