#include "doc_html.h"

#include <stdarg.h>
#include <string.h>

void tf_doc_markup_(tf_doc *h, const char *markup)
{
    if (fputs(markup, h->out) == EOF)
        h->failed = 1;
}

void tf_doc_text(tf_doc *h, const char *text)
{
    for (const char *p = text ? text : ""; *p; p++) {
        const char *entity = NULL;
        switch (*p) {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\'': entity = "&#39;"; break;
        default: break;
        }
        if (entity ? fputs(entity, h->out) == EOF : fputc(*p, h->out) == EOF)
            h->failed = 1;
    }
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
