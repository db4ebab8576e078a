/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-common.h: what the fuzz targets and their driver share */

#pragma once

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

G_BEGIN_DECLS

/* An invariant: abort() so that libFuzzer records the input, and the driver's test fails. */
#define FUZZ_ASSERT(expr)                                                            \
  G_STMT_START {                                                                     \
    if (G_UNLIKELY (!(expr)))                                                        \
      {                                                                              \
        fprintf (stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #expr); \
        abort ();                                                                    \
      }                                                                              \
  } G_STMT_END

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The driver's seed inputs for the target it is linked with. */
extern const char * const fuzz_seeds[];

/* How many inputs the target found valid: the invariants on valid input ran that often. */
extern guint fuzz_n_accepted;

G_END_DECLS
