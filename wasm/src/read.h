/* Reading one input (a captured response: JSON, JSON lines of responses, or an HTML page) into a batch. */
#ifndef TF_READ_H
#define TF_READ_H

#include <stddef.h>

#include "account.h"

typedef enum {
    TF_OK,          /* read; the batch may still hold no account ("no data") */
    TF_UNSUPPORTED, /* a platform's shape the core does not know; the message names what was missing */
    TF_INVALID,     /* not JSON, not HTML, truncated, too large or too deep */
    TF_NO_MEMORY,
} tf_status;

#ifndef TF_MAX_INPUT_BYTES
#define TF_MAX_INPUT_BYTES (64u * 1024u * 1024u) /* larger than any page's response by two orders */
#endif

typedef struct tf_read_options {
    const char *url;  /* where the response came from, or NULL */
    const char *lang; /* the page's language, or NULL */
} tf_read_options;

/* Appends what `text` holds to `out`. On anything but TF_OK, `message` says what is wrong. */
tf_status tf_read(const char *text, size_t len, const tf_read_options *options, tf_batch *out, char *message,
                  size_t message_size);

const char *tf_status_name(tf_status status);

#endif
