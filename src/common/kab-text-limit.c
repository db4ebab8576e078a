/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-text-limit.c: a text view refuses text beyond a length before it reaches the buffer */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "kab-text-limit.h"
#include "kab-toast.h"

/* UTF-8 takes at most 4 bytes a character: below this many characters the exact byte
 * count need not be computed. */
#define MAX_BYTES_PER_CHAR 4

typedef struct
{
  GtkTextView *view;       /* weak: the buffer may outlive its view */
  gsize        max_bytes;
  gboolean     inserting;  /* inserting the part that fits: let it through */
} TextLimit;

static gsize
buffer_bytes (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  return strlen (text);
}

static void
on_insert_text (GtkTextBuffer *buffer,
                GtkTextIter   *location,
                const char    *text,
                int            len,
                TextLimit     *limit)
{
  gsize length = len < 0 ? strlen (text) : (gsize)len;
  gsize used;
  gsize room;
  const char *cut;

  if (limit->inserting)
    return;

  /* Typing: a few characters far from the limit cost nothing to check. */
  if (((gsize)gtk_text_buffer_get_char_count (buffer) * MAX_BYTES_PER_CHAR) + length <= limit->max_bytes)
    return;

  used = buffer_bytes (buffer);
  if (used + length <= limit->max_bytes)
    return;

  /* Too long: the buffer never sees the whole text, so a huge paste costs nothing. Keep
   * what fits, cut at a character's start. */
  g_signal_stop_emission_by_name (buffer, "insert-text");
  room = used < limit->max_bytes ? limit->max_bytes - used : 0;
  /* Where the text is cut in a character, g_utf8_validate() stops at its start. */
  if (g_utf8_validate (text, MIN (room, length), &cut))
    cut = text + MIN (room, length);

  if (cut > text)
    {
      limit->inserting = TRUE;
      gtk_text_buffer_insert (buffer, location, text, cut - text);
      limit->inserting = FALSE;
    }

  if (limit->view == NULL)
    return;
  gtk_widget_error_bell (GTK_WIDGET (limit->view));
  kab_widget_add_toast (GTK_WIDGET (limit->view),
                        adw_toast_new (_("The text is too long: only its beginning was added")));
}

static void
text_limit_free (gpointer  data,
                 GClosure *closure)
{
  TextLimit *limit = data;

  g_clear_weak_pointer (&limit->view);
  g_free (limit);
}

/**
 * kab_text_view_limit_length:
 * @view: a text view whose text the model limits (notes, journal entries)
 * @max_bytes: the model's limit, in bytes of UTF-8
 *
 * Cuts any insertion, typed or pasted, that would make @view's text longer than
 * @max_bytes, before it reaches the buffer, and says so in a toast. A paste of
 * megabytes then neither freezes the window nor leaves text that cannot be saved.
 */
void
kab_text_view_limit_length (GtkTextView *view,
                            gsize        max_bytes)
{
  TextLimit *limit;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  limit = g_new0 (TextLimit, 1);
  g_set_weak_pointer (&limit->view, view);
  limit->max_bytes = max_bytes;
  g_signal_connect_data (gtk_text_view_get_buffer (view), "insert-text",
                         G_CALLBACK (on_insert_text), limit,
                         text_limit_free, 0);
}
