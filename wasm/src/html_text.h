/*
 * Small helpers for adapters that read HTML: finding the JSON a page embeds (a script element by an
 * attribute, or a `var name = {...};` assignment), the page's language, and an HTML fragment's text.
 * Every search is one linear pass over the page; nothing here allocates except tf_html_text.
 */
#ifndef TF_HTML_TEXT_H
#define TF_HTML_TEXT_H

#include <stddef.h>

#include "account.h"
#include "cJSON.h"

/* The text inside the first <script> element carrying attr="value" (either quote); NULL if none. */
const char *tf_html_script_with(const char *html, const char *attr, const char *value, size_t *len);

/* The JSON object assigned after `name` ("ytInitialData" in `var ytInitialData = {...};`); NULL if none. */
const char *tf_html_object_after(const char *html, const char *name, size_t *len);

/* Parses text[0..len) as JSON and gives the tree to the batch. NULL when it is not JSON; *no_memory is
 * set when the batch could not keep it. */
const cJSON *tf_html_parse_kept(tf_batch *out, const char *text, size_t len, int *no_memory);

/* The lang attribute of <html> into buf ("" when absent); returns buf. */
const char *tf_html_lang(const char *html, char *buf, size_t size);

/* The text of an HTML fragment: tags dropped (<br> and </p> become line breaks), the common entities
 * decoded; a copy owned by the batch, NULL when memory runs out. */
const char *tf_html_text(tf_batch *out, const char *fragment);

#endif
