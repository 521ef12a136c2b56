/*
 * bench: how long the core takes to score one account with the shipped models (native), not a test.
 *   make bench-model
 * Scores a fixed set of synthetic accounts (full X profiles, Instagram profiles, list cards) many times and
 * prints nanoseconds per call of tf_model_predict (features, trees, contributions, reasons) and of the
 * trees alone.
 */
#include <stdio.h>
#include <time.h>

#include "model.h"

#define ROUNDS 200000

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(void)
{
    tf_account a[3];
    tf_account_init(&a[0], TF_X, TF_SEEN_PROFILE);
    a[0].handle = "jane_doe1987";
    a[0].name = "Jane Doe";
    a[0].bio = "Runner, reader, coffee.";
    a[0].url = "";
    a[0].followers = 312;
    a[0].following = 4900;
    a[0].posts = 12;
    a[0].likes_given = 3;
    a[0].created_at = 1.6e9;
    a[0].default_avatar = TF_NO;
    tf_account_init(&a[1], TF_INSTAGRAM, TF_SEEN_PROFILE);
    a[1].handle = "xk7q2mz9";
    a[1].name = "";
    a[1].bio = "";
    a[1].followers = 15;
    a[1].following = 1937;
    a[1].posts = 0;
    a[1].default_avatar = TF_YES;
    tf_account_init(&a[2], TF_INSTAGRAM, TF_SEEN_FOLLOWERS);
    a[2].handle = "maria.rossi";
    a[2].name = "Maria Rossi";
    a[2].default_avatar = TF_NO;
    a[2].is_private = TF_YES;
    double now = 1.76e9, sink = 0;
    tf_score s;
    for (int i = 0; i < 1000; i++) /* warm up */
        tf_model_predict(&a[i % 3], now, &s);
    double t0 = seconds();
    for (int i = 0; i < ROUNDS; i++) {
        tf_model_predict(&a[i % 3], now, &s);
        sink += s.p_fake;
    }
    double t1 = seconds();
    float x[TF_N_FEATURES];
    tf_facts f;
    tf_facts_from_account(&a[0], now, &f);
    tf_features_from_facts(&f, x);
    const tf_tree_model *m = tf_model_for(TF_X, 0);
    double t2 = seconds();
    for (int i = 0; i < ROUNDS; i++) {
        x[0] = (float)(i & 1023);
        sink += tf_tree_model_margin(m, x, NULL);
    }
    double t3 = seconds();
    double t4 = seconds();
    for (int i = 0; i < ROUNDS; i++) {
        tf_facts_from_account(&a[i % 3], now, &f);
        tf_features_from_facts(&f, x);
        sink += x[3];
    }
    double t5 = seconds();
    printf("facts and features alone: %.0f ns per account\n", (t5 - t4) / ROUNDS * 1e9);
    printf("tf_model_predict (features, trees, contributions, 3 reasons): %.0f ns per account\n",
           (t1 - t0) / ROUNDS * 1e9);
    printf("profile trees alone (%d trees): %.0f ns per account\n", m->n_trees, (t3 - t2) / ROUNDS * 1e9);
    return sink == 42 ? 1 : 0;
}
