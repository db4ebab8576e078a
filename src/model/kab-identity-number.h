/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-identity-number.h: personal identity numbers by country: Swedish personnummer and
 * samordningsnummer, Norwegian fødselsnummer and D-nummer */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean kab_identity_number_validate (const char  *country,
                                       const char  *number,
                                       GError     **error);
char    *kab_identity_number_normalize (const char *country,
                                        const char *number);

G_END_DECLS
