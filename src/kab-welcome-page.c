/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-welcome-page.c: the first start: who the practitioner is and the house rules */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kab-country.h"
#include "kab-money.h"
#include "kab-welcome-page.h"

/* The page asks only what the first week needs; everything else (address, hours of the
 * day, records) keeps its default and stays in Preferences. Nothing is saved until the
 * user starts, so skipping leaves the practice exactly as it was. */
struct _KabWelcomePage
{
  AdwBin          parent_instance;

  KabStore       *store;

  AdwEntryRow    *name_row;
  AdwEntryRow    *title_row;
  AdwComboRow    *country_row;
  AdwEntryRow    *fee_row;
  GtkLabel       *fee_currency_label;
  GtkSpinButton  *cancel_hours_spin;
  GtkSpinButton  *late_percent_spin;
  GtkButton      *start_button;
  GtkButton      *skip_button;
};

G_DEFINE_FINAL_TYPE (KabWelcomePage, kab_welcome_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The rows of the country row, in the order of the template. */
static const char * const country_codes[] = {
  KAB_COUNTRY_SWEDEN, KAB_COUNTRY_NORWAY, KAB_COUNTRY_RUSSIA, KAB_COUNTRY_OTHER,
};

/**
 * kab_welcome_page_is_wanted:
 *
 * The rule of the first start: the practice is unset while it has neither a
 * practitioner's name nor a client. Once either exists the page never comes back;
 * a practice skipped with nothing recorded is welcomed again on the next start.
 */
gboolean
kab_welcome_page_is_wanted (KabStore *store)
{
  KabPractice *practice;
  g_autofree char *name = NULL;

  g_return_val_if_fail (KAB_IS_STORE (store), FALSE);

  practice = kab_store_get_practice (store);
  name = g_strstrip (g_strdup (kab_practice_get_practitioner_name (practice) ?: ""));

  return *name == '\0' && g_list_model_get_n_items (kab_store_get_clients (store)) == 0;
}

static const char *
get_selected_country (KabWelcomePage *self)
{
  guint selected = adw_combo_row_get_selected (self->country_row);

  if (selected >= G_N_ELEMENTS (country_codes))
    return KAB_COUNTRY_OTHER;

  return country_codes[selected];
}

static const char *
get_selected_currency (KabWelcomePage *self)
{
  return kab_country_default_currency (get_selected_country (self));
}

/* The fee as the user would type it: "1500,50" in a decimal-comma locale. */
static char *
format_fee (gint64      minor,
            const char *currency)
{
  g_autofree char *plain = kab_money_format_plain (minor, currency);
  const char *point = localeconv ()->decimal_point;
  char *dot = strchr (plain, '.');

  if (dot == NULL || point == NULL || *point == '\0' || g_str_equal (point, "."))
    return g_steal_pointer (&plain);

  *dot = '\0';
  return g_strconcat (plain, point, dot + 1, NULL);
}

static gboolean
parse_fee (KabWelcomePage  *self,
           gint64          *out_fee,
           GError         **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->fee_row))));

  *out_fee = 0;

  /* An empty field means no fee yet, like "0". */
  if (*text == '\0')
    return TRUE;

  return kab_money_parse (text, get_selected_currency (self), out_fee, error);
}

static void
mark_fee (KabWelcomePage *self,
          const GError   *error)
{
  GtkWidget *row = GTK_WIDGET (self->fee_row);

  if (error != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  gtk_widget_set_tooltip_text (row, error != NULL ? error->message : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), error == NULL);
}

static void
on_fee_changed (KabWelcomePage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 fee;

  parse_fee (self, &fee, &error);
  mark_fee (self, error);
}

static void
on_country_changed (KabWelcomePage *self)
{
  gtk_label_set_text (self->fee_currency_label,
                      kab_currency_get_symbol (get_selected_currency (self)));
  on_fee_changed (self);
}

static void
show_toast (KabWelcomePage *self,
            const char     *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
on_start_clicked (KabWelcomePage *self)
{
  g_autoptr(KabPractice) trial = kab_practice_copy (kab_store_get_practice (self->store));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autoptr(GError) error = NULL;
  gint64 fee;

  if (!parse_fee (self, &fee, &error))
    {
      mark_fee (self, error);
      show_toast (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->fee_row));
      return;
    }

  kab_practice_apply_country_defaults (trial, get_selected_country (self));
  kab_practice_set_practitioner_name (trial, name);
  kab_practice_set_title (trial, title);
  kab_practice_set_default_fee (trial, fee);
  kab_practice_set_cancel_hours (trial, gtk_spin_button_get_value_as_int (self->cancel_hours_spin));
  kab_practice_set_late_cancel_percent (trial, gtk_spin_button_get_value_as_int (self->late_percent_spin));

  if (!kab_practice_validate (trial, &error)
      || !kab_store_save_practice (self->store, trial, &error))
    {
      show_toast (self, error->message);
      return;
    }

  g_signal_emit (self, signals[DONE], 0);
}

static void
on_skip_clicked (KabWelcomePage *self)
{
  g_signal_emit (self, signals[DONE], 0);
}

static void
on_entry_activated (KabWelcomePage *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->start_button)))
    on_start_clicked (self);
}

static void
load_practice (KabWelcomePage *self)
{
  KabPractice *practice = kab_store_get_practice (self->store);
  const char *country = kab_practice_get_country (practice);
  guint selected = G_N_ELEMENTS (country_codes) - 1;
  g_autofree char *fee = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (country_codes); i++)
    if (g_strcmp0 (country_codes[i], country) == 0)
      selected = i;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), kab_practice_get_practitioner_name (practice));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), kab_practice_get_title (practice));
  adw_combo_row_set_selected (self->country_row, selected);

  if (kab_practice_get_default_fee (practice) > 0)
    fee = format_fee (kab_practice_get_default_fee (practice), get_selected_currency (self));
  gtk_editable_set_text (GTK_EDITABLE (self->fee_row), fee != NULL ? fee : "");

  gtk_spin_button_set_value (self->cancel_hours_spin, kab_practice_get_cancel_hours (practice));
  gtk_spin_button_set_value (self->late_percent_spin, kab_practice_get_late_cancel_percent (practice));
  on_country_changed (self);
}

static void
kab_welcome_page_map (GtkWidget *widget)
{
  KabWelcomePage *self = KAB_WELCOME_PAGE (widget);

  GTK_WIDGET_CLASS (kab_welcome_page_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
kab_welcome_page_constructed (GObject *object)
{
  KabWelcomePage *self = KAB_WELCOME_PAGE (object);

  G_OBJECT_CLASS (kab_welcome_page_parent_class)->constructed (object);

  load_practice (self);
}

static void
kab_welcome_page_dispose (GObject *object)
{
  KabWelcomePage *self = KAB_WELCOME_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_WELCOME_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_welcome_page_parent_class)->dispose (object);
}

static void
kab_welcome_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KabWelcomePage *self = KAB_WELCOME_PAGE (object);

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
kab_welcome_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KabWelcomePage *self = KAB_WELCOME_PAGE (object);

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
kab_welcome_page_class_init (KabWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kab_welcome_page_constructed;
  object_class->dispose = kab_welcome_page_dispose;
  object_class->get_property = kab_welcome_page_get_property;
  object_class->set_property = kab_welcome_page_set_property;

  widget_class->map = kab_welcome_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KAB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KabWelcomePage::done:
   *
   * The user started (the settings are saved) or skipped (nothing is saved).
   */
  signals[DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/kab-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KabWelcomePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, KabWelcomePage, title_row);
  gtk_widget_class_bind_template_child (widget_class, KabWelcomePage, country_row);
  gtk_widget_class_bind_template_child (widget_class, KabWelcomePage, fee_row);
  gtk_widget_class_bind_template_child (widget_class, KabWelcomePage, fee_currency_label);
  gtk_widget_class_bind_template_child (widget_class, KabWelcomePage, cancel_hours_spin);
  gtk_widget_class_bind_template_child (widget_class, KabWelcomePage, late_percent_spin);
  gtk_widget_class_bind_template_child (widget_class, KabWelcomePage, start_button);
  gtk_widget_class_bind_template_child (widget_class, KabWelcomePage, skip_button);
  gtk_widget_class_bind_template_callback (widget_class, on_fee_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_country_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_skip_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
}

static void
kab_welcome_page_init (KabWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kab_welcome_page_new (KabStore *store)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  return g_object_new (KAB_TYPE_WELCOME_PAGE, "store", store, NULL);
}
