/*
 * tf_model_file_read: a model file (truefollow score --model FILE). A file it accepts must be safe to score
 * with: every tree walk ends at a leaf inside the model, for any feature values, missing ones included.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz.h"
#include "model_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char why[256];
    why[0] = '\0';
    tf_tree_model *m = tf_model_file_read((const char *)data, size, why, sizeof why);
    if (!m) {
        TF_FUZZ_CHECK(why[0] != '\0');
        return 0;
    }
    TF_FUZZ_CHECK(m->n_trees > 0 && m->calibration_a > 0);
    TF_FUZZ_CHECK(m->band_low > 0 && m->band_low <= m->rates.threshold && m->rates.threshold <= m->band_high &&
                  m->band_high <= 1);
    static const float probes[] = {NAN, 0.0f, -1.0f, 1.0f, 1e30f, -1e30f};
    float x[TF_N_FEATURES], contrib[TF_N_FEATURES + 1];
    for (size_t p = 0; p < sizeof probes / sizeof *probes; p++) {
        for (int i = 0; i < TF_N_FEATURES; i++)
            x[i] = (i + (int)p) % 3 ? probes[p] : probes[(p + 1) % (sizeof probes / sizeof *probes)];
        float margin = tf_tree_model_margin(m, x, contrib);
        double prob = tf_tree_model_calibrate(m, margin);
        TF_FUZZ_CHECK(isnan(prob) || (prob >= 0 && prob <= 1));
    }
    /* Scoring through the registry, as the command line does, and back. */
    TF_FUZZ_CHECK(tf_model_replace(m, why, sizeof why) == 0 || why[0] != '\0');
    tf_account a;
    tf_account_init(&a, TF_X, TF_SEEN_PROFILE);
    a.followers = 10;
    a.following = 2000;
    tf_score score;
    tf_score_account(&a, 1790000000, NULL, &score); /* the model's verdict band decides */
    TF_FUZZ_CHECK(score.verdict == TF_REAL || score.verdict == TF_INACTIVE || score.verdict == TF_UNCERTAIN ||
                  score.verdict == TF_FAKE);
    tf_model_restore_shipped();
    tf_model_file_free(m);
    return 0;
}
