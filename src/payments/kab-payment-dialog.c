/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-payment-dialog.c: the editor of one payment (record a new one, change or remove one) */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "kab-client-chooser.h"
#include "kab-enums.h"
#include "kab-model-error.h"
#include "kab-date-format.h"
#include "kab-money.h"
#include "kab-payment-dialog.h"

struct _KabPaymentDialog
{
  AdwWindow          parent_instance;

  KabStore          *store;
  KabPayment        *payment;       /* as saved; id 0 for a new one */
  gint64             client_id;     /* who a new payment is from, 0 to choose */
  GDateTime         *date;
  gboolean           amount_edited; /* typed by the user, so not filled in any more */
  gboolean           filling;

  KabClientChooser  *client_chooser;

  GtkButton         *save_button;
  GtkLabel          *error_label;
  AdwActionRow      *client_row;
  AdwActionRow      *date_row;
  GtkMenuButton     *date_button;
  GtkPopover        *date_popover;
  GtkCalendar       *calendar;
  AdwEntryRow       *amount_row;
  GtkLabel          *currency_label;
  GtkLabel          *amount_error_label;
  AdwComboRow       *method_row;
  AdwEntryRow       *note_row;
  AdwExpanderRow    *foreign_row;
  AdwEntryRow       *foreign_amount_row;
  AdwComboRow       *foreign_currency_row;
  char              *foreign_note;  /* what the note says of the original amount, or NULL */
  AdwPreferencesGroup *receipt_group;
  GtkButton         *remove_button;
};

G_DEFINE_FINAL_TYPE (KabPaymentDialog, kab_payment_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PAYMENT,
  PROP_CLIENT_ID,
  N_PROPS
};

enum {
  SAVED,
  REMOVE_REQUESTED,
  RECEIPT_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
currency (KabPaymentDialog *self)
{
  return kab_practice_get_currency (kab_store_get_practice (self->store));
}

/**
 * kab_payment_dialog_default_method:
 *
 * How clients usually pay in the practice's country: Swish in Sweden, Vipps in Norway,
 * SBP in Russia, otherwise by card.
 */
KabPaymentMethod
kab_payment_dialog_default_method (const char *currency_code)
{
  if (g_strcmp0 (currency_code, "SEK") == 0)
    return KAB_PAYMENT_METHOD_SWISH;
  if (g_strcmp0 (currency_code, "NOK") == 0)
    return KAB_PAYMENT_METHOD_VIPPS;
  if (g_strcmp0 (currency_code, "RUB") == 0)
    return KAB_PAYMENT_METHOD_SBP;
  return KAB_PAYMENT_METHOD_CARD;
}

/**
 * kab_payment_dialog_format_amount:
 *
 * An amount as the user would type it in their locale: "1500,50" or "1500.50", "1500"
 * for whole units; no grouping and no currency, so that it can be edited.
 */
char *
kab_payment_dialog_format_amount (gint64      minor,
                                  const char *currency_code)
{
  guint digits = kab_currency_get_digits (currency_code);
  const char *point = localeconv ()->decimal_point;
  gint64 unit = 1;

  for (guint i = 0; i < digits; i++)
    unit *= 10;

  if (minor % unit == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, minor / unit);

  return g_strdup_printf ("%" G_GINT64_FORMAT "%s%0*" G_GINT64_FORMAT,
                          minor / unit, point != NULL && *point != '\0' ? point : ".",
                          (int)digits, minor % unit);
}

static void
show_date (KabPaymentDialog *self)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (self->date);
  g_autofree char *text = kab_date_format_table (local);

  gtk_menu_button_set_label (self->date_button, text);
  gtk_calendar_select_day (self->calendar, local);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  g_autoptr(GDateTime) la = g_date_time_to_local (a);
  g_autoptr(GDateTime) lb = g_date_time_to_local (b);

  return g_date_time_get_year (la) == g_date_time_get_year (lb) &&
         g_date_time_get_day_of_year (la) == g_date_time_get_day_of_year (lb);
}

/* A payment keeps its time of day when its day does not change; a payment made today is
 * dated now; another day at noon, well inside the day in any time zone nearby. */
static void
on_day_selected (KabPaymentDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDateTime *date;

  if (same_day (day, self->date))
    {
      gtk_popover_popdown (self->date_popover);
      return;
    }

  if (kab_payment_get_date (self->payment) != NULL && same_day (day, kab_payment_get_date (self->payment)))
    date = g_date_time_ref (kab_payment_get_date (self->payment));
  else if (same_day (day, now))
    date = g_date_time_ref (now);
  else
    date = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                  g_date_time_get_day_of_month (day), 12, 0, 0);

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date;
  show_date (self);
  gtk_popover_popdown (self->date_popover);
}

static void
clear_errors (KabPaymentDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->amount_error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->amount_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->client_row), "error");
}

static void
show_amount_error (KabPaymentDialog *self,
                   const char       *message)
{
  gtk_label_set_label (self->amount_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->amount_error_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->amount_row), "error");
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->amount_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->amount_row),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
}

static void
show_error (KabPaymentDialog *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
on_amount_changed (KabPaymentDialog *self)
{
  if (self->filling)
    return;

  self->amount_edited = TRUE;
  if (gtk_widget_get_visible (GTK_WIDGET (self->amount_error_label)))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->amount_error_label), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->amount_row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->amount_row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
set_amount_text (KabPaymentDialog *self,
                 const char       *text)
{
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), text);
  self->filling = FALSE;
}

/* A new payment from someone who owes is most often the whole debt. */
static void
on_client_chosen (KabPaymentDialog *self)
{
  KabClient *client = kab_client_chooser_get_client (self->client_chooser);
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->client_row), "error");

  /* Chosen from the list: the amount is what comes next. */
  if (client != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));

  if (kab_payment_get_id (self->payment) != 0 || self->amount_edited)
    return;

  if (client != NULL && kab_client_get_balance (client) > 0)
    text = kab_payment_dialog_format_amount (kab_client_get_balance (client), currency (self));
  set_amount_text (self, text != NULL ? text : "");
}

/* Paid in another currency: the payment is recorded in the practice's currency, and
 * the note says what came in ("Paid in EUR: 100,00 €"). */
static const char *
foreign_currency (KabPaymentDialog *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->foreign_currency_row);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static char *
read_foreign_note (KabPaymentDialog  *self,
                   GError           **error)
{
  const char *code = foreign_currency (self);
  g_autofree char *money = NULL;
  gint64 amount = 0;

  if (code == NULL)
    return NULL;

  if (!kab_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->foreign_amount_row)),
                        code, &amount, error))
    return NULL;

  if (amount == 0)
    {
      g_set_error_literal (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT,
                           _("Enter the amount paid in the other currency."));
      return NULL;
    }

  money = kab_money_format (amount, code);
  /* Translators: the note of a payment made in another currency; %s are its ISO code and
   * the amount paid, e.g. "Paid in EUR: 100,00 €" */
  return g_strdup_printf (_("Paid in %s: %s"), code, money);
}

/* The note follows the original amount as it is typed, unless the user wrote a note of
 * their own. */
static void
on_foreign_changed (KabPaymentDialog *self)
{
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  g_autofree char *generated = NULL;

  if (self->filling)
    return;

  if (adw_expander_row_get_enable_expansion (self->foreign_row))
    generated = read_foreign_note (self, NULL);

  if (*note == '\0' || g_strcmp0 (note, self->foreign_note) == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->note_row), generated != NULL ? generated : "");

  g_free (self->foreign_note);
  self->foreign_note = g_steal_pointer (&generated);
}

/* The note to save: the user's, with the original amount in front when it is not there. */
static char *
read_note (KabPaymentDialog  *self,
           GError           **error)
{
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  g_autofree char *foreign = NULL;

  if (!adw_expander_row_get_enable_expansion (self->foreign_row))
    return g_strdup (note);

  foreign = read_foreign_note (self, error);
  if (foreign == NULL)
    return NULL;

  if (strstr (note, foreign) != NULL)
    return g_strdup (note);
  if (*note == '\0')
    return g_steal_pointer (&foreign);

  return g_strconcat (foreign, " · ", note, NULL);
}

static GListModel *
foreign_currencies (KabPaymentDialog *self)
{
  GtkStringList *codes = gtk_string_list_new (NULL);
  const char * const *all = kab_currency_list ();

  for (guint i = 0; all[i] != NULL; i++)
    if (g_strcmp0 (all[i], currency (self)) != 0)
      gtk_string_list_append (codes, all[i]);

  return G_LIST_MODEL (codes);
}

/* Reads the fields into a copy of the payment; the dialog's own payment changes only
 * once the store has saved. */
static KabPayment *
read_fields (KabPaymentDialog *self)
{
  const char *amount_text = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  KabClient *client = kab_client_chooser_get_client (self->client_chooser);
  g_autoptr(KabPayment) payment = kab_payment_copy (self->payment);
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  gint64 amount = 0;

  if (client == NULL)
    {
      show_error (self, _("Choose the client who paid."));
      gtk_widget_add_css_class (GTK_WIDGET (self->client_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->client_chooser));
      return NULL;
    }

  if (!kab_money_parse (amount_text, currency (self), &amount, &error))
    {
      show_amount_error (self, error->message);
      return NULL;
    }

  note = read_note (self, &error);
  if (note == NULL)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->foreign_amount_row));
      return NULL;
    }

  g_object_set (payment,
                "client-id", kab_client_get_id (client),
                "date", self->date,
                "amount", amount,
                "currency", currency (self),
                "method", (int)adw_combo_row_get_selected (self->method_row),
                "note", note,
                NULL);

  if (!kab_payment_validate (payment, &error))
    {
      if (g_error_matches (error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_AMOUNT))
        show_amount_error (self, error->message);
      else
        show_error (self, error->message);
      return NULL;
    }

  return g_steal_pointer (&payment);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KabPaymentDialog *self = KAB_PAYMENT_DIALOG (widget);
  g_autoptr(KabPayment) payment = NULL;
  g_autoptr(GError) error = NULL;

  clear_errors (self);

  payment = read_fields (self);
  if (payment == NULL)
    return;

  if (!kab_store_save_payment (self->store, payment, &error))
    {
      /* Nothing is lost: the dialog stays open with what was typed. */
      show_error (self, error->message);
      return;
    }

  g_set_object (&self->payment, payment);
  g_signal_emit (self, signals[SAVED], 0, payment);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KabPaymentDialog *self = KAB_PAYMENT_DIALOG (widget);
  g_autoptr(KabPayment) payment = g_object_ref (self->payment);

  g_signal_emit (self, signals[REMOVE_REQUESTED], 0, payment);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
receipt_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KabPaymentDialog *self = KAB_PAYMENT_DIALOG (widget);
  gboolean as_pdf = g_str_equal (action_name, "payment.save-receipt");

  g_signal_emit (self, signals[RECEIPT_REQUESTED], 0, self->payment, as_pdf);
}

static GListModel *
method_labels (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  /* In the order of the enumeration, so that a position is a KabPaymentMethod. */
  for (int method = KAB_PAYMENT_METHOD_CASH; method <= KAB_PAYMENT_METHOD_OTHER; method++)
    gtk_string_list_append (labels, kab_payment_method_to_label (method));

  return G_LIST_MODEL (labels);
}

static void
fill_fields (KabPaymentDialog *self)
{
  gboolean is_new = kab_payment_get_id (self->payment) == 0;
  g_autoptr(GListModel) methods = method_labels ();
  g_autofree char *amount = NULL;

  g_autoptr(GListModel) codes = foreign_currencies (self);

  gtk_label_set_label (self->currency_label, kab_currency_get_symbol (currency (self)));
  adw_combo_row_set_model (self->method_row, methods);
  self->filling = TRUE;
  adw_combo_row_set_model (self->foreign_currency_row, codes);
  self->filling = FALSE;

  if (is_new)
    {
      self->date = g_date_time_new_now_local ();
      adw_combo_row_set_selected (self->method_row,
                                  kab_payment_dialog_default_method (currency (self)));
      kab_client_chooser_set_client_id (self->client_chooser, self->client_id);
      on_client_chosen (self);
      return;
    }

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Payment"));
  gtk_widget_set_visible (GTK_WIDGET (self->receipt_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), TRUE);

  self->date = g_date_time_ref (kab_payment_get_date (self->payment));
  adw_combo_row_set_selected (self->method_row, kab_payment_get_method (self->payment));
  kab_client_chooser_set_client_id (self->client_chooser,
                                    kab_payment_get_client_id (self->payment));
  amount = kab_payment_dialog_format_amount (kab_payment_get_amount (self->payment),
                                             currency (self));
  set_amount_text (self, amount);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), kab_payment_get_note (self->payment));
}

static void
kab_payment_dialog_constructed (GObject *object)
{
  KabPaymentDialog *self = KAB_PAYMENT_DIALOG (object);

  G_OBJECT_CLASS (kab_payment_dialog_parent_class)->constructed (object);

  if (self->payment == NULL)
    self->payment = kab_payment_new ();

  self->client_chooser = KAB_CLIENT_CHOOSER (kab_client_chooser_new (self->store, NULL));
  adw_action_row_add_suffix (self->client_row, GTK_WIDGET (self->client_chooser));
  adw_action_row_set_activatable_widget (self->client_row, GTK_WIDGET (self->client_chooser));
  g_signal_connect_swapped (self->client_chooser, "notify::client",
                            G_CALLBACK (on_client_chosen), self);

  fill_fields (self);
  show_date (self);

  /* Start where typing is needed: the amount once the client is known. */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  if (kab_client_chooser_get_client (self->client_chooser) != NULL)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->amount_row));
  else
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->client_chooser));
}

static void
kab_payment_dialog_dispose (GObject *object)
{
  KabPaymentDialog *self = KAB_PAYMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_PAYMENT_DIALOG);
  g_clear_object (&self->payment);
  g_clear_object (&self->store);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->foreign_note, g_free);

  G_OBJECT_CLASS (kab_payment_dialog_parent_class)->dispose (object);
}

static void
kab_payment_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KabPaymentDialog *self = KAB_PAYMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PAYMENT:
      g_value_set_object (value, self->payment);
      break;
    case PROP_CLIENT_ID:
      g_value_set_int64 (value, self->client_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_payment_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KabPaymentDialog *self = KAB_PAYMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PAYMENT:
      self->payment = g_value_dup_object (value);
      break;
    case PROP_CLIENT_ID:
      self->client_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_payment_dialog_class_init (KabPaymentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kab_payment_dialog_constructed;
  object_class->dispose = kab_payment_dialog_dispose;
  object_class->get_property = kab_payment_dialog_get_property;
  object_class->set_property = kab_payment_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAYMENT] =
    g_param_spec_object ("payment", NULL, NULL, KAB_TYPE_PAYMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT_ID] =
    g_param_spec_int64 ("client-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KabPaymentDialog::saved:
   * @payment: the payment as the store saved it
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KAB_TYPE_PAYMENT);
  /**
   * KabPaymentDialog::remove-requested:
   * @payment: the payment to remove (the dialog has closed)
   */
  signals[REMOVE_REQUESTED] =
    g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, KAB_TYPE_PAYMENT);
  /**
   * KabPaymentDialog::receipt-requested:
   * @payment: the payment as saved
   * @as_pdf: %TRUE to save a PDF, %FALSE to print
   */
  signals[RECEIPT_REQUESTED] =
    g_signal_new ("receipt-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, KAB_TYPE_PAYMENT, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/payments/kab-payment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KabPaymentDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentDialog, client_row);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentDialog, date_popover);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentDialog, currency_label);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentDialog, foreign_row);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentDialog, foreign_amount_row);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentDialog, foreign_currency_row);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentDialog, amount_error_label);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentDialog, receipt_group);
  gtk_widget_class_bind_template_child (widget_class, KabPaymentDialog, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_amount_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_foreign_changed);

  gtk_widget_class_install_action (widget_class, "payment.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "payment.remove", NULL, remove_activated);
  gtk_widget_class_install_action (widget_class, "payment.print-receipt", NULL, receipt_activated);
  gtk_widget_class_install_action (widget_class, "payment.save-receipt", NULL, receipt_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kab_payment_dialog_init (KabPaymentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kab_payment_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @payment: (nullable): the payment to edit, or %NULL to record a new one
 * @client_id: for a new payment, the client chosen already (0: none)
 */
KabPaymentDialog *
kab_payment_dialog_new (GtkWindow  *parent,
                        KabStore   *store,
                        KabPayment *payment,
                        gint64      client_id)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);
  g_return_val_if_fail (payment == NULL || KAB_IS_PAYMENT (payment), NULL);

  return g_object_new (KAB_TYPE_PAYMENT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "payment", payment,
                       "client-id", client_id,
                       NULL);
}

/**
 * kab_payment_dialog_get_payment:
 *
 * Returns: (transfer none): the payment as last saved (id 0 while a new one is unsaved)
 */
KabPayment *
kab_payment_dialog_get_payment (KabPaymentDialog *self)
{
  g_return_val_if_fail (KAB_IS_PAYMENT_DIALOG (self), NULL);

  return self->payment;
}
