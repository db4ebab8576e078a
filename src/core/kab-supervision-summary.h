/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-supervision-summary.h: the certificate summary of the supervision log, for a licence
 * or a training programme: dates, kinds, hours and supervisors, and their signatures */

#pragma once

#include "kab-print-document.h"
#include "kab-store.h"

G_BEGIN_DECLS

char             *kab_supervision_format_hours  (gint64       minutes);
char             *kab_supervision_summary_text  (KabPractice *practice,
                                                 GListModel  *meetings,
                                                 GDateTime   *from,
                                                 GDateTime   *to);
KabPrintDocument *kab_supervision_summary_new   (KabStore    *store,
                                                 GDateTime   *from,
                                                 GDateTime   *to,
                                                 GError     **error);

G_END_DECLS
