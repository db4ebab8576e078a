/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-week-grid.c: the week's time grid, drawn in snapshot, with one block per session */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "kab-calendar-util.h"
#include "kab-week-grid.h"
#include "kab-text.h"
#include "kab-tooltip.h"

#define N_DAYS          7
#define MINUTES_PER_DAY (24 * 60)
#define SLOT_STEP       30   /* a click picks the half hour under the pointer */
#define GUTTER_PADDING  8
#define MIN_DAY_WIDTH   48

/* Where a block goes: its day, its minutes within the day, and its column among the
 * sessions it overlaps. */
typedef struct
{
  KabSessionBlock *block;
  int              day;
  int              start_minute;
  int              end_minute;
  int              column;
  int              n_columns;
  guint            cluster;      /* index of the first placement of its overlap cluster */
} Placement;

/* Side by side, a block keeps at least this width, enough for "Anna K…"; the sessions
 * of a cluster that do not fit are counted in a "+N" marker on its last column. */
#define MIN_BLOCK_WIDTH 72

typedef struct
{
  double x, y;     /* the marker's top-right corner */
  guint  n;
  guint  cluster;  /* index of the first placement of its cluster */
  int    width;    /* its button's size */
  int    height;
} Marker;

struct _KabWeekGrid
{
  GtkWidget    parent_instance;

  GDateTime   *week_start;
  int          hour_height;
  int          work_start_hour;
  int          work_end_hour;
  int          slot_minutes;

  GArray      *placements;    /* Placement, in session order */
  GArray      *markers;       /* Marker, made at allocation */
  GPtrArray   *more_buttons;  /* GtkButton, one per marker, the "+N" a user can press */
  int          marker_room;   /* what a marker keeps beside its cluster's columns */
  GtkWidget   *more_popover;  /* the hidden sessions of the marker pressed */
  GtkWidget   *more_opener;   /* the button that opened it (borrowed) */
  guint        more_popdown_id;
  GHashTable  *blocks_by_id;  /* gint64* → KabSessionBlock* (borrowed) */

  PangoLayout *hour_layouts[24];
  int          gutter_width;

  GtkWidget   *today_column;
  GtkWidget   *hover_slot;
  GtkWidget   *now_line;
  int          hover_day;
  int          hover_minute;

  guint        tick_id;
  guint        absent_days;    /* bit N: day N of the week is in an absence */

  /* A block being dragged: its placement, and where it would go. */
  int          drag_index;     /* -1 when nothing is dragged */
  gboolean     drag_resize;    /* the lower edge: the length changes, not the start */
  gboolean     drag_started;   /* past the threshold: the click on the block is off */
  int          drag_days;
  int          drag_minutes;
};

G_DEFINE_FINAL_TYPE (KabWeekGrid, kab_week_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WEEK_START,
  PROP_HOUR_HEIGHT,
  PROP_GUTTER_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SLOT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Geometry */

static gboolean
is_rtl (KabWeekGrid *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

static double
day_width (KabWeekGrid *self,
           int          width)
{
  return MAX (0.0, (double)(width - self->gutter_width) / N_DAYS);
}

/* The left edge of a day's column. */
static double
day_x (KabWeekGrid *self,
       int          width,
       int          day)
{
  double column = day_width (self, width);

  if (is_rtl (self))
    return width - self->gutter_width - (day + 1) * column;

  return self->gutter_width + day * column;
}

static double
minute_y (KabWeekGrid *self,
          int          minute)
{
  return minute * self->hour_height / 60.0;
}

static int
today_index (KabWeekGrid *self)
{
  g_autoptr(GDateTime) now = NULL;
  int day;

  if (self->week_start == NULL)
    return -1;

  now = g_date_time_new_now_local ();
  day = kab_calendar_day_index (now, self->week_start);
  return day >= 0 && day < N_DAYS ? day : -1;
}

/* Hour labels */

static void
clear_hour_layouts (KabWeekGrid *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->hour_layouts); i++)
    g_clear_object (&self->hour_layouts[i]);
}

static void
ensure_hour_layouts (KabWeekGrid *self)
{
  int widest = 0;

  if (self->hour_layouts[0] != NULL)
    return;

  for (int hour = 0; hour < 24; hour++)
    {
      g_autofree char *text = kab_calendar_format_hour (hour);
      int text_width;

      self->hour_layouts[hour] = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      pango_layout_get_pixel_size (self->hour_layouts[hour], &text_width, NULL);
      widest = MAX (widest, text_width);
    }

  if (self->gutter_width != widest + 2 * GUTTER_PADDING)
    {
      self->gutter_width = widest + 2 * GUTTER_PADDING;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUTTER_WIDTH]);
    }
}

/* Layout of the sessions */

static void
place_columns (GArray *placements,
               guint   first,
               guint   last)
{
  int column_ends[64];
  int n_columns = 0;

  /* Greedy: each session takes the first column free at its start. */
  for (guint i = first; i < last; i++)
    {
      Placement *p = &g_array_index (placements, Placement, i);
      int column = 0;

      while (column < n_columns && column_ends[column] > p->start_minute)
        column++;

      if (column == n_columns && n_columns < (int)G_N_ELEMENTS (column_ends))
        n_columns++;
      column = MIN (column, (int)G_N_ELEMENTS (column_ends) - 1);

      column_ends[column] = p->end_minute;
      p->column = column;
    }

  for (guint i = first; i < last; i++)
    {
      g_array_index (placements, Placement, i).n_columns = MAX (1, n_columns);
      g_array_index (placements, Placement, i).cluster = first;
    }
}

/* The width a cluster's columns share: the day's, less its marker's room when some of
 * its sessions do not fit side by side at a readable width. */
static double
columns_width (KabWeekGrid     *self,
               const Placement *p,
               int              width)
{
  double day = day_width (self, width);

  if (p->n_columns <= MAX (1, (int) (day / MIN_BLOCK_WIDTH)))
    return day;
  return MAX (1.0, day - self->marker_room);
}

/* Where a cluster's columns start: at the day's start, or after its marker's room,
 * which is at the day's end, on the left in a right-to-left layout. */
static double
columns_start (KabWeekGrid     *self,
               const Placement *p,
               int              width)
{
  double start = day_x (self, width, p->day);

  return is_rtl (self) ? start + day_width (self, width) - columns_width (self, p, width) : start;
}

/* How many columns of a day fit side by side at a readable width. */
static int
shown_columns (KabWeekGrid     *self,
               const Placement *p,
               int              width)
{
  int fit = MAX (1, (int) (columns_width (self, p, width) / MIN_BLOCK_WIDTH));

  return MIN (p->n_columns, fit);
}

static int
compare_placements (gconstpointer a,
                    gconstpointer b)
{
  const Placement *pa = a;
  const Placement *pb = b;

  if (pa->day != pb->day)
    return pa->day - pb->day;
  if (pa->start_minute != pb->start_minute)
    return pa->start_minute - pb->start_minute;
  return pb->end_minute - pa->end_minute;
}

/* Sessions that overlap, directly or through others, share their day's width. */
static void
compute_layout (KabWeekGrid *self)
{
  GArray *placements = self->placements;
  guint cluster_start = 0;
  int cluster_end = -1;
  int cluster_day = -1;

  g_array_sort (placements, compare_placements);

  for (guint i = 0; i < placements->len; i++)
    {
      Placement *p = &g_array_index (placements, Placement, i);

      if (p->day != cluster_day || p->start_minute >= cluster_end)
        {
          place_columns (placements, cluster_start, i);
          cluster_start = i;
          cluster_day = p->day;
          cluster_end = p->end_minute;
        }
      else
        {
          cluster_end = MAX (cluster_end, p->end_minute);
        }
    }

  place_columns (placements, cluster_start, placements->len);
}

static gboolean
placement_for (KabWeekGrid *self,
               KabSession  *session,
               Placement   *out)
{
  g_autoptr(GDateTime) start = g_date_time_to_local (kab_session_get_start (session));
  int day = kab_calendar_day_index (start, self->week_start);
  int minute = g_date_time_get_hour (start) * 60 + g_date_time_get_minute (start);

  if (day < 0 || day >= N_DAYS)
    return FALSE;

  out->day = day;
  out->start_minute = minute;
  /* A session past midnight is drawn to the end of its first day. */
  out->end_minute = MIN (MINUTES_PER_DAY, minute + MAX (5, kab_session_get_duration (session)));
  out->column = 0;
  out->n_columns = 1;
  return TRUE;
}

static void
restack_blocks (KabWeekGrid *self)
{
  GtkWidget *previous = NULL;

  /* Children in time order: Tab walks the week from Monday morning to Sunday night. */
  for (guint i = 0; i < self->placements->len; i++)
    {
      GtkWidget *block = GTK_WIDGET (g_array_index (self->placements, Placement, i).block);

      if (previous == NULL)
        gtk_widget_insert_after (block, GTK_WIDGET (self), self->hover_slot);
      else
        gtk_widget_insert_after (block, GTK_WIDGET (self), previous);
      previous = block;
    }
}

/* How much of a block showing @shown stays as it is when it shows @session instead:
 * the same client (its name label), the same hours (its time label) and the same
 * status (its style). A weekly client is at the same hour every week, so a step
 * through weeks mostly gives each block a session that looks as it did, and GTK has
 * neither text to lay out again nor a style to recompute. */
static guint
likeness (KabSession *shown,
          KabSession *session)
{
  GDateTime *a = kab_session_get_start (shown);
  GDateTime *b = kab_session_get_start (session);
  guint score = 0;

  if (g_strcmp0 (kab_session_get_client_name (shown), kab_session_get_client_name (session)) == 0)
    score += 4;
  if (a != NULL && b != NULL
      && g_date_time_get_hour (a) == g_date_time_get_hour (b)
      && g_date_time_get_minute (a) == g_date_time_get_minute (b)
      && kab_session_get_duration (shown) == kab_session_get_duration (session))
    score += 2;
  if (kab_session_get_status (shown) == kab_session_get_status (session))
    score += 1;

  return score;
}

/* Blocks of sessions that left the grid are given to sessions that came into it, each
 * to the session it is most like: stepping through weeks creates no widgets once the
 * grid has enough, and changes few labels. */
static KabSessionBlock *
take_spare_block (KabWeekGrid *self,
                  GHashTable  *spare,
                  KabSession  *session)
{
  GHashTableIter iter;
  gpointer key, value;
  gpointer best_key = NULL;
  KabSessionBlock *block = NULL;
  guint best = 0;

  g_hash_table_iter_init (&iter, spare);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint score = likeness (kab_session_block_get_session (value), session);

      if (block == NULL || score > best)
        {
          block = value;
          best_key = key;
          best = score;
          if (score == 7)
            break;
        }
    }

  if (block != NULL)
    {
      g_hash_table_remove (spare, best_key);
      kab_session_block_set_session (block, session);
      return block;
    }

  block = KAB_SESSION_BLOCK (kab_session_block_new (session, FALSE));
  gtk_widget_set_parent (GTK_WIDGET (block), GTK_WIDGET (self));
  return block;
}

/* The "+N" buttons: one for each cluster that may not fit, made when the sessions are
 * set (never while allocating), shown where a cluster has sessions that do not fit. */

static void on_more_clicked (KabWeekGrid *self,
                             GtkWidget   *button);

static void
ensure_more_buttons (KabWeekGrid *self)
{
  guint n_clusters = 0;
  guint last_cluster = G_MAXUINT;

  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, i);

      if (p->n_columns > 1 && p->cluster != last_cluster)
        n_clusters++;
      last_cluster = p->cluster;
    }

  while (self->more_buttons->len < n_clusters)
    {
      /* With its label from the start: marker_room () measures it. */
      GtkWidget *button = gtk_button_new_with_label ("");

      gtk_widget_add_css_class (button, "more-sessions");
      gtk_widget_set_child_visible (button, FALSE);
      gtk_widget_set_parent (button, GTK_WIDGET (self));
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_more_clicked), self);
      g_ptr_array_add (self->more_buttons, button);
    }
}

static void
update_more_button (KabWeekGrid  *self,
                    GtkWidget    *button,
                    const Marker *marker)
{
  const Placement *first = &g_array_index (self->placements, Placement, marker->cluster);
  g_autoptr(GDateTime) day = g_date_time_add_days (self->week_start, first->day);
  g_autoptr(GDateTime) start = g_date_time_add_minutes (day, first->start_minute);
  g_autofree char *time = kab_calendar_format_time (start);
  /* Translators: in the week view, the sessions at the same time that do not fit */
  g_autofree char *label = g_strdup_printf (C_("week view", "+%u"), marker->n);
  /* Translators: the "+2" button of the week view: "Show 2 more sessions at 10:00" */
  g_autofree char *description = g_strdup_printf (ngettext ("Show %u more session at %s",
                                                            "Show %u more sessions at %s",
                                                            marker->n),
                                                  marker->n, time);

  /* Only when it changes: a new label asks for another layout. */
  if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) != 0)
    gtk_button_set_label (GTK_BUTTON (button), label);
  if (g_strcmp0 (kab_tooltip_get_text (button), description) != 0)
    {
      kab_tooltip_set_text (button, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                      -1);
    }
}

static gboolean
popdown_more_idle (gpointer user_data)
{
  KabWeekGrid *self = user_data;

  self->more_popdown_id = 0;
  gtk_popover_popdown (GTK_POPOVER (self->more_popover));
  return G_SOURCE_REMOVE;
}

/* The list of hidden sessions follows its "+N" when the week is laid out again (a new
 * hour height, a scroll), and goes away when the "+N" is gone or scrolled out of sight:
 * it would point at nothing, or off the screen. */
static void
present_more_popover (KabWeekGrid *self)
{
  GtkWidget *opener = self->more_opener;
  GtkWidget *area = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;
  graphene_rect_t seen;
  GdkRectangle rect;

  if (area == NULL)
    area = GTK_WIDGET (gtk_widget_get_native (GTK_WIDGET (self)));

  if (opener != NULL && gtk_widget_get_child_visible (opener) && area != NULL &&
      gtk_widget_compute_bounds (opener, GTK_WIDGET (self), &bounds) &&
      gtk_widget_compute_bounds (opener, area, &seen) &&
      seen.origin.x >= 0 && seen.origin.y >= 0 &&
      seen.origin.x + seen.size.width <= gtk_widget_get_width (area) &&
      seen.origin.y + seen.size.height <= gtk_widget_get_height (area))
    {
      GdkRectangle old;

      rect = (GdkRectangle) { (int)bounds.origin.x, (int)bounds.origin.y,
                              (int)bounds.size.width, (int)bounds.size.height };
      if (!gtk_popover_get_pointing_to (GTK_POPOVER (self->more_popover), &old) ||
          !gdk_rectangle_equal (&old, &rect))
        gtk_popover_set_pointing_to (GTK_POPOVER (self->more_popover), &rect);
      gtk_popover_present (GTK_POPOVER (self->more_popover));
    }
  else if (self->more_popdown_id == 0)
    {
      /* Not in the middle of a layout. */
      self->more_popdown_id = g_idle_add (popdown_more_idle, self);
    }
}

/* Each marker's button gets its label and is measured. */
static void
measure_more_buttons (KabWeekGrid *self)
{
  for (guint i = 0; i < self->more_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->more_buttons, i);
      Marker *marker;

      gtk_widget_set_child_visible (button, i < self->markers->len);
      if (i >= self->markers->len)
        continue;

      marker = &g_array_index (self->markers, Marker, i);
      g_object_set_data (G_OBJECT (button), "kab-marker", GUINT_TO_POINTER (i));
      update_more_button (self, button, marker);
      gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, &marker->width, NULL, NULL, NULL);
      gtk_widget_measure (button, GTK_ORIENTATION_VERTICAL, -1, &marker->height, NULL, NULL, NULL);
    }
}

static void
allocate_more_buttons (KabWeekGrid *self)
{
  for (guint i = 0; i < self->more_buttons->len && i < self->markers->len; i++)
    {
      const Marker *marker = &g_array_index (self->markers, Marker, i);

      gtk_widget_size_allocate (g_ptr_array_index (self->more_buttons, i),
                                &(GtkAllocation) { (int)marker->x - marker->width - 3,
                                                   (int)marker->y + 2,
                                                   marker->width, marker->height },
                                -1);
    }

  if (gtk_widget_get_visible (self->more_popover))
    present_more_popover (self);
}

static void
on_more_entry_clicked (GtkWidget   *entry,
                       KabWeekGrid *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (entry), "kab-session-id");
  GtkWidget *opener = self->more_opener;

  gtk_popover_popdown (GTK_POPOVER (self->more_popover));
  /* As the block does: the practitioner's supervision opens its log, a session its dialog. */
  if (id < 0)
    gtk_widget_activate_action (opener, "calendar.show-supervision", NULL);
  else
    gtk_widget_activate_action (opener, "calendar.edit-session", "x", id);
}

static void
on_more_clicked (KabWeekGrid *self,
                 GtkWidget   *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kab-marker"));
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  const Marker *marker;
  graphene_rect_t bounds;

  if (index >= self->markers->len || !gtk_widget_compute_bounds (button, GTK_WIDGET (self), &bounds))
    return;

  marker = &g_array_index (self->markers, Marker, index);
  for (guint i = marker->cluster; i < self->placements->len; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, i);
      KabSession *session;
      g_autoptr(GDateTime) end = NULL;
      g_autofree char *range = NULL;
      g_autofree char *status = NULL;
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;
      GtkWidget *entry;
      GtkWidget *label;

      if (p->cluster != marker->cluster)
        break;
      if (p->column < shown_columns (self, p, width))
        continue;

      session = kab_session_block_get_session (p->block);
      end = kab_session_dup_end (session);
      range = kab_calendar_format_time_range (kab_session_get_start (session), end);
      status = g_utf8_strdown (kab_session_status_to_label (kab_session_get_status (session)), -1);
      name = kab_isolate (kab_session_get_client_name (session));
      /* The same words as the block says to a screen reader: name, time, status. */
      text = g_strdup_printf (C_("session block", "%s, %s, %s"), name, range, status);

      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      entry = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (entry), label);
      gtk_widget_add_css_class (entry, "flat");
      g_object_set_data_full (G_OBJECT (entry), "kab-session-id",
                              g_memdup2 (&(gint64) { kab_session_get_id (session) }, sizeof (gint64)),
                              g_free);
      g_signal_connect (entry, "clicked", G_CALLBACK (on_more_entry_clicked), self);
      gtk_box_append (GTK_BOX (list), entry);
    }

  g_clear_handle_id (&self->more_popdown_id, g_source_remove);
  self->more_opener = button;
  gtk_popover_set_child (GTK_POPOVER (self->more_popover), list);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->more_popover),
                               &(GdkRectangle) { (int)bounds.origin.x, (int)bounds.origin.y,
                                                 (int)bounds.size.width, (int)bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (self->more_popover));
}

/* Escape, or a click elsewhere, gives the focus back to the "+N" that opened the list. */
static void
on_more_closed (KabWeekGrid *self)
{
  if (self->more_opener != NULL && gtk_widget_get_child_visible (self->more_opener))
    gtk_widget_grab_focus (self->more_opener);
}

/**
 * kab_week_grid_set_sessions:
 * @sessions: (element-type KabSession): the sessions of the week shown
 *
 * Shows @sessions. Blocks of sessions already shown are kept and updated, so that
 * keyboard focus stays where it was after a change.
 */
void
kab_week_grid_set_sessions (KabWeekGrid *self,
                            GListModel  *sessions)
{
  g_autoptr(GHashTable) old_blocks = NULL;
  g_autoptr(GPtrArray) newcomers = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_if_fail (KAB_IS_WEEK_GRID (self));
  g_return_if_fail (G_IS_LIST_MODEL (sessions));

  old_blocks = g_steal_pointer (&self->blocks_by_id);
  self->blocks_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_array_set_size (self->placements, 0);

  /* First the sessions still shown keep their blocks … */
  n = self->week_start != NULL ? g_list_model_get_n_items (sessions) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);
      gint64 id = kab_session_get_id (session);
      KabSessionBlock *block = g_hash_table_lookup (old_blocks, &id);
      Placement placement;

      if (!placement_for (self, session, &placement))
        continue;

      if (block == NULL)
        {
          g_ptr_array_add (newcomers, g_steal_pointer (&session));
          continue;
        }

      g_hash_table_remove (old_blocks, &id);
      kab_session_block_set_session (block, session);
      placement.block = block;
      g_array_append_val (self->placements, placement);
      g_hash_table_insert (self->blocks_by_id, g_memdup2 (&id, sizeof id), block);
    }

  /* … then the others take the blocks left over, or new ones. */
  for (guint i = 0; i < newcomers->len; i++)
    {
      KabSession *session = g_ptr_array_index (newcomers, i);
      gint64 id = kab_session_get_id (session);
      Placement placement;

      placement_for (self, session, &placement);
      placement.block = take_spare_block (self, old_blocks, session);
      g_array_append_val (self->placements, placement);
      g_hash_table_insert (self->blocks_by_id, g_memdup2 (&id, sizeof id), placement.block);
    }

  /* What is left was deleted or moved out of the week. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, old_blocks);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      gtk_widget_unparent (GTK_WIDGET (value));
  }

  compute_layout (self);
  restack_blocks (self);
  ensure_more_buttons (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

guint
kab_week_grid_get_n_blocks (KabWeekGrid *self)
{
  g_return_val_if_fail (KAB_IS_WEEK_GRID (self), 0);

  return self->placements->len;
}

/**
 * kab_week_grid_find_block:
 *
 * Returns: (transfer none) (nullable): the block showing the session @session_id
 */
KabSessionBlock *
kab_week_grid_find_block (KabWeekGrid *self,
                          gint64       session_id)
{
  g_return_val_if_fail (KAB_IS_WEEK_GRID (self), NULL);

  return g_hash_table_lookup (self->blocks_by_id, &session_id);
}

/* GtkWidget */

static void
kab_week_grid_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  KabWeekGrid *self = KAB_WEEK_GRID (widget);

  ensure_hour_layouts (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->gutter_width + N_DAYS * MIN_DAY_WIDTH;
  else
    *minimum = *natural = 24 * self->hour_height;
}

/* Where a placement shows while it is dragged: moved by whole days and 5 minutes. */
static Placement
dragged_placement (KabWeekGrid     *self,
                   const Placement *p)
{
  Placement moved = *p;

  moved.day = CLAMP (p->day + self->drag_days, 0, N_DAYS - 1);
  if (!self->drag_resize)
    moved.start_minute = CLAMP (p->start_minute + self->drag_minutes, 0, MINUTES_PER_DAY - 5);
  moved.end_minute = CLAMP (p->end_minute + self->drag_minutes, moved.start_minute + 5, MINUTES_PER_DAY);
  /* Alone in its day while it moves: the columns are the ones of where it came from. */
  moved.column = 0;
  moved.n_columns = 1;
  return moved;
}

/* The overlap check while dragging: does the dragged block meet another? */
static gboolean
dragged_overlaps (KabWeekGrid     *self,
                  const Placement *moved)
{
  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *other = &g_array_index (self->placements, Placement, i);

      if ((int)i != self->drag_index && other->day == moved->day &&
          other->start_minute < moved->end_minute && moved->start_minute < other->end_minute)
        return TRUE;
    }

  return FALSE;
}

static void
allocate_block (KabWeekGrid     *self,
                const Placement *p,
                int              width)
{
  int n_columns = shown_columns (self, p, width);
  double column = columns_width (self, p, width) / n_columns;
  double x = columns_start (self, p, width)
             + (is_rtl (self) ? n_columns - 1 - p->column : p->column) * column;
  double y = minute_y (self, p->start_minute);
  double height = minute_y (self, p->end_minute) - y;
  int minimum_width, minimum_height;

  /* Many sessions at once make narrow columns; a block never gets less than it needs
   * to show "…", and may then cover its neighbour. */
  gtk_widget_measure (GTK_WIDGET (p->block), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (p->block), GTK_ORIENTATION_VERTICAL, -1,
                      &minimum_height, NULL, NULL, NULL);

  gtk_widget_size_allocate (GTK_WIDGET (p->block),
                            &(GtkAllocation) {
                              .x = (int)floor (x) + 2,
                              .y = (int)floor (y) + 1,
                              .width = MAX (minimum_width, (int)floor (column) - 3),
                              .height = MAX (minimum_height, (int)floor (height) - 2),
                            }, -1);
}

static void
allocate_overlays (KabWeekGrid *self,
                   int          width,
                   int          height)
{
  int today = today_index (self);
  double column = day_width (self, width);

  gtk_widget_set_child_visible (self->today_column, today >= 0);
  gtk_widget_set_child_visible (self->now_line, today >= 0);
  if (today >= 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      int minute = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
      int line_height;

      gtk_widget_size_allocate (self->today_column,
                                &(GtkAllocation) { (int)day_x (self, width, today), 0,
                                                   (int)ceil (column), height }, -1);

      gtk_widget_measure (self->now_line, GTK_ORIENTATION_VERTICAL, -1,
                          &line_height, NULL, NULL, NULL);
      line_height = MAX (2, line_height);
      gtk_widget_size_allocate (self->now_line,
                                &(GtkAllocation) { (int)day_x (self, width, today),
                                                   (int)minute_y (self, minute) - line_height / 2,
                                                   (int)ceil (column), line_height }, -1);
    }

  gtk_widget_set_child_visible (self->hover_slot, self->hover_day >= 0);
  if (self->hover_day >= 0)
    {
      double y = minute_y (self, self->hover_minute);
      double slot = minute_y (self, MIN (MINUTES_PER_DAY, self->hover_minute + self->slot_minutes)) - y;

      gtk_widget_size_allocate (self->hover_slot,
                                &(GtkAllocation) { (int)day_x (self, width, self->hover_day) + 2,
                                                   (int)y + 1, MAX (1, (int)column - 3),
                                                   MAX (1, (int)slot - 2) }, -1);
    }
}

/* The room a marker keeps: its button with a two-digit count, measured without
 * changing any button (a label set here would ask for another layout). */
static int
marker_room (KabWeekGrid *self)
{
  g_autofree char *widest = g_strdup_printf (C_("week view", "+%u"), 88);
  g_autoptr(PangoLayout) layout = NULL;
  GtkWidget *button;
  GtkWidget *label;
  int button_width, label_width, text_width;

  if (self->more_buttons->len == 0)
    return 0;

  button = g_ptr_array_index (self->more_buttons, 0);
  label = gtk_button_get_child (GTK_BUTTON (button));
  gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, &button_width, NULL, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &label_width, NULL, NULL, NULL);
  layout = gtk_widget_create_pango_layout (label, widest);
  pango_layout_get_pixel_size (layout, &text_width, NULL);

  return button_width - label_width + text_width + 4;
}

/* A session beyond the columns that fit hides, counted in its cluster's marker, at the
 * day's end beside the cluster's first session. */
static void
find_markers (KabWeekGrid *self,
              int          width)
{
  g_array_set_size (self->markers, 0);

  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, i);
      gboolean dragged = (int)i == self->drag_index && self->drag_started;
      gboolean shown = dragged || p->column < shown_columns (self, p, width);
      const Placement *first;
      Marker *last;

      gtk_widget_set_child_visible (GTK_WIDGET (p->block), shown);
      if (shown)
        continue;

      first = &g_array_index (self->placements, Placement, p->cluster);
      last = self->markers->len > 0 ? &g_array_index (self->markers, Marker, self->markers->len - 1)
                                    : NULL;
      if (last != NULL && last->cluster == p->cluster)
        {
          last->n++;
        }
      else
        {
          /* Its right edge: the day's, or in a right-to-left layout the room's, which
           * is then on the left, where the columns start. */
          double right = is_rtl (self) ? columns_start (self, p, width)
                                       : day_x (self, width, p->day) + day_width (self, width);

          g_array_append_vals (self->markers,
                               &(Marker) { right, minute_y (self, first->start_minute), 1, p->cluster, 0, 0 },
                               1);
        }
    }
}

static void
kab_week_grid_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  KabWeekGrid *self = KAB_WEEK_GRID (widget);

  ensure_hour_layouts (self);
  allocate_overlays (self, width, height);

  /* Which sessions do not fit, counted in their cluster's marker, which keeps its room
   * beside the columns so that it covers no block (it once hid the end of a name). */
  self->marker_room = marker_room (self);
  find_markers (self, width);
  measure_more_buttons (self);

  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, i);
      gboolean dragged = (int)i == self->drag_index && self->drag_started;

      if (!gtk_widget_get_child_visible (GTK_WIDGET (p->block)))
        continue;

      if (dragged)
        {
          Placement moved = dragged_placement (self, p);

          allocate_block (self, &moved, width);
        }
      else
        allocate_block (self, p, width);
    }

  allocate_more_buttons (self);
}

static void
append_line (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         width,
             double         height)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
snapshot_grid (KabWeekGrid *self,
               GtkSnapshot *snapshot,
               int          width,
               const GdkRGBA *fg)
{
  GdkRGBA line = *fg;
  GdkRGBA half = *fg;
  GdkRGBA closed = *fg;
  double days_x = is_rtl (self) ? 0 : self->gutter_width;
  double days_width = width - self->gutter_width;
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());

  line.alpha = high_contrast ? 0.5 : 0.15;
  half.alpha = high_contrast ? 0.25 : 0.06;
  closed.alpha = 0.035;

  /* Outside the practice's hours the grid is a shade darker. */
  append_line (snapshot, &closed, days_x, 0, days_width, minute_y (self, self->work_start_hour * 60));
  append_line (snapshot, &closed, days_x, minute_y (self, self->work_end_hour * 60),
               days_width, minute_y (self, MINUTES_PER_DAY - self->work_end_hour * 60));

  for (int hour = 1; hour < 24; hour++)
    append_line (snapshot, &line, days_x, floor (minute_y (self, hour * 60)), days_width, 1);
  for (int hour = 0; hour < 24; hour++)
    append_line (snapshot, &half, days_x, floor (minute_y (self, hour * 60 + 30)), days_width, 1);

  for (int day = 0; day < N_DAYS; day++)
    append_line (snapshot, &line, floor (day_x (self, width, day)), 0, 1,
                 minute_y (self, MINUTES_PER_DAY));
}

static void
snapshot_hours (KabWeekGrid   *self,
                GtkSnapshot   *snapshot,
                int            width,
                const GdkRGBA *fg)
{
  GdkRGBA dim = *fg;

  dim.alpha = 0.6;

  for (int hour = 1; hour < 24; hour++)
    {
      PangoLayout *layout = self->hour_layouts[hour];
      int text_width, text_height;
      double x, y;

      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      x = is_rtl (self) ? width - self->gutter_width + GUTTER_PADDING
                        : self->gutter_width - GUTTER_PADDING - text_width;
      y = minute_y (self, hour * 60) - text_height / 2.0;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
      gtk_snapshot_append_layout (snapshot, layout, &dim);
      gtk_snapshot_restore (snapshot);
    }
}

/* The days of a vacation: a faint shade over the whole column. */
static void
snapshot_absent_days (KabWeekGrid   *self,
                      GtkSnapshot   *snapshot,
                      int            width,
                      const GdkRGBA *fg)
{
  GdkRGBA shade = *fg;

  shade.alpha = 0.06f;
  for (int day = 0; day < N_DAYS && self->absent_days != 0; day++)
    {
      double x = day_x (self, width, day);

      if ((self->absent_days & (1u << day)) != 0)
        gtk_snapshot_append_color (snapshot, &shade,
                                   &GRAPHENE_RECT_INIT (x, 0, day_width (self, width),
                                                        minute_y (self, MINUTES_PER_DAY)));
    }
}

/**
 * kab_week_grid_set_absent_days:
 * @days: bit N set when day N of the week is in one of the practitioner's absences
 */
void
kab_week_grid_set_absent_days (KabWeekGrid *self,
                               guint        days)
{
  g_return_if_fail (KAB_IS_WEEK_GRID (self));

  if (self->absent_days == days)
    return;
  self->absent_days = days;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * kab_week_grid_get_n_hidden:
 *
 * Returns: the sessions of the week that did not fit beside others at the last
 *   allocation (counted in "+N" markers)
 */
guint
kab_week_grid_get_n_hidden (KabWeekGrid *self)
{
  guint n = 0;

  g_return_val_if_fail (KAB_IS_WEEK_GRID (self), 0);

  for (guint i = 0; i < self->markers->len; i++)
    n += g_array_index (self->markers, Marker, i).n;

  return n;
}

static void
kab_week_grid_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  KabWeekGrid *self = KAB_WEEK_GRID (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA fg;

  ensure_hour_layouts (self);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_widget_snapshot_child (widget, self->today_column, snapshot);
  snapshot_absent_days (self, snapshot, width, &fg);
  snapshot_grid (self, snapshot, width, &fg);
  snapshot_hours (self, snapshot, width, &fg);
  gtk_widget_snapshot_child (widget, self->hover_slot, snapshot);

  for (guint i = 0; i < self->placements->len; i++)
    gtk_widget_snapshot_child (widget, GTK_WIDGET (g_array_index (self->placements, Placement, i).block),
                               snapshot);

  for (guint i = 0; i < self->more_buttons->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->more_buttons, i), snapshot);
  gtk_widget_snapshot_child (widget, self->now_line, snapshot);
}

static void
kab_week_grid_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  KabWeekGrid *self = KAB_WEEK_GRID (widget);

  GTK_WIDGET_CLASS (kab_week_grid_parent_class)->css_changed (widget, change);

  /* Fonts may have changed: the gutter is measured again now, not in the middle of a
   * size allocation, because the week's header follows its width. */
  clear_hour_layouts (self);
  ensure_hour_layouts (self);
  gtk_widget_queue_resize (widget);
}

static void
kab_week_grid_direction_changed (GtkWidget        *widget,
                                 GtkTextDirection  previous)
{
  gtk_widget_queue_allocate (widget);
}

/* The now line moves with the clock; once a minute is enough. */
static gboolean
on_tick (gpointer user_data)
{
  gtk_widget_queue_allocate (GTK_WIDGET (user_data));
  return G_SOURCE_CONTINUE;
}

static void
kab_week_grid_map (GtkWidget *widget)
{
  KabWeekGrid *self = KAB_WEEK_GRID (widget);

  GTK_WIDGET_CLASS (kab_week_grid_parent_class)->map (widget);

  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (30, on_tick, self);
}

static void
kab_week_grid_unmap (GtkWidget *widget)
{
  KabWeekGrid *self = KAB_WEEK_GRID (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (kab_week_grid_parent_class)->unmap (widget);
}

/* Slots: a click on free time plans a session there */

static gboolean
slot_at (KabWeekGrid *self,
         double       x,
         double       y,
         int         *out_day,
         int         *out_minute)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  double column = day_width (self, width);
  int day;

  if (column <= 0 || self->hour_height <= 0 || self->week_start == NULL)
    return FALSE;

  if (is_rtl (self))
    day = (int)floor ((width - self->gutter_width - x) / column);
  else
    day = (int)floor ((x - self->gutter_width) / column);

  if (day < 0 || day >= N_DAYS || y < 0)
    return FALSE;

  *out_day = day;
  *out_minute = CLAMP ((int)(y * 60 / self->hour_height) / SLOT_STEP * SLOT_STEP,
                       0, MINUTES_PER_DAY - SLOT_STEP);
  return TRUE;
}

static void
set_hover (KabWeekGrid *self,
           int          day,
           int          minute)
{
  if (self->hover_day == day && self->hover_minute == minute)
    return;

  self->hover_day = day;
  self->hover_minute = minute;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
is_free_at (KabWeekGrid *self,
            double       x,
            double       y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  return picked == GTK_WIDGET (self);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           KabWeekGrid              *self)
{
  int day, minute;

  if (is_free_at (self, x, y) && slot_at (self, x, y, &day, &minute))
    set_hover (self, day, minute);
  else
    set_hover (self, -1, 0);
}

static void
on_leave (GtkEventControllerMotion *controller,
          KabWeekGrid              *self)
{
  set_hover (self, -1, 0);
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             KabWeekGrid     *self)
{
  g_autoptr(GDateTime) day_start = NULL;
  g_autoptr(GDateTime) start = NULL;
  int day, minute;

  if (n_press != 1 || !is_free_at (self, x, y) || !slot_at (self, x, y, &day, &minute))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  day_start = g_date_time_add_days (self->week_start, day);
  start = g_date_time_new_local (g_date_time_get_year (day_start),
                                 g_date_time_get_month (day_start),
                                 g_date_time_get_day_of_month (day_start),
                                 minute / 60, minute % 60, 0);
  g_signal_emit (self, signals[SLOT_ACTIVATED], 0, start);
}

/* Dragging a block moves it; dragging its lower edge changes its length. The move is
 * made by "calendar.move-session" when the button is let go, with one undo toast. */

#define DRAG_THRESHOLD 6
#define RESIZE_EDGE    8

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               KabWeekGrid    *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  GtkWidget *block = picked != NULL ? gtk_widget_get_ancestor (picked, KAB_TYPE_SESSION_BLOCK) : NULL;
  graphene_rect_t bounds;

  self->drag_index = -1;
  self->drag_started = FALSE;
  self->drag_days = self->drag_minutes = 0;

  for (guint i = 0; block != NULL && i < self->placements->len; i++)
    {
      if (GTK_WIDGET (g_array_index (self->placements, Placement, i).block) == block)
        self->drag_index = i;
    }

  if (self->drag_index < 0 || !gtk_widget_compute_bounds (block, GTK_WIDGET (self), &bounds))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_resize = y >= bounds.origin.y + bounds.size.height - RESIZE_EDGE;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                KabWeekGrid    *self)
{
  double column = day_width (self, gtk_widget_get_width (GTK_WIDGET (self)));
  const Placement *p;
  Placement moved;
  int days, minutes;

  if (self->drag_index < 0 || self->hour_height <= 0 || column <= 0)
    return;

  if (!self->drag_started)
    {
      if (fabs (dx) < DRAG_THRESHOLD && fabs (dy) < DRAG_THRESHOLD)
        return;

      /* From here on it is a drag, not a click that opens the session's menu. */
      self->drag_started = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }

  minutes = (int)lround (dy * 60 / self->hour_height / 5) * 5;
  days = self->drag_resize ? 0 : (int)lround (dx / column) * (is_rtl (self) ? -1 : 1);
  if (days == self->drag_days && minutes == self->drag_minutes)
    return;

  self->drag_days = days;
  self->drag_minutes = minutes;

  p = &g_array_index (self->placements, Placement, self->drag_index);
  moved = dragged_placement (self, p);
  if (dragged_overlaps (self, &moved))
    gtk_widget_add_css_class (GTK_WIDGET (p->block), "drag-overlap");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (p->block), "drag-overlap");

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             KabWeekGrid    *self)
{
  const Placement *p;
  Placement moved;
  KabSession *session;
  int days, start_change, duration_change;

  if (self->drag_index < 0 || !self->drag_started)
    {
      self->drag_index = -1;
      return;
    }

  p = &g_array_index (self->placements, Placement, self->drag_index);
  moved = dragged_placement (self, p);
  session = kab_session_block_get_session (p->block);
  gtk_widget_remove_css_class (GTK_WIDGET (p->block), "drag-overlap");

  days = moved.day - p->day;
  start_change = moved.start_minute - p->start_minute;
  duration_change = (moved.end_minute - moved.start_minute) - (p->end_minute - p->start_minute);

  self->drag_index = -1;
  self->drag_started = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  if (session != NULL && (days != 0 || start_change != 0 || duration_change != 0))
    gtk_widget_activate_action (GTK_WIDGET (self), "calendar.move-session", "(xiii)",
                                kab_session_get_id (session), days, start_change, duration_change);
}

/* GObject */

static void
kab_week_grid_dispose (GObject *object)
{
  KabWeekGrid *self = KAB_WEEK_GRID (object);
  GtkWidget *child;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->more_popdown_id, g_source_remove);
  if (self->more_popover != NULL)
    g_signal_handlers_disconnect_by_data (self->more_popover, self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->blocks_by_id, g_hash_table_unref);
  if (self->more_buttons != NULL)
    g_ptr_array_set_size (self->more_buttons, 0);
  self->more_popover = self->more_opener = NULL;
  if (self->placements != NULL)
    g_array_set_size (self->placements, 0);
  clear_hour_layouts (self);

  G_OBJECT_CLASS (kab_week_grid_parent_class)->dispose (object);
}

static void
kab_week_grid_finalize (GObject *object)
{
  KabWeekGrid *self = KAB_WEEK_GRID (object);

  g_clear_pointer (&self->week_start, g_date_time_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->markers, g_array_unref);
  g_clear_pointer (&self->more_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (kab_week_grid_parent_class)->finalize (object);
}

static void
kab_week_grid_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KabWeekGrid *self = KAB_WEEK_GRID (object);

  switch (prop_id)
    {
    case PROP_WEEK_START:
      g_value_set_boxed (value, self->week_start);
      break;

    case PROP_HOUR_HEIGHT:
      g_value_set_int (value, self->hour_height);
      break;

    case PROP_GUTTER_WIDTH:
      g_value_set_int (value, kab_week_grid_get_gutter_width (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_week_grid_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KabWeekGrid *self = KAB_WEEK_GRID (object);

  switch (prop_id)
    {
    case PROP_WEEK_START:
      kab_week_grid_set_week_start (self, g_value_get_boxed (value));
      break;

    case PROP_HOUR_HEIGHT:
      kab_week_grid_set_hour_height (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_week_grid_class_init (KabWeekGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_week_grid_dispose;
  object_class->finalize = kab_week_grid_finalize;
  object_class->get_property = kab_week_grid_get_property;
  object_class->set_property = kab_week_grid_set_property;

  widget_class->measure = kab_week_grid_measure;
  widget_class->size_allocate = kab_week_grid_size_allocate;
  widget_class->snapshot = kab_week_grid_snapshot;
  widget_class->css_changed = kab_week_grid_css_changed;
  widget_class->direction_changed = kab_week_grid_direction_changed;
  widget_class->map = kab_week_grid_map;
  widget_class->unmap = kab_week_grid_unmap;

  properties[PROP_WEEK_START] =
    g_param_spec_boxed ("week-start", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HOUR_HEIGHT] =
    g_param_spec_int ("hour-height", NULL, NULL,
                      8, 400, 48,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_GUTTER_WIDTH] =
    g_param_spec_int ("gutter-width", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KabWeekGrid::slot-activated:
   * @start: (type GLib.DateTime): the local time of the free half hour clicked
   */
  signals[SLOT_ACTIVATED] =
    g_signal_new ("slot-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_DATE_TIME);

  gtk_widget_class_set_css_name (widget_class, "weekgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
overlay_new (KabWeekGrid *self,
             const char  *css_class)
{
  GtkWidget *overlay = adw_bin_new ();

  gtk_widget_add_css_class (overlay, css_class);
  gtk_widget_set_can_target (overlay, FALSE);
  gtk_widget_set_can_focus (overlay, FALSE);
  gtk_widget_set_parent (overlay, GTK_WIDGET (self));
  return overlay;
}

static void
kab_week_grid_init (KabWeekGrid *self)
{
  GtkEventController *motion;
  GtkGesture *click;
  GtkGesture *drag;

  self->hour_height = 48;
  self->work_start_hour = 8;
  self->work_end_hour = 20;
  self->slot_minutes = 50;
  self->hover_day = -1;
  self->placements = g_array_new (FALSE, TRUE, sizeof (Placement));
  self->markers = g_array_new (FALSE, TRUE, sizeof (Marker));
  self->more_buttons = g_ptr_array_new ();
  self->more_popover = gtk_popover_new ();
  gtk_widget_add_css_class (self->more_popover, "more-sessions");
  gtk_widget_set_parent (self->more_popover, GTK_WIDGET (self));
  g_signal_connect_swapped (self->more_popover, "closed", G_CALLBACK (on_more_closed), self);
  self->blocks_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  self->today_column = overlay_new (self, "today");
  self->hover_slot = overlay_new (self, "slot-hover");
  self->now_line = overlay_new (self, "now-line");

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  /* In the capture phase: the grid sees a press on a block before the block's click. */
  self->drag_index = -1;
  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sessions of the week"),
                                  -1);
}

GtkWidget *
kab_week_grid_new (void)
{
  return g_object_new (KAB_TYPE_WEEK_GRID, NULL);
}

/**
 * kab_week_grid_get_week_start:
 *
 * Returns: (transfer none) (nullable): local midnight of the first day shown
 */
GDateTime *
kab_week_grid_get_week_start (KabWeekGrid *self)
{
  g_return_val_if_fail (KAB_IS_WEEK_GRID (self), NULL);

  return self->week_start;
}

/**
 * kab_week_grid_set_week_start:
 *
 * Shows another week. Its sessions come with kab_week_grid_set_sessions().
 */
void
kab_week_grid_set_week_start (KabWeekGrid *self,
                              GDateTime   *week_start)
{
  g_return_if_fail (KAB_IS_WEEK_GRID (self));

  if (self->week_start == week_start ||
      (self->week_start != NULL && week_start != NULL && g_date_time_equal (self->week_start, week_start)))
    return;

  g_clear_pointer (&self->week_start, g_date_time_unref);
  self->week_start = week_start != NULL ? g_date_time_ref (week_start) : NULL;
  set_hover (self, -1, 0);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEEK_START]);
}

int
kab_week_grid_get_hour_height (KabWeekGrid *self)
{
  g_return_val_if_fail (KAB_IS_WEEK_GRID (self), 0);

  return self->hour_height;
}

void
kab_week_grid_set_hour_height (KabWeekGrid *self,
                               int          hour_height)
{
  g_return_if_fail (KAB_IS_WEEK_GRID (self));

  hour_height = CLAMP (hour_height, 8, 400);
  if (self->hour_height == hour_height)
    return;

  self->hour_height = hour_height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOUR_HEIGHT]);
}

/**
 * kab_week_grid_set_working_hours:
 *
 * The practice's day, from the Preferences: the hours outside it are shaded.
 */
void
kab_week_grid_set_working_hours (KabWeekGrid *self,
                                 int          start_hour,
                                 int          end_hour)
{
  g_return_if_fail (KAB_IS_WEEK_GRID (self));

  start_hour = CLAMP (start_hour, 0, 23);
  end_hour = CLAMP (end_hour, start_hour + 1, 24);
  if (self->work_start_hour == start_hour && self->work_end_hour == end_hour)
    return;

  self->work_start_hour = start_hour;
  self->work_end_hour = end_hour;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * kab_week_grid_set_slot_minutes:
 *
 * How long the highlighted free slot under the pointer is: the default session length.
 */
void
kab_week_grid_set_slot_minutes (KabWeekGrid *self,
                                int          minutes)
{
  g_return_if_fail (KAB_IS_WEEK_GRID (self));

  self->slot_minutes = CLAMP (minutes, 5, 600);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

int
kab_week_grid_get_gutter_width (KabWeekGrid *self)
{
  g_return_val_if_fail (KAB_IS_WEEK_GRID (self), 0);

  ensure_hour_layouts (self);
  return self->gutter_width;
}
