/* Record initialisation and the batch that owns what the records point into. */
#include "account.h"

#include <stdlib.h>
#include <string.h>

#include "cJSON.h"

void tf_account_init(tf_account *a, tf_platform platform, tf_seen seen)
{
    memset(a, 0, sizeof *a);
    a->platform = platform;
    a->seen = seen;
    a->followers = a->following = a->posts = a->media_posts = a->likes_given = a->listed = NAN;
    a->created_at = a->last_post_at = NAN;
    a->default_avatar = a->verified = a->is_private = a->bot_declared = TF_UNKNOWN;
}

void tf_post_init(tf_post *p, tf_platform platform)
{
    memset(p, 0, sizeof *p);
    p->platform = platform;
    p->likes = p->comments = p->reposts = p->quotes = p->views = p->created_at = NAN;
}

/* Grows *items to hold one more element of the given size; 0 on success. */
static int grow(void **items, size_t *cap, size_t count, size_t size)
{
    if (count < *cap)
        return 0;
    size_t next = *cap ? *cap * 2 : 16;
    if (next > (size_t)-1 / size)
        return -1;
    void *bigger = realloc(*items, next * size);
    if (!bigger)
        return -1;
    *items = bigger;
    *cap = next;
    return 0;
}

tf_account *tf_batch_add_account(tf_batch *b)
{
    if (grow((void **)&b->accounts, &b->cap_accounts, b->n_accounts, sizeof *b->accounts))
        return NULL;
    return &b->accounts[b->n_accounts++];
}

tf_post *tf_batch_add_post(tf_batch *b)
{
    if (grow((void **)&b->posts, &b->cap_posts, b->n_posts, sizeof *b->posts))
        return NULL;
    return &b->posts[b->n_posts++];
}

char *tf_batch_strndup(tf_batch *b, const char *s, size_t n)
{
    if (grow((void **)&b->owned, &b->cap_owned, b->n_owned, sizeof *b->owned))
        return NULL;
    char *copy = malloc(n + 1);
    if (!copy)
        return NULL;
    memcpy(copy, s, n);
    copy[n] = '\0';
    b->owned[b->n_owned++] = copy;
    return copy;
}

int tf_batch_keep_tree(tf_batch *b, cJSON *tree)
{
    if (grow((void **)&b->trees, &b->cap_trees, b->n_trees, sizeof *b->trees)) {
        cJSON_Delete(tree);
        return -1;
    }
    b->trees[b->n_trees++] = tree;
    return 0;
}

void tf_batch_free(tf_batch *b)
{
    /* The records first, the parsed trees last: freeing the large record arrays after a tree's thousands of
     * small blocks made glibc's malloc merge all those blocks (malloc_consolidate), which the next read then
     * splits up again. */
    free(b->accounts);
    free(b->posts);
    for (size_t i = 0; i < b->n_owned; i++)
        free(b->owned[i]);
    free(b->owned);
    for (size_t i = 0; i < b->n_trees; i++)
        cJSON_Delete(b->trees[i]);
    free(b->trees);
    memset(b, 0, sizeof *b);
}

const char *tf_platform_name(tf_platform p)
{
    static const char *const names[TF_PLATFORM_COUNT] = {"x", "instagram", "tiktok", "youtube", "bluesky", "mastodon"};
    return (unsigned)p < TF_PLATFORM_COUNT ? names[p] : "unknown";
}

const char *tf_seen_name(tf_seen seen)
{
    static const char *const names[TF_SEEN_KINDS] = {
        [TF_SEEN_PROFILE] = "profile",
        [TF_SEEN_FOLLOWERS] = "followers",
        [TF_SEEN_FOLLOWING] = "following",
        [TF_SEEN_POST_AUTHOR] = "post-author",
        [TF_SEEN_LIKERS] = "likers",
        [TF_SEEN_REPOSTERS] = "reposters",
        [TF_SEEN_COMMENTERS] = "commenters",
        [TF_SEEN_SEARCH_RESULTS] = "search-results",
        [TF_SEEN_SUGGESTIONS] = "suggestions",
        [TF_SEEN_FAMILIAR_FOLLOWERS] = "familiar-followers",
        [TF_SEEN_LISTED] = "listed",
    };
    return (unsigned)seen < TF_SEEN_KINDS ? names[seen] : "unknown";
}

int tf_seen_is_engager(tf_seen seen)
{
    return seen == TF_SEEN_LIKERS || seen == TF_SEEN_REPOSTERS || seen == TF_SEEN_COMMENTERS;
}

/* Bluesky's own hosting domain: the part of a handle every account on it shares. */
#define BLUESKY_HOST_SUFFIX ".bsky.social"

static int ends_with_ignoring_case(const char *s, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    if (len <= n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[len - n + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != suffix[i])
            return 0;
    }
    return 1;
}

const char *tf_feature_handle(const tf_account *a, char *buf, size_t size)
{
    const char *h = a->handle;
    if (!h || size == 0)
        return h;
    const char *local = *h == '@' ? h + 1 : h;
    size_t len = strlen(local), keep = len;
    if (a->platform == TF_MASTODON) {
        const char *at = strchr(local, '@');
        if (at)
            keep = (size_t)(at - local);
    } else if (a->platform == TF_BLUESKY && ends_with_ignoring_case(local, len, BLUESKY_HOST_SUFFIX)) {
        keep = len - strlen(BLUESKY_HOST_SUFFIX);
    }
    if (keep == len)
        return h;
    if (keep > size - 1)
        keep = size - 1;
    memcpy(buf, local, keep);
    buf[keep] = '\0';
    return buf;
}
