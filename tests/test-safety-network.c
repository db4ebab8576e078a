/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-safety-network.c: Kabinett opens no network connection (watched with strace) */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

/* Runs the real program, `kabinett --demo`, until its first frame is painted
 * (KABINETT_BENCH_FIRST_FRAME makes it quit then), under `strace -f -e trace=network`,
 * and reads every socket call of every thread and child. Local sockets (the X server,
 * D-Bus, the accessibility bus) are fine; any address of the internet family is not. */

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

static void
test_no_network (void)
{
  const char *exe = g_getenv ("KABINETT_EXE");
  g_autofree char *strace = g_find_program_in_path ("strace");
  g_autofree char *dir = NULL;
  g_autofree char *trace_path = NULL;
  g_autofree char *trace = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) env = NULL;
  guint n_calls = 0, n_local = 0;
  int status = 0;

  if (strace == NULL)
    {
      g_test_skip ("strace is not installed");
      return;
    }
  if (exe == NULL || !g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("KABINETT_EXE does not name the built kabinett");
      return;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display to run Kabinett on");
      return;
    }

  dir = g_dir_make_tmp ("kabinett-network-XXXXXX", &error);
  g_assert_no_error (error);
  trace_path = g_build_filename (dir, "trace", NULL);

  env = g_get_environ ();
  env = g_environ_setenv (env, "KABINETT_BENCH_FIRST_FRAME", "1", TRUE);
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
    g_ptr_array_add (argv, (char *)exe);
    g_ptr_array_add (argv, (char *)"--demo");
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
          return;
        }
      g_error ("strace wrote nothing: %s", err != NULL ? err : "");
    }

  /* It really ran to its first frame. */
  if (!g_spawn_check_wait_status (status, &error) || strstr (out, "first-frame") == NULL)
    g_error ("kabinett did not reach its first frame (%s): %s", error != NULL ? error->message : "",
             err);

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

  g_unlink (trace_path);
  g_rmdir (dir);
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
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/safety/network/detects-internet-calls", test_detects_internet_calls);
  g_test_add_func ("/safety/network/none", test_no_network);

  return g_test_run ();
}
