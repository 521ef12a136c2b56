/* Unit tests of the follower-count history's jump rule (wasm/src/history.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "truefollow.h"

static char *run(const char *json) { return tf_history_input(json, strlen(json)); }

static void a_steady_growth_has_no_jump(void **state)
{
    (void)state;
    char *out = run("{\"points\":[{\"t\":1,\"followers\":1200},{\"t\":2,\"followers\":1260},{\"t\":3,\"followers\":1300}]}");
    assert_non_null(out);
    assert_non_null(strstr(out, "\"points\":3"));
    assert_non_null(strstr(out, "\"jumps\":[]"));
    tf_free(out);
}

static void a_step_over_a_fifth_and_over_500_is_a_jump(void **state)
{
    (void)state;
    char *out = run("{\"points\":[{\"t\":1,\"followers\":1200},{\"t\":2,\"followers\":1260},{\"t\":3,\"followers\":9800}]}");
    assert_non_null(strstr(out, "\"jumps\":[{\"index\":2,\"t\":3,\"from\":1260,\"to\":9800}]"));
    tf_free(out);
}

static void a_large_share_of_a_small_account_is_not_a_jump(void **state)
{
    (void)state;
    char *out = run("{\"points\":[{\"t\":1,\"followers\":100},{\"t\":2,\"followers\":400}]}"); /* +300%, but +300 only */
    assert_non_null(strstr(out, "\"jumps\":[]"));
    tf_free(out);
}

static void a_drop_counts_as_a_jump_too(void **state)
{
    (void)state;
    char *out = run("{\"points\":[{\"t\":1,\"followers\":50000},{\"t\":2,\"followers\":30000}]}");
    assert_non_null(strstr(out, "\"from\":50000,\"to\":30000"));
    tf_free(out);
}

static void unreadable_points_are_skipped_and_bad_input_is_an_error(void **state)
{
    (void)state;
    char *out = run("{\"points\":[{\"t\":1,\"followers\":2000},{\"t\":2},{\"t\":3,\"followers\":-5},{\"t\":4,\"followers\":2100}]}");
    assert_non_null(strstr(out, "\"points\":2"));
    assert_non_null(strstr(out, "\"jumps\":[]"));
    tf_free(out);
    out = run("not json");
    assert_non_null(strstr(out, "\"status\":\"error\""));
    tf_free(out);
    out = run("{\"points\":3}");
    assert_non_null(strstr(out, "\"status\":\"error\""));
    tf_free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_steady_growth_has_no_jump),
        cmocka_unit_test(a_step_over_a_fifth_and_over_500_is_a_jump),
        cmocka_unit_test(a_large_share_of_a_small_account_is_not_a_jump),
        cmocka_unit_test(a_drop_counts_as_a_jump_too),
        cmocka_unit_test(unreadable_points_are_skipped_and_bad_input_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
