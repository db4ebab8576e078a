/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-print-layout.c: parses the print markup and lays its blocks out on pages with Pango */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "kab-print-document.h"
#include "kab-print-layout-private.h"

#define BODY_FONT     "Sans 10.5"
#define TITLE_FONT    "Sans Bold 16"
#define HEADING_FONT  "Sans Bold 11.5"
#define SMALL_FONT    "Sans 8.5"

#define BODY_LINE_SPACING    1.25
#define HEADING_LINE_SPACING 1.15

/* Vertical space in points between blocks, and around the header and footer. */
#define SPACE_AFTER_TITLE      12.0
#define SPACE_BEFORE_HEADING   13.0
#define SPACE_AFTER_HEADING     4.0
#define SPACE_PARAGRAPH         6.5
#define SPACE_BEFORE_LIST       3.5
#define SPACE_BETWEEN_ITEMS     2.5
#define SPACE_TO_SIGN          26.0   /* room above a signature line to sign in */
#define SPACE_AFTER_SIGNATURE  13.0
#define HEADER_RULE_GAP         4.0
#define HEADER_GAP             18.0
#define FOOTER_GAP             18.0

/* A bullet sits a little in from the margin; its text hangs at BULLET_HANG. */
#define BULLET_INDENT  5.0
#define BULLET_HANG   18.0

#define SMALL_GREY 0.40
#define RULE_GREY  0.72

/* Markup */

static void
block_free (KabPrintBlock *block)
{
  g_free (block->text);
  g_free (block);
}

static void
add_block (GPtrArray         *blocks,
           KabPrintBlockKind  kind,
           char              *text)
{
  KabPrintBlock *block = g_new0 (KabPrintBlock, 1);

  block->kind = kind;
  block->text = text;
  g_ptr_array_add (blocks, block);
}

static gboolean
is_signature_line (const char *line)
{
  return strstr (line, "___") != NULL;
}

/* Whether the first line of a block's text is a signature line. */
static gboolean
starts_with_signature_line (const char *text)
{
  g_autofree char *first = g_strndup (text, strcspn (text, "\n"));

  return is_signature_line (first);
}

/* "# Title" is 1, "## Heading" 2, anything else 0. */
static guint
heading_level (const char *line)
{
  guint level = 0;

  while (line[level] == '#')
    level++;

  if (level == 0 || level > 6 || line[level] != ' ')
    return 0;

  return level;
}

typedef struct
{
  GPtrArray         *blocks;
  GString           *text;          /* the paragraph or bullet being gathered, or NULL */
  KabPrintBlockKind  kind;
  gboolean           keep_break;    /* the next line starts a line of its own */
} Parser;

static void
parser_flush (Parser *parser)
{
  if (parser->text == NULL)
    return;

  add_block (parser->blocks, parser->kind, g_string_free (g_steal_pointer (&parser->text), FALSE));
  parser->keep_break = FALSE;
}

static void
parser_start (Parser            *parser,
              KabPrintBlockKind  kind,
              const char        *text,
              gboolean           hard_break)
{
  parser_flush (parser);
  parser->text = g_string_new (text);
  parser->kind = kind;
  parser->keep_break = hard_break || is_signature_line (text);
}

/* A signature line keeps its own line, spacing included, and so does a line that ends in
 * a backslash; any other line joins the one before it with a single space. */
static void
parser_add_line (Parser     *parser,
                 const char *line,
                 const char *content,
                 gboolean    hard_break)
{
  gboolean signature = is_signature_line (content);

  if (parser->text == NULL)
    {
      parser_start (parser, KAB_PRINT_BLOCK_PARAGRAPH, signature ? line : content, hard_break);
      return;
    }

  g_string_append_c (parser->text, signature || parser->keep_break ? '\n' : ' ');
  g_string_append (parser->text, content);
  parser->keep_break = hard_break || signature;
}

/* Removes a backslash at the end of @line: TRUE when there was one. */
static gboolean
take_hard_break (char *line)
{
  gsize length = strlen (line);

  if (length == 0 || line[length - 1] != '\\')
    return FALSE;

  line[length - 1] = '\0';
  g_strchomp (line);

  return TRUE;
}

/**
 * kab_print_blocks_parse:
 * @text: (nullable): the document in the print markup
 *
 * Returns: (transfer full) (element-type KabPrintBlock): the blocks, in order
 */
GPtrArray *
kab_print_blocks_parse (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  Parser parser = { g_ptr_array_new_with_free_func ((GDestroyNotify)block_free), };
  gboolean have_title = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (lines[i]);
      gboolean hard_break = take_hard_break (line);
      char *content = line + strspn (line, " \t");
      guint level;

      if (*content == '\0')
        {
          parser_flush (&parser);
          continue;
        }

      level = heading_level (content);
      if (level > 0)
        {
          KabPrintBlockKind kind = level == 1 && !have_title ? KAB_PRINT_BLOCK_TITLE
                                                             : KAB_PRINT_BLOCK_HEADING;

          parser_flush (&parser);
          add_block (parser.blocks, kind, g_strdup (g_strstrip (content + level + 1)));
          have_title = have_title || kind == KAB_PRINT_BLOCK_TITLE;
          continue;
        }

      if (g_str_has_prefix (content, "- "))
        parser_start (&parser, KAB_PRINT_BLOCK_BULLET, g_strchug (content + 2), hard_break);
      else
        parser_add_line (&parser, line, content, hard_break);
    }

  parser_flush (&parser);

  return parser.blocks;
}

/* Layout */

typedef struct
{
  double x;          /* from the layout's left */
  double top;        /* from the layout's top */
  double height;     /* including the line spacing */
  double baseline;   /* from the layout's top */
} LineBox;

typedef struct
{
  KabPrintBlockKind  kind;
  PangoLayout       *layout;
  double             x;              /* of the layout, from the frame's left */
  double             space_before;   /* below the block before it on the same page */
  gboolean           keep_with_next;
  gboolean           signature;      /* starts with a line to sign on */
  guint              n_lines;
  LineBox           *lines;
} BlockLayout;

/* The lines of one block that go on one page. */
typedef struct
{
  guint  page;
  guint  block;
  guint  first_line;
  guint  n_lines;
  double y;          /* of the first line's top, from the frame's top */
} Slice;

struct _KabPrintLayout
{
  PangoContext  *context;
  guint          context_serial;
  KabPrintFrame  frame;
  PangoAttrList *attrs;

  GPtrArray     *blocks;        /* BlockLayout */
  GArray        *slices;        /* Slice, by page */
  guint          n_pages;

  PangoLayout   *header;        /* NULL without a header */
  PangoLayout   *footer_note;   /* NULL without a note */
  PangoLayout   *bullet;
  double         footer_height;
  double         body_top;      /* from the frame's top */
  double         body_bottom;
};

static void
block_layout_free (BlockLayout *block)
{
  g_clear_object (&block->layout);
  g_free (block->lines);
  g_free (block);
}

void
kab_print_layout_free (KabPrintLayout *self)
{
  g_clear_object (&self->context);
  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->slices, g_array_unref);
  g_clear_object (&self->header);
  g_clear_object (&self->footer_note);
  g_clear_object (&self->bullet);
  g_free (self);
}

/**
 * kab_print_frame_for_paper:
 *
 * The frame for a whole sheet of @width_pt × @height_pt: the paper less 20 mm on each
 * side (less on a sheet too small for that).
 */
void
kab_print_frame_for_paper (KabPrintFrame *frame,
                           double         width_pt,
                           double         height_pt)
{
  double margin = MIN (KAB_PRINT_MARGIN, MIN (width_pt, height_pt) / 5.0);

  frame->x = margin;
  frame->y = margin;
  frame->width = width_pt - 2 * margin;
  frame->height = height_pt - 2 * margin;
}

static PangoLayout *
text_layout_new (KabPrintLayout *self,
                 const char     *text,
                 const char     *font,
                 double          width,
                 double          line_spacing)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);

  if (self->attrs != NULL)
    pango_layout_set_attributes (layout, self->attrs);

  /* A width of 0 or less: one line per paragraph, as wide as it needs. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, pango_units_from_double (width));
  if (line_spacing > 0)
    pango_layout_set_line_spacing (layout, line_spacing);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return pango_units_to_double (logical.height);
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return pango_units_to_double (logical.width);
}

static void
measure_lines (BlockLayout *block)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
  guint i = 0;

  block->n_lines = pango_layout_get_line_count (block->layout);
  block->lines = g_new0 (LineBox, block->n_lines);

  do
    {
      PangoRectangle logical;
      int y0, y1;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);

      block->lines[i].x = pango_units_to_double (logical.x);
      block->lines[i].top = pango_units_to_double (y0);
      block->lines[i].height = pango_units_to_double (y1 - y0);
      block->lines[i].baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      i++;
    }
  while (i < block->n_lines && pango_layout_iter_next_line (iter));

  block->n_lines = i;
  pango_layout_iter_free (iter);
}

static BlockLayout *
block_layout_new (KabPrintLayout *self,
                  KabPrintBlock  *source)
{
  BlockLayout *block = g_new0 (BlockLayout, 1);
  double width = MAX (self->frame.width, 2 * BULLET_HANG);

  block->kind = source->kind;
  block->signature = starts_with_signature_line (source->text);

  switch (source->kind)
    {
    case KAB_PRINT_BLOCK_TITLE:
      block->layout = text_layout_new (self, source->text, TITLE_FONT, width, HEADING_LINE_SPACING);
      break;

    case KAB_PRINT_BLOCK_HEADING:
      block->layout = text_layout_new (self, source->text, HEADING_FONT, width, HEADING_LINE_SPACING);
      break;

    case KAB_PRINT_BLOCK_BULLET:
      block->x = BULLET_HANG;
      block->layout = text_layout_new (self, source->text, BODY_FONT, width - BULLET_HANG,
                                       BODY_LINE_SPACING);
      break;

    case KAB_PRINT_BLOCK_PARAGRAPH:
    default:
      block->layout = text_layout_new (self, source->text, BODY_FONT, width, BODY_LINE_SPACING);
      break;
    }

  measure_lines (block);

  return block;
}

static double
space_between (BlockLayout *above,
               BlockLayout *below)
{
  if (above == NULL)
    return 0;

  if (above->kind == KAB_PRINT_BLOCK_TITLE)
    return SPACE_AFTER_TITLE;

  if (below->kind == KAB_PRINT_BLOCK_TITLE || below->kind == KAB_PRINT_BLOCK_HEADING)
    return SPACE_BEFORE_HEADING;

  if (above->kind == KAB_PRINT_BLOCK_HEADING)
    return SPACE_AFTER_HEADING;

  if (below->signature)
    return SPACE_TO_SIGN;

  if (above->signature)
    return SPACE_AFTER_SIGNATURE;

  if (below->kind == KAB_PRINT_BLOCK_BULLET)
    return above->kind == KAB_PRINT_BLOCK_BULLET ? SPACE_BETWEEN_ITEMS : SPACE_BEFORE_LIST;

  return SPACE_PARAGRAPH;
}

/* Headings stay with the text below them; so do a short line that introduces a list
 * ("… is responsible for:") and the name above a signature line. */
static gboolean
keeps_with (BlockLayout   *block,
            KabPrintBlock *source,
            BlockLayout   *next)
{
  if (next == NULL)
    return FALSE;

  if (block->kind == KAB_PRINT_BLOCK_TITLE || block->kind == KAB_PRINT_BLOCK_HEADING)
    return TRUE;

  if (block->kind != KAB_PRINT_BLOCK_PARAGRAPH || block->n_lines > 3)
    return FALSE;

  if (next->signature)
    return TRUE;

  return next->kind == KAB_PRINT_BLOCK_BULLET && g_str_has_suffix (source->text, ":");
}

static double
lines_height (BlockLayout *block,
              guint        first,
              guint        n)
{
  LineBox *last;

  if (n == 0)
    return 0;

  last = &block->lines[first + n - 1];

  return last->top + last->height - block->lines[first].top;
}

/* The height that must fit below a block for it to stay with what follows: all of it,
 * and the first two lines of the next block (or all of a next block that keeps too). */
static double
height_kept_together (KabPrintLayout *self,
                      guint           index)
{
  BlockLayout *block = g_ptr_array_index (self->blocks, index);
  BlockLayout *next;
  double height = lines_height (block, 0, block->n_lines);

  if (!block->keep_with_next || index + 1 >= self->blocks->len)
    return height;

  next = g_ptr_array_index (self->blocks, index + 1);
  height += next->space_before;

  if (next->keep_with_next)
    return height + height_kept_together (self, index + 1);

  return height + lines_height (next, 0, MIN (next->n_lines, 2));
}

static guint
lines_that_fit (BlockLayout *block,
                guint        first,
                double       room)
{
  guint n = 0;

  while (first + n < block->n_lines && lines_height (block, first, n + 1) <= room + 0.01)
    n++;

  return n;
}

typedef struct
{
  guint    page;
  double   y;
  gboolean at_top;
} Cursor;

static void
cursor_next_page (KabPrintLayout *self,
                  Cursor         *cursor)
{
  cursor->page++;
  cursor->y = self->body_top;
  cursor->at_top = TRUE;
}

/* How many of the @remaining lines from @first to put here, when @fit of them would fit:
 * a paragraph does not leave its first line alone at the bottom of a page nor its last
 * line alone at the top of the next. 0 means: start on the next page. */
static guint
lines_to_place (guint    first,
                guint    fit,
                guint    remaining,
                gboolean at_top)
{
  if (fit >= remaining)
    return remaining;

  if (!at_top && first == 0 && fit < 2)
    return 0;

  if (remaining - fit == 1 && fit >= 3)
    return fit - 1;

  if (remaining - fit == 1 && first == 0 && !at_top)
    return 0;

  if (fit == 0 && at_top)
    return 1;   /* a line taller than the page: nothing better to do */

  return fit;
}

static void
place_block (KabPrintLayout *self,
             Cursor         *cursor,
             guint           index)
{
  BlockLayout *block = g_ptr_array_index (self->blocks, index);
  double body_height = self->body_bottom - self->body_top;
  guint line = 0;

  if (!cursor->at_top && block->keep_with_next)
    {
      double kept = height_kept_together (self, index);

      if (kept <= body_height && cursor->y + block->space_before + kept > self->body_bottom)
        cursor_next_page (self, cursor);
    }

  while (line < block->n_lines)
    {
      double gap = cursor->at_top || line > 0 ? 0 : block->space_before;
      guint fit = lines_that_fit (block, line, self->body_bottom - cursor->y - gap);
      guint n = lines_to_place (line, fit, block->n_lines - line, cursor->at_top);
      Slice slice = { cursor->page, index, line, n, cursor->y + gap };

      if (n == 0)
        {
          cursor_next_page (self, cursor);
          continue;
        }

      g_array_append_val (self->slices, slice);
      cursor->y += gap + lines_height (block, line, n);
      cursor->at_top = FALSE;
      line += n;

      if (line < block->n_lines)
        cursor_next_page (self, cursor);
    }
}

static void
paginate (KabPrintLayout *self)
{
  Cursor cursor = { 0, self->body_top, TRUE };

  for (guint i = 0; i < self->blocks->len; i++)
    place_block (self, &cursor, i);

  self->n_pages = cursor.page + 1;
}

/* "1 / 3" in every language: no words, so that a document printed in one language
 * from a desktop in another never mixes the two, and every footer looks the same. */
static char *
page_number_text (guint page_nr,
                  guint n_pages)
{
  return g_strdup_printf ("%d / %d", (int)page_nr + 1, (int)n_pages);
}

/* The header at the top of the frame with a rule below it; the footer note and page
 * number at its bottom; the body in between. */
static void
layout_header_and_footer (KabPrintLayout *self,
                          const char     *header,
                          const char     *footer_note)
{
  g_autofree char *widest_number = page_number_text (887, 888);
  g_autoptr(PangoLayout) number = text_layout_new (self, widest_number, SMALL_FONT, 0, 0);
  double number_width = layout_width (number);
  double note_width;

  self->footer_height = layout_height (number);

  self->bullet = text_layout_new (self, "•", BODY_FONT, 0, 0);

  if (header != NULL && *header != '\0')
    {
      self->header = text_layout_new (self, header, SMALL_FONT, self->frame.width, 0);
      pango_layout_set_height (self->header, -2);
      pango_layout_set_ellipsize (self->header, PANGO_ELLIPSIZE_END);
      self->body_top = layout_height (self->header) + HEADER_RULE_GAP + HEADER_GAP;
    }

  /* The note wraps before the widest page number this document could have. */
  note_width = MAX (self->frame.width - number_width - 18.0, self->frame.width / 2);
  if (footer_note != NULL && *footer_note != '\0')
    {
      self->footer_note = text_layout_new (self, footer_note, SMALL_FONT, note_width, 0);
      pango_layout_set_height (self->footer_note, -3);
      pango_layout_set_ellipsize (self->footer_note, PANGO_ELLIPSIZE_END);
      self->footer_height = MAX (self->footer_height, layout_height (self->footer_note));
    }

  self->body_bottom = self->frame.height - self->footer_height - FOOTER_GAP;
  if (self->body_bottom - self->body_top < self->frame.height / 3)
    self->body_bottom = self->body_top + self->frame.height / 3;
}

static PangoAttrList *
language_attributes (const char *language)
{
  PangoAttrList *attrs;

  if (language == NULL || *language == '\0')
    return NULL;

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string (language)));

  return attrs;
}

/**
 * kab_print_layout_new:
 * @context: the Pango context of the surface the pages are drawn on, in points
 * @frame: where on each page the text goes
 * @blocks: (element-type KabPrintBlock): from kab_print_blocks_parse()
 *
 * Lays @blocks out and breaks them into pages.
 *
 * Returns: (transfer full): the layout
 */
KabPrintLayout *
kab_print_layout_new (PangoContext        *context,
                      const KabPrintFrame *frame,
                      GPtrArray           *blocks,
                      const char          *header,
                      const char          *footer_note,
                      const char          *language)
{
  KabPrintLayout *self = g_new0 (KabPrintLayout, 1);

  self->context = g_object_ref (context);
  self->context_serial = pango_context_get_serial (context);
  self->frame = *frame;
  self->attrs = language_attributes (language);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)block_layout_free);
  self->slices = g_array_new (FALSE, FALSE, sizeof (Slice));

  layout_header_and_footer (self, header, footer_note);

  for (guint i = 0; i < blocks->len; i++)
    g_ptr_array_add (self->blocks, block_layout_new (self, g_ptr_array_index (blocks, i)));

  for (guint i = 0; i < self->blocks->len; i++)
    {
      BlockLayout *block = g_ptr_array_index (self->blocks, i);
      BlockLayout *above = i > 0 ? g_ptr_array_index (self->blocks, i - 1) : NULL;
      BlockLayout *below = i + 1 < self->blocks->len ? g_ptr_array_index (self->blocks, i + 1)
                                                     : NULL;

      block->space_before = space_between (above, block);
      block->keep_with_next = keeps_with (block, g_ptr_array_index (blocks, i), below);
    }

  paginate (self);

  return self;
}

gboolean
kab_print_layout_is_valid_for (KabPrintLayout      *self,
                               PangoContext        *context,
                               const KabPrintFrame *frame)
{
  return self->context == context
         && self->context_serial == pango_context_get_serial (context)
         && memcmp (&self->frame, frame, sizeof *frame) == 0;
}

guint
kab_print_layout_get_n_pages (KabPrintLayout *self)
{
  return self->n_pages;
}

static void
draw_header (KabPrintLayout *self,
             cairo_t        *cr)
{
  double rule_y;

  if (self->header == NULL)
    return;

  cairo_set_source_rgb (cr, SMALL_GREY, SMALL_GREY, SMALL_GREY);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, self->header);

  rule_y = layout_height (self->header) + HEADER_RULE_GAP;
  cairo_set_source_rgb (cr, RULE_GREY, RULE_GREY, RULE_GREY);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, rule_y);
  cairo_line_to (cr, self->frame.width, rule_y);
  cairo_stroke (cr);
}

static void
draw_footer (KabPrintLayout *self,
             cairo_t        *cr,
             guint           page_nr)
{
  g_autofree char *text = page_number_text (page_nr, self->n_pages);
  g_autoptr(PangoLayout) number = text_layout_new (self, text, SMALL_FONT, 0, 0);
  double top = self->frame.height - self->footer_height;
  double width = layout_width (number);

  cairo_set_source_rgb (cr, SMALL_GREY, SMALL_GREY, SMALL_GREY);

  if (self->footer_note != NULL)
    {
      cairo_move_to (cr, 0, top);
      pango_cairo_show_layout (cr, self->footer_note);
    }

  cairo_move_to (cr, self->frame.width - width, top);
  pango_cairo_show_layout (cr, number);
}

static void
draw_slice (KabPrintLayout *self,
            cairo_t        *cr,
            const Slice    *slice)
{
  BlockLayout *block = g_ptr_array_index (self->blocks, slice->block);
  double origin = slice->y - block->lines[slice->first_line].top;
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);

  for (guint i = 0; i < slice->first_line; i++)
    pango_layout_iter_next_line (iter);

  for (guint i = slice->first_line; i < slice->first_line + slice->n_lines; i++)
    {
      cairo_move_to (cr, block->x + block->lines[i].x, origin + block->lines[i].baseline);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
      pango_layout_iter_next_line (iter);
    }

  pango_layout_iter_free (iter);

  if (block->kind == KAB_PRINT_BLOCK_BULLET && slice->first_line == 0)
    {
      cairo_move_to (cr, BULLET_INDENT, origin + block->lines[0].baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (self->bullet, 0));
    }
}

/**
 * kab_print_layout_draw_page:
 * @cr: a cairo context in points, with its origin at the corner the frame is measured from
 *
 * Draws page @page_nr (from 0): header, body and footer.
 */
void
kab_print_layout_draw_page (KabPrintLayout *self,
                            cairo_t        *cr,
                            guint           page_nr)
{
  cairo_save (cr);
  cairo_translate (cr, self->frame.x, self->frame.y);

  draw_header (self, cr);
  draw_footer (self, cr, page_nr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < self->slices->len; i++)
    {
      const Slice *slice = &g_array_index (self->slices, Slice, i);

      if (slice->page == page_nr)
        draw_slice (self, cr, slice);
    }

  cairo_restore (cr);
}
