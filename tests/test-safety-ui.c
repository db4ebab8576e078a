/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-safety-ui.c: backups, restore, export and erasure through Kabinett's own windows */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <json-glib/json-glib.h>

#include "kab-application.h"
#include "clients/kab-client-data.h"
#include "clients/kab-client-export.h"
#include "kab-disk-encryption.h"
#include "clients/kab-clients-private.h"
#include "clients/kab-client-details.h"
#include "clients/kab-clients-view.h"
#include "kab-preferences-window.h"
#include "kab-restore-dialog.h"
#include "kab-window.h"

#include "test-safety-util.h"
#include "test-safety-fault.h"
#include "kab-test-app.h"
#include "kab-test-ui-util.h"

/* Every test runs Kabinett for real, as `kabinett --database PATH`, drives it through its
 * windows, dialogs and actions once the main window is on screen, quits it the way
 * Ctrl+Q does, then reads the database. */

typedef struct
{
  char   *dir;
  char   *path;
  char   *backup_dir;
  char   *old_cwd;     /* the working folder before the test moved into its own */
  gint64  client_id;   /* Ann Lee: a session last week, a payment, an agreement */
  gint64  idle_id;     /* Bo Idle: no records at all */
} Fixture;

typedef void (*Check) (Fixture   *f,
                       KabWindow *window);

typedef struct
{
  Fixture *fixture;
  Check    check;
} Run;

/* Helpers */

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

typedef gboolean (*Condition) (gpointer data);

static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
toplevel_shown (gpointer type)
{
  return find_toplevel ((GType)GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
toplevel_gone (gpointer type)
{
  return find_toplevel ((GType)GPOINTER_TO_SIZE (type)) == NULL;
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  wait_until (toplevel_shown, GSIZE_TO_POINTER (type), g_type_name (type));
  return find_toplevel (type);
}

static AdwMessageDialog *
wait_for_message (void)
{
  return ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static gboolean
dialog_closed (gpointer location)
{
  GtkWidget *dialog = *(GtkWidget **)location;

  return dialog == NULL || !gtk_widget_get_visible (dialog);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
find_response_button (GtkWidget  *widget,
                      const char *label)
{
  return kab_test_find_widget (widget, is_button_labelled, label);
}

/* Answers @dialog and waits until it is gone, so that the next dialog found is a new one. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  gpointer location = dialog;

  g_assert_true (adw_message_dialog_has_response (dialog, response));
  g_object_add_weak_pointer (G_OBJECT (dialog), &location);
  /* Click its button, as a user does: that also closes the dialog. */
  g_signal_emit_by_name (find_response_button (GTK_WIDGET (dialog),
                                               adw_message_dialog_get_response_label (dialog, response)),
                         "clicked");
  wait_until (dialog_closed, &location, "the dialog to close");
  if (location != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), &location);
  iterate ();
}

/* GtkFileChooserNative without a portal shows a GtkFileChooserDialog. Its answers are
 * asynchronous and unreliable to drive headless, so the tests check what it offers,
 * cancel it, and call what its answer would call (the same function the handler calls). */
static GtkFileChooser *
wait_for_file_chooser (GtkFileChooserAction action)
{
  GtkWindow *dialog = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)), ==, action);
  g_assert_true (gtk_window_get_modal (dialog));
  return GTK_FILE_CHOOSER (dialog);
}

typedef struct
{
  GtkFileChooser *chooser;
  const char     *folder;
} FolderCheck;

static gboolean
chooser_in_folder (gpointer data)
{
  FolderCheck *check = data;
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (check->chooser);

  return folder != NULL && g_strcmp0 (g_file_peek_path (folder), check->folder) == 0;
}

/* The chooser has a file to answer with, of the name check->folder (any folder). */
static gboolean
chooser_names_file (gpointer data)
{
  FolderCheck *check = data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (check->chooser);
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;

  return g_strcmp0 (name, check->folder) == 0;
}

static void
cancel_file_chooser (GtkFileChooser *chooser)
{
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  wait_until (toplevel_gone, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), "the file chooser to close");
  iterate ();
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The file the chooser answered with, read when it answers: GTK 4.8's chooser may still
 * be loading the folder it opened in when the test picks another, and under load it can
 * answer with the folder it started in. What the test waits for is what was chosen. */
static void
on_chooser_response (GtkDialog *dialog,
                     int        response,
                     char     **chosen)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    *chosen = g_file_get_path (file);
}

static gboolean
string_set (gpointer data)
{
  return *(char **) data != NULL;
}

/* Clicks Save and returns the file the chooser answered with, which has the name the
 * test gave it (the folder is the chooser's). */
static char *
accept_file_chooser (GtkFileChooser *chooser,
                     const char     *expected)
{
  g_autofree char *expected_name = g_path_get_basename (expected);
  g_autofree char *chosen_name = NULL;
  char *chosen = NULL;
  GtkWidget *save = gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  g_assert_nonnull (save);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), &chosen);
  g_signal_emit_by_name (save, "clicked");
  wait_until (string_set, &chosen, "the file chooser to answer");
  chosen_name = g_path_get_basename (chosen);
  g_assert_cmpstr (chosen_name, ==, expected_name);
  if (g_strcmp0 (chosen, expected) != 0)
    g_test_message ("the chooser saved to %s, not %s", chosen, expected);
  return chosen;
}

/* Answers the chooser with Save directly (gtk_dialog_response), without the button's
 * checks, and returns the file it answered with. */
static char *
answer_file_chooser (GtkFileChooser *chooser,
                     const char     *expected)
{
  g_autofree char *expected_name = g_path_get_basename (expected);
  g_autofree char *chosen_name = NULL;
  char *chosen = NULL;

  FolderCheck check = { chooser, expected_name };

  wait_until (chooser_names_file, &check, expected_name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), &chosen);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  wait_until (string_set, &chosen, "the file chooser to answer");
  chosen_name = g_path_get_basename (chosen);
  g_assert_cmpstr (chosen_name, ==, expected_name);
  if (g_strcmp0 (chosen, expected) != 0)
    g_test_message ("the chooser saved to %s, not %s", chosen, expected);
  return chosen;
}

static void
run_check (KabWindow *window,
           gpointer   data)
{
  Run *run = data;

  run->check (run->fixture, window);
}

static void
run_kabinett (Fixture    *f,
              const char *path,
              Check       check)
{
  Run run = { f, check };

  kab_test_run_kabinett (path, NULL, run_check, &run);
}

static KabStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  KabStore *store = kab_store_open (f->path, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) last_week = g_date_time_add_weeks (now, -1);
  g_autoptr(KabClient) ann = NULL;
  g_autoptr(KabClient) idle = NULL;
  g_autoptr(KabSession) session = NULL;
  g_autoptr(KabPayment) payment = NULL;
  g_autoptr(KabConsent) consent = NULL;

  f->dir = g_dir_make_tmp ("kabinett-safety-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "kabinett.db", NULL);
  f->backup_dir = g_build_filename (f->dir, "backups", NULL);

  /* GTK 4.8's file chooser can finish loading the folder it started in after the test
   * has chosen another, and then save there: that folder is the working one, so let it
   * be the test's own, and never the source tree. */
  f->old_cwd = g_get_current_dir ();
  g_assert_cmpint (g_chdir (f->dir), ==, 0);

  store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
  ann = safety_add_client (store, "Ann", "Lee");
  f->client_id = kab_client_get_id (ann);
  session = safety_add_session (store, f->client_id, last_week, KAB_SESSION_STATUS_ATTENDED);
  payment = safety_add_payment (store, f->client_id, last_week, 150000);
  consent = safety_add_consent (store, f->client_id, last_week, "# Agreement\n\nWe agree.\n");
  idle = safety_add_client (store, "Bo", "Idle");
  f->idle_id = kab_client_get_id (idle);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_cmpint (g_chdir (f->old_cwd), ==, 0);
  g_free (f->old_cwd);
  kab_test_remove_tree (f->dir);
  g_free (f->backup_dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Backups: the daily one on start */

static void
check_daily_backup (Fixture   *f,
                    KabWindow *window)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "kabinett-%Y-%m-%d.db");
  g_autofree char *path = g_build_filename (f->backup_dir, name, NULL);
  struct stat st;

  /* After the first frame, in an idle moment. */
  wait_until (file_exists, path, path);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (f->backup_dir, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0700);
}

static void
test_daily_backup_on_start (Fixture       *f,
                            gconstpointer  data)
{
  run_kabinett (f, f->path, check_daily_backup);
}

/* Backups: the Preferences page */

static GtkWindow *
open_preferences (KabWindow *window)
{
  GtkWindow *preferences;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
  preferences = wait_for_toplevel (KAB_TYPE_PREFERENCES_WINDOW);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "backups");
  iterate ();
  return preferences;
}

static GtkWidget *
template_child (GtkWindow  *preferences,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                  KAB_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* The rows of the backups list, newest first. */
static GPtrArray *
backup_rows (GtkWindow *preferences)
{
  GtkWidget *list = template_child (preferences, "backups_list");
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (ADW_IS_ACTION_ROW (row))
        g_ptr_array_add (rows, row);
    }

  return rows;
}

static void
make_old_backups (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = open_store (f);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (int days = 3; days >= 1; days--)
    {
      g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);

      g_assert_true (kab_store_backup_daily (store, then, &error));
      g_assert_no_error (error);
    }
}

static void
check_backups_listed (Fixture   *f,
                      KabWindow *window)
{
  GtkWindow *preferences = open_preferences (window);
  g_autoptr(GPtrArray) rows = backup_rows (preferences);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *day = g_strdup_printf (" %d ", g_date_time_get_day_of_month (yesterday));
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (template_child (preferences, "backups_group"));
  const char *title;

  /* Three old ones, and perhaps today's if it was made already. */
  g_assert_cmpuint (rows->len, >=, 3);
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows->pdata[rows->len - 3]));
  g_assert_nonnull (strstr (title, day));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (rows->pdata[rows->len - 3]), "Yesterday"));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), f->backup_dir));

  for (guint i = 0; i < rows->len; i++)
    g_assert_nonnull (kab_test_find_by_type (rows->pdata[i], GTK_TYPE_BUTTON));

  gtk_window_destroy (preferences);
}

static void
test_preferences_lists_backups (Fixture       *f,
                                gconstpointer  data)
{
  make_old_backups (f);
  run_kabinett (f, f->path, check_backups_listed);
}

static void
check_back_up_now (Fixture   *f,
                   KabWindow *window)
{
  GtkWindow *preferences = open_preferences (window);
  GtkWidget *row = template_child (preferences, "backup_now_row");
  g_autofree char *copy = g_build_filename (f->dir, "usb-stick.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *suggested = g_date_time_format (now, "kabinett-%Y-%m-%d.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkFileChooser *chooser;
  struct stat st;

  g_signal_emit_by_name (row, "activated");
  chooser = wait_for_file_chooser (GTK_FILE_CHOOSER_ACTION_SAVE);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, suggested);
  cancel_file_chooser (chooser);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  /* What the chooser's answer does. */
  g_assert_true (kab_store_backup_to (kab_window_get_store (window), copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  gtk_window_destroy (preferences);
}

static void
test_preferences_back_up_now (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "usb-stick.db", NULL);
  g_autoptr(KabStore) store = NULL;

  run_kabinett (f, f->path, check_back_up_now);

  /* The copy is a practice of its own, with the same clients. */
  store = kab_store_open (copy, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kab_store_find_client (store, f->client_id));
}

/* Restore from Preferences: the practice is replaced, a new window comes, the state
 * before is kept as a backup. */

/* The old window is gone (its address may well be reused by the new one), and a new one
 * is on screen with the practice open. */
static gboolean
new_window_with_store (gpointer old_window_location)
{
  GtkWindow *window = find_toplevel (KAB_TYPE_WINDOW);

  return *(gpointer *)old_window_location == NULL
         && window != NULL && kab_window_get_store (KAB_WINDOW (window)) != NULL
         && gtk_widget_get_mapped (GTK_WIDGET (window));
}

/* @old_location: a weak pointer to the window before the restore, set up before the
 * restore starts (it closes the window in an idle callback). */
static KabWindow *
wait_for_new_window (gpointer *old_location)
{
  wait_until (new_window_with_store, old_location, "the window of the restored practice");
  return KAB_WINDOW (find_toplevel (KAB_TYPE_WINDOW));
}

static void
check_restore_from_preferences (Fixture   *f,
                                KabWindow *window)
{
  GtkWindow *preferences = open_preferences (window);
  g_autoptr(GPtrArray) rows = backup_rows (preferences);
  GtkWidget *oldest = rows->pdata[rows->len - 1];
  GtkWidget *button = kab_test_find_by_type (oldest, GTK_TYPE_BUTTON);
  AdwMessageDialog *dialog;
  KabStore *store;
  g_autoptr(KabClient) added = NULL;
  KabWindow *restored;
  gpointer old_window = window;

  g_object_add_weak_pointer (G_OBJECT (window), &old_window);

  /* Ann's client record came before the backups; "Cy New" comes after. */
  added = safety_add_client (kab_window_get_store (window), "Cy", "New");

  g_signal_emit_by_name (button, "clicked");
  dialog = wait_for_message ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Restore"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "kept among the backups"));
  respond (dialog, "restore");

  restored = wait_for_new_window (&old_window);
  store = kab_window_get_store (restored);
  g_assert_nonnull (kab_store_find_client (store, f->client_id));
  g_assert_null (kab_store_find_client (store, kab_client_get_id (added)));
  g_assert_null (find_toplevel (KAB_TYPE_PREFERENCES_WINDOW));
}

static void
test_restore_from_preferences (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(KabStore) store = NULL;
  gboolean has_copy = FALSE;

  make_old_backups (f);
  run_kabinett (f, f->path, check_restore_from_preferences);

  store = open_store (f);
  g_assert_cmpuint (g_list_model_get_n_items (kab_store_get_clients (store)), ==, 2);

  /* The practice with "Cy New" was kept. */
  backups = kab_store_list_backups (f->path, &error);
  for (guint i = 0; i < backups->len; i++)
    {
      KabBackup *backup = backups->pdata[i];
      has_copy = has_copy || g_date_time_get_second (backup->date) != 0
                 || g_date_time_get_minute (backup->date) != 0 || g_date_time_get_hour (backup->date) != 0;
    }
  g_assert_true (has_copy);
}

/* Restore from the error page, when the practice no longer opens. */

static void
check_restore_from_error_page (Fixture   *f,
                               KabWindow *window)
{
  g_autofree char *backup = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *name = g_date_time_format (yesterday, "kabinett-%Y-%m-%d.db");
  AdwMessageDialog *dialog;
  KabWindow *restored;
  gpointer old_window = window;

  g_object_add_weak_pointer (G_OBJECT (window), &old_window);
  g_assert_null (kab_window_get_store (window));
  /* A damaged file: the error page offers the backups. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                    KAB_TYPE_WINDOW,
                                                                                    "restore_button"))));
  backup = g_build_filename (f->backup_dir, name, NULL);

  /* The error page's "Restore a Backup…" opens the backups folder. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.choose-backup", NULL));
  {
    GtkFileChooser *chooser = wait_for_file_chooser (GTK_FILE_CHOOSER_ACTION_OPEN);
    FolderCheck check = { chooser, f->backup_dir };

    wait_until (chooser_in_folder, &check, f->backup_dir);
    cancel_file_chooser (chooser);
  }

  /* What choosing one does. */
  kab_restore_dialog_confirm (GTK_WINDOW (window), backup);
  dialog = wait_for_message ();
  respond (dialog, "restore");

  restored = wait_for_new_window (&old_window);
  g_assert_nonnull (kab_store_find_client (kab_window_get_store (restored), f->client_id));
}

static void
test_restore_from_error_page (Fixture       *f,
                              gconstpointer  data)
{
  char garbage[4096];

  make_old_backups (f);
  memset (garbage, 0x5a, sizeof garbage);
  g_assert_true (g_file_set_contents (f->path, garbage, sizeof garbage, NULL));

  run_kabinett (f, f->path, check_restore_from_error_page);

  {
    g_autoptr(KabStore) store = open_store (f);
    g_assert_nonnull (kab_store_find_client (store, f->client_id));
  }
}

/* Encrypted copies: made with Back Up Now…, restored with the passphrase. */

static void
check_back_up_encrypted (Fixture   *f,
                         KabWindow *window)
{
  GtkWindow *preferences = open_preferences (window);
  GtkWidget *row = template_child (preferences, "backup_now_row");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *suggested = g_date_time_format (now, "kabinett-%Y-%m-%d.db");
  g_autofree char *copy = g_build_filename (f->dir, suggested, NULL);
  g_autoptr(KabClient) added = NULL;
  g_autofree char *chosen = NULL;
  AdwMessageDialog *dialog;
  GtkFileChooser *chooser;
  GtkWidget *box;
  KabWindow *restored;
  gpointer old_window = window;

  g_signal_emit_by_name (row, "activated");
  chooser = wait_for_file_chooser (GTK_FILE_CHOOSER_ACTION_SAVE);
  /* The file in the test's folder, answered at once as the Save button's answer would be.
   * Clicking Save waits for GTK 4.8's chooser to load folders, which a loaded machine
   * turns into minutes; what is tested here is the copy and the restore. The real click
   * is covered by the export test below. */
  {
    g_autoptr(GFile) target = g_file_new_for_path (copy);

    g_assert_true (gtk_file_chooser_set_file (chooser, target, NULL));
    chosen = answer_file_chooser (chooser, copy);
  }

  /* The passphrase, typed twice; "Encrypt" only once both agree. */
  dialog = wait_for_message ();
  box = adw_message_dialog_get_extra_child (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "encrypt"));
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_first_child (box)), "lost stick");
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_last_child (box)), "lost stik");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "encrypt"));
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_last_child (box)), "lost stick");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "encrypt"));
  g_assert_cmpstr (g_object_get_data (G_OBJECT (dialog), "path"), ==, chosen);
  respond (dialog, "encrypt");
  wait_until (file_exists, chosen, "the encrypted copy to be written");
  g_assert_true (kab_store_backup_is_encrypted (chosen));
  gtk_window_destroy (preferences);

  /* Later work, which the restore takes back. */
  added = safety_add_client (kab_window_get_store (window), "Cy", "New");

  g_object_add_weak_pointer (G_OBJECT (window), &old_window);
  kab_restore_dialog_confirm (GTK_WINDOW (window), chosen);
  dialog = wait_for_message ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "passphrase"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "restore"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "lost stick");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "restore"));
  respond (dialog, "restore");

  restored = wait_for_new_window (&old_window);
  g_assert_nonnull (kab_store_find_client (kab_window_get_store (restored), f->client_id));
  g_assert_null (kab_store_find_client (kab_window_get_store (restored), kab_client_get_id (added)));
  if (g_strcmp0 (chosen, copy) != 0)
    g_unlink (chosen);
}

static void
test_encrypted_backup_and_restore (Fixture       *f,
                                   gconstpointer  data)
{
  run_kabinett (f, f->path, check_back_up_encrypted);
}

/* Erasure */

/* Export and erasure are actions of the Clients view, where a client's details are. */
static GtkWidget *
clients_view (KabWindow *window)
{
  GtkWidget *view;

  kab_window_show_view (window, "clients");
  view = kab_test_find_by_type (GTK_WIDGET (window), KAB_TYPE_CLIENTS_VIEW);
  g_assert_nonnull (view);
  return view;
}

static void
check_erase_refused_then_anyway (Fixture   *f,
                                 KabWindow *window)
{
  KabStore *store = kab_window_get_store (window);
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_true (gtk_widget_activate_action (clients_view (window), "clients.erase-client", "x",
                                             f->client_id));
  dialog = wait_for_message ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Ann Lee"));
  body = adw_message_dialog_get_body (dialog);
  /* It names what is lost. */
  g_assert_nonnull (strstr (body, "1 session"));
  g_assert_nonnull (strstr (body, "1 payment"));
  g_assert_nonnull (strstr (body, "1 agreement"));
  g_assert_true (adw_message_dialog_get_response_appearance (dialog, "erase") == ADW_RESPONSE_DESTRUCTIVE);
  respond (dialog, "erase");

  /* The session was last week: the records must still be kept. */
  dialog = wait_for_message ();
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "must be kept until"));
  g_assert_nonnull (strstr (body, "10 years"));
  g_assert_nonnull (kab_store_find_client (store, f->client_id));
  g_assert_true (adw_message_dialog_get_response_appearance (dialog, "erase-anyway")
                 == ADW_RESPONSE_DESTRUCTIVE);
  respond (dialog, "erase-anyway");

  g_assert_null (kab_store_find_client (store, f->client_id));
}

static void
test_erase_refused_then_anyway (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;
  gint64 charged = -1, paid = -1;

  run_kabinett (f, f->path, check_erase_refused_then_anyway);

  store = open_store (f);
  g_assert_null (kab_store_find_client (store, f->client_id));
  g_assert_nonnull (kab_store_find_client (store, f->idle_id));
  g_assert_true (kab_store_get_totals (store, &charged, &paid, NULL));
  g_assert_cmpint (charged, ==, 0);
  g_assert_cmpint (paid, ==, 0);
}

/* The dialog names each backup that holds the client; erasing from the backups too
 * leaves none, and the desktop's recent files forget the client's export. */
static void
check_erase_from_backups_too (Fixture   *f,
                              KabWindow *window)
{
  KabStore *store = kab_window_get_store (window);
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  g_autofree char *export_path = g_build_filename (f->dir, "Ann Lee – records.pdf", NULL);
  g_autofree char *export_uri = g_filename_to_uri (export_path, NULL, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) created = g_date_time_ref (kab_client_get_created (kab_store_find_client (store, f->client_id)));
  g_autoptr(GPtrArray) found = NULL;
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_true (gtk_recent_manager_add_item (recent, export_uri));
  iterate ();
  g_assert_true (gtk_recent_manager_has_item (recent, export_uri));

  g_assert_true (gtk_widget_activate_action (clients_view (window), "clients.erase-client", "x",
                                             f->client_id));
  dialog = wait_for_message ();
  body = adw_message_dialog_get_body (dialog);
  for (int days = 3; days >= 1; days--)
    {
      g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);
      g_autofree char *name = g_date_time_format (then, "kabinett-%Y-%m-%d.db");

      g_assert_nonnull (strstr (body, name));
    }
  g_assert_true (adw_message_dialog_get_response_appearance (dialog, "erase-everywhere")
                 == ADW_RESPONSE_DESTRUCTIVE);
  respond (dialog, "erase-everywhere");

  dialog = wait_for_message ();
  respond (dialog, "erase-anyway");
  g_assert_null (kab_store_find_client (store, f->client_id));

  found = kab_store_find_client_in_backups (f->path, f->client_id, created, NULL);
  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, 0);
  g_assert_false (gtk_recent_manager_has_item (recent, export_uri));
}

static void
test_erase_from_backups_too (Fixture       *f,
                             gconstpointer  data)
{
  make_old_backups (f);
  run_kabinett (f, f->path, check_erase_from_backups_too);
}

static void
check_erase_without_records (Fixture   *f,
                             KabWindow *window)
{
  AdwMessageDialog *dialog;
  KabClientsView *view;
  GtkWidget *details;

  /* The client is open in the Clients view when it is erased. */
  kab_window_show_view (window, "clients");
  iterate ();
  view = KAB_CLIENTS_VIEW (kab_test_find_by_type (GTK_WIDGET (window), KAB_TYPE_CLIENTS_VIEW));
  g_assert_true (kab_clients_view_show_client (view, f->idle_id));
  iterate ();
  details = kab_test_find_by_type (GTK_WIDGET (view), KAB_TYPE_CLIENT_DETAILS);
  g_assert_nonnull (kab_client_details_get_client (KAB_CLIENT_DETAILS (details)));

  g_assert_true (gtk_widget_activate_action (clients_view (window), "clients.erase-client", "x",
                                             f->idle_id));
  dialog = wait_for_message ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing else is on record"));
  respond (dialog, "erase");

  /* Nothing to keep: erased at once, no second question. */
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (kab_store_find_client (kab_window_get_store (window), f->idle_id));

  /* Nothing of them stays on screen: the details pane is empty, the list forgot them. */
  iterate ();
  g_assert_null (kab_clients_view_get_client (view));
  g_assert_null (kab_client_details_get_client (KAB_CLIENT_DETAILS (details)));
  for (guint i = 0; i < g_list_model_get_n_items (kab_store_get_clients (kab_window_get_store (window))); i++)
    {
      g_autoptr(KabClient) c = g_list_model_get_item (kab_store_get_clients (kab_window_get_store (window)), i);
      g_assert_cmpint (kab_client_get_id (c), !=, f->idle_id);
    }
}

static void
test_erase_without_records (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;

  run_kabinett (f, f->path, check_erase_without_records);
  store = open_store (f);
  g_assert_null (kab_store_find_client (store, f->idle_id));
  g_assert_nonnull (kab_store_find_client (store, f->client_id));
}

static void
check_erase_cancelled (Fixture   *f,
                       KabWindow *window)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (clients_view (window), "clients.erase-client", "x",
                                             f->client_id));
  dialog = wait_for_message ();
  respond (dialog, "erase");
  dialog = wait_for_message ();
  respond (dialog, "cancel");
  g_assert_nonnull (kab_store_find_client (kab_window_get_store (window), f->client_id));

  /* An unknown client changes nothing either. */
  g_assert_true (gtk_widget_activate_action (clients_view (window), "clients.erase-client", "x",
                                             (gint64)999999));
  iterate ();
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_erase_cancelled (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;
  gint64 charged = -1, paid = -1;

  run_kabinett (f, f->path, check_erase_cancelled);
  store = open_store (f);
  g_assert_nonnull (kab_store_find_client (store, f->client_id));
  g_assert_true (kab_store_get_totals (store, &charged, &paid, NULL));
  g_assert_cmpint (charged, ==, 150000);
}

/* Export */

static void
check_export (Fixture   *f,
              KabWindow *window)
{
  g_autofree char *json = g_build_filename (f->dir, "ann", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "ann.pdf", NULL);
  g_autofree char *written = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  GtkFileChooser *chooser;

  g_assert_true (gtk_widget_activate_action (clients_view (window), "clients.export-client", "x",
                                             f->client_id));
  chooser = wait_for_file_chooser (GTK_FILE_CHOOSER_ACTION_SAVE);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "Ann Lee – records.pdf");
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "format"), ==, "pdf");
  cancel_file_chooser (chooser);

  /* What the chooser's answer does: the format chosen, or the one typed. */
  written = kab_client_data_export (kab_window_get_store (window), f->client_id, json, "json", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (written, "ann.json"));
  g_clear_pointer (&written, g_free);

  written = kab_client_data_export (kab_window_get_store (window), f->client_id, pdf, "json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, pdf);
}

/* Saved through the file dialog for real: the client's name must not end up in the
 * desktop's list of recent files. */
static void
check_export_leaves_no_recent (Fixture   *f,
                               KabWindow *window)
{
  g_autofree char *pdf = g_build_filename (f->dir, "Ann Lee – records.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *chosen = NULL;
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  GtkFileChooser *chooser;

  g_assert_true (gtk_widget_activate_action (clients_view (window), "clients.export-client", "x",
                                             f->client_id));
  chooser = wait_for_file_chooser (GTK_FILE_CHOOSER_ACTION_SAVE);
  /* The file in the test's folder, once the chooser names it (a loaded machine may keep
   * it on the folder it opened in: the file it answers with is what is checked). */
  {
    g_autoptr(GFile) target = g_file_new_for_path (pdf);
    FolderCheck check = { chooser, "Ann Lee – records.pdf" };

    g_assert_true (gtk_file_chooser_set_file (chooser, target, NULL));
    wait_until (chooser_names_file, &check, pdf);
  }
  chosen = accept_file_chooser (chooser, pdf);
  uri = g_filename_to_uri (chosen, NULL, NULL);
  wait_until (file_exists, chosen, "the export to be written");
  for (int i = 0; i < 20; i++)
    iterate ();

  g_assert_false (gtk_recent_manager_has_item (recent, uri));
  if (g_strcmp0 (chosen, pdf) != 0)
    g_unlink (chosen);
}

static void
test_export_leaves_no_recent (Fixture       *f,
                              gconstpointer  data)
{
  run_kabinett (f, f->path, check_export_leaves_no_recent);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *json = g_build_filename (f->dir, "ann.json", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "ann.pdf", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  JsonObject *root;
  struct stat st;

  run_kabinett (f, f->path, check_export);

  g_assert_true (json_parser_load_from_file (parser, json, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "client"),
                                                  "family_name"), ==, "Lee");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "consents")), ==, 1);

  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  if (pdftotext == NULL)
    {
      g_test_message ("pdftotext is not installed: the PDF's text was not read");
      return;
    }

  {
    const char *argv[] = { pdftotext, pdf, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &text, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_nonnull (strstr (text, "Records of Ann Lee"));
  g_assert_nonnull (strstr (text, "Attended"));
  g_assert_nonnull (strstr (text, "We agree."));
  g_assert_nonnull (strstr (text, "Confidential"));
}

/* Dates typed with two digits for the year, or year 1, are refused, not guessed. */
static void
test_two_digit_years (void)
{
  const char *bad[] = { "12/31/69", "31.12.69", "69-12-31", "0001-01-01", "1/1/1" };
  const char *good[] = { "1985-12-31", "1969-12-31" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) date = NULL;

      if (kab_clients_parse_date (bad[i], &date, &error))
        g_error ("“%s” was read as %d", bad[i], g_date_time_get_year (date));
      g_assert_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) date = NULL;

      g_assert_true (kab_clients_parse_date (good[i], &date, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_date_time_get_year (date), >=, 1969);
    }
}

/* A name stored before hidden characters were refused: none of them in a file name. */
static void
test_file_name_without_hidden_characters (void)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autofree char *name = NULL;

  g_object_set (client, "given-name", "Eve\u202Efdp.exe", "family-name", "Tab\tLee\x07", NULL);
  name = kab_client_export_dup_file_name (client, "pdf");
  g_assert_null (strstr (name, "\u202E"));
  g_assert_null (strchr (name, '\t'));
  g_assert_null (strchr (name, '\x07'));
  g_assert_true (g_str_has_suffix (name, ".pdf"));
  g_assert_true (g_utf8_validate (name, -1, NULL));
}

/* Disk encryption, on a made-up sysfs: a LUKS volume, LVM on LUKS, a plain disk. */

static void
make_block (const char *root,
            const char *dev,
            const char *uuid,
            const char *slave_of)
{
  g_autofree char *dir = NULL;

  if (slave_of != NULL)
    dir = g_build_filename (root, "dev", "block", slave_of, "slaves", dev, NULL);
  else
    dir = g_build_filename (root, "dev", "block", dev, NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  if (uuid != NULL)
    {
      g_autofree char *dm = g_build_filename (dir, "dm", NULL);
      g_autofree char *file = g_build_filename (dm, "uuid", NULL);

      g_assert_cmpint (g_mkdir_with_parents (dm, 0700), ==, 0);
      g_assert_true (g_file_set_contents (file, uuid, -1, NULL));
    }
}

static void
test_disk_encryption (void)
{
  g_autofree char *root = g_dir_make_tmp ("kabinett-sysfs-XXXXXX", NULL);

  make_block (root, "254:0", "CRYPT-LUKS2-0123456789abcdef-luks", NULL);
  make_block (root, "254:2", "LVM-abcdefXYZ", NULL);
  make_block (root, "dm-0", "CRYPT-LUKS2-0123456789abcdef-luks", "254:2");
  make_block (root, "8:1", NULL, NULL);
  make_block (root, "254:3", "LVM-plain", NULL);
  make_block (root, "sda2", NULL, "254:3");

  g_assert_cmpint (kab_disk_encryption_for_device (254, 0, root), ==, KAB_DISK_ENCRYPTION_DM_CRYPT);
  g_assert_cmpint (kab_disk_encryption_for_device (254, 2, root), ==, KAB_DISK_ENCRYPTION_DM_CRYPT);
  g_assert_cmpint (kab_disk_encryption_for_device (8, 1, root), ==, KAB_DISK_ENCRYPTION_NONE);
  g_assert_cmpint (kab_disk_encryption_for_device (254, 3, root), ==, KAB_DISK_ENCRYPTION_NONE);
  g_assert_cmpint (kab_disk_encryption_for_device (9, 9, root), ==, KAB_DISK_ENCRYPTION_UNKNOWN);

  kab_test_remove_tree (root);
}

/* Quit: notes typed a moment ago, not yet saved by the typing delay, are kept; notes
 * that cannot be saved are not dropped without asking */

static GtkTextBuffer *
type_notes (Fixture    *f,
            KabWindow  *window,
            const char *text)
{
  KabClientsView *view;
  GtkWidget *details;
  GtkWidget *notes;
  GtkTextBuffer *buffer;

  kab_window_show_view (window, "clients");
  iterate ();
  view = KAB_CLIENTS_VIEW (kab_test_find_by_type (GTK_WIDGET (window), KAB_TYPE_CLIENTS_VIEW));
  g_assert_true (kab_clients_view_show_client (view, f->client_id));
  iterate ();
  details = kab_test_find_by_type (GTK_WIDGET (view), KAB_TYPE_CLIENT_DETAILS);
  notes = kab_test_find_by_type (details, GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (notes);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes));
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
  g_assert_cmpstr (kab_client_get_notes (kab_store_find_client (kab_window_get_store (window),
                                                                f->client_id)), !=, text);
  return buffer;
}

/* Another program holds the write lock: every save fails (after the busy timeout). */
static sqlite3 *
lock_database (Fixture *f)
{
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  return other;
}

static void
unlock_database (sqlite3 *other)
{
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

static void
quit (KabWindow *window)
{
  g_action_group_activate_action (G_ACTION_GROUP (gtk_window_get_application (GTK_WINDOW (window))),
                                  "quit", NULL);
  iterate ();
}

static void
check_notes_typed_before_quit (Fixture   *f,
                               KabWindow *window)
{
  /* Typed, then Ctrl+Q at once: check_and_quit() quits right after this returns. */
  type_notes (f, window, "Call her on Monday.");
}

static void
test_notes_kept_at_quit (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;

  run_kabinett (f, f->path, check_notes_typed_before_quit);

  store = open_store (f);
  g_assert_cmpstr (kab_client_get_notes (kab_store_find_client (store, f->client_id)), ==,
                   "Call her on Monday.");
}

static guint
count_messages (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (toplevel))
        n++;
    }

  return n;
}

static void
check_unsaved_notes_cancel_then_retry (Fixture   *f,
                                       KabWindow *window)
{
  sqlite3 *other;
  AdwMessageDialog *dialog;

  type_notes (f, window, "Call her on Monday.");
  other = lock_database (f);

  /* Quit while the notes cannot be saved: asked, and Cancel keeps the window. */
  quit (window);
  dialog = wait_for_message ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Notes Not Saved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Ann Lee"));
  respond (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* The lock goes: Try Again saves them and quits. Quitting twice asks once. */
  quit (window);
  dialog = wait_for_message ();
  quit (window);
  g_assert_cmpuint (count_messages (), ==, 1);
  unlock_database (other);
  respond (dialog, "retry");
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_unsaved_notes_cancel_then_retry (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;

  run_kabinett (f, f->path, check_unsaved_notes_cancel_then_retry);

  store = open_store (f);
  g_assert_cmpstr (kab_client_get_notes (kab_store_find_client (store, f->client_id)), ==,
                   "Call her on Monday.");
}

static void
check_unsaved_notes_quit_without (Fixture   *f,
                                  KabWindow *window)
{
  sqlite3 *other;
  AdwMessageDialog *dialog;

  type_notes (f, window, "Call her on Monday.");
  other = lock_database (f);
  quit (window);
  dialog = wait_for_message ();
  respond (dialog, "discard");
  unlock_database (other);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (find_toplevel (KAB_TYPE_WINDOW));
}

static void
test_unsaved_notes_quit_without (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(KabStore) store = NULL;

  run_kabinett (f, f->path, check_unsaved_notes_quit_without);

  store = open_store (f);
  g_assert_cmpstr (kab_client_get_notes (kab_store_find_client (store, f->client_id)), !=,
                   "Call her on Monday.");
}

/* A save reported as failed that was written after all (issue 15, item 8) */

/* The child, run as `test-safety-ui fail-payment DB CLIENT_ID`: a payment of 1 200 whose
 * commit fails after its frames reached the journal (fsync "fails" with EIO), then it
 * dies without closing, as a crashing Kabinett would. */
static int
fail_payment_main (const char *path,
                   gint64      client_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 12, 5, 12, 0, 0);
  g_autoptr(KabPayment) payment = kab_payment_new ();

  fault_install ();
  store = kab_store_open (path, &error);
  if (store == NULL)
    return 1;

  /* A save that goes well starts the journal; the next one fails. */
  safety_add_client (store, "Warm", "Up");
  g_object_set (payment, "client-id", client_id, "date", day, "amount", (gint64)120000,
                "currency", kab_practice_get_currency (kab_store_get_practice (store)),
                "method", KAB_PAYMENT_METHOD_CASH, NULL);
  fault_armed = FAULT_SYNC_AFTER_WRITE;
  if (kab_store_save_payment (store, payment, &error) || fault_hits != 1)
    return 1;

  kill (getpid (), SIGKILL);
  return 2;
}

static GtkWidget *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  KabWindow  *window;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;
  GtkWidget *label = find_label_containing (GTK_WIDGET (wait->window), wait->text);

  return label != NULL && gtk_widget_get_mapped (label);
}

static gboolean
view_is_payments (gpointer data)
{
  return g_strcmp0 (kab_window_get_visible_view (KAB_WINDOW (data)), "payments") == 0;
}

static void
check_saved_after_all (Fixture   *f,
                       KabWindow *window)
{
  LabelWait wait = { window, "was saved after all" };
  GtkWidget *label, *button = NULL;

  wait_until (label_shown, &wait, "the toast about the payment saved after all");
  label = find_label_containing (GTK_WIDGET (window), wait.text);
  g_test_message ("told: %s", gtk_label_get_text (GTK_LABEL (label)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Ann Lee"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "5 December 2026"));

  /* Its button opens the payments of the client. */
  for (GtkWidget *w = gtk_widget_get_parent (label); w != NULL && button == NULL;
       w = gtk_widget_get_parent (w))
    button = kab_test_find_by_type (w, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.open-in-view");
  gtk_widget_activate (button);
  wait_until (view_is_payments, window, "the payments view");
}

static void
test_saved_after_all_told_at_start (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *client_id = g_strdup_printf ("%" G_GINT64_FORMAT, f->client_id);
  const char *argv[] = { self_exe, "fail-payment", f->path, client_id, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = NULL;
  g_autofree char *pending = g_strconcat (f->path, ".pending", NULL);
  int status = 0;

  g_assert_nonnull (self_exe);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_assert_true (g_file_test (pending, G_FILE_TEST_EXISTS));

  run_kabinett (f, f->path, check_saved_after_all);

  /* Told once: the record is gone, the payment stays. */
  g_assert_false (g_file_test (pending, G_FILE_TEST_EXISTS));
  store = open_store (f);
  g_assert_null (kab_store_take_saved_after_all (store));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  if (argc == 4 && g_str_equal (argv[1], "fail-payment"))
    return fail_payment_main (argv[2], g_ascii_strtoll (argv[3], NULL, 10));

  data_home = g_dir_make_tmp ("kabinett-data-home-XXXXXX", NULL);

  /* The desktop's list of recent files is in here, not in the user's own. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  kab_test_ui_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/safety-ui/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("backup/daily-on-start", test_daily_backup_on_start);
  ADD ("backup/preferences-list", test_preferences_lists_backups);
  ADD ("backup/back-up-now", test_preferences_back_up_now);
  ADD ("restore/from-preferences", test_restore_from_preferences);
  ADD ("restore/from-error-page", test_restore_from_error_page);
  ADD ("restore/encrypted", test_encrypted_backup_and_restore);
  ADD ("erase/refused-then-anyway", test_erase_refused_then_anyway);
  ADD ("erase/without-records", test_erase_without_records);
  ADD ("erase/cancelled", test_erase_cancelled);
  ADD ("erase/from-backups-too", test_erase_from_backups_too);
  ADD ("export/json-and-pdf", test_export);
  ADD ("export/no-recent-file", test_export_leaves_no_recent);
  ADD ("input/notes-kept-at-quit", test_notes_kept_at_quit);
  ADD ("input/unsaved-notes-cancel-then-retry", test_unsaved_notes_cancel_then_retry);
  ADD ("input/unsaved-notes-quit-without", test_unsaved_notes_quit_without);
  ADD ("pending/saved-after-all-told-at-start", test_saved_after_all_told_at_start);
  g_test_add_func ("/safety-ui/disk/encryption", test_disk_encryption);
  g_test_add_func ("/safety-ui/input/two-digit-years", test_two_digit_years);
  g_test_add_func ("/safety-ui/input/file-name-without-hidden-characters",
                   test_file_name_without_hidden_characters);

  status = g_test_run ();
  kab_test_remove_tree (data_home);
  return status;
}
