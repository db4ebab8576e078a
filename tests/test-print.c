/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-print.c: the print module: markup, pages, PDF export and the print operation */

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "kab-print-document.h"
#include "kab-test-util.h"

static gboolean have_display;

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kab-test-print-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kab_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Helpers */

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  return pdftotext != NULL && pdfinfo != NULL;
}

static char *
run_tool (const char *program,
          const char *first_arg,
          const char *path)
{
  const char *argv[] = { program, first_arg, path, first_arg != NULL ? "-" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  if (first_arg == NULL)
    {
      argv[1] = path;
      argv[2] = NULL;
    }

  g_spawn_sync (NULL, (char **)argv, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (out, -1, NULL));

  return g_steal_pointer (&out);
}

/* pdftotext -layout: one string, pages separated by form feeds. */
static char *
pdf_text (const char *path)
{
  return run_tool ("pdftotext", "-layout", path);
}

static guint
pdf_page_count (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", NULL, path);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Pages:"))
      return (guint)g_ascii_strtoull (lines[i] + strlen ("Pages:"), NULL, 10);

  g_assert_not_reached ();
}

static char *
pdf_info (const char *path)
{
  return run_tool ("pdfinfo", NULL, path);
}

/* The line of @text that contains @needle, or NULL. */
static char *
line_with (const char *text,
           const char *needle)
{
  const char *found = strstr (text, needle);
  const char *start;
  const char *end;

  if (found == NULL)
    return NULL;

  for (start = found; start > text && start[-1] != '\n' && start[-1] != '\f'; start--)
    ;
  end = found + strcspn (found, "\n\f");

  return g_strndup (start, end - start);
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\f' || !g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Every page says "i / n" (with @neutral; else "Page i of n"), the same in every
 * language, and no page claims more. */
static void
assert_page_numbers (const char *text,
                     guint       n_pages,
                     gboolean    neutral)
{
  /* pdftotext may drop the spaces around the slash: "i/n" is compared without them. */
  g_autofree char *flat = neutral ? without_spaces (text) : g_strdup (text);
  g_auto(GStrv) pages = g_strsplit (flat, "\f", -1);
  g_autofree char *beyond = neutral ? g_strdup_printf ("%u/%u", n_pages + 1, n_pages)
                                    : g_strdup_printf ("Page %u of", n_pages + 1);

  if (neutral)
    g_assert_null (strstr (text, "Page "));

  for (guint i = 1; i <= n_pages; i++)
    {
      g_autofree char *number = neutral ? g_strdup_printf ("%u/%u", i, n_pages)
                                        : g_strdup_printf ("Page %u of %u", i, n_pages);

      g_assert_nonnull (pages[i - 1]);
      g_assert_nonnull (strstr (pages[i - 1], number));
    }

  g_assert_null (strstr (flat, beyond));
}

#define TITLE "Договор — Överenskommelse — Agreement"
#define BULLET_ITEM "Bjørnstad keeps every note in a locked place"
#define SIGNATURE "Signature: ______________________   Date: ____________"

static const char *names[] = {
  "Договор", "Ёлкина", "Överenskommelse", "Bjørnstad", "Ærlighet", "Åsane",
};

/* A consent form in three languages, long enough for three pages or more. */
static char *
multilingual_text (void)
{
  GString *text = g_string_new ("# " TITLE "\n\n");

  for (guint i = 1; i <= 7; i++)
    {
      g_string_append_printf (text, "## %u. Договор и Överenskommelse\n\n", i);
      g_string_append (text,
        "Настоящий Договор заключён между клиентом Ёлкиной Анной и специалистом.\n"
        "Клиентка Ёлкина подтверждает, что ознакомилась с условиями работы, правилами\n"
        "отмены встреч и порядком оплаты, и согласна с ними.\n\n");
      g_string_append (text,
        "Denna Överenskommelse gäller mellan klienten och psykologen. Ärlighet och\n"
        "förtroende är grunden för arbetet, och alla samtal omfattas av tystnadsplikt.\n\n");
      g_string_append (text,
        "Avtalen er inngått med Ingrid Bjørnstad, psykologspesialist i Åsane. Ærlighet,\n"
        "åpenhet og trygghet er en del av arbeidet; taushetsplikten gjelder fullt ut.\n\n");
      g_string_append (text,
        "The practitioner is responsible for:\n\n"
        "- providing safe and confidential conditions for the work, and for referring\n"
        "  the client elsewhere when their needs lie outside the practitioner's training;\n"
        "- " BULLET_ITEM ";\n"
        "- being honest about how the work is going.\n\n");
      g_string_append (text,
        "Psychotherapy is regular, longer-term work. We meet at a fixed time, usually once\n"
        "a week or every second week, and the work often continues for several months or\n"
        "longer. The steady rhythm is itself part of the method.\n\n");
    }

  g_string_append (text,
    "## Signatures\n\n"
    "Client: Анна Ёлкина\n\n"
    SIGNATURE "\n\n"
    "Practitioner: Ingrid Bjørnstad, Åsane\n\n"
    SIGNATURE "\n");

  return g_string_free (text, FALSE);
}

static KabPrintDocument *
multilingual_document (void)
{
  g_autofree char *text = multilingual_text ();
  KabPrintDocument *document = kab_print_document_new (text);

  kab_print_document_set_header (document, "Ingrid Bjørnstad · Psykologspesialist · +47 55 00 00 00");
  kab_print_document_set_footer_note (document, "Ærlighet — Договор — Överenskommelse");

  return document;
}

/* What every PDF of multilingual_document() shows, whoever drew it. */
static void
assert_multilingual_pdf (const char *path,
                         guint       n_pages,
                         gboolean    neutral)
{
  g_autofree char *text = pdf_text (path);
  g_autofree char *bullet_line = NULL;
  g_autofree char *signature_line = NULL;
  g_autofree char *info = pdf_info (path);
  g_auto(GStrv) pages = NULL;

  g_test_message ("%s", text);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_nonnull (strstr (text, names[i]));

  g_assert_nonnull (strstr (text, TITLE));
  assert_page_numbers (text, n_pages, neutral);

  bullet_line = line_with (text, BULLET_ITEM);
  g_assert_nonnull (bullet_line);
  g_assert_nonnull (strstr (bullet_line, "•"));
  g_assert_true (strstr (bullet_line, "•") < strstr (bullet_line, BULLET_ITEM));

  signature_line = line_with (text, "Signature:");
  g_assert_nonnull (signature_line);
  g_assert_nonnull (strstr (signature_line, "______________________"));
  g_assert_nonnull (strstr (signature_line, "Date: ____________"));
  g_assert_cmpuint (count_occurrences (text, "Signature:"), ==, 2);

  /* The header and the footer note are on every page. */
  pages = g_strsplit (text, "\f", -1);
  for (guint i = 0; i < n_pages; i++)
    {
      g_assert_nonnull (strstr (pages[i], "Ingrid Bjørnstad · Psykologspesialist"));
      g_assert_nonnull (strstr (pages[i], "Ærlighet — Договор — Överenskommelse"));
    }

  g_assert_nonnull (strstr (info, "A4"));
}

/* Tests */

static void
test_markup_title (void)
{
  g_autoptr(KabPrintDocument) document = kab_print_document_new ("# Receipt No. 42\n\nText");

  g_assert_cmpstr (kab_print_document_get_title (document), ==, "Receipt No. 42");

  /* The first "# " line is the title, wherever it is; later ones are headings. */
  kab_print_document_set_text (document, "Intro\n\n## Section\n\n# Квитанция №\u00a07\n\n# Second");
  g_assert_cmpstr (kab_print_document_get_title (document), ==, "Квитанция №\u00a07");

  kab_print_document_set_text (document, "No title at all\n#hashtag is not one either");
  g_assert_cmpstr (kab_print_document_get_title (document), ==, "");

  kab_print_document_set_text (document, NULL);
  g_assert_cmpstr (kab_print_document_get_text (document), ==, "");
  g_assert_cmpstr (kab_print_document_get_title (document), ==, "");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_document_properties (void)
{
  g_autoptr(KabPrintDocument) document = kab_print_document_new (NULL);
  const char *props[] = { "text", "header", "footer-note", "language" };
  guint title_notified = 0;

  g_assert_cmpstr (kab_print_document_get_text (document), ==, "");
  g_assert_cmpstr (kab_print_document_get_header (document), ==, "");
  g_assert_cmpstr (kab_print_document_get_footer_note (document), ==, "");
  g_assert_cmpstr (kab_print_document_get_language (document), ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    {
      g_autofree char *signal = g_strdup_printf ("notify::%s", props[i]);
      g_autofree char *value = NULL;
      guint count = 0;
      gulong id = g_signal_connect (document, signal, G_CALLBACK (count_notify), &count);

      g_object_set (document, props[i], "Ærlighet", NULL);
      g_object_set (document, props[i], "Ærlighet", NULL);
      g_assert_cmpuint (count, ==, 1);
      g_object_get (document, props[i], &value, NULL);
      g_assert_cmpstr (value, ==, "Ærlighet");

      g_object_set (document, props[i], NULL, NULL);
      g_assert_cmpuint (count, ==, 2);
      g_clear_pointer (&value, g_free);
      g_object_get (document, props[i], &value, NULL);
      g_assert_cmpstr (value, ==, "");

      g_signal_handler_disconnect (document, id);
    }

  g_signal_connect (document, "notify::title", G_CALLBACK (count_notify), &title_notified);
  kab_print_document_set_text (document, "# Åsane\n\nOne");
  kab_print_document_set_text (document, "# Åsane\n\nTwo");
  g_assert_cmpuint (title_notified, ==, 1);
  kab_print_document_set_text (document, "# Bjørnstad");
  g_assert_cmpuint (title_notified, ==, 2);
}

/* paginate() and draw_page() on an image surface, one pixel a point: the text stays
 * inside the 20 mm margins. */
static void
test_document_draw_page (void)
{
  g_autoptr(KabPrintDocument) document = multilingual_document ();
  int width = (int)KAB_PRINT_A4_WIDTH + 1;
  int height = (int)KAB_PRINT_A4_HEIGHT + 1;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  int margin = (int)KAB_PRINT_MARGIN;
  guint dark_inside = 0;
  guint dark_outside = 0;
  guint n_pages;

  pango_cairo_context_set_resolution (context, 72.0);
  n_pages = kab_print_document_paginate (document, KAB_PRINT_A4_WIDTH, KAB_PRINT_A4_HEIGHT,
                                         context);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (kab_print_document_paginate (document, KAB_PRINT_A4_WIDTH,
                                                 KAB_PRINT_A4_HEIGHT, context), ==, n_pages);

  for (guint page = 0; page < n_pages; page++)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      kab_print_document_draw_page (document, cr, context, page,
                                    KAB_PRINT_A4_WIDTH, KAB_PRINT_A4_HEIGHT);
      cairo_surface_flush (surface);

      for (int y = 0; y < height; y++)
        {
          const guint32 *row = (const guint32 *)(cairo_image_surface_get_data (surface)
                                                 + y * cairo_image_surface_get_stride (surface));

          for (int x = 0; x < width; x++)
            {
              gboolean dark = (row[x] & 0xff) < 0xc0;
              gboolean inside = x >= margin && x < width - margin - 1
                                && y >= margin && y < height - margin - 1;

              if (dark && inside)
                dark_inside++;
              else if (dark)
                dark_outside++;
            }
        }
    }

  g_assert_cmpuint (dark_inside, >, 10000);
  g_assert_cmpuint (dark_outside, ==, 0);

  /* A smaller sheet needs more pages. */
  g_assert_cmpuint (kab_print_document_paginate (document, 420.94, 595.28, context), >, n_pages);

  /* An empty document is one page with its page number. */
  kab_print_document_set_text (document, "");
  g_assert_cmpuint (kab_print_document_paginate (document, KAB_PRINT_A4_WIDTH,
                                                 KAB_PRINT_A4_HEIGHT, context), ==, 1);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_pdf_multilingual (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KabPrintDocument) document = multilingual_document ();
  g_autofree char *path = g_build_filename (f->dir, "Договор Bjørnstad.pdf", NULL);
  g_autoptr(GError) error = NULL;
  guint n_pages;

  kab_print_document_set_language (document, "ru");
  g_assert_true (kab_print_document_export_pdf (document, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_entries (f->dir), ==, 1);

  if (!have_poppler ())
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
      return;
    }

  /* A Russian document in an English interface: no English words in its footer. */
  n_pages = pdf_page_count (path);
  g_assert_cmpuint (n_pages, >=, 3);
  assert_multilingual_pdf (path, n_pages, TRUE);

  /* In the interface's own language too: every footer is the same. */
  kab_print_document_set_language (document, "en");
  g_assert_true (kab_print_document_export_pdf (document, path, &error));
  g_assert_no_error (error);
  assert_multilingual_pdf (path, pdf_page_count (path), TRUE);
}

static void
test_pdf_paragraphs (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KabPrintDocument) document = NULL;
  g_autofree char *path = g_build_filename (f->dir, "receipt.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *place = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  document = kab_print_document_new ("# Kvittering nr. 7\n"
                                     "\n"
                                     "Alpha line\n"
                                     "Beta line\n"
                                     "\n"
                                     "Ingrid Bjørnstad \\\n"
                                     "Psykologspesialist\\\n"
                                     "Åsanevegen 12\n"
                                     "5116 Ulset\n"
                                     "\n"
                                     "- Beløp: 1 500,50 kr\n"
                                     "- Betalt med:\n"
                                     "  Vipps\n"
                                     "\n"
                                     "Place: ____________\n"
                                     "Date: ____________\n"
                                     "Received with thanks.\n");
  g_assert_true (kab_print_document_export_pdf (document, path, &error));
  g_assert_no_error (error);

  if (!have_poppler ())
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
      return;
    }

  g_assert_cmpuint (pdf_page_count (path), ==, 1);
  text = pdf_text (path);
  g_test_message ("%s", text);

  g_assert_nonnull (strstr (text, "Kvittering nr. 7"));
  assert_page_numbers (text, 1, TRUE);

  /* Lines of a paragraph are joined, and so are a bullet's continuation lines... */
  g_assert_nonnull (strstr (text, "Alpha line Beta line"));
  g_assert_nonnull (strstr (text, "Betalt med: Vipps"));

  /* ...but a signature line keeps a line of its own. */
  place = line_with (text, "Place:");
  g_assert_nonnull (place);
  g_assert_null (strstr (place, "Date:"));
  g_assert_null (strstr (place, "Received"));
  g_assert_nonnull (line_with (text, "Received with thanks."));

  /* A backslash at the end of a line breaks it there, and is not printed. */
  name = line_with (text, "Ingrid Bjørnstad");
  g_assert_nonnull (name);
  g_assert_null (strstr (name, "Psykologspesialist"));
  title = line_with (text, "Psykologspesialist");
  g_assert_null (strstr (title, "Åsanevegen"));
  g_assert_nonnull (strstr (text, "Åsanevegen 12 5116 Ulset"));
  g_assert_null (strchr (text, '\\'));
}

/* A heading never stays alone at the bottom of a page: whatever the text above it, the
 * page with the heading also has the first line of its section. */
static void
test_pdf_heading_kept (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "keep.pdf", NULL);
  guint moved = 0;

  if (!have_poppler ())
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
      return;
    }

  for (guint filler = 24; filler <= 44; filler++)
    {
      GString *source = g_string_new ("# Keep test\n\n");
      g_autoptr(KabPrintDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_auto(GStrv) pages = NULL;

      for (guint i = 0; i < filler; i++)
        g_string_append_printf (source, "Filler paragraph %u.\n\n", i);
      g_string_append (source,
                       "## Keep Me With Text\n\n"
                       "Section starts here, and goes on for a while so that the paragraph\n"
                       "takes a few lines on the page, as paragraphs in a consent form do.\n");

      document = kab_print_document_new (source->str);
      g_string_free (source, TRUE);

      g_assert_true (kab_print_document_export_pdf (document, path, &error));
      g_assert_no_error (error);

      text = pdf_text (path);
      pages = g_strsplit (text, "\f", -1);
      for (guint p = 0; pages[p] != NULL; p++)
        {
          if (strstr (pages[p], "Keep Me With Text") == NULL)
            continue;

          g_assert_nonnull (strstr (pages[p], "Section starts here"));
          if (p > 0 && strstr (pages[p], "Filler") == NULL)
            moved++;
        }
    }

  /* The rule was put to work: some heading began the second page. */
  g_assert_cmpuint (moved, >, 0);
}

static void
assert_export_fails (const char *path)
{
  g_autoptr(KabPrintDocument) document = multilingual_document ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);

  g_assert_false (kab_print_document_export_pdf (document, path, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_nonnull (strstr (error->message, name));
  g_test_message ("%s", error->message);
  g_assert_false (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_pdf_missing_dir (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (missing, "consent.pdf", NULL);

  assert_export_fails (path);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (f->dir), ==, 0);
}

static void
test_pdf_unwritable_dir (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *locked = g_build_filename (f->dir, "locked", NULL);
  g_autofree char *path = g_build_filename (locked, "consent.pdf", NULL);

  g_assert_cmpint (g_mkdir (locked, 0700), ==, 0);
  g_assert_cmpint (g_chmod (locked, 0500), ==, 0);

  if (access (locked, W_OK) == 0)
    {
      g_test_skip ("running as root: permissions do not stop writing here");
      return;
    }

  assert_export_fails (path);
  g_chmod (locked, 0700);
  g_assert_cmpuint (count_entries (locked), ==, 0);
}

/* Even root cannot create a file in sysfs: the same check for runs as root. */
static void
test_pdf_read_only_fs (void)
{
  if (!g_file_test ("/sys/kernel", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no /sys");
      return;
    }

  assert_export_fails ("/sys/kabinett-test-print.pdf");
}

/* A failure after the temporary file was made (here: the target is a folder) removes it. */
static void
test_pdf_no_leftovers (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "taken.pdf", NULL);
  g_autofree char *inside = g_build_filename (folder, "keep", NULL);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", -1, NULL));

  assert_export_fails (folder);
  g_assert_cmpuint (count_entries (f->dir), ==, 1);
  g_assert_cmpuint (count_entries (folder), ==, 1);
}

/* Saving over an older PDF replaces it whole. */
static void
test_pdf_replace (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "receipt.pdf", NULL);
  g_autoptr(KabPrintDocument) first = kab_print_document_new ("# First\n\nÅsane");
  g_autoptr(KabPrintDocument) second = kab_print_document_new ("# Second\n\nЁлкина");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (kab_print_document_export_pdf (first, path, &error));
  g_assert_true (kab_print_document_export_pdf (second, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (f->dir), ==, 1);

  if (!have_poppler ())
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
      return;
    }

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Ёлкина"));
  g_assert_null (strstr (text, "Åsane"));
}

/* GtkPrintOperation, exported to PDF: the same pages as the direct export. */
static void
test_operation_export (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KabPrintDocument) document = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (f->dir, "exported.pdf", NULL);
  g_autofree char *job_name = NULL;
  GtkPrintOperationResult result;
  guint n_pages;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }

  document = multilingual_document ();
  operation = kab_print_document_create_print_operation (document);
  g_object_get (operation, "job-name", &job_name, NULL);
  g_assert_cmpstr (job_name, ==, TITLE);

  /* The operation keeps the document alive. */
  g_clear_object (&document);

  gtk_print_operation_set_export_filename (operation, printed);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (printed, G_FILE_TEST_IS_REGULAR));

  if (!have_poppler ())
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
      return;
    }

  n_pages = pdf_page_count (printed);
  g_assert_cmpuint (n_pages, >=, 3);
  assert_multilingual_pdf (printed, n_pages, TRUE);

  document = multilingual_document ();
  g_assert_true (kab_print_document_export_pdf (document, exported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_page_count (exported), ==, n_pages);
}

static gboolean
cancel_dialogs (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint *cancelled = data;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          gtk_dialog_response (GTK_DIALOG (window), GTK_RESPONSE_CANCEL);
          (*cancelled)++;
          return G_SOURCE_REMOVE;
        }
    }

  return G_SOURCE_CONTINUE;
}

/* The real print dialog opens over its window; cancelling it is not an error. */
static void
test_operation_dialog_cancel (void)
{
  g_autoptr(KabPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;
  guint cancelled = 0;
  guint source;
  gboolean printed;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }

  parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (parent);

  document = multilingual_document ();
  source = g_timeout_add (50, cancel_dialogs, &cancelled);
  printed = kab_print_document_print (document, parent, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                      &error);
  if (cancelled == 0)
    g_source_remove (source);

  g_assert_no_error (error);
  g_assert_true (printed);
  g_assert_cmpuint (cancelled, ==, 1);

  gtk_window_destroy (parent);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();

  g_test_add_func ("/print/markup/title", test_markup_title);
  g_test_add_func ("/print/document/properties", test_document_properties);
  g_test_add_func ("/print/document/draw-page", test_document_draw_page);
  g_test_add ("/print/pdf/multilingual", Fixture, NULL,
              fixture_set_up, test_pdf_multilingual, fixture_tear_down);
  g_test_add ("/print/pdf/paragraphs", Fixture, NULL,
              fixture_set_up, test_pdf_paragraphs, fixture_tear_down);
  g_test_add ("/print/pdf/heading-kept", Fixture, NULL,
              fixture_set_up, test_pdf_heading_kept, fixture_tear_down);
  g_test_add ("/print/pdf/missing-dir", Fixture, NULL,
              fixture_set_up, test_pdf_missing_dir, fixture_tear_down);
  g_test_add ("/print/pdf/unwritable-dir", Fixture, NULL,
              fixture_set_up, test_pdf_unwritable_dir, fixture_tear_down);
  g_test_add_func ("/print/pdf/read-only-fs", test_pdf_read_only_fs);
  g_test_add ("/print/pdf/no-leftovers", Fixture, NULL,
              fixture_set_up, test_pdf_no_leftovers, fixture_tear_down);
  g_test_add ("/print/pdf/replace", Fixture, NULL,
              fixture_set_up, test_pdf_replace, fixture_tear_down);
  g_test_add ("/print/operation/export", Fixture, NULL,
              fixture_set_up, test_operation_export, fixture_tear_down);
  g_test_add_func ("/print/operation/dialog-cancel", test_operation_dialog_cancel);

  return g_test_run ();
}
