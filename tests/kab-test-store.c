/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-test-store.c: a practice database in a temporary folder, for the store tests */

#include "config.h"

#include "kab-test-store.h"
#include "kab-test-util.h"

/**
 * kab_test_store_set_up:
 * @name: what the test is about, in the folder's name ("billing" → kabinett-billing-XXXXXX)
 *
 * Opens a new store in a new temporary folder; fails the test if it cannot.
 */
void
kab_test_store_set_up (KabTestStore *fixture,
                       const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("kabinett-%s-XXXXXX", name);

  fixture->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "practice.db", NULL);
  fixture->store = kab_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

/**
 * kab_test_store_reopen:
 *
 * Closes the store and opens the same file again, as the next start of the app would.
 *
 * Returns: (transfer none): the store opened again
 */
KabStore *
kab_test_store_reopen (KabTestStore *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  fixture->store = kab_store_open (fixture->path, &error);
  g_assert_no_error (error);
  return fixture->store;
}

void
kab_test_store_tear_down (KabTestStore *fixture)
{
  g_clear_object (&fixture->store);
  kab_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Saves a client of @plan and @fee (minor units) and returns its id. */
gint64
kab_test_store_add_client (KabStore       *store,
                           const char     *given_name,
                           const char     *family_name,
                           KabBillingPlan  plan,
                           gint64          fee)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (client, "given-name", given_name, "family-name", family_name,
                "billing-plan", plan, "fee", fee, NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_assert_no_error (error);
  return kab_client_get_id (client);
}
