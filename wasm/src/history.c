/*
 * Sudden jumps in a follower-count history (history.h): one pass over consecutive points. Points whose count
 * is missing or not a whole number 0..2^53 are skipped (the step is taken from the last readable point).
 */
#include "history.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cJSON.h"
#include "json_get.h"

static char *print_and_free(cJSON *report)
{
    char *text = report ? cJSON_PrintUnformatted(report) : NULL;
    cJSON_Delete(report);
    return text;
}

static char *error_report(const char *message)
{
    cJSON *report = cJSON_CreateObject();
    if (!report || !cJSON_AddStringToObject(report, "status", "error") || !cJSON_AddStringToObject(report, "message", message)) {
        cJSON_Delete(report);
        return NULL;
    }
    return print_and_free(report);
}

static int is_jump(double from, double to)
{
    double change = fabs(to - from);
    return change > TF_JUMP_SHARE * from && change > TF_JUMP_MIN;
}

char *tf_history_input(const char *input, size_t len)
{
    if (!input) return error_report("no input");
    cJSON *doc = cJSON_ParseWithLength(input, len);
    if (!doc) return error_report("the history is not JSON");
    const cJSON *points = tf_get(doc, "points");
    if (!cJSON_IsArray(points)) {
        cJSON_Delete(doc);
        return error_report("the history has no \"points\" array");
    }
    if (cJSON_GetArraySize(points) > TF_HISTORY_MAX_POINTS) {
        cJSON_Delete(doc);
        return error_report("the history has too many points");
    }
    cJSON *report = cJSON_CreateObject();
    cJSON *rule = cJSON_CreateObject();
    cJSON *jumps = cJSON_CreateArray();
    int failed = !report || !rule || !jumps;
    double previous = NAN;
    int index = 0, readable = 0;
    const cJSON *point;
    cJSON_ArrayForEach(point, points)
    {
        double count = tf_count_value(tf_get(point, "followers"));
        if (!isnan(count)) {
            readable++;
            if (!isnan(previous) && is_jump(previous, count) && !failed) {
                cJSON *jump = cJSON_CreateObject();
                const cJSON *t = tf_get(point, "t");
                failed = !jump || !cJSON_AddNumberToObject(jump, "index", index) ||
                         /* cJSON_CreateNumber(NAN) converts NAN to int (undefined): no time is null */
                         !(cJSON_IsNumber(t) ? cJSON_AddNumberToObject(jump, "t", t->valuedouble) : cJSON_AddNullToObject(jump, "t")) ||
                         !cJSON_AddNumberToObject(jump, "from", previous) || !cJSON_AddNumberToObject(jump, "to", count);
                if (jump) cJSON_AddItemToArray(jumps, jump);
            }
            previous = count;
        }
        index++;
    }
    cJSON_Delete(doc);
    if (!failed) {
        failed = !cJSON_AddStringToObject(report, "status", "ok") || !cJSON_AddNumberToObject(report, "points", readable) ||
                 !cJSON_AddNumberToObject(rule, "share", TF_JUMP_SHARE) || !cJSON_AddNumberToObject(rule, "min", TF_JUMP_MIN);
    }
    if (failed) {
        cJSON_Delete(report);
        cJSON_Delete(rule);
        cJSON_Delete(jumps);
        return NULL;
    }
    cJSON_AddItemToObject(report, "rule", rule);
    cJSON_AddItemToObject(report, "jumps", jumps);
    return print_and_free(report);
}
