/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-style.h: a view's own CSS, loaded once when the view is first made */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void kab_style_ensure (const char *resource_path);

G_END_DECLS
