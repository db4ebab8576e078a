/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-welcome-page.h: the first start: who the practitioner is and the house rules */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_WELCOME_PAGE (kab_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (KabWelcomePage, kab_welcome_page, KAB, WELCOME_PAGE, AdwBin)

GtkWidget *kab_welcome_page_new            (KabStore *store);
gboolean   kab_welcome_page_is_wanted      (KabStore *store);

G_END_DECLS
