/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-filter.c: which clients a list shows (status and search): the one client search */

#include "config.h"

#include "kab-client-filter.h"
#include "kab-search.h"

struct _KabClientFilter
{
  GtkFilter   parent_instance;

  char       *query;
  char      **words;          /* the query folded and split; NULL matches everyone */
  char       *status;
  gboolean    show_archived;
};

G_DEFINE_FINAL_TYPE (KabClientFilter, kab_client_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_QUERY,
  PROP_STATUS,
  PROP_SHOW_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Which statuses are shown, as a bit set over KabClientStatus. */
static guint
visible_statuses (const char *status,
                  gboolean    show_archived)
{
  KabClientStatus value;

  if (status != NULL && kab_client_status_from_nick (status, &value))
    return 1u << value;

  if (show_archived)
    return ~0u;

  return ~(1u << KAB_CLIENT_STATUS_ARCHIVED);
}

static GtkFilterChange
compare_sets (guint old_set,
              guint new_set)
{
  if ((new_set & old_set) == new_set)
    return GTK_FILTER_CHANGE_MORE_STRICT;
  if ((new_set & old_set) == old_set)
    return GTK_FILTER_CHANGE_LESS_STRICT;
  return GTK_FILTER_CHANGE_DIFFERENT;
}

static gboolean
kab_client_filter_match (GtkFilter *filter,
                         gpointer   item)
{
  KabClientFilter *self = KAB_CLIENT_FILTER (filter);
  KabClient *client = item;
  guint statuses = visible_statuses (self->status, self->show_archived);

  if ((statuses & (1u << kab_client_get_status (client))) == 0)
    return FALSE;

  return kab_client_matches (client, (const char * const *)self->words);
}

static GtkFilterMatch
kab_client_filter_get_strictness (GtkFilter *filter)
{
  KabClientFilter *self = KAB_CLIENT_FILTER (filter);

  if (self->words == NULL && visible_statuses (self->status, self->show_archived) == ~0u)
    return GTK_FILTER_MATCH_ALL;

  return GTK_FILTER_MATCH_SOME;
}

static void
kab_client_filter_finalize (GObject *object)
{
  KabClientFilter *self = KAB_CLIENT_FILTER (object);

  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (kab_client_filter_parent_class)->finalize (object);
}

static void
kab_client_filter_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KabClientFilter *self = KAB_CLIENT_FILTER (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_SHOW_ARCHIVED:
      g_value_set_boolean (value, self->show_archived);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_client_filter_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KabClientFilter *self = KAB_CLIENT_FILTER (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      kab_client_filter_set_query (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      kab_client_filter_set_status (self, g_value_get_string (value));
      break;

    case PROP_SHOW_ARCHIVED:
      kab_client_filter_set_show_archived (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_client_filter_class_init (KabClientFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = kab_client_filter_finalize;
  object_class->get_property = kab_client_filter_get_property;
  object_class->set_property = kab_client_filter_set_property;

  filter_class->match = kab_client_filter_match;
  filter_class->get_strictness = kab_client_filter_get_strictness;

  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         KAB_CLIENT_FILTER_ALL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_ARCHIVED] =
    g_param_spec_boolean ("show-archived", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kab_client_filter_init (KabClientFilter *self)
{
  self->query = g_strdup ("");
  self->status = g_strdup (KAB_CLIENT_FILTER_ALL);
}

KabClientFilter *
kab_client_filter_new (void)
{
  return g_object_new (KAB_TYPE_CLIENT_FILTER, NULL);
}

const char *
kab_client_filter_get_query (KabClientFilter *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT_FILTER (self), "");

  return self->query;
}

/**
 * kab_client_filter_set_query:
 * @query: (nullable): what the user typed: every word must occur in the client's name,
 *   email or phone number (folded with kab_search_fold(), so case and accents do not
 *   matter; a phone number is compared by its digits)
 *
 * Tells the list models how the result changed: typing one more letter narrows the
 * current result instead of filtering every client again.
 */
void
kab_client_filter_set_query (KabClientFilter *self,
                             const char      *query)
{
  g_auto(GStrv) old_words = NULL;
  GtkFilterChange change;
  gboolean stricter;
  gboolean looser;

  g_return_if_fail (KAB_IS_CLIENT_FILTER (self));

  if (query == NULL)
    query = "";

  if (g_strcmp0 (self->query, query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);
  old_words = g_steal_pointer (&self->words);
  self->words = kab_search_split (query);
  stricter = kab_search_words_within ((const char * const *)old_words,
                                      (const char * const *)self->words);
  looser = kab_search_words_within ((const char * const *)self->words,
                                    (const char * const *)old_words);

  if (stricter)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (looser)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  /* Same words, e.g. a space added at the end: nothing to filter again. */
  if (!(stricter && looser))
    gtk_filter_changed (GTK_FILTER (self), change);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

const char *
kab_client_filter_get_status (KabClientFilter *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT_FILTER (self), KAB_CLIENT_FILTER_ALL);

  return self->status;
}

/**
 * kab_client_filter_set_status:
 * @status: (nullable): %KAB_CLIENT_FILTER_ALL or a #KabClientStatus nick
 */
void
kab_client_filter_set_status (KabClientFilter *self,
                              const char      *status)
{
  KabClientStatus value;
  guint old_set;

  g_return_if_fail (KAB_IS_CLIENT_FILTER (self));

  if (status == NULL || !kab_client_status_from_nick (status, &value))
    status = KAB_CLIENT_FILTER_ALL;

  if (g_strcmp0 (self->status, status) == 0)
    return;

  old_set = visible_statuses (self->status, self->show_archived);
  g_free (self->status);
  self->status = g_strdup (status);

  gtk_filter_changed (GTK_FILTER (self),
                      compare_sets (old_set, visible_statuses (self->status,
                                                               self->show_archived)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gboolean
kab_client_filter_get_show_archived (KabClientFilter *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT_FILTER (self), FALSE);

  return self->show_archived;
}

void
kab_client_filter_set_show_archived (KabClientFilter *self,
                                     gboolean         show_archived)
{
  guint old_set;
  guint new_set;

  g_return_if_fail (KAB_IS_CLIENT_FILTER (self));

  show_archived = !!show_archived;
  if (self->show_archived == show_archived)
    return;

  old_set = visible_statuses (self->status, self->show_archived);
  self->show_archived = show_archived;
  new_set = visible_statuses (self->status, self->show_archived);

  if (old_set != new_set)
    gtk_filter_changed (GTK_FILTER (self), compare_sets (old_set, new_set));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ARCHIVED]);
}

/* No search and no status chosen: the list shows what it shows on a fresh start. */
gboolean
kab_client_filter_is_default (KabClientFilter *self)
{
  g_return_val_if_fail (KAB_IS_CLIENT_FILTER (self), TRUE);

  return self->words == NULL && g_str_equal (self->status, KAB_CLIENT_FILTER_ALL);
}
