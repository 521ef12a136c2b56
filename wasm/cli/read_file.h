/*
 * The one "read a whole file" of the C tools around the core (the command line, the C tests, the bench, the
 * evaluations, the training tool); the core itself reads no files: bytes come to it from its callers.
 */
#ifndef TF_READ_FILE_H
#define TF_READ_FILE_H

#include <stddef.h>

/* Reads the whole file at `path` ("-": standard input) into a new NUL-terminated buffer, the caller's to free,
 * and its length into *len (when len is not NULL). Returns NULL with errno set when the file cannot be read,
 * or is larger than max_bytes (EFBIG). */
char *read_whole_file(const char *path, size_t max_bytes, size_t *len);

#endif
