/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-income-page.h: a year's income by month, as a chart and a table, and the export for the accountant */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_INCOME_PAGE (kab_income_page_get_type ())

G_DECLARE_FINAL_TYPE (KabIncomePage, kab_income_page, KAB, INCOME_PAGE, AdwBin)

GtkWidget *kab_income_page_new      (KabStore      *store);
int        kab_income_page_get_year (KabIncomePage *self);
void       kab_income_page_set_year (KabIncomePage *self,
                                     int            year);

G_END_DECLS
