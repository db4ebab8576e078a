/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-ics-follower.h: a calendar file that follows the practice, rewritten after each change */

#pragma once

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_ICS_FOLLOWER (kab_ics_follower_get_type ())

G_DECLARE_FINAL_TYPE (KabIcsFollower, kab_ics_follower, KAB, ICS_FOLLOWER, GObject)

/* Properties: "store" (construct-only), "path" ("" for none), "initials-only". */
KabIcsFollower *kab_ics_follower_new               (KabStore       *store);
const char     *kab_ics_follower_get_path          (KabIcsFollower *self);
void            kab_ics_follower_set_path          (KabIcsFollower *self,
                                                    const char     *path);
gboolean        kab_ics_follower_get_initials_only (KabIcsFollower *self);
void            kab_ics_follower_set_initials_only (KabIcsFollower *self,
                                                    gboolean        initials_only);
gboolean        kab_ics_follower_write             (KabIcsFollower *self,
                                                    GError        **error);

G_END_DECLS
