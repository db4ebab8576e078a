/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-search-row.c: one found journal entry: whose, when, and the words around
 * the match */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-journal-document.h"
#include "kab-journal-search-row.h"
#include "kab-journal-snippet.h"

/* Characters shown before the match; twice as many follow it. */
#define SNIPPET_CONTEXT 60

struct _KabJournalSearchRow
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *client_label;
  GtkLabel  *when_label;
  GtkLabel  *snippet_label;
};

G_DEFINE_FINAL_TYPE (KabJournalSearchRow, kab_journal_search_row, GTK_TYPE_WIDGET)

static void
kab_journal_search_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KAB_TYPE_JOURNAL_SEARCH_ROW);

  G_OBJECT_CLASS (kab_journal_search_row_parent_class)->dispose (object);
}

static void
kab_journal_search_row_class_init (KabJournalSearchRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_journal_search_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/journal/kab-journal-search-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KabJournalSearchRow, box);
  gtk_widget_class_bind_template_child (widget_class, KabJournalSearchRow, client_label);
  gtk_widget_class_bind_template_child (widget_class, KabJournalSearchRow, when_label);
  gtk_widget_class_bind_template_child (widget_class, KabJournalSearchRow, snippet_label);
}

static void
kab_journal_search_row_init (KabJournalSearchRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kab_journal_search_row_new (void)
{
  return g_object_new (KAB_TYPE_JOURNAL_SEARCH_ROW, NULL);
}

/**
 * kab_journal_search_row_set_entry:
 * @client_name: whose journal the entry is in
 * @query: what was searched for, marked in the snippet
 */
void
kab_journal_search_row_set_entry (KabJournalSearchRow *self,
                                  KabJournalEntry     *entry,
                                  const char          *client_name,
                                  const char          *query)
{
  g_autofree char *when = kab_journal_format_moment (kab_journal_entry_get_occurred (entry));
  g_autofree char *status = kab_journal_dup_status (entry);
  g_autofree char *line = NULL;
  g_autofree char *snippet = kab_journal_snippet_markup (kab_journal_entry_get_text (entry),
                                                         query, SNIPPET_CONTEXT);

  g_return_if_fail (KAB_IS_JOURNAL_SEARCH_ROW (self));

  /* Translators: a found journal entry: its date and time, kind and state, e.g.
   * "10 March 2026 14:00 · Session · Draft, not signed" */
  line = g_strdup_printf (_("%s · %s · %s"), when,
                          kab_journal_kind_to_label (kab_journal_entry_get_kind (entry)), status);

  gtk_label_set_label (self->client_label, client_name);
  gtk_label_set_label (self->when_label, line);
  gtk_label_set_markup (self->snippet_label, snippet);

  /* As in the client's journal: a draft stands out until it is signed. */
  if (kab_journal_entry_is_signed (entry))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->when_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->when_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->when_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->when_label), "warning");
    }
}
