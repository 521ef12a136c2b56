# The words of the core's documents (the HTML report): the extension's messages, the one place they are
# written, compiled into the core as build/gen/words.c (scripts/build/gen-words.mjs), for the library, the command
# line and every wasm build alike.
$(BUILD)/gen/words.c: scripts/build/gen-words.mjs $(wildcard extension/_locales/*/messages.json)
	@mkdir -p $(@D)
	node scripts/build/gen-words.mjs $@
# mk/core.mk lists build/gen/words.c among the core's sources: the library and every wasm build take it.
