/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-month-cell.h: one day of the month view: its number and its sessions, one line each */

#pragma once

#include <gtk/gtk.h>

#include "kab-session-block.h"

G_BEGIN_DECLS

#define KAB_TYPE_MONTH_CELL (kab_month_cell_get_type ())

G_DECLARE_FINAL_TYPE (KabMonthCell, kab_month_cell, KAB, MONTH_CELL, GtkWidget)

GtkWidget       *kab_month_cell_new          (void);
GDateTime       *kab_month_cell_get_date     (KabMonthCell *self);
void             kab_month_cell_set_date     (KabMonthCell *self,
                                              GDateTime    *date,
                                              gboolean      in_month,
                                              gboolean      today);
void             kab_month_cell_set_n_weeks  (KabMonthCell *self,
                                              guint         n_weeks);
void             kab_month_cell_set_sessions (KabMonthCell *self,
                                              GPtrArray    *sessions);
guint            kab_month_cell_get_n_sessions (KabMonthCell *self);
KabSessionBlock *kab_month_cell_find_block   (KabMonthCell *self,
                                              gint64        session_id);

G_END_DECLS
