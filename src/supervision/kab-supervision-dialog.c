/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-supervision-dialog.c: add or edit one supervision meeting, or book a group series */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "kab-drop-down-escape.h"
#include "kab-money.h"
#include "kab-supervision-dialog.h"

struct _KabSupervisionDialog
{
  AdwWindow        parent_instance;

  KabStore        *store;
  KabSupervision  *meeting;      /* a copy, written back only by a successful save */

  AdwToastOverlay *toast_overlay;
  GtkWidget       *delete_button;
  AdwComboRow     *kind_row;
  AdwEntryRow     *date_row;
  AdwEntryRow     *time_row;
  GtkSpinButton   *duration_spin;
  AdwEntryRow     *leader_row;
  AdwEntryRow     *group_row;
  AdwEntryRow     *expense_row;
  GtkWidget       *repeat_group;
  GtkSpinButton   *interval_spin;
  AdwEntryRow     *until_row;
  GtkListBox      *cases_list;
  GtkDropDown     *client_drop;
  GtkEntry        *pseudonym_entry;
  GtkTextView     *notes_view;
};

G_DEFINE_FINAL_TYPE (KabSupervisionDialog, kab_supervision_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (KabSupervisionDialog *self,
            const char           *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static const char *
currency (KabSupervisionDialog *self)
{
  return kab_practice_get_currency (kab_store_get_practice (self->store));
}

/* "2026-01-07" (and "18:00") as local time; NULL when the text is not such a date. */
static GDateTime *
parse_local (const char *date_text,
             const char *time_text)
{
  int year, month, day, hour = 0, minute = 0;
  char rest;

  if (sscanf (date_text, "%d-%d-%d%c", &year, &month, &day, &rest) != 3)
    return NULL;
  if (time_text != NULL && sscanf (time_text, "%d:%d%c", &hour, &minute, &rest) != 2)
    return NULL;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return NULL;

  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

static void
remove_case_clicked (GtkButton            *button,
                     KabSupervisionDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  g_ptr_array_remove_index (kab_supervision_get_cases (self->meeting), index);
  gtk_list_box_remove (self->cases_list, row);
}

/* A case row shows the code only: the client's name never enters the log. */
static void
append_case_row (KabSupervisionDialog *self,
                 KabSupervisionCase   *c)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->pseudonym);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Case"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_case_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  gtk_list_box_append (self->cases_list, row);
}

static void
add_case_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KabSupervisionDialog *self = KAB_SUPERVISION_DIALOG (widget);
  KabClient *client = gtk_drop_down_get_selected_item (self->client_drop);
  g_autofree char *pseudonym = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *cases;

  if (client == NULL)
    return;

  pseudonym = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pseudonym_entry))));
  if (*pseudonym == '\0')
    {
      g_free (pseudonym);
      pseudonym = kab_client_dup_initials (client);
    }

  if (!kab_supervision_check_pseudonym (pseudonym, kab_client_get_given_name (client),
                                        kab_client_get_family_name (client), &error))
    {
      show_error (self, error->message);
      return;
    }

  kab_supervision_add_case (self->meeting, kab_client_get_id (client), pseudonym);
  cases = kab_supervision_get_cases (self->meeting);
  append_case_row (self, g_ptr_array_index (cases, cases->len - 1));
  gtk_editable_set_text (GTK_EDITABLE (self->pseudonym_entry), "");
}

static gboolean
read_fields (KabSupervisionDialog *self)
{
  g_autoptr(GDateTime) start = parse_local (gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                            gtk_editable_get_text (GTK_EDITABLE (self->time_row)));
  const char *expense_text = gtk_editable_get_text (GTK_EDITABLE (self->expense_row));
  g_autoptr(GtkTextBuffer) buffer = g_object_ref (gtk_text_view_get_buffer (self->notes_view));
  g_autofree char *notes = NULL;
  GtkTextIter begin, end;
  gint64 expense = 0;

  if (start == NULL)
    {
      show_error (self, _("Enter the date as 2026-01-07 and the time as 18:00."));
      return FALSE;
    }

  if (*expense_text != '\0')
    {
      g_autoptr(GError) error = NULL;

      if (!kab_money_parse (expense_text, currency (self), &expense, &error))
        {
          show_error (self, error->message);
          return FALSE;
        }
    }

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  notes = gtk_text_buffer_get_text (buffer, &begin, &end, FALSE);

  kab_supervision_set_start (self->meeting, start);
  kab_supervision_set_duration (self->meeting, gtk_spin_button_get_value_as_int (self->duration_spin));
  kab_supervision_set_kind (self->meeting, adw_combo_row_get_selected (self->kind_row));
  kab_supervision_set_leader (self->meeting, gtk_editable_get_text (GTK_EDITABLE (self->leader_row)));
  kab_supervision_set_group_name (self->meeting, gtk_editable_get_text (GTK_EDITABLE (self->group_row)));
  kab_supervision_set_expense (self->meeting, expense);
  kab_supervision_set_currency (self->meeting, currency (self));
  kab_supervision_set_notes (self->meeting, notes);
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KabSupervisionDialog *self = KAB_SUPERVISION_DIALOG (widget);
  guint interval = gtk_spin_button_get_value_as_int (self->interval_spin);
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (!read_fields (self))
    return;

  if (kab_supervision_get_id (self->meeting) == 0 && interval > 0)
    {
      const char *until_text = gtk_editable_get_text (GTK_EDITABLE (self->until_row));
      g_autoptr(GDateTime) until = NULL;

      if (*until_text != '\0' && (until = parse_local (until_text, NULL)) == NULL)
        {
          show_error (self, _("Enter the last day as 2026-06-24, or leave it empty."));
          return;
        }
      saved = kab_store_book_supervision_series (self->store, self->meeting, interval, until,
                                                 NULL, &error);
    }
  else
    saved = kab_store_save_supervision (self->store, self->meeting, &error);

  if (!saved)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Only this meeting: the other meetings of its series stay booked. */
static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KabSupervisionDialog *self = KAB_SUPERVISION_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!kab_store_delete_supervision (self->store, self->meeting, &error))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_fields (KabSupervisionDialog *self)
{
  GDateTime *start = kab_supervision_get_start (self->meeting);
  GPtrArray *cases = kab_supervision_get_cases (self->meeting);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) name = NULL;
  g_autofree char *date = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *time = g_date_time_format (start, "%H:%M");

  for (guint k = 0; k < KAB_SUPERVISION_N_KINDS; k++)
    gtk_string_list_append (kinds, kab_supervision_kind_to_label (k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, kab_supervision_get_kind (self->meeting));

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time);
  gtk_spin_button_set_value (self->duration_spin, kab_supervision_get_duration (self->meeting));
  gtk_editable_set_text (GTK_EDITABLE (self->leader_row), kab_supervision_get_leader (self->meeting));
  gtk_editable_set_text (GTK_EDITABLE (self->group_row), kab_supervision_get_group_name (self->meeting));
  if (kab_supervision_get_expense (self->meeting) > 0)
    {
      g_autofree char *amount = kab_money_format_plain (kab_supervision_get_expense (self->meeting),
                                                        currency (self));
      gtk_editable_set_text (GTK_EDITABLE (self->expense_row), amount);
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            kab_supervision_get_notes (self->meeting), -1);
  gtk_widget_set_visible (self->repeat_group, kab_supervision_get_id (self->meeting) == 0);
  gtk_widget_set_visible (self->delete_button, kab_supervision_get_id (self->meeting) != 0);

  for (guint i = 0; i < cases->len; i++)
    append_case_row (self, g_ptr_array_index (cases, i));

  /* Choosing the client shows names; what is kept and shown afterwards is the code. */
  name = gtk_property_expression_new (KAB_TYPE_CLIENT, NULL, "display-name");
  gtk_drop_down_set_expression (self->client_drop, name);
  gtk_drop_down_set_model (self->client_drop, kab_store_get_clients (self->store));
  kab_drop_down_close_on_escape (self->client_drop);
}

static void
kab_supervision_dialog_dispose (GObject *object)
{
  KabSupervisionDialog *self = KAB_SUPERVISION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_SUPERVISION_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->meeting);

  G_OBJECT_CLASS (kab_supervision_dialog_parent_class)->dispose (object);
}

static void
kab_supervision_dialog_class_init (KabSupervisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_supervision_dialog_dispose;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/supervision/kab-supervision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionDialog, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionDialog, leader_row);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionDialog, expense_row);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionDialog, repeat_group);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionDialog, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionDialog, cases_list);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionDialog, client_drop);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionDialog, pseudonym_entry);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionDialog, notes_view);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "dialog.add-case", NULL, add_case_activated);
  gtk_widget_class_install_action (widget_class, "dialog.delete", NULL, delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kab_supervision_dialog_init (KabSupervisionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kab_supervision_dialog_new:
 * @meeting: (nullable): the meeting to edit; %NULL for a new one, today at 18:00
 *
 * Returns: (transfer none): a new dialog; the meeting is written only on Save
 */
KabSupervisionDialog *
kab_supervision_dialog_new (KabStore       *store,
                            KabSupervision *meeting)
{
  KabSupervisionDialog *self;

  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  self = g_object_new (KAB_TYPE_SUPERVISION_DIALOG, NULL);
  self->store = g_object_ref (store);
  if (meeting != NULL)
    self->meeting = kab_supervision_copy (meeting);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (now),
                                                          g_date_time_get_month (now),
                                                          g_date_time_get_day_of_month (now),
                                                          18, 0, 0);
      self->meeting = kab_supervision_new ();
      kab_supervision_set_start (self->meeting, start);
    }

  fill_fields (self);
  return self;
}
