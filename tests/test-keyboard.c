/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-keyboard.c: whole workflows done with the keyboard alone. The keys are real X11
 * key events (xdotool, through the XTEST extension of Xvfb), not actions called from C:
 * what is tested is what a person without a mouse can do. */

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <gdk/x11/gdkx.h>

#include "kab-application.h"
#include "kab-consent-document.h"
#include "kab-consent-templates.h"
#include "kab-preferences-window.h"
#include "kab-test-ui-util.h"
#include "kab-test-util.h"
#include "kab-window.h"
#include "calendar/kab-calendar-view.h"
#include "calendar/kab-export-dialog.h"
#include "calendar/kab-session-block.h"
#include "calendar/kab-session-dialog.h"
#include "calendar/kab-today-page.h"
#include "clients/kab-client-details.h"
#include "clients/kab-clients-view.h"
#include "clients/kab-new-client-dialog.h"
#include "common/kab-consent-row.h"
#include "consent/kab-agreement-dialog.h"
#include "payments/kab-payments-view.h"
#include "journal/kab-journal-editor.h"
#include "journal/kab-journal-window.h"
#include "payments/kab-payment-dialog.h"

/* Generous: CI is a loaded two-core machine. Nothing here measures time. */
#define WAIT_SECONDS 30

typedef gboolean (*Condition) (gpointer data);

static void
on_xdotool_done (GObject      *process,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (process), result, NULL);
  *(gboolean *) data = TRUE;
}

static void
xdotool (const char *first,
         ...)
{
  gboolean done = FALSE;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);

  /* Kabinett keeps handling its events while the keys arrive. */
  g_subprocess_wait_async (process, NULL, on_xdotool_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  kab_test_iterate ();
  g_assert_true (g_subprocess_get_successful (process));
}

static void
wait_for (Condition   condition,
          gpointer    data,
          const char *what)
{
  gint64 give_up = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > give_up)
        g_error ("gave up waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* What a window manager does for a new window: give it the keyboard. */
static void
focus (GtkWindow *window)
{
  g_autofree char *xid = NULL;

  kab_test_wait_until_mapped (GTK_WIDGET (window));
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  xdotool ("windowfocus", "--sync", xid, NULL);
  kab_test_iterate ();
}

typedef struct
{
  GType       type;
  GtkWindow  *found;
} Toplevel;

static gboolean
toplevel_shown (gpointer data)
{
  Toplevel *toplevel = data;

  toplevel->found = kab_test_find_toplevel (toplevel->type);
  return toplevel->found != NULL && gtk_widget_get_mapped (GTK_WIDGET (toplevel->found));
}

static gboolean
toplevel_gone (gpointer data)
{
  Toplevel *toplevel = data;

  return kab_test_find_toplevel (toplevel->type) == NULL;
}

static GtkWindow *
wait_for_window (GType type)
{
  Toplevel toplevel = { type, NULL };

  wait_for (toplevel_shown, &toplevel, g_type_name (type));
  focus (toplevel.found);

  return toplevel.found;
}

static void
wait_for_window_gone (GType type)
{
  Toplevel toplevel = { type, NULL };

  wait_for (toplevel_gone, &toplevel, g_type_name (type));
}

/* What has the keyboard focus: for the log, when a flow stalls. */
static void
log_focus (const char *when)
{
  GtkWindow *active = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GString) path = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_is_active (window))
        active = window;
    }

  if (active != NULL)
    for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (active)); w != NULL; w = gtk_widget_get_parent (w))
      g_string_append_printf (path, "%s < ", G_OBJECT_TYPE_NAME (w));

  g_test_message ("focus %s: %s", when, path->str);
}

/* The workflows */

typedef struct
{
  KabWindow *window;
  KabStore  *store;
} Flow;

static KabClient *
find_client (KabStore   *store,
             const char *given,
             const char *family)
{
  GListModel *clients = kab_store_get_clients (store);

  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (clients, i);

      if (g_strcmp0 (kab_client_get_given_name (client), given) == 0 &&
          g_strcmp0 (kab_client_get_family_name (client), family) == 0)
        return client;
    }

  return NULL;
}

static gboolean
client_added (gpointer data)
{
  Flow *flow = data;

  return find_client (flow->store, "Agnes", "Lindqvist") != NULL;
}

static gboolean
payment_recorded (gpointer data)
{
  Flow *flow = data;
  KabClient *client = find_client (flow->store, "Agnes", "Lindqvist");

  return client != NULL && kab_client_get_balance (client) == -45000;
}

static void
flow_create_client_and_pay (Flow *flow)
{
  /* Alt+1, Ctrl+N: the new-client dialog; the given name has the focus. */
  xdotool ("key", "--delay", "80", "alt+1", "ctrl+n", NULL);
  wait_for_window (KAB_TYPE_NEW_CLIENT_DIALOG);
  xdotool ("type", "--delay", "30", "Agnes", NULL);
  xdotool ("key", "--delay", "80", "Tab", NULL);
  xdotool ("type", "--delay", "30", "Lindqvist", NULL);
  xdotool ("key", "Return", NULL);
  wait_for (client_added, flow, "the new client");
  wait_for_window_gone (KAB_TYPE_NEW_CLIENT_DIALOG);

  /* Alt+3, Ctrl+Shift+P: the payment dialog. Its client chooser has the focus: Return
   * opens its search, typing finds her, Return chooses her and moves on to the amount. */
  focus (GTK_WINDOW (flow->window));
  xdotool ("key", "--delay", "80", "alt+3", "ctrl+shift+p", NULL);
  wait_for_window (KAB_TYPE_PAYMENT_DIALOG);
  xdotool ("key", "--delay", "150", "Return", NULL);
  xdotool ("type", "--delay", "30", "lindq", NULL);
  xdotool ("key", "--delay", "150", "Return", NULL);
  xdotool ("type", "--delay", "30", "450", NULL);
  xdotool ("key", "Return", NULL);
  wait_for (payment_recorded, flow, "the payment of 450");
  wait_for_window_gone (KAB_TYPE_PAYMENT_DIALOG);
}

/* Setting the scene is not part of a workflow: the store is written directly. */
static gint64
add_client (Flow       *flow,
            const char *given,
            const char *family)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(GError) error = NULL;

  kab_client_set_given_name (client, given);
  kab_client_set_family_name (client, family);
  kab_store_save_client (flow->store, client, &error);
  g_assert_no_error (error);
  kab_test_iterate ();

  return kab_client_get_id (find_client (flow->store, given, family));
}

typedef struct
{
  Flow   *flow;
  gint64  client_id;
} ClientFlow;

static gboolean
weekly_series_booked (gpointer data)
{
  ClientFlow *cf = data;
  g_autoptr(GListModel) sessions = kab_store_list_client_sessions (cf->flow->store, cf->client_id, NULL);

  for (guint i = 0; sessions != NULL && i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(KabSeries) series = NULL;

      if (kab_session_get_series_id (session) <= 0)
        continue;
      series = kab_store_load_series (cf->flow->store, kab_session_get_series_id (session), NULL);
      return series != NULL && kab_series_get_interval_weeks (series) == 1 &&
             kab_series_get_client_id (series) == cf->client_id;
    }

  return FALSE;
}

static gboolean
repeats_shown (gpointer data)
{
  GtkWidget *dialog = GTK_WIDGET (kab_test_find_toplevel (KAB_TYPE_SESSION_DIALOG));
  GtkWidget *row = dialog != NULL ? GTK_WIDGET (gtk_widget_get_template_child (dialog, KAB_TYPE_SESSION_DIALOG, "repeat_row")) : NULL;
  GtkWidget *revealer = row != NULL ? kab_test_find_by_type (row, GTK_TYPE_REVEALER) : NULL;

  return revealer != NULL && adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (row)) &&
         gtk_revealer_get_child_revealed (GTK_REVEALER (revealer));
}

/* Alt+2, Ctrl+N: a new session, its client chooser focused. Return opens the chooser's
 * search, typing finds her, Return chooses her; Alt+R goes to Repeats, Tab to its
 * switch, Space turns it on (every week is what it proposes); Alt+S saves. */
static void
flow_book_weekly_series (Flow *flow)
{
  ClientFlow cf = { flow, 0 };

  add_client (flow, "Bertil", "Ahlgren");
  cf.client_id = add_client (flow, "Agnes", "Lindqvist");

  focus (GTK_WINDOW (flow->window));
  xdotool ("key", "--delay", "80", "alt+2", "ctrl+n", NULL);
  wait_for_window (KAB_TYPE_SESSION_DIALOG);
  log_focus ("dialog open");
  xdotool ("key", "--delay", "150", "Return", NULL);
  xdotool ("type", "--delay", "30", "lindq", NULL);
  xdotool ("key", "--delay", "150", "Return", NULL);
  log_focus ("client chosen");
  xdotool ("key", "--delay", "150", "alt+r", "Tab", "space", NULL);
  wait_for (repeats_shown, NULL, "the repeat settings");
  log_focus ("repeats on");
  xdotool ("key", "--delay", "150", "alt+s", NULL);
  wait_for (weekly_series_booked, &cf, "a weekly series for Agnes");
  wait_for_window_gone (KAB_TYPE_SESSION_DIALOG);
}

static GtkWidget *
focus_widget (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_is_active (window))
        return gtk_root_get_focus (GTK_ROOT (window));
    }

  return NULL;
}

/* Presses @key until the focus is on a widget that @accept takes, at most @max times. */
static GtkWidget *
press_until (const char *key,
             gboolean  (*accept) (GtkWidget *widget),
             guint       max,
             const char *what)
{
  for (guint i = 0; i < max; i++)
    {
      GtkWidget *focused = focus_widget ();

      /* The keyboard is never lost to a widget that cannot be seen. */
      if (focused != NULL && !gtk_widget_get_mapped (focused))
        {
          log_focus (what);
          g_error ("%s gave the keyboard to a hidden %s", key, G_OBJECT_TYPE_NAME (focused));
        }
      if (focused != NULL && accept (focused))
        return focused;
      xdotool ("key", "--delay", "60", key, NULL);
    }

  log_focus (what);
  g_error ("%s never reached %s", key, what);
}

static gboolean
is_session_block (GtkWidget *widget)
{
  return KAB_IS_SESSION_BLOCK (widget);
}

static gboolean
is_today_menu (GtkWidget *widget)
{
  return gtk_widget_get_ancestor (widget, GTK_TYPE_MENU_BUTTON) != NULL &&
         gtk_widget_get_ancestor (widget, KAB_TYPE_TODAY_PAGE) != NULL;
}

static gboolean
is_menu_item_with (GtkWidget  *widget,
                   const char *word)
{
  GtkWidget *label = GTK_IS_LABEL (widget) ? widget : kab_test_find_by_type (widget, GTK_TYPE_LABEL);
  g_autofree char *text = label != NULL ? g_utf8_strdown (gtk_label_get_label (GTK_LABEL (label)), -1) : NULL;

  return gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER_MENU) != NULL &&
         text != NULL && strstr (text, word) != NULL;
}

static gboolean
is_late_cancellation_item (GtkWidget *widget)
{
  return is_menu_item_with (widget, "late");
}

static gboolean
is_journal_item (GtkWidget *widget)
{
  return is_menu_item_with (widget, "journal");
}

typedef struct
{
  Flow   *flow;
  gint64  session_id;
} SessionFlow;

static gboolean
session_cancelled_late (gpointer data)
{
  SessionFlow *sf = data;
  g_autoptr(KabSession) session = kab_store_load_session (sf->flow->store, sf->session_id, NULL);

  return session != NULL && kab_session_get_status (session) == KAB_SESSION_STATUS_CANCELLED_LATE;
}

/* Alt+2, Alt+W, T: this week. Tab reaches the session, Return opens its menu, Down reaches
 * "Cancelled late", Return marks it. */
static void
flow_cancel_late (Flow *flow)
{
  gint64 client_id = add_client (flow, "Agnes", "Lindqvist");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 10, 0, 0);
  g_autoptr(KabSession) session = kab_session_new ();
  g_autoptr(GError) error = NULL;
  SessionFlow sf = { flow, 0 };

  kab_session_set_client_id (session, client_id);
  kab_session_set_start (session, start);
  kab_session_set_duration (session, 50);
  kab_store_save_session (flow->store, session, &error);
  g_assert_no_error (error);
  sf.session_id = kab_session_get_id (session);
  g_assert_cmpint (sf.session_id, >, 0);

  focus (GTK_WINDOW (flow->window));
  xdotool ("key", "--delay", "80", "alt+2", "alt+w", "t", NULL);
  press_until ("Tab", is_session_block, 60, "the session in the week");
  xdotool ("key", "--delay", "150", "Return", NULL);
  press_until ("Down", is_late_cancellation_item, 20, "Cancelled late in the session's menu");
  xdotool ("key", "--delay", "150", "Return", NULL);
  wait_for (session_cancelled_late, &sf, "the session cancelled late");
}

static gint64
add_session_today (Flow   *flow,
                   gint64  client_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 10, 0, 0);
  g_autoptr(KabSession) session = kab_session_new ();
  g_autoptr(GError) error = NULL;

  kab_session_set_client_id (session, client_id);
  kab_session_set_start (session, start);
  kab_session_set_duration (session, 50);
  kab_store_save_session (flow->store, session, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kab_session_get_id (session), >, 0);
  kab_test_iterate ();

  return kab_session_get_id (session);
}

typedef struct
{
  Flow   *flow;
  gint64  client_id;
} JournalFlow;

static gboolean
note_signed (gpointer data)
{
  JournalFlow *jf = data;
  g_autoptr(GListModel) entries = kab_store_list_journal (jf->flow->store, jf->client_id, NULL, NULL, NULL);

  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(KabJournalEntry) entry = g_list_model_get_item (entries, i);

      if (kab_journal_entry_is_signed (entry) &&
          strstr (kab_journal_entry_get_text (entry), "Talked about sleep.") != NULL)
        return TRUE;
    }

  return FALSE;
}

/* The session's journal note: from its menu in the week, "Journal Note…" opens the
 * editor with the text focused; typing writes the draft, Alt+S signs it. */
static void
flow_sign_journal_note (Flow *flow)
{
  JournalFlow jf = { flow, add_client (flow, "Agnes", "Lindqvist") };
  KabPractice *practice = kab_store_get_practice (flow->store);
  g_autoptr(GError) error = NULL;

  /* An entry is signed with the practitioner's name, from Preferences. */
  kab_practice_set_practitioner_name (practice, "Karin Berg");
  kab_store_save_practice (flow->store, practice, &error);
  g_assert_no_error (error);
  add_session_today (flow, jf.client_id);

  focus (GTK_WINDOW (flow->window));
  xdotool ("key", "--delay", "80", "alt+2", "alt+w", "t", NULL);
  press_until ("Tab", is_session_block, 60, "the session in the week");
  xdotool ("key", "--delay", "150", "Return", NULL);
  press_until ("Down", is_journal_item, 30, "Journal Note in the session's menu");
  xdotool ("key", "--delay", "150", "Return", NULL);
  wait_for_window (KAB_TYPE_JOURNAL_EDITOR);
  xdotool ("type", "--delay", "30", "Talked about sleep.", NULL);
  xdotool ("key", "--delay", "150", "alt+s", NULL);
  wait_for (note_signed, &jf, "the signed journal note");
}

/* Recording a payment from the Payments view */

static gboolean
is_record_for_button (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "payments.record-for") == 0;
}

/* A page of a view switcher, by its title. */
static gboolean
is_switcher_page (GtkWidget  *widget,
                  const char *title)
{
  g_autofree char *label = NULL;

  if (gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_SWITCHER) == NULL ||
      g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "label") == NULL)
    return FALSE;
  g_object_get (widget, "label", &label, NULL);
  return g_strcmp0 (label, title) == 0;
}

static gboolean
is_debts_page (GtkWidget *widget)
{
  return is_switcher_page (widget, "Debts");
}

typedef struct
{
  Flow             *flow;
  gint64            client_id;
  KabPaymentMethod  method;
} PaymentFlow;

/* The one payment of the flow's client, once saved. */
static KabPayment *
only_payment (PaymentFlow *pf)
{
  g_autoptr(GListModel) payments = kab_store_list_payments (pf->flow->store, pf->client_id, NULL, NULL, NULL);

  if (payments == NULL || g_list_model_get_n_items (payments) != 1)
    return NULL;
  return g_list_model_get_item (payments, 0);
}

static gboolean
partial_payment_recorded (gpointer data)
{
  g_autoptr(KabPayment) payment = only_payment (data);

  return payment != NULL;
}

static AdwComboRow *
method_row (void)
{
  GtkWidget *dialog = GTK_WIDGET (kab_test_find_toplevel (KAB_TYPE_PAYMENT_DIALOG));

  g_assert_nonnull (dialog);
  return ADW_COMBO_ROW (gtk_widget_get_template_child (dialog, KAB_TYPE_PAYMENT_DIALOG, "method_row"));
}

/* The list has closed on another method, and the keyboard is back in the dialog. The
 * rows are in the order of the enumeration. */
static gboolean
method_chosen (gpointer data)
{
  PaymentFlow *pf = data;
  GtkWidget *focused = focus_widget ();
  guint selected = adw_combo_row_get_selected (method_row ());

  if (selected == (guint) pf->method || focused == NULL ||
      gtk_widget_get_ancestor (focused, GTK_TYPE_POPOVER) != NULL)
    return FALSE;
  pf->method = selected;
  return TRUE;
}

static gboolean
focus_in_calendar (gpointer data)
{
  GtkWidget *focused = focus_widget ();

  return focused != NULL && GTK_IS_CALENDAR (focused);
}

static gboolean
focus_on_date_button (gpointer data)
{
  GtkWidget *focused = focus_widget ();
  GtkWidget *button = focused != NULL ? gtk_widget_get_ancestor (focused, GTK_TYPE_MENU_BUTTON) : NULL;

  GtkPopover *popover = button != NULL ? gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)) : NULL;

  return popover != NULL && !gtk_widget_get_visible (GTK_WIDGET (popover)) &&
         gtk_widget_get_ancestor (focused, GTK_TYPE_POPOVER) == NULL;
}

/* A client owes 450 for a session. Alt+3 shows Payments; Tab reaches the switcher's
 * Debts and Space shows who owes; Tab reaches her "Record Payment…", Return opens the
 * dialog on the amount she owes. Ctrl+A and typing pay part of it; Alt+M opens the methods, End and
 * Return choose the last one (libadwaita 1.2 puts the list's focus on its first row,
 * not on the chosen one, so Down would depend on the country's usual method); Alt+D
 * opens the date. GTK 4.8's calendar starts its keyboard cursor on no day at all, so
 * the first Right goes to the first day it shows, a day of the month before, and Space
 * chooses it. Alt+S saves. */
static void
flow_record_payment_from_payments (Flow *flow)
{
  PaymentFlow pf = { flow, add_client (flow, "Agnes", "Lindqvist"), 0 };
  g_autoptr(KabCharge) charge = kab_charge_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) earlier = g_date_time_add_days (now, -10);
  g_autoptr(GDateTime) first_of_month = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now), 1, 0, 0, 0);
  g_autoptr(KabPayment) payment = NULL;
  g_autoptr(GDateTime) paid_on = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (charge,
                "client-id", pf.client_id,
                "date", earlier,
                "amount", (gint64) 45000,
                "currency", kab_practice_get_currency (kab_store_get_practice (flow->store)),
                "kind", KAB_CHARGE_KIND_OTHER,
                NULL);
  kab_store_save_charge (flow->store, charge, &error);
  g_assert_no_error (error);
  kab_test_iterate ();

  focus (GTK_WINDOW (flow->window));
  xdotool ("key", "--delay", "80", "alt+3", NULL);
  press_until ("Tab", is_debts_page, 30, "the Debts page of the view switcher");
  xdotool ("key", "--delay", "150", "space", NULL);
  press_until ("Tab", is_record_for_button, 60, "Record Payment… of the client who owes");
  xdotool ("key", "--delay", "150", "Return", NULL);
  wait_for_window (KAB_TYPE_PAYMENT_DIALOG);
  log_focus ("payment dialog open");
  xdotool ("key", "--delay", "80", "ctrl+a", NULL);
  xdotool ("type", "--delay", "30", "300", NULL);
  pf.method = adw_combo_row_get_selected (method_row ());
  xdotool ("key", "--delay", "150", "alt+m", "End", "Return", NULL);
  wait_for (method_chosen, &pf, "another payment method");
  log_focus ("method chosen");
  xdotool ("key", "--delay", "150", "alt+d", NULL);
  wait_for (focus_in_calendar, NULL, "the calendar of the date");
  xdotool ("key", "--delay", "150", "Right", "space", NULL);
  wait_for (focus_on_date_button, NULL, "the date popover closed on its button");
  xdotool ("key", "--delay", "150", "alt+s", NULL);
  wait_for (partial_payment_recorded, &pf, "the payment of 300");
  wait_for_window_gone (KAB_TYPE_PAYMENT_DIALOG);

  payment = only_payment (&pf);
  g_assert_cmpint (kab_payment_get_amount (payment), ==, 30000);
  g_assert_cmpint (kab_payment_get_method (payment), ==, KAB_PAYMENT_METHOD_OTHER);
  g_assert_cmpint (pf.method, ==, KAB_PAYMENT_METHOD_OTHER);
  paid_on = g_date_time_to_local (kab_payment_get_date (payment));
  g_assert_cmpint (g_date_time_compare (paid_on, first_of_month), <, 0);
  g_assert_cmpint (g_date_time_difference (first_of_month, paid_on), <=, 7 * G_TIME_SPAN_DAY);
  g_assert_cmpint (kab_client_get_balance (kab_store_find_client (flow->store, pf.client_id)), ==, 15000);
}

/* Preparing and recording an agreement in the Consent view */

static gboolean
is_named_button (GtkWidget  *widget,
                 const char *name)
{
  return (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)) &&
         g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_prepare_button (GtkWidget *widget)
{
  return is_named_button (widget, "prepare-button");
}

/* The agreement's "Record Signature" under Agreements. A GtkMenuButton gives the
 * keyboard to the button inside it. */
static gboolean
is_sign_button (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return parent != NULL && is_named_button (parent, "date-button") &&
         gtk_widget_get_ancestor (parent, KAB_TYPE_CONSENT_ROW) != NULL;
}

typedef struct
{
  Flow   *flow;
  gint64  client_id;
} ConsentFlow;

static KabConsent *
latest_consent (ConsentFlow *cf)
{
  g_autoptr(GListModel) consents = kab_store_list_consents (cf->flow->store, cf->client_id, NULL);
  guint n = consents != NULL ? g_list_model_get_n_items (consents) : 0;

  return n > 0 ? g_list_model_get_item (consents, n - 1) : NULL;
}

static gboolean
agreement_printed (gpointer data)
{
  g_autoptr(KabConsent) consent = latest_consent (data);

  return consent != NULL && kab_consent_get_printed_on (consent) != NULL;
}

static gboolean
agreement_signed (gpointer data)
{
  g_autoptr(KabConsent) consent = latest_consent (data);

  return consent != NULL && kab_consent_get_signed_on (consent) != NULL;
}

static gboolean
file_chooser_shown (gpointer data)
{
  GtkWindow *chooser = kab_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  return chooser != NULL && gtk_widget_get_mapped (GTK_WIDGET (chooser));
}

/* A client in therapy has a session tomorrow and no agreement. Alt+4 shows Consent, where
 * she is "To Sign"; Tab reaches her "Prepare…", Return opens the agreement with the
 * practice's template. Alt+D saves it as PDF: the file chooser's name takes a whole
 * path, Return saves, and the agreement is on record as printed; the view shows her
 * agreements. Tab reaches its "Record Signature", Return opens the calendar on today,
 * Alt+R records it. */
static void
flow_prepare_and_sign_agreement (Flow *flow)
{
  ConsentFlow cf = { flow, add_client (flow, "Agnes", "Lindqvist") };
  g_autoptr(KabPractice) practice = kab_practice_copy (kab_store_get_practice (flow->store));
  g_autoptr(KabSession) session = kab_session_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (tomorrow), g_date_time_get_month (tomorrow),
                                                      g_date_time_get_day_of_month (tomorrow), 10, 0, 0);
  g_autofree char *dir = g_dir_make_tmp ("kabinett-agreement-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "agreement.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_object_set (practice,
                "practitioner-name", "Karin Berg",
                "title", "Leg. psykolog",
                "address", "Storgatan 1, 111 22 Stockholm",
                "phone", "+46 8 123 45 67",
                "email", "mottagning@example.se",
                "default-fee", (gint64) 120000,
                "cancel-hours", 48,
                NULL);
  kab_store_save_practice (flow->store, practice, &error);
  g_assert_no_error (error);
  g_object_set (session,
                "client-id", cf.client_id,
                "start", start,
                "duration", 50,
                "kind", KAB_SESSION_KIND_PSYCHOTHERAPY,
                NULL);
  kab_store_save_session (flow->store, session, &error);
  g_assert_no_error (error);
  kab_test_iterate ();

  focus (GTK_WINDOW (flow->window));
  xdotool ("key", "--delay", "80", "alt+4", NULL);
  press_until ("Tab", is_prepare_button, 60, "Prepare… of the client to sign");
  xdotool ("key", "--delay", "150", "Return", NULL);
  wait_for_window (KAB_TYPE_AGREEMENT_DIALOG);
  log_focus ("agreement open");
  xdotool ("key", "--delay", "150", "alt+d", NULL);
  wait_for (file_chooser_shown, NULL, "the file chooser");
  focus (kab_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  xdotool ("key", "--delay", "80", "ctrl+a", NULL);
  xdotool ("type", "--delay", "20", pdf, NULL);
  xdotool ("key", "--delay", "150", "Return", NULL);
  wait_for (agreement_printed, &cf, "the agreement on record as printed");
  wait_for_window_gone (KAB_TYPE_AGREEMENT_DIALOG);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  focus (GTK_WINDOW (flow->window));
  press_until ("Tab", is_sign_button, 60, "Record Signature of the client");
  xdotool ("key", "--delay", "150", "Return", NULL);
  log_focus ("signature popover open");
  xdotool ("key", "--delay", "150", "alt+r", NULL);
  wait_for (agreement_signed, &cf, "the agreement recorded as signed");

  kab_test_remove_tree (dir);
}

/* Escape closes every dialog, and nothing is saved by it. */
static void
flow_escape_closes_dialogs (Flow *flow)
{
  static const struct { const char *keys; const char *view; GType (*type) (void); } dialogs[] = {
    { "ctrl+n", "alt+1", kab_new_client_dialog_get_type },
    { "ctrl+shift+p", "alt+3", kab_payment_dialog_get_type },
    { "ctrl+comma", "alt+1", kab_preferences_window_get_type },
    { "ctrl+n", "alt+2", kab_session_dialog_get_type },
    { "ctrl+n", "alt+4", kab_agreement_dialog_get_type },
  };

  /* The calendar and the agreements need a client to plan for. */
  add_client (flow, "Agnes", "Lindqvist");

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      GType type = dialogs[i].type ();

      focus (GTK_WINDOW (flow->window));
      xdotool ("key", "--delay", "80", dialogs[i].view, dialogs[i].keys, NULL);
      wait_for_window (type);
      xdotool ("key", "Escape", NULL);
      wait_for_window_gone (type);
    }
}

/* Escape closes every popover and menu */

/* The popover that has the keyboard, if one is open. */
static GtkWidget *
focused_popover (void)
{
  GtkWidget *focused = focus_widget ();
  GtkWidget *popover = focused != NULL ? gtk_widget_get_ancestor (focused, GTK_TYPE_POPOVER) : NULL;

  return popover != NULL && gtk_widget_get_mapped (popover) ? popover : NULL;
}

static gboolean
popover_has_focus (gpointer data)
{
  return (*(GtkWidget **) data = focused_popover ()) != NULL;
}

static gboolean
popover_closed (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

/* What the popover opens from: its menu button, its combo row, or the widget it hangs on. */
static GtkWidget *
popover_owner (GtkWidget *popover)
{
  GtkWidget *parent = gtk_widget_get_parent (popover);
  GtkWidget *button = gtk_widget_get_ancestor (parent, GTK_TYPE_MENU_BUTTON);
  GtkWidget *row = gtk_widget_get_ancestor (parent, ADW_TYPE_COMBO_ROW);

  return button != NULL ? button : row != NULL ? row : parent;
}

static gboolean
focus_back_on (gpointer data)
{
  GtkWidget *focused = focus_widget ();

  return focused != NULL && (focused == data || gtk_widget_is_ancestor (focused, data));
}

/* @keys open a popover, which takes the keyboard; Escape closes it and gives the keyboard
 * back to what it opened from. Returns what it opened from. */
static GtkWidget *
escape_closes (const char *what,
               const char *keys)
{
  g_auto(GStrv) key_list = g_strsplit (keys, " ", -1);
  GtkWidget *popover = NULL;
  GtkWidget *owner;

  for (guint i = 0; key_list[i] != NULL; i++)
    xdotool ("key", "--delay", "150", key_list[i], NULL);
  wait_for (popover_has_focus, &popover, what);
  owner = popover_owner (popover);
  g_test_message ("%s: open, from a %s", what, G_OBJECT_TYPE_NAME (owner));

  xdotool ("key", "Escape", NULL);
  wait_for (popover_closed, popover, what);
  if (!focus_back_on (owner))
    log_focus (what);
  wait_for (focus_back_on, owner, what);

  return owner;
}

/* Tab until @target, or a widget inside it, has the keyboard. */
static void
tab_to (GtkWidget  *target,
        const char *what)
{
  for (guint i = 0; i < 80; i++)
    {
      GtkWidget *focused = focus_widget ();

      if (focused != NULL && !gtk_widget_get_mapped (focused))
        {
          log_focus (what);
          g_error ("Tab gave the keyboard to a hidden %s", G_OBJECT_TYPE_NAME (focused));
        }
      if (focus_back_on (target))
        return;
      xdotool ("key", "--delay", "60", "Tab", NULL);
    }

  log_focus (what);
  g_error ("Tab never reached %s", what);
}

static GtkWidget *
template_child (GtkWidget  *widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (widget, type, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

static GtkWidget *
view_child (Flow       *flow,
            GType       view_type,
            const char *name)
{
  GtkWidget *view = kab_test_find_by_type (GTK_WIDGET (flow->window), view_type);

  g_assert_nonnull (view);
  return template_child (view, view_type, name);
}

/* The view's menu: the first menu button of its toolbar. */
static GtkWidget *
view_menu_button (Flow  *flow,
                  GType  view_type)
{
  GtkWidget *view = kab_test_find_by_type (GTK_WIDGET (flow->window), view_type);
  GtkWidget *button = view != NULL ? kab_test_find_by_type (view, GTK_TYPE_MENU_BUTTON) : NULL;

  g_assert_nonnull (button);
  g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
  return button;
}

static gboolean
is_sign_popover_button (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return parent != NULL && is_named_button (parent, "sign-button");
}

/* Every popover and menu, opened from the keyboard: the main menu (F10), the views' menus,
 * a session's status menu in the week and in Today, a client's menu and day of birth, her
 * journal's new-entry and print menus, the client choosers and the date popovers of the
 * dialogs (a series' last day, the day a client cancelled), and the day a signature is
 * recorded. Each has the keyboard once open; Escape closes it and
 * the keyboard is back on its button. */
static void
flow_escape_closes_popovers (Flow *flow)
{
  gint64 client_id = add_client (flow, "Agnes", "Lindqvist");
  GtkWidget *dialog;
  GtkWidget *details;
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(KabConsentTemplate) template = NULL;
  g_autoptr(KabConsent) consent = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(KabSession) session = kab_session_new ();
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (tomorrow), g_date_time_get_month (tomorrow),
                                                      g_date_time_get_day_of_month (tomorrow), 10, 0, 0);
  g_autoptr(GError) error = NULL;

  /* A session today for the week, one tomorrow and a printed agreement for "To Sign". */
  add_session_today (flow, client_id);
  g_object_set (session, "client-id", client_id, "start", start, "duration", 50, NULL);
  kab_store_save_session (flow->store, session, &error);
  g_assert_no_error (error);
  kab_consent_ensure_builtin_templates (flow->store, &error);
  g_assert_no_error (error);
  templates = kab_store_list_consent_templates (flow->store, &error);
  g_assert_no_error (error);
  template = g_list_model_get_item (templates, 0);
  consent = kab_consent_record_new (template, kab_store_find_client (flow->store, client_id), "The agreement.", NULL);
  kab_store_save_consent (flow->store, consent, &error);
  g_assert_no_error (error);
  kab_test_iterate ();

  focus (GTK_WINDOW (flow->window));
  escape_closes ("the main menu", "alt+1 F10");
  g_assert_true (escape_closes ("the main menu", "F10") ==
                 template_child (GTK_WIDGET (flow->window), KAB_TYPE_WINDOW, "primary_menu_button"));

  tab_to (view_child (flow, KAB_TYPE_CLIENTS_VIEW, "filter_button"), "the clients' filter");
  escape_closes ("the clients' filter", "Return");

  xdotool ("key", "--delay", "80", "alt+2", "alt+w", NULL);
  tab_to (view_menu_button (flow, KAB_TYPE_CALENDAR_VIEW), "the calendar's menu");
  escape_closes ("the calendar's menu", "Return");
  xdotool ("key", "--delay", "80", "t", NULL);
  press_until ("Tab", is_session_block, 60, "the session in the week");
  g_assert_true (KAB_IS_SESSION_BLOCK (escape_closes ("a session's status menu", "Return")));
  /* Today's list: each session's menu. */
  kab_calendar_view_set_mode (KAB_CALENDAR_VIEW (kab_test_find_by_type (GTK_WIDGET (flow->window), KAB_TYPE_CALENDAR_VIEW)),
                              "day");
  kab_test_iterate ();
  press_until ("Tab", is_today_menu, 80, "a session's menu in Today");
  escape_closes ("a session's menu in Today", "Return");

  xdotool ("key", "--delay", "80", "alt+3", NULL);
  tab_to (view_menu_button (flow, KAB_TYPE_PAYMENTS_VIEW), "the payments' menu");
  escape_closes ("the payments' menu", "Return");

  xdotool ("key", "--delay", "80", "alt+4", NULL);
  press_until ("Tab", is_sign_popover_button, 60, "Record Signature in To Sign");
  escape_closes ("the day of a signature", "Return");

  /* Her own menu and her day of birth, in her details: Ctrl+F finds her, Return shows her. */
  xdotool ("key", "--delay", "80", "alt+1", "ctrl+f", NULL);
  xdotool ("type", "--delay", "30", "Agnes", NULL);
  xdotool ("key", "--delay", "150", "Return", NULL);
  details = kab_test_find_by_type (GTK_WIDGET (flow->window), KAB_TYPE_CLIENT_DETAILS);
  g_assert_nonnull (details);
  tab_to (template_child (details, KAB_TYPE_CLIENT_DETAILS, "menu_button"), "the client's menu");
  escape_closes ("the client's menu", "Return");
  tab_to (template_child (details, KAB_TYPE_CLIENT_DETAILS, "birth_button"), "the day of birth");
  escape_closes ("the day of birth", "Return");

  /* Her journal: the kinds of a new entry, and printing. */
  g_assert_true (gtk_widget_activate_action (details, "details.open-journal", NULL));
  dialog = GTK_WIDGET (wait_for_window (KAB_TYPE_JOURNAL_WINDOW));
  tab_to (kab_test_find_by_id (dialog, "new_button"), "the journal's new entry");
  escape_closes ("the journal's new entry", "Return");
  tab_to (kab_test_find_by_id (dialog, "print_button"), "the journal's printing");
  escape_closes ("the journal's printing", "Return");
  gtk_window_destroy (GTK_WINDOW (dialog));
  kab_test_iterate ();
  focus (GTK_WINDOW (flow->window));

  /* The first and last day of an export, from the calendar's menu ("E" for Export). */
  xdotool ("key", "--delay", "80", "alt+2", NULL);
  tab_to (view_menu_button (flow, KAB_TYPE_CALENDAR_VIEW), "the calendar's menu");
  xdotool ("key", "--delay", "150", "Return", "e", NULL);
  dialog = GTK_WIDGET (wait_for_window (KAB_TYPE_EXPORT_DIALOG));
  /* Its range list closes on Escape too; End and Return choose the last range, "Custom",
   * which shows the first and last day. */
  escape_closes ("the export's range", "alt+r");
  xdotool ("key", "--delay", "150", "alt+r", "End", "Return", NULL);
  tab_to (template_child (dialog, KAB_TYPE_EXPORT_DIALOG, "from_button"), "the export's first day");
  escape_closes ("the export's first day", "Return");
  tab_to (template_child (dialog, KAB_TYPE_EXPORT_DIALOG, "to_button"), "the export's last day");
  escape_closes ("the export's last day", "Return");
  xdotool ("key", "Escape", NULL);
  wait_for_window_gone (KAB_TYPE_EXPORT_DIALOG);
  focus (GTK_WINDOW (flow->window));

  /* The payment dialog: its client chooser has the keyboard first. */
  xdotool ("key", "--delay", "80", "alt+3", "ctrl+shift+p", NULL);
  dialog = GTK_WIDGET (wait_for_window (KAB_TYPE_PAYMENT_DIALOG));
  escape_closes ("the payment's client chooser", "Return");
  escape_closes ("the payment's method", "alt+m");
  tab_to (template_child (dialog, KAB_TYPE_PAYMENT_DIALOG, "date_button"), "the payment's date");
  escape_closes ("the payment's date", "Return");
  xdotool ("key", "Escape", NULL);
  wait_for_window_gone (KAB_TYPE_PAYMENT_DIALOG);

  /* The session dialog, the same way. */
  focus (GTK_WINDOW (flow->window));
  xdotool ("key", "--delay", "80", "alt+2", "ctrl+n", NULL);
  dialog = GTK_WIDGET (wait_for_window (KAB_TYPE_SESSION_DIALOG));
  escape_closes ("the session's client chooser", "Return");
  tab_to (template_child (dialog, KAB_TYPE_SESSION_DIALOG, "date_button"), "the session's date");
  escape_closes ("the session's date", "Return");
  /* A series' last day: the session repeats, until a day. */
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (template_child (dialog, KAB_TYPE_SESSION_DIALOG, "repeat_row")), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (template_child (dialog, KAB_TYPE_SESSION_DIALOG, "repeat_row")), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_child (dialog, KAB_TYPE_SESSION_DIALOG, "ends_row")), 1);
  kab_test_iterate ();
  g_assert_true (gtk_widget_get_visible (template_child (dialog, KAB_TYPE_SESSION_DIALOG, "until_button")));
  tab_to (template_child (dialog, KAB_TYPE_SESSION_DIALOG, "until_button"), "the series' last day");
  escape_closes ("the series' last day", "Return");
  /* Escape would ask whether to drop the changed dialog (first-day's escape-asks). */
  gtk_window_destroy (GTK_WINDOW (dialog));
  kab_test_iterate ();

  /* The day the client cancelled, in tomorrow's session. */
  focus (GTK_WINDOW (flow->window));
  g_assert_true (gtk_widget_activate_action (kab_test_find_by_type (GTK_WIDGET (flow->window), KAB_TYPE_CALENDAR_VIEW),
                                             "calendar.edit-session", "x", kab_session_get_id (session)));
  dialog = GTK_WIDGET (wait_for_window (KAB_TYPE_SESSION_DIALOG));
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (template_child (dialog, KAB_TYPE_SESSION_DIALOG, "cancel_row")), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (template_child (dialog, KAB_TYPE_SESSION_DIALOG, "cancel_row")), TRUE);
  kab_test_iterate ();
  tab_to (template_child (dialog, KAB_TYPE_SESSION_DIALOG, "cancel_date_button"), "the day of cancelling");
  escape_closes ("the day of cancelling", "Return");
  gtk_window_destroy (GTK_WINDOW (dialog));
  kab_test_iterate ();
}

typedef void (*FlowFunc) (Flow *flow);

typedef struct
{
  FlowFunc  func;
  gboolean  done;
} Run;

static gboolean
run_flow (gpointer data)
{
  Run *run = data;
  GtkWindow *main_window = kab_test_find_toplevel (KAB_TYPE_WINDOW);
  Flow flow = { KAB_WINDOW (main_window), kab_window_get_store (KAB_WINDOW (main_window)) };

  focus (main_window);
  run->func (&flow);
  run->done = TRUE;
  g_application_quit (g_application_get_default ());

  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Run            *run)
{
  if (KAB_IS_WINDOW (window))
    g_signal_handlers_disconnect_by_func (app, on_window_added, run), g_idle_add (run_flow, run);
}

static void
run_in_kabinett (gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("kabinett-keyboard-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "practice.db", NULL);
  g_autoptr(KabApplication) app = kab_application_new ();
  char *argv[] = { (char *) "kabinett", (char *) "--database", path, NULL };
  Run run = { (FlowFunc) data, FALSE };

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (run.done);

  kab_test_destroy_all_windows ();
  kab_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  kab_test_ui_init (&argc, &argv);

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()) ||
      !g_find_program_in_path ("xdotool"))
    {
      g_test_skip ("needs an X11 display and xdotool (build-aux/test provides both)");
      return g_test_run ();
    }

  g_test_add_data_func ("/keyboard/create-client-and-pay", flow_create_client_and_pay, run_in_kabinett);
  g_test_add_data_func ("/keyboard/book-weekly-series", flow_book_weekly_series, run_in_kabinett);
  g_test_add_data_func ("/keyboard/cancel-late", flow_cancel_late, run_in_kabinett);
  g_test_add_data_func ("/keyboard/sign-journal-note", flow_sign_journal_note, run_in_kabinett);
  g_test_add_data_func ("/keyboard/record-payment-from-payments", flow_record_payment_from_payments, run_in_kabinett);
  g_test_add_data_func ("/keyboard/prepare-and-sign-agreement", flow_prepare_and_sign_agreement, run_in_kabinett);
  g_test_add_data_func ("/keyboard/escape-closes-popovers", flow_escape_closes_popovers, run_in_kabinett);
  g_test_add_data_func ("/keyboard/escape-closes-dialogs", flow_escape_closes_dialogs, run_in_kabinett);

  return g_test_run ();
}
