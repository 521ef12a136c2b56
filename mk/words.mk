# The words of the core's documents (the HTML report): the extension's messages, the one place they are
# written, compiled into the core as build/gen/words.c (scripts/gen-words.mjs), for the library, the command
# line and every wasm build alike.
$(BUILD)/gen/words.c: scripts/gen-words.mjs $(wildcard extension/_locales/*/messages.json)
	@mkdir -p $(@D)
	node scripts/gen-words.mjs $@

$(BUILD)/native/gen/words.o: $(BUILD)/gen/words.c wasm/src/words.h | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(CORE_INC) -c $< -o $@

$(BUILD)/libtruefollow.a: $(BUILD)/native/gen/words.o
CORE_SRC += $(BUILD)/gen/words.c
$(WASM_OUT): $(BUILD)/gen/words.c
