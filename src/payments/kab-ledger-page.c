/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-ledger-page.c: the ledger of the practice for a month, or of one client, with running balances */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-client-chooser.h"
#include "kab-ledger.h"
#include "kab-ledger-entry.h"
#include "kab-ledger-page.h"
#include "kab-date-format.h"
#include "kab-receipt-column.h"
#include "kab-money.h"
#include "kab-tooltip.h"

struct _KabLedgerPage
{
  AdwBin              parent_instance;

  KabStore           *store;
  GDateTime          *month;          /* local midnight of the month's first day */
  GListStore         *entries;        /* KabLedgerEntry */
  GtkSingleSelection *selection;
  KabClientChooser   *chooser;
  guint               refresh_source;
  guint               scroll_source;

  GtkBox             *chooser_slot;
  GtkBox             *month_box;
  GtkLabel           *month_label;
  GtkLabel           *charged_title;
  GtkLabel           *charged_label;
  GtkLabel           *paid_title;
  GtkLabel           *paid_label;
  GtkLabel           *balance_title;
  GtkLabel           *balance_label;
  GtkStack           *content_stack;
  GtkScrolledWindow  *scrolled_window;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *client_column;
  GtkColumnViewColumn *what_column;
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *charged_column;
  GtkColumnViewColumn *paid_column;
  GtkColumnViewColumn *balance_column;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (KabLedgerPage, kab_ledger_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLIENT_ID,
  PROP_MONTH,
  N_PROPS
};

enum {
  PAYMENT_ACTIVATED,
  CHARGE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
currency (KabLedgerPage *self)
{
  return kab_practice_get_currency (kab_store_get_practice (self->store));
}

static GDateTime *
month_start (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                1, 0, 0, 0);
}

static void
set_amount (GtkLabel   *label,
            gint64      amount,
            const char *currency_code)
{
  g_autofree char *text = kab_money_format (amount, currency_code);

  gtk_label_set_label (label, text);
}

/* Cells
 *
 * One label per cell, filled when its row is bound. Recording a payment adds a row, and
 * GTK 4.8's column view then measures every row again; a builder template parsed per cell,
 * with an expression watch per binding, made the new row cost more than all of that. */

typedef char *(*CellText) (KabLedgerEntry *entry);

typedef struct
{
  CellText text;
  float    xalign;
  gboolean long_text;        /* ellipsized, with the whole text as its tooltip */
  gboolean numeric;
  gboolean follows_balance;  /* a kept line's balance changes when a line before it does */
} LedgerCell;

static char *
dup_client_name (KabLedgerEntry *entry)
{
  return g_strdup (kab_ledger_entry_get_client_name (entry));
}

static char *
dup_description (KabLedgerEntry *entry)
{
  return g_strdup (kab_ledger_entry_get_description (entry));
}

static const LedgerCell date_cell = { kab_ledger_entry_dup_date_text, 0.0f, FALSE, FALSE, FALSE };
static const LedgerCell client_cell = { dup_client_name, 0.0f, TRUE, FALSE, FALSE };
static const LedgerCell what_cell = { dup_description, 0.0f, TRUE, FALSE, FALSE };
static const LedgerCell charged_cell = { kab_ledger_entry_dup_charged_text, 1.0f, FALSE, TRUE, FALSE };
static const LedgerCell paid_cell = { kab_ledger_entry_dup_paid_text, 1.0f, FALSE, TRUE, FALSE };
static const LedgerCell balance_cell = { kab_ledger_entry_dup_balance_text, 1.0f, FALSE, TRUE, TRUE };

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            const LedgerCell         *cell)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), cell->xalign);
  if (cell->long_text)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (cell->numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
cell_show (GtkListItem      *item,
           const LedgerCell *cell)
{
  KabLedgerEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = entry != NULL ? cell->text (entry) : NULL;

  gtk_label_set_label (GTK_LABEL (label), text);
  if (cell->long_text)
    kab_tooltip_set_text (label, text);
}

static void
on_balance_changed (KabLedgerEntry *entry,
                    GParamSpec     *pspec,
                    GtkListItem    *item)
{
  cell_show (item, &balance_cell);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           const LedgerCell         *cell)
{
  cell_show (item, cell);
  if (cell->follows_balance)
    g_signal_connect (gtk_list_item_get_item (item), "notify::balance-text",
                      G_CALLBACK (on_balance_changed), item);
}

static void
cell_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             const LedgerCell         *cell)
{
  if (cell->follows_balance)
    g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_balance_changed, item);
}

static void
set_cell_factory (GtkColumnViewColumn *column,
                  const LedgerCell    *cell)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), (gpointer)cell);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), (gpointer)cell);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), (gpointer)cell);
  gtk_column_view_column_set_factory (column, factory);
}

/* Column widths */

static int
text_width (KabLedgerPage *self,
            const char    *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), text);
  int width = 0;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
fit_column (GtkColumnViewColumn *column,
            int                  text_width,
            int                  normal_width)
{
  /* The cell's padding on both sides, and room for the column's separator. */
  gtk_column_view_column_set_fixed_width (column, MAX (normal_width, text_width + 32));
}

/* The date and amount columns have fixed widths (rows sized as they scroll would make
 * them jump) that fit normal text. Large Text (1.5× in GNOME's accessibility settings)
 * would cut "01.12.2026" to "01.12.202": the columns grow with the text of the widest
 * date and of a six-figure amount. */
static void
fit_columns_to_text (KabLedgerPage *self)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 12, 28, 0, 0, 0);
  g_autofree char *date = kab_date_format_table (day);
  g_autofree char *amount = kab_money_format (-99999999, currency (self));
  int amount_width = text_width (self, amount);

  fit_column (self->date_column, text_width (self, date), 110);
  fit_column (self->charged_column, amount_width, 130);
  fit_column (self->paid_column, amount_width, 130);
  fit_column (self->balance_column, amount_width, 130);
}

static void
update_month_summary (KabLedgerPage *self,
                      gint64         charged,
                      gint64         paid,
                      gint64         closing)
{
  gtk_label_set_label (self->charged_title, _("Charged"));
  gtk_label_set_label (self->paid_title, _("Paid"));
  gtk_label_set_label (self->balance_title, _("Outstanding at month end"));
  set_amount (self->charged_label, charged, currency (self));
  set_amount (self->paid_label, paid, currency (self));
  set_amount (self->balance_label, closing, currency (self));
}

/* The client's balance as the store keeps it, in words a person would use. */
static void
update_client_summary (KabLedgerPage *self,
                       KabClient     *client,
                       gint64         charged,
                       gint64         paid)
{
  gint64 balance = kab_client_get_balance (client);

  gtk_label_set_label (self->charged_title, _("Charged in total"));
  gtk_label_set_label (self->paid_title, _("Paid in total"));
  set_amount (self->charged_label, charged, currency (self));
  set_amount (self->paid_label, paid, currency (self));

  if (balance > 0)
    {
      /* Translators: above the amount a client still has to pay */
      gtk_label_set_label (self->balance_title, _("Owes"));
      set_amount (self->balance_label, balance, currency (self));
    }
  else if (balance < 0)
    {
      /* Translators: above the amount a client has paid ahead */
      gtk_label_set_label (self->balance_title, _("In credit"));
      set_amount (self->balance_label, -balance, currency (self));
    }
  else
    {
      gtk_label_set_label (self->balance_title, _("Balance"));
      /* Translators: a client's balance when nothing is owed */
      gtk_label_set_label (self->balance_label, _("Paid up"));
    }
}

static void
update_empty_page (KabLedgerPage *self,
                   KabClient     *client)
{
  g_autofree char *description = NULL;

  if (client != NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Charges or Payments"));
      adw_status_page_set_description (self->empty_page,
        _("The sessions this client attends are charged here, and the payments you record appear beside them."));
      return;
    }

  /* Translators: %s is a month and year, e.g. "November 2025" */
  description = g_strdup_printf (_("Nothing was charged or paid in %s."),
                                 gtk_label_get_label (self->month_label));
  adw_status_page_set_title (self->empty_page, _("No Entries This Month"));
  adw_status_page_set_description (self->empty_page, description);
}

static void
update_summary (KabLedgerPage *self)
{
  KabClient *client = kab_client_chooser_get_client (self->chooser);
  GListModel *model = G_LIST_MODEL (self->entries);
  guint n = g_list_model_get_n_items (model);
  gint64 charged = 0, paid = 0, closing = 0;
  guint rows = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabLedgerEntry) entry = g_list_model_get_item (model, i);

      /* Lines in a currency the practice left are history: the totals add up only
       * the practice's currency, so that two currencies are never summed. */
      if (g_strcmp0 (kab_ledger_entry_get_currency (entry), currency (self)) == 0)
        {
          charged += kab_ledger_entry_get_charged (entry);
          paid += kab_ledger_entry_get_paid (entry);
        }
      closing = kab_ledger_entry_get_balance (entry);
      if (kab_ledger_entry_get_charge (entry) != NULL || kab_ledger_entry_get_payment (entry) != NULL)
        rows++;
    }

  if (client != NULL)
    update_client_summary (self, client, charged, paid);
  else
    update_month_summary (self, charged, paid, closing);

  update_empty_page (self, client);
  gtk_stack_set_visible_child_name (self->content_stack, rows > 0 ? "list" : "empty");
}

/* "november 2026" → "November 2026": the month heads the page, even in languages that
 * write month names in lower case. */
static char *
capitalize (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buffer[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
  return g_strconcat (buffer, g_utf8_next_char (text), NULL);
}

static void
update_month_label (KabLedgerPage *self)
{
  /* Translators: the month the ledger shows; %OB is the month's name standing alone
   * (nominative), %Y the year */
  /* xgettext:no-c-format */
  g_autofree char *text = g_date_time_format (self->month, C_("month title", "%OB %Y"));
  g_autofree char *title = capitalize (text);

  gtk_label_set_label (self->month_label, title);
}

static void
refresh (KabLedgerPage *self,
         gboolean       replace)
{
  gint64 client_id = kab_client_chooser_get_client_id (self->chooser);
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (client_id == 0)
    next = g_date_time_add_months (self->month, 1);

  fresh = kab_ledger_build (self->store, client_id,
                            client_id == 0 ? self->month : NULL, next, &error);
  if (fresh == NULL)
    {
      g_warning ("Could not read the ledger: %s", error->message);
      adw_status_page_set_title (self->empty_page, _("The Ledger Could Not Be Read"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  if (replace)
    g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                         fresh->pdata, fresh->len);
  else
    kab_ledger_merge (self->entries, fresh);

  update_summary (self);
}

static gboolean
refresh_idle (gpointer user_data)
{
  KabLedgerPage *self = user_data;

  self->refresh_source = 0;
  refresh (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* Many writes in a row (an import, the demo) make one refresh. */
static void
on_ledger_changed (KabLedgerPage *self,
                   gint64         client_id)
{
  gint64 shown = kab_client_chooser_get_client_id (self->chooser);

  if (shown != 0 && client_id != 0 && client_id != shown)
    return;

  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle, self, NULL);
}

static void
on_currency_changed (KabLedgerPage *self)
{
  refresh (self, TRUE);
}

/* GtkColumnView (before GTK 4.12) cannot scroll to a row itself; the list view inside
 * it can, through its "list.scroll-to-item" action. */
static GtkWidget *
inner_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = inner_list_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
scroll_to_end_idle (gpointer user_data)
{
  KabLedgerPage *self = user_data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  GtkWidget *list_view = inner_list_view (GTK_WIDGET (self->column_view));

  self->scroll_source = 0;
  if (n > 0 && list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", n - 1);

  return G_SOURCE_REMOVE;
}

/* A client's newest lines, what is owed now, are at the bottom: show them. */
static void
scroll_to_end (KabLedgerPage *self)
{
  if (self->scroll_source == 0)
    self->scroll_source = g_idle_add_full (G_PRIORITY_LOW, scroll_to_end_idle, self, NULL);
}

static void
update_mode (KabLedgerPage *self)
{
  gboolean practice = kab_client_chooser_get_client (self->chooser) == NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->month_box), practice);
  gtk_column_view_column_set_visible (self->client_column, practice);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.previous-month", practice);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.next-month", practice);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.this-month", practice);
}

static void
on_client_chosen (KabLedgerPage *self)
{
  update_mode (self);
  refresh (self, TRUE);
  if (kab_client_chooser_get_client (self->chooser) != NULL)
    scroll_to_end (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ID]);
}

static void
on_row_activated (KabLedgerPage *self,
                  guint          position)
{
  g_autoptr(KabLedgerEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);

  if (entry == NULL)
    return;

  if (kab_ledger_entry_get_payment (entry) != NULL)
    g_signal_emit (self, signals[PAYMENT_ACTIVATED], 0, kab_ledger_entry_get_payment (entry));
  else if (kab_ledger_entry_get_charge (entry) != NULL)
    g_signal_emit (self, signals[CHARGE_ACTIVATED], 0, kab_ledger_entry_get_charge (entry));
}

static void
move_month (KabLedgerPage *self,
            int            months)
{
  g_autoptr(GDateTime) moved = NULL;

  if (months == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      moved = month_start (now);
    }
  else
    {
      g_autoptr(GDateTime) shifted = g_date_time_add_months (self->month, months);
      moved = month_start (shifted);
    }

  kab_ledger_page_set_month (self, moved);
}

static void
previous_month_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  move_month (KAB_LEDGER_PAGE (widget), -1);
}

static void
next_month_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_month (KAB_LEDGER_PAGE (widget), 1);
}

static void
this_month_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_month (KAB_LEDGER_PAGE (widget), 0);
}

static void
kab_ledger_page_constructed (GObject *object)
{
  KabLedgerPage *self = KAB_LEDGER_PAGE (object);
  G_OBJECT_CLASS (kab_ledger_page_parent_class)->constructed (object);

  g_return_if_fail (KAB_IS_STORE (self->store));

  /* Translators: the choice of the client list that shows every client's entries */
  self->chooser = KAB_CLIENT_CHOOSER (kab_client_chooser_new (self->store, _("All Clients")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->chooser), _("Show the ledger of one client (Ctrl+F)"));
  gtk_box_append (self->chooser_slot, GTK_WIDGET (self->chooser));
  g_signal_connect_swapped (self->chooser, "notify::client", G_CALLBACK (on_client_chosen), self);

  g_signal_connect_object (self->store, "ledger-changed", G_CALLBACK (on_ledger_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kab_store_get_practice (self->store), "notify::currency",
                           G_CALLBACK (on_currency_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->column_view, "realize", G_CALLBACK (fit_columns_to_text),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi",
                           G_CALLBACK (fit_columns_to_text), self, G_CONNECT_SWAPPED);

  update_month_label (self);
  update_mode (self);
  refresh (self, TRUE);
}

static void
kab_ledger_page_dispose (GObject *object)
{
  KabLedgerPage *self = KAB_LEDGER_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  /* AdwBin unparents its child itself; the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_LEDGER_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->entries);
  g_clear_object (&self->store);
  g_clear_pointer (&self->month, g_date_time_unref);

  G_OBJECT_CLASS (kab_ledger_page_parent_class)->dispose (object);
}

static void
kab_ledger_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KabLedgerPage *self = KAB_LEDGER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CLIENT_ID:
      g_value_set_int64 (value, kab_ledger_page_get_client_id (self));
      break;
    case PROP_MONTH:
      g_value_set_boxed (value, self->month);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_ledger_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KabLedgerPage *self = KAB_LEDGER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CLIENT_ID:
      kab_ledger_page_set_client_id (self, g_value_get_int64 (value));
      break;
    case PROP_MONTH:
      kab_ledger_page_set_month (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_ledger_page_class_init (KabLedgerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kab_ledger_page_constructed;
  object_class->dispose = kab_ledger_page_dispose;
  object_class->get_property = kab_ledger_page_get_property;
  object_class->set_property = kab_ledger_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT_ID] =
    g_param_spec_int64 ("client-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MONTH] =
    g_param_spec_boxed ("month", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PAYMENT_ACTIVATED] =
    g_signal_new ("payment-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, KAB_TYPE_PAYMENT);
  signals[CHARGE_ACTIVATED] =
    g_signal_new ("charge-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, KAB_TYPE_CHARGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/payments/kab-ledger-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, chooser_slot);
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, month_box);
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, month_label);
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, charged_title);
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, charged_label);
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, paid_title);
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, paid_label);
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, balance_title);
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, balance_label);
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, client_column);
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, what_column);
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, date_column);
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, charged_column);
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, paid_column);
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, balance_column);
  gtk_widget_class_bind_template_child (widget_class, KabLedgerPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "ledger.previous-month", NULL,
                                   previous_month_activated);
  gtk_widget_class_install_action (widget_class, "ledger.next-month", NULL,
                                   next_month_activated);
  gtk_widget_class_install_action (widget_class, "ledger.this-month", NULL,
                                   this_month_activated);
}

static void
kab_ledger_page_init (KabLedgerPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GtkColumnViewColumn) receipt_column = NULL;

  g_type_ensure (KAB_TYPE_LEDGER_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));
  set_cell_factory (self->date_column, &date_cell);
  set_cell_factory (self->client_column, &client_cell);
  set_cell_factory (self->what_column, &what_cell);
  set_cell_factory (self->charged_column, &charged_cell);
  set_cell_factory (self->paid_column, &paid_cell);
  set_cell_factory (self->balance_column, &balance_cell);

  self->month = month_start (now);
  self->entries = g_list_store_new (KAB_TYPE_LEDGER_ENTRY);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->entries)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  receipt_column = kab_receipt_column_new (self->selection);
  gtk_column_view_append_column (self->column_view, receipt_column);
}

GtkWidget *
kab_ledger_page_new (KabStore *store)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  return g_object_new (KAB_TYPE_LEDGER_PAGE, "store", store, NULL);
}

/**
 * kab_ledger_page_get_selected_payment:
 *
 * Returns: (transfer none) (nullable): the payment of the selected row, if it is one
 */
KabPayment *
kab_ledger_page_get_selected_payment (KabLedgerPage *self)
{
  KabLedgerEntry *entry;

  g_return_val_if_fail (KAB_IS_LEDGER_PAGE (self), NULL);

  entry = gtk_single_selection_get_selected_item (self->selection);
  return entry != NULL ? kab_ledger_entry_get_payment (entry) : NULL;
}

/**
 * kab_ledger_page_get_client_id:
 *
 * Returns: the client whose ledger is shown, or 0 for the practice's month
 */
gint64
kab_ledger_page_get_client_id (KabLedgerPage *self)
{
  g_return_val_if_fail (KAB_IS_LEDGER_PAGE (self), 0);

  return self->chooser != NULL ? kab_client_chooser_get_client_id (self->chooser) : 0;
}

void
kab_ledger_page_set_client_id (KabLedgerPage *self,
                               gint64         client_id)
{
  g_return_if_fail (KAB_IS_LEDGER_PAGE (self));

  kab_client_chooser_set_client_id (self->chooser, client_id);
}

/**
 * kab_ledger_page_get_month:
 *
 * Returns: (transfer none): the first moment of the month shown for the practice
 */
GDateTime *
kab_ledger_page_get_month (KabLedgerPage *self)
{
  g_return_val_if_fail (KAB_IS_LEDGER_PAGE (self), NULL);

  return self->month;
}

void
kab_ledger_page_set_month (KabLedgerPage *self,
                           GDateTime     *month)
{
  g_autoptr(GDateTime) start = NULL;

  g_return_if_fail (KAB_IS_LEDGER_PAGE (self));
  g_return_if_fail (month != NULL);

  start = month_start (month);
  if (g_date_time_equal (start, self->month))
    return;

  g_date_time_unref (self->month);
  self->month = g_steal_pointer (&start);
  update_month_label (self);
  if (self->store != NULL)
    refresh (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
}

/**
 * kab_ledger_page_get_entries:
 *
 * Returns: (transfer none): the lines shown, #KabLedgerEntry objects
 */
GListModel *
kab_ledger_page_get_entries (KabLedgerPage *self)
{
  g_return_val_if_fail (KAB_IS_LEDGER_PAGE (self), NULL);

  return G_LIST_MODEL (self->entries);
}

/**
 * kab_ledger_page_choose_client:
 *
 * Opens the client list with its search field, as Ctrl+F does.
 */
void
kab_ledger_page_choose_client (KabLedgerPage *self)
{
  g_return_if_fail (KAB_IS_LEDGER_PAGE (self));

  kab_client_chooser_popup (self->chooser);
}
