/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-supervision-page.h: the supervision log, a page of the Calendar view: the meetings of
 * a year, the hours per kind, and the certificate summary */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_SUPERVISION_PAGE (kab_supervision_page_get_type ())

G_DECLARE_FINAL_TYPE (KabSupervisionPage, kab_supervision_page, KAB, SUPERVISION_PAGE, AdwBin)

KabStore   *kab_supervision_page_get_store (KabSupervisionPage *self);
void        kab_supervision_page_set_store (KabSupervisionPage *self,
                                            KabStore           *store);
void        kab_supervision_page_set_year  (KabSupervisionPage *self,
                                            int                 year);
GListModel *kab_supervision_page_get_meetings (KabSupervisionPage *self);

G_END_DECLS
