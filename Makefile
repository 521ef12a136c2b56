# truefollow: one C core, built natively (library + command line) and to WebAssembly (debug + release),
# the extension for Chromium and Firefox, and the tests. `make help` lists the targets.

SHELL := /bin/bash
BUILD := build
DEPS_STAMP := $(BUILD)/.deps-ready
CJSON_DIR := $(BUILD)/deps/cjson
export NODE_PATH := /usr/share/nodejs# Debian's emcc finds acorn there
# The labelled data sets, never in the repository: training, the evaluations and the bench read them.
DATA_DIR ?= ../shared/data

.PHONY: all help deps native wasm chrome firefox extension test test-c test-node test-e2e demo clean
all: native wasm extension

help:
	@echo "make deps      install Debian packages, npm pins and cJSON (idempotent)"
	@echo "make native    build/libtruefollow.a and build/truefollow"
	@echo "make wasm      the core as WebAssembly: debug and release, for Node and for the extension"
	@echo "make chrome    build/chrome (unpacked) and build/truefollow-chrome.zip"
	@echo "make firefox   build/firefox (unpacked) and build/truefollow-firefox.xpi"
	@echo "make test      C unit tests (also under ASan and UBSan), the model against XGBoost, Node tests of both wasm"
	@echo "               builds, Chromium and Firefox end to end, the command line under valgrind, the fuzzers"
	@echo "make lint      ESLint over every JavaScript file (eslint.config.js), tsc over the // @ts-check files (tsconfig.json)"
	@echo "make demo      the extension on the bundled demo profiles: screenshots in build/demo"
	@echo "make release   both archives built twice from clean and compared, SHA256SUMS, web-ext lint, Chromium manifest check"
	@echo "make bench     speed and size, with where the badge's time goes: bench/results.json, docs/bench.md"
	@echo "make bench-check  the short bench that fails when the badge or the core got far slower (CI runs it)"

deps: $(DEPS_STAMP)
$(DEPS_STAMP): scripts/build/deps.sh package-lock.json
	bash scripts/build/deps.sh
	@mkdir -p $(BUILD) && touch $@

# ---- areas ----------------------------------------------------------------------------------------
# The core first (mk/core.mk: sources, flags, native and wasm builds), then each area's own targets (model,
# words, extension, eval, bench, fuzz, publish, lint) in mk/<area>.mk. An area reads only the variables of this
# file and of mk/core.mk while it is read, so the order of the others does not matter.
include mk/core.mk
include $(filter-out mk/core.mk,$(sort $(wildcard mk/*.mk)))

# ---- tests ----------------------------------------------------------------------------------------
# `make test`, composed here and nowhere else: ESLint over every JavaScript file, the core's C tests and the
# model's equality with XGBoost, the Node tests of both wasm builds, the end-to-end tests in both browsers, the
# C tests under the sanitizers, the command line under valgrind, and the fuzzers from their seeds.
test: lint test-c test-model-equality test-node test-e2e test-c-sanitized test-valgrind fuzz-ci

test-node: wasm $(BUILD)/truefollow
	node --test tests/node/

clean:
	rm -rf $(BUILD)/native $(BUILD)/wasm $(BUILD)/tests $(BUILD)/truefollow $(BUILD)/libtruefollow.a $(BUILD)/chrome $(BUILD)/firefox
