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

/* The fewest significant digits that read back as v (not negative, finite): what Intl (ICU) formats for v. Into
 * digits, NUL-terminated; returns the decimal exponent of the first digit ("145", -1 for 0.145). */
static int shortest_digits(double v, char digits[20])
{
    char e_form[32];
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(e_form, sizeof e_form, "%.*e", precision - 1, v);
        if (strtod(e_form, NULL) == v)
            break;
    }
    size_t n = 0;
    const char *c = e_form;
    for (; *c && *c != 'e'; c++)
        if (*c >= '0' && *c <= '9' && n < 19)
            digits[n++] = *c;
    digits[n] = '\0';
    return *c == 'e' ? atoi(c + 1) : 0;
}

/* v (not negative, finite) times 10^shift, rounded half away from zero to `fraction` decimals as ICU rounds: the
 * shortest decimal of v, shifted and rounded in decimal rather than in binary, so that 0.145 as a percent is 14.5,
 * or 15 in whole percents (100 * 0.145 in binary is 14.499999999999998). Into out as "%.*f" writes it. */
static void rounded_text(double v, int shift, int fraction, char *out, size_t size)
{
    enum { MAX_FRACTION = 20, MAX_WHOLE = 40 };
    char digits[20], units[MAX_FRACTION + MAX_WHOLE + 2]; /* units: the result in 10^-fraction, as a whole number */
    fraction = fraction < 0 ? 0 : fraction > MAX_FRACTION ? MAX_FRACTION : fraction;
    int exponent = shortest_digits(v, digits), len = (int)strlen(digits);
    int keep = exponent + shift + fraction + 1; /* the digits left of the rounding point */
    keep = keep > MAX_WHOLE ? MAX_WHOLE : keep;
    int n = 0, pad = fraction + 1; /* zeros in front: one integer digit at least, and room for a carry */
    while (n < pad)
        units[n++] = '0';
    for (int i = 0; i < keep; i++)
        units[n++] = i < len ? digits[i] : '0';
    if (keep >= 0 && keep < len && digits[keep] >= '5') {
        int i = n - 1;
        while (units[i] == '9')
            units[i--] = '0';
        units[i]++;
    }
    units[n] = '\0';
    const char *start = units;
    while ((int)strlen(start) > pad && *start == '0')
        start++;
    int whole = (int)strlen(start) - fraction;
    snprintf(out, size, "%.*s%s%s", whole, start, fraction > 0 ? "." : "", start + whole);
}

/* v times 10^shift with between min_fraction and max_fraction decimals, in l's notation (tf_format_number). */
static void format_shifted(const tf_language *l, double v, int shift, int min_fraction, int max_fraction, char *out,
                           size_t size)
{
    if (!isfinite(v) || fabs(v) * pow(10, shift) > 1e15) {
        snprintf(out, size, "?");
        return;
    }
    if (max_fraction < min_fraction)
        max_fraction = min_fraction;
    char digits[128];
    rounded_text(fabs(v), shift, max_fraction, digits, sizeof digits);
    char *point = strchr(digits, '.');
    if (point) { /* trailing zeros dropped, down to min_fraction decimals */
        char *end = digits + strlen(digits);
        while (end > point + 1 + min_fraction && end[-1] == '0')
            *--end = '\0';
        if (end == point + 1)
            *point = '\0';
    }
    write_grouped(style_of(l), digits, v < 0 && strspn(digits, "0.") < strlen(digits), out, size);
}

void tf_format_number(const tf_language *l, double v, int min_fraction, int max_fraction, char *out, size_t size)
{
    format_shifted(l, v, 0, min_fraction, max_fraction, out, size);
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

static void format_percent(const tf_language *l, double share, int min_fraction, int max_fraction, char *out, size_t size)
{
    char number[64];
    format_shifted(l, share, 2, min_fraction, max_fraction, number, sizeof number); /* the percent in decimal, as ICU */
    snprintf(out, size, "%s%s", number, isfinite(share) ? style_of(l)->percent_suffix : "");
}

void tf_format_percent(const tf_language *l, double share, int fraction, char *out, size_t size)
{
    format_percent(l, share, fraction, fraction, out, size);
}

void tf_format_percent_upto(const tf_language *l, double share, int max_fraction, char *out, size_t size)
{
    format_percent(l, share, 0, max_fraction, out, size);
}
