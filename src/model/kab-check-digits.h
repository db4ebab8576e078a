/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-check-digits.h: tax, bank and payment numbers of Sweden, Norway and Russia, and their check digits */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *kab_digits_only             (const char  *text);
gboolean  kab_luhn_is_valid           (const char  *digits);
int       kab_luhn_check_digit        (const char  *digits);

gboolean  kab_check_se_orgnr          (const char  *text,
                                       GError     **error);
gboolean  kab_check_se_bankgiro       (const char  *text,
                                       GError     **error);
gboolean  kab_check_se_plusgiro       (const char  *text,
                                       GError     **error);
gboolean  kab_check_no_orgnr          (const char  *text,
                                       GError     **error);
gboolean  kab_check_no_account        (const char  *text,
                                       GError     **error);
gboolean  kab_check_ru_inn            (const char  *text,
                                       GError     **error);
gboolean  kab_check_ru_bic            (const char  *text,
                                       GError     **error);
gboolean  kab_check_ru_account        (const char  *account,
                                       const char  *bic,
                                       GError     **error);

char     *kab_se_ocr_new              (const char  *base);
gboolean  kab_se_ocr_is_valid         (const char  *ocr);
char     *kab_no_kid_new              (const char  *base);

G_END_DECLS
