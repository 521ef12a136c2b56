#include "words.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * How each language writes numbers, as ICU's data behind Intl has it (a Node test compares every field with
 * Intl.NumberFormat and Intl.PluralRules): the decimal mark, the grouping separator and from how many integer
 * digits it groups (Spanish writes "4900" but "12.000"), what follows the number in a percent, and when a
 * count takes the "one" form (exactly 1; or, in French and Portuguese, anything below 2).
 */
typedef struct number_style {
    const char *lang, *decimal, *group;
    int min_group_digits; /* integer digits from which the grouping separator is written */
    const char *percent_suffix;
    enum { ONE_IS_1, ONE_BELOW_2, ONE_NEVER } one;
} number_style;

static const number_style STYLES[] = {
    {"en", ".", ",", 4, "%", ONE_IS_1},
    {"de", ",", ".", 4, "\u00a0%", ONE_IS_1},
    {"es", ",", ".", 5, "\u00a0%", ONE_IS_1},
    {"fr", ",", "\u202f", 4, "\u00a0%", ONE_BELOW_2},
    {"pt_BR", ",", ".", 4, "%", ONE_BELOW_2},
    {"ja", ".", ",", 4, "%", ONE_NEVER},
};

static const number_style *style_of(const tf_language *l)
{
    for (size_t i = 0; i < sizeof STYLES / sizeof *STYLES; i++)
        if (strcmp(STYLES[i].lang, l->lang) == 0)
            return &STYLES[i];
    return &STYLES[0];
}

const tf_language *tf_language_for(const char *lang)
{
    if (!lang || !*lang)
        return &tf_languages[0];
    for (int i = 0; i < tf_n_languages; i++) {
        const char *name = tf_languages[i].lang;
        size_t n = strlen(name);
        if (strlen(lang) == n && (strcmp(lang, name) == 0 || (n == 5 && strncmp(lang, name, 2) == 0 && lang[2] == '-'
                                                              && strcmp(lang + 3, name + 3) == 0)))
            return &tf_languages[i];
    }
    for (int i = 0; i < tf_n_languages; i++) /* "pt" for pt_BR, "de-AT" for de */
        if (strlen(lang) >= 2 && strncmp(lang, tf_languages[i].lang, 2) == 0)
            return &tf_languages[i];
    return &tf_languages[0];
}

static int by_key(const void *key, const void *message)
{
    return strcmp((const char *)key, ((const tf_message *)message)->key);
}

static const char *find(const tf_language *l, const char *key)
{
    const tf_message *m = bsearch(key, l->messages, (size_t)l->n_messages, sizeof *l->messages, by_key);
    return m ? m->text : NULL;
}

const char *tf_word(const tf_language *l, const char *key)
{
    const char *text = find(l, key);
    if (!text)
        text = find(&tf_languages[0], key);
    return text ? text : key;
}

void tf_word_fill(const tf_language *l, const char *key, const char *const *args, int n_args, char *out, size_t size)
{
    size_t len = 0;
    if (size == 0)
        return;
    for (const char *p = tf_word(l, key); *p; p++) {
        if (p[0] == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}') {
            int i = p[1] - '0';
            for (const char *s = i < n_args && args[i] ? args[i] : "?"; *s && len + 1 < size; s++)
                out[len++] = *s;
            p += 2;
        } else if (len + 1 < size) {
            out[len++] = *p;
        }
    }
    out[len] = '\0';
}

void tf_plural_key(const tf_language *l, const char *key, double v, char *out, size_t size)
{
    const number_style *s = style_of(l);
    double a = fabs(v);
    int one = s->one == ONE_IS_1 ? a == 1 : s->one == ONE_BELOW_2 ? a < 2 : 0;
    snprintf(out, size, "%s_%s", key, one ? "one" : "other");
}

/* Digits of a non-negative number already rounded to max_fraction decimals, with l's marks. */
static void write_grouped(const number_style *s, const char *digits, int negative, char *out, size_t size)
{
    const char *point = strchr(digits, '.');
    size_t whole = point ? (size_t)(point - digits) : strlen(digits), len = 0;
    char buf[128];
#define PUT(str) for (const char *q_ = (str); *q_ && len + 1 < sizeof buf; q_++) buf[len++] = *q_
    if (negative)
        PUT("-");
    for (size_t i = 0; i < whole; i++) {
        char digit[2] = {digits[i], '\0'};
        PUT(digit);
        size_t left = whole - 1 - i;
        if (left > 0 && left % 3 == 0 && whole >= (size_t)s->min_group_digits)
            PUT(s->group);
    }
    if (point) {
        PUT(s->decimal);
        PUT(point + 1);
    }
#undef PUT
    buf[len] = '\0';
    snprintf(out, size, "%s", buf);
}

void tf_format_number(const tf_language *l, double v, int min_fraction, int max_fraction, char *out, size_t size)
{
    if (!isfinite(v) || fabs(v) > 1e15) {
        snprintf(out, size, "?");
        return;
    }
    if (max_fraction < min_fraction)
        max_fraction = min_fraction;
    double scale = pow(10, max_fraction), rounded = round(fabs(v) * scale) / scale; /* half away from zero, as ICU */
    char digits[64];
    snprintf(digits, sizeof digits, "%.*f", max_fraction, rounded);
    char *point = strchr(digits, '.');
    if (point) { /* trailing zeros dropped, down to min_fraction decimals */
        char *end = digits + strlen(digits);
        while (end > point + 1 + min_fraction && end[-1] == '0')
            *--end = '\0';
        if (end == point + 1)
            *point = '\0';
    }
    write_grouped(style_of(l), digits, v < 0 && rounded > 0, out, size);
}

void tf_format_significant(const tf_language *l, double v, int digits, char *out, size_t size)
{
    if (!isfinite(v) || v == 0) {
        tf_format_number(l, v, 0, 0, out, size);
        return;
    }
    int magnitude = (int)floor(log10(fabs(v))), fraction = digits - 1 - magnitude;
    if (fraction >= 0) {
        tf_format_number(l, v, 0, fraction, out, size);
        return;
    }
    double unit = pow(10, -fraction);
    tf_format_number(l, round(v / unit) * unit, 0, 0, out, size);
}

void tf_format_percent(const tf_language *l, double share, int fraction, char *out, size_t size)
{
    char number[64];
    tf_format_number(l, 100 * share, fraction, fraction, number, sizeof number);
    snprintf(out, size, "%s%s", number, isfinite(share) ? style_of(l)->percent_suffix : "");
}
