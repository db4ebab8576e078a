/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-currency-dialog.c: the explicit step that converts the practice to another currency */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-currency-dialog.h"
#include "kab-exchange-rate.h"
#include "kab-money.h"

/* Changing the currency once the ledger has entries is a conversion, said in full: what
 * stays, what moves, how many balances, at which rate. Nothing happens until the user
 * has typed a rate the model accepts and chosen Convert. */
struct _KabCurrencyDialog
{
  AdwMessageDialog  parent_instance;

  KabStore         *store;
  char             *currency;      /* the new one */
  gboolean          blocked;       /* an invoice is unpaid: no conversion */

  GtkWidget        *rate_box;
  AdwEntryRow      *rate_row;
  GtkLabel         *from_label;
  GtkLabel         *to_label;
  GtkLabel         *preview_label;
};

G_DEFINE_FINAL_TYPE (KabCurrencyDialog, kab_currency_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  CONVERTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A sample balance, so that the rate reads as money: 1 000 units of the old currency. */
#define SAMPLE_UNITS 1000

static const char *
old_currency (KabCurrencyDialog *self)
{
  return kab_practice_get_currency (kab_store_get_practice (self->store));
}

static void
show_preview (KabCurrencyDialog *self,
              const char        *text,
              gboolean           is_error)
{
  gtk_label_set_text (self->preview_label, text);
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->preview_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->rate_row), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->preview_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->rate_row), "error");
    }
}

static void
on_rate_changed (KabCurrencyDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->rate_row));
  g_autoptr(GError) error = NULL;
  KabExchangeRate rate;
  gint64 sample = SAMPLE_UNITS;
  gint64 converted = 0;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *preview = NULL;
  gboolean valid;

  for (guint i = 0; i < kab_currency_get_digits (old_currency (self)); i++)
    sample *= 10;

  valid = !self->blocked &&
          kab_exchange_rate_parse (text, &rate, &error) &&
          kab_exchange_rate_convert (&rate, sample, old_currency (self), self->currency,
                                     &converted, &error);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "convert", valid);

  if (self->blocked)
    return;

  if (!valid)
    {
      /* Nothing typed yet is not a mistake. */
      if (*text == '\0')
        show_preview (self, "", FALSE);
      else
        show_preview (self, error->message, TRUE);
      return;
    }

  from = kab_money_format (sample, old_currency (self));
  to = kab_money_format (converted, self->currency);
  /* Translators: under the exchange rate: what it does to a sample balance, e.g.
   * "A balance of 1 000,00 € becomes 11 500,00 kr." */
  preview = g_strdup_printf (_("A balance of %s becomes %s."), from, to);
  show_preview (self, preview, FALSE);
}

static char *
describe (KabCurrencyDialog          *self,
          const KabConversionPreview *preview)
{
  const char *old = old_currency (self);
  g_autofree char *keeps = NULL;
  g_autofree char *moves = NULL;
  g_autofree char *count = NULL;

  /* Translators: %s is the practice's currency now, an ISO code, e.g. EUR */
  keeps = g_strdup_printf (_("Kabinett adds up one currency per practice. What is already "
                             "recorded in %s stays as it is: charges, payments, receipts and "
                             "invoices keep the currency they were made in."),
                           old);

  if (self->blocked)
    {
      g_autoptr(GError) error = NULL;

      kab_store_can_convert_currency (self->store, &error);
      return g_strdup_printf ("%s\n\n%s", keeps, error != NULL ? error->message : "");
    }

  /* Translators: %s are ISO currency codes: the old one (e.g. EUR), then the new (SEK) */
  moves = g_strdup_printf (_("Each client's balance is closed in %s and opened in %s at the "
                             "rate below, by two entries in the ledger that say so. The fees "
                             "are converted at the same rate; prepaid packages keep the "
                             "sessions they have left."),
                           old, self->currency);

  if (preview->n_clients == 0)
    count = g_strdup (_("No client has a balance to convert."));
  else
    count = g_strdup_printf (ngettext (
                                          "%u client’s balance will be converted.",
                                          "%u clients’ balances will be converted.",
                                          preview->n_clients),
                             preview->n_clients);

  return g_strdup_printf ("%s\n\n%s\n\n%s", keeps, moves, count);
}

static void
show_failure (KabCurrencyDialog *self,
              const GError      *error)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Currency Not Changed"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_response (KabCurrencyDialog *self,
             const char        *response)
{
  g_autoptr(GError) error = NULL;
  KabExchangeRate rate;
  guint n_clients = 0;

  if (g_strcmp0 (response, "convert") != 0)
    return;

  if (!kab_exchange_rate_parse (gtk_editable_get_text (GTK_EDITABLE (self->rate_row)),
                                &rate, &error) ||
      !kab_store_convert_currency (self->store, self->currency, &rate, &n_clients, &error))
    {
      show_failure (self, error);
      return;
    }

  g_signal_emit (self, signals[CONVERTED], 0, n_clients);
}

static void
kab_currency_dialog_dispose (GObject *object)
{
  KabCurrencyDialog *self = KAB_CURRENCY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_CURRENCY_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (kab_currency_dialog_parent_class)->dispose (object);
}

static void
kab_currency_dialog_class_init (KabCurrencyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_currency_dialog_dispose;

  /**
   * KabCurrencyDialog::converted:
   * @n_clients: the clients whose balance was converted
   *
   * The practice now keeps its accounts in the new currency.
   */
  signals[CONVERTED] =
    g_signal_new ("converted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/kab-currency-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KabCurrencyDialog, rate_box);
  gtk_widget_class_bind_template_child (widget_class, KabCurrencyDialog, rate_row);
  gtk_widget_class_bind_template_child (widget_class, KabCurrencyDialog, from_label);
  gtk_widget_class_bind_template_child (widget_class, KabCurrencyDialog, to_label);
  gtk_widget_class_bind_template_child (widget_class, KabCurrencyDialog, preview_label);
  gtk_widget_class_bind_template_callback (widget_class, on_rate_changed);
}

static void
kab_currency_dialog_init (KabCurrencyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (on_response), NULL);
}

/**
 * kab_currency_dialog_new:
 * @parent: the preferences window
 * @currency: the currency chosen, an ISO 4217 code other than the practice's
 *
 * Returns: (transfer none): the dialog, to present; it converts on "Convert" and emits
 *   #KabCurrencyDialog::converted
 */
GtkWidget *
kab_currency_dialog_new (GtkWindow  *parent,
                         KabStore   *store,
                         const char *currency)
{
  KabCurrencyDialog *self;
  KabConversionPreview preview = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *from = NULL;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);
  g_return_val_if_fail (currency != NULL, NULL);

  self = g_object_new (KAB_TYPE_CURRENCY_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->currency = g_strdup (currency);

  if (!kab_store_preview_conversion (store, &preview, &error))
    g_warning ("Cannot count the balances to convert: %s", error->message);
  self->blocked = preview.n_open_invoices > 0;

  /* Translators: %s is an ISO currency code, e.g. SEK */
  heading = g_strdup_printf (_("Convert the Practice to %s?"), currency);
  body = describe (self, &preview);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  /* Translators: before the exchange rate, e.g. "1 EUR =" 11.50 SEK */
  from = g_strdup_printf (_("1 %s ="), old_currency (self));
  gtk_label_set_text (self->from_label, from);
  gtk_label_set_text (self->to_label, currency);
  gtk_widget_set_visible (self->rate_box, !self->blocked);
  on_rate_changed (self);

  return GTK_WIDGET (self);
}
