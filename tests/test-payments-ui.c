/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-payments-ui.c: the Payments view in a real window: recording, refusing and removing payments */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "kab-store.h"
#include "kab-store-documents.h"
#include "kab-store-invoice-payments.h"
#include "common/kab-client-chooser.h"
#include "common/kab-day-watch.h"
#include "kab-store-billing.h"
#include "core/kab-debtor.h"
#include "payments/kab-debts-page.h"
#include "core/kab-ledger-entry.h"
#include "payments/kab-ledger-page.h"
#include "common/kab-tooltip.h"
#include "payments/kab-payment-dialog.h"
#include "payments/kab-payments-view.h"
#include "kab-test-util.h"
#include "kab-test-ui-util.h"

typedef struct
{
  char           *dir;
  char           *path;
  KabStore       *store;
  GtkWindow      *window;
  GtkStack       *stack;    /* the view and another page, as in the main window */
  GtkWidget      *view;
  KabClient      *asa;      /* owes 1 200 kr */
  KabClient      *alena;    /* owes 500 kr, since earlier */
} Fixture;

/* A named widget of the dialog's template, as the user sees it. */
static GtkWidget *
dialog_child (KabPaymentDialog *dialog,
              const char       *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), KAB_TYPE_PAYMENT_DIALOG, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

static KabClient *
add_client_owing (KabStore   *store,
                  const char *given,
                  const char *family,
                  gint64      amount,
                  int         days_ago)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(KabCharge) charge = kab_charge_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) date = g_date_time_add_days (now, -days_ago);
  g_autoptr(GError) error = NULL;

  g_object_set (client, "given-name", given, "family-name", family, "fee", amount, NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_assert_no_error (error);

  g_object_set (charge,
                "client-id", kab_client_get_id (client),
                "date", date,
                "amount", amount,
                "currency", "SEK",
                "kind", KAB_CHARGE_KIND_OTHER,
                NULL);
  g_assert_true (kab_store_save_charge (store, charge, &error));
  g_assert_no_error (error);

  return kab_store_find_client (store, kab_client_get_id (client));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabPractice) practice = kab_practice_new ();
  GtkWidget *overlay;

  f->dir = g_dir_make_tmp ("kabinett-payments-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "kabinett.db", NULL);
  f->store = kab_store_open (f->path, &error);
  g_assert_no_error (error);

  g_object_set (practice, "practitioner-name", "Karin Lindqvist", "currency", "SEK", NULL);
  g_assert_true (kab_store_save_practice (f->store, practice, &error));
  g_assert_no_error (error);

  f->asa = add_client_owing (f->store, "Åsa", "Öberg", 120000, 3);
  f->alena = add_client_owing (f->store, "Алёна", "Фёдорова", 50000, 30);

  /* The view as the main window holds it: in a stack of views, under a toast overlay. */
  f->view = kab_payments_view_new (f->store);
  f->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (f->stack, gtk_label_new ("Another view"), "other");
  gtk_stack_add_named (f->stack, f->view, "payments");
  gtk_stack_set_visible_child_name (f->stack, "payments");
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->stack));

  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1100, 720);
  adw_window_set_content (ADW_WINDOW (f->window), overlay);
  gtk_window_present (f->window);
  kab_test_wait_until_mapped (f->view);
  kab_test_iterate ();
}

/* Closes the window and the store, checking that the view keeps nothing alive. */
static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  KabStore *store = f->store;

  kab_test_destroy_all_windows ();
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *)&store);
  g_clear_object (&f->store);
  g_assert_null (store);

  kab_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static KabDebtsPage *
debts_page (Fixture *f)
{
  GtkWidget *page = kab_test_find_by_type (f->view, KAB_TYPE_DEBTS_PAGE);

  g_assert_nonnull (page);
  return KAB_DEBTS_PAGE (page);
}

static gint64
debt_of (Fixture   *f,
         KabClient *client)
{
  GListModel *debtors = kab_debts_page_get_debtors (debts_page (f));

  for (guint i = 0; i < g_list_model_get_n_items (debtors); i++)
    {
      g_autoptr(KabDebtor) debtor = g_list_model_get_item (debtors, i);

      if (kab_debtor_get_client (debtor) == client)
        return kab_debtor_get_amount (debtor);
    }

  return 0;
}

static KabPaymentDialog *
open_record_dialog (Fixture *f)
{
  GtkWindow *dialog;

  /* What Ctrl+Shift+P and the "Record Payment" button do. */
  g_assert_true (gtk_widget_activate_action (f->view, "payments.record", NULL));
  dialog = kab_test_find_toplevel (KAB_TYPE_PAYMENT_DIALOG);
  g_assert_nonnull (dialog);
  kab_test_wait_until_mapped (GTK_WIDGET (dialog));
  return KAB_PAYMENT_DIALOG (dialog);
}

static GListModel *
payments_of (Fixture   *f,
             KabClient *client)
{
  g_autoptr(GError) error = NULL;
  GListModel *payments = kab_store_list_payments (f->store, kab_client_get_id (client),
                                                  NULL, NULL, &error);

  g_assert_no_error (error);
  return payments;
}

static void
test_record_payment (Fixture       *f,
                     gconstpointer  data)
{
  KabPaymentDialog *dialog;
  GtkWidget *amount_row, *amount_error, *chooser, *note_row, *method_row;
  g_autoptr(GListModel) payments = NULL;
  g_autoptr(KabPayment) payment = NULL;
  gint64 balance = -1;
  g_autoptr(GError) error = NULL;

  /* The oldest debt first. */
  g_assert_cmpuint (kab_debts_page_get_n_debtors (debts_page (f)), ==, 2);
  {
    g_autoptr(KabDebtor) first = g_list_model_get_item (kab_debts_page_get_debtors (debts_page (f)), 0);
    g_assert_true (kab_debtor_get_client (first) == f->alena);
  }
  g_assert_cmpint (debt_of (f, f->asa), ==, 120000);

  dialog = open_record_dialog (f);
  chooser = kab_test_find_by_type (GTK_WIDGET (dialog), KAB_TYPE_CLIENT_CHOOSER);
  amount_row = dialog_child (dialog, "amount_row");
  amount_error = dialog_child (dialog, "amount_error_label");
  note_row = dialog_child (dialog, "note_row");
  method_row = dialog_child (dialog, "method_row");
  g_assert_nonnull (chooser);
  g_assert_nonnull (amount_row);
  g_assert_nonnull (amount_error);

  /* Swish is how people pay in Sweden. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (method_row)), ==,
                    KAB_PAYMENT_METHOD_SWISH);

  /* Choosing who paid fills in what they owe. */
  kab_client_chooser_set_client (KAB_CLIENT_CHOOSER (chooser), f->asa);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount_row)), ==, "1200");

  /* Nonsense is refused next to the field; nothing is saved and the text stays. */
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "tolv hundra");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.save", NULL));
  kab_test_iterate ();
  g_assert_true (gtk_widget_get_visible (amount_error));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (amount_error)), !=, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount_row)), ==, "tolv hundra");
  g_assert_true (kab_test_find_toplevel (KAB_TYPE_PAYMENT_DIALOG) == GTK_WINDOW (dialog));
  payments = payments_of (f, f->asa);
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, 0);
  g_clear_object (&payments);

  /* Part of the debt, typed the way the locale writes it. */
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "700.50");
  g_assert_false (gtk_widget_get_visible (amount_error));
  gtk_editable_set_text (GTK_EDITABLE (note_row), "Oktober, del 1");
  g_signal_emit_by_name (dialog_child (dialog, "save_button"), "clicked");
  kab_test_iterate ();

  g_assert_null (kab_test_find_toplevel (KAB_TYPE_PAYMENT_DIALOG));
  payments = payments_of (f, f->asa);
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, 1);
  payment = g_list_model_get_item (payments, 0);
  g_assert_cmpint (kab_payment_get_amount (payment), ==, 70050);
  g_assert_cmpstr (kab_payment_get_currency (payment), ==, "SEK");
  g_assert_cmpint (kab_payment_get_method (payment), ==, KAB_PAYMENT_METHOD_SWISH);
  g_assert_cmpstr (kab_payment_get_note (payment), ==, "Oktober, del 1");
  g_assert_true (kab_store_get_balance (f->store, kab_client_get_id (f->asa), &balance, &error));
  g_assert_cmpint (balance, ==, 49950);

  /* The debt list follows: the amount drops. */
  g_assert_cmpuint (kab_debts_page_get_n_debtors (debts_page (f)), ==, 2);
  g_assert_cmpint (debt_of (f, f->asa), ==, 49950);

  /* Paying the rest takes Åsa off the list. */
  dialog = open_record_dialog (f);
  chooser = kab_test_find_by_type (GTK_WIDGET (dialog), KAB_TYPE_CLIENT_CHOOSER);
  amount_row = dialog_child (dialog, "amount_row");
  kab_client_chooser_set_client (KAB_CLIENT_CHOOSER (chooser), f->asa);
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "499.50");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.save", NULL));
  kab_test_iterate ();

  g_assert_cmpuint (kab_debts_page_get_n_debtors (debts_page (f)), ==, 1);
  g_assert_cmpint (debt_of (f, f->asa), ==, 0);
  g_assert_cmpint (kab_client_get_balance (f->asa), ==, 0);
}

static void
test_edit_and_remove_payment (Fixture       *f,
                              gconstpointer  data)
{
  KabLedgerPage *ledger = KAB_LEDGER_PAGE (kab_test_find_by_type (f->view, KAB_TYPE_LEDGER_PAGE));
  GListModel *entries;
  KabPaymentDialog *dialog;
  GtkWidget *amount_row, *column_view;
  g_autoptr(KabPayment) payment = kab_payment_new ();
  g_autoptr(GListModel) payments = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  guint position = G_MAXUINT;

  g_object_set (payment, "client-id", kab_client_get_id (f->alena), "date", now,
                "amount", (gint64)50000, "currency", "SEK",
                "method", KAB_PAYMENT_METHOD_CASH, NULL);
  g_assert_true (kab_store_save_payment (f->store, payment, &error));
  g_assert_no_error (error);
  kab_test_iterate ();
  g_assert_cmpint (debt_of (f, f->alena), ==, 0);

  /* The client's ledger shows the payment; activating its line opens it. */
  kab_ledger_page_set_client_id (ledger, kab_client_get_id (f->alena));
  kab_test_iterate ();
  entries = kab_ledger_page_get_entries (ledger);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(KabLedgerEntry) entry = g_list_model_get_item (entries, i);
      if (kab_ledger_entry_get_payment (entry) != NULL)
        position = i;
    }
  g_assert_cmpuint (position, ==, 1);
  {
    g_autoptr(KabLedgerEntry) last = g_list_model_get_item (entries, 1);
    g_assert_cmpint (kab_ledger_entry_get_balance (last), ==, 0);
  }

  column_view = kab_test_find_by_type (GTK_WIDGET (ledger), GTK_TYPE_COLUMN_VIEW);
  g_signal_emit_by_name (column_view, "activate", position);
  dialog = KAB_PAYMENT_DIALOG (kab_test_find_toplevel (KAB_TYPE_PAYMENT_DIALOG));
  g_assert_nonnull (dialog);
  kab_test_wait_until_mapped (GTK_WIDGET (dialog));

  /* Edited: 300 kr instead of 500. */
  amount_row = dialog_child (dialog, "amount_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount_row)), ==, "500");
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "300");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.save", NULL));
  kab_test_iterate ();
  payments = payments_of (f, f->alena);
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, 1);
  {
    g_autoptr(KabPayment) saved = g_list_model_get_item (payments, 0);
    g_assert_cmpint (kab_payment_get_amount (saved), ==, 30000);
  }
  g_assert_cmpint (debt_of (f, f->alena), ==, 20000);
  g_clear_object (&payments);

  /* Removed: the debt is back in full. */
  g_signal_emit_by_name (column_view, "activate", position);
  dialog = KAB_PAYMENT_DIALOG (kab_test_find_toplevel (KAB_TYPE_PAYMENT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.remove", NULL));
  kab_test_iterate ();
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_PAYMENT_DIALOG));
  payments = payments_of (f, f->alena);
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, 0);
  g_assert_cmpint (debt_of (f, f->alena), ==, 50000);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
}

/* Runs the view's shortcut for @accelerator as the window's shortcut handling would
 * (GTK 4 has no public way to synthesize a key press): TRUE when it was handled. */
static gboolean
activate_shortcut (GtkWidget  *view,
                   const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      g_assert_cmpint (gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)), ==,
                       GTK_SHORTCUT_SCOPE_GLOBAL);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, view, NULL);
        }
    }

  g_assert_not_reached ();
  return FALSE;
}

/* Ctrl+Shift+P records a payment while the view is shown, and does nothing for it
 * while another view is. */
static void
test_shortcut_only_when_shown (Fixture       *f,
                               gconstpointer  data)
{
  gtk_stack_set_visible_child_name (f->stack, "other");
  kab_test_iterate ();
  g_assert_false (gtk_widget_get_mapped (f->view));
  g_assert_false (activate_shortcut (f->view, "<Control><Shift>p"));
  kab_test_iterate ();
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_PAYMENT_DIALOG));

  gtk_stack_set_visible_child_name (f->stack, "payments");
  kab_test_wait_until_mapped (f->view);
  g_assert_true (activate_shortcut (f->view, "<Control><Shift>p"));
  kab_test_iterate ();
  g_assert_nonnull (kab_test_find_toplevel (KAB_TYPE_PAYMENT_DIALOG));
}

/* Opening the view charges this month's fees to the monthly clients, once. */
static void
test_fees_on_start (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KabClient) mans = kab_client_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) charges = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *period = g_date_time_format (now, "%Y-%m");
  GtkWidget *view;
  GtkWindow *window;
  guint fees = 0;

  g_object_set (mans, "given-name", "Måns", "family-name", "Sjöberg",
                "billing-plan", KAB_BILLING_PLAN_MONTHLY, "fee", (gint64)400000, NULL);
  g_assert_true (kab_store_save_client (f->store, mans, &error));
  g_assert_no_error (error);

  for (int i = 0; i < 2; i++)
    {
      view = kab_payments_view_new (f->store);
      window = GTK_WINDOW (adw_window_new ());
      adw_window_set_content (ADW_WINDOW (window), view);
      gtk_window_present (window);
      kab_test_wait_until_mapped (view);
      kab_test_iterate ();
      gtk_window_destroy (window);
      kab_test_iterate ();
    }

  charges = kab_store_list_charges (f->store, kab_client_get_id (mans), NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (charges); i++)
    {
      g_autoptr(KabCharge) charge = g_list_model_get_item (charges, i);

      g_assert_cmpint (kab_charge_get_kind (charge), ==, KAB_CHARGE_KIND_MONTHLY_FEE);
      g_assert_cmpstr (kab_charge_get_period (charge), ==, period);
      g_assert_cmpint (kab_charge_get_amount (charge), ==, 400000);
      fees++;
    }
  g_assert_cmpuint (fees, ==, 1);

  /* The view that was open all along hears of it and lists the new debt. */
  kab_test_iterate ();
  g_assert_cmpint (debt_of (f, kab_store_find_client (f->store, kab_client_get_id (mans))), ==, 400000);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GtkWindow *dialog = kab_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  return ADW_MESSAGE_DIALOG (dialog);
}

/* "Sell Package…" charges the client's package price, once confirmed. */
static void
test_sell_package (Fixture       *f,
                   gconstpointer  data)
{
  KabLedgerPage *ledger = KAB_LEDGER_PAGE (kab_test_find_by_type (f->view, KAB_TYPE_LEDGER_PAGE));
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) charges = NULL;
  g_autoptr(KabCharge) package = NULL;
  gint64 before = kab_client_get_balance (f->asa);

  kab_client_set_billing_plan (f->asa, KAB_BILLING_PLAN_PACKAGE);
  kab_client_set_fee (f->asa, 1000000);
  kab_client_set_package_size (f->asa, 10);
  g_assert_true (kab_store_save_client (f->store, f->asa, &error));
  g_assert_no_error (error);

  kab_ledger_page_set_client_id (ledger, kab_client_get_id (f->asa));
  kab_test_iterate ();
  g_assert_true (gtk_widget_activate_action (f->view, "payments.sell-package", NULL));

  /* Cancelled: nothing. */
  adw_message_dialog_response (find_message_dialog (), "cancel");
  kab_test_iterate ();
  g_assert_cmpint (kab_client_get_balance (f->asa), ==, before);

  g_assert_true (gtk_widget_activate_action (f->view, "payments.sell-package", NULL));
  adw_message_dialog_response (find_message_dialog (), "sell");
  kab_test_iterate ();

  g_assert_cmpint (kab_client_get_balance (f->asa), ==, before + 1000000);
  charges = kab_store_list_charges (f->store, kab_client_get_id (f->asa), NULL, NULL, &error);
  g_assert_no_error (error);
  package = g_list_model_get_item (charges, g_list_model_get_n_items (charges) - 1);
  g_assert_cmpint (kab_charge_get_kind (package), ==, KAB_CHARGE_KIND_PACKAGE);
  g_assert_cmpint (kab_charge_get_amount (package), ==, 1000000);
  g_assert_cmpstr (kab_charge_get_note (package), ==, "10 sessions");

  /* The ledger shows it at once. */
  {
    GListModel *entries = kab_ledger_page_get_entries (ledger);
    g_autoptr(KabLedgerEntry) last = g_list_model_get_item (entries, g_list_model_get_n_items (entries) - 1);

    g_assert_true (kab_ledger_entry_get_charge (last) != NULL);
    g_assert_cmpint (kab_ledger_entry_get_balance (last), ==, before + 1000000);
  }
}

static gboolean
is_shown_menu_button (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_visible (widget);
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* Whether a cell of @column_view shows @entry's running balance. */
static gboolean
shows_balance_of (GtkWidget      *column_view,
                  KabLedgerEntry *entry)
{
  g_autofree char *balance = kab_ledger_entry_dup_balance_text (entry);

  return kab_test_find_widget (column_view, is_label_with_text, balance) != NULL;
}

/* The ledger's cells show each line's texts, and a line kept by a refresh shows its new
 * running balance: a payment dated before Alena's charge leaves the charge's line (the
 * same object) owing 500 − 120 kr. The long texts are ellipsized, and whole in their
 * tooltips. */
static void
test_ledger_cells (Fixture       *f,
                   gconstpointer  data)
{
  KabLedgerPage *ledger = KAB_LEDGER_PAGE (kab_test_find_by_type (f->view, KAB_TYPE_LEDGER_PAGE));
  GtkWidget *column_view = kab_test_find_by_type (GTK_WIDGET (ledger), GTK_TYPE_COLUMN_VIEW);
  g_autoptr(KabPayment) payment = kab_payment_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) before = g_date_time_add_days (now, -40);
  g_autoptr(KabLedgerEntry) charge_line = NULL;
  g_autoptr(KabLedgerEntry) kept = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *entries;
  GtkWidget *label;

  kab_ledger_page_set_client_id (ledger, kab_client_get_id (f->alena));
  kab_test_iterate ();
  entries = kab_ledger_page_get_entries (ledger);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  charge_line = g_list_model_get_item (entries, 0);
  date = kab_ledger_entry_dup_date_text (charge_line);
  g_assert_true (shows_balance_of (column_view, charge_line));
  g_assert_nonnull (kab_test_find_widget (column_view, is_label_with_text, date));
  label = kab_test_find_widget (column_view, is_label_with_text,
                                kab_ledger_entry_get_description (charge_line));
  g_assert_nonnull (label);
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_END);
  g_assert_cmpstr (kab_tooltip_get_text (label), ==, kab_ledger_entry_get_description (charge_line));

  g_object_set (payment, "client-id", kab_client_get_id (f->alena), "date", before,
                "amount", (gint64)12000, "currency", "SEK", NULL);
  g_assert_true (kab_store_save_payment (f->store, payment, &error));
  g_assert_no_error (error);
  kab_test_iterate ();

  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  kept = g_list_model_get_item (entries, 1);
  g_assert_true (kept == charge_line);
  g_assert_cmpint (kab_ledger_entry_get_balance (kept), ==, 38000);
  g_assert_true (shows_balance_of (column_view, kept));

  /* The payment's line, with its receipt button, is as high as the charge's. */
  {
    g_autoptr(KabLedgerEntry) payment_line = g_list_model_get_item (entries, 0);
    g_autofree char *payment_date = kab_ledger_entry_dup_date_text (payment_line);
    GtkWidget *charge_label = kab_test_find_widget (column_view, is_label_with_text, date);
    GtkWidget *payment_label = kab_test_find_widget (column_view, is_label_with_text, payment_date);
    GtkWidget *charge_row, *payment_row;

    gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (column_view)));
    g_assert_nonnull (charge_label);
    g_assert_nonnull (payment_label);
    /* label < cell < row */
    charge_row = gtk_widget_get_parent (gtk_widget_get_parent (charge_label));
    payment_row = gtk_widget_get_parent (gtk_widget_get_parent (payment_label));
    g_assert_true (charge_row != payment_row);
    g_assert_cmpint (gtk_widget_get_height (charge_row), >, 0);
    g_assert_cmpint (gtk_widget_get_height (payment_row), ==, gtk_widget_get_height (charge_row));
  }

  /* The payment made 200 kr: its line is new, and the charge's line stays where it was
   * and shows its new balance. */
  g_object_set (payment, "amount", (gint64)20000, NULL);
  g_assert_true (kab_store_save_payment (f->store, payment, &error));
  g_assert_no_error (error);
  kab_test_iterate ();
  g_clear_object (&kept);
  kept = g_list_model_get_item (entries, 1);
  g_assert_true (kept == charge_line);
  g_assert_cmpint (kab_ledger_entry_get_balance (kept), ==, 30000);
  g_assert_true (shows_balance_of (column_view, kept));

  /* GTK 4.8 binds the rows after a change again; a line's cell also follows its balance
   * while its row stays bound, as a newer GTK keeps it. */
  kab_ledger_entry_set_balance (kept, 12345);
  g_assert_true (shows_balance_of (column_view, kept));
}

/* A receipt from the ledger: Ctrl+P and the row's menu act on the selected payment, and
 * the receipt takes its own number, the first being 1. */
static void
test_receipt_from_ledger (Fixture       *f,
                          gconstpointer  data)
{
  KabLedgerPage *ledger = KAB_LEDGER_PAGE (kab_test_find_by_type (f->view, KAB_TYPE_LEDGER_PAGE));
  g_autoptr(KabPayment) payment = kab_payment_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_auto(KabReceiptRecord) record = { 0 };
  g_autoptr(GError) error = NULL;
  GtkColumnView *column_view;
  GListModel *entries;
  gboolean found = TRUE;
  guint n;

  g_object_set (payment, "client-id", kab_client_get_id (f->asa), "date", now,
                "amount", (gint64)120000, "currency", "SEK", NULL);
  g_assert_true (kab_store_save_payment (f->store, payment, &error));
  g_assert_no_error (error);
  kab_ledger_page_set_client_id (ledger, kab_client_get_id (f->asa));
  kab_test_iterate ();

  /* nothing selected: a word on what to do, and no receipt */
  g_assert_null (kab_ledger_page_get_selected_payment (ledger));
  g_assert_true (gtk_widget_activate_action (f->view, "payments.save-receipt", NULL));
  kab_test_iterate ();
  g_assert_true (kab_store_find_receipt (f->store, kab_payment_get_id (payment), &record, &found, NULL));
  g_assert_false (found);

  /* the ledger has a receipt column, and selecting the payment's row makes it the one */
  column_view = GTK_COLUMN_VIEW (kab_test_find_by_type (GTK_WIDGET (ledger), GTK_TYPE_COLUMN_VIEW));
  entries = G_LIST_MODEL (gtk_column_view_get_model (column_view));

  /* The payment's receipt button: its menu is made when it opens, and opening it
   * selects the payment's row. */
  {
    GtkWidget *button = kab_test_find_widget (GTK_WIDGET (column_view), is_shown_menu_button, NULL);
    GMenuModel *menu;
    g_autofree char *first = NULL;

    g_assert_nonnull (button);
    g_assert_null (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    kab_test_iterate ();
    menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
    g_assert_nonnull (menu);
    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
    g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &first));
    g_assert_cmpstr (first, ==, "payments.print-receipt");
    g_assert_nonnull (kab_ledger_page_get_selected_payment (ledger));
    g_assert_cmpint (kab_payment_get_id (kab_ledger_page_get_selected_payment (ledger)), ==,
                     kab_payment_get_id (payment));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
    kab_test_iterate ();
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (entries));
  }
  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabLedgerEntry) entry = g_list_model_get_item (entries, i);

      if (kab_ledger_entry_get_payment (entry) != NULL)
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (entries), i, TRUE);
    }
  g_assert_nonnull (kab_ledger_page_get_selected_payment (ledger));
  g_assert_cmpint (kab_payment_get_id (kab_ledger_page_get_selected_payment (ledger)), ==,
                   kab_payment_get_id (payment));

  g_assert_true (gtk_widget_activate_action (f->view, "payments.save-receipt", NULL));
  kab_test_iterate ();
  g_assert_true (kab_store_find_receipt (f->store, kab_payment_get_id (payment), &record, &found, NULL));
  g_assert_true (found);
  g_assert_cmpint (record.number, ==, 1);

  /* the «Мой налог» number is only asked in Russia, of the self-employed */
  {
    g_autoptr(KabPractice) practice = kab_practice_copy (kab_store_get_practice (f->store));
    GtkWindow *dialog;

    gtk_widget_activate_action (f->view, "payments.tax-receipt-number", NULL);
    kab_test_iterate ();
    g_assert_null (kab_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    kab_practice_set_country (practice, "RU");
    g_assert_true (kab_store_save_practice (f->store, practice, NULL));
    g_assert_true (gtk_widget_activate_action (f->view, "payments.tax-receipt-number", NULL));
    kab_test_iterate ();
    dialog = kab_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))),
                           "200abc1234");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
    kab_test_iterate ();
    kab_receipt_record_clear (&record);
    g_assert_true (kab_store_find_receipt (f->store, kab_payment_get_id (payment), &record, &found, NULL));
    g_assert_cmpstr (record.tax_receipt, ==, "200abc1234");
  }

  /* the file chooser asks where; cancelled, it lets go of the view */
  {
    GtkWindow *chooser = kab_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

    g_assert_nonnull (chooser);
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    kab_test_iterate ();
  }

  /* Ctrl+P: the print dialog, without holding the window up; the receipt keeps its number */
  {
    GtkWindow *dialog;

    g_assert_true (gtk_widget_activate_action (f->view, "payments.print-receipt", NULL));
    kab_test_iterate ();
    dialog = kab_test_find_toplevel (g_type_from_name ("GtkPrintUnixDialog"));
    g_assert_nonnull (dialog);
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
    kab_test_iterate ();
    kab_receipt_record_clear (&record);
    g_assert_true (kab_store_find_receipt (f->store, kab_payment_get_id (payment), &record, &found, NULL));
    g_assert_cmpint (record.number, ==, 1);
  }
}

static KabPayment *
pay (Fixture   *f,
     KabClient *client,
     GDateTime *date,
     gint64     amount)
{
  KabPayment *payment = kab_payment_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (payment, "client-id", kab_client_get_id (client), "date", date,
                "amount", amount, "currency", "SEK", NULL);
  g_assert_true (kab_store_save_payment (f->store, payment, &error));
  g_assert_no_error (error);
  return payment;
}

/* Opens Mark Paid and returns its list of payments (NULL when it offers none). */
static GtkListBox *
open_mark_paid (GtkWidget *group)
{
  GtkWidget *button = kab_test_find_by_type (group, GTK_TYPE_MENU_BUTTON);
  GtkPopover *popover;

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  kab_test_wait_until_mapped (GTK_WIDGET (popover));
  return GTK_LIST_BOX (kab_test_find_by_type (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX));
}

static gint64
row_payment_id (GtkListBox *list,
                int         index)
{
  KabPayment *payment = g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (list, index)), "payment");

  g_assert_true (KAB_IS_PAYMENT (payment));
  return kab_payment_get_id (payment);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* The Debts page lists an invoice sent and unpaid after its due day; Mark Paid offers the
 * client's payments that pay no invoice yet, newest first: one half leaves it listed with
 * what is still to pay, the other half pays it and it leaves the list. */
static void
test_overdue_invoice (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) from = g_date_time_add_days (now, -10);
  g_autoptr(GDateTime) to = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) issued = g_date_time_add_days (now, -20);
  g_autoptr(GDateTime) earlier = g_date_time_add_days (now, -2);
  g_autoptr(KabPayment) first_half = NULL;
  g_autoptr(KabPayment) second_half = NULL;
  g_autoptr(KabPayment) others = NULL;
  g_auto(KabInvoiceRecord) invoice = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWidget *page = GTK_WIDGET (debts_page (f));
  GtkWidget *group = NULL;
  GtkListBox *list;
  AdwActionRow *invoice_row;
  gint64 invoice_id;

  g_assert_true (kab_store_issue_invoice (f->store, kab_client_get_id (f->asa), from, to, issued,
                                          &invoice, &error));
  g_assert_no_error (error);
  g_assert_cmpint (invoice.amount, ==, 120000);
  g_assert_true (kab_store_mark_invoice_sent (f->store, invoice.id, issued, &error));
  first_half = pay (f, f->asa, earlier, 60000);
  second_half = pay (f, f->asa, now, 60000);
  others = pay (f, f->alena, now, 120000);
  kab_test_iterate ();

  group = kab_test_find_by_type (page, ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (group);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "Overdue Invoices");
  g_assert_true (gtk_widget_get_visible (group));

  /* Åsa's two payments, the newest first; not Алёна's */
  list = open_mark_paid (group);
  g_assert_nonnull (list);
  g_assert_cmpuint (n_rows (list), ==, 2);
  g_assert_cmpint (row_payment_id (list, 0), ==, kab_payment_get_id (second_half));
  g_assert_cmpint (row_payment_id (list, 1), ==, kab_payment_get_id (first_half));

  /* the older half: still listed, with what is left to pay */
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)));
  kab_test_iterate ();
  invoice_id = invoice.id;
  kab_invoice_record_clear (&invoice);
  g_assert_true (kab_store_load_invoice (f->store, invoice_id, &invoice, &error));
  g_assert_cmpint (invoice.payment_id, ==, 0);
  g_assert_cmpint (kab_store_find_payment_invoice (f->store, kab_payment_get_id (first_half), NULL), ==, invoice_id);
  g_assert_true (gtk_widget_get_visible (group));
  invoice_row = ADW_ACTION_ROW (kab_test_find_by_type (group, ADW_TYPE_ACTION_ROW));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (invoice_row), "still to pay"));

  /* only the other half is offered now, and it pays the invoice */
  list = open_mark_paid (group);
  g_assert_cmpuint (n_rows (list), ==, 1);
  g_assert_cmpint (row_payment_id (list, 0), ==, kab_payment_get_id (second_half));
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));
  kab_test_iterate ();

  kab_invoice_record_clear (&invoice);
  g_assert_true (kab_store_load_invoice (f->store, invoice_id, &invoice, &error));
  g_assert_cmpint (invoice.payment_id, ==, kab_payment_get_id (second_half));
  g_assert_false (gtk_widget_get_visible (group));
}

static void
count_day_changes (KabDayWatch *watch,
                   guint       *count)
{
  (*count)++;
}

/* The day watch tells of a new day once, by the store's clock. */
static void
test_day_watch (void)
{
  g_autoptr(KabDayWatch) watch = kab_day_watch_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  guint count = 0;

  g_signal_connect (watch, "day-changed", G_CALLBACK (count_day_changes), &count);
  g_assert_false (kab_day_watch_check (watch));
  kab_store_set_test_now (tomorrow);
  g_assert_true (kab_day_watch_check (watch));
  g_assert_false (kab_day_watch_check (watch));
  g_assert_cmpuint (count, ==, 1);
  kab_store_set_test_now (NULL);
  g_assert_true (kab_day_watch_check (watch));
  g_assert_cmpuint (count, ==, 2);
}

/* An invoice due today is not overdue; once the day turns (the store's clock moved past
 * midnight while Kabinett runs), the Debts page lists it without any change to the ledger. */
static void
test_overdue_at_midnight (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                     g_date_time_get_day_of_month (now), 12, 0, 0);
  g_autoptr(GDateTime) issued = g_date_time_add_days (noon, -14);
  g_autoptr(GDateTime) from = g_date_time_add_days (now, -10);
  g_autoptr(GDateTime) to = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now), 0, 0, 30);
  g_autoptr(GDateTime) after_midnight = g_date_time_add_days (midnight, 1);
  g_auto(KabInvoiceRecord) invoice = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWidget *page = GTK_WIDGET (debts_page (f));
  GtkWidget *group;
  g_autoptr(GPtrArray) overdue = NULL;

  g_assert_true (kab_store_issue_invoice (f->store, kab_client_get_id (f->asa), from, to, issued,
                                          &invoice, &error));
  g_assert_no_error (error);
  g_assert_true (kab_store_mark_invoice_sent (f->store, invoice.id, issued, &error));
  /* due today, at the practice's 14 days */
  g_assert_cmpint (g_date_time_get_day_of_year (invoice.due), ==, g_date_time_get_day_of_year (noon));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (page, ADW_TYPE_VIEW_STACK)), "debts");
  kab_test_wait_until_mapped (page);
  kab_test_iterate ();

  group = kab_test_find_by_type (page, ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (group);
  g_assert_false (gtk_widget_get_visible (group));

  /* 00:00:30 tomorrow: the store's rule says overdue */
  kab_store_set_test_now (after_midnight);
  overdue = kab_store_list_overdue_invoices (f->store, NULL, &error);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_true (kab_invoice_record_is_overdue (g_ptr_array_index (overdue, 0), after_midnight));

  /* the page's midnight check (what its timeout runs) shows it */
  g_assert_true (kab_day_watch_check (g_object_get_data (G_OBJECT (page), "day-watch")));
  kab_test_iterate ();
  g_assert_true (gtk_widget_get_visible (group));

  /* back to today (as after the computer slept): the page checks when shown again */
  kab_store_set_test_now (NULL);
  gtk_stack_set_visible_child_name (f->stack, "other");
  kab_test_iterate ();
  gtk_stack_set_visible_child_name (f->stack, "payments");
  kab_test_iterate ();
  g_assert_false (gtk_widget_get_visible (group));
}

int
main (int   argc,
      char *argv[])
{
  kab_test_ui_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/payments-ui/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("record-payment", test_record_payment);
  ADD ("edit-and-remove", test_edit_and_remove_payment);
  ADD ("shortcut", test_shortcut_only_when_shown);
  ADD ("fees-on-start", test_fees_on_start);
  ADD ("sell-package", test_sell_package);
  ADD ("receipt-from-ledger", test_receipt_from_ledger);
  ADD ("ledger-cells", test_ledger_cells);
  ADD ("overdue-invoice", test_overdue_invoice);
  ADD ("overdue-at-midnight", test_overdue_at_midnight);
  g_test_add_func ("/payments-ui/day-watch", test_day_watch);

#undef ADD

  return g_test_run ();
}
