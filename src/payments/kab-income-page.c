/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-income-page.c: a year's income by month, as a chart and a table, and the export for the accountant */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-bookkeeping-dialog.h"
#include "kab-date-format.h"
#include "kab-income-chart.h"
#include "kab-income-page.h"
#include "kab-money.h"
#include "kab-payments-private.h"
#include "kab-text.h"

enum { COLUMN_MONTH, COLUMN_CHARGED, COLUMN_PAID, COLUMN_OUTSTANDING, N_COLUMNS };

struct _KabIncomePage
{
  AdwBin          parent_instance;

  KabStore       *store;
  int             year;
  gboolean        dirty;          /* the ledger changed while the page was hidden */
  guint           refresh_source;
  GtkLabel       *cells[13][N_COLUMNS];   /* twelve months and the total */

  GtkLabel       *year_label;
  KabIncomeChart *chart;
  GtkGrid        *grid;
};

G_DEFINE_FINAL_TYPE (KabIncomePage, kab_income_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
currency (KabIncomePage *self)
{
  return kab_practice_get_currency (kab_store_get_practice (self->store));
}

static GtkLabel *
add_cell (KabIncomePage *self,
          int            row,
          int            column,
          const char    *text,
          const char    *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_MONTH ? 0.0 : 1.0);
  gtk_widget_set_hexpand (label, column != COLUMN_MONTH);
  if (column != COLUMN_MONTH)
    gtk_widget_add_css_class (label, "numeric");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_grid_attach (self->grid, label, column, row, 1, 1);
  return GTK_LABEL (label);
}

/* The table beside the chart: the same figures, readable and selectable. */
static void
build_table (KabIncomePage *self)
{
  const char *headings[N_COLUMNS] = {
    C_("income table", "Month"),
    C_("income table", "Charged"),
    C_("income table", "Paid"),
    C_("income table", "Still unpaid"),
  };

  for (int column = 0; column < N_COLUMNS; column++)
    {
      GtkLabel *label = add_cell (self, 0, column, headings[column], "heading");
      gtk_widget_remove_css_class (GTK_WIDGET (label), "numeric");
    }

  for (int month = 0; month < 12; month++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (2001, month + 1, 1, 0, 0, 0);
      g_autofree char *name = g_date_time_format (date, "%OB");
      gunichar first = g_utf8_get_char (name);
      char initial[8] = { 0 };
      g_autofree char *title = NULL;

      /* A row's first word: "Januar", even where months are written in lower case. */
      g_unichar_to_utf8 (g_unichar_totitle (first), initial);
      title = g_strconcat (initial, g_utf8_next_char (name), NULL);
      self->cells[month][COLUMN_MONTH] = add_cell (self, month + 1, COLUMN_MONTH, title, NULL);
      for (int column = COLUMN_CHARGED; column < N_COLUMNS; column++)
        self->cells[month][column] = add_cell (self, month + 1, column, "", NULL);
    }

  self->cells[12][COLUMN_MONTH] = add_cell (self, 13, COLUMN_MONTH,
                                            C_("income table", "Total"), "heading");
  for (int column = COLUMN_CHARGED; column < N_COLUMNS; column++)
    self->cells[12][column] = add_cell (self, 13, column, "", "heading");
}

static void
set_money (GtkLabel   *label,
           gint64      amount,
           const char *currency_code)
{
  g_autofree char *text = kab_money_format (amount, currency_code);

  gtk_label_set_label (label, text);
}

static void
refresh (KabIncomePage *self)
{
  KabIncome months[12];
  KabIncome total = { 0, 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *year = g_strdup_printf ("%d", self->year);

  self->dirty = FALSE;
  gtk_label_set_label (self->year_label, year);

  if (!kab_store_get_income (self->store, self->year, months, &error))
    {
      g_warning ("Could not read the income: %s", error->message);
      kab_payments_add_toast (GTK_WIDGET (self), kab_payments_toast_new (error->message));
      return;
    }

  for (int month = 0; month < 12; month++)
    {
      set_money (self->cells[month][COLUMN_CHARGED], months[month].charged, currency (self));
      set_money (self->cells[month][COLUMN_PAID], months[month].paid, currency (self));
      set_money (self->cells[month][COLUMN_OUTSTANDING], months[month].outstanding, currency (self));
      total.charged += months[month].charged;
      total.paid += months[month].paid;
      total.outstanding += months[month].outstanding;
    }

  set_money (self->cells[12][COLUMN_CHARGED], total.charged, currency (self));
  set_money (self->cells[12][COLUMN_PAID], total.paid, currency (self));
  set_money (self->cells[12][COLUMN_OUTSTANDING], total.outstanding, currency (self));

  kab_income_chart_set_income (self->chart, self->year, months, currency (self));
}

static gboolean
refresh_idle (gpointer user_data)
{
  KabIncomePage *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* A hidden page refreshes when it is shown again: a year's sums cost a few
 * milliseconds, not worth paying for every payment recorded elsewhere. */
static void
on_ledger_changed (KabIncomePage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }

  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle, self, NULL);
}

static void
kab_income_page_map (GtkWidget *widget)
{
  KabIncomePage *self = KAB_INCOME_PAGE (widget);

  GTK_WIDGET_CLASS (kab_income_page_parent_class)->map (widget);

  if (self->dirty)
    refresh (self);
}

static void
on_export_saved (KabBookkeepingDialog *dialog,
                 GFile                *file,
                 KabIncomePage        *self)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);
  g_autofree char *shown = kab_isolate (parse_name);
  g_autofree char *first = kab_date_format_document (kab_bookkeeping_dialog_get_first (dialog));
  g_autofree char *last = kab_date_format_document (kab_bookkeeping_dialog_get_last (dialog));
  g_autofree char *message = NULL;

  /* Translators: %1$s and %2$s are the first and last day exported, %3$s the full path of
   * the file, so that the user finds it */
  message = g_strdup_printf (_("Charges and payments from %1$s to %2$s saved in “%3$s”"),
                             first, last, shown);
  kab_payments_add_toast (GTK_WIDGET (self), kab_payments_toast_new (message));
}

/* The period and format first, offering the year shown; then where to save. */
static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KabIncomePage *self = KAB_INCOME_PAGE (widget);
  GtkWidget *dialog = kab_bookkeeping_dialog_new (self->store, self->year);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_export_saved), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
previous_year_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KabIncomePage *self = KAB_INCOME_PAGE (widget);

  kab_income_page_set_year (self, self->year - 1);
}

static void
next_year_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KabIncomePage *self = KAB_INCOME_PAGE (widget);

  kab_income_page_set_year (self, self->year + 1);
}

static void
kab_income_page_constructed (GObject *object)
{
  KabIncomePage *self = KAB_INCOME_PAGE (object);

  G_OBJECT_CLASS (kab_income_page_parent_class)->constructed (object);

  g_return_if_fail (KAB_IS_STORE (self->store));

  g_signal_connect_object (self->store, "ledger-changed", G_CALLBACK (on_ledger_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kab_store_get_practice (self->store), "notify::currency",
                           G_CALLBACK (on_ledger_changed), self, G_CONNECT_SWAPPED);
  build_table (self);

  /* Read when first shown: most days start on another page. */
  self->dirty = TRUE;
}

static void
kab_income_page_dispose (GObject *object)
{
  KabIncomePage *self = KAB_INCOME_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  /* AdwBin unparents its child itself; the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_INCOME_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_income_page_parent_class)->dispose (object);
}

static void
kab_income_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KabIncomePage *self = KAB_INCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_income_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KabIncomePage *self = KAB_INCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_YEAR:
      kab_income_page_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_income_page_class_init (KabIncomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kab_income_page_constructed;
  object_class->dispose = kab_income_page_dispose;
  object_class->get_property = kab_income_page_get_property;
  object_class->set_property = kab_income_page_set_property;

  widget_class->map = kab_income_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 1970, 9998, 2000,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/payments/kab-income-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KabIncomePage, year_label);
  gtk_widget_class_bind_template_child (widget_class, KabIncomePage, chart);
  gtk_widget_class_bind_template_child (widget_class, KabIncomePage, grid);

  gtk_widget_class_install_action (widget_class, "income.previous-year", NULL,
                                   previous_year_activated);
  gtk_widget_class_install_action (widget_class, "income.next-year", NULL, next_year_activated);
  gtk_widget_class_install_action (widget_class, "income.export", NULL, export_activated);
}

static void
kab_income_page_init (KabIncomePage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_type_ensure (KAB_TYPE_INCOME_CHART);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->year = g_date_time_get_year (now);
}

GtkWidget *
kab_income_page_new (KabStore *store)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  return g_object_new (KAB_TYPE_INCOME_PAGE, "store", store, NULL);
}

int
kab_income_page_get_year (KabIncomePage *self)
{
  g_return_val_if_fail (KAB_IS_INCOME_PAGE (self), 0);

  return self->year;
}

void
kab_income_page_set_year (KabIncomePage *self,
                          int            year)
{
  g_return_if_fail (KAB_IS_INCOME_PAGE (self));

  year = CLAMP (year, 1970, 9998);
  if (self->year == year)
    return;

  self->year = year;
  if (self->store != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->dirty = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}
