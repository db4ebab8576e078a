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

  /* 6: the clinical record (journal): entries, corrections, the access log, search; and
   * the client's personal identity number. Signed entries and the log are guarded by
   * triggers; old session and client notes become imported, unsigned entries. */
  "ALTER TABLE client ADD COLUMN identity_number TEXT NOT NULL DEFAULT '';"
  "CREATE TABLE journal_entry ("
  "  id INTEGER PRIMARY KEY,"
  "  client_id INTEGER NOT NULL REFERENCES client (id),"
  "  session_id INTEGER REFERENCES session (id) ON DELETE SET NULL,"
  "  kind TEXT NOT NULL,"
  "  occurred INTEGER NOT NULL,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  signed_at INTEGER,"
  "  signed_by TEXT NOT NULL DEFAULT '',"
  "  imported INTEGER NOT NULL DEFAULT 0,"
  "  deleted_at INTEGER,"
  "  deletion_reason TEXT NOT NULL DEFAULT '',"
  "  deletion_decided TEXT"
  ");"
  "CREATE INDEX journal_entry_client ON journal_entry (client_id, occurred);"
  "CREATE INDEX journal_entry_session ON journal_entry (session_id)"
  "  WHERE session_id IS NOT NULL;"
  "CREATE INDEX journal_entry_unsigned ON journal_entry (created)"
  "  WHERE signed_at IS NULL;"
  "CREATE TABLE journal_correction ("
  "  id INTEGER PRIMARY KEY,"
  "  entry_id INTEGER NOT NULL REFERENCES journal_entry (id),"
  "  made_at INTEGER NOT NULL,"
  "  made_by TEXT NOT NULL,"
  "  reason TEXT NOT NULL DEFAULT '',"
  "  text TEXT NOT NULL,"
  "  objection INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX journal_correction_entry ON journal_correction (entry_id);"
  "CREATE TABLE journal_access ("
  "  id INTEGER PRIMARY KEY,"
  "  at INTEGER NOT NULL,"
  "  client_id INTEGER NOT NULL,"
  "  entry_id INTEGER,"
  "  action TEXT NOT NULL,"
  "  detail TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX journal_access_client ON journal_access (client_id, at);"
  /* A client being erased after the retention period: the only time signed entries,
   * corrections and log rows may be deleted. Filled and emptied in one transaction. */
  "CREATE TABLE journal_erasure (client_id INTEGER PRIMARY KEY);"
  /* The structured template per language, when the practitioner has edited it. */
  "CREATE TABLE journal_template (language TEXT PRIMARY KEY, body TEXT NOT NULL);"
  /* Nothing signed is overwritten. Allowed on a signed entry: its session link (a
   * deleted session sets it NULL) and, outside Sweden, a logged deletion with a reason
   * that empties the text (in Norway also with the date of the decision). */
  "CREATE TRIGGER journal_entry_locked BEFORE UPDATE ON journal_entry"
  "  WHEN OLD.signed_at IS NOT NULL AND ("
  "    NEW.client_id IS NOT OLD.client_id OR NEW.kind IS NOT OLD.kind"
  "    OR NEW.occurred IS NOT OLD.occurred OR NEW.created IS NOT OLD.created"
  "    OR NEW.signed_at IS NOT OLD.signed_at OR NEW.signed_by IS NOT OLD.signed_by"
  "    OR NEW.imported IS NOT OLD.imported"
  "    OR ((NEW.text IS NOT OLD.text OR NEW.deleted_at IS NOT OLD.deleted_at"
  "         OR NEW.deletion_reason IS NOT OLD.deletion_reason"
  "         OR NEW.deletion_decided IS NOT OLD.deletion_decided)"
  "        AND NOT (OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL"
  "                 AND NEW.text = '' AND trim (NEW.deletion_reason) <> ''"
  "                 AND coalesce ((SELECT country FROM practice WHERE id = 1), '') <> 'SE'"
  "                 AND (coalesce ((SELECT country FROM practice WHERE id = 1), '') <> 'NO'"
  "                      OR NEW.deletion_decided IS NOT NULL)"
  "                 AND EXISTS (SELECT 1 FROM journal_access WHERE entry_id = NEW.id"
  "                             AND action = 'deleted'))))"
  "  BEGIN SELECT RAISE (ABORT, 'a signed journal entry cannot be changed'); END;"
  "CREATE TRIGGER journal_entry_kept BEFORE DELETE ON journal_entry"
  "  WHEN OLD.signed_at IS NOT NULL AND NOT EXISTS"
  "    (SELECT 1 FROM journal_erasure WHERE client_id = OLD.client_id)"
  "  BEGIN SELECT RAISE (ABORT, 'a signed journal entry cannot be deleted'); END;"
  "CREATE TRIGGER journal_correction_signed_only BEFORE INSERT ON journal_correction"
  "  WHEN (SELECT signed_at IS NULL OR deleted_at IS NOT NULL FROM journal_entry"
  "        WHERE id = NEW.entry_id)"
  "  BEGIN SELECT RAISE (ABORT, 'only a signed journal entry is corrected'); END;"
  "CREATE TRIGGER journal_correction_locked BEFORE UPDATE ON journal_correction"
  "  WHEN NOT (NEW.text = '' AND NEW.reason = '' AND NEW.id = OLD.id"
  "            AND NEW.entry_id = OLD.entry_id AND NEW.made_at = OLD.made_at"
  "            AND NEW.made_by = OLD.made_by AND NEW.objection = OLD.objection"
  "            AND (SELECT deleted_at FROM journal_entry WHERE id = OLD.entry_id)"
  "                IS NOT NULL)"
  "  BEGIN SELECT RAISE (ABORT, 'a journal correction cannot be changed'); END;"
  "CREATE TRIGGER journal_correction_kept BEFORE DELETE ON journal_correction"
  "  WHEN NOT EXISTS (SELECT 1 FROM journal_erasure WHERE client_id ="
  "                   (SELECT client_id FROM journal_entry WHERE id = OLD.entry_id))"
  "  BEGIN SELECT RAISE (ABORT, 'a journal correction cannot be deleted'); END;"
  "CREATE TRIGGER journal_access_append_only BEFORE UPDATE ON journal_access"
  "  BEGIN SELECT RAISE (ABORT, 'the journal access log is append-only'); END;"
  "CREATE TRIGGER journal_access_kept BEFORE DELETE ON journal_access"
  "  WHEN NOT EXISTS (SELECT 1 FROM journal_erasure WHERE client_id = OLD.client_id)"
  "  BEGIN SELECT RAISE (ABORT, 'the journal access log is append-only'); END;"
  /* Search: trigram, so that a part of a word matches, in any script. */
  "CREATE VIRTUAL TABLE journal_fts USING fts5 (text, content = 'journal_entry',"
  "  content_rowid = 'id', tokenize = 'trigram');"
  "CREATE TRIGGER journal_fts_insert AFTER INSERT ON journal_entry BEGIN"
  "  INSERT INTO journal_fts (rowid, text) VALUES (NEW.id, NEW.text); END;"
  "CREATE TRIGGER journal_fts_delete AFTER DELETE ON journal_entry BEGIN"
  "  INSERT INTO journal_fts (journal_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);"
  "  END;"
  "CREATE TRIGGER journal_fts_update AFTER UPDATE OF text ON journal_entry BEGIN"
  "  INSERT INTO journal_fts (journal_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);"
  "  INSERT INTO journal_fts (rowid, text) VALUES (NEW.id, NEW.text); END;"
  /* Corrections are found too: their entry is what the search lists. */
  "CREATE VIRTUAL TABLE journal_correction_fts USING fts5 (text,"
  "  content = 'journal_correction', content_rowid = 'id', tokenize = 'trigram');"
  "CREATE TRIGGER journal_correction_fts_insert AFTER INSERT ON journal_correction BEGIN"
  "  INSERT INTO journal_correction_fts (rowid, text) VALUES (NEW.id, NEW.text); END;"
  "CREATE TRIGGER journal_correction_fts_delete AFTER DELETE ON journal_correction BEGIN"
  "  INSERT INTO journal_correction_fts (journal_correction_fts, rowid, text)"
  "  VALUES ('delete', OLD.id, OLD.text); END;"
  "CREATE TRIGGER journal_correction_fts_update AFTER UPDATE OF text ON journal_correction"
  "  BEGIN"
  "  INSERT INTO journal_correction_fts (journal_correction_fts, rowid, text)"
  "  VALUES ('delete', OLD.id, OLD.text);"
  "  INSERT INTO journal_correction_fts (rowid, text) VALUES (NEW.id, NEW.text); END;"
  "INSERT INTO journal_entry (client_id, session_id, kind, occurred, text, created, updated,"
  "  imported)"
  "  SELECT client_id, id, 'session', start, note, unixepoch (), unixepoch (), 1"
  "  FROM session WHERE trim (note) <> '' ORDER BY start;"
  "INSERT INTO journal_entry (client_id, kind, occurred, text, created, updated, imported)"
  "  SELECT id, 'note', updated, notes, unixepoch (), unixepoch (), 1"
  "  FROM client WHERE trim (notes) <> '' ORDER BY id;",

  /* 7: supervision log and reminders (issue 19): the practitioner's own supervision, Balint
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
  /* vacations and closed days: the practitioner's absences, local days, both inclusive */
  "CREATE TABLE absence ("
  "  id INTEGER PRIMARY KEY,"
  "  first_day TEXT NOT NULL,"
  "  last_day TEXT NOT NULL CHECK (last_day >= first_day),"
  "  note TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX absence_days ON absence (first_day, last_day);",

  /* Invoices paid in parts (issue 16, matching by hand): each payment pays at most one
   * invoice; invoice.payment_id stays the payment that completed it, and is cleared when
   * a matched payment is removed and the rest no longer covers the invoice. */
  "CREATE TABLE invoice_payment ("
  "  invoice_id INTEGER NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,"
  "  payment_id INTEGER NOT NULL UNIQUE REFERENCES payment (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (invoice_id, payment_id)"
  ");"
  "INSERT OR IGNORE INTO invoice_payment (invoice_id, payment_id)"
  "  SELECT id, payment_id FROM invoice"
  "  WHERE payment_id <> 0 AND payment_id IN (SELECT id FROM payment);"
  "UPDATE invoice SET payment_id = 0"
  "  WHERE payment_id <> 0 AND payment_id NOT IN (SELECT id FROM payment);"
  "CREATE TRIGGER invoice_payment_removed AFTER DELETE ON invoice_payment BEGIN"
  "  UPDATE invoice SET payment_id = 0 WHERE id = OLD.invoice_id AND payment_id <> 0"
  "    AND amount > (SELECT coalesce (sum (payment.amount), 0) FROM invoice_payment"
  "                  JOIN payment ON payment.id = invoice_payment.payment_id"
  "                  WHERE invoice_payment.invoice_id = OLD.invoice_id);"
  "END;"
  /* A payment moved to another client or currency pays none of its invoices any more;
   * one whose amount changed leaves its invoice paid exactly when the sum still covers it. */
  "CREATE TRIGGER invoice_payment_moved AFTER UPDATE OF client_id, currency ON payment"
  "  WHEN OLD.client_id <> NEW.client_id OR OLD.currency <> NEW.currency BEGIN"
  "  DELETE FROM invoice_payment WHERE payment_id = NEW.id;"
  "END;"
  "CREATE TRIGGER invoice_payment_amount AFTER UPDATE OF amount ON payment"
  "  WHEN OLD.amount <> NEW.amount BEGIN"
  "  UPDATE invoice SET payment_id ="
  "    CASE WHEN amount > (SELECT coalesce (sum (payment.amount), 0) FROM invoice_payment"
  "                        JOIN payment ON payment.id = invoice_payment.payment_id"
  "                        WHERE invoice_payment.invoice_id = invoice.id) THEN 0"
  "         WHEN payment_id <> 0 THEN payment_id ELSE NEW.id END"
  "  WHERE id IN (SELECT invoice_id FROM invoice_payment WHERE payment_id = NEW.id);"
  "END;",

  /* kept balances (issue 21): each client's charges minus payments, kept by triggers
   * in the transaction of every write to charge and payment, whichever code writes, so
   * that opening a 20-year practice reads one row per client instead of summing the whole
   * ledger. A client with no row has a balance of 0. A row is created by the first charge
   * or payment; a delete or change only updates the row the insert made. */
  "CREATE TABLE client_balance ("
  "  client_id INTEGER PRIMARY KEY,"
  "  balance INTEGER NOT NULL DEFAULT 0"
  ");"
  "INSERT INTO client_balance (client_id, balance)"
  "  SELECT client_id, sum (amount) FROM (SELECT client_id, amount FROM charge"
  "    UNION ALL SELECT client_id, -amount FROM payment) WHERE true GROUP BY client_id;"
  "CREATE TRIGGER client_balance_charge_insert AFTER INSERT ON charge BEGIN"
  "  INSERT INTO client_balance (client_id, balance) VALUES (NEW.client_id, NEW.amount)"
  "  ON CONFLICT (client_id) DO UPDATE SET balance = balance + excluded.balance; END;"
  "CREATE TRIGGER client_balance_charge_delete AFTER DELETE ON charge BEGIN"
  "  UPDATE client_balance SET balance = balance - OLD.amount"
  "  WHERE client_id = OLD.client_id; END;"
  "CREATE TRIGGER client_balance_charge_update AFTER UPDATE OF client_id, amount ON charge"
  "  BEGIN"
  "  UPDATE client_balance SET balance = balance - OLD.amount"
  "  WHERE client_id = OLD.client_id;"
  "  INSERT INTO client_balance (client_id, balance) VALUES (NEW.client_id, NEW.amount)"
  "  ON CONFLICT (client_id) DO UPDATE SET balance = balance + excluded.balance; END;"
  "CREATE TRIGGER client_balance_payment_insert AFTER INSERT ON payment BEGIN"
  "  INSERT INTO client_balance (client_id, balance) VALUES (NEW.client_id, -NEW.amount)"
  "  ON CONFLICT (client_id) DO UPDATE SET balance = balance + excluded.balance; END;"
  "CREATE TRIGGER client_balance_payment_delete AFTER DELETE ON payment BEGIN"
  "  UPDATE client_balance SET balance = balance + OLD.amount"
  "  WHERE client_id = OLD.client_id; END;"
  "CREATE TRIGGER client_balance_payment_update AFTER UPDATE OF client_id, amount ON payment"
  "  BEGIN"
  "  UPDATE client_balance SET balance = balance + OLD.amount"
  "  WHERE client_id = OLD.client_id;"
  "  INSERT INTO client_balance (client_id, balance) VALUES (NEW.client_id, -NEW.amount)"
  "  ON CONFLICT (client_id) DO UPDATE SET balance = balance + excluded.balance; END;"
  "CREATE TRIGGER client_balance_client_delete AFTER DELETE ON client BEGIN"
  "  DELETE FROM client_balance WHERE client_id = OLD.id; END;",

  /* billing follow-up (issue 13): when the client cancelled a session; the notice the
   * practice asks for, from a date like its late-cancel percentage; and packages sold
   * before billing by rule (step 4), whose charges had no package row, become packages:
   * the sessions attended since their sale use them up. The client's package plan then
   * runs from the first such sale, and the store bills the clients listed in
   * billing_pending again when it next opens (no existing charge changes for that:
   * only sessions whose cover changes are charged again). */
  "ALTER TABLE session ADD COLUMN cancelled_at INTEGER;"
  "CREATE TABLE practice_notice ("
  "  from_date TEXT PRIMARY KEY,"
  "  cancel_hours INTEGER NOT NULL"
  ");"
  "INSERT INTO practice_notice (from_date, cancel_hours)"
  "  SELECT '0001-01-01', cancel_hours FROM practice;"
  "CREATE TABLE billing_pending (client_id INTEGER PRIMARY KEY);"
  "CREATE TEMP VIEW old_package_charge AS SELECT c.id, c.client_id, c.amount,"
  "  date (c.date, 'unixepoch', 'localtime') AS day,"
  "  CASE WHEN CAST (trim (c.note) AS INTEGER) BETWEEN 1 AND 500"
  "    THEN CAST (trim (c.note) AS INTEGER)"
  "    ELSE max (1, min (500, coalesce ((SELECT package_size FROM client"
  "                                      WHERE id = c.client_id), 10))) END AS sessions"
  "  FROM charge c WHERE c.kind = 'package' AND NOT EXISTS"
  "    (SELECT 1 FROM package p WHERE p.charge_id = c.id);"
  "INSERT OR IGNORE INTO billing_pending (client_id)"
  "  SELECT DISTINCT client_id FROM old_package_charge;"
  "INSERT OR IGNORE INTO client_rate (client_id, from_date, status, billing_plan, fee)"
  "  SELECT r.client_id, o.first_day, r.status, r.billing_plan, r.fee"
  "  FROM (SELECT client_id, min (day) AS first_day FROM old_package_charge"
  "        GROUP BY client_id) o"
  "  JOIN client_rate r ON r.client_id = o.client_id AND r.from_date ="
  "    (SELECT min (from_date) FROM client_rate WHERE client_id = o.client_id)"
  "  WHERE r.billing_plan = 'package' AND o.first_day < r.from_date;"
  "INSERT INTO package (client_id, charge_id, sessions, price, bought_on, expires)"
  "  SELECT client_id, id, sessions, amount, day, NULL FROM old_package_charge"
  "  ORDER BY day, id;"
  "DROP VIEW old_package_charge;"
  /* Counting a package's sessions (its state, shown for every package client) and
   * deleting a package (the foreign key's check) read sessions by package: without
   * this index each was a scan of every session of the practice. */
  "CREATE INDEX session_package ON session (package_id) WHERE package_id IS NOT NULL;",

  /* currency conversion (issue 13): when the practice changed its currency, from which
   * to which and at what rate (as typed, "11.50"); the entries that closed each client's
   * balance in the old currency and opened it in the new one point to it, so that
   * income and reports can leave them out: they move a balance, nobody paid or owed it. */
  "CREATE TABLE currency_conversion ("
  "  id INTEGER PRIMARY KEY,"
  "  date INTEGER NOT NULL,"
  "  from_currency TEXT NOT NULL,"
  "  to_currency TEXT NOT NULL,"
  "  rate TEXT NOT NULL"
  ");"
  "ALTER TABLE charge ADD COLUMN conversion_id INTEGER REFERENCES currency_conversion (id);"
  "ALTER TABLE payment ADD COLUMN conversion_id INTEGER REFERENCES currency_conversion (id);",
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
