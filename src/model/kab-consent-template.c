/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-consent-template.c: a version of an agreement text with {placeholders} */

#include <string.h>

#include <glib/gi18n.h>

#include "kab-consent-template.h"
#include "kab-model-private.h"

struct _KabConsentTemplate
{
  GObject    parent_instance;

  gint64     id;
  char      *key;
  char      *language;
  char      *title;
  int        version;
  char      *body;
  gboolean   builtin;
  GDateTime *created;
};

G_DEFINE_FINAL_TYPE (KabConsentTemplate, kab_consent_template, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_LANGUAGE,
  PROP_TITLE,
  PROP_VERSION,
  PROP_BODY,
  PROP_BUILTIN,
  PROP_CREATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kab_consent_template_finalize (GObject *object)
{
  KabConsentTemplate *self = KAB_CONSENT_TEMPLATE (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (kab_consent_template_parent_class)->finalize (object);
}

static void
kab_consent_template_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KabConsentTemplate *self = KAB_CONSENT_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_VERSION:
      g_value_set_int (value, self->version);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_BUILTIN:
      g_value_set_boolean (value, self->builtin);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_consent_template_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  KabConsentTemplate *self = KAB_CONSENT_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      kab_consent_template_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_KEY:
      kab_consent_template_set_key (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGE:
      kab_consent_template_set_language (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      kab_consent_template_set_title (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      kab_consent_template_set_version (self, g_value_get_int (value));
      break;

    case PROP_BODY:
      kab_consent_template_set_body (self, g_value_get_string (value));
      break;

    case PROP_BUILTIN:
      kab_consent_template_set_builtin (self, g_value_get_boolean (value));
      break;

    case PROP_CREATED:
      kab_consent_template_set_created (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_consent_template_class_init (KabConsentTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kab_consent_template_finalize;
  object_class->get_property = kab_consent_template_get_property;
  object_class->set_property = kab_consent_template_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VERSION] =
    g_param_spec_int ("version", NULL, NULL,
                      G_MININT, G_MAXINT, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BUILTIN] =
    g_param_spec_boolean ("builtin", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kab_consent_template_init (KabConsentTemplate *self)
{
  self->key = g_strdup ("");
  self->language = g_strdup ("en");
  self->title = g_strdup ("");
  self->version = 1;
  self->body = g_strdup ("");
}

KabConsentTemplate *
kab_consent_template_new (void)
{
  return g_object_new (KAB_TYPE_CONSENT_TEMPLATE, NULL);
}

/**
 * kab_consent_template_copy:
 *
 * Returns: (transfer full): a new object with every property of @self, for an edit
 *   dialog that may be cancelled
 */
KabConsentTemplate *
kab_consent_template_copy (KabConsentTemplate *self)
{
  KabConsentTemplate *copy;

  g_return_val_if_fail (KAB_IS_CONSENT_TEMPLATE (self), NULL);

  copy = g_object_new (KAB_TYPE_CONSENT_TEMPLATE, NULL);
  /* A fresh object has no listeners: its defaults are freed and fields copied directly. */
  g_free (copy->key);
  g_free (copy->language);
  g_free (copy->title);
  g_free (copy->body);
  copy->id = self->id;
  copy->key = g_strdup (self->key);
  copy->language = g_strdup (self->language);
  copy->title = g_strdup (self->title);
  copy->version = self->version;
  copy->body = g_strdup (self->body);
  copy->builtin = self->builtin;
  copy->created = self->created != NULL ? g_date_time_ref (self->created) : NULL;

  return copy;
}

/* A section tag ("{?minor}", "{/minor}") alone on its line takes its line break with it,
 * so that a section leaves no blank line behind. */
static const char *
after_tag (const char *body,
           const char *brace,
           const char *end)
{
  if ((brace == body || brace[-1] == '\n') && end[1] == '\n')
    return end + 2;

  return end + 1;
}

/* Expands @body into @out (when not %NULL). With @values %NULL only the syntax is
 * checked, so that a broken template is refused when it is saved, not when printed.
 * "{?name}…{/name}" is kept only when name has a value, "{!name}…{/name}" only when it
 * has none. With @missing set, a placeholder without a value is returned there (and
 * %FALSE) instead of an error. */
static gboolean
expand (const char  *body,
        GHashTable  *values,
        GString     *out,
        char       **missing,
        GError     **error)
{
  const char *p = body;

  while (*p != '\0')
    {
      const char *brace = strpbrk (p, "{}");
      const char *end;
      g_autofree char *name = NULL;
      const char *value;

      if (brace == NULL)
        {
          if (out != NULL)
            g_string_append (out, p);
          break;
        }

      if (out != NULL)
        g_string_append_len (out, p, brace - p);

      /* "{{" and "}}" are literal braces; a lone "}" is kept as it is. */
      if (brace[1] == brace[0] || *brace == '}')
        {
          if (out != NULL)
            g_string_append_c (out, *brace);
          p = brace + (brace[1] == brace[0] ? 2 : 1);
          continue;
        }

      end = brace + 1 + strcspn (brace + 1, "{}\n");
      if (*end != '}' || end == brace + 1)
        {
          g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE,
                               _("The agreement text has a “{” that does not start a placeholder "
                                 "such as {client}. Write “{{” for a brace."));
          return FALSE;
        }

      name = g_strndup (brace + 1, end - brace - 1);
      p = end + 1;

      if (name[0] == '/')
        {
          p = after_tag (body, brace, end);
          continue;
        }

      if (name[0] == '?' || name[0] == '!')
        {
          g_autofree char *close = g_strdup_printf ("{/%s}", name + 1);
          const char *closing = strstr (p, close);
          gboolean shown;

          if (closing == NULL)
            {
              /* Translators: %1$s is a section of an agreement template such as “{?minor}”,
               * %2$s what must end it, “{/minor}” */
              g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE,
                           _("The agreement text opens a section with {%1$s} that no %2$s ends."),
                           name, close);
              return FALSE;
            }

          p = after_tag (body, brace, end);
          if (values == NULL)
            continue;

          shown = !kab_model_text_is_blank (g_hash_table_lookup (values, name + 1));
          if (name[0] == '!')
            shown = !shown;
          if (!shown)
            p = after_tag (body, closing, closing + strlen (close) - 1);
          continue;
        }

      if (values == NULL)
        continue;

      value = g_hash_table_lookup (values, name);
      if (kab_model_text_is_blank (value))
        {
          if (missing != NULL)
            {
              *missing = g_steal_pointer (&name);
              return FALSE;
            }

          /* Translators: %s is a placeholder name such as “practice_address”. */
          g_set_error (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_MISSING_VALUE,
                       _("The agreement needs a value for {%s}. Fill it in (e.g. in "
                         "Preferences or the client's details) and try again."), name);
          return FALSE;
        }

      if (out != NULL)
        g_string_append (out, value);
    }

  return TRUE;
}

/**
 * kab_consent_template_find_missing:
 * @values: (element-type utf8 utf8): placeholder name → text
 *
 * Returns: (transfer full) (nullable): the first placeholder that the rendered text
 *   would need and @values has no text for, without braces (one inside a section left
 *   out does not count); %NULL when all are there or the text is broken
 */
char *
kab_consent_template_find_missing (KabConsentTemplate *self,
                                   GHashTable         *values)
{
  char *missing = NULL;

  g_return_val_if_fail (KAB_IS_CONSENT_TEMPLATE (self), NULL);
  g_return_val_if_fail (values != NULL, NULL);

  expand (self->body, values, NULL, &missing, NULL);
  return missing;
}

/**
 * kab_consent_template_render:
 * @values: (nullable) (element-type utf8 utf8): placeholder name → text
 *
 * Replaces every `{name}` of the body with @values[name]. `{{` and `}}` stand for
 * literal braces. `{?name}…{/name}` is kept only when @values has text for name,
 * `{!name}…{/name}` only when it has none.
 *
 * Returns: (transfer full): the text, or %NULL with %KAB_MODEL_ERROR_MISSING_VALUE
 *   naming a placeholder that has no value or a blank one, or
 *   %KAB_MODEL_ERROR_INVALID_VALUE for a brace that opens nothing
 */
char *
kab_consent_template_render (KabConsentTemplate  *self,
                             GHashTable          *values,
                             GError             **error)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GHashTable) empty = NULL;

  g_return_val_if_fail (KAB_IS_CONSENT_TEMPLATE (self), NULL);

  if (values == NULL)
    values = empty = g_hash_table_new (g_str_hash, g_str_equal);

  out = g_string_new (NULL);
  if (!expand (self->body, values, out, NULL, error))
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * kab_consent_template_validate:
 *
 * Returns: %TRUE when the template can be saved; else %FALSE with @error saying what
 *   to correct
 */
gboolean
kab_consent_template_validate (KabConsentTemplate  *self,
                               GError             **error)
{
  g_return_val_if_fail (KAB_IS_CONSENT_TEMPLATE (self), FALSE);

  if (kab_model_text_is_blank (self->title))
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_EMPTY_NAME,
                           _("Enter a title for the agreement."));
      return FALSE;
    }

  if (!kab_model_check_name (self->title, KAB_MODEL_MAX_NAME_CHARS, C_("agreement title", "Title"), error) ||
      !kab_model_check_text (self->key, KAB_MODEL_MAX_NAME_CHARS, _("Key"), error) ||
      !kab_model_check_language (self->language, error))
    return FALSE;

  if (self->version < 1)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE,
                           _("The version of an agreement starts at 1."));
      return FALSE;
    }

  if (kab_model_text_is_blank (self->body))
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_MISSING_VALUE,
                           _("Write the text of the agreement."));
      return FALSE;
    }

  return kab_model_check_long_text (self->body, _("Agreement text"), error) &&
         expand (self->body, NULL, NULL, NULL, error);
}

gint64
kab_consent_template_get_id (KabConsentTemplate *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT_TEMPLATE (self), 0);

  return self->id;
}

void
kab_consent_template_set_id (KabConsentTemplate *self,
                             gint64              id)
{
  g_return_if_fail (KAB_IS_CONSENT_TEMPLATE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
kab_consent_template_get_key (KabConsentTemplate *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT_TEMPLATE (self), NULL);

  return self->key;
}

void
kab_consent_template_set_key (KabConsentTemplate   *self,
                              const char *key)
{
  g_return_if_fail (KAB_IS_CONSENT_TEMPLATE (self));

  if (!kab_model_replace_string (&self->key, key))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
}

const char *
kab_consent_template_get_language (KabConsentTemplate *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT_TEMPLATE (self), NULL);

  return self->language;
}

void
kab_consent_template_set_language (KabConsentTemplate   *self,
                                   const char *language)
{
  g_return_if_fail (KAB_IS_CONSENT_TEMPLATE (self));

  if (!kab_model_replace_string (&self->language, language))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

const char *
kab_consent_template_get_title (KabConsentTemplate *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT_TEMPLATE (self), NULL);

  return self->title;
}

void
kab_consent_template_set_title (KabConsentTemplate   *self,
                                const char *title)
{
  g_return_if_fail (KAB_IS_CONSENT_TEMPLATE (self));

  if (!kab_model_replace_string (&self->title, title))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

int
kab_consent_template_get_version (KabConsentTemplate *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT_TEMPLATE (self), 0);

  return self->version;
}

void
kab_consent_template_set_version (KabConsentTemplate *self,
                                  int                 version)
{
  g_return_if_fail (KAB_IS_CONSENT_TEMPLATE (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

const char *
kab_consent_template_get_body (KabConsentTemplate *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT_TEMPLATE (self), NULL);

  return self->body;
}

void
kab_consent_template_set_body (KabConsentTemplate   *self,
                               const char *body)
{
  g_return_if_fail (KAB_IS_CONSENT_TEMPLATE (self));

  if (!kab_model_replace_string (&self->body, body))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

gboolean
kab_consent_template_get_builtin (KabConsentTemplate *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT_TEMPLATE (self), FALSE);

  return self->builtin;
}

void
kab_consent_template_set_builtin (KabConsentTemplate *self,
                                  gboolean            builtin)
{
  g_return_if_fail (KAB_IS_CONSENT_TEMPLATE (self));

  builtin = !!builtin;

  if (self->builtin == builtin)
    return;

  self->builtin = builtin;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILTIN]);
}

GDateTime *
kab_consent_template_get_created (KabConsentTemplate *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT_TEMPLATE (self), NULL);

  return self->created;
}

void
kab_consent_template_set_created (KabConsentTemplate *self,
                                  GDateTime          *created)
{
  g_return_if_fail (KAB_IS_CONSENT_TEMPLATE (self));

  if (!kab_model_replace_date_time (&self->created, created))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}
