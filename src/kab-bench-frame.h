/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-bench-frame.h: reports the first painted frame of a window, for benchmarks */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* When KABINETT_BENCH_FIRST_FRAME is set, prints "first-frame <monotonic µs>" on the
 * window's first painted frame and quits the application. Does nothing otherwise. */
void kab_bench_frame_watch (GtkWindow *window);

G_END_DECLS
