/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-disk-encryption.h: whether a file lies on an encrypted (dm-crypt/LUKS) disk */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KAB_DISK_ENCRYPTION_UNKNOWN,
  KAB_DISK_ENCRYPTION_NONE,
  KAB_DISK_ENCRYPTION_DM_CRYPT,
} KabDiskEncryption;

KabDiskEncryption kab_disk_encryption_for_device (guint       major,
                                                  guint       minor,
                                                  const char *sys_root);
KabDiskEncryption kab_disk_encryption_for_path   (const char *path);

G_END_DECLS
