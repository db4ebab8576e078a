/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-search-ui.c: the practice-wide journal search driven through its window:
 * it finds notes of every client in any case and script, corrections too; it shows
 * whose note, when and the words around the match; each note shown and each note opened
 * from it is written to that client's access log, and nobody else's */

#include "config.h"

#include <adwaita.h>

#include "journal/kab-journal-editor.h"
#include "journal/kab-journal-search.h"
#include "journal/kab-journal-snippet.h"
#include "kab-store.h"
#include "kab-test-ui-util.h"
#include "kab-test-util.h"

typedef struct
{
  char            *dir;
  KabStore        *store;
  KabClient       *asa;
  KabClient       *ivan;
  KabJournalEntry *asa_draft;       /* "ångest", a draft */
  KabJournalEntry *asa_signed;      /* signed, "ÅNGEST" only in its correction */
  KabJournalEntry *asa_other;       /* matches nothing searched */
  KabJournalEntry *ivan_note;       /* Cyrillic, and "ångest" quoted */
} Fixture;

static KabJournalEntry *
add_entry (Fixture    *f,
           KabClient  *client,
           int         day,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) occurred = g_date_time_new_local (2026, 3, day, 10, 0, 0);
  KabJournalEntry *entry = kab_journal_entry_new ();

  g_object_set (entry, "client-id", kab_client_get_id (client), "kind", KAB_JOURNAL_KIND_SESSION,
                "occurred", occurred, "text", text, NULL);
  g_assert_true (kab_store_save_journal_draft (f->store, entry, &error));
  g_assert_no_error (error);
  return entry;
}

static KabClient *
add_client (Fixture    *f,
            const char *given,
            const char *family)
{
  g_autoptr(GError) error = NULL;
  KabClient *client = kab_client_new ();

  g_object_set (client, "given-name", given, "family-name", family, NULL);
  g_assert_true (kab_store_save_client (f->store, client, &error));
  g_assert_no_error (error);
  return client;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KabPractice) practice = NULL;

  f->dir = g_dir_make_tmp ("kabinett-journal-search-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "practice.db", NULL);
  f->store = kab_store_open (path, &error);
  g_assert_no_error (error);

  practice = kab_practice_copy (kab_store_get_practice (f->store));
  g_object_set (practice, "practitioner-name", "Karin Lindqvist", "title", "leg. psykolog",
                "country", "SE", "form-language", "sv", NULL);
  g_assert_true (kab_store_save_practice (f->store, practice, &error));

  f->asa = add_client (f, "Åsa", "Öberg");
  f->ivan = add_client (f, "Иван", "Петров");

  f->asa_draft = add_entry (f, f->asa, 12,
                            "Kontaktorsak: sömnsvårigheter sedan hösten.\n"
                            "Aktuellt: beskriver ångest inför arbetsdagen, särskilt på måndagar.");
  f->asa_signed = add_entry (f, f->asa, 5, "Första samtalet. Bakgrund och förväntningar.");
  g_assert_true (kab_store_sign_journal_entry (f->store, f->asa_signed, &error));
  g_assert_true (kab_store_correct_journal_entry (f->store, f->asa_signed, "Förtydligande",
                                                  "Första samtalet. Nämner ÅNGEST i sociala lägen.",
                                                  &error));
  g_assert_no_error (error);
  f->asa_other = add_entry (f, f->asa, 19, "Telefon: bokade om tiden.");
  f->ivan_note = add_entry (f, f->ivan, 10,
                            "Обсуждали тревогу на работе; клиент сам назвал это «ångest».");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kab_test_destroy_all_windows ();
  g_clear_object (&f->asa_draft);
  g_clear_object (&f->asa_signed);
  g_clear_object (&f->asa_other);
  g_clear_object (&f->ivan_note);
  g_clear_object (&f->asa);
  g_clear_object (&f->ivan);
  g_clear_object (&f->store);
  kab_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* How many rows of @action the client's log has for @entry. */
static guint
count_access (Fixture          *f,
              KabClient        *client,
              KabJournalEntry  *entry,
              KabJournalAction  action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = kab_store_list_journal_access (f->store, kab_client_get_id (client),
                                                            &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < log->len; i++)
    {
      KabJournalAccess *access = g_ptr_array_index (log, i);

      n += access->action == action && access->entry_id == kab_journal_entry_get_id (entry);
    }
  return n;
}

static gboolean
results_contain (GListModel      *results,
                 KabJournalEntry *entry)
{
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(KabJournalEntry) item = g_list_model_get_item (results, i);

      if (kab_journal_entry_get_id (item) == kab_journal_entry_get_id (entry))
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
find_label_with (GtkWidget  *root,
                 const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
wait_for_rows (GtkWidget *window)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *list = kab_test_find_by_type (window, GTK_TYPE_LIST_VIEW);

  while (g_get_monotonic_time () < deadline &&
         !(gtk_widget_get_mapped (list) && gtk_widget_get_first_child (list) != NULL))
    g_main_context_iteration (NULL, TRUE);
  kab_test_iterate ();
}

static void
test_search_shows_logs_opens (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KabJournalSearch *search = kab_journal_search_new (f->store);
  GListModel *results = kab_journal_search_get_results (search);
  GtkStack *stack = GTK_STACK (kab_test_find_by_type (GTK_WIDGET (search), GTK_TYPE_STACK));
  GtkWidget *list;
  GtkWidget *client_label, *snippet_label;
  KabJournalEditor *editor;
  g_autoptr(KabJournalEntry) first = NULL;

  gtk_window_present (GTK_WINDOW (search));
  kab_test_wait_until_mapped (GTK_WIDGET (search));

  /* Nothing is read before a word is typed, and nothing is logged. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "hint");
  kab_journal_search_set_query (search, "ån");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "hint");

  /* Any case, any client, corrections too: newest first. */
  kab_journal_search_set_query (search, "ÅNGEST");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);
  g_assert_true (results_contain (results, f->asa_draft));
  g_assert_true (results_contain (results, f->asa_signed));
  g_assert_true (results_contain (results, f->ivan_note));
  g_assert_false (results_contain (results, f->asa_other));
  first = g_list_model_get_item (results, 0);
  g_assert_cmpint (kab_journal_entry_get_id (first), ==, kab_journal_entry_get_id (f->asa_draft));

  /* A row says whose note it is, when, and shows the words around the match. */
  wait_for_rows (GTK_WIDGET (search));
  client_label = find_label_with (GTK_WIDGET (search), "Иван Петров");
  g_assert_nonnull (client_label);
  snippet_label = find_label_with (GTK_WIDGET (search), "<b>ångest</b> inför arbetsdagen");
  g_assert_nonnull (snippet_label);
  g_assert_nonnull (find_label_with (GTK_WIDGET (search), "Draft, not signed"));

  /* What was on screen is in each client's log; what was not found is not. */
  g_assert_true (kab_journal_search_flush_log (search, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_access (f, f->asa, f->asa_draft, KAB_JOURNAL_ACTION_SEARCHED), ==, 1);
  g_assert_cmpuint (count_access (f, f->asa, f->asa_signed, KAB_JOURNAL_ACTION_SEARCHED), ==, 1);
  g_assert_cmpuint (count_access (f, f->ivan, f->ivan_note, KAB_JOURNAL_ACTION_SEARCHED), ==, 1);
  g_assert_cmpuint (count_access (f, f->asa, f->asa_other, KAB_JOURNAL_ACTION_SEARCHED), ==, 0);
  g_assert_cmpuint (count_access (f, f->ivan, f->asa_draft, KAB_JOURNAL_ACTION_SEARCHED), ==, 0);

  /* The same note shown again in this window is not logged twice. */
  kab_journal_search_set_query (search, "ångest i");
  kab_journal_search_set_query (search, "ångest");
  wait_for_rows (GTK_WIDGET (search));
  g_assert_true (kab_journal_search_flush_log (search, &error));
  g_assert_cmpuint (count_access (f, f->asa, f->asa_draft, KAB_JOURNAL_ACTION_SEARCHED), ==, 1);

  /* Cyrillic, from the middle of a word. */
  kab_journal_search_set_query (search, "ТРЕВОГ");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_assert_true (results_contain (results, f->ivan_note));

  /* Nothing found says so. */
  kab_journal_search_set_query (search, "zzzxq");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* Opening a found note is logged as any other opening. */
  kab_journal_search_set_query (search, "ångest");
  wait_for_rows (GTK_WIDGET (search));
  g_assert_cmpuint (count_access (f, f->asa, f->asa_draft, KAB_JOURNAL_ACTION_OPENED), ==, 0);
  list = kab_test_find_by_type (GTK_WIDGET (search), GTK_TYPE_LIST_VIEW);
  g_signal_emit_by_name (list, "activate", 0);
  editor = KAB_JOURNAL_EDITOR (kab_test_find_toplevel (KAB_TYPE_JOURNAL_EDITOR));
  g_assert_nonnull (editor);
  g_assert_cmpint (kab_journal_entry_get_id (kab_journal_editor_get_entry (editor)), ==,
                   kab_journal_entry_get_id (f->asa_draft));
  g_assert_cmpuint (count_access (f, f->asa, f->asa_draft, KAB_JOURNAL_ACTION_OPENED), ==, 1);
  g_assert_cmpuint (count_access (f, f->ivan, f->ivan_note, KAB_JOURNAL_ACTION_OPENED), ==, 0);
}

/* Closing the window at once still logs what it showed. */
static void
test_close_logs_shown (Fixture       *f,
                       gconstpointer  data)
{
  KabJournalSearch *search = kab_journal_search_new (f->store);

  gtk_window_present (GTK_WINDOW (search));
  kab_test_wait_until_mapped (GTK_WIDGET (search));
  kab_journal_search_set_query (search, "тревог");
  wait_for_rows (GTK_WIDGET (search));
  gtk_window_destroy (GTK_WINDOW (search));
  kab_test_iterate ();

  g_assert_cmpuint (count_access (f, f->ivan, f->ivan_note, KAB_JOURNAL_ACTION_SEARCHED), ==, 1);
}

/* The store's practice-wide search keeps to its limit, newest first. */
static void
test_store_limit (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) two = kab_store_search_practice_journal (f->store, "ångest", 2, &error);
  g_autoptr(GListModel) all = kab_store_search_practice_journal (f->store, "ångest", 100, &error);
  g_autoptr(GListModel) short_query = kab_store_search_practice_journal (f->store, "ån", 100, &error);
  g_autoptr(KabJournalEntry) newest = NULL;
  g_autoptr(KabJournalEntry) second = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (two), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (short_query), ==, 0);
  newest = g_list_model_get_item (two, 0);
  second = g_list_model_get_item (two, 1);
  g_assert_cmpint (kab_journal_entry_get_id (newest), ==, kab_journal_entry_get_id (f->asa_draft));
  g_assert_cmpint (kab_journal_entry_get_id (second), ==, kab_journal_entry_get_id (f->ivan_note));
}

static void
test_snippet (void)
{
  g_autofree char *middle = kab_journal_snippet_markup ("Början. Sedan talade klienten om ÅNGEST & sömn, "
                                                        "men inte om arbetet.", "ångest", 10);
  g_autofree char *none = kab_journal_snippet_markup ("Text <utan> träff\nrad två", "xyz", 10);
  g_autofree char *cyrillic = kab_journal_snippet_markup ("Обсуждали тревогу", "ТРЕВ", 40);

  g_assert_cmpstr (middle, ==, "…om <b>ÅNGEST</b> &amp; sömn, men inte om…");
  g_assert_cmpstr (none, ==, "Text &lt;utan&gt; träff rad två");
  g_assert_cmpstr (cyrillic, ==, "Обсуждали <b>трев</b>огу");
}

int
main (int   argc,
      char *argv[])
{
  kab_test_ui_init (&argc, &argv);

  g_test_add_func ("/journal-search/snippet", test_snippet);
  g_test_add ("/journal-search/store-limit", Fixture, NULL, fixture_set_up,
              test_store_limit, fixture_tear_down);
  g_test_add ("/journal-search/shows-logs-opens", Fixture, NULL, fixture_set_up,
              test_search_shows_logs_opens, fixture_tear_down);
  g_test_add ("/journal-search/close-logs-shown", Fixture, NULL, fixture_set_up,
              test_close_logs_shown, fixture_tear_down);

  return g_test_run ();
}
