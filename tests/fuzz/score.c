/* tf_score_input: the public API the extension calls for one response, with options JSON. */
#include <stddef.h>
#include <stdint.h>

#include "api.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tf_fuzz_call call = tf_fuzz_split(data, size);
    cJSON *report = tf_fuzz_check_report(tf_score_input(call.input, call.len, call.options));
    const cJSON *account;
    cJSON_ArrayForEach(account, cJSON_GetObjectItemCaseSensitive(report, "accounts"))
    {
        TF_FUZZ_CHECK(tf_fuzz_p_fake_ok(account));
        const cJSON *followers = cJSON_GetObjectItemCaseSensitive(account, "followers");
        TF_FUZZ_CHECK(cJSON_IsNull(followers) || tf_fuzz_count_ok(followers->valuedouble));
    }
    cJSON_Delete(report);
    tf_fuzz_call_free(&call);
    return 0;
}
