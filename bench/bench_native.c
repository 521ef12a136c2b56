/*
 * bench_native: the core's speed natively, and XGBoost's own C library predicting the same models on the
 * same accounts, one account at a time (the reference a user would otherwise reach for). Not a test.
 *
 *   bench_native FOLLOWERS.json MODELS_DIR     (MODELS_DIR: XGBoost's .json of each shipped model;
 *                                               "" leaves XGBoost out)
 *
 * Prints one JSON object: nanoseconds per account scored (features, trees, contributions, reasons, verdict)
 * by the core, per account predicted by XGBoost (XGBoosterPredictFromDense on one row, the vector already
 * built; and with the core's feature building added), megabytes per second read and scored and parsed by
 * cJSON alone, and the audience estimate over 100,000 scored followers. Every figure is the median of
 * ROUNDS timed rounds after a warm-up, in CPU time. The accounts are the followers list given, as the extension sees it.
 * It also checks that XGBoost and the core agree on every account (largest difference in probability).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xgboost/c_api.h>

#include "bench_api.h"
#include "model.h"
#include "profile_features.h"
#include "read.h"
#include "read_file.h"

#define ROUNDS 7
#define NOW 1.76e9
#define URL "https://x.com/i/api/graphql/Fx1Example0Query/Followers"
#define AUDIT_N 100000
#define MAX_MODELS 8

/* CPU time of this thread: on a machine shared with other work, it is what the code costs. */
static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, compare_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}


static void die(const char *what, const char *why)
{
    fprintf(stderr, "bench_native: %s: %s\n", what, why);
    exit(1);
}

/* Seconds per unit of `fn(repeats)` (a tf_bench_* call returning units done), the read-once cost removed
 * by timing `repeats` = 0 alongside. */
typedef long (*bench_fn)(const char *input, size_t len, int repeats);
static const char *g_input;
static size_t g_len;
static long score_repeated(const char *in, size_t len, int r) { return tf_bench_score_repeated(in, len, URL, NOW, r); }
static long ingest(const char *in, size_t len, int r) { return tf_bench_ingest(in, len, URL, NOW, r); }
static long cjson(const char *in, size_t len, int r) { return tf_bench_cjson_parse(in, len, r); }
static long audit(const char *in, size_t len, int r) { return tf_bench_audit(in, len, URL, NOW, AUDIT_N, r); }

typedef struct measure {
    bench_fn fn;
    int repeats, subtract_zero;
    double samples[ROUNDS];
} measure;

/* Seconds per unit for each measure, the measures taking turns within each round (as in bench_wasm.mjs),
 * the median of the rounds for each. */
static void per_unit(measure *ms, int n, double *out)
{
    for (int k = 0; k < n; k++) /* warm-up */
        ms[k].fn(g_input, g_len, ms[k].repeats);
    for (int i = 0; i < ROUNDS; i++)
        for (int k = 0; k < n; k++) {
            double zero = 0;
            if (ms[k].subtract_zero) {
                double z0 = seconds();
                ms[k].fn(g_input, g_len, 0);
                zero = seconds() - z0;
            }
            double t0 = seconds();
            long units = ms[k].fn(g_input, g_len, ms[k].repeats);
            double elapsed = seconds() - t0 - zero;
            if (units <= 0)
                die("the followers file", "the core could not read it");
            ms[k].samples[i] = elapsed / (double)units;
        }
    for (int k = 0; k < n; k++)
        out[k] = median(ms[k].samples, ROUNDS);
}

/* XGBoost: the accounts' vectors (built as the core builds them), one booster per model, one row a call. */
typedef struct xgb_case {
    BoosterHandle booster;
    char iface[200];
    float x[TF_N_FEATURES];
    double core_p; /* the core's uncalibrated probability, for the agreement check */
} xgb_case;

static const char *const PREDICT_CONFIG =
    "{\"type\": 0, \"training\": false, \"iteration_begin\": 0, \"iteration_end\": 0, \"strict_shape\": false, "
    "\"cache_id\": 0, \"missing\": NaN}";

static void vector_of(const tf_account *a, float x[TF_N_FEATURES], const tf_tree_model **model)
{
    int card = tf_model_is_card(a);
    const tf_tree_model *m = tf_model_for(a->platform, card);
    tf_facts facts;
    tf_facts_from_account(a, NOW, &facts);
    tf_features_from_facts(&facts, x);
    tf_features_mask_view(x, tf_view_bit(a->platform, card || strcmp(m->name, "card") == 0));
    *model = m;
}

static float xgb_predict(const xgb_case *c, const char *iface)
{
    const bst_ulong *shape;
    bst_ulong dim;
    const float *out;
    if (XGBoosterPredictFromDense(c->booster, iface, PREDICT_CONFIG, NULL, &shape, &dim, &out))
        die("XGBoost", XGBGetLastError());
    return out[0];
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench_native FOLLOWERS.json MODELS_DIR\n");
        return 2;
    }
    g_input = read_whole_file(argv[1], SIZE_MAX, &g_len);
    if (!g_input)
        die(argv[1], "cannot read");

    tf_batch batch = {0};
    char message[256];
    tf_read_options options = {URL, NULL};
    if (tf_read(g_input, g_len, &options, &batch, message, sizeof message) != TF_OK || !batch.n_accounts)
        die(argv[1], "no accounts read");
    size_t n = batch.n_accounts;

    /* grouped as in bench_wasm.mjs: ingest takes turns with cJSON alone; the audit last */
    measure score_m[] = {{score_repeated, 2000, 1, {0}}};
    measure read_m[] = {{ingest, 20, 0, {0}}, {cjson, 20, 0, {0}}};
    measure audit_m[] = {{audit, 1, 1, {0}}};
    double score_s, read_t[2], audit_s;
    per_unit(score_m, 1, &score_s);
    per_unit(read_m, 2, read_t);
    per_unit(audit_m, 1, &audit_s);
    double ingest_s = read_t[0] * (double)n /* per input */, cjson_s = read_t[1];

    if (!*argv[2]) {
        printf("{\"accounts\": %zu, \"input_bytes\": %zu, \"score_ns_native\": %.1f, \"ingest_mb_s_native\": %.2f, "
               "\"cjson_parse_mb_s_native\": %.2f, \"audit_100k_ms_native\": %.2f}\n",
               n, g_len, score_s * 1e9, (double)g_len / ingest_s / 1e6, (double)g_len / cjson_s / 1e6, audit_s * 1e3);
        return 0;
    }

    /* XGBoost */
    const char *names[MAX_MODELS];
    BoosterHandle boosters[MAX_MODELS];
    int n_boosters = 0;
    xgb_case *cases = calloc(n, sizeof *cases);
    if (!cases)
        die("memory", "out of memory");
    for (size_t i = 0; i < n; i++) {
        const tf_tree_model *m;
        vector_of(&batch.accounts[i], cases[i].x, &m);
        float contrib_unused[TF_N_FEATURES + 1];
        float margin = tf_tree_model_margin(m, cases[i].x, contrib_unused);
        cases[i].core_p = 1 / (1 + exp(-(double)margin));
        int b = 0;
        while (b < n_boosters && strcmp(names[b], m->name) != 0)
            b++;
        if (b == n_boosters) {
            char path[1024];
            snprintf(path, sizeof path, "%s/%s.json", argv[2], m->name);
            if (n_boosters == MAX_MODELS || XGBoosterCreate(NULL, 0, &boosters[b]) ||
                XGBoosterLoadModel(boosters[b], path) || XGBoosterSetParam(boosters[b], "nthread", "1"))
                die(path, XGBGetLastError());
            names[b] = m->name;
            n_boosters++;
        }
        cases[i].booster = boosters[b];
        snprintf(cases[i].iface, sizeof cases[i].iface,
                 "{\"data\": [%llu, true], \"shape\": [1, %d], \"typestr\": \"<f4\", \"version\": 3}",
                 (unsigned long long)(uintptr_t)cases[i].x, TF_N_FEATURES);
    }
    double max_diff = 0, sink = 0;
    for (size_t i = 0; i < n; i++)
        max_diff = fmax(max_diff, fabs(xgb_predict(&cases[i], cases[i].iface) - cases[i].core_p));

    enum { XGB_REPEATS = 200 };
    double predict_t[ROUNDS], with_features_t[ROUNDS];
    for (int round = -1; round < ROUNDS; round++) { /* round -1 warms up */
        double t0 = seconds();
        for (int r = 0; r < XGB_REPEATS; r++)
            for (size_t i = 0; i < n; i++)
                sink += xgb_predict(&cases[i], cases[i].iface);
        double t1 = seconds();
        /* the same with each vector built afresh by the core's features, as scoring does */
        for (int r = 0; r < XGB_REPEATS; r++)
            for (size_t i = 0; i < n; i++) {
                const tf_tree_model *m;
                vector_of(&batch.accounts[i], cases[i].x, &m);
                sink += xgb_predict(&cases[i], cases[i].iface);
            }
        double t2 = seconds();
        if (round >= 0) {
            predict_t[round] = (t1 - t0) / (XGB_REPEATS * (double)n);
            with_features_t[round] = (t2 - t1) / (XGB_REPEATS * (double)n);
        }
    }

    int major, minor, patch;
    XGBoostVersion(&major, &minor, &patch);
    printf("{\"accounts\": %zu, \"input_bytes\": %zu, \"score_ns_native\": %.1f, \"xgboost_predict_ns_native\": %.1f, "
           "\"xgboost_features_predict_ns_native\": %.1f, \"xgboost_max_abs_diff\": %.3g, "
           "\"ingest_mb_s_native\": %.2f, \"cjson_parse_mb_s_native\": %.2f, \"audit_100k_ms_native\": %.2f, "
           "\"xgboost_version\": \"%d.%d.%d\"}\n",
           n, g_len, score_s * 1e9, median(predict_t, ROUNDS) * 1e9, median(with_features_t, ROUNDS) * 1e9, max_diff,
           (double)g_len / ingest_s / 1e6, (double)g_len / cjson_s / 1e6, audit_s * 1e3,
           major, minor, patch);
    for (int b = 0; b < n_boosters; b++)
        XGBoosterFree(boosters[b]);
    free(cases);
    tf_batch_free(&batch);
    free((char *)g_input);
    return sink == 42 ? 1 : 0;
}
