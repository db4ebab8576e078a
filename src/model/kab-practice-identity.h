/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-practice-identity.h: the practice as a business: tax numbers, VAT, bank, bookkeeping */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The tax status of a Russian practitioner. */
typedef enum
{
  KAB_TAX_STATUS_SELF_EMPLOYED, /* самозанятый: налог на профессиональный доход */
  KAB_TAX_STATUS_ENTREPRENEUR,  /* индивидуальный предприниматель */
  KAB_TAX_STATUS_ORGANISATION,  /* организация */
} KabTaxStatus;

#define KAB_TYPE_TAX_STATUS (kab_tax_status_get_type ())
GType kab_tax_status_get_type (void);

#define KAB_TYPE_PRACTICE_IDENTITY (kab_practice_identity_get_type ())

G_DECLARE_FINAL_TYPE (KabPracticeIdentity, kab_practice_identity, KAB, PRACTICE_IDENTITY, GObject)

KabPracticeIdentity *kab_practice_identity_new          (void);
KabPracticeIdentity *kab_practice_identity_copy         (KabPracticeIdentity *self);
void                 kab_practice_identity_copy_into    (KabPracticeIdentity *self,
                                                         KabPracticeIdentity *to);
gboolean             kab_practice_identity_validate     (KabPracticeIdentity *self,
                                                         const char          *country,
                                                         GError             **error);

/* Each field is also a property of the same name with dashes. */
const char  *kab_practice_identity_get_tax_id          (KabPracticeIdentity *self);
void         kab_practice_identity_set_tax_id          (KabPracticeIdentity *self,
                                                        const char          *tax_id);
gboolean     kab_practice_identity_get_licensed        (KabPracticeIdentity *self);
void         kab_practice_identity_set_licensed        (KabPracticeIdentity *self,
                                                        gboolean             licensed);
gboolean     kab_practice_identity_get_f_tax           (KabPracticeIdentity *self);
void         kab_practice_identity_set_f_tax           (KabPracticeIdentity *self,
                                                        gboolean             f_tax);
gboolean     kab_practice_identity_get_vat_registered  (KabPracticeIdentity *self);
void         kab_practice_identity_set_vat_registered  (KabPracticeIdentity *self,
                                                        gboolean             vat_registered);
KabTaxStatus kab_practice_identity_get_tax_status      (KabPracticeIdentity *self);
void         kab_practice_identity_set_tax_status      (KabPracticeIdentity *self,
                                                        KabTaxStatus         tax_status);
const char  *kab_practice_identity_get_bankgiro        (KabPracticeIdentity *self);
void         kab_practice_identity_set_bankgiro        (KabPracticeIdentity *self,
                                                        const char          *bankgiro);
const char  *kab_practice_identity_get_plusgiro        (KabPracticeIdentity *self);
void         kab_practice_identity_set_plusgiro        (KabPracticeIdentity *self,
                                                        const char          *plusgiro);
const char  *kab_practice_identity_get_account         (KabPracticeIdentity *self);
void         kab_practice_identity_set_account         (KabPracticeIdentity *self,
                                                        const char          *account);
const char  *kab_practice_identity_get_bic             (KabPracticeIdentity *self);
void         kab_practice_identity_set_bic             (KabPracticeIdentity *self,
                                                        const char          *bic);
int          kab_practice_identity_get_vat_percent     (KabPracticeIdentity *self);
void         kab_practice_identity_set_vat_percent     (KabPracticeIdentity *self,
                                                        int                  vat_percent);
int          kab_practice_identity_get_due_days        (KabPracticeIdentity *self);
void         kab_practice_identity_set_due_days        (KabPracticeIdentity *self,
                                                        int                  due_days);
gboolean     kab_practice_identity_get_receipts_per_year (KabPracticeIdentity *self);
void         kab_practice_identity_set_receipts_per_year (KabPracticeIdentity *self,
                                                          gboolean             per_year);
int          kab_practice_identity_get_sales_account   (KabPracticeIdentity *self);
void         kab_practice_identity_set_sales_account   (KabPracticeIdentity *self,
                                                        int                  account);
int          kab_practice_identity_get_bank_account    (KabPracticeIdentity *self);
void         kab_practice_identity_set_bank_account    (KabPracticeIdentity *self,
                                                        int                  account);
int          kab_practice_identity_get_receivables_account (KabPracticeIdentity *self);
void         kab_practice_identity_set_receivables_account (KabPracticeIdentity *self,
                                                            int                  account);

gboolean     kab_practice_identity_is_vat_exempt       (KabPracticeIdentity *self,
                                                        const char          *country);
const char  *kab_tax_status_to_nick                    (KabTaxStatus         status);
KabTaxStatus kab_tax_status_from_nick                  (const char          *nick);
char        *kab_practice_identity_dup_tax_status_label (KabPracticeIdentity *self,
                                                         const char          *country);

G_END_DECLS
