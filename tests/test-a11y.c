/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-a11y.c: every control of every view, page and dialog has an accessible name, and
 * what is drawn by hand (sessions, days, the income chart) can be read by a screen reader */

#include "config.h"

#include <adwaita.h>

#include "kab-application.h"
#include "kab-test-ui-util.h"
#include "kab-window.h"
#include "kab-consent-template.h"
#include "kab-store.h"
#include "kab-preferences-window.h"
#include "calendar/kab-export-dialog.h"
#include "calendar/kab-session-dialog.h"
#include "clients/kab-clients-view.h"
#include "clients/kab-new-client-dialog.h"
#include "consent/kab-agreement-dialog.h"
#include "payments/kab-income-chart.h"
#include "payments/kab-payment-dialog.h"
#include "reminders/kab-reminders-dialog.h"
#include "kab-tooltip.h"

typedef struct
{
  GString   *problems;
  guint      n_checked;
  guint      n_drawn;     /* sessions, days and charts drawn by hand, each checked */
} Audit;

/* The elements drawn by hand that stand for a session, a day or the year's income. */
static gboolean
is_drawn_element (GtkWidget *widget)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);

  return KAB_IS_INCOME_CHART (widget) || g_str_equal (type, "KabSessionBlock") ||
         g_str_equal (type, "KabMonthCell");
}

static gboolean
has_visible_text (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      return text != NULL && *text != '\0';
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_visible_text (child))
      return TRUE;

  return FALSE;
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* A preferences row's title names the row and the field inside it. */
static gboolean
in_titled_row (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);

  return row != NULL && has_text (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

/* What a screen reader would say for @widget, as GTK 4.8 computes it: an explicit
 * label, a labelled-by relation, the text it shows, or its tooltip. */
static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY) ||
      has_text (gtk_widget_get_tooltip_text (widget)) ||
      has_text (kab_tooltip_get_text (widget)))
    return TRUE;

  /* GTK 4.8 exposes a search entry's placeholder, and screen readers speak it where
   * nothing else names the field (libadwaita's own preferences search relies on it). */
  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      if (has_text (placeholder))
        return TRUE;
    }

  if (GTK_IS_EDITABLE (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_SWITCH (widget))
    return in_titled_row (widget);

  if (ADW_IS_PREFERENCES_ROW (widget))
    return has_text (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));

  return has_visible_text (widget);
}

/* The controls a user operates; GTK's and libadwaita's own inner parts (the text of an
 * entry, the arrows of a spin button) are named by their owner. */
static gboolean
is_interactive (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget))
    return FALSE;

  if (GTK_IS_LIST_BOX_ROW (widget))
    return gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)) &&
           !ADW_IS_PREFERENCES_ROW (widget) ? TRUE : ADW_IS_ACTION_ROW (widget) &&
           gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget));

  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_PASSWORD_ENTRY (widget) ||
         GTK_IS_DROP_DOWN (widget) || GTK_IS_SCALE (widget) || GTK_IS_TEXT_VIEW (widget) ||
         ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget);
}

/* Inside GTK's own composite widgets, naming is GTK's job: the spin button's +/−,
 * the window's title-bar controls. */
static gboolean
inside_toolkit_part (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  GtkWidget *preferences = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_WINDOW);

  /* libadwaita's preferences search, where a window turns it off: the audit shows every
   * page of every stack, its search page too, which no user can reach. */
  if (GTK_IS_SEARCH_ENTRY (widget) && preferences != NULL &&
      !adw_preferences_window_get_search_enabled (ADW_PREFERENCES_WINDOW (preferences)))
    return TRUE;

  return (parent != NULL && GTK_IS_SPIN_BUTTON (parent)) ||
         gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) != NULL;
}

static char *
describe (GtkWidget *widget)
{
  GString *path = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *id = GTK_IS_BUILDABLE (w) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) : NULL;

      if (path->len > 0)
        g_string_prepend (path, " > ");
      g_string_prepend (path, id != NULL ? id : G_OBJECT_TYPE_NAME (w));
      if (path->len > 200)
        break;
    }

  return g_string_free (path, FALSE);
}

static void
audit_tree (Audit     *audit,
            GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (is_interactive (widget) && !inside_toolkit_part (widget))
    {
      audit->n_checked++;
      if (!has_name (widget))
        {
          g_autofree char *where = describe (widget);

          g_string_append_printf (audit->problems, "  no accessible name: %s\n", where);
        }
    }

  /* Drawn by hand: a session or a day says what it is, the income chart its figures. */
  if (is_drawn_element (widget))
    {
      GtkAccessibleProperty needed = KAB_IS_INCOME_CHART (widget)
                                     ? GTK_ACCESSIBLE_PROPERTY_DESCRIPTION
                                     : GTK_ACCESSIBLE_PROPERTY_LABEL;

      audit->n_drawn++;
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), needed))
        {
          g_autofree char *where = describe (widget);

          g_string_append_printf (audit->problems, "  drawn without a text alternative: %s\n", where);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    audit_tree (audit, child);
}

static void audit_with_pages (Audit *audit, GtkWidget *widget);

/* Every page of every stack: Payments' and Consent's pages, the calendar's modes,
 * Preferences' pages, the empty states. */
static gboolean
audit_stack_pages (Audit     *audit,
                   GtkWidget *widget)
{
  g_autoptr(GListModel) pages = NULL;
  g_autofree char *was = NULL;

  /* The calendar's week and month are shown through its "mode" (check_everything), which
   * also fills them: a page made visible behind the view's back has no days yet. */
  if (GTK_IS_BUILDABLE (widget) &&
      g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), "mode_stack") == 0)
    return FALSE;

  if (GTK_IS_STACK (widget))
    {
      pages = G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (widget)));
      was = g_strdup (gtk_stack_get_visible_child_name (GTK_STACK (widget)));
    }
  else if (ADW_IS_VIEW_STACK (widget))
    {
      pages = G_LIST_MODEL (adw_view_stack_get_pages (ADW_VIEW_STACK (widget)));
      was = g_strdup (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (widget)));
    }
  else
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (pages, i);
      GtkWidget *child = NULL;

      g_object_get (page, "child", &child, NULL);
      if (GTK_IS_STACK (widget))
        gtk_stack_set_visible_child (GTK_STACK (widget), child);
      else
        adw_view_stack_set_visible_child (ADW_VIEW_STACK (widget), child);
      kab_test_iterate ();
      audit_with_pages (audit, child);
      g_object_unref (child);
    }

  if (was != NULL && GTK_IS_STACK (widget))
    gtk_stack_set_visible_child_name (GTK_STACK (widget), was);
  else if (was != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (widget), was);
  kab_test_iterate ();

  return TRUE;
}

static void
audit_with_pages (Audit     *audit,
                  GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (audit_stack_pages (audit, widget))
    return;

  if (is_interactive (widget) || is_drawn_element (widget))
    {
      audit_tree (audit, widget);
      if (!GTK_IS_LIST_BOX_ROW (widget))
        return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    audit_with_pages (audit, child);
}

static void
audit_window (Audit      *audit,
              GtkWindow  *window,
              const char *what)
{
  gsize before = audit->problems->len;

  kab_test_wait_until_mapped (GTK_WIDGET (window));
  audit_with_pages (audit, GTK_WIDGET (window));
  if (audit->problems->len > before)
    g_string_insert (audit->problems, before, g_strdup_printf ("%s:\n", what));
}

/* A dialog that @action opens from @view: audited, then closed. */
static void
audit_dialog (Audit      *audit,
              KabWindow  *window,
              const char *view,
              const char *action,
              GType       type)
{
  GtkWindow *dialog;

  kab_window_activate_view_action (window, view, action);
  kab_test_iterate ();
  dialog = kab_test_find_toplevel (type);
  if (dialog == NULL)
    {
      g_string_append_printf (audit->problems, "%s did not open a %s\n", action, g_type_name (type));
      return;
    }

  audit_window (audit, dialog, action);
  gtk_window_destroy (dialog);
  kab_test_iterate ();
}

/* Every window that @action of @widget opened: audited, then closed. */
static void
audit_opened (Audit      *audit,
              GtkWidget  *widget,
              const char *action,
              GVariant   *parameter,
              const char *what)
{
  g_autoptr(GVariant) owned = parameter != NULL ? g_variant_ref_sink (parameter) : NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  g_autoptr(GPtrArray) opened = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      g_ptr_array_add (before, window);
    }

  if (widget == NULL || !gtk_widget_activate_action_variant (widget, action, owned))
    {
      g_string_append_printf (audit->problems, "%s: %s is not there\n", what, action);
      return;
    }
  kab_test_iterate ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!g_ptr_array_find (before, window, NULL) && gtk_widget_get_visible (GTK_WIDGET (window)))
        g_ptr_array_add (opened, window);
    }
  if (opened->len == 0)
    g_string_append_printf (audit->problems, "%s: %s opened no window\n", what, action);

  for (guint i = 0; i < opened->len; i++)
    {
      audit_window (audit, g_ptr_array_index (opened, i), what);
      gtk_window_destroy (g_ptr_array_index (opened, i));
    }
  kab_test_iterate ();
}

/* The windows of a client, of the practitioner and of the templates, opened as a user
 * opens them: the client's journal and all her sessions from her details, every
 * client's journal searched, the supervision log and its dialogs, the income's export for the
 * accountant, the vacations, and the editor of an agreement template (a copy of a
 * shipped one). */
static void
audit_other_windows (KabWindow *window,
                     Audit     *audit)
{
  KabStore *store = kab_window_get_store (window);
  GListModel *clients = kab_store_get_clients (store);
  g_autoptr(KabClient) client = g_list_model_get_item (clients, 0);
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(KabConsentTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *details;
  GtkWidget *all_sessions;
  GtkWidget *widget;

  g_assert_nonnull (client);
  kab_window_show_view (window, "clients");
  kab_test_iterate ();
  widget = kab_test_find_by_type (GTK_WIDGET (window), KAB_TYPE_CLIENTS_VIEW);
  g_assert_true (kab_clients_view_show_client (KAB_CLIENTS_VIEW (widget), kab_client_get_id (client)));
  kab_test_iterate ();
  details = kab_test_find_by_type (GTK_WIDGET (window), g_type_from_name ("KabClientDetails"));
  g_assert_nonnull (details);
  audit_opened (audit, details, "details.open-journal", NULL, "the client's journal");

  /* The demo's clients have more sessions than her details show. */
  all_sessions = GTK_WIDGET (gtk_widget_get_template_child (details, g_type_from_name ("KabClientDetails"),
                                                            "all_sessions_button"));
  if (gtk_widget_get_visible (all_sessions))
    {
      guint before = g_list_model_get_n_items (gtk_window_get_toplevels ());
      GListModel *toplevels = gtk_window_get_toplevels ();

      g_signal_emit_by_name (all_sessions, "clicked");
      kab_test_iterate ();
      for (guint i = before; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) opened = g_list_model_get_item (toplevels, i);

          audit_window (audit, opened, "all of a client's sessions");
          gtk_window_destroy (opened);
        }
      kab_test_iterate ();
    }

  audit_opened (audit, GTK_WIDGET (window), "app.search-journal", NULL, "the journal search");

  kab_window_show_view (window, "calendar");
  kab_test_iterate ();
  widget = kab_test_find_by_type (GTK_WIDGET (window), g_type_from_name ("KabCalendarView"));
  audit_opened (audit, widget, "calendar.absences", NULL, "the vacations and closed days");
  g_assert_true (gtk_widget_activate_action (widget, "calendar.show-supervision", NULL));
  kab_test_iterate ();
  audit_window (audit, GTK_WINDOW (window), "the supervision log");
  audit_opened (audit, kab_test_find_by_type (widget, g_type_from_name ("KabSupervisionPage")),
                "supervision.add", NULL, "a supervision meeting");
  g_assert_true (gtk_widget_activate_action (widget, "calendar.show-sessions", NULL));

  kab_window_show_view (window, "payments");
  kab_test_iterate ();
  widget = kab_test_find_by_type (GTK_WIDGET (window), g_type_from_name ("KabIncomePage"));
  audit_opened (audit, widget, "income.export", NULL, "the export for the accountant");

  templates = kab_store_list_consent_templates (store, &error);
  g_assert_no_error (error);
  template = g_list_model_get_item (templates, 0);
  g_assert_nonnull (template);
  kab_window_show_view (window, "consent");
  kab_test_iterate ();
  widget = kab_test_find_by_type (GTK_WIDGET (window), g_type_from_name ("KabConsentView"));
  audit_opened (audit, widget, "consent.copy-template",
                g_variant_new_int64 (kab_consent_template_get_id (template)), "the template editor");
}

static void
check_everything (KabWindow *window,
                  Audit     *audit)
{
  GtkWindow *preferences;

  static const char * const calendar_modes[] = { "day", "week", "month" };
  GtkWidget *calendar;

  /* Every page of the window's view stack: all four views, each built when shown. */
  audit_window (audit, GTK_WINDOW (window), "the main window");

  kab_window_show_view (window, "calendar");
  kab_test_iterate ();
  calendar = kab_test_find_by_type (GTK_WIDGET (window), g_type_from_name ("KabCalendarView"));
  g_assert_nonnull (calendar);
  for (guint i = 0; i < G_N_ELEMENTS (calendar_modes); i++)
    {
      g_object_set (calendar, "mode", calendar_modes[i], NULL);
      kab_test_iterate ();
      audit_window (audit, GTK_WINDOW (window), calendar_modes[i]);
    }

  audit_dialog (audit, window, "clients", "clients.new", KAB_TYPE_NEW_CLIENT_DIALOG);
  audit_dialog (audit, window, "calendar", "calendar.new-session", KAB_TYPE_SESSION_DIALOG);
  audit_dialog (audit, window, "payments", "payments.record", KAB_TYPE_PAYMENT_DIALOG);
  audit_dialog (audit, window, "consent", "consent.prepare", KAB_TYPE_AGREEMENT_DIALOG);
  audit_dialog (audit, window, "calendar", "calendar.export", KAB_TYPE_EXPORT_DIALOG);
  audit_dialog (audit, window, "calendar", "calendar.prepare-reminders", KAB_TYPE_REMINDERS_DIALOG);

  gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL);
  kab_test_iterate ();
  preferences = kab_test_find_toplevel (KAB_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  audit_window (audit, preferences, "preferences");
  gtk_window_destroy (preferences);
  kab_test_iterate ();

  audit_other_windows (window, audit);
}

typedef struct
{
  KabWindow *window;
  Audit     *audit;
  gboolean   done;
} Run;

static gboolean
run_checks (gpointer data)
{
  Run *run = data;

  check_everything (run->window, run->audit);
  run->done = TRUE;
  g_application_quit (g_application_get_default ());

  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Run            *run)
{
  if (!KAB_IS_WINDOW (window) || run->window != NULL)
    return;

  run->window = KAB_WINDOW (window);
  g_idle_add (run_checks, run);
}

static void
test_every_control_named (void)
{
  g_autoptr(KabApplication) app = kab_application_new ();
  char *argv[] = { (char *) "kabinett", (char *) "--demo", NULL };
  Audit audit = { g_string_new (NULL), 0 };
  Run run = { NULL, &audit, FALSE };

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_assert_true (run.done);

  g_test_message ("%u controls checked", audit.n_checked);
  g_test_message ("%u sessions, days and charts drawn by hand checked", audit.n_drawn);
  g_assert_cmpuint (audit.n_checked, >, 100);
  g_assert_cmpuint (audit.n_drawn, >, 10);
  if (audit.problems->len > 0)
    {
      g_test_message ("%s", audit.problems->str);
      g_test_fail ();
    }

  g_string_free (audit.problems, TRUE);
  kab_test_destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  kab_test_ui_init (&argc, &argv);

  g_test_add_func ("/a11y/every-control-named", test_every_control_named);

  return g_test_run ();
}
