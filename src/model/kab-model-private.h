/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-model-private.h: checks and setters the model's classes share */

#pragma once

#include <glib-object.h>

#include "kab-model-error.h"

G_BEGIN_DECLS

#define KAB_MODEL_NAME_MAX       200     /* characters */
#define KAB_MODEL_PHONE_MAX      50
#define KAB_MODEL_EMAIL_MAX      254
#define KAB_MODEL_ADDRESS_MAX    1000
#define KAB_MODEL_LONG_TEXT_MAX  200000  /* bytes */
#define KAB_MODEL_AMOUNT_MAX     G_GINT64_CONSTANT (10000000000000) /* 10^13 minor units */

gboolean kab_model_set_string      (char        **field,
                                    const char   *value);
gboolean kab_model_set_date_time   (GDateTime   **field,
                                    GDateTime    *value);
void     kab_model_copy_properties (GObject      *from,
                                    GObject      *to);
gboolean kab_model_is_blank        (const char   *text);
char    *kab_model_fold            (const char   *text);

gboolean kab_model_check_text      (const char   *text,
                                    gsize         max,
                                    const char   *what,
                                    GError      **error);
gboolean kab_model_check_email     (const char   *email,
                                    GError      **error);
gboolean kab_model_check_amount    (gint64        amount,
                                    gboolean      zero_allowed,
                                    GError      **error);
gboolean kab_model_check_currency  (const char   *currency,
                                    GError      **error);
gboolean kab_model_check_duration  (int           minutes,
                                    GError      **error);
gboolean kab_model_check_language  (const char   *language,
                                    GError      **error);
gboolean kab_model_check_range     (int           value,
                                    int           min,
                                    int           max,
                                    const char   *message,
                                    GError      **error);

G_END_DECLS
