/*
 * The model file reader: the committed model files read at run time equal the compiled-in models, every
 * kind of damage to a file is refused with a reason, and a model read from a file scores in place of the
 * shipped one until the shipped models are restored. Run from the repository's root (make test-c).
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

#include "cJSON.h"
#include "model_file.h"
#include "read_file.h"
#include "report.h"

static char *read_text(const char *path, size_t *len)
{
    char *text = read_whole_file(path, SIZE_MAX, len);
    assert_non_null(text);
    assert_true(*len > 0);
    return text;
}

/* 1 when the trees below node i are the same, node for node. */
static int same_subtree(const tf_tree_node *a, const tf_tree_node *b, int i)
{
    const tf_tree_node *x = &a[i], *y = &b[i];
    if (x->value != y->value || x->mean != y->mean || x->left != y->left || x->right != y->right ||
        x->feature != y->feature || x->default_left != y->default_left)
        return 0;
    return x->left < 0 || (same_subtree(a, b, x->left) && same_subtree(a, b, x->right));
}

static void every_model_file_reads_as_the_compiled_in_model(void **state)
{
    (void)state;
    for (int i = 0; i < tf_n_shipped_models; i++) {
        const tf_tree_model *shipped = tf_shipped_models[i];
        char path[128], why[256] = "";
        size_t len;
        snprintf(path, sizeof path, "wasm/models/%s.tfm", shipped->name);
        char *text = read_text(path, &len);
        tf_tree_model *m = tf_model_file_read(text, len, why, sizeof why);
        free(text);
        if (!m)
            fail_msg("%s: %s", path, why);
        assert_string_equal(m->name, shipped->name);
        assert_string_equal(m->version, shipped->version);
        assert_int_equal(m->n_trees, shipped->n_trees);
        assert_true(m->base_margin == shipped->base_margin);
        assert_true(m->calibration_a == shipped->calibration_a && m->calibration_b == shipped->calibration_b);
        assert_true(m->trained_x == shipped->trained_x && m->trained_instagram == shipped->trained_instagram);
        assert_true(m->rates.tp == shipped->rates.tp && m->rates.fn == shipped->rates.fn);
        assert_true(m->rates.tn == shipped->rates.tn && m->rates.fp == shipped->rates.fp);
        assert_true(fabs(m->rates.sensitivity - shipped->rates.sensitivity) < 1e-6);
        assert_true(fabs(m->rates.specificity - shipped->rates.specificity) < 1e-6);
        assert_true(m->band_low == shipped->band_low && m->band_high == shipped->band_high);
        assert_true(m->unseen_high == shipped->unseen_high && m->band_high <= m->unseen_high);
        assert_true(m->band_low <= m->rates.threshold && m->rates.threshold <= m->band_high);
        for (int t = 0; t < m->n_trees; t++) {
            assert_int_equal(m->tree_start[t], shipped->tree_start[t]);
            assert_int_equal(same_subtree(m->nodes + m->tree_start[t], shipped->nodes + shipped->tree_start[t], 0),
                             1);
        }
        tf_model_file_free(m);
    }
}

/* A small valid model: two trees over the core's columns, taken from the card model's header, with error rates
 * of its own (fractional counts, as the spread across data sets gives them). */
static char *small_model(void)
{
    size_t len;
    char *card = read_text("wasm/models/card.tfm", &len);
    char *trees = strstr(card, "\ntrees "), *rates = strstr(card, "\nerror_rates ");
    assert_non_null(trees);
    assert_non_null(rates);
    rates[1] = '\0'; /* and no band: the tests add their own */
    size_t cap = strlen(card) + 256;
    char *text = malloc(cap);
    assert_non_null(text);
    snprintf(text, cap,
             "%serror_rates 0.999 2.5 890.5 1.5 0.75\n"
             "trees 2\ntree 3\n1 2 0 1 2.5 0.1\n-1 -1 0 0 -0.25 -0.25\n-1 -1 0 0 0.5 0.5\ntree 1\n-1 -1 0 0 0.125 0.125\n",
             card);
    free(card);
    return text;
}

/* `text` with its first `find` replaced by `with`. */
static char *edited(const char *text, const char *find, const char *with)
{
    const char *at = strstr(text, find);
    if (!at)
        fail_msg("no \"%s\" in the model to edit", find);
    size_t cap = strlen(text) + strlen(with) + 1;
    char *out = malloc(cap);
    assert_non_null(out);
    snprintf(out, cap, "%.*s%s%s", (int)(at - text), text, with, at + strlen(find));
    return out;
}

static void a_small_valid_model_reads_and_scores_its_trees(void **state)
{
    (void)state;
    char *text = small_model(), why[256] = "";
    tf_tree_model *m = tf_model_file_read(text, strlen(text), why, sizeof why);
    if (!m)
        fail_msg("%s", why);
    float x[TF_N_FEATURES];
    for (int i = 0; i < TF_N_FEATURES; i++)
        x[i] = 0;
    x[0] = 1; /* below 2.5: left leaf */
    assert_true(tf_tree_model_margin(m, x, NULL) == m->base_margin + -0.25f + 0.125f);
    x[0] = NAN; /* missing: default left */
    assert_true(tf_tree_model_margin(m, x, NULL) == m->base_margin + -0.25f + 0.125f);
    x[0] = 3;
    assert_true(tf_tree_model_margin(m, x, NULL) == m->base_margin + 0.5f + 0.125f);
    /* fractional error counts are kept as written */
    assert_true(m->rates.tp == 2.5 && m->rates.fn == 890.5 && m->rates.tn == 1.5 && m->rates.fp == 0.75);
    assert_true(fabs(m->rates.specificity - 1.5 / 2.25) < 1e-12);
    tf_model_file_free(m);
    free(text);
}

static void a_verdict_band_line_is_read_and_its_absence_means_no_band(void **state)
{
    (void)state;
    char *plain = small_model(), why[256] = "";
    tf_tree_model *m = tf_model_file_read(plain, strlen(plain), why, sizeof why);
    if (!m)
        fail_msg("%s", why);
    assert_true(m->band_low == m->rates.threshold && m->band_high == m->rates.threshold);
    tf_model_file_free(m);
    char *banded = edited(plain, "\ntrees 2\n", "\n  verdict_band 0.35 0.9995\r\ntrees 2\n");
    m = tf_model_file_read(banded, strlen(banded), why, sizeof why);
    if (!m)
        fail_msg("%s", why);
    assert_true(m->band_low == 0.35 && m->band_high == 0.9995);
    assert_true(m->unseen_high == 0.9995); /* no cut of its own for unseen platforms: the band's */
    assert_int_equal(m->n_trees, 2);
    tf_model_file_free(m);
    char *unseen = edited(banded, "\ntrees 2\n", "\nunseen_platform_cut 0.9998\ntrees 2\n");
    m = tf_model_file_read(unseen, strlen(unseen), why, sizeof why);
    if (!m)
        fail_msg("%s", why);
    assert_true(m->band_high == 0.9995 && m->unseen_high == 0.9998);
    tf_model_file_free(m);
    free(unseen);
    free(banded);
    free(plain);
}

static void every_kind_of_damage_is_refused_with_a_reason(void **state)
{
    (void)state;
    static const struct {
        const char *find, *with, *reason;
    } damage[] = {
        {"truefollow-model 1", "truefollow-model 2", "not a truefollow model file"},
        {"truefollow-model 1", "{\"learner\": {}}", "not a truefollow model file"},
        {"name card", "name <script>", "holds other than"},
        {"columns 24 followers", "columns 23 followers", "columns"},
        {"columns 24 followers", "columns 24 follower", "column 0"},
        {"trees 2", "trees 0", "not a whole number from 1"},
        {"trees 2", "trees 99999999999999999999", "not a whole number"},
        {"trees 2", "trees 3", "ends early"},
        {"tree 3\n", "tree 40000\n", "not a whole number from 1 to 32767"},
        {"1 2 0 1 2.5", "0 2 0 1 2.5", "children must both come after it"},
        {"1 2 0 1 2.5", "1 3 0 1 2.5", "not a whole number from -1 to 2"},
        {"1 2 0 1 2.5", "1 2 24 1 2.5", "not a whole number from 0 to 23"},
        {"1 2 0 1 2.5", "1 2 0 7 2.5", "not a whole number from 0 to 1"},
        {"1 2 0 1 2.5", "1 2 0 1 nan", "not a finite number"},
        {"1 2 0 1 2.5", "1 2 0 1 inf", "not a finite number"},
        {"1 2 0 1 2.5", "1 2 0 1 1e400", "not a finite number"},
        {"1 2 0 1 2.5", "1 2 0 1 1e300", "out of a float's range"},
        {"1 2 0 1 2.5 0.1", "1 2 0 1 2.5", "a node wants 6 values"},
        {"1 2 0 1 2.5", "1 2 0 1 2,5", "not a finite number"},
        {"-1 -1 0 0 0.125 0.125\n", "-1 -1 0 0 0.125 0.125\ntree 1\n", "after the last tree"},
        {"error_rates 0.999", "error_rates 1.5", "threshold"},
        {"error_rates 0.999 2.5 890.5", "error_rates 0.999 0 0", "held-out fakes"},
        {"error_rates 0.999 2.5", "error_rates 0.999 -3", "not a count from 0"},
        {"error_rates 0.999 2.5", "error_rates 0.999 2e9", "not a count from 0"},
        {"error_rates 0.999 2.5", "error_rates 0.999 nan", "not a finite number"},
        {"calibration 1.12", "calibration -1", "slope"},
        {"trained 16762368", "trained 99999999999", "feature bits"},
        {"trained 16762368", "trained -1", "feature bits"},
        {"\ntrees 2\n", "\nverdict_band 0.9995 0.9999\ntrees 2\n", "low <= threshold"},
        {"\ntrees 2\n", "\nverdict_band 0.2 0.4\ntrees 2\n", "threshold <= high"},
        {"\ntrees 2\n", "\nverdict_band 0 0.9995\ntrees 2\n", "0 < low"},
        {"\ntrees 2\n", "\nverdict_band 0.3 1.5\ntrees 2\n", "high <= 1"},
        {"\ntrees 2\n", "\nverdict_band 0.3\ntrees 2\n", "wants 2 values"},
        {"\ntrees 2\n", "\nverdict_band 0.3 nan\ntrees 2\n", "not a finite number"},
        {"\ntrees 2\n", "\nverdict_band_x 0.3 0.9995\ntrees 2\n", "expected \"trees\""},
        {"\ntrees 2\ntree 3\n", "\ntrees 2\nverdict_band 0.3 0.9995\ntree 3\n", "expected \"tree\""},
        {"\ntrees 2\n", "\nverdict_band 0.3 0.9995\nunseen_platform_cut 0.999\ntrees 2\n", "high <= cut"},
        {"\ntrees 2\n", "\nverdict_band 0.3 0.9995\nunseen_platform_cut 1.01\ntrees 2\n", "cut <= 1"},
        {"\ntrees 2\n", "\nverdict_band 0.3 0.9995\nunseen_platform_cut 0.9998 1\ntrees 2\n", "wants 1 value"},
        {"\ntrees 2\n", "\nverdict_band 0.3 0.9995\nunseen_platform_cut inf\ntrees 2\n", "not a finite number"},
        {"\ntrees 2\n", "\nunseen_platform_cut 0.9998\nverdict_band 0.3 0.9995\ntrees 2\n", "expected \"trees\""},
    };
    char *valid = small_model();
    for (size_t i = 0; i < sizeof damage / sizeof *damage; i++) {
        char *text = edited(valid, damage[i].find, damage[i].with), why[256] = "";
        tf_tree_model *m = tf_model_file_read(text, strlen(text), why, sizeof why);
        if (m || !strstr(why, damage[i].reason))
            fail_msg("\"%s\" -> \"%s\": %s (wanted \"%s\")", damage[i].find, damage[i].with, m ? "read" : why,
                     damage[i].reason);
        free(text);
    }
    /* A NUL byte inside, and every truncation before the last tree's last value. */
    char why[256] = "";
    size_t len = strlen(valid);
    char *nul = malloc(len);
    assert_non_null(nul);
    memcpy(nul, valid, len);
    nul[len / 2] = '\0';
    assert_null(tf_model_file_read(nul, len, why, sizeof why));
    assert_non_null(strstr(why, "NUL"));
    free(nul);
    size_t last_value = (size_t)(strrchr(valid, ' ') - valid);
    for (size_t cut = 0; cut <= last_value; cut++) {
        why[0] = '\0';
        tf_tree_model *m = tf_model_file_read(valid, cut, why, sizeof why);
        if (m)
            fail_msg("the first %zu of %zu bytes read as a model", cut, len);
        assert_true(why[0] != '\0');
    }
    free(valid);
}

static void a_model_read_from_a_file_scores_until_the_shipped_one_is_restored(void **state)
{
    (void)state;
    tf_account a;
    tf_account_init(&a, TF_X, TF_SEEN_PROFILE);
    a.handle = "plainaccount";
    a.followers = 300;
    a.following = 280;
    a.posts = 1500;
    a.created_at = 1500000000;
    tf_score shipped, replaced, restored;
    tf_model_predict(&a, 1760000000, &shipped);
    const char *shipped_version = tf_model_version();

    size_t len;
    char *text = read_text("wasm/models/profile.tfm", &len), why[256] = "";
    char *pushed = edited(text, "base_margin ", "base_margin 6 "); /* "base_margin 6 <old>": two values */
    assert_null(tf_model_file_read(pushed, strlen(pushed), why, sizeof why));
    free(pushed);
    const char *old_margin = strstr(text, "base_margin ");
    assert_non_null(old_margin);
    char line[64];
    snprintf(line, sizeof line, "%.*s", (int)strcspn(old_margin, "\n"), old_margin);
    pushed = edited(text, line, "base_margin 6");
    char *renamed = edited(pushed, "version profile-", "version profile-retrained-");
    tf_tree_model *m = tf_model_file_read(renamed, strlen(renamed), why, sizeof why);
    if (!m)
        fail_msg("%s", why);
    assert_int_equal(tf_model_replace(m, why, sizeof why), 0);
    tf_model_predict(&a, 1760000000, &replaced);
    assert_true(replaced.p_fake > shipped.p_fake + 0.1);
    assert_non_null(strstr(tf_model_version(), "profile-retrained-"));

    tf_model_restore_shipped();
    tf_model_predict(&a, 1760000000, &restored);
    assert_true(restored.p_fake == shipped.p_fake);
    assert_string_equal(tf_model_version(), shipped_version);

    m->name = "no-such-model";
    assert_int_equal(tf_model_replace(m, why, sizeof why), -1);
    assert_non_null(strstr(why, "no model named no-such-model"));
    tf_model_file_free(m);
    free(renamed);
    free(pushed);
    free(text);
}

/* The profile model with a verdict band from `low` to `high` and "likely fake" on unseen platforms from `unseen`
 * (NAN: no such line) in place of its own, in place of the shipped one. */
static tf_tree_model *use_model_with_cuts(double low, double high, double unseen)
{
    size_t len;
    char *text = read_text("wasm/models/profile.tfm", &len), band[160], why[256] = "";
    char *own = strstr(text, "\nverdict_band ");
    assert_non_null(own);
    memmove(own, strstr(own, "\ntrees "), strlen(strstr(own, "\ntrees ")) + 1);
    if (isnan(unseen))
        snprintf(band, sizeof band, "\nverdict_band %.17g %.17g\ntrees ", low, high);
    else
        snprintf(band, sizeof band, "\nverdict_band %.17g %.17g\nunseen_platform_cut %.17g\ntrees ", low, high, unseen);
    char *banded = edited(text, "\ntrees ", band);
    tf_tree_model *m = tf_model_file_read(banded, strlen(banded), why, sizeof why);
    if (!m || tf_model_replace(m, why, sizeof why) != 0)
        fail_msg("%s", why);
    free(banded);
    free(text);
    return m;
}

static tf_tree_model *use_model_with_band(double low, double high)
{
    return use_model_with_cuts(low, high, NAN);
}

static tf_account x_account(double followers, double following, double posts, double created_at)
{
    tf_account a;
    tf_account_init(&a, TF_X, TF_SEEN_PROFILE);
    a.handle = "someaccount";
    a.followers = followers, a.following = following, a.posts = posts, a.created_at = created_at;
    a.default_avatar = TF_NO;
    return a;
}

/* Verdicts from a band around each account's own p_fake, so the test holds whatever the shipped trees say. */
static void scores_in_the_verdict_band_read_uncertain_and_the_audits_line_stays_sharp(void **state)
{
    (void)state;
    const double now = 1760000000;
    tf_account accounts[] = {
        x_account(3, 4980, 0, now - 120 * 86400.0),              /* bought-looking */
        x_account(12840, 312, 1460, now - 13 * 365.25 * 86400.0), /* ordinary */
    };
    double thr = tf_model_find("profile")->rates.threshold;
    for (size_t i = 0; i < sizeof accounts / sizeof *accounts; i++) {
        const tf_account *a = &accounts[i];
        tf_score plain, s;
        tf_tree_model *m = use_model_with_band(thr, thr); /* no band */
        tf_score_account(a, now, NULL, &plain);
        double p = plain.p_fake;
        assert_true(plain.verdict == (p >= thr ? TF_FAKE : plain.verdict) && plain.verdict != TF_UNCERTAIN);
        double low, high;
        tf_model_verdict_band_for(a, &low, &high);
        assert_true(low == thr && high == thr);
        tf_model_restore_shipped();
        tf_model_file_free(m);

        m = p >= thr ? use_model_with_band(thr, (p + 1) / 2) : use_model_with_band(p, thr);
        tf_model_verdict_band_for(a, &low, &high);
        assert_true(low <= p && p < high);
        tf_score_account(a, now, NULL, &s);
        assert_true(s.p_fake == p);
        assert_int_equal(s.verdict, TF_UNCERTAIN);
        assert_string_equal(tf_verdict_name(s.verdict), "uncertain");
        /* A chosen threshold (the audit's: where the error rates were measured) is a sharp line, as before. */
        const tf_thresholds at_rates = {thr, tf_default_thresholds.inactive_posts_per_year,
                                        tf_default_thresholds.inactive_days_silent};
        tf_score_account(a, now, &at_rates, &s);
        assert_int_equal(s.verdict, plain.verdict);
        tf_model_restore_shipped();
        tf_model_file_free(m);

        /* At the band's high edge "likely fake"; below its low edge real or inactive. */
        m = p >= thr ? use_model_with_band(thr, p) : use_model_with_band((p + thr) / 2, thr);
        tf_score_account(a, now, NULL, &s);
        assert_int_equal(s.verdict, plain.verdict);
        assert_true(p >= thr ? s.verdict == TF_FAKE : (s.verdict == TF_REAL || s.verdict == TF_INACTIVE));
        tf_model_restore_shipped();
        tf_model_file_free(m);
    }
}

/* On a platform without labelled data "likely fake" starts at the model's unseen_platform_cut: the same account,
 * with the same p_fake (these platforms read profiles with X's features), reads "likely fake" on X and
 * "uncertain" on Bluesky, Mastodon and YouTube between the two cuts, and "likely fake" everywhere from the higher. */
static void unseen_platforms_read_likely_fake_only_from_their_own_cut(void **state)
{
    (void)state;
    const double now = 1760000000;
    tf_account x = x_account(3, 4980, 0, now - 120 * 86400.0);
    tf_score s;
    tf_score_account(&x, now, NULL, &s);
    const double p = s.p_fake, thr = tf_model_find("profile")->rates.threshold;
    assert_true(p > thr); /* bought-looking: above the shipped band's high edge */
    const tf_platform unseen[] = {TF_BLUESKY, TF_MASTODON, TF_YOUTUBE};
    double p_unseen[3], low[3], high[3];
    tf_verdict on_x[2], verdict[2][3];
    for (int at = 0; at < 2; at++) {
        /* the unseen platforms' cut above this account's p_fake, then at it */
        tf_tree_model *m = use_model_with_cuts(thr / 2, thr, at ? p : (p + 1) / 2);
        tf_score_account(&x, now, NULL, &s);
        on_x[at] = s.verdict;
        for (size_t i = 0; i < 3; i++) {
            tf_account a = x;
            a.platform = unseen[i];
            tf_score_account(&a, now, NULL, &s);
            p_unseen[i] = s.p_fake;
            verdict[at][i] = s.verdict;
            tf_model_verdict_band_for(&a, &low[i], &high[i]);
        }
        tf_model_restore_shipped();
        tf_model_file_free(m);
        assert_int_equal(on_x[at], TF_FAKE);
        for (size_t i = 0; i < 3; i++) {
            assert_true(p_unseen[i] == p);
            assert_int_equal(verdict[at][i], at ? TF_FAKE : TF_UNCERTAIN);
            assert_true(low[i] == thr / 2 && high[i] == (at ? p : (p + 1) / 2));
        }
    }
}

/* A number field of a JSON object; NAN when it is null or missing. */
static double number_field(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

/* The score JSON says from which p_fake each account reads "likely fake" and whether the model was measured on its
 * platform: the shipped profile model's band edge on X, its unseen_platform_cut on Bluesky, a user's threshold
 * wherever one is set, null for an account not scored. */
static void the_score_json_says_where_likely_fake_starts_for_each_account(void **state)
{
    (void)state;
    const double now = 1760000000;
    const tf_tree_model *profile = tf_model_find("profile");
    assert_true(profile->unseen_high > profile->band_high); /* else X and Bluesky could not be told apart */
    tf_account on_x = x_account(3, 4980, 0, now - 120 * 86400.0), on_bluesky = on_x;
    on_bluesky.platform = TF_BLUESKY;
    const tf_thresholds users = {0.9, tf_default_thresholds.inactive_posts_per_year,
                                 tf_default_thresholds.inactive_days_silent};
    const struct {
        const tf_account *a;
        const tf_thresholds *t;
        double fake_from, fake_from_labelled;
        int labelled;
    } rows[] = {
        {&on_x, NULL, profile->band_high, profile->band_high, 1},
        {&on_bluesky, NULL, profile->unseen_high, profile->band_high, 0},
        {&on_x, &users, 0.9, 0.9, 1},
        {&on_bluesky, &users, 0.9, 0.9, 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        tf_score s;
        tf_score_account(rows[i].a, now, rows[i].t, &s);
        assert_true(s.fake_from == rows[i].fake_from);
        cJSON *o = tf_account_report(rows[i].a, &s);
        assert_non_null(o);
        assert_true(fabs(number_field(o, "fake_from") - rows[i].fake_from) < 5e-7);
        assert_true(fabs(number_field(o, "fake_from_labelled") - rows[i].fake_from_labelled) < 5e-7);
        const cJSON *labelled = cJSON_GetObjectItemCaseSensitive(o, "labelled_platform");
        assert_true(cJSON_IsBool(labelled) && cJSON_IsTrue(labelled) == rows[i].labelled);
        cJSON_Delete(o);
    }
    tf_account handle_only;
    tf_account_init(&handle_only, TF_BLUESKY, TF_SEEN_PROFILE);
    handle_only.handle = "someaccount.bsky.social";
    tf_score s;
    tf_score_account(&handle_only, now, NULL, &s);
    assert_int_equal(s.verdict, TF_NOT_ENOUGH_DATA);
    cJSON *o = tf_account_report(&handle_only, &s);
    assert_non_null(o);
    assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(o, "fake_from")));
    assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(o, "fake_from_labelled")));
    assert_true(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(o, "labelled_platform")));
    cJSON_Delete(o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_model_file_reads_as_the_compiled_in_model),
        cmocka_unit_test(a_small_valid_model_reads_and_scores_its_trees),
        cmocka_unit_test(a_verdict_band_line_is_read_and_its_absence_means_no_band),
        cmocka_unit_test(every_kind_of_damage_is_refused_with_a_reason),
        cmocka_unit_test(scores_in_the_verdict_band_read_uncertain_and_the_audits_line_stays_sharp),
        cmocka_unit_test(unseen_platforms_read_likely_fake_only_from_their_own_cut),
        cmocka_unit_test(the_score_json_says_where_likely_fake_starts_for_each_account),
        cmocka_unit_test(a_model_read_from_a_file_scores_until_the_shipped_one_is_restored),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
