/*
 * The labelled data sets (../shared/data, see its README), read into rows of facts measured the way the core
 * measures a live page. Twitter ages are dated against each row's collection time (`updated`), not today.
 * Names, handles and bios are measured and dropped: a row keeps no text.
 */
#ifndef TRAIN_DATASETS_H
#define TRAIN_DATASETS_H

#include "profile_features.h"

/* One labelled collection each: the unit that leave-one-data-set-out holds out. */
typedef enum {
    SET_C15_HUMANS,      /* cresci-2015 E13: genuine */
    SET_C15_FAKES,       /* cresci-2015 INT: bought followers */
    SET_C17_GENUINE,     /* cresci-2017 genuine accounts */
    SET_C17_SOCIAL,      /* cresci-2017 social spambots 1-3 */
    SET_C17_TRADITIONAL, /* cresci-2017 traditional spambots 1-4 */
    SET_VENDOR,          /* Botometer vendor-purchased-2019: bought followers */
    SET_BOTWIKI,         /* Botometer botwiki-2019: self-declared bots */
    SET_INSTAFAKE,
    SET_KAGGLE,
    SET_TIKTOK,
    N_SETS
} dataset_id;

#define SETS_ALL ((1u << N_SETS) - 1)
#define SETS_CRESCI2015 ((1u << SET_C15_HUMANS) | (1u << SET_C15_FAKES))

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

/* What the published rule sets read (Twitter rows only). */
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
