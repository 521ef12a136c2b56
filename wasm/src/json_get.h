/*
 * Typed, NULL-safe lookups into a parsed cJSON tree, so adapters read like the platform paths in
 * docs: tf_get(user, "relationship_counts", "followers"). A wrong type reads as missing, never as 0.
 */
#ifndef TF_JSON_GET_H
#define TF_JSON_GET_H

#include "account.h"
#include "cJSON.h"

/* Follows object keys (NULL-terminated list); NULL when any step is missing. */
const cJSON *tf_get_path(const cJSON *node, const char *const *keys);
#define tf_get(node, ...) tf_get_path((node), (const char *const[]){__VA_ARGS__, NULL})

/* Several members of one object in a single walk of its member list (each tf_get walks it from the start):
 * found[i] is the member named keys[i], as tf_get(object, keys[i]) finds it, or NULL. The n keys are
 * distinct and at most TF_GET_MEMBERS_MAX (keys past it are neither looked up nor set in found[]);
 * `object` may be NULL or no object (all NULL). */
#define TF_GET_MEMBERS_MAX 32 /* the bits of the uint32_t sets it keeps (not overridable); the largest set read has 16 */
void tf_get_members(const cJSON *object, const char *const *keys, int n, const cJSON **found);

/* A string value, or NULL. */
const char *tf_str(const cJSON *node);
/* A count: a whole number >= 0 and < 2^53, as a JSON number or a string of digits; NAN otherwise. */
double tf_count_value(const cJSON *node);
/* A number: a JSON number, or the raw digits the core's own reports write whole numbers as (report.c);
 * NAN otherwise. */
double tf_number_value(const cJSON *node);
/* A JSON true/false (or 0/1); TF_UNKNOWN otherwise. */
tf_flag tf_flag_value(const cJSON *node);
/* Element i of an array, or NULL. */
const cJSON *tf_at(const cJSON *array, int i);

#endif
