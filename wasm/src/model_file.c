/*
 * The model file reader (see model_file.h). The format, line by line, in this order:
 *
 *   truefollow-model 1
 *   name <name>                      version <name>-<hash>
 *   columns <n> <feature names...>   the core's features, in tf_feature_table order
 *   trained <x bits> <instagram bits>
 *   base_margin <float>              calibration <a> <b>
 *   error_rates <threshold> <tp> <fn> <tn> <fp>   the audit's rates at the "likely fake" cut: the counts (fractional)
 *                                    of the Beta a new audience's sensitivity and specificity follow across data sets
 *   verdict_band <low> <high>        optional: p_fake from low to below high reads "uncertain";
 *                                    0 < low <= threshold <= high <= 1 (absent: low = high = threshold)
 *   unseen_platform_cut <high>       optional, after verdict_band: "likely fake" from this p_fake on a platform
 *                                    without labelled data; high <= it <= 1 (absent: the band's high)
 *   trees <n>, then per tree: tree <nodes>, and one line per node:
 *     <left> <right> <feature> <default_left> <value> <mean>   (left = right = -1 at a leaf)
 *
 * Numbers go through strtod/strtof, so the run must be in the "C" locale (the core never sets another).
 */
#include "model_file.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TOKENS (TF_N_FEATURES + 4)
#define MAX_NODES_PER_TREE 32767 /* child indices are int16_t */
#define MAX_HELDOUT_COUNT 1000000000

/* The model and what it points into: the model comes first, so the reader hands out &owner->model. */
typedef struct owned_model {
    tf_tree_model model;
    char *text; /* the file's copy: names and version point into it */
    const char *columns[TF_N_FEATURES];
    int32_t *starts;
    tf_tree_node *nodes;
} owned_model;

typedef struct cursor {
    char *at;
    int line;
    char *tok[MAX_TOKENS];
    int n_tok;
    char *why;
    size_t why_size;
} cursor;

static int fail(cursor *c, const char *fmt, ...)
{
    int n = snprintf(c->why, c->why_size, "model file line %d: ", c->line);
    if (n >= 0 && (size_t)n < c->why_size) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(c->why + n, c->why_size - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return -1;
}

/* Splits the next line into tokens in place; -1 at the end of the text or on too many tokens. */
static int next_line(cursor *c)
{
    c->n_tok = 0;
    if (*c->at == '\0') {
        c->line++;
        return fail(c, "the file ends early");
    }
    c->line++;
    char *p = c->at;
    char *end = strchr(p, '\n');
    c->at = end ? end + 1 : p + strlen(p);
    if (end)
        *end = '\0';
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\r')
            *p++ = '\0';
        if (*p == '\0')
            return 0;
        if (c->n_tok == MAX_TOKENS)
            return fail(c, "too many fields");
        c->tok[c->n_tok++] = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\r')
            p++;
    }
}

/* The next line, which must be `key` and n_values more fields. */
static int expect(cursor *c, const char *key, int n_values)
{
    if (next_line(c) != 0)
        return -1;
    if (c->n_tok == 0 || strcmp(c->tok[0], key) != 0)
        return fail(c, "expected \"%s\"", key);
    if (n_values >= 0 && c->n_tok != n_values + 1)
        return fail(c, "\"%s\" wants %d values, not %d", key, n_values, c->n_tok - 1);
    return 0;
}

static int read_double(cursor *c, const char *s, double *out)
{
    char *end;
    *out = strtod(s, &end);
    if (end == s || *end || !isfinite(*out))
        return fail(c, "\"%.32s\" is not a finite number", s);
    return 0;
}

static int read_float(cursor *c, const char *s, float *out)
{
    double d;
    if (read_double(c, s, &d) != 0)
        return -1;
    if (fabs(d) > FLT_MAX)
        return fail(c, "\"%.32s\" is out of a float's range", s);
    *out = strtof(s, NULL); /* rounded once, as the compiler rounds the embedded literal */
    return 0;
}

/* A held-out count: a number from 0 to MAX_HELDOUT_COUNT, fractional when it stands for a Beta's spread. */
static int read_count(cursor *c, const char *s, double *out)
{
    if (read_double(c, s, out) != 0)
        return -1;
    if (!(*out >= 0 && *out <= MAX_HELDOUT_COUNT))
        return fail(c, "\"%.32s\" is not a count from 0 to %d", s, MAX_HELDOUT_COUNT);
    return 0;
}

static int read_int(cursor *c, const char *s, long lo, long hi, long *out)
{
    char *end;
    *out = strtol(s, &end, 10);
    if (end == s || *end || *out < lo || *out > hi)
        return fail(c, "\"%.32s\" is not a whole number from %ld to %ld", s, lo, hi);
    return 0;
}

static int read_bits(cursor *c, const char *s, unsigned long long *out)
{
    char *end;
    if (*s == '-')
        return fail(c, "\"%.32s\" is not a set of feature bits", s);
    *out = strtoull(s, &end, 10);
    if (end == s || *end || (*out >> TF_N_FEATURES) != 0)
        return fail(c, "\"%.32s\" is not a set of feature bits", s);
    return 0;
}

static int read_name(cursor *c, const char *key, const char **out)
{
    if (expect(c, key, 1) != 0)
        return -1;
    const char *s = c->tok[1];
    if (strlen(s) > 64 || strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-_.") != strlen(s))
        return fail(c, "the %s holds other than a-z, 0-9, - _ . or is over 64 characters", key);
    *out = s;
    return 0;
}

/* The optional "verdict_band" line after "error_rates"; without it there is no band. */
static int read_band(cursor *c, tf_tree_model *m)
{
    m->band_low = m->band_high = m->rates.threshold;
    const char *p = c->at + strspn(c->at, " \t");
    if (strncmp(p, "verdict_band", 12) != 0 || !strchr(" \t\r\n", p[12]) || p[12] == '\0')
        return 0;
    if (expect(c, "verdict_band", 2) != 0 || read_double(c, c->tok[1], &m->band_low) != 0 ||
        read_double(c, c->tok[2], &m->band_high) != 0)
        return -1;
    if (!(m->band_low > 0 && m->band_low <= m->rates.threshold && m->rates.threshold <= m->band_high &&
          m->band_high <= 1))
        return fail(c, "the verdict band must hold 0 < low <= threshold <= high <= 1");
    return 0;
}

/* The optional "unseen_platform_cut" line after the band; without it the band's high edge serves there too. */
static int read_unseen_cut(cursor *c, tf_tree_model *m)
{
    m->unseen_high = m->band_high;
    const char *p = c->at + strspn(c->at, " \t");
    if (strncmp(p, "unseen_platform_cut", 19) != 0 || !strchr(" \t\r\n", p[19]) || p[19] == '\0')
        return 0;
    if (expect(c, "unseen_platform_cut", 1) != 0 || read_double(c, c->tok[1], &m->unseen_high) != 0)
        return -1;
    if (!(m->band_high <= m->unseen_high && m->unseen_high <= 1))
        return fail(c, "the unseen platforms' cut must hold high <= cut <= 1");
    return 0;
}

static int read_header(cursor *c, owned_model *o)
{
    tf_tree_model *m = &o->model;
    if (next_line(c) != 0)
        return -1;
    if (c->n_tok != 2 || strcmp(c->tok[0], "truefollow-model") != 0 || strcmp(c->tok[1], "1") != 0)
        return fail(c, "not a truefollow model file of format 1");
    if (read_name(c, "name", &m->name) != 0 || read_name(c, "version", &m->version) != 0)
        return -1;
    if (expect(c, "columns", -1) != 0)
        return -1;
    long n;
    if (c->n_tok < 2 || read_int(c, c->tok[1], TF_N_FEATURES, TF_N_FEATURES, &n) != 0)
        return fail(c, "the core reads %d columns", TF_N_FEATURES);
    if (c->n_tok != 2 + TF_N_FEATURES)
        return fail(c, "\"columns\" names %d columns, not %d", c->n_tok - 2, TF_N_FEATURES);
    for (int i = 0; i < TF_N_FEATURES; i++)
        o->columns[i] = c->tok[2 + i];
    m->n_features = TF_N_FEATURES;
    m->feature_names = o->columns;
    if (tf_tree_model_check(m, c->why, c->why_size) != 0)
        return -1;

    if (expect(c, "trained", 2) != 0 || read_bits(c, c->tok[1], &m->trained_x) != 0 ||
        read_bits(c, c->tok[2], &m->trained_instagram) != 0)
        return -1;
    if (expect(c, "base_margin", 1) != 0 || read_float(c, c->tok[1], &m->base_margin) != 0)
        return -1;
    if (expect(c, "calibration", 2) != 0 || read_double(c, c->tok[1], &m->calibration_a) != 0 ||
        read_double(c, c->tok[2], &m->calibration_b) != 0)
        return -1;
    if (!(m->calibration_a > 0))
        return fail(c, "the calibration's slope must be above 0");

    tf_heldout_rates *r = &m->rates;
    double *counts[] = {&r->tp, &r->fn, &r->tn, &r->fp};
    if (expect(c, "error_rates", 5) != 0 || read_double(c, c->tok[1], &r->threshold) != 0)
        return -1;
    for (int i = 0; i < 4; i++)
        if (read_count(c, c->tok[2 + i], counts[i]) != 0)
            return -1;
    if (!(r->threshold > 0 && r->threshold < 1))
        return fail(c, "the verdict threshold must lie between 0 and 1");
    if (!(r->tp + r->fn > 0) || !(r->tn + r->fp > 0))
        return fail(c, "the error rates need held-out fakes and held-out real accounts");
    r->sensitivity = r->tp / (r->tp + r->fn);
    r->specificity = r->tn / (r->tn + r->fp);
    return read_band(c, m) != 0 ? -1 : read_unseen_cut(c, m);
}

/* One node line of a tree of n_nodes; children come after their parent, so every walk ends at a leaf. */
static int read_node(cursor *c, int index, int n_nodes, tf_tree_node *node)
{
    long left, right, feature, default_left;
    if (next_line(c) != 0)
        return -1;
    if (c->n_tok != 6)
        return fail(c, "a node wants 6 values, not %d", c->n_tok);
    if (read_int(c, c->tok[0], -1, n_nodes - 1, &left) != 0 || read_int(c, c->tok[1], -1, n_nodes - 1, &right) != 0 ||
        read_int(c, c->tok[2], 0, TF_N_FEATURES - 1, &feature) != 0 ||
        read_int(c, c->tok[3], 0, 1, &default_left) != 0 || read_float(c, c->tok[4], &node->value) != 0 ||
        read_float(c, c->tok[5], &node->mean) != 0)
        return -1;
    int leaf = left == -1 && right == -1;
    if (!leaf && (left <= index || right <= index))
        return fail(c, "node %d: a split's children must both come after it", index);
    node->left = (int16_t)left;
    node->right = (int16_t)right;
    node->feature = (uint8_t)feature;
    node->default_left = (uint8_t)default_left;
    return 0;
}

static int read_trees(cursor *c, owned_model *o)
{
    long n_trees;
    if (expect(c, "trees", 1) != 0 || read_int(c, c->tok[1], 1, TF_MODEL_MAX_TREES, &n_trees) != 0)
        return -1;
    o->starts = malloc((size_t)n_trees * sizeof *o->starts);
    if (!o->starts)
        return fail(c, "out of memory");
    size_t cap = 0, used = 0;
    for (long t = 0; t < n_trees; t++) {
        long n_nodes;
        if (expect(c, "tree", 1) != 0 || read_int(c, c->tok[1], 1, MAX_NODES_PER_TREE, &n_nodes) != 0)
            return -1;
        if (used + (size_t)n_nodes > TF_MODEL_MAX_NODES)
            return fail(c, "over %d nodes in all", TF_MODEL_MAX_NODES);
        if (used + (size_t)n_nodes > cap) {
            size_t bigger = (used + (size_t)n_nodes) * 2;
            tf_tree_node *nodes = realloc(o->nodes, bigger * sizeof *nodes);
            if (!nodes)
                return fail(c, "out of memory");
            o->nodes = nodes;
            cap = bigger;
        }
        o->starts[t] = (int32_t)used;
        for (int i = 0; i < n_nodes; i++)
            if (read_node(c, i, (int)n_nodes, &o->nodes[used + (size_t)i]) != 0)
                return -1;
        if (o->nodes[used].left < 0 && n_nodes > 1)
            return fail(c, "tree %ld: the root is a leaf but the tree has %ld nodes", t, n_nodes);
        used += (size_t)n_nodes;
    }
    o->model.n_trees = (int)n_trees;
    o->model.tree_start = o->starts;
    o->model.nodes = o->nodes;
    while (*c->at) {
        if (next_line(c) != 0)
            return -1;
        if (c->n_tok)
            return fail(c, "unexpected text after the last tree");
    }
    return 0;
}

tf_tree_model *tf_model_file_read(const char *text, size_t len, char *why, size_t why_size)
{
    owned_model *o = calloc(1, sizeof *o);
    char *copy = o ? malloc(len + 1) : NULL;
    if (!copy) {
        free(o);
        snprintf(why, why_size, "out of memory");
        return NULL;
    }
    memcpy(copy, text, len);
    copy[len] = '\0';
    o->text = copy;
    if (strlen(copy) != len) {
        snprintf(why, why_size, "a model file holds no NUL byte");
        tf_model_file_free(&o->model);
        return NULL;
    }
    cursor c = {.at = copy, .why = why, .why_size = why_size};
    if (read_header(&c, o) != 0 || read_trees(&c, o) != 0) {
        tf_model_file_free(&o->model);
        return NULL;
    }
    return &o->model;
}

void tf_model_file_free(tf_tree_model *m)
{
    owned_model *o = (owned_model *)m; /* the model is the first member */
    if (!o)
        return;
    free(o->text);
    free(o->starts);
    free(o->nodes);
    free(o);
}
