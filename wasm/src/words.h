/*
 * Words and numbers in the extension's six languages, for the core's documents (the HTML report). The words
 * are the extension's own messages (extension/_locales/<lang>/messages.json), the one place they are written,
 * compiled in as build/gen/words.c by scripts/build/gen-words.mjs: the families the documents use (report_*, reason_*,
 * sample_*, verdict_*, ...). Numbers are written as the extension's Intl.NumberFormat writes them in each
 * language (decimal mark, grouping, the percent sign's spacing), and plurals picked as its Intl.PluralRules
 * picks "one" or "other", so a reason reads the same in the report as on the badge.
 */
#ifndef TF_WORDS_H
#define TF_WORDS_H

#include <stddef.h>

typedef struct tf_message {
    const char *key, *text;
} tf_message;

typedef struct tf_language {
    const char *lang; /* the extension's name for it: "en", "de", "pt_BR", ... */
    const char *tag;  /* its BCP 47 tag, for <html lang>: "pt-BR" */
    const tf_message *messages; /* sorted by key */
    int n_messages;
} tf_language;

/* Generated (build/gen/words.c): English first. */
extern const tf_language tf_languages[];
extern const int tf_n_languages;

/* The language for a tag: exact ("pt_BR"), the same with a hyphen ("pt-BR"), then by its first two letters
 * ("pt", "de-AT"); English for NULL, an empty or an unknown one. Never NULL. */
const tf_language *tf_language_for(const char *lang);

/* The message `key` in l, else in English, else the key itself. Never NULL. */
const char *tf_word(const tf_language *l, const char *key);

/* The message `key` with {0}..{9} replaced by args[0..n_args) (a missing or NULL one by "?"), into out.
 * Truncates and always NUL-terminates (size > 0). */
void tf_word_fill(const tf_language *l, const char *key, const char *const *args, int n_args, char *out, size_t size);

/* The key of the plural form of message family `key` ("reason_n_days") that fits the count v in l:
 * key_one or key_other, into out. */
void tf_plural_key(const tf_language *l, const char *key, double v, char *out, size_t size);

/* v with between min_fraction and max_fraction decimals (trailing zeros dropped down to min_fraction), rounded
 * half away from zero, grouped and with l's decimal mark: "695.695", "1,5", "4900" (es). "?" when not finite. */
void tf_format_number(const tf_language *l, double v, int min_fraction, int max_fraction, char *out, size_t size);

/* v to `digits` significant digits, never in exponent notation: "0,012", "12.000". "?" when not finite. */
void tf_format_significant(const tf_language *l, double v, int digits, char *out, size_t size);

/* A share (0..1) as a percent with `fraction` decimals and l's percent sign: "38 %" in de, "38%" in en. */
void tf_format_percent(const tf_language *l, double share, int fraction, char *out, size_t size);

/* The same with at most max_fraction decimals, trailing zeros dropped: "99,94 %", "99,2 %", "90 %". */
void tf_format_percent_upto(const tf_language *l, double share, int max_fraction, char *out, size_t size);

#endif
