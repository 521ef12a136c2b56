# The audience estimate's simulation benchmark and the engagement baselines.
#
#   make eval-audience         the coverage / error grid of the fake share and the Follower Factory simulation,
#                              then audiences drawn from data sets the model did not train on
#   make eval-audience-exact   the same, and each cell's coverage computed exactly over audience and sample
#                              (EXACT_DRAWS measurements of the error rates; a few minutes)
#   make baselines       regenerate wasm/src/engagement_instagram.inc from InstaFake (aggregates only)
AUDIENCE_POOLS := profile card
EXACT_DRAWS ?= 1000
AUDIENCE_INPUTS = $(DATA_DIR)/twitter/cresci2015/E13_humans.train.csv \
  $(foreach pool,$(AUDIENCE_POOLS),$(BUILD)/models/heldout_$(pool).csv)

.PHONY: eval-audience eval-audience-exact baselines

$(BUILD)/eval_audience: wasm/eval/eval_audience.c $(BUILD)/libtruefollow.a
	$(CC) $(CFLAGS) $(CORE_INC) $< $(BUILD)/libtruefollow.a -lm -o $@

$(BUILD)/eval_unseen: wasm/eval/eval_unseen.c $(BUILD)/libtruefollow.a
	$(CC) $(CFLAGS) $(CORE_INC) $< $(BUILD)/libtruefollow.a -lm -o $@

# Held-out scores come from the model's training (out-of-fold p_fake of every labelled row; and for the unseen
# audiences, leave-one-data-set-out p_fake with the rates measured without the audience's sets).
eval-audience: $(BUILD)/eval_audience $(BUILD)/eval_unseen $(BUILD)/models/.trained
	$(BUILD)/eval_audience $(AUDIENCE_INPUTS)
	$(BUILD)/eval_unseen $(BUILD)/models/loo_profile.csv $(BUILD)/models/loo_audiences_profile.csv

eval-audience-exact: $(BUILD)/eval_audience $(BUILD)/models/.trained
	$(BUILD)/eval_audience --exact $(EXACT_DRAWS) $(AUDIENCE_INPUTS)

$(BUILD)/engagement_baselines: wasm/eval/engagement_baselines.c $(READ_FILE) | $(DEPS_STAMP)
	$(CC) -std=c11 -O2 -Wall -Wextra -I$(CJSON_DIR) $(READ_FILE_INC) $< $(READ_FILE) $(CJSON_DIR)/cJSON.c -lm -o $@

baselines: $(BUILD)/engagement_baselines
	$(BUILD)/engagement_baselines $(DATA_DIR)/instagram/instafake/nonautomatedAccountData.json > wasm/src/engagement_instagram.inc
