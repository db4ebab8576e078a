/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-today-ui.c: Today's waiting work lists the journal notes left unsigned for
 * more than a day, as drafts; one opens the note, and signing it takes it off the list.
 * The demo practice has such drafts, written when their sessions ended. */

#include "config.h"

#include <adwaita.h>

#include "calendar/kab-today-page.h"
#include "journal/kab-journal-editor.h"
#include "kab-demo.h"
#include "kab-store.h"
#include "kab-test-ui-util.h"
#include "kab-test-util.h"

static guint
count_named_rows (GtkListBox *list,
                  const char *name,
                  GtkWidget **first)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_LIST_BOX_ROW (child) || g_strcmp0 (gtk_widget_get_name (child), name) != 0)
        continue;
      if (n++ == 0 && first != NULL)
        *first = child;
    }

  return n;
}

static void
test_demo_drafts_wait_on_today (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kabinett-journal-today-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(KabStore) store = kab_store_open (path, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GListModel) to_sign = NULL;
  GtkWidget *window = gtk_window_new ();
  KabTodayPage *page = g_object_new (KAB_TYPE_TODAY_PAGE, NULL);
  GtkListBox *waiting;
  GtkWidget *row = NULL;
  KabJournalEditor *editor;
  KabJournalEntry *entry;
  guint n_to_sign = 0, n_rows;

  g_assert_no_error (error);
  g_assert_true (kab_demo_fill (store, &KAB_DEMO_SIZE_SMALL, now, &error));
  g_assert_no_error (error);
  g_assert_true (kab_store_count_journal_to_sign (store, now, &n_to_sign, &error));
  g_assert_cmpuint (n_to_sign, >=, 1);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  kab_today_page_set_store (page, store);
  kab_today_page_set_date (page, now);
  gtk_window_present (GTK_WINDOW (window));
  kab_test_wait_until_mapped (GTK_WIDGET (page));
  kab_test_iterate ();

  /* Every draft the Clients view counts waits here too, said to be a draft. */
  waiting = kab_today_page_get_list (page, "waiting");
  n_rows = count_named_rows (waiting, "journal-to-sign-row", &row);
  g_assert_cmpuint (n_rows, ==, MIN (n_to_sign, 12));
  g_assert_nonnull (strstr (kab_today_page_row_get_title (row), "Journal note to sign"));
  g_assert_nonnull (strstr (kab_today_page_row_get_subtitle (row), "Draft, not signed"));

  /* The row opens the note itself, the oldest first. */
  to_sign = kab_store_list_journal_to_sign (store, now, &error);
  g_signal_emit_by_name (row, "activate");
  editor = KAB_JOURNAL_EDITOR (kab_test_find_toplevel (KAB_TYPE_JOURNAL_EDITOR));
  g_assert_nonnull (editor);
  entry = kab_journal_editor_get_entry (editor);
  {
    g_autoptr(KabJournalEntry) oldest = g_list_model_get_item (to_sign, 0);

    g_assert_cmpint (kab_journal_entry_get_id (entry), ==, kab_journal_entry_get_id (oldest));
  }
  g_assert_false (kab_journal_entry_is_signed (entry));

  /* Signed, it leaves the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "journal.sign", NULL));
  g_assert_true (kab_journal_entry_is_signed (entry));
  kab_test_iterate ();
  g_assert_cmpuint (count_named_rows (waiting, "journal-to-sign-row", NULL), ==,
                    MIN (n_to_sign - 1, 12));

  kab_test_destroy_all_windows ();
  g_clear_object (&store);
  kab_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  kab_test_ui_init (&argc, &argv);

  g_test_add_func ("/journal-today/demo-drafts", test_demo_drafts_wait_on_today);

  return g_test_run ();
}
