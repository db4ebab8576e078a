/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kab-supervision.h: one meeting of the practitioner's own supervision, Balint group,
 * personal therapy or course, with the cases brought to it under a pseudonym */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Stored by nick ("individual", "group", "balint", "therapy", "course"). */
typedef enum {
  KAB_SUPERVISION_KIND_INDIVIDUAL,
  KAB_SUPERVISION_KIND_GROUP,
  KAB_SUPERVISION_KIND_BALINT,
  KAB_SUPERVISION_KIND_THERAPY,
  KAB_SUPERVISION_KIND_COURSE,
} KabSupervisionKind;

#define KAB_SUPERVISION_N_KINDS 5

const char *kab_supervision_kind_to_label (KabSupervisionKind  kind);
const char *kab_supervision_kind_to_nick  (KabSupervisionKind  kind);
gboolean    kab_supervision_kind_from_nick (const char         *nick,
                                            KabSupervisionKind *out);

/* A case brought: a link to a client, shown and printed only by its pseudonym. */
typedef struct
{
  gint64  client_id;
  char   *pseudonym;
} KabSupervisionCase;

KabSupervisionCase *kab_supervision_case_new  (gint64              client_id,
                                               const char         *pseudonym);
void                kab_supervision_case_free (KabSupervisionCase *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KabSupervisionCase, kab_supervision_case_free)

gboolean kab_supervision_check_pseudonym (const char  *pseudonym,
                                          const char  *given_name,
                                          const char  *family_name,
                                          GError     **error);

#define KAB_TYPE_SUPERVISION (kab_supervision_get_type ())

G_DECLARE_FINAL_TYPE (KabSupervision, kab_supervision, KAB, SUPERVISION, GObject)

KabSupervision     *kab_supervision_new            (void);
KabSupervision     *kab_supervision_copy           (KabSupervision     *self);
gboolean            kab_supervision_validate       (KabSupervision     *self,
                                                    GError            **error);

gint64              kab_supervision_get_id         (KabSupervision     *self);
void                kab_supervision_set_id         (KabSupervision     *self,
                                                    gint64              id);
gint64              kab_supervision_get_series_id  (KabSupervision     *self);
void                kab_supervision_set_series_id  (KabSupervision     *self,
                                                    gint64              series_id);
GDateTime          *kab_supervision_get_start      (KabSupervision     *self);
void                kab_supervision_set_start      (KabSupervision     *self,
                                                    GDateTime          *start);
int                 kab_supervision_get_duration   (KabSupervision     *self);
void                kab_supervision_set_duration   (KabSupervision     *self,
                                                    int                 minutes);
KabSupervisionKind  kab_supervision_get_kind       (KabSupervision     *self);
void                kab_supervision_set_kind       (KabSupervision     *self,
                                                    KabSupervisionKind  kind);
const char         *kab_supervision_get_leader     (KabSupervision     *self);
void                kab_supervision_set_leader     (KabSupervision     *self,
                                                    const char         *leader);
const char         *kab_supervision_get_group_name (KabSupervision     *self);
void                kab_supervision_set_group_name (KabSupervision     *self,
                                                    const char         *group_name);
const char         *kab_supervision_get_notes      (KabSupervision     *self);
void                kab_supervision_set_notes      (KabSupervision     *self,
                                                    const char         *notes);
gint64              kab_supervision_get_expense    (KabSupervision     *self);
void                kab_supervision_set_expense    (KabSupervision     *self,
                                                    gint64              expense);
const char         *kab_supervision_get_currency   (KabSupervision     *self);
void                kab_supervision_set_currency   (KabSupervision     *self,
                                                    const char         *currency);

/* The cases brought (element-type KabSupervisionCase), owned by @self. */
GPtrArray          *kab_supervision_get_cases      (KabSupervision     *self);
void                kab_supervision_add_case       (KabSupervision     *self,
                                                    gint64              client_id,
                                                    const char         *pseudonym);
void                kab_supervision_clear_cases    (KabSupervision     *self);
char               *kab_supervision_dup_cases_text (KabSupervision     *self);

G_END_DECLS
