/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-invoice.h: the text of an invoice and of a statement of account, in the print markup */

#pragma once

#include <gio/gio.h>

#include "kab-client.h"
#include "kab-practice.h"
#include "kab-practice-identity.h"
#include "kab-store-documents.h"

G_BEGIN_DECLS

typedef struct
{
  KabPractice            *practice;
  KabPracticeIdentity    *identity;
  KabClient              *client;     /* nullable */
  const KabInvoiceRecord *invoice;
  GListModel             *charges;    /* KabCharge: the period's */
  const char             *language;
} KabInvoiceInput;

typedef struct
{
  KabPractice         *practice;
  KabPracticeIdentity *identity;
  KabClient           *client;        /* nullable */
  GDateTime           *from;
  GDateTime           *to;            /* the moment after the period */
  gint64               opening;       /* what the client owed at @from (< 0: in credit) */
  GListModel          *charges;       /* KabCharge in the period */
  GListModel          *payments;      /* KabPayment in the period */
  const char          *currency;
  const char          *language;
} KabStatementInput;

char *kab_invoice_build_text   (const KabInvoiceInput   *input);
char *kab_statement_build_text (const KabStatementInput *input,
                                gint64                  *out_closing);
char *kab_document_format_period (const char *language,
                                  GDateTime  *from,
                                  GDateTime  *to);

G_END_DECLS
