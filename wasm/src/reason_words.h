/* A reason of the core's (reasons.h: a sentence key and its numbers) in one of the extension's languages. */
#ifndef TF_REASON_WORDS_H
#define TF_REASON_WORDS_H

#include <stddef.h>

#include "cJSON.h"
#include "words.h"

/*
 * Writes reason ({"text", "key", "args", "unit"}, as tf_account_report gives it) in l, from the messages
 * reason_<key> and reason_n_<unit>_one/_other, as the badge writes it (extension/common/view-model.js): counts whole,
 * years to one decimal, a rate to two significant digits, a share as a whole percent. A key or numbers not
 * known here give the core's own English text, as on the badge. Always NUL-terminates (size > 0).
 */
void tf_reason_words(const tf_language *l, const cJSON *reason, char *out, size_t size);

#endif
