/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-agreement-dialog.c: an agreement for a client, previewed as printed, then printed or saved as PDF */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-agreement-dialog.h"
#include "kab-store-documents.h"
#include "kab-agreement-preferences.h"
#include "kab-consent-document.h"
#include "kab-consent-row.h"
#include "kab-consent-templates.h"
#include "kab-closed-days.h"
#include "kab-consent-values.h"
#include "kab-page-preview.h"
#include "kab-client-chooser.h"
#include "kab-text.h"

struct _KabAgreementDialog
{
  AdwWindow           parent_instance;

  KabStore           *store;
  KabClient          *client;
  KabConsent         *consent;     /* set: a stored agreement, shown as it was printed */
  GListModel         *templates;   /* the latest version of each template */
  KabConsentTemplate *template;
  char               *text;        /* the rendered agreement, or NULL */
  KabPrintDocument   *document;    /* of text, or NULL */
  GtkPrintOperation  *operation;   /* while the print dialog is open */
  GtkWidget          *chooser;
  guint               update_id;

  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  GtkButton          *cancel_button;
  GtkButton          *print_button;
  GtkButton          *save_button;
  AdwPreferencesGroup *choose_group;
  AdwActionRow       *client_row;
  AdwComboRow        *template_row;
  AdwPreferencesGroup *stored_group;
  AdwActionRow       *stored_client_row;
  AdwActionRow       *stored_version_row;
  AdwActionRow       *stored_dates_row;
  GtkLabel           *hint_label;
  GtkStack           *preview_stack;
  AdwStatusPage      *problem_page;
  GtkButton          *preferences_button;
  KabPagePreview     *preview;
};

G_DEFINE_FINAL_TYPE (KabAgreementDialog, kab_agreement_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLIENT,
  PROP_CONSENT,
  PROP_TEMPLATE,
  N_PROPS
};

enum {
  RECORDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The printer and options chosen last time are offered again. */
static GtkPrintSettings *last_print_settings;

static void
add_toast (KabAgreementDialog *self,
           const char         *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

static void
set_ready (KabAgreementDialog *self,
           gboolean            ready)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), ready);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), ready);
}

static void
show_document (KabAgreementDialog *self,
               KabPrintDocument   *document)
{
  g_set_object (&self->document, document);
  kab_page_preview_set_document (self->preview, document);
  gtk_stack_set_visible_child_name (self->preview_stack, document != NULL ? "preview" : "empty");
  set_ready (self, document != NULL);
}

static void
show_problem (KabAgreementDialog *self,
              const char         *message,
              gboolean            in_preferences)
{
  adw_status_page_set_description (self->problem_page, message);
  gtk_widget_set_visible (GTK_WIDGET (self->preferences_button), in_preferences);
  gtk_stack_set_visible_child_name (self->preview_stack, "problem");
  set_ready (self, FALSE);
}

/* Renders the chosen template for the chosen client and shows it as it will be printed;
 * a value that is missing is named instead, with the way to fill it in. */
static void
update (KabAgreementDialog *self)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KabPrintDocument) document = NULL;
  g_autofree char *missing = NULL;
  char *text;

  if (self->consent != NULL)
    return;

  g_clear_pointer (&self->text, g_free);
  adw_window_title_set_subtitle (self->window_title,
                                 self->client != NULL ? kab_client_get_display_name (self->client) : "");

  if (self->client == NULL || self->template == NULL)
    {
      show_document (self, NULL);
      return;
    }

  values = kab_consent_values_new (kab_store_get_practice (self->store), self->client, NULL,
                                   kab_consent_template_get_language (self->template));
  kab_agreement_preferences_add_values (values);
  kab_consent_values_add_identity (values, kab_store_get_identity (self->store),
                                   kab_practice_get_country (kab_store_get_practice (self->store)));
  {
    g_autoptr(GDateTime) today = g_date_time_new_now_local ();
    g_autoptr(GListModel) absences = kab_store_list_absences (self->store, today, NULL, NULL);

    kab_closed_days_add_value (values, absences, today,
                               kab_consent_template_get_language (self->template));
  }
  text = kab_consent_values_render (self->template, values, &error);
  if (text == NULL)
    {
      missing = kab_consent_values_find_missing (self->template, values);
      g_clear_object (&self->document);
      show_problem (self, error->message,
                    missing != NULL &&
                    kab_consent_placeholder_source (missing) == KAB_CONSENT_SOURCE_PREFERENCES);
      return;
    }

  self->text = text;
  document = kab_consent_document_new (text, kab_consent_template_get_language (self->template),
                                       self->client);
  show_document (self, document);
}

static gboolean
update_idle (gpointer data)
{
  KabAgreementDialog *self = data;

  self->update_id = 0;
  update (self);

  return G_SOURCE_REMOVE;
}

/* The practice's settings change in Preferences while this window is open. */
static void
on_practice_changed (KabAgreementDialog *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add (update_idle, self);
}

static char *
template_label (KabConsentTemplate *template,
                gpointer            user_data)
{
  g_autofree char *title = NULL;

  if (template == NULL)
    return g_strdup ("");

  title = kab_isolate (kab_consent_template_get_title (template));
  /* Translators: a template in a list: %1$s is its language, %2$s its title, %3$d its
   * version: "Swedish — Behandlingsavtal, version 2" */
  return g_strdup_printf (_("%1$s — %2$s, version %3$d"),
                          kab_consent_language_name (kab_consent_template_get_language (template)),
                          title,
                          kab_consent_template_get_version (template));
}

static void
on_template_selected (KabAgreementDialog *self)
{
  KabConsentTemplate *template = adw_combo_row_get_selected_item (self->template_row);

  if (self->templates == NULL || template == self->template)
    return;

  g_set_object (&self->template, template);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE]);
  update (self);
}

static void
on_chooser_client_changed (KabAgreementDialog *self)
{
  kab_agreement_dialog_set_client (self,
                                   kab_client_chooser_get_client (KAB_CLIENT_CHOOSER (self->chooser)));
}

static void
setup_choices (KabAgreementDialog *self)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;
  GtkExpression *expression;
  KabConsentTemplate *template;

  self->chooser = kab_client_chooser_new (self->store, NULL);
  gtk_widget_set_valign (self->chooser, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->client_row, self->chooser);
  adw_action_row_set_activatable_widget (self->client_row, self->chooser);
  if (self->client != NULL)
    kab_client_chooser_set_client (KAB_CLIENT_CHOOSER (self->chooser), self->client);
  g_signal_connect_object (self->chooser, "notify::client",
                           G_CALLBACK (on_chooser_client_changed), self, G_CONNECT_SWAPPED);

  all = kab_store_list_consent_templates (self->store, &error);
  if (all == NULL)
    {
      add_toast (self, error->message);
      return;
    }

  self->templates = kab_consent_latest_templates (all);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (template_label), NULL, NULL);
  adw_combo_row_set_expression (self->template_row, expression);
  gtk_expression_unref (expression);

  /* The language used last, which the practice remembers, is offered first. */
  template = kab_consent_find_template_for_language (
      self->templates, kab_practice_get_form_language (kab_store_get_practice (self->store)));
  g_set_object (&self->template, template);
  adw_combo_row_set_model (self->template_row, self->templates);
  kab_agreement_dialog_set_template (self, template);
}

static void
setup_stored (KabAgreementDialog *self)
{
  g_autoptr(KabPrintDocument) document = NULL;
  g_autofree char *version = NULL;
  g_autofree char *dates = kab_consent_dup_dates (self->consent);
  KabClient *client = kab_store_find_client (self->store, kab_consent_get_client_id (self->consent));

  g_set_object (&self->client, client);

  gtk_window_set_title (GTK_WINDOW (self), _("Agreement"));
  adw_window_title_set_title (self->window_title, kab_consent_get_title (self->consent));
  adw_window_title_set_subtitle (self->window_title,
                                 client != NULL ? kab_client_get_display_name (client) : "");
  gtk_button_set_label (self->cancel_button, _("_Close"));
  gtk_button_set_label (self->print_button, _("_Print Again…"));

  /* Translators: the version and language of a printed agreement: "Version 2 · Swedish" */
  version = g_strdup_printf (_("Version %d · %s"), kab_consent_get_template_version (self->consent),
                             kab_consent_language_name (kab_consent_get_language (self->consent)));
  gtk_widget_set_visible (GTK_WIDGET (self->choose_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->stored_group), TRUE);
  adw_action_row_set_subtitle (self->stored_client_row,
                               client != NULL ? kab_client_get_display_name (client) : "");
  adw_action_row_set_subtitle (self->stored_version_row, version);
  adw_action_row_set_subtitle (self->stored_dates_row, dates);
  gtk_label_set_label (self->hint_label,
                       _("This is the text exactly as it was printed. Printing it again or saving "
                         "it as PDF does not change what is on record."));

  self->text = g_strdup (kab_consent_get_rendered_text (self->consent));
  document = kab_consent_document_new_stored (self->consent, client);
  show_document (self, document);
}

/* Recording */

/* No setting in Preferences chooses the language of agreements: the one printed last is
 * offered first next time. */
static void
remember_language (KabAgreementDialog *self)
{
  KabPractice *practice = kab_store_get_practice (self->store);
  const char *language = kab_consent_template_get_language (self->template);
  g_autoptr(KabPractice) changed = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (kab_practice_get_form_language (practice), language) == 0)
    return;

  changed = kab_practice_copy (practice);
  kab_practice_set_form_language (changed, language);
  if (!kab_store_save_practice (self->store, changed, &error))
    g_debug ("The language of agreements was not remembered: %s", error->message);
}

/* Keeps a record of the agreement exactly as it went to paper or PDF, then closes. */
static gboolean
record_printed (KabAgreementDialog  *self,
                GError             **error)
{
  g_autoptr(KabConsent) consent = NULL;

  consent = kab_consent_record_new (self->template, self->client, self->text, NULL);
  if (!kab_store_save_consent (self->store, consent, error))
    return FALSE;

  remember_language (self);
  g_signal_emit (self, signals[RECORDED], 0, consent);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

static void
show_record_error (KabAgreementDialog *self,
                   const GError       *error)
{
  g_autofree char *message = NULL;

  /* Translators: %s is the reason, e.g. "The disk is full." */
  message = g_strdup_printf (_("The agreement could not be recorded: %s"), error->message);
  add_toast (self, message);
}

/* Printing */

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               KabAgreementDialog      *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) done = g_steal_pointer (&self->operation);

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_APPLY:
      g_set_object (&last_print_settings, gtk_print_operation_get_print_settings (operation));
      if (self->consent != NULL)
        add_toast (self, _("The agreement was sent to the printer."));
      else if (!record_printed (self, &error))
        show_record_error (self, error);
      break;

    case GTK_PRINT_OPERATION_RESULT_ERROR:
      gtk_print_operation_get_error (operation, &error);
      add_toast (self, error != NULL ? error->message : _("The agreement could not be printed."));
      break;

    case GTK_PRINT_OPERATION_RESULT_CANCEL:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      break;
    }
}

/**
 * kab_agreement_dialog_print:
 *
 * Opens the print dialog for the agreement. Once it is printed, a new agreement is
 * recorded as printed today and the window closes; a stored one is only printed again.
 */
void
kab_agreement_dialog_print (KabAgreementDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (KAB_IS_AGREEMENT_DIALOG (self));

  if (self->document == NULL || self->operation != NULL)
    return;

  self->operation = kab_print_document_create_print_operation (self->document);
  kab_print_document_use_settings (self->document, self->operation, last_print_settings);
  gtk_print_operation_set_allow_async (self->operation, TRUE);
  g_signal_connect_object (self->operation, "done", G_CALLBACK (on_print_done), self, 0);

  result = gtk_print_operation_run (self->operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->operation != NULL)
    {
      g_clear_object (&self->operation);
      add_toast (self, error != NULL ? error->message : _("The agreement could not be printed."));
    }
}

/* Saving as PDF */

/**
 * kab_agreement_dialog_save_pdf:
 * @path: where to write the PDF
 *
 * Saves the agreement as an A4 PDF at @path, the way Save as PDF… does once a file is
 * chosen. A new agreement is then recorded as printed today and the window closes.
 *
 * Returns: TRUE when saved (and recorded); FALSE with a translated @error otherwise
 */
gboolean
kab_agreement_dialog_save_pdf (KabAgreementDialog  *self,
                               const char          *path,
                               GError             **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (KAB_IS_AGREEMENT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->document == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Choose a client and a template first."));
      return FALSE;
    }

  if (!kab_print_document_export_pdf (self->document, path, error))
    return FALSE;

  if (self->consent == NULL)
    return record_printed (self, error);

  basename = g_filename_display_basename (path);
  name = kab_isolate (basename);
  /* Translators: %s is the name of the PDF file */
  message = g_strdup_printf (_("Saved “%s”"), name);
  add_toast (self, message);

  return TRUE;
}

static void
on_save_response (GtkNativeDialog    *chooser,
                  int                 response,
                  KabAgreementDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!kab_agreement_dialog_save_pdf (self, path, &error))
    add_toast (self, error->message);
}

static void
on_save_clicked (KabAgreementDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->document == NULL || self->client == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Agreement as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  name = kab_consent_dup_pdf_name (self->client, self->consent != NULL ? kab_consent_get_printed_on (self->consent) : NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The object */

static void
kab_agreement_dialog_constructed (GObject *object)
{
  KabAgreementDialog *self = KAB_AGREEMENT_DIALOG (object);

  G_OBJECT_CLASS (kab_agreement_dialog_parent_class)->constructed (object);

  g_return_if_fail (KAB_IS_STORE (self->store));

  if (self->consent != NULL)
    {
      setup_stored (self);
      return;
    }

  setup_choices (self);
  g_signal_connect_object (kab_store_get_practice (self->store), "notify",
                           G_CALLBACK (on_practice_changed), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
kab_agreement_dialog_dispose (GObject *object)
{
  KabAgreementDialog *self = KAB_AGREEMENT_DIALOG (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_AGREEMENT_DIALOG);
  g_clear_object (&self->operation);
  g_clear_object (&self->document);
  g_clear_object (&self->template);
  g_clear_object (&self->templates);
  g_clear_object (&self->consent);
  g_clear_object (&self->client);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_agreement_dialog_parent_class)->dispose (object);
}

static void
kab_agreement_dialog_finalize (GObject *object)
{
  KabAgreementDialog *self = KAB_AGREEMENT_DIALOG (object);

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (kab_agreement_dialog_parent_class)->finalize (object);
}

static void
kab_agreement_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KabAgreementDialog *self = KAB_AGREEMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_CONSENT:
      g_value_set_object (value, self->consent);
      break;

    case PROP_TEMPLATE:
      g_value_set_object (value, self->template);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_agreement_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  KabAgreementDialog *self = KAB_AGREEMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CLIENT:
      kab_agreement_dialog_set_client (self, g_value_get_object (value));
      break;

    case PROP_CONSENT:
      self->consent = g_value_dup_object (value);
      break;

    case PROP_TEMPLATE:
      kab_agreement_dialog_set_template (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
print_shortcut (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  kab_agreement_dialog_print (KAB_AGREEMENT_DIALOG (widget));
  return TRUE;
}

static void
kab_agreement_dialog_class_init (KabAgreementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kab_agreement_dialog_constructed;
  object_class->dispose = kab_agreement_dialog_dispose;
  object_class->finalize = kab_agreement_dialog_finalize;
  object_class->get_property = kab_agreement_dialog_get_property;
  object_class->set_property = kab_agreement_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, KAB_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONSENT] =
    g_param_spec_object ("consent", NULL, NULL, KAB_TYPE_CONSENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL, KAB_TYPE_CONSENT_TEMPLATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KabAgreementDialog::recorded:
   * @consent: the agreement, recorded as printed
   *
   * A new agreement was printed or saved as PDF and is now on record.
   */
  signals[RECORDED] =
    g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KAB_TYPE_CONSENT);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, print_shortcut, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (KAB_TYPE_PAGE_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/consent/kab-agreement-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KabAgreementDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KabAgreementDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KabAgreementDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, KabAgreementDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, KabAgreementDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, KabAgreementDialog, choose_group);
  gtk_widget_class_bind_template_child (widget_class, KabAgreementDialog, client_row);
  gtk_widget_class_bind_template_child (widget_class, KabAgreementDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, KabAgreementDialog, stored_group);
  gtk_widget_class_bind_template_child (widget_class, KabAgreementDialog, stored_client_row);
  gtk_widget_class_bind_template_child (widget_class, KabAgreementDialog, stored_version_row);
  gtk_widget_class_bind_template_child (widget_class, KabAgreementDialog, stored_dates_row);
  gtk_widget_class_bind_template_child (widget_class, KabAgreementDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, KabAgreementDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, KabAgreementDialog, problem_page);
  gtk_widget_class_bind_template_child (widget_class, KabAgreementDialog, preferences_button);
  gtk_widget_class_bind_template_child (widget_class, KabAgreementDialog, preview);
  gtk_widget_class_bind_template_callback (widget_class, kab_agreement_dialog_print);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_template_selected);
}

static void
kab_agreement_dialog_init (KabAgreementDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kab_agreement_dialog_new:
 * @client: (nullable): the client to prepare the agreement for; chosen in the window
 *   when %NULL
 *
 * Returns: (transfer full): a window that prepares a new agreement
 */
GtkWidget *
kab_agreement_dialog_new (KabStore  *store,
                          KabClient *client)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);
  g_return_val_if_fail (client == NULL || KAB_IS_CLIENT (client), NULL);

  return g_object_new (KAB_TYPE_AGREEMENT_DIALOG,
                       "store", store,
                       "client", client,
                       NULL);
}

/**
 * kab_agreement_dialog_new_for_consent:
 * @consent: an agreement on record
 *
 * Returns: (transfer full): a window showing @consent exactly as it was printed, to print
 *   or save again
 */
GtkWidget *
kab_agreement_dialog_new_for_consent (KabStore   *store,
                                      KabConsent *consent)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);
  g_return_val_if_fail (KAB_IS_CONSENT (consent), NULL);

  return g_object_new (KAB_TYPE_AGREEMENT_DIALOG,
                       "store", store,
                       "consent", consent,
                       NULL);
}

KabClient *
kab_agreement_dialog_get_client (KabAgreementDialog *self)
{
  g_return_val_if_fail (KAB_IS_AGREEMENT_DIALOG (self), NULL);

  return self->client;
}

void
kab_agreement_dialog_set_client (KabAgreementDialog *self,
                                 KabClient          *client)
{
  g_return_if_fail (KAB_IS_AGREEMENT_DIALOG (self));
  g_return_if_fail (client == NULL || KAB_IS_CLIENT (client));

  if (self->consent != NULL || !g_set_object (&self->client, client))
    return;

  if (self->chooser != NULL)
    kab_client_chooser_set_client (KAB_CLIENT_CHOOSER (self->chooser), client);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

KabConsentTemplate *
kab_agreement_dialog_get_template (KabAgreementDialog *self)
{
  g_return_val_if_fail (KAB_IS_AGREEMENT_DIALOG (self), NULL);

  return self->template;
}

/**
 * kab_agreement_dialog_set_template:
 * @template: one of the templates the window offers (the latest version of its key)
 */
void
kab_agreement_dialog_set_template (KabAgreementDialog *self,
                                   KabConsentTemplate *template)
{
  guint n;

  g_return_if_fail (KAB_IS_AGREEMENT_DIALOG (self));

  if (self->templates == NULL || template == NULL)
    return;

  n = g_list_model_get_n_items (self->templates);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KabConsentTemplate) item = g_list_model_get_item (self->templates, i);

      if (kab_consent_template_get_id (item) == kab_consent_template_get_id (template))
        {
          adw_combo_row_set_selected (self->template_row, i);
          break;
        }
    }
}

/**
 * kab_agreement_dialog_get_text:
 *
 * Returns: the agreement as it will be printed, or "" when it cannot be prepared yet
 */
const char *
kab_agreement_dialog_get_text (KabAgreementDialog *self)
{
  g_return_val_if_fail (KAB_IS_AGREEMENT_DIALOG (self), "");

  return self->text != NULL ? self->text : "";
}
