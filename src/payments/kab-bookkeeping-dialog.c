/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-bookkeeping-dialog.c: the period and format of the export for the accountant */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kab-bookkeeping-dialog.h"
#include "kab-bookkeeping-export.h"
#include "kab-date-format.h"
#include "kab-date-popover.h"

struct _KabBookkeepingDialog
{
  AdwWindow       parent_instance;

  KabStore       *store;
  GDateTime      *first;          /* local midnight of the first day, included */
  GDateTime      *last;           /* local midnight of the last day, included */

  GtkMenuButton  *first_button;
  GtkMenuButton  *last_button;
  KabDatePopover *first_popover;
  KabDatePopover *last_popover;
  GtkLabel       *period_error;
  AdwComboRow    *format_row;
  GtkLabel       *save_error;
};

G_DEFINE_FINAL_TYPE (KabBookkeepingDialog, kab_bookkeeping_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GDateTime *
day_start (int year,
           int month,
           int day)
{
  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

static GDateTime *
start_of_day (GDateTime *time)
{
  return day_start (g_date_time_get_year (time), g_date_time_get_month (time),
                    g_date_time_get_day_of_month (time));
}

static void
set_button_date (GtkMenuButton *button,
                 GDateTime     *date)
{
  g_autofree char *text = kab_date_format_document (date);

  gtk_menu_button_set_label (button, text);
}

static void
update (KabBookkeepingDialog *self)
{
  gboolean valid = kab_bookkeeping_dialog_is_valid (self);

  set_button_date (self->first_button, self->first);
  set_button_date (self->last_button, self->last);
  kab_date_popover_set_date (self->first_popover, self->first);
  kab_date_popover_set_date (self->last_popover, self->last);
  gtk_widget_set_visible (GTK_WIDGET (self->period_error), !valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bookkeeping.export", valid);
}

/**
 * kab_bookkeeping_dialog_set_period:
 * @first: the first day exported
 * @last: the last day exported (both are taken at local midnight)
 *
 * A period whose first day comes after its last is kept, shown and refused: the user
 * may be about to change the other day.
 */
void
kab_bookkeeping_dialog_set_period (KabBookkeepingDialog *self,
                                   GDateTime            *first,
                                   GDateTime            *last)
{
  g_return_if_fail (KAB_IS_BOOKKEEPING_DIALOG (self));
  g_return_if_fail (first != NULL && last != NULL);

  g_clear_pointer (&self->first, g_date_time_unref);
  g_clear_pointer (&self->last, g_date_time_unref);
  self->first = start_of_day (first);
  self->last = start_of_day (last);
  gtk_label_set_label (self->save_error, "");
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), FALSE);
  update (self);
}

GDateTime *
kab_bookkeeping_dialog_get_first (KabBookkeepingDialog *self)
{
  g_return_val_if_fail (KAB_IS_BOOKKEEPING_DIALOG (self), NULL);

  return self->first;
}

GDateTime *
kab_bookkeeping_dialog_get_last (KabBookkeepingDialog *self)
{
  g_return_val_if_fail (KAB_IS_BOOKKEEPING_DIALOG (self), NULL);

  return self->last;
}

/* The first day must not come after the last. */
gboolean
kab_bookkeeping_dialog_is_valid (KabBookkeepingDialog *self)
{
  g_return_val_if_fail (KAB_IS_BOOKKEEPING_DIALOG (self), FALSE);

  return g_date_time_compare (self->first, self->last) <= 0;
}

KabBookkeepingFormat
kab_bookkeeping_dialog_get_format (KabBookkeepingDialog *self)
{
  g_return_val_if_fail (KAB_IS_BOOKKEEPING_DIALOG (self), KAB_BOOKKEEPING_FORMAT_SEMICOLON);

  return (KabBookkeepingFormat)adw_combo_row_get_selected (self->format_row);
}

void
kab_bookkeeping_dialog_set_format (KabBookkeepingDialog *self,
                                   KabBookkeepingFormat  format)
{
  g_return_if_fail (KAB_IS_BOOKKEEPING_DIALOG (self));

  adw_combo_row_set_selected (self->format_row, (guint)format);
}

static void
on_first_chosen (KabBookkeepingDialog *self,
                 GDateTime            *date)
{
  g_autoptr(GDateTime) last = g_date_time_ref (self->last);

  kab_bookkeeping_dialog_set_period (self, date, last);
}

static void
on_last_chosen (KabBookkeepingDialog *self,
                GDateTime            *date)
{
  g_autoptr(GDateTime) first = g_date_time_ref (self->first);

  kab_bookkeeping_dialog_set_period (self, first, date);
}

/* This month, last month, this year or last year, counted from today. */
static void
preset_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KabBookkeepingDialog *self = KAB_BOOKKEEPING_DIALOG (widget);
  const char *preset = g_variant_get_string (parameter, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  g_autoptr(GDateTime) month = day_start (year, g_date_time_get_month (now), 1);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GDateTime) last = NULL;

  if (g_strcmp0 (preset, "this-month") == 0)
    first = g_date_time_ref (month);
  else if (g_strcmp0 (preset, "last-month") == 0)
    first = g_date_time_add_months (month, -1);
  else if (g_strcmp0 (preset, "this-year") == 0)
    first = day_start (year, 1, 1);
  else if (g_strcmp0 (preset, "last-year") == 0)
    first = day_start (year - 1, 1, 1);
  else
    g_return_if_reached ();

  after = g_str_has_suffix (preset, "-month") ? g_date_time_add_months (first, 1)
                                               : g_date_time_add_years (first, 1);
  last = g_date_time_add_days (after, -1);
  kab_bookkeeping_dialog_set_period (self, first, last);
}

/**
 * kab_bookkeeping_dialog_dup_file_name:
 *
 * Returns: (transfer full): the name offered for the file: the year, or the first and
 *   last day, with ".csv" or ".se" (SIE)
 */
char *
kab_bookkeeping_dialog_dup_file_name (KabBookkeepingDialog *self)
{
  g_autofree char *period = NULL;
  g_autofree char *name = NULL;
  gboolean whole_year;

  g_return_val_if_fail (KAB_IS_BOOKKEEPING_DIALOG (self), NULL);

  whole_year = g_date_time_get_year (self->first) == g_date_time_get_year (self->last) &&
               g_date_time_get_day_of_year (self->first) == 1 &&
               g_date_time_get_month (self->last) == 12 &&
               g_date_time_get_day_of_month (self->last) == 31;
  if (whole_year)
    period = g_date_time_format (self->first, "%Y");
  else
    {
      g_autofree char *first = g_date_time_format (self->first, "%Y-%m-%d");
      g_autofree char *last = g_date_time_format (self->last, "%Y-%m-%d");

      period = g_strconcat (first, "_", last, NULL);
    }

  /* Translators: the suggested file name of the export for the accountant; %s is the
   * year ("2026") or the first and last day ("2026-03-01_2026-03-31"). Keep ".csv". */
  name = g_strdup_printf (_("bookkeeping-%s.csv"), period);
  if (kab_bookkeeping_dialog_get_format (self) == KAB_BOOKKEEPING_FORMAT_SIE &&
      g_str_has_suffix (name, ".csv"))
    {
      name[strlen (name) - strlen (".csv")] = '\0';
      return g_strconcat (name, ".se", NULL);
    }
  return g_steal_pointer (&name);
}

/**
 * kab_bookkeeping_dialog_save:
 * @file: where to write
 *
 * Writes the charges and payments of the period, both days included, to @file in the
 * format chosen, readable by the user only.
 *
 * Returns: FALSE with @error set when the period is not valid or the file could not be
 *   written
 */
gboolean
kab_bookkeeping_dialog_save (KabBookkeepingDialog  *self,
                             GFile                 *file,
                             GError               **error)
{
  g_autoptr(GDateTime) after = NULL;
  KabBookkeepingFormat format;

  g_return_val_if_fail (KAB_IS_BOOKKEEPING_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!kab_bookkeeping_dialog_is_valid (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           gtk_label_get_label (self->period_error));
      return FALSE;
    }

  after = g_date_time_add_days (self->last, 1);
  format = kab_bookkeeping_dialog_get_format (self);
  if (format == KAB_BOOKKEEPING_FORMAT_SIE)
    {
      g_autoptr(GBytes) sie = kab_bookkeeping_sie (self->store, self->first, after, NULL, error);

      return sie != NULL &&
             kab_bookkeeping_write_file (file, g_bytes_get_data (sie, NULL), g_bytes_get_size (sie), error);
    }
  else
    {
      KabCsvDialect dialect = format == KAB_BOOKKEEPING_FORMAT_COMMA ? KAB_CSV_DIALECT_COMMA
                                                                     : KAB_CSV_DIALECT_SEMICOLON;
      g_autofree char *csv = kab_bookkeeping_csv (self->store, self->first, after, dialect, NULL, error);

      return csv != NULL && kab_bookkeeping_write_file (file, csv, strlen (csv), error);
    }
}

static void
on_chooser_response (GtkNativeDialog      *chooser,
                     int                   response,
                     KabBookkeepingDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  /* closed meanwhile (its parent went away): nothing to save into */
  if (self->store == NULL)
    g_clear_object (&file);

  if (file != NULL && !kab_bookkeeping_dialog_save (self, file, &error))
    {
      gtk_label_set_label (self->save_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->save_error), TRUE);
    }
  else if (file != NULL)
    {
      g_signal_emit (self, signals[SAVED], 0, file);
      gtk_window_close (GTK_WINDOW (self));
    }

  g_object_unref (self);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KabBookkeepingDialog *self = KAB_BOOKKEEPING_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = kab_bookkeeping_dialog_dup_file_name (self);

  if (!kab_bookkeeping_dialog_is_valid (self))
    return;

  chooser = gtk_file_chooser_native_new (_("Export Charges and Payments"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("Spreadsheet (CSV) or SIE"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.se");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
kab_bookkeeping_dialog_dispose (GObject *object)
{
  KabBookkeepingDialog *self = KAB_BOOKKEEPING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_BOOKKEEPING_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_bookkeeping_dialog_parent_class)->dispose (object);
}

static void
kab_bookkeeping_dialog_finalize (GObject *object)
{
  KabBookkeepingDialog *self = KAB_BOOKKEEPING_DIALOG (object);

  g_clear_pointer (&self->first, g_date_time_unref);
  g_clear_pointer (&self->last, g_date_time_unref);

  G_OBJECT_CLASS (kab_bookkeeping_dialog_parent_class)->finalize (object);
}

static void
kab_bookkeeping_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  KabBookkeepingDialog *self = KAB_BOOKKEEPING_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_bookkeeping_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  KabBookkeepingDialog *self = KAB_BOOKKEEPING_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_bookkeeping_dialog_class_init (KabBookkeepingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_bookkeeping_dialog_dispose;
  object_class->finalize = kab_bookkeeping_dialog_finalize;
  object_class->get_property = kab_bookkeeping_dialog_get_property;
  object_class->set_property = kab_bookkeeping_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KabBookkeepingDialog::saved:
   * @file: the file written
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/payments/kab-bookkeeping-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KabBookkeepingDialog, first_button);
  gtk_widget_class_bind_template_child (widget_class, KabBookkeepingDialog, last_button);
  gtk_widget_class_bind_template_child (widget_class, KabBookkeepingDialog, first_popover);
  gtk_widget_class_bind_template_child (widget_class, KabBookkeepingDialog, last_popover);
  gtk_widget_class_bind_template_child (widget_class, KabBookkeepingDialog, period_error);
  gtk_widget_class_bind_template_child (widget_class, KabBookkeepingDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, KabBookkeepingDialog, save_error);
  /* named for the tests and accessibility checks, though the code never needs them */
  for (guint i = 0; i < 5; i++)
    {
      const char *names[] = { "export_button", "this_month_button", "last_month_button",
                              "this_year_button", "last_year_button" };

      gtk_widget_class_bind_template_child_full (widget_class, names[i], FALSE, 0);
    }
  gtk_widget_class_bind_template_callback (widget_class, on_first_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_last_chosen);

  gtk_widget_class_install_action (widget_class, "bookkeeping.preset", "s", preset_activated);
  gtk_widget_class_install_action (widget_class, "bookkeeping.export", NULL, export_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kab_bookkeeping_dialog_init (KabBookkeepingDialog *self)
{
  g_type_ensure (KAB_TYPE_DATE_POPOVER);
  gtk_widget_init_template (GTK_WIDGET (self));

  kab_date_popover_set_allow_future (self->first_popover, TRUE);
  kab_date_popover_set_allow_future (self->last_popover, TRUE);
  /* Translators: the button that takes the day chosen in the calendar */
  kab_date_popover_set_action_label (self->first_popover, _("_Choose"));
  kab_date_popover_set_action_label (self->last_popover, _("_Choose"));
  kab_bookkeeping_dialog_set_format (self, kab_csv_dialect_for_locale () == KAB_CSV_DIALECT_SEMICOLON
                                           ? KAB_BOOKKEEPING_FORMAT_SEMICOLON
                                           : KAB_BOOKKEEPING_FORMAT_COMMA);
}

/**
 * kab_bookkeeping_dialog_new:
 * @year: the year offered at first
 *
 * Returns: (transfer floating): a window that asks for the period and format and saves
 *   the charges and payments of the period, emitting ::saved
 */
GtkWidget *
kab_bookkeeping_dialog_new (KabStore *store,
                            int       year)
{
  KabBookkeepingDialog *self;
  g_autoptr(GDateTime) first = day_start (year, 1, 1);
  g_autoptr(GDateTime) last = day_start (year, 12, 31);

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  self = g_object_new (KAB_TYPE_BOOKKEEPING_DIALOG, "store", store, NULL);
  kab_bookkeeping_dialog_set_period (self, first, last);
  return GTK_WIDGET (self);
}
