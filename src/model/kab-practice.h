/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-practice.h: the practice settings: who the practitioner is and the house rules */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KAB_TYPE_PRACTICE (kab_practice_get_type ())

G_DECLARE_FINAL_TYPE (KabPractice, kab_practice, KAB, PRACTICE, GObject)

KabPractice *kab_practice_new                     (void);
KabPractice *kab_practice_copy                    (KabPractice *self);
gboolean     kab_practice_validate                (KabPractice *self,
                                                   GError     **error);

const char  *kab_practice_get_practitioner_name   (KabPractice *self);
void         kab_practice_set_practitioner_name   (KabPractice *self,
                                                   const char  *practitioner_name);
const char  *kab_practice_get_title               (KabPractice *self);
void         kab_practice_set_title               (KabPractice *self,
                                                   const char  *title);
const char  *kab_practice_get_address             (KabPractice *self);
void         kab_practice_set_address             (KabPractice *self,
                                                   const char  *address);
const char  *kab_practice_get_phone               (KabPractice *self);
void         kab_practice_set_phone               (KabPractice *self,
                                                   const char  *phone);
const char  *kab_practice_get_email               (KabPractice *self);
void         kab_practice_set_email               (KabPractice *self,
                                                   const char  *email);
const char  *kab_practice_get_currency            (KabPractice *self);
void         kab_practice_set_currency            (KabPractice *self,
                                                   const char  *currency);
gint64       kab_practice_get_default_fee         (KabPractice *self);
void         kab_practice_set_default_fee         (KabPractice *self,
                                                   gint64       default_fee);
int          kab_practice_get_default_duration    (KabPractice *self);
void         kab_practice_set_default_duration    (KabPractice *self,
                                                   int          default_duration);
int          kab_practice_get_cancel_hours        (KabPractice *self);
void         kab_practice_set_cancel_hours        (KabPractice *self,
                                                   int          cancel_hours);
int          kab_practice_get_late_cancel_percent (KabPractice *self);
void         kab_practice_set_late_cancel_percent (KabPractice *self,
                                                   int          late_cancel_percent);
const char  *kab_practice_get_form_language       (KabPractice *self);
void         kab_practice_set_form_language       (KabPractice *self,
                                                   const char  *form_language);
int          kab_practice_get_retention_years     (KabPractice *self);
void         kab_practice_set_retention_years     (KabPractice *self,
                                                   int          retention_years);
int          kab_practice_get_day_start_hour      (KabPractice *self);
void         kab_practice_set_day_start_hour      (KabPractice *self,
                                                   int          day_start_hour);
int          kab_practice_get_day_end_hour        (KabPractice *self);
void         kab_practice_set_day_end_hour        (KabPractice *self,
                                                   int          day_end_hour);
const char  *kab_practice_get_country             (KabPractice *self);
void         kab_practice_set_country             (KabPractice *self,
                                                   const char  *country);
void         kab_practice_apply_country_defaults  (KabPractice *self,
                                                   const char  *country);

G_END_DECLS
