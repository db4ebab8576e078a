/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-safety-network.c: Kabinett opens no network connection; printing only the local print service (strace) */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

/* Runs the real program, `kabinett --demo`, until its first frame is painted
 * (KABINETT_BENCH_FIRST_FRAME makes it quit then), under `strace -f -e trace=network`,
 * and reads every socket call of every thread and child. Local sockets (the X server,
 * D-Bus, the accessibility bus) are fine; any address of the internet family is not.
 * Then Kabinett's print path with the real print dialog (tests/tools/
 * kab-print-dialog-probe.c), where the local print service (port 631) is the only
 * internet address allowed. */

static gboolean
is_internet_call (const char *line)
{
  /* Calls that reach out: connect, sendto, sendmsg (a UDP DNS query is sendto/sendmsg). */
  static const char * const calls[] = { "connect(", "sendto(", "sendmsg(", "sendmmsg(", NULL };
  gboolean reaches_out = FALSE;

  for (guint i = 0; calls[i] != NULL; i++)
    reaches_out = reaches_out || strstr (line, calls[i]) != NULL;

  return reaches_out && (strstr (line, "AF_INET") != NULL || strstr (line, "AF_INET6") != NULL);
}

/* CUPS, the system's print service, on this computer: IPP on port 631 of the loopback
 * address. GTK's print dialog asks it for the printers; the service, not Kabinett, then
 * talks to a printer on the network. */
static gboolean
is_local_print_service (const char *line)
{
  gboolean ipp = strstr (line, "htons(631)") != NULL;
  gboolean loopback = strstr (line, "inet_addr(\"127.") != NULL
                      || strstr (line, "\"::1\"") != NULL;

  return ipp && loopback;
}

/* Runs @program (with @arg, if any) under `strace -f -e trace=network` to its end, and
 * returns the trace, or NULL after g_test_skip() when it cannot be traced here. */
static char *
trace_network (const char  *program,
               const char  *arg,
               GStrv        env,
               char       **out_stdout)
{
  g_autofree char *strace = g_find_program_in_path ("strace");
  g_autofree char *dir = NULL;
  g_autofree char *trace_path = NULL;
  g_autofree char *trace = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (strace == NULL)
    {
      g_test_skip ("strace is not installed");
      return NULL;
    }
  if (program == NULL || !g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the program to trace was not built");
      return NULL;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display to run Kabinett on");
      return NULL;
    }

  dir = g_dir_make_tmp ("kabinett-network-XXXXXX", &error);
  g_assert_no_error (error);
  trace_path = g_build_filename (dir, "trace", NULL);

  {
    g_autoptr(GPtrArray) argv = g_ptr_array_new ();
    g_autofree char *timeout = g_find_program_in_path ("timeout");
    g_autofree char *dbus_run_session = g_find_program_in_path ("dbus-run-session");

    /* Bounded, whatever happens. */
    if (timeout != NULL)
      {
        g_ptr_array_add (argv, timeout);
        g_ptr_array_add (argv, (char *)"-k");
        g_ptr_array_add (argv, (char *)"5");
        g_ptr_array_add (argv, (char *)"90");
      }
    g_ptr_array_add (argv, strace);
    g_ptr_array_add (argv, (char *)"-f");
    g_ptr_array_add (argv, (char *)"-qq");
    g_ptr_array_add (argv, (char *)"-e");
    g_ptr_array_add (argv, (char *)"trace=network");
    g_ptr_array_add (argv, (char *)"-o");
    g_ptr_array_add (argv, trace_path);

    /* Without a session bus, GDBus would autolaunch one that outlives Kabinett, and
     * strace -f would wait for it: give it a bus that ends with it. */
    if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL && dbus_run_session != NULL)
      {
        g_ptr_array_add (argv, dbus_run_session);
        g_ptr_array_add (argv, (char *)"--");
      }
    g_ptr_array_add (argv, (char *)program);
    if (arg != NULL)
      g_ptr_array_add (argv, (char *)arg);
    g_ptr_array_add (argv, NULL);

    g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
  }

  if (!g_file_get_contents (trace_path, &trace, NULL, NULL) || *trace == '\0')
    {
      /* A container that forbids ptrace: strace cannot attach. */
      if (err != NULL && strstr (err, "ptrace") != NULL)
        {
          g_test_skip_printf ("strace cannot trace here: %s", err);
          g_rmdir (dir);
          return NULL;
        }
      g_error ("strace wrote nothing: %s", err != NULL ? err : "");
    }

  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s did not end well (%s): %s", program, error->message, err);

  g_unlink (trace_path);
  g_rmdir (dir);
  *out_stdout = g_steal_pointer (&out);
  return g_steal_pointer (&trace);
}

/* Kabinett's print path with the real print dialog, shown and then cancelled: the only
 * internet sockets are those of the local print service; the rest is local (D-Bus, the
 * display). */
static void
test_print_dialog (void)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *trace = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_calls = 0, n_local = 0, n_print_service = 0;

  trace = trace_network (g_getenv ("KABINETT_PRINT_PROBE"), NULL, env, &out);
  if (trace == NULL)
    return;

  g_assert_nonnull (strstr (out, "print-dialog-shown"));
  g_assert_nonnull (strstr (out, "print-dialog-done"));

  lines = g_strsplit (trace, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      n_calls++;
      if (strstr (lines[i], "AF_UNIX") != NULL)
        n_local++;
      if (!is_internet_call (lines[i]))
        continue;
      if (!is_local_print_service (lines[i]))
        g_error ("Printing reached out to the network: %s", lines[i]);
      n_print_service++;
    }

  g_test_message ("%u socket calls traced in a print dialog run, %u on local (AF_UNIX) "
                  "sockets, %u to the local print service (port 631), none elsewhere",
                  n_calls, n_local, n_print_service);
}

static void
test_no_network (void)
{
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "KABINETT_BENCH_FIRST_FRAME", "1", TRUE);
  g_autofree char *out = NULL;
  g_autofree char *trace = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_calls = 0, n_local = 0;

  trace = trace_network (g_getenv ("KABINETT_EXE"), "--demo", env, &out);
  if (trace == NULL)
    return;

  /* It really ran to its first frame. */
  g_assert_nonnull (strstr (out, "first-frame"));

  lines = g_strsplit (trace, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      n_calls++;
      if (strstr (lines[i], "AF_UNIX") != NULL)
        n_local++;
      if (is_internet_call (lines[i]))
        g_error ("Kabinett reached out to the network: %s", lines[i]);
    }

  g_test_message ("%u socket calls traced, %u of them on local (AF_UNIX) sockets, "
                  "none to an internet address", n_calls, n_local);
}

static void
test_detects_internet_calls (void)
{
  g_assert_true (is_internet_call ("1234 connect(5, {sa_family=AF_INET, sin_port=htons(53), "
                                   "sin_addr=inet_addr(\"127.0.0.53\")}, 16) = 0"));
  g_assert_true (is_internet_call ("1234 sendto(5, \"...\", 30, MSG_NOSIGNAL, "
                                   "{sa_family=AF_INET6, sin6_port=htons(443)}, 28) = 30"));
  g_assert_false (is_internet_call ("1234 connect(3, {sa_family=AF_UNIX, "
                                    "sun_path=\"/tmp/.X11-unix/X99\"}, 20) = 0"));
  g_assert_false (is_internet_call ("1234 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3"));

  g_assert_true (is_local_print_service ("1234 connect(9, {sa_family=AF_INET, sin_port=htons(631), "
                                         "sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0"));
  g_assert_true (is_local_print_service ("1234 connect(8, {sa_family=AF_INET6, sin6_port=htons(631), "
                                         "inet_pton(AF_INET6, \"::1\", &sin6_addr)}, 28) = 0"));
  g_assert_false (is_local_print_service ("1234 connect(9, {sa_family=AF_INET, sin_port=htons(631), "
                                          "sin_addr=inet_addr(\"192.168.1.20\")}, 16) = 0"));
  g_assert_false (is_local_print_service ("1234 connect(9, {sa_family=AF_INET, sin_port=htons(443), "
                                          "sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/safety/network/detects-internet-calls", test_detects_internet_calls);
  g_test_add_func ("/safety/network/none", test_no_network);
  g_test_add_func ("/safety/network/print-dialog", test_print_dialog);

  return g_test_run ();
}
