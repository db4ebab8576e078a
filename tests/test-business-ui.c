/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-business-ui.c: Preferences → Business and Tax in a real window */

#include "config.h"

#include "kab-business-page.h"
#include "kab-country.h"
#include "kab-preferences-window.h"
#include "kab-store-documents.h"
#include "kab-test-ui-util.h"
#include "kab-test-util.h"

static GtkWidget *
page_child (GtkWidget  *page,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (page, KAB_TYPE_BUSINESS_PAGE, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

/* The rows follow the practice's country; a number that fails its check is marked and
 * not saved; a good one is saved at once. */
static void
test_business_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kabinett-business-ui-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "practice.db", NULL);
  g_autoptr(KabStore) store = kab_store_open (path, &error);
  g_autoptr(KabPractice) practice = NULL;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *tax_id;

  g_assert_no_error (error);
  practice = kab_practice_copy (kab_store_get_practice (store));
  kab_practice_set_country (practice, KAB_COUNTRY_NORWAY);
  g_assert_true (kab_store_save_practice (store, practice, &error));

  window = kab_preferences_window_new (store);
  gtk_window_present (GTK_WINDOW (window));
  kab_test_wait_until_mapped (window);
  page = kab_test_find_by_type (window, KAB_TYPE_BUSINESS_PAGE);
  g_assert_nonnull (page);

  /* Norway: the organisation number and the account number, no bankgiro */
  tax_id = page_child (page, "tax_id_row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (tax_id)), ==, "Organisation Number");
  g_assert_true (gtk_widget_get_visible (page_child (page, "account_row")));
  g_assert_false (gtk_widget_get_visible (page_child (page, "bankgiro_row")));
  g_assert_true (gtk_widget_get_visible (page_child (page, "vat_registered_row")));

  gtk_editable_set_text (GTK_EDITABLE (tax_id), "974 760 674");
  g_signal_emit_by_name (tax_id, "apply");
  kab_test_iterate ();
  g_assert_true (gtk_widget_has_css_class (tax_id, "error"));
  g_assert_cmpstr (kab_practice_identity_get_tax_id (kab_store_get_identity (store)), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (tax_id), "974 760 673");
  g_signal_emit_by_name (tax_id, "apply");
  kab_test_iterate ();
  g_assert_false (gtk_widget_has_css_class (tax_id, "error"));
  g_assert_cmpstr (kab_practice_identity_get_tax_id (kab_store_get_identity (store)), ==, "974 760 673");

  /* Sweden: the rows change with the country */
  kab_practice_set_country (practice, KAB_COUNTRY_SWEDEN);
  g_assert_true (kab_store_save_practice (store, practice, &error));
  kab_test_iterate ();
  g_assert_true (gtk_widget_get_visible (page_child (page, "bankgiro_row")));
  g_assert_false (gtk_widget_get_visible (page_child (page, "account_row")));
  g_assert_true (gtk_widget_get_visible (page_child (page, "licensed_row")));
  g_assert_false (gtk_widget_get_visible (page_child (page, "vat_percent_row")));
  g_assert_true (gtk_widget_has_css_class (tax_id, "error"));

  /* the Norwegian number does not pass the Swedish check: it must be corrected first */
  gtk_switch_set_active (GTK_SWITCH (page_child (page, "licensed_switch")), FALSE);
  kab_test_iterate ();
  g_assert_true (kab_practice_identity_get_licensed (kab_store_get_identity (store)));
  gtk_switch_set_active (GTK_SWITCH (page_child (page, "licensed_switch")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (tax_id), "556036-0793");
  g_signal_emit_by_name (tax_id, "apply");
  kab_test_iterate ();
  g_assert_cmpstr (kab_practice_identity_get_tax_id (kab_store_get_identity (store)), ==, "556036-0793");
  g_assert_false (gtk_widget_has_css_class (tax_id, "error"));

  /* an unlicensed counsellor charges VAT: the rate is asked */
  gtk_switch_set_active (GTK_SWITCH (page_child (page, "licensed_switch")), FALSE);
  kab_test_iterate ();
  g_assert_false (kab_practice_identity_get_licensed (kab_store_get_identity (store)));
  g_assert_true (gtk_widget_get_visible (page_child (page, "vat_percent_row")));

  kab_test_destroy_all_windows ();
  g_clear_object (&store);
  kab_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/business-ui/page", test_business_page);

  return g_test_run ();
}
