/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-income-chart.c: a bar chart of a year's income, charged and paid side by side per month */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kab-income-chart.h"
#include "kab-money.h"

#define PAD         12.0
#define LEGEND_GAP  16.0
#define SWATCH      12.0

struct _KabIncomeChart
{
  GtkWidget  parent_instance;

  int        year;
  KabIncome  months[12];
  char      *currency;
};

G_DEFINE_FINAL_TYPE (KabIncomeChart, kab_income_chart, GTK_TYPE_WIDGET)

typedef struct
{
  double x, y, width, height;   /* the plot area, inside the axes */
  gint64 top;                   /* the amount at the top of the plot, minor units */
  gint64 step;                  /* between two grid lines, minor units */
} Plot;

static void
kab_income_chart_finalize (GObject *object)
{
  KabIncomeChart *self = (KabIncomeChart *)object;

  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (kab_income_chart_parent_class)->finalize (object);
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback,
              GdkRGBA    *out)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, out))
    gdk_rgba_parse (out, fallback);
}

static gint64
max_amount (KabIncomeChart *self)
{
  gint64 max = 0;

  for (guint i = 0; i < 12; i++)
    max = MAX (max, MAX (self->months[i].charged, self->months[i].paid));
  return max;
}

/* A round step (1, 2 or 5 × 10ⁿ whole units) that cuts @max into about five parts. */
static gint64
nice_step (gint64 max,
           gint64 unit)
{
  double raw = (double)max / unit / 5.0;
  double magnitude, residual;

  if (raw <= 1.0)
    return unit;

  magnitude = pow (10.0, floor (log10 (raw)));
  residual = raw / magnitude;
  if (residual <= 1.0)
    residual = 1.0;
  else if (residual <= 2.0)
    residual = 2.0;
  else if (residual <= 5.0)
    residual = 5.0;
  else
    residual = 10.0;

  return (gint64)(residual * magnitude) * unit;
}

static gint64
currency_unit (const char *currency)
{
  gint64 unit = 1;

  for (guint i = 0; i < kab_currency_get_digits (currency); i++)
    unit *= 10;
  return unit;
}

static PangoLayout *
new_layout (GtkWidget  *widget,
            const char *text,
            gboolean    numeric)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  if (numeric)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  return layout;
}

/* An axis label: the amount in the locale's digits and groups, without the zero
 * decimals of a round number ("12 000", not "12 000,00"); the currency stands once,
 * above the axis. */
static char *
tick_label (gint64 amount)
{
  char *text = kab_money_format (amount, NULL);
  char *end = text + strlen (text);
  char *p = end;

  while (p > text && p[-1] == '0')
    p--;
  if (p < end && p > text && !g_ascii_isdigit (p[-1]))
    {
      /* The decimal point may be more than one byte; step back over it whole. */
      char *point = g_utf8_find_prev_char (text, p);

      if (point != NULL && point > text && g_ascii_isdigit (point[-1]))
        *point = '\0';
    }

  return text;
}

static char *
month_abbreviation (int month)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2001, month, 1, 0, 0, 0);

  /* %Ob: the abbreviated month name as it stands alone (nominative in Russian) */
  return g_date_time_format (date, "%Ob");
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static double
draw_legend (KabIncomeChart *self,
             cairo_t        *cr,
             const GdkRGBA  *fg,
             const GdkRGBA  *charged,
             const GdkRGBA  *paid,
             double          x,
             double          y)
{
  struct { const char *label; const GdkRGBA *color; } items[] = {
    { C_("income chart", "Charged"), charged },
    { C_("income chart", "Paid"), paid },
  };
  double height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(PangoLayout) layout = new_layout (GTK_WIDGET (self), items[i].label, FALSE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      gdk_cairo_set_source_rgba (cr, items[i].color);
      cairo_rectangle (cr, x, y + (h - SWATCH) / 2.0, SWATCH, SWATCH);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, fg);
      draw_text (cr, layout, x + SWATCH + 6, y);
      x += SWATCH + 6 + w + LEGEND_GAP;
      height = MAX (height, h);
    }

  /* The axis shows bare numbers: say once what they count. */
  {
    /* Translators: beside the chart's legend; %s is the currency's symbol, e.g. "kr" */
    g_autofree char *unit = g_strdup_printf (_("Amounts in %s"), kab_currency_get_symbol (self->currency));
    g_autoptr(PangoLayout) layout = new_layout (GTK_WIDGET (self), unit, FALSE);

    cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.55);
    draw_text (cr, layout, x + LEGEND_GAP, y);
  }

  return height;
}

static double
axis_label_width (KabIncomeChart *self,
                  const Plot     *plot)
{
  int widest = 0;

  for (gint64 tick = 0; tick <= plot->top; tick += plot->step)
    {
      g_autofree char *text = tick_label (tick);
      g_autoptr(PangoLayout) layout = new_layout (GTK_WIDGET (self), text, TRUE);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }

  return widest;
}

static void
draw_grid (KabIncomeChart *self,
           cairo_t        *cr,
           const Plot     *plot,
           const GdkRGBA  *fg)
{
  for (gint64 tick = 0; tick <= plot->top; tick += plot->step)
    {
      double y = plot->y + plot->height - plot->height * tick / (double)plot->top;
      g_autofree char *text = tick_label (tick);
      g_autoptr(PangoLayout) layout = new_layout (GTK_WIDGET (self), text, TRUE);
      int w, h;

      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, tick == 0 ? 0.5 : 0.12);
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, plot->x, floor (y) + 0.5);
      cairo_line_to (cr, plot->x + plot->width, floor (y) + 0.5);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.7);
      draw_text (cr, layout, plot->x - 8 - w, y - h / 2.0);
    }
}

static void
draw_bars (KabIncomeChart *self,
           cairo_t        *cr,
           const Plot     *plot,
           const GdkRGBA  *fg,
           const GdkRGBA  *charged,
           const GdkRGBA  *paid)
{
  double slot = plot->width / 12.0;
  double bar = MIN (slot * 0.34, 28.0);

  for (int i = 0; i < 12; i++)
    {
      double center = plot->x + slot * (i + 0.5);
      double base = plot->y + plot->height;
      double h_charged = plot->height * self->months[i].charged / (double)plot->top;
      double h_paid = plot->height * self->months[i].paid / (double)plot->top;
      g_autofree char *label = month_abbreviation (i + 1);
      g_autoptr(PangoLayout) layout = new_layout (GTK_WIDGET (self), label, FALSE);
      int w;

      gdk_cairo_set_source_rgba (cr, charged);
      cairo_rectangle (cr, center - bar - 1, base - h_charged, bar, h_charged);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, paid);
      cairo_rectangle (cr, center + 1, base - h_paid, bar, h_paid);
      cairo_fill (cr);

      pango_layout_get_pixel_size (layout, &w, NULL);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.7);
      draw_text (cr, layout, center - w / 2.0, base + 6);
    }
}

static gboolean
compute_plot (KabIncomeChart *self,
              double          width,
              double          height,
              double          legend_height,
              double          label_height,
              Plot           *plot)
{
  gint64 max = max_amount (self);
  gint64 unit = currency_unit (self->currency);
  double axis_width;

  if (max == 0)
    return FALSE;

  plot->step = nice_step (max, unit);
  plot->top = ((max + plot->step - 1) / plot->step) * plot->step;
  axis_width = axis_label_width (self, plot);

  plot->x = PAD + axis_width + 8;
  plot->y = PAD + legend_height + PAD;
  plot->width = width - plot->x - PAD;
  plot->height = height - plot->y - label_height - 6 - PAD;
  return plot->width > 24 && plot->height > 24;
}

static void
draw_empty (KabIncomeChart *self,
            cairo_t        *cr,
            const GdkRGBA  *fg,
            double          width,
            double          height)
{
  g_autofree char *text = g_strdup_printf (_("Nothing was charged or paid in %d."), self->year);
  g_autoptr(PangoLayout) layout = new_layout (GTK_WIDGET (self), text, FALSE);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.55);
  draw_text (cr, layout, (width - w) / 2.0, (height - h) / 2.0);
}

static void
kab_income_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  KabIncomeChart *self = KAB_INCOME_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  g_autoptr(PangoLayout) probe = new_layout (widget, "Mg", FALSE);
  cairo_t *cr;
  GdkRGBA fg, charged, paid;
  Plot plot;
  int label_height;
  double legend_height;

  if (width <= 0 || height <= 0)
    return;

  gtk_style_context_get_color (context, &fg);
  lookup_color (widget, "accent_bg_color", "#3584e4", &charged);
  lookup_color (widget, "success_color", "#26a269", &paid);
  pango_layout_get_pixel_size (probe, NULL, &label_height);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  legend_height = draw_legend (self, cr, &fg, &charged, &paid, PAD, PAD);

  if (compute_plot (self, width, height, legend_height, label_height, &plot))
    {
      draw_grid (self, cr, &plot, &fg);
      draw_bars (self, cr, &plot, &fg, &charged, &paid);
    }
  else
    {
      draw_empty (self, cr, &fg, width, height);
    }

  cairo_destroy (cr);
}

static void
kab_income_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 720;
    }
  else
    {
      *minimum = 200;
      *natural = 280;
    }
}

/* The month under @x, or -1. */
static int
month_at (KabIncomeChart *self,
          double          x)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  Plot plot;
  int month;

  /* The legend and labels are one line of text each; their exact height does not
   * matter to find a column. */
  if (!compute_plot (self, width, gtk_widget_get_height (GTK_WIDGET (self)), 16, 16, &plot))
    return -1;

  month = (int)floor ((x - plot.x) / (plot.width / 12.0));
  return month >= 0 && month < 12 ? month : -1;
}

static char *
month_summary (KabIncomeChart *self,
               int             month)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (self->year, month + 1, 1, 0, 0, 0);
  g_autofree char *name = g_date_time_format (date, "%OB");
  g_autofree char *charged = kab_money_format (self->months[month].charged, self->currency);
  g_autofree char *paid = kab_money_format (self->months[month].paid, self->currency);
  g_autofree char *outstanding = kab_money_format (self->months[month].outstanding, self->currency);

  /* Translators: a month of the income chart, e.g. "March: charged kr 12 000,00, paid
   * kr 10 800,00, still unpaid kr 1 200,00" */
  return g_strdup_printf (_("%s: charged %s, paid %s, still unpaid %s"),
                          name, charged, paid, outstanding);
}

static gboolean
kab_income_chart_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_tooltip,
                                GtkTooltip *tooltip)
{
  KabIncomeChart *self = KAB_INCOME_CHART (widget);
  int month = month_at (self, x);
  g_autofree char *text = NULL;

  if (month < 0)
    return FALSE;

  text = month_summary (self, month);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
kab_income_chart_class_init (KabIncomeChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kab_income_chart_finalize;

  widget_class->snapshot = kab_income_chart_snapshot;
  widget_class->measure = kab_income_chart_measure;
  widget_class->query_tooltip = kab_income_chart_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "incomechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kab_income_chart_init (KabIncomeChart *self)
{
  GDateTime *now = g_date_time_new_now_local ();

  self->year = g_date_time_get_year (now);
  self->currency = g_strdup ("EUR");
  g_date_time_unref (now);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Income by month"),
                                  -1);
}

GtkWidget *
kab_income_chart_new (void)
{
  return g_object_new (KAB_TYPE_INCOME_CHART, NULL);
}

/**
 * kab_income_chart_dup_summary:
 *
 * Returns: (transfer full): the chart in words, month by month: what a screen reader
 *   reads as the chart's description
 */
char *
kab_income_chart_dup_summary (KabIncomeChart *self)
{
  GString *text;
  KabIncome total = { 0, 0, 0 };
  g_autofree char *charged = NULL;
  g_autofree char *paid = NULL;
  g_autofree char *outstanding = NULL;

  g_return_val_if_fail (KAB_IS_INCOME_CHART (self), NULL);

  for (guint i = 0; i < 12; i++)
    {
      total.charged += self->months[i].charged;
      total.paid += self->months[i].paid;
      total.outstanding += self->months[i].outstanding;
    }

  charged = kab_money_format (total.charged, self->currency);
  paid = kab_money_format (total.paid, self->currency);
  outstanding = kab_money_format (total.outstanding, self->currency);
  text = g_string_new (NULL);
  /* Translators: the first sentence of the income chart's description for screen
   * readers: the year, then the totals */
  g_string_append_printf (text, _("In %d: charged %s, paid %s, still unpaid %s."),
                          self->year, charged, paid, outstanding);

  for (int i = 0; i < 12; i++)
    {
      g_autofree char *month = NULL;

      if (self->months[i].charged == 0 && self->months[i].paid == 0)
        continue;
      month = month_summary (self, i);
      g_string_append_printf (text, " %s.", month);
    }

  return g_string_free (text, FALSE);
}

/**
 * kab_income_chart_set_income:
 * @months: January to December, as kab_store_get_income() gives them
 * @currency: the practice's currency
 */
void
kab_income_chart_set_income (KabIncomeChart  *self,
                             int              year,
                             const KabIncome  months[12],
                             const char      *currency)
{
  g_autofree char *summary = NULL;

  g_return_if_fail (KAB_IS_INCOME_CHART (self));

  self->year = year;
  memcpy (self->months, months, sizeof self->months);
  g_free (self->currency);
  self->currency = g_strdup (currency);

  summary = kab_income_chart_dup_summary (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
kab_income_chart_get_year (KabIncomeChart *self)
{
  g_return_val_if_fail (KAB_IS_INCOME_CHART (self), 0);

  return self->year;
}
