/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-clients-private.h: formatting and styling that the Clients view's widgets share */

#pragma once

#include <gtk/gtk.h>

#include "kab-store.h"

G_BEGIN_DECLS


char       *kab_clients_format_when           (GDateTime   *time);
char       *kab_clients_format_date           (GDateTime   *date);
gboolean    kab_clients_parse_date            (const char  *text,
                                               GDateTime  **out_date,
                                               GError     **error);
char       *kab_clients_format_amount         (gint64       minor,
                                               const char  *currency);

void        kab_clients_show_balance          (GtkLabel    *label,
                                               gint64       balance,
                                               const char  *currency,
                                               gboolean     show_settled);
void        kab_clients_show_consent          (GtkLabel    *label,
                                               KabConsentState state,
                                               gboolean     with_tooltip);
void        kab_clients_show_status           (GtkLabel    *label,
                                               KabClientStatus status);
const char *kab_clients_get_currency          (KabStore    *store);
const char *kab_clients_get_fee_title         (KabBillingPlan plan);

GListModel *kab_clients_new_status_model      (void);
GListModel *kab_clients_new_service_model     (void);
GListModel *kab_clients_new_plan_model        (void);

void        kab_clients_show_field_error      (GtkWidget   *row,
                                               GtkLabel    *error_label,
                                               const char  *message);

G_END_DECLS
