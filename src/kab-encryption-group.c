/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-encryption-group.c: Preferences says whether the practice's disk is encrypted */

#include "config.h"

#include "kab-disk-encryption.h"
#include "kab-encryption-group.h"

struct _KabEncryptionGroup
{
  AdwPreferencesGroup  parent_instance;

  AdwActionRow        *warning_row;
  char                *path;
};

G_DEFINE_FINAL_TYPE (KabEncryptionGroup, kab_encryption_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Only a disk known to be unencrypted is mentioned: on one that cannot be told (a
 * network folder, a container), the group stays hidden. */
static void
update (KabEncryptionGroup *self)
{
  KabDiskEncryption state = self->path != NULL ? kab_disk_encryption_for_path (self->path)
                                               : KAB_DISK_ENCRYPTION_UNKNOWN;

  gtk_widget_set_visible (GTK_WIDGET (self), state == KAB_DISK_ENCRYPTION_NONE);
}

static void
kab_encryption_group_finalize (GObject *object)
{
  KabEncryptionGroup *self = KAB_ENCRYPTION_GROUP (object);

  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (kab_encryption_group_parent_class)->finalize (object);
}

static void
kab_encryption_group_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KabEncryptionGroup *self = KAB_ENCRYPTION_GROUP (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_encryption_group_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  KabEncryptionGroup *self = KAB_ENCRYPTION_GROUP (object);

  switch (prop_id)
    {
    case PROP_PATH:
      kab_encryption_group_set_path (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_encryption_group_class_init (KabEncryptionGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kab_encryption_group_finalize;
  object_class->get_property = kab_encryption_group_get_property;
  object_class->set_property = kab_encryption_group_set_property;

  /**
   * KabEncryptionGroup:path: (type filename)
   *
   * The practice's database file, whose disk is checked.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kabinett/Kabinett/kab-encryption-group.ui");
  gtk_widget_class_bind_template_child (widget_class, KabEncryptionGroup, warning_row);
}

static void
kab_encryption_group_init (KabEncryptionGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

const char *
kab_encryption_group_get_path (KabEncryptionGroup *self)
{
  g_return_val_if_fail (KAB_IS_ENCRYPTION_GROUP (self), NULL);

  return self->path;
}

void
kab_encryption_group_set_path (KabEncryptionGroup *self,
                               const char         *path)
{
  g_return_if_fail (KAB_IS_ENCRYPTION_GROUP (self));

  if (g_strcmp0 (self->path, path) == 0)
    return;

  g_free (self->path);
  self->path = g_strdup (path);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}
