/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-consent-view.h: the Consent view, one page of the main window */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_CONSENT_VIEW (kab_consent_view_get_type ())

G_DECLARE_FINAL_TYPE (KabConsentView, kab_consent_view, KAB, CONSENT_VIEW, AdwBin)

GtkWidget *kab_consent_view_new         (KabStore       *store);
KabStore  *kab_consent_view_get_store   (KabConsentView *self);
GtkWidget *kab_consent_view_prepare     (KabConsentView *self,
                                         KabClient      *client);
void       kab_consent_view_show_client (KabConsentView *self,
                                         KabClient      *client);
KabClient *kab_consent_view_get_client  (KabConsentView *self);

G_END_DECLS
