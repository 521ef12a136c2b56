/*
 * First audience estimate: the verdict shares of the sample with Wilson score intervals at 90%. It
 * reflects sampling error only; the audience-estimate issue adds the classifier's error rates.
 */
#include "audit.h"

#include <math.h>

#define Z90 1.6448536269514722

static tf_share wilson(size_t k, size_t n)
{
    tf_share s = {0, {0, 1}};
    if (n == 0)
        return s;
    double p = (double)k / (double)n, nn = (double)n, z2 = Z90 * Z90;
    double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
    double half = Z90 * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / (1 + z2 / nn);
    s.share = p;
    s.ci90[0] = fmax(0, centre - half);
    s.ci90[1] = fmin(1, centre + half);
    return s;
}

void tf_audit_estimate(const tf_score *scores, size_t n, tf_seen origin, tf_audit *out)
{
    size_t counts[3] = {0, 0, 0};
    for (size_t i = 0; i < n; i++)
        counts[scores[i].verdict]++;
    out->n = n;
    out->too_few = n < TF_AUDIT_MIN_SAMPLE;
    out->origin = origin;
    out->real = wilson(counts[TF_REAL], n);
    out->inactive = wilson(counts[TF_INACTIVE], n);
    out->fake = wilson(counts[TF_FAKE], n);
    out->method = "verdict shares, Wilson 90% intervals (sampling error only)";
}
