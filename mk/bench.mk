# Speed, size and latency, measured side by side on this machine (not a test; never part of `make test`).
#
#   make bench          bench/results.json, docs/bench.md and the table: native, wasm under Node, Chromium
#   make bench-readme   the README's "Speed and size" from bench/results.json (after make bench, on the same commit)
#   make bench-check    the short version that fails on a slowdown far past the targets (CI)
#
# The followers response: the recorded one when ../shared is here, else the committed anonymised copy.
# XGBoost's reference needs its own model files, which `make model`'s training writes from ../shared/data.
BENCH_FIXTURE := $(firstword $(wildcard ../shared/fixtures/twitter/Followers_2026-08.json) tests/fixtures/x/Followers_examplestudio.json)
BENCH_MODELS := $(if $(wildcard $(DATA_DIR)),$(BUILD)/models)

.PHONY: bench

$(BUILD)/bench/bench_native: bench/bench_native.c $(BUILD)/libtruefollow.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(CORE_INC) $< $(BUILD)/libtruefollow.a -lxgboost -lm -o $@

bench: $(BUILD)/bench/bench_native $(BUILD)/wasm/node-release/truefollow-core.cjs chrome $(if $(BENCH_MODELS),$(BUILD)/models/.trained)
	node bench/run.mjs --fixture $(BENCH_FIXTURE) --native $(BUILD)/bench/bench_native $(if $(BENCH_MODELS),--models $(BENCH_MODELS))

# `make bench-check`: the short version (three rounds of each, best round), failing when the badge or the cold
# start is over 3 times its target or a ratio more than 20% past its target (bench/check.mjs). .ci/run runs it.
.PHONY: bench-check
bench-check: $(BUILD)/bench/bench_native $(BUILD)/wasm/node-release/truefollow-core.cjs chrome
	node bench/check.mjs --fixture $(BENCH_FIXTURE) --native $(BUILD)/bench/bench_native

# `make bench-readme`: the README's "Speed and size" table, date and commit from bench/results.json (bench/readme.mjs).
.PHONY: bench-readme
bench-readme:
	node bench/readme.mjs
