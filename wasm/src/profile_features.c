/*
 * Features: facts measured on what a page shows, then the model's input vector. See features.h.
 *
 * References: friends/followers^2 and the follower/following ratio after Cresci et al. 2015 ("Fame for sale",
 * class A features); handle digit counts and lengths after InstaFake (Akyon & Kalfaoglu 2019) and the Kaggle
 * Instagram set, which publish those measurements instead of the handles.
 * Leaves out: anything needing the account's posts (text, timing, engagement received); profile colours,
 * language and time zone (collection artefacts of 2013, and not shown today).
 */
#include "profile_features.h"

#include <math.h>
#include <string.h>

#define SECONDS_PER_DAY 86400.0
#ifndef TF_FEATURE_MAX_HANDLE
#define TF_FEATURE_MAX_HANDLE 64 /* longer handles are measured on their first 64 bytes */
#endif

#define ALL_PROFILES (TF_SHOWN_X_PROFILE | TF_SHOWN_INSTAGRAM_PROFILE | TF_SHOWN_OTHER_PROFILE)
#define ALL_CARDS (TF_SHOWN_X_CARD | TF_SHOWN_INSTAGRAM_CARD | TF_SHOWN_OTHER_CARD)
#define EVERYWHERE (ALL_PROFILES | ALL_CARDS)

const tf_feature_desc tf_feature_table[TF_N_FEATURES] = {
    [TF_F_FOLLOWERS] = {"followers", "followers", "accounts following it", TF_G_NETWORK, ALL_PROFILES},
    [TF_F_FOLLOWING] = {"following", "following", "accounts it follows", TF_G_NETWORK, ALL_PROFILES},
    [TF_F_FOLLOWERS_PER_FOLLOWING] = {"followers_per_following", "followers, following",
                                      "followers / max(following, 1)", TF_G_NETWORK, ALL_PROFILES},
    [TF_F_FOLLOWING_PER_FOLLOWERS_SQ] = {"following_per_followers_sq", "followers, following",
                                         "following / max(followers, 1)^2 (Cresci 2015's strongest profile feature)",
                                         TF_G_NETWORK, ALL_PROFILES},
    [TF_F_POSTS] = {"posts", "posts", "posts (tweets, media) it has published", TF_G_ACTIVITY, ALL_PROFILES},
    [TF_F_AGE_DAYS] = {"account_age_days", "created_at", "days since the account was created",
                       TF_G_ACTIVITY, TF_SHOWN_X_PROFILE | TF_SHOWN_OTHER_PROFILE},
    [TF_F_POSTS_PER_DAY] = {"posts_per_day", "posts, created_at", "posts / max(age in days, 1)", TF_G_ACTIVITY,
                            TF_SHOWN_X_PROFILE | TF_SHOWN_OTHER_PROFILE},
    [TF_F_LIKES_GIVEN] = {"likes_given", "likes_given", "posts it has liked (X, TikTok)", TF_G_LIKES,
                          TF_SHOWN_X_PROFILE | TF_SHOWN_OTHER_PROFILE},
    [TF_F_LIKES_PER_POST] = {"likes_given_per_post", "likes_given, posts", "likes given / max(posts, 1)", TF_G_LIKES,
                             TF_SHOWN_X_PROFILE | TF_SHOWN_OTHER_PROFILE},
    [TF_F_DEFAULT_AVATAR] = {"default_avatar", "default_avatar", "1 when it shows the platform's default picture",
                             TF_G_AVATAR, EVERYWHERE},
    [TF_F_BIO_LENGTH] = {"bio_length", "bio", "characters in the bio (0: shown and empty)", TF_G_BIO,
                         ALL_PROFILES | TF_SHOWN_X_CARD | TF_SHOWN_OTHER_CARD},
    [TF_F_BIO_LINK] = {"bio_link", "url, bio", "1 when the profile shows a link (website field or in the bio)",
                       TF_G_LINK, ALL_PROFILES},
    [TF_F_VERIFIED] = {"verified", "verified", "1 when the platform shows a verification mark", TF_G_VERIFIED,
                       EVERYWHERE},
    [TF_F_PRIVATE] = {"private", "is_private", "1 when the account is private (protected)", TF_G_PRIVATE, EVERYWHERE},
    [TF_F_HANDLE_LENGTH] = {"handle_length", "handle", "characters in the handle", TF_G_HANDLE, EVERYWHERE},
    [TF_F_HANDLE_DIGITS] = {"handle_digits", "handle", "digits in the handle", TF_G_HANDLE, EVERYWHERE},
    [TF_F_HANDLE_DIGIT_SHARE] = {"handle_digit_share", "handle", "digits / characters in the handle", TF_G_HANDLE,
                                 EVERYWHERE},
    [TF_F_HANDLE_SWITCHES] = {"handle_switches", "handle",
                              "changes between letters, digits and symbols along the handle (randomness)",
                              TF_G_HANDLE, EVERYWHERE},
    [TF_F_HANDLE_CONSONANT_RUN] = {"handle_consonant_run", "handle",
                                   "longest run of consonants in the handle (randomness)", TF_G_HANDLE, EVERYWHERE},
    [TF_F_NAME_LENGTH] = {"name_length", "name", "characters in the display name", TF_G_NAME, EVERYWHERE},
    [TF_F_NAME_WORDS] = {"name_words", "name", "words in the display name", TF_G_NAME, EVERYWHERE},
    [TF_F_NAME_DIGIT_SHARE] = {"name_digit_share", "name", "digits / characters in the display name", TF_G_NAME,
                               EVERYWHERE},
    [TF_F_NAME_IS_HANDLE] = {"name_is_handle", "name, handle", "1 when the display name equals the handle",
                             TF_G_NAME, EVERYWHERE},
    [TF_F_NAME_HANDLE_OVERLAP] = {"name_handle_overlap", "name, handle",
                                  "longest common letter run of name and handle / handle letters",
                                  TF_G_NAME, EVERYWHERE},
};

unsigned tf_view_bit(tf_platform platform, int card)
{
    switch (platform) {
    case TF_X: return card ? TF_SHOWN_X_CARD : TF_SHOWN_X_PROFILE;
    case TF_INSTAGRAM: return card ? TF_SHOWN_INSTAGRAM_CARD : TF_SHOWN_INSTAGRAM_PROFILE;
    default: return card ? TF_SHOWN_OTHER_CARD : TF_SHOWN_OTHER_PROFILE;
    }
}

void tf_facts_init(tf_facts *f)
{
    double *d = (double *)f;
    for (size_t i = 0; i < sizeof *f / sizeof(double); i++)
        d[i] = NAN;
}

static double flag01(tf_flag v)
{
    return v == TF_UNKNOWN ? NAN : (v == TF_YES ? 1.0 : 0.0);
}

/*
 * ASCII character classes, as <ctype.h> gives them in the "C" locale the core runs in (bytes of UTF-8
 * sequences are none of them). Written out because in wasm each <ctype.h> call is a real call, and these
 * run for every character of every handle and name scored.
 */
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static unsigned char to_lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c; }
static int is_alpha(unsigned char c) { return to_lower(c) >= 'a' && to_lower(c) <= 'z'; }
static int is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
static int is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int is_vowel(unsigned char c)
{
    switch (to_lower(c)) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return 1;
    default: return 0;
    }
}

/* 0 letter, 1 digit, 2 anything else. */
static int char_class(unsigned char c)
{
    return is_alpha(c) ? 0 : (is_digit(c) ? 1 : 2);
}

void tf_measure_handle(const char *handle, tf_facts *f)
{
    if (!handle)
        return;
    if (*handle == '@')
        handle++;
    size_t n = 0; /* strnlen is POSIX, not C11 */
    while (n < TF_FEATURE_MAX_HANDLE && handle[n])
        n++;
    int digits = 0, switches = 0, run = 0, longest = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)handle[i];
        digits += is_digit(c);
        if (i > 0 && char_class(c) != char_class((unsigned char)handle[i - 1]))
            switches++;
        run = (is_alpha(c) && !is_vowel(c)) ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    f->handle_length = (double)n;
    f->handle_digits = digits;
    f->handle_digit_share = n ? digits / (double)n : 0.0;
    f->handle_switches = switches;
    f->handle_consonant_run = longest;
}

/* Lower-case ASCII letters and digits of s, at most cap-1 of them; returns how many. */
static size_t fold_alnum(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (; *s && n + 1 < cap; s++)
        if (is_alnum((unsigned char)*s))
            out[n++] = (char)to_lower((unsigned char)*s);
    out[n] = '\0';
    return n;
}

static size_t longest_common_run(const char *a, size_t na, const char *b, size_t nb)
{
    /* two rows of the dynamic programme, swapped rather than copied */
    unsigned char rows[2][TF_FEATURE_MAX_HANDLE + 1] = {{0}};
    unsigned char *prev = rows[0], *cur = rows[1];
    size_t best = 0;
    for (size_t i = 1; i <= na; i++) {
        cur[0] = 0;
        for (size_t j = 1; j <= nb; j++) {
            cur[j] = a[i - 1] == b[j - 1] ? (unsigned char)(prev[j - 1] + 1) : 0;
            if (cur[j] > best)
                best = cur[j];
        }
        unsigned char *swap = prev;
        prev = cur;
        cur = swap;
    }
    return best;
}

void tf_measure_name(const char *name, const char *handle, tf_facts *f)
{
    if (!name)
        return;
    size_t chars = 0, digits = 0, words = 0;
    int in_word = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if ((*p & 0xC0) != 0x80) /* count code points, not bytes */
            chars++;
        digits += is_digit(*p);
        int space = is_space(*p);
        if (!space && !in_word)
            words++;
        in_word = !space;
    }
    f->name_length = (double)chars;
    f->name_words = (double)words;
    f->name_digit_share = chars ? (double)digits / (double)chars : 0.0;
    if (!handle)
        return;
    if (*handle == '@')
        handle++;
    char fn[TF_FEATURE_MAX_HANDLE + 1], fh[TF_FEATURE_MAX_HANDLE + 1];
    size_t nn = fold_alnum(name, fn, sizeof fn), nh = fold_alnum(handle, fh, sizeof fh);
    f->name_is_handle = strcmp(name, handle) == 0 ? 1.0 : 0.0;
    f->name_handle_overlap = nh ? (double)longest_common_run(fn, nn, fh, nh) / (double)nh : 0.0;
}

static int starts_with(const char *s, const char *prefix)
{
    while (*prefix && *s == *prefix)
        s++, prefix++;
    return *prefix == '\0';
}

/* "http://", "https://" or "www." anywhere in s: one pass (three strstr calls were a tenth of scoring in wasm). */
static int contains_link(const char *s)
{
    for (; s && *s; s++)
        if ((*s == 'h' && (starts_with(s, "http://") || starts_with(s, "https://"))) || (*s == 'w' && starts_with(s, "www.")))
            return 1;
    return 0;
}

/* The features that read the handle's or the name's facts (TF_G_HANDLE and TF_G_NAME). */
#define HANDLE_FEATURES                                                                                               \
    ((1ull << TF_F_HANDLE_LENGTH) | (1ull << TF_F_HANDLE_DIGITS) | (1ull << TF_F_HANDLE_DIGIT_SHARE) |                \
     (1ull << TF_F_HANDLE_SWITCHES) | (1ull << TF_F_HANDLE_CONSONANT_RUN))
#define NAME_FEATURES                                                                                                 \
    ((1ull << TF_F_NAME_LENGTH) | (1ull << TF_F_NAME_WORDS) | (1ull << TF_F_NAME_DIGIT_SHARE) |                       \
     (1ull << TF_F_NAME_IS_HANDLE) | (1ull << TF_F_NAME_HANDLE_OVERLAP))

void tf_facts_from_account(const tf_account *a, double now, tf_facts *f)
{
    tf_facts_from_account_for(a, now, ~0ull, f);
}

void tf_facts_from_account_for(const tf_account *a, double now, unsigned long long features, tf_facts *f)
{
    tf_facts_init(f);
    f->followers = a->followers;
    f->following = a->following;
    f->posts = a->posts;
    f->likes_given = a->likes_given;
    if (!isnan(a->created_at) && !isnan(now))
        f->age_days = fmax(0.0, (now - a->created_at) / SECONDS_PER_DAY);
    if (features & (HANDLE_FEATURES | NAME_FEATURES)) {
        char local[TF_FEATURE_HANDLE_SIZE];
        const char *handle = tf_feature_handle(a, local, sizeof local); /* no instance or host suffix */
        if (features & HANDLE_FEATURES)
            tf_measure_handle(handle, f);
        if (features & NAME_FEATURES)
            tf_measure_name(a->name, handle, f);
    }
    if (a->bio) {
        size_t chars = 0;
        for (const unsigned char *p = (const unsigned char *)a->bio; *p; p++)
            chars += (*p & 0xC0) != 0x80;
        f->bio_length = (double)chars;
    }
    if (a->url || a->bio)
        f->bio_link = ((a->url && *a->url) || contains_link(a->bio)) ? 1.0 : 0.0;
    f->default_avatar = flag01(a->default_avatar);
    f->verified = flag01(a->verified);
    f->is_private = flag01(a->is_private);
}

/* a / max(b, 1), NAN when either is missing (fmax alone would hide a missing b). */
static double per(double a, double b)
{
    return isnan(a) || isnan(b) ? NAN : a / (b > 1.0 ? b : 1.0); /* fmax is a call in wasm */
}

void tf_features_from_facts(const tf_facts *f, float out[TF_N_FEATURES])
{
    out[TF_F_FOLLOWERS] = (float)f->followers;
    out[TF_F_FOLLOWING] = (float)f->following;
    out[TF_F_FOLLOWERS_PER_FOLLOWING] = (float)per(f->followers, f->following);
    out[TF_F_FOLLOWING_PER_FOLLOWERS_SQ] = (float)per(per(f->following, f->followers), f->followers);
    out[TF_F_POSTS] = (float)f->posts;
    out[TF_F_AGE_DAYS] = (float)f->age_days;
    out[TF_F_POSTS_PER_DAY] = (float)per(f->posts, f->age_days);
    out[TF_F_LIKES_GIVEN] = (float)f->likes_given;
    out[TF_F_LIKES_PER_POST] = (float)per(f->likes_given, f->posts);
    out[TF_F_DEFAULT_AVATAR] = (float)f->default_avatar;
    out[TF_F_BIO_LENGTH] = (float)f->bio_length;
    out[TF_F_BIO_LINK] = (float)f->bio_link;
    out[TF_F_VERIFIED] = (float)f->verified;
    out[TF_F_PRIVATE] = (float)f->is_private;
    out[TF_F_HANDLE_LENGTH] = (float)f->handle_length;
    out[TF_F_HANDLE_DIGITS] = (float)f->handle_digits;
    out[TF_F_HANDLE_DIGIT_SHARE] = (float)f->handle_digit_share;
    out[TF_F_HANDLE_SWITCHES] = (float)f->handle_switches;
    out[TF_F_HANDLE_CONSONANT_RUN] = (float)f->handle_consonant_run;
    out[TF_F_NAME_LENGTH] = (float)f->name_length;
    out[TF_F_NAME_WORDS] = (float)f->name_words;
    out[TF_F_NAME_DIGIT_SHARE] = (float)f->name_digit_share;
    out[TF_F_NAME_IS_HANDLE] = (float)f->name_is_handle;
    out[TF_F_NAME_HANDLE_OVERLAP] = (float)f->name_handle_overlap;
}

void tf_features_mask_view(float v[TF_N_FEATURES], unsigned view_bit)
{
    for (int i = 0; i < TF_N_FEATURES; i++)
        if (!(tf_feature_table[i].shown & view_bit))
            v[i] = NAN;
}
