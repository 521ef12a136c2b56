/* The audience estimate, the Follower Factory test and engagement, on cases whose answer is known. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "audit.h"
#include "engagement.h"
#include "factory.h"

static const tf_error_rates good = {.true_pos = 980, .false_neg = 20, .true_neg = 990, .false_pos = 10};

static tf_audit audit_of(size_t n, size_t fake, size_t inactive, const tf_error_rates *rates)
{
    tf_audit a;
    tf_audit_from_counts(n, fake, inactive, rates, TF_SEEN_FOLLOWERS, &a);
    return a;
}

static void the_fake_share_should_undo_the_classifier_errors(void **state)
{
    /* With Se 0.98 and Sp 0.99, a true share of 30% flags 0.3 * 0.98 + 0.7 * 0.01 = 30.1%. */
    tf_audit a = audit_of(1000, 301, 0, &good);
    assert_true(fabs(a.fake.share - 0.30) < 0.002);
    assert_true(a.fake.ci90[0] < 0.30 && 0.30 < a.fake.ci90[1]);
    assert_true(a.fake.ci90[1] - a.fake.ci90[0] < 0.06);
}

static void an_interval_should_hold_its_estimate_and_narrow_with_the_sample(void **state)
{
    double previous_width = 2;
    for (size_t n = 30; n <= 30000; n *= 10) {
        tf_audit a = audit_of(n, n / 5, 0, &good);
        assert_true(a.fake.ci90[0] <= a.fake.share && a.fake.share <= a.fake.ci90[1]);
        double width = a.fake.ci90[1] - a.fake.ci90[0];
        assert_true(width < previous_width);
        previous_width = width;
    }
}

static void a_clean_sample_should_reach_zero_and_a_fake_one_should_reach_one(void **state)
{
    tf_audit clean = audit_of(200, 0, 0, &good);
    assert_true(clean.fake.share == 0 && clean.fake.ci90[0] == 0 && clean.fake.ci90[1] > 0);
    tf_audit bought = audit_of(200, 200, 0, &good);
    assert_true(bought.fake.share == 1 && bought.fake.ci90[1] == 1 && bought.fake.ci90[0] < 1);
}

static void uncertain_error_rates_should_widen_the_interval(void **state)
{
    const tf_error_rates few = {.true_pos = 49, .false_neg = 1, .true_neg = 49.5, .false_pos = 0.5};
    tf_audit sure = audit_of(5000, 1000, 0, &good), unsure = audit_of(5000, 1000, 0, &few);
    assert_true(unsure.fake.ci90[1] - unsure.fake.ci90[0] > 1.5 * (sure.fake.ci90[1] - sure.fake.ci90[0]));
}

static void a_classifier_no_better_than_chance_should_say_nothing(void **state)
{
    const tf_error_rates chance = {.true_pos = 50, .false_neg = 50, .true_neg = 50, .false_pos = 50};
    tf_audit a = audit_of(500, 250, 0, &chance);
    assert_true(isnan(a.fake.share) && a.fake.ci90[0] == 0 && a.fake.ci90[1] == 1);
    tf_audit none = audit_of(0, 0, 0, &good);
    assert_true(isnan(none.fake.share));
}

static void shares_should_add_up_and_flag_small_samples(void **state)
{
    tf_audit a = audit_of(400, 100, 60, &good);
    assert_true(fabs(a.real.share + a.inactive.share + a.fake.share - 1) < 1e-9);
    assert_true(a.inactive.ci90[0] <= a.inactive.share && a.inactive.share <= a.inactive.ci90[1]);
    assert_false(a.too_few);
    assert_true(audit_of(29, 3, 0, &good).too_few);
}

/* Deterministic pseudo-random dates spread over eight years. */
static double spread_date(unsigned i)
{
    return 1.2e9 + fmod((double)i * 2654435761.0, 8 * 365 * 86400.0);
}

static void a_bought_batch_should_be_found_and_organic_followers_left_alone(void **state)
{
    enum { N = 3000, AT = 1200, BATCH = 400 };
    double *created = malloc(N * sizeof *created);
    for (unsigned i = 0; i < N; i++)
        created[i] = i >= AT && i < AT + BATCH ? 1.5e9 + (i % 97) * 12000.0 : spread_date(i);
    created[AT + 10] = NAN; /* a follower whose date the page did not show */
    tf_factory_result found;
    assert_int_equal(tf_factory_find(created, N, &found), 0);
    assert_int_equal(found.n_runs, 1);
    assert_true(found.runs[0].first >= AT && found.runs[0].first < AT + 5);
    assert_true(found.runs[0].last > AT + BATCH - 5 && found.runs[0].last < AT + BATCH);
    assert_true(found.in_runs >= BATCH - 5 && found.in_runs <= BATCH - 1);
    free(found.runs);

    for (unsigned i = 0; i < N; i++)
        created[i] = spread_date(i);
    assert_int_equal(tf_factory_find(created, N, &found), 0);
    assert_int_equal(found.n_runs, 0);
    assert_int_equal(found.in_runs, 0);
    free(found.runs);
    free(created);
}

static void engagement_should_compare_with_the_tier_and_need_posts(void **state)
{
    tf_post posts[5];
    for (int i = 0; i < 5; i++) {
        tf_post_init(&posts[i], TF_INSTAGRAM);
        posts[i].likes = 10;
        posts[i].comments = 1;
    }
    tf_engagement e;
    tf_engagement_measure(TF_INSTAGRAM, posts, 5, 5000, &e);
    assert_true(fabs(e.rate - 11.0 / 5000) < 1e-12);
    assert_true(e.tier_floor == 1000 && e.is_far_below && e.source);
    tf_engagement_measure(TF_INSTAGRAM, posts, 2, 5000, &e);
    assert_true(isnan(e.rate)); /* two posts are too few */
    tf_engagement_measure(TF_MASTODON, posts, 5, 5000, &e);
    assert_true(!isnan(e.rate) && isnan(e.typical) && !e.is_far_below); /* no baseline: no verdict */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_fake_share_should_undo_the_classifier_errors),
        cmocka_unit_test(an_interval_should_hold_its_estimate_and_narrow_with_the_sample),
        cmocka_unit_test(a_clean_sample_should_reach_zero_and_a_fake_one_should_reach_one),
        cmocka_unit_test(uncertain_error_rates_should_widen_the_interval),
        cmocka_unit_test(a_classifier_no_better_than_chance_should_say_nothing),
        cmocka_unit_test(shares_should_add_up_and_flag_small_samples),
        cmocka_unit_test(a_bought_batch_should_be_found_and_organic_followers_left_alone),
        cmocka_unit_test(engagement_should_compare_with_the_tier_and_need_posts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
