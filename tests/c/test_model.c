/*
 * The scoring model in the core: features from what a page shows, the choice of model, the tree evaluator,
 * reasons and the held-out error rates. (That the evaluator equals XGBoost on every labelled row is proven
 * by `make test-model-equality`, which needs the XGBoost library.)
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model.h"
#include "profile_features.h"
#include "reasons.h"

/* cmocka's float assertion works in float; these compare doubles. */
#define assert_near(a, b, eps) assert_true(fabs((double)(a) - (double)(b)) <= (eps))

#define NOW 1760000000.0
#define DAY 86400.0

static tf_account bought_looking(void)
{
    tf_account a;
    tf_account_init(&a, TF_X, TF_SEEN_FOLLOWERS);
    a.handle = "kq83720194";
    a.name = "kq83720194";
    a.bio = "";
    a.url = "";
    a.followers = 12;
    a.following = 4900;
    a.posts = 0;
    a.likes_given = 0;
    a.created_at = NOW - 40 * DAY;
    a.default_avatar = TF_YES;
    a.verified = TF_NO;
    a.is_private = TF_NO;
    return a;
}

static tf_account ordinary_person(void)
{
    tf_account a;
    tf_account_init(&a, TF_X, TF_SEEN_FOLLOWERS);
    a.handle = "annabianchi";
    a.name = "Anna Bianchi";
    a.bio = "Teacher in Turin. Books, bikes and bad puns.";
    a.url = "";
    a.followers = 420;
    a.following = 380;
    a.posts = 2300;
    a.likes_given = 5100;
    a.created_at = NOW - 9 * 365 * DAY;
    a.default_avatar = TF_NO;
    a.verified = TF_NO;
    a.is_private = TF_NO;
    return a;
}

static void a_field_the_page_did_not_show_is_missing_not_zero(void **state)
{
    (void)state;
    tf_account a;
    tf_account_init(&a, TF_INSTAGRAM, TF_SEEN_FOLLOWERS);
    a.handle = "maria.rossi";
    tf_facts f;
    float x[TF_N_FEATURES];
    tf_facts_from_account(&a, NOW, &f);
    tf_features_from_facts(&f, x);
    assert_true(isnan(x[TF_F_FOLLOWERS]));
    assert_true(isnan(x[TF_F_FOLLOWERS_PER_FOLLOWING]));
    assert_true(isnan(x[TF_F_FOLLOWING_PER_FOLLOWERS_SQ]));
    assert_true(isnan(x[TF_F_POSTS_PER_DAY]));
    assert_true(isnan(x[TF_F_BIO_LENGTH]));
    assert_true(isnan(x[TF_F_DEFAULT_AVATAR]));
    assert_near(x[TF_F_HANDLE_LENGTH], 11, 0);
}

static void ratios_and_rates_follow_their_definitions(void **state)
{
    (void)state;
    tf_account a = bought_looking();
    tf_facts f;
    float x[TF_N_FEATURES];
    tf_facts_from_account(&a, NOW, &f);
    tf_features_from_facts(&f, x);
    assert_near(x[TF_F_FOLLOWERS_PER_FOLLOWING], 12.0 / 4900.0, 1e-6);
    assert_near(x[TF_F_FOLLOWING_PER_FOLLOWERS_SQ], 4900.0 / 144.0, 1e-3);
    assert_near(x[TF_F_AGE_DAYS], 40, 1e-3);
    assert_near(x[TF_F_POSTS_PER_DAY], 0, 0);
    assert_near(x[TF_F_DEFAULT_AVATAR], 1, 0);
    assert_near(x[TF_F_BIO_LENGTH], 0, 0);
    assert_near(x[TF_F_NAME_IS_HANDLE], 1, 0);
}

static void the_handle_and_name_shapes_are_measured(void **state)
{
    (void)state;
    tf_facts f;
    tf_facts_init(&f);
    tf_measure_handle("@xkcdq_42a", &f);
    assert_near(f.handle_length, 9, 0);
    assert_near(f.handle_digits, 2, 0);
    assert_near(f.handle_digit_share, 2.0 / 9.0, 1e-12);
    assert_near(f.handle_switches, 3, 0); /* letters _ digits letter */
    assert_near(f.handle_consonant_run, 5, 0);
    tf_measure_name("Zoë Müller 2", "zoemueller", &f);
    assert_near(f.name_length, 12, 0); /* code points, not bytes */
    assert_near(f.name_words, 3, 0);
    assert_near(f.name_is_handle, 0, 0);
    assert_near(f.name_handle_overlap, 0.4, 1e-12); /* "ller": ASCII letters only, "zomller2" against "zoemueller" */
}

static void a_card_view_hides_what_a_card_does_not_show(void **state)
{
    (void)state;
    float x[TF_N_FEATURES];
    tf_account a = ordinary_person();
    tf_facts f;
    tf_facts_from_account(&a, NOW, &f);
    tf_features_from_facts(&f, x);
    tf_features_mask_view(x, tf_view_bit(TF_INSTAGRAM, 1));
    assert_true(isnan(x[TF_F_FOLLOWERS]));
    assert_true(isnan(x[TF_F_BIO_LENGTH]));
    assert_false(isnan(x[TF_F_HANDLE_LENGTH]));
    assert_false(isnan(x[TF_F_DEFAULT_AVATAR]));
}

static void the_model_is_chosen_by_platform_and_by_what_the_account_shows(void **state)
{
    (void)state;
    tf_account a = ordinary_person();
    assert_false(tf_model_is_card(&a));
    /* one profile model for every platform's profiles; the card model only for entries without counts */
    for (tf_platform p = TF_X; p < TF_PLATFORM_COUNT; p++) {
        assert_string_equal(tf_model_for(p, 0)->name, "profile");
        assert_string_equal(tf_model_for(p, 1)->name, "card");
    }
    a.followers = a.following = a.posts = NAN;
    assert_true(tf_model_is_card(&a));
}

static void every_shipped_model_reads_the_cores_features(void **state)
{
    (void)state;
    char why[200];
    assert_int_equal(tf_n_shipped_models, 2);
    for (int i = 0; i < tf_n_shipped_models; i++) {
        const tf_tree_model *m = tf_shipped_models[i];
        assert_int_equal(tf_tree_model_check(m, why, sizeof why), 0);
        assert_true(m->n_trees > 0);
        assert_true(m->calibration_a > 0);
        /* the uncertain band holds the cut the audit's rates were measured at */
        assert_true(m->band_low <= m->rates.threshold && m->rates.threshold <= m->band_high);
    }
}

static void path_contributions_add_up_to_the_margin(void **state)
{
    (void)state;
    tf_account accounts[2] = {bought_looking(), ordinary_person()};
    for (int k = 0; k < 2; k++) {
        tf_facts f;
        float x[TF_N_FEATURES], contrib[TF_N_FEATURES + 1];
        tf_facts_from_account(&accounts[k], NOW, &f);
        tf_features_from_facts(&f, x);
        const tf_tree_model *m = tf_model_for(TF_X, 0);
        float margin = tf_tree_model_margin(m, x, contrib);
        double sum = 0;
        for (int i = 0; i <= TF_N_FEATURES; i++)
            sum += contrib[i];
        assert_near(sum, margin, 1e-4);
        assert_near(tf_tree_model_margin(m, x, NULL), margin, 0);
        /* collection artefacts and shapes whose effect flips between data sets are not used */
        static const tf_feature_id unused[] = {TF_F_BIO_LINK, TF_F_VERIFIED, TF_F_HANDLE_LENGTH, TF_F_HANDLE_DIGITS,
                                               TF_F_HANDLE_DIGIT_SHARE, TF_F_NAME_DIGIT_SHARE, TF_F_NAME_WORDS};
        for (size_t i = 0; i < sizeof unused / sizeof *unused; i++)
            assert_near(contrib[unused[i]], 0, 0);
    }
}

static void a_bought_looking_account_scores_fake_and_an_ordinary_one_real(void **state)
{
    (void)state;
    tf_account fake = bought_looking(), real = ordinary_person();
    tf_score s;
    tf_model_predict(&fake, NOW, &s);
    assert_true(s.p_fake > 0.9);
    assert_int_equal(s.n_reasons, 3);
    assert_true(s.reasons[0].effect > 0);
    tf_model_predict(&real, NOW, &s);
    assert_true(s.p_fake < 0.1);
    assert_true(s.n_reasons >= 1 && s.reasons[0].effect < 0);
}

static void reasons_are_plain_words_with_thousands_separators(void **state)
{
    (void)state;
    tf_account fake = bought_looking();
    tf_score s;
    tf_model_predict(&fake, NOW, &s);
    int found = 0;
    for (int i = 0; i < s.n_reasons; i++) {
        assert_true(strlen(s.reasons[i].text) > 0);
        if (strcmp(s.reasons[i].text, "follows 4,900 accounts; 12 followers") == 0) {
            /* the same sentence for translation: its shape and the numbers it names */
            assert_string_equal(s.reasons[i].words.key, "network_both");
            assert_int_equal(s.reasons[i].words.n_args, 2);
            assert_true(s.reasons[i].words.args[0] == 4900 && s.reasons[i].words.args[1] == 12);
            found = 1;
        }
    }
    assert_true(found);
    char buf[32];
    tf_format_count(1234567, buf, sizeof buf);
    assert_string_equal(buf, "1,234,567");
    tf_format_count(999, buf, sizeof buf);
    assert_string_equal(buf, "999");
    tf_format_count(0, buf, sizeof buf);
    assert_string_equal(buf, "0");
    tf_format_count(NAN, buf, sizeof buf);
    assert_string_equal(buf, "?");
}

static void held_out_error_rates_come_with_their_counts(void **state)
{
    (void)state;
    tf_error_rates r;
    tf_model_error_rates(TF_X, &r);
    const tf_tree_model *m = tf_model_for(TF_X, 0);
    assert_true(r.true_pos + r.false_neg > 0 && r.true_neg + r.false_pos > 0);
    assert_near(r.true_pos, m->rates.tp, 0);
    assert_near(m->rates.sensitivity, r.true_pos / (r.true_pos + r.false_neg), 1e-6);
    assert_near(m->rates.specificity, r.true_neg / (r.true_neg + r.false_pos), 1e-6);
    assert_true(tf_model_measured_on(TF_X));
    assert_true(tf_model_measured_on(TF_TIKTOK));
    assert_false(tf_model_measured_on(TF_BLUESKY));
    /* a list card is judged by the card model, and so are its error rates */
    tf_account card;
    tf_account_init(&card, TF_INSTAGRAM, TF_SEEN_FOLLOWERS);
    card.handle = "maria.rossi";
    tf_model_error_rates_for(&card, &r);
    assert_near(r.true_pos, tf_model_find("card")->rates.tp, 0);
}

/* The demo accounts as a profile page of each platform shows them: what the platform shows and nothing else. */
static tf_account demo_account(tf_platform p, int bought)
{
    tf_account a;
    tf_account_init(&a, p, TF_SEEN_PROFILE);
    a.handle = bought ? "dealfinder4821" : "examplestudio";
    a.name = bought ? "dealfinder4821" : "Example Studio";
    a.bio = bought ? "" : "Design studio. Prints, type and the odd poster.";
    a.followers = bought ? 3 : 12840;
    a.following = bought ? 4980 : 312;
    a.posts = bought ? 0 : 1460;
    if (p != TF_INSTAGRAM && p != TF_YOUTUBE) /* neither page shows a creation date */
        a.created_at = NOW - (bought ? 120 : 13 * 365.25) * DAY;
    if (p != TF_TIKTOK && p != TF_YOUTUBE) /* nor a default-picture mark on these two */
        a.default_avatar = bought ? TF_YES : TF_NO;
    if (p == TF_YOUTUBE) { /* a channel page shows subscribers (rounded) and videos, not whom it follows */
        a.following = NAN;
        a.followers = bought ? 3 : 13000;
    }
    a.verified = TF_NO;
    a.is_private = TF_NO;
    return a;
}

static void the_demo_accounts_get_the_same_verdict_on_every_platform(void **state)
{
    (void)state;
    for (tf_platform p = TF_X; p < TF_PLATFORM_COUNT; p++) {
        tf_score s;
        tf_account real = demo_account(p, 0), bought = demo_account(p, 1);
        tf_model_predict(&real, NOW, &s);
        const tf_tree_model *m = tf_model_for(p, 0);
        if (!(s.p_fake < m->band_low))
            fail_msg("%s: the studio scores p_fake %.3f, not below the uncertain band (%.2f)", tf_platform_name(p),
                     s.p_fake, m->band_low);
        tf_model_predict(&bought, NOW, &s);
        /* A YouTube channel page shows subscribers and videos, not whom it follows: 3 subscribers and no videos is
         * also what a viewer's channel looks like, so there the model may only say "uncertain", never "real". */
        double bar = p == TF_YOUTUBE ? m->band_low : m->band_high;
        if (!(s.p_fake >= bar))
            fail_msg("%s: dealfinder4821 scores p_fake %.3f, below %.3f", tf_platform_name(p), s.p_fake, bar);
        /* no reason says a sign of a bought account made it look more real */
        for (int i = 0; i < s.n_reasons; i++)
            if (s.reasons[i].effect < 0)
                fail_msg("%s: dealfinder4821's reason \"%s\" lowers p_fake", tf_platform_name(p), s.reasons[i].text);
    }
}

static void an_account_showing_only_its_handle_and_name_is_not_judged(void **state)
{
    (void)state;
    tf_account a;
    tf_account_init(&a, TF_X, TF_SEEN_FOLLOWERS);
    a.handle = "kq83720194";
    tf_score s;
    tf_score_account(&a, NOW, NULL, &s);
    assert_int_equal(s.verdict, TF_NOT_ENOUGH_DATA);
    assert_true(isnan(s.p_fake));
    assert_int_equal(s.n_reasons, 0);
    assert_string_equal(tf_verdict_name(s.verdict), "not-enough-data");
    a.name = "kq83720194";
    assert_false(tf_account_shows_enough(&a));
    a.default_avatar = TF_YES; /* a name and an avatar: what a list card shows */
    assert_true(tf_account_shows_enough(&a));
    tf_score_account(&a, NOW, NULL, &s);
    assert_true(s.p_fake >= 0 && s.p_fake <= 1 && s.verdict != TF_NOT_ENOUGH_DATA);
    tf_account_init(&a, TF_X, TF_SEEN_FOLLOWERS);
    a.handle = "kq83720194";
    a.followers = 3, a.following = 900; /* two counts */
    assert_true(tf_account_shows_enough(&a));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_field_the_page_did_not_show_is_missing_not_zero),
        cmocka_unit_test(an_account_showing_only_its_handle_and_name_is_not_judged),
        cmocka_unit_test(the_demo_accounts_get_the_same_verdict_on_every_platform),
        cmocka_unit_test(ratios_and_rates_follow_their_definitions),
        cmocka_unit_test(the_handle_and_name_shapes_are_measured),
        cmocka_unit_test(a_card_view_hides_what_a_card_does_not_show),
        cmocka_unit_test(the_model_is_chosen_by_platform_and_by_what_the_account_shows),
        cmocka_unit_test(every_shipped_model_reads_the_cores_features),
        cmocka_unit_test(path_contributions_add_up_to_the_margin),
        cmocka_unit_test(a_bought_looking_account_scores_fake_and_an_ordinary_one_real),
        cmocka_unit_test(reasons_are_plain_words_with_thousands_separators),
        cmocka_unit_test(held_out_error_rates_come_with_their_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
