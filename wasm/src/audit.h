/*
 * The audience estimate: real, inactive and fake shares of a follower sample, each with a 90% interval
 * that accounts for the sample size and for the classifier's measured error rates.
 */
#ifndef TF_AUDIT_H
#define TF_AUDIT_H

#include <stddef.h>

#include "account.h"
#include "score.h"

#define TF_AUDIT_MIN_SAMPLE 30 /* below this the result says "too few to say" */

/* The classifier's error rates on held-out data, with the counts they come from. */
typedef struct tf_error_rates {
    double true_pos, false_neg; /* fakes flagged / missed: sensitivity = tp / (tp + fn) */
    double true_neg, false_pos; /* genuine passed / flagged: specificity = tn / (tn + fp) */
} tf_error_rates;

typedef struct tf_share {
    double share;   /* 0 to 1 */
    double ci90[2]; /* 90% interval */
    int at_least;   /* a one-sided bound: share NAN, only ci90[0] known (ci90[1] is 1 for want of a bound) */
} tf_share;

typedef struct tf_audit {
    size_t n;
    size_t flagged_fake, flagged_inactive; /* the raw verdict counts, before correction */
    int too_few;    /* n < TF_AUDIT_MIN_SAMPLE */
    tf_seen origin; /* where the sample came from (a follower list: the most recent followers) */
    tf_share real, inactive, fake;
    double sensitivity, specificity;
    /* The method behind the numbers given, in English (static: not to be freed): the corrected shares' or the
     * one-sided bound's; NULL exactly when the audit gives no number (no fake share and no bound). */
    const char *method;
} tf_audit;

/*
 * Estimates from n scored accounts. The fake share is the Rogan-Gladen correction of the flagged share,
 * with a Feldman-Cousins 90% interval built from the flagged count's law given both the sampling and the
 * uncertainty of sensitivity and specificity (beta-binomial; see audit.c). Inactive is the quiet part of
 * the accounts not flagged.
 */
void tf_audit_estimate(const tf_score *scores, size_t n, const tf_error_rates *rates, tf_seen origin,
                       tf_audit *out);

/* The same from counts: n accounts, `fake` of them flagged fake, `inactive` flagged inactive. */
void tf_audit_from_counts(size_t n, size_t fake, size_t inactive, const tf_error_rates *rates, tf_seen origin,
                          tf_audit *out);

/*
 * Are a profile's engagers far more fake than its followers, or the other way round? Only when both
 * estimates have numbers (at least TF_AUDIT_MIN_SAMPLE accounts each), their 90% intervals do not overlap,
 * and the fake shares lie at least TF_AUDIT_CONTRAST_GAP apart: then 1 (engagers more fake) or -1 (followers
 * more fake); else 0.
 */
#ifndef TF_AUDIT_CONTRAST_GAP
#define TF_AUDIT_CONTRAST_GAP 0.15
#endif
int tf_audit_contrast(const tf_audit *followers, const tf_audit *engagers);

#endif
