/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-pending.c: a save reported as failed that was written after all is told, not kept silently */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kab-date-format.h"
#include "kab-enum-types.h"
#include "kab-money.h"
#include "kab-store-pending.h"
#include "kab-store-private.h"
#include "kab-text.h"

/* A commit can fail after its data reached the disk: fsync reports EIO, the user is told
 * "not saved", and yet SQLite replays the journal at the next start. Told it failed, the
 * user enters the payment again: a duplicate. So before each user-level write Kabinett
 * writes (and syncs) a side record, "kabinett.db.pending", of what is being written:
 * its kind, its row, and the few fields that tell it apart (amount, currency, date,
 * client, status or time stamp; never a note's text). A successful commit removes it.
 *
 * A failed one leaves it, marked "failed", and re-reads the store's own write: if it is
 * there, it is marked "saved". Its fate is only sure once a later write has committed
 * on top of it, so the next write looks again (before it runs, so that its own row is
 * not taken for the failed one) and, once committed, drops what was not there and keeps
 * what was. At the next start, every record whose write is in the database is told to
 * the user ("A payment of 1 200 kr on 5 December 2026 was saved after all"); then the
 * side record is removed.
 *
 * Each record is a group of a GKeyFile: kind, op (insert, update, delete), the row id
 * (update, delete) or the largest id before the write (insert), and the columns and
 * values to match, each value "i:" (integer) or "t:" (text). */

struct _KabStorePending
{
  GKeyFile  *records;
  char      *current;       /* the group of the write under way, or NULL */
  gboolean   active;        /* a user-level write is under way (recorded or not) */
  guint      serial;
  int        commit_rc;     /* the failed COMMIT's result, until its rollback ends it */
  GPtrArray *found;         /* GVariant (ssxx): found at open, not yet taken */
  int        fd;            /* the record file, open once a write was recorded */
};

typedef struct
{
  const char *kind;
  const char *table;
} KindTable;

static const KindTable kind_tables[] = {
  { "payment", "payment" },
  { "charge", "charge" },
  { "session", "session" },
  { "client", "client" },
  { "journal", "journal_entry" },
};

static const char *
table_of_kind (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kind_tables); i++)
    {
      if (g_str_equal (kind_tables[i].kind, kind))
        return kind_tables[i].table;
    }

  return NULL;
}

static gboolean
is_column_name (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && *p != '_')
        return FALSE;
    }

  return TRUE;
}

static char *
pending_path (KabStore *self)
{
  return g_strconcat (self->path, ".pending", NULL);
}

static KabStorePending *
get_pending (KabStore *self)
{
  if (self->pending == NULL)
    {
      self->pending = g_new0 (KabStorePending, 1);
      self->pending->records = g_key_file_new ();
      self->pending->fd = -1;
      self->pending->found = g_ptr_array_new_with_free_func ((GDestroyNotify)g_variant_unref);
    }

  return self->pending;
}

/* The folder's entry of the record is on the disk too (once, when it is created). */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

/* The record is one small file kept open for the run: written in place and synced
 * before each write (one fdatasync, no rename), emptied after it. It is removed when the
 * store closes, unless a failed save is still in it. */
static int
record_fd (KabStore *self)
{
  KabStorePending *pending = get_pending (self);
  g_autofree char *path = NULL;

  if (pending->fd >= 0)
    return pending->fd;

  path = pending_path (self);
  pending->fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (pending->fd < 0)
    {
      g_message ("Could not keep the record of a save under way: %s", g_strerror (errno));
      return -1;
    }

  sync_folder (path);
  return pending->fd;
}

static gboolean
write_all (int           fd,
           const char   *data,
           gsize         length)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = pwrite (fd, data + done, length - done, done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      done += n;
    }

  return ftruncate (fd, length) == 0;
}

static gsize
n_records (KabStorePending *pending)
{
  gsize n = 0;

  g_strfreev (g_key_file_get_groups (pending->records, &n));
  return n;
}

static void
save_records (KabStore *self)
{
  KabStorePending *pending = get_pending (self);
  g_autofree char *data = NULL;
  gsize length;
  int fd;

  /* Emptied, not synced: a record of a write that went well is harmless until the next
   * write's record replaces it, and that one is synced. */
  if (n_records (pending) == 0)
    {
      if (pending->fd >= 0 && ftruncate (pending->fd, 0) != 0)
        g_message ("Could not empty the record of a save: %s", g_strerror (errno));
      return;
    }

  if ((fd = record_fd (self)) < 0)
    return;

  data = g_key_file_to_data (pending->records, &length, NULL);
  if (!write_all (fd, data, length) || fdatasync (fd) != 0)
    g_message ("Could not keep the record of a save under way: %s", g_strerror (errno));
}

/**
 * kab_store_pending_close:
 *
 * When the store closes: no record is left behind, unless a failed save is in it.
 */
void
kab_store_pending_close (KabStore *self)
{
  KabStorePending *pending = self->pending;
  g_autofree char *path = NULL;

  if (pending == NULL)
    return;

  if (pending->fd >= 0)
    {
      close (pending->fd);
      path = pending_path (self);
      if (n_records (pending) == 0)
        g_unlink (path);
    }

  g_key_file_unref (pending->records);
  g_free (pending->current);
  g_ptr_array_unref (pending->found);
  g_clear_pointer (&self->pending, g_free);
}

/* Is the write @group describes in the database now? @out_id: the row it found. */
static gboolean
write_is_present (KabStore   *self,
                  GKeyFile   *records,
                  const char *group,
                  gint64     *out_id)
{
  g_autofree char *kind = g_key_file_get_string (records, group, "kind", NULL);
  g_autofree char *op = g_key_file_get_string (records, group, "op", NULL);
  g_auto(GStrv) columns = g_key_file_get_string_list (records, group, "columns", NULL, NULL);
  g_auto(GStrv) values = g_key_file_get_string_list (records, group, "values", NULL, NULL);
  gint64 id = g_key_file_get_int64 (records, group, "id", NULL);
  const char *table = table_of_kind (kind);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean present = FALSE;
  int rc;

  *out_id = 0;
  if (table == NULL || op == NULL || self->db == NULL)
    return FALSE;
  if (g_strv_length (columns) != g_strv_length (values))
    return FALSE;

  if (g_str_equal (op, "delete"))
    g_string_printf (sql, "SELECT NOT EXISTS (SELECT 1 FROM %s WHERE id = ?1), ?1", table);
  else if (g_str_equal (op, "update"))
    g_string_printf (sql, "SELECT id FROM %s WHERE id = ?1", table);
  else if (g_str_equal (op, "insert"))
    g_string_printf (sql, "SELECT id FROM %s WHERE id > ?1", table);
  else
    return FALSE;

  for (guint i = 0; columns[i] != NULL && !g_str_equal (op, "delete"); i++)
    {
      if (!is_column_name (columns[i]))
        return FALSE;
      g_string_append_printf (sql, " AND %s = ?%u", columns[i], i + 2);
    }
  g_string_append (sql, " ORDER BY 1 LIMIT 1");

  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  for (guint i = 0; columns[i] != NULL && !g_str_equal (op, "delete"); i++)
    {
      const char *value = values[i];

      if (g_str_has_prefix (value, "i:"))
        sqlite3_bind_int64 (stmt, i + 2, g_ascii_strtoll (value + 2, NULL, 10));
      else
        sqlite3_bind_text (stmt, i + 2, g_str_has_prefix (value, "t:") ? value + 2 : value,
                           -1, SQLITE_TRANSIENT);
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && g_str_equal (op, "delete"))
    {
      present = sqlite3_column_int (stmt, 0) != 0;
      *out_id = id;
    }
  else if (rc == SQLITE_ROW)
    {
      present = TRUE;
      *out_id = sqlite3_column_int64 (stmt, 0);
    }

  sqlite3_finalize (stmt);
  return present;
}

static gint64
largest_id (KabStore   *self,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COALESCE (MAX (id), 0) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 id = G_MAXINT64;

  /* Unknown, the record matches nothing rather than the wrong row. */
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return id;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

/* Describing a write */

typedef struct
{
  const char *kind;
  KabPendingOp op;
  gint64      id;
  gint64      client_id;
  gint64      amount;
  const char *currency;
  GDateTime  *time;
  GPtrArray  *columns;
  GPtrArray  *values;
} Write;

static void
write_init (Write        *write,
            const char   *kind,
            KabPendingOp  op,
            gint64        id,
            gint64        client_id)
{
  memset (write, 0, sizeof *write);
  write->kind = kind;
  write->op = op == KAB_PENDING_SAVE ? (id == 0 ? KAB_PENDING_INSERT : KAB_PENDING_UPDATE) : op;
  write->id = id;
  write->client_id = client_id;
  write->columns = g_ptr_array_new ();
  write->values = g_ptr_array_new_with_free_func (g_free);
}

static void
write_clear (Write *write)
{
  g_clear_pointer (&write->columns, g_ptr_array_unref);
  g_clear_pointer (&write->values, g_ptr_array_unref);
}

static void
match_int (Write      *write,
           const char *column,
           gint64      value)
{
  g_ptr_array_add (write->columns, (gpointer)column);
  g_ptr_array_add (write->values, g_strdup_printf ("i:%" G_GINT64_FORMAT, value));
}

static void
match_text (Write      *write,
            const char *column,
            const char *value)
{
  g_ptr_array_add (write->columns, (gpointer)column);
  g_ptr_array_add (write->values, g_strconcat ("t:", value != NULL ? value : "", NULL));
}

static void
match_time (Write      *write,
            const char *column,
            GDateTime  *time)
{
  if (time != NULL)
    match_int (write, column, g_date_time_to_unix (time));
}

static void
record_write (KabStore *self,
              Write    *write)
{
  static const char *op_names[] = { "save", "insert", "update", "delete" };
  KabStorePending *pending = get_pending (self);
  const char *table = table_of_kind (write->kind);
  g_auto(GStrv) failed = NULL;
  g_autofree char *group = NULL;
  gint64 found;

  /* One record per user-level write: the saves it makes inside its own transaction, and
   * bulk work inside kab_store_begin(), are part of it or not recorded. */
  if (self->tx_depth > 0 || self->db == NULL || table == NULL)
    return;

  /* A write that returned before it reached the database. */
  if (pending->active)
    kab_store_pending_finish (self, FALSE, SQLITE_ABORT);

  pending->active = TRUE;

  /* The failed writes before this one: are they there, before this one runs? */
  failed = g_key_file_get_groups (pending->records, NULL);
  for (guint i = 0; failed[i] != NULL; i++)
    g_key_file_set_boolean (pending->records, failed[i], "there-before-next",
                            write_is_present (self, pending->records, failed[i], &found));

  group = g_strdup_printf ("write %u", ++pending->serial);
  g_key_file_set_string (pending->records, group, "kind", write->kind);
  g_key_file_set_string (pending->records, group, "op", op_names[write->op]);
  g_key_file_set_int64 (pending->records, group, "id",
                        write->op == KAB_PENDING_INSERT ? largest_id (self, table) : write->id);
  g_key_file_set_int64 (pending->records, group, "client", write->client_id);
  if (write->currency != NULL)
    {
      g_key_file_set_int64 (pending->records, group, "amount", write->amount);
      g_key_file_set_string (pending->records, group, "currency", write->currency);
    }
  if (write->time != NULL)
    g_key_file_set_int64 (pending->records, group, "time", g_date_time_to_unix (write->time));
  g_key_file_set_string_list (pending->records, group, "columns",
                              (const char * const *)write->columns->pdata, write->columns->len);
  g_key_file_set_string_list (pending->records, group, "values",
                              (const char * const *)write->values->pdata, write->values->len);
  g_key_file_set_string (pending->records, group, "state", "writing");

  /* A change that is already there cannot be told apart from its own failure. */
  if (write->op == KAB_PENDING_UPDATE && write_is_present (self, pending->records, group, &found))
    {
      g_key_file_remove_group (pending->records, group, NULL);
      if (failed[0] == NULL)
        return;
    }
  else
    {
      pending->current = g_steal_pointer (&group);
    }

  save_records (self);
}

/* A payment or a charge: the same columns tell whether it was written. */
static void
record_money (KabStore     *self,
              const char   *kind,
              KabPendingOp  op,
              gint64        id,
              gint64        client_id,
              gint64        amount,
              const char   *currency,
              GDateTime    *date)
{
  Write write;

  write_init (&write, kind, op, id, client_id);
  write.amount = amount;
  write.currency = currency;
  write.time = date;
  match_int (&write, "client_id", write.client_id);
  match_time (&write, "date", write.time);
  match_int (&write, "amount", write.amount);
  match_text (&write, "currency", write.currency);
  record_write (self, &write);
  write_clear (&write);
}

void
kab_store_pending_payment (KabStore     *self,
                           KabPayment   *payment,
                           KabPendingOp  op)
{
  record_money (self, "payment", op, kab_payment_get_id (payment),
                kab_payment_get_client_id (payment), kab_payment_get_amount (payment),
                kab_payment_get_currency (payment), kab_payment_get_date (payment));
}

void
kab_store_pending_charge (KabStore     *self,
                          KabCharge    *charge,
                          KabPendingOp  op)
{
  record_money (self, "charge", op, kab_charge_get_id (charge),
                kab_charge_get_client_id (charge), kab_charge_get_amount (charge),
                kab_charge_get_currency (charge), kab_charge_get_date (charge));
}

void
kab_store_pending_session (KabStore     *self,
                           KabSession   *session,
                           KabPendingOp  op)
{
  Write write;

  write_init (&write, "session", op, kab_session_get_id (session),
              kab_session_get_client_id (session));
  write.time = kab_session_get_start (session);
  match_int (&write, "client_id", write.client_id);
  match_time (&write, "start", write.time);
  match_text (&write, "status", kab_store_enum_to_nick (KAB_TYPE_SESSION_STATUS,
                                                        kab_session_get_status (session)));
  record_write (self, &write);
  write_clear (&write);
}

void
kab_store_pending_client (KabStore   *self,
                          KabClient  *client,
                          GDateTime  *now)
{
  Write write;

  write_init (&write, "client", KAB_PENDING_SAVE, kab_client_get_id (client),
              kab_client_get_id (client));
  write.time = now;
  match_time (&write, "updated", now);
  record_write (self, &write);
  write_clear (&write);
}

void
kab_store_pending_journal (KabStore        *self,
                           KabJournalEntry *entry,
                           GDateTime       *now)
{
  Write write;

  write_init (&write, "journal", KAB_PENDING_SAVE, kab_journal_entry_get_id (entry),
              kab_journal_entry_get_client_id (entry));
  write.time = kab_journal_entry_get_occurred (entry);
  match_int (&write, "client_id", write.client_id);
  match_time (&write, "occurred", write.time);
  match_time (&write, "updated", now);
  record_write (self, &write);
  write_clear (&write);
}

/* The end of a write */

/* Errors that stop a write before it commits: it cannot be in the file. */
static gboolean
surely_not_written (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_READONLY:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_MISUSE:
    case SQLITE_ABORT:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The COMMIT failed: the rollback that follows ends the write, with this result. The
 * write is re-read only then, when the connection no longer sees its own transaction. */
void
kab_store_pending_commit_failed (KabStore *self,
                                 int       rc)
{
  if (self->pending != NULL && self->pending->active)
    self->pending->commit_rc = rc != SQLITE_OK ? rc : SQLITE_IOERR;
}

/**
 * kab_store_pending_finish:
 * @ok: whether the outermost commit (or the single statement) succeeded
 * @rc: SQLite's result when it did not
 *
 * Called where a user-level write ends: the outermost commit, a rollback, or a single
 * statement outside a transaction.
 */
void
kab_store_pending_finish (KabStore *self,
                          gboolean  ok,
                          int       rc)
{
  KabStorePending *pending = self->pending;
  g_auto(GStrv) groups = NULL;
  gint64 found;

  if (pending == NULL || !pending->active)
    return;

  pending->active = FALSE;
  if (!ok && pending->commit_rc != 0)
    rc = pending->commit_rc;
  pending->commit_rc = 0;
  groups = g_key_file_get_groups (pending->records, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];
      gboolean is_current = g_strcmp0 (group, pending->current) == 0;

      if (is_current && ok)
        {
          g_key_file_remove_group (pending->records, group, NULL);
        }
      else if (is_current && surely_not_written (rc))
        {
          g_key_file_remove_group (pending->records, group, NULL);
        }
      else if (is_current)
        {
          /* Re-read our own write: a failed commit may have written it all the same. */
          gboolean there = write_is_present (self, pending->records, group, &found);

          g_key_file_set_string (pending->records, group, "state", there ? "saved" : "failed");
        }
      else if (ok)
        {
          /* A write committed on top: what the failed one left is sure now. */
          if (g_key_file_get_boolean (pending->records, group, "there-before-next", NULL))
            g_key_file_set_string (pending->records, group, "state", "saved");
          else
            g_key_file_remove_group (pending->records, group, NULL);
        }
    }

  g_clear_pointer (&pending->current, g_free);
  save_records (self);
}

/* At the next start */

static char *
client_name (KabStore *self,
             gint64    client_id)
{
  KabClient *client = self->clients_by_id != NULL
                      ? g_hash_table_lookup (self->clients_by_id, &client_id) : NULL;

  if (client == NULL)
    return g_strdup ("—");

  return kab_isolate (kab_client_get_display_name (client));
}

static char *
describe (GKeyFile   *records,
          const char *group,
          const char *kind,
          const char *client_name)
{
  g_autofree char *op = g_key_file_get_string (records, group, "op", NULL);
  g_autofree char *currency = g_key_file_get_string (records, group, "currency", NULL);
  gint64 amount = g_key_file_get_int64 (records, group, "amount", NULL);
  gint64 unix_time = g_key_file_get_int64 (records, group, "time", NULL);
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);
  g_autofree char *date = NULL;
  g_autofree char *money = NULL;
  gboolean deleted = g_strcmp0 (op, "delete") == 0;

  date = kab_date_format_in_sentence (time, C_("date in a sentence", "%-d %B %Y"));
  if (currency != NULL)
    money = kab_money_format (amount, currency);

  if (g_str_equal (kind, "payment") && deleted)
    /* Translators: a save that was reported as failed; "1 200 kr", a client's name,
     * "5 December 2026" */
    return g_strdup_printf (_("The payment of %s from %s on %s was deleted after all."),
                            money, client_name, date);
  if (g_str_equal (kind, "payment"))
    /* Translators: a save that was reported as failed; "1 200 kr", a client's name,
     * "5 December 2026" */
    return g_strdup_printf (_("A payment of %s from %s on %s was saved after all."),
                            money, client_name, date);
  if (g_str_equal (kind, "charge") && deleted)
    /* Translators: a save that was reported as failed; "1 200 kr", a client's name,
     * "5 December 2026" */
    return g_strdup_printf (_("The charge of %s to %s on %s was deleted after all."),
                            money, client_name, date);
  if (g_str_equal (kind, "charge"))
    /* Translators: a save that was reported as failed; "1 200 kr", a client's name,
     * "5 December 2026" */
    return g_strdup_printf (_("A charge of %s to %s on %s was saved after all."),
                            money, client_name, date);
  if (g_str_equal (kind, "session"))
    /* Translators: a save that was reported as failed; a client's name, "5 December 2026" */
    return g_strdup_printf (_("The session with %s on %s was saved after all."),
                            client_name, date);
  if (g_str_equal (kind, "journal"))
    /* Translators: a save that was reported as failed; a client's name, "5 December 2026" */
    return g_strdup_printf (_("A journal note for %s on %s was saved after all."),
                            client_name, date);

  /* Translators: a save that was reported as failed; a client's name */
  return g_strdup_printf (_("The client %s was saved after all."), client_name);
}

/**
 * kab_store_pending_check:
 *
 * At open: the writes that were under way or reported failed when Kabinett last
 * stopped, and that are in the database, are kept to be told
 * (kab_store_take_saved_after_all()); then the side record is removed.
 */
void
kab_store_pending_check (KabStore *self)
{
  g_autofree char *path = pending_path (self);
  g_autoptr(GKeyFile) records = g_key_file_new ();
  g_auto(GStrv) groups = NULL;
  KabStorePending *pending;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  pending = get_pending (self);
  if (g_key_file_load_from_file (records, path, G_KEY_FILE_NONE, NULL))
    groups = g_key_file_get_groups (records, NULL);

  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    {
      g_autofree char *kind = g_key_file_get_string (records, groups[i], "kind", NULL);
      gint64 client_id = g_key_file_get_int64 (records, groups[i], "client", NULL);
      gint64 time = g_key_file_get_int64 (records, groups[i], "time", NULL);
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;
      gint64 found;

      if (!write_is_present (self, records, groups[i], &found))
        continue;

      if (g_strcmp0 (kind, "client") == 0)
        client_id = found;
      name = client_name (self, client_id);
      message = describe (records, groups[i], kind, name);
      g_ptr_array_add (pending->found,
                       g_variant_ref_sink (g_variant_new ("(ssxx)", kind, message,
                                                          client_id, time)));
    }

  if (g_unlink (path) == 0)
    sync_folder (path);
}

/**
 * kab_store_take_saved_after_all:
 *
 * What a save reported as failed, or cut off, left in the practice: found when it was
 * opened, given once.
 *
 * Returns: (transfer full) (nullable): an array of (kind, message, client id, unix time),
 *   kind one of "payment", "charge", "session", "client", "journal"; %NULL when none
 */
GVariant *
kab_store_take_saved_after_all (KabStore *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (KAB_IS_STORE (self), NULL);

  if (self->pending == NULL || self->pending->found->len == 0)
    return NULL;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssxx)"));
  for (guint i = 0; i < self->pending->found->len; i++)
    g_variant_builder_add_value (&builder, g_ptr_array_index (self->pending->found, i));
  g_ptr_array_set_size (self->pending->found, 0);

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}
