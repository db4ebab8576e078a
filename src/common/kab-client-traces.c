/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-traces.c: where a client is still found outside the practice (backups, the
 * desktop's list of recent files), and erasing them there too */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-client-traces.h"
#include "kab-text.h"

/**
 * kab_client_traces_describe_backups:
 * @out_n_backups: (out): how many backups hold the client
 *
 * Returns: (transfer full): a paragraph naming each backup that still holds the client,
 *   today's included, or "" when none does
 */
char *
kab_client_traces_describe_backups (KabStore  *store,
                                    gint64     client_id,
                                    GDateTime *created,
                                    guint     *out_n_backups)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  GString *text;

  *out_n_backups = 0;
  found = kab_store_find_client_in_backups (kab_store_get_path (store), client_id, created,
                                            &error);
  if (found == NULL)
    return g_strdup (error->message);

  if (found->len == 0)
    return g_strdup (_("No backup holds them."));

  *out_n_backups = found->len;
  text = g_string_new (ngettext ("This backup still holds them:",
                                 "These backups still hold them:", found->len));
  for (guint i = 0; i < found->len; i++)
    {
      g_autofree char *name = g_filename_display_basename (found->pdata[i]);

      g_string_append_printf (text, "\n• %s", name);
    }

  return g_string_free (text, FALSE);
}

/**
 * kab_client_traces_forget_recent:
 * @name: the client's name as shown
 *
 * Removes from the desktop's list of recently used files (recently-used.xbel) every
 * entry whose name or location names the client, such as an exported record.
 *
 * Returns: how many entries were removed
 */
guint
kab_client_traces_forget_recent (const char *name)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  g_autofree char *folded = g_utf8_casefold (name, -1);
  guint n = 0;

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autofree char *unescaped = g_uri_unescape_string (uri, NULL);
      g_autofree char *uri_folded = g_utf8_casefold (unescaped != NULL ? unescaped : uri, -1);
      g_autofree char *display_folded = g_utf8_casefold (gtk_recent_info_get_display_name (info), -1);

      if ((strstr (uri_folded, folded) != NULL || strstr (display_folded, folded) != NULL)
          && gtk_recent_manager_remove_item (manager, uri, NULL))
        n++;
    }

  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
  return n;
}

/**
 * kab_client_traces_erase:
 * @from_backups: also rewrite every backup without the client
 *
 * After the client was erased from the practice: their entries in the list of recent
 * files go, and with @from_backups every backup that holds them is rewritten.
 *
 * Returns: (transfer full): what to tell the user
 */
char *
kab_client_traces_erase (KabStore   *store,
                         gint64      client_id,
                         GDateTime  *created,
                         const char *name,
                         gboolean    from_backups)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *isolated = kab_isolate (name);
  guint n = 0;

  kab_client_traces_forget_recent (name);

  if (!from_backups)
    /* Translators: %s is the client's name */
    return g_strdup_printf (_("All records of %s were erased."), isolated);

  if (!kab_store_erase_client_from_backups (kab_store_get_path (store), client_id, created,
                                            &n, &error))
    /* Translators: %s is the client's name, then the reason */
    return g_strdup_printf (_("All records of %s were erased from the practice, but not from "
                              "every backup: %s"), isolated, error->message);

  /* Translators: %1$s is the client's name, %2$u a number of backups */
  return g_strdup_printf (ngettext ("All records of %1$s were erased, and from %2$u backup.",
                                    "All records of %1$s were erased, and from %2$u backups.", n),
                          isolated, n);
}

static gboolean
forget_uri_later (gpointer data)
{
  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), data, NULL);
  return G_SOURCE_REMOVE;
}

/**
 * kab_client_traces_forget_file:
 * @path: (type filename): a file Kabinett just saved through a file dialog
 *
 * A client's document must not appear among the desktop's recent files, where anyone at
 * the computer would see the client's name: GTK 4.8's file dialog adds every file it
 * saves, so the entry is removed again, at once and once the dialog is gone.
 */
void
kab_client_traces_forget_file (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  if (uri == NULL)
    return;

  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);
  g_idle_add_full (G_PRIORITY_LOW, forget_uri_later, g_steal_pointer (&uri), g_free);
}
