/* Evaluation measures: AUC, the confusion-matrix figures, calibration error, Platt scaling, bootstrap intervals. */
#ifndef TRAIN_METRICS_H
#define TRAIN_METRICS_H

typedef struct confusion {
    int tp, fn, tn, fp;
} confusion;

typedef struct figures {
    double accuracy, precision, recall, f1, mcc, auc, specificity;
    confusion c;
} figures;

/* Area under the ROC curve of `score` (higher = more likely fake); ties count half. */
double auc(const double *score, const int *label, int n);
confusion confuse(const double *p, const int *label, int n, double threshold);
/* All figures: the confusion at `threshold` on p, AUC on p. */
figures measure(const double *p, const int *label, int n, double threshold);
/* Expected calibration error over `bins` equal-width bins of p. */
double ece(const double *p, const int *label, int n, int bins);
/* Fits p = 1/(1+exp(-(a*m+b))) by maximum likelihood (Newton's method). */
void platt_fit(const double *margin, const int *label, int n, double *a, double *b);

typedef struct interval {
    double lo, hi;
} interval;

/* 95% percentile bootstrap intervals of accuracy, MCC and AUC, resampling rows with a fixed seed. */
void bootstrap(const double *p, const int *label, int n, double threshold, int resamples, interval *accuracy,
               interval *mcc, interval *auc_ci);

/* splitmix64: the training program's one source of randomness. */
unsigned long long next_random(unsigned long long *state);

#endif
