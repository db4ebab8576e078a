/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-session-block.h: one session in the week or month view, a button with its status menu */

#pragma once

#include <gtk/gtk.h>

#include "kab-session.h"

G_BEGIN_DECLS

#define KAB_TYPE_SESSION_BLOCK (kab_session_block_get_type ())

G_DECLARE_FINAL_TYPE (KabSessionBlock, kab_session_block, KAB, SESSION_BLOCK, GtkButton)

GtkWidget  *kab_session_block_new         (KabSession      *session,
                                           gboolean         compact);
KabSession *kab_session_block_get_session (KabSessionBlock *self);
void        kab_session_block_set_session (KabSessionBlock *self,
                                           KabSession      *session);
gboolean    kab_session_block_get_compact (KabSessionBlock *self);
void        kab_session_block_popup       (KabSessionBlock *self);
GMenuModel *kab_session_block_dup_menu    (KabSessionBlock *self);
char       *kab_session_block_dup_tooltip_markup (KabSessionBlock *self);

G_END_DECLS
