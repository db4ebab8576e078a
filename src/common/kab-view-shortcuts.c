/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-view-shortcuts.c: keyboard shortcuts that belong to one view of the window */

#include "config.h"

#include "kab-view-shortcuts.h"

static gboolean
focus_is_text (GtkWidget *view)
{
  GtkRoot *root = gtk_widget_get_root (view);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus));
}

static gboolean
shortcut_activated (GtkWidget *view,
                    GVariant  *args,
                    gpointer   user_data)
{
  const KabViewShortcut *shortcut = user_data;

  if (!gtk_widget_get_mapped (view))
    return FALSE;

  /* A key without modifiers is typing while a text field has the focus. */
  if (shortcut->accelerator[0] != '<' && focus_is_text (view))
    return FALSE;

  return gtk_widget_activate_action (view, shortcut->action, NULL);
}

/**
 * kab_view_add_shortcuts:
 * @view: one of the window's views
 * @shortcuts: (array length=n_shortcuts): the view's shortcuts; static, they are used
 *   for as long as @view lives
 *
 * The shortcuts work from anywhere in the window, but only while @view is shown: Ctrl+N
 * is "new client" in the Clients view and "new session" in the Calendar.
 */
void
kab_view_add_shortcuts (GtkWidget             *view,
                        const KabViewShortcut *shortcuts,
                        gsize                  n_shortcuts)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);

  for (gsize i = 0; i < n_shortcuts; i++)
    {
      GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (shortcuts[i].accelerator);
      GtkShortcutAction *action = gtk_callback_action_new (shortcut_activated,
                                                           (gpointer)&shortcuts[i], NULL);

      g_assert (trigger != NULL);
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger, action));
    }

  gtk_widget_add_controller (view, controller);
}
