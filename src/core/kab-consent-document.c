/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-consent-document.c: a client's agreement on paper, and the record kept of what was printed */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-consent-document.h"
#include "kab-text.h"

/**
 * kab_consent_document_new:
 * @text: the agreement with its placeholders filled in
 * @language: the language it is written in, for shaping and line breaking
 * @client: (nullable): the client it is for, named at the foot of every page
 *
 * Returns: (transfer full): the agreement as an A4 document, for the preview, the
 *   printer and PDF alike
 */
KabPrintDocument *
kab_consent_document_new (const char *text,
                          const char *language,
                          KabClient  *client)
{
  KabPrintDocument *document;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (client == NULL || KAB_IS_CLIENT (client), NULL);

  document = kab_print_document_new (text);
  kab_print_document_set_language (document, language);

  /* Pages of a signed agreement come apart; the name on each says whose they are. */
  if (client != NULL)
    kab_print_document_set_footer_note (document, kab_client_get_display_name (client));

  return document;
}

/**
 * kab_consent_document_new_stored:
 * @consent: an agreement on record
 *
 * Returns: (transfer full): the agreement exactly as it was printed
 */
KabPrintDocument *
kab_consent_document_new_stored (KabConsent *consent,
                                 KabClient  *client)
{
  g_return_val_if_fail (KAB_IS_CONSENT (consent), NULL);

  return kab_consent_document_new (kab_consent_get_rendered_text (consent),
                                   kab_consent_get_language (consent),
                                   client);
}

/**
 * kab_consent_record_new:
 * @template: the version of the template the text was rendered from
 * @text: the text exactly as printed
 * @printed_on: (nullable): when; %NULL for now
 *
 * Returns: (transfer full): a new, unsaved agreement record for @client
 */
KabConsent *
kab_consent_record_new (KabConsentTemplate *template,
                        KabClient          *client,
                        const char         *text,
                        GDateTime          *printed_on)
{
  g_autoptr(GDateTime) now = NULL;
  KabConsent *consent;

  g_return_val_if_fail (KAB_IS_CONSENT_TEMPLATE (template), NULL);
  g_return_val_if_fail (KAB_IS_CLIENT (client), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (printed_on == NULL)
    printed_on = now = g_date_time_new_now_utc ();

  consent = kab_consent_new ();
  g_object_set (consent,
                "client-id", kab_client_get_id (client),
                "template-id", kab_consent_template_get_id (template),
                "template-version", kab_consent_template_get_version (template),
                "language", kab_consent_template_get_language (template),
                "title", kab_consent_template_get_title (template),
                "rendered-text", text,
                "printed-on", printed_on,
                NULL);

  return consent;
}

/**
 * kab_consent_dup_pdf_name:
 * @date: (nullable): the day of the agreement; %NULL for today
 *
 * Returns: (transfer full): a file name for @client's agreement, such as
 *   "Agreement Åsa Öberg 2025-02-14.pdf"
 */
char *
kab_consent_dup_pdf_name (KabClient *client,
                          GDateTime *date)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *day = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (KAB_IS_CLIENT (client), NULL);

  if (date == NULL)
    date = now = g_date_time_new_now_local ();

  day = g_date_time_format (date, "%Y-%m-%d");
  /* Translators: the name of a saved agreement: %1$s is the client's name, %2$s the
   * date as 2025-02-14. Keep “.pdf” at the end. */
  name = g_strdup_printf (_("Agreement %1$s %2$s.pdf"), kab_client_get_display_name (client), day);

  /* No slash, control character or direction override in a file name. */
  return kab_file_name_from (name);
}
