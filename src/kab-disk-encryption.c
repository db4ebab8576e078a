/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-disk-encryption.c: whether a file lies on an encrypted (dm-crypt/LUKS) disk */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <glib/gstdio.h>

#include "kab-disk-encryption.h"

/* A device-mapper device set up by cryptsetup has a uuid "CRYPT-LUKS2-…" (or
 * "CRYPT-PLAIN-…"); one of LVM or RAID is built on others, listed in "slaves". Depth
 * is limited, so that a loop in a strange tree cannot hang the check. */
static gboolean
block_dir_is_encrypted (const char *dir,
                        guint       depth)
{
  g_autofree char *uuid_path = g_build_filename (dir, "dm", "uuid", NULL);
  g_autofree char *slaves_path = g_build_filename (dir, "slaves", NULL);
  g_autofree char *uuid = NULL;
  g_autoptr(GDir) slaves = NULL;
  const char *name;

  if (depth > 8)
    return FALSE;

  if (g_file_get_contents (uuid_path, &uuid, NULL, NULL) && g_str_has_prefix (uuid, "CRYPT-"))
    return TRUE;

  slaves = g_dir_open (slaves_path, 0, NULL);
  while (slaves != NULL && (name = g_dir_read_name (slaves)) != NULL)
    {
      g_autofree char *slave = g_build_filename (slaves_path, name, NULL);

      if (block_dir_is_encrypted (slave, depth + 1))
        return TRUE;
    }

  return FALSE;
}

/**
 * kab_disk_encryption_for_device:
 * @sys_root: where sysfs is mounted, "/sys" (another folder in tests)
 *
 * Returns: whether the block device @major:@minor is dm-crypt, or built on one
 */
KabDiskEncryption
kab_disk_encryption_for_device (guint       major,
                                guint       minor,
                                const char *sys_root)
{
  g_autofree char *name = g_strdup_printf ("%u:%u", major, minor);
  g_autofree char *dir = g_build_filename (sys_root, "dev", "block", name, NULL);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return KAB_DISK_ENCRYPTION_UNKNOWN;

  return block_dir_is_encrypted (dir, 0) ? KAB_DISK_ENCRYPTION_DM_CRYPT
                                         : KAB_DISK_ENCRYPTION_NONE;
}

/* Btrfs and others give files an anonymous device (major 0): the mount's source device
 * in /proc/self/mountinfo tells which disk it is. */
static gboolean
mount_source_device (const char *path,
                     dev_t      *out_dev)
{
  g_autofree char *real = g_canonicalize_filename (path, NULL);
  g_autofree char *info = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *best_source = NULL;
  gsize best_len = 0;
  GStatBuf st;

  if (!g_file_get_contents ("/proc/self/mountinfo", &info, NULL, NULL))
    return FALSE;

  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", -1);
      guint n = g_strv_length (fields);
      const char *mount_point;
      gsize len;

      if (n < 10)
        continue;

      mount_point = fields[4];
      len = strlen (mount_point);
      if (!g_str_has_prefix (real, mount_point)
          || (len > 1 && real[len] != '/' && real[len] != '\0') || len < best_len)
        continue;

      /* After the "-" separator: the type, then the source. */
      for (guint j = 6; j + 2 < n; j++)
        if (g_str_equal (fields[j], "-"))
          {
            g_free (best_source);
            best_source = g_strdup (fields[j + 2]);
            best_len = len;
            break;
          }
    }

  if (best_source == NULL || !g_str_has_prefix (best_source, "/dev/")
      || g_stat (best_source, &st) != 0 || !S_ISBLK (st.st_mode))
    return FALSE;

  *out_dev = st.st_rdev;
  return TRUE;
}

/**
 * kab_disk_encryption_for_path:
 *
 * Returns: whether @path lies on a dm-crypt (LUKS) disk, as far as sysfs tells
 */
KabDiskEncryption
kab_disk_encryption_for_path (const char *path)
{
  GStatBuf st;
  dev_t dev;

  if (g_stat (path, &st) != 0)
    return KAB_DISK_ENCRYPTION_UNKNOWN;

  dev = st.st_dev;
  if (major (dev) == 0 && !mount_source_device (path, &dev))
    return KAB_DISK_ENCRYPTION_UNKNOWN;

  return kab_disk_encryption_for_device (major (dev), minor (dev), "/sys");
}
