/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-tooltip.h: tooltips that are cheap to change */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        kab_tooltip_set_text (GtkWidget  *widget,
                                  const char *text);
const char *kab_tooltip_get_text (GtkWidget  *widget);

G_END_DECLS
