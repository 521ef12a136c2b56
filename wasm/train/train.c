/*
 * train: trains and evaluates the scoring models on the labelled data sets (../shared/data).
 *
 *   train --data DIR --out DIR [--write] [--eval]
 *
 * For every model (views.c), leave-one-data-set-out first: for each labelled set, the model is trained on all
 * the others (Platt calibration fitted on that training pool's grouped 5-fold out-of-fold margins) and scores
 * the held-out set. Those scores choose the verdict band (the "likely fake" cut and the "uncertain" band below
 * it) and give the error rates the audit uses, with their spread across data sets (loo_rates.c). Then grouped,
 * stratified 5-fold cross-validation inside each collection (groups: rows of one data set with identical input
 * vectors, so duplicates never straddle folds) as the second table. Held-out score files (no names):
 * OUT/heldout_<model>.csv (in-pool 5-fold CV) and OUT/loo_<model>.csv (leave-one-set-out).
 * --write then trains each model on all its rows and writes OUT/<model>.json (XGBoost's own file, for the
 * equality check) and OUT/<model>.tfm (the file the core ships). --eval prints the tables (markdown).
 * Everything is deterministic: fixed seeds, nthread=1.
 *
 * For trying a change to the profile model by its leave-one-out table alone (--quick; add --write for its model
 * file): --depth, --rounds, --eta, --min-child-weight, --lambda, --balance, --exclude/--include (feature
 * names), --direction name=-1|0|1 (a monotone constraint), --hide-following W (every training row also
 * enters at W of its weight as a page without a following count shows it) and --hide f,g W (the same, without
 * features f and g; repeatable). Without them: the shipped models. --explain SET (a data set's name or its start,
 * "TikTok") adds why the set's genuine accounts are flagged when it is held out (explain_flagged).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "baselines.h"
#include "booster.h"
#include "datasets.h"
#include "loo_rates.h"
#include "metrics.h"
#include "views.h"

#define FOLDS 5
#define THRESHOLD 0.5 /* the in-set tables' cut */
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
    float *tw = malloc((size_t)m->n * sizeof *tw);
    float *vx = malloc((size_t)m->n * (size_t)m->ncol * sizeof *vx);
    double *vm = malloc((size_t)m->n * sizeof *vm);
    int rc = -1;
    if (!tx || !ty || !tw || !vx || !vm)
        goto done;
    for (int k = 0; k < FOLDS; k++) {
        int nt = 0, nv = 0;
        for (int i = 0; i < m->n; i++) {
            const float *x = m->x + (size_t)i * (size_t)m->ncol;
            if (fold[i] == k) {
                memcpy(vx + (size_t)nv++ * (size_t)m->ncol, x, (size_t)m->ncol * sizeof *x);
            } else {
                memcpy(tx + (size_t)nt * (size_t)m->ncol, x, (size_t)m->ncol * sizeof *x);
                tw[nt] = m->w[i];
                ty[nt++] = m->y[i];
            }
        }
        booster b = booster_train(tx, ty, tw, nt, m->ncol, p);
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
    free(tw);
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

/* ---- training on one pool, scoring another -------------------------------------------------------- */

/* Trains `s` on the rows of train_sets (Platt fitted on that pool's out-of-fold margins) and writes the
 * calibrated p_fake of every row of test_sets into p[row index]. */
static int fit_and_score(const rowset *rows, const model_spec *s, unsigned train_sets, unsigned test_sets, double *p)
{
    matrix tr, te;
    evaluation e = {0};
    int rc = -1;
    memset(&te, 0, sizeof te);
    if (build_matrix(rows, s, train_sets, COLUMNS_FEATURES, 0, 0, &tr) ||
        build_matrix(rows, s, test_sets, COLUMNS_FEATURES, 0, 0, &te) || tr.n == 0 ||
        evaluate(&tr, rows, &s->params, NULL, &e))
        goto done;
    double a, c;
    platt_fit(e.margin, tr.label, tr.n, &a, &c);
    booster b = booster_train(tr.x, tr.y, tr.w, tr.n, tr.ncol, &s->params);
    double *mg = malloc((size_t)(te.n ? te.n : 1) * sizeof *mg);
    if (b && mg && !booster_margins(b, te.x, te.n, te.ncol, mg)) {
        for (int i = 0; i < te.n; i++)
            p[te.row[i]] = 1 / (1 + exp(-(a * mg[i] + c)));
        rc = 0;
    }
    free(mg);
    booster_free(b);
done:
    evaluation_free(&e);
    matrix_free(&tr);
    matrix_free(&te);
    return rc;
}

static unsigned sets_present(const rowset *rows, unsigned sets)
{
    unsigned present = 0;
    for (int i = 0; i < rows->n; i++)
        present |= 1u << rows->rows[i].set;
    return present & sets;
}

/* Leave-one-data-set-out: p[row] for every row of the spec's sets, each from a model that never saw its set.
 * same_platform: train only on the other sets of the held-out set's platform (NAN where there are none). */
static int leave_one_set_out(const rowset *rows, const model_spec *s, int same_platform, double *p)
{
    for (int i = 0; i < rows->n; i++)
        p[i] = NAN;
    unsigned present = sets_present(rows, s->sets);
    for (int set = 0; set < N_SETS; set++) {
        if (!(present & (1u << set)))
            continue;
        unsigned train = present & ~(1u << set);
        if (same_platform) {
            tf_platform platform = TF_PLATFORM_COUNT;
            for (int i = 0; i < rows->n && platform == TF_PLATFORM_COUNT; i++)
                if ((int)rows->rows[i].set == set)
                    platform = rows->rows[i].platform;
            for (int i = 0; i < rows->n; i++)
                if (rows->rows[i].platform != platform)
                    train &= ~(1u << rows->rows[i].set);
            unsigned labels = 0;
            for (int i = 0; i < rows->n; i++)
                if (train & (1u << rows->rows[i].set))
                    labels |= 1u << rows->rows[i].label;
            if (labels != 3u)
                continue; /* no pool of both classes on this platform */
        }
        if (fit_and_score(rows, s, train, 1u << set, p))
            return -1;
    }
    return 0;
}

/* ---- the verdict band and the rates, from the leave-one-out scores -------------------------------- */

typedef struct set_counts {
    int n, fakes, genuine;
    confusion c; /* at the "likely fake" cut */
} set_counts;

static set_counts count_set(const rowset *rows, const double *p, int set, double cut)
{
    set_counts k = {0};
    for (int i = 0; i < rows->n; i++) {
        if ((int)rows->rows[i].set != set || isnan(p[i]))
            continue;
        int fake = rows->rows[i].label, flagged = p[i] >= cut;
        k.n++;
        k.fakes += fake;
        k.genuine += !fake;
        if (fake)
            flagged ? k.c.tp++ : k.c.fn++;
        else
            flagged ? k.c.fp++ : k.c.tn++;
    }
    return k;
}

#define MAX_FALSE_FAKE 0.05 /* of genuine accounts, on every held-out set */
#define MIN_PRECISION 0.90  /* of "likely fake", on every held-out set with both classes */
#define BAND_STEP 0.01

/* A set whose platform has no other set: held out, the model knew nothing of its platform. The shipped model
 * trains on it, so it does not choose the band or the rates; its row says what an unseen platform gets. */
static int platform_alone(const rowset *rows, int set)
{
    tf_platform platform = TF_PLATFORM_COUNT;
    for (int i = 0; i < rows->n; i++)
        if ((int)rows->rows[i].set == set) {
            platform = rows->rows[i].platform;
            break;
        }
    for (int i = 0; i < rows->n; i++)
        if (rows->rows[i].platform == platform && (int)rows->rows[i].set != set)
            return 0;
    return 1;
}

/* How far the cut misses the two aims, summed over the sets that share their platform with another (alone = 0)
 * or over those alone on theirs (alone = 1); 0: met on every such set. */
static double band_shortfall(const rowset *rows, const double *p, double cut, int alone)
{
    double total = 0;
    for (int set = 0; set < N_SETS; set++) {
        if (platform_alone(rows, set) != alone)
            continue;
        set_counts k = count_set(rows, p, set, cut);
        if (k.genuine)
            total += fmax(0, (double)k.c.fp / k.genuine - MAX_FALSE_FAKE);
        if (k.genuine && k.fakes && k.c.tp + k.c.fp)
            total += fmax(0, MIN_PRECISION - (double)k.c.tp / (k.c.tp + k.c.fp));
    }
    return total;
}

typedef struct band {
    double low, high;
    double shortfall; /* 0 when both aims hold on every held-out set */
    double audit;     /* the cut the audit counts at and its error rates are measured at: low <= audit <= high */
    double unseen;    /* "likely fake" on a platform without labelled data: high <= unseen */
    double unseen_shortfall;
} band;

/* high: the lowest cut at which "likely fake" meets both aims on every held-out set (else the cut that misses
 * them least); low: the cut that best separates the classes on the average set (Youden), at most high. */
static band choose_band(const rowset *rows, const double *p)
{
    band b = {NAN, NAN, INFINITY, NAN, NAN, 0};
    for (double cut = 0.30; cut < 0.9995; cut += cut < 0.985 ? BAND_STEP : BAND_STEP / 10) {
        double miss = band_shortfall(rows, p, cut, 0);
        if (miss < b.shortfall - 1e-12) {
            b.shortfall = miss;
            b.high = cut;
        }
        if (miss <= 0)
            break;
    }
    double best = -INFINITY;
    for (double cut = 0.05; cut <= b.high + 1e-9; cut += cut < 0.985 ? BAND_STEP : BAND_STEP / 10) {
        double se = 0, sp = 0;
        int nse = 0, nsp = 0;
        for (int set = 0; set < N_SETS; set++) {
            if (platform_alone(rows, set))
                continue;
            set_counts k = count_set(rows, p, set, cut);
            if (k.fakes)
                se += (double)k.c.tp / k.fakes, nse++;
            if (k.genuine)
                sp += (double)k.c.tn / k.genuine, nsp++;
        }
        double youden = (nse ? se / nse : 0) + (nsp ? sp / nsp : 0) - 1;
        if (youden > best + 1e-12) {
            best = youden;
            b.low = cut;
        }
    }
    b.low = round(b.low * 1000) / 1000;
    b.high = round(b.high * 1000) / 1000;
    return b;
}

/* "Likely fake" on a platform without labelled data (YouTube, Bluesky, Mastodon): the sets alone on their
 * platform (TikTok) stand for one, held out; the lowest cut from the band's high edge up at which "likely fake"
 * meets the band's two aims on them, in steps of 0.0001 (else the cut that misses them least). Chosen on those
 * sets, so their figures at it are not a blind test. */
static void choose_unseen_cut(const rowset *rows, const double *p, band *b)
{
    b->unseen = b->high;
    b->unseen_shortfall = band_shortfall(rows, p, b->high, 1);
    for (int step = 1; b->unseen_shortfall > 0 && b->high + step * 1e-4 < 1 - 1e-9; step++) {
        double cut = round((b->high + step * 1e-4) * 1e4) / 1e4, miss = band_shortfall(rows, p, cut, 1);
        if (miss < b->unseen_shortfall - 1e-12)
            b->unseen = cut, b->unseen_shortfall = miss;
    }
}

/* Sensitivity and specificity at `cut` across the held-out sets except `skip` (-1: none), with their spread. */
static void spread_rates(const rowset *rows, const double *p, double cut, int skip, spread_beta *se, spread_beta *sp)
{
    set_rate caught[N_SETS], passed[N_SETS];
    for (int set = 0; set < N_SETS; set++) {
        set_counts k = count_set(rows, p, set, cut);
        int out = set == skip || platform_alone(rows, set);
        caught[set] = (set_rate){k.c.tp, out ? 0 : k.fakes};
        passed[set] = (set_rate){k.c.tn, out ? 0 : k.genuine};
    }
    *se = spread_beta_fit(caught, N_SETS);
    *sp = spread_beta_fit(passed, N_SETS);
}

static tf_error_rates audit_rates(const spread_beta *se, const spread_beta *sp)
{
    tf_error_rates r = {se->mean * se->concentration - 0.5, (1 - se->mean) * se->concentration - 0.5,
                        sp->mean * sp->concentration - 0.5, (1 - sp->mean) * sp->concentration - 0.5};
    r.true_pos = fmax(0, r.true_pos), r.false_neg = fmax(0, r.false_neg);
    r.true_neg = fmax(0, r.true_neg), r.false_pos = fmax(0, r.false_pos);
    return r;
}

/* The same rates pooled over the other sets' rows, with no spread: how the audit read its rates before. */
static tf_error_rates pooled_rates(const rowset *rows, const double *p, double cut, int skip)
{
    tf_error_rates r = {0, 0, 0, 0};
    for (int set = 0; set < N_SETS; set++) {
        if (set == skip || platform_alone(rows, set))
            continue;
        set_counts k = count_set(rows, p, set, cut);
        r.true_pos += k.c.tp, r.false_neg += k.c.fn, r.true_neg += k.c.tn, r.false_pos += k.c.fp;
    }
    return r;
}

/* Audiences for eval_unseen: genuine accounts of one set with the fakes of another of the same platform (or
 * of the same set), and the audit's rates measured without either set. */
static const struct { const char *name; dataset_id genuine, fakes; } unseen_audiences[] = {
    {"X: cresci-2015 humans + bought followers", SET_C15_HUMANS, SET_C15_FAKES},
    {"X: cresci-2017 genuine + social spambots", SET_C17_GENUINE, SET_C17_SOCIAL},
    {"X: cresci-2017 genuine + traditional spambots", SET_C17_GENUINE, SET_C17_TRADITIONAL},
    {"X: cresci-2017 genuine + vendor-purchased followers", SET_C17_GENUINE, SET_VENDOR},
    {"X: cresci-2015 humans + botwiki bots", SET_C15_HUMANS, SET_BOTWIKI},
    {"Instagram: InstaFake", SET_INSTAFAKE, SET_INSTAFAKE},
    {"Instagram: Kaggle", SET_KAGGLE, SET_KAGGLE},
    {"TikTok 2024 (a platform the model never saw)", SET_TIKTOK, SET_TIKTOK},
};

static int write_unseen_audiences(const char *out, const model_spec *s, const rowset *rows, const double *p,
                                  const band *b)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/loo_audiences_%s.csv", out, s->name);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "train: cannot write %s\n", path);
        return -1;
    }
    fprintf(f, "audience,genuine_set,fake_set,cut,tp,fn,tn,fp\n");
    for (size_t i = 0; i < sizeof unseen_audiences / sizeof *unseen_audiences; i++) {
        set_rate caught[N_SETS], passed[N_SETS];
        for (int set = 0; set < N_SETS; set++) {
            set_counts k = count_set(rows, p, set, b->audit);
            int out_set = set == (int)unseen_audiences[i].genuine || set == (int)unseen_audiences[i].fakes ||
                          platform_alone(rows, set);
            caught[set] = (set_rate){k.c.tp, out_set ? 0 : k.fakes};
            passed[set] = (set_rate){k.c.tn, out_set ? 0 : k.genuine};
        }
        spread_beta se = spread_beta_fit(caught, N_SETS), sp = spread_beta_fit(passed, N_SETS);
        tf_error_rates r = audit_rates(&se, &sp);
        fprintf(f, "%s,%s,%s,%.3f,%.4f,%.4f,%.4f,%.4f\n", unseen_audiences[i].name,
                dataset_name(unseen_audiences[i].genuine), dataset_name(unseen_audiences[i].fakes), b->audit,
                r.true_pos, r.false_neg, r.true_neg, r.false_pos);
    }
    return fclose(f);
}

/* The audit's cut: within the band, the one whose rates (with their spread across sets) say most about a typical
 * audience (1,000 accounts, 30% fake, flagged as the mean rates predict): the narrowest 90% interval where some cut
 * gives one, else the highest "at least" bound. A cut where "likely fake" is sure can be too rare on some sets to
 * estimate a share from; a lower one counts more of them. */
static double choose_audit_cut(const rowset *rows, const double *p, const band *b)
{
    double best = b->high, best_width = INFINITY, best_bound = -1;
    for (double cut = b->low; cut <= b->high + 1e-9; cut += cut < 0.985 ? BAND_STEP : BAND_STEP / 10) {
        spread_beta se, sp;
        spread_rates(rows, p, cut, -1, &se, &sp);
        tf_error_rates r = audit_rates(&se, &sp);
        double flagged = 1000 * (0.3 * se.mean + 0.7 * (1 - sp.mean));
        tf_audit a;
        tf_audit_from_counts(1000, (size_t)floor(flagged + 0.5), 0, &r, TF_SEEN_FOLLOWERS, &a);
        if (!isnan(a.fake.share)) {
            double width = a.fake.ci90[1] - a.fake.ci90[0];
            if (width < best_width - 1e-9)
                best_width = width, best = cut;
        } else if (a.fake.at_least && isinf(best_width) && a.fake.ci90[0] > best_bound + 1e-9) {
            best_bound = a.fake.ci90[0], best = cut;
        }
    }
    return round(best * 1000) / 1000;
}

/* ---- the tables ----------------------------------------------------------------------------------- */

static void set_scores(const rowset *rows, const double *p, int set, double *ps, int *ys, int *n)
{
    *n = 0;
    for (int i = 0; i < rows->n; i++)
        if ((int)rows->rows[i].set == set && !isnan(p[i])) {
            ps[*n] = p[i];
            ys[(*n)++] = rows->rows[i].label;
        }
}

static void print_interval(const tf_share *s)
{
    if (s->at_least)
        printf(" at least %.1f |", 100 * s->ci90[0]); /* one-sided: the sensitivity is not pinned down (audit.c) */
    else if (isnan(s->share))
        printf(" no number [%.1f, 100] |", 100 * s->ci90[0]);
    else
        printf(" %.1f [%.1f, %.1f] |", 100 * s->share, 100 * s->ci90[0], 100 * s->ci90[1]);
}

/* The cut for platforms without labelled data, and what it does on every held-out set. */
static void print_unseen_cut(const rowset *rows, const double *p, const band *b)
{
    if (!(b->unseen > b->high))
        return;
    printf("\nOn a platform without labelled data (YouTube, Bluesky, Mastodon) \"likely fake\" starts at p_fake >= %.4f, "
           "\"uncertain\" below it: the lowest cut at which \"likely fake\" meets the same aims on the sets alone on "
           "their platform, held out (%s). Chosen on them, so their figures at it are not a blind test. At that cut, "
           "held out:",
           b->unseen, b->unseen_shortfall > 0 ? "NOT MET" : "met");
    for (int set = 0; set < N_SETS; set++) {
        set_counts k = count_set(rows, p, set, b->unseen);
        if (k.n == 0)
            continue;
        printf("%s %s", set ? ";" : "", dataset_name((dataset_id)set));
        if (k.genuine)
            printf(" false-fake %.3f", (double)k.c.fp / k.genuine);
        if (k.fakes)
            printf("%s recall %.3f", k.genuine ? "," : "", (double)k.c.tp / k.fakes);
        if (k.genuine && k.fakes && k.c.tp + k.c.fp)
            printf(", precision %.3f", (double)k.c.tp / (k.c.tp + k.c.fp));
    }
    printf(".\n");
}

static int print_loo(const model_spec *s, const rowset *rows, const double *p, const double *p_platform,
                     const band *b)
{
    double *ps = malloc((size_t)rows->n * sizeof *ps), *pp = malloc((size_t)rows->n * sizeof *pp);
    int *ys = malloc((size_t)rows->n * sizeof *ys), *yp = malloc((size_t)rows->n * sizeof *yp);
    if (!ps || !pp || !ys || !yp)
        return -1;
    printf("\n## %s: leave-one-data-set-out (trained on every other set, scored on this one)\n\n", s->name);
    printf("\"Likely fake\" at p_fake >= %.3f, \"uncertain\" from %.3f (the band chosen from these scores: "
           "false-fake rate <= %.0f%% and precision >= %.0f%% on every held-out set%s). Audience: the whole set "
           "as one audience, the audit's fake share with its 90%% interval, counted at the audit's cut %.3f, from "
           "error rates measured there on the other held-out sets with their spread across sets (a new set's rate predicted on the logit scale); in brackets, the same with "
           "the other sets' counts pooled (no spread), as the audit read them before. One-class sets give only "
           "the rate they can: recall (bots only) or false-fake rate (genuine only); they pair with nothing.\n\n",
           b->high, b->low, 100 * MAX_FALSE_FAKE, 100 * MIN_PRECISION,
           b->shortfall > 0 ? "; NOT MET, see the worst set" : "", b->audit);
    printf("| held-out set | n | fakes | AUC | AUC, same-platform training | recall | false-fake | precision | "
           "mean p_fake | ECE | audience fake %% [90%%] | truth %% | off by | covered | pooled-rate interval | "
           "covered |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    int covered = 0, covered_pooled = 0, sets = 0;
    double width = 0, max_off = 0;
    for (int set = 0; set < N_SETS; set++) {
        int n, np;
        set_scores(rows, p, set, ps, ys, &n);
        if (n == 0)
            continue;
        set_scores(rows, p_platform, set, pp, yp, &np);
        set_counts k = count_set(rows, p, set, b->high);
        double mean = 0;
        for (int i = 0; i < n; i++)
            mean += ps[i];
        mean /= n;
        int two = k.fakes && k.genuine;
        printf("| %s | %d | %d |", dataset_name((dataset_id)set), n, k.fakes);
        cell4(two ? auc(ps, ys, n) : NAN);
        cell4(two && np ? auc(pp, yp, np) : NAN);
        cell(k.fakes ? (double)k.c.tp / k.fakes : NAN);
        cell(k.genuine ? (double)k.c.fp / k.genuine : NAN);
        cell(two && k.c.tp + k.c.fp ? (double)k.c.tp / (k.c.tp + k.c.fp) : NAN);
        cell(mean);
        cell(two ? ece(ps, ys, n, ECE_BINS) : NAN);
        spread_beta se, sp;
        spread_rates(rows, p, b->audit, set, &se, &sp);
        tf_error_rates r = audit_rates(&se, &sp), rp = pooled_rates(rows, p, b->audit, set);
        set_counts ka = count_set(rows, p, set, b->audit);
        tf_audit a, ap;
        tf_audit_from_counts((size_t)n, (size_t)(ka.c.tp + ka.c.fp), 0, &r, TF_SEEN_FOLLOWERS, &a);
        tf_audit_from_counts((size_t)n, (size_t)(ka.c.tp + ka.c.fp), 0, &rp, TF_SEEN_FOLLOWERS, &ap);
        double truth = (double)k.fakes / n;
        int in = a.fake.ci90[0] <= truth + 1e-9 && truth <= a.fake.ci90[1] + 1e-9;
        int in_pooled = ap.fake.ci90[0] <= truth + 1e-9 && truth <= ap.fake.ci90[1] + 1e-9;
        print_interval(&a.fake);
        double off = isnan(a.fake.share) ? NAN : 100 * fabs(a.fake.share - truth);
        printf(" %.1f |", 100 * truth);
        cell(off);
        printf(" %s |", in ? "yes" : "**no**");
        print_interval(&ap.fake);
        printf(" %s |\n", in_pooled ? "yes" : "**no**");
        sets++;
        covered += in;
        covered_pooled += in_pooled;
        width += 100 * (a.fake.ci90[1] - a.fake.ci90[0]);
        if (!isnan(off))
            max_off = fmax(max_off, off);
    }
    printf("\nIntervals covering the held-out truth: %d of %d with the spread-aware rates (mean width %.1f points), "
           "%d of %d with pooled rates. Largest distance of an estimate from its truth: %.1f points.\n",
           covered, sets, width / sets, covered_pooled, sets, max_off);
    print_unseen_cut(rows, p, b);
    free(ps), free(pp), free(ys), free(yp);
    return 0;
}

/* Why a held-out set's genuine accounts are flagged: the model trained without the set (as leave_one_set_out
 * trains it), each feature's mean TreeSHAP contribution to the margin over the set's genuine accounts at or above
 * the "likely fake" cut, those below it and its fakes, with how often the feature is missing or 0 there. */
static int explain_flagged(const rowset *rows, const model_spec *s, const double *p, double cut, int set)
{
    enum { FLAGGED, PASSED, FAKES, N_GROUPS };
    matrix tr, te;
    memset(&te, 0, sizeof te);
    unsigned train = sets_present(rows, s->sets) & ~(1u << set);
    booster b = NULL;
    double *c = NULL;
    int rc = -1;
    if (build_matrix(rows, s, train, COLUMNS_FEATURES, 0, 0, &tr) ||
        build_matrix(rows, s, 1u << set, COLUMNS_FEATURES, 0, 0, &te) || te.n == 0)
        goto done;
    int cols = te.ncol + 1, count[N_GROUPS] = {0};
    double mean[N_GROUPS][TF_N_FEATURES + 1] = {{0}}, missing[N_GROUPS][TF_N_FEATURES] = {{0}};
    double zero[N_GROUPS][TF_N_FEATURES] = {{0}};
    b = booster_train(tr.x, tr.y, tr.w, tr.n, tr.ncol, &s->params);
    c = malloc((size_t)te.n * (size_t)cols * sizeof *c);
    if (!b || !c || booster_contributions(b, te.x, te.n, te.ncol, c))
        goto done;
    for (int i = 0; i < te.n; i++) {
        int g = te.label[i] ? FAKES : (p[te.row[i]] >= cut ? FLAGGED : PASSED);
        count[g]++;
        for (int f = 0; f < cols; f++)
            mean[g][f] += c[(size_t)i * (size_t)cols + (size_t)f];
        for (int f = 0; f < TF_N_FEATURES; f++) {
            float x = te.x[(size_t)i * (size_t)te.ncol + (size_t)f];
            missing[g][f] += isnan(x);
            zero[g][f] += x == 0;
        }
    }
    printf("\n### Why %s's genuine accounts are flagged when it is held out\n\n", dataset_name((dataset_id)set));
    printf("%d of %d genuine accounts at p_fake >= %.3f. Each feature's mean contribution to the margin (TreeSHAP, "
           "log-odds) from the model trained without the set; in brackets, the share of rows where it is missing, "
           "then where it is 0.\n\n| feature | genuine, flagged (%d) | genuine, not flagged (%d) | fakes (%d) |\n"
           "|---|---|---|---|\n", count[FLAGGED], count[FLAGGED] + count[PASSED], cut, count[FLAGGED],
           count[PASSED], count[FAKES]);
    for (int f = 0; f < cols; f++) {
        if (f < TF_N_FEATURES && (s->excluded & BIT(f)))
            continue;
        printf("| %s |", f < TF_N_FEATURES ? tf_feature_table[f].name : "(bias)");
        for (int g = 0; g < N_GROUPS; g++) {
            if (!count[g])
                printf(" - |");
            else if (f == TF_N_FEATURES)
                printf(" %+.2f |", mean[g][f] / count[g]);
            else
                printf(" %+.2f (%.0f%%, %.0f%%) |", mean[g][f] / count[g], 100 * missing[g][f] / count[g],
                       100 * zero[g][f] / count[g]);
        }
        printf("\n");
    }
    rc = 0;
done:
    free(c);
    booster_free(b);
    matrix_free(&tr);
    matrix_free(&te);
    return rc;
}

/* In-set: grouped 5-fold CV inside each collection with both classes. */
static const struct { const char *name; unsigned sets; } collections[] = {
    {"cresci-2015 (E13 + INT)", SETS_CRESCI2015},
    {"cresci-2017 (genuine + social + traditional spambots)",
     (1u << SET_C17_GENUINE) | (1u << SET_C17_SOCIAL) | (1u << SET_C17_TRADITIONAL)},
    {"InstaFake", 1u << SET_INSTAFAKE},
    {"Kaggle Instagram", 1u << SET_KAGGLE},
    {"TikTok 2024", 1u << SET_TIKTOK},
};

static int print_in_set(const model_spec *s, const rowset *rows, const matrix *pool, const evaluation *pool_e)
{
    printf("\n## %s: in-set grouped 5-fold cross-validation (second table; trained and tested inside one "
           "collection)\n\n", s->name);
    printf("Verdict at p_fake >= %.1f. The last rows: 5-fold CV over the whole training pool, per set.\n\n",
           THRESHOLD);
    printf("| trained and tested on | n | accuracy | precision | recall | false-fake | MCC | AUC | ECE |\n"
           "|---|---|---|---|---|---|---|---|---|\n");
    for (size_t c = 0; c < sizeof collections / sizeof collections[0]; c++) {
        matrix m;
        evaluation e = {0};
        if (build_matrix(rows, s, collections[c].sets, COLUMNS_FEATURES, 0, 0, &m) ||
            evaluate(&m, rows, &s->params, NULL, &e))
            return -1;
        figures f = measure(e.p, m.label, m.n, THRESHOLD);
        printf("| %s | %d |", collections[c].name, m.n);
        cell(f.accuracy), cell(f.precision), cell(f.recall), cell(1 - f.specificity), cell(f.mcc), cell4(f.auc);
        cell(ece(e.p, m.label, m.n, ECE_BINS));
        printf("\n");
        evaluation_free(&e);
        matrix_free(&m);
    }
    double *p = malloc((size_t)pool->n * sizeof *p);
    int *y = malloc((size_t)pool->n * sizeof *y);
    for (int set = 0; p && y && set < N_SETS; set++) {
        int n = 0;
        for (int i = 0; i < pool->n; i++)
            if ((int)rows->rows[pool->row[i]].set == set) {
                p[n] = pool_e->p[i];
                y[n++] = pool->label[i];
            }
        if (n == 0)
            continue;
        confusion k = confuse(p, y, n, THRESHOLD);
        printf("| whole pool, rows of %s | %d | | |", dataset_name((dataset_id)set), n);
        cell(k.tp + k.fn ? (double)k.tp / (k.tp + k.fn) : NAN);
        cell(k.tn + k.fp ? (double)k.fp / (k.tn + k.fp) : NAN);
        printf(" |");
        cell4(k.tp + k.fn && k.tn + k.fp ? auc(p, y, n) : NAN);
        printf(" |\n");
    }
    free(p);
    free(y);
    return 0;
}

static void print_detectors(const rowset *rows, const model_spec *s)
{
    matrix x;
    evaluation ex = {0};
    if (build_matrix(rows, s, SETS_CRESCI2015, COLUMNS_FEATURES, 0, 0, &x) || evaluate(&x, rows, &s->params, NULL, &ex))
        return;
    printf("\n## cresci-2015 (X): detectors on the same in-set held-out rows (n = %d)\n\n", x.n);
    printf("Published figures (Cresci et al. 2015, all five sub-sets, 10-fold CV) in brackets.\n\n");
    printf("| detector | accuracy | precision | recall | F1 | MCC | AUC | pub. acc | pub. prec | pub. rec | pub. F1 | "
           "pub. MCC | pub. AUC |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    figures f = measure(ex.p, x.label, x.n, THRESHOLD);
    static const baseline rf = {"", NULL, 0.987, 0.993, 0.980, 0.987, 0.967, 0.995};
    char name[128];
    snprintf(name, sizeof name, "truefollow %s (XGBoost, in-set grouped 5-fold CV)", s->name);
    figures_row(name, &f, &rf);
    double *score = malloc((size_t)x.n * sizeof *score), *verdict = malloc((size_t)x.n * sizeof *verdict);
    for (int b = 0; score && verdict && b < n_baselines; b++) {
        for (int i = 0; i < x.n; i++) {
            int fake;
            score[i] = baselines[b].score(&rows->rows[x.row[i]].rules, &fake);
            verdict[i] = fake;
        }
        figures g = measure(verdict, x.label, x.n, 0.5);
        g.auc = auc(score, x.label, x.n);
        figures_row(baselines[b].name, &g, &baselines[b]);
    }
    free(score);
    free(verdict);
    evaluation_free(&ex);
    matrix_free(&x);
}

/* ---- the run -------------------------------------------------------------------------------------- */

typedef struct options {
    const char *data, *out;
    int write, eval;
    int quick;                   /* the profile model's leave-one-out table only (for trying features) */
    unsigned long long exclude;  /* more features left out of the profile model (for trying features) */
    int depth, rounds;           /* the profile model's tree depth and rounds, when not 0 (for trying) */
    double eta, min_child_weight, lambda; /* the profile model's learning rate and regularisation, when not 0 */
    double hide_following;       /* when >= 0: rows also train as a page without a following count shows them, at
                                    this share of their weight (0: not at all); < 0: as shipped */
    struct hidden_copy hide[BOOSTER_MAX_HIDDEN_COPIES]; /* more such copies, each without some features */
    int n_hide;
    unsigned long long include;  /* features the profile model leaves out, let in (for trying features) */
    signed char direction[TF_N_FEATURES]; /* the profile model's monotone constraints, as tried */
    int direction_set;
    int balance;                 /* the profile model's row weighting + 1, when not 0 (for trying) */
    int explain;                 /* a data set whose flagged genuine accounts the profile model explains, or -1 */
} options;

static int write_scores(const options *o, const char *prefix, const model_spec *s, const rowset *rows,
                        const double *p, const int *fold)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s_%s.csv", o->out, prefix, s->name);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "train: cannot write %s\n", path);
        return -1;
    }
    fprintf(f, "set,fold,label,p_fake\n");
    for (int i = 0; i < rows->n; i++)
        if (!isnan(p[i]))
            fprintf(f, "%s,%d,%d,%.6f\n", dataset_name(rows->rows[i].set), fold ? fold[i] : (int)rows->rows[i].set,
                    rows->rows[i].label, p[i]);
    return fclose(f);
}

static int write_model(const options *o, const model_spec *s, const matrix *m, const rowset *rows,
                       const evaluation *e, const double *loo_p, const band *b)
{
    booster bst = booster_train(m->x, m->y, m->w, m->n, m->ncol, &s->params);
    if (!bst)
        return -1;
    double a, c;
    platt_fit(e->margin, m->label, m->n, &a, &c);
    spread_beta se, sp;
    spread_rates(rows, loo_p, b->audit, -1, &se, &sp);
    const char *names[TF_N_FEATURES];
    for (int i = 0; i < TF_N_FEATURES; i++)
        names[i] = tf_feature_table[i].name;
    tfm_meta meta = {s->name, names, TF_N_FEATURES, a, c, b->audit, 0, 0, 0, 0, b->low, b->high, b->unseen, 0, 0};
    spread_beta_counts(&se, &meta.tp, &meta.fn);
    spread_beta_counts(&sp, &meta.tn, &meta.fp);
    for (int i = 0; i < m->n; i++) {
        const float *x = m->x + (size_t)i * (size_t)m->ncol;
        /* Instagram's rows describe Instagram; every other platform's live profile is read with the rest. */
        unsigned long long *mask =
            rows->rows[m->row[i]].platform == TF_INSTAGRAM ? &meta.trained_instagram : &meta.trained_x;
        for (int f = 0; f < TF_N_FEATURES; f++)
            if (!isnan(x[f]))
                *mask |= BIT(f);
    }
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.json", o->out, s->name);
    int rc = booster_save(bst, path);
    snprintf(path, sizeof path, "%s/%s.tfm", o->out, s->name);
    rc |= booster_write_tfm(bst, &meta, path);
    booster_free(bst);
    fprintf(stderr, "train: %s: band [%.3f, %.3f]%s, on unseen platforms fake from %.4f%s, audit cut %.3f; a new set's sensitivity %.3f to %.3f (Beta "
            "concentration %.1f, over %d sets), false-fake rate %.3f to %.3f (concentration %.1f, over %d sets)\n",
            s->name, b->low, b->high, b->shortfall > 0 ? " (aims not met)" : "", b->unseen,
            b->unseen_shortfall > 0 ? " (aims not met)" : "", b->audit, se.low, se.high,
            se.concentration, se.n_sets, 1 - sp.high, 1 - sp.low, sp.concentration, sp.n_sets);
    return rc;
}

static int run(const options *o)
{
    rowset rows;
    if (datasets_load(o->data, &rows))
        return 1;
    int per_set[N_SETS] = {0}, fakes[N_SETS] = {0};
    for (int i = 0; i < rows.n; i++) {
        per_set[rows.rows[i].set]++;
        fakes[rows.rows[i].set] += rows.rows[i].label;
    }
    if (o->eval) {
        printf("# truefollow model evaluation\n\nRows: %d.", rows.n);
        for (int set = 0; set < N_SETS; set++)
            printf(" %s %d (%d fake);", dataset_name((dataset_id)set), per_set[set], fakes[set]);
        printf("\nAccount ages and per-day rates are dated at each row's collection time. Every figure below "
               "says whether it is leave-one-data-set-out (the model never saw the set) or in-set "
               "cross-validation.\n");
    }
    double *loo_p = malloc((size_t)rows.n * sizeof *loo_p), *platform_p = malloc((size_t)rows.n * sizeof *platform_p);
    double *pool_p = malloc((size_t)rows.n * sizeof *pool_p);
    int *pool_fold = malloc((size_t)rows.n * sizeof *pool_fold);
    if (!loo_p || !platform_p || !pool_p || !pool_fold)
        return 1;
    for (int s = 0; s < (o->quick ? 1 : n_model_specs); s++) {
        model_spec tried = model_specs[s];
        if (s == 0) {
            tried.excluded |= o->exclude;
            if (o->depth)
                tried.params.max_depth = o->depth;
            if (o->rounds)
                tried.params.rounds = o->rounds;
            if (o->eta > 0)
                tried.params.eta = o->eta;
            if (o->min_child_weight > 0)
                tried.params.min_child_weight = o->min_child_weight;
            if (o->lambda > 0)
                tried.params.lambda = o->lambda;
            if (o->hide_following >= 0)
                tried.params.hidden_copies[0] = (struct hidden_copy){FOLLOWING_COLUMNS, o->hide_following};
            for (int k = 0, slot = 0; k < o->n_hide; k++) {
                while (slot < BOOSTER_MAX_HIDDEN_COPIES && tried.params.hidden_copies[slot].columns)
                    slot++;
                if (slot == BOOSTER_MAX_HIDDEN_COPIES) {
                    fprintf(stderr, "train: at most %d copies with hidden features\n", BOOSTER_MAX_HIDDEN_COPIES);
                    return 1;
                }
                tried.params.hidden_copies[slot] = o->hide[k];
            }
            tried.excluded &= ~o->include;
            if (o->direction_set)
                tried.params.monotone = o->direction, tried.params.n_monotone = TF_N_FEATURES;
            if (o->balance)
                tried.balance = (balance_mode)(o->balance - 1);
        }
        const model_spec *spec = &tried;
        matrix m;
        evaluation e = {0};
        if (leave_one_set_out(&rows, spec, 0, loo_p) ||
            (o->eval && !o->quick && leave_one_set_out(&rows, spec, 1, platform_p)) ||
            build_matrix(&rows, spec, 0, COLUMNS_FEATURES, 0, 0, &m) || evaluate(&m, &rows, &spec->params, NULL, &e)) {
            fprintf(stderr, "train: %s: evaluation failed\n", spec->name);
            return 1;
        }
        band b = choose_band(&rows, loo_p);
        b.audit = choose_audit_cut(&rows, loo_p, &b);
        choose_unseen_cut(&rows, loo_p, &b);
        for (int i = 0; i < rows.n; i++)
            pool_p[i] = NAN, pool_fold[i] = 0;
        for (int i = 0; i < m.n; i++)
            pool_p[m.row[i]] = e.p[i], pool_fold[m.row[i]] = e.fold[i];
        if (write_scores(o, "heldout", spec, &rows, pool_p, pool_fold) ||
            write_scores(o, "loo", spec, &rows, loo_p, NULL) ||
            write_unseen_audiences(o->out, spec, &rows, loo_p, &b)) {
            return 1;
        }
        if (o->write && write_model(o, spec, &m, &rows, &e, loo_p, &b)) {
            fprintf(stderr, "train: %s: writing the model failed\n", spec->name);
            return 1;
        }
        if (o->eval) {
            if (o->quick)
                for (int i = 0; i < rows.n; i++)
                    platform_p[i] = NAN;
            if (print_loo(spec, &rows, loo_p, platform_p, &b) ||
                (s == 0 && o->explain >= 0 && explain_flagged(&rows, spec, loo_p, b.high, o->explain)) ||
                (!o->quick && print_in_set(spec, &rows, &m, &e)))
                return 1;
            if (!spec->card && !o->quick)
                print_detectors(&rows, spec);
        }
        evaluation_free(&e);
        matrix_free(&m);
    }
    free(loo_p), free(platform_p), free(pool_p), free(pool_fold);
    rowset_free(&rows);
    return 0;
}

/* Adds the features named in a comma-separated list to a set of columns; 2 (and a message) on a name that is none. */
static int add_features(char *names, unsigned long long *columns)
{
    for (char *name = strtok(names, ","); name; name = strtok(NULL, ",")) {
        int f = 0;
        while (f < TF_N_FEATURES && strcmp(tf_feature_table[f].name, name) != 0)
            f++;
        if (f == TF_N_FEATURES) {
            fprintf(stderr, "train: no feature %s\n", name);
            return 2;
        }
        *columns |= BIT(f);
    }
    return 0;
}

int main(int argc, char **argv)
{
    options o = {0};
    o.hide_following = -1;
    o.explain = -1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            o.data = argv[++i];
        else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
            o.out = argv[++i];
        else if (strcmp(argv[i], "--write") == 0)
            o.write = 1;
        else if (strcmp(argv[i], "--eval") == 0)
            o.eval = 1;
        else if (strcmp(argv[i], "--depth") == 0 && i + 1 < argc)
            o.depth = atoi(argv[++i]);
        else if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc)
            o.rounds = atoi(argv[++i]);
        else if (strcmp(argv[i], "--direction") == 0 && i + 1 < argc) { /* name=-1|0|1, to try a constraint */
            if (!o.direction_set)
                memcpy(o.direction, feature_direction, sizeof o.direction), o.direction_set = 1;
            char *spec = argv[++i], *eq = strchr(spec, '=');
            int f = 0;
            if (eq)
                *eq = '\0';
            while (f < TF_N_FEATURES && strcmp(tf_feature_table[f].name, spec) != 0)
                f++;
            if (!eq || f == TF_N_FEATURES) {
                fprintf(stderr, "train: --direction wants feature=-1|0|1\n");
                return 2;
            }
            o.direction[f] = (signed char)atoi(eq + 1);
        } else if (strcmp(argv[i], "--eta") == 0 && i + 1 < argc)
            o.eta = atof(argv[++i]);
        else if (strcmp(argv[i], "--min-child-weight") == 0 && i + 1 < argc)
            o.min_child_weight = atof(argv[++i]);
        else if (strcmp(argv[i], "--hide-following") == 0 && i + 1 < argc)
            o.hide_following = atof(argv[++i]);
        else if (strcmp(argv[i], "--hide") == 0 && i + 2 < argc && o.n_hide < BOOSTER_MAX_HIDDEN_COPIES) {
            /* f,g W: every row also trains without features f and g, at W of its weight */
            unsigned long long columns = 0;
            if (add_features(argv[++i], &columns) != 0)
                return 2;
            o.hide[o.n_hide++] = (struct hidden_copy){columns, atof(argv[++i])};
        } else if (strcmp(argv[i], "--explain") == 0 && i + 1 < argc) { /* a data set's name, or its start */
            const char *name = argv[++i];
            o.explain = 0;
            while (o.explain < N_SETS && strncmp(dataset_name((dataset_id)o.explain), name, strlen(name)) != 0)
                o.explain++;
            if (o.explain == N_SETS) {
                fprintf(stderr, "train: no data set %s\n", name);
                return 2;
            }
        } else if (strcmp(argv[i], "--lambda") == 0 && i + 1 < argc)
            o.lambda = atof(argv[++i]);
        else if (strcmp(argv[i], "--balance") == 0 && i + 1 < argc) {
            const char *mode = argv[++i];
            o.balance = 1 + (strcmp(mode, "sets") == 0 ? BALANCE_SETS : strcmp(mode, "platforms") == 0 ? BALANCE_PLATFORMS
                                                                                                    : BALANCE_NONE);
        } else if (strcmp(argv[i], "--quick") == 0)
            o.quick = o.eval = 1;
        else if ((strcmp(argv[i], "--exclude") == 0 || strcmp(argv[i], "--include") == 0) && i + 1 < argc) {
            unsigned long long *set = strcmp(argv[i], "--exclude") == 0 ? &o.exclude : &o.include;
            if (add_features(argv[++i], set) != 0)
                return 2;
        } else {
            fprintf(stderr, "usage: train --data DIR --out DIR [--write] [--eval] [--quick] [--exclude f,g] [--include f,g]\n"
                            "             [--depth N] [--rounds N] [--eta X] [--min-child-weight X] [--lambda X]\n"
                            "             [--direction f=-1|0|1] [--hide-following W] [--hide f,g W] [--balance sets|platforms]\n"
                            "             [--explain SET]\n");
            return 2;
        }
    }
    if (!o.data || !o.out) {
        fprintf(stderr, "usage: train --data DIR --out DIR [--write] [--eval]\n");
        return 2;
    }
    return run(&o);
}
