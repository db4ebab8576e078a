/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-text.c: user text inside Kabinett's sentences and file names, and names that
 * would show as something else */

#include <string.h>

#include "kab-client.h"
#include "kab-consent-template.h"
#include "kab-model-error.h"
#include "kab-practice.h"
#include "kab-supervision.h"
#include "kab-text.h"

#define LRM "\u200E"
#define FSI "\u2068"
#define PDI "\u2069"

/* The characters that turn or hide the direction of the text around them. */
static const char *hidden[] = {
  "\u202E", "\u202D", "\u202A", "\u202B", "\u202C", "\u2066", "\u2067", "\u2068", "\u2069",
  "\u200E", "\u200F", "\u061C", "\t", "\n", "\x07", "\x7f",
};

static gboolean
has_any_hidden (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    if (strstr (text, hidden[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The scripts written right to left, by Unicode (UAX #9's strong R and AL letters): the
 * oracle for kab_isolate(), from the script of each character, not from code ranges. */
static gboolean
is_rtl_script (GUnicodeScript script)
{
  switch ((int) script)
    {
    case G_UNICODE_SCRIPT_ARABIC: case G_UNICODE_SCRIPT_HEBREW: case G_UNICODE_SCRIPT_SYRIAC:
    case G_UNICODE_SCRIPT_THAANA: case G_UNICODE_SCRIPT_NKO: case G_UNICODE_SCRIPT_SAMARITAN:
    case G_UNICODE_SCRIPT_MANDAIC: case G_UNICODE_SCRIPT_IMPERIAL_ARAMAIC:
    case G_UNICODE_SCRIPT_PHOENICIAN: case G_UNICODE_SCRIPT_OLD_SOUTH_ARABIAN:
    case G_UNICODE_SCRIPT_OLD_NORTH_ARABIAN: case G_UNICODE_SCRIPT_AVESTAN:
    case G_UNICODE_SCRIPT_INSCRIPTIONAL_PAHLAVI: case G_UNICODE_SCRIPT_INSCRIPTIONAL_PARTHIAN:
    case G_UNICODE_SCRIPT_PSALTER_PAHLAVI: case G_UNICODE_SCRIPT_OLD_TURKIC:
    case G_UNICODE_SCRIPT_KHAROSHTHI: case G_UNICODE_SCRIPT_LYDIAN: case G_UNICODE_SCRIPT_CYPRIOT:
    case G_UNICODE_SCRIPT_MENDE_KIKAKUI: case G_UNICODE_SCRIPT_MANICHAEAN:
    case G_UNICODE_SCRIPT_NABATAEAN: case G_UNICODE_SCRIPT_PALMYRENE: case G_UNICODE_SCRIPT_HATRAN:
    case G_UNICODE_SCRIPT_OLD_HUNGARIAN: case G_UNICODE_SCRIPT_ADLAM:
    case G_UNICODE_SCRIPT_HANIFI_ROHINGYA: case G_UNICODE_SCRIPT_OLD_SOGDIAN:
    case G_UNICODE_SCRIPT_SOGDIAN: case G_UNICODE_SCRIPT_ELYMAIC: case G_UNICODE_SCRIPT_CHORASMIAN:
    case G_UNICODE_SCRIPT_YEZIDI: case G_UNICODE_SCRIPT_OLD_UYGHUR:
    case G_UNICODE_SCRIPT_MEROITIC_CURSIVE: case G_UNICODE_SCRIPT_MEROITIC_HIEROGLYPHS:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The rule: in a left-to-right interface, a text with a right-to-left letter or a
 * direction mark comes whole and unchanged between one FIRST STRONG ISOLATE and one POP
 * DIRECTIONAL ISOLATE, so that it cannot carry the words and numbers of the sentence
 * around it into its own direction; before it a mark of the interface's direction (left
 * to right here), so that a sentence that starts with the name keeps the direction of
 * its language (Pango takes it from the first strong character). A text without either
 * is laid out left to right anyway, and comes back as it is. */
static void
test_isolate (void)
{
  const char *isolated_texts[] = { "דנה כהן", "علي 2",
                                   "a⁩b", "Anna علي", "x‏y", "𞤀" };
  const char *plain_texts[] = { "Anna Karlsson", "", "1 200 kr", "Ольга П.",
                                "Åse Ødegaard", "张伟", "Αθηνά" };

  for (guint i = 0; i < G_N_ELEMENTS (isolated_texts); i++)
    {
      g_autofree char *isolated = kab_isolate (isolated_texts[i]);
      g_autofree char *expected = g_strconcat (LRM, FSI, isolated_texts[i], PDI, NULL);

      g_assert_cmpstr (isolated, ==, expected);
      g_assert_true (g_utf8_validate (isolated, -1, NULL));
      g_assert_cmpuint (strlen (isolated), ==, strlen (isolated_texts[i]) + 3 * strlen (FSI));
    }

  for (guint i = 0; i < G_N_ELEMENTS (plain_texts); i++)
    {
      g_autofree char *plain = kab_isolate (plain_texts[i]);

      g_assert_cmpstr (plain, ==, plain_texts[i]);
    }

  /* Every character Unicode writes right to left is isolated, alone and inside a name;
   * no letter of a left-to-right script is. */
  for (gunichar c = 1; c <= 0x10FFFF; c++)
    {
      char text[16] = "Anna ";
      GUnicodeScript script;
      gboolean rtl;
      g_autofree char *isolated = NULL;

      if (!g_unichar_validate (c) || g_unichar_type (c) == G_UNICODE_UNASSIGNED)
        continue;
      script = g_unichar_get_script (c);
      rtl = is_rtl_script (script);
      if (!rtl && (script == G_UNICODE_SCRIPT_COMMON || script == G_UNICODE_SCRIPT_INHERITED ||
                   script == G_UNICODE_SCRIPT_UNKNOWN))
        continue;   /* neutral: either is right */

      text[5 + g_unichar_to_utf8 (c, text + 5)] = '\0';
      isolated = kab_isolate (text);
      if (rtl != g_str_has_prefix (isolated, LRM FSI))
        g_error ("U+%04X (script %d): %s", c, script, rtl ? "not isolated" : "isolated");
    }

  /* Nothing to isolate is nothing, never a crash. */
  {
    g_autofree char *isolated = kab_isolate (NULL);

    g_assert_cmpstr (isolated, ==, "");
  }

  /* In a sentence, the name is one unit: "Delete ‎⁨דנה⁩?" */
  {
    g_autofree char *name = kab_isolate ("\u05d3\u05e0\u05d4");
    g_autofree char *sentence = g_strdup_printf ("Delete %s?", name);

    g_assert_cmpstr (sentence, ==, "Delete " LRM FSI "\u05d3\u05e0\u05d4" PDI "?");
  }
}

/* A suggested file name keeps the letters of every script, and drops whatever would hide
 * or reverse its extension in a file manager; characters no file system takes become "-". */
static void
test_file_name (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "Anna Karlsson – records.pdf", "Anna Karlsson – records.pdf" },
    { "\u05d3\u05e0\u05d4 \u0639\u0644\u064a – journal.pdf", "\u05d3\u05e0\u05d4 \u0639\u0644\u064a – journal.pdf" },
    { "Eve\u202Efdp.exe – records.pdf", "Evefdp.exe – records.pdf" },
    { "A/B\\C:D*E?F\"G<H>I|J.pdf", "A-B-C-D-E-F-G-H-I-J.pdf" },
    { "Tab\tLee\x07\n.pdf", "TabLee.pdf" },
    { "\u2066Ann\u2069 \u200FLee\u200E.pdf", "Ann Lee.pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = kab_file_name_from (cases[i].in);

      g_assert_cmpstr (name, ==, cases[i].out);
      g_assert_false (has_any_hidden (name));
      g_assert_true (g_utf8_validate (name, -1, NULL));
    }

  /* Every hidden character alone, around a name and an extension. */
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    {
      g_autofree char *in = g_strdup_printf ("%sAnna%s.pdf", hidden[i], hidden[i]);
      g_autofree char *name = kab_file_name_from (in);

      g_assert_cmpstr (name, ==, "Anna.pdf");
    }
}

/* Names, as a person or a code: a direction override or a control character is refused
 * with a message, and a right-to-left name of its own is a name. */
static void
assert_refused (gboolean   valid,
                GError   **error)
{
  g_assert_false (valid);
  g_assert_error (*error, KAB_MODEL_ERROR, KAB_MODEL_ERROR_INVALID_TEXT);
  g_assert_nonnull (strstr ((*error)->message, "text-direction"));
}

static void
test_names_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    {
      g_autofree char *bad = g_strdup_printf ("%sevil", hidden[i]);

      {
        g_autoptr(KabClient) client = kab_client_new ();
        g_autoptr(GError) error = NULL;

        g_object_set (client, "given-name", bad, "family-name", "Lee", NULL);
        assert_refused (kab_client_validate (client, &error), &error);
      }
      {
        g_autoptr(KabPractice) practice = kab_practice_new ();
        g_autoptr(GError) error = NULL;

        g_object_set (practice, "practitioner-name", bad, NULL);
        assert_refused (kab_practice_validate (practice, &error), &error);
      }
      {
        g_autoptr(GError) error = NULL;

        assert_refused (kab_supervision_check_pseudonym (bad, "Anna", "Karlsson", &error), &error);
      }
      {
        g_autoptr(KabSupervision) meeting = kab_supervision_new ();
        g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 3, 4, 18, 0, 0);
        g_autoptr(GError) error = NULL;

        kab_supervision_set_start (meeting, start);
        kab_supervision_set_duration (meeting, 90);
        g_assert_true (kab_supervision_validate (meeting, NULL));
        kab_supervision_set_leader (meeting, bad);
        assert_refused (kab_supervision_validate (meeting, &error), &error);
        g_clear_error (&error);
        kab_supervision_set_leader (meeting, "Lena Holm");
        kab_supervision_set_group_name (meeting, bad);
        assert_refused (kab_supervision_validate (meeting, &error), &error);
      }
      {
        g_autoptr(KabConsentTemplate) template = kab_consent_template_new ();
        g_autoptr(GError) error = NULL;

        g_object_set (template, "key", "own-1", "title", bad, "body", "# Avtale\n\n{client}",
                      "language", "nb", NULL);
        assert_refused (kab_consent_template_validate (template, &error), &error);
      }
    }

  /* Hebrew and Arabic names of their own are names everywhere. */
  {
    g_autoptr(KabClient) client = kab_client_new ();
    g_autoptr(KabPractice) practice = kab_practice_new ();
    g_autoptr(GError) error = NULL;

    g_object_set (client, "given-name", "\u05d3\u05e0\u05d4", "family-name", "\u0639\u0644\u064a", NULL);
    g_assert_true (kab_client_validate (client, &error));
    g_assert_no_error (error);
    g_object_set (practice, "practitioner-name", "\u05d3\u05e0\u05d4 \u05db\u05d4\u05df", NULL);
    g_assert_true (kab_practice_validate (practice, &error));
    g_assert_no_error (error);
    g_assert_true (kab_supervision_check_pseudonym ("\u05d3. \u05db.", "Anna", "Karlsson", &error));
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/isolate", test_isolate);
  g_test_add_func ("/text/file-name", test_file_name);
  g_test_add_func ("/text/names-refused", test_names_refused);

  return g_test_run ();
}
