/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-saved-after-all.h: at start, what a save reported as failed left in the practice */

#pragma once

#include "kab-store.h"
#include "kab-window.h"

G_BEGIN_DECLS

void kab_saved_after_all_tell (KabWindow *window,
                               KabStore  *store);

G_END_DECLS
