/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-contrast.c: the sessions' colours keep their text readable (WCAG 4.5:1) in the
 * light and the dark style, computed from kab-calendar.css and libadwaita's palette */

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include "kab-test-ui-util.h"

/* The statuses a session block is drawn in; "" is a planned session. */
static const char * const statuses[] = { "", "attended", "no-show", "cancelled", "cancelled-late", "unmarked" };

typedef struct
{
  double r, g, b, a;
} Color;

static char *
read_css (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "src", "calendar",
                                                 "kab-calendar.css", NULL);
  g_autoptr(GError) error = NULL;
  char *css = NULL;

  g_file_get_contents (path, &css, NULL, &error);
  g_assert_no_error (error);

  return css;
}

/* The declarations of the rule whose selector is exactly @selector. */
static char *
rule_body (const char *css,
           const char *selector)
{
  g_autofree char *escaped = g_regex_escape_string (selector, -1);
  g_autofree char *pattern = g_strdup_printf ("(?m)^%s\\s*\\{([^}]*)\\}", escaped);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, css, 0, &match))
    return NULL;

  return g_match_info_fetch (match, 1);
}

static char *
declaration (const char *body,
             const char *property)
{
  g_autofree char *pattern = g_strdup_printf ("(?:^|[;\\s])%s:\\s*([^;]+);", property);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (body == NULL || !g_regex_match (regex, body, 0, &match))
    return NULL;

  return g_strstrip (g_match_info_fetch (match, 1));
}

static Color
lookup (GtkWidget  *widget,
        const char *name)
{
  GdkRGBA rgba;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (widget),
                                                 name, &rgba));
  G_GNUC_END_IGNORE_DEPRECATIONS

  return (Color) { rgba.red, rgba.green, rgba.blue, rgba.alpha };
}

/* "alpha(@name, 0.2)", "@name" or "transparent" as a colour of the palette. */
static Color
parse_color (GtkWidget  *widget,
             const char *value)
{
  g_autoptr(GRegex) alpha = g_regex_new ("^alpha\\(@(\\w+),\\s*([0-9.]+)\\)$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_strcmp0 (value, "transparent") == 0)
    return (Color) { 0, 0, 0, 0 };

  if (g_regex_match (alpha, value, 0, &match))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);
      g_autofree char *factor = g_match_info_fetch (match, 2);
      Color c = lookup (widget, name);

      c.a *= g_ascii_strtod (factor, NULL);
      return c;
    }

  g_assert_true (value != NULL && value[0] == '@');
  return lookup (widget, value + 1);
}

/* @top painted over the opaque @bottom. */
static Color
over (Color top,
      Color bottom)
{
  return (Color) {
    top.r * top.a + bottom.r * (1 - top.a),
    top.g * top.a + bottom.g * (1 - top.a),
    top.b * top.a + bottom.b * (1 - top.a),
    1,
  };
}

static double
channel (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (Color c)
{
  return 0.2126 * channel (c.r) + 0.7152 * channel (c.g) + 0.0722 * channel (c.b);
}

static double
contrast (Color a,
          Color b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static double
opacity_of (const char *body,
            double      fallback)
{
  g_autofree char *value = declaration (body, "opacity");

  return value != NULL ? g_ascii_strtod (value, NULL) : fallback;
}

static void
check_scheme (AdwColorScheme scheme,
              const char    *scheme_name)
{
  g_autofree char *css = read_css ();
  g_autofree char *base_body = rule_body (css, "button.session-block");
  g_autofree char *time_body = rule_body (css, "button.session-block .time");
  g_autofree char *fg_value = declaration (base_body, "color");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = gtk_label_new ("x");
  Color view_bg, fg;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  gtk_window_set_child (GTK_WINDOW (window), label);
  while (g_main_context_iteration (NULL, FALSE));

  g_assert_nonnull (base_body);
  g_assert_nonnull (time_body);
  view_bg = lookup (label, "view_bg_color");
  fg = parse_color (label, fg_value);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *selector = g_strdup_printf ("button.session-block%s%s",
                                                   *statuses[i] ? "." : "", statuses[i]);
      g_autofree char *label_selector = g_strconcat (selector, " label", NULL);
      g_autofree char *body = rule_body (css, selector);
      g_autofree char *label_body = rule_body (css, label_selector);
      g_autofree char *bg_value = declaration (body, "background-color");
      g_autofree char *bg_image = declaration (body, "background-image");
      Color bg;
      double name_opacity, time_opacity;

      g_assert_nonnull (body);
      bg = over (parse_color (label, bg_value != NULL ? bg_value : "transparent"), view_bg);

      /* The cancelled hatching: its darker stripes are the worst background. */
      if (bg_image != NULL)
        {
          g_autoptr(GRegex) stripe = g_regex_new ("alpha\\(@\\w+,\\s*[0-9.]+\\)", 0, 0, NULL);
          g_autoptr(GMatchInfo) match = NULL;

          if (g_regex_match (stripe, bg_image, 0, &match))
            {
              g_autofree char *stripe_color = g_match_info_fetch (match, 0);

              bg = over (parse_color (label, stripe_color), bg);
            }
        }

      /* A status's own "label { opacity }" wins over ".time" by specificity. */
      name_opacity = opacity_of (label_body, 1.0);
      time_opacity = opacity_of (label_body, opacity_of (time_body, 1.0));

      for (guint j = 0; j < 2; j++)
        {
          Color text = fg;
          double ratio;

          text.a *= j == 0 ? name_opacity : time_opacity;
          ratio = contrast (over (text, bg), bg);
          g_test_message ("%s %s %s: %.2f:1", scheme_name, *statuses[i] ? statuses[i] : "planned",
                          j == 0 ? "name" : "time", ratio);
          if (ratio < 4.5)
            {
              g_test_message ("%s: the %s of a %s session has a contrast of %.2f:1, below 4.5:1",
                              scheme_name, j == 0 ? "name" : "time",
                              *statuses[i] ? statuses[i] : "planned", ratio);
              g_test_fail ();
            }
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_light (void)
{
  check_scheme (ADW_COLOR_SCHEME_FORCE_LIGHT, "light");
}

static void
test_dark (void)
{
  check_scheme (ADW_COLOR_SCHEME_FORCE_DARK, "dark");
}

int
main (int   argc,
      char *argv[])
{
  kab_test_ui_init (&argc, &argv);

  g_test_add_func ("/contrast/sessions/light", test_light);
  g_test_add_func ("/contrast/sessions/dark", test_dark);

  return g_test_run ();
}
