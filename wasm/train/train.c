/*
 * train: trains and evaluates the scoring models on the labelled data sets (../shared/data).
 *
 *   train --data DIR --out DIR [--write] [--eval]
 *
 * For every model (views.c): grouped, stratified 5-fold cross-validation (groups: rows of one data set with
 * identical input vectors, so duplicates never straddle folds), Platt calibration cross-fitted on the other
 * folds' out-of-fold margins, held-out figures and error rates, and a held-out score file
 * (OUT/heldout_<model>.csv: data set, label, p_fake; no names). --write then trains each model on all its rows
 * and writes OUT/<model>.json (XGBoost's own file, for the equality check) and OUT/<model>.tfm (the file
 * the core ships). --eval prints the evaluation tables (markdown) on stdout: detectors side by side, per
 * data set, calibration, the artefact ablation and the cross-data-set results.
 * Everything is deterministic: fixed seeds, nthread=1.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baselines.h"
#include "booster.h"
#include "datasets.h"
#include "metrics.h"
#include "views.h"

#define FOLDS 5
#define THRESHOLD 0.5 /* tf_default_thresholds.fake */
#define RESAMPLES 1000
#define ECE_BINS 10
#define BIT(f) (1ull << (f))

/* ---- folds ---------------------------------------------------------------------------------------- */

typedef struct keyed {
    unsigned long long hash, key;
    int i, label;
} keyed;

static int by_hash(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->i - y->i;
}

static int by_label_key(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->label != y->label)
        return x->label - y->label;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->i - y->i;
}

static unsigned long long hash_row(const float *x, int ncol, int set)
{
    unsigned long long h = 1469598103934665603ull ^ (unsigned long long)set;
    const unsigned char *p = (const unsigned char *)x;
    for (size_t i = 0; i < (size_t)ncol * sizeof *x; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

/* Groups of identical vectors within a data set, shuffled with a fixed seed, dealt to folds by label. */
static int assign_folds(const matrix *m, const rowset *rows, int *fold)
{
    keyed *k = malloc((size_t)m->n * sizeof *k), *groups = malloc((size_t)m->n * sizeof *groups);
    int *group_of = malloc((size_t)m->n * sizeof *group_of);
    if (!k || !groups || !group_of) {
        free(k);
        free(groups);
        free(group_of);
        return -1;
    }
    for (int i = 0; i < m->n; i++)
        k[i] = (keyed){hash_row(m->x + (size_t)i * (size_t)m->ncol, m->ncol, rows->rows[m->row[i]].set), 0, i,
                       m->label[i]};
    qsort(k, (size_t)m->n, sizeof *k, by_hash);
    unsigned long long state = 20150214;
    int ng = 0;
    for (int i = 0; i < m->n; i++) {
        if (i == 0 || k[i].hash != k[i - 1].hash) {
            groups[ng] = (keyed){k[i].hash, next_random(&state), ng, k[i].label};
            ng++;
        }
        group_of[k[i].i] = ng - 1;
    }
    qsort(groups, (size_t)ng, sizeof *groups, by_label_key);
    int *fold_of_group = malloc((size_t)ng * sizeof *fold_of_group);
    if (!fold_of_group) {
        free(k);
        free(groups);
        free(group_of);
        return -1;
    }
    for (int g = 0, pos = 0; g < ng; g++, pos++) {
        if (g > 0 && groups[g].label != groups[g - 1].label)
            pos = 0;
        fold_of_group[groups[g].i] = pos % FOLDS;
    }
    for (int i = 0; i < m->n; i++)
        fold[i] = fold_of_group[group_of[i]];
    free(fold_of_group);
    free(k);
    free(groups);
    free(group_of);
    return ng;
}

/* ---- cross-validation ----------------------------------------------------------------------------- */

/* Out-of-fold margins of every row. */
static int cross_validate(const matrix *m, const booster_params *p, const int *fold, double *margin)
{
    float *tx = malloc((size_t)m->n * (size_t)m->ncol * sizeof *tx), *ty = malloc((size_t)m->n * sizeof *ty);
    float *vx = malloc((size_t)m->n * (size_t)m->ncol * sizeof *vx);
    double *vm = malloc((size_t)m->n * sizeof *vm);
    int rc = -1;
    if (!tx || !ty || !vx || !vm)
        goto done;
    for (int k = 0; k < FOLDS; k++) {
        int nt = 0, nv = 0;
        for (int i = 0; i < m->n; i++) {
            const float *x = m->x + (size_t)i * (size_t)m->ncol;
            if (fold[i] == k) {
                memcpy(vx + (size_t)nv++ * (size_t)m->ncol, x, (size_t)m->ncol * sizeof *x);
            } else {
                memcpy(tx + (size_t)nt * (size_t)m->ncol, x, (size_t)m->ncol * sizeof *x);
                ty[nt++] = m->y[i];
            }
        }
        booster b = booster_train(tx, ty, nt, m->ncol, p);
        if (!b || booster_margins(b, vx, nv, m->ncol, vm)) {
            booster_free(b);
            goto done;
        }
        booster_free(b);
        for (int i = 0, j = 0; i < m->n; i++)
            if (fold[i] == k)
                margin[i] = vm[j++];
    }
    rc = 0;
done:
    free(tx);
    free(ty);
    free(vx);
    free(vm);
    return rc;
}

/* Each fold's probabilities through a Platt fit on the other folds' out-of-fold margins. */
static void crossfit_calibrate(const double *margin, const int *label, const int *fold, int n, double *p)
{
    double *m = malloc((size_t)n * sizeof *m);
    int *y = malloc((size_t)n * sizeof *y);
    for (int k = 0; m && y && k < FOLDS; k++) {
        int nt = 0;
        for (int i = 0; i < n; i++)
            if (fold[i] != k) {
                m[nt] = margin[i];
                y[nt++] = label[i];
            }
        double a, b;
        platt_fit(m, y, nt, &a, &b);
        for (int i = 0; i < n; i++)
            if (fold[i] == k)
                p[i] = 1 / (1 + exp(-(a * margin[i] + b)));
    }
    free(m);
    free(y);
}

typedef struct evaluation {
    double *margin, *p;
    int *fold;
    int groups;
} evaluation;

static int evaluate(const matrix *m, const rowset *rows, const booster_params *params, const int *given_fold,
                    evaluation *e)
{
    e->margin = malloc((size_t)m->n * sizeof *e->margin);
    e->p = malloc((size_t)m->n * sizeof *e->p);
    e->fold = malloc((size_t)m->n * sizeof *e->fold);
    if (!e->margin || !e->p || !e->fold)
        return -1;
    if (given_fold)
        memcpy(e->fold, given_fold, (size_t)m->n * sizeof *e->fold);
    else if ((e->groups = assign_folds(m, rows, e->fold)) < 0)
        return -1;
    if (cross_validate(m, params, e->fold, e->margin))
        return -1;
    crossfit_calibrate(e->margin, m->label, e->fold, m->n, e->p);
    return 0;
}

static void evaluation_free(evaluation *e)
{
    free(e->margin);
    free(e->p);
    free(e->fold);
}

/* ---- printing ------------------------------------------------------------------------------------- */

static void cell(double v)
{
    if (isnan(v))
        printf(" - |");
    else
        printf(" %.3f |", v);
}

static void cell4(double v)
{
    if (isnan(v))
        printf(" - |");
    else
        printf(" %.4f |", v);
}

static void published(double v)
{
    if (isnan(v))
        printf(" |");
    else
        printf(" (%.3f) |", v);
}

static void figures_row(const char *name, const figures *f, const baseline *pub)
{
    printf("| %s |", name);
    cell(f->accuracy);
    cell(f->precision);
    cell(f->recall);
    cell(f->f1);
    cell(f->mcc);
    cell4(f->auc);
    if (pub) {
        published(pub->accuracy);
        published(pub->precision);
        published(pub->recall);
        published(pub->f1);
        published(pub->mcc);
        published(pub->auc);
    } else {
        printf(" | | | | | |");
    }
    printf("\n");
}

/* Subset of a model's held-out results for one data set. */
static figures subset_figures(const matrix *m, const rowset *rows, const evaluation *e, int set, double *ece_out,
                              int *n_out)
{
    double *p = malloc((size_t)m->n * sizeof *p);
    int *y = malloc((size_t)m->n * sizeof *y), n = 0;
    for (int i = 0; p && y && i < m->n; i++)
        if (set < 0 || (int)rows->rows[m->row[i]].set == set) {
            p[n] = e->p[i];
            y[n++] = m->label[i];
        }
    figures f = measure(p, y, n, THRESHOLD);
    if (ece_out)
        *ece_out = ece(p, y, n, ECE_BINS);
    *n_out = n;
    free(p);
    free(y);
    return f;
}

/* ---- the run -------------------------------------------------------------------------------------- */

typedef struct options {
    const char *data, *out;
    int write, eval;
} options;

static int write_heldout(const options *o, const model_spec *s, const matrix *m, const rowset *rows,
                         const evaluation *e)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/heldout_%s.csv", o->out, s->name);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "train: cannot write %s\n", path);
        return -1;
    }
    fprintf(f, "set,fold,label,p_fake\n");
    for (int i = 0; i < m->n; i++)
        fprintf(f, "%s,%d,%d,%.6f\n", dataset_name(rows->rows[m->row[i]].set), e->fold[i], m->label[i], e->p[i]);
    return fclose(f);
}

static int write_model(const options *o, const model_spec *s, const matrix *m, const rowset *rows,
                       const evaluation *e)
{
    booster b = booster_train(m->x, m->y, m->n, m->ncol, &s->params);
    if (!b)
        return -1;
    double a, c;
    platt_fit(e->margin, m->label, m->n, &a, &c);
    confusion k = confuse(e->p, m->label, m->n, THRESHOLD);
    const char *names[TF_N_FEATURES];
    for (int i = 0; i < TF_N_FEATURES; i++)
        names[i] = tf_feature_table[i].name;
    tfm_meta meta = {s->name, names, TF_N_FEATURES, a, c, THRESHOLD, k.tp, k.fn, k.tn, k.fp, 0, 0};
    for (int i = 0; i < m->n; i++) {
        const float *x = m->x + (size_t)i * (size_t)m->ncol;
        unsigned long long *mask = rows->rows[m->row[i]].platform == TF_X ? &meta.trained_x : &meta.trained_instagram;
        for (int f = 0; f < TF_N_FEATURES; f++)
            if (!isnan(x[f]))
                *mask |= BIT(f);
    }
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.json", o->out, s->name);
    int rc = booster_save(b, path);
    snprintf(path, sizeof path, "%s/%s.tfm", o->out, s->name);
    rc |= booster_write_tfm(b, &meta, path);
    booster_free(b);
    return rc;
}

static void print_detectors(const rowset *rows, const matrix *x, const evaluation *ex)
{
    printf("\n## cresci-2015 (X): detectors on the same held-out rows (n = %d)\n\n", x->n);
    printf("Published figures (Cresci et al. 2015, all five sub-sets, 10-fold CV) in brackets.\n\n");
    printf("| detector | accuracy | precision | recall | F1 | MCC | AUC | pub. acc | pub. prec | pub. rec | pub. F1 | "
           "pub. MCC | pub. AUC |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    figures f = measure(ex->p, x->label, x->n, THRESHOLD);
    static const baseline rf = {"", NULL, 0.987, 0.993, 0.980, 0.987, 0.967, 0.995};
    figures_row("truefollow x-profile (XGBoost, grouped 5-fold CV)", &f, &rf);
    double *score = malloc((size_t)x->n * sizeof *score), *verdict = malloc((size_t)x->n * sizeof *verdict);
    for (int b = 0; score && verdict && b < n_baselines; b++) {
        for (int i = 0; i < x->n; i++) {
            int fake;
            score[i] = baselines[b].score(&rows->rows[x->row[i]].rules, &fake);
            verdict[i] = fake;
        }
        figures g = measure(verdict, x->label, x->n, 0.5);
        g.auc = auc(score, x->label, x->n);
        figures_row(baselines[b].name, &g, &baselines[b]);
    }
    free(score);
    free(verdict);
}

static void print_model_summary(const model_spec *s, const matrix *m, const rowset *rows, const evaluation *e)
{
    for (int set = -1; set < N_SETS; set++) {
        if (set >= 0 && !(s->sets & (1u << set)))
            continue;
        if (set >= 0 && __builtin_popcount(s->sets) == 1)
            continue;
        double ec;
        int n;
        figures f = subset_figures(m, rows, e, set, &ec, &n);
        if (n == 0)
            continue;
        printf("| %s | %s | %d |", s->name, set < 0 ? "all" : dataset_name((dataset_id)set), n);
        cell(f.accuracy);
        cell(f.precision);
        cell(f.recall);
        cell(f.f1);
        cell(f.mcc);
        cell4(f.auc);
        cell(ec);
        printf(" %d/%d | %d/%d |\n", f.c.tp, f.c.tp + f.c.fn, f.c.tn, f.c.tn + f.c.fp);
    }
}

static void print_intervals(const model_spec *s, const matrix *m, const evaluation *e)
{
    interval a, mc, u;
    bootstrap(e->p, m->label, m->n, THRESHOLD, RESAMPLES, &a, &mc, &u);
    figures f = measure(e->p, m->label, m->n, THRESHOLD);
    printf("| %s | %.3f [%.3f, %.3f] | %.3f [%.3f, %.3f] | %.4f [%.4f, %.4f] | %.4f | %.4f |\n", s->name, f.accuracy,
           a.lo, a.hi, f.mcc, mc.lo, mc.hi, f.auc, u.lo, u.hi, f.recall, f.specificity);
}

static int ablation(const rowset *rows, const model_spec *x_spec, const matrix *base, const evaluation *base_e)
{
    printf("\n## Ablation on cresci-2015: the collection artefacts\n\n");
    printf("Same folds. Artefacts: website field (empty for every bought account), default_profile, background "
           "image and tile, lang, time_zone, utc_offset, location, geo_enabled, link and sidebar colours.\n\n");
    printf("| inputs | accuracy | MCC | AUC |\n|---|---|---|---|\n");
    figures f = measure(base_e->p, base->label, base->n, THRESHOLD);
    printf("| shipped features (no artefacts) | %.3f | %.3f | %.4f |\n", f.accuracy, f.mcc, f.auc);
    struct { const char *name; column_layout layout; unsigned long long allowed, excluded; } variants[] = {
        {"shipped features + website field", COLUMNS_FEATURES, BIT(TF_F_BIO_LINK), 0},
        {"shipped features + all artefacts", COLUMNS_WITH_ARTEFACTS, BIT(TF_F_BIO_LINK), 0},
        {"artefacts only", COLUMNS_ARTEFACTS_ONLY, 0, 0},
        {"shipped features without likes given", COLUMNS_FEATURES, 0, BIT(TF_F_LIKES_GIVEN) | BIT(TF_F_LIKES_PER_POST)},
        {"counts only (followers, following, posts, ratios)", COLUMNS_FEATURES, 0,
         ~(BIT(TF_F_FOLLOWERS) | BIT(TF_F_FOLLOWING) | BIT(TF_F_FOLLOWERS_PER_FOLLOWING) |
           BIT(TF_F_FOLLOWING_PER_FOLLOWERS_SQ) | BIT(TF_F_POSTS))},
    };
    for (size_t v = 0; v < sizeof variants / sizeof variants[0]; v++) {
        matrix m;
        evaluation e = {0};
        if (build_matrix(rows, x_spec, 0, variants[v].layout, variants[v].excluded, variants[v].allowed, &m) ||
            evaluate(&m, rows, &x_spec->params, base_e->fold, &e))
            return -1;
        f = measure(e.p, m.label, m.n, THRESHOLD);
        printf("| %s | %.3f | %.3f | %.4f |\n", variants[v].name, f.accuracy, f.mcc, f.auc);
        evaluation_free(&e);
        matrix_free(&m);
    }
    return 0;
}

static int cross_set(const rowset *rows)
{
    const model_spec *ig = &model_specs[1];
    unsigned long long shared = BIT(TF_F_FOLLOWERS) | BIT(TF_F_FOLLOWING) | BIT(TF_F_FOLLOWERS_PER_FOLLOWING) |
                                BIT(TF_F_FOLLOWING_PER_FOLLOWERS_SQ) | BIT(TF_F_POSTS) | BIT(TF_F_DEFAULT_AVATAR) |
                                BIT(TF_F_BIO_LENGTH) | BIT(TF_F_PRIVATE) | BIT(TF_F_HANDLE_DIGIT_SHARE);
    printf("\n## Cross-data-set (Instagram): train on one set, test on the other, shared features\n\n");
    printf("Shared features: followers, following, both ratios, posts, default avatar, bio length, private, "
           "handle digit share. In-set: grouped 5-fold CV on the same features.\n\n");
    printf("| train on | test on | n test | accuracy | MCC | AUC | in-set AUC |\n|---|---|---|---|---|---|---|\n");
    dataset_id pairs[2][2] = {{SET_INSTAFAKE, SET_KAGGLE}, {SET_KAGGLE, SET_INSTAFAKE}};
    for (int k = 0; k < 2; k++) {
        matrix tr, te;
        evaluation e = {0};
        if (build_matrix(rows, ig, 1u << pairs[k][0], COLUMNS_FEATURES, ~shared, 0, &tr) ||
            build_matrix(rows, ig, 1u << pairs[k][1], COLUMNS_FEATURES, ~shared, 0, &te) ||
            evaluate(&tr, rows, &ig->params, NULL, &e))
            return -1;
        booster b = booster_train(tr.x, tr.y, tr.n, tr.ncol, &ig->params);
        double *mg = malloc((size_t)te.n * sizeof *mg);
        if (!b || !mg || booster_margins(b, te.x, te.n, te.ncol, mg))
            return -1;
        double a, c;
        platt_fit(e.margin, tr.label, tr.n, &a, &c);
        for (int i = 0; i < te.n; i++)
            mg[i] = 1 / (1 + exp(-(a * mg[i] + c)));
        figures f = measure(mg, te.label, te.n, THRESHOLD);
        figures in = measure(e.p, tr.label, tr.n, THRESHOLD);
        printf("| %s | %s | %d | %.3f | %.3f | %.3f | %.3f |\n", dataset_name(pairs[k][0]), dataset_name(pairs[k][1]),
               te.n, f.accuracy, f.mcc, f.auc, in.auc);
        free(mg);
        booster_free(b);
        evaluation_free(&e);
        matrix_free(&tr);
        matrix_free(&te);
    }
    return 0;
}

static int run(const options *o)
{
    rowset rows;
    if (datasets_load(o->data, &rows))
        return 1;
    matrix m[8];
    evaluation e[8];
    memset(e, 0, sizeof e);
    for (int s = 0; s < n_model_specs; s++) {
        if (build_matrix(&rows, &model_specs[s], 0, COLUMNS_FEATURES, 0, 0, &m[s]) ||
            evaluate(&m[s], &rows, &model_specs[s].params, NULL, &e[s]) ||
            write_heldout(o, &model_specs[s], &m[s], &rows, &e[s])) {
            fprintf(stderr, "train: %s: cross-validation failed\n", model_specs[s].name);
            return 1;
        }
        if (o->write && write_model(o, &model_specs[s], &m[s], &rows, &e[s])) {
            fprintf(stderr, "train: %s: writing the model failed\n", model_specs[s].name);
            return 1;
        }
    }
    if (o->eval) {
        int per_set[N_SETS] = {0};
        for (int i = 0; i < rows.n; i++)
            per_set[rows.rows[i].set]++;
        printf("# truefollow model evaluation\n\nRows: %d (cresci-2015 %d, InstaFake %d, Kaggle %d). Held-out "
               "figures from grouped, stratified 5-fold cross-validation; p_fake through Platt scaling fitted on "
               "the other folds; verdict at p_fake >= %.1f.\n",
               rows.n, per_set[SET_CRESCI], per_set[SET_INSTAFAKE], per_set[SET_KAGGLE], THRESHOLD);
        print_detectors(&rows, &m[0], &e[0]);
        printf("\n## Every model, held out\n\n");
        printf("| model | data set | n | accuracy | precision | recall | F1 | MCC | AUC | ECE | fakes caught | "
               "real passed |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int s = 0; s < n_model_specs; s++)
            print_model_summary(&model_specs[s], &m[s], &rows, &e[s]);
        printf("\n## 95%% bootstrap intervals (1,000 resamples of held-out rows)\n\n");
        printf("| model | accuracy | MCC | AUC | sensitivity | specificity |\n|---|---|---|---|---|---|\n");
        for (int s = 0; s < n_model_specs; s++)
            print_intervals(&model_specs[s], &m[s], &e[s]);
        if (ablation(&rows, &model_specs[0], &m[0], &e[0]) || cross_set(&rows))
            return 1;
        printf("\nGroups: %d (x-profile), %d (instagram-profile), %d (card) of identical vectors within a data set.\n",
               e[0].groups, e[1].groups, e[2].groups);
    }
    for (int s = 0; s < n_model_specs; s++) {
        evaluation_free(&e[s]);
        matrix_free(&m[s]);
    }
    rowset_free(&rows);
    return 0;
}

int main(int argc, char **argv)
{
    options o = {0};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            o.data = argv[++i];
        else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
            o.out = argv[++i];
        else if (strcmp(argv[i], "--write") == 0)
            o.write = 1;
        else if (strcmp(argv[i], "--eval") == 0)
            o.eval = 1;
        else {
            fprintf(stderr, "usage: train --data DIR --out DIR [--write] [--eval]\n");
            return 2;
        }
    }
    if (!o.data || !o.out) {
        fprintf(stderr, "usage: train --data DIR --out DIR [--write] [--eval]\n");
        return 2;
    }
    return run(&o);
}
