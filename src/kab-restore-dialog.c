/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-restore-dialog.c: asking before a backup replaces the practice, and choosing one */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kab-restore-dialog.h"
#include "kab-store.h"
#include "kab-text.h"

/* "Friday 20 November 2026" for a backup of the folder, else the file's name. */
static char *
describe_backup (const char *backup_path)
{
  g_autofree char *dir = g_path_get_dirname (backup_path);
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *db_path = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *stem = g_path_get_basename (backup_path);
  char *dash;

  /* A backup "kabinett-2026-11-20.db" in ".../backups" belongs to ".../kabinett.db". */
  dash = strchr (stem, '-');
  if (dash != NULL)
    {
      *dash = '\0';
      g_autofree char *name = g_strconcat (stem, ".db", NULL);
      db_path = g_build_filename (parent, name, NULL);
      backups = kab_store_list_backups (db_path, NULL);
    }

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      KabBackup *backup = backups->pdata[i];

      if (g_str_equal (backup->path, backup_path))
        {
          /* Translators: the date of a backup, e.g. “Friday 20 November 2026”; see strftime */
          g_autofree char *day = g_date_time_format (backup->date, _("%A %-d %B %Y"));
          return g_strdup (g_strstrip (day));
        }
    }

  return g_filename_display_basename (backup_path);
}

/* The application of the window the dialog is for (or of the window that one is for). */
static GApplication *
find_application (GtkWindow *window)
{
  for (; window != NULL; window = gtk_window_get_transient_for (window))
    {
      GtkApplication *app = gtk_window_get_application (window);

      if (app != NULL)
        return G_APPLICATION (app);
    }

  return NULL;
}

static void
on_confirm_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "backup-path");
  GApplication *app = find_application (GTK_WINDOW (dialog));

  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  /* The application restores: (path, passphrase), the passphrase "" for a plain copy. */
  if (g_str_equal (response, "restore") && app != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), "restore-backup",
                                    g_variant_new ("(ss)", path,
                                                   entry != NULL
                                                   ? gtk_editable_get_text (GTK_EDITABLE (entry))
                                                   : ""));
}

static void
on_passphrase_changed (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "restore",
                                           *gtk_editable_get_text (entry) != '\0');
}

/* A GtkEntry, not a GtkPasswordEntry: GTK 4.8's warns on a freed instance when its
 * dialog closes while it has the focus. */
static GtkWidget *
new_passphrase_entry (void)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  return entry;
}

/* An encrypted backup: the passphrase is asked in the same dialog. */
static void
ask_passphrase (AdwMessageDialog *dialog)
{
  GtkWidget *entry = new_passphrase_entry ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Passphrase"), -1);
  gtk_widget_set_margin_top (entry, 12);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_set_response_enabled (dialog, "restore", FALSE);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_passphrase_changed), dialog, 0);
}

/**
 * kab_restore_dialog_confirm:
 * @parent: the window to be modal for
 * @backup_path: (type filename): the backup to restore
 *
 * Asks, naming what happens, whether to replace the practice by the backup; on "Restore"
 * it activates `app.restore-backup` with the backup's path and its passphrase.
 */
void
kab_restore_dialog_confirm (GtkWindow  *parent,
                            const char *backup_path)
{
  g_autofree char *described = describe_backup (backup_path);
  g_autofree char *what = kab_isolate (described);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: %s is the date of the backup, or its file name */
  heading = g_strdup_printf (_("Restore the Backup of %s?"), what);
  dialog = adw_message_dialog_new (parent, heading,
                                   _("The practice will be replaced by this copy. What was "
                                     "recorded after it was made — clients, sessions, "
                                     "payments, agreements — will no longer be shown.\n\n"
                                     "The practice as it is now is kept among the backups "
                                     "first: restoring that copy brings it back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (kab_store_backup_is_encrypted (backup_path))
    {
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s",
                                      adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                      _("This backup is encrypted: enter the passphrase it was "
                                        "saved with."));
      ask_passphrase (ADW_MESSAGE_DIALOG (dialog));
    }
  g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_strdup (backup_path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_choose_response (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    kab_restore_dialog_confirm (parent, path);

  g_object_unref (chooser);
}

/**
 * kab_restore_dialog_choose:
 * @parent: the window to be modal for
 * @db_path: (type filename): the practice database, whose backups folder is shown first
 *
 * Lets the user pick a backup (the automatic ones, or a copy of their own), then asks
 * with kab_restore_dialog_confirm().
 */
void
kab_restore_dialog_choose (GtkWindow  *parent,
                           const char *db_path)
{
  g_autofree char *dir = kab_store_get_backup_dir (db_path);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Backup to Restore"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, _("Kabinett backups"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (dir);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_choose_response), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
