/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-to-sign.c: how many journal entries wait more than a day for a signature,
 * and a list of them to open. Counted again when shown and whenever its window becomes
 * active again (e.g. after an editor closes): one indexed count. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kab-journal-document.h"
#include "kab-journal-editor.h"
#include "kab-journal-to-sign.h"

struct _KabJournalToSign
{
  GtkWidget      parent_instance;

  KabStore      *store;
  GListModel    *entries;
  guint          count;
  GtkRoot       *watched_root;

  GtkMenuButton *button;
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (KabJournalToSign, kab_journal_to_sign, GTK_TYPE_WIDGET)

static GtkWidget *
new_row (KabStore        *store,
         KabJournalEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  KabClient *client = kab_store_find_client (store, kab_journal_entry_get_client_id (entry));
  g_autofree char *when = kab_journal_format_moment (kab_journal_entry_get_occurred (entry));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 client != NULL ? kab_client_get_display_name (client) : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

void
kab_journal_to_sign_refresh (KabJournalToSign *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *label = NULL;
  GtkWidget *child;

  g_return_if_fail (KAB_IS_JOURNAL_TO_SIGN (self));

  if (self->store == NULL ||
      !kab_store_count_journal_to_sign (self->store, now, &self->count, NULL))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self), self->count > 0);
  /* Translators: in the Clients view's header: journal entries waiting for a signature */
  label = g_strdup_printf (ngettext ("%u to sign", "%u to sign", self->count), self->count);
  gtk_menu_button_set_label (self->button, label);

  /* The list itself is read only when it is about to be seen. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_object (&self->entries);
}

static void
on_popover_show (KabJournalToSign *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (self->entries != NULL)
    return;

  self->entries = kab_store_list_journal_to_sign (self->store, now, NULL);
  for (guint i = 0; self->entries != NULL && i < g_list_model_get_n_items (self->entries); i++)
    {
      g_autoptr(KabJournalEntry) entry = g_list_model_get_item (self->entries, i);
      gtk_list_box_append (self->list, new_row (self->store, entry));
    }
}

static void
on_row_activated (KabJournalToSign *self,
                  GtkListBoxRow    *row)
{
  g_autoptr(KabJournalEntry) entry = NULL;
  KabJournalEditor *editor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->entries == NULL)
    return;

  entry = g_list_model_get_item (self->entries, gtk_list_box_row_get_index (row));
  gtk_menu_button_popdown (self->button);
  editor = kab_journal_editor_new (self->store, entry);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_root_active (KabJournalToSign *self)
{
  if (GTK_IS_WINDOW (self->watched_root) &&
      gtk_window_is_active (GTK_WINDOW (self->watched_root)))
    kab_journal_to_sign_refresh (self);
}

static void
kab_journal_to_sign_root (GtkWidget *widget)
{
  KabJournalToSign *self = KAB_JOURNAL_TO_SIGN (widget);

  GTK_WIDGET_CLASS (kab_journal_to_sign_parent_class)->root (widget);

  self->watched_root = gtk_widget_get_root (widget);
  g_signal_connect_object (self->watched_root, "notify::is-active",
                           G_CALLBACK (on_root_active), self, G_CONNECT_SWAPPED);
  kab_journal_to_sign_refresh (self);
}

static void
kab_journal_to_sign_unroot (GtkWidget *widget)
{
  KabJournalToSign *self = KAB_JOURNAL_TO_SIGN (widget);

  g_signal_handlers_disconnect_by_func (self->watched_root, on_root_active, self);
  self->watched_root = NULL;

  GTK_WIDGET_CLASS (kab_journal_to_sign_parent_class)->unroot (widget);
}

static void
kab_journal_to_sign_dispose (GObject *object)
{
  KabJournalToSign *self = KAB_JOURNAL_TO_SIGN (object);

  g_clear_object (&self->entries);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), KAB_TYPE_JOURNAL_TO_SIGN);

  G_OBJECT_CLASS (kab_journal_to_sign_parent_class)->dispose (object);
}

static void
kab_journal_to_sign_class_init (KabJournalToSignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_journal_to_sign_dispose;
  widget_class->root = kab_journal_to_sign_root;
  widget_class->unroot = kab_journal_to_sign_unroot;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/journal/kab-journal-to-sign.ui");
  gtk_widget_class_bind_template_child (widget_class, KabJournalToSign, button);
  gtk_widget_class_bind_template_child (widget_class, KabJournalToSign, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
kab_journal_to_sign_init (KabJournalToSign *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_menu_button_get_popover (self->button), "show",
                           G_CALLBACK (on_popover_show), self, G_CONNECT_SWAPPED);
}

void
kab_journal_to_sign_set_store (KabJournalToSign *self,
                               KabStore         *store)
{
  g_return_if_fail (KAB_IS_JOURNAL_TO_SIGN (self));

  if (g_set_object (&self->store, store))
    kab_journal_to_sign_refresh (self);
}

guint
kab_journal_to_sign_get_count (KabJournalToSign *self)
{
  g_return_val_if_fail (KAB_IS_JOURNAL_TO_SIGN (self), 0);

  return self->count;
}
