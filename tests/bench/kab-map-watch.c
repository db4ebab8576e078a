/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-map-watch.c: the time from starting a program to its first mapped top-level
 * window, watched from outside through the X server, for any program alike */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xatom.h>
#include <X11/Xlib.h>

/* Usage: kab-map-watch SECONDS PROGRAM [ARGUMENT...]
 *
 * Watches the root window for top-level windows being mapped (SubstructureNotify), starts
 * PROGRAM, and when a window whose _NET_WM_PID is PROGRAM's own is mapped, prints
 * "mapped <µs from the start of PROGRAM>" and "rss <the child's peak KiB>", then ends
 * PROGRAM with SIGTERM (SIGKILL after 5 s). Exit status 1 when nothing is mapped within
 * SECONDS. Under Xvfb there is no window manager: top-levels are children of the root. */

static long long
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static long
window_pid (Display *display,
            Window   window,
            Atom     pid_atom)
{
  Atom type;
  int format;
  unsigned long n_items, after;
  unsigned char *data = NULL;
  long pid = -1;

  if (XGetWindowProperty (display, window, pid_atom, 0, 1, False, XA_CARDINAL, &type, &format,
                          &n_items, &after, &data) == Success && data != NULL && n_items == 1)
    pid = (long)*(unsigned long *)data;
  if (data != NULL)
    XFree (data);
  return pid;
}

static void
end_child (pid_t          child,
           struct rusage *usage)
{
  int status;

  kill (child, SIGTERM);
  for (int i = 0; i < 500; i++)
    {
      if (wait4 (child, &status, WNOHANG, usage) == child)
        return;
      usleep (10000);
    }
  kill (child, SIGKILL);
  wait4 (child, &status, 0, usage);
}

int
main (int   argc,
      char *argv[])
{
  Display *display;
  Atom pid_atom;
  long long start, deadline;
  struct rusage usage = { 0 };
  pid_t child;
  int fd;

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s SECONDS PROGRAM [ARGUMENT...]\n", argv[0]);
      return 2;
    }

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "kab-map-watch: cannot open the display\n");
      return 2;
    }
  pid_atom = XInternAtom (display, "_NET_WM_PID", False);
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, False);
  fd = ConnectionNumber (display);

  start = now_us ();
  child = fork ();
  if (child == 0)
    {
      /* Our standard output is the report: the program's own output goes nowhere. */
      int null_fd = open ("/dev/null", O_WRONLY);

      close (fd);
      if (null_fd >= 0)
        dup2 (null_fd, STDOUT_FILENO);
      execvp (argv[2], argv + 2);
      _exit (127);
    }
  if (child < 0)
    {
      perror ("kab-map-watch: fork");
      return 2;
    }

  deadline = start + atoll (argv[1]) * 1000000LL;
  while (now_us () < deadline)
    {
      XEvent event;
      long pid;

      if (XPending (display) == 0)
        {
          fd_set fds;
          struct timeval timeout = { 0, 20000 };

          FD_ZERO (&fds);
          FD_SET (fd, &fds);
          select (fd + 1, &fds, NULL, NULL, &timeout);
          if (waitpid (child, NULL, WNOHANG) == child)
            {
              fprintf (stderr, "kab-map-watch: %s ended before mapping a window\n", argv[2]);
              return 1;
            }
          continue;
        }

      XNextEvent (display, &event);
      if (event.type != MapNotify || event.xmap.override_redirect)
        continue;

      /* The pid is set before the window is mapped (GTK sets it when it creates the
       * window); a window of another program is not ours. A window without one is
       * taken: the bench's X server runs nothing else. */
      pid = window_pid (display, event.xmap.window, pid_atom);
      if (pid == child || pid == -1)
        {
          long long mapped = now_us ();

          end_child (child, &usage);
          printf ("mapped %lld\nrss %ld\n", mapped - start, usage.ru_maxrss);
          return 0;
        }
    }

  fprintf (stderr, "kab-map-watch: no window of %s was mapped in %s s\n", argv[2], argv[1]);
  end_child (child, &usage);
  return 1;
}
