/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-template-editor.h: a window to edit the title, language and text of an agreement template */

#pragma once

#include <adwaita.h>

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_TEMPLATE_EDITOR (kab_template_editor_get_type ())

G_DECLARE_FINAL_TYPE (KabTemplateEditor, kab_template_editor, KAB, TEMPLATE_EDITOR, AdwWindow)

GtkWidget          *kab_template_editor_new          (KabStore           *store,
                                                      KabConsentTemplate *template,
                                                      guint               n_uses);
KabConsentTemplate *kab_template_editor_get_template (KabTemplateEditor  *self);
gboolean            kab_template_editor_save         (KabTemplateEditor  *self);

G_END_DECLS
