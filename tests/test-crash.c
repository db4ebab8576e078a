/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-crash.c: a writer killed with SIGKILL at random moments loses nothing it committed */

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <sqlite3.h>

#include "test-safety-util.h"

/* The child, run as `test-crash write DB CLIENT_ID`, saves sessions (each with its
 * charge) and payments, one transaction each, and writes "s ID" or "p ID" to stdout
 * (a pipe) only after the save has returned. The parent kills it at random moments and
 * checks that every reported id is in the database. */

#define N_KILLS          30
#define MAX_CHILD_WRITES 200000
#define MAX_RUN_MS       150
/* Writes a writer reports before its (random) kill delay starts: the kills are to land
 * while it writes, however slowly a loaded machine lets it write. */
#define MIN_WRITES       50

static void
write_line (char        kind,
            gint64      id)
{
  char line[64];
  int length = g_snprintf (line, sizeof line, "%c %" G_GINT64_FORMAT "\n", kind, id);
  const char *p = line;

  /* Unbuffered, all of it: what the parent reads was committed before it was written. */
  while (length > 0)
    {
      ssize_t n = write (STDOUT_FILENO, p, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        exit (2);
      p += n;
      length -= n;
    }
}

static int
child_main (const char *path,
            gint64      client_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = kab_store_open (path, &error);
  g_autoptr(GDateTime) base = g_date_time_new_utc (2025, 1, 6, 8, 0, 0);
  guint32 seed = (guint32)getpid ();

  if (store == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }

  write_line ('o', 0);

  for (guint i = 0; i < MAX_CHILD_WRITES; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_minutes (base, (seed % 100000) * 60 + i * 7);

      if (i % 2 == 0)
        {
          g_autoptr(KabSession) session = kab_session_new ();

          g_object_set (session, "client-id", client_id, "start", when, "duration", 50,
                        "fee", (gint64)150000, "status", KAB_SESSION_STATUS_ATTENDED,
                        "note", "Crash test: a note long enough to span a few cells of a page.",
                        NULL);
          if (!kab_store_save_session (store, session, &error))
            {
              g_printerr ("child: %s\n", error->message);
              return 1;
            }
          write_line ('s', kab_session_get_id (session));
        }
      else
        {
          g_autoptr(KabPayment) payment = kab_payment_new ();

          g_object_set (payment, "client-id", client_id, "date", when,
                        "amount", (gint64)(1000 + i), "currency", "EUR",
                        "method", KAB_PAYMENT_METHOD_CASH, NULL);
          if (!kab_store_save_payment (store, payment, &error))
            {
              g_printerr ("child: %s\n", error->message);
              return 1;
            }
          write_line ('p', kab_payment_get_id (payment));
        }
    }

  return 0;
}

/* Parent */

typedef struct
{
  GString *pending;     /* a partial line */
  GArray  *sessions;    /* gint64 */
  GArray  *payments;    /* gint64 */
  gboolean opened;
} Reports;

static void
reports_feed (Reports    *reports,
              const char *data,
              gsize       length)
{
  char *newline;

  g_string_append_len (reports->pending, data, length);
  while ((newline = memchr (reports->pending->str, '\n', reports->pending->len)) != NULL)
    {
      gsize line_length = newline - reports->pending->str;
      g_autofree char *line = g_strndup (reports->pending->str, line_length);
      gint64 id = g_ascii_strtoll (line + 2, NULL, 10);

      if (line[0] == 's')
        g_array_append_val (reports->sessions, id);
      else if (line[0] == 'p')
        g_array_append_val (reports->payments, id);
      else if (line[0] == 'o')
        reports->opened = TRUE;

      g_string_erase (reports->pending, 0, line_length + 1);
    }
}

/* Reads what is there within @timeout_ms; FALSE at end of file. */
static gboolean
read_some (int      fd,
           Reports *reports,
           int      timeout_ms)
{
  struct pollfd pfd = { fd, POLLIN, 0 };
  char buffer[8192];
  ssize_t n;

  if (poll (&pfd, 1, timeout_ms) <= 0)
    return TRUE;

  n = read (fd, buffer, sizeof buffer);
  if (n < 0 && (errno == EINTR || errno == EAGAIN))
    return TRUE;
  if (n <= 0)
    return FALSE;

  reports_feed (reports, buffer, n);
  return TRUE;
}

static GPid
spawn_writer (const char *self_exe,
              const char *path,
              gint64      client_id,
              int        *out_fd)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *client = g_strdup_printf ("%" G_GINT64_FORMAT, client_id);
  const char *argv[] = { self_exe, "write", path, client, NULL };
  GPid pid = 0;

  g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, out_fd, NULL, &error);
  g_assert_no_error (error);
  return pid;
}

/* Runs one writer and kills it @delay_ms after it opened the store and committed
 * MIN_WRITES writes (0: at once, maybe while it opens the store). */
static void
run_and_kill (const char *self_exe,
              const char *path,
              gint64      client_id,
              int         delay_ms,
              Reports    *reports)
{
  int fd = -1;
  GPid pid = spawn_writer (self_exe, path, client_id, &fd);
  gint64 deadline;
  gboolean open = TRUE;
  int status = 0;
  guint before = reports->sessions->len + reports->payments->len;

  reports->opened = FALSE;

  /* Wait for the store to be open and some writes committed, unless the kill is meant to
   * land during opening. The cap is generous: only a hung writer reaches it. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (delay_ms > 0 && open && g_get_monotonic_time () < deadline
         && (!reports->opened
             || reports->sessions->len + reports->payments->len - before < MIN_WRITES))
    open = read_some (fd, reports, 50);

  deadline = g_get_monotonic_time () + delay_ms * 1000;
  while (open && g_get_monotonic_time () < deadline)
    open = read_some (fd, reports, 1);

  kill (pid, SIGKILL);

  /* What the child wrote before it died is still in the pipe. */
  while (read_some (fd, reports, 1000))
    ;
  close (fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  /* Killed, or finished every write: never failed on its own. */
  g_assert_true ((WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
                 || (WIFEXITED (status) && WEXITSTATUS (status) == 0));
}

static GHashTable *
id_set (GListModel *model)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 id = 0;

      g_object_get (item, "id", &id, NULL);
      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }

  return ids;
}

/* Every attended session has its charge: a session written without it would be half a
 * transaction. */
static gint64
count_sessions_without_charge (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT count(*) FROM session s WHERE NOT EXISTS"
                                       " (SELECT 1 FROM charge c WHERE c.session_id = s.id)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
verify (const char *path,
        gint64      client_id,
        Reports    *reports)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = kab_store_open (path, &error);
  g_autoptr(GListModel) payments = NULL;
  g_autoptr(GHashTable) payment_ids = NULL;

  /* The killed writer's lock went with it. */
  g_assert_no_error (error);
  g_assert_true (kab_store_check_integrity (store, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < reports->sessions->len; i++)
    {
      gint64 id = g_array_index (reports->sessions, gint64, i);
      g_autoptr(KabSession) session = kab_store_load_session (store, id, &error);

      if (session == NULL)
        g_error ("session %" G_GINT64_FORMAT " was reported committed but is missing: %s",
                 id, error != NULL ? error->message : "");
    }

  payments = kab_store_list_payments (store, client_id, NULL, NULL, &error);
  g_assert_no_error (error);
  payment_ids = id_set (payments);
  for (guint i = 0; i < reports->payments->len; i++)
    {
      gint64 id = g_array_index (reports->payments, gint64, i);

      if (!g_hash_table_contains (payment_ids, &id))
        g_error ("payment %" G_GINT64_FORMAT " was reported committed but is missing", id);
    }

  g_clear_object (&store);
  g_assert_cmpint (count_sessions_without_charge (path), ==, 0);
}

static void
test_sigkill_loses_nothing_committed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kabinett-crash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "kabinett.db", NULL);
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  Reports reports = { g_string_new (NULL), g_array_new (FALSE, FALSE, sizeof (gint64)),
                      g_array_new (FALSE, FALSE, sizeof (gint64)), FALSE };
  gint64 started = g_get_monotonic_time ();
  gint64 client_id;

  g_assert_nonnull (self_exe);
  {
    g_autoptr(KabStore) store = kab_store_open (path, &error);
    g_autoptr(KabClient) client = NULL;

    g_assert_no_error (error);
    client = safety_add_client (store, "Crash", "Test");
    client_id = kab_client_get_id (client);
  }

  for (guint kill_nr = 0; kill_nr < N_KILLS; kill_nr++)
    {
      /* A few kills land while the writer opens the store; the rest while it writes. */
      int delay_ms = kill_nr % 10 == 0 ? 0 : g_rand_int_range (rand, 1, MAX_RUN_MS);
      guint before = reports.sessions->len + reports.payments->len;

      run_and_kill (self_exe, path, client_id, delay_ms, &reports);
      verify (path, client_id, &reports);
      g_debug ("kill %u after %d ms: %u writes", kill_nr, delay_ms,
               reports.sessions->len + reports.payments->len - before);
    }

  g_test_message ("%d kills, %u committed writes checked (%u sessions with charges, "
                  "%u payments) in %.1f s",
                  N_KILLS, reports.sessions->len + reports.payments->len,
                  reports.sessions->len, reports.payments->len,
                  (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC);

  /* Thousands of writes were interrupted, not a handful. */
  g_assert_cmpuint (reports.sessions->len + reports.payments->len, >, 1000);

  g_string_free (reports.pending, TRUE);
  g_array_unref (reports.sessions);
  g_array_unref (reports.payments);
  kab_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "write"))
    return child_main (argv[2], g_ascii_strtoll (argv[3], NULL, 10));

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/sigkill-loses-nothing-committed", test_sigkill_loses_nothing_committed);

  return g_test_run ();
}
