# truefollow: one C core, built natively (library + command line) and to WebAssembly (debug + release),
# the extension for Chromium and Firefox, and the tests. `make help` lists the targets.

SHELL := /bin/bash
BUILD := build
DEPS_STAMP := $(BUILD)/.deps-ready
CJSON_DIR := $(BUILD)/deps/cjson
export NODE_PATH := /usr/share/nodejs# Debian's emcc finds acorn there

CORE_SRC := $(sort $(wildcard wasm/src/*.c))
CORE_HDR := $(wildcard wasm/src/*.h)
CORE_INC := -Iwasm/src -I$(CJSON_DIR)

CC ?= cc
WARNINGS := -Wall -Wextra -Werror -Wconversion -Wshadow -Wstrict-prototypes -Wno-sign-conversion
CFLAGS := -std=c11 -O2 -g $(WARNINGS) -D_POSIX_C_SOURCE=200809L
CJSON_CFLAGS := -std=c89 -O2 -g# third-party: built as its authors build it, without our -Werror

.PHONY: all help deps native wasm chrome firefox extension test test-c test-node test-e2e demo clean
all: native wasm extension

help:
	@echo "make deps      install Debian packages, npm pins and cJSON (idempotent)"
	@echo "make native    build/libtruefollow.a and build/truefollow"
	@echo "make wasm      the core as WebAssembly: debug and release, for Node and for the extension"
	@echo "make chrome    build/chrome (unpacked) and build/truefollow-chrome.zip"
	@echo "make firefox   build/firefox (unpacked) and build/truefollow-firefox.xpi"
	@echo "make test      C unit tests, Node tests of both wasm builds, Chromium and Firefox end to end"
	@echo "make demo      the extension on the bundled demo profiles: screenshots in build/demo"
	@echo "make release   both archives built twice from clean and compared, SHA256SUMS, web-ext lint, Chromium manifest check"
	@echo "make bench     speed and size, with where the badge's time goes: bench/results.json, docs/bench.md"
	@echo "make bench-check  the short bench that fails when the badge or the core got far slower (CI runs it)"

deps: $(DEPS_STAMP)
$(DEPS_STAMP): scripts/deps.sh package-lock.json
	bash scripts/deps.sh
	@mkdir -p $(BUILD) && touch $@

# ---- native ---------------------------------------------------------------------------------------
NATIVE_OBJ := $(CORE_SRC:wasm/src/%.c=$(BUILD)/native/%.o) $(BUILD)/native/cJSON.o

native: $(BUILD)/truefollow $(BUILD)/libtruefollow.a

$(BUILD)/native/%.o: wasm/src/%.c $(CORE_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(CORE_INC) -c $< -o $@

$(BUILD)/native/cJSON.o: $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CJSON_CFLAGS) -c $(CJSON_DIR)/cJSON.c -o $@

$(BUILD)/libtruefollow.a: $(NATIVE_OBJ)
	rm -f $@ && ar rcs $@ $^

CLI_SRC := $(sort $(wildcard wasm/cli/*.c))
$(BUILD)/truefollow: $(CLI_SRC) $(wildcard wasm/cli/*.h) $(BUILD)/libtruefollow.a
	$(CC) $(CFLAGS) $(CORE_INC) -Iwasm/cli $(CLI_SRC) $(BUILD)/libtruefollow.a -lm -o $@

# ---- WebAssembly ----------------------------------------------------------------------------------
# Every build:
EMFLAGS := -sMODULARIZE=1#                              a factory, so js-glue controls when and how often it loads
EMFLAGS += -sEXPORT_NAME=createTruefollowCore#         the factory's name
EMFLAGS += -sEXPORTED_FUNCTIONS=@wasm/exports.json#    the C API, listed once
EMFLAGS += -sEXPORTED_RUNTIME_METHODS=@wasm/runtime-methods.json# the string helpers js-glue uses, nothing more
EMFLAGS += -sFILESYSTEM=0#                              the core reads no files: bytes come from JavaScript
EMFLAGS += -sALLOW_MEMORY_GROWTH=1#                     audits of unknown size
EMFLAGS += -sINITIAL_MEMORY=16MB#                       enough for a typical page's responses without growing
EMFLAGS += -sMAXIMUM_MEMORY=1GB#                        a ceiling, so a hostile input is refused, not the tab's memory
EMFLAGS += -sABORTING_MALLOC=0#                         malloc returns NULL at the ceiling; the core reports an error
EMFLAGS += -sDYNAMIC_EXECUTION=0#                       no eval or new Function: the extension's CSP forbids them
EMFLAGS += -sSTRICT=1#                                  no deprecated settings or implicit runtime exports
# Release: fast and small. Debug: every check emscripten has.
EMFLAGS_RELEASE := -O3 -flto#                           the core is small; O3 and whole-program inlining pay for themselves
EMFLAGS_DEBUG := -O0 -g#                                readable stacks and source maps
EMFLAGS_DEBUG += -sASSERTIONS=2#                        runtime checks on every call across the boundary
EMFLAGS_DEBUG += -sSAFE_HEAP=1#                         traps unaligned and out-of-bounds memory accesses
EMFLAGS_DEBUG += -sSTACK_OVERFLOW_CHECK=2#              traps stack overflows
# Per environment: Node loads CommonJS (emscripten 3.1.6's ES6 output assumes __dirname there);
# the extension's worker loads an ES module with no Node code paths.
EMFLAGS_NODE := -sENVIRONMENT=node
EMFLAGS_WEB := -sENVIRONMENT=web,worker -sEXPORT_ES6=1

WASM_OUT := $(foreach env,node web,$(foreach kind,debug release,$(BUILD)/wasm/$(env)-$(kind)/truefollow-core.$(if $(filter node,$(env)),cjs,mjs)))
wasm: $(WASM_OUT)

EMCC_INPUTS = $(CORE_SRC) $(CJSON_DIR)/cJSON.c $(CORE_HDR) wasm/exports.json wasm/runtime-methods.json
define emcc_rule
$(BUILD)/wasm/$(1)-$(2)/truefollow-core.$(3): $$(EMCC_INPUTS) | $$(DEPS_STAMP)
	@mkdir -p $$(@D)
	emcc -std=c11 $$(CORE_INC) $$(CORE_SRC) $$(CJSON_DIR)/cJSON.c $$(EMFLAGS) $$(EMFLAGS_$(4)) $$(EMFLAGS_$(5)) -o $$@
endef
$(eval $(call emcc_rule,node,debug,cjs,DEBUG,NODE))
$(eval $(call emcc_rule,node,release,cjs,RELEASE,NODE))
$(eval $(call emcc_rule,web,debug,mjs,DEBUG,WEB))
$(eval $(call emcc_rule,web,release,mjs,RELEASE,WEB))

# ---- tests ----------------------------------------------------------------------------------------
C_TESTS := $(patsubst tests/c/%.c,$(BUILD)/tests/%,$(wildcard tests/c/test_*.c))

test: test-c test-node test-e2e

$(BUILD)/tests/%: tests/c/%.c $(BUILD)/libtruefollow.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Wno-unused-parameter $(CORE_INC) $< $(BUILD)/libtruefollow.a -lcmocka -lm -o $@

test-c: $(C_TESTS) $(BUILD)/truefollow
	@for t in $(C_TESTS); do echo "== $$t"; $$t || exit 1; done

test-node: wasm $(BUILD)/truefollow
	node --test tests/node/

# Each area's own targets (model, extension, bench, fuzz, ...) live in mk/<area>.mk.
include $(wildcard mk/*.mk)

clean:
	rm -rf $(BUILD)/native $(BUILD)/wasm $(BUILD)/tests $(BUILD)/truefollow $(BUILD)/libtruefollow.a $(BUILD)/chrome $(BUILD)/firefox
