/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-traces.h: where a client is still found outside the practice, and erasing it */

#pragma once

#include <gtk/gtk.h>

#include "kab-store.h"

G_BEGIN_DECLS

char     *kab_client_traces_describe_backups (KabStore    *store,
                                              gint64       client_id,
                                              GDateTime   *created,
                                              guint       *out_n_backups);
char     *kab_client_traces_erase            (KabStore    *store,
                                              gint64       client_id,
                                              GDateTime   *created,
                                              const char  *name,
                                              gboolean     from_backups);
guint     kab_client_traces_forget_recent    (const char  *name);
void      kab_client_traces_forget_file      (const char  *path);

G_END_DECLS
