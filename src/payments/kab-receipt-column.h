/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-receipt-column.h: the ledger's column with a receipt menu on each payment */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkColumnViewColumn *kab_receipt_column_new (GtkSingleSelection *selection);

G_END_DECLS
