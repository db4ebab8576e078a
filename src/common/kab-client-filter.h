/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-filter.h: which clients a list shows (status and search): the one client search */

#pragma once

#include <gtk/gtk.h>

#include "kab-client.h"

G_BEGIN_DECLS

#define KAB_TYPE_CLIENT_FILTER (kab_client_filter_get_type ())

G_DECLARE_FINAL_TYPE (KabClientFilter, kab_client_filter, KAB, CLIENT_FILTER, GtkFilter)

/* The status filter "all" shows every client but the archived ones (unless
 * show-archived); a status nick ("active", "paused"…) shows exactly that status. */
#define KAB_CLIENT_FILTER_ALL "all"

KabClientFilter *kab_client_filter_new               (void);
const char      *kab_client_filter_get_query         (KabClientFilter *self);
void             kab_client_filter_set_query         (KabClientFilter *self,
                                                      const char      *query);
const char      *kab_client_filter_get_status        (KabClientFilter *self);
void             kab_client_filter_set_status        (KabClientFilter *self,
                                                      const char      *status);
gboolean         kab_client_filter_get_show_archived (KabClientFilter *self);
void             kab_client_filter_set_show_archived (KabClientFilter *self,
                                                      gboolean         show_archived);
gboolean         kab_client_filter_is_default        (KabClientFilter *self);

G_END_DECLS
