/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session-remark-ui.c: the session dialog keeps a scheduling remark apart from the
 * clinical record: the remark says it is not in the journal, and the session's journal
 * note, signed in the journal, is one click away in the same dialog */

#include "config.h"

#include <adwaita.h>

#include "calendar/kab-session-dialog.h"
#include "journal/kab-journal-editor.h"
#include "kab-store.h"
#include "kab-test-ui-util.h"
#include "kab-test-util.h"

typedef struct
{
  char       *dir;
  KabStore   *store;
  KabClient  *client;
  KabSession *session;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, 10, 14, 0, 0);

  f->dir = g_dir_make_tmp ("kabinett-session-remark-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "practice.db", NULL);
  f->store = kab_store_open (path, &error);
  g_assert_no_error (error);

  f->client = kab_client_new ();
  g_object_set (f->client, "given-name", "Nora", "family-name", "Haugen", NULL);
  g_assert_true (kab_store_save_client (f->store, f->client, &error));

  f->session = kab_session_new ();
  g_object_set (f->session, "client-id", kab_client_get_id (f->client), "start", start,
                "duration", 50, "status", KAB_SESSION_STATUS_ATTENDED,
                "note", "Rom 2", NULL);
  g_assert_true (kab_store_save_session (f->store, f->session, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kab_test_destroy_all_windows ();
  g_clear_object (&f->session);
  g_clear_object (&f->client);
  g_clear_object (&f->store);
  kab_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gpointer
dialog_child (KabSessionDialog *dialog,
              const char       *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), KAB_TYPE_SESSION_DIALOG, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return child;
}

static void
test_remark_is_not_the_journal (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabSessionDialog) dialog = g_object_ref_sink (kab_session_dialog_edit_session (f->store, f->session));
  AdwEntryRow *note_row = dialog_child (dialog, "note_row");
  AdwActionRow *journal_row = dialog_child (dialog, "journal_row");
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (note_row));
  KabJournalEditor *editor;
  KabJournalEntry *entry;
  g_autoptr(KabJournalEntry) stored = NULL;
  g_autoptr(GListModel) journal = NULL;

  /* The free field says what it is: practical, and outside the record. */
  g_assert_nonnull (strstr (title, "remark"));
  g_assert_nonnull (strstr (title, "not in the journal"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row)), ==, "Rom 2");

  /* The journal note is offered right there, for this session. */
  gtk_window_present (GTK_WINDOW (dialog));
  kab_test_wait_until_mapped (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (journal_row)));
  g_signal_emit_by_name (journal_row, "activated");
  editor = KAB_JOURNAL_EDITOR (kab_test_find_toplevel (KAB_TYPE_JOURNAL_EDITOR));
  g_assert_nonnull (editor);
  entry = kab_journal_editor_get_entry (editor);
  g_assert_cmpint (kab_journal_entry_get_session_id (entry), ==, kab_session_get_id (f->session));
  g_assert_cmpint (kab_journal_entry_get_client_id (entry), ==, kab_client_get_id (f->client));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (dialog));

  /* Writing the clinical note leaves the remark alone, and the remark is no journal entry. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (kab_test_find_by_type (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW))),
                            "Aktuelt: søvn bedre.", -1);
  g_assert_true (kab_journal_editor_flush (editor, &error));
  g_assert_no_error (error);
  stored = kab_store_find_session_journal_entry (f->store, kab_session_get_id (f->session), &error);
  g_assert_nonnull (stored);
  g_assert_cmpstr (kab_journal_entry_get_text (stored), ==, "Aktuelt: søvn bedre.");
  journal = kab_store_list_journal (f->store, kab_client_get_id (f->client), NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (journal), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row)), ==, "Rom 2");
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A note from before the journal, copied into it as an imported entry, is still here: the
 * dialog says so, and says nothing for a remark written since. */
static void
test_imported_note_is_pointed_out (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabJournalEntry) imported = kab_journal_entry_new ();
  g_autoptr(KabSessionDialog) before = NULL;
  g_autoptr(KabSessionDialog) after = NULL;

  before = g_object_ref_sink (kab_session_dialog_edit_session (f->store, f->session));
  g_assert_false (gtk_widget_get_visible (dialog_child (before, "remark_hint")));
  gtk_window_destroy (GTK_WINDOW (before));

  g_object_set (imported, "client-id", kab_client_get_id (f->client),
                "session-id", kab_session_get_id (f->session), "kind", KAB_JOURNAL_KIND_SESSION,
                "occurred", kab_session_get_start (f->session), "text", "Rom 2", "imported", TRUE,
                NULL);
  g_assert_true (kab_store_save_journal_draft (f->store, imported, &error));
  g_assert_no_error (error);

  after = g_object_ref_sink (kab_session_dialog_edit_session (f->store, f->session));
  g_assert_true (gtk_widget_get_visible (dialog_child (after, "remark_hint")));
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (after, "note_row")), ==, "Rom 2");
  gtk_window_destroy (GTK_WINDOW (after));
}

/* A session not saved yet has no journal note to open. */
static void
test_new_session_has_no_journal_row (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(KabSessionDialog) dialog = g_object_ref_sink (kab_session_dialog_new_session (f->store, NULL,
                                                                                          kab_client_get_id (f->client)));

  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "journal_row")));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  kab_test_ui_init (&argc, &argv);

  g_test_add ("/session-remark/not-the-journal", Fixture, NULL, fixture_set_up,
              test_remark_is_not_the_journal, fixture_tear_down);
  g_test_add ("/session-remark/imported-note", Fixture, NULL, fixture_set_up,
              test_imported_note_is_pointed_out, fixture_tear_down);
  g_test_add ("/session-remark/new-session", Fixture, NULL, fixture_set_up,
              test_new_session_has_no_journal_row, fixture_tear_down);

  return g_test_run ();
}
