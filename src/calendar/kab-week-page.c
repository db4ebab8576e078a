/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-week-page.c: the week view: the days' header over the scrolling time grid */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-absence.h"
#include "kab-calendar-util.h"
#include "kab-week-page.h"
#include "kab-tooltip.h"

/* Below this an hour cannot show a session's name and time on two lines. */
#define MIN_HOUR_HEIGHT 44
/* The working day is shown with a little room above, so that its first hour's label
 * is not cut off. */
#define TOP_MARGIN_MINUTES 20

struct _KabWeekPage
{
  AdwBin             parent_instance;

  GtkWidget         *header_spacer;
  GtkWidget         *week_label;      /* the ISO week number, in the hours' gutter */
  GtkWidget         *days_box;
  GtkScrolledWindow *scrolled_window;
  KabWeekGrid       *grid;

  GtkWidget         *day_labels[7];
  GtkWidget         *date_labels[7];
  GtkWidget         *day_boxes[7];
  GtkWidget         *absence_labels[7]; /* the note of a vacation on that day */

  int                work_start_hour;
  int                work_end_hour;
  int                pending_top_minute;  /* where to scroll once the grid has its size; -1 none */
  guint              hour_height_id;
  GtkRoot           *root;                /* whose focus the grid follows (borrowed) */
};

G_DEFINE_FINAL_TYPE (KabWeekPage, kab_week_page, ADW_TYPE_BIN)

static GtkAdjustment *
vadjustment (KabWeekPage *self)
{
  return gtk_scrolled_window_get_vadjustment (self->scrolled_window);
}

static void
apply_pending_scroll (KabWeekPage *self)
{
  GtkAdjustment *adjustment = vadjustment (self);
  double target;

  if (self->pending_top_minute < 0)
    return;

  target = self->pending_top_minute * kab_week_grid_get_hour_height (self->grid) / 60.0;
  if (gtk_adjustment_get_upper (adjustment) < target + gtk_adjustment_get_page_size (adjustment) &&
      gtk_adjustment_get_upper (adjustment) < 24 * kab_week_grid_get_hour_height (self->grid))
    return; /* the grid has not grown yet */

  self->pending_top_minute = -1;
  gtk_adjustment_set_value (adjustment, target);
}

/* The practice's working day fills the visible height; the other hours are a scroll away. */
static void
update_hour_height (KabWeekPage *self)
{
  GtkAdjustment *adjustment = vadjustment (self);
  double page = gtk_adjustment_get_page_size (adjustment);
  int old_height = kab_week_grid_get_hour_height (self->grid);
  int minutes = MAX (60, (self->work_end_hour - self->work_start_hour) * 60) + 2 * TOP_MARGIN_MINUTES;
  int height;

  if (page <= 1)
    return;

  height = MAX (MIN_HOUR_HEIGHT, (int)(page * 60 / minutes));
  if (height == old_height)
    return;

  if (self->pending_top_minute < 0)
    self->pending_top_minute = (int)(gtk_adjustment_get_value (adjustment) * 60 / old_height);
  kab_week_grid_set_hour_height (self->grid, height);
  apply_pending_scroll (self);
}

static gboolean
update_hour_height_idle (gpointer user_data)
{
  KabWeekPage *self = user_data;

  self->hour_height_id = 0;
  update_hour_height (self);
  apply_pending_scroll (self);
  return G_SOURCE_REMOVE;
}

/* The page size changes while the viewport is being allocated: the grid is resized
 * right after, not in the middle of it. */
static void
on_page_size_changed (KabWeekPage *self)
{
  if (self->hour_height_id == 0)
    self->hour_height_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_hour_height_idle, self, NULL);
}

static void
on_upper_changed (KabWeekPage *self)
{
  if (self->pending_top_minute >= 0)
    on_page_size_changed (self);
}

static void
on_gutter_width_changed (KabWeekPage *self)
{
  gtk_widget_set_size_request (self->header_spacer, kab_week_grid_get_gutter_width (self->grid), -1);
}

static void
build_header (KabWeekPage *self)
{
  for (int i = 0; i < 7; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      self->day_labels[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->day_labels[i], "weekday");
      self->date_labels[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->date_labels[i], "day-number");

      self->absence_labels[i] = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (self->absence_labels[i]), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (self->absence_labels[i]), 3);
      gtk_widget_add_css_class (self->absence_labels[i], "absence-note");
      gtk_widget_set_visible (self->absence_labels[i], FALSE);

      gtk_box_append (GTK_BOX (box), self->day_labels[i]);
      gtk_box_append (GTK_BOX (box), self->date_labels[i]);
      gtk_box_append (GTK_BOX (box), self->absence_labels[i]);
      gtk_widget_add_css_class (box, "week-header-day");
      gtk_box_append (GTK_BOX (self->days_box), box);
      self->day_boxes[i] = box;
    }
}

static void
update_header (KabWeekPage *self)
{
  GDateTime *week_start = kab_week_grid_get_week_start (self->grid);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (week_start == NULL)
    return;

  if (gtk_widget_get_visible (self->week_label))
    {
      g_autofree char *week = kab_calendar_format_week_number (kab_calendar_iso_week (week_start));

      gtk_label_set_label (GTK_LABEL (self->week_label), week);
    }

  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (week_start, i);
      /* Translators: the weekday above a column of the week view, strftime format: "Mon" */
      /* xgettext:no-c-format */
      g_autofree char *weekday = g_date_time_format (day, C_("week header", "%a"));
      /* Translators: the day of the month above a column of the week view: "16" */
      /* xgettext:no-c-format */
      g_autofree char *date = g_date_time_format (day, C_("week header", "%-d"));

      gtk_label_set_label (GTK_LABEL (self->day_labels[i]), weekday);
      gtk_label_set_label (GTK_LABEL (self->date_labels[i]), date);

      if (kab_calendar_day_index (now, day) == 0)
        gtk_widget_add_css_class (self->day_boxes[i], "today");
      else
        gtk_widget_remove_css_class (self->day_boxes[i], "today");
    }
}

/* Keyboard focus on a block or a "+N" scrolls it into sight. GtkViewport's own
 * scroll-to-focus would also follow the focus into the list of a "+N": that popover's
 * parent is the grid, so its place in the grid reads as midnight and the week jumped
 * to the top (and the list pointed off the screen) as it opened. */
static void
on_focus_widget_changed (KabWeekPage *self)
{
  GtkWidget *focus = self->root != NULL ? gtk_root_get_focus (self->root) : NULL;
  GtkAdjustment *adjustment = vadjustment (self);
  graphene_rect_t bounds;
  double value;
  double page;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->grid)) ||
      gtk_widget_get_native (focus) != gtk_widget_get_native (GTK_WIDGET (self)) ||
      !gtk_widget_compute_bounds (focus, GTK_WIDGET (self->grid), &bounds))
    return;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, MIN (bounds.origin.y,
                                               bounds.origin.y + bounds.size.height - page));
}

static void
kab_week_page_root (GtkWidget *widget)
{
  KabWeekPage *self = KAB_WEEK_PAGE (widget);

  GTK_WIDGET_CLASS (kab_week_page_parent_class)->root (widget);

  self->root = gtk_widget_get_root (widget);
  g_signal_connect_object (self->root, "notify::focus-widget",
                           G_CALLBACK (on_focus_widget_changed), self, G_CONNECT_SWAPPED);
}

static void
kab_week_page_unroot (GtkWidget *widget)
{
  KabWeekPage *self = KAB_WEEK_PAGE (widget);

  g_signal_handlers_disconnect_by_func (self->root, on_focus_widget_changed, self);
  self->root = NULL;

  GTK_WIDGET_CLASS (kab_week_page_parent_class)->unroot (widget);
}

static void
kab_week_page_dispose (GObject *object)
{
  KabWeekPage *self = KAB_WEEK_PAGE (object);

  g_clear_handle_id (&self->hour_height_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_WEEK_PAGE);

  G_OBJECT_CLASS (kab_week_page_parent_class)->dispose (object);
}

static void
kab_week_page_class_init (KabWeekPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_week_page_dispose;
  widget_class->root = kab_week_page_root;
  widget_class->unroot = kab_week_page_unroot;

  g_type_ensure (KAB_TYPE_WEEK_GRID);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/calendar/kab-week-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KabWeekPage, header_spacer);
  gtk_widget_class_bind_template_child (widget_class, KabWeekPage, days_box);
  gtk_widget_class_bind_template_child (widget_class, KabWeekPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KabWeekPage, grid);
}

static void
kab_week_page_init (KabWeekPage *self)
{
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->work_start_hour = 8;
  self->work_end_hour = 20;
  self->pending_top_minute = self->work_start_hour * 60 - TOP_MARGIN_MINUTES;

  build_header (self);
  self->week_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->week_label, "week-number");
  gtk_widget_set_valign (self->week_label, GTK_ALIGN_END);
  gtk_widget_set_visible (self->week_label, FALSE);
  adw_bin_set_child (ADW_BIN (self->header_spacer), self->week_label);

  adjustment = vadjustment (self);
  g_signal_connect_object (adjustment, "notify::page-size",
                           G_CALLBACK (on_page_size_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "notify::upper",
                           G_CALLBACK (on_upper_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "notify::gutter-width",
                           G_CALLBACK (on_gutter_width_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "notify::week-start",
                           G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  on_gutter_width_changed (self);
}

GtkWidget *
kab_week_page_new (void)
{
  return g_object_new (KAB_TYPE_WEEK_PAGE, NULL);
}

/**
 * kab_week_page_get_grid:
 *
 * Returns: (transfer none): the time grid
 */
KabWeekGrid *
kab_week_page_get_grid (KabWeekPage *self)
{
  g_return_val_if_fail (KAB_IS_WEEK_PAGE (self), NULL);

  return self->grid;
}

void
kab_week_page_set_week_start (KabWeekPage *self,
                              GDateTime   *week_start)
{
  g_return_if_fail (KAB_IS_WEEK_PAGE (self));

  /* The header follows the grid's week-start; today may have moved without it. */
  if (kab_week_grid_get_week_start (self->grid) != NULL && week_start != NULL &&
      g_date_time_equal (kab_week_grid_get_week_start (self->grid), week_start))
    update_header (self);
  else
    kab_week_grid_set_week_start (self->grid, week_start);
}

/**
 * kab_week_page_set_working_hours:
 *
 * The practice's day: it fills the visible height, the rest is a scroll away.
 */
void
kab_week_page_set_working_hours (KabWeekPage *self,
                                 int          start_hour,
                                 int          end_hour)
{
  g_return_if_fail (KAB_IS_WEEK_PAGE (self));

  self->work_start_hour = CLAMP (start_hour, 0, 23);
  self->work_end_hour = CLAMP (end_hour, self->work_start_hour + 1, 24);
  kab_week_grid_set_working_hours (self->grid, self->work_start_hour, self->work_end_hour);
  update_hour_height (self);
}

/**
 * kab_week_page_scroll_to_hour:
 *
 * Scrolls so that @hour is at the top, now or as soon as the grid has its size.
 */
void
kab_week_page_scroll_to_hour (KabWeekPage *self,
                              int          hour)
{
  g_return_if_fail (KAB_IS_WEEK_PAGE (self));

  self->pending_top_minute = MAX (0, CLAMP (hour, 0, 23) * 60 - TOP_MARGIN_MINUTES);
  apply_pending_scroll (self);
}

/**
 * kab_week_page_set_show_week_number:
 *
 * Shows the ISO week number above the hours, as Swedes and Norwegians plan by.
 */
void
kab_week_page_set_show_week_number (KabWeekPage *self,
                                    gboolean     show)
{
  g_return_if_fail (KAB_IS_WEEK_PAGE (self));

  if (gtk_widget_get_visible (self->week_label) == !!show)
    return;

  gtk_widget_set_visible (self->week_label, show);
  update_header (self);
}

/**
 * kab_week_page_get_week_number_label:
 *
 * Returns: (transfer none): the label of the week number, for tests
 */
GtkWidget *
kab_week_page_get_week_number_label (KabWeekPage *self)
{
  g_return_val_if_fail (KAB_IS_WEEK_PAGE (self), NULL);

  return self->week_label;
}

/**
 * kab_week_page_set_absences:
 * @absences: (element-type KabAbsence): the practitioner's absences that touch the week
 *
 * Shades the days of an absence and writes its note (or "Closed") under the day.
 */
void
kab_week_page_set_absences (KabWeekPage *self,
                            GListModel  *absences)
{
  GDateTime *week_start = kab_week_grid_get_week_start (self->grid);
  guint mask = 0;

  g_return_if_fail (KAB_IS_WEEK_PAGE (self));

  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = week_start != NULL ? g_date_time_add_days (week_start, i) : NULL;
      g_autoptr(KabAbsence) found = NULL;

      for (guint j = 0; day != NULL && absences != NULL && found == NULL &&
                        j < g_list_model_get_n_items (absences); j++)
        {
          g_autoptr(KabAbsence) absence = g_list_model_get_item (absences, j);

          if (kab_absence_contains (absence, day))
            found = g_steal_pointer (&absence);
        }

      gtk_widget_set_visible (self->absence_labels[i], found != NULL);
      if (found == NULL)
        {
          gtk_widget_remove_css_class (self->day_boxes[i], "absent");
          kab_tooltip_set_text (self->day_boxes[i], NULL);
          continue;
        }

      mask |= 1u << i;
      gtk_widget_add_css_class (self->day_boxes[i], "absent");
      gtk_label_set_label (GTK_LABEL (self->absence_labels[i]),
                           *kab_absence_get_note (found) != '\0'
                           ? kab_absence_get_note (found)
                           : C_("calendar day", "Closed"));
      kab_tooltip_set_text (self->day_boxes[i], *kab_absence_get_note (found) != '\0'
                            ? kab_absence_get_note (found) : NULL);
    }

  kab_week_grid_set_absent_days (self->grid, mask);
}
