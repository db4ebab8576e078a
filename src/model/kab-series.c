/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-series.c: a recurring appointment and its expansion into single sessions */

#include <glib/gi18n.h>

#include "kab-enum-types.h"
#include "kab-model-private.h"
#include "kab-series.h"

struct _KabSeries
{
  GObject         parent_instance;

  gint64          id;
  gint64          client_id;
  GDateTime      *first_date;
  GDateTime      *until_date;
  int             start_minute;
  int             duration;
  int             interval_weeks;
  int             max_count;
  char           *tzid;
  KabSessionKind  kind;
  gint64          fee;
};

G_DEFINE_FINAL_TYPE (KabSeries, kab_series, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CLIENT_ID,
  PROP_FIRST_DATE,
  PROP_UNTIL_DATE,
  PROP_START_MINUTE,
  PROP_DURATION,
  PROP_INTERVAL_WEEKS,
  PROP_MAX_COUNT,
  PROP_TZID,
  PROP_KIND,
  PROP_FEE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kab_series_finalize (GObject *object)
{
  KabSeries *self = KAB_SERIES (object);

  g_clear_pointer (&self->first_date, g_date_time_unref);
  g_clear_pointer (&self->until_date, g_date_time_unref);
  g_clear_pointer (&self->tzid, g_free);

  G_OBJECT_CLASS (kab_series_parent_class)->finalize (object);
}

static void
kab_series_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KabSeries *self = KAB_SERIES (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CLIENT_ID:
      g_value_set_int64 (value, self->client_id);
      break;

    case PROP_FIRST_DATE:
      g_value_set_boxed (value, self->first_date);
      break;

    case PROP_UNTIL_DATE:
      g_value_set_boxed (value, self->until_date);
      break;

    case PROP_START_MINUTE:
      g_value_set_int (value, self->start_minute);
      break;

    case PROP_DURATION:
      g_value_set_int (value, self->duration);
      break;

    case PROP_INTERVAL_WEEKS:
      g_value_set_int (value, self->interval_weeks);
      break;

    case PROP_MAX_COUNT:
      g_value_set_int (value, self->max_count);
      break;

    case PROP_TZID:
      g_value_set_string (value, self->tzid);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_FEE:
      g_value_set_int64 (value, self->fee);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_series_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KabSeries *self = KAB_SERIES (object);

  switch (prop_id)
    {
    case PROP_ID:
      kab_series_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CLIENT_ID:
      kab_series_set_client_id (self, g_value_get_int64 (value));
      break;

    case PROP_FIRST_DATE:
      kab_series_set_first_date (self, g_value_get_boxed (value));
      break;

    case PROP_UNTIL_DATE:
      kab_series_set_until_date (self, g_value_get_boxed (value));
      break;

    case PROP_START_MINUTE:
      kab_series_set_start_minute (self, g_value_get_int (value));
      break;

    case PROP_DURATION:
      kab_series_set_duration (self, g_value_get_int (value));
      break;

    case PROP_INTERVAL_WEEKS:
      kab_series_set_interval_weeks (self, g_value_get_int (value));
      break;

    case PROP_MAX_COUNT:
      kab_series_set_max_count (self, g_value_get_int (value));
      break;

    case PROP_TZID:
      kab_series_set_tzid (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      kab_series_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_FEE:
      kab_series_set_fee (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_series_class_init (KabSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kab_series_finalize;
  object_class->get_property = kab_series_get_property;
  object_class->set_property = kab_series_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CLIENT_ID] =
    g_param_spec_int64 ("client-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FIRST_DATE] =
    g_param_spec_boxed ("first-date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UNTIL_DATE] =
    g_param_spec_boxed ("until-date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_START_MINUTE] =
    g_param_spec_int ("start-minute", NULL, NULL,
                      G_MININT, G_MAXINT, 600,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DURATION] =
    g_param_spec_int ("duration", NULL, NULL,
                      G_MININT, G_MAXINT, 50,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_INTERVAL_WEEKS] =
    g_param_spec_int ("interval-weeks", NULL, NULL,
                      G_MININT, G_MAXINT, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The series ends after this many sessions (0: no limit but until-date). */
  properties[PROP_MAX_COUNT] =
    g_param_spec_int ("max-count", NULL, NULL,
                      0, 1000, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TZID] =
    g_param_spec_string ("tzid", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       KAB_TYPE_SESSION_KIND, KAB_SESSION_KIND_PSYCHOTHERAPY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FEE] =
    g_param_spec_int64 ("fee", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kab_series_init (KabSeries *self)
{
  self->start_minute = 600;
  self->duration = 50;
  self->interval_weeks = 1;
  self->tzid = g_strdup ("");
  self->kind = KAB_SESSION_KIND_PSYCHOTHERAPY;
}

KabSeries *
kab_series_new (void)
{
  return g_object_new (KAB_TYPE_SERIES, NULL);
}

/**
 * kab_series_copy:
 *
 * Returns: (transfer full): a new object with every property of @self, for an edit
 *   dialog that may be cancelled
 */
KabSeries *
kab_series_copy (KabSeries *self)
{
  KabSeries *copy;

  g_return_val_if_fail (KAB_IS_SERIES (self), NULL);

  copy = g_object_new (KAB_TYPE_SERIES, NULL);
  /* A fresh object has no listeners: its defaults are freed and fields copied directly. */
  g_free (copy->tzid);
  copy->id = self->id;
  copy->client_id = self->client_id;
  copy->first_date = self->first_date != NULL ? g_date_time_ref (self->first_date) : NULL;
  copy->until_date = self->until_date != NULL ? g_date_time_ref (self->until_date) : NULL;
  copy->start_minute = self->start_minute;
  copy->duration = self->duration;
  copy->interval_weeks = self->interval_weeks;
  copy->max_count = self->max_count;
  copy->tzid = g_strdup (self->tzid);
  copy->kind = self->kind;
  copy->fee = self->fee;

  return copy;
}

static GTimeZone *
dup_time_zone (KabSeries *self)
{
  if (*self->tzid == '\0')
    return g_time_zone_new_local ();

  return g_time_zone_new_identifier (self->tzid);
}

static GDate *
dup_date (GDateTime *date_time)
{
  int year, month, day;

  g_date_time_get_ymd (date_time, &year, &month, &day);
  return g_date_new_dmy (day, month, year);
}

/* The first occurrence index worth computing: the one on or just before @from's date. */
static guint64
first_index (GDate     *first,
             GDateTime *from,
             GTimeZone *tz,
             guint      step_days)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (from, tz);
  g_autoptr(GDate) from_date = local != NULL ? dup_date (local) : NULL;
  gint64 days;

  if (from_date == NULL)
    return 0;

  /* One day of slack: an occurrence late in the evening of the day before may still
   * start after @from in another zone. */
  days = (gint64)g_date_get_julian (from_date) - (gint64)g_date_get_julian (first) - 1;
  return days > 0 ? (guint64)days / step_days : 0;
}

/**
 * kab_series_expand:
 * @from: start of the range, inclusive
 * @to: end of the range, exclusive
 *
 * Computes the occurrences of the series that start in [@from, @to). Each one is
 * built from its calendar date and the start minute in the series' zone, so a 10:00
 * session stays at 10:00 local time when daylight saving time begins or ends. The
 * dates of first-date and until-date are read in the zone they carry.
 *
 * Returns: (transfer full) (element-type GDateTime): the starts, in UTC, in order;
 *   empty when the series is incomplete or its zone is unknown
 */
GPtrArray *
kab_series_expand (KabSeries *self,
                   GDateTime *from,
                   GDateTime *to)
{
  g_autoptr(GPtrArray) starts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDate) first = NULL;
  g_autoptr(GDate) until = NULL;
  guint step_days;
  int hour, minute;

  g_return_val_if_fail (KAB_IS_SERIES (self), NULL);
  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);

  if (self->first_date == NULL ||
      self->interval_weeks < 1 || self->interval_weeks > 8 ||
      self->start_minute < 0 || self->start_minute > 1439)
    return g_steal_pointer (&starts);

  tz = dup_time_zone (self);
  if (tz == NULL)
    return g_steal_pointer (&starts);

  first = dup_date (self->first_date);
  if (self->until_date != NULL)
    until = dup_date (self->until_date);
  step_days = 7 * (guint)self->interval_weeks;
  hour = self->start_minute / 60;
  minute = self->start_minute % 60;

  for (guint64 i = first_index (first, from, tz, step_days); ; i++)
    {
      g_autoptr(GDate) date = g_date_copy (first);
      g_autoptr(GDateTime) local = NULL;
      guint64 offset = i * step_days;

      /* GDate ends in the year 65535; GDateTime in 9999. */
      if (offset > G_MAXUINT - g_date_get_julian (first))
        break;
      g_date_add_days (date, (guint)offset);

      if (until != NULL && g_date_compare (date, until) > 0)
        break;

      if (self->max_count > 0 && i >= (guint64)self->max_count)
        break;

      local = g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date),
                               g_date_get_day (date), hour, minute, 0);
      if (local == NULL)
        break;

      if (g_date_time_compare (local, to) >= 0)
        break;

      if (g_date_time_compare (local, from) >= 0)
        g_ptr_array_add (starts, g_date_time_to_utc (local));
    }

  return g_steal_pointer (&starts);
}

/**
 * kab_series_validate:
 *
 * Returns: %TRUE when the series can be saved; else %FALSE with @error saying what
 *   to correct
 */
gboolean
kab_series_validate (KabSeries  *self,
                     GError    **error)
{
  g_return_val_if_fail (KAB_IS_SERIES (self), FALSE);

  if (!kab_model_check_client_id (self->client_id, error))
    return FALSE;

  if (self->first_date == NULL)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE,
                           _("Choose the date of the first session."));
      return FALSE;
    }

  if (self->until_date != NULL && kab_model_compare_dates (self->until_date, self->first_date) < 0)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE,
                           _("The series cannot end before its first session."));
      return FALSE;
    }

  if (self->start_minute < 0 || self->start_minute > 1439)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_TIME,
                           _("Choose a start time between 0:00 and 23:59."));
      return FALSE;
    }

  if (!kab_model_check_duration (self->duration, error))
    return FALSE;

  if (self->interval_weeks < 1 || self->interval_weeks > 8)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE,
                           _("Sessions can repeat every 1 to 8 weeks."));
      return FALSE;
    }

  return kab_model_check_fee (self->fee, error) &&
         kab_model_check_enum (KAB_TYPE_SESSION_KIND, self->kind, _("Kind of session"), error) &&
         kab_model_check_tzid (self->tzid, error);
}

gint64
kab_series_get_id (KabSeries *self)
{
  g_return_val_if_fail (KAB_IS_SERIES (self), 0);

  return self->id;
}

void
kab_series_set_id (KabSeries *self,
                   gint64     id)
{
  g_return_if_fail (KAB_IS_SERIES (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
kab_series_get_client_id (KabSeries *self)
{
  g_return_val_if_fail (KAB_IS_SERIES (self), 0);

  return self->client_id;
}

void
kab_series_set_client_id (KabSeries *self,
                          gint64     client_id)
{
  g_return_if_fail (KAB_IS_SERIES (self));

  if (self->client_id == client_id)
    return;

  self->client_id = client_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ID]);
}

GDateTime *
kab_series_get_first_date (KabSeries *self)
{
  g_return_val_if_fail (KAB_IS_SERIES (self), NULL);

  return self->first_date;
}

void
kab_series_set_first_date (KabSeries *self,
                           GDateTime *first_date)
{
  g_return_if_fail (KAB_IS_SERIES (self));

  if (!kab_model_replace_date_time (&self->first_date, first_date))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_DATE]);
}

GDateTime *
kab_series_get_until_date (KabSeries *self)
{
  g_return_val_if_fail (KAB_IS_SERIES (self), NULL);

  return self->until_date;
}

void
kab_series_set_until_date (KabSeries *self,
                           GDateTime *until_date)
{
  g_return_if_fail (KAB_IS_SERIES (self));

  if (!kab_model_replace_date_time (&self->until_date, until_date))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNTIL_DATE]);
}

int
kab_series_get_start_minute (KabSeries *self)
{
  g_return_val_if_fail (KAB_IS_SERIES (self), 0);

  return self->start_minute;
}

void
kab_series_set_start_minute (KabSeries *self,
                             int        start_minute)
{
  g_return_if_fail (KAB_IS_SERIES (self));

  if (self->start_minute == start_minute)
    return;

  self->start_minute = start_minute;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_MINUTE]);
}

int
kab_series_get_duration (KabSeries *self)
{
  g_return_val_if_fail (KAB_IS_SERIES (self), 0);

  return self->duration;
}

void
kab_series_set_duration (KabSeries *self,
                         int        duration)
{
  g_return_if_fail (KAB_IS_SERIES (self));

  if (self->duration == duration)
    return;

  self->duration = duration;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

int
kab_series_get_max_count (KabSeries *self)
{
  g_return_val_if_fail (KAB_IS_SERIES (self), 0);

  return self->max_count;
}

void
kab_series_set_max_count (KabSeries *self,
                          int        max_count)
{
  g_return_if_fail (KAB_IS_SERIES (self));

  if (self->max_count == max_count)
    return;

  self->max_count = max_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_COUNT]);
}

int
kab_series_get_interval_weeks (KabSeries *self)
{
  g_return_val_if_fail (KAB_IS_SERIES (self), 0);

  return self->interval_weeks;
}

void
kab_series_set_interval_weeks (KabSeries *self,
                               int        interval_weeks)
{
  g_return_if_fail (KAB_IS_SERIES (self));

  if (self->interval_weeks == interval_weeks)
    return;

  self->interval_weeks = interval_weeks;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL_WEEKS]);
}

const char *
kab_series_get_tzid (KabSeries *self)
{
  g_return_val_if_fail (KAB_IS_SERIES (self), NULL);

  return self->tzid;
}

void
kab_series_set_tzid (KabSeries   *self,
                     const char *tzid)
{
  g_return_if_fail (KAB_IS_SERIES (self));

  if (!kab_model_replace_string (&self->tzid, tzid))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TZID]);
}

KabSessionKind
kab_series_get_kind (KabSeries *self)
{
  g_return_val_if_fail (KAB_IS_SERIES (self), 0);

  return self->kind;
}

void
kab_series_set_kind (KabSeries      *self,
                     KabSessionKind  kind)
{
  g_return_if_fail (KAB_IS_SERIES (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gint64
kab_series_get_fee (KabSeries *self)
{
  g_return_val_if_fail (KAB_IS_SERIES (self), 0);

  return self->fee;
}

void
kab_series_set_fee (KabSeries *self,
                    gint64     fee)
{
  g_return_if_fail (KAB_IS_SERIES (self));

  if (self->fee == fee)
    return;

  self->fee = fee;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEE]);
}
