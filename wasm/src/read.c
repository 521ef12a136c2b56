/*
 * Input detection: a JSON document, JSON lines (one captured response a line, either a bare response or
 * {"url": ..., "body": ...} as the extension records them), or an HTML page; then the adapters.
 */
#include "read.h"

#include <stdio.h>
#include <string.h>

#include "adapter.h"
#include "cJSON.h"
#include "json_get.h"

static const char *skip_space(const char *s, const char *end)
{
    if (end - s >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) /* UTF-8 byte-order mark */
        s += 3;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
        s++;
    return s;
}

static tf_status from_adapter(tf_read_result r)
{
    switch (r) {
    case TF_READ_OK: return TF_OK;
    case TF_READ_UNSUPPORTED: return TF_UNSUPPORTED;
    case TF_READ_NO_MEMORY: return TF_NO_MEMORY;
    case TF_READ_NOT_MINE: break;
    }
    return TF_UNSUPPORTED;
}

static tf_status run_adapters(const tf_adapter_fn *adapters, const tf_input *in, tf_batch *out, char *message,
                              size_t message_size)
{
    for (; *adapters; adapters++) {
        tf_read_result r = (*adapters)(in, out, message, message_size);
        if (r != TF_READ_NOT_MINE)
            return from_adapter(r);
    }
    if (in->json)
        snprintf(message, message_size, "JSON of no supported platform (first key: \"%.40s\")",
                 in->json->child && in->json->child->string ? in->json->child->string : "none");
    else
        snprintf(message, message_size, "HTML page of no supported platform (no known embedded data found)");
    return TF_UNSUPPORTED;
}

/* A capture record {"url", "body"} wraps a response as text; unwrap it into its own parsed tree. */
static tf_status read_json_document(cJSON *doc, const tf_read_options *options, tf_batch *out, char *message,
                                    size_t message_size)
{
    const char *url = options && options->url ? options->url : "";
    const char *lang = options && options->lang ? options->lang : "";
    const char *body = tf_str(tf_get(doc, "body"));
    const char *record_url = tf_str(tf_get(doc, "url"));
    if (body && record_url) {
        tf_read_options inner = {record_url, lang};
        return tf_read(body, strlen(body), &inner, out, message, message_size);
    }
    tf_input in = {NULL, 0, doc, url, lang};
    return run_adapters(tf_json_adapters, &in, out, message, message_size);
}

static tf_status read_json_lines(const char *text, const char *end, const tf_read_options *options, tf_batch *out,
                                 char *message, size_t message_size)
{
    int line_no = 0;
    tf_status worst = TF_OK;
    for (const char *line = text; line < end; line++) {
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        if (!eol)
            eol = end;
        line_no++;
        const char *start = skip_space(line, eol);
        if (start < eol) {
            cJSON *doc = cJSON_ParseWithLength(start, (size_t)(eol - start));
            if (!doc) {
                snprintf(message, message_size, "line %d is not valid JSON", line_no);
                return TF_INVALID;
            }
            if (tf_batch_keep_tree(out, doc))
                return TF_NO_MEMORY;
            char why[256] = "";
            tf_status s = read_json_document(doc, options, out, why, sizeof why);
            if (s == TF_NO_MEMORY)
                return s;
            if (s != TF_OK && worst == TF_OK) {
                worst = s;
                snprintf(message, message_size, "line %d: %s", line_no, why);
            }
        }
        line = eol;
    }
    /* One unreadable line among readable ones does not lose the rest; all unreadable is unsupported. */
    return out->n_accounts || out->n_posts ? TF_OK : worst;
}

tf_status tf_read(const char *text, size_t len, const tf_read_options *options, tf_batch *out, char *message,
                  size_t message_size)
{
    if (!text) {
        snprintf(message, message_size, "no input");
        return TF_INVALID;
    }
    if (len > TF_MAX_INPUT_BYTES) {
        snprintf(message, message_size, "input of %zu bytes is larger than the %u-byte limit", len,
                 TF_MAX_INPUT_BYTES);
        return TF_INVALID;
    }
    const char *end = text + len;
    const char *start = skip_space(text, end);
    if (start == end) {
        snprintf(message, message_size, "empty input");
        return TF_INVALID;
    }
    if (*start == '{' || *start == '[') {
        const char *parse_end = NULL;
        cJSON *doc = cJSON_ParseWithLengthOpts(start, (size_t)(end - start), &parse_end, 0);
        if (doc && skip_space(parse_end, end) == end) {
            if (tf_batch_keep_tree(out, doc))
                return TF_NO_MEMORY;
            return read_json_document(doc, options, out, message, message_size);
        }
        /* Where it stops making sense: after a whole value, the trailing bytes; else cJSON's error
         * position (only set when the parse failed: asking after a success is arithmetic on NULL). */
        const char *at = doc ? parse_end : cJSON_GetErrorPtr();
        cJSON_Delete(doc);
        if (memchr(start, '\n', (size_t)(end - start)))
            return read_json_lines(start, end, options, out, message, message_size);
        long offset = at && at >= start && at <= end ? (long)(at - text) : -1;
        snprintf(message, message_size, "not valid JSON (stops making sense at byte %ld)", offset);
        return TF_INVALID;
    }
    if (*start == '<') {
        /* HTML adapters search the raw text; it must be NUL-terminated for them. */
        char *copy = tf_batch_strndup(out, text, len);
        if (!copy)
            return TF_NO_MEMORY;
        tf_input in = {copy, len, NULL, options && options->url ? options->url : "",
                       options && options->lang ? options->lang : ""};
        return run_adapters(tf_html_adapters, &in, out, message, message_size);
    }
    snprintf(message, message_size, "neither JSON nor HTML (starts with byte 0x%02x)", (unsigned char)*start);
    return TF_INVALID;
}

const char *tf_status_name(tf_status status)
{
    switch (status) {
    case TF_OK: return "ok";
    case TF_UNSUPPORTED: return "unsupported";
    case TF_INVALID: return "invalid";
    case TF_NO_MEMORY: return "no-memory";
    }
    return "unknown";
}
