/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-application.c: the application: command line, app-wide actions, the practice store */

#include "config.h"

#include <string.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>

#include "kab-application.h"
#include "kab-bench-frame.h"
#include "core/kab-consent-templates.h"
#include "kab-demo.h"
#include "kab-preferences-window.h"
#include "kab-restore-dialog.h"
#include "kab-saved-after-all.h"
#include "kab-store.h"
#include "kab-store-opener.h"
#include "kab-window.h"
#include "journal/kab-journal-search.h"
#include "reminders/kab-reminders-service.h"

struct _KabApplication
{
  AdwApplication  parent_instance;

  /* From the command line: the database to open (NULL: the default one), or a demo
   * practice generated into demo_dir, which is removed at shutdown. */
  char           *database_path;
  gboolean        demo;
  KabDemoSize     demo_size;
  char           *demo_dir;

  KabStore       *store;
  GTask          *store_opener;  /* opening store_path on a worker thread, until activate */
  gboolean        waiting_for_store;  /* activate runs the main loop while it waits */
  GError         *store_error;
  char           *store_path;

  guint           sigint_source;
  guint           sigterm_source;
  guint           backup_source;
  guint           rules_source;
  int             rules_day;     /* the day of the year the billing rules last ran */

  const char     *startup_action;  /* a desktop action asked for on the command line */

  KabRemindersService *reminders;  /* the followed calendar file, session notifications */
};

G_DEFINE_FINAL_TYPE (KabApplication, kab_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    /* Translators: PATH is the placeholder shown in --help, translate both alike */
    N_("Open the practice database at PATH instead of your own"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open a generated sample practice in a temporary folder, removed on quit"), NULL },
  { "demo-size", 0, 0, G_OPTION_ARG_STRING, NULL,
    /* Translators: do not translate “small” and “large”, they are the values to type */
    N_("Size of the sample practice: “small” (40 clients) or “large” (a 20-year practice)"),
    /* Translators: the placeholder for the value of --demo-size in --help */
    N_("SIZE") },
  { "new-client", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Add a new client in the running Kabinett (or start it)"), NULL },
  { "today", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show today in the running Kabinett’s calendar (or start it)"), NULL },
  { NULL }
};

/* The main window, not a preferences or about window. */
static KabWindow *
get_main_window (KabApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (KAB_IS_WINDOW (l->data))
        return KAB_WINDOW (l->data);
    }

  return NULL;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  KabApplication *self = KAB_APPLICATION (user_data);
  g_autoptr(GList) windows = NULL;

  /* Closing rather than destroying lets each window save its size and view; the
   * application ends when the last one is gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  KabWindow *window = get_main_window (KAB_APPLICATION (user_data));
  GtkWidget *preferences;

  if (window == NULL || kab_window_get_store (window) == NULL)
    return;

  preferences = kab_preferences_window_new (kab_window_get_store (window));
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  KabWindow *window = get_main_window (KAB_APPLICATION (user_data));
  GtkWindow *shortcuts;

  if (window == NULL)
    return;

  /* Made when first asked for, not with every window as GtkApplication makes a
   * "gtk/help-overlay.ui": building all its shortcuts was 4 % of the start-up's work. */
  shortcuts = g_object_get_data (G_OBJECT (window), "kab-shortcuts-window");
  if (shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/kabinett/Kabinett/kab-shortcuts-window.ui");

      shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_window_set_transient_for (shortcuts, GTK_WINDOW (window));
      gtk_window_set_hide_on_close (shortcuts, TRUE);
      /* GTK's list of windows holds it (hidden, not destroyed, when closed); it is
       * destroyed with the main window. */
      g_object_set_data_full (G_OBJECT (window), "kab-shortcuts-window",
                              shortcuts, (GDestroyNotify) gtk_window_destroy);
    }

  gtk_window_present (shortcuts);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  KabWindow *window = get_main_window (KAB_APPLICATION (user_data));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Kabinett"),
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Kabinett developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Clients, sessions, payments and therapy agreements of "
                                      "a psychology practice.\n\n"
                                      "Everything stays on this computer, in one file: Kabinett "
                                      "has no account and no server, and opens no network "
                                      "connection of its own. Printing uses your system’s "
                                      "print service."),
                        /* Translators: your names, one per line, as you want them credited */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Also reachable from the error page, when the practice does not open at all. */
static void
choose_backup_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  KabApplication *self = KAB_APPLICATION (user_data);

  if (self->store_path != NULL)
    kab_restore_dialog_choose (GTK_WINDOW (get_main_window (self)), self->store_path);
}

/* The desktop file's actions: shown in the running Kabinett, started when needed. */
static void
view_action_activated (KabApplication *self,
                       const char     *view,
                       const char     *action)
{
  KabWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = get_main_window (self);
  if (window != NULL)
    kab_window_activate_view_action (window, view, action);
}

static void
new_client_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  view_action_activated (KAB_APPLICATION (user_data), "clients", "clients.new");
}

static void
today_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  view_action_activated (KAB_APPLICATION (user_data), "calendar", "calendar.today");
}

/* Every client's journal, searched from anywhere in the window. */
static void
search_journal_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  KabWindow *window = get_main_window (KAB_APPLICATION (user_data));
  KabStore *store = window != NULL ? kab_window_get_store (window) : NULL;
  KabJournalSearch *search;

  if (store == NULL)
    return;

  search = kab_journal_search_new (store);
  gtk_window_set_transient_for (GTK_WINDOW (search), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (search));
}

/* What the restore dialog activates once the user said "Restore": the path of the
 * backup and, for an encrypted one, its passphrase ("" for a plain copy). */
static void
restore_backup_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  const char *path = NULL;
  const char *passphrase = NULL;

  g_variant_get (parameter, "(&s&s)", &path, &passphrase);
  kab_application_restore_encrypted_backup (KAB_APPLICATION (user_data), path,
                                            *passphrase != '\0' ? passphrase : NULL);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
  { "new-client", new_client_activated },
  { "today", today_activated },
  { "search-journal", search_journal_activated },
  { "choose-backup", choose_backup_activated },
  { "restore-backup", restore_backup_activated, "(ss)" },
  { "preferences", preferences_activated },
  { "shortcuts", shortcuts_activated },
  { "about", about_activated },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.shortcuts", { "<Control>question", NULL } },
  { "app.search-journal", { "<Control><Shift>f", NULL } },
  { "win.show-view::clients", { "<Alt>1", NULL } },
  { "win.show-view::calendar", { "<Alt>2", NULL } },
  { "win.show-view::payments", { "<Alt>3", NULL } },
  { "win.show-view::consent", { "<Alt>4", NULL } },
};

static gboolean
on_terminate_signal (gpointer user_data)
{
  /* A demo practice must not outlive Ctrl+C in the terminal: quit the normal way. */
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);

  return G_SOURCE_CONTINUE;
}

/* GTK starts loading the icon theme on a worker when the display opens, but libadwaita
 * and GtkApplication then add their resource paths to it, which throws that load away:
 * the window's first icon would load the whole theme again on the main thread, the
 * largest single part of presenting the window. It is loaded again here, on a worker,
 * while the store is read and the window is built. GtkIconTheme is made for lookups
 * from other threads once it is set up: a lookup on the main thread meanwhile waits for
 * this one instead of repeating it. */
static void
load_icon_theme (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  gtk_icon_theme_has_icon (GTK_ICON_THEME (task_data), "go-next-symbolic");
  g_task_return_boolean (task, TRUE);
}

static void
start_loading_icon_theme (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, start_loading_icon_theme);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)), g_object_unref);
  g_task_run_in_thread (task, load_icon_theme);
}

/* GTK's settings are made (in adw_init()) with the theme the desktop names, and GTK
 * parses that style sheet at once; libadwaita then sets its own, "Adwaita-empty", with
 * its style sheets beside it. The first parse (GTK's built-in theme: 83 M of the 714 M
 * instructions of the main thread's start) was for nothing. */
static gboolean theme_named_at_start;

/**
 * kab_application_name_theme_at_start:
 *
 * Has GTK's settings made with libadwaita's theme. Called in main() before any thread
 * starts, as setting the environment must be: GTK_THEME names the theme until
 * kab_application_startup() has made the settings, and is unset there before libadwaita
 * looks at it. A GTK_THEME of the user's own is left alone, and libadwaita then keeps
 * out of it, as always.
 *
 * The unset runs while the practice's worker and GLib's D-Bus worker run (starting the
 * practice's worker after the display opened made the first frame 44 ms later). glibc's
 * unsetenv() moves the later entries down in place, under its lock, and frees nothing:
 * a getenv() on another thread at that instant can at worst miss a variable (SQLite's
 * TMPDIR, were it to make a temporary file then), never read freed memory.
 */
void
kab_application_name_theme_at_start (void)
{
  if (g_getenv ("GTK_THEME") != NULL)
    return;

  g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
  theme_named_at_start = TRUE;
}

static void
make_settings_with_named_theme (void)
{
  if (!theme_named_at_start)
    return;

  gtk_init ();
  gtk_settings_get_default ();
  g_unsetenv ("GTK_THEME");
  theme_named_at_start = FALSE;
}

static void
kab_application_startup (GApplication *application)
{
  KabApplication *self = KAB_APPLICATION (application);

  /* Only the instance that runs opens the practice (startup is not run in one that hands
   * its command line over); it opens on a worker while gtk_init and the styles load. */
  if (!self->demo)
    {
      self->store_path = self->database_path != NULL ? g_strdup (self->database_path)
                                                     : kab_store_default_path ();
      self->store_opener = kab_store_opener_start (self->store_path);
    }

  /* After the practice's worker has started: opening the display takes a while, and the
   * worker with the practice is then the longest piece of the start. */
  make_settings_with_named_theme ();
  G_APPLICATION_CLASS (kab_application_parent_class)->startup (application);
  start_loading_icon_theme ();

  gtk_window_set_default_icon_name (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_entries,
                                   G_N_ELEMENTS (app_entries),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action,
                                           app_accels[i].accels);

  self->sigint_source = g_unix_signal_add (SIGINT, on_terminate_signal, self);
  self->sigterm_source = g_unix_signal_add (SIGTERM, on_terminate_signal, self);
}

static void
remove_demo_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  /* The folder holds only the database, SQLite's -wal, -shm and backup files, and the
   * "backups" folder of the copies a restore keeps. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      if (g_str_equal (name, "backups") && g_file_test (file, G_FILE_TEST_IS_DIR))
        {
          remove_demo_dir (file);
          continue;
        }

      if (g_remove (file) != 0)
        g_warning ("Could not remove %s: %s", file, g_strerror (errno));
    }

  if (g_rmdir (path) != 0)
    g_warning ("Could not remove %s: %s", path, g_strerror (errno));
}

/* A demo whose process was killed is left behind (SIGKILL, or a lost display: GTK then
 * ends with _exit(), past every cleanup). While a Kabinett runs, its store holds a BSD
 * lock on the database, so a folder whose database nobody locks, and that is not just
 * being created, is stale. */
static void
remove_demo_dir_when_closed (gpointer data)
{
  g_autofree char *path = data;

  remove_demo_dir (path);
}

static gboolean
is_stale_demo_dir (const char *path)
{
  g_autofree char *db = g_build_filename (path, "kabinett.db", NULL);
  GStatBuf st;
  gboolean unlocked;
  int fd;

  if (g_lstat (path, &st) != 0 || !S_ISDIR (st.st_mode) || st.st_uid != getuid ()
      || time (NULL) - st.st_mtime < 60)
    return FALSE;

  fd = g_open (db, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;

  unlocked = flock (fd, LOCK_EX | LOCK_NB) == 0;
  close (fd);

  return unlocked;
}

static void
remove_stale_demo_dirs (void)
{
  const char *tmp = g_get_tmp_dir ();
  g_autoptr(GDir) dir = g_dir_open (tmp, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, "kabinett-demo-"))
        continue;

      path = g_build_filename (tmp, name, NULL);
      if (is_stale_demo_dir (path))
        remove_demo_dir (path);
    }
}

static gboolean
open_demo_store (KabApplication  *self,
                 GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  remove_stale_demo_dirs ();

  self->demo_dir = g_dir_make_tmp ("kabinett-demo-XXXXXX", error);
  if (self->demo_dir == NULL)
    return FALSE;

  self->store_path = g_build_filename (self->demo_dir, "kabinett.db", NULL);
  self->store = kab_store_open (self->store_path, error);
  if (self->store == NULL)
    return FALSE;

  /* The agreement templates first, so that the demo's clients have signed agreements. */
  if (!kab_consent_ensure_builtin_templates (self->store, error) ||
      !kab_demo_fill (self->store, &self->demo_size, now, error))
    {
      g_clear_object (&self->store);
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_store (KabApplication  *self,
            GError         **error)
{
  if (self->demo)
    return open_demo_store (self, error);

  if (self->store_opener != NULL)
    {
      g_autoptr(GTask) opener = g_steal_pointer (&self->store_opener);

      self->waiting_for_store = TRUE;
      self->store = kab_store_opener_wait (opener, error);
      self->waiting_for_store = FALSE;
      return self->store != NULL;
    }

  g_clear_pointer (&self->store_path, g_free);
  self->store_path = self->database_path != NULL ? g_strdup (self->database_path)
                                                 : kab_store_default_path ();
  self->store = kab_store_open (self->store_path, error);

  return self->store != NULL;
}

/* When the day turns while Kabinett runs, the store's billing rules run (a new month's
 * fees, plans that start today); the store ran them itself when it opened. */
static gboolean
check_day_turned (gpointer user_data)
{
  KabApplication *self = KAB_APPLICATION (user_data);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || g_date_time_get_day_of_year (now) == self->rules_day)
    return G_SOURCE_CONTINUE;

  self->rules_day = g_date_time_get_day_of_year (now);
  if (!kab_store_apply_rules (self->store, now, &error))
    g_warning ("Could not apply the billing rules: %s", error->message);
  return G_SOURCE_CONTINUE;
}

/* Today's backup, once the window is on screen: it reads the whole file, which must not
 * delay the first frame. A demo practice is thrown away on quit, so it gets none. */
static gboolean
run_daily_backup (gpointer user_data)
{
  KabApplication *self = KAB_APPLICATION (user_data);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  KabWindow *window;

  self->backup_source = 0;
  if (self->store == NULL || self->demo)
    return G_SOURCE_REMOVE;

  if (kab_store_backup_daily (self->store, now, &error))
    return G_SOURCE_REMOVE;

  g_warning ("The daily backup failed: %s", error->message);
  window = get_main_window (self);
  if (window != NULL)
    {
      g_autofree char *message = g_markup_printf_escaped (_("Today’s backup could not be made: %s"),
                                                          error->message);
      AdwToast *toast = adw_toast_new (message);

      /* Damage stays on screen until it is read. */
      if (kab_store_is_damaged (self->store))
        adw_toast_set_timeout (toast, 0);
      kab_window_add_toast (window, toast);
    }

  return G_SOURCE_REMOVE;
}

static void
on_first_frame_painted (GdkFrameClock  *clock,
                        KabApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_painted, self);

  if (self->backup_source == 0)
    self->backup_source = g_idle_add_full (G_PRIORITY_LOW, run_daily_backup, self, NULL);
}

static void
on_main_window_realize (GtkWidget      *window,
                        KabApplication *self)
{
  g_signal_handlers_disconnect_by_func (window, on_main_window_realize, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_first_frame_painted), self, 0);
}

static void
schedule_daily_backup (KabApplication *self,
                       KabWindow      *window)
{
  if (self->store == NULL || self->demo)
    return;

  g_signal_connect_object (window, "realize", G_CALLBACK (on_main_window_realize), self, 0);
}

/* What opening the practice changed or found, said once. */
static void
toast_open_notices (KabApplication *self,
                    KabWindow      *window)
{
  if (self->store == NULL)
    return;

  if (kab_store_get_modes_tightened (self->store))
    kab_window_add_toast (window, adw_toast_new (_("The practice’s files could be read by "
                                                   "other users of this computer; now only "
                                                   "you can read them.")));

  if (kab_store_get_wal_set_aside (self->store) != NULL)
    {
      AdwToast *toast = adw_toast_new (_("A journal file beside the practice belonged to "
                                         "another copy of it, so it was not used. It is "
                                         "kept in the backups folder."));

      adw_toast_set_timeout (toast, 0);
      kab_window_add_toast (window, toast);
    }

  kab_saved_after_all_tell (window, self->store);
}

/* The followed calendar file and the notifications, for the store open now. */
static void
start_reminders (KabApplication *self)
{
  g_autoptr(GSettings) settings = NULL;

  g_clear_object (&self->reminders);
  if (self->store == NULL)
    return;

  settings = g_settings_new (APPLICATION_ID);
  self->reminders = kab_reminders_service_new (G_APPLICATION (self), self->store, settings, !self->demo);
}

static void
kab_application_activate (GApplication *application)
{
  KabApplication *self = KAB_APPLICATION (application);
  KabWindow *window = get_main_window (self);

  /* Another activation (a second start handing over) that arrives while the first one
   * waits for the store: the first one builds and presents the window. */
  if (self->waiting_for_store)
    return;

  if (window == NULL)
    {
      if (self->store == NULL && self->store_error == NULL)
        open_store (self, &self->store_error);

      window = kab_window_new (self, self->store);
      if (self->store == NULL)
        kab_window_show_error (window, self->store_error, self->store_path);

      schedule_daily_backup (self, window);
      toast_open_notices (self, window);
      start_reminders (self);
      kab_bench_frame_watch (GTK_WINDOW (window));
      if (self->rules_source == 0)
        {
          g_autoptr(GDateTime) today = g_date_time_new_now_local ();

          self->rules_day = g_date_time_get_day_of_year (today);
          self->rules_source = g_timeout_add_seconds (60, check_day_turned, self);
        }
    }

  gtk_window_present (GTK_WINDOW (window));

  if (self->startup_action != NULL)
    {
      const char *action = g_steal_pointer (&self->startup_action);

      g_action_group_activate_action (G_ACTION_GROUP (self), action, NULL);
    }
}

static void
kab_application_shutdown (GApplication *application)
{
  KabApplication *self = KAB_APPLICATION (application);

  g_clear_handle_id (&self->sigint_source, g_source_remove);
  g_clear_handle_id (&self->sigterm_source, g_source_remove);
  g_clear_handle_id (&self->backup_source, g_source_remove);
  g_clear_handle_id (&self->rules_source, g_source_remove);
  g_clear_object (&self->reminders);
  if (self->store_opener != NULL)
    {
      g_autoptr(GTask) opener = g_steal_pointer (&self->store_opener);
      g_autoptr(KabStore) unused = kab_store_opener_wait (opener, NULL);
    }
  /* The sample practice goes once the store is finalized (its data is cleared last): a
   * window still open holds the store, which writes its side files as it closes. */
  if (self->demo_dir != NULL && self->store != NULL)
    g_object_set_data_full (G_OBJECT (self->store), "kab-demo-dir",
                            g_steal_pointer (&self->demo_dir), remove_demo_dir_when_closed);
  g_clear_object (&self->store);

  if (self->demo_dir != NULL)
    {
      remove_demo_dir (self->demo_dir);
      g_clear_pointer (&self->demo_dir, g_free);
    }

  G_APPLICATION_CLASS (kab_application_parent_class)->shutdown (application);
}

static gboolean
parse_demo_size (const char   *text,
                 KabDemoSize  *out_size)
{
  if (g_strcmp0 (text, "small") == 0)
    *out_size = KAB_DEMO_SIZE_SMALL;
  else if (g_strcmp0 (text, "large") == 0)
    *out_size = KAB_DEMO_SIZE_LARGE;
  else
    return FALSE;

  return TRUE;
}

static int
kab_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  KabApplication *self = KAB_APPLICATION (application);
  g_autofree char *database = NULL;
  g_autofree char *demo_size = NULL;

  g_variant_dict_lookup (options, "database", "^ay", &database);
  g_variant_dict_lookup (options, "demo-size", "s", &demo_size);
  self->demo = g_variant_dict_contains (options, "demo") || demo_size != NULL;

  if (demo_size != NULL && !parse_demo_size (demo_size, &self->demo_size))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown sample practice size “%s”: "
                                                    "use “small” or “large”."),
                                                  demo_size);

      g_printerr ("%s\n", message);
      return EXIT_FAILURE;
    }

  if (database != NULL && self->demo)
    {
      g_printerr ("%s\n", _("Use either --database or --demo, not both."));
      return EXIT_FAILURE;
    }

  if (database != NULL)
    self->database_path = g_canonicalize_filename (database, NULL);

  /* Another file than the user's own practice is its own instance: it must not be handed
   * to a Kabinett that already runs with another database. */
  if (database != NULL || self->demo)
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  if (g_variant_dict_contains (options, "new-client"))
    self->startup_action = "new-client";
  else if (g_variant_dict_contains (options, "today"))
    self->startup_action = "today";

  /* A desktop action goes to the Kabinett that already runs, if one does. */
  if (self->startup_action != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }

      if (g_application_get_is_remote (application))
        {
          g_action_group_activate_action (G_ACTION_GROUP (application), self->startup_action, NULL);
          return EXIT_SUCCESS;
        }
    }

  return G_APPLICATION_CLASS (kab_application_parent_class)->handle_local_options (application,
                                                                                    options);
}

static void
kab_application_finalize (GObject *object)
{
  KabApplication *self = KAB_APPLICATION (object);

  g_clear_handle_id (&self->sigint_source, g_source_remove);
  g_clear_handle_id (&self->sigterm_source, g_source_remove);
  g_clear_handle_id (&self->backup_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->store_path, g_free);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->demo_dir, g_free);

  G_OBJECT_CLASS (kab_application_parent_class)->finalize (object);
}

static void
kab_application_class_init (KabApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = kab_application_finalize;

  app_class->activate = kab_application_activate;
  app_class->handle_local_options = kab_application_handle_local_options;
  app_class->shutdown = kab_application_shutdown;
  app_class->startup = kab_application_startup;
}

static void
kab_application_init (KabApplication *self)
{
  self->demo_size = KAB_DEMO_SIZE_SMALL;

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keep the clients, sessions, payments and "
                                              "therapy agreements of a psychology practice."));
}

/**
 * kab_application_pin_time_zone:
 *
 * Names the local time zone in TZ when TZ is not set, before any thread starts.
 *
 * With TZ unset, GLib 2.74 finds the local zone again (reading /etc/localtime) on every
 * g_time_zone_new_local(), since its cache compares the zone's name with the unset TZ:
 * about 4 µs a call, and opening a 20-year practice or stepping the calendar makes
 * thousands. Named once by its own identifier ("Europe/Oslo"), it is the same zone,
 * with the same name for new sessions, and GLib keeps it.
 */
void
kab_application_pin_time_zone (void)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GTimeZone) named = NULL;
  const char *id;

  if (g_getenv ("TZ") != NULL)
    return;

  local = g_time_zone_new_local ();
  id = g_time_zone_get_identifier (local);
  named = id != NULL && g_strcmp0 (id, "UTC") != 0 ? g_time_zone_new_identifier (id) : NULL;
  if (named != NULL)
    g_setenv ("TZ", id, FALSE);
}

KabApplication *
kab_application_new (void)
{
  return g_object_new (KAB_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/kabinett/Kabinett",
                       NULL);
}

/* Restoring a backup (see kab_store_restore_backup()): the store must be closed, so every
 * window on it goes, and a new one comes on the restored practice. */

typedef struct
{
  KabApplication *app;
  char           *backup_path;
  char           *passphrase;  /* for an encrypted backup */
} RestoreTask;

static void
restore_task_free (RestoreTask *task)
{
  g_application_release (G_APPLICATION (task->app));
  g_object_unref (task->app);
  g_free (task->backup_path);
  if (task->passphrase != NULL)
    memset (task->passphrase, 0, strlen (task->passphrase));
  g_free (task->passphrase);
  g_free (task);
}

static gboolean
close_store_and_windows (KabApplication  *self,
                         GError         **error)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  KabStore *store = self->store;

  /* The main window keeps its size and view for the next one. */
  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (KAB_IS_WINDOW (l->data))
        gtk_window_close (GTK_WINDOW (l->data));
      else
        gtk_window_destroy (GTK_WINDOW (l->data));
    }

  g_clear_handle_id (&self->backup_source, g_source_remove);
  g_clear_object (&self->reminders);
  if (store == NULL)
    return TRUE;

  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *)&store);
  g_clear_object (&self->store);

  if (store == NULL)
    return TRUE;

  /* Something still holds the database open: nothing must be replaced under it. */
  g_object_remove_weak_pointer (G_OBJECT (store), (gpointer *)&store);
  self->store = g_object_ref (store);
  g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_LOCKED,
               _("The practice is still in use, so the backup was not restored. "
                 "Quit Kabinett, start it again and restore then."));
  return FALSE;
}

static gboolean
restore_in_idle (gpointer user_data)
{
  RestoreTask *task = user_data;
  KabApplication *self = task->app;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *safety_copy = NULL;
  g_autofree char *message = NULL;
  KabWindow *window;
  gboolean restored = FALSE;

  if (close_store_and_windows (self, &error))
    {
      if (task->passphrase != NULL)
        restored = kab_store_restore_encrypted (self->store_path, task->backup_path,
                                                task->passphrase, now, &safety_copy, &error);
      else
        restored = kab_store_restore_backup (self->store_path, task->backup_path, now,
                                             &safety_copy, &error);

      /* Restored or not, the practice opens again: the restored one, or the untouched one. */
      g_clear_error (&self->store_error);
      self->store = kab_store_open (self->store_path, &self->store_error);
    }
  start_reminders (self);

  window = get_main_window (self);
  if (window == NULL)
    {
      window = kab_window_new (self, self->store);
      /* Say why the restore failed rather than why the practice did not open before. */
      if (self->store == NULL)
        kab_window_show_error (window, restored ? self->store_error : error, self->store_path);
    }

  if (restored)
    message = g_strdup (_("The backup was restored. The practice as it was before is kept "
                          "among the backups."));
  else
    message = g_strdup (error->message);

  if (self->store != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 10);
      kab_window_add_toast (window, toast);
    }

  gtk_window_present (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

/**
 * kab_application_restore_backup:
 * @backup_path: (type filename): a backup of the practice, e.g. from
 *   kab_store_list_backups()
 *
 * Closes every window and the practice database, restores @backup_path over it
 * (keeping a copy of the current state among the backups), opens it again and shows a
 * new main window with a toast saying what happened. Runs from an idle callback, so
 * that the dialog that asked for it can finish first. Ask the user before calling this.
 */
void
kab_application_restore_backup (KabApplication *self,
                                const char     *backup_path)
{
  kab_application_restore_encrypted_backup (self, backup_path, NULL);
}

/**
 * kab_application_restore_encrypted_backup:
 * @backup_path: (type filename): a backup made by kab_store_backup_encrypted(), or a
 *   plain one when @passphrase is %NULL
 * @passphrase: (nullable): its passphrase
 *
 * As kab_application_restore_backup(), for an encrypted backup. A wrong passphrase
 * changes nothing, and the toast says so.
 */
void
kab_application_restore_encrypted_backup (KabApplication *self,
                                          const char     *backup_path,
                                          const char     *passphrase)
{
  RestoreTask *task;

  g_return_if_fail (KAB_IS_APPLICATION (self));
  g_return_if_fail (backup_path != NULL);
  g_return_if_fail (self->store_path != NULL);

  task = g_new0 (RestoreTask, 1);
  task->app = g_object_ref (self);
  task->backup_path = g_strdup (backup_path);
  task->passphrase = g_strdup (passphrase);

  /* Between closing the last window and opening the next, the application stays. */
  g_application_hold (G_APPLICATION (self));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_in_idle, task,
                   (GDestroyNotify)restore_task_free);
}
