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
/*
 * What a reason's sentence names, judged by what is known of bought accounts (a default picture, an empty bio,
 * following far above followers, few followers or posts, a young account, digits in a handle or a name: signs
 * of a fake; their opposites, where there are any, signs of a real account): > 0 a sign of a fake, < 0 a sign
 * of a real account, 0 neither (or both at once).
 */
int tf_reason_sign(const tf_reason_template *words, const tf_facts *f);
/* 1 when a reason with this sentence and effect (> 0 towards fake) may be shown: a reason never says that a
 * sign of a fake made an account look more real, nor that a sign of a real account made it look fake. */
int tf_reason_may_show(const tf_reason_template *words, const tf_facts *f, double effect);

/* A whole number with thousands separators ("4,900"); "?" when NAN. */
void tf_format_count(double v, char *out, size_t size);

#endif
