/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-business-page.c: Preferences page for the practice's tax identity, bank and bookkeeping */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-business-page.h"
#include "kab-country.h"
#include "kab-store-documents.h"

struct _KabBusinessPage
{
  AdwPreferencesPage   parent_instance;

  KabStore            *store;
  KabPracticeIdentity *identity;   /* the last saved values */
  gboolean             loading;

  AdwPreferencesGroup *bookkeeping_group;
  AdwEntryRow         *tax_id_row;
  GtkWidget           *f_tax_row;
  GtkSwitch           *f_tax_switch;
  GtkWidget           *licensed_row;
  GtkSwitch           *licensed_switch;
  GtkWidget           *vat_registered_row;
  GtkSwitch           *vat_registered_switch;
  AdwComboRow         *tax_status_row;
  GtkWidget           *vat_percent_row;
  GtkSpinButton       *vat_percent_spin;
  AdwEntryRow         *bankgiro_row;
  AdwEntryRow         *plusgiro_row;
  AdwEntryRow         *account_row;
  AdwEntryRow         *bic_row;
  GtkSpinButton       *due_days_spin;
  GtkSwitch           *receipts_per_year_switch;
  GtkSpinButton       *sales_account_spin;
  GtkSpinButton       *bank_account_spin;
  GtkSpinButton       *receivables_account_spin;
};

G_DEFINE_FINAL_TYPE (KabBusinessPage, kab_business_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A widget of the template and the KabPracticeIdentity property it edits. */
typedef struct
{
  gsize       offset;
  const char *property;
} KabField;

#define FIELD(member, property) { G_STRUCT_OFFSET (KabBusinessPage, member), property }
#define FIELD_WIDGET(self, field) G_STRUCT_MEMBER (GtkWidget *, self, (field)->offset)

static const KabField fields[] = {
  FIELD (tax_id_row, "tax-id"),
  FIELD (bankgiro_row, "bankgiro"),
  FIELD (plusgiro_row, "plusgiro"),
  FIELD (account_row, "account"),
  FIELD (bic_row, "bic"),
  FIELD (f_tax_switch, "f-tax"),
  FIELD (licensed_switch, "licensed"),
  FIELD (vat_registered_switch, "vat-registered"),
  FIELD (receipts_per_year_switch, "receipts-per-year"),
  FIELD (vat_percent_spin, "vat-percent"),
  FIELD (due_days_spin, "due-days"),
  FIELD (sales_account_spin, "sales-account"),
  FIELD (bank_account_spin, "bank-account"),
  FIELD (receivables_account_spin, "receivables-account"),
};

static const KabField *
find_field (KabBusinessPage *self,
            gpointer         widget)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (FIELD_WIDGET (self, &fields[i]) == widget)
        return &fields[i];
    }

  g_return_val_if_reached (NULL);
}

static const char *
country (KabBusinessPage *self)
{
  return kab_practice_get_country (kab_store_get_practice (self->store));
}

static void
show_toast (KabBusinessPage *self,
            const char      *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *title = g_markup_escape_text (message, -1);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (title));
}

static GtkWidget *
row_of (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    return widget;

  return gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
}

/* Saves the identity with one field changed; a refused value stays in its row, marked,
 * so that the user can correct it. */
static void
commit (KabBusinessPage *self,
        GtkWidget       *widget,
        const GValue    *value)
{
  g_autoptr(KabPracticeIdentity) trial = kab_practice_identity_copy (self->identity);
  g_autoptr(GError) error = NULL;
  const KabField *field = find_field (self, widget);
  GtkWidget *row = row_of (widget);

  if (self->loading || field == NULL)
    return;

  g_object_set_property (G_OBJECT (trial), field->property, value);
  if (!kab_store_save_identity (self->store, trial, &error))
    {
      gtk_widget_add_css_class (row, "error");
      show_toast (self, error->message);
      return;
    }

  gtk_widget_remove_css_class (row, "error");
  g_set_object (&self->identity, trial);
}

static void
on_entry_applied (KabBusinessPage *self,
                  AdwEntryRow     *row)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  commit (self, GTK_WIDGET (row), &value);
}

static void
on_switch_toggled (KabBusinessPage *self,
                   GParamSpec      *pspec,
                   GtkSwitch       *toggle)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (toggle));
  commit (self, GTK_WIDGET (toggle), &value);
  if (toggle == self->licensed_switch)
    gtk_widget_set_visible (self->vat_percent_row,
                            !kab_practice_identity_is_vat_exempt (self->identity, country (self)));
}

static void
on_spin_changed (KabBusinessPage *self,
                 GtkSpinButton   *spin)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, gtk_spin_button_get_value_as_int (spin));
  commit (self, GTK_WIDGET (spin), &value);
}

static void
on_tax_status_changed (KabBusinessPage *self,
                       GParamSpec      *pspec,
                       AdwComboRow     *row)
{
  g_autoptr(KabPracticeIdentity) trial = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  trial = kab_practice_identity_copy (self->identity);
  kab_practice_identity_set_tax_status (trial, adw_combo_row_get_selected (row));
  if (!kab_store_save_identity (self->store, trial, &error))
    {
      show_toast (self, error->message);
      return;
    }
  g_set_object (&self->identity, trial);
  gtk_widget_set_visible (self->vat_percent_row,
                          !kab_practice_identity_is_vat_exempt (self->identity, country (self)));
}

/* What the practice's country asks for: the name of its tax number, and which rows
 * apply at all. */
static void
update_country (KabBusinessPage *self)
{
  const char *code = country (self);
  gboolean sweden = g_strcmp0 (code, KAB_COUNTRY_SWEDEN) == 0;
  gboolean norway = g_strcmp0 (code, KAB_COUNTRY_NORWAY) == 0;
  gboolean russia = g_strcmp0 (code, KAB_COUNTRY_RUSSIA) == 0;
  const char *tax_id_title = _("Tax Number");

  if (sweden)
    tax_id_title = _("Organisation or Personal Identity Number");
  else if (norway)
    tax_id_title = _("Organisation Number");
  else if (russia)
    /* Translators: the Russian taxpayer number (ИНН) */
    tax_id_title = _("INN");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->tax_id_row), tax_id_title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row),
                                 russia ? _("Settlement Account") : _("Account Number"));
  gtk_widget_set_visible (self->f_tax_row, sweden);
  gtk_widget_set_visible (self->licensed_row, sweden);
  gtk_widget_set_visible (self->vat_registered_row, norway);
  gtk_widget_set_visible (GTK_WIDGET (self->tax_status_row), russia);
  gtk_widget_set_visible (GTK_WIDGET (self->bankgiro_row), sweden);
  gtk_widget_set_visible (GTK_WIDGET (self->plusgiro_row), sweden);
  gtk_widget_set_visible (GTK_WIDGET (self->account_row), norway || russia);
  gtk_widget_set_visible (GTK_WIDGET (self->bic_row), russia);
  gtk_widget_set_visible (GTK_WIDGET (self->bookkeeping_group), sweden);
  gtk_widget_set_visible (self->vat_percent_row,
                          !kab_practice_identity_is_vat_exempt (self->identity, code));

  /* numbers of another country fail this one's checks: show where to correct */
  if (kab_practice_identity_validate (self->identity, code, NULL))
    gtk_widget_remove_css_class (GTK_WIDGET (self->tax_id_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->tax_id_row), "error");
}

static void
load_identity (KabBusinessPage *self)
{
  self->loading = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *widget = FIELD_WIDGET (self, &fields[i]);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->identity),
                                                        fields[i].property);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (self->identity), fields[i].property, &value);
      /* a spin button is an editable too: by the property's type */
      if (G_VALUE_HOLDS_STRING (&value))
        gtk_editable_set_text (GTK_EDITABLE (widget), g_value_get_string (&value));
      else if (G_VALUE_HOLDS_BOOLEAN (&value))
        gtk_switch_set_active (GTK_SWITCH (widget), g_value_get_boolean (&value));
      else
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), g_value_get_int (&value));
    }
  adw_combo_row_set_selected (self->tax_status_row,
                              kab_practice_identity_get_tax_status (self->identity));

  self->loading = FALSE;
  update_country (self);
}

static void
on_country_changed (KabBusinessPage *self)
{
  update_country (self);
}

static void
kab_business_page_constructed (GObject *object)
{
  KabBusinessPage *self = KAB_BUSINESS_PAGE (object);

  G_OBJECT_CLASS (kab_business_page_parent_class)->constructed (object);

  self->identity = kab_practice_identity_copy (kab_store_get_identity (self->store));
  load_identity (self);
  g_signal_connect_object (kab_store_get_practice (self->store), "notify::country",
                           G_CALLBACK (on_country_changed), self, G_CONNECT_SWAPPED);
}

static void
kab_business_page_dispose (GObject *object)
{
  KabBusinessPage *self = KAB_BUSINESS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_BUSINESS_PAGE);
  g_clear_object (&self->identity);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_business_page_parent_class)->dispose (object);
}

static void
kab_business_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KabBusinessPage *self = KAB_BUSINESS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_business_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KabBusinessPage *self = KAB_BUSINESS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_business_page_class_init (KabBusinessPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kab_business_page_constructed;
  object_class->dispose = kab_business_page_dispose;
  object_class->get_property = kab_business_page_get_property;
  object_class->set_property = kab_business_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/kab-business-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, bookkeeping_group);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, tax_id_row);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, f_tax_row);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, f_tax_switch);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, licensed_row);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, licensed_switch);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, vat_registered_row);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, vat_registered_switch);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, tax_status_row);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, vat_percent_row);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, vat_percent_spin);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, bankgiro_row);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, plusgiro_row);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, account_row);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, bic_row);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, due_days_spin);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, receipts_per_year_switch);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, sales_account_spin);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, bank_account_spin);
  gtk_widget_class_bind_template_child (widget_class, KabBusinessPage, receivables_account_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_applied);
  gtk_widget_class_bind_template_callback (widget_class, on_switch_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_tax_status_changed);
}

static void
kab_business_page_init (KabBusinessPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kab_business_page_new:
 * @store: the practice whose tax identity the page edits; its changes are saved at once
 */
GtkWidget *
kab_business_page_new (KabStore *store)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  return g_object_new (KAB_TYPE_BUSINESS_PAGE, "store", store, NULL);
}
