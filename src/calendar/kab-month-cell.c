/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-month-cell.c: one day of the month view: its number and its sessions, one line each */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-calendar-util.h"
#include "kab-month-cell.h"
#include "kab-tooltip.h"

#define SPACING 1
/* A month shows four to six weeks: its days are taller when it has fewer. */
#define MAX_WEEKS 6

struct _KabMonthCell
{
  GtkWidget  parent_instance;

  GDateTime *date;
  GtkWidget *day_button;
  GtkWidget *more_button;
  GPtrArray *sessions;      /* KabSession: the day's, by start time */
  GPtrArray *blocks;        /* KabSessionBlock, borrowed: they are children; the first
                             * n_lines show the first sessions, as many as fit (or all,
                             * before the cell knows its size); the others wait hidden
                             * for a busier day */
  guint      n_lines;

  /* By the number of weeks of the month shown (0: not told), as a cell is as tall in
   * every month of as many weeks: */
  guint      n_weeks;
  guint      capacity[MAX_WEEKS + 1];      /* the lines that fit at the last allocation;
                                            * 0: not known */
  guint      fit_when_full[MAX_WEEKS + 1]; /* the lines shown beside "N more" at the last
                                            * allocation that needed it; 0: not known */
  guint      n_hidden;      /* sessions that did not fit at the last allocation */
  guint      more_idle_id;
  guint      grow_idle_id;
};

static void sync_blocks (KabMonthCell *self);

G_DEFINE_FINAL_TYPE (KabMonthCell, kab_month_cell, GTK_TYPE_WIDGET)

static int
natural_height (GtkWidget *widget,
                int        for_width)
{
  int natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, for_width, NULL, &natural, NULL, NULL);
  return natural;
}

static void
kab_month_cell_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  KabMonthCell *self = KAB_MONTH_CELL (widget);
  int day_minimum = 0, day_natural = 0;

  gtk_widget_measure (self->day_button, orientation, -1, &day_minimum, &day_natural, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = day_minimum;
      *natural = MAX (day_natural, 120);
      return;
    }

  /* The day number always shows; sessions show as far as there is room. */
  *minimum = day_minimum;
  *natural = day_natural;
  for (guint i = 0; i < self->n_lines; i++)
    *natural += SPACING + natural_height (g_ptr_array_index (self->blocks, i), for_size);
  if (self->n_lines < self->sessions->len)
    *natural += natural_height (self->more_button, for_size);
}

static gboolean
update_more_label (gpointer user_data)
{
  KabMonthCell *self = user_data;
  g_autofree char *text = NULL;

  self->more_idle_id = 0;
  /* Translators: in a day of the month view, the sessions that do not fit */
  text = g_strdup_printf (ngettext ("%u more", "%u more", self->n_hidden), self->n_hidden);
  gtk_button_set_label (GTK_BUTTON (self->more_button), text);

  /* What the button does, for screen readers and as its tooltip: it opens the day's week. */
  if (self->n_hidden > 0 && self->date != NULL)
    {
      g_autofree char *day = kab_calendar_format_day (self->date);
      g_autofree char *label = NULL;

      /* Translators: the "3 more" button of a day in the month view; %s is the day */
      label = g_strdup_printf (ngettext ("Show %u more session on %s", "Show %u more sessions on %s",
                                         self->n_hidden), self->n_hidden, day);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      kab_tooltip_set_text (self->more_button, label);
    }
  return G_SOURCE_REMOVE;
}

static void
set_n_hidden (KabMonthCell *self,
              guint         n_hidden)
{
  if (self->n_hidden == n_hidden)
    return;

  self->n_hidden = n_hidden;
  /* Not during the allocation itself: a new label asks for a new size. */
  if (self->more_idle_id == 0)
    self->more_idle_id = g_idle_add (update_more_label, self);
}

/* How many of the lines there are fit in @available, keeping room for "N more" unless
 * every session of the day fits. */
static guint
count_fitting (KabMonthCell *self,
               int           width,
               int           available)
{
  int more_height = natural_height (self->more_button, width);
  int used = 0;
  guint n = self->sessions->len;
  guint fit = 0;

  for (guint i = 0; i < self->n_lines; i++)
    {
      int block_height = natural_height (g_ptr_array_index (self->blocks, i), width) + SPACING;
      gboolean last = i == n - 1;

      /* Keep room for "N more" unless this is the last session. */
      if (used + block_height + (last ? 0 : more_height) > available)
        break;
      used += block_height;
      fit++;
    }

  return fit;
}

/* How many lines the cell has room for, all being one line of the same height as the
 * first (the month's lines are: a time and a short name, ellipsized). */
static guint
count_capacity (KabMonthCell *self,
                int           width,
                int           available)
{
  int line;

  /* A day without sessions has no line to measure: the other days of the month have
   * the same height, and the most lines one of them found room for will do. */
  if (self->n_lines == 0)
    {
      GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
      guint most = self->capacity[self->n_weeks];

      for (GtkWidget *sibling = parent != NULL ? gtk_widget_get_first_child (parent) : NULL;
           sibling != NULL;
           sibling = gtk_widget_get_next_sibling (sibling))
        if (KAB_IS_MONTH_CELL (sibling) && KAB_MONTH_CELL (sibling)->n_lines > 0)
          most = MAX (most, KAB_MONTH_CELL (sibling)->capacity[self->n_weeks]);

      return most;
    }

  line = natural_height (g_ptr_array_index (self->blocks, 0), width) + SPACING;
  return line > 0 ? (guint) MAX (available, 0) / (guint) line : self->capacity[self->n_weeks];
}

/* The cell has grown (a larger window) and more lines would fit: they are made after
 * the allocation, never during it. */
static gboolean
grow_idle (gpointer user_data)
{
  KabMonthCell *self = user_data;

  self->grow_idle_id = 0;
  sync_blocks (self);
  return G_SOURCE_REMOVE;
}

/* A child never gets less than its minimum width; the cell clips what overflows. */
static int
fit_width (GtkWidget *child,
           int        width)
{
  int minimum = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return MAX (minimum, width);
}

static void
kab_month_cell_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  KabMonthCell *self = KAB_MONTH_CELL (widget);
  int day_width = 0;
  int day_height = natural_height (self->day_button, -1);
  guint fit;
  int y;

  gtk_widget_measure (self->day_button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &day_width, NULL, NULL);
  day_width = fit_width (self->day_button, MIN (day_width, width));
  gtk_widget_size_allocate (self->day_button,
                            &(GtkAllocation) {
                              gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? width - day_width : 0,
                              0, day_width, day_height }, -1);

  y = day_height;
  fit = count_fitting (self, width, height - y);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      GtkWidget *block = g_ptr_array_index (self->blocks, i);
      int block_height;

      gtk_widget_set_child_visible (block, i < fit);
      if (i >= fit)
        continue;

      block_height = natural_height (block, width);
      gtk_widget_size_allocate (block, &(GtkAllocation) { 0, y, fit_width (block, width), block_height }, -1);
      y += block_height + SPACING;
    }

  self->capacity[self->n_weeks] = MAX (count_capacity (self, width, height - day_height), 1);
  if (self->n_lines < MIN (self->capacity[self->n_weeks], self->sessions->len) && self->grow_idle_id == 0)
    self->grow_idle_id = g_idle_add (grow_idle, self);

  if (fit < self->sessions->len)
    self->fit_when_full[self->n_weeks] = fit;
  set_n_hidden (self, self->sessions->len - fit);
  gtk_widget_set_child_visible (self->more_button, fit < self->sessions->len);
  if (fit < self->sessions->len)
    gtk_widget_size_allocate (self->more_button,
                              &(GtkAllocation) { 0, y, fit_width (self->more_button, width),
                                                 natural_height (self->more_button, width) },
                              -1);
}

static void
kab_month_cell_dispose (GObject *object)
{
  KabMonthCell *self = KAB_MONTH_CELL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->more_idle_id, g_source_remove);
  g_clear_handle_id (&self->grow_idle_id, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->blocks != NULL)
    g_ptr_array_set_size (self->blocks, 0);

  G_OBJECT_CLASS (kab_month_cell_parent_class)->dispose (object);
}

static void
kab_month_cell_finalize (GObject *object)
{
  KabMonthCell *self = KAB_MONTH_CELL (object);

  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);

  G_OBJECT_CLASS (kab_month_cell_parent_class)->finalize (object);
}

static void
kab_month_cell_class_init (KabMonthCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_month_cell_dispose;
  object_class->finalize = kab_month_cell_finalize;

  widget_class->measure = kab_month_cell_measure;
  widget_class->size_allocate = kab_month_cell_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "monthcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kab_month_cell_init (KabMonthCell *self)
{
  self->blocks = g_ptr_array_new ();
  self->sessions = g_ptr_array_new_with_free_func (g_object_unref);

  self->day_button = gtk_button_new_with_label ("");
  gtk_widget_add_css_class (self->day_button, "flat");
  gtk_widget_add_css_class (self->day_button, "day-number");
  gtk_widget_set_parent (self->day_button, GTK_WIDGET (self));

  self->more_button = gtk_button_new_with_label ("");
  gtk_widget_add_css_class (self->more_button, "flat");
  gtk_widget_add_css_class (self->more_button, "more");
  gtk_widget_set_parent (self->more_button, GTK_WIDGET (self));
  gtk_widget_set_child_visible (self->more_button, FALSE);

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
kab_month_cell_new (void)
{
  return g_object_new (KAB_TYPE_MONTH_CELL, NULL);
}

/**
 * kab_month_cell_get_date:
 *
 * Returns: (transfer none) (nullable): local midnight of the day shown
 */
GDateTime *
kab_month_cell_get_date (KabMonthCell *self)
{
  g_return_val_if_fail (KAB_IS_MONTH_CELL (self), NULL);

  return self->date;
}

/**
 * kab_month_cell_set_date:
 * @in_month: whether the day belongs to the month shown (others are dimmed)
 * @today: whether the day is today
 */
void
kab_month_cell_set_date (KabMonthCell *self,
                         GDateTime    *date,
                         gboolean      in_month,
                         gboolean      today)
{
  g_autofree char *label = NULL;
  g_autofree char *full = NULL;
  g_autoptr(GVariant) target = NULL;

  g_return_if_fail (KAB_IS_MONTH_CELL (self));
  g_return_if_fail (date != NULL);

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = g_date_time_ref (date);

  if (g_date_time_get_day_of_month (date) == 1)
    /* Translators: the first day of a month in the month view, strftime format: "1 Dec" */
    /* xgettext:no-c-format */
    label = g_date_time_format (date, C_("month view day", "%-d %b"));
  else
    /* Translators: a day in the month view, strftime format: "16" */
    /* xgettext:no-c-format */
    label = g_date_time_format (date, C_("month view day", "%-d"));
  gtk_button_set_label (GTK_BUTTON (self->day_button), label);

  /* The full date for screen readers; no tooltip: setting 42 of them on every step
   * costs more than a frame. */
  full = kab_calendar_format_day (date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, full,
                                  -1);

  /* Our own reference: a button given a target equal to the one it has drops the new one. */
  target = g_variant_ref_sink (g_variant_new_int64 (g_date_time_to_unix (date)));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->day_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->day_button), "calendar.show-week");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->more_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->more_button), "calendar.show-week");

  if (in_month)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "other-month");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "other-month");

  if (today)
    gtk_widget_add_css_class (GTK_WIDGET (self), "today");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "today");
}

/* The lines of the first sessions, as many as the cell had room for: a day of twelve
 * sessions in a cell of three lines makes three, not twelve (a month step at 20 years of
 * data took 40–50 ms making, styling and measuring lines nobody could see). The lines
 * already there take the new sessions, so stepping through months creates few widgets.
 * The sessions that do not fit are reached through "N more", which opens the day. */
static void
sync_blocks (KabMonthCell *self)
{
  guint n = self->sessions->len;
  guint capacity = self->capacity[self->n_weeks];
  guint fit_when_full = self->fit_when_full[self->n_weeks];
  guint wanted = capacity > 0 ? MIN (n, capacity) : n;
  GtkWidget *previous = self->day_button;

  for (guint i = 0; i < wanted; i++)
    {
      KabSession *session = g_ptr_array_index (self->sessions, i);
      GtkWidget *block;

      if (i < self->blocks->len)
        {
          block = g_ptr_array_index (self->blocks, i);
          kab_session_block_set_session (KAB_SESSION_BLOCK (block), session);
        }
      else
        {
          block = kab_session_block_new (session, TRUE);
          gtk_widget_insert_after (block, GTK_WIDGET (self), previous);
          g_ptr_array_add (self->blocks, block);
        }

      previous = block;
    }

  /* "N more" is written now when the cell knows what it will show, so that the frame
   * that shows the month does not need a second one for the label. */
  if (capacity > 0 && (n <= capacity || fit_when_full > 0))
    {
      guint shown = n <= capacity ? n : MIN (fit_when_full, n);

      g_clear_handle_id (&self->more_idle_id, g_source_remove);
      self->n_hidden = n - shown;
      update_more_label (self);
    }

  /* The lines left over keep their last session, hidden: neither measured nor shown,
   * found by no search, and ready for a busier day of another month. */
  for (guint i = wanted; i < self->blocks->len; i++)
    gtk_widget_set_child_visible (g_ptr_array_index (self->blocks, i), FALSE);
  self->n_lines = wanted;

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * kab_month_cell_set_n_weeks:
 * @n_weeks: the weeks of the month shown, 4 to 6
 *
 * Tells the cell how tall it will be before its sessions are set: it then makes the
 * lines that will fit and writes its "N more" at once, as it did the last time it
 * showed a month of as many weeks, and the month shows in one frame.
 */
void
kab_month_cell_set_n_weeks (KabMonthCell *self,
                            guint         n_weeks)
{
  g_return_if_fail (KAB_IS_MONTH_CELL (self));

  self->n_weeks = MIN (n_weeks, MAX_WEEKS);
}

/**
 * kab_month_cell_set_sessions:
 * @sessions: (element-type KabSession): the day's sessions, by start time
 */
void
kab_month_cell_set_sessions (KabMonthCell *self,
                             GPtrArray    *sessions)
{
  g_return_if_fail (KAB_IS_MONTH_CELL (self));

  g_ptr_array_set_size (self->sessions, 0);
  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    g_ptr_array_add (self->sessions, g_object_ref (g_ptr_array_index (sessions, i)));

  sync_blocks (self);
}

/**
 * kab_month_cell_get_n_sessions:
 *
 * Returns: the sessions of the day, shown as lines or behind "N more"
 */
guint
kab_month_cell_get_n_sessions (KabMonthCell *self)
{
  g_return_val_if_fail (KAB_IS_MONTH_CELL (self), 0);

  return self->sessions->len;
}

/**
 * kab_month_cell_find_block:
 *
 * Returns: (transfer none) (nullable): the line showing the session @session_id, if the
 *   session has one (it may be behind "N more")
 */
KabSessionBlock *
kab_month_cell_find_block (KabMonthCell *self,
                           gint64        session_id)
{
  g_return_val_if_fail (KAB_IS_MONTH_CELL (self), NULL);

  for (guint i = 0; i < self->n_lines; i++)
    {
      KabSessionBlock *block = g_ptr_array_index (self->blocks, i);

      if (kab_session_get_id (kab_session_block_get_session (block)) == session_id)
        return block;
    }

  return NULL;
}
