/* The core's answers as JSON, the one shape the command line and the extension both print. */
#ifndef TF_REPORT_H
#define TF_REPORT_H

#include "account.h"
#include "audit.h"
#include "cJSON.h"
#include "engagement.h"
#include "factory.h"
#include "score.h"

/* Each returns a new tree the caller deletes with cJSON_Delete, or NULL when memory runs out. */
cJSON *tf_account_report(const tf_account *a, const tf_score *s);
/* `followers` (NAN: unknown) gives true reach; `profile_handle` may be NULL. */
cJSON *tf_audit_report(const tf_audit *audit, double followers, const char *profile_handle,
                       const tf_factory_result *factory, const tf_engagement *engagement);

/* The engagers' estimate: `by_kind` counts likers, reposters and commenters (an account in two counts once,
 * under its first); `audience` is the follower sample's estimate it is compared with. */
cJSON *tf_engagers_report(const tf_audit *engagers, const size_t by_kind[3], size_t too_little,
                          const tf_audit *audience);

#endif
