/*
 * Count strings as platforms print them ("1,2 Mio.", "25m subscribers", "1.2万") to the integer they mean.
 * The page's language decides the conventions: "1.234" is a thousand in German, "1,2 M" a million in French.
 */
#ifndef TF_COUNT_H
#define TF_COUNT_H

#include <stddef.h>

/* 0 and *out set on success; -1 with `why` filled when the text holds no count in that language. */
int tf_parse_count(const char *text, const char *lang, double *out, char *why, size_t why_size);

#endif
