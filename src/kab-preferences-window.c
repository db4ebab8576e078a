/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-preferences-window.c: the practice settings: practitioner, fees, records, calendar,
 * and the backups of the practice */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kab-business-page.h"
#include "kab-country.h"
#include "kab-currency-dialog.h"
#include "kab-money.h"
#include "kab-preferences-window.h"
#include "kab-restore-dialog.h"
#include "consent/kab-agreement-preferences.h"
#include "journal/kab-journal-preferences-page.h"
#include "kab-absences-page.h"
#include "kab-encryption-group.h"
#include "reminders/kab-reminder-preferences.h"
#include "kab-text.h"

/* Each valid change is saved at once, as in GNOME Settings: there is no Apply button to
 * forget. A change the practice refuses marks its row and is not saved; its message is
 * the row's tooltip and becomes a toast when the user leaves the row or presses Enter
 * (not on every keystroke of an address still being typed). */
struct _KabPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  KabStore             *store;
  KabEncryptionGroup   *encryption_group;
  KabPractice          *practice;      /* a copy of the settings as last saved */
  AdwToast             *error_toast;   /* weak */
  guint                 loading : 1;
  guint                 close_warned : 1;

  AdwComboRow          *country_row;
  AdwEntryRow          *name_row;
  AdwEntryRow          *title_row;
  AdwEntryRow          *address_row;
  AdwEntryRow          *phone_row;
  AdwEntryRow          *email_row;
  AdwComboRow          *currency_row;
  GtkStringList        *currency_list;
  AdwEntryRow          *fee_row;
  GtkLabel             *fee_currency_label;
  GtkSpinButton        *duration_spin;
  GtkSpinButton        *cancel_hours_spin;
  GtkSpinButton        *late_percent_spin;
  GtkSpinButton        *retention_spin;
  GtkSpinButton        *day_start_spin;
  GtkSpinButton        *day_end_spin;
  GtkAdjustment        *day_start_adjustment;
  GtkAdjustment        *day_end_adjustment;

  AdwPreferencesGroup  *backups_group;
  GtkListBox           *backups_list;
  AdwActionRow         *backup_now_row;
};

G_DEFINE_FINAL_TYPE (KabPreferencesWindow, kab_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A widget of the template and the KabPractice property it edits. */
typedef struct
{
  gsize       offset;
  const char *property;
} KabField;

#define FIELD(member, property) { G_STRUCT_OFFSET (KabPreferencesWindow, member), property }
#define FIELD_WIDGET(self, field) G_STRUCT_MEMBER (GtkWidget *, self, (field)->offset)

static const KabField text_fields[] = {
  FIELD (name_row, "practitioner-name"),
  FIELD (title_row, "title"),
  FIELD (address_row, "address"),
  FIELD (phone_row, "phone"),
  FIELD (email_row, "email"),
};

static const KabField int_fields[] = {
  FIELD (duration_spin, "default-duration"),
  FIELD (cancel_hours_spin, "cancel-hours"),
  FIELD (late_percent_spin, "late-cancel-percent"),
  FIELD (retention_spin, "retention-years"),
  FIELD (day_start_spin, "day-start-hour"),
  FIELD (day_end_spin, "day-end-hour"),
};

static const KabField *
find_field (KabPreferencesWindow *self,
            const KabField       *fields,
            guint                 n_fields,
            gpointer              widget)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (FIELD_WIDGET (self, &fields[i]) == widget)
        return &fields[i];
    }

  g_return_val_if_reached (NULL);
}

static void
show_error_toast (KabPreferencesWindow *self,
                  const char           *message)
{
  g_autofree char *title = g_markup_escape_text (message, -1);
  AdwToast *toast;

  /* One error at a time: a new one replaces the last rather than queueing behind it. */
  if (self->error_toast != NULL)
    adw_toast_dismiss (self->error_toast);

  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_set_weak_pointer (&self->error_toast, toast);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static GtkWidget *
row_of (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    return widget;

  return gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
}

static void
mark_row (KabPreferencesWindow *self,
          GtkWidget            *row,
          const GError         *error)
{
  if (error == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      return;
    }

  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, error->message);
  self->close_warned = FALSE;
}

static GtkWidget *
find_invalid_row (KabPreferencesWindow *self)
{
  if (gtk_widget_has_css_class (GTK_WIDGET (self->fee_row), "error"))
    return GTK_WIDGET (self->fee_row);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkWidget *row = FIELD_WIDGET (self, &text_fields[i]);

      if (gtk_widget_has_css_class (row, "error"))
        return row;
    }

  return NULL;
}

/* Saves @trial, a copy of the settings with one change, when the practice accepts it. */
static gboolean
commit (KabPreferencesWindow *self,
        GtkWidget            *widget,
        KabPractice          *trial,
        gboolean              toast_now)
{
  GtkWidget *row = row_of (widget);
  g_autoptr(GError) error = NULL;

  if (!kab_practice_validate (trial, &error))
    {
      mark_row (self, row, error);
      if (toast_now)
        show_error_toast (self, error->message);
      return FALSE;
    }

  if (!kab_store_save_practice (self->store, trial, &error))
    {
      show_error_toast (self, error->message);
      return FALSE;
    }

  mark_row (self, row, NULL);
  g_set_object (&self->practice, trial);

  return TRUE;
}

/* The fee as the user would type it: "1500,50" in a decimal-comma locale. */
static char *
format_fee (gint64      minor,
            const char *currency)
{
  g_autofree char *plain = kab_money_format_plain (minor, currency);
  const char *point = localeconv ()->decimal_point;
  char *dot = strchr (plain, '.');

  if (dot == NULL || point == NULL || *point == '\0' || g_str_equal (point, "."))
    return g_steal_pointer (&plain);

  *dot = '\0';
  return g_strconcat (plain, point, dot + 1, NULL);
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }

  return TRUE;
}

static const char *
get_selected_currency (KabPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->currency_row);

  return gtk_string_list_get_string (self->currency_list, selected);
}

static void
select_currency (KabPreferencesWindow *self,
                 const char           *code)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->currency_list));

  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (self->currency_list, i), code) == 0)
        {
          adw_combo_row_set_selected (self->currency_row, i);
          return;
        }
    }

  /* A valid currency the list does not offer is kept, not silently replaced. */
  gtk_string_list_append (self->currency_list, code);
  adw_combo_row_set_selected (self->currency_row, n);
}

/* The working day must keep at least one hour: each end bounds the other. */
static void
update_day_limits (KabPreferencesWindow *self)
{
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  gtk_adjustment_set_upper (self->day_start_adjustment,
                            kab_practice_get_day_end_hour (self->practice) - 1);
  gtk_adjustment_set_lower (self->day_end_adjustment,
                            kab_practice_get_day_start_hour (self->practice) + 1);
  self->loading = was_loading;
}

/* The rows of the country row, in the order of the template. */
static const char * const country_codes[] = {
  KAB_COUNTRY_SWEDEN, KAB_COUNTRY_NORWAY, KAB_COUNTRY_RUSSIA, KAB_COUNTRY_OTHER,
};

static void
select_country (KabPreferencesWindow *self,
                const char           *country)
{
  guint selected = G_N_ELEMENTS (country_codes) - 1;

  for (guint i = 0; i < G_N_ELEMENTS (country_codes); i++)
    if (g_strcmp0 (country_codes[i], country) == 0)
      selected = i;

  adw_combo_row_set_selected (self->country_row, selected);
}

static void
load_practice (KabPreferencesWindow *self)
{
  KabPractice *practice = self->practice;
  const char *currency = kab_practice_get_currency (practice);
  g_autofree char *fee = format_fee (kab_practice_get_default_fee (practice), currency);

  self->loading = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (practice, text_fields[i].property, &value, NULL);
      gtk_editable_set_text (GTK_EDITABLE (FIELD_WIDGET (self, &text_fields[i])), value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (int_fields); i++)
    {
      int value = 0;

      g_object_get (practice, int_fields[i].property, &value, NULL);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (FIELD_WIDGET (self, &int_fields[i])), value);
    }

  select_country (self, kab_practice_get_country (practice));
  select_currency (self, currency);
  gtk_label_set_text (self->fee_currency_label, kab_currency_get_symbol (currency));
  gtk_editable_set_text (GTK_EDITABLE (self->fee_row), fee);
  update_day_limits (self);

  self->loading = FALSE;
}

static void
on_text_row_changed (AdwEntryRow          *row,
                     KabPreferencesWindow *self)
{
  const KabField *field = find_field (self, text_fields, G_N_ELEMENTS (text_fields), row);
  g_autoptr(KabPractice) trial = NULL;

  if (self->loading || field == NULL)
    return;

  trial = kab_practice_copy (self->practice);
  g_object_set (trial, field->property, gtk_editable_get_text (GTK_EDITABLE (row)), NULL);
  commit (self, GTK_WIDGET (row), trial, FALSE);
}

static void
on_fee_row_changed (KabPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->fee_row));
  g_autoptr(KabPractice) trial = NULL;
  g_autoptr(GError) error = NULL;
  gint64 fee = 0;

  if (self->loading)
    return;

  /* An empty field means no fee, like "0". */
  if (!is_blank (text)
      && !kab_money_parse (text, kab_practice_get_currency (self->practice), &fee, &error))
    {
      mark_row (self, GTK_WIDGET (self->fee_row), error);
      return;
    }

  trial = kab_practice_copy (self->practice);
  kab_practice_set_default_fee (trial, fee);
  commit (self, GTK_WIDGET (self->fee_row), trial, FALSE);
}

static void
on_currency_converted (KabPreferencesWindow *self,
                       guint                 n_clients)
{
  g_autofree char *message = NULL;

  g_clear_object (&self->practice);
  self->practice = kab_practice_copy (kab_store_get_practice (self->store));
  load_practice (self);
  /* Translators: a toast after the currency changed; %s is its ISO code, e.g. SEK */
  message = g_strdup_printf (ngettext ("The practice now keeps its accounts in %s; "
                                       "%u balance was converted.",
                                       "The practice now keeps its accounts in %s; "
                                       "%u balances were converted.", n_clients),
                             kab_practice_get_currency (self->practice), n_clients);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
on_currency_changed (KabPreferencesWindow *self)
{
  const char *code = get_selected_currency (self);
  g_autoptr(KabPractice) trial = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (self->loading || code == NULL ||
      g_strcmp0 (code, kab_practice_get_currency (self->practice)) == 0)
    return;

  /* With entries in the ledger the currency changes only by an explicit conversion;
   * the row shows the currency kept until it is done. */
  if (kab_store_ledger_has_entries (self->store))
    {
      dialog = kab_currency_dialog_new (GTK_WINDOW (self), self->store, code);
      self->loading = TRUE;
      select_currency (self, kab_practice_get_currency (self->practice));
      self->loading = FALSE;
      g_signal_connect_object (dialog, "converted", G_CALLBACK (on_currency_converted),
                               self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  trial = kab_practice_copy (self->practice);
  kab_practice_set_currency (trial, code);
  if (!kab_store_save_practice (self->store, trial, &error))
    {
      /* Refused (money in the ledger): the row goes back to the currency kept, and the
       * reason is said in full, not in a toast cut short. */
      select_currency (self, kab_practice_get_currency (self->practice));
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Currency Not Changed"),
                                       error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  mark_row (self, row_of (GTK_WIDGET (self->currency_row)), NULL);
  g_set_object (&self->practice, trial);
  gtk_label_set_text (self->fee_currency_label, kab_currency_get_symbol (code));
}

static void
on_country_changed (KabPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->country_row);
  g_autoptr(KabPractice) trial = NULL;

  if (self->loading || selected >= G_N_ELEMENTS (country_codes))
    return;

  trial = kab_practice_copy (self->practice);
  kab_practice_set_country (trial, country_codes[selected]);
  commit (self, GTK_WIDGET (self->country_row), trial, TRUE);
}

static void
on_spin_value_changed (GtkSpinButton        *spin,
                       KabPreferencesWindow *self)
{
  const KabField *field = find_field (self, int_fields, G_N_ELEMENTS (int_fields), spin);
  g_autoptr(KabPractice) trial = NULL;

  if (self->loading || field == NULL)
    return;

  trial = kab_practice_copy (self->practice);
  g_object_set (trial, field->property, gtk_spin_button_get_value_as_int (spin), NULL);
  if (commit (self, GTK_WIDGET (spin), trial, TRUE))
    update_day_limits (self);
}

static void
show_row_error (KabPreferencesWindow *self,
                GtkWidget            *row)
{
  const char *message = gtk_widget_get_tooltip_text (row);

  if (gtk_widget_has_css_class (row, "error") && message != NULL)
    show_error_toast (self, message);
}

static void
on_entry_row_activated (AdwEntryRow          *row,
                        KabPreferencesWindow *self)
{
  show_row_error (self, GTK_WIDGET (row));
}

static void
on_entry_row_focus_leave (GtkEventControllerFocus *controller,
                          KabPreferencesWindow    *self)
{
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  show_row_error (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
watch_focus_leave (KabPreferencesWindow *self,
                   GtkWidget            *row)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect (controller, "leave", G_CALLBACK (on_entry_row_focus_leave), self);
  gtk_widget_add_controller (row, controller);
}

/* Hours are shown as times of day ("08:00"); typing "8" or "8:00" both work. */
static gboolean
on_hour_spin_output (GtkSpinButton        *spin,
                     KabPreferencesWindow *self)
{
  g_autofree char *text = g_strdup_printf ("%02d:00", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static int
on_hour_spin_input (GtkSpinButton        *spin,
                    double               *new_value,
                    KabPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  guint64 hour = g_ascii_strtoull (text, &end, 10);

  if (end == text || hour > 24)
    return GTK_INPUT_ERROR;

  *new_value = hour;
  return TRUE;
}

/* Backups */

static void on_restore_clicked (GtkButton            *button,
                                KabPreferencesWindow *self);

static char *
format_backup_day (GDateTime *date)
{
  /* Translators: the date of a backup in Preferences, e.g. “Sunday 22 November 2026”;
   * see strftime */
  g_autofree char *text = g_date_time_format (date, _("%A %-d %B %Y"));

  return g_strdup (g_strstrip (text != NULL ? text : ""));
}

static gboolean
is_days_ago (GDateTime *date,
             int        days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);

  return g_date_time_get_year (date) == g_date_time_get_year (then)
         && g_date_time_get_day_of_year (date) == g_date_time_get_day_of_year (then);
}

static GtkWidget *
create_backup_row (KabPreferencesWindow *self,
                   KabBackup            *backup)
{
  g_autofree char *day = format_backup_day (backup->date);
  g_autofree char *size = g_format_size (backup->size);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

  /* A copy named with a time of day is the one kept before a restore. */
  if (g_date_time_get_hour (backup->date) != 0 || g_date_time_get_minute (backup->date) != 0
      || g_date_time_get_second (backup->date) != 0)
    {
      g_autofree char *time = g_date_time_format (backup->date, "%H:%M");

      /* Translators: under the date of a backup: when it was kept, and its size */
      subtitle = g_strdup_printf (_("Kept before a restore at %s · %s"), time, size);
    }
  else if (is_days_ago (backup->date, 0))
    {
      /* Translators: under the date of today's backup: its size */
      subtitle = g_strdup_printf (_("Today · %s"), size);
    }
  else if (is_days_ago (backup->date, 1))
    {
      /* Translators: under the date of yesterday's backup: its size */
      subtitle = g_strdup_printf (_("Yesterday · %s"), size);
    }
  else
    {
      subtitle = g_steal_pointer (&size);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: what the Restore button of one backup does, for screen readers */
  label = g_strdup_printf (_("Restore the backup of %s"), day);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "backup-path", g_strdup (backup->path), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked), self, 0);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
load_backups (KabPreferencesWindow *self)
{
  const char *db_path = kab_store_get_path (self->store);
  g_autofree char *dir = kab_store_get_backup_dir (db_path);
  g_autofree char *display_dir = g_filename_display_name (dir);
  g_autofree char *isolated_dir = kab_isolate (display_dir);
  g_autofree char *description = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->backups_list))) != NULL)
    gtk_list_box_remove (self->backups_list, child);

  /* Translators: %s is a folder, e.g. /home/anna/.local/share/kabinett/backups */
  description = g_strdup_printf (_("Each day you use Kabinett, it copies the practice into "
                                   "“%s”. It keeps the last 7 days, and one copy a month for "
                                   "a year."), isolated_dir);
  adw_preferences_group_set_description (self->backups_group, description);

  backups = kab_store_list_backups (db_path, &error);
  if (backups == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The backups cannot be read"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      gtk_list_box_append (self->backups_list, row);
      return;
    }

  for (guint i = 0; i < backups->len; i++)
    gtk_list_box_append (self->backups_list, create_backup_row (self, backups->pdata[i]));
}

static void
on_restore_clicked (GtkButton            *button,
                    KabPreferencesWindow *self)
{
  kab_restore_dialog_confirm (GTK_WINDOW (self),
                              g_object_get_data (G_OBJECT (button), "backup-path"));
}

static void
save_copy (KabPreferencesWindow *self,
           const char           *path,
           const char           *passphrase)
{
  g_autoptr(GError) error = NULL;
  gboolean saved = passphrase != NULL
                   ? kab_store_backup_encrypted (self->store, path, passphrase, &error)
                   : kab_store_backup_to (self->store, path, &error);

  if (saved)
    {
      g_autofree char *basename = g_filename_display_basename (path);
      g_autofree char *name = kab_isolate (basename);
      /* A toast's title is markup, and the name is the user's. */
      g_autofree char *message = g_markup_printf_escaped (passphrase != NULL
                                                            ? _("An encrypted copy of the practice "
                                                                "was saved as “%s”.")
                                                            : _("A copy of the practice was saved "
                                                                "as “%s”."), name);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
      load_backups (self);
    }
  else
    {
      show_error_toast (self, error->message);
    }
}

static void
on_passphrase_changed (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  const char *first = gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_first_child (box)));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_last_child (box)));

  adw_message_dialog_set_response_enabled (dialog, "encrypt",
                                           *first != '\0' && g_str_equal (first, again));
}

static void
on_encrypt_response (AdwMessageDialog     *dialog,
                     const char           *response,
                     KabPreferencesWindow *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (g_str_equal (response, "encrypt"))
    save_copy (self, path, gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_first_child (box))));
  else if (g_str_equal (response, "plain"))
    save_copy (self, path, NULL);
}

/* A GtkEntry, not a GtkPasswordEntry: GTK 4.8's warns on a freed instance when its
 * dialog closes while it has the focus. */
static GtkWidget *
new_passphrase_entry (void)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  return entry;
}

/* A copy on a USB stick is the one most likely to be lost: offer a passphrase. */
static void
ask_encryption (KabPreferencesWindow *self,
                const char           *path)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char *labels[] = { N_("Passphrase"), N_("Passphrase again") };

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Encrypt the Copy?"),
                                   _("With a passphrase, whoever finds the copy cannot read "
                                     "it. Without the passphrase the copy cannot be restored "
                                     "either, so keep it somewhere safe."));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *entry = new_passphrase_entry ();

      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(labels[i]), -1);
      g_signal_connect_object (entry, "changed", G_CALLBACK (on_passphrase_changed), dialog, 0);
      gtk_box_append (GTK_BOX (box), entry);
    }
  gtk_widget_set_margin_top (box, 12);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "plain", _("Save _Unencrypted"),
                                    "encrypt", _("_Encrypt"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "encrypt",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "encrypt", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "encrypt");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_encrypt_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_backup_now_response (GtkNativeDialog      *chooser,
                        int                   response,
                        KabPreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }

  if (path != NULL)
    ask_encryption (self, path);
  else if (response == GTK_RESPONSE_ACCEPT)
    show_error_toast (self, _("The copy can only be saved to a folder on this computer."));

  g_object_unref (chooser);
}

static void
on_backup_now_activated (KabPreferencesWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "kabinett-%Y-%m-%d.db");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Back Up the Practice"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_backup_now_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_open_folder_activated (KabPreferencesWindow *self)
{
  g_autofree char *dir = kab_store_get_backup_dir (kab_store_get_path (self->store));
  g_autofree char *uri = NULL;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      show_error_toast (self, _("There are no backups yet: the first is made when Kabinett "
                                "next starts."));
      return;
    }

  uri = g_filename_to_uri (dir, NULL, NULL);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static gboolean
kab_preferences_window_close_request (GtkWindow *window)
{
  KabPreferencesWindow *self = KAB_PREFERENCES_WINDOW (window);
  GtkWidget *invalid = find_invalid_row (self);

  /* Text that was refused is not lost without a word: the first close only says so. */
  if (invalid != NULL && !self->close_warned)
    {
      self->close_warned = TRUE;
      show_error_toast (self, _("The highlighted fields were not saved. "
                                "Correct them, or close again to discard them."));
      gtk_widget_grab_focus (invalid);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (kab_preferences_window_parent_class)->close_request (window);
}

static void
kab_preferences_window_constructed (GObject *object)
{
  KabPreferencesWindow *self = KAB_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (kab_preferences_window_parent_class)->constructed (object);

  self->practice = kab_practice_copy (kab_store_get_practice (self->store));
  load_practice (self);
  load_backups (self);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (kab_business_page_new (self->store)));
  kab_encryption_group_set_path (self->encryption_group, kab_store_get_path (self->store));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (kab_reminder_preferences_new (self->store)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (kab_absences_page_new (self->store)));
}

static void
kab_preferences_window_dispose (GObject *object)
{
  KabPreferencesWindow *self = KAB_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_PREFERENCES_WINDOW);
  g_clear_weak_pointer (&self->error_toast);
  g_clear_object (&self->practice);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_preferences_window_parent_class)->dispose (object);
}

static void
kab_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  KabPreferencesWindow *self = KAB_PREFERENCES_WINDOW (object);

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
kab_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  KabPreferencesWindow *self = KAB_PREFERENCES_WINDOW (object);

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
kab_preferences_window_class_init (KabPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = kab_preferences_window_constructed;
  object_class->dispose = kab_preferences_window_dispose;
  object_class->get_property = kab_preferences_window_get_property;
  object_class->set_property = kab_preferences_window_set_property;

  window_class->close_request = kab_preferences_window_close_request;

  g_type_ensure (KAB_TYPE_AGREEMENT_PREFERENCES);

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KAB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/kab-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, country_row);
  g_type_ensure (KAB_TYPE_ENCRYPTION_GROUP);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, encryption_group);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, currency_list);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, fee_row);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, fee_currency_label);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, cancel_hours_spin);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, late_percent_spin);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, day_start_spin);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, day_end_spin);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, day_start_adjustment);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, day_end_adjustment);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, backups_list);
  gtk_widget_class_bind_template_child (widget_class, KabPreferencesWindow, backup_now_row);
  gtk_widget_class_bind_template_callback (widget_class, on_text_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_fee_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_currency_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_country_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_value_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_hour_spin_input);
  gtk_widget_class_bind_template_callback (widget_class, on_hour_spin_output);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_now_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_open_folder_activated);
}

/* libadwaita 1.2 gives its preferences search field no accessible name. */
static void
name_search_entry (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SEARCH_ENTRY (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Preferences"),
                                        -1);
      else
        name_search_entry (child);
    }
}

static void
kab_preferences_window_init (KabPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_search_entry (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    watch_focus_leave (self, FIELD_WIDGET (self, &text_fields[i]));
  watch_focus_leave (self, GTK_WIDGET (self->fee_row));

  {
    GtkWidget *placeholder = gtk_label_new (_("No backups yet: the first is made when "
                                              "Kabinett next starts."));

    gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_widget_set_margin_top (placeholder, 12);
    gtk_widget_set_margin_bottom (placeholder, 12);
    gtk_widget_set_margin_start (placeholder, 12);
    gtk_widget_set_margin_end (placeholder, 12);
    gtk_list_box_set_placeholder (self->backups_list, placeholder);
  }
}

/**
 * kab_preferences_window_new:
 * @store: the practice database whose settings are edited
 *
 * Returns: (transfer none): a new preferences window; present it transient for the
 *   main window
 */
GtkWidget *
kab_preferences_window_new (KabStore *store)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  GtkWidget *self = g_object_new (KAB_TYPE_PREFERENCES_WINDOW, "store", store, NULL);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (kab_journal_preferences_page_new (store)));
  return self;
}

KabStore *
kab_preferences_window_get_store (KabPreferencesWindow *self)
{
  g_return_val_if_fail (KAB_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
}
