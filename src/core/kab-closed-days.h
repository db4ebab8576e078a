/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-closed-days.h: the practice's coming vacations as an agreement states them */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *kab_closed_days_describe  (GListModel *absences,
                                 GDateTime  *today,
                                 const char *language);
void  kab_closed_days_add_value (GHashTable *values,
                                 GListModel *absences,
                                 GDateTime  *today,
                                 const char *language);

G_END_DECLS
