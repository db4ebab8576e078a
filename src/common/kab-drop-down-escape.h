/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-drop-down-escape.h: Escape closes the list of a drop-down that can be searched */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void kab_drop_down_close_on_escape (GtkDropDown *dropdown);

G_END_DECLS
