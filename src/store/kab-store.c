/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store.c: opening the practice database, transactions, statements, practice settings */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "kab-country.h"
#include "kab-enum-types.h"
#include "kab-model-error.h"
#include "kab-store-private.h"

/* 'KAB!': marks the file as Kabinett's, so that any other SQLite file is refused. */
#define KAB_APPLICATION_ID 0x4B414221

guint kab_store_signals[KAB_STORE_N_SIGNALS];

G_DEFINE_FINAL_TYPE (KabStore, kab_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (kab-store-error-quark, kab_store_error)

static void
kab_store_finalize (GObject *object)
{
  KabStore *self = (KabStore *)object;

  kab_store_pending_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  kab_store_wal_closing (self);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  self->db = NULL;
  /* Only after SQLite has closed its own descriptors: closing ours releases the lock. */
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_clear_pointer (&self->clients_by_id, g_hash_table_unref);
  g_clear_object (&self->clients);
  g_clear_object (&self->identity);
  g_clear_object (&self->practice);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->wal_set_aside, g_free);

  G_OBJECT_CLASS (kab_store_parent_class)->finalize (object);
}

static void
kab_store_class_init (KabStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kab_store_finalize;

  kab_store_signals[KAB_STORE_SIGNAL_SESSIONS_CHANGED] =
    g_signal_new ("sessions-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  kab_store_signals[KAB_STORE_SIGNAL_LEDGER_CHANGED] =
    g_signal_new ("ledger-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  kab_store_signals[KAB_STORE_SIGNAL_CONSENTS_CHANGED] =
    g_signal_new ("consents-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
kab_store_init (KabStore *self)
{
  self->lock_fd = -1;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  self->clients = g_list_store_new (KAB_TYPE_CLIENT);
  self->clients_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->practice = kab_practice_new ();
}

/* Errors */

void
kab_store_set_error (KabStore  *self,
                     GError   **error,
                     int        rc)
{
  /* Read first: a failed write leaves its errno, which SQLite does not always keep. */
  int saved_errno = errno;
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  int system_errno = self->db != NULL ? sqlite3_system_errno (self->db) : 0;

  if (system_errno == 0)
    system_errno = saved_errno;

  /* SQLite reports a write that ran out of room (a full disk, a quota, a file size
   * limit) as an I/O error: the user needs to hear "full". */
  if ((rc & 0xff) == SQLITE_IOERR
      && (system_errno == ENOSPC || system_errno == EDQUOT || system_errno == EFBIG))
    rc = SQLITE_FULL;

  /* kab_store_stop_writing() made the connection read-only. */
  if (self->damaged && (rc & 0xff) == SQLITE_READONLY)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT,
                   _("The practice is damaged, so Kabinett saves nothing more into it. "
                     "Nothing was saved; restore the newest backup from Preferences → Backups."));
      return;
    }

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_FULL,
                   _("The disk is full. Nothing was saved; free some space and try again."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_READ_ONLY,
                   _("The database cannot be written to. Nothing was saved."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_LOCKED,
                   _("The database is in use by another program. Nothing was saved."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT,
                   _("The database file is damaged (%s)."), detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
                   _("The change breaks a rule of the database (%s). Nothing was saved."), detail);
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_OPEN,
                   _("The database file could not be read or written (%s)."), detail);
      break;
    default:
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_FAILED,
                   _("The database reported an error: %s."), detail);
      break;
    }
}

/* Statements */

sqlite3_stmt *
kab_store_prepare (KabStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      kab_store_set_error (self, error, rc);
      return NULL;
    }

  /* The SQL strings are literals in the store's code, so the key outlives the table. */
  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

gboolean
kab_store_step_done (KabStore      *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);
  gboolean ok = rc == SQLITE_DONE || rc == SQLITE_ROW;

  sqlite3_reset (stmt);
  if (!ok)
    kab_store_set_error (self, error, rc);

  /* Outside a transaction, the statement was its own commit (after the error is read:
   * this may read the database again). */
  if (self->tx_depth == 0)
    kab_store_pending_finish (self, ok, rc);
  return ok;
}

/**
 * kab_store_each_row:
 * @func: called with @stmt on each row
 *
 * Steps @stmt through all its rows and resets it; a failed step is reported in @error
 * (after the rows before it were handed to @func).
 */
gboolean
kab_store_each_row (KabStore         *self,
                    sqlite3_stmt     *stmt,
                    KabStoreRowFunc   func,
                    gpointer          user_data,
                    GError          **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (stmt, user_data);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;

  kab_store_set_error (self, error, rc);
  return FALSE;
}

static void
append_mapped (sqlite3_stmt *stmt,
               gpointer      user_data)
{
  GListStore *items = user_data;
  KabStoreRowMapper map = g_object_get_data (G_OBJECT (items), "kab-row-mapper");
  g_autoptr(GObject) item = map (stmt);

  g_list_store_append (items, item);
}

/**
 * kab_store_collect:
 * @item_type: what @map makes
 * @map: makes a new object of @item_type from the current row
 *
 * Returns: (transfer full) (nullable): a new list of one object per row, or %NULL with
 *   @error set
 */
GListModel *
kab_store_collect (KabStore           *self,
                   sqlite3_stmt       *stmt,
                   GType               item_type,
                   KabStoreRowMapper   map,
                   GError            **error)
{
  g_autoptr(GListStore) items = g_list_store_new (item_type);

  g_object_set_data (G_OBJECT (items), "kab-row-mapper", map);
  if (!kab_store_each_row (self, stmt, append_mapped, items, error))
    return NULL;

  g_object_set_data (G_OBJECT (items), "kab-row-mapper", NULL);
  return G_LIST_MODEL (g_steal_pointer (&items));
}

/**
 * kab_store_query_row:
 * @func: (nullable): called with @stmt on the row, if there is one
 * @out_found: (out) (optional): whether there was a row
 *
 * Steps @stmt once, for a query of at most one row, and resets it.
 */
gboolean
kab_store_query_row (KabStore         *self,
                     sqlite3_stmt     *stmt,
                     KabStoreRowFunc   func,
                     gpointer          user_data,
                     gboolean         *out_found,
                     GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW && func != NULL)
    func (stmt, user_data);
  sqlite3_reset (stmt);

  if (out_found != NULL)
    *out_found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

  kab_store_set_error (self, error, rc);
  return FALSE;
}

static void
read_int64 (sqlite3_stmt *stmt,
            gpointer      user_data)
{
  *(gint64 *)user_data = sqlite3_column_int64 (stmt, 0);
}

/**
 * kab_store_query_int64:
 * @out_value: (out): the first column of the row, 0 without a row
 */
gboolean
kab_store_query_int64 (KabStore      *self,
                       sqlite3_stmt  *stmt,
                       gint64        *out_value,
                       GError       **error)
{
  *out_value = 0;
  return kab_store_query_row (self, stmt, read_int64, out_value, NULL, error);
}

gboolean
kab_store_exec (KabStore    *self,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;

  kab_store_set_error (self, error, rc);
  return FALSE;
}

/* Transactions */

gboolean
kab_store_tx_begin (KabStore  *self,
                    GError   **error)
{
  const char *sql = self->tx_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT kab";

  if (!kab_store_exec (self, sql, error))
    {
      if (self->tx_depth == 0)
        kab_store_pending_finish (self, FALSE, sqlite3_extended_errcode (self->db));
      return FALSE;
    }

  self->tx_depth++;
  return TRUE;
}

gboolean
kab_store_tx_commit (KabStore  *self,
                     GError   **error)
{
  const char *sql;

  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  sql = self->tx_depth == 1 ? "COMMIT" : "RELEASE kab";
  if (!kab_store_exec (self, sql, error))
    {
      if (self->tx_depth == 1)
        kab_store_pending_commit_failed (self, sqlite3_extended_errcode (self->db));
      kab_store_tx_rollback (self);
      return FALSE;
    }

  self->tx_depth--;
  if (self->tx_depth == 0)
    kab_store_pending_finish (self, TRUE, SQLITE_OK);
  return TRUE;
}

void
kab_store_tx_rollback (KabStore *self)
{
  g_return_if_fail (self->tx_depth > 0);

  if (self->tx_depth == 1)
    {
      /* A failed COMMIT may already have ended the transaction. */
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      kab_store_pending_finish (self, FALSE, SQLITE_ABORT);
    }
  else
    {
      sqlite3_exec (self->db, "ROLLBACK TO kab; RELEASE kab", NULL, NULL, NULL);
    }

  self->tx_depth--;
}

/**
 * kab_store_begin:
 *
 * Starts a transaction around many saves, for bulk work such as generating a practice.
 * Every save inside still checks its own input; kab_store_rollback() undoes them all.
 */
gboolean
kab_store_begin (KabStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  return kab_store_tx_begin (self, error);
}

gboolean
kab_store_commit (KabStore  *self,
                  GError   **error)
{
  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  return kab_store_tx_commit (self, error);
}

void
kab_store_rollback (KabStore *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KAB_IS_STORE (self));

  kab_store_tx_rollback (self);

  /* The clients in memory may hold rows that are gone now. */
  if (!kab_store_load_clients (self, &error))
    g_warning ("Could not reload clients after a rollback: %s", error->message);
}

/* Binding and reading values */

void
kab_store_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

void
kab_store_bind_time (sqlite3_stmt *stmt,
                     int           index,
                     GDateTime    *time)
{
  if (time == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, g_date_time_to_unix (time));
}

void
kab_store_bind_date (sqlite3_stmt *stmt,
                     int           index,
                     GDateTime    *date)
{
  g_autofree char *text = NULL;

  if (date == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  text = g_date_time_format (date, "%Y-%m-%d");
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
kab_store_bind_id (sqlite3_stmt *stmt,
                   int           index,
                   gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

const char *
kab_store_column_text (sqlite3_stmt *stmt,
                       int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

GDateTime *
kab_store_column_time (sqlite3_stmt *stmt,
                       int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, column));
}

GDateTime *
kab_store_column_date (sqlite3_stmt *stmt,
                       int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  int year, month, day;
  g_autoptr(GTimeZone) tz = NULL;

  if (text == NULL || sscanf (text, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;

  tz = g_time_zone_new_local ();
  return g_date_time_new (tz, year, month, day, 0, 0, 0);
}

int
kab_store_enum_from_nick (GType       enum_type,
                          const char *nick,
                          int         fallback)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *value = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  return value != NULL ? value->value : fallback;
}

const char *
kab_store_enum_to_nick (GType enum_type,
                        int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  /* Nicks are static strings of the type, they live as long as the program. */
  return enum_value != NULL ? enum_value->value_nick : NULL;
}

/* Opening */

char *
kab_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "kabinett", "kabinett.db", NULL);
}

/* The files this process created empty, so that a zero-byte file left by something else
 * is not taken for a new practice. */
static GHashTable *created_files;
G_LOCK_DEFINE_STATIC (created_files);

static void
remember_created (const char *path)
{
  G_LOCK (created_files);
  if (created_files == NULL)
    created_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (created_files, g_strdup (path));
  G_UNLOCK (created_files);
}

static gboolean
created_here (const char *path)
{
  gboolean found;

  G_LOCK (created_files);
  found = created_files != NULL && g_hash_table_contains (created_files, path);
  G_UNLOCK (created_files);

  return found;
}

static gboolean
check_location (const char  *path,
                gboolean    *out_exists,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir_display = g_filename_display_name (dir);
  GStatBuf st;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_OPEN,
                   _("“%s” is a folder, not a database file."), display);
      return FALSE;
    }

  /* A link, even one to nowhere: following it would create a file somewhere else. */
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_OPEN,
                   _("“%s” is a symbolic link. Open the file it points to instead; "
                     "nothing was created or changed."), display);
      return FALSE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, KAB_STORE_ERROR,
                   saved == EACCES || saved == EROFS ? KAB_STORE_ERROR_READ_ONLY : KAB_STORE_ERROR_OPEN,
                   _("The folder “%s” could not be created: %s."), dir_display, g_strerror (saved));
      return FALSE;
    }

  *out_exists = g_lstat (path, &st) == 0;

  /* SQLite writes a journal beside the file, so the folder must be writable too. */
  if (access (dir, W_OK) != 0 || (*out_exists && access (path, W_OK) != 0))
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is in a place that cannot be written to. "
                     "Kabinett opened nothing, so that no change can be lost."), display);
      return FALSE;
    }

  /* An empty file is no practice, unless Kabinett made it a moment ago; with a journal
   * beside it, it may hold one, and the header check decides. */
  if (*out_exists && S_ISREG (st.st_mode) && st.st_size == 0 && !created_here (path))
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      GStatBuf wal_st;

      if (g_lstat (wal, &wal_st) != 0 || wal_st.st_size == 0)
        {
          g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT,
                       _("“%s” is an empty file, not a Kabinett practice. It was left "
                         "untouched."), display);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
take_lock (KabStore  *self,
           GError   **error)
{
  /* A BSD lock on the file itself is independent of SQLite's POSIX locks, and we keep
   * the descriptor open until SQLite is closed (closing any descriptor of the file would
   * drop SQLite's POSIX locks). The file is created here with mode 0600. */
  g_autofree char *display = g_filename_display_name (self->path);
  gboolean existed = g_file_test (self->path, G_FILE_TEST_EXISTS);

  self->lock_fd = g_open (self->path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (self->lock_fd < 0)
    {
      int saved = errno;
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_OPEN,
                   _("The database “%s” could not be opened: %s."), display, g_strerror (saved));
      return FALSE;
    }

  if (!existed)
    remember_created (self->path);

  if (flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_LOCKED,
                   _("The database “%s” is already open in another Kabinett window."), display);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (KabStore    *self,
           const char  *sql,
           int         *out_value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *out_value = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  sqlite3_finalize (stmt);
  kab_store_set_error (self, error, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc);
  return FALSE;
}

/* Reads the header only: nothing is written before we know the file is ours and not newer. */
static gboolean
check_identity (KabStore  *self,
                int       *out_version,
                GError   **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  int app_id = 0;
  int version = 0;
  int n_tables = 0;
  g_autoptr(GError) local_error = NULL;

  if (!query_int (self, "PRAGMA application_id", &app_id, &local_error) ||
      !query_int (self, "PRAGMA user_version", &version, &local_error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, &local_error))
    {
      if (g_error_matches (local_error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT))
        g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT,
                     _("“%s” is not a Kabinett database, or it is damaged (%s). "
                       "It was left untouched."), display, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Only a file Kabinett has just created may be without its mark: Kabinett sets it in
   * the same transaction that makes the first tables. An empty SQLite file of another
   * program has no mark either, whatever version it claims. */
  if (app_id != KAB_APPLICATION_ID
      && (app_id != 0 || n_tables > 0 || version != 0 || !created_here (self->path)))
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT,
                   _("“%s” is a database of another program. It was left untouched."),
                   display);
      return FALSE;
    }

  if (version > KAB_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Kabinett. "
                     "Update Kabinett to open it; the file was left untouched."), display);
      return FALSE;
    }

  *out_version = version;
  return TRUE;
}

/* `PRAGMA quick_check` reads every page but does not match indexes to tables: about
 * 50 ms on a 20-year practice (22 MB) here, so it runs before anything is shown or
 * written. A damaged practice is refused, and the newest backup that passes the full
 * check is named. */
static gboolean
check_sound (KabStore  *self,
             GError   **error)
{
  g_autofree char *damage = kab_store_find_damage (self->db, "quick_check");
  g_autofree char *display = NULL;
  g_autofree char *sound = NULL;

  if (damage == NULL)
    return TRUE;

  display = g_filename_display_name (self->path);
  sound = kab_store_find_sound_backup (self->path);
  if (sound != NULL)
    {
      g_autofree char *name = g_filename_display_basename (sound);

      /* Translators: the first %s is the file, the second SQLite's description of the
       * damage (in English), the third a backup's file name */
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT,
                   _("The practice “%s” is damaged (%s). Kabinett changed nothing in it. "
                     "The newest sound backup is “%s”: choose Restore a Backup… to "
                     "restore it; the damaged file is kept aside."),
                   display, *damage != '\0' ? damage : "?", name);
    }
  else
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT,
                   _("The practice “%s” is damaged (%s). Kabinett changed nothing in it, "
                     "and found no sound backup of it."),
                   display, *damage != '\0' ? damage : "?");
    }

  return FALSE;
}

/* Whether the folder holds nothing but this practice's own files, so that tightening
 * its mode takes nothing from anyone (a --database in a shared folder is left alone). */
static gboolean
folder_is_practice_only (const char *dir_path,
                         const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, base) && !g_str_equal (name, "backups"))
      return FALSE;

  return TRUE;
}

static gboolean
tighten_mode (const char *path,
              mode_t      mode)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0 || S_ISLNK (st.st_mode) || st.st_uid != getuid ()
      || (st.st_mode & 0777 & ~mode) == 0)
    return FALSE;

  return g_chmod (path, st.st_mode & mode & 0777) == 0;
}

/* The practice, its journals and its folder are the user's alone, whatever made them
 * wider (a copy by hand, a umask): new journals take the file's own mode. */
static void
enforce_modes (KabStore *self)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  const char *tails[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (tails); i++)
    {
      g_autofree char *file = g_strconcat (self->path, tails[i], NULL);

      if (tighten_mode (file, 0600))
        self->modes_tightened = TRUE;
    }

  if (folder_is_practice_only (dir, self->path) && tighten_mode (dir, 0700))
    self->modes_tightened = TRUE;
}

/**
 * kab_store_get_modes_tightened:
 *
 * Whether opening found the practice's files or folder readable by others, and made
 * them the user's alone (files 0600, folder 0700): the application says so once.
 */
gboolean
kab_store_get_modes_tightened (KabStore *self)
{
  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  return self->modes_tightened;
}

static gboolean
backup_before_migration (KabStore  *self,
                         int        from_version,
                         GError   **error)
{
  g_autofree char *backup = NULL;

  if (from_version == 0)
    return TRUE;

  backup = g_strdup_printf ("%s.schema-%d.bak", self->path, from_version);
  return kab_store_backup_to (self, backup, error);
}

static gboolean
configure (KabStore  *self,
           GError   **error)
{
  /* synchronous = FULL: each commit is on the disk before Kabinett says it is saved,
   * so a power cut cannot take back a payment or a session that was recorded (NORMAL
   * in WAL mode is consistent too, but may lose the last commits). One fsync per
   * transaction; writing 1,000 payments is one transaction. */
  return kab_store_exec (self,
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = FULL;"
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA secure_delete = ON;",
                         error);
}

static KabStore *
open_store (const char  *path,
            int          target_version,
            GError     **error)
{
  g_autoptr(KabStore) self = NULL;
  gboolean exists = FALSE;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_location (path, &exists, error))
    return NULL;

  self = g_object_new (KAB_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!take_lock (self, error))
    return NULL;

  if (!kab_store_wal_check (self, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      kab_store_set_error (self, error, rc);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 2000);

  if (!check_identity (self, &version, error))
    return NULL;

  enforce_modes (self);

  if (version > 0 && !check_sound (self, error))
    return NULL;

  if (version < target_version && !backup_before_migration (self, version, error))
    return NULL;

  if (!configure (self, error))
    return NULL;

  if (!kab_store_migrate (self, target_version, error))
    return NULL;

  kab_store_wal_watch (self);

  if (target_version == KAB_STORE_SCHEMA_VERSION && !kab_store_load_clients (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
load_practice (KabStore  *self,
               GError   **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self,
    "SELECT practitioner_name, title, address, phone, email, currency, default_fee,"
    " default_duration, cancel_hours, late_cancel_percent, form_language,"
    " retention_years, day_start_hour, day_end_hour, country FROM practice WHERE id = 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_object_set (self->practice,
                    "practitioner-name", kab_store_column_text (stmt, 0),
                    "title", kab_store_column_text (stmt, 1),
                    "address", kab_store_column_text (stmt, 2),
                    "phone", kab_store_column_text (stmt, 3),
                    "email", kab_store_column_text (stmt, 4),
                    "currency", kab_store_column_text (stmt, 5),
                    "default-fee", (gint64)sqlite3_column_int64 (stmt, 6),
                    "default-duration", sqlite3_column_int (stmt, 7),
                    "cancel-hours", sqlite3_column_int (stmt, 8),
                    "late-cancel-percent", sqlite3_column_int (stmt, 9),
                    "form-language", kab_store_column_text (stmt, 10),
                    "retention-years", sqlite3_column_int (stmt, 11),
                    "day-start-hour", sqlite3_column_int (stmt, 12),
                    "day-end-hour", sqlite3_column_int (stmt, 13),
                    "country", kab_store_column_text (stmt, 14),
                    NULL);
    }
  else if (rc == SQLITE_DONE)
    {
      /* A practice that has recorded nothing yet follows the user's locale: a Swedish
       * desktop bills in kronor and prints Swedish agreements from the start. */
      kab_practice_apply_country_defaults (self->practice, kab_country_from_locale ());
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      kab_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* One currency per practice: once the ledger has entries, changing it would sum two
 * currencies into one balance; only kab_store_convert_currency() changes it then. */
static gboolean
check_currency (KabStore     *self,
                KabPractice  *practice,
                GError      **error)
{
  const char *old = kab_practice_get_currency (self->practice);
  const char *new = kab_practice_get_currency (practice);
  sqlite3_stmt *stmt;
  gboolean used = FALSE;

  if (g_strcmp0 (old, new) == 0)
    return TRUE;

  stmt = kab_store_prepare (self,
    "SELECT EXISTS (SELECT 1 FROM charge) OR EXISTS (SELECT 1 FROM payment)", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    used = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  if (!used)
    return TRUE;

  g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED,
               /* Translators: %s are ISO currency codes, e.g. EUR and SEK */
               _("The ledger already has entries in %s. So that two currencies are never "
                 "added up in one balance, the currency changes to %s only by converting "
                 "the balances at an exchange rate: choose the currency in Preferences and "
                 "give the rate."),
               old, new);
  return FALSE;
}

/**
 * kab_store_open:
 * @path: the database file; created (mode 0600) when missing
 *
 * Opens the practice database, migrating it to the current schema after a backup copy.
 * A file that is not Kabinett's, is damaged, comes from a newer version, is locked by
 * another instance or cannot be written is refused with a #KabStoreError, untouched.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
KabStore *
kab_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(KabStore) self = open_store (path, KAB_STORE_SCHEMA_VERSION, error);

  if (self == NULL)
    return NULL;

  if (!load_practice (self, error))
    return NULL;

  kab_store_pending_check (self);

  /* The charges due since the last run (months turned while Kabinett was closed). */
  {
    g_autoptr(GDateTime) now = kab_store_now ();

    if (!kab_store_apply_rules (self, now, error))
      return NULL;
  }

  return g_steal_pointer (&self);
}

KabStore *
kab_store_open_at_version (const char  *path,
                           int          version,
                           GError     **error)
{
  return open_store (path, version, error);
}

const char *
kab_store_get_path (KabStore *self)
{
  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  return self->path;
}

/* The first line of `PRAGMA integrity_check` (or quick_check) on @db when it is not
 * "ok", as valid UTF-8; "" when SQLite could not even run the check. */
char *
kab_store_find_damage (sqlite3    *db,
                       const char *pragma)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  char *problem = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *)sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (text, "ok") != 0)
        {
          g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
          const char *start = valid;
          g_auto(GStrv) lines = NULL;

          /* "*** in database main ***\nPage 22: …": the page is what tells. */
          if (g_str_has_prefix (start, "*** in database main ***"))
            start += strlen ("*** in database main ***");
          lines = g_strsplit_set (g_strstrip ((char *)start), "\n", -1);
          problem = g_strjoinv ("; ", lines);
        }
    }
  else
    {
      problem = g_strdup ("");
    }

  sqlite3_finalize (stmt);
  return problem;
}

/* The practice was found damaged while open: say so, and write nothing more into it, so
 * that the damage is not built upon; the backups keep what was sound. */
void
kab_store_stop_writing (KabStore *self)
{
  self->damaged = TRUE;
  sqlite3_exec (self->db, "PRAGMA query_only = ON", NULL, NULL, NULL);
}

/**
 * kab_store_is_damaged:
 *
 * Whether a check found the open practice damaged (see kab_store_backup_to()). The
 * store then refuses every change, as a read-only file would.
 */
gboolean
kab_store_is_damaged (KabStore *self)
{
  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);

  return self->damaged;
}

/**
 * kab_store_copy_to:
 * @path: where to write the copy; replaced atomically when it exists
 * @check: whether to check the whole copy (`PRAGMA integrity_check`) before keeping it
 *
 * Writes a consistent copy of the open database with SQLite's online backup, first to a
 * temporary file beside @path, then renamed, so that a failed backup never leaves a
 * half-written file. The copy has mode 0600. A copy that fails its check is not kept;
 * when the practice itself fails it too, the store stops writing
 * (kab_store_is_damaged()) and the error says the practice is damaged.
 */
gboolean
kab_store_copy_to (KabStore    *self,
                   const char  *path,
                   gboolean     check,
                   GError     **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *display = NULL;
  g_autofree char *damage = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);
  tmp = g_strdup_printf ("%s.XXXXXX", path);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, KAB_STORE_ERROR,
                   saved == ENOSPC ? KAB_STORE_ERROR_FULL : KAB_STORE_ERROR_READ_ONLY,
                   _("The backup “%s” could not be written: %s."), display, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        {
          rc = sqlite3_errcode (dest);
        }
    }

  /* A damaged practice must not be rotated in as a good copy. */
  if (rc == SQLITE_OK && check)
    damage = kab_store_find_damage (dest, "integrity_check");

  sqlite3_close_v2 (dest);

  if (damage != NULL)
    {
      g_autofree char *live = kab_store_find_damage (self->db, "integrity_check");

      g_unlink (tmp);
      if (live != NULL)
        {
          kab_store_stop_writing (self);
          /* Translators: %s is SQLite's own description of the damage, in English */
          g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT,
                       _("The practice is damaged (%s). The backup was not made, and "
                         "Kabinett saves nothing more into it. Restore the newest backup "
                         "from Preferences → Backups."), *live != '\0' ? live : "?");
        }
      else
        {
          g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_FAILED,
                       _("The backup “%s” was damaged as it was written, so it was not "
                         "kept. Check the disk it is on."), display);
        }
      return FALSE;
    }

  if (rc == SQLITE_OK && g_rename (tmp, path) == 0)
    return TRUE;

  if (rc == SQLITE_OK)
    {
      int saved = errno;
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_FAILED,
                   _("The backup “%s” could not be written: %s."), display, g_strerror (saved));
    }
  else
    {
      g_set_error (error, KAB_STORE_ERROR,
                   (rc & 0xff) == SQLITE_FULL ? KAB_STORE_ERROR_FULL : KAB_STORE_ERROR_FAILED,
                   _("The backup “%s” could not be written: %s."), display, sqlite3_errstr (rc));
    }

  g_unlink (tmp);
  return FALSE;
}

/**
 * kab_store_backup_to:
 * @path: where to write the copy; replaced atomically when it exists
 *
 * Writes a checked copy of the open database: see kab_store_copy_to().
 */
gboolean
kab_store_backup_to (KabStore    *self,
                     const char  *path,
                     GError     **error)
{
  return kab_store_copy_to (self, path, TRUE, error);
}

/* Practice */

KabPractice *
kab_store_get_practice (KabStore *self)
{
  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  return self->practice;
}

static void
copy_practice (KabPractice *from,
               KabPractice *to)
{
  g_autofree GParamSpec **specs = NULL;
  guint n_specs = 0;

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (from), &n_specs);
  for (guint i = 0; i < n_specs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((specs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;

      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (G_OBJECT (from), specs[i]->name, &value);
      g_object_set_property (G_OBJECT (to), specs[i]->name, &value);
    }
}

/**
 * kab_store_save_practice:
 * @practice: the settings to save; may be the store's own object or an edited copy
 *
 * Validates and saves the practice settings. On success the store's practice object
 * takes the new values (and notifies), so views bound to it update.
 */
gboolean
kab_store_save_practice (KabStore     *self,
                         KabPractice  *practice,
                         GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KAB_IS_STORE (self), FALSE);
  g_return_val_if_fail (KAB_IS_PRACTICE (practice), FALSE);

  if (!kab_practice_validate (practice, error) ||
      !check_currency (self, practice, error) ||
      !kab_store_note_practice_rate (self, practice, error))
    return FALSE;

  stmt = kab_store_prepare (self,
    "INSERT INTO practice (id, practitioner_name, title, address, phone, email, currency,"
    " default_fee, default_duration, cancel_hours, late_cancel_percent, form_language,"
    " retention_years, day_start_hour, day_end_hour, country)"
    " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
    " ON CONFLICT (id) DO UPDATE SET practitioner_name = ?1, title = ?2, address = ?3,"
    " phone = ?4, email = ?5, currency = ?6, default_fee = ?7, default_duration = ?8,"
    " cancel_hours = ?9, late_cancel_percent = ?10, form_language = ?11,"
    " retention_years = ?12, day_start_hour = ?13, day_end_hour = ?14, country = ?15", error);
  if (stmt == NULL)
    return FALSE;

  kab_store_bind_text (stmt, 1, kab_practice_get_practitioner_name (practice));
  kab_store_bind_text (stmt, 2, kab_practice_get_title (practice));
  kab_store_bind_text (stmt, 3, kab_practice_get_address (practice));
  kab_store_bind_text (stmt, 4, kab_practice_get_phone (practice));
  kab_store_bind_text (stmt, 5, kab_practice_get_email (practice));
  kab_store_bind_text (stmt, 6, kab_practice_get_currency (practice));
  sqlite3_bind_int64 (stmt, 7, kab_practice_get_default_fee (practice));
  sqlite3_bind_int (stmt, 8, kab_practice_get_default_duration (practice));
  sqlite3_bind_int (stmt, 9, kab_practice_get_cancel_hours (practice));
  sqlite3_bind_int (stmt, 10, kab_practice_get_late_cancel_percent (practice));
  kab_store_bind_text (stmt, 11, kab_practice_get_form_language (practice));
  sqlite3_bind_int (stmt, 12, kab_practice_get_retention_years (practice));
  sqlite3_bind_int (stmt, 13, kab_practice_get_day_start_hour (practice));
  sqlite3_bind_int (stmt, 14, kab_practice_get_day_end_hour (practice));
  kab_store_bind_text (stmt, 15, kab_practice_get_country (practice));

  if (!kab_store_step_done (self, stmt, error))
    return FALSE;

  if (practice != self->practice)
    copy_practice (practice, self->practice);

  return TRUE;
}
