/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-export-dialog.c: choose which sessions go into a calendar file, and how they are named */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kab-calendar-util.h"
#include "kab-export-dialog.h"
#include "kab-ics-export.h"

enum {
  RANGE_WEEK,
  RANGE_MONTH,
  RANGE_CUSTOM,
};

struct _KabExportDialog
{
  AdwWindow             parent_instance;

  KabStore             *store;
  GSettings            *settings;
  GDateTime            *week_from;
  GDateTime            *month_from;
  GtkFileChooserNative *chooser;

  AdwComboRow          *range_row;
  AdwActionRow         *from_row;
  AdwActionRow         *to_row;
  GtkMenuButton        *from_button;
  GtkMenuButton        *to_button;
  GtkPopover           *from_popover;
  GtkPopover           *to_popover;
  GtkCalendar          *from_calendar;
  GtkCalendar          *to_calendar;
  GtkSwitch            *initials_switch;
  GtkLabel             *error_label;
  GtkWidget            *export_button;
};

G_DEFINE_FINAL_TYPE (KabExportDialog, kab_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GDateTime *
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_new_local (g_date_time_get_year (date), g_date_time_get_month (date),
                                g_date_time_get_day_of_month (date), 0, 0, 0);
}

static void
set_calendar_day (GtkCalendar   *calendar,
                  GtkMenuButton *button,
                  GDateTime     *day)
{
  g_autoptr(GDateTime) noon = g_date_time_add_hours (day, 12);
  g_autofree char *label = kab_calendar_format_day (day);

  gtk_calendar_select_day (calendar, noon);
  gtk_menu_button_set_label (button, label);
}

/**
 * kab_export_dialog_get_range:
 * @out_from: (out) (transfer full): the first moment to export
 * @out_to: (out) (transfer full): the moment after the last one
 */
void
kab_export_dialog_get_range (KabExportDialog  *self,
                             GDateTime       **out_from,
                             GDateTime       **out_to)
{
  g_autoptr(GDateTime) last = NULL;

  g_return_if_fail (KAB_IS_EXPORT_DIALOG (self));

  switch (adw_combo_row_get_selected (self->range_row))
    {
    case RANGE_WEEK:
      *out_from = g_date_time_ref (self->week_from);
      last = g_date_time_add_days (self->week_from, 7);
      break;

    case RANGE_MONTH:
      *out_from = g_date_time_ref (self->month_from);
      last = g_date_time_add_months (self->month_from, 1);
      break;

    case RANGE_CUSTOM:
    default:
      {
        g_autoptr(GDateTime) to_day = calendar_day (self->to_calendar);

        *out_from = calendar_day (self->from_calendar);
        last = g_date_time_add_days (to_day, 1);
      }
      break;
    }

  *out_to = kab_calendar_day_start (last);
}

/* How many sessions the file will hold, under the range. */
static void
update_count (KabExportDialog *self)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autofree char *subtitle = NULL;
  guint n = 0;

  if (self->store == NULL)
    return;

  kab_export_dialog_get_range (self, &from, &to);
  if (g_date_time_compare (from, to) < 0)
    sessions = kab_store_list_sessions (self->store, from, to, NULL);
  if (sessions != NULL)
    n = g_list_model_get_n_items (sessions);

  /* Translators: under the range to export */
  subtitle = g_strdup_printf (ngettext ("%u session", "%u sessions", n), n);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->range_row), subtitle);
  gtk_widget_set_sensitive (self->export_button, n > 0);
}

static void
on_range_changed (KabExportDialog *self)
{
  gboolean custom = adw_combo_row_get_selected (self->range_row) == RANGE_CUSTOM;

  if (self->from_row == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->from_row), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), custom);
  update_count (self);
}

static void
on_custom_changed (KabExportDialog *self)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *from_label = NULL;
  g_autofree char *to_label = NULL;

  if (self->from_calendar == NULL || self->to_calendar == NULL)
    return;

  from = calendar_day (self->from_calendar);
  to = calendar_day (self->to_calendar);
  from_label = kab_calendar_format_day (from);
  to_label = kab_calendar_format_day (to);
  gtk_menu_button_set_label (self->from_button, from_label);
  gtk_menu_button_set_label (self->to_button, to_label);
  gtk_popover_popdown (self->from_popover);
  gtk_popover_popdown (self->to_popover);
  update_count (self);
}

/**
 * kab_export_dialog_write:
 * @file: where to write the calendar file
 *
 * Writes the sessions of the chosen range to @file and emits ::exported.
 */
gboolean
kab_export_dialog_write (KabExportDialog  *self,
                         GFile            *file,
                         GError          **error)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  g_return_val_if_fail (KAB_IS_EXPORT_DIALOG (self), FALSE);

  kab_export_dialog_get_range (self, &from, &to);
  if (g_date_time_compare (from, to) >= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The range ends before it starts. Choose a later last day."));
      return FALSE;
    }

  text = kab_ics_export (self->store, from, to, gtk_switch_get_active (self->initials_switch), &n, error);
  if (text == NULL)
    return FALSE;

  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, error))
    return FALSE;

  g_signal_emit (self, signals[EXPORTED], 0, n);
  return TRUE;
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                KabExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (!kab_export_dialog_write (self, file, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_export_clicked (KabExportDialog *self)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  kab_export_dialog_get_range (self, &from, &to);
  date = g_date_time_format (from, "%Y-%m-%d");
  /* Translators: the proposed name of an exported calendar file; keep it short, no spaces */
  name = g_strdup_printf (_("sessions-%s.ics"), date);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export to Calendar File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, _("Calendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect (self->chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
kab_export_dialog_dispose (GObject *object)
{
  KabExportDialog *self = KAB_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    g_signal_handlers_disconnect_by_data (self->chooser, self);
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->week_from, g_date_time_unref);
  g_clear_pointer (&self->month_from, g_date_time_unref);

  G_OBJECT_CLASS (kab_export_dialog_parent_class)->dispose (object);
}

static void
kab_export_dialog_class_init (KabExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_export_dialog_dispose;

  /**
   * KabExportDialog::exported:
   * @n_sessions: how many sessions the file holds
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/calendar/kab-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KabExportDialog, range_row);
  gtk_widget_class_bind_template_child (widget_class, KabExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, KabExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, KabExportDialog, from_button);
  gtk_widget_class_bind_template_child (widget_class, KabExportDialog, to_button);
  gtk_widget_class_bind_template_child (widget_class, KabExportDialog, from_popover);
  gtk_widget_class_bind_template_child (widget_class, KabExportDialog, to_popover);
  gtk_widget_class_bind_template_child (widget_class, KabExportDialog, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, KabExportDialog, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, KabExportDialog, initials_switch);
  gtk_widget_class_bind_template_child (widget_class, KabExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KabExportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_range_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_changed);
}

static void
kab_export_dialog_init (KabExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "ics-initials-only", self->initials_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * kab_export_dialog_new:
 * @date: the day the Calendar view is at: its week and month are offered
 * @first_weekday: the locale's first day of the week, 0 for Sunday
 * @month: whether to propose the month rather than the week
 *
 * Returns: (transfer full): a new dialog
 */
KabExportDialog *
kab_export_dialog_new (KabStore  *store,
                       GDateTime *date,
                       int        first_weekday,
                       gboolean   month)
{
  KabExportDialog *self;
  g_autoptr(GtkStringList) ranges = gtk_string_list_new (NULL);
  g_autofree char *week_title = NULL;
  g_autofree char *month_title = NULL;
  g_autofree char *week_item = NULL;
  g_autofree char *month_item = NULL;
  g_autoptr(GDateTime) next_month = NULL;
  g_autoptr(GDateTime) last = NULL;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  self = g_object_new (KAB_TYPE_EXPORT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->week_from = kab_calendar_week_start (date, first_weekday);
  self->month_from = kab_calendar_month_start (date);

  week_title = kab_calendar_format_week_title (self->week_from);
  month_title = kab_calendar_format_month_title (self->month_from);
  /* Translators: a range to export: "Week of 16–22 November 2026" */
  week_item = g_strdup_printf (_("Week of %s"), week_title);
  /* Translators: a range to export: "Month of November 2026" */
  month_item = g_strdup_printf (_("Month of %s"), month_title);
  gtk_string_list_append (ranges, week_item);
  gtk_string_list_append (ranges, month_item);
  gtk_string_list_append (ranges, _("Custom Range"));
  adw_combo_row_set_model (self->range_row, G_LIST_MODEL (ranges));
  adw_combo_row_set_selected (self->range_row, month ? RANGE_MONTH : RANGE_WEEK);

  next_month = g_date_time_add_months (self->month_from, 1);
  last = g_date_time_add_days (next_month, -1);
  set_calendar_day (self->from_calendar, self->from_button, self->month_from);
  set_calendar_day (self->to_calendar, self->to_button, last);
  on_range_changed (self);

  return self;
}
