/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-model-private.c: setters and checks the model classes share */

#include <string.h>

#include <glib/gi18n.h>

#include "kab-model-private.h"
#include "kab-money.h"
#include "kab-text.h"

/* Returns TRUE when the field changed. NULL is stored as "" so getters never return NULL. */
gboolean
kab_model_replace_string (char       **field,
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

/* Two times are the same value when they are the same instant in the same offset:
 * a date at local midnight must not silently become another zone's midnight. */
gboolean
kab_model_replace_date_time (GDateTime **field,
                             GDateTime  *value)
{
  if (*field == value)
    return FALSE;

  if (*field != NULL && value != NULL &&
      g_date_time_equal (*field, value) &&
      g_date_time_get_utc_offset (*field) == g_date_time_get_utc_offset (value))
    return FALSE;

  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);
  return TRUE;
}

gboolean
kab_model_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  /* Invalid UTF-8 is not blank; the text check reports it. */
  if (!g_utf8_validate (text, -1, NULL))
    return *text == '\0';

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/**
 * kab_model_check_text:
 * @what: the field as the user sees it, translated, e.g. “Family name”
 *
 * Checks that @text is valid UTF-8 and at most @max_chars characters long.
 */
gboolean
kab_model_check_text (const char  *text,
                      gsize        max_chars,
                      const char  *what,
                      GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      /* Translators: %s is a field name such as “Family name”. */
      g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_TEXT,
                   _("%s contains characters that cannot be read. Retype it."), what);
      return FALSE;
    }

  if ((gsize)g_utf8_strlen (text, -1) > max_chars)
    {
      /* Translators: the first %s is a field name such as “Family name”. */
      g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_TEXT,
                   ngettext ("%s is too long: shorten it to %u character.",
                             "%s is too long: shorten it to %u characters.",
                             max_chars),
                   what, (guint)max_chars);
      return FALSE;
    }

  return TRUE;
}

/* A control character, or one that turns the direction of the text around it: in a
 * name, "\u202Eevil" would show as "live" everywhere the name is shown. */
static gboolean
is_hidden_or_reordering (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_CONTROL
         || c == 0x061C || c == 0x200E || c == 0x200F
         || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* A person's name: a short text without control characters or direction overrides. */
gboolean
kab_model_check_name (const char  *text,
                      gsize        max_chars,
                      const char  *what,
                      GError     **error)
{
  if (!kab_model_check_text (text, max_chars, what, error))
    return FALSE;

  /* Only blanks is no name at all, whatever the blanks are. */
  if (kab_model_text_is_blank (text))
    return TRUE;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (is_hidden_or_reordering (g_utf8_get_char (p)))
      {
        /* Translators: %s is a field name such as “Family name”. */
        g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_TEXT,
                     _("%s contains an invisible character that changes how it is shown "
                       "(a control or text-direction character). Retype it."), what);
        return FALSE;
      }

  return TRUE;
}

/* Notes, agreement bodies and rendered texts: limited in bytes, as stored. */
gboolean
kab_model_check_long_text (const char  *text,
                           const char  *what,
                           GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_TEXT,
                   _("%s contains characters that cannot be read. Retype it."), what);
      return FALSE;
    }

  if (strlen (text) > KAB_MODEL_MAX_TEXT_BYTES)
    {
      /* Translators: %s is a field name such as “Notes”. */
      g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_TEXT,
                   _("%s is too long: shorten it."), what);
      return FALSE;
    }

  return TRUE;
}

static gboolean
email_has_shape (const char *email)
{
  const char *at = strchr (email, '@');
  const char *domain;

  if (at == NULL || at == email)
    return FALSE;

  domain = at + 1;
  if (*domain == '\0' || strchr (domain, '@') != NULL)
    return FALSE;

  if (*domain == '.' || g_str_has_suffix (domain, ".") || strstr (domain, "..") != NULL)
    return FALSE;

  for (const char *p = email; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == ',' || c == ';' ||
          c == '<' || c == '>')
        return FALSE;
    }

  return TRUE;
}

/* An email is optional; when set it must look like name@example.org. Surrounding
 * spaces are forgiven, they come from pasting. */
gboolean
kab_model_check_email (const char  *email,
                       GError     **error)
{
  g_autofree char *stripped = NULL;

  if (!kab_model_check_text (email, KAB_MODEL_MAX_EMAIL_CHARS, _("Email"), error))
    return FALSE;

  if (kab_model_text_is_blank (email))
    return TRUE;

  stripped = g_strstrip (g_strdup (email));
  if (!email_has_shape (stripped))
    {
      g_autofree char *isolated = kab_isolate (stripped);

      g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_EMAIL,
                   _("“%s” does not look like an email address. Check it, e.g. name@example.org."),
                   isolated);
      return FALSE;
    }

  return TRUE;
}

gboolean
kab_model_check_enum (GType        enum_type,
                      int          value,
                      const char  *what,
                      GError     **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);

  if (g_enum_get_value (klass, value) != NULL)
    return TRUE;

  /* Translators: %s is a field name such as “Status”. */
  g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE,
               _("%s has a value Kabinett does not know. Choose one from the list."), what);
  return FALSE;
}

gboolean
kab_model_check_fee (gint64   fee,
                     GError **error)
{
  if (fee < 0)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT,
                           _("The fee cannot be negative."));
      return FALSE;
    }

  if (fee > KAB_MODEL_MAX_AMOUNT)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT,
                           _("The fee is too large."));
      return FALSE;
    }

  return TRUE;
}

gboolean
kab_model_check_duration (int      minutes,
                          GError **error)
{
  if (minutes < KAB_MODEL_MIN_DURATION)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DURATION,
                           _("A session must last at least 5 minutes."));
      return FALSE;
    }

  if (minutes > KAB_MODEL_MAX_DURATION)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DURATION,
                           _("A session cannot last longer than 10 hours."));
      return FALSE;
    }

  return TRUE;
}

gboolean
kab_model_check_client_id (gint64   client_id,
                           GError **error)
{
  if (client_id > 0)
    return TRUE;

  g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_MISSING_VALUE,
                       _("Choose a client."));
  return FALSE;
}

gboolean
kab_model_check_language (const char  *language,
                          GError     **error)
{
  static const char * const languages[] = { "en", "ru", "sv", "nb", NULL };

  if (language != NULL && g_strv_contains (languages, language))
    return TRUE;

  g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE,
                       _("Choose the language of the forms: English, Russian, Swedish or Norwegian."));
  return FALSE;
}

gboolean
kab_model_check_tzid (const char  *tzid,
                      GError     **error)
{
  g_autoptr(GTimeZone) tz = NULL;

  if (tzid == NULL || *tzid == '\0')
    return TRUE;

  if (g_utf8_validate (tzid, -1, NULL) && strlen (tzid) <= KAB_MODEL_MAX_NAME_CHARS)
    tz = g_time_zone_new_identifier (tzid);

  if (tz != NULL)
    return TRUE;

  g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE,
               _("The time zone “%s” is not known on this computer. Choose another one."),
               g_utf8_validate (tzid, -1, NULL) ? tzid : "?");
  return FALSE;
}

/* What a charge and a payment share: a client, a date and a positive amount in a
 * known currency. */
gboolean
kab_model_check_ledger (gint64       client_id,
                        GDateTime   *date,
                        gint64       amount,
                        const char  *currency,
                        GError     **error)
{
  if (!kab_model_check_client_id (client_id, error))
    return FALSE;

  if (date == NULL)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE,
                           _("Enter the date."));
      return FALSE;
    }

  if (g_date_time_get_year (date) < 1970 || g_date_time_get_year (date) > 2200)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE,
                           _("Choose a date between 1970 and 2200."));
      return FALSE;
    }

  if (amount <= 0)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT,
                           _("The amount must be greater than zero."));
      return FALSE;
    }

  if (amount > KAB_MODEL_MAX_AMOUNT)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT,
                           _("The amount is too large."));
      return FALSE;
    }

  if (!kab_currency_is_valid (currency))
    {
      g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_CURRENCY,
                   _("“%s” is not a currency Kabinett supports. Choose one from the list."),
                   currency != NULL && g_utf8_validate (currency, -1, NULL) ? currency : "");
      return FALSE;
    }

  return TRUE;
}

/* Compares the calendar dates of @a and @b, each read in its own zone. */
int
kab_model_compare_dates (GDateTime *a,
                         GDateTime *b)
{
  int ya, ma, da, yb, mb, db;

  g_date_time_get_ymd (a, &ya, &ma, &da);
  g_date_time_get_ymd (b, &yb, &mb, &db);

  if (ya != yb)
    return ya < yb ? -1 : 1;
  if (ma != mb)
    return ma < mb ? -1 : 1;
  if (da != db)
    return da < db ? -1 : 1;
  return 0;
}
