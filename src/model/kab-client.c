/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client.c: a client of the practice: contact details, billing plan and derived state */

#include <glib/gi18n.h>

#include "kab-client.h"
#include "kab-enum-types.h"
#include "kab-model-private.h"
#include "kab-search.h"

struct _KabClient
{
  GObject          parent_instance;

  gint64           id;
  char            *given_name;
  char            *family_name;
  GDateTime       *birth_date;
  char            *phone;
  char            *email;
  char            *address;
  char            *emergency_contact;
  char            *identity_number;
  KabClientStatus  status;
  KabService       service;
  KabBillingPlan   billing_plan;
  gint64           fee;
  int              package_size;
  char            *notes;
  GDateTime       *created;
  GDateTime       *updated;
  gint64           balance;
  GDateTime       *next_session;
  KabConsentState  consent_state;
  char            *display_name;
  char            *initials;
  char            *search_key;     /* made when asked for: kab_client_get_search_key() */
};

G_DEFINE_FINAL_TYPE (KabClient, kab_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME,
  PROP_BIRTH_DATE,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_ADDRESS,
  PROP_EMERGENCY_CONTACT,
  PROP_IDENTITY_NUMBER,
  PROP_STATUS,
  PROP_SERVICE,
  PROP_BILLING_PLAN,
  PROP_FEE,
  PROP_PACKAGE_SIZE,
  PROP_NOTES,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_BALANCE,
  PROP_NEXT_SESSION,
  PROP_CONSENT_STATE,
  PROP_DISPLAY_NAME,
  PROP_INITIALS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_initial (const char *name)
{
  g_autofree char *composed = NULL;
  gunichar first;
  char buf[8] = { 0 };

  if (!g_utf8_validate (name, -1, NULL))
    return NULL;

  composed = g_utf8_normalize (name, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (composed == NULL || *composed == '\0')
    return NULL;

  first = g_unichar_toupper (g_utf8_get_char (composed));
  g_unichar_to_utf8 (first, buf);
  return g_strconcat (buf, ".", NULL);
}

/* display-name and initials follow the two names; they notify only when they change. */
static void
update_names (KabClient *self)
{
  g_clear_pointer (&self->search_key, g_free);
  g_autofree char *given = g_strstrip (g_strdup (self->given_name));
  g_autofree char *family = g_strstrip (g_strdup (self->family_name));
  g_autofree char *given_initial = dup_initial (given);
  g_autofree char *family_initial = dup_initial (family);
  g_autofree char *display_name = NULL;
  g_autofree char *initials = NULL;

  if (*given != '\0' && *family != '\0')
    display_name = g_strconcat (given, " ", family, NULL);
  else
    display_name = g_strconcat (given, family, NULL);

  if (given_initial != NULL && family_initial != NULL)
    initials = g_strconcat (given_initial, " ", family_initial, NULL);
  else
    initials = g_strdup (given_initial != NULL ? given_initial :
                         family_initial != NULL ? family_initial : "");

  if (kab_model_replace_string (&self->display_name, display_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
  if (kab_model_replace_string (&self->initials, initials))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIALS]);
}

static void
kab_client_finalize (GObject *object)
{
  KabClient *self = KAB_CLIENT (object);

  g_clear_pointer (&self->given_name, g_free);
  g_clear_pointer (&self->family_name, g_free);
  g_clear_pointer (&self->birth_date, g_date_time_unref);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->emergency_contact, g_free);
  g_clear_pointer (&self->identity_number, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->next_session, g_date_time_unref);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->initials, g_free);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (kab_client_parent_class)->finalize (object);
}

static void
kab_client_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KabClient *self = KAB_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_GIVEN_NAME:
      g_value_set_string (value, self->given_name);
      break;

    case PROP_FAMILY_NAME:
      g_value_set_string (value, self->family_name);
      break;

    case PROP_BIRTH_DATE:
      g_value_set_boxed (value, self->birth_date);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_EMERGENCY_CONTACT:
      g_value_set_string (value, self->emergency_contact);
      break;

    case PROP_IDENTITY_NUMBER:
      g_value_set_string (value, self->identity_number);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_SERVICE:
      g_value_set_enum (value, self->service);
      break;

    case PROP_BILLING_PLAN:
      g_value_set_enum (value, self->billing_plan);
      break;

    case PROP_FEE:
      g_value_set_int64 (value, self->fee);
      break;

    case PROP_PACKAGE_SIZE:
      g_value_set_int (value, self->package_size);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_UPDATED:
      g_value_set_boxed (value, self->updated);
      break;

    case PROP_BALANCE:
      g_value_set_int64 (value, self->balance);
      break;

    case PROP_NEXT_SESSION:
      g_value_set_boxed (value, self->next_session);
      break;

    case PROP_CONSENT_STATE:
      g_value_set_enum (value, self->consent_state);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, kab_client_get_display_name (self));
      break;

    case PROP_INITIALS:
      g_value_set_string (value, kab_client_get_initials (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_client_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KabClient *self = KAB_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      kab_client_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_GIVEN_NAME:
      kab_client_set_given_name (self, g_value_get_string (value));
      break;

    case PROP_FAMILY_NAME:
      kab_client_set_family_name (self, g_value_get_string (value));
      break;

    case PROP_BIRTH_DATE:
      kab_client_set_birth_date (self, g_value_get_boxed (value));
      break;

    case PROP_PHONE:
      kab_client_set_phone (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      kab_client_set_email (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      kab_client_set_address (self, g_value_get_string (value));
      break;

    case PROP_EMERGENCY_CONTACT:
      kab_client_set_emergency_contact (self, g_value_get_string (value));
      break;

    case PROP_IDENTITY_NUMBER:
      kab_client_set_identity_number (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      kab_client_set_status (self, g_value_get_enum (value));
      break;

    case PROP_SERVICE:
      kab_client_set_service (self, g_value_get_enum (value));
      break;

    case PROP_BILLING_PLAN:
      kab_client_set_billing_plan (self, g_value_get_enum (value));
      break;

    case PROP_FEE:
      kab_client_set_fee (self, g_value_get_int64 (value));
      break;

    case PROP_PACKAGE_SIZE:
      kab_client_set_package_size (self, g_value_get_int (value));
      break;

    case PROP_NOTES:
      kab_client_set_notes (self, g_value_get_string (value));
      break;

    case PROP_CREATED:
      kab_client_set_created (self, g_value_get_boxed (value));
      break;

    case PROP_UPDATED:
      kab_client_set_updated (self, g_value_get_boxed (value));
      break;

    case PROP_BALANCE:
      kab_client_set_balance (self, g_value_get_int64 (value));
      break;

    case PROP_NEXT_SESSION:
      kab_client_set_next_session (self, g_value_get_boxed (value));
      break;

    case PROP_CONSENT_STATE:
      kab_client_set_consent_state (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_client_class_init (KabClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kab_client_finalize;
  object_class->get_property = kab_client_get_property;
  object_class->set_property = kab_client_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_GIVEN_NAME] =
    g_param_spec_string ("given-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FAMILY_NAME] =
    g_param_spec_string ("family-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BIRTH_DATE] =
    g_param_spec_boxed ("birth-date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_EMERGENCY_CONTACT] =
    g_param_spec_string ("emergency-contact", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* A personal identity number (personnummer, fødselsnummer …); checked against the
   * practice's country by kab_identity_number_validate() when saved. */
  properties[PROP_IDENTITY_NUMBER] =
    g_param_spec_string ("identity-number", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       KAB_TYPE_CLIENT_STATUS, KAB_CLIENT_STATUS_ACTIVE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SERVICE] =
    g_param_spec_enum ("service", NULL, NULL,
                       KAB_TYPE_SERVICE, KAB_SERVICE_PSYCHOTHERAPY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BILLING_PLAN] =
    g_param_spec_enum ("billing-plan", NULL, NULL,
                       KAB_TYPE_BILLING_PLAN, KAB_BILLING_PLAN_PER_SESSION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FEE] =
    g_param_spec_int64 ("fee", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PACKAGE_SIZE] =
    g_param_spec_int ("package-size", NULL, NULL,
                      G_MININT, G_MAXINT, 10,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UPDATED] =
    g_param_spec_boxed ("updated", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BALANCE] =
    g_param_spec_int64 ("balance", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NEXT_SESSION] =
    g_param_spec_boxed ("next-session", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CONSENT_STATE] =
    g_param_spec_enum ("consent-state", NULL, NULL,
                       KAB_TYPE_CONSENT_STATE, KAB_CONSENT_STATE_MISSING,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_INITIALS] =
    g_param_spec_string ("initials", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kab_client_init (KabClient *self)
{
  self->given_name = g_strdup ("");
  self->family_name = g_strdup ("");
  self->phone = g_strdup ("");
  self->email = g_strdup ("");
  self->address = g_strdup ("");
  self->emergency_contact = g_strdup ("");
  self->identity_number = g_strdup ("");
  self->status = KAB_CLIENT_STATUS_ACTIVE;
  self->service = KAB_SERVICE_PSYCHOTHERAPY;
  self->billing_plan = KAB_BILLING_PLAN_PER_SESSION;
  self->package_size = 10;
  self->notes = g_strdup ("");
  self->consent_state = KAB_CONSENT_STATE_MISSING;
  self->display_name = g_strdup ("");
  self->initials = g_strdup ("");
}

KabClient *
kab_client_new (void)
{
  return g_object_new (KAB_TYPE_CLIENT, NULL);
}

/**
 * kab_client_copy:
 *
 * Returns: (transfer full): a new object with every property of @self, for an edit
 *   dialog that may be cancelled
 */
KabClient *
kab_client_copy (KabClient *self)
{
  KabClient *copy;

  g_return_val_if_fail (KAB_IS_CLIENT (self), NULL);

  copy = g_object_new (KAB_TYPE_CLIENT, NULL);
  /* A fresh object has no listeners: its defaults are freed and fields copied directly. */
  g_free (copy->given_name);
  g_free (copy->family_name);
  g_free (copy->phone);
  g_free (copy->email);
  g_free (copy->address);
  g_free (copy->emergency_contact);
  g_free (copy->identity_number);
  g_free (copy->notes);
  copy->id = self->id;
  copy->given_name = g_strdup (self->given_name);
  copy->family_name = g_strdup (self->family_name);
  copy->birth_date = self->birth_date != NULL ? g_date_time_ref (self->birth_date) : NULL;
  copy->phone = g_strdup (self->phone);
  copy->email = g_strdup (self->email);
  copy->address = g_strdup (self->address);
  copy->emergency_contact = g_strdup (self->emergency_contact);
  copy->identity_number = g_strdup (self->identity_number);
  copy->status = self->status;
  copy->service = self->service;
  copy->billing_plan = self->billing_plan;
  copy->fee = self->fee;
  copy->package_size = self->package_size;
  copy->notes = g_strdup (self->notes);
  copy->created = self->created != NULL ? g_date_time_ref (self->created) : NULL;
  copy->updated = self->updated != NULL ? g_date_time_ref (self->updated) : NULL;
  copy->balance = self->balance;
  copy->next_session = self->next_session != NULL ? g_date_time_ref (self->next_session) : NULL;
  copy->consent_state = self->consent_state;
  update_names (copy);

  return copy;
}

/**
 * kab_client_assign:
 * @from: the client as saved
 *
 * Gives @self the fields a user edits (and the time of the last update) of @from, with
 * a notify for each one that changed: the store keeps one object per client for the
 * whole run and brings it up to date this way after a save. What only the store derives
 * (balance, next session, consent state) and the creation time stay as they are.
 */
void
kab_client_assign (KabClient *self,
                   KabClient *from)
{
  g_return_if_fail (KAB_IS_CLIENT (self));
  g_return_if_fail (KAB_IS_CLIENT (from));

  if (self == from)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  kab_client_set_given_name (self, from->given_name);
  kab_client_set_family_name (self, from->family_name);
  kab_client_set_birth_date (self, from->birth_date);
  kab_client_set_phone (self, from->phone);
  kab_client_set_email (self, from->email);
  kab_client_set_address (self, from->address);
  kab_client_set_emergency_contact (self, from->emergency_contact);
  kab_client_set_status (self, from->status);
  kab_client_set_service (self, from->service);
  kab_client_set_billing_plan (self, from->billing_plan);
  kab_client_set_fee (self, from->fee);
  kab_client_set_package_size (self, from->package_size);
  kab_client_set_notes (self, from->notes);
  kab_client_set_updated (self, from->updated);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * kab_client_get_display_name:
 *
 * Returns: “Given Family”, or whichever of the two is set, or ""
 */
const char *
kab_client_get_display_name (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), NULL);

  return self->display_name;
}

/**
 * kab_client_get_initials:
 *
 * Returns: “G. F.”, one initial when only one name is set, or ""
 */
const char *
kab_client_get_initials (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), NULL);

  return self->initials;
}

/**
 * kab_client_dup_initials:
 *
 * Returns: (transfer full): “A. K.” for Anna Karlsson, as kab_client_get_initials()
 */
char *
kab_client_dup_initials (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), NULL);

  return g_strdup (self->initials);
}

/**
 * kab_client_get_search_key:
 *
 * What every client search looks in: “given family email phone” folded with
 * kab_search_fold(), then the phone's digits alone. Made when first asked for and kept
 * until one of those fields changes: filtering 2,000 clients on each keystroke must not
 * fold 2,000 strings.
 *
 * Returns: the search key
 */
const char *
kab_client_get_search_key (KabClient *self)
{
  g_autofree char *joined = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *digits = NULL;

  g_return_val_if_fail (KAB_IS_CLIENT (self), NULL);

  if (self->search_key != NULL)
    return self->search_key;

  joined = g_strjoin (" ", self->given_name, self->family_name, self->email, self->phone, NULL);
  folded = kab_search_fold (joined);
  digits = kab_search_dup_digits (self->phone);
  self->search_key = g_strconcat (folded, " ", digits, NULL);
  return self->search_key;
}

/**
 * kab_client_matches:
 * @words: (nullable): a query split with kab_search_split()
 *
 * Returns: whether the client is found by the query: every word in the search key
 */
gboolean
kab_client_matches (KabClient          *self,
                    const char * const *words)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), FALSE);

  return kab_search_matches (kab_client_get_search_key (self), words);
}

static gboolean
check_birth_date (GDateTime  *birth_date,
                  GError    **error)
{
  g_autoptr(GDateTime) now = NULL;

  if (birth_date == NULL)
    return TRUE;

  if (g_date_time_get_year (birth_date) < 1900)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE,
                           _("Check the birth date: it is before 1900."));
      return FALSE;
    }

  now = g_date_time_new_now (g_date_time_get_timezone (birth_date));
  if (kab_model_compare_dates (birth_date, now) > 0)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_DATE,
                           _("The birth date cannot be in the future."));
      return FALSE;
    }

  return TRUE;
}

/**
 * kab_client_validate:
 *
 * Returns: %TRUE when the client can be saved; else %FALSE with @error saying what
 *   to correct
 */
gboolean
kab_client_validate (KabClient  *self,
                     GError    **error)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), FALSE);

  if (kab_model_text_is_blank (self->given_name) && kab_model_text_is_blank (self->family_name))
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_EMPTY_NAME,
                           _("Enter the client's name."));
      return FALSE;
    }

  if (!kab_model_check_name (self->given_name, KAB_MODEL_MAX_NAME_CHARS, _("Given name"), error) ||
      !kab_model_check_name (self->family_name, KAB_MODEL_MAX_NAME_CHARS, _("Family name"), error) ||
      !kab_model_check_text (self->phone, KAB_MODEL_MAX_PHONE_CHARS, _("Phone"), error) ||
      !kab_model_check_email (self->email, error) ||
      !kab_model_check_text (self->address, KAB_MODEL_MAX_ADDRESS_CHARS, _("Address"), error) ||
      !kab_model_check_text (self->emergency_contact, KAB_MODEL_MAX_ADDRESS_CHARS,
                             _("Emergency contact"), error) ||
      !kab_model_check_long_text (self->notes, _("Notes"), error))
    return FALSE;

  if (!check_birth_date (self->birth_date, error) ||
      !kab_model_check_fee (self->fee, error))
    return FALSE;

  if (self->package_size < 1 || self->package_size > 500)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE,
                           _("A package must have between 1 and 500 sessions."));
      return FALSE;
    }

  return kab_model_check_enum (KAB_TYPE_CLIENT_STATUS, self->status, _("Status"), error) &&
         kab_model_check_enum (KAB_TYPE_SERVICE, self->service, _("Service"), error) &&
         kab_model_check_enum (KAB_TYPE_BILLING_PLAN, self->billing_plan, _("Billing"), error) &&
         kab_model_check_enum (KAB_TYPE_CONSENT_STATE, self->consent_state, _("Agreement"),
                               error);
}

gint64
kab_client_get_id (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), 0);

  return self->id;
}

void
kab_client_set_id (KabClient *self,
                   gint64     id)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
kab_client_get_given_name (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), NULL);

  return self->given_name;
}

void
kab_client_set_given_name (KabClient   *self,
                           const char *given_name)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (!kab_model_replace_string (&self->given_name, given_name))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_NAME]);
  update_names (self);
}

/**
 * kab_client_set_names:
 * @given_name: (nullable): the given name
 * @family_name: (nullable): the family name
 *
 * Sets both names at once: the display name and initials that follow them are made once,
 * and each property notifies once, when it changed (what the store does for every client
 * it reads).
 */
void
kab_client_set_names (KabClient  *self,
                      const char *given_name,
                      const char *family_name)
{
  gboolean given_changed, family_changed;

  g_return_if_fail (KAB_IS_CLIENT (self));

  given_changed = kab_model_replace_string (&self->given_name, given_name);
  family_changed = kab_model_replace_string (&self->family_name, family_name);
  if (!given_changed && !family_changed)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (given_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_NAME]);
  if (family_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_NAME]);
  update_names (self);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
kab_client_get_family_name (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), NULL);

  return self->family_name;
}

void
kab_client_set_family_name (KabClient   *self,
                            const char *family_name)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (!kab_model_replace_string (&self->family_name, family_name))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_NAME]);
  update_names (self);
}

GDateTime *
kab_client_get_birth_date (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), NULL);

  return self->birth_date;
}

void
kab_client_set_birth_date (KabClient *self,
                           GDateTime *birth_date)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (!kab_model_replace_date_time (&self->birth_date, birth_date))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIRTH_DATE]);
}

const char *
kab_client_get_phone (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), NULL);

  return self->phone;
}

void
kab_client_set_phone (KabClient   *self,
                      const char *phone)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (!kab_model_replace_string (&self->phone, phone))
    return;

  g_clear_pointer (&self->search_key, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
kab_client_get_email (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), NULL);

  return self->email;
}

void
kab_client_set_email (KabClient   *self,
                      const char *email)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (!kab_model_replace_string (&self->email, email))
    return;

  g_clear_pointer (&self->search_key, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
kab_client_get_address (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), NULL);

  return self->address;
}

void
kab_client_set_address (KabClient   *self,
                        const char *address)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (!kab_model_replace_string (&self->address, address))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

const char *
kab_client_get_emergency_contact (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), NULL);

  return self->emergency_contact;
}

void
kab_client_set_emergency_contact (KabClient   *self,
                                  const char *emergency_contact)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (!kab_model_replace_string (&self->emergency_contact, emergency_contact))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMERGENCY_CONTACT]);
}

const char *
kab_client_get_identity_number (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), NULL);

  return self->identity_number;
}

void
kab_client_set_identity_number (KabClient  *self,
                                const char *identity_number)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (!kab_model_replace_string (&self->identity_number, identity_number))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDENTITY_NUMBER]);
}

KabClientStatus
kab_client_get_status (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), 0);

  return self->status;
}

void
kab_client_set_status (KabClient       *self,
                       KabClientStatus  status)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

KabService
kab_client_get_service (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), 0);

  return self->service;
}

void
kab_client_set_service (KabClient  *self,
                        KabService  service)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (self->service == service)
    return;

  self->service = service;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}

KabBillingPlan
kab_client_get_billing_plan (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), 0);

  return self->billing_plan;
}

void
kab_client_set_billing_plan (KabClient      *self,
                             KabBillingPlan  billing_plan)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (self->billing_plan == billing_plan)
    return;

  self->billing_plan = billing_plan;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BILLING_PLAN]);
}

gint64
kab_client_get_fee (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), 0);

  return self->fee;
}

void
kab_client_set_fee (KabClient *self,
                    gint64     fee)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (self->fee == fee)
    return;

  self->fee = fee;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEE]);
}

int
kab_client_get_package_size (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), 0);

  return self->package_size;
}

void
kab_client_set_package_size (KabClient *self,
                             int        package_size)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (self->package_size == package_size)
    return;

  self->package_size = package_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACKAGE_SIZE]);
}

const char *
kab_client_get_notes (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), NULL);

  return self->notes;
}

void
kab_client_set_notes (KabClient   *self,
                      const char *notes)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (!kab_model_replace_string (&self->notes, notes))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

GDateTime *
kab_client_get_created (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), NULL);

  return self->created;
}

void
kab_client_set_created (KabClient *self,
                        GDateTime *created)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (!kab_model_replace_date_time (&self->created, created))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

GDateTime *
kab_client_get_updated (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), NULL);

  return self->updated;
}

void
kab_client_set_updated (KabClient *self,
                        GDateTime *updated)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (!kab_model_replace_date_time (&self->updated, updated))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
}

gint64
kab_client_get_balance (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), 0);

  return self->balance;
}

void
kab_client_set_balance (KabClient *self,
                        gint64     balance)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (self->balance == balance)
    return;

  self->balance = balance;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALANCE]);
}

GDateTime *
kab_client_get_next_session (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), NULL);

  return self->next_session;
}

void
kab_client_set_next_session (KabClient *self,
                             GDateTime *next_session)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (!kab_model_replace_date_time (&self->next_session, next_session))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_SESSION]);
}

KabConsentState
kab_client_get_consent_state (KabClient *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT (self), 0);

  return self->consent_state;
}

void
kab_client_set_consent_state (KabClient       *self,
                              KabConsentState  consent_state)
{
  g_return_if_fail (KAB_IS_CLIENT (self));

  if (self->consent_state == consent_state)
    return;

  self->consent_state = consent_state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENT_STATE]);
}
