/* Dates in the platforms' formats to unix seconds and back to ISO 8601. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "timefmt.h"

static void twitter_dates_should_parse_with_their_offset(void **state)
{
    assert_true(tf_parse_twitter_date("Sat Dec 14 04:35:55 +0000 2013") == 1386995755.0);
    assert_true(tf_parse_twitter_date("Sat Dec 14 06:35:55 +0200 2013") == 1386995755.0);
    assert_true(isnan(tf_parse_twitter_date("Sat Dek 14 04:35:55 +0000 2013")));
    assert_true(isnan(tf_parse_twitter_date("Sat Dec 14 04:35:55 +0000 2013 trailing")));
    assert_true(isnan(tf_parse_twitter_date("Sat Dec 32 04:35:55 +0000 2013")));
    assert_true(isnan(tf_parse_twitter_date(NULL)));
}

static void iso_dates_should_parse_with_fractions_and_offsets(void **state)
{
    assert_true(tf_parse_iso8601("2013-12-14T04:35:55Z") == 1386995755.0);
    assert_true(tf_parse_iso8601("2013-12-14T04:35:55.123Z") == 1386995755.0);
    assert_true(tf_parse_iso8601("2013-12-14T05:35:55+01:00") == 1386995755.0);
    assert_true(tf_parse_iso8601("2013-12-14") == 1386979200.0);
    assert_true(isnan(tf_parse_iso8601("2013-13-14")));
    assert_true(isnan(tf_parse_iso8601("yesterday")));
}

static void formatting_should_round_trip_through_parsing(void **state)
{
    char iso[21];
    for (double t = 0; t < 4102444800.0; t += 7777777.0) {
        tf_format_iso8601(t, iso);
        assert_true(tf_parse_iso8601(iso) == t);
    }
    tf_format_iso8601(951782400.0, iso); /* a leap day */
    assert_string_equal(iso, "2000-02-29T00:00:00Z");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(twitter_dates_should_parse_with_their_offset),
        cmocka_unit_test(iso_dates_should_parse_with_fractions_and_offsets),
        cmocka_unit_test(formatting_should_round_trip_through_parsing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
