/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-reminders-service.c: what runs beside the window: the followed calendar file and
 * the desktop notifications before sessions, as the settings say */

#include "config.h"

#include "kab-ics-follower.h"
#include "kab-reminders-service.h"
#include "kab-session-notifier.h"

struct _KabRemindersService
{
  GObject             parent_instance;

  GApplication       *application;   /* weak */
  KabIcsFollower     *follower;
  KabSessionNotifier *notifier;
};

G_DEFINE_FINAL_TYPE (KabRemindersService, kab_reminders_service, G_TYPE_OBJECT)

/* The notification names the client by the initials only: it may show on a lock screen. */
static void
on_due (KabRemindersService *self,
        KabSession          *session,
        const char          *title,
        const char          *body)
{
  g_autoptr(GNotification) notification = g_notification_new (title);
  g_autofree char *id = g_strdup_printf ("session-%" G_GINT64_FORMAT, kab_session_get_id (session));

  if (self->application == NULL)
    return;

  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_application_send_notification (self->application, id, notification);
}

static void
kab_reminders_service_dispose (GObject *object)
{
  KabRemindersService *self = KAB_REMINDERS_SERVICE (object);

  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->follower);
  g_clear_object (&self->notifier);

  G_OBJECT_CLASS (kab_reminders_service_parent_class)->dispose (object);
}

static void
kab_reminders_service_class_init (KabRemindersServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kab_reminders_service_dispose;
}

static void
kab_reminders_service_init (KabRemindersService *self)
{
}

/**
 * kab_reminders_service_new:
 * @follow_file: whether to keep the chosen calendar file; %FALSE for a demo practice,
 *   which must not overwrite the user's file
 *
 * Returns: (transfer full): the service, running for as long as it lives
 */
KabRemindersService *
kab_reminders_service_new (GApplication *application,
                           KabStore     *store,
                           GSettings    *settings,
                           gboolean      follow_file)
{
  KabRemindersService *self = g_object_new (KAB_TYPE_REMINDERS_SERVICE, NULL);

  g_set_weak_pointer (&self->application, application);

  if (follow_file)
    {
      self->follower = kab_ics_follower_new (store);
      g_settings_bind (settings, "followed-calendar-initials-only", self->follower, "initials-only",
                       G_SETTINGS_BIND_GET);
      g_settings_bind (settings, "followed-calendar-file", self->follower, "path", G_SETTINGS_BIND_GET);
    }

  self->notifier = kab_session_notifier_new (store);
  g_settings_bind (settings, "session-notification-minutes", self->notifier, "minutes",
                   G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->notifier, "due", G_CALLBACK (on_due), self, G_CONNECT_SWAPPED);
  kab_session_notifier_start (self->notifier);

  return self;
}
