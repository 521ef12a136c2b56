/*
 * Reasons in plain words. Each feature group (features.h) has one sentence, built from the facts so that it
 * names the numbers the page showed ("follows 4,900 accounts; 12 followers"), not the model's internals.
 * The text is English, counts with "," as the thousands separator; beside it, each sentence has a key and its
 * numbers (tf_reason_template), from which the extension's badge and the HTML report (reason_words.h) write the
 * sentence in the user's language.
 */
#include "reasons.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAYS_PER_YEAR 365.25

/* The cuts of the known signs (see known_signs), overridable like the core's other limits. */
#ifndef TF_SIGN_FEW_FOLLOWERS
#define TF_SIGN_FEW_FOLLOWERS 10.0 /* this many followers or fewer: a sign of a fake */
#endif
#ifndef TF_SIGN_MANY_FOLLOWERS
#define TF_SIGN_MANY_FOLLOWERS 1000.0 /* this many or more: a sign of a real account */
#endif
#ifndef TF_SIGN_FOLLOWING_FAR_ABOVE
#define TF_SIGN_FOLLOWING_FAR_ABOVE 10.0 /* following this many times the followers or more: a sign of a fake */
#endif
#ifndef TF_SIGN_FEW_POSTS
#define TF_SIGN_FEW_POSTS 5.0
#endif
#ifndef TF_SIGN_MANY_POSTS
#define TF_SIGN_MANY_POSTS 100.0
#endif
#ifndef TF_SIGN_YOUNG_DAYS
#define TF_SIGN_YOUNG_DAYS 183.0 /* younger than half a year: a sign of a fake */
#endif
#ifndef TF_SIGN_OLD_DAYS
#define TF_SIGN_OLD_DAYS 730.0 /* two years or older: a sign of a real account */
#endif

/* Writes n in decimal right to left, ending just before `end`: at least `width` digits, a comma every three
 * when `commas`; returns where the digits start. A 64-bit division by 10 is a real division in wasm (it has
 * no 64-bit multiply-high to divide by a constant with), so the digits are taken in 32 bits once n fits. */
static char *decimal_digits(char *end, unsigned long long n, int width, int commas)
{
    int k = 0;
    do {
        if (commas && k > 0 && k % 3 == 0)
            *--end = ',';
        unsigned digit;
        if (n > UINT32_MAX) {
            digit = (unsigned)(n % 10);
            n /= 10;
        } else {
            uint32_t small = (uint32_t)n;
            digit = small % 10;
            n = small / 10;
        }
        *--end = (char)('0' + digit);
        k++;
    } while (--width > 0 || n > 0);
    return end;
}

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
    buf[sizeof buf - 1] = '\0';
    /* llround(fabs(v)), half away from zero, without the call (a - whole is exact below 2^52; above, a is whole) */
    double a = fabs(v), whole = floor(a);
    unsigned long long n = (unsigned long long)(a - whole >= 0.5 ? whole + 1 : whole);
    size_t o = (size_t)(decimal_digits(buf + sizeof buf - 1, n, 1, 1) - buf);
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

/*
 * The sentences are put together piece by piece instead of with snprintf: every scored account gets three,
 * and printf's machinery was a third of the time of scoring one (more in wasm). Truncates and terminates
 * as snprintf does, and writes what snprintf writes: where rounding is too close to call from a double
 * product, it asks snprintf.
 */
typedef struct text {
    char *out;
    size_t size, len;
    tf_reason_template *tpl; /* never NULL here: tf_reason_text gives a scratch one when its caller did not */
} text;

/* The sentence's shape, then its numbers one by one, as the English names them. */
static void key(text *t, const char *k)
{
    t->tpl->key = k;
}

static void arg(text *t, double v)
{
    if (t->tpl->n_args < TF_REASON_MAX_ARGS)
        t->tpl->args[t->tpl->n_args++] = v;
}

/* In locals: a byte stored through t->out might alias t's own fields, so with them the compiler reloads
 * every field on every byte. t->size is at least 1 (tf_reason_text). */
static void put(text *t, const char *s)
{
    char *out = t->out;
    size_t len = t->len, last = t->size - 1;
    while (*s && len < last)
        out[len++] = *s++;
    out[len] = '\0';
    t->len = len;
}

/* Exactly what "%.0f" writes: rint rounds half to even in the default rounding mode, as printf does. */
static void put_whole(text *t, double v)
{
    char buf[48];
    if (!(fabs(v) < 9e15)) { /* NAN, infinities and the very large: printf knows them */
        snprintf(buf, sizeof buf, "%.0f", v);
        put(t, buf);
        return;
    }
    double r = rint(v);
    buf[sizeof buf - 1] = '\0';
    char *at = decimal_digits(buf + sizeof buf - 1, (unsigned long long)fabs(r), 1, 0);
    if (signbit(r))
        *--at = '-'; /* "%.0f" of -0.2 is "-0" */
    put(t, at);
}

static void put_format(text *t, const char *format, double v)
{
    char buf[48];
    snprintf(buf, sizeof buf, format, v);
    put(t, buf);
}

/* x rounded half to even, when x (a product carrying rounding error) is clearly not near a tie; else -1,
 * and the caller asks printf, which rounds the exact value. */
static double clear_rint(double x)
{
    double below = floor(x);
    return fabs(x - below - 0.5) > 1e-6 ? rint(x) : -1;
}

static void put_digits(text *t, unsigned long long n, int width)
{
    char buf[24];
    buf[sizeof buf - 1] = '\0';
    put(t, decimal_digits(buf + sizeof buf - 1, n, width, 0));
}

/* "%.1f" of a positive v below 1e9 (an age in years), by hand; printf for anything else. */
static void put_tenths(text *t, double v)
{
    double tenths = v > 0 && v < 1e9 ? clear_rint(v * 10) : -1;
    if (tenths < 0) {
        put_format(t, "%.1f", v);
        return;
    }
    unsigned long long n = (unsigned long long)tenths;
    put_digits(t, n / 10, 1);
    put(t, ".");
    put_digits(t, n % 10, 1);
}

/* "%.2g" of a positive v between 1e-300 and 1e300 (a rate), by hand; printf for anything else.
 * Two significant digits; plain notation for exponents -4 to 1, else d.de+XX; trailing zeros dropped. */
static void put_two_significant(text *t, double v)
{
    if (!(v > 1e-300 && v < 1e300)) {
        put_format(t, "%.2g", v);
        return;
    }
    int exponent = (int)floor(log10(v));
    double digits = clear_rint(v / pow(10, exponent - 1));
    if (digits >= 0 && digits < 10) { /* log10 rounded up across a power of ten */
        exponent--;
        digits = clear_rint(v / pow(10, exponent - 1));
    }
    if (digits == 100) {
        exponent++;
        digits = 10;
    }
    if (digits < 10 || digits > 99) {
        put_format(t, "%.2g", v);
        return;
    }
    unsigned first = (unsigned)digits / 10, second = (unsigned)digits % 10;
    if (exponent < -4 || exponent >= 2) {
        put_digits(t, first, 1);
        if (second) {
            put(t, ".");
            put_digits(t, second, 1);
        }
        put(t, exponent < 0 ? "e-" : "e+");
        put_digits(t, (unsigned long long)abs(exponent), 2);
    } else if (exponent == 1) {
        put_digits(t, (unsigned long long)digits, 1);
    } else if (exponent == 0) {
        put_digits(t, first, 1);
        if (second) {
            put(t, ".");
            put_digits(t, second, 1);
        }
    } else {
        put(t, "0.");
        for (int zeros = -exponent - 1; zeros > 0; zeros--)
            put(t, "0");
        put_digits(t, first, 1);
        if (second)
            put_digits(t, second, 1);
    }
}

/* v to two significant digits, as a number (near enough to what "%.2g" writes, for a reader to format) */
static double two_significant(double v)
{
    if (!(v > 0 && isfinite(v)))
        return v;
    double unit = pow(10, floor(log10(v)) - 1);
    return rint(v / unit) * unit;
}

static void put_count(text *t, double v)
{
    char buf[32];
    tf_format_count(v, buf, sizeof buf);
    put(t, buf);
}

static void age_words(text *t, double days)
{
    if (isnan(days)) {
        arg(t, days);
    } else if (days < 60) {
        arg(t, rint(days));
        t->tpl->unit = "days";
    } else if (days < 2 * DAYS_PER_YEAR) {
        arg(t, rint(days / (DAYS_PER_YEAR / 12)));
        t->tpl->unit = "months";
    } else {
        arg(t, rint(days / DAYS_PER_YEAR * 10) / 10);
        t->tpl->unit = "years";
    }
    if (days < 60) {
        put_whole(t, days);
        put(t, " ");
        put(t, plural(round(days), "day", "days"));
    } else if (days < 2 * DAYS_PER_YEAR) {
        put_whole(t, days / (DAYS_PER_YEAR / 12));
        put(t, " months");
    } else {
        put_tenths(t, days / DAYS_PER_YEAR);
        put(t, " years");
    }
}

static void network(const tf_facts *f, text *t)
{
    key(t, isnan(f->following) ? "network_followers" : isnan(f->followers) ? "network_following" : "network_both");
    if (!isnan(f->following))
        arg(t, rint(f->following));
    if (!isnan(f->following) && !isnan(f->followers))
        arg(t, rint(f->followers));
    else if (isnan(f->following))
        arg(t, f->followers); /* NAN when neither count was shown */
    if (!isnan(f->following)) {
        put(t, "follows ");
        put_count(t, f->following);
        put(t, plural(f->following, " account", " accounts"));
        if (isnan(f->followers))
            return;
        put(t, "; ");
    }
    put_count(t, f->followers);
    put(t, plural(f->followers, " follower", " followers"));
}

static void activity(const tf_facts *f, text *t)
{
    if (isnan(f->posts) && isnan(f->age_days)) {
        key(t, "activity_unknown");
        put(t, "posts and account age not shown");
    } else if (isnan(f->posts)) {
        key(t, "activity_age");
        put(t, "account is ");
        age_words(t, f->age_days);
        put(t, " old");
    } else if (isnan(f->age_days)) {
        key(t, "activity_posts");
        arg(t, rint(f->posts));
        put_count(t, f->posts);
        put(t, plural(f->posts, " post", " posts"));
    } else if (f->posts == 0) {
        key(t, "activity_no_posts");
        put(t, "no posts in ");
        age_words(t, f->age_days);
    } else {
        double rate = f->posts / (f->age_days > 1.0 ? f->age_days : 1.0); /* not NAN here */
        key(t, "activity_rate");
        arg(t, rint(f->posts));
        put_count(t, f->posts);
        put(t, plural(f->posts, " post", " posts"));
        put(t, " in ");
        age_words(t, f->age_days);
        put(t, " (");
        arg(t, two_significant(rate));
        put_two_significant(t, rate);
        put(t, " a day)");
    }
}

static void likes(const tf_facts *f, text *t)
{
    if (f->likes_given == 0) {
        key(t, "likes_none");
        put(t, "has never liked a post");
        return;
    }
    key(t, "likes");
    arg(t, rint(f->likes_given));
    put(t, "has liked ");
    put_count(t, f->likes_given);
    put(t, plural(f->likes_given, " post", " posts"));
}

static void handle(tf_feature_id lead, const tf_facts *f, text *t)
{
    if ((lead == TF_F_HANDLE_CONSONANT_RUN || lead == TF_F_HANDLE_SWITCHES) && f->handle_consonant_run >= 4) {
        key(t, "handle_consonants");
        arg(t, rint(f->handle_consonant_run));
        put(t, "handle has a run of ");
        put_whole(t, f->handle_consonant_run);
        put(t, " consonants");
    } else if (f->handle_digits > 0 && !isnan(f->handle_length)) {
        key(t, "handle_digits");
        arg(t, rint(f->handle_digits));
        arg(t, rint(f->handle_length));
        put(t, "handle has ");
        put_whole(t, f->handle_digits);
        put(t, plural(f->handle_digits, " digit in ", " digits in "));
        put_whole(t, f->handle_length);
        put(t, " characters");
    } else if (f->handle_digit_share > 0) {
        key(t, "handle_digit_share");
        arg(t, rint(100 * f->handle_digit_share));
        put_whole(t, 100 * f->handle_digit_share);
        put(t, "% of the handle is digits");
    } else if (!isnan(f->handle_length)) {
        key(t, f->handle_digits == 0 ? "handle_length_no_digits" : "handle_length");
        arg(t, rint(f->handle_length));
        put(t, "handle of ");
        put_whole(t, f->handle_length);
        put(t, f->handle_digits == 0 ? " characters, no digits" : " characters");
    } else {
        key(t, "handle_no_digits");
        put(t, "handle has no digits");
    }
}

static void name(const tf_facts *f, text *t)
{
    if (f->name_length == 0) {
        key(t, "name_none");
        put(t, "no display name");
    } else if (f->name_is_handle == 1) {
        key(t, "name_is_handle");
        put(t, "display name is the handle");
    } else if (f->name_digit_share > 0) {
        key(t, "name_digits");
        put(t, "display name contains digits");
    } else if (!isnan(f->name_words)) {
        key(t, "name_words");
        arg(t, rint(f->name_words));
        put(t, "display name of ");
        put_whole(t, f->name_words);
        put(t, plural(f->name_words, " word", " words"));
    } else if (f->name_handle_overlap >= 0.5) {
        key(t, "name_matches_handle");
        put(t, "display name matches the handle");
    } else {
        key(t, "name_unlike_handle");
        put(t, "display name unlike the handle");
    }
}

/* A sentence without numbers: its key and its English. */
static void say(text *t, const char *k, const char *words)
{
    key(t, k);
    put(t, words);
}

/* ---- the known signs ----------------------------------------------------------------------------- */

/* following per follower, with no followers counted as one */
static double following_per_follower(const tf_facts *f)
{
    return f->following / (f->followers > 1 ? f->followers : 1);
}

/*
 * What is known of bought accounts, fact by fact, beside the features that read the same fact. A fact is
 * judged only in the sentences that name it (their keys start with `named_by`). With more_is_fake +1 a value
 * at or above fake_from is a sign of a fake and one at or below real_from a sign of a real account; with -1
 * the other way round. real_from NAN: the fact is never a sign of a real account (a handle without digits
 * says nothing either way).
 */
typedef struct known_sign {
    const char *named_by;
    tf_feature_id feature; /* the fact it judges (sign_fact) */
    int more_is_fake;
    double fake_from, real_from;
} known_sign;

static const known_sign known_signs[] = {
    {"network_", TF_F_FOLLOWERS, -1, TF_SIGN_FEW_FOLLOWERS, TF_SIGN_MANY_FOLLOWERS},
    {"network_both", TF_F_FOLLOWING_PER_FOLLOWERS_SQ, +1, TF_SIGN_FOLLOWING_FAR_ABOVE, 1.0},
    {"activity_", TF_F_POSTS, -1, TF_SIGN_FEW_POSTS, TF_SIGN_MANY_POSTS},
    {"activity_", TF_F_AGE_DAYS, -1, TF_SIGN_YOUNG_DAYS, TF_SIGN_OLD_DAYS},
    {"avatar_", TF_F_DEFAULT_AVATAR, +1, 1.0, 0.0},
    {"bio_", TF_F_BIO_LENGTH, -1, 0.0, 1.0},
    {"handle_digits", TF_F_HANDLE_DIGITS, +1, 1.0, NAN},
    {"handle_digit_share", TF_F_HANDLE_DIGIT_SHARE, +1, 1e-9, NAN},
    {"name_digits", TF_F_NAME_DIGIT_SHARE, +1, 1e-9, NAN},
};

/* The fact a known sign judges (following per follower for the ratio's feature). */
static double sign_fact(tf_feature_id feature, const tf_facts *f)
{
    switch (feature) {
    case TF_F_FOLLOWERS: return f->followers;
    case TF_F_FOLLOWING_PER_FOLLOWERS_SQ: return following_per_follower(f);
    case TF_F_POSTS: return f->posts;
    case TF_F_AGE_DAYS: return f->age_days;
    case TF_F_DEFAULT_AVATAR: return f->default_avatar;
    case TF_F_BIO_LENGTH: return f->bio_length;
    case TF_F_HANDLE_DIGITS: return f->handle_digits;
    case TF_F_HANDLE_DIGIT_SHARE: return f->handle_digit_share;
    case TF_F_NAME_DIGIT_SHARE: return f->name_digit_share;
    default: return NAN;
    }
}

/* By hand: every reason considered asks for every known sign (strlen and strncmp are calls in wasm). */
static int starts_with(const char *s, const char *prefix)
{
    while (*prefix && *s == *prefix)
        s++, prefix++;
    return *prefix == '\0';
}

int tf_reason_sign(const tf_reason_template *words, const tf_facts *f)
{
    int fake = 0, real = 0;
    for (size_t i = 0; words->key && i < sizeof known_signs / sizeof *known_signs; i++) {
        const known_sign *k = &known_signs[i];
        if (!starts_with(words->key, k->named_by))
            continue;
        double v = sign_fact(k->feature, f);
        if (isnan(v))
            continue;
        double towards_fake = k->more_is_fake * v; /* larger: more like a fake */
        fake |= towards_fake >= k->more_is_fake * k->fake_from;
        real |= !isnan(k->real_from) && towards_fake <= k->more_is_fake * k->real_from;
    }
    return fake - real;
}

int tf_reason_may_show(const tf_reason_template *words, const tf_facts *f, double effect)
{
    int sign = tf_reason_sign(words, f);
    return sign == 0 || (sign > 0 ? effect > 0 : effect < 0);
}

void tf_reason_text(tf_feature_group group, tf_feature_id lead, const tf_facts *f, char *out, size_t size,
                    tf_reason_template *tpl)
{
    if (size == 0)
        return;
    tf_reason_template scratch;
    text t = {out, size, 0, tpl ? tpl : &scratch};
    *t.tpl = (tf_reason_template){"other", NULL, 0, {0}};
    out[0] = '\0';
    switch (group) {
    case TF_G_NETWORK: network(f, &t); return;
    case TF_G_ACTIVITY: activity(f, &t); return;
    case TF_G_LIKES: likes(f, &t); return;
    case TF_G_AVATAR:
        if (f->default_avatar == 1)
            say(&t, "avatar_none", "no profile picture");
        else
            say(&t, "avatar_set", "has a profile picture");
        return;
    case TF_G_BIO:
        if (f->bio_length > 0) {
            key(&t, "bio_length");
            arg(&t, rint(f->bio_length));
            put(&t, "bio of ");
            put_whole(&t, f->bio_length);
            put(&t, " characters");
        } else {
            say(&t, "bio_empty", "empty bio");
        }
        return;
    case TF_G_LINK:
        if (f->bio_link == 1)
            say(&t, "link_set", "links to a website");
        else
            say(&t, "link_none", "no link in the profile");
        return;
    case TF_G_VERIFIED:
        if (f->verified == 1)
            say(&t, "verified", "verified");
        else
            say(&t, "not_verified", "not verified");
        return;
    case TF_G_PRIVATE:
        if (f->is_private == 1)
            say(&t, "private", "private account");
        else
            say(&t, "public", "public account");
        return;
    case TF_G_HANDLE: handle(lead, f, &t); return;
    case TF_G_NAME: name(f, &t); return;
    case TF_N_GROUPS: break;
    }
    put(&t, "other");
}
