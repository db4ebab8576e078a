/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-documents.h: the practice's identity, receipt numbers and document languages */

#pragma once

#include "kab-practice-identity.h"
#include "kab-store.h"

G_BEGIN_DECLS

/* The practice as a business: one object for the whole run, like the practice. */
KabPracticeIdentity *kab_store_get_identity         (KabStore             *self);
gboolean             kab_store_save_identity        (KabStore             *self,
                                                     KabPracticeIdentity  *identity,
                                                     GError              **error);

gboolean             kab_store_fill_demo_identity   (KabStore             *store,
                                                     GError              **error);

/* A receipt as issued: its number is @number of @year's sequence (@year 0 when the
 * practice numbers receipts in one sequence for all years). */
typedef struct
{
  gint64     payment_id;
  int        year;
  gint64     number;
  GDateTime *issued;
  char      *tax_receipt;  /* the «Мой налог» receipt number, typed by the user */
} KabReceiptRecord;

void                 kab_receipt_record_clear        (KabReceiptRecord     *record);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KabReceiptRecord, kab_receipt_record_clear)
char                *kab_receipt_record_dup_number   (const KabReceiptRecord *record);

gboolean             kab_store_find_receipt          (KabStore             *self,
                                                      gint64                payment_id,
                                                      KabReceiptRecord     *out_record,
                                                      gboolean             *out_found,
                                                      GError              **error);
gboolean             kab_store_issue_receipt         (KabStore             *self,
                                                      KabPayment           *payment,
                                                      GDateTime            *now,
                                                      KabReceiptRecord     *out_record,
                                                      GError              **error);
gboolean             kab_store_set_receipt_tax_number (KabStore            *self,
                                                       gint64               payment_id,
                                                       const char          *tax_receipt,
                                                       GError             **error);

/* The language of a client's receipts, invoices and statements: the practice's form
 * language unless set for the client. */
char                *kab_store_dup_client_language   (KabStore             *self,
                                                      gint64                client_id);
gboolean             kab_store_set_client_language   (KabStore             *self,
                                                      gint64                client_id,
                                                      const char           *language,
                                                      GError              **error);

G_END_DECLS
