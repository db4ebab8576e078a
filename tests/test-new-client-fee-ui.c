/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-new-client-fee-ui.c: new clients and their first sessions take the practice's fee */

#include "config.h"

#include <locale.h>

#include "calendar/kab-session-dialog.h"
#include "clients/kab-new-client-dialog.h"
#include "kab-store.h"
#include "kab-test-util.h"
#include "kab-test-ui-util.h"

typedef struct
{
  char     *dir;
  KabStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabPractice) practice = kab_practice_new ();
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("kabinett-client-fee-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "kabinett.db", NULL);
  f->store = kab_store_open (path, &error);
  g_assert_no_error (error);

  g_object_set (practice, "practitioner-name", "Karin Lindqvist", "currency", "SEK",
                "default-fee", (gint64)140000, NULL);
  g_assert_true (kab_store_save_practice (f->store, practice, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kab_test_destroy_all_windows ();
  g_clear_object (&f->store);
  kab_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gpointer
child (GtkWidget  *widget,
       GType       type,
       const char *name)
{
  GObject *found = gtk_widget_get_template_child (widget, type, name);

  g_assert_true (GTK_IS_WIDGET (found));
  return found;
}

/* The new-client window starts with the practice's fee, and the client keeps it. */
static void
test_new_client_dialog (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *dialog = kab_new_client_dialog_new (f->store);
  GListModel *clients = kab_store_get_clients (f->store);
  g_autoptr(KabClient) client = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  kab_test_wait_until_mapped (dialog);
  gtk_editable_set_text (child (dialog, KAB_TYPE_NEW_CLIENT_DIALOG, "given_name_row"), "Bo");
  gtk_editable_set_text (child (dialog, KAB_TYPE_NEW_CLIENT_DIALOG, "family_name_row"), "Ek");
  g_assert_true (gtk_widget_activate_action (dialog, "new-client.add", NULL));
  kab_test_iterate ();

  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 1);
  client = g_list_model_get_item (clients, 0);
  g_assert_cmpint (kab_client_get_billing_plan (client), ==, KAB_BILLING_PLAN_PER_SESSION);
  g_assert_cmpint (kab_client_get_fee (client), ==, 140000);
}

/* A client added before the practice had a fee (a fast start) is booked at the
 * practice's fee, not for nothing. */
static void
test_session_of_client_without_fee (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(KabClient) client = kab_client_new ();
  KabSessionDialog *dialog;   /* the window list holds it */
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(KabSession) session = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 7);
  g_autoptr(GError) error = NULL;

  g_object_set (client, "given-name", "Åsa", "family-name", "Öberg", "fee", (gint64)0, NULL);
  g_assert_true (kab_store_save_client (f->store, client, &error));
  g_assert_no_error (error);

  dialog = kab_session_dialog_new_session (f->store, later, kab_client_get_id (client));
  gtk_window_present (GTK_WINDOW (dialog));
  kab_test_wait_until_mapped (GTK_WIDGET (dialog));
  g_assert_true (kab_session_dialog_save (dialog, &error));
  g_assert_no_error (error);

  sessions = kab_store_list_client_sessions (f->store, kab_client_get_id (client), &error);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 1);
  session = g_list_model_get_item (sessions, 0);
  g_assert_cmpint (kab_session_get_fee (session), ==, 140000);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  kab_test_ui_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add ("/new-client-fee/new-client-dialog", Fixture, NULL, fixture_set_up,
              test_new_client_dialog, fixture_tear_down);
  g_test_add ("/new-client-fee/session-of-client-without-fee", Fixture, NULL, fixture_set_up,
              test_session_of_client_without_fee, fixture_tear_down);

  return g_test_run ();
}
