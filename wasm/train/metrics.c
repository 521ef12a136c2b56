/* Evaluation measures (see metrics.h). */
#include "metrics.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

unsigned long long next_random(unsigned long long *state)
{
    unsigned long long z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

typedef struct scored {
    double s;
    int y;
} scored;

static int by_score(const void *a, const void *b)
{
    double x = ((const scored *)a)->s, y = ((const scored *)b)->s;
    return (x > y) - (x < y);
}

double auc(const double *score, const int *label, int n)
{
    scored *v = malloc((size_t)n * sizeof *v);
    if (!v)
        return NAN;
    for (int i = 0; i < n; i++)
        v[i] = (scored){score[i], label[i]};
    qsort(v, (size_t)n, sizeof *v, by_score);
    double rank_sum = 0, pos = 0;
    for (int i = 0; i < n;) {
        int j = i;
        while (j < n && v[j].s == v[i].s)
            j++;
        double mid = (i + j + 1) / 2.0; /* average rank, 1-based */
        for (int k = i; k < j; k++)
            if (v[k].y) {
                rank_sum += mid;
                pos++;
            }
        i = j;
    }
    free(v);
    double neg = n - pos;
    if (pos == 0 || neg == 0)
        return NAN;
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg);
}

confusion confuse(const double *p, const int *label, int n, double threshold)
{
    confusion c = {0};
    for (int i = 0; i < n; i++) {
        int flag = p[i] >= threshold;
        if (label[i])
            flag ? c.tp++ : c.fn++;
        else
            flag ? c.fp++ : c.tn++;
    }
    return c;
}

static figures from_confusion(confusion c)
{
    figures f = {.c = c};
    double tp = c.tp, fn = c.fn, tn = c.tn, fp = c.fp, n = tp + fn + tn + fp;
    f.accuracy = (tp + tn) / n;
    f.precision = tp + fp > 0 ? tp / (tp + fp) : NAN;
    f.recall = tp + fn > 0 ? tp / (tp + fn) : NAN;
    f.specificity = tn + fp > 0 ? tn / (tn + fp) : NAN;
    f.f1 = 2 * tp + fp + fn > 0 ? 2 * tp / (2 * tp + fp + fn) : NAN;
    double d = sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
    f.mcc = d > 0 ? (tp * tn - fp * fn) / d : 0;
    return f;
}

figures measure(const double *p, const int *label, int n, double threshold)
{
    figures f = from_confusion(confuse(p, label, n, threshold));
    f.auc = auc(p, label, n);
    return f;
}

double ece(const double *p, const int *label, int n, int bins)
{
    double sum_p[64] = {0}, sum_y[64] = {0};
    int count[64] = {0};
    if (bins > 64)
        bins = 64;
    for (int i = 0; i < n; i++) {
        int b = (int)(p[i] * bins);
        if (b >= bins)
            b = bins - 1;
        if (b < 0)
            b = 0;
        sum_p[b] += p[i];
        sum_y[b] += label[i];
        count[b]++;
    }
    double e = 0;
    for (int b = 0; b < bins; b++)
        if (count[b])
            e += fabs(sum_p[b] - sum_y[b]) / n;
    return e;
}

/* The negative log-likelihood of p = 1/(1+exp(-(a*m+b))), with the same tiny ridge on a as the fit. */
static double platt_loss(const double *m, const int *y, int n, double a, double b)
{
    double loss = 0.5e-6 * a * a;
    for (int i = 0; i < n; i++) {
        double z = a * m[i] + b;
        /* log(1 + exp(-z)) for y = 1, log(1 + exp(z)) for y = 0, without overflow */
        double t = y[i] ? -z : z;
        loss += t > 0 ? t + log1p(exp(-t)) : log1p(exp(t));
    }
    return loss;
}

void platt_fit(const double *m, const int *y, int n, double *a_out, double *b_out)
{
    double a = 1, b = 0;
    for (int iter = 0; iter < 100; iter++) {
        /* gradient and Hessian of the negative log-likelihood, with a tiny ridge for separable data */
        double ga = 1e-6 * a, gb = 0, haa = 1e-6, hab = 0, hbb = 1e-9;
        for (int i = 0; i < n; i++) {
            double p = 1 / (1 + exp(-(a * m[i] + b)));
            double r = p - y[i], w = p * (1 - p);
            ga += r * m[i];
            gb += r;
            haa += w * m[i] * m[i];
            hab += w * m[i];
            hbb += w;
        }
        double det = haa * hbb - hab * hab;
        if (det <= 0)
            break;
        double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
        /* Newton's step, halved until the likelihood does not fall (saturated margins make full steps overshoot) */
        double before = platt_loss(m, y, n, a, b);
        for (int halvings = 0; halvings < 40 && platt_loss(m, y, n, a - da, b - db) > before; halvings++)
            da /= 2, db /= 2;
        a -= da;
        b -= db;
        if (fabs(da) + fabs(db) < 1e-12)
            break;
    }
    *a_out = a;
    *b_out = b;
}

static int by_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static interval percentile95(double *v, int k)
{
    qsort(v, (size_t)k, sizeof *v, by_double);
    return (interval){v[(int)(0.025 * (k - 1))], v[(int)(0.975 * (k - 1))]};
}

void bootstrap(const double *p, const int *label, int n, double threshold, int resamples, interval *acc,
               interval *mcc, interval *auc_ci)
{
    double *bp = malloc((size_t)n * sizeof *bp);
    int *by = malloc((size_t)n * sizeof *by);
    double *va = malloc((size_t)resamples * sizeof *va), *vm = malloc((size_t)resamples * sizeof *vm),
           *vu = malloc((size_t)resamples * sizeof *vu);
    unsigned long long state = 20150214;
    int k = 0;
    for (int r = 0; bp && by && va && vm && vu && r < resamples; r++) {
        for (int i = 0; i < n; i++) {
            int j = (int)(next_random(&state) % (unsigned long long)n);
            bp[i] = p[j];
            by[i] = label[j];
        }
        figures f = measure(bp, by, n, threshold);
        va[k] = f.accuracy;
        vm[k] = f.mcc;
        vu[k] = isnan(f.auc) ? 0.5 : f.auc;
        k++;
    }
    if (k > 0) {
        *acc = percentile95(va, k);
        *mcc = percentile95(vm, k);
        *auc_ci = percentile95(vu, k);
    }
    free(bp);
    free(by);
    free(va);
    free(vm);
    free(vu);
}
