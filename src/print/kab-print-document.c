/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-print-document.c: a consent form or receipt as a PDF file or a print job */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kab-print-document.h"
#include "kab-print-layout-private.h"
#include "kab-text.h"

struct _KabPrintDocument
{
  GObject         parent_instance;

  char           *text;
  char           *header;
  char           *footer_note;
  char           *language;

  GPtrArray      *blocks;   /* KabPrintBlock, parsed from text */
  const char     *title;    /* in blocks, or "" */

  KabPrintLayout *layout;   /* the last pagination, or NULL */
};

G_DEFINE_FINAL_TYPE (KabPrintDocument, kab_print_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_HEADER,
  PROP_FOOTER_NOTE,
  PROP_LANGUAGE,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The print dialog opens with the printer and options chosen last time. */
static GtkPrintSettings *last_print_settings;

static void
kab_print_document_invalidate (KabPrintDocument *self)
{
  g_clear_pointer (&self->layout, kab_print_layout_free);
}

static void
kab_print_document_parse (KabPrintDocument *self)
{
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  self->blocks = kab_print_blocks_parse (self->text);
  self->title = "";

  for (guint i = 0; i < self->blocks->len; i++)
    {
      KabPrintBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->kind == KAB_PRINT_BLOCK_TITLE)
        {
          self->title = block->text;
          break;
        }
    }
}

/* Copies @value (NULL meaning "") into @field; FALSE when it was already the same. */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static void
kab_print_document_finalize (GObject *object)
{
  KabPrintDocument *self = (KabPrintDocument *)object;

  g_clear_pointer (&self->layout, kab_print_layout_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->header, g_free);
  g_clear_pointer (&self->footer_note, g_free);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (kab_print_document_parent_class)->finalize (object);
}

static void
kab_print_document_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KabPrintDocument *self = KAB_PRINT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_HEADER:
      g_value_set_string (value, self->header);
      break;

    case PROP_FOOTER_NOTE:
      g_value_set_string (value, self->footer_note);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_print_document_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KabPrintDocument *self = KAB_PRINT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      kab_print_document_set_text (self, g_value_get_string (value));
      break;

    case PROP_HEADER:
      kab_print_document_set_header (self, g_value_get_string (value));
      break;

    case PROP_FOOTER_NOTE:
      kab_print_document_set_footer_note (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGE:
      kab_print_document_set_language (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_print_document_class_init (KabPrintDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kab_print_document_finalize;
  object_class->get_property = kab_print_document_get_property;
  object_class->set_property = kab_print_document_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HEADER] =
    g_param_spec_string ("header", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FOOTER_NOTE] =
    g_param_spec_string ("footer-note", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kab_print_document_init (KabPrintDocument *self)
{
  self->text = g_strdup ("");
  self->header = g_strdup ("");
  self->footer_note = g_strdup ("");
  self->language = g_strdup ("");
  kab_print_document_parse (self);
}

/**
 * kab_print_document_new:
 * @text: (nullable): the document in the print markup (see kab-print-document.h)
 *
 * Returns: (transfer full): a new document
 */
KabPrintDocument *
kab_print_document_new (const char *text)
{
  return g_object_new (KAB_TYPE_PRINT_DOCUMENT,
                       "text", text,
                       NULL);
}

const char *
kab_print_document_get_text (KabPrintDocument *self)
{
  g_return_val_if_fail (KAB_IS_PRINT_DOCUMENT (self), "");

  return self->text;
}

void
kab_print_document_set_text (KabPrintDocument *self,
                             const char       *text)
{
  g_autofree char *old_title = NULL;

  g_return_if_fail (KAB_IS_PRINT_DOCUMENT (self));

  old_title = g_strdup (self->title);
  if (!replace_string (&self->text, text))
    return;

  kab_print_document_parse (self);
  kab_print_document_invalidate (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  if (g_strcmp0 (old_title, self->title) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
kab_print_document_get_header (KabPrintDocument *self)
{
  g_return_val_if_fail (KAB_IS_PRINT_DOCUMENT (self), "");

  return self->header;
}

void
kab_print_document_set_header (KabPrintDocument *self,
                               const char       *header)
{
  g_return_if_fail (KAB_IS_PRINT_DOCUMENT (self));

  if (!replace_string (&self->header, header))
    return;

  kab_print_document_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER]);
}

const char *
kab_print_document_get_footer_note (KabPrintDocument *self)
{
  g_return_val_if_fail (KAB_IS_PRINT_DOCUMENT (self), "");

  return self->footer_note;
}

void
kab_print_document_set_footer_note (KabPrintDocument *self,
                                    const char       *footer_note)
{
  g_return_if_fail (KAB_IS_PRINT_DOCUMENT (self));

  if (!replace_string (&self->footer_note, footer_note))
    return;

  kab_print_document_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOOTER_NOTE]);
}

const char *
kab_print_document_get_language (KabPrintDocument *self)
{
  g_return_val_if_fail (KAB_IS_PRINT_DOCUMENT (self), "");

  return self->language;
}

/**
 * kab_print_document_set_language:
 * @language: (nullable): a language tag such as "ru", "sv" or "nb"; "" for the user's
 *
 * The language of the text, so that Pango shapes and breaks it as that language's
 * readers expect.
 */
void
kab_print_document_set_language (KabPrintDocument *self,
                                 const char       *language)
{
  g_return_if_fail (KAB_IS_PRINT_DOCUMENT (self));

  if (!replace_string (&self->language, language))
    return;

  kab_print_document_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/**
 * kab_print_document_get_title:
 *
 * Returns: the text of the first "# " line, or "" when there is none
 */
const char *
kab_print_document_get_title (KabPrintDocument *self)
{
  g_return_val_if_fail (KAB_IS_PRINT_DOCUMENT (self), "");

  return self->title;
}

/* Pages */

static KabPrintLayout *
kab_print_document_ensure_layout (KabPrintDocument    *self,
                                  PangoContext        *context,
                                  const KabPrintFrame *frame)
{
  if (self->layout != NULL && kab_print_layout_is_valid_for (self->layout, context, frame))
    return self->layout;

  g_clear_pointer (&self->layout, kab_print_layout_free);
  self->layout = kab_print_layout_new (context, frame, self->blocks,
                                       self->header, self->footer_note, self->language);

  return self->layout;
}

/**
 * kab_print_document_paginate:
 * @width_pt: the width of the whole sheet, in points
 * @height_pt: its height
 * @context: a Pango context for a cairo surface in points (resolution 72)
 *
 * Lays the document out on sheets of this size with 20 mm margins. The result is kept
 * for kab_print_document_draw_page() with the same context and size.
 *
 * Returns: the number of pages, at least 1
 */
guint
kab_print_document_paginate (KabPrintDocument *self,
                             double            width_pt,
                             double            height_pt,
                             PangoContext     *context)
{
  KabPrintFrame frame;

  g_return_val_if_fail (KAB_IS_PRINT_DOCUMENT (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (width_pt > 0 && height_pt > 0, 0);

  kab_print_frame_for_paper (&frame, width_pt, height_pt);

  return kab_print_layout_get_n_pages (kab_print_document_ensure_layout (self, context, &frame));
}

/**
 * kab_print_document_draw_page:
 * @cr: a cairo context in points with its origin at the sheet's top left corner
 * @context: the Pango context given to kab_print_document_paginate()
 * @page_nr: the page, from 0
 *
 * Draws one page of the sheets that kab_print_document_paginate() counted.
 */
void
kab_print_document_draw_page (KabPrintDocument *self,
                              cairo_t          *cr,
                              PangoContext     *context,
                              guint             page_nr,
                              double            width_pt,
                              double            height_pt)
{
  KabPrintFrame frame;
  KabPrintLayout *layout;

  g_return_if_fail (KAB_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));
  g_return_if_fail (width_pt > 0 && height_pt > 0);

  kab_print_frame_for_paper (&frame, width_pt, height_pt);
  layout = kab_print_document_ensure_layout (self, context, &frame);
  g_return_if_fail (page_nr < kab_print_layout_get_n_pages (layout));

  kab_print_layout_draw_page (layout, cr, page_nr);
}

/* PDF */

typedef struct
{
  int fd;
  int errsv;   /* of the first failed write, or 0 */
} PdfSink;

static cairo_status_t
pdf_sink_write (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  PdfSink *sink = closure;

  while (length > 0)
    {
      gssize written = write (sink->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;

      if (written < 0)
        {
          sink->errsv = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }

      data += written;
      length -= (unsigned int)written;
    }

  return CAIRO_STATUS_SUCCESS;
}

/* A context for the PDF surface, in points, without hinting, so that the text is laid
 * out the same at any size it is later shown or printed at. */
static PangoContext *
pdf_pango_context_new (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);

  return context;
}

static cairo_status_t
kab_print_document_render_pdf (KabPrintDocument *self,
                               PdfSink          *sink)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  cairo_status_t status;
  guint n_pages;

  surface = cairo_pdf_surface_create_for_stream (pdf_sink_write, sink,
                                                 KAB_PRINT_A4_WIDTH, KAB_PRINT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kabinett");

  cr = cairo_create (surface);
  context = pdf_pango_context_new (cr);

  n_pages = kab_print_document_paginate (self, KAB_PRINT_A4_WIDTH, KAB_PRINT_A4_HEIGHT, context);
  for (guint i = 0; i < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      kab_print_document_draw_page (self, cr, context, i,
                                    KAB_PRINT_A4_WIDTH, KAB_PRINT_A4_HEIGHT);
      cairo_show_page (cr);
    }

  /* The layout belongs to this context; nothing will draw with it again. */
  kab_print_document_invalidate (self);
  g_object_unref (context);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

static void
set_save_error (GError     **error,
                const char  *path,
                int          errsv)
{
  g_autofree char *basename = g_filename_display_basename (path);
  g_autofree char *name = kab_isolate (basename);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               /* Translators: %s is a file name; after the colon comes the system's reason,
                * e.g. "Permission denied" */
               _("Could not save “%s”: %s"), name, g_strerror (errsv));
}

/**
 * kab_print_document_export_pdf:
 * @path: where to write the PDF, in the GLib file name encoding
 *
 * Writes the document as an A4 PDF. It is written to a temporary file in the same folder
 * first and renamed over @path only when complete, so a failure never leaves half a file
 * (nor harms a file that was already there). Needs no display.
 *
 * Returns: TRUE on success; FALSE with a translated G_IO_ERROR otherwise
 */
gboolean
kab_print_document_export_pdf (KabPrintDocument  *self,
                               const char        *path,
                               GError           **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *temp_path = NULL;
  PdfSink sink = { -1, 0 };
  cairo_status_t status;
  int errsv = 0;

  g_return_val_if_fail (KAB_IS_PRINT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_path_get_dirname (path);
  temp_path = g_build_filename (dir, ".kabinett-XXXXXX.pdf.part", NULL);

  sink.fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (sink.fd < 0)
    {
      set_save_error (error, path, errno);
      return FALSE;
    }

  status = kab_print_document_render_pdf (self, &sink);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (sink.errsv == 0)
        {
          g_autofree char *basename = g_filename_display_basename (path);
          g_autofree char *name = kab_isolate (basename);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       /* Translators: %s is a file name; after the colon comes a technical reason */
                       _("Could not save “%s”: %s"), name, cairo_status_to_string (status));
          goto failed;
        }
      errsv = sink.errsv;
    }
  else if (g_fsync (sink.fd) != 0)
    errsv = errno;

  if (!g_close (sink.fd, NULL) && errsv == 0)
    errsv = errno;
  sink.fd = -1;

  if (errsv == 0 && g_rename (temp_path, path) != 0)
    errsv = errno;

  if (errsv == 0)
    return TRUE;

  set_save_error (error, path, errsv);

failed:
  if (sink.fd >= 0)
    g_close (sink.fd, NULL);
  g_unlink (temp_path);

  return FALSE;
}

/* Printing */

#define PRINT_PANGO_CONTEXT "kab-print-pango-context"

/* Where the text goes in a print context: 20 mm from the paper's edges, or as close as
 * the printer's margins allow. The print context's origin is at the page setup's top left
 * margin, not at the corner of the paper. */
static void
print_frame (GtkPrintContext *context,
             KabPrintFrame   *frame)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  double left = gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS);
  double right = gtk_page_setup_get_right_margin (setup, GTK_UNIT_POINTS);
  double top = gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS);
  double bottom = gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_POINTS);
  double paper_width = gtk_print_context_get_width (context) + left + right;
  double paper_height = gtk_print_context_get_height (context) + top + bottom;
  KabPrintFrame paper;

  kab_print_frame_for_paper (&paper, paper_width, paper_height);

  frame->x = MAX (paper.x, left);
  frame->y = MAX (paper.y, top);
  frame->width = MIN (paper.x + paper.width, paper_width - right) - frame->x;
  frame->height = MIN (paper.y + paper.height, paper_height - bottom) - frame->y;
  frame->x -= left;
  frame->y -= top;
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                KabPrintDocument  *self)
{
  PangoContext *pango_context = gtk_print_context_create_pango_context (context);
  KabPrintFrame frame;
  KabPrintLayout *layout;

  g_object_set_data_full (G_OBJECT (operation), PRINT_PANGO_CONTEXT,
                          pango_context, g_object_unref);

  print_frame (context, &frame);
  layout = kab_print_document_ensure_layout (self, pango_context, &frame);
  gtk_print_operation_set_n_pages (operation, (int)kab_print_layout_get_n_pages (layout));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              KabPrintDocument  *self)
{
  PangoContext *pango_context = g_object_get_data (G_OBJECT (operation), PRINT_PANGO_CONTEXT);
  KabPrintFrame frame;
  KabPrintLayout *layout;

  g_return_if_fail (pango_context != NULL);

  print_frame (context, &frame);
  layout = kab_print_document_ensure_layout (self, pango_context, &frame);
  if (page_nr < 0 || (guint)page_nr >= kab_print_layout_get_n_pages (layout))
    return;

  kab_print_layout_draw_page (layout, gtk_print_context_get_cairo_context (context),
                              (guint)page_nr);
}

static void
on_end_print (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              KabPrintDocument  *self)
{
  kab_print_document_invalidate (self);
  g_object_set_data (G_OBJECT (operation), PRINT_PANGO_CONTEXT, NULL);
}

static void
unref_document (gpointer  data,
                GClosure *closure)
{
  g_object_unref (data);
}

/**
 * kab_print_document_create_print_operation:
 *
 * A print operation for the document on A4 (by default), laid out and drawn by the same
 * code as the PDF export. The operation keeps the document alive.
 *
 * Returns: (transfer full): the operation, not yet run
 */
GtkPrintOperation *
kab_print_document_create_print_operation (KabPrintDocument *self)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  const char *job_name;

  g_return_val_if_fail (KAB_IS_PRINT_DOCUMENT (self), NULL);

  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  page_setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);

  /* Translators: the name of a print job for a document without a title */
  job_name = *self->title != '\0' ? self->title : _("Document");

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);

  g_signal_connect_data (operation, "begin-print", G_CALLBACK (on_begin_print),
                         g_object_ref (self), unref_document, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page),
                         g_object_ref (self), unref_document, 0);
  g_signal_connect_data (operation, "end-print", G_CALLBACK (on_end_print),
                         g_object_ref (self), unref_document, 0);

  return operation;
}

/**
 * kab_print_document_use_settings:
 * @last: (nullable): the settings the user chose last time
 *
 * Gives @operation the printer and options chosen last time, and a file name for
 * "Print to File" from the document's title ("Behandlingsavtal Anna Karlsson.pdf")
 * instead of GTK's "output.pdf".
 */
void
kab_print_document_use_settings (KabPrintDocument  *self,
                                 GtkPrintOperation *operation,
                                 GtkPrintSettings  *last)
{
  g_autoptr(GtkPrintSettings) settings = last != NULL ? gtk_print_settings_copy (last)
                                                      : gtk_print_settings_new ();
  /* A title may hold a slash or other characters a file name cannot. */
  g_autofree char *name = kab_file_name_from (*self->title != '\0' ? self->title : _("Document"));

  g_return_if_fail (KAB_IS_PRINT_DOCUMENT (self));

  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, name);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, NULL);
  gtk_print_operation_set_print_settings (operation, settings);
}

/**
 * kab_print_document_print:
 * @parent: (nullable): the window the print dialog belongs to
 * @action: GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG to let the user choose the printer
 *
 * Runs a print operation and returns when it is done (the dialog runs modally). The
 * printer and options the user chose are offered again next time.
 *
 * Returns: FALSE with @error set when printing failed; TRUE when it was done or the user
 *   cancelled
 */
gboolean
kab_print_document_print (KabPrintDocument         *self,
                          GtkWindow                *parent,
                          GtkPrintOperationAction   action,
                          GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) local_error = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (KAB_IS_PRINT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = kab_print_document_create_print_operation (self);
  kab_print_document_use_settings (self, operation, last_print_settings);

  result = gtk_print_operation_run (operation, action, parent, &local_error);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_print_settings, gtk_print_operation_get_print_settings (operation));

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return TRUE;

  if (local_error == NULL)
    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("The document could not be printed."));

  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}
