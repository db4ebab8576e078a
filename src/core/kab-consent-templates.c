/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-consent-templates.c: the agreement templates shipped with Kabinett and the user's own */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-consent-templates.h"

#define BUILTIN_RESOURCE "/org/kabinett/Kabinett/consent/templates/" KAB_CONSENT_BUILTIN_KEY_PREFIX "%s.txt"

typedef struct
{
  const char *code;
  const char *name;
} Language;

static const Language languages[] = {
  /* Translators: the language an agreement is written in */
  { "en", N_("English") },
  /* Translators: the language an agreement is written in */
  { "ru", N_("Russian") },
  /* Translators: the language an agreement is written in */
  { "sv", N_("Swedish") },
  /* Translators: the language an agreement is written in */
  { "nb", N_("Norwegian Bokmål") },
};

static const char *const language_codes[] = { "en", "ru", "sv", "nb", NULL };

/**
 * kab_consent_languages:
 *
 * Returns: (transfer none): the languages of agreements, NULL-terminated
 */
const char *const *
kab_consent_languages (void)
{
  return language_codes;
}

/**
 * kab_consent_language_name:
 * @language: "en", "ru", "sv" or "nb"
 *
 * Returns: the language's name in the user's language; @language itself when unknown
 */
const char *
kab_consent_language_name (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      if (g_strcmp0 (languages[i].code, language) == 0)
        return _(languages[i].name);
    }

  return language != NULL ? language : "";
}

static guint
language_rank (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      if (g_strcmp0 (languages[i].code, language) == 0)
        return i;
    }

  return G_N_ELEMENTS (languages);
}

/**
 * kab_consent_lookup_builtin_body:
 * @language: "en", "ru", "sv" or "nb"
 *
 * Returns: (transfer full): the text of the built-in agreement shipped for @language
 */
GBytes *
kab_consent_lookup_builtin_body (const char  *language,
                                 GError     **error)
{
  g_autofree char *path = g_strdup_printf (BUILTIN_RESOURCE, language);

  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

/**
 * kab_consent_ensure_builtin_templates:
 *
 * Makes sure the database holds the agreements this Kabinett ships, one per language:
 * the first start adds them, a newer text adds a version, an unchanged one adds nothing.
 * All or nothing, in one transaction.
 */
gboolean
kab_consent_ensure_builtin_templates (KabStore  *store,
                                      GError   **error)
{
  g_return_val_if_fail (KAB_IS_STORE (store), FALSE);

  if (!kab_store_begin (store, error))
    return FALSE;

  for (guint i = 0; language_codes[i] != NULL; i++)
    {
      const char *language = language_codes[i];
      g_autofree char *key = g_strconcat (KAB_CONSENT_BUILTIN_KEY_PREFIX, language, NULL);
      g_autoptr(GBytes) bytes = kab_consent_lookup_builtin_body (language, error);
      g_autofree char *body = NULL;

      if (bytes != NULL)
        body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      if (body == NULL || !kab_store_ensure_builtin_template (store, key, language, body, error))
        {
          kab_store_rollback (store);
          return FALSE;
        }
    }

  return kab_store_commit (store, error);
}

static int
compare_latest (gconstpointer a,
                gconstpointer b)
{
  KabConsentTemplate *x = *(KabConsentTemplate **)a;
  KabConsentTemplate *y = *(KabConsentTemplate **)b;
  guint rank_x = language_rank (kab_consent_template_get_language (x));
  guint rank_y = language_rank (kab_consent_template_get_language (y));
  g_autofree char *title_x = NULL;
  g_autofree char *title_y = NULL;

  /* The shipped ones first, then the user's own; each by language, then by title. */
  if (kab_consent_template_get_builtin (x) != kab_consent_template_get_builtin (y))
    return kab_consent_template_get_builtin (x) ? -1 : 1;
  if (rank_x != rank_y)
    return rank_x < rank_y ? -1 : 1;

  title_x = g_utf8_collate_key (kab_consent_template_get_title (x), -1);
  title_y = g_utf8_collate_key (kab_consent_template_get_title (y), -1);
  return g_strcmp0 (title_x, title_y);
}

/**
 * kab_consent_latest_templates:
 * @templates: every version of every template, as kab_store_list_consent_templates()
 *   gives them (by key, then version)
 *
 * Returns: (transfer full): the latest version of each template: the built-in ones
 *   first, by language, then the user's own
 */
GListModel *
kab_consent_latest_templates (GListModel *templates)
{
  g_autoptr(GHashTable) latest = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GListStore *store = g_list_store_new (KAB_TYPE_CONSENT_TEMPLATE);
  guint n = g_list_model_get_n_items (templates);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabConsentTemplate) template = g_list_model_get_item (templates, i);
      const char *key = kab_consent_template_get_key (template);
      KabConsentTemplate *known = g_hash_table_lookup (latest, key);

      if (known == NULL ||
          kab_consent_template_get_version (template) > kab_consent_template_get_version (known))
        g_hash_table_insert (latest, (gpointer)key, template);
    }

  /* The objects stay alive in @templates while they are sorted. */
  g_hash_table_iter_init (&iter, latest);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_ptr_array_sort (sorted, compare_latest);
  g_list_store_splice (store, 0, 0, sorted->pdata, sorted->len);

  return G_LIST_MODEL (store);
}

/**
 * kab_consent_find_template_for_language:
 * @latest: from kab_consent_latest_templates()
 *
 * Returns: (transfer none) (nullable): the built-in template of @language, else another
 *   one in @language, else the first one
 */
KabConsentTemplate *
kab_consent_find_template_for_language (GListModel *latest,
                                        const char *language)
{
  KabConsentTemplate *found = NULL;
  guint n = g_list_model_get_n_items (latest);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabConsentTemplate) template = g_list_model_get_item (latest, i);

      if (g_strcmp0 (kab_consent_template_get_language (template), language) != 0)
        continue;
      if (kab_consent_template_get_builtin (template))
        return template;
      if (found == NULL)
        found = template;
    }

  if (found == NULL && n > 0)
    {
      g_autoptr(KabConsentTemplate) first = g_list_model_get_item (latest, 0);
      found = first;
    }

  return found;
}

/**
 * kab_consent_template_copy_as_custom:
 *
 * Returns: (transfer full): a new, unsaved template of the user's own with the text,
 *   title and language of @template and a key of its own
 */
KabConsentTemplate *
kab_consent_template_copy_as_custom (KabConsentTemplate *template)
{
  KabConsentTemplate *copy;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *key = g_strconcat ("custom-", uuid, NULL);

  g_return_val_if_fail (KAB_IS_CONSENT_TEMPLATE (template), NULL);

  copy = kab_consent_template_copy (template);
  g_object_set (copy,
                "id", (gint64)0,
                "key", key,
                "version", 1,
                "builtin", FALSE,
                "created", NULL,
                NULL);

  return copy;
}
