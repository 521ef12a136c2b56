# Hostile input: libFuzzer harnesses for every entry point that takes outside bytes, the C tests under
# AddressSanitizer and UndefinedBehaviorSanitizer, and the command line under valgrind.
#
#   make fuzz FUZZ_SECONDS=N     every target for N seconds (default 60), one after the other, growing the
#                                corpus in build/fuzz/corpus (seeded from the fixtures)
#   make fuzz-ci                 the same from the seeds alone (what `make test` runs; 18 targets x 60 s;
#                                FUZZ_ADAPTER_SECONDS=20 FUZZ_PARALLEL=2 brings it to about 5 minutes)
#   make fuzz-<target>           one target (FUZZ_SECONDS applies)
#   make test-c-sanitized        tests/c/test_*.c against a core built with ASan and UBSan
#   make test-valgrind           build/truefollow score and audit on every fixture under valgrind
#
# Targets (tests/fuzz/<name>.c): read, score, audit, audit_counts, factory, count, history, model_file, and one per adapter
# function, adapter_<platform>_<json|html>, built from tests/fuzz/adapter.c. The adapter list is read from
# the declarations in wasm/src/adapter.h, so declaring a new adapter there adds its harness.
# Findings (crashing or slow inputs) go to build/fuzz/findings; rerun one with build/fuzz/<target> <file>.
# FUZZ_PARALLEL=2 runs two targets at once (for a CI runner of its own; not on a shared machine).

FUZZ_CC := clang
FUZZ_SECONDS ?= 60
FUZZ_PARALLEL ?= 1
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SAN_CFLAGS := -std=c11 -O1 -g $(WARNINGS) -D_POSIX_C_SOURCE=200809L
FUZZ_DIR := $(BUILD)/fuzz
SAN_DIR := $(BUILD)/sanitize
FUZZ_FIXTURE_DIRS := tests/fixtures $(wildcard ../shared/fixtures)
FUZZ_FIXTURES := $(shell find $(FUZZ_FIXTURE_DIRS) -type f \( -name '*.json' -o -name '*.jsonl' -o -name '*.html' -o -name '*.tsv' \) 2>/dev/null)

FUZZ_ADAPTERS := $(shell sed -n 's/^tf_read_result tf_read_\([a-z0-9]*_\(json\|html\)\)[^a-z0-9_].*/\1/p' wasm/src/adapter.h)
FUZZ_TARGETS := read score audit audit_counts factory count history model_file $(addprefix adapter_,$(FUZZ_ADAPTERS))

# The core twice (its sources as mk/core.mk lists them, generated ones included): with coverage for
# libFuzzer, and without it for the sanitized unit tests.
core_objects = $(patsubst $(BUILD)/gen/%.c,$(1)/gen/%.o,$(CORE_SRC:wasm/src/%.c=$(1)/%.o)) $(1)/cJSON.o
FUZZ_OBJ := $(call core_objects,$(FUZZ_DIR)/obj)
SAN_OBJ := $(call core_objects,$(SAN_DIR)/obj)
# Named only as prerequisites of pattern rules, make would take them for intermediate files and delete them after
# each build.
.PRECIOUS: $(FUZZ_DIR)/obj/%.o $(FUZZ_DIR)/obj/gen/%.o $(SAN_DIR)/obj/%.o $(SAN_DIR)/obj/gen/%.o

$(FUZZ_DIR)/obj/%.o: wasm/src/%.c $(CORE_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(SAN_CFLAGS) $(SANITIZE) -fsanitize=fuzzer-no-link $(CORE_INC) -c $< -o $@
$(SAN_DIR)/obj/%.o: wasm/src/%.c $(CORE_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(SAN_CFLAGS) $(SANITIZE) $(CORE_INC) -c $< -o $@
$(FUZZ_DIR)/obj/gen/%.o: $(BUILD)/gen/%.c $(CORE_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(SAN_CFLAGS) $(SANITIZE) -fsanitize=fuzzer-no-link $(CORE_INC) -c $< -o $@
$(SAN_DIR)/obj/gen/%.o: $(BUILD)/gen/%.c $(CORE_HDR) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(SAN_CFLAGS) $(SANITIZE) $(CORE_INC) -c $< -o $@
# cJSON parses every hostile byte first: it is sanitized and fuzzed with the core (its own flags, no -Werror).
$(FUZZ_DIR)/obj/cJSON.o: $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=c89 -O1 -g $(CJSON_LIMITS) $(SANITIZE) -fsanitize=fuzzer-no-link -c $(CJSON_DIR)/cJSON.c -o $@
$(SAN_DIR)/obj/cJSON.o: $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=c89 -O1 -g $(CJSON_LIMITS) $(SANITIZE) -c $(CJSON_DIR)/cJSON.c -o $@

FUZZ_HARNESS_HDR := $(wildcard tests/fuzz/*.h)
$(FUZZ_DIR)/%: tests/fuzz/%.c $(FUZZ_HARNESS_HDR) $(FUZZ_OBJ)
	$(FUZZ_CC) $(SAN_CFLAGS) $(SANITIZE) -fsanitize=fuzzer $(CORE_INC) $< $(FUZZ_OBJ) -lm -o $@
$(FUZZ_DIR)/adapter_%: tests/fuzz/adapter.c $(FUZZ_HARNESS_HDR) $(FUZZ_OBJ)
	$(FUZZ_CC) $(SAN_CFLAGS) $(SANITIZE) -fsanitize=fuzzer $(CORE_INC) -DTF_FUZZ_ADAPTER=tf_read_$* \
	    -DTF_FUZZ_HTML=$(if $(filter %_html,$*),1,0) $< $(FUZZ_OBJ) -lm -o $@

# Seeds: written into the corpus folder at build time, from the fixtures (never copied into the repo).
$(FUZZ_DIR)/seeds/%/.seeded: tests/fuzz/seeds.mjs $(FUZZ_FIXTURES) $(wildcard wasm/models/*.tfm)
	@rm -rf $(@D) && mkdir -p $(@D)
	@node tests/fuzz/seeds.mjs $* $(@D) $(FUZZ_FIXTURE_DIRS)
	@touch $@

FUZZ_BINS := $(addprefix $(FUZZ_DIR)/,$(FUZZ_TARGETS))
FUZZ_SEEDS := $(foreach t,$(FUZZ_TARGETS),$(FUZZ_DIR)/seeds/$(t)/.seeded)

fuzz-build: $(FUZZ_BINS) $(FUZZ_SEEDS)

# The growing corpus: the seeds are added to what earlier runs found.
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do mkdir -p $(FUZZ_DIR)/corpus/$$t && cp -n $(FUZZ_DIR)/seeds/$$t/* $(FUZZ_DIR)/corpus/$$t/ 2>/dev/null; done; true
	FUZZ_PARALLEL=$(FUZZ_PARALLEL) tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_DIR)/corpus $(FUZZ_TARGETS)

fuzz-%: $(FUZZ_DIR)/% $(FUZZ_DIR)/seeds/%/.seeded
	@mkdir -p $(FUZZ_DIR)/corpus/$* && cp -n $(FUZZ_DIR)/seeds/$*/* $(FUZZ_DIR)/corpus/$*/ 2>/dev/null; true
	tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_DIR)/corpus $*

# CI: from the seeds alone, so a run does not depend on what a machine found before. The adapter targets
# repeat what `read` reaches through tf_read; FUZZ_ADAPTER_SECONDS (default FUZZ_SECONDS) shortens them.
FUZZ_ADAPTER_SECONDS ?= $(FUZZ_SECONDS)
FUZZ_ADAPTER_TARGETS := $(filter adapter_%,$(FUZZ_TARGETS))
fuzz-ci: fuzz-build
	@rm -rf $(FUZZ_DIR)/ci-corpus && for t in $(FUZZ_TARGETS); do mkdir -p $(FUZZ_DIR)/ci-corpus/$$t && cp $(FUZZ_DIR)/seeds/$$t/* $(FUZZ_DIR)/ci-corpus/$$t/; done
	FUZZ_PARALLEL=$(FUZZ_PARALLEL) tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_DIR)/ci-corpus $(filter-out $(FUZZ_ADAPTER_TARGETS),$(FUZZ_TARGETS))
	FUZZ_PARALLEL=$(FUZZ_PARALLEL) tests/fuzz/run.sh $(FUZZ_ADAPTER_SECONDS) $(FUZZ_DIR)/ci-corpus $(FUZZ_ADAPTER_TARGETS)

# ---- the C tests under the sanitizers ----------------------------------------------------------------
SAN_TESTS := $(patsubst tests/c/%.c,$(SAN_DIR)/tests/%,$(wildcard tests/c/test_*.c))
$(SAN_DIR)/tests/%: tests/c/%.c $(READ_FILE) $(SAN_OBJ)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(SAN_CFLAGS) -Wno-unused-parameter $(SANITIZE) $(CORE_INC) $(READ_FILE_INC) $< $(READ_FILE) $(SAN_OBJ) -lcmocka -lm -o $@

test-c-sanitized: $(SAN_TESTS)
	@for t in $(SAN_TESTS); do echo "== $$t (ASan, UBSan)"; ASAN_OPTIONS=detect_leaks=1 TF_HANG_SECONDS=120 $$t || exit 1; done

# ---- the command line under valgrind -----------------------------------------------------------------
# The command line exits 1 when an input is of no supported shape (some fixtures are, on purpose), so
# valgrind reports its own findings with exit code 86.
VALGRIND := valgrind -q --error-exitcode=86 --leak-check=full --errors-for-leak-kinds=definite,indirect
VALGRIND_INPUTS := $(filter-out %.tsv,$(FUZZ_FIXTURES))
test-valgrind: $(BUILD)/truefollow
	@for cmd in score audit; do \
	  echo "== valgrind truefollow $$cmd (on $(words $(VALGRIND_INPUTS)) fixtures)"; \
	  $(VALGRIND) $(BUILD)/truefollow $$cmd --now 1790000000 $(VALGRIND_INPUTS) >/dev/null 2>$(BUILD)/valgrind-$$cmd.log; \
	  rc=$$?; if [ $$rc -ne 0 ] && [ $$rc -ne 1 ]; then cat $(BUILD)/valgrind-$$cmd.log; exit 1; fi; \
	done

.PHONY: fuzz fuzz-build fuzz-ci test-c-sanitized test-valgrind
