/* tf_audit_input: the public API for a follower sample (JSON lines of responses), with options JSON. */
#include <stddef.h>
#include <stdint.h>

#include "api.h"

static void check_share(const cJSON *share)
{
    const cJSON *value = cJSON_GetObjectItemCaseSensitive(share, "share");
    const cJSON *ci = cJSON_GetObjectItemCaseSensitive(share, "ci90");
    TF_FUZZ_CHECK(cJSON_IsNull(value) || tf_fuzz_unit(value));
    TF_FUZZ_CHECK(cJSON_GetArraySize(ci) == 2);
    const cJSON *lo = cJSON_GetArrayItem(ci, 0), *hi = cJSON_GetArrayItem(ci, 1);
    TF_FUZZ_CHECK(tf_fuzz_unit(lo) && tf_fuzz_unit(hi) && lo->valuedouble <= hi->valuedouble);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tf_fuzz_call call = tf_fuzz_split(data, size);
    cJSON *report = tf_fuzz_check_report(tf_audit_input(call.input, call.len, call.options));
    if (report) {
        const cJSON *audit = cJSON_GetObjectItemCaseSensitive(report, "audit");
        TF_FUZZ_CHECK(cJSON_IsObject(audit));
        check_share(cJSON_GetObjectItemCaseSensitive(audit, "real"));
        check_share(cJSON_GetObjectItemCaseSensitive(audit, "inactive"));
        check_share(cJSON_GetObjectItemCaseSensitive(audit, "fake"));
    }
    cJSON_Delete(report);
    tf_fuzz_call_free(&call);
    return 0;
}
