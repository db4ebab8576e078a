/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-editor.c: one journal entry: written as a draft saved as you type, signed,
 * then corrected openly */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kab-country.h"
#include "kab-journal-document.h"
#include "kab-journal-editor.h"
#include "kab-model-error.h"
#include "kab-text-limit.h"
#include "kab-text.h"

typedef enum {
  MODE_CORRECTION,
  MODE_OBJECTION,
  MODE_DELETION,
} KabJournalEditorMode;

/* A crash loses at most this much typing. */
#define AUTOSAVE_DELAY_MS 1000

struct _KabJournalEditor
{
  AdwWindow        parent_instance;

  KabStore        *store;
  KabJournalEntry *entry;
  guint            autosave_id;
  gboolean         dirty;
  gboolean         loading;
  KabJournalEditorMode mode;    /* what the box under the text records */

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkLabel        *status_label;
  GtkWidget       *locked_box;
  GtkTextView     *text_view;
  GtkLabel        *corrections_label;
  GtkWidget       *correction_box;
  GtkLabel        *correction_title;
  GtkEntry        *reason_entry;
  GtkEntry        *decided_entry;
  GtkTextView     *correction_view;
};

G_DEFINE_FINAL_TYPE (KabJournalEditor, kab_journal_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_error (KabJournalEditor *self,
            const GError     *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
update_corrections (KabJournalEditor *self)
{
  g_autoptr(GPtrArray) corrections = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);

  if (kab_journal_entry_get_n_corrections (self->entry) > 0)
    corrections = kab_store_list_journal_corrections (self->store,
                                                      kab_journal_entry_get_id (self->entry),
                                                      NULL);

  for (guint i = 0; corrections != NULL && i < corrections->len; i++)
    {
      KabJournalCorrection *correction = g_ptr_array_index (corrections, i);
      g_autofree char *made_at = kab_journal_format_moment (correction->made_at);
      g_autofree char *heading = NULL;
      g_autofree char *escaped_heading = NULL;
      g_autofree char *escaped_text = g_markup_escape_text (correction->text, -1);
      g_autofree char *made_by = kab_isolate (correction->made_by);
      g_autofree char *reason = kab_isolate (correction->reason);

      if (correction->objection)
        heading = g_strdup_printf (_("Client’s objection, recorded on %s by %s:"),
                                   made_at, made_by);
      else
        heading = g_strdup_printf (_("Correction on %s by %s. Reason: %s"),
                                   made_at, made_by, reason);
      escaped_heading = g_markup_escape_text (heading, -1);
      g_string_append_printf (markup, "%s<b>%s</b>\n%s", i > 0 ? "\n\n" : "",
                              escaped_heading, escaped_text);
    }

  gtk_label_set_markup (self->corrections_label, markup->str);
  gtk_widget_set_visible (GTK_WIDGET (self->corrections_label), markup->len > 0);
}

static void
update_state (KabJournalEditor *self)
{
  gboolean is_signed = kab_journal_entry_is_signed (self->entry);
  gboolean deleted = kab_journal_entry_is_deleted (self->entry);
  g_autofree char *status = kab_journal_dup_status (self->entry);
  g_autofree char *when = kab_journal_format_moment (kab_journal_entry_get_occurred (self->entry));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", when,
                                               kab_journal_kind_to_label (kab_journal_entry_get_kind (self->entry)));
  KabClient *client = kab_store_find_client (self->store,
                                             kab_journal_entry_get_client_id (self->entry));

  adw_window_title_set_title (self->window_title,
                              client != NULL ? kab_client_get_display_name (client) : "");
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_label_set_label (self->status_label, status);
  if (is_signed)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "warning");
    }

  gtk_text_view_set_editable (self->text_view, !is_signed);
  gtk_text_view_set_cursor_visible (self->text_view, !is_signed);
  gtk_widget_set_visible (self->locked_box, is_signed && !deleted);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.sign", !is_signed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.insert-headings", !is_signed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.delete-draft", !is_signed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.start-correction", is_signed && !deleted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.start-objection", is_signed && !deleted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.start-deletion", is_signed && !deleted);
  update_corrections (self);
}

/**
 * kab_journal_editor_flush:
 *
 * Saves the draft now if it has unsaved typing (an empty new entry is not written).
 */
gboolean
kab_journal_editor_flush (KabJournalEditor  *self,
                          GError           **error)
{
  g_autofree char *text = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (KAB_IS_JOURNAL_EDITOR (self), FALSE);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (!self->dirty || kab_journal_entry_is_signed (self->entry))
    return TRUE;

  text = buffer_text (self->text_view);
  trimmed = g_strstrip (g_strdup (text));
  if (kab_journal_entry_get_id (self->entry) == 0 && *trimmed == '\0')
    return TRUE;

  kab_journal_entry_set_text (self->entry, text);
  if (!kab_store_save_journal_draft (self->store, self->entry, error))
    return FALSE;

  self->dirty = FALSE;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  return TRUE;
}

static gboolean
autosave_cb (gpointer user_data)
{
  KabJournalEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  self->autosave_id = 0;
  if (!kab_journal_editor_flush (self, &error))
    show_error (self, error);

  return G_SOURCE_REMOVE;
}

static void
on_text_changed (KabJournalEditor *self)
{
  if (self->loading || kab_journal_entry_is_signed (self->entry))
    return;

  self->dirty = TRUE;
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_cb, self);
}

static void
start_correction (KabJournalEditor     *self,
                  KabJournalEditorMode  mode)
{
  g_autofree char *text = buffer_text (self->text_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->correction_view);
  KabPractice *practice = kab_store_get_practice (self->store);
  gboolean norway = g_strcmp0 (kab_practice_get_country (practice), KAB_COUNTRY_NORWAY) == 0;

  self->mode = mode;
  switch (mode)
    {
    case MODE_CORRECTION:
      gtk_label_set_label (self->correction_title, _("New Correction"));
      gtk_entry_set_placeholder_text (self->reason_entry, _("Why is it corrected?"));
      break;

    case MODE_OBJECTION:
      gtk_label_set_label (self->correction_title, _("The Client’s Objection"));
      break;

    case MODE_DELETION:
      gtk_label_set_label (self->correction_title,
                           _("Delete the entry: its text and corrections are erased; the "
                             "deletion, its reason and date stay in the journal and its log."));
      gtk_entry_set_placeholder_text (self->reason_entry, _("Why is it deleted?"));
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reason_entry), mode != MODE_OBJECTION);
  gtk_widget_set_visible (GTK_WIDGET (self->decided_entry), mode == MODE_DELETION && norway);
  gtk_widget_set_visible (GTK_WIDGET (self->correction_view), mode != MODE_DELETION);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->decided_entry), "");
  /* A correction starts from the signed text, which stays as it is beside it. */
  gtk_text_buffer_set_text (buffer, mode == MODE_CORRECTION ? text : "", -1);
  gtk_widget_set_visible (self->correction_box, TRUE);
  gtk_widget_grab_focus (mode == MODE_OBJECTION ? GTK_WIDGET (self->correction_view)
                                                : GTK_WIDGET (self->reason_entry));
}

/* Typing into a signed entry is refused; the correction is offered instead. */
static gboolean
on_key_pressed (KabJournalEditor      *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  gunichar c = gdk_keyval_to_unicode (keyval);

  if (!kab_journal_entry_is_signed (self->entry) || kab_journal_entry_is_deleted (self->entry))
    return FALSE;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 ||
      (c == 0 && keyval != GDK_KEY_BackSpace && keyval != GDK_KEY_Delete &&
       keyval != GDK_KEY_Return))
    return FALSE;

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("A signed entry cannot be changed. "
                                                "Write a correction below.")));
  if (!gtk_widget_get_visible (self->correction_box))
    start_correction (self, MODE_CORRECTION);
  return TRUE;
}

static void
sign_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KabJournalEditor *self = KAB_JOURNAL_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = buffer_text (self->text_view);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  kab_journal_entry_set_text (self->entry, text);
  if (!kab_store_sign_journal_entry (self->store, self->entry, &error))
    {
      show_error (self, error);
      return;
    }

  self->dirty = FALSE;
  update_state (self);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
}

static void
insert_headings_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KabJournalEditor *self = KAB_JOURNAL_EDITOR (widget);
  KabPractice *practice = kab_store_get_practice (self->store);
  g_autofree char *headings = kab_store_dup_journal_template (self->store,
                                                              kab_practice_get_form_language (practice));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (gtk_text_buffer_get_char_count (buffer) > 0)
    gtk_text_buffer_insert (buffer, &end, "\n\n", -1);
  gtk_text_buffer_insert (buffer, &end, headings, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
delete_draft_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KabJournalEditor *self = KAB_JOURNAL_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->dirty = FALSE;
  if (kab_journal_entry_get_id (self->entry) != 0 &&
      !kab_store_delete_journal_entry (self->store, self->entry, NULL, NULL, &error))
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_correction_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  start_correction (KAB_JOURNAL_EDITOR (widget), MODE_CORRECTION);
}

static void
start_objection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  start_correction (KAB_JOURNAL_EDITOR (widget), MODE_OBJECTION);
}

static void
start_deletion_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  start_correction (KAB_JOURNAL_EDITOR (widget), MODE_DELETION);
}

/* YYYY-MM-DD as typed, at local midnight; NULL when empty or not a date. */
static GDateTime *
parse_day (const char *text)
{
  int year, month, day;

  if (text == NULL || sscanf (text, "%d-%d-%d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

static void
save_correction_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KabJournalEditor *self = KAB_JOURNAL_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = buffer_text (self->correction_view);
  gboolean ok;

  const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_entry));
  g_autoptr(GDateTime) decided = parse_day (gtk_editable_get_text (GTK_EDITABLE (self->decided_entry)));

  if (self->mode == MODE_OBJECTION)
    ok = kab_store_record_journal_objection (self->store, self->entry, text, &error);
  else if (self->mode == MODE_DELETION)
    ok = kab_store_delete_journal_entry (self->store, self->entry, reason, decided, &error);
  else
    ok = kab_store_correct_journal_entry (self->store, self->entry, reason, text, &error);
  if (!ok)
    {
      show_error (self, error);
      return;
    }

  gtk_widget_set_visible (self->correction_box, FALSE);
  if (self->mode == MODE_DELETION)
    {
      self->loading = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
      self->loading = FALSE;
    }
  update_state (self);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
}

static gboolean
kab_journal_editor_close_request (GtkWindow *window)
{
  KabJournalEditor *self = KAB_JOURNAL_EDITOR (window);
  g_autoptr(GError) error = NULL;

  if (!kab_journal_editor_flush (self, &error))
    g_warning ("The journal draft could not be saved: %s", error->message);

  return GTK_WINDOW_CLASS (kab_journal_editor_parent_class)->close_request (window);
}

static void
kab_journal_editor_dispose (GObject *object)
{
  KabJournalEditor *self = KAB_JOURNAL_EDITOR (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_JOURNAL_EDITOR);

  G_OBJECT_CLASS (kab_journal_editor_parent_class)->dispose (object);
}

static void
kab_journal_editor_finalize (GObject *object)
{
  KabJournalEditor *self = KAB_JOURNAL_EDITOR (object);

  g_clear_object (&self->entry);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_journal_editor_parent_class)->finalize (object);
}

static void
kab_journal_editor_class_init (KabJournalEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kab_journal_editor_dispose;
  object_class->finalize = kab_journal_editor_finalize;
  window_class->close_request = kab_journal_editor_close_request;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/journal/kab-journal-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KabJournalEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KabJournalEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KabJournalEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, KabJournalEditor, locked_box);
  gtk_widget_class_bind_template_child (widget_class, KabJournalEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, KabJournalEditor, corrections_label);
  gtk_widget_class_bind_template_child (widget_class, KabJournalEditor, correction_box);
  gtk_widget_class_bind_template_child (widget_class, KabJournalEditor, correction_title);
  gtk_widget_class_bind_template_child (widget_class, KabJournalEditor, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, KabJournalEditor, decided_entry);
  gtk_widget_class_bind_template_child (widget_class, KabJournalEditor, correction_view);

  gtk_widget_class_install_action (widget_class, "journal.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "journal.insert-headings", NULL,
                                   insert_headings_action);
  gtk_widget_class_install_action (widget_class, "journal.delete-draft", NULL,
                                   delete_draft_action);
  gtk_widget_class_install_action (widget_class, "journal.start-correction", NULL,
                                   start_correction_action);
  gtk_widget_class_install_action (widget_class, "journal.start-objection", NULL,
                                   start_objection_action);
  gtk_widget_class_install_action (widget_class, "journal.start-deletion", NULL,
                                   start_deletion_action);
  gtk_widget_class_install_action (widget_class, "journal.save-correction", NULL,
                                   save_correction_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kab_journal_editor_init (KabJournalEditor *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (on_text_changed), self);
  kab_text_view_limit_length (self->text_view, KAB_MODEL_MAX_TEXT_BYTES);
  kab_text_view_limit_length (self->correction_view, KAB_MODEL_MAX_TEXT_BYTES);
}

/**
 * kab_journal_editor_new:
 * @entry: a new entry (id 0, written at the first typing) or a stored one
 *
 * Opening a stored entry is recorded in the client's access log.
 */
KabJournalEditor *
kab_journal_editor_new (KabStore        *store,
                        KabJournalEntry *entry)
{
  KabJournalEditor *self;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);
  g_return_val_if_fail (KAB_IS_JOURNAL_ENTRY (entry), NULL);

  self = g_object_new (KAB_TYPE_JOURNAL_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->entry = g_object_ref (entry);

  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            kab_journal_entry_get_text (entry), -1);
  self->loading = FALSE;
  update_state (self);
  /* Ready to write: without this the focus starts on the header bar's menu button. */
  if (!kab_journal_entry_is_signed (entry))
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->text_view));

  if (kab_journal_entry_get_id (entry) != 0)
    kab_store_log_journal_access (store, kab_journal_entry_get_client_id (entry),
                                  kab_journal_entry_get_id (entry),
                                  KAB_JOURNAL_ACTION_OPENED, NULL, NULL);
  return self;
}

/**
 * kab_journal_editor_open_session:
 * @parent: (nullable): the window to keep it above
 *
 * Opens the session's entry, or a new one of kind "session" dated at its start.
 *
 * Returns: (transfer none): the presented editor, or %NULL with @error
 */
KabJournalEditor *
kab_journal_editor_open_session (KabStore    *store,
                                 KabSession  *session,
                                 GtkWindow   *parent,
                                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(KabJournalEntry) entry = NULL;
  KabJournalEditor *editor;

  entry = kab_store_find_session_journal_entry (store, kab_session_get_id (session), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (entry == NULL)
    {
      entry = kab_journal_entry_new ();
      g_object_set (entry,
                    "client-id", kab_session_get_client_id (session),
                    "session-id", kab_session_get_id (session),
                    "kind", KAB_JOURNAL_KIND_SESSION,
                    "occurred", kab_session_get_start (session),
                    NULL);
    }

  editor = kab_journal_editor_new (store, entry);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (editor), parent);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

/**
 * kab_journal_editor_get_entry:
 *
 * Returns: (transfer none): the entry being edited
 */
KabJournalEntry *
kab_journal_editor_get_entry (KabJournalEditor *self)
{
  g_return_val_if_fail (KAB_IS_JOURNAL_EDITOR (self), NULL);

  return self->entry;
}
