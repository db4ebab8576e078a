/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-private.h: what the store's files share; never included outside src/store/ and tests */

#pragma once

#include <sqlite3.h>

#include "kab-store.h"
#include "kab-store-documents.h"
#include "kab-store-pending.h"

G_BEGIN_DECLS

struct _KabStore
{
  GObject      parent_instance;

  char        *path;
  sqlite3     *db;
  int          lock_fd;
  GHashTable  *statements;   /* const char *sql → sqlite3_stmt* */
  guint        tx_depth;
  gboolean     damaged;      /* a check found damage: no more writes */
  gboolean     modes_tightened; /* opening made the files the user's alone */
  gboolean     wal_watched;  /* kab-store-wal.c keeps the record of the journal */
  guint32      wal_salt1;    /* the journal's salts as last recorded */
  guint32      wal_salt2;
  char        *wal_set_aside; /* a journal of another copy, moved away at open */
  KabStorePending *pending;  /* the write under way (kab-store-pending.c) */

  KabPractice *practice;
  KabPracticeIdentity *identity; /* loaded on first use (kab-store-documents.c) */
  GListStore  *clients;      /* KabClient, ordered by id */
  GHashTable  *clients_by_id; /* gint64* → KabClient* (borrowed from the list) */
};

enum {
  KAB_STORE_SIGNAL_SESSIONS_CHANGED,
  KAB_STORE_SIGNAL_LEDGER_CHANGED,
  KAB_STORE_SIGNAL_CONSENTS_CHANGED,
  KAB_STORE_N_SIGNALS
};

extern guint kab_store_signals[KAB_STORE_N_SIGNALS];

/* Statements: prepared once, reset and cleared before they are handed out. */
sqlite3_stmt *kab_store_prepare        (KabStore      *self,
                                        const char    *sql,
                                        GError       **error);
gboolean      kab_store_exec           (KabStore      *self,
                                        const char    *sql,
                                        GError       **error);
gboolean      kab_store_step_done      (KabStore      *self,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);

/* Reading rows: every loop over a statement, and every error it meets, goes through
 * these. A mapper makes one model object from the current row (client_from_row…). */
typedef void     (*KabStoreRowFunc)   (sqlite3_stmt *stmt,
                                       gpointer      user_data);
typedef gpointer (*KabStoreRowMapper) (sqlite3_stmt *stmt);

gboolean      kab_store_each_row       (KabStore           *self,
                                        sqlite3_stmt       *stmt,
                                        KabStoreRowFunc     func,
                                        gpointer            user_data,
                                        GError            **error);
GListModel   *kab_store_collect        (KabStore           *self,
                                        sqlite3_stmt       *stmt,
                                        GType               item_type,
                                        KabStoreRowMapper   map,
                                        GError            **error);
gboolean      kab_store_query_row      (KabStore           *self,
                                        sqlite3_stmt       *stmt,
                                        KabStoreRowFunc     func,
                                        gpointer            user_data,
                                        gboolean           *out_found,
                                        GError            **error);
gboolean      kab_store_query_int64    (KabStore           *self,
                                        sqlite3_stmt       *stmt,
                                        gint64             *out_value,
                                        GError            **error);
void          kab_store_set_error      (KabStore      *self,
                                        GError       **error,
                                        int            rc);

/* Integrity (kab-store.c). */
char         *kab_store_find_damage    (sqlite3       *db,
                                        const char    *pragma);
void          kab_store_stop_writing   (KabStore      *self);
gboolean      kab_store_copy_to        (KabStore      *self,
                                        const char    *path,
                                        gboolean       check,
                                        GError       **error);

/* The journal belongs to the file (kab-store-wal.c). */
gboolean      kab_store_wal_check      (KabStore      *self,
                                        GError       **error);
void          kab_store_wal_watch      (KabStore      *self);
void          kab_store_wal_closing    (KabStore      *self);

/* Savepoints nest; the outermost one is the transaction. */
gboolean      kab_store_tx_begin       (KabStore      *self,
                                        GError       **error);
gboolean      kab_store_tx_commit      (KabStore      *self,
                                        GError       **error);
void          kab_store_tx_rollback    (KabStore      *self);

/* Columns and parameters. */
void          kab_store_bind_text      (sqlite3_stmt  *stmt,
                                        int            index,
                                        const char    *text);
void          kab_store_bind_time      (sqlite3_stmt  *stmt,
                                        int            index,
                                        GDateTime     *time);
void          kab_store_bind_date      (sqlite3_stmt  *stmt,
                                        int            index,
                                        GDateTime     *date);
void          kab_store_bind_id        (sqlite3_stmt  *stmt,
                                        int            index,
                                        gint64         id);
const char   *kab_store_column_text    (sqlite3_stmt  *stmt,
                                        int            column);
GDateTime    *kab_store_column_time    (sqlite3_stmt  *stmt,
                                        int            column);
GDateTime    *kab_store_column_date    (sqlite3_stmt  *stmt,
                                        int            column);
int           kab_store_enum_from_nick (GType          enum_type,
                                        const char    *nick,
                                        int            fallback);
const char   *kab_store_enum_to_nick   (GType          enum_type,
                                        int            value);

/* Schema (kab-store-schema.c). */
gboolean      kab_store_migrate        (KabStore      *self,
                                        int            target,
                                        GError       **error);

/* Opens a database at an older schema version, for migration tests. */
KabStore     *kab_store_open_at_version (const char   *path,
                                         int           version,
                                         GError      **error);

/* Clients (kab-store-clients.c). */
gboolean      kab_store_load_clients   (KabStore      *self,
                                        GError       **error);
void          kab_store_refresh_client_balance (KabStore *self,
                                                gint64    client_id);
void          kab_store_refresh_client_next_session (KabStore *self,
                                                     gint64    client_id);
void          kab_store_refresh_client_consent (KabStore *self,
                                                gint64    client_id);
char         *kab_store_fold_name      (const char    *text);
gboolean      kab_store_client_exists  (KabStore      *self,
                                        gint64         client_id,
                                        GError       **error);

/* Sessions (kab-store-sessions.c) and absences (kab-store-absences.c). */
gboolean      kab_store_write_billed_session (KabStore   *self,
                                              KabSession *session,
                                              gint64     *out_old_client_id,
                                              GError    **error);
void          kab_store_session_written (KabStore     *self,
                                         gint64        client_id);
gboolean      kab_store_is_absent_on   (KabStore      *self,
                                        GDateTime     *time,
                                        gboolean      *out_absent,
                                        GError       **error);

/* Billing rules (kab-store-billing.c). The clock is the real one unless a test sets
 * it; days are local "YYYY-MM-DD". */
GDateTime    *kab_store_swap_test_now  (GDateTime     *now);
GDateTime    *kab_store_now            (void);
void          kab_store_local_day      (GDateTime     *time,
                                        char           out_day[11]);
gboolean      kab_store_note_practice_rate (KabStore    *self,
                                            KabPractice *practice,
                                            GError     **error);
gboolean      kab_store_note_client_rate (KabStore    *self,
                                          KabClient   *client,
                                          GError     **error);
gboolean      kab_store_bill_client_sessions (KabStore  *self,
                                              gint64     client_id,
                                              gint64     changed_session,
                                              GError   **error);
gboolean      kab_store_charge_months  (KabStore      *self,
                                        GDateTime     *now,
                                        const char    *only_period,
                                        guint         *out_created,
                                        GError       **error);
gboolean      kab_store_forget_package_of_charge (KabStore  *self,
                                                  gint64     client_id,
                                                  gint64     charge_id,
                                                  GError   **error);
gboolean      kab_store_session_has_package (KabStore *self,
                                             gint64    session_id);

G_END_DECLS
