/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-session-overlaps.h: which planned sessions a new or moved session or series would collide with */

#pragma once

#include "kab-store.h"

G_BEGIN_DECLS

GPtrArray *kab_session_overlaps_find          (KabStore    *store,
                                               KabSession  *session,
                                               GError     **error);
GPtrArray *kab_session_overlaps_find_series   (KabStore    *store,
                                               KabSeries   *series,
                                               GDateTime   *now,
                                               GError     **error);
char      *kab_session_overlaps_describe      (GPtrArray   *overlaps);

G_END_DECLS
