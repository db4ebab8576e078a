/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-series.h: a recurring appointment and its expansion into single sessions */

#pragma once

#include <glib-object.h>

#include "kab-enums.h"

G_BEGIN_DECLS

#define KAB_TYPE_SERIES (kab_series_get_type ())

G_DECLARE_FINAL_TYPE (KabSeries, kab_series, KAB, SERIES, GObject)

KabSeries      *kab_series_new                (void);
KabSeries      *kab_series_copy               (KabSeries *self);
gboolean        kab_series_validate           (KabSeries *self,
                                               GError   **error);

gint64          kab_series_get_id             (KabSeries *self);
void            kab_series_set_id             (KabSeries *self,
                                               gint64     id);
gint64          kab_series_get_client_id      (KabSeries *self);
void            kab_series_set_client_id      (KabSeries *self,
                                               gint64     client_id);
GDateTime      *kab_series_get_first_date     (KabSeries *self);
void            kab_series_set_first_date     (KabSeries *self,
                                               GDateTime *first_date);
GDateTime      *kab_series_get_until_date     (KabSeries *self);
void            kab_series_set_until_date     (KabSeries *self,
                                               GDateTime *until_date);
int             kab_series_get_start_minute   (KabSeries *self);
void            kab_series_set_start_minute   (KabSeries *self,
                                               int        start_minute);
int             kab_series_get_duration       (KabSeries *self);
void            kab_series_set_duration       (KabSeries *self,
                                               int        duration);
int             kab_series_get_max_count      (KabSeries *self);
void            kab_series_set_max_count      (KabSeries *self,
                                               int        max_count);
int             kab_series_get_interval_weeks (KabSeries *self);
void            kab_series_set_interval_weeks (KabSeries *self,
                                               int        interval_weeks);
const char     *kab_series_get_tzid           (KabSeries *self);
void            kab_series_set_tzid           (KabSeries  *self,
                                               const char *tzid);
KabSessionKind  kab_series_get_kind           (KabSeries *self);
void            kab_series_set_kind           (KabSeries      *self,
                                               KabSessionKind  kind);
gint64          kab_series_get_fee            (KabSeries *self);
void            kab_series_set_fee            (KabSeries *self,
                                               gint64     fee);

/* Starts (UTC) of the occurrences that begin in [from, to), at the same local time
 * in tzid whatever the daylight saving time. (transfer full) (element-type GDateTime) */
GPtrArray      *kab_series_expand             (KabSeries *self,
                                               GDateTime *from,
                                               GDateTime *to);

G_END_DECLS
