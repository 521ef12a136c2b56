/* A small CSV reader (RFC 4180: quoted fields may hold commas, quotes and newlines). */
#ifndef TRAIN_CSV_H
#define TRAIN_CSV_H

#include <stddef.h>

#ifndef CSV_MAX_FIELDS
#define CSV_MAX_FIELDS 64
#endif

/* Splits the next record at *cursor in place (unquoting); returns the field count, 0 at the end. */
int csv_next(char **cursor, char *fields[CSV_MAX_FIELDS]);
/* The column named `name` in a header record, or -1. */
int csv_column(char *const header[], int n, const char *name);
/* Reads a whole text file into a NUL-terminated buffer, NUL bytes in it made spaces (caller frees); NULL on failure. */
char *read_text_file(const char *path, size_t *len);

#endif
