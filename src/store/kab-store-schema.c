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

  /* 4: Billing by rule (issue 13): each client's plan, status and fee from a date, the
   * practice's late-cancel percentage from a date, prepaid packages, the percentage a
   * charge was made with, a random UID per session, and series occurrences keyed by
   * series + the Monday of the week they were planned in, with deleted ones remembered.
   * Existing charges are not touched: the plan history starts today, so no month before
   * the upgrade is charged, and sessions before it keep the charges they have. */
  "CREATE TABLE client_rate ("
  "  client_id INTEGER NOT NULL REFERENCES client (id),"
  "  from_date TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  billing_plan TEXT NOT NULL,"
  "  fee INTEGER NOT NULL CHECK (fee >= 0),"
  "  PRIMARY KEY (client_id, from_date)"
  ");"
  "CREATE TABLE monthly_waiver ("
  "  client_id INTEGER NOT NULL REFERENCES client (id),"
  "  period TEXT NOT NULL,"
  "  PRIMARY KEY (client_id, period)"
  ");"
  "CREATE TRIGGER client_rate_forget BEFORE DELETE ON client BEGIN"
  "  DELETE FROM client_rate WHERE client_id = old.id;"
  "  DELETE FROM monthly_waiver WHERE client_id = old.id;"
  " END;"
  "CREATE TABLE practice_rate ("
  "  from_date TEXT PRIMARY KEY,"
  "  late_cancel_percent INTEGER NOT NULL"
  ");"
  "CREATE TABLE package ("
  "  id INTEGER PRIMARY KEY,"
  "  client_id INTEGER NOT NULL REFERENCES client (id),"
  "  charge_id INTEGER REFERENCES charge (id),"
  "  sessions INTEGER NOT NULL CHECK (sessions > 0),"
  "  price INTEGER NOT NULL CHECK (price >= 0),"
  "  bought_on TEXT NOT NULL,"
  "  expires TEXT"
  ");"
  "CREATE INDEX package_client ON package (client_id, bought_on);"
  "CREATE TABLE series_exception ("
  "  series_id INTEGER NOT NULL REFERENCES series (id),"
  "  occurrence TEXT NOT NULL,"
  "  PRIMARY KEY (series_id, occurrence)"
  ");"
  "ALTER TABLE charge ADD COLUMN percent INTEGER;"
  "ALTER TABLE session ADD COLUMN uid TEXT;"
  "ALTER TABLE session ADD COLUMN occurrence TEXT;"
  "ALTER TABLE session ADD COLUMN original_start INTEGER;"
  "ALTER TABLE session ADD COLUMN package_id INTEGER REFERENCES package (id);"
  "ALTER TABLE series ADD COLUMN max_count INTEGER NOT NULL DEFAULT 0;"
  "UPDATE charge SET percent = 100 WHERE kind = 'session';"
  "UPDATE session SET uid = lower (hex (randomblob (4)) || '-' || hex (randomblob (2)) || '-4'"
  "  || substr (hex (randomblob (2)), 2) || '-' || substr ('89ab', 1 + (abs (random ()) % 4), 1)"
  "  || substr (hex (randomblob (2)), 2) || '-' || hex (randomblob (6)));"
  "UPDATE session SET original_start = start,"
  "  occurrence = date (start, 'unixepoch', 'localtime', 'weekday 0', '-6 days')"
  "  WHERE series_id IS NOT NULL;"
  "CREATE UNIQUE INDEX session_uid ON session (uid);"
  "CREATE INDEX session_occurrence ON session (series_id, occurrence);"
  "INSERT INTO client_rate (client_id, from_date, status, billing_plan, fee)"
  "  SELECT id, date ('now', 'localtime'), status, billing_plan, fee FROM client;"
  "INSERT INTO practice_rate (from_date, late_cancel_percent)"
  "  SELECT '0001-01-01', late_cancel_percent FROM practice;",

  /* 5: receipts and invoices (issue 16): the practice as a business (tax and bank numbers,
   * VAT, bookkeeping accounts); receipts numbered from a counter per year that only
   * grows, so that a number is never given twice; invoices for a client's period, with
   * their own numbers; the language of a client's documents */
  "CREATE TABLE practice_identity ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  tax_id TEXT NOT NULL DEFAULT '',"
  "  licensed INTEGER NOT NULL DEFAULT 1,"
  "  f_tax INTEGER NOT NULL DEFAULT 0,"
  "  vat_registered INTEGER NOT NULL DEFAULT 0,"
  "  tax_status TEXT NOT NULL DEFAULT 'self-employed',"
  "  bankgiro TEXT NOT NULL DEFAULT '',"
  "  plusgiro TEXT NOT NULL DEFAULT '',"
  "  account TEXT NOT NULL DEFAULT '',"
  "  bic TEXT NOT NULL DEFAULT '',"
  "  vat_percent INTEGER NOT NULL DEFAULT 25,"
  "  due_days INTEGER NOT NULL DEFAULT 14,"
  "  receipts_per_year INTEGER NOT NULL DEFAULT 1,"
  "  sales_account INTEGER NOT NULL DEFAULT 3004,"
  "  bank_account INTEGER NOT NULL DEFAULT 1930,"
  "  receivables_account INTEGER NOT NULL DEFAULT 1510"
  ");"
  "CREATE TABLE receipt_counter ("
  "  year INTEGER PRIMARY KEY,"
  "  last INTEGER NOT NULL CHECK (last > 0)"
  ");"
  "CREATE TABLE receipt ("
  "  id INTEGER PRIMARY KEY,"
  "  payment_id INTEGER NOT NULL UNIQUE,"
  "  year INTEGER NOT NULL,"
  "  number INTEGER NOT NULL CHECK (number > 0),"
  "  issued INTEGER NOT NULL,"
  "  tax_receipt TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (year, number)"
  ");"
  "CREATE TABLE invoice_counter ("
  "  year INTEGER PRIMARY KEY,"
  "  last INTEGER NOT NULL CHECK (last > 0)"
  ");"
  "CREATE TABLE invoice ("
  "  id INTEGER PRIMARY KEY,"
  "  client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,"
  "  year INTEGER NOT NULL,"
  "  number INTEGER NOT NULL CHECK (number > 0),"
  "  issued INTEGER NOT NULL,"
  "  period_from INTEGER NOT NULL,"
  "  period_to INTEGER NOT NULL,"
  "  due INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL CHECK (amount >= 0),"
  "  currency TEXT NOT NULL,"
  "  reference TEXT NOT NULL,"
  "  sent INTEGER,"
  "  payment_id INTEGER,"
  "  UNIQUE (year, number)"
  ");"
  "CREATE INDEX invoice_client ON invoice (client_id);"
  "CREATE INDEX invoice_reference ON invoice (reference);"
  "CREATE TABLE client_document ("
  "  client_id INTEGER PRIMARY KEY REFERENCES client (id) ON DELETE CASCADE,"
  "  language TEXT NOT NULL"
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
