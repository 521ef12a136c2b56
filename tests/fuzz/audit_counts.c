/*
 * tf_audit_from_counts: the audience estimate from any counts and any error rates (the rates will come
 * from a model file). Input: n, fake, inactive as little-endian 32-bit numbers, then the four rates as raw
 * doubles (so NaN, infinities and negatives arrive too). n is kept to 2^11 so that runs stay fast: the
 * interval's cost grows with n up to 262,144 accounts (larger samples are taken at that size), a few
 * milliseconds there natively for the models' rates, under 50 ms for the least informative; the
 * malformed-input tests read a million accounts through the public API.
 */
#include <stddef.h>
#include <stdint.h>

#include "audit.h"
#include "fuzz.h"

#define MAX_N 2048u

static uint32_t take_u32(const uint8_t **data, size_t *size)
{
    uint32_t v = 0;
    for (int i = 0; i < 4 && *size; i++, (*data)++, (*size)--)
        v |= (uint32_t)**data << (8 * i);
    return v;
}

static double take_double(const uint8_t **data, size_t *size)
{
    double v = 0;
    if (*size >= sizeof v) {
        memcpy(&v, *data, sizeof v);
        *data += sizeof v;
        *size -= sizeof v;
    }
    return v;
}

static void check_share(const tf_share *s)
{
    TF_FUZZ_CHECK(isnan(s->share) || (s->share >= 0 && s->share <= 1));
    TF_FUZZ_CHECK(s->ci90[0] >= 0 && s->ci90[0] <= s->ci90[1] && s->ci90[1] <= 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n = take_u32(&data, &size) % (MAX_N + 1);
    size_t fake = take_u32(&data, &size) % (MAX_N + 1);
    size_t inactive = take_u32(&data, &size) % (MAX_N + 1);
    tf_error_rates rates;
    rates.true_pos = take_double(&data, &size);
    rates.false_neg = take_double(&data, &size);
    rates.true_neg = take_double(&data, &size);
    rates.false_pos = take_double(&data, &size);
    tf_audit audit;
    tf_audit_from_counts(n, fake, inactive, &rates, TF_SEEN_FOLLOWERS, &audit);
    TF_FUZZ_CHECK(audit.n == n && audit.too_few == (n < TF_AUDIT_MIN_SAMPLE));
    check_share(&audit.real);
    check_share(&audit.inactive);
    check_share(&audit.fake);
    if (!isnan(audit.fake.share)) /* the three shares split the audience */
        TF_FUZZ_CHECK(fabs(audit.real.share + audit.inactive.share + audit.fake.share - 1) < 1e-9);
    return 0;
}
