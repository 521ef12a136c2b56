# The C core (wasm/src, with cJSON): its sources and flags, built natively (library and command line) and to
# WebAssembly (debug and release, for Node and for the extension), and its C unit tests. Every other area
# (mk/*.mk) builds on the variables defined here; the Makefile includes this file first.

# The core's sources: wasm/src, and two generated from files the core does not own: the shipped models
# (wasm/models/*.tfm, rule in mk/model.mk) and the documents' words (extension/_locales, rule in mk/words.mk).
CORE_GEN := $(BUILD)/gen/models.c $(BUILD)/gen/words.c
CORE_SRC := $(sort $(wildcard wasm/src/*.c)) $(CORE_GEN)
CORE_HDR := $(wildcard wasm/src/*.h)

# cJSON recurses once per nesting level, in parsing, printing and freeing. Its default limit of 1000 levels
# overflowed the JavaScript engine's stack in the debug wasm build (between 700 and 999 levels, Node 20,
# a RangeError that drops the instance). Real responses nest under 32 levels: 256 in every build (native,
# wasm, fuzzing, sanitizers), for cJSON itself and for every file that includes cJSON.h.
CJSON_LIMITS := -DCJSON_NESTING_LIMIT=256
CORE_INC := -Iwasm/src -I$(CJSON_DIR) $(CJSON_LIMITS)

CC ?= cc
WARNINGS := -Wall -Wextra -Werror -Wconversion -Wshadow -Wstrict-prototypes -Wno-sign-conversion
CFLAGS := -std=c11 -O2 -g $(WARNINGS) -D_POSIX_C_SOURCE=200809L
CJSON_CFLAGS := -std=c89 -O2 -g $(CJSON_LIMITS)# third-party: built as its authors build it, without our -Werror

# ---- native ---------------------------------------------------------------------------------------
NATIVE_OBJ := $(patsubst $(BUILD)/gen/%.c,$(BUILD)/native/gen/%.o,$(CORE_SRC:wasm/src/%.c=$(BUILD)/native/%.o)) $(BUILD)/native/cJSON.o

native: $(BUILD)/truefollow $(BUILD)/libtruefollow.a

$(BUILD)/native/%.o: wasm/src/%.c $(CORE_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(CORE_INC) -c $< -o $@

$(BUILD)/native/gen/%.o: $(BUILD)/gen/%.c $(CORE_HDR) | $(DEPS_STAMP)
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
EMFLAGS += -sEXPORTED_FUNCTIONS=@wasm/exports.json#    the public C API, listed once (a test holds the release to it)
EMFLAGS += -sEXPORTED_RUNTIME_METHODS=@wasm/runtime-methods.json# the string reader js-glue uses, nothing more
EMFLAGS += -sFILESYSTEM=0#                              the core reads no files: bytes come from JavaScript
EMFLAGS += -sALLOW_MEMORY_GROWTH=1#                     audits of unknown size
EMFLAGS += -sINITIAL_MEMORY=16MB#                       enough for a typical page's responses without growing
EMFLAGS += -sTOTAL_STACK=1MB#                           the deepest recursion, JSON nested to cJSON's limit, needs a fraction
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
# The extension's content scripts are classic scripts and may not fetch the package's files without exposing
# them to every page: scripts/build/build-extension.mjs puts this build's .wasm inside core/content-core.js
# (base64), release only. Every page of the six sites compiles it at its start, on the same cores as the page's
# own first frames: size over speed (-Os: half the code of -O3, and a score still about a millisecond).
EMFLAGS_CONTENT := -sENVIRONMENT=web -sINITIAL_MEMORY=4MB# grows when a page needs it; 16 MB on every page made V8 collect more
EMFLAGS_CONTENT_RELEASE := -Os -flto

WASM_OUT := $(foreach env,node web,$(foreach kind,debug release,$(BUILD)/wasm/$(env)-$(kind)/truefollow-core.$(if $(filter node,$(env)),cjs,mjs)))
WASM_OUT += $(BUILD)/wasm/content-release/truefollow-core.js
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
$(eval $(call emcc_rule,content,release,js,CONTENT_RELEASE,CONTENT))

# ---- the core's tests ------------------------------------------------------------------------------
C_TESTS := $(patsubst tests/c/%.c,$(BUILD)/tests/%,$(wildcard tests/c/test_*.c))
# The tools around the core (command line, C tests, bench, evaluations, training) read files with one function.
READ_FILE := wasm/cli/read_file.c
READ_FILE_INC := -Iwasm/cli

$(BUILD)/tests/%: tests/c/%.c $(READ_FILE) $(BUILD)/libtruefollow.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Wno-unused-parameter $(CORE_INC) $(READ_FILE_INC) $< $(READ_FILE) $(BUILD)/libtruefollow.a -lcmocka -lm -o $@

test-c: $(C_TESTS) $(BUILD)/truefollow
	@for t in $(C_TESTS); do echo "== $$t"; $$t || exit 1; done

.PHONY: native wasm test-c
