/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-ui.c: the journal driven through its windows: a session's note written
 * and saved as it is typed, signed, refused when edited, corrected, printed to PDF */

#include "config.h"

#include <adwaita.h>

#include "journal/kab-journal-editor.h"
#include "journal/kab-journal-window.h"
#include "clients/kab-client-export.h"
#include "kab-model-error.h"
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
  g_autoptr(KabPractice) practice = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, 10, 14, 0, 0);

  f->dir = g_dir_make_tmp ("kabinett-journal-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "practice.db", NULL);
  f->store = kab_store_open (path, &error);
  g_assert_no_error (error);

  practice = kab_practice_copy (kab_store_get_practice (f->store));
  g_object_set (practice, "practitioner-name", "Karin Lindqvist", "title", "leg. psykolog",
                "country", "SE", "form-language", "sv", NULL);
  g_assert_true (kab_store_save_practice (f->store, practice, &error));

  f->client = kab_client_new ();
  g_object_set (f->client, "given-name", "Åsa", "family-name", "Öberg", NULL);
  g_assert_true (kab_store_save_client (f->store, f->client, &error));

  f->session = kab_session_new ();
  g_object_set (f->session, "client-id", kab_client_get_id (f->client), "start", start,
                "duration", 50, "status", KAB_SESSION_STATUS_ATTENDED, NULL);
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

static GtkWidget *
find_by_id (GtkWidget  *widget,
            const char *id)
{
  const char *own = GTK_IS_BUILDABLE (widget)
                    ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) : NULL;

  if (g_strcmp0 (own, id) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
get_widget (GtkWidget  *root,
            const char *id)
{
  GtkWidget *widget = find_by_id (root, id);

  if (widget == NULL)
    g_error ("No widget “%s” in %s", id, G_OBJECT_TYPE_NAME (root));
  return widget;
}

static char *
buffer_text (GtkWidget *text_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static KabJournalEntry *
stored_entry (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  KabJournalEntry *entry = kab_store_find_session_journal_entry (f->store,
                                                                 kab_session_get_id (f->session),
                                                                 &error);

  g_assert_no_error (error);
  return entry;
}

static gboolean
timeout_reached (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds (the autosave's delay) or until an entry is
 * stored with @text. */
static void
wait_for_saved (Fixture    *f,
                const char *text)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, timeout_reached, &timed_out);

  while (!timed_out)
    {
      g_autoptr(KabJournalEntry) entry = stored_entry (f);

      if (entry != NULL && g_strcmp0 (kab_journal_entry_get_text (entry), text) == 0)
        break;
      g_main_context_iteration (NULL, TRUE);
    }

  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  return out;
}

/* For looking at the windows: KAB_TEST_PAUSE=SECONDS keeps them on screen at each step. */
static void
pause_for_screenshot (void)
{
  const char *pause = g_getenv ("KAB_TEST_PAUSE");
  gboolean done = FALSE;

  if (pause == NULL)
    return;

  g_timeout_add_seconds ((guint)g_ascii_strtoull (pause, NULL, 10), timeout_reached, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_write_sign_correct_print (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabJournalEntry) entry = NULL;
  g_autoptr(GPtrArray) corrections = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "journal.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  KabJournalEditor *editor;
  KabJournalWindow *window;
  GtkWidget *text_view, *status_label, *locked_box, *correction_box, *corrections_label;
  GtkTextBuffer *buffer;
  GListModel *controllers;
  gboolean handled = FALSE;
  guint printed = 0;

  /* The session's note, written as a draft: saved without pressing anything. */
  editor = kab_journal_editor_open_session (f->store, f->session, NULL, &error);
  g_assert_no_error (error);
  kab_test_wait_until_mapped (GTK_WIDGET (editor));
  text_view = get_widget (GTK_WIDGET (editor), "text_view");
  status_label = get_widget (GTK_WIDGET (editor), "status_label");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (status_label)), ==, "Draft, not signed");

  gtk_widget_activate_action (GTK_WIDGET (editor), "journal.insert-headings", NULL);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  shown = buffer_text (text_view);
  g_assert_true (g_str_has_prefix (shown, "Kontaktorsak:"));
  gtk_text_buffer_set_text (buffer, "Kontaktorsak:\nSömnbesvär sedan flytten.\n", -1);
  g_assert_null (stored_entry (f));
  wait_for_saved (f, "Kontaktorsak:\nSömnbesvär sedan flytten.\n");
  entry = stored_entry (f);
  g_assert_false (kab_journal_entry_is_signed (entry));
  g_clear_object (&entry);
  pause_for_screenshot ();

  /* Signed: stored with the practitioner and locked. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "journal.sign", NULL);
  entry = stored_entry (f);
  g_assert_true (kab_journal_entry_is_signed (entry));
  g_assert_cmpstr (kab_journal_entry_get_signed_by (entry), ==, "Karin Lindqvist, leg. psykolog");
  /* The name, the user's words, keeps its writing direction to itself. */
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (status_label)),
                                   "Signed by Karin Lindqvist, leg. psykolog on "));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (text_view)));
  locked_box = get_widget (GTK_WIDGET (editor), "locked_box");
  g_assert_true (gtk_widget_get_visible (locked_box));

  /* Typing into it is refused and a correction is offered, starting from the text. */
  correction_box = get_widget (GTK_WIDGET (editor), "correction_box");
  g_assert_false (gtk_widget_get_visible (correction_box));
  controllers = gtk_widget_observe_controllers (text_view);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_x, 0, 0, &handled);
    }
  g_object_unref (controllers);
  g_assert_true (handled);
  g_assert_true (gtk_widget_get_visible (correction_box));
  text = buffer_text (get_widget (GTK_WIDGET (editor), "correction_view"));
  g_assert_cmpstr (text, ==, "Kontaktorsak:\nSömnbesvär sedan flytten.\n");
  g_clear_pointer (&text, g_free);

  /* The correction: who, when, why, beside the original that stays. */
  gtk_editable_set_text (GTK_EDITABLE (get_widget (GTK_WIDGET (editor), "reason_entry")),
                         "Fel månad angiven");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_widget (GTK_WIDGET (editor), "correction_view"))),
                            "Kontaktorsak:\nSömnbesvär sedan två månader.\n", -1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "journal.save-correction", NULL);
  corrections = kab_store_list_journal_corrections (f->store, kab_journal_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (corrections->len, ==, 1);
  g_assert_cmpstr (((KabJournalCorrection *)g_ptr_array_index (corrections, 0))->reason, ==, "Fel månad angiven");
  corrections_label = get_widget (GTK_WIDGET (editor), "corrections_label");
  g_assert_true (gtk_widget_get_visible (corrections_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (corrections_label)), "Fel månad angiven"));
  text = buffer_text (text_view);
  g_assert_cmpstr (text, ==, "Kontaktorsak:\nSömnbesvär sedan flytten.\n");
  g_clear_pointer (&text, g_free);
  pause_for_screenshot ();

  /* The client's journal lists it; printed to PDF, it reads right. */
  window = kab_journal_window_new (f->store, f->client);
  gtk_window_present (GTK_WINDOW (window));
  kab_test_wait_until_mapped (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (kab_journal_window_get_entries (window)), ==, 1);
  pause_for_screenshot ();

  g_assert_true (kab_journal_window_save_pdf (window, pdf, NULL, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  if (g_getenv ("KAB_TEST_PDF_COPY") != NULL)   /* for looking at the page */
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (g_getenv ("KAB_TEST_PDF_COPY"), contents, length, NULL));
    }
  /* Lines may wrap anywhere: compare with the line breaks as spaces. */
  g_strdelimit (text, "\n", ' ');
  g_assert_nonnull (strstr (text, "Journal of Åsa Öberg"));
  g_assert_nonnull (strstr (text, "Karin Lindqvist"));
  g_assert_nonnull (strstr (text, "Kontaktorsak: Sömnbesvär sedan flytten."));
  g_assert_nonnull (strstr (text, "Kontaktorsak: Sömnbesvär sedan två månader."));
  g_assert_nonnull (strstr (text, "Fel månad angiven"));
  g_assert_nonnull (strstr (text, "Signed by Karin Lindqvist, leg. psykolog"));

  log = kab_store_list_journal_access (f->store, kab_client_get_id (f->client), &error);
  for (guint i = 0; i < log->len; i++)
    printed += ((KabJournalAccess *)g_ptr_array_index (log, i))->action == KAB_JOURNAL_ACTION_PRINTED;
  g_assert_cmpuint (printed, ==, 1);
}

/* Search narrows the journal; an empty journal says what to do. */
static void
test_search_and_empty (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KabJournalWindow *window = kab_journal_window_new (f->store, f->client);
  GtkWidget *stack = get_widget (GTK_WIDGET (window), "stack");
  GtkWidget *search = get_widget (GTK_WIDGET (window), "search_entry");
  const char *texts[] = { "Oro inför examen", "Sömn och stress", "Uppföljning av sömn" };

  gtk_window_present (GTK_WINDOW (window));
  kab_test_wait_until_mapped (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(KabJournalEntry) entry = kab_journal_entry_new ();
      g_autoptr(GDateTime) when = g_date_time_new_local (2026, 1, 10 + i, 9, 0, 0);

      g_object_set (entry, "client-id", kab_client_get_id (f->client), "occurred", when,
                    "text", texts[i], NULL);
      g_assert_true (kab_store_save_journal_draft (f->store, entry, &error));
    }

  kab_journal_window_reload (window);
  g_assert_cmpuint (g_list_model_get_n_items (kab_journal_window_get_entries (window)), ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (search), "SÖMN");
  kab_journal_window_reload (window);
  g_assert_cmpuint (g_list_model_get_n_items (kab_journal_window_get_entries (window)), ==, 2);
  {
    g_autoptr(KabJournalEntry) first = g_list_model_get_item (kab_journal_window_get_entries (window), 0);
    g_assert_cmpstr (kab_journal_entry_get_text (first), ==, "Uppföljning av sömn");
  }

  /* A date range prints only its entries. */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "range.pdf", NULL);
    g_autoptr(GDateTime) from = g_date_time_new_local (2026, 1, 11, 0, 0, 0);
    g_autoptr(GDateTime) to = g_date_time_new_local (2026, 1, 12, 0, 0, 0);
    g_autofree char *text = NULL;

    g_assert_true (kab_journal_window_save_pdf (window, pdf, from, to, &error));
    g_assert_no_error (error);
    text = pdf_text (pdf);
    g_assert_nonnull (strstr (text, "Sömn och stress"));
    g_assert_null (strstr (text, "Oro inför examen"));
    g_assert_null (strstr (text, "Uppföljning av sömn"));
  }
}

/* The client's records export carries the journal: signed entries, drafts marked as
 * drafts, corrections and the access log. */
static void
test_records_export (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabJournalEntry) signed_entry = kab_journal_entry_new ();
  g_autoptr(KabJournalEntry) draft = kab_journal_entry_new ();
  g_autoptr(GDateTime) when = g_date_time_new_local (2026, 2, 1, 9, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *pdf = g_build_filename (f->dir, "records.pdf", NULL);
  g_autofree char *text = NULL;

  g_object_set (signed_entry, "client-id", kab_client_get_id (f->client), "occurred", when,
                "text", "Bedömning: lätt nedstämdhet", NULL);
  g_assert_true (kab_store_sign_journal_entry (f->store, signed_entry, &error));
  g_assert_true (kab_store_correct_journal_entry (f->store, signed_entry, "Skrivfel",
                                                  "Bedömning: måttlig nedstämdhet", &error));
  g_object_set (draft, "client-id", kab_client_get_id (f->client), "occurred", now,
                "text", "Planering: uppföljning", NULL);
  g_assert_true (kab_store_save_journal_draft (f->store, draft, &error));
  g_assert_no_error (error);

  g_assert_true (kab_client_export_pdf (f->store, kab_client_get_id (f->client), pdf, now, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  g_strdelimit (text, "\n", ' ');
  g_assert_nonnull (strstr (text, "Bedömning: lätt nedstämdhet"));
  g_assert_nonnull (strstr (text, "Bedömning: måttlig nedstämdhet"));
  g_assert_nonnull (strstr (text, "Reason: Skrivfel"));
  g_assert_nonnull (strstr (text, "Draft, not signed"));
  g_assert_nonnull (strstr (text, "Planering: uppföljning"));
  g_assert_nonnull (strstr (text, "Access to the Journal"));
  g_assert_nonnull (strstr (text, "Exported"));
}

/* In Norway a signed entry is deleted from its editor with a reason and the decision's
 * date; in Sweden the same is refused and the text stays. */
static void
test_delete_signed (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const countries[] = { "SE", "NO" };

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KabPractice) practice = kab_practice_copy (kab_store_get_practice (f->store));
      g_autoptr(KabJournalEntry) entry = kab_journal_entry_new ();
      g_autoptr(KabJournalEntry) stored = NULL;
      g_autoptr(GDateTime) when = g_date_time_new_local (2026, 2, 1, 9, 0, 0);
      gboolean norway = g_str_equal (countries[i], "NO");
      KabJournalEditor *editor;

      kab_practice_set_country (practice, countries[i]);
      g_assert_true (kab_store_save_practice (f->store, practice, &error));
      g_object_set (entry, "client-id", kab_client_get_id (f->client), "occurred", when,
                    "text", "Vurdering: feilført", NULL);
      g_assert_true (kab_store_sign_journal_entry (f->store, entry, &error));

      editor = kab_journal_editor_new (f->store, entry);
      gtk_window_present (GTK_WINDOW (editor));
      kab_test_wait_until_mapped (GTK_WIDGET (editor));
      gtk_widget_activate_action (GTK_WIDGET (editor), "journal.start-deletion", NULL);
      g_assert_cmpint (gtk_widget_get_visible (get_widget (GTK_WIDGET (editor), "decided_entry")), ==, norway);
      gtk_editable_set_text (GTK_EDITABLE (get_widget (GTK_WIDGET (editor), "reason_entry")),
                             "Journalført på feil pasient");
      gtk_editable_set_text (GTK_EDITABLE (get_widget (GTK_WIDGET (editor), "decided_entry")),
                             "2026-03-01");
      gtk_widget_activate_action (GTK_WIDGET (editor), "journal.save-correction", NULL);

      stored = kab_store_load_journal_entry (f->store, kab_journal_entry_get_id (entry), &error);
      g_assert_no_error (error);
      g_assert_cmpint (kab_journal_entry_is_deleted (stored), ==, norway);
      g_assert_cmpstr (kab_journal_entry_get_text (stored), ==, norway ? "" : "Vurdering: feilført");
      gtk_window_destroy (GTK_WINDOW (editor));
    }
}

/* A megabyte pasted into a session's note: the editor keeps at most what the model
 * accepts, and the draft is saved. */
static void
test_huge_paste (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabJournalEntry) entry = NULL;
  g_autofree char *paste = g_strnfill (1 << 20, 'a');
  g_autofree char *shown = NULL;
  KabJournalEditor *editor;
  GtkWidget *text_view;

  editor = kab_journal_editor_open_session (f->store, f->session, NULL, &error);
  g_assert_no_error (error);
  kab_test_wait_until_mapped (GTK_WIDGET (editor));
  text_view = get_widget (GTK_WIDGET (editor), "text_view");
  gtk_text_buffer_insert_interactive_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                                                paste, -1, TRUE);
  shown = buffer_text (text_view);
  g_assert_cmpuint (strlen (shown), ==, KAB_MODEL_MAX_TEXT_BYTES);

  gtk_window_close (GTK_WINDOW (editor));
  kab_test_iterate ();
  entry = stored_entry (f);
  g_assert_nonnull (entry);
  g_assert_cmpuint (strlen (kab_journal_entry_get_text (entry)), ==, KAB_MODEL_MAX_TEXT_BYTES);
}

int
main (int   argc,
      char *argv[])
{
  kab_test_ui_init (&argc, &argv);

  g_test_add ("/journal-ui/write-sign-correct-print", Fixture, NULL, fixture_set_up,
              test_write_sign_correct_print, fixture_tear_down);
  g_test_add ("/journal-ui/huge-paste", Fixture, NULL, fixture_set_up,
              test_huge_paste, fixture_tear_down);
  g_test_add ("/journal-ui/records-export", Fixture, NULL, fixture_set_up,
              test_records_export, fixture_tear_down);
  g_test_add ("/journal-ui/delete-signed", Fixture, NULL, fixture_set_up,
              test_delete_signed, fixture_tear_down);
  g_test_add ("/journal-ui/search-and-empty", Fixture, NULL, fixture_set_up,
              test_search_and_empty, fixture_tear_down);

  return g_test_run ();
}
