/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-reminder-preferences.c: the Preferences page of reminders: the followed calendar
 * file, notifications before sessions, and the reminder text */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-reminder.h"
#include "kab-reminder-preferences.h"

struct _KabReminderPreferences
{
  AdwPreferencesPage    parent_instance;

  KabStore             *store;
  GSettings            *settings;
  char                 *language;

  AdwActionRow         *file_row;
  GtkSwitch            *initials_switch;
  GtkSpinButton        *minutes_spin;
  AdwPreferencesGroup  *text_group;
  GtkTextView          *text_view;
};

G_DEFINE_FINAL_TYPE (KabReminderPreferences, kab_reminder_preferences, ADW_TYPE_PREFERENCES_PAGE)

static void
add_toast (KabReminderPreferences *self,
           const char             *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

static void
update_file_row (KabReminderPreferences *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "followed-calendar-file");

  adw_action_row_set_subtitle (self->file_row, *path != '\0' ? path : _("None"));
}

static void
on_file_chosen (GtkNativeDialog        *chooser,
                int                     response,
                KabReminderPreferences *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    g_settings_set_string (self->settings, "followed-calendar-file", path);
}

static void
choose_file_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KabReminderPreferences *self = KAB_REMINDER_PREFERENCES (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Calendar File to Follow the Practice"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Choose"), _("_Cancel"));
  /* Translators: the suggested name of the followed calendar file */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("practice.ics"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
clear_file_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_settings_set_string (KAB_REMINDER_PREFERENCES (widget)->settings, "followed-calendar-file", "");
}

static void
show_text (KabReminderPreferences *self)
{
  g_autofree char *text = kab_reminder_dup_template (self->store, self->language);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
}

static void
save_text (KabReminderPreferences *self,
           const char             *text)
{
  g_autoptr(GError) error = NULL;

  if (!kab_store_save_reminder_template (self->store, self->language, text, &error))
    {
      add_toast (self, error->message);
      return;
    }

  show_text (self);
  add_toast (self, _("Reminder text saved"));
}

static void
save_text_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KabReminderPreferences *self = KAB_REMINDER_PREFERENCES (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = NULL;
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  text = gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);
  /* The built-in text itself is not kept as the user's own. */
  save_text (self, g_strcmp0 (text, kab_reminder_default_template (self->language)) == 0 ? NULL : text);
}

static void
reset_text_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  save_text (KAB_REMINDER_PREFERENCES (widget), NULL);
}

static void
kab_reminder_preferences_dispose (GObject *object)
{
  KabReminderPreferences *self = KAB_REMINDER_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_REMINDER_PREFERENCES);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (kab_reminder_preferences_parent_class)->dispose (object);
}

static void
kab_reminder_preferences_class_init (KabReminderPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_reminder_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/reminders/kab-reminder-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, KabReminderPreferences, file_row);
  gtk_widget_class_bind_template_child (widget_class, KabReminderPreferences, initials_switch);
  gtk_widget_class_bind_template_child (widget_class, KabReminderPreferences, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, KabReminderPreferences, text_group);
  gtk_widget_class_bind_template_child (widget_class, KabReminderPreferences, text_view);

  gtk_widget_class_install_action (widget_class, "reminders.choose-file", NULL, choose_file_activated);
  gtk_widget_class_install_action (widget_class, "reminders.clear-file", NULL, clear_file_activated);
  gtk_widget_class_install_action (widget_class, "reminders.save-text", NULL, save_text_activated);
  gtk_widget_class_install_action (widget_class, "reminders.reset-text", NULL, reset_text_activated);
}

static void
kab_reminder_preferences_init (KabReminderPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "followed-calendar-initials-only", self->initials_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "session-notification-minutes", self->minutes_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::followed-calendar-file",
                           G_CALLBACK (update_file_row), self, G_CONNECT_SWAPPED);
  update_file_row (self);
}

/**
 * kab_reminder_preferences_new:
 *
 * Returns: (transfer floating): the page, for the Preferences window
 */
GtkWidget *
kab_reminder_preferences_new (KabStore *store)
{
  KabReminderPreferences *self;
  g_autofree char *description = NULL;
  KabPractice *practice;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  self = g_object_new (KAB_TYPE_REMINDER_PREFERENCES, NULL);
  self->store = g_object_ref (store);
  practice = kab_store_get_practice (store);
  self->language = g_strdup (kab_reminder_language (practice, NULL));

  /* Translators: %s is a language code such as “sv” */
  description = g_strdup_printf (_("The message in the language of your forms (%s). These words are replaced: {client} (the given name), {date}, {time}, {address}, {cancel_hours}, {practitioner}. Say nothing else about the client here."),
                                 self->language);
  adw_preferences_group_set_description (self->text_group, description);
  show_text (self);

  return GTK_WIDGET (self);
}
