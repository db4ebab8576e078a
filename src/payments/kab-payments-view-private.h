/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-payments-view-private.h: what kab-payments-view.c and kab-payments-view-actions.c share */

#pragma once

#include "kab-debts-page.h"
#include "kab-income-page.h"
#include "kab-ledger-page.h"
#include "kab-payments-private.h"
#include "kab-payments-view.h"

G_BEGIN_DECLS

struct _KabPaymentsView
{
  AdwBin            parent_instance;

  KabStore         *store;

  KabLedgerPage    *ledger_page;
  KabDebtsPage     *debts_page;
  KabIncomePage    *income_page;
  AdwViewStackPage *debts_page_info;

  GtkStack         *main_stack;
  AdwViewSwitcher  *page_switcher;
  AdwViewStack     *pages;
  GtkButton        *record_button;
  AdwStatusPage    *empty_page;
};

void     kab_payments_view_class_init_actions (GtkWidgetClass  *widget_class);
void     kab_payments_view_edit_payment       (KabPaymentsView *self,
                                               KabPayment      *payment);
void     kab_payments_view_activate_charge    (KabPaymentsView *self,
                                               KabCharge       *charge);
void     kab_payments_view_add_shortcuts      (KabPaymentsView *self);
void     kab_payments_view_watch_tax_receipt  (KabPaymentsView *self);

G_END_DECLS
