/*
 * The core's public entry points (truefollow.h): options in, a JSON report out. The last hard error is
 * kept in a static buffer, as the wasm build is single-threaded and the command line calls in sequence.
 */
#include "truefollow.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audience.h"
#include "cJSON.h"
#include "count.h"
#include "json_get.h"
#include "read.h"
#include "report.h"
#include "score.h"

static char last_error[512];

static void set_error(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vsnprintf(last_error, sizeof last_error, format, args);
    va_end(args);
}

const char *tf_last_error(void) { return last_error; }
void tf_free(void *p) { free(p); }
const char *tf_version(void) { return "0.1.0"; }

typedef struct options {
    double now;
    double followers; /* the profile's follower count, for reach, when the responses lack it */
    tf_thresholds thresholds;
    char url[1024], lang[24];
} options;

static double number_option(const cJSON *o, const char *key, double fallback)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(v) && isfinite(v->valuedouble) ? v->valuedouble : fallback;
}

static void string_option(const cJSON *o, const char *key, char *out, size_t size)
{
    const char *v = tf_str(cJSON_GetObjectItemCaseSensitive(o, key));
    snprintf(out, size, "%s", v ? v : "");
}

static int parse_options(const char *json, options *out)
{
    memset(out, 0, sizeof *out);
    out->now = (double)time(NULL);
    out->thresholds = tf_default_thresholds;
    out->followers = NAN;
    if (!json || !*json)
        return 0;
    cJSON *o = cJSON_Parse(json);
    if (!cJSON_IsObject(o)) {
        cJSON_Delete(o);
        set_error("options are not a JSON object");
        return -1;
    }
    out->now = number_option(o, "now", out->now);
    out->followers = number_option(o, "followers", NAN);
    out->thresholds.fake = number_option(o, "fake_threshold", out->thresholds.fake);
    out->thresholds.inactive_posts_per_year = number_option(o, "inactive_posts_per_year", out->thresholds.inactive_posts_per_year);
    out->thresholds.inactive_days_silent = number_option(o, "inactive_days_silent", out->thresholds.inactive_days_silent);
    string_option(o, "url", out->url, sizeof out->url);
    string_option(o, "lang", out->lang, sizeof out->lang);
    cJSON_Delete(o);
    return 0;
}

/* Reads the input; NULL on a hard error (already reported), else a report carrying the status. */
static cJSON *read_input(const char *input, size_t len, const options *opt, tf_batch *batch)
{
    char message[512] = "";
    tf_read_options read_opt = {opt->url, opt->lang};
    tf_status status = tf_read(input, len, &read_opt, batch, message, sizeof message);
    if (status == TF_INVALID || status == TF_NO_MEMORY) {
        set_error("%s", status == TF_NO_MEMORY ? "out of memory reading the input" : message);
        return NULL;
    }
    cJSON *report = cJSON_CreateObject();
    const char *name = status == TF_UNSUPPORTED ? "unsupported" : batch->n_accounts ? "ok" : "no-data";
    if (!report || !cJSON_AddStringToObject(report, "status", name) ||
        !cJSON_AddStringToObject(report, "message", status == TF_OK && !batch->n_accounts ? "no account in this response" : message) ||
        !cJSON_AddStringToObject(report, "model", tf_model_version())) {
        cJSON_Delete(report);
        set_error("out of memory");
        return NULL;
    }
    return report;
}

static char *print_and_free(cJSON *report)
{
    char *text = cJSON_PrintUnformatted(report);
    cJSON_Delete(report);
    if (!text)
        set_error("out of memory printing the report");
    return text;
}

char *tf_score_input(const char *input, size_t len, const char *options_json)
{
    options opt;
    if (parse_options(options_json, &opt))
        return NULL;
    tf_batch batch = {0};
    cJSON *report = read_input(input, len, &opt, &batch);
    cJSON *accounts = report ? cJSON_AddArrayToObject(report, "accounts") : NULL;
    int failed = report && !accounts;
    for (size_t i = 0; accounts && i < batch.n_accounts; i++) {
        tf_score score;
        tf_score_account(&batch.accounts[i], opt.now, &opt.thresholds, &score);
        cJSON *item = tf_account_report(&batch.accounts[i], &score);
        if (!item || !cJSON_AddItemToArray(accounts, item)) {
            cJSON_Delete(item);
            failed = 1;
            break;
        }
    }
    if (report && !cJSON_AddNumberToObject(report, "posts", (double)batch.n_posts))
        failed = 1;
    tf_batch_free(&batch);
    if (failed) {
        cJSON_Delete(report);
        set_error("out of memory scoring the input");
        return NULL;
    }
    return report ? print_and_free(report) : NULL;
}

char *tf_audit_input(const char *input, size_t len, const char *options_json)
{
    options opt;
    if (parse_options(options_json, &opt))
        return NULL;
    tf_batch batch = {0};
    cJSON *report = read_input(input, len, &opt, &batch);
    if (!report) {
        tf_batch_free(&batch);
        return NULL;
    }
    cJSON *audit = tf_audience_report(&batch, opt.now, &opt.thresholds, opt.followers);
    tf_batch_free(&batch);
    if (!audit || !cJSON_AddItemToObject(report, "audit", audit)) {
        cJSON_Delete(audit);
        cJSON_Delete(report);
        set_error("out of memory estimating the audience");
        return NULL;
    }
    return print_and_free(report);
}

double tf_count(const char *text, const char *lang)
{
    double value;
    char why[256];
    if (tf_parse_count(text, lang, &value, why, sizeof why)) {
        set_error("%s", why);
        return -1;
    }
    return value;
}
