/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-journal-snippet.c: the few words around a search match, for a result list. The
 * match is found as the store finds it (any case, any script), so "øvr" marks "Øvre". */

#include "config.h"

#include <string.h>

#include "kab-journal-snippet.h"

/* Appends @text[from, to) escaped, every line break and tab a space. */
static void
append_plain (GString    *out,
              const char *from,
              const char *to)
{
  g_autofree char *part = g_strndup (from, to - from);
  g_autofree char *escaped = NULL;
  char *write = part;

  /* A heading and its text run on as one line: "Aktuellt: Sömn …". */
  g_strdelimit (part, "\n\r\t", ' ');
  for (const char *read = part; *read != '\0'; read++)
    if (*read != ' ' || write == part || write[-1] != ' ')
      *write++ = *read;
  *write = '\0';
  escaped = g_markup_escape_text (part, -1);
  g_string_append (out, escaped);
}

/* Where @needle (casefolded) starts and ends in @text: each character is folded on its
 * own, so that a position in the folded text leads back to the original. */
static gboolean
find_folded (const char  *text,
             const char  *needle,
             const char **out_start,
             const char **out_end)
{
  g_autoptr(GString) folded = g_string_new (NULL);
  g_autoptr(GArray) origin = g_array_new (FALSE, FALSE, sizeof (const char *));
  const char *found;
  gsize at, end;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *one = g_utf8_casefold (p, g_utf8_next_char (p) - p);

      for (gsize i = 0; one[i] != '\0'; i++)
        g_array_append_val (origin, p);
      g_string_append (folded, one);
    }

  found = *needle != '\0' ? strstr (folded->str, needle) : NULL;
  if (found == NULL)
    return FALSE;

  at = found - folded->str;
  end = at + strlen (needle);
  *out_start = g_array_index (origin, const char *, at);
  *out_end = end < origin->len ? g_array_index (origin, const char *, end) : text + strlen (text);
  return TRUE;
}

/* Steps back (or on) @n characters from @p, no further than @limit. */
static const char *
walk (const char *p,
      const char *limit,
      int         n)
{
  for (; n < 0 && p > limit; n++)
    p = g_utf8_prev_char (p);
  for (; n > 0 && p < limit && *p != '\0'; n--)
    p = g_utf8_next_char (p);
  return p;
}

/**
 * kab_journal_snippet_markup:
 * @text: an entry's text
 * @query: what was searched for
 * @context_chars: how many characters to show before the match (twice as many after)
 *
 * Returns: (transfer full): Pango markup: the match in bold with a little of the text on
 *   either side, "…" where the text goes on; the start of the text when the match is
 *   not in it (it was in a correction)
 */
char *
kab_journal_snippet_markup (const char *text,
                            const char *query,
                            guint       context_chars)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (query != NULL ? query : ""));
  g_autofree char *needle = g_utf8_casefold (trimmed, -1);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *text_end = text + strlen (text);
  const char *start, *end, *from, *to;

  g_return_val_if_fail (text != NULL, NULL);

  if (!find_folded (text, needle, &start, &end))
    {
      to = walk (text, text_end, 3 * context_chars);
      append_plain (out, text, to);
      if (to < text_end)
        g_string_append (out, "…");
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  from = walk (start, text, -(int)context_chars);
  to = walk (end, text_end, 2 * context_chars);

  /* Whole words only at the cuts. */
  if (from > text && !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (from))))
    {
      const char *space = from;

      while (space < start && !g_unichar_isspace (g_utf8_get_char (space)))
        space = g_utf8_next_char (space);
      if (space < start)
        from = g_utf8_next_char (space);
    }
  if (to < text_end && !g_unichar_isspace (g_utf8_get_char (to)))
    {
      const char *space = to;

      while (space > end && !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (space))))
        space = g_utf8_prev_char (space);
      if (space > end)
        to = space;
    }
  while (to > end && to < text_end && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (to))))
    to = g_utf8_prev_char (to);

  if (from > text)
    g_string_append (out, "…");
  append_plain (out, from, start);
  g_string_append (out, "<b>");
  append_plain (out, start, end);
  g_string_append (out, "</b>");
  append_plain (out, end, to);
  if (to < text_end)
    g_string_append (out, "…");

  return g_string_free (g_steal_pointer (&out), FALSE);
}
