/*
 * tf_parse_count: a count string as a page printed it, in the page's language. The input is
 * "<lang>\t<text>" (as in tests/fixtures/counts.tsv), or only the text, read as English.
 * A count it accepts must be a whole number from 0 to below 2^53.
 */
#include <stddef.h>
#include <stdint.h>

#include "count.h"
#include "fuzz.h"

#define MAX_LANG 24

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *input = tf_fuzz_text(data, size);
    const char *lang = "", *text = input;
    char *tab = memchr(input, '\t', size < MAX_LANG ? size : MAX_LANG);
    if (tab) {
        *tab = '\0';
        lang = input;
        text = tab + 1;
    }
    double value = -1;
    char why[256];
    why[0] = '\0';
    if (tf_parse_count(text, lang, &value, why, sizeof why) == 0)
        TF_FUZZ_CHECK(isfinite(value) && value >= 0 && value < 9007199254740992.0 && value == floor(value));
    else
        TF_FUZZ_CHECK(why[0] != '\0');
    free(input);
    return 0;
}
