/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-encryption-group.h: Preferences says whether the practice's disk is encrypted */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KAB_TYPE_ENCRYPTION_GROUP (kab_encryption_group_get_type ())
G_DECLARE_FINAL_TYPE (KabEncryptionGroup, kab_encryption_group, KAB, ENCRYPTION_GROUP, AdwPreferencesGroup)

const char *kab_encryption_group_get_path (KabEncryptionGroup *self);
void        kab_encryption_group_set_path (KabEncryptionGroup *self,
                                           const char         *path);

G_END_DECLS
