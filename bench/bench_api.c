/*
 * Entry points for `make bench` (bench/): the core's hot paths run many times inside one call, so that the
 * caller's clock measures the C work and not the crossing into wasm, nor JSON built for every account.
 * They are linked into the bench's builds only (mk/bench.mk; exported by bench/exports.json), never into what
 * users get, and used by bench/bench_native.c and bench/bench_wasm.mjs,
 * native and wasm running the same C. Each returns how much it did, never a time: the caller times the call.
 * A negative return means the input could not be read or memory ran out.
 *
 * Left out: anything the extension needs. These functions only repeat work the public API already does.
 */
#include "bench_api.h"

#include <malloc.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "cJSON.h"
#include "engagement.h"
#include "factory.h"
#include "model.h"
#include "read.h"
#include "report.h"
#include "score.h"

static int read_batch(const char *input, size_t len, const char *url, tf_batch *batch)
{
    char message[256];
    tf_read_options options = {url, NULL};
    memset(batch, 0, sizeof *batch);
    if (tf_read(input, len, &options, batch, message, sizeof message) != TF_OK) {
        tf_batch_free(batch);
        return -1;
    }
    return 0;
}

long tf_bench_score_repeated(const char *input, size_t len, const char *url, double now, int repeats)
{
    tf_batch batch;
    if (read_batch(input, len, url, &batch))
        return -1;
    long scored = 0;
    double sink = 0; /* keeps the compiler from dropping the scores */
    for (int r = 0; r < repeats; r++)
        for (size_t i = 0; i < batch.n_accounts; i++) {
            tf_score s;
            tf_score_account(&batch.accounts[i], now, &tf_default_thresholds, &s);
            sink += s.p_fake;
            scored++;
        }
    tf_batch_free(&batch);
    return sink < 0 ? -1 : scored;
}

long tf_bench_ingest(const char *input, size_t len, const char *url, double now, int repeats)
{
    long scored = 0;
    double sink = 0;
    for (int r = 0; r < repeats; r++) {
        tf_batch batch;
        if (read_batch(input, len, url, &batch))
            return -1;
        for (size_t i = 0; i < batch.n_accounts; i++) {
            tf_score s;
            tf_score_account(&batch.accounts[i], now, &tf_default_thresholds, &s);
            sink += s.p_fake;
            scored++;
        }
        tf_batch_free(&batch);
    }
    return sink < 0 ? -1 : scored;
}

long tf_bench_cjson_parse(const char *input, size_t len, int repeats)
{
    long parsed = 0;
    for (int r = 0; r < repeats; r++) {
        cJSON *doc = cJSON_ParseWithLength(input, len);
        if (!doc)
            return -1;
        parsed += doc->child != NULL;
        cJSON_Delete(doc);
    }
    return parsed;
}

/* One audit as tf_audience_report makes it from scores it already has: estimate, Follower Factory,
 * engagement (no posts here) and the JSON text. Returns the text's length, or -1. */
static long audit_once(const tf_score *scores, const double *created, size_t n, tf_platform platform)
{
    tf_error_rates rates;
    tf_model_error_rates(platform, &rates);
    tf_audit audit;
    tf_audit_estimate(scores, n, &rates, TF_SEEN_FOLLOWERS, &audit);
    tf_factory_result factory;
    if (tf_factory_find(created, n, &factory))
        return -1;
    tf_engagement engagement;
    tf_engagement_measure(platform, NULL, 0, NAN, &engagement);
    cJSON *report = tf_audit_report(&audit, NAN, NULL, &factory, &engagement);
    free(factory.runs);
    char *text = report ? cJSON_PrintUnformatted(report) : NULL;
    cJSON_Delete(report);
    long length = text ? (long)strlen(text) : -1;
    free(text);
    return length;
}

long tf_bench_audit(const char *input, size_t len, const char *url, double now, int n, int repeats)
{
    tf_batch batch;
    if (n < 0 || read_batch(input, len, url, &batch))
        return -1;
    /* The input's followers, scored once, repeated in follow order until there are n. */
    size_t *followers = malloc((batch.n_accounts + 1) * sizeof *followers);
    size_t m = 0;
    for (size_t i = 0; followers && i < batch.n_accounts; i++)
        if (batch.accounts[i].seen == TF_SEEN_FOLLOWERS)
            followers[m++] = i;
    tf_score *own = malloc((m + 1) * sizeof *own);
    tf_score *scores = malloc(((size_t)n + 1) * sizeof *scores);
    double *created = malloc(((size_t)n + 1) * sizeof *created);
    tf_platform platform = batch.n_accounts ? batch.accounts[0].platform : TF_X;
    long done = m && own && scores && created ? 0 : -1;
    for (size_t i = 0; done == 0 && i < m; i++)
        tf_score_account(&batch.accounts[followers[i]], now, &tf_default_thresholds, &own[i]);
    for (size_t i = 0; done == 0 && i < (size_t)n; i++) {
        scores[i] = own[i % m];
        created[i] = batch.accounts[followers[i % m]].created_at;
    }
    for (int r = 0; done >= 0 && r < repeats; r++)
        done = audit_once(scores, created, (size_t)n, platform) < 0 ? -1 : done + 1;
    free(followers), free(own), free(scores), free(created);
    tf_batch_free(&batch);
    return done;
}

long tf_bench_heap_in_use(void)
{
#if defined(__EMSCRIPTEN__)
    return (long)mallinfo().uordblks;
#elif defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    return (long)mallinfo2().uordblks;
#else
    return 0;
#endif
}
