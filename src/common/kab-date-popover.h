/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-date-popover.h: a calendar in a popover to record the day something happened */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KAB_TYPE_DATE_POPOVER (kab_date_popover_get_type ())

G_DECLARE_FINAL_TYPE (KabDatePopover, kab_date_popover, KAB, DATE_POPOVER, GtkPopover)

GtkWidget  *kab_date_popover_new         (void);
const char *kab_date_popover_get_heading (KabDatePopover *self);
void        kab_date_popover_set_heading (KabDatePopover *self,
                                          const char     *heading);
GDateTime  *kab_date_popover_dup_date    (KabDatePopover *self);
void        kab_date_popover_set_date    (KabDatePopover *self,
                                          GDateTime      *date);
void        kab_date_popover_record      (KabDatePopover *self);
void        kab_date_popover_set_allow_future (KabDatePopover *self,
                                               gboolean        allow_future);
void        kab_date_popover_set_action_label (KabDatePopover *self,
                                               const char     *label);

G_END_DECLS
