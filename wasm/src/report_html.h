/*
 * The one-file vetting report: an HTML document with no script and no request (its own CSP says so), printable
 * to PDF, in one of the extension's six languages. Numbers come from the core's JSON reports; the document is
 * written through doc_html.h, so nothing from the inputs can become markup.
 */
#ifndef TF_CLI_REPORT_HTML_H
#define TF_CLI_REPORT_HTML_H

#include <stddef.h>

#include "cJSON.h"

typedef struct tf_report_input {
    const char *name; /* as given on the command line; borrowed */
    size_t bytes;
    char sha256[65];
} tf_report_input;

/*
 * The report of one profile, as a NUL-terminated string the caller frees (tf_free), or NULL when out of memory: audit is tf_audience_report's JSON, profile tf_account_report's JSON of the
 * profile's own account (NULL when the inputs hold none), history the follower counts seen earlier
 * ([{"t": unix milliseconds, "followers"}], as the extension keeps them; NULL for none), inputs the files it
 * was computed from, lang a language of the extension ("en" for an empty or unknown one), now the unix time the
 * audit was computed for, options
 * the other command-line options that computed it ("--lang de --url ..."), repeated in the line that re-derives
 * the numbers. Borrows everything.
 */
char *tf_report_html(const cJSON *audit, const cJSON *profile, const cJSON *history, const tf_report_input *inputs,
                     int n_inputs, const char *lang, double now, const char *options);

/*
 * The vetting list's report: several profiles side by side, one row each. accounts: [{"label": "@handle (x)",
 * "audit": tf_audience_report's JSON or null, "profile": tf_account_report's JSON or null}]. Freed with tf_free;
 * NULL when out of memory.
 */
char *tf_report_html_compare(const cJSON *accounts, const char *lang, double now);

/*
 * The same from JSON, for the WebAssembly build: {"audit", "profile" (or null), "history" (optional), "inputs":
 * [{"name", "bytes", "sha256"}], "lang", "now", "options"} for one profile, or {"accounts": [...], "lang", "now"} for the vetting
 * list. NULL when the request has neither an audit object nor an accounts array, or memory runs out.
 */
char *tf_report_html_input(const char *request_json);

#endif
