/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-receipt.h: the text of a receipt for a payment, in the print markup of src/print */

#pragma once

#include <gio/gio.h>

#include "kab-charge.h"
#include "kab-client.h"
#include "kab-payment.h"
#include "kab-practice.h"
#include "kab-practice-identity.h"

G_BEGIN_DECLS

/* What a receipt shows. */
typedef struct
{
  KabPractice         *practice;
  KabPracticeIdentity *identity;
  KabClient           *client;       /* nullable */
  KabPayment          *payment;
  const char          *number;       /* the receipt's own number, e.g. "2026-7" */
  const char          *tax_receipt;  /* nullable: the «Мой налог» receipt number */
  const char          *language;     /* the client's document language */
  GPtrArray           *paid_for;     /* nullable: KabReceiptItem, what the payment settles */
} KabReceiptInput;

/* A charge, or the part of it, that a payment settles. */
typedef struct
{
  KabCharge *charge;
  gint64     amount;
} KabReceiptItem;

GPtrArray *kab_receipt_find_paid_for    (GListModel            *charges,
                                         GListModel            *payments,
                                         KabPayment            *payment);
char      *kab_receipt_describe_charge  (KabCharge             *charge,
                                         KabClient             *client,
                                         const char            *language);
void       kab_receipt_split_vat        (gint64                 amount,
                                         int                    vat_percent,
                                         gint64                *out_net,
                                         gint64                *out_vat);
void       kab_receipt_append_identity  (GString               *text,
                                         KabPractice           *practice,
                                         KabPracticeIdentity   *identity,
                                         const char            *language);
void       kab_receipt_append_vat_lines (GString               *text,
                                         KabPractice           *practice,
                                         KabPracticeIdentity   *identity,
                                         const char            *language,
                                         gint64                 amount,
                                         const char            *currency);
char      *kab_receipt_build_text       (const KabReceiptInput *input);
char      *kab_receipt_dup_file_name    (const char            *number,
                                         KabPayment            *payment);

G_END_DECLS
