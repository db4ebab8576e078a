/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-status-menu.h: a session's statuses as a menu, each saying what it charges */

#pragma once

#include <gio/gio.h>

#include "kab-session.h"
#include "kab-store.h"

G_BEGIN_DECLS

/**
 * KabStatusTargetFunc:
 *
 * Returns: (transfer floating): the target of the menu item that sets @status
 */
typedef GVariant *(*KabStatusTargetFunc) (KabSession       *session,
                                          KabSessionStatus  status);

GMenu *kab_status_menu_new     (KabStore            *store,
                                KabSession          *session,
                                const char          *action,
                                KabStatusTargetFunc  target);
char  *kab_status_menu_heading (KabStore            *store,
                                KabSession          *session);

G_END_DECLS
