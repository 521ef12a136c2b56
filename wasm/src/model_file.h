/*
 * Reading a model file (wasm/models/<model>.tfm, written by wasm/train) at run time, so a retrained model
 * can be scored with before it is compiled in: `truefollow score --model FILE`. The shipped models are
 * compiled in from the same files (wasm/train/embed_models.awk); tests check both readings agree.
 *
 * The file is outside bytes: every field is checked (the columns are the core's, counts and values are
 * finite and in range, every child comes after its parent within its tree, so walking a tree ends).
 */
#ifndef TF_MODEL_FILE_H
#define TF_MODEL_FILE_H

#include <stddef.h>

#include "model.h"

#ifndef TF_MODEL_MAX_TREES
#define TF_MODEL_MAX_TREES 4096
#endif
#ifndef TF_MODEL_MAX_NODES
#define TF_MODEL_MAX_NODES (1 << 20) /* in all trees together; the shipped models have under 3,000 */
#endif

/* The model in `text` (len bytes, need not be NUL-terminated), in one allocation for tf_model_file_free;
 * NULL and why on any error. */
tf_tree_model *tf_model_file_read(const char *text, size_t len, char *why, size_t why_size);
void tf_model_file_free(tf_tree_model *m);

#endif
