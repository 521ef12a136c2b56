/*
 * The reasons' policy: a reason shown to a user never says that a sign of a bought account (a default
 * picture, an empty bio, following far above followers, few followers or posts, a young account, digits in
 * a handle or a name) made the account look more real, nor that a sign of a real account made it look fake.
 * Judged sentence by sentence (tf_reason_sign), and enforced on the reasons the model gives, with a model
 * whose trees push known signs the wrong way. Run from the repository's root (make test-c).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model_file.h"
#include "read_file.h"
#include "reasons.h"
#include "score.h"

#define NOW 1760000000.0
#define DAY 86400.0

/* The sentence a group gives for these facts, and its sign. */
static int sign_of(tf_feature_group group, tf_feature_id lead, const tf_facts *f, const char *want_key)
{
    char text[160];
    tf_reason_template words;
    tf_reason_text(group, lead, f, text, sizeof text, &words);
    if (strcmp(words.key, want_key) != 0)
        fail_msg("\"%s\" has the key %s, not %s", text, words.key, want_key);
    return tf_reason_sign(&words, f);
}

static tf_facts facts(double followers, double following, double posts, double age_days)
{
    tf_facts f;
    tf_facts_init(&f);
    f.followers = followers, f.following = following, f.posts = posts, f.age_days = age_days;
    return f;
}

static void each_known_sign_is_read_from_what_the_sentence_names(void **state)
{
    (void)state;
    tf_facts fake = facts(3, 4980, 0, 120), real = facts(12840, 312, 1460, 13 * 365.25);
    assert_true(sign_of(TF_G_NETWORK, TF_F_FOLLOWERS, &fake, "network_both") > 0);
    assert_true(sign_of(TF_G_NETWORK, TF_F_FOLLOWERS, &real, "network_both") < 0);
    assert_true(sign_of(TF_G_ACTIVITY, TF_F_POSTS, &fake, "activity_no_posts") > 0);
    assert_true(sign_of(TF_G_ACTIVITY, TF_F_POSTS, &real, "activity_rate") < 0);
    /* Both a sign of a real account (many followers) and of a fake (following far above): neither. */
    tf_facts mixed = facts(5000, 80000, 300, 400);
    assert_int_equal(sign_of(TF_G_NETWORK, TF_F_FOLLOWERS, &mixed, "network_both"), 0);
    /* Middling counts say nothing either way. */
    tf_facts middling = facts(200, 300, 40, 400);
    assert_int_equal(sign_of(TF_G_NETWORK, TF_F_FOLLOWERS, &middling, "network_both"), 0);
    assert_int_equal(sign_of(TF_G_ACTIVITY, TF_F_POSTS, &middling, "activity_rate"), 0);
    tf_facts young = facts(NAN, NAN, NAN, 30), old = facts(NAN, NAN, NAN, 3000);
    assert_true(sign_of(TF_G_ACTIVITY, TF_F_AGE_DAYS, &young, "activity_age") > 0);
    assert_true(sign_of(TF_G_ACTIVITY, TF_F_AGE_DAYS, &old, "activity_age") < 0);

    tf_facts f;
    tf_facts_init(&f);
    f.default_avatar = 1, f.bio_length = 0;
    assert_true(sign_of(TF_G_AVATAR, TF_F_DEFAULT_AVATAR, &f, "avatar_none") > 0);
    assert_true(sign_of(TF_G_BIO, TF_F_BIO_LENGTH, &f, "bio_empty") > 0);
    f.default_avatar = 0, f.bio_length = 44;
    assert_true(sign_of(TF_G_AVATAR, TF_F_DEFAULT_AVATAR, &f, "avatar_set") < 0);
    assert_true(sign_of(TF_G_BIO, TF_F_BIO_LENGTH, &f, "bio_length") < 0);

    /* Digits in a handle or a name are signs of a fake; their absence is no sign of a real account. */
    tf_measure_handle("dealfinder4821", &f);
    tf_measure_name("Deal Finder 4821", "dealfinder4821", &f);
    assert_true(sign_of(TF_G_HANDLE, TF_F_HANDLE_DIGITS, &f, "handle_digits") > 0);
    assert_true(sign_of(TF_G_NAME, TF_F_NAME_DIGIT_SHARE, &f, "name_digits") > 0);
    tf_measure_handle("studiopotterysf", &f);
    tf_measure_name("Studio Pottery", "studiopotterysf", &f);
    assert_int_equal(sign_of(TF_G_HANDLE, TF_F_HANDLE_LENGTH, &f, "handle_length_no_digits"), 0);
    assert_int_equal(sign_of(TF_G_NAME, TF_F_NAME_WORDS, &f, "name_words"), 0);
    /* A data set that gives only the share of digits. */
    tf_facts_init(&f);
    f.handle_digit_share = 0.4;
    assert_true(sign_of(TF_G_HANDLE, TF_F_HANDLE_DIGIT_SHARE, &f, "handle_digit_share") > 0);
    /* Facts without a known direction. */
    f.verified = 1;
    assert_int_equal(sign_of(TF_G_VERIFIED, TF_F_VERIFIED, &f, "verified"), 0);
}

static void a_reason_against_its_known_sign_may_not_be_shown(void **state)
{
    (void)state;
    tf_facts f = facts(3, 4980, 0, 120);
    tf_measure_handle("dealfinder4821", &f);
    tf_reason_template words;
    char text[160];
    tf_reason_text(TF_G_HANDLE, TF_F_HANDLE_DIGITS, &f, text, sizeof text, &words);
    assert_false(tf_reason_may_show(&words, &f, -2.2)); /* "handle has 4 digits" lowering p_fake */
    assert_true(tf_reason_may_show(&words, &f, 0.4));
    tf_reason_text(TF_G_NETWORK, TF_F_FOLLOWERS, &f, text, sizeof text, &words);
    assert_false(tf_reason_may_show(&words, &f, -0.7));
    assert_true(tf_reason_may_show(&words, &f, 1.1));
    tf_facts real = facts(12840, 312, 1460, 13 * 365.25);
    tf_reason_text(TF_G_ACTIVITY, TF_F_POSTS, &real, text, sizeof text, &words);
    assert_false(tf_reason_may_show(&words, &real, 0.5)); /* "1,460 posts in 13 years" raising p_fake */
    assert_true(tf_reason_may_show(&words, &real, -0.5));
    f.verified = 0;
    tf_reason_text(TF_G_VERIFIED, TF_F_VERIFIED, &f, text, sizeof text, &words);
    assert_true(tf_reason_may_show(&words, &f, -0.5) && tf_reason_may_show(&words, &f, 0.5));
}

static char *read_text(const char *path)
{
    size_t len = 0;
    char *text = read_whole_file(path, SIZE_MAX, &len);
    assert_non_null(text);
    assert_true(len > 0);
    return text;
}

/*
 * The profile model's header (every feature trained) with four stumps: a default picture and digits in the
 * handle lower p_fake (against what is known), few followers raise it (as known), being verified raises it
 * (no known direction).
 */
static tf_tree_model *wrong_way_model(void)
{
    char *shipped = read_text("wasm/models/profile.tfm");
    char *trees = strstr(shipped, "\ntrees ");
    assert_non_null(trees);
    trees[1] = '\0';
    char *trained = strstr(shipped, "\ntrained ");
    assert_non_null(trained);
    size_t cap = strlen(shipped) + 1024;
    char *text = malloc(cap);
    assert_non_null(text);
    /* the header up to "trained", every bit set, the rest of the header, the stumps */
    int n = snprintf(text, cap, "%.*s\ntrained %llu %llu%s", (int)(trained - shipped), shipped,
                     (1ull << TF_N_FEATURES) - 1, (1ull << TF_N_FEATURES) - 1, strchr(trained + 1, '\n'));
    snprintf(text + n, cap - (size_t)n,
             "trees 4\n"
             "tree 3\n1 2 %d 1 0.5 0\n-1 -1 0 0 0.5 0.5\n-1 -1 0 0 -1.5 -1.5\n"
             "tree 3\n1 2 %d 1 0.5 0\n-1 -1 0 0 0.5 0.5\n-1 -1 0 0 -1 -1\n"
             "tree 3\n1 2 %d 1 100 0\n-1 -1 0 0 1 1\n-1 -1 0 0 -0.5 -0.5\n"
             "tree 3\n1 2 %d 1 0.5 0\n-1 -1 0 0 -0.25 -0.25\n-1 -1 0 0 0.75 0.75\n",
             TF_F_DEFAULT_AVATAR, TF_F_HANDLE_DIGITS, TF_F_FOLLOWERS, TF_F_VERIFIED);
    free(shipped);
    char why[256] = "";
    tf_tree_model *m = tf_model_file_read(text, strlen(text), why, sizeof why);
    free(text);
    if (!m)
        fail_msg("%s", why);
    return m;
}

static int shows_key(const tf_score *s, const char *key)
{
    for (int i = 0; i < s->n_reasons; i++)
        if (strcmp(s->reasons[i].words.key, key) == 0)
            return 1;
    return 0;
}

static void the_model_never_shows_a_sign_of_a_fake_as_making_an_account_look_real(void **state)
{
    (void)state;
    tf_tree_model *m = wrong_way_model();
    char why[256] = "";
    if (tf_model_replace(m, why, sizeof why) != 0)
        fail_msg("%s", why);
    tf_account a;
    tf_account_init(&a, TF_X, TF_SEEN_PROFILE);
    a.handle = "dealfinder4821";
    a.name = "Deal Finder";
    a.followers = 3, a.following = 4980, a.posts = 0;
    a.created_at = NOW - 120 * DAY;
    a.default_avatar = TF_YES;
    a.verified = TF_YES;
    tf_score s;
    tf_model_predict(&a, NOW, &s);
    /* The stumps' effects: avatar -1.5 and handle -1 (withheld), followers +1 and verified +0.75 (shown). */
    assert_int_equal(s.n_reasons, 2);
    assert_true(shows_key(&s, "network_both") && shows_key(&s, "verified"));
    assert_false(shows_key(&s, "avatar_none") || shows_key(&s, "handle_digits"));

    /* The same stumps on an account without those signs: a picture raising p_fake goes against what is known
     * (withheld); a handle without digits says nothing known (shown as it pushes); many followers lower it. */
    a.handle = "studiopottery";
    a.default_avatar = TF_NO;
    a.followers = 12840, a.following = 312;
    tf_model_predict(&a, NOW, &s);
    assert_int_equal(s.n_reasons, 3);
    assert_true(shows_key(&s, "verified") && shows_key(&s, "handle_length_no_digits") && shows_key(&s, "network_both"));
    assert_false(shows_key(&s, "avatar_set"));
    tf_model_restore_shipped();
    tf_model_file_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_known_sign_is_read_from_what_the_sentence_names),
        cmocka_unit_test(a_reason_against_its_known_sign_may_not_be_shown),
        cmocka_unit_test(the_model_never_shows_a_sign_of_a_fake_as_making_an_account_look_real),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
