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

# The bench's entry points (bench/bench_api.c: the core's hot paths repeated inside one call) are linked into
# the bench's own builds only, never into the library, the command line or a wasm build users get: natively
# into bench_native, and into a Node build made with the release's flags whose exports are the public API's
# (wasm/exports.json) and the bench's (bench/exports.json).
BENCH_API := bench/bench_api.c bench/bench_api.h
BENCH_WASM := $(BUILD)/wasm/node-bench/truefollow-core.cjs

$(BUILD)/bench/bench_native: bench/bench_native.c $(BENCH_API) $(READ_FILE) $(BUILD)/libtruefollow.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(CORE_INC) $(READ_FILE_INC) -Ibench $< bench/bench_api.c $(READ_FILE) $(BUILD)/libtruefollow.a -lxgboost -lm -o $@

$(BUILD)/bench/exports.json: wasm/exports.json bench/exports.json
	@mkdir -p $(@D)
	node -e 'const [a, b] = process.argv.slice(1).map((f) => JSON.parse(require("fs").readFileSync(f, "utf8"))); console.log(JSON.stringify([...a, ...b]))' $^ > $@

$(BENCH_WASM): $(EMCC_INPUTS) $(BENCH_API) $(BUILD)/bench/exports.json | $(DEPS_STAMP)
	@mkdir -p $(@D)
	emcc -std=c11 $(CORE_INC) -Ibench $(CORE_SRC) bench/bench_api.c $(CJSON_DIR)/cJSON.c $(filter-out -sEXPORTED_FUNCTIONS=%,$(EMFLAGS)) \
	  -sEXPORTED_FUNCTIONS=@$(BUILD)/bench/exports.json $(EMFLAGS_RELEASE) $(EMFLAGS_NODE) -o $@

# Memory over a million calls of the public API (a measurement, so it belongs here, not to `make test`).
bench-memory: $(BUILD)/wasm/node-release/truefollow-core.cjs
	node bench/bench_memory.mjs
.PHONY: bench-memory

bench: bench-memory $(BUILD)/bench/bench_native $(BENCH_WASM) chrome $(if $(BENCH_MODELS),$(BUILD)/models/.trained)
	node bench/run.mjs --fixture $(BENCH_FIXTURE) --native $(BUILD)/bench/bench_native $(if $(BENCH_MODELS),--models $(BENCH_MODELS))

# `make bench-check`: the short version (three rounds of each, best round), failing when the badge or the cold
# start is over 3 times its target or a ratio more than 20% past its target (bench/check.mjs). .ci/run runs it.
.PHONY: bench-check
bench-check: $(BUILD)/bench/bench_native $(BENCH_WASM) $(BUILD)/wasm/node-release/truefollow-core.cjs chrome
	node bench/check.mjs --fixture $(BENCH_FIXTURE) --native $(BUILD)/bench/bench_native

# `make bench-readme`: the README's "Speed and size" table, date and commit from bench/results.json (bench/readme.mjs).
.PHONY: bench-readme
bench-readme:
	node bench/readme.mjs
