/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-consent-template.h: a version of an agreement text with {placeholders} */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KAB_TYPE_CONSENT_TEMPLATE (kab_consent_template_get_type ())

G_DECLARE_FINAL_TYPE (KabConsentTemplate, kab_consent_template, KAB, CONSENT_TEMPLATE, GObject)

KabConsentTemplate *kab_consent_template_new          (void);
KabConsentTemplate *kab_consent_template_copy         (KabConsentTemplate *self);
gboolean            kab_consent_template_validate     (KabConsentTemplate *self,
                                                       GError            **error);

gint64              kab_consent_template_get_id       (KabConsentTemplate *self);
void                kab_consent_template_set_id       (KabConsentTemplate *self,
                                                       gint64              id);
const char         *kab_consent_template_get_key      (KabConsentTemplate *self);
void                kab_consent_template_set_key      (KabConsentTemplate *self,
                                                       const char         *key);
const char         *kab_consent_template_get_language (KabConsentTemplate *self);
void                kab_consent_template_set_language (KabConsentTemplate *self,
                                                       const char         *language);
const char         *kab_consent_template_get_title    (KabConsentTemplate *self);
void                kab_consent_template_set_title    (KabConsentTemplate *self,
                                                       const char         *title);
int                 kab_consent_template_get_version  (KabConsentTemplate *self);
void                kab_consent_template_set_version  (KabConsentTemplate *self,
                                                       int                 version);
const char         *kab_consent_template_get_body     (KabConsentTemplate *self);
void                kab_consent_template_set_body     (KabConsentTemplate *self,
                                                       const char         *body);
gboolean            kab_consent_template_get_builtin  (KabConsentTemplate *self);
void                kab_consent_template_set_builtin  (KabConsentTemplate *self,
                                                       gboolean            builtin);
GDateTime          *kab_consent_template_get_created  (KabConsentTemplate *self);
void                kab_consent_template_set_created  (KabConsentTemplate *self,
                                                       GDateTime          *created);

/* The body with every {name} replaced by values[name]; "{{" and "}}" are literal
 * braces; "{?name}…{/name}" is kept only when name has a value, "{!name}…{/name}" only
 * when it has none. A placeholder without a value is refused. (transfer full) */
char               *kab_consent_template_render       (KabConsentTemplate *self,
                                                       GHashTable         *values,
                                                       GError            **error);
char               *kab_consent_template_find_missing (KabConsentTemplate *self,
                                                       GHashTable         *values);

G_END_DECLS
