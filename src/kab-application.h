/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-application.h: the application: command line, app-wide actions, the practice store */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KAB_TYPE_APPLICATION (kab_application_get_type ())

G_DECLARE_FINAL_TYPE (KabApplication, kab_application, KAB, APPLICATION, AdwApplication)

KabApplication *kab_application_new            (void);
void            kab_application_pin_time_zone  (void);
void            kab_application_name_theme_at_start (void);
void            kab_application_restore_encrypted_backup (KabApplication *self,
                                                          const char     *backup_path,
                                                          const char     *passphrase);
void            kab_application_restore_backup (KabApplication *self,
                                                const char     *backup_path);

G_END_DECLS
