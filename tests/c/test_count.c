/*
 * The count parser on the table of real count strings (tests/fixtures/counts.tsv) and on the traps
 * platforms.md names, natively. The property test against Intl lives in tests/node.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "count.h"

#define TABLE "tests/fixtures/counts.tsv"

/* Decodes \uXXXX escapes into UTF-8, in place (the result is never longer). */
static void unescape(char *s)
{
    char *out = s;
    while (*s) {
        unsigned cp;
        if (s[0] == '\\' && s[1] == 'u' && sscanf(s + 2, "%4x", &cp) == 1) {
            s += 6;
            if (cp < 0x80) {
                *out++ = (char)cp;
            } else if (cp < 0x800) {
                *out++ = (char)(0xC0 | (cp >> 6));
                *out++ = (char)(0x80 | (cp & 0x3F));
            } else {
                *out++ = (char)(0xE0 | (cp >> 12));
                *out++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                *out++ = (char)(0x80 | (cp & 0x3F));
            }
        } else {
            *out++ = *s++;
        }
    }
    *out = '\0';
}

static void every_row_of_the_count_table_parses_to_its_value_or_is_refused(void **state)
{
    (void)state;
    FILE *f = fopen(TABLE, "r");
    assert_non_null(f);
    char line[1024];
    int rows = 0, wrong = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        /* Columns split by hand: strtok would merge the empty language column of some rows. */
        char *lang = line, *text = strchr(lang, '\t');
        char *expected = text ? strchr(text + 1, '\t') : NULL;
        assert_non_null(expected);
        *text++ = '\0';
        *expected++ = '\0';
        expected[strcspn(expected, "\t\n")] = '\0';
        assert_non_null(expected);
        unescape(text);
        double value = -1;
        char why[256] = "";
        int status = tf_parse_count(text, lang, &value, why, sizeof why);
        int ok = strcmp(expected, "error") == 0 ? status != 0 && why[0] : status == 0 && value == strtod(expected, NULL);
        if (!ok) {
            fprintf(stderr, "count table: [%s] \"%s\" wanted %s, got %s %.0f\n", lang, text, expected, status ? why : "", value);
            wrong++;
        }
        rows++;
    }
    fclose(f);
    assert_true(rows >= 100);
    assert_int_equal(wrong, 0);
}

static double count(const char *text, const char *lang)
{
    double v = -1;
    char why[256];
    return tf_parse_count(text, lang, &v, why, sizeof why) ? -1 : v;
}

static void the_same_string_means_what_the_page_language_says(void **state)
{
    (void)state;
    assert_true(count("1,2 M", "fr") == 1.2e6);
    assert_true(count("1,2 M", "id") == 1.2e9);
    assert_true(count("12,3 B", "tr") == 12300);
    assert_true(count("12.3B", "en") == 12.3e9);
    assert_true(count("1.234", "de") == 1234);
    assert_true(count("1.234", "en") < 0);
}

static void language_tags_of_any_form_find_their_conventions(void **state)
{
    (void)state;
    assert_true(count("1.2 Mio.", "de_CH") == 1.2e6);
    assert_true(count("123萬", "zh-Hant-TW") == 1.23e6);
    assert_true(count("2,5 mil", "PT-br") == 2500);
    assert_true(count("1,5 k", "xx-unknown") == 1500); /* an unknown language still reads unambiguous text */
}

static void text_that_is_no_count_is_refused_with_a_reason(void **state)
{
    (void)state;
    double v;
    char why[256] = "";
    assert_int_equal(tf_parse_count(NULL, "en", &v, why, sizeof why), -1);
    assert_int_equal(tf_parse_count("", "en", &v, why, sizeof why), -1);
    assert_non_null(strstr(why, "no digits"));
    assert_int_equal(tf_parse_count("\xff\xfe 12", "en", &v, why, sizeof why), -1);
    assert_non_null(strstr(why, "UTF-8"));
    assert_int_equal(tf_parse_count("99999999999999999999", "en", &v, why, sizeof why), -1);
    assert_int_equal(tf_parse_count("12,34", "en", &v, why, sizeof why), -1); /* a fraction, no unit */
    assert_int_equal(tf_parse_count("-5", "en", &v, why, sizeof why), -1);
    assert_non_null(strstr(why, "negative"));
    assert_int_equal(tf_parse_count("\xe2\x88\x92" "1,2 Mio.", "de", &v, why, sizeof why), -1); /* U+2212 */
    assert_non_null(strstr(why, "negative"));
    assert_int_equal(tf_parse_count("5 - 10 followers", "en", &v, why, sizeof why), -1); /* a range is no count */
    assert_non_null(strstr(why, "neither a unit nor a word"));
    assert_int_equal(tf_parse_count("1e400", "en", &v, why, sizeof why), -1); /* was read as 1 */
    assert_non_null(strstr(why, "\"e400\" after the number"));
    assert_int_equal(tf_parse_count("12abc", "en", &v, why, sizeof why), -1);
    assert_int_equal(tf_parse_count("1,2 Mio. 7", "de", &v, why, sizeof why), -1);
    char long_text[2000];
    memset(long_text, '1', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    assert_int_equal(tf_parse_count(long_text, "en", &v, why, sizeof why), -1);
}

static void a_unit_word_must_end_where_the_word_ends(void **state)
{
    (void)state;
    assert_true(count("12 Beğeni", "tr") == 12);           /* "B" begins a word, not a unit */
    assert_true(count("12 mil seguidores", "es") == 12000); /* "mil" alone */
    assert_true(count("3 Monate", "de") == 3);
    assert_true(count("12 followers", "en") == 12);          /* words after the count are the page's noun */
    assert_true(count("1,2\xc2\xa0" "M d\xe2\x80\x99" "abonn\xc3\xa9s", "fr") == 1200000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_row_of_the_count_table_parses_to_its_value_or_is_refused),
        cmocka_unit_test(the_same_string_means_what_the_page_language_says),
        cmocka_unit_test(language_tags_of_any_form_find_their_conventions),
        cmocka_unit_test(text_that_is_no_count_is_refused_with_a_reason),
        cmocka_unit_test(a_unit_word_must_end_where_the_word_ends),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
