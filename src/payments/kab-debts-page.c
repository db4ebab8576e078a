/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-debts-page.c: the clients who owe, the oldest debt first, with how long they have owed */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-day-watch.h"
#include "kab-debtor.h"
#include "kab-debts-page.h"
#include "kab-date-format.h"
#include "kab-overdue-invoices.h"
#include "kab-money.h"

struct _KabDebtsPage
{
  AdwBin      parent_instance;

  KabStore   *store;
  GListStore *debtors;        /* KabDebtor, oldest debt first */
  GHashTable *pending;        /* client ids whose debt changed, or NULL for all */
  gboolean    pending_all;
  guint       refresh_source;
  KabDayWatch *day_watch;     /* a debt ages and an invoice falls due at midnight */
  GtkWidget  *overdue;        /* the overdue invoices' group */

  GtkStack   *stack;
  GtkLabel   *total_label;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (KabDebtsPage, kab_debts_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_DEBTORS,
  PROP_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
currency (KabDebtsPage *self)
{
  return kab_practice_get_currency (kab_store_get_practice (self->store));
}

/* "Owed for 3 weeks, since 12.10.2025" */
static void
update_row (AdwActionRow *row,
            KabDebtor    *debtor)
{
  GtkLabel *amount_label = g_object_get_data (G_OBJECT (row), "amount-label");
  const char *currency_code = g_object_get_data (G_OBJECT (row), "currency");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) since = g_date_time_to_local (kab_debtor_get_since (debtor));
  g_autofree char *age = kab_debtor_dup_age_text (debtor, now);
  g_autofree char *date = kab_date_format_table (since);
  g_autofree char *amount = kab_money_format (kab_debtor_get_amount (debtor), currency_code);
  g_autofree char *subtitle = NULL;

  /* Translators: how long a client has owed, then since which date, e.g. "Owed for 3
   * weeks, since 12.10.2025" */
  subtitle = g_strdup_printf (_("%s, since %s"), age, date);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_label_set_label (amount_label, amount);
}

static void
on_debtor_changed (AdwActionRow *row,
                   GParamSpec   *pspec,
                   KabDebtor    *debtor)
{
  update_row (row, debtor);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  KabDebtsPage *self = user_data;
  KabDebtor *debtor = KAB_DEBTOR (item);
  KabClient *client = kab_debtor_get_client (debtor);
  gint64 client_id = kab_client_get_id (client);
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *amount_label = gtk_label_new (NULL);
  GtkWidget *pay_button = gtk_button_new_with_mnemonic (_("_Record Payment…"));

  g_object_bind_property (client, "display-name", row, "title", G_BINDING_SYNC_CREATE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (amount_label, "numeric");
  gtk_widget_add_css_class (amount_label, "heading");
  adw_action_row_add_suffix (row, amount_label);

  gtk_widget_set_valign (pay_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (pay_button), "payments.record-for");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (pay_button), "x", client_id);
  adw_action_row_add_suffix (row, pay_button);

  /* The row opens the client's ledger. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "payments.show-client");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", client_id);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Show this client’s ledger"));

  g_object_set_data (G_OBJECT (row), "amount-label", amount_label);
  g_object_set_data_full (G_OBJECT (row), "currency", g_strdup (currency (self)), g_free);
  update_row (row, debtor);
  g_signal_connect_object (debtor, "notify", G_CALLBACK (on_debtor_changed), row,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (row);
}

static gint64
total (KabDebtsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->debtors));
  gint64 sum = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabDebtor) debtor = g_list_model_get_item (G_LIST_MODEL (self->debtors), i);
      sum += kab_debtor_get_amount (debtor);
    }

  return sum;
}

static void
update_header (KabDebtsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->debtors));
  g_autofree char *amount = kab_money_format (total (self), currency (self));
  g_autofree char *text = NULL;

  /* Translators: %s is an amount of money, %u how many clients owe it together */
  text = g_strdup_printf (ngettext ("%s owed by %u client", "%s owed by %u clients", n), amount, n);
  gtk_label_set_label (self->total_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DEBTORS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}

static gboolean
same_client (KabDebtor *a,
             KabDebtor *b)
{
  return kab_debtor_get_client (a) == kab_debtor_get_client (b);
}

static void
update_debtor (KabDebtor *shown,
               KabDebtor *fresh)
{
  kab_debtor_set_amount (shown, kab_debtor_get_amount (fresh));
  kab_debtor_set_since (shown, kab_debtor_get_since (fresh));
}

/* Shows @fresh, a new list of every debtor: the lines that begin and end both lists with
 * the same clients are updated in place, only the part between is replaced. A list box
 * makes and measures a row per debtor; after a change to the whole ledger most of them
 * are the same, and a refresh should not make them all again. */
static void
replace_debtors (KabDebtsPage *self,
                 GPtrArray    *fresh)
{
  GListModel *model = G_LIST_MODEL (self->debtors);
  guint n_shown = g_list_model_get_n_items (model);
  guint head = 0, tail = 0;

  while (head < n_shown && head < fresh->len)
    {
      g_autoptr(KabDebtor) shown = g_list_model_get_item (model, head);

      if (!same_client (shown, fresh->pdata[head]))
        break;
      update_debtor (shown, fresh->pdata[head]);
      head++;
    }

  while (tail < n_shown - head && tail < fresh->len - head)
    {
      g_autoptr(KabDebtor) shown = g_list_model_get_item (model, n_shown - 1 - tail);

      if (!same_client (shown, fresh->pdata[fresh->len - 1 - tail]))
        break;
      update_debtor (shown, fresh->pdata[fresh->len - 1 - tail]);
      tail++;
    }

  if (n_shown - head - tail > 0 || fresh->len - head - tail > 0)
    g_list_store_splice (self->debtors, head, n_shown - head - tail,
                         fresh->pdata + head, fresh->len - head - tail);
}

static void
reload (KabDebtsPage *self)
{
  g_autoptr(GArray) debts = NULL;
  g_autoptr(GPtrArray) debtors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  debts = kab_store_list_debts (self->store, &error);
  if (debts == NULL)
    {
      g_warning ("Could not read the debts: %s", error->message);
      return;
    }

  for (guint i = 0; i < debts->len; i++)
    {
      KabDebt *debt = &g_array_index (debts, KabDebt, i);
      KabClient *client = kab_store_find_client (self->store, debt->client_id);

      if (client != NULL)
        g_ptr_array_add (debtors, kab_debtor_new (client, debt->amount, debt->since));
    }

  replace_debtors (self, debtors);
}

static guint
find_client (KabDebtsPage *self,
             gint64        client_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->debtors));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabDebtor) debtor = g_list_model_get_item (G_LIST_MODEL (self->debtors), i);

      if (kab_client_get_id (kab_debtor_get_client (debtor)) == client_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static int
compare_debtors (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return kab_debtor_compare (KAB_DEBTOR ((gpointer)a), KAB_DEBTOR ((gpointer)b));
}

static gboolean
stays_in_place (KabDebtsPage *self,
                guint         position,
                KabDebtor    *fresh)
{
  GListModel *model = G_LIST_MODEL (self->debtors);
  g_autoptr(KabDebtor) before = position > 0 ? g_list_model_get_item (model, position - 1) : NULL;
  g_autoptr(KabDebtor) after = g_list_model_get_item (model, position + 1);

  return (before == NULL || kab_debtor_compare (before, fresh) <= 0) &&
         (after == NULL || kab_debtor_compare (fresh, after) <= 0);
}

/* One client's line: removed when they owe nothing any more, updated in place when the
 * order holds, moved otherwise. */
static void
update_client (KabDebtsPage *self,
               gint64        client_id)
{
  g_auto(KabDebt) debt = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KabDebtor) fresh = NULL;
  KabClient *client;
  guint position;

  if (!kab_store_get_debt (self->store, client_id, &debt, &error))
    {
      g_warning ("Could not read a client’s debt: %s", error->message);
      return;
    }

  position = find_client (self, client_id);
  client = kab_store_find_client (self->store, client_id);
  if (debt.amount > 0 && client != NULL)
    fresh = kab_debtor_new (client, debt.amount, debt.since);

  if (position != GTK_INVALID_LIST_POSITION && fresh != NULL && stays_in_place (self, position, fresh))
    {
      g_autoptr(KabDebtor) shown = g_list_model_get_item (G_LIST_MODEL (self->debtors), position);

      kab_debtor_set_amount (shown, debt.amount);
      kab_debtor_set_since (shown, debt.since);
      return;
    }

  if (position != GTK_INVALID_LIST_POSITION)
    g_list_store_remove (self->debtors, position);
  if (fresh != NULL)
    g_list_store_insert_sorted (self->debtors, fresh, compare_debtors, NULL);
}

static gboolean
refresh_idle (gpointer user_data)
{
  KabDebtsPage *self = user_data;
  GHashTableIter iter;
  gpointer key;

  self->refresh_source = 0;

  if (self->pending_all)
    {
      reload (self);
    }
  else
    {
      g_hash_table_iter_init (&iter, self->pending);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        update_client (self, *(gint64 *)key);
    }

  self->pending_all = FALSE;
  g_hash_table_remove_all (self->pending);
  update_header (self);
  return G_SOURCE_REMOVE;
}

static void
on_ledger_changed (KabDebtsPage *self,
                   gint64        client_id)
{
  if (client_id == 0 || g_hash_table_size (self->pending) > 64)
    self->pending_all = TRUE;
  else
    g_hash_table_add (self->pending, g_memdup2 (&client_id, sizeof client_id));

  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle, self, NULL);
}

static void
on_currency_changed (KabDebtsPage *self)
{
  /* The rows format their amounts in the currency they were made with. */
  on_ledger_changed (self, 0);
}

/* A new day: every debt is a day older, and invoices due yesterday are overdue. */
static void
on_day_changed (KabDebtsPage *self)
{
  on_ledger_changed (self, 0);
  kab_overdue_invoices_refresh (self->overdue);
}

static void
kab_debts_page_map (GtkWidget *widget)
{
  KabDebtsPage *self = KAB_DEBTS_PAGE (widget);

  GTK_WIDGET_CLASS (kab_debts_page_parent_class)->map (widget);
  /* shown again after the computer slept, perhaps on another day */
  kab_day_watch_check (self->day_watch);
}

static void
kab_debts_page_constructed (GObject *object)
{
  KabDebtsPage *self = KAB_DEBTS_PAGE (object);

  G_OBJECT_CLASS (kab_debts_page_parent_class)->constructed (object);

  g_return_if_fail (KAB_IS_STORE (self->store));

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->debtors), create_row, self, NULL);
  g_signal_connect_object (self->store, "ledger-changed", G_CALLBACK (on_ledger_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kab_store_get_practice (self->store), "notify::currency",
                           G_CALLBACK (on_currency_changed), self, G_CONNECT_SWAPPED);

  reload (self);
  update_header (self);
  self->overdue = kab_overdue_invoices_new (self->store);
  gtk_widget_insert_after (self->overdue, gtk_widget_get_parent (GTK_WIDGET (self->list_box)),
                           GTK_WIDGET (self->list_box));
  self->day_watch = kab_day_watch_new ();
  /* for the tests, which move the store's clock instead of waiting for midnight */
  g_object_set_data (G_OBJECT (self), "day-watch", self->day_watch);
  g_signal_connect_object (self->day_watch, "day-changed", G_CALLBACK (on_day_changed),
                           self, G_CONNECT_SWAPPED);
}

static void
kab_debts_page_dispose (GObject *object)
{
  KabDebtsPage *self = KAB_DEBTS_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->day_watch);
  self->overdue = NULL;
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  /* AdwBin unparents its child itself; the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_DEBTS_PAGE);
  g_clear_object (&self->debtors);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_debts_page_parent_class)->dispose (object);
}

static void
kab_debts_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KabDebtsPage *self = KAB_DEBTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_N_DEBTORS:
      g_value_set_uint (value, kab_debts_page_get_n_debtors (self));
      break;
    case PROP_TOTAL:
      g_value_set_int64 (value, kab_debts_page_get_total (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_debts_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KabDebtsPage *self = KAB_DEBTS_PAGE (object);

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
kab_debts_page_class_init (KabDebtsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kab_debts_page_constructed;
  object_class->dispose = kab_debts_page_dispose;
  object_class->get_property = kab_debts_page_get_property;
  object_class->set_property = kab_debts_page_set_property;
  widget_class->map = kab_debts_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DEBTORS] =
    g_param_spec_uint ("n-debtors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/payments/kab-debts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KabDebtsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KabDebtsPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, KabDebtsPage, list_box);
}

static void
kab_debts_page_init (KabDebtsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->debtors = g_list_store_new (KAB_TYPE_DEBTOR);
  self->pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

GtkWidget *
kab_debts_page_new (KabStore *store)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  return g_object_new (KAB_TYPE_DEBTS_PAGE, "store", store, NULL);
}

/**
 * kab_debts_page_get_debtors:
 *
 * Returns: (transfer none): the #KabDebtor lines shown, oldest debt first
 */
GListModel *
kab_debts_page_get_debtors (KabDebtsPage *self)
{
  g_return_val_if_fail (KAB_IS_DEBTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->debtors);
}

guint
kab_debts_page_get_n_debtors (KabDebtsPage *self)
{
  g_return_val_if_fail (KAB_IS_DEBTS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->debtors));
}

gint64
kab_debts_page_get_total (KabDebtsPage *self)
{
  g_return_val_if_fail (KAB_IS_DEBTS_PAGE (self), 0);

  return total (self);
}
