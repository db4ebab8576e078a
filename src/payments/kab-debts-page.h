/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-debts-page.h: the clients who owe, the oldest debt first, with how long they have owed */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_DEBTS_PAGE (kab_debts_page_get_type ())

G_DECLARE_FINAL_TYPE (KabDebtsPage, kab_debts_page, KAB, DEBTS_PAGE, AdwBin)

GtkWidget  *kab_debts_page_new          (KabStore     *store);
GListModel *kab_debts_page_get_debtors  (KabDebtsPage *self);
guint       kab_debts_page_get_n_debtors (KabDebtsPage *self);
gint64      kab_debts_page_get_total    (KabDebtsPage *self);

G_END_DECLS
