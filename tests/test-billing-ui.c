/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-billing-ui.c: the billing rules as a user meets them in the real window: packages
 * used up and sold again from the toast, past charges kept, one currency, series edits */

#include "config.h"

#include <string.h>

#include "kab-application.h"
#include "kab-currency-dialog.h"
#include "kab-money.h"
#include "kab-preferences-window.h"
#include "kab-window.h"
#include "calendar/kab-calendar-view.h"
#include "calendar/kab-session-dialog.h"
#include "clients/kab-client-details.h"
#include "clients/kab-client-row.h"
#include "clients/kab-clients-view.h"
#include "payments/kab-payments-view.h"
#include "kab-test-app.h"
#include "kab-test-ui-util.h"
#include "kab-test-util.h"

/* Each test prepares a practice, runs Kabinett for real on it (`kabinett --database
 * PATH`), works in the window once it is on screen, and quits as Ctrl+Q does. */

typedef struct
{
  char   *dir;
  char   *path;
  gint64  client;
  gint64  sessions[4];
} Fixture;

typedef void (*WindowCheck) (Fixture   *f,
                             KabWindow *window);

typedef struct
{
  Fixture     *f;
  WindowCheck  check;
} Run;

static void
run_check (KabWindow *window,
           gpointer   data)
{
  Run *run = data;

  run->check (run->f, window);
  kab_store_set_test_now (NULL);
}

static void
run_kabinett (Fixture     *f,
              WindowCheck  check)
{
  Run run = { f, check };

  kab_test_run_kabinett (f->path, NULL, run_check, &run);
}

/* Today at @hour:00, local time. */
static GDateTime *
today_at (int hour)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now), hour, 0, 0);
}

static KabStore *
open_practice (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabPractice) practice = NULL;
  KabStore *store;

  f->dir = g_dir_make_tmp ("kabinett-billing-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "kabinett.db", NULL);
  store = kab_store_open (f->path, &error);
  g_assert_no_error (error);

  practice = kab_practice_copy (kab_store_get_practice (store));
  g_object_set (practice,
                "practitioner-name", "Karin Lindqvist",
                "currency", "SEK",
                "default-fee", (gint64)100000,
                "late-cancel-percent", 60,
                NULL);
  g_assert_true (kab_store_save_practice (store, practice, &error));
  g_assert_no_error (error);
  return store;
}

static gint64
add_client (KabStore       *store,
            KabBillingPlan  plan,
            gint64          fee,
            int             package_size)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (client, "given-name", "Åsa", "family-name", "Berg", "billing-plan", plan,
                "fee", fee, "package-size", package_size, NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_assert_no_error (error);
  return kab_client_get_id (client);
}

static gint64
add_session (KabStore  *store,
             gint64     client,
             GDateTime *start,
             gint64     fee)
{
  g_autoptr(KabSession) session = kab_session_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (session, "client-id", client, "start", start, "duration", 50,
                "status", KAB_SESSION_STATUS_PLANNED, "fee", fee, NULL);
  g_assert_true (kab_store_save_session (store, session, &error));
  g_assert_no_error (error);
  return kab_session_get_id (session);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kab_store_set_test_now (NULL);
  kab_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Finding what the user sees */

static GtkWidget *
view_of (KabWindow *window,
         GType      type)
{
  GtkWidget *view = kab_test_find_by_type (GTK_WIDGET (window), type);

  g_assert_nonnull (view);
  return view;
}

static void
show_view (KabWindow  *window,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", name));
  kab_test_iterate ();
}

static void
find_rows (GtkWidget *widget,
           gint64     client,
           GPtrArray *found)
{
  if (KAB_IS_CLIENT_ROW (widget) && kab_client_row_get_client (KAB_CLIENT_ROW (widget)) != NULL &&
      kab_client_get_id (kab_client_row_get_client (KAB_CLIENT_ROW (widget))) == client)
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_rows (child, client, found);
}

/* The client's row in the Clients list, as it shows now. */
static KabClientRow *
client_row (KabWindow *window,
            gint64     client)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  show_view (window, "clients");
  find_rows (GTK_WIDGET (window), client, found);
  g_assert_cmpuint (found->len, ==, 1);
  return found->pdata[0];
}

static const char *
row_balance (KabWindow *window,
             gint64     client)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (client_row (window, client)),
                                                  KAB_TYPE_CLIENT_ROW, "balance_label");

  return gtk_label_get_label (GTK_LABEL (label));
}

/* A label of the client's details, with the client shown. */
static const char *
details_label (KabWindow  *window,
               gint64      client,
               const char *name)
{
  KabClientsView *view;
  GObject *label;

  show_view (window, "clients");
  view = KAB_CLIENTS_VIEW (view_of (window, KAB_TYPE_CLIENTS_VIEW));
  g_assert_true (kab_clients_view_show_client (view, client));
  kab_test_iterate ();
  label = gtk_widget_get_template_child (view_of (window, KAB_TYPE_CLIENT_DETAILS),
                                         KAB_TYPE_CLIENT_DETAILS, name);
  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static void
assert_owes (KabWindow *window,
             gint64     client,
             gint64     amount)
{
  g_autofree char *money = kab_money_format (amount, "SEK");
  g_autofree char *owes = g_strdup_printf ("Owes %s", money);

  g_assert_cmpstr (row_balance (window, client), ==, owes);
  g_assert_cmpstr (details_label (window, client, "balance_label"), ==, owes);
}

static void
assert_package_left (KabWindow *window,
                     gint64     client,
                     int        left,
                     int        size)
{
  g_autofree char *state = g_strdup_printf ("%d of %d left", left, size);
  const char *summary = details_label (window, client, "summary_label");

  if (strstr (summary, state) == NULL)
    g_error ("The client's details say “%s”, not “%s”", summary, state);
}

static void
set_status (KabWindow  *window,
            gint64      session,
            const char *status)
{
  show_view (window, "calendar");
  g_assert_true (gtk_widget_activate_action (view_of (window, KAB_TYPE_CALENDAR_VIEW),
                                             "calendar.set-status", "(xs)", session, status));
  kab_test_iterate ();
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 &&
      gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Answers the "Sell a Package?" question with Sell, as a click would. */
static void
sell_in_dialog (const char *name)
{
  GtkWindow *dialog = kab_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_autofree char *heading = NULL;

  g_assert_nonnull (dialog);
  heading = g_strdup (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_nonnull (strstr (heading, name));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "sell");
  gtk_window_destroy (dialog);
  kab_test_iterate ();
}

/* Finding 2 and its toast: a package of 3 is sold in Payments, three sessions marked
 * attended in the calendar use it up with no charge, the fourth is charged on its own and
 * its toast sells the next package, which covers it; undoing an attended session gives
 * its place back. */

static void
check_package (Fixture   *f,
               KabWindow *window)
{
  KabStore *store = kab_window_get_store (window);
  g_autoptr(GDateTime) evening = today_at (23);
  GtkWidget *button;

  /* The day's sessions have taken place (the store's clock stands in the evening). */
  kab_store_set_test_now (evening);

  show_view (window, "payments");
  g_assert_true (gtk_widget_activate_action (view_of (window, KAB_TYPE_PAYMENTS_VIEW),
                                             "payments.show-client", "x", f->client));
  g_assert_true (gtk_widget_activate_action (view_of (window, KAB_TYPE_PAYMENTS_VIEW),
                                             "payments.sell-package", NULL));
  kab_test_iterate ();
  sell_in_dialog ("Åsa Berg");
  assert_owes (window, f->client, 450000);
  assert_package_left (window, f->client, 3, 3);

  for (int i = 0; i < 3; i++)
    set_status (window, f->sessions[i], "attended");
  assert_owes (window, f->client, 450000);
  assert_package_left (window, f->client, 0, 3);

  /* The fourth goes beyond it: the practice's fee, and the toast offers the next one. */
  set_status (window, f->sessions[3], "attended");
  assert_owes (window, f->client, 450000 + 100000);
  show_view (window, "calendar");
  button = find_button (GTK_WIDGET (window), "_Sell Package…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  kab_test_iterate ();
  g_assert_cmpstr (kab_window_get_visible_view (window), ==, "payments");
  sell_in_dialog ("Åsa Berg");
  /* Sold today, the new package covers today's fourth session: its charge goes. */
  assert_owes (window, f->client, 2 * 450000);
  assert_package_left (window, f->client, 2, 3);

  /* Planned again, the second session gives its place back to the first package, which
   * now covers the fourth in date order: the new one is whole again. */
  set_status (window, f->sessions[1], "planned");
  assert_owes (window, f->client, 2 * 450000);
  assert_package_left (window, f->client, 3, 3);
  g_assert_true (kab_store_get_balance (store, f->client, &(gint64){ 0 }, NULL));
}

static void
test_package (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(KabStore) store = open_practice (f);

  f->client = add_client (store, KAB_BILLING_PLAN_PACKAGE, 450000, 3);
  for (int i = 0; i < 4; i++)
    {
      g_autoptr(GDateTime) start = today_at (8 + i);

      f->sessions[i] = add_session (store, f->client, start, 0);
    }
  g_clear_object (&store);

  run_kabinett (f, check_package);
}

/* Finding 3: a late cancellation charged at 60 % keeps its charge when the practice's
 * share changes and the session is opened and saved again with a new note. */

static void
check_history (Fixture   *f,
               KabWindow *window)
{
  KabStore *store = kab_window_get_store (window);
  g_autoptr(KabPractice) practice = kab_practice_copy (kab_store_get_practice (store));
  g_autoptr(GError) error = NULL;
  KabSessionDialog *dialog;
  GObject *note_row, *save_button;

  set_status (window, f->sessions[0], "cancelled-late");
  assert_owes (window, f->client, 72000);

  /* What Preferences does when the share is set to 100 %. */
  kab_practice_set_late_cancel_percent (practice, 100);
  g_assert_true (kab_store_save_practice (store, practice, &error));
  g_assert_no_error (error);

  show_view (window, "calendar");
  g_assert_true (gtk_widget_activate_action (view_of (window, KAB_TYPE_CALENDAR_VIEW),
                                             "calendar.edit-session", "x", f->sessions[0]));
  kab_test_iterate ();
  dialog = KAB_SESSION_DIALOG (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));
  g_assert_nonnull (dialog);
  kab_test_wait_until_mapped (GTK_WIDGET (dialog));
  note_row = gtk_widget_get_template_child (GTK_WIDGET (dialog), KAB_TYPE_SESSION_DIALOG, "note_row");
  save_button = gtk_widget_get_template_child (GTK_WIDGET (dialog), KAB_TYPE_SESSION_DIALOG, "save_button");
  gtk_editable_set_text (GTK_EDITABLE (note_row), "Avbokade via sms");
  kab_test_iterate ();
  g_signal_emit_by_name (save_button, "clicked");
  kab_test_iterate ();
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));

  assert_owes (window, f->client, 72000);
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(KabStore) store = open_practice (f);
  g_autoptr(GDateTime) start = today_at (0);
  g_autoptr(GDateTime) week_ago = g_date_time_add_days (start, -7);
  g_autoptr(GDateTime) at_ten = g_date_time_add_hours (week_ago, 10);

  f->client = add_client (store, KAB_BILLING_PLAN_PER_SESSION, 120000, 10);
  f->sessions[0] = add_session (store, f->client, at_ten, 120000);
  g_clear_object (&store);

  run_kabinett (f, check_history);
}

/* Finding 4 and the currency: while the ledger is empty a new currency shows at once in
 * the client list and details; once money is in it, a change is refused with the reason,
 * and the list keeps the practice's one currency. */

static KabPreferencesWindow *
open_preferences (KabWindow *window)
{
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (g_application_get_default ()), "preferences", NULL);
  kab_test_iterate ();
  preferences = kab_test_find_toplevel (KAB_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  kab_test_wait_until_mapped (GTK_WIDGET (preferences));
  return KAB_PREFERENCES_WINDOW (preferences);
}

static void
choose_currency (KabPreferencesWindow *preferences,
                 const char           *code)
{
  AdwComboRow *row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                                   KAB_TYPE_PREFERENCES_WINDOW,
                                                                   "currency_row"));
  GListModel *codes = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (codes); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (codes), i), code) == 0)
      {
        adw_combo_row_set_selected (row, i);
        kab_test_iterate ();
        return;
      }
  g_assert_not_reached ();
}

static const char *
chosen_currency (KabPreferencesWindow *preferences)
{
  AdwComboRow *row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                                   KAB_TYPE_PREFERENCES_WINDOW,
                                                                   "currency_row"));

  return gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)),
                                     adw_combo_row_get_selected (row));
}

static void
check_currency (Fixture   *f,
                KabWindow *window)
{
  KabStore *store = kab_window_get_store (window);
  KabPreferencesWindow *preferences;
  GtkWindow *refusal;
  g_autoptr(KabCharge) charge = kab_charge_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *owed = NULL;

  g_assert_cmpstr (kab_client_row_get_currency (client_row (window, f->client)), ==, "SEK");
  g_assert_cmpstr (details_label (window, f->client, "currency_label"), ==, "kr");

  preferences = open_preferences (window);
  choose_currency (preferences, "EUR");
  g_assert_cmpstr (kab_practice_get_currency (kab_store_get_practice (store)), ==, "EUR");
  gtk_window_destroy (GTK_WINDOW (preferences));
  kab_test_iterate ();

  /* At once, without a restart. */
  g_assert_cmpstr (kab_client_row_get_currency (client_row (window, f->client)), ==, "EUR");
  g_assert_cmpstr (details_label (window, f->client, "currency_label"), ==, "€");

  g_object_set (charge, "client-id", f->client, "date", now, "amount", (gint64)9000,
                "currency", "EUR", "kind", KAB_CHARGE_KIND_OTHER, NULL);
  g_assert_true (kab_store_save_charge (store, charge, &error));
  g_assert_no_error (error);
  {
    g_autofree char *money = kab_money_format (9000, "EUR");

    owed = g_strdup_printf ("Owes %s", money);
  }
  g_assert_cmpstr (row_balance (window, f->client), ==, owed);

  /* Money in the ledger: only an explicit conversion, said in full; cancelled, the row
   * goes back and nothing changes. */
  preferences = open_preferences (window);
  choose_currency (preferences, "SEK");
  g_assert_cmpstr (kab_practice_get_currency (kab_store_get_practice (store)), ==, "EUR");
  g_assert_cmpstr (chosen_currency (preferences), ==, "EUR");
  refusal = kab_test_find_toplevel (KAB_TYPE_CURRENCY_DIALOG);
  g_assert_nonnull (refusal);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (refusal)),
                            "stays as it is"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (refusal), "cancel");
  gtk_window_destroy (refusal);
  kab_test_iterate ();
  g_assert_cmpstr (row_balance (window, f->client), ==, owed);

  /* Converted at 11.50: the client list shows the balance in kronor at once. */
  choose_currency (preferences, "SEK");
  refusal = kab_test_find_toplevel (KAB_TYPE_CURRENCY_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (refusal),
                                                                      KAB_TYPE_CURRENCY_DIALOG,
                                                                      "rate_row")), "11.50");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (refusal), "convert");
  gtk_window_destroy (refusal);
  gtk_window_destroy (GTK_WINDOW (preferences));
  kab_test_iterate ();

  g_assert_cmpstr (kab_practice_get_currency (kab_store_get_practice (store)), ==, "SEK");
  g_assert_cmpstr (kab_client_row_get_currency (client_row (window, f->client)), ==, "SEK");
  {
    g_autofree char *money = kab_money_format (103500, "SEK");
    g_autofree char *converted = g_strdup_printf ("Owes %s", money);

    g_assert_cmpstr (row_balance (window, f->client), ==, converted);
  }
}

static void
test_currency (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(KabStore) store = open_practice (f);

  f->client = add_client (store, KAB_BILLING_PLAN_PER_SESSION, 120000, 10);
  g_clear_object (&store);

  run_kabinett (f, check_currency);
}

/* Finding 6: in a weekly series, one session deleted and one moved by two days stay as
 * they are when the series' fee is changed through its dialog; the session attended
 * keeps its charge. */

static KabSessionDialog *
open_dialog (KabWindow  *window,
             const char *action,
             gint64      session)
{
  KabSessionDialog *dialog;

  show_view (window, "calendar");
  g_assert_true (gtk_widget_activate_action (view_of (window, KAB_TYPE_CALENDAR_VIEW), action,
                                             "x", session));
  kab_test_iterate ();
  dialog = KAB_SESSION_DIALOG (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));
  g_assert_nonnull (dialog);
  kab_test_wait_until_mapped (GTK_WIDGET (dialog));
  return dialog;
}

static gpointer
dialog_child (KabSessionDialog *dialog,
              const char       *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (dialog), KAB_TYPE_SESSION_DIALOG, name);
}

static void
save_dialog (KabSessionDialog *dialog)
{
  g_signal_emit_by_name (dialog_child (dialog, "save_button"), "clicked");
  kab_test_iterate ();
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));
}

static void
check_series (Fixture   *f,
              KabWindow *window)
{
  KabStore *store = kab_window_get_store (window);
  g_autoptr(GListModel) sessions = NULL;
  GtkWindow *question;
  KabSessionDialog *dialog;
  g_autoptr(KabSession) moved = kab_store_load_session (store, f->sessions[2], NULL);
  g_autoptr(GDateTime) moved_local = g_date_time_to_local (kab_session_get_start (moved));
  /* The same time of day, two days later, whatever the clocks do in between. */
  g_autoptr(GDateTime) moved_to = g_date_time_add_days (moved_local, 2);
  g_autofree char *new_fee = kab_money_format (130000, "SEK");
  guint on_old_day = 0, on_new_day = 0;

  set_status (window, f->sessions[0], "attended");
  assert_owes (window, f->client, 120000);

  /* Delete this one (not the rest of the series). */
  show_view (window, "calendar");
  g_assert_true (gtk_widget_activate_action (view_of (window, KAB_TYPE_CALENDAR_VIEW),
                                             "calendar.delete-session", "x", f->sessions[1]));
  kab_test_iterate ();
  question = kab_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "delete");
  gtk_window_destroy (question);
  kab_test_iterate ();

  /* Two days later, through its dialog's calendar. */
  dialog = open_dialog (window, "calendar.edit-session", f->sessions[2]);
  {
    g_autoptr(GDateTime) noon = g_date_time_add_hours (moved_to, 2);

    gtk_calendar_select_day (dialog_child (dialog, "date_calendar"), noon);
    g_signal_emit_by_name (dialog_child (dialog, "date_calendar"), "day-selected");
    kab_test_iterate ();
  }
  save_dialog (dialog);

  /* The series' fee, through the series' dialog. */
  dialog = open_dialog (window, "calendar.edit-series", f->sessions[3]);
  gtk_editable_set_text (dialog_child (dialog, "fee_row"), new_fee);
  kab_test_iterate ();
  save_dialog (dialog);

  sessions = kab_store_list_client_sessions (store, f->client, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 5);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);
      GDateTime *start = kab_session_get_start (session);

      /* Nothing on the deleted one's day. */
      g_assert_cmpint (kab_session_get_id (session), !=, f->sessions[1]);
      if (g_date_time_equal (start, kab_session_get_start (moved)))
        on_old_day++;
      if (g_date_time_equal (start, moved_to))
        on_new_day++;
      if (kab_session_get_id (session) == f->sessions[3])
        g_assert_cmpint (kab_session_get_fee (session), ==, 130000);
      if (kab_session_get_id (session) == f->sessions[2])
        g_assert_cmpint (kab_session_get_fee (session), ==, 120000);
    }
  g_assert_cmpuint (on_old_day, ==, 0);
  g_assert_cmpuint (on_new_day, ==, 1);
  assert_owes (window, f->client, 120000);
}

static void
test_series (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(KabStore) store = open_practice (f);
  g_autoptr(KabSeries) series = kab_series_new ();
  g_autoptr(GDateTime) today = today_at (0);
  g_autoptr(GDateTime) first = g_date_time_add_days (today, -14);
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GError) error = NULL;

  f->client = add_client (store, KAB_BILLING_PLAN_PER_SESSION, 120000, 10);
  g_object_set (series, "client-id", f->client, "first-date", first, "start-minute", 600,
                "duration", 50, "interval-weeks", 1, "fee", (gint64)120000, "max-count", 6,
                NULL);
  g_assert_true (kab_store_save_series (store, series, &error));
  g_assert_no_error (error);

  /* Two weeks ago (attended), then three weeks ahead: deleted, moved, and the one whose
   * series is edited. */
  sessions = kab_store_list_client_sessions (store, f->client, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 6);
  for (guint i = 0, at[] = { 0, 3, 4, 5 }; i < G_N_ELEMENTS (at); i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, at[i]);

      f->sessions[i] = kab_session_get_id (session);
    }
  g_clear_object (&store);

  run_kabinett (f, check_series);
}

int
main (int   argc,
      char *argv[])
{
  kab_test_ui_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/billing-ui/" name, Fixture, NULL, NULL, func, fixture_tear_down)

  ADD ("package-used-up-and-sold-again", test_package);
  ADD ("past-charge-kept", test_history);
  ADD ("one-currency", test_currency);
  ADD ("series-edit-keeps-exceptions", test_series);

#undef ADD

  return g_test_run ();
}
