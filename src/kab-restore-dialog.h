/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-restore-dialog.h: asking before a backup replaces the practice, and choosing one */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void kab_restore_dialog_confirm (GtkWindow  *parent,
                                 const char *backup_path);
void kab_restore_dialog_choose  (GtkWindow  *parent,
                                 const char *db_path);

G_END_DECLS
