/* The adapter registry: tried in order, the first that recognises an input reads it. */
#include "adapter.h"

const tf_adapter_fn tf_json_adapters[] = {
    tf_read_x_json,
    NULL,
};

const tf_adapter_fn tf_html_adapters[] = {
    NULL,
};
