/*
 * Hostile and broken input through the public API (tf_score_input and tf_audit_input), one row per kind, from
 * the table the wasm tests read too (tests/hostile-inputs.json: truncated JSON, wrong types, NaN, Infinity and
 * 1e400, negative counts, counts above 2^53, a string past the input limit, nesting 100,000 deep, invalid UTF-8,
 * NUL bytes, HTML or text where JSON was expected, a million-element array, a response of the right shape
 * with every field null, ...). Rows marked "only": "wasm" need a JavaScript string and are left to those tests.
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
#include "read_file.h"
#include "truefollow.h"

#define HANG_SECONDS 10 /* TF_HANG_SECONDS overrides it: sanitized builds run several times slower */
#define OPTIONS "{\"now\":1790000000}"

#define TABLE "tests/hostile-inputs.json"
#define PROFILE(fields) \
    "{\"data\":{\"user\":{\"result\":{\"__typename\":\"User\",\"rest_id\":\"9\",\"core\":{\"screen_name\":\"m\"}," fields "}}}}"

typedef enum { REFUSED, UNSUPPORTED, NO_DATA, READ } outcome;

typedef struct text {
    char *bytes;
    size_t len, cap; /* cap: bytes allocated, grown by doubling so that building a large input stays linear */
} text;

typedef struct malformed_case {
    const char *name;
    const cJSON *input; /* the parts, see TABLE */
    outcome expect;
    const char *message_part; /* in the error or the report's message; NULL: any */
    const cJSON *account;     /* READ only: fields the first account of the score report has, exactly */
} malformed_case;

static const cJSON *snippets;

/* ---- building inputs from the table's parts ------------------------------------------------------ */

/* Room for `more` bytes and the closing NUL. */
static void reserve(text *t, size_t more)
{
    if (t->len + more + 1 <= t->cap)
        return;
    size_t cap = t->cap ? t->cap : 256;
    while (cap < t->len + more + 1)
        cap *= 2;
    char *grown = realloc(t->bytes, cap);
    assert_non_null(grown);
    t->bytes = grown;
    t->cap = cap;
}

static void append(text *t, const char *bytes, size_t len)
{
    reserve(t, len);
    memcpy(t->bytes + t->len, bytes, len);
    t->len += len;
    t->bytes[t->len] = '\0';
}

static size_t count_of(const cJSON *part)
{
    const cJSON *times = cJSON_GetObjectItemCaseSensitive(part, "times");
    assert_true(cJSON_IsNumber(times) && times->valuedouble >= 0);
    return (size_t)times->valuedouble;
}

/* `unit` with every "{i}" replaced by i. */
static void append_numbered(text *t, const char *unit, size_t i)
{
    char number[32];
    int n = snprintf(number, sizeof number, "%zu", i);
    for (const char *at = unit, *mark; *at; at = mark + 3) {
        mark = strstr(at, "{i}");
        if (!mark) {
            append(t, at, strlen(at));
            return;
        }
        append(t, at, (size_t)(mark - at));
        append(t, number, (size_t)n);
    }
}

static void append_parts(text *t, const cJSON *parts)
{
    const cJSON *part;
    cJSON_ArrayForEach(part, parts) {
        const cJSON *v;
        if (cJSON_IsString(part)) {
            append(t, part->valuestring, strlen(part->valuestring));
        } else if ((v = cJSON_GetObjectItemCaseSensitive(part, "snippet"))) {
            const char *snippet = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(snippets, cJSON_GetStringValue(v)));
            assert_non_null(snippet);
            append(t, snippet, strlen(snippet));
        } else if ((v = cJSON_GetObjectItemCaseSensitive(part, "repeat"))) {
            size_t unit = strlen(v->valuestring), times = count_of(part);
            reserve(t, unit * times);
            for (size_t i = 0; i < times; i++, t->len += unit)
                memcpy(t->bytes + t->len, v->valuestring, unit);
            t->bytes[t->len] = '\0';
        } else if ((v = cJSON_GetObjectItemCaseSensitive(part, "numbered"))) {
            const char *separator = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(part, "separator"));
            for (size_t i = 0, times = count_of(part); i < times; i++) {
                if (i && separator)
                    append(t, separator, strlen(separator));
                append_numbered(t, v->valuestring, i);
            }
        } else if ((v = cJSON_GetObjectItemCaseSensitive(part, "bytes"))) {
            const cJSON *byte;
            cJSON_ArrayForEach(byte, v) {
                char c = (char)(unsigned char)byte->valueint;
                append(t, &c, 1);
            }
        } else if ((v = cJSON_GetObjectItemCaseSensitive(part, "first_half_of"))) {
            text whole = {NULL, 0, 0};
            append(&whole, "", 0);
            append_parts(&whole, v);
            append(t, whole.bytes, whole.len / 2);
            free(whole.bytes);
        } else {
            fail_msg("a part of no known kind in " TABLE);
        }
    }
}

static text build(const malformed_case *c)
{
    text t = {NULL, 0, 0};
    append(&t, "", 0);
    append_parts(&t, c->input);
    return t;
}

/* ---- checking the account read ------------------------------------------------------------------ */

static const cJSON *field(const cJSON *account, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(account, key);
    assert_non_null(v); /* every documented field is present, null when not shown */
    return v;
}

/* The first account has every field the row names, with exactly that value. */
static void check_account(const cJSON *account, const cJSON *expected)
{
    const cJSON *want;
    cJSON_ArrayForEach(want, expected) {
        const cJSON *got = field(account, want->string);
        if (!cJSON_Compare(got, want, 1)) {
            char *g = cJSON_PrintUnformatted(got), *w = cJSON_PrintUnformatted(want);
            fail_msg("\"%s\" is %s, expected %s", want->string, g, w);
        }
    }
}

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
    text input = build(c);

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
        if (c->account)
            check_account(cJSON_GetArrayItem(accounts, 0), c->account);
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

static outcome outcome_of(const char *expect)
{
    static const char *const names[] = {[REFUSED] = "refused", [UNSUPPORTED] = "unsupported", [NO_DATA] = "no-data",
                                        [READ] = "ok"};
    for (int i = 0; i <= READ; i++)
        if (expect && strcmp(expect, names[i]) == 0)
            return (outcome)i;
    fprintf(stderr, TABLE ": unknown expect \"%s\"\n", expect ? expect : "(none)");
    exit(1);
}

int main(void)
{
    size_t len = 0;
    char *json = read_whole_file(TABLE, SIZE_MAX, &len);
    cJSON *table = json ? cJSON_ParseWithLength(json, len) : NULL;
    free(json);
    if (!table) {
        fprintf(stderr, "cannot read " TABLE "\n");
        return 1;
    }
    snippets = cJSON_GetObjectItemCaseSensitive(table, "snippets");
    const cJSON *rows = cJSON_GetObjectItemCaseSensitive(table, "rows");
    int n = cJSON_GetArraySize(rows);
    malformed_case *cases = calloc((size_t)n, sizeof *cases);
    struct CMUnitTest *tests = calloc((size_t)n + 1, sizeof *tests);
    if (!cases || !tests)
        return 1;
    int count = 0;
    const cJSON *row;
    cJSON_ArrayForEach(row, rows) {
        const char *only = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(row, "only"));
        if (only && strcmp(only, "wasm") == 0)
            continue;
        malformed_case *c = &cases[count];
        c->name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(row, "name"));
        c->input = cJSON_GetObjectItemCaseSensitive(row, "input");
        c->expect = outcome_of(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(row, "expect")));
        c->message_part = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(row, "message"));
        c->account = cJSON_GetObjectItemCaseSensitive(row, "account");
        tests[count] = (struct CMUnitTest){c->name, malformed_input_gets_a_clear_answer, NULL, NULL, c};
        count++;
    }
    tests[count] = (struct CMUnitTest){"broken options are refused and the core still reads afterwards",
                                       broken_options_are_refused_and_the_core_still_reads_afterwards, NULL, NULL, NULL};
    int failed = _cmocka_run_group_tests("malformed input", tests, (size_t)count + 1, NULL, NULL);
    free(tests);
    free(cases);
    cJSON_Delete(table);
    return failed;
}
