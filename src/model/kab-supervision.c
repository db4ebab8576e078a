/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-supervision.c: one meeting of the practitioner's own supervision, Balint group,
 * personal therapy or course, with the cases brought to it under a pseudonym */

#include <string.h>

#include <glib/gi18n.h>

#include "kab-model-private.h"
#include "kab-money.h"
#include "kab-supervision.h"

static const struct { const char *nick; const char *label; } kinds[KAB_SUPERVISION_N_KINDS] = {
  { "individual", N_("Individual supervision") },
  { "group",      N_("Group supervision") },
  { "balint",     N_("Balint group") },
  { "therapy",    N_("Personal therapy") },
  { "course",     N_("Course") },
};

const char *
kab_supervision_kind_to_label (KabSupervisionKind kind)
{
  g_return_val_if_fail (kind < KAB_SUPERVISION_N_KINDS, "");

  return _(kinds[kind].label);
}

const char *
kab_supervision_kind_to_nick (KabSupervisionKind kind)
{
  g_return_val_if_fail (kind < KAB_SUPERVISION_N_KINDS, "individual");

  return kinds[kind].nick;
}

gboolean
kab_supervision_kind_from_nick (const char         *nick,
                                KabSupervisionKind *out)
{
  for (guint i = 0; i < KAB_SUPERVISION_N_KINDS; i++)
    {
      if (g_strcmp0 (kinds[i].nick, nick) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

KabSupervisionCase *
kab_supervision_case_new (gint64      client_id,
                          const char *pseudonym)
{
  KabSupervisionCase *self = g_new0 (KabSupervisionCase, 1);

  self->client_id = client_id;
  self->pseudonym = g_strdup (pseudonym != NULL ? pseudonym : "");
  return self;
}

void
kab_supervision_case_free (KabSupervisionCase *self)
{
  if (self == NULL)
    return;

  g_free (self->pseudonym);
  g_free (self);
}

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

static gboolean
contains_name (const char *folded_pseudonym,
               const char *name)
{
  g_autofree char *folded = NULL;
  g_autofree char *trimmed = NULL;

  if (name == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strdup (name));
  /* A one-letter name is an initial, and initials are what a pseudonym may be. */
  if (g_utf8_strlen (trimmed, -1) < 2)
    return FALSE;

  folded = fold (trimmed);
  return strstr (folded_pseudonym, folded) != NULL;
}

/**
 * kab_supervision_check_pseudonym:
 *
 * The pseudonym rule: a case brought to supervision is shown and printed only by a code
 * or the initials the practitioner chose, never by the client's name. A pseudonym that is
 * blank, or that contains the client's given or family name, is refused.
 */
gboolean
kab_supervision_check_pseudonym (const char  *pseudonym,
                                 const char  *given_name,
                                 const char  *family_name,
                                 GError     **error)
{
  g_autofree char *folded = NULL;

  if (kab_model_text_is_blank (pseudonym))
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_MISSING_VALUE,
                           _("Give each case a code or the initials."));
      return FALSE;
    }

  /* No hidden character either: it could make a client's name pass for a code. */
  if (!kab_model_check_name (pseudonym, 40, _("Code"), error))
    return FALSE;

  folded = fold (pseudonym);
  if (contains_name (folded, given_name) || contains_name (folded, family_name))
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE,
                           _("A case’s code must not contain the client’s name: use a code or the initials."));
      return FALSE;
    }

  return TRUE;
}

struct _KabSupervision
{
  GObject             parent_instance;

  gint64              id;
  gint64              series_id;
  GDateTime          *start;
  int                 duration;
  KabSupervisionKind  kind;
  char               *leader;
  char               *group_name;
  char               *notes;
  gint64              expense;
  char               *currency;
  GPtrArray          *cases;
};

G_DEFINE_FINAL_TYPE (KabSupervision, kab_supervision, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SERIES_ID,
  PROP_START,
  PROP_DURATION,
  PROP_KIND,
  PROP_LEADER,
  PROP_GROUP_NAME,
  PROP_NOTES,
  PROP_EXPENSE,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kab_supervision_finalize (GObject *object)
{
  KabSupervision *self = KAB_SUPERVISION (object);

  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->leader, g_free);
  g_clear_pointer (&self->group_name, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->cases, g_ptr_array_unref);

  G_OBJECT_CLASS (kab_supervision_parent_class)->finalize (object);
}

static void
kab_supervision_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KabSupervision *self = KAB_SUPERVISION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_SERIES_ID:
      g_value_set_int64 (value, self->series_id);
      break;

    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;

    case PROP_DURATION:
      g_value_set_int (value, self->duration);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_LEADER:
      g_value_set_string (value, self->leader);
      break;

    case PROP_GROUP_NAME:
      g_value_set_string (value, self->group_name);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_EXPENSE:
      g_value_set_int64 (value, self->expense);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_supervision_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KabSupervision *self = KAB_SUPERVISION (object);

  switch (prop_id)
    {
    case PROP_ID:
      kab_supervision_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_SERIES_ID:
      kab_supervision_set_series_id (self, g_value_get_int64 (value));
      break;

    case PROP_START:
      kab_supervision_set_start (self, g_value_get_boxed (value));
      break;

    case PROP_DURATION:
      kab_supervision_set_duration (self, g_value_get_int (value));
      break;

    case PROP_KIND:
      kab_supervision_set_kind (self, g_value_get_int (value));
      break;

    case PROP_LEADER:
      kab_supervision_set_leader (self, g_value_get_string (value));
      break;

    case PROP_GROUP_NAME:
      kab_supervision_set_group_name (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      kab_supervision_set_notes (self, g_value_get_string (value));
      break;

    case PROP_EXPENSE:
      kab_supervision_set_expense (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      kab_supervision_set_currency (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
kab_supervision_class_init (KabSupervisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kab_supervision_finalize;
  object_class->get_property = kab_supervision_get_property;
  object_class->set_property = kab_supervision_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, RW_FLAGS);
  properties[PROP_SERIES_ID] =
    g_param_spec_int64 ("series-id", NULL, NULL, 0, G_MAXINT64, 0, RW_FLAGS);
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME, RW_FLAGS);
  properties[PROP_DURATION] =
    g_param_spec_int ("duration", NULL, NULL, 0, G_MAXINT, 90, RW_FLAGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, KAB_SUPERVISION_N_KINDS - 1, 0, RW_FLAGS);
  properties[PROP_LEADER] =
    g_param_spec_string ("leader", NULL, NULL, "", RW_FLAGS);
  properties[PROP_GROUP_NAME] =
    g_param_spec_string ("group-name", NULL, NULL, "", RW_FLAGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "", RW_FLAGS);
  properties[PROP_EXPENSE] =
    g_param_spec_int64 ("expense", NULL, NULL, 0, G_MAXINT64, 0, RW_FLAGS);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, "EUR", RW_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kab_supervision_init (KabSupervision *self)
{
  self->duration = 90;
  self->leader = g_strdup ("");
  self->group_name = g_strdup ("");
  self->notes = g_strdup ("");
  self->currency = g_strdup ("EUR");
  self->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) kab_supervision_case_free);
}

KabSupervision *
kab_supervision_new (void)
{
  return g_object_new (KAB_TYPE_SUPERVISION, NULL);
}

/**
 * kab_supervision_copy:
 *
 * Returns: (transfer full): a new object with every property and case of @self, for an
 *   edit dialog that may be cancelled
 */
KabSupervision *
kab_supervision_copy (KabSupervision *self)
{
  KabSupervision *copy;

  g_return_val_if_fail (KAB_IS_SUPERVISION (self), NULL);

  copy = kab_supervision_new ();
  copy->id = self->id;
  copy->series_id = self->series_id;
  copy->start = self->start != NULL ? g_date_time_ref (self->start) : NULL;
  copy->duration = self->duration;
  copy->kind = self->kind;
  kab_model_replace_string (&copy->leader, self->leader);
  kab_model_replace_string (&copy->group_name, self->group_name);
  kab_model_replace_string (&copy->notes, self->notes);
  copy->expense = self->expense;
  kab_model_replace_string (&copy->currency, self->currency);
  for (guint i = 0; i < self->cases->len; i++)
    {
      KabSupervisionCase *c = g_ptr_array_index (self->cases, i);

      kab_supervision_add_case (copy, c->client_id, c->pseudonym);
    }

  return copy;
}

/**
 * kab_supervision_validate:
 *
 * Checks what the meeting alone can tell; whether a pseudonym contains its client's name
 * is checked by the store, which knows the client.
 *
 * Returns: %TRUE when the meeting can be saved; else %FALSE with @error
 */
gboolean
kab_supervision_validate (KabSupervision  *self,
                          GError         **error)
{
  g_return_val_if_fail (KAB_IS_SUPERVISION (self), FALSE);

  if (self->start == NULL)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_TIME,
                           _("Enter the date and time of the meeting."));
      return FALSE;
    }

  if (self->duration < KAB_MODEL_MIN_DURATION || self->duration > 24 * 60)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DURATION,
                           _("A meeting lasts between 5 minutes and 24 hours."));
      return FALSE;
    }

  if (self->expense < 0 || (self->expense > 0 && !kab_currency_is_valid (self->currency)))
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT,
                           _("The fee for the meeting is not a valid amount."));
      return FALSE;
    }

  for (guint i = 0; i < self->cases->len; i++)
    {
      KabSupervisionCase *c = g_ptr_array_index (self->cases, i);

      if (!kab_model_check_client_id (c->client_id, error) ||
          !kab_supervision_check_pseudonym (c->pseudonym, NULL, NULL, error))
        return FALSE;
    }

  return kab_model_check_name (self->leader, 200, _("Supervisor or leader"), error) &&
         kab_model_check_name (self->group_name, 200, _("Group"), error) &&
         kab_model_check_long_text (self->notes, _("Notes"), error);
}

#define GETTER(type, name, fallback) \
  type \
  kab_supervision_get_##name (KabSupervision *self) \
  { \
    g_return_val_if_fail (KAB_IS_SUPERVISION (self), fallback); \
    return self->name; \
  }

#define SETTER_SCALAR(type, name, PROP) \
  void \
  kab_supervision_set_##name (KabSupervision *self, \
                              type            value) \
  { \
    g_return_if_fail (KAB_IS_SUPERVISION (self)); \
    if (self->name == value) \
      return; \
    self->name = value; \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

#define SETTER_STRING(name, PROP) \
  void \
  kab_supervision_set_##name (KabSupervision *self, \
                              const char     *value) \
  { \
    g_return_if_fail (KAB_IS_SUPERVISION (self)); \
    if (kab_model_replace_string (&self->name, value)) \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

GETTER (gint64, id, 0)
SETTER_SCALAR (gint64, id, PROP_ID)
GETTER (gint64, series_id, 0)
SETTER_SCALAR (gint64, series_id, PROP_SERIES_ID)
GETTER (GDateTime *, start, NULL)
GETTER (int, duration, 0)
SETTER_SCALAR (int, duration, PROP_DURATION)
GETTER (KabSupervisionKind, kind, 0)
SETTER_SCALAR (KabSupervisionKind, kind, PROP_KIND)
GETTER (const char *, leader, "")
SETTER_STRING (leader, PROP_LEADER)
GETTER (const char *, group_name, "")
SETTER_STRING (group_name, PROP_GROUP_NAME)
GETTER (const char *, notes, "")
SETTER_STRING (notes, PROP_NOTES)
GETTER (gint64, expense, 0)
SETTER_SCALAR (gint64, expense, PROP_EXPENSE)
GETTER (const char *, currency, "")
SETTER_STRING (currency, PROP_CURRENCY)
GETTER (GPtrArray *, cases, NULL)

void
kab_supervision_set_start (KabSupervision *self,
                           GDateTime      *start)
{
  g_return_if_fail (KAB_IS_SUPERVISION (self));

  if (kab_model_replace_date_time (&self->start, start))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

void
kab_supervision_add_case (KabSupervision *self,
                          gint64          client_id,
                          const char     *pseudonym)
{
  g_return_if_fail (KAB_IS_SUPERVISION (self));

  g_ptr_array_add (self->cases, kab_supervision_case_new (client_id, pseudonym));
}

void
kab_supervision_clear_cases (KabSupervision *self)
{
  g_return_if_fail (KAB_IS_SUPERVISION (self));

  g_ptr_array_set_size (self->cases, 0);
}

/**
 * kab_supervision_dup_cases_text:
 *
 * Returns: (transfer full): the pseudonyms of the cases brought, "A. K., B-7", or ""
 */
char *
kab_supervision_dup_cases_text (KabSupervision *self)
{
  g_autoptr(GString) text = g_string_new ("");

  g_return_val_if_fail (KAB_IS_SUPERVISION (self), NULL);

  for (guint i = 0; i < self->cases->len; i++)
    {
      KabSupervisionCase *c = g_ptr_array_index (self->cases, i);

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, c->pseudonym);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
