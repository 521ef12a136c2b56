# The audience estimate's simulation benchmark and the engagement baselines.
#
#   make eval-audience   the coverage / error grid of the fake share and the Follower Factory simulation
#   make baselines       regenerate wasm/src/engagement_instagram.inc from InstaFake (aggregates only)
DATA_DIR ?= ../shared/data
AUDIENCE_POOLS := x-profile instagram-profile card

.PHONY: eval-audience baselines

$(BUILD)/eval_audience: wasm/audience/eval_audience.c $(BUILD)/libtruefollow.a
	$(CC) $(CFLAGS) $(CORE_INC) $< $(BUILD)/libtruefollow.a -lm -o $@

# Held-out scores come from the model's training (out-of-fold p_fake of every labelled row).
eval-audience: $(BUILD)/eval_audience $(BUILD)/models/.trained
	$(BUILD)/eval_audience $(DATA_DIR)/twitter/cresci2015/E13_humans.train.csv \
	  $(foreach pool,$(AUDIENCE_POOLS),$(BUILD)/models/heldout_$(pool).csv)

$(BUILD)/engagement_baselines: wasm/audience/engagement_baselines.c | $(DEPS_STAMP)
	$(CC) -std=c11 -O2 -Wall -Wextra -I$(CJSON_DIR) $< $(CJSON_DIR)/cJSON.c -lm -o $@

baselines: $(BUILD)/engagement_baselines
	$(BUILD)/engagement_baselines $(DATA_DIR)/instagram/instafake/nonautomatedAccountData.json > wasm/src/engagement_instagram.inc
