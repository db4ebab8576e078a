/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-safety-pending.c: a save reported as failed that was written all the same is told at the next start */

#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "test-safety-util.h"
#include "kab-money.h"
#include "kab-store-journal.h"
#include "test-safety-fault.h"

/* The rule (issue 15, item 8): a commit can fail after its data reached the disk (fsync
 * reports EIO). The user is told the save failed; if Kabinett then dies, the write is
 * back at the next start, and the user, who enters it again, makes a duplicate. So the
 * next start must say what a failed save left behind, and only that: a save that went
 * well, or a failed one that is not in the file, is not mentioned, and nothing is left
 * beside the database. */

typedef struct
{
  char   *dir;
  char   *path;
  char   *pending;
  gint64  client_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = NULL;
  g_autoptr(KabClient) client = NULL;

  f->dir = g_dir_make_tmp ("kabinett-pending-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "kabinett.db", NULL);
  f->pending = g_strconcat (f->path, ".pending", NULL);

  store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
  client = safety_add_client (store, "Ann", "Lee");
  f->client_id = kab_client_get_id (client);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  kab_test_remove_tree (f->dir);
  g_free (f->pending);
  g_free (f->path);
  g_free (f->dir);
}

static GDateTime *
payment_day (void)
{
  return g_date_time_new_local (2026, 12, 5, 12, 0, 0);
}

static KabPayment *
new_payment (KabStore *store,
             gint64    client_id,
             gint64    amount)
{
  g_autoptr(GDateTime) day = payment_day ();
  KabPayment *payment = kab_payment_new ();

  g_object_set (payment,
                "client-id", client_id,
                "date", day,
                "amount", amount,
                "currency", "SEK",
                "method", KAB_PAYMENT_METHOD_CARD,
                NULL);
  return payment;
}

static guint
count_payments (KabStore *store,
                gint64    client_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) payments = kab_store_list_payments (store, client_id, NULL, NULL, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (payments);
}

/* What the child does: a save that goes well first (so that the journal has started),
 * then the failing one, as the user would see it. */
typedef struct
{
  Fixture   *fixture;
  FaultMode  mode;
  gboolean   enter_again;   /* the user, told it failed, enters the payment again */
} Child;

static gboolean
child_fails_a_payment (gpointer data)
{
  Child *child = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = kab_store_open (child->fixture->path, &error);
  g_autoptr(KabPayment) warm_up = NULL;
  g_autoptr(KabPayment) payment = NULL;

  if (store == NULL)
    return FALSE;

  warm_up = new_payment (store, child->fixture->client_id, 50000);
  if (!kab_store_save_payment (store, warm_up, &error))
    return FALSE;

  payment = new_payment (store, child->fixture->client_id, 120000);
  fault_armed = child->mode;
  if (kab_store_save_payment (store, payment, &error) || fault_hits != 1)
    return FALSE;
  printf ("# the save failed: %s\n", error->message);
  g_clear_error (&error);

  if (child->enter_again)
    {
      g_autoptr(KabPayment) again = new_payment (store, child->fixture->client_id, 120000);

      if (!kab_store_save_payment (store, again, &error))
        return FALSE;
    }

  /* Dies here, the store open: no close, no checkpoint. */
  g_steal_pointer (&store);
  return TRUE;
}

/* The fsync fails after the frames were written: the payment comes back at the next start,
 * and the start says so, once. */
static void
test_failed_save_that_persisted (Fixture       *f,
                                 gconstpointer  data)
{
  Child child = { f, FAULT_SYNC_AFTER_WRITE, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = NULL;
  g_autoptr(GVariant) found = NULL;
  g_autoptr(GVariant) again = NULL;
  g_autofree char *money = kab_money_format (120000, "SEK");
  const char *kind, *message;
  gint64 client_id, when;

  fault_run_and_die (child_fails_a_payment, &child);
  g_assert_true (g_file_test (f->pending, G_FILE_TEST_EXISTS));

  store = kab_store_open (f->path, &error);
  g_assert_no_error (error);

  /* The write is in fact there: 500 kr (the warm-up) and the "failed" 1 200 kr. */
  g_assert_cmpuint (count_payments (store, f->client_id), ==, 2);

  found = kab_store_take_saved_after_all (store);
  g_assert_nonnull (found);
  g_assert_cmpstr (g_variant_get_type_string (found), ==, "a(ssxx)");
  g_assert_cmpuint (g_variant_n_children (found), ==, 1);
  g_variant_get_child (found, 0, "(&s&sxx)", &kind, &message, &client_id, &when);
  g_test_message ("told: %s", message);
  g_assert_cmpstr (kind, ==, "payment");
  g_assert_cmpint (client_id, ==, f->client_id);
  g_assert_nonnull (strstr (message, "saved after all"));
  g_assert_nonnull (strstr (message, money));
  g_assert_nonnull (strstr (message, "Ann Lee"));
  g_assert_nonnull (strstr (message, "5 December 2026"));

  /* Told once: the record is gone, and a second start says nothing. */
  again = kab_store_take_saved_after_all (store);
  g_assert_null (again);
  g_assert_false (g_file_test (f->pending, G_FILE_TEST_EXISTS));
  g_clear_object (&store);

  store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_null (kab_store_take_saved_after_all (store));
  g_assert_cmpuint (count_payments (store, f->client_id), ==, 2);
}

/* The journal write fails: nothing of the payment reached the file. The next start finds
 * it absent and says nothing. */
static void
test_failed_save_that_did_not_persist (Fixture       *f,
                                       gconstpointer  data)
{
  Child child = { f, FAULT_WRITE, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = NULL;

  fault_run_and_die (child_fails_a_payment, &child);

  store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_payments (store, f->client_id), ==, 1);
  g_assert_null (kab_store_take_saved_after_all (store));
  g_assert_false (g_file_test (f->pending, G_FILE_TEST_EXISTS));
}

/* Told it failed, the user enters the payment again in the same run, and that save goes
 * well: the failed one is sure not to come back (the new write was committed on top),
 * and the new one, which may reuse its row id, is not taken for it. */
static void
test_entered_again_after_failure (Fixture       *f,
                                  gconstpointer  data)
{
  Child child = { f, FAULT_SYNC_AFTER_WRITE, TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = NULL;

  fault_run_and_die (child_fails_a_payment, &child);

  store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_payments (store, f->client_id), ==, 2);
  g_assert_null (kab_store_take_saved_after_all (store));
  g_assert_false (g_file_test (f->pending, G_FILE_TEST_EXISTS));
}

/* The normal path: every kind of user-level write goes well, nothing is told, and no
 * record is left beside the database once it is closed. */
static void
test_normal_path_leaves_nothing (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = kab_store_open (f->path, &error);
  g_autoptr(GDateTime) day = payment_day ();
  g_autoptr(GDateTime) last_week = g_date_time_add_weeks (day, -1);
  g_autoptr(KabPayment) payment = NULL;
  g_autoptr(KabSession) session = NULL;
  g_autoptr(KabClient) client = NULL;
  g_autoptr(KabClient) copy = NULL;
  g_autoptr(KabJournalEntry) entry = kab_journal_entry_new ();
  g_autoptr(KabCharge) charge = kab_charge_new ();
  gsize length = 1;
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  g_assert_null (kab_store_take_saved_after_all (store));

  payment = safety_add_payment (store, f->client_id, day, 120000);
  kab_payment_set_amount (payment, 130000);
  g_assert_true (kab_store_save_payment (store, payment, &error));
  g_assert_no_error (error);
  g_assert_true (kab_store_delete_payment (store, payment, &error));
  g_assert_no_error (error);

  g_object_set (charge, "client-id", f->client_id, "date", day, "amount", (gint64)90000,
                "currency", "SEK", "kind", KAB_CHARGE_KIND_OTHER, NULL);
  g_assert_true (kab_store_save_charge (store, charge, &error));
  g_assert_no_error (error);

  session = safety_add_session (store, f->client_id, last_week, KAB_SESSION_STATUS_PLANNED);
  kab_session_set_status (session, KAB_SESSION_STATUS_ATTENDED);
  g_assert_true (kab_store_save_session (store, session, &error));
  g_assert_no_error (error);

  client = safety_add_client (store, "Bo", "Berg");
  copy = kab_client_copy (client);
  g_object_set (copy, "phone", "+46 8 123 45 67", NULL);
  g_assert_true (kab_store_save_client (store, copy, &error));
  g_assert_no_error (error);

  g_object_set (entry, "client-id", f->client_id, "occurred", last_week,
                "text", "Seen; better.", NULL);
  g_assert_true (kab_store_save_journal_draft (store, entry, &error));
  g_assert_no_error (error);

  /* While the practice is open the record may exist, but it holds nothing. */
  if (g_file_get_contents (f->pending, &contents, &length, NULL))
    g_assert_cmpuint (length, ==, 0);

  g_clear_object (&store);
  g_assert_false (g_file_test (f->pending, G_FILE_TEST_EXISTS));

  store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_null (kab_store_take_saved_after_all (store));
}

/* The record says nothing clinical: only kinds, ids, amounts, dates and time stamps. */
static gboolean
child_fails_a_note (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = kab_store_open (f->path, &error);
  g_autoptr(GDateTime) day = payment_day ();
  g_autoptr(KabPayment) warm_up = NULL;
  g_autoptr(KabJournalEntry) entry = kab_journal_entry_new ();

  if (store == NULL)
    return FALSE;

  warm_up = new_payment (store, f->client_id, 50000);
  if (!kab_store_save_payment (store, warm_up, &error))
    return FALSE;

  g_object_set (entry, "client-id", f->client_id, "occurred", day,
                "text", "Talked about her father.", NULL);
  fault_armed = FAULT_SYNC_AFTER_WRITE;
  if (kab_store_save_journal_draft (store, entry, &error))
    return FALSE;

  g_steal_pointer (&store);
  return TRUE;
}

static void
test_failed_note_without_its_text (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KabStore) store = NULL;
  g_autoptr(GVariant) found = NULL;
  g_autofree char *record = NULL;
  const char *kind, *message;
  gint64 client_id, when;

  fault_run_and_die (child_fails_a_note, f);

  g_assert_true (g_file_get_contents (f->pending, &record, NULL, NULL));
  g_assert_null (strstr (record, "father"));
  g_assert_null (strstr (record, "Ann"));

  store = kab_store_open (f->path, &error);
  g_assert_no_error (error);
  found = kab_store_take_saved_after_all (store);
  g_assert_nonnull (found);
  g_assert_cmpuint (g_variant_n_children (found), ==, 1);
  g_variant_get_child (found, 0, "(&s&sxx)", &kind, &message, &client_id, &when);
  g_test_message ("told: %s", message);
  g_assert_cmpstr (kind, ==, "journal");
  g_assert_cmpint (client_id, ==, f->client_id);
  g_assert_null (strstr (message, "father"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/safety/pending/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("failed-save-that-persisted", test_failed_save_that_persisted);
  ADD ("failed-save-that-did-not-persist", test_failed_save_that_did_not_persist);
  ADD ("entered-again-after-failure", test_entered_again_after_failure);
  ADD ("normal-path-leaves-nothing", test_normal_path_leaves_nothing);
  ADD ("failed-note-without-its-text", test_failed_note_without_its_text);

  return g_test_run ();
}
