/*
 * The Follower Factory test (New York Times, "The Follower Factory", 2018): bought followers arrive
 * together, so in follow order they form long runs of accounts created within a narrow window, unlike
 * the followers around them.
 */
#ifndef TF_FACTORY_H
#define TF_FACTORY_H

#include <stddef.h>

#ifndef TF_FACTORY_WINDOW
#define TF_FACTORY_WINDOW 20 /* consecutive followers looked at together */
#endif
#ifndef TF_FACTORY_MIN_DENSE
#define TF_FACTORY_MIN_DENSE 18 /* of which at least this many were created within the band */
#endif
#ifndef TF_FACTORY_BAND_DAYS
#define TF_FACTORY_BAND_DAYS 31.0 /* the narrow creation window */
#endif
#ifndef TF_FACTORY_MIN_RUN
#define TF_FACTORY_MIN_RUN 30 /* a run shorter than this is not reported */
#endif

typedef struct tf_factory_run {
    size_t first, last;           /* positions in follow order, inclusive */
    size_t members;               /* followers in the run created within its band */
    double created_from, created_to; /* the band, unix seconds */
} tf_factory_run;

typedef struct tf_factory_result {
    size_t n_dated;    /* followers with a known creation date */
    size_t in_runs;    /* followers inside reported runs */
    size_t n_runs;
    tf_factory_run *runs; /* the caller frees with free() */
} tf_factory_result;

/*
 * `created` holds each follower's account creation time (unix seconds, NAN when unknown) in follow order.
 * Returns 0, or -1 when memory runs out.
 */
int tf_factory_find(const double *created, size_t n, tf_factory_result *out);

#endif
