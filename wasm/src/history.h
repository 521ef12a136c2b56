/*
 * A profile's follower-count history: which changes between two consecutive observations are sudden jumps.
 * The extension keeps every count it saw (with when) on the device and asks the core which steps to flag.
 *
 * The rule, kept simple on purpose: a step from a to b is a jump when |b - a| > TF_JUMP_SHARE * a and
 * |b - a| > TF_JUMP_MIN (both must hold, so small accounts' normal swings and big accounts' daily growth are
 * not flagged). It leaves out the time between observations: a change that large is worth a look however
 * long it took between two visits.
 */
#ifndef TF_HISTORY_H
#define TF_HISTORY_H

#include <stddef.h>

#ifndef TF_JUMP_SHARE
#define TF_JUMP_SHARE 0.20
#endif
#ifndef TF_JUMP_MIN
#define TF_JUMP_MIN 500.0
#endif
#ifndef TF_HISTORY_MAX_POINTS
#define TF_HISTORY_MAX_POINTS 100000
#endif

/* input: {"points": [{"t": unix milliseconds, "followers": count}, ...]} in the order seen.
 * Returns {"status": "ok", "points": n, "rule": {"share", "min"}, "jumps": [{"index", "t", "from", "to"}]}
 * (index: the later point of the step), or {"status": "error", "message"} for input it cannot read.
 * NULL only when out of memory. The caller frees the string with tf_free. */
char *tf_history_input(const char *input, size_t len);

#endif
