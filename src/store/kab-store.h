/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store.h: the practice database, the only owner of SQLite */

#pragma once

#include <gio/gio.h>

#include "kab-charge.h"
#include "kab-client.h"
#include "kab-consent.h"
#include "kab-consent-template.h"
#include "kab-payment.h"
#include "kab-practice.h"
#include "kab-series.h"
#include "kab-session.h"
#include "kab-supervision.h"

G_BEGIN_DECLS

#define KAB_STORE_ERROR (kab_store_error_quark ())

typedef enum
{
  KAB_STORE_ERROR_OPEN,        /* cannot open or create the file */
  KAB_STORE_ERROR_CORRUPT,     /* not a Kabinett database, or damaged */
  KAB_STORE_ERROR_TOO_NEW,     /* written by a newer Kabinett */
  KAB_STORE_ERROR_LOCKED,      /* in use by another program */
  KAB_STORE_ERROR_READ_ONLY,   /* file or folder not writable */
  KAB_STORE_ERROR_FULL,        /* disk full */
  KAB_STORE_ERROR_NOT_FOUND,   /* no such record */
  KAB_STORE_ERROR_REFUSED,     /* a rule forbids it, e.g. deleting a client with history */
  KAB_STORE_ERROR_FAILED,
} KabStoreError;

/* The schema version this build writes. */
#define KAB_STORE_SCHEMA_VERSION 12

#define KAB_TYPE_STORE (kab_store_get_type ())

/* Signals:
 *   "sessions-changed" ()               after any write to sessions or series
 *   "ledger-changed"   (gint64 client)  after any write to a client's charges or payments
 *                                       (client 0: several clients, e.g. a bulk import)
 *   "consents-changed" (gint64 client)  after a consent record or template is written
 */

G_DECLARE_FINAL_TYPE (KabStore, kab_store, KAB, STORE, GObject)

GQuark       kab_store_error_quark            (void);

KabStore    *kab_store_open                   (const char        *path,
                                               GError           **error);
const char  *kab_store_get_path               (KabStore          *self);
char        *kab_store_default_path           (void);

gboolean     kab_store_begin                  (KabStore          *self,
                                               GError           **error);
gboolean     kab_store_commit                 (KabStore          *self,
                                               GError           **error);
void         kab_store_rollback               (KabStore          *self);

gboolean     kab_store_backup_to              (KabStore          *self,
                                               const char        *path,
                                               GError           **error);
gboolean     kab_store_is_damaged             (KabStore          *self);
gboolean     kab_store_get_modes_tightened    (KabStore          *self);
const char  *kab_store_get_wal_set_aside      (KabStore          *self);
GVariant    *kab_store_take_saved_after_all   (KabStore          *self);

/* Data safety (kab-store-backup.c): integrity, daily rotating backups in the "backups"
 * folder beside the database, restoring one. */
typedef struct
{
  char      *path;   /* the backup file */
  GDateTime *date;   /* when it was taken, local time (from its name: the day, and the
                      * time for a copy kept before a restore) */
  guint64    size;   /* bytes */
} KabBackup;

void         kab_backup_free                  (KabBackup         *backup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KabBackup, kab_backup_free)

gboolean     kab_store_check_integrity        (KabStore          *self,
                                               GError           **error);
char        *kab_store_get_backup_dir         (const char        *db_path);
gboolean     kab_store_backup_daily           (KabStore          *self,
                                               GDateTime         *now,
                                               GError           **error);
GPtrArray   *kab_store_list_backups           (const char        *db_path,
                                               GError           **error);
void         kab_store_remove_leftovers       (const char        *db_path);
char        *kab_store_find_sound_backup      (const char        *db_path);
GPtrArray   *kab_store_find_client_in_backups (const char        *db_path,
                                               gint64             client_id,
                                               GDateTime         *created,
                                               GError           **error);
gboolean     kab_store_backup_is_encrypted    (const char        *path);
gboolean     kab_store_backup_encrypted       (KabStore          *self,
                                               const char        *path,
                                               const char        *passphrase,
                                               GError           **error);
gboolean     kab_store_restore_encrypted      (const char        *db_path,
                                               const char        *backup_path,
                                               const char        *passphrase,
                                               GDateTime         *now,
                                               char             **out_safety_copy,
                                               GError           **error);
gboolean     kab_store_erase_client_from_backups (const char     *db_path,
                                               gint64             client_id,
                                               GDateTime         *created,
                                               guint             *out_n_erased,
                                               GError           **error);
gboolean     kab_store_restore_backup         (const char        *db_path,
                                               const char        *backup_path,
                                               GDateTime         *now,
                                               char             **out_safety_copy,
                                               GError           **error);

/* Practice settings: loaded at open, owned by the store. */
KabPractice *kab_store_get_practice           (KabStore          *self);
gboolean     kab_store_save_practice          (KabStore          *self,
                                               KabPractice       *practice,
                                               GError           **error);

/* Clients: one live list model of every client, ordered by id. The objects in it are
 * the ones the store updates (balance, next-session, consent-state), so views bind to
 * them. Saving a new client appends it; saving a known one emits items-changed for its
 * position only. */
GListModel  *kab_store_get_clients            (KabStore          *self);
KabClient   *kab_store_find_client            (KabStore          *self,
                                               gint64             id);
gboolean     kab_store_save_client            (KabStore          *self,
                                               KabClient         *client,
                                               GError           **error);
gboolean     kab_store_delete_client          (KabStore          *self,
                                               KabClient         *client,
                                               GError           **error);

/* What a client has on record: a client with any of it cannot be deleted. */
typedef struct
{
  guint n_sessions;
  guint n_series;
  guint n_charges;
  guint n_payments;
  guint n_consents;
} KabClientHistory;

gboolean     kab_store_get_client_history     (KabStore          *self,
                                               gint64             client_id,
                                               KabClientHistory  *out_history,
                                               GError           **error);

/* Sessions and series. Lists are new models (transfer full) of new objects. */
GListModel  *kab_store_list_sessions          (KabStore          *self,
                                               GDateTime         *from,
                                               GDateTime         *to,
                                               GError           **error);
GListModel  *kab_store_list_planned_sessions  (KabStore          *self,
                                               GDateTime         *from,
                                               GDateTime         *to,
                                               GError           **error);
GListModel  *kab_store_list_client_sessions   (KabStore          *self,
                                               gint64             client_id,
                                               GError           **error);
KabSession  *kab_store_load_session           (KabStore          *self,
                                               gint64             id,
                                               GError           **error);
gboolean     kab_store_save_session           (KabStore          *self,
                                               KabSession        *session,
                                               GError           **error);
gboolean     kab_store_delete_session         (KabStore          *self,
                                               KabSession        *session,
                                               GError           **error);
GListModel  *kab_store_find_overlaps          (KabStore          *self,
                                               KabSession        *session,
                                               GError           **error);
KabSeries   *kab_store_load_series            (KabStore          *self,
                                               gint64             id,
                                               GError           **error);
gboolean     kab_store_save_series            (KabStore          *self,
                                               KabSeries         *series,
                                               GError           **error);
gboolean     kab_store_extend_series          (KabStore          *self,
                                               GDateTime         *horizon,
                                               GError           **error);

/* Ledger. */
gboolean     kab_store_save_charge            (KabStore          *self,
                                               KabCharge         *charge,
                                               GError           **error);
gboolean     kab_store_delete_charge          (KabStore          *self,
                                               KabCharge         *charge,
                                               GError           **error);
gboolean     kab_store_save_payment           (KabStore          *self,
                                               KabPayment        *payment,
                                               GError           **error);
gboolean     kab_store_delete_payment         (KabStore          *self,
                                               KabPayment        *payment,
                                               GError           **error);
GListModel  *kab_store_list_charges           (KabStore          *self,
                                               gint64             client_id,
                                               GDateTime         *from,
                                               GDateTime         *to,
                                               GError           **error);
GListModel  *kab_store_list_payments          (KabStore          *self,
                                               gint64             client_id,
                                               GDateTime         *from,
                                               GDateTime         *to,
                                               GError           **error);
gboolean     kab_store_get_balance            (KabStore          *self,
                                               gint64             client_id,
                                               gint64            *out_balance,
                                               GError           **error);
GHashTable  *kab_store_get_all_balances       (KabStore          *self,
                                               GError           **error);
gboolean     kab_store_get_totals             (KabStore          *self,
                                               gint64            *out_charged,
                                               gint64            *out_paid,
                                               GError           **error);

/* Ledger views (the Payments view). */

/* A client who owes: @amount > 0 since @since, the date of the oldest charge that the
 * client's payments do not cover (payments settle the oldest charges first). */
typedef struct
{
  gint64     client_id;
  gint64     amount;
  GDateTime *since;
} KabDebt;

/* One month of the income report: what was charged and paid in the month, and what of
 * the month's charges is still unpaid today. */
typedef struct
{
  gint64 charged;
  gint64 paid;
  gint64 outstanding;
} KabIncome;

void         kab_debt_clear                   (KabDebt           *debt);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KabDebt, kab_debt_clear)

GListModel  *kab_store_list_ledger            (KabStore          *self,
                                               gint64             client_id,
                                               GDateTime         *from,
                                               GDateTime         *to,
                                               GError           **error);
gboolean     kab_store_get_balance_before     (KabStore          *self,
                                               gint64             client_id,
                                               GDateTime         *date,
                                               gint64            *out_balance,
                                               GError           **error);
gboolean     kab_store_generate_monthly_fees  (KabStore          *self,
                                               GDateTime         *month,
                                               guint             *out_created,
                                               GError           **error);
GArray      *kab_store_list_debts             (KabStore          *self,
                                               GError           **error);
gboolean     kab_store_get_debt               (KabStore          *self,
                                               gint64             client_id,
                                               KabDebt           *out_debt,
                                               GError           **error);
gboolean     kab_store_get_income             (KabStore          *self,
                                               int                year,
                                               KabIncome          out_months[12],
                                               GError           **error);

/* Consent. */
GListModel  *kab_store_list_consent_templates (KabStore          *self,
                                               GError           **error);
gboolean     kab_store_save_consent_template  (KabStore          *self,
                                               KabConsentTemplate *template,
                                               GError           **error);
gboolean     kab_store_ensure_builtin_template (KabStore         *self,
                                               const char        *key,
                                               const char        *language,
                                               const char        *body,
                                               GError           **error);
GListModel  *kab_store_list_consents          (KabStore          *self,
                                               gint64             client_id,
                                               GError           **error);
gboolean     kab_store_save_consent           (KabStore          *self,
                                               KabConsent        *consent,
                                               GError           **error);
GHashTable  *kab_store_count_template_uses     (KabStore          *self,
                                               GError           **error);

/* One client's records (kab-store-export.c): export for a client who asks for them,
 * and erasure, refused while the practice's retention period runs unless overridden. */
gboolean     kab_store_export_client_json     (KabStore          *self,
                                               gint64             client_id,
                                               const char        *path,
                                               GError           **error);
gboolean     kab_store_get_retention_end      (KabStore          *self,
                                               gint64             client_id,
                                               GDateTime         *now,
                                               GDateTime        **out_until,
                                               GError           **error);
gboolean     kab_store_erase_client           (KabStore          *self,
                                               gint64             client_id,
                                               gboolean           override_retention,
                                               GDateTime         *now,
                                               GError           **error);

/* The practitioner's own supervision log and the reminders prepared
 * (kab-store-supervision.c). */
GListModel  *kab_store_list_supervision       (KabStore          *self,
                                               GDateTime         *from,
                                               GDateTime         *to,
                                               GError           **error);
gboolean     kab_store_save_supervision       (KabStore          *self,
                                               KabSupervision    *meeting,
                                               GError           **error);
gboolean     kab_store_delete_supervision     (KabStore          *self,
                                               KabSupervision    *meeting,
                                               GError           **error);
gboolean     kab_store_book_supervision_series (KabStore         *self,
                                               KabSupervision    *first,
                                               guint              interval_weeks,
                                               GDateTime         *until,
                                               guint             *out_count,
                                               GError           **error);
gboolean     kab_store_get_supervision_minutes (KabStore         *self,
                                               GDateTime         *from,
                                               GDateTime         *to,
                                               gint64             out_minutes[KAB_SUPERVISION_N_KINDS],
                                               GError           **error);
gboolean     kab_store_export_supervision_json (KabStore         *self,
                                               GDateTime         *from,
                                               GDateTime         *to,
                                               const char        *path,
                                               GError           **error);
GPtrArray   *kab_store_list_supervision_for_client (KabStore     *self,
                                               gint64             client_id,
                                               GError           **error);
gboolean     kab_store_mark_reminder_prepared (KabStore          *self,
                                               gint64             session_id,
                                               GDateTime         *when,
                                               GError           **error);
gboolean     kab_store_get_reminder_prepared  (KabStore          *self,
                                               gint64             session_id,
                                               GDateTime        **out_when,
                                               GError           **error);
char        *kab_store_dup_reminder_template  (KabStore          *self,
                                               const char        *language,
                                               GError           **error);
gboolean     kab_store_save_reminder_template (KabStore          *self,
                                               const char        *language,
                                               const char        *body,
                                               GError           **error);

G_END_DECLS

#include "kab-store-billing.h"

/* The clinical record (kab-store-journal.c). */
#include "kab-store-journal.h"

/* Vacations and closed days (kab-store-absences.c). */
#include "kab-store-absences.h"

/* Changing the currency by a conversion (kab-store-currency.c). */
#include "kab-store-currency.h"
