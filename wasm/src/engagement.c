/*
 * Engagement baselines by follower tier. Instagram's small tiers are measured on real genuine accounts
 * (engagement_instagram.inc, made by `make baselines`); every other row is a published figure, cited by
 * its source. Measured rows call a rate "far below" under the tier's 5th percentile; published rows, which
 * give one typical figure and no spread, under a quarter of it.
 */
#include "engagement.h"

#include <math.h>
#include <string.h>

/* A baseline's source: the English line, and the same as a kind, a key and the citation (engagement.h). */
typedef struct baseline_source {
    const char *text, *kind, *key, *name, *title;
} baseline_source;

typedef struct tier {
    double floor, typical, far_below;
    const baseline_source *source;
} tier;

static const baseline_source measured_ig = {
    "measured: InstaFake non-automated accounts (2018), 5th percentile and median", "measured", "instafake_2018",
    "InstaFake", NULL};
static const baseline_source socialrails = {
    "published: socialrails.com, 'What Is a Good Engagement Rate?' (averages by follower count)", "published",
    "socialrails", "socialrails.com", "What Is a Good Engagement Rate?"};
static const baseline_source calculatecreator = {
    "published: calculatecreator.com, TikTok engagement rate by followers (2026 tiers, low end)", "published",
    "calculatecreator", "calculatecreator.com", NULL};

typedef struct measured_row {
    double floor, accounts, p05, p25, p50, p75;
} measured_row;

static const measured_row instagram_measured[] = {
#include "engagement_instagram.inc"
};

static const tier instagram_published[] = {
    {1e4, 0.023, 0.023 / 4, &socialrails},
    {1e5, 0.017, 0.017 / 4, &socialrails},
    {1e6, 0.012, 0.012 / 4, &socialrails},
};
static const tier x_published[] = {
    {0, 0.0012, 0.0012 / 4, &socialrails},
    {1e3, 0.0008, 0.0008 / 4, &socialrails},
    {1e4, 0.0005, 0.0005 / 4, &socialrails},
    {1e5, 0.0003, 0.0003 / 4, &socialrails},
};
static const tier tiktok_published[] = {
    {0, 0.08, 0.08 / 4, &calculatecreator},
    {1e4, 0.05, 0.05 / 4, &calculatecreator},
    {1e5, 0.03, 0.03 / 4, &calculatecreator},
};

/* The highest tier whose floor the follower count reaches, from one table. */
static int pick(const tier *tiers, size_t n, double followers, tier *out)
{
    int found = 0;
    for (size_t i = 0; i < n; i++)
        if (followers >= tiers[i].floor) {
            *out = tiers[i];
            found = 1;
        }
    return found;
}

static int baseline(tf_platform platform, double followers, tier *out)
{
    switch (platform) {
    case TF_INSTAGRAM:
        if (pick(instagram_published, sizeof instagram_published / sizeof *instagram_published, followers, out))
            return 1;
        for (size_t i = sizeof instagram_measured / sizeof *instagram_measured; i-- > 0;)
            if (followers >= instagram_measured[i].floor) {
                *out = (tier){instagram_measured[i].floor, instagram_measured[i].p50, instagram_measured[i].p05,
                              &measured_ig};
                return 1;
            }
        return 0;
    case TF_X: return pick(x_published, sizeof x_published / sizeof *x_published, followers, out);
    case TF_TIKTOK: return pick(tiktok_published, sizeof tiktok_published / sizeof *tiktok_published, followers, out);
    default: return 0; /* YouTube, Bluesky, Mastodon: no baseline we can stand behind */
    }
}

static double zero_if_missing(double v)
{
    return isnan(v) ? 0 : v;
}

void tf_engagement_measure(tf_platform platform, const tf_post *posts, size_t n_posts, double followers,
                           tf_engagement *out)
{
    memset(out, 0, sizeof *out);
    out->rate = out->typical = out->far_below = out->tier_floor = NAN;
    double sum = 0;
    for (size_t i = 0; i < n_posts; i++) {
        if (isnan(posts[i].likes) && isnan(posts[i].comments) && isnan(posts[i].reposts))
            continue; /* counts hidden by the owner: the post says nothing */
        sum += zero_if_missing(posts[i].likes) + zero_if_missing(posts[i].comments) + zero_if_missing(posts[i].reposts);
        out->n_posts++;
    }
    if (out->n_posts < TF_ENGAGEMENT_MIN_POSTS || !(followers > 0))
        return;
    out->rate = sum / (double)out->n_posts / followers;
    tier t = {0, NAN, NAN, NULL};
    if (!baseline(platform, followers, &t))
        return;
    out->tier_floor = t.floor;
    out->typical = t.typical;
    out->far_below = t.far_below;
    out->is_far_below = out->rate < t.far_below;
    out->source = t.source->text;
    out->source_kind = t.source->kind;
    out->source_key = t.source->key;
    out->source_name = t.source->name;
    out->source_title = t.source->title;
}
