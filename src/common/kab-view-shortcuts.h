/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-view-shortcuts.h: keyboard shortcuts that belong to one view of the window */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  const char *accelerator;  /* as gtk_shortcut_trigger_parse_string() reads it */
  const char *action;       /* an action of the view, without parameter */
} KabViewShortcut;

void kab_view_add_shortcuts (GtkWidget             *view,
                             const KabViewShortcut *shortcuts,
                             gsize                  n_shortcuts);

G_END_DECLS
