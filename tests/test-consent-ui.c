/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-consent-ui.c: the Consent view in a real window: prepare an agreement, save it as PDF, record the signature */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "kab-store.h"
#include "consent/kab-agreement-dialog.h"
#include "common/kab-consent-row.h"
#include "consent/kab-consent-view.h"
#include "common/kab-date-popover.h"
#include "consent/kab-page-preview.h"
#include "consent/kab-template-editor.h"
#include "consent/kab-to-sign-row.h"
#include "kab-test-util.h"
#include "kab-test-ui-util.h"

typedef struct
{
  char       *dir;
  KabStore   *store;
  GtkWindow  *window;
  GtkWidget  *view;
  KabClient  *asa;    /* in therapy, next session tomorrow, no agreement yet */
} Fixture;

static GtkWidget *
find_by_name (GtkWidget  *root,
              const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_name (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A named widget of a template, as the user sees it. */
static GtkWidget *
child_of (gpointer    widget,
          GType       type,
          const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_true (GTK_IS_WIDGET (child) || GTK_IS_STACK_PAGE (child) || ADW_IS_VIEW_STACK_PAGE (child));
  return (GtkWidget *)child;
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  kab_test_iterate ();
}

static void
save_practice (KabStore   *store,
               const char *name)
{
  g_autoptr(KabPractice) practice = kab_practice_copy (kab_store_get_practice (store));
  g_autoptr(GError) error = NULL;

  g_object_set (practice,
                "practitioner-name", name,
                "title", "Leg. psykolog",
                "address", "Storgatan 1, 111 22 Stockholm",
                "phone", "+46 8 123 45 67",
                "email", "mottagning@example.se",
                "currency", "SEK",
                "default-fee", (gint64)120000,
                "cancel-hours", 48,
                "form-language", "sv",
                NULL);
  g_assert_true (kab_store_save_practice (store, practice, &error));
  g_assert_no_error (error);
}

static KabClient *
add_client_in_therapy (KabStore   *store,
                       const char *given,
                       const char *family)
{
  g_autoptr(KabClient) client = kab_client_new ();
  g_autoptr(KabSession) session = kab_session_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                                      g_date_time_get_month (tomorrow),
                                                      g_date_time_get_day_of_month (tomorrow),
                                                      10, 0, 0);
  g_autoptr(GError) error = NULL;

  g_object_set (client, "given-name", given, "family-name", family, "fee", (gint64)95000, NULL);
  g_assert_true (kab_store_save_client (store, client, &error));
  g_assert_no_error (error);

  g_object_set (session,
                "client-id", kab_client_get_id (client),
                "start", start,
                "duration", 50,
                "kind", KAB_SESSION_KIND_PSYCHOTHERAPY,
                "status", KAB_SESSION_STATUS_PLANNED,
                "fee", (gint64)95000,
                NULL);
  g_assert_true (kab_store_save_session (store, session, &error));
  g_assert_no_error (error);

  return kab_store_find_client (store, kab_client_get_id (client));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *practitioner = data;
  GtkWidget *overlay;

  f->dir = g_dir_make_tmp ("kabinett-consent-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "kabinett.db", NULL);
  f->store = kab_store_open (path, &error);
  g_assert_no_error (error);

  save_practice (f->store, practitioner);
  f->asa = add_client_in_therapy (f->store, "Åsa", "Öberg");
  g_assert_nonnull (kab_client_get_next_session (f->asa));

  /* The view as the main window holds it, under a toast overlay. */
  f->view = kab_consent_view_new (f->store);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), f->view);

  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1100, 720);
  adw_window_set_content (ADW_WINDOW (f->window), overlay);
  gtk_window_present (f->window);
  kab_test_wait_until_mapped (f->view);
  kab_test_iterate ();
}

/* Closes the windows and the store, checking that the view keeps nothing alive. */
static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  KabStore *store = f->store;

  kab_test_destroy_all_windows ();
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *)&store);
  g_clear_object (&f->store);
  g_assert_null (store);

  kab_test_remove_tree (f->dir);
  g_free (f->dir);
}

static KabConsentView *
view (Fixture *f)
{
  return KAB_CONSENT_VIEW (f->view);
}

static GListModel *
consents_of (Fixture   *f,
             KabClient *client)
{
  g_autoptr(GError) error = NULL;
  GListModel *consents = kab_store_list_consents (f->store, kab_client_get_id (client), &error);

  g_assert_no_error (error);
  return consents;
}

static GtkListBoxRow *
row_at (gpointer list_box,
        int      index)
{
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), index);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  return out;
}

/* The whole way: To Sign lists the client; Prepare… opens the agreement in Swedish (the
 * practice's language) with a preview; Save as PDF records it as printed; the signature
 * is recorded with the calendar of the agreement's row. */
static void
test_prepare_save_sign (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *to_sign_list = child_of (f->view, KAB_TYPE_CONSENT_VIEW, "to_sign_list");
  GtkWidget *history_list = child_of (f->view, KAB_TYPE_CONSENT_VIEW, "history_list");
  GtkListBoxRow *row;
  KabAgreementDialog *dialog;
  g_autoptr(KabConsentTemplate) template = NULL;
  GtkWidget *template_row;
  GtkWidget *date_button;
  KabDatePopover *popover;
  g_autoptr(GListModel) consents = NULL;
  g_autoptr(KabConsent) consent = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "Agreement Åsa Öberg.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  guint english = GTK_INVALID_LIST_POSITION;
  guint swedish = GTK_INVALID_LIST_POSITION;
  GListModel *templates;

  /* To Sign: Åsa, with no agreement yet. */
  row = row_at (to_sign_list, 0);
  g_assert_true (KAB_IS_TO_SIGN_ROW (row));
  g_assert_true (kab_to_sign_row_get_client (KAB_TO_SIGN_ROW (row)) == f->asa);
  g_assert_null (row_at (to_sign_list, 1));

  click (find_by_name (GTK_WIDGET (row), "prepare-button"));
  dialog = KAB_AGREEMENT_DIALOG (kab_test_find_toplevel (KAB_TYPE_AGREEMENT_DIALOG));
  g_assert_nonnull (dialog);
  kab_test_wait_until_mapped (GTK_WIDGET (dialog));
  kab_test_iterate ();

  /* For Åsa, in the practice's language. */
  g_assert_true (kab_agreement_dialog_get_client (dialog) == f->asa);
  template = g_object_ref (kab_agreement_dialog_get_template (dialog));
  g_assert_cmpstr (kab_consent_template_get_language (template), ==, "sv");
  g_assert_true (kab_consent_template_get_builtin (template));

  /* The template chooser offers every language; English, then Swedish again. */
  template_row = child_of (dialog, KAB_TYPE_AGREEMENT_DIALOG, "template_row");
  templates = adw_combo_row_get_model (ADW_COMBO_ROW (template_row));
  g_assert_cmpuint (g_list_model_get_n_items (templates), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(KabConsentTemplate) item = g_list_model_get_item (templates, i);

      if (g_str_equal (kab_consent_template_get_language (item), "en"))
        english = i;
      if (g_str_equal (kab_consent_template_get_language (item), "sv"))
        swedish = i;
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_row), english);
  kab_test_iterate ();
  g_assert_nonnull (strstr (kab_agreement_dialog_get_text (dialog), "Client: Åsa Öberg"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_row), swedish);
  kab_test_iterate ();
  g_assert_nonnull (strstr (kab_agreement_dialog_get_text (dialog), "Klient: Åsa Öberg"));
  g_assert_nonnull (strstr (kab_agreement_dialog_get_text (dialog), "Behandlare: Karin Lindqvist"));
  g_assert_nonnull (strstr (kab_agreement_dialog_get_text (dialog), "48 timmar"));
  g_assert_true (kab_agreement_dialog_get_template (dialog) == template);

  /* The preview shows the pages as printed, and both ways out are open. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child_of (dialog, KAB_TYPE_AGREEMENT_DIALOG,
                                                                          "preview_stack"))), ==, "preview");
  g_assert_cmpuint (kab_page_preview_get_n_pages (KAB_PAGE_PREVIEW (child_of (dialog, KAB_TYPE_AGREEMENT_DIALOG,
                                                                              "preview"))), >=, 2);
  g_assert_true (gtk_widget_is_sensitive (child_of (dialog, KAB_TYPE_AGREEMENT_DIALOG, "print_button")));
  g_assert_true (gtk_widget_is_sensitive (child_of (dialog, KAB_TYPE_AGREEMENT_DIALOG, "save_button")));

  /* What Save as PDF… does once the file is chosen. */
  g_assert_true (kab_agreement_dialog_save_pdf (dialog, path, &error));
  g_assert_no_error (error);
  kab_test_iterate ();
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_AGREEMENT_DIALOG));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (pdftotext != NULL)
    {
      g_autofree char *text = pdf_text (path);
      g_assert_nonnull (strstr (text, "Åsa Öberg"));
      g_assert_nonnull (strstr (text, "Tystnadsplikt"));
    }

  /* On record as printed, exactly as saved. */
  consents = consents_of (f, f->asa);
  g_assert_cmpuint (g_list_model_get_n_items (consents), ==, 1);
  consent = g_list_model_get_item (consents, 0);
  g_assert_nonnull (kab_consent_get_printed_on (consent));
  g_assert_null (kab_consent_get_signed_on (consent));
  g_assert_cmpint (kab_consent_get_template_id (consent), ==, kab_consent_template_get_id (template));
  g_assert_cmpint (kab_consent_get_template_version (consent), ==, 1);
  g_assert_cmpstr (kab_consent_get_language (consent), ==, "sv");
  g_assert_cmpstr (kab_consent_get_title (consent), ==, kab_consent_template_get_title (template));
  g_assert_nonnull (strstr (kab_consent_get_rendered_text (consent), "Klient: Åsa Öberg"));
  g_assert_cmpint (kab_client_get_consent_state (f->asa), ==, KAB_CONSENT_STATE_PRINTED);
  g_clear_object (&consent);
  g_clear_object (&consents);

  /* The view shows Åsa's agreements now; she is still to sign. */
  g_assert_true (kab_consent_view_get_client (view (f)) == f->asa);
  row = row_at (history_list, 0);
  g_assert_true (KAB_IS_CONSENT_ROW (row));
  g_assert_null (row_at (history_list, 1));
  g_assert_nonnull (row_at (to_sign_list, 0));

  /* Record Signature: a day before the agreement was printed (today) is refused. */
  date_button = find_by_name (GTK_WIDGET (row), "date-button");
  g_assert_true (gtk_widget_get_visible (date_button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (date_button));
  kab_test_iterate ();
  popover = KAB_DATE_POPOVER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (date_button)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_calendar_select_day (GTK_CALENDAR (kab_test_find_by_type (GTK_WIDGET (popover), GTK_TYPE_CALENDAR)), yesterday);
  click (child_of (popover, KAB_TYPE_DATE_POPOVER, "record_button"));

  consents = consents_of (f, f->asa);
  consent = g_list_model_get_item (consents, 0);
  g_assert_null (kab_consent_get_signed_on (consent));
  g_clear_object (&consent);
  g_clear_object (&consents);

  /* The calendar offers today: the client signed the printout at once. */
  if (!gtk_widget_get_visible (GTK_WIDGET (popover)))
    {
      gtk_menu_button_popup (GTK_MENU_BUTTON (date_button));
      kab_test_iterate ();
    }
  gtk_calendar_select_day (GTK_CALENDAR (kab_test_find_by_type (GTK_WIDGET (popover), GTK_TYPE_CALENDAR)), now);
  click (child_of (popover, KAB_TYPE_DATE_POPOVER, "record_button"));

  consents = consents_of (f, f->asa);
  consent = g_list_model_get_item (consents, 0);
  g_assert_nonnull (kab_consent_get_signed_on (consent));
  {
    g_autoptr(GDateTime) signed_on = g_date_time_to_local (kab_consent_get_signed_on (consent));

    g_assert_cmpint (g_date_time_get_year (signed_on), ==, g_date_time_get_year (now));
    g_assert_cmpint (g_date_time_get_day_of_year (signed_on), ==, g_date_time_get_day_of_year (now));
  }
  g_assert_null (kab_consent_get_withdrawn_on (consent));
  g_assert_cmpint (kab_client_get_consent_state (f->asa), ==, KAB_CONSENT_STATE_SIGNED);

  /* Nobody is left to sign; the history shows the signature. */
  g_assert_null (row_at (to_sign_list, 0));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child_of (f->view, KAB_TYPE_CONSENT_VIEW,
                                                                          "to_sign_stack"))), ==, "done");
  row = row_at (history_list, 0);
  g_assert_cmpint (kab_consent_get_state (kab_consent_row_get_consent (KAB_CONSENT_ROW (row))), ==,
                   KAB_CONSENT_STATE_SIGNED);
}

/* Printed agreements can also be signed from To Sign, and Ctrl+N prepares one there. */
static void
test_sign_from_to_sign (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *to_sign_list = child_of (f->view, KAB_TYPE_CONSENT_VIEW, "to_sign_list");
  g_autofree char *path = g_build_filename (f->dir, "agreement.pdf", NULL);
  g_autoptr(GListModel) consents = NULL;
  g_autoptr(KabConsent) consent = NULL;
  g_autoptr(GError) error = NULL;
  KabAgreementDialog *dialog;
  GtkListBoxRow *row;
  GtkWidget *sign_button;
  GtkWidget *popover;

  /* With no client chosen, the window waits for one. */
  g_assert_true (gtk_widget_activate_action (f->view, "consent.prepare", NULL));
  dialog = KAB_AGREEMENT_DIALOG (kab_test_find_toplevel (KAB_TYPE_AGREEMENT_DIALOG));
  g_assert_nonnull (dialog);
  kab_test_iterate ();
  g_assert_null (kab_agreement_dialog_get_client (dialog));
  g_assert_false (gtk_widget_is_sensitive (child_of (dialog, KAB_TYPE_AGREEMENT_DIALOG, "save_button")));
  g_assert_false (kab_agreement_dialog_save_pdf (dialog, path, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  kab_agreement_dialog_set_client (dialog, f->asa);
  kab_test_iterate ();
  g_assert_true (gtk_widget_is_sensitive (child_of (dialog, KAB_TYPE_AGREEMENT_DIALOG, "save_button")));
  g_assert_true (kab_agreement_dialog_save_pdf (dialog, path, &error));
  g_assert_no_error (error);
  kab_test_iterate ();

  row = row_at (to_sign_list, 0);
  g_assert_true (KAB_IS_TO_SIGN_ROW (row));
  sign_button = find_by_name (GTK_WIDGET (row), "sign-button");
  g_assert_true (gtk_widget_get_visible (sign_button));
  /* The calendar is made when the button is pressed. */
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (sign_button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (sign_button));
  kab_test_iterate ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (sign_button)));
  g_assert_true (KAB_IS_DATE_POPOVER (popover));
  g_assert_cmpstr (kab_date_popover_get_heading (KAB_DATE_POPOVER (popover)), ==,
                   "When did the client sign?");
  kab_date_popover_record (KAB_DATE_POPOVER (popover));
  kab_test_iterate ();

  consents = consents_of (f, f->asa);
  consent = g_list_model_get_item (consents, 0);
  g_assert_nonnull (kab_consent_get_signed_on (consent));
  g_assert_cmpint (kab_client_get_consent_state (f->asa), ==, KAB_CONSENT_STATE_SIGNED);
  g_assert_null (row_at (to_sign_list, 0));
}

/* Without the practitioner's name the agreement is not shown blank: the window names what
 * is missing and offers Preferences; once it is entered, the agreement appears. */
static void
test_missing_value (Fixture       *f,
                    gconstpointer  data)
{
  KabAgreementDialog *dialog = KAB_AGREEMENT_DIALOG (kab_consent_view_prepare (view (f), f->asa));
  GtkWidget *stack = child_of (dialog, KAB_TYPE_AGREEMENT_DIALOG, "preview_stack");
  GtkWidget *problem = child_of (dialog, KAB_TYPE_AGREEMENT_DIALOG, "problem_page");
  GtkWidget *preferences = child_of (dialog, KAB_TYPE_AGREEMENT_DIALOG, "preferences_button");

  kab_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "problem");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (problem)), "{practitioner}"));
  g_assert_true (gtk_widget_get_visible (preferences));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (preferences)), ==, "app.preferences");
  g_assert_false (gtk_widget_is_sensitive (child_of (dialog, KAB_TYPE_AGREEMENT_DIALOG, "print_button")));
  g_assert_false (gtk_widget_is_sensitive (child_of (dialog, KAB_TYPE_AGREEMENT_DIALOG, "save_button")));
  g_assert_cmpstr (kab_agreement_dialog_get_text (dialog), ==, "");

  /* Entered in Preferences while the window is open. */
  save_practice (f->store, "Karin Lindqvist");
  kab_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "preview");
  g_assert_true (gtk_widget_is_sensitive (child_of (dialog, KAB_TYPE_AGREEMENT_DIALOG, "print_button")));
  g_assert_nonnull (strstr (kab_agreement_dialog_get_text (dialog), "Behandlare: Karin Lindqvist"));
}

/* A shipped template is copied to be edited; the copy is the user's own, at version 1. */
static void
test_copy_template (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GListModel) templates = kab_store_list_consent_templates (f->store, NULL);
  g_autoptr(KabConsentTemplate) custom = NULL;
  KabTemplateEditor *editor;
  GtkTextBuffer *buffer;
  gint64 swedish = 0;
  guint n_before = g_list_model_get_n_items (templates);

  for (guint i = 0; i < n_before; i++)
    {
      g_autoptr(KabConsentTemplate) template = g_list_model_get_item (templates, i);

      if (g_str_equal (kab_consent_template_get_key (template), "therapy-agreement-sv"))
        swedish = kab_consent_template_get_id (template);
    }
  g_assert_cmpint (swedish, !=, 0);

  g_assert_true (gtk_widget_activate_action (f->view, "consent.copy-template", "x", swedish));
  editor = KAB_TEMPLATE_EDITOR (kab_test_find_toplevel (KAB_TYPE_TEMPLATE_EDITOR));
  g_assert_nonnull (editor);
  kab_test_iterate ();

  gtk_editable_set_text (GTK_EDITABLE (child_of (editor, KAB_TYPE_TEMPLATE_EDITOR, "title_row")),
                         "Mitt avtal");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child_of (editor, KAB_TYPE_TEMPLATE_EDITOR, "body_view")));
  gtk_text_buffer_set_text (buffer, "# Mitt avtal\n\nKlient: {client}\n\nAvbokning senast {cancel_hours} timmar före.\n", -1);

  /* A brace that opens nothing is refused, and the text stays. */
  gtk_text_buffer_set_text (buffer, "# Mitt avtal\n\nKlient: {client\n", -1);
  click (child_of (editor, KAB_TYPE_TEMPLATE_EDITOR, "save_button"));
  g_assert_true (kab_test_find_toplevel (KAB_TYPE_TEMPLATE_EDITOR) == GTK_WINDOW (editor));
  g_assert_true (gtk_widget_get_visible (child_of (editor, KAB_TYPE_TEMPLATE_EDITOR, "error_label")));

  gtk_text_buffer_set_text (buffer, "# Mitt avtal\n\nKlient: {client}\n\nAvbokning senast {cancel_hours} timmar före.\n", -1);
  click (child_of (editor, KAB_TYPE_TEMPLATE_EDITOR, "save_button"));
  g_assert_null (kab_test_find_toplevel (KAB_TYPE_TEMPLATE_EDITOR));

  g_clear_object (&templates);
  templates = kab_store_list_consent_templates (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (templates), ==, n_before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(KabConsentTemplate) template = g_list_model_get_item (templates, i);

      if (!kab_consent_template_get_builtin (template))
        g_set_object (&custom, template);
    }
  g_assert_nonnull (custom);
  g_assert_cmpstr (kab_consent_template_get_title (custom), ==, "Mitt avtal");
  g_assert_cmpstr (kab_consent_template_get_language (custom), ==, "sv");
  g_assert_cmpint (kab_consent_template_get_version (custom), ==, 1);
  g_assert_true (g_str_has_prefix (kab_consent_template_get_key (custom), "custom-"));
}

int
main (int   argc,
      char *argv[])
{
  kab_test_ui_init (&argc, &argv);

#define ADD(name, practitioner, func) \
  g_test_add ("/consent-ui/" name, Fixture, practitioner, fixture_set_up, func, fixture_tear_down)

  ADD ("prepare-save-sign", "Karin Lindqvist", test_prepare_save_sign);
  ADD ("sign-from-to-sign", "Karin Lindqvist", test_sign_from_to_sign);
  ADD ("missing-value", "", test_missing_value);
  ADD ("copy-template", "Karin Lindqvist", test_copy_template);

#undef ADD

  return g_test_run ();
}
