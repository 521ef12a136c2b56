/*
 * Writing HTML escaped by construction, into a growing buffer. Markup can only be a string literal
 * (TF_DOC_MARKUP pastes "" around its argument, which a variable cannot survive); every other string goes
 * through tf_doc_text, which escapes & < > " and ', so text from the inputs can never become markup.
 * Out of memory is remembered in failed, and later writes do nothing.
 */
#ifndef TF_DOC_HTML_H
#define TF_DOC_HTML_H

#include <stddef.h>

typedef struct tf_doc {
    char *text; /* NUL-terminated; owned, freed by the caller (tf_free) or taken */
    size_t len, cap;
    int failed;
} tf_doc;

#define TF_DOC_MARKUP(h, literal) tf_doc_markup_((h), "" literal "")
void tf_doc_markup_(tf_doc *h, const char *markup);

/* Writes text escaped, for element content and quoted attribute values alike. NULL writes nothing. */
void tf_doc_text(tf_doc *h, const char *text);

/* Formats like printf, then writes the result escaped (up to 1023 bytes). */
void tf_doc_textf(tf_doc *h, const char *format, ...) __attribute__((format(printf, 2, 3)));

#endif
