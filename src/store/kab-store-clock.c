/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-clock.c: the store's idea of now, for views whose content depends on the day */

#include "config.h"

#include "kab-store-clock.h"
#include "kab-store-private.h"

/**
 * kab_store_dup_now:
 *
 * The local time the store's rules use: the real clock, or the time a test set with
 * kab_store_set_test_now(). A view that shows what is due or overdue today asks this.
 *
 * Returns: (transfer full): now, in the local time zone
 */
GDateTime *
kab_store_dup_now (void)
{
  g_autoptr(GDateTime) now = kab_store_now ();

  return g_date_time_to_local (now);
}
