/* Error rates with their spread across data sets (see loo_rates.h). */
#include "loo_rates.h"

#include <math.h>

#define MIN_CONCENTRATION 1.0

spread_beta spread_beta_fit(const set_rate *r, int n)
{
    spread_beta b = {NAN, NAN, 0};
    double sum = 0, pooled = 0;
    for (int i = 0; i < n; i++)
        if (r[i].trials > 0) {
            sum += (double)r[i].hits / r[i].trials;
            pooled += r[i].trials;
            b.n_sets++;
        }
    if (b.n_sets == 0)
        return b;
    b.mean = sum / b.n_sets;
    b.concentration = pooled;
    if (b.n_sets < 2)
        return b;
    double var = 0, noise = 0;
    for (int i = 0; i < n; i++)
        if (r[i].trials > 0) {
            double d = (double)r[i].hits / r[i].trials - b.mean;
            var += d * d;
            noise += b.mean * (1 - b.mean) / r[i].trials;
        }
    var /= b.n_sets - 1;
    noise /= b.n_sets;
    double between = var - noise;
    if (between > 0 && b.mean > 0 && b.mean < 1)
        b.concentration = fmin(pooled, fmax(MIN_CONCENTRATION, b.mean * (1 - b.mean) / between - 1));
    return b;
}

void spread_beta_counts(const spread_beta *b, int *hits, int *misses)
{
    double h = b->mean * b->concentration - 0.5, m = (1 - b->mean) * b->concentration - 0.5;
    *hits = h > 0 ? (int)floor(h + 0.5) : 0;
    *misses = m > 0 ? (int)floor(m + 0.5) : 0;
    if (*hits + *misses == 0) /* a file holds at least one count per rate; the audit gives no number below 10 */
        *(b->mean >= 0.5 ? hits : misses) = 1;
}
