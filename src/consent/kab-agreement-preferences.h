/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-agreement-preferences.h: the Preferences group for what agreements say of the practice */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KAB_TYPE_AGREEMENT_PREFERENCES (kab_agreement_preferences_get_type ())

G_DECLARE_FINAL_TYPE (KabAgreementPreferences, kab_agreement_preferences, KAB,
                      AGREEMENT_PREFERENCES, AdwPreferencesGroup)

void kab_agreement_preferences_add_values (GHashTable *values);

G_END_DECLS
