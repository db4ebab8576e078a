/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-payments-view.c: the Payments view, one page of the main window */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-payments-view-private.h"
#include "kab-style.h"
#include "kab-toast.h"

G_DEFINE_FINAL_TYPE (KabPaymentsView, kab_payments_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * kab_payments_toast_new:
 * @text: what to say, plain text (a client's name may hold a "&")
 *
 * Returns: (transfer full): a toast showing @text as it is; toast titles are otherwise
 *   read as Pango markup
 */
AdwToast *
kab_payments_toast_new (const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  return adw_toast_new (markup);
}

/**
 * kab_payments_add_toast:
 * @widget: a widget of the Payments view
 * @toast: (transfer full): what to say
 *
 * Shows @toast over the nearest toast overlay above the view (the main window's).
 */
void
kab_payments_add_toast (GtkWidget *widget,
                        AdwToast  *toast)
{
  kab_widget_add_toast (widget, toast);
}

static void
update_empty_state (KabPaymentsView *self)
{
  gboolean has_clients = g_list_model_get_n_items (kab_store_get_clients (self->store)) > 0;

  gtk_stack_set_visible_child_name (self->main_stack, has_clients ? "content" : "empty");
}

static void
update_debts_badge (KabPaymentsView *self)
{
  guint n = kab_debts_page_get_n_debtors (self->debts_page);

  adw_view_stack_page_set_badge_number (self->debts_page_info, n);
}

static void
on_payment_activated (KabPaymentsView *self,
                      KabPayment      *payment)
{
  kab_payments_view_edit_payment (self, payment);
}

static void
on_charge_activated (KabPaymentsView *self,
                     KabCharge       *charge)
{
  kab_payments_view_activate_charge (self, charge);
}

static void
add_pages (KabPaymentsView *self)
{
  AdwViewStackPage *page;

  self->ledger_page = KAB_LEDGER_PAGE (kab_ledger_page_new (self->store));
  self->debts_page = KAB_DEBTS_PAGE (kab_debts_page_new (self->store));
  self->income_page = KAB_INCOME_PAGE (kab_income_page_new (self->store));

  /* Translators: the page with every charge and payment, one line each */
  page = adw_view_stack_add_titled (self->pages, GTK_WIDGET (self->ledger_page), "ledger", _("Ledger"));
  adw_view_stack_page_set_icon_name (page, "view-list-symbolic");
  /* Translators: the page listing the clients who owe money */
  page = adw_view_stack_add_titled (self->pages, GTK_WIDGET (self->debts_page), "debts", _("Debts"));
  adw_view_stack_page_set_icon_name (page, "document-open-recent-symbolic");
  self->debts_page_info = page;
  /* Translators: the page with the year's income by month */
  page = adw_view_stack_add_titled (self->pages, GTK_WIDGET (self->income_page), "income", _("Income"));
  adw_view_stack_page_set_icon_name (page, "kab-income-symbolic");

  g_signal_connect_object (self->ledger_page, "payment-activated",
                           G_CALLBACK (on_payment_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ledger_page, "charge-activated",
                           G_CALLBACK (on_charge_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->debts_page, "notify::n-debtors",
                           G_CALLBACK (update_debts_badge), self, G_CONNECT_SWAPPED);
}

static void
kab_payments_view_constructed (GObject *object)
{
  KabPaymentsView *self = KAB_PAYMENTS_VIEW (object);

  G_OBJECT_CLASS (kab_payments_view_parent_class)->constructed (object);

  g_return_if_fail (KAB_IS_STORE (self->store));

  add_pages (self);
  update_debts_badge (self);
  g_signal_connect_object (kab_store_get_clients (self->store), "items-changed",
                           G_CALLBACK (update_empty_state), self, G_CONNECT_SWAPPED);
  update_empty_state (self);
  kab_payments_view_watch_tax_receipt (self);
}

static void
kab_payments_view_dispose (GObject *object)
{
  KabPaymentsView *self = KAB_PAYMENTS_VIEW (object);

  /* AdwBin unparents its child itself; the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_PAYMENTS_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_payments_view_parent_class)->dispose (object);
}

static void
kab_payments_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KabPaymentsView *self = KAB_PAYMENTS_VIEW (object);

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
kab_payments_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KabPaymentsView *self = KAB_PAYMENTS_VIEW (object);

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
kab_payments_view_class_init (KabPaymentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kab_payments_view_constructed;
  object_class->dispose = kab_payments_view_dispose;
  object_class->get_property = kab_payments_view_get_property;
  object_class->set_property = kab_payments_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KAB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/payments/kab-payments-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KabPaymentsView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentsView, page_switcher);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentsView, pages);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentsView, record_button);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentsView, empty_page);

  kab_payments_view_class_init_actions (widget_class);
}

static void
kab_payments_view_init (KabPaymentsView *self)
{
  kab_style_ensure ("/org/kabinett/Kabinett/payments/kab-payments.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  kab_payments_view_add_shortcuts (self);
}

/**
 * kab_payments_view_new:
 * @store: the open practice database
 *
 * Returns: (transfer floating): a new view showing @store
 */
GtkWidget *
kab_payments_view_new (KabStore *store)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  return g_object_new (KAB_TYPE_PAYMENTS_VIEW,
                       "store", store,
                       NULL);
}

KabStore *
kab_payments_view_get_store (KabPaymentsView *self)
{
  g_return_val_if_fail (KAB_IS_PAYMENTS_VIEW (self), NULL);

  return self->store;
}
