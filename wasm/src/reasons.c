/*
 * Reasons in plain words. Each feature group (features.h) has one sentence, built from the facts so that it
 * names the numbers the page showed ("follows 4,900 accounts; 12 followers"), not the model's internals.
 * English only for now; counts use "," as the thousands separator.
 */
#include "reasons.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define DAYS_PER_YEAR 365.25

void tf_format_count(double v, char *out, size_t size)
{
    if (size == 0)
        return;
    if (isnan(v) || fabs(v) > 9e15) {
        snprintf(out, size, "?");
        return;
    }
    /* digits right to left, a comma every three; by hand, as this runs for every reason shown */
    char buf[40];
    size_t o = sizeof buf;
    buf[--o] = '\0';
    unsigned long long n = (unsigned long long)llround(fabs(v));
    int k = 0;
    do {
        if (k > 0 && k % 3 == 0)
            buf[--o] = ',';
        buf[--o] = (char)('0' + n % 10);
        n /= 10;
        k++;
    } while (n > 0);
    if (v <= -0.5)
        buf[--o] = '-';
    size_t len = sizeof buf - 1 - o;
    if (len >= size)
        len = size - 1;
    memcpy(out, buf + o, len);
    out[len] = '\0';
}

static const char *plural(double v, const char *one, const char *many)
{
    return v == 1 ? one : many;
}

static void age_words(double days, char *out, size_t size)
{
    if (days < 60)
        snprintf(out, size, "%.0f %s", days, plural(round(days), "day", "days"));
    else if (days < 2 * DAYS_PER_YEAR)
        snprintf(out, size, "%.0f months", days / (DAYS_PER_YEAR / 12));
    else
        snprintf(out, size, "%.1f years", days / DAYS_PER_YEAR);
}

static void network(const tf_facts *f, char *out, size_t size)
{
    char a[32], b[32];
    tf_format_count(f->following, a, sizeof a);
    tf_format_count(f->followers, b, sizeof b);
    if (isnan(f->following))
        snprintf(out, size, "%s %s", b, plural(f->followers, "follower", "followers"));
    else if (isnan(f->followers))
        snprintf(out, size, "follows %s %s", a, plural(f->following, "account", "accounts"));
    else
        snprintf(out, size, "follows %s %s; %s %s", a, plural(f->following, "account", "accounts"), b,
                 plural(f->followers, "follower", "followers"));
}

static void activity(const tf_facts *f, char *out, size_t size)
{
    char n[32], age[32];
    tf_format_count(f->posts, n, sizeof n);
    if (!isnan(f->age_days))
        age_words(f->age_days, age, sizeof age);
    if (isnan(f->posts))
        snprintf(out, size, "account is %s old", age);
    else if (isnan(f->age_days))
        snprintf(out, size, "%s %s", n, plural(f->posts, "post", "posts"));
    else if (f->posts == 0)
        snprintf(out, size, "no posts in %s", age);
    else
        snprintf(out, size, "%s %s in %s (%.2g a day)", n, plural(f->posts, "post", "posts"), age,
                 f->posts / fmax(f->age_days, 1.0));
}

static void likes(const tf_facts *f, char *out, size_t size)
{
    char n[32];
    tf_format_count(f->likes_given, n, sizeof n);
    if (f->likes_given == 0)
        snprintf(out, size, "has never liked a post");
    else
        snprintf(out, size, "has liked %s %s", n, plural(f->likes_given, "post", "posts"));
}

static void handle(tf_feature_id lead, const tf_facts *f, char *out, size_t size)
{
    if ((lead == TF_F_HANDLE_CONSONANT_RUN || lead == TF_F_HANDLE_SWITCHES) && f->handle_consonant_run >= 4)
        snprintf(out, size, "handle has a run of %.0f consonants", f->handle_consonant_run);
    else if (f->handle_digits > 0 && !isnan(f->handle_length))
        snprintf(out, size, "handle has %.0f %s in %.0f characters", f->handle_digits,
                 plural(f->handle_digits, "digit", "digits"), f->handle_length);
    else if (f->handle_digit_share > 0)
        snprintf(out, size, "%.0f%% of the handle is digits", 100 * f->handle_digit_share);
    else if (!isnan(f->handle_length))
        snprintf(out, size, "handle of %.0f characters%s", f->handle_length, f->handle_digits == 0 ? ", no digits" : "");
    else
        snprintf(out, size, "handle has no digits");
}

static void name(const tf_facts *f, char *out, size_t size)
{
    if (f->name_length == 0)
        snprintf(out, size, "no display name");
    else if (f->name_is_handle == 1)
        snprintf(out, size, "display name is the handle");
    else if (f->name_digit_share > 0)
        snprintf(out, size, "display name contains digits");
    else if (!isnan(f->name_words))
        snprintf(out, size, "display name of %.0f %s", f->name_words, plural(f->name_words, "word", "words"));
    else if (f->name_handle_overlap >= 0.5)
        snprintf(out, size, "display name matches the handle");
    else
        snprintf(out, size, "display name unlike the handle");
}

void tf_reason_text(tf_feature_group group, tf_feature_id lead, const tf_facts *f, char *out, size_t size)
{
    switch (group) {
    case TF_G_NETWORK: network(f, out, size); return;
    case TF_G_ACTIVITY: activity(f, out, size); return;
    case TF_G_LIKES: likes(f, out, size); return;
    case TF_G_AVATAR:
        snprintf(out, size, f->default_avatar == 1 ? "no profile picture" : "has a profile picture");
        return;
    case TF_G_BIO:
        if (f->bio_length > 0)
            snprintf(out, size, "bio of %.0f characters", f->bio_length);
        else
            snprintf(out, size, "empty bio");
        return;
    case TF_G_LINK: snprintf(out, size, f->bio_link == 1 ? "links to a website" : "no link in the profile"); return;
    case TF_G_VERIFIED: snprintf(out, size, f->verified == 1 ? "verified" : "not verified"); return;
    case TF_G_PRIVATE: snprintf(out, size, f->is_private == 1 ? "private account" : "public account"); return;
    case TF_G_HANDLE: handle(lead, f, out, size); return;
    case TF_G_NAME: name(f, out, size); return;
    case TF_N_GROUPS: break;
    }
    snprintf(out, size, "other");
}
