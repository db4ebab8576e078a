/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-consent-view-private.h: what the Consent view's files share */

#pragma once

#include "kab-client-filter.h"
#include "kab-consent-view.h"

G_BEGIN_DECLS

struct _KabConsentView
{
  AdwBin              parent_instance;

  KabStore           *store;

  /* To Sign: active clients with sessions ahead and no signed agreement. */
  GtkCustomFilter    *to_sign_filter;
  GtkFilterListModel *to_sign_filtered;
  GtkCustomSorter    *to_sign_sorter;
  GtkSortListModel   *to_sign_model;
  guint               refilter_id;

  /* Agreements: every client, searchable, and the chosen one's agreements. */
  KabClientFilter    *search_filter;
  GtkSingleSelection *client_selection;
  KabClient          *client;
  GListModel         *history;
  guint               history_id;
  guint               scroll_id;

  /* Templates: every version of every template. */
  GListModel         *templates;
  GHashTable         *template_uses;
  guint               templates_id;

  GtkButton          *prepare_button;
  AdwViewStack       *pages;
  AdwViewStackPage   *to_sign_page;
  GtkStack           *to_sign_stack;
  GtkLabel           *to_sign_title;
  GtkListBox         *to_sign_list;
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkListView        *client_list;
  GtkStack           *client_stack;
  GtkButton          *back_button;
  GtkLabel           *client_name_label;
  GtkLabel           *client_state_label;
  GtkButton          *client_prepare_button;
  AdwPreferencesGroup *history_group;
  GtkListBox         *history_list;
  AdwPreferencesGroup *templates_group;
  GtkListBox         *templates_list;
};

/* kab-consent-view.c */
void        kab_consent_view_add_toast       (KabConsentView  *self,
                                              AdwToast        *toast);
void        kab_consent_view_toast           (KabConsentView  *self,
                                              const char      *text);
KabConsent *kab_consent_view_find_consent    (KabConsentView  *self,
                                              gint64           id);
KabConsentTemplate *kab_consent_view_find_template (KabConsentView *self,
                                                    gint64          id);
guint       kab_consent_view_count_uses      (KabConsentView  *self,
                                              gint64           template_id);

/* kab-consent-view-actions.c */
void        kab_consent_view_class_init_actions (GtkWidgetClass *widget_class);
void        kab_consent_view_init_shortcuts  (KabConsentView  *self);
void        kab_consent_view_record_date     (KabConsentView  *self,
                                              KabConsent      *consent,
                                              KabConsentState  which,
                                              GDateTime       *date);
void        kab_consent_view_record_signature (KabConsentView *self,
                                               KabClient      *client,
                                               GDateTime      *date);

G_END_DECLS
