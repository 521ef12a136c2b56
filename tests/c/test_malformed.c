/*
 * Hostile and broken input through the public API (tf_score_input and tf_audit_input), one table row per
 * kind: truncated JSON, wrong types, NaN, Infinity and 1e400, negative counts, counts above 2^53, a string
 * past the input limit, nesting 100,000 deep, invalid UTF-8, NUL bytes, HTML or text where JSON was
 * expected, a million-element array, and a response of the right shape with every field null.
 *
 * Each row says what must come back: a refusal (NULL, tf_last_error naming the problem), "unsupported",
 * "no-data", or an account read with the broken fields null and the sound ones exact. A ten-second alarm
 * turns a hang into a failure; it only detects hangs and says nothing about speed (that is `make bench`).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "cJSON.h"
#include "truefollow.h"

#define HANG_SECONDS 10 /* TF_HANG_SECONDS overrides it: sanitized builds run several times slower */
#define OPTIONS "{\"now\":1790000000}"

typedef enum { REFUSED, UNSUPPORTED, NO_DATA, READ } outcome;

typedef struct text {
    char *bytes;
    size_t len;
} text;

typedef struct malformed_case {
    const char *name;
    text (*build)(void);
    outcome expect;
    const char *message_part; /* in the error or the report's message; NULL: any */
    void (*check)(const cJSON *account); /* READ only: the first account of the score report */
} malformed_case;

/* ---- building inputs ---------------------------------------------------------------------------- */

static text format(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int n = vsnprintf(NULL, 0, fmt, args);
    va_end(args);
    assert_true(n >= 0);
    text t = {malloc((size_t)n + 1), (size_t)n};
    assert_non_null(t.bytes);
    va_start(args, fmt);
    vsnprintf(t.bytes, (size_t)n + 1, fmt, args);
    va_end(args);
    return t;
}

/* prefix, then `unit` count times, then suffix. */
static text repeat(const char *prefix, const char *unit, size_t count, const char *suffix)
{
    size_t p = strlen(prefix), u = strlen(unit), s = strlen(suffix);
    text t = {malloc(p + u * count + s + 1), p + u * count + s};
    assert_non_null(t.bytes);
    char *at = t.bytes;
    memcpy(at, prefix, p);
    at += p;
    for (size_t i = 0; i < count; i++, at += u)
        memcpy(at, unit, u);
    memcpy(at, suffix, s + 1);
    return t;
}

#define PROFILE(fields) \
    "{\"data\":{\"user\":{\"result\":{\"__typename\":\"User\",\"rest_id\":\"9\",\"core\":{\"screen_name\":\"m\"}," fields "}}}}"
#define TIMELINE_HEAD \
    "{\"data\":{\"user\":{\"result\":{\"__typename\":\"User\",\"timeline\":{\"timeline\":{\"instructions\":[" \
    "{\"type\":\"TimelineAddEntries\",\"entries\":["
#define TIMELINE_TAIL "]}]}}}}}}"

static text truncated_json(void)
{
    text t = format(PROFILE("\"relationship_counts\":{\"followers\":1200,\"following\":300}"));
    t.len /= 2;
    t.bytes[t.len] = '\0';
    return t;
}
static text truncated_json_lines(void)
{
    return format(PROFILE("\"relationship_counts\":{\"followers\":1}") "\n{\"data\":{\"user\":{\"res");
}
static text wrong_types(void)
{
    return format(PROFILE("\"relationship_counts\":{\"followers\":\"many\",\"following\":{\"n\":3}},"
                          "\"tweet_counts\":{\"tweets\":[12],\"media_tweets\":true},"
                          "\"action_counts\":{\"favorites_count\":\"12\"},\"profile_bio\":7,\"avatar\":[]"));
}
static text handle_of_wrong_type(void)
{
    return format("{\"data\":{\"user\":{\"result\":{\"__typename\":\"User\",\"core\":{\"screen_name\":42}}}}}");
}
static text nan_literal(void) { return format(PROFILE("\"relationship_counts\":{\"followers\":NaN}")); }
static text infinity_literal(void) { return format(PROFILE("\"relationship_counts\":{\"followers\":Infinity}")); }
static text overflowing_numbers(void)
{
    return format(PROFILE("\"relationship_counts\":{\"followers\":1e400,\"following\":-1e400},"
                          "\"tweet_counts\":{\"tweets\":1e308}"));
}
static text negative_counts(void)
{
    return format(PROFILE("\"relationship_counts\":{\"followers\":-1,\"following\":-0.5},"
                          "\"tweet_counts\":{\"tweets\":\"-7\"}"));
}
static text counts_past_2_53(void)
{
    return format(PROFILE("\"relationship_counts\":{\"followers\":9007199254740993,\"following\":9007199254740991},"
                          "\"tweet_counts\":{\"tweets\":\"18446744073709551616\",\"media_tweets\":9007199254740992}"));
}
static text string_of_100_mb(void)
{
    text t = repeat(PROFILE("\"profile_bio\":{\"description\":\""), "0123456789", 10u * 1024 * 1024, "\"}");
    return t;
}
static text arrays_100000_deep(void) { return repeat("", "[", 100000, ""); }
static text objects_100000_deep(void)
{
    text open = repeat("", "{\"a\":", 100000, "1");
    text all = repeat(open.bytes, "}", 100000, "");
    free(open.bytes);
    return all;
}
static text invalid_utf8_in_strings(void)
{
    return format(PROFILE("\"profile_bio\":{\"description\":\"\xff\xfe\xc3\x28 \xed\xa0\x80 \xf8\x88\x80\x80\x80\"},"
                          "\"relationship_counts\":{\"followers\":5}"));
}
static text invalid_utf8_first(void) { return format("\xff\xfe{\"data\":1}"); }
static text lone_surrogate_escape(void) { return format(PROFILE("\"profile_bio\":{\"description\":\"\\ud800\"}")); }
static text nul_first(void)
{
    text t = format("#{\"data\":{}}");
    t.bytes[0] = '\0';
    return t;
}
static text nul_inside_a_string(void)
{
    text t = format(PROFILE("\"profile_bio\":{\"description\":\"ab#cd\"},\"relationship_counts\":{\"followers\":8}"));
    *strchr(t.bytes, '#') = '\0';
    return t;
}
static text nul_between_tokens(void)
{
    text t = format(PROFILE("\"relationship_counts\":{\"followers\":8}#"));
    *strrchr(t.bytes, '#') = '\0';
    return t;
}
static text html_error_page(void)
{
    return format("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
                  "<body><h1>502 Bad Gateway</h1><script>var data = {\"data\": {\"user\": null}};</script></body></html>");
}
static text text_error_body(void) { return format("Rate limit exceeded. Try again later."); }
static text million_element_array(void) { return repeat("[0", ",0", 999999, "]"); }
static text million_empty_entries(void) { return repeat(TIMELINE_HEAD "{}", ",{}", 999999, TIMELINE_TAIL); }
static text million_json_lines(void) { return repeat("", "{}\n", 1000000, ""); }
/* 100,000 different followers (the audit counts an account once, so each has its own id and handle). */
static text hundred_thousand_followers(void)
{
    enum { N = 100000, ENTRY_MAX = 256 };
    size_t cap = sizeof TIMELINE_HEAD + (size_t)N * ENTRY_MAX + sizeof TIMELINE_TAIL;
    text t = {malloc(cap), 0};
    assert_non_null(t.bytes);
    t.len = (size_t)snprintf(t.bytes, cap, "%s", TIMELINE_HEAD);
    for (int i = 0; i < N; i++)
        t.len += (size_t)snprintf(t.bytes + t.len, cap - t.len,
                                  "%s{\"entryId\":\"user-%d\",\"content\":{\"itemContent\":{\"user_results\":{\"result\":"
                                  "{\"__typename\":\"User\",\"rest_id\":\"%d\",\"core\":{\"screen_name\":\"f%d\"},"
                                  "\"relationship_counts\":{\"followers\":3,\"following\":900}}}}}}",
                                  i ? "," : "", i, i, i);
    t.len += (size_t)snprintf(t.bytes + t.len, cap - t.len, "%s", TIMELINE_TAIL);
    return t;
}
static text every_field_null(void)
{
    return format("{\"data\":{\"user\":{\"result\":{\"__typename\":null,\"rest_id\":null,\"core\":null,\"legacy\":null,"
                  "\"relationship_counts\":null,\"tweet_counts\":null,\"profile_bio\":null,\"avatar\":null,"
                  "\"privacy\":null,\"verification\":null,\"is_blue_verified\":null,\"timeline\":null}}}}");
}
static text every_field_null_but_the_handle(void)
{
    return format("{\"data\":{\"user\":{\"result\":{\"__typename\":\"User\",\"rest_id\":null,"
                  "\"core\":{\"screen_name\":\"n\",\"name\":null,\"created_at\":null},"
                  "\"relationship_counts\":{\"followers\":null,\"following\":null},"
                  "\"tweet_counts\":{\"tweets\":null,\"media_tweets\":null},\"action_counts\":{\"favorites_count\":null},"
                  "\"profile_bio\":null,\"avatar\":{\"image_url\":null},\"privacy\":{\"protected\":null},"
                  "\"verification\":{\"verified\":null,\"verified_type\":null},\"is_blue_verified\":null,"
                  "\"legacy\":null}}}}");
}
static text timeline_entries_all_null(void)
{
    return format(TIMELINE_HEAD "{\"entryId\":null,\"content\":null},{\"entryId\":\"user-1\",\"content\":null},null"
                  TIMELINE_TAIL);
}
static text empty_input(void) { return format(" \r\n\t "); }

/* ---- checking the account read ------------------------------------------------------------------ */

static const cJSON *field(const cJSON *account, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(account, key);
    assert_non_null(v); /* every documented field is present, null when not shown */
    return v;
}

static void assert_null_field(const cJSON *account, const char *key)
{
    if (!cJSON_IsNull(field(account, key)))
        fail_msg("\"%s\" should be null, is %s", key, cJSON_PrintUnformatted(field(account, key)));
}

static void assert_number_field(const cJSON *account, const char *key, double expected)
{
    const cJSON *v = field(account, key);
    assert_true(cJSON_IsNumber(v));
    if (v->valuedouble != expected)
        fail_msg("\"%s\" is %.17g, expected %.17g", key, v->valuedouble, expected);
}

static void check_wrong_types(const cJSON *a)
{
    assert_null_field(a, "followers");
    assert_null_field(a, "following");
    assert_null_field(a, "posts");
    assert_number_field(a, "likes_given", 12); /* a string of digits is a count */
    assert_null_field(a, "default_avatar");
}
static void check_overflow(const cJSON *a)
{
    assert_null_field(a, "followers");
    assert_null_field(a, "following");
    assert_null_field(a, "posts"); /* 1e308 is finite but far past 2^53 */
}
static void check_negative(const cJSON *a)
{
    assert_null_field(a, "followers");
    assert_null_field(a, "following");
    assert_null_field(a, "posts");
}
static void check_past_2_53(const cJSON *a)
{
    assert_null_field(a, "followers");
    assert_number_field(a, "following", 9007199254740991.0); /* 2^53 - 1: the largest exact count, kept */
    assert_null_field(a, "posts");
}
static void check_invalid_utf8(const cJSON *a)
{
    assert_string_equal(cJSON_GetStringValue(field(a, "handle")), "m");
    assert_number_field(a, "followers", 5);
}
static void check_nul_inside(const cJSON *a) { assert_number_field(a, "followers", 8); }
static void check_all_null(const cJSON *a)
{
    static const char *const keys[] = {"id", "name", "followers", "following", "posts", "likes_given",
                                       "created_at", "default_avatar", "verified", "private"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        assert_null_field(a, keys[i]);
    /* Only the handle was shown: too little to judge, so no probability and no reasons are claimed. */
    assert_string_equal(cJSON_GetStringValue(field(a, "verdict")), "not-enough-data");
    assert_null_field(a, "p_fake");
    assert_int_equal(cJSON_GetArraySize(field(a, "reasons")), 0);
}

/* ---- the table ---------------------------------------------------------------------------------- */

static const malformed_case cases[] = {
    {"truncated JSON is refused as not valid JSON", truncated_json, REFUSED, "not valid JSON", NULL},
    {"a truncated last JSON line is refused, naming the line", truncated_json_lines, REFUSED, "line 2", NULL},
    {"counts of the wrong type read as missing", wrong_types, READ, NULL, check_wrong_types},
    {"a handle of the wrong type makes the shape unsupported", handle_of_wrong_type, UNSUPPORTED, "screen_name", NULL},
    {"a NaN literal is refused as not valid JSON", nan_literal, REFUSED, "not valid JSON", NULL},
    {"an Infinity literal is refused as not valid JSON", infinity_literal, REFUSED, "not valid JSON", NULL},
    {"1e400, -1e400 and 1e308 read as missing counts", overflowing_numbers, READ, NULL, check_overflow},
    {"negative counts read as missing", negative_counts, READ, NULL, check_negative},
    {"counts from 2^53 up read as missing, 2^53 - 1 exactly", counts_past_2_53, READ, NULL, check_past_2_53},
    {"a 100 MB string is refused for the input limit", string_of_100_mb, REFUSED, "limit", NULL},
    {"arrays nested 100,000 deep are refused", arrays_100000_deep, REFUSED, "not valid JSON", NULL},
    {"objects nested 100,000 deep are refused", objects_100000_deep, REFUSED, "not valid JSON", NULL},
    {"invalid UTF-8 inside strings does not disturb the counts", invalid_utf8_in_strings, READ, NULL, check_invalid_utf8},
    {"invalid UTF-8 before any JSON is refused", invalid_utf8_first, REFUSED, "neither JSON nor HTML", NULL},
    {"a lone surrogate escape is refused as not valid JSON", lone_surrogate_escape, REFUSED, "not valid JSON", NULL},
    {"a NUL byte first is refused, naming the byte", nul_first, REFUSED, "0x00", NULL},
    {"a NUL byte inside a string does not disturb the counts", nul_inside_a_string, READ, NULL, check_nul_inside},
    /* cJSON takes every byte up to 0x20 between tokens for white space; the document itself is intact. */
    {"a NUL byte after the JSON is taken for white space", nul_between_tokens, READ, NULL, check_nul_inside},
    {"an HTML error page where JSON was expected is unsupported", html_error_page, UNSUPPORTED, "HTML", NULL},
    {"a text error body is refused", text_error_body, REFUSED, "neither JSON nor HTML", NULL},
    {"a million-element array is unsupported", million_element_array, UNSUPPORTED, NULL, NULL},
    {"a timeline of a million entries that are no users has no data", million_empty_entries, NO_DATA, NULL, NULL},
    {"a million JSON lines of empty objects are unsupported", million_json_lines, UNSUPPORTED, "line 1", NULL},
    {"the right shape with every field null is unsupported, naming the missing handle", every_field_null,
     UNSUPPORTED, "screen_name", NULL},
    {"every field null but the handle reads an account of nulls, judged \"not enough data\"", every_field_null_but_the_handle,
     READ, NULL, check_all_null},
    {"timeline entries that are null are unsupported, saying no user was readable", timeline_entries_all_null,
     UNSUPPORTED, "no readable user", NULL},
    {"empty input is refused", empty_input, REFUSED, "empty input", NULL},
    {"a timeline of 100,000 followers is read and audited", hundred_thousand_followers, READ, NULL, NULL},
};

static const char *const status_names[] = {[UNSUPPORTED] = "unsupported", [NO_DATA] = "no-data", [READ] = "ok"};

/* Checks one report against the row; returns the parsed report for further checks. */
static cJSON *check_report(const malformed_case *c, char *report, const char *api)
{
    if (c->expect == REFUSED) {
        if (report)
            fail_msg("%s: expected a refusal, got %.300s", api, report);
        if (c->message_part && !strstr(tf_last_error(), c->message_part))
            fail_msg("%s: the error \"%s\" should mention \"%s\"", api, tf_last_error(), c->message_part);
        return NULL;
    }
    if (!report)
        fail_msg("%s: expected \"%s\", got the error \"%s\"", api, status_names[c->expect], tf_last_error());
    cJSON *doc = cJSON_Parse(report);
    tf_free(report);
    assert_non_null(doc);
    const char *status = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(doc, "status"));
    const char *message = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(doc, "message"));
    assert_non_null(status);
    assert_non_null(message);
    if (strcmp(status, status_names[c->expect]) != 0)
        fail_msg("%s: status \"%s\" (%s), expected \"%s\"", api, status, message, status_names[c->expect]);
    if (c->message_part && !strstr(message, c->message_part))
        fail_msg("%s: the message \"%s\" should mention \"%s\"", api, message, c->message_part);
    return doc;
}

static void malformed_input_gets_a_clear_answer(void **state)
{
    const malformed_case *c = *state;
    const char *hang = getenv("TF_HANG_SECONDS");
    alarm(hang && atoi(hang) > 0 ? (unsigned)atoi(hang) : HANG_SECONDS); /* a hang detector only: SIGALRM ends the run */
    text input = c->build();

    cJSON *score = check_report(c, tf_score_input(input.bytes, input.len, OPTIONS), "score");
    cJSON *audit = check_report(c, tf_audit_input(input.bytes, input.len, OPTIONS), "audit");
    if (score) {
        const cJSON *accounts = cJSON_GetObjectItemCaseSensitive(score, "accounts");
        int n = cJSON_GetArraySize(accounts);
        assert_true(c->expect == READ ? n > 0 : n == 0);
        int unjudged = 0;
        for (const cJSON *a = accounts ? accounts->child : NULL; a; a = a->next) {
            const cJSON *p = field(a, "p_fake");
            /* A probability, or no number at all beside "not enough data": never a made-up one. */
            if (strcmp(cJSON_GetStringValue(field(a, "verdict")), "not-enough-data") == 0) {
                assert_true(cJSON_IsNull(p));
                unjudged++;
            } else {
                assert_true(cJSON_IsNumber(p) && p->valuedouble >= 0 && p->valuedouble <= 1);
            }
        }
        if (c->check)
            c->check(cJSON_GetArrayItem(accounts, 0));
        const cJSON *report = cJSON_GetObjectItemCaseSensitive(audit, "audit");
        const cJSON *audited = cJSON_GetObjectItemCaseSensitive(report, "n");
        const cJSON *left_out = cJSON_GetObjectItemCaseSensitive(report, "left_out_too_little_shown");
        assert_true(cJSON_IsNumber(audited) && cJSON_IsNumber(left_out));
        assert_int_equal((int)left_out->valuedouble, unjudged);
        assert_int_equal((int)audited->valuedouble, n - unjudged); /* the audit counts what the score judged */
    }
    cJSON_Delete(score);
    cJSON_Delete(audit);
    free(input.bytes);
    alarm(0);
}

static void broken_options_are_refused_and_the_core_still_reads_afterwards(void **state)
{
    (void)state;
    const char *profile = PROFILE("\"relationship_counts\":{\"followers\":4}");
    static const char *const broken[] = {"{\"now\":", "[1,2]", "\"now\"", "{\"now\":NaN}", "\xff"};
    for (size_t i = 0; i < sizeof broken / sizeof *broken; i++) {
        assert_null(tf_score_input(profile, strlen(profile), broken[i]));
        assert_non_null(strstr(tf_last_error(), "options"));
    }
    /* Options of the right shape with wrong types fall back to the defaults. */
    char *report = tf_score_input(profile, strlen(profile), "{\"now\":\"soon\",\"lang\":7,\"url\":[],\"fake_threshold\":null}");
    assert_non_null(report);
    assert_non_null(strstr(report, "\"followers\":4"));
    tf_free(report);
}

int main(void)
{
    enum { N = sizeof cases / sizeof *cases };
    struct CMUnitTest tests[N + 1];
    for (size_t i = 0; i < N; i++)
        tests[i] = (struct CMUnitTest){cases[i].name, malformed_input_gets_a_clear_answer, NULL, NULL,
                                       (void *)&cases[i]};
    tests[N] = (struct CMUnitTest){"broken options are refused and the core still reads afterwards",
                                   broken_options_are_refused_and_the_core_still_reads_afterwards, NULL, NULL, NULL};
    return _cmocka_run_group_tests("malformed input", tests, N + 1, NULL, NULL);
}
