/*
 * First count parser: English and German conventions, enough for the first slice. The adapters issue
 * extends it to every language the platforms print.
 */
#include "count.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct { const char *text; double factor; } suffix;

static const suffix en_suffixes[] = {{"K", 1e3}, {"k", 1e3}, {"M", 1e6}, {"m", 1e6}, {"B", 1e9}, {"b", 1e9}, {NULL, 0}};
static const suffix de_suffixes[] = {{"Mrd.", 1e9}, {"Mio.", 1e6}, {"Tsd.", 1e3}, {NULL, 0}};

int tf_parse_count(const char *text, const char *lang, double *out, char *why, size_t why_size)
{
    int german = lang && strncmp(lang, "de", 2) == 0;
    char decimal = german ? ',' : '.', group = german ? '.' : ',';
    const suffix *suffixes = german ? de_suffixes : en_suffixes;
    const char *s = text ? text : "";
    while (*s && (*s < '0' || *s > '9'))
        s++;
    if (!*s) {
        snprintf(why, why_size, "no digits in \"%.40s\"", text ? text : "");
        return -1;
    }
    double whole = 0, fraction = 0, scale = 1;
    int in_fraction = 0, digits = 0;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            digits++;
            if (in_fraction)
                fraction += (*s - '0') * (scale /= 10);
            else
                whole = whole * 10 + (*s - '0');
        } else if (*s == decimal && !in_fraction && s[1] >= '0' && s[1] <= '9') {
            in_fraction = 1;
        } else if (*s == group && !in_fraction && s[1] >= '0' && s[1] <= '9') {
            continue;
        } else {
            break;
        }
    }
    if (digits > 16) {
        snprintf(why, why_size, "\"%.40s\" has too many digits to be a count", text);
        return -1;
    }
    while (*s == ' ')
        s++;
    double factor = 1;
    for (const suffix *x = suffixes; x->text; x++) {
        size_t n = strlen(x->text);
        if (strncmp(s, x->text, n) == 0 && (s[n] == '\0' || s[n] == ' ' || x->text[n - 1] == '.')) {
            factor = x->factor;
            break;
        }
    }
    if (in_fraction && factor == 1) {
        snprintf(why, why_size, "\"%.40s\" has a fraction but no unit", text);
        return -1;
    }
    *out = round((whole + fraction) * factor);
    return 0;
}
