/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-row.c: one entry in a client's journal: when, what kind, its state, its text */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kab-journal-document.h"
#include "kab-journal-row.h"

/* The list shows the start of a text; the editor shows all of it. */
#define PREVIEW_CHARS 400

struct _KabJournalRow
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *when_label;
  GtkLabel  *status_label;
  GtkLabel  *text_label;
};

G_DEFINE_FINAL_TYPE (KabJournalRow, kab_journal_row, GTK_TYPE_WIDGET)

static void
kab_journal_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KAB_TYPE_JOURNAL_ROW);

  G_OBJECT_CLASS (kab_journal_row_parent_class)->dispose (object);
}

static void
kab_journal_row_class_init (KabJournalRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_journal_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/journal/kab-journal-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KabJournalRow, box);
  gtk_widget_class_bind_template_child (widget_class, KabJournalRow, when_label);
  gtk_widget_class_bind_template_child (widget_class, KabJournalRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, KabJournalRow, text_label);
}

static void
kab_journal_row_init (KabJournalRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kab_journal_row_new (void)
{
  return g_object_new (KAB_TYPE_JOURNAL_ROW, NULL);
}

/* @text with each run of line breaks (and the spaces around them) one space. */
static char *
flatten (char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean in_break = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || (in_break && (*p == ' ' || *p == '\t')))
        {
          in_break = TRUE;
          continue;
        }
      if (in_break && out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
      in_break = FALSE;
      g_string_append_c (out, *p);
    }

  g_free (text);
  return g_string_free (out, FALSE);
}

void
kab_journal_row_set_entry (KabJournalRow   *self,
                           KabJournalEntry *entry)
{
  g_autofree char *when = kab_journal_format_moment (kab_journal_entry_get_occurred (entry));
  g_autofree char *heading = g_strdup_printf ("%s · %s", when,
                                              kab_journal_kind_to_label (kab_journal_entry_get_kind (entry)));
  g_autofree char *status = kab_journal_dup_status (entry);
  g_autofree char *preview = NULL;
  const char *text = kab_journal_entry_get_text (entry);
  GtkWidget *status_widget = GTK_WIDGET (self->status_label);

  if (kab_journal_entry_get_n_corrections (entry) > 0)
    {
      g_autofree char *plain = g_steal_pointer (&status);
      /* Translators: a journal entry's state, then that it has corrections */
      status = g_strdup_printf (_("%s · corrected"), plain);
    }

  /* The label's three lines count per paragraph: a structured note's headings would
   * each make one, so the preview runs its lines together. */
  preview = g_utf8_strlen (text, -1) > PREVIEW_CHARS ? g_utf8_substring (text, 0, PREVIEW_CHARS)
                                                     : g_strdup (text);
  preview = flatten (g_steal_pointer (&preview));

  gtk_label_set_label (self->when_label, heading);
  gtk_label_set_label (self->status_label, status);
  gtk_label_set_label (self->text_label, preview);
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), *text != '\0');

  if (kab_journal_entry_is_signed (entry))
    {
      gtk_widget_remove_css_class (status_widget, "warning");
      gtk_widget_add_css_class (status_widget, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (status_widget, "dim-label");
      gtk_widget_add_css_class (status_widget, "warning");
    }
}
