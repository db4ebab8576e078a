/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-saved-after-all.c: at start, what a save reported as failed left in the practice */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-saved-after-all.h"

/* Where the user checks the row: the view that lists it, through win.open-in-view. */
static GVariant *
open_target (const char *kind,
             gint64      client_id,
             gint64      time)
{
  if (g_str_equal (kind, "payment") || g_str_equal (kind, "charge"))
    return g_variant_new ("(ssx)", "payments", "payments.show-client", client_id);
  if (g_str_equal (kind, "session"))
    return g_variant_new ("(ssx)", "calendar", "calendar.show-week", time);

  return g_variant_new ("(ssx)", "clients", "clients.show-client", client_id);
}

/**
 * kab_saved_after_all_tell:
 *
 * A save that Kabinett reported as failed (or that was cut off) and that is in the
 * practice all the same is said at the next start, one toast each, until it is read:
 * told it failed, the user would otherwise enter it again, twice in the ledger.
 */
void
kab_saved_after_all_tell (KabWindow *window,
                          KabStore  *store)
{
  g_autoptr(GVariant) found = NULL;
  GVariantIter iter;
  const char *kind, *message;
  gint64 client_id, time;

  if (store == NULL || (found = kab_store_take_saved_after_all (store)) == NULL)
    return;

  g_variant_iter_init (&iter, found);
  while (g_variant_iter_next (&iter, "(&s&sxx)", &kind, &message, &client_id, &time))
    {
      g_autofree char *title = g_markup_escape_text (message, -1);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.open-in-view");
      adw_toast_set_action_target_value (toast, open_target (kind, client_id, time));
      kab_window_add_toast (window, toast);
    }
}
