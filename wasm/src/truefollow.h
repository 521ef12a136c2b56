/*
 * truefollow's core, as the command line and the WebAssembly exports use it.
 *
 * Strings cross as UTF-8. Every char * returned is the caller's to free with tf_free. On a hard error
 * (input that is not JSON or HTML, too large, out of memory) a function returns NULL (or -1) and
 * tf_last_error() says what is wrong; an input of an unknown shape is not an error but a report with
 * "status": "unsupported".
 *
 * Two words, used the same way everywhere: a profile's *audience* is its followers, whose real, inactive and
 * fake shares the core estimates from a sample of them; an *audit* is that estimate made from the responses
 * read (tf_audit_input below, `truefollow audit`, audit mode in the extension, the "audit" key of a report).
 * In the sources, audit.c is the estimate's statistics (shares, 90% intervals, the classifier's error rates
 * corrected for) and audience.c assembles the whole audience report around it (the shares, the Follower
 * Factory runs, true reach, engagement); wasm/eval/ measures the estimate's coverage on labelled data.
 */
#ifndef TRUEFOLLOW_H
#define TRUEFOLLOW_H

#include <stddef.h>

/*
 * Options, as a JSON object or NULL for the defaults:
 *   "now": unix seconds the account ages are measured against (default: the clock),
 *   "url": where the response came from, "lang": the page's language,
 *   "followers": the profile's follower count, for true reach, when the responses do not show it,
 *   "fake_threshold", "inactive_posts_per_year", "inactive_days_silent": the verdicts' thresholds
 *   (without "fake_threshold", the model's verdict band decides between real, "uncertain" and fake; with it,
 *   p_fake at or above it is fake and nothing is uncertain).
 */

/* Reads and scores one input. The report: {"status": "ok" | "no-data" | "unsupported", "message",
 * "accounts": [...one per account, as `truefollow score` prints them...], "posts": n, "model"}. */
char *tf_score_input(const char *input, size_t len, const char *options_json);

/* Reads one input (JSON lines of several responses allowed), scores every account and estimates the
 * audience: {"status", "message", "audit": {"profile", "n", "too_few", "sample", "flagged", "real",
 * "inactive", "fake" ({"share", "ci90"}), "reach", "engagement", "factory", "model", "method"}}; "method" names
 * the method behind the numbers given (the corrected shares' or the one-sided bound's), null where none is given. */
char *tf_audit_input(const char *input, size_t len, const char *options_json);

/* The count a string means in a language ("1,2 Mio.", "de" gives 1200000), or -1. */
double tf_count(const char *text, const char *lang);

const char *tf_last_error(void);
void tf_free(void *p);
const char *tf_version(void);

#endif
