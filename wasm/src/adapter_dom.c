/*
 * The last resort: what the extension read from a profile page's DOM text when no JSON was there to
 * capture. Counts arrive as the page printed them and are parsed here, in the page's language:
 *
 *   {"truefollow_dom": {
 *      "platform": "x" | "instagram" | "tiktok" | "youtube" | "bluesky" | "mastodon",
 *      "handle": "someone",                      required, without "@"
 *      "name": "Some One", "bio": "...", "url": "https://...", "avatar_url": "https://...",
 *      "verified": true, "private": false,       optional
 *      "counts": {"followers": "1,2 Mio.", "following": "321", "posts": "4.567", "likes_given": "12"},
 *      "lang": "de"                              the page's <html lang>; else the options' language
 *   }}
 *
 * Every count given must parse: one that does not makes the whole input unsupported, naming the count
 * and why, rather than a profile with a silently missing number. Absent counts stay unknown.
 */
#include <stdio.h>
#include <string.h>

#include "adapter.h"
#include "count.h"
#include "json_get.h"

static int platform_by_name(const char *name, tf_platform *out)
{
    for (int p = 0; p < TF_PLATFORM_COUNT && name; p++) {
        if (strcmp(tf_platform_name((tf_platform)p), name) == 0) {
            *out = (tf_platform)p;
            return 1;
        }
    }
    return 0;
}

static int read_count(const cJSON *counts, const char *key, const char *lang, double *out, char *why, size_t why_size)
{
    const cJSON *v = tf_get(counts, key);
    if (!v || cJSON_IsNull(v))
        return 0;
    if (cJSON_IsNumber(v)) {
        *out = tf_count_value(v);
        if (isnan(*out)) {
            snprintf(why, why_size, "DOM count \"%s\" is not a whole number", key);
            return -1;
        }
        return 0;
    }
    char reason[200];
    if (!tf_str(v) || tf_parse_count(tf_str(v), lang, out, reason, sizeof reason)) {
        snprintf(why, why_size, "DOM count \"%s\": %s", key, tf_str(v) ? reason : "not a string");
        return -1;
    }
    return 0;
}

tf_read_result tf_read_dom_json(const tf_input *in, tf_batch *out, char *why, size_t why_size)
{
    const cJSON *dom = tf_get(in->json, "truefollow_dom");
    if (!dom)
        return TF_READ_NOT_MINE;
    tf_platform platform;
    if (!platform_by_name(tf_str(tf_get(dom, "platform")), &platform)) {
        snprintf(why, why_size, "DOM record without a known \"platform\"");
        return TF_READ_UNSUPPORTED;
    }
    const char *handle = tf_str(tf_get(dom, "handle"));
    if (!handle || !*handle) {
        snprintf(why, why_size, "DOM record without a \"handle\"");
        return TF_READ_UNSUPPORTED;
    }
    const char *lang = tf_str(tf_get(dom, "lang"));
    if (!lang || !*lang)
        lang = in->lang;
    const cJSON *counts = tf_get(dom, "counts");
    double followers = NAN, following = NAN, posts = NAN, likes_given = NAN;
    if (read_count(counts, "followers", lang, &followers, why, why_size) ||
        read_count(counts, "following", lang, &following, why, why_size) ||
        read_count(counts, "posts", lang, &posts, why, why_size) ||
        read_count(counts, "likes_given", lang, &likes_given, why, why_size))
        return TF_READ_UNSUPPORTED;

    tf_account *a = tf_batch_add_account(out);
    if (!a)
        return TF_READ_NO_MEMORY;
    tf_account_init(a, platform, TF_SEEN_PROFILE);
    a->handle = handle[0] == '@' ? handle + 1 : handle;
    a->name = tf_str(tf_get(dom, "name"));
    a->bio = tf_str(tf_get(dom, "bio"));
    a->url = tf_str(tf_get(dom, "url"));
    a->avatar_url = tf_str(tf_get(dom, "avatar_url"));
    a->verified = tf_flag_value(tf_get(dom, "verified"));
    a->is_private = tf_flag_value(tf_get(dom, "private"));
    a->followers = followers;
    a->following = following;
    a->posts = posts;
    a->likes_given = likes_given;
    return TF_READ_OK;
}
