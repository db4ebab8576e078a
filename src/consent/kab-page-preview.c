/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-page-preview.c: a document's A4 pages drawn on screen, one below the other */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-page-preview.h"

/* Pixels around and between the pages, and the widest a page is shown. */
#define PAGE_PADDING   24
#define PAGE_GAP       24
#define PAGE_MAX_WIDTH 760
#define PAGE_MIN_WIDTH 200

struct _KabPagePreview
{
  GtkWidget         parent_instance;

  KabPrintDocument *document;
  PangoContext     *context;   /* in points, unhinted: the layout of the paper itself */
  guint             n_pages;
};

G_DEFINE_FINAL_TYPE (KabPagePreview, kab_page_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The pages are laid out once for the paper, as for the PDF, and only scaled on screen,
 * so the preview breaks lines and pages exactly where the printout does. */
static PangoContext *
paper_context_new (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);

  cairo_font_options_destroy (options);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return context;
}

static double
page_width_for (int width)
{
  return CLAMP (width - 2 * PAGE_PADDING, PAGE_MIN_WIDTH, PAGE_MAX_WIDTH);
}

static double
page_height_for (double page_width)
{
  return page_width * KAB_PRINT_A4_HEIGHT / KAB_PRINT_A4_WIDTH;
}

static GtkSizeRequestMode
kab_page_preview_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kab_page_preview_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  KabPagePreview *self = KAB_PAGE_PREVIEW (widget);
  double page_height;
  int height;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PAGE_MIN_WIDTH + 2 * PAGE_PADDING;
      *natural = PAGE_MAX_WIDTH + 2 * PAGE_PADDING;
      return;
    }

  page_height = page_height_for (page_width_for (for_size < 0 ? PAGE_MAX_WIDTH : for_size));
  height = (int)(self->n_pages * page_height + (self->n_pages > 0 ? self->n_pages - 1 : 0) * PAGE_GAP);
  *minimum = *natural = height + 2 * PAGE_PADDING;
}

static void
snapshot_page (KabPagePreview *self,
               GtkSnapshot    *snapshot,
               guint           page_nr,
               double          x,
               double          y,
               double          width,
               double          height)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, width, height);
  GskRoundedRect outline;
  cairo_t *cr;

  gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &(GdkRGBA){ 0, 0, 0, 0.25 },
                                     0, 1, 1, 4);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA){ 1, 1, 1, 1 }, &bounds);

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_translate (cr, x, y);
  cairo_scale (cr, width / KAB_PRINT_A4_WIDTH, width / KAB_PRINT_A4_WIDTH);
  cairo_set_source_rgb (cr, 0, 0, 0);
  kab_print_document_draw_page (self->document, cr, self->context, page_nr,
                                KAB_PRINT_A4_WIDTH, KAB_PRINT_A4_HEIGHT);
  cairo_destroy (cr);
}

static void
kab_page_preview_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  KabPagePreview *self = KAB_PAGE_PREVIEW (widget);
  int width = gtk_widget_get_width (widget);
  double page_width = page_width_for (width);
  double page_height = page_height_for (page_width);
  double x = MAX (0, (width - page_width) / 2);

  if (self->document == NULL)
    return;

  for (guint i = 0; i < self->n_pages; i++)
    snapshot_page (self, snapshot, i, x, PAGE_PADDING + i * (page_height + PAGE_GAP),
                   page_width, page_height);
}

static void
kab_page_preview_dispose (GObject *object)
{
  KabPagePreview *self = KAB_PAGE_PREVIEW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (kab_page_preview_parent_class)->dispose (object);
}

static void
kab_page_preview_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KabPagePreview *self = KAB_PAGE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_page_preview_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KabPagePreview *self = KAB_PAGE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      kab_page_preview_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_page_preview_class_init (KabPagePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kab_page_preview_dispose;
  object_class->get_property = kab_page_preview_get_property;
  object_class->set_property = kab_page_preview_set_property;

  widget_class->get_request_mode = kab_page_preview_get_request_mode;
  widget_class->measure = kab_page_preview_measure;
  widget_class->snapshot = kab_page_preview_snapshot;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, KAB_TYPE_PRINT_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "kab-page-preview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kab_page_preview_init (KabPagePreview *self)
{
  self->context = paper_context_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview of the printed pages"),
                                  -1);
}

GtkWidget *
kab_page_preview_new (void)
{
  return g_object_new (KAB_TYPE_PAGE_PREVIEW, NULL);
}

KabPrintDocument *
kab_page_preview_get_document (KabPagePreview *self)
{
  g_return_val_if_fail (KAB_IS_PAGE_PREVIEW (self), NULL);

  return self->document;
}

/**
 * kab_page_preview_set_document:
 * @document: (nullable): what to show; it is laid out on A4 at once
 */
void
kab_page_preview_set_document (KabPagePreview   *self,
                               KabPrintDocument *document)
{
  guint n_pages = 0;

  g_return_if_fail (KAB_IS_PAGE_PREVIEW (self));
  g_return_if_fail (document == NULL || KAB_IS_PRINT_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  if (document != NULL)
    n_pages = kab_print_document_paginate (document, KAB_PRINT_A4_WIDTH, KAB_PRINT_A4_HEIGHT,
                                           self->context);

  if (n_pages != self->n_pages)
    {
      self->n_pages = n_pages;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

guint
kab_page_preview_get_n_pages (KabPagePreview *self)
{
  g_return_val_if_fail (KAB_IS_PAGE_PREVIEW (self), 0);

  return self->n_pages;
}
