/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-safety-fault.h: a failed commit, injected under SQLite, and a writer that dies after it */

#pragma once

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A VFS in front of the real one that fails the next operation on the write-ahead
 * journal, once armed:
 * - FAULT_SYNC_AFTER_WRITE: the journal's fsync "fails" with EIO after the frames were
 *   written: SQLite reports the commit failed, yet the frames are in the file, and a
 *   process that dies then finds them replayed at the next open.
 * - FAULT_WRITE: the journal's write fails, nothing of the commit reaches the file. */
typedef enum {
  FAULT_NONE,
  FAULT_SYNC_AFTER_WRITE,
  FAULT_WRITE,
} FaultMode;

static sqlite3_vfs *fault_real_vfs;
static sqlite3_vfs  fault_vfs;
static FaultMode    fault_armed;
static guint        fault_hits;

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
  gboolean      is_wal;
} FaultFile;

#define FAULT_REAL(f) (((FaultFile *)(f))->real)

static int
fault_close (sqlite3_file *file)
{
  int rc = FAULT_REAL (file)->pMethods->xClose (FAULT_REAL (file));

  g_free (FAULT_REAL (file));
  return rc;
}

static int
fault_read (sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
  return FAULT_REAL (file)->pMethods->xRead (FAULT_REAL (file), buf, amount, offset);
}

static int
fault_write (sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
  if (((FaultFile *)file)->is_wal && fault_armed == FAULT_WRITE)
    {
      fault_armed = FAULT_NONE;
      fault_hits++;
      return SQLITE_IOERR_WRITE;
    }

  return FAULT_REAL (file)->pMethods->xWrite (FAULT_REAL (file), buf, amount, offset);
}

static int
fault_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  return FAULT_REAL (file)->pMethods->xTruncate (FAULT_REAL (file), size);
}

static int
fault_sync (sqlite3_file *file, int flags)
{
  int rc = FAULT_REAL (file)->pMethods->xSync (FAULT_REAL (file), flags);

  if (rc == SQLITE_OK && ((FaultFile *)file)->is_wal && fault_armed == FAULT_SYNC_AFTER_WRITE)
    {
      fault_armed = FAULT_NONE;
      fault_hits++;
      return SQLITE_IOERR_FSYNC;
    }

  return rc;
}

static int
fault_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  return FAULT_REAL (file)->pMethods->xFileSize (FAULT_REAL (file), size);
}

static int
fault_lock (sqlite3_file *file, int level)
{
  return FAULT_REAL (file)->pMethods->xLock (FAULT_REAL (file), level);
}

static int
fault_unlock (sqlite3_file *file, int level)
{
  return FAULT_REAL (file)->pMethods->xUnlock (FAULT_REAL (file), level);
}

static int
fault_check_reserved (sqlite3_file *file, int *out)
{
  return FAULT_REAL (file)->pMethods->xCheckReservedLock (FAULT_REAL (file), out);
}

static int
fault_file_control (sqlite3_file *file, int op, void *arg)
{
  return FAULT_REAL (file)->pMethods->xFileControl (FAULT_REAL (file), op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  return FAULT_REAL (file)->pMethods->xSectorSize (FAULT_REAL (file));
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  return FAULT_REAL (file)->pMethods->xDeviceCharacteristics (FAULT_REAL (file));
}

static int
fault_shm_map (sqlite3_file *file, int page, int size, int extend, void volatile **out)
{
  return FAULT_REAL (file)->pMethods->xShmMap (FAULT_REAL (file), page, size, extend, out);
}

static int
fault_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  return FAULT_REAL (file)->pMethods->xShmLock (FAULT_REAL (file), offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *file)
{
  FAULT_REAL (file)->pMethods->xShmBarrier (FAULT_REAL (file));
}

static int
fault_shm_unmap (sqlite3_file *file, int delete_flag)
{
  return FAULT_REAL (file)->pMethods->xShmUnmap (FAULT_REAL (file), delete_flag);
}

static const sqlite3_io_methods fault_io_methods = {
  2,
  fault_close,
  fault_read,
  fault_write,
  fault_truncate,
  fault_sync,
  fault_file_size,
  fault_lock,
  fault_unlock,
  fault_check_reserved,
  fault_file_control,
  fault_sector_size,
  fault_device_characteristics,
  fault_shm_map,
  fault_shm_lock,
  fault_shm_barrier,
  fault_shm_unmap,
  NULL,
  NULL,
};

static int
fault_open (sqlite3_vfs  *vfs G_GNUC_UNUSED,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  FaultFile *fault = (FaultFile *)file;
  int rc;

  fault->real = g_malloc0 (fault_real_vfs->szOsFile);
  fault->is_wal = (flags & SQLITE_OPEN_WAL) != 0;
  rc = fault_real_vfs->xOpen (fault_real_vfs, name, fault->real, flags, out_flags);
  if (fault->real->pMethods == NULL)
    {
      g_clear_pointer (&fault->real, g_free);
      file->pMethods = NULL;
      return rc;
    }

  file->pMethods = &fault_io_methods;
  return rc;
}

static int
fault_delete (sqlite3_vfs *vfs G_GNUC_UNUSED, const char *name, int sync_dir)
{
  return fault_real_vfs->xDelete (fault_real_vfs, name, sync_dir);
}

static int
fault_access (sqlite3_vfs *vfs G_GNUC_UNUSED, const char *name, int flags, int *out)
{
  return fault_real_vfs->xAccess (fault_real_vfs, name, flags, out);
}

static int
fault_full_pathname (sqlite3_vfs *vfs G_GNUC_UNUSED, const char *name, int n, char *out)
{
  return fault_real_vfs->xFullPathname (fault_real_vfs, name, n, out);
}

static int
fault_randomness (sqlite3_vfs *vfs G_GNUC_UNUSED, int n, char *out)
{
  return fault_real_vfs->xRandomness (fault_real_vfs, n, out);
}

static int
fault_sleep (sqlite3_vfs *vfs G_GNUC_UNUSED, int microseconds)
{
  return fault_real_vfs->xSleep (fault_real_vfs, microseconds);
}

static int
fault_current_time (sqlite3_vfs *vfs G_GNUC_UNUSED, double *out)
{
  return fault_real_vfs->xCurrentTime (fault_real_vfs, out);
}

static int
fault_get_last_error (sqlite3_vfs *vfs G_GNUC_UNUSED, int n, char *out)
{
  return fault_real_vfs->xGetLastError (fault_real_vfs, n, out);
}

static int
fault_current_time_int64 (sqlite3_vfs *vfs G_GNUC_UNUSED, sqlite3_int64 *out)
{
  return fault_real_vfs->xCurrentTimeInt64 (fault_real_vfs, out);
}

/* Makes the faulty VFS SQLite's default, for the connections opened from now on. */
static inline void
fault_install (void)
{
  if (fault_real_vfs != NULL)
    return;

  fault_real_vfs = sqlite3_vfs_find (NULL);
  fault_vfs.iVersion = 2;
  fault_vfs.szOsFile = sizeof (FaultFile);
  fault_vfs.mxPathname = fault_real_vfs->mxPathname;
  fault_vfs.zName = "kab-fault";
  fault_vfs.xOpen = fault_open;
  fault_vfs.xDelete = fault_delete;
  fault_vfs.xAccess = fault_access;
  fault_vfs.xFullPathname = fault_full_pathname;
  fault_vfs.xRandomness = fault_randomness;
  fault_vfs.xSleep = fault_sleep;
  fault_vfs.xCurrentTime = fault_current_time;
  fault_vfs.xGetLastError = fault_get_last_error;
  fault_vfs.xCurrentTimeInt64 = fault_current_time_int64;
  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
}

/* Runs @func in a child process that dies (SIGKILL, no close, no checkpoint) as soon as
 * it returns; the parent waits for it. @func returns FALSE when what it expected did not
 * happen, which fails the test. */
typedef gboolean (*FaultChildFunc) (gpointer data);

static inline void
fault_run_and_die (FaultChildFunc func,
                   gpointer       data)
{
  pid_t pid;
  int status = 0;

  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      fault_install ();
      if (!func (data))
        _exit (1);
      kill (getpid (), SIGKILL);
      _exit (2);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
}

G_END_DECLS
