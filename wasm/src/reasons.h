/* Reasons in plain words: one sentence per feature group, from the facts a page showed. */
#ifndef TF_REASONS_H
#define TF_REASONS_H

#include <stddef.h>

#include "profile_features.h"

/* Writes e.g. "follows 4,900 accounts; 12 followers" for TF_G_NETWORK; `lead` is the group's strongest
 * feature, which picks the sentence where a group has several (a handle's digits or its consonants).
 * Always NUL-terminates. */
void tf_reason_text(tf_feature_group group, tf_feature_id lead, const tf_facts *f, char *out, size_t size);
/* A whole number with thousands separators ("4,900"); "?" when NAN. */
void tf_format_count(double v, char *out, size_t size);

#endif
