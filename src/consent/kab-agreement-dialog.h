/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-agreement-dialog.h: an agreement for a client, previewed as printed, then printed or saved as PDF */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_AGREEMENT_DIALOG (kab_agreement_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KabAgreementDialog, kab_agreement_dialog, KAB, AGREEMENT_DIALOG, AdwWindow)

GtkWidget          *kab_agreement_dialog_new             (KabStore           *store,
                                                          KabClient          *client);
GtkWidget          *kab_agreement_dialog_new_for_consent (KabStore           *store,
                                                          KabConsent         *consent);
KabClient          *kab_agreement_dialog_get_client      (KabAgreementDialog *self);
void                kab_agreement_dialog_set_client      (KabAgreementDialog *self,
                                                          KabClient          *client);
KabConsentTemplate *kab_agreement_dialog_get_template    (KabAgreementDialog *self);
void                kab_agreement_dialog_set_template    (KabAgreementDialog *self,
                                                          KabConsentTemplate *template);
const char         *kab_agreement_dialog_get_text        (KabAgreementDialog *self);
gboolean            kab_agreement_dialog_save_pdf        (KabAgreementDialog *self,
                                                          const char         *path,
                                                          GError            **error);
void                kab_agreement_dialog_print           (KabAgreementDialog *self);

G_END_DECLS
