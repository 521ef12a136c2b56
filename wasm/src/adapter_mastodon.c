/*
 * Mastodon and compatible servers, any instance (docs/platforms.md, "Mastodon"): the REST API JSON.
 * - /api/v1/accounts/lookup?acct= and /api/v1/accounts/:id: an Account {id, acct, display_name, note (HTML),
 *   followers_count, following_count, statuses_count, created_at, last_status_at, locked, bot, avatar,
 *   fields[]{name, value, verified_at}};
 * - /api/v1/accounts/:id/followers and /following: an array of Accounts (with counts);
 * - /api/v1/accounts/:id/statuses: an array of Statuses {id, account, created_at, favourites_count,
 *   replies_count, reblogs_count, reblog}; reblogs give no post record (their counts are the original's), but
 *   the reblogged status's account is read as a post author too.
 * - a bare array of Accounts is named by its URL: /followers, /following, /statuses/:id/reblogged_by
 *   (reposters), /favourited_by (likers), /accounts/search (search results), /directory and /suggestions
 *   (suggestions); with no URL naming it, "listed";
 * - /api/v2/search {accounts: [...]}: search results; /api/v2/suggestions [{source, account}]: suggestions;
 * - /api/v1/accounts/familiar_followers [{id, accounts: [...]}]: familiar followers;
 * - a single Status {id, account, ...}: its author and a post record; /api/v1/statuses/:id/context
 *   {ancestors, descendants}: the ancestors' authors as post authors, the replies' as commenters.
 * A page may hold an account twice: the audit counts it once (audience.c).
 * Recognised by keys (acct with display_name), never by host. The note's length is its text's: tags are
 * stripped into a copy. The website is the first verified field, else the first field holding a link.
 */
#include <stdio.h>
#include <string.h>

#include "adapter.h"
#include "html_text.h"
#include "json_get.h"
#include "timefmt.h"

#define MASTODON_DEFAULT_AVATAR "/avatars/original/missing.png"

static int is_account(const cJSON *a)
{
    return tf_str(tf_get(a, "acct")) && tf_get(a, "display_name") && tf_get(a, "id");
}

static const char *website(const cJSON *fields, tf_batch *out)
{
    const cJSON *chosen = NULL, *f;
    cJSON_ArrayForEach(f, fields)
    {
        const char *value = tf_str(tf_get(f, "value"));
        if (!value)
            continue;
        if (tf_str(tf_get(f, "verified_at"))) {
            chosen = f;
            break;
        }
        if (!chosen && (strstr(value, "://") || strstr(value, "href=")))
            chosen = f;
    }
    return chosen ? tf_html_text(out, tf_str(tf_get(chosen, "value"))) : "";
}

/* 0 on success, -1 when memory ran out. */
static int read_account(const cJSON *j, tf_account *a, tf_batch *out)
{
    a->id = tf_str(tf_get(j, "id"));
    a->handle = tf_str(tf_get(j, "acct"));
    a->name = tf_str(tf_get(j, "display_name"));
    const char *note = tf_str(tf_get(j, "note"));
    if (note && !(a->bio = tf_html_text(out, note)))
        return -1;
    if (!(a->url = website(tf_get(j, "fields"), out)))
        return -1;
    a->avatar_url = tf_str(tf_get(j, "avatar"));
    if (a->avatar_url)
        a->default_avatar = strstr(a->avatar_url, MASTODON_DEFAULT_AVATAR) ? TF_YES : TF_NO;
    a->followers = tf_count_value(tf_get(j, "followers_count"));
    a->following = tf_count_value(tf_get(j, "following_count"));
    a->posts = tf_count_value(tf_get(j, "statuses_count"));
    a->created_at = tf_parse_iso8601(tf_str(tf_get(j, "created_at")));
    a->last_post_at = tf_parse_iso8601(tf_str(tf_get(j, "last_status_at")));
    a->is_private = tf_flag_value(tf_get(j, "locked"));
    a->bot_declared = tf_flag_value(tf_get(j, "bot"));
    return 0;
}

/* The account `id` seen as `seen` among the accounts added since `first`, or NULL. */
static tf_account *find_account(const char *id, tf_seen seen, size_t first, tf_batch *out)
{
    for (size_t i = first; id && i < out->n_accounts; i++)
        if (out->accounts[i].seen == seen && out->accounts[i].id && strcmp(out->accounts[i].id, id) == 0)
            return &out->accounts[i];
    return NULL;
}

static tf_account *add_account(const cJSON *j, tf_seen seen, tf_batch *out)
{
    tf_account *a = tf_batch_add_account(out);
    if (!a)
        return NULL;
    tf_account_init(a, TF_MASTODON, seen);
    if (read_account(j, a, out))
        return NULL;
    return a;
}

/* The account of a status's author as `seen`, added once per kind (among the accounts added since `first`),
 * its last post moved to `created` when later; NULL when memory ran out. */
static tf_account *author_as(const cJSON *account, tf_seen seen, double created, size_t first, tf_batch *out)
{
    tf_account *a = find_account(tf_str(tf_get(account, "id")), seen, first, out);
    if (!a && !(a = add_account(account, seen, out)))
        return NULL;
    if (!isnan(created) && !(a->last_post_at >= created))
        a->last_post_at = created;
    return a;
}


/* The post-author account of `account`, as author_as. */
static tf_account *author_of(const cJSON *account, double created, size_t first, tf_batch *out)
{
    return author_as(account, TF_SEEN_POST_AUTHOR, created, first, out);
}

/* One status: its author (and a reblogged status's) as post authors, and a post record unless a reblog. */
static tf_read_result read_status(const cJSON *s, size_t first, tf_batch *out)
{
    const cJSON *account = tf_get(s, "account");
    const char *id = tf_str(tf_get(account, "id"));
    if (!is_account(account))
        return TF_READ_OK;
    double created = tf_parse_iso8601(tf_str(tf_get(s, "created_at")));
    if (!author_of(account, created, first, out))
        return TF_READ_NO_MEMORY;
    const cJSON *reblog = tf_get(s, "reblog");
    if (reblog && !cJSON_IsNull(reblog)) {
        /* The reblogged status's author is a post author of this page too (no post record: its counts are
         * the original's). */
        const cJSON *original = tf_get(reblog, "account");
        if (is_account(original) &&
            !author_of(original, tf_parse_iso8601(tf_str(tf_get(reblog, "created_at"))), first, out))
            return TF_READ_NO_MEMORY;
        return TF_READ_OK;
    }
    tf_post *p = tf_batch_add_post(out);
    if (!p)
        return TF_READ_NO_MEMORY;
    tf_post_init(p, TF_MASTODON);
    p->id = tf_str(tf_get(s, "id"));
    p->author_id = id;
    p->likes = tf_count_value(tf_get(s, "favourites_count"));
    p->comments = tf_count_value(tf_get(s, "replies_count"));
    p->reposts = tf_count_value(tf_get(s, "reblogs_count"));
    p->created_at = created;
    return TF_READ_OK;
}

static tf_read_result read_statuses(const cJSON *statuses, tf_batch *out)
{
    size_t first = out->n_accounts;
    const cJSON *s;
    cJSON_ArrayForEach(s, statuses)
    {
        if (read_status(s, first, out) != TF_READ_OK)
            return TF_READ_NO_MEMORY;
    }
    return TF_READ_OK;
}

/* A list of accounts (`key` names the account inside an entry, or NULL). A page may hold one twice: the audit
 * counts it once. */
static tf_read_result read_accounts(const cJSON *list, const char *key, tf_seen seen, tf_batch *out)
{
    const cJSON *entry;
    cJSON_ArrayForEach(entry, list)
    {
        const cJSON *j = key ? tf_get(entry, key) : entry;
        if (is_account(j) && !add_account(j, seen, out))
            return TF_READ_NO_MEMORY;
    }
    return TF_READ_OK;
}

/* 1 when the URL's path (before any query) holds `part`. */
static int path_has(const char *url, const char *part)
{
    const char *end = url + strcspn(url, "?#");
    const char *at = strstr(url, part);
    return at && at < end;
}

/* What a bare array of accounts lists, as its URL names it. */
static tf_seen account_list_kind(const char *url)
{
    static const struct {
        const char *part;
        tf_seen seen;
    } kinds[] = {
        {"/followers", TF_SEEN_FOLLOWERS},        {"/following", TF_SEEN_FOLLOWING},
        {"/reblogged_by", TF_SEEN_REPOSTERS},     {"/favourited_by", TF_SEEN_LIKERS},
        {"/accounts/search", TF_SEEN_SEARCH_RESULTS}, {"/directory", TF_SEEN_SUGGESTIONS},
        {"/suggestions", TF_SEEN_SUGGESTIONS},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (path_has(url, kinds[i].part))
            return kinds[i].seen;
    return TF_SEEN_LISTED;
}

/* /api/v1/statuses/:id/context: the ancestors' authors as post authors, the replies' as commenters (the
 * thread's own authors left out). */
static tf_read_result read_context(const cJSON *context, tf_batch *out)
{
    size_t first = out->n_accounts;
    const cJSON *s;
    cJSON_ArrayForEach(s, tf_get(context, "ancestors"))
    {
        const cJSON *account = tf_get(s, "account");
        if (is_account(account) && !author_of(account, tf_parse_iso8601(tf_str(tf_get(s, "created_at"))), first, out))
            return TF_READ_NO_MEMORY;
    }
    cJSON_ArrayForEach(s, tf_get(context, "descendants"))
    {
        const cJSON *account = tf_get(s, "account");
        if (!is_account(account) || find_account(tf_str(tf_get(account, "id")), TF_SEEN_POST_AUTHOR, first, out))
            continue;
        if (!author_as(account, TF_SEEN_COMMENTERS, tf_parse_iso8601(tf_str(tf_get(s, "created_at"))), first, out))
            return TF_READ_NO_MEMORY;
    }
    return TF_READ_OK;
}

tf_read_result tf_read_mastodon_json(const tf_input *in, tf_batch *out, char *why, size_t why_size)
{
    const cJSON *doc = in->json;
    if (is_account(doc))
        return add_account(doc, TF_SEEN_PROFILE, out) ? TF_READ_OK : TF_READ_NO_MEMORY;
    if (is_account(tf_get(doc, "account")) && tf_get(doc, "favourites_count"))
        return read_status(doc, out->n_accounts, out);
    if (cJSON_IsArray(tf_get(doc, "descendants")) && cJSON_IsArray(tf_get(doc, "ancestors")))
        return read_context(doc, out);
    const cJSON *accounts = tf_get(doc, "accounts");
    if (cJSON_IsArray(accounts) && cJSON_IsArray(tf_get(doc, "statuses")) && cJSON_IsArray(tf_get(doc, "hashtags")))
        return read_accounts(accounts, NULL, TF_SEEN_SEARCH_RESULTS, out);
    const cJSON *first = tf_at(doc, 0);
    if (!first)
        return TF_READ_NOT_MINE;
    if (is_account(first))
        return read_accounts(doc, NULL, account_list_kind(in->url), out);
    if (is_account(tf_get(first, "account")) && tf_get(first, "source"))
        return read_accounts(doc, "account", TF_SEEN_SUGGESTIONS, out);
    if (cJSON_IsArray(tf_get(first, "accounts")) && tf_get(first, "id")) {
        /* familiar followers: one entry per asked account, each with the followers the viewer knows */
        const cJSON *entry;
        cJSON_ArrayForEach(entry, doc)
        {
            if (read_accounts(tf_get(entry, "accounts"), NULL, TF_SEEN_FAMILIAR_FOLLOWERS, out) != TF_READ_OK)
                return TF_READ_NO_MEMORY;
        }
        return TF_READ_OK;
    }
    if (tf_get(first, "account") && tf_get(first, "favourites_count")) {
        if (!is_account(tf_get(first, "account"))) {
            snprintf(why, why_size, "Mastodon statuses whose account lacks id, acct or display_name");
            return TF_READ_UNSUPPORTED;
        }
        return read_statuses(doc, out);
    }
    return TF_READ_NOT_MINE;
}
