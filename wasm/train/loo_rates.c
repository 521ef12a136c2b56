/* Error rates with their spread across data sets (see loo_rates.h). */
#include "loo_rates.h"

#include <math.h>

#define Z95 1.6448536269514722
#define MIN_CONCENTRATION 1e-3

static double expit(double x)
{
    return 1 / (1 + exp(-x));
}

spread_beta spread_beta_fit(const set_rate *r, int n)
{
    spread_beta b = {NAN, NAN, 0, NAN, NAN};
    double pooled = 0, hits = 0, sum = 0, sum2 = 0;
    for (int i = 0; i < n; i++)
        if (r[i].trials > 0) {
            /* Jeffreys' estimate keeps a rate of 0 or 1 off the logit scale's ends */
            double rate = (r[i].hits + 0.5) / (r[i].trials + 1.0), logit = log(rate / (1 - rate));
            sum += logit;
            sum2 += logit * logit;
            pooled += r[i].trials;
            hits += r[i].hits;
            b.n_sets++;
        }
    if (b.n_sets == 0)
        return b;
    if (b.n_sets < 2) { /* one set says nothing of the spread: its own counts */
        b.mean = b.low = b.high = hits / pooled;
        b.concentration = pooled;
        return b;
    }
    int k = b.n_sets;
    double centre = sum / k, spread = sqrt(fmax(0, (sum2 - k * centre * centre) / (k - 1)));
    double half = Z95 * spread * sqrt(1 + 1.0 / k);
    b.low = expit(centre - half);
    b.high = expit(centre + half);
    /* The Beta whose mean is the range's middle and whose 90% range is as wide (normal approximation); never
     * more certain than the pooled counts themselves. */
    double sd = (b.high - b.low) / (2 * Z95);
    b.mean = (b.low + b.high) / 2;
    double kappa = sd > 0 ? b.mean * (1 - b.mean) / (sd * sd) - 1 : pooled;
    b.concentration = fmin(pooled, fmax(MIN_CONCENTRATION, kappa));
    return b;
}

void spread_beta_counts(const spread_beta *b, double *hits, double *misses)
{
    *hits = fmax(0, b->mean * b->concentration - 0.5);
    *misses = fmax(0, (1 - b->mean) * b->concentration - 0.5);
}
