/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-sessions-window.c: every session of one client, the past first */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-client-sessions-window.h"
#include "kab-clients-private.h"
#include "kab-enums.h"
#include "kab-session.h"
#include "kab-text.h"

struct _KabClientSessionsWindow
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkListView    *list_view;
};

G_DEFINE_FINAL_TYPE (KabClientSessionsWindow, kab_client_sessions_window, ADW_TYPE_WINDOW)

/* What happened first, the last session on top, going back in time; then what is
 * planned, the next session first. A weekly series written half a year ahead no longer
 * pushes the history out of sight. */
static int
compare_past_first (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  GDateTime *now = user_data;
  GDateTime *x = kab_session_get_start ((KabSession *)a);
  GDateTime *y = kab_session_get_start ((KabSession *)b);
  gboolean x_past = g_date_time_compare (x, now) < 0;
  gboolean y_past = g_date_time_compare (y, now) < 0;

  if (x_past != y_past)
    return x_past ? -1 : 1;

  return x_past ? g_date_time_compare (y, x) : g_date_time_compare (x, y);
}

static void
on_setup_item (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *when = gtk_label_new (NULL);
  GtkWidget *kind = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (when), 0);
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), when);
  gtk_box_append (GTK_BOX (text), kind);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), status);

  g_object_set_data (G_OBJECT (box), "when", when);
  g_object_set_data (G_OBJECT (box), "kind", kind);
  g_object_set_data (G_OBJECT (box), "status", status);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
on_bind_item (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  KabSession *session = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *when = kab_clients_format_when (kab_session_get_start (session));
  g_autofree char *kind = NULL;
  GtkWidget *status = g_object_get_data (G_OBJECT (box), "status");

  /* Translators: a session's kind and length: "Psychotherapy · 50 min" */
  kind = g_strdup_printf (_("%s · %d min"),
                          kab_session_kind_to_label (kab_session_get_kind (session)),
                          kab_session_get_duration (session));
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "when"), when);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "kind"), kind);
  gtk_label_set_label (GTK_LABEL (status),
                       kab_session_status_to_label (kab_session_get_status (session)));
  if (kab_session_get_status (session) == KAB_SESSION_STATUS_PLANNED)
    gtk_widget_add_css_class (status, "accent");
  else
    gtk_widget_remove_css_class (status, "accent");
}

static void
kab_client_sessions_window_class_init (KabClientSessionsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/clients/kab-client-sessions-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KabClientSessionsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KabClientSessionsWindow, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_item);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_item);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kab_client_sessions_window_init (KabClientSessionsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kab_client_sessions_window_new:
 * @client: whose sessions these are (for the title)
 * @sessions: the sessions, in any order
 *
 * Returns: (transfer none): a new window, owned by GTK's list of windows
 */
GtkWidget *
kab_client_sessions_window_new (KabClient  *client,
                                GListModel *sessions)
{
  KabClientSessionsWindow *self;
  GtkSorter *sorter;
  GtkSortListModel *sorted;
  GtkNoSelection *selection;
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;
  guint n = g_list_model_get_n_items (sessions);

  g_return_val_if_fail (KAB_IS_CLIENT (client), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (sessions), NULL);

  self = g_object_new (KAB_TYPE_CLIENT_SESSIONS_WINDOW, NULL);

  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_past_first, g_date_time_new_now_utc (),
                                              (GDestroyNotify) g_date_time_unref));
  sorted = gtk_sort_list_model_new (g_object_ref (sessions), sorter);
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  name = kab_isolate (kab_client_get_display_name (client));
  /* Translators: under the title "Sessions": "Anna Karlsson, 120 sessions" */
  subtitle = g_strdup_printf (ngettext ("%s, %u session", "%s, %u sessions", n), name, n);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), kab_client_get_display_name (client));

  return GTK_WIDGET (self);
}
