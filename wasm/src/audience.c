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
 * authors of posts, else a list of unknown kind, else the profiles themselves. The other accounts seen beside
 * a list (the profile it belongs to, the authors of the profile's posts) describe its subject, not its
 * audience. Engagers have their own estimate; search results, suggestions and familiar followers none.
 */
static tf_seen sample_origin(const tf_batch *b)
{
    static const tf_seen preferred[] = {TF_SEEN_FOLLOWERS, TF_SEEN_FOLLOWING, TF_SEEN_POST_AUTHOR, TF_SEEN_LISTED};
    for (size_t k = 0; k < sizeof preferred / sizeof *preferred; k++)
        for (size_t i = 0; i < b->n_accounts; i++)
            if (b->accounts[i].seen == preferred[k])
                return preferred[k];
    return TF_SEEN_PROFILE;
}

/* Does the account belong to the sample of `origin`? The engagers' sample (origin TF_SEEN_LIKERS here)
 * takes likers, reposters and commenters alike. */
static int in_sample(const tf_account *a, tf_seen origin)
{
    return tf_seen_is_engager(origin) ? tf_seen_is_engager(a->seen) : a->seen == origin;
}

/* Accounts are the same when their platform and id are (their handle, when either has no id). */
static int same_account(const tf_account *a, const tf_account *b)
{
    if (a->platform != b->platform)
        return 0;
    if (a->id && b->id)
        return strcmp(a->id, b->id) == 0;
    return a->handle && b->handle && strcmp(a->handle, b->handle) == 0;
}

static const char *account_key(const tf_account *a)
{
    return a->id ? a->id : a->handle ? a->handle : "";
}

/* Orders sample positions by platform and key, then by position: the first of equal accounts comes first. */
static const tf_account *const *sort_base;
static int by_account(const void *x, const void *y)
{
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    const tf_account *a = sort_base[i], *b = sort_base[j];
    if (a->platform != b->platform)
        return a->platform < b->platform ? -1 : 1;
    int c = strcmp(account_key(a), account_key(b));
    return c ? c : (i < j ? -1 : i > j);
}

/* Drops every later copy of an account from the first n of `sample`, keeping the order; returns the count
 * left. (A page may list an account twice, and pages overlap as a list grows.) */
static size_t drop_repeats(const tf_account **sample, size_t n)
{
    size_t *order = malloc((n + 1) * sizeof *order);
    unsigned char *repeat = calloc(n + 1, 1);
    if (!order || !repeat) { /* without the memory to sort, the quadratic way */
        free(order), free(repeat);
        size_t kept = 0;
        for (size_t i = 0; i < n; i++) {
            size_t j = 0;
            while (j < kept && !same_account(sample[j], sample[i]))
                j++;
            if (j == kept)
                sample[kept++] = sample[i];
        }
        return kept;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    sort_base = sample;
    qsort(order, n, sizeof *order, by_account);
    for (size_t k = 1; k < n; k++)
        if (same_account(sample[order[k - 1]], sample[order[k]]))
            repeat[order[k]] = 1;
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (!repeat[i])
            sample[kept++] = sample[i];
    free(order), free(repeat);
    return kept;
}

/*
 * The sample's accounts, those of `origin` in the order the responses listed them (a follower list: newest
 * first), each once. Accounts that show too little to judge stay out; `too_little` counts them.
 */
static size_t select_sample(const tf_batch *b, tf_seen origin, const tf_account **out, size_t *too_little)
{
    size_t n = 0, shown = 0;
    for (size_t i = 0; i < b->n_accounts; i++)
        if (in_sample(&b->accounts[i], origin))
            out[n++] = &b->accounts[i];
    n = drop_repeats(out, n);
    for (size_t i = 0; i < n; i++)
        if (tf_account_shows_enough(out[i]))
            out[shown++] = out[i];
    *too_little = n - shown;
    return shown;
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

/* Scores the sample of `origin` (its accounts in `sample`, their scores in `scores`) and estimates its shares. */
static size_t estimate(const tf_batch *batch, tf_seen origin, double now, const tf_thresholds *t,
                       const tf_account **sample, tf_score *scores, size_t *too_little, tf_audit *audit)
{
    size_t n = select_sample(batch, origin, sample, too_little);
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
    for (size_t i = 0; i < n; i++)
        tf_score_account(sample[i], now, &at, &scores[i]);
    tf_audit_estimate(scores, n, &rates, origin, audit);
    return n;
}

/* The engagers' estimate beside the audience's: null when the responses show no engager. */
static cJSON *engagers_report(const tf_batch *batch, double now, const tf_thresholds *t, const tf_audit *audience,
                              const tf_account **sample, tf_score *scores)
{
    size_t by_kind[3] = {0, 0, 0}, too_little;
    tf_audit engagers;
    size_t n = estimate(batch, TF_SEEN_LIKERS, now, t, sample, scores, &too_little, &engagers);
    if (n + too_little == 0)
        return cJSON_CreateNull();
    for (size_t i = 0; i < n; i++)
        by_kind[sample[i]->seen == TF_SEEN_LIKERS ? 0 : sample[i]->seen == TF_SEEN_REPOSTERS ? 1 : 2]++;
    return tf_engagers_report(&engagers, by_kind, too_little, audience);
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
    tf_audit audit;
    size_t n = estimate(batch, origin, now, t, sample, scores, &too_little, &audit);
    for (size_t i = 0; i < n; i++)
        created[i] = sample[i]->created_at;
    if (origin == TF_SEEN_FOLLOWERS && tf_factory_find(created, n, &factory))
        goto done;

    if (isnan(followers) && profile)
        followers = profile->followers;
    tf_engagement engagement;
    size_t n_posts = profile_posts(batch, profile, posts);
    tf_engagement_measure(profile ? profile->platform : n ? sample[0]->platform : TF_X, posts, n_posts, followers,
                          &engagement);
    report = tf_audit_report(&audit, followers, profile ? profile->handle : NULL, &factory, &engagement);
    if (report && (!cJSON_AddNumberToObject(report, "left_out_too_little_shown", (double)too_little) ||
                   !cJSON_AddItemToObject(report, "engagers", engagers_report(batch, now, t, &audit, sample, scores)))) {
        cJSON_Delete(report);
        report = NULL;
    }
done:
    free(sample), free(scores), free(created), free(posts), free(factory.runs);
    return report;
}
