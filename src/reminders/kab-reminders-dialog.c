/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-reminders-dialog.c: tomorrow's reminders, one per client, each sent once */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-reminder-send.h"
#include "kab-reminders-dialog.h"

struct _KabRemindersDialog
{
  AdwWindow   parent_instance;

  KabStore   *store;
  GPtrArray  *reminders;   /* KabReminder */

  GtkStack   *stack;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (KabRemindersDialog, kab_reminders_dialog, ADW_TYPE_WINDOW)

static void
send_clicked (GtkButton          *button,
              KabRemindersDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  KabReminder *reminder = g_ptr_array_index (self->reminders,
                                             gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));

  kab_reminder_send (GTK_WIDGET (self), self->store, reminder);
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Prepared"));
}

static GtkWidget *
reminder_row (KabRemindersDialog *self,
              KabReminder        *reminder)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  g_autoptr(GString) times = g_string_new ("");

  for (guint i = 0; i < reminder->sessions->len; i++)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (kab_session_get_start (g_ptr_array_index (reminder->sessions, i)));
      g_autofree char *time = g_date_time_format (local, "%H:%M");

      g_string_append_printf (times, "%s%s", i > 0 ? ", " : "", time);
    }

  button = gtk_button_new_with_mnemonic (reminder->uri != NULL ? _("Open in _Mail") : _("Copy for _SMS"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (send_clicked), self);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kab_client_get_display_name (reminder->client));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), times->str);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
kab_reminders_dialog_dispose (GObject *object)
{
  KabRemindersDialog *self = KAB_REMINDERS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_REMINDERS_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->reminders, g_ptr_array_unref);

  G_OBJECT_CLASS (kab_reminders_dialog_parent_class)->dispose (object);
}

static void
kab_reminders_dialog_class_init (KabRemindersDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_reminders_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/reminders/kab-reminders-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KabRemindersDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, KabRemindersDialog, list_box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kab_reminders_dialog_init (KabRemindersDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kab_reminders_dialog_new:
 * @day: any time on the day whose sessions to remind of
 *
 * Returns: (transfer none): a new dialog with the reminders still to prepare for @day
 */
KabRemindersDialog *
kab_reminders_dialog_new (KabStore  *store,
                          GDateTime *day)
{
  KabRemindersDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  self = g_object_new (KAB_TYPE_REMINDERS_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->reminders = kab_reminder_list_for_day (store, day, &error);
  if (self->reminders == NULL)
    {
      g_warning ("Could not list the reminders: %s", error->message);
      self->reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) kab_reminder_free);
    }

  for (guint i = 0; i < self->reminders->len; i++)
    gtk_list_box_append (self->list_box, reminder_row (self, g_ptr_array_index (self->reminders, i)));
  gtk_stack_set_visible_child_name (self->stack, self->reminders->len > 0 ? "list" : "none");

  return self;
}

guint
kab_reminders_dialog_get_n_reminders (KabRemindersDialog *self)
{
  g_return_val_if_fail (KAB_IS_REMINDERS_DIALOG (self), 0);

  return self->reminders->len;
}
