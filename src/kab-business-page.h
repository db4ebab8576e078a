/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-business-page.h: Preferences page for the practice's tax identity, bank and bookkeeping */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_BUSINESS_PAGE (kab_business_page_get_type ())

G_DECLARE_FINAL_TYPE (KabBusinessPage, kab_business_page, KAB, BUSINESS_PAGE, AdwPreferencesPage)

GtkWidget *kab_business_page_new (KabStore *store);

G_END_DECLS
