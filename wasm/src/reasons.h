/* Reasons in plain words: one sentence per feature group, from the facts a page showed. */
#ifndef TF_REASONS_H
#define TF_REASONS_H

#include <stddef.h>

#include "profile_features.h"

/* Writes e.g. "follows 4,900 accounts; 12 followers" for TF_G_NETWORK. Always NUL-terminates. */
void tf_reason_text(tf_feature_group group, const tf_facts *f, char *out, size_t size);
/* A whole number with thousands separators ("4,900"); "?" when NAN. */
void tf_format_count(double v, char *out, size_t size);

#endif
