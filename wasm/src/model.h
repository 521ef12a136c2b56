/*
 * The scoring model: gradient-boosted trees trained with XGBoost (wasm/train), shipped as data compiled
 * into the core (wasm/models/<model>.tfm -> build/gen/models.c) and evaluated here without XGBoost.
 *
 * Two models, by what the account shows: "profile", one platform-neutral model of what a profile page shows
 * (counts, age, picture, bio, verified, private) for every account that shows counts on any of the six
 * platforms, and "card" for follower-list entries that show no counts (see wasm/models/MODEL_CARD.md).
 */
#ifndef TF_MODEL_H
#define TF_MODEL_H

#include <stdint.h>

#include "account.h"
#include "audit.h"
#include "profile_features.h"
#include "score.h"

/* A model's error counts on held-out folds at the verdict threshold `threshold`, as its file stores them. */
typedef struct tf_heldout_rates {
    double threshold;
    double tp, fn, tn, fp; /* fakes caught, fakes missed, real passed, real flagged: the counts of the Beta of a
                            * new audience's rates across data sets, so fractional */
    double sensitivity; /* tp / (tp + fn) */
    double specificity; /* tn / (tn + fp) */
} tf_heldout_rates;

typedef struct tf_tree_node {
    float value; /* split threshold (go left when x < value), or the leaf's value */
    float mean;  /* cover-weighted mean of the leaves below: the node's expected value, for contributions */
    int16_t left, right; /* child indices within the tree; -1 at a leaf */
    uint8_t feature;     /* tf_feature_id of the split */
    uint8_t default_left; /* where a missing value goes */
} tf_tree_node;

typedef struct tf_tree_model {
    const char *name;    /* "profile", "card" */
    const char *version; /* name and a hash of the trees */
    int n_features;
    const char *const *feature_names; /* the columns it was trained on, in tf_feature_table order */
    /* Bits of the features that some training row of X (Instagram) had. On a live page the others are set
     * missing: a pattern of shown fields the model never met on that platform must not look like another
     * platform's rows (the card model learnt from both). */
    unsigned long long trained_x, trained_instagram;
    float base_margin;
    double calibration_a, calibration_b; /* p_fake = 1 / (1 + exp(-(a * margin + b))) */
    tf_heldout_rates rates;
    /* The "uncertain" band of p_fake: below band_low real (or inactive), from band_high on "likely fake", in
     * between uncertain; band_low <= rates.threshold <= band_high. A file without a band has both equal to
     * rates.threshold: no account is uncertain. */
    double band_low, band_high;
    /* "Likely fake" on a platform without labelled data (tf_model_measured_on: 0), at least band_high: there
     * the model has been seen to flag more genuine accounts (wasm/models/MODEL_CARD.md), so between band_high and
     * this cut it says "uncertain". A file without it has it equal to band_high. */
    double unseen_high;
    int n_trees;
    const int32_t *tree_start; /* index of each tree's root in nodes */
    const tf_tree_node *nodes;
} tf_tree_model;

/* From build/gen/models.c, generated from wasm/models/<model>.tfm. */
extern const tf_tree_model *const tf_shipped_models[];
extern const int tf_n_shipped_models;
extern const char tf_shipped_models_version[];

#ifndef TF_MAX_REPLACED_MODELS
#define TF_MAX_REPLACED_MODELS 8
#endif
/* Scores with `m` (e.g. from tf_model_file_read; the caller keeps it alive) in place of the shipped model of
 * the same name, until tf_model_restore_shipped; 0, or -1 and why (no such model, other columns). */
int tf_model_replace(const tf_tree_model *m, char *why, size_t why_size);
void tf_model_restore_shipped(void);

/* Fills `out->p_fake` and `out->reasons`; the verdict is the caller's. */
void tf_model_predict(const tf_account *a, double now, tf_score *out);
const char *tf_model_version(void);

/* The model that scores an account of this platform seen as a full profile (card 0) or a list card (1). */
const tf_tree_model *tf_model_for(tf_platform platform, int card);
const tf_tree_model *tf_model_find(const char *name);
/* 1 when the account shows no counts, so only the card model applies. */
int tf_model_is_card(const tf_account *a);

/* Held-out error rates, with their counts, of the model that scores profiles of this platform (the card
 * model for the platforms without labelled data), for the audit. */
void tf_model_error_rates(tf_platform platform, tf_error_rates *out);
/* The same for the model that scores exactly this account (a list card gets the card model's rates). */
void tf_model_error_rates_for(const tf_account *a, tf_error_rates *out);
/* The p_fake threshold at which those error rates were measured. */
double tf_model_verdict_threshold_for(const tf_account *a);
/* The verdict band (see tf_tree_model) of the model that scores exactly this account; on a platform without
 * labelled data its high edge is the model's unseen_high. */
void tf_model_verdict_band_for(const tf_account *a, double *low, double *high);
/* The high edge of that band were the account on a platform with labelled data: the model's band_high. */
double tf_model_labelled_fake_from(const tf_account *a);
/* 1 when the model was measured on this platform's own labelled accounts (X, Instagram, TikTok); 0 elsewhere. */
int tf_model_measured_on(tf_platform platform);

/* The raw margin (log-odds before calibration), summed in float in tree order as XGBoost does.
 * When `contrib` is not NULL it receives TF_N_FEATURES + 1 values: each feature's path contribution
 * (Saabas) and, last, the bias; they sum to the margin. */
float tf_tree_model_margin(const tf_tree_model *m, const float x[TF_N_FEATURES], float *contrib);
double tf_tree_model_calibrate(const tf_tree_model *m, double margin);
/* 0 when the model's columns are tf_feature_table's; otherwise -1 and why. */
int tf_tree_model_check(const tf_tree_model *m, char *why, size_t why_size);

#endif
