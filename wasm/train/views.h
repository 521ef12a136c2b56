/*
 * The models and what each one sees: which data sets train it, whether it reads a full profile or a list
 * card, and which features it must not use. Rows become input vectors here, through the core's own
 * tf_features_from_facts and tf_features_mask_view, so training and runtime build the same vectors.
 */
#ifndef TRAIN_VIEWS_H
#define TRAIN_VIEWS_H

#include "booster.h"
#include "datasets.h"

/* How rows are weighted in training (views.c). */
typedef enum { BALANCE_NONE, BALANCE_SETS, BALANCE_PLATFORMS } balance_mode;

typedef struct model_spec {
    const char *name;
    unsigned sets; /* bit per dataset_id */
    int card;
    unsigned long long excluded; /* bit per tf_feature_id */
    booster_params params;
    balance_mode balance;
} model_spec;

/* The known direction of each feature (+1: a higher value can only make an account look more fake). */
extern const signed char feature_direction[TF_N_FEATURES];
/* The columns a page without a following count (a YouTube channel) cannot show. */
#define FOLLOWING_COLUMNS \
    ((1ull << TF_F_FOLLOWING) | (1ull << TF_F_FOLLOWERS_PER_FOLLOWING) | (1ull << TF_F_FOLLOWING_PER_FOLLOWERS_SQ))
/* Features that are collection artefacts or flip their effect between data sets (handle and name shapes). */
extern const unsigned long long unstable_features;

extern const model_spec model_specs[];
extern const int n_model_specs;

/* Column layouts for the ablation: the features, the features and the artefacts, the artefacts only. */
typedef enum { COLUMNS_FEATURES, COLUMNS_WITH_ARTEFACTS, COLUMNS_ARTEFACTS_ONLY } column_layout;

typedef struct matrix {
    float *x;  /* n by ncol */
    float *y;  /* labels as floats, for XGBoost */
    float *w;  /* row weights (every data set and class the same total when the spec balances), or all 1 */
    int *label;
    int *row;  /* index into the rowset */
    int n, ncol;
} matrix;

int layout_columns(column_layout layout);
/* The rows of `spec`'s data sets (or `sets` when not 0) as vectors; 0 on success. */
int build_matrix(const rowset *rows, const model_spec *spec, unsigned sets, column_layout layout,
                 unsigned long long extra_excluded, unsigned long long extra_allowed, matrix *out);
void matrix_free(matrix *m);
/* One row's vector as the model sees it. */
void row_vector(const row *r, const model_spec *spec, float out[TF_N_FEATURES]);

#endif
