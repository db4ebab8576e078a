/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-bench.c: Kabinett's benchmarks on a generated 20-year practice, printed as a table */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "kab-demo.h"
#include "kab-store.h"

#define RUNS 10

typedef struct
{
  const char *name;
  double      median;
  const char *unit;
  const char *target;
} Figure;

static GArray *figures;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), (GCompareFunc)compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
add_figure (const char *name,
            double      value,
            const char *unit,
            const char *target)
{
  Figure figure = { name, value, unit, target };

  g_array_append_val (figures, figure);
  g_printerr ("  %-44s %10.2f %s\n", name, value, unit);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Store operations */

static void
bench_store (const char *path)
{
  double open_ms[RUNS], balances_ms[RUNS], month_ms[RUNS], insert_ms[RUNS];
  g_autoptr(GError) error = NULL;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(KabStore) store = NULL;
      g_autoptr(GHashTable) balances = NULL;
      g_autoptr(GListModel) month = NULL;
      g_autoptr(GDateTime) from = g_date_time_new_local (2026, 10, 1, 0, 0, 0);
      g_autoptr(GDateTime) to = g_date_time_add_months (from, 1);
      GListModel *clients;
      KabClient *client;
      gint64 start;

      start = g_get_monotonic_time ();
      store = kab_store_open (path, &error);
      open_ms[run] = ms_since (start);
      g_assert_no_error (error);

      start = g_get_monotonic_time ();
      balances = kab_store_get_all_balances (store, &error);
      balances_ms[run] = ms_since (start);
      g_assert_no_error (error);

      start = g_get_monotonic_time ();
      month = kab_store_list_sessions (store, from, to, &error);
      month_ms[run] = ms_since (start);
      g_assert_no_error (error);

      clients = kab_store_get_clients (store);
      client = g_list_model_get_item (clients, 0);
      start = g_get_monotonic_time ();
      kab_store_begin (store, &error);
      for (guint i = 0; i < 1000; i++)
        {
          g_autoptr(KabPayment) payment = kab_payment_new ();

          g_object_set (payment,
                        "client-id", kab_client_get_id (client),
                        "date", from,
                        "amount", (gint64)(1000 + i),
                        "currency", "EUR",
                        NULL);
          if (!kab_store_save_payment (store, payment, &error))
            g_error ("insert: %s", error->message);
        }
      /* Measured, then undone, so that every run sees the same database. */
      insert_ms[run] = ms_since (start);
      kab_store_rollback (store);
      g_object_unref (client);
    }

  add_figure ("store: open + schema check (incl. client list)", median (open_ms, RUNS), "ms", "");
  add_figure ("store: all 2,000 balances", median (balances_ms, RUNS), "ms", "≤ 16 ms");
  add_figure ("store: one month of sessions", median (month_ms, RUNS), "ms", "≤ 16 ms");
  add_figure ("store: 1,000 payment inserts", median (insert_ms, RUNS), "ms", "");
}

/* Start-up: process start to the first painted frame, and peak memory */

static gboolean
run_to_first_frame (char  **argv,
                    double *out_ms,
                    double *out_rss_mb)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                      G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *output = NULL;
  struct rusage usage;
  gint64 start;
  gint64 frame;
  int status;
  pid_t pid;
  const char *line;

  g_subprocess_launcher_setenv (launcher, "KABINETT_BENCH_FIRST_FRAME", "1", TRUE);
  start = g_get_monotonic_time ();
  child = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv, &error);
  if (child == NULL)
    {
      g_printerr ("cannot start %s: %s\n", argv[0], error->message);
      return FALSE;
    }

  pid = atoi (g_subprocess_get_identifier (child));
  g_subprocess_communicate_utf8 (child, NULL, NULL, &output, NULL, &error);
  /* Reap the child ourselves for its peak RSS. */
  if (wait4 (pid, &status, 0, &usage) < 0)
    getrusage (RUSAGE_CHILDREN, &usage);

  line = output != NULL ? strstr (output, "first-frame ") : NULL;
  if (line == NULL)
    {
      g_printerr ("%s printed no first frame\n", argv[0]);
      return FALSE;
    }

  frame = g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10);
  *out_ms = (frame - start) / 1000.0;
  *out_rss_mb = usage.ru_maxrss / 1024.0;
  return TRUE;
}

static void
bench_startup (const char *kabinett,
               const char *bare,
               const char *path)
{
  double app_ms[RUNS], bare_ms[RUNS], app_rss[RUNS], bare_rss[RUNS];
  char *app_argv[] = { (char *)kabinett, (char *)"--database", (char *)path, NULL };
  char *bare_argv[] = { (char *)bare, NULL };
  double app, base;

  /* Alternate the two so that both see the same machine, warm caches included. */
  for (guint run = 0; run < RUNS; run++)
    {
      if (!run_to_first_frame (bare_argv, &bare_ms[run], &bare_rss[run]) ||
          !run_to_first_frame (app_argv, &app_ms[run], &app_rss[run]))
        exit (1);
    }

  base = median (bare_ms, RUNS);
  app = median (app_ms, RUNS);
  add_figure ("first frame: bare AdwApplicationWindow", base, "ms", "");
  add_figure ("first frame: Kabinett, 20-year practice", app, "ms", "≤ 1.3 × bare");
  add_figure ("first frame: ratio Kabinett / bare", app / base, "×", "≤ 1.3");
  add_figure ("peak RSS: bare AdwApplicationWindow", median (bare_rss, RUNS), "MB", "");
  add_figure ("peak RSS: Kabinett, 20-year practice", median (app_rss, RUNS), "MB", "≤ bare + 30 MB");
}

static void
print_table (void)
{
  printf ("| figure | median of %d runs | target |\n|---|---:|---|\n", RUNS);
  for (guint i = 0; i < figures->len; i++)
    {
      Figure *figure = &g_array_index (figures, Figure, i);

      printf ("| %s | %.2f %s | %s |\n", figure->name, figure->median, figure->unit, figure->target);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 16, 12, 0, 0);
  KabDemoSize size = KAB_DEMO_SIZE_LARGE;
  gint64 start;

  if (argc < 3)
    {
      g_printerr ("usage: %s KABINETT BARE-WINDOW\n", argv[0]);
      return 2;
    }

  figures = g_array_new (FALSE, FALSE, sizeof (Figure));
  dir = g_dir_make_tmp ("kabinett-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "practice.db", NULL);

  g_printerr ("Generating the 20-year practice…\n");
  {
    g_autoptr(KabStore) store = kab_store_open (path, &error);

    g_assert_no_error (error);
    start = g_get_monotonic_time ();
    if (!kab_demo_fill (store, &size, now, &error))
      g_error ("demo: %s", error->message);
    add_figure ("generate 20-year practice (once)", ms_since (start), "ms", "");
  }

  bench_store (path);
  bench_startup (argv[1], argv[2], path);
  print_table ();
  return 0;
}
