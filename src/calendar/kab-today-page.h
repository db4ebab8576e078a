/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-today-page.h: the Calendar's day mode: a day's sessions, the week ahead, what waits */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_TODAY_PAGE (kab_today_page_get_type ())

G_DECLARE_FINAL_TYPE (KabTodayPage, kab_today_page, KAB, TODAY_PAGE, AdwBin)

void        kab_today_page_set_store    (KabTodayPage *self,
                                         KabStore     *store);
void        kab_today_page_set_date     (KabTodayPage *self,
                                         GDateTime    *day);
void        kab_today_page_refresh      (KabTodayPage *self);
const char *kab_today_page_row_get_title    (GtkWidget    *row);
const char *kab_today_page_row_get_subtitle (GtkWidget    *row);
GtkListBox *kab_today_page_get_list     (KabTodayPage *self,
                                         const char   *name);

G_END_DECLS
