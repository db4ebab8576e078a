/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-model-private.h: helpers the model classes share (setters and validation) */

#pragma once

#include <glib-object.h>

#include "kab-model-error.h"

G_BEGIN_DECLS

gboolean kab_model_replace_string    (char        **field,
                                      const char   *value);
gboolean kab_model_replace_date_time (GDateTime   **field,
                                      GDateTime    *value);

gboolean kab_model_text_is_blank     (const char   *text);

gboolean kab_model_check_text        (const char   *text,
                                      gsize         max_chars,
                                      const char   *what,
                                      GError      **error);
gboolean kab_model_check_name        (const char   *text,
                                      gsize         max_chars,
                                      const char   *what,
                                      GError      **error);
gboolean kab_model_check_long_text   (const char   *text,
                                      const char   *what,
                                      GError      **error);
gboolean kab_model_check_email       (const char   *email,
                                      GError      **error);
gboolean kab_model_check_enum        (GType         enum_type,
                                      int           value,
                                      const char   *what,
                                      GError      **error);
gboolean kab_model_check_fee         (gint64        fee,
                                      GError      **error);
gboolean kab_model_check_duration    (int           minutes,
                                      GError      **error);
gboolean kab_model_check_client_id   (gint64        client_id,
                                      GError      **error);
gboolean kab_model_check_language    (const char   *language,
                                      GError      **error);
gboolean kab_model_check_tzid        (const char   *tzid,
                                      GError      **error);
gboolean kab_model_check_ledger      (gint64        client_id,
                                      GDateTime    *date,
                                      gint64        amount,
                                      const char   *currency,
                                      GError      **error);

int      kab_model_compare_dates     (GDateTime    *a,
                                      GDateTime    *b);

G_END_DECLS
