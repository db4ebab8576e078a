/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-test-util.h: what several tests need, so that each does not write it again */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void kab_test_remove_tree (const char *path);

G_END_DECLS
