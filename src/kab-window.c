/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-window.c: the main window, hosting the four views of the practice */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-window.h"

#include "calendar/kab-calendar-view.h"
#include "clients/kab-clients-view.h"
#include "consent/kab-consent-view.h"
#include "payments/kab-payments-view.h"
#include "kab-welcome-page.h"

struct _KabWindow
{
  AdwApplicationWindow  parent_instance;

  KabStore             *store;
  GSettings            *settings;

  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *primary_menu_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *content_stack;
  AdwViewStack         *view_stack;
  AdwStatusPage        *error_page;
  AdwBin               *welcome_bin;
  GtkButton            *quit_button;
  GtkButton            *restore_button;
};

G_DEFINE_FINAL_TYPE (KabWindow, kab_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char  *name;
  const char  *title;
  const char  *icon_name;
  GtkWidget *(*create) (KabStore *store);
} KabViewInfo;

/* The order is the order of the view switcher and of the <Alt>1…4 accelerators. */
static const KabViewInfo view_infos[] = {
  /* Translators: the view listing the people the psychologist works with */
  { "clients", N_("Clients"), "kab-clients-symbolic", kab_clients_view_new },
  /* Translators: the view with the week and month of planned sessions */
  { "calendar", N_("Calendar"), "kab-calendar-symbolic", kab_calendar_view_new },
  /* Translators: the view with charges, payments and balances */
  { "payments", N_("Payments"), "kab-payments-symbolic", kab_payments_view_new },
  /* Translators: the view with the clients' therapy agreements (informed consent) */
  { "consent", N_("Consent"), "kab-consent-symbolic", kab_consent_view_new },
};

static gboolean
is_view_name (const char *name)
{
  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (view_infos); i++)
    {
      if (g_str_equal (name, view_infos[i].name))
        return TRUE;
    }

  return FALSE;
}

/* The schema is looked up rather than assumed: a build run without its compiled schema
 * should lose the remembered window size, not abort. */
static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; "
                 "the window size and the last view will not be remembered.", APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
show_view_change_state (GSimpleAction *action,
                        GVariant      *value,
                        gpointer       user_data)
{
  KabWindow *self = KAB_WINDOW (user_data);
  const char *name = g_variant_get_string (value, NULL);

  /* The target may come from outside the program (D-Bus), so an unknown name is ignored. */
  if (!is_view_name (name) || self->store == NULL)
    return;

  kab_window_show_view (self, name);
}

/* ("payments", "payments.record-for", client): shows a view and runs one of its actions
 * on a client, so that a view can open another view's place without knowing it. */
static void
open_in_view_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  KabWindow *self = KAB_WINDOW (user_data);
  const char *name, *view_action;
  gint64 client_id;
  GtkWidget *bin;

  g_variant_get (parameter, "(&s&sx)", &name, &view_action, &client_id);
  if (!is_view_name (name) || self->store == NULL || !g_str_has_prefix (view_action, name))
    return;

  kab_window_show_view (self, name);
  bin = adw_view_stack_get_child_by_name (self->view_stack, name);
  if (ADW_IS_BIN (bin) && adw_bin_get_child (ADW_BIN (bin)) != NULL)
    gtk_widget_activate_action (adw_bin_get_child (ADW_BIN (bin)), view_action, "x", client_id);
}

static const GActionEntry win_entries[] = {
  { "show-view", NULL, "s", "'clients'", show_view_change_state },
  { "open-in-view", open_in_view_activated, "(ssx)", NULL, NULL },
};

/* A view is built the first time it is shown: the first frame then carries one view,
 * not four (measured with build-aux/bench: about 2.4× a bare window instead of 5.5×). */
static void
ensure_view (KabWindow  *self,
             const char *name)
{
  GtkWidget *bin;

  if (name == NULL || self->store == NULL)
    return;

  bin = adw_view_stack_get_child_by_name (self->view_stack, name);
  if (!ADW_IS_BIN (bin) || adw_bin_get_child (ADW_BIN (bin)) != NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (view_infos); i++)
    {
      if (g_str_equal (view_infos[i].name, name))
        adw_bin_set_child (ADW_BIN (bin), view_infos[i].create (self->store));
    }
}

static void
on_visible_view_changed (KabWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-view");

  ensure_view (self, name);

  if (name != NULL && action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (name));
}

/* The bottom switcher shows only in a narrow window: it gets its buttons when the
 * window first becomes narrow with the views shown, not at every start. */
static void
on_title_visible_changed (KabWindow *self)
{
  if (!adw_view_switcher_title_get_title_visible (self->switcher_title)
      || !adw_view_switcher_title_get_view_switcher_enabled (self->switcher_title)
      || adw_view_switcher_bar_get_stack (self->switcher_bar) != NULL)
    return;

  adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
}

/* The views' places, empty: the first one added becomes the visible child, and would be
 * built at once although the window then shows the view it showed last (the Clients
 * view and its 2,000 rows built for nothing at every start on the Calendar). The view
 * to show is built by restore_window_state(), or by kab_window_constructed().
 *
 * The switchers get the stack once its pages are in: libadwaita 1.2's switcher builds
 * all of its buttons again at each page added (30 buttons made for 8 kept). */
static void
add_views (KabWindow *self)
{
  g_signal_handlers_block_by_func (self->view_stack, on_visible_view_changed, self);
  for (guint i = 0; i < G_N_ELEMENTS (view_infos); i++)
    {
      const KabViewInfo *info = &view_infos[i];
      AdwViewStackPage *page;

      page = adw_view_stack_add_titled (self->view_stack,
                                        adw_bin_new (),
                                        info->name,
                                        _(info->title));
      adw_view_stack_page_set_icon_name (page, info->icon_name);
    }
  g_signal_handlers_unblock_by_func (self->view_stack, on_visible_view_changed, self);

  adw_view_switcher_title_set_stack (self->switcher_title, self->view_stack);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (on_title_visible_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::view-switcher-enabled",
                           G_CALLBACK (on_title_visible_changed), self, G_CONNECT_SWAPPED);
  on_title_visible_changed (self);
}

static void
restore_window_state (KabWindow *self)
{
  g_autofree char *last_view = NULL;

  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (360, g_settings_get_int (self->settings, "window-width")),
                               MAX (360, g_settings_get_int (self->settings, "window-height")));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_view = g_settings_get_string (self->settings, "last-view");
  if (self->store != NULL && is_view_name (last_view))
    kab_window_show_view (self, last_view);
}

static void
save_window_state (KabWindow *self)
{
  const char *view = kab_window_get_visible_view (self);
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width;
  int height;

  if (self->settings == NULL)
    return;

  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* A maximized window keeps the size it will return to as its default size. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  if (view != NULL)
    g_settings_set_string (self->settings, "last-view", view);
}

/* The first start (kab-welcome-page.c has the rule): the welcome page stands in for the
 * views until the user starts or skips; showing a view (Alt+1…4) also skips it. */
static void
leave_welcome (KabWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "welcome") != 0)
    return;

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), TRUE);
  gtk_stack_set_visible_child_name (self->content_stack, "views");
  adw_bin_set_child (self->welcome_bin, NULL);
}

static void
on_welcome_done (KabWindow *self)
{
  leave_welcome (self);
  kab_window_show_view (self, "calendar");
}

static void
show_welcome (KabWindow *self)
{
  GtkWidget *page = kab_welcome_page_new (self->store);

  g_signal_connect_object (page, "done", G_CALLBACK (on_welcome_done), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->welcome_bin, page);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), FALSE);
  gtk_stack_set_visible_child_name (self->content_stack, "welcome");
}

static gboolean
kab_window_close_request (GtkWindow *window)
{
  GtkWidget *clients = adw_view_stack_get_child_by_name (KAB_WINDOW (window)->view_stack, "clients");

  /* Notes that cannot be saved: the Clients view asks before they are lost. */
  if (ADW_IS_BIN (clients) && adw_bin_get_child (ADW_BIN (clients)) != NULL &&
      !kab_clients_view_may_close (KAB_CLIENTS_VIEW (adw_bin_get_child (ADW_BIN (clients))), window))
    return TRUE;

  save_window_state (KAB_WINDOW (window));

  return GTK_WINDOW_CLASS (kab_window_parent_class)->close_request (window);
}

static void
kab_window_constructed (GObject *object)
{
  KabWindow *self = KAB_WINDOW (object);

  G_OBJECT_CLASS (kab_window_parent_class)->constructed (object);

  if (self->store != NULL)
    add_views (self);
  else
    kab_window_show_error (self, NULL, NULL);

  restore_window_state (self);
  on_visible_view_changed (self);

  if (self->store != NULL && kab_welcome_page_is_wanted (self->store))
    show_welcome (self);
}

static void
kab_window_dispose (GObject *object)
{
  KabWindow *self = KAB_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_window_parent_class)->dispose (object);
}

static void
kab_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KabWindow *self = KAB_WINDOW (object);

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
kab_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KabWindow *self = KAB_WINDOW (object);

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
kab_window_class_init (KabWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = kab_window_constructed;
  object_class->dispose = kab_window_dispose;
  object_class->get_property = kab_window_get_property;
  object_class->set_property = kab_window_set_property;

  window_class->close_request = kab_window_close_request;

  /**
   * KabWindow:store: (nullable)
   *
   * The open practice database, or %NULL when it could not be opened: the window then
   * shows kab_window_show_error()'s page instead of the views.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KAB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/kab-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KabWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KabWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, KabWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, KabWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KabWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KabWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KabWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, KabWindow, welcome_bin);
  gtk_widget_class_bind_template_child (widget_class, KabWindow, quit_button);
  gtk_widget_class_bind_template_child (widget_class, KabWindow, restore_button);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_view_changed);
}

static void
kab_window_init (KabWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   win_entries,
                                   G_N_ELEMENTS (win_entries),
                                   self);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = new_settings ();
}

/**
 * kab_window_new:
 * @application: the application the window belongs to
 * @store: (nullable): the open practice database, or %NULL to show an error page
 *
 * Returns: (transfer none): a new window, owned by its toplevel list
 */
KabWindow *
kab_window_new (KabApplication *application,
                KabStore       *store)
{
  g_return_val_if_fail (KAB_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || KAB_IS_STORE (store), NULL);

  return g_object_new (KAB_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/**
 * kab_window_get_store:
 *
 * Returns: (transfer none) (nullable): the practice database, %NULL on the error page
 */
KabStore *
kab_window_get_store (KabWindow *self)
{
  g_return_val_if_fail (KAB_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * kab_window_add_toast:
 * @toast: (transfer full): the toast to show over the views
 */
void
kab_window_add_toast (KabWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (KAB_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * kab_window_show_view:
 * @name: "clients", "calendar", "payments" or "consent"
 */
void
kab_window_show_view (KabWindow  *self,
                      const char *name)
{
  g_return_if_fail (KAB_IS_WINDOW (self));
  g_return_if_fail (is_view_name (name));

  if (self->store == NULL)
    return;

  leave_welcome (self);
  ensure_view (self, name);
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * kab_window_activate_view_action:
 * @view: the name of a view ("clients", "calendar", "payments", "consent")
 * @action: an action the view installs, such as "clients.new"
 *
 * Shows @view and activates one of its actions: what the desktop file's actions and
 * their command-line options ask of the running Kabinett.
 */
void
kab_window_activate_view_action (KabWindow  *self,
                                 const char *view,
                                 const char *action)
{
  GtkWidget *bin;

  g_return_if_fail (KAB_IS_WINDOW (self));
  g_return_if_fail (is_view_name (view));

  if (self->store == NULL)
    return;

  kab_window_show_view (self, view);
  bin = adw_view_stack_get_child_by_name (self->view_stack, view);
  if (ADW_IS_BIN (bin) && adw_bin_get_child (ADW_BIN (bin)) != NULL)
    gtk_widget_activate_action (adw_bin_get_child (ADW_BIN (bin)), action, NULL);
}

/**
 * kab_window_get_visible_view:
 *
 * Returns: (nullable): the name of the visible view, %NULL while the error page is shown
 */
const char *
kab_window_get_visible_view (KabWindow *self)
{
  g_return_val_if_fail (KAB_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "views") != 0)
    return NULL;

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

static char *
format_error_description (const GError *error,
                          const char   *path)
{
  g_autofree char *message = NULL;
  g_autofree char *display_path = NULL;
  GString *description;

  message = g_markup_escape_text (error != NULL ? error->message
                                                : _("The practice database is not available."),
                                  -1);
  description = g_string_new (message);

  if (path != NULL)
    {
      g_autofree char *name = g_filename_display_name (path);

      display_path = g_markup_escape_text (name, -1);
      g_string_append_printf (description, "\n\n<tt>%s</tt>", display_path);
    }

  return g_string_free (description, FALSE);
}

/**
 * kab_window_show_error:
 * @error: (nullable): why the practice database could not be opened
 * @path: (nullable) (type filename): the database file concerned
 *
 * Replaces the views by a page telling the user what went wrong with which file, with a
 * button to quit.
 */
void
kab_window_show_error (KabWindow    *self,
                       const GError *error,
                       const char   *path)
{
  g_autofree char *description = NULL;
  GAction *show_view;

  g_return_if_fail (KAB_IS_WINDOW (self));

  description = format_error_description (error, path);
  adw_status_page_set_description (self->error_page, description);

  /* A backup helps a damaged file or one from a newer Kabinett, not a locked or
   * unwritable one. */
  gtk_widget_set_visible (GTK_WIDGET (self->restore_button),
                          g_error_matches (error, KAB_STORE_ERROR, KAB_STORE_ERROR_CORRUPT)
                          || g_error_matches (error, KAB_STORE_ERROR, KAB_STORE_ERROR_TOO_NEW));

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->primary_menu_button), FALSE);

  show_view = g_action_map_lookup_action (G_ACTION_MAP (self), "show-view");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (show_view), FALSE);

  gtk_stack_set_visible_child_name (self->content_stack, "error");
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->quit_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->quit_button));
}
