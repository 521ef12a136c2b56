/*
 * Profile features: what a page shows about an account, turned into the numbers the scoring model reads.
 * (Not "features.h": that name would shadow the C library's own <features.h>.)
 *
 * Two steps, so that training and the live page can never disagree:
 *   1. facts: the measurable properties of what the page shows (counts, age, the shape of the handle and
 *      name, bio length, flags). tf_facts_from_account measures them on a live account; the training
 *      program fills them from labelled data sets, some of which publish only the measured properties
 *      (e.g. a handle's digit count, never the handle).
 *   2. features: tf_features_from_facts turns facts into the model's input vector (adding the ratios).
 * A fact or feature the page did not show is NAN, never 0; the trees route NAN down a learned branch.
 *
 * tf_feature_table is the one table of descriptors (name, source fields, meaning, where it is shown) that
 * the model card prints and that both training and runtime use to decide what a view can show.
 */
#ifndef TF_PROFILE_FEATURES_H
#define TF_PROFILE_FEATURES_H

#include "account.h"

typedef struct tf_facts {
    double followers, following, posts, likes_given; /* counts */
    double age_days;                                 /* account age at the time of the counts */
    double handle_length, handle_digits, handle_digit_share, handle_switches, handle_consonant_run;
    double name_length, name_words, name_digit_share, name_is_handle, name_handle_overlap;
    double bio_length, bio_link; /* bio_link: 1 when the profile shows a link (website field or in the bio) */
    double default_avatar, verified, is_private; /* 0 or 1 */
} tf_facts;

typedef enum {
    TF_F_FOLLOWERS,
    TF_F_FOLLOWING,
    TF_F_FOLLOWERS_PER_FOLLOWING,
    TF_F_FOLLOWING_PER_FOLLOWERS_SQ,
    TF_F_POSTS,
    TF_F_AGE_DAYS,
    TF_F_POSTS_PER_DAY,
    TF_F_LIKES_GIVEN,
    TF_F_LIKES_PER_POST,
    TF_F_DEFAULT_AVATAR,
    TF_F_BIO_LENGTH,
    TF_F_BIO_LINK,
    TF_F_VERIFIED,
    TF_F_PRIVATE,
    TF_F_HANDLE_LENGTH,
    TF_F_HANDLE_DIGITS,
    TF_F_HANDLE_DIGIT_SHARE,
    TF_F_HANDLE_SWITCHES,
    TF_F_HANDLE_CONSONANT_RUN,
    TF_F_NAME_LENGTH,
    TF_F_NAME_WORDS,
    TF_F_NAME_DIGIT_SHARE,
    TF_F_NAME_IS_HANDLE,
    TF_F_NAME_HANDLE_OVERLAP,
    TF_N_FEATURES
} tf_feature_id;

/* The features that share one plain-words reason ("follows 4,900 accounts; 12 followers"). */
typedef enum {
    TF_G_NETWORK,
    TF_G_ACTIVITY,
    TF_G_LIKES,
    TF_G_AVATAR,
    TF_G_BIO,
    TF_G_LINK,
    TF_G_VERIFIED,
    TF_G_PRIVATE,
    TF_G_HANDLE,
    TF_G_NAME,
    TF_N_GROUPS
} tf_feature_group;

/* Where a feature can be shown: bit per view. */
enum {
    TF_SHOWN_X_PROFILE = 1 << 0,
    TF_SHOWN_X_CARD = 1 << 1,
    TF_SHOWN_INSTAGRAM_PROFILE = 1 << 2,
    TF_SHOWN_INSTAGRAM_CARD = 1 << 3,
    TF_SHOWN_OTHER_PROFILE = 1 << 4, /* TikTok, YouTube, Bluesky, Mastodon profile pages */
    TF_SHOWN_OTHER_CARD = 1 << 5,
};

typedef struct tf_feature_desc {
    const char *name;    /* as in the model files and the model card */
    const char *fields;  /* the record fields it comes from */
    const char *meaning; /* one line for the model card */
    tf_feature_group group;
    unsigned shown; /* TF_SHOWN_* bits */
} tf_feature_desc;

extern const tf_feature_desc tf_feature_table[TF_N_FEATURES];

/* The view bit for an account: its platform and whether it is a full profile or a list card. */
unsigned tf_view_bit(tf_platform platform, int card);

/* Every fact NAN. */
void tf_facts_init(tf_facts *f);
/* Measures a live account; `now` (unix seconds) dates its age. */
void tf_facts_from_account(const tf_account *a, double now, tf_facts *f);
/* The same, measuring the handle and the name (the costly facts) only when a feature in `features` (bits of
 * tf_feature_id) reads them; left out, they stay NAN. */
void tf_facts_from_account_for(const tf_account *a, double now, unsigned long long features, tf_facts *f);
/* The input vector; NAN where a fact is missing. */
void tf_features_from_facts(const tf_facts *f, float out[TF_N_FEATURES]);
/* Sets to NAN every feature the view (TF_SHOWN_* bit) cannot show. */
void tf_features_mask_view(float v[TF_N_FEATURES], unsigned view_bit);

/* Handle and name measurements, public so that the training program measures data sets the same way. */
void tf_measure_handle(const char *handle, tf_facts *f);
void tf_measure_name(const char *name, const char *handle, tf_facts *f);

#endif
