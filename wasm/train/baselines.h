/*
 * The published rule sets, run on the same held-out cresci-2015 rows as the model (Cresci et al. 2015 review
 * them; ../shared/docs/anchors.md has their published figures). Only the criteria a profile shows can be
 * checked here (the data set has no tweets); each function documents its reading of the rules.
 * Each returns a score (higher = more likely fake) and sets *fake to the rule set's own verdict.
 */
#ifndef TRAIN_BASELINES_H
#define TRAIN_BASELINES_H

#include "datasets.h"

typedef struct baseline {
    const char *name;
    double (*score)(const rule_inputs *r, int *fake);
    /* published figures (NAN: not published) */
    double accuracy, precision, recall, f1, mcc, auc;
} baseline;

extern const baseline baselines[];
extern const int n_baselines;

#endif
