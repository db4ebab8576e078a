/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-supervision-page.c: the supervision log, a page of the Calendar view: the meetings of
 * a year, the hours per kind, and the certificate summary */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "kab-supervision-dialog.h"
#include "kab-supervision-page.h"
#include "kab-supervision-summary.h"
#include "kab-text.h"

struct _KabSupervisionPage
{
  AdwBin         parent_instance;

  KabStore      *store;
  GListStore    *meetings;
  int            year;
  GDateTime     *since;

  GtkSpinButton *year_spin;
  AdwActionRow  *year_row;
  AdwEntryRow   *since_row;
  AdwActionRow  *since_hours_row;
  GtkListBox    *list_box;

  gboolean       reload_pending;  /* the log changed while the page was not shown */
};

G_DEFINE_FINAL_TYPE (KabSupervisionPage, kab_supervision_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_minutes (const gint64 minutes[KAB_SUPERVISION_N_KINDS])
{
  g_autoptr(GString) text = g_string_new ("");
  g_autofree char *total_text = NULL;
  gint64 total = 0;

  for (guint k = 0; k < KAB_SUPERVISION_N_KINDS; k++)
    {
      g_autofree char *hours = NULL;

      if (minutes[k] == 0)
        continue;
      hours = kab_supervision_format_hours (minutes[k]);
      /* Translators: a kind of meeting and its hours, e.g. “Balint group: 7.5 h” */
      g_string_append_printf (text, _("%s: %s"), kab_supervision_kind_to_label (k), hours);
      g_string_append (text, " · ");
      total += minutes[k];
    }

  if (total == 0)
    return g_strdup (_("No meetings"));

  total_text = kab_supervision_format_hours (total);
  /* Translators: the sum of all hours, e.g. “Total: 10.5 h” */
  g_string_append_printf (text, _("Total: %s"), total_text);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_hours (KabSupervisionPage *self,
            AdwActionRow       *row,
            GDateTime          *from,
            GDateTime          *to)
{
  gint64 minutes[KAB_SUPERVISION_N_KINDS];
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!kab_store_get_supervision_minutes (self->store, from, to, minutes, &error))
    {
      adw_action_row_set_subtitle (row, error->message);
      return;
    }

  text = format_minutes (minutes);
  adw_action_row_set_subtitle (row, text);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  KabSupervision *meeting = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = g_date_time_format (kab_supervision_get_start (meeting), "%Y-%m-%d %H:%M");
  g_autofree char *hours = kab_supervision_format_hours (kab_supervision_get_duration (meeting));
  g_autofree char *cases = kab_supervision_dup_cases_text (meeting);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) subtitle = g_string_new (hours);
  const char *group = kab_supervision_get_group_name (meeting);
  const char *leader = kab_supervision_get_leader (meeting);

  /* The group, the leader and the codes are the user's words, joined with ours. */
  g_string_printf (title, "%s   %s", when, kab_supervision_kind_to_label (kab_supervision_get_kind (meeting)));
  if (*group != '\0')
    {
      g_autofree char *isolated = kab_isolate (group);

      g_string_append_printf (title, " (%s)", isolated);
    }

  if (*leader != '\0')
    {
      g_autofree char *isolated = kab_isolate (leader);

      g_string_append_printf (subtitle, " · %s", isolated);
    }
  if (*cases != '\0')
    {
      g_autofree char *isolated = kab_isolate (cases);

      g_string_append (subtitle, " · ");
      /* Translators: the codes of the cases brought to a meeting, e.g. “Cases: A. K., B-7” */
      g_string_append_printf (subtitle, _("Cases: %s"), isolated);
    }
  if (kab_supervision_get_series_id (meeting) != 0)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("media-playlist-repeat-symbolic"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title->str);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

/* Hours count once the meeting took place: booked meetings of a series still ahead do
 * not. */
static GDateTime *
dup_until_now (GDateTime *to)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_ref (g_date_time_compare (now, to) < 0 ? now : to);
}

static void
reload_now (KabSupervisionPage *self)
{
  g_autoptr(GDateTime) from = g_date_time_new_local (self->year, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_local (self->year + 1, 1, 1, 0, 0, 0);
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  meetings = kab_store_list_supervision (self->store, from, to, &error);
  if (meetings == NULL)
    {
      g_warning ("Could not read the supervision log: %s", error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    g_ptr_array_add (items, g_list_model_get_item (meetings, i));
  g_list_store_splice (self->meetings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->meetings)),
                       items->pdata, items->len);

  {
    g_autoptr(GDateTime) until = dup_until_now (to);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    show_hours (self, self->year_row, from, until);
    if (self->since != NULL)
      show_hours (self, self->since_hours_row, self->since, now);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->since_hours_row), self->since != NULL);
}

/* The page sits behind the calendar from the start: it reads the log when it is shown,
 * not at every start and every change of a session while nobody looks at it. */
static void
reload (KabSupervisionPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->reload_pending = TRUE;
      return;
    }

  self->reload_pending = FALSE;
  reload_now (self);
}

static void
kab_supervision_page_map (GtkWidget *widget)
{
  KabSupervisionPage *self = KAB_SUPERVISION_PAGE (widget);

  if (self->reload_pending)
    {
      self->reload_pending = FALSE;
      reload_now (self);
    }

  GTK_WIDGET_CLASS (kab_supervision_page_parent_class)->map (widget);
}

static void
year_changed_cb (KabSupervisionPage *self)
{
  kab_supervision_page_set_year (self, gtk_spin_button_get_value_as_int (self->year_spin));
}

static void
since_applied_cb (KabSupervisionPage *self)
{
  int year, month, day;
  char rest;

  g_clear_pointer (&self->since, g_date_time_unref);
  if (sscanf (gtk_editable_get_text (GTK_EDITABLE (self->since_row)), "%d-%d-%d%c",
              &year, &month, &day, &rest) == 3)
    self->since = g_date_time_new_local (year, month, day, 0, 0, 0);

  reload (self);
}

static void
open_dialog (KabSupervisionPage *self,
             KabSupervision     *meeting)
{
  KabSupervisionDialog *dialog = kab_supervision_dialog_new (self->store, meeting);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_activated_cb (KabSupervisionPage *self,
                  GtkListBoxRow      *row)
{
  g_autoptr(KabSupervision) meeting =
    g_list_model_get_item (G_LIST_MODEL (self->meetings), gtk_list_box_row_get_index (row));

  if (meeting != NULL)
    open_dialog (self, meeting);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_dialog (KAB_SUPERVISION_PAGE (widget), NULL);
}

static void
on_summary_response (GtkNativeDialog    *chooser,
                     int                 response,
                     KabSupervisionPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GDateTime) from = g_date_time_new_local (self->year, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new_local (self->year + 1, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = dup_until_now (end);
  g_autoptr(KabPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  document = kab_supervision_summary_new (self->store, from, to, &error);
  if (document == NULL || !kab_print_document_export_pdf (document, path, &error))
    g_warning ("Could not save the summary: %s", error->message);
}

static void
summary_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KabSupervisionPage *self = KAB_SUPERVISION_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Save Supervision Summary"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the file name of the summary; %d is the year */
  name = g_strdup_printf (_("supervision-%d.pdf"), self->year);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_summary_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_export_response (GtkNativeDialog    *chooser,
                    int                 response,
                    KabSupervisionPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GDateTime) from = g_date_time_new_local (self->year, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_local (self->year + 1, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!kab_store_export_supervision_json (self->store, from, to, path, &error))
    g_warning ("Could not export the supervision log: %s", error->message);
}

static void
export_json_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KabSupervisionPage *self = KAB_SUPERVISION_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Supervision Log"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the file name of the exported log; %d is the year */
  name = g_strdup_printf (_("supervision-%d.json"), self->year);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
kab_supervision_page_dispose (GObject *object)
{
  KabSupervisionPage *self = KAB_SUPERVISION_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_SUPERVISION_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->meetings);
  g_clear_pointer (&self->since, g_date_time_unref);

  G_OBJECT_CLASS (kab_supervision_page_parent_class)->dispose (object);
}

static void
kab_supervision_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KabSupervisionPage *self = KAB_SUPERVISION_PAGE (object);

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
kab_supervision_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  KabSupervisionPage *self = KAB_SUPERVISION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      kab_supervision_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_supervision_page_class_init (KabSupervisionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_supervision_page_dispose;
  widget_class->map = kab_supervision_page_map;
  object_class->get_property = kab_supervision_page_get_property;
  object_class->set_property = kab_supervision_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/supervision/kab-supervision-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionPage, year_row);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionPage, since_row);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionPage, since_hours_row);
  gtk_widget_class_bind_template_child (widget_class, KabSupervisionPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, since_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "supervision.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "supervision.summary", NULL, summary_activated);
  gtk_widget_class_install_action (widget_class, "supervision.export-json", NULL, export_json_activated);
}

static void
kab_supervision_page_init (KabSupervisionPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->meetings = g_list_store_new (KAB_TYPE_SUPERVISION);
  self->year = g_date_time_get_year (now);
  gtk_spin_button_set_value (self->year_spin, self->year);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->meetings), create_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->since_hours_row), FALSE);
}

KabStore *
kab_supervision_page_get_store (KabSupervisionPage *self)
{
  g_return_val_if_fail (KAB_IS_SUPERVISION_PAGE (self), NULL);

  return self->store;
}

void
kab_supervision_page_set_store (KabSupervisionPage *self,
                                KabStore           *store)
{
  g_return_if_fail (KAB_IS_SUPERVISION_PAGE (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "sessions-changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
kab_supervision_page_set_year (KabSupervisionPage *self,
                               int                 year)
{
  g_return_if_fail (KAB_IS_SUPERVISION_PAGE (self));

  if (self->year == year)
    return;

  self->year = year;
  gtk_spin_button_set_value (self->year_spin, year);
  reload (self);
}

/**
 * kab_supervision_page_get_meetings:
 *
 * Returns: (transfer none): the meetings of the year shown
 */
GListModel *
kab_supervision_page_get_meetings (KabSupervisionPage *self)
{
  g_return_val_if_fail (KAB_IS_SUPERVISION_PAGE (self), NULL);

  return G_LIST_MODEL (self->meetings);
}
