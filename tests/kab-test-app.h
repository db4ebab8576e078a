/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-test-app.h: Kabinett run for real on a practice, checked once its window shows */

#pragma once

#include "kab-window.h"

G_BEGIN_DECLS

typedef void (*KabTestWindowCheck) (KabWindow *window,
                                    gpointer   data);

void kab_test_run_kabinett (const char         *path,
                            const char         *option,
                            KabTestWindowCheck  check,
                            gpointer            data);

G_END_DECLS
