/*
 * XGBoost through its C library: training with fixed parameters (nthread=1, fixed seed, so the same rows give
 * a byte-identical model), prediction, and export of the trees to the core's model file format (.tfm).
 */
#ifndef TRAIN_BOOSTER_H
#define TRAIN_BOOSTER_H

#include <stddef.h>

#ifndef BOOSTER_MAX_HIDDEN_COPIES
#define BOOSTER_MAX_HIDDEN_COPIES 4
#endif

typedef struct booster_params {
    int rounds;
    int max_depth;
    double eta;
    double min_child_weight;
    double lambda; /* L2 regularisation of leaf weights; 0: XGBoost's default (1) */
    /* Each copy with columns not 0: every training row also enters once more with these columns missing, at
     * this share of its weight, so that the trees learn where an account goes when a page does not show them
     * (rather than where the few training rows that lack them went). */
    struct hidden_copy {
        unsigned long long columns;
        double weight;
    } hidden_copies[BOOSTER_MAX_HIDDEN_COPIES];
    /* XGBoost's monotone constraints, one per column (+1 the margin can only rise with the value, -1 only
     * fall, 0 free); NULL or columns past n_monotone: free. */
    const signed char *monotone;
    int n_monotone;
} booster_params;

extern const booster_params default_booster_params;

typedef void *booster; /* BoosterHandle */

/* x: n rows by ncol floats, NAN missing; y: 0/1; weight: n row weights or NULL. NULL on failure (reported). */
booster booster_train(const float *x, const float *y, const float *weight, int n, int ncol, const booster_params *p);
/* margins (log-odds) of n rows; 0 on success. */
int booster_margins(booster b, const float *x, int n, int ncol, double *out);
/* Each row's TreeSHAP contributions: n rows of ncol + 1 (the last: the bias); 0 on success. */
int booster_contributions(booster b, const float *x, int n, int ncol, double *out);
void booster_free(booster b);
int booster_save(booster b, const char *path);

typedef struct tfm_meta {
    const char *name;
    const char *const *feature_names;
    int n_features;
    double calibration_a, calibration_b;
    double threshold;
    double tp, fn, tn, fp; /* the Beta counts of the audit's rates (loo_rates.h), fractional */
    double band_low, band_high; /* the "uncertain" band of p_fake */
    double unseen_high;         /* "likely fake" on a platform without labelled data, >= band_high */
    unsigned long long trained_x, trained_instagram; /* features some training row of the platform had */
} tfm_meta;

/* Writes the trees and the metadata as a .tfm text file; 0 on success. */
int booster_write_tfm(booster b, const tfm_meta *meta, const char *path);

#endif
