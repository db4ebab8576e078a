/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: sets up translations and runs Kabinett */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "kab-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KabApplication) app = NULL;
  const char *localedir = g_getenv ("KABINETT_LOCALEDIR");

  /* build-aux/run points KABINETT_LOCALEDIR at the build's po/ so that translations work
   * before Kabinett is installed. */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  kab_application_pin_time_zone ();
  kab_application_name_theme_at_start ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Kabinett"));

  app = kab_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
