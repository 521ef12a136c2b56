/* The training tool's error rates across data sets (wasm/train/loo_rates.c), checked against the audit that reads
 * them: a new set whose false-fake rate is several times the others' must still get a bound that holds. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "audit.h"
#include "../../wasm/train/loo_rates.c"

/* Held-out counts at the profile model's cut, in the shape leave-one-data-set-out gives them. */
static const set_rate genuine_passed[] = {{1153, 1184}, {990, 994}, {288, 288}}; /* 2.6%, 0.4%, 0% flagged */
static const set_rate fakes_caught[] = {{522, 1069}, {2780, 4912}, {150, 2631}, {193, 1087}, {59, 698}, {51, 288}};

static tf_error_rates rates_of(const spread_beta *se, const spread_beta *sp)
{
    tf_error_rates r;
    spread_beta_counts(se, &r.true_pos, &r.false_neg);
    spread_beta_counts(sp, &r.true_neg, &r.false_pos);
    return r;
}

static void a_genuine_set_flagged_far_more_often_than_the_others_still_gets_a_bound_of_zero(void **state)
{
    spread_beta sp = spread_beta_fit(genuine_passed, 3), se = spread_beta_fit(fakes_caught, 6);
    assert_int_equal(sp.n_sets, 3);
    /* the range reaches well past the worst set's 2.6% false-fake rate: 4.7% is inside */
    assert_true(1 - sp.low > 0.047);
    assert_true(1 - sp.high < 0.003);
    tf_error_rates r = rates_of(&se, &sp);
    tf_audit a;
    tf_audit_from_counts(3474, 163, 0, &r, TF_SEEN_FOLLOWERS, &a); /* 4.7% of 3,474 genuine accounts flagged */
    assert_true(a.fake.at_least);
    assert_true(a.fake.ci90[0] == 0);
    /* and an audience that is all flagged is bounded well above 0 */
    tf_audit_from_counts(1000, 600, 0, &r, TF_SEEN_FOLLOWERS, &a);
    assert_true(a.fake.at_least && a.fake.ci90[0] > 0.4);
}

static void counts_are_kept_as_fractions(void **state)
{
    spread_beta sp = spread_beta_fit(genuine_passed, 3);
    double hits, misses;
    spread_beta_counts(&sp, &hits, &misses);
    assert_true(fabs(hits + 0.5 - sp.mean * sp.concentration) < 1e-9);
    assert_true(fabs(misses + 0.5 - (1 - sp.mean) * sp.concentration) < 1e-9);
    assert_true(misses != floor(misses)); /* not rounded to a whole count */
}

static void one_set_keeps_its_own_counts_and_agreeing_sets_stay_narrow(void **state)
{
    const set_rate one[] = {{90, 100}, {0, 0}};
    spread_beta b = spread_beta_fit(one, 2);
    assert_int_equal(b.n_sets, 1);
    assert_true(b.mean == 0.9 && b.concentration == 100);
    const set_rate agreeing[] = {{900, 1000}, {905, 1000}, {895, 1000}, {902, 1000}};
    b = spread_beta_fit(agreeing, 4);
    assert_true(b.low > 0.88 && b.high < 0.92);
    assert_true(b.low < 0.895 && b.high > 0.905); /* every set's own rate inside */
    assert_true(b.concentration > 500);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_genuine_set_flagged_far_more_often_than_the_others_still_gets_a_bound_of_zero),
        cmocka_unit_test(counts_are_kept_as_fractions),
        cmocka_unit_test(one_set_keeps_its_own_counts_and_agreeing_sets_stay_narrow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
