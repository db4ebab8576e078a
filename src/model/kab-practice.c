/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-practice.c: the practice settings: who the practitioner is and the house rules */

#include <glib/gi18n.h>

#include "kab-country.h"
#include "kab-model-private.h"
#include "kab-money.h"
#include "kab-practice.h"

struct _KabPractice
{
  GObject  parent_instance;

  char    *practitioner_name;
  char    *title;
  char    *address;
  char    *phone;
  char    *email;
  char    *currency;
  gint64   default_fee;
  int      default_duration;
  int      cancel_hours;
  int      late_cancel_percent;
  char    *form_language;
  int      retention_years;
  int      day_start_hour;
  int      day_end_hour;
  char    *country;
};

G_DEFINE_FINAL_TYPE (KabPractice, kab_practice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PRACTITIONER_NAME,
  PROP_TITLE,
  PROP_ADDRESS,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_CURRENCY,
  PROP_DEFAULT_FEE,
  PROP_DEFAULT_DURATION,
  PROP_CANCEL_HOURS,
  PROP_LATE_CANCEL_PERCENT,
  PROP_FORM_LANGUAGE,
  PROP_RETENTION_YEARS,
  PROP_DAY_START_HOUR,
  PROP_DAY_END_HOUR,
  PROP_COUNTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kab_practice_finalize (GObject *object)
{
  KabPractice *self = KAB_PRACTICE (object);

  g_clear_pointer (&self->practitioner_name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->form_language, g_free);
  g_clear_pointer (&self->country, g_free);

  G_OBJECT_CLASS (kab_practice_parent_class)->finalize (object);
}

static void
kab_practice_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KabPractice *self = KAB_PRACTICE (object);

  switch (prop_id)
    {
    case PROP_PRACTITIONER_NAME:
      g_value_set_string (value, self->practitioner_name);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_DEFAULT_FEE:
      g_value_set_int64 (value, self->default_fee);
      break;

    case PROP_DEFAULT_DURATION:
      g_value_set_int (value, self->default_duration);
      break;

    case PROP_CANCEL_HOURS:
      g_value_set_int (value, self->cancel_hours);
      break;

    case PROP_LATE_CANCEL_PERCENT:
      g_value_set_int (value, self->late_cancel_percent);
      break;

    case PROP_FORM_LANGUAGE:
      g_value_set_string (value, self->form_language);
      break;

    case PROP_RETENTION_YEARS:
      g_value_set_int (value, self->retention_years);
      break;

    case PROP_DAY_START_HOUR:
      g_value_set_int (value, self->day_start_hour);
      break;

    case PROP_DAY_END_HOUR:
      g_value_set_int (value, self->day_end_hour);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_practice_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KabPractice *self = KAB_PRACTICE (object);

  switch (prop_id)
    {
    case PROP_PRACTITIONER_NAME:
      kab_practice_set_practitioner_name (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      kab_practice_set_title (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      kab_practice_set_address (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      kab_practice_set_phone (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      kab_practice_set_email (self, g_value_get_string (value));
      break;

    case PROP_CURRENCY:
      kab_practice_set_currency (self, g_value_get_string (value));
      break;

    case PROP_DEFAULT_FEE:
      kab_practice_set_default_fee (self, g_value_get_int64 (value));
      break;

    case PROP_DEFAULT_DURATION:
      kab_practice_set_default_duration (self, g_value_get_int (value));
      break;

    case PROP_CANCEL_HOURS:
      kab_practice_set_cancel_hours (self, g_value_get_int (value));
      break;

    case PROP_LATE_CANCEL_PERCENT:
      kab_practice_set_late_cancel_percent (self, g_value_get_int (value));
      break;

    case PROP_FORM_LANGUAGE:
      kab_practice_set_form_language (self, g_value_get_string (value));
      break;

    case PROP_RETENTION_YEARS:
      kab_practice_set_retention_years (self, g_value_get_int (value));
      break;

    case PROP_DAY_START_HOUR:
      kab_practice_set_day_start_hour (self, g_value_get_int (value));
      break;

    case PROP_DAY_END_HOUR:
      kab_practice_set_day_end_hour (self, g_value_get_int (value));
      break;

    case PROP_COUNTRY:
      kab_practice_set_country (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_practice_class_init (KabPracticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kab_practice_finalize;
  object_class->get_property = kab_practice_get_property;
  object_class->set_property = kab_practice_set_property;

  properties[PROP_PRACTITIONER_NAME] =
    g_param_spec_string ("practitioner-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         "EUR",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DEFAULT_FEE] =
    g_param_spec_int64 ("default-fee", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DEFAULT_DURATION] =
    g_param_spec_int ("default-duration", NULL, NULL,
                      G_MININT, G_MAXINT, 50,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CANCEL_HOURS] =
    g_param_spec_int ("cancel-hours", NULL, NULL,
                      G_MININT, G_MAXINT, 24,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LATE_CANCEL_PERCENT] =
    g_param_spec_int ("late-cancel-percent", NULL, NULL,
                      G_MININT, G_MAXINT, 100,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FORM_LANGUAGE] =
    g_param_spec_string ("form-language", NULL, NULL,
                         "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RETENTION_YEARS] =
    g_param_spec_int ("retention-years", NULL, NULL,
                      G_MININT, G_MAXINT, 10,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DAY_START_HOUR] =
    g_param_spec_int ("day-start-hour", NULL, NULL,
                      G_MININT, G_MAXINT, 8,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DAY_END_HOUR] =
    g_param_spec_int ("day-end-hour", NULL, NULL,
                      G_MININT, G_MAXINT, 20,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* ISO 3166-1 alpha-2 ("SE", "NO", "RU") or "" for any other: whose rules apply */
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kab_practice_init (KabPractice *self)
{
  self->practitioner_name = g_strdup ("");
  self->title = g_strdup ("");
  self->address = g_strdup ("");
  self->phone = g_strdup ("");
  self->email = g_strdup ("");
  self->currency = g_strdup ("EUR");
  self->default_duration = 50;
  self->cancel_hours = 24;
  self->late_cancel_percent = 100;
  self->form_language = g_strdup ("en");
  self->retention_years = 10;
  self->day_start_hour = 8;
  self->day_end_hour = 20;
  self->country = g_strdup ("");
}

KabPractice *
kab_practice_new (void)
{
  return g_object_new (KAB_TYPE_PRACTICE, NULL);
}

/**
 * kab_practice_copy:
 *
 * Returns: (transfer full): a new object with every property of @self, for an edit
 *   dialog that may be cancelled
 */
KabPractice *
kab_practice_copy (KabPractice *self)
{
  KabPractice *copy;

  g_return_val_if_fail (KAB_IS_PRACTICE (self), NULL);

  copy = g_object_new (KAB_TYPE_PRACTICE, NULL);
  /* A fresh object has no listeners: its defaults are freed and fields copied directly. */
  g_free (copy->practitioner_name);
  g_free (copy->title);
  g_free (copy->address);
  g_free (copy->phone);
  g_free (copy->email);
  g_free (copy->currency);
  g_free (copy->form_language);
  g_free (copy->country);
  copy->practitioner_name = g_strdup (self->practitioner_name);
  copy->title = g_strdup (self->title);
  copy->address = g_strdup (self->address);
  copy->phone = g_strdup (self->phone);
  copy->email = g_strdup (self->email);
  copy->currency = g_strdup (self->currency);
  copy->default_fee = self->default_fee;
  copy->default_duration = self->default_duration;
  copy->cancel_hours = self->cancel_hours;
  copy->late_cancel_percent = self->late_cancel_percent;
  copy->form_language = g_strdup (self->form_language);
  copy->retention_years = self->retention_years;
  copy->day_start_hour = self->day_start_hour;
  copy->day_end_hour = self->day_end_hour;
  copy->country = g_strdup (self->country);

  return copy;
}

static gboolean
set_invalid (GError     **error,
             int          code,
             const char  *message)
{
  g_set_error_literal (error, KAB_MODEL_ERROR, code, message);
  return FALSE;
}

/**
 * kab_practice_validate:
 *
 * Returns: %TRUE when the settings can be saved; else %FALSE with @error saying what
 *   to correct
 */
gboolean
kab_practice_validate (KabPractice  *self,
                       GError      **error)
{
  g_return_val_if_fail (KAB_IS_PRACTICE (self), FALSE);

  /* The practitioner's name signs journal entries and agreements: a name, like a client's. */
  if (!kab_model_check_name (self->practitioner_name, KAB_MODEL_MAX_NAME_CHARS,
                             _("Practitioner name"), error) ||
      !kab_model_check_text (self->title, KAB_MODEL_MAX_NAME_CHARS, C_("professional title", "Title"), error) ||
      !kab_model_check_text (self->address, KAB_MODEL_MAX_ADDRESS_CHARS, _("Address"), error) ||
      !kab_model_check_text (self->phone, KAB_MODEL_MAX_PHONE_CHARS, _("Phone"), error) ||
      !kab_model_check_email (self->email, error))
    return FALSE;

  if (!kab_currency_is_valid (self->currency))
    return set_invalid (error, KAB_MODEL_ERROR_INVALID_CURRENCY,
                        _("Choose the currency the practice bills in."));

  if (!kab_model_check_fee (self->default_fee, error) ||
      !kab_model_check_duration (self->default_duration, error))
    return FALSE;

  if (self->cancel_hours < 0 || self->cancel_hours > 336)
    return set_invalid (error, KAB_MODEL_ERROR_INVALID_VALUE,
                        _("The notice for a cancellation must be between 0 and 336 hours (two weeks)."));

  if (self->late_cancel_percent < 0 || self->late_cancel_percent > 100)
    return set_invalid (error, KAB_MODEL_ERROR_INVALID_VALUE,
                        _("The charge for a late cancellation must be between 0 and 100 percent of the fee."));

  if (!kab_model_check_language (self->form_language, error))
    return FALSE;

  if (!kab_country_is_valid (self->country))
    return set_invalid (error, KAB_MODEL_ERROR_INVALID_VALUE,
                        _("Choose the country whose rules the practice follows: Sweden, Norway, Russia or another."));

  if (self->retention_years < 0 || self->retention_years > 100)
    return set_invalid (error, KAB_MODEL_ERROR_INVALID_VALUE,
                        _("Records can be kept for 0 to 100 years."));

  if (self->day_start_hour < 0 || self->day_end_hour > 24 ||
      self->day_start_hour >= self->day_end_hour)
    return set_invalid (error, KAB_MODEL_ERROR_INVALID_TIME,
                        _("The working day must start before it ends, between 0:00 and 24:00."));

  return TRUE;
}

const char *
kab_practice_get_practitioner_name (KabPractice *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE (self), NULL);

  return self->practitioner_name;
}

void
kab_practice_set_practitioner_name (KabPractice   *self,
                                    const char *practitioner_name)
{
  g_return_if_fail (KAB_IS_PRACTICE (self));

  if (!kab_model_replace_string (&self->practitioner_name, practitioner_name))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRACTITIONER_NAME]);
}

const char *
kab_practice_get_title (KabPractice *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE (self), NULL);

  return self->title;
}

void
kab_practice_set_title (KabPractice   *self,
                        const char *title)
{
  g_return_if_fail (KAB_IS_PRACTICE (self));

  if (!kab_model_replace_string (&self->title, title))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
kab_practice_get_address (KabPractice *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE (self), NULL);

  return self->address;
}

void
kab_practice_set_address (KabPractice   *self,
                          const char *address)
{
  g_return_if_fail (KAB_IS_PRACTICE (self));

  if (!kab_model_replace_string (&self->address, address))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

const char *
kab_practice_get_phone (KabPractice *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE (self), NULL);

  return self->phone;
}

void
kab_practice_set_phone (KabPractice   *self,
                        const char *phone)
{
  g_return_if_fail (KAB_IS_PRACTICE (self));

  if (!kab_model_replace_string (&self->phone, phone))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
kab_practice_get_email (KabPractice *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE (self), NULL);

  return self->email;
}

void
kab_practice_set_email (KabPractice   *self,
                        const char *email)
{
  g_return_if_fail (KAB_IS_PRACTICE (self));

  if (!kab_model_replace_string (&self->email, email))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
kab_practice_get_currency (KabPractice *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE (self), NULL);

  return self->currency;
}

void
kab_practice_set_currency (KabPractice   *self,
                           const char *currency)
{
  g_return_if_fail (KAB_IS_PRACTICE (self));

  if (!kab_model_replace_string (&self->currency, currency))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

gint64
kab_practice_get_default_fee (KabPractice *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE (self), 0);

  return self->default_fee;
}

void
kab_practice_set_default_fee (KabPractice *self,
                              gint64       default_fee)
{
  g_return_if_fail (KAB_IS_PRACTICE (self));

  if (self->default_fee == default_fee)
    return;

  self->default_fee = default_fee;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_FEE]);
}

int
kab_practice_get_default_duration (KabPractice *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE (self), 0);

  return self->default_duration;
}

void
kab_practice_set_default_duration (KabPractice *self,
                                   int          default_duration)
{
  g_return_if_fail (KAB_IS_PRACTICE (self));

  if (self->default_duration == default_duration)
    return;

  self->default_duration = default_duration;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_DURATION]);
}

int
kab_practice_get_cancel_hours (KabPractice *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE (self), 0);

  return self->cancel_hours;
}

void
kab_practice_set_cancel_hours (KabPractice *self,
                               int          cancel_hours)
{
  g_return_if_fail (KAB_IS_PRACTICE (self));

  if (self->cancel_hours == cancel_hours)
    return;

  self->cancel_hours = cancel_hours;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANCEL_HOURS]);
}

int
kab_practice_get_late_cancel_percent (KabPractice *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE (self), 0);

  return self->late_cancel_percent;
}

void
kab_practice_set_late_cancel_percent (KabPractice *self,
                                      int          late_cancel_percent)
{
  g_return_if_fail (KAB_IS_PRACTICE (self));

  if (self->late_cancel_percent == late_cancel_percent)
    return;

  self->late_cancel_percent = late_cancel_percent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATE_CANCEL_PERCENT]);
}

const char *
kab_practice_get_form_language (KabPractice *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE (self), NULL);

  return self->form_language;
}

void
kab_practice_set_form_language (KabPractice   *self,
                                const char *form_language)
{
  g_return_if_fail (KAB_IS_PRACTICE (self));

  if (!kab_model_replace_string (&self->form_language, form_language))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORM_LANGUAGE]);
}

int
kab_practice_get_retention_years (KabPractice *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE (self), 0);

  return self->retention_years;
}

void
kab_practice_set_retention_years (KabPractice *self,
                                  int          retention_years)
{
  g_return_if_fail (KAB_IS_PRACTICE (self));

  if (self->retention_years == retention_years)
    return;

  self->retention_years = retention_years;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETENTION_YEARS]);
}

int
kab_practice_get_day_start_hour (KabPractice *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE (self), 0);

  return self->day_start_hour;
}

void
kab_practice_set_day_start_hour (KabPractice *self,
                                 int          day_start_hour)
{
  g_return_if_fail (KAB_IS_PRACTICE (self));

  if (self->day_start_hour == day_start_hour)
    return;

  self->day_start_hour = day_start_hour;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY_START_HOUR]);
}

int
kab_practice_get_day_end_hour (KabPractice *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE (self), 0);

  return self->day_end_hour;
}

void
kab_practice_set_day_end_hour (KabPractice *self,
                               int          day_end_hour)
{
  g_return_if_fail (KAB_IS_PRACTICE (self));

  if (self->day_end_hour == day_end_hour)
    return;

  self->day_end_hour = day_end_hour;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY_END_HOUR]);
}

/**
 * kab_practice_get_country:
 *
 * Returns: the ISO 3166-1 code of the country whose rules the practice follows
 *   (%KAB_COUNTRY_SWEDEN, %KAB_COUNTRY_NORWAY, %KAB_COUNTRY_RUSSIA), or "" for another
 */
const char *
kab_practice_get_country (KabPractice *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE (self), NULL);

  return self->country;
}

void
kab_practice_set_country (KabPractice *self,
                          const char  *country)
{
  g_return_if_fail (KAB_IS_PRACTICE (self));

  if (!kab_model_replace_string (&self->country, country != NULL ? country : ""))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

/**
 * kab_practice_apply_country_defaults:
 * @country: the country the practice is in
 *
 * Sets @country and what follows from it for a practice that has recorded nothing yet:
 * the currency and the language of forms.
 */
void
kab_practice_apply_country_defaults (KabPractice *self,
                                     const char  *country)
{
  g_return_if_fail (KAB_IS_PRACTICE (self));

  kab_practice_set_country (self, country);
  kab_practice_set_currency (self, kab_country_default_currency (country));
  kab_practice_set_form_language (self, kab_country_default_language (country));
}
