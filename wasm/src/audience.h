/*
 * The whole audience answer for a batch of responses: the follower sample's real / inactive / fake shares,
 * the Follower Factory runs, true reach and engagement, as one JSON report.
 */
#ifndef TF_AUDIENCE_H
#define TF_AUDIENCE_H

#include "account.h"
#include "cJSON.h"
#include "score.h"

/*
 * The profile is the first account seen on a profile page. The sample is every account seen in a list
 * (followers, following) when there is one, else every account. `followers` overrides the profile's follower count when it is not
 * NAN (a follower list alone does not show it). Returns a new tree, or NULL when memory runs out.
 */
cJSON *tf_audience_report(const tf_batch *batch, double now, const tf_thresholds *t, double followers);

#endif
