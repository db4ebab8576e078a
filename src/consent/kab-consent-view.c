/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-consent-view.c: the Consent view, one page of the main window */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kab-consent-row.h"
#include "kab-consent-templates.h"
#include "kab-consent-view-private.h"
#include "kab-to-sign-row.h"
#include "kab-style.h"
#include "kab-toast.h"

G_DEFINE_FINAL_TYPE (KabConsentView, kab_consent_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Toasts */

/**
 * kab_consent_view_add_toast:
 * @toast: (transfer full): what to say
 *
 * Shows @toast over the nearest toast overlay above the view (the main window's).
 */
void
kab_consent_view_add_toast (KabConsentView *self,
                            AdwToast       *toast)
{
  kab_widget_add_toast (GTK_WIDGET (self), toast);
}

/* A toast showing @text as it is: toast titles are otherwise read as markup, and a
 * client's name may hold a "&". */
void
kab_consent_view_toast (KabConsentView *self,
                        const char     *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  kab_consent_view_add_toast (self, adw_toast_new (markup));
}

/* To Sign */

static gboolean
needs_agreement (gpointer item,
                 gpointer user_data)
{
  KabClient *client = item;

  return kab_client_get_status (client) == KAB_CLIENT_STATUS_ACTIVE &&
         kab_client_get_next_session (client) != NULL &&
         kab_client_get_consent_state (client) != KAB_CONSENT_STATE_SIGNED;
}

/* The next session first: that is when the agreement is signed. */
static int
compare_next_session (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  GDateTime *x = kab_client_get_next_session ((KabClient *)a);
  GDateTime *y = kab_client_get_next_session ((KabClient *)b);

  if (x == NULL || y == NULL)
    return (x == NULL) - (y == NULL);

  return g_date_time_compare (x, y);
}

static void
on_to_sign_signed (KabConsentView *self,
                   GDateTime      *date,
                   KabToSignRow   *row)
{
  kab_consent_view_record_signature (self, kab_to_sign_row_get_client (row), date);
}

static GtkWidget *
create_to_sign_row (gpointer item,
                    gpointer user_data)
{
  KabConsentView *self = user_data;
  GtkWidget *row = kab_to_sign_row_new (KAB_CLIENT (item));

  g_signal_connect_object (row, "signed", G_CALLBACK (on_to_sign_signed), self, G_CONNECT_SWAPPED);
  return row;
}

static void
update_to_sign (KabConsentView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->to_sign_model));
  g_autofree char *title = NULL;
  const char *page;

  adw_view_stack_page_set_badge_number (self->to_sign_page, n);

  if (n > 0)
    page = "list";
  else if (g_list_model_get_n_items (kab_store_get_clients (self->store)) > 0)
    page = "done";
  else
    page = "no-clients";
  gtk_stack_set_visible_child_name (self->to_sign_stack, page);

  /* Translators: the heading of the To Sign page */
  title = g_strdup_printf (ngettext ("%u client needs a signed agreement",
                                     "%u clients need a signed agreement", n), n);
  gtk_label_set_label (self->to_sign_title, title);
}

static gboolean
refilter_idle (gpointer data)
{
  KabConsentView *self = data;

  self->refilter_id = 0;
  gtk_filter_changed (GTK_FILTER (self->to_sign_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->to_sign_sorter), GTK_SORTER_CHANGE_DIFFERENT);
  update_to_sign (self);

  return G_SOURCE_REMOVE;
}

/* A client's consent state or next session changed: the store says which in signals,
 * not in the list's items-changed, so the filter is run again (once for many changes). */
static void
queue_refilter (KabConsentView *self)
{
  if (self->refilter_id == 0)
    self->refilter_id = g_idle_add (refilter_idle, self);
}

static void
setup_to_sign (KabConsentView *self)
{
  GListModel *clients = kab_store_get_clients (self->store);

  self->to_sign_filter = gtk_custom_filter_new (needs_agreement, NULL, NULL);
  self->to_sign_filtered = gtk_filter_list_model_new (g_object_ref (clients),
                                                      GTK_FILTER (g_object_ref (self->to_sign_filter)));
  self->to_sign_sorter = gtk_custom_sorter_new (compare_next_session, NULL, NULL);
  self->to_sign_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->to_sign_filtered)),
                                                 GTK_SORTER (g_object_ref (self->to_sign_sorter)));

  gtk_list_box_bind_model (self->to_sign_list, G_LIST_MODEL (self->to_sign_model),
                           create_to_sign_row, self, NULL);
  g_signal_connect_object (self->to_sign_model, "items-changed",
                           G_CALLBACK (update_to_sign), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (clients, "items-changed",
                           G_CALLBACK (update_to_sign), self, G_CONNECT_SWAPPED);
  update_to_sign (self);
}

/* Agreements: the list of clients */

static void
on_search_changed (KabConsentView *self)
{
  if (self->search_filter != NULL)
    kab_client_filter_set_query (self->search_filter,
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter in the search field opens the first client found. */
static void
on_search_activate (KabConsentView *self)
{
  g_autoptr(KabClient) client = NULL;

  if (self->client_selection == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (self->client_selection)) == 0)
    return;

  client = g_list_model_get_item (G_LIST_MODEL (self->client_selection), 0);
  kab_consent_view_show_client (self, client);
}

static void
update_client_item (GtkListItem *item)
{
  KabClient *client = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *badge = gtk_widget_get_next_sibling (name);
  KabConsentState state = kab_client_get_consent_state (client);

  gtk_label_set_label (GTK_LABEL (name), kab_client_get_display_name (client));
  kab_consent_show_state (GTK_LABEL (badge), state);

  /* A client who came years ago, before agreements were kept here, needs no warning. */
  gtk_widget_set_visible (badge, state != KAB_CONSENT_STATE_MISSING ||
                                 kab_client_get_status (client) == KAB_CLIENT_STATUS_ACTIVE);
}

static void
setup_client_item (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_item_set_child (item, box);
}

static void
bind_client_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  KabClient *client = gtk_list_item_get_item (item);

  g_signal_connect_object (client, "notify::consent-state",
                           G_CALLBACK (update_client_item), item, G_CONNECT_SWAPPED);
  g_signal_connect_object (client, "notify::display-name",
                           G_CALLBACK (update_client_item), item, G_CONNECT_SWAPPED);
  g_signal_connect_object (client, "notify::status",
                           G_CALLBACK (update_client_item), item, G_CONNECT_SWAPPED);
  update_client_item (item);
}

static void
unbind_client_item (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  KabClient *client = gtk_list_item_get_item (item);

  g_signal_handlers_disconnect_by_func (client, update_client_item, item);
}

static void
on_client_selected (KabConsentView *self)
{
  KabClient *client = gtk_single_selection_get_selected_item (self->client_selection);

  if (client == NULL || client == self->client)
    return;

  kab_consent_view_show_client (self, client);
}

static void
on_client_activated (KabConsentView *self,
                     guint           position)
{
  g_autoptr(KabClient) client = g_list_model_get_item (G_LIST_MODEL (self->client_selection), position);

  kab_consent_view_show_client (self, client);
}

/* By family name, then given name, as the Clients view lists them. */
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

static GtkSorter *
new_name_sorter (void)
{
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();

  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_string_sorter_new (
    gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (family_sort_key), NULL, NULL))));
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_string_sorter_new (
    gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (given_sort_key), NULL, NULL))));
  return GTK_SORTER (sorter);
}

/* The sorted list of every client is made when the page is first shown, not at startup. */
static void
ensure_client_list (KabConsentView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkSortListModel *sorted;
  GtkFilterListModel *filtered;

  if (self->client_selection != NULL)
    return;

  sorted = gtk_sort_list_model_new (g_object_ref (kab_store_get_clients (self->store)),
                                    new_name_sorter ());
  self->search_filter = kab_client_filter_new ();
  kab_client_filter_set_show_archived (self->search_filter, TRUE);
  kab_client_filter_set_query (self->search_filter,
                               gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (sorted),
                                        GTK_FILTER (g_object_ref (self->search_filter)));
  self->client_selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->client_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->client_selection, TRUE);
  gtk_single_selection_set_selected (self->client_selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->client_selection, "notify::selected-item",
                           G_CALLBACK (on_client_selected), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_client_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_client_item), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_client_item), NULL);
  gtk_list_view_set_factory (self->client_list, factory);
  gtk_list_view_set_model (self->client_list, GTK_SELECTION_MODEL (self->client_selection));
}

static gboolean
scroll_idle (gpointer data)
{
  KabConsentView *self = data;
  guint position = gtk_single_selection_get_selected (self->client_selection);

  self->scroll_id = 0;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->client_list), "list.scroll-to-item", "u", position);

  return G_SOURCE_REMOVE;
}

static void
select_in_list (KabConsentView *self,
                KabClient      *client)
{
  GListModel *model = G_LIST_MODEL (self->client_selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabClient) item = g_list_model_get_item (model, i);

      if (item == client)
        {
          gtk_single_selection_set_selected (self->client_selection, i);
          /* Once the list has its size: a list shown for the first time has none yet. */
          if (self->scroll_id == 0)
            self->scroll_id = g_idle_add (scroll_idle, self);
          return;
        }
    }

  gtk_single_selection_set_selected (self->client_selection, GTK_INVALID_LIST_POSITION);
}

static void
on_folded_changed (KabConsentView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), adw_leaflet_get_folded (self->leaflet));
}

static void
on_back_clicked (KabConsentView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_pages_changed (KabConsentView *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->pages);

  if (g_strcmp0 (name, "agreements") == 0)
    ensure_client_list (self);
}

/* Agreements: the chosen client's agreements */

static void
on_history_date_chosen (KabConsentView *self,
                        int             which,
                        GDateTime      *date,
                        KabConsentRow  *row)
{
  kab_consent_view_record_date (self, kab_consent_row_get_consent (row), which, date);
}

static void
load_history (KabConsentView *self)
{
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *child;
  guint n;

  while ((child = gtk_list_box_get_row_at_index (self->history_list, 0)) != NULL)
    gtk_list_box_remove (self->history_list, GTK_WIDGET (child));
  g_clear_object (&self->history);

  if (self->client == NULL)
    return;

  self->history = kab_store_list_consents (self->store, kab_client_get_id (self->client), &error);
  if (self->history == NULL)
    {
      kab_consent_view_toast (self, error->message);
      return;
    }

  /* The newest agreement first: it is the one that counts. */
  n = g_list_model_get_n_items (self->history);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(KabConsent) consent = g_list_model_get_item (self->history, i - 1);
      GtkWidget *row = kab_consent_row_new (consent);

      g_signal_connect_object (row, "date-chosen", G_CALLBACK (on_history_date_chosen),
                               self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->history_list, row);
    }
}

static void
update_client_header (KabConsentView *self)
{
  if (self->client == NULL)
    return;

  gtk_label_set_label (self->client_name_label, kab_client_get_display_name (self->client));
  kab_consent_show_state (self->client_state_label, kab_client_get_consent_state (self->client));
}

/**
 * kab_consent_view_show_client:
 * @client: (nullable): the client whose agreements to show
 *
 * Shows @client's agreements on the Agreements page, and that page.
 */
void
kab_consent_view_show_client (KabConsentView *self,
                              KabClient      *client)
{
  g_return_if_fail (KAB_IS_CONSENT_VIEW (self));
  g_return_if_fail (client == NULL || KAB_IS_CLIENT (client));

  ensure_client_list (self);
  adw_view_stack_set_visible_child_name (self->pages, "agreements");

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, update_client_header, self);
  g_set_object (&self->client, client);

  select_in_list (self, client);
  gtk_stack_set_visible_child_name (self->client_stack, client != NULL ? "client" : "none");
  if (client == NULL)
    return;

  g_signal_connect_object (client, "notify::consent-state",
                           G_CALLBACK (update_client_header), self, G_CONNECT_SWAPPED);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->client_prepare_button),
                                          g_variant_new_int64 (kab_client_get_id (client)));
  update_client_header (self);
  load_history (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

KabClient *
kab_consent_view_get_client (KabConsentView *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT_VIEW (self), NULL);

  return self->client;
}

/**
 * kab_consent_view_find_consent:
 *
 * Returns: (transfer none) (nullable): the agreement @id among those shown
 */
KabConsent *
kab_consent_view_find_consent (KabConsentView *self,
                               gint64          id)
{
  guint n = self->history != NULL ? g_list_model_get_n_items (self->history) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabConsent) consent = g_list_model_get_item (self->history, i);

      if (kab_consent_get_id (consent) == id)
        return consent;
    }

  return NULL;
}

static gboolean
history_idle (gpointer data)
{
  KabConsentView *self = data;

  self->history_id = 0;
  load_history (self);

  return G_SOURCE_REMOVE;
}

/* Templates */

static char *
dup_template_subtitle (KabConsentTemplate *template)
{
  const char *language = kab_consent_language_name (kab_consent_template_get_language (template));
  int version = kab_consent_template_get_version (template);

  if (kab_consent_template_get_builtin (template))
    /* Translators: %1$s is a language, %2$d a version: "Swedish · shipped with Kabinett · version 2" */
    return g_strdup_printf (_("%1$s · shipped with Kabinett · version %2$d"), language, version);

  /* Translators: %1$s is a language, %2$d a version: "Swedish · your own · version 2" */
  return g_strdup_printf (_("%1$s · your own · version %2$d"), language, version);
}

static GtkWidget *
new_version_row (KabConsentView     *self,
                 KabConsentTemplate *template)
{
  GtkWidget *row = adw_action_row_new ();
  guint uses = kab_consent_view_count_uses (self, kab_consent_template_get_id (template));
  g_autofree char *title = g_strdup_printf (_("Version %d"), kab_consent_template_get_version (template));
  g_autofree char *day = NULL;
  g_autofree char *used = NULL;
  g_autofree char *subtitle = NULL;

  if (uses > 0)
    /* Translators: how many agreements were printed from a template version */
    used = g_strdup_printf (ngettext ("printed for %u agreement", "printed for %u agreements", uses), uses);
  else
    used = g_strdup (_("not printed yet"));

  if (kab_consent_template_get_created (template) != NULL)
    {
      day = kab_consent_format_day (kab_consent_template_get_created (template));
      /* Translators: %1$s is a day, %2$s e.g. "printed for 3 agreements" */
      subtitle = g_strdup_printf (_("Added %1$s · %2$s"), day, used);
    }
  else
    subtitle = g_strdup (used);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
new_template_button (const char         *label,
                     const char         *tooltip,
                     const char         *action,
                     KabConsentTemplate *template)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (kab_consent_template_get_id (template)));
  return button;
}

static GtkWidget *
new_template_row (KabConsentView     *self,
                  KabConsentTemplate *latest)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *subtitle = dup_template_subtitle (latest);
  const char *key = kab_consent_template_get_key (latest);
  guint n = g_list_model_get_n_items (self->templates);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kab_consent_template_get_title (latest));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  if (!kab_consent_template_get_builtin (latest))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                 new_template_button (_("_Edit…"), _("Change the text of this template"),
                                                      "consent.edit-template", latest));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               new_template_button (_("_Copy…"), _("Make a template of your own from this one"),
                                                    "consent.copy-template", latest));

  /* Every version, the newest first: agreements name the version they were printed from. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(KabConsentTemplate) template = g_list_model_get_item (self->templates, i - 1);

      if (g_strcmp0 (kab_consent_template_get_key (template), key) == 0)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), new_version_row (self, template));
    }

  return row;
}

static void
load_templates (KabConsentView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) latest = NULL;
  GtkListBoxRow *child;
  guint n;

  while ((child = gtk_list_box_get_row_at_index (self->templates_list, 0)) != NULL)
    gtk_list_box_remove (self->templates_list, GTK_WIDGET (child));
  g_clear_object (&self->templates);
  g_clear_pointer (&self->template_uses, g_hash_table_unref);

  self->templates = kab_store_list_consent_templates (self->store, &error);
  if (self->templates != NULL)
    self->template_uses = kab_store_count_template_uses (self->store, &error);
  if (self->templates == NULL || self->template_uses == NULL)
    {
      adw_preferences_group_set_description (self->templates_group, error->message);
      return;
    }

  latest = kab_consent_latest_templates (self->templates);
  n = g_list_model_get_n_items (latest);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabConsentTemplate) template = g_list_model_get_item (latest, i);

      gtk_list_box_append (self->templates_list, new_template_row (self, template));
    }
}

static gboolean
templates_idle (gpointer data)
{
  KabConsentView *self = data;

  self->templates_id = 0;
  load_templates (self);

  return G_SOURCE_REMOVE;
}

/**
 * kab_consent_view_find_template:
 *
 * Returns: (transfer none) (nullable): the template version @id
 */
KabConsentTemplate *
kab_consent_view_find_template (KabConsentView *self,
                                gint64          id)
{
  guint n = self->templates != NULL ? g_list_model_get_n_items (self->templates) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabConsentTemplate) template = g_list_model_get_item (self->templates, i);

      if (kab_consent_template_get_id (template) == id)
        return template;
    }

  return NULL;
}

guint
kab_consent_view_count_uses (KabConsentView *self,
                             gint64          template_id)
{
  if (self->template_uses == NULL)
    return 0;

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->template_uses, &template_id));
}

/* The store */

static void
on_consents_changed (KabConsentView *self,
                     gint64          client_id)
{
  queue_refilter (self);

  if (self->client != NULL && (client_id == 0 || client_id == kab_client_get_id (self->client)) &&
      self->history_id == 0)
    self->history_id = g_idle_add (history_idle, self);

  /* Templates changed, or how many agreements use them. */
  if (self->templates_id == 0)
    self->templates_id = g_idle_add (templates_idle, self);
}

static void
seed_templates (KabConsentView *self)
{
  g_autoptr(GError) error = NULL;

  if (!kab_consent_ensure_builtin_templates (self->store, &error))
    g_warning ("The agreements shipped with Kabinett could not be added: %s", error->message);
}

/* The object */

static void
kab_consent_view_constructed (GObject *object)
{
  KabConsentView *self = KAB_CONSENT_VIEW (object);

  G_OBJECT_CLASS (kab_consent_view_parent_class)->constructed (object);

  g_return_if_fail (KAB_IS_STORE (self->store));

  seed_templates (self);
  setup_to_sign (self);
  load_templates (self);

  g_signal_connect_object (self->store, "consents-changed",
                           G_CALLBACK (on_consents_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "sessions-changed",
                           G_CALLBACK (queue_refilter), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pages, "notify::visible-child-name",
                           G_CALLBACK (on_pages_changed), self, G_CONNECT_SWAPPED);
  on_pages_changed (self);
}

static void
kab_consent_view_dispose (GObject *object)
{
  KabConsentView *self = KAB_CONSENT_VIEW (object);

  g_clear_handle_id (&self->refilter_id, g_source_remove);
  g_clear_handle_id (&self->history_id, g_source_remove);
  g_clear_handle_id (&self->templates_id, g_source_remove);
  g_clear_handle_id (&self->scroll_id, g_source_remove);

  if (self->to_sign_list != NULL)
    gtk_list_box_bind_model (self->to_sign_list, NULL, NULL, NULL, NULL);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, update_client_header, self);

  /* AdwBin unparents its child itself; the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_CONSENT_VIEW);

  g_clear_object (&self->to_sign_model);
  g_clear_object (&self->to_sign_sorter);
  g_clear_object (&self->to_sign_filtered);
  g_clear_object (&self->to_sign_filter);
  g_clear_object (&self->client_selection);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->client);
  g_clear_object (&self->history);
  g_clear_object (&self->templates);
  g_clear_pointer (&self->template_uses, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_consent_view_parent_class)->dispose (object);
}

static void
kab_consent_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KabConsentView *self = KAB_CONSENT_VIEW (object);

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
kab_consent_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KabConsentView *self = KAB_CONSENT_VIEW (object);

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
kab_consent_view_class_init (KabConsentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kab_consent_view_constructed;
  object_class->dispose = kab_consent_view_dispose;
  object_class->get_property = kab_consent_view_get_property;
  object_class->set_property = kab_consent_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KAB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/kabinett/Kabinett/consent/kab-consent-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, prepare_button);
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, pages);
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, to_sign_page);
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, to_sign_stack);
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, to_sign_title);
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, to_sign_list);
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, client_list);
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, client_stack);
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, back_button);
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, client_name_label);
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, client_state_label);
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, client_prepare_button);
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, history_group);
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, history_list);
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, templates_group);
  gtk_widget_class_bind_template_child (widget_class, KabConsentView, templates_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_client_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  kab_consent_view_class_init_actions (widget_class);
}

static void
kab_consent_view_init (KabConsentView *self)
{
  kab_style_ensure ("/org/kabinett/Kabinett/consent/kab-consent.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  kab_consent_view_init_shortcuts (self);
}

/**
 * kab_consent_view_new:
 * @store: the open practice database
 *
 * Returns: (transfer floating): a new view showing @store
 */
GtkWidget *
kab_consent_view_new (KabStore *store)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  return g_object_new (KAB_TYPE_CONSENT_VIEW,
                       "store", store,
                       NULL);
}

KabStore *
kab_consent_view_get_store (KabConsentView *self)
{
  g_return_val_if_fail (KAB_IS_CONSENT_VIEW (self), NULL);

  return self->store;
}
