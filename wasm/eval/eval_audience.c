/*
 * `make eval-audience`: the audience estimate and the Follower Factory test, measured on simulations.
 *
 * Audience estimate: audiences of 10,000 followers are built from held-out labelled accounts (each row
 * a model's out-of-fold p_fake and the true label) at fake shares 0%, 10%, ..., 100%; samples of
 * n = 30, 100, 300 and 1,000 are drawn from each, 200 times. As in use, the error rates the estimate
 * relies on are a measurement with its own noise: the pool stands for the population, and every
 * repetition measures the rates on a bootstrap resample of it (as a held-out set is a sample of the
 * population), while the audience is drawn from the pool itself. Printed: the mean absolute error of the
 * fake share (points) and how often the 90% interval covers the true share.
 *
 * How often the interval covers the truth is measured within each repetition, not by its one sample alone:
 * given the repetition's rates and audience, the flagged count of a sample of n is hypergeometric, so the
 * chance that the interval covers the truth is a sum over the counts whose interval covers it. A yes-or-no
 * per sample would measure a cell's coverage to about 2.1 points in 200 repetitions (one standard error at
 * 90%), leaving about 3 of 44 cells of a method that covers exactly 90% outside 87-95% by luck; the chance
 * removes the sample's luck and leaves only that of the rates and the audience. The yes-or-no counts of the
 * same repetitions are printed too, with a check that they agree with the chances.
 *
 * `--exact DRAWS` (make eval-audience-exact) measures each cell's coverage more precisely still, over the
 * audience's draw as well: the flagged count's law in the simulation is known exactly (a hypergeometric
 * number of fakes in the sample, each flagged with the pool's sensitivity, each genuine account with its
 * false-positive rate), so for each of DRAWS bootstrap measurements of the rates the chance that the interval
 * covers the truth is a sum over the counts whose interval covers it. Only the rates' draws are left to chance.
 *
 * Follower Factory: 5,000 organic followers whose account creation dates are drawn from real genuine
 * accounts' dates (cresci-2015 E13), in random follow order; a batch of 500 accounts created within two
 * weeks is inserted as one block. Printed: the batch's recall, and how often organic-only lists raise an
 * alarm.
 *
 * usage: eval_audience [--exact DRAWS] DATES.csv POOL.csv...  (DATES: a cresci-2015 CSV of genuine
 *        accounts; each POOL: a model's held-out scores, "label" and "p_fake" columns)
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
#define SHARES 11 /* 0%, 10%, ..., 100% */
#define SIZES 4

static const size_t sizes[SIZES] = {30, 100, 300, 1000};

typedef struct pool {
    double *p;
    int *fake;
    size_t n;
} pool;

/* splitmix64 streams: a fixed seed gives the same figures on every run. The grids and the Follower Factory
 * share one stream; the exact measure has its own, so that it repeats none of its draws. */
typedef struct stream {
    unsigned long long state;
} stream;
static stream main_stream = {0x7472756566756c6cULL}, exact_stream = {0x6578616374ULL};
static unsigned long long next_random(stream *s)
{
    unsigned long long z = (s->state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static size_t uniform_index(stream *s, size_t n) { return (size_t)(next_random(s) % n); }
static double uniform01(stream *s) { return (double)(next_random(s) >> 11) / 9007199254740992.0; }

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

/* log C(n, k). */
static double log_choose(double n, double k) { return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1); }

/* log of the binomial probability C(n, k) p^k (1 - p)^(n - k). */
static double log_binomial(double n, double k, double p)
{
    if (p <= 0 || p >= 1)
        return (p <= 0 ? k == 0 : k == n) ? 0 : -INFINITY;
    return log_choose(n, k) + k * log(p) + (n - k) * log1p(-p);
}

/* The chance of k marked in n drawn without replacement from `total` of which `marked` are marked. */
static double hypergeometric(double total, double marked, double n, double k)
{
    if (k > marked || n - k > total - marked)
        return 0;
    return exp(log_choose(marked, k) + log_choose(total - marked, n - k) - log_choose(total, n));
}

/* The chance that a cell whose coverage is `cover` measures outside 87-95% in `reps` samples (binomial tails). */
static double outside_by_chance(double cover, int reps)
{
    double outside = 0;
    for (int k = 0; k <= reps; k++)
        if (100 * k < 87 * reps || 100 * k > 95 * reps)
            outside += exp(log_binomial(reps, k, cover));
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

/* A pool split by label, with the buffers one repetition needs. */
typedef struct frame {
    const pool *pl;
    size_t *rows, *fakes, *genuine, *audience;
    size_t nf, ng;
} frame;

static int frame_open(const pool *pl, frame *f)
{
    f->pl = pl;
    f->rows = malloc(pl->n * sizeof *f->rows);
    f->fakes = malloc(pl->n * sizeof *f->fakes);
    f->genuine = malloc(pl->n * sizeof *f->genuine);
    f->audience = malloc(AUDIENCE * sizeof *f->audience);
    f->nf = f->ng = 0;
    if (!f->rows || !f->fakes || !f->genuine || !f->audience)
        return -1;
    for (size_t i = 0; i < pl->n; i++) {
        if (pl->fake[i])
            f->fakes[f->nf++] = i;
        else
            f->genuine[f->ng++] = i;
    }
    return f->nf && f->ng ? 0 : -1;
}

static void frame_close(frame *f) { free(f->rows), free(f->fakes), free(f->genuine), free(f->audience); }

/* The rates as a held-out set would measure them: on a bootstrap resample of the pool. */
static void measure_rates(frame *f, stream *rng, tf_error_rates *rates)
{
    for (size_t i = 0; i < f->pl->n; i++)
        f->rows[i] = uniform_index(rng, f->pl->n);
    error_rates(f->pl, f->rows, f->pl->n, rates);
}

static int covers(size_t n, size_t k, const tf_error_rates *rates, double truth, int side)
{
    tf_audit audit;
    tf_audit_from_counts(n, k, 0, rates, TF_SEEN_FOLLOWERS, &audit);
    return side < 0 ? audit.fake.ci90[1] >= truth - 1e-9 : audit.fake.ci90[0] <= truth + 1e-9;
}

/* P(the interval covers the truth) for one measurement of the rates. The interval's ends rise with k, so
 * the counts whose interval covers the truth run from the first k whose upper end reaches it to the last
 * whose lower end does; both are found by bisection. With `checked`, every count is also tried one by one
 * and a disagreement is counted in *broken (printed as a warning). */
static double coverage_given_rates(size_t n, const double *law, const tf_error_rates *rates, double truth,
                                   int checked, int *broken)
{
    size_t lo = 0, hi = n + 1; /* the first k whose upper end reaches the truth (n + 1: none) */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (covers(n, mid, rates, truth, -1))
            hi = mid;
        else
            lo = mid + 1;
    }
    size_t first = lo;
    lo = 0, hi = n + 1; /* one past the last k whose lower end reaches it (0: none) */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (covers(n, mid, rates, truth, +1))
            lo = mid + 1;
        else
            hi = mid;
    }
    double p = 0;
    for (size_t k = first; k < lo; k++)
        p += law[k];
    if (checked) {
        double brute = 0;
        for (size_t k = 0; k <= n; k++)
            brute += covers(n, k, rates, truth, -1) && covers(n, k, rates, truth, +1) ? law[k] : 0;
        *broken += fabs(brute - p) > 1e-12;
    }
    return p;
}

typedef struct grid {
    int reps;
    int covered[SHARES][SIZES];   /* repetitions whose drawn sample's interval covered the truth */
    double chance[SHARES][SIZES]; /* the sum over repetitions of the chance that a sample's interval covers it */
    double spread[SHARES][SIZES]; /* the sum of chance * (1 - chance): the variance of `covered` given the chances */
    double mae[SHARES][SIZES];    /* points */
    int broken;                   /* checks of the covering counts one by one that disagreed (none expected) */
} grid;

static double coverage_of(const grid *g, int s, int z) { return (double)g->covered[s][z] / g->reps; }

static double chance_of(const grid *g, int s, int z) { return g->chance[s][z] / g->reps; }

/* The law of the flagged count in a sample of n drawn without replacement from an audience holding
 * `flagged` accounts the model flags: hypergeometric. */
static void sample_law(size_t n, size_t flagged, double *law)
{
    for (size_t k = 0; k <= n; k++)
        law[k] = hypergeometric(AUDIENCE, (double)flagged, (double)n, (double)k);
}

/*
 * The simulation: an audience at each share, samples of each size, `reps` times. Each repetition measures
 * the rates, draws an audience and draws one sample (its error, and whether its interval covers the truth),
 * and gets the chance that its interval covers the truth over every sample its audience could give: the same
 * repetition's coverage without the luck of the one sample drawn. `law` has room for sizes[SIZES - 1] + 1
 * doubles. The first two repetitions of a cell with n <= 300 also check the covering counts one by one.
 */
static void simulate(frame *f, stream *rng, int reps, double *law, grid *g)
{
    memset(g, 0, sizeof *g);
    g->reps = reps;
    for (int s = 0; s < SHARES; s++) {
        size_t n_fake = (size_t)s * AUDIENCE / (SHARES - 1);
        double truth = (double)s / (SHARES - 1);
        for (int z = 0; z < SIZES; z++) {
            double abs_error = 0;
            for (int rep = 0; rep < reps; rep++) {
                tf_error_rates rates;
                measure_rates(f, rng, &rates);
                size_t in_audience = 0; /* the audience's flagged accounts */
                for (size_t a = 0; a < AUDIENCE; a++) { /* the audience: row indexes, fakes first */
                    f->audience[a] = a < n_fake ? f->fakes[uniform_index(rng, f->nf)]
                                                : f->genuine[uniform_index(rng, f->ng)];
                    in_audience += f->pl->p[f->audience[a]] >= FAKE_THRESHOLD;
                }
                size_t flagged = 0;
                for (size_t k = 0; k < sizes[z]; k++) { /* a sample without replacement: partial shuffle */
                    size_t j = k + uniform_index(rng, AUDIENCE - k), t = f->audience[k];
                    f->audience[k] = f->audience[j];
                    f->audience[j] = t;
                    flagged += f->pl->p[f->audience[k]] >= FAKE_THRESHOLD;
                }
                tf_audit audit;
                tf_audit_from_counts(sizes[z], flagged, 0, &rates, TF_SEEN_FOLLOWERS, &audit);
                abs_error += fabs(audit.fake.share - truth);
                g->covered[s][z] += audit.fake.ci90[0] <= truth + 1e-9 && truth - 1e-9 <= audit.fake.ci90[1];
                sample_law(sizes[z], in_audience, law);
                double c = coverage_given_rates(sizes[z], law, &rates, truth, rep < 2 && sizes[z] <= 300, &g->broken);
                g->chance[s][z] += c;
                g->spread[s][z] += c * (1 - c);
            }
            g->mae[s][z] = 100 * abs_error / reps;
        }
    }
}

/* The law of the flagged count in a sample of n from an audience with n_fake fakes: h fakes in the sample
 * (hypergeometric), each flagged with probability se, each of the n - h genuine with probability fp. */
static void flagged_law(size_t n, size_t n_fake, double se, double fp, double *law, double *fakes_flagged,
                        double *genuine_flagged)
{
    double nn = (double)n, nf = (double)n_fake;
    for (size_t k = 0; k <= n; k++)
        law[k] = 0;
    for (size_t h = 0; h <= n; h++) {
        double hh = (double)h, w = hypergeometric(AUDIENCE, nf, nn, hh);
        if (w < 1e-15) /* also the impossible h */
            continue;
        for (size_t i = 0; i <= h; i++)
            fakes_flagged[i] = exp(log_binomial(hh, (double)i, se));
        for (size_t i = 0; i <= n - h; i++)
            genuine_flagged[i] = exp(log_binomial(nn - hh, (double)i, fp));
        for (size_t i = 0; i <= h; i++)
            if (fakes_flagged[i] > 1e-18)
                for (size_t j = 0; j <= n - h; j++)
                    law[i + j] += w * fakes_flagged[i] * genuine_flagged[j];
    }
}

typedef struct exact_grid {
    double coverage[SHARES][SIZES], error[SHARES][SIZES]; /* mean over the draws of the rates; its standard error */
    int broken;
} exact_grid;

static int measure_exactly(frame *f, int draws, exact_grid *g)
{
    size_t n_max = sizes[SIZES - 1];
    double *law = malloc((n_max + 1) * sizeof *law), *a = malloc((n_max + 1) * sizeof *a),
           *b = malloc((n_max + 1) * sizeof *b);
    if (!law || !a || !b) {
        free(law), free(a), free(b);
        return -1;
    }
    tf_error_rates all;
    for (size_t i = 0; i < f->pl->n; i++)
        f->rows[i] = i;
    error_rates(f->pl, f->rows, f->pl->n, &all);
    double se = all.true_pos / (all.true_pos + all.false_neg), fp = all.false_pos / (all.false_pos + all.true_neg);
    g->broken = 0;
    for (int s = 0; s < SHARES; s++)
        for (int z = 0; z < SIZES; z++) {
            double truth = (double)s / (SHARES - 1), sum = 0, sum2 = 0;
            flagged_law(sizes[z], (size_t)s * AUDIENCE / (SHARES - 1), se, fp, law, a, b);
            for (int d = 0; d < draws; d++) {
                tf_error_rates rates;
                measure_rates(f, &exact_stream, &rates);
                double c = coverage_given_rates(sizes[z], law, &rates, truth, d < 5 && sizes[z] <= 300, &g->broken);
                sum += c;
                sum2 += c * c;
            }
            double mean = sum / draws;
            g->coverage[s][z] = mean;
            g->error[s][z] = sqrt(fmax(0, sum2 / draws - mean * mean) / draws);
        }
    free(law), free(a), free(b);
    return 0;
}

/* min, max and the number of cells outside 87-95% of a grid of coverages (as shares). */
static int summarise(double cover[SHARES][SIZES], double *lo, double *hi)
{
    int outside = 0;
    *lo = 1, *hi = 0;
    for (int s = 0; s < SHARES; s++)
        for (int z = 0; z < SIZES; z++) {
            *lo = fmin(*lo, cover[s][z]);
            *hi = fmax(*hi, cover[s][z]);
            outside += cover[s][z] < 0.87 || cover[s][z] > 0.95;
        }
    return outside;
}

static void print_rates(const pool *pl)
{
    tf_error_rates all;
    size_t *rows = malloc(pl->n * sizeof *rows);
    if (!rows)
        return;
    for (size_t i = 0; i < pl->n; i++)
        rows[i] = i;
    error_rates(pl, rows, pl->n, &all);
    free(rows);
    printf("Held-out pool: %.0f fake, %.0f genuine; sensitivity %.4f (%.0f/%.0f), specificity %.4f (%.0f/%.0f) at "
           "p_fake >= %.1f\n\n",
           all.true_pos + all.false_neg, all.true_neg + all.false_pos, all.true_pos / (all.true_pos + all.false_neg),
           all.true_pos, all.true_pos + all.false_neg, all.true_neg / (all.true_neg + all.false_pos), all.true_neg,
           all.true_neg + all.false_pos, FAKE_THRESHOLD);
}

/* A grid of coverages (as shares): its rows, then its range and the cells outside 87-95% (the line left open). */
static void print_coverages(double cover[SHARES][SIZES])
{
    double lo, hi;
    int outside = summarise(cover, &lo, &hi);
    printf("  fake%%   n=30  n=100  n=300 n=1000\n");
    for (int s = 0; s < SHARES; s++)
        printf("  %4d  %5.1f  %5.1f  %5.1f  %5.1f\n", s * 10, 100 * cover[s][0], 100 * cover[s][1], 100 * cover[s][2],
               100 * cover[s][3]);
    printf("Coverage %.1f-%.1f%%; %d of %d cells outside 87-95%%", 100 * lo, 100 * hi, outside, SHARES * SIZES);
}

static void audience_grid(const pool *pl, int exact_draws)
{
    frame f;
    if (frame_open(pl, &f)) {
        fputs("eval_audience: the pool needs fake and genuine rows\n", stderr);
        frame_close(&f);
        return;
    }
    double *law = malloc((sizes[SIZES - 1] + 1) * sizeof *law);
    if (!law) {
        frame_close(&f);
        return;
    }
    print_rates(pl);

    static grid g;
    double cover[SHARES][SIZES], drawn[SHARES][SIZES], worst_mae_1000 = 0;
    double covered = 0, expected = 0, spread = 0, predicted = 0; /* samples covered; cells outside by chance */
    simulate(&f, &main_stream, REPETITIONS, law, &g);
    for (int s = 0; s < SHARES; s++)
        for (int z = 0; z < SIZES; z++) {
            cover[s][z] = chance_of(&g, s, z);
            drawn[s][z] = coverage_of(&g, s, z);
            covered += g.covered[s][z];
            expected += g.chance[s][z];
            spread += g.spread[s][z];
            predicted += outside_by_chance(cover[s][z], REPETITIONS);
            if (sizes[z] == 1000)
                worst_mae_1000 = fmax(worst_mae_1000, g.mae[s][z]);
        }

    double lo, hi;
    int outside = summarise(cover, &lo, &hi);
    printf("Fake share: mean absolute error (points) | 90%% interval coverage (%%), %d repetitions a cell\n",
           REPETITIONS);
    printf("  fake%%   n=30   n=100  n=300 n=1000 |  n=30  n=100  n=300 n=1000\n");
    for (int s = 0; s < SHARES; s++)
        printf("  %4d  %5.2f  %5.2f  %5.2f  %5.2f  | %5.1f  %5.1f  %5.1f  %5.1f\n", s * 10, g.mae[s][0], g.mae[s][1],
               g.mae[s][2], g.mae[s][3], 100 * cover[s][0], 100 * cover[s][1], 100 * cover[s][2], 100 * cover[s][3]);
    printf("A repetition measures the rates, draws an audience and draws a sample: the error is that sample's; the "
           "coverage is the chance that the interval covers the truth over every sample of n its audience could "
           "give, averaged over the repetitions.\n");
    printf("Targets: coverage 87-95%% in every cell (measured %.1f-%.1f%%, %d of %d cells outside: %s); MAE <= 2 points "
           "at n=1000 (worst %.2f: %s)\n",
           100 * lo, 100 * hi, outside, SHARES * SIZES, outside ? "NOT met" : "met", worst_mae_1000,
           worst_mae_1000 <= 2 ? "met" : "NOT met");
    printf("%s\n\n", g.broken ? "WARNING: some intervals did not rise with the count; the coverages are approximate"
                              : "Checked count by count in the first 2 repetitions of every cell with n <= 300: agreed.");

    printf("The same repetitions counted by the one sample each drew, covered or not (standard error about %.1f "
           "points a cell)\n",
           100 * sqrt(0.9 * 0.1 / REPETITIONS));
    print_coverages(drawn);
    printf(" (%.1f expected by chance from the coverages above). Samples covered: %.0f of %d; the chances above "
           "expect %.1f +- %.1f (z = %+.2f)\n\n",
           predicted, covered, REPETITIONS * SHARES * SIZES, expected, sqrt(spread),
           spread > 0 ? (covered - expected) / sqrt(spread) : 0.0);

    static exact_grid e;
    if (exact_draws > 0 && measure_exactly(&f, exact_draws, &e) == 0) {
        outside = summarise(e.coverage, &lo, &hi);
        printf("Coverage computed exactly over audience and sample, averaged over %d measurements of the rates (%% +- its "
               "standard error)\n",
               exact_draws);
        printf("  fake%%         n=30        n=100        n=300       n=1000\n");
        for (int s = 0; s < SHARES; s++) {
            printf("  %4d", s * 10);
            for (int z = 0; z < SIZES; z++)
                printf("  %5.1f +-%4.2f", 100 * e.coverage[s][z], 100 * e.error[s][z]);
            printf("\n");
        }
        printf("Coverage %.1f-%.1f%%; %d of %d cells outside 87-95%%%s\n\n", 100 * lo, 100 * hi, outside,
               SHARES * SIZES, e.broken ? "; WARNING: some intervals did not rise with the count, the figures are "
                                          "approximate" : "");
    }
    free(law);
    frame_close(&f);
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
        size_t at = uniform_index(&main_stream, ORGANIC + 1);
        double batch_start = lo + uniform01(&main_stream) * (hi - lo - 14 * 86400.0);
        for (size_t i = 0, o = 0; i < ORGANIC + BATCH; i++) {
            if (i >= at && i < at + BATCH)
                list[i] = batch_start + uniform01(&main_stream) * 14 * 86400.0;
            else
                list[i] = dates[uniform_index(&main_stream, n_dates)], o++;
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
            list[i] = dates[uniform_index(&main_stream, n_dates)];
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
    int exact_draws = 0, first = 1;
    if (argc > 2 && strcmp(argv[1], "--exact") == 0) {
        exact_draws = atoi(argv[2]);
        first = 3;
    }
    if (argc - first < 2 || exact_draws < 0) {
        fputs("usage: eval_audience [--exact DRAWS] DATES.csv POOL.csv...\n", stderr);
        return 2;
    }
    static double dates[100000];
    size_t n_dates = read_dates(argv[first], dates, sizeof dates / sizeof *dates);
    if (n_dates < 100) {
        fprintf(stderr, "eval_audience: only %zu creation dates in %s\n", n_dates, argv[first]);
        return 1;
    }
    for (int i = first + 1; i < argc; i++) {
        pool pl;
        if (read_pool(argv[i], &pl)) {
            fprintf(stderr, "eval_audience: cannot read the held-out pool %s\n", argv[i]);
            return 1;
        }
        printf("=== %s\n", argv[i]);
        audience_grid(&pl, exact_draws);
        free(pl.p), free(pl.fake);
    }
    factory_simulation(dates, n_dates);
    return 0;
}
