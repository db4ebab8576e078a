/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-window.c: a client's whole journal: newest first, searchable, printable.
 * Opening it, printing it and saving it are recorded in the client's access log. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "kab-journal-document.h"
#include "kab-journal-editor.h"
#include "kab-journal-row.h"
#include "kab-journal-window.h"
#include "kab-text.h"

struct _KabJournalWindow
{
  AdwWindow         parent_instance;

  KabStore         *store;
  KabClient        *client;
  GListStore       *entries;   /* KabJournalEntry, what the list shows */

  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;
  GtkSearchEntry   *search_entry;
  GtkStack         *stack;
  GtkListView      *list_view;
  GtkPopoverMenu   *print_popover;
  GtkWidget        *range_box;
  GtkEntry         *from_entry;
  GtkEntry         *to_entry;
};

G_DEFINE_FINAL_TYPE (KabJournalWindow, kab_journal_window, ADW_TYPE_WINDOW)

static void
toast (KabJournalWindow *self,
       const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static gint64
client_id (KabJournalWindow *self)
{
  return kab_client_get_id (self->client);
}

/**
 * kab_journal_window_reload:
 *
 * Lists the entries again, filtered by the search text.
 */
void
kab_journal_window_reload (KabJournalWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  found = kab_store_search_journal (self->store, client_id (self), query, &error);
  if (found == NULL)
    {
      toast (self, error->message);
      return;
    }

  n = g_list_model_get_n_items (found);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (found, i));
  g_list_store_splice (self->entries, 0, n_old, items->pdata, items->len);

  gtk_stack_set_visible_child_name (self->stack, n > 0 || *query != '\0' ? "list" : "empty");
}

static void
on_search_changed (KabJournalWindow *self)
{
  kab_journal_window_reload (self);
}

static void
open_editor (KabJournalWindow *self,
             KabJournalEntry  *entry)
{
  KabJournalEditor *editor = kab_journal_editor_new (self->store, entry);

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (kab_journal_window_reload), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_list_activate (KabJournalWindow *self,
                  guint             position)
{
  g_autoptr(KabJournalEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);

  if (entry != NULL)
    open_editor (self, entry);
}

static void
new_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KabJournalWindow *self = KAB_JOURNAL_WINDOW (widget);
  g_autoptr(KabJournalEntry) entry = kab_journal_entry_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  KabJournalKind kind = KAB_JOURNAL_KIND_NOTE;

  kab_journal_kind_from_nick (g_variant_get_string (parameter, NULL), &kind);
  g_object_set (entry, "client-id", client_id (self), "kind", (int)kind, "occurred", now, NULL);
  open_editor (self, entry);
}

static void
log_access (KabJournalWindow *self,
            KabJournalAction  action,
            const char       *detail)
{
  g_autoptr(GError) error = NULL;

  if (!kab_store_log_journal_access (self->store, client_id (self), 0, action, detail, &error))
    g_warning ("The journal access could not be logged: %s", error->message);
}

static char *
format_range (GDateTime *from,
              GDateTime *to)
{
  /* @to is the first instant after the range: the range ends the day before. */
  g_autoptr(GDateTime) last_day = to != NULL ? g_date_time_add_seconds (to, -1) : NULL;
  g_autofree char *first = from != NULL ? g_date_time_format (from, "%Y-%m-%d") : g_strdup ("");
  g_autofree char *last = last_day != NULL ? g_date_time_format (last_day, "%Y-%m-%d") : g_strdup ("");

  if (from == NULL && to == NULL)
    return NULL;

  return g_strdup_printf ("%s – %s", first, last);
}

/* The day typed as YYYY-MM-DD at local midnight, plus @add_days; NULL when empty or not a
 * date (then the range is open on that side). */
static GDateTime *
parse_day (GtkEntry *entry,
           int       add_days)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GDateTime) day = NULL;
  int year, month, date;

  if (sscanf (text, "%d-%d-%d", &year, &month, &date) != 3 ||
      !g_date_valid_dmy (date, month, year))
    return NULL;

  day = g_date_time_new_local (year, month, date, 0, 0, 0);
  return g_date_time_add_days (day, add_days);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KabJournalWindow *self = KAB_JOURNAL_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(KabPrintDocument) document = NULL;
  g_autoptr(GDateTime) from = parse_day (self->from_entry, 0);
  g_autoptr(GDateTime) to = parse_day (self->to_entry, 1);
  g_autofree char *range = format_range (from, to);
  gboolean access_log = g_str_equal (action_name, "journal.print-access-log");

  if (access_log)
    document = kab_journal_document_new_access_log (self->store, client_id (self), &error);
  else
    document = kab_journal_document_new (self->store, client_id (self), from, to, &error);

  if (document == NULL ||
      !kab_print_document_print (document, GTK_WINDOW (self),
                                 GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, &error))
    {
      if (error != NULL)
        toast (self, error->message);
      return;
    }

  log_access (self, KAB_JOURNAL_ACTION_PRINTED, access_log ? _("access log") : range);
}

/**
 * kab_journal_window_save_pdf:
 * @from: (nullable): the first instant, or %NULL for the first entry
 * @to: (nullable): the instant after the last, or %NULL for the last entry
 *
 * Writes the journal as a PDF (mode 0600) and logs it as printed.
 */
gboolean
kab_journal_window_save_pdf (KabJournalWindow  *self,
                             const char        *path,
                             GDateTime         *from,
                             GDateTime         *to,
                             GError           **error)
{
  g_autoptr(KabPrintDocument) document = NULL;
  g_autofree char *range = format_range (from, to);

  g_return_val_if_fail (KAB_IS_JOURNAL_WINDOW (self), FALSE);

  document = kab_journal_document_new (self->store, client_id (self), from, to, error);
  if (document == NULL || !kab_print_document_export_pdf (document, path, error))
    return FALSE;

  g_chmod (path, 0600);
  log_access (self, KAB_JOURNAL_ACTION_PRINTED, range);
  return TRUE;
}

/**
 * kab_journal_window_save_access_log_pdf:
 *
 * Writes the extract of the access log as a PDF, for the client.
 */
gboolean
kab_journal_window_save_access_log_pdf (KabJournalWindow  *self,
                                        const char        *path,
                                        GError           **error)
{
  g_autoptr(KabPrintDocument) document = NULL;

  g_return_val_if_fail (KAB_IS_JOURNAL_WINDOW (self), FALSE);

  log_access (self, KAB_JOURNAL_ACTION_PRINTED, _("access log"));
  document = kab_journal_document_new_access_log (self->store, client_id (self), error);
  if (document == NULL || !kab_print_document_export_pdf (document, path, error))
    return FALSE;

  g_chmod (path, 0600);
  return TRUE;
}

static void
on_save_response (GtkNativeDialog  *chooser,
                  int               response,
                  KabJournalWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      g_autoptr(GDateTime) from = parse_day (self->from_entry, 0);
      g_autoptr(GDateTime) to = parse_day (self->to_entry, 1);

      if (kab_journal_window_save_pdf (self, path, from, to, &error))
        {
          g_autofree char *basename = g_filename_display_basename (path);
          g_autofree char *name = kab_isolate (basename);
          /* Translators: %s is the name of the PDF file */
          g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);
          toast (self, message);
        }
      else
        toast (self, error->message);
    }

  g_object_unref (self);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KabJournalWindow *self = KAB_JOURNAL_WINDOW (widget);
  GtkFileChooserNative *chooser;
  /* Translators: the file name of a saved journal; %s is the client's name */
  g_autofree char *wanted = g_strdup_printf (_("%s – journal.pdf"),
                                             kab_client_get_display_name (self->client));
  g_autofree char *name = kab_file_name_from (wanted);

  chooser = gtk_file_chooser_native_new (_("Save Journal as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  gtk_list_item_set_child (item, kab_journal_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  kab_journal_row_set_entry (KAB_JOURNAL_ROW (gtk_list_item_get_child (item)),
                             gtk_list_item_get_item (item));
}

static void
kab_journal_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KAB_TYPE_JOURNAL_WINDOW);

  G_OBJECT_CLASS (kab_journal_window_parent_class)->dispose (object);
}

static void
kab_journal_window_finalize (GObject *object)
{
  KabJournalWindow *self = KAB_JOURNAL_WINDOW (object);

  g_clear_object (&self->entries);
  g_clear_object (&self->client);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_journal_window_parent_class)->finalize (object);
}

static void
kab_journal_window_class_init (KabJournalWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_journal_window_dispose;
  object_class->finalize = kab_journal_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/journal/kab-journal-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KabJournalWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KabJournalWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KabJournalWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KabJournalWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KabJournalWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, KabJournalWindow, print_popover);
  gtk_widget_class_bind_template_child (widget_class, KabJournalWindow, range_box);
  gtk_widget_class_bind_template_child (widget_class, KabJournalWindow, from_entry);
  gtk_widget_class_bind_template_child (widget_class, KabJournalWindow, to_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_install_action (widget_class, "journal.new-entry", "s", new_entry_action);
  gtk_widget_class_install_action (widget_class, "journal.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "journal.print-access-log", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "journal.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "journal.print", NULL);
}

static void
kab_journal_window_init (KabJournalWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_popover_menu_add_child (self->print_popover, self->range_box, "range");

  self->entries = g_list_store_new (KAB_TYPE_JOURNAL_ENTRY);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)))));
}

/**
 * kab_journal_window_new:
 *
 * Shows the client's journal; opening it is recorded in the client's access log.
 */
KabJournalWindow *
kab_journal_window_new (KabStore  *store,
                        KabClient *client)
{
  KabJournalWindow *self;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);
  g_return_val_if_fail (KAB_IS_CLIENT (client), NULL);

  self = g_object_new (KAB_TYPE_JOURNAL_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->client = g_object_ref (client);
  adw_window_title_set_subtitle (self->window_title, kab_client_get_display_name (client));
  kab_journal_window_reload (self);
  log_access (self, KAB_JOURNAL_ACTION_OPENED, NULL);
  return self;
}

/**
 * kab_journal_window_get_entries:
 *
 * Returns: (transfer none): the entries shown, newest first
 */
GListModel *
kab_journal_window_get_entries (KabJournalWindow *self)
{
  g_return_val_if_fail (KAB_IS_JOURNAL_WINDOW (self), NULL);

  return G_LIST_MODEL (self->entries);
}
