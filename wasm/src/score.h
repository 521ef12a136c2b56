/*
 * Scoring one account: the probability that it is fake, a verdict (real, inactive or fake) and the
 * reasons behind it, strongest first.
 */
#ifndef TF_SCORE_H
#define TF_SCORE_H

#include "account.h"
#include "reasons.h"

#define TF_MAX_REASONS 3

/* TF_NOT_ENOUGH_DATA: the account shows too little to judge (see tf_account_shows_enough); p_fake is NAN.
 * TF_UNCERTAIN: p_fake lies in the model's middle band (see tf_thresholds.fake), where "likely fake" would be
 * wrong too often; it is not shown as fake. */
typedef enum { TF_REAL, TF_INACTIVE, TF_FAKE, TF_NOT_ENOUGH_DATA, TF_UNCERTAIN } tf_verdict;

typedef struct tf_reason {
    const char *feature; /* the feature's name in the model card's table */
    double effect;       /* its contribution to the log-odds of "fake"; > 0 pushes towards fake */
    char text[160];      /* plain words, e.g. "follows 4,900 accounts; 12 follow back" */
    tf_reason_template words; /* the same sentence as a key and its numbers, for translation */
} tf_reason;

typedef struct tf_score {
    double p_fake; /* 0 to 1; NAN when the verdict is TF_NOT_ENOUGH_DATA */
    tf_verdict verdict;
    /* The p_fake from which this account's verdict reads "likely fake": the chosen threshold (tf_thresholds.fake),
     * else the high edge of its verdict band, which is higher on a platform without labelled data; NAN when
     * the verdict is TF_NOT_ENOUGH_DATA. */
    double fake_from;
    /* The same for this account on a platform with labelled data (X, Instagram, TikTok): equal to fake_from
     * there, and what "likely fake" would need there elsewhere. */
    double fake_from_labelled;
    int n_reasons;
    tf_reason reasons[TF_MAX_REASONS];
} tf_score;

typedef struct tf_thresholds {
    /* p_fake at or above which an account counts as fake, a sharp line with nothing uncertain (a user's
     * choice, or the audit's: it counts at the threshold its error rates were measured at). NAN, the
     * default: the model's verdict band decides (tf_model_verdict_band_for): from its high edge fake,
     * from its low edge uncertain, below real or inactive. */
    double fake;
    double inactive_posts_per_year; /* a real account posting less than this is inactive */
    double inactive_days_silent;  /* or one whose last post is older than this */
} tf_thresholds;

extern const tf_thresholds tf_default_thresholds;

/* 1 when the account shows at least two of: a name, a bio, an avatar, its followers, its following, its
 * posts, its creation date. A handle alone (or with only a name) says too little: the model would answer
 * from the handle's letters alone. */
int tf_account_shows_enough(const tf_account *a);

/* `now` is unix seconds: account ages and rates are measured against it. */
void tf_score_account(const tf_account *a, double now, const tf_thresholds *t, tf_score *out);

const char *tf_verdict_name(tf_verdict v);
/* The version of the model that made the scores, for reports that must be re-runnable. */
const char *tf_model_version(void);

#endif
