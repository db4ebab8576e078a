/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-preferences-page.c: the journal's structured templates, per language */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-journal-preferences-page.h"

#define SAVE_DELAY_MS 800

struct _KabJournalPreferencesPage
{
  AdwPreferencesPage    parent_instance;

  KabStore             *store;
  GPtrArray            *buffers;    /* GtkTextBuffer, one a language, in languages[] order */
  guint                 save_id;
  AdwPreferencesGroup  *templates_group;
};

G_DEFINE_FINAL_TYPE (KabJournalPreferencesPage, kab_journal_preferences_page,
                     ADW_TYPE_PREFERENCES_PAGE)

/* The languages of the forms Kabinett prints, with their names as they call themselves. */
static const struct { const char *language; const char *name; } languages[] = {
  { "sv", "Svenska" }, { "nb", "Norsk bokmål" }, { "ru", "Русский" }, { "en", "English" },
};

static void
save_all (KabJournalPreferencesPage *self)
{
  for (guint i = 0; i < self->buffers->len; i++)
    {
      GtkTextBuffer *buffer = g_ptr_array_index (self->buffers, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (!kab_store_save_journal_template (self->store, languages[i].language, text, &error))
        g_warning ("The journal template could not be saved: %s", error->message);
    }
}

static gboolean
save_cb (gpointer user_data)
{
  KabJournalPreferencesPage *self = user_data;

  self->save_id = 0;
  save_all (self);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed (KabJournalPreferencesPage *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static GtkWidget *
new_language_row (KabJournalPreferencesPage *self,
                  guint                      i)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *body = kab_store_dup_journal_template (self->store, languages[i].language);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), languages[i].name);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 160);
  gtk_text_buffer_set_text (buffer, body, -1);

  g_ptr_array_add (self->buffers, buffer);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed), self,
                           G_CONNECT_SWAPPED);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), view);
  return row;
}

static void
kab_journal_preferences_page_dispose (GObject *object)
{
  KabJournalPreferencesPage *self = KAB_JOURNAL_PREFERENCES_PAGE (object);

  /* Typing not yet saved is saved as the window closes. */
  if (self->save_id != 0)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      save_all (self);
    }
  g_clear_pointer (&self->buffers, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_JOURNAL_PREFERENCES_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_journal_preferences_page_parent_class)->dispose (object);
}

static void
kab_journal_preferences_page_class_init (KabJournalPreferencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_journal_preferences_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/journal/kab-journal-preferences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KabJournalPreferencesPage, templates_group);
}

static void
kab_journal_preferences_page_init (KabJournalPreferencesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kab_journal_preferences_page_new (KabStore *store)
{
  KabJournalPreferencesPage *self;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  self = g_object_new (KAB_TYPE_JOURNAL_PREFERENCES_PAGE, NULL);
  self->store = g_object_ref (store);
  self->buffers = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    adw_preferences_group_add (self->templates_group, new_language_row (self, i));

  return GTK_WIDGET (self);
}
