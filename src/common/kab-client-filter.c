/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-client-filter.c: which clients the Clients list shows (status and search) */

#include "config.h"

#include <string.h>

#include "kab-client-filter.h"

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

/* What a client is searched by, folded once and kept on the client: filtering 2,000
 * clients on each keystroke must not fold 2,000 strings. The fields it was made from
 * are kept too, so that a client edited in place never matches a stale key. */
typedef struct
{
  char *given_name;
  char *family_name;
  char *phone;
  char *email;
  char *key;
} SearchKey;

static void
search_key_free (gpointer data)
{
  SearchKey *key = data;

  g_free (key->given_name);
  g_free (key->family_name);
  g_free (key->phone);
  g_free (key->email);
  g_free (key->key);
  g_free (key);
}

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

static char *
dup_digits (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
    }

  return g_string_free (digits, FALSE);
}

/* "070-123 45" and "+46 70" are phone numbers: they are compared digit by digit. */
static gboolean
looks_like_phone (const char *word)
{
  gboolean has_digit = FALSE;

  for (const char *p = word; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        has_digit = TRUE;
      else if (strchr ("+-().", *p) == NULL)
        return FALSE;
    }

  return has_digit;
}

static GQuark
search_key_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("kab-client-filter-search-key");

  return quark;
}

static gboolean
search_key_is_current (SearchKey *key,
                       KabClient *client)
{
  return key != NULL &&
         g_strcmp0 (key->given_name, kab_client_get_given_name (client)) == 0 &&
         g_strcmp0 (key->family_name, kab_client_get_family_name (client)) == 0 &&
         g_strcmp0 (key->phone, kab_client_get_phone (client)) == 0 &&
         g_strcmp0 (key->email, kab_client_get_email (client)) == 0;
}

static const char *
get_search_key (KabClient *client)
{
  SearchKey *key = g_object_get_qdata (G_OBJECT (client), search_key_quark ());
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *digits = NULL;

  if (search_key_is_current (key, client))
    return key->key;

  text = g_strjoin (" ",
                    kab_client_get_given_name (client),
                    kab_client_get_family_name (client),
                    kab_client_get_email (client),
                    kab_client_get_phone (client),
                    NULL);
  folded = fold (text);
  digits = dup_digits (kab_client_get_phone (client));

  key = g_new0 (SearchKey, 1);
  key->given_name = g_strdup (kab_client_get_given_name (client));
  key->family_name = g_strdup (kab_client_get_family_name (client));
  key->phone = g_strdup (kab_client_get_phone (client));
  key->email = g_strdup (kab_client_get_email (client));
  key->key = g_strconcat (folded, " ", digits, NULL);
  g_object_set_qdata_full (G_OBJECT (client), search_key_quark (), key, search_key_free);

  return key->key;
}

static char **
split_query (const char *query)
{
  g_autofree char *folded = fold (query);
  g_auto(GStrv) parts = g_strsplit_set (g_strstrip (folded), " \t\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0')
        continue;

      if (looks_like_phone (parts[i]))
        {
          g_autofree char *digits = dup_digits (parts[i]);
          g_strv_builder_add (builder, digits);
        }
      else
        g_strv_builder_add (builder, parts[i]);
      n++;
    }

  if (n == 0)
    return NULL;

  return g_strv_builder_end (builder);
}

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

/* Every word of @words is found within some word of @within: a query of @within is then
 * at least as strict as one of @words. */
static gboolean
words_within (char **words,
              char **within)
{
  if (words == NULL)
    return TRUE;
  if (within == NULL)
    return FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; within[j] != NULL && !found; j++)
        found = strstr (within[j], words[i]) != NULL;

      if (!found)
        return FALSE;
    }

  return TRUE;
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
  const char *key;

  if ((statuses & (1u << kab_client_get_status (client))) == 0)
    return FALSE;

  if (self->words == NULL)
    return TRUE;

  key = get_search_key (client);
  for (guint i = 0; self->words[i] != NULL; i++)
    {
      if (strstr (key, self->words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
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
 *   email or phone number (folded, so case and accents do not matter)
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

  g_return_if_fail (KAB_IS_CLIENT_FILTER (self));

  if (query == NULL)
    query = "";

  if (g_strcmp0 (self->query, query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);
  old_words = g_steal_pointer (&self->words);
  self->words = split_query (query);

  if (words_within (old_words, self->words))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (words_within (self->words, old_words))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  /* Same words, e.g. a space added at the end: nothing to filter again. */
  if (!(words_within (old_words, self->words) && words_within (self->words, old_words)))
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
