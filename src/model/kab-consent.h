/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-consent.h: a client's agreement record: the text as printed and its dates */

#pragma once

#include <glib-object.h>

#include "kab-enums.h"

G_BEGIN_DECLS

#define KAB_TYPE_CONSENT (kab_consent_get_type ())

G_DECLARE_FINAL_TYPE (KabConsent, kab_consent, KAB, CONSENT, GObject)

KabConsent      *kab_consent_new                  (void);
KabConsent      *kab_consent_copy                 (KabConsent *self);
gboolean         kab_consent_validate             (KabConsent *self,
                                                   GError    **error);

gint64           kab_consent_get_id               (KabConsent *self);
void             kab_consent_set_id               (KabConsent *self,
                                                   gint64      id);
gint64           kab_consent_get_client_id        (KabConsent *self);
void             kab_consent_set_client_id        (KabConsent *self,
                                                   gint64      client_id);
gint64           kab_consent_get_template_id      (KabConsent *self);
void             kab_consent_set_template_id      (KabConsent *self,
                                                   gint64      template_id);
int              kab_consent_get_template_version (KabConsent *self);
void             kab_consent_set_template_version (KabConsent *self,
                                                   int         template_version);
const char      *kab_consent_get_language         (KabConsent *self);
void             kab_consent_set_language         (KabConsent *self,
                                                   const char *language);
const char      *kab_consent_get_title            (KabConsent *self);
void             kab_consent_set_title            (KabConsent *self,
                                                   const char *title);
const char      *kab_consent_get_rendered_text    (KabConsent *self);
void             kab_consent_set_rendered_text    (KabConsent *self,
                                                   const char *rendered_text);
GDateTime       *kab_consent_get_created          (KabConsent *self);
void             kab_consent_set_created          (KabConsent *self,
                                                   GDateTime  *created);
GDateTime       *kab_consent_get_printed_on       (KabConsent *self);
void             kab_consent_set_printed_on       (KabConsent *self,
                                                   GDateTime  *printed_on);
GDateTime       *kab_consent_get_signed_on        (KabConsent *self);
void             kab_consent_set_signed_on        (KabConsent *self,
                                                   GDateTime  *signed_on);
GDateTime       *kab_consent_get_withdrawn_on     (KabConsent *self);
void             kab_consent_set_withdrawn_on     (KabConsent *self,
                                                   GDateTime  *withdrawn_on);

/* Withdrawn, signed, printed or missing, from the dates that are set. */
KabConsentState  kab_consent_get_state            (KabConsent *self);

G_END_DECLS
