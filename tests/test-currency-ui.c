/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-currency-ui.c: changing the currency in Preferences by the conversion dialog, and a
 * payment made in another currency, in real windows */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "kab-currency-dialog.h"
#include "core/kab-ledger.h"
#include "core/kab-ledger-entry.h"
#include "kab-money.h"
#include "kab-preferences-window.h"
#include "kab-store.h"
#include "kab-store-documents.h"
#include "payments/kab-payment-dialog.h"
#include "kab-test-store.h"
#include "kab-test-util.h"
#include "kab-test-ui-util.h"

typedef struct
{
  KabTestStore db;
  gint64     owes;      /* owes 100,00 € */
  gint64     credit;    /* paid 25,50 € ahead */
  gint64     settled;   /* owes nothing */
} Fixture;

static gint64
add_client (Fixture    *f,
            const char *name,
            gint64      charged,
            gint64      paid)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  g_object_set (client, "given-name", name, "family-name", "Test", "fee", (gint64)8000, NULL);
  g_assert_true (kab_store_save_client (f->db.store, client, &error));
  g_assert_no_error (error);

  if (charged > 0)
    {
      g_autoptr(KabCharge) charge = kab_charge_new ();

      g_object_set (charge, "client-id", kab_client_get_id (client), "date", now,
                    "amount", charged, "currency", "EUR", "kind", KAB_CHARGE_KIND_OTHER, NULL);
      g_assert_true (kab_store_save_charge (f->db.store, charge, &error));
      g_assert_no_error (error);
    }
  if (paid > 0)
    {
      g_autoptr(KabPayment) payment = kab_payment_new ();

      g_object_set (payment, "client-id", kab_client_get_id (client), "date", now,
                    "amount", paid, "currency", "EUR", "method", KAB_PAYMENT_METHOD_CASH, NULL);
      g_assert_true (kab_store_save_payment (f->db.store, payment, &error));
      g_assert_no_error (error);
    }

  return kab_client_get_id (client);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabPractice) practice = NULL;

  kab_test_store_set_up (&f->db, "currency-ui");

  practice = kab_practice_copy (kab_store_get_practice (f->db.store));
  kab_practice_set_currency (practice, "EUR");
  kab_practice_set_default_fee (practice, 9000);
  g_assert_true (kab_store_save_practice (f->db.store, practice, &error));
  g_assert_no_error (error);

  f->owes = add_client (f, "Anna", 10000, 0);
  f->credit = add_client (f, "Bo", 0, 2550);
  f->settled = add_client (f, "Cecilia", 5000, 5000);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kab_test_destroy_all_windows ();
  kab_test_store_tear_down (&f->db);
}

static GtkWidget *
child_of (GtkWidget  *widget,
          GType       type,
          const char *name)
{
  GObject *child = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static gint64
balance_of (Fixture *f,
            gint64   id)
{
  return kab_client_get_balance (kab_store_find_client (f->db.store, id));
}

/* Chooses @code in the currency row, as a click in its list would. */
static void
choose_currency (GtkWidget  *window,
                 const char *code)
{
  AdwComboRow *row = ADW_COMBO_ROW (child_of (window, KAB_TYPE_PREFERENCES_WINDOW, "currency_row"));
  GListModel *codes = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (codes); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (codes, i);

      if (g_str_equal (gtk_string_object_get_string (item), code))
        {
          adw_combo_row_set_selected (row, i);
          kab_test_iterate ();
          return;
        }
    }
  g_assert_not_reached ();
}

static const char *
shown_currency (GtkWidget *window)
{
  AdwComboRow *row = ADW_COMBO_ROW (child_of (window, KAB_TYPE_PREFERENCES_WINDOW, "currency_row"));

  return gtk_string_object_get_string (adw_combo_row_get_selected_item (row));
}

/* What a click on a response button does: the response, then the dialog closes
 * (adw_message_dialog_response() alone leaves it open). */
static void
respond (GtkWidget  *dialog,
         const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  kab_test_iterate ();
}

static GtkWidget *
open_preferences (Fixture *f)
{
  GtkWidget *window = kab_preferences_window_new (f->db.store);

  gtk_window_present (GTK_WINDOW (window));
  kab_test_wait_until_mapped (window);
  return window;
}

/* With entries in the ledger, choosing another currency opens the conversion: it says
 * what happens and how many balances move, asks for a rate the model accepts, changes
 * nothing when cancelled, and on Convert moves every balance at the rate. */
static void
test_convert (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *window = open_preferences (f);
  GtkWidget *dialog;
  GtkWidget *rate_row;
  GtkWidget *preview;
  g_autofree char *sample = NULL;

  /* Cancelled: nothing changes. */
  choose_currency (window, "SEK");
  dialog = GTK_WIDGET (kab_test_find_toplevel (KAB_TYPE_CURRENCY_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (shown_currency (window), ==, "EUR");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Convert the Practice to SEK?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "2 clients’ balances will be converted."));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "convert"));
  respond (dialog, "cancel");
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_CURRENCY_DIALOG));
  g_assert_cmpstr (kab_practice_get_currency (kab_store_get_practice (f->db.store)), ==, "EUR");
  g_assert_cmpint (balance_of (f, f->owes), ==, 10000);

  /* A rate that is not a positive number is refused beside the field. */
  choose_currency (window, "SEK");
  dialog = GTK_WIDGET (kab_test_find_toplevel (KAB_TYPE_CURRENCY_DIALOG));
  rate_row = child_of (dialog, KAB_TYPE_CURRENCY_DIALOG, "rate_row");
  preview = child_of (dialog, KAB_TYPE_CURRENCY_DIALOG, "preview_label");
  g_assert_true (gtk_widget_get_visible (rate_row));
  const char * const bad[] = { "0", "-11", "elva", "11,5,0" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (rate_row), bad[i]);
      g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "convert"));
      g_assert_true (gtk_widget_has_css_class (rate_row, "error"));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (preview)), !=, "");
    }

  gtk_editable_set_text (GTK_EDITABLE (rate_row), "11,50");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "convert"));
  g_assert_false (gtk_widget_has_css_class (rate_row, "error"));
  sample = kab_money_format (1150000, "SEK");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (preview)), sample));

  respond (dialog, "convert");

  g_assert_cmpstr (kab_practice_get_currency (kab_store_get_practice (f->db.store)), ==, "SEK");
  g_assert_cmpstr (shown_currency (window), ==, "SEK");
  g_assert_cmpint (kab_practice_get_default_fee (kab_store_get_practice (f->db.store)), ==, 103500);
  g_assert_cmpint (balance_of (f, f->owes), ==, 115000);
  g_assert_cmpint (balance_of (f, f->credit), ==, -29325);
  g_assert_cmpint (balance_of (f, f->settled), ==, 0);
  g_assert_cmpint (kab_client_get_fee (kab_store_find_client (f->db.store, f->owes)), ==, 92000);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child_of (window, KAB_TYPE_PREFERENCES_WINDOW,
                                                             "fee_currency_label"))), ==,
                   kab_currency_get_symbol ("SEK"));
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_CURRENCY_DIALOG));

  /* The client's ledger: the charge in euros, closed in euros, opened in kronor; each
   * line in its own currency, and the balance after the last is the one kept. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) lines = kab_ledger_build (f->db.store, f->owes, NULL, NULL, &error);
    const char * const currencies[] = { "EUR", "EUR", "SEK" };
    const gint64 balances[] = { 10000, 0, 115000 };

    g_assert_no_error (error);
    g_assert_cmpuint (lines->len, ==, 3);
    for (guint i = 0; i < lines->len; i++)
      {
        g_assert_cmpstr (kab_ledger_entry_get_currency (lines->pdata[i]), ==, currencies[i]);
        g_assert_cmpint (kab_ledger_entry_get_balance (lines->pdata[i]), ==, balances[i]);
      }
    for (guint i = 1; i < lines->len; i++)
      g_assert_nonnull (strstr (kab_ledger_entry_get_description (lines->pdata[i]),
                                "Balance converted from EUR to SEK at 1 EUR = 11"));
  }
}

/* An invoice still unpaid stops the conversion: the dialog says why and offers no rate. */
static void
test_open_invoice (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) from = g_date_time_add_days (now, -2);
  g_autoptr(GDateTime) to = g_date_time_add_days (now, 1);
  g_auto(KabInvoiceRecord) invoice = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkWidget *dialog;

  g_assert_true (kab_store_issue_invoice (f->db.store, f->owes, from, to, NULL, &invoice, &error));
  g_assert_no_error (error);

  window = open_preferences (f);
  choose_currency (window, "NOK");
  dialog = GTK_WIDGET (kab_test_find_toplevel (KAB_TYPE_CURRENCY_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "1 invoice is not paid yet."));
  g_assert_false (gtk_widget_get_visible (child_of (dialog, KAB_TYPE_CURRENCY_DIALOG, "rate_box")));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "convert"));
  respond (dialog, "cancel");
  g_assert_cmpstr (kab_practice_get_currency (kab_store_get_practice (f->db.store)), ==, "EUR");
  g_assert_cmpstr (shown_currency (window), ==, "EUR");
}

static GListModel *
payments_of (Fixture *f,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  GListModel *payments = kab_store_list_payments (f->db.store, id, NULL, NULL, &error);

  g_assert_no_error (error);
  return payments;
}

/* Paid in another currency: the amount is recorded in the practice's currency and the
 * note says what came in, formatted as money; without the original amount nothing is
 * saved. */
static void
test_foreign_payment (Fixture       *f,
                      gconstpointer  data)
{
  KabPaymentDialog *dialog = kab_payment_dialog_new (NULL, f->db.store, NULL, f->owes);
  GtkWidget *foreign, *original, *codes, *note, *amount;
  g_autoptr(GListModel) payments = NULL;
  g_autoptr(KabPayment) payment = NULL;
  g_autofree char *money = kab_money_format (11000, "USD");
  g_autofree char *expected = g_strdup_printf ("Paid in USD: %s", money);
  g_autofree char *with_note = g_strdup_printf ("Paid in USD: %s · By post", money);
  GListModel *list;

  gtk_window_present (GTK_WINDOW (dialog));
  kab_test_wait_until_mapped (GTK_WIDGET (dialog));
  foreign = child_of (GTK_WIDGET (dialog), KAB_TYPE_PAYMENT_DIALOG, "foreign_row");
  original = child_of (GTK_WIDGET (dialog), KAB_TYPE_PAYMENT_DIALOG, "foreign_amount_row");
  codes = child_of (GTK_WIDGET (dialog), KAB_TYPE_PAYMENT_DIALOG, "foreign_currency_row");
  note = child_of (GTK_WIDGET (dialog), KAB_TYPE_PAYMENT_DIALOG, "note_row");
  amount = child_of (GTK_WIDGET (dialog), KAB_TYPE_PAYMENT_DIALOG, "amount_row");

  /* The practice's own currency is not offered as another one. */
  list = adw_combo_row_get_model (ADW_COMBO_ROW (codes));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (list, i);

      g_assert_cmpstr (gtk_string_object_get_string (item), !=, "EUR");
      if (g_str_equal (gtk_string_object_get_string (item), "USD"))
        adw_combo_row_set_selected (ADW_COMBO_ROW (codes), i);
    }

  gtk_editable_set_text (GTK_EDITABLE (amount), "100");
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (foreign), TRUE);

  /* No original amount: refused, nothing saved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.save", NULL));
  kab_test_iterate ();
  payments = payments_of (f, f->owes);
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, 0);
  g_clear_object (&payments);

  gtk_editable_set_text (GTK_EDITABLE (original), "110");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note)), ==, expected);

  /* The user's own note keeps the original amount in front. */
  gtk_editable_set_text (GTK_EDITABLE (note), "By post");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.save", NULL));
  kab_test_iterate ();

  payments = payments_of (f, f->owes);
  g_assert_cmpuint (g_list_model_get_n_items (payments), ==, 1);
  payment = g_list_model_get_item (payments, 0);
  g_assert_cmpint (kab_payment_get_amount (payment), ==, 10000);
  g_assert_cmpstr (kab_payment_get_currency (payment), ==, "EUR");
  g_assert_cmpstr (kab_payment_get_note (payment), ==, with_note);
  g_assert_cmpint (balance_of (f, f->owes), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  kab_test_ui_init (&argc, &argv);

  g_test_add ("/currency-ui/convert", Fixture, NULL, fixture_set_up, test_convert, fixture_tear_down);
  g_test_add ("/currency-ui/open-invoice", Fixture, NULL, fixture_set_up, test_open_invoice,
              fixture_tear_down);
  g_test_add ("/currency-ui/foreign-payment", Fixture, NULL, fixture_set_up,
              test_foreign_payment, fixture_tear_down);

  return g_test_run ();
}
