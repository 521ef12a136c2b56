/* Reasons in plain words: one sentence per feature group, from the facts a page showed. */
#ifndef TF_REASONS_H
#define TF_REASONS_H

#include <stddef.h>

#include "profile_features.h"

#ifndef TF_REASON_MAX_ARGS
#define TF_REASON_MAX_ARGS 3
#endif

/* The same sentence for translation: a key per sentence shape ("network_both") and its numbers in the order
 * the English names them (counts whole, an age in `unit` "days", "months" or "years", years to one decimal,
 * a rate to two significant digits, a share in whole percents). NAN where the page did not show a number. */
typedef struct tf_reason_template {
    const char *key;
    const char *unit; /* the age's unit where the sentence names an age, else NULL */
    int n_args;
    double args[TF_REASON_MAX_ARGS];
} tf_reason_template;

/* Writes e.g. "follows 4,900 accounts; 12 followers" for TF_G_NETWORK; `lead` is the group's strongest
 * feature, which picks the sentence where a group has several (a handle's digits or its consonants).
 * Always NUL-terminates. When `tpl` is not NULL, also fills it with the sentence's key and numbers. */
void tf_reason_text(tf_feature_group group, tf_feature_id lead, const tf_facts *f, char *out, size_t size,
                    tf_reason_template *tpl);
/* A whole number with thousands separators ("4,900"); "?" when NAN. */
void tf_format_count(double v, char *out, size_t size);

#endif
