/* The audience report: scoring the sample, then the estimate, the Follower Factory test, reach and engagement. */
#include "audience.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "engagement.h"
#include "factory.h"
#include "model.h"
#include "report.h"

static const tf_account *find_profile(const tf_batch *b)
{
    for (size_t i = 0; i < b->n_accounts; i++)
        if (b->accounts[i].seen == TF_SEEN_PROFILE)
            return &b->accounts[i];
    return NULL;
}

/*
 * Where the sample comes from: a follower list when the responses hold one, else a following list, else the
 * authors of posts, else the profiles themselves. The other accounts seen beside a list (the profile it
 * belongs to, the authors of the profile's posts) describe its subject, not its audience.
 */
static tf_seen sample_origin(const tf_batch *b)
{
    static const tf_seen preferred[] = {TF_SEEN_FOLLOWERS, TF_SEEN_FOLLOWING, TF_SEEN_POST_AUTHOR};
    for (size_t k = 0; k < sizeof preferred / sizeof *preferred; k++)
        for (size_t i = 0; i < b->n_accounts; i++)
            if (b->accounts[i].seen == preferred[k])
                return preferred[k];
    return TF_SEEN_PROFILE;
}

/*
 * The sample's accounts, those of `origin` in the order the responses listed them (a follower list: newest
 * first). Accounts that show too little to judge stay out; `too_little` counts them.
 */
static size_t select_sample(const tf_batch *b, tf_seen origin, const tf_account **out, size_t *too_little)
{
    size_t n = 0;
    *too_little = 0;
    for (size_t i = 0; i < b->n_accounts; i++) {
        if (b->accounts[i].seen != origin)
            continue;
        if (tf_account_shows_enough(&b->accounts[i]))
            out[n++] = &b->accounts[i];
        else
            (*too_little)++;
    }
    return n;
}

/* The posts written by the profile (all posts, when the profile's id is unknown). */
static size_t profile_posts(const tf_batch *b, const tf_account *profile, tf_post *out)
{
    size_t n = 0;
    for (size_t i = 0; i < b->n_posts; i++) {
        const tf_post *p = &b->posts[i];
        if (!profile || !profile->id || !p->author_id || strcmp(profile->id, p->author_id) == 0)
            out[n++] = *p;
    }
    return n;
}

cJSON *tf_audience_report(const tf_batch *batch, double now, const tf_thresholds *t, double followers)
{
    const tf_account *profile = find_profile(batch);
    const tf_account **sample = malloc((batch->n_accounts + 1) * sizeof *sample);
    tf_score *scores = malloc((batch->n_accounts + 1) * sizeof *scores);
    double *created = malloc((batch->n_accounts + 1) * sizeof *created);
    tf_post *posts = malloc((batch->n_posts + 1) * sizeof *posts);
    tf_factory_result factory = {0};
    cJSON *report = NULL;
    if (!sample || !scores || !created || !posts)
        goto done;

    size_t too_little;
    tf_seen origin = sample_origin(batch);
    size_t n = select_sample(batch, origin, sample, &too_little);
    tf_error_rates rates;
    if (n)
        tf_model_error_rates_for(sample[0], &rates); /* the rates of the model that scored the sample */
    else
        tf_model_error_rates(TF_X, &rates);
    /* The correction undoes the classifier's errors at the threshold they were measured at, so the sample is
     * counted there. The user's "fake" threshold decides single verdicts (list badges, a profile's own); the
     * estimated share of fakes in the audience does not depend on it. Their "inactive" thresholds apply. */
    tf_thresholds at = t ? *t : tf_default_thresholds;
    at.fake = n ? tf_model_verdict_threshold_for(sample[0]) : at.fake;
    for (size_t i = 0; i < n; i++) {
        tf_score_account(sample[i], now, &at, &scores[i]);
        created[i] = sample[i]->created_at;
    }
    tf_audit audit;
    tf_audit_estimate(scores, n, &rates, origin, &audit);
    if (origin == TF_SEEN_FOLLOWERS && tf_factory_find(created, n, &factory))
        goto done;

    if (isnan(followers) && profile)
        followers = profile->followers;
    tf_engagement engagement;
    size_t n_posts = profile_posts(batch, profile, posts);
    tf_engagement_measure(profile ? profile->platform : n ? sample[0]->platform : TF_X, posts, n_posts, followers,
                          &engagement);
    report = tf_audit_report(&audit, followers, profile ? profile->handle : NULL, &factory, &engagement);
    if (report && !cJSON_AddNumberToObject(report, "left_out_too_little_shown", (double)too_little)) {
        cJSON_Delete(report);
        report = NULL;
    }
done:
    free(sample), free(scores), free(created), free(posts), free(factory.runs);
    return report;
}
