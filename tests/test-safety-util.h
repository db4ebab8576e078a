/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-safety-util.h: what the data-safety tests share: temporary practices and snapshots */

#pragma once

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "kab-enum-types.h"
#include "kab-model-error.h"
#include "kab-store.h"
#include "kab-test-util.h"

G_BEGIN_DECLS

static inline KabClient *
safety_add_client (KabStore   *store,
                   const char *given,
                   const char *family)
{
  g_autoptr(GError) error = NULL;
  KabClient *client = kab_client_new ();

  g_object_set (client, "given-name", given, "family-name", family,
                "fee", (gint64)150000, NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_assert_no_error (error);
  return client;
}

static inline KabSession *
safety_add_session (KabStore         *store,
                    gint64            client_id,
                    GDateTime        *start,
                    KabSessionStatus  status)
{
  g_autoptr(GError) error = NULL;
  KabSession *session = kab_session_new ();

  g_object_set (session,
                "client-id", client_id,
                "start", start,
                "duration", 50,
                "fee", (gint64)150000,
                "status", status,
                NULL);
  g_assert_true (kab_store_save_session (store, session, &error));
  g_assert_no_error (error);
  return session;
}

static inline KabPayment *
safety_add_payment (KabStore  *store,
                    gint64     client_id,
                    GDateTime *date,
                    gint64     amount)
{
  g_autoptr(GError) error = NULL;
  KabPayment *payment = kab_payment_new ();

  g_object_set (payment,
                "client-id", client_id,
                "date", date,
                "amount", amount,
                "currency", kab_practice_get_currency (kab_store_get_practice (store)),
                "method", KAB_PAYMENT_METHOD_CARD,
                NULL);
  g_assert_true (kab_store_save_payment (store, payment, &error));
  g_assert_no_error (error);
  return payment;
}

static inline KabConsent *
safety_add_consent (KabStore   *store,
                    gint64      client_id,
                    GDateTime  *created,
                    const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  KabConsent *consent = kab_consent_new ();

  /* An agreement cannot be signed in the future. */
  if (g_date_time_compare (created, now) > 0)
    created = now;

  g_object_set (consent,
                "client-id", client_id,
                "language", "en",
                "title", "Therapy agreement",
                "rendered-text", text,
                "created", created,
                "signed-on", created,
                NULL);
  g_assert_true (kab_store_save_consent (store, consent, &error));
  g_assert_no_error (error);
  return consent;
}

/* SHA-256 of a file, or NULL when it cannot be read. */
static inline char *
safety_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

/* What the database holds, to compare before and after an operation that must change
 * nothing: the ledger totals, the clients, and a checksum of a fresh backup copy. */
typedef struct
{
  gint64  charged;
  gint64  paid;
  guint   n_clients;
  char   *checksum;
} SafetySnapshot;

static inline void
safety_snapshot_clear (SafetySnapshot *snapshot)
{
  g_clear_pointer (&snapshot->checksum, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SafetySnapshot, safety_snapshot_clear)

static inline void
safety_snapshot_take (KabStore       *store,
                      SafetySnapshot *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kabinett-snapshot-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);

  g_assert_true (kab_store_get_totals (store, &out->charged, &out->paid, &error));
  g_assert_no_error (error);
  out->n_clients = g_list_model_get_n_items (kab_store_get_clients (store));

  g_assert_true (kab_store_backup_to (store, copy, &error));
  g_assert_no_error (error);
  out->checksum = safety_file_checksum (copy);
  g_assert_nonnull (out->checksum);

  kab_test_remove_tree (dir);
}

static inline void
safety_assert_unchanged (KabStore             *store,
                         const SafetySnapshot *before)
{
  g_auto(SafetySnapshot) after = { 0, };

  safety_snapshot_take (store, &after);
  g_assert_cmpint (after.charged, ==, before->charged);
  g_assert_cmpint (after.paid, ==, before->paid);
  g_assert_cmpuint (after.n_clients, ==, before->n_clients);
  g_assert_cmpstr (after.checksum, ==, before->checksum);
}

/* An error a user can read: in the model's or the store's domain, with a non-empty,
 * valid UTF-8 message. */
static inline void
safety_assert_user_error (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == KAB_MODEL_ERROR || error->domain == KAB_STORE_ERROR);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static inline guint
safety_count_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

G_END_DECLS
