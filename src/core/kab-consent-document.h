/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-consent-document.h: a client's agreement on paper, and the record kept of what was printed */

#pragma once

#include "kab-print-document.h"
#include "kab-store.h"

G_BEGIN_DECLS

KabPrintDocument *kab_consent_document_new        (const char          *text,
                                                   const char          *language,
                                                   KabClient           *client);
KabPrintDocument *kab_consent_document_new_stored (KabConsent          *consent,
                                                   KabClient           *client);
KabConsent       *kab_consent_record_new          (KabConsentTemplate  *template,
                                                   KabClient           *client,
                                                   const char          *text,
                                                   GDateTime           *printed_on);
char             *kab_consent_dup_pdf_name        (KabClient           *client,
                                                   GDateTime           *date);

G_END_DECLS
