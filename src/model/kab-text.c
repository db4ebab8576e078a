/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-text.c: user text inside Kabinett's own sentences and file names */

#include "config.h"

#include <string.h>

#include "kab-text.h"

/* The direction of the interface, by GTK's own rule (gtk_get_locale_direction()): its
 * translation of "default:LTR". Only GLib is needed to read it. */
static gboolean
locale_is_rtl (void)
{
  return g_strcmp0 (g_dgettext ("gtk40", "default:LTR"), "default:RTL") == 0;
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
 * Returns: (transfer full): the isolated text; for %NULL, an empty isolate
 */
char *
kab_isolate (const char *text)
{
  return g_strconcat (locale_is_rtl () ? "\u200F" : "\u200E",
                      "\u2068", text != NULL ? text : "", "\u2069", NULL);
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
