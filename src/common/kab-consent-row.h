/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-consent-row.h: one of a client's agreements: its version, language and dates */

#pragma once

#include <adwaita.h>

#include "kab-consent.h"

G_BEGIN_DECLS

#define KAB_TYPE_CONSENT_ROW (kab_consent_row_get_type ())

G_DECLARE_FINAL_TYPE (KabConsentRow, kab_consent_row, KAB, CONSENT_ROW, AdwActionRow)

GtkWidget  *kab_consent_row_new         (KabConsent    *consent);
KabConsent *kab_consent_row_get_consent (KabConsentRow *self);

/* Shared with the rows of the To Sign page, the agreement dialog and the client details:
 * a badge for a consent state, "14 May 2023", and "Printed … · Signed …". */
void        kab_consent_show_state      (GtkLabel        *label,
                                         KabConsentState  state);
char       *kab_consent_format_day      (GDateTime       *date);
char       *kab_consent_dup_dates       (KabConsent      *consent);

G_END_DECLS
