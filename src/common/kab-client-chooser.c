/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-chooser.c: a button that opens a searchable list of the practice's clients */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kab-client-chooser.h"
#include "kab-client-filter.h"

struct _KabClientChooser
{
  AdwBin              parent_instance;

  KabStore           *store;
  KabClient          *client;
  char               *none_label;

  KabClientFilter    *filter;       /* every client, archived too, as the search finds */
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;

  GtkMenuButton      *button;
  GtkLabel           *name_label;
  GtkPopover         *popover;
  GtkSearchEntry     *search_entry;
  GtkButton          *none_button;
  GtkLabel           *none_button_label;
  GtkListView        *list_view;
  GtkLabel           *no_match_label;
};

G_DEFINE_FINAL_TYPE (KabClientChooser, kab_client_chooser, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLIENT,
  PROP_NONE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (KabClientChooser *self)
{
  const char *text;

  if (self->client != NULL)
    text = kab_client_get_display_name (self->client);
  else if (self->none_label != NULL && *self->none_label != '\0')
    text = self->none_label;
  else
    text = _("Choose a client…");

  gtk_label_set_label (self->name_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), text);
  if (self->client == NULL && (self->none_label == NULL || *self->none_label == '\0'))
    gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_label), "dim-label");
}

static void
on_client_name_changed (KabClientChooser *self)
{
  update_label (self);
}

static void
update_no_match (KabClientChooser *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label), empty);
}

static void
on_search_changed (KabClientChooser *self)
{
  if (self->filter == NULL)
    return;
  kab_client_filter_set_query (self->filter,
                               gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_no_match (self);
}

static void
choose (KabClientChooser *self,
        KabClient        *client)
{
  kab_client_chooser_set_client (self, client);
  gtk_popover_popdown (self->popover);
}

static void
on_search_activate (KabClientChooser *self)
{
  guint position = self->selection != NULL ? gtk_single_selection_get_selected (self->selection)
                                           : GTK_INVALID_LIST_POSITION;
  g_autoptr(KabClient) client = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  client = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  choose (self, client);
}

static void
on_stop_search (KabClientChooser *self)
{
  gtk_popover_popdown (self->popover);
}

static void
on_none_clicked (KabClientChooser *self)
{
  choose (self, NULL);
}

static void
on_list_activate (KabClientChooser *self,
                  guint             position)
{
  g_autoptr(KabClient) client = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  choose (self, client);
}

static void setup_model (KabClientChooser *self);

static void
on_popover_show (KabClientChooser *self)
{
  /* The sorted list of every client is made when it is first needed, not at startup. */
  if (self->selection == NULL)
    setup_model (self);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Down from the search field goes into the list, like in a GtkDropDown. */
static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       KabClientChooser      *self)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;

  return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

static void
setup_model (KabClientChooser *self)
{
  g_autoptr(GtkExpression) name = gtk_property_expression_new (KAB_TYPE_CLIENT, NULL,
                                                                "display-name");
  GtkSortListModel *sorted;

  sorted = gtk_sort_list_model_new (g_object_ref (kab_store_get_clients (self->store)),
                                    GTK_SORTER (gtk_string_sorter_new (g_steal_pointer (&name))));
  self->filter = kab_client_filter_new ();
  kab_client_filter_set_show_archived (self->filter, TRUE);
  kab_client_filter_set_query (self->filter,
                               gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (sorted),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_no_match (self);
}

static gboolean
kab_client_chooser_grab_focus (GtkWidget *widget)
{
  KabClientChooser *self = KAB_CLIENT_CHOOSER (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->button));
}

/* A row's mnemonic ("C_lient") opens the list, as it would a drop-down. */
static gboolean
kab_client_chooser_mnemonic_activate (GtkWidget *widget,
                                      gboolean   group_cycling)
{
  KabClientChooser *self = KAB_CLIENT_CHOOSER (widget);

  if (group_cycling)
    return gtk_widget_grab_focus (GTK_WIDGET (self->button));

  kab_client_chooser_popup (self);
  return TRUE;
}

static void
kab_client_chooser_constructed (GObject *object)
{
  KabClientChooser *self = KAB_CLIENT_CHOOSER (object);
  gboolean has_none = self->none_label != NULL && *self->none_label != '\0';

  G_OBJECT_CLASS (kab_client_chooser_parent_class)->constructed (object);

  g_return_if_fail (KAB_IS_STORE (self->store));

  gtk_widget_set_visible (GTK_WIDGET (self->none_button), has_none);
  gtk_label_set_label (self->none_button_label, has_none ? self->none_label : "");
  update_label (self);
}

static void
kab_client_chooser_dispose (GObject *object)
{
  KabClientChooser *self = KAB_CLIENT_CHOOSER (object);

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, on_client_name_changed, self);

  /* AdwBin unparents its child itself; the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_CLIENT_CHOOSER);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->client);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_client_chooser_parent_class)->dispose (object);
}

static void
kab_client_chooser_finalize (GObject *object)
{
  KabClientChooser *self = KAB_CLIENT_CHOOSER (object);

  g_clear_pointer (&self->none_label, g_free);

  G_OBJECT_CLASS (kab_client_chooser_parent_class)->finalize (object);
}

static void
kab_client_chooser_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KabClientChooser *self = KAB_CLIENT_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_NONE_LABEL:
      g_value_set_string (value, self->none_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_client_chooser_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KabClientChooser *self = KAB_CLIENT_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CLIENT:
      kab_client_chooser_set_client (self, g_value_get_object (value));
      break;
    case PROP_NONE_LABEL:
      self->none_label = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_client_chooser_class_init (KabClientChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kab_client_chooser_constructed;
  object_class->dispose = kab_client_chooser_dispose;
  object_class->finalize = kab_client_chooser_finalize;
  object_class->get_property = kab_client_chooser_get_property;
  object_class->set_property = kab_client_chooser_set_property;

  widget_class->grab_focus = kab_client_chooser_grab_focus;
  widget_class->mnemonic_activate = kab_client_chooser_mnemonic_activate;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, KAB_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NONE_LABEL] =
    g_param_spec_string ("none-label", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/common/kab-client-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, KabClientChooser, button);
  gtk_widget_class_bind_template_child (widget_class, KabClientChooser, name_label);
  gtk_widget_class_bind_template_child (widget_class, KabClientChooser, popover);
  gtk_widget_class_bind_template_child (widget_class, KabClientChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KabClientChooser, none_button);
  gtk_widget_class_bind_template_child (widget_class, KabClientChooser, none_button_label);
  gtk_widget_class_bind_template_child (widget_class, KabClientChooser, list_view);
  gtk_widget_class_bind_template_child (widget_class, KabClientChooser, no_match_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_none_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
}

static void
kab_client_chooser_init (KabClientChooser *self)
{
  GtkEventController *keys;

  g_type_ensure (KAB_TYPE_CLIENT);
  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

/**
 * kab_client_chooser_new:
 * @none_label: (nullable): the choice that stands for no client (e.g. "Whole practice"),
 *   or %NULL when a client must be chosen
 */
GtkWidget *
kab_client_chooser_new (KabStore   *store,
                        const char *none_label)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  return g_object_new (KAB_TYPE_CLIENT_CHOOSER,
                       "store", store,
                       "none-label", none_label,
                       NULL);
}

/**
 * kab_client_chooser_get_client:
 *
 * Returns: (transfer none) (nullable): the chosen client
 */
KabClient *
kab_client_chooser_get_client (KabClientChooser *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT_CHOOSER (self), NULL);

  return self->client;
}

void
kab_client_chooser_set_client (KabClientChooser *self,
                               KabClient        *client)
{
  g_return_if_fail (KAB_IS_CLIENT_CHOOSER (self));
  g_return_if_fail (client == NULL || KAB_IS_CLIENT (client));

  if (self->client == client)
    return;

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, on_client_name_changed, self);

  g_set_object (&self->client, client);

  if (client != NULL)
    g_signal_connect_swapped (client, "notify::display-name",
                              G_CALLBACK (on_client_name_changed), self);

  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

gint64
kab_client_chooser_get_client_id (KabClientChooser *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT_CHOOSER (self), 0);

  return self->client != NULL ? kab_client_get_id (self->client) : 0;
}

void
kab_client_chooser_set_client_id (KabClientChooser *self,
                                  gint64            client_id)
{
  g_return_if_fail (KAB_IS_CLIENT_CHOOSER (self));

  kab_client_chooser_set_client (self, client_id != 0
                                       ? kab_store_find_client (self->store, client_id)
                                       : NULL);
}

/**
 * kab_client_chooser_popup:
 *
 * Opens the list with the search field focused.
 */
void
kab_client_chooser_popup (KabClientChooser *self)
{
  g_return_if_fail (KAB_IS_CLIENT_CHOOSER (self));

  gtk_menu_button_popup (self->button);
}
