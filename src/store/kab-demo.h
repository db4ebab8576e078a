/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-demo.h: a generated sample practice, for --demo, tests and benchmarks */

#pragma once

#include "kab-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint   n_clients;   /* clients over the whole period */
  guint   years;       /* how far back the practice goes */
  guint32 seed;        /* same seed, same practice */
} KabDemoSize;

/* About 40 clients over 2 years: what --demo opens. */
#define KAB_DEMO_SIZE_SMALL  ((KabDemoSize) { 40, 2, 1 })
/* A 20-year practice: 2,000 clients, about 60,000 sessions and 60,000 payments. */
#define KAB_DEMO_SIZE_LARGE  ((KabDemoSize) { 2000, 20, 1 })

gboolean kab_demo_fill (KabStore          *store,
                        const KabDemoSize *size,
                        GDateTime         *now,
                        GError           **error);

G_END_DECLS
