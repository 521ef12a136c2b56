/* The model: a feature vector in, log-odds of "fake" and each feature's contribution out. */
#ifndef TF_MODEL_H
#define TF_MODEL_H

#include "account.h"
#include "audit.h"
#include "score.h"

/* Fills `out->p_fake` and `out->reasons`; the verdict is the caller's. */
void tf_model_predict(const tf_account *a, double now, tf_score *out);
const char *tf_model_version(void);
/* The held-out error rates of the model that scores accounts of this platform, for the audit. */
void tf_model_error_rates(tf_platform platform, tf_error_rates *out);

#endif
