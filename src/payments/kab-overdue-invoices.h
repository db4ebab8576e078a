/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-overdue-invoices.h: the Debts page's list of invoices sent and not paid in time */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

GtkWidget *kab_overdue_invoices_new     (KabStore  *store);
void       kab_overdue_invoices_refresh (GtkWidget *group);

G_END_DECLS
