/*
 * Instagram (docs/platforms.md, "Instagram"):
 * - the profile: PolarisProfilePageContentQuery's data.user{username, follower_count, ...} and the older
 *   web_profile_info data.user{edge_followed_by.count, edge_follow.count, edge_owner_to_timeline_media};
 * - follower and following lists: /api/v1/friendships/<id>/followers|following/ users[] (no counts) and the
 *   older GraphQL data.user.edge_followed_by|edge_follow.edges[].node;
 * - posts: data.xdt_api__v1__feed__user_timeline_graphql_connection.edges[].node (and the reels
 *   connection), and the older edge_owner_to_timeline_media.edges[].node.
 * - a post's own page: media info {items: [{user, like_count, comment_count, taken_at, comments[],
 *   preview_comments[]}]}: the author and the post, the comments' authors as commenters (the author left out);
 *   /api/v1/media/<id>/comments/ {comments: [{user}]}: commenters;
 * - top search {users: [{position, user}]}: search results;
 * - a users[] list is named by its URL (/followers/, /following/, /likers/); with none, a friendships
 *   response (big_list) is read as followers, as before, and any other as "listed".
 * The audit counts an account a list repeats once (audience.c).
 * Instagram shows no join date. The default avatar is recognised by its file name or by ig_cache_key
 * holding base64("anonymous_profile_pic"), or by has_anonymous_profile_picture.
 */
#include <stdio.h>
#include <string.h>

#include "adapter.h"
#include "json_get.h"

static const char *const default_avatar_marks[] = {
    "464760996_1254146839119862_3605321457742435801_n", /* the current silhouette */
    "44884218_345707102882519_2446069589734326272_n",   /* the older one */
    "YW5vbnltb3VzX3Byb2ZpbGVfcGlj",                     /* base64("anonymous_profile_pic") in ig_cache_key */
    NULL,
};

static tf_flag default_avatar(const cJSON *user, const char *url)
{
    tf_flag flag = tf_flag_value(tf_get(user, "has_anonymous_profile_picture"));
    if (flag != TF_UNKNOWN)
        return flag;
    if (!url)
        return TF_UNKNOWN;
    for (const char *const *mark = default_avatar_marks; *mark; mark++)
        if (strstr(url, *mark))
            return TF_YES;
    return TF_NO;
}

static const cJSON *first_present(const cJSON *a, const cJSON *b)
{
    return a && !cJSON_IsNull(a) ? a : b;
}

/* The fields every Instagram user object shares; 0 when it has no username. */
static int read_user(const cJSON *user, tf_account *a)
{
    a->handle = tf_str(tf_get(user, "username"));
    if (!a->handle || !*a->handle)
        return 0;
    a->id = tf_str(first_present(tf_get(user, "pk"), tf_get(user, "id")));
    a->name = tf_str(tf_get(user, "full_name"));
    a->bio = tf_str(tf_get(user, "biography"));
    a->avatar_url = tf_str(first_present(tf_get(user, "hd_profile_pic_url_info", "url"), tf_get(user, "profile_pic_url")));
    a->default_avatar = default_avatar(user, tf_str(tf_get(user, "profile_pic_url")));
    a->is_private = tf_flag_value(tf_get(user, "is_private"));
    a->verified = tf_flag_value(tf_get(user, "is_verified"));
    const char *external = tf_str(tf_get(user, "external_url"));
    const char *link = tf_str(tf_get(tf_at(tf_get(user, "bio_links"), 0), "url"));
    a->url = external && *external ? external : link ? link : external;
    /* Both the current and the older count fields; a hidden count is null, hence NAN. */
    a->followers = tf_count_value(first_present(tf_get(user, "follower_count"), tf_get(user, "edge_followed_by", "count")));
    a->following = tf_count_value(first_present(tf_get(user, "following_count"), tf_get(user, "edge_follow", "count")));
    a->posts = tf_count_value(first_present(tf_get(user, "media_count"), tf_get(user, "edge_owner_to_timeline_media", "count")));
    return 1;
}

static tf_account *add_user(const cJSON *user, tf_seen seen, tf_batch *out, int *no_memory)
{
    tf_account *a = tf_batch_add_account(out);
    if (!a) {
        *no_memory = 1;
        return NULL;
    }
    tf_account_init(a, TF_INSTAGRAM, seen);
    if (!read_user(user, a)) {
        out->n_accounts--;
        return NULL;
    }
    return a;
}

/* One post node of either era; 0 when it has none of the counts. */
static int read_post(const cJSON *node, tf_post *p)
{
    tf_post_init(p, TF_INSTAGRAM);
    p->id = tf_str(first_present(tf_get(node, "pk"), tf_get(node, "id")));
    p->author_id = tf_str(first_present(tf_get(node, "user", "pk"), tf_get(node, "owner", "id")));
    p->likes = tf_count_value(first_present(first_present(tf_get(node, "like_count"), tf_get(node, "edge_liked_by", "count")),
                                            tf_get(node, "edge_media_preview_like", "count")));
    p->comments = tf_count_value(first_present(tf_get(node, "comment_count"), tf_get(node, "edge_media_to_comment", "count")));
    p->views = tf_count_value(first_present(first_present(tf_get(node, "play_count"), tf_get(node, "view_count")),
                                            tf_get(node, "video_view_count")));
    const cJSON *taken = first_present(tf_get(node, "taken_at"), tf_get(node, "taken_at_timestamp"));
    p->created_at = tf_count_value(taken);
    return !isnan(p->likes) || !isnan(p->comments) || !isnan(p->views) || !isnan(p->created_at);
}

/* The posts of a connection's edges[].node (a reel's node may wrap it in `media`). */
static tf_read_result read_posts(const cJSON *edges, tf_account *owner, tf_batch *out, char *why, size_t why_size,
                                 const char *shape)
{
    size_t first_account = out->n_accounts;
    int edges_seen = 0, read = 0;
    const cJSON *edge;
    cJSON_ArrayForEach(edge, edges)
    {
        const cJSON *node = first_present(first_present(tf_get(edge, "node", "media"), tf_get(edge, "node")), edge);
        edges_seen++;
        tf_post *p = tf_batch_add_post(out);
        if (!p)
            return TF_READ_NO_MEMORY;
        if (!read_post(node, p)) {
            out->n_posts--;
            continue;
        }
        read++;
        tf_account *author = owner;
        const cJSON *user = tf_get(node, "user");
        if (!author && user) {
            const char *id = tf_str(first_present(tf_get(user, "pk"), tf_get(user, "id")));
            for (size_t i = first_account; id && i < out->n_accounts && !author; i++)
                if (out->accounts[i].id && strcmp(out->accounts[i].id, id) == 0)
                    author = &out->accounts[i];
            int no_memory = 0;
            if (!author)
                author = add_user(user, TF_SEEN_POST_AUTHOR, out, &no_memory);
            if (no_memory)
                return TF_READ_NO_MEMORY;
        }
        if (author) {
            if (!p->author_id)
                p->author_id = author->id;
            if (!isnan(p->created_at) && !(author->last_post_at >= p->created_at))
                author->last_post_at = p->created_at;
        }
    }
    if (edges_seen > 0 && read == 0) {
        snprintf(why, why_size, "Instagram %s with %d posts but none with like_count, comment_count or taken_at", shape, edges_seen);
        return TF_READ_UNSUPPORTED;
    }
    return TF_READ_OK;
}

/* The account of `user` seen as `seen` among the accounts added since `first` (by pk, else username). */
static int known_user(const cJSON *user, tf_seen seen, size_t first, const tf_batch *out)
{
    const char *id = tf_str(first_present(tf_get(user, "pk"), tf_get(user, "id")));
    const char *handle = tf_str(tf_get(user, "username"));
    for (size_t i = first; i < out->n_accounts; i++) {
        const tf_account *a = &out->accounts[i];
        if (a->seen == seen && (id ? a->id && strcmp(a->id, id) == 0 : handle && a->handle && strcmp(a->handle, handle) == 0))
            return 1;
    }
    return 0;
}

/* users[] of /api/v1/friendships (or likers), users[].user of top search (`key` "user"), or edges[].node of
 * the older GraphQL lists (`key` "node"). */
static tf_read_result read_user_list(const cJSON *users, const char *key, tf_seen seen, tf_batch *out, char *why,
                                     size_t why_size)
{
    int total = 0, read = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, users)
    {
        int no_memory = 0;
        const cJSON *user = key ? tf_get(item, key) : item;
        total++;
        read += add_user(user, seen, out, &no_memory) != NULL;
        if (no_memory)
            return TF_READ_NO_MEMORY;
    }
    if (total > 0 && read == 0) {
        snprintf(why, why_size, "Instagram user list with %d entries but none with a username", total);
        return TF_READ_UNSUPPORTED;
    }
    return TF_READ_OK;
}

static int is_instagram_user_list(const cJSON *users)
{
    const cJSON *first = tf_at(users, 0);
    return first && tf_get(first, "username") && (tf_get(first, "pk") || tf_get(first, "pk_id")) &&
           !tf_get(first, "did") && !tf_get(first, "acct");
}

/* The comments' authors of one post as commenters, the post's author left out. */
static tf_read_result read_commenters(const cJSON *comments, const char *author_handle, tf_batch *out, size_t first)
{
    const cJSON *c;
    cJSON_ArrayForEach(c, comments)
    {
        const cJSON *user = tf_get(c, "user");
        const char *handle = tf_str(tf_get(user, "username"));
        if (!handle || (author_handle && strcmp(handle, author_handle) == 0) || known_user(user, TF_SEEN_COMMENTERS, first, out))
            continue;
        int no_memory = 0;
        add_user(user, TF_SEEN_COMMENTERS, out, &no_memory);
        if (no_memory)
            return TF_READ_NO_MEMORY;
    }
    return TF_READ_OK;
}

/* Media info: each item is a post with its author, and the comments it shows. */
static tf_read_result read_media_items(const cJSON *items, tf_batch *out, char *why, size_t why_size)
{
    size_t first = out->n_accounts;
    tf_read_result r = read_posts(items, NULL, out, why, why_size, "media info");
    const cJSON *item;
    cJSON_ArrayForEach(item, items)
    {
        const char *author = tf_str(tf_get(item, "user", "username"));
        if (r == TF_READ_OK)
            r = read_commenters(tf_get(item, "comments"), author, out, first);
        if (r == TF_READ_OK)
            r = read_commenters(tf_get(item, "preview_comments"), author, out, first);
    }
    return r;
}

/* What a users[] list is, as its URL names it. */
static tf_seen user_list_kind(const char *url, const cJSON *doc)
{
    if (strstr(url, "/followers/") || strstr(url, "/followers?") || (!*url && tf_get(doc, "big_list")))
        return TF_SEEN_FOLLOWERS;
    if (strstr(url, "/following/") || strstr(url, "/following?"))
        return TF_SEEN_FOLLOWING;
    if (strstr(url, "/likers/") || strstr(url, "/likers?"))
        return TF_SEEN_LIKERS;
    return TF_SEEN_LISTED;
}

tf_read_result tf_read_instagram_json(const tf_input *in, tf_batch *out, char *why, size_t why_size)
{
    const cJSON *doc = in->json;

    const cJSON *users = tf_get(doc, "users");
    if (cJSON_IsArray(users) && (is_instagram_user_list(users) || (cJSON_GetArraySize(users) == 0 && tf_get(doc, "big_list"))))
        return read_user_list(users, NULL, user_list_kind(in->url, doc), out, why, why_size);
    if (cJSON_IsArray(users) && tf_get(tf_at(users, 0), "user", "username") && tf_get(tf_at(users, 0), "position"))
        return read_user_list(users, "user", TF_SEEN_SEARCH_RESULTS, out, why, why_size);
    const cJSON *items = tf_get(doc, "items");
    if (cJSON_IsArray(items) && tf_get(tf_at(items, 0), "user", "username"))
        return read_media_items(items, out, why, why_size);
    const cJSON *comments = tf_get(doc, "comments");
    if (cJSON_IsArray(comments) && tf_get(tf_at(comments, 0), "user", "username") && tf_get(tf_at(comments, 0), "pk"))
        return read_commenters(comments, NULL, out, out->n_accounts);

    const cJSON *data = tf_get(doc, "data");
    const cJSON *timeline = tf_get(data, "xdt_api__v1__feed__user_timeline_graphql_connection", "edges");
    if (!timeline)
        timeline = tf_get(data, "fetch__XDTUserDict", "clips_connection", "edges");
    if (!timeline)
        timeline = tf_get(data, "xdt_api__v1__clips__user__connection_v2", "edges");
    if (timeline)
        return read_posts(timeline, NULL, out, why, why_size, "timeline");

    const cJSON *user = tf_get(data, "user");
    if (!cJSON_IsObject(user))
        return TF_READ_NOT_MINE;
    /* Older GraphQL follower / following lists carry their users as edges. */
    const cJSON *list = tf_get(user, "edge_followed_by", "edges");
    tf_seen seen = TF_SEEN_FOLLOWERS;
    if (!list) {
        list = tf_get(user, "edge_follow", "edges");
        seen = TF_SEEN_FOLLOWING;
    }
    if (cJSON_IsArray(list) && !tf_get(user, "username"))
        return read_user_list(list, "node", seen, out, why, why_size);

    int instagram_profile = tf_get(user, "follower_count") || tf_get(user, "edge_followed_by") ||
                            tf_get(user, "profile_pic_url") || tf_get(user, "is_private");
    if (!instagram_profile || tf_get(user, "core") || tf_get(user, "result"))
        return TF_READ_NOT_MINE;
    int no_memory = 0;
    tf_account *a = add_user(user, TF_SEEN_PROFILE, out, &no_memory);
    if (no_memory)
        return TF_READ_NO_MEMORY;
    if (!a) {
        snprintf(why, why_size, "Instagram data.user without a username");
        return TF_READ_UNSUPPORTED;
    }
    const cJSON *posts = tf_get(user, "edge_owner_to_timeline_media", "edges");
    return posts ? read_posts(posts, a, out, why, why_size, "profile timeline") : TF_READ_OK;
}
