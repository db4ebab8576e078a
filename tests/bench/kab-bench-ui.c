/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-bench-ui.c: the cost of typing, stepping and refreshing in a real Kabinett window */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "kab-application.h"
#include "kab-print-document.h"
#include "kab-store.h"
#include "kab-window.h"
#include "calendar/kab-calendar-view.h"
#include "clients/kab-clients-view.h"
#include "core/kab-consent-document.h"
#include "core/kab-consent-templates.h"
#include "core/kab-consent-values.h"
#include "consent/kab-consent-view.h"
#include "payments/kab-payments-view.h"
#include "kab-test-util.h"

/* Every figure is the median of at least this many inputs. */
#define MIN_RUNS 10
/* Rounds of "work, then a frame" one input may take before it counts as settled. */
#define MAX_ROUNDS 8

/* How an input is timed.
 *
 * The clock starts just before the input (a keystroke into the real search entry, an
 * action of the real view, a signal of the real store). Everything the main loop then
 * has ready to run is run: handlers, idles at any priority, timeouts that are due, and
 * the frames GTK paints on the way. When nothing is left, one more frame is asked for
 * with gdk_frame_clock_request_phase(): it is the frame that shows the result (its
 * layout and paint phases do what the input left for them), and the clock stops at its
 * "after-paint". The time the loop spent waiting for the frame clock's 60 Hz slot is not
 * counted, since it is no work: the figure is main-loop work from the input to the frame
 * that shows it. The wall time (with that wait) is logged too. */

typedef struct
{
  GtkApplication *app;
  KabStore       *store;
  KabWindow      *window;
  GdkFrameClock  *clock;
  char           *dir;

  /* The frame being timed. */
  gboolean        armed;
  gint64          frame_start;
  gint64          frame_end;

  GArray         *work;   /* double, ms */
  GArray         *wall;   /* double, ms */
} Bench;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  double *v = (double *)values->data;
  guint n = values->len;

  g_return_val_if_fail (n > 0, 0);

  qsort (v, n, sizeof (double), (GCompareFunc)compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double
maximum (GArray *values)
{
  double max = 0;

  for (guint i = 0; i < values->len; i++)
    max = MAX (max, g_array_index (values, double, i));

  return max;
}

/* Frames */

static void
on_frame_phase (GdkFrameClock *clock,
                Bench         *bench)
{
  if (bench->armed && bench->frame_start == 0)
    bench->frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  if (bench->armed && bench->frame_start != 0 && bench->frame_end == 0)
    bench->frame_end = g_get_monotonic_time ();
}

static void
watch_frames (Bench *bench)
{
  static const char * const phases[] = { "flush-events", "before-paint", "update", "layout", "paint" };

  bench->clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));
  g_assert (bench->clock != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    g_signal_connect (bench->clock, phases[i], G_CALLBACK (on_frame_phase), bench);
  g_signal_connect (bench->clock, "after-paint", G_CALLBACK (on_after_paint), bench);
}

/* Runs what the main loop has ready, until nothing is. */
static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
quit_nested (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the loop run for @ms, idle or not. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_nested, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Asks for a frame and waits for its after-paint. Returns its duration (µs), from its
 * first phase to after-paint; *out_end is when it ended. */
static gboolean
frame_timeout (gpointer data)
{
  g_error ("No frame was painted within 20 s");
  return G_SOURCE_REMOVE;
}

static gint64
one_frame (Bench  *bench,
           gint64 *out_end)
{
  guint timeout_id;

  bench->frame_start = 0;
  bench->frame_end = 0;
  bench->armed = TRUE;
  timeout_id = g_timeout_add_seconds (20, frame_timeout, NULL);
  gdk_frame_clock_request_phase (bench->clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (bench->frame_end == 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout_id);
  bench->armed = FALSE;

  *out_end = bench->frame_end;
  return bench->frame_end - bench->frame_start;
}

/* Everything left over from the last input is done, and the frame clock is free to paint
 * at once (its last frame is more than a refresh interval ago). */
static void
settle (Bench *bench)
{
  gint64 end;

  drain ();
  one_frame (bench, &end);
  drain ();
  run_for (40);
  drain ();
}

typedef void (*InputFunc) (Bench *bench, gpointer data);

/* Not inlined: profilers toggle collection on it (callgrind --toggle-collect=measure). */
static G_GNUC_NO_INLINE void
measure (Bench     *bench,
         InputFunc  input,
         gpointer   data)
{
  gint64 start;
  gint64 now;
  gint64 end = 0;
  gint64 work = 0;
  guint rounds;

  settle (bench);

  start = g_get_monotonic_time ();
  input (bench, data);
  drain ();
  now = g_get_monotonic_time ();
  work = now - start;

  for (rounds = 1; rounds <= MAX_ROUNDS; rounds++)
    {
      work += one_frame (bench, &end);
      if (!g_main_context_pending (NULL))
        break;

      /* The frame started more work (a layout that queued an idle…): it counts too. */
      now = g_get_monotonic_time ();
      drain ();
      work += g_get_monotonic_time () - now;
    }

  {
    double work_ms = work / 1000.0;
    double wall_ms = (end - start) / 1000.0;

    g_array_append_val (bench->work, work_ms);
    /* Each input on its own, with the frames it took: an input that keeps the frame
     * clock busy (a CSS transition, a layout that queues another) takes MAX_ROUNDS. */
    if (g_getenv ("KABINETT_BENCH_TRACE") != NULL)
      g_printerr ("    input %u: %.2f ms of work, %.2f ms wall, %u frame%s\n", bench->work->len,
                  work_ms, wall_ms, MIN (rounds, MAX_ROUNDS), rounds == 1 ? "" : "s");
    g_array_append_val (bench->wall, wall_ms);
  }
}

static void
report (Bench      *bench,
        const char *name,
        const char *target)
{
  g_assert (bench->work->len >= MIN_RUNS);

  g_printerr ("  %-46s median %7.2f ms, max %7.2f ms (wall median %7.2f ms, n = %u)\n",
              name, median (bench->work), maximum (bench->work), median (bench->wall),
              bench->work->len);
  /* Parsed by kab-bench: name, median, unit, target, then the max and count for the log. */
  printf ("%s\t%.2f\tms\t%s\tmax %.2f ms, n = %u\n", name, median (bench->work), target,
          maximum (bench->work), bench->work->len);
  fflush (stdout);

  g_array_set_size (bench->work, 0);
  g_array_set_size (bench->wall, 0);
}

/* Widgets */

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
show_view (Bench      *bench,
           const char *name,
           GType       type)
{
  GtkWidget *view;

  kab_window_show_view (bench->window, name);
  settle (bench);
  /* The AdwViewStack's transition, if any, and the view's own first-show work. */
  run_for (300);
  settle (bench);

  view = find_widget (GTK_WIDGET (bench->window), type);
  g_assert (view != NULL);
  g_assert (gtk_widget_get_mapped (view));
  return view;
}

/* Clients: a keystroke in the search */

static void
type_text (Bench    *bench,
           gpointer  data)
{
  GtkWidget *entry = g_object_get_data (data, "bench-entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), g_object_get_data (data, "bench-text"));
}

static void
bench_client_search (Bench *bench)
{
  GtkWidget *view = show_view (bench, "clients", KAB_TYPE_CLIENTS_VIEW);
  GtkWidget *entry = find_widget (view, GTK_TYPE_SEARCH_ENTRY);
  GListModel *clients = kab_store_get_clients (bench->store);
  guint n = g_list_model_get_n_items (clients);
  /* What a psychologist types: family names and a given name, as they appear in the
   * practice (Cyrillic, Swedish and Norwegian letters included). */
  guint picks[] = { n / 7, n / 2, n - 3, 11 };
  g_autoptr(GObject) holder = g_object_new (G_TYPE_OBJECT, NULL);

  g_assert (entry != NULL);
  /* The entry waits 150 ms after a keystroke before it searches: a debounce, not work.
   * At 0 the search runs on the next main-loop turn, so the figure is the work alone. */
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), 0);
  g_object_set_data (holder, "bench-entry", entry);

  for (guint p = 0; p < G_N_ELEMENTS (picks); p++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (clients, MIN (picks[p], n - 1));
      const char *word = p == G_N_ELEMENTS (picks) - 1 ? kab_client_get_given_name (client)
                                                        : kab_client_get_family_name (client);
      glong length = g_utf8_strlen (word, -1);

      for (glong i = 1; i <= length; i++)
        {
          g_autofree char *prefix = g_utf8_substring (word, 0, i);

          g_object_set_data_full (holder, "bench-text", g_steal_pointer (&prefix), g_free);
          measure (bench, type_text, holder);
        }

      gtk_editable_set_text (GTK_EDITABLE (entry), "");
      settle (bench);
    }

  report (bench, "clients: one keystroke in the search", "≤ 16 ms");
}

/* Calendar: a week or a month further */

static void
activate_action (Bench    *bench,
                 gpointer  data)
{
  GtkWidget *view = g_object_get_data (data, "bench-view");

  gtk_widget_activate_action (view, g_object_get_data (data, "bench-action"), NULL);
}

static void
bench_calendar (Bench *bench)
{
  GtkWidget *view = show_view (bench, "calendar", KAB_TYPE_CALENDAR_VIEW);
  g_autoptr(GObject) holder = g_object_new (G_TYPE_OBJECT, NULL);
  static const char * const modes[] = { "week", "month" };
  /* From the Wednesday of this week, whatever today is: the practice reaches today, so
   * the steps go forward into the same planned weeks and back through the same attended
   * ones on any day of the week (the month is this week's). */
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, 3 - g_date_time_get_day_of_week (now));

  g_object_set_data (holder, "bench-view", view);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autofree char *next = g_strdup_printf ("calendar: next %s", modes[m]);
      g_autofree char *previous = g_strdup_printf ("calendar: previous %s", modes[m]);

      kab_calendar_view_set_mode (KAB_CALENDAR_VIEW (view), modes[m]);
      kab_calendar_view_set_date (KAB_CALENDAR_VIEW (view), start);
      settle (bench);

      /* Forward into planned weeks, back through attended ones. */
      g_object_set_data (holder, "bench-action", (gpointer)"calendar.next");
      for (guint i = 0; i < MIN_RUNS; i++)
        measure (bench, activate_action, holder);
      report (bench, next, "≤ 16 ms");
      g_object_set_data (holder, "bench-action", (gpointer)"calendar.previous");
      for (guint i = 0; i < 2 * MIN_RUNS; i++)
        measure (bench, activate_action, holder);
      report (bench, previous, "≤ 16 ms");
    }

  kab_calendar_view_set_mode (KAB_CALENDAR_VIEW (view), "week");
  gtk_widget_activate_action (view, "calendar.today", NULL);
}

/* Payments: balances refreshed after a change of the ledger */

static void
emit_ledger_changed (Bench    *bench,
                     gpointer  data)
{
  g_signal_emit_by_name (bench->store, "ledger-changed", (gint64)0);
}

static void
record_payment (Bench    *bench,
                gpointer  data)
{
  KabClient *client = data;
  g_autoptr(KabPayment) payment = kab_payment_new ();
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  g_object_set (payment,
                "client-id", kab_client_get_id (client),
                "date", today,
                "amount", (gint64)1000,
                "currency", kab_practice_get_currency (kab_store_get_practice (bench->store)),
                NULL);
  if (!kab_store_save_payment (bench->store, payment, &error))
    g_error ("payment: %s", error->message);
}

static void
bench_payments (Bench *bench)
{
  GListModel *clients = kab_store_get_clients (bench->store);
  g_autoptr(KabClient) client = g_list_model_get_item (clients, g_list_model_get_n_items (clients) - 1);

  show_view (bench, "payments", KAB_TYPE_PAYMENTS_VIEW);

  /* What every open page does when the ledger changes as a whole (client 0): the debts,
   * the month's ledger and the income report are read again. */
  for (guint i = 0; i < MIN_RUNS; i++)
    measure (bench, emit_ledger_changed, NULL);
  report (bench, "payments: refresh of all balances", "≤ 16 ms");

  /* One payment recorded: the store's write, and the refresh of that client's figures. */
  for (guint i = 0; i < MIN_RUNS; i++)
    measure (bench, record_payment, client);
  report (bench, "payments: record a payment (write + refresh)", "≤ 16 ms");
}

/* Consent: an agreement rendered and written as PDF */

typedef struct
{
  KabConsentTemplate *template;
  GHashTable         *values;
  KabClient          *client;
  const char         *language;
  char               *path;
} ConsentJob;

/* What "Save as PDF" of a new agreement does: the template filled with the practice's
 * and the client's values, laid out by the Consent view's document, written as PDF. */
static void
export_consent (Bench    *bench,
                gpointer  data)
{
  ConsentJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = kab_consent_values_render (job->template, job->values, &error);
  g_autoptr(KabPrintDocument) document = NULL;

  g_assert_no_error (error);
  document = kab_consent_document_new (text, job->language, job->client);
  if (!kab_print_document_export_pdf (document, job->path, &error))
    g_error ("PDF: %s", error->message);
}

static void
bench_consent (Bench *bench)
{
  KabPractice *practice = kab_store_get_practice (bench->store);
  GListModel *clients = kab_store_get_clients (bench->store);
  g_autoptr(KabClient) client = g_list_model_get_item (clients, g_list_model_get_n_items (clients) / 3);
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(GListModel) latest = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  const char *language = kab_practice_get_form_language (practice);
  ConsentJob job = { NULL, NULL, client, language, g_build_filename (bench->dir, "agreement.pdf", NULL) };
  GStatBuf st;

  show_view (bench, "consent", KAB_TYPE_CONSENT_VIEW);

  /* The agreement Kabinett ships in the practice's form language. */
  if (!kab_consent_ensure_builtin_templates (bench->store, &error))
    g_error ("templates: %s", error->message);
  templates = kab_store_list_consent_templates (bench->store, &error);
  g_assert_no_error (error);
  latest = kab_consent_latest_templates (templates);
  job.template = kab_consent_find_template_for_language (latest, language);
  g_assert (job.template != NULL);
  values = kab_consent_values_new (practice, client, today, language);
  job.values = values;

  for (guint i = 0; i < MIN_RUNS; i++)
    measure (bench, export_consent, &job);

  g_assert (g_stat (job.path, &st) == 0 && st.st_size > 1000);
  g_printerr ("  (the agreement: %" G_GINT64_FORMAT " bytes of PDF)\n", (gint64)st.st_size);
  /* KABINETT_BENCH_PDF=path keeps a copy, to look at what was timed. */
  if (g_getenv ("KABINETT_BENCH_PDF") != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (job.path, &contents, &length, NULL))
        g_file_set_contents (g_getenv ("KABINETT_BENCH_PDF"), contents, length, NULL);
    }
  report (bench, "consent: agreement rendered to PDF", "≤ 100 ms");
  g_free (job.path);
}

/* The run */

/* KABINETT_BENCH_ONLY=calendar (or a comma-separated list) runs only those parts: for
 * profiling one of them, e.g. under valgrind --tool=callgrind --toggle-collect=measure. */
static gboolean
wanted (const char *part)
{
  const char *only = g_getenv ("KABINETT_BENCH_ONLY");
  g_auto(GStrv) parts = NULL;

  if (only == NULL || *only == '\0')
    return TRUE;

  parts = g_strsplit (only, ",", -1);
  return g_strv_contains ((const char * const *)parts, part);
}

static gboolean
run_benchmarks (gpointer data)
{
  Bench *bench = data;

  watch_frames (bench);
  settle (bench);
  /* The views' start-up idles (series written ahead, rows warmed for the list). */
  run_for (500);
  settle (bench);

  if (wanted ("clients"))
    bench_client_search (bench);
  if (wanted ("calendar"))
    bench_calendar (bench);
  if (wanted ("payments"))
    bench_payments (bench);
  if (wanted ("consent"))
    bench_consent (bench);

  gtk_window_destroy (GTK_WINDOW (bench->window));
  return G_SOURCE_REMOVE;
}

static void
on_activate (GtkApplication *app,
             Bench          *bench)
{
  g_autofree char *path = g_build_filename (bench->dir, "practice.db", NULL);
  g_autoptr(GError) error = NULL;

  bench->store = kab_store_open (path, &error);
  g_assert_no_error (error);

  /* Created before KabApplication's own activate runs: it finds this window and only
   * presents it. */
  bench->window = kab_window_new (KAB_APPLICATION (app), bench->store);
  gtk_window_present (GTK_WINDOW (bench->window));
  g_idle_add (run_benchmarks, bench);
}

static void
copy_database (const char *from,
               const char *dir)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autofree char *to = g_build_filename (dir, "practice.db", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  /* The bench writes payments: into a copy, so that the caller's file stays as it was. */
  if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("copy %s: %s", from, error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabApplication) app = NULL;
  /* The bench opens its copy of the practice and builds the window itself (on_activate):
   * --demo keeps KabApplication from opening the user's own practice on its worker at
   * startup, and its activate, finding the bench's window, only presents it. */
  char *app_argv[] = { argv[0], (char *)"--demo", NULL };
  Bench bench = { 0 };
  int status;

  /* As Kabinett's main() does (the store and the UI make thousands of local times). */
  kab_application_pin_time_zone ();
  setlocale (LC_ALL, "");

  if (argc != 2)
    {
      g_printerr ("usage: %s DATABASE\n", argv[0]);
      return 2;
    }

  bench.dir = g_dir_make_tmp ("kabinett-bench-ui-XXXXXX", &error);
  g_assert_no_error (error);
  copy_database (argv[1], bench.dir);
  bench.work = g_array_new (FALSE, FALSE, sizeof (double));
  bench.wall = g_array_new (FALSE, FALSE, sizeof (double));

  app = kab_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), &bench);
  status = g_application_run (G_APPLICATION (app), 2, app_argv);

  g_clear_object (&bench.store);
  kab_test_remove_tree (bench.dir);
  g_free (bench.dir);
  g_array_unref (bench.work);
  g_array_unref (bench.wall);
  return status;
}
