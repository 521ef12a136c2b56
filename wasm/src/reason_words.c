#include "reason_words.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "json_get.h"
#include "reasons.h"

/*
 * Each sentence key of reasons.c and how its numbers are written, in order: a counted phrase of that unit
 * (reason_n_<unit>), AGE (counted in the reason's own unit), RATE (two significant digits) or PERCENT (a whole
 * percent). The same list as extension/common/view-model.js's REASON_ARGS; a Node test holds the two to the same words.
 */
#define AGE "age"
#define RATE "rate"
#define PERCENT "percent"
static const struct {
    const char *key;
    const char *kinds[TF_REASON_MAX_ARGS];
} KINDS[] = {
    {"network_both", {"accounts", "followers"}},
    {"network_following", {"accounts"}},
    {"network_followers", {"followers"}},
    {"activity_unknown", {0}},
    {"activity_age", {AGE}},
    {"activity_posts", {"posts"}},
    {"activity_no_posts", {AGE}},
    {"activity_rate", {"posts", AGE, RATE}},
    {"likes_none", {0}},
    {"likes", {"posts"}},
    {"avatar_none", {0}},
    {"avatar_set", {0}},
    {"bio_length", {"characters"}},
    {"bio_empty", {0}},
    {"link_set", {0}},
    {"link_none", {0}},
    {"verified", {0}},
    {"not_verified", {0}},
    {"private", {0}},
    {"public", {0}},
    {"handle_consonants", {"consonants"}},
    {"handle_digits", {"digits", "characters"}},
    {"handle_digit_share", {PERCENT}},
    {"handle_length_no_digits", {"characters"}},
    {"handle_length", {"characters"}},
    {"handle_no_digits", {0}},
    {"name_none", {0}},
    {"name_is_handle", {0}},
    {"name_digits", {0}},
    {"name_words", {"words"}},
    {"name_matches_handle", {0}},
    {"name_unlike_handle", {0}},
};

static int kinds_of(const char *key, const char *const **kinds)
{
    for (size_t i = 0; key && i < sizeof KINDS / sizeof *KINDS; i++) {
        if (strcmp(KINDS[i].key, key) == 0) {
            int n = 0;
            while (n < TF_REASON_MAX_ARGS && KINDS[i].kinds[n])
                n++;
            *kinds = KINDS[i].kinds;
            return n;
        }
    }
    return -1;
}

static int is_age_unit(const char *unit)
{
    return unit && (strcmp(unit, "days") == 0 || strcmp(unit, "months") == 0 || strcmp(unit, "years") == 0);
}

/* One number of a reason, as its kind writes it. */
static void argument_words(const tf_language *l, const char *kind, double v, const char *unit, char *out, size_t size)
{
    if (strcmp(kind, RATE) == 0) {
        tf_format_significant(l, v, 2, out, size);
        return;
    }
    if (strcmp(kind, PERCENT) == 0) {
        tf_format_percent(l, v / 100, 0, out, size);
        return;
    }
    const char *phrase = strcmp(kind, AGE) == 0 ? unit : kind;
    int years = strcmp(kind, AGE) == 0 && strcmp(unit, "years") == 0; /* always with their tenth: "13.0 years" */
    char number[64], family[48], key[64];
    tf_format_number(l, v, years ? 1 : 0, years ? 1 : 3, number, sizeof number);
    snprintf(family, sizeof family, "reason_n_%s", phrase);
    tf_plural_key(l, family, v, key, sizeof key);
    const char *args[] = {number};
    tf_word_fill(l, key, args, 1, out, size);
}

void tf_reason_words(const tf_language *l, const cJSON *reason, char *out, size_t size)
{
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(reason, "text");
    const cJSON *key = cJSON_GetObjectItemCaseSensitive(reason, "key");
    const cJSON *args = cJSON_GetObjectItemCaseSensitive(reason, "args");
    const cJSON *unit = cJSON_GetObjectItemCaseSensitive(reason, "unit");
    const char *const *kinds = NULL;
    int n = cJSON_IsString(key) ? kinds_of(key->valuestring, &kinds) : -1;
    int fits = n >= 0 && (n == 0 ? !args || cJSON_GetArraySize(args) == 0 : cJSON_GetArraySize(args) == n);
    for (int i = 0; fits && i < n; i++) {
        const cJSON *arg = cJSON_GetArrayItem(args, i);
        fits = isfinite(tf_number_value(arg))
            && (strcmp(kinds[i], AGE) != 0 || (cJSON_IsString(unit) && is_age_unit(unit->valuestring)));
    }
    if (!fits) {
        snprintf(out, size, "%s", cJSON_IsString(text) ? text->valuestring : "");
        return;
    }
    char words[TF_REASON_MAX_ARGS][128];
    const char *filled[TF_REASON_MAX_ARGS] = {0};
    for (int i = 0; i < n; i++) {
        argument_words(l, kinds[i], tf_number_value(cJSON_GetArrayItem(args, i)), cJSON_IsString(unit) ? unit->valuestring : NULL,
                       words[i], sizeof words[i]);
        filled[i] = words[i];
    }
    char message_key[64];
    snprintf(message_key, sizeof message_key, "reason_%s", key->valuestring);
    tf_word_fill(l, message_key, filled, n, out, size);
}
