/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-consent-templates.h: the agreement templates shipped with Kabinett and the user's own */

#pragma once

#include "kab-store.h"

G_BEGIN_DECLS

/* The built-in template of a language has the key "therapy-agreement-<language>". */
#define KAB_CONSENT_BUILTIN_KEY_PREFIX "therapy-agreement-"

const char *const  *kab_consent_languages                  (void);
const char         *kab_consent_language_name              (const char         *language);
GBytes             *kab_consent_lookup_builtin_body        (const char         *language,
                                                            GError            **error);
gboolean            kab_consent_ensure_builtin_templates   (KabStore           *store,
                                                            GError            **error);
GListModel         *kab_consent_latest_templates           (GListModel         *templates);
KabConsentTemplate *kab_consent_find_template_for_language (GListModel         *latest,
                                                            const char         *language);
KabConsentTemplate *kab_consent_template_copy_as_custom    (KabConsentTemplate *template);

G_END_DECLS
