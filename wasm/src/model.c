/*
 * A first, hand-set logistic model over four profile signals, so the whole path from a page to a badge
 * works end to end. It is not trained; the trained model (issue 3) replaces this file.
 */
#include "model.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define N_TERMS 4

const char *tf_model_version(void)
{
    return "handset-logistic-0.1";
}

/* Not trained, so no error rates were measured: the audit can then say nothing beyond "0 to 100%". */
void tf_model_error_rates(tf_platform platform, tf_error_rates *out)
{
    (void)platform;
    out->true_pos = out->false_neg = out->true_neg = out->false_pos = 0;
}

static void add_reason(tf_score *out, const char *feature, double effect, const char *text)
{
    if (out->n_reasons >= TF_MAX_REASONS)
        return;
    tf_reason *r = &out->reasons[out->n_reasons++];
    r->feature = feature;
    r->effect = effect;
    snprintf(r->text, sizeof r->text, "%s", text);
}

void tf_model_predict(const tf_account *a, double now, tf_score *out)
{
    (void)now;
    struct { const char *feature; double effect; char text[160]; } terms[N_TERMS];
    int n = 0;
    double z = -0.5;
    if (!isnan(a->followers) && !isnan(a->following)) {
        double e = 1.2 * log10((a->following + 1) / (a->followers + 1));
        terms[n].feature = "following_per_follower";
        terms[n].effect = e;
        snprintf(terms[n].text, sizeof terms[n].text, "follows %.0f accounts; %.0f follow back", a->following, a->followers);
        n++;
    }
    if (!isnan(a->posts)) {
        double e = 1.0 - 0.8 * log10(a->posts + 1);
        terms[n].feature = "posts";
        terms[n].effect = e;
        snprintf(terms[n].text, sizeof terms[n].text, "%.0f posts", a->posts);
        n++;
    }
    if (a->default_avatar != TF_UNKNOWN) {
        terms[n].feature = "default_avatar";
        terms[n].effect = a->default_avatar == TF_YES ? 1.5 : -0.5;
        snprintf(terms[n].text, sizeof terms[n].text, a->default_avatar == TF_YES ? "no profile picture" : "has a profile picture");
        n++;
    }
    if (a->bio) {
        terms[n].feature = "bio_length";
        terms[n].effect = *a->bio ? -0.7 : 0.7;
        snprintf(terms[n].text, sizeof terms[n].text, *a->bio ? "has a bio" : "empty bio");
        n++;
    }
    for (int i = 0; i < n; i++)
        z += terms[i].effect;
    out->p_fake = 1 / (1 + exp(-z));
    out->n_reasons = 0;
    /* Strongest first, by absolute effect. */
    for (int k = 0; k < n; k++) {
        int best = -1;
        for (int i = 0; i < n; i++)
            if (terms[i].feature && (best < 0 || fabs(terms[i].effect) > fabs(terms[best].effect)))
                best = i;
        add_reason(out, terms[best].feature, terms[best].effect, terms[best].text);
        terms[best].feature = NULL;
    }
}
