/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-text-limit.h: a text view refuses text beyond a length before it reaches the buffer */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void kab_text_view_limit_length (GtkTextView *view,
                                 gsize        max_bytes);

G_END_DECLS
