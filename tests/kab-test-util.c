/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-test-util.c: what several tests need, so that each does not write it again */

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "kab-test-util.h"

/**
 * kab_test_remove_tree:
 * @path: a test's temporary folder (or file)
 *
 * Removes @path and everything in it, also after a test made a folder read-only. Links
 * are removed, never followed.
 */
void
kab_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (!S_ISDIR (st.st_mode))
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      kab_test_remove_tree (child);
    }

  g_rmdir (path);
}
