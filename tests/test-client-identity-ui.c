/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-client-identity-ui.c: one object per client for the whole run: a rename shows everywhere */

#include "config.h"

#include <string.h>

#include "kab-application.h"
#include "kab-window.h"
#include "calendar/kab-calendar-view.h"
#include "clients/kab-client-details.h"
#include "clients/kab-clients-view.h"
#include "consent/kab-consent-view.h"
#include "payments/kab-debts-page.h"
#include "payments/kab-payments-view.h"
#include "kab-test-util.h"
#include "kab-test-ui-util.h"

/* The rule (DESIGN.md): a save validates a copy, writes it, and copies the fields onto
 * the object already listed, so that nobody is left holding a stale one. The test runs
 * Kabinett for real, shows every view with the client in it, renames the client in the
 * Clients view's details, and looks for the new name, and only the new name, where each
 * view shows it. */

typedef struct
{
  char     *dir;
  char     *path;
  gint64    client_id;
  GDateTime *session_start;
  gboolean  checked;
} Fixture;

/* In the Calendar, only the text on screen counts: its Today page, hidden behind the
 * week, refreshes when it is shown. */
static gboolean visible_only;

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (visible_only && (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget)))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

/* Asserts that the labels under @root show @name and not @old_name. */
static void
assert_shows (GtkWidget  *root,
              const char *name,
              const char *old_name,
              const char *where)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_nonnull (root);
  collect_text (root, text);
  if (strstr (text->str, name) == NULL)
    g_error ("%s does not show “%s”; it shows:\n%s", where, name, text->str);
  if (old_name != NULL && strstr (text->str, old_name) != NULL)
    g_error ("%s still shows “%s”", where, old_name);
}

static GtkWidget *
show_view (KabWindow  *window,
           const char *name,
           GType       type)
{
  GtkWidget *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", name));
  kab_test_iterate ();
  view = kab_test_find_by_type (GTK_WIDGET (window), type);
  g_assert_nonnull (view);
  kab_test_wait_until_mapped (view);
  kab_test_iterate ();
  return view;
}

/* Each view where the client's name shows: the Clients list, the Debts page of the
 * Payments view, the Consent view (a client in therapy without an agreement is "to
 * sign") and the week of the session in the Calendar. */
static void
check_everywhere (KabWindow  *window,
                  Fixture    *f,
                  const char *name,
                  const char *old_name)
{
  GtkWidget *view;

  view = show_view (window, "clients", KAB_TYPE_CLIENTS_VIEW);
  assert_shows (kab_test_find_by_type (view, GTK_TYPE_LIST_VIEW), name, old_name, "The Clients list");

  view = show_view (window, "payments", KAB_TYPE_PAYMENTS_VIEW);
  assert_shows (kab_test_find_by_type (view, KAB_TYPE_DEBTS_PAGE), name, old_name, "The Debts page");

  view = show_view (window, "consent", KAB_TYPE_CONSENT_VIEW);
  assert_shows (view, name, old_name, "The Consent view");

  view = show_view (window, "calendar", KAB_TYPE_CALENDAR_VIEW);
  g_assert_true (gtk_widget_activate_action (view, "calendar.show-week", "x",
                                             g_date_time_to_unix (f->session_start)));
  kab_test_iterate ();
  visible_only = TRUE;
  assert_shows (view, name, old_name, "The Calendar");
  visible_only = FALSE;
}

static void
rename_client (KabWindow *window,
               Fixture   *f)
{
  GtkWidget *view = show_view (window, "clients", KAB_TYPE_CLIENTS_VIEW);
  GtkWidget *details;
  GObject *row;

  g_assert_true (kab_clients_view_show_client (KAB_CLIENTS_VIEW (view), f->client_id));
  kab_test_iterate ();
  details = kab_test_find_by_type (view, KAB_TYPE_CLIENT_DETAILS);
  row = gtk_widget_get_template_child (details, KAB_TYPE_CLIENT_DETAILS, "given_name_row");
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "Annika");
  g_signal_emit_by_name (row, "apply");
  kab_test_iterate ();
}

static void
check_rename (KabWindow *window,
              Fixture   *f)
{
  KabStore *store = kab_window_get_store (window);
  KabClient *before = kab_store_find_client (store, f->client_id);
  GListModel *clients = kab_store_get_clients (store);
  guint n = g_list_model_get_n_items (clients);
  gboolean listed = FALSE;

  check_everywhere (window, f, "Anna Lindström", NULL);
  rename_client (window, f);
  check_everywhere (window, f, "Annika Lindström", "Anna Lindström");

  /* Still the one object, in the store's list and by id. */
  g_assert_true (kab_store_find_client (store, f->client_id) == before);
  g_assert_cmpstr (kab_client_get_display_name (before), ==, "Annika Lindström");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (clients, i);

      listed |= client == before;
    }
  g_assert_true (listed);
}

static gboolean
check_and_quit (gpointer user_data)
{
  Fixture *f = user_data;
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  KabWindow *window = KAB_WINDOW (gtk_application_get_active_window (app));

  check_rename (window, f);
  f->checked = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_window_mapped (GtkWidget *window,
                  Fixture   *f)
{
  g_signal_handlers_disconnect_by_func (window, on_window_mapped, f);
  g_idle_add (check_and_quit, f);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Fixture        *f)
{
  if (KAB_IS_WINDOW (window))
    g_signal_connect (window, "map", G_CALLBACK (on_window_mapped), f);
}

/* A client in therapy with a debt, a session tomorrow and no agreement yet. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = NULL;
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(KabSession) session = kab_session_new ();
  g_autoptr(KabCharge) charge = kab_charge_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) last_week = g_date_time_add_days (now, -7);

  f->dir = g_dir_make_tmp ("kabinett-test-identity-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "kabinett.db", NULL);
  store = kab_store_open (f->path, &error);
  g_assert_no_error (error);

  g_object_set (client, "given-name", "Anna", "family-name", "Lindström",
                "fee", (gint64)95000, NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_assert_no_error (error);
  f->client_id = kab_client_get_id (client);

  f->session_start = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                            g_date_time_get_month (tomorrow),
                                            g_date_time_get_day_of_month (tomorrow),
                                            10, 0, 0);
  g_object_set (session,
                "client-id", f->client_id,
                "start", f->session_start,
                "duration", 50,
                "kind", KAB_SESSION_KIND_PSYCHOTHERAPY,
                "status", KAB_SESSION_STATUS_PLANNED,
                "fee", (gint64)95000,
                NULL);
  g_assert_true (kab_store_save_session (store, session, &error));
  g_assert_no_error (error);

  g_object_set (charge,
                "client-id", f->client_id,
                "date", last_week,
                "amount", (gint64)95000,
                "currency", kab_practice_get_currency (kab_store_get_practice (store)),
                "kind", KAB_CHARGE_KIND_OTHER,
                NULL);
  g_assert_true (kab_store_save_charge (store, charge, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kab_test_remove_tree (f->dir);
  g_clear_pointer (&f->session_start, g_date_time_unref);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_rename_shows_everywhere (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(KabApplication) app = kab_application_new ();
  char *argv[] = { (char *) "kabinett", (char *) "--database", f->path, NULL };

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), f);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (f->checked);
}

int
main (int   argc,
      char *argv[])
{
  kab_test_ui_init (&argc, &argv);

  g_test_add ("/client-identity/rename-shows-everywhere", Fixture, NULL,
              fixture_set_up, test_rename_shows_everywhere, fixture_tear_down);

  return g_test_run ();
}
