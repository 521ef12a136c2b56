/*
 * tf_factory_find: Follower Factory runs over creation dates in follow order. The input is the dates as
 * raw doubles (NaN, infinities and any magnitude arrive too); the runs found must lie inside the list.
 */
#include <stddef.h>
#include <stdint.h>

#include "factory.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n = size / sizeof(double);
    double *created = malloc((n ? n : 1) * sizeof *created);
    if (!created)
        return 0;
    memcpy(created, data, n * sizeof *created);
    tf_factory_result result;
    if (tf_factory_find(created, n, &result) == 0) {
        TF_FUZZ_CHECK(result.n_dated <= n && result.in_runs <= result.n_dated);
        size_t previous_last = 0;
        for (size_t i = 0; i < result.n_runs; i++) {
            const tf_factory_run *run = &result.runs[i];
            TF_FUZZ_CHECK(run->first <= run->last && run->last < n);
            TF_FUZZ_CHECK(i == 0 || run->first > previous_last); /* runs are disjoint and in order */
            TF_FUZZ_CHECK(run->members >= TF_FACTORY_MIN_RUN && run->members <= run->last - run->first + 1);
            TF_FUZZ_CHECK(run->created_from <= run->created_to);
            previous_last = run->last;
        }
        free(result.runs);
    }
    free(created);
    return 0;
}
