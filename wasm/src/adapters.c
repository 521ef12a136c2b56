/*
 * The adapter registry: tried in order, the first that recognises an input reads it. Each adapter says
 * "not mine" quickly from a few keys, so the order only matters where shapes could overlap: the DOM
 * record and X's data.user.result come before Instagram's data.user; Bluesky (did, handle) and Mastodon
 * (acct, display_name) are told apart by their keys.
 */
#include "adapter.h"

const tf_adapter_fn tf_json_adapters[] = {
    tf_read_dom_json,
    tf_read_x_json,
    tf_read_instagram_json,
    tf_read_tiktok_json,
    tf_read_youtube_json,
    tf_read_bluesky_json,
    tf_read_mastodon_json,
    NULL,
};

const tf_adapter_fn tf_html_adapters[] = {
    tf_read_x_html,
    tf_read_tiktok_html,
    tf_read_youtube_html,
    NULL,
};
