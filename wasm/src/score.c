/* From the model's probability to a verdict: fake above the threshold; real but quiet is inactive. */
#include "score.h"

#include <math.h>

#include "model.h"

#define SECONDS_PER_DAY 86400.0

const tf_thresholds tf_default_thresholds = {
    .fake = 0.5,
    .inactive_posts_per_year = 1.0,
    .inactive_days_silent = 365.0,
};

static int is_inactive(const tf_account *a, double now, const tf_thresholds *t)
{
    if (!isnan(a->last_post_at))
        return (now - a->last_post_at) / SECONDS_PER_DAY > t->inactive_days_silent;
    if (isnan(a->posts))
        return 0;
    if (a->posts == 0)
        return 1;
    if (isnan(a->created_at))
        return 0;
    double years = (now - a->created_at) / (365.25 * SECONDS_PER_DAY);
    return years > 1 && a->posts / years < t->inactive_posts_per_year;
}

int tf_account_shows_enough(const tf_account *a)
{
    int counts = !isnan(a->followers) + !isnan(a->following) + !isnan(a->posts);
    int facts = (a->name != NULL) + (a->bio != NULL) + (a->default_avatar != TF_UNKNOWN || a->avatar_url != NULL) +
                counts + !isnan(a->created_at);
    return facts >= 2;
}

void tf_score_account(const tf_account *a, double now, const tf_thresholds *t, tf_score *out)
{
    if (!t)
        t = &tf_default_thresholds;
    if (!tf_account_shows_enough(a)) {
        out->p_fake = NAN;
        out->verdict = TF_NOT_ENOUGH_DATA;
        out->n_reasons = 0;
        return;
    }
    tf_model_predict(a, now, out);
    if (out->p_fake >= t->fake)
        out->verdict = TF_FAKE;
    else
        out->verdict = is_inactive(a, now, t) ? TF_INACTIVE : TF_REAL;
}

const char *tf_verdict_name(tf_verdict v)
{
    switch (v) {
    case TF_REAL: return "real";
    case TF_INACTIVE: return "inactive";
    case TF_FAKE: return "fake";
    case TF_NOT_ENOUGH_DATA: return "not-enough-data";
    }
    return "unknown";
}
