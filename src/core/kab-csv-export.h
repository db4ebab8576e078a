/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-csv-export.h: payments as CSV for the accountant (RFC 4180, UTF-8) */

#pragma once

#include "kab-store.h"

G_BEGIN_DECLS

char     *kab_csv_export_payments         (KabStore    *store,
                                           GListModel  *payments);
gboolean  kab_csv_export_payments_to_file (KabStore    *store,
                                           GListModel  *payments,
                                           GFile       *file,
                                           GError     **error);

G_END_DECLS
