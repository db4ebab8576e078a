/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-document.c: a client's journal and access log as print text and documents,
 * through the same print code as the agreements. Printing is logged by whoever prints. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kab-journal-document.h"
#include "kab-text.h"

/* U+200B ZERO WIDTH SPACE: put before a user's line that would read as print markup. */
#define ZWSP "\xe2\x80\x8b"

/**
 * kab_journal_format_moment:
 *
 * Returns: (transfer full): a date and time in the user's time zone, e.g. "3 March 2026,
 *   14:00"
 */
char *
kab_journal_format_moment (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *text = NULL;

  if (time == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (time);
  /* Translators: the date and time of a journal entry, e.g. “3 March 2026, 14:00”;
   * see strftime */
  text = g_date_time_format (local, _("%-d %B %Y, %H:%M"));
  return g_strdup (g_strstrip (text != NULL ? text : ""));
}

/**
 * kab_journal_dup_status:
 *
 * Returns: (transfer full): what state the entry is in, for the user: a draft, signed by
 *   whom and when, or deleted
 */
char *
kab_journal_dup_status (KabJournalEntry *entry)
{
  g_autofree char *signed_at = NULL;
  g_autofree char *deleted_at = NULL;
  g_autofree char *who = NULL;

  /* The user's words keep their direction to themselves (invisible on paper). */
  if (kab_journal_entry_is_deleted (entry))
    {
      g_autofree char *reason = kab_isolate (kab_journal_entry_get_deletion_reason (entry));

      deleted_at = kab_journal_format_moment (kab_journal_entry_get_deleted_at (entry));
      /* Translators: a deleted journal entry: when, and the reason given */
      return g_strdup_printf (_("Deleted on %s. Reason: %s"), deleted_at, reason);
    }

  if (!kab_journal_entry_is_signed (entry))
    return g_strdup (kab_journal_entry_get_imported (entry)
                     ? _("Imported note, not signed")
                     : _("Draft, not signed"));

  signed_at = kab_journal_format_moment (kab_journal_entry_get_signed_at (entry));
  who = kab_isolate (kab_journal_entry_get_signed_by (entry));
  /* Translators: a signed journal entry: who signed it (name, title) and when */
  return g_strdup_printf (_("Signed by %s on %s"), who, signed_at);
}

/* The user's own text, kept as typed: a line that starts like markup is shielded, and
 * every line ends in a hard break so that line breaks stay. */
static void
append_user_text (GString    *out,
                  const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *content = line + strspn (line, " \t");

      if (*content == '#' || *content == '-')
        g_string_append (out, ZWSP);
      g_string_append (out, line);
      g_string_append (out, lines[i + 1] != NULL && *content != '\0' ? "\\\n" : "\n");
    }
  g_string_append_c (out, '\n');
}

static gboolean
append_corrections (GString          *out,
                    KabStore         *store,
                    KabJournalEntry  *entry,
                    GError          **error)
{
  g_autoptr(GPtrArray) corrections = NULL;

  if (kab_journal_entry_get_n_corrections (entry) == 0)
    return TRUE;

  corrections = kab_store_list_journal_corrections (store, kab_journal_entry_get_id (entry), error);
  if (corrections == NULL)
    return FALSE;

  for (guint i = 0; i < corrections->len; i++)
    {
      KabJournalCorrection *correction = g_ptr_array_index (corrections, i);
      g_autofree char *made_at = kab_journal_format_moment (correction->made_at);

      if (correction->objection)
        /* Translators: a client's objection attached to a journal entry: when, by whom */
        g_string_append_printf (out, _("Client’s objection, recorded on %s by %s:"),
                                made_at, correction->made_by);
      else
        /* Translators: a correction of a signed journal entry: when, by whom, why */
        g_string_append_printf (out, _("Correction on %s by %s. Reason: %s"),
                                made_at, correction->made_by, correction->reason);
      g_string_append (out, "\n\n");
      append_user_text (out, correction->text);
    }

  return TRUE;
}

/**
 * kab_journal_document_append_entries:
 * @from: (nullable): the first instant, or %NULL for the first entry
 * @to: (nullable): the instant after the last, or %NULL for the last entry
 *
 * Appends the client's entries in print markup, oldest first as a record is read: each
 * with its date, kind, state, text and corrections; drafts are marked as such.
 */
gboolean
kab_journal_document_append_entries (GString     *out,
                                     KabStore    *store,
                                     gint64       client_id,
                                     GDateTime   *from,
                                     GDateTime   *to,
                                     GError     **error)
{
  g_autoptr(GListModel) entries = kab_store_list_journal (store, client_id, from, to, error);
  guint n;

  if (entries == NULL)
    return FALSE;

  n = g_list_model_get_n_items (entries);
  if (n == 0)
    {
      g_string_append (out, _("No journal entries."));
      g_string_append (out, "\n\n");
    }

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(KabJournalEntry) entry = g_list_model_get_item (entries, i - 1);
      g_autofree char *when = kab_journal_format_moment (kab_journal_entry_get_occurred (entry));
      g_autofree char *status = kab_journal_dup_status (entry);

      g_string_append_printf (out, "## %s · %s\n\n", when,
                              kab_journal_kind_to_label (kab_journal_entry_get_kind (entry)));
      g_string_append_printf (out, "%s\n\n", status);
      if (!kab_journal_entry_is_deleted (entry))
        append_user_text (out, kab_journal_entry_get_text (entry));
      if (!append_corrections (out, store, entry, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * kab_journal_document_append_access:
 *
 * Appends the client's access log in print markup, oldest first.
 */
gboolean
kab_journal_document_append_access (GString     *out,
                                    KabStore    *store,
                                    gint64       client_id,
                                    GError     **error)
{
  g_autoptr(GPtrArray) log = kab_store_list_journal_access (store, client_id, error);

  if (log == NULL)
    return FALSE;

  for (guint i = 0; i < log->len; i++)
    {
      KabJournalAccess *access = g_ptr_array_index (log, i);
      g_autofree char *at = kab_journal_format_moment (access->at);

      g_string_append_printf (out, "- %s: %s", at, kab_journal_action_to_label (access->action));
      if (access->entry_id != 0)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, access->entry_id);
          /* Translators: which journal entry an access concerns, by its number */
          g_string_append_printf (out, _(", entry %s"), number);
        }
      if (*access->detail != '\0')
        g_string_append_printf (out, " (%s)", access->detail);
      g_string_append (out, "\n\n");
    }

  if (log->len == 0)
    {
      g_string_append (out, _("Nothing recorded yet."));
      g_string_append (out, "\n\n");
    }

  return TRUE;
}

static KabPrintDocument *
new_document (KabStore   *store,
              gint64      client_id,
              char       *text)
{
  KabPractice *practice = kab_store_get_practice (store);
  KabClient *client = kab_store_find_client (store, client_id);
  KabPrintDocument *document = kab_print_document_new (text);
  g_autofree char *header = NULL;

  /* Translators: the line at the top of every page of a printed journal: the client's
   * name, then the practitioner's name */
  header = g_strdup_printf (_("Confidential · %s · %s"),
                            client != NULL ? kab_client_get_display_name (client) : "",
                            kab_practice_get_practitioner_name (practice));
  kab_print_document_set_header (document, header);
  kab_print_document_set_language (document, kab_practice_get_form_language (practice));
  g_free (text);
  return document;
}

static const char *
client_name (KabStore *store,
             gint64    client_id)
{
  KabClient *client = kab_store_find_client (store, client_id);

  return client != NULL ? kab_client_get_display_name (client) : "";
}

static void
append_title (GString    *out,
              KabStore   *store,
              gint64      client_id,
              const char *title)
{
  KabClient *client = kab_store_find_client (store, client_id);
  KabPractice *practice = kab_store_get_practice (store);
  const char *number = client != NULL ? kab_client_get_identity_number (client) : "";

  g_string_append_printf (out, "# %s\n\n", title);
  if (*number != '\0')
    {
      /* Translators: the client's personal identity number under a journal's title */
      g_string_append_printf (out, _("Identity number: %s"), number);
      g_string_append (out, "\\\n");
    }
  /* Translators: who keeps the journal: name, professional title */
  g_string_append_printf (out, _("Kept by %s, %s"), kab_practice_get_practitioner_name (practice),
                          kab_practice_get_title (practice));
  g_string_append (out, "\n\n");
}

/**
 * kab_journal_document_new:
 *
 * Returns: (transfer full): the client's journal, or the entries between @from and @to,
 *   ready to print or save as PDF; every page carries the client and the practitioner
 */
KabPrintDocument *
kab_journal_document_new (KabStore    *store,
                          gint64       client_id,
                          GDateTime   *from,
                          GDateTime   *to,
                          GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  /* Translators: the title of a printed journal; %s is the client's name */
  g_autofree char *title = g_strdup_printf (_("Journal of %s"), client_name (store, client_id));

  append_title (out, store, client_id, title);
  if (!kab_journal_document_append_entries (out, store, client_id, from, to, error))
    return NULL;

  return new_document (store, client_id, g_string_free (g_steal_pointer (&out), FALSE));
}

/**
 * kab_journal_document_new_access_log:
 *
 * Returns: (transfer full): an extract of the client's access log, for the client
 */
KabPrintDocument *
kab_journal_document_new_access_log (KabStore    *store,
                                     gint64       client_id,
                                     GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  /* Translators: the title of a printed access log; %s is the client's name */
  g_autofree char *title = g_strdup_printf (_("Access to the journal of %s"),
                                            client_name (store, client_id));

  append_title (out, store, client_id, title);
  if (!kab_journal_document_append_access (out, store, client_id, error))
    return NULL;

  return new_document (store, client_id, g_string_free (g_steal_pointer (&out), FALSE));
}
