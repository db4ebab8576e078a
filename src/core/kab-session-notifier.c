/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-session-notifier.c: tells, while Kabinett runs, that a session starts in a few minutes */

#include "config.h"

#include <glib/gi18n.h>

#include "kab-session-notifier.h"

#define CHECK_SECONDS 30

struct _KabSessionNotifier
{
  GObject     parent_instance;

  KabStore   *store;
  int         minutes;
  GHashTable *told;       /* session ids already notified (gint64*) */
  guint       timer_id;
};

G_DEFINE_FINAL_TYPE (KabSessionNotifier, kab_session_notifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MINUTES,
  N_PROPS
};

enum {
  SIGNAL_DUE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/**
 * kab_session_notifier_check:
 * @now: the time to check at
 *
 * Emits "due" once for each planned session that starts after @now and within the set
 * minutes, and that was not told of before.
 *
 * Returns: how many sessions were told of
 */
guint
kab_session_notifier_check (KabSessionNotifier *self,
                            GDateTime          *now)
{
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GError) error = NULL;
  guint told = 0;

  g_return_val_if_fail (KAB_IS_SESSION_NOTIFIER (self), 0);

  if (self->minutes <= 0)
    return 0;

  until = g_date_time_add_minutes (now, self->minutes);
  sessions = kab_store_list_sessions (self->store, now, until, &error);
  if (sessions == NULL)
    {
      g_warning ("Could not look for the next sessions: %s", error->message);
      return 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KabSession) session = g_list_model_get_item (sessions, i);
      gint64 id = kab_session_get_id (session);
      KabClient *client;
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *time = NULL;
      g_autofree char *title = NULL;
      g_autofree char *initials = NULL;

      if (kab_session_get_status (session) != KAB_SESSION_STATUS_PLANNED ||
          g_hash_table_contains (self->told, &id))
        continue;

      client = kab_store_find_client (self->store, kab_session_get_client_id (session));
      initials = client != NULL ? kab_client_dup_initials (client) : g_strdup ("");
      local = g_date_time_to_local (kab_session_get_start (session));
      time = g_date_time_format (local, "%H:%M");
      /* Translators: a desktop notification before a session; %s is the time, e.g. 10:00 */
      title = g_strdup_printf (_("Session at %s"), time);

      g_hash_table_add (self->told, g_memdup2 (&id, sizeof id));
      g_signal_emit (self, signals[SIGNAL_DUE], 0, session, title, initials);
      told++;
    }

  return told;
}

static gboolean
tick (gpointer user_data)
{
  KabSessionNotifier *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  kab_session_notifier_check (self, now);
  return G_SOURCE_CONTINUE;
}

/**
 * kab_session_notifier_start:
 *
 * Checks now and then every half minute, for as long as @self lives.
 */
void
kab_session_notifier_start (KabSessionNotifier *self)
{
  g_return_if_fail (KAB_IS_SESSION_NOTIFIER (self));

  if (self->timer_id != 0)
    return;

  self->timer_id = g_timeout_add_seconds (CHECK_SECONDS, tick, self);
  tick (self);
}

static void
kab_session_notifier_dispose (GObject *object)
{
  KabSessionNotifier *self = KAB_SESSION_NOTIFIER (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->told, g_hash_table_unref);

  G_OBJECT_CLASS (kab_session_notifier_parent_class)->dispose (object);
}

static void
kab_session_notifier_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KabSessionNotifier *self = KAB_SESSION_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_MINUTES:
      g_value_set_int (value, self->minutes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_session_notifier_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  KabSessionNotifier *self = KAB_SESSION_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_MINUTES:
      kab_session_notifier_set_minutes (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kab_session_notifier_class_init (KabSessionNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kab_session_notifier_dispose;
  object_class->get_property = kab_session_notifier_get_property;
  object_class->set_property = kab_session_notifier_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KAB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MINUTES] =
    g_param_spec_int ("minutes", NULL, NULL, 0, 24 * 60, 10,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_DUE] =
    g_signal_new ("due", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, KAB_TYPE_SESSION, G_TYPE_STRING, G_TYPE_STRING);
}

static void
kab_session_notifier_init (KabSessionNotifier *self)
{
  self->minutes = 10;
  self->told = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

KabSessionNotifier *
kab_session_notifier_new (KabStore *store)
{
  g_return_val_if_fail (KAB_IS_STORE (store), NULL);

  return g_object_new (KAB_TYPE_SESSION_NOTIFIER, "store", store, NULL);
}

int
kab_session_notifier_get_minutes (KabSessionNotifier *self)
{
  g_return_val_if_fail (KAB_IS_SESSION_NOTIFIER (self), 0);

  return self->minutes;
}

void
kab_session_notifier_set_minutes (KabSessionNotifier *self,
                                  int                 minutes)
{
  g_return_if_fail (KAB_IS_SESSION_NOTIFIER (self));

  if (self->minutes == minutes)
    return;

  self->minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINUTES]);
}
