/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-print-dialog-probe.c: Kabinett's own print path with the real print dialog, then cancelled */

#include "config.h"

#include <stdio.h>

#include <gtk/gtk.h>

#include "kab-print-document.h"

/* For test-safety-network: runs kab_print_document_print() with the print dialog, as
 * Printing an agreement or a receipt does, leaves the dialog open long enough for GTK's
 * print backends (CUPS and the file printer) to list the printers, then cancels it.
 * Prints "print-dialog-shown" and "print-dialog-done" on stdout, so that the test knows
 * the dialog really ran. */

#define LISTING_MS 3000

static gboolean
cancel_dialog (gpointer data)
{
  GtkDialog *dialog = data;

  gtk_dialog_response (dialog, GTK_RESPONSE_CANCEL);
  return G_SOURCE_REMOVE;
}

static gboolean
watch_for_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GType dialog_type = g_type_from_name ("GtkPrintUnixDialog");

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (dialog_type != 0 && G_TYPE_CHECK_INSTANCE_TYPE (window, dialog_type)
          && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          printf ("print-dialog-shown\n");
          fflush (stdout);
          g_timeout_add (LISTING_MS, cancel_dialog, window);
          return G_SOURCE_REMOVE;
        }
    }

  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KabPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *parent;

  gtk_init ();

  parent = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (parent), "Kabinett");
  gtk_window_present (GTK_WINDOW (parent));

  document = kab_print_document_new ("# Receipt\n\nPaid: 1 200 kr.\n");
  g_timeout_add (50, watch_for_dialog, NULL);

  if (!kab_print_document_print (document, GTK_WINDOW (parent),
                                 GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, &error))
    {
      g_printerr ("printing failed: %s\n", error->message);
      return 1;
    }

  printf ("print-dialog-done\n");
  gtk_window_destroy (GTK_WINDOW (parent));
  return 0;
}
