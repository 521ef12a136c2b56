/* Words and numbers in the extension's languages (words.h), and a reason written from its key (reason_words.h). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "cJSON.h"
#include "reason_words.h"
#include "words.h"

#define NBSP "\u00a0"
#define NNBSP "\u202f"

static void languages_should_resolve_from_tags_and_fall_back_to_english(void **state)
{
    assert_string_equal(tf_language_for("pt_BR")->lang, "pt_BR");
    assert_string_equal(tf_language_for("pt-BR")->lang, "pt_BR");
    assert_string_equal(tf_language_for("pt")->lang, "pt_BR");
    assert_string_equal(tf_language_for("de-AT")->lang, "de");
    assert_string_equal(tf_language_for("xx")->lang, "en");
    assert_string_equal(tf_language_for("")->lang, "en");
    assert_string_equal(tf_language_for(NULL)->lang, "en");
    assert_string_equal(tf_language_for("pt_BR")->tag, "pt-BR");
}

static void words_should_come_from_the_language_then_english_then_the_key(void **state)
{
    assert_string_equal(tf_word(tf_language_for("de"), "unknown"), "unbekannt");
    assert_string_equal(tf_word(tf_language_for("en"), "unknown"), "unknown");
    assert_string_equal(tf_word(tf_language_for("de"), "no_such_key"), "no_such_key");
    assert_string_not_equal(tf_word(tf_language_for("ja"), "report_title"), tf_word(tf_language_for("en"), "report_title"));
}

static void placeholders_should_be_filled_and_the_text_truncated(void **state)
{
    char out[64];
    const char *ends[] = {"1", "2"};
    tf_word_fill(tf_language_for("en"), "range", ends, 2, out, sizeof out);
    assert_string_equal(out, "1–2");
    tf_word_fill(tf_language_for("en"), "range", ends, 1, out, sizeof out);
    assert_string_equal(out, "1–?");
    tf_word_fill(tf_language_for("en"), "report_title", NULL, 0, out, 5);
    assert_string_equal(out, "Foll");
}

static void numbers_should_be_written_as_each_language_writes_them(void **state)
{
    char out[64];
    tf_format_number(tf_language_for("en"), 695695, 0, 0, out, sizeof out);
    assert_string_equal(out, "695,695");
    tf_format_number(tf_language_for("de"), 1234567.5, 0, 3, out, sizeof out);
    assert_string_equal(out, "1.234.567,5");
    tf_format_number(tf_language_for("es"), 4900, 0, 0, out, sizeof out);
    assert_string_equal(out, "4900"); /* Spanish groups from five digits */
    tf_format_number(tf_language_for("es"), 12000, 0, 0, out, sizeof out);
    assert_string_equal(out, "12.000");
    tf_format_number(tf_language_for("fr"), 4900, 0, 0, out, sizeof out);
    assert_string_equal(out, "4" NNBSP "900");
    tf_format_number(tf_language_for("ja"), 13, 1, 1, out, sizeof out);
    assert_string_equal(out, "13.0");
    tf_format_number(tf_language_for("en"), 2.5, 0, 0, out, sizeof out);
    assert_string_equal(out, "3"); /* half away from zero, as ICU rounds */
    tf_format_number(tf_language_for("en"), NAN, 0, 0, out, sizeof out);
    assert_string_equal(out, "?");
    tf_format_significant(tf_language_for("de"), 0.0123, 2, out, sizeof out);
    assert_string_equal(out, "0,012");
    tf_format_significant(tf_language_for("en"), 12345, 2, out, sizeof out);
    assert_string_equal(out, "12,000");
    tf_format_significant(tf_language_for("en"), 9.96, 2, out, sizeof out);
    assert_string_equal(out, "10");
    tf_format_percent(tf_language_for("de"), 0.375855, 0, out, sizeof out);
    assert_string_equal(out, "38" NBSP "%");
    tf_format_percent(tf_language_for("pt_BR"), 0.014456, 1, out, sizeof out);
    assert_string_equal(out, "1,4%");
}

/* Intl rounds the shortest decimal that reads back as the number, and takes a percent of it in decimal: 0.145 is
 * 14.5 % and so 15 %, though 0.145 in binary is a hair below it and 100 * 0.145 is 14.499999999999998. */
static void numbers_should_round_their_shortest_decimal_as_intl_does(void **state)
{
    char out[64];
    const tf_language *en = tf_language_for("en");
    tf_format_percent(en, 0.145, 0, out, sizeof out);
    assert_string_equal(out, "15%");
    tf_format_percent(en, 0.285, 0, out, sizeof out);
    assert_string_equal(out, "29%");
    tf_format_percent(en, 0.0995, 1, out, sizeof out);
    assert_string_equal(out, "10.0%");
    tf_format_percent(en, 0.99995, 2, out, sizeof out);
    assert_string_equal(out, "100.00%"); /* a carry through every digit */
    tf_format_percent(en, 0.0004, 1, out, sizeof out);
    assert_string_equal(out, "0.0%");
    tf_format_number(en, 72.445, 0, 2, out, sizeof out);
    assert_string_equal(out, "72.45");
    tf_format_number(en, 999.5, 0, 0, out, sizeof out);
    assert_string_equal(out, "1,000");
    tf_format_number(en, -2.5, 0, 0, out, sizeof out);
    assert_string_equal(out, "-3");
    tf_format_number(en, -0.0004, 0, 1, out, sizeof out);
    assert_string_equal(out, "0"); /* no "-0" (Intl's) for what rounds to nothing */
    tf_format_number(en, 0, 2, 2, out, sizeof out);
    assert_string_equal(out, "0.00");
    tf_format_number(en, 5e-324, 0, 3, out, sizeof out);
    assert_string_equal(out, "0");
    tf_format_number(en, 123456789012345.67, 1, 1, out, sizeof out);
    assert_string_equal(out, "123,456,789,012,345.7");
    tf_format_number(en, 2e15, 0, 0, out, sizeof out);
    assert_string_equal(out, "?");
}

static void plurals_should_pick_one_as_each_language_does(void **state)
{
    char key[64];
    tf_plural_key(tf_language_for("en"), "reason_n_days", 1, key, sizeof key);
    assert_string_equal(key, "reason_n_days_one");
    tf_plural_key(tf_language_for("en"), "reason_n_days", 0, key, sizeof key);
    assert_string_equal(key, "reason_n_days_other");
    tf_plural_key(tf_language_for("fr"), "reason_n_days", 0, key, sizeof key);
    assert_string_equal(key, "reason_n_days_one"); /* French and Portuguese: below 2 */
    tf_plural_key(tf_language_for("pt_BR"), "reason_n_years", 1.5, key, sizeof key);
    assert_string_equal(key, "reason_n_years_one");
    tf_plural_key(tf_language_for("ja"), "reason_n_days", 1, key, sizeof key);
    assert_string_equal(key, "reason_n_days_other");
}

static void reasons_should_be_written_from_their_key_or_else_their_english(void **state)
{
    char out[256];
    cJSON *reason = cJSON_Parse("{\"text\":\"follows 762 accounts; 1 follower\",\"key\":\"network_both\",\"args\":[762,1]}");
    tf_reason_words(tf_language_for("en"), reason, out, sizeof out);
    assert_string_equal(out, "follows 762 accounts; 1 follower");
    tf_reason_words(tf_language_for("de"), reason, out, sizeof out);
    assert_string_not_equal(out, "follows 762 accounts; 1 follower");
    assert_non_null(strstr(out, "762"));
    cJSON_Delete(reason);
    /* an unknown key, a wrong count of numbers, an age without its unit: the core's English, as on the badge */
    const char *unknown[] = {"{\"text\":\"T\",\"key\":\"no_such_key\",\"args\":[]}", "{\"text\":\"T\",\"key\":\"network_both\",\"args\":[1]}",
                             "{\"text\":\"T\",\"key\":\"activity_age\",\"args\":[3]}", "{\"text\":\"T\",\"key\":\"network_both\",\"args\":[1,null]}"};
    for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++) {
        reason = cJSON_Parse(unknown[i]);
        tf_reason_words(tf_language_for("de"), reason, out, sizeof out);
        assert_string_equal(out, "T");
        cJSON_Delete(reason);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(languages_should_resolve_from_tags_and_fall_back_to_english),
        cmocka_unit_test(words_should_come_from_the_language_then_english_then_the_key),
        cmocka_unit_test(placeholders_should_be_filled_and_the_text_truncated),
        cmocka_unit_test(numbers_should_be_written_as_each_language_writes_them),
        cmocka_unit_test(numbers_should_round_their_shortest_decimal_as_intl_does),
        cmocka_unit_test(plurals_should_pick_one_as_each_language_does),
        cmocka_unit_test(reasons_should_be_written_from_their_key_or_else_their_english),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
