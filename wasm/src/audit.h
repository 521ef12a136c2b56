/* The audience estimate: real, inactive and fake shares of a follower sample, each with a 90% interval. */
#ifndef TF_AUDIT_H
#define TF_AUDIT_H

#include <stddef.h>

#include "account.h"
#include "score.h"

#define TF_AUDIT_MIN_SAMPLE 30 /* below this the badge says "too few to say" */

typedef struct tf_share {
    double share;    /* 0 to 1 */
    double ci90[2];  /* 90% interval */
} tf_share;

typedef struct tf_audit {
    size_t n;
    int too_few; /* n < TF_AUDIT_MIN_SAMPLE */
    tf_seen origin; /* where the sample came from (recent followers, when from a follower list) */
    tf_share real, inactive, fake;
    const char *method;
} tf_audit;

/* Estimates from n scored accounts; `origin` is where most of them were seen. */
void tf_audit_estimate(const tf_score *scores, size_t n, tf_seen origin, tf_audit *out);

#endif
