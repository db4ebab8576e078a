/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-day-watch.h: tells when the local day changes while Kabinett runs */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KAB_TYPE_DAY_WATCH (kab_day_watch_get_type ())

G_DECLARE_FINAL_TYPE (KabDayWatch, kab_day_watch, KAB, DAY_WATCH, GObject)

KabDayWatch *kab_day_watch_new   (void);
gboolean     kab_day_watch_check (KabDayWatch *self);

G_END_DECLS
