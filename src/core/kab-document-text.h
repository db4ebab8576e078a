/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-document-text.h: the words of receipts, invoices and statements in the client's language */

#pragma once

#include <gio/gio.h>

#include "kab-enums.h"

G_BEGIN_DECLS

typedef enum
{
  KAB_DOC_RECEIPT_TITLE,       /* "Receipt No. {}" */
  KAB_DOC_INVOICE_TITLE,       /* "Invoice No. {}" */
  KAB_DOC_STATEMENT_TITLE,     /* "Statement of Account" */
  KAB_DOC_RECEIVED_FROM,
  KAB_DOC_INVOICE_TO,
  KAB_DOC_CLIENT,
  KAB_DOC_DATE,
  KAB_DOC_AMOUNT,
  KAB_DOC_PAID_BY,
  KAB_DOC_PAID_FOR,
  KAB_DOC_PERIOD,
  KAB_DOC_DUE_DATE,
  KAB_DOC_REFERENCE,
  KAB_DOC_PAY_TO,
  KAB_DOC_TOTAL,
  KAB_DOC_NET,                 /* the amount before VAT */
  KAB_DOC_VAT,                 /* "VAT {} %" */
  KAB_DOC_OPENING_BALANCE,
  KAB_DOC_CLOSING_BALANCE,
  KAB_DOC_CHARGES,
  KAB_DOC_PAYMENTS,
  KAB_DOC_PAYMENT,
  KAB_DOC_OWED,                /* a closing balance the client owes */
  KAB_DOC_IN_CREDIT,           /* a closing balance in the client's favour */
  KAB_DOC_THANKS,
  KAB_DOC_NOT_A_CASH_RECEIPT,  /* RU: «Не является кассовым чеком» */
  KAB_DOC_TAX_RECEIPT,         /* RU: the «Мой налог» receipt number */
  KAB_DOC_NO_VAT,              /* RU: «Без НДС» */
  KAB_DOC_EXEMPT_SE,           /* the exemption under mervärdesskattelagen (2023:200) */
  KAB_DOC_EXEMPT_NO,           /* the exemption under merverdiavgiftsloven § 3-2 */
  KAB_DOC_LATE_CANCELLATION,
  KAB_DOC_MONTHLY_FEE,
  KAB_DOC_PACKAGE,
  KAB_DOC_OTHER,
  KAB_DOC_CONSULTATION,
  KAB_DOC_PSYCHOTHERAPY,
  KAB_DOC_ORG_NUMBER,
  KAB_DOC_INN,
  KAB_DOC_BANKGIRO,
  KAB_DOC_PLUSGIRO,
  KAB_DOC_ACCOUNT,
  KAB_DOC_BIC,
  KAB_DOC_PURPOSE,             /* RU: «Назначение платежа» */
  KAB_DOC_N_TEXTS
} KabDocText;

const char *kab_document_language        (const char       *language);
const char *kab_document_text            (const char       *language,
                                          KabDocText        text);
char       *kab_document_fill            (const char       *language,
                                          KabDocText        text,
                                          const char       *value);
const char *kab_document_method          (const char       *language,
                                          KabPaymentMethod  method);
char       *kab_document_format_date     (const char       *language,
                                          GDateTime        *date);
char       *kab_document_format_month    (const char       *language,
                                          int               year,
                                          int               month);
char       *kab_document_format_money    (const char       *language,
                                          gint64            minor,
                                          const char       *currency);

char       *kab_document_plain_line      (const char       *text);
void        kab_document_append_line     (GString          *text,
                                          const char       *value);
void        kab_document_append_detail   (GString          *text,
                                          const char       *label,
                                          const char       *value);

G_END_DECLS
