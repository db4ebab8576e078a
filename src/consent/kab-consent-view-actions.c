/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-consent-view-actions.c: what the Consent view does: prepare, print, record signatures, edit templates */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-agreement-dialog.h"
#include "kab-consent-document.h"
#include "kab-consent-templates.h"
#include "kab-consent-view-private.h"
#include "kab-template-editor.h"
#include "kab-view-shortcuts.h"
#include "kab-text.h"

static GtkWindow *
parent_window (KabConsentView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
present (KabConsentView *self,
         GtkWidget      *window)
{
  GtkWindow *parent = parent_window (self);

  /* In the application, so that "app.preferences" works from the window. */
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (parent));
  gtk_window_present (GTK_WINDOW (window));
}

/* Preparing an agreement */

static void
on_recorded (KabConsentView     *self,
             KabConsent         *consent,
             KabAgreementDialog *dialog)
{
  KabClient *client = kab_store_find_client (self->store, kab_consent_get_client_id (consent));
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (client == NULL)
    return;

  name = kab_isolate (kab_client_get_display_name (client));
  /* Translators: %s is the client's name */
  message = g_strdup_printf (_("The agreement for %s is on record as printed. Record the day once it is signed."),
                             name);
  kab_consent_view_toast (self, message);
  kab_consent_view_show_client (self, client);
}

/**
 * kab_consent_view_prepare:
 * @client: (nullable): the client, or %NULL to choose one in the window
 *
 * Opens the window that prepares an agreement for @client, previews it and prints it or
 * saves it as PDF; the agreement is then on record, and shown in this view.
 *
 * Returns: (transfer none): the window
 */
GtkWidget *
kab_consent_view_prepare (KabConsentView *self,
                          KabClient      *client)
{
  GtkWidget *dialog;

  g_return_val_if_fail (KAB_IS_CONSENT_VIEW (self), NULL);

  dialog = kab_agreement_dialog_new (self->store, client);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_recorded), self, G_CONNECT_SWAPPED);
  present (self, dialog);

  return dialog;
}

static void
prepare_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KabConsentView *self = KAB_CONSENT_VIEW (widget);
  KabClient *client = NULL;

  /* On a client's agreements, a new one is for that client. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->pages), "agreements") == 0)
    client = self->client;

  kab_consent_view_prepare (self, client);
}

static void
prepare_for_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KabConsentView *self = KAB_CONSENT_VIEW (widget);
  KabClient *client = kab_store_find_client (self->store, g_variant_get_int64 (parameter));

  if (client != NULL)
    kab_consent_view_prepare (self, client);
}

static void
show_client_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KabConsentView *self = KAB_CONSENT_VIEW (widget);
  KabClient *client = kab_store_find_client (self->store, g_variant_get_int64 (parameter));

  if (client != NULL)
    kab_consent_view_show_client (self, client);
}

static void
find_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KabConsentView *self = KAB_CONSENT_VIEW (widget);

  adw_view_stack_set_visible_child_name (self->pages, "agreements");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* An agreement on record */

static KabConsent *
find_consent (KabConsentView *self,
              GVariant       *parameter)
{
  KabConsent *consent = kab_consent_view_find_consent (self, g_variant_get_int64 (parameter));

  if (consent == NULL)
    kab_consent_view_toast (self, _("The agreement does not exist (any more)."));

  return consent;
}

static void
show_agreement_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  KabConsentView *self = KAB_CONSENT_VIEW (widget);
  KabConsent *consent = find_consent (self, parameter);

  if (consent != NULL)
    present (self, kab_agreement_dialog_new_for_consent (self->store, consent));
}

static void
print_agreement_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  KabConsentView *self = KAB_CONSENT_VIEW (widget);
  KabConsent *consent = find_consent (self, parameter);
  g_autoptr(KabPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (consent == NULL)
    return;

  /* The text exactly as it was printed; the record stays as it is. */
  document = kab_consent_document_new_stored (consent, self->client);
  if (!kab_print_document_print (document, parent_window (self),
                                 GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, &error))
    kab_consent_view_toast (self, error->message);
}

typedef struct
{
  KabConsentView *view;
  KabConsent     *consent;
} SaveAgain;

static void
save_again_free (SaveAgain *save)
{
  g_clear_object (&save->view);
  g_clear_object (&save->consent);
  g_free (save);
}

static void
on_save_again_response (GtkNativeDialog *chooser,
                        int              response,
                        SaveAgain       *save)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autoptr(KabPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  KabClient *client;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      client = kab_store_find_client (save->view->store, kab_consent_get_client_id (save->consent));
      document = kab_consent_document_new_stored (save->consent, client);
      basename = g_filename_display_basename (path);
      name = kab_isolate (basename);
      if (kab_print_document_export_pdf (document, path, &error))
        {
          /* Translators: %s is the name of the PDF file */
          message = g_strdup_printf (_("Saved “%s”"), name);
          kab_consent_view_toast (save->view, message);
        }
      else
        kab_consent_view_toast (save->view, error->message);
    }

  save_again_free (save);
}

static void
save_agreement_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  KabConsentView *self = KAB_CONSENT_VIEW (widget);
  KabConsent *consent = find_consent (self, parameter);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  SaveAgain *save;

  if (consent == NULL || self->client == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Agreement as PDF"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  name = kab_consent_dup_pdf_name (self->client, kab_consent_get_printed_on (consent));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  save = g_new0 (SaveAgain, 1);
  save->view = g_object_ref (self);
  save->consent = g_object_ref (consent);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_again_response), save);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Signatures and withdrawals */

typedef struct
{
  KabConsentView *view;
  KabConsent     *before;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_clear_object (&undo->view);
  g_clear_object (&undo->before);
  g_free (undo);
}

static void
on_undo_clicked (AdwToast *toast,
                 Undo     *undo)
{
  g_autoptr(GError) error = NULL;

  if (!kab_store_save_consent (undo->view->store, undo->before, &error))
    kab_consent_view_toast (undo->view, error->message);
}

/**
 * kab_consent_view_record_date:
 * @consent: an agreement on record
 * @which: %KAB_CONSENT_STATE_SIGNED or %KAB_CONSENT_STATE_WITHDRAWN
 * @date: the day
 *
 * Records the day @consent was signed or withdrawn, with a toast that can undo it.
 */
void
kab_consent_view_record_date (KabConsentView  *self,
                              KabConsent      *consent,
                              KabConsentState  which,
                              GDateTime       *date)
{
  g_autoptr(KabConsent) changed = kab_consent_copy (consent);
  g_autoptr(GError) error = NULL;
  KabClient *client = kab_store_find_client (self->store, kab_consent_get_client_id (consent));
  g_autofree char *name = kab_isolate (client != NULL ? kab_client_get_display_name (client) : "");
  g_autofree char *message = NULL;
  g_autofree char *markup = NULL;
  AdwToast *toast;
  Undo *undo;

  if (which == KAB_CONSENT_STATE_WITHDRAWN)
    kab_consent_set_withdrawn_on (changed, date);
  else
    kab_consent_set_signed_on (changed, date);

  if (!kab_store_save_consent (self->store, changed, &error))
    {
      kab_consent_view_toast (self, error->message);
      return;
    }

  if (which == KAB_CONSENT_STATE_WITHDRAWN)
    /* Translators: %s is the client's name */
    message = g_strdup_printf (_("Recorded that %s withdrew their consent"), name);
  else
    /* Translators: %s is the client's name */
    message = g_strdup_printf (_("Recorded that %s signed the agreement"), name);

  markup = g_markup_escape_text (message, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("_Undo"));
  undo = g_new0 (Undo, 1);
  undo->view = g_object_ref (self);
  undo->before = kab_consent_copy (consent);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked), undo,
                         (GClosureNotify)(void (*) (void))undo_free, 0);
  kab_consent_view_add_toast (self, toast);
}

/**
 * kab_consent_view_record_signature:
 *
 * Records that @client signed their latest printed agreement on @date.
 */
void
kab_consent_view_record_signature (KabConsentView *self,
                                   KabClient      *client,
                                   GDateTime      *date)
{
  g_autoptr(GListModel) consents = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  consents = kab_store_list_consents (self->store, kab_client_get_id (client), &error);
  if (consents == NULL)
    {
      kab_consent_view_toast (self, error->message);
      return;
    }

  n = g_list_model_get_n_items (consents);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(KabConsent) consent = g_list_model_get_item (consents, i - 1);

      if (kab_consent_get_state (consent) == KAB_CONSENT_STATE_PRINTED)
        {
          kab_consent_view_record_date (self, consent, KAB_CONSENT_STATE_SIGNED, date);
          return;
        }
    }

  kab_consent_view_toast (self, _("There is no printed agreement to sign. Prepare one first."));
}

/* Templates */

static void
on_template_saved (KabConsentView     *self,
                   KabConsentTemplate *template)
{
  g_autofree char *title = kab_isolate (kab_consent_template_get_title (template));
  g_autofree char *message = NULL;

  /* Translators: %1$s is a template's title, %2$d its version */
  message = g_strdup_printf (_("“%1$s” saved as version %2$d"),
                             title,
                             kab_consent_template_get_version (template));
  kab_consent_view_toast (self, message);
}

static void
open_editor (KabConsentView     *self,
             KabConsentTemplate *template,
             guint               n_uses)
{
  GtkWidget *editor = kab_template_editor_new (self->store, template, n_uses);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_template_saved), self, G_CONNECT_SWAPPED);
  present (self, editor);
}

static void
copy_template_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KabConsentView *self = KAB_CONSENT_VIEW (widget);
  KabConsentTemplate *template = kab_consent_view_find_template (self, g_variant_get_int64 (parameter));
  g_autoptr(KabConsentTemplate) copy = NULL;

  if (template == NULL)
    return;

  copy = kab_consent_template_copy_as_custom (template);
  open_editor (self, copy, 0);
}

static void
edit_template_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KabConsentView *self = KAB_CONSENT_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  KabConsentTemplate *template = kab_consent_view_find_template (self, id);

  /* The shipped texts are not edited: they are copied first. */
  if (template == NULL || kab_consent_template_get_builtin (template))
    return;

  open_editor (self, template, kab_consent_view_count_uses (self, id));
}

/* Shortcuts */

void
kab_consent_view_init_shortcuts (KabConsentView *self)
{
  static const KabViewShortcut shortcuts[] = {
    { "<Control>n", "consent.prepare" },
    { "<Control>f", "consent.find" },
  };

  kab_view_add_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
}

void
kab_consent_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "consent.prepare", NULL, prepare_activated);
  gtk_widget_class_install_action (widget_class, "consent.prepare-for", "x", prepare_for_activated);
  gtk_widget_class_install_action (widget_class, "consent.show-client", "x", show_client_activated);
  gtk_widget_class_install_action (widget_class, "consent.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "consent.show-agreement", "x", show_agreement_activated);
  gtk_widget_class_install_action (widget_class, "consent.print-agreement", "x", print_agreement_activated);
  gtk_widget_class_install_action (widget_class, "consent.save-agreement", "x", save_agreement_activated);
  gtk_widget_class_install_action (widget_class, "consent.copy-template", "x", copy_template_activated);
  gtk_widget_class_install_action (widget_class, "consent.edit-template", "x", edit_template_activated);
}
