/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-documents.h: receipts, invoices and statements made from the store, ready to print */

#pragma once

#include "kab-print-document.h"
#include "kab-store.h"

G_BEGIN_DECLS

KabPrintDocument *kab_documents_make_receipt (KabStore    *store,
                                              KabPayment  *payment,
                                              GDateTime   *now,
                                              char       **out_file_name,
                                              GError     **error);

KabPrintDocument *kab_documents_make_invoice (KabStore    *store,
                                              gint64       client_id,
                                              GDateTime   *from,
                                              GDateTime   *to,
                                              GDateTime   *now,
                                              gint64      *out_invoice_id,
                                              char       **out_file_name,
                                              GError     **error);
KabPrintDocument *kab_documents_make_statement (KabStore   *store,
                                                gint64      client_id,
                                                GDateTime  *from,
                                                GDateTime  *to,
                                                char      **out_file_name,
                                                GError    **error);

G_END_DECLS
