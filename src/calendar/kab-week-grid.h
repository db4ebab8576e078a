/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-week-grid.h: the week's time grid, drawn in snapshot, with one block per session */

#pragma once

#include <gtk/gtk.h>

#include "kab-session-block.h"

G_BEGIN_DECLS

#define KAB_TYPE_WEEK_GRID (kab_week_grid_get_type ())

G_DECLARE_FINAL_TYPE (KabWeekGrid, kab_week_grid, KAB, WEEK_GRID, GtkWidget)

GtkWidget       *kab_week_grid_new                (void);
GDateTime       *kab_week_grid_get_week_start     (KabWeekGrid *self);
void             kab_week_grid_set_week_start     (KabWeekGrid *self,
                                                   GDateTime   *week_start);
int              kab_week_grid_get_hour_height    (KabWeekGrid *self);
void             kab_week_grid_set_hour_height    (KabWeekGrid *self,
                                                   int          hour_height);
void             kab_week_grid_set_working_hours  (KabWeekGrid *self,
                                                   int          start_hour,
                                                   int          end_hour);
void             kab_week_grid_set_slot_minutes   (KabWeekGrid *self,
                                                   int          minutes);
int              kab_week_grid_get_gutter_width   (KabWeekGrid *self);
void             kab_week_grid_set_sessions       (KabWeekGrid *self,
                                                   GListModel  *sessions);
guint            kab_week_grid_get_n_blocks       (KabWeekGrid *self);
void             kab_week_grid_set_absent_days    (KabWeekGrid *self,
                                                   guint        days);
KabSessionBlock *kab_week_grid_find_block         (KabWeekGrid *self,
                                                   gint64       session_id);

guint        kab_week_grid_get_n_hidden      (KabWeekGrid *self);

G_END_DECLS
