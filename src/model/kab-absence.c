/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-absence.c: a vacation or closed days of the practice: a range of whole days with a note */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-absence.h"
#include "kab-model-error.h"
#include "kab-model-private.h"

struct _KabAbsence
{
  GObject    parent_instance;

  gint64     id;
  GDateTime *first_day;  /* local midnight of the first day off */
  GDateTime *last_day;   /* local midnight of the last day off (inclusive) */
  char      *note;
};

G_DEFINE_FINAL_TYPE (KabAbsence, kab_absence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FIRST_DAY,
  PROP_LAST_DAY,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Keeps only the calendar day of @time, at local midnight. */
static GDateTime *
local_day (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return NULL;

  local = g_date_time_to_local (time);
  return g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                g_date_time_get_day_of_month (local), 0, 0, 0);
}

static gboolean
replace_day (GDateTime **field,
             GDateTime  *value)
{
  g_autoptr(GDateTime) day = local_day (value);

  if (*field == day || (*field != NULL && day != NULL && g_date_time_equal (*field, day)))
    return FALSE;

  g_clear_pointer (field, g_date_time_unref);
  *field = g_steal_pointer (&day);
  return TRUE;
}

static void
kab_absence_finalize (GObject *object)
{
  KabAbsence *self = KAB_ABSENCE (object);

  g_clear_pointer (&self->first_day, g_date_time_unref);
  g_clear_pointer (&self->last_day, g_date_time_unref);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (kab_absence_parent_class)->finalize (object);
}

static void
kab_absence_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KabAbsence *self = KAB_ABSENCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_FIRST_DAY:
      g_value_set_boxed (value, self->first_day);
      break;
    case PROP_LAST_DAY:
      g_value_set_boxed (value, self->last_day);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_absence_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KabAbsence *self = KAB_ABSENCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      kab_absence_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_FIRST_DAY:
      kab_absence_set_first_day (self, g_value_get_boxed (value));
      break;
    case PROP_LAST_DAY:
      kab_absence_set_last_day (self, g_value_get_boxed (value));
      break;
    case PROP_NOTE:
      kab_absence_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_absence_class_init (KabAbsenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kab_absence_finalize;
  object_class->get_property = kab_absence_get_property;
  object_class->set_property = kab_absence_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIRST_DAY] =
    g_param_spec_boxed ("first-day", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_DAY] =
    g_param_spec_boxed ("last-day", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kab_absence_init (KabAbsence *self)
{
  self->note = g_strdup ("");
}

KabAbsence *
kab_absence_new (void)
{
  return g_object_new (KAB_TYPE_ABSENCE, NULL);
}

/**
 * kab_absence_copy:
 *
 * Returns: (transfer full): a new absence with the same fields, to edit and validate
 *   before the store copies them back
 */
KabAbsence *
kab_absence_copy (KabAbsence *self)
{
  g_return_val_if_fail (KAB_IS_ABSENCE (self), NULL);

  return g_object_new (KAB_TYPE_ABSENCE,
                       "id", self->id,
                       "first-day", self->first_day,
                       "last-day", self->last_day,
                       "note", self->note,
                       NULL);
}

/**
 * kab_absence_validate:
 *
 * Both days are set, the last is not before the first, the range is at most a year,
 * and the note is readable and short.
 */
gboolean
kab_absence_validate (KabAbsence  *self,
                      GError     **error)
{
  g_return_val_if_fail (KAB_IS_ABSENCE (self), FALSE);

  if (self->first_day == NULL || self->last_day == NULL)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE,
                           _("Choose the first and the last day of the absence."));
      return FALSE;
    }

  if (kab_model_compare_dates (self->last_day, self->first_day) < 0)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE,
                           _("The last day of the absence is before its first day."));
      return FALSE;
    }

  if (kab_absence_get_n_days (self) > KAB_ABSENCE_MAX_DAYS)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE,
                           _("An absence can be at most a year long. Check the dates."));
      return FALSE;
    }

  return kab_model_check_text (self->note, KAB_ABSENCE_MAX_NOTE_CHARS,
                               C_("absence field", "The note"), error);
}

gint64
kab_absence_get_id (KabAbsence *self)
{
  g_return_val_if_fail (KAB_IS_ABSENCE (self), 0);
  return self->id;
}

void
kab_absence_set_id (KabAbsence *self,
                    gint64      id)
{
  g_return_if_fail (KAB_IS_ABSENCE (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

GDateTime *
kab_absence_get_first_day (KabAbsence *self)
{
  g_return_val_if_fail (KAB_IS_ABSENCE (self), NULL);
  return self->first_day;
}

void
kab_absence_set_first_day (KabAbsence *self,
                           GDateTime  *day)
{
  g_return_if_fail (KAB_IS_ABSENCE (self));

  if (replace_day (&self->first_day, day))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_DAY]);
}

GDateTime *
kab_absence_get_last_day (KabAbsence *self)
{
  g_return_val_if_fail (KAB_IS_ABSENCE (self), NULL);
  return self->last_day;
}

void
kab_absence_set_last_day (KabAbsence *self,
                          GDateTime  *day)
{
  g_return_if_fail (KAB_IS_ABSENCE (self));

  if (replace_day (&self->last_day, day))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_DAY]);
}

const char *
kab_absence_get_note (KabAbsence *self)
{
  g_return_val_if_fail (KAB_IS_ABSENCE (self), NULL);
  return self->note;
}

void
kab_absence_set_note (KabAbsence *self,
                      const char *note)
{
  g_return_if_fail (KAB_IS_ABSENCE (self));

  if (kab_model_replace_string (&self->note, note != NULL ? note : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * kab_absence_contains:
 * @time: any moment
 *
 * Returns: whether the local day of @time is one of the absence's days
 */
gboolean
kab_absence_contains (KabAbsence *self,
                      GDateTime  *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (KAB_IS_ABSENCE (self), FALSE);

  if (time == NULL || self->first_day == NULL || self->last_day == NULL)
    return FALSE;

  local = g_date_time_to_local (time);
  return kab_model_compare_dates (local, self->first_day) >= 0 &&
         kab_model_compare_dates (local, self->last_day) <= 0;
}

/* Days from the first to the last, both counted; 0 while a day is missing. */
guint
kab_absence_get_n_days (KabAbsence *self)
{
  g_autoptr(GDate) first = NULL;
  g_autoptr(GDate) last = NULL;

  g_return_val_if_fail (KAB_IS_ABSENCE (self), 0);

  if (self->first_day == NULL || self->last_day == NULL)
    return 0;

  first = g_date_new_dmy (g_date_time_get_day_of_month (self->first_day),
                          g_date_time_get_month (self->first_day),
                          g_date_time_get_year (self->first_day));
  last = g_date_new_dmy (g_date_time_get_day_of_month (self->last_day),
                         g_date_time_get_month (self->last_day),
                         g_date_time_get_year (self->last_day));
  return MAX (0, g_date_days_between (first, last) + 1);
}
