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

/* An invoice for a client's charges in a period [@period_from, @period_to). */
typedef struct
{
  gint64     id;
  gint64     client_id;
  int        year;
  gint64     number;
  GDateTime *issued;
  GDateTime *period_from;
  GDateTime *period_to;
  GDateTime *due;
  gint64     amount;
  char      *currency;
  char      *reference;   /* SE: OCR number, NO: KID, else the invoice's number */
  GDateTime *sent;        /* nullable: when it was first printed or saved */
  gint64     payment_id;  /* the payment matched to it, or 0 */
} KabInvoiceRecord;

void                 kab_invoice_record_clear        (KabInvoiceRecord     *record);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KabInvoiceRecord, kab_invoice_record_clear)
char                *kab_invoice_record_dup_number   (const KabInvoiceRecord *record);
gboolean             kab_invoice_record_is_overdue   (const KabInvoiceRecord *record,
                                                      GDateTime            *now);

gboolean             kab_store_issue_invoice         (KabStore             *self,
                                                      gint64                client_id,
                                                      GDateTime            *period_from,
                                                      GDateTime            *period_to,
                                                      GDateTime            *now,
                                                      KabInvoiceRecord     *out_record,
                                                      GError              **error);
gboolean             kab_store_load_invoice          (KabStore             *self,
                                                      gint64                invoice_id,
                                                      KabInvoiceRecord     *out_record,
                                                      GError              **error);
gboolean             kab_store_mark_invoice_sent     (KabStore             *self,
                                                      gint64                invoice_id,
                                                      GDateTime            *now,
                                                      GError              **error);
gboolean             kab_store_match_invoice         (KabStore             *self,
                                                      gint64                invoice_id,
                                                      gint64                payment_id,
                                                      GError              **error);
gboolean             kab_store_match_reference       (KabStore             *self,
                                                      KabPayment           *payment,
                                                      const char           *reference,
                                                      gint64               *out_invoice_id,
                                                      GError              **error);
GPtrArray           *kab_store_list_overdue_invoices (KabStore             *self,
                                                      GDateTime            *now,
                                                      GError              **error);

/* The language of a client's receipts, invoices and statements: the practice's form
 * language unless set for the client. */
char                *kab_store_dup_client_language   (KabStore             *self,
                                                      gint64                client_id);
gboolean             kab_store_set_client_language   (KabStore             *self,
                                                      gint64                client_id,
                                                      const char           *language,
                                                      GError              **error);

G_END_DECLS
