/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-absences-page.c: the list of the practitioner's vacations and closed days, to edit */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-absence-dialog.h"
#include "kab-absences-page.h"
#include "kab-date-format.h"

struct _KabAbsencesPage
{
  AdwPreferencesPage  parent_instance;

  KabStore           *store;
  GListModel         *absences;   /* KabAbsence, as listed */

  GtkListBox         *list;
};

G_DEFINE_FINAL_TYPE (KabAbsencesPage, kab_absences_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * kab_absence_format_range:
 *
 * Returns: (transfer full): the absence's days as a list shows them: "7 Jul 2025 –
 *   1 Aug 2025", or one day
 */
char *
kab_absence_format_range (KabAbsence *absence)
{
  g_autofree char *first = kab_date_format_table (kab_absence_get_first_day (absence));
  g_autofree char *last = kab_date_format_table (kab_absence_get_last_day (absence));

  if (kab_absence_get_n_days (absence) <= 1)
    return g_steal_pointer (&first);

  /* Translators: a range of days, e.g. “7 Jul 2025 – 1 Aug 2025” */
  return g_strdup_printf (C_("day range", "%s – %s"), first, last);
}

/* A toast over the window this page is in. */
static void
add_toast (KabAbsencesPage *self,
           AdwToast        *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
open_editor (KabAbsencesPage *self,
             KabAbsence      *absence)
{
  GtkWidget *dialog = kab_absence_dialog_new (self->store, absence);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_row_activated (AdwActionRow    *row,
                  KabAbsencesPage *self)
{
  open_editor (self, g_object_get_data (G_OBJECT (row), "absence"));
}

static void
on_undo_delete (AdwToast        *toast,
                KabAbsencesPage *self)
{
  KabAbsence *deleted = g_object_get_data (G_OBJECT (toast), "absence");
  g_autoptr(KabAbsence) again = kab_absence_copy (deleted);
  g_autoptr(GError) error = NULL;

  kab_absence_set_id (again, 0);
  if (!kab_store_save_absence (self->store, again, &error))
    add_toast (self, adw_toast_new (error->message));
}

static void
on_delete_clicked (GtkButton       *button,
                   KabAbsencesPage *self)
{
  KabAbsence *absence = g_object_get_data (G_OBJECT (button), "absence");
  g_autoptr(KabAbsence) kept = kab_absence_copy (absence);
  g_autofree char *range = kab_absence_format_range (absence);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!kab_store_delete_absence (self->store, absence, &error))
    {
      add_toast (self, adw_toast_new (error->message));
      return;
    }

  /* Translators: %s is the days of a deleted vacation, e.g. “7 Jul 2025 – 1 Aug 2025” */
  toast = adw_toast_new_format (_("Absence %s deleted"), range);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "absence", g_steal_pointer (&kept), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete), self, 0);
  add_toast (self, toast);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  KabAbsence *absence = item;
  KabAbsencesPage *self = user_data;
  g_autofree char *range = kab_absence_format_range (absence);
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), range);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kab_absence_get_note (absence));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "absence", g_object_ref (absence), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), self, 0);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete"));
  /* Translators: what the delete button of one vacation does, for screen readers */
  label = g_strdup_printf (_("Delete the absence %s"), range);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "absence", g_object_ref (absence), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_clicked), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
reload (KabAbsencesPage *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *absences = kab_store_list_absences (self->store, NULL, NULL, &error);

  if (absences == NULL)
    {
      g_warning ("Could not list the absences: %s", error->message);
      return;
    }

  g_clear_object (&self->absences);
  self->absences = absences;
  gtk_list_box_bind_model (self->list, self->absences,
                           create_row, self, NULL);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_editor (KAB_ABSENCES_PAGE (widget), NULL);
}

static void
kab_absences_page_constructed (GObject *object)
{
  KabAbsencesPage *self = KAB_ABSENCES_PAGE (object);
  GtkWidget *placeholder;

  G_OBJECT_CLASS (kab_absences_page_parent_class)->constructed (object);

  placeholder = gtk_label_new (_("No vacations or closed days"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);

  /* Writing an absence announces itself with the sessions it may change. */
  g_signal_connect_object (self->store, "sessions-changed", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

static void
kab_absences_page_dispose (GObject *object)
{
  KabAbsencesPage *self = KAB_ABSENCES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_ABSENCES_PAGE);
  g_clear_object (&self->absences);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_absences_page_parent_class)->dispose (object);
}

static void
kab_absences_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KabAbsencesPage *self = KAB_ABSENCES_PAGE (object);

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
kab_absences_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KabAbsencesPage *self = KAB_ABSENCES_PAGE (object);

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
kab_absences_page_class_init (KabAbsencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kab_absences_page_constructed;
  object_class->dispose = kab_absences_page_dispose;
  object_class->get_property = kab_absences_page_get_property;
  object_class->set_property = kab_absences_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/common/kab-absences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KabAbsencesPage, list);
  gtk_widget_class_install_action (widget_class, "absences.add", NULL, add_activated);
}

static void
kab_absences_page_init (KabAbsencesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kab_absences_page_new (KabStore *store)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  return g_object_new (KAB_TYPE_ABSENCES_PAGE, "store", store, NULL);
}

/**
 * kab_absences_window_new:
 * @parent: (nullable): the window it is opened from
 *
 * The same list as in Preferences, in a window of its own: the Calendar opens it.
 *
 * Returns: (transfer none): the window, to present
 */
GtkWidget *
kab_absences_window_new (KabStore  *store,
                         GtkWindow *parent)
{
  GtkWidget *window = adw_preferences_window_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Vacations and Closed Days"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 520);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window),
                              ADW_PREFERENCES_PAGE (kab_absences_page_new (store)));
  return window;
}
