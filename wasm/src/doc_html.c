#include "doc_html.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void append(tf_doc *h, const char *bytes, size_t n)
{
    if (h->failed)
        return;
    if (h->len + n + 1 > h->cap) {
        size_t cap = h->cap ? h->cap : 4096;
        while (cap < h->len + n + 1)
            cap *= 2;
        char *bigger = realloc(h->text, cap);
        if (!bigger) {
            h->failed = 1;
            return;
        }
        h->text = bigger;
        h->cap = cap;
    }
    memcpy(h->text + h->len, bytes, n);
    h->len += n;
    h->text[h->len] = '\0';
}

void tf_doc_markup_(tf_doc *h, const char *markup)
{
    append(h, markup, strlen(markup));
}

void tf_doc_text(tf_doc *h, const char *text)
{
    const char *p = text ? text : "", *run = p;
    for (; *p; p++) {
        const char *entity = NULL;
        switch (*p) {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\'': entity = "&#39;"; break;
        default: continue;
        }
        append(h, run, (size_t)(p - run));
        append(h, entity, strlen(entity));
        run = p + 1;
    }
    append(h, run, (size_t)(p - run));
}

void tf_doc_textf(tf_doc *h, const char *format, ...)
{
    char text[1024];
    va_list args;
    va_start(args, format);
    vsnprintf(text, sizeof text, format, args);
    va_end(args);
    tf_doc_text(h, text);
}
