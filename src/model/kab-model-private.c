/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-model-private.c: checks and setters the model's classes share */

#include <glib/gi18n.h>
#include <string.h>

#include "kab-model-private.h"
#include "kab-money.h"

/* Returns TRUE when the value changed, so the caller notifies. */
gboolean
kab_model_set_string (char       **field,
                      const char  *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

gboolean
kab_model_set_date_time (GDateTime **field,
                         GDateTime  *value)
{
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return FALSE;

  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);
  return TRUE;
}

/* Copies every read-write property: what kab_*_copy () is made of. */
void
kab_model_copy_properties (GObject *from,
                           GObject *to)
{
  g_autofree GParamSpec **specs = NULL;
  guint n_specs = 0;

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (from), &n_specs);
  g_object_freeze_notify (to);
  for (guint i = 0; i < n_specs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((specs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;

      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (from, specs[i]->name, &value);
      g_object_set_property (to, specs[i]->name, &value);
    }
  g_object_thaw_notify (to);
}

gboolean
kab_model_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char_validated (p, -1)))
        return FALSE;
    }

  return TRUE;
}

char *
kab_model_fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

gboolean
kab_model_check_text (const char  *text,
                      gsize        max,
                      const char  *what,
                      GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      /* Translators: %s is a field, e.g. "The phone number" */
      g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_TEXT,
                   _("%s contains characters that are not valid text."), what);
      return FALSE;
    }

  /* Long texts are limited in bytes, short ones in characters. */
  if ((max >= KAB_MODEL_LONG_TEXT_MAX && strlen (text) > max) ||
      (max < KAB_MODEL_LONG_TEXT_MAX && (gsize)g_utf8_strlen (text, -1) > max))
    {
      /* Translators: %s is a field, e.g. "The phone number" */
      g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_TEXT,
                   _("%s is too long."), what);
      return FALSE;
    }

  return TRUE;
}

gboolean
kab_model_check_email (const char  *email,
                       GError     **error)
{
  const char *at;

  if (!kab_model_check_text (email, KAB_MODEL_EMAIL_MAX, _("The email address"), error))
    return FALSE;

  if (email == NULL || *email == '\0')
    return TRUE;

  at = strchr (email, '@');
  if (at == NULL || at == email || at[1] == '\0' || strchr (at + 1, '@') != NULL ||
      strchr (email, ' ') != NULL)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_EMAIL,
                           _("Enter an email address like name@example.org."));
      return FALSE;
    }

  return TRUE;
}

gboolean
kab_model_check_amount (gint64     amount,
                        gboolean   zero_allowed,
                        GError   **error)
{
  if (amount < 0)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT,
                           _("The amount cannot be negative."));
      return FALSE;
    }

  if (amount == 0 && !zero_allowed)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT,
                           _("The amount must be greater than zero."));
      return FALSE;
    }

  if (amount > KAB_MODEL_AMOUNT_MAX)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT,
                           _("The amount is too large."));
      return FALSE;
    }

  return TRUE;
}

gboolean
kab_model_check_currency (const char  *currency,
                          GError     **error)
{
  if (kab_currency_is_valid (currency))
    return TRUE;

  g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_CURRENCY,
               _("“%s” is not a currency Kabinett knows."),
               currency != NULL && g_utf8_validate (currency, -1, NULL) ? currency : "?");
  return FALSE;
}

gboolean
kab_model_check_duration (int      minutes,
                          GError **error)
{
  if (minutes >= 5 && minutes <= 600)
    return TRUE;

  g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DURATION,
                       minutes < 5 ? _("A session must last at least 5 minutes.")
                                   : _("A session can last at most 10 hours."));
  return FALSE;
}

gboolean
kab_model_check_language (const char  *language,
                          GError     **error)
{
  static const char * const known[] = { "en", "ru", "sv", "nb", NULL };

  if (language != NULL && g_strv_contains (known, language))
    return TRUE;

  g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE,
                       _("Choose English, Russian, Swedish or Norwegian."));
  return FALSE;
}

gboolean
kab_model_check_range (int          value,
                       int          min,
                       int          max,
                       const char  *message,
                       GError     **error)
{
  if (value >= min && value <= max)
    return TRUE;

  g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE, message);
  return FALSE;
}
