/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-billing.h: the rules that make charges, run by the store (included by kab-store.h) */

#pragma once

#include <gio/gio.h>

#include "kab-enums.h"
#include "kab-session.h"

G_BEGIN_DECLS

/* A client's plan, status and fee from a day on (the client's rate history). Saving a
 * client whose plan, status or fee changed records a rate from today; this sets one from
 * any day, past or future. Existing charges never change; months not charged yet are. */
gboolean     kab_store_set_client_rate        (KabStore          *self,
                                               gint64             client_id,
                                               GDateTime         *from,
                                               KabClientStatus    status,
                                               KabBillingPlan     plan,
                                               gint64             fee,
                                               GError           **error);

/* The practice's late-cancellation percentage from a day on. */
gboolean     kab_store_set_late_cancel_percent (KabStore         *self,
                                               GDateTime         *from,
                                               int                percent,
                                               GError           **error);

/* The practice's cancellation notice in hours from a day on. */
gboolean     kab_store_set_cancel_hours       (KabStore          *self,
                                               GDateTime         *from,
                                               int                hours,
                                               GError           **error);

/* The notice a cancellation of a session starting at @start needs to be in time: the
 * practice's notice in force on the session's day. */
int          kab_store_get_cancel_hours_on    (KabStore          *self,
                                               GDateTime         *start);

/* The cancellation rule: in time when the client cancelled at least the notice in force
 * on the session's day before @start, late otherwise. */
KabSessionStatus kab_store_cancellation_status (KabStore         *self,
                                               GDateTime         *start,
                                               GDateTime         *cancelled_at);

/* The client cancelled @session at @cancelled_at (NULL: now): records the time, sets the
 * status the rule gives and saves, charging by the rules. */
gboolean     kab_store_cancel_session         (KabStore          *self,
                                               KabSession        *session,
                                               GDateTime         *cancelled_at,
                                               GError           **error);

/* Runs every rule that makes charges over time: monthly fees for each month up to @now
 * not charged yet (catching up missed months), and the plans that start on a later day.
 * Idempotent; the store runs it when it opens, the application when a day turns. */
gboolean     kab_store_apply_rules            (KabStore          *self,
                                               GDateTime         *now,
                                               GError           **error);

/* Prepaid packages: @sessions sessions for @price, bought on @bought_on, usable until
 * @expires (nullable, inclusive). Attended sessions, late cancellations and no-shows of
 * the client on the package plan use them up in date order. */
gboolean     kab_store_sell_package           (KabStore          *self,
                                               gint64             client_id,
                                               int                sessions,
                                               gint64             price,
                                               GDateTime         *bought_on,
                                               GDateTime         *expires,
                                               gint64            *out_charge_id,
                                               GError           **error);

/* How much of the client's packages is left today: @out_left sessions of the
 * @out_size of the package in use (or the last one); %FALSE with 0/0 when the client
 * has no package. */
gboolean     kab_store_get_package_state      (KabStore          *self,
                                               gint64             client_id,
                                               int               *out_left,
                                               int               *out_size);

/* What a status would charge for @session now, by the rules on its date: the amount
 * (0: not charged) in the practice's currency. */
gint64       kab_store_preview_session_charge (KabStore          *self,
                                               KabSession        *session,
                                               KabSessionStatus   status);

/* Tests only: the store's clock (NULL: the real one). */
void         kab_store_set_test_now           (GDateTime         *now);

/* The currency a new practice starts with, from the locale (LC_MONETARY): SEK for
 * sv_SE, NOK for nb_NO/no_NO, RUB for ru_RU, else EUR. */

G_END_DECLS
