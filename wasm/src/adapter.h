/*
 * The adapter interface: one adapter per platform turns what a page loaded into tf_account and tf_post
 * records. Each adapter looks at an input and either says it is not its platform, reads it, or says
 * what it recognised but could not read ("unsupported", naming what was missing), never guessing.
 */
#ifndef TF_ADAPTER_H
#define TF_ADAPTER_H

#include <stddef.h>

#include "account.h"
#include "cJSON.h"

typedef struct tf_input {
    const char *text; /* the raw bytes, NUL-terminated */
    size_t len;
    const cJSON *json; /* the parsed document when the input is JSON, else NULL */
    const char *url;   /* where the response came from, when known ("" otherwise) */
    const char *lang;  /* the page's language, e.g. "de" ("" when unknown) */
} tf_input;

typedef enum {
    TF_READ_NOT_MINE,    /* not this platform's shape: try the next adapter */
    TF_READ_OK,          /* records added to the batch */
    TF_READ_UNSUPPORTED, /* this platform, but a shape the adapter does not know; `why` names what is missing */
    TF_READ_NO_MEMORY,
} tf_read_result;

typedef tf_read_result (*tf_adapter_fn)(const tf_input *in, tf_batch *out, char *why, size_t why_size);

/* JSON adapters get inputs that parsed as JSON; HTML adapters get every other input. */
extern const tf_adapter_fn tf_json_adapters[];
extern const tf_adapter_fn tf_html_adapters[];

/* One file per platform (adapter_<platform>.c), each naming the shapes it reads. */
tf_read_result tf_read_x_json(const tf_input *in, tf_batch *out, char *why, size_t why_size);
tf_read_result tf_read_x_html(const tf_input *in, tf_batch *out, char *why, size_t why_size);
tf_read_result tf_read_instagram_json(const tf_input *in, tf_batch *out, char *why, size_t why_size);
tf_read_result tf_read_tiktok_json(const tf_input *in, tf_batch *out, char *why, size_t why_size);
tf_read_result tf_read_tiktok_html(const tf_input *in, tf_batch *out, char *why, size_t why_size);
tf_read_result tf_read_youtube_json(const tf_input *in, tf_batch *out, char *why, size_t why_size);
tf_read_result tf_read_youtube_html(const tf_input *in, tf_batch *out, char *why, size_t why_size);
tf_read_result tf_read_bluesky_json(const tf_input *in, tf_batch *out, char *why, size_t why_size);
tf_read_result tf_read_mastodon_json(const tf_input *in, tf_batch *out, char *why, size_t why_size);

/*
 * The DOM fallback (adapter_dom.c): the extension sends what a page printed when it loaded no JSON,
 *   {"truefollow_dom": {"platform": "x", "handle": "someone", "name": "...", "bio": "...",
 *                       "counts": {"followers": "1,2 Mio.", "following": "321", "posts": "4.567"},
 *                       "lang": "de", "verified": true, "private": false, "avatar_url": "..."}}
 * and the core parses the count strings in the page's language (count.h).
 */
tf_read_result tf_read_dom_json(const tf_input *in, tf_batch *out, char *why, size_t why_size);

#endif
