/* The models and their views of the rows (see views.h). */
#include "views.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define BIT(f) (1ull << (f))

const model_spec model_specs[] = {
    /* The website field is empty for every bought account in cresci-2015 (a collection artefact): left out. */
    {"x-profile", 1u << SET_CRESCI, 0, BIT(TF_F_BIO_LINK), {50, 4, 0.2, 1}},
    {"instagram-profile", (1u << SET_INSTAFAKE) | (1u << SET_KAGGLE), 0, 0, {50, 4, 0.2, 1}},
    {"card", (1u << SET_CRESCI) | (1u << SET_INSTAFAKE) | (1u << SET_KAGGLE), 1, 0, {50, 4, 0.2, 1}},
};
const int n_model_specs = (int)(sizeof model_specs / sizeof model_specs[0]);

int layout_columns(column_layout layout)
{
    switch (layout) {
    case COLUMNS_FEATURES: return TF_N_FEATURES;
    case COLUMNS_WITH_ARTEFACTS: return TF_N_FEATURES + N_ARTEFACTS;
    case COLUMNS_ARTEFACTS_ONLY: return N_ARTEFACTS;
    }
    return 0;
}

static void vector_with(const row *r, const model_spec *spec, unsigned long long excluded,
                        unsigned long long allowed, float out[TF_N_FEATURES])
{
    tf_features_from_facts(&r->facts, out);
    tf_features_mask_view(out, tf_view_bit(r->platform, spec->card));
    for (int f = 0; f < TF_N_FEATURES; f++)
        if (((spec->excluded | excluded) & ~allowed) & BIT(f))
            out[f] = NAN;
}

void row_vector(const row *r, const model_spec *spec, float out[TF_N_FEATURES])
{
    vector_with(r, spec, 0, 0, out);
}

int build_matrix(const rowset *rows, const model_spec *spec, unsigned sets, column_layout layout,
                 unsigned long long extra_excluded, unsigned long long extra_allowed, matrix *m)
{
    memset(m, 0, sizeof *m);
    if (!sets)
        sets = spec->sets;
    m->ncol = layout_columns(layout);
    m->x = malloc((size_t)rows->n * (size_t)m->ncol * sizeof *m->x);
    m->y = malloc((size_t)rows->n * sizeof *m->y);
    m->label = malloc((size_t)rows->n * sizeof *m->label);
    m->row = malloc((size_t)rows->n * sizeof *m->row);
    if (!m->x || !m->y || !m->label || !m->row) {
        matrix_free(m);
        return -1;
    }
    for (int i = 0; i < rows->n; i++) {
        const row *r = &rows->rows[i];
        if (!(sets & (1u << r->set)))
            continue;
        float *x = m->x + (size_t)m->n * (size_t)m->ncol;
        float v[TF_N_FEATURES];
        vector_with(r, spec, extra_excluded, extra_allowed, v);
        if (layout != COLUMNS_ARTEFACTS_ONLY)
            memcpy(x, v, sizeof v);
        if (layout != COLUMNS_FEATURES)
            memcpy(x + (layout == COLUMNS_WITH_ARTEFACTS ? TF_N_FEATURES : 0), r->artefacts, sizeof r->artefacts);
        m->y[m->n] = (float)r->label;
        m->label[m->n] = r->label;
        m->row[m->n] = i;
        m->n++;
    }
    return 0;
}

void matrix_free(matrix *m)
{
    free(m->x);
    free(m->y);
    free(m->label);
    free(m->row);
    memset(m, 0, sizeof *m);
}
