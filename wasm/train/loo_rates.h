/*
 * Error rates that carry their spread across data sets.
 *
 * Leave-one-data-set-out gives one sensitivity per held-out set with fakes and one specificity per held-out set
 * with genuine accounts. A new audience is one more draw from the same family of collections. Its rate's 90%
 * prediction range is the random-effects one for a new set on the logit scale (as for a new study in a
 * meta-analysis): the per-set logits' mean plus or minus Student's t with one degree of freedom fewer than there
 * are sets, times their spread widened by sqrt(1 + 1/k) for the uncertainty of the mean (k sets). With four or
 * five sets the spread itself is barely known, and on the logit scale a rate of 0.5% and one of 5% are as far
 * apart as 5% and 35%: a new collection's rate may well be ten times the typical one, as the held-out sets show.
 * The rate is then carried as the Beta whose mean is that range's middle and whose 90% range is as wide, and the
 * model file stores that Beta's counts, fractional, less the 1/2 the audit adds (audit.c reads counts x, y as
 * Beta(x + 1/2, y + 1/2)).
 */
#ifndef TRAIN_LOO_RATES_H
#define TRAIN_LOO_RATES_H

typedef struct set_rate {
    int hits, trials; /* e.g. fakes caught, fakes held out */
} set_rate;

typedef struct spread_beta {
    double mean, concentration;
    int n_sets;
    double low, high; /* the 90% prediction range of a new set's rate */
} spread_beta;

/* The Beta of a new set's rate from n per-set rates (sets with no trials are skipped). A single set keeps its own
 * counts; the concentration never exceeds the pooled count. */
spread_beta spread_beta_fit(const set_rate *r, int n);
/* The counts that stand for the Beta in the model file: hits and misses, each at least 0. */
void spread_beta_counts(const spread_beta *b, double *hits, double *misses);

#endif
