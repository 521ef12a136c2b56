/*
 * Entry points for `make bench` (see bench_api.c): each repeats one of the core's hot paths inside a single
 * call and returns how much work it did (accounts scored, documents parsed, audits made), or -1 when the
 * input cannot be read or memory runs out. `url` names where the response came from, as in tf_read.
 */
#ifndef TF_BENCH_API_H
#define TF_BENCH_API_H

#include <stddef.h>

/* Reads `input` once, then scores every account in it `repeats` times (features, model, reasons, verdict). */
long tf_bench_score_repeated(const char *input, size_t len, const char *url, double now, int repeats);
/* Reads and scores `input` from its bytes `repeats` times: parse, adapter, normalised records, scores. */
long tf_bench_ingest(const char *input, size_t len, const char *url, double now, int repeats);
/* cJSON_ParseWithLength and cJSON_Delete of `input`, `repeats` times: the floor under tf_bench_ingest. */
long tf_bench_cjson_parse(const char *input, size_t len, int repeats);
/* Scores the followers in `input` once, repeats them in order up to `n` scored followers, then makes the
 * audience estimate over them `repeats` times (shares and intervals, Follower Factory, report JSON). */
long tf_bench_audit(const char *input, size_t len, const char *url, double now, int n, int repeats);
/* Bytes the C heap holds in use (malloc's own count), for leak checks; 0 where unknown. */
long tf_bench_heap_in_use(void);

#endif
