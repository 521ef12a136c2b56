/*
 * Rule-set baselines (see baselines.h). Readings:
 * - Camisani-Calzolari (2012): human criteria on the profile: name, picture, location, bio, >= 30 followers,
 *   listed by others, >= 50 tweets, geo-localised, website, followers >= 2 x friends. The tweet-based
 *   criteria (clients, hashtags, punctuation, retweets received, ...) cannot be checked without tweets. Each
 *   visible criterion met gives a human point, each one missed a bot point; fake when bot points win.
 * - StatusPeople Fakers: its published signals weighted 1 each: follows >= 10 x its followers, no tweets,
 *   no likes given, no website, < 0.25 tweets a day; fake at 3 or more. (Silence for 90 days needs the last
 *   tweet's date, which the data set lacks.)
 * - Socialbakers Fake Follower Check: its profile rules: friends:followers >= 50:1; never tweeted; older than
 *   two months with the default picture; no bio and no location while following more than 100. (Spam
 *   phrases, repeated tweets, retweet and link shares need tweets.) Fake when any rule fires.
 * - Single rules: fake when followers < 30; fake when tweets < 50; fake when friends:followers >= 50:1.
 */
#include "baselines.h"

#include <math.h>

static double camisani_calzolari(const rule_inputs *r, int *fake)
{
    int met[] = {r->has_name, r->has_image, r->has_location, r->has_bio, r->followers >= 30, r->listed > 0,
                 r->posts >= 50, r->geo_enabled, r->has_url, r->followers >= 2 * r->following};
    int n = (int)(sizeof met / sizeof met[0]), human = 0;
    for (int i = 0; i < n; i++)
        human += met[i] != 0;
    int bot = n - human;
    *fake = bot > human;
    return bot - human;
}

static double statuspeople(const rule_inputs *r, int *fake)
{
    double per_day = r->age_days > 0 ? r->posts / r->age_days : r->posts;
    int points = (r->following >= 10 * fmax(r->followers, 1)) + (r->posts == 0) + (r->likes_given == 0) +
                 !r->has_url + (per_day < 0.25);
    *fake = points >= 3;
    return points;
}

static int ratio_50(const rule_inputs *r)
{
    return r->following >= 50 * fmax(r->followers, 1);
}

static double socialbakers(const rule_inputs *r, int *fake)
{
    int fired = ratio_50(r) + (r->posts == 0) + (r->age_days > 61 && !r->has_image) +
                (!r->has_bio && !r->has_location && r->following > 100);
    *fake = fired > 0;
    return fired;
}

static double followers_30(const rule_inputs *r, int *fake)
{
    *fake = r->followers < 30;
    return -r->followers;
}

static double tweets_50(const rule_inputs *r, int *fake)
{
    *fake = r->posts < 50;
    return -r->posts;
}

static double socialbakers_ratio(const rule_inputs *r, int *fake)
{
    *fake = ratio_50(r);
    return r->following / fmax(r->followers, 1);
}

const baseline baselines[] = {
    {"Camisani-Calzolari rules (profile criteria)", camisani_calzolari, 0.548, 0.974, 0.062, 0.116, 0.175, NAN},
    {"StatusPeople rules (profile criteria)", statuspeople, NAN, NAN, NAN, NAN, NAN, NAN},
    {"Socialbakers rules (profile criteria)", socialbakers, NAN, NAN, NAN, NAN, NAN, NAN},
    {"single rule: followers >= 30", followers_30, 0.881, NAN, NAN, NAN, 0.768, NAN},
    {"single rule: tweets >= 50", tweets_50, 0.865, NAN, NAN, NAN, 0.735, NAN},
    {"single rule: friends:followers >= 50:1", socialbakers_ratio, 0.581, NAN, NAN, NAN, 0.296, NAN},
};
const int n_baselines = (int)(sizeof baselines / sizeof baselines[0]);
