/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-opener.h: the practice opened on a worker thread while GTK starts */

#pragma once

#include <gio/gio.h>

#include "kab-store.h"

G_BEGIN_DECLS

GTask    *kab_store_opener_start (const char  *path);
KabStore *kab_store_opener_wait  (GTask       *task,
                                  GError     **error);

G_END_DECLS
