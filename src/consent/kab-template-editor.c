/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-template-editor.c: a window to edit the title, language and text of an agreement template */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-consent-templates.h"
#include "kab-consent-values.h"
#include "kab-template-editor.h"

struct _KabTemplateEditor
{
  AdwWindow           parent_instance;

  KabStore           *store;
  KabConsentTemplate *template;   /* a copy, saved on Save */
  guint               n_uses;
  gboolean            discard;    /* closing without asking */

  AdwWindowTitle     *window_title;
  GtkButton          *save_button;
  AdwEntryRow        *title_row;
  AdwComboRow        *language_row;
  GtkLabel           *version_label;
  GtkLabel           *help_label;
  GtkTextView        *body_view;
  GtkLabel           *error_label;
};

G_DEFINE_FINAL_TYPE (KabTemplateEditor, kab_template_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TEMPLATE,
  PROP_N_USES,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
dup_body (KabTemplateEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
chosen_language (KabTemplateEditor *self)
{
  const char *const *languages = kab_consent_languages ();
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (selected >= g_strv_length ((char **)languages))
    return kab_consent_template_get_language (self->template);

  return languages[selected];
}

static gboolean
is_modified (KabTemplateEditor *self)
{
  g_autofree char *body = dup_body (self);

  return self->template != NULL &&
         (kab_consent_template_get_id (self->template) == 0 ||
          g_strcmp0 (body, kab_consent_template_get_body (self->template)) != 0 ||
          g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                     kab_consent_template_get_title (self->template)) != 0 ||
          g_strcmp0 (chosen_language (self), kab_consent_template_get_language (self->template)) != 0);
}

static void
show_error (KabTemplateEditor *self,
            const char        *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/**
 * kab_template_editor_save:
 *
 * Saves what the window shows. A version that was printed stays as it was and the text
 * becomes a new version. On failure the window stays open with the reason shown.
 *
 * Returns: TRUE when saved (and the window closes)
 */
gboolean
kab_template_editor_save (KabTemplateEditor *self)
{
  g_autoptr(KabConsentTemplate) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (KAB_IS_TEMPLATE_EDITOR (self), FALSE);

  body = dup_body (self);
  edited = kab_consent_template_copy (self->template);
  g_object_set (edited,
                "title", gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                "language", chosen_language (self),
                "body", body,
                NULL);

  if (!kab_store_save_consent_template (self->store, edited, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  g_set_object (&self->template, edited);
  self->discard = TRUE;
  g_signal_emit (self, signals[SAVED], 0, edited);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

static void
on_discard_response (AdwMessageDialog  *dialog,
                     const char        *response,
                     KabTemplateEditor *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  self->discard = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
kab_template_editor_close_request (GtkWindow *window)
{
  KabTemplateEditor *self = KAB_TEMPLATE_EDITOR (window);
  AdwMessageDialog *dialog;

  if (self->discard || !is_modified (self))
    return GTK_WINDOW_CLASS (kab_template_editor_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Discard Changes?"),
                                                       _("The changes to this template have not been saved and will be lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static char *
dup_version_text (KabTemplateEditor *self)
{
  int version = kab_consent_template_get_version (self->template);

  if (kab_consent_template_get_id (self->template) == 0)
    return g_strdup (_("A new template of your own: it is saved as version 1."));

  if (self->n_uses == 0)
    /* Translators: %d is the version number of an agreement template */
    return g_strdup_printf (_("Version %d. It has not been printed yet, so saving changes this version."),
                            version);

  /* Translators: %1$d is a template's version, %2$u how many agreements were printed
   * from it, %3$d the number of the version that saving makes */
  return g_strdup_printf (ngettext ("Version %1$d was printed for %2$u agreement. It is kept as it was: saving makes version %3$d.",
                                    "Version %1$d was printed for %2$u agreements. It is kept as it was: saving makes version %3$d.",
                                    self->n_uses),
                          version, self->n_uses, version + 1);
}

static char *
dup_help_text (void)
{
  g_autoptr(GString) names = g_string_new (NULL);
  const char *const *placeholders = kab_consent_placeholder_names ();

  for (guint i = 0; placeholders[i] != NULL; i++)
    g_string_append_printf (names, "%s{%s}", i > 0 ? ", " : "", placeholders[i]);

  /* Translators: %s is a list of placeholders such as “{client}, {fee}”; keep “# ”, “## ”,
   * “- ”, “{{” and “}}” as they are */
  g_autofree char *help = g_strdup_printf (_("A line starting with “# ” is the title, “## ” a heading and “- ” a bullet; "
                                             "a blank line ends a paragraph. These placeholders are filled in for each "
                                             "client: %s. Write “{{” and “}}” for braces."),
                                           names->str);

  /* Translators: keep the braces and the names “minor”, “monthly_fee” as they are */
  return g_strconcat (help, " ", _("Text between {?minor} and {/minor} is printed only for a client under 18, "
                                   "and likewise for any other placeholder, e.g. {?monthly_fee}…{/monthly_fee}; "
                                   "{!minor}…{/minor} only when there is no such value."), NULL);
}

static void
load (KabTemplateEditor *self)
{
  const char *const *languages = kab_consent_languages ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *version = dup_version_text (self);
  g_autofree char *help = dup_help_text ();
  g_autofree char *subtitle = NULL;
  guint selected = 0;

  for (guint i = 0; languages[i] != NULL; i++)
    {
      gtk_string_list_append (names, kab_consent_language_name (languages[i]));
      if (g_strcmp0 (languages[i], kab_consent_template_get_language (self->template)) == 0)
        selected = i;
    }

  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->language_row, selected);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), kab_consent_template_get_title (self->template));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                            kab_consent_template_get_body (self->template), -1);
  gtk_label_set_label (self->version_label, version);
  gtk_label_set_label (self->help_label, help);

  /* Translators: the subtitle of the template editor: "Version 3" */
  subtitle = g_strdup_printf (_("Version %d"), kab_consent_template_get_version (self->template));
  if (kab_consent_template_get_id (self->template) == 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Template"));
      adw_window_title_set_title (self->window_title, _("New Template"));
    }
  else
    adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
kab_template_editor_constructed (GObject *object)
{
  KabTemplateEditor *self = KAB_TEMPLATE_EDITOR (object);

  G_OBJECT_CLASS (kab_template_editor_parent_class)->constructed (object);

  g_return_if_fail (KAB_IS_STORE (self->store));
  g_return_if_fail (KAB_IS_CONSENT_TEMPLATE (self->template));

  load (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
kab_template_editor_dispose (GObject *object)
{
  KabTemplateEditor *self = KAB_TEMPLATE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KAB_TYPE_TEMPLATE_EDITOR);
  g_clear_object (&self->template);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_template_editor_parent_class)->dispose (object);
}

static void
kab_template_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KabTemplateEditor *self = KAB_TEMPLATE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_TEMPLATE:
      g_value_set_object (value, self->template);
      break;

    case PROP_N_USES:
      g_value_set_uint (value, self->n_uses);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_template_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KabTemplateEditor *self = KAB_TEMPLATE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_TEMPLATE:
      /* Edited in a copy, so that Cancel leaves the original as it was. */
      self->template = kab_consent_template_copy (g_value_get_object (value));
      break;

    case PROP_N_USES:
      self->n_uses = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
save_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  kab_template_editor_save (KAB_TEMPLATE_EDITOR (widget));
  return TRUE;
}

static void
kab_template_editor_class_init (KabTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = kab_template_editor_constructed;
  object_class->dispose = kab_template_editor_dispose;
  object_class->get_property = kab_template_editor_get_property;
  object_class->set_property = kab_template_editor_set_property;

  window_class->close_request = kab_template_editor_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL, KAB_TYPE_CONSENT_TEMPLATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_USES] =
    g_param_spec_uint ("n-uses", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KabTemplateEditor::saved:
   * @template: the template as saved, with its (maybe new) version
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KAB_TYPE_CONSENT_TEMPLATE);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/consent/kab-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KabTemplateEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KabTemplateEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, KabTemplateEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, KabTemplateEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, KabTemplateEditor, version_label);
  gtk_widget_class_bind_template_child (widget_class, KabTemplateEditor, help_label);
  gtk_widget_class_bind_template_child (widget_class, KabTemplateEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, KabTemplateEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, kab_template_editor_save);
}

static void
kab_template_editor_init (KabTemplateEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kab_template_editor_new:
 * @template: the version to edit, or a new unsaved copy (id 0)
 * @n_uses: how many agreements were printed from it
 *
 * Returns: (transfer full): a new editor window
 */
GtkWidget *
kab_template_editor_new (KabStore           *store,
                         KabConsentTemplate *template,
                         guint               n_uses)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);
  g_return_val_if_fail (KAB_IS_CONSENT_TEMPLATE (template), NULL);

  return g_object_new (KAB_TYPE_TEMPLATE_EDITOR,
                       "store", store,
                       "template", template,
                       "n-uses", n_uses,
                       NULL);
}

/**
 * kab_template_editor_get_template:
 *
 * Returns: (transfer none): the template being edited, or as saved after Save
 */
KabConsentTemplate *
kab_template_editor_get_template (KabTemplateEditor *self)
{
  g_return_val_if_fail (KAB_IS_TEMPLATE_EDITOR (self), NULL);

  return self->template;
}
