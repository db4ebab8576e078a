/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-data.c: the Clients view's actions on one client's data: export and erasure */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-client-data.h"
#include "kab-client-export.h"
#include "kab-clients-view.h"
#include "kab-toast.h"
#include "kab-client-traces.h"
#include "kab-text.h"

/* What a dialog acts on once the user answers: the view may be gone by then. */
typedef struct
{
  GWeakRef  view;
  KabStore *store;
  gint64    client_id;
  char     *name;
  GDateTime *created;     /* with the id, who the client is in a backup */
  gboolean  from_backups; /* erase them from every backup too */
} ClientTask;

static void
client_task_free (ClientTask *task)
{
  g_weak_ref_clear (&task->view);
  g_clear_object (&task->store);
  g_free (task->name);
  g_clear_pointer (&task->created, g_date_time_unref);
  g_free (task);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClientTask, client_task_free)

static ClientTask *
client_task_copy (ClientTask *task)
{
  g_autoptr(GObject) view = g_weak_ref_get (&task->view);
  ClientTask *copy = g_new0 (ClientTask, 1);

  g_weak_ref_init (&copy->view, view);
  copy->store = g_object_ref (task->store);
  copy->client_id = task->client_id;
  copy->name = g_strdup (task->name);
  copy->created = g_date_time_ref (task->created);
  copy->from_backups = task->from_backups;
  return copy;
}

/* The client's task, or NULL (after telling the user) when there is nothing to act on. */
static ClientTask *
client_task_new (GtkWidget *view,
                 GVariant  *parameter)
{
  KabStore *store = kab_clients_view_get_store (KAB_CLIENTS_VIEW (view));
  gint64 client_id = g_variant_get_int64 (parameter);
  KabClient *client;
  ClientTask *task;

  if (store == NULL)
    return NULL;

  client = kab_store_find_client (store, client_id);
  if (client == NULL)
    {
      kab_widget_add_toast (view, adw_toast_new (_("The client does not exist (any more).")));
      return NULL;
    }

  task = g_new0 (ClientTask, 1);
  g_weak_ref_init (&task->view, view);
  task->store = g_object_ref (store);
  task->client_id = client_id;
  task->name = g_strdup (kab_client_get_display_name (client));
  task->created = g_date_time_ref (kab_client_get_created (client));
  return task;
}

static void
toast (ClientTask *task,
       const char *message)
{
  g_autoptr(GtkWidget) view = g_weak_ref_get (&task->view);
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast;

  if (view == NULL)
    return;

  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  kab_widget_add_toast (view, toast);
}

/* Export */

/**
 * kab_client_data_export:
 * @path: (type filename): the file to write
 * @format: (nullable): "pdf" or "json", as chosen in the file chooser; an extension
 *   typed in @path wins over it
 *
 * Writes the client's records where the export chooser said. A name typed without
 * extension gets the chosen format's, unless a file of that name exists.
 *
 * Returns: (transfer full): the path written, or %NULL with @error set
 */
char *
kab_client_data_export (KabStore    *store,
                        gint64       client_id,
                        const char  *path,
                        const char  *format,
                        GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *target = NULL;
  gboolean json;

  if (g_str_has_suffix (lower, ".json"))
    json = TRUE;
  else if (g_str_has_suffix (lower, ".pdf"))
    json = FALSE;
  else
    json = g_strcmp0 (format, "json") == 0;

  target = g_strdup (path);
  if (!g_str_has_suffix (lower, ".json") && !g_str_has_suffix (lower, ".pdf"))
    {
      g_autofree char *with_extension = g_strconcat (path, json ? ".json" : ".pdf", NULL);

      if (!g_file_test (with_extension, G_FILE_TEST_EXISTS))
        {
          g_free (target);
          target = g_steal_pointer (&with_extension);
        }
    }

  if (json ? !kab_store_export_client_json (store, client_id, target, error)
           : !kab_client_export_pdf (store, client_id, target, now, error))
    return NULL;

  return g_steal_pointer (&target);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    ClientTask      *task)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *written = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      toast (task, _("The records can only be saved to a folder on this computer."));
      goto out;
    }

  written = kab_client_data_export (task->store, task->client_id, path,
                                    gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "format"),
                                    &error);
  kab_client_traces_forget_file (path);
  if (written != NULL)
    kab_client_traces_forget_file (written);
  if (written != NULL)
    {
      g_autofree char *client = kab_isolate (task->name);
      g_autofree char *basename = g_filename_display_basename (written);
      g_autofree char *name = kab_isolate (basename);

      /* Translators: %s is the client's name, the second %s the file name */
      message = g_strdup_printf (_("The records of %s were saved as “%s”."), client, name);
    }
  else
    {
      message = g_strdup (error->message);
    }
  toast (task, message);

out:
  client_task_free (task);
  g_object_unref (dialog);
}

static void
export_client_activated (GtkWidget  *view,
                         const char *action_name,
                         GVariant   *parameter)
{
  ClientTask *task = client_task_new (view, parameter);
  GtkRoot *window = gtk_widget_get_root (view);
  g_autofree char *title = NULL;
  g_autofree char *isolated = NULL;
  g_autofree char *file_name = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  const char *ids[] = { "pdf", "json", NULL };
  const char *labels[] = {
    N_("PDF, to read and print"),
    N_("JSON, for another program"),
    NULL
  };
  const char *translated[3] = { _(labels[0]), _(labels[1]), NULL };
  GtkFileChooserNative *chooser;

  if (task == NULL)
    return;

  isolated = kab_isolate (task->name);
  /* Translators: title of the file chooser; %s is the client's name */
  title = g_strdup_printf (_("Export the Records of %s"), isolated);
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"),
                               ids, translated);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", "pdf");

  file_name = kab_client_export_dup_file_name (kab_store_find_client (task->store, task->client_id),
                                               "pdf");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Erasure */

static void
append_item (GString *text,
             guint    n,
             char    *item)
{
  if (n > 0)
    {
      g_string_append (text, "\n• ");
      g_string_append (text, item);
    }

  g_free (item);
}

static char *
describe_history (const KabClientHistory *history)
{
  GString *text = g_string_new (NULL);

  append_item (text, history->n_sessions,
               g_strdup_printf (ngettext ("%u session", "%u sessions", history->n_sessions),
                                history->n_sessions));
  append_item (text, history->n_series,
               g_strdup_printf (ngettext ("%u recurring appointment", "%u recurring appointments",
                                          history->n_series),
                                history->n_series));
  append_item (text, history->n_charges,
               g_strdup_printf (ngettext ("%u charge", "%u charges", history->n_charges),
                                history->n_charges));
  append_item (text, history->n_payments,
               g_strdup_printf (ngettext ("%u payment", "%u payments", history->n_payments),
                                history->n_payments));
  append_item (text, history->n_consents,
               g_strdup_printf (ngettext ("%u agreement", "%u agreements", history->n_consents),
                                history->n_consents));

  return g_string_free (text, FALSE);
}

static void erase (ClientTask *task, gboolean override_retention, GtkWindow *parent);

static void
on_erase_anyway_response (AdwMessageDialog *dialog,
                          const char       *response,
                          ClientTask       *task)
{
  if (g_str_equal (response, "erase-anyway"))
    erase (task, TRUE, NULL);

  client_task_free (task);
}

/* The practice's retention period has not passed: say until when, and let the user
 * decide, e.g. when the law gives the client the right to erasure regardless. */
static void
ask_erase_anyway (ClientTask   *task,
                  GtkWindow    *parent,
                  const GError *refusal)
{
  g_autofree char *body = NULL;
  ClientTask *again;
  GtkWidget *dialog;

  body = g_strdup_printf ("%s\n\n%s", refusal->message,
                          _("Erase them anyway only if the law allows it, for example when "
                            "the client asks for erasure and no rule requires keeping them."));
  dialog = adw_message_dialog_new (parent, _("These Records Must Still Be Kept"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Them"),
                                    "erase-anyway", _("Erase _Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase-anyway",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  again = client_task_copy (task);
  g_signal_connect (dialog, "response", G_CALLBACK (on_erase_anyway_response), again);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
erase (ClientTask *task,
       gboolean    override_retention,
       GtkWindow  *parent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *message = NULL;

  if (kab_store_erase_client (task->store, task->client_id, override_retention, now, &error))
    {
      message = kab_client_traces_erase (task->store, task->client_id, task->created,
                                         task->name, task->from_backups);
      toast (task, message);
      return;
    }

  if (!override_retention && g_error_matches (error, KAB_STORE_ERROR, KAB_STORE_ERROR_REFUSED))
    {
      ask_erase_anyway (task, parent, error);
      return;
    }

  toast (task, error->message);
}

static void
on_erase_response (AdwMessageDialog *dialog,
                   const char       *response,
                   ClientTask       *task)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  task->from_backups = g_str_equal (response, "erase-everywhere");
  if (g_str_equal (response, "erase") || task->from_backups)
    erase (task, FALSE, parent);
  else if (g_str_equal (response, "export"))
    {
      g_autoptr(GtkWidget) view = g_weak_ref_get (&task->view);

      if (view != NULL)
        gtk_widget_activate_action (view, "clients.export-client", "x", task->client_id);
    }

  client_task_free (task);
}

static void
erase_client_activated (GtkWidget  *view,
                        const char *action_name,
                        GVariant   *parameter)
{
  ClientTask *task = client_task_new (view, parameter);
  GtkRoot *window = gtk_widget_get_root (view);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *isolated = NULL;
  g_autofree char *history_text = NULL;
  g_autofree char *body = NULL;
  g_autofree char *backups_text = NULL;
  guint n_backups = 0;
  KabClientHistory history = { 0, };
  GtkWidget *dialog;

  if (task == NULL)
    return;

  if (!kab_store_get_client_history (task->store, task->client_id, &history, &error))
    {
      toast (task, error->message);
      client_task_free (task);
      return;
    }

  history_text = describe_history (&history);
  isolated = kab_isolate (task->name);
  /* Translators: %s is the client's name */
  heading = g_strdup_printf (_("Erase %s?"), isolated);
  backups_text = kab_client_traces_describe_backups (task->store, task->client_id,
                                                     task->created, &n_backups);
  body = g_strdup_printf ("%s%s\n\n%s\n\n%s",
                          *history_text != '\0'
                            /* Translators: followed by a list such as “• 12 sessions” */
                            ? _("Their details and notes are deleted from this computer for "
                                "good, and with them:")
                            : _("Their details and notes are deleted from this computer for "
                                "good. Nothing else is on record."),
                          history_text,
                          _("Backups keep them until they are replaced, within a year, "
                            "unless you erase them from the backups too. If the client "
                            "asked for a copy of their records, export them first."),
                          backups_text);

  dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("E_xport First…"),
                                    "erase", _("_Erase"),
                                    NULL);
  if (n_backups > 0)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "erase-everywhere",
                                       _("Erase From _Backups Too"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                                  "erase-everywhere", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_signal_connect (dialog, "response", G_CALLBACK (on_erase_response), task);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
kab_client_data_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "clients.export-client", "x",
                                   export_client_activated);
  gtk_widget_class_install_action (widget_class, "clients.erase-client", "x",
                                   erase_client_activated);
}
