/*
 * Engagement: the rate a profile's recent posts get, (likes + comments + reposts) per post / followers,
 * against what genuine accounts of the same follower tier on that platform get.
 */
#ifndef TF_ENGAGEMENT_H
#define TF_ENGAGEMENT_H

#include <stddef.h>

#include "account.h"

#define TF_ENGAGEMENT_MIN_POSTS 3 /* fewer posts say too little about a rate */

typedef struct tf_engagement {
    size_t n_posts;      /* posts the rate is measured on */
    double rate;         /* NAN when there are too few posts or no follower count */
    double tier_floor;   /* the follower tier compared with: followers >= this */
    double typical;      /* the tier's typical rate; NAN when no baseline is known */
    double far_below;    /* a rate under this is "far below what the followers would give" */
    int is_far_below;
    const char *source;  /* where the baseline comes from, in English; NULL when no baseline is known */
    /* The same source for translation: its kind ("measured" or "published"), a key naming it
     * ("instafake_2018", "socialrails", "calculatecreator"), and the citation, which stays as published:
     * the cited name (a data set or a site) and the quoted page title (NULL where none is quoted). */
    const char *source_kind, *source_key, *source_name, *source_title;
} tf_engagement;

/* Measures the rate of `posts` (all by the profile) for a profile with `followers` followers. */
void tf_engagement_measure(tf_platform platform, const tf_post *posts, size_t n_posts, double followers,
                           tf_engagement *out);

#endif
