/* The reader and the X adapter on small inline responses of each shape, and on broken input. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "json_get.h"
#include "read.h"

static tf_status read_text(const char *text, tf_batch *batch, char *message)
{
    return tf_read(text, strlen(text), NULL, batch, message, 512);
}

static const char *const user_2026 =
    "{\"data\":{\"user\":{\"result\":{\"__typename\":\"User\",\"rest_id\":\"42\","
    "\"core\":{\"created_at\":\"Sat Dec 14 04:35:55 +0000 2013\",\"name\":\"Ada\",\"screen_name\":\"ada\"},"
    "\"relationship_counts\":{\"followers\":695695,\"following\":762},"
    "\"tweet_counts\":{\"tweets\":4319,\"media_tweets\":829},\"action_counts\":{\"favorites_count\":2642},"
    "\"profile_bio\":{\"description\":\"hello\",\"entities\":{\"description\":{}}},"
    "\"avatar\":{\"image_url\":\"https://pbs.twimg.com/sticky/default_profile_images/default_profile_normal.png\"},"
    "\"privacy\":{\"protected\":false},\"is_blue_verified\":false,\"verification\":{\"verified\":false}}}}}";

static void read_should_take_counts_from_the_2026_user_shape(void **state)
{
    tf_batch batch = {0};
    char message[512] = "";
    assert_int_equal(read_text(user_2026, &batch, message), TF_OK);
    assert_int_equal(batch.n_accounts, 1);
    const tf_account *a = &batch.accounts[0];
    assert_string_equal(a->handle, "ada");
    assert_string_equal(a->id, "42");
    assert_true(a->followers == 695695 && a->following == 762 && a->posts == 4319 && a->likes_given == 2642);
    assert_true(a->created_at == 1386995755.0);
    assert_int_equal(a->default_avatar, TF_YES);
    assert_int_equal(a->verified, TF_NO);
    assert_string_equal(a->url, ""); /* the bio was shown with no link */
    assert_true(isnan(a->listed));   /* the 2026 shape has no listed count: missing, not 0 */
    tf_batch_free(&batch);
}

static void read_should_take_counts_from_the_legacy_user_shape(void **state)
{
    const char *legacy =
        "{\"data\":{\"user\":{\"result\":{\"__typename\":\"User\",\"rest_id\":\"7\",\"is_blue_verified\":true,"
        "\"legacy\":{\"name\":\"Bo\",\"screen_name\":\"bo\",\"created_at\":\"Mon Jan 10 02:06:34 +0000 2011\","
        "\"followers_count\":12,\"friends_count\":4900,\"statuses_count\":0,\"favourites_count\":3,"
        "\"listed_count\":1,\"description\":\"\",\"url\":null,\"protected\":true,"
        "\"profile_image_url_https\":\"https://pbs.twimg.com/profile_images/1/a_normal.jpg\"}}}}}";
    tf_batch batch = {0};
    char message[512] = "";
    assert_int_equal(read_text(legacy, &batch, message), TF_OK);
    assert_int_equal(batch.n_accounts, 1);
    const tf_account *a = &batch.accounts[0];
    assert_string_equal(a->handle, "bo");
    assert_true(a->followers == 12 && a->following == 4900 && a->posts == 0 && a->listed == 1);
    assert_int_equal(a->is_private, TF_YES);
    assert_int_equal(a->verified, TF_YES);
    assert_int_equal(a->default_avatar, TF_NO);
    tf_batch_free(&batch);
}

static void read_should_count_a_missing_field_as_missing_not_zero(void **state)
{
    const char *partial = "{\"data\":{\"user\":{\"result\":{\"__typename\":\"User\","
                          "\"core\":{\"screen_name\":\"cy\"},\"relationship_counts\":{\"followers\":\"12\"}}}}}";
    tf_batch batch = {0};
    char message[512] = "";
    assert_int_equal(read_text(partial, &batch, message), TF_OK);
    const tf_account *a = &batch.accounts[0];
    assert_true(a->followers == 12);
    assert_true(isnan(a->following) && isnan(a->posts) && isnan(a->created_at));
    assert_null(a->bio);
    assert_int_equal(a->default_avatar, TF_UNKNOWN);
    tf_batch_free(&batch);
}

static void read_should_refuse_counts_that_are_negative_fractional_or_too_large(void **state)
{
    const char *bad = "{\"data\":{\"user\":{\"result\":{\"__typename\":\"User\",\"core\":{\"screen_name\":\"d\"},"
                      "\"relationship_counts\":{\"followers\":-5,\"following\":1e400},"
                      "\"tweet_counts\":{\"tweets\":1.5,\"media_tweets\":9007199254740993}}}}}";
    tf_batch batch = {0};
    char message[512] = "";
    assert_int_equal(read_text(bad, &batch, message), TF_OK);
    const tf_account *a = &batch.accounts[0];
    assert_true(isnan(a->followers) && isnan(a->following) && isnan(a->posts) && isnan(a->media_posts));
    tf_batch_free(&batch);
}

static void read_should_read_every_user_of_a_followers_timeline(void **state)
{
    const char *timeline =
        "{\"data\":{\"user\":{\"result\":{\"__typename\":\"User\",\"timeline\":{\"timeline\":{\"instructions\":["
        "{\"type\":\"TimelineClearCache\"},{\"type\":\"TimelineAddEntries\",\"entries\":["
        "{\"entryId\":\"user-1\",\"content\":{\"itemContent\":{\"user_results\":{\"result\":{\"__typename\":\"User\","
        "\"core\":{\"screen_name\":\"one\"}}}}}},"
        "{\"entryId\":\"user-2\",\"content\":{\"itemContent\":{\"user_results\":{\"result\":{\"__typename\":"
        "\"UserUnavailable\"}}}}},"
        "{\"entryId\":\"user-3\",\"content\":{\"itemContent\":{\"user_results\":{\"result\":{\"__typename\":\"User\","
        "\"legacy\":{\"screen_name\":\"three\"}}}}}},"
        "{\"entryId\":\"cursor-bottom-1\",\"content\":{\"value\":\"x\"}}]}]}}}}}}";
    tf_batch batch = {0};
    char message[512] = "";
    assert_int_equal(read_text(timeline, &batch, message), TF_OK);
    assert_int_equal(batch.n_accounts, 2);
    assert_string_equal(batch.accounts[0].handle, "one");
    assert_string_equal(batch.accounts[1].handle, "three");
    assert_int_equal(batch.accounts[0].seen, TF_SEEN_FOLLOWERS);
    tf_batch_free(&batch);
}

static void read_should_unwrap_capture_records_in_json_lines(void **state)
{
    char lines[4096];
    snprintf(lines, sizeof lines, "{\"url\":\"https://x.com/i/api/graphql/a/UserByScreenName\",\"body\":\"%s\"}\n\n%s\n",
             "{\\\"data\\\":{\\\"user\\\":{\\\"result\\\":{\\\"core\\\":{\\\"screen_name\\\":\\\"wrapped\\\"}}}}}",
             user_2026);
    tf_batch batch = {0};
    char message[512] = "";
    assert_int_equal(read_text(lines, &batch, message), TF_OK);
    assert_int_equal(batch.n_accounts, 2);
    assert_string_equal(batch.accounts[0].handle, "wrapped");
    assert_string_equal(batch.accounts[1].handle, "ada");
    tf_batch_free(&batch);
}

static void read_should_name_what_is_wrong_with_broken_input(void **state)
{
    static const struct { const char *text; tf_status status; const char *says; } cases[] = {
        {"", TF_INVALID, "empty"},
        {"   \n", TF_INVALID, "empty"},
        {"{\"data\": {\"user\": ", TF_INVALID, "not valid JSON"},
        {"nope", TF_INVALID, "neither JSON nor HTML"},
        {"{\"hello\": 1}", TF_UNSUPPORTED, "\"hello\""},
        {"[]", TF_UNSUPPORTED, "no supported platform"},
        {"{\"data\":{\"user\":{\"result\":{\"__typename\":\"UserUnavailable\"}}}}", TF_UNSUPPORTED, "unavailable"},
        {"{\"data\":{\"user\":{\"result\":{\"core\":{}}}}}", TF_UNSUPPORTED, "screen_name"},
        {"{\"data\":{\"user\":{\"result\":{\"__typename\":\"User\"}}}}", TF_UNSUPPORTED, "neither a profile"},
        {"{\"a\":1}\n{\"b\":", TF_INVALID, "line 2"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        tf_batch batch = {0};
        char message[512] = "";
        tf_status status = read_text(cases[i].text, &batch, message);
        if (status != cases[i].status || !strstr(message, cases[i].says))
            fail_msg("case %zu: status %s, message \"%s\"", i, tf_status_name(status), message);
        assert_int_equal(batch.n_accounts, 0);
        tf_batch_free(&batch);
    }
}

static void read_should_survive_a_nul_byte_inside_the_input(void **state)
{
    const char text[] = "{\"data\":{\"user\":{\"result\":{\"core\":{\"screen_name\":\"a\0b\"}}}}}";
    tf_batch batch = {0};
    char message[512] = "";
    tf_status status = tf_read(text, sizeof text - 1, NULL, &batch, message, sizeof message);
    assert_int_not_equal(status, TF_NO_MEMORY);
    tf_batch_free(&batch);
}

/* One walk finds what a lookup per key finds: the first of repeated names, keys sharing a first byte (or its
 * low six bits: '!' and 'a'), a key that is a prefix of a member's name, and nothing in a non-object. */
static void get_members_should_find_what_tf_get_finds(void **state)
{
    cJSON *object = cJSON_Parse("{\"ab\":1,\"abc\":2,\"a\":3,\"!b\":4,\"ab\":5,\"b\":6,\"abd\":7}");
    assert_non_null(object);
    static const char *const keys[] = {"abd", "a", "ab", "!b", "zz", "abc", "b"};
    enum { N = sizeof keys / sizeof *keys };
    const cJSON *found[N];
    tf_get_members(object, keys, N, found);
    for (int i = 0; i < N; i++)
        assert_ptr_equal(found[i], tf_get(object, keys[i]));
    assert_int_equal(found[2]->valueint, 1);
    assert_null(found[4]);
    tf_get_members(object->child, keys, N, found);
    for (int i = 0; i < N; i++)
        assert_null(found[i]);
    tf_get_members(NULL, keys, N, found);
    assert_null(found[0]);
    cJSON_Delete(object);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(read_should_take_counts_from_the_2026_user_shape),
        cmocka_unit_test(read_should_take_counts_from_the_legacy_user_shape),
        cmocka_unit_test(read_should_count_a_missing_field_as_missing_not_zero),
        cmocka_unit_test(read_should_refuse_counts_that_are_negative_fractional_or_too_large),
        cmocka_unit_test(read_should_read_every_user_of_a_followers_timeline),
        cmocka_unit_test(read_should_unwrap_capture_records_in_json_lines),
        cmocka_unit_test(read_should_name_what_is_wrong_with_broken_input),
        cmocka_unit_test(read_should_survive_a_nul_byte_inside_the_input),
        cmocka_unit_test(get_members_should_find_what_tf_get_finds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
