/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-absence-dialog.c: add or edit one vacation or closed days, and cancel the sessions in it */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-absence-dialog.h"
#include "kab-date-format.h"
#include "kab-text.h"

/* How many sessions the confirmation lists by name before it counts the rest. */
#define MAX_LISTED 12

struct _KabAbsenceDialog
{
  AdwWindow        parent_instance;

  KabStore        *store;
  KabAbsence      *absence;     /* the listed one (or a new one), written back on save */
  KabAbsence      *saved;       /* the copy written, while its sessions are confirmed */

  AdwToastOverlay *toast_overlay;
  GtkMenuButton   *first_button;
  GtkMenuButton   *last_button;
  GtkCalendar     *first_calendar;
  GtkCalendar     *last_calendar;
  AdwEntryRow     *note_row;
};

G_DEFINE_FINAL_TYPE (KabAbsenceDialog, kab_absence_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ABSENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GDateTime *
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_new_local (g_date_time_get_year (date), g_date_time_get_month (date),
                                g_date_time_get_day_of_month (date), 0, 0, 0);
}

static void
show_day (GtkMenuButton *button,
          GtkCalendar   *calendar)
{
  g_autoptr(GDateTime) day = calendar_day (calendar);
  g_autofree char *text = kab_date_format_table (day);

  gtk_menu_button_set_label (button, text);
  gtk_popover_popdown (gtk_menu_button_get_popover (button));
}

static void
on_first_selected (KabAbsenceDialog *self)
{
  g_autoptr(GDateTime) first = calendar_day (self->first_calendar);
  g_autoptr(GDateTime) last = calendar_day (self->last_calendar);

  show_day (self->first_button, self->first_calendar);

  /* The last day follows a first day moved past it: one day off by default. */
  if (g_date_time_compare (last, first) < 0)
    {
      gtk_calendar_select_day (self->last_calendar, first);
      show_day (self->last_button, self->last_calendar);
    }
}

static void
on_last_selected (KabAbsenceDialog *self)
{
  show_day (self->last_button, self->last_calendar);
}

/* A toast for the window that opened the dialog, which stays open after it. */
static void
toast_parent (KabAbsenceDialog *self,
              AdwToast         *toast)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (ADW_IS_PREFERENCES_WINDOW (parent))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (parent), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static char *
describe_sessions (GListModel *sessions)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (sessions);

  for (guint i = 0; i < n && i < MAX_LISTED; i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(GDateTime) start = g_date_time_to_local (kab_session_get_start (session));
      g_autofree char *day = kab_date_format_table (start);
      g_autofree char *time = g_date_time_format (start, "%H:%M");
      g_autofree char *name = kab_isolate (kab_session_get_client_name (session));

      /* Translators: one session in a list: the day, the time and the client's name */
      g_string_append_printf (text, _("%s, %s · %s"), day, time, name);
      g_string_append_c (text, '\n');
    }

  if (n > MAX_LISTED)
    g_string_append_printf (text, ngettext ("and %u more session", "and %u more sessions",
                                            n - MAX_LISTED), n - MAX_LISTED);

  return g_strchomp (g_string_free (g_steal_pointer (&text), FALSE));
}

static void
destroy_later (gpointer user_data)
{
  g_autoptr(GtkWindow) window = user_data;

  gtk_window_destroy (window);
}

static void
on_confirm_response (AdwMessageDialog *dialog,
                     const char       *response,
                     KabAbsenceDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (g_str_equal (response, "cancel-sessions"))
    {
      if (!kab_store_apply_absence (self->store, self->saved, &n, &error))
        {
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
          return;
        }

      toast_parent (self, adw_toast_new_format (ngettext ("%u session marked as cancelled by you",
                                                          "%u sessions marked as cancelled by you",
                                                          n), n));
    }

  /* Not while the message dialog, transient for this one, is still answering. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_once (destroy_later, g_object_ref (self));
}

/* The sessions already planned in the absence are listed for the user to decide. */
static void
confirm_sessions (KabAbsenceDialog *self,
                  GListModel       *sessions)
{
  g_autofree char *list = describe_sessions (sessions);
  guint n = g_list_model_get_n_items (sessions);
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  body = g_strdup_printf ("%s\n\n%s",
                          ngettext ("This session falls in your absence. Mark it as cancelled by you? It will not be charged.",
                                    "These sessions fall in your absence. Mark them as cancelled by you? They will not be charged.",
                                    n),
                          list);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Sessions in Your Absence"), body));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Them Planned"),
                                    "cancel-sessions", _("_Mark as Cancelled by Me"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "cancel-sessions",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel-sessions");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KabAbsenceDialog *self = KAB_ABSENCE_DIALOG (widget);
  g_autoptr(KabAbsence) trial = kab_absence_copy (self->absence);
  g_autoptr(GDateTime) first = calendar_day (self->first_calendar);
  g_autoptr(GDateTime) last = calendar_day (self->last_calendar);
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));

  g_object_set (trial, "first-day", first, "last-day", last, "note", g_strstrip (note), NULL);
  if (!kab_store_save_absence (self->store, trial, &error) ||
      (sessions = kab_store_list_absence_sessions (self->store, trial, &error)) == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  g_object_set (self->absence,
                "id", kab_absence_get_id (trial),
                "first-day", first,
                "last-day", last,
                "note", kab_absence_get_note (trial),
                NULL);
  g_set_object (&self->saved, trial);

  if (g_list_model_get_n_items (sessions) == 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->toast_overlay), FALSE);
  confirm_sessions (self, sessions);
}

static void
on_note_activated (KabAbsenceDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "absence.save", NULL);
}

static void
load_absence (KabAbsenceDialog *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  GDateTime *first = kab_absence_get_first_day (self->absence);
  GDateTime *last = kab_absence_get_last_day (self->absence);

  gtk_calendar_select_day (self->first_calendar, first != NULL ? first : today);
  gtk_calendar_select_day (self->last_calendar, last != NULL ? last : (first != NULL ? first : today));
  show_day (self->first_button, self->first_calendar);
  show_day (self->last_button, self->last_calendar);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), kab_absence_get_note (self->absence));
}

static void
kab_absence_dialog_constructed (GObject *object)
{
  KabAbsenceDialog *self = KAB_ABSENCE_DIALOG (object);

  G_OBJECT_CLASS (kab_absence_dialog_parent_class)->constructed (object);

  if (self->absence == NULL)
    self->absence = kab_absence_new ();
  load_absence (self);
}

static void
kab_absence_dialog_dispose (GObject *object)
{
  KabAbsenceDialog *self = KAB_ABSENCE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_ABSENCE_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->absence);
  g_clear_object (&self->saved);

  G_OBJECT_CLASS (kab_absence_dialog_parent_class)->dispose (object);
}

static void
kab_absence_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KabAbsenceDialog *self = KAB_ABSENCE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ABSENCE:
      g_value_set_object (value, self->absence);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_absence_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KabAbsenceDialog *self = KAB_ABSENCE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ABSENCE:
      self->absence = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_absence_dialog_class_init (KabAbsenceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kab_absence_dialog_constructed;
  object_class->dispose = kab_absence_dialog_dispose;
  object_class->get_property = kab_absence_dialog_get_property;
  object_class->set_property = kab_absence_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ABSENCE] =
    g_param_spec_object ("absence", NULL, NULL, KAB_TYPE_ABSENCE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/common/kab-absence-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KabAbsenceDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KabAbsenceDialog, first_button);
  gtk_widget_class_bind_template_child (widget_class, KabAbsenceDialog, last_button);
  gtk_widget_class_bind_template_child (widget_class, KabAbsenceDialog, first_calendar);
  gtk_widget_class_bind_template_child (widget_class, KabAbsenceDialog, last_calendar);
  gtk_widget_class_bind_template_child (widget_class, KabAbsenceDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_first_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_last_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_note_activated);

  gtk_widget_class_install_action (widget_class, "absence.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kab_absence_dialog_init (KabAbsenceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kab_absence_dialog_new:
 * @absence: (nullable): the absence to edit; %NULL for a new one
 *
 * Returns: (transfer none): the dialog; make it transient for a window and present it
 */
GtkWidget *
kab_absence_dialog_new (KabStore   *store,
                        KabAbsence *absence)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  return g_object_new (KAB_TYPE_ABSENCE_DIALOG, "store", store, "absence", absence, NULL);
}
