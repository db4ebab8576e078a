/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-text.c: user text inside Kabinett's own sentences and file names */

#include "config.h"

#include <string.h>

#include "kab-text.h"

/* The direction of the interface, by GTK's own rule (gtk_get_locale_direction()): its
 * translation of "default:LTR". Only GLib is needed to read it. The language does not
 * change while Kabinett runs. */
static gboolean
locale_is_rtl (void)
{
  static gsize rtl;

  if (g_once_init_enter (&rtl))
    g_once_init_leave (&rtl, g_strcmp0 (g_dgettext ("gtk40", "default:LTR"), "default:RTL") == 0 ? 2 : 1);

  return rtl == 2;
}

/* A character that is written right to left (the blocks of Unicode's right-to-left
 * scripts: Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms), or one
 * that sets a direction (marks, embeddings, overrides, isolates). A block also holds a
 * few neutral characters, which are isolated along: never wrong, only not needed. */
static gboolean
is_bidi_sensitive (gunichar c)
{
  return (c >= 0x0590 && c <= 0x08FF) ||
         (c >= 0xFB1D && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFF) ||
         (c >= 0x10800 && c <= 0x10FFF) ||
         (c >= 0x1E800 && c <= 0x1EFFF) ||
         c == 0x061C || c == 0x200E || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

/**
 * kab_isolate:
 * @text: (nullable): text the user typed, e.g. a client's name
 *
 * Wraps @text in U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE, so
 * that a name written right to left (Hebrew, Arabic) keeps its direction to itself
 * inside a sentence or beside other text, and cannot reorder the words and numbers
 * around it. A text that is a label's whole content needs no isolate.
 *
 * Before the isolate comes a mark of the interface's direction (U+200E LEFT-TO-RIGHT
 * MARK, or U+200F in a right-to-left language). Pango (1.50) takes a paragraph's
 * direction from its first strong character even inside an isolate, so "דנה archived"
 * would otherwise turn the whole sentence right to left. Inside a sentence the mark
 * changes nothing. Both are invisible, on screen and on paper.
 *
 * In a left-to-right interface, a text without a right-to-left character or a
 * direction mark is returned as it is: the bidirectional algorithm lays it out left to
 * right with or without the isolate, and the marks would only cost Pango work (the
 * fonts have no glyph for them, and every label with a name was split into three runs).
 *
 * Returns: (transfer full): the text, isolated where its direction could matter
 */
char *
kab_isolate (const char *text)
{
  gboolean rtl = locale_is_rtl ();

  if (text == NULL)
    text = "";

  if (!rtl)
    {
      const char *p = text;

      while (*p != '\0' && !is_bidi_sensitive (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        return g_strdup (text);
    }

  return g_strconcat (rtl ? "\u200F" : "\u200E", "\u2068", text, "\u2069", NULL);
}

/**
 * kab_file_name_from:
 * @text: a file name built from user text, e.g. "Anna Svensson – records.pdf"
 *
 * Replaces the characters a file name cannot hold on common file systems with "-",
 * and drops control and formatting characters (direction overrides and isolates among
 * them), which would hide or reverse the extension in a file manager.
 *
 * Returns: (transfer full): a file name safe in any folder
 */
char *
kab_file_name_from (const char *text)
{
  GString *clean;

  g_return_val_if_fail (text != NULL, NULL);

  clean = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        break;
      if (g_unichar_type (c) == G_UNICODE_CONTROL || g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;
      if (c < 0x80 && strchr ("/\\:*?\"<>|", (int)c) != NULL)
        c = '-';
      g_string_append_unichar (clean, c);
    }

  return g_string_free (clean, FALSE);
}
