/* tf_read: every input the extension captures goes through it (JSON, JSON lines, capture records, HTML). */
#include <stddef.h>
#include <stdint.h>

#include "fuzz.h"
#include "read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = tf_fuzz_text(data, size);
    tf_read_options options = {tf_fuzz_url(size), tf_fuzz_lang(size)};
    tf_batch batch = {0};
    char message[512];
    message[0] = '\0';
    tf_status status = tf_read(text, size, &options, &batch, message, sizeof message);
    TF_FUZZ_CHECK(status == TF_OK || status == TF_UNSUPPORTED || status == TF_INVALID || status == TF_NO_MEMORY);
    TF_FUZZ_CHECK(status == TF_OK || message[0] != '\0'); /* every refusal says why */
    tf_fuzz_check_batch(&batch);
    tf_batch_free(&batch);
    free(text);
    return 0;
}
