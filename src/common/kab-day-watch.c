/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-day-watch.c: tells when the local day changes while Kabinett runs
 *
 * A timeout to the next local midnight, armed again each time it fires; and a check when
 * the computer resumes from sleep (logind's PrepareForSleep on the system bus, when there
 * is one), since a timeout does not count the time asleep. "Today" is the store's (see
 * kab_store_dup_now()), so that tests move the day without waiting for it. */

#include "config.h"

#include <gio/gio.h>

#include "kab-day-watch.h"
#include "kab-store-clock.h"

struct _KabDayWatch
{
  GObject          parent_instance;

  char            *day;            /* today, "YYYY-MM-DD" */
  guint            timeout;
  GCancellable    *cancellable;
  GDBusConnection *system_bus;
  guint            sleep_subscription;
};

G_DEFINE_FINAL_TYPE (KabDayWatch, kab_day_watch, G_TYPE_OBJECT)

enum {
  DAY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = kab_store_dup_now ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void arm (KabDayWatch *self);

static gboolean
on_midnight (gpointer user_data)
{
  KabDayWatch *self = user_data;

  self->timeout = 0;
  kab_day_watch_check (self);
  arm (self);
  return G_SOURCE_REMOVE;
}

/* Wakes a few seconds after the next local midnight of the real clock. */
static void
arm (KabDayWatch *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
  GTimeSpan left = g_date_time_difference (tomorrow, now);
  guint seconds = (guint)CLAMP (left / G_TIME_SPAN_SECOND, 0, 25 * 3600) + 2;

  g_clear_handle_id (&self->timeout, g_source_remove);
  self->timeout = g_timeout_add_seconds (seconds, on_midnight, self);
}

static void
on_prepare_for_sleep (GDBusConnection *connection,
                      const char      *sender,
                      const char      *path,
                      const char      *interface,
                      const char      *signal,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  KabDayWatch *self = user_data;
  gboolean going_to_sleep = TRUE;

  if (g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    g_variant_get (parameters, "(b)", &going_to_sleep);
  if (going_to_sleep)
    return;

  /* resumed: the day may have turned, and the timeout was asleep too */
  kab_day_watch_check (self);
  arm (self);
}

static void
on_system_bus (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_finish (result, &error);
  KabDayWatch *self;

  if (bus == NULL)
    {
      /* no system bus (a container, the tests): midnight is still watched */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, so resuming from sleep is not watched: %s", error->message);
      return;
    }

  self = KAB_DAY_WATCH (user_data);
  self->system_bus = bus;
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (bus, "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager", "PrepareForSleep",
                                        "/org/freedesktop/login1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, on_prepare_for_sleep,
                                        self, NULL);
}

/**
 * kab_day_watch_check:
 *
 * Emits ::day-changed if today is not the day seen last. Views call it too when they
 * are shown again.
 *
 * Returns: whether the day had changed
 */
gboolean
kab_day_watch_check (KabDayWatch *self)
{
  g_autofree char *today = dup_today ();

  g_return_val_if_fail (KAB_IS_DAY_WATCH (self), FALSE);

  if (g_strcmp0 (today, self->day) == 0)
    return FALSE;

  g_free (self->day);
  self->day = g_steal_pointer (&today);
  g_signal_emit (self, signals[DAY_CHANGED], 0);
  return TRUE;
}

static void
kab_day_watch_dispose (GObject *object)
{
  KabDayWatch *self = KAB_DAY_WATCH (object);

  g_clear_handle_id (&self->timeout, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->sleep_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
  self->sleep_subscription = 0;
  g_clear_object (&self->system_bus);

  G_OBJECT_CLASS (kab_day_watch_parent_class)->dispose (object);
}

static void
kab_day_watch_finalize (GObject *object)
{
  KabDayWatch *self = KAB_DAY_WATCH (object);

  g_free (self->day);

  G_OBJECT_CLASS (kab_day_watch_parent_class)->finalize (object);
}

static void
kab_day_watch_class_init (KabDayWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kab_day_watch_dispose;
  object_class->finalize = kab_day_watch_finalize;

  /**
   * KabDayWatch::day-changed:
   *
   * The local day is not the one it was: midnight passed, or the computer woke up on
   * another day.
   */
  signals[DAY_CHANGED] =
    g_signal_new ("day-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kab_day_watch_init (KabDayWatch *self)
{
  self->day = dup_today ();
  self->cancellable = g_cancellable_new ();
  arm (self);
  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, on_system_bus, self);
}

/**
 * kab_day_watch_new:
 *
 * Returns: (transfer full): a watch that emits ::day-changed when the local day changes
 */
KabDayWatch *
kab_day_watch_new (void)
{
  return g_object_new (KAB_TYPE_DAY_WATCH, NULL);
}
