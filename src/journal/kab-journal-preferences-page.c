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
  AdwPreferencesGroup  *templates_group;
};

G_DEFINE_FINAL_TYPE (KabJournalPreferencesPage, kab_journal_preferences_page,
                     ADW_TYPE_PREFERENCES_PAGE)

/* The languages of the forms Kabinett prints, with their names as they call themselves. */
static const struct { const char *language; const char *name; } languages[] = {
  { "sv", "Svenska" }, { "nb", "Norsk bokmål" }, { "ru", "Русский" }, { "en", "English" },
};

static void
save_buffer (GtkTextBuffer *buffer)
{
  KabStore *store = g_object_get_data (G_OBJECT (buffer), "kab-store");
  const char *language = g_object_get_data (G_OBJECT (buffer), "kab-language");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!kab_store_save_journal_template (store, language, text, &error))
    g_warning ("The journal template could not be saved: %s", error->message);
}

static gboolean
save_cb (gpointer user_data)
{
  GtkTextBuffer *buffer = user_data;

  g_object_set_data (G_OBJECT (buffer), "kab-save-id", NULL);
  save_buffer (buffer);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed (GtkTextBuffer *buffer)
{
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buffer), "kab-save-id"));

  if (id != 0)
    g_source_remove (id);
  id = g_timeout_add_full (G_PRIORITY_DEFAULT, SAVE_DELAY_MS, save_cb,
                           g_object_ref (buffer), g_object_unref);
  g_object_set_data (G_OBJECT (buffer), "kab-save-id", GUINT_TO_POINTER (id));
}

static GtkWidget *
new_language_row (KabStore   *store,
                  guint       i)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *body = kab_store_dup_journal_template (store, languages[i].language);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), languages[i].name);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 160);
  gtk_text_buffer_set_text (buffer, body, -1);

  g_object_set_data_full (G_OBJECT (buffer), "kab-store", g_object_ref (store), g_object_unref);
  g_object_set_data (G_OBJECT (buffer), "kab-language", (gpointer)languages[i].language);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed), NULL);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), view);
  return row;
}

static void
kab_journal_preferences_page_dispose (GObject *object)
{
  KabJournalPreferencesPage *self = KAB_JOURNAL_PREFERENCES_PAGE (object);

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
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    adw_preferences_group_add (self->templates_group, new_language_row (store, i));

  return GTK_WIDGET (self);
}
