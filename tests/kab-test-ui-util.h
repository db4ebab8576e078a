/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-test-ui-util.h: what the tests that drive real windows share */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       kab_test_ui_init             (int        *argc,
                                         char     ***argv);
void       kab_test_iterate             (void);
void       kab_test_wait_until_mapped   (GtkWidget *widget);
void       kab_test_wait_until_in_view  (GtkWidget *widget);
GtkWindow *kab_test_find_toplevel       (GType      type);
GtkWidget *kab_test_find_by_type        (GtkWidget *root,
                                         GType      type);

typedef gboolean (*KabTestWidgetMatch) (GtkWidget     *widget,
                                        gconstpointer  data);
GtkWidget *kab_test_find_widget         (GtkWidget          *root,
                                         KabTestWidgetMatch  match,
                                         gconstpointer       data);
GtkWidget *kab_test_find_by_id          (GtkWidget          *root,
                                         const char         *id);
void       kab_test_destroy_all_windows (void);
guchar    *kab_test_render_widget       (GtkWidget          *widget);

G_END_DECLS
