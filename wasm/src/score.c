/* From the model's probability to a verdict: fake above the threshold, uncertain in the model's middle band,
 * and real but quiet is inactive. */
#include "score.h"

#include <math.h>

#include "model.h"

#define SECONDS_PER_DAY 86400.0

const tf_thresholds tf_default_thresholds = {
    .fake = NAN, /* the model's verdict band */
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
        out->fake_from = out->fake_from_labelled = NAN;
        out->n_reasons = 0;
        return;
    }
    tf_model_predict(a, now, out);
    /* A chosen threshold is a sharp line. The audit chooses the threshold its error rates were measured at
     * (audience.c), so its flagged count stays p_fake >= that threshold and its inactive count the quiet
     * accounts below it: the band never changes the audience estimate. */
    double low = t->fake, high = t->fake;
    if (isnan(t->fake))
        tf_model_verdict_band_for(a, &low, &high);
    out->fake_from = high;
    out->fake_from_labelled = isnan(t->fake) ? tf_model_labelled_fake_from(a) : t->fake;
    if (out->p_fake >= high)
        out->verdict = TF_FAKE;
    else if (out->p_fake >= low)
        out->verdict = TF_UNCERTAIN;
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
    case TF_UNCERTAIN: return "uncertain";
    }
    return "unknown";
}
