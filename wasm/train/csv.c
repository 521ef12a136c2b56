/* A small in-place CSV reader for the labelled data sets; see csv.h. */
#include "csv.h"
#include "read_file.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int csv_next(char **cursor, char *fields[CSV_MAX_FIELDS])
{
    char *p = *cursor;
    if (!p || !*p)
        return 0;
    int n = 0;
    for (;;) {
        char *out = p, *start = p, end;
        if (*p == '"') { /* quoted: copy down, "" is one quote */
            p++;
            for (;;) {
                if (!*p)
                    break;
                if (*p == '"' && p[1] == '"') {
                    *out++ = '"';
                    p += 2;
                } else if (*p == '"') {
                    p++;
                    break;
                } else {
                    *out++ = *p++;
                }
            }
        } else {
            while (*p && *p != ',' && *p != '\n' && *p != '\r')
                p++;
            out = p;
        }
        if (n < CSV_MAX_FIELDS)
            fields[n++] = start;
        /* skip to the separator */
        while (*p && *p != ',' && *p != '\n' && *p != '\r')
            p++;
        end = *p;
        *out = '\0';
        if (end == ',') {
            p++;
            continue;
        }
        if (end == '\r') { /* the separator itself may now be the NUL just written */
            p++;
            if (*p == '\n')
                p++;
        } else if (end == '\n') {
            p++;
        }
        break;
    }
    *cursor = p;
    return n;
}

int csv_column(char *const header[], int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(header[i], name) == 0)
            return i;
    return -1;
}

char *read_text_file(const char *path, size_t *len)
{
    size_t size = 0;
    char *buf = read_whole_file(path, SIZE_MAX, &size);
    if (buf) {
        /* One cresci-2015 bio holds NUL bytes; as text they mean nothing, and they would end the string. */
        for (size_t i = 0; i < size; i++)
            if (buf[i] == '\0')
                buf[i] = ' ';
        if (len)
            *len = size;
    }
    return buf;
}
