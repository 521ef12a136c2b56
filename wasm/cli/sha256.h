/* SHA-256 (FIPS 180-4), for the digests of a report's inputs. The caller owns the context; no allocation. */
#ifndef TF_CLI_SHA256_H
#define TF_CLI_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct tf_sha256 {
    uint32_t state[8];
    uint64_t bytes;
    unsigned char block[64];
    size_t used;
} tf_sha256;

void tf_sha256_init(tf_sha256 *h);
void tf_sha256_update(tf_sha256 *h, const void *data, size_t len);
/* Writes the digest as 64 lowercase hex digits and a NUL into hex[65]. */
void tf_sha256_hex(tf_sha256 *h, char hex[65]);

#endif
