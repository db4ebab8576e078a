/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-window.h: the main window, hosting the four views of the practice */

#pragma once

#include <adwaita.h>

#include "kab-application.h"
#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_WINDOW (kab_window_get_type ())

G_DECLARE_FINAL_TYPE (KabWindow, kab_window, KAB, WINDOW, AdwApplicationWindow)

KabWindow  *kab_window_new              (KabApplication *application,
                                         KabStore       *store);
KabStore   *kab_window_get_store        (KabWindow      *self);
void        kab_window_add_toast        (KabWindow      *self,
                                         AdwToast       *toast);
void        kab_window_show_view        (KabWindow      *self,
                                         const char     *name);
void        kab_window_activate_view_action (KabWindow  *self,
                                             const char *view,
                                             const char *action);
const char *kab_window_get_visible_view (KabWindow      *self);
void        kab_window_show_error       (KabWindow      *self,
                                         const GError   *error,
                                         const char     *path);

G_END_DECLS
