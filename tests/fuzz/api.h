/*
 * For the public API harnesses (score.c, audit.c): splits an input into the response and the options JSON,
 * and checks the report is JSON of the documented shape. The options are the bytes after the last NUL,
 * when there is one; otherwise one of a few fixed options, picked by the input's length.
 */
#ifndef TF_FUZZ_API_H
#define TF_FUZZ_API_H

#include "cJSON.h"
#include "fuzz.h"
#include "truefollow.h"

static const char *const tf_fuzz_options[] = {
    NULL,
    "",
    "{\"now\":1790000000}",
    "{\"now\":1790000000,\"lang\":\"de\",\"url\":\"https://x.com/i/api/graphql/abc/Following\"}",
    "{\"now\":-1e308,\"fake_threshold\":-3,\"inactive_posts_per_year\":1e308,\"inactive_days_silent\":-1}",
    "{\"now\":1e308,\"fake_threshold\":2,\"inactive_days_silent\":0,\"lang\":[],\"url\":null}",
    "[1]",
};

typedef struct tf_fuzz_call {
    char *input; /* NUL-terminated copy of the response part */
    size_t len;
    char *options; /* NULL-or-NUL-terminated options JSON, owned when `own_options` */
    int own_options;
} tf_fuzz_call;

static inline tf_fuzz_call tf_fuzz_split(const unsigned char *data, size_t size)
{
    tf_fuzz_call c;
    const unsigned char *nul = NULL;
    for (size_t i = size; i-- > 0;)
        if (data[i] == 0) {
            nul = data + i;
            break;
        }
    if (nul) {
        c.len = (size_t)(nul - data);
        c.options = tf_fuzz_text(nul + 1, size - c.len - 1);
        c.own_options = 1;
    } else {
        c.len = size;
        c.options = (char *)tf_fuzz_options[size % TF_FUZZ_COUNT_OF(tf_fuzz_options)];
        c.own_options = 0;
    }
    c.input = tf_fuzz_text(data, c.len);
    return c;
}

static inline void tf_fuzz_call_free(tf_fuzz_call *c)
{
    free(c->input);
    if (c->own_options)
        free(c->options);
}

/* A report is JSON with a known status; NULL comes with a message. Returns the parsed report or NULL. */
static inline cJSON *tf_fuzz_check_report(char *report)
{
    if (!report) {
        TF_FUZZ_CHECK(tf_last_error()[0] != '\0');
        return NULL;
    }
    cJSON *doc = cJSON_Parse(report);
    TF_FUZZ_CHECK(cJSON_IsObject(doc));
    const char *status = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(doc, "status"));
    TF_FUZZ_CHECK(status && (strcmp(status, "ok") == 0 || strcmp(status, "no-data") == 0 ||
                             strcmp(status, "unsupported") == 0));
    tf_free(report);
    return doc;
}

/* A probability or share: in [0, 1]. */
static inline int tf_fuzz_unit(const cJSON *v)
{
    return cJSON_IsNumber(v) && v->valuedouble >= 0 && v->valuedouble <= 1;
}

/* A probability, or null beside the verdict "not-enough-data". */
static inline int tf_fuzz_p_fake_ok(const cJSON *account)
{
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(account, "p_fake");
    const cJSON *verdict = cJSON_GetObjectItemCaseSensitive(account, "verdict");
    int unknown = cJSON_IsString(verdict) && strcmp(verdict->valuestring, "not-enough-data") == 0;
    return unknown ? cJSON_IsNull(p) : tf_fuzz_unit(p);
}

#endif
