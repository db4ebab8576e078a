/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-ics-follower.c: a calendar file that follows the practice, rewritten after each change.
 *
 * The user chooses a file that their own calendar program (Evolution, GNOME Calendar
 * through Evolution's "On This Computer" calendar, a phone syncing the folder) follows.
 * Kabinett rewrites it after every change of sessions or clients: a temporary file, then a
 * rename, so that a reader never sees half a file. Nothing leaves the machine unless the
 * user's own sync moves the file. */

#include "config.h"

#include <glib/gstdio.h>

#include "kab-ics-export.h"
#include "kab-ics-follower.h"

/* What the file holds: the recent past and the year ahead. */
#define PAST_DAYS   90
#define AHEAD_DAYS  365

struct _KabIcsFollower
{
  GObject   parent_instance;

  KabStore *store;
  char     *path;
  gboolean  initials_only;
  guint     write_id;
};

G_DEFINE_FINAL_TYPE (KabIcsFollower, kab_ics_follower, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PATH,
  PROP_INITIALS_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * kab_ics_follower_write:
 *
 * Rewrites the file now, atomically. Does nothing when no file is chosen.
 */
gboolean
kab_ics_follower_write (KabIcsFollower  *self,
                        GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) from = g_date_time_add_days (now, -PAST_DAYS);
  g_autoptr(GDateTime) to = g_date_time_add_days (now, AHEAD_DAYS);
  g_autofree char *text = NULL;

  g_return_val_if_fail (KAB_IS_ICS_FOLLOWER (self), FALSE);

  if (self->path == NULL || *self->path == '\0')
    return TRUE;

  text = kab_ics_export (self->store, from, to, self->initials_only, NULL, error);
  if (text == NULL)
    return FALSE;

  return g_file_set_contents_full (self->path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0600, error);
}

static gboolean
write_cb (gpointer user_data)
{
  KabIcsFollower *self = user_data;
  g_autoptr(GError) error = NULL;

  self->write_id = 0;
  if (!kab_ics_follower_write (self, &error))
    g_warning ("Could not rewrite the calendar file %s: %s", self->path, error->message);

  return G_SOURCE_REMOVE;
}

/* Several changes in one go (a series, an import) make one rewrite. */
static void
queue_write (KabIcsFollower *self)
{
  if (self->write_id == 0 && self->path != NULL && *self->path != '\0')
    self->write_id = g_idle_add (write_cb, self);
}

static void
kab_ics_follower_constructed (GObject *object)
{
  KabIcsFollower *self = KAB_ICS_FOLLOWER (object);

  G_OBJECT_CLASS (kab_ics_follower_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "sessions-changed", G_CALLBACK (queue_write), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (kab_store_get_clients (self->store), "items-changed",
                           G_CALLBACK (queue_write), self, G_CONNECT_SWAPPED);
}

static void
kab_ics_follower_dispose (GObject *object)
{
  KabIcsFollower *self = KAB_ICS_FOLLOWER (object);

  /* A change made just before quitting still reaches the file. */
  if (self->write_id != 0)
    {
      g_clear_handle_id (&self->write_id, g_source_remove);
      write_cb (self);
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kab_ics_follower_parent_class)->dispose (object);
}

static void
kab_ics_follower_finalize (GObject *object)
{
  KabIcsFollower *self = KAB_ICS_FOLLOWER (object);

  g_free (self->path);

  G_OBJECT_CLASS (kab_ics_follower_parent_class)->finalize (object);
}

static void
kab_ics_follower_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KabIcsFollower *self = KAB_ICS_FOLLOWER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_INITIALS_ONLY:
      g_value_set_boolean (value, self->initials_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_ics_follower_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KabIcsFollower *self = KAB_ICS_FOLLOWER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PATH:
      kab_ics_follower_set_path (self, g_value_get_string (value));
      break;

    case PROP_INITIALS_ONLY:
      kab_ics_follower_set_initials_only (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_ics_follower_class_init (KabIcsFollowerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = kab_ics_follower_constructed;
  object_class->dispose = kab_ics_follower_dispose;
  object_class->finalize = kab_ics_follower_finalize;
  object_class->get_property = kab_ics_follower_get_property;
  object_class->set_property = kab_ics_follower_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INITIALS_ONLY] =
    g_param_spec_boolean ("initials-only", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kab_ics_follower_init (KabIcsFollower *self)
{
  self->path = g_strdup ("");
  self->initials_only = TRUE;
}

KabIcsFollower *
kab_ics_follower_new (KabStore *store)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  return g_object_new (KAB_TYPE_ICS_FOLLOWER, "store", store, NULL);
}

const char *
kab_ics_follower_get_path (KabIcsFollower *self)
{
  g_return_val_if_fail (KAB_IS_ICS_FOLLOWER (self), NULL);

  return self->path;
}

/* A newly chosen file is written at once, with what the practice has now. */
void
kab_ics_follower_set_path (KabIcsFollower *self,
                           const char     *path)
{
  g_return_if_fail (KAB_IS_ICS_FOLLOWER (self));

  if (path == NULL)
    path = "";
  if (g_strcmp0 (self->path, path) == 0)
    return;

  g_free (self->path);
  self->path = g_strdup (path);
  queue_write (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

gboolean
kab_ics_follower_get_initials_only (KabIcsFollower *self)
{
  g_return_val_if_fail (KAB_IS_ICS_FOLLOWER (self), TRUE);

  return self->initials_only;
}

void
kab_ics_follower_set_initials_only (KabIcsFollower *self,
                                    gboolean        initials_only)
{
  g_return_if_fail (KAB_IS_ICS_FOLLOWER (self));

  initials_only = !!initials_only;
  if (self->initials_only == initials_only)
    return;

  self->initials_only = initials_only;
  queue_write (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIALS_ONLY]);
}
