/*
 * One adapter function called directly, so each platform's reader gets its own corpus. Built once per
 * adapter (mk/fuzz.mk) with TF_FUZZ_ADAPTER naming the function and TF_FUZZ_HTML set for HTML readers;
 * a JSON reader gets the parsed document as tf_read hands it over, an HTML reader the raw text.
 */
#include <stddef.h>
#include <stdint.h>

#include "adapter.h"
#include "cJSON.h"
#include "fuzz.h"

#ifndef TF_FUZZ_ADAPTER
#error "TF_FUZZ_ADAPTER names the adapter function to fuzz"
#endif
#ifndef TF_FUZZ_HTML
#define TF_FUZZ_HTML 0
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = tf_fuzz_text(data, size);
    cJSON *doc = NULL;
    if (!TF_FUZZ_HTML) {
        doc = cJSON_ParseWithLength(text, size);
        if (!doc) {
            free(text);
            return 0; /* tf_read never hands a JSON adapter anything that did not parse */
        }
    }
    tf_input in = {TF_FUZZ_HTML ? text : NULL, TF_FUZZ_HTML ? size : 0, doc, tf_fuzz_url(size), tf_fuzz_lang(size)};
    tf_batch batch = {0};
    char why[256];
    why[0] = '\0';
    tf_read_result r = TF_FUZZ_ADAPTER(&in, &batch, why, sizeof why);
    TF_FUZZ_CHECK(r == TF_READ_NOT_MINE || r == TF_READ_OK || r == TF_READ_UNSUPPORTED || r == TF_READ_NO_MEMORY);
    TF_FUZZ_CHECK(r != TF_READ_UNSUPPORTED || why[0] != '\0'); /* "unsupported" names what is missing */
    TF_FUZZ_CHECK(r != TF_READ_NOT_MINE || (batch.n_accounts == 0 && batch.n_posts == 0));
    tf_fuzz_check_batch(&batch);
    tf_batch_free(&batch);
    cJSON_Delete(doc);
    free(text);
    return 0;
}
