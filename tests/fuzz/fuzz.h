/*
 * Shared by the libFuzzer harnesses in this folder: a check that fails loudly (a finding, not a silent
 * pass), the invariants every read batch must hold, and the deterministic choice of URL and language an
 * input is read with. Each harness is one entry point that takes outside bytes; see mk/fuzz.mk.
 */
#ifndef TF_FUZZ_H
#define TF_FUZZ_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"

#define TF_FUZZ_CHECK(cond)                                                                                  \
    do {                                                                                                     \
        if (!(cond)) {                                                                                       \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond);                     \
            abort();                                                                                         \
        }                                                                                                    \
    } while (0)

/* A count the core reports: not shown (NAN), or a whole number from 0 to below 2^53. */
static inline int tf_fuzz_count_ok(double v)
{
    return isnan(v) || (v >= 0 && v < 9007199254740992.0 && v == floor(v));
}

static inline void tf_fuzz_check_batch(const tf_batch *b)
{
    TF_FUZZ_CHECK(b->n_accounts <= b->cap_accounts && b->n_posts <= b->cap_posts);
    for (size_t i = 0; i < b->n_accounts; i++) {
        const tf_account *a = &b->accounts[i];
        TF_FUZZ_CHECK((unsigned)a->platform < TF_PLATFORM_COUNT);
        TF_FUZZ_CHECK(a->handle == NULL || strlen(a->handle) < (size_t)-1); /* readable, NUL-terminated */
        TF_FUZZ_CHECK(tf_fuzz_count_ok(a->followers) && tf_fuzz_count_ok(a->following));
        TF_FUZZ_CHECK(tf_fuzz_count_ok(a->posts) && tf_fuzz_count_ok(a->media_posts));
        TF_FUZZ_CHECK(tf_fuzz_count_ok(a->likes_given) && tf_fuzz_count_ok(a->listed));
        TF_FUZZ_CHECK(isnan(a->created_at) || isfinite(a->created_at));
        TF_FUZZ_CHECK(isnan(a->last_post_at) || isfinite(a->last_post_at));
    }
    for (size_t i = 0; i < b->n_posts; i++) {
        const tf_post *p = &b->posts[i];
        TF_FUZZ_CHECK(tf_fuzz_count_ok(p->likes) && tf_fuzz_count_ok(p->comments) && tf_fuzz_count_ok(p->reposts));
        TF_FUZZ_CHECK(tf_fuzz_count_ok(p->quotes) && tf_fuzz_count_ok(p->views));
    }
}

/*
 * Where a response came from and the page's language change how adapters read it. The harness picks both
 * from the input's length, so every input is read the same way on every run and the fuzzer reaches every
 * choice by growing or shrinking an input, without a prefix that would spoil the fixture seeds.
 */
static const char *const tf_fuzz_urls[] = {
    "",
    "https://x.com/i/api/graphql/abc/Followers?variables=%7B%7D",
    "https://x.com/i/api/graphql/abc/Following",
    "https://x.com/i/api/graphql/abc/UserByScreenName",
    "https://www.instagram.com/api/v1/friendships/1/followers/?count=12",
    "https://www.tiktok.com/@someone",
    "https://www.youtube.com/@someone/videos",
    "https://public.api.bsky.app/xrpc/app.bsky.graph.getFollowers?actor=a",
    "https://mastodon.social/api/v1/accounts/1/followers",
};
static const char *const tf_fuzz_langs[] = {"", "en", "de", "fr", "ja", "ar", "pt-BR", "zh-Hans"};

#define TF_FUZZ_COUNT_OF(a) (sizeof(a) / sizeof *(a))

static inline const char *tf_fuzz_url(size_t len) { return tf_fuzz_urls[len % TF_FUZZ_COUNT_OF(tf_fuzz_urls)]; }
static inline const char *tf_fuzz_lang(size_t len)
{
    return tf_fuzz_langs[len / TF_FUZZ_COUNT_OF(tf_fuzz_urls) % TF_FUZZ_COUNT_OF(tf_fuzz_langs)];
}

/* A NUL-terminated copy of the input (the core's text entry points expect one); the caller frees it. */
static inline char *tf_fuzz_text(const unsigned char *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        abort();
    memcpy(text, data, size);
    text[size] = '\0';
    return text;
}

#endif
