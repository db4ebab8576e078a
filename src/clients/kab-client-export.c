/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-export.c: everything about one client as a readable document (PDF) */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kab-client-export.h"
#include "kab-enums.h"
#include "kab-money.h"
#include "journal/kab-journal-document.h"
#include "print/kab-print-document.h"
#include "kab-text.h"

/* U+200B ZERO WIDTH SPACE: put before a user's line that would read as print markup. */
#define ZWSP "\xe2\x80\x8b"

static char *
format_day (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *text = NULL;

  if (time == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (time);
  /* Translators: a date in the exported records, e.g. “3 March 2025”; see strftime */
  text = g_date_time_format (local, _("%-d %B %Y"));
  return g_strdup (g_strstrip (text != NULL ? text : ""));
}

static char *
format_moment (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  /* Translators: a session's start in the exported records, e.g. “Monday 3 March 2025,
   * 10:00”; see strftime */
  g_autofree char *text = g_date_time_format (local, _("%A %-d %B %Y, %H:%M"));

  return g_strdup (g_strstrip (text != NULL ? text : ""));
}

/* The user's own text, kept as typed: a line that starts like a heading is shielded, and
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

      if (*content == '#')
        g_string_append (out, ZWSP);
      g_string_append (out, line);
      g_string_append (out, lines[i + 1] != NULL && *content != '\0' ? "\\\n" : "\n");
    }
  g_string_append_c (out, '\n');
}

static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  g_autofree char *one_line = NULL;

  if (value == NULL || *value == '\0')
    return;

  one_line = g_strdelimit (g_strdup (value), "\n\r", ' ');
  g_string_append (out, "- ");
  /* Translators: one detail of the client in the exported records: “Phone: 555 123” */
  g_string_append_printf (out, _("%s: %s"), label, one_line);
  g_string_append_c (out, '\n');
}

static void
append_client (GString     *out,
               KabClient   *client,
               const char  *currency)
{
  g_autofree char *birth = format_day (kab_client_get_birth_date (client));
  g_autofree char *created = format_day (kab_client_get_created (client));
  g_autofree char *fee = kab_money_format (kab_client_get_fee (client), currency);
  g_autofree char *plan = g_strdup_printf ("%s, %s",
                                           kab_billing_plan_to_label (kab_client_get_billing_plan (client)),
                                           fee);

  g_string_append_printf (out, "## %s\n\n", _("Client"));
  append_field (out, _("Name"), kab_client_get_display_name (client));
  append_field (out, _("Date of birth"), birth);
  append_field (out, _("Phone"), kab_client_get_phone (client));
  append_field (out, _("Email"), kab_client_get_email (client));
  append_field (out, _("Address"), kab_client_get_address (client));
  append_field (out, _("Emergency contact"), kab_client_get_emergency_contact (client));
  append_field (out, _("Status"), kab_client_status_to_label (kab_client_get_status (client)));
  append_field (out, _("Service"), kab_service_to_label (kab_client_get_service (client)));
  append_field (out, _("Billing"), plan);
  append_field (out, _("Recorded since"), created);
  g_string_append_c (out, '\n');

  if (*kab_client_get_notes (client) != '\0')
    {
      g_string_append_printf (out, "## %s\n\n", _("Notes"));
      append_user_text (out, kab_client_get_notes (client));
    }
}

static void
append_sessions (GString     *out,
                 GListModel  *sessions,
                 const char  *currency)
{
  guint n = g_list_model_get_n_items (sessions);

  g_string_append (out, "## ");
  /* Translators: a heading of the exported records, with the number of sessions */
  g_string_append_printf (out, ngettext ("%u Session", "%u Sessions", n), n);
  g_string_append (out, "\n\n");

  if (n == 0)
    g_string_append_printf (out, "%s\n\n", _("No sessions are recorded."));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);
      g_autofree char *start = format_moment (kab_session_get_start (session));
      g_autofree char *fee = kab_money_format (kab_session_get_fee (session), currency);
      int minutes = kab_session_get_duration (session);
      g_autofree char *duration = g_strdup_printf (ngettext ("%d minute", "%d minutes", minutes),
                                                   minutes);

      /* Translators: one session in the exported records: its start, length, kind,
       * status and fee, e.g. “Monday 3 March 2025, 10:00: 50 minutes, Psychotherapy,
       * Attended, 1 500,00 kr” */
      g_string_append (out, "- ");
      g_string_append_printf (out, _("%s: %s, %s, %s, %s"), start, duration,
                              kab_session_kind_to_label (kab_session_get_kind (session)),
                              kab_session_status_to_label (kab_session_get_status (session)),
                              fee);
      if (*kab_session_get_note (session) != '\0')
        {
          g_autofree char *note = g_strdelimit (g_strdup (kab_session_get_note (session)), "\n\r", ' ');

          /* The note on a line of its own, under the session. */
          g_string_append_printf (out, "\\\n%s", note);
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

static void
append_ledger (GString     *out,
               GListModel  *charges,
               GListModel  *payments,
               gint64       balance,
               const char  *currency)
{
  g_autofree char *balance_text = kab_money_format (ABS (balance), currency);

  g_string_append_printf (out, "## %s\n\n", _("Charges"));
  if (g_list_model_get_n_items (charges) == 0)
    g_string_append_printf (out, "%s\n\n", _("No charges are recorded."));
  for (guint i = 0; i < g_list_model_get_n_items (charges); i++)
    {
      g_autoptr(KabCharge) charge = g_list_model_get_item (charges, i);
      g_autofree char *date = format_day (kab_charge_get_date (charge));
      g_autofree char *amount = kab_money_format (kab_charge_get_amount (charge),
                                                  kab_charge_get_currency (charge));

      g_string_append (out, "- ");
      /* Translators: one charge or payment in the exported records: date, what, amount */
      g_string_append_printf (out, _("%s: %s, %s"), date,
                              kab_charge_kind_to_label (kab_charge_get_kind (charge)), amount);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');

  g_string_append_printf (out, "## %s\n\n", _("Payments"));
  if (g_list_model_get_n_items (payments) == 0)
    g_string_append_printf (out, "%s\n\n", _("No payments are recorded."));
  for (guint i = 0; i < g_list_model_get_n_items (payments); i++)
    {
      g_autoptr(KabPayment) payment = g_list_model_get_item (payments, i);
      g_autofree char *date = format_day (kab_payment_get_date (payment));
      g_autofree char *amount = kab_money_format (kab_payment_get_amount (payment),
                                                  kab_payment_get_currency (payment));

      g_string_append (out, "- ");
      g_string_append_printf (out, _("%s: %s, %s"), date,
                              kab_payment_method_to_label (kab_payment_get_method (payment)), amount);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');

  if (balance > 0)
    /* Translators: %s is an amount of money */
    g_string_append_printf (out, _("Balance: %s owed to the practice."), balance_text);
  else if (balance < 0)
    g_string_append_printf (out, _("Balance: %s paid in advance."), balance_text);
  else
    g_string_append (out, _("Balance: nothing is owed."));
  g_string_append (out, "\n\n");
}

static void
append_consent (GString    *out,
                KabConsent *consent)
{
  const struct { const char *label; GDateTime *date; } dates[] = {
    { _("Prepared"), kab_consent_get_created (consent) },
    { _("Printed"), kab_consent_get_printed_on (consent) },
    { _("Signed"), kab_consent_get_signed_on (consent) },
    { _("Withdrawn"), kab_consent_get_withdrawn_on (consent) },
  };
  g_auto(GStrv) lines = NULL;

  g_string_append (out, "## ");
  /* Translators: heading of one agreement in the exported records; %s is its title */
  g_string_append_printf (out, _("Agreement: %s"), kab_consent_get_title (consent));
  g_string_append (out, "\n\n");

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *day = format_day (dates[i].date);
      append_field (out, dates[i].label, day);
    }
  g_string_append_c (out, '\n');

  /* The text as it was printed. Its own title is the heading above; its sections stay. */
  lines = g_strsplit (kab_consent_get_rendered_text (consent), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "# "))
        continue;
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

/**
 * kab_client_export_build_text:
 * @now: the time of the export, printed in it
 *
 * Everything the practice holds about a client, in the print markup of
 * #KabPrintDocument: details, notes, sessions, charges, payments, balance, and each
 * agreement with its text as printed.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
char *
kab_client_export_build_text (KabStore    *store,
                              gint64       client_id,
                              GDateTime   *now,
                              GError     **error)
{
  KabPractice *practice;
  KabClient *client;
  const char *currency;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GListModel) charges = NULL;
  g_autoptr(GListModel) payments = NULL;
  g_autoptr(GListModel) consents = NULL;
  g_autofree char *today = NULL;
  gint64 balance = 0;
  GString *out;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  client = kab_store_find_client (store, client_id);
  if (client == NULL)
    {
      g_set_error (error, KAB_STORE_ERROR, KAB_STORE_ERROR_NOT_FOUND,
                   _("The client does not exist (any more)."));
      return NULL;
    }

  practice = kab_store_get_practice (store);
  currency = kab_practice_get_currency (practice);

  if ((sessions = kab_store_list_client_sessions (store, client_id, error)) == NULL
      || (charges = kab_store_list_charges (store, client_id, NULL, NULL, error)) == NULL
      || (payments = kab_store_list_payments (store, client_id, NULL, NULL, error)) == NULL
      || (consents = kab_store_list_consents (store, client_id, error)) == NULL
      || !kab_store_get_balance (store, client_id, &balance, error))
    return NULL;

  out = g_string_new (NULL);
  today = format_day (now);

  g_string_append (out, "# ");
  /* Translators: the title of the exported records; %s is the client's name */
  g_string_append_printf (out, _("Records of %s"), kab_client_get_display_name (client));
  g_string_append (out, "\n\n");

  if (*kab_practice_get_practitioner_name (practice) != '\0')
    /* Translators: under the title of the exported records: the date, the practitioner */
    g_string_append_printf (out, _("Everything recorded about %s on %s by %s."),
                            kab_client_get_display_name (client), today,
                            kab_practice_get_practitioner_name (practice));
  else
    g_string_append_printf (out, _("Everything recorded about %s on %s."),
                            kab_client_get_display_name (client), today);
  g_string_append (out, "\n\n");

  append_client (out, client, currency);
  append_sessions (out, sessions, currency);
  append_ledger (out, charges, payments, balance, currency);

  for (guint i = 0; i < g_list_model_get_n_items (consents); i++)
    {
      g_autoptr(KabConsent) consent = g_list_model_get_item (consents, i);
      append_consent (out, consent);
    }

  /* The clinical record: every entry, drafts marked, corrections, and who saw it when.
   * The export is logged first so that the log shows it. */
  kab_store_log_journal_access (store, client_id, 0, KAB_JOURNAL_ACTION_EXPORTED, NULL, NULL);
  g_string_append_printf (out, "## %s\n\n", _("Journal"));
  if (!kab_journal_document_append_entries (out, store, client_id, NULL, NULL, error))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  g_string_append_printf (out, "## %s\n\n", _("Access to the Journal"));
  if (!kab_journal_document_append_access (out, store, client_id, error))
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

/**
 * kab_client_export_pdf:
 * @path: (type filename): the PDF to write; replaced when complete, mode 0600
 *
 * Writes kab_client_export_build_text() as an A4 PDF.
 */
gboolean
kab_client_export_pdf (KabStore    *store,
                       gint64       client_id,
                       const char  *path,
                       GDateTime   *now,
                       GError     **error)
{
  g_autofree char *text = kab_client_export_build_text (store, client_id, now, error);
  g_autoptr(KabPrintDocument) document = NULL;
  g_autofree char *header = NULL;
  KabClient *client;

  if (text == NULL)
    return FALSE;

  client = kab_store_find_client (store, client_id);
  document = kab_print_document_new (text);
  /* Translators: the small line at the top of every page of the exported records */
  header = g_strdup_printf (_("Confidential: the records of %s"), kab_client_get_display_name (client));
  kab_print_document_set_header (document, header);

  if (!kab_print_document_export_pdf (document, path, error))
    return FALSE;

  /* Health records: the user's alone, like the database. */
  g_chmod (path, 0600);
  return TRUE;
}

/**
 * kab_client_export_dup_file_name:
 * @extension: "pdf" or "json"
 *
 * Returns: (transfer full): a file name for the client's records, e.g.
 *   "Anna Svensson – records.pdf", safe in any folder
 */
char *
kab_client_export_dup_file_name (KabClient  *client,
                                 const char *extension)
{
  /* Translators: the file name of a client's exported records; %s is the name */
  g_autofree char *base = g_strdup_printf (_("%s – records"), kab_client_get_display_name (client));
  g_autofree char *wanted = g_strdup_printf ("%s.%s", base, extension);

  /* A name saved before such characters were refused: no control character or
   * direction override in a file name, where it would hide or reverse the extension. */
  return kab_file_name_from (wanted);
}
