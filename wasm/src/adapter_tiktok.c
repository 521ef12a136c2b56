/*
 * TikTok (docs/platforms.md, "TikTok"): the JSON a profile page embeds, no capture needed:
 * - script#__UNIVERSAL_DATA_FOR_REHYDRATION__: __DEFAULT_SCOPE__["webapp.user-detail"].userInfo{user, stats,
 *   statsV2}; statsV2 holds exact counts as strings and is preferred over the rounded stats;
 * - script#SIGI_STATE (older pages): UserModule.users[uniqueId], UserModule.stats[uniqueId], ItemModule[id]
 *   (videos with stats), UserPage.uniqueId naming the profile shown;
 * and the same objects fetched as JSON: /api/user/detail {userInfo} and /api/post/item_list {itemList}.
 * Follower and following lists, /api/user/list/: {userList: [{user, stats, statsV2}], total, hasMore}, named
 * by the URL's scene (67: followers, 21: following; else "listed").
 * A video's comments, /api/comment/list/: {comments: [{user: {uid, unique_id, nickname, signature,
 * avatar_thumb.url_list[], follower_count, following_count, aweme_count}, reply_comment[]}]}: their authors
 * (replies too) as commenters, in the snake_case of that API.
 * A video page (SIGI_STATE without UserPage, or the rehydration data's "webapp.video-detail" itemInfo
 * .itemStruct): the video's author, with the counts of ItemModule[<id>].authorStats (UserModule.stats is
 * empty there), is its post author; the other users the page holds are its commenters.
 * statusCode 10222 marks a private account. heartCount (likes received) has no field in tf_account.
 * Left out: the data-e2e DOM (adapter_dom.c), the JSON-LD Person (rounded counts only).
 */
#include <stdio.h>
#include <string.h>

#include "adapter.h"
#include "html_text.h"
#include "json_get.h"

#define TIKTOK_PRIVATE_STATUS 10222

/* statsV2's exact string when present, else stats' number. */
static double stat(const cJSON *stats, const cJSON *stats_v2, const char *key)
{
    double exact = tf_count_value(tf_get(stats_v2, key));
    return isnan(exact) ? tf_count_value(tf_get(stats, key)) : exact;
}

static int read_user(const cJSON *user, const cJSON *stats, const cJSON *stats_v2, tf_seen seen, tf_batch *out,
                     tf_account **added)
{
    *added = NULL;
    const char *handle = tf_str(tf_get(user, "uniqueId"));
    if (!handle || !*handle)
        return 0;
    tf_account *a = tf_batch_add_account(out);
    if (!a)
        return -1;
    tf_account_init(a, TF_TIKTOK, seen);
    a->handle = handle;
    a->id = tf_str(tf_get(user, "id"));
    a->name = tf_str(tf_get(user, "nickname"));
    a->bio = tf_str(tf_get(user, "signature"));
    a->url = tf_str(tf_get(user, "bioLink", "link"));
    if (!a->url && a->bio)
        a->url = ""; /* a profile shown without a link */
    a->avatar_url = tf_str(tf_get(user, "avatarLarger"));
    a->verified = tf_flag_value(tf_get(user, "verified"));
    tf_flag private_account = tf_flag_value(tf_get(user, "privateAccount"));
    tf_flag secret = tf_flag_value(tf_get(user, "secret"));
    a->is_private = private_account == TF_YES || secret == TF_YES ? TF_YES : private_account;
    double created = tf_count_value(tf_get(user, "createTime"));
    a->created_at = created > 0 ? created : NAN; /* 0 means "not shown" */
    a->followers = stat(stats, stats_v2, "followerCount");
    a->following = stat(stats, stats_v2, "followingCount");
    a->posts = stat(stats, stats_v2, "videoCount");
    a->likes_given = stat(stats, stats_v2, "diggCount");
    *added = a;
    return 1;
}

/* One video: a post record, and the author's newest post date. */
static int read_video(const cJSON *item, tf_batch *out, size_t first_account)
{
    const cJSON *stats = tf_get(item, "stats"), *stats_v2 = tf_get(item, "statsV2");
    if (!stats && !stats_v2)
        return 0;
    tf_post *p = tf_batch_add_post(out);
    if (!p)
        return -1;
    tf_post_init(p, TF_TIKTOK);
    p->id = tf_str(tf_get(item, "id"));
    p->author_id = tf_str(tf_get(item, "authorId"));
    if (!p->author_id)
        p->author_id = tf_str(tf_get(item, "author", "id"));
    p->views = stat(stats, stats_v2, "playCount");
    p->likes = stat(stats, stats_v2, "diggCount");
    p->comments = stat(stats, stats_v2, "commentCount");
    p->reposts = stat(stats, stats_v2, "shareCount");
    p->created_at = tf_count_value(tf_get(item, "createTime"));
    for (size_t i = first_account; p->author_id && i < out->n_accounts; i++) {
        tf_account *a = &out->accounts[i];
        if (a->id && strcmp(a->id, p->author_id) == 0 && !isnan(p->created_at) && !(a->last_post_at >= p->created_at))
            a->last_post_at = p->created_at;
    }
    return 1;
}

static tf_read_result private_or_missing(const cJSON *status, const char *what, char *why, size_t why_size)
{
    double code = tf_count_value(status);
    if (code == TIKTOK_PRIVATE_STATUS)
        snprintf(why, why_size, "TikTok shows no profile data for this private account (statusCode %d)", TIKTOK_PRIVATE_STATUS);
    else if (code > 0)
        snprintf(why, why_size, "TikTok answered statusCode %.0f and no %s", code, what);
    else
        snprintf(why, why_size, "TikTok page data without %s", what);
    return TF_READ_UNSUPPORTED;
}

/* {userInfo: {user, stats, statsV2}} of the rehydration data and of /api/user/detail. */
static tf_read_result read_user_info(const cJSON *scope, tf_batch *out, char *why, size_t why_size)
{
    const cJSON *info = tf_get(scope, "userInfo");
    tf_account *a;
    int r = read_user(tf_get(info, "user"), tf_get(info, "stats"), tf_get(info, "statsV2"), TF_SEEN_PROFILE, out, &a);
    if (r < 0)
        return TF_READ_NO_MEMORY;
    if (r == 0)
        return private_or_missing(tf_get(scope, "statusCode"), "userInfo.user.uniqueId", why, why_size);
    const cJSON *item;
    size_t first = out->n_accounts - 1;
    cJSON_ArrayForEach(item, tf_get(info, "itemList"))
    {
        if (read_video(item, out, first) < 0)
            return TF_READ_NO_MEMORY;
    }
    return TF_READ_OK;
}

/* The video whose author is `handle` among ItemModule's, or NULL. */
static const cJSON *video_by(const cJSON *items, const char *handle)
{
    const cJSON *item;
    cJSON_ArrayForEach(item, items)
    {
        const char *author = tf_str(tf_get(item, "author"));
        if (author && strcmp(author, handle) == 0)
            return item;
    }
    return NULL;
}

/* A user's stats: UserModule.stats[key] when it holds counts, else (on a video page, where it is empty) the
 * authorStats of one of the user's videos. */
static const cJSON *stats_of(const cJSON *state, const char *key, const cJSON **stats_v2)
{
    const cJSON *stats = tf_get(state, "UserModule", "stats", key);
    *stats_v2 = NULL;
    if (tf_get(stats, "followerCount"))
        return stats;
    const cJSON *video = video_by(tf_get(state, "ItemModule"), key);
    if (!tf_get(video, "authorStats"))
        return stats;
    *stats_v2 = tf_get(video, "authorStatsV2");
    return tf_get(video, "authorStats");
}

static tf_read_result read_sigi_state(const cJSON *state, tf_batch *out, char *why, size_t why_size)
{
    const cJSON *users = tf_get(state, "UserModule", "users");
    const char *shown = tf_str(tf_get(state, "UserPage", "uniqueId"));
    const cJSON *items = tf_get(state, "ItemModule");
    /* A page naming no profile but holding videos is a video page: their authors wrote them, the others
     * commented. */
    int video_page = !shown && cJSON_GetArraySize(items) > 0;
    size_t first = out->n_accounts;
    const cJSON *user;
    cJSON_ArrayForEach(user, users)
    {
        tf_account *a;
        const char *key = user->string ? user->string : "";
        tf_seen seen;
        if (video_page)
            seen = video_by(items, key) ? TF_SEEN_POST_AUTHOR : TF_SEEN_COMMENTERS;
        else
            seen = !shown || strcmp(key, shown) == 0 ? TF_SEEN_PROFILE : TF_SEEN_POST_AUTHOR;
        const cJSON *stats_v2;
        const cJSON *stats = stats_of(state, key, &stats_v2);
        if (read_user(user, stats, stats_v2, seen, out, &a) < 0)
            return TF_READ_NO_MEMORY;
    }
    if (out->n_accounts == first)
        return private_or_missing(tf_get(state, "UserPage", "statusCode"), "UserModule.users[].uniqueId", why, why_size);
    const cJSON *item;
    cJSON_ArrayForEach(item, tf_get(state, "ItemModule"))
    {
        if (read_video(item, out, first) < 0)
            return TF_READ_NO_MEMORY;
    }
    return TF_READ_OK;
}

/* A video page's rehydration data: the video and its author, with the author's counts beside it. */
static tf_read_result read_video_detail(const cJSON *video, tf_batch *out, char *why, size_t why_size)
{
    size_t first = out->n_accounts;
    tf_account *a;
    int r = read_user(tf_get(video, "author"), tf_get(video, "authorStats"), tf_get(video, "authorStatsV2"),
                      TF_SEEN_POST_AUTHOR, out, &a);
    if (r < 0 || read_video(video, out, first) < 0)
        return TF_READ_NO_MEMORY;
    if (r == 0) {
        snprintf(why, why_size, "TikTok video page whose itemStruct.author has no uniqueId");
        return TF_READ_UNSUPPORTED;
    }
    return TF_READ_OK;
}

/* What /api/user/list/ lists, as its URL's scene names it. */
static tf_seen user_list_kind(const char *url)
{
    const char *scene = strstr(url, "scene=");
    if (scene && (scene == url || scene[-1] == '?' || scene[-1] == '&')) {
        scene += 6;
        if (strncmp(scene, "67", 2) == 0 && (scene[2] == '\0' || scene[2] == '&' || scene[2] == '#'))
            return TF_SEEN_FOLLOWERS;
        if (strncmp(scene, "21", 2) == 0 && (scene[2] == '\0' || scene[2] == '&' || scene[2] == '#'))
            return TF_SEEN_FOLLOWING;
    }
    return TF_SEEN_LISTED;
}

/* /api/user/list/: each entry's user with its stats (the audit counts a repeated one once). */
static tf_read_result read_user_list(const cJSON *list, tf_seen seen, tf_batch *out, char *why, size_t why_size)
{
    int total = 0, read = 0;
    const cJSON *entry;
    cJSON_ArrayForEach(entry, list)
    {
        tf_account *a;
        total++;
        int r = read_user(tf_get(entry, "user"), tf_get(entry, "stats"), tf_get(entry, "statsV2"), seen, out, &a);
        if (r < 0)
            return TF_READ_NO_MEMORY;
        read += r;
    }
    if (total > 0 && read == 0) {
        snprintf(why, why_size, "TikTok userList with %d entries but none with a user.uniqueId", total);
        return TF_READ_UNSUPPORTED;
    }
    return TF_READ_OK;
}

tf_read_result tf_read_tiktok_html(const tf_input *in, tf_batch *out, char *why, size_t why_size)
{
    size_t len = 0;
    const char *script = tf_html_script_with(in->text, "id", "__UNIVERSAL_DATA_FOR_REHYDRATION__", &len);
    int universal = script != NULL;
    if (!script)
        script = tf_html_script_with(in->text, "id", "SIGI_STATE", &len);
    if (!script)
        return TF_READ_NOT_MINE;
    int no_memory = 0;
    const cJSON *data = tf_html_parse_kept(out, script, len, &no_memory);
    if (no_memory)
        return TF_READ_NO_MEMORY;
    if (!data) {
        snprintf(why, why_size, "TikTok's %s script is not valid JSON", universal ? "__UNIVERSAL_DATA_FOR_REHYDRATION__" : "SIGI_STATE");
        return TF_READ_UNSUPPORTED;
    }
    if (!universal)
        return read_sigi_state(data, out, why, why_size);
    const cJSON *video = tf_get(data, "__DEFAULT_SCOPE__", "webapp.video-detail", "itemInfo", "itemStruct");
    if (video)
        return read_video_detail(video, out, why, why_size);
    const cJSON *scope = tf_get(data, "__DEFAULT_SCOPE__", "webapp.user-detail");
    if (!scope) {
        snprintf(why, why_size, "TikTok page data without __DEFAULT_SCOPE__[\"webapp.user-detail\"] (not a profile page?)");
        return TF_READ_UNSUPPORTED;
    }
    return read_user_info(scope, out, why, why_size);
}

/* A comment's author, in the comment API's snake_case; 0 without a unique_id, -1 when memory ran out. */
static int read_comment_user(const cJSON *user, tf_batch *out)
{
    const char *handle = tf_str(tf_get(user, "unique_id"));
    if (!handle || !*handle)
        return 0;
    tf_account *a = tf_batch_add_account(out);
    if (!a)
        return -1;
    tf_account_init(a, TF_TIKTOK, TF_SEEN_COMMENTERS);
    a->handle = handle;
    a->id = tf_str(tf_get(user, "uid"));
    a->name = tf_str(tf_get(user, "nickname"));
    a->bio = tf_str(tf_get(user, "signature"));
    a->avatar_url = tf_str(tf_at(tf_get(user, "avatar_thumb", "url_list"), 0));
    a->followers = tf_count_value(tf_get(user, "follower_count"));
    a->following = tf_count_value(tf_get(user, "following_count"));
    a->posts = tf_count_value(tf_get(user, "aweme_count"));
    return 1;
}

/* /api/comment/list/: every comment's author and every reply's, as commenters. */
static tf_read_result read_comments(const cJSON *comments, tf_batch *out, char *why, size_t why_size)
{
    int total = 0, read = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, comments)
    {
        total++;
        int r = read_comment_user(tf_get(c, "user"), out);
        if (r < 0)
            return TF_READ_NO_MEMORY;
        read += r;
        const cJSON *reply;
        cJSON_ArrayForEach(reply, tf_get(c, "reply_comment"))
        {
            if (read_comment_user(tf_get(reply, "user"), out) < 0)
                return TF_READ_NO_MEMORY;
        }
    }
    if (total > 0 && read == 0) {
        snprintf(why, why_size, "TikTok comments with %d entries but none with a user.unique_id", total);
        return TF_READ_UNSUPPORTED;
    }
    return TF_READ_OK;
}

tf_read_result tf_read_tiktok_json(const tf_input *in, tf_batch *out, char *why, size_t why_size)
{
    const cJSON *doc = in->json;
    const cJSON *comments = tf_get(doc, "comments");
    if (cJSON_IsArray(comments) && tf_get(tf_at(comments, 0), "user", "unique_id"))
        return read_comments(comments, out, why, why_size);
    const cJSON *user = tf_get(doc, "userInfo", "user");
    if (user && tf_get(user, "uniqueId"))
        return read_user_info(doc, out, why, why_size);
    const cJSON *list = tf_get(doc, "userList");
    if (cJSON_IsArray(list) && (tf_get(doc, "hasMore") || tf_get(doc, "total") || tf_get(tf_at(list, 0), "user", "uniqueId")))
        return read_user_list(list, user_list_kind(in->url), out, why, why_size);
    const cJSON *items = tf_get(doc, "itemList");
    const cJSON *first = tf_at(items, 0);
    if (!first || !tf_get(first, "author") || !(tf_get(first, "stats") || tf_get(first, "statsV2")))
        return TF_READ_NOT_MINE;
    /* /api/post/item_list: each video carries its author, with the author's stats beside it. */
    size_t first_account = out->n_accounts, first_post = out->n_posts;
    const cJSON *item;
    cJSON_ArrayForEach(item, items)
    {
        const cJSON *author = tf_get(item, "author");
        const char *id = tf_str(tf_get(author, "id"));
        int known = 0;
        for (size_t i = first_account; id && i < out->n_accounts; i++)
            known |= out->accounts[i].id && strcmp(out->accounts[i].id, id) == 0;
        tf_account *a;
        if (!known && read_user(author, tf_get(item, "authorStats"), tf_get(item, "authorStatsV2"), TF_SEEN_POST_AUTHOR, out, &a) < 0)
            return TF_READ_NO_MEMORY;
        if (read_video(item, out, first_account) < 0)
            return TF_READ_NO_MEMORY;
    }
    if (out->n_posts == first_post && out->n_accounts == first_account) {
        snprintf(why, why_size, "TikTok itemList without readable videos or authors");
        return TF_READ_UNSUPPORTED;
    }
    return TF_READ_OK;
}
