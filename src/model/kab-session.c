/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-session.c: one appointment with a client */

#include <glib/gi18n.h>

#include "kab-enum-types.h"
#include "kab-model-private.h"
#include "kab-session.h"

struct _KabSession
{
  GObject           parent_instance;

  gint64            id;
  gint64            client_id;
  gint64            series_id;
  GDateTime        *start;
  char             *tzid;
  int               duration;
  KabSessionKind    kind;
  KabSessionStatus  status;
  gint64            fee;
  char             *note;
  char             *uid;
  gboolean          detached;
  char             *client_name;
  GDateTime        *cancelled_at;
};

G_DEFINE_FINAL_TYPE (KabSession, kab_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CLIENT_ID,
  PROP_SERIES_ID,
  PROP_START,
  PROP_TZID,
  PROP_DURATION,
  PROP_KIND,
  PROP_STATUS,
  PROP_FEE,
  PROP_NOTE,
  PROP_UID,
  PROP_DETACHED,
  PROP_CLIENT_NAME,
  PROP_CANCELLED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kab_session_finalize (GObject *object)
{
  KabSession *self = KAB_SESSION (object);

  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->tzid, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->client_name, g_free);
  g_clear_pointer (&self->cancelled_at, g_date_time_unref);

  G_OBJECT_CLASS (kab_session_parent_class)->finalize (object);
}

static void
kab_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KabSession *self = KAB_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CLIENT_ID:
      g_value_set_int64 (value, self->client_id);
      break;

    case PROP_SERIES_ID:
      g_value_set_int64 (value, self->series_id);
      break;

    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;

    case PROP_TZID:
      g_value_set_string (value, self->tzid);
      break;

    case PROP_DURATION:
      g_value_set_int (value, self->duration);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_FEE:
      g_value_set_int64 (value, self->fee);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_DETACHED:
      g_value_set_boolean (value, self->detached);
      break;

    case PROP_CLIENT_NAME:
      g_value_set_string (value, self->client_name);
      break;

    case PROP_CANCELLED_AT:
      g_value_set_boxed (value, self->cancelled_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KabSession *self = KAB_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      kab_session_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CLIENT_ID:
      kab_session_set_client_id (self, g_value_get_int64 (value));
      break;

    case PROP_SERIES_ID:
      kab_session_set_series_id (self, g_value_get_int64 (value));
      break;

    case PROP_START:
      kab_session_set_start (self, g_value_get_boxed (value));
      break;

    case PROP_TZID:
      kab_session_set_tzid (self, g_value_get_string (value));
      break;

    case PROP_DURATION:
      kab_session_set_duration (self, g_value_get_int (value));
      break;

    case PROP_KIND:
      kab_session_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_STATUS:
      kab_session_set_status (self, g_value_get_enum (value));
      break;

    case PROP_FEE:
      kab_session_set_fee (self, g_value_get_int64 (value));
      break;

    case PROP_NOTE:
      kab_session_set_note (self, g_value_get_string (value));
      break;

    case PROP_UID:
      kab_session_set_uid (self, g_value_get_string (value));
      break;

    case PROP_DETACHED:
      kab_session_set_detached (self, g_value_get_boolean (value));
      break;

    case PROP_CLIENT_NAME:
      kab_session_set_client_name (self, g_value_get_string (value));
      break;

    case PROP_CANCELLED_AT:
      kab_session_set_cancelled_at (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_session_class_init (KabSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kab_session_finalize;
  object_class->get_property = kab_session_get_property;
  object_class->set_property = kab_session_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CLIENT_ID] =
    g_param_spec_int64 ("client-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SERIES_ID] =
    g_param_spec_int64 ("series-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TZID] =
    g_param_spec_string ("tzid", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DURATION] =
    g_param_spec_int ("duration", NULL, NULL,
                      G_MININT, G_MAXINT, 50,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       KAB_TYPE_SESSION_KIND, KAB_SESSION_KIND_PSYCHOTHERAPY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       KAB_TYPE_SESSION_STATUS, KAB_SESSION_STATUS_PLANNED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FEE] =
    g_param_spec_int64 ("fee", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The session's identity for other calendars, given by the store once and never
   * changed or reused (a random UUID). */
  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DETACHED] =
    g_param_spec_boolean ("detached", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CLIENT_NAME] =
    g_param_spec_string ("client-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* When the client cancelled (as they said, or when it was recorded); NULL unless the
   * session is cancelled by the client. */
  properties[PROP_CANCELLED_AT] =
    g_param_spec_boxed ("cancelled-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kab_session_init (KabSession *self)
{
  self->tzid = g_strdup ("");
  self->duration = 50;
  self->kind = KAB_SESSION_KIND_PSYCHOTHERAPY;
  self->status = KAB_SESSION_STATUS_PLANNED;
  self->note = g_strdup ("");
  self->client_name = g_strdup ("");
}

KabSession *
kab_session_new (void)
{
  return g_object_new (KAB_TYPE_SESSION, NULL);
}

/**
 * kab_session_copy:
 *
 * Returns: (transfer full): a new object with every property of @self, for an edit
 *   dialog that may be cancelled
 */
KabSession *
kab_session_copy (KabSession *self)
{
  KabSession *copy;

  g_return_val_if_fail (KAB_IS_SESSION (self), NULL);

  copy = g_object_new (KAB_TYPE_SESSION, NULL);
  /* A fresh object has no listeners: its defaults are freed and fields copied directly. */
  g_free (copy->tzid);
  g_free (copy->note);
  g_free (copy->client_name);
  copy->id = self->id;
  copy->client_id = self->client_id;
  copy->series_id = self->series_id;
  copy->start = self->start != NULL ? g_date_time_ref (self->start) : NULL;
  copy->tzid = g_strdup (self->tzid);
  copy->duration = self->duration;
  copy->kind = self->kind;
  copy->status = self->status;
  copy->fee = self->fee;
  copy->note = g_strdup (self->note);
  copy->uid = g_strdup (self->uid);
  copy->detached = self->detached;
  copy->client_name = g_strdup (self->client_name);
  copy->cancelled_at = self->cancelled_at != NULL ? g_date_time_ref (self->cancelled_at) : NULL;

  return copy;
}

/**
 * kab_session_dup_end:
 *
 * Returns: (transfer full) (nullable): when the session ends, %NULL without a start
 */
GDateTime *
kab_session_dup_end (KabSession *self)
{
  g_return_val_if_fail (KAB_IS_SESSION (self), NULL);

  if (self->start == NULL)
    return NULL;

  return g_date_time_add_minutes (self->start, self->duration);
}

/**
 * kab_session_validate:
 *
 * Returns: %TRUE when the session can be saved; else %FALSE with @error saying what
 *   to correct
 */
gboolean
kab_session_validate (KabSession  *self,
                      GError     **error)
{
  int year;

  g_return_val_if_fail (KAB_IS_SESSION (self), FALSE);

  if (!kab_model_check_client_id (self->client_id, error))
    return FALSE;

  if (self->start == NULL)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_TIME,
                           _("Choose when the session starts."));
      return FALSE;
    }

  year = g_date_time_get_year (self->start);
  if (year < 1970 || year > 2200)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_TIME,
                           _("Choose a session date between 1970 and 2200."));
      return FALSE;
    }

  if (!kab_model_check_duration (self->duration, error) ||
      !kab_model_check_fee (self->fee, error))
    return FALSE;

  return kab_model_check_enum (KAB_TYPE_SESSION_KIND, self->kind, _("Kind of session"), error) &&
         kab_model_check_enum (KAB_TYPE_SESSION_STATUS, self->status, _("Status"), error) &&
         kab_model_check_tzid (self->tzid, error) &&
         kab_model_check_long_text (self->note, _("Note"), error) &&
         kab_model_check_text (self->client_name, KAB_MODEL_MAX_ADDRESS_CHARS, _("Client"), error);
}

gint64
kab_session_get_id (KabSession *self)
{
  g_return_val_if_fail (KAB_IS_SESSION (self), 0);

  return self->id;
}

void
kab_session_set_id (KabSession *self,
                    gint64      id)
{
  g_return_if_fail (KAB_IS_SESSION (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
kab_session_get_client_id (KabSession *self)
{
  g_return_val_if_fail (KAB_IS_SESSION (self), 0);

  return self->client_id;
}

void
kab_session_set_client_id (KabSession *self,
                           gint64      client_id)
{
  g_return_if_fail (KAB_IS_SESSION (self));

  if (self->client_id == client_id)
    return;

  self->client_id = client_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ID]);
}

gint64
kab_session_get_series_id (KabSession *self)
{
  g_return_val_if_fail (KAB_IS_SESSION (self), 0);

  return self->series_id;
}

void
kab_session_set_series_id (KabSession *self,
                           gint64      series_id)
{
  g_return_if_fail (KAB_IS_SESSION (self));

  if (self->series_id == series_id)
    return;

  self->series_id = series_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIES_ID]);
}

GDateTime *
kab_session_get_start (KabSession *self)
{
  g_return_val_if_fail (KAB_IS_SESSION (self), NULL);

  return self->start;
}

void
kab_session_set_start (KabSession *self,
                       GDateTime  *start)
{
  g_return_if_fail (KAB_IS_SESSION (self));

  if (!kab_model_replace_date_time (&self->start, start))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

GDateTime *
kab_session_get_cancelled_at (KabSession *self)
{
  g_return_val_if_fail (KAB_IS_SESSION (self), NULL);

  return self->cancelled_at;
}

void
kab_session_set_cancelled_at (KabSession *self,
                              GDateTime  *cancelled_at)
{
  g_return_if_fail (KAB_IS_SESSION (self));

  if (!kab_model_replace_date_time (&self->cancelled_at, cancelled_at))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANCELLED_AT]);
}

const char *
kab_session_get_tzid (KabSession *self)
{
  g_return_val_if_fail (KAB_IS_SESSION (self), NULL);

  return self->tzid;
}

void
kab_session_set_tzid (KabSession   *self,
                      const char *tzid)
{
  g_return_if_fail (KAB_IS_SESSION (self));

  if (!kab_model_replace_string (&self->tzid, tzid))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TZID]);
}

int
kab_session_get_duration (KabSession *self)
{
  g_return_val_if_fail (KAB_IS_SESSION (self), 0);

  return self->duration;
}

void
kab_session_set_duration (KabSession *self,
                          int         duration)
{
  g_return_if_fail (KAB_IS_SESSION (self));

  if (self->duration == duration)
    return;

  self->duration = duration;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

KabSessionKind
kab_session_get_kind (KabSession *self)
{
  g_return_val_if_fail (KAB_IS_SESSION (self), 0);

  return self->kind;
}

void
kab_session_set_kind (KabSession     *self,
                      KabSessionKind  kind)
{
  g_return_if_fail (KAB_IS_SESSION (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

KabSessionStatus
kab_session_get_status (KabSession *self)
{
  g_return_val_if_fail (KAB_IS_SESSION (self), 0);

  return self->status;
}

void
kab_session_set_status (KabSession       *self,
                        KabSessionStatus  status)
{
  g_return_if_fail (KAB_IS_SESSION (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gint64
kab_session_get_fee (KabSession *self)
{
  g_return_val_if_fail (KAB_IS_SESSION (self), 0);

  return self->fee;
}

void
kab_session_set_fee (KabSession *self,
                     gint64      fee)
{
  g_return_if_fail (KAB_IS_SESSION (self));

  if (self->fee == fee)
    return;

  self->fee = fee;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEE]);
}

const char *
kab_session_get_uid (KabSession *self)
{
  g_return_val_if_fail (KAB_IS_SESSION (self), NULL);

  return self->uid;
}

void
kab_session_set_uid (KabSession *self,
                     const char *uid)
{
  g_return_if_fail (KAB_IS_SESSION (self));

  if (g_strcmp0 (self->uid, uid) == 0)
    return;

  g_free (self->uid);
  self->uid = g_strdup (uid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

const char *
kab_session_get_note (KabSession *self)
{
  g_return_val_if_fail (KAB_IS_SESSION (self), NULL);

  return self->note;
}

void
kab_session_set_note (KabSession   *self,
                      const char *note)
{
  g_return_if_fail (KAB_IS_SESSION (self));

  if (!kab_model_replace_string (&self->note, note))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

gboolean
kab_session_get_detached (KabSession *self)
{
  g_return_val_if_fail (KAB_IS_SESSION (self), FALSE);

  return self->detached;
}

void
kab_session_set_detached (KabSession *self,
                          gboolean    detached)
{
  g_return_if_fail (KAB_IS_SESSION (self));

  detached = !!detached;

  if (self->detached == detached)
    return;

  self->detached = detached;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETACHED]);
}

const char *
kab_session_get_client_name (KabSession *self)
{
  g_return_val_if_fail (KAB_IS_SESSION (self), NULL);

  return self->client_name;
}

void
kab_session_set_client_name (KabSession   *self,
                             const char *client_name)
{
  g_return_if_fail (KAB_IS_SESSION (self));

  if (!kab_model_replace_string (&self->client_name, client_name))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_NAME]);
}
