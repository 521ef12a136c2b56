/*
 * The audience estimate.
 *
 * Fake share. Of n followers the model flags k as fake. With sensitivity Se and specificity Sp the
 * expected flagged share is q(pi) = pi Se + (1 - pi)(1 - Sp), so the point estimate is Rogan and Gladen's
 * pi = (k/n + Sp - 1) / (Se + Sp - 1), clipped to [0, 1], with Se and Sp the means of their Beta(x + 1/2,
 * y + 1/2) posteriors from the held-out counts. The 90% interval is a Neyman construction with Feldman
 * and Cousins' likelihood-ratio ordering ("Unified approach to the classical statistical analysis of
 * small signals", 1998): it holds its coverage at the edges, where a share of 0% or 100% lies, and never
 * gives an empty interval.
 *
 * The law of k at a share pi accounts for both the sample and the held-out measurement of the rates: k is
 * binomial given q, and q = pi Se + (1 - pi)(1 - Sp) varies with the two posteriors. That q is taken as
 * the Beta of the same mean and variance, so k is beta-binomial: exact at pi = 0 and 1 (where q is one
 * rate's posterior, skewed when the errors are few) and close in between. A smooth law keeps the
 * construction the same at every n: a mixture over a few fixed values of Se and Sp breaks into separate
 * peaks once the sample is much larger than the held-out set.
 *
 * The Feldman-Cousins ratio of a count j is P(j | pi) / P(j | its best share), the second law taken with
 * the first one's spread: the ratio then falls steadily on either side of its peak, so the counts ranked
 * above k form one run, found by bisection, and an acceptance test costs a few dozen log-gamma calls and
 * one sum over the run (the ordering is a choice: any ordering gives the stated coverage). Ranks count a
 * quarter of a count's own probability (a partial mid-p rule), which keeps discrete samples from covering
 * far more often than 90%. Samples beyond TF_AUDIT_SCALED_SAMPLE accounts are taken at that size with the
 * same flagged share: their interval is then the rates' uncertainty, and the sampling noise left in is
 * under 0.1 points, which can only widen it.
 *
 * Where the sensitivity cannot be pinned down (the model's recall of fakes differs too much from one data set
 * to another for its Beta to reach TF_AUDIT_MIN_HELD_OUT counts), there is no point estimate, and the
 * interval is one-sided: its lower edge is the construction's with the sensitivity taken as 1 (every fake
 * flagged), the fewest fakes the flagged count allows whatever the sensitivity is; its upper edge is 100%.
 * "At least this many are fake" stays true on audiences unlike the training data; "at most" would not.
 *
 * `make eval-audience` measures the coverage in simulation (wasm/eval/eval_audience.c).
 *
 * Inactive share: among the accounts not flagged fake, the share that are quiet (score.c's rule), with a
 * Wilson interval, times the real share; bounds combine by interval arithmetic (conservative).
 */
#include "audit.h"

#include <float.h>
#include <math.h>

#define CONFIDENCE 0.90
#define Z90 1.6448536269514722
#define BISECT_STEPS 22 /* interval edges to 2^-22 (2.4e-7) of a share */
#ifndef TF_AUDIT_MID_P
#define TF_AUDIT_MID_P 0.25
#endif
/* Held-out counts beyond ~10^9 cannot be real; capping the law's concentration keeps lgamma exact enough. */
#ifndef TF_AUDIT_MAX_CONCENTRATION
#define TF_AUDIT_MAX_CONCENTRATION 1e9
#endif
/* Error rates measured on fewer held-out fakes or genuine accounts than this support no number. */
#ifndef TF_AUDIT_MIN_HELD_OUT
#define TF_AUDIT_MIN_HELD_OUT 10
#endif
/* A larger sample is taken at this size with its flagged share: the work grows with n up to here. */
#ifndef TF_AUDIT_SCALED_SAMPLE
#define TF_AUDIT_SCALED_SAMPLE 262144
#endif

typedef struct belt {
    double n;
    double se_mean, se_var; /* the posterior of the sensitivity */
    double fp_mean, fp_var; /* the posterior of the false-positive rate, 1 - specificity */
} belt;

/* The flagged count's law at one true share: beta-binomial(n, alpha, beta). */
typedef struct law {
    double alpha, beta;
    double log_scale; /* the terms of log P(j) that do not depend on j: see log_core */
} law;

/* A rate's Beta(successes + 1/2, failures + 1/2) posterior: its mean and variance. */
static void beta_moments(double successes, double failures, double *mean, double *var)
{
    double a = successes + 0.5, b = failures + 0.5;
    *mean = a / (a + b);
    *var = *mean * (1 - *mean) / (a + b + 1);
}

static law law_of(const belt *b, double mean, double concentration)
{
    law l;
    l.alpha = fmax(mean * concentration, DBL_MIN);
    l.beta = fmax((1 - mean) * concentration, DBL_MIN);
    l.log_scale = lgamma(l.alpha + l.beta) - lgamma(l.alpha) - lgamma(l.beta) - lgamma(l.alpha + l.beta + b->n);
    return l;
}

static double flagged_mean(const belt *b, double pi)
{
    return pi * b->se_mean + (1 - pi) * b->fp_mean;
}

/* The flagged share q = pi Se + (1 - pi)(1 - Sp) taken as the Beta of the same mean and variance (exact at
 * pi = 0 and 1, where q is one rate's posterior); its concentration alpha + beta is returned too. */
static law law_at(const belt *b, double pi, double *concentration)
{
    double m = flagged_mean(b, pi);
    double v = pi * pi * b->se_var + (1 - pi) * (1 - pi) * b->fp_var;
    double c = v > 0 ? m * (1 - m) / v - 1 : INFINITY;
    *concentration = fmax(1e-6, fmin(c, TF_AUDIT_MAX_CONCENTRATION));
    return law_of(b, m, *concentration);
}

/* log P(j) without the binomial coefficient log C(n, j), which every ratio of two laws cancels. */
static double log_core(const belt *b, const law *l, double j)
{
    return lgamma(l->alpha + j) + lgamma(l->beta + b->n - j) + l->log_scale;
}

static double probability(const belt *b, const law *l, double j)
{
    return exp(lgamma(b->n + 1) - lgamma(j + 1) - lgamma(b->n - j + 1) + log_core(b, l, j));
}

/* The Rogan-Gladen share for j flagged, clipped to [0, 1]: the share under which j is most likely. */
static double best_share(const belt *b, double j)
{
    double pi = (j / b->n - b->fp_mean) / (b->se_mean - b->fp_mean);
    return fmin(1.0, fmax(0.0, pi));
}

/*
 * The Feldman-Cousins ranking of count j at share pi: log P(j | pi) - log P(j | j's best share), the
 * second law given the spread of the first. With one spread for both, the ratio falls steadily on either
 * side of its peak (the beta-binomial laws of one concentration have monotone likelihood ratios), which
 * neither a law that is wider at one share than at another nor a tail far out could upset.
 */
static double log_rank(const belt *b, const law *at_pi, double concentration, double j)
{
    law best = law_of(b, flagged_mean(b, best_share(b, j)), concentration);
    return log_core(b, at_pi, j) - log_core(b, &best, j);
}

/*
 * P(lo <= j <= hi) under l, walking out from the mean by the ratios of neighbouring probabilities. A walk
 * stops once the mass passes `enough`, or once its terms fall below 1e-20 of the mass: past the mean they
 * only fall further (a beta-binomial law has one peak, or rises towards its ends, where the walk is not
 * small), and the smallest subnormal number times a ratio above one half rounds back to itself, so the
 * terms would never reach 0.
 */
static double mass(const belt *b, const law *l, double lo, double hi, double enough)
{
    double n = b->n, start = fmin(hi, fmax(lo, floor(n * l->alpha / (l->alpha + l->beta) + 0.5)));
    double p_start = probability(b, l, start);
    if (!(p_start > 0)) { /* (cannot happen for a law over n < 2^53; kept so that no input gives a wrong sum) */
        double total = 0;
        for (double j = lo; j <= hi && total < enough; j++)
            total += probability(b, l, j);
        return total;
    }
    double total = p_start, p = p_start;
    for (double j = start; j < hi && total < enough && p > 1e-20 * total; j++) {
        p *= (n - j) / (j + 1) * (l->alpha + j) / (l->beta + n - j - 1);
        total += p;
    }
    p = p_start;
    for (double j = start; j > lo && total < enough && p > 1e-20 * total; j--) {
        p *= j / (n - j + 1) * (l->beta + n - j) / (l->alpha + j - 1);
        total += p;
    }
    return total;
}

/*
 * Is k inside pi's 90% acceptance region? The counts j ranked above k (a higher Feldman-Cousins ratio)
 * plus a part of k's own probability (TF_AUDIT_MID_P, so that discreteness does not inflate coverage)
 * must stay under 90%. The ratio rises to 1 at the count whose best share is pi and falls on either side,
 * so the counts ranked above k form one run around that peak: its ends are found by bisection, and
 * only the run's probabilities are summed.
 */
static int accepts(const belt *b, double k, double pi)
{
    double c;
    law l = law_at(b, pi, &c);
    double n = b->n, centre = n * flagged_mean(b, pi);
    double below = fmin(n, floor(centre)), above = fmin(n, ceil(centre));
    double peak = log_rank(b, &l, c, below) >= log_rank(b, &l, c, above) ? below : above;
    double rank_k = log_rank(b, &l, c, k), p_k = probability(b, &l, k);
    if (!(log_rank(b, &l, c, peak) > rank_k))
        return TF_AUDIT_MID_P * p_k < CONFIDENCE; /* nothing ranks above k */

    double lo = 0, hi = peak; /* the first count ranked above k, at or before the peak */
    while (lo < hi) {
        double mid = floor((lo + hi) / 2);
        if (log_rank(b, &l, c, mid) > rank_k)
            hi = mid;
        else
            lo = mid + 1;
    }
    double first = lo;
    lo = peak, hi = n; /* the last, at or after the peak */
    while (lo < hi) {
        double mid = ceil((lo + hi) / 2);
        if (log_rank(b, &l, c, mid) > rank_k)
            lo = mid;
        else
            hi = mid - 1;
    }
    double last = lo;
    double mass_above = mass(b, &l, first, last, CONFIDENCE + (k >= first && k <= last ? p_k : 0));
    if (k >= first && k <= last)
        mass_above -= p_k; /* (only if rounding made the run reach k) */
    return mass_above + TF_AUDIT_MID_P * p_k < CONFIDENCE;
}

/* The edge between an accepted and a rejected share, by bisection. */
static double edge(const belt *b, double k, double accepted, double rejected)
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

/* The interval's lower edge for k flagged: 0 when a share of 0 is accepted, else found from an accepted share. */
static double lower_edge(const belt *b, double k, double accepted)
{
    return accepts(b, k, 0) ? 0 : edge(b, k, accepted, 0);
}

static tf_share fake_share(size_t n, size_t k, const tf_error_rates *r, double *se_out, double *sp_out)
{
    belt b;
    b.n = (double)n;
    beta_moments(r->true_pos, r->false_neg, &b.se_mean, &b.se_var);
    beta_moments(r->false_pos, r->true_neg, &b.fp_mean, &b.fp_var);
    *se_out = b.se_mean;
    *sp_out = 1 - b.fp_mean;
    tf_share s = {NAN, {0, 1}, 0};
    if (n == 0 || r->true_neg + r->false_pos < TF_AUDIT_MIN_HELD_OUT)
        return s; /* no sample, or a false-fake rate measured on next to nothing */
    double kk = (double)k, share = best_share(&b, kk);
    if (n > TF_AUDIT_SCALED_SAMPLE) {
        kk = fmin(TF_AUDIT_SCALED_SAMPLE, floor((double)k / b.n * TF_AUDIT_SCALED_SAMPLE + 0.5));
        b.n = TF_AUDIT_SCALED_SAMPLE;
    }
    if (b.se_mean - b.fp_mean <= 0.05 || r->true_pos + r->false_neg < TF_AUDIT_MIN_HELD_OUT) {
        /* The sensitivity cannot be pinned down (it differs too much between data sets, or was measured on
         * next to nothing), but it is at most 1: taken as 1, the flagged count asks for the fewest fakes it can.
         * That bound holds whatever the sensitivity; above it nothing is known. */
        b.se_mean = 1, b.se_var = 0;
        *se_out = NAN; /* not known: no single figure stands for it */
        s.ci90[0] = lower_edge(&b, kk, best_share(&b, kk));
        s.at_least = 1;
        return s;
    }
    s.share = share;
    s.ci90[0] = lower_edge(&b, kk, s.share);
    s.ci90[1] = accepts(&b, kk, 1) ? 1 : edge(&b, kk, s.share, 1);
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

/* The method behind the numbers the fake share gives (the real and inactive shares follow from it): a
 * one-sided bound's, the corrected shares', or NULL where it gives no number. */
static const char *method_of(const tf_share *fake)
{
    if (fake->at_least)
        return "At-least bound: the fewest fakes the flagged count allows if every fake is flagged; "
               "Feldman-Cousins 90% interval over sampling and the held-out false-fake rate";
    if (isnan(fake->share))
        return NULL;
    return "Rogan-Gladen corrected shares; Feldman-Cousins 90% intervals over sampling and the "
           "classifier's held-out error rates";
}

/* Held-out counts are finite and not negative; flagged accounts are among the n. */
static int consistent(size_t n, size_t fake, size_t inactive, const tf_error_rates *r)
{
    const double counts[] = {r->true_pos, r->false_neg, r->true_neg, r->false_pos};
    for (size_t i = 0; i < sizeof counts / sizeof *counts; i++)
        if (!(counts[i] >= 0 && counts[i] <= DBL_MAX))
            return 0;
    return fake <= n && inactive <= n - fake;
}

void tf_audit_from_counts(size_t n, size_t fake, size_t inactive, const tf_error_rates *rates, tf_seen origin,
                          tf_audit *out)
{
    out->n = n;
    out->flagged_fake = fake;
    out->flagged_inactive = inactive;
    out->too_few = n < TF_AUDIT_MIN_SAMPLE;
    out->origin = origin;
    out->method = NULL;
    if (!consistent(n, fake, inactive, rates)) {
        const tf_share nothing = {NAN, {0, 1}, 0}; /* inconsistent input: say nothing rather than something wrong */
        out->real = out->inactive = out->fake = nothing;
        out->sensitivity = out->specificity = NAN;
        return;
    }
    out->fake = fake_share(n, fake, rates, &out->sensitivity, &out->specificity);
    out->method = method_of(&out->fake);

    /* Quiet among the accounts not flagged fake. */
    double passed = (double)(n - fake), quiet = passed > 0 ? (double)inactive / passed : 0, quiet_lo, quiet_hi;
    wilson((double)inactive, passed, &quiet_lo, &quiet_hi);
    double genuine = 1 - out->fake.share, genuine_lo = 1 - out->fake.ci90[1], genuine_hi = 1 - out->fake.ci90[0];
    out->inactive.at_least = out->real.at_least = 0; /* (with a fake share "at least", theirs are "at most") */
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

static int has_numbers(const tf_audit *a)
{
    return !a->too_few && !isnan(a->fake.share);
}

int tf_audit_contrast(const tf_audit *followers, const tf_audit *engagers)
{
    if (!has_numbers(followers) || !has_numbers(engagers))
        return 0;
    if (engagers->fake.ci90[0] > followers->fake.ci90[1] &&
        engagers->fake.share - followers->fake.share >= TF_AUDIT_CONTRAST_GAP)
        return 1;
    if (followers->fake.ci90[0] > engagers->fake.ci90[1] &&
        followers->fake.share - engagers->fake.share >= TF_AUDIT_CONTRAST_GAP)
        return -1;
    return 0;
}
