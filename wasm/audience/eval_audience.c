/*
 * `make eval-audience`: the audience estimate and the Follower Factory test, measured on simulations.
 *
 * Audience estimate: audiences of 10,000 followers are built from held-out labelled accounts (each row
 * a model's out-of-fold p_fake and the true label) at fake shares 0%, 10%, ..., 100%; samples of
 * n = 30, 100, 300 and 1,000 are drawn from each, 200 times. As in use, the error rates the estimate
 * relies on are a measurement with its own noise: the pool stands for the population, and every
 * repetition measures the rates on a bootstrap resample of it (as a held-out set is a sample of the
 * population), while the audience is drawn from the pool itself. Printed: the mean absolute error of the fake share (points) and how often
 * the 90% interval covers the true share.
 *
 * Follower Factory: 5,000 organic followers whose account creation dates are drawn from real genuine
 * accounts' dates (cresci-2015 E13), in random follow order; a batch of 500 accounts created within two
 * weeks is inserted as one block. Printed: the batch's recall, and how often organic-only lists raise an
 * alarm.
 *
 * usage: eval_audience DATES.csv POOL.csv...  (DATES: a cresci-2015 CSV of genuine accounts; each POOL:
 *                                             a model's held-out scores, "label" and "p_fake" columns)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "factory.h"
#include "timefmt.h"

#define AUDIENCE 10000
#define REPETITIONS 200
#define FAKE_THRESHOLD 0.5

typedef struct pool {
    double *p;
    int *fake;
    size_t n;
} pool;

/* splitmix64: a fixed seed gives the same figures on every run. */
static unsigned long long rng_state = 0x7472756566756c6cULL;
static unsigned long long next_random(void)
{
    unsigned long long z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static size_t uniform_index(size_t n) { return (size_t)(next_random() % n); }
static double uniform01(void) { return (double)(next_random() >> 11) / 9007199254740992.0; }

/* The index of a column named in a CSV header line, or -1. */
static int column_of(char *header, const char *name)
{
    int i = 0;
    for (char *field = strtok(header, ",\r\n"); field; field = strtok(NULL, ",\r\n"), i++)
        if (strcmp(field, name) == 0)
            return i;
    return -1;
}

/* The held-out scores the model's training writes: a header naming "label" and "p_fake", then rows. */
static int read_pool(const char *path, pool *out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[512], header[512];
    size_t cap = 1024;
    out->p = malloc(cap * sizeof *out->p);
    out->fake = malloc(cap * sizeof *out->fake);
    out->n = 0;
    if (!fgets(line, sizeof line, f)) {
        fclose(f);
        return -1;
    }
    memcpy(header, line, sizeof header);
    int label_at = column_of(header, "label");
    memcpy(header, line, sizeof header);
    int p_at = column_of(header, "p_fake");
    while (label_at >= 0 && p_at >= 0 && fgets(line, sizeof line, f) && out->p && out->fake) {
        double label = NAN, p = NAN;
        int i = 0;
        for (char *field = strtok(line, ",\r\n"); field; field = strtok(NULL, ",\r\n"), i++) {
            if (i == label_at)
                label = atof(field);
            else if (i == p_at)
                p = atof(field);
        }
        if (isnan(label) || isnan(p))
            continue;
        if (out->n == cap) {
            cap *= 2;
            out->p = realloc(out->p, cap * sizeof *out->p);
            out->fake = realloc(out->fake, cap * sizeof *out->fake);
            if (!out->p || !out->fake)
                break;
        }
        out->p[out->n] = p;
        out->fake[out->n++] = label != 0;
    }
    fclose(f);
    return out->p && out->fake && out->n > 0 ? 0 : -1;
}

/* The creation dates of the genuine accounts in a cresci-2015 CSV (the created_at column). */
static size_t read_dates(const char *path, double *out, size_t cap)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    static char line[1 << 16];
    int column = -1;
    size_t n = 0;
    if (fgets(line, sizeof line, f)) {
        int i = 0;
        for (char *field = strtok(line, ",\n"); field; field = strtok(NULL, ",\n"), i++)
            if (strcmp(field, "created_at") == 0)
                column = i;
    }
    while (column >= 0 && n < cap && fgets(line, sizeof line, f)) {
        /* Names and bios may hold commas in quotes; the date's shape is unmistakable, so find it by shape. */
        for (char *s = line; *s && n < cap; s++) {
            if (s[3] != ' ' || s[7] != ' ' || s[10] != ' ' || s[13] != ':' || s[19] != ' ' || s[25] != ' ')
                continue;
            char date[31];
            memcpy(date, s, 30);
            date[30] = '\0';
            double t = tf_parse_twitter_date(date);
            if (isfinite(t)) {
                out[n++] = t;
                break;
            }
        }
    }
    fclose(f);
    return n;
}

/* P(a 90%-coverage cell measures under 87% or over 95% in REPETITIONS samples): binomial tails. */
static double outside_by_chance(void)
{
    double outside = 0;
    for (int k = 0; k <= REPETITIONS; k++) {
        double share = (double)k / REPETITIONS;
        if (share >= 0.87 && share <= 0.95)
            continue;
        outside += exp(lgamma(REPETITIONS + 1.0) - lgamma(k + 1.0) - lgamma(REPETITIONS - k + 1.0) + k * log(0.9) +
                       (REPETITIONS - k) * log(0.1));
    }
    return outside;
}

/* Rates measured on rows[0..n). */
static void error_rates(const pool *pl, const size_t *rows, size_t n, tf_error_rates *r)
{
    memset(r, 0, sizeof *r);
    for (size_t i = 0; i < n; i++) {
        int flagged = pl->p[rows[i]] >= FAKE_THRESHOLD;
        if (pl->fake[rows[i]])
            *(flagged ? &r->true_pos : &r->false_neg) += 1;
        else
            *(flagged ? &r->false_pos : &r->true_neg) += 1;
    }
}

static void audience_grid(const pool *pl)
{
    static const size_t sizes[] = {30, 100, 300, 1000};
    size_t *rows = malloc(pl->n * sizeof *rows), *fakes = malloc(pl->n * sizeof *fakes),
           *genuine = malloc(pl->n * sizeof *genuine);
    size_t *audience = malloc(AUDIENCE * sizeof *audience);
    size_t nf = 0, ng = 0;
    for (size_t i = 0; i < pl->n; i++) {
        rows[i] = i;
        if (pl->fake[i])
            fakes[nf++] = i;
        else
            genuine[ng++] = i;
    }
    tf_error_rates all;
    error_rates(pl, rows, pl->n, &all);
    printf("Held-out pool: %.0f fake, %.0f genuine; sensitivity %.4f (%.0f/%.0f), specificity %.4f (%.0f/%.0f) at "
           "p_fake >= %.1f\n\n",
           all.true_pos + all.false_neg, all.true_neg + all.false_pos, all.true_pos / (all.true_pos + all.false_neg),
           all.true_pos, all.true_pos + all.false_neg, all.true_neg / (all.true_neg + all.false_pos), all.true_neg,
           all.true_neg + all.false_pos, FAKE_THRESHOLD);

    double mae[11][4], coverage[11][4], worst_cover = 1, best_cover = 0, worst_mae_1000 = 0, mean_cover = 0;
    int outside = 0;
    for (int s = 0; s <= 10; s++) {
        size_t n_fake = (size_t)s * AUDIENCE / 10;
        for (int z = 0; z < 4; z++) {
            double abs_error = 0, covered = 0;
            for (int rep = 0; rep < REPETITIONS; rep++) {
                for (size_t i = 0; i < pl->n; i++)
                    rows[i] = uniform_index(pl->n);
                tf_error_rates rates;
                error_rates(pl, rows, pl->n, &rates);
                for (size_t a = 0; a < AUDIENCE; a++) /* the audience: row indexes, fakes first */
                    audience[a] = a < n_fake ? fakes[uniform_index(nf)] : genuine[uniform_index(ng)];
                size_t flagged = 0;
                for (size_t k = 0; k < sizes[z]; k++) { /* a sample without replacement: partial shuffle */
                    size_t j = k + uniform_index(AUDIENCE - k), t = audience[k];
                    audience[k] = audience[j];
                    audience[j] = t;
                    flagged += pl->p[audience[k]] >= FAKE_THRESHOLD;
                }
                tf_audit audit;
                tf_audit_from_counts(sizes[z], flagged, 0, &rates, TF_SEEN_FOLLOWERS, &audit);
                double truth = s / 10.0;
                abs_error += fabs(audit.fake.share - truth);
                covered += audit.fake.ci90[0] <= truth + 1e-9 && truth - 1e-9 <= audit.fake.ci90[1];
            }
            mae[s][z] = 100 * abs_error / REPETITIONS;
            coverage[s][z] = 100 * covered / REPETITIONS;
            worst_cover = fmin(worst_cover, coverage[s][z] / 100);
            mean_cover += coverage[s][z] / 44;
            outside += coverage[s][z] < 87 || coverage[s][z] > 95;
            best_cover = fmax(best_cover, coverage[s][z] / 100);
            if (sizes[z] == 1000)
                worst_mae_1000 = fmax(worst_mae_1000, mae[s][z]);
        }
    }
    printf("Fake share: mean absolute error (points) | 90%% interval coverage (%%), %d samples a cell\n", REPETITIONS);
    printf("  fake%%   n=30   n=100  n=300 n=1000 |  n=30  n=100  n=300 n=1000\n");
    for (int s = 0; s <= 10; s++)
        printf("  %4d  %5.2f  %5.2f  %5.2f  %5.2f  | %5.1f  %5.1f  %5.1f  %5.1f\n", s * 10, mae[s][0], mae[s][1],
               mae[s][2], mae[s][3], coverage[s][0], coverage[s][1], coverage[s][2], coverage[s][3]);
    printf("Targets: coverage 87-95%% in every cell (measured %.1f-%.1f%%: %s); MAE <= 2 points at n=1000 "
           "(worst %.2f: %s)\n\n",
           100 * worst_cover, 100 * best_cover, worst_cover >= 0.87 && best_cover <= 0.95 ? "met" : "NOT met",
           worst_mae_1000, worst_mae_1000 <= 2 ? "met" : "NOT met");
    printf("Mean coverage over the 44 cells %.1f%%; %d cells outside 87-95%%. With %d samples a cell, a method "
           "covering exactly 90%% leaves %.1f%% of cells outside by sampling noise alone (%.1f of 44).\n\n",
           mean_cover, outside, REPETITIONS, 100 * outside_by_chance(), 44 * outside_by_chance());
    free(rows), free(fakes), free(genuine), free(audience);
}

static void factory_simulation(const double *dates, size_t n_dates)
{
    enum { ORGANIC = 5000, BATCH = 500 };
    double *list = malloc((ORGANIC + BATCH) * sizeof *list);
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n_dates; i++)
        lo = fmin(lo, dates[i]), hi = fmax(hi, dates[i]);
    double recall = 0, false_alarms = 0, worst_recall = 1;
    for (int rep = 0; rep < REPETITIONS; rep++) {
        /* With a batch: organic followers in random order, the bought block at a random position. */
        size_t at = uniform_index(ORGANIC + 1);
        double batch_start = lo + uniform01() * (hi - lo - 14 * 86400.0);
        for (size_t i = 0, o = 0; i < ORGANIC + BATCH; i++) {
            if (i >= at && i < at + BATCH)
                list[i] = batch_start + uniform01() * 14 * 86400.0;
            else
                list[i] = dates[uniform_index(n_dates)], o++;
        }
        tf_factory_result found;
        tf_factory_find(list, ORGANIC + BATCH, &found);
        size_t hit = 0;
        for (size_t r = 0; r < found.n_runs; r++)
            for (size_t i = found.runs[r].first; i <= found.runs[r].last; i++)
                hit += i >= at && i < at + BATCH && list[i] >= found.runs[r].created_from &&
                       list[i] <= found.runs[r].created_to;
        recall += (double)hit / BATCH;
        worst_recall = fmin(worst_recall, (double)hit / BATCH);
        free(found.runs);

        /* Organic only. */
        for (size_t i = 0; i < ORGANIC; i++)
            list[i] = dates[uniform_index(n_dates)];
        tf_factory_find(list, ORGANIC, &found);
        false_alarms += found.n_runs > 0;
        free(found.runs);
    }
    printf("Follower Factory: %d runs of %d organic followers (creation dates of %zu real genuine accounts)\n",
           REPETITIONS, ORGANIC, n_dates);
    printf("  batch of %d created within 14 days: mean recall %.1f%% (worst run %.1f%%; target >= 95%%: %s)\n", BATCH,
           100 * recall / REPETITIONS, 100 * worst_recall, recall / REPETITIONS >= 0.95 ? "met" : "NOT met");
    printf("  organic only: alarm in %.1f%% of runs (target <= 5%%: %s)\n", 100 * false_alarms / REPETITIONS,
           false_alarms / REPETITIONS <= 0.05 ? "met" : "NOT met");
    free(list);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: eval_audience DATES.csv POOL.csv...\n", stderr);
        return 2;
    }
    static double dates[100000];
    size_t n_dates = read_dates(argv[1], dates, sizeof dates / sizeof *dates);
    if (n_dates < 100) {
        fprintf(stderr, "eval_audience: only %zu creation dates in %s\n", n_dates, argv[1]);
        return 1;
    }
    for (int i = 2; i < argc; i++) {
        pool pl;
        if (read_pool(argv[i], &pl)) {
            fprintf(stderr, "eval_audience: cannot read the held-out pool %s\n", argv[i]);
            return 1;
        }
        printf("=== %s\n", argv[i]);
        audience_grid(&pl);
        free(pl.p), free(pl.fake);
    }
    factory_simulation(dates, n_dates);
    return 0;
}
