/*
 * Mastodon and compatible servers, any instance (docs/platforms.md, "Mastodon"): the REST API JSON.
 * - /api/v1/accounts/lookup?acct= and /api/v1/accounts/:id: an Account {id, acct, display_name, note (HTML),
 *   followers_count, following_count, statuses_count, created_at, last_status_at, locked, bot, avatar,
 *   fields[]{name, value, verified_at}};
 * - /api/v1/accounts/:id/followers and /following: an array of Accounts (with counts);
 * - /api/v1/accounts/:id/statuses: an array of Statuses {id, account, created_at, favourites_count,
 *   replies_count, reblogs_count, reblog}; reblogs give no post record (their counts are the original's), but
 *   the reblogged status's account is read as a post author too.
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

/* The post-author account of `account`, added once per input (among the accounts added since `first`), its
 * last post moved to `created` when later; NULL when memory ran out. */
static tf_account *author_of(const cJSON *account, double created, size_t first, tf_batch *out)
{
    const char *id = tf_str(tf_get(account, "id"));
    tf_account *a = NULL;
    for (size_t i = first; i < out->n_accounts && !a; i++)
        if (out->accounts[i].id && strcmp(out->accounts[i].id, id) == 0)
            a = &out->accounts[i];
    if (!a && !(a = add_account(account, TF_SEEN_POST_AUTHOR, out)))
        return NULL;
    if (!isnan(created) && !(a->last_post_at >= created))
        a->last_post_at = created;
    return a;
}

static tf_read_result read_statuses(const cJSON *statuses, tf_batch *out)
{
    size_t first = out->n_accounts;
    const cJSON *s;
    cJSON_ArrayForEach(s, statuses)
    {
        const cJSON *account = tf_get(s, "account");
        const char *id = tf_str(tf_get(account, "id"));
        if (!is_account(account))
            continue;
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
            continue;
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
    }
    return TF_READ_OK;
}

tf_read_result tf_read_mastodon_json(const tf_input *in, tf_batch *out, char *why, size_t why_size)
{
    const cJSON *doc = in->json;
    if (is_account(doc))
        return add_account(doc, TF_SEEN_PROFILE, out) ? TF_READ_OK : TF_READ_NO_MEMORY;
    const cJSON *first = tf_at(doc, 0);
    if (!first)
        return TF_READ_NOT_MINE;
    if (is_account(first)) {
        tf_seen seen = strstr(in->url, "/following") ? TF_SEEN_FOLLOWING : TF_SEEN_FOLLOWERS;
        const cJSON *j;
        cJSON_ArrayForEach(j, doc)
        {
            if (is_account(j) && !add_account(j, seen, out))
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
