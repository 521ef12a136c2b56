/*
 * Error rates that carry their spread across data sets.
 *
 * Leave-one-data-set-out gives one sensitivity per held-out set with fakes and one specificity per held-out set
 * with genuine accounts. A new audience is one more draw from the same family of collections, so its rate is
 * taken as Beta(mean * kappa, (1 - mean) * kappa): the mean of the per-set rates, and a concentration kappa from
 * their spread (method of moments: the between-set variance is the per-set rates' variance less what their own
 * sample sizes explain). The model file stores the rate as the counts of that Beta, less the 1/2 the audit adds
 * (audit.c reads counts x, y as Beta(x + 1/2, y + 1/2)), so the audit's intervals widen by the spread without a
 * change in its reading.
 */
#ifndef TRAIN_LOO_RATES_H
#define TRAIN_LOO_RATES_H

typedef struct set_rate {
    int hits, trials; /* e.g. fakes caught, fakes held out */
} set_rate;

typedef struct spread_beta {
    double mean, concentration;
    int n_sets;
} spread_beta;

/* The Beta of a new set's rate from n per-set rates (sets with no trials are skipped). A single set, or sets
 * that agree more than their sizes allow, keep the pooled count as the concentration. */
spread_beta spread_beta_fit(const set_rate *r, int n);
/* The counts that stand for the Beta in the model file: hits and misses, each at least 0, together at least 1
 * (the file format wants a measured rate; the audit gives no number below 10). */
void spread_beta_counts(const spread_beta *b, int *hits, int *misses);

#endif
