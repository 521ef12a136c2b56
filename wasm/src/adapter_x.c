/*
 * X (Twitter): GraphQL user objects in both shapes (docs/platforms.md, "X / Twitter"):
 * - the 2026 shape with no `legacy` (core, relationship_counts, tweet_counts, profile_bio, avatar, privacy);
 * - the older shape with counts and profile under `legacy`.
 * Reads UserByScreenName (data.user.result), the Followers / Following timelines (instructions[].entries[]
 * with entryId "user-<id>") and UserTweets (entries "tweet-<id>", conversation modules "profile-conversation-*"
 * and the pinned entry; tweets keep their counts under `legacy`, views at views.count). Each tweet gives a
 * tf_post and its author a tf_account (seen as post author, once), whose last_post_at is its newest tweet
 * or retweet. Retweets give no post record (their counts belong to the original tweet), but the original
 * tweet's author is read as a post author too.
 * The lists around a post and a search, each named for what it is:
 * - Retweeters and Favoriters (data.retweeters_timeline / favoriters_timeline.timeline.instructions): the
 *   reposters and likers of a post;
 * - SearchTimeline (data.search_by_raw_query.search_timeline.timeline.instructions): the authors of the found
 *   posts and the people found, search results (no post records: the posts are not the profile's);
 * - TweetDetail (data.threaded_conversation_with_injections_v2.instructions): the thread's own tweets
 *   ("tweet-" entries) give posts and post authors, the replies (items of "conversationthread-" modules) give
 *   their authors as commenters, the thread's authors left out;
 * - "who-to-follow-" modules anywhere: suggestions.
 * A user list of data.user.result is a followers list unless its URL names another (Following,
 * FollowersYouKnow).
 * The HTML adapter reads the profile page's JSON-LD (script data-testid="UserProfileSchema-test").
 * Left out: the DOM (adapter_dom.c reads what the extension extracts from it).
 */
#include <stdio.h>
#include <string.h>

#include "adapter.h"
#include "html_text.h"
#include "json_get.h"
#include "timefmt.h"

#define X_DEFAULT_AVATAR "default_profile_images/default_profile"

/* strstr(url, X_DEFAULT_AVATAR), by hand: musl's strstr prepares the needle on every call, and every
 * account has an avatar URL to check. */
static int is_default_avatar(const char *url)
{
    static const char needle[] = X_DEFAULT_AVATAR;
    for (; *url; url++)
        if (*url == 'd' && strncmp(url, needle, sizeof needle - 1) == 0)
            return 1;
    return 0;
}

/* The first present value of the 2026 path, else the legacy path. */
static const cJSON *either(const cJSON *modern, const cJSON *legacy)
{
    return modern && !cJSON_IsNull(modern) ? modern : legacy;
}

static const char *expanded_url(const cJSON *entities_url)
{
    return tf_str(tf_get(tf_at(tf_get(entities_url, "urls"), 0), "expanded_url"));
}

/* The members read_user reads of a user object, of its `core` (2026) and of its `legacy` (older), each
 * object's members found in one walk: a follower list is mostly user objects of thirty-odd members. */
enum { U_LEGACY, U_CORE, U_REST_ID, U_RELATIONSHIP_COUNTS, U_TWEET_COUNTS, U_ACTION_COUNTS, U_PROFILE_BIO, U_AVATAR,
       U_PRIVACY, U_BLUE_VERIFIED, U_VERIFICATION, U_KEYS };
static const char *const user_keys[U_KEYS] = {
    [U_LEGACY] = "legacy", [U_CORE] = "core", [U_REST_ID] = "rest_id",
    [U_RELATIONSHIP_COUNTS] = "relationship_counts", [U_TWEET_COUNTS] = "tweet_counts",
    [U_ACTION_COUNTS] = "action_counts", [U_PROFILE_BIO] = "profile_bio", [U_AVATAR] = "avatar",
    [U_PRIVACY] = "privacy", [U_BLUE_VERIFIED] = "is_blue_verified", [U_VERIFICATION] = "verification",
};
enum { C_SCREEN_NAME, C_NAME, C_CREATED_AT, C_KEYS };
static const char *const core_keys[C_KEYS] = {
    [C_SCREEN_NAME] = "screen_name", [C_NAME] = "name", [C_CREATED_AT] = "created_at",
};
enum { L_SCREEN_NAME, L_NAME, L_CREATED_AT, L_FOLLOWERS, L_FRIENDS, L_STATUSES, L_MEDIA, L_FAVOURITES, L_LISTED,
       L_DESCRIPTION, L_ENTITIES, L_URL, L_IMAGE, L_DEFAULT_IMAGE, L_PROTECTED, L_VERIFIED, L_KEYS };
static const char *const legacy_keys[L_KEYS] = {
    [L_SCREEN_NAME] = "screen_name", [L_NAME] = "name", [L_CREATED_AT] = "created_at",
    [L_FOLLOWERS] = "followers_count", [L_FRIENDS] = "friends_count", [L_STATUSES] = "statuses_count",
    [L_MEDIA] = "media_count", [L_FAVOURITES] = "favourites_count", [L_LISTED] = "listed_count",
    [L_DESCRIPTION] = "description", [L_ENTITIES] = "entities", [L_URL] = "url",
    [L_IMAGE] = "profile_image_url_https", [L_DEFAULT_IMAGE] = "default_profile_image",
    [L_PROTECTED] = "protected", [L_VERIFIED] = "verified",
};

/* Reads one user object; 0 when it lacks the handle, the one field every record needs. */
static int read_user(const cJSON *user, tf_account *a)
{
    const cJSON *u[U_KEYS], *core[C_KEYS], *legacy[L_KEYS];
    tf_get_members(user, user_keys, U_KEYS, u);
    tf_get_members(u[U_CORE], core_keys, C_KEYS, core);
    tf_get_members(u[U_LEGACY], legacy_keys, L_KEYS, legacy);

    a->id = tf_str(u[U_REST_ID]);
    a->handle = tf_str(either(core[C_SCREEN_NAME], legacy[L_SCREEN_NAME]));
    if (!a->handle || !*a->handle)
        return 0;
    a->name = tf_str(either(core[C_NAME], legacy[L_NAME]));
    a->created_at = tf_parse_twitter_date(tf_str(either(core[C_CREATED_AT], legacy[L_CREATED_AT])));

    const cJSON *relationships = u[U_RELATIONSHIP_COUNTS], *tweets = u[U_TWEET_COUNTS];
    a->followers = tf_count_value(either(tf_get(relationships, "followers"), legacy[L_FOLLOWERS]));
    a->following = tf_count_value(either(tf_get(relationships, "following"), legacy[L_FRIENDS]));
    a->posts = tf_count_value(either(tf_get(tweets, "tweets"), legacy[L_STATUSES]));
    a->media_posts = tf_count_value(either(tf_get(tweets, "media_tweets"), legacy[L_MEDIA]));
    a->likes_given = tf_count_value(either(tf_get(u[U_ACTION_COUNTS], "favorites_count"), legacy[L_FAVOURITES]));
    a->listed = tf_count_value(legacy[L_LISTED]);

    const cJSON *bio = u[U_PROFILE_BIO];
    if (bio) {
        a->bio = tf_str(tf_get(bio, "description"));
        a->url = expanded_url(tf_get(bio, "entities", "url"));
        if (!a->url)
            a->url = ""; /* the bio was shown and holds no link */
    } else if (u[U_LEGACY]) {
        a->bio = tf_str(legacy[L_DESCRIPTION]);
        a->url = expanded_url(tf_get(legacy[L_ENTITIES], "url"));
        if (!a->url)
            a->url = tf_str(legacy[L_URL]);
        if (!a->url && a->bio)
            a->url = "";
    }

    a->avatar_url = tf_str(either(tf_get(u[U_AVATAR], "image_url"), legacy[L_IMAGE]));
    if (a->avatar_url)
        a->default_avatar = is_default_avatar(a->avatar_url) ? TF_YES : TF_NO;
    else
        a->default_avatar = tf_flag_value(legacy[L_DEFAULT_IMAGE]);

    a->is_private = tf_flag_value(either(tf_get(u[U_PRIVACY], "protected"), legacy[L_PROTECTED]));

    tf_flag blue = tf_flag_value(u[U_BLUE_VERIFIED]);
    tf_flag classic = tf_flag_value(either(tf_get(u[U_VERIFICATION], "verified"), legacy[L_VERIFIED]));
    const char *kind = tf_str(tf_get(u[U_VERIFICATION], "verified_type"));
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

/* The tweet inside a tweet_results.result, unwrapping the visibility wrapper; NULL if none. */
static const cJSON *tweet_of(const cJSON *result)
{
    const char *type = tf_str(tf_get(result, "__typename"));
    if (type && strcmp(type, "TweetWithVisibilityResults") == 0)
        result = tf_get(result, "tweet");
    return tf_get(result, "legacy") ? result : NULL;
}

/* The account `id` seen as `seen` among the accounts added since `first`, or NULL. */
static tf_account *find_account(const char *id, tf_seen seen, size_t first, tf_batch *out)
{
    for (size_t i = first; id && i < out->n_accounts; i++)
        if (out->accounts[i].seen == seen && out->accounts[i].id && strcmp(out->accounts[i].id, id) == 0)
            return &out->accounts[i];
    return NULL;
}

/* What the entries of one timeline are: the kind of their users, of their tweets' authors, of the authors of
 * the replies in a thread's conversation modules, and whether tweets give post records. */
typedef struct x_kinds {
    tf_seen users, authors, repliers;
    int posts;
} x_kinds;

/* The account of a tweet's author, added once per input and kind (found among the accounts added since
 * `first`). A reply by one of the thread's own authors is no comment: NULL, nothing added. */
static tf_account *author_account(const cJSON *user, tf_seen seen, size_t first, tf_batch *out, int *no_memory)
{
    const char *id = tf_str(tf_get(user, "rest_id"));
    tf_account *known = find_account(id, seen, first, out);
    if (known)
        return known;
    if (seen == TF_SEEN_COMMENTERS && find_account(id, TF_SEEN_POST_AUTHOR, first, out))
        return NULL;
    tf_account *a = tf_batch_add_account(out);
    if (!a) {
        *no_memory = 1;
        return NULL;
    }
    tf_account_init(a, TF_X, seen);
    if (!read_user(user, a)) {
        out->n_accounts--;
        return NULL;
    }
    return a;
}

/* One tweet_results.result: a post record (unless a retweet, or `posts` is 0) and its author, seen as `seen`.
 * 1 when read, 0 when not. */
static int read_tweet(const cJSON *result, tf_seen seen, int posts, size_t first, tf_batch *out, int *no_memory)
{
    const cJSON *tweet = tweet_of(result);
    if (!tweet)
        return 0;
    const cJSON *legacy = tf_get(tweet, "legacy");
    double created = tf_parse_twitter_date(tf_str(tf_get(legacy, "created_at")));
    tf_account *author = author_account(tf_get(tweet, "core", "user_results", "result"), seen, first, out, no_memory);
    if (*no_memory)
        return 0;
    if (author && isfinite(created) && !(author->last_post_at >= created))
        author->last_post_at = created;
    const cJSON *retweeted = tweet_of(tf_get(legacy, "retweeted_status_result", "result"));
    if (retweeted) {
        /* A retweet gives no post record (its counts are the original's); the original's author is a post
         * author of this page too. */
        double original = tf_parse_twitter_date(tf_str(tf_get(retweeted, "legacy", "created_at")));
        tf_account *other = author_account(tf_get(retweeted, "core", "user_results", "result"), seen, first, out, no_memory);
        if (other && isfinite(original) && !(other->last_post_at >= original))
            other->last_post_at = original;
        return *no_memory ? 0 : 1;
    }
    if (tf_get(legacy, "retweeted_status_result") || !posts)
        return 1;
    tf_post *p = tf_batch_add_post(out);
    if (!p) {
        *no_memory = 1;
        return 0;
    }
    tf_post_init(p, TF_X);
    p->id = tf_str(tf_get(tweet, "rest_id"));
    if (!p->id)
        p->id = tf_str(tf_get(legacy, "id_str"));
    p->author_id = author ? author->id : tf_str(tf_get(legacy, "user_id_str"));
    p->likes = tf_count_value(tf_get(legacy, "favorite_count"));
    p->comments = tf_count_value(tf_get(legacy, "reply_count"));
    p->reposts = tf_count_value(tf_get(legacy, "retweet_count"));
    p->quotes = tf_count_value(tf_get(legacy, "quote_count"));
    p->views = tf_count_value(tf_get(tweet, "views", "count"));
    p->created_at = created;
    return 1;
}

typedef struct timeline_tally {
    int user_entries, users_read, tweet_entries, tweets_read;
} timeline_tally;

/* By hand: every timeline entry is tried against several prefixes (strncmp and strlen are calls in wasm). */
static int has_prefix(const char *s, const char *prefix)
{
    if (!s)
        return 0;
    while (*prefix && *s == *prefix)
        s++, prefix++;
    return *prefix == '\0';
}

/* One user_results.result as a `seen` account (the audit counts a repeated one once). -1 when memory ran out. */
static int read_listed_user(const cJSON *user, tf_seen seen, tf_batch *out, timeline_tally *t)
{
    if (!is_user(user))
        return 0; /* suspended or unavailable accounts have no profile to read */
    tf_account *a = tf_batch_add_account(out);
    if (!a)
        return -1;
    tf_account_init(a, TF_X, seen);
    if (read_user(user, a))
        t->users_read++;
    else
        out->n_accounts--;
    return 0;
}

/* The items of a module: users as `users`, tweets by `authors` (a profile's conversations and grids, a thread's
 * replies). -1 when memory ran out. */
static int read_module(const cJSON *items, tf_seen users, tf_seen authors, int posts, size_t first, tf_batch *out,
                       timeline_tally *t)
{
    const cJSON *item;
    int no_memory = 0;
    cJSON_ArrayForEach(item, items)
    {
        const cJSON *content = tf_get(item, "item", "itemContent");
        const cJSON *user = tf_get(content, "user_results", "result");
        if (user) {
            t->user_entries++;
            if (read_listed_user(user, users, out, t))
                return -1;
        } else if (tf_get(content, "tweet_results")) {
            t->tweet_entries++;
            t->tweets_read += read_tweet(tf_get(content, "tweet_results", "result"), authors, posts, first, out, &no_memory);
            if (no_memory)
                return -1;
        }
    }
    return 0;
}

/* One timeline entry: a user, a tweet, or a module of tweets or users. -1 when memory ran out. */
static int read_entry(const cJSON *entry, const x_kinds *k, size_t first, tf_batch *out, timeline_tally *t)
{
    const char *entry_id = tf_str(tf_get(entry, "entryId"));
    if (has_prefix(entry_id, "user-")) {
        t->user_entries++;
        return read_listed_user(tf_get(entry, "content", "itemContent", "user_results", "result"), k->users, out, t);
    } else if (has_prefix(entry_id, "tweet-")) {
        int no_memory = 0;
        t->tweet_entries++;
        t->tweets_read += read_tweet(tf_get(entry, "content", "itemContent", "tweet_results", "result"), k->authors,
                                     k->posts, first, out, &no_memory);
        return no_memory ? -1 : 0;
    }
    const cJSON *items = tf_get(entry, "content", "items");
    if (has_prefix(entry_id, "profile-conversation-") || has_prefix(entry_id, "profile-grid-")) {
        return read_module(items, k->users, k->authors, k->posts, first, out, t);
    } else if (has_prefix(entry_id, "conversationthread-")) {
        return read_module(items, k->users, k->repliers, 0, first, out, t);
    } else if (has_prefix(entry_id, "who-to-follow-")) {
        return read_module(items, TF_SEEN_SUGGESTIONS, k->authors, 0, first, out, t);
    } else if (has_prefix(entry_id, "toptabsrpusermodule-")) {
        return read_module(items, TF_SEEN_SEARCH_RESULTS, k->authors, 0, first, out, t);
    }
    return 0;
}

/* A timeline: every entry of every instruction, the pinned one too. */
static tf_read_result read_timeline(const cJSON *instructions, const x_kinds *k, tf_batch *out, char *why, size_t why_size)
{
    size_t first = out->n_accounts;
    timeline_tally t = {0, 0, 0, 0};
    const cJSON *instruction;
    cJSON_ArrayForEach(instruction, instructions)
    {
        if (tf_get(instruction, "entry") && read_entry(tf_get(instruction, "entry"), k, first, out, &t))
            return TF_READ_NO_MEMORY;
        const cJSON *entry;
        cJSON_ArrayForEach(entry, tf_get(instruction, "entries"))
        {
            if (read_entry(entry, k, first, out, &t))
                return TF_READ_NO_MEMORY;
        }
    }
    if (t.user_entries > 0 && t.users_read == 0) {
        snprintf(why, why_size, "X user list with %d entries but no readable user object", t.user_entries);
        return TF_READ_UNSUPPORTED;
    }
    if (t.tweet_entries > 0 && t.tweets_read == 0) {
        snprintf(why, why_size, "X timeline with %d tweet entries but no tweet with `legacy` counts", t.tweet_entries);
        return TF_READ_UNSUPPORTED;
    }
    return TF_READ_OK;
}

/* The GraphQL operation's name in the request URL (".../graphql/<id>/<Name>?..."), compared to `name`. */
static int operation_is(const char *url, const char *name)
{
    const char *at = strstr(url, "/graphql/");
    if (!at)
        return 0;
    at = strchr(at + 9, '/');
    size_t n = strlen(name);
    return at && strncmp(at + 1, name, n) == 0 && (at[1 + n] == '\0' || at[1 + n] == '?' || at[1 + n] == '#');
}

/* A user's own lists (data.user.result.timeline): followers unless the URL names another list. */
static tf_seen user_list_kind(const char *url)
{
    if (operation_is(url, "Following"))
        return TF_SEEN_FOLLOWING;
    if (operation_is(url, "FollowersYouKnow"))
        return TF_SEEN_FAMILIAR_FOLLOWERS;
    return TF_SEEN_FOLLOWERS;
}

/* The timelines of a post and of a search, recognised by their root key. */
static const struct {
    const char *root, *inner;
    x_kinds kinds;
} other_timelines[] = {
    {"retweeters_timeline", NULL, {TF_SEEN_REPOSTERS, TF_SEEN_POST_AUTHOR, TF_SEEN_COMMENTERS, 1}},
    {"favoriters_timeline", NULL, {TF_SEEN_LIKERS, TF_SEEN_POST_AUTHOR, TF_SEEN_COMMENTERS, 1}},
    {"search_by_raw_query", "search_timeline", {TF_SEEN_SEARCH_RESULTS, TF_SEEN_SEARCH_RESULTS, TF_SEEN_SEARCH_RESULTS, 0}},
    {"threaded_conversation_with_injections_v2", "", {TF_SEEN_LISTED, TF_SEEN_POST_AUTHOR, TF_SEEN_COMMENTERS, 1}},
};

tf_read_result tf_read_x_json(const tf_input *in, tf_batch *out, char *why, size_t why_size)
{
    const cJSON *data = tf_get(in->json, "data");
    for (size_t i = 0; i < sizeof other_timelines / sizeof *other_timelines; i++) {
        const cJSON *root = tf_get(data, other_timelines[i].root);
        if (!root)
            continue;
        const char *inner = other_timelines[i].inner;
        const cJSON *instructions = !inner ? tf_get(root, "timeline", "instructions")
                                    : *inner ? tf_get(root, inner, "timeline", "instructions")
                                             : tf_get(root, "instructions");
        if (!cJSON_IsArray(instructions)) {
            snprintf(why, why_size, "X data.%s without a timeline of instructions", other_timelines[i].root);
            return TF_READ_UNSUPPORTED;
        }
        return read_timeline(instructions, &other_timelines[i].kinds, out, why, why_size);
    }
    const cJSON *result = tf_get(data, "user", "result");
    if (!result)
        return TF_READ_NOT_MINE;
    const char *type = tf_str(tf_get(result, "__typename"));
    if (type && strcmp(type, "UserUnavailable") == 0) {
        snprintf(why, why_size, "X says this account is unavailable (suspended or deactivated)");
        return TF_READ_UNSUPPORTED;
    }

    const cJSON *timeline = tf_get(result, "timeline", "timeline", "instructions");
    if (!timeline)
        timeline = tf_get(result, "timeline_v2", "timeline", "instructions");
    if (cJSON_IsArray(timeline)) {
        const x_kinds kinds = {user_list_kind(in->url), TF_SEEN_POST_AUTHOR, TF_SEEN_COMMENTERS, 1};
        return read_timeline(timeline, &kinds, out, why, why_size);
    }
    if (tf_get(result, "core") || tf_get(result, "legacy"))
        return add_user(result, TF_SEEN_PROFILE, out, why, why_size);

    snprintf(why, why_size, "X data.user.result has neither a profile (core or legacy) nor a timeline");
    return TF_READ_UNSUPPORTED;
}

/* JSON-LD interaction counters: {"name": "Follows", "userInteractionCount": 12}. */
static double interaction_count(const cJSON *stats, const char *name)
{
    const cJSON *s;
    cJSON_ArrayForEach(s, stats)
    {
        const char *n = tf_str(tf_get(s, "name"));
        if (n && strcmp(n, name) == 0)
            return tf_count_value(tf_get(s, "userInteractionCount"));
    }
    return NAN;
}

tf_read_result tf_read_x_html(const tf_input *in, tf_batch *out, char *why, size_t why_size)
{
    size_t len = 0;
    const char *script = tf_html_script_with(in->text, "data-testid", "UserProfileSchema-test", &len);
    if (!script)
        return TF_READ_NOT_MINE;
    int no_memory = 0;
    const cJSON *ld = tf_html_parse_kept(out, script, len, &no_memory);
    if (no_memory)
        return TF_READ_NO_MEMORY;
    const cJSON *person = tf_get(ld, "mainEntity");
    if (!person)
        person = tf_get(ld, "author");
    const char *handle = tf_str(tf_get(person, "additionalName"));
    if (!handle || !*handle) {
        snprintf(why, why_size, "X profile JSON-LD %s", ld ? "without mainEntity.additionalName (the handle)" : "is not valid JSON");
        return TF_READ_UNSUPPORTED;
    }
    tf_account *a = tf_batch_add_account(out);
    if (!a)
        return TF_READ_NO_MEMORY;
    tf_account_init(a, TF_X, TF_SEEN_PROFILE);
    a->handle = handle;
    a->id = tf_str(tf_get(person, "identifier"));
    a->name = tf_str(tf_get(person, "givenName"));
    a->bio = tf_str(tf_get(person, "description"));
    a->avatar_url = tf_str(tf_get(person, "image", "contentUrl"));
    if (a->avatar_url)
        a->default_avatar = is_default_avatar(a->avatar_url) ? TF_YES : TF_NO;
    a->created_at = tf_parse_iso8601(tf_str(tf_get(ld, "dateCreated")));
    const cJSON *stats = tf_get(person, "interactionStatistic");
    a->followers = interaction_count(stats, "Follows");
    a->following = interaction_count(stats, "Friends");
    a->posts = interaction_count(stats, "Tweets");
    return TF_READ_OK;
}
