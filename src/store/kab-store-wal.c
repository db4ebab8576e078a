/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-wal.c: a write-ahead journal is replayed only into the file it was written for */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kab-store-private.h"

/* SQLite replays whatever "-wal" lies beside a file, if its frames are sound: after a copy
 * by hand of a backup over the practice, the journal of the practice as it was would be
 * replayed into the backup, and the result would be a mix of the two. So Kabinett keeps
 * a side record, "kabinett.db-walid", of which journal belongs to which state of the
 * file: the journal's salts (new each time SQLite starts the journal over) and the
 * file's inode, size and modification time after the last checkpoint (the only moment
 * SQLite writes the file itself). While a checkpoint runs, the file may be half written
 * and only the journal can repair it, so the record says "pending" and the journal is
 * trusted on its salts alone.
 *
 * Kabinett checkpoints itself (sqlite3_wal_hook() replaces SQLite's automatic one), so
 * that it knows when the file changes. */

#define KAB_WAL_CHECKPOINT_PAGES 1000
#define KAB_WAL_HEADER_SIZE      32

typedef struct
{
  guint32 salt1;
  guint32 salt2;
  guint64 inode;
  gint64  size;
  gint64  mtime_ns;
  gboolean pending;
} WalRecord;

static char *
record_path (KabStore *self)
{
  return g_strconcat (self->path, "-walid", NULL);
}

static char *
wal_path (KabStore *self)
{
  return g_strconcat (self->path, "-wal", NULL);
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

/* The salts of the journal's header; FALSE when there is no journal with frames. */
static gboolean
read_wal_salts (const char *path,
                guint32    *out_salt1,
                guint32    *out_salt2)
{
  guchar header[KAB_WAL_HEADER_SIZE];
  GStatBuf st;
  gboolean ok;
  int fd;

  if (g_stat (path, &st) != 0 || st.st_size <= KAB_WAL_HEADER_SIZE)
    return FALSE;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;

  ok = pread (fd, header, sizeof header, 0) == sizeof header;
  close (fd);
  if (!ok)
    return FALSE;

  *out_salt1 = read_be32 (header + 16);
  *out_salt2 = read_be32 (header + 20);
  return TRUE;
}

static gboolean
stat_file (const char *path,
           WalRecord  *record)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return FALSE;

  record->inode = st.st_ino;
  record->size = st.st_size;
  record->mtime_ns = (gint64)st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
  return TRUE;
}

static gboolean
load_record (KabStore  *self,
             WalRecord *record)
{
  g_autofree char *path = record_path (self);
  g_autofree char *text = NULL;
  char state[16] = { 0 };

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;

  if (sscanf (text, "kabinett-wal 1 %" SCNu32 " %" SCNu32 " %" SCNu64 " %" SCNd64 " %" SCNd64 " %15s",
              &record->salt1, &record->salt2, &record->inode, &record->size,
              &record->mtime_ns, state) != 6)
    return FALSE;

  record->pending = g_str_equal (state, "pending");
  return TRUE;
}

static void
save_record (KabStore *self,
             gboolean  pending)
{
  g_autofree char *path = record_path (self);
  g_autofree char *wal = wal_path (self);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  WalRecord record = { 0, };

  read_wal_salts (wal, &record.salt1, &record.salt2);
  stat_file (self->path, &record);
  self->wal_salt1 = record.salt1;
  self->wal_salt2 = record.salt2;

  text = g_strdup_printf ("kabinett-wal 1 %" G_GUINT32_FORMAT " %" G_GUINT32_FORMAT
                          " %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s\n",
                          record.salt1, record.salt2, record.inode, record.size,
                          record.mtime_ns, pending ? "pending" : "done");

  /* Written whole and synced, then renamed (mode 0600 as the file it describes). */
  if (g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    return;

  /* A record that is not up to date could set a good journal aside: without one, the
   * journal is trusted as SQLite would. */
  g_message ("Could not keep the record of the journal: %s", error->message);
  g_unlink (path);
}

static void
checkpoint (KabStore   *self,
            int         mode)
{
  save_record (self, TRUE);
  sqlite3_wal_checkpoint_v2 (self->db, NULL, mode, NULL, NULL);
  save_record (self, FALSE);
}

static int
on_wal_commit (void       *data,
               sqlite3    *db G_GNUC_UNUSED,
               const char *name G_GNUC_UNUSED,
               int         n_pages)
{
  KabStore *self = data;

  if (n_pages >= KAB_WAL_CHECKPOINT_PAGES)
    {
      checkpoint (self, SQLITE_CHECKPOINT_PASSIVE);
      return SQLITE_OK;
    }

  /* SQLite started the journal over: its new salts are what the record must know. */
  {
    g_autofree char *wal = wal_path (self);
    guint32 salt1 = 0, salt2 = 0;

    if (read_wal_salts (wal, &salt1, &salt2)
        && (salt1 != self->wal_salt1 || salt2 != self->wal_salt2))
      save_record (self, FALSE);
  }

  return SQLITE_OK;
}

static char *
set_aside_path (KabStore *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *dir = kab_store_get_backup_dir (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *name = g_strdup_printf ("%s-wal.set-aside-%s", base, stamp);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return NULL;

  return g_build_filename (dir, name, NULL);
}

/**
 * kab_store_wal_check:
 *
 * Before SQLite opens the file: a journal with frames that does not belong to the file
 * as Kabinett last left it is moved into the backups folder, not replayed. Without a
 * record (a practice from before this check) the journal is trusted, as SQLite would.
 */
gboolean
kab_store_wal_check (KabStore  *self,
                     GError   **error)
{
  g_autofree char *wal = wal_path (self);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
  g_autofree char *aside = NULL;
  WalRecord record = { 0, };
  WalRecord file = { 0, };
  guint32 salt1, salt2;
  gboolean same_salts, same_file;

  if (!read_wal_salts (wal, &salt1, &salt2) || !load_record (self, &record))
    return TRUE;

  /* While a checkpoint runs, the file may be half written: the journal is the one the
   * record names, whatever the file looks like. Otherwise the file must be as the last
   * checkpoint left it, and the journal the one recorded, or its next one (SQLite adds
   * one to the first salt when it starts over; the record of it may have been cut off
   * with that commit, which was then never reported saved). */
  same_salts = salt1 == record.salt1 && salt2 == record.salt2;
  same_file = stat_file (self->path, &file) && file.inode == record.inode
              && file.size == record.size && file.mtime_ns == record.mtime_ns;
  if (record.pending ? same_salts : (same_file && (same_salts || salt1 == record.salt1 + 1)))
    return TRUE;

  aside = set_aside_path (self);
  if (aside == NULL || g_rename (wal, aside) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT,
                   _("The journal beside “%s” belongs to another copy of the practice, and "
                     "it could not be set aside (%s). Nothing was opened or changed."),
                   display, g_strerror (saved));
      return FALSE;
    }

  g_unlink (shm);
  self->wal_set_aside = g_steal_pointer (&aside);
  return TRUE;
}

/**
 * kab_store_wal_watch:
 *
 * Once the file is open in WAL mode and checked: takes the checkpoints over from SQLite
 * and records which journal belongs to the file.
 */
void
kab_store_wal_watch (KabStore *self)
{
  g_autofree char *wal = wal_path (self);
  WalRecord record = { 0, };
  WalRecord file = { 0, };
  guint32 salt1, salt2;

  sqlite3_wal_hook (self->db, on_wal_commit, self);
  self->wal_watched = TRUE;

  /* A journal with frames (after a crash, or a long migration) goes into the file now. */
  if (read_wal_salts (wal, &salt1, &salt2))
    {
      checkpoint (self, SQLITE_CHECKPOINT_TRUNCATE);
      return;
    }

  /* Usually there is none, and the record from the last close still holds: nothing to
   * write, so that opening costs no sync. */
  if (load_record (self, &record) && !record.pending && stat_file (self->path, &file)
      && file.inode == record.inode && file.size == record.size
      && file.mtime_ns == record.mtime_ns)
    {
      self->wal_salt1 = record.salt1;
      self->wal_salt2 = record.salt2;
      return;
    }

  save_record (self, FALSE);
}

/**
 * kab_store_wal_closing:
 *
 * Just before SQLite closes the file, which checkpoints it a last time.
 */
void
kab_store_wal_closing (KabStore *self)
{
  if (self->db != NULL && self->wal_watched)
    save_record (self, TRUE);
}

/**
 * kab_store_get_wal_set_aside:
 *
 * Returns: (nullable) (type filename): where a journal that did not belong to the
 *   practice was moved at open, or %NULL
 */
const char *
kab_store_get_wal_set_aside (KabStore *self)
{
  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  return self->wal_set_aside;
}
