/* HTML helpers for the adapters; see html_text.h. */
#include "html_text.h"

#include <stdio.h>
#include <string.h>

#ifndef TF_HTML_MAX_TAG
#define TF_HTML_MAX_TAG 2048 /* bytes from a tag's '<' to the attribute searched for */
#endif

static int starts_with_ci(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++) {
        char c = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
        if (c != *prefix)
            return 0;
    }
    return 1;
}

/* The '<' of the tag that `at` lies inside, or NULL when `at` is not inside a tag. */
static const char *tag_start(const char *html, const char *at)
{
    for (const char *p = at; p > html && at - p < TF_HTML_MAX_TAG; p--) {
        if (p[-1] == '>')
            return NULL;
        if (p[-1] == '<')
            return p - 1;
    }
    return NULL;
}

static const char *script_content(const char *html, const char *found, size_t *len)
{
    const char *open = tag_start(html, found);
    if (!open || !starts_with_ci(open + 1, "script"))
        return NULL;
    const char *start = strchr(found, '>');
    if (!start)
        return NULL;
    start++;
    const char *end = strstr(start, "</script");
    if (!end)
        end = strstr(start, "</SCRIPT");
    if (!end)
        return NULL;
    *len = (size_t)(end - start);
    return start;
}

const char *tf_html_script_with(const char *html, const char *attr, const char *value, size_t *len)
{
    char needle[2][160];
    snprintf(needle[0], sizeof needle[0], "%s=\"%s\"", attr, value);
    snprintf(needle[1], sizeof needle[1], "%s='%s'", attr, value);
    for (int q = 0; q < 2; q++) {
        for (const char *p = strstr(html, needle[q]); p; p = strstr(p + 1, needle[q])) {
            if (p > html && p[-1] != ' ' && p[-1] != '\n' && p[-1] != '\t' && p[-1] != '\r')
                continue; /* part of a longer attribute name */
            const char *content = script_content(html, p, len);
            if (content)
                return content;
        }
    }
    return NULL;
}

/* The end of the JSON value starting at the '{' at s: one pass counting braces outside strings. */
static const char *object_end(const char *s)
{
    int depth = 0, in_string = 0;
    for (; *s; s++) {
        if (in_string) {
            if (*s == '\\' && s[1])
                s++;
            else if (*s == '"')
                in_string = 0;
        } else if (*s == '"') {
            in_string = 1;
        } else if (*s == '{' || *s == '[') {
            depth++;
        } else if (*s == '}' || *s == ']') {
            if (--depth == 0)
                return s + 1;
        } else if (*s == '<' && starts_with_ci(s, "</script")) {
            return NULL;
        }
    }
    return NULL;
}

const char *tf_html_object_after(const char *html, const char *name, size_t *len)
{
    size_t n = strlen(name);
    for (const char *p = strstr(html, name); p; p = strstr(p + n, name)) {
        const char *s = p + n;
        if (*s == '"' || *s == '\'')
            s++; /* window["ytInitialData"] */
        if (*s == ']')
            s++;
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            s++;
        if (*s != '=')
            continue;
        s++;
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            s++;
        if (*s != '{')
            continue;
        const char *end = object_end(s);
        if (!end)
            return NULL;
        *len = (size_t)(end - s);
        return s;
    }
    return NULL;
}

const cJSON *tf_html_parse_kept(tf_batch *out, const char *text, size_t len, int *no_memory)
{
    *no_memory = 0;
    while (len && (*text == ' ' || *text == '\n' || *text == '\r' || *text == '\t')) {
        text++;
        len--;
    }
    cJSON *tree = cJSON_ParseWithLength(text, len);
    if (!tree)
        return NULL;
    if (tf_batch_keep_tree(out, tree)) {
        *no_memory = 1;
        return NULL;
    }
    return tree;
}

const char *tf_html_lang(const char *html, char *buf, size_t size)
{
    buf[0] = '\0';
    const char *tag = NULL;
    for (const char *p = strchr(html, '<'); p; p = strchr(p + 1, '<')) {
        if (starts_with_ci(p, "<html") && (p[5] == ' ' || p[5] == '>' || p[5] == '\n')) {
            tag = p;
            break;
        }
        if (starts_with_ci(p, "<body") || starts_with_ci(p, "<head"))
            break;
    }
    if (!tag)
        return buf;
    const char *end = strchr(tag, '>');
    for (const char *p = tag; end && p < end; p++) {
        if (starts_with_ci(p, " lang=")) {
            p += 6;
            char quote = (*p == '"' || *p == '\'') ? *p++ : ' ';
            size_t n = 0;
            while (p < end && *p != quote && *p != '>' && n + 1 < size)
                buf[n++] = *p++;
            buf[n] = '\0';
            break;
        }
    }
    return buf;
}

static const struct { const char *name; const char *text; } entities[] = {
    {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "},
};

const char *tf_html_text(tf_batch *out, const char *fragment)
{
    size_t len = strlen(fragment);
    char *copy = tf_batch_strndup(out, fragment, len); /* the text is never longer than the fragment */
    if (!copy)
        return NULL;
    size_t n = 0;
    for (const char *p = fragment; *p;) {
        if (*p == '<') {
            const char *close = strchr(p, '>');
            if (!close)
                break;
            if ((starts_with_ci(p, "<br") || starts_with_ci(p, "</p")) && n > 0 && copy[n - 1] != '\n')
                copy[n++] = '\n';
            p = close + 1;
            continue;
        }
        if (*p == '&') {
            size_t k = 0;
            for (; k < sizeof entities / sizeof entities[0]; k++) {
                size_t en = strlen(entities[k].name);
                if (strncmp(p, entities[k].name, en) == 0) {
                    copy[n++] = entities[k].text[0];
                    p += en;
                    break;
                }
            }
            if (k < sizeof entities / sizeof entities[0])
                continue;
        }
        copy[n++] = *p++;
    }
    while (n > 0 && copy[n - 1] == '\n')
        n--;
    copy[n] = '\0';
    return copy;
}
