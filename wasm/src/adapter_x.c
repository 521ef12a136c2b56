/*
 * X (Twitter): GraphQL user objects in both shapes (docs/platforms.md, "X / Twitter"):
 * - the 2026 shape with no `legacy` (core, relationship_counts, tweet_counts, profile_bio, avatar, privacy);
 * - the older shape with counts and profile under `legacy`.
 * Reads UserByScreenName (data.user.result) and the Followers / Following timelines
 * (instructions[].entries[] with entryId "user-<id>").
 */
#include <stdio.h>
#include <string.h>

#include "adapter.h"
#include "json_get.h"
#include "timefmt.h"

#define X_DEFAULT_AVATAR "default_profile_images/default_profile"

/* The first present value of the 2026 path, else the legacy path. */
static const cJSON *either(const cJSON *modern, const cJSON *legacy)
{
    return modern && !cJSON_IsNull(modern) ? modern : legacy;
}

static const char *expanded_url(const cJSON *entities_url)
{
    return tf_str(tf_get(tf_at(tf_get(entities_url, "urls"), 0), "expanded_url"));
}

/* Reads one user object; 0 when it lacks the handle, the one field every record needs. */
static int read_user(const cJSON *user, tf_account *a)
{
    const cJSON *legacy = tf_get(user, "legacy");
    const cJSON *core = tf_get(user, "core");

    a->id = tf_str(tf_get(user, "rest_id"));
    a->handle = tf_str(either(tf_get(core, "screen_name"), tf_get(legacy, "screen_name")));
    if (!a->handle || !*a->handle)
        return 0;
    a->name = tf_str(either(tf_get(core, "name"), tf_get(legacy, "name")));
    a->created_at = tf_parse_twitter_date(tf_str(either(tf_get(core, "created_at"), tf_get(legacy, "created_at"))));

    a->followers = tf_count_value(either(tf_get(user, "relationship_counts", "followers"), tf_get(legacy, "followers_count")));
    a->following = tf_count_value(either(tf_get(user, "relationship_counts", "following"), tf_get(legacy, "friends_count")));
    a->posts = tf_count_value(either(tf_get(user, "tweet_counts", "tweets"), tf_get(legacy, "statuses_count")));
    a->media_posts = tf_count_value(either(tf_get(user, "tweet_counts", "media_tweets"), tf_get(legacy, "media_count")));
    a->likes_given = tf_count_value(either(tf_get(user, "action_counts", "favorites_count"), tf_get(legacy, "favourites_count")));
    a->listed = tf_count_value(tf_get(legacy, "listed_count"));

    const cJSON *bio = tf_get(user, "profile_bio");
    if (bio) {
        a->bio = tf_str(tf_get(bio, "description"));
        a->url = expanded_url(tf_get(bio, "entities", "url"));
        if (!a->url)
            a->url = ""; /* the bio was shown and holds no link */
    } else if (legacy) {
        a->bio = tf_str(tf_get(legacy, "description"));
        a->url = expanded_url(tf_get(legacy, "entities", "url"));
        if (!a->url)
            a->url = tf_str(tf_get(legacy, "url"));
        if (!a->url && a->bio)
            a->url = "";
    }

    a->avatar_url = tf_str(either(tf_get(user, "avatar", "image_url"), tf_get(legacy, "profile_image_url_https")));
    if (a->avatar_url)
        a->default_avatar = strstr(a->avatar_url, X_DEFAULT_AVATAR) ? TF_YES : TF_NO;
    else
        a->default_avatar = tf_flag_value(tf_get(legacy, "default_profile_image"));

    a->is_private = tf_flag_value(either(tf_get(user, "privacy", "protected"), tf_get(legacy, "protected")));

    tf_flag blue = tf_flag_value(tf_get(user, "is_blue_verified"));
    tf_flag classic = tf_flag_value(either(tf_get(user, "verification", "verified"), tf_get(legacy, "verified")));
    const char *kind = tf_str(tf_get(user, "verification", "verified_type"));
    if (blue == TF_YES || classic == TF_YES || (kind && *kind))
        a->verified = TF_YES;
    else if (blue == TF_NO || classic == TF_NO)
        a->verified = TF_NO;
    return 1;
}

static int is_user(const cJSON *node)
{
    const char *type = tf_str(tf_get(node, "__typename"));
    return type && strcmp(type, "User") == 0;
}

static tf_read_result add_user(const cJSON *user, tf_seen seen, tf_batch *out, char *why, size_t why_size)
{
    tf_account *a = tf_batch_add_account(out);
    if (!a)
        return TF_READ_NO_MEMORY;
    tf_account_init(a, TF_X, seen);
    if (!read_user(user, a)) {
        out->n_accounts--;
        snprintf(why, why_size, "X user object without core.screen_name or legacy.screen_name");
        return TF_READ_UNSUPPORTED;
    }
    return TF_READ_OK;
}

/* Followers/Following timelines: every "user-<id>" entry of every instruction. */
static tf_read_result read_user_timeline(const cJSON *instructions, tf_seen seen, tf_batch *out, char *why,
                                         size_t why_size)
{
    size_t before = out->n_accounts;
    int user_entries = 0;
    const cJSON *instruction;
    cJSON_ArrayForEach(instruction, instructions)
    {
        const cJSON *entry;
        cJSON_ArrayForEach(entry, tf_get(instruction, "entries"))
        {
            const char *entry_id = tf_str(tf_get(entry, "entryId"));
            if (!entry_id || strncmp(entry_id, "user-", 5) != 0)
                continue;
            user_entries++;
            const cJSON *user = tf_get(entry, "content", "itemContent", "user_results", "result");
            if (!is_user(user))
                continue; /* suspended or unavailable accounts have no profile to read */
            tf_read_result r = add_user(user, seen, out, why, why_size);
            if (r == TF_READ_NO_MEMORY)
                return r;
        }
    }
    if (user_entries > 0 && out->n_accounts == before) {
        snprintf(why, why_size, "X user list with %d entries but no readable user object", user_entries);
        return TF_READ_UNSUPPORTED;
    }
    return TF_READ_OK;
}

tf_read_result tf_read_x_json(const tf_input *in, tf_batch *out, char *why, size_t why_size)
{
    const cJSON *result = tf_get(in->json, "data", "user", "result");
    if (!result)
        return TF_READ_NOT_MINE;
    const char *type = tf_str(tf_get(result, "__typename"));
    if (type && strcmp(type, "UserUnavailable") == 0) {
        snprintf(why, why_size, "X says this account is unavailable (suspended or deactivated)");
        return TF_READ_UNSUPPORTED;
    }

    const cJSON *timeline = tf_get(result, "timeline", "timeline", "instructions");
    if (cJSON_IsArray(timeline)) {
        tf_seen seen = strstr(in->url, "/Following") ? TF_SEEN_FOLLOWING : TF_SEEN_FOLLOWERS;
        return read_user_timeline(timeline, seen, out, why, why_size);
    }
    if (tf_get(result, "core") || tf_get(result, "legacy"))
        return add_user(result, TF_SEEN_PROFILE, out, why, why_size);

    snprintf(why, why_size, "X data.user.result has neither a profile (core or legacy) nor a timeline");
    return TF_READ_UNSUPPORTED;
}
