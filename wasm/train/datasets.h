/*
 * The labelled data sets (../shared/data, see its README), read into rows of facts measured the way the core
 * measures a live page. Twitter ages are dated against each row's collection time (`updated`), not today.
 * Names, handles and bios are measured and dropped: a row keeps no text.
 */
#ifndef TRAIN_DATASETS_H
#define TRAIN_DATASETS_H

#include "profile_features.h"

typedef enum { SET_CRESCI, SET_INSTAFAKE, SET_KAGGLE, N_SETS } dataset_id;

/* Collection artefacts of cresci-2015, kept only to show that the model does without them. */
typedef enum {
    ART_DEFAULT_PROFILE,
    ART_BACKGROUND_IMAGE,
    ART_BACKGROUND_TILE,
    ART_LANG,
    ART_TIME_ZONE,
    ART_UTC_OFFSET,
    ART_LOCATION,
    ART_GEO_ENABLED,
    ART_LINK_COLOR,
    ART_SIDEBAR_COLOR,
    N_ARTEFACTS
} artefact_id;

/* What the published rule sets read (cresci rows only). */
typedef struct rule_inputs {
    int has_name, has_image, has_location, has_bio, has_url, geo_enabled;
    double followers, following, posts, likes_given, listed, age_days;
} rule_inputs;

typedef struct row {
    dataset_id set;
    tf_platform platform;
    int label; /* 1 fake */
    tf_facts facts;
    float artefacts[N_ARTEFACTS];
    rule_inputs rules;
} row;

typedef struct rowset {
    row *rows;
    int n, cap;
} rowset;

/* Reads every set under `data_dir`; 0 on success, else prints why and returns -1. */
int datasets_load(const char *data_dir, rowset *out);
void rowset_free(rowset *s);
const char *dataset_name(dataset_id id);

#endif
