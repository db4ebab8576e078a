/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-ics-export.h: sessions as an iCalendar file, for the practitioner's phone or other calendars */

#pragma once

#include "kab-store.h"

G_BEGIN_DECLS

char *kab_ics_export_sessions (KabStore    *store,
                               GListModel  *sessions,
                               gboolean     initials_only,
                               guint       *out_n_events);
char *kab_ics_export          (KabStore    *store,
                               GDateTime   *from,
                               GDateTime   *to,
                               gboolean     initials_only,
                               guint       *out_n_events,
                               GError     **error);

G_END_DECLS
