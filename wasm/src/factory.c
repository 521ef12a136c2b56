/*
 * Follower Factory runs. A window of TF_FACTORY_WINDOW consecutive dated followers is "dense" when at
 * least TF_FACTORY_MIN_DENSE of them were created within TF_FACTORY_BAND_DAYS of each other (a sliding
 * band over the window's sorted dates). The members of dense windows that lie inside the band are
 * marked; marked followers separated by at most a few unmarked ones join into one run, and runs of at
 * least TF_FACTORY_MIN_RUN marked followers are reported. Organic followers, whose accounts were created
 * over years, almost never fill such a band.
 */
#include "factory.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SECONDS_PER_DAY 86400.0
#define MAX_GAP 3 /* unmarked followers tolerated inside a run (organic follows landing in a batch) */

/* The densest band of a window's dates, given sorted: where it starts, and how many dates it holds. */
static size_t densest_band(const double *sorted, size_t n, double band, double *start)
{
    size_t best = 0;
    for (size_t lo = 0, hi = 0; lo < n; lo++) {
        while (hi < n && sorted[hi] - sorted[lo] <= band)
            hi++;
        if (hi - lo > best) {
            best = hi - lo;
            *start = sorted[lo];
        }
    }
    return best;
}

/* Keeps a window's dates sorted as it slides: `leaving` goes out, `arriving` comes in (insertion). */
static void slide(double *sorted, size_t n, double leaving, double arriving)
{
    size_t at = 0;
    while (sorted[at] != leaving)
        at++;
    for (; at + 1 < n; at++) /* close the gap */
        sorted[at] = sorted[at + 1];
    at = n - 1;
    for (; at > 0 && sorted[at - 1] > arriving; at--)
        sorted[at] = sorted[at - 1];
    sorted[at] = arriving;
}

static int add_run(tf_factory_result *out, size_t *cap, const tf_factory_run *run)
{
    if (out->n_runs == *cap) {
        size_t next = *cap ? *cap * 2 : 4;
        tf_factory_run *bigger = realloc(out->runs, next * sizeof *bigger);
        if (!bigger)
            return -1;
        out->runs = bigger;
        *cap = next;
    }
    out->runs[out->n_runs++] = *run;
    out->in_runs += run->members;
    return 0;
}

int tf_factory_find(const double *created, size_t n, tf_factory_result *out)
{
    memset(out, 0, sizeof *out);
    double band = TF_FACTORY_BAND_DAYS * SECONDS_PER_DAY;
    /* Work on the dated followers only, remembering where each sits in follow order. */
    size_t *where = malloc((n ? n : 1) * sizeof *where);
    double *dates = malloc((n ? n : 1) * sizeof *dates);
    unsigned char *marked = calloc(n ? n : 1, 1);
    if (!where || !dates || !marked) {
        free(where), free(dates), free(marked);
        return -1;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(created[i])) {
            where[m] = i;
            dates[m++] = created[i];
        }
    out->n_dated = m;

    /* Each window's dates sorted, kept so as the window slides rather than sorted afresh (100,000 windows
     * for a long list). */
    double sorted[TF_FACTORY_WINDOW];
    for (size_t i = 0; i + TF_FACTORY_WINDOW <= m; i++) {
        if (i == 0) {
            for (size_t k = 0; k < TF_FACTORY_WINDOW; k++) {
                size_t at = k;
                for (; at > 0 && sorted[at - 1] > dates[k]; at--)
                    sorted[at] = sorted[at - 1];
                sorted[at] = dates[k];
            }
        } else {
            slide(sorted, TF_FACTORY_WINDOW, dates[i - 1], dates[i + TF_FACTORY_WINDOW - 1]);
        }
        double start = 0;
        if (densest_band(sorted, TF_FACTORY_WINDOW, band, &start) < TF_FACTORY_MIN_DENSE)
            continue;
        for (size_t k = i; k < i + TF_FACTORY_WINDOW; k++)
            if (dates[k] >= start && dates[k] <= start + band)
                marked[k] = 1;
    }

    size_t cap = 0;
    int failed = 0;
    for (size_t i = 0; i < m && !failed;) {
        if (!marked[i]) {
            i++;
            continue;
        }
        tf_factory_run run = {where[i], where[i], 0, dates[i], dates[i]};
        size_t last = i, k = i;
        for (; k < m && k - last <= MAX_GAP; k++) {
            if (!marked[k])
                continue;
            last = k;
            run.members++;
            run.created_from = fmin(run.created_from, dates[k]);
            run.created_to = fmax(run.created_to, dates[k]);
        }
        run.last = where[last];
        if (run.members >= TF_FACTORY_MIN_RUN)
            failed = add_run(out, &cap, &run);
        i = last + 1;
    }
    free(where), free(dates), free(marked);
    if (failed) {
        free(out->runs);
        memset(out, 0, sizeof *out);
        return -1;
    }
    return 0;
}
