/* JSON reports: a field the input did not show is null, never 0. */
#include "report.h"

#include <math.h>
#include <stdio.h>

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

static const char *seen_name(tf_seen seen)
{
    switch (seen) {
    case TF_SEEN_PROFILE: return "profile";
    case TF_SEEN_FOLLOWERS: return "followers";
    case TF_SEEN_FOLLOWING: return "following";
    case TF_SEEN_POST_AUTHOR: return "post-author";
    }
    return "unknown";
}

/* cJSON_AddItemToObject takes ownership even of NULL-checked items; one failure marks the whole report. */
static int add(cJSON *object, const char *key, cJSON *item)
{
    return item && cJSON_AddItemToObject(object, key, item) ? 0 : (cJSON_Delete(item), -1);
}

cJSON *tf_account_report(const tf_account *a, const tf_score *s)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    int failed = 0;
    failed |= add(o, "platform", cJSON_CreateString(tf_platform_name(a->platform)));
    failed |= add(o, "seen", cJSON_CreateString(seen_name(a->seen)));
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
    failed |= add(o, "p_fake", cJSON_CreateNumber(round6(s->p_fake)));
    failed |= add(o, "verdict", cJSON_CreateString(tf_verdict_name(s->verdict)));
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
    if (!o || add(o, "share", isnan(s->share) ? cJSON_CreateNull() : cJSON_CreateNumber(round6(s->share))) || add(o, "ci90", cJSON_CreateDoubleArray(ci, 2))) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

cJSON *tf_audit_report(const tf_audit *audit)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    int failed = 0;
    failed |= add(o, "n", cJSON_CreateNumber((double)audit->n));
    failed |= add(o, "too_few", cJSON_CreateBool(audit->too_few));
    failed |= add(o, "sample", cJSON_CreateString(audit->origin == TF_SEEN_FOLLOWERS ? "recent followers"
                                                  : audit->origin == TF_SEEN_FOLLOWING ? "accounts followed"
                                                                                       : "accounts seen"));
    failed |= add(o, "real", share_report(&audit->real));
    failed |= add(o, "inactive", share_report(&audit->inactive));
    failed |= add(o, "fake", share_report(&audit->fake));
    failed |= add(o, "model", cJSON_CreateString(tf_model_version()));
    failed |= add(o, "method", cJSON_CreateString(audit->method));
    if (failed) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}
