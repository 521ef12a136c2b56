/* Typed lookups into cJSON trees; see json_get.h. */
#include "json_get.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* 2^53: from there on a double no longer holds every integer, so 2^53 itself may be a rounded larger count */
#define TF_COUNT_LIMIT 9007199254740992.0

/* strcmp(a, b) == 0, by hand: keys are short, and in wasm strcmp is a call into a byte loop anyway. */
static int same_key(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

/* cJSON_GetObjectItemCaseSensitive, comparing first bytes first: adapters look up dozens of keys in every
 * account, and most keys of an object differ in their first byte. */
static const cJSON *member(const cJSON *object, const char *key)
{
    const cJSON *c = object->child;
    while (c && c->string && !(c->string[0] == key[0] && same_key(c->string, key)))
        c = c->next;
    return c && c->string ? c : NULL;
}

const cJSON *tf_get_path(const cJSON *node, const char *const *keys)
{
    for (; node && *keys; keys++)
        node = cJSON_IsObject(node) ? member(node, *keys) : NULL;
    return node;
}

void tf_get_members(const cJSON *object, const char *const *keys, int n, const cJSON **found)
{
    for (int i = 0; i < n && i < TF_GET_MEMBERS_MAX; i++)
        found[i] = NULL;
    if (!cJSON_IsObject(object)) /* e.g. `legacy` in a 2026 user object: no table to fill */
        return;
    /* For each first byte (folded to 6 bits), the keys that start with it: most members are passed on one
     * lookup, the others compared only with the keys they may be. */
    uint32_t starting[64] = {0}, missing = 0;
    for (int i = 0; i < n && i < TF_GET_MEMBERS_MAX; i++) {
        starting[(unsigned char)keys[i][0] & 63] |= UINT32_C(1) << i;
        missing |= UINT32_C(1) << i;
    }
    /* member() stops at a member without a name; so does this walk */
    for (const cJSON *c = object->child; c && c->string && missing; c = c->next)
        for (uint32_t may_be = starting[(unsigned char)c->string[0] & 63] & missing; may_be; may_be &= may_be - 1) {
            int i = 0;
            while (!(may_be >> i & 1))
                i++;
            if (same_key(c->string, keys[i])) {
                found[i] = c;
                missing &= ~(UINT32_C(1) << i);
                break;
            }
        }
}

const char *tf_str(const cJSON *node)
{
    return cJSON_IsString(node) ? node->valuestring : NULL;
}

static double checked_count(double v)
{
    if (!(v >= 0 && v < TF_COUNT_LIMIT) || v != floor(v))
        return NAN;
    return v;
}

double tf_number_value(const cJSON *node)
{
    if (cJSON_IsNumber(node))
        return node->valuedouble;
    if (cJSON_IsRaw(node) && node->valuestring) {
        char *end;
        double value = strtod(node->valuestring, &end);
        return *end == '\0' && end != node->valuestring ? value : NAN;
    }
    return NAN;
}

double tf_count_value(const cJSON *node)
{
    if (cJSON_IsNumber(node))
        return checked_count(node->valuedouble);
    const char *s = tf_str(node);
    if (!s || !*s || strlen(s) > 16)
        return NAN;
    double v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return NAN;
        v = v * 10 + (*s - '0');
    }
    return checked_count(v);
}

tf_flag tf_flag_value(const cJSON *node)
{
    if (cJSON_IsBool(node))
        return cJSON_IsTrue(node) ? TF_YES : TF_NO;
    if (cJSON_IsNumber(node) && (node->valuedouble == 0 || node->valuedouble == 1))
        return node->valuedouble == 1 ? TF_YES : TF_NO;
    return TF_UNKNOWN;
}

const cJSON *tf_at(const cJSON *array, int i)
{
    return cJSON_IsArray(array) ? cJSON_GetArrayItem(array, i) : NULL;
}
