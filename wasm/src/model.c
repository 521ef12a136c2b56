/*
 * The tree-ensemble evaluator: picks the model for an account, walks its trees exactly as XGBoost does
 * (float sums in tree order; x < threshold goes left; a missing value follows the learned default), turns
 * the margin into a calibrated probability, and explains it with path contributions (Saabas: each split
 * on the way to a leaf credits its feature with the change in the node's expected value).
 * The trees themselves are data: build/gen/models.c, generated from the committed wasm/models/<model>.tfm.
 */
#include "model.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "reasons.h"

/* Models read at run time (truefollow score --model FILE), each in place of the shipped one of its name. */
static const tf_tree_model *replacements[TF_MAX_REPLACED_MODELS];
static char replaced_version[256];

int tf_model_replace(const tf_tree_model *m, char *why, size_t why_size)
{
    int slot = -1;
    for (int i = 0; i < tf_n_shipped_models && i < TF_MAX_REPLACED_MODELS; i++)
        if (strcmp(tf_shipped_models[i]->name, m->name) == 0)
            slot = i;
    if (slot < 0) {
        snprintf(why, why_size, "the core has no model named %s to replace", m->name);
        return -1;
    }
    if (tf_tree_model_check(m, why, why_size) != 0)
        return -1;
    replacements[slot] = m;
    /* The version names every model in use, so a report says which trees scored it. */
    int n = snprintf(replaced_version, sizeof replaced_version, "gbt-1 ");
    for (int i = 0; i < tf_n_shipped_models && n >= 0 && (size_t)n < sizeof replaced_version; i++)
        n += snprintf(replaced_version + n, sizeof replaced_version - (size_t)n, "%s%s", i ? "+" : "",
                      tf_model_find(tf_shipped_models[i]->name)->version);
    return 0;
}

void tf_model_restore_shipped(void)
{
    memset(replacements, 0, sizeof replacements);
    replaced_version[0] = '\0';
}

const char *tf_model_version(void)
{
    return replaced_version[0] ? replaced_version : tf_shipped_models_version;
}

static int shipped_index(const char *name)
{
    for (int i = 0; i < tf_n_shipped_models; i++)
        if (strcmp(tf_shipped_models[i]->name, name) == 0)
            return i;
    return -1;
}

/* The model in use in the shipped model's place `i` (>= 0), or NULL. */
static const tf_tree_model *in_use(int i)
{
    if (i < 0)
        return NULL;
    return i < TF_MAX_REPLACED_MODELS && replacements[i] ? replacements[i] : tf_shipped_models[i];
}

const tf_tree_model *tf_model_find(const char *name)
{
    return in_use(shipped_index(name));
}

/* One platform-neutral profile model for every account that shows counts, on every platform; the card model
 * for list entries that show none. (Leave-one-data-set-out found no platform whose own model did better:
 * wasm/models/MODEL_CARD.md.) Every score asks twice, so the two places are looked up once. */
const tf_tree_model *tf_model_for(tf_platform platform, int card)
{
    (void)platform;
    static int card_index = -2, profile_index = -2; /* -2: not looked up yet */
    int *index = card ? &card_index : &profile_index;
    if (*index == -2)
        *index = shipped_index(card ? "card" : "profile");
    return in_use(*index);
}

int tf_model_is_card(const tf_account *a)
{
    return isnan(a->followers) && isnan(a->following) && isnan(a->posts);
}

static void rates_of(const tf_tree_model *m, tf_error_rates *out)
{
    out->true_pos = m->rates.tp;
    out->false_neg = m->rates.fn;
    out->true_neg = m->rates.tn;
    out->false_pos = m->rates.fp;
}

double tf_model_verdict_threshold_for(const tf_account *a)
{
    return tf_model_for(a->platform, tf_model_is_card(a))->rates.threshold;
}

void tf_model_verdict_band_for(const tf_account *a, double *low, double *high)
{
    const tf_tree_model *m = tf_model_for(a->platform, tf_model_is_card(a));
    *low = m->band_low;
    *high = tf_model_measured_on(a->platform) ? m->band_high : m->unseen_high;
}

double tf_model_labelled_fake_from(const tf_account *a)
{
    return tf_model_for(a->platform, tf_model_is_card(a))->band_high;
}

void tf_model_error_rates(tf_platform platform, tf_error_rates *out)
{
    rates_of(tf_model_for(platform, 0), out);
}

void tf_model_error_rates_for(const tf_account *a, tf_error_rates *out)
{
    rates_of(tf_model_for(a->platform, tf_model_is_card(a)), out);
}

int tf_model_measured_on(tf_platform platform)
{
    return platform == TF_X || platform == TF_INSTAGRAM || platform == TF_TIKTOK;
}

float tf_tree_model_margin(const tf_tree_model *m, const float x[TF_N_FEATURES], float *contrib)
{
    float margin = m->base_margin;
    if (contrib) {
        memset(contrib, 0, (TF_N_FEATURES + 1) * sizeof *contrib);
        contrib[TF_N_FEATURES] = m->base_margin;
    }
    for (int t = 0; t < m->n_trees; t++) {
        const tf_tree_node *tree = m->nodes + m->tree_start[t], *n = tree;
        if (contrib)
            contrib[TF_N_FEATURES] += tree[0].mean;
        while (n->left >= 0) {
            float v = x[n->feature];
            /* A comparison with NAN is false: a missing value goes left only where the default is left. */
            int go_left = (v < n->value) | (n->default_left & (v != v));
            const tf_tree_node *next = tree + (go_left ? n->left : n->right);
            if (contrib)
                contrib[n->feature] += next->mean - n->mean;
            n = next;
        }
        margin += n->value;
    }
    return margin;
}

double tf_tree_model_calibrate(const tf_tree_model *m, double margin)
{
    return 1.0 / (1.0 + exp(-(m->calibration_a * margin + m->calibration_b)));
}

int tf_tree_model_check(const tf_tree_model *m, char *why, size_t why_size)
{
    if (m->n_features != TF_N_FEATURES) {
        snprintf(why, why_size, "%s has %d columns, the core %d", m->name, m->n_features, TF_N_FEATURES);
        return -1;
    }
    for (int i = 0; i < TF_N_FEATURES; i++)
        if (strcmp(m->feature_names[i], tf_feature_table[i].name) != 0) {
            snprintf(why, why_size, "%s column %d is %s, the core's is %s", m->name, i, m->feature_names[i],
                     tf_feature_table[i].name);
            return -1;
        }
    return 0;
}

/* The strongest groups by absolute summed contribution, in plain words. A missing feature moves the score
 * too (down its trees' default branches), but a reason states what the account shows: it is left out. So is
 * a reason whose effect goes against what is known of bought accounts (tf_reason_may_show). */
static void fill_reasons(const tf_tree_model *m, const tf_facts *f, const float *x, const float *contrib,
                         tf_score *out)
{
    double effect[TF_N_GROUPS] = {0};
    int used[TF_N_GROUPS] = {0}, lead[TF_N_GROUPS];
    for (int i = 0; i < TF_N_FEATURES; i++) {
        tf_feature_group g = tf_feature_table[i].group;
        if (contrib[i] == 0 || isnan(x[i]))
            continue;
        /* On the calibrated log-odds scale, so effects add up to the p_fake shown. */
        effect[g] += m->calibration_a * contrib[i];
        if (!used[g] || fabsf(contrib[i]) > fabsf(contrib[lead[g]]))
            lead[g] = i;
        used[g] = 1;
    }
    out->n_reasons = 0;
    while (out->n_reasons < TF_MAX_REASONS) {
        int best = -1;
        for (int g = 0; g < TF_N_GROUPS; g++)
            if (used[g] && (best < 0 || fabs(effect[g]) > fabs(effect[best])))
                best = g;
        if (best < 0)
            break;
        used[best] = 0;
        tf_reason *r = &out->reasons[out->n_reasons];
        r->feature = tf_feature_table[lead[best]].name;
        r->effect = effect[best];
        tf_reason_text((tf_feature_group)best, (tf_feature_id)lead[best], f, r->text, sizeof r->text, &r->words);
        /* A sign of a fake never reads as making the account look real, nor the other way round: such an
         * effect is an artefact of the training sets, and the next strongest reason takes its place. */
        if (tf_reason_may_show(&r->words, f, r->effect))
            out->n_reasons++;
    }
}

void tf_model_predict(const tf_account *a, double now, tf_score *out)
{
    int card = tf_model_is_card(a);
    const tf_tree_model *m = tf_model_for(a->platform, card);
    tf_facts facts;
    float x[TF_N_FEATURES], contrib[TF_N_FEATURES + 1];
    /* Other platforms show whole handles and names, as X does. */
    unsigned long long trained = a->platform == TF_INSTAGRAM ? m->trained_instagram : m->trained_x;
    /* The facts of features the model never reads here are never read at all: their features are masked
     * below, and a reason only names a group with a feature read. */
    tf_facts_from_account_for(a, now, trained, &facts);
    tf_features_from_facts(&facts, x);
    tf_features_mask_view(x, tf_view_bit(a->platform, card));
    for (int i = 0; i < TF_N_FEATURES; i++)
        if (!(trained & (1ull << i)))
            x[i] = NAN;
    float margin = tf_tree_model_margin(m, x, contrib);
    out->p_fake = tf_tree_model_calibrate(m, margin);
    fill_reasons(m, &facts, x, contrib, out);
}
