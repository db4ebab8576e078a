/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-bench-frame.c: reports the first painted frame of a window, for benchmarks */

#include <stdio.h>

#include "kab-bench-frame.h"

static void
on_after_paint (GdkFrameClock *clock,
                GtkWindow     *window)
{
  GtkApplication *app = gtk_window_get_application (window);

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
}

static void
on_realize (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), widget);
}

void
kab_bench_frame_watch (GtkWindow *window)
{
  if (g_getenv ("KABINETT_BENCH_FIRST_FRAME") == NULL)
    return;

  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}
