/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-clients-view-private.h: what the Clients view's files share */

#pragma once

#include "kab-client-details.h"
#include "kab-client-filter.h"
#include "kab-clients-view.h"
#include "journal/kab-journal-to-sign.h"

G_BEGIN_DECLS

struct _KabClientsView
{
  AdwBin              parent_instance;

  KabStore           *store;
  GSettings          *settings;

  KabClientFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSliceListModel  *slice;          /* the first rows only, until the first frame is out */
  guint               expand_id;
  GtkSingleSelection *selection;
  GPtrArray          *row_pool;       /* KabClientRow widgets the list let go of */
  guint               warm_pool_id;
  gboolean            pool_warmed;
  guint               reselect_id;
  guint               search_id;      /* the search, applied before the next frame */

  /* The last status change, while its toast offers to undo it. */
  AdwToast           *undo_toast;
  gint64              undo_client_id;
  KabClientStatus     undo_status;

  AdwToastOverlay    *toast_overlay;
  GtkStack           *main_stack;
  AdwStatusPage      *empty_page;
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkButton          *add_button;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *no_results_page;
  GtkLabel           *count_label;
  AdwBin             *details_bin;
  KabClientDetails   *details;        /* NULL until a client is first chosen */
  KabJournalToSign   *to_sign;
};

/* kab-clients-view.c */
gboolean kab_clients_view_select             (KabClientsView *self,
                                              gint64          client_id);
void     kab_clients_view_show_details       (KabClientsView *self);
KabClientDetails *kab_clients_view_ensure_details (KabClientsView *self);
KabClient *kab_clients_view_get_shown        (KabClientsView *self);
void     kab_clients_view_add_toast          (KabClientsView *self,
                                              AdwToast       *toast);

/* kab-clients-view-actions.c */
void     kab_clients_view_class_init_actions (GtkWidgetClass *widget_class);
void     kab_clients_view_add_shortcuts      (KabClientsView *self);
void     kab_clients_view_update_actions     (KabClientsView *self);

G_END_DECLS
