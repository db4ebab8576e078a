/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-reminder-send.c: hands a reminder to the user's own mail program, or copies its SMS
 * text, and records it as prepared */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-reminder-send.h"
#include "kab-text.h"

/* Toasts go to the nearest overlay above @widget. */
static void
add_toast (GtkWidget  *widget,
           const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root;

  if (overlay == NULL && (root = gtk_widget_get_root (widget)) != NULL)
    overlay = kab_reminder_find_overlay (GTK_WIDGET (root));

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

GtkWidget *
kab_reminder_find_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kab_reminder_find_overlay (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
on_uri_shown (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("No mail program could open the reminder: %s"),
                                                  error->message);
      add_toast (widget, message);
    }
}

/**
 * kab_reminder_send:
 * @widget: where the user asked for it: for the window, the clipboard and the toast
 *
 * Opens the user's mail program with the reminder ready (a mailto: URI; nothing leaves the
 * machine until the user sends it there), or, for a client without an e-mail address,
 * copies the text for an SMS; then records the reminder as prepared.
 */
void
kab_reminder_send (GtkWidget   *widget,
                   KabStore    *store,
                   KabReminder *reminder)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (reminder != NULL);

  if (reminder->uri != NULL)
    {
      gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, reminder->uri,
                         GDK_CURRENT_TIME, NULL, on_uri_shown, g_object_ref (widget));
      name = kab_isolate (kab_client_get_display_name (reminder->client));
      /* Translators: %s is the client's name */
      message = g_strdup_printf (_("Reminder for %s opened in your mail program"), name);
    }
  else
    {
      gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), reminder->text);
      name = kab_isolate (kab_client_get_display_name (reminder->client));
      /* Translators: %s is the client's name */
      message = g_strdup_printf (_("%s has no e-mail address: the reminder is copied for an SMS"),
                                 name);
    }

  if (!kab_reminder_mark_prepared (store, reminder, now, &error))
    {
      add_toast (widget, error->message);
      return;
    }

  add_toast (widget, message);
}
