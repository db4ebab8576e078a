/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-store-opener.c: the practice opened on a worker thread while GTK starts */

#include "config.h"

#include "kab-store-opener.h"

/* Opening a 20-year practice checks the file, runs the billing rules and reads every
 * client: work that needs neither GTK nor the main loop. Started before gtk_init, it
 * runs on the second core while GTK, the styles and the window's templates load on the
 * first. Nothing else touches the store until kab_store_opener_wait() hands it over. */
static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  KabStore *store = kab_store_open (task_data, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/**
 * kab_store_opener_start:
 * @path: the database to open
 *
 * Returns: (transfer full): the task that opens @path; pass it to kab_store_opener_wait()
 */
GTask *
kab_store_opener_start (const char *path)
{
  GTask *task = g_task_new (NULL, NULL, NULL, NULL);

  g_return_val_if_fail (path != NULL, NULL);

  g_task_set_source_tag (task, kab_store_opener_start);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_in_thread);
  return task;
}

/**
 * kab_store_opener_wait:
 * @task: from kab_store_opener_start()
 *
 * Waits for the store the worker opens, running the main context meanwhile (the task
 * completes there).
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
KabStore *
kab_store_opener_wait (GTask   *task,
                       GError **error)
{
  g_return_val_if_fail (g_task_is_valid (task, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == kab_store_opener_start, NULL);

  while (!g_task_get_completed (task))
    g_main_context_iteration (NULL, TRUE);

  return g_task_propagate_pointer (task, error);
}
