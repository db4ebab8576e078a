/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-session.h: one appointment with a client */

#pragma once

#include <glib-object.h>

#include "kab-enums.h"

G_BEGIN_DECLS

#define KAB_TYPE_SESSION (kab_session_get_type ())

G_DECLARE_FINAL_TYPE (KabSession, kab_session, KAB, SESSION, GObject)

KabSession       *kab_session_new             (void);
KabSession       *kab_session_copy            (KabSession *self);
gboolean          kab_session_validate        (KabSession *self,
                                               GError    **error);

gint64            kab_session_get_id          (KabSession *self);
void              kab_session_set_id          (KabSession *self,
                                               gint64      id);
gint64            kab_session_get_client_id   (KabSession *self);
void              kab_session_set_client_id   (KabSession *self,
                                               gint64      client_id);
gint64            kab_session_get_series_id   (KabSession *self);
void              kab_session_set_series_id   (KabSession *self,
                                               gint64      series_id);
GDateTime        *kab_session_get_start       (KabSession *self);
void              kab_session_set_start       (KabSession *self,
                                               GDateTime  *start);
const char       *kab_session_get_tzid        (KabSession *self);
void              kab_session_set_tzid        (KabSession *self,
                                               const char *tzid);
int               kab_session_get_duration    (KabSession *self);
void              kab_session_set_duration    (KabSession *self,
                                               int         duration);
KabSessionKind    kab_session_get_kind        (KabSession *self);
void              kab_session_set_kind        (KabSession     *self,
                                               KabSessionKind  kind);
KabSessionStatus  kab_session_get_status      (KabSession *self);
void              kab_session_set_status      (KabSession       *self,
                                               KabSessionStatus  status);
gint64            kab_session_get_fee         (KabSession *self);
void              kab_session_set_fee         (KabSession *self,
                                               gint64      fee);
const char       *kab_session_get_note        (KabSession *self);
void              kab_session_set_note        (KabSession *self,
                                               const char *note);
const char       *kab_session_get_uid         (KabSession *self);
void              kab_session_set_uid         (KabSession *self,
                                               const char *uid);
gboolean          kab_session_get_detached    (KabSession *self);
void              kab_session_set_detached    (KabSession *self,
                                               gboolean    detached);
GDateTime        *kab_session_get_cancelled_at (KabSession *self);
void              kab_session_set_cancelled_at (KabSession *self,
                                                GDateTime  *cancelled_at);
const char       *kab_session_get_client_name (KabSession *self);
void              kab_session_set_client_name (KabSession *self,
                                               const char *client_name);

/* The end of the session: start + duration. (transfer full) (nullable) */
GDateTime        *kab_session_dup_end         (KabSession *self);

G_END_DECLS
