/*
 * tf_history_input: a profile's stored follower-count history, as the extension hands it back to the core.
 * The answer is JSON, "ok" with every jump inside the points, or "error" with a message; NULL only when
 * memory runs out.
 */
#include <stddef.h>
#include <stdint.h>

#include "api.h"
#include "history.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *input = tf_fuzz_text(data, size);
    char *answer = tf_history_input(input, size);
    if (answer) {
        cJSON *doc = cJSON_Parse(answer);
        TF_FUZZ_CHECK(cJSON_IsObject(doc));
        const char *status = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(doc, "status"));
        TF_FUZZ_CHECK(status && (strcmp(status, "ok") == 0 || strcmp(status, "error") == 0));
        if (strcmp(status, "ok") == 0) {
            /* "points" counts the readable points; a jump's index is its place among all the points. */
            const cJSON *readable = cJSON_GetObjectItemCaseSensitive(doc, "points");
            TF_FUZZ_CHECK(cJSON_IsNumber(readable));
            const cJSON *jumps = cJSON_GetObjectItemCaseSensitive(doc, "jumps"), *jump;
            TF_FUZZ_CHECK(cJSON_GetArraySize(jumps) < (readable->valuedouble > 0 ? readable->valuedouble : 1));
            cJSON_ArrayForEach(jump, jumps)
            {
                const cJSON *index = cJSON_GetObjectItemCaseSensitive(jump, "index");
                const cJSON *from = cJSON_GetObjectItemCaseSensitive(jump, "from");
                const cJSON *to = cJSON_GetObjectItemCaseSensitive(jump, "to");
                TF_FUZZ_CHECK(cJSON_IsNumber(index) && index->valuedouble >= 1);
                TF_FUZZ_CHECK(cJSON_IsNumber(from) && tf_fuzz_count_ok(from->valuedouble));
                TF_FUZZ_CHECK(cJSON_IsNumber(to) && tf_fuzz_count_ok(to->valuedouble));
            }
        } else {
            TF_FUZZ_CHECK(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(doc, "message")) != NULL);
        }
        cJSON_Delete(doc);
        tf_free(answer);
    }
    free(input);
    return 0;
}
