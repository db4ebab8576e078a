/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-model-error.h: the error domain of the model layer and its limits */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KAB_MODEL_ERROR (kab_model_error_quark ())

typedef enum {
  KAB_MODEL_ERROR_INVALID_TEXT,      /* not UTF-8, too long */
  KAB_MODEL_ERROR_EMPTY_NAME,
  KAB_MODEL_ERROR_INVALID_EMAIL,
  KAB_MODEL_ERROR_INVALID_AMOUNT,    /* negative, zero where a positive is needed, overflow */
  KAB_MODEL_ERROR_INVALID_CURRENCY,
  KAB_MODEL_ERROR_INVALID_DURATION,
  KAB_MODEL_ERROR_INVALID_TIME,      /* missing start, end before start, out of range */
  KAB_MODEL_ERROR_INVALID_DATE,
  KAB_MODEL_ERROR_MISSING_VALUE,     /* required reference missing, e.g. client-id 0, template placeholder without value */
  KAB_MODEL_ERROR_INVALID_VALUE,     /* anything else (enum out of range, interval …) */
} KabModelError;

/* Limits that validate() enforces, for entries that want to stop typing early.
 * Names, titles, phone, email, address: characters. Long texts: bytes. */
#define KAB_MODEL_MAX_NAME_CHARS     200
#define KAB_MODEL_MAX_PHONE_CHARS    50
#define KAB_MODEL_MAX_EMAIL_CHARS    254
#define KAB_MODEL_MAX_ADDRESS_CHARS  1000
#define KAB_MODEL_MAX_TEXT_BYTES     200000

/* The largest amount in minor units (10^13: 100 billion in units). */
#define KAB_MODEL_MAX_AMOUNT         G_GINT64_CONSTANT (10000000000000)

/* Shortest and longest session, in minutes. */
#define KAB_MODEL_MIN_DURATION       5
#define KAB_MODEL_MAX_DURATION       600

GQuark kab_model_error_quark (void);

G_END_DECLS
