/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-export-dialog.h: choose which sessions go into a calendar file, and how they are named */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_EXPORT_DIALOG (kab_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KabExportDialog, kab_export_dialog, KAB, EXPORT_DIALOG, AdwWindow)

KabExportDialog *kab_export_dialog_new       (KabStore        *store,
                                              GDateTime       *date,
                                              int              first_weekday,
                                              gboolean         month);
void             kab_export_dialog_get_range (KabExportDialog *self,
                                              GDateTime      **out_from,
                                              GDateTime      **out_to);
gboolean         kab_export_dialog_write     (KabExportDialog *self,
                                              GFile           *file,
                                              GError         **error);

G_END_DECLS
