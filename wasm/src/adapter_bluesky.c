/*
 * Bluesky (docs/platforms.md, "Bluesky"): the public AppView JSON the web app fetches.
 * - app.bsky.actor.getProfile: a profileViewDetailed {did, handle, displayName, description, avatar,
 *   followersCount, followsCount, postsCount, createdAt, verification};
 * - app.bsky.actor.getProfiles: {profiles: [...]}, which the extension asks for a follower sample's counts,
 *   so they count as followers;
 * - app.bsky.graph.getFollowers / getFollows: {subject, followers | follows: [profileView]} (no counts);
 * - app.bsky.feed.getAuthorFeed: {feed: [{post: {author, record.createdAt, likeCount, replyCount,
 *   repostCount, quoteCount}, reason}]}: an item with a reason (a repost) gives no post record (its counts are
 *   the original's), but the original's author is read as a post author like the feed's own.
 * - who engages with a post: app.bsky.feed.getLikes {uri, likes: [{actor}]} (likers) and getRepostedBy
 *   {uri, repostedBy: [profileView]} (reposters);
 * - app.bsky.feed.getPostThread {thread: {post, parent, replies[]}}: the thread's post and its parents give
 *   post authors (the thread's post a post record), the replies at every depth their authors as commenters,
 *   the thread's own authors left out;
 * - app.bsky.actor.searchActors(Typeahead) {actors: [...]}: search results, or suggestions when the URL is
 *   getSuggestions; getSuggestedFollowsByActor {suggestions: [...]}: suggestions;
 * - app.bsky.graph.getKnownFollowers (the getFollowers shape, named by its URL): familiar followers;
 * - app.bsky.feed.searchPosts {posts: [postView]}: the found posts' authors, search results (no post records:
 *   the posts are nobody's profile's); getPosts (the same shape, another URL): post authors and their posts.
 * An absent avatar is the default one. Bluesky has no private accounts and
 * no website field.
 */
#include <stdio.h>
#include <string.h>

#include "adapter.h"
#include "json_get.h"
#include "timefmt.h"

static int is_profile(const cJSON *p)
{
    const char *did = tf_str(tf_get(p, "did"));
    return did && strncmp(did, "did:", 4) == 0 && tf_str(tf_get(p, "handle"));
}

static tf_account *add_profile(const cJSON *p, tf_seen seen, tf_batch *out, int *no_memory)
{
    tf_account *a = tf_batch_add_account(out);
    if (!a) {
        *no_memory = 1;
        return NULL;
    }
    tf_account_init(a, TF_BLUESKY, seen);
    a->id = tf_str(tf_get(p, "did"));
    a->handle = tf_str(tf_get(p, "handle"));
    a->name = tf_str(tf_get(p, "displayName"));
    a->bio = tf_str(tf_get(p, "description"));
    a->avatar_url = tf_str(tf_get(p, "avatar"));
    a->default_avatar = a->avatar_url ? TF_NO : TF_YES;
    a->followers = tf_count_value(tf_get(p, "followersCount"));
    a->following = tf_count_value(tf_get(p, "followsCount"));
    a->posts = tf_count_value(tf_get(p, "postsCount"));
    a->created_at = tf_parse_iso8601(tf_str(tf_get(p, "createdAt")));
    a->is_private = TF_NO;
    const char *status = tf_str(tf_get(p, "verification", "verifiedStatus"));
    if (status)
        a->verified = strcmp(status, "valid") == 0 ? TF_YES : TF_NO;
    return a;
}

/* The account `did` seen as `seen` among the accounts added since `first`, or NULL. */
static tf_account *find_profile(const char *did, tf_seen seen, size_t first, tf_batch *out)
{
    for (size_t i = first; did && i < out->n_accounts; i++)
        if (out->accounts[i].seen == seen && out->accounts[i].id && strcmp(out->accounts[i].id, did) == 0)
            return &out->accounts[i];
    return NULL;
}

/* The list's profiles (the audit counts a repeated one once); `key` names the profile inside an entry (getLikes: "actor"), or NULL. */
static tf_read_result add_list(const cJSON *list, const char *key, tf_seen seen, tf_batch *out, char *why,
                               size_t why_size, const char *what)
{
    int total = 0, read = 0, no_memory = 0;
    const cJSON *entry;
    cJSON_ArrayForEach(entry, list)
    {
        const cJSON *p = key ? tf_get(entry, key) : entry;
        total++;
        if (!is_profile(p))
            continue;
        read++;
        add_profile(p, seen, out, &no_memory);
        if (no_memory)
            return TF_READ_NO_MEMORY;
    }
    if (total > 0 && read == 0) {
        snprintf(why, why_size, "Bluesky %s with %d entries but none with a did and handle", what, total);
        return TF_READ_UNSUPPORTED;
    }
    return TF_READ_OK;
}

static tf_read_result read_feed(const cJSON *feed, tf_batch *out, char *why, size_t why_size)
{
    size_t first = out->n_accounts;
    int total = 0, read = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, feed)
    {
        total++;
        const cJSON *post = tf_get(item, "post");
        const cJSON *author = tf_get(post, "author");
        if (!is_profile(author))
            continue;
        const char *did = tf_str(tf_get(author, "did"));
        tf_account *a = NULL;
        for (size_t i = first; i < out->n_accounts && !a; i++)
            if (strcmp(out->accounts[i].id, did) == 0)
                a = &out->accounts[i];
        int no_memory = 0;
        if (!a)
            a = add_profile(author, TF_SEEN_POST_AUTHOR, out, &no_memory);
        if (no_memory)
            return TF_READ_NO_MEMORY;
        double created = tf_parse_iso8601(tf_str(tf_get(post, "record", "createdAt")));
        if (!isnan(created) && !(a->last_post_at >= created))
            a->last_post_at = created;
        if (tf_get(item, "reason"))
            continue; /* a repost: its author is read, its counts are the original's */
        tf_post *p = tf_batch_add_post(out);
        if (!p)
            return TF_READ_NO_MEMORY;
        tf_post_init(p, TF_BLUESKY);
        p->id = tf_str(tf_get(post, "uri"));
        p->author_id = did;
        p->likes = tf_count_value(tf_get(post, "likeCount"));
        p->comments = tf_count_value(tf_get(post, "replyCount"));
        p->reposts = tf_count_value(tf_get(post, "repostCount"));
        p->quotes = tf_count_value(tf_get(post, "quoteCount"));
        p->created_at = created;
        read++;
    }
    if (total > 0 && read == 0 && out->n_accounts == first) {
        snprintf(why, why_size, "Bluesky feed with %d items but no post with an author", total);
        return TF_READ_UNSUPPORTED;
    }
    return TF_READ_OK;
}

/* A post's author as `seen`, once per kind since `first`, its last post moved to the post's date when later.
 * A reply by one of the thread's own authors is no comment: NULL, nothing added. */
static tf_account *post_author(const cJSON *post, tf_seen seen, size_t first, tf_batch *out, int *no_memory)
{
    const cJSON *author = tf_get(post, "author");
    if (!is_profile(author))
        return NULL;
    const char *did = tf_str(tf_get(author, "did"));
    tf_account *a = find_profile(did, seen, first, out);
    if (!a && seen == TF_SEEN_COMMENTERS && find_profile(did, TF_SEEN_POST_AUTHOR, first, out))
        return NULL;
    if (!a && !(a = add_profile(author, seen, out, no_memory)))
        return NULL;
    double created = tf_parse_iso8601(tf_str(tf_get(post, "record", "createdAt")));
    if (!isnan(created) && !(a->last_post_at >= created))
        a->last_post_at = created;
    return a;
}

#ifndef TF_BLUESKY_MAX_THREAD_DEPTH
#define TF_BLUESKY_MAX_THREAD_DEPTH 64 /* the app view answers 6 by default, 1000 at most */
#endif

/* The replies under a thread node, at every depth, as commenters. 0, or -1 when memory ran out. */
static int read_replies(const cJSON *node, size_t first, tf_batch *out, int depth)
{
    const cJSON *reply;
    cJSON_ArrayForEach(reply, tf_get(node, "replies"))
    {
        int no_memory = 0;
        post_author(tf_get(reply, "post"), TF_SEEN_COMMENTERS, first, out, &no_memory);
        if (no_memory || (depth < TF_BLUESKY_MAX_THREAD_DEPTH && read_replies(reply, first, out, depth + 1)))
            return -1;
    }
    return 0;
}

/* getPostThread: the post and its parents by their authors, a post record for the post, then the replies. */
static tf_read_result read_thread(const cJSON *thread, tf_batch *out, char *why, size_t why_size)
{
    size_t first = out->n_accounts;
    const cJSON *post = tf_get(thread, "post");
    int no_memory = 0;
    tf_account *author = post_author(post, TF_SEEN_POST_AUTHOR, first, out, &no_memory);
    if (no_memory)
        return TF_READ_NO_MEMORY;
    if (!author) {
        snprintf(why, why_size, "Bluesky thread whose post has no author with a did and handle");
        return TF_READ_UNSUPPORTED;
    }
    const cJSON *parent = tf_get(thread, "parent");
    for (int depth = 0; parent && depth < TF_BLUESKY_MAX_THREAD_DEPTH; depth++, parent = tf_get(parent, "parent")) {
        post_author(tf_get(parent, "post"), TF_SEEN_POST_AUTHOR, first, out, &no_memory);
        if (no_memory)
            return TF_READ_NO_MEMORY;
    }
    tf_post *p = tf_batch_add_post(out);
    if (!p)
        return TF_READ_NO_MEMORY;
    tf_post_init(p, TF_BLUESKY);
    p->id = tf_str(tf_get(post, "uri"));
    p->author_id = author->id;
    p->likes = tf_count_value(tf_get(post, "likeCount"));
    p->comments = tf_count_value(tf_get(post, "replyCount"));
    p->reposts = tf_count_value(tf_get(post, "repostCount"));
    p->quotes = tf_count_value(tf_get(post, "quoteCount"));
    p->created_at = tf_parse_iso8601(tf_str(tf_get(post, "record", "createdAt")));
    return read_replies(thread, first, out, 0) ? TF_READ_NO_MEMORY : TF_READ_OK;
}

/* {posts: [postView]}: each post's author, once, as `seen`; post records only for post authors. */
static tf_read_result read_posts(const cJSON *posts, tf_seen seen, tf_batch *out, char *why, size_t why_size)
{
    size_t first = out->n_accounts;
    int total = 0, read = 0;
    const cJSON *post;
    cJSON_ArrayForEach(post, posts)
    {
        int no_memory = 0;
        total++;
        tf_account *author = post_author(post, seen, first, out, &no_memory);
        if (no_memory)
            return TF_READ_NO_MEMORY;
        if (!author)
            continue;
        read++;
        if (seen != TF_SEEN_POST_AUTHOR)
            continue;
        tf_post *p = tf_batch_add_post(out);
        if (!p)
            return TF_READ_NO_MEMORY;
        tf_post_init(p, TF_BLUESKY);
        p->id = tf_str(tf_get(post, "uri"));
        p->author_id = author->id;
        p->likes = tf_count_value(tf_get(post, "likeCount"));
        p->comments = tf_count_value(tf_get(post, "replyCount"));
        p->reposts = tf_count_value(tf_get(post, "repostCount"));
        p->quotes = tf_count_value(tf_get(post, "quoteCount"));
        p->created_at = tf_parse_iso8601(tf_str(tf_get(post, "record", "createdAt")));
    }
    if (total > 0 && read == 0) {
        snprintf(why, why_size, "Bluesky posts with %d entries but none with an author's did and handle", total);
        return TF_READ_UNSUPPORTED;
    }
    return TF_READ_OK;
}

tf_read_result tf_read_bluesky_json(const tf_input *in, tf_batch *out, char *why, size_t why_size)
{
    const cJSON *doc = in->json;
    if (is_profile(doc)) {
        int no_memory = 0;
        add_profile(doc, TF_SEEN_PROFILE, out, &no_memory);
        return no_memory ? TF_READ_NO_MEMORY : TF_READ_OK;
    }
    const cJSON *list;
    if ((list = tf_get(doc, "profiles")) && cJSON_IsArray(list))
        return add_list(list, NULL, TF_SEEN_FOLLOWERS, out, why, why_size, "profiles");
    if ((list = tf_get(doc, "followers")) && cJSON_IsArray(list) && is_profile(tf_get(doc, "subject"))) {
        tf_seen seen = strstr(in->url, "app.bsky.graph.getKnownFollowers") ? TF_SEEN_FAMILIAR_FOLLOWERS : TF_SEEN_FOLLOWERS;
        return add_list(list, NULL, seen, out, why, why_size, "followers");
    }
    if ((list = tf_get(doc, "follows")) && cJSON_IsArray(list) && is_profile(tf_get(doc, "subject")))
        return add_list(list, NULL, TF_SEEN_FOLLOWING, out, why, why_size, "follows");
    if ((list = tf_get(doc, "likes")) && cJSON_IsArray(list) && tf_str(tf_get(doc, "uri")))
        return add_list(list, "actor", TF_SEEN_LIKERS, out, why, why_size, "likes");
    if ((list = tf_get(doc, "repostedBy")) && cJSON_IsArray(list))
        return add_list(list, NULL, TF_SEEN_REPOSTERS, out, why, why_size, "repostedBy");
    if ((list = tf_get(doc, "actors")) && cJSON_IsArray(list)) {
        tf_seen seen = strstr(in->url, "app.bsky.actor.getSuggestions") ? TF_SEEN_SUGGESTIONS : TF_SEEN_SEARCH_RESULTS;
        return add_list(list, NULL, seen, out, why, why_size, "actors");
    }
    if ((list = tf_get(doc, "suggestions")) && cJSON_IsArray(list) && (!tf_at(list, 0) || tf_get(tf_at(list, 0), "did")))
        return add_list(list, NULL, TF_SEEN_SUGGESTIONS, out, why, why_size, "suggestions");
    if (tf_get(doc, "thread", "post", "author", "did"))
        return read_thread(tf_get(doc, "thread"), out, why, why_size);
    if ((list = tf_get(doc, "posts")) && cJSON_IsArray(list) && tf_get(tf_at(list, 0), "author", "did"))
        return read_posts(list, strstr(in->url, "app.bsky.feed.getPosts") ? TF_SEEN_POST_AUTHOR : TF_SEEN_SEARCH_RESULTS, out, why, why_size);
    if ((list = tf_get(doc, "feed")) && cJSON_IsArray(list) &&
        (strstr(in->url, "app.bsky.feed") || tf_get(tf_at(list, 0), "post", "author", "did")))
        return read_feed(list, out, why, why_size);
    return TF_READ_NOT_MINE;
}
