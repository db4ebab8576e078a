/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-clients-quit.c: before the window closes, notes that cannot be saved are not lost
 * without a word */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-clients-view-private.h"
#include "kab-text.h"

/* The question while it is asked: a second Ctrl+Q brings it forward, not a second one. */
#define UNSAVED_NOTES_DIALOG "kab-unsaved-notes-dialog"

/* After the dialog has closed itself: closing its parent under it, inside its response,
 * would destroy it mid-signal. */
static gboolean
close_window (gpointer window)
{
  gtk_window_close (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
on_unsaved_notes_response (AdwMessageDialog *dialog,
                           const char       *response,
                           KabClientsView   *self)
{
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  g_object_set_data (G_OBJECT (self), UNSAVED_NOTES_DIALOG, NULL);
  if (window == NULL)
    return;

  if (g_str_equal (response, "discard"))
    {
      if (self->details != NULL)
        kab_client_details_discard_notes (self->details);
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_window, g_object_ref (window), g_object_unref);
    }
  else if (g_str_equal (response, "retry"))
    {
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_window, g_object_ref (window), g_object_unref);
    }
}

/**
 * kab_clients_view_may_close:
 * @window: the window about to close (quitting Kabinett)
 *
 * Saves the notes typed since the last save. If they cannot be saved (the disk is full,
 * another program holds the file), asks over @window whether to try again, quit without
 * them or cancel, and answers %FALSE: the window stays open until the user decided.
 *
 * Returns: %TRUE if @window may close now
 */
gboolean
kab_clients_view_may_close (KabClientsView *self,
                            GtkWindow      *window)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  KabClient *client;
  GtkWidget *dialog;

  g_return_val_if_fail (KAB_IS_CLIENTS_VIEW (self), TRUE);
  g_return_val_if_fail (GTK_IS_WINDOW (window), TRUE);

  dialog = g_object_get_data (G_OBJECT (self), UNSAVED_NOTES_DIALOG);
  if (dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }

  if (self->details == NULL || kab_client_details_try_save_notes (self->details, &error))
    return TRUE;

  client = kab_clients_view_get_shown (self);
  name = kab_isolate (client != NULL ? kab_client_get_display_name (client) : "");
  /* Translators: the first %s is a client's name, the second says why saving failed. */
  body = g_strdup_printf (_("The notes about %s could not be saved. %s"), name, error->message);
  dialog = adw_message_dialog_new (window, _("Notes Not Saved"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Quit Without Them"),
                                    "retry", _("_Try Again"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retry",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "retry");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_notes_response),
                           self, 0);
  g_object_set_data (G_OBJECT (self), UNSAVED_NOTES_DIALOG, dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  return FALSE;
}
