/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-toast.h: a view shows a toast over the nearest toast overlay above it */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void kab_widget_add_toast (GtkWidget *widget,
                           AdwToast  *toast);

G_END_DECLS
