/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-screens-ui.c: the journal's windows on the demo practice, in the language
 * of the environment: a client's journal, a signed note, a corrected one, a draft, the
 * practice-wide search, and the printed journal and access log. Checks that each shows
 * what it should; with KAB_SCREENSHOT_DIR set, also saves each as a PNG or PDF there, for
 * a person to look at the layout in sv, nb and ru. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "calendar/kab-session-dialog.h"
#include "journal/kab-journal-editor.h"
#include "journal/kab-journal-search.h"
#include "journal/kab-journal-window.h"
#include "kab-demo.h"
#include "kab-store.h"
#include "kab-test-ui-util.h"
#include "kab-test-util.h"

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("KAB_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  int width, height;
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  kab_test_wait_until_mapped (widget);
  if (dir == NULL)
    return;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);

  /* The window's own decorations are not part of its paintable: its header bar is. */
  widget = gtk_window_get_child (GTK_WINDOW (widget));
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

static char *
output_path (const char *tmp,
             const char *name)
{
  const char *dir = g_getenv ("KAB_SCREENSHOT_DIR");

  return g_build_filename (dir != NULL ? dir : tmp, name, NULL);
}

/* The demo's entries: the corrected one, a signed one without corrections, a draft. */
static void
find_entries (KabStore         *store,
              KabJournalEntry **corrected,
              KabJournalEntry **plain_signed,
              KabJournalEntry **draft)
{
  GListModel *clients = kab_store_get_clients (store);

  for (guint c = 0; c < g_list_model_get_n_items (clients); c++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (clients, c);
      g_autoptr(GListModel) entries = kab_store_list_journal (store, kab_client_get_id (client),
                                                              NULL, NULL, NULL);

      for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
        {
          KabJournalEntry *entry = g_list_model_get_item (entries, i);
          KabJournalEntry **slot = !kab_journal_entry_is_signed (entry) ? draft
                                   : kab_journal_entry_get_n_corrections (entry) > 0 ? corrected
                                   : plain_signed;

          if (*slot == NULL)
            *slot = entry;
          else
            g_object_unref (entry);
        }
    }
}

static void
show_editor (KabStore        *store,
             KabJournalEntry *entry,
             const char      *name)
{
  KabJournalEditor *editor = kab_journal_editor_new (store, entry);

  gtk_window_set_default_size (GTK_WINDOW (editor), 640, 720);
  gtk_window_present (GTK_WINDOW (editor));
  save_screenshot (GTK_WIDGET (editor), name);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_screens (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kabinett-journal-screens-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *journal_pdf = output_path (dir, "journal-print.pdf");
  g_autofree char *log_pdf = output_path (dir, "journal-access-log.pdf");
  g_autoptr(KabStore) store = kab_store_open (path, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(KabJournalEntry) corrected = NULL;
  g_autoptr(KabJournalEntry) plain_signed = NULL;
  g_autoptr(KabJournalEntry) draft = NULL;
  g_autofree char *word = NULL;
  KabClient *client;
  KabJournalWindow *window;
  KabJournalSearch *search;

  g_assert_no_error (error);
  g_assert_true (kab_demo_fill (store, &KAB_DEMO_SIZE_SMALL, now, &error));
  g_assert_no_error (error);
  find_entries (store, &corrected, &plain_signed, &draft);
  g_assert_nonnull (corrected);
  g_assert_nonnull (plain_signed);
  g_assert_nonnull (draft);

  client = kab_store_find_client (store, kab_journal_entry_get_client_id (corrected));
  window = kab_journal_window_new (store, client);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (g_list_model_get_n_items (kab_journal_window_get_entries (window)), >=, 2);
  save_screenshot (GTK_WIDGET (window), "journal-client");

  show_editor (store, corrected, "journal-corrected");
  show_editor (store, plain_signed, "journal-signed");
  show_editor (store, draft, "journal-draft");

  g_assert_true (kab_journal_window_save_pdf (window, journal_pdf, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kab_journal_window_save_access_log_pdf (window, log_pdf, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));

  /* A word of the corrected note's first line under its heading. */
  {
    g_auto(GStrv) lines = g_strsplit (kab_journal_entry_get_text (corrected), "\n", -1);

    g_assert_nonnull (lines[0]);
    g_assert_nonnull (lines[1]);
    word = g_utf8_substring (lines[1], 0, MIN (6, g_utf8_strlen (lines[1], -1)));
  }
  /* The session dialog: the scheduling remark and the way to the journal note. */
  {
    g_autoptr(KabSession) session = kab_store_load_session (store, kab_journal_entry_get_session_id (draft), &error);
    KabSessionDialog *dialog;

    g_assert_no_error (error);
    dialog = kab_session_dialog_edit_session (store, session);
    gtk_window_present (GTK_WINDOW (dialog));
    save_screenshot (GTK_WIDGET (dialog), "session-dialog");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  search = kab_journal_search_new (store);
  gtk_window_present (GTK_WINDOW (search));
  kab_journal_search_set_query (search, word);
  g_assert_cmpuint (g_list_model_get_n_items (kab_journal_search_get_results (search)), >=, 1);
  save_screenshot (GTK_WIDGET (search), "journal-search");

  kab_test_destroy_all_windows ();
  g_clear_object (&store);
  kab_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("KABINETT_LOCALEDIR");

  kab_test_ui_init (&argc, &argv);

  /* To look at a language: KABINETT_LOCALEDIR=<build>/po LANGUAGE=sv LANG=sv_SE.UTF-8 */
  if (localedir != NULL && g_getenv ("KAB_SCREENSHOT_DIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_add_func ("/journal-screens/demo", test_screens);

  return g_test_run ();
}
