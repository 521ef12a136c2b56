/*
 * Count strings as platforms print them ("1,2 Mio.", "25m subscribers", "1.2万", "١٫٢ ألف", "3 lakh") to
 * the integer they mean, in the conventions of the page's language (count_units.c, from ICU's data).
 *
 * Steps: normalise the text (other scripts' digits to ASCII, every kind of space to ' ', bidi marks
 * dropped, Arabic and full-width separators to ASCII); read the first number and decide which separator
 * is the decimal one; then the unit after (or, in a few languages, before) the number.
 *
 * Deciding the decimal separator: a separator followed by one, two or more than three digits cannot be a
 * grouping one, whatever the language ("6.2M" on a German page is 6.2 million). Followed by exactly three,
 * the language decides ("1.234" is a thousand in German, a fraction in English); with no known language,
 * a lone such separator is refused as ambiguous. A grouped integer before a unit ("1.234K") is refused too:
 * no platform prints that, and either reading could be wrong. A fraction with no unit is refused.
 * When the language's own units do not match, the letters every platform uses (K, M, B) are tried: a
 * language that gives one of them another meaning ("M" is a billion in Indonesian, "B" a thousand in
 * Turkish) has it in its own table, which wins.
 *
 * Refused: a minus sign just before the first digit ("-5", "−1,2 Mio."): no count is negative. After the count
 * and its unit only words may follow ("12,345 Followers"): "1e400", "12abc" or "12 + 3" is not a count.
 * Left out: numbers written in words ("two million"), CJK numerals (十万).
 */
#include "count.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "count_units.h"

#ifndef TF_COUNT_MAX_TEXT
#define TF_COUNT_MAX_TEXT 512 /* bytes; platforms' count strings are under 100 */
#endif
#ifndef TF_COUNT_MAX_DIGITS
#define TF_COUNT_MAX_DIGITS 16
#endif
#ifndef TF_COUNT_MAX_GROUPS
#define TF_COUNT_MAX_GROUPS 8
#endif
#ifndef TF_COUNT_MAX_SEGMENTS
#define TF_COUNT_MAX_SEGMENTS 3 /* "1億2000万" is two segments */
#endif

#define MAX_SAFE_COUNT 9007199254740992.0 /* 2^53 */

static const tf_count_unit universal_units[] = {{"K", 3, 0}, {"k", 3, 0}, {"M", 6, 0}, {"m", 6, 0},
                                                 {"B", 9, 0}, {"b", 9, 0}};

/* ---- locale ------------------------------------------------------------------------------------ */

static const tf_count_locale *locale_by_tag(const char *tag)
{
    for (size_t i = 0; i < tf_count_locale_count; i++)
        if (strcmp(tf_count_locales[i].tag, tag) == 0)
            return &tf_count_locales[i];
    return NULL;
}

/* "zh_Hant_TW" -> tries "zh-hant-tw", "zh-hant", "zh". "" means English; an unknown language, NULL. */
static const tf_count_locale *find_locale(const char *lang)
{
    char tag[40];
    size_t n = 0;
    for (; lang && lang[n] && n + 1 < sizeof tag; n++) {
        char c = lang[n];
        tag[n] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    tag[n] = '\0';
    if (n == 0)
        return locale_by_tag("en");
    for (;;) {
        const tf_count_locale *l = locale_by_tag(tag);
        if (l)
            return l;
        char *dash = strrchr(tag, '-');
        if (!dash)
            return NULL;
        *dash = '\0';
    }
}

/* ---- normalisation ------------------------------------------------------------------------------- */

/* Decodes one UTF-8 sequence; returns its length, or 0 when invalid. */
static size_t decode_utf8(const unsigned char *s, uint32_t *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t n = s[0] >= 0xF0 && s[0] < 0xF5 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
    if (n == 0 || s[0] >= 0xF5)
        return 0;
    uint32_t v = s[0] & (0x7Fu >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

/* The first code point of each block of ten decimal digits that pages print counts in. */
static const uint32_t digit_zeros[] = {0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66,
                                       0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0E50, 0x0ED0, 0x0F20, 0x1040,
                                       0x17E0, 0x1810, 0xFF10};

static int digit_value(uint32_t cp)
{
    for (size_t i = 0; i < sizeof digit_zeros / sizeof digit_zeros[0]; i++)
        if (cp >= digit_zeros[i] && cp < digit_zeros[i] + 10)
            return (int)(cp - digit_zeros[i]);
    return -1;
}

static int is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Invisible marks around numbers: zero-width characters, bidi marks and isolates, soft hyphen, BOM. */
static int is_invisible(uint32_t cp)
{
    return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0x061C || cp == 0xFEFF || cp == 0xAD;
}

/* The ASCII a separator-like character reads as, or 0. */
static char ascii_separator(uint32_t cp)
{
    switch (cp) {
    case 0x066B: case 0xFF0E: return '.';             /* Arabic decimal separator, full-width full stop */
    case 0x066C: case 0x060C: case 0xFF0C: return ','; /* Arabic thousands separator and comma, full-width comma */
    case 0x2019: case 0x02BC: case 0x2032: return '\'';
    default: return 0;
    }
}

/* Writes the normalised text to out (NUL-terminated); -1 on invalid UTF-8. */
static int normalise(const char *text, char *out, size_t out_size)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = 0;
    while (*s) {
        uint32_t cp;
        size_t len = decode_utf8(s, &cp);
        if (len == 0)
            return -1;
        char ascii = 0;
        int digit = cp >= 0x80 ? digit_value(cp) : -1;
        if (digit >= 0)
            ascii = (char)('0' + digit);
        else if (is_space(cp))
            ascii = ' ';
        else if (cp >= 0x80)
            ascii = ascii_separator(cp);
        if (is_invisible(cp)) {
            /* dropped */
        } else if (ascii == ' ') {
            if (n > 0 && out[n - 1] != ' ' && n + 1 < out_size)
                out[n++] = ' ';
        } else if (ascii) {
            if (n + 1 < out_size)
                out[n++] = ascii;
        } else {
            if (n + len < out_size) {
                memcpy(out + n, s, len);
                n += len;
            }
        }
        s += len;
    }
    out[n] = '\0';
    return 0;
}

/* ---- the number ---------------------------------------------------------------------------------- */

typedef struct number {
    uint64_t mantissa;  /* every digit, as one integer */
    int fraction_digits;
    int grouped;        /* had grouping separators */
    int digits;
} number;

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int is_separator(char c) { return c == '.' || c == ',' || c == ' ' || c == '\''; }

static int run_length(const char *s)
{
    int n = 0;
    while (is_digit(s[n]))
        n++;
    return n;
}

/* Whether the grouping of runs[0..n_runs) is one the locale prints (3s, or the Indian 2s then 3). */
static int valid_grouping(const int *runs, int n_runs, int indian)
{
    if (n_runs < 2)
        return 1;
    int western = runs[0] <= 3, eastern = indian && runs[0] <= 2 && runs[n_runs - 1] == 3;
    for (int i = 1; i < n_runs; i++) {
        western &= runs[i] == 3;
        if (i < n_runs - 1)
            eastern &= runs[i] == 2;
    }
    return western || eastern;
}

/*
 * Reads the number starting at *p (a digit); advances *p past it. -1 with `why` on a number the
 * language does not print, or that could mean two things.
 */
static int read_number(const char **p, const tf_count_locale *loc, number *out, const char *text, char *why,
                       size_t why_size)
{
    const char *s = *p;
    const char *run_start[TF_COUNT_MAX_GROUPS + 1];
    int runs[TF_COUNT_MAX_GROUPS + 1];
    char seps[TF_COUNT_MAX_GROUPS];
    int n_runs = 0;
    for (;;) {
        run_start[n_runs] = s;
        runs[n_runs] = run_length(s);
        s += runs[n_runs];
        n_runs++;
        /* A separator belongs to the number only when digits follow; a space only before exactly three. */
        if (n_runs > TF_COUNT_MAX_GROUPS || !is_separator(*s) || !is_digit(s[1]))
            break;
        if (*s == ' ' && run_length(s + 1) != 3)
            break;
        seps[n_runs - 1] = *s++;
    }
    int n_seps = n_runs - 1;

    /* Is the last separator the decimal one? */
    int decimal_at = -1; /* index into seps */
    if (n_seps > 0) {
        char last = seps[n_seps - 1];
        int after = runs[n_runs - 1];
        if (last == '.' || last == ',') {
            if (after != 3) {
                decimal_at = n_seps - 1;
            } else if (loc) {
                if (last == loc->decimal)
                    decimal_at = n_seps - 1;
            } else {
                int same_before = 0, other_before = 0;
                for (int i = 0; i < n_seps - 1; i++) {
                    same_before += seps[i] == last;
                    other_before += seps[i] != last;
                }
                if (other_before && !same_before)
                    decimal_at = n_seps - 1;
                else if (!same_before) {
                    snprintf(why, why_size, "\"%.60s\": \"%c\" before three digits is ambiguous without the page's language",
                             text, last);
                    return -1;
                }
            }
        }
    }
    int n_group_runs = decimal_at >= 0 ? n_runs - 1 : n_runs;
    char group = 0;
    for (int i = 0; i < n_group_runs - 1; i++) {
        if ((group && seps[i] != group) || (decimal_at >= 0 && seps[i] == seps[decimal_at]) ||
            (loc && seps[i] == loc->decimal)) {
            snprintf(why, why_size, "\"%.60s\": separators that %s does not print", text, loc ? loc->tag : "no language");
            return -1;
        }
        group = seps[i];
    }
    if (!valid_grouping(runs, n_group_runs, loc ? loc->indian : 1)) {
        snprintf(why, why_size, "\"%.60s\": digits grouped in a way %s does not print", text, loc ? loc->tag : "no language");
        return -1;
    }

    memset(out, 0, sizeof *out);
    out->grouped = n_group_runs > 1;
    for (int i = 0; i < n_runs; i++) {
        out->digits += runs[i];
        if (out->digits > TF_COUNT_MAX_DIGITS) {
            snprintf(why, why_size, "\"%.60s\" has too many digits to be a count", text);
            return -1;
        }
        for (int k = 0; k < runs[i]; k++)
            out->mantissa = out->mantissa * 10 + (uint64_t)(run_start[i][k] - '0');
    }
    if (decimal_at >= 0)
        out->fraction_digits = runs[n_runs - 1];
    *p = s;
    return 0;
}

/* ---- units --------------------------------------------------------------------------------------- */

/* Letters of scripts that put spaces between words: after such a unit, a letter means a longer word. */
static int is_spaced_letter(const char *s)
{
    uint32_t cp;
    if (!*s || !decode_utf8((const unsigned char *)s, &cp))
        return 0;
    return (cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
           (cp >= 0x370 && cp <= 0x52F);
}

/* The code point just before `at` (in a string starting at `start`) is a spaced-script letter. */
static int spaced_letter_before(const char *start, const char *at)
{
    const char *q = at;
    while (q > start && ((unsigned char)q[-1] & 0xC0) == 0x80)
        q--;
    if (q > start)
        q--;
    while (q > start && ((unsigned char)*q & 0xC0) == 0x80)
        q--;
    return q < at && is_spaced_letter(q);
}

static const tf_count_unit *match_after(const tf_count_unit *units, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(units[i].text);
        if (!units[i].before && strncmp(s, units[i].text, len) == 0 && !is_spaced_letter(s + len))
            return &units[i];
    }
    return NULL;
}

static const tf_count_unit *match_before(const tf_count_unit *units, size_t n, const char *start, const char *end)
{
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(units[i].text);
        if (units[i].before == 1 && (size_t)(end - start) >= len && strncmp(end - len, units[i].text, len) == 0 &&
            !spaced_letter_before(start, end - len))
            return &units[i];
    }
    return NULL;
}

/* The unit after the number at *p (advancing *p past it), else the one before `number_start`; NULL if none. */
static const tf_count_unit *find_unit(const tf_count_locale *loc, const char *start, const char *number_start,
                                      const char **p)
{
    const char *s = *p;
    while (*s == ' ')
        s++;
    const tf_count_unit *u = loc ? match_after(loc->units, loc->n_units, s) : NULL;
    if (!u)
        u = match_after(universal_units, sizeof universal_units / sizeof universal_units[0], s);
    if (u) {
        *p = s + strlen(u->text);
        return u;
    }
    const char *end = number_start;
    while (end > start && end[-1] == ' ')
        end--;
    return loc ? match_before(loc->units, loc->n_units, start, end) : NULL;
}

static double power_of_ten(int k)
{
    double v = 1;
    for (; k > 0; k--)
        v *= 10;
    return v;
}

/* A word that is a whole count by itself ("mille"), at the start of the text. */
static const tf_count_unit *word_alone(const tf_count_locale *loc, const char *s)
{
    while (*s == ' ')
        s++;
    for (size_t i = 0; i < loc->n_units; i++) {
        size_t len = strlen(loc->units[i].text);
        if (loc->units[i].before == 2 && strncmp(s, loc->units[i].text, len) == 0 && !is_spaced_letter(s + len))
            return &loc->units[i];
    }
    return NULL;
}

/* ---- after the count ------------------------------------------------------------------------------ */

/* A character that can be part of a word in some language's script: a letter of any script (every code point
 * from U+00C0 on but the multiplication and division signs and the blocks of punctuation and symbols), an
 * apostrophe, a dot or a hyphen of an abbreviation ("d'abonnés", "t. katselukertaa"). */
static int is_word_char(uint32_t cp)
{
    if (cp < 0x80)
        return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || cp == '\'' || cp == '.' || cp == '-';
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
        return 0;
    return !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F) && !(cp >= 0xFF00 && cp <= 0xFF0F) &&
           !(cp >= 0xFF1A && cp <= 0xFF20);
}

/* What follows a count must be words: the noun the page prints after it ("695,695 Followers", "8,3 Mio.
 * Aufrufe", "123万次观看"). Refused: a letter of a spaced script stuck to the number ("1e400", "12abc": not a unit,
 * so not a count), and digits or symbols anywhere after it ("12 + 3", "1.2K 5"). */
static int words_only(const char *s)
{
    if (is_spaced_letter(s))
        return 0;
    while (*s) {
        uint32_t cp;
        size_t len = decode_utf8((const unsigned char *)s, &cp);
        if (len == 0 || (cp != ' ' && !is_word_char(cp)))
            return 0;
        s += len;
    }
    return 1;
}

/* ---- the whole string ---------------------------------------------------------------------------- */

int tf_parse_count(const char *text, const char *lang, double *out, char *why, size_t why_size)
{
    if (!text) {
        snprintf(why, why_size, "no text");
        return -1;
    }
    if (strlen(text) > TF_COUNT_MAX_TEXT) {
        snprintf(why, why_size, "text of %zu bytes is too long for a count", strlen(text));
        return -1;
    }
    char norm[TF_COUNT_MAX_TEXT + 1];
    if (normalise(text, norm, sizeof norm)) {
        snprintf(why, why_size, "count text is not valid UTF-8");
        return -1;
    }
    const tf_count_locale *loc = find_locale(lang);
    const char *p = norm;
    while (*p && !is_digit(*p))
        p++;
    if (!*p) {
        const tf_count_unit *alone = loc ? word_alone(loc, norm) : NULL;
        if (alone) {
            *out = power_of_ten(alone->power);
            return 0;
        }
        snprintf(why, why_size, "no digits in \"%.60s\"", text);
        return -1;
    }
    if (p > norm && (p[-1] == '-' || (p - norm >= 3 && memcmp(p - 3, "\xe2\x88\x92", 3) == 0))) { /* U+2212 */
        snprintf(why, why_size, "\"%.60s\" is negative, and no count is", text);
        return -1;
    }

    double total = 0;
    int previous_power = 99;
    for (int segment = 0; segment < TF_COUNT_MAX_SEGMENTS; segment++) {
        const char *number_start = p;
        number n;
        if (read_number(&p, loc, &n, text, why, why_size))
            return -1;
        const tf_count_unit *unit = find_unit(loc, norm, number_start, &p);
        int power = unit ? unit->power : 0;
        if (unit && n.grouped) {
            snprintf(why, why_size, "\"%.60s\": a grouped number before a unit is ambiguous", text);
            return -1;
        }
        if (!unit && n.fraction_digits) {
            snprintf(why, why_size, "\"%.60s\" has a fraction but no unit in %s", text, loc ? loc->tag : "any language");
            return -1;
        }
        if (power >= previous_power) {
            snprintf(why, why_size, "\"%.60s\": units out of order", text);
            return -1;
        }
        previous_power = power;
        int shift = power - n.fraction_digits;
        double value = (double)n.mantissa;
        value = shift >= 0 ? value * power_of_ten(shift) : round(value / power_of_ten(-shift));
        total += value;
        /* Only units written without spaces ("1億2000万") continue with another number. */
        if (!unit || unit->before || !is_digit(*p) || is_spaced_letter(unit->text))
            break;
    }
    if (!words_only(p)) {
        snprintf(why, why_size, "\"%.60s\": \"%.30s\" after the number is neither a unit nor a word", text, p);
        return -1;
    }
    if (!(total <= MAX_SAFE_COUNT)) {
        snprintf(why, why_size, "\"%.60s\" is larger than any count", text);
        return -1;
    }
    *out = total;
    return 0;
}
