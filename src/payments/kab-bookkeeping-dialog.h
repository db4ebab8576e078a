/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-bookkeeping-dialog.h: the period and format of the export for the accountant */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_BOOKKEEPING_DIALOG (kab_bookkeeping_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KabBookkeepingDialog, kab_bookkeeping_dialog, KAB, BOOKKEEPING_DIALOG, AdwWindow)

typedef enum
{
  KAB_BOOKKEEPING_FORMAT_SEMICOLON,   /* CSV, ";" and decimal comma */
  KAB_BOOKKEEPING_FORMAT_COMMA,       /* CSV, "," and decimal point */
  KAB_BOOKKEEPING_FORMAT_SIE,         /* SIE 4 */
} KabBookkeepingFormat;

GtkWidget            *kab_bookkeeping_dialog_new        (KabStore             *store,
                                                         int                   year);
GDateTime            *kab_bookkeeping_dialog_get_first  (KabBookkeepingDialog *self);
GDateTime            *kab_bookkeeping_dialog_get_last   (KabBookkeepingDialog *self);
void                  kab_bookkeeping_dialog_set_period (KabBookkeepingDialog *self,
                                                         GDateTime            *first,
                                                         GDateTime            *last);
gboolean              kab_bookkeeping_dialog_is_valid   (KabBookkeepingDialog *self);
KabBookkeepingFormat  kab_bookkeeping_dialog_get_format (KabBookkeepingDialog *self);
void                  kab_bookkeeping_dialog_set_format (KabBookkeepingDialog *self,
                                                         KabBookkeepingFormat  format);
char                 *kab_bookkeeping_dialog_dup_file_name (KabBookkeepingDialog *self);
gboolean              kab_bookkeeping_dialog_save       (KabBookkeepingDialog *self,
                                                         GFile                *file,
                                                         GError              **error);

G_END_DECLS
