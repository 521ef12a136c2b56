/*
 * The core's records: what an adapter reads out of a platform's response, before any scoring.
 *
 * Every count is a double holding a whole number, NAN when the page did not show it: a missing field is
 * never 0. Every yes/no is a tf_flag, TF_UNKNOWN when not shown. Strings are borrowed from the parsed
 * input, which the batch owns; they live until tf_batch_free.
 */
#ifndef TF_ACCOUNT_H
#define TF_ACCOUNT_H

#include <math.h>
#include <stddef.h>

typedef enum { TF_X, TF_INSTAGRAM, TF_TIKTOK, TF_YOUTUBE, TF_BLUESKY, TF_MASTODON, TF_PLATFORM_COUNT } tf_platform;

typedef enum { TF_UNKNOWN = -1, TF_NO = 0, TF_YES = 1 } tf_flag;

/*
 * Where an account was seen: the kind of list a response shows, named by its request URL (or by its shape
 * where only one kind of list has it). A follower list shows the newest followers first, which the audit
 * reports. Only a followers list is ever a follower sample; likers, reposters and commenters are the
 * engagers; search results, suggestions and familiar followers (those of a profile's followers the viewer
 * knows) never enter an estimate; a list whose kind nothing names is "listed".
 */
typedef enum {
    TF_SEEN_PROFILE,
    TF_SEEN_FOLLOWERS,
    TF_SEEN_FOLLOWING,
    TF_SEEN_POST_AUTHOR,
    TF_SEEN_LIKERS,
    TF_SEEN_REPOSTERS, /* retweeters on X, reblogged-by on Mastodon */
    TF_SEEN_COMMENTERS,
    TF_SEEN_SEARCH_RESULTS,
    TF_SEEN_SUGGESTIONS,
    TF_SEEN_FAMILIAR_FOLLOWERS,
    TF_SEEN_LISTED,
    TF_SEEN_KINDS
} tf_seen;

typedef struct tf_account {
    tf_platform platform;
    tf_seen seen;
    const char *id, *handle, *name, *bio, *url, *avatar_url; /* NULL: not shown */
    double followers, following, posts, media_posts, likes_given, listed;
    double created_at;   /* unix seconds */
    double last_post_at; /* unix seconds */
    tf_flag default_avatar, verified, is_private, bot_declared;
} tf_account;

typedef struct tf_post {
    tf_platform platform;
    const char *id, *author_id;
    double likes, comments, reposts, quotes, views;
    double created_at;
} tf_post;

/* Everything read from one input. It owns the parsed trees and copies that the records point into. */
typedef struct tf_batch {
    tf_account *accounts;
    size_t n_accounts, cap_accounts;
    tf_post *posts;
    size_t n_posts, cap_posts;
    void **owned; /* malloc'd blocks */
    size_t n_owned, cap_owned;
    struct cJSON **trees; /* parsed inputs */
    size_t n_trees, cap_trees;
} tf_batch;

void tf_account_init(tf_account *a, tf_platform platform, tf_seen seen);
void tf_post_init(tf_post *p, tf_platform platform);

/* Each returns NULL when memory runs out; the batch stays valid. */
tf_account *tf_batch_add_account(tf_batch *b);
tf_post *tf_batch_add_post(tf_batch *b);
char *tf_batch_strndup(tf_batch *b, const char *s, size_t n);
int tf_batch_keep_tree(tf_batch *b, struct cJSON *tree); /* 0 on success; frees the tree on failure */
void tf_batch_free(tf_batch *b);

const char *tf_platform_name(tf_platform p);
/* The kind's name in reports: "profile", "followers", "post-author", "likers", "search-results", ... */
const char *tf_seen_name(tf_seen seen);
/* 1 for likers, reposters and commenters. */
int tf_seen_is_engager(tf_seen seen);

/* Longest handle the features measure, in bytes (profile_features.c measures at most its first 64). */
#ifndef TF_FEATURE_HANDLE_SIZE
#define TF_FEATURE_HANDLE_SIZE 65
#endif
/*
 * The handle the features measure: without its instance (Mastodon "name@mstdn.jp" is "name") or its host's
 * domain (Bluesky "name.bsky.social" is "name"), which say where an account lives, not who runs it; the
 * account's `handle` keeps them, for display and for telling accounts apart. Returns `buf` (holding the
 * local part, cut to size - 1 bytes) or the handle itself when it has no such suffix; NULL for no handle.
 */
const char *tf_feature_handle(const tf_account *a, char *buf, size_t size);

#endif
