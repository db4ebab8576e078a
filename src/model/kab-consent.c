/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-consent.c: a client's agreement record: the text as printed and its dates */

#include <glib/gi18n.h>

#include "kab-consent.h"
#include "kab-enum-types.h"
#include "kab-model-private.h"

struct _KabConsent
{
  GObject          parent_instance;

  gint64           id;
  gint64           client_id;
  gint64           template_id;
  int              template_version;
  char            *language;
  char            *title;
  char            *rendered_text;
  GDateTime       *created;
  GDateTime       *printed_on;
  GDateTime       *signed_on;
  GDateTime       *withdrawn_on;
  KabConsentState  state;
};

G_DEFINE_FINAL_TYPE (KabConsent, kab_consent, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CLIENT_ID,
  PROP_TEMPLATE_ID,
  PROP_TEMPLATE_VERSION,
  PROP_LANGUAGE,
  PROP_TITLE,
  PROP_RENDERED_TEXT,
  PROP_CREATED,
  PROP_PRINTED_ON,
  PROP_SIGNED_ON,
  PROP_WITHDRAWN_ON,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_state (KabConsent *self)
{
  KabConsentState state;

  if (self->withdrawn_on != NULL)
    state = KAB_CONSENT_STATE_WITHDRAWN;
  else if (self->signed_on != NULL)
    state = KAB_CONSENT_STATE_SIGNED;
  else if (self->printed_on != NULL)
    state = KAB_CONSENT_STATE_PRINTED;
  else
    state = KAB_CONSENT_STATE_MISSING;

  if (state == self->state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
kab_consent_finalize (GObject *object)
{
  KabConsent *self = KAB_CONSENT (object);

  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->rendered_text, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->printed_on, g_date_time_unref);
  g_clear_pointer (&self->signed_on, g_date_time_unref);
  g_clear_pointer (&self->withdrawn_on, g_date_time_unref);

  G_OBJECT_CLASS (kab_consent_parent_class)->finalize (object);
}

static void
kab_consent_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KabConsent *self = KAB_CONSENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CLIENT_ID:
      g_value_set_int64 (value, self->client_id);
      break;

    case PROP_TEMPLATE_ID:
      g_value_set_int64 (value, self->template_id);
      break;

    case PROP_TEMPLATE_VERSION:
      g_value_set_int (value, self->template_version);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_RENDERED_TEXT:
      g_value_set_string (value, self->rendered_text);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_PRINTED_ON:
      g_value_set_boxed (value, self->printed_on);
      break;

    case PROP_SIGNED_ON:
      g_value_set_boxed (value, self->signed_on);
      break;

    case PROP_WITHDRAWN_ON:
      g_value_set_boxed (value, self->withdrawn_on);
      break;

    case PROP_STATE:
      g_value_set_enum (value, kab_consent_get_state (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_consent_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KabConsent *self = KAB_CONSENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      kab_consent_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CLIENT_ID:
      kab_consent_set_client_id (self, g_value_get_int64 (value));
      break;

    case PROP_TEMPLATE_ID:
      kab_consent_set_template_id (self, g_value_get_int64 (value));
      break;

    case PROP_TEMPLATE_VERSION:
      kab_consent_set_template_version (self, g_value_get_int (value));
      break;

    case PROP_LANGUAGE:
      kab_consent_set_language (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      kab_consent_set_title (self, g_value_get_string (value));
      break;

    case PROP_RENDERED_TEXT:
      kab_consent_set_rendered_text (self, g_value_get_string (value));
      break;

    case PROP_CREATED:
      kab_consent_set_created (self, g_value_get_boxed (value));
      break;

    case PROP_PRINTED_ON:
      kab_consent_set_printed_on (self, g_value_get_boxed (value));
      break;

    case PROP_SIGNED_ON:
      kab_consent_set_signed_on (self, g_value_get_boxed (value));
      break;

    case PROP_WITHDRAWN_ON:
      kab_consent_set_withdrawn_on (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_consent_class_init (KabConsentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kab_consent_finalize;
  object_class->get_property = kab_consent_get_property;
  object_class->set_property = kab_consent_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CLIENT_ID] =
    g_param_spec_int64 ("client-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEMPLATE_ID] =
    g_param_spec_int64 ("template-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEMPLATE_VERSION] =
    g_param_spec_int ("template-version", NULL, NULL,
                      G_MININT, G_MAXINT, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RENDERED_TEXT] =
    g_param_spec_string ("rendered-text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PRINTED_ON] =
    g_param_spec_boxed ("printed-on", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SIGNED_ON] =
    g_param_spec_boxed ("signed-on", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_WITHDRAWN_ON] =
    g_param_spec_boxed ("withdrawn-on", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       KAB_TYPE_CONSENT_STATE, KAB_CONSENT_STATE_MISSING,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kab_consent_init (KabConsent *self)
{
  self->template_version = 1;
  self->language = g_strdup ("en");
  self->title = g_strdup ("");
  self->rendered_text = g_strdup ("");
}

KabConsent *
kab_consent_new (void)
{
  return g_object_new (KAB_TYPE_CONSENT, NULL);
}

/**
 * kab_consent_copy:
 *
 * Returns: (transfer full): a new object with every property of @self, for an edit
 *   dialog that may be cancelled
 */
KabConsent *
kab_consent_copy (KabConsent *self)
{
  KabConsent *copy;

  g_return_val_if_fail (KAB_IS_CONSENT (self), NULL);

  copy = g_object_new (KAB_TYPE_CONSENT, NULL);
  /* A fresh object has no listeners: its defaults are freed and fields copied directly. */
  g_free (copy->language);
  g_free (copy->title);
  g_free (copy->rendered_text);
  copy->id = self->id;
  copy->client_id = self->client_id;
  copy->template_id = self->template_id;
  copy->template_version = self->template_version;
  copy->language = g_strdup (self->language);
  copy->title = g_strdup (self->title);
  copy->rendered_text = g_strdup (self->rendered_text);
  copy->created = self->created != NULL ? g_date_time_ref (self->created) : NULL;
  copy->printed_on = self->printed_on != NULL ? g_date_time_ref (self->printed_on) : NULL;
  copy->signed_on = self->signed_on != NULL ? g_date_time_ref (self->signed_on) : NULL;
  copy->withdrawn_on = self->withdrawn_on != NULL ? g_date_time_ref (self->withdrawn_on) : NULL;
  copy->state = self->state;

  return copy;
}

/**
 * kab_consent_get_state:
 *
 * The state follows the latest step that has a date: withdrawn, signed, printed, else
 * missing. It is also the read-only property “state”, notified when it changes.
 */
KabConsentState
kab_consent_get_state (KabConsent *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT (self), KAB_CONSENT_STATE_MISSING);

  return self->state;
}

/* A day of slack for clocks and zones: a date picked as “today” in the evening may
 * already be tomorrow in UTC. */
static gboolean
is_in_future (GDateTime *date_time)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) limit = g_date_time_add_days (now, 1);

  return g_date_time_compare (date_time, limit) > 0;
}

/**
 * kab_consent_validate:
 *
 * Returns: %TRUE when the record can be saved; else %FALSE with @error saying what
 *   to correct
 */
gboolean
kab_consent_validate (KabConsent  *self,
                      GError     **error)
{
  g_return_val_if_fail (KAB_IS_CONSENT (self), FALSE);

  if (!kab_model_check_client_id (self->client_id, error))
    return FALSE;

  if (kab_model_text_is_blank (self->rendered_text))
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_MISSING_VALUE,
                           _("The agreement has no text. Choose a template for it."));
      return FALSE;
    }

  if (!kab_model_check_text (self->title, KAB_MODEL_MAX_NAME_CHARS, C_("agreement title", "Title"), error) ||
      !kab_model_check_text (self->language, KAB_MODEL_MAX_NAME_CHARS, _("Language"), error) ||
      !kab_model_check_long_text (self->rendered_text, _("Agreement text"), error))
    return FALSE;

  if (self->signed_on != NULL && is_in_future (self->signed_on))
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE,
                           _("The date of signing is in the future. Check it."));
      return FALSE;
    }

  if (self->withdrawn_on != NULL && is_in_future (self->withdrawn_on))
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE,
                           _("The date of withdrawal is in the future. Check it."));
      return FALSE;
    }

  /* A printed agreement is signed on paper: not before the day it was printed. */
  if (self->signed_on != NULL && self->printed_on != NULL &&
      kab_model_compare_dates (self->signed_on, self->printed_on) < 0)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE,
                           _("The agreement cannot be signed before it was printed. Check the date."));
      return FALSE;
    }

  if (self->signed_on != NULL && self->withdrawn_on != NULL &&
      kab_model_compare_dates (self->withdrawn_on, self->signed_on) < 0)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE,
                           _("Consent cannot be withdrawn before it was signed. Check the dates."));
      return FALSE;
    }

  return TRUE;
}

gint64
kab_consent_get_id (KabConsent *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT (self), 0);

  return self->id;
}

void
kab_consent_set_id (KabConsent *self,
                    gint64      id)
{
  g_return_if_fail (KAB_IS_CONSENT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
kab_consent_get_client_id (KabConsent *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT (self), 0);

  return self->client_id;
}

void
kab_consent_set_client_id (KabConsent *self,
                           gint64      client_id)
{
  g_return_if_fail (KAB_IS_CONSENT (self));

  if (self->client_id == client_id)
    return;

  self->client_id = client_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ID]);
}

gint64
kab_consent_get_template_id (KabConsent *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT (self), 0);

  return self->template_id;
}

void
kab_consent_set_template_id (KabConsent *self,
                             gint64      template_id)
{
  g_return_if_fail (KAB_IS_CONSENT (self));

  if (self->template_id == template_id)
    return;

  self->template_id = template_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_ID]);
}

int
kab_consent_get_template_version (KabConsent *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT (self), 0);

  return self->template_version;
}

void
kab_consent_set_template_version (KabConsent *self,
                                  int         template_version)
{
  g_return_if_fail (KAB_IS_CONSENT (self));

  if (self->template_version == template_version)
    return;

  self->template_version = template_version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_VERSION]);
}

const char *
kab_consent_get_language (KabConsent *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT (self), NULL);

  return self->language;
}

void
kab_consent_set_language (KabConsent   *self,
                          const char *language)
{
  g_return_if_fail (KAB_IS_CONSENT (self));

  if (!kab_model_replace_string (&self->language, language))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

const char *
kab_consent_get_title (KabConsent *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT (self), NULL);

  return self->title;
}

void
kab_consent_set_title (KabConsent   *self,
                       const char *title)
{
  g_return_if_fail (KAB_IS_CONSENT (self));

  if (!kab_model_replace_string (&self->title, title))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
kab_consent_get_rendered_text (KabConsent *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT (self), NULL);

  return self->rendered_text;
}

void
kab_consent_set_rendered_text (KabConsent   *self,
                               const char *rendered_text)
{
  g_return_if_fail (KAB_IS_CONSENT (self));

  if (!kab_model_replace_string (&self->rendered_text, rendered_text))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RENDERED_TEXT]);
}

GDateTime *
kab_consent_get_created (KabConsent *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT (self), NULL);

  return self->created;
}

void
kab_consent_set_created (KabConsent *self,
                         GDateTime  *created)
{
  g_return_if_fail (KAB_IS_CONSENT (self));

  if (!kab_model_replace_date_time (&self->created, created))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

GDateTime *
kab_consent_get_printed_on (KabConsent *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT (self), NULL);

  return self->printed_on;
}

void
kab_consent_set_printed_on (KabConsent *self,
                            GDateTime  *printed_on)
{
  g_return_if_fail (KAB_IS_CONSENT (self));

  if (!kab_model_replace_date_time (&self->printed_on, printed_on))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRINTED_ON]);
  update_state (self);
}

GDateTime *
kab_consent_get_signed_on (KabConsent *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT (self), NULL);

  return self->signed_on;
}

void
kab_consent_set_signed_on (KabConsent *self,
                           GDateTime  *signed_on)
{
  g_return_if_fail (KAB_IS_CONSENT (self));

  if (!kab_model_replace_date_time (&self->signed_on, signed_on))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_ON]);
  update_state (self);
}

GDateTime *
kab_consent_get_withdrawn_on (KabConsent *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT (self), NULL);

  return self->withdrawn_on;
}

void
kab_consent_set_withdrawn_on (KabConsent *self,
                              GDateTime  *withdrawn_on)
{
  g_return_if_fail (KAB_IS_CONSENT (self));

  if (!kab_model_replace_date_time (&self->withdrawn_on, withdrawn_on))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITHDRAWN_ON]);
  update_state (self);
}
