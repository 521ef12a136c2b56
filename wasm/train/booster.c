/*
 * XGBoost wrapper for the training program (see booster.h).
 * The .tfm file: a header (name, version, columns, base margin, calibration, held-out error rates) and one
 * line per tree node: left right feature default_left value mean. `mean` is the node's cover-weighted mean
 * leaf value, computed in float exactly as XGBoost computes it for approximate (Saabas) contributions.
 */
#include "booster.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xgboost/c_api.h>

#include "cJSON.h"

const booster_params default_booster_params = {.rounds = 50, .max_depth = 4, .eta = 0.2, .min_child_weight = 1, .lambda = 0,
                                               .monotone = NULL, .n_monotone = 0};

#define XGB(call)                                                                          \
    do {                                                                                   \
        if ((call) != 0) {                                                                 \
            fprintf(stderr, "train: xgboost: %s: %s\n", #call, XGBGetLastError());          \
            goto fail;                                                                     \
        }                                                                                  \
    } while (0)

static booster train_rows(const float *x, const float *y, const float *weight, int n, int ncol,
                          const booster_params *p);

booster booster_train(const float *x, const float *y, const float *weight, int n, int ncol, const booster_params *p)
{
    int copies = 0;
    for (int k = 0; k < BOOSTER_MAX_HIDDEN_COPIES; k++)
        copies += p->hidden_copies[k].columns && p->hidden_copies[k].weight > 0;
    if (!copies)
        return train_rows(x, y, weight, n, ncol, p);
    size_t cells = (size_t)n * (size_t)ncol, total = (size_t)(copies + 1) * (size_t)n;
    float *x2 = malloc(total * (size_t)ncol * sizeof *x2), *y2 = malloc(total * sizeof *y2);
    float *w2 = malloc(total * sizeof *w2);
    booster b = NULL;
    if (x2 && y2 && w2) {
        memcpy(x2, x, cells * sizeof *x);
        memcpy(y2, y, (size_t)n * sizeof *y);
        for (int i = 0; i < n; i++)
            w2[i] = weight ? weight[i] : 1.0f;
        size_t at = (size_t)n; /* the first row of the next copy */
        for (int k = 0; k < BOOSTER_MAX_HIDDEN_COPIES; k++) {
            const struct hidden_copy *h = &p->hidden_copies[k];
            if (!h->columns || h->weight <= 0)
                continue;
            memcpy(x2 + at * (size_t)ncol, x, cells * sizeof *x);
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < ncol && c < 64; c++)
                    if (h->columns & (1ull << c))
                        x2[(at + (size_t)i) * (size_t)ncol + (size_t)c] = NAN;
                y2[at + (size_t)i] = y[i];
                w2[at + (size_t)i] = w2[i] * (float)h->weight;
            }
            at += (size_t)n;
        }
        b = train_rows(x2, y2, w2, (int)total, ncol, p);
    }
    free(x2);
    free(y2);
    free(w2);
    return b;
}

static booster train_rows(const float *x, const float *y, const float *weight, int n, int ncol,
                          const booster_params *p)
{
    DMatrixHandle d = NULL;
    BoosterHandle b = NULL;
    char buf[32], monotone[1024];
    XGB(XGDMatrixCreateFromMat(x, (bst_ulong)n, (bst_ulong)ncol, NAN, &d));
    XGB(XGDMatrixSetFloatInfo(d, "label", y, (bst_ulong)n));
    if (weight)
        XGB(XGDMatrixSetFloatInfo(d, "weight", weight, (bst_ulong)n));
    XGB(XGBoosterCreate(&d, 1, &b));
    XGB(XGBoosterSetParam(b, "objective", "binary:logistic"));
    XGB(XGBoosterSetParam(b, "base_score", "0.5"));
    XGB(XGBoosterSetParam(b, "tree_method", "exact"));
    XGB(XGBoosterSetParam(b, "nthread", "1"));
    XGB(XGBoosterSetParam(b, "seed", "20150214"));
    snprintf(buf, sizeof buf, "%d", p->max_depth);
    XGB(XGBoosterSetParam(b, "max_depth", buf));
    snprintf(buf, sizeof buf, "%g", p->eta);
    XGB(XGBoosterSetParam(b, "eta", buf));
    snprintf(buf, sizeof buf, "%g", p->min_child_weight);
    XGB(XGBoosterSetParam(b, "min_child_weight", buf));
    if (p->lambda > 0) {
        snprintf(buf, sizeof buf, "%g", p->lambda);
        XGB(XGBoosterSetParam(b, "lambda", buf));
    }
    if (p->monotone) {
        size_t at = 0;
        for (int c = 0; c < ncol && at + 8 < sizeof monotone; c++)
            at += (size_t)snprintf(monotone + at, sizeof monotone - at, "%s%d", c ? "," : "(",
                                   c < p->n_monotone ? p->monotone[c] : 0);
        snprintf(monotone + at, sizeof monotone - at, ")");
        XGB(XGBoosterSetParam(b, "monotone_constraints", monotone));
    }
    for (int i = 0; i < p->rounds; i++)
        XGB(XGBoosterUpdateOneIter(b, i, d));
    XGDMatrixFree(d);
    return b;
fail:
    if (b)
        XGBoosterFree(b);
    if (d)
        XGDMatrixFree(d);
    return NULL;
}

/* XGBoost's prediction of n rows of type `type` (1: margins, 2: TreeSHAP contributions), `per_row` values a row. */
static int predict(booster b, const float *x, int n, int ncol, int type, size_t per_row, double *out)
{
    char config[128];
    snprintf(config, sizeof config,
             "{\"type\": %d, \"training\": false, \"iteration_begin\": 0, \"iteration_end\": 0, \"strict_shape\": false}", type);
    DMatrixHandle d = NULL;
    const bst_ulong *shape;
    bst_ulong dim;
    const float *res;
    XGB(XGDMatrixCreateFromMat(x, (bst_ulong)n, (bst_ulong)ncol, NAN, &d));
    XGB(XGBoosterPredictFromDMatrix(b, d, config, &shape, &dim, &res));
    for (size_t i = 0; i < (size_t)n * per_row; i++)
        out[i] = res[i];
    XGDMatrixFree(d);
    return 0;
fail:
    if (d)
        XGDMatrixFree(d);
    return -1;
}

int booster_margins(booster b, const float *x, int n, int ncol, double *out)
{
    return predict(b, x, n, ncol, 1, 1, out);
}

int booster_contributions(booster b, const float *x, int n, int ncol, double *out)
{
    return predict(b, x, n, ncol, 2, (size_t)ncol + 1, out);
}

void booster_free(booster b)
{
    if (b)
        XGBoosterFree(b);
}

int booster_save(booster b, const char *path)
{
    XGB(XGBoosterSaveModel(b, path));
    return 0;
fail:
    return -1;
}

static float node_mean(const cJSON *tree, int nid, float *mean)
{
    const cJSON *left = cJSON_GetObjectItem(tree, "left_children");
    const cJSON *right = cJSON_GetObjectItem(tree, "right_children");
    const cJSON *cond = cJSON_GetObjectItem(tree, "split_conditions");
    const cJSON *hess = cJSON_GetObjectItem(tree, "sum_hessian");
    int l = cJSON_GetArrayItem(left, nid)->valueint, r = cJSON_GetArrayItem(right, nid)->valueint;
    float result;
    if (l < 0) {
        result = (float)cJSON_GetArrayItem(cond, nid)->valuedouble;
    } else {
        result = node_mean(tree, l, mean) * (float)cJSON_GetArrayItem(hess, l)->valuedouble;
        result += node_mean(tree, r, mean) * (float)cJSON_GetArrayItem(hess, r)->valuedouble;
        result /= (float)cJSON_GetArrayItem(hess, nid)->valuedouble;
    }
    mean[nid] = result;
    return result;
}

/* FNV-1a, to name a model version by its content. */
static unsigned fnv1a(const char *s, size_t n, unsigned h)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* Appends to a growing string; returns 0 on success. */
typedef struct text { char *s; size_t n, cap; } text;
static int append(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#include <stdarg.h>
static int append(text *t, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int k = vsnprintf(t->s ? t->s + t->n : NULL, t->s ? t->cap - t->n : 0, fmt, ap);
        va_end(ap);
        if (k < 0)
            return -1;
        if (t->s && t->n + (size_t)k < t->cap) {
            t->n += (size_t)k;
            return 0;
        }
        size_t cap = (t->cap + (size_t)k + 1) * 2;
        char *bigger = realloc(t->s, cap);
        if (!bigger)
            return -1;
        t->s = bigger;
        t->cap = cap;
    }
}

int booster_write_tfm(booster b, const tfm_meta *meta, const char *path)
{
    bst_ulong len;
    const char *raw;
    cJSON *doc = NULL;
    text body = {0};
    float *mean = NULL;
    int rc = -1;
    XGB(XGBoosterSaveModelToBuffer(b, "{\"format\": \"json\"}", &len, &raw));
    doc = cJSON_ParseWithLength(raw, len);
    const cJSON *learner = cJSON_GetObjectItem(doc, "learner");
    const cJSON *trees = cJSON_GetObjectItem(
        cJSON_GetObjectItem(cJSON_GetObjectItem(learner, "gradient_booster"), "model"), "trees");
    const char *base = cJSON_GetStringValue(
        cJSON_GetObjectItem(cJSON_GetObjectItem(learner, "learner_model_param"), "base_score"));
    if (!cJSON_IsArray(trees) || !base) {
        fprintf(stderr, "train: unexpected XGBoost model JSON\n");
        goto fail;
    }
    float p0 = strtof(base, NULL);
    float base_margin = -logf(1.0f / p0 - 1.0f); /* as XGBoost's ProbToMargin for binary:logistic */
    append(&body, "trees %d\n", cJSON_GetArraySize(trees));
    const cJSON *tree;
    cJSON_ArrayForEach(tree, trees) {
        const cJSON *left = cJSON_GetObjectItem(tree, "left_children");
        const cJSON *right = cJSON_GetObjectItem(tree, "right_children");
        const cJSON *feat = cJSON_GetObjectItem(tree, "split_indices");
        const cJSON *cond = cJSON_GetObjectItem(tree, "split_conditions");
        const cJSON *dflt = cJSON_GetObjectItem(tree, "default_left");
        int n = cJSON_GetArraySize(left);
        free(mean);
        mean = malloc((size_t)n * sizeof *mean);
        if (!mean)
            goto fail;
        node_mean(tree, 0, mean);
        append(&body, "tree %d\n", n);
        for (int i = 0; i < n; i++) {
            int l = cJSON_GetArrayItem(left, i)->valueint;
            append(&body, "%d %d %d %d %.9g %.9g\n", l, cJSON_GetArrayItem(right, i)->valueint,
                   l < 0 ? 0 : cJSON_GetArrayItem(feat, i)->valueint, l < 0 ? 0 : cJSON_GetArrayItem(dflt, i)->valueint,
                   (double)(float)cJSON_GetArrayItem(cond, i)->valuedouble, (double)mean[i]);
        }
    }
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "train: cannot write %s\n", path);
        goto fail;
    }
    unsigned h = fnv1a(body.s, body.n, 2166136261u);
    fprintf(f, "truefollow-model 1\nname %s\nversion %s-%08x\ncolumns %d", meta->name, meta->name, h, meta->n_features);
    for (int i = 0; i < meta->n_features; i++)
        fprintf(f, " %s", meta->feature_names[i]);
    fprintf(f, "\ntrained %llu %llu", meta->trained_x, meta->trained_instagram);
    fprintf(f, "\nbase_margin %.9g\ncalibration %.17g %.17g\nerror_rates %g %.6g %.6g %.6g %.6g\n", (double)base_margin,
            meta->calibration_a, meta->calibration_b, meta->threshold, meta->tp, meta->fn, meta->tn, meta->fp);
    if (meta->band_high > 0)
        fprintf(f, "verdict_band %.6g %.6g\n", meta->band_low, meta->band_high);
    if (meta->band_high > 0 && meta->unseen_high > meta->band_high)
        fprintf(f, "unseen_platform_cut %.6g\n", meta->unseen_high);
    fwrite(body.s, 1, body.n, f);
    rc = fclose(f) == 0 ? 0 : -1;
fail:
    free(mean);
    free(body.s);
    cJSON_Delete(doc);
    return rc;
}
