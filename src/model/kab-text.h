/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-text.h: user text inside Kabinett's own sentences and file names */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *kab_isolate           (const char *text);
char *kab_file_name_from    (const char *text);

G_END_DECLS
