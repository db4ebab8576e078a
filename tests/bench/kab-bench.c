/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-bench.c: Kabinett's benchmarks on a generated 20-year practice, printed as a table */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/kab-consent-templates.h"
#include "kab-application.h"
#include "kab-demo.h"
#include "kab-store.h"
#include "kab-store-billing.h"
#include "kab-test-util.h"

#define RUNS 10

typedef struct
{
  const char *name;
  double      median;
  const char *unit;
  const char *target;
} Figure;

static GArray *figures;
/* Starts that never reached a first frame and were run again. */
static guint n_failed_starts;

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
  double rules_ms[RUNS], rules_month_ms[RUNS];
  g_autoptr(GError) error = NULL;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(KabStore) store = NULL;
      g_autoptr(GHashTable) balances = NULL;
      g_autoptr(GListModel) month = NULL;
      g_autoptr(GDateTime) today = g_date_time_new_now_local ();
      g_autoptr(GDateTime) from = g_date_time_new_local (g_date_time_get_year (today),
                                                         g_date_time_get_month (today), 1, 0, 0, 0);
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

      /* The billing rules as the store runs them at every start (kab_store_open has just
       * run them: nothing is due, but every monthly and package client is checked), and
       * at the first start after a month turned: a month's fees for every monthly
       * client, written and then undone. */
      start = g_get_monotonic_time ();
      if (!kab_store_apply_rules (store, today, &error))
        g_error ("rules: %s", error->message);
      rules_ms[run] = ms_since (start);
      {
        g_autoptr(GDateTime) next_month = g_date_time_add_months (today, 1);

        kab_store_begin (store, &error);
        start = g_get_monotonic_time ();
        if (!kab_store_apply_rules (store, next_month, &error))
          g_error ("rules: %s", error->message);
        rules_month_ms[run] = ms_since (start);
        kab_store_rollback (store);
      }
    }

  add_figure ("store: open + schema check (incl. client list)", median (open_ms, RUNS), "ms", "");
  add_figure ("store: all 2,000 balances", median (balances_ms, RUNS), "ms", "≤ 16 ms");
  add_figure ("store: one month of sessions", median (month_ms, RUNS), "ms", "≤ 16 ms");
  add_figure ("store: 1,000 payment inserts", median (insert_ms, RUNS), "ms", "");
  add_figure ("billing: rules at start-up, nothing due", median (rules_ms, RUNS), "ms", "≤ 16 ms");
  add_figure ("billing: rules at start-up, a month turned", median (rules_month_ms, RUNS), "ms", "");
}

/* The journal at 20-year size: 60,000 entries, one client with 500 of them. Run last: it
 * adds the entries to the practice. */
static void
bench_journal (const char *path)
{
  static const char * const words[] = {
    "sömn", "oro", "Øvrebø", "søvnvansker", "тревога", "сон", "arbete", "familj",
    "bedömning", "vurdering", "план", "stress", "åtgärd", "tiltak", "наблюдения", "panik",
  };
  double list_ms[RUNS], search_ms[RUNS], search_client_ms[RUNS];
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = kab_store_open (path, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GListModel *clients = kab_store_get_clients (store);
  guint n_clients = g_list_model_get_n_items (clients);
  g_autoptr(KabClient) busiest = g_list_model_get_item (clients, 0);
  gint64 start;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  kab_store_begin (store, &error);
  for (guint i = 0; i < 60000; i++)
    {
      g_autoptr(KabJournalEntry) entry = kab_journal_entry_new ();
      g_autoptr(KabClient) client = g_list_model_get_item (clients,
                                                           i < 500 ? 0 : g_rand_int_range (rand, 1, n_clients));
      g_autoptr(GDateTime) when = g_date_time_add_days (now, -(gint)g_rand_int_range (rand, 1, 7300));
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint w = 0; w < 60; w++)
        g_string_append_printf (text, "%s ", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      /* A name that one entry in a thousand mentions: what a search is usually for. */
      if (g_rand_int_range (rand, 0, 1000) == 0)
        g_string_append (text, "Sjöberg");
      g_object_set (entry, "client-id", kab_client_get_id (client), "occurred", when,
                    "text", text->str, NULL);
      if (!kab_store_save_journal_draft (store, entry, &error))
        g_error ("journal: %s", error->message);
    }
  if (!kab_store_commit (store, &error))
    g_error ("journal: %s", error->message);
  add_figure ("journal: write 60,000 entries (once)", ms_since (start), "ms", "");

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GListModel) list = NULL;
      g_autoptr(GListModel) found = NULL;
      g_autoptr(GListModel) found_client = NULL;

      start = g_get_monotonic_time ();
      list = kab_store_list_journal (store, kab_client_get_id (busiest), NULL, NULL, &error);
      list_ms[run] = ms_since (start);
      g_assert_no_error (error);

      start = g_get_monotonic_time ();
      found = kab_store_search_journal (store, 0, "sjöberg", &error);
      search_ms[run] = ms_since (start);
      g_assert_no_error (error);

      start = g_get_monotonic_time ();
      found_client = kab_store_search_journal (store, kab_client_get_id (busiest), "тревог", &error);
      search_client_ms[run] = ms_since (start);
      g_assert_no_error (error);
    }

  add_figure ("journal: one client's 500 entries", median (list_ms, RUNS), "ms", "≤ 16 ms");
  add_figure ("journal: search 60,000 entries (practice)", median (search_ms, RUNS), "ms", "≤ 50 ms");
  add_figure ("journal: search one client's entries", median (search_client_ms, RUNS), "ms", "≤ 16 ms");
}

/* Start-up: process start to the first painted frame, and peak memory */

/* Reads the child's whole standard output, or gives up at @deadline (monotonic µs). */
static char *
read_all (int     fd,
          gint64  deadline,
          gboolean *out_timed_out)
{
  GString *text = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  *out_timed_out = FALSE;
  while (TRUE)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      gint64 left = (deadline - g_get_monotonic_time ()) / 1000;
      int ready;

      if (left <= 0)
        {
          *out_timed_out = TRUE;
          break;
        }

      ready = poll (&pfd, 1, (int)MIN (left, G_MAXINT));
      if (ready < 0 && errno == EINTR)
        continue;
      if (ready == 0)
        continue;
      if (ready < 0)
        break;

      n = read (fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (text, buffer, n);
    }
  close (fd);

  return g_string_free (text, FALSE);
}

/* Runs @argv to its end in @envp (NULL: ours), and returns its output.
 * The child is spawned and reaped here (not by GSubprocess, whose child watch would reap
 * it first) so that wait4() gives this child's own peak RSS, not the largest of all. */
static char *
run_child (char         **argv,
           char         **envp,
           guint          timeout_s,
           gint64        *out_start,
           struct rusage *out_usage)
{
  g_autoptr(GError) error = NULL;
  gboolean timed_out;
  GPid pid;
  int out_fd;
  int status;
  char *output;

  *out_start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, argv, envp,
                                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      g_printerr ("cannot start %s: %s\n", argv[0], error->message);
      return NULL;
    }

  output = read_all (out_fd, *out_start + timeout_s * G_USEC_PER_SEC, &timed_out);
  if (timed_out)
    {
      /* Seen now and then under Xvfb: a window that never gets its first frame. */
      g_printerr ("%s: no end after %u s, killed\n", argv[0], timeout_s);
      kill (pid, SIGKILL);
      g_clear_pointer (&output, g_free);
    }

  while (wait4 (pid, &status, 0, out_usage) < 0)
    {
      if (errno != EINTR)
        g_error ("wait4 %s: %s", argv[0], g_strerror (errno));
    }
  g_spawn_close_pid (pid);

  if (!timed_out && (!WIFEXITED (status) || WEXITSTATUS (status) != 0))
    g_printerr ("%s ended with status %d\n", argv[0], status);

  return output;
}

static gboolean
run_to_first_frame (char  **argv,
                    double *out_ms,
                    double *out_rss_mb)
{
  g_autofree char *output = NULL;
  struct rusage usage;
  gint64 start;
  gint64 frame;
  const char *line;
  /* Kabinett and the bare window both print their first frame and quit. */
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "KABINETT_BENCH_FIRST_FRAME", "1", TRUE);

  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_clear_pointer (&output, g_free);
      output = run_child (argv, envp, 30, &start, &usage);
      if (output != NULL && strstr (output, "first-frame ") != NULL)
        break;
      n_failed_starts++;
    }

  line = output != NULL ? strstr (output, "first-frame ") : NULL;
  if (line == NULL)
    {
      g_printerr ("%s printed no first frame\n", argv[0]);
      return FALSE;
    }

  /* Both clocks are CLOCK_MONOTONIC: the child's report is comparable to our start. */
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

  /* One discarded run of each warms the page cache and font caches; then the two
   * alternate so that both see the same machine. */
  if (!run_to_first_frame (bare_argv, &bare_ms[0], &bare_rss[0]) ||
      !run_to_first_frame (app_argv, &app_ms[0], &app_rss[0]))
    exit (1);

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
  if (n_failed_starts > 0)
    g_printerr ("  (%u start(s) without a first frame were killed and run again)\n", n_failed_starts);
  add_figure ("peak RSS: Kabinett − bare", median (app_rss, RUNS) - median (bare_rss, RUNS), "MB", "≤ 30 MB");
}

/* Start-up to a mapped window, watched from outside (kab-map-watch) the same way for the
 * bare window, Kabinett and a peer: GNOME Calendar 43, when it is installed. */
static gboolean
run_to_map (const char  *watch,
            char       **argv,
            double      *out_ms)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *output = NULL;
  struct rusage usage;
  gint64 start;
  const char *line;

  g_ptr_array_add (args, (char *)watch);
  g_ptr_array_add (args, (char *)"60");
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, NULL);

  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_clear_pointer (&output, g_free);
      output = run_child ((char **)args->pdata, NULL, 90, &start, &usage);
      if (output != NULL && (line = strstr (output, "mapped ")) != NULL)
        {
          *out_ms = g_ascii_strtoll (line + strlen ("mapped "), NULL, 10) / 1000.0;
          return TRUE;
        }
    }

  g_printerr ("%s mapped no window\n", argv[0]);
  return FALSE;
}

static void
bench_mapped (const char *watch,
              const char *kabinett,
              const char *bare,
              const char *path)
{
  g_autofree char *peer = g_find_program_in_path ("gnome-calendar");
  char *app_argv[] = { (char *)kabinett, (char *)"--database", (char *)path, NULL };
  char *bare_argv[] = { (char *)bare, NULL };
  char *peer_argv[] = { peer, NULL };
  double app_ms[RUNS], bare_ms[RUNS], peer_ms[RUNS];
  double base;

  if (peer == NULL)
    g_printerr ("  GNOME Calendar is not installed (apt-get install gnome-calendar): "
                "its start-up is skipped\n");

  /* One discarded run of each, then the three alternate. */
  if (!run_to_map (watch, bare_argv, &bare_ms[0]) ||
      !run_to_map (watch, app_argv, &app_ms[0]) ||
      (peer != NULL && !run_to_map (watch, peer_argv, &peer_ms[0])))
    return;

  for (guint run = 0; run < RUNS; run++)
    {
      if (!run_to_map (watch, bare_argv, &bare_ms[run]) ||
          !run_to_map (watch, app_argv, &app_ms[run]) ||
          (peer != NULL && !run_to_map (watch, peer_argv, &peer_ms[run])))
        return;
    }

  base = median (bare_ms, RUNS);
  add_figure ("mapped window: bare AdwApplicationWindow", base, "ms", "");
  add_figure ("mapped window: Kabinett, 20-year practice", median (app_ms, RUNS), "ms", "");
  add_figure ("mapped window: ratio Kabinett / bare", median (app_ms, RUNS) / base, "×", "≤ 1.3");
  if (peer == NULL)
    return;
  add_figure ("mapped window: GNOME Calendar 43 (peer)", median (peer_ms, RUNS), "ms", "");
  add_figure ("mapped window: ratio GNOME Calendar / bare", median (peer_ms, RUNS) / base, "×", "");
}

/* Interactions, timed inside a real window by kab-bench-ui: its figures, one array of
 * fields per line (name, median, unit, target, then a note or nothing). */
static GPtrArray *
run_ui (const char  *ui,
        const char  *path,
        char       **envp)
{
  char *argv[] = { (char *)ui, (char *)path, NULL };
  g_autoptr(GPtrArray) figures_of_run = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;
  struct rusage usage;
  gint64 start;

  output = run_child (argv, envp, 600, &start, &usage);
  if (output == NULL)
    exit (1);

  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char **fields = g_strsplit (lines[i], "\t", 5);

      if (g_strv_length (fields) >= 4)
        g_ptr_array_add (figures_of_run, fields);
      else
        g_strfreev (fields);
    }

  return g_steal_pointer (&figures_of_run);
}

static void
bench_ui (const char *ui,
          const char *path)
{
  g_autoptr(GPtrArray) lines = run_ui (ui, path, NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      char **fields = g_ptr_array_index (lines, i);

      add_figure (g_intern_string (fields[0]), g_ascii_strtod (fields[1], NULL),
                  g_intern_string (fields[2]), g_intern_string (fields[3]));
      if (fields[4] != NULL)
        g_printerr ("  %-44s (%s)\n", "", fields[4]);
    }
}

/* The issue counts a payment on the worst of 10 runs' medians: the run above and nine
 * more of the payments alone, each a new window on a fresh copy of the practice. */
#define PAYMENT_RUNS 10

static void
bench_payment_runs (const char *ui,
                    const char *path)
{
  static const char figure[] = "payments: record a payment (write + refresh)";
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "KABINETT_BENCH_ONLY", "payments", TRUE);
  double medians[PAYMENT_RUNS];
  guint n = 0;
  double worst = 0;

  for (guint i = 0; i < figures->len; i++)
    {
      Figure *first = &g_array_index (figures, Figure, i);

      if (g_strcmp0 (first->name, figure) == 0 && n < PAYMENT_RUNS)
        medians[n++] = first->median;
    }
  if (n == 0)
    return;

  for (guint attempt = 0; attempt < 2 * PAYMENT_RUNS && n < PAYMENT_RUNS; attempt++)
    {
      g_autoptr(GPtrArray) lines = run_ui (ui, path, envp);

      for (guint i = 0; i < lines->len && n < PAYMENT_RUNS; i++)
        {
          char **fields = g_ptr_array_index (lines, i);

          if (g_strcmp0 (fields[0], figure) == 0)
            medians[n++] = g_ascii_strtod (fields[1], NULL);
        }
    }

  g_printerr ("  %-44s", "payment medians of the runs (ms):");
  for (guint i = 0; i < n; i++)
    {
      g_printerr (" %.2f", medians[i]);
      worst = MAX (worst, medians[i]);
    }
  g_printerr ("\n");
  if (n < PAYMENT_RUNS)
    {
      g_printerr ("  only %u runs gave a payment figure\n", n);
      return;
    }
  add_figure ("payments: record a payment, worst of 10 runs' medians", worst, "ms", "≤ 16 ms");
}

static void
print_table (void)
{
  printf ("| figure | median of ≥ %d runs | target |\n|---|---:|---|\n", RUNS);
  for (guint i = 0; i < figures->len; i++)
    {
      Figure *figure = &g_array_index (figures, Figure, i);

      printf ("| %s | %.2f %s | %s |\n", figure->name, figure->median, figure->unit, figure->target);
    }
}

/* What was generated, read straight from the file. */
static void
describe_practice (const char *path)
{
  static const char * const tables[] = { "client", "session", "charge", "payment", "consent" };
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("cannot read %s", path);

  g_printerr ("  practice:");
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        g_printerr (" %d %s rows%s", sqlite3_column_int (stmt, 0), tables[i],
                    i + 1 < G_N_ELEMENTS (tables) ? "," : "\n");
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
}

/* KABINETT_BENCH_PARTS=startup,ui (of store, startup, mapped, ui, journal) runs only those
 * parts, for a focused before/after comparison; unset, all of them. */
static gboolean
wants_part (const char *part)
{
  const char *parts = g_getenv ("KABINETT_BENCH_PARTS");
  g_auto(GStrv) names = NULL;

  if (parts == NULL || *parts == '\0')
    return TRUE;
  names = g_strsplit (parts, ",", -1);
  return g_strv_contains ((const char * const *)names, part);
}

/* The temporary folder of the practice, removed however kab-bench ends. */
static char *bench_dir;

static void
remove_bench_dir (void)
{
  if (bench_dir != NULL)
    kab_test_remove_tree (bench_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  /* The practice reaches today, so that the calendar's current weeks are full of
   * planned sessions and the list shows next appointments, as for a real user. */
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  KabDemoSize size = KAB_DEMO_SIZE_LARGE;
  gint64 start;

  /* As Kabinett's main() does (the store and the UI make thousands of local times). */
  kab_application_pin_time_zone ();
  setlocale (LC_ALL, "");

  if (argc < 4)
    {
      g_printerr ("usage: %s KABINETT BARE-WINDOW BENCH-UI [MAP-WATCH]\n", argv[0]);
      return 2;
    }

  figures = g_array_new (FALSE, FALSE, sizeof (Figure));
  dir = g_dir_make_tmp ("kabinett-bench-XXXXXX", &error);
  g_assert_no_error (error);
  bench_dir = g_strdup (dir);
  atexit (remove_bench_dir);
  path = g_build_filename (dir, "practice.db", NULL);

  /* KABINETT_BENCH_PRACTICE=path starts from a copy of a practice kept earlier with
   * KABINETT_BENCH_KEEP_DB (made today), instead of generating one: for focused runs. */
  if (g_getenv ("KABINETT_BENCH_PRACTICE") != NULL)
    {
      g_autoptr(GFile) source = g_file_new_for_path (g_getenv ("KABINETT_BENCH_PRACTICE"));
      g_autoptr(GFile) dest = g_file_new_for_path (path);

      g_printerr ("Copying the practice %s...\n", g_getenv ("KABINETT_BENCH_PRACTICE"));
      if (!g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
        g_error ("practice: %s", error->message);
    }
  else
    {
      g_autoptr(KabStore) store = NULL;

      g_printerr ("Generating the 20-year practice...\n");
      store = kab_store_open (path, &error);
      g_assert_no_error (error);
      /* The agreements Kabinett ships, as the Consent view adds them at its first
       * start: with them the practice has its clients' signed agreements. */
      if (!kab_consent_ensure_builtin_templates (store, &error))
        g_error ("templates: %s", error->message);
      start = g_get_monotonic_time ();
      if (!kab_demo_fill (store, &size, now, &error))
        g_error ("demo: %s", error->message);
      add_figure ("generate 20-year practice (once)", ms_since (start), "ms", "≤ 30 s");
    }
  describe_practice (path);

  /* KABINETT_BENCH_KEEP_DB=path keeps a copy of the practice, e.g. to profile
   * `kabinett --database path` or kab-bench-ui on it. */
  if (g_getenv ("KABINETT_BENCH_KEEP_DB") != NULL)
    {
      g_autoptr(GFile) source = g_file_new_for_path (path);
      g_autoptr(GFile) dest = g_file_new_for_path (g_getenv ("KABINETT_BENCH_KEEP_DB"));

      if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
        g_error ("keep: %s", error->message);
    }

  if (wants_part ("store"))
    {
      g_printerr ("Store...\n");
      bench_store (path);
    }
  if (wants_part ("startup"))
    {
      g_printerr ("Start-up, %d runs of each (+1 warm-up)...\n", RUNS);
      bench_startup (argv[1], argv[2], path);
    }
  if (wants_part ("mapped") && argc > 4)
    {
      g_printerr ("Start-up to a mapped window, with GNOME Calendar as a peer...\n");
      bench_mapped (argv[4], argv[1], argv[2], path);
    }
  if (wants_part ("ui"))
    {
      g_printerr ("Interactions in a real window...\n");
      bench_ui (argv[3], path);
      g_printerr ("A payment, %d runs...\n", PAYMENT_RUNS);
      bench_payment_runs (argv[3], path);
    }
  if (wants_part ("journal"))
    {
      g_printerr ("Journal...\n");
      bench_journal (path);
    }
  print_table ();
  return 0;
}
