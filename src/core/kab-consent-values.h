/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-consent-values.h: what fills an agreement's {placeholders}, from the practice and a client */

#pragma once

#include "kab-client.h"
#include "kab-consent-template.h"
#include "kab-practice.h"
#include "kab-practice-identity.h"

G_BEGIN_DECLS

/* Where the user fills in the value of a placeholder. */
typedef enum
{
  KAB_CONSENT_SOURCE_UNKNOWN,      /* not a placeholder Kabinett fills */
  KAB_CONSENT_SOURCE_PREFERENCES,  /* the practice's settings */
  KAB_CONSENT_SOURCE_CLIENT,       /* the client's details */
  KAB_CONSENT_SOURCE_AUTOMATIC,    /* always known, e.g. today's date */
} KabConsentSource;

GHashTable       *kab_consent_values_new          (KabPractice        *practice,
                                                   KabClient          *client,
                                                   GDateTime          *today,
                                                   const char         *language);
char             *kab_consent_values_find_missing (KabConsentTemplate *template,
                                                   GHashTable         *values);
char             *kab_consent_values_render       (KabConsentTemplate *template,
                                                   GHashTable         *values,
                                                   GError            **error);
KabConsentSource  kab_consent_placeholder_source  (const char         *name);
const char *const*kab_consent_placeholder_names   (void);

void              kab_consent_values_add_identity (GHashTable          *values,
                                                   KabPracticeIdentity *identity,
                                                   const char          *country);

G_END_DECLS
