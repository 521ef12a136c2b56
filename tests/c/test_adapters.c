/*
 * Every adapter on the committed fixtures (tests/fixtures/<platform>/: anonymised derivatives of real
 * recordings and written fixtures for shapes with no recording), on the real recordings in
 * ../shared/fixtures when that folder is there (skipped otherwise), and on broken and changed inputs,
 * which must give "unsupported" or "invalid", never a crash or a wrong number.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "audience.h"
#include "cJSON.h"
#include "read.h"
#include "score.h"
#include "timefmt.h"

#define FIXTURES "tests/fixtures/"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

typedef struct outcome {
    tf_status status;
    char message[512];
    tf_batch batch;
} outcome;

static void read_text(const char *text, size_t len, const char *url, const char *lang, outcome *o)
{
    memset(o, 0, sizeof *o);
    tf_read_options options = {url, lang};
    o->status = tf_read(text, len, &options, &o->batch, o->message, sizeof o->message);
}

static void read_fixture(const char *name, const char *url, outcome *o)
{
    char path[512];
    snprintf(path, sizeof path, FIXTURES "%s", name);
    size_t len;
    char *text = slurp(path, &len);
    assert_non_null(text);
    read_text(text, len, url, NULL, o);
    free(text);
}

static const tf_account *account_by_handle(const tf_batch *b, const char *handle)
{
    for (size_t i = 0; i < b->n_accounts; i++)
        if (b->accounts[i].handle && strcmp(b->accounts[i].handle, handle) == 0)
            return &b->accounts[i];
    return NULL;
}

static size_t count_default_avatars(const tf_batch *b)
{
    size_t n = 0;
    for (size_t i = 0; i < b->n_accounts; i++)
        n += b->accounts[i].default_avatar == TF_YES;
    return n;
}

/* ---- X --------------------------------------------------------------------------------------------- */

static void x_profiles_read_in_the_2026_shape_and_the_legacy_shape_alike(void **state)
{
    (void)state;
    outcome o;
    read_fixture("x/user-by-screen-name-2026.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_accounts, 1);
    const tf_account *a = &o.batch.accounts[0];
    assert_true(a->followers == 695695 && a->following == 762 && a->posts == 4319);
    assert_int_equal(a->verified, TF_YES);
    assert_false(isnan(a->created_at));
    tf_batch_free(&o.batch);

    read_fixture("x/user-by-screen-name-legacy.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    a = account_by_handle(&o.batch, "sample_legacy");
    assert_non_null(a);
    assert_true(a->followers == 48213 && a->following == 512 && a->posts == 9876 && a->listed == 7);
    assert_string_equal(a->url, "https://example.org/sample_legacy");
    tf_batch_free(&o.batch);
}

static void x_follower_lists_skip_unavailable_users_and_spot_default_avatars(void **state)
{
    (void)state;
    outcome o;
    read_fixture("x/followers-legacy.json", "https://x.com/i/api/graphql/abc/Followers?variables=", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_accounts, 3);
    assert_int_equal(o.batch.accounts[0].seen, TF_SEEN_FOLLOWERS);
    assert_int_equal(count_default_avatars(&o.batch), 1);
    tf_batch_free(&o.batch);

    read_fixture("x/followers-legacy.json", "https://x.com/i/api/graphql/abc/Following?variables=", &o);
    assert_int_equal(o.batch.accounts[0].seen, TF_SEEN_FOLLOWING);
    tf_batch_free(&o.batch);

    read_fixture("x/followers-2026.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_accounts, 69);
    assert_true(count_default_avatars(&o.batch) >= 15); /* "about a third" in the recording */
    tf_batch_free(&o.batch);
}

static void x_user_tweets_give_posts_with_counts_and_their_author_once(void **state)
{
    (void)state;
    outcome o;
    read_fixture("x/user-tweets-2026.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    /* The timeline's author, then the authors of the tweets it retweeted: 16 retweets of 9 accounts, each once;
     * and the 3 accounts of its "who to follow" module, as suggestions. */
    assert_int_equal(o.batch.n_accounts, 13);
    size_t authors = 0, suggested = 0;
    for (size_t i = 0; i < o.batch.n_accounts; i++) {
        authors += o.batch.accounts[i].seen == TF_SEEN_POST_AUTHOR;
        suggested += o.batch.accounts[i].seen == TF_SEEN_SUGGESTIONS;
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(o.batch.accounts[i].id, o.batch.accounts[j].id);
    }
    assert_int_equal(authors, 10);
    assert_int_equal(suggested, 3);
    const tf_account *retweeted = account_by_handle(&o.batch, "user_ca256277");
    assert_non_null(retweeted);
    assert_true(retweeted->followers == 188910);
    assert_true(retweeted->last_post_at == tf_parse_twitter_date("Fri Jul 31 20:29:58 +0000 2026")); /* its own tweet's time */
    const tf_account *author = &o.batch.accounts[0];
    assert_int_equal(author->seen, TF_SEEN_POST_AUTHOR);
    assert_true(author->followers == 695695);
    assert_false(isnan(author->last_post_at));
    /* 21 tweet entries and a pinned one; retweets give no post record. */
    assert_true(o.batch.n_posts >= 3 && o.batch.n_posts < 22);
    double most_views = 0;
    for (size_t i = 0; i < o.batch.n_posts; i++) {
        const tf_post *p = &o.batch.posts[i];
        assert_string_equal(p->author_id, author->id);
        assert_false(isnan(p->likes) || isnan(p->reposts) || isnan(p->created_at));
        assert_true(p->created_at <= author->last_post_at);
        if (p->views > most_views)
            most_views = p->views;
    }
    assert_true(most_views == 2525462); /* the pinned tweet */
    tf_batch_free(&o.batch);
}

static void x_profile_pages_are_read_from_their_json_ld(void **state)
{
    (void)state;
    outcome o;
    read_fixture("x/profile-page-json-ld.html", "", &o);
    assert_int_equal(o.status, TF_OK);
    const tf_account *a = account_by_handle(&o.batch, "sample_ld");
    assert_non_null(a);
    assert_true(a->followers == 695695 && a->following == 762 && a->posts == 4319);
    assert_string_equal(a->id, "3000001");
    tf_batch_free(&o.batch);
}

static void an_x_redesign_is_unsupported_and_says_what_is_missing(void **state)
{
    (void)state;
    outcome o;
    read_fixture("x/user-by-screen-name-redesigned.json", "", &o);
    assert_int_equal(o.status, TF_UNSUPPORTED);
    assert_non_null(strstr(o.message, "core or legacy"));
    assert_int_equal(o.batch.n_accounts, 0);
    tf_batch_free(&o.batch);
}

/* ---- Instagram ------------------------------------------------------------------------------------- */

static void instagram_profiles_read_in_both_eras(void **state)
{
    (void)state;
    outcome o;
    read_fixture("instagram/polaris-profile.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_accounts, 1);
    assert_true(o.batch.accounts[0].followers == 43 && o.batch.accounts[0].following == 27 && o.batch.accounts[0].posts == 5);
    assert_true(isnan(o.batch.accounts[0].created_at)); /* Instagram shows no join date */
    tf_batch_free(&o.batch);

    read_fixture("instagram/web-profile-info.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    const tf_account *a = account_by_handle(&o.batch, "sample_insta");
    assert_non_null(a);
    assert_true(a->followers == 15230 && a->following == 410 && a->posts == 87);
    assert_int_equal(o.batch.n_posts, 3);
    assert_true(o.batch.posts[1].views == 5400 && o.batch.posts[0].likes == 100);
    assert_true(a->last_post_at == 1700000000 + 2 * 86400);
    tf_batch_free(&o.batch);
}

static void instagram_follower_lists_read_in_both_eras_with_default_avatars(void **state)
{
    (void)state;
    outcome o;
    read_fixture("instagram/friendships-followers.json", "https://www.instagram.com/api/v1/friendships/1/followers/", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_accounts, 30);
    assert_int_equal(count_default_avatars(&o.batch), 10);
    assert_true(isnan(o.batch.accounts[0].followers)); /* lists carry no counts */
    tf_batch_free(&o.batch);

    read_fixture("instagram/edge-followed-by.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_accounts, 3);
    assert_int_equal(o.batch.accounts[0].default_avatar, TF_YES); /* by the silhouette's file name */
    assert_int_equal(o.batch.accounts[1].default_avatar, TF_NO);
    tf_batch_free(&o.batch);
}

static void instagram_timelines_give_posts_and_the_author(void **state)
{
    (void)state;
    outcome o;
    read_fixture("instagram/user-timeline.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_posts, 4);
    assert_int_equal(o.batch.n_accounts, 1);
    assert_true(o.batch.posts[0].views == 9100 && isnan(o.batch.posts[1].views));
    assert_true(o.batch.accounts[0].last_post_at == 1710000000 + 3 * 3600);
    tf_batch_free(&o.batch);
}

/* ---- TikTok ---------------------------------------------------------------------------------------- */

static void tiktok_pages_prefer_the_exact_stats(void **state)
{
    (void)state;
    outcome o;
    read_fixture("tiktok/universal-data-profile.html", "", &o);
    assert_int_equal(o.status, TF_OK);
    const tf_account *a = account_by_handle(&o.batch, "sample_tok");
    assert_non_null(a);
    assert_true(a->followers == 427682); /* statsV2, not the rounded 427700 */
    assert_true(a->likes_given == 1503 && a->posts == 512);
    assert_true(a->created_at == 1577836800);
    tf_batch_free(&o.batch);

    read_fixture("tiktok/sigi-state-profile.html", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_accounts, 1);
    assert_true(o.batch.accounts[0].followers == 6200000 && o.batch.accounts[0].following == 563 && o.batch.accounts[0].posts == 767);
    assert_int_equal(o.batch.n_posts, 18);
    assert_true(o.batch.posts[0].views == 52100 && o.batch.posts[0].likes == 6724);
    assert_false(isnan(o.batch.accounts[0].last_post_at));
    tf_batch_free(&o.batch);
}

static void tiktok_private_accounts_are_named_as_such(void **state)
{
    (void)state;
    outcome o;
    read_fixture("tiktok/universal-data-private.html", "", &o);
    assert_int_equal(o.status, TF_UNSUPPORTED);
    assert_non_null(strstr(o.message, "10222"));
    tf_batch_free(&o.batch);
}

static void tiktok_item_lists_give_videos_and_their_author(void **state)
{
    (void)state;
    outcome o;
    read_fixture("tiktok/api-post-item-list.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_accounts, 1);
    assert_int_equal(o.batch.n_posts, 3);
    assert_true(o.batch.posts[0].views == 52134);
    tf_batch_free(&o.batch);
}

/* ---- YouTube --------------------------------------------------------------------------------------- */

static void youtube_channel_headers_read_counts_in_the_page_language(void **state)
{
    (void)state;
    outcome o;
    read_fixture("youtube/browse-channel-page-header.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_accounts, 1);
    const tf_account *a = &o.batch.accounts[0];
    assert_true(a->followers == 25000000 && a->posts == 337);
    assert_int_equal(a->verified, TF_YES);
    assert_int_equal(o.batch.n_posts, 30);
    assert_true(o.batch.posts[0].views == 1545374);
    tf_batch_free(&o.batch);

    read_fixture("youtube/browse-c4-header-de.json", "", &o); /* hl=de from the response's own links */
    assert_int_equal(o.status, TF_OK);
    a = account_by_handle(&o.batch, "beispielkanal");
    assert_non_null(a);
    assert_true(a->followers == 1230000 && a->posts == 1234);
    assert_int_equal(o.batch.n_posts, 2);
    assert_true(o.batch.posts[0].views == 18567581 && o.batch.posts[1].views == 8312);
    tf_batch_free(&o.batch);

    read_fixture("youtube/channel-page-de.html", "", &o); /* <html lang="de-DE"> */
    assert_int_equal(o.status, TF_OK);
    assert_true(o.batch.accounts[0].followers == 25000000 && o.batch.accounts[0].posts == 1337);
    tf_batch_free(&o.batch);
}

static void a_youtube_handle_where_a_count_should_be_is_no_count(void **state)
{
    (void)state;
    outcome o;
    read_fixture("youtube/browse-c4-handle-instead-of-count.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    const tf_account *a = account_by_handle(&o.batch, "beispielkanal");
    assert_non_null(a);
    assert_true(isnan(a->followers));
    tf_batch_free(&o.batch);
}

static void youtube_watch_pages_give_the_owner_and_exact_views(void **state)
{
    (void)state;
    outcome o;
    read_fixture("youtube/watch-page.html", "", &o);
    assert_int_equal(o.status, TF_OK);
    const tf_account *a = account_by_handle(&o.batch, "samplechannel");
    assert_non_null(a);
    assert_true(a->followers == 2410000);
    assert_int_equal(a->seen, TF_SEEN_POST_AUTHOR);
    assert_int_equal(o.batch.n_posts, 1);
    assert_true(o.batch.posts[0].views == 1545374);
    assert_false(isnan(o.batch.posts[0].created_at));
    tf_batch_free(&o.batch);
}

/* ---- Bluesky and Mastodon -------------------------------------------------------------------------- */

static void bluesky_profiles_lists_and_feeds_read(void **state)
{
    (void)state;
    outcome o;
    read_fixture("bluesky/get-profile.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_true(o.batch.accounts[0].followers == 2048 && o.batch.accounts[0].following == 311 && o.batch.accounts[0].posts == 1402);
    assert_int_equal(o.batch.accounts[0].platform, TF_BLUESKY);
    tf_batch_free(&o.batch);

    read_fixture("bluesky/get-profiles.json", "", &o);
    assert_int_equal(o.batch.n_accounts, 3);
    assert_int_equal(count_default_avatars(&o.batch), 1); /* no avatar: the default */
    tf_batch_free(&o.batch);

    read_fixture("bluesky/get-followers.json", "", &o);
    assert_int_equal(o.batch.n_accounts, 3);
    assert_int_equal(o.batch.accounts[0].seen, TF_SEEN_FOLLOWERS);
    tf_batch_free(&o.batch);

    read_fixture("bluesky/get-author-feed.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_posts, 3); /* the repost is not the author's post */
    assert_int_equal(o.batch.n_accounts, 2); /* but the reposted post's author is a post author of the page */
    const tf_account *reposted = account_by_handle(&o.batch, "other.bsky.social");
    assert_non_null(reposted);
    assert_int_equal(reposted->seen, TF_SEEN_POST_AUTHOR);
    assert_true(reposted->last_post_at == tf_parse_iso8601("2024-06-10T00:00:00.000Z"));
    for (size_t i = 0; i < o.batch.n_posts; i++)
        assert_string_not_equal(o.batch.posts[i].author_id, reposted->id);
    assert_true(o.batch.posts[2].likes == 12 && o.batch.posts[2].reposts == 4);
    tf_batch_free(&o.batch);
}

static void mastodon_accounts_count_bio_text_not_tags(void **state)
{
    (void)state;
    outcome o;
    read_fixture("mastodon/account-lookup.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    const tf_account *a = &o.batch.accounts[0];
    assert_int_equal(a->platform, TF_MASTODON);
    assert_string_equal(a->bio, "Sample #bio & more\nSecond paragraph");
    assert_string_equal(a->url, "https://example.org");
    assert_true(a->followers == 1520 && a->posts == 4211);
    assert_false(isnan(a->last_post_at));
    tf_batch_free(&o.batch);

    read_fixture("mastodon/followers.json", "https://social.example/api/v1/accounts/1/followers", &o);
    assert_int_equal(o.batch.n_accounts, 3);
    assert_int_equal(o.batch.accounts[1].default_avatar, TF_YES);
    assert_int_equal(o.batch.accounts[2].bot_declared, TF_YES);
    tf_batch_free(&o.batch);

    read_fixture("mastodon/statuses.json", "", &o);
    assert_int_equal(o.batch.n_accounts, 1);
    assert_int_equal(o.batch.n_posts, 3); /* the reblog is skipped */
    tf_batch_free(&o.batch);

    /* A reblog whose original carries its account: that account is a post author too, with no post record. */
    static const char reblogs[] =
        "[{\"id\":\"2\",\"created_at\":\"2024-06-09T09:00:00.000Z\",\"favourites_count\":0,\"replies_count\":0,"
        "\"reblogs_count\":0,\"account\":{\"id\":\"10\",\"acct\":\"owner\",\"display_name\":\"Owner\"},"
        "\"reblog\":{\"id\":\"1\",\"created_at\":\"2024-06-01T09:00:00.000Z\",\"favourites_count\":999,"
        "\"account\":{\"id\":\"20\",\"acct\":\"writer@elsewhere.example\",\"display_name\":\"Writer\"}}},"
        "{\"id\":\"3\",\"created_at\":\"2024-06-08T09:00:00.000Z\",\"favourites_count\":4,\"replies_count\":0,"
        "\"reblogs_count\":0,\"reblog\":null,\"account\":{\"id\":\"10\",\"acct\":\"owner\",\"display_name\":\"Owner\"}}]";
    read_text(reblogs, sizeof reblogs - 1, "https://social.example/api/v1/accounts/10/statuses", NULL, &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_accounts, 2);
    assert_int_equal(o.batch.n_posts, 1);
    const tf_account *writer = account_by_handle(&o.batch, "writer@elsewhere.example");
    assert_non_null(writer);
    assert_int_equal(writer->seen, TF_SEEN_POST_AUTHOR);
    assert_true(writer->last_post_at == tf_parse_iso8601("2024-06-01T09:00:00.000Z"));
    assert_string_equal(o.batch.posts[0].author_id, "10");
    tf_batch_free(&o.batch);
}

/* ---- DOM ------------------------------------------------------------------------------------------- */

static void dom_records_parse_counts_in_the_page_language(void **state)
{
    (void)state;
    outcome o;
    read_fixture("dom/x-de.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_true(o.batch.accounts[0].followers == 1200000 && o.batch.accounts[0].following == 1234 && o.batch.accounts[0].posts == 12345);
    tf_batch_free(&o.batch);

    read_fixture("dom/instagram-id.json", "", &o);
    assert_true(o.batch.accounts[0].followers == 1.2e9 && o.batch.accounts[0].following == 12300);
    tf_batch_free(&o.batch);

    read_fixture("dom/x-unparseable.json", "", &o);
    assert_int_equal(o.status, TF_UNSUPPORTED);
    assert_non_null(strstr(o.message, "followers"));
    tf_batch_free(&o.batch);
}

/* ---- robustness ------------------------------------------------------------------------------------ */

static const char *const all_fixtures[] = {
    "x/user-by-screen-name-2026.json", "x/user-by-screen-name-legacy.json", "x/followers-legacy.json",
    "x/followers-2026.json", "x/user-tweets-2026.json", "x/profile-page-json-ld.html",
    "instagram/polaris-profile.json", "instagram/web-profile-info.json", "instagram/friendships-followers.json",
    "instagram/edge-followed-by.json", "instagram/user-timeline.json", "tiktok/universal-data-profile.html",
    "tiktok/sigi-state-profile.html", "tiktok/api-post-item-list.json", "youtube/browse-channel-page-header.json",
    "youtube/browse-c4-header-de.json", "youtube/channel-page-de.html", "youtube/watch-page.html",
    "bluesky/get-profile.json", "bluesky/get-profiles.json", "bluesky/get-followers.json",
    "bluesky/get-author-feed.json", "mastodon/account-lookup.json", "mastodon/followers.json",
    "mastodon/statuses.json", "dom/x-de.json", NULL,
};

static void truncated_inputs_are_refused_without_a_crash(void **state)
{
    (void)state;
    for (const char *const *name = all_fixtures; *name; name++) {
        char path[512];
        snprintf(path, sizeof path, FIXTURES "%s", *name);
        size_t len;
        char *text = slurp(path, &len);
        assert_non_null(text);
        for (int cut = 1; cut < 12; cut++) {
            size_t n = len * (size_t)cut / 12;
            char saved = text[n];
            text[n] = '\0';
            outcome o;
            read_text(text, n, "", "", &o);
            /* A cut JSON document is invalid; a cut HTML page may still hold its whole script. */
            assert_true(o.status == TF_INVALID || o.status == TF_UNSUPPORTED || o.status == TF_OK);
            if (o.status != TF_OK)
                assert_true(o.message[0] != '\0');
            tf_batch_free(&o.batch);
            text[n] = saved;
        }
        free(text);
    }
}

/* Renames every occurrence of `key` (as a JSON key) and reads the result. */
static void read_with_key_renamed(const char *fixture, const char *key, outcome *o)
{
    char path[512];
    snprintf(path, sizeof path, FIXTURES "%s", fixture);
    size_t len;
    char *text = slurp(path, &len);
    assert_non_null(text);
    char quoted[128];
    snprintf(quoted, sizeof quoted, "\"%s\"", key);
    for (char *p = strstr(text, quoted); p; p = strstr(p + 1, quoted))
        p[1] = 'Z'; /* same length, another name */
    read_text(text, len, "", "", o);
    free(text);
}

static void a_renamed_count_field_reads_as_unknown_never_as_a_number(void **state)
{
    (void)state;
    outcome o;
    read_with_key_renamed("x/user-by-screen-name-legacy.json", "followers_count", &o);
    assert_int_equal(o.status, TF_OK);
    assert_true(isnan(o.batch.accounts[0].followers));
    assert_true(o.batch.accounts[0].following == 512);
    tf_batch_free(&o.batch);

    read_with_key_renamed("tiktok/universal-data-profile.html", "followerCount", &o);
    assert_true(isnan(o.batch.accounts[0].followers));
    tf_batch_free(&o.batch);

    read_with_key_renamed("youtube/browse-channel-page-header.json", "metadataRows", &o);
    assert_int_equal(o.status, TF_OK);
    assert_true(isnan(o.batch.accounts[0].followers) && isnan(o.batch.accounts[0].posts));
    tf_batch_free(&o.batch);

    read_with_key_renamed("tiktok/sigi-state-profile.html", "UserModule", &o);
    assert_int_equal(o.status, TF_UNSUPPORTED);
    assert_non_null(strstr(o.message, "UserModule"));
    tf_batch_free(&o.batch);

    read_with_key_renamed("instagram/friendships-followers.json", "username", &o);
    assert_int_not_equal(o.status, TF_OK);
    tf_batch_free(&o.batch);
}


/* ---- lists named for what they are ------------------------------------------------------------------ */

static size_t count_seen(const tf_batch *b, tf_seen seen)
{
    size_t n = 0;
    for (size_t i = 0; i < b->n_accounts; i++)
        n += b->accounts[i].seen == seen;
    return n;
}

static void x_post_lists_searches_and_threads_are_named_for_what_they_are(void **state)
{
    (void)state;
    outcome o;
    read_fixture("x/Retweeters.json", "https://x.com/i/api/graphql/q/Retweeters?variables=%7B%7D", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_accounts, 11); /* 12 entries, one unavailable */
    assert_int_equal(count_seen(&o.batch, TF_SEEN_REPOSTERS), 11);
    assert_false(isnan(o.batch.accounts[0].followers));
    tf_batch_free(&o.batch);

    read_fixture("x/SearchTimeline.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_SEARCH_RESULTS), o.batch.n_accounts);
    assert_true(o.batch.n_accounts == 8);
    assert_int_equal(o.batch.n_posts, 0); /* found posts are nobody's profile's posts */
    tf_batch_free(&o.batch);

    read_fixture("x/TweetDetail.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.accounts[0].seen, TF_SEEN_POST_AUTHOR);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_POST_AUTHOR), 1);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_COMMENTERS), 8);
    assert_int_equal(o.batch.n_posts, 1);
    assert_string_equal(o.batch.posts[0].author_id, o.batch.accounts[0].id);
    for (size_t i = 1; i < o.batch.n_accounts; i++) {
        assert_string_not_equal(o.batch.accounts[i].id, o.batch.accounts[0].id); /* the author is no commenter */
        assert_false(isnan(o.batch.accounts[i].last_post_at));                 /* a reply is a post */
    }
    tf_batch_free(&o.batch);

    read_fixture("x/followers-2026.json", "https://x.com/i/api/graphql/q/FollowersYouKnow?variables=", &o);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_FAMILIAR_FOLLOWERS), o.batch.n_accounts);
    tf_batch_free(&o.batch);
    /* the word in a query is no operation's name */
    read_fixture("x/followers-2026.json", "https://x.com/i/api/graphql/q/Followers?variables=%7B%22x%22%3A%22/Following%22%7D", &o);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_FOLLOWERS), o.batch.n_accounts);
    tf_batch_free(&o.batch);
}

static void bluesky_engagers_searches_and_threads_are_named_for_what_they_are(void **state)
{
    (void)state;
    outcome o;
    read_fixture("bluesky/get-likes.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_accounts, 1);
    assert_int_equal(o.batch.accounts[0].seen, TF_SEEN_LIKERS);
    assert_non_null(o.batch.accounts[0].name);
    tf_batch_free(&o.batch);

    read_fixture("bluesky/get-reposted-by.json", "", &o);
    assert_int_equal(o.batch.n_accounts, 1);
    assert_int_equal(o.batch.accounts[0].seen, TF_SEEN_REPOSTERS);
    tf_batch_free(&o.batch);

    read_fixture("bluesky/search-actors.json", "https://public.api.bsky.app/xrpc/app.bsky.actor.searchActors?q=t", &o);
    assert_int_equal(o.batch.n_accounts, 6);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_SEARCH_RESULTS), 6);
    tf_batch_free(&o.batch);
    read_fixture("bluesky/search-actors.json", "https://public.api.bsky.app/xrpc/app.bsky.actor.getSuggestions", &o);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_SUGGESTIONS), 6);
    tf_batch_free(&o.batch);
    read_fixture("bluesky/get-followers.json", "https://api.bsky.app/xrpc/app.bsky.graph.getKnownFollowers?actor=a", &o);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_FAMILIAR_FOLLOWERS), 3);
    tf_batch_free(&o.batch);

    /* A thread: the post and its parent by their authors, the replies at every depth by theirs, the post's own
     * author replying in it left out, a replier counted once with the date of their latest reply. */
    read_fixture("bluesky/get-post-thread.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_POST_AUTHOR), 2);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_COMMENTERS), 3);
    assert_int_equal(o.batch.n_posts, 1);
    assert_true(o.batch.posts[0].likes == 40);
    const tf_account *replier = account_by_handle(&o.batch, "user-reply003.bsky.social");
    assert_non_null(replier);
    assert_true(replier->last_post_at == tf_parse_iso8601("2026-07-03T09:00:00.000Z"));
    assert_non_null(account_by_handle(&o.batch, "user-reply004.bsky.social")); /* three levels down */
    tf_batch_free(&o.batch);

    /* Found posts: their authors are search results, each once (two of the four posts are by one account). */
    read_fixture("bluesky/search-posts.json", "https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts?q=sample", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_SEARCH_RESULTS), 3);
    assert_int_equal(o.batch.n_accounts, 3);
    assert_int_equal(o.batch.n_posts, 0);
    tf_batch_free(&o.batch);
    read_fixture("bluesky/search-posts.json", "https://public.api.bsky.app/xrpc/app.bsky.feed.getPosts?uris=a", &o);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_POST_AUTHOR), 3);
    assert_int_equal(o.batch.n_posts, 4);
    tf_batch_free(&o.batch);
}

static void instagram_search_media_and_likers_are_named_for_what_they_are(void **state)
{
    (void)state;
    outcome o;
    read_fixture("instagram/topsearch.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_accounts, 5);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_SEARCH_RESULTS), 5);
    tf_batch_free(&o.batch);

    read_fixture("instagram/media-info.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_accounts, 1);
    assert_int_equal(o.batch.accounts[0].seen, TF_SEEN_POST_AUTHOR);
    assert_int_equal(o.batch.n_posts, 1);
    assert_true(o.batch.posts[0].likes == 113 && o.batch.posts[0].comments == 0);
    assert_true(o.batch.accounts[0].last_post_at == 1661273501);
    tf_batch_free(&o.batch);

    read_fixture("instagram/friendships-followers.json", "https://www.instagram.com/api/v1/media/1/likers/", &o);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_LIKERS), o.batch.n_accounts);
    tf_batch_free(&o.batch);

    static const char comments[] =
        "{\"comments\":[{\"pk\":\"1\",\"user\":{\"pk\":\"7\",\"username\":\"someone\",\"full_name\":\"Some One\","
        "\"profile_pic_url\":\"https://example.invalid/a\"}},{\"pk\":\"2\",\"user\":{\"pk\":\"7\",\"username\":\"someone\","
        "\"full_name\":\"Some One\"}}],\"comment_count\":2}";
    read_text(comments, sizeof comments - 1, "https://www.instagram.com/api/v1/media/1/comments/", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_accounts, 1); /* two comments by one account */
    assert_int_equal(o.batch.accounts[0].seen, TF_SEEN_COMMENTERS);
    tf_batch_free(&o.batch);
}

static void mastodon_account_arrays_are_named_by_their_url(void **state)
{
    (void)state;
    static const struct {
        const char *url;
        tf_seen seen;
    } urls[] = {
        {"https://social.example/api/v1/accounts/1/followers?max_id=9", TF_SEEN_FOLLOWERS},
        {"https://social.example/api/v1/accounts/1/following", TF_SEEN_FOLLOWING},
        {"https://social.example/api/v1/statuses/5/reblogged_by", TF_SEEN_REPOSTERS},
        {"https://social.example/api/v1/statuses/5/favourited_by", TF_SEEN_LIKERS},
        {"https://social.example/api/v1/accounts/search?q=followers", TF_SEEN_SEARCH_RESULTS},
        {"https://social.example/api/v1/directory?local=true", TF_SEEN_SUGGESTIONS},
        {"https://social.example/api/v1/blocks?q=/followers", TF_SEEN_LISTED}, /* a query names no list */
        {"", TF_SEEN_LISTED},
    };
    for (size_t u = 0; u < sizeof urls / sizeof *urls; u++) {
        outcome o;
        read_fixture("mastodon/followers.json", urls[u].url, &o);
        assert_int_equal(o.batch.n_accounts, 3);
        if (count_seen(&o.batch, urls[u].seen) != 3)
            fail_msg("%s: read as %s", urls[u].url, tf_seen_name(o.batch.accounts[0].seen));
        tf_batch_free(&o.batch);
    }
    outcome o;
    read_fixture("mastodon/reblogged-by.jsonl", "", &o); /* capture records: each carries its URL */
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_REPOSTERS), 1);
    tf_batch_free(&o.batch);
    read_fixture("mastodon/accounts-search.jsonl", "", &o);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_SEARCH_RESULTS), o.batch.n_accounts);
    tf_batch_free(&o.batch);
    read_fixture("mastodon/familiar-followers.jsonl", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_accounts, 0); /* the recording's viewer knows none of them */
    tf_batch_free(&o.batch);
    static const char familiar[] = "[{\"id\":\"1\",\"accounts\":[{\"id\":\"5\",\"acct\":\"friend@elsewhere.example\","
                                   "\"display_name\":\"Friend\",\"followers_count\":40}]}]";
    read_text(familiar, sizeof familiar - 1, "https://social.example/api/v1/accounts/familiar_followers?id[]=1", "", &o);
    assert_int_equal(o.batch.n_accounts, 1);
    assert_int_equal(o.batch.accounts[0].seen, TF_SEEN_FAMILIAR_FOLLOWERS);
    tf_batch_free(&o.batch);

    read_fixture("mastodon/status.json", "https://social.example/api/v1/statuses/1", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(o.batch.n_accounts, 1);
    assert_int_equal(o.batch.accounts[0].seen, TF_SEEN_POST_AUTHOR);
    assert_int_equal(o.batch.n_posts, 1);
    tf_batch_free(&o.batch);

    /* A status's context: four replies by two repliers and the author; the author is no commenter. */
    read_fixture("mastodon/status-context.json", "", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_POST_AUTHOR), 1);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_COMMENTERS), 2);
    tf_batch_free(&o.batch);
}

static void tiktok_user_lists_are_named_by_their_scene_and_video_pages_give_the_author_counts(void **state)
{
    (void)state;
    outcome o;
    read_fixture("tiktok/api-user-list-followers.json", "https://www.tiktok.com/api/user/list/?count=30&scene=67&secUid=x", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_FOLLOWERS), 2);
    const tf_account *a = &o.batch.accounts[0];
    assert_true(a->followers == 5472 && a->following == 9230);
    assert_non_null(a->name);
    assert_false(isnan(a->posts));
    tf_batch_free(&o.batch);
    read_fixture("tiktok/api-user-list-followers.json", "https://www.tiktok.com/api/user/list/?scene=21&count=30", &o);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_FOLLOWING), 2);
    tf_batch_free(&o.batch);
    read_fixture("tiktok/api-user-list-followers.json", "https://www.tiktok.com/api/user/list/?noscene=67", &o);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_LISTED), 2);
    tf_batch_free(&o.batch);

    /* A video's comments: their authors and the replies' as commenters (the audit counts one twice once). */
    read_fixture("tiktok/api-comment-list.json", "https://www.tiktok.com/api/comment/list/?aweme_id=7200000000000000001", &o);
    assert_int_equal(o.status, TF_OK);
    assert_int_equal(count_seen(&o.batch, TF_SEEN_COMMENTERS), 3); /* two comments by one account, a reply; one with no handle */
    const tf_account *c = account_by_handle(&o.batch, "user_c0mment11");
    assert_non_null(c);
    assert_true(c->followers == 12 && c->following == 480 && c->posts == 0);
    assert_string_equal(c->avatar_url, "https://example.invalid/c011");
    assert_non_null(account_by_handle(&o.batch, "user_c0mment12"));
    tf_batch_free(&o.batch);

    /* A video page: UserModule.stats is empty; the author's counts are the video's authorStats. */
    read_fixture("tiktok/sigi-state-video.html", "", &o);
    assert_int_equal(o.status, TF_OK);
    const tf_account *author = account_by_handle(&o.batch, "user_e549a1a5");
    assert_non_null(author);
    assert_int_equal(author->seen, TF_SEEN_POST_AUTHOR);
    assert_true(author->followers == 6200000 && author->following == 563 && author->posts == 767);
    const tf_account *commenter = account_by_handle(&o.batch, "user_c0ffee01");
    assert_non_null(commenter);
    assert_int_equal(commenter->seen, TF_SEEN_COMMENTERS);
    assert_true(isnan(commenter->followers));
    assert_int_equal(o.batch.n_posts, 1);
    tf_batch_free(&o.batch);
}

static void features_see_the_handle_without_its_instance_or_host(void **state)
{
    (void)state;
    char buf[TF_FEATURE_HANDLE_SIZE];
    tf_account a;
    tf_account_init(&a, TF_MASTODON, TF_SEEN_FOLLOWERS);
    a.handle = "ICCI@mstdn.jp";
    assert_string_equal(tf_feature_handle(&a, buf, sizeof buf), "ICCI");
    a.handle = "@ICCI@mstdn.jp";
    assert_string_equal(tf_feature_handle(&a, buf, sizeof buf), "ICCI");
    a.handle = "local";
    assert_string_equal(tf_feature_handle(&a, buf, sizeof buf), "local");
    tf_account_init(&a, TF_BLUESKY, TF_SEEN_FOLLOWERS);
    a.handle = "Someone42.BSKY.social";
    assert_string_equal(tf_feature_handle(&a, buf, sizeof buf), "Someone42");
    a.handle = "nytimes.com"; /* a domain of its own is the handle itself */
    assert_string_equal(tf_feature_handle(&a, buf, sizeof buf), "nytimes.com");
    a.handle = ".bsky.social";
    assert_string_equal(tf_feature_handle(&a, buf, sizeof buf), ".bsky.social");
    tf_account_init(&a, TF_X, TF_SEEN_FOLLOWERS);
    a.handle = "a@b";
    assert_string_equal(tf_feature_handle(&a, buf, sizeof buf), "a@b");

    /* The same account scores the same, local or seen from another instance; its handle stays whole. */
    outcome o;
    read_fixture("mastodon/followers.json", "https://social.example/api/v1/accounts/1/followers", &o);
    tf_account remote = o.batch.accounts[0], local = remote;
    assert_string_equal(remote.handle, "fan_one@other.example");
    local.handle = "fan_one";
    tf_score s_remote, s_local;
    tf_score_account(&remote, 1780000000, NULL, &s_remote);
    tf_score_account(&local, 1780000000, NULL, &s_local);
    assert_true(s_remote.p_fake == s_local.p_fake);
    tf_batch_free(&o.batch);
}

/* ---- the audit over what was read ------------------------------------------------------------------- */

/* The audit of the named fixtures read into one batch, each with its URL. */
static cJSON *audit_of_fixtures(const char *const *names, const char *const *urls, size_t n)
{
    tf_batch batch = {0};
    for (size_t i = 0; i < n; i++) {
        char path[512], message[256];
        snprintf(path, sizeof path, FIXTURES "%s", names[i]);
        size_t len;
        char *text = slurp(path, &len);
        assert_non_null(text);
        tf_read_options options = {urls[i], ""};
        assert_int_equal(tf_read(text, len, &options, &batch, message, sizeof message), TF_OK);
        free(text);
    }
    cJSON *audit = tf_audience_report(&batch, 1780000000, NULL, NAN);
    tf_batch_free(&batch);
    assert_non_null(audit);
    return audit;
}

static const char *string_at(const cJSON *o, const char *key)
{
    return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

static double number_at(const cJSON *o, const char *key)
{
    return cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

static void a_search_result_never_becomes_recent_followers(void **state)
{
    (void)state;
    static const char *const searches[][2] = {
        {"mastodon/followers.json", "https://social.example/api/v1/accounts/search?q=fan"},
        {"mastodon/followers.json", "https://social.example/api/v1/directory"},
        {"bluesky/search-actors.json", ""},
        {"x/SearchTimeline.json", ""},
        {"instagram/topsearch.json", ""},
    };
    for (size_t i = 0; i < sizeof searches / sizeof *searches; i++) {
        const char *names[] = {"mastodon/account-lookup.json", searches[i][0]};
        const char *urls[] = {"", searches[i][1]};
        cJSON *audit = audit_of_fixtures(names, urls, 2);
        if (strstr(string_at(audit, "sample"), "followers") || strcmp(string_at(audit, "sample_kind"), "profile") != 0)
            fail_msg("%s: sampled as \"%s\"", searches[i][0], string_at(audit, "sample"));
        assert_true(number_at(audit, "n") == 1); /* the profile alone */
        assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(audit, "engagers")));
        cJSON_Delete(audit);
    }
    /* The same accounts from a followers URL are the follower sample. */
    const char *names[] = {"mastodon/followers.json"};
    const char *urls[] = {"https://social.example/api/v1/accounts/1/followers"};
    cJSON *audit = audit_of_fixtures(names, urls, 1);
    assert_string_equal(string_at(audit, "sample_kind"), "followers");
    assert_non_null(strstr(string_at(audit, "sample"), "recent followers"));
    cJSON_Delete(audit);
}

static void an_account_a_sample_holds_twice_counts_once(void **state)
{
    (void)state;
    const char *once[] = {"mastodon/followers.json"}, *twice[] = {"mastodon/followers.json", "mastodon/followers.json"};
    const char *urls[] = {"https://social.example/api/v1/accounts/1/followers", "https://social.example/api/v1/accounts/1/followers?max_id=2"};
    cJSON *one = audit_of_fixtures(once, urls, 1), *two = audit_of_fixtures(twice, urls, 2);
    assert_true(number_at(one, "n") > 0);
    assert_true(number_at(two, "n") == number_at(one, "n"));
    assert_true(number_at(two, "left_out_too_little_shown") == number_at(one, "left_out_too_little_shown"));
    cJSON_Delete(one);
    cJSON_Delete(two);

    /* The same on X, where the handle tells accounts apart when... the id does */
    const char *x[] = {"x/Followers_examplestudio.json", "x/Followers_examplestudio.json"};
    const char *x_urls[] = {"", ""};
    one = audit_of_fixtures(x, x_urls, 1);
    two = audit_of_fixtures(x, x_urls, 2);
    assert_true(number_at(two, "n") == number_at(one, "n"));
    cJSON_Delete(one);
    cJSON_Delete(two);
}

static void engagers_get_their_own_estimate_beside_the_follower_sample(void **state)
{
    (void)state;
    const char *names[] = {"x/Followers_examplestudio.json", "x/Retweeters.json", "x/TweetDetail.json"};
    const char *urls[] = {"", "", ""};
    cJSON *audit = audit_of_fixtures(names, urls, 3);
    assert_string_equal(string_at(audit, "sample_kind"), "followers");
    const cJSON *engagers = cJSON_GetObjectItemCaseSensitive(audit, "engagers");
    assert_true(cJSON_IsObject(engagers));
    assert_string_equal(string_at(engagers, "sample_kind"), "engagers");
    const cJSON *kinds = cJSON_GetObjectItemCaseSensitive(engagers, "kinds");
    double n = number_at(engagers, "n"), left_out = number_at(engagers, "left_out_too_little_shown");
    assert_true(number_at(kinds, "reposters") + number_at(kinds, "commenters") + number_at(kinds, "likers") == n);
    assert_true(n + left_out <= 11 + 8 && n > 0); /* 11 reposters and 8 commenters, an account in both once */
    assert_true(number_at(kinds, "likers") == 0);
    for (const char *const *k = (const char *const[]){"real", "inactive", "fake", NULL}; *k; k++)
        assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(engagers, *k), "ci90")), 2);
    assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(engagers, "contrast"))); /* under 30: too few */
    cJSON_Delete(audit);
}

/* ---- the real recordings, when present ------------------------------------------------------------- */

static const char *shared_dir(void)
{
    const char *env = getenv("TRUEFOLLOW_SHARED_FIXTURES");
    return env && *env ? env : "../shared/fixtures";
}

static int read_shared(const char *name, outcome *o)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", shared_dir(), name);
    size_t len;
    char *text = slurp(path, &len);
    if (!text)
        return 0;
    read_text(text, len, "", "", o);
    free(text);
    return 1;
}

/* How many accounts each recording holds, and of which kind (read with no URL, as a user's saved file is). */
static const struct {
    const char *file;
    size_t accounts;
    tf_seen seen; /* of the first account */
} recordings[] = {
    {"bluesky/actor_searchActors.json", 50, TF_SEEN_SEARCH_RESULTS},
    {"bluesky/feed_getLikes.json", 1, TF_SEEN_LIKERS},
    {"bluesky/feed_getRepostedBy.json", 1, TF_SEEN_REPOSTERS},
    {"instagram/PolarisProfilePageContentQuery_public_user.json", 1, TF_SEEN_PROFILE},
    {"instagram/api_v1_friendships_list_users.json", 30, TF_SEEN_FOLLOWERS},
    {"instagram/media_info_items_user.json", 1, TF_SEEN_POST_AUTHOR},
    {"instagram/topsearch_users.json", 5, TF_SEEN_SEARCH_RESULTS},
    /* four searches of one test instance (the same accounts again, each once per response) */
    {"mastodon/accounts_search.json", 5, TF_SEEN_SEARCH_RESULTS},
    {"mastodon/familiar_followers.json", 0, TF_SEEN_FAMILIAR_FOLLOWERS}, /* the recording knows no one */
    {"mastodon/statuses_reblogged_by.json", 1, TF_SEEN_REPOSTERS},
    {"tiktok/api_user_list_followers_2025-10.json", 2, TF_SEEN_LISTED}, /* no URL: no scene names the list */
    {"tiktok/tiktok-profile-page_2022_SIGI_STATE.html", 1, TF_SEEN_PROFILE},
    {"twitter/Followers_2026-08.json", 69, TF_SEEN_FOLLOWERS},
    {"twitter/Retweeters_2026.json", 19, TF_SEEN_REPOSTERS},         /* 20 entries, one unavailable */
    {"twitter/SearchTimeline_2026.json", 18, TF_SEEN_SEARCH_RESULTS}, /* 20 posts by 18 authors */
    {"twitter/TweetDetail_2026.json", 31, TF_SEEN_POST_AUTHOR},      /* the author, then 30 repliers */
    {"twitter/UserByScreenName_2026-08_nolegacy.json", 1, TF_SEEN_PROFILE},
    {"twitter/UserTweets_2026-08.json", 13, TF_SEEN_POST_AUTHOR},
    {"youtube/browse_channel_videos_kurzgesagt_pageHeaderRenderer_2026-01.json", 1, TF_SEEN_PROFILE},
};

static int listed_recording(const char *name)
{
    for (size_t i = 0; i < sizeof recordings / sizeof *recordings; i++)
        if (strcmp(recordings[i].file, name) == 0)
            return (int)i;
    return -1;
}

static void every_real_recording_reads_with_the_right_counts(void **state)
{
    (void)state;
    DIR *top = opendir(shared_dir());
    if (!top) {
        skip();
        return;
    }
    int files = 0;
    struct dirent *platform;
    while ((platform = readdir(top))) {
        if (platform->d_name[0] == '.')
            continue;
        char dir_path[1024];
        snprintf(dir_path, sizeof dir_path, "%s/%s", shared_dir(), platform->d_name);
        DIR *dir = opendir(dir_path);
        if (!dir)
            continue;
        struct dirent *file;
        while ((file = readdir(dir))) {
            if (file->d_name[0] == '.')
                continue;
            char name[1024];
            snprintf(name, sizeof name, "%s/%s", platform->d_name, file->d_name);
            outcome o;
            assert_true(read_shared(name, &o));
            int listed = listed_recording(name);
            size_t expected = listed >= 0 ? recordings[listed].accounts : 1; /* a new recording: read something */
            if (o.status != TF_OK || (expected > 0 && o.batch.n_accounts == 0))
                fail_msg("%s: %s %s", name, tf_status_name(o.status), o.message);
            if (listed >= 0) {
                if (o.batch.n_accounts != expected)
                    fail_msg("%s: %zu accounts, not %zu", name, o.batch.n_accounts, expected);
                if (expected && o.batch.accounts[0].seen != recordings[listed].seen)
                    fail_msg("%s: seen as %s, not %s", name, tf_seen_name(o.batch.accounts[0].seen),
                             tf_seen_name(recordings[listed].seen));
            }
            files++;
            tf_batch_free(&o.batch);
        }
        closedir(dir);
    }
    closedir(top);
    assert_true(files >= 7);

    outcome o;
    if (read_shared("tiktok/tiktok-profile-page_2022_SIGI_STATE.html", &o)) {
        assert_true(o.batch.accounts[0].followers == 6200000 && o.batch.accounts[0].following == 563);
        assert_true(o.batch.accounts[0].posts == 767);
        tf_batch_free(&o.batch);
    }
    if (read_shared("youtube/browse_channel_videos_kurzgesagt_pageHeaderRenderer_2026-01.json", &o)) {
        assert_true(o.batch.accounts[0].followers == 25000000 && o.batch.accounts[0].posts == 337);
        tf_batch_free(&o.batch);
    }
    if (read_shared("twitter/UserTweets_2026-08.json", &o)) {
        assert_true(o.batch.n_posts >= 3);
        tf_batch_free(&o.batch);
    }
    if (read_shared("twitter/TweetDetail_2026.json", &o)) {
        assert_int_equal(o.batch.n_posts, 1); /* the thread's own tweet; replies are their authors' comments */
        for (size_t i = 1; i < o.batch.n_accounts; i++)
            assert_int_equal(o.batch.accounts[i].seen, TF_SEEN_COMMENTERS);
        tf_batch_free(&o.batch);
    }
    if (read_shared("tiktok/api_user_list_followers_2025-10.json", &o)) {
        for (size_t i = 0; i < o.batch.n_accounts; i++)
            assert_false(isnan(o.batch.accounts[i].followers) || isnan(o.batch.accounts[i].following));
        tf_batch_free(&o.batch);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(x_profiles_read_in_the_2026_shape_and_the_legacy_shape_alike),
        cmocka_unit_test(x_follower_lists_skip_unavailable_users_and_spot_default_avatars),
        cmocka_unit_test(x_user_tweets_give_posts_with_counts_and_their_author_once),
        cmocka_unit_test(x_profile_pages_are_read_from_their_json_ld),
        cmocka_unit_test(an_x_redesign_is_unsupported_and_says_what_is_missing),
        cmocka_unit_test(instagram_profiles_read_in_both_eras),
        cmocka_unit_test(instagram_follower_lists_read_in_both_eras_with_default_avatars),
        cmocka_unit_test(instagram_timelines_give_posts_and_the_author),
        cmocka_unit_test(tiktok_pages_prefer_the_exact_stats),
        cmocka_unit_test(tiktok_private_accounts_are_named_as_such),
        cmocka_unit_test(tiktok_item_lists_give_videos_and_their_author),
        cmocka_unit_test(youtube_channel_headers_read_counts_in_the_page_language),
        cmocka_unit_test(a_youtube_handle_where_a_count_should_be_is_no_count),
        cmocka_unit_test(youtube_watch_pages_give_the_owner_and_exact_views),
        cmocka_unit_test(bluesky_profiles_lists_and_feeds_read),
        cmocka_unit_test(mastodon_accounts_count_bio_text_not_tags),
        cmocka_unit_test(dom_records_parse_counts_in_the_page_language),
        cmocka_unit_test(truncated_inputs_are_refused_without_a_crash),
        cmocka_unit_test(a_renamed_count_field_reads_as_unknown_never_as_a_number),
        cmocka_unit_test(x_post_lists_searches_and_threads_are_named_for_what_they_are),
        cmocka_unit_test(bluesky_engagers_searches_and_threads_are_named_for_what_they_are),
        cmocka_unit_test(instagram_search_media_and_likers_are_named_for_what_they_are),
        cmocka_unit_test(mastodon_account_arrays_are_named_by_their_url),
        cmocka_unit_test(tiktok_user_lists_are_named_by_their_scene_and_video_pages_give_the_author_counts),
        cmocka_unit_test(features_see_the_handle_without_its_instance_or_host),
        cmocka_unit_test(a_search_result_never_becomes_recent_followers),
        cmocka_unit_test(an_account_a_sample_holds_twice_counts_once),
        cmocka_unit_test(engagers_get_their_own_estimate_beside_the_follower_sample),
        cmocka_unit_test(every_real_recording_reads_with_the_right_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
