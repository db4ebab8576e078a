/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-export.h: everything about one client as a readable document (PDF) */

#pragma once

#include <glib.h>

#include "kab-store.h"

G_BEGIN_DECLS

char     *kab_client_export_build_text     (KabStore    *store,
                                            gint64       client_id,
                                            GDateTime   *now,
                                            GError     **error);
gboolean  kab_client_export_pdf            (KabStore    *store,
                                            gint64       client_id,
                                            const char  *path,
                                            GDateTime   *now,
                                            GError     **error);
char     *kab_client_export_dup_file_name  (KabClient   *client,
                                            const char  *extension);

G_END_DECLS
