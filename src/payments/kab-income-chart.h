/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-income-chart.h: a bar chart of a year's income, charged and paid side by side per month */

#pragma once

#include <gtk/gtk.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_INCOME_CHART (kab_income_chart_get_type ())

G_DECLARE_FINAL_TYPE (KabIncomeChart, kab_income_chart, KAB, INCOME_CHART, GtkWidget)

GtkWidget  *kab_income_chart_new         (void);
void        kab_income_chart_set_income  (KabIncomeChart  *self,
                                          int              year,
                                          const KabIncome  months[12],
                                          const char      *currency);
int         kab_income_chart_get_year    (KabIncomeChart  *self);
char       *kab_income_chart_dup_summary (KabIncomeChart  *self);

G_END_DECLS
