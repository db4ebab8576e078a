/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-schema.c: the database schema and its migrations, one transaction per step */

#include "config.h"

#include "kab-store-private.h"

/* Step N brings a database from user_version N-1 to N. Steps are never edited once
 * released: a change to the schema is a new step at the end. */
static const char * const migrations[] = {
  /* 1: the tables */
  "PRAGMA application_id = 1262567969;"
  "CREATE TABLE practice ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  practitioner_name TEXT NOT NULL DEFAULT '',"
  "  title TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  currency TEXT NOT NULL DEFAULT 'EUR',"
  "  default_fee INTEGER NOT NULL DEFAULT 0 CHECK (default_fee >= 0),"
  "  default_duration INTEGER NOT NULL DEFAULT 50,"
  "  cancel_hours INTEGER NOT NULL DEFAULT 24,"
  "  late_cancel_percent INTEGER NOT NULL DEFAULT 100,"
  "  form_language TEXT NOT NULL DEFAULT 'en',"
  "  retention_years INTEGER NOT NULL DEFAULT 10,"
  "  day_start_hour INTEGER NOT NULL DEFAULT 8,"
  "  day_end_hour INTEGER NOT NULL DEFAULT 20"
  ");"
  "CREATE TABLE client ("
  "  id INTEGER PRIMARY KEY,"
  "  given_name TEXT NOT NULL DEFAULT '',"
  "  family_name TEXT NOT NULL DEFAULT '',"
  "  name_fold TEXT NOT NULL DEFAULT '',"
  "  birth_date TEXT,"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  emergency_contact TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'active',"
  "  service TEXT NOT NULL DEFAULT 'psychotherapy',"
  "  billing_plan TEXT NOT NULL DEFAULT 'per-session',"
  "  fee INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),"
  "  package_size INTEGER NOT NULL DEFAULT 10,"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL"
  ");"
  "CREATE TABLE series ("
  "  id INTEGER PRIMARY KEY,"
  "  client_id INTEGER NOT NULL REFERENCES client (id),"
  "  first_date TEXT NOT NULL,"
  "  until_date TEXT,"
  "  start_minute INTEGER NOT NULL,"
  "  duration INTEGER NOT NULL CHECK (duration > 0),"
  "  interval_weeks INTEGER NOT NULL CHECK (interval_weeks > 0),"
  "  tzid TEXT NOT NULL DEFAULT '',"
  "  kind TEXT NOT NULL,"
  "  fee INTEGER NOT NULL CHECK (fee >= 0),"
  "  expanded_until INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE session ("
  "  id INTEGER PRIMARY KEY,"
  "  client_id INTEGER NOT NULL REFERENCES client (id),"
  "  series_id INTEGER REFERENCES series (id),"
  "  start INTEGER NOT NULL,"
  "  tzid TEXT NOT NULL DEFAULT '',"
  "  duration INTEGER NOT NULL CHECK (duration > 0),"
  "  kind TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  fee INTEGER NOT NULL CHECK (fee >= 0),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  detached INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE charge ("
  "  id INTEGER PRIMARY KEY,"
  "  client_id INTEGER NOT NULL REFERENCES client (id),"
  "  session_id INTEGER UNIQUE REFERENCES session (id),"
  "  date INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL CHECK (amount > 0),"
  "  currency TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  period TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE payment ("
  "  id INTEGER PRIMARY KEY,"
  "  client_id INTEGER NOT NULL REFERENCES client (id),"
  "  date INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL CHECK (amount > 0),"
  "  currency TEXT NOT NULL,"
  "  method TEXT NOT NULL,"
  "  note TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE consent_template ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL,"
  "  language TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  version INTEGER NOT NULL CHECK (version > 0),"
  "  body TEXT NOT NULL,"
  "  builtin INTEGER NOT NULL DEFAULT 0,"
  "  created INTEGER NOT NULL,"
  "  UNIQUE (key, version)"
  ");"
  "CREATE TABLE consent ("
  "  id INTEGER PRIMARY KEY,"
  "  client_id INTEGER NOT NULL REFERENCES client (id),"
  "  template_id INTEGER REFERENCES consent_template (id),"
  "  template_version INTEGER NOT NULL DEFAULT 1,"
  "  language TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  rendered_text TEXT NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  printed_on INTEGER,"
  "  signed_on INTEGER,"
  "  withdrawn_on INTEGER"
  ");",

  /* 2: indexes for search, the calendar and balances (covering (client_id, amount) so
   * that a balance is read from the index alone) */
  "CREATE INDEX client_name_fold ON client (name_fold);"
  "CREATE INDEX session_start ON session (start);"
  "CREATE INDEX session_client_start ON session (client_id, start);"
  "CREATE INDEX session_series_start ON session (series_id, start);"
  "CREATE INDEX charge_client_amount ON charge (client_id, amount);"
  "CREATE INDEX charge_date ON charge (date);"
  "CREATE UNIQUE INDEX charge_monthly_period ON charge (client_id, period)"
  "  WHERE kind = 'monthly-fee';"
  "CREATE INDEX payment_client_amount ON payment (client_id, amount);"
  "CREATE INDEX payment_date ON payment (date);"
  "CREATE INDEX consent_client ON consent (client_id);"
  "CREATE INDEX series_client ON series (client_id);",

  /* 3: the country whose rules the practice follows (journal, receipts, agreements);
   * an existing practice takes it from the language of its forms */
  "ALTER TABLE practice ADD COLUMN country TEXT NOT NULL DEFAULT '';"
  "UPDATE practice SET country = CASE form_language"
  "  WHEN 'sv' THEN 'SE' WHEN 'nb' THEN 'NO' WHEN 'ru' THEN 'RU' ELSE '' END;",

  /* supervision log and reminders (issue 19): the practitioner's own supervision, Balint
   * groups, personal therapy and courses, booked alone or as a recurring group series and
   * never charged to a client; the cases brought, by pseudonym only; the reminders
   * prepared for a session, so that none is sent twice; the practitioner's reminder texts */
  "CREATE TABLE supervision_series ("
  "  id INTEGER PRIMARY KEY,"
  "  first_start INTEGER NOT NULL,"
  "  interval_weeks INTEGER NOT NULL CHECK (interval_weeks > 0),"
  "  until_date TEXT"
  ");"
  "CREATE TABLE supervision ("
  "  id INTEGER PRIMARY KEY,"
  "  series_id INTEGER REFERENCES supervision_series (id),"
  "  start INTEGER NOT NULL,"
  "  duration INTEGER NOT NULL CHECK (duration > 0),"
  "  kind TEXT NOT NULL,"
  "  leader TEXT NOT NULL DEFAULT '',"
  "  group_name TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  expense INTEGER NOT NULL DEFAULT 0 CHECK (expense >= 0),"
  "  currency TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX supervision_start ON supervision (start);"
  "CREATE TABLE supervision_case ("
  "  id INTEGER PRIMARY KEY,"
  "  supervision_id INTEGER NOT NULL REFERENCES supervision (id) ON DELETE CASCADE,"
  "  client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,"
  "  pseudonym TEXT NOT NULL CHECK (pseudonym <> '')"
  ");"
  "CREATE INDEX supervision_case_meeting ON supervision_case (supervision_id);"
  "CREATE INDEX supervision_case_client ON supervision_case (client_id);"
  "CREATE TABLE reminder ("
  "  session_id INTEGER PRIMARY KEY REFERENCES session (id) ON DELETE CASCADE,"
  "  prepared INTEGER NOT NULL"
  ");"
  "CREATE TABLE reminder_template ("
  "  language TEXT PRIMARY KEY,"
  "  body TEXT NOT NULL"
  ");",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KAB_STORE_SCHEMA_VERSION);

static gboolean
current_version (KabStore  *self,
                 int       *out_version,
                 GError   **error)
{
  sqlite3_stmt *stmt = kab_store_prepare (self, "PRAGMA user_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      kab_store_set_error (self, error, rc);
      return FALSE;
    }

  *out_version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
run_step (KabStore  *self,
          int        step,
          GError   **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", step);

  if (!kab_store_tx_begin (self, error))
    return FALSE;

  if (!kab_store_exec (self, migrations[step - 1], error) ||
      !kab_store_exec (self, set_version, error))
    {
      kab_store_tx_rollback (self);
      return FALSE;
    }

  return kab_store_tx_commit (self, error);
}

/* Brings the schema to @target, one committed step at a time: a failure leaves the file
 * at the last complete version, never between two. */
gboolean
kab_store_migrate (KabStore  *self,
                   int        target,
                   GError   **error)
{
  int version = 0;

  g_return_val_if_fail (target >= 1 && target <= KAB_STORE_SCHEMA_VERSION, FALSE);

  if (!current_version (self, &version, error))
    return FALSE;

  for (int step = version + 1; step <= target; step++)
    {
      if (!run_step (self, step, error))
        return FALSE;
    }

  return TRUE;
}
