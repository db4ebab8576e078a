/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-session-notifier.h: tells, while Kabinett runs, that a session starts in a few minutes */

#pragma once

#include "kab-store.h"

G_BEGIN_DECLS

#define KAB_TYPE_SESSION_NOTIFIER (kab_session_notifier_get_type ())

G_DECLARE_FINAL_TYPE (KabSessionNotifier, kab_session_notifier, KAB, SESSION_NOTIFIER, GObject)

/* Properties: "store" (construct-only), "minutes" (before a session; 0: off).
 * Signals: "due" (KabSession *session, const char *title, const char *body): a session
 * starts within "minutes"; the body names the client by the initials only. */
KabSessionNotifier *kab_session_notifier_new         (KabStore           *store);
int                 kab_session_notifier_get_minutes (KabSessionNotifier *self);
void                kab_session_notifier_set_minutes (KabSessionNotifier *self,
                                                      int                 minutes);
guint               kab_session_notifier_check       (KabSessionNotifier *self,
                                                      GDateTime          *now);
void                kab_session_notifier_start       (KabSessionNotifier *self);

G_END_DECLS
