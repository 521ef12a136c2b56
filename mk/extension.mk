# The extension: built for Chromium and Firefox from the one source (extension/ and manifest.json);
# the per-browser differences are extension/overlays/<browser>.json, merged by scripts/build/build-extension.mjs.
# The translations are inputs of every build too (scripts/build/build-extension.mjs copies and bundles them).
EXTENSION_SRC := manifest.json $(wildcard extension/*/*.js extension/*/*.html extension/*/*.css) js-glue/core.js js-glue/web.js \
                 $(wildcard extension/_locales/*/messages.json) scripts/build/build-extension.mjs \
                 $(BUILD)/wasm/web-release/truefollow-core.mjs $(BUILD)/wasm/content-release/truefollow-core.js

chrome: $(BUILD)/truefollow-chrome.zip
firefox: $(BUILD)/truefollow-firefox.xpi
extension: chrome firefox

# One rule per browser: the unpacked build (stamped by its manifest), then the archive of exactly that tree.
$(BUILD)/%/manifest.json: $(EXTENSION_SRC) extension/overlays/%.json | $(DEPS_STAMP)
	node scripts/build/build-extension.mjs $* $(BUILD)/$*

# The builds the end-to-end tests load: the same, with open shadow roots, the fixture Mastodon instance
# granted and the core's test hooks (scripts/build/build-extension.mjs --test). Never packed.
TEST_BUILD_SRC := tests/e2e/lib/hooked-core.js tests/e2e/lib/hooked-content-core.js tests/e2e/lib/hook-marks.js
$(BUILD)/chrome-test/manifest.json: $(EXTENSION_SRC) $(TEST_BUILD_SRC) extension/overlays/chrome.json | $(DEPS_STAMP)
	node scripts/build/build-extension.mjs chrome $(BUILD)/chrome-test --test
$(BUILD)/firefox-test/manifest.json: $(EXTENSION_SRC) $(TEST_BUILD_SRC) extension/overlays/firefox.json | $(DEPS_STAMP)
	node scripts/build/build-extension.mjs firefox $(BUILD)/firefox-test --test
extension-test-builds: $(BUILD)/chrome-test/manifest.json $(BUILD)/firefox-test/manifest.json

# scripts/build/pack-extension.sh: fixed timestamps, modes and file order, so a rebuild gives the same bytes.
$(BUILD)/truefollow-chrome.zip: $(BUILD)/chrome/manifest.json scripts/build/pack-extension.sh
	bash scripts/build/pack-extension.sh $(BUILD)/chrome $@

$(BUILD)/truefollow-firefox.xpi: $(BUILD)/firefox/manifest.json scripts/build/pack-extension.sh
	bash scripts/build/pack-extension.sh $(BUILD)/firefox $@

# Mozilla's linter on the Firefox build: any error or warning fails (it runs before the end-to-end tests).
lint-extension: firefox
	node_modules/.bin/web-ext lint --source-dir $(BUILD)/firefox --warnings-as-errors

test-e2e: chrome firefox lint-extension extension-test-builds
	node --test --test-concurrency=1 tests/e2e/

.PHONY: lint-extension extension-test-builds

# The demo: everything built, then Chromium with the extension on the bundled demo profiles. It loads the
# Chromium test build (the demo's Mastodon instance granted, as a user would grant it on the options page).
demo: deps all $(BUILD)/chrome-test/manifest.json
	node scripts/docs/demo.mjs
