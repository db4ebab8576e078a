/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client.h: a client of the practice: contact details, billing plan and derived state */

#pragma once

#include <glib-object.h>

#include "kab-enums.h"

G_BEGIN_DECLS

#define KAB_TYPE_CLIENT (kab_client_get_type ())

G_DECLARE_FINAL_TYPE (KabClient, kab_client, KAB, CLIENT, GObject)

KabClient       *kab_client_new                   (void);
KabClient       *kab_client_copy                  (KabClient *self);
gboolean         kab_client_validate              (KabClient *self,
                                                   GError   **error);
void             kab_client_assign                (KabClient *self,
                                                   KabClient *from);

gint64           kab_client_get_id                (KabClient *self);
void             kab_client_set_id                (KabClient *self,
                                                   gint64     id);
const char      *kab_client_get_given_name        (KabClient *self);
void             kab_client_set_given_name        (KabClient  *self,
                                                   const char *given_name);
void             kab_client_set_names             (KabClient  *self,
                                                   const char *given_name,
                                                   const char *family_name);
const char      *kab_client_get_family_name       (KabClient *self);
void             kab_client_set_family_name       (KabClient  *self,
                                                   const char *family_name);
GDateTime       *kab_client_get_birth_date        (KabClient *self);
void             kab_client_set_birth_date        (KabClient *self,
                                                   GDateTime *birth_date);
const char      *kab_client_get_phone             (KabClient *self);
void             kab_client_set_phone             (KabClient  *self,
                                                   const char *phone);
const char      *kab_client_get_email             (KabClient *self);
void             kab_client_set_email             (KabClient  *self,
                                                   const char *email);
const char      *kab_client_get_address           (KabClient *self);
void             kab_client_set_address           (KabClient  *self,
                                                   const char *address);
const char      *kab_client_get_emergency_contact (KabClient *self);
void             kab_client_set_emergency_contact (KabClient  *self,
                                                   const char *emergency_contact);
const char      *kab_client_get_identity_number   (KabClient *self);
void             kab_client_set_identity_number   (KabClient  *self,
                                                   const char *identity_number);
KabClientStatus  kab_client_get_status            (KabClient *self);
void             kab_client_set_status            (KabClient       *self,
                                                   KabClientStatus  status);
KabService       kab_client_get_service           (KabClient *self);
void             kab_client_set_service           (KabClient  *self,
                                                   KabService  service);
KabBillingPlan   kab_client_get_billing_plan      (KabClient *self);
void             kab_client_set_billing_plan      (KabClient      *self,
                                                   KabBillingPlan  billing_plan);
gint64           kab_client_get_fee               (KabClient *self);
void             kab_client_set_fee               (KabClient *self,
                                                   gint64     fee);
int              kab_client_get_package_size      (KabClient *self);
void             kab_client_set_package_size      (KabClient *self,
                                                   int        package_size);
const char      *kab_client_get_notes             (KabClient *self);
void             kab_client_set_notes             (KabClient  *self,
                                                   const char *notes);
GDateTime       *kab_client_get_created           (KabClient *self);
void             kab_client_set_created           (KabClient *self,
                                                   GDateTime *created);
GDateTime       *kab_client_get_updated           (KabClient *self);
void             kab_client_set_updated           (KabClient *self,
                                                   GDateTime *updated);
gint64           kab_client_get_balance           (KabClient *self);
void             kab_client_set_balance           (KabClient *self,
                                                   gint64     balance);
GDateTime       *kab_client_get_next_session      (KabClient *self);
void             kab_client_set_next_session      (KabClient *self,
                                                   GDateTime *next_session);
KabConsentState  kab_client_get_consent_state     (KabClient *self);
void             kab_client_set_consent_state     (KabClient       *self,
                                                   KabConsentState  consent_state);

const char      *kab_client_get_display_name      (KabClient *self);
const char      *kab_client_get_initials          (KabClient *self);
const char      *kab_client_get_search_key        (KabClient *self);
gboolean         kab_client_matches               (KabClient          *self,
                                                   const char * const *words);
/* The same as kab_client_get_initials(), as a new string: for calendar exports that
 * must not name the client. (transfer full) */
char            *kab_client_dup_initials          (KabClient *self);

G_END_DECLS
