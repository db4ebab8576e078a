/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-model-error.h: why a value was refused */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KAB_MODEL_ERROR (kab_model_error_quark ())

typedef enum
{
  KAB_MODEL_ERROR_INVALID_TEXT,      /* not UTF-8, or too long */
  KAB_MODEL_ERROR_EMPTY_NAME,
  KAB_MODEL_ERROR_INVALID_EMAIL,
  KAB_MODEL_ERROR_INVALID_AMOUNT,    /* negative, zero where a positive is needed, overflow */
  KAB_MODEL_ERROR_INVALID_CURRENCY,
  KAB_MODEL_ERROR_INVALID_DURATION,
  KAB_MODEL_ERROR_INVALID_TIME,      /* missing start, end before start, out of range */
  KAB_MODEL_ERROR_INVALID_DATE,
  KAB_MODEL_ERROR_MISSING_VALUE,     /* a required reference or placeholder value is missing */
  KAB_MODEL_ERROR_INVALID_VALUE,     /* anything else: an enum out of range, an interval… */
} KabModelError;

GQuark kab_model_error_quark (void);

G_END_DECLS
