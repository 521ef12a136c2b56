# Extension part 2: the translations are inputs of every extension build (scripts/build-extension.mjs bundles
# them), and the history rule's unit test sits with the other C tests (tests/c/test_history.c, by wildcard).
LOCALE_FILES := $(wildcard extension/_locales/*/messages.json)
$(BUILD)/chrome/manifest.json $(BUILD)/firefox/manifest.json $(BUILD)/chrome-test/manifest.json $(BUILD)/firefox-test/manifest.json: $(LOCALE_FILES)
