/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-details.c: one client's details, edited in place */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-client-details.h"
#include "kab-client-documents.h"
#include "kab-client-sessions-window.h"
#include "kab-clients-private.h"
#include "kab-enums.h"
#include "kab-money.h"
#include "kab-consent-row.h"
#include "kab-model-error.h"
#include "kab-text-limit.h"
#include "journal/kab-journal-editor.h"
#include "journal/kab-journal-window.h"
#include "kab-text.h"

/* How many sessions and payments the pane shows; "Show All" opens the rest. */
#define N_UPCOMING_SESSIONS 3
#define N_PAST_SESSIONS     5
#define N_PAYMENTS          5

/* Notes are saved this long after the last keystroke. */
#define NOTES_SAVE_DELAY_MS 1000

struct _KabClientDetails
{
  AdwBin          parent_instance;

  KabStore       *store;
  KabClient      *client;
  KabClient      *shown;           /* a copy of the client as the rows last showed it */
  GListModel     *sessions;        /* all of the client's sessions, oldest first */
  gboolean        show_back_button;
  gboolean        updating;        /* the widgets are being filled, not edited */
  guint           notes_timeout_id;
  guint           reload_id;

  GtkButton      *back_button;
  GtkLabel       *title_label;
  GtkButton      *archive_button;
  GtkButton      *unarchive_button;
  GtkMenuButton  *menu_button;
  GtkButton      *journal_button;
  GtkStack       *stack;
  GtkScrolledWindow *scroller;
  AdwAvatar      *avatar;
  GtkLabel       *name_label;
  GtkLabel       *summary_label;
  GtkLabel       *status_badge;
  GtkLabel       *consent_badge;
  GtkLabel       *next_session_label;
  GtkLabel       *balance_label;

  AdwEntryRow    *phone_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *address_row;
  AdwEntryRow    *emergency_row;
  GtkLabel       *contact_error_label;
  AdwEntryRow    *given_name_row;
  AdwEntryRow    *family_name_row;
  AdwEntryRow    *identity_row;
  AdwEntryRow    *birth_row;
  GtkMenuButton  *birth_button;
  GtkPopover     *birth_popover;
  GtkCalendar    *birth_calendar;
  GtkLabel       *personal_error_label;
  AdwComboRow    *status_row;
  AdwComboRow    *service_row;
  AdwComboRow    *plan_row;
  AdwEntryRow    *fee_row;
  GtkLabel       *currency_label;
  AdwActionRow   *package_row;
  GtkSpinButton  *package_spin;
  GtkLabel       *plan_error_label;

  AdwPreferencesGroup *sessions_group;
  GtkButton      *all_sessions_button;
  GtkListBox     *sessions_list;
  AdwPreferencesGroup *payments_group;
  GtkListBox     *payments_list;
  AdwPreferencesGroup *consent_group;
  GtkListBox     *consents_list;
  GtkTextView    *notes_view;
  GtkLabel       *notes_error_label;
};

G_DEFINE_FINAL_TYPE (KabClientDetails, kab_client_details, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLIENT,
  PROP_SHOW_BACK_BUTTON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
row_property (gpointer row)
{
  return g_object_get_data (G_OBJECT (row), "kab-property");
}

static GtkLabel *
row_error_label (gpointer row)
{
  return g_object_get_data (G_OBJECT (row), "kab-error-label");
}

static void
clear_row_error (gpointer row)
{
  kab_clients_show_field_error (GTK_WIDGET (row), row_error_label (row), NULL);
}

static const char *
currency (KabClientDetails *self)
{
  return kab_clients_get_currency (self->store);
}

/* Saves an edited copy of the client; on success the store brings the listed client,
 * self->client, up to date. On failure the error shows under the row's group and the row
 * keeps what the user typed. */
static gboolean
save_copy (KabClientDetails *self,
           KabClient        *copy,
           gpointer          row)
{
  g_autoptr(GError) error = NULL;

  if (!kab_store_save_client (self->store, copy, &error))
    {
      kab_clients_show_field_error (GTK_WIDGET (row), row_error_label (row), error->message);
      return FALSE;
    }

  clear_row_error (row);
  return TRUE;
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
on_text_row_apply (KabClientDetails *self,
                   AdwEntryRow      *row)
{
  g_autoptr(KabClient) copy = NULL;
  g_autofree char *text = NULL;

  if (self->client == NULL)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  copy = kab_client_copy (self->client);
  g_object_set (copy, row_property (row), text, NULL);

  if (save_copy (self, copy, row))
    set_row_text (row, text);
}

static void
on_birth_row_apply (KabClientDetails *self)
{
  g_autoptr(KabClient) copy = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;

  if (self->client == NULL)
    return;

  if (!kab_clients_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->birth_row)), &date, &error))
    {
      kab_clients_show_field_error (GTK_WIDGET (self->birth_row), self->personal_error_label,
                                    error->message);
      return;
    }

  copy = kab_client_copy (self->client);
  kab_client_set_birth_date (copy, date);
  if (!save_copy (self, copy, self->birth_row))
    return;

  shown = kab_clients_format_date (date);
  set_row_text (self->birth_row, shown);
}

static void
on_birth_popover_show (KabClientDetails *self)
{
  GDateTime *birth = self->client != NULL ? kab_client_get_birth_date (self->client) : NULL;
  g_autoptr(GDateTime) shown = NULL;

  /* Without a date, start where most clients' birthdays are, not today. */
  if (birth != NULL)
    shown = g_date_time_ref (birth);
  else
    shown = g_date_time_new_local (1985, 1, 1, 0, 0, 0);

  self->updating = TRUE;
  gtk_calendar_select_day (self->birth_calendar, shown);
  self->updating = FALSE;
}

static void
on_birth_day_selected (KabClientDetails *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;

  if (self->updating)
    return;

  date = gtk_calendar_get_date (self->birth_calendar);
  text = kab_clients_format_date (date);
  gtk_editable_set_text (GTK_EDITABLE (self->birth_row), text);
  gtk_popover_popdown (self->birth_popover);
  on_birth_row_apply (self);
}

static void
on_fee_row_apply (KabClientDetails *self)
{
  g_autoptr(KabClient) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  gint64 fee = 0;

  if (self->client == NULL)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->fee_row))));
  if (*text != '\0' && !kab_money_parse (text, currency (self), &fee, &error))
    {
      kab_clients_show_field_error (GTK_WIDGET (self->fee_row), self->plan_error_label,
                                    error->message);
      return;
    }

  copy = kab_client_copy (self->client);
  kab_client_set_fee (copy, fee);
  if (!save_copy (self, copy, self->fee_row))
    return;

  shown = kab_clients_format_amount (fee, currency (self));
  set_row_text (self->fee_row, shown);
}

static void
on_package_changed (KabClientDetails *self)
{
  g_autoptr(KabClient) copy = NULL;
  int size = gtk_spin_button_get_value_as_int (self->package_spin);

  if (self->updating || self->client == NULL || size == kab_client_get_package_size (self->client))
    return;

  copy = kab_client_copy (self->client);
  kab_client_set_package_size (copy, size);
  save_copy (self, copy, self->package_row);
}

static void
on_combo_selected (KabClientDetails *self,
                   GParamSpec       *pspec,
                   AdwComboRow      *row)
{
  g_autoptr(KabClient) copy = NULL;
  int value;
  int current;

  if (self->updating || self->client == NULL)
    return;

  value = adw_combo_row_get_selected (row);
  g_object_get (self->client, row_property (row), &current, NULL);
  if (value == current)
    return;

  copy = kab_client_copy (self->client);
  g_object_set (copy, row_property (row), value, NULL);
  if (!save_copy (self, copy, row))
    {
      self->updating = TRUE;
      adw_combo_row_set_selected (row, current);
      self->updating = FALSE;
    }
}

/* A status change goes through the view, which offers to undo it. */
static void
on_status_selected (KabClientDetails *self,
                    GParamSpec       *pspec,
                    AdwComboRow      *row)
{
  KabClientStatus status;

  if (self->updating || self->client == NULL)
    return;

  status = adw_combo_row_get_selected (row);
  if (status == kab_client_get_status (self->client))
    return;

  if (!gtk_widget_activate_action (GTK_WIDGET (self), "clients.set-status", "s",
                                   kab_client_status_to_nick (status)))
    on_combo_selected (self, pspec, row);
}

static char *
get_notes_text (KabClientDetails *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * kab_client_details_try_save_notes:
 * @error: why the notes could not be saved
 *
 * Saves the private notes now if they were edited since the last save. On failure the
 * error also shows under the notes.
 *
 * Returns: %TRUE if nothing is left unsaved
 */
gboolean
kab_client_details_try_save_notes (KabClientDetails  *self,
                                   GError           **error)
{
  g_autoptr(KabClient) copy = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (KAB_IS_CLIENT_DETAILS (self), FALSE);

  g_clear_handle_id (&self->notes_timeout_id, g_source_remove);
  if (self->client == NULL || self->store == NULL)
    return TRUE;

  text = get_notes_text (self);
  if (g_strcmp0 (text, kab_client_get_notes (self->client)) == 0)
    return TRUE;

  copy = kab_client_copy (self->client);
  kab_client_set_notes (copy, text);
  if (!kab_store_save_client (self->store, copy, &local_error))
    {
      kab_clients_show_field_error (NULL, self->notes_error_label, local_error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->notes_view), "error");
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  kab_clients_show_field_error (NULL, self->notes_error_label, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->notes_view), "error");
  return TRUE;
}

/**
 * kab_client_details_save_notes:
 *
 * Saves the private notes now if they were edited since the last save; they are
 * otherwise saved a moment after the last keystroke. A failure shows under the notes.
 */
void
kab_client_details_save_notes (KabClientDetails *self)
{
  g_return_if_fail (KAB_IS_CLIENT_DETAILS (self));

  kab_client_details_try_save_notes (self, NULL);
}

/**
 * kab_client_details_discard_notes:
 *
 * Puts the notes back as they were last saved, dropping the edits since.
 */
void
kab_client_details_discard_notes (KabClientDetails *self)
{
  g_return_if_fail (KAB_IS_CLIENT_DETAILS (self));

  if (self->client == NULL)
    return;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            kab_client_get_notes (self->client) != NULL
                            ? kab_client_get_notes (self->client) : "", -1);
  g_clear_handle_id (&self->notes_timeout_id, g_source_remove);
}

static gboolean
notes_timeout (gpointer user_data)
{
  KabClientDetails *self = user_data;

  self->notes_timeout_id = 0;
  kab_client_details_save_notes (self);
  return G_SOURCE_REMOVE;
}

static void
on_notes_changed (KabClientDetails *self)
{
  if (self->updating)
    return;

  g_clear_handle_id (&self->notes_timeout_id, g_source_remove);
  self->notes_timeout_id = g_timeout_add (NOTES_SAVE_DELAY_MS, notes_timeout, self);
}

static char *
dup_plan_text (KabClient  *client,
               const char *code)
{
  gint64 fee = kab_client_get_fee (client);
  g_autofree char *amount = NULL;
  int size = kab_client_get_package_size (client);

  if (fee == 0)
    return g_strdup (kab_billing_plan_to_label (kab_client_get_billing_plan (client)));

  amount = kab_money_format (fee, code);
  switch (kab_client_get_billing_plan (client))
    {
    case KAB_BILLING_PLAN_MONTHLY:
      /* Translators: a monthly fee, e.g. "6 000,00 kr a month" */
      return g_strdup_printf (_("%s a month"), amount);

    case KAB_BILLING_PLAN_PACKAGE:
      /* Translators: a prepaid package, e.g. "12 000,00 kr for 10 sessions" */
      return g_strdup_printf (ngettext ("%s for %d session", "%s for %d sessions", size),
                              amount, size);

    case KAB_BILLING_PLAN_PER_SESSION:
    default:
      /* Translators: a fee per session, e.g. "1 500,00 kr per session" */
      return g_strdup_printf (_("%s per session"), amount);
    }
}

/* The client's records menu: export and erasure are application actions that take the
 * client's id, so the menu is made for each client. */
static void
update_menu (KabClientDetails *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) records = g_menu_new ();
  g_autoptr(GMenu) removal = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  gint64 id;

  if (self->client == NULL)
    return;

  id = kab_client_get_id (self->client);
  item = g_menu_item_new (_("_Export Records…"), NULL);
  g_menu_item_set_action_and_target_value (item, "clients.export-client", g_variant_new_int64 (id));
  g_menu_append_item (records, item);
  g_clear_object (&item);

  /* Two ways out, named by what they remove: erasing removes a client with all records
   * (when the law allows it); deleting is for a client added by mistake, with none. */
  item = g_menu_item_new (_("_Erase Client and All Records…"), NULL);
  g_menu_item_set_action_and_target_value (item, "clients.erase-client", g_variant_new_int64 (id));
  g_menu_append_item (removal, item);
  g_menu_append (removal, _("_Delete Client Added by Mistake…"), "clients.delete");

  g_menu_append_section (menu, NULL, G_MENU_MODEL (records));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (removal));
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

static void
update_header (KabClientDetails *self)
{
  KabClient *client = self->client;
  const char *name;
  g_autofree char *plan = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *next = NULL;
  KabClientStatus status;

  gtk_stack_set_visible_child_name (self->stack, client != NULL ? "client" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), client != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->journal_button), client != NULL);
  update_menu (self);
  gtk_widget_set_visible (GTK_WIDGET (self->archive_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->unarchive_button), FALSE);

  if (client == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      return;
    }

  name = kab_client_get_display_name (client);
  status = kab_client_get_status (client);
  plan = dup_plan_text (client, currency (self));
  if (kab_client_get_billing_plan (client) == KAB_BILLING_PLAN_PACKAGE)
    {
      int left = 0, size = 0;
      g_autofree char *with_state = NULL;

      if (kab_store_get_package_state (self->store, kab_client_get_id (client), &left, &size))
        /* Translators: a prepaid plan and how much of the package is left, e.g.
         * "9 000 kr for 10 sessions · 3 of 10 left" */
        with_state = g_strdup_printf (ngettext ("%s · %d of %d left", "%s · %d of %d left", size),
                                      plan, left, size);
      else
        /* Translators: a prepaid plan of a client who has bought no package yet */
        with_state = g_strdup_printf (_("%s · no package sold yet"), plan);
      g_free (plan);
      plan = g_steal_pointer (&with_state);
    }
  /* Translators: a client's service and plan: "Psychotherapy · 1 500,00 kr per session" */
  summary = g_strdup_printf (_("%s · %s"),
                             kab_service_to_label (kab_client_get_service (client)), plan);

  gtk_label_set_label (self->title_label, name);
  gtk_label_set_label (self->name_label, name);
  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_label (self->summary_label, summary);
  kab_clients_show_status (self->status_badge, status);
  kab_clients_show_consent (self->consent_badge, kab_client_get_consent_state (client), TRUE);
  kab_clients_show_balance (self->balance_label, kab_client_get_balance (client),
                            currency (self), TRUE);

  if (kab_client_get_next_session (client) != NULL)
    next = kab_clients_format_when (kab_client_get_next_session (client));
  gtk_label_set_label (self->next_session_label, next != NULL ? next : _("None planned"));
  if (next != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->next_session_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->next_session_label), "dim-label");

  gtk_widget_set_visible (GTK_WIDGET (self->archive_button), status != KAB_CLIENT_STATUS_ARCHIVED);
  gtk_widget_set_visible (GTK_WIDGET (self->unarchive_button), status == KAB_CLIENT_STATUS_ARCHIVED);
}

static void
update_plan_rows (KabClientDetails *self)
{
  KabBillingPlan plan = kab_client_get_billing_plan (self->client);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->fee_row),
                                 kab_clients_get_fee_title (plan));
  gtk_label_set_label (self->currency_label, kab_currency_get_symbol (currency (self)));
  gtk_widget_set_visible (GTK_WIDGET (self->package_row), plan == KAB_BILLING_PLAN_PACKAGE);
}

/* A row shows the new value unless the user has typed something else into it that is
 * not saved yet: an edit in one row survives a save from another. */
static void
sync_text (AdwEntryRow *row,
           const char  *old_text,
           const char  *new_text,
           gboolean     force)
{
  if (force || g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), old_text) == 0)
    set_row_text (row, new_text);
}

static void
sync_property_row (AdwEntryRow *row,
                   KabClient   *old,
                   KabClient   *client,
                   gboolean     force)
{
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  if (old != NULL)
    g_object_get (old, row_property (row), &old_text, NULL);
  g_object_get (client, row_property (row), &new_text, NULL);
  sync_text (row, old_text, new_text, force);
}

static void
sync_fields (KabClientDetails *self,
             KabClient        *old,
             gboolean          force)
{
  KabClient *client = self->client;
  AdwEntryRow *text_rows[] = {
    self->phone_row, self->email_row, self->address_row, self->emergency_row,
    self->given_name_row, self->family_name_row, self->identity_row,
  };
  g_autofree char *old_birth = old != NULL ? kab_clients_format_date (kab_client_get_birth_date (old)) : NULL;
  g_autofree char *new_birth = kab_clients_format_date (kab_client_get_birth_date (client));
  g_autofree char *old_fee = old != NULL ? kab_clients_format_amount (kab_client_get_fee (old), currency (self)) : NULL;
  g_autofree char *new_fee = kab_clients_format_amount (kab_client_get_fee (client), currency (self));
  g_autofree char *notes = get_notes_text (self);

  self->updating = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    sync_property_row (text_rows[i], old, client, force);
  sync_text (self->birth_row, old_birth, new_birth, force);
  sync_text (self->fee_row, old_fee, new_fee, force);

  adw_combo_row_set_selected (self->status_row, kab_client_get_status (client));
  adw_combo_row_set_selected (self->service_row, kab_client_get_service (client));
  adw_combo_row_set_selected (self->plan_row, kab_client_get_billing_plan (client));
  gtk_spin_button_set_value (self->package_spin, kab_client_get_package_size (client));

  if (g_strcmp0 (notes, kab_client_get_notes (client)) != 0 &&
      (force || (old != NULL && g_strcmp0 (notes, kab_client_get_notes (old)) == 0)))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                              kab_client_get_notes (client), -1);

  self->updating = FALSE;
  update_plan_rows (self);

  g_clear_object (&self->shown);
  self->shown = kab_client_copy (client);
}

static void
clear_errors (KabClientDetails *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->phone_row), GTK_WIDGET (self->email_row),
    GTK_WIDGET (self->address_row), GTK_WIDGET (self->emergency_row),
    GTK_WIDGET (self->given_name_row), GTK_WIDGET (self->family_name_row),
    GTK_WIDGET (self->identity_row),
    GTK_WIDGET (self->birth_row), GTK_WIDGET (self->status_row),
    GTK_WIDGET (self->service_row), GTK_WIDGET (self->plan_row),
    GTK_WIDGET (self->fee_row), GTK_WIDGET (self->package_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    clear_row_error (rows[i]);

  kab_clients_show_field_error (NULL, self->notes_error_label, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->notes_view), "error");
}

/* History: sessions, payments and agreements, read again when the store says they
 * changed. */

static GtkWidget *
new_suffix_label (const char *text,
                  const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static const char *
session_status_tone (KabSessionStatus status)
{
  switch (status)
    {
    case KAB_SESSION_STATUS_PLANNED:
      return "accent";

    case KAB_SESSION_STATUS_CANCELLED_LATE:
    case KAB_SESSION_STATUS_NO_SHOW:
      return "warning";

    case KAB_SESSION_STATUS_ATTENDED:
    case KAB_SESSION_STATUS_CANCELLED_IN_TIME:
    case KAB_SESSION_STATUS_CANCELLED_BY_PRACTITIONER:
    default:
      return "dim-label";
    }
}

static GtkWidget *
new_session_note_button (KabSession *session)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Journal Note"));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "details.session-note");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", kab_session_get_id (session));
  return button;
}

static GtkWidget *
new_session_row (KabSession *session)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = kab_clients_format_when (kab_session_get_start (session));
  g_autofree char *subtitle = NULL;
  KabSessionStatus status = kab_session_get_status (session);

  /* Translators: a session's kind and length: "Psychotherapy · 50 min" */
  subtitle = g_strdup_printf (_("%s · %d min"),
                              kab_session_kind_to_label (kab_session_get_kind (session)),
                              kab_session_get_duration (session));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_suffix_label (kab_session_status_to_label (status),
                                               session_status_tone (status)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_session_note_button (session));
  return row;
}

static char *
format_day (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  /* Translators: a day, strftime format: "14 May 2023" */
  g_autofree char *text = g_date_time_format (local, _("%-d %b %Y"));

  return g_strdup (g_strstrip (text));
}

static GtkWidget *
new_payment_row (KabPayment *payment)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *amount = kab_money_format (kab_payment_get_amount (payment),
                                              kab_payment_get_currency (payment));
  g_autofree char *day = format_day (kab_payment_get_date (payment));
  GtkWidget *label = new_suffix_label (amount, "numeric");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               kab_payment_method_to_label (kab_payment_get_method (payment)));
  gtk_widget_add_css_class (label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static char *
dup_consent_dates (KabConsent *consent)
{
  char *dates = kab_consent_dup_dates (consent);

  if (*dates != '\0')
    return dates;

  g_free (dates);
  return g_strdup (_("Not printed yet"));
}

static GtkWidget *
new_consent_row (KabConsent *consent)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = dup_consent_dates (consent);
  g_autofree char *name = kab_isolate (kab_consent_get_title (consent));
  GtkWidget *badge = gtk_label_new (NULL);

  /* Translators: an agreement's title and version: "Therapy agreement (version 2)" */
  title = g_strdup_printf (_("%s (version %d)"), name,
                           kab_consent_get_template_version (consent));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  kab_clients_show_consent (GTK_LABEL (badge), kab_consent_get_state (consent), TRUE);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  return row;
}

static void
remove_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* The first session that starts now or later. */
static guint
find_upcoming (GListModel *sessions,
               GDateTime  *now)
{
  guint lo = 0;
  guint hi = g_list_model_get_n_items (sessions);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, mid);

      if (g_date_time_compare (kab_session_get_start (session), now) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
describe_sessions (KabClientDetails *self,
                   guint             n_sessions,
                   guint             n_planned)
{
  g_autofree char *total = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *text = NULL;

  if (n_sessions == 0)
    {
      adw_preferences_group_set_description (self->sessions_group, NULL);
      return;
    }

  total = g_strdup_printf (ngettext ("%u session", "%u sessions", n_sessions), n_sessions);
  if (n_planned == 0)
    {
      adw_preferences_group_set_description (self->sessions_group, total);
      return;
    }

  /* Translators: how many of the sessions lie ahead: "3 planned" */
  planned = g_strdup_printf (ngettext ("%u planned", "%u planned", n_planned), n_planned);
  /* Translators: "12 sessions, 3 planned" */
  text = g_strdup_printf (C_("sessions, planned", "%s, %s"), total, planned);
  adw_preferences_group_set_description (self->sessions_group, text);
}

static void
load_sessions (KabClientDetails *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint n;
  guint first_upcoming;
  guint n_planned = 0;
  guint shown = 0;

  remove_rows (self->sessions_list);
  g_clear_object (&self->sessions);
  self->sessions = kab_store_list_client_sessions (self->store, kab_client_get_id (self->client),
                                                   &error);
  if (self->sessions == NULL)
    {
      adw_preferences_group_set_description (self->sessions_group, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->all_sessions_button), FALSE);
      return;
    }

  n = g_list_model_get_n_items (self->sessions);
  first_upcoming = find_upcoming (self->sessions, now);

  for (guint i = first_upcoming; i < n; i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (self->sessions, i);

      if (kab_session_get_status (session) != KAB_SESSION_STATUS_PLANNED)
        continue;
      n_planned++;
      if (shown < N_UPCOMING_SESSIONS)
        {
          gtk_list_box_append (self->sessions_list, new_session_row (session));
          shown++;
        }
    }

  for (guint i = first_upcoming; i > 0 && i + N_PAST_SESSIONS > first_upcoming; i--)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (self->sessions, i - 1);

      gtk_list_box_append (self->sessions_list, new_session_row (session));
      shown++;
    }

  describe_sessions (self, n, n_planned);
  gtk_widget_set_visible (GTK_WIDGET (self->all_sessions_button), n > shown);
}

static void
load_payments (KabClientDetails *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) payments = NULL;
  guint n;

  remove_rows (self->payments_list);
  if (adw_preferences_group_get_header_suffix (self->payments_group) == NULL)
    adw_preferences_group_set_header_suffix (self->payments_group,
                                             kab_client_documents_new_menu_button (self->store));
  kab_client_documents_set_client (adw_preferences_group_get_header_suffix (self->payments_group),
                                   kab_client_get_id (self->client));
  payments = kab_store_list_payments (self->store, kab_client_get_id (self->client),
                                      NULL, NULL, &error);
  if (payments == NULL)
    {
      adw_preferences_group_set_description (self->payments_group, error->message);
      return;
    }

  adw_preferences_group_set_description (self->payments_group, NULL);
  n = g_list_model_get_n_items (payments);
  for (guint i = n; i > 0 && i + N_PAYMENTS > n; i--)
    {
      g_autoptr(KabPayment) payment = g_list_model_get_item (payments, i - 1);

      GtkWidget *row = new_payment_row (payment);

      kab_client_documents_add_receipt_button (ADW_ACTION_ROW (row), self->store, payment);
      gtk_list_box_append (self->payments_list, row);
    }
}

static void
load_consents (KabClientDetails *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) consents = NULL;
  guint n;

  remove_rows (self->consents_list);
  consents = kab_store_list_consents (self->store, kab_client_get_id (self->client), &error);
  if (consents == NULL)
    {
      adw_preferences_group_set_description (self->consent_group, error->message);
      return;
    }

  adw_preferences_group_set_description (self->consent_group, NULL);
  n = g_list_model_get_n_items (consents);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(KabConsent) consent = g_list_model_get_item (consents, i - 1);

      gtk_list_box_append (self->consents_list, new_consent_row (consent));
    }
}

static void
reload_history (KabClientDetails *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);

  if (self->client == NULL || self->store == NULL)
    {
      remove_rows (self->sessions_list);
      remove_rows (self->payments_list);
      remove_rows (self->consents_list);
      g_clear_object (&self->sessions);
      return;
    }

  load_sessions (self);
  load_payments (self);
  load_consents (self);
}

static gboolean
reload_idle (gpointer user_data)
{
  KabClientDetails *self = user_data;

  self->reload_id = 0;
  reload_history (self);
  return G_SOURCE_REMOVE;
}

/* Several writes in a row (a series of sessions, an import) read the history once. */
static void
queue_reload (KabClientDetails *self)
{
  if (self->client == NULL || self->reload_id != 0)
    return;

  self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle, self, NULL);
}

static void
on_sessions_changed (KabClientDetails *self)
{
  queue_reload (self);
}

static void
on_client_history_changed (KabClientDetails *self,
                           gint64            client_id)
{
  if (self->client != NULL && (client_id == 0 || client_id == kab_client_get_id (self->client)))
    {
      queue_reload (self);
      /* What is left of a package changes with the sessions, not only with the balance. */
      if (kab_client_get_billing_plan (self->client) == KAB_BILLING_PLAN_PACKAGE)
        update_header (self);
    }
}

static void
on_currency_changed (KabClientDetails *self)
{
  if (self->client == NULL)
    return;

  /* Shown again: fee, balance, plan and ledger in the new currency. */
  update_plan_rows (self);
  update_header (self);
  queue_reload (self);
}

static void
on_all_sessions_clicked (KabClientDetails *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *window;

  if (self->client == NULL || self->sessions == NULL)
    return;

  window = kab_client_sessions_window_new (self->client, self->sessions);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (window));
}

static GtkWindow *
parent_window (KabClientDetails *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
open_journal_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KabClientDetails *self = KAB_CLIENT_DETAILS (widget);
  KabJournalWindow *window;

  if (self->client == NULL)
    return;

  window = kab_journal_window_new (self->store, self->client);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent_window (self));
  gtk_window_present (GTK_WINDOW (window));
}

static void
session_note_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KabClientDetails *self = KAB_CLIENT_DETAILS (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(KabSession) session = kab_store_load_session (self->store,
                                                           g_variant_get_int64 (parameter),
                                                           &error);

  if (session == NULL ||
      kab_journal_editor_open_session (self->store, session, parent_window (self), &error) == NULL)
    g_warning ("The session's journal note could not be opened: %s", error->message);
}

/* The store saved the client (from these rows or from anywhere else): rows the user
 * has not edited since show the saved values. */
static void
on_client_notify (KabClientDetails *self)
{
  sync_fields (self, self->shown, FALSE);
  update_header (self);
}

/**
 * kab_client_details_refresh:
 *
 * Shows the client's saved values again in every row the user has not edited, e.g.
 * after a change was refused elsewhere.
 */
void
kab_client_details_refresh (KabClientDetails *self)
{
  g_return_if_fail (KAB_IS_CLIENT_DETAILS (self));

  if (self->client == NULL)
    return;

  sync_fields (self, self->client, FALSE);
  update_header (self);
}

static void
kab_client_details_unmap (GtkWidget *widget)
{
  kab_client_details_save_notes (KAB_CLIENT_DETAILS (widget));

  GTK_WIDGET_CLASS (kab_client_details_parent_class)->unmap (widget);
}

static void
kab_client_details_dispose (GObject *object)
{
  KabClientDetails *self = KAB_CLIENT_DETAILS (object);

  g_clear_handle_id (&self->notes_timeout_id, g_source_remove);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_CLIENT_DETAILS);
  g_clear_object (&self->client);
  g_clear_object (&self->shown);
  g_clear_object (&self->sessions);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_client_details_parent_class)->dispose (object);
}

static void
kab_client_details_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KabClientDetails *self = KAB_CLIENT_DETAILS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_SHOW_BACK_BUTTON:
      g_value_set_boolean (value, self->show_back_button);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_client_details_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KabClientDetails *self = KAB_CLIENT_DETAILS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      kab_client_details_set_store (self, g_value_get_object (value));
      break;

    case PROP_CLIENT:
      kab_client_details_set_client (self, g_value_get_object (value));
      break;

    case PROP_SHOW_BACK_BUTTON:
      kab_client_details_set_show_back_button (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_client_details_class_init (KabClientDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_client_details_dispose;
  object_class->get_property = kab_client_details_get_property;
  object_class->set_property = kab_client_details_set_property;

  widget_class->unmap = kab_client_details_unmap;

  gtk_widget_class_install_action (widget_class, "details.open-journal", NULL, open_journal_action);
  gtk_widget_class_install_action (widget_class, "details.session-note", "x", session_note_action);

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KAB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         KAB_TYPE_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_BACK_BUTTON] =
    g_param_spec_boolean ("show-back-button", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/clients/kab-client-details.ui");
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, back_button);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, title_label);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, archive_button);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, journal_button);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, unarchive_button);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, stack);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, scroller);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, avatar);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, name_label);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, status_badge);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, consent_badge);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, next_session_label);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, balance_label);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, phone_row);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, email_row);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, address_row);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, emergency_row);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, contact_error_label);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, given_name_row);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, family_name_row);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, identity_row);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, birth_row);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, birth_button);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, birth_popover);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, birth_calendar);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, personal_error_label);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, status_row);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, service_row);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, plan_row);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, fee_row);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, currency_label);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, package_row);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, package_spin);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, plan_error_label);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, sessions_group);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, all_sessions_button);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, payments_group);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, payments_list);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, consent_group);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, consents_list);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, notes_view);
  gtk_widget_class_bind_template_child (widget_class, KabClientDetails, notes_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_text_row_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_birth_row_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_birth_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_birth_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_fee_row_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_package_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_combo_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_all_sessions_clicked);
}

static void
tag_row (gpointer    row,
         const char *property,
         GtkLabel   *error_label)
{
  if (property != NULL)
    g_object_set_data (G_OBJECT (row), "kab-property", (gpointer)property);
  g_object_set_data (G_OBJECT (row), "kab-error-label", error_label);
}

static void
kab_client_details_init (KabClientDetails *self)
{
  g_autoptr(GListModel) statuses = kab_clients_new_status_model ();
  g_autoptr(GListModel) services = kab_clients_new_service_model ();
  g_autoptr(GListModel) plans = kab_clients_new_plan_model ();

  gtk_widget_init_template (GTK_WIDGET (self));

  tag_row (self->phone_row, "phone", self->contact_error_label);
  tag_row (self->email_row, "email", self->contact_error_label);
  tag_row (self->address_row, "address", self->contact_error_label);
  tag_row (self->emergency_row, "emergency-contact", self->contact_error_label);
  tag_row (self->given_name_row, "given-name", self->personal_error_label);
  tag_row (self->family_name_row, "family-name", self->personal_error_label);
  tag_row (self->identity_row, "identity-number", self->personal_error_label);
  tag_row (self->birth_row, NULL, self->personal_error_label);
  tag_row (self->status_row, "status", self->plan_error_label);
  tag_row (self->service_row, "service", self->plan_error_label);
  tag_row (self->plan_row, "billing-plan", self->plan_error_label);
  tag_row (self->fee_row, NULL, self->plan_error_label);
  tag_row (self->package_row, NULL, self->plan_error_label);

  self->updating = TRUE;
  adw_combo_row_set_model (self->status_row, statuses);
  adw_combo_row_set_model (self->service_row, services);
  adw_combo_row_set_model (self->plan_row, plans);
  self->updating = FALSE;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back to Clients"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("More Actions"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->birth_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose the Date"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Private Notes"), -1);

  kab_text_view_limit_length (self->notes_view, KAB_MODEL_MAX_TEXT_BYTES);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);

  update_header (self);
}

KabStore *
kab_client_details_get_store (KabClientDetails *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT_DETAILS (self), NULL);

  return self->store;
}

/**
 * kab_client_details_set_store:
 * @store: the practice database; set once, before a client is shown
 */
void
kab_client_details_set_store (KabClientDetails *self,
                              KabStore         *store)
{
  g_return_if_fail (KAB_IS_CLIENT_DETAILS (self));
  g_return_if_fail (store == NULL || KAB_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "sessions-changed",
                               G_CALLBACK (on_sessions_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "ledger-changed",
                               G_CALLBACK (on_client_history_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "consents-changed",
                               G_CALLBACK (on_client_history_changed), self, G_CONNECT_SWAPPED);
      /* Amounts follow the practice's currency at once, not after a restart. */
      g_signal_connect_object (kab_store_get_practice (store), "notify::currency",
                               G_CALLBACK (on_currency_changed), self, G_CONNECT_SWAPPED);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

KabClient *
kab_client_details_get_client (KabClientDetails *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT_DETAILS (self), NULL);

  return self->client;
}

/**
 * kab_client_details_set_client:
 * @client: (nullable): the client to show, or %NULL for none
 *
 * Another client saves the notes typed for the previous one and fills every row anew.
 * Another object for the same client (e.g. a copy) keeps what the user is typing in
 * rows not yet applied.
 */
void
kab_client_details_set_client (KabClientDetails *self,
                               KabClient        *client)
{
  g_autoptr(KabClient) old = NULL;
  gboolean same_client;

  g_return_if_fail (KAB_IS_CLIENT_DETAILS (self));
  g_return_if_fail (client == NULL || KAB_IS_CLIENT (client));

  if (self->client == client)
    return;

  same_client = self->client != NULL && client != NULL &&
                kab_client_get_id (self->client) == kab_client_get_id (client);

  if (!same_client)
    kab_client_details_save_notes (self);
  if (self->client == client)
    return;

  old = g_steal_pointer (&self->client);
  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, on_client_notify, self);

  self->client = client != NULL ? g_object_ref (client) : NULL;
  if (client != NULL)
    g_signal_connect_object (client, "notify", G_CALLBACK (on_client_notify), self,
                             G_CONNECT_SWAPPED);

  if (!same_client)
    {
      clear_errors (self);
      gtk_popover_popdown (self->birth_popover);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
    }

  if (client != NULL)
    sync_fields (self, same_client ? old : NULL, !same_client);
  else
    g_clear_object (&self->shown);
  if (!same_client)
    reload_history (self);
  update_header (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

gboolean
kab_client_details_get_show_back_button (KabClientDetails *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT_DETAILS (self), FALSE);

  return self->show_back_button;
}

void
kab_client_details_set_show_back_button (KabClientDetails *self,
                                         gboolean          show_back_button)
{
  g_return_if_fail (KAB_IS_CLIENT_DETAILS (self));

  show_back_button = !!show_back_button;
  if (self->show_back_button == show_back_button)
    return;

  self->show_back_button = show_back_button;
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), show_back_button);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BACK_BUTTON]);
}
