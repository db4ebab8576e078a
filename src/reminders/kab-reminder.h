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

G_END_DECLS
