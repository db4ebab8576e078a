/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-entry.c: one note of a client's clinical record, its kinds and signing */

#include <glib/gi18n.h>

#include "kab-journal-entry.h"
#include "kab-model-private.h"

struct _KabJournalEntry
{
  GObject         parent_instance;

  gint64          id;
  gint64          client_id;
  gint64          session_id;
  KabJournalKind  kind;
  GDateTime      *occurred;
  char           *text;
  GDateTime      *updated;
  GDateTime      *signed_at;
  char           *signed_by;
  gboolean        imported;
  GDateTime      *deleted_at;
  char           *deletion_reason;
  guint           n_corrections;
};

G_DEFINE_FINAL_TYPE (KabJournalEntry, kab_journal_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CLIENT_ID,
  PROP_SESSION_ID,
  PROP_KIND,
  PROP_OCCURRED,
  PROP_TEXT,
  PROP_UPDATED,
  PROP_SIGNED_AT,
  PROP_SIGNED_BY,
  PROP_IMPORTED,
  PROP_DELETED_AT,
  PROP_DELETION_REASON,
  PROP_N_CORRECTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Kinds and actions */

static const char * const kind_nicks[] = {
  [KAB_JOURNAL_KIND_SESSION] = "session",
  [KAB_JOURNAL_KIND_PHONE] = "phone",
  [KAB_JOURNAL_KIND_MESSAGE] = "letter-message",
  [KAB_JOURNAL_KIND_CONSULTATION] = "consultation",
  [KAB_JOURNAL_KIND_NOTE] = "note",
};

static const char * const kind_labels[] = {
  /* Translators: kind of a journal entry. */
  [KAB_JOURNAL_KIND_SESSION] = NC_("journal kind", "Session"),
  [KAB_JOURNAL_KIND_PHONE] = NC_("journal kind", "Phone call"),
  [KAB_JOURNAL_KIND_MESSAGE] = NC_("journal kind", "Letter or message"),
  [KAB_JOURNAL_KIND_CONSULTATION] = NC_("journal kind", "Consultation with a clinician"),
  [KAB_JOURNAL_KIND_NOTE] = NC_("journal kind", "Note without contact"),
};

static const char * const action_nicks[] = {
  [KAB_JOURNAL_ACTION_OPENED] = "opened",
  [KAB_JOURNAL_ACTION_PRINTED] = "printed",
  [KAB_JOURNAL_ACTION_EXPORTED] = "exported",
  [KAB_JOURNAL_ACTION_SIGNED] = "signed",
  [KAB_JOURNAL_ACTION_CORRECTED] = "corrected",
  [KAB_JOURNAL_ACTION_DELETED] = "deleted",
  [KAB_JOURNAL_ACTION_OBJECTION] = "objection",
  [KAB_JOURNAL_ACTION_SEARCHED] = "searched",
};

static const char * const action_labels[] = {
  /* Translators: what the journal's access log records. */
  [KAB_JOURNAL_ACTION_OPENED] = NC_("journal access", "Opened"),
  [KAB_JOURNAL_ACTION_PRINTED] = NC_("journal access", "Printed"),
  [KAB_JOURNAL_ACTION_EXPORTED] = NC_("journal access", "Exported"),
  [KAB_JOURNAL_ACTION_SIGNED] = NC_("journal access", "Signed"),
  [KAB_JOURNAL_ACTION_CORRECTED] = NC_("journal access", "Corrected"),
  [KAB_JOURNAL_ACTION_DELETED] = NC_("journal access", "Deleted"),
  [KAB_JOURNAL_ACTION_OBJECTION] = NC_("journal access", "Objection recorded"),
  [KAB_JOURNAL_ACTION_SEARCHED] = NC_("journal access", "Shown in a search result"),
};

const char *
kab_journal_kind_to_label (KabJournalKind kind)
{
  g_return_val_if_fail (kind < KAB_JOURNAL_N_KINDS, "");

  return g_dpgettext2 (NULL, "journal kind", kind_labels[kind]);
}

const char *
kab_journal_kind_to_nick (KabJournalKind kind)
{
  g_return_val_if_fail (kind < KAB_JOURNAL_N_KINDS, "");

  return kind_nicks[kind];
}

gboolean
kab_journal_kind_from_nick (const char     *nick,
                            KabJournalKind *out)
{
  for (guint i = 0; nick != NULL && i < KAB_JOURNAL_N_KINDS; i++)
    {
      if (g_str_equal (nick, kind_nicks[i]))
        {
          if (out != NULL)
            *out = (KabJournalKind)i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
kab_journal_action_to_label (KabJournalAction action)
{
  g_return_val_if_fail (action < KAB_JOURNAL_N_ACTIONS, "");

  return g_dpgettext2 (NULL, "journal access", action_labels[action]);
}

const char *
kab_journal_action_to_nick (KabJournalAction action)
{
  g_return_val_if_fail (action < KAB_JOURNAL_N_ACTIONS, "");

  return action_nicks[action];
}

gboolean
kab_journal_action_from_nick (const char       *nick,
                              KabJournalAction *out)
{
  for (guint i = 0; nick != NULL && i < KAB_JOURNAL_N_ACTIONS; i++)
    {
      if (g_str_equal (nick, action_nicks[i]))
        {
          if (out != NULL)
            *out = (KabJournalAction)i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The headings practitioners use in each country's records; not translated through
 * gettext because they follow the language of the record, not of the interface. */
char *
kab_journal_default_template (const char *language)
{
  static const struct { const char *language; const char *headings[5]; } templates[] = {
    { "sv", { "Kontaktorsak", "Aktuellt", "Bedömning", "Åtgärd", "Planering" } },
    { "nb", { "Bakgrunn for kontakt", "Aktuelt", "Vurdering", "Tiltak", "Plan" } },
    { "ru", { "Запрос", "Содержание встречи", "Наблюдения", "Гипотезы", "План" } },
    { "en", { "Presenting issue", "Session content", "Assessment", "Intervention", "Plan" } },
  };
  guint chosen = G_N_ELEMENTS (templates) - 1;
  GString *text = g_string_new (NULL);

  for (guint i = 0; language != NULL && i < G_N_ELEMENTS (templates); i++)
    {
      if (g_str_equal (language, templates[i].language))
        chosen = i;
    }

  for (guint i = 0; i < G_N_ELEMENTS (templates[chosen].headings); i++)
    g_string_append_printf (text, "%s%s:\n", i > 0 ? "\n" : "", templates[chosen].headings[i]);

  return g_string_free (text, FALSE);
}

void
kab_journal_correction_free (KabJournalCorrection *correction)
{
  if (correction == NULL)
    return;

  g_clear_pointer (&correction->made_at, g_date_time_unref);
  g_free (correction->made_by);
  g_free (correction->reason);
  g_free (correction->text);
  g_free (correction);
}

/* The entry */

static void
kab_journal_entry_finalize (GObject *object)
{
  KabJournalEntry *self = KAB_JOURNAL_ENTRY (object);

  g_clear_pointer (&self->occurred, g_date_time_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->signed_at, g_date_time_unref);
  g_clear_pointer (&self->signed_by, g_free);
  g_clear_pointer (&self->deleted_at, g_date_time_unref);
  g_clear_pointer (&self->deletion_reason, g_free);

  G_OBJECT_CLASS (kab_journal_entry_parent_class)->finalize (object);
}

static void
kab_journal_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KabJournalEntry *self = KAB_JOURNAL_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CLIENT_ID:
      g_value_set_int64 (value, self->client_id);
      break;

    case PROP_SESSION_ID:
      g_value_set_int64 (value, self->session_id);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_OCCURRED:
      g_value_set_boxed (value, self->occurred);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_UPDATED:
      g_value_set_boxed (value, self->updated);
      break;

    case PROP_SIGNED_AT:
      g_value_set_boxed (value, self->signed_at);
      break;

    case PROP_SIGNED_BY:
      g_value_set_string (value, self->signed_by);
      break;

    case PROP_IMPORTED:
      g_value_set_boolean (value, self->imported);
      break;

    case PROP_DELETED_AT:
      g_value_set_boxed (value, self->deleted_at);
      break;

    case PROP_DELETION_REASON:
      g_value_set_string (value, self->deletion_reason);
      break;

    case PROP_N_CORRECTIONS:
      g_value_set_uint (value, self->n_corrections);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_journal_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KabJournalEntry *self = KAB_JOURNAL_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      kab_journal_entry_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CLIENT_ID:
      kab_journal_entry_set_client_id (self, g_value_get_int64 (value));
      break;

    case PROP_SESSION_ID:
      kab_journal_entry_set_session_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      kab_journal_entry_set_kind (self, g_value_get_int (value));
      break;

    case PROP_OCCURRED:
      kab_journal_entry_set_occurred (self, g_value_get_boxed (value));
      break;

    case PROP_TEXT:
      kab_journal_entry_set_text (self, g_value_get_string (value));
      break;

    case PROP_UPDATED:
      kab_journal_entry_set_updated (self, g_value_get_boxed (value));
      break;

    case PROP_SIGNED_AT:
      kab_journal_entry_set_signed_at (self, g_value_get_boxed (value));
      break;

    case PROP_SIGNED_BY:
      kab_journal_entry_set_signed_by (self, g_value_get_string (value));
      break;

    case PROP_IMPORTED:
      kab_journal_entry_set_imported (self, g_value_get_boolean (value));
      break;

    case PROP_DELETED_AT:
      kab_journal_entry_set_deleted_at (self, g_value_get_boxed (value));
      break;

    case PROP_DELETION_REASON:
      kab_journal_entry_set_deletion_reason (self, g_value_get_string (value));
      break;

    case PROP_N_CORRECTIONS:
      kab_journal_entry_set_n_corrections (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
kab_journal_entry_class_init (KabJournalEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kab_journal_entry_finalize;
  object_class->get_property = kab_journal_entry_get_property;
  object_class->set_property = kab_journal_entry_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, RW_FLAGS);
  properties[PROP_CLIENT_ID] =
    g_param_spec_int64 ("client-id", NULL, NULL, 0, G_MAXINT64, 0, RW_FLAGS);
  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL, 0, G_MAXINT64, 0, RW_FLAGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, KAB_JOURNAL_N_KINDS - 1,
                      KAB_JOURNAL_KIND_SESSION, RW_FLAGS);
  properties[PROP_OCCURRED] =
    g_param_spec_boxed ("occurred", NULL, NULL, G_TYPE_DATE_TIME, RW_FLAGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "", RW_FLAGS);
  properties[PROP_UPDATED] =
    g_param_spec_boxed ("updated", NULL, NULL, G_TYPE_DATE_TIME, RW_FLAGS);
  properties[PROP_SIGNED_AT] =
    g_param_spec_boxed ("signed-at", NULL, NULL, G_TYPE_DATE_TIME, RW_FLAGS);
  properties[PROP_SIGNED_BY] =
    g_param_spec_string ("signed-by", NULL, NULL, "", RW_FLAGS);
  properties[PROP_IMPORTED] =
    g_param_spec_boolean ("imported", NULL, NULL, FALSE, RW_FLAGS);
  properties[PROP_DELETED_AT] =
    g_param_spec_boxed ("deleted-at", NULL, NULL, G_TYPE_DATE_TIME, RW_FLAGS);
  properties[PROP_DELETION_REASON] =
    g_param_spec_string ("deletion-reason", NULL, NULL, "", RW_FLAGS);
  properties[PROP_N_CORRECTIONS] =
    g_param_spec_uint ("n-corrections", NULL, NULL, 0, G_MAXUINT, 0, RW_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kab_journal_entry_init (KabJournalEntry *self)
{
  self->text = g_strdup ("");
  self->signed_by = g_strdup ("");
  self->deletion_reason = g_strdup ("");
}

KabJournalEntry *
kab_journal_entry_new (void)
{
  return g_object_new (KAB_TYPE_JOURNAL_ENTRY, NULL);
}

static GDateTime *
ref_or_null (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

/**
 * kab_journal_entry_copy:
 *
 * Returns: (transfer full): a new object with every property of @self
 */
KabJournalEntry *
kab_journal_entry_copy (KabJournalEntry *self)
{
  KabJournalEntry *copy;

  g_return_val_if_fail (KAB_IS_JOURNAL_ENTRY (self), NULL);

  copy = kab_journal_entry_new ();
  copy->id = self->id;
  copy->client_id = self->client_id;
  copy->session_id = self->session_id;
  copy->kind = self->kind;
  copy->occurred = ref_or_null (self->occurred);
  kab_model_replace_string (&copy->text, self->text);
  copy->updated = ref_or_null (self->updated);
  copy->signed_at = ref_or_null (self->signed_at);
  kab_model_replace_string (&copy->signed_by, self->signed_by);
  copy->imported = self->imported;
  copy->deleted_at = ref_or_null (self->deleted_at);
  kab_model_replace_string (&copy->deletion_reason, self->deletion_reason);
  copy->n_corrections = self->n_corrections;

  return copy;
}

/**
 * kab_journal_entry_validate:
 *
 * Returns: %TRUE when the entry can be saved; else %FALSE with @error saying what to
 *   correct. A draft may be empty; a signed entry must say something and name its signer.
 */
gboolean
kab_journal_entry_validate (KabJournalEntry  *self,
                            GError          **error)
{
  g_return_val_if_fail (KAB_IS_JOURNAL_ENTRY (self), FALSE);

  if (!kab_model_check_client_id (self->client_id, error))
    return FALSE;

  if (self->kind >= KAB_JOURNAL_N_KINDS)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE,
                           _("Choose what kind of contact the journal entry records."));
      return FALSE;
    }

  if (self->occurred == NULL)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE,
                           _("The journal entry has no date. Choose one."));
      return FALSE;
    }

  if (!kab_model_check_long_text (self->text, _("Journal entry"), error))
    return FALSE;

  if (self->signed_at != NULL && self->deleted_at == NULL &&
      kab_model_text_is_blank (self->text))
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_MISSING_VALUE,
                           _("An empty journal entry cannot be signed. Write the note first."));
      return FALSE;
    }

  if (self->signed_at != NULL && kab_model_text_is_blank (self->signed_by))
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_MISSING_VALUE,
                           _("A journal entry is signed with the practitioner’s name. "
                             "Enter it in Preferences."));
      return FALSE;
    }

  return TRUE;
}

gboolean
kab_journal_entry_is_signed (KabJournalEntry *self)
{
  g_return_val_if_fail (KAB_IS_JOURNAL_ENTRY (self), FALSE);

  return self->signed_at != NULL;
}

gboolean
kab_journal_entry_is_deleted (KabJournalEntry *self)
{
  g_return_val_if_fail (KAB_IS_JOURNAL_ENTRY (self), FALSE);

  return self->deleted_at != NULL;
}

/* Accessors */

#define DEFINE_SCALAR(type, name, NAME)                                        \
  type                                                                         \
  kab_journal_entry_get_##name (KabJournalEntry *self)                         \
  {                                                                            \
    g_return_val_if_fail (KAB_IS_JOURNAL_ENTRY (self), 0);                     \
    return self->name;                                                         \
  }                                                                            \
                                                                               \
  void                                                                         \
  kab_journal_entry_set_##name (KabJournalEntry *self,                         \
                                type             value)                        \
  {                                                                            \
    g_return_if_fail (KAB_IS_JOURNAL_ENTRY (self));                            \
    if (self->name == value)                                                   \
      return;                                                                  \
    self->name = value;                                                        \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_##NAME]);       \
  }

#define DEFINE_STRING(name, NAME)                                              \
  const char *                                                                 \
  kab_journal_entry_get_##name (KabJournalEntry *self)                         \
  {                                                                            \
    g_return_val_if_fail (KAB_IS_JOURNAL_ENTRY (self), NULL);                  \
    return self->name;                                                         \
  }                                                                            \
                                                                               \
  void                                                                         \
  kab_journal_entry_set_##name (KabJournalEntry *self,                         \
                                const char      *value)                        \
  {                                                                            \
    g_return_if_fail (KAB_IS_JOURNAL_ENTRY (self));                            \
    if (kab_model_replace_string (&self->name, value != NULL ? value : ""))    \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_##NAME]);     \
  }

#define DEFINE_TIME(name, NAME)                                                \
  GDateTime *                                                                  \
  kab_journal_entry_get_##name (KabJournalEntry *self)                         \
  {                                                                            \
    g_return_val_if_fail (KAB_IS_JOURNAL_ENTRY (self), NULL);                  \
    return self->name;                                                         \
  }                                                                            \
                                                                               \
  void                                                                         \
  kab_journal_entry_set_##name (KabJournalEntry *self,                         \
                                GDateTime       *value)                        \
  {                                                                            \
    g_return_if_fail (KAB_IS_JOURNAL_ENTRY (self));                            \
    if (kab_model_replace_date_time (&self->name, value))                      \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_##NAME]);     \
  }

DEFINE_SCALAR (gint64, id, ID)
DEFINE_SCALAR (gint64, client_id, CLIENT_ID)
DEFINE_SCALAR (gint64, session_id, SESSION_ID)
DEFINE_SCALAR (KabJournalKind, kind, KIND)
DEFINE_SCALAR (gboolean, imported, IMPORTED)
DEFINE_SCALAR (guint, n_corrections, N_CORRECTIONS)
DEFINE_STRING (text, TEXT)
DEFINE_STRING (signed_by, SIGNED_BY)
DEFINE_STRING (deletion_reason, DELETION_REASON)
DEFINE_TIME (occurred, OCCURRED)
DEFINE_TIME (updated, UPDATED)
DEFINE_TIME (signed_at, SIGNED_AT)
DEFINE_TIME (deleted_at, DELETED_AT)
