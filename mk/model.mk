# The scoring model: training and evaluation (wasm/train, with XGBoost's C library), the shipped model files
# (wasm/models/*.tfm, committed) compiled into the core as build/gen/models.c, and the check that the core's
# evaluator predicts exactly what XGBoost predicts.
#
#   make model   retrain from ../shared/data (deterministic) and update wasm/models/*.tfm
#   make eval    the evaluation tables: model and published rule sets side by side, calibration, ablation
MODEL_FILES := $(sort $(wildcard wasm/models/*.tfm))
TRAIN_SRC := $(wildcard wasm/train/*.c)
TRAIN_LIB_SRC := $(filter-out wasm/train/train.c wasm/train/check.c wasm/train/bench.c,$(TRAIN_SRC)) $(READ_FILE)
TRAIN_CORE_OBJ := $(BUILD)/native/audit.o $(BUILD)/native/profile_features.o $(BUILD)/native/timefmt.o $(BUILD)/native/account.o $(BUILD)/native/cJSON.o
TRAIN_CFLAGS = $(CFLAGS) $(CORE_INC) $(READ_FILE_INC) -Iwasm/train

.PHONY: model eval test-model-equality bench-model

# ---- the models inside the core --------------------------------------------------------------------
$(BUILD)/gen/models.c: $(MODEL_FILES) wasm/train/embed_models.awk
	@mkdir -p $(@D)
	awk -f wasm/train/embed_models.awk $(MODEL_FILES) > $@.tmp && mv $@.tmp $@

# mk/core.mk lists build/gen/models.c among the core's sources: the library and every wasm build take it.

# ---- training --------------------------------------------------------------------------------------
$(BUILD)/train/train: wasm/train/train.c $(TRAIN_LIB_SRC) $(wildcard wasm/train/*.h) $(TRAIN_CORE_OBJ) $(CORE_HDR)
	@mkdir -p $(@D)
	$(CC) $(TRAIN_CFLAGS) wasm/train/train.c $(TRAIN_LIB_SRC) $(TRAIN_CORE_OBJ) -lxgboost -lm -o $@

# Trains into build/models: XGBoost's own files (.json, for the equality check), the .tfm files, held-out scores.
$(BUILD)/models/.trained: $(BUILD)/train/train
	@mkdir -p $(@D)
	$(BUILD)/train/train --data $(DATA_DIR) --out $(BUILD)/models --write
	@touch $@

# Only the models the trainer writes today (profile, card): a model file an older trainer left in build/models
# must not come back into wasm/models.
SHIPPED_MODEL_NAMES := profile card
model: $(BUILD)/models/.trained
	cp $(SHIPPED_MODEL_NAMES:%=$(BUILD)/models/%.tfm) wasm/models/

eval: $(BUILD)/train/train
	@mkdir -p $(BUILD)/models
	$(BUILD)/train/train --data $(DATA_DIR) --out $(BUILD)/models --eval | tee $(BUILD)/models/eval.md

# ---- the core against XGBoost ----------------------------------------------------------------------
$(BUILD)/train/check: wasm/train/check.c $(TRAIN_LIB_SRC) $(wildcard wasm/train/*.h) $(BUILD)/libtruefollow.a
	@mkdir -p $(@D)
	$(CC) $(TRAIN_CFLAGS) wasm/train/check.c $(TRAIN_LIB_SRC) $(BUILD)/libtruefollow.a -lxgboost -lm -o $@

# The labelled rows are not in the repository (they hold real people's data): without them, say so loudly.
ifneq ($(wildcard $(DATA_DIR)/twitter),)
test-model-equality: $(BUILD)/train/check $(BUILD)/models/.trained
	$(BUILD)/train/check --data $(DATA_DIR) --models $(BUILD)/models
else
test-model-equality:
	@echo "test-model-equality: SKIPPED: no labelled data at $(DATA_DIR) (set DATA_DIR)"
endif

# ---- speed (not a test) ----------------------------------------------------------------------------
$(BUILD)/train/bench: wasm/train/bench.c $(BUILD)/libtruefollow.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(CORE_INC) -O2 $< $(BUILD)/libtruefollow.a -lm -o $@

bench-model: $(BUILD)/train/bench
	$(BUILD)/train/bench

# The C test of the training tool's error rates compiles wasm/train/loo_rates.c into itself.
$(BUILD)/tests/test_loo_rates: wasm/train/loo_rates.c wasm/train/loo_rates.h
