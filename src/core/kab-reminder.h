/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-reminder.h: a session reminder's text in the client's language, as a mailto: URI or
 * an SMS text: the client's name, the time, the address and the cancellation rule, and
 * nothing clinical */

#pragma once

#include "kab-store.h"

G_BEGIN_DECLS

const char *kab_reminder_language          (KabPractice *practice,
                                            KabClient   *client);
const char *kab_reminder_default_template  (const char  *language);
char       *kab_reminder_dup_template      (KabStore    *store,
                                            const char  *language);
char       *kab_reminder_render            (const char  *template_text,
                                            KabPractice *practice,
                                            KabClient   *client,
                                            GDateTime   *start,
                                            const char  *language);
char       *kab_reminder_subject           (KabClient   *client,
                                            GDateTime   *start,
                                            const char  *language);
char       *kab_reminder_mailto_uri        (const char  *to,
                                            const char  *subject,
                                            const char  *body);

/* One client's reminder: for one session, or for all of the client's sessions of a day. */
typedef struct
{
  KabClient *client;
  GPtrArray *sessions;   /* KabSession, by start */
  char      *subject;
  char      *text;
  char      *uri;        /* a mailto: URI; NULL when the client has no e-mail address and
                          * the text goes by SMS */
} KabReminder;

void        kab_reminder_free              (KabReminder *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KabReminder, kab_reminder_free)

KabReminder *kab_reminder_new_for_session  (KabStore    *store,
                                            KabSession  *session);
GPtrArray  *kab_reminder_list_for_day      (KabStore    *store,
                                            GDateTime   *day,
                                            GError     **error);
gboolean    kab_reminder_mark_prepared     (KabStore    *store,
                                            KabReminder *self,
                                            GDateTime   *now,
                                            GError     **error);

G_END_DECLS
