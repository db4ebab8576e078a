/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-session-block.c: one session in the week or month view, a button with its status menu */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kab-calendar-util.h"
#include "kab-calendar-view.h"
#include "kab-money.h"
#include "kab-session-block.h"
#include "kab-status-menu.h"
#include "kab-text.h"

struct _KabSessionBlock
{
  GtkButton           parent_instance;

  KabSession         *session;
  gboolean            compact;

  GtkWidget          *name_label;  /* the week's block: name above time */
  GtkWidget          *time_label;
  PangoLayout        *layout;      /* the month's line, drawn: "10:00 Anna K." */
  GtkWidget          *popover;
  GtkWidget          *details;   /* the head of the popover's menu */
  GSimpleActionGroup *actions;

  /* What the block shows now, so that an update touches only what changed: stepping
   * through weeks reuses blocks for other sessions. */
  const char         *shown_class;
  gboolean            shown_struck;
  gboolean            shown_unmarked;
};

G_DEFINE_FINAL_TYPE (KabSessionBlock, kab_session_block, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
status_class (KabSessionStatus status)
{
  switch (status)
    {
    case KAB_SESSION_STATUS_PLANNED:                   return "planned";
    case KAB_SESSION_STATUS_ATTENDED:                  return "attended";
    case KAB_SESSION_STATUS_CANCELLED_LATE:            return "cancelled-late";
    case KAB_SESSION_STATUS_NO_SHOW:                   return "no-show";
    case KAB_SESSION_STATUS_CANCELLED_IN_TIME:
    case KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER:
    default:                                           return "cancelled-free";
    }
}

static gboolean
is_cancelled (KabSessionStatus status)
{
  return status == KAB_SESSION_STATUS_CANCELLED_IN_TIME ||
         status == KAB_SESSION_STATUS_CANCELLED_LATE ||
         status == KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER;
}

/* A planned session that is over and still waits to be marked attended or cancelled. */
static gboolean
is_unmarked (KabSession *session)
{
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (kab_session_get_status (session) != KAB_SESSION_STATUS_PLANNED)
    return FALSE;

  end = kab_session_dup_end (session);
  now = g_date_time_new_now_utc ();
  return end != NULL && g_date_time_compare (end, now) < 0;
}

static char *
short_name (KabSession *session)
{
  const char *name = kab_session_get_client_name (session);
  const char *space = strrchr (name, ' ');
  g_autofree char *given = NULL;

  /* A supervision meeting's name is its group's, not a person's to shorten. */
  if (space == NULL || kab_session_get_id (session) < 0)
    return g_strdup (name);

  given = g_strndup (name, space - name);
  return kab_calendar_short_name (given, space + 1);
}

/* Cancelled sessions are struck through: CSS text-decoration does not reach labels
 * reliably on GTK 4.8, Pango attributes do. */
static void
set_struck_through (KabSessionBlock *self,
                    gboolean         struck)
{
  g_autoptr(PangoAttrList) attributes = NULL;

  if (struck)
    {
      attributes = pango_attr_list_new ();
      pango_attr_list_insert (attributes, pango_attr_strikethrough_new (TRUE));
    }

  if (self->layout != NULL)
    {
      pango_layout_set_attributes (self->layout, attributes);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  gtk_label_set_attributes (GTK_LABEL (self->name_label), attributes);
  if (self->time_label != NULL)
    gtk_label_set_attributes (GTK_LABEL (self->time_label), attributes);
}

static void
set_class (KabSessionBlock *self,
           const char     **shown,
           const char      *wanted)
{
  if (g_strcmp0 (*shown, wanted) == 0)
    return;

  if (*shown != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), *shown);
  if (wanted != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), wanted);
  *shown = wanted;
}

static void
update_style (KabSessionBlock *self)
{
  KabSessionStatus status = kab_session_get_status (self->session);
  gboolean struck = is_cancelled (status);
  gboolean unmarked = is_unmarked (self->session);

  set_class (self, &self->shown_class, status_class (status));

  if (struck != self->shown_struck)
    {
      set_struck_through (self, struck);
      if (struck)
        gtk_widget_add_css_class (GTK_WIDGET (self), "cancelled");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), "cancelled");
      self->shown_struck = struck;
    }

  if (unmarked != self->shown_unmarked)
    {
      if (unmarked)
        gtk_widget_add_css_class (GTK_WIDGET (self), "unmarked");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), "unmarked");
      self->shown_unmarked = unmarked;
    }
}

static void
update_labels (KabSessionBlock *self)
{
  KabSession *session = self->session;
  KabSessionStatus status = kab_session_get_status (session);
  g_autoptr(GDateTime) end = kab_session_dup_end (session);
  g_autofree char *range = kab_calendar_format_time_range (kab_session_get_start (session), end);
  g_autofree char *status_label = g_utf8_strdown (kab_session_status_to_label (status), -1);
  g_autofree char *accessible = NULL;
  const char *name = kab_session_get_client_name (session);
  g_autofree char *isolated = kab_isolate (name);

  if (self->compact)
    {
      g_autofree char *time = kab_calendar_format_time (kab_session_get_start (session));
      g_autofree char *shortened = short_name (session);
      g_autofree char *isolated_short = kab_isolate (shortened);
      /* Translators: a session in the month view: start time and short name, "10:00 Anna K." */
      g_autofree char *text = g_strdup_printf (C_("month view session", "%s %s"), time,
                                               isolated_short);

      /* Only drawn: a line's height does not depend on its text (see measure()). */
      pango_layout_set_text (self->layout, text, -1);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (self->name_label), name);
      gtk_label_set_label (GTK_LABEL (self->time_label), range);
    }

  /* Translators: what a screen reader says for a session: name, time, status:
   * "Anna Karlsson, 10:00–10:50, planned" */
  accessible = g_strdup_printf (C_("session block", "%s, %s, %s"), isolated, range, status_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  update_style (self);
}

/* The tooltip is written when it is asked for, not for every block of every week. */
/**
 * kab_session_block_dup_tooltip_markup:
 *
 * Returns: (transfer full) (nullable): the Pango markup of the block's tooltip: the
 *   client's name in bold, time and kind, status, and the note in italics
 */
char *
kab_session_block_dup_tooltip_markup (KabSessionBlock *self)
{
  KabSession *session = self->session;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *range = NULL;
  g_autofree char *markup = NULL;
  const char *note;

  if (session == NULL)
    return NULL;

  end = kab_session_dup_end (session);
  range = kab_calendar_format_time_range (kab_session_get_start (session), end);
  note = kab_session_get_note (session);

  /* Translators: the tooltip of a session: name, then time · kind, then status */
  markup = g_markup_printf_escaped (C_("session block", "<b>%s</b>\n%s · %s\n%s"),
                                    kab_session_get_client_name (session), range,
                                    kab_session_kind_to_label (kab_session_get_kind (session)),
                                    is_unmarked (session)
                                    ? _("Over, still to be marked attended or cancelled")
                                    : kab_session_status_to_label (kab_session_get_status (session)));
  /* Only the note is escaped here: the markup above already is. */
  if (*note != '\0')
    {
      g_autofree char *escaped_note = g_markup_escape_text (note, -1);
      g_autofree char *with_note = g_strconcat (markup, "\n<i>", escaped_note, "</i>", NULL);

      g_free (markup);
      markup = g_steal_pointer (&with_note);
    }

  return g_steal_pointer (&markup);
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  KabSessionBlock *self = KAB_SESSION_BLOCK (widget);
  g_autofree char *markup = NULL;

  /* Not over the block's own menu, whose heading says the same. */
  if (self->popover != NULL && gtk_widget_get_visible (self->popover))
    return FALSE;

  markup = kab_session_block_dup_tooltip_markup (self);
  if (markup == NULL)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static void
update_actions (KabSessionBlock *self)
{
  GAction *status = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "status");
  GAction *edit_series = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "edit-series");
  const char *nick = kab_session_status_to_nick (kab_session_get_status (self->session));

  g_simple_action_set_state (G_SIMPLE_ACTION (status), g_variant_new_string (nick));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (edit_series),
                               kab_session_get_series_id (self->session) != 0);
}

/* The block only forwards: the Calendar view owns the store and the undo toasts. */

static void
on_status_change_state (GSimpleAction *action,
                        GVariant      *state,
                        gpointer       user_data)
{
  KabSessionBlock *self = user_data;
  KabSessionStatus status;

  if (!kab_session_status_from_nick (g_variant_get_string (state, NULL), &status) ||
      status == kab_session_get_status (self->session))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.set-status", "(xs)",
                              kab_session_get_id (self->session),
                              g_variant_get_string (state, NULL));
}

static void
on_edit_activate (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  KabSessionBlock *self = user_data;

  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.edit-session", "x",
                              kab_session_get_id (self->session));
}

static void
on_edit_series_activate (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  KabSessionBlock *self = user_data;

  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.edit-series", "x",
                              kab_session_get_id (self->session));
}

static void
on_journal_activate (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  KabSessionBlock *self = user_data;

  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.journal-note", "x",
                              kab_session_get_id (self->session));
}

static void
on_delete_activate (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  KabSessionBlock *self = user_data;

  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.delete-session", "x",
                              kab_session_get_id (self->session));
}

static void
on_remind_activate (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  KabSessionBlock *self = user_data;

  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.remind-session", "x",
                              kab_session_get_id (self->session));
}

static const GActionEntry block_actions[] = {
  { "status", NULL, "s", "'planned'", on_status_change_state },
  { "journal-note", on_journal_activate },
  { "edit", on_edit_activate },
  { "edit-series", on_edit_series_activate },
  { "delete", on_delete_activate },
  { "remind", on_remind_activate },
};

static GtkWidget *
details_label (KabSessionBlock *self)
{
  KabSession *session = self->session;
  g_autoptr(GDateTime) end = kab_session_dup_end (session);
  g_autofree char *day = kab_calendar_format_day (kab_session_get_start (session));
  g_autofree char *range = kab_calendar_format_time_range (kab_session_get_start (session), end);
  g_autofree char *markup = NULL;
  GtkWidget *label;

  /* Translators: the head of a session's menu: name, then date and time, then kind */
  markup = g_markup_printf_escaped (C_("session menu", "<b>%s</b>\n%s, %s\n%s"),
                                    kab_session_get_client_name (session), day, range,
                                    kab_session_kind_to_label (kab_session_get_kind (session)));
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  return label;
}

static GVariant *
status_nick_target (KabSession       *session,
                    KabSessionStatus  status)
{
  return g_variant_new_string (kab_session_status_to_nick (status));
}

/* The statuses of the menu, each with what the store's rules would charge for it on the
 * session's day: the menu says "charged 600 kr" or "not charged" before anyone chooses. */
static GMenuModel *
menu_with_charges (KabSessionBlock *self,
                   GMenuModel      *template)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), KAB_TYPE_CALENDAR_VIEW);
  KabStore *store = view != NULL ? kab_calendar_view_get_store (KAB_CALENDAR_VIEW (view)) : NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) statuses = NULL;
  g_autoptr(GMenuItem) details = g_menu_item_new (NULL, NULL);
  g_autoptr(GMenuModel) rest = NULL;
  g_autofree char *heading = NULL;

  if (store == NULL)
    return g_object_ref (template);

  statuses = kab_status_menu_new (store, self->session, "block.status", status_nick_target);
  heading = kab_status_menu_heading (store, self->session);

  g_menu_item_set_attribute (details, "custom", "s", "details");
  {
    g_autoptr(GMenu) head = g_menu_new ();
    g_menu_append_item (head, details);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (head));
  }
  g_menu_append_section (menu, heading, G_MENU_MODEL (statuses));
  /* The template's sections after the statuses: the journal, then edit and delete. */
  for (int i = 2; i < g_menu_model_get_n_items (template); i++)
    {
      g_clear_object (&rest);
      rest = g_menu_model_get_item_link (template, i, G_MENU_LINK_SECTION);
      if (rest != NULL)
        g_menu_append_section (menu, NULL, rest);
    }
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/**
 * kab_session_block_dup_menu:
 *
 * Returns: (transfer full): the session's menu as it opens now, each status saying what
 *   it charges
 */
GMenuModel *
kab_session_block_dup_menu (KabSessionBlock *self)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/kabinett/Kabinett/calendar/kab-session-menu.ui");

  g_return_val_if_fail (KAB_IS_SESSION_BLOCK (self), NULL);

  return menu_with_charges (self, G_MENU_MODEL (gtk_builder_get_object (builder, "session_menu")));
}

/**
 * kab_session_block_popup:
 *
 * Opens the session's menu: its status, edit and delete.
 */
void
kab_session_block_popup (KabSessionBlock *self)
{
  g_return_if_fail (KAB_IS_SESSION_BLOCK (self));

  if (self->popover == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/kabinett/Kabinett/calendar/kab-session-menu.ui");
      GMenuModel *menu = G_MENU_MODEL (gtk_builder_get_object (builder, "session_menu"));

      self->popover = gtk_popover_menu_new_from_model (menu);
      gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
    }

  /* The head is written when the menu opens: the block may show another session by now. */
  if (self->details != NULL)
    gtk_popover_menu_remove_child (GTK_POPOVER_MENU (self->popover), self->details);
  {
    g_autoptr(GMenuModel) menu = kab_session_block_dup_menu (self);

    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->popover), menu);
  }
  self->details = details_label (self);
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (self->popover), self->details, "details");

  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
kab_session_block_clicked (GtkButton *button)
{
  KabSessionBlock *self = KAB_SESSION_BLOCK (button);

  /* A meeting of the practitioner's own supervision (a negative id) opens its log. */
  if (kab_session_get_id (self->session) < 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "calendar.show-supervision", NULL);
      return;
    }

  kab_session_block_popup (KAB_SESSION_BLOCK (button));
}

static void
kab_session_block_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  KabSessionBlock *self = KAB_SESSION_BLOCK (widget);

  GTK_WIDGET_CLASS (kab_session_block_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

/* The height of a line in @context's font. The blocks of a month share one font: the
 * metrics of the last font asked for are kept (they cost some 100,000 instructions). */
static int
line_height_of (PangoContext *context)
{
  static PangoFontDescription *last_font;
  static PangoFontMap *last_map;
  static PangoLanguage *last_language;
  static int last_height;
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PangoFontMetrics *metrics;
  int height;

  if (last_font != NULL && pango_font_description_equal (font, last_font)
      && pango_context_get_font_map (context) == last_map
      && pango_context_get_language (context) == last_language)
    return last_height;

  metrics = pango_context_get_metrics (context, NULL, NULL);
  height = pango_font_metrics_get_height (metrics);
  if (height <= 0)
    height = pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics);
  pango_font_metrics_unref (metrics);

  g_clear_pointer (&last_font, pango_font_description_free);
  last_font = pango_font_description_copy (font);
  last_map = pango_context_get_font_map (context);
  last_language = pango_context_get_language (context);
  last_height = PANGO_PIXELS_CEIL (height);
  return last_height;
}

/* The month's line is one line of text drawn by the block itself, not a box and a label
 * inside the button: a month step rebinds some 200 lines, and a label measured its new
 * text, then laid it out again at its width, then drew it; stepping back through
 * attended months spent most of its time there. The line is as tall as a line of its
 * font, whatever the text, so a new text only needs drawing. Its accessible name is the
 * block's own label (update_labels()). */
static void
kab_session_block_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  /* A line takes the width its day gives it, and ellipsizes what does not fit. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = line_height_of (gtk_widget_get_pango_context (widget));
}

static void
snapshot_line (KabSessionBlock *self,
               GtkSnapshot     *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int text_height = 0;
  GdkRGBA color;

  if (width <= 0)
    return;

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, &color);
#else
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif

  pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_get_pixel_size (self->layout, NULL, &text_height);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (height - text_height) / 2));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
build_children (KabSessionBlock *self)
{
  GtkWidget *box;

  if (self->compact)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      /* measure() and size_allocate() are the block's own: it has no child to lay out. */
      gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
      gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
      return;
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->name_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->name_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (self->name_label), TRUE);
  gtk_widget_add_css_class (self->name_label, "name");
  gtk_box_append (GTK_BOX (box), self->name_label);

  self->time_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->time_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->time_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (self->time_label), TRUE);
  gtk_widget_add_css_class (self->time_label, "time");
  gtk_box_append (GTK_BOX (box), self->time_label);

  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_button_set_child (GTK_BUTTON (self), box);
  gtk_widget_add_css_class (GTK_WIDGET (self), "full");
}

/* Alt+arrows move the focused session (a day sideways, 5 minutes up or down), Shift+Alt
 * Up and Down change its length: the keyboard's drag, through "calendar.move-session". */
static const struct
{
  guint           keyval;
  GdkModifierType modifiers;
  int             days, minutes, duration;
} move_keys[] = {
  { GDK_KEY_Left, GDK_ALT_MASK, -1, 0, 0 },
  { GDK_KEY_Right, GDK_ALT_MASK, 1, 0, 0 },
  { GDK_KEY_Up, GDK_ALT_MASK, 0, -5, 0 },
  { GDK_KEY_Down, GDK_ALT_MASK, 0, 5, 0 },
  { GDK_KEY_Up, GDK_SHIFT_MASK | GDK_ALT_MASK, 0, 0, -5 },
  { GDK_KEY_Down, GDK_SHIFT_MASK | GDK_ALT_MASK, 0, 0, 5 },
};

static gboolean
on_move_key (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  KabSessionBlock *self = KAB_SESSION_BLOCK (widget);
  int days, minutes, duration;

  if (self->session == NULL)
    return FALSE;

  g_variant_get (args, "(iii)", &days, &minutes, &duration);
  return gtk_widget_activate_action (widget, "calendar.move-session", "(xiii)",
                                     kab_session_get_id (self->session), days, minutes, duration);
}

/* The class's own shortcuts, parsed once: a month makes some 200 blocks. */
static void
add_move_keys (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (move_keys); i++)
    gtk_widget_class_add_binding (widget_class, move_keys[i].keyval, move_keys[i].modifiers,
                                  on_move_key, "(iii)",
                                  move_keys[i].days, move_keys[i].minutes, move_keys[i].duration);
}

static void
kab_session_block_constructed (GObject *object)
{
  KabSessionBlock *self = KAB_SESSION_BLOCK (object);

  G_OBJECT_CLASS (kab_session_block_parent_class)->constructed (object);

  build_children (self);
  if (self->session != NULL)
    {
      update_labels (self);
      update_actions (self);
    }
}

static void
kab_session_block_dispose (GObject *object)
{
  KabSessionBlock *self = KAB_SESSION_BLOCK (object);

  self->details = NULL;
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_object (&self->layout);
  g_clear_object (&self->session);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (kab_session_block_parent_class)->dispose (object);
}

static void
kab_session_block_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KabSessionBlock *self = KAB_SESSION_BLOCK (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_session_block_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KabSessionBlock *self = KAB_SESSION_BLOCK (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      kab_session_block_set_session (self, g_value_get_object (value));
      break;

    case PROP_COMPACT:
      self->compact = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The stripe on the block's leading edge, in its status's colour. As a CSS inset
 * box-shadow it was GTK 4.8's costliest node under the cairo renderer: an even-odd path
 * filled for every block, 14 % of a calendar step's instructions (callgrind). Drawn
 * here it is one rectangle, inside the clip the block's hidden overflow sets. */
#define STRIPE_WIDTH 3

static gboolean
lookup_stripe_color (KabSessionBlock *self,
                     GdkRGBA         *color)
{
  const char *name = "accent_bg_color";
  double alpha = 1.0;
  gboolean found;

  switch (kab_session_get_status (self->session))
    {
    case KAB_SESSION_STATUS_ATTENDED:                  name = "success_color"; break;
    case KAB_SESSION_STATUS_NO_SHOW:                   name = "error_color"; break;
    case KAB_SESSION_STATUS_CANCELLED_LATE:            name = "warning_color"; break;
    case KAB_SESSION_STATUS_CANCELLED_IN_TIME:
    case KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER: name = "window_fg_color"; alpha = 0.25; break;
    case KAB_SESSION_STATUS_PLANNED:
    default:                                           break;
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  found = gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)), name, color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  color->alpha *= alpha;
  return found;
}

static void
kab_session_block_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  KabSessionBlock *self = KAB_SESSION_BLOCK (widget);
  graphene_rect_t box;
  GdkRGBA color;

  /* The border box, in the content box's coordinates that snapshot() draws in. */
  if (self->session != NULL && lookup_stripe_color (self, &color) &&
      gtk_widget_compute_bounds (widget, widget, &box) && box.size.width > STRIPE_WIDTH)
    {
      float x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                ? box.origin.x + box.size.width - STRIPE_WIDTH : box.origin.x;

      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (x, box.origin.y, STRIPE_WIDTH, box.size.height));
    }

  if (self->layout != NULL)
    snapshot_line (self, snapshot);

  GTK_WIDGET_CLASS (kab_session_block_parent_class)->snapshot (widget, snapshot);
}

static void
kab_session_block_class_init (KabSessionBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkButtonClass *button_class = GTK_BUTTON_CLASS (klass);

  object_class->constructed = kab_session_block_constructed;
  object_class->dispose = kab_session_block_dispose;
  object_class->get_property = kab_session_block_get_property;
  object_class->set_property = kab_session_block_set_property;

  widget_class->measure = kab_session_block_measure;
  add_move_keys (widget_class);
  widget_class->size_allocate = kab_session_block_size_allocate;
  widget_class->snapshot = kab_session_block_snapshot;

  button_class->clicked = kab_session_block_clicked;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         KAB_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

}

static void
kab_session_block_init (KabSessionBlock *self)
{
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), block_actions,
                                   G_N_ELEMENTS (block_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "block", G_ACTION_GROUP (self->actions));

  gtk_widget_add_css_class (GTK_WIDGET (self), "session-block");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}

/**
 * kab_session_block_new:
 * @session: the session to show
 * @compact: one line ("10:00 Anna K.") for the month view, else name and time
 *
 * Returns: (transfer floating): a new block
 */
GtkWidget *
kab_session_block_new (KabSession *session,
                       gboolean    compact)
{
  g_return_val_if_fail (KAB_IS_SESSION (session), NULL);

  return g_object_new (KAB_TYPE_SESSION_BLOCK,
                       "session", session,
                       "compact", compact,
                       NULL);
}

KabSession *
kab_session_block_get_session (KabSessionBlock *self)
{
  g_return_val_if_fail (KAB_IS_SESSION_BLOCK (self), NULL);

  return self->session;
}

void
kab_session_block_set_session (KabSessionBlock *self,
                               KabSession      *session)
{
  g_return_if_fail (KAB_IS_SESSION_BLOCK (self));
  g_return_if_fail (KAB_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  /* Before construction the labels do not exist yet; constructed() fills them. */
  if (self->name_label != NULL || self->layout != NULL)
    {
      update_labels (self);
      update_actions (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gboolean
kab_session_block_get_compact (KabSessionBlock *self)
{
  g_return_val_if_fail (KAB_IS_SESSION_BLOCK (self), FALSE);

  return self->compact;
}
