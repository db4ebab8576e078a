/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-clients-view.c: the Clients view, one page of the main window */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-client-row.h"
#include "kab-clients-private.h"
#include "kab-clients-view-private.h"
#include "kab-style.h"
#include "kab-toast.h"

G_DEFINE_FINAL_TYPE (KabClientsView, kab_clients_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STATUS_FILTER,
  PROP_SHOW_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void expand_list (KabClientsView *self);

/* Sorting: by family name, then given name (a client with only one name sorts by it),
 * compared by GtkStringSorter's collation keys, which the sort model computes once per
 * client rather than once per comparison. */

static char *
family_sort_key (KabClient *client)
{
  const char *family = kab_client_get_family_name (client);

  return g_strdup (*family != '\0' ? family : kab_client_get_given_name (client));
}

static char *
given_sort_key (KabClient *client)
{
  return g_strdup (kab_client_get_given_name (client));
}

/* Active clients first, then paused, finished and archived ones. */
static int
status_sort_key (KabClient *client)
{
  return kab_client_get_status (client);
}

static GtkSorter *
new_name_sorter (void)
{
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();
  GtkExpression *status = gtk_cclosure_expression_new (G_TYPE_INT, NULL, 0, NULL,
                                                       G_CALLBACK (status_sort_key), NULL, NULL);
  GtkExpression *family = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                       G_CALLBACK (family_sort_key), NULL, NULL);
  GtkExpression *given = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                      G_CALLBACK (given_sort_key), NULL, NULL);
  GtkExpression *id = gtk_property_expression_new (KAB_TYPE_CLIENT, NULL, "id");

  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_numeric_sorter_new (status)));
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_string_sorter_new (family)));
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_string_sorter_new (given)));
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_numeric_sorter_new (id)));
  return GTK_SORTER (sorter);
}

/* GTK 4.8's list view keeps about 200 rows around the visible ones and makes them anew
 * after a large change, such as a keystroke in the search. Rows that it lets go of are
 * kept here and handed out again, so that typing builds no templates. */
#define ROW_POOL_SIZE 256

/* A row shows balances in the practice's currency, and follows it when it changes
 * (the binding goes with the row). */
static GtkWidget *
new_row (KabClientsView *self)
{
  GtkWidget *row = g_object_ref_sink (kab_client_row_new (kab_clients_get_currency (self->store)));

  g_object_bind_property (kab_store_get_practice (self->store), "currency", row, "currency",
                          G_BINDING_DEFAULT);
  return row;
}

static void
on_setup_row (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              KabClientsView           *self)
{
  g_autoptr(GtkWidget) row = NULL;

  if (self->row_pool->len > 0)
    row = g_ptr_array_steal_index_fast (self->row_pool, self->row_pool->len - 1);
  else
    row = new_row (self);

  /* Our own reference: in GTK 4.8 the item has already dropped its child when
   * teardown runs, and the row would be lost to the pool. */
  g_object_set_data_full (G_OBJECT (item), "kab-client-row", g_object_ref (row), g_object_unref);
  gtk_list_item_set_child (item, row);
}

/* Rows for the pool, made while the user reads the list rather than while they type. */
#define ROW_POOL_WARM      200
#define ROWS_PER_IDLE       25

static gboolean
warm_pool_idle (gpointer user_data)
{
  KabClientsView *self = user_data;

  for (guint i = 0; i < ROWS_PER_IDLE && self->row_pool->len < ROW_POOL_WARM; i++)
    g_ptr_array_add (self->row_pool, new_row (self));

  if (self->row_pool->len < ROW_POOL_WARM)
    return G_SOURCE_CONTINUE;

  self->warm_pool_id = 0;
  return G_SOURCE_REMOVE;
}

static void
on_teardown_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 KabClientsView           *self)
{
  g_autoptr(GtkWidget) row = g_object_steal_data (G_OBJECT (item), "kab-client-row");

  if (gtk_list_item_get_child (item) != NULL)
    gtk_list_item_set_child (item, NULL);

  if (row == NULL || self->row_pool == NULL || self->row_pool->len >= ROW_POOL_SIZE ||
      gtk_widget_get_parent (row) != NULL)
    return;

  g_ptr_array_add (self->row_pool, g_steal_pointer (&row));
}

static void
on_bind_row (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             KabClientsView           *self)
{
  kab_client_row_set_client (KAB_CLIENT_ROW (gtk_list_item_get_child (item)),
                             gtk_list_item_get_item (item));
}

static void
on_unbind_row (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               KabClientsView           *self)
{
  kab_client_row_set_client (KAB_CLIENT_ROW (gtk_list_item_get_child (item)), NULL);
}

static guint
find_position (KabClientsView *self,
               gint64          client_id)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabClient) client = g_list_model_get_item (model, i);

      if (kab_client_get_id (client) == client_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
update_count (KabClientsView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (kab_store_get_clients (self->store));
  g_autofree char *text = NULL;

  /* "12 of 2000 clients" whenever some are not shown, archived ones included, so the
   * count never reads as the whole practice when it is not. */
  if (shown == total)
    text = g_strdup_printf (ngettext ("%u client", "%u clients", shown), shown);
  else
    /* Translators: how many clients the search or filter shows: "12 of 2000 clients" */
    text = g_strdup_printf (ngettext ("%u of %u client", "%u of %u clients", total),
                            shown, total);

  gtk_label_set_label (self->count_label, text);
}

static void
update_list_state (KabClientsView *self)
{
  gboolean none = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;
  const char *query = kab_client_filter_get_query (self->filter);

  gtk_stack_set_visible_child_name (self->list_stack, none ? "no-results" : "list");
  if (none)
    adw_status_page_set_description (self->no_results_page,
                                     *query != '\0'
                                     ? _("Try a different name, phone number or email.")
                                     : _("No client has this status. Choose another one in the filter menu."));
  update_count (self);
}

static void
update_filter_button (KabClientsView *self)
{
  const char *status = kab_client_filter_get_status (self->filter);
  KabClientStatus value;

  if (kab_client_status_from_nick (status, &value))
    {
      g_autofree char *tooltip =
        /* Translators: the filter button's tooltip while a status is chosen */
        g_strdup_printf (_("Filter by Status: %s"), kab_client_status_to_label (value));

      gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), tooltip);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), _("Filter by Status"));
    }
}

static gboolean
reselect_idle (gpointer user_data)
{
  KabClientsView *self = user_data;
  KabClient *shown = kab_clients_view_get_shown (self);
  guint position;

  self->reselect_id = 0;
  if (shown == NULL ||
      gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    return G_SOURCE_REMOVE;

  expand_list (self);
  position = find_position (self, kab_client_get_id (shown));
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);

  return G_SOURCE_REMOVE;
}

/* When the list loses its selection (a search hid the client, or a filter took the row
 * out and put it back), the shown client is selected again before the next frame. */
static void
queue_reselect (KabClientsView *self)
{
  if (self->reselect_id == 0)
    self->reselect_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reselect_idle, self, NULL);
}

static void
on_selection_changed (KabClientsView *self)
{
  KabClient *client = gtk_single_selection_get_selected_item (self->selection);
  KabClient *shown = kab_clients_view_get_shown (self);

  if (client == NULL)
    {
      /* The details stay: the shown client may only be hidden by a search. */
      queue_reselect (self);
      return;
    }

  if (shown != NULL && kab_client_get_id (shown) == kab_client_get_id (client))
    {
      kab_client_details_set_client (self->details, client);
      return;
    }

  kab_client_details_set_client (kab_clients_view_ensure_details (self), client);
  kab_clients_view_update_actions (self);
  kab_clients_view_show_details (self);
}

/* The store changed its list: a deleted client's details go, and the empty state shows
 * when the practice has no clients. */
static void
on_store_clients_changed (KabClientsView *self)
{
  KabClient *shown = kab_clients_view_get_shown (self);
  guint n = g_list_model_get_n_items (kab_store_get_clients (self->store));

  gtk_stack_set_visible_child_name (self->main_stack, n > 0 ? "clients" : "empty");

  if (shown != NULL)
    {
      KabClient *listed = kab_store_find_client (self->store, kab_client_get_id (shown));

      if (listed != shown)
        kab_client_details_set_client (self->details, listed);
    }

  kab_clients_view_update_actions (self);
}

/* The list shows what the search entry holds now. */
static void
apply_search (KabClientsView *self)
{
  g_clear_handle_id (&self->search_id, g_source_remove);
  expand_list (self);
  kab_client_filter_set_query (self->filter,
                               gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_list_state (self);
}

static gboolean
apply_search_idle (gpointer user_data)
{
  KabClientsView *self = user_data;

  self->search_id = 0;
  apply_search (self);
  return G_SOURCE_REMOVE;
}

/* The search is applied from an idle that runs before the next frame, with the text the
 * entry then holds. Text typed over a selection (Ctrl+F selects the search) or set with
 * gtk_editable_set_text() is deleted before the new text is inserted, and GtkSearchEntry
 * reports the empty search at once: applied as it came, every client would be listed
 * again (some 200 rows made) only to be narrowed down on the next turn of the loop. */
static void
on_search_changed (KabClientsView *self)
{
  if (self->search_id == 0)
    self->search_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_search_idle, self, NULL);
}

static void
on_stop_search (KabClientsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Enter in the search shows the first client found, for the text typed so far. */
static void
on_search_activate (KabClientsView *self)
{
  apply_search (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    return;

  gtk_single_selection_set_selected (self->selection, 0);
  kab_clients_view_show_details (self);
}

/**
 * kab_clients_view_ensure_details:
 *
 * The details pane, built the first time a client is chosen: a practice is opened
 * without anyone chosen, and the pane is the largest part of the view.
 *
 * Returns: (transfer none): the details pane
 */
KabClientDetails *
kab_clients_view_ensure_details (KabClientsView *self)
{
  if (self->details != NULL)
    return self->details;

  self->details = g_object_new (KAB_TYPE_CLIENT_DETAILS, NULL);
  kab_client_details_set_store (self->details, self->store);
  g_object_bind_property (self->leaflet, "folded", self->details, "show-back-button",
                          G_BINDING_SYNC_CREATE);
  adw_bin_set_child (self->details_bin, GTK_WIDGET (self->details));
  return self->details;
}

/* The client whose details are shown; NULL before the first is chosen. */
KabClient *
kab_clients_view_get_shown (KabClientsView *self)
{
  return self->details != NULL ? kab_client_details_get_client (self->details) : NULL;
}

static void
on_folded_changed (KabClientsView *self)
{
  /* Unfolded, both panes show; folded with nothing selected, the list is what to see. */
  if (adw_leaflet_get_folded (self->leaflet) &&
      kab_clients_view_get_shown (self) == NULL)
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  /* Without the schema (a build run uninstalled) the choice is simply not kept. */
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/* Enough clients to fill a tall window's list. */
#define FIRST_FRAME_ROWS 40

/* The list shows every client from now on; positions in the filtered clients are
 * positions in the selection. */
static void
expand_list (KabClientsView *self)
{
  g_clear_handle_id (&self->expand_id, g_source_remove);
  if (self->slice != NULL && gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

static gboolean
expand_idle (gpointer user_data)
{
  KabClientsView *self = user_data;

  self->expand_id = 0;
  expand_list (self);
  return G_SOURCE_REMOVE;
}

static void
setup_models (KabClientsView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->row_pool = g_ptr_array_new_with_free_func (g_object_unref);
  self->filter = kab_client_filter_new ();
  /* Sorted first, then filtered: a keystroke in the search filters a list that is
   * already in order, and neither sorts again nor moves the clients it keeps. */
  self->sorted = gtk_sort_list_model_new (g_object_ref (kab_store_get_clients (self->store)),
                                          new_name_sorter ());
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  /* GTK 4.8's list view makes about 200 rows whatever its height: until the window's
   * first frame is out it is given the first few clients only (see kab_clients_view_map). */
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)), 0,
                                          FIRST_FRAME_ROWS);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_row), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (on_teardown_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (update_list_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kab_store_get_clients (self->store), "items-changed",
                           G_CALLBACK (on_store_clients_changed), self, G_CONNECT_SWAPPED);
}

static void
kab_clients_view_constructed (GObject *object)
{
  KabClientsView *self = KAB_CLIENTS_VIEW (object);

  G_OBJECT_CLASS (kab_clients_view_parent_class)->constructed (object);

  g_return_if_fail (KAB_IS_STORE (self->store));

  kab_journal_to_sign_set_store (self->to_sign, self->store);
  setup_models (self);

  self->settings = new_settings ();
  if (self->settings != NULL)
    g_settings_bind (self->settings, "show-archived", self, "show-archived", G_SETTINGS_BIND_DEFAULT);

  update_list_state (self);
  update_filter_button (self);
  on_store_clients_changed (self);
}

static void
kab_clients_view_map (GtkWidget *widget)
{
  KabClientsView *self = KAB_CLIENTS_VIEW (widget);

  GTK_WIDGET_CLASS (kab_clients_view_parent_class)->map (widget);

  kab_style_ensure ("/org/kabinett/Kabinett/clients/kab-clients.css");

  /* After the frame that shows the view (the frame clock runs before low-priority
   * idles), the rest of the clients. */
  if (self->expand_id == 0 && self->slice != NULL &&
      gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    self->expand_id = g_idle_add_full (G_PRIORITY_LOW, expand_idle, self, NULL);

  if (!self->pool_warmed && self->row_pool != NULL)
    {
      self->pool_warmed = TRUE;
      self->warm_pool_id = g_idle_add_full (G_PRIORITY_LOW, warm_pool_idle, self, NULL);
    }
}

static void
kab_clients_view_dispose (GObject *object)
{
  KabClientsView *self = KAB_CLIENTS_VIEW (object);

  g_clear_handle_id (&self->reselect_id, g_source_remove);
  g_clear_handle_id (&self->search_id, g_source_remove);
  g_clear_handle_id (&self->warm_pool_id, g_source_remove);
  g_clear_handle_id (&self->expand_id, g_source_remove);
  if (self->undo_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_toast, self);
  g_clear_object (&self->undo_toast);

  /* The toast overlay is both AdwBin's child and a template child: AdwBin lets go of it
   * first, or the template's disposal and AdwBin's would both unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_CLIENTS_VIEW);
  self->details = NULL;   /* the details bin's child, gone with it */

  g_clear_object (&self->selection);
  g_clear_pointer (&self->row_pool, g_ptr_array_unref);
  g_clear_object (&self->slice);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_clients_view_parent_class)->dispose (object);
}

static void
kab_clients_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KabClientsView *self = KAB_CLIENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_STATUS_FILTER:
      g_value_set_string (value, kab_clients_view_get_status_filter (self));
      break;

    case PROP_SHOW_ARCHIVED:
      g_value_set_boolean (value, kab_clients_view_get_show_archived (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_clients_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KabClientsView *self = KAB_CLIENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_STATUS_FILTER:
      kab_clients_view_set_status_filter (self, g_value_get_string (value));
      break;

    case PROP_SHOW_ARCHIVED:
      kab_clients_view_set_show_archived (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_clients_view_class_init (KabClientsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kab_clients_view_constructed;
  object_class->dispose = kab_clients_view_dispose;
  object_class->get_property = kab_clients_view_get_property;
  object_class->set_property = kab_clients_view_set_property;

  widget_class->map = kab_clients_view_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KAB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* "all" or a status nick: backs the clients.status-filter action of the filter menu. */
  properties[PROP_STATUS_FILTER] =
    g_param_spec_string ("status-filter", NULL, NULL,
                         KAB_CLIENT_FILTER_ALL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether "all" includes archived clients; bound to the show-archived setting. */
  properties[PROP_SHOW_ARCHIVED] =
    g_param_spec_boolean ("show-archived", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KAB_TYPE_CLIENT_DETAILS);
  g_type_ensure (KAB_TYPE_JOURNAL_TO_SIGN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/clients/kab-clients-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KabClientsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KabClientsView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KabClientsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KabClientsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KabClientsView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, KabClientsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KabClientsView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, KabClientsView, add_button);
  gtk_widget_class_bind_template_child (widget_class, KabClientsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KabClientsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, KabClientsView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, KabClientsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, KabClientsView, details_bin);
  gtk_widget_class_bind_template_child (widget_class, KabClientsView, to_sign);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);

  kab_clients_view_class_init_actions (widget_class);
}

static void
kab_clients_view_init (KabClientsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_pane);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filter by Status"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Client"), -1);

  kab_clients_view_add_shortcuts (self);
}

/**
 * kab_clients_view_new:
 * @store: the open practice database
 *
 * Returns: (transfer floating): a new view showing @store
 */
GtkWidget *
kab_clients_view_new (KabStore *store)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  return g_object_new (KAB_TYPE_CLIENTS_VIEW,
                       "store", store,
                       NULL);
}

KabStore *
kab_clients_view_get_store (KabClientsView *self)
{
  g_return_val_if_fail (KAB_IS_CLIENTS_VIEW (self), NULL);

  return self->store;
}

const char *
kab_clients_view_get_status_filter (KabClientsView *self)
{
  g_return_val_if_fail (KAB_IS_CLIENTS_VIEW (self), KAB_CLIENT_FILTER_ALL);

  return self->filter != NULL ? kab_client_filter_get_status (self->filter) : KAB_CLIENT_FILTER_ALL;
}

/**
 * kab_clients_view_set_status_filter:
 * @status: (nullable): "all" (every client but the archived ones, unless
 *   #KabClientsView:show-archived) or a status nick such as "paused"
 */
void
kab_clients_view_set_status_filter (KabClientsView *self,
                                    const char     *status)
{
  g_return_if_fail (KAB_IS_CLIENTS_VIEW (self));

  if (self->filter == NULL || g_strcmp0 (status, kab_clients_view_get_status_filter (self)) == 0)
    return;

  kab_client_filter_set_status (self->filter, status);
  update_filter_button (self);
  update_list_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_FILTER]);
}

gboolean
kab_clients_view_get_show_archived (KabClientsView *self)
{
  g_return_val_if_fail (KAB_IS_CLIENTS_VIEW (self), FALSE);

  return self->filter != NULL && kab_client_filter_get_show_archived (self->filter);
}

void
kab_clients_view_set_show_archived (KabClientsView *self,
                                    gboolean        show_archived)
{
  g_return_if_fail (KAB_IS_CLIENTS_VIEW (self));

  if (self->filter == NULL || !!show_archived == kab_clients_view_get_show_archived (self))
    return;

  kab_client_filter_set_show_archived (self->filter, show_archived);
  update_list_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ARCHIVED]);
}

/**
 * kab_clients_view_get_model:
 *
 * Returns: (transfer none): the clients the list shows, filtered and sorted
 */
GListModel *
kab_clients_view_get_model (KabClientsView *self)
{
  g_return_val_if_fail (KAB_IS_CLIENTS_VIEW (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/**
 * kab_clients_view_get_client:
 *
 * Returns: (transfer none) (nullable): the client whose details are shown
 */
KabClient *
kab_clients_view_get_client (KabClientsView *self)
{
  g_return_val_if_fail (KAB_IS_CLIENTS_VIEW (self), NULL);

  return kab_clients_view_get_shown (self);
}

/* Selects @client_id in the list, clearing the search and the status filter when they
 * hide the client. */
gboolean
kab_clients_view_select (KabClientsView *self,
                         gint64          client_id)
{
  KabClient *client = kab_store_find_client (self->store, client_id);
  guint position;

  if (client == NULL)
    return FALSE;

  if (!gtk_filter_match (GTK_FILTER (self->filter), client))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      kab_client_filter_set_query (self->filter, "");
      kab_clients_view_set_status_filter (self, kab_client_get_status (client) == KAB_CLIENT_STATUS_ARCHIVED &&
                                                !kab_clients_view_get_show_archived (self)
                                                ? kab_client_status_to_nick (KAB_CLIENT_STATUS_ARCHIVED)
                                                : KAB_CLIENT_FILTER_ALL);
      update_list_state (self);
    }

  expand_list (self);
  position = find_position (self, client_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

/**
 * kab_clients_view_show_client:
 * @client_id: a client of the store
 *
 * Selects the client and shows their details (the view itself is not made visible:
 * see kab_window_show_view()).
 *
 * Returns: %FALSE when there is no such client
 */
gboolean
kab_clients_view_show_client (KabClientsView *self,
                              gint64          client_id)
{
  g_return_val_if_fail (KAB_IS_CLIENTS_VIEW (self), FALSE);

  if (!kab_clients_view_select (self, client_id))
    return FALSE;

  kab_clients_view_show_details (self);
  return TRUE;
}

/* On a narrow window, the details replace the list. */
void
kab_clients_view_show_details (KabClientsView *self)
{
  if (kab_clients_view_get_shown (self) != NULL)
    adw_leaflet_set_visible_child_name (self->leaflet, "details");
}

void
kab_clients_view_add_toast (KabClientsView *self,
                            AdwToast       *toast)
{
  /* Standing alone (in a test), the view shows toasts over its own overlay. */
  if (gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY) != NULL)
    kab_widget_add_toast (GTK_WIDGET (self), toast);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
