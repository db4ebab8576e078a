/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-model-error.c: the error domain of the model */

#include "kab-model-error.h"

G_DEFINE_QUARK (kab-model-error-quark, kab_model_error)
