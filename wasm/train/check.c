/*
 * check: proves that the core evaluates the shipped models exactly as XGBoost does.
 *
 *   check --data DIR --models DIR
 *
 * For every model compiled into the core (build/gen/models.c, from wasm/models/<model>.tfm) it loads XGBoost's own
 * file of the same model (DIR/<model>.json, written by `train --write`), builds every labelled row's vector
 * the way training does, and compares on every row: XGBoost's probability with the core's (before
 * calibration) to 1e-6, the margins to 1e-5 relative, the calibrated p_fake computed from both margins
 * through the model's calibration to 1e-6, and the path contributions (XGBoost's approximate contributions)
 * to 1e-5. It also checks that each model's columns are the core's features. Exit status 1 on any mismatch.
 */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <xgboost/c_api.h>

#include "datasets.h"
#include "model.h"
#include "views.h"

#define TOLERANCE 1e-6

static int check_model(const tf_tree_model *tm, const model_spec *spec, const rowset *rows, const char *dir)
{
    char path[1024], why[200];
    if (tf_tree_model_check(tm, why, sizeof why)) {
        fprintf(stderr, "check: %s\n", why);
        return 1;
    }
    matrix m;
    if (build_matrix(rows, spec, SETS_ALL,
                     COLUMNS_FEATURES, 0, 0, &m))
        return 1;
    /* every row of every set through this model's view: the rows it trained on and all the others */
    BoosterHandle b = NULL;
    DMatrixHandle d = NULL;
    const bst_ulong *shape;
    bst_ulong dim;
    const float *prob, *margin, *contrib;
    snprintf(path, sizeof path, "%s/%s.json", dir, tm->name);
    int failed = 0;
    if (XGBoosterCreate(NULL, 0, &b) || XGBoosterLoadModel(b, path) ||
        XGDMatrixCreateFromMat(m.x, (bst_ulong)m.n, (bst_ulong)m.ncol, NAN, &d)) {
        fprintf(stderr, "check: %s: %s\n", path, XGBGetLastError());
        matrix_free(&m);
        return 1;
    }
    static const char *config = "{\"type\": %d, \"training\": false, \"iteration_begin\": 0, \"iteration_end\": 0, "
                                "\"strict_shape\": false}";
    char conf[200];
    double max_p = 0, max_m = 0, max_cal = 0, max_c = 0;
    float mine[TF_N_FEATURES + 1];
    snprintf(conf, sizeof conf, config, 0);
    if (XGBoosterPredictFromDMatrix(b, d, conf, &shape, &dim, &prob))
        failed = 1;
    float *probs = failed ? NULL : malloc((size_t)m.n * sizeof *probs);
    if (probs)
        memcpy(probs, prob, (size_t)m.n * sizeof *probs);
    snprintf(conf, sizeof conf, config, 1);
    float *margins = NULL;
    if (!failed && !XGBoosterPredictFromDMatrix(b, d, conf, &shape, &dim, &margin)) {
        margins = malloc((size_t)m.n * sizeof *margins);
        if (margins)
            memcpy(margins, margin, (size_t)m.n * sizeof *margins);
    }
    snprintf(conf, sizeof conf, config, 3);
    if (!probs || !margins || XGBoosterPredictFromDMatrix(b, d, conf, &shape, &dim, &contrib)) {
        fprintf(stderr, "check: %s: prediction failed: %s\n", tm->name, XGBGetLastError());
        failed = 1;
    }
    for (int i = 0; !failed && i < m.n; i++) {
        const float *x = m.x + (size_t)i * (size_t)m.ncol;
        float core_margin = tf_tree_model_margin(tm, x, mine);
        double core_p = 1 / (1 + exp(-(double)core_margin));
        double dp = fabs(core_p - probs[i]);
        double dm = fabs((double)core_margin - margins[i]) / fmax(1.0, fabs((double)margins[i]));
        double dcal = fabs(tf_tree_model_calibrate(tm, core_margin) - tf_tree_model_calibrate(tm, margins[i]));
        double dc = 0;
        for (int f = 0; f <= TF_N_FEATURES; f++)
            dc = fmax(dc, fabs((double)mine[f] - contrib[(size_t)i * (TF_N_FEATURES + 1) + (size_t)f]));
        max_p = fmax(max_p, dp);
        max_m = fmax(max_m, dm);
        max_cal = fmax(max_cal, dcal);
        max_c = fmax(max_c, dc);
        if (dp > TOLERANCE || dm > 10 * TOLERANCE || dcal > TOLERANCE || dc > 10 * TOLERANCE) {
            fprintf(stderr, "check: %s row %d: core p %.9f margin %.9g, XGBoost p %.9f margin %.9g, contrib diff %.3g\n",
                    tm->name, i, core_p, (double)core_margin, (double)probs[i], (double)margins[i], dc);
            failed = 1;
        }
    }
    if (!failed)
        printf("check: %s (%s): %d rows, core equals XGBoost: max |dp| %.2g, max rel. |dmargin| %.2g, "
               "max |dp_fake| %.2g, max |dcontribution| %.2g\n",
               tm->name, tm->version, m.n, max_p, max_m, max_cal, max_c);
    free(probs);
    free(margins);
    XGDMatrixFree(d);
    XGBoosterFree(b);
    matrix_free(&m);
    return failed;
}

int main(int argc, char **argv)
{
    const char *data = NULL, *dir = NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--data") == 0)
            data = argv[i + 1];
        else if (strcmp(argv[i], "--models") == 0)
            dir = argv[i + 1];
    }
    if (!data || !dir) {
        fprintf(stderr, "usage: check --data DIR --models DIR\n");
        return 2;
    }
    rowset rows;
    if (datasets_load(data, &rows))
        return 1;
    int failed = 0, checked = 0;
    for (int s = 0; s < n_model_specs; s++) {
        const tf_tree_model *tm = tf_model_find(model_specs[s].name);
        if (!tm) {
            fprintf(stderr, "check: the core ships no model %s\n", model_specs[s].name);
            failed = 1;
            continue;
        }
        failed |= check_model(tm, &model_specs[s], &rows, dir);
        checked++;
    }
    if (checked != tf_n_shipped_models) {
        fprintf(stderr, "check: the core ships %d models, training defines %d\n", tf_n_shipped_models, checked);
        failed = 1;
    }
    rowset_free(&rows);
    return failed;
}
