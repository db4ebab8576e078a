/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-receipt.h: the text of a receipt for a payment, in the print markup of src/print */

#pragma once

#include "kab-client.h"
#include "kab-payment.h"
#include "kab-practice.h"

G_BEGIN_DECLS

char *kab_receipt_build_text    (KabPractice *practice,
                                 KabClient   *client,
                                 KabPayment  *payment);
char *kab_receipt_dup_file_name (KabPayment  *payment);

G_END_DECLS
