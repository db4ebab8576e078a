/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-search.c: search every client's journal, entries and corrections, and open
 * what is found.
 *
 * The law counts reading a note, not only opening it: patientdatalagen (4 kap. 3 §) asks
 * that every access to a patient's record be documented, and the client may read that
 * log (8 kap. 5 §). A result shows a few words of the note, so each entry shown here is
 * written to its client's access log ("shown in a search result"), once per entry and
 * window; opening it from here is logged as any other opening, by the editor. */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-journal-editor.h"
#include "kab-journal-search-row.h"
#include "kab-journal-search.h"

/* The newest matches a search shows: more words narrow it down. */
#define MAX_RESULTS 200

struct _KabJournalSearch
{
  AdwWindow         parent_instance;

  KabStore         *store;
  GListStore       *results;      /* KabJournalEntry, newest first */
  char             *query;        /* what the results were found for */
  GHashTable       *logged;       /* entry ids already in the access log */
  GPtrArray        *pending;      /* KabJournalEntry shown, to log */
  guint             log_id;

  AdwToastOverlay  *toast_overlay;
  GtkSearchEntry   *search_entry;
  GtkStack         *stack;
  GtkListView      *list_view;
  GtkLabel         *more_label;
};

G_DEFINE_FINAL_TYPE (KabJournalSearch, kab_journal_search, ADW_TYPE_WINDOW)

static void
toast (KabJournalSearch *self,
       const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/**
 * kab_journal_search_flush_log:
 *
 * Writes the entries shown since the last time to their clients' access logs now.
 */
gboolean
kab_journal_search_flush_log (KabJournalSearch  *self,
                              GError           **error)
{
  g_return_val_if_fail (KAB_IS_JOURNAL_SEARCH (self), FALSE);

  g_clear_handle_id (&self->log_id, g_source_remove);
  if (self->pending->len == 0)
    return TRUE;

  if (!kab_store_log_journal_entries_access (self->store, self->pending,
                                             KAB_JOURNAL_ACTION_SEARCHED, NULL, error))
    return FALSE;

  for (guint i = 0; i < self->pending->len; i++)
    {
      gint64 id = kab_journal_entry_get_id (g_ptr_array_index (self->pending, i));
      g_hash_table_add (self->logged, g_memdup2 (&id, sizeof id));
    }
  g_ptr_array_set_size (self->pending, 0);
  return TRUE;
}

static gboolean
log_idle (gpointer user_data)
{
  KabJournalSearch *self = user_data;
  g_autoptr(GError) error = NULL;

  self->log_id = 0;
  if (!kab_journal_search_flush_log (self, &error))
    g_warning ("The journal search could not be logged: %s", error->message);
  return G_SOURCE_REMOVE;
}

/* A row came on screen: its entry is logged once, with the others shown at the same time. */
static void
note_shown (KabJournalSearch *self,
            KabJournalEntry  *entry)
{
  gint64 id = kab_journal_entry_get_id (entry);

  if (g_hash_table_contains (self->logged, &id))
    return;

  for (guint i = 0; i < self->pending->len; i++)
    if (kab_journal_entry_get_id (g_ptr_array_index (self->pending, i)) == id)
      return;

  g_ptr_array_add (self->pending, g_object_ref (entry));
  if (self->log_id == 0)
    self->log_id = g_idle_add_full (G_PRIORITY_LOW, log_idle, self, NULL);
}

static void
search (KabJournalSearch *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  guint n;

  /* One more than shown tells whether there are more. */
  found = kab_store_search_practice_journal (self->store, trimmed, MAX_RESULTS + 1, &error);
  if (found == NULL)
    {
      toast (self, error->message);
      return;
    }

  n = g_list_model_get_n_items (found);
  for (guint i = 0; i < MIN (n, MAX_RESULTS); i++)
    g_ptr_array_add (items, g_list_model_get_item (found, i));

  g_free (self->query);
  self->query = g_steal_pointer (&trimmed);
  g_list_store_splice (self->results, 0, n_old, items->pdata, items->len);
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), n > MAX_RESULTS);

  if (g_utf8_strlen (self->query, -1) < KAB_JOURNAL_SEARCH_MIN_CHARS)
    gtk_stack_set_visible_child_name (self->stack, "hint");
  else
    gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
on_search_changed (KabJournalSearch *self)
{
  search (self);
}

static void
on_stop_search (KabJournalSearch *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_list_activate (KabJournalSearch *self,
                  guint             position)
{
  g_autoptr(KabJournalEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->results), position);
  KabJournalEditor *editor;

  if (entry == NULL)
    return;

  /* The editor logs the opening; a note it changes or signs is found as it is now. */
  editor = kab_journal_editor_new (self->store, entry);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (search), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  gtk_list_item_set_child (item, kab_journal_search_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          KabJournalSearch         *self)
{
  KabJournalEntry *entry = gtk_list_item_get_item (item);
  KabClient *client = kab_store_find_client (self->store, kab_journal_entry_get_client_id (entry));

  kab_journal_search_row_set_entry (KAB_JOURNAL_SEARCH_ROW (gtk_list_item_get_child (item)), entry,
                                    client != NULL ? kab_client_get_display_name (client) : "",
                                    self->query);
  note_shown (self, entry);
}

static void
kab_journal_search_dispose (GObject *object)
{
  KabJournalSearch *self = KAB_JOURNAL_SEARCH (object);
  g_autoptr(GError) error = NULL;

  /* What was on screen is logged even when the window closes at once. */
  if (self->store != NULL && self->pending != NULL &&
      !kab_journal_search_flush_log (self, &error))
    g_warning ("The journal search could not be logged: %s", error->message);
  g_clear_handle_id (&self->log_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (object), KAB_TYPE_JOURNAL_SEARCH);

  G_OBJECT_CLASS (kab_journal_search_parent_class)->dispose (object);
}

static void
kab_journal_search_finalize (GObject *object)
{
  KabJournalSearch *self = KAB_JOURNAL_SEARCH (object);

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->logged, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_object (&self->results);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_journal_search_parent_class)->finalize (object);
}

static void
kab_journal_search_class_init (KabJournalSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_journal_search_dispose;
  object_class->finalize = kab_journal_search_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/journal/kab-journal-search.ui");
  gtk_widget_class_bind_template_child (widget_class, KabJournalSearch, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KabJournalSearch, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KabJournalSearch, stack);
  gtk_widget_class_bind_template_child (widget_class, KabJournalSearch, list_view);
  gtk_widget_class_bind_template_child (widget_class, KabJournalSearch, more_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kab_journal_search_init (KabJournalSearch *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_list_store_new (KAB_TYPE_JOURNAL_ENTRY);
  self->query = g_strdup ("");
  self->logged = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)))));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

/**
 * kab_journal_search_new:
 *
 * A window to search every client's journal. Nothing is read before a word is typed.
 */
KabJournalSearch *
kab_journal_search_new (KabStore *store)
{
  KabJournalSearch *self;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  self = g_object_new (KAB_TYPE_JOURNAL_SEARCH, NULL);
  self->store = g_object_ref (store);
  return self;
}

/**
 * kab_journal_search_set_query:
 *
 * Searches for @query now, as if it had been typed.
 */
void
kab_journal_search_set_query (KabJournalSearch *self,
                              const char       *query)
{
  g_return_if_fail (KAB_IS_JOURNAL_SEARCH (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
  search (self);
}

/**
 * kab_journal_search_get_results:
 *
 * Returns: (transfer none): the entries found, newest first
 */
GListModel *
kab_journal_search_get_results (KabJournalSearch *self)
{
  g_return_val_if_fail (KAB_IS_JOURNAL_SEARCH (self), NULL);

  return G_LIST_MODEL (self->results);
}
