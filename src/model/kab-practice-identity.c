/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-practice-identity.c: the practice as a business: tax numbers, VAT, bank, bookkeeping */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-check-digits.h"
#include "kab-country.h"
#include "kab-model-error.h"
#include "kab-practice-identity.h"

G_DEFINE_ENUM_TYPE (KabTaxStatus, kab_tax_status,
                    G_DEFINE_ENUM_VALUE (KAB_TAX_STATUS_SELF_EMPLOYED, "self-employed"),
                    G_DEFINE_ENUM_VALUE (KAB_TAX_STATUS_ENTREPRENEUR, "entrepreneur"),
                    G_DEFINE_ENUM_VALUE (KAB_TAX_STATUS_ORGANISATION, "organisation"))

/* Which fields a country uses: tax-id is the org.nr (SE, NO) or ИНН (RU); f-tax is the
 * Swedish F-skatt; licensed means a legitimated practitioner whose health care is exempt
 * from VAT in Sweden; vat-registered is the Norwegian MVA register; tax-status is the
 * Russian status; account is the Norwegian kontonummer or the Russian расчётный счёт with
 * its bank's БИК. The accounts are BAS accounts for the SIE export. */
struct _KabPracticeIdentity
{
  GObject       parent_instance;

  char *       tax_id;
  gboolean     licensed;
  gboolean     f_tax;
  gboolean     vat_registered;
  KabTaxStatus tax_status;
  char *       bankgiro;
  char *       plusgiro;
  char *       account;
  char *       bic;
  int          vat_percent;
  int          due_days;
  gboolean     receipts_per_year;
  int          sales_account;
  int          bank_account;
  int          receivables_account;
};

G_DEFINE_FINAL_TYPE (KabPracticeIdentity, kab_practice_identity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TAX_ID,
  PROP_LICENSED,
  PROP_F_TAX,
  PROP_VAT_REGISTERED,
  PROP_TAX_STATUS,
  PROP_BANKGIRO,
  PROP_PLUSGIRO,
  PROP_ACCOUNT,
  PROP_BIC,
  PROP_VAT_PERCENT,
  PROP_DUE_DAYS,
  PROP_RECEIPTS_PER_YEAR,
  PROP_SALES_ACCOUNT,
  PROP_BANK_ACCOUNT,
  PROP_RECEIVABLES_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kab_practice_identity_finalize (GObject *object)
{
  KabPracticeIdentity *self = KAB_PRACTICE_IDENTITY (object);

  g_clear_pointer (&self->tax_id, g_free);
  g_clear_pointer (&self->bankgiro, g_free);
  g_clear_pointer (&self->plusgiro, g_free);
  g_clear_pointer (&self->account, g_free);
  g_clear_pointer (&self->bic, g_free);

  G_OBJECT_CLASS (kab_practice_identity_parent_class)->finalize (object);
}

static void
kab_practice_identity_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KabPracticeIdentity *self = KAB_PRACTICE_IDENTITY (object);

  switch (prop_id)
    {
    case PROP_TAX_ID:
      g_value_set_string (value, self->tax_id);
      break;

    case PROP_LICENSED:
      g_value_set_boolean (value, self->licensed);
      break;

    case PROP_F_TAX:
      g_value_set_boolean (value, self->f_tax);
      break;

    case PROP_VAT_REGISTERED:
      g_value_set_boolean (value, self->vat_registered);
      break;

    case PROP_TAX_STATUS:
      g_value_set_enum (value, self->tax_status);
      break;

    case PROP_BANKGIRO:
      g_value_set_string (value, self->bankgiro);
      break;

    case PROP_PLUSGIRO:
      g_value_set_string (value, self->plusgiro);
      break;

    case PROP_ACCOUNT:
      g_value_set_string (value, self->account);
      break;

    case PROP_BIC:
      g_value_set_string (value, self->bic);
      break;

    case PROP_VAT_PERCENT:
      g_value_set_int (value, self->vat_percent);
      break;

    case PROP_DUE_DAYS:
      g_value_set_int (value, self->due_days);
      break;

    case PROP_RECEIPTS_PER_YEAR:
      g_value_set_boolean (value, self->receipts_per_year);
      break;

    case PROP_SALES_ACCOUNT:
      g_value_set_int (value, self->sales_account);
      break;

    case PROP_BANK_ACCOUNT:
      g_value_set_int (value, self->bank_account);
      break;

    case PROP_RECEIVABLES_ACCOUNT:
      g_value_set_int (value, self->receivables_account);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_practice_identity_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KabPracticeIdentity *self = KAB_PRACTICE_IDENTITY (object);

  switch (prop_id)
    {
    case PROP_TAX_ID:
      kab_practice_identity_set_tax_id (self, g_value_get_string (value));
      break;

    case PROP_LICENSED:
      kab_practice_identity_set_licensed (self, g_value_get_boolean (value));
      break;

    case PROP_F_TAX:
      kab_practice_identity_set_f_tax (self, g_value_get_boolean (value));
      break;

    case PROP_VAT_REGISTERED:
      kab_practice_identity_set_vat_registered (self, g_value_get_boolean (value));
      break;

    case PROP_TAX_STATUS:
      kab_practice_identity_set_tax_status (self, g_value_get_enum (value));
      break;

    case PROP_BANKGIRO:
      kab_practice_identity_set_bankgiro (self, g_value_get_string (value));
      break;

    case PROP_PLUSGIRO:
      kab_practice_identity_set_plusgiro (self, g_value_get_string (value));
      break;

    case PROP_ACCOUNT:
      kab_practice_identity_set_account (self, g_value_get_string (value));
      break;

    case PROP_BIC:
      kab_practice_identity_set_bic (self, g_value_get_string (value));
      break;

    case PROP_VAT_PERCENT:
      kab_practice_identity_set_vat_percent (self, g_value_get_int (value));
      break;

    case PROP_DUE_DAYS:
      kab_practice_identity_set_due_days (self, g_value_get_int (value));
      break;

    case PROP_RECEIPTS_PER_YEAR:
      kab_practice_identity_set_receipts_per_year (self, g_value_get_boolean (value));
      break;

    case PROP_SALES_ACCOUNT:
      kab_practice_identity_set_sales_account (self, g_value_get_int (value));
      break;

    case PROP_BANK_ACCOUNT:
      kab_practice_identity_set_bank_account (self, g_value_get_int (value));
      break;

    case PROP_RECEIVABLES_ACCOUNT:
      kab_practice_identity_set_receivables_account (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_practice_identity_class_init (KabPracticeIdentityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kab_practice_identity_finalize;
  object_class->get_property = kab_practice_identity_get_property;
  object_class->set_property = kab_practice_identity_set_property;

  properties[PROP_TAX_ID] =
    g_param_spec_string ("tax-id", NULL, NULL, "", flags);
  properties[PROP_LICENSED] =
    g_param_spec_boolean ("licensed", NULL, NULL, TRUE, flags);
  properties[PROP_F_TAX] =
    g_param_spec_boolean ("f-tax", NULL, NULL, FALSE, flags);
  properties[PROP_VAT_REGISTERED] =
    g_param_spec_boolean ("vat-registered", NULL, NULL, FALSE, flags);
  properties[PROP_TAX_STATUS] =
    g_param_spec_enum ("tax-status", NULL, NULL, KAB_TYPE_TAX_STATUS, KAB_TAX_STATUS_SELF_EMPLOYED, flags);
  properties[PROP_BANKGIRO] =
    g_param_spec_string ("bankgiro", NULL, NULL, "", flags);
  properties[PROP_PLUSGIRO] =
    g_param_spec_string ("plusgiro", NULL, NULL, "", flags);
  properties[PROP_ACCOUNT] =
    g_param_spec_string ("account", NULL, NULL, "", flags);
  properties[PROP_BIC] =
    g_param_spec_string ("bic", NULL, NULL, "", flags);
  properties[PROP_VAT_PERCENT] =
    g_param_spec_int ("vat-percent", NULL, NULL, G_MININT, G_MAXINT, 25, flags);
  properties[PROP_DUE_DAYS] =
    g_param_spec_int ("due-days", NULL, NULL, G_MININT, G_MAXINT, 14, flags);
  properties[PROP_RECEIPTS_PER_YEAR] =
    g_param_spec_boolean ("receipts-per-year", NULL, NULL, TRUE, flags);
  properties[PROP_SALES_ACCOUNT] =
    g_param_spec_int ("sales-account", NULL, NULL, G_MININT, G_MAXINT, 3004, flags);
  properties[PROP_BANK_ACCOUNT] =
    g_param_spec_int ("bank-account", NULL, NULL, G_MININT, G_MAXINT, 1930, flags);
  properties[PROP_RECEIVABLES_ACCOUNT] =
    g_param_spec_int ("receivables-account", NULL, NULL, G_MININT, G_MAXINT, 1510, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kab_practice_identity_init (KabPracticeIdentity *self)
{
  self->tax_id = g_strdup ("");
  self->licensed = TRUE;
  self->f_tax = FALSE;
  self->vat_registered = FALSE;
  self->tax_status = KAB_TAX_STATUS_SELF_EMPLOYED;
  self->bankgiro = g_strdup ("");
  self->plusgiro = g_strdup ("");
  self->account = g_strdup ("");
  self->bic = g_strdup ("");
  self->vat_percent = 25;
  self->due_days = 14;
  self->receipts_per_year = TRUE;
  self->sales_account = 3004;
  self->bank_account = 1930;
  self->receivables_account = 1510;
}

KabPracticeIdentity *
kab_practice_identity_new (void)
{
  return g_object_new (KAB_TYPE_PRACTICE_IDENTITY, NULL);
}

/**
 * kab_practice_identity_copy_into:
 * @to: the object that takes every field of @self, notifying what changes
 */
void
kab_practice_identity_copy_into (KabPracticeIdentity *self,
                                 KabPracticeIdentity *to)
{
  g_return_if_fail (KAB_IS_PRACTICE_IDENTITY (self));
  g_return_if_fail (KAB_IS_PRACTICE_IDENTITY (to));

  g_object_freeze_notify (G_OBJECT (to));
  kab_practice_identity_set_tax_id (to, self->tax_id);
  kab_practice_identity_set_licensed (to, self->licensed);
  kab_practice_identity_set_f_tax (to, self->f_tax);
  kab_practice_identity_set_vat_registered (to, self->vat_registered);
  kab_practice_identity_set_tax_status (to, self->tax_status);
  kab_practice_identity_set_bankgiro (to, self->bankgiro);
  kab_practice_identity_set_plusgiro (to, self->plusgiro);
  kab_practice_identity_set_account (to, self->account);
  kab_practice_identity_set_bic (to, self->bic);
  kab_practice_identity_set_vat_percent (to, self->vat_percent);
  kab_practice_identity_set_due_days (to, self->due_days);
  kab_practice_identity_set_receipts_per_year (to, self->receipts_per_year);
  kab_practice_identity_set_sales_account (to, self->sales_account);
  kab_practice_identity_set_bank_account (to, self->bank_account);
  kab_practice_identity_set_receivables_account (to, self->receivables_account);
  g_object_thaw_notify (G_OBJECT (to));
}

KabPracticeIdentity *
kab_practice_identity_copy (KabPracticeIdentity *self)
{
  KabPracticeIdentity *copy = kab_practice_identity_new ();

  kab_practice_identity_copy_into (self, copy);
  return copy;
}

const char *
kab_practice_identity_get_tax_id (KabPracticeIdentity *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (self), NULL);

  return self->tax_id;
}

void
kab_practice_identity_set_tax_id (KabPracticeIdentity *self,
                                  const char *tax_id)
{
  g_return_if_fail (KAB_IS_PRACTICE_IDENTITY (self));

  if (g_strcmp0 (self->tax_id, tax_id != NULL ? tax_id : "") == 0)
    return;

  g_free (self->tax_id);
  self->tax_id = g_strdup (tax_id != NULL ? tax_id : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAX_ID]);
}

gboolean
kab_practice_identity_get_licensed (KabPracticeIdentity *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (self), 0);

  return self->licensed;
}

void
kab_practice_identity_set_licensed (KabPracticeIdentity *self,
                                    gboolean licensed)
{
  g_return_if_fail (KAB_IS_PRACTICE_IDENTITY (self));

  licensed = !!licensed;
  if (self->licensed == licensed)
    return;

  self->licensed = licensed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LICENSED]);
}

gboolean
kab_practice_identity_get_f_tax (KabPracticeIdentity *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (self), 0);

  return self->f_tax;
}

void
kab_practice_identity_set_f_tax (KabPracticeIdentity *self,
                                 gboolean f_tax)
{
  g_return_if_fail (KAB_IS_PRACTICE_IDENTITY (self));

  f_tax = !!f_tax;
  if (self->f_tax == f_tax)
    return;

  self->f_tax = f_tax;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_F_TAX]);
}

gboolean
kab_practice_identity_get_vat_registered (KabPracticeIdentity *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (self), 0);

  return self->vat_registered;
}

void
kab_practice_identity_set_vat_registered (KabPracticeIdentity *self,
                                          gboolean vat_registered)
{
  g_return_if_fail (KAB_IS_PRACTICE_IDENTITY (self));

  vat_registered = !!vat_registered;
  if (self->vat_registered == vat_registered)
    return;

  self->vat_registered = vat_registered;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VAT_REGISTERED]);
}

KabTaxStatus
kab_practice_identity_get_tax_status (KabPracticeIdentity *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (self), 0);

  return self->tax_status;
}

void
kab_practice_identity_set_tax_status (KabPracticeIdentity *self,
                                      KabTaxStatus tax_status)
{
  g_return_if_fail (KAB_IS_PRACTICE_IDENTITY (self));

  if (self->tax_status == tax_status)
    return;

  self->tax_status = tax_status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAX_STATUS]);
}

const char *
kab_practice_identity_get_bankgiro (KabPracticeIdentity *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (self), NULL);

  return self->bankgiro;
}

void
kab_practice_identity_set_bankgiro (KabPracticeIdentity *self,
                                    const char *bankgiro)
{
  g_return_if_fail (KAB_IS_PRACTICE_IDENTITY (self));

  if (g_strcmp0 (self->bankgiro, bankgiro != NULL ? bankgiro : "") == 0)
    return;

  g_free (self->bankgiro);
  self->bankgiro = g_strdup (bankgiro != NULL ? bankgiro : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANKGIRO]);
}

const char *
kab_practice_identity_get_plusgiro (KabPracticeIdentity *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (self), NULL);

  return self->plusgiro;
}

void
kab_practice_identity_set_plusgiro (KabPracticeIdentity *self,
                                    const char *plusgiro)
{
  g_return_if_fail (KAB_IS_PRACTICE_IDENTITY (self));

  if (g_strcmp0 (self->plusgiro, plusgiro != NULL ? plusgiro : "") == 0)
    return;

  g_free (self->plusgiro);
  self->plusgiro = g_strdup (plusgiro != NULL ? plusgiro : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLUSGIRO]);
}

const char *
kab_practice_identity_get_account (KabPracticeIdentity *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (self), NULL);

  return self->account;
}

void
kab_practice_identity_set_account (KabPracticeIdentity *self,
                                   const char *account)
{
  g_return_if_fail (KAB_IS_PRACTICE_IDENTITY (self));

  if (g_strcmp0 (self->account, account != NULL ? account : "") == 0)
    return;

  g_free (self->account);
  self->account = g_strdup (account != NULL ? account : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

const char *
kab_practice_identity_get_bic (KabPracticeIdentity *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (self), NULL);

  return self->bic;
}

void
kab_practice_identity_set_bic (KabPracticeIdentity *self,
                               const char *bic)
{
  g_return_if_fail (KAB_IS_PRACTICE_IDENTITY (self));

  if (g_strcmp0 (self->bic, bic != NULL ? bic : "") == 0)
    return;

  g_free (self->bic);
  self->bic = g_strdup (bic != NULL ? bic : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIC]);
}

int
kab_practice_identity_get_vat_percent (KabPracticeIdentity *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (self), 0);

  return self->vat_percent;
}

void
kab_practice_identity_set_vat_percent (KabPracticeIdentity *self,
                                       int vat_percent)
{
  g_return_if_fail (KAB_IS_PRACTICE_IDENTITY (self));

  if (self->vat_percent == vat_percent)
    return;

  self->vat_percent = vat_percent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VAT_PERCENT]);
}

int
kab_practice_identity_get_due_days (KabPracticeIdentity *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (self), 0);

  return self->due_days;
}

void
kab_practice_identity_set_due_days (KabPracticeIdentity *self,
                                    int due_days)
{
  g_return_if_fail (KAB_IS_PRACTICE_IDENTITY (self));

  if (self->due_days == due_days)
    return;

  self->due_days = due_days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DAYS]);
}

gboolean
kab_practice_identity_get_receipts_per_year (KabPracticeIdentity *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (self), 0);

  return self->receipts_per_year;
}

void
kab_practice_identity_set_receipts_per_year (KabPracticeIdentity *self,
                                             gboolean receipts_per_year)
{
  g_return_if_fail (KAB_IS_PRACTICE_IDENTITY (self));

  receipts_per_year = !!receipts_per_year;
  if (self->receipts_per_year == receipts_per_year)
    return;

  self->receipts_per_year = receipts_per_year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIPTS_PER_YEAR]);
}

int
kab_practice_identity_get_sales_account (KabPracticeIdentity *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (self), 0);

  return self->sales_account;
}

void
kab_practice_identity_set_sales_account (KabPracticeIdentity *self,
                                         int sales_account)
{
  g_return_if_fail (KAB_IS_PRACTICE_IDENTITY (self));

  if (self->sales_account == sales_account)
    return;

  self->sales_account = sales_account;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SALES_ACCOUNT]);
}

int
kab_practice_identity_get_bank_account (KabPracticeIdentity *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (self), 0);

  return self->bank_account;
}

void
kab_practice_identity_set_bank_account (KabPracticeIdentity *self,
                                        int bank_account)
{
  g_return_if_fail (KAB_IS_PRACTICE_IDENTITY (self));

  if (self->bank_account == bank_account)
    return;

  self->bank_account = bank_account;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANK_ACCOUNT]);
}

int
kab_practice_identity_get_receivables_account (KabPracticeIdentity *self)
{
  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (self), 0);

  return self->receivables_account;
}

void
kab_practice_identity_set_receivables_account (KabPracticeIdentity *self,
                                               int receivables_account)
{
  g_return_if_fail (KAB_IS_PRACTICE_IDENTITY (self));

  if (self->receivables_account == receivables_account)
    return;

  self->receivables_account = receivables_account;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVABLES_ACCOUNT]);
}

static gboolean
set_invalid (GError    **error,
             const char *message)
{
  g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_VALUE, message);
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  return *copy == '\0';
}

static gboolean
check_bas_account (int         account,
                   GError    **error)
{
  if (account < 1000 || account > 9999)
    return set_invalid (error, _("A bookkeeping account has four digits, such as 1930 or 3004."));
  return TRUE;
}

/* The numbers of the practice's country are checked; an empty one is allowed (a new
 * practice may not have them yet) and then simply not printed. */
static gboolean
validate_numbers (KabPracticeIdentity  *self,
                  const char           *country,
                  GError              **error)
{
  if (g_strcmp0 (country, KAB_COUNTRY_SWEDEN) == 0)
    return (is_blank (self->tax_id) || kab_check_se_orgnr (self->tax_id, error)) &&
           (is_blank (self->bankgiro) || kab_check_se_bankgiro (self->bankgiro, error)) &&
           (is_blank (self->plusgiro) || kab_check_se_plusgiro (self->plusgiro, error));

  if (g_strcmp0 (country, KAB_COUNTRY_NORWAY) == 0)
    return (is_blank (self->tax_id) || kab_check_no_orgnr (self->tax_id, error)) &&
           (is_blank (self->account) || kab_check_no_account (self->account, error));

  if (g_strcmp0 (country, KAB_COUNTRY_RUSSIA) == 0)
    return (is_blank (self->tax_id) || kab_check_ru_inn (self->tax_id, error)) &&
           (is_blank (self->bic) || kab_check_ru_bic (self->bic, error)) &&
           (is_blank (self->account) || kab_check_ru_account (self->account, self->bic, error));

  return TRUE;
}

/**
 * kab_practice_identity_validate:
 * @country: the practice's country (see kab-country.h), whose numbers are checked
 *
 * Returns: %TRUE when the identity can be saved; else %FALSE with @error saying what to
 *   correct
 */
gboolean
kab_practice_identity_validate (KabPracticeIdentity  *self,
                                const char           *country,
                                GError              **error)
{
  const char *texts[] = { self->tax_id, self->bankgiro, self->plusgiro, self->account, self->bic };

  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!g_utf8_validate (texts[i], -1, NULL) || g_utf8_strlen (texts[i], -1) > 40)
      return set_invalid (error, _("A tax or bank number is too long."));

  if (!validate_numbers (self, country, error))
    return FALSE;

  if (self->vat_percent < 0 || self->vat_percent > 100)
    return set_invalid (error, _("The VAT rate must be between 0 and 100 percent."));

  if (self->due_days < 0 || self->due_days > 365)
    return set_invalid (error, _("An invoice must be due within 365 days."));

  if ((int)self->tax_status < KAB_TAX_STATUS_SELF_EMPLOYED ||
      (int)self->tax_status > KAB_TAX_STATUS_ORGANISATION)
    return set_invalid (error, _("Choose the practice’s tax status."));

  return check_bas_account (self->sales_account, error) &&
         check_bas_account (self->bank_account, error) &&
         check_bas_account (self->receivables_account, error);
}

/**
 * kab_practice_identity_is_vat_exempt:
 * @country: the practice's country
 *
 * Whether the practice's fees carry no VAT: health care by a licensed practitioner in
 * Sweden, health services in Norway, a самозанятый or a practice under a simplified
 * regime in Russia (modelled as every status but an organisation). Elsewhere Kabinett
 * knows no rule and writes no VAT.
 */
gboolean
kab_practice_identity_is_vat_exempt (KabPracticeIdentity *self,
                                     const char          *country)
{
  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (self), TRUE);

  if (g_strcmp0 (country, KAB_COUNTRY_SWEDEN) == 0)
    return self->licensed;
  if (g_strcmp0 (country, KAB_COUNTRY_RUSSIA) == 0)
    return self->tax_status != KAB_TAX_STATUS_ORGANISATION;
  return TRUE;
}

const char *
kab_tax_status_to_nick (KabTaxStatus status)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (KAB_TYPE_TAX_STATUS);
  GEnumValue *value = g_enum_get_value (klass, status);

  return value != NULL ? value->value_nick : "self-employed";
}

KabTaxStatus
kab_tax_status_from_nick (const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (KAB_TYPE_TAX_STATUS);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick != NULL ? nick : "");

  return value != NULL ? value->value : KAB_TAX_STATUS_SELF_EMPLOYED;
}

/**
 * kab_practice_identity_dup_tax_status_label:
 * @country: the practice's country
 *
 * The tax status as the country's authorities word it, for documents and the
 * {practitioner_tax_status} placeholder. These are registered legal designations that a
 * tax office expects verbatim in the country's language ("Godkänd för F-skatt" is the
 * wording of the Swedish law), so they are not translated.
 *
 * Returns: (transfer full): the status, or "" when there is none to state
 */
char *
kab_practice_identity_dup_tax_status_label (KabPracticeIdentity *self,
                                            const char          *country)
{
  g_return_val_if_fail (KAB_IS_PRACTICE_IDENTITY (self), NULL);

  if (g_strcmp0 (country, KAB_COUNTRY_SWEDEN) == 0)
    return g_strdup (self->f_tax ? "Godkänd för F-skatt" : "");

  if (g_strcmp0 (country, KAB_COUNTRY_NORWAY) == 0)
    return g_strdup (self->vat_registered ? "MVA" : "");

  if (g_strcmp0 (country, KAB_COUNTRY_RUSSIA) == 0)
    {
      switch (self->tax_status)
        {
        case KAB_TAX_STATUS_ENTREPRENEUR:
          return g_strdup ("Индивидуальный предприниматель");
        case KAB_TAX_STATUS_ORGANISATION:
          return g_strdup ("");
        case KAB_TAX_STATUS_SELF_EMPLOYED:
        default:
          return g_strdup ("Плательщик налога на профессиональный доход (самозанятый)");
        }
    }

  return g_strdup ("");
}
