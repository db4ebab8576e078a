/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-clock.h: the store's idea of now, for views whose content depends on the day */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *kab_store_dup_now (void);

G_END_DECLS
