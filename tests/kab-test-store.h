/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-test-store.h: a practice database in a temporary folder, for the store tests */

#pragma once

#include "kab-store.h"

G_BEGIN_DECLS

typedef struct
{
  char     *dir;
  char     *path;
  KabStore *store;
} KabTestStore;

void      kab_test_store_set_up    (KabTestStore *fixture,
                                    const char   *name);
KabStore *kab_test_store_reopen    (KabTestStore *fixture);
void      kab_test_store_tear_down (KabTestStore *fixture);

gint64    kab_test_store_add_client (KabStore       *store,
                                     const char     *given_name,
                                     const char     *family_name,
                                     KabBillingPlan  plan,
                                     gint64          fee);

G_END_DECLS
