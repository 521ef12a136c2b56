/*
 * `make eval-audience`, second part: audiences drawn from data sets the model did not train on.
 *
 * Each audience mixes the genuine accounts of one held-out set with the fakes of another (or of the same set),
 * each account scored by the model trained without its set (leave-one-data-set-out, train's loo_<model>.csv).
 * The audit's error rates are those of the other held-out sets with their spread across sets (train's
 * loo_audiences_<model>.csv: the counts of the Beta predicted for a new set, measured without the audience's own sets),
 * at the "likely fake" cut. For fake shares 0%, 10%, ..., 100% and samples of n = 30, 100, 300, 1,000 (each
 * account fake with the share's chance, its p_fake drawn from its set's held-out scores), REPETITIONS samples
 * give how often the 90% interval covers the share, its mean width and the mean absolute error (points).
 *
 * usage: eval_unseen LOO.csv AUDIENCES.csv
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"

#define REPETITIONS 200
#define SHARES 11
#define SIZES 4
#define MAX_ROWS 100000
#define NAME 64

static const size_t sizes[SIZES] = {30, 100, 300, 1000};

typedef struct scored {
    char set[NAME];
    int fake;
    double p;
} scored;

static unsigned long long state = 0x756e7365656eULL;
static unsigned long long next_random(void)
{
    unsigned long long z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static double uniform01(void) { return (double)(next_random() >> 11) / 9007199254740992.0; }

/* Splits a CSV line of plain fields (no quotes) in place; returns the number of fields. */
static int split(char *line, char **field, int max)
{
    int n = 0;
    line[strcspn(line, "\r\n")] = '\0';
    for (char *at = line; n < max; n++) {
        field[n] = at;
        char *comma = strchr(at, ',');
        if (!comma)
            return n + 1;
        *comma = '\0';
        at = comma + 1;
    }
    return n;
}

static size_t read_scores(const char *path, scored *out)
{
    FILE *f = fopen(path, "r");
    char line[512], *field[8];
    size_t n = 0;
    if (!f || !fgets(line, sizeof line, f)) /* set,fold,label,p_fake */
        return f ? (fclose(f), 0) : 0;
    while (n < MAX_ROWS && fgets(line, sizeof line, f))
        if (split(line, field, 8) == 4) {
            snprintf(out[n].set, NAME, "%s", field[0]);
            out[n].fake = atoi(field[2]) != 0;
            out[n].p = atof(field[3]);
            n++;
        }
    fclose(f);
    return n;
}

/* The held-out p_fake of `set`'s accounts of one class. */
static size_t pick(const scored *all, size_t n, const char *set, int fake, double *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (all[i].fake == fake && strcmp(all[i].set, set) == 0)
            out[k++] = all[i].p;
    return k;
}

static void run_audience(const char *name, const double *genuine, size_t n_genuine, const double *fakes,
                         size_t n_fakes, double cut, const tf_error_rates *rates)
{
    printf("\n### %s (genuine %zu, fakes %zu held-out scores; cut %.3f; rates Se %.3f, Sp %.3f, "
           "concentrations %.1f and %.1f)\n\n",
           name, n_genuine, n_fakes, cut, (rates->true_pos + 0.5) / (rates->true_pos + rates->false_neg + 1),
           (rates->true_neg + 0.5) / (rates->true_neg + rates->false_pos + 1), rates->true_pos + rates->false_neg + 1,
           rates->true_neg + rates->false_pos + 1);
    printf("| true fake share | n=30: covered, width, error | n=100 | n=300 | n=1000 |\n|---|---|---|---|---|\n");
    int covered_all = 0, cells = 0, no_number = 0;
    for (int s = 0; s < SHARES; s++) {
        double share = s / 10.0;
        printf("| %.0f%% |", 100 * share);
        for (int z = 0; z < SIZES; z++) {
            int covered = 0, numbers = 0;
            double width = 0, error = 0;
            for (int r = 0; r < REPETITIONS; r++) {
                size_t flagged = 0;
                for (size_t i = 0; i < sizes[z]; i++) {
                    int fake = uniform01() < share;
                    const double *from = fake ? fakes : genuine;
                    size_t n_from = fake ? n_fakes : n_genuine;
                    flagged += from[(size_t)(uniform01() * (double)n_from) % n_from] >= cut;
                }
                tf_audit a;
                tf_audit_from_counts(sizes[z], flagged, 0, rates, TF_SEEN_FOLLOWERS, &a);
                covered += a.fake.ci90[0] <= share + 1e-9 && share <= a.fake.ci90[1] + 1e-9;
                width += a.fake.ci90[1] - a.fake.ci90[0];
                if (!isnan(a.fake.share)) {
                    numbers++;
                    error += fabs(a.fake.share - share);
                }
            }
            no_number += numbers == 0;
            if (numbers)
                printf(" %.0f%%, %.0f, %.1f |", 100.0 * covered / REPETITIONS, 100 * width / REPETITIONS,
                       100 * error / numbers);
            else
                printf(" %.0f%%, %.0f, no number |", 100.0 * covered / REPETITIONS, 100 * width / REPETITIONS);
            covered_all += covered >= 0.85 * REPETITIONS;
            cells++;
        }
        printf("\n");
    }
    printf("\nCells covering at least 85%% of the time: %d of %d%s.\n", covered_all, cells,
           no_number ? "; where the rates cannot support a number the audit says so (interval 0-100%)" : "");
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: eval_unseen LOO.csv AUDIENCES.csv\n", stderr);
        return 2;
    }
    static scored all[MAX_ROWS];
    static double genuine[MAX_ROWS], fakes[MAX_ROWS];
    size_t n = read_scores(argv[1], all);
    FILE *f = fopen(argv[2], "r");
    char line[512], *field[10];
    if (n == 0 || !f || !fgets(line, sizeof line, f)) { /* audience,genuine_set,fake_set,cut,tp,fn,tn,fp */
        fprintf(stderr, "eval_unseen: cannot read %s or %s\n", argv[1], argv[2]);
        return 1;
    }
    printf("## Audiences from data sets the model did not train on (leave-one-data-set-out scores)\n\n"
           "Each cell: how often the 90%% interval covers the true share in %d samples, its mean width and the "
           "mean absolute error of the estimate (points).\n", REPETITIONS);
    while (fgets(line, sizeof line, f)) {
        if (split(line, field, 10) != 8)
            continue;
        size_t ng = pick(all, n, field[1], 0, genuine), nf = pick(all, n, field[2], 1, fakes);
        if (ng == 0 || nf == 0) {
            fprintf(stderr, "eval_unseen: no held-out scores for %s\n", field[0]);
            return 1;
        }
        tf_error_rates rates = {atof(field[4]), atof(field[5]), atof(field[6]), atof(field[7])};
        run_audience(field[0], genuine, ng, fakes, nf, atof(field[3]), &rates);
    }
    fclose(f);
    return 0;
}
