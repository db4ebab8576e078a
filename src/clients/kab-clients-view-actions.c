/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-clients-view-actions.c: what the Clients view does: add, find, archive, delete */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-clients-view-private.h"
#include "kab-new-client-dialog.h"
#include "kab-client-data.h"
#include "kab-view-shortcuts.h"
#include "kab-text.h"

static GtkWindow *
get_window (KabClientsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static KabClient *
get_shown_client (KabClientsView *self)
{
  return kab_clients_view_get_shown (self);
}

void
kab_clients_view_update_actions (KabClientsView *self)
{
  KabClient *client = get_shown_client (self);
  gboolean archived = client != NULL &&
                      kab_client_get_status (client) == KAB_CLIENT_STATUS_ARCHIVED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.archive", client != NULL && !archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.unarchive", client != NULL && archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.set-status", client != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.delete", client != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.undo", self->undo_toast != NULL);
}

static void
on_client_added (KabClientsView *self,
                 KabClient      *client)
{
  kab_clients_view_show_client (self, kab_client_get_id (client));
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KabClientsView *self = KAB_CLIENTS_VIEW (widget);
  GtkWidget *dialog = kab_new_client_dialog_new (self->store);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), get_window (self));
  g_signal_connect_object (dialog, "client-added", G_CALLBACK (on_client_added), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
find_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KabClientsView *self = KAB_CLIENTS_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
show_list_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KabClientsView *self = KAB_CLIENTS_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ("clients", "clients.show-client", id) through win.open-in-view: a client from elsewhere. */
static void
show_client_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  kab_clients_view_show_client (KAB_CLIENTS_VIEW (widget), g_variant_get_int64 (parameter));
}

static void
forget_undo (KabClientsView *self)
{
  if (self->undo_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_toast, self);
  g_clear_object (&self->undo_toast);
  self->undo_client_id = 0;
  kab_clients_view_update_actions (self);
}

static void
on_undo_toast_dismissed (KabClientsView *self)
{
  forget_undo (self);
}

/* The toast may live in the window's overlay, outside the view: its button calls back
 * rather than naming the view's action. */
static void
on_undo_clicked (KabClientsView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "clients.undo", NULL);
}

static gboolean
save_status (KabClientsView   *self,
             KabClient        *client,
             KabClientStatus   status,
             GError          **error)
{
  g_autoptr(KabClient) copy = kab_client_copy (client);

  kab_client_set_status (copy, status);
  return kab_store_save_client (self->store, copy, error);
}

static void
show_error_toast (KabClientsView *self,
                  const GError   *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  kab_clients_view_add_toast (self, toast);
}

static char *
dup_status_message (KabClient       *client,
                    KabClientStatus  old_status)
{
  g_autofree char *name = kab_isolate (kab_client_get_display_name (client));
  KabClientStatus status = kab_client_get_status (client);

  if (status == KAB_CLIENT_STATUS_ARCHIVED)
    /* Translators: a toast after archiving a client, e.g. "Anna Karlsson archived" */
    return g_strdup_printf (_("%s archived"), name);

  if (old_status == KAB_CLIENT_STATUS_ARCHIVED)
    /* Translators: a toast after unarchiving a client, e.g. "Anna Karlsson unarchived" */
    return g_strdup_printf (_("%s unarchived"), name);

  /* Translators: a toast after a status change, e.g. "Anna Karlsson: Paused" */
  return g_strdup_printf (_("%s: %s"), name, kab_client_status_to_label (status));
}

/* Changes the shown client's status and offers to undo it in a toast. */
static void
change_status (KabClientsView  *self,
               KabClientStatus  status)
{
  KabClient *client = get_shown_client (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  KabClientStatus old_status;
  AdwToast *toast;
  gint64 id;

  if (client == NULL || kab_client_get_status (client) == status)
    return;

  id = kab_client_get_id (client);
  old_status = kab_client_get_status (client);
  if (!save_status (self, client, status, &error))
    {
      show_error_toast (self, error);
      if (self->details != NULL)
        kab_client_details_refresh (self->details);
      return;
    }

  client = kab_store_find_client (self->store, id);
  message = dup_status_message (client, old_status);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  forget_undo (self);
  self->undo_toast = g_object_ref (toast);
  self->undo_client_id = id;
  self->undo_status = old_status;
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed), self,
                           G_CONNECT_SWAPPED);

  kab_clients_view_add_toast (self, toast);
  kab_clients_view_update_actions (self);
}

static void
archive_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  change_status (KAB_CLIENTS_VIEW (widget), KAB_CLIENT_STATUS_ARCHIVED);
}

static void
unarchive_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  change_status (KAB_CLIENTS_VIEW (widget), KAB_CLIENT_STATUS_ACTIVE);
}

static void
set_status_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KabClientsView *self = KAB_CLIENTS_VIEW (widget);
  KabClientStatus status;

  if (!kab_client_status_from_nick (g_variant_get_string (parameter, NULL), &status))
    return;

  change_status (self, status);
}

/* Puts back the status the last change replaced, through the store like any edit. */
static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KabClientsView *self = KAB_CLIENTS_VIEW (widget);
  KabClient *client;
  KabClientStatus status = self->undo_status;
  gint64 id = self->undo_client_id;
  g_autoptr(AdwToast) toast = NULL;
  g_autoptr(GError) error = NULL;

  if (self->undo_toast == NULL)
    return;

  client = kab_store_find_client (self->store, id);
  toast = g_steal_pointer (&self->undo_toast);
  g_signal_handlers_disconnect_by_data (toast, self);
  self->undo_client_id = 0;
  adw_toast_dismiss (toast);
  kab_clients_view_update_actions (self);

  if (client == NULL)
    return;

  if (!save_status (self, client, status, &error))
    {
      show_error_toast (self, error);
      return;
    }

  /* Undone from the toast: show the client again, wherever the list is. */
  kab_clients_view_select (self, id);
}

/* Deleting: only a client with no history, and only after the user confirms. */

static char *
dup_history_text (const KabClientHistory *history)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (history->n_sessions > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u session", "%u sessions",
                                                       history->n_sessions),
                                             history->n_sessions));
  if (history->n_payments > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u payment", "%u payments",
                                                       history->n_payments),
                                             history->n_payments));
  if (history->n_charges > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u charge", "%u charges",
                                                       history->n_charges),
                                             history->n_charges));
  if (history->n_consents > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u agreement", "%u agreements",
                                                       history->n_consents),
                                             history->n_consents));
  if (history->n_series > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u recurring appointment",
                                                       "%u recurring appointments",
                                                       history->n_series),
                                             history->n_series));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **)parts->pdata);
}

static gboolean
has_history (const KabClientHistory *history)
{
  return history->n_sessions + history->n_series + history->n_charges +
         history->n_payments + history->n_consents > 0;
}

static void
show_message (KabClientsView *self,
              const char     *heading,
              const char     *body)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_keep_response (AdwMessageDialog *dialog,
                  const char       *response,
                  KabClientsView   *self)
{
  if (g_strcmp0 (response, "archive") == 0)
    change_status (self, KAB_CLIENT_STATUS_ARCHIVED);
}

static void
explain_history (KabClientsView         *self,
                 KabClient              *client,
                 const KabClientHistory *history)
{
  g_autofree char *records = dup_history_text (history);
  g_autofree char *name = kab_isolate (kab_client_get_display_name (client));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a client's name, %s a list like "12 sessions, 30 payments" */
  body = g_strdup_printf (_("%s has records that must be kept: %s. Archive the client "
                            "instead: archived clients are hidden from the list and "
                            "their records stay."),
                          name, records);
  dialog = adw_message_dialog_new (get_window (self), _("This Client Cannot Be Deleted"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (kab_client_get_status (client) != KAB_CLIENT_STATUS_ARCHIVED)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "archive", _("_Archive"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "archive",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_keep_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    KabClientsView   *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "kab-client-id"));
  KabClient *client = kab_store_find_client (self->store, id);
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || client == NULL)
    return;

  name = kab_isolate (kab_client_get_display_name (client));
  if (!kab_store_delete_client (self->store, client, &error))
    {
      show_message (self, _("The Client Was Not Deleted"), error->message);
      return;
    }

  /* Translators: a toast after deleting a client, e.g. "Anna Karlsson deleted" */
  kab_clients_view_add_toast (self, adw_toast_new_format (_("%s deleted"), name));
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
confirm_delete (KabClientsView *self,
                KabClient      *client)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), NULL,
                                              _("Their contact details and notes will be "
                                                "deleted. This cannot be undone."));
  g_autofree char *name = kab_isolate (kab_client_get_display_name (client));

  /* Translators: %s is a client's name: "Delete Anna Karlsson?" */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete %s?"),
                                     name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "kab-client-id",
                     GSIZE_TO_POINTER ((gsize)kab_client_get_id (client)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KabClientsView *self = KAB_CLIENTS_VIEW (widget);
  KabClient *client = get_shown_client (self);
  KabClientHistory history;
  g_autoptr(GError) error = NULL;

  if (client == NULL)
    return;

  if (!kab_store_get_client_history (self->store, kab_client_get_id (client), &history, &error))
    {
      show_message (self, _("The Client Was Not Deleted"), error->message);
      return;
    }

  if (has_history (&history))
    explain_history (self, client, &history);
  else
    confirm_delete (self, client);
}

void
kab_clients_view_add_shortcuts (KabClientsView *self)
{
  static const KabViewShortcut shortcuts[] = {
    { "<Control>n", "clients.new" },
    { "<Control>f", "clients.find" },
  };

  kab_view_add_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
}

void
kab_clients_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "clients.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "clients.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "clients.show-list", NULL, show_list_activated);
  gtk_widget_class_install_action (widget_class, "clients.show-client", "x", show_client_activated);
  gtk_widget_class_install_action (widget_class, "clients.archive", NULL, archive_activated);
  gtk_widget_class_install_action (widget_class, "clients.unarchive", NULL, unarchive_activated);
  gtk_widget_class_install_action (widget_class, "clients.set-status", "s", set_status_activated);
  gtk_widget_class_install_action (widget_class, "clients.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "clients.delete", NULL, delete_activated);
  kab_client_data_install_actions (widget_class);
  gtk_widget_class_install_property_action (widget_class, "clients.status-filter", "status-filter");
  gtk_widget_class_install_property_action (widget_class, "clients.show-archived", "show-archived");
}
