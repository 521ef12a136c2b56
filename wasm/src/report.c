/* JSON reports: a field the input did not show is null, never 0. */
#include "report.h"

#include <math.h>
#include <stdio.h>

#include "model.h"
#include "timefmt.h"

static cJSON *string_or_null(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

/*
 * cJSON prints a number with 15 significant digits whenever that reads back within a relative 2^-52,
 * so 9007199254740991 would print as 9007199254740990: a count (a whole number below 2^53) is printed
 * exactly, as its digits.
 */
static cJSON *number_or_null(double v)
{
    if (isnan(v))
        return cJSON_CreateNull();
    if (v == floor(v) && fabs(v) < 9007199254740992.0) {
        char digits[24];
        snprintf(digits, sizeof digits, "%.0f", v);
        return cJSON_CreateRaw(digits);
    }
    return cJSON_CreateNumber(v);
}

static cJSON *flag_or_null(tf_flag f)
{
    return f == TF_UNKNOWN ? cJSON_CreateNull() : cJSON_CreateBool(f == TF_YES);
}

static cJSON *date_or_null(double unix_seconds)
{
    if (isnan(unix_seconds))
        return cJSON_CreateNull();
    char iso[21];
    tf_format_iso8601(unix_seconds, iso);
    return cJSON_CreateString(iso);
}

/* Rounds for display; the model's exact value stays in the core. */
static double round6(double v)
{
    return round(v * 1e6) / 1e6;
}

/* cJSON_AddItemToObject takes ownership even of NULL-checked items; one failure marks the whole report. */
static int add(cJSON *object, const char *key, cJSON *item)
{
    return item && cJSON_AddItemToObject(object, key, item) ? 0 : (cJSON_Delete(item), -1);
}

/* A reason's sentence for translation: "key", "args" (numbers, null where not shown) and "unit" of an age. */
static int add_reason_words(cJSON *r, const tf_reason_template *w)
{
    int failed = add(r, "key", cJSON_CreateString(w->key ? w->key : "other"));
    cJSON *args = cJSON_CreateArray();
    failed |= add(r, "args", args);
    for (int i = 0; args && i < w->n_args; i++) {
        cJSON *v = number_or_null(w->args[i]);
        if (!v || !cJSON_AddItemToArray(args, v)) {
            cJSON_Delete(v);
            return 1;
        }
    }
    if (w->unit)
        failed |= add(r, "unit", cJSON_CreateString(w->unit));
    return failed;
}

cJSON *tf_account_report(const tf_account *a, const tf_score *s)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    int failed = 0;
    failed |= add(o, "platform", cJSON_CreateString(tf_platform_name(a->platform)));
    failed |= add(o, "seen", cJSON_CreateString(tf_seen_name(a->seen)));
    failed |= add(o, "id", string_or_null(a->id));
    failed |= add(o, "handle", string_or_null(a->handle));
    failed |= add(o, "name", string_or_null(a->name));
    failed |= add(o, "followers", number_or_null(a->followers));
    failed |= add(o, "following", number_or_null(a->following));
    failed |= add(o, "posts", number_or_null(a->posts));
    failed |= add(o, "likes_given", number_or_null(a->likes_given));
    failed |= add(o, "created_at", date_or_null(a->created_at));
    failed |= add(o, "default_avatar", flag_or_null(a->default_avatar));
    failed |= add(o, "verified", flag_or_null(a->verified));
    failed |= add(o, "private", flag_or_null(a->is_private));
    failed |= add(o, "p_fake", isnan(s->p_fake) ? cJSON_CreateNull() : cJSON_CreateNumber(round6(s->p_fake)));
    failed |= add(o, "verdict", cJSON_CreateString(tf_verdict_name(s->verdict)));
    /* Where "likely fake" starts for this account, and whether the model was measured on its platform: the
     * same p_fake reads "uncertain" on a platform without labelled data, and the user is told why. */
    failed |= add(o, "fake_from", isnan(s->fake_from) ? cJSON_CreateNull() : cJSON_CreateNumber(round6(s->fake_from)));
    failed |= add(o, "fake_from_labelled",
                  isnan(s->fake_from_labelled) ? cJSON_CreateNull() : cJSON_CreateNumber(round6(s->fake_from_labelled)));
    failed |= add(o, "labelled_platform", cJSON_CreateBool(tf_model_measured_on(a->platform)));
    cJSON *reasons = cJSON_CreateArray();
    failed |= add(o, "reasons", reasons);
    for (int i = 0; reasons && i < s->n_reasons; i++) {
        cJSON *r = cJSON_CreateObject();
        if (!r || !cJSON_AddItemToArray(reasons, r)) {
            cJSON_Delete(r);
            failed = 1;
            break;
        }
        failed |= add(r, "feature", cJSON_CreateString(s->reasons[i].feature));
        failed |= add(r, "text", cJSON_CreateString(s->reasons[i].text));
        failed |= add_reason_words(r, &s->reasons[i].words);
        failed |= add(r, "effect", cJSON_CreateNumber(round6(s->reasons[i].effect)));
    }
    if (failed) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *share_report(const tf_share *s)
{
    cJSON *o = cJSON_CreateObject();
    const double ci[2] = {round6(s->ci90[0]), round6(s->ci90[1])};
    if (!o || add(o, "share", isnan(s->share) ? cJSON_CreateNull() : cJSON_CreateNumber(round6(s->share))) || add(o, "ci90", cJSON_CreateDoubleArray(ci, 2)) ||
        (s->at_least && add(o, "at_least", cJSON_CreateTrue()))) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *interval(double lo, double hi)
{
    const double ci[2] = {round6(lo), round6(hi)};
    return cJSON_CreateDoubleArray(ci, 2);
}

/* True reach: followers times the real (active) share, with its interval. */
static cJSON *reach_report(double followers, const tf_share *real)
{
    if (isnan(followers) || isnan(real->share))
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    if (!o || add(o, "followers", cJSON_CreateNumber(followers)) ||
        add(o, "value", cJSON_CreateNumber(round(followers * real->share))) ||
        add(o, "ci90", interval(round(followers * real->ci90[0]), round(followers * real->ci90[1])))) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *factory_report(const tf_factory_result *f)
{
    cJSON *o = cJSON_CreateObject(), *runs = cJSON_CreateArray();
    int failed = !o || add(o, "dated", cJSON_CreateNumber((double)f->n_dated)) ||
                 add(o, "in_runs", cJSON_CreateNumber((double)f->in_runs)) || add(o, "runs", runs);
    for (size_t i = 0; !failed && i < f->n_runs; i++) {
        const tf_factory_run *r = &f->runs[i];
        cJSON *run = cJSON_CreateObject();
        failed = !run || !cJSON_AddItemToArray(runs, run) ? (cJSON_Delete(run), 1) : 0;
        failed = failed || add(run, "first", cJSON_CreateNumber((double)r->first)) ||
                 add(run, "last", cJSON_CreateNumber((double)r->last)) ||
                 add(run, "members", cJSON_CreateNumber((double)r->members)) ||
                 add(run, "created_from", date_or_null(r->created_from)) ||
                 add(run, "created_to", date_or_null(r->created_to));
    }
    if (failed) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *engagement_report(const tf_engagement *e)
{
    cJSON *o = cJSON_CreateObject();
    if (!o || add(o, "posts", cJSON_CreateNumber((double)e->n_posts)) ||
        add(o, "rate", number_or_null(isnan(e->rate) ? NAN : round6(e->rate))) ||
        add(o, "tier_from", number_or_null(e->tier_floor)) ||
        add(o, "tier_typical", number_or_null(isnan(e->typical) ? NAN : round6(e->typical))) ||
        add(o, "far_below_under", number_or_null(isnan(e->far_below) ? NAN : round6(e->far_below))) ||
        add(o, "far_below", isnan(e->rate) || isnan(e->typical) ? cJSON_CreateNull() : cJSON_CreateBool(e->is_far_below)) ||
        add(o, "source", string_or_null(e->source)) ||
        /* the same source for translation: the panel words it from source_kind and source_key */
        add(o, "source_kind", string_or_null(e->source_kind)) || add(o, "source_key", string_or_null(e->source_key)) ||
        add(o, "source_name", string_or_null(e->source_name)) ||
        add(o, "source_title", string_or_null(e->source_title))) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static const char *sample_name(tf_seen origin)
{
    switch (origin) {
    case TF_SEEN_FOLLOWERS: return "recent followers (a follower list shows the newest first)";
    case TF_SEEN_FOLLOWING: return "accounts followed";
    case TF_SEEN_POST_AUTHOR: return "authors of posts";
    case TF_SEEN_LISTED: return "accounts listed (a list whose kind its address did not name)";
    case TF_SEEN_LIKERS:
    case TF_SEEN_REPOSTERS:
    case TF_SEEN_COMMENTERS: return "engagers (accounts that liked, reposted or commented)";
    /* never a sample (audience.c): named all the same, should one be asked for */
    case TF_SEEN_SEARCH_RESULTS: return "search results";
    case TF_SEEN_SUGGESTIONS: return "suggested accounts";
    case TF_SEEN_FAMILIAR_FOLLOWERS: return "followers the viewer knows";
    case TF_SEEN_PROFILE:
    case TF_SEEN_KINDS: break;
    }
    return "profiles seen";
}

/* What every estimate reports: its sample, the raw verdict counts and the corrected shares. */
static int add_estimate(cJSON *o, const tf_audit *audit, const char *kind)
{
    int failed = 0;
    failed |= add(o, "n", cJSON_CreateNumber((double)audit->n));
    failed |= add(o, "too_few", cJSON_CreateBool(audit->too_few));
    if (audit->too_few)
        failed |= add(o, "note", cJSON_CreateString("too few to say: under 30 accounts in the sample"));
    failed |= add(o, "sample", cJSON_CreateString(sample_name(audit->origin)));
    failed |= add(o, "sample_kind", cJSON_CreateString(kind));
    cJSON *flagged = cJSON_CreateObject(); /* the raw verdict counts, before correction */
    failed |= add(o, "flagged", flagged);
    failed |= !flagged || add(flagged, "fake", cJSON_CreateNumber((double)audit->flagged_fake)) ||
              add(flagged, "inactive", cJSON_CreateNumber((double)audit->flagged_inactive));
    failed |= add(o, "real", share_report(&audit->real));
    failed |= add(o, "inactive", share_report(&audit->inactive));
    failed |= add(o, "fake", share_report(&audit->fake));
    return failed;
}

cJSON *tf_engagers_report(const tf_audit *engagers, const size_t by_kind[3], size_t too_little,
                          const tf_audit *audience)
{
    cJSON *o = cJSON_CreateObject(), *kinds = cJSON_CreateObject();
    if (!o) {
        cJSON_Delete(kinds);
        return NULL;
    }
    int failed = add_estimate(o, engagers, "engagers");
    failed |= add(o, "kinds", kinds);
    failed |= !kinds || add(kinds, "likers", cJSON_CreateNumber((double)by_kind[0])) ||
              add(kinds, "reposters", cJSON_CreateNumber((double)by_kind[1])) ||
              add(kinds, "commenters", cJSON_CreateNumber((double)by_kind[2]));
    failed |= add(o, "left_out_too_little_shown", cJSON_CreateNumber((double)too_little));
    failed |= add(o, "sensitivity", number_or_null(round6(engagers->sensitivity)));
    failed |= add(o, "specificity", number_or_null(round6(engagers->specificity)));
    /* Far more fake than the followers, or the other way round (audit.h): both numbers stand in the report. */
    int contrast = audience->origin == TF_SEEN_FOLLOWERS ? tf_audit_contrast(audience, engagers) : 0;
    failed |= add(o, "contrast", contrast > 0   ? cJSON_CreateString("engagers-more-fake")
                                 : contrast < 0 ? cJSON_CreateString("followers-more-fake")
                                                : cJSON_CreateNull());
    if (failed) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

cJSON *tf_audit_report(const tf_audit *audit, double followers, const char *profile_handle,
                       const tf_factory_result *factory, const tf_engagement *engagement)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    int failed = 0;
    failed |= add(o, "profile", string_or_null(profile_handle));
    failed |= add_estimate(o, audit, tf_seen_name(audit->origin));
    failed |= add(o, "reach", reach_report(followers, &audit->real));
    failed |= add(o, "engagement", engagement_report(engagement));
    failed |= add(o, "factory", factory_report(factory));
    failed |= add(o, "sensitivity", number_or_null(round6(audit->sensitivity)));
    failed |= add(o, "specificity", number_or_null(round6(audit->specificity)));
    failed |= add(o, "model", cJSON_CreateString(tf_model_version()));
    failed |= add(o, "method", string_or_null(audit->method)); /* null: no number given */
    if (failed) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}
