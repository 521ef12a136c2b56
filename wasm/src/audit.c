/*
 * The audience estimate.
 *
 * Fake share. Of n followers the model flags k as fake. With sensitivity Se and specificity Sp the
 * expected flagged share is q(pi) = pi Se + (1 - pi)(1 - Sp), so the point estimate is Rogan and Gladen's
 * pi = (k/n + Sp - 1) / (Se + Sp - 1), clipped to [0, 1]. The 90% interval is a Neyman construction with
 * Feldman and Cousins' likelihood-ratio ordering ("Unified approach to the classical statistical analysis
 * of small signals", 1998): it holds its coverage at the edges, where a share of 0% or 100% lies, and
 * never gives an empty interval. The distribution of k mixes the binomial over the uncertainty of Se and
 * Sp: their Beta posteriors from the held-out counts, each taken at N_NODES equal-probability quantiles
 * (quantiles, not a normal approximation, because with a handful of errors the posterior is skewed).
 * Ranks count a quarter of a count's own probability (a partial mid-p rule), which keeps discrete
 * samples from covering far more often than 90%.
 *
 * Inactive share: among the accounts not flagged fake, the share that are quiet (score.c's rule), with a
 * Wilson interval, times the real share; bounds combine by interval arithmetic (conservative).
 */
#include "audit.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#define CONFIDENCE 0.90
#define Z90 1.6448536269514722
#define BISECT_STEPS 22 /* interval edges to 2^-22 (2.4e-7) of a share */
#define TAIL_SIGMAS 8.0 /* binomial mass beyond this many standard deviations (< 1e-15) is negligible */
#define N_NODES 7
#define N_MIX (N_NODES * N_NODES)
#ifndef TF_AUDIT_MID_P
#define TF_AUDIT_MID_P 0.25
#endif

typedef struct belt {
    double n, se, sp;                   /* sample size; point estimates of the rates */
    double node_se[N_MIX], node_sp[N_MIX], node_w[N_MIX]; /* the rates' uncertainty, as a weighted mixture */
    double log_n_factorial;
    double *log_choose;                 /* log C(n, j), j = 0..n; NAN until computed */
    double *best;                       /* P(j | its most likely share), j = 0..n; < 0 until computed */
} belt;

/* The mixture's flagged shares at one true share pi, as log q and log(1 - q). */
typedef struct at_share {
    double log_q[N_MIX], log_1q[N_MIX];
    double q_lo, q_hi;
} at_share;

/* The continued fraction of the regularized incomplete beta function, by the modified Lentz method. */
static double beta_fraction(double a, double b, double x)
{
    const double tiny = 1e-300;
    double c = 1, d = 1 - (a + b) * x / (a + 1);
    d = 1 / (fabs(d) < tiny ? tiny : d);
    double f = d;
    for (int m = 1; m <= 300; m++) {
        double m2 = 2.0 * m;
        double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
        double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
        for (int step = 0; step < 2; step++) {
            double coefficient = step == 0 ? even : odd;
            d = 1 + coefficient * d;
            d = 1 / (fabs(d) < tiny ? tiny : d);
            c = 1 + coefficient / c;
            c = fabs(c) < tiny ? tiny : c;
            f *= c * d;
        }
        if (fabs(c * d - 1) < 1e-14)
            break;
    }
    return f;
}

/* I_x(a, b): the Beta(a, b) distribution function at x. */
static double beta_cdf(double a, double b, double x)
{
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    double log_front = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x);
    if (x < (a + 1) / (a + b + 2))
        return exp(log_front) * beta_fraction(a, b, x) / a;
    return 1 - exp(log_front) * beta_fraction(b, a, 1 - x) / b;
}

/* A rate's Beta(successes + 1/2, failures + 1/2) posterior at N_NODES equal-probability quantiles. */
static void beta_nodes(double successes, double failures, double out[N_NODES])
{
    double a = successes + 0.5, b = failures + 0.5;
    for (int i = 0; i < N_NODES; i++) {
        double p = (i + 0.5) / N_NODES, lo = 0, hi = 1;
        for (int step = 0; step < 60; step++) {
            double mid = (lo + hi) / 2;
            if (beta_cdf(a, b, mid) < p)
                lo = mid;
            else
                hi = mid;
        }
        out[i] = (lo + hi) / 2;
    }
}

static void prepare(const belt *b, double pi, at_share *s)
{
    s->q_lo = 1;
    s->q_hi = 0;
    for (int m = 0; m < N_MIX; m++) {
        double q = pi * b->node_se[m] + (1 - pi) * (1 - b->node_sp[m]);
        s->log_q[m] = q > 0 ? log(q) : -INFINITY;
        s->log_1q[m] = q < 1 ? log1p(-q) : -INFINITY;
        s->q_lo = fmin(s->q_lo, q);
        s->q_hi = fmax(s->q_hi, q);
    }
}

/* log C(n, j), computed once per j and only for the j the intervals reach. */
static double log_choose(belt *b, size_t j)
{
    if (isnan(b->log_choose[j]))
        b->log_choose[j] = b->log_n_factorial - lgamma((double)j + 1) - lgamma(b->n - (double)j + 1);
    return b->log_choose[j];
}

/* P(j | pi), mixed over the uncertainty of Se and Sp. */
static double probability(belt *b, const at_share *s, size_t j)
{
    double jj = (double)j, rest = b->n - jj, p = 0;
    for (int m = 0; m < N_MIX; m++) {
        /* 0 * log(0) is 0 here: a share of exactly 0 or 1 makes j = 0 or j = n certain. */
        double log_p = log_choose(b, j) + (jj > 0 ? jj * s->log_q[m] : 0) + (rest > 0 ? rest * s->log_1q[m] : 0);
        p += b->node_w[m] * exp(log_p);
    }
    return p;
}

static double best_share(const belt *b, double k)
{
    double pi = (k / b->n + b->sp - 1) / (b->se + b->sp - 1);
    return fmin(1.0, fmax(0.0, pi));
}

/*
 * The ranking's denominator: the binomial probability of j at its most likely flagged share, j/n held
 * to what Se and Sp allow ([1 - Sp, Se], their point estimates). Any ranking gives intervals with the
 * stated coverage; this one needs two logarithms per j where the mixture would need a hundred.
 */
static double best_probability(belt *b, size_t j)
{
    if (b->best[j] < 0) {
        double jj = (double)j, rest = b->n - jj, q = fmin(b->se, fmax(1 - b->sp, jj / b->n));
        b->best[j] = exp(log_choose(b, j) + (jj > 0 ? jj * log(q) : 0) + (rest > 0 ? rest * log1p(-q) : 0));
    }
    return b->best[j];
}

/*
 * Is k inside pi's 90% acceptance region? The counts j are ranked by the Feldman-Cousins ratio
 * P(j | pi) / P(j | best share for j); k is accepted while the counts ranked above it, plus half of k's
 * own probability (the mid-p rule, so that discreteness does not inflate coverage), stay under 90%.
 */
static int accepts(belt *b, size_t k, double pi)
{
    at_share s;
    prepare(b, pi, &s);
    double best_k = best_probability(b, k);
    double p_k = probability(b, &s, k);
    double r_k = best_k > 0 ? p_k / best_k : 0;
    double spread = TAIL_SIGMAS * sqrt(b->n * fmax(s.q_hi * (1 - s.q_lo), 1e-4)) + 2;
    size_t from = (size_t)fmax(0, floor(b->n * s.q_lo - spread)), to = (size_t)fmin(b->n, ceil(b->n * s.q_hi + spread));

    /* Each node's binomial probability walks along j by the ratio P(j+1)/P(j) = (n-j)/(j+1) * q/(1-q),
     * so the loop multiplies where it would otherwise take an exp; a node whose q is 0 or 1, or whose
     * start underflowed, is evaluated directly. */
    double node_p[N_MIX], odds[N_MIX];
    int direct[N_MIX];
    for (int m = 0; m < N_MIX; m++) {
        double log_p = log_choose(b, from) + (from > 0 ? (double)from * s.log_q[m] : 0) +
                       ((double)from < b->n ? (b->n - (double)from) * s.log_1q[m] : 0);
        node_p[m] = exp(log_p);
        direct[m] = !isfinite(s.log_q[m]) || !isfinite(s.log_1q[m]) || node_p[m] == 0;
        odds[m] = direct[m] ? 0 : exp(s.log_q[m] - s.log_1q[m]);
    }
    double mass_above = TF_AUDIT_MID_P * p_k;
    for (size_t j = from; j <= to && mass_above < CONFIDENCE; j++) {
        double p_j = 0;
        for (int m = 0; m < N_MIX; m++) {
            if (direct[m]) {
                double jj = (double)j, rest = b->n - jj;
                node_p[m] = exp(log_choose(b, j) + (jj > 0 ? jj * s.log_q[m] : 0) + (rest > 0 ? rest * s.log_1q[m] : 0));
            }
            p_j += b->node_w[m] * node_p[m];
            if (!direct[m])
                node_p[m] *= (b->n - (double)j) / ((double)j + 1) * odds[m];
        }
        if (j == k)
            continue;
        double best_j = best_probability(b, j);
        if (best_j > 0 && p_j / best_j > r_k)
            mass_above += p_j;
    }
    return mass_above < CONFIDENCE;
}

/* The edge between an accepted and a rejected share, by bisection. */
static double edge(belt *b, size_t k, double accepted, double rejected)
{
    for (int i = 0; i < BISECT_STEPS; i++) {
        double mid = (accepted + rejected) / 2;
        if (accepts(b, k, mid))
            accepted = mid;
        else
            rejected = mid;
    }
    return accepted;
}

static tf_share fake_share(size_t n, size_t k, const tf_error_rates *r, double *se_out, double *sp_out)
{
    belt b;
    b.n = (double)n;
    b.se = (r->true_pos + 0.5) / (r->true_pos + r->false_neg + 1);
    b.sp = (r->true_neg + 0.5) / (r->true_neg + r->false_pos + 1);
    *se_out = b.se;
    *sp_out = b.sp;
    tf_share s = {NAN, {0, 1}};
    if (n == 0 || b.se + b.sp - 1 <= 0.05)
        return s; /* no sample, or a classifier no better than chance: nothing can be said */

    double se_nodes[N_NODES], sp_nodes[N_NODES];
    beta_nodes(r->true_pos, r->false_neg, se_nodes);
    beta_nodes(r->true_neg, r->false_pos, sp_nodes);
    for (int i = 0; i < N_NODES; i++)
        for (int j = 0; j < N_NODES; j++) {
            b.node_se[i * N_NODES + j] = se_nodes[i];
            b.node_sp[i * N_NODES + j] = sp_nodes[j];
            b.node_w[i * N_NODES + j] = 1.0 / N_MIX;
        }
    b.log_choose = malloc((n + 1) * sizeof *b.log_choose);
    b.best = malloc((n + 1) * sizeof *b.best);
    if (!b.log_choose || !b.best) {
        free(b.log_choose), free(b.best);
        return s; /* out of memory: say nothing rather than something wrong */
    }
    b.log_n_factorial = lgamma(b.n + 1);
    for (size_t j = 0; j <= n; j++) {
        b.log_choose[j] = NAN;
        b.best[j] = -1;
    }
    s.share = best_share(&b, (double)k);
    s.ci90[0] = accepts(&b, k, 0) ? 0 : edge(&b, k, s.share, 0);
    s.ci90[1] = accepts(&b, k, 1) ? 1 : edge(&b, k, s.share, 1);
    free(b.log_choose), free(b.best);
    return s;
}

static void wilson(double k, double n, double *lo, double *hi)
{
    if (n <= 0) {
        *lo = 0;
        *hi = 1;
        return;
    }
    double p = k / n, z2 = Z90 * Z90;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z90 * sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
    *lo = fmax(0, centre - half);
    *hi = fmin(1, centre + half);
}

/* Held-out counts are finite and not negative; flagged accounts are among the n. */
static int consistent(size_t n, size_t fake, size_t inactive, const tf_error_rates *r)
{
    const double counts[] = {r->true_pos, r->false_neg, r->true_neg, r->false_pos};
    for (size_t i = 0; i < sizeof counts / sizeof *counts; i++)
        if (!(counts[i] >= 0 && counts[i] <= DBL_MAX))
            return 0;
    return fake <= n && inactive <= n - fake && n < SIZE_MAX / sizeof(double) - 1;
}

void tf_audit_from_counts(size_t n, size_t fake, size_t inactive, const tf_error_rates *rates, tf_seen origin,
                          tf_audit *out)
{
    out->n = n;
    out->flagged_fake = fake;
    out->flagged_inactive = inactive;
    out->too_few = n < TF_AUDIT_MIN_SAMPLE;
    out->origin = origin;
    out->method = "Rogan-Gladen corrected shares; Feldman-Cousins 90% intervals over sampling and the "
                  "classifier's held-out error rates";
    if (!consistent(n, fake, inactive, rates)) {
        const tf_share nothing = {NAN, {0, 1}}; /* inconsistent input: say nothing rather than something wrong */
        out->real = out->inactive = out->fake = nothing;
        out->sensitivity = out->specificity = NAN;
        return;
    }
    out->fake = fake_share(n, fake, rates, &out->sensitivity, &out->specificity);

    /* Quiet among the accounts not flagged fake. */
    double passed = (double)(n - fake), quiet = passed > 0 ? (double)inactive / passed : 0, quiet_lo, quiet_hi;
    wilson((double)inactive, passed, &quiet_lo, &quiet_hi);
    double genuine = 1 - out->fake.share, genuine_lo = 1 - out->fake.ci90[1], genuine_hi = 1 - out->fake.ci90[0];
    out->inactive.share = genuine * quiet;
    out->inactive.ci90[0] = genuine_lo * quiet_lo;
    out->inactive.ci90[1] = genuine_hi * quiet_hi;
    out->real.share = genuine * (1 - quiet);
    out->real.ci90[0] = genuine_lo * (1 - quiet_hi);
    out->real.ci90[1] = genuine_hi * (1 - quiet_lo);
}

void tf_audit_estimate(const tf_score *scores, size_t n, const tf_error_rates *rates, tf_seen origin,
                       tf_audit *out)
{
    size_t fake = 0, inactive = 0;
    for (size_t i = 0; i < n; i++) {
        fake += scores[i].verdict == TF_FAKE;
        inactive += scores[i].verdict == TF_INACTIVE;
    }
    tf_audit_from_counts(n, fake, inactive, rates, origin, out);
}
