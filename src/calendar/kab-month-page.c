/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-month-page.c: the month view: a grid of days, each listing its sessions */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-absence.h"
#include "kab-calendar-util.h"
#include "kab-month-page.h"
#include "kab-tooltip.h"

#define N_CELLS (6 * 7)

struct _KabMonthPage
{
  AdwBin        parent_instance;

  GtkWidget    *weekdays_box;
  GtkWidget    *week_header;   /* keeps the weekdays above their columns */
  GtkGrid      *grid;
  GtkWidget    *week_labels[N_CELLS / 7];

  KabMonthCell *cells[N_CELLS];
  GtkWidget    *weekday_labels[7];
  GDateTime    *first_day;     /* local midnight of the first cell */
  guint         n_days;        /* cells in use: 28, 35 or 42 */
};

G_DEFINE_FINAL_TYPE (KabMonthPage, kab_month_page, ADW_TYPE_BIN)

static void
kab_month_page_finalize (GObject *object)
{
  KabMonthPage *self = KAB_MONTH_PAGE (object);

  g_clear_pointer (&self->first_day, g_date_time_unref);

  G_OBJECT_CLASS (kab_month_page_parent_class)->finalize (object);
}

/* The lines between days, drawn here as 1-px rectangles: as a CSS border on each of the
 * 42 cells (unequal sides), GTK 4.8's cairo renderer fills a general path per cell, which
 * took a third of a month step. */
static void
kab_month_page_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  KabMonthPage *self = KAB_MONTH_PAGE (widget);
  GdkRGBA line;

  GTK_WIDGET_CLASS (kab_month_page_parent_class)->snapshot (widget, snapshot);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &line);
  G_GNUC_END_IGNORE_DEPRECATIONS
  line.alpha *= 0.10f;

  for (int i = 0; i < N_CELLS; i++)
    {
      graphene_rect_t cell;

      if (!gtk_widget_get_visible (GTK_WIDGET (self->cells[i])) ||
          !gtk_widget_compute_bounds (GTK_WIDGET (self->cells[i]), widget, &cell))
        continue;

      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (cell.origin.x + cell.size.width - 1,
                                                      cell.origin.y, 1, cell.size.height));
      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (cell.origin.x,
                                                      cell.origin.y + cell.size.height - 1,
                                                      cell.size.width - 1, 1));
    }
}

static void
kab_month_page_class_init (KabMonthPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kab_month_page_finalize;
  widget_class->snapshot = kab_month_page_snapshot;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/calendar/kab-month-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KabMonthPage, weekdays_box);
  gtk_widget_class_bind_template_child (widget_class, KabMonthPage, week_header);
  gtk_widget_class_bind_template_child (widget_class, KabMonthPage, grid);
}

static void
kab_month_page_init (KabMonthPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int i = 0; i < 7; i++)
    {
      self->weekday_labels[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->weekday_labels[i], "weekday");
      gtk_label_set_ellipsize (GTK_LABEL (self->weekday_labels[i]), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (self->weekdays_box), self->weekday_labels[i]);
    }

  /* Column 0 holds the week numbers, hidden unless the practice plans by them; the
   * days share the rest equally (they expand, and measure alike). */
  for (int i = 0; i < N_CELLS; i++)
    {
      self->cells[i] = KAB_MONTH_CELL (kab_month_cell_new ());
      gtk_widget_set_hexpand (GTK_WIDGET (self->cells[i]), TRUE);
      gtk_grid_attach (self->grid, GTK_WIDGET (self->cells[i]), i % 7 + 1, i / 7, 1, 1);
    }

  for (int r = 0; r < N_CELLS / 7; r++)
    {
      self->week_labels[r] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->week_labels[r], "week-column");
      gtk_widget_set_valign (self->week_labels[r], GTK_ALIGN_START);
      gtk_widget_set_visible (self->week_labels[r], FALSE);
      gtk_grid_attach (self->grid, self->week_labels[r], 0, r, 1, 1);
    }
}

static void
update_week_numbers (KabMonthPage *self)
{
  gboolean show = gtk_widget_get_visible (self->week_header);

  for (guint r = 0; r < N_CELLS / 7; r++)
    {
      g_autoptr(GDateTime) week = NULL;
      char text[8];

      gtk_widget_set_visible (self->week_labels[r], show && r * 7 < self->n_days);
      if (!show || self->first_day == NULL)
        continue;

      week = g_date_time_add_days (self->first_day, r * 7);
      g_snprintf (text, sizeof text, "%d", kab_calendar_iso_week (week));
      gtk_label_set_label (GTK_LABEL (self->week_labels[r]), text);
    }
}

/**
 * kab_month_page_set_show_week_numbers:
 *
 * Shows the ISO week number at the start of each row.
 */
void
kab_month_page_set_show_week_numbers (KabMonthPage *self,
                                      gboolean      show)
{
  g_return_if_fail (KAB_IS_MONTH_PAGE (self));

  gtk_widget_set_visible (self->week_header, show);
  update_week_numbers (self);
}

/**
 * kab_month_page_get_week_number_label:
 * @row: 0 to 5
 *
 * Returns: (transfer none): the label of the week number of @row, for tests
 */
GtkWidget *
kab_month_page_get_week_number_label (KabMonthPage *self,
                                      guint         row)
{
  g_return_val_if_fail (KAB_IS_MONTH_PAGE (self), NULL);
  g_return_val_if_fail (row < N_CELLS / 7, NULL);

  return self->week_labels[row];
}

GtkWidget *
kab_month_page_new (void)
{
  return g_object_new (KAB_TYPE_MONTH_PAGE, NULL);
}

/**
 * kab_month_page_set_month:
 * @month_start: local midnight of the first day of the month
 * @first_weekday: the locale's first day of the week, 0 for Sunday
 *
 * Shows the weeks of the month; the days before and after it that share those weeks
 * are dimmed. Its sessions come with kab_month_page_set_sessions().
 */
void
kab_month_page_set_month (KabMonthPage *self,
                          GDateTime    *month_start,
                          int           first_weekday)
{
  g_autoptr(GDateTime) next_month = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int days_in_month;
  int offset;

  g_return_if_fail (KAB_IS_MONTH_PAGE (self));
  g_return_if_fail (month_start != NULL);

  g_clear_pointer (&self->first_day, g_date_time_unref);
  self->first_day = kab_calendar_week_start (month_start, first_weekday);

  next_month = g_date_time_add_months (month_start, 1);
  days_in_month = kab_calendar_day_index (next_month, month_start);
  offset = kab_calendar_day_index (month_start, self->first_day);
  self->n_days = (guint)((offset + days_in_month + 6) / 7 * 7);

  for (guint i = 0; i < N_CELLS; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (self->first_day, i);
      g_autoptr(GDateTime) date = kab_calendar_day_start (day);
      gboolean in_month = g_date_time_get_month (date) == g_date_time_get_month (month_start);

      gtk_widget_set_visible (GTK_WIDGET (self->cells[i]), i < self->n_days);
      kab_month_cell_set_n_weeks (self->cells[i], self->n_days / 7);
      kab_month_cell_set_date (self->cells[i], date, in_month, kab_calendar_day_index (now, date) == 0);

      if (i < 7)
        {
          /* Translators: a weekday above a column of the month view, strftime format: "Monday" */
          /* xgettext:no-c-format */
          g_autofree char *name = g_date_time_format (date, C_("month header", "%A"));
          gtk_label_set_label (GTK_LABEL (self->weekday_labels[i]), name);
        }
    }

  update_week_numbers (self);
}

/**
 * kab_month_page_get_range:
 * @out_from: (out) (transfer full): local midnight of the first day shown
 * @out_to: (out) (transfer full): local midnight after the last day shown
 */
void
kab_month_page_get_range (KabMonthPage  *self,
                          GDateTime    **out_from,
                          GDateTime    **out_to)
{
  g_autoptr(GDateTime) last = NULL;

  g_return_if_fail (KAB_IS_MONTH_PAGE (self));
  g_return_if_fail (self->first_day != NULL);

  last = g_date_time_add_days (self->first_day, self->n_days);
  *out_from = g_date_time_ref (self->first_day);
  *out_to = kab_calendar_day_start (last);
}

/**
 * kab_month_page_set_sessions:
 * @sessions: (element-type KabSession): the sessions of the days shown, by start time
 */
void
kab_month_page_set_sessions (KabMonthPage *self,
                             GListModel   *sessions)
{
  GPtrArray *days[N_CELLS] = { NULL };
  guint n;

  g_return_if_fail (KAB_IS_MONTH_PAGE (self));
  g_return_if_fail (G_IS_LIST_MODEL (sessions));

  n = self->first_day != NULL ? g_list_model_get_n_items (sessions) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);
      int day = kab_calendar_day_index (kab_session_get_start (session), self->first_day);

      if (day < 0 || day >= (int)self->n_days)
        continue;

      if (days[day] == NULL)
        days[day] = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (days[day], g_steal_pointer (&session));
    }

  for (guint i = 0; i < N_CELLS; i++)
    kab_month_cell_set_sessions (self->cells[i], days[i]);

  for (guint i = 0; i < N_CELLS; i++)
    g_clear_pointer (&days[i], g_ptr_array_unref);
}

guint
kab_month_page_get_n_blocks (KabMonthPage *self)
{
  guint n = 0;

  g_return_val_if_fail (KAB_IS_MONTH_PAGE (self), 0);

  for (guint i = 0; i < self->n_days; i++)
    n += kab_month_cell_get_n_sessions (self->cells[i]);

  return n;
}

/**
 * kab_month_page_find_block:
 *
 * Returns: (transfer none) (nullable): the line showing the session @session_id
 */
KabSessionBlock *
kab_month_page_find_block (KabMonthPage *self,
                           gint64        session_id)
{
  g_return_val_if_fail (KAB_IS_MONTH_PAGE (self), NULL);

  for (guint i = 0; i < self->n_days; i++)
    {
      KabSessionBlock *block = kab_month_cell_find_block (self->cells[i], session_id);

      if (block != NULL)
        return block;
    }

  return NULL;
}

/**
 * kab_month_page_set_absences:
 * @absences: (element-type KabAbsence): the practitioner's absences that touch the days shown
 *
 * Shades the days of an absence; its note is the day's tooltip.
 */
void
kab_month_page_set_absences (KabMonthPage *self,
                             GListModel   *absences)
{
  g_return_if_fail (KAB_IS_MONTH_PAGE (self));

  for (guint i = 0; i < self->n_days; i++)
    {
      GDateTime *date = kab_month_cell_get_date (self->cells[i]);
      GtkWidget *cell = GTK_WIDGET (self->cells[i]);
      g_autoptr(KabAbsence) found = NULL;

      for (guint j = 0; absences != NULL && found == NULL && j < g_list_model_get_n_items (absences); j++)
        {
          g_autoptr(KabAbsence) absence = g_list_model_get_item (absences, j);

          if (kab_absence_contains (absence, date))
            found = g_steal_pointer (&absence);
        }

      if (found == NULL)
        {
          if (gtk_widget_has_css_class (cell, "absent"))
            {
              gtk_widget_remove_css_class (cell, "absent");
              kab_tooltip_set_text (cell, NULL);
            }
          continue;
        }

      gtk_widget_add_css_class (cell, "absent");
      kab_tooltip_set_text (cell, *kab_absence_get_note (found) != '\0'
                                  ? kab_absence_get_note (found)
                                  : C_("calendar day", "Closed"));
    }
}
