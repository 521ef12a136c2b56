/* The audience estimate, the Follower Factory test and engagement, on cases whose answer is known. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* Counts the rates cannot explain (more flagged than even an all-fake audience would give) still get an
 * interval at the edge, not a point; the seven-point mixture gave [0, 0] and [1, 1] for these. */
static void no_count_should_get_a_point_for_an_interval(void **state)
{
    const tf_error_rates perfect_recall = {.true_pos = 12, .false_neg = 0, .true_neg = 147, .false_pos = 23};
    const tf_error_rates lenient = {.true_pos = 182, .false_neg = 0, .true_neg = 29, .false_pos = 29};
    const tf_error_rates *rates[] = {&good, &perfect_recall, &lenient};
    for (int r = 0; r < 3; r++)
        for (size_t k = 0; k <= 20000; k += 500) {
            tf_audit a = audit_of(20000, k, 0, rates[r]);
            assert_true(a.fake.ci90[1] > a.fake.ci90[0]);
        }
}

static void uncertain_error_rates_should_widen_the_interval(void **state)
{
    const tf_error_rates few = {.true_pos = 49, .false_neg = 1, .true_neg = 49.5, .false_pos = 0.5};
    tf_audit sure = audit_of(5000, 1000, 0, &good), unsure = audit_of(5000, 1000, 0, &few);
    assert_true(unsure.fake.ci90[1] - unsure.fake.ci90[0] > 1.5 * (sure.fake.ci90[1] - sure.fake.ci90[0]));
}

/* log P(k) under beta-binomial(n, a, b): the flagged count's law when the flagged share is Beta(a, b). */
static double log_beta_binomial(double n, double k, double a, double b)
{
    return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + lgamma(a + k) + lgamma(b + n - k) - lgamma(a + b + n) +
           lgamma(a + b) - lgamma(a) - lgamma(b);
}

/*
 * At a share of 0 the flagged share is the false-positive rate, whose posterior is Beta(fp + 1/2, tn + 1/2),
 * so the counts whose interval reaches 0 must hold 90% of that law, give or take the part of one count's
 * probability the mid-p rule moves (at most a quarter below, three quarters above). The same at 1.
 */
static void the_counts_whose_interval_reaches_an_edge_should_hold_ninety_percent_of_its_law(void **state)
{
    const tf_error_rates skewed = {.true_pos = 1064, .false_neg = 5, .true_neg = 1178, .false_pos = 6};
    const tf_error_rates *rates[] = {&good, &skewed};
    for (int r = 0; r < 2; r++)
        for (size_t n = 50; n <= 5000; n *= 10)
            for (int edge = 0; edge <= 1; edge++) {
                double a = edge ? rates[r]->true_pos + 0.5 : rates[r]->false_pos + 0.5;
                double b = edge ? rates[r]->false_neg + 0.5 : rates[r]->true_neg + 0.5;
                double held = 0, seen = 0, largest = 0;
                /* From the edge's own end inwards, until all but 1e-10 of the law has been seen. */
                for (size_t i = 0; i <= n && seen < 1 - 1e-10; i++) {
                    size_t k = edge ? n - i : i;
                    double p = exp(log_beta_binomial((double)n, (double)k, a, b));
                    seen += p;
                    largest = fmax(largest, p);
                    tf_audit x = audit_of(n, k, 0, rates[r]);
                    held += (edge ? x.fake.ci90[1] == 1 : x.fake.ci90[0] == 0) ? p : 0;
                }
                assert_true(held >= 0.90 - 0.25 * largest - 1e-9);
                assert_true(held <= 0.90 + 0.75 * largest + 1e-9);
            }
}

/* splitmix64, for the simulations below. */
static unsigned long long next_random(unsigned long long *state)
{
    unsigned long long z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static size_t binomial_draw(size_t n, double p, unsigned long long *state)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += (double)(next_random(state) >> 11) / 9007199254740992.0 < p;
    return k;
}

/*
 * The interval's promise, checked as a user would meet it: the held-out rates are themselves measured (on
 * `fakes` fake and `genuine` genuine accounts), a sample of n followers is drawn, and the interval should
 * cover the true share 90% of the time. 2,000 rounds: one standard error is 0.7 points, and the band allows
 * more than three either way. The last two settings, where the held-out set is small next to the sample, are
 * where a mixture over seven fixed values of each rate covered too little (87.6% and 86.7% in 20,000 rounds).
 */
static void intervals_should_cover_the_true_share_nine_times_in_ten(void **state)
{
    const struct {
        size_t fakes, genuine, n;
        double share;
    } settings[] = {{400, 600, 200, 0}, {400, 600, 200, 1}, {50, 80, 500, 0.1}, {30, 50, 2000, 0.5}};
    const double se = 0.85, sp = 0.93;
    const int rounds = 2000;
    unsigned long long seed = 20261122;
    for (size_t s = 0; s < sizeof settings / sizeof *settings; s++) {
        int covered = 0;
        double share = settings[s].share;
        for (int i = 0; i < rounds; i++) {
            tf_error_rates measured;
            measured.true_pos = (double)binomial_draw(settings[s].fakes, se, &seed);
            measured.false_neg = (double)settings[s].fakes - measured.true_pos;
            measured.false_pos = (double)binomial_draw(settings[s].genuine, 1 - sp, &seed);
            measured.true_neg = (double)settings[s].genuine - measured.false_pos;
            size_t k = binomial_draw(settings[s].n, share * se + (1 - share) * (1 - sp), &seed);
            tf_audit a = audit_of(settings[s].n, k, 0, &measured);
            covered += a.fake.ci90[0] <= share && share <= a.fake.ci90[1];
        }
        assert_true(covered >= 0.875 * rounds && covered <= 0.93 * rounds);
    }
}

/* A mixture over a few fixed rates broke into separate peaks at large n and gave [0, 1] there. */
static void an_interval_should_keep_narrowing_as_the_sample_grows_past_the_held_out_set(void **state)
{
    const tf_error_rates few = {.true_pos = 20, .false_neg = 5, .true_neg = 20, .false_pos = 5};
    double previous_width = 2;
    for (size_t n = 1000; n <= 100000; n = n * 4 + 16) {
        tf_audit a = audit_of(n, n / 4, 0, &few);
        double width = a.fake.ci90[1] - a.fake.ci90[0];
        assert_true(a.fake.ci90[0] <= a.fake.share && a.fake.share <= a.fake.ci90[1]);
        assert_true(width <= previous_width + 1e-6);
        assert_true(a.fake.ci90[1] < 0.3); /* the rates' own uncertainty: about 0.25 at any n */
        previous_width = width;
    }
}

/* Past TF_AUDIT_SCALED_SAMPLE the interval is that of the flagged share at that size: the rates' uncertainty. */
static void a_very_large_sample_should_get_the_interval_of_its_flagged_share(void **state)
{
    tf_audit within = audit_of(200000, 60200, 0, &good), beyond = audit_of(20000000, 6020000, 0, &good);
    assert_true(fabs(within.fake.share - beyond.fake.share) < 1e-12);
    assert_true(fabs(within.fake.ci90[0] - beyond.fake.ci90[0]) < 0.001);
    assert_true(fabs(within.fake.ci90[1] - beyond.fake.ci90[1]) < 0.001);
    assert_true(beyond.fake.ci90[0] < 0.30 && 0.30 < beyond.fake.ci90[1]);
}

static void a_classifier_no_better_than_chance_or_barely_measured_should_say_nothing(void **state)
{
    const tf_error_rates chance = {.true_pos = 50, .false_neg = 50, .true_neg = 50, .false_pos = 50};
    tf_audit a = audit_of(500, 250, 0, &chance);
    assert_true(isnan(a.fake.share) && a.fake.ci90[0] == 0 && a.fake.ci90[1] == 1);
    tf_audit none = audit_of(0, 0, 0, &good);
    assert_true(isnan(none.fake.share));
    const tf_error_rates one_fake = {.true_pos = 0, .false_neg = 1, .true_neg = 67, .false_pos = 0};
    assert_true(isnan(audit_of(1000, 900, 0, &one_fake).fake.share)); /* rates measured on next to nothing */
}

/* A recall of fakes that differs too much between data sets to be pinned down (the shipped profile model's
 * counts): no share, but at least as many fakes as the flags allow with every fake flagged. */
static void an_unknown_sensitivity_should_give_only_the_fewest_fakes(void **state)
{
    (void)state;
    const tf_error_rates spread = {.true_pos = 0, .false_neg = 1, .true_neg = 40, .false_pos = 0};
    tf_audit many = audit_of(1000, 600, 0, &spread), few = audit_of(1000, 5, 0, &spread);
    assert_true(many.fake.at_least && isnan(many.fake.share) && many.fake.ci90[1] == 1);
    /* 60% flagged, and genuine accounts flagged at a few percent at most: well over half are fake */
    assert_true(many.fake.ci90[0] > 0.5 && many.fake.ci90[0] < 0.6);
    assert_true(isnan(many.real.share) && many.real.ci90[0] == 0 && many.real.ci90[1] <= 1 - many.fake.ci90[0] + 1e-9);
    assert_true(isnan(many.sensitivity));
    assert_true(few.fake.at_least && few.fake.ci90[0] == 0); /* no more flags than genuine accounts raise */
    tf_audit measured = audit_of(1000, 600, 0, &good);
    assert_false(measured.fake.at_least);
}

/* The audit names the method behind the numbers it gives, and none where it gives no number: the panel and the
 * report show what it names. */
static void the_method_should_be_that_of_the_numbers_given_and_none_without_a_number(void **state)
{
    (void)state;
    tf_audit shares = audit_of(1000, 301, 0, &good), too_few = audit_of(12, 3, 0, &good);
    assert_non_null(shares.method);
    assert_ptr_equal(strstr(shares.method, "Rogan-Gladen corrected shares"), shares.method);
    assert_non_null(too_few.method); /* too few to say on the badge, but the audit still gives shares */
    assert_ptr_equal(strstr(too_few.method, "Rogan-Gladen corrected shares"), too_few.method);

    const tf_error_rates spread = {.true_pos = 0, .false_neg = 1, .true_neg = 40, .false_pos = 0};
    tf_audit bound = audit_of(1000, 600, 0, &spread), bound_of_zero = audit_of(1000, 5, 0, &spread);
    assert_true(bound.fake.at_least && bound_of_zero.fake.at_least);
    assert_non_null(bound.method);
    assert_ptr_equal(strstr(bound.method, "At-least bound"), bound.method);
    assert_null(strstr(bound.method, "Rogan-Gladen"));
    assert_string_equal(bound_of_zero.method, bound.method); /* a bound of 0 is a number too */

    /* No number: no sample, a false-fake rate measured on next to nothing, inconsistent counts. */
    const tf_error_rates one_genuine = {.true_pos = 980, .false_neg = 20, .true_neg = 1, .false_pos = 0};
    const tf_error_rates chance = {.true_pos = 50, .false_neg = 50, .true_neg = 50, .false_pos = 50};
    const tf_error_rates negative = {.true_pos = 980, .false_neg = -1, .true_neg = 990, .false_pos = 10};
    const tf_audit none[] = {audit_of(0, 0, 0, &good), audit_of(1000, 300, 0, &one_genuine),
                             audit_of(40, 20, 0, &one_genuine), audit_of(10, 11, 0, &good),
                             audit_of(100, 10, 0, &negative)};
    for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
        assert_true(isnan(none[i].fake.share) && !none[i].fake.at_least);
        assert_null(none[i].method);
    }
    /* A classifier no better than chance: its sensitivity cannot be pinned down, so a bound (of 0 here). */
    tf_audit by_chance = audit_of(500, 250, 0, &chance);
    assert_true(by_chance.fake.at_least && by_chance.fake.ci90[0] == 0);
    assert_string_equal(by_chance.method, bound.method);
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
    /* the same source for translation: its kind and key, and the citation the English line names */
    assert_string_equal(e.source_kind, "measured");
    assert_string_equal(e.source_key, "instafake_2018");
    assert_non_null(strstr(e.source, e.source_name));
    assert_null(e.source_title);
    tf_engagement_measure(TF_X, posts, 5, 5000, &e);
    assert_string_equal(e.source_kind, "published");
    assert_string_equal(e.source_key, "socialrails");
    assert_non_null(strstr(e.source, e.source_name));
    assert_non_null(strstr(e.source, e.source_title));
    tf_engagement_measure(TF_INSTAGRAM, posts, 2, 5000, &e);
    assert_true(isnan(e.rate)); /* two posts are too few */
    tf_engagement_measure(TF_MASTODON, posts, 5, 5000, &e);
    assert_true(!isnan(e.rate) && isnan(e.typical) && !e.is_far_below); /* no baseline: no verdict */
    assert_true(!e.source && !e.source_kind && !e.source_key && !e.source_name && !e.source_title);
}

static void engagers_are_flagged_only_when_far_apart_from_the_followers(void **state)
{
    tf_audit followers = audit_of(300, 30, 0, &good), engagers = audit_of(80, 70, 0, &good);
    assert_int_equal(tf_audit_contrast(&followers, &engagers), 1); /* ~10% against ~87% */
    assert_int_equal(tf_audit_contrast(&engagers, &followers), -1); /* the other way round */
    tf_audit close = audit_of(80, 12, 0, &good); /* ~15% against ~10%: the intervals overlap */
    assert_true(close.fake.ci90[0] < followers.fake.ci90[1]);
    assert_int_equal(tf_audit_contrast(&followers, &close), 0);
    tf_audit few = audit_of(20, 20, 0, &good); /* all flagged, but under 30 accounts: too few to say */
    assert_int_equal(tf_audit_contrast(&followers, &few), 0);
    /* Intervals apart by less than the gap say nothing either. */
    tf_audit big = audit_of(200000, 20000, 0, &good), bigger = audit_of(200000, 26000, 0, &good);
    assert_true(bigger.fake.ci90[0] > big.fake.ci90[1]);
    assert_int_equal(tf_audit_contrast(&big, &bigger), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_fake_share_should_undo_the_classifier_errors),
        cmocka_unit_test(an_interval_should_hold_its_estimate_and_narrow_with_the_sample),
        cmocka_unit_test(a_clean_sample_should_reach_zero_and_a_fake_one_should_reach_one),
        cmocka_unit_test(no_count_should_get_a_point_for_an_interval),
        cmocka_unit_test(uncertain_error_rates_should_widen_the_interval),
        cmocka_unit_test(engagers_are_flagged_only_when_far_apart_from_the_followers),
        cmocka_unit_test(the_counts_whose_interval_reaches_an_edge_should_hold_ninety_percent_of_its_law),
        cmocka_unit_test(intervals_should_cover_the_true_share_nine_times_in_ten),
        cmocka_unit_test(an_interval_should_keep_narrowing_as_the_sample_grows_past_the_held_out_set),
        cmocka_unit_test(a_very_large_sample_should_get_the_interval_of_its_flagged_share),
        cmocka_unit_test(a_classifier_no_better_than_chance_or_barely_measured_should_say_nothing),
        cmocka_unit_test(an_unknown_sensitivity_should_give_only_the_fewest_fakes),
        cmocka_unit_test(the_method_should_be_that_of_the_numbers_given_and_none_without_a_number),
        cmocka_unit_test(shares_should_add_up_and_flag_small_samples),
        cmocka_unit_test(a_bought_batch_should_be_found_and_organic_followers_left_alone),
        cmocka_unit_test(engagement_should_compare_with_the_tier_and_need_posts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
